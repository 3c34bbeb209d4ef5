import { addDays } from "@lingong/core";
import { and, eq, inArray } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { today } from "../queries/hall-common.ts";
import { complaints } from "../schema/complaints.ts";
import { auditLog } from "../schema/core.ts";
import { sanctions } from "../schema/sanctions.ts";
import { workers } from "../schema/workers.ts";
import { makeDispatch, makeEmployer, makeOrder, makeWorker } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases, type TestEnv } from "../test/harness.ts";
import { runDuties, startScheduler } from "./scheduler.ts";

/** A worker on probation whose probation (approved 60 days ago) ended yesterday. */
async function probationEnded(e: TestEnv) {
  const w = await makeWorker(e, { name: "候场期满" });
  const day = today();
  await e.db.insert(sanctions).values({
    marketId: e.market.id,
    workerId: w.id,
    offence: "no_show",
    occurredOn: addDays(day, -61),
    step: "probation",
    rule: "test",
    status: "approved",
    proposedBy: e.users.rights.id,
    decidedBy: e.users.head.id,
    decidedAt: new Date(),
    effectiveOn: addDays(day, -60),
    probationUntil: addDays(day, -1),
    statusBefore: "active",
  });
  await e.db.update(workers).set({ status: "probation" }).where(eq(workers.id, w.id));
  return w;
}

async function systemRows(e: TestEnv, runId: string) {
  return e.db.select().from(auditLog).where(and(eq(auditLog.marketId, e.market.id), eq(auditLog.requestId, runId)));
}

describeOnBothDatabases("scheduled duties (runDuties)", ({ env }) => {
  it("lifts a due probation and opens the overdue arrears case once, audited as the system; a second run does nothing", async () => {
    const e = env();
    const day = today();
    const lifted = await probationEnded(e);
    const stillOn = await makeWorker(e, { name: "仍在候场" });
    await e.db.insert(sanctions).values({
      marketId: e.market.id,
      workerId: stillOn.id,
      offence: "no_show",
      occurredOn: addDays(day, -3),
      step: "probation",
      rule: "test",
      status: "approved",
      proposedBy: e.users.rights.id,
      effectiveOn: addDays(day, -2),
      probationUntil: addDays(day, 20),
    });
    await e.db.update(workers).set({ status: "probation" }).where(eq(workers.id, stillOn.id));

    const w = await makeWorker(e, { name: "欠薪待查" });
    const emp = await makeEmployer(e);
    const order = await makeOrder(e, emp.id, { headcount: 10 });
    // Completed 10 days ago, never confirmed as paid (market default: 3 days) -> one case.
    const overdue = await makeDispatch(e, order.id, emp.id, w.id, { day: addDays(day, -10) });
    // Paid, or completed only yesterday: no case.
    const paid = await makeDispatch(e, order.id, emp.id, w.id, { day: addDays(day, -9), paid: true });
    const recent = await makeDispatch(e, order.id, emp.id, w.id, { day: addDays(day, -1) });

    const first = await runDuties(e.db, { marketId: e.market.id });
    expect(first.outcomes.map((o) => [o.duty, o.changed, o.error ?? null])).toEqual([
      ["sanctions.liftDue", 1, null],
      ["complaints.openArrearsCases", 1, null],
      ["privacy.retention", 0, null],
    ]);

    const [after] = await e.db.select({ status: workers.status }).from(workers).where(eq(workers.id, lifted.id));
    expect(after?.status).toBe("active");
    const [still] = await e.db.select({ status: workers.status }).from(workers).where(eq(workers.id, stillOn.id));
    expect(still?.status).toBe("probation");

    const cases = await e.db
      .select()
      .from(complaints)
      .where(and(eq(complaints.marketId, e.market.id), inArray(complaints.dispatchId, [overdue.id, paid.id, recent.id])));
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ dispatchId: overdue.id, source: "auto_arrears", category: "wage_arrears", status: "filed", filedBy: null, employerId: emp.id });

    const rows = await systemRows(e, first.runId);
    expect(rows.map((r) => r.action).sort()).toEqual(["complaints.openArrearsCases", "sanctions.liftDue"]);
    for (const r of rows) expect(r).toMatchObject({ userId: null, role: "system", ip: "scheduler", success: true });
    const lift = rows.find((r) => r.action === "sanctions.liftDue");
    expect(lift?.detail).toMatchObject({ duty: "sanctions.liftDue", lifted: [{ workerId: lifted.id, from: "probation", to: "active" }] });
    const arrears = rows.find((r) => r.action === "complaints.openArrearsCases");
    expect(arrears?.detail).toMatchObject({ duty: "complaints.openArrearsCases", count: 1, opened: [{ dispatchId: overdue.id, complaintId: cases[0]!.id }] });

    // Idempotent: nothing to do, nothing written.
    const second = await runDuties(e.db, { marketId: e.market.id });
    expect(second.outcomes.map((o) => o.changed)).toEqual([0, 0, 0]);
    expect(await systemRows(e, second.runId)).toHaveLength(0);
    const again = await e.db.select({ id: complaints.id }).from(complaints).where(eq(complaints.dispatchId, overdue.id));
    expect(again).toHaveLength(1);
  });

  it("runs retention for the market as the system", async () => {
    const e = env();
    const w = await makeWorker(e, { name: "注销多年" });
    await e.db
      .update(workers)
      .set({ status: "deregistered", deregisteredAt: new Date(Date.now() - 400 * 86_400_000), phoneEnc: "x", tempAddress: "龙港镇某村" })
      .where(eq(workers.id, w.id));
    const r = await runDuties(e.db, { marketId: e.market.id });
    expect(r.outcomes.find((o) => o.duty === "privacy.retention")?.changed).toBe(1);
    const [row] = await e.db.select().from(workers).where(eq(workers.id, w.id));
    expect(row).toMatchObject({ phoneEnc: null, tempAddress: null, name: "注***" });
    const audit = (await systemRows(e, r.runId)).filter((a) => a.action === "privacy.retention.purge");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: null, role: "system", targetId: w.id });
    expect(audit[0]?.detail).toMatchObject({ duty: "privacy.retention" });
    expect((await runDuties(e.db, { marketId: e.market.id })).outcomes.map((o) => o.changed)).toEqual([0, 0, 0]);
  });

  it("a failing duty is reported and audited without personal data, and the other duties still run", async () => {
    const e = env();
    const other = await e.addMarket("140522", "阳城县零工市场");
    // A sanction policy the ladder cannot read makes liftDue fail for that market only.
    const w = await makeWorker(e, { name: "别的县", marketId: other.id });
    await e.db.update(workers).set({ status: "probation" }).where(eq(workers.id, w.id));
    await e.db.insert(sanctions).values({
      marketId: other.id,
      workerId: w.id,
      offence: "no_show",
      occurredOn: "2020-01-01",
      step: "probation",
      rule: "test",
      status: "approved",
      proposedBy: e.users.rights.id,
      effectiveOn: "2020-01-02",
    });
    const { policyVersions } = await import("../schema/orders.ts");
    await e.db.insert(policyVersions).values({ marketId: other.id, kind: "sanctions", version: 1, body: { broken: true }, effectiveFrom: "2000-01-01", createdBy: e.users.head.id });
    const r = await runDuties(e.db, {});
    const failed = r.outcomes.filter((o) => o.error);
    expect(failed.map((o) => [o.marketId, o.duty])).toEqual([[other.id, "sanctions.liftDue"]]);
    expect(r.outcomes.filter((o) => o.marketId === other.id && !o.error)).toHaveLength(2);
    const [row] = await e.db.select().from(auditLog).where(and(eq(auditLog.requestId, r.runId), eq(auditLog.success, false)));
    expect(row).toMatchObject({ marketId: other.id, action: "sanctions.liftDue", role: "system", userId: null });
    expect(JSON.stringify(row?.detail)).not.toMatch(/别的县|\d{11}/);
  });

  it("startScheduler runs shortly after start, logs counts only and survives a failing database", async () => {
    const e = env();
    const w = await makeWorker(e, { name: "定时欠薪" });
    const emp = await makeEmployer(e);
    const order = await makeOrder(e, emp.id, { headcount: 5 });
    await makeDispatch(e, order.id, emp.id, w.id, { day: addDays(today(), -6) });
    const logs: string[] = [];
    const s = startScheduler(e.db, { firstDelayMs: 1, intervalMs: 3_600_000, log: { log: (m: string) => logs.push(m), error: (m: string) => logs.push(m) } });
    await vi.waitFor(() => expect(logs).toContain("定时任务 / duty complaints.openArrearsCases market 140521: 1"), { timeout: 10_000, interval: 20 });
    s.stop();
    expect(logs.join("\n")).not.toContain("定时欠薪");

    const broken = {
      select: () => {
        throw new Error("connection refused for 13800138000");
      },
    } as unknown as typeof e.db;
    const logs2: string[] = [];
    const s2 = startScheduler(broken, { firstDelayMs: 60_000, log: { log: (m: string) => logs2.push(m), error: (m: string) => logs2.push(m) } });
    await expect(s2.runOnce()).resolves.toBeNull();
    s2.stop();
    expect(logs2).toEqual(["定时任务未能运行 / scheduler run failed: Error"]);
  });
});
