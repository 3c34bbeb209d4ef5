-- Drill-downs filtered by worker attributes (issue 5): a township's workers of a star grade, and one market's
-- workers of a star grade, read as index key ranges instead of looking up every candidate worker's row.
CREATE INDEX IF NOT EXISTS workers_market_township_stars ON workers (market_id, township_id, stars);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS workers_market_stars ON workers (market_id, stars, id);
