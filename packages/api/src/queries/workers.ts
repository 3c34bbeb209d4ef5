import {
  ageOn,
  findTrade,
  initialGrade,
  isSkillGradeAllowed,
  maskName,
  maskPhone,
  maskResidentId,
  normalizeMobile,
  parseResidentId,
  type GradingPolicy,
  type ParsedResidentId,
  type Reason,
  type SkillGrade,
} from "@lingong/core";
import { and, asc, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { DomainError, notFound } from "../errors.ts";
import { townships } from "../schema/core.ts";
import { dispatches } from "../schema/dispatches.ts";
import { jobOrders } from "../schema/orders.ts";
import {
  conductEvents,
  gradeChanges,
  preRegistrations,
  workerChanges,
  workerDocuments,
  workerTrades,
  workers,
} from "../schema/workers.ts";
import { decryptPii, encryptPii, idNumberIndex, phoneIndex } from "./pii.ts";
import {
  badRequest,
  effectivePolicy,
  marketSettings,
  nextNumber,
  todayShanghai,
  type DbLike,
} from "./workforce-common.ts";

// M1/M2 worker archive. Every function takes the market it acts in; a worker of another market
// is NOT_FOUND. Responses carry masked ID numbers and phones only (checklist A1, A2).

export interface TradeInput {
  code: string;
  skillGrade: SkillGrade;
  certificates: string[];
}

export interface RegisterInput {
  name: string;
  idNumber: string;
  phone: string;
  hukou?: string | undefined;
  homeAddress?: string | undefined;
  tempAddress?: string | undefined;
  townshipId?: string | undefined;
  trades: TradeInput[];
  workYears: number;
  workHistory?: string | undefined;
  hasVerifiedReferences?: boolean | undefined;
  consentVersion: string;
  consentGiven: boolean;
  source?: "counter" | "online" | "import" | "demo";
}

export interface Actor {
  marketId: string;
  userId: string | null;
}

export type WorkerRow = typeof workers.$inferSelect;

/** The masked view of a worker every staff role may see. */
export function workerSummary(w: WorkerRow, trades: { tradeCode: string; skillGrade: string; certificates: string[] }[] = [], today = todayShanghai()) {
  return {
    id: w.id,
    workerNo: w.workerNo,
    name: w.name,
    gender: w.gender,
    birthDate: w.birthDate,
    age: w.birthDate ? ageOn(w.birthDate, today) : null,
    idNumberMasked: w.idNumberMasked,
    phoneMasked: w.phoneMasked,
    hukou: w.hukou,
    tempAddress: w.tempAddress,
    townshipId: w.townshipId,
    workYears: w.workYears,
    workHistory: w.workHistory,
    stars: w.stars,
    status: w.status,
    source: w.source,
    consentVersion: w.consentVersion,
    consentedAt: w.consentedAt,
    consentWithdrawnAt: w.consentWithdrawnAt,
    deregisteredAt: w.deregisteredAt,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    trades: trades.map((t) => ({ code: t.tradeCode, zh: findTrade(t.tradeCode)?.zh ?? t.tradeCode, skillGrade: t.skillGrade, certificates: t.certificates })),
  };
}
export type WorkerSummary = ReturnType<typeof workerSummary>;

/** One problem with one input field: Chinese message first, English beside it. */
export interface FieldIssue {
  field: string;
  message: string;
  messageEn: string;
}

const issueError = (i: FieldIssue) => new DomainError("BAD_REQUEST", i.message, { field: i.field, messageEn: i.messageEn });

/** Every problem of the trades against the core catalogue, each naming its field. */
export function tradeIssues(trades: TradeInput[]): FieldIssue[] {
  if (trades.length === 0) return [{ field: "trades", message: "请至少选择一个工种", messageEn: "Choose at least one trade" }];
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  trades.forEach((t, i) => {
    const trade = findTrade(t.code);
    if (!trade) {
      issues.push({ field: `trades.${i}.code`, message: `工种“${t.code}”不在目录中`, messageEn: "Unknown trade" });
      return;
    }
    if (seen.has(t.code)) issues.push({ field: `trades.${i}.code`, message: `工种“${trade.zh}”重复`, messageEn: "Duplicate trade" });
    seen.add(t.code);
    if (!isSkillGradeAllowed(t.code, t.skillGrade)) {
      issues.push({ field: `trades.${i}.skillGrade`, message: `工种“${trade.zh}”没有该技术等级`, messageEn: "Skill grade not available for this trade" });
    }
  });
  return issues;
}

/** Checks trades against the core catalogue; the error names the field. */
export function validateTrades(trades: TradeInput[]): void {
  const [first] = tradeIssues(trades);
  if (first) throw issueError(first);
}

/** Parses the ID number (GB 11643); BAD_REQUEST naming `idNumber` with core's Chinese message. */
export function parseIdNumberOrThrow(idNumber: string, today = todayShanghai()) {
  const parsed = parseResidentId(idNumber, { today });
  if (!parsed.ok) throw new DomainError("BAD_REQUEST", parsed.error.zh, { field: "idNumber", messageEn: parsed.error.en });
  return parsed;
}

export function normalizePhoneOrThrow(phone: string, field = "phone"): string {
  const p = normalizeMobile(phone);
  if (!p) throw badRequest("手机号格式不正确（应为 11 位大陆手机号）", field, "Not a mainland mobile number");
  return p;
}

export interface RegistrationCheck {
  issues: FieldIssue[];
  /** The parsed ID number when it is valid (even if other fields are not). */
  id: ParsedResidentId | null;
  /** The normalized mobile number when it is valid. */
  phone: string | null;
}

/**
 * Everything registration checks without the database, all problems at once: consent (A3), the ID
 * number (GB 11643, via core), the mainland mobile number and the trades with their skill grades.
 * `registerWorker` throws the first issue; the sheet import reports them all per row.
 */
export function checkRegistration(
  input: Pick<RegisterInput, "idNumber" | "phone" | "trades" | "consentVersion" | "consentGiven">,
  today = todayShanghai(),
): RegistrationCheck {
  const issues: FieldIssue[] = [];
  if (input.consentGiven !== true || !input.consentVersion) {
    issues.push({ field: "consentGiven", message: "未取得本人同意，不能登记（请让本人阅读并同意个人信息处理告知）", messageEn: "Consent is required" });
  }
  const id = parseResidentId(input.idNumber, { today });
  if (!id.ok) issues.push({ field: "idNumber", message: id.error.zh, messageEn: id.error.en });
  const phone = normalizeMobile(input.phone);
  if (!phone) issues.push({ field: "phone", message: "手机号格式不正确（应为 11 位大陆手机号）", messageEn: "Not a mainland mobile number" });
  issues.push(...tradeIssues(input.trades));
  return { issues, id: id.ok ? id : null, phone };
}

async function assertTownship(db: DbLike, marketId: string, townshipId: string | undefined | null): Promise<void> {
  if (!townshipId) return;
  const [t] = await db.select({ id: townships.id }).from(townships).where(and(eq(townships.id, townshipId), eq(townships.marketId, marketId)));
  if (!t) throw notFound("乡镇", "townshipId");
}

/**
 * Registers a worker (M1, M2) with the initial star grade from core `initialGrade` and its
 * reasons as the first grade history row. Without consent the registration is refused (A3).
 */
export async function registerWorker(tx: DbLike, actor: Actor, input: RegisterInput, now = new Date()) {
  const today = todayShanghai(now);
  const check = checkRegistration(input, today);
  const [firstIssue] = check.issues;
  if (firstIssue) throw issueError(firstIssue);
  const { id: parsed, phone } = check;
  if (!parsed || !phone) throw new Error("registration check passed without an ID number and phone");
  await assertTownship(tx, actor.marketId, input.townshipId);

  const idBidx = idNumberIndex(parsed.id);
  const [dup] = await tx
    .select({ workerNo: workers.workerNo })
    .from(workers)
    .where(and(eq(workers.marketId, actor.marketId), eq(workers.idNumberBidx, idBidx)));
  if (dup) {
    throw new DomainError("CONFLICT", `该身份证号已登记，零工编号 ${dup.workerNo}`, { field: "idNumber", messageEn: `Already registered as ${dup.workerNo}` });
  }

  const policy = await effectivePolicy<GradingPolicy>(tx, actor.marketId, "grading", today);
  const best = input.trades.reduce<SkillGrade>((g, t) => (["none", "L5", "L4", "L3", "L2", "L1"].indexOf(t.skillGrade) > ["none", "L5", "L4", "L3", "L2", "L1"].indexOf(g) ? t.skillGrade : g), "none");
  const grade = initialGrade(policy.body, {
    workYears: input.workYears,
    skillGrade: best,
    hasVerifiedReferences: input.hasVerifiedReferences === true,
  });

  const settings = await marketSettings(tx, actor.marketId);
  const workerNo = await nextNumber(tx, actor.marketId, "workers", settings.workerNoPrefix);
  const [w] = await tx
    .insert(workers)
    .values({
      marketId: actor.marketId,
      workerNo,
      name: input.name,
      gender: parsed.gender,
      birthDate: parsed.birthDate,
      idNumberEnc: encryptPii(parsed.id),
      idNumberBidx: idBidx,
      idNumberMasked: maskResidentId(parsed.id),
      phoneEnc: encryptPii(phone),
      phoneBidx: phoneIndex(phone),
      phoneLast4: phone.slice(-4),
      phoneMasked: maskPhone(phone),
      hukou: input.hukou ?? null,
      homeAddressEnc: input.homeAddress ? encryptPii(input.homeAddress) : null,
      tempAddress: input.tempAddress ?? null,
      townshipId: input.townshipId ?? null,
      workYears: input.workYears,
      workHistory: input.workHistory ?? null,
      stars: grade.grade,
      source: input.source ?? "counter",
      consentVersion: input.consentVersion,
      consentedAt: now,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!w) throw new Error("worker insert returned nothing");
  const trades = await tx
    .insert(workerTrades)
    .values(input.trades.map((t) => ({ marketId: actor.marketId, workerId: w.id, tradeCode: t.code, skillGrade: t.skillGrade, certificates: t.certificates })))
    .returning();
  await tx.insert(gradeChanges).values({
    marketId: actor.marketId,
    workerId: w.id,
    fromGrade: null,
    toGrade: grade.grade,
    kind: "initial",
    reasons: grade.reasons,
    decidedBy: actor.userId,
    createdAt: now,
  });
  return { worker: workerSummary(w, trades, today), grade: { grade: grade.grade, reasons: grade.reasons, policyVersion: policy.version } };
}

/** The full row of a worker in this market, or NOT_FOUND. */
export async function loadWorker(db: DbLike, marketId: string, workerId: string, opts: { forUpdate?: boolean } = {}): Promise<WorkerRow> {
  const q = db.select().from(workers).where(and(eq(workers.id, workerId), eq(workers.marketId, marketId)));
  const [w] = opts.forUpdate ? await q.for("update") : await q;
  if (!w) throw notFound("零工", "workerId");
  return w;
}

export async function tradesOf(db: DbLike, marketId: string, workerIds: string[]) {
  if (workerIds.length === 0) return new Map<string, (typeof workerTrades.$inferSelect)[]>();
  const rows = await db
    .select()
    .from(workerTrades)
    .where(and(eq(workerTrades.marketId, marketId), inArray(workerTrades.workerId, workerIds)))
    .orderBy(asc(workerTrades.tradeCode));
  const map = new Map<string, (typeof workerTrades.$inferSelect)[]>();
  for (const r of rows) map.set(r.workerId, [...(map.get(r.workerId) ?? []), r]);
  return map;
}

/**
 * One search box (counter): an ID number (blind index), a mobile number (blind index), the last
 * four digits of a phone, a worker number, or part of a name.
 */
export async function searchWorkers(db: DbLike, marketId: string, q: string, limit = 20, status?: string) {
  const text = q.trim();
  const scope = [eq(workers.marketId, marketId)];
  if (status) scope.push(eq(workers.status, status as WorkerRow["status"]));
  let where;
  const compact = text.replace(/[\s\u3000-]+/g, "").toUpperCase();
  if (/^\d{17}[\dX]$|^\d{15}$/.test(compact)) {
    const parsed = parseResidentId(compact);
    if (!parsed.ok) return [];
    where = eq(workers.idNumberBidx, idNumberIndex(parsed.id));
  } else if (normalizeMobile(text)) {
    where = eq(workers.phoneBidx, phoneIndex(normalizeMobile(text) ?? ""));
  } else if (/^\d{4}$/.test(compact)) {
    where = eq(workers.phoneLast4, compact);
  } else if (/^[A-Z]{1,4}\d{1,8}$/.test(compact)) {
    where = eq(workers.workerNo, compact);
  } else if (text.length > 0) {
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    where = or(ilike(workers.name, `${escaped}%`), ilike(workers.name, `%${escaped}%`));
  }
  const rows = await db
    .select()
    .from(workers)
    .where(where ? and(...scope, where) : and(...scope))
    .orderBy(asc(workers.workerNo))
    .limit(limit);
  const trades = await tradesOf(db, marketId, rows.map((r) => r.id));
  const today = todayShanghai();
  return rows.map((r) => workerSummary(r, trades.get(r.id) ?? [], today));
}

/** The worker archive (M2): masked profile, trades, grade history, dispatches, changes. */
export async function getWorkerArchive(db: DbLike, marketId: string, workerId: string) {
  const w = await loadWorker(db, marketId, workerId);
  const [trades, grades, ds, changes, docs, conduct] = await Promise.all([
    tradesOf(db, marketId, [workerId]),
    db.select().from(gradeChanges).where(and(eq(gradeChanges.marketId, marketId), eq(gradeChanges.workerId, workerId))).orderBy(asc(gradeChanges.createdAt)),
    db
      .select({
        id: dispatches.id,
        orderId: dispatches.orderId,
        orderNo: jobOrders.orderNo,
        tradeCode: jobOrders.tradeCode,
        place: jobOrders.place,
        startsAt: dispatches.startsAt,
        endsAt: dispatches.endsAt,
        status: dispatches.status,
        agreedWageFen: dispatches.agreedWageFen,
        wageUnit: dispatches.wageUnit,
        completedAt: dispatches.completedAt,
        paidConfirmedAt: dispatches.paidConfirmedAt,
      })
      .from(dispatches)
      .innerJoin(jobOrders, eq(jobOrders.id, dispatches.orderId))
      .where(and(eq(dispatches.marketId, marketId), eq(dispatches.workerId, workerId)))
      .orderBy(desc(dispatches.startsAt))
      .limit(100),
    db.select().from(workerChanges).where(and(eq(workerChanges.marketId, marketId), eq(workerChanges.workerId, workerId))).orderBy(desc(workerChanges.createdAt)).limit(100),
    db
      .select({ id: workerDocuments.id, kind: workerDocuments.kind, mime: workerDocuments.mime, sizeBytes: workerDocuments.sizeBytes, createdAt: workerDocuments.createdAt })
      .from(workerDocuments)
      .where(and(eq(workerDocuments.marketId, marketId), eq(workerDocuments.workerId, workerId), sql`${workerDocuments.deletedAt} is null`))
      .orderBy(desc(workerDocuments.createdAt)),
    db.select().from(conductEvents).where(and(eq(conductEvents.marketId, marketId), eq(conductEvents.workerId, workerId))).orderBy(desc(conductEvents.occurredOn)),
  ]);
  return {
    profile: workerSummary(w, trades.get(workerId) ?? []),
    hasHomeAddress: w.homeAddressEnc !== null,
    gradeHistory: grades.map((g) => ({ id: g.id, fromGrade: g.fromGrade, toGrade: g.toGrade, kind: g.kind, reasons: g.reasons as Reason[], decidedBy: g.decidedBy, approvedBy: g.approvedBy, createdAt: g.createdAt })),
    dispatches: ds,
    changes: changes.map((c) => ({ id: c.id, before: c.before, after: c.after, reason: c.reason, changedBy: c.changedBy, createdAt: c.createdAt })),
    documents: docs,
    conductEvents: conduct.map((c) => ({ id: c.id, kind: c.kind, occurredOn: c.occurredOn, source: c.source, note: c.note })),
  };
}

export interface UpdatePatch {
  name?: string | undefined;
  phone?: string | undefined;
  hukou?: string | null | undefined;
  homeAddress?: string | null | undefined;
  tempAddress?: string | null | undefined;
  townshipId?: string | null | undefined;
  workYears?: number | undefined;
  workHistory?: string | null | undefined;
  trades?: TradeInput[] | undefined;
}

/** Refuses processing of a worker whose consent was withdrawn or who is deregistered (A3, A5). */
export function assertProcessable(w: WorkerRow): void {
  if (w.status === "deregistered") throw new DomainError("PRECONDITION_FAILED", "该零工已注销，不能再处理", { field: "workerId", messageEn: "Worker is deregistered" });
  if (w.consentWithdrawnAt) throw new DomainError("PRECONDITION_FAILED", "该零工已撤回同意，不能再处理其信息", { field: "workerId", messageEn: "Consent withdrawn" });
}

/** Updates the archive; the history row keeps masked before/after values and the reason. */
export async function updateWorker(tx: DbLike, actor: Actor, workerId: string, patch: UpdatePatch, reason: string | undefined, now = new Date()) {
  const w = await loadWorker(tx, actor.marketId, workerId, { forUpdate: true });
  assertProcessable(w);
  const set: Partial<typeof workers.$inferInsert> = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const note = (k: string, b: unknown, a: unknown) => {
    before[k] = b;
    after[k] = a;
  };
  if (patch.name !== undefined && patch.name !== w.name) {
    set.name = patch.name;
    note("name", w.name, patch.name);
  }
  if (patch.phone !== undefined) {
    const p = normalizePhoneOrThrow(patch.phone);
    const bidx = phoneIndex(p);
    if (bidx !== w.phoneBidx) {
      Object.assign(set, { phoneEnc: encryptPii(p), phoneBidx: bidx, phoneLast4: p.slice(-4), phoneMasked: maskPhone(p) });
      note("phone", w.phoneMasked, maskPhone(p));
    }
  }
  if (patch.hukou !== undefined && patch.hukou !== w.hukou) {
    set.hukou = patch.hukou;
    note("hukou", w.hukou ? "（原值）" : null, patch.hukou ? "（新值）" : null);
  }
  if (patch.homeAddress !== undefined) {
    set.homeAddressEnc = patch.homeAddress ? encryptPii(patch.homeAddress) : null;
    note("homeAddress", w.homeAddressEnc ? "[已隐藏]" : null, patch.homeAddress ? "[已隐藏]" : null);
  }
  if (patch.tempAddress !== undefined && patch.tempAddress !== w.tempAddress) {
    set.tempAddress = patch.tempAddress;
    note("tempAddress", w.tempAddress, patch.tempAddress);
  }
  if (patch.townshipId !== undefined && patch.townshipId !== w.townshipId) {
    await assertTownship(tx, actor.marketId, patch.townshipId);
    set.townshipId = patch.townshipId;
    note("townshipId", w.townshipId, patch.townshipId);
  }
  if (patch.workYears !== undefined && patch.workYears !== w.workYears) {
    set.workYears = patch.workYears;
    note("workYears", w.workYears, patch.workYears);
  }
  if (patch.workHistory !== undefined && patch.workHistory !== w.workHistory) {
    set.workHistory = patch.workHistory;
    note("workHistory", w.workHistory, patch.workHistory);
  }
  if (patch.trades !== undefined) {
    validateTrades(patch.trades);
    const old = (await tradesOf(tx, actor.marketId, [workerId])).get(workerId) ?? [];
    await tx.delete(workerTrades).where(and(eq(workerTrades.marketId, actor.marketId), eq(workerTrades.workerId, workerId)));
    await tx.insert(workerTrades).values(patch.trades.map((t) => ({ marketId: actor.marketId, workerId, tradeCode: t.code, skillGrade: t.skillGrade, certificates: t.certificates })));
    note("trades", old.map((t) => ({ code: t.tradeCode, skillGrade: t.skillGrade, certificates: t.certificates })), patch.trades);
  }
  if (Object.keys(after).length === 0) {
    return { worker: workerSummary(w, (await tradesOf(tx, actor.marketId, [workerId])).get(workerId) ?? []), changed: false, before, after };
  }
  const [updated] = await tx
    .update(workers)
    .set({ ...set, updatedAt: now, version: sql`${workers.version} + 1` })
    .where(eq(workers.id, workerId))
    .returning();
  if (!updated) throw notFound("零工", "workerId");
  await tx.insert(workerChanges).values({ marketId: actor.marketId, workerId, changedBy: actor.userId, reason: reason ?? null, before, after, createdAt: now });
  const trades = (await tradesOf(tx, actor.marketId, [workerId])).get(workerId) ?? [];
  return { worker: workerSummary(updated, trades), changed: true, before, after };
}

/** The plaintext ID number (for the reveal procedure only; the caller audits it). */
export async function revealIdNumber(db: DbLike, marketId: string, workerId: string): Promise<string> {
  const w = await loadWorker(db, marketId, workerId);
  if (!w.idNumberEnc) throw new DomainError("PRECONDITION_FAILED", "该零工的身份证号已按保存期限删除", { field: "workerId", messageEn: "ID number no longer held" });
  return decryptPii(w.idNumberEnc);
}

const MAGIC: Record<"image/jpeg" | "image/png", number[]> = {
  "image/jpeg": [0xff, 0xd8, 0xff],
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};
const MAX_BYTES = 2 * 1024 * 1024;

/** Stores an ID copy or photo (M1): JPEG/PNG only (checked by content), at most 2 MB, encrypted. */
export async function uploadDocument(
  tx: DbLike,
  actor: Actor,
  input: { workerId: string; kind: "id_front" | "id_back" | "photo"; mime: "image/jpeg" | "image/png"; dataBase64: string },
  now = new Date(),
) {
  const w = await loadWorker(tx, actor.marketId, input.workerId);
  assertProcessable(w);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.dataBase64)) throw badRequest("文件内容不是有效的 base64", "dataBase64", "Invalid base64");
  const bytes = Buffer.from(input.dataBase64, "base64");
  if (bytes.length === 0) throw badRequest("文件为空", "dataBase64", "Empty file");
  if (bytes.length > MAX_BYTES) throw badRequest("文件不能超过 2 MB", "dataBase64", "File larger than 2 MB");
  const magic = MAGIC[input.mime];
  if (!magic.every((b, i) => bytes[i] === b)) throw badRequest("文件内容与类型不符（只接受 JPEG 或 PNG 图片）", "mime", "Content is not the declared image type");
  const { createHash } = await import("node:crypto");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await tx
    .update(workerDocuments)
    .set({ deletedAt: now, contentEnc: null })
    .where(and(eq(workerDocuments.marketId, actor.marketId), eq(workerDocuments.workerId, input.workerId), eq(workerDocuments.kind, input.kind), sql`${workerDocuments.deletedAt} is null`));
  const [doc] = await tx
    .insert(workerDocuments)
    .values({ marketId: actor.marketId, workerId: input.workerId, kind: input.kind, mime: input.mime, sizeBytes: bytes.length, sha256, contentEnc: encryptPii(input.dataBase64), uploadedBy: actor.userId, createdAt: now })
    .returning({ id: workerDocuments.id, kind: workerDocuments.kind, mime: workerDocuments.mime, sizeBytes: workerDocuments.sizeBytes, createdAt: workerDocuments.createdAt });
  if (!doc) throw new Error("document insert returned nothing");
  return doc;
}

export async function readDocument(db: DbLike, marketId: string, documentId: string) {
  const [d] = await db.select().from(workerDocuments).where(and(eq(workerDocuments.id, documentId), eq(workerDocuments.marketId, marketId)));
  if (!d) throw notFound("文件", "documentId");
  if (!d.contentEnc || d.deletedAt) throw new DomainError("NOT_FOUND", "该文件已删除", { field: "documentId", messageEn: "Document deleted" });
  return { id: d.id, workerId: d.workerId, kind: d.kind, mime: d.mime, sizeBytes: d.sizeBytes, dataBase64: decryptPii(d.contentEnc) };
}

export async function withdrawConsent(tx: DbLike, actor: Actor, workerId: string, reason: string, now = new Date()) {
  const w = await loadWorker(tx, actor.marketId, workerId, { forUpdate: true });
  if (w.consentWithdrawnAt) throw new DomainError("CONFLICT", "该零工已撤回同意", { field: "workerId", messageEn: "Consent already withdrawn" });
  await tx.update(workers).set({ consentWithdrawnAt: now, updatedAt: now, version: sql`${workers.version} + 1` }).where(eq(workers.id, workerId));
  await tx.insert(workerChanges).values({ marketId: actor.marketId, workerId, changedBy: actor.userId, reason, before: { consentWithdrawnAt: null }, after: { consentWithdrawnAt: now.toISOString() }, createdAt: now });
  return { workerId, consentWithdrawnAt: now };
}

/**
 * Deregisters a worker (retention, checklist A5): ID number, phone, home address, name beyond
 * the surname and documents are cleared; gender, birth date, township, trades, dispatches and
 * grade history stay for statistics; the audit log keeps its masked rows.
 */
export async function deregisterWorker(tx: DbLike, actor: Actor, workerId: string, reason: string, now = new Date()) {
  const w = await loadWorker(tx, actor.marketId, workerId, { forUpdate: true });
  if (w.status === "deregistered") throw new DomainError("CONFLICT", "该零工已注销", { field: "workerId", messageEn: "Already deregistered" });
  const live = await tx
    .select({ id: dispatches.id })
    .from(dispatches)
    .where(and(eq(dispatches.marketId, actor.marketId), eq(dispatches.workerId, workerId), inArray(dispatches.status, ["assigned", "started"])))
    .limit(1);
  if (live.length > 0) throw new DomainError("PRECONDITION_FAILED", "该零工还有未完成的派工，不能注销", { field: "workerId", messageEn: "Worker has open dispatches" });
  await tx
    .update(workers)
    .set({
      status: "deregistered",
      name: maskName(w.name),
      idNumberEnc: null,
      idNumberBidx: null,
      idNumberMasked: null,
      phoneEnc: null,
      phoneBidx: null,
      phoneLast4: null,
      phoneMasked: null,
      homeAddressEnc: null,
      tempAddress: null,
      hukou: null,
      workHistory: null,
      deregisteredAt: now,
      updatedAt: now,
      version: sql`${workers.version} + 1`,
    })
    .where(eq(workers.id, workerId));
  await tx
    .update(workerDocuments)
    .set({ contentEnc: null, deletedAt: now })
    .where(and(eq(workerDocuments.marketId, actor.marketId), eq(workerDocuments.workerId, workerId)));
  await tx.insert(workerChanges).values({ marketId: actor.marketId, workerId, changedBy: actor.userId, reason, before: { status: w.status }, after: { status: "deregistered" }, createdAt: now });
  return { workerId, status: "deregistered" as const, deregisteredAt: now };
}

export interface PreRegisterInput {
  name: string;
  phone: string;
  trades: string[];
  consentVersion: string;
  consentGiven: boolean;
}

/** Online pre-registration (R8): only what the counter needs; completed in person. */
export async function preRegister(tx: DbLike, marketId: string, input: PreRegisterInput, now = new Date()) {
  if (input.consentGiven !== true) throw badRequest("请先阅读并同意个人信息处理告知", "consentGiven", "Consent is required");
  const phone = normalizePhoneOrThrow(input.phone);
  input.trades.forEach((t, i) => {
    if (!findTrade(t)) throw badRequest(`工种“${t}”不在目录中`, `trades.${i}`, "Unknown trade");
  });
  const bidx = phoneIndex(phone);
  const [existing] = await tx
    .select({ id: preRegistrations.id })
    .from(preRegistrations)
    .where(and(eq(preRegistrations.marketId, marketId), eq(preRegistrations.phoneBidx, bidx), eq(preRegistrations.status, "pending")));
  if (existing) return { id: existing.id, duplicate: true };
  const [row] = await tx
    .insert(preRegistrations)
    .values({ marketId, name: input.name, phoneEnc: encryptPii(phone), phoneBidx: bidx, phoneMasked: maskPhone(phone), trades: [...new Set(input.trades)], consentVersion: input.consentVersion, consentedAt: now, createdAt: now })
    .returning({ id: preRegistrations.id });
  if (!row) throw new Error("pre-registration insert returned nothing");
  return { id: row.id, duplicate: false };
}

export async function listPending(db: DbLike, marketId: string, limit = 100) {
  const rows = await db
    .select({ id: preRegistrations.id, name: preRegistrations.name, phoneMasked: preRegistrations.phoneMasked, trades: preRegistrations.trades, consentVersion: preRegistrations.consentVersion, createdAt: preRegistrations.createdAt })
    .from(preRegistrations)
    .where(and(eq(preRegistrations.marketId, marketId), eq(preRegistrations.status, "pending")))
    .orderBy(asc(preRegistrations.createdAt))
    .limit(limit);
  return rows;
}

/**
 * Completes a pre-registration at the counter: the staff member checks the ID card and fills in
 * the rest; the phone left online is used unless another is given.
 */
export async function completePreRegistration(tx: DbLike, actor: Actor, preRegistrationId: string, input: Omit<RegisterInput, "phone"> & { phone?: string | undefined }, now = new Date()) {
  const [pre] = await tx
    .select()
    .from(preRegistrations)
    .where(and(eq(preRegistrations.id, preRegistrationId), eq(preRegistrations.marketId, actor.marketId)))
    .for("update");
  if (!pre) throw notFound("预登记", "preRegistrationId");
  if (pre.status !== "pending") throw new DomainError("CONFLICT", "该预登记已处理", { field: "preRegistrationId", messageEn: "Pre-registration already handled" });
  const phone = input.phone ?? decryptPii(pre.phoneEnc);
  const result = await registerWorker(tx, actor, { ...input, phone, source: "online" }, now);
  await tx
    .update(preRegistrations)
    .set({ status: "completed", workerId: result.worker.id, completedBy: actor.userId, completedAt: now })
    .where(eq(preRegistrations.id, preRegistrationId));
  return result;
}

