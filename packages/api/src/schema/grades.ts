import { sql } from "drizzle-orm";
import { check, date, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { markets, staffUsers } from "./core.ts";
import { gradeChanges, workers } from "./workers.ts";

// M3: a star review is proposed from the rules with its reasons, and applied only when the head
// approves it; the applied change lands in `grade_changes` (the history) and `workers.stars`.
export const GRADE_REVIEW_STATUSES = ["proposed", "approved", "rejected", "superseded"] as const;

export const gradeReviews = pgTable(
  "grade_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => workers.id),
    fromGrade: smallint("from_grade").notNull(),
    toGrade: smallint("to_grade").notNull(),
    reasons: jsonb("reasons").$type<unknown[]>().notNull().default([]),
    /** Figures the rule read (rated jobs, rates, window), kept for the archive. */
    evidence: jsonb("evidence").$type<Record<string, unknown>>().notNull().default({}),
    windowStart: date("window_start", { mode: "string" }).notNull(),
    windowEnd: date("window_end", { mode: "string" }).notNull(),
    policyVersion: text("policy_version").notNull(),
    status: text("status", { enum: GRADE_REVIEW_STATUSES }).notNull().default("proposed"),
    proposedBy: uuid("proposed_by")
      .notNull()
      .references(() => staffUsers.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => staffUsers.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    gradeChangeId: uuid("grade_change_id").references(() => gradeChanges.id),
  },
  (t) => [
    index("grade_reviews_market_status_idx").on(t.marketId, t.status, t.proposedAt),
    index("grade_reviews_market_worker_idx").on(t.marketId, t.workerId, t.proposedAt),
    // At most one open proposal per worker; a new proposal supersedes the old one.
    uniqueIndex("grade_reviews_one_open_idx").on(t.marketId, t.workerId).where(sql`${t.status} = 'proposed'`),
    check("grade_reviews_range", sql`${t.fromGrade} between 0 and 5 and ${t.toGrade} between 0 and 5`),
    check("grade_reviews_one_step", sql`abs(${t.toGrade} - ${t.fromGrade}) <= 1`),
    check("grade_reviews_window", sql`${t.windowEnd} >= ${t.windowStart}`),
  ],
);
