-- Province-scale rollups and indexes (issue 5). analytics_month_totals (market, month) and the province-wide
-- analytics_province_month_trade / _wages are kept by the SAME helper calls that keep analytics_month_trade
-- and analytics_month_wages, in the same transaction, so each moves exactly with its source rollup. The
-- analytics_expected_* views give the same figures from the base tables (tests compare them).
CREATE OR REPLACE FUNCTION analytics_add_trade(m uuid, mo date, tr text, d_orders int, d_head int, d_plac int, d_compl int, d_seek int, d_placed int)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_month_trade AS a (market_id, month, trade_code, demand_orders, demand_headcount, placements, completed, seekers_delta, placed_workers)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (market_id, month, trade_code) DO UPDATE SET
    demand_orders = a.demand_orders + excluded.demand_orders,
    demand_headcount = a.demand_headcount + excluded.demand_headcount,
    placements = a.placements + excluded.placements,
    completed = a.completed + excluded.completed,
    seekers_delta = a.seekers_delta + excluded.seekers_delta,
    placed_workers = a.placed_workers + excluded.placed_workers;
  INSERT INTO analytics_province_month_trade AS a (month, trade_code, demand_orders, demand_headcount, placements, completed, seekers_delta, placed_workers)
  VALUES ($2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (month, trade_code) DO UPDATE SET
    demand_orders = a.demand_orders + excluded.demand_orders,
    demand_headcount = a.demand_headcount + excluded.demand_headcount,
    placements = a.placements + excluded.placements,
    completed = a.completed + excluded.completed,
    seekers_delta = a.seekers_delta + excluded.seekers_delta,
    placed_workers = a.placed_workers + excluded.placed_workers;
  -- Only the order/dispatch figures are additive over trades; seeker and distinct-worker changes skip the totals.
  INSERT INTO analytics_month_totals AS a (market_id, month, demand_orders, demand_headcount, placements, completed)
  SELECT $1, $2, $4, $5, $6, $7 WHERE ($4, $5, $6, $7) IS DISTINCT FROM (0, 0, 0, 0)
  ON CONFLICT (market_id, month) DO UPDATE SET
    demand_orders = a.demand_orders + excluded.demand_orders,
    demand_headcount = a.demand_headcount + excluded.demand_headcount,
    placements = a.placements + excluded.placements,
    completed = a.completed + excluded.completed;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_add_wage(m uuid, mo date, tr text, unit text, grade text, d_sum bigint, d_count int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_month_wages AS a (market_id, month, trade_code, wage_unit, skill_grade, wage_sum_fen, wage_count)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (market_id, month, trade_code, wage_unit, skill_grade) DO UPDATE SET
    wage_sum_fen = a.wage_sum_fen + excluded.wage_sum_fen, wage_count = a.wage_count + excluded.wage_count;
  INSERT INTO analytics_province_month_wages AS a (month, trade_code, wage_unit, skill_grade, wage_sum_fen, wage_count)
  VALUES ($2, $3, $4, $5, $6, $7)
  ON CONFLICT (month, trade_code, wage_unit, skill_grade) DO UPDATE SET
    wage_sum_fen = a.wage_sum_fen + excluded.wage_sum_fen, wage_count = a.wage_count + excluded.wage_count;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_apply_dispatch(r dispatches, tr text, grade text, s int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  mo date := analytics_month(r.starts_at);
BEGIN
  IF r.status NOT IN ('assigned', 'started', 'completed') THEN RETURN; END IF;
  PERFORM analytics_add_trade(r.market_id, mo, tr, 0, 0, s, CASE WHEN r.status = 'completed' THEN s ELSE 0 END, 0, 0);
  PERFORM analytics_bump_placed(r.market_id, mo, r.worker_id, tr, s);
  IF r.status = 'completed' THEN
    PERFORM analytics_add_wage(r.market_id, mo, tr, r.wage_unit, grade, s * r.agreed_wage_fen::bigint, s);
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE VIEW analytics_expected_month_totals AS
  SELECT market_id, month, sum(demand_orders)::int AS demand_orders, sum(demand_headcount)::int AS demand_headcount,
         sum(placements)::int AS placements, sum(completed)::int AS completed
  FROM analytics_expected_month_trade GROUP BY 1, 2;
--> statement-breakpoint
CREATE OR REPLACE VIEW analytics_expected_province_month_trade AS
  SELECT month, trade_code, sum(demand_orders)::int AS demand_orders, sum(demand_headcount)::int AS demand_headcount,
         sum(placements)::int AS placements, sum(completed)::int AS completed, sum(seekers_delta)::int AS seekers_delta,
         sum(placed_workers)::int AS placed_workers
  FROM analytics_expected_month_trade GROUP BY 1, 2;
--> statement-breakpoint
CREATE OR REPLACE VIEW analytics_expected_province_month_wages AS
  SELECT month, trade_code, wage_unit, skill_grade, sum(wage_sum_fen)::bigint AS wage_sum_fen, sum(wage_count)::int AS wage_count
  FROM analytics_expected_month_wages GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_worker_months;
  DELETE FROM analytics_worker_month_trades;
  DELETE FROM analytics_month_trade;
  DELETE FROM analytics_month_totals;
  DELETE FROM analytics_province_month_trade;
  DELETE FROM analytics_month_group;
  DELETE FROM analytics_month_stars;
  DELETE FROM analytics_month_wages;
  DELETE FROM analytics_province_month_wages;
  DELETE FROM analytics_month_complaints;
  DELETE FROM analytics_month_counters;
  INSERT INTO analytics_worker_months SELECT * FROM analytics_expected_worker_months;
  INSERT INTO analytics_worker_month_trades SELECT * FROM analytics_expected_worker_month_trades;
  INSERT INTO analytics_month_trade SELECT * FROM analytics_expected_month_trade;
  INSERT INTO analytics_month_totals SELECT market_id, month, sum(demand_orders), sum(demand_headcount), sum(placements), sum(completed)
    FROM analytics_month_trade GROUP BY 1, 2 HAVING (sum(demand_orders), sum(demand_headcount), sum(placements), sum(completed)) IS DISTINCT FROM (0, 0, 0, 0);
  INSERT INTO analytics_province_month_trade SELECT month, trade_code, sum(demand_orders), sum(demand_headcount), sum(placements),
    sum(completed), sum(seekers_delta), sum(placed_workers) FROM analytics_month_trade GROUP BY 1, 2;
  INSERT INTO analytics_month_group SELECT * FROM analytics_expected_month_group;
  INSERT INTO analytics_month_stars SELECT market_id, month, stars, sum(registered_delta), sum(seekers_delta), sum(placed_workers)
    FROM analytics_month_group GROUP BY 1, 2, 3;
  INSERT INTO analytics_month_wages SELECT * FROM analytics_expected_month_wages;
  INSERT INTO analytics_province_month_wages SELECT month, trade_code, wage_unit, skill_grade, sum(wage_sum_fen), sum(wage_count)
    FROM analytics_month_wages GROUP BY 1, 2, 3, 4;
  INSERT INTO analytics_month_complaints SELECT * FROM analytics_expected_month_complaints;
  INSERT INTO analytics_month_counters SELECT * FROM analytics_expected_month_counters;
END $$;
--> statement-breakpoint
-- Existing data: fill the new tables from the (already correct) market-level rollups.
INSERT INTO analytics_month_totals SELECT market_id, month, sum(demand_orders), sum(demand_headcount), sum(placements), sum(completed)
  FROM analytics_month_trade GROUP BY 1, 2 HAVING (sum(demand_orders), sum(demand_headcount), sum(placements), sum(completed)) IS DISTINCT FROM (0, 0, 0, 0);
--> statement-breakpoint
INSERT INTO analytics_province_month_trade SELECT month, trade_code, sum(demand_orders), sum(demand_headcount), sum(placements),
  sum(completed), sum(seekers_delta), sum(placed_workers) FROM analytics_month_trade GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO analytics_province_month_wages SELECT month, trade_code, wage_unit, skill_grade, sum(wage_sum_fen), sum(wage_count)
  FROM analytics_month_wages GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Drill-down lists across the whole province are "newest first within a time range" over every market, which an
-- index led by market_id cannot answer without reading every market's range. These time-led indexes serve the
-- province lists (market_id is a trailing column, so a list of markets is filtered inside the index); each Citus
-- shard keeps its own copy, so they stay local under distribution by market_id. Partial: only the rows the lists show.
CREATE INDEX IF NOT EXISTS dispatches_live_starts ON dispatches (starts_at, market_id) WHERE status IN ('assigned', 'started', 'completed');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS job_orders_published ON job_orders (published_at, market_id) WHERE published_at IS NOT NULL AND status <> 'cancelled';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS job_orders_market_published ON job_orders (market_id, published_at) WHERE published_at IS NOT NULL AND status <> 'cancelled';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS complaints_filed ON complaints (filed_at, market_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS complaints_market_filed ON complaints (market_id, filed_at);
--> statement-breakpoint
-- The overview's "open now" card: open orders are few, so an index-only scan of this partial index answers it.
CREATE INDEX IF NOT EXISTS job_orders_open ON job_orders (market_id) INCLUDE (headcount, filled_count) WHERE status IN ('published', 'partly_filled');
