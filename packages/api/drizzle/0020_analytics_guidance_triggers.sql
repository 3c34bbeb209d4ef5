-- Wages against guidance kept in the wage rollups (M7; see guidance_mid and the guidance columns in
-- src/schema/analytics.ts). Each completed day-rate dispatch adds wage ÷ midpoint (rounded to 12 decimals, summed
-- exactly as numeric), one priced job and the low/mid/high of the guidance its market had in force ON ITS DAY:
-- the market's guidance_mid row set with the latest effective_from on or before the Asia/Shanghai day of
-- starts_at, else core's default set (market_id zero). The midpoints come from the API (core guidanceRange);
-- nothing here computes a wage rule. analytics_reprice_wages() recomputes one market's months from a day on
-- (run in the transaction that publishes a guidance version); analytics_rebuild_wages() does every market.
CREATE OR REPLACE FUNCTION analytics_day(ts timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT ((ts AT TIME ZONE 'UTC') + interval '8 hours')::date $$;
--> statement-breakpoint
-- Each market row set with the day it stops applying (the next set's date), for set-based joins.
CREATE OR REPLACE VIEW analytics_guidance_spans AS
  SELECT market_id, trade_code, skill_grade, effective_from,
         lead(effective_from) OVER (PARTITION BY market_id, trade_code, skill_grade ORDER BY effective_from) AS effective_until,
         low_fen, mid_fen, high_fen
  FROM guidance_mid WHERE market_id <> '00000000-0000-0000-0000-000000000000'::uuid;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_add_wage(m uuid, mo date, tr text, unit text, grade text, d_sum bigint, d_count int,
  d_guided int, d_over numeric, d_low bigint, d_mid bigint, d_high bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_month_wages AS a (market_id, month, trade_code, wage_unit, skill_grade, wage_sum_fen, wage_count,
    guided_count, wage_over_mid, guidance_low_sum_fen, guidance_mid_sum_fen, guidance_high_sum_fen)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
  ON CONFLICT (market_id, month, trade_code, wage_unit, skill_grade) DO UPDATE SET
    wage_sum_fen = a.wage_sum_fen + excluded.wage_sum_fen, wage_count = a.wage_count + excluded.wage_count,
    guided_count = a.guided_count + excluded.guided_count, wage_over_mid = a.wage_over_mid + excluded.wage_over_mid,
    guidance_low_sum_fen = a.guidance_low_sum_fen + excluded.guidance_low_sum_fen,
    guidance_mid_sum_fen = a.guidance_mid_sum_fen + excluded.guidance_mid_sum_fen,
    guidance_high_sum_fen = a.guidance_high_sum_fen + excluded.guidance_high_sum_fen;
  INSERT INTO analytics_province_month_wages AS a (month, trade_code, wage_unit, skill_grade, wage_sum_fen, wage_count,
    guided_count, wage_over_mid, guidance_low_sum_fen, guidance_mid_sum_fen, guidance_high_sum_fen)
  VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
  ON CONFLICT (month, trade_code, wage_unit, skill_grade) DO UPDATE SET
    wage_sum_fen = a.wage_sum_fen + excluded.wage_sum_fen, wage_count = a.wage_count + excluded.wage_count,
    guided_count = a.guided_count + excluded.guided_count, wage_over_mid = a.wage_over_mid + excluded.wage_over_mid,
    guidance_low_sum_fen = a.guidance_low_sum_fen + excluded.guidance_low_sum_fen,
    guidance_mid_sum_fen = a.guidance_mid_sum_fen + excluded.guidance_mid_sum_fen,
    guidance_high_sum_fen = a.guidance_high_sum_fen + excluded.guidance_high_sum_fen;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_apply_dispatch(r dispatches, tr text, grade text, s int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  mo date := analytics_month(r.starts_at);
  lo int;
  mi int;
  hi int;
BEGIN
  IF r.status NOT IN ('assigned', 'started', 'completed') THEN RETURN; END IF;
  PERFORM analytics_add_trade(r.market_id, mo, tr, 0, 0, s, CASE WHEN r.status = 'completed' THEN s ELSE 0 END, 0, 0);
  PERFORM analytics_bump_placed(r.market_id, mo, r.worker_id, tr, s);
  IF r.status = 'completed' THEN
    -- Shared with the exclusive lock a guidance publish holds (lockKey 'policy:<market>:wages'): a publish waits
    -- for wage changes in flight, and a change after it waits for it, then reads its rows (read committed: this
    -- statement takes a new snapshot), so no job is priced by a table the publish has just re-priced away.
    PERFORM pg_advisory_xact_lock_shared(hashtext('policy:' || r.market_id::text || ':wages'));
    IF r.wage_unit = 'day' THEN
      SELECT x.low_fen, x.mid_fen, x.high_fen INTO lo, mi, hi FROM guidance_mid x
        WHERE x.market_id IN (r.market_id, '00000000-0000-0000-0000-000000000000'::uuid)
          AND x.trade_code = tr AND x.skill_grade = grade AND x.effective_from <= analytics_day(r.starts_at)
        ORDER BY x.market_id = r.market_id DESC, x.effective_from DESC LIMIT 1;
    END IF;
    IF mi > 0 THEN
      PERFORM analytics_add_wage(r.market_id, mo, tr, r.wage_unit, grade, s * r.agreed_wage_fen::bigint, s,
        s, s * round(r.agreed_wage_fen::numeric / mi, 12), s * lo::bigint, s * mi::bigint, s * hi::bigint);
    ELSE
      PERFORM analytics_add_wage(r.market_id, mo, tr, r.wage_unit, grade, s * r.agreed_wage_fen::bigint, s, 0, 0, 0, 0, 0);
    END IF;
  END IF;
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS analytics_add_wage(uuid, date, text, text, text, bigint, integer);
--> statement-breakpoint
CREATE OR REPLACE VIEW analytics_expected_month_wages AS
  SELECT market_id, month, trade_code, wage_unit, skill_grade, sum(wage)::bigint AS wage_sum_fen, count(*)::int AS wage_count,
         count(*) FILTER (WHERE mid > 0)::int AS guided_count,
         coalesce(sum(round(wage::numeric / mid, 12)) FILTER (WHERE mid > 0), 0)::numeric AS wage_over_mid,
         coalesce(sum(lo) FILTER (WHERE mid > 0), 0)::bigint AS guidance_low_sum_fen,
         coalesce(sum(mid) FILTER (WHERE mid > 0), 0)::bigint AS guidance_mid_sum_fen,
         coalesce(sum(hi) FILTER (WHERE mid > 0), 0)::bigint AS guidance_high_sum_fen
  FROM (
    SELECT d.market_id, analytics_month(d.starts_at) AS month, o.trade_code, d.wage_unit, o.skill_grade, d.agreed_wage_fen AS wage,
           coalesce(s.low_fen, dg.low_fen) AS lo, coalesce(s.mid_fen, dg.mid_fen) AS mid, coalesce(s.high_fen, dg.high_fen) AS hi
    FROM dispatches d JOIN job_orders o ON o.id = d.order_id
    LEFT JOIN analytics_guidance_spans s ON d.wage_unit = 'day' AND s.market_id = d.market_id
      AND s.trade_code = o.trade_code AND s.skill_grade = o.skill_grade
      AND s.effective_from <= analytics_day(d.starts_at) AND (s.effective_until IS NULL OR analytics_day(d.starts_at) < s.effective_until)
    LEFT JOIN guidance_mid dg ON d.wage_unit = 'day' AND s.market_id IS NULL
      AND dg.market_id = '00000000-0000-0000-0000-000000000000'::uuid AND dg.trade_code = o.trade_code AND dg.skill_grade = o.skill_grade
      AND dg.effective_from <= analytics_day(d.starts_at)
    WHERE d.status = 'completed'
  ) x GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE OR REPLACE VIEW analytics_expected_province_month_wages AS
  SELECT month, trade_code, wage_unit, skill_grade, sum(wage_sum_fen)::bigint AS wage_sum_fen, sum(wage_count)::int AS wage_count,
         sum(guided_count)::int AS guided_count, sum(wage_over_mid)::numeric AS wage_over_mid,
         sum(guidance_low_sum_fen)::bigint AS guidance_low_sum_fen, sum(guidance_mid_sum_fen)::bigint AS guidance_mid_sum_fen,
         sum(guidance_high_sum_fen)::bigint AS guidance_high_sum_fen
  FROM analytics_expected_month_wages GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Adds (s = 1) or removes (s = -1) one market's wage rollup rows of the months from mo on to the province rollup.
CREATE OR REPLACE FUNCTION analytics_province_wages_of(m uuid, mo date, s int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_province_month_wages AS a (month, trade_code, wage_unit, skill_grade, wage_sum_fen, wage_count,
    guided_count, wage_over_mid, guidance_low_sum_fen, guidance_mid_sum_fen, guidance_high_sum_fen)
  SELECT month, trade_code, wage_unit, skill_grade, s * sum(wage_sum_fen), s * sum(wage_count), s * sum(guided_count),
         s * sum(wage_over_mid), s * sum(guidance_low_sum_fen), s * sum(guidance_mid_sum_fen), s * sum(guidance_high_sum_fen)
  FROM analytics_month_wages WHERE market_id = m AND month >= mo GROUP BY 1, 2, 3, 4
  ON CONFLICT (month, trade_code, wage_unit, skill_grade) DO UPDATE SET
    wage_sum_fen = a.wage_sum_fen + excluded.wage_sum_fen, wage_count = a.wage_count + excluded.wage_count,
    guided_count = a.guided_count + excluded.guided_count, wage_over_mid = a.wage_over_mid + excluded.wage_over_mid,
    guidance_low_sum_fen = a.guidance_low_sum_fen + excluded.guidance_low_sum_fen,
    guidance_mid_sum_fen = a.guidance_mid_sum_fen + excluded.guidance_mid_sum_fen,
    guidance_high_sum_fen = a.guidance_high_sum_fen + excluded.guidance_high_sum_fen;
$$;
--> statement-breakpoint
-- One market's wage rows of the months from from_day's month on, recomputed from the base tables (a guidance
-- version dated from_day changes how those days are priced); the province rollup moves by the difference.
CREATE OR REPLACE FUNCTION analytics_reprice_wages(m uuid, from_day date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  mo date := analytics_month_of_day(from_day);
BEGIN
  PERFORM analytics_province_wages_of(m, mo, -1);
  DELETE FROM analytics_month_wages WHERE market_id = m AND month >= mo;
  INSERT INTO analytics_month_wages SELECT * FROM analytics_expected_month_wages WHERE market_id = m AND month >= mo;
  PERFORM analytics_province_wages_of(m, mo, 1);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_rebuild_wages() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_month_wages;
  DELETE FROM analytics_province_month_wages;
  INSERT INTO analytics_month_wages SELECT * FROM analytics_expected_month_wages;
  INSERT INTO analytics_province_month_wages SELECT month, trade_code, wage_unit, skill_grade, sum(wage_sum_fen), sum(wage_count),
    sum(guided_count), sum(wage_over_mid), sum(guidance_low_sum_fen), sum(guidance_mid_sum_fen), sum(guidance_high_sum_fen)
    FROM analytics_month_wages GROUP BY 1, 2, 3, 4;
END $$;
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
  PERFORM analytics_rebuild_wages();
  INSERT INTO analytics_month_complaints SELECT * FROM analytics_expected_month_complaints;
  INSERT INTO analytics_month_counters SELECT * FROM analytics_expected_month_counters;
END $$;
