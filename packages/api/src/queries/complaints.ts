import { addDays, decideEmployerAction } from "@lingong/core";
import type { EmployerActionDecision, EmployerEventType } from "@lingong/core";
import { and, eq } from "drizzle-orm";
import { DomainError, notFound, registerConstraintMessage } from "../errors.ts";
import {
  complaintNotes,
  complaints,
  type COMPLAINT_CATEGORIES,
  type COMPLAINT_PARTIES,
  type COMPLAINT_RESPONDENTS,
  type COMPLAINT_SOURCES,
  type EMPLOYER_EVENT_TYPES,
} from "../schema/complaints.ts";
import { dispatches } from "../schema/dispatches.ts";
import { conductEvents } from "../schema/workers.ts";
import { badRequest, findEmployer, findStaff, findWorker, today } from "./hall-common.ts";
import type { DbLike } from "./hall-common.ts";
import { complaintDeadlines, nextCaseNo, STATUS_LABELS, type ComplaintStatus as Status } from "./complaints-common.ts";
import { employerPolicy, type PolicyUsed } from "./rewards.ts";

registerConstraintMessage("complaints_respondent_known", { code: "BAD_REQUEST", message: "请选择被投诉的零工或用工方", field: "respondent" });
registerConstraintMessage("complaints_party_present", { code: "BAD_REQUEST", message: "请至少选择一方当事人", field: "workerId" });

type ComplaintRow = typeof complaints.$inferSelect;

export interface FileComplaintInput {
  complainant: (typeof COMPLAINT_PARTIES)[number];
  respondent: (typeof COMPLAINT_RESPONDENTS)[number];
  workerId?: string | undefined;
  employerId?: string | undefined;
  dispatchId?: string | undefined;
  category: (typeof COMPLAINT_CATEGORIES)[number];
  description: string;
  source?: (typeof COMPLAINT_SOURCES)[number] | undefined;
}

export async function fileComplaint(tx: DbLike, marketId: string, staffId: string, input: FileComplaintInput, now: Date = new Date()) {
  let workerId = input.workerId ?? null;
  let employerId = input.employerId ?? null;
  if (input.dispatchId) {
    const [d] = await tx
      .select({ workerId: dispatches.workerId, employerId: dispatches.employerId })
      .from(dispatches)
      .where(and(eq(dispatches.id, input.dispatchId), eq(dispatches.marketId, marketId)));
    if (!d) throw notFound("派工", "dispatchId");
    if (workerId && workerId !== d.workerId) throw badRequest("零工与派工记录不一致", "workerId");
    if (employerId && employerId !== d.employerId) throw badRequest("用工方与派工记录不一致", "employerId");
    workerId = d.workerId;
    employerId = d.employerId;
  }
  if (workerId) await findWorker(tx, marketId, workerId);
  if (employerId) await findEmployer(tx, marketId, employerId);
  if (input.respondent === "worker" && !workerId) throw badRequest("请选择被投诉的零工", "workerId");
  if (input.respondent === "employer" && !employerId) throw badRequest("请选择被投诉的用工方", "employerId");
  if (input.complainant === input.respondent) throw badRequest("投诉方与被投诉方不能是同一方", "complainant");
  const { acceptDays, resolveDays } = await complaintDeadlines(tx, marketId);
  const day = today(now);
  const [row] = await tx
    .insert(complaints)
    .values({
      marketId,
      caseNo: await nextCaseNo(tx, marketId, day.slice(0, 4)),
      complainant: input.complainant,
      respondent: input.respondent,
      workerId,
      employerId,
      dispatchId: input.dispatchId ?? null,
      category: input.category,
      description: input.description,
      source: input.source ?? "counter",
      filedAt: now,
      filedBy: staffId,
      acceptDeadline: addDays(day, acceptDays),
      resolveDeadline: addDays(day, resolveDays),
    })
    .returning();
  return row!;
}

async function lockComplaint(tx: DbLike, marketId: string, complaintId: string): Promise<ComplaintRow> {
  const [c] = await tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, complaintId), eq(complaints.marketId, marketId)))
    .for("update");
  if (!c) throw notFound("投诉", "complaintId");
  return c;
}

function requireStatus(c: ComplaintRow, allowed: readonly Status[], zh: string) {
  if (!allowed.includes(c.status)) {
    throw new DomainError("CONFLICT", `${zh}（当前状态：${STATUS_LABELS[c.status]}）`, { field: "complaintId", messageEn: `Not allowed in status ${c.status}` });
  }
}

async function update(tx: DbLike, id: string, set: Partial<typeof complaints.$inferInsert>, now: Date) {
  const [row] = await tx.update(complaints).set({ ...set, updatedAt: now }).where(eq(complaints.id, id)).returning();
  return row!;
}

export async function acceptComplaint(tx: DbLike, marketId: string, input: { complaintId: string; assignedTo: string }, now: Date = new Date()) {
  const c = await lockComplaint(tx, marketId, input.complaintId);
  requireStatus(c, ["filed"], "只能受理新登记的投诉");
  await findStaff(tx, marketId, input.assignedTo, "assignedTo");
  return { before: c, after: await update(tx, c.id, { status: "accepted", acceptedAt: now, assignedTo: input.assignedTo }, now) };
}

export async function assignComplaint(tx: DbLike, marketId: string, input: { complaintId: string; assignedTo: string }, now: Date = new Date()) {
  const c = await lockComplaint(tx, marketId, input.complaintId);
  requireStatus(c, ["filed", "accepted", "mediating"], "已结案的投诉不能再指派");
  await findStaff(tx, marketId, input.assignedTo, "assignedTo");
  return { before: c, after: await update(tx, c.id, { assignedTo: input.assignedTo }, now) };
}

/** A mediation note; the first note on an accepted case starts mediation. */
export async function addComplaintNote(tx: DbLike, marketId: string, staffId: string, input: { complaintId: string; body: string }, now: Date = new Date()) {
  const c = await lockComplaint(tx, marketId, input.complaintId);
  requireStatus(c, ["accepted", "mediating"], "请先受理投诉再记录调解情况");
  const [note] = await tx.insert(complaintNotes).values({ marketId, complaintId: c.id, body: input.body, writtenBy: staffId, writtenAt: now }).returning();
  const after = c.status === "accepted" ? await update(tx, c.id, { status: "mediating" }, now) : c;
  return { note: note!, before: c, after };
}

const DEFAULT_EMPLOYER_EVENT: Partial<Record<(typeof COMPLAINT_CATEGORIES)[number], EmployerEventType>> = {
  wage_arrears: "wage_arrears_confirmed",
  discrimination: "discriminatory_posting",
};

/**
 * Closes a case with its outcome. Upheld against a worker: a conduct event for the sanction ladder.
 * Upheld against an employer: the confirmed misconduct goes on the employer's record, and the
 * action the rules now call for is returned for the head to decide.
 */
export async function resolveComplaint(
  tx: DbLike,
  marketId: string,
  staffId: string,
  input: { complaintId: string; outcome: string; upheld: boolean; employerEvent?: (typeof EMPLOYER_EVENT_TYPES)[number] | undefined },
  now: Date = new Date(),
) {
  const c = await lockComplaint(tx, marketId, input.complaintId);
  requireStatus(c, ["accepted", "mediating"], "只能办结已受理或调解中的投诉");
  if (input.employerEvent && !(input.upheld && c.respondent === "employer")) throw badRequest("只有成立的针对用工方的投诉才能记入用工方记录", "employerEvent");
  const day = today(now);
  let conductEventId: string | null = null;
  let employerEvent: EmployerEventType | null = null;
  if (input.upheld && c.respondent === "worker" && c.workerId) {
    const [ev] = await tx
      .insert(conductEvents)
      .values({
        marketId,
        workerId: c.workerId,
        kind: c.category === "malicious_work" ? "malicious_work" : "upheld_complaint",
        occurredOn: day,
        source: "complaint",
        sourceId: c.id,
        note: `投诉 ${c.caseNo} 经调查成立`,
        createdBy: staffId,
      })
      .returning({ id: conductEvents.id });
    conductEventId = ev!.id;
  }
  if (input.upheld && c.respondent === "employer") employerEvent = input.employerEvent ?? DEFAULT_EMPLOYER_EVENT[c.category] ?? null;
  const after = await update(
    tx,
    c.id,
    { status: "resolved", outcome: input.outcome, upheld: input.upheld, closedAt: now, closedBy: staffId, conductEventId, employerEvent },
    now,
  );
  let employerDecision: (EmployerActionDecision & { policy: PolicyUsed }) | null = null;
  if (employerEvent && c.employerId) {
    const policy = await employerPolicy(tx, marketId, day);
    const events = await tx
      .select({ employerEvent: complaints.employerEvent, closedAt: complaints.closedAt })
      .from(complaints)
      .where(and(eq(complaints.marketId, marketId), eq(complaints.employerId, c.employerId), eq(complaints.upheld, true)));
    const decision = decideEmployerAction(policy.body, {
      // Only what was on record by now (matters when cases are entered after the fact).
      events: events
        .filter((e) => e.employerEvent && e.closedAt && e.closedAt.getTime() <= now.getTime())
        .map((e) => ({ type: e.employerEvent as EmployerEventType, date: today(e.closedAt!) })),
      today: day,
    });
    employerDecision = { ...decision, policy: { version: policy.body.version, versionNo: policy.version } };
  }
  return { before: c, after, conductEventId, employerDecision };
}

export async function referComplaint(
  tx: DbLike,
  marketId: string,
  staffId: string,
  input: { complaintId: string; to: "inspection" | "arbitration"; outcome: string },
  now: Date = new Date(),
) {
  const c = await lockComplaint(tx, marketId, input.complaintId);
  requireStatus(c, ["accepted", "mediating"], "只能移送已受理或调解中的投诉");
  const status = input.to === "inspection" ? "referred_inspection" : "referred_arbitration";
  return { before: c, after: await update(tx, c.id, { status, outcome: input.outcome, closedAt: now, closedBy: staffId }, now) };
}

export async function withdrawComplaint(tx: DbLike, marketId: string, staffId: string, input: { complaintId: string; reason: string }, now: Date = new Date()) {
  const c = await lockComplaint(tx, marketId, input.complaintId);
  requireStatus(c, ["filed", "accepted", "mediating"], "已结案的投诉不能撤回");
  return { before: c, after: await update(tx, c.id, { status: "withdrawn", outcome: input.reason, closedAt: now, closedBy: staffId }, now) };
}

// Reads and the arrears sweep live in their own modules; the router, seeds and scheduler keep importing them from here.
export { complaintDeadlines, STATUS_LABELS } from "./complaints-common.ts";
export { getComplaint, listComplaints } from "./complaints-read.ts";
export { openArrearsCases } from "./complaints-arrears.ts";
