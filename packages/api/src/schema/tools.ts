import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { markets, staffUsers } from "./core.ts";
import { workers } from "./workers.ts";

// R3 tool counter. A tool is never out twice: the partial unique index on open rentals is the guard,
// not application code (checklist D24).
export const TOOL_KINDS = ["hand", "power", "measuring", "safety", "other"] as const;
export const TOOL_CONDITIONS = ["good", "worn", "damaged", "lost"] as const;

export const tools = pgTable(
  "tools",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: TOOL_KINDS }).notNull(),
    free: boolean("free").notNull(),
    dailyFeeFen: integer("daily_fee_fen").notNull().default(0),
    depositFen: integer("deposit_fen").notNull().default(0),
    condition: text("condition", { enum: TOOL_CONDITIONS }).notNull().default("good"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("tools_market_name_idx").on(t.marketId, t.name),
    check("tools_fee_nonneg", sql`${t.dailyFeeFen} >= 0 and ${t.depositFen} >= 0`),
    check("tools_free_no_fee", sql`not ${t.free} or ${t.dailyFeeFen} = 0`),
  ],
);

export const toolRentals = pgTable(
  "tool_rentals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    toolId: uuid("tool_id")
      .notNull()
      .references(() => tools.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => workers.id),
    lentAt: timestamp("lent_at", { withTimezone: true }).notNull().defaultNow(),
    lentBy: uuid("lent_by")
      .notNull()
      .references(() => staffUsers.id),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    returnedTo: uuid("returned_to").references(() => staffUsers.id),
    returnCondition: text("return_condition", { enum: TOOL_CONDITIONS }),
    feeFen: integer("fee_fen").notNull().default(0),
    depositFen: integer("deposit_fen").notNull().default(0),
    depositRefundedFen: integer("deposit_refunded_fen"),
    note: text("note"),
  },
  (t) => [
    uniqueIndex("tool_rentals_one_open_idx").on(t.marketId, t.toolId).where(sql`${t.returnedAt} is null`),
    index("tool_rentals_market_worker_idx").on(t.marketId, t.workerId),
    index("tool_rentals_market_due_idx").on(t.marketId, t.dueDate),
    check("tool_rentals_money_nonneg", sql`${t.feeFen} >= 0 and ${t.depositFen} >= 0 and coalesce(${t.depositRefundedFen}, 0) >= 0`),
    check("tool_rentals_return_complete", sql`(${t.returnedAt} is null) = (${t.returnCondition} is null)`),
  ],
);
