import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import { COST_CATEGORY_LABELS, type CostCategory } from "@lingong/core";
import { COST_CATEGORIES, costEntries } from "../schema/costs.ts";
import type { DbLike } from "./hall-common.ts";

export { COST_CATEGORY_LABELS, type CostCategory } from "@lingong/core";

export interface NewCost {
  spentOn: string;
  category: CostCategory;
  amountFen: number;
  voucherNo: string;
  note?: string | undefined;
}

export async function addCost(tx: DbLike, marketId: string, staffId: string, input: NewCost) {
  const [row] = await tx
    .insert(costEntries)
    .values({ marketId, recordedBy: staffId, ...input, note: input.note ?? null })
    .returning();
  return row!;
}

/** First day of the month after `month` (`YYYY-MM`). */
function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

export async function listCosts(db: DbLike, marketId: string, f: { month?: string | undefined; category?: CostCategory | undefined; limit: number }) {
  return db
    .select()
    .from(costEntries)
    .where(
      and(
        eq(costEntries.marketId, marketId),
        f.month ? gte(costEntries.spentOn, `${f.month}-01`) : undefined,
        f.month ? lt(costEntries.spentOn, nextMonth(f.month)) : undefined,
        f.category ? eq(costEntries.category, f.category) : undefined,
      ),
    )
    .orderBy(desc(costEntries.spentOn), desc(costEntries.createdAt))
    .limit(f.limit);
}

/** The monthly reimbursement report (实报实销): totals by category with voucher counts, and every entry. */
export async function monthlyCostReport(db: DbLike, marketId: string, month: string) {
  const inMonth = and(eq(costEntries.marketId, marketId), gte(costEntries.spentOn, `${month}-01`), lt(costEntries.spentOn, nextMonth(month)));
  const sums = await db
    .select({
      category: costEntries.category,
      totalFen: sql<string>`sum(${costEntries.amountFen})`,
      entries: sql<number>`count(*)::int`,
    })
    .from(costEntries)
    .where(inMonth)
    .groupBy(costEntries.category);
  const byCat = new Map(sums.map((s) => [s.category, s]));
  const categories = COST_CATEGORIES.map((c) => ({
    category: c,
    label: COST_CATEGORY_LABELS[c],
    totalFen: Number(byCat.get(c)?.totalFen ?? 0),
    entries: byCat.get(c)?.entries ?? 0,
  }));
  const entries = await db.select().from(costEntries).where(inMonth).orderBy(asc(costEntries.spentOn), asc(costEntries.voucherNo));
  return {
    month,
    categories,
    totalFen: categories.reduce((s, c) => s + c.totalFen, 0),
    entryCount: entries.length,
    entries,
  };
}
