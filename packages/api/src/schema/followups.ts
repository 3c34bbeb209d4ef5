import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { dispatches } from "./dispatches.ts";
import { employers } from "./employers.ts";
import { markets, staffUsers } from "./core.ts";
import { workers } from "./workers.ts";

// R4/M4: the follow-up visit to the employer after a dispatch; its ratings feed the star review.
export const FOLLOWUP_CHANNELS = ["phone", "site"] as const;

export const followups = pgTable(
  "followups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    dispatchId: uuid("dispatch_id")
      .notNull()
      .references(() => dispatches.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => workers.id),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employers.id),
    visitedAt: timestamp("visited_at", { withTimezone: true }).notNull(),
    visitedBy: uuid("visited_by")
      .notNull()
      .references(() => staffUsers.id),
    channel: text("channel", { enum: FOLLOWUP_CHANNELS }).notNull(),
    attitude: smallint("attitude").notNull(),
    quality: smallint("quality").notNull(),
    satisfied: boolean("satisfied").notNull(),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One rating per dispatch, so a satisfaction rate never counts a job twice.
    uniqueIndex("followups_market_dispatch_idx").on(t.marketId, t.dispatchId),
    index("followups_market_worker_idx").on(t.marketId, t.workerId, t.visitedAt),
    check("followups_attitude_range", sql`${t.attitude} between 1 and 5`),
    check("followups_quality_range", sql`${t.quality} between 1 and 5`),
  ],
);
