import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { employers } from "./employers.ts";
import { markets, staffUsers } from "./core.ts";
import { workers } from "./workers.ts";

// M5, G4: honour roll, exposure board and announcements. Exposure is a public penalty listing, so
// each entry names its legal basis, runs for a fixed period and says how to appeal or repair
// credit (PIPL Art 25; 国办发〔2020〕49号).
export const PUBLICITY_STATUSES = ["active", "withdrawn"] as const;
export const EXPOSURE_SUBJECTS = ["worker", "employer"] as const;
export const EXPOSURE_STATUSES = ["active", "withdrawn", "repaired"] as const;

export const honourRoll = pgTable(
  "honour_roll",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => workers.id),
    title: text("title").notNull(),
    citation: text("citation"),
    trade: text("trade"),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    /** The worker agreed to be shown publicly (PIPL Art 25). */
    consentAt: timestamp("consent_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: PUBLICITY_STATUSES }).notNull().default("active"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("honour_roll_market_period_idx").on(t.marketId, t.periodEnd),
    check("honour_roll_period", sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

export const exposureEntries = pgTable(
  "exposure_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    subject: text("subject", { enum: EXPOSURE_SUBJECTS }).notNull(),
    workerId: uuid("worker_id").references(() => workers.id),
    employerId: uuid("employer_id").references(() => employers.id),
    /** What happened, in neutral terms. */
    facts: text("facts").notNull(),
    legalBasis: text("legal_basis").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    appealInfo: text("appeal_info").notNull(),
    sanctionId: uuid("sanction_id"),
    complaintId: uuid("complaint_id"),
    status: text("status", { enum: EXPOSURE_STATUSES }).notNull().default("active"),
    statusReason: text("status_reason"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => staffUsers.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
  },
  (t) => [
    index("exposure_entries_market_period_idx").on(t.marketId, t.status, t.periodEnd),
    check("exposure_entries_period", sql`${t.periodEnd} >= ${t.periodStart}`),
    check("exposure_entries_basis", sql`char_length(btrim(${t.legalBasis})) > 0`),
    check(
      "exposure_entries_subject",
      sql`(${t.subject} = 'worker' and ${t.workerId} is not null) or (${t.subject} = 'employer' and ${t.employerId} is not null)`,
    ),
  ],
);

export const announcements = pgTable(
  "announcements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    pinned: boolean("pinned").notNull().default(false),
    publishedOn: date("published_on", { mode: "string" }).notNull(),
    expiresOn: date("expires_on", { mode: "string" }),
    status: text("status", { enum: PUBLICITY_STATUSES }).notNull().default("active"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("announcements_market_published_idx").on(t.marketId, t.publishedOn),
    check("announcements_expiry", sql`${t.expiresOn} is null or ${t.expiresOn} >= ${t.publishedOn}`),
  ],
);
