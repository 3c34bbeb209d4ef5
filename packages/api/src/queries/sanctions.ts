import { appealOutcome, dayNumber, decideSanction, standingOf } from "@lingong/core";
import type { SanctionDecision, SanctionHistoryEntry, SanctionPolicy, SanctionStep } from "@lingong/core";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { DomainError, notFound, registerConstraintMessage } from "../errors.ts";
import { staffUsers } from "../schema/core.ts";
import { sanctions } from "../schema/sanctions.ts";
import { CONDUCT_EVENT_KINDS, conductEvents, gradeChanges, workers } from "../schema/workers.ts";
import { applyGrade, lockWorker, sanctionPolicy } from "./grades.ts";
import type { LockedWorker } from "./grades.ts";
import { badRequest, findWorker, today } from "./hall-common.ts";
import type { DbLike } from "./hall-common.ts";

registerConstraintMessage("sanctions_market_event_idx", { code: "CONFLICT", message: "该事项已有处分记录", field: "conductEventId", messageEn: "This event already has a sanction" });

type SanctionRow = typeof sanctions.$inferSelect;

/** The worker's sanctions as the ladder reads them (approved or reversed, oldest first). */
async function historyOf(db: DbLike, marketId: string, workerId: string) {
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

function decide(policy: SanctionPolicy, offence: string, occurredOn: string, history: SanctionHistoryEntry[], day: string): SanctionDecision {
  try {
    return decideSanction(policy, { event: { type: offence, date: occurredOn }, history, today: day });
  } catch (e) {
    if (e instanceof RangeError) {
      const field = e.message.startsWith("event.date") ? "occurredOn" : "offence";
      throw badRequest(field === "occurredOn" ? "违规日期不能晚于今天" : "未知的违规事项", field, e.message);
    }
    throw e;
  }
}

export interface ProposeSanctionInput {
  workerId: string;
  conductEventId?: string | undefined;
  offence?: string | undefined;
  occurredOn?: string | undefined;
  note?: string | undefined;
}

/** Proposes the ladder step for an offence (a recorded conduct event, or one staff report now). */
export async function proposeSanction(tx: DbLike, marketId: string, staffId: string, input: ProposeSanctionInput, now: Date = new Date()) {
  const day = today(now);
  const worker = await findWorker(tx, marketId, input.workerId);
  const policy = await sanctionPolicy(tx, marketId);
  let offence: string;
  let occurredOn: string;
  let eventId: string | null = null;
  if (input.conductEventId) {
    const [ev] = await tx
      .select()
      .from(conductEvents)
      .where(and(eq(conductEvents.id, input.conductEventId), eq(conductEvents.marketId, marketId), eq(conductEvents.workerId, worker.id)));
    if (!ev) throw notFound("违规记录", "conductEventId");
    offence = ev.kind;
    occurredOn = ev.occurredOn;
    eventId = ev.id;
  } else {
    if (!input.offence) throw badRequest("请选择违规事项", "offence");
    if (!input.occurredOn) throw badRequest("请填写违规日期", "occurredOn");
    if (!(input.offence in policy.events)) throw badRequest("未知的违规事项", "offence");
    offence = input.offence;
    occurredOn = input.occurredOn;
  }
  if (dayNumber(occurredOn) > dayNumber(day)) throw badRequest("违规日期不能晚于今天", "occurredOn");
  const { entries } = await historyOf(tx, marketId, worker.id);
  const decision = decide(policy, offence, occurredOn, entries, day);
  if (!eventId && (CONDUCT_EVENT_KINDS as readonly string[]).includes(offence)) {
    const [ev] = await tx
      .insert(conductEvents)
      .values({
        marketId,
        workerId: worker.id,
        kind: offence as (typeof CONDUCT_EVENT_KINDS)[number],
        occurredOn,
        source: "manual",
        note: input.note ?? null,
        createdBy: staffId,
      })
      .returning({ id: conductEvents.id });
    eventId = ev!.id;
  }
  const [row] = await tx
    .insert(sanctions)
    .values({
      marketId,
      workerId: worker.id,
      conductEventId: eventId,
      offence,
      occurredOn,
      step: decision.step,
      rule: decision.rule,
      reasons: decision.reasons,
      note: input.note ?? null,
      proposedBy: staffId,
      proposedAt: now,
    })
    .returning();
  return { sanction: row!, decision };
}

async function lockSanction(tx: DbLike, marketId: string, sanctionId: string): Promise<{ worker: LockedWorker; sanction: SanctionRow }> {
  const [probe] = await tx
    .select({ workerId: sanctions.workerId })
    .from(sanctions)
    .where(and(eq(sanctions.id, sanctionId), eq(sanctions.marketId, marketId)));
  if (!probe) throw notFound("处分", "sanctionId");
  // Worker first, then the sanction: the same order everywhere, so no deadlocks.
  const worker = await lockWorker(tx, marketId, probe.workerId);
  const [sanction] = await tx.select().from(sanctions).where(eq(sanctions.id, sanctionId)).for("update");
  if (!sanction) throw notFound("处分", "sanctionId");
  return { worker, sanction };
}

/**
 * The head approves (or rejects) a proposal. The step is decided again from the locked worker's
 * history, so sanctions approved meanwhile are taken into account; then the grade, probation or
 * expulsion is applied.
 */
export async function decideSanctionProposal(
  tx: DbLike,
  marketId: string,
  headId: string,
  input: { sanctionId: string; approve: boolean; note?: string | undefined },
  now: Date = new Date(),
) {
  const day = today(now);
  const { worker, sanction } = await lockSanction(tx, marketId, input.sanctionId);
  if (sanction.status !== "proposed") throw new DomainError("CONFLICT", "该处分已处理", { field: "sanctionId", messageEn: "Already decided" });
  if (!input.approve) {
    const [row] = await tx
      .update(sanctions)
      .set({ status: "rejected", decidedBy: headId, decidedAt: now, decisionNote: input.note ?? null })
      .where(eq(sanctions.id, sanction.id))
      .returning();
    return { before: sanction, after: row! };
  }
  const policy = await sanctionPolicy(tx, marketId);
  const { entries } = await historyOf(tx, marketId, worker.id);
  const decision = decide(policy, sanction.offence, sanction.occurredOn, entries, day);
  const statusBefore = worker.status;
  let gradeChangeId: string | null = null;
  if (decision.gradeChange < 0) {
    const change = await applyGrade(tx, marketId, worker, {
      to: worker.stars + decision.gradeChange,
      kind: "sanction",
      reasons: decision.reasons,
      sourceId: sanction.id,
      decidedBy: sanction.proposedBy,
      approvedBy: headId,
    });
    gradeChangeId = change.id;
  }
  let status = worker.status;
  if (decision.step === "expulsion") status = "expelled";
  else if (decision.step === "probation" && worker.status !== "expelled") status = "probation";
  if (status !== worker.status) {
    await tx.update(workers).set({ status, version: sql`${workers.version} + 1`, updatedAt: now }).where(eq(workers.id, worker.id));
  }
  const [row] = await tx
    .update(sanctions)
    .set({
      status: "approved",
      step: decision.step,
      rule: decision.rule,
      reasons: decision.reasons,
      decidedBy: headId,
      decidedAt: now,
      decisionNote: input.note ?? null,
      effectiveOn: day,
      probationUntil: decision.endDate ?? null,
      statusBefore,
      gradeChangeId,
    })
    .where(eq(sanctions.id, sanction.id))
    .returning();
  return { before: sanction, after: row!, recomputed: decision.step !== sanction.step };
}

/** The worker's appeal, recorded by staff with its grounds. */
export async function recordAppeal(tx: DbLike, marketId: string, staffId: string, input: { sanctionId: string; grounds: string }, now: Date = new Date()) {
  const [s] = await tx
    .select()
    .from(sanctions)
    .where(and(eq(sanctions.id, input.sanctionId), eq(sanctions.marketId, marketId)))
    .for("update");
  if (!s) throw notFound("处分", "sanctionId");
  if (s.status !== "approved") throw badRequest("只能对已生效的处分申诉", "sanctionId", "Only approved sanctions can be appealed");
  if (s.appealStatus !== null) throw new DomainError("CONFLICT", "该处分已有申诉", { field: "sanctionId", messageEn: "Already appealed" });
  const [row] = await tx
    .update(sanctions)
    .set({ appealStatus: "pending", appealGrounds: input.grounds, appealedAt: now, appealRecordedBy: staffId })
    .where(eq(sanctions.id, s.id))
    .returning();
  return { before: s, after: row! };
}

/**
 * The head decides an appeal. Upheld: the sanction is marked reversed (kept in the history), the
 * star it took is given back through a `reversal` grade change, and standing is recomputed.
 */
export async function decideAppeal(
  tx: DbLike,
  marketId: string,
  headId: string,
  input: { sanctionId: string; upheld: boolean; note: string },
  now: Date = new Date(),
) {
  const day = today(now);
  const { worker, sanction } = await lockSanction(tx, marketId, input.sanctionId);
  if (sanction.appealStatus !== "pending") throw new DomainError("CONFLICT", "该处分没有待处理的申诉", { field: "sanctionId", messageEn: "No pending appeal" });
  if (!input.upheld) {
    const [row] = await tx
      .update(sanctions)
      .set({ appealStatus: "dismissed", appealDecidedBy: headId, appealDecidedAt: now, appealDecisionNote: input.note })
      .where(eq(sanctions.id, sanction.id))
      .returning();
    return { before: sanction, after: row!, outcome: null };
  }
  const policy = await sanctionPolicy(tx, marketId);
  const { rows, entries } = await historyOf(tx, marketId, worker.id);
  const index = rows.findIndex((r) => r.id === sanction.id);
  const outcome = appealOutcome(policy, { history: entries, index, today: day });
  let reversalId: string | null = null;
  if (sanction.gradeChangeId) {
    const [orig] = await tx.select().from(gradeChanges).where(eq(gradeChanges.id, sanction.gradeChangeId));
    // Undo exactly what the sanction did (0 when it was already at no star), as replayGrade does.
    const took = orig ? Math.sign(orig.toGrade - (orig.fromGrade ?? orig.toGrade)) : 0;
    const change = await applyGrade(tx, marketId, worker, {
      to: worker.stars - took,
      kind: "reversal",
      reasons: outcome.reasons,
      sourceId: sanction.id,
      decidedBy: headId,
      approvedBy: headId,
    });
    reversalId = change.id;
  }
  if (worker.status !== "deregistered" && worker.status !== outcome.standingAfter.status) {
    await tx
      .update(workers)
      .set({ status: outcome.standingAfter.status, version: sql`${workers.version} + 1`, updatedAt: now })
      .where(eq(workers.id, worker.id));
  }
  const [row] = await tx
    .update(sanctions)
    .set({
      status: "reversed",
      appealStatus: "upheld",
      appealDecidedBy: headId,
      appealDecidedAt: now,
      appealDecisionNote: input.note,
      reversalGradeChangeId: reversalId,
    })
    .where(eq(sanctions.id, sanction.id))
    .returning();
  const recheck = outcome.recheck.map((i) => rows[i]?.id).filter((x): x is string => typeof x === "string");
  return { before: sanction, after: row!, outcome: { ...outcome, recheckSanctionIds: recheck } };
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
