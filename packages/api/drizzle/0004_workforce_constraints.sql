-- Integrity the database enforces whatever the code does (checklist D24).
-- No worker is dispatched to two overlapping jobs: live dispatches of one worker may not overlap.
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_no_overlap" EXCLUDE USING gist (
  "worker_id" WITH =,
  tstzrange("starts_at", "ends_at", '[)') WITH &&
) WHERE ("status" in ('assigned', 'started', 'completed'));
--> statement-breakpoint
-- A negotiation room is never booked twice for overlapping times.
ALTER TABLE "room_bookings" ADD CONSTRAINT "room_bookings_no_overlap" EXCLUDE USING gist (
  "room_id" WITH =,
  tstzrange("starts_at", "ends_at", '[)') WITH &&
) WHERE ("status" = 'booked');
--> statement-breakpoint
-- Job order state machine: draft -> published -> partly_filled/filled -> closed | cancelled.
-- Fill states move both ways as dispatches are made or cancelled; closed and cancelled are final.
CREATE OR REPLACE FUNCTION job_orders_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF (OLD.status = 'draft' AND NEW.status IN ('published', 'cancelled'))
    OR (OLD.status IN ('published', 'partly_filled', 'filled')
        AND NEW.status IN ('published', 'partly_filled', 'filled', 'closed', 'cancelled')) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'job order cannot go from % to %', OLD.status, NEW.status
    USING ERRCODE = '23514', CONSTRAINT = 'job_orders_transition';
END
$$;
--> statement-breakpoint
CREATE TRIGGER job_orders_transition BEFORE UPDATE OF status ON "job_orders"
  FOR EACH ROW EXECUTE FUNCTION job_orders_transition();
