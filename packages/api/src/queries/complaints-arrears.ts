import { addDays } from "@lingong/core";
import { and, asc, eq, gte, isNull, lt } from "drizzle-orm";
import { complaints } from "../schema/complaints.ts";
import { dispatches } from "../schema/dispatches.ts";
import { employers } from "../schema/employers.ts";
import { today, type DbLike } from "./hall-common.ts";
import { marketSettings } from "./workforce-common.ts";
import { complaintDeadlines, nextCaseNo } from "./complaints-common.ts";

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
