import { standingOf } from "@lingong/core";
import type { SanctionHistoryEntry, SanctionStep } from "@lingong/core";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { sanctions } from "../schema/sanctions.ts";
import { workers } from "../schema/workers.ts";
import { lockWorker, sanctionPolicy } from "./grades.ts";
import { findWorker } from "./hall-common.ts";
import type { DbLike } from "./hall-common.ts";

/** The worker's sanctions as the ladder reads them (approved or reversed, oldest first). */
export async function historyOf(db: DbLike, marketId: string, workerId: string) {
  const rows = await db
    .select()
    .from(sanctions)
    .where(and(eq(sanctions.marketId, marketId), eq(sanctions.workerId, workerId), inArray(sanctions.status, ["approved", "reversed"])))
    .orderBy(asc(sanctions.effectiveOn), asc(sanctions.decidedAt));
  const entries: SanctionHistoryEntry[] = rows.map((r) => {
    const e: SanctionHistoryEntry = { step: r.step as SanctionStep, date: r.effectiveOn ?? r.occurredOn };
    if (r.status === "reversed") e.reversed = true;
    if (r.probationUntil) e.endDate = r.probationUntil;
    return e;
  });
  return { rows, entries };
}

/** Standing of one worker today from the ladder (probation end, expulsion end). */
export async function workerStanding(db: DbLike, marketId: string, workerId: string, day: string) {
  const w = await findWorker(db, marketId, workerId);
  const policy = await sanctionPolicy(db, marketId);
  const { entries } = await historyOf(db, marketId, workerId);
  return { recorded: w.status, ...standingOf(policy, entries, day) };
}

/**
 * Lifts probation and expulsion whose time is up: every worker recorded as on probation or expelled
 * whose ladder standing today says otherwise goes back to active. Returns the workers changed.
 */
export async function liftDueStandings(tx: DbLike, marketId: string, day: string) {
  const candidates = await tx
    .select({ id: workers.id })
    .from(workers)
    .where(and(eq(workers.marketId, marketId), inArray(workers.status, ["probation", "expelled"])));
  const policy = await sanctionPolicy(tx, marketId);
  const lifted: { workerId: string; from: string; to: string }[] = [];
  for (const c of candidates) {
    const w = await lockWorker(tx, marketId, c.id);
    const { entries } = await historyOf(tx, marketId, w.id);
    const s = standingOf(policy, entries, day);
    if (s.status !== w.status && (w.status === "probation" || w.status === "expelled")) {
      await tx.update(workers).set({ status: s.status, version: sql`${workers.version} + 1`, updatedAt: new Date() }).where(eq(workers.id, w.id));
      lifted.push({ workerId: w.id, from: w.status, to: s.status });
    }
  }
  return lifted;
}
