import { findTrade, initialGrade, maskPhone, maskResidentId, type GradingPolicy, type SkillGrade } from "@lingong/core";
import { and, asc, eq, inArray } from "drizzle-orm";
import { DomainError, notFound } from "../errors.ts";
import { gradeChanges, preRegistrations, workerTrades, workers } from "../schema/workers.ts";
import { decryptPii, encryptPii, idNumberIndex, idNumberIndexes, phoneIndex, phoneIndexes } from "./pii.ts";
import { badRequest, effectivePolicy, marketSettings, nextNumber, todayShanghai, type DbLike } from "./workforce-common.ts";
import { assertTownship, workerSummary, type Actor } from "./workers-common.ts";
import { checkRegistration, issueError, normalizePhoneOrThrow, type RegisterInput } from "./workers-validation.ts";

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
    .where(and(eq(workers.marketId, actor.marketId), inArray(workers.idNumberBidx, idNumberIndexes(parsed.id))));
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
    .where(and(eq(preRegistrations.marketId, marketId), inArray(preRegistrations.phoneBidx, phoneIndexes(phone)), eq(preRegistrations.status, "pending")));
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
