import { decideEmployerAction, decideRewards, standingOf, toStarGrade } from "@lingong/core";
import type { EmployerEventType, EmployerPolicy, RewardKind, RewardPolicy } from "@lingong/core";
import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { DomainError } from "../errors.ts";
import { staffUsers } from "../schema/core.ts";
import { complaints } from "../schema/complaints.ts";
import { dispatches } from "../schema/dispatches.ts";
import { employers } from "../schema/employers.ts";
import { employerActions, rewards, sanctions } from "../schema/sanctions.ts";
import { conductEvents, workers } from "../schema/workers.ts";
import { ratingsOf } from "./followups.ts";
import { sanctionPolicy } from "./grades.ts";
import { badRequest, findEmployer, findWorker, today } from "./hall-common.ts";
import type { DbLike } from "./hall-common.ts";
import { effectivePolicy, type EffectivePolicy } from "./workforce-common.ts";

/** Which policy a decision used: its own `version`, and the market's version number (0 = core default). */
export interface PolicyUsed {
  version: string;
  versionNo: number;
}

const usedOf = (p: EffectivePolicy<RewardPolicy | EmployerPolicy>): PolicyUsed => ({ version: p.body.version, versionNo: p.version });

/** The market's reward policy in force on `day` (core's default when it has published none). */
export function rewardPolicy(db: DbLike, marketId: string, day: string) {
  return effectivePolicy<RewardPolicy>(db, marketId, "rewards", day);
}

/** The market's employer-record policy in force on `day` (core's default when it has published none). */
export function employerPolicy(db: DbLike, marketId: string, day: string) {
  return effectivePolicy<EmployerPolicy>(db, marketId, "employer", day);
}

export const REWARD_KINDS = ["commendation", "promotion_recommendation", "free_training", "annual_honour"] as const satisfies readonly RewardKind[];

/** What decideRewards proposes for one worker today. */
export async function rewardDecisionFor(db: DbLike, marketId: string, workerId: string, day: string) {
  const w = await findWorker(db, marketId, workerId);
  const [ratings, jobs, upheld, sanctionRows, last, sPolicy, rPolicy] = await Promise.all([
    ratingsOf(db, marketId, workerId),
    db
      .select({ completedAt: dispatches.completedAt })
      .from(dispatches)
      .where(and(eq(dispatches.marketId, marketId), eq(dispatches.workerId, workerId), eq(dispatches.status, "completed"))),
    db
      .select({ occurredOn: conductEvents.occurredOn })
      .from(conductEvents)
      .where(and(eq(conductEvents.marketId, marketId), eq(conductEvents.workerId, workerId), inArray(conductEvents.kind, ["upheld_complaint", "malicious_work"]))),
    db
      .select({ step: sanctions.step, effectiveOn: sanctions.effectiveOn, status: sanctions.status, probationUntil: sanctions.probationUntil })
      .from(sanctions)
      .where(and(eq(sanctions.marketId, marketId), eq(sanctions.workerId, workerId), inArray(sanctions.status, ["approved", "reversed"]))),
    db.select({ kind: rewards.kind, grantedOn: rewards.grantedOn }).from(rewards).where(and(eq(rewards.marketId, marketId), eq(rewards.workerId, workerId))),
    sanctionPolicy(db, marketId),
    rewardPolicy(db, marketId, day),
  ]);
  const history = sanctionRows
    .filter((s) => s.effectiveOn)
    .map((s) => ({
      step: s.step as Parameters<typeof standingOf>[1][number]["step"],
      date: s.effectiveOn!,
      ...(s.status === "reversed" ? { reversed: true } : {}),
      ...(s.probationUntil ? { endDate: s.probationUntil } : {}),
    }));
  const standing = standingOf(sPolicy, history, day);
  const status = w.status === "probation" || w.status === "expelled" ? w.status : "active";
  const decision = decideRewards(rPolicy.body, {
    today: day,
    stars: toStarGrade(w.stars),
    status,
    ratings: ratings.map((r) => ({ date: r.date, satisfied: r.satisfied })),
    completedJobs: jobs.filter((j) => j.completedAt).map((j) => today(j.completedAt!)),
    upheldComplaints: upheld.map((u) => u.occurredOn),
    sanctions: history.map((h) => ({ date: h.date, ...(h.reversed ? { reversed: true } : {}) })),
    activeSanctions: standing.activeSteps.length,
    lastRewards: last.map((l) => ({ kind: l.kind as RewardKind, date: l.grantedOn })),
  });
  return { worker: { id: w.id, name: w.name, stars: w.stars, status: w.status }, ...decision, policy: usedOf(rPolicy) };
}

/**
 * Proposals across the market: workers with enough completed jobs in the reward window to
 * qualify for anything are run through decideRewards.
 */
export async function rewardProposals(db: DbLike, marketId: string, day: string, limit: number) {
  const p = (await rewardPolicy(db, marketId, day)).body;
  const minJobs = Math.min(p.commendation.minJobs, p.freeTraining.minJobs, p.promotionRecommendation.minJobs, p.annualHonour.minJobs);
  const since = new Date(`${day}T00:00:00+08:00`);
  since.setUTCDate(since.getUTCDate() - Math.max(p.windowDays, p.annualHonour.cleanDays));
  const candidates = await db
    .select({ workerId: dispatches.workerId, n: sql<number>`count(*)::int` })
    .from(dispatches)
    .innerJoin(workers, eq(workers.id, dispatches.workerId))
    .where(and(eq(dispatches.marketId, marketId), eq(dispatches.status, "completed"), gte(dispatches.completedAt, since), eq(workers.status, "active")))
    .groupBy(dispatches.workerId)
    .having(sql`count(*) >= ${minJobs}`)
    .orderBy(desc(sql`count(*)`))
    .limit(limit);
  const out = [];
  for (const c of candidates) {
    const d = await rewardDecisionFor(db, marketId, c.workerId, day);
    if (d.proposals.length > 0) out.push({ worker: d.worker, proposals: d.proposals, policy: d.policy });
  }
  return out;
}

/** Grants a reward the rules propose for the worker today; anything else is refused. */
export async function grantReward(tx: DbLike, marketId: string, staffId: string, input: { workerId: string; kind: RewardKind; note?: string | undefined }, now: Date = new Date()) {
  const day = today(now);
  const d = await rewardDecisionFor(tx, marketId, input.workerId, day);
  const proposal = d.proposals.find((p) => p.kind === input.kind);
  if (!proposal) {
    throw new DomainError("BAD_REQUEST", "该零工目前不符合此项奖励条件", { field: "kind", messageEn: "The worker does not qualify for this reward" });
  }
  const [row] = await tx
    .insert(rewards)
    .values({ marketId, workerId: input.workerId, kind: input.kind, reasons: proposal.reasons, note: input.note ?? null, grantedBy: staffId, grantedAt: now, grantedOn: day, policyVersion: d.policy.version, policyVersionNo: d.policy.versionNo })
    .returning();
  return row!;
}

export async function listRewards(db: DbLike, marketId: string, f: { workerId?: string | undefined; limit: number }) {
  return db
    .select({
      id: rewards.id,
      workerId: rewards.workerId,
      workerName: workers.name,
      kind: rewards.kind,
      reasons: rewards.reasons,
      note: rewards.note,
      grantedOn: rewards.grantedOn,
      policyVersion: rewards.policyVersion,
      grantedByName: staffUsers.displayName,
    })
    .from(rewards)
    .innerJoin(workers, eq(workers.id, rewards.workerId))
    .innerJoin(staffUsers, eq(staffUsers.id, rewards.grantedBy))
    .where(and(eq(rewards.marketId, marketId), f.workerId ? eq(rewards.workerId, f.workerId) : undefined))
    .orderBy(desc(rewards.grantedAt))
    .limit(f.limit);
}

/** The employer's confirmed misconduct: upheld complaints against it that carry an employer event type. */
async function employerEvents(db: DbLike, marketId: string, employerId: string, day: string) {
  const rows = await db
    .select({ id: complaints.id, caseNo: complaints.caseNo, employerEvent: complaints.employerEvent, closedAt: complaints.closedAt, category: complaints.category })
    .from(complaints)
    .where(and(eq(complaints.marketId, marketId), eq(complaints.employerId, employerId), eq(complaints.respondent, "employer"), eq(complaints.upheld, true)));
  return rows.filter((r) => r.employerEvent && r.closedAt && today(r.closedAt) <= day);
}

/** The employer's record (R10): confirmed events, actions taken, and what the rule says now. */
export async function employerRecord(db: DbLike, marketId: string, employerId: string, day: string) {
  const e = await findEmployer(db, marketId, employerId);
  const [events, policy] = await Promise.all([employerEvents(db, marketId, employerId, day), employerPolicy(db, marketId, day)]);
  const decision = decideEmployerAction(policy.body, {
    events: events.map((ev) => ({ type: ev.employerEvent as EmployerEventType, date: today(ev.closedAt!) })),
    today: day,
  });
  const actions = await db
    .select()
    .from(employerActions)
    .where(and(eq(employerActions.marketId, marketId), eq(employerActions.employerId, employerId)))
    .orderBy(desc(employerActions.decidedAt));
  return { employer: e, events, decision, actions, policy: usedOf(policy) };
}

/**
 * Applies what decideEmployerAction says (warning, exclusion, or lifting a lapsed one) to the
 * employer's status, with reasons and who decided. Nothing to do is a BAD_REQUEST.
 */
export async function applyEmployerAction(tx: DbLike, marketId: string, staffId: string, input: { employerId: string; note?: string | undefined }, now: Date = new Date()) {
  const day = today(now);
  const [locked] = await tx
    .select({ id: employers.id, status: employers.status })
    .from(employers)
    .where(and(eq(employers.id, input.employerId), eq(employers.marketId, marketId)))
    .for("update");
  if (!locked) throw badRequest("用工方不存在", "employerId");
  const rec = await employerRecord(tx, marketId, input.employerId, day);
  const target = rec.decision.action === "exclusion" ? "excluded" : rec.decision.action === "warning" ? "warned" : "active";
  if (target === locked.status) throw badRequest("该用工方的处理状态无需变更", "employerId", "Nothing to change");
  const kind = rec.decision.action === "none" ? "lifted" : rec.decision.action;
  const [row] = await tx
    .insert(employerActions)
    .values({
      marketId,
      employerId: locked.id,
      kind,
      reasons: rec.decision.reasons,
      note: input.note ?? null,
      statusBefore: locked.status,
      statusAfter: target,
      until: rec.decision.reviewOn ?? null,
      decidedBy: staffId,
      decidedAt: now,
      policyVersion: rec.policy.version,
      policyVersionNo: rec.policy.versionNo,
    })
    .returning();
  const zh = rec.decision.reasons.at(-1)?.zh ?? null;
  await tx.update(employers).set({ status: target, statusReason: zh, updatedAt: now }).where(eq(employers.id, locked.id));
  return { before: locked, after: row! };
}
