import { addDays, shanghaiDate } from "@lingong/core";
import { and, eq, inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, markets } from "../schema/core.ts";
import { dispatches } from "../schema/dispatches.ts";
import { followups } from "../schema/followups.ts";
import { gradeChanges, preRegistrations, workerDocuments, workers } from "../schema/workers.ts";
import { makeWorker as makeWorkerInput, rng } from "../seed/factories.ts";
import { makeRatedJobs } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases, type TestEnv } from "../test/harness.ts";
import { tableChecksums } from "./backup.ts";
import { applyRetention, retentionDaysOf } from "./retention.ts";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex").toString("base64");
const today = shanghaiDate(new Date());
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/**
 * A worker registered through the API with a photo and rated jobs, then marked deregistered
 * `ago` days back the way an older version (or an import) left it: the ciphertexts cleared (the
 * table's check constraint demands that) but blind index, masked ID, phone, hukou, temporary
 * address and the photo still held.
 */
async function leftoverDeregistered(e: TestEnv, seed: string, ago: number) {
  const input = { ...makeWorkerInput(rng(seed), { townshipId: e.townships[2]!.id }), tempAddress: "龙港镇某宾馆" };
  const { worker } = await e.caller("business").workers.register(input);
  await e.caller("business").workers.uploadDocument({ workerId: worker.id, kind: "photo", mime: "image/png", dataBase64: PNG });
  await makeRatedJobs(e, worker.id, 2);
  await e.db
    .update(workers)
    .set({ status: "deregistered", deregisteredAt: daysAgo(ago), idNumberEnc: null, homeAddressEnc: null })
    .where(eq(workers.id, worker.id));
  return { id: worker.id, input };
}

async function analyticsSnapshot(e: TestEnv) {
  return (await tableChecksums(e.db)).filter((t) => t.table.startsWith("public.analytics_"));
}

describeOnBothDatabases("retention (A5)", ({ env }) => {
  it("clears identifying data of workers deregistered past the period, keeps stats and audit, audits each purge", async () => {
    const e = env();
    const old = await leftoverDeregistered(e, "ret-old", 400);
    const recent = await leftoverDeregistered(e, "ret-recent", 10);
    const { worker: active } = await e.caller("business").workers.register(makeWorkerInput(rng("ret-active")));
    // Deregistered through the API 400 days ago: nothing left to clear, so no purge row.
    const { worker: api } = await e.caller("business").workers.register(makeWorkerInput(rng("ret-api")));
    await e.caller("head").workers.deregister({ workerId: api.id, reason: "本人申请注销" });
    await e.db.update(workers).set({ deregisteredAt: daysAgo(400) }).where(eq(workers.id, api.id));
    await e.db.insert(preRegistrations).values([
      { marketId: e.market.id, name: "旧预登记", phoneEnc: "x", phoneBidx: "old", phoneMasked: "138****0000", consentVersion: "v1", consentedAt: daysAgo(500), createdAt: daysAgo(500) },
      { marketId: e.market.id, name: "新预登记", phoneEnc: "y", phoneBidx: "new", phoneMasked: "138****0001", consentVersion: "v1", consentedAt: daysAgo(3), createdAt: daysAgo(3) },
    ]);

    const auditBefore = await e.db.select({ id: auditLog.id }).from(auditLog);
    const analyticsBefore = await analyticsSnapshot(e);
    const countOf = async (table: typeof dispatches | typeof followups | typeof gradeChanges, id: string) =>
      Number((await e.db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.workerId, id)))[0]?.n);
    const statsBefore = [await countOf(dispatches, old.id), await countOf(followups, old.id), await countOf(gradeChanges, old.id)];
    expect(statsBefore[0]).toBe(2);

    const report = await applyRetention(e.db, { today, marketId: e.market.id });
    expect(report.markets).toHaveLength(1);
    expect(report.markets[0]).toMatchObject({ days: 365, purgedWorkers: [old.id], deletedPreRegistrations: 1 });

    const rows = await e.db.select().from(workers).where(inArray(workers.id, [old.id, recent.id, active.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(old.id)).toMatchObject({
      status: "deregistered",
      idNumberEnc: null,
      idNumberBidx: null,
      idNumberMasked: null,
      phoneEnc: null,
      phoneBidx: null,
      phoneMasked: null,
      phoneLast4: null,
      homeAddressEnc: null,
      tempAddress: null,
      hukou: null,
      gender: expect.any(String),
      birthDate: expect.any(String),
      townshipId: e.townships[2]!.id,
    });
    expect(byId.get(old.id)?.name).toMatch(/^.\*+$|^..\*+$/);
    expect(byId.get(recent.id)?.phoneEnc).not.toBeNull();
    expect(byId.get(recent.id)?.idNumberBidx).not.toBeNull();
    expect(byId.get(active.id)?.idNumberEnc).not.toBeNull();
    const docs = await e.db.select().from(workerDocuments).where(inArray(workerDocuments.workerId, [old.id, recent.id]));
    expect(docs.find((d) => d.workerId === old.id)).toMatchObject({ contentEnc: null, deletedAt: expect.any(Date) });
    expect(docs.find((d) => d.workerId === recent.id)?.contentEnc).not.toBeNull();
    expect((await e.db.select().from(preRegistrations)).map((p) => p.name)).toEqual(["新预登记"]);

    // Statistics and history kept; every audit row still there; one purge row without values.
    expect([await countOf(dispatches, old.id), await countOf(followups, old.id), await countOf(gradeChanges, old.id)]).toEqual(statsBefore);
    expect(await analyticsSnapshot(e)).toEqual(analyticsBefore);
    const auditAfter = new Set((await e.db.select({ id: auditLog.id }).from(auditLog)).map((r) => r.id));
    expect(auditBefore.every((r) => auditAfter.has(r.id))).toBe(true);
    const purges = await e.db.select().from(auditLog).where(eq(auditLog.action, "privacy.retention.purge"));
    expect(purges.map((p) => p.targetId)).toEqual([old.id]);
    expect(purges[0]?.detail).toMatchObject({ retentionDays: 365, documents: 1 });
    expect(JSON.stringify(purges)).not.toContain(old.input.phone);
    expect(await e.db.select().from(auditLog).where(eq(auditLog.action, "privacy.retention.deletePreRegistrations"))).toHaveLength(1);

    // Idempotent: a second run finds nothing.
    const again = await applyRetention(e.db, { today, marketId: e.market.id });
    expect(again.markets[0]).toMatchObject({ purgedWorkers: [], deletedPreRegistrations: 0 });
    expect(await e.db.select().from(auditLog).where(eq(auditLog.action, "privacy.retention.purge"))).toHaveLength(1);
  });

  it("uses the market's own period, and `days` overrides it", async () => {
    const e = env();
    const w = await leftoverDeregistered(e, "ret-setting", 45);
    expect((await applyRetention(e.db, { today, marketId: e.market.id })).markets[0]?.purgedWorkers).toEqual([]);
    await e.db.update(markets).set({ settings: sql`${markets.settings} || '{"retentionDays": 30}'::jsonb` }).where(eq(markets.id, e.market.id));
    expect((await applyRetention(e.db, { today: addDays(today, -20), marketId: e.market.id })).markets[0]?.purgedWorkers).toEqual([]);
    expect((await applyRetention(e.db, { today, days: 60, marketId: e.market.id })).markets[0]?.purgedWorkers).toEqual([]);
    const r = await applyRetention(e.db, { today, marketId: e.market.id });
    expect(r.markets[0]).toMatchObject({ days: 30, purgedWorkers: [w.id] });
    expect(retentionDaysOf({ retentionDays: -1 })).toBe(365);
    expect(retentionDaysOf({ retentionDays: "30" })).toBe(365);
    expect(retentionDaysOf(null)).toBe(365);
  });

  it("privacy.runRetention: head for their market, admin for all; others refused; the run is audited", async () => {
    const e = env();
    const w = await leftoverDeregistered(e, "ret-router", 800);
    await expect(e.caller("business").privacy.runRetention({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(e.caller("auditor").privacy.runRetention({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(e.caller("head").privacy.runRetention({ days: 5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(e.caller("head").privacy.runRetention({ today: addDays(today, 3) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const byHead = await e.caller("head").privacy.runRetention({});
    expect(byHead.markets.map((m) => m.marketId)).toEqual([e.market.id]);
    expect(byHead.markets[0]?.purgedWorkers).toEqual([w.id]);
    const [purge] = await e.db.select().from(auditLog).where(and(eq(auditLog.action, "privacy.retention.purge"), eq(auditLog.targetId, w.id)));
    expect(purge).toMatchObject({ userId: e.users.head.id, role: "head" });
    const byAdmin = await e.caller("admin", { marketId: null }).privacy.runRetention();
    expect(byAdmin.markets.length).toBeGreaterThanOrEqual(1);
    expect(await e.db.select().from(auditLog).where(eq(auditLog.action, "privacy.runRetention"))).toHaveLength(2);
  });
});
