-- A complaint filed and closed in the same month gave two rows with the same rollup key in one
-- INSERT ... ON CONFLICT, which PostgreSQL refuses (21000 "cannot affect row a second time"), so
-- resolving such a case failed. Sum the contributions per key first.
CREATE OR REPLACE FUNCTION analytics_apply_complaint(r complaints, s int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_month_complaints AS a (market_id, month, category, filed, upheld, closed, resolution_minutes_sum)
  SELECT c.market_id, c.month, c.category, sum(c.filed)::int, sum(c.upheld)::int, sum(c.closed)::int, sum(c.minutes)::bigint
  FROM (
    SELECT r.market_id, analytics_month(r.filed_at) AS month, r.category, s AS filed, CASE WHEN r.upheld THEN s ELSE 0 END AS upheld, 0 AS closed, 0::bigint AS minutes
    UNION ALL
    SELECT r.market_id, analytics_month(r.closed_at), r.category, 0, 0, s,
           s * round(extract(epoch FROM (r.closed_at - r.filed_at)) / 60)::bigint
    WHERE r.closed_at IS NOT NULL AND r.status IN ('resolved', 'referred_inspection', 'referred_arbitration')
  ) c
  GROUP BY c.market_id, c.month, c.category
  ON CONFLICT (market_id, month, category) DO UPDATE SET
    filed = a.filed + excluded.filed, upheld = a.upheld + excluded.upheld, closed = a.closed + excluded.closed,
    resolution_minutes_sum = a.resolution_minutes_sum + excluded.resolution_minutes_sum
$$;
