-- Drill-down by a trade over a range of months (issue 5): one market's workers placed in a trade, month by month,
-- as one index key range instead of every trade's entries of those months (the primary key leads by month).
CREATE INDEX IF NOT EXISTS analytics_worker_month_trades_trade ON analytics_worker_month_trades (market_id, trade_code, month, worker_id);
