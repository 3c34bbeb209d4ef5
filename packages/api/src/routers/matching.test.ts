import { addDays } from "@lingong/core";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { todayShanghai } from "../queries/workforce-common.ts";
import { lotteryDraws } from "../schema/matching.ts";
import { workers } from "../schema/workers.ts";
import { makeEmployer, makeOrder, makeWorker, rng } from "../seed/factories.ts";
import { describeOnBothDatabases } from "../test/harness.ts";

describeOnBothDatabases("matching router", ({ env }) => {
  it("recommends with breakdown and exclusions, draws a reproducible lottery, shortlists and books a room sized to it", async () => {
    const e = env();
    const r = rng("matching");
    const c = e.caller("business");
    const employer = await c.employers.create(makeEmployer(r, { industry: "construction" }));
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await c.workers.register({ ...makeWorker(r), trades: [{ code: "bricklayer", skillGrade: "L5", certificates: [] }], workYears: i })).worker.id);
    await e.db.update(workers).set({ status: "expelled" }).where(eq(workers.id, ids[5]!));
    const start = addDays(todayShanghai(), 2);
    const { order } = await c.orders.create({ ...makeOrder(r, { employerId: employer.id, startDate: start, tradeCode: "bricklayer", headcount: 2 }), wageFen: 30000, requirements: "", publish: true });
    const rec = await c.matching.recommend({ orderId: order.id });
    expect(rec.ranked.map((x) => x.id).sort()).toEqual(ids.slice(0, 5).sort());
    expect(rec.ranked[0]?.breakdown).toHaveProperty("stars");
    expect(rec.excluded.map((x) => x.id)).toEqual([ids[5]]);
    expect(rec.excluded[0]?.reasons[0]?.code).toBe("expelled");

    const a = await c.matching.lottery({ orderId: order.id, seed: "公开种子-2025" });
    expect(a.drawn).toHaveLength(2);
    const [stored] = await e.db.select().from(lotteryDraws).where(eq(lotteryDraws.id, a.drawId));
    expect(stored?.seed).toBe("公开种子-2025");
    const b = await c.matching.lottery({ orderId: order.id, seed: "公开种子-2025" });
    expect(b.drawn).toEqual(a.drawn);

    await c.matching.shortlistAdd({ orderId: order.id, workerIds: a.drawn, source: "lottery", lotteryDrawId: a.drawId });
    expect(await c.matching.shortlist({ orderId: order.id })).toHaveLength(2);

    const small = await e.caller("logistics").matching.roomCreate({ name: "洽谈室一", capacity: 2 });
    const big = await e.caller("logistics").matching.roomCreate({ name: "洽谈室二", capacity: 8 });
    const at = new Date(`${start}T09:00:00+08:00`);
    const until = new Date(`${start}T10:00:00+08:00`);
    await expect(c.matching.book({ roomId: small.id, orderId: order.id, startsAt: at, endsAt: until })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "roomId" } });
    const booking = await c.matching.book({ roomId: big.id, orderId: order.id, startsAt: at, endsAt: until });
    expect(booking.partySize).toBe(3);
    await expect(c.matching.book({ roomId: big.id, orderId: order.id, startsAt: new Date(at.getTime() + 1_800_000), endsAt: new Date(until.getTime() + 1_800_000) })).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "roomId" } });
    await expect(c.matching.book({ roomId: big.id, orderId: order.id, startsAt: until, endsAt: at })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // The order page lists the order's own bookings: filtered by order, others' bookings left out.
    const window = { from: new Date(at.getTime() - 3_600_000), to: new Date(until.getTime() + 3_600_000) };
    expect((await c.matching.bookings({ ...window, orderId: order.id })).map((b) => b.id)).toEqual([booking.id]);
    expect(await c.matching.bookings({ ...window, orderId: "00000000-0000-4000-8000-000000000000" })).toEqual([]);
    expect((await c.matching.bookings(window)).map((b) => b.id)).toContain(booking.id);

    const d = await c.dispatches.create({ orderId: order.id, workerId: a.drawn[0]! });
    expect(d.dispatch.workerId).toBe(a.drawn[0]);
    await expect(e.caller("training").matching.recommend({ orderId: order.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describeOnBothDatabases("matching reads follow-up ratings", ({ env }) => {
  it("a worker with many satisfied follow-ups scores higher on satisfaction than one never rated", async () => {
    const e = env();
    const { makeRatedJobs } = await import("../test/hall-fixtures.ts");
    const { loadCandidates } = await import("../queries/matching.ts");
    const r = rng("matching-ratings");
    const c = e.caller("business");
    const rated = (await c.workers.register({ ...makeWorker(r), trades: [{ code: "bricklayer", skillGrade: "L5", certificates: [] }], workYears: 2 })).worker.id;
    const fresh = (await c.workers.register({ ...makeWorker(r), trades: [{ code: "bricklayer", skillGrade: "L5", certificates: [] }], workYears: 2 })).worker.id;
    await makeRatedJobs(e, rated, 8, { startDaysAgo: 40 });
    const employer = await c.employers.create(makeEmployer(r, { industry: "construction" }));
    const start = addDays(todayShanghai(), 3);
    const { order } = await c.orders.create({ ...makeOrder(r, { employerId: employer.id, startDate: start, tradeCode: "bricklayer", headcount: 1 }), wageFen: 30000, requirements: "", publish: true });
    const cands = await loadCandidates(e.db, e.market.id, order, todayShanghai());
    expect(cands.find((x) => x.id === rated)).toMatchObject({ ratedJobs: 8, satisfiedJobs: 8 });
    expect(cands.find((x) => x.id === fresh)).toMatchObject({ ratedJobs: 0, satisfiedJobs: 0 });
    const rec = await c.matching.recommend({ orderId: order.id });
    const score = (id: string) => rec.ranked.find((x) => x.id === id)?.breakdown.satisfaction ?? -1;
    expect(score(rated)).toBeGreaterThan(score(fresh));
  });
});
