import { and, count, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "../db/client.ts";
import type { ImportRowInput } from "../queries/worker-import.ts";
import type { RegisterInput } from "../queries/workers.ts";
import { auditLog } from "../schema/core.ts";
import { gradeChanges, workerTrades, workers } from "../schema/workers.ts";
import { breakCheckCharacter, makeWorker, rng, type Rng } from "../seed/factories.ts";
import { describeOnBothDatabases } from "../test/harness.ts";

/** A sheet row as the admin app sends it (trade codes, sheet row numbers). */
function toRow(w: RegisterInput, row: number): ImportRowInput {
  return {
    row,
    name: w.name,
    idNumber: w.idNumber,
    phone: w.phone,
    ...(w.hukou ? { hukou: w.hukou } : {}),
    ...(w.homeAddress ? { homeAddress: w.homeAddress } : {}),
    trades: w.trades.map((t) => ({ tradeCode: t.code, skillGrade: t.skillGrade })),
    workYears: w.workYears,
    ...(w.workHistory ? { workHistory: w.workHistory } : {}),
  };
}

/** `n` clean rows numbered from sheet row 2 (the header is row 1). */
const sheetOf = (r: Rng, n: number) => Array.from({ length: n }, (_, i) => toRow(makeWorker(r), i + 2));

async function counts(db: Db) {
  const [w] = await db.select({ n: count() }).from(workers);
  const [t] = await db.select({ n: count() }).from(workerTrades);
  const [g] = await db.select({ n: count() }).from(gradeChanges);
  return { workers: w?.n ?? 0, trades: t?.n ?? 0, grades: g?.n ?? 0 };
}

async function importAudits(db: Db, success: boolean) {
  return db.select().from(auditLog).where(and(eq(auditLog.action, "workers.import"), eq(auditLog.success, success)));
}

const CONSENT = { consentVersion: "2024-01", consentGiven: true };

describeOnBothDatabases("workers.import", ({ env }) => {
  const r = rng("workers-import-test");

  it("imports a clean 50-row sheet in one go: worker numbers, initial grades with reasons, one import audit row", async () => {
    const e = env();
    const before = await counts(e.db);
    const auditsBefore = (await importAudits(e.db, true)).length;
    const rows = sheetOf(r, 50);
    rows[0] = { ...rows[0]!, township: "龙港镇" };
    rows[1] = { ...rows[1]!, township: "中村" };
    const res = await e.caller("business").workers.import({ ...CONSENT, rows });

    expect(res).toMatchObject({ ok: true, dryRun: false, total: 50, valid: 50, imported: 50, errorCount: 0, errors: [] });
    expect(res.workers.map((w) => w.row)).toEqual(rows.map((x) => x.row));
    expect(res.workers.every((w) => /^[A-Z]+\d{6}$/.test(w.workerNo))).toBe(true);
    expect(new Set(res.workers.map((w) => w.workerNo)).size).toBe(50);
    expect(JSON.stringify(res)).not.toContain(rows[0]!.idNumber);

    const after = await counts(e.db);
    expect(after.workers - before.workers).toBe(50);
    expect(after.grades - before.grades).toBe(50);
    expect(after.trades - before.trades).toBe(rows.reduce((n, x) => n + (x.trades?.length ?? 0), 0));

    const ids = res.workers.map((w) => w.workerId);
    const stored = await e.db.select().from(workers).where(inArray(workers.id, ids));
    expect(stored.every((w) => w.source === "import" && w.consentVersion === "2024-01")).toBe(true);
    const byId = new Map(stored.map((w) => [w.id, w]));
    expect(byId.get(ids[0]!)?.townshipId).toBe(e.townships.find((t) => t.name === "龙港镇")?.id);
    expect(byId.get(ids[1]!)?.townshipId).toBe(e.townships.find((t) => t.name === "中村镇")?.id);
    const grades = await e.db.select().from(gradeChanges).where(inArray(gradeChanges.workerId, ids));
    expect(grades).toHaveLength(50);
    expect(grades.every((g) => g.kind === "initial" && Array.isArray(g.reasons) && (g.reasons as unknown[]).length > 0)).toBe(true);

    const audits = await importAudits(e.db, true);
    expect(audits.length - auditsBefore).toBe(1);
    const audit = audits.at(-1)!;
    expect(audit.detail).toMatchObject({ rows: 50, firstWorkerNo: res.workers[0]!.workerNo, lastWorkerNo: res.workers[49]!.workerNo });
    expect(JSON.stringify(audit)).not.toContain(rows[0]!.idNumber);
    // The imported worker is found like any other.
    const found = await e.caller("business").workers.search({ q: rows[5]!.idNumber });
    expect(found.map((w) => w.workerNo)).toEqual([res.workers[5]!.workerNo]);
  });

  it("reports a bad check character at row 7 and a duplicate ID within the sheet, and writes nothing", async () => {
    const e = env();
    const rows = sheetOf(r, 20); // sheet rows 2..21
    rows[5] = { ...rows[5]!, idNumber: breakCheckCharacter(rows[5]!.idNumber!) }; // sheet row 7
    rows[13] = { ...rows[13]!, idNumber: rows[2]!.idNumber }; // sheet row 15 repeats row 4
    const before = await counts(e.db);
    const failedBefore = (await importAudits(e.db, false)).length;

    const res = await e.caller("casework").workers.import({ ...CONSENT, rows });

    expect(res).toMatchObject({ ok: false, imported: 0, total: 20, valid: 18, errorCount: 2, workers: [] });
    expect(res.errors).toEqual([
      expect.objectContaining({ row: 7, field: "idNumber", column: "身份证号", message: expect.stringMatching(/身份证号.*校验位/) }),
      expect.objectContaining({ row: 15, field: "idNumber", column: "身份证号", message: "身份证号与第 4 行重复", messageEn: "ID number repeats row 4" }),
    ]);
    expect(await counts(e.db)).toEqual(before);
    // The refused attempt is audited as a failure, with no personal data.
    const failed = await importAudits(e.db, false);
    expect(failed.length - failedBefore).toBe(1);
    expect(JSON.stringify(failed.at(-1))).not.toContain(rows[2]!.idNumber);
  });

  it("reports a row duplicating a worker already in the archive, naming the existing worker number", async () => {
    const e = env();
    const existing = makeWorker(r);
    const { worker } = await e.caller("business").workers.register(existing);
    const rows = sheetOf(r, 5);
    // The same person written with a lower-case x or spaces is still the same ID number.
    rows[1] = { ...rows[1]!, idNumber: ` ${existing.idNumber} ` };
    const before = await counts(e.db);
    const res = await e.caller("business").workers.import({ ...CONSENT, rows });
    expect(res.ok).toBe(false);
    expect(res.imported).toBe(0);
    expect(res.errors).toEqual([
      { row: 3, field: "idNumber", column: "身份证号", message: `该身份证号已登记，零工编号 ${worker.workerNo}`, messageEn: `ID number: Already registered as ${worker.workerNo}` },
    ]);
    expect(await counts(e.db)).toEqual(before);
  });

  it("applies every registration rule per row and names the column in Chinese", async () => {
    const e = env();
    const rows = sheetOf(r, 7);
    rows[0] = { ...rows[0]!, name: "张".repeat(51) };
    rows[1] = { ...rows[1]!, phone: "12345" };
    rows[2] = { ...rows[2]!, trades: [{ tradeCode: "astronaut", skillGrade: "none" }] };
    rows[3] = { ...rows[3]!, trades: [{ tradeCode: "bricklayer", skillGrade: "L1" }] };
    rows[4] = { ...rows[4]!, workYears: 70, township: "月球乡" };
    rows[5] = { ...rows[5]!, trades: [] };
    rows[6] = { ...rows[6]!, name: "", idNumber: "", phone: "" };
    const before = await counts(e.db);
    const res = await e.caller("head").workers.import({ ...CONSENT, rows });
    expect(res.imported).toBe(0);
    expect(res.valid).toBe(0);
    const by = (row: number) => res.errors.filter((x) => x.row === row).map((x) => [x.field, x.column]);
    expect(by(2)).toEqual([["name", "姓名"]]);
    expect(res.errors.find((x) => x.row === 2)?.message).toBe("姓名：不能超过 50 个字");
    expect(by(3)).toEqual([["phone", "手机号"]]);
    expect(by(4)).toEqual([["trades.0.code", "工种"]]);
    expect(by(5)).toEqual([["trades.0.skillGrade", "技术等级"]]);
    expect(by(6)).toEqual(expect.arrayContaining([["township", "乡镇"], ["workYears", "从业年限"]]));
    expect(by(7)).toEqual([["trades", "工种"]]);
    expect(by(8)).toEqual(expect.arrayContaining([["name", "姓名"], ["idNumber", "身份证号"], ["phone", "手机号"]]));
    for (const x of res.errors) {
      expect(x.message).toContain(x.column);
      expect(x.messageEn.length).toBeGreaterThan(0);
    }
    expect(await counts(e.db)).toEqual(before);
  });

  it("validates only on dryRun: the same report, nothing written, nothing audited", async () => {
    const e = env();
    const rows = sheetOf(r, 10);
    const before = await counts(e.db);
    const auditsBefore = await e.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "workers.import"));
    const ok = await e.caller("business").workers.import({ ...CONSENT, rows, dryRun: true });
    expect(ok).toMatchObject({ ok: true, dryRun: true, total: 10, valid: 10, imported: 0, errors: [], workers: [] });
    rows[4] = { ...rows[4]!, idNumber: breakCheckCharacter(rows[4]!.idNumber!) };
    const bad = await e.caller("business").workers.import({ ...CONSENT, rows, dryRun: true });
    expect(bad).toMatchObject({ ok: false, dryRun: true, valid: 9, errorCount: 1, errors: [expect.objectContaining({ row: 6, field: "idNumber" })] });
    expect(await counts(e.db)).toEqual(before);
    const auditsAfter = await e.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "workers.import"));
    expect(auditsAfter).toEqual(auditsBefore);
  });

  it("refuses roles that do not work the counter, and a sheet without confirmed consent", async () => {
    const e = env();
    const rows = sheetOf(r, 2);
    const before = await counts(e.db);
    await expect(e.caller("logistics").workers.import({ ...CONSENT, rows })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(e.caller("leader").workers.import({ ...CONSENT, rows, dryRun: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(e.anonymous().workers.import({ ...CONSENT, rows })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(e.caller("business").workers.import({ ...CONSENT, consentGiven: false, rows })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "consentGiven" } });
    await expect(e.caller("business").workers.import({ ...CONSENT, rows: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await counts(e.db)).toEqual(before);
  });

  it("replays an idempotency key without importing twice", async () => {
    const e = env();
    const rows = sheetOf(r, 3);
    const before = await counts(e.db);
    const first = await e.caller("business").workers.import({ ...CONSENT, rows, idempotencyKey: "import-key-0001" });
    const again = await e.caller("business").workers.import({ ...CONSENT, rows, idempotencyKey: "import-key-0001" });
    expect(again.workers).toEqual(first.workers);
    expect((await counts(e.db)).workers - before.workers).toBe(3);
  });
});
