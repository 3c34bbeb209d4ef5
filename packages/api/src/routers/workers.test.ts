import { and, count, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { expect, it } from "vitest";
import { auditLog } from "../schema/core.ts";
import { gradeChanges, workerChanges, workers } from "../schema/workers.ts";
import { breakCheckCharacter, makeWorker, rng } from "../seed/factories.ts";
import { describeOnBothDatabases } from "../test/harness.ts";
import { textWithoutIds } from "../test/pii.ts";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex").toString("base64");

async function workerCount(db: Db) {
  const [r] = await db.select({ n: count() }).from(workers);
  return r?.n ?? 0;
}

describeOnBothDatabases("workers router", ({ env }) => {
  const r = rng("workers-test");

  it("registers a worker with masked output, the initial grade and its reasons", async () => {
    const e = env();
    const input = { ...makeWorker(r, { townshipId: e.townships[0]!.id }), workYears: 6 };
    const res = await e.caller("business").workers.register(input);
    expect(res.worker.workerNo).toMatch(/^[A-Z]+\d{6}$/);
    expect(res.worker.idNumberMasked).toBe(`${input.idNumber.slice(0, 6)}********${input.idNumber.slice(-4)}`);
    expect(res.worker.phoneMasked).toBe(`${input.phone.slice(0, 3)}****${input.phone.slice(-4)}`);
    expect(JSON.stringify(res)).not.toContain(input.idNumber);
    expect(res.grade.reasons.length).toBeGreaterThan(0);
    const grades = await e.db.select().from(gradeChanges).where(eq(gradeChanges.workerId, res.worker.id));
    expect(grades).toHaveLength(1);
    expect(grades[0]).toMatchObject({ kind: "initial", toGrade: res.grade.grade, fromGrade: null });
    const [row] = await e.db.select().from(workers).where(eq(workers.id, res.worker.id));
    expect(row?.idNumberEnc).not.toContain(input.idNumber);
    const audit = await e.db.select().from(auditLog).where(and(eq(auditLog.action, "workers.register"), eq(auditLog.targetId, res.worker.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(input.idNumber);
  });

  it("refuses a wrong check character naming idNumber, and leaves the database unchanged", async () => {
    const e = env();
    const before = await workerCount(e.db);
    const input = makeWorker(r);
    await expect(e.caller("business").workers.register({ ...input, idNumber: breakCheckCharacter(input.idNumber) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "idNumber" },
    });
    expect(await workerCount(e.db)).toBe(before);
  });

  it("refuses registration without consent, a duplicate ID (naming the existing number) and bad input", async () => {
    const e = env();
    const c = e.caller("casework");
    const input = makeWorker(r);
    await expect(c.workers.register({ ...input, consentGiven: false })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "consentGiven" } });
    const first = await c.workers.register(input);
    const dup = c.workers.register({ ...makeWorker(r), idNumber: input.idNumber });
    await expect(dup).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "idNumber" } });
    await expect(dup).rejects.toThrow(first.worker.workerNo);
    await expect(c.workers.register({ ...makeWorker(r), name: "x".repeat(51) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.workers.register({ ...makeWorker(r), workYears: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.workers.register({ ...makeWorker(r), phone: "12345" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "phone" } });
    await expect(c.workers.register({ ...makeWorker(r), trades: [{ code: "astronaut", skillGrade: "none", certificates: [] }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.workers.register({ ...makeWorker(r), townshipId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A birth date in the future is an impossible date.
    await expect(c.workers.register({ ...makeWorker(r), idNumber: "140521209901010012" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "idNumber" } });
  });

  it("refuses roles that do not work the counter", async () => {
    const e = env();
    await expect(e.caller("logistics").workers.register(makeWorker(r))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(e.anonymous().workers.search({ q: "" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("stores HTML in names literally", async () => {
    const e = env();
    const name = "<img src=x onerror=alert(1)>";
    const res = await e.caller("business").workers.register({ ...makeWorker(r), name });
    const got = await e.caller("business").workers.get({ workerId: res.worker.id });
    expect(got.profile.name).toBe(name);
  });

  it("searches by ID number, phone, last four digits, worker number and name", async () => {
    const e = env();
    const input = { ...makeWorker(r), name: "测试张三丰" };
    const { worker } = await e.caller("business").workers.register(input);
    const c = e.caller("office");
    for (const q of [input.idNumber, input.phone, worker.workerNo, "张三丰", input.idNumber.toLowerCase()]) {
      const found = await c.workers.search({ q });
      expect(found.map((w) => w.id), q).toContain(worker.id);
      expect(JSON.stringify(found)).not.toContain(input.idNumber);
    }
    expect((await c.workers.search({ q: input.phone.slice(-4) })).map((w) => w.id)).toContain(worker.id);
  });

  it("a low role's archive contains no 18-digit string; reveal is audited with the reason; denial is audited", async () => {
    const e = env();
    const input = makeWorker(r);
    const { worker } = await e.caller("business").workers.register(input);
    const archive = await e.caller("logistics").workers.get({ workerId: worker.id });
    expect(textWithoutIds(archive)).not.toMatch(/\d{17}[\dX]/);
    expect(JSON.stringify(archive)).not.toContain(input.phone);

    const revealed = await e.caller("head").workers.revealIdNumber({ workerId: worker.id, reason: "核对身份办理社保" });
    expect(revealed.idNumber).toBe(input.idNumber);
    const rows = await e.db.select().from(auditLog).where(and(eq(auditLog.action, "workers.revealIdNumber"), eq(auditLog.targetId, worker.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.detail).toMatchObject({ reason: "核对身份办理社保" });
    expect(JSON.stringify(rows)).not.toContain(input.idNumber);

    await expect(e.caller("logistics").workers.revealIdNumber({ workerId: worker.id, reason: "想看看" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const denied = await e.db.select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.targetId, "workers.revealIdNumber")));
    expect(denied.length).toBeGreaterThan(0);
  });

  it("updates with a masked history row; unknown ids are NOT_FOUND", async () => {
    const e = env();
    const { worker } = await e.caller("business").workers.register(makeWorker(r));
    const newPhone = "13912345678";
    const res = await e.caller("business").workers.update({ workerId: worker.id, reason: "本人换号", patch: { phone: newPhone, workYears: 9 } });
    expect(res.worker.phoneMasked).toBe("139****5678");
    const changes = await e.db.select().from(workerChanges).where(eq(workerChanges.workerId, worker.id));
    expect(changes).toHaveLength(1);
    expect(JSON.stringify(changes)).not.toContain(newPhone);
    expect(changes[0]?.after).toMatchObject({ workYears: 9 });
    await expect(e.caller("business").workers.update({ workerId: "00000000-0000-4000-8000-000000000000", patch: { workYears: 1 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(e.caller("business").workers.update({ workerId: worker.id, patch: { workYears: 61 } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("uploads an encrypted PNG (type and size checked) and reveals it with a reason", async () => {
    const e = env();
    const { worker } = await e.caller("business").workers.register(makeWorker(r));
    const doc = await e.caller("business").workers.uploadDocument({ workerId: worker.id, kind: "photo", mime: "image/png", dataBase64: PNG });
    expect(doc.sizeBytes).toBe(Buffer.from(PNG, "base64").length);
    await expect(e.caller("business").workers.uploadDocument({ workerId: worker.id, kind: "photo", mime: "image/jpeg", dataBase64: PNG })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "mime" } });
    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 0);
    Buffer.from("89504e470d0a1a0a", "hex").copy(big);
    await expect(e.caller("business").workers.uploadDocument({ workerId: worker.id, kind: "photo", mime: "image/png", dataBase64: big.toString("base64") })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const got = await e.caller("rights").workers.getDocument({ documentId: doc.id, reason: "核对身份" });
    expect(got.dataBase64).toBe(PNG);
    await expect(e.caller("office").workers.getDocument({ documentId: doc.id, reason: "核对身份" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("withdrawn consent stops processing; deregistration clears ID, phone, address and documents", async () => {
    const e = env();
    const { worker } = await e.caller("business").workers.register(makeWorker(r));
    await e.caller("business").workers.uploadDocument({ workerId: worker.id, kind: "photo", mime: "image/png", dataBase64: PNG });
    await e.caller("business").workers.withdrawConsent({ workerId: worker.id, reason: "本人要求撤回" });
    await expect(e.caller("business").workers.update({ workerId: worker.id, patch: { workYears: 2 } })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(e.caller("business").workers.deregister({ workerId: worker.id, reason: "本人要求注销" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await e.caller("head").workers.deregister({ workerId: worker.id, reason: "本人要求注销" });
    const [row] = await e.db.select().from(workers).where(eq(workers.id, worker.id));
    expect(row).toMatchObject({ status: "deregistered", idNumberEnc: null, idNumberBidx: null, phoneEnc: null, homeAddressEnc: null });
    expect(row?.birthDate).not.toBeNull();
    const archive = await e.caller("head").workers.get({ workerId: worker.id });
    expect(archive.documents).toHaveLength(0);
    await expect(e.caller("head").workers.revealIdNumber({ workerId: worker.id, reason: "核对身份" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("pre-registers online and completes at the counter", async () => {
    const e = env();
    const input = makeWorker(r);
    const pre = await e.anonymous().workers.preRegister({ marketCode: "140521", name: input.name, phone: input.phone, trades: ["porter"], consentVersion: "2024-01", consentGiven: true });
    expect(pre).toEqual({ ok: true, reference: expect.stringMatching(/^[0-9A-F]{8}$/) });
    await expect(e.anonymous().workers.preRegister({ marketCode: "140521", name: input.name, phone: input.phone, trades: [], consentVersion: "2024-01", consentGiven: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const pending = await e.caller("business").workers.listPending();
    const mine = pending.find((p) => p.name === input.name);
    expect(mine?.phoneMasked).toBe(`${input.phone.slice(0, 3)}****${input.phone.slice(-4)}`);
    const { phone: _phone, ...rest } = input;
    const done = await e.caller("business").workers.completePreRegistration({ ...rest, preRegistrationId: mine!.id });
    expect(done.worker.source).toBe("online");
    expect(done.worker.phoneMasked).toBe(mine?.phoneMasked);
    expect((await e.caller("business").workers.listPending()).some((p) => p.id === mine!.id)).toBe(false);
  });

  it("a replayed idempotency key registers once", async () => {
    const e = env();
    const input = { ...makeWorker(r), idempotencyKey: "idem-register-0001" };
    const a = await e.caller("business").workers.register(input);
    const b = await e.caller("business").workers.register(input);
    expect(b.worker.id).toBe(a.worker.id);
    const [n] = await e.db.select({ n: count() }).from(workers).where(eq(workers.id, a.worker.id));
    expect(n?.n).toBe(1);
  });
});
