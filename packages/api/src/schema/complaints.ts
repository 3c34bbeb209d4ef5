import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { dispatches } from "./dispatches.ts";
import { employers } from "./employers.ts";
import { markets, staffUsers } from "./core.ts";
import { conductEvents, workers } from "./workers.ts";

// R10: complaints and disputes between workers and employers, mediated by the rights officer.
export const COMPLAINT_PARTIES = ["worker", "employer", "other"] as const;
export const COMPLAINT_RESPONDENTS = ["worker", "employer"] as const;
export const COMPLAINT_CATEGORIES = ["wage_arrears", "malicious_work", "discrimination", "quality", "safety", "other"] as const;
export const COMPLAINT_STATUSES = [
  "filed",
  "accepted",
  "mediating",
  "resolved",
  "referred_inspection",
  "referred_arbitration",
  "withdrawn",
] as const;
export const COMPLAINT_CLOSED_STATUSES = ["resolved", "referred_inspection", "referred_arbitration", "withdrawn"] as const;
export const EMPLOYER_EVENT_TYPES = ["wage_arrears_confirmed", "malicious_arrears", "discriminatory_posting", "false_information"] as const;
export const COMPLAINT_SOURCES = ["counter", "phone", "online", "auto_arrears"] as const;

export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    caseNo: text("case_no").notNull(),
    complainant: text("complainant", { enum: COMPLAINT_PARTIES }).notNull(),
    respondent: text("respondent", { enum: COMPLAINT_RESPONDENTS }).notNull(),
    workerId: uuid("worker_id").references(() => workers.id),
    employerId: uuid("employer_id").references(() => employers.id),
    dispatchId: uuid("dispatch_id").references(() => dispatches.id),
    category: text("category", { enum: COMPLAINT_CATEGORIES }).notNull(),
    description: text("description").notNull(),
    source: text("source", { enum: COMPLAINT_SOURCES }).notNull().default("counter"),
    status: text("status", { enum: COMPLAINT_STATUSES }).notNull().default("filed"),
    assignedTo: uuid("assigned_to").references(() => staffUsers.id),
    filedAt: timestamp("filed_at", { withTimezone: true }).notNull(),
    /** The staff member who took the case; null only for a case the scheduler opened itself (auto_arrears). */
    filedBy: uuid("filed_by").references(() => staffUsers.id),
    acceptDeadline: date("accept_deadline", { mode: "string" }).notNull(),
    resolveDeadline: date("resolve_deadline", { mode: "string" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => staffUsers.id),
    outcome: text("outcome"),
    upheld: boolean("upheld"),
    /** For a case upheld against an employer: the misconduct it confirms (core EmployerEventType). */
    employerEvent: text("employer_event", { enum: EMPLOYER_EVENT_TYPES }),
    conductEventId: uuid("conduct_event_id").references(() => conductEvents.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("complaints_market_case_no_idx").on(t.marketId, t.caseNo),
    index("complaints_market_status_idx").on(t.marketId, t.status, t.filedAt),
    index("complaints_market_worker_idx").on(t.marketId, t.workerId),
    index("complaints_market_employer_idx").on(t.marketId, t.employerId),
    // An arrears case opened automatically for a dispatch exists at most once.
    uniqueIndex("complaints_market_auto_arrears_idx")
      .on(t.marketId, t.dispatchId)
      .where(sql`${t.source} = 'auto_arrears'`),
    check("complaints_filed_by_known", sql`${t.filedBy} is not null or ${t.source} = 'auto_arrears'`),
    check("complaints_party_present", sql`${t.workerId} is not null or ${t.employerId} is not null`),
    check(
      "complaints_respondent_known",
      sql`(${t.respondent} = 'worker' and ${t.workerId} is not null) or (${t.respondent} = 'employer' and ${t.employerId} is not null)`,
    ),
    check("complaints_employer_event", sql`${t.employerEvent} is null or (${t.respondent} = 'employer' and ${t.upheld})`),
    check("complaints_deadlines_order", sql`${t.resolveDeadline} >= ${t.acceptDeadline}`),
  ],
);

export const complaintNotes = pgTable(
  "complaint_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    body: text("body").notNull(),
    writtenBy: uuid("written_by")
      .notNull()
      .references(() => staffUsers.id),
    writtenAt: timestamp("written_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("complaint_notes_market_complaint_idx").on(t.marketId, t.complaintId, t.writtenAt)],
);
