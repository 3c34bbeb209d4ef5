-- Extensions the schema relies on. btree_gist lets exclusion constraints mix equality on ids
-- with range overlap (no worker dispatched to two overlapping jobs, checklist D24).
CREATE EXTENSION IF NOT EXISTS btree_gist;
