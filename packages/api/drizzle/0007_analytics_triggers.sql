-- Analytics rollups (see src/schema/analytics.ts). Each rollup = sum over base rows of a pure contribution of
-- one row. AFTER row triggers subtract OLD's contribution and add NEW's in the same transaction. The
-- analytics_expected_* views compute the same figures straight from the base tables; analytics_rebuild()
-- reloads every rollup from them (bulk loads, TRUNCATE, repair). Workers are deregistered, never deleted.
CREATE OR REPLACE FUNCTION analytics_month(ts timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT date_trunc('month', (ts AT TIME ZONE 'UTC') + interval '8 hours')::date $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_month_of_day(d date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT date_trunc('month', d)::date $$;
--> statement-breakpoint
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
    placed_workers = a.placed_workers + excluded.placed_workers
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_add_group(m uuid, mo date, tw uuid, st smallint, d_reg int, d_seek int, d_placed int)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_month_group AS a (market_id, month, township_id, stars, registered_delta, seekers_delta, placed_workers)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (market_id, month, township_id, stars) DO UPDATE SET
    registered_delta = a.registered_delta + excluded.registered_delta,
    seekers_delta = a.seekers_delta + excluded.seekers_delta,
    placed_workers = a.placed_workers + excluded.placed_workers
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_add_counter(m uuid, mo date, metric text, v bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_month_counters AS a (market_id, month, metric, value) VALUES ($1, $2, $3, $4)
  ON CONFLICT (market_id, month, metric) DO UPDATE SET value = a.value + excluded.value
$$;
--> statement-breakpoint
-- A worker's rollup key: township (zero uuid for none) and the month they left the pool, if they did.
CREATE OR REPLACE FUNCTION analytics_township(tw uuid) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT coalesce(tw, '00000000-0000-0000-0000-000000000000'::uuid) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_left_month(status text, deregistered_at timestamptz, updated_at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN status IN ('deregistered', 'expelled') THEN analytics_month(coalesce(deregistered_at, updated_at)) END $$;
--> statement-breakpoint
-- Distinct placed workers: reference-counted (market, month, worker) and (market, month, trade, worker) sets.
CREATE OR REPLACE FUNCTION analytics_bump_placed(m uuid, mo date, w uuid, tr text, d int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  cnt int;
  tw uuid;
  st smallint;
BEGIN
  INSERT INTO analytics_worker_months AS x (market_id, month, worker_id, dispatches) VALUES (m, mo, w, d)
  ON CONFLICT (market_id, month, worker_id) DO UPDATE SET dispatches = x.dispatches + excluded.dispatches
  RETURNING x.dispatches INTO cnt;
  IF (d > 0 AND cnt = d) OR (d < 0 AND cnt = 0) THEN
    SELECT analytics_township(township_id), stars INTO tw, st FROM workers WHERE id = w;
    PERFORM analytics_add_group(m, mo, tw, st, 0, 0, sign(d)::int);
  END IF;
  IF cnt = 0 THEN
    DELETE FROM analytics_worker_months WHERE market_id = m AND month = mo AND worker_id = w;
  END IF;
  INSERT INTO analytics_worker_month_trades AS x (market_id, month, trade_code, worker_id, dispatches) VALUES (m, mo, tr, w, d)
  ON CONFLICT (market_id, month, trade_code, worker_id) DO UPDATE SET dispatches = x.dispatches + excluded.dispatches
  RETURNING x.dispatches INTO cnt;
  IF (d > 0 AND cnt = d) OR (d < 0 AND cnt = 0) THEN
    PERFORM analytics_add_trade(m, mo, tr, 0, 0, 0, 0, 0, sign(d)::int);
  END IF;
  IF cnt = 0 THEN
    DELETE FROM analytics_worker_month_trades WHERE market_id = m AND month = mo AND trade_code = tr AND worker_id = w;
  END IF;
END $$;
--> statement-breakpoint
-- dispatches: live (assigned, started, completed) ones are placements in the month they start.
CREATE OR REPLACE FUNCTION analytics_apply_dispatch(r dispatches, tr text, grade text, s int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  mo date := analytics_month(r.starts_at);
BEGIN
  IF r.status NOT IN ('assigned', 'started', 'completed') THEN RETURN; END IF;
  PERFORM analytics_add_trade(r.market_id, mo, tr, 0, 0, s, CASE WHEN r.status = 'completed' THEN s ELSE 0 END, 0, 0);
  PERFORM analytics_bump_placed(r.market_id, mo, r.worker_id, tr, s);
  IF r.status = 'completed' THEN
    INSERT INTO analytics_month_wages AS a (market_id, month, trade_code, wage_unit, skill_grade, wage_sum_fen, wage_count)
    VALUES (r.market_id, mo, tr, r.wage_unit, grade, s * r.agreed_wage_fen::bigint, s)
    ON CONFLICT (market_id, month, trade_code, wage_unit, skill_grade) DO UPDATE SET
      wage_sum_fen = a.wage_sum_fen + excluded.wage_sum_fen, wage_count = a.wage_count + excluded.wage_count;
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_tg_dispatches() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tr text;
  grade text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    SELECT trade_code, skill_grade INTO tr, grade FROM job_orders WHERE id = OLD.order_id;
    PERFORM analytics_apply_dispatch(OLD, tr, grade, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT trade_code, skill_grade INTO tr, grade FROM job_orders WHERE id = NEW.order_id;
    PERFORM analytics_apply_dispatch(NEW, tr, grade, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_dispatches_ins_del AFTER INSERT OR DELETE ON dispatches FOR EACH ROW EXECUTE FUNCTION analytics_tg_dispatches();
--> statement-breakpoint
CREATE TRIGGER analytics_dispatches_upd AFTER UPDATE ON dispatches FOR EACH ROW
WHEN ((OLD.market_id, OLD.order_id, OLD.worker_id, OLD.starts_at, OLD.status, OLD.agreed_wage_fen, OLD.wage_unit)
  IS DISTINCT FROM (NEW.market_id, NEW.order_id, NEW.worker_id, NEW.starts_at, NEW.status, NEW.agreed_wage_fen, NEW.wage_unit))
EXECUTE FUNCTION analytics_tg_dispatches();
--> statement-breakpoint
-- job_orders: demand = published, not cancelled orders in the month they were published. A change of the
-- order's trade or skill grade re-files its dispatches under the new key.
CREATE OR REPLACE FUNCTION analytics_tg_job_orders() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d dispatches;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.published_at IS NOT NULL AND OLD.status <> 'cancelled' THEN
    PERFORM analytics_add_trade(OLD.market_id, analytics_month(OLD.published_at), OLD.trade_code, -1, -OLD.headcount, 0, 0, 0, 0);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.published_at IS NOT NULL AND NEW.status <> 'cancelled' THEN
    PERFORM analytics_add_trade(NEW.market_id, analytics_month(NEW.published_at), NEW.trade_code, 1, NEW.headcount, 0, 0, 0, 0);
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.trade_code, OLD.skill_grade) IS DISTINCT FROM (NEW.trade_code, NEW.skill_grade) THEN
    FOR d IN SELECT * FROM dispatches WHERE market_id = NEW.market_id AND order_id = NEW.id LOOP
      PERFORM analytics_apply_dispatch(d, OLD.trade_code, OLD.skill_grade, -1);
      PERFORM analytics_apply_dispatch(d, NEW.trade_code, NEW.skill_grade, 1);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_job_orders_ins_del AFTER INSERT OR DELETE ON job_orders FOR EACH ROW EXECUTE FUNCTION analytics_tg_job_orders();
--> statement-breakpoint
CREATE TRIGGER analytics_job_orders_upd AFTER UPDATE ON job_orders FOR EACH ROW
WHEN ((OLD.market_id, OLD.published_at, OLD.status = 'cancelled', OLD.trade_code, OLD.skill_grade, OLD.headcount)
  IS DISTINCT FROM (NEW.market_id, NEW.published_at, NEW.status = 'cancelled', NEW.trade_code, NEW.skill_grade, NEW.headcount))
EXECUTE FUNCTION analytics_tg_job_orders();
--> statement-breakpoint
-- workers: registered (+1 at registration, -1 at deregistration), seekers (+1 at registration, -1 when
-- deregistered or expelled), distinct placements moved with the worker's current township and stars.
CREATE OR REPLACE FUNCTION analytics_apply_worker(r workers, s int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tw uuid := analytics_township(r.township_id);
  left_mo date := analytics_left_month(r.status, r.deregistered_at, r.updated_at);
  wm record;
BEGIN
  PERFORM analytics_add_group(r.market_id, analytics_month(r.created_at), tw, r.stars, s, s, 0);
  IF left_mo IS NOT NULL THEN
    PERFORM analytics_add_group(r.market_id, left_mo, tw, r.stars, CASE WHEN r.status = 'deregistered' THEN -s ELSE 0 END, -s, 0);
  END IF;
  FOR wm IN SELECT month FROM analytics_worker_months WHERE market_id = r.market_id AND worker_id = r.id LOOP
    PERFORM analytics_add_group(r.market_id, wm.month, tw, r.stars, 0, 0, s);
  END LOOP;
  FOR wm IN SELECT trade_code FROM worker_trades WHERE market_id = r.market_id AND worker_id = r.id LOOP
    PERFORM analytics_add_trade(r.market_id, analytics_month(r.created_at), wm.trade_code, 0, 0, 0, 0, s, 0);
    IF left_mo IS NOT NULL THEN
      PERFORM analytics_add_trade(r.market_id, left_mo, wm.trade_code, 0, 0, 0, 0, -s, 0);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_tg_workers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM analytics_apply_worker(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM analytics_apply_worker(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_workers_ins_del AFTER INSERT OR DELETE ON workers FOR EACH ROW EXECUTE FUNCTION analytics_tg_workers();
--> statement-breakpoint
CREATE TRIGGER analytics_workers_upd AFTER UPDATE ON workers FOR EACH ROW
WHEN ((OLD.market_id, OLD.created_at, OLD.township_id, OLD.stars, OLD.status,
       analytics_left_month(OLD.status, OLD.deregistered_at, OLD.updated_at))
  IS DISTINCT FROM (NEW.market_id, NEW.created_at, NEW.township_id, NEW.stars, NEW.status,
       analytics_left_month(NEW.status, NEW.deregistered_at, NEW.updated_at)))
EXECUTE FUNCTION analytics_tg_workers();
--> statement-breakpoint
-- worker_trades: seekers per trade follow the worker's registration and leaving months.
CREATE OR REPLACE FUNCTION analytics_apply_worker_trade(m uuid, w uuid, tr text, s int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  wk workers;
  left_mo date;
BEGIN
  SELECT * INTO wk FROM workers WHERE id = w;
  IF NOT FOUND THEN RETURN; END IF;
  PERFORM analytics_add_trade(m, analytics_month(wk.created_at), tr, 0, 0, 0, 0, s, 0);
  left_mo := analytics_left_month(wk.status, wk.deregistered_at, wk.updated_at);
  IF left_mo IS NOT NULL THEN
    PERFORM analytics_add_trade(m, left_mo, tr, 0, 0, 0, 0, -s, 0);
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_tg_worker_trades() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM analytics_apply_worker_trade(OLD.market_id, OLD.worker_id, OLD.trade_code, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM analytics_apply_worker_trade(NEW.market_id, NEW.worker_id, NEW.trade_code, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_worker_trades_ins_del AFTER INSERT OR DELETE ON worker_trades FOR EACH ROW EXECUTE FUNCTION analytics_tg_worker_trades();
--> statement-breakpoint
CREATE TRIGGER analytics_worker_trades_upd AFTER UPDATE ON worker_trades FOR EACH ROW
WHEN ((OLD.market_id, OLD.worker_id, OLD.trade_code) IS DISTINCT FROM (NEW.market_id, NEW.worker_id, NEW.trade_code))
EXECUTE FUNCTION analytics_tg_worker_trades();
--> statement-breakpoint
-- complaints: filed and upheld by the month filed; closed (resolved or referred, not withdrawn) by the month closed.
CREATE OR REPLACE FUNCTION analytics_apply_complaint(r complaints, s int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_month_complaints AS a (market_id, month, category, filed, upheld, closed, resolution_minutes_sum)
  SELECT r.market_id, analytics_month(r.filed_at), r.category, s, CASE WHEN r.upheld THEN s ELSE 0 END, 0, 0
  UNION ALL
  SELECT r.market_id, analytics_month(r.closed_at), r.category, 0, 0, s,
         s * round(extract(epoch FROM (r.closed_at - r.filed_at)) / 60)::bigint
  WHERE r.closed_at IS NOT NULL AND r.status IN ('resolved', 'referred_inspection', 'referred_arbitration')
  ON CONFLICT (market_id, month, category) DO UPDATE SET
    filed = a.filed + excluded.filed, upheld = a.upheld + excluded.upheld, closed = a.closed + excluded.closed,
    resolution_minutes_sum = a.resolution_minutes_sum + excluded.resolution_minutes_sum
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_tg_complaints() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM analytics_apply_complaint(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM analytics_apply_complaint(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_complaints_ins_del AFTER INSERT OR DELETE ON complaints FOR EACH ROW EXECUTE FUNCTION analytics_tg_complaints();
--> statement-breakpoint
CREATE TRIGGER analytics_complaints_upd AFTER UPDATE ON complaints FOR EACH ROW
WHEN ((OLD.market_id, OLD.filed_at, OLD.category, OLD.upheld, OLD.closed_at, OLD.status)
  IS DISTINCT FROM (NEW.market_id, NEW.filed_at, NEW.category, NEW.upheld, NEW.closed_at, NEW.status))
EXECUTE FUNCTION analytics_tg_complaints();
--> statement-breakpoint
-- Named monthly counters. One view lists every base row's contributions (metric, month, value); the
-- triggers apply exactly the rows of that view for OLD (negated) and NEW.
CREATE OR REPLACE FUNCTION analytics_counter_rows(tbl text, r jsonb)
RETURNS TABLE (market_id uuid, month date, metric text, value bigint) LANGUAGE sql IMMUTABLE AS $$
  SELECT (r->>'market_id')::uuid, x.month, x.metric, x.value FROM (
    SELECT analytics_month((r->>'decided_at')::timestamptz) AS month, 'sanctions' AS metric, 1::bigint AS value
      WHERE tbl = 'sanctions' AND r->>'status' = 'approved' AND r->>'decided_at' IS NOT NULL
    UNION ALL SELECT analytics_month((r->>'granted_at')::timestamptz), 'rewards', 1 WHERE tbl = 'rewards'
    UNION ALL SELECT analytics_month((r->>'enrolled_at')::timestamptz), 'training_enrolled', 1 WHERE tbl = 'enrolments'
    UNION ALL SELECT analytics_month_of_day((r->>'completed_on')::date), 'training_completed', 1
      WHERE tbl = 'enrolments' AND r->>'status' = 'completed' AND r->>'completed_on' IS NOT NULL
    UNION ALL SELECT analytics_month((r->>'lent_at')::timestamptz), 'tool_rentals', 1 WHERE tbl = 'tool_rentals'
    UNION ALL SELECT analytics_month((r->>'lent_at')::timestamptz), 'book_loans', 1 WHERE tbl = 'book_loans'
    UNION ALL SELECT analytics_month_of_day((r->>'served_on')::date), 'service:' || (r->>'kind'), (r->>'count')::bigint
      WHERE tbl = 'services_log'
    UNION ALL SELECT analytics_month_of_day((r->>'spent_on')::date), 'cost_fen', (r->>'amount_fen')::bigint WHERE tbl = 'cost_entries'
    UNION ALL SELECT analytics_month((r->>'created_at')::timestamptz),
        CASE WHEN (r->>'to_grade')::int > (r->>'from_grade')::int THEN 'stars_up' ELSE 'stars_down' END, 1
      WHERE tbl = 'grade_changes' AND r->>'kind' <> 'initial' AND r->>'from_grade' IS NOT NULL
        AND (r->>'to_grade')::int <> (r->>'from_grade')::int
    UNION ALL SELECT analytics_month((r->>'created_at')::timestamptz), 'employers_registered', 1 WHERE tbl = 'employers'
    UNION ALL SELECT analytics_month((r->>'created_at')::timestamptz), 'employers_active_delta', 1 WHERE tbl = 'employers'
    UNION ALL SELECT analytics_month((r->>'updated_at')::timestamptz), 'employers_active_delta', -1
      WHERE tbl = 'employers' AND r->>'status' = 'excluded'
  ) x
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_tg_counters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM analytics_add_counter(c.market_id, c.month, c.metric, -c.value) FROM analytics_counter_rows(TG_TABLE_NAME, to_jsonb(OLD)) c;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM analytics_add_counter(c.market_id, c.month, c.metric, c.value) FROM analytics_counter_rows(TG_TABLE_NAME, to_jsonb(NEW)) c;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_sanctions AFTER INSERT OR UPDATE OR DELETE ON sanctions FOR EACH ROW EXECUTE FUNCTION analytics_tg_counters();
--> statement-breakpoint
CREATE TRIGGER analytics_rewards AFTER INSERT OR UPDATE OR DELETE ON rewards FOR EACH ROW EXECUTE FUNCTION analytics_tg_counters();
--> statement-breakpoint
CREATE TRIGGER analytics_enrolments AFTER INSERT OR UPDATE OR DELETE ON enrolments FOR EACH ROW EXECUTE FUNCTION analytics_tg_counters();
--> statement-breakpoint
CREATE TRIGGER analytics_tool_rentals AFTER INSERT OR UPDATE OR DELETE ON tool_rentals FOR EACH ROW EXECUTE FUNCTION analytics_tg_counters();
--> statement-breakpoint
CREATE TRIGGER analytics_book_loans AFTER INSERT OR UPDATE OR DELETE ON book_loans FOR EACH ROW EXECUTE FUNCTION analytics_tg_counters();
--> statement-breakpoint
CREATE TRIGGER analytics_services_log AFTER INSERT OR UPDATE OR DELETE ON services_log FOR EACH ROW EXECUTE FUNCTION analytics_tg_counters();
--> statement-breakpoint
CREATE TRIGGER analytics_cost_entries AFTER INSERT OR UPDATE OR DELETE ON cost_entries FOR EACH ROW EXECUTE FUNCTION analytics_tg_counters();
--> statement-breakpoint
CREATE TRIGGER analytics_grade_changes AFTER INSERT OR UPDATE OR DELETE ON grade_changes FOR EACH ROW EXECUTE FUNCTION analytics_tg_counters();
--> statement-breakpoint
CREATE TRIGGER analytics_employers AFTER INSERT OR UPDATE OR DELETE ON employers FOR EACH ROW EXECUTE FUNCTION analytics_tg_counters();
--> statement-breakpoint
-- The same figures straight from the base tables (tests compare; analytics_rebuild() reloads from them).
CREATE OR REPLACE VIEW analytics_expected_worker_months AS
  SELECT d.market_id, analytics_month(d.starts_at) AS month, d.worker_id, count(*)::int AS dispatches
  FROM dispatches d WHERE d.status IN ('assigned', 'started', 'completed')
  GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE OR REPLACE VIEW analytics_expected_worker_month_trades AS
  SELECT d.market_id, analytics_month(d.starts_at) AS month, o.trade_code, d.worker_id, count(*)::int AS dispatches
  FROM dispatches d JOIN job_orders o ON o.id = d.order_id WHERE d.status IN ('assigned', 'started', 'completed')
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE OR REPLACE VIEW analytics_expected_month_trade AS
  SELECT market_id, month, trade_code, sum(demand_orders)::int AS demand_orders, sum(demand_headcount)::int AS demand_headcount,
         sum(placements)::int AS placements, sum(completed)::int AS completed, sum(seekers_delta)::int AS seekers_delta,
         sum(placed_workers)::int AS placed_workers
  FROM (
    SELECT market_id, analytics_month(published_at) AS month, trade_code, 1 AS demand_orders, headcount AS demand_headcount,
           0 AS placements, 0 AS completed, 0 AS seekers_delta, 0 AS placed_workers
      FROM job_orders WHERE published_at IS NOT NULL AND status <> 'cancelled'
    UNION ALL
    SELECT d.market_id, analytics_month(d.starts_at), o.trade_code, 0, 0, 1, (d.status = 'completed')::int, 0, 0
      FROM dispatches d JOIN job_orders o ON o.id = d.order_id WHERE d.status IN ('assigned', 'started', 'completed')
    UNION ALL
    SELECT w.market_id, analytics_month(w.created_at), t.trade_code, 0, 0, 0, 0, 1, 0
      FROM worker_trades t JOIN workers w ON w.id = t.worker_id
    UNION ALL
    SELECT w.market_id, analytics_left_month(w.status, w.deregistered_at, w.updated_at), t.trade_code, 0, 0, 0, 0, -1, 0
      FROM worker_trades t JOIN workers w ON w.id = t.worker_id WHERE w.status IN ('deregistered', 'expelled')
    UNION ALL
    SELECT market_id, month, trade_code, 0, 0, 0, 0, 0, 1 FROM analytics_expected_worker_month_trades
  ) x GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE OR REPLACE VIEW analytics_expected_month_group AS
  SELECT market_id, month, township_id, stars, sum(registered_delta)::int AS registered_delta,
         sum(seekers_delta)::int AS seekers_delta, sum(placed_workers)::int AS placed_workers
  FROM (
    SELECT market_id, analytics_month(created_at) AS month, analytics_township(township_id) AS township_id, stars,
           1 AS registered_delta, 1 AS seekers_delta, 0 AS placed_workers FROM workers
    UNION ALL
    SELECT market_id, analytics_left_month(status, deregistered_at, updated_at), analytics_township(township_id), stars,
           -(status = 'deregistered')::int, -1, 0 FROM workers WHERE status IN ('deregistered', 'expelled')
    UNION ALL
    SELECT wm.market_id, wm.month, analytics_township(w.township_id), w.stars, 0, 0, 1
      FROM analytics_expected_worker_months wm JOIN workers w ON w.id = wm.worker_id
  ) x GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE OR REPLACE VIEW analytics_expected_month_wages AS
  SELECT d.market_id, analytics_month(d.starts_at) AS month, o.trade_code, d.wage_unit, o.skill_grade,
         sum(d.agreed_wage_fen)::bigint AS wage_sum_fen, count(*)::int AS wage_count
  FROM dispatches d JOIN job_orders o ON o.id = d.order_id WHERE d.status = 'completed'
  GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE OR REPLACE VIEW analytics_expected_month_complaints AS
  SELECT market_id, month, category, sum(filed)::int AS filed, sum(upheld)::int AS upheld, sum(closed)::int AS closed,
         sum(minutes)::bigint AS resolution_minutes_sum
  FROM (
    SELECT market_id, analytics_month(filed_at) AS month, category, 1 AS filed, (upheld IS TRUE)::int AS upheld, 0 AS closed, 0::bigint AS minutes
      FROM complaints
    UNION ALL
    SELECT market_id, analytics_month(closed_at), category, 0, 0, 1, round(extract(epoch FROM (closed_at - filed_at)) / 60)::bigint
      FROM complaints WHERE closed_at IS NOT NULL AND status IN ('resolved', 'referred_inspection', 'referred_arbitration')
  ) x GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE OR REPLACE VIEW analytics_expected_month_counters AS
  SELECT c.market_id, c.month, c.metric, sum(c.value)::bigint AS value
  FROM (
    SELECT 'sanctions' AS tbl, to_jsonb(t) AS r FROM sanctions t
    UNION ALL SELECT 'rewards', to_jsonb(t) FROM rewards t
    UNION ALL SELECT 'enrolments', to_jsonb(t) FROM enrolments t
    UNION ALL SELECT 'tool_rentals', to_jsonb(t) FROM tool_rentals t
    UNION ALL SELECT 'book_loans', to_jsonb(t) FROM book_loans t
    UNION ALL SELECT 'services_log', to_jsonb(t) FROM services_log t
    UNION ALL SELECT 'cost_entries', to_jsonb(t) FROM cost_entries t
    UNION ALL SELECT 'grade_changes', to_jsonb(t) FROM grade_changes t
    UNION ALL SELECT 'employers', to_jsonb(t) FROM employers t
  ) b, LATERAL analytics_counter_rows(b.tbl, b.r) c
  GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_worker_months;
  DELETE FROM analytics_worker_month_trades;
  DELETE FROM analytics_month_trade;
  DELETE FROM analytics_month_group;
  DELETE FROM analytics_month_wages;
  DELETE FROM analytics_month_complaints;
  DELETE FROM analytics_month_counters;
  INSERT INTO analytics_worker_months SELECT * FROM analytics_expected_worker_months;
  INSERT INTO analytics_worker_month_trades SELECT * FROM analytics_expected_worker_month_trades;
  INSERT INTO analytics_month_trade SELECT * FROM analytics_expected_month_trade;
  INSERT INTO analytics_month_group SELECT * FROM analytics_expected_month_group;
  INSERT INTO analytics_month_wages SELECT * FROM analytics_expected_month_wages;
  INSERT INTO analytics_month_complaints SELECT * FROM analytics_expected_month_complaints;
  INSERT INTO analytics_month_counters SELECT * FROM analytics_expected_month_counters;
END $$;
