import { and, asc, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { maskSensitive } from "../audit.ts";
import { auditLog } from "../schema/core.ts";
import { complaints } from "../schema/complaints.ts";
import { dispatches } from "../schema/dispatches.ts";
import { employers } from "../schema/employers.ts";
import { followups } from "../schema/followups.ts";
import { gradeReviews } from "../schema/grades.ts";
import { bookLoans, servicesLog } from "../schema/library.ts";
import { shortlists } from "../schema/matching.ts";
import { jobOrders } from "../schema/orders.ts";
import { exposureEntries, honourRoll } from "../schema/publicity.ts";
import { rewards, sanctions } from "../schema/sanctions.ts";
import { toolRentals } from "../schema/tools.ts";
import { enrolments } from "../schema/training.ts";
import {
  conductEvents,
  gradeChanges,
  preRegistrations,
  workerChanges,
  workerDocuments,
  workerTrades,
} from "../schema/workers.ts";
import { decryptPii } from "./pii.ts";
import { loadWorker } from "./workers.ts";
import type { DbLike } from "./workforce-common.ts";

// Data-subject rights (PIPL Arts 44–47, 50; checklist A6): a copy of ONE worker's own data, in a
// form that can be handed to the worker. Every list below is filtered by market AND worker, so
// another worker's rows can never be included. Ciphertexts and blind indexes never leave; the
// profile carries the decrypted values (the caller audits the export with its reason).

type Row = Record<string, unknown>;

/** A table with market_id and worker_id columns (every worker-owned table). */
type WorkerOwned = PgTable & { marketId: AnyPgColumn; workerId: AnyPgColumn };

const INTERNAL_KEY = /(Enc|Bidx)$/;

/** Drops ciphertexts and blind indexes, which mean nothing to the worker. */
function clean(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) if (!INTERNAL_KEY.test(k)) out[k] = v;
  return out;
}

async function ownRows(db: DbLike, table: WorkerOwned, marketId: string, workerId: string): Promise<Row[]> {
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.marketId, marketId), eq(table.workerId, workerId)));
  return (rows as Row[]).map(clean);
}

const decryptOrNull = (v: string | null) => (v ? decryptPii(v) : null);

export interface ExportOptions {
  /** Include the decrypted ID copies and photo (base64); off by default (they are large). */
  includeDocuments?: boolean;
}

/** Everything the market holds about one worker (PIPL Art 45 copy / Art 50 request). */
export async function exportWorkerData(db: DbLike, marketId: string, workerId: string, opts: ExportOptions = {}) {
  const w = await loadWorker(db, marketId, workerId);
  const own = (t: WorkerOwned) => ownRows(db, t, marketId, workerId);
  const [
    trades,
    gradeHistory,
    reviews,
    conduct,
    changes,
    documents,
    preRegs,
    dispatchRows,
    shortlisted,
    ratings,
    sanctionRows,
    rewardRows,
    complaintRows,
    rentals,
    trainings,
    loans,
    services,
    honours,
    exposures,
  ] = await Promise.all([
    own(workerTrades),
    own(gradeChanges),
    own(gradeReviews),
    own(conductEvents),
    own(workerChanges),
    db
      .select()
      .from(workerDocuments)
      .where(and(eq(workerDocuments.marketId, marketId), eq(workerDocuments.workerId, workerId)))
      .orderBy(asc(workerDocuments.createdAt)),
    own(preRegistrations),
    db
      .select({
        id: dispatches.id,
        orderNo: jobOrders.orderNo,
        tradeCode: jobOrders.tradeCode,
        place: jobOrders.place,
        employerName: employers.name,
        startsAt: dispatches.startsAt,
        endsAt: dispatches.endsAt,
        status: dispatches.status,
        agreedWageFen: dispatches.agreedWageFen,
        wageUnit: dispatches.wageUnit,
        completedAt: dispatches.completedAt,
        noShowAt: dispatches.noShowAt,
        cancelledAt: dispatches.cancelledAt,
        cancelReason: dispatches.cancelReason,
        paidConfirmedAt: dispatches.paidConfirmedAt,
      })
      .from(dispatches)
      .innerJoin(jobOrders, eq(jobOrders.id, dispatches.orderId))
      .innerJoin(employers, eq(employers.id, dispatches.employerId))
      .where(and(eq(dispatches.marketId, marketId), eq(dispatches.workerId, workerId)))
      .orderBy(asc(dispatches.startsAt)),
    own(shortlists),
    own(followups),
    own(sanctions),
    own(rewards),
    // Complaints the worker made or that name the worker (Art 45 covers both).
    own(complaints),
    own(toolRentals),
    own(enrolments),
    own(bookLoans),
    own(servicesLog),
    own(honourRoll),
    own(exposureEntries),
  ]);

  const profile = {
    id: w.id,
    workerNo: w.workerNo,
    name: w.name,
    gender: w.gender,
    birthDate: w.birthDate,
    idNumber: decryptOrNull(w.idNumberEnc),
    phone: decryptOrNull(w.phoneEnc),
    hukou: w.hukou,
    homeAddress: decryptOrNull(w.homeAddressEnc),
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
  };

  const docs = documents.map((d) => ({
    id: d.id,
    kind: d.kind,
    mime: d.mime,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    createdAt: d.createdAt,
    deletedAt: d.deletedAt,
    ...(opts.includeDocuments && d.contentEnc && !d.deletedAt ? { dataBase64: decryptPii(d.contentEnc) } : {}),
  }));

  const data = {
    profile,
    trades,
    gradeHistory,
    gradeReviews: reviews,
    conductEvents: conduct,
    archiveChanges: changes,
    documents: docs,
    preRegistrations: preRegs,
    dispatches: dispatchRows,
    shortlists: shortlisted,
    ratings,
    sanctions: sanctionRows,
    rewards: rewardRows,
    complaints: complaintRows,
    toolRentals: rentals,
    trainings,
    bookLoans: loans,
    services,
    honourRoll: honours,
    exposureEntries: exposures,
  };
  const counts = Object.fromEntries(
    Object.entries(data)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => [k, (v as unknown[]).length]),
  ) as Record<string, number>;
  return {
    format: "lingong.worker-export/1" as const,
    generatedAt: new Date().toISOString(),
    workerId: w.id,
    data,
    counts,
  };
}
export type WorkerExport = Awaited<ReturnType<typeof exportWorkerData>>;

export interface AuditQuery {
  /** Only this market (null: every market, for province-level auditors). */
  marketId: string | null;
  from: Date;
  to: Date;
  action?: string | undefined;
  userId?: string | undefined;
  targetId?: string | undefined;
  /** The id of the last row of the previous page. */
  cursor?: number | undefined;
  limit: number;
}

/**
 * A page of the audit log, newest first, keyset-paginated by id. Rows were masked when written;
 * they are masked again here so a row written by older code can never show an ID number or phone.
 */
export async function listAuditLog(db: DbLike, q: AuditQuery) {
  const where: SQL[] = [gte(auditLog.at, q.from), lt(auditLog.at, q.to)];
  if (q.marketId) where.push(eq(auditLog.marketId, q.marketId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.userId) where.push(eq(auditLog.userId, q.userId));
  if (q.targetId) where.push(eq(auditLog.targetId, q.targetId));
  if (q.cursor !== undefined) where.push(lt(auditLog.id, q.cursor));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      ...r,
      before: maskSensitive(r.before),
      after: maskSensitive(r.after),
      detail: maskSensitive(r.detail),
    })),
    nextCursor: rows.length > q.limit && last ? last.id : null,
  };
}
