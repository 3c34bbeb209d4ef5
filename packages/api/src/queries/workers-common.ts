import { ageOn, findTrade } from "@lingong/core";
import { and, asc, eq, inArray } from "drizzle-orm";
import { DomainError, notFound } from "../errors.ts";
import { townships } from "../schema/core.ts";
import { workerTrades, workers } from "../schema/workers.ts";
import { todayShanghai, type DbLike } from "./workforce-common.ts";

// Every worker function takes the market it acts in; a worker of another market is NOT_FOUND.
// Responses carry masked ID numbers and phones only (checklist A1, A2).

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

/** Refuses processing of a worker whose consent was withdrawn or who is deregistered (A3, A5). */
export function assertProcessable(w: WorkerRow): void {
  if (w.status === "deregistered") throw new DomainError("PRECONDITION_FAILED", "该零工已注销，不能再处理", { field: "workerId", messageEn: "Worker is deregistered" });
  if (w.consentWithdrawnAt) throw new DomainError("PRECONDITION_FAILED", "该零工已撤回同意，不能再处理其信息", { field: "workerId", messageEn: "Consent withdrawn" });
}

export async function assertTownship(db: DbLike, marketId: string, townshipId: string | undefined | null): Promise<void> {
  if (!townshipId) return;
  const [t] = await db.select({ id: townships.id }).from(townships).where(and(eq(townships.id, townshipId), eq(townships.marketId, marketId)));
  if (!t) throw notFound("乡镇", "townshipId");
}

/**
 * The identifying columns cleared when a worker is deregistered and again by the retention purge
 * (checklist A5), kept in one list so the two cannot drift apart.
 */
export const CLEARED_IDENTITY = {
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
} as const satisfies Partial<typeof workers.$inferInsert>;
