import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { DomainError } from "../errors.ts";
import { townships } from "../schema/core.ts";
import { workers } from "../schema/workers.ts";
import { idNumberIndexes } from "./pii.ts";
import { zConsentVersion, zRegisterFields } from "./worker-input.ts";
import { checkRegistration, registerWorker, type Actor, type FieldIssue, type RegisterInput, type TradeInput } from "./workers.ts";
import { todayShanghai, zIdempotencyKey, type DbLike } from "./workforce-common.ts";

// Import of existing worker archives from a sheet (issue 4, "Data in and out"). Every row goes
// through the registration rules (zRegisterFields + checkRegistration, the same ones
// workers.register applies), plus duplicates within the sheet and against the market's
// archive. Any error and nothing is written; otherwise every row is registered through
// registerWorker in the caller's one transaction.

export const IMPORT_MAX_ROWS = 2000;
/** Errors returned in one report; `errorCount` carries the full number. */
export const IMPORT_MAX_REPORTED_ERRORS = 1000;

// Structural limits only (they bound the request); the registration rules are checked per row
// so a long name in row 7 becomes a row-7 error, not a rejected request.
const zImportRow = z.object({
  /** Row number as the spreadsheet shows it (header = row 1); defaults to position + 2. */
  row: z.number().int().min(1).max(1_048_576).optional(),
  name: z.string().max(500).default(""),
  idNumber: z.string().max(100).default(""),
  phone: z.string().max(100).default(""),
  hukou: z.string().max(1000).optional(),
  homeAddress: z.string().max(1000).optional(),
  tempAddress: z.string().max(1000).optional(),
  /** Township name as written in the sheet (龙港镇, or 龙港). */
  township: z.string().max(100).optional(),
  trades: z
    .array(
      z.object({
        tradeCode: z.string().max(100),
        skillGrade: z.string().max(20).default("none"),
        certificates: z.array(z.string().max(100)).max(20).optional(),
      }),
    )
    .max(30)
    .default([]),
  workYears: z.number().default(0),
  workHistory: z.string().max(5000).optional(),
  hasVerifiedReferences: z.boolean().optional(),
});
export type ImportRowInput = z.input<typeof zImportRow>;

export const zImportInput = z.object({
  consentVersion: zConsentVersion,
  /** Staff confirm every person in the sheet signed the consent form of that version (A3). */
  consentGiven: z.boolean(),
  rows: z.array(zImportRow).min(1, "表格中没有可导入的行").max(IMPORT_MAX_ROWS, `一次最多导入 ${IMPORT_MAX_ROWS} 行`),
  dryRun: z.boolean().default(false),
  idempotencyKey: zIdempotencyKey,
});
export type ImportSheet = Omit<z.output<typeof zImportInput>, "dryRun" | "idempotencyKey">;

export interface ImportRowError {
  /** Spreadsheet row (header = row 1). */
  row: number;
  /** Input field path, e.g. `idNumber`, `trades.0.skillGrade`, `township`. */
  field: string;
  /** The sheet's Chinese column header for that field. */
  column: string;
  /** Chinese, naming the column. */
  message: string;
  messageEn: string;
}

export interface ImportReport {
  dryRun: boolean;
  /** True when no row has an error. */
  ok: boolean;
  total: number;
  /** Rows without any error. */
  valid: number;
  imported: number;
  errorCount: number;
  errors: ImportRowError[];
  workers: { row: number; workerId: string; workerNo: string; stars: number }[];
}

/** Thrown inside the import transaction when a row has an error, so it rolls back; carries the report. */
export class ImportRejected extends DomainError {
  readonly report: ImportReport;
  constructor(report: ImportReport) {
    super("BAD_REQUEST", `表格有 ${report.errorCount} 处错误，未导入任何记录`, { field: "rows", messageEn: `${report.errorCount} errors in the sheet; nothing imported` });
    this.report = report;
  }
}

const COLUMNS: Record<string, { zh: string; en: string }> = {
  name: { zh: "姓名", en: "Name" },
  idNumber: { zh: "身份证号", en: "ID number" },
  phone: { zh: "手机号", en: "Mobile" },
  hukou: { zh: "户籍所在地", en: "Household registration" },
  homeAddress: { zh: "家庭住址", en: "Home address" },
  tempAddress: { zh: "暂住地址", en: "Temporary address" },
  township: { zh: "乡镇", en: "Township" },
  townshipId: { zh: "乡镇", en: "Township" },
  trades: { zh: "工种", en: "Trade" },
  workYears: { zh: "从业年限", en: "Years of work" },
  workHistory: { zh: "工作经历", en: "Work history" },
  hasVerifiedReferences: { zh: "工作经历", en: "Work history" },
  consentGiven: { zh: "同意书", en: "Consent" },
  consentVersion: { zh: "同意书", en: "Consent" },
};

function columnOf(field: string): { zh: string; en: string } {
  const [head = "", , leaf] = field.split(".");
  if (head === "trades") {
    if (leaf === "skillGrade") return { zh: "技术等级", en: "Skill grade" };
    if (leaf === "certificates") return { zh: "证书", en: "Certificates" };
  }
  return COLUMNS[head] ?? { zh: head, en: head };
}

const CJK = /[\u4e00-\u9fff]/;

function zodIssueEn(code: string): string {
  if (code === "too_small") return "missing or too small";
  if (code === "too_big") return "too long or too large";
  if (code === "invalid_type") return "wrong type";
  if (code === "invalid_value") return "not an allowed value";
  return "invalid";
}

function rowError(row: number, issue: FieldIssue): ImportRowError {
  const col = columnOf(issue.field);
  return {
    row,
    field: issue.field,
    column: col.zh,
    message: issue.message.includes(col.zh) ? issue.message : `${col.zh}：${issue.message}`,
    messageEn: issue.messageEn.toLowerCase().includes(col.en.toLowerCase()) ? issue.messageEn : `${col.en}: ${issue.messageEn}`,
  };
}

const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());

interface CheckedSheet {
  errors: ImportRowError[];
  registrations: { row: number; input: RegisterInput }[];
}

/**
 * Checks every row of a sheet without writing: the registration rules, the township name,
 * duplicates within the sheet and against the market's archive (by blind index).
 */
export async function checkImport(db: DbLike, marketId: string, sheet: ImportSheet, today = todayShanghai()): Promise<CheckedSheet> {
  if (sheet.consentGiven !== true) {
    throw new DomainError("BAD_REQUEST", "请确认表中每位零工均已签署个人信息处理告知同意书", { field: "consentGiven", messageEn: "Consent of every person in the sheet must be confirmed" });
  }
  const towns = await db.select({ id: townships.id, name: townships.name }).from(townships).where(eq(townships.marketId, marketId));
  const townshipByName = new Map<string, string>();
  for (const t of towns) {
    townshipByName.set(t.name, t.id);
    const short = t.name.replace(/[镇乡]$/, "");
    if (short && !townshipByName.has(short)) townshipByName.set(short, t.id);
  }

  const perRow: { row: number; errors: ImportRowError[]; input: RegisterInput | null; bidx: string[] }[] = [];
  const firstRowOfId = new Map<string, number>();

  sheet.rows.forEach((r, index) => {
    const rowNo = r.row ?? index + 2;
    const issues: FieldIssue[] = [];
    const township = blankToUndefined(r.township);
    const townshipId = township === undefined ? undefined : townshipByName.get(township);
    if (township !== undefined && !townshipId) {
      issues.push({ field: "township", message: `乡镇“${township}”不在本市场的乡镇名单中`, messageEn: "Unknown township" });
    }
    const candidate = {
      name: r.name,
      idNumber: r.idNumber,
      phone: r.phone,
      hukou: blankToUndefined(r.hukou),
      homeAddress: blankToUndefined(r.homeAddress),
      tempAddress: blankToUndefined(r.tempAddress),
      townshipId,
      trades: r.trades.map((t) => ({ code: t.tradeCode.trim(), skillGrade: t.skillGrade.trim() || "none", certificates: t.certificates ?? [] })),
      workYears: r.workYears,
      workHistory: blankToUndefined(r.workHistory),
      hasVerifiedReferences: r.hasVerifiedReferences,
      consentVersion: sheet.consentVersion,
      consentGiven: sheet.consentGiven,
    };
    // The core checks come first: their messages are the most specific.
    const check = checkRegistration({ ...candidate, idNumber: candidate.idNumber.trim(), phone: candidate.phone.trim(), trades: candidate.trades as TradeInput[] }, today);
    issues.push(...check.issues);
    const parsed = zRegisterFields.safeParse(candidate);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = i.path.map(String).join(".") || "rows";
        issues.push({ field, message: CJK.test(i.message) ? i.message : "内容不正确", messageEn: zodIssueEn(i.code) });
      }
    }
    let bidx: string[] = [];
    if (check.id) {
      const first = firstRowOfId.get(check.id.id);
      if (first !== undefined) {
        issues.push({ field: "idNumber", message: `身份证号与第 ${first} 行重复`, messageEn: `ID number repeats row ${first}` });
      } else {
        firstRowOfId.set(check.id.id, rowNo);
        bidx = idNumberIndexes(check.id.id);
      }
    }
    // One error per field: the first (most specific) one.
    const seen = new Set<string>();
    const errors = issues.filter((i) => (seen.has(i.field) ? false : (seen.add(i.field), true))).map((i) => rowError(rowNo, i));
    const input = errors.length === 0 && parsed.success ? { ...parsed.data, source: "import" as const } : null;
    perRow.push({ row: rowNo, errors, input, bidx });
  });

  const bidxs = perRow.flatMap((p) => p.bidx);
  const existing = new Map<string, string>();
  for (let i = 0; i < bidxs.length; i += 500) {
    const chunk = bidxs.slice(i, i + 500);
    const found = await db
      .select({ bidx: workers.idNumberBidx, workerNo: workers.workerNo })
      .from(workers)
      .where(and(eq(workers.marketId, marketId), inArray(workers.idNumberBidx, chunk)));
    for (const f of found) if (f.bidx) existing.set(f.bidx, f.workerNo);
  }
  for (const p of perRow) {
    const workerNo = p.bidx.map((b) => existing.get(b)).find((n) => n !== undefined);
    if (workerNo && !p.errors.some((e) => e.field === "idNumber")) {
      p.errors.push(rowError(p.row, { field: "idNumber", message: `该身份证号已登记，零工编号 ${workerNo}`, messageEn: `Already registered as ${workerNo}` }));
      p.input = null;
    }
  }
  return {
    errors: perRow.flatMap((p) => p.errors),
    registrations: perRow.flatMap((p) => (p.input ? [{ row: p.row, input: p.input }] : [])),
  };
}

function report(sheet: ImportSheet, checked: CheckedSheet, dryRun: boolean, workersOut: ImportReport["workers"] = []): ImportReport {
  return {
    dryRun,
    ok: checked.errors.length === 0,
    total: sheet.rows.length,
    valid: checked.registrations.length,
    imported: workersOut.length,
    errorCount: checked.errors.length,
    errors: checked.errors.slice(0, IMPORT_MAX_REPORTED_ERRORS),
    workers: workersOut,
  };
}

/** Validates a sheet and reports, writing nothing. */
export async function dryRunImport(db: DbLike, marketId: string, sheet: ImportSheet, now = new Date()): Promise<ImportReport> {
  return report(sheet, await checkImport(db, marketId, sheet, todayShanghai(now)), true);
}

/**
 * Imports a sheet inside the caller's transaction: every row through `registerWorker` (initial
 * grade with reasons, grade history). Throws `ImportRejected` (with the report) when any row has
 * an error, so the caller's transaction rolls back and nothing is half-imported.
 */
export async function importWorkers(tx: DbLike, actor: Actor, sheet: ImportSheet, now = new Date()): Promise<ImportReport> {
  const checked = await checkImport(tx, actor.marketId, sheet, todayShanghai(now));
  if (checked.errors.length > 0) throw new ImportRejected(report(sheet, checked, false));
  const out: ImportReport["workers"] = [];
  for (const { row, input } of checked.registrations) {
    try {
      const r = await registerWorker(tx, actor, input, now);
      out.push({ row, workerId: r.worker.id, workerNo: r.worker.workerNo, stars: r.worker.stars });
    } catch (err) {
      // E.g. the same person registered at the counter meanwhile: name the row, roll back everything.
      if (err instanceof DomainError) {
        throw new DomainError(err.code, `第 ${row} 行：${err.message}（未导入任何记录）`, {
          field: `rows.${row}.${err.field ?? ""}`.replace(/\.$/, ""),
          messageEn: `Row ${row}: ${err.messageEn ?? err.message}; nothing imported`,
        });
      }
      throw err;
    }
  }
  return report(sheet, checked, false, out);
}
