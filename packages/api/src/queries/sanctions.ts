import { appealOutcome, dayNumber, decideSanction } from "@lingong/core";
import type { SanctionDecision, SanctionHistoryEntry, SanctionPolicy } from "@lingong/core";
import { and, eq, sql } from "drizzle-orm";
import { DomainError, notFound, registerConstraintMessage } from "../errors.ts";
import { sanctions } from "../schema/sanctions.ts";
import { CONDUCT_EVENT_KINDS, conductEvents, gradeChanges, workers } from "../schema/workers.ts";
import { applyGrade, lockWorker, sanctionPolicy } from "./grades.ts";
import type { LockedWorker } from "./grades.ts";
import { badRequest, findWorker, today } from "./hall-common.ts";
import type { DbLike } from "./hall-common.ts";
import { historyOf } from "./sanctions-standing.ts";

registerConstraintMessage("sanctions_market_event_idx", { code: "CONFLICT", message: "该事项已有处分记录", field: "conductEventId", messageEn: "This event already has a sanction" });

type SanctionRow = typeof sanctions.$inferSelect;

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
    if (!Object.hasOwn(policy.events, input.offence)) throw badRequest("未知的违规事项", "offence");
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

// Standing and the lists live in their own modules; the router, seeds and scheduler keep importing them from here.
export { liftDueStandings, workerStanding } from "./sanctions-standing.ts";
export { listSanctions, pendingConductEvents } from "./sanctions-read.ts";
