import { DEFAULT_EMPLOYER_POLICY, addDays, decideEmployerAction } from "@lingong/core";
import type { EmployerEventType } from "@lingong/core";
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { DomainError, notFound, registerConstraintMessage } from "../errors.ts";
import { markets, staffUsers } from "../schema/core.ts";
import {
  COMPLAINT_CLOSED_STATUSES,
  complaintNotes,
  complaints,
  type COMPLAINT_CATEGORIES,
  type COMPLAINT_PARTIES,
  type COMPLAINT_RESPONDENTS,
  type COMPLAINT_SOURCES,
  type COMPLAINT_STATUSES,
  type EMPLOYER_EVENT_TYPES,
} from "../schema/complaints.ts";
import { dispatches } from "../schema/dispatches.ts";
import { employers } from "../schema/employers.ts";
import { conductEvents, workers } from "../schema/workers.ts";
import { badRequest, findEmployer, findStaff, findWorker, today } from "./hall-common.ts";
import type { DbLike } from "./hall-common.ts";
import { lockKey, marketSettings, rowsOf } from "./workforce-common.ts";

registerConstraintMessage("complaints_respondent_known", { code: "BAD_REQUEST", message: "请选择被投诉的零工或用工方", field: "respondent" });
registerConstraintMessage("complaints_party_present", { code: "BAD_REQUEST", message: "请至少选择一方当事人", field: "workerId" });

type Status = (typeof COMPLAINT_STATUSES)[number];
type ComplaintRow = typeof complaints.$inferSelect;
const CLOSED: readonly Status[] = COMPLAINT_CLOSED_STATUSES;

/** From the market's settings: accept within 3 days, resolve within 30, look back 30 days for arrears, unless set. */
export async function complaintDeadlines(db: DbLike, marketId: string) {
  const [m] = await db.select({ settings: markets.settings }).from(markets).where(eq(markets.id, marketId));
  const s = m?.settings ?? {};
  const num = (v: unknown, d: number) => (typeof v === "number" && Number.isInteger(v) && v > 0 && v <= 365 ? v : d);
  return { acceptDays: num(s.complaintAcceptDays, 3), resolveDays: num(s.complaintResolveDays, 30), arrearsLookbackDays: num(s.arrearsLookbackDays, 30) };
}

async function nextCaseNo(tx: DbLike, marketId: string, year: string): Promise<string> {
  await lockKey(tx, `no:complaints:${marketId}`);
  const prefix = `TS${year}`;
  const rows = await tx.execute<{ n: number | string | null }>(
    sql`select max(substring(case_no from ${prefix.length + 1}::int)::int) as n from ${complaints}
        where market_id = ${marketId} and case_no like ${`${prefix}%`} and substring(case_no from ${prefix.length + 1}::int) ~ '^[0-9]+$'`,
  );
  const n = Number(rowsOf<{ n: number | string | null }>(rows)[0]?.n ?? 0) + 1;
  return `${prefix}${String(n).padStart(4, "0")}`;
}

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

export const STATUS_LABELS: Record<Status, string> = {
  filed: "已登记",
  accepted: "已受理",
  mediating: "调解中",
  resolved: "已办结",
  referred_inspection: "已移送劳动监察",
  referred_arbitration: "已移送劳动仲裁",
  withdrawn: "已撤回",
};

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
  let employerDecision = null;
  if (employerEvent && c.employerId) {
    const events = await tx
      .select({ employerEvent: complaints.employerEvent, closedAt: complaints.closedAt })
      .from(complaints)
      .where(and(eq(complaints.marketId, marketId), eq(complaints.employerId, c.employerId), eq(complaints.upheld, true)));
    employerDecision = decideEmployerAction(DEFAULT_EMPLOYER_POLICY, {
      // Only what was on record by now (matters when cases are entered after the fact).
      events: events
        .filter((e) => e.employerEvent && e.closedAt && e.closedAt.getTime() <= now.getTime())
        .map((e) => ({ type: e.employerEvent as EmployerEventType, date: today(e.closedAt!) })),
      today: day,
    });
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

function overdueOf(c: { status: Status; acceptDeadline: string; resolveDeadline: string }, day: string): boolean {
  if (c.status === "filed") return c.acceptDeadline < day || c.resolveDeadline < day;
  if (c.status === "accepted" || c.status === "mediating") return c.resolveDeadline < day;
  return false;
}

export async function listComplaints(
  db: DbLike,
  marketId: string,
  f: {
    status?: Status | undefined;
    open?: boolean | undefined;
    category?: (typeof COMPLAINT_CATEGORIES)[number] | undefined;
    overdue?: boolean | undefined;
    workerId?: string | undefined;
    employerId?: string | undefined;
    assignedTo?: string | undefined;
    limit: number;
  },
  day: string,
) {
  const overdueSql = or(
    and(eq(complaints.status, "filed"), lt(complaints.acceptDeadline, day)),
    and(inArray(complaints.status, ["filed", "accepted", "mediating"]), lt(complaints.resolveDeadline, day)),
  );
  const rows = await db
    .select({
      id: complaints.id,
      caseNo: complaints.caseNo,
      complainant: complaints.complainant,
      respondent: complaints.respondent,
      workerId: complaints.workerId,
      workerName: workers.name,
      employerId: complaints.employerId,
      employerName: employers.name,
      category: complaints.category,
      description: complaints.description,
      source: complaints.source,
      status: complaints.status,
      assignedTo: complaints.assignedTo,
      assignedToName: staffUsers.displayName,
      filedAt: complaints.filedAt,
      acceptDeadline: complaints.acceptDeadline,
      resolveDeadline: complaints.resolveDeadline,
      closedAt: complaints.closedAt,
      outcome: complaints.outcome,
      upheld: complaints.upheld,
    })
    .from(complaints)
    .leftJoin(workers, eq(workers.id, complaints.workerId))
    .leftJoin(employers, eq(employers.id, complaints.employerId))
    .leftJoin(staffUsers, eq(staffUsers.id, complaints.assignedTo))
    .where(
      and(
        eq(complaints.marketId, marketId),
        f.status ? eq(complaints.status, f.status) : undefined,
        f.open === true ? inArray(complaints.status, ["filed", "accepted", "mediating"]) : f.open === false ? inArray(complaints.status, [...CLOSED]) : undefined,
        f.category ? eq(complaints.category, f.category) : undefined,
        f.overdue ? overdueSql : undefined,
        f.workerId ? eq(complaints.workerId, f.workerId) : undefined,
        f.employerId ? eq(complaints.employerId, f.employerId) : undefined,
        f.assignedTo ? eq(complaints.assignedTo, f.assignedTo) : undefined,
      ),
    )
    .orderBy(desc(complaints.filedAt))
    .limit(f.limit);
  return rows.map((r) => ({ ...r, statusLabel: STATUS_LABELS[r.status], overdue: overdueOf(r, day) }));
}

export async function getComplaint(db: DbLike, marketId: string, complaintId: string, day: string) {
  const [c] = await db.select().from(complaints).where(and(eq(complaints.id, complaintId), eq(complaints.marketId, marketId)));
  if (!c) throw notFound("投诉", "complaintId");
  const [notes, worker, employer] = await Promise.all([
    db
      .select({ id: complaintNotes.id, body: complaintNotes.body, writtenAt: complaintNotes.writtenAt, writtenByName: staffUsers.displayName })
      .from(complaintNotes)
      .innerJoin(staffUsers, eq(staffUsers.id, complaintNotes.writtenBy))
      .where(and(eq(complaintNotes.marketId, marketId), eq(complaintNotes.complaintId, c.id)))
      .orderBy(asc(complaintNotes.writtenAt)),
    c.workerId ? db.select({ id: workers.id, name: workers.name, workerNo: workers.workerNo, phoneMasked: workers.phoneMasked }).from(workers).where(eq(workers.id, c.workerId)) : [],
    c.employerId ? db.select({ id: employers.id, name: employers.name, contactName: employers.contactName, contactPhoneMasked: employers.contactPhoneMasked }).from(employers).where(eq(employers.id, c.employerId)) : [],
  ]);
  return { ...c, statusLabel: STATUS_LABELS[c.status], overdue: overdueOf(c, day), notes, worker: worker[0] ?? null, employer: employer[0] ?? null };
}

/**
 * Opens a wage-arrears case for every completed dispatch the worker has not confirmed as paid
 * within the market's `arrearsAfterDays` (looking back `arrearsLookbackDays` before that). Idempotent: a partial unique index keeps one automatic
 * case per dispatch, so running it again (or twice at once) opens nothing new. `staffId` is null
 * when the scheduler (src/ops/scheduler.ts) runs it: the case is then filed by the system.
 */
export async function openArrearsCases(tx: DbLike, marketId: string, staffId: string | null, now: Date = new Date()) {
  const { arrearsAfterDays } = await marketSettings(tx, marketId);
  const cutoff = new Date(now.getTime() - arrearsAfterDays * 86_400_000);
  // Older unconfirmed jobs are left to staff: workers stop confirming long after being paid.
  const { arrearsLookbackDays } = await complaintDeadlines(tx, marketId);
  const since = new Date(cutoff.getTime() - arrearsLookbackDays * 86_400_000);
  const suspects = await tx
    .select({ id: dispatches.id, workerId: dispatches.workerId, employerId: dispatches.employerId, completedAt: dispatches.completedAt, employerName: employers.name })
    .from(dispatches)
    .innerJoin(employers, eq(employers.id, dispatches.employerId))
    .leftJoin(complaints, and(eq(complaints.marketId, dispatches.marketId), eq(complaints.dispatchId, dispatches.id), eq(complaints.source, "auto_arrears")))
    .where(
      and(
        eq(dispatches.marketId, marketId),
        eq(dispatches.status, "completed"),
        isNull(dispatches.paidConfirmedAt),
        lt(dispatches.completedAt, cutoff),
        gte(dispatches.completedAt, since),
        isNull(complaints.id),
      ),
    )
    .orderBy(asc(dispatches.completedAt));
  const { acceptDays, resolveDays } = await complaintDeadlines(tx, marketId);
  const day = today(now);
  const opened: { complaintId: string; caseNo: string; dispatchId: string }[] = [];
  for (const s of suspects) {
    const caseNo = await nextCaseNo(tx, marketId, day.slice(0, 4));
    const [row] = await tx
      .insert(complaints)
      .values({
        marketId,
        caseNo,
        complainant: "worker",
        respondent: "employer",
        workerId: s.workerId,
        employerId: s.employerId,
        dispatchId: s.id,
        category: "wage_arrears",
        description: `系统核查：派工于 ${today(s.completedAt!)} 完工，超过 ${arrearsAfterDays} 天零工仍未确认收到工资，疑似欠薪，请核实。`,
        source: "auto_arrears",
        filedAt: now,
        filedBy: staffId,
        acceptDeadline: addDays(day, acceptDays),
        resolveDeadline: addDays(day, resolveDays),
      })
      .onConflictDoNothing()
      .returning({ id: complaints.id, caseNo: complaints.caseNo });
    if (row) opened.push({ complaintId: row.id, caseNo: row.caseNo, dispatchId: s.id });
  }
  return opened;
}
