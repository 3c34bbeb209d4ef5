import { COST_CATEGORIES } from "@lingong/core";
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { markets, staffUsers } from "./core.ts";

// G2: the operator's running costs, reimbursed by the county at actual cost (实报实销).
export { COST_CATEGORIES };

export const costEntries = pgTable(
  "cost_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    spentOn: date("spent_on", { mode: "string" }).notNull(),
    category: text("category", { enum: COST_CATEGORIES }).notNull(),
    amountFen: integer("amount_fen").notNull(),
    voucherNo: text("voucher_no").notNull(),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cost_entries_market_date_idx").on(t.marketId, t.spentOn),
    check("cost_entries_amount_positive", sql`${t.amountFen} > 0`),
  ],
);
