import { maskName, maskPhone, type Reason } from "@lingong/core";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { DomainError, notFound } from "../errors.ts";
import { dispatches } from "../schema/dispatches.ts";
import { jobOrders } from "../schema/orders.ts";
import { conductEvents, gradeChanges, workerChanges, workerDocuments, workerTrades, workers } from "../schema/workers.ts";
import { decryptPii, encryptPii, phoneIndex } from "./pii.ts";
import type { DbLike } from "./workforce-common.ts";
import { assertProcessable, assertTownship, CLEARED_IDENTITY, loadWorker, tradesOf, workerSummary, type Actor } from "./workers-common.ts";
import { normalizePhoneOrThrow, validateTrades, type TradeInput } from "./workers-validation.ts";

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
      ...CLEARED_IDENTITY,
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
