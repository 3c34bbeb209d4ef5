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
    // Each market publishes its own guidance table (the second of three markets two), and every day-rate job is priced.
    const sets = rowsOf<{ markets: number; sets: number; mids: number }>(
      await env.db.execute(sql`select count(distinct market_id)::int as markets, count(distinct (market_id, effective_from))::int as sets,
        count(distinct mid_fen) filter (where trade_code = 'bricklayer' and skill_grade = 'none')::int as mids
        from guidance_mid where market_id <> '00000000-0000-0000-0000-000000000000'`),
    )[0]!;
    expect(sets).toEqual({ markets: 3, sets: 4, mids: 4 });
    const priced = rowsOf<{ n: number; g: number }>(
      await env.db.execute(sql`select sum(wage_count)::int as n, sum(guided_count)::int as g from analytics_province_month_wages where wage_unit = 'day'`),
    )[0]!;
    expect(priced.n).toBeGreaterThan(0);
    expect(priced.g).toBe(priced.n);
    const placed = rowsOf<{ n: number }>(await env.db.execute(sql`select sum(placed_workers)::int as n from analytics_month_group`))[0]!.n;
    expect(placed).toBeGreaterThan(100);
    // Triggers are back on after the load: a cancellation moves the rollup at once.
    await env.db.execute(sql`update dispatches set status = 'cancelled', cancelled_at = now() where id = (select id from dispatches where status = 'completed' limit 1)`);
    expect(await check()).toBe(0);
    const ov = await env.caller("leader").analytics.overview({ from: "2025-06", to: "2025-06" });
    expect(ov.cards.find((c) => c.key === "registeredWorkers")!.value).toBeGreaterThan(150);
  });
});
