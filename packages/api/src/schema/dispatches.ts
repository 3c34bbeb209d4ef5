import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { markets, staffUsers } from "./core.ts";
import { employers } from "./employers.ts";
import { jobOrders } from "./orders.ts";
import { shortlists } from "./matching.ts";
import { workers } from "./workers.ts";

// A worker x job order x time range. The database refuses two live dispatches of one worker with
// overlapping periods (exclusion constraint `dispatches_no_overlap`, custom migration; checklist D24).
const ts = () => timestamp({ withTimezone: true, mode: "date" });

export const DISPATCH_STATUSES = ["assigned", "started", "completed", "no_show", "cancelled"] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];
/** Statuses that hold the worker's time (and count towards the order's fill). */
export const LIVE_DISPATCH_STATUSES: readonly DispatchStatus[] = ["assigned", "started", "completed"];

export const dispatches = pgTable(
  "dispatches",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    orderId: uuid()
      .notNull()
      .references(() => jobOrders.id),
    workerId: uuid()
      .notNull()
      .references(() => workers.id),
    employerId: uuid()
      .notNull()
      .references(() => employers.id),
    shortlistId: uuid().references(() => shortlists.id),
    startsAt: ts().notNull(),
    endsAt: ts().notNull(),
    status: text().$type<DispatchStatus>().notNull().default("assigned"),
    agreedWageFen: integer().notNull(),
    wageUnit: text().notNull(),
    startedAt: ts(),
    completedAt: ts(),
    noShowAt: ts(),
    cancelledAt: ts(),
    cancelReason: text(),
    /** The worker says they were paid. */
    paidConfirmedAt: ts(),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index("dispatches_market_worker").on(t.marketId, t.workerId, t.startsAt),
    index("dispatches_market_order").on(t.marketId, t.orderId),
    index("dispatches_market_starts").on(t.marketId, t.startsAt),
    index("dispatches_market_status").on(t.marketId, t.status, t.completedAt),
    check("dispatches_period", sql`${t.endsAt} > ${t.startsAt}`),
    check("dispatches_wage", sql`${t.agreedWageFen} > 0 and ${t.agreedWageFen} <= 10000000`),
    check(
      "dispatches_status_valid",
      sql`${t.status} in ('assigned', 'started', 'completed', 'no_show', 'cancelled')`,
    ),
    check(
      "dispatches_state_consistent",
      sql`(${t.status} <> 'completed' or ${t.completedAt} is not null)
        and (${t.status} <> 'no_show' or ${t.noShowAt} is not null)
        and (${t.status} <> 'cancelled' or ${t.cancelledAt} is not null)
        and (${t.paidConfirmedAt} is null or ${t.status} in ('started', 'completed'))`,
    ),
  ],
);
