import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { staffUsers } from "../schema/core.ts";
import { sanctions } from "../schema/sanctions.ts";
import { conductEvents, workers } from "../schema/workers.ts";
import type { DbLike } from "./hall-common.ts";

type SanctionRow = typeof sanctions.$inferSelect;

export async function listSanctions(
  db: DbLike,
  marketId: string,
  f: { workerId?: string | undefined; status?: SanctionRow["status"] | undefined; appealPending?: boolean | undefined; limit: number },
) {
  return db
    .select({
      id: sanctions.id,
      workerId: sanctions.workerId,
      workerName: workers.name,
      workerNo: workers.workerNo,
      offence: sanctions.offence,
      occurredOn: sanctions.occurredOn,
      step: sanctions.step,
      rule: sanctions.rule,
      reasons: sanctions.reasons,
      note: sanctions.note,
      status: sanctions.status,
      proposedAt: sanctions.proposedAt,
      proposedByName: staffUsers.displayName,
      decidedAt: sanctions.decidedAt,
      decisionNote: sanctions.decisionNote,
      effectiveOn: sanctions.effectiveOn,
      probationUntil: sanctions.probationUntil,
      appealStatus: sanctions.appealStatus,
      appealGrounds: sanctions.appealGrounds,
      appealedAt: sanctions.appealedAt,
      appealDecidedAt: sanctions.appealDecidedAt,
      appealDecisionNote: sanctions.appealDecisionNote,
    })
    .from(sanctions)
    .innerJoin(workers, eq(workers.id, sanctions.workerId))
    .innerJoin(staffUsers, eq(staffUsers.id, sanctions.proposedBy))
    .where(
      and(
        eq(sanctions.marketId, marketId),
        f.workerId ? eq(sanctions.workerId, f.workerId) : undefined,
        f.status ? eq(sanctions.status, f.status) : undefined,
        f.appealPending ? eq(sanctions.appealStatus, "pending") : undefined,
      ),
    )
    .orderBy(desc(sanctions.proposedAt))
    .limit(f.limit);
}

/** Conduct events (no-shows, upheld complaints, ...) that have no sanction decided or proposed yet. */
export async function pendingConductEvents(db: DbLike, marketId: string, limit: number) {
  return db
    .select({
      id: conductEvents.id,
      workerId: conductEvents.workerId,
      workerName: workers.name,
      workerNo: workers.workerNo,
      kind: conductEvents.kind,
      occurredOn: conductEvents.occurredOn,
      source: conductEvents.source,
      note: conductEvents.note,
    })
    .from(conductEvents)
    .innerJoin(workers, eq(workers.id, conductEvents.workerId))
    .leftJoin(sanctions, and(eq(sanctions.conductEventId, conductEvents.id), sql`${sanctions.status} <> 'rejected'`))
    .where(and(eq(conductEvents.marketId, marketId), isNull(sanctions.id)))
    .orderBy(asc(conductEvents.occurredOn))
    .limit(limit);
}
