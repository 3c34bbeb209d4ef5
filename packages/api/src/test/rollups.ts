import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rowsOf } from "../queries/analytics-sql.ts";

// Shared by the rollup and province-generator tests: how a trigger-maintained rollup is
// compared with the view that computes the same figures from the base tables.

/** Each trigger-maintained rollup and the view that computes the same figures from the base tables. */
export const PAIRS = [
  ["analytics_worker_months", "analytics_expected_worker_months"],
  ["analytics_worker_month_trades", "analytics_expected_worker_month_trades"],
  ["analytics_month_trade", "analytics_expected_month_trade"],
  ["analytics_month_totals", "analytics_expected_month_totals"],
  ["analytics_province_month_trade", "analytics_expected_province_month_trade"],
  ["analytics_month_group", "analytics_expected_month_group"],
  ["analytics_month_stars", "analytics_expected_month_stars"],
  ["analytics_month_wages", "analytics_expected_month_wages"],
  ["analytics_province_month_wages", "analytics_expected_province_month_wages"],
  ["analytics_month_complaints", "analytics_expected_month_complaints"],
  ["analytics_month_counters", "analytics_expected_month_counters"],
] as const;

/** Value columns; a rollup row whose values are all zero is the same as no row. */
const VALUES: Record<string, string> = {
  analytics_worker_months: "dispatches",
  analytics_worker_month_trades: "dispatches",
  analytics_month_trade: "demand_orders, demand_headcount, placements, completed, seekers_delta, placed_workers",
  analytics_month_totals: "demand_orders, demand_headcount, placements, completed",
  analytics_province_month_trade: "demand_orders, demand_headcount, placements, completed, seekers_delta, placed_workers",
  analytics_province_month_wages: "wage_sum_fen, wage_count, guided_count, wage_over_mid, guidance_low_sum_fen, guidance_mid_sum_fen, guidance_high_sum_fen",
  analytics_month_group: "registered_delta, seekers_delta, placed_workers",
  analytics_month_stars: "registered_delta, seekers_delta, placed_workers",
  analytics_month_wages: "wage_sum_fen, wage_count, guided_count, wage_over_mid, guidance_low_sum_fen, guidance_mid_sum_fen, guidance_high_sum_fen",
  analytics_month_complaints: "filed, upheld, closed, resolution_minutes_sum",
  analytics_month_counters: "value",
};

export async function mismatches(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [table, view] of PAIRS) {
    const nonzero = sql`(${sql.join(VALUES[table]!.split(", ").map((c) => sql`${sql.identifier(c)} <> 0`), sql` or `)})`;
    const rows = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from (
          (select * from ${sql.identifier(table)} where ${nonzero} except select * from ${sql.identifier(view)} where ${nonzero})
          union all
          (select * from ${sql.identifier(view)} where ${nonzero} except select * from ${sql.identifier(table)} where ${nonzero})
        ) x`,
      ),
    );
    out[table] = Number(rows[0]?.n ?? -1);
  }
  return out;
}

