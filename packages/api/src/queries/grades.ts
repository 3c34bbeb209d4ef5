import { addDays, replayGrade, reviewGrade, toStarGrade } from "@lingong/core";
import type { GradeEvent, GradingPolicy, ReviewInput, SanctionPolicy, StarGrade } from "@lingong/core";
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { DomainError, notFound, registerConstraintMessage } from "../errors.ts";
import { staffUsers } from "../schema/core.ts";
import { dispatches } from "../schema/dispatches.ts";
import { gradeReviews } from "../schema/grades.ts";
import { sanctions } from "../schema/sanctions.ts";
import { conductEvents, gradeChanges, workers, type GRADE_CHANGE_KINDS } from "../schema/workers.ts";
import { effectivePolicy } from "./workforce-common.ts";
import { ratingsOf } from "./followups.ts";
import { today } from "./hall-common.ts";
import type { DbLike } from "./hall-common.ts";

registerConstraintMessage("grade_reviews_one_open_idx", { code: "CONFLICT", message: "该零工已有待审批的星级评定", field: "workerId", messageEn: "An open review exists" });

export async function gradingPolicy(db: DbLike, marketId: string): Promise<GradingPolicy> {
  return (await effectivePolicy<GradingPolicy>(db, marketId, "grading")).body;
}
export async function sanctionPolicy(db: DbLike, marketId: string): Promise<SanctionPolicy> {
  return (await effectivePolicy<SanctionPolicy>(db, marketId, "sanctions")).body;
}

/**
 * Locks the worker row for the rest of the transaction. Every grade or standing change takes this
 * lock first and computes from what it then reads, so a review and a sanction on the same worker
 * queue behind each other instead of interleaving (checklist D25).
 */
export async function lockWorker(tx: DbLike, marketId: string, workerId: string) {
  const [w] = await tx
    .select({ id: workers.id, name: workers.name, stars: workers.stars, status: workers.status, version: workers.version })
    .from(workers)
    .where(and(eq(workers.id, workerId), eq(workers.marketId, marketId)))
    .for("update");
  if (!w) throw notFound("零工", "workerId");
  return w;
}

export type LockedWorker = Awaited<ReturnType<typeof lockWorker>>;

/** Writes one grade change of a locked worker and its new star grade. */
export async function applyGrade(
  tx: DbLike,
  marketId: string,
  worker: LockedWorker,
  change: {
    to: number;
    kind: (typeof GRADE_CHANGE_KINDS)[number];
    reasons: unknown[];
    sourceId: string | null;
    decidedBy: string;
    approvedBy: string | null;
  },
) {
  const to = toStarGrade(change.to);
  const [row] = await tx
    .insert(gradeChanges)
    .values({
      marketId,
      workerId: worker.id,
      fromGrade: worker.stars,
      toGrade: to,
      kind: change.kind,
      reasons: change.reasons,
      sourceId: change.sourceId,
      decidedBy: change.decidedBy,
      approvedBy: change.approvedBy,
      // The wall clock after the lock was granted, so history order is the order changes applied.
      createdAt: sql`clock_timestamp()`,
    })
    .returning();
  await tx
    .update(workers)
    .set({ stars: to, version: sql`${workers.version} + 1`, updatedAt: new Date() })
    .where(eq(workers.id, worker.id));
  worker.stars = to;
  return row!;
}

/** Everything the review rule reads about one worker, as of `day`. */
export async function reviewInputOf(db: DbLike, marketId: string, worker: LockedWorker, policy: GradingPolicy, day: string): Promise<ReviewInput> {
  const windowStart = addDays(day, -(policy.review.windowDays - 1));
  const [ratings, events, sanctionRows, [jobs]] = await Promise.all([
    ratingsOf(db, marketId, worker.id),
    db
      .select({ occurredOn: conductEvents.occurredOn })
      .from(conductEvents)
      .where(and(eq(conductEvents.marketId, marketId), eq(conductEvents.workerId, worker.id), inArray(conductEvents.kind, ["upheld_complaint", "malicious_work"]))),
    db
      .select({ effectiveOn: sanctions.effectiveOn, step: sanctions.step, status: sanctions.status, gradeChangeId: sanctions.gradeChangeId })
      .from(sanctions)
      .where(and(eq(sanctions.marketId, marketId), eq(sanctions.workerId, worker.id), inArray(sanctions.status, ["approved", "reversed"]))),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(dispatches)
      .where(
        and(
          eq(dispatches.marketId, marketId),
          eq(dispatches.workerId, worker.id),
          eq(dispatches.status, "completed"),
          gte(dispatches.completedAt, new Date(`${windowStart}T00:00:00+08:00`)),
        ),
      ),
  ]);
  const status = worker.status === "probation" || worker.status === "expelled" ? worker.status : "active";
  return {
    current: toStarGrade(worker.stars),
    today: day,
    status,
    ratings,
    complaints: events.map((e) => ({ date: e.occurredOn, upheld: true })),
    sanctions: sanctionRows
      .filter((s) => s.effectiveOn !== null)
      .map((s) => ({ date: s.effectiveOn!, kind: s.step, reversed: s.status === "reversed", gradeApplied: s.gradeChangeId !== null })),
    jobsCompleted: Number(jobs?.n ?? 0),
  };
}

/** Runs the review for a locked worker and stores it as a proposal (superseding an open one). */
export async function proposeReview(tx: DbLike, marketId: string, staffId: string, workerId: string, now: Date = new Date()) {
  const worker = await lockWorker(tx, marketId, workerId);
  if (worker.status === "deregistered") throw new DomainError("BAD_REQUEST", "该零工已注销，不能评定", { field: "workerId" });
  const day = today(now);
  const policy = await gradingPolicy(tx, marketId);
  const input = await reviewInputOf(tx, marketId, worker, policy, day);
  const result = reviewGrade(policy, input);
  await tx
    .update(gradeReviews)
    .set({ status: "superseded", decidedAt: now })
    .where(and(eq(gradeReviews.marketId, marketId), eq(gradeReviews.workerId, workerId), eq(gradeReviews.status, "proposed")));
  const [row] = await tx
    .insert(gradeReviews)
    .values({
      marketId,
      workerId,
      fromGrade: worker.stars,
      toGrade: result.next,
      reasons: result.reasons,
      evidence: { ...result.stats },
      windowStart: result.stats.windowStart,
      windowEnd: day,
      policyVersion: policy.version,
      proposedBy: staffId,
      proposedAt: now,
    })
    .returning();
  return { review: row!, change: result.change, reasons: result.reasons, stats: result.stats };
}

/**
 * The head's decision on a proposal. Applied only when the worker's grade is still the one the
 * proposal started from; otherwise the proposal is superseded and must be run again.
 */
export async function decideReview(
  tx: DbLike,
  marketId: string,
  headId: string,
  input: { reviewId: string; approve: boolean; note?: string | undefined },
  now: Date = new Date(),
) {
  const [probe] = await tx
    .select({ workerId: gradeReviews.workerId })
    .from(gradeReviews)
    .where(and(eq(gradeReviews.id, input.reviewId), eq(gradeReviews.marketId, marketId)));
  if (!probe) throw notFound("星级评定", "reviewId");
  const worker = await lockWorker(tx, marketId, probe.workerId);
  const [review] = await tx.select().from(gradeReviews).where(eq(gradeReviews.id, input.reviewId)).for("update");
  if (!review) throw notFound("星级评定", "reviewId");
  if (review.status !== "proposed") throw new DomainError("CONFLICT", "该评定已处理或已被新的评定取代", { field: "reviewId", messageEn: "Review already decided or superseded" });
  if (!input.approve) {
    const [row] = await tx
      .update(gradeReviews)
      .set({ status: "rejected", decidedBy: headId, decidedAt: now, decisionNote: input.note ?? null })
      .where(eq(gradeReviews.id, review.id))
      .returning();
    return { before: review, after: row!, gradeChange: null };
  }
  if (worker.stars !== review.fromGrade) {
    await tx.update(gradeReviews).set({ status: "superseded", decidedAt: now }).where(eq(gradeReviews.id, review.id));
    return { before: review, after: null, gradeChange: null, stale: true as const };
  }
  const change = await applyGrade(tx, marketId, worker, {
    to: review.toGrade,
    kind: "review",
    reasons: review.reasons,
    sourceId: review.id,
    decidedBy: review.proposedBy,
    approvedBy: headId,
  });
  const [row] = await tx
    .update(gradeReviews)
    .set({ status: "approved", decidedBy: headId, decidedAt: now, decisionNote: input.note ?? null, gradeChangeId: change.id })
    .where(eq(gradeReviews.id, review.id))
    .returning();
  return { before: review, after: row!, gradeChange: change };
}

export async function listReviews(db: DbLike, marketId: string, f: { status?: string | undefined; workerId?: string | undefined; limit: number }) {
  return db
    .select({
      id: gradeReviews.id,
      workerId: gradeReviews.workerId,
      workerName: workers.name,
      workerNo: workers.workerNo,
      fromGrade: gradeReviews.fromGrade,
      toGrade: gradeReviews.toGrade,
      reasons: gradeReviews.reasons,
      evidence: gradeReviews.evidence,
      windowStart: gradeReviews.windowStart,
      windowEnd: gradeReviews.windowEnd,
      status: gradeReviews.status,
      proposedAt: gradeReviews.proposedAt,
      proposedByName: staffUsers.displayName,
      decidedAt: gradeReviews.decidedAt,
      decisionNote: gradeReviews.decisionNote,
    })
    .from(gradeReviews)
    .innerJoin(workers, eq(workers.id, gradeReviews.workerId))
    .innerJoin(staffUsers, eq(staffUsers.id, gradeReviews.proposedBy))
    .where(
      and(
        eq(gradeReviews.marketId, marketId),
        f.status ? eq(gradeReviews.status, f.status as "proposed") : undefined,
        f.workerId ? eq(gradeReviews.workerId, f.workerId) : undefined,
      ),
    )
    .orderBy(desc(gradeReviews.proposedAt))
    .limit(f.limit);
}

/**
 * Active workers due a review: none in the last `everyDays` days (or never), with at least one
 * rating or conduct event since their last one. Oldest review first.
 */
export async function workersDueReview(db: DbLike, marketId: string, everyDays: number, limit: number, day: string) {
  const cutoff = new Date(`${addDays(day, -everyDays)}T00:00:00+08:00`).toISOString();
  const rows = await db.execute<{ id: string }>(sql`
    select w.id from ${workers} w
    where w.market_id = ${marketId} and w.status in ('active', 'probation')
      and not exists (select 1 from ${gradeReviews} r where r.market_id = w.market_id and r.worker_id = w.id
                      and (r.status = 'proposed' or r.proposed_at >= ${cutoff}::timestamptz))
      and exists (select 1 from followups f where f.market_id = w.market_id and f.worker_id = w.id)
    order by (select max(r2.proposed_at) from ${gradeReviews} r2 where r2.worker_id = w.id) nulls first, w.worker_no
    limit ${limit}`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows;
  return (list as { id: string }[]).map((r) => r.id);
}

/** A worker's grade history with reasons, and the grade a replay from scratch gives. */
export async function gradeHistory(db: DbLike, marketId: string, workerId: string) {
  const [w] = await db.select({ stars: workers.stars }).from(workers).where(and(eq(workers.id, workerId), eq(workers.marketId, marketId)));
  if (!w) throw notFound("零工", "workerId");
  const rows = await db
    .select({
      id: gradeChanges.id,
      fromGrade: gradeChanges.fromGrade,
      toGrade: gradeChanges.toGrade,
      kind: gradeChanges.kind,
      reasons: gradeChanges.reasons,
      sourceId: gradeChanges.sourceId,
      decidedBy: gradeChanges.decidedBy,
      approvedBy: gradeChanges.approvedBy,
      createdAt: gradeChanges.createdAt,
    })
    .from(gradeChanges)
    .where(and(eq(gradeChanges.marketId, marketId), eq(gradeChanges.workerId, workerId)))
    .orderBy(asc(gradeChanges.createdAt));
  const replayed = await replayFromHistory(db, marketId, rows);
  return { current: w.stars, replayed, consistent: replayed === w.stars, changes: rows };
}

type ChangeRow = { id: string; fromGrade: number | null; toGrade: number; kind: string; sourceId: string | null };

/** Maps the stored history to core's grade events and replays it (checklist D25). */
export async function replayFromHistory(db: DbLike, marketId: string, rows: readonly ChangeRow[]): Promise<StarGrade | null> {
  const first = rows[0];
  if (!first) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const sanctionIds = rows.filter((r) => r.kind === "reversal" && r.sourceId).map((r) => r.sourceId!);
  const reversed =
    sanctionIds.length === 0
      ? []
      : await db
          .select({ id: sanctions.id, gradeChangeId: sanctions.gradeChangeId })
          .from(sanctions)
          .where(and(eq(sanctions.marketId, marketId), inArray(sanctions.id, sanctionIds)));
  const originalOf = new Map(reversed.map((s) => [s.id, s.gradeChangeId]));
  const events: GradeEvent[] = [];
  let initial: StarGrade = toStarGrade(first.kind === "initial" ? first.toGrade : (first.fromGrade ?? first.toGrade));
  for (const [i, r] of rows.entries()) {
    if (i === 0 && r.kind === "initial") continue;
    switch (r.kind) {
      case "initial":
        initial = toStarGrade(r.toGrade);
        events.length = 0;
        break;
      case "review":
        events.push({ kind: "review", change: Math.sign(r.toGrade - (r.fromGrade ?? r.toGrade)) as -1 | 0 | 1 });
        break;
      case "sanction":
        events.push({ kind: "sanction_demotion" });
        break;
      case "reversal": {
        const orig = byId.get(originalOf.get(r.sourceId ?? "") ?? "");
        const change = orig ? (Math.sign(orig.toGrade - (orig.fromGrade ?? orig.toGrade)) as -1 | 0 | 1) : 0;
        events.push({ kind: "reversal", of: "sanction_demotion", change });
        break;
      }
      default:
        events.push({ kind: "manual", to: toStarGrade(r.toGrade) });
    }
  }
  return replayGrade(await gradingPolicy(db, marketId), initial, events);
}

