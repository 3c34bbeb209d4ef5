import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeOnBothDatabases } from "../test/harness.ts";
import { rowsOf } from "../queries/analytics-sql.ts";
import { mismatches } from "../test/rollups.ts";
import { seedProvince } from "./province.ts";

describeOnBothDatabases("province bulk generator", (suite) => {
  it("fills base tables and rollups that equal the base-table answer; triggers work afterwards", async () => {
    const env = suite.env();
    const r = await seedProvince(env.db, { markets: 3, workersPerMarket: 60, dispatchesPerWorker: 6, months: 12, endMonth: "2025-06" });
    expect(r.workers).toBe(180);
    expect(r.dispatches).toBe(180 * 6);
    // Every rollup against its base-table view; an all-zero rollup row counts as no row.
    const check = async () => Object.values(await mismatches(env.db)).reduce((x, y) => x + y, 0);
    expect(await check()).toBe(0);
    const placed = rowsOf<{ n: number }>(await env.db.execute(sql`select sum(placed_workers)::int as n from analytics_month_group`))[0]!.n;
    expect(placed).toBeGreaterThan(100);
    // Triggers are back on after the load: a cancellation moves the rollup at once.
    await env.db.execute(sql`update dispatches set status = 'cancelled', cancelled_at = now() where id = (select id from dispatches where status = 'completed' limit 1)`);
    expect(await check()).toBe(0);
    const ov = await env.caller("leader").analytics.overview({ from: "2025-06", to: "2025-06" });
    expect(ov.cards.find((c) => c.key === "registeredWorkers")!.value).toBeGreaterThan(150);
  });
});
