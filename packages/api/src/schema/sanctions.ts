import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { markets, staffUsers } from "./core.ts";
import { employers } from "./employers.ts";
import { conductEvents, gradeChanges, workers } from "./workers.ts";

// M8: penalties and rewards. Every decision keeps its reasons (from the core ladder) and who took it;
// an upheld appeal reverses a sanction without deleting it, so the history stays whole.
export const SANCTION_STATUSES = ["proposed", "approved", "rejected", "reversed"] as const;
export const APPEAL_STATUSES = ["pending", "upheld", "dismissed"] as const;
export const EMPLOYER_ACTION_KINDS = ["warning", "exclusion", "lifted"] as const;

export const sanctions = pgTable(
  "sanctions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => workers.id),
    conductEventId: uuid("conduct_event_id").references(() => conductEvents.id),
    /** The offence (a key of the sanction policy's events, e.g. `no_show`) and the day it happened. */
    offence: text("offence").notNull(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    /** Ladder step from core decideSanction, e.g. `yellow_card`, `star_demotion`, `probation`. */
    step: text("step").notNull(),
    reasons: jsonb("reasons").$type<unknown[]>().notNull().default([]),
    /** Which rule of the ladder fired (`first_offence:no_show`, `escalate_from_active:yellow_card`, ...). */
    rule: text("rule").notNull(),
    note: text("note"),
    status: text("status", { enum: SANCTION_STATUSES }).notNull().default("proposed"),
    proposedBy: uuid("proposed_by")
      .notNull()
      .references(() => staffUsers.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => staffUsers.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    effectiveOn: date("effective_on", { mode: "string" }),
    /** Last day of probation (候场查看), for the `probation` step. */
    probationUntil: date("probation_until", { mode: "string" }),
    /** The worker's status before this sanction, restored on reversal. */
    statusBefore: text("status_before"),
    gradeChangeId: uuid("grade_change_id").references(() => gradeChanges.id),
    appealStatus: text("appeal_status", { enum: APPEAL_STATUSES }),
    appealGrounds: text("appeal_grounds"),
    appealedAt: timestamp("appealed_at", { withTimezone: true }),
    appealRecordedBy: uuid("appeal_recorded_by").references(() => staffUsers.id),
    appealDecidedBy: uuid("appeal_decided_by").references(() => staffUsers.id),
    appealDecidedAt: timestamp("appeal_decided_at", { withTimezone: true }),
    appealDecisionNote: text("appeal_decision_note"),
    reversalGradeChangeId: uuid("reversal_grade_change_id").references(() => gradeChanges.id),
  },
  (t) => [
    index("sanctions_market_worker_idx").on(t.marketId, t.workerId, t.proposedAt),
    index("sanctions_market_status_idx").on(t.marketId, t.status, t.proposedAt),
    // One sanction per conduct event (a rejected proposal frees the event for a new one).
    uniqueIndex("sanctions_market_event_idx")
      .on(t.marketId, t.conductEventId)
      .where(sql`${t.conductEventId} is not null and ${t.status} <> 'rejected'`),
    check("sanctions_status_valid", sql`${t.status} in ('proposed', 'approved', 'rejected', 'reversed')`),
    check("sanctions_appeal_grounds", sql`${t.appealStatus} is null or ${t.appealGrounds} is not null`),
  ],
);

export const rewards = pgTable(
  "rewards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => workers.id),
    /** Reward kind from core decideRewards, e.g. `commendation`, `free_training`, `annual_honour`. */
    kind: text("kind").notNull(),
    reasons: jsonb("reasons").$type<unknown[]>().notNull().default([]),
    note: text("note"),
    grantedBy: uuid("granted_by")
      .notNull()
      .references(() => staffUsers.id),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    grantedOn: date("granted_on", { mode: "string" }).notNull(),
    gradeChangeId: uuid("grade_change_id").references(() => gradeChanges.id),
    /** The reward policy's own `version` the decision used, and the market's version number (0 = core default); null before they were recorded. */
    policyVersion: text("policy_version"),
    policyVersionNo: integer("policy_version_no"),
  },
  (t) => [
    index("rewards_market_worker_idx").on(t.marketId, t.workerId, t.grantedOn),
    index("rewards_market_day_idx").on(t.marketId, t.grantedOn),
  ],
);

/** The employer's record: warnings and exclusion from the market (R10), with reasons. */
export const employerActions = pgTable(
  "employer_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employers.id),
    kind: text("kind", { enum: EMPLOYER_ACTION_KINDS }).notNull(),
    reasons: jsonb("reasons").$type<unknown[]>().notNull().default([]),
    note: text("note"),
    statusBefore: text("status_before").notNull(),
    statusAfter: text("status_after").notNull(),
    until: date("until", { mode: "string" }),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => staffUsers.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
    /** The employer policy's own `version` the decision used, and the market's version number (0 = core default); null before they were recorded. */
    policyVersion: text("policy_version"),
    policyVersionNo: integer("policy_version_no"),
  },
  (t) => [
    index("employer_actions_market_employer_idx").on(t.marketId, t.employerId, t.decidedAt),
    check("employer_actions_kind_valid", sql`${t.kind} in ('warning', 'exclusion', 'lifted')`),
  ],
);
