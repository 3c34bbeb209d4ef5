import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { markets, staffUsers, townships } from "./core.ts";
import { employers } from "./employers.ts";

// R2 job orders and the versioned policies (M3, M7, M8) the rules read.
const ts = () => timestamp({ withTimezone: true, mode: "date" });

export const ORDER_STATUSES = ["draft", "published", "partly_filled", "filled", "closed", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const WAGE_UNITS = ["day", "half_day", "hour"] as const;
export type WageUnit = (typeof WAGE_UNITS)[number];
export const POLICY_KINDS = ["grading", "sanctions", "wages", "matching", "rewards", "employer"] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export const jobOrders = pgTable(
  "job_orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    orderNo: text().notNull(),
    employerId: uuid()
      .notNull()
      .references(() => employers.id),
    tradeCode: text().notNull(),
    skillGrade: text().notNull().default("none"),
    /** Minimum star grade wanted, 0 = any. */
    minStars: smallint().notNull().default(0),
    headcount: integer().notNull(),
    /** Workers currently dispatched (assigned, started or completed). */
    filledCount: integer().notNull().default(0),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }).notNull(),
    townshipId: uuid().references(() => townships.id),
    place: text().notNull(),
    wageFen: integer().notNull(),
    wageUnit: text().$type<WageUnit>().notNull(),
    requirements: text().notNull().default(""),
    certificates: jsonb().$type<string[]>().notNull().default([]),
    status: text().$type<OrderStatus>().notNull().default("draft"),
    /** Discrimination checker findings at the last save (core checkDiscrimination). */
    findings: jsonb().$type<unknown[]>().notNull().default([]),
    overrideReason: text(),
    publishedAt: ts(),
    closedAt: ts(),
    cancelledAt: ts(),
    cancelReason: text(),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("job_orders_market_no").on(t.marketId, t.orderNo),
    index("job_orders_market_status").on(t.marketId, t.status, t.startDate),
    index("job_orders_market_employer").on(t.marketId, t.employerId),
    index("job_orders_market_trade").on(t.marketId, t.tradeCode, t.startDate),
    check(
      "job_orders_status_valid",
      sql`${t.status} in ('draft', 'published', 'partly_filled', 'filled', 'closed', 'cancelled')`,
    ),
    check("job_orders_dates", sql`${t.endDate} >= ${t.startDate}`),
    check("job_orders_headcount", sql`${t.headcount} between 1 and 1000`),
    check("job_orders_filled", sql`${t.filledCount} >= 0 and ${t.filledCount} <= ${t.headcount}`),
    check("job_orders_wage", sql`${t.wageFen} > 0 and ${t.wageFen} <= 10000000`),
    check("job_orders_wage_unit", sql`${t.wageUnit} in ('day', 'half_day', 'hour')`),
    check("job_orders_min_stars", sql`${t.minStars} between 0 and 5`),
    check("job_orders_skill_grade", sql`${t.skillGrade} in ('none', 'L5', 'L4', 'L3', 'L2', 'L1')`),
    // The state a row is in must agree with its timestamps and fill count; transitions are
    // guarded by the job_orders_transition trigger (custom migration) and by code.
    check(
      "job_orders_state_consistent",
      sql`(${t.status} = 'draft' and ${t.publishedAt} is null)
        or (${t.status} = 'published' and ${t.publishedAt} is not null and ${t.filledCount} = 0)
        or (${t.status} = 'partly_filled' and ${t.publishedAt} is not null and ${t.filledCount} > 0 and ${t.filledCount} < ${t.headcount})
        or (${t.status} = 'filled' and ${t.publishedAt} is not null and ${t.filledCount} = ${t.headcount})
        or (${t.status} = 'closed' and ${t.closedAt} is not null)
        or (${t.status} = 'cancelled' and ${t.cancelledAt} is not null)`,
    ),
  ],
);

/** Versioned rule policies per market; the newest effective version applies, core defaults otherwise. */
export const policyVersions = pgTable(
  "policy_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    kind: text().$type<PolicyKind>().notNull(),
    version: integer().notNull(),
    body: jsonb().$type<Record<string, unknown>>().notNull(),
    effectiveFrom: date({ mode: "string" }).notNull(),
    note: text(),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("policy_versions_market_kind_version").on(t.marketId, t.kind, t.version),
    check("policy_versions_kind_valid", sql`${t.kind} in ('grading', 'sanctions', 'wages', 'matching', 'rewards', 'employer')`),
    check("policy_versions_version_positive", sql`${t.version} >= 1`),
  ],
);
