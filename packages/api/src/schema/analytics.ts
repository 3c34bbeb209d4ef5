import { bigint, date, index, integer, numeric, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";

/**
 * Analytics rollups for the leaders' dashboard (issue 5). Every table is keyed by market first, then
 * by the Asia/Shanghai calendar MONTH (`month` = first day of the month), which is the dashboard's grain.
 *
 * HOW THEY STAY CORRECT. Each rollup is the sum, over base rows, of a pure "contribution" function of
 * one row (see migration `analytics_triggers`). AFTER INSERT/UPDATE/DELETE row triggers on the base tables
 * subtract the OLD row's contribution and add the NEW row's, inside the same transaction as the change, so a
 * committed change and its rollup change are atomic on PostgreSQL and PGlite alike. Distinct counts
 * (workers placed in a month) cannot be summed, so the triggers keep reference-counted sets
 * (`analytics_worker_months`, `analytics_worker_month_trades`: dispatches per worker per month) and bump
 * the distinct count only when a set member appears (0 → 1) or disappears (1 → 0). The SQL function
 * `analytics_rebuild()` recomputes every rollup from the base tables (bulk loads, TRUNCATE, repair);
 * the `analytics_expected_*` views are the same base-table answers, and the tests compare them with the
 * trigger-maintained tables after inserts, updates and cancellations.
 *
 * Rows for a worker's township/stars use the worker's CURRENT values (a star change moves that worker's
 * past contributions); `township_id` uses the zero uuid for "no township".
 */
const month = () => date({ mode: "string" }).notNull();
const n = () => integer().notNull().default(0);
const big = () => bigint({ mode: "number" }).notNull().default(0);
/**
 * Σ over jobs of wage ÷ guidance midpoint, each term rounded to 12 decimals: exact numeric addition, so the
 * trigger-kept sum equals the base-table sum to the last digit whatever the order of changes.
 */
const ratioSum = () => numeric({ mode: "string" }).notNull().default("0");

/**
 * Guidance columns of the wage rollups (M7), for day-rate jobs only: each job priced by the guidance table its
 * market had in force ON THE JOB'S DAY (Asia/Shanghai day of starts_at; `guidance_mid`), so a version dated
 * mid-month prices the days from its date on. `guided_count` counts the jobs that had a midpoint above 0; the
 * sums run over those jobs. A group's wage-to-guidance ratio is wage_over_mid ÷ guided_count.
 */
const guidanceColumns = () => ({
  guidedCount: n(),
  wageOverMid: ratioSum(),
  guidanceLowSumFen: big(),
  guidanceMidSumFen: big(),
  guidanceHighSumFen: big(),
});

/** Demand, placements, supply and distinct placed workers per trade. */
export const analyticsMonthTrade = pgTable(
  "analytics_month_trade",
  {
    marketId: uuid().notNull(),
    month: month(),
    tradeCode: text().notNull(),
    /** Orders published in the month (by published_at), not cancelled, and their headcount. */
    demandOrders: n(),
    demandHeadcount: n(),
    /** Live dispatches (assigned, started, completed) starting in the month. */
    placements: n(),
    completed: n(),
    /** Change in job seekers of the trade (+1 at registration, -1 when they leave the market). */
    seekersDelta: n(),
    /** Distinct workers with a live dispatch of the trade starting in the month. */
    placedWorkers: n(),
  },
  (t) => [primaryKey({ name: "analytics_month_trade_pk", columns: [t.marketId, t.month, t.tradeCode] })],
);

/** Worker-level stock and distinct placements by the worker's current township and star grade. */
export const analyticsMonthGroup = pgTable(
  "analytics_month_group",
  {
    marketId: uuid().notNull(),
    month: month(),
    townshipId: uuid().notNull(),
    stars: smallint().notNull(),
    registeredDelta: n(),
    seekersDelta: n(),
    placedWorkers: n(),
  },
  (t) => [primaryKey({ name: "analytics_month_group_pk", columns: [t.marketId, t.month, t.townshipId, t.stars] })],
);

/**
 * The same figures as `analytics_month_group` without the township: ~20× fewer rows, so the province
 * view (overview, placement by month and by star grade) reads a few thousand rows, not hundreds of thousands.
 */
export const analyticsMonthStars = pgTable(
  "analytics_month_stars",
  {
    marketId: uuid().notNull(),
    month: month(),
    stars: smallint().notNull(),
    registeredDelta: n(),
    seekersDelta: n(),
    placedWorkers: n(),
  },
  (t) => [primaryKey({ name: "analytics_month_stars_pk", columns: [t.marketId, t.month, t.stars] })],
);

/** Reference-counted set: live dispatches of a worker starting in a month. */
export const analyticsWorkerMonths = pgTable(
  "analytics_worker_months",
  { marketId: uuid().notNull(), month: month(), workerId: uuid().notNull(), dispatches: n() },
  (t) => [primaryKey({ name: "analytics_worker_months_pk", columns: [t.marketId, t.month, t.workerId] })],
);

/** Reference-counted set: live dispatches of a worker in a trade starting in a month. */
export const analyticsWorkerMonthTrades = pgTable(
  "analytics_worker_month_trades",
  { marketId: uuid().notNull(), month: month(), tradeCode: text().notNull(), workerId: uuid().notNull(), dispatches: n() },
  (t) => [primaryKey({ name: "analytics_worker_month_trades_pk", columns: [t.marketId, t.month, t.tradeCode, t.workerId] })],
);

/** Agreed wages of completed dispatches, per unit and the order's skill grade (compared with guidance). */
export const analyticsMonthWages = pgTable(
  "analytics_month_wages",
  {
    marketId: uuid().notNull(),
    month: month(),
    tradeCode: text().notNull(),
    wageUnit: text().notNull(),
    skillGrade: text().notNull(),
    wageSumFen: big(),
    wageCount: n(),
    ...guidanceColumns(),
  },
  (t) => [primaryKey({ name: "analytics_month_wages_pk", columns: [t.marketId, t.month, t.tradeCode, t.wageUnit, t.skillGrade] })],
);

/** Complaints filed (by filed month) and closed (by closed month) per category. */
export const analyticsMonthComplaints = pgTable(
  "analytics_month_complaints",
  {
    marketId: uuid().notNull(),
    month: month(),
    category: text().notNull(),
    filed: n(),
    upheld: n(),
    closed: n(),
    /** Sum of closed_at - filed_at over complaints closed in the month, in minutes. */
    resolutionMinutesSum: big(),
  },
  (t) => [primaryKey({ name: "analytics_month_complaints_pk", columns: [t.marketId, t.month, t.category] })],
);

/**
 * Named monthly counters: sanctions, rewards, training_enrolled, training_completed, tool_rentals,
 * book_loans, service:<kind> (sum of counts), cost_fen, stars_up, stars_down, employers_registered,
 * employers_active_delta.
 */
export const analyticsMonthCounters = pgTable(
  "analytics_month_counters",
  { marketId: uuid().notNull(), month: month(), metric: text().notNull(), value: big() },
  (t) => [primaryKey({ name: "analytics_month_counters_pk", columns: [t.marketId, t.month, t.metric] })],
);

/**
 * Per-(market, month) totals of `analytics_month_trade`'s additive order/dispatch figures (no trade
 * dimension, so ~30× fewer rows): cost per placement, complaints per 100 jobs and the overview read it.
 * Kept by the same helper (`analytics_add_trade`) as the per-trade rollup, in the same transaction.
 * Distinct placed workers are not additive across trades, so they are not here (see `analytics_month_stars`).
 */
export const analyticsMonthTotals = pgTable(
  "analytics_month_totals",
  {
    marketId: uuid().notNull(),
    month: month(),
    demandOrders: n(),
    demandHeadcount: n(),
    placements: n(),
    completed: n(),
  },
  (t) => [primaryKey({ name: "analytics_month_totals_pk", columns: [t.marketId, t.month] })],
);

/**
 * Province-wide (all markets) `analytics_month_trade`: one row per (month, trade), ~1,300 rows for
 * three years instead of ~140,000, for the province view of supply/demand and placement by trade.
 * A province aggregate, not a business table, so it has no market_id. `placed_workers` sums the
 * markets' distinct counts, which is the province's distinct count because a worker belongs to one market.
 * Kept by `analytics_add_trade` in the same transaction as the base change.
 */
export const analyticsProvinceMonthTrade = pgTable(
  "analytics_province_month_trade",
  {
    month: month(),
    tradeCode: text().notNull(),
    demandOrders: n(),
    demandHeadcount: n(),
    placements: n(),
    completed: n(),
    seekersDelta: n(),
    placedWorkers: n(),
  },
  (t) => [primaryKey({ name: "analytics_province_month_trade_pk", columns: [t.month, t.tradeCode] })],
);

/** Province-wide `analytics_month_wages` (all markets), kept by the same trigger function. */
export const analyticsProvinceMonthWages = pgTable(
  "analytics_province_month_wages",
  {
    month: month(),
    tradeCode: text().notNull(),
    wageUnit: text().notNull(),
    skillGrade: text().notNull(),
    wageSumFen: big(),
    wageCount: n(),
    ...guidanceColumns(),
  },
  (t) => [primaryKey({ name: "analytics_province_month_wages_pk", columns: [t.month, t.tradeCode, t.wageUnit, t.skillGrade] })],
);

/** `market_id` of core's default guidance table, which prices a market's days before its first published version. */
export const DEFAULT_GUIDANCE_MARKET = "00000000-0000-0000-0000-000000000000";

/**
 * Guidance ranges materialised from `policy_versions` (kind `wages`) by the API with core's `guidanceRange`
 * (day unit, 0 stars, the order's skill grade), so the rollup triggers look a midpoint up instead of
 * re-implementing the rule in SQL. One row set per (market, effective date) for every catalogue trade and skill
 * grade, from the highest version of that date (as `effectivePolicy` picks); core's default table is one row set
 * under DEFAULT_GUIDANCE_MARKET dated 1900-01-01. The set in force on a day is the market's latest dated on or
 * before it, else the default. Written by `syncGuidanceMid` (start, seeds) and by publishing a wages version.
 */
export const guidanceMid = pgTable(
  "guidance_mid",
  {
    marketId: uuid().notNull(),
    effectiveFrom: date({ mode: "string" }).notNull(),
    tradeCode: text().notNull(),
    skillGrade: text().notNull(),
    /** The policy version the row set was computed from (0: core's default). */
    version: integer().notNull(),
    lowFen: integer().notNull(),
    midFen: integer().notNull(),
    highFen: integer().notNull(),
  },
  (t) => [
    primaryKey({ name: "guidance_mid_pk", columns: [t.marketId, t.effectiveFrom, t.tradeCode, t.skillGrade] }),
    // The triggers' lookup: one market's rows of a trade and grade, newest date first.
    index("guidance_mid_lookup").on(t.marketId, t.tradeCode, t.skillGrade, t.effectiveFrom),
  ],
);
