-- Worker-level rollup without the township (see analytics_month_stars in schema/analytics.ts): kept by the
-- same helper that keeps analytics_month_group, so both always move together.
CREATE OR REPLACE FUNCTION analytics_add_group(m uuid, mo date, tw uuid, st smallint, d_reg int, d_seek int, d_placed int)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_month_group AS a (market_id, month, township_id, stars, registered_delta, seekers_delta, placed_workers)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (market_id, month, township_id, stars) DO UPDATE SET
    registered_delta = a.registered_delta + excluded.registered_delta,
    seekers_delta = a.seekers_delta + excluded.seekers_delta,
    placed_workers = a.placed_workers + excluded.placed_workers;
  INSERT INTO analytics_month_stars AS a (market_id, month, stars, registered_delta, seekers_delta, placed_workers)
  VALUES ($1, $2, $4, $5, $6, $7)
  ON CONFLICT (market_id, month, stars) DO UPDATE SET
    registered_delta = a.registered_delta + excluded.registered_delta,
    seekers_delta = a.seekers_delta + excluded.seekers_delta,
    placed_workers = a.placed_workers + excluded.placed_workers;
$$;
--> statement-breakpoint
CREATE OR REPLACE VIEW analytics_expected_month_stars AS
  SELECT market_id, month, stars, sum(registered_delta)::int AS registered_delta, sum(seekers_delta)::int AS seekers_delta,
         sum(placed_workers)::int AS placed_workers
  FROM analytics_expected_month_group GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_worker_months;
  DELETE FROM analytics_worker_month_trades;
  DELETE FROM analytics_month_trade;
  DELETE FROM analytics_month_group;
  DELETE FROM analytics_month_stars;
  DELETE FROM analytics_month_wages;
  DELETE FROM analytics_month_complaints;
  DELETE FROM analytics_month_counters;
  INSERT INTO analytics_worker_months SELECT * FROM analytics_expected_worker_months;
  INSERT INTO analytics_worker_month_trades SELECT * FROM analytics_expected_worker_month_trades;
  INSERT INTO analytics_month_trade SELECT * FROM analytics_expected_month_trade;
  INSERT INTO analytics_month_group SELECT * FROM analytics_expected_month_group;
  INSERT INTO analytics_month_stars SELECT market_id, month, stars, sum(registered_delta), sum(seekers_delta), sum(placed_workers)
    FROM analytics_month_group GROUP BY 1, 2, 3;
  INSERT INTO analytics_month_wages SELECT * FROM analytics_expected_month_wages;
  INSERT INTO analytics_month_complaints SELECT * FROM analytics_expected_month_complaints;
  INSERT INTO analytics_month_counters SELECT * FROM analytics_expected_month_counters;
END $$;
--> statement-breakpoint
-- Existing data: fill the new table from the (already correct) township-level rollup.
INSERT INTO analytics_month_stars (market_id, month, stars, registered_delta, seekers_delta, placed_workers)
  SELECT market_id, month, stars, sum(registered_delta), sum(seekers_delta), sum(placed_workers) FROM analytics_month_group GROUP BY 1, 2, 3;
