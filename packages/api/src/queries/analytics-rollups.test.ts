import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { createRandom, DEFAULT_GUIDANCE_WAGE_POLICY } from "@lingong/core";
import { staffUsers } from "../schema/core.ts";
import { complaints } from "../schema/complaints.ts";
import { costEntries } from "../schema/costs.ts";
import { dispatches } from "../schema/dispatches.ts";
import { employers } from "../schema/employers.ts";
import { jobOrders } from "../schema/orders.ts";
import { servicesLog } from "../schema/library.ts";
import { gradeChanges, workers, workerTrades } from "../schema/workers.ts";
import { describeOnBothDatabases, type TestEnv } from "../test/harness.ts";
import { mismatches, PAIRS } from "../test/rollups.ts";
import { rowsOf } from "./analytics-sql.ts";
import { syncGuidanceMid } from "./guidance-mid.ts";

const ZERO = Object.fromEntries(PAIRS.map(([t]) => [t, 0]));
const TRADES = ["bricklayer", "electrician", "general_labourer"] as const;

async function staffId(env: TestEnv): Promise<string> {
  const [u] = await env.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.username, "test-head"));
  return u!.id;
}

async function addWorker(env: TestEnv, i: number, trades: readonly string[], createdAt: Date) {
  const [w] = await env.db
    .insert(workers)
    .values({
      marketId: env.market.id,
      workerNo: `AW${i}-${randomUUID().slice(0, 6)}`,
      name: `工人${i}`,
      stars: i % 6,
      townshipId: i % 4 === 0 ? null : env.townships[i % env.townships.length]!.id,
      consentVersion: "t",
      consentedAt: createdAt,
      createdAt,
      updatedAt: createdAt,
    })
    .returning();
  for (const t of trades) await env.db.insert(workerTrades).values({ marketId: env.market.id, workerId: w!.id, tradeCode: t });
  return w!;
}

describeOnBothDatabases("analytics rollups equal the base-table answer", (suite) => {
  it("after inserts, updates, cancellations, deletes, backdated guidance publishes and a random mix of changes", async () => {
    const env = suite.env();
    const db = env.db;
    const staff = await staffId(env);
    const random = createRandom("analytics-rollups");
    const rnd = () => random.next();
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

    const ws: (typeof workers.$inferSelect)[] = [];
    for (let i = 0; i < 16; i++) {
      ws.push(await addWorker(env, i, i % 3 === 0 ? [TRADES[0], TRADES[2]] : [pick(TRADES)], new Date(Date.UTC(2025, i % 6, 3 + i, 20))));
    }
    const [emp] = await db
      .insert(employers)
      .values({ marketId: env.market.id, employerNo: "AE1", kind: "person", name: "王家", contactName: "王", contactPhoneEnc: "x", contactPhoneBidx: randomUUID(), contactPhoneMasked: "139****0000" })
      .returning();
    const orders: (typeof jobOrders.$inferSelect)[] = [];
    for (let i = 0; i < 8; i++) {
      const [o] = await db
        .insert(jobOrders)
        .values({
          marketId: env.market.id,
          orderNo: `AO${i}`,
          employerId: emp!.id,
          tradeCode: TRADES[i % 3]!,
          skillGrade: i % 2 ? "none" : "L4",
          headcount: 5,
          startDate: "2025-03-01",
          endDate: "2025-09-30",
          place: "龙港镇",
          wageFen: 20_000,
          wageUnit: "day",
          status: i === 7 ? "draft" : "published",
          publishedAt: i === 7 ? null : new Date(Date.UTC(2025, i % 6, 1, 18)),
        })
        .returning();
      orders.push(o!);
    }
    const ds: (typeof dispatches.$inferSelect)[] = [];
    let day = 0;
    for (const w of ws) {
      for (let k = 0; k < 3; k++) {
        day += 1;
        const start = new Date(Date.UTC(2025, 2, 1) + day * 86_400_000 - 8 * 3_600_000 + 3_600_000); // 01:00 Shanghai
        const status = pick(["assigned", "completed", "completed", "cancelled"] as const);
        const [d] = await db
          .insert(dispatches)
          .values({
            marketId: env.market.id,
            orderId: pick(orders.slice(0, 7)).id,
            workerId: w.id,
            employerId: emp!.id,
            startsAt: start,
            endsAt: new Date(start.getTime() + 8 * 3_600_000),
            status,
            agreedWageFen: 18_000 + Math.floor(rnd() * 5000),
            wageUnit: pick(["day", "half_day"] as const),
            startedAt: status === "completed" ? start : null,
            completedAt: status === "completed" ? start : null,
            cancelledAt: status === "cancelled" ? start : null,
          })
          .returning();
        ds.push(d!);
      }
    }
    await db.insert(complaints).values(
      [0, 1, 2, 3].map((i) => ({
        marketId: env.market.id,
        caseNo: `AC${i}`,
        complainant: "worker" as const,
        respondent: "employer" as const,
        workerId: ws[i]!.id,
        employerId: emp!.id,
        category: (["wage_arrears", "quality"] as const)[i % 2]!,
        description: "欠薪",
        status: i < 2 ? ("resolved" as const) : ("filed" as const),
        filedAt: new Date(Date.UTC(2025, 3, 10 + i)),
        filedBy: staff,
        acceptDeadline: "2025-05-01",
        resolveDeadline: "2025-06-01",
        closedAt: i < 2 ? new Date(Date.UTC(2025, 4, 2 + i, 5)) : null,
        upheld: i === 0 ? true : null,
      })),
    );
    await db.insert(servicesLog).values({ marketId: env.market.id, kind: "meal", servedOn: "2025-04-30", count: 12, recordedBy: staff });
    await db.insert(costEntries).values({ marketId: env.market.id, spentOn: "2025-04-30", category: "rent", amountFen: 500_000, voucherNo: "V1", recordedBy: staff });
    await db.insert(gradeChanges).values({ marketId: env.market.id, workerId: ws[1]!.id, fromGrade: 1, toGrade: 2, kind: "review" });

    // A second market in the same months and trades: the province-wide rollups sum both markets.
    const other = await env.addMarket("140599", "第二县零工市场");
    const [ow] = await db
      .insert(workers)
      .values({ marketId: other.id, workerNo: "BW1", name: "乙工人", stars: 3, consentVersion: "t", consentedAt: new Date(Date.UTC(2025, 1, 3)), createdAt: new Date(Date.UTC(2025, 1, 3)) })
      .returning();
    await db.insert(workerTrades).values({ marketId: other.id, workerId: ow!.id, tradeCode: TRADES[0] });
    const [oe] = await db
      .insert(employers)
      .values({ marketId: other.id, employerNo: "BE1", kind: "person", name: "李家", contactName: "李", contactPhoneEnc: "x", contactPhoneBidx: randomUUID(), contactPhoneMasked: "139****0001" })
      .returning();
    const [oo] = await db
      .insert(jobOrders)
      .values({ marketId: other.id, orderNo: "BO1", employerId: oe!.id, tradeCode: TRADES[0], skillGrade: "L4", headcount: 3, startDate: "2025-03-01", endDate: "2025-09-30", place: "城关镇", wageFen: 20_000, wageUnit: "day", status: "published", publishedAt: new Date(Date.UTC(2025, 2, 1, 18)) })
      .returning();
    for (let k = 0; k < 2; k++) {
      const start = new Date(Date.UTC(2025, 2, 5 + k * 3, 1));
      const [d] = await db
        .insert(dispatches)
        .values({ marketId: other.id, orderId: oo!.id, workerId: ow!.id, employerId: oe!.id, startsAt: start, endsAt: new Date(start.getTime() + 8 * 3_600_000), status: "completed", agreedWageFen: 21_000, wageUnit: "day", startedAt: start, completedAt: start })
        .returning();
      ds.push(d!);
    }
    const provinceRows = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from analytics_province_month_trade p where p.placements > 0 and p.placements = (
        select sum(t.placements) from analytics_month_trade t where t.month = p.month and t.trade_code = p.trade_code having count(distinct t.market_id) = 2)`),
    );
    expect(provinceRows[0]!.n).toBeGreaterThan(0);

    expect(await mismatches(db)).toEqual(ZERO);
    const placed = rowsOf<{ n: number }>(await db.execute(sql`select coalesce(sum(placed_workers), 0)::int as n from analytics_month_group`));
    expect(placed[0]!.n).toBeGreaterThan(0);

    // Targeted changes: cancel, complete, move a worker, deregister and expel, cancel an order, re-trade an order.
    const live = ds.find((d) => d.status === "assigned")!;
    await db.update(dispatches).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(dispatches.id, live.id));
    const done = ds.find((d) => d.status === "assigned" && d.id !== live.id);
    if (done) await db.update(dispatches).set({ status: "completed", startedAt: done.startsAt, completedAt: new Date() }).where(eq(dispatches.id, done.id));
    await db.update(workers).set({ stars: 5, townshipId: env.townships[3]!.id }).where(eq(workers.id, ws[2]!.id));
    await db.update(workers).set({ status: "deregistered", deregisteredAt: new Date(Date.UTC(2025, 7, 1)), updatedAt: new Date() }).where(eq(workers.id, ws[3]!.id));
    await db.update(workers).set({ status: "expelled", updatedAt: new Date(Date.UTC(2025, 8, 1)) }).where(eq(workers.id, ws[4]!.id));
    await db.update(jobOrders).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(jobOrders.id, orders[1]!.id));
    await db.update(jobOrders).set({ tradeCode: "electrician", skillGrade: "L3" }).where(eq(jobOrders.id, orders[0]!.id));
    await db.update(complaints).set({ status: "resolved", closedAt: new Date(Date.UTC(2025, 5, 1)), upheld: true }).where(eq(complaints.caseNo, "AC2"));
    await db.update(complaints).set({ status: "resolved", closedAt: new Date(Date.UTC(2025, 3, 28)) }).where(eq(complaints.caseNo, "AC3"));
    await db.delete(workerTrades).where(eq(workerTrades.workerId, ws[5]!.id));
    expect(await mismatches(db)).toEqual(ZERO);

    // Guidance tables: market A publishes one from before the data and a backdated one dated mid-March (the
    // dispatches run from 2 March on), market B one; each publish re-prices that market's months in its transaction.
    const wagesTable = (pct: number, version: string) => ({
      ...DEFAULT_GUIDANCE_WAGE_POLICY,
      version,
      dayRateFen: Object.fromEntries(
        Object.entries(DEFAULT_GUIDANCE_WAGE_POLICY.dayRateFen).map(([t, row]) => [t, Object.fromEntries(Object.entries(row).map(([g, v]) => [g, Math.round((v * pct) / 100)]))]),
      ),
    });
    const guided = async () =>
      rowsOf<{ n: number; over: string }>(await db.execute(sql`select coalesce(sum(guided_count), 0)::int as n, coalesce(sum(wage_over_mid), 0)::text as over from analytics_province_month_wages`))[0]!;
    const before = await guided();
    expect(before.n).toBeGreaterThan(0);
    await env.caller("head").policies.publish({ kind: "wages", body: wagesTable(110, "a-1"), effectiveFrom: "2025-01-01" });
    await env.caller("head").policies.publish({ kind: "wages", body: wagesTable(125, "a-2"), effectiveFrom: "2025-03-20" });
    const headB = env.caller("head", { user: { ...env.users.head, marketId: other.id }, marketId: other.id });
    await headB.policies.publish({ kind: "wages", body: wagesTable(90, "b-1"), effectiveFrom: "2025-03-06" });
    expect(await mismatches(db)).toEqual(ZERO);
    const after = await guided();
    expect(after.n).toBe(before.n);
    expect(after.over).not.toBe(before.over);
    // Two tables in force within one market-month (March: from 1 January, and from 20 March on): jobs of both.
    const mids = rowsOf<{ n: number }>(
      await db.execute(sql`select count(distinct (select max(x.effective_from) from guidance_mid x
          where x.market_id = d.market_id and x.effective_from <= analytics_day(d.starts_at)))::int as n
        from dispatches d where d.market_id = ${env.market.id}::uuid and d.status = 'completed' and d.wage_unit = 'day'
          and analytics_month(d.starts_at) = '2025-03-01'`),
    );
    expect(mids[0]!.n).toBe(2);

    // A row set that drifted from core (as after a core release changes a table) is rewritten and re-priced by
    // the startup sync; a second sync has nothing to do.
    await db.execute(sql`update guidance_mid set mid_fen = mid_fen + 1000 where market_id = ${env.market.id}::uuid and effective_from = '2025-03-20'`);
    await db.execute(sql`select analytics_reprice_wages(${env.market.id}::uuid, '2025-03-20')`);
    expect(await mismatches(db)).toEqual(ZERO);
    expect((await guided()).over).not.toBe(after.over);
    expect(await syncGuidanceMid(db)).toEqual({ sets: 1, repriced: 1 });
    expect(await guided()).toEqual(after);
    expect(await syncGuidanceMid(db)).toEqual({ sets: 0, repriced: 0 });
    expect(await mismatches(db)).toEqual(ZERO);

    // A random mix of the same kinds of change.
    for (let step = 0; step < 40; step++) {
      const d = pick(ds);
      const op = Math.floor(rnd() * 5);
      if (op === 0) await db.update(dispatches).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(dispatches.id, d.id));
      else if (op === 1) await db.update(dispatches).set({ status: "completed", completedAt: new Date(), cancelledAt: null }).where(eq(dispatches.id, d.id));
      else if (op === 2) await db.update(workers).set({ stars: Math.floor(rnd() * 6) }).where(eq(workers.id, pick(ws).id));
      else if (op === 3) await db.update(dispatches).set({ agreedWageFen: 15_000 + step }).where(eq(dispatches.id, d.id));
      else await db.delete(dispatches).where(eq(dispatches.id, d.id));
    }
    expect(await mismatches(db)).toEqual(ZERO);

    // The repair path gives the same tables.
    await db.execute(sql`select analytics_rebuild()`);
    expect(await mismatches(db)).toEqual(ZERO);
  });
});
