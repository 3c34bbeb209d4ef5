import { and, asc, desc, eq, inArray, lt, or } from "drizzle-orm";
import { notFound } from "../errors.ts";
import { staffUsers } from "../schema/core.ts";
import { COMPLAINT_CLOSED_STATUSES, complaintNotes, complaints, type COMPLAINT_CATEGORIES } from "../schema/complaints.ts";
import { employers } from "../schema/employers.ts";
import { workers } from "../schema/workers.ts";
import type { DbLike } from "./hall-common.ts";
import { STATUS_LABELS, type ComplaintStatus as Status } from "./complaints-common.ts";

const CLOSED: readonly Status[] = COMPLAINT_CLOSED_STATUSES;

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
