import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { DEFAULT_GUIDANCE_WAGE_POLICY } from "@lingong/core";
import { rowsOf } from "../queries/analytics-sql.ts";
import { dispatches } from "../schema/dispatches.ts";
import { employers } from "../schema/employers.ts";
import { jobOrders } from "../schema/orders.ts";
import { workers, workerTrades } from "../schema/workers.ts";
import { describeOnBothDatabases, type TestEnv } from "../test/harness.ts";

const at = (iso: string) => new Date(iso);

/** Three seekers registered in Feb 2025, one order of 4 published in March, two placements in March. */
async function seed(env: TestEnv, marketId: string, tag: string) {
  const db = env.db;
  const ws = [];
  for (let i = 0; i < 3; i++) {
    const [w] = await db
      .insert(workers)
      .values({
        marketId,
        workerNo: `${tag}W${i}`,
        name: `李${i}华`,
        stars: i,
        townshipId: marketId === env.market.id ? env.townships[i]!.id : null,
        consentVersion: "t",
        consentedAt: at("2025-02-10T02:00:00Z"),
        createdAt: at("2025-02-10T02:00:00Z"),
      })
      .returning();
    await db.insert(workerTrades).values({ marketId, workerId: w!.id, tradeCode: "bricklayer" });
    ws.push(w!);
  }
  const [e] = await db
    .insert(employers)
    .values({ marketId, employerNo: `${tag}E`, kind: "person", name: "赵家", contactName: "赵", contactPhoneEnc: "x", contactPhoneBidx: randomUUID(), contactPhoneMasked: "139****0000" })
    .returning();
  const [o] = await db
    .insert(jobOrders)
    .values({
      marketId,
      orderNo: `${tag}O`,
      employerId: e!.id,
      tradeCode: "bricklayer",
      headcount: 4,
      startDate: "2025-03-03",
      endDate: "2025-03-20",
      place: "龙港镇",
      wageFen: 25_000,
      wageUnit: "day",
      status: "published",
      publishedAt: at("2025-03-01T01:00:00Z"),
    })
    .returning();
  const mk = (w: { id: string }, day: string, status: "completed" | "assigned", wage: number) => ({
    marketId,
    orderId: o!.id,
    workerId: w.id,
    employerId: e!.id,
    startsAt: at(`${day}T08:00:00+08:00`),
    endsAt: at(`${day}T17:00:00+08:00`),
    status,
    agreedWageFen: wage,
    wageUnit: "day",
    startedAt: status === "completed" ? at(`${day}T08:00:00+08:00`) : null,
    completedAt: status === "completed" ? at(`${day}T17:00:00+08:00`) : null,
  });
  const ds = await db
    .insert(dispatches)
    .values([mk(ws[0]!, "2025-03-04", "completed", 24_000), mk(ws[0]!, "2025-03-05", "completed", 26_000), mk(ws[1]!, "2025-03-06", "assigned", 25_000)])
    .returning();
  return { ws, order: o!, ds };
}

const MARCH = { from: "2025-03", to: "2025-03" };

describeOnBothDatabases("analytics router", (suite) => {
  let other: { id: string };
  let seeded: Awaited<ReturnType<typeof seed>>;

  it("overview: stocks, flows and core metrics for the month and the one before", async () => {
    const env = suite.env();
    other = await env.addMarket("140522", "阳城县零工市场");
    seeded = await seed(env, env.market.id, "A");
    await seed(env, other.id, "B");
    const head = await env.caller("head").analytics.overview(MARCH);
    const card = (k: string) => head.cards.find((c) => c.key === k)!;
    expect(card("registeredWorkers")).toEqual({ key: "registeredWorkers", value: 3, previous: 3 });
    expect(card("placements")).toMatchObject({ value: 3, previous: 0 });
    // 2 distinct workers placed of 3 seekers; 4 openings over 3 seekers.
    expect(card("placementRate").value).toBeCloseTo(2 / 3);
    expect(card("demandSupplyRatio").value).toBeCloseTo(4 / 3);
    expect(card("avgDayWageFen").value).toBe(25_000);
    expect(card("guidanceMidFen").value).toBe(22_000);
    expect(head.openNow).toEqual({ orders: 1, headcount: 4 });
    // The leader sees the province: both markets.
    const leader = await env.caller("leader").analytics.overview(MARCH);
    expect(leader.cards.find((c) => c.key === "registeredWorkers")!.value).toBe(6);
    const one = await env.caller("leader").analytics.overview({ ...MARCH, marketIds: [other.id] });
    expect(one.cards.find((c) => c.key === "registeredWorkers")!.value).toBe(3);
  });

  it("a head cannot widen the scope; other roles are refused", async () => {
    const env = suite.env();
    const head = await env.caller("head").analytics.overview({ ...MARCH, marketIds: [other.id] });
    expect(head.cards.find((c) => c.key === "registeredWorkers")!.value).toBe(3);
    const markets = await env.caller("head").analytics.markets();
    expect(markets.markets.map((m) => m.code)).toEqual(["140521"]);
    expect((await env.caller("leader").analytics.markets()).markets.map((m) => m.code)).toEqual(["140521", "140522"]);
    await expect(env.caller("business").analytics.overview(MARCH)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(env.anonymous().analytics.placement(MARCH)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(env.caller("leader").analytics.overview({ from: "2025-04", to: "2025-03" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("views follow a cancellation at once (rollups are maintained in the same transaction)", async () => {
    const env = suite.env();
    const before = await env.caller("head").analytics.placement({ from: "2025-02", to: "2025-03" });
    expect(before.byMonth.map((m) => [m.month, m.placed, m.seekers])).toEqual([["2025-02", 0, 3], ["2025-03", 2, 3]]);
    await env.db.update(dispatches).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(dispatches.id, seeded.ds[2]!.id));
    const after = await env.caller("head").analytics.placement({ from: "2025-03", to: "2025-03" });
    expect(after.byMonth[0]).toMatchObject({ placed: 1, seekers: 3 });
    expect(after.byStars.find((s) => s.key === "0")).toMatchObject({ placed: 1, seekers: 1 });
    expect(after.byTrade).toEqual([{ key: "bricklayer", label: "bricklayer", placed: 1, seekers: 3, rate: 1 / 3 }]);
    const sd = await env.caller("head").analytics.supplyDemand(MARCH);
    expect(sd.ratio[0]).toMatchObject({ trade: "bricklayer", openings: 4, seekers: 3, placements: 2, ratio: 4 / 3 });
    // Over several months: openings per seeker-month, not the period's openings over the last head count.
    const twoMonths = await env.caller("head").analytics.supplyDemand({ from: "2025-02", to: "2025-03" });
    const bricks = twoMonths.trades.find((t) => t.trade === "bricklayer")!;
    const r2 = twoMonths.ratio.find((r) => r.trade === "bricklayer")!;
    expect(r2.ratio).toBeCloseTo(r2.openings / bricks.seekers.reduce((a, b) => a + b, 0), 10);
    expect(bricks.seekers.length).toBe(2);
    const drill = await env.caller("head").analytics.drilldown({ filter: MARCH, kind: "placements", trade: "bricklayer" });
    expect(drill.rows).toHaveLength(2);
    expect(drill.rows.every((r) => r.who.includes("*"))).toBe(true);
    const w = await env.caller("head").analytics.wages(MARCH);
    expect(w.trades[0]).toMatchObject({ trade: "bricklayer", jobs: 2, avgFen: 25_000, guidanceLowFen: 19_800, guidanceHighFen: 24_200 });

    // A trade with a star grade takes the month-by-month path through the rollup's worker sets, a township the
    // township's workers:
    // the same rows, newest first, over a multi-month period, and the limit still marks truncation.
    const HALF = { from: "2025-01", to: "2025-06" };
    const both = await env.caller("head").analytics.drilldown({ filter: HALF, kind: "placements", trade: "bricklayer", stars: 0 });
    expect(both.rows.map((r) => r.id)).toEqual([seeded.ds[1]!.id, seeded.ds[0]!.id]);
    const byTown = await env.caller("head").analytics.drilldown({ filter: HALF, kind: "placements", trade: "bricklayer", townshipId: env.townships[0]!.id });
    expect(byTown.rows.map((r) => r.id)).toEqual([seeded.ds[1]!.id, seeded.ds[0]!.id]);
    expect((await env.caller("head").analytics.drilldown({ filter: HALF, kind: "placements", trade: "bricklayer", stars: 1 })).rows).toEqual([]);
    const townStars = await env.caller("leader").analytics.drilldown({ filter: HALF, kind: "placements", townshipId: env.townships[0]!.id, stars: 0 });
    expect(townStars.rows.map((r) => r.id)).toEqual([seeded.ds[1]!.id, seeded.ds[0]!.id]);
    expect((await env.caller("head").analytics.drilldown({ filter: HALF, kind: "placements", townshipId: env.townships[1]!.id })).rows).toEqual([]);
    const one = await env.caller("head").analytics.drilldown({ filter: HALF, kind: "placements", trade: "bricklayer", stars: 0, limit: 1 });
    expect(one).toMatchObject({ truncated: true, rows: [{ id: seeded.ds[1]!.id }] });
    // The province leader sees both markets' rows, newest first.
    const province = await env.caller("leader").analytics.drilldown({ filter: HALF, kind: "placements", trade: "bricklayer", stars: 0 });
    expect(province.rows).toHaveLength(4);
    expect(province.rows.map((r) => r.date)).toEqual([...province.rows.map((r) => r.date)].sort().reverse());

    // A worker with two trades is a seeker of each trade but one job seeker in the total.
    expect(sd.seekersTotal).toEqual([3]);
    await env.db.insert(workerTrades).values({ marketId: env.market.id, workerId: seeded.ws[0]!.id, tradeCode: "electrician" });
    const two = await env.caller("head").analytics.supplyDemand(MARCH);
    expect(two.trades.reduce((a, t) => a + t.seekers[0]!, 0)).toBe(4);
    expect(two.seekersTotal).toEqual([3]);
    expect((await env.caller("head").analytics.supplyDemand({ ...MARCH, trade: "electrician" })).seekersTotal).toEqual([1]);
  });

  it("wages against guidance: each job by its market's own table in force on the job's day (not the month's last day), the province each market by its own", async () => {
    const env = suite.env();
    const table = (bricklayerFen: number, version: string) => ({
      ...DEFAULT_GUIDANCE_WAGE_POLICY,
      version,
      dayRateFen: { ...DEFAULT_GUIDANCE_WAGE_POLICY.dayRateFen, bricklayer: { none: bricklayerFen } },
    });
    const headA = env.caller("head");
    const headB = env.caller("head", { user: { ...env.users.head, marketId: other.id }, marketId: other.id });
    const trade = async (caller: typeof headA, filter: Parameters<typeof headA.analytics.wages>[0]) => (await caller.analytics.wages(filter)).trades.find((t) => t.trade === "bricklayer")!;
    // Both markets paid ¥240 on 4 March and ¥260 on 5 March 2025 (completed bricklayer days); core's default midpoint is ¥220.
    expect((await trade(headA, MARCH)).ratio).toBeCloseTo(25_000 / 22_000, 12);

    await headA.policies.publish({ kind: "wages", body: table(30_000, "a-2025"), effectiveFrom: "2025-01-01" });
    const a1 = await trade(headA, MARCH);
    expect(a1).toMatchObject({ jobs: 2, avgFen: 25_000, guidanceLowFen: 27_000, guidanceMidFen: 30_000, guidanceHighFen: 33_000 });
    expect(a1.ratio).toBeCloseTo(25_000 / 30_000, 12);
    const card = async (caller: typeof headA, filter: Parameters<typeof headA.analytics.overview>[0], key: string) =>
      (await caller.analytics.overview(filter)).cards.find((c) => c.key === key)!;
    expect(await card(headA, MARCH, "guidanceMidFen")).toMatchObject({ value: 30_000, previous: null });
    expect((await card(headA, MARCH, "wageToGuidanceRatio")).value).toBeCloseTo(25_000 / 30_000, 12);

    // Each job takes the version in force on its own day: one dated 5 March prices the 5 March job and not the
    // 4 March one (it was the month-end version for the whole month before); ones dated 20 March and April price neither.
    await headA.policies.publish({ kind: "wages", body: table(32_000, "a-2025-03"), effectiveFrom: "2025-03-05" });
    await headA.policies.publish({ kind: "wages", body: table(36_000, "a-2025-03-20"), effectiveFrom: "2025-03-20" });
    await headA.policies.publish({ kind: "wages", body: table(40_000, "a-2025-04"), effectiveFrom: "2025-04-01" });
    const aRatio = (24_000 / 30_000 + 26_000 / 32_000) / 2;
    const a2 = await trade(headA, MARCH);
    expect(a2).toMatchObject({ jobs: 2, avgFen: 25_000, guidanceLowFen: 27_900, guidanceMidFen: 31_000, guidanceHighFen: 34_100 });
    expect(a2.ratio).toBeCloseTo(aRatio, 12);
    expect(await trade(headA, { from: "2025-01", to: "2025-06" })).toMatchObject({ jobs: 2, guidanceMidFen: 31_000 });
    // Moving the 5 March job to 21 March re-prices it by the table of its new day (the rollup trigger), then back.
    const moved = seeded.ds[1]!;
    await env.db.update(dispatches).set({ startsAt: at("2025-03-21T08:00:00+08:00"), endsAt: at("2025-03-21T17:00:00+08:00") }).where(eq(dispatches.id, moved.id));
    expect(await trade(headA, MARCH)).toMatchObject({ guidanceMidFen: 33_000 });
    await env.db.update(dispatches).set({ startsAt: moved.startsAt, endsAt: moved.endsAt }).where(eq(dispatches.id, moved.id));
    expect(await trade(headA, MARCH)).toMatchObject({ guidanceMidFen: 31_000 });

    // The province: market A by its own tables, market B (none published) by the default ¥220.
    const leader = env.caller("leader");
    const mixed = await trade(leader, MARCH);
    expect(mixed).toMatchObject({ jobs: 4, avgFen: 25_000, guidanceMidFen: 26_500 });
    expect(mixed.ratio).toBeCloseTo((2 * aRatio + 50_000 / 22_000) / 4, 12);

    // Market B publishes ¥200 from 1 March: each market against its own table, the ratio per job averaged over jobs.
    await headB.policies.publish({ kind: "wages", body: table(20_000, "b-2025"), effectiveFrom: "2025-03-01" });
    const both = await trade(leader, MARCH);
    expect(both).toMatchObject({ jobs: 4, avgFen: 25_000, guidanceLowFen: 22_950, guidanceMidFen: 25_500, guidanceHighFen: 28_050 });
    expect(both.ratio).toBeCloseTo((2 * aRatio + 50_000 / 20_000) / 4, 12);
    // Not the pooled average over the pooled midpoint (25,000 / 25,500), nor the default table.
    expect(both.ratio).not.toBeCloseTo(25_000 / 25_500, 3);
    expect((await trade(leader, { ...MARCH, marketIds: [other.id] })).ratio).toBeCloseTo(25_000 / 20_000, 12);
    const twoMarkets = await trade(leader, { ...MARCH, marketIds: [env.market.id, other.id] });
    expect(twoMarkets.jobs).toBe(both.jobs);
    expect(twoMarkets.guidanceMidFen).toBe(both.guidanceMidFen);
    expect(twoMarkets.ratio).toBeCloseTo(both.ratio!, 12);
    expect(await card(leader, MARCH, "guidanceMidFen")).toMatchObject({ value: 25_500, previous: null });
    expect((await card(leader, MARCH, "wageToGuidanceRatio")).value).toBeCloseTo(both.ratio!, 12);
    expect((await card(leader, { from: "2025-04", to: "2025-04" }, "wageToGuidanceRatio")).previous).toBeCloseTo(both.ratio!, 12);

    // The rollups equal the base-table answer after the backdated publishes.
    const diff = rowsOf<{ n: number }>(await env.db.execute(sql`select count(*)::int as n from (
      (select * from analytics_month_wages except select * from analytics_expected_month_wages)
      union all (select * from analytics_expected_month_wages except select * from analytics_month_wages)) x`));
    expect(Number(diff[0]!.n)).toBe(0);
  });
});
