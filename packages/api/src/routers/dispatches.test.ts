import { addDays } from "@lingong/core";
import { and, count, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { todayShanghai } from "../queries/workforce-common.ts";
import { dispatches } from "../schema/dispatches.ts";
import { employers } from "../schema/employers.ts";
import { jobOrders } from "../schema/orders.ts";
import { conductEvents, workers } from "../schema/workers.ts";
import { makeEmployer, makeOrder, makeWorker, rng } from "../seed/factories.ts";
import { describeOnBothDatabases, describeOnPostgres, type TestEnv } from "../test/harness.ts";
import { textWithoutIds } from "../test/pii.ts";

const tomorrow = () => addDays(todayShanghai(), 1);

async function setup(e: TestEnv, seed: string) {
  const r = rng(seed);
  const c = e.caller("business");
  const employer = await c.employers.create(makeEmployer(r, { industry: "construction" }));
  const worker = (await c.workers.register({ ...makeWorker(r), trades: [{ code: "bricklayer", skillGrade: "L4", certificates: [] }] })).worker;
  const order = async (extra: Partial<ReturnType<typeof makeOrder>> = {}) =>
    (await c.orders.create({ ...makeOrder(r, { employerId: employer.id, startDate: tomorrow(), tradeCode: "bricklayer", headcount: 2, days: 1 }), wageFen: 30000, requirements: "按时到岗", ...extra, publish: true })).order;
  return { r, c, employer, worker, order };
}

describeOnBothDatabases("employers, orders, policies and dispatches", ({ env }) => {
  it("creates, verifies, searches and reads employers; bad credit code is BAD_REQUEST naming creditCode", async () => {
    const e = env();
    const r = rng("emp");
    const c = e.caller("business");
    const input = makeEmployer(r, { industry: "coal" });
    const emp = await c.employers.create(input);
    expect(emp.contactPhoneMasked).toBe(`${input.contactPhone.slice(0, 3)}****${input.contactPhone.slice(-4)}`);
    expect(JSON.stringify(emp)).not.toContain(input.contactPhone);
    const verified = await c.employers.verify({ employerId: emp.id });
    expect(verified.verifiedAt).not.toBeNull();
    expect((await c.employers.search({ q: input.name.slice(2, 6) })).map((x) => x.id)).toContain(emp.id);
    expect((await c.employers.search({ q: input.contactPhone })).map((x) => x.id)).toContain(emp.id);
    const got = await e.caller("leader").employers.get({ employerId: emp.id });
    expect(got.profile.name).toBe(input.name);
    const [before] = await e.db.select({ n: count() }).from(employers);
    await expect(c.employers.create({ ...makeEmployer(r, { industry: "coal" }), creditCode: "91350100M000100Y44" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "creditCode" } });
    await expect(c.employers.create({ ...makeEmployer(r, { industry: "coal" }), creditCode: input.creditCode })).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "creditCode" } });
    await expect(e.caller("training").employers.create(makeEmployer(r))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [after] = await e.db.select({ n: count() }).from(employers);
    expect(after?.n).toBe(before?.n);
    await expect(c.employers.update({ employerId: emp.id, patch: { status: "warned" } })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "statusReason" } });
    const upd = await c.employers.update({ employerId: emp.id, patch: { status: "warned", statusReason: "拖欠工资经调解" } });
    expect(upd.status).toBe("warned");
  });

  it("order intake returns the guidance range and findings; findings block publishing until overridden", async () => {
    const e = env();
    const { r, c, employer } = await setup(e, "orders");
    const base = { ...makeOrder(r, { employerId: employer.id, startDate: tomorrow(), tradeCode: "bricklayer" }), wageFen: 100 };
    const draft = await c.orders.create({ ...base, requirements: "限男性，45岁以下" });
    expect(draft.order.status).toBe("draft");
    expect(draft.guidance.lowFen).toBeGreaterThan(0);
    expect(draft.wage.belowFloor).toBe(true);
    expect(draft.findings.length).toBeGreaterThan(0);
    await expect(c.orders.publish({ orderId: draft.order.id })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "requirements" } });
    const edited = await c.orders.update({ orderId: draft.order.id, patch: { requirements: "吃苦耐劳", wageFen: 30000 } });
    expect(edited.findings).toHaveLength(0);
    const pub = await c.orders.publish({ orderId: draft.order.id });
    expect(pub.status).toBe("published");
    const other = await c.orders.create({ ...base, requirements: "只要本地户口" });
    const forced = await c.orders.publish({ orderId: other.order.id, overrideReason: "用工方坚持，已告知法律风险并记录" });
    expect(forced.overrideReason).toContain("用工方坚持");
    const list = await e.caller("office").orders.list({ status: ["published"] });
    expect(list.map((o) => o.id)).toEqual(expect.arrayContaining([draft.order.id, other.order.id]));
    const got = await c.orders.get({ orderId: draft.order.id });
    expect(got.employer.id).toBe(employer.id);
    await c.orders.close({ orderId: draft.order.id });
    await expect(c.orders.publish({ orderId: draft.order.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("refuses bad order input: end before start, negative money, unknown employer, over-long text", async () => {
    const e = env();
    const { r, c, employer } = await setup(e, "orders-bad");
    const base = makeOrder(r, { employerId: employer.id, startDate: tomorrow() });
    const [before] = await e.db.select({ n: count() }).from(jobOrders);
    await expect(c.orders.create({ ...base, endDate: addDays(base.startDate, -1) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.orders.create({ ...base, wageFen: -100 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.orders.create({ ...base, startDate: "2025-02-30" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.orders.create({ ...base, employerId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.orders.create({ ...base, requirements: "很".repeat(1001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(e.caller("logistics").orders.create(base)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [after] = await e.db.select({ n: count() }).from(jobOrders);
    expect(after?.n).toBe(before?.n);
  });

  it("policies: default from core as version 0, the head publishes a new version", async () => {
    const e = env();
    const current = await e.caller("office").policies.get({ kind: "wages" });
    expect(current.version).toBe(0);
    const body = current.body as Record<string, unknown>;
    await expect(e.caller("office").policies.publish({ kind: "wages", body, effectiveFrom: todayShanghai() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const v1 = await e.caller("head").policies.publish({ kind: "wages", body: { ...body, version: "qinshui-2025" }, effectiveFrom: todayShanghai(), note: "年度调整" });
    expect(v1.version).toBe(1);
    expect((await e.caller("office").policies.get({ kind: "wages" })).version).toBe(1);
    expect(await e.caller("head").policies.list({ kind: "wages" })).toHaveLength(1);
  });

  it("dispatches fill the order, refuse overlaps and unpublished orders, and move through the day", async () => {
    const e = env();
    const { r, c, employer, worker, order } = await setup(e, "disp");
    const o1 = await order();
    const o2 = await order();
    const d1 = await c.dispatches.create({ orderId: o1.id, workerId: worker.id });
    expect(d1.orderStatus).toBe("partly_filled");
    await expect(c.dispatches.create({ orderId: o2.id, workerId: worker.id })).rejects.toMatchObject({ code: "CONFLICT", message: "该零工在此时间段已有派工", cause: { field: "workerId" } });
    const draft = await c.orders.create({ ...makeOrder(r, { employerId: employer.id, startDate: tomorrow(), tradeCode: "bricklayer" }), wageFen: 30000, requirements: "" });
    await expect(c.dispatches.create({ orderId: draft.order.id, workerId: worker.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", cause: { field: "orderId" } });
    await expect(c.dispatches.create({ orderId: o2.id, workerId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const w2 = (await c.workers.register(makeWorker(r))).worker;
    const d2 = await c.dispatches.create({ orderId: o1.id, workerId: w2.id, agreedWageFen: 32000 });
    expect(d2.orderStatus).toBe("filled");
    const w3 = (await c.workers.register(makeWorker(r))).worker;
    await expect(c.dispatches.create({ orderId: o1.id, workerId: w3.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    await e.db.update(workers).set({ status: "probation" }).where(eq(workers.id, w3.id));
    await expect(c.dispatches.create({ orderId: o2.id, workerId: w3.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", cause: { field: "workerId" } });

    const board = await e.caller("office").dispatches.today({ day: tomorrow() });
    expect(board.map((d) => d.id)).toEqual(expect.arrayContaining([d1.dispatch.id, d2.dispatch.id]));
    expect(textWithoutIds(board)).not.toMatch(/\d{11}/);

    await c.dispatches.start({ dispatchId: d1.dispatch.id });
    const done = await c.dispatches.complete({ dispatchId: d1.dispatch.id });
    expect(done.dispatch.status).toBe("completed");
    const paid = await c.dispatches.confirmPaid({ dispatchId: d1.dispatch.id });
    expect(paid.dispatch.paidConfirmedAt).not.toBeNull();
    await expect(c.dispatches.confirmPaid({ dispatchId: d1.dispatch.id })).rejects.toMatchObject({ code: "CONFLICT" });

    await c.dispatches.noShow({ dispatchId: d2.dispatch.id, reason: "电话未接，未到岗" });
    const events = await e.db.select().from(conductEvents).where(and(eq(conductEvents.workerId, w2.id), eq(conductEvents.kind, "no_show")));
    expect(events).toHaveLength(1);
    const [o1Row] = await e.db.select().from(jobOrders).where(eq(jobOrders.id, o1.id));
    expect(o1Row).toMatchObject({ status: "partly_filled", filledCount: 1 });

    // After the no-show, the second order can take the first worker? No: the first worker's completed dispatch still holds the day.
    await expect(c.dispatches.create({ orderId: o2.id, workerId: worker.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const mine = await c.dispatches.listByWorker({ workerId: worker.id });
    expect(mine[0]).toMatchObject({ id: d1.dispatch.id, arrearsSuspected: false });
  });

  it("flags completed work without a paid confirmation after three days", async () => {
    const e = env();
    const { c, worker, order } = await setup(e, "arrears");
    const o = await order();
    const d = await c.dispatches.create({ orderId: o.id, workerId: worker.id });
    await c.dispatches.complete({ dispatchId: d.dispatch.id });
    await e.db.update(dispatches).set({ completedAt: new Date(Date.now() - 4 * 86_400_000) }).where(eq(dispatches.id, d.dispatch.id));
    const list = await e.caller("rights").dispatches.arrears();
    expect(list.find((x) => x.id === d.dispatch.id)?.arrearsSuspected).toBe(true);
    const byWorker = await c.dispatches.listByWorker({ workerId: worker.id });
    expect(byWorker.find((x) => x.id === d.dispatch.id)?.arrearsSuspected).toBe(true);
  });

  it("the database itself refuses overlapping dispatches and illegal order transitions", async () => {
    const e = env();
    const { c, worker, order } = await setup(e, "db-guards");
    const o1 = await order();
    const o2 = await order();
    await c.dispatches.create({ orderId: o1.id, workerId: worker.id });
    const [row] = await e.db.select().from(dispatches).where(eq(dispatches.orderId, o1.id));
    await expect(e.db.insert(dispatches).values({ ...row!, id: undefined, orderId: o2.id } as typeof dispatches.$inferInsert)).rejects.toThrow();
    await c.orders.cancel({ orderId: o2.id, reason: "用工方取消" });
    await expect(e.db.update(jobOrders).set({ status: "published" }).where(eq(jobOrders.id, o2.id))).rejects.toThrow();
  });
});

describeOnPostgres("dispatch concurrency", ({ env }) => {
  it("20 parallel overlapping dispatches of one worker leave exactly one", async () => {
    const e = env();
    const { worker, order } = await setup(e, "concurrency");
    const orders = [];
    for (let i = 0; i < 20; i++) orders.push(await order({ headcount: 1 }));
    const results = await Promise.allSettled(orders.map((o) => e.caller("business").dispatches.create({ orderId: o.id, workerId: worker.id })));
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    for (const x of results) if (x.status === "rejected") expect(x.reason).toMatchObject({ code: "CONFLICT" });
    const [n] = await e.db.select({ n: count() }).from(dispatches).where(eq(dispatches.workerId, worker.id));
    expect(n?.n).toBe(1);
  });

  it("a replayed idempotency key, even in parallel, creates one dispatch", async () => {
    const e = env();
    const { worker, order } = await setup(e, "idem");
    const o = await order();
    const input = { orderId: o.id, workerId: worker.id, idempotencyKey: "idem-dispatch-000001" };
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => e.caller("business").dispatches.create(input)));
    const ok = results.filter((x): x is PromiseFulfilledResult<Awaited<ReturnType<ReturnType<TestEnv["caller"]>["dispatches"]["create"]>>> => x.status === "fulfilled");
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((x) => x.value.dispatch.id)).size).toBe(1);
    const [n] = await e.db.select({ n: count() }).from(dispatches).where(eq(dispatches.orderId, o.id));
    expect(n?.n).toBe(1);
  });
});
