import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog } from "../schema/core.ts";
import { dispatches } from "../schema/dispatches.ts";
import { workers } from "../schema/workers.ts";
import { addDays } from "@lingong/core";
import { todayShanghai } from "../queries/workforce-common.ts";
import { makeEmployer, makeOrder, makeWorker as makeWorkerInput, rng } from "../seed/factories.ts";
import { makeRatedJobs, makeWorker as insertBareWorker } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases, type TestEnv } from "../test/harness.ts";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex").toString("base64");

async function register(e: TestEnv, seed: string) {
  const input = makeWorkerInput(rng(seed), { townshipId: e.townships[1]!.id });
  const res = await e.caller("business").workers.register(input);
  return { input, id: res.worker.id, workerNo: res.worker.workerNo, name: res.worker.name };
}

/** Every object in a JSON tree. */
function objects(v: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(v)) v.forEach((x) => objects(x, out));
  else if (v && typeof v === "object") {
    out.push(v as Record<string, unknown>);
    Object.values(v).forEach((x) => objects(x, out));
  }
  return out;
}

async function auditRows(e: TestEnv, action: string, targetId: string) {
  return e.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));
}

describeOnBothDatabases("privacy: data-subject export (A6)", ({ env }) => {
  it("exports exactly one worker's own data, decrypted, audited with the reason", async () => {
    const e = env();
    const a = await register(e, "export-a");
    const b = await register(e, "export-b");
    await e.caller("business").workers.uploadDocument({ workerId: a.id, kind: "photo", mime: "image/png", dataBase64: PNG });
    await makeRatedJobs(e, a.id, 3);
    await makeRatedJobs(e, b.id, 2);

    const out = await e.caller("casework").privacy.exportWorkerData({ workerId: a.id, reason: "本人申请复制个人信息" });
    expect(out.workerId).toBe(a.id);
    expect(out.data.profile).toMatchObject({
      id: a.id,
      workerNo: a.workerNo,
      idNumber: a.input.idNumber,
      phone: a.input.phone,
      homeAddress: a.input.homeAddress,
    });
    expect(out.data.dispatches).toHaveLength(3);
    expect(out.data.ratings).toHaveLength(3);
    expect(out.data.gradeHistory.length).toBeGreaterThanOrEqual(1);
    expect(out.data.trades).toHaveLength(a.input.trades.length);
    expect(out.data.documents).toHaveLength(1);
    expect(out.data.documents[0]).not.toHaveProperty("dataBase64");
    expect(out.counts.dispatches).toBe(3);

    // Nothing of the other worker, and no ciphertexts or blind indexes.
    const json = JSON.stringify(out);
    for (const needle of [b.id, b.workerNo, b.input.idNumber, b.input.phone]) expect(json).not.toContain(needle);
    for (const o of objects(out.data)) {
      if ("workerId" in o) expect(o.workerId).toBe(a.id);
      for (const k of Object.keys(o)) expect(k).not.toMatch(/(Enc|Bidx)$/);
    }
    const dbDispatchesOfA = await e.db.select({ n: sql<number>`count(*)::int` }).from(dispatches).where(eq(dispatches.workerId, a.id));
    expect(out.data.dispatches).toHaveLength(Number(dbDispatchesOfA[0]?.n));

    const [audit] = await auditRows(e, "privacy.exportWorkerData", a.id);
    expect(audit).toMatchObject({ success: true, userId: e.users.casework.id, role: "casework" });
    expect(audit?.detail).toMatchObject({ pii: "export", recipient: "subject", reason: "本人申请复制个人信息" });
    expect(JSON.stringify(audit)).not.toContain(a.input.idNumber);
    expect(JSON.stringify(audit)).not.toContain(a.input.phone);
  });

  it("includes the ID copies and photo only when asked", async () => {
    const e = env();
    const a = await register(e, "export-docs");
    await e.caller("business").workers.uploadDocument({ workerId: a.id, kind: "photo", mime: "image/png", dataBase64: PNG });
    const out = await e.caller("head").privacy.exportWorkerData({ workerId: a.id, reason: "本人申请复制照片", includeDocuments: true });
    expect(out.data.documents[0]).toMatchObject({ kind: "photo", dataBase64: PNG });
  });

  it("refuses roles that may not reveal personal data, and audits the refusal", async () => {
    const e = env();
    const a = await register(e, "export-low");
    for (const role of ["logistics", "training", "office", "leader", "auditor", "admin"] as const) {
      const requestId = `deny-export-${role}`;
      await expect(e.caller(role, { requestId }).privacy.exportWorkerData({ workerId: a.id, reason: "想看看" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const denied = await e.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.requestId, requestId), eq(auditLog.action, "access.denied"), eq(auditLog.targetId, "privacy.exportWorkerData")));
      expect(denied, role).toHaveLength(1);
      expect(denied[0]).toMatchObject({ success: false, role });
    }
    expect(await auditRows(e, "privacy.exportWorkerData", a.id)).toHaveLength(0);
  });

  it("cannot export a worker of another market (NOT_FOUND) and requires a reason", async () => {
    const e = env();
    const other = await e.addMarket("140522", "阳城县零工市场");
    const foreign = await insertBareWorker(e, { marketId: other.id });
    await expect(e.caller("head").privacy.exportWorkerData({ workerId: foreign.id, reason: "跨市场查询" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const a = await register(e, "export-reason");
    await expect(e.caller("head").privacy.exportWorkerData({ workerId: a.id, reason: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describeOnBothDatabases("privacy: consent (A3)", ({ env }) => {
  it("refuses registration without a consent version or without consent, writing nothing", async () => {
    const e = env();
    const [{ n: before } = { n: 0 }] = await e.db.select({ n: sql<number>`count(*)::int` }).from(workers);
    const input = makeWorkerInput(rng("consent-none"));
    await expect(e.caller("business").workers.register({ ...input, consentVersion: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["consentVersion"] })] },
    });
    await expect(e.caller("business").workers.register({ ...input, consentGiven: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "consentGiven" },
    });
    const [{ n: after } = { n: 0 }] = await e.db.select({ n: sql<number>`count(*)::int` }).from(workers);
    expect(Number(after)).toBe(Number(before));
  });

  it("after withdrawal refuses further processing but still lets the worker have their copy", async () => {
    const e = env();
    const a = await register(e, "consent-withdraw");
    await e.caller("business").workers.withdrawConsent({ workerId: a.id, reason: "本人撤回同意" });
    const c = e.caller("business");
    await expect(c.workers.update({ workerId: a.id, patch: { tempAddress: "龙港镇" } })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(c.workers.uploadDocument({ workerId: a.id, kind: "photo", mime: "image/png", dataBase64: PNG })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const copy = await e.caller("business").privacy.exportWorkerData({ workerId: a.id, reason: "本人撤回后索取副本" });
    expect(copy.data.profile.consentWithdrawnAt).not.toBeNull();
    expect(copy.data.profile.idNumber).toBe(a.input.idNumber);
  });
  it("after withdrawal the worker is neither recommended, shortlisted nor dispatched", async () => {
    const e = env();
    const r = rng("consent-dispatch");
    const c = e.caller("business");
    const employer = await c.employers.create(makeEmployer(r, { industry: "construction" }));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const w = await c.workers.register({ ...makeWorkerInput(r), trades: [{ code: "bricklayer", skillGrade: "L5", certificates: [] }], workYears: 3 + i });
      ids.push(w.worker.id);
    }
    const withdrawn = ids[0]!;
    await c.workers.withdrawConsent({ workerId: withdrawn, reason: "本人撤回同意" });
    const start = addDays(todayShanghai(), 2);
    const { order } = await c.orders.create({ ...makeOrder(r, { employerId: employer.id, startDate: start, tradeCode: "bricklayer", headcount: 2 }), wageFen: 30000, requirements: "", publish: true });

    const rec = await c.matching.recommend({ orderId: order.id });
    expect(rec.ranked.map((x) => x.id)).not.toContain(withdrawn);
    expect(rec.ranked.map((x) => x.id).sort()).toEqual(ids.slice(1).sort());
    await expect(c.dispatches.create({ orderId: order.id, workerId: withdrawn })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", cause: { field: "workerId" } });
    await expect(c.matching.shortlistAdd({ orderId: order.id, workerIds: [withdrawn], source: "manual" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // The others are still served.
    const d = await c.dispatches.create({ orderId: order.id, workerId: ids[1]! });
    expect(d.dispatch.workerId).toBe(ids[1]);
  });
});

describeOnBothDatabases("privacy: audit log protection and viewer (B13)", ({ env }) => {
  it("refuses UPDATE, DELETE and TRUNCATE on audit_log, whoever asks", async () => {
    const e = env();
    await e.caller("head").workers.search({ q: "" });
    const a = await register(e, "audit-protect");
    const [{ n: before } = { n: 0 }] = await e.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(Number(before)).toBeGreaterThan(0);
    await expect(e.db.execute(sql`update audit_log set action = 'tampered' where target_id = ${a.id}`)).rejects.toThrow();
    await expect(e.db.execute(sql`delete from audit_log where target_id = ${a.id}`)).rejects.toThrow();
    await expect(e.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(e.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [{ n: after } = { n: 0 }] = await e.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(Number(after)).toBe(Number(before));
    expect(await auditRows(e, "tampered", a.id)).toHaveLength(0);
    expect(await auditRows(e, "workers.register", a.id)).toHaveLength(1);
  });

  it("shows the auditor and the head a filtered, paginated, masked log; others are refused", async () => {
    const e = env();
    const a = await register(e, "audit-view");
    const other = await e.addMarket("140581", "高平市零工市场");
    // A row as an older version might have written it, with an unmasked phone and ID number.
    await e.db.insert(auditLog).values([
      { marketId: e.market.id, action: "legacy.edit", targetType: "worker", targetId: a.id, after: { phone: a.input.phone, note: `证件 ${a.input.idNumber}` } },
      { marketId: other.id, action: "legacy.edit", targetType: "worker", targetId: a.id, after: { note: "另一个市场" } },
    ]);
    const from = "2000-01-01";
    const to = "2100-01-01";

    const auditor = await e.caller("auditor", { marketId: null }).privacy.auditLog({ from, to, targetId: a.id, action: "legacy.edit" });
    expect(auditor.items).toHaveLength(2);
    const json = JSON.stringify(auditor);
    expect(json).not.toContain(a.input.phone);
    expect(json).not.toContain(a.input.idNumber);
    expect(json).toContain(`${a.input.phone.slice(0, 3)}****${a.input.phone.slice(-4)}`);

    const head = await e.caller("head").privacy.auditLog({ from, to, targetId: a.id });
    expect(head.items.every((r) => r.marketId === e.market.id)).toBe(true);
    expect(head.items.map((r) => r.action)).toEqual(expect.arrayContaining(["workers.register", "legacy.edit"]));

    // Keyset pagination walks every row once, newest first.
    const all = await e.caller("auditor").privacy.auditLog({ from, to, limit: 500 });
    const seen: number[] = [];
    let cursor: number | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await e.caller("auditor").privacy.auditLog({ from, to, limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r) => r.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((r) => r.id));
    expect([...seen].sort((x, y) => y - x)).toEqual(seen);

    const byUser = await e.caller("auditor").privacy.auditLog({ from, to, userId: e.users.business.id, action: "workers.register" });
    expect(byUser.items.length).toBeGreaterThanOrEqual(1);
    expect(byUser.items.every((r) => r.userId === e.users.business.id && r.action === "workers.register")).toBe(true);
    const empty = await e.caller("auditor").privacy.auditLog({ from: "2001-01-01", to: "2001-01-02" });
    expect(empty.items).toHaveLength(0);

    await expect(e.caller("auditor").privacy.auditLog({ from: "2025-02-01", to: "2025-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    for (const role of ["business", "admin", "leader", "rights"] as const) {
      await expect(e.caller(role).privacy.auditLog({ from, to })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
