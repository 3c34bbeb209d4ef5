import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { notFound, registerConstraintMessage } from "../errors.ts";
import { dispatches } from "../schema/dispatches.ts";
import { employers } from "../schema/employers.ts";
import { followups, type FOLLOWUP_CHANNELS } from "../schema/followups.ts";
import { jobOrders } from "../schema/orders.ts";
import { staffUsers } from "../schema/core.ts";
import { workers } from "../schema/workers.ts";
import { badRequest, findWorker, today } from "./hall-common.ts";
import type { DbLike } from "./hall-common.ts";

registerConstraintMessage("followups_market_dispatch_idx", { code: "CONFLICT", message: "该派工已回访", field: "dispatchId", messageEn: "This dispatch already has a follow-up" });

export interface FollowupInput {
  dispatchId: string;
  visitedAt?: Date | undefined;
  channel: (typeof FOLLOWUP_CHANNELS)[number];
  attitude: number;
  quality: number;
  satisfied: boolean;
  comment?: string | undefined;
}

/** Completed dispatches nobody has called back on yet, oldest first. */
export async function dueFollowups(db: DbLike, marketId: string, limit: number) {
  const rows = await db
    .select({
      dispatchId: dispatches.id,
      workerId: workers.id,
      workerName: workers.name,
      workerNo: workers.workerNo,
      employerId: employers.id,
      employerName: employers.name,
      contactName: employers.contactName,
      contactPhoneMasked: employers.contactPhoneMasked,
      orderNo: jobOrders.orderNo,
      tradeCode: jobOrders.tradeCode,
      place: jobOrders.place,
      completedAt: dispatches.completedAt,
    })
    .from(dispatches)
    .innerJoin(workers, eq(workers.id, dispatches.workerId))
    .innerJoin(employers, eq(employers.id, dispatches.employerId))
    .innerJoin(jobOrders, eq(jobOrders.id, dispatches.orderId))
    .leftJoin(followups, and(eq(followups.marketId, dispatches.marketId), eq(followups.dispatchId, dispatches.id)))
    .where(and(eq(dispatches.marketId, marketId), eq(dispatches.status, "completed"), isNull(followups.id)))
    .orderBy(asc(dispatches.completedAt))
    .limit(limit);
  const now = today();
  return rows.map((r) => ({ ...r, daysSinceCompletion: r.completedAt ? Math.max(0, Math.floor((Date.parse(`${now}T00:00:00+08:00`) - Date.parse(`${today(r.completedAt)}T00:00:00+08:00`)) / 86_400_000)) : 0 }));
}

export async function recordFollowup(tx: DbLike, marketId: string, staffId: string, input: FollowupInput, now: Date = new Date()) {
  const [d] = await tx
    .select()
    .from(dispatches)
    .where(and(eq(dispatches.id, input.dispatchId), eq(dispatches.marketId, marketId)));
  if (!d) throw notFound("派工", "dispatchId");
  if (d.status !== "completed" || !d.completedAt) throw badRequest("只能对已完工的派工进行回访", "dispatchId", "Only completed dispatches can be followed up");
  const visitedAt = input.visitedAt ?? now;
  if (visitedAt.getTime() > now.getTime() + 60_000) throw badRequest("回访时间不能晚于现在", "visitedAt", "Visit time is in the future");
  if (visitedAt.getTime() < d.startsAt.getTime()) throw badRequest("回访时间不能早于开工时间", "visitedAt", "Visit before the job started");
  const [row] = await tx
    .insert(followups)
    .values({
      marketId,
      dispatchId: d.id,
      workerId: d.workerId,
      employerId: d.employerId,
      visitedAt,
      visitedBy: staffId,
      channel: input.channel,
      attitude: input.attitude,
      quality: input.quality,
      satisfied: input.satisfied,
      comment: input.comment ?? null,
    })
    .returning();
  return row!;
}

export async function followupsByWorker(db: DbLike, marketId: string, workerId: string) {
  await findWorker(db, marketId, workerId);
  const rows = await db
    .select({
      id: followups.id,
      dispatchId: followups.dispatchId,
      employerName: employers.name,
      tradeCode: jobOrders.tradeCode,
      visitedAt: followups.visitedAt,
      visitedByName: staffUsers.displayName,
      channel: followups.channel,
      attitude: followups.attitude,
      quality: followups.quality,
      satisfied: followups.satisfied,
      comment: followups.comment,
    })
    .from(followups)
    .innerJoin(dispatches, eq(dispatches.id, followups.dispatchId))
    .innerJoin(jobOrders, eq(jobOrders.id, dispatches.orderId))
    .innerJoin(employers, eq(employers.id, followups.employerId))
    .innerJoin(staffUsers, eq(staffUsers.id, followups.visitedBy))
    .where(and(eq(followups.marketId, marketId), eq(followups.workerId, workerId)))
    .orderBy(desc(followups.visitedAt));
  const n = rows.length;
  const satisfied = rows.filter((r) => r.satisfied).length;
  return {
    items: rows,
    summary: {
      rated: n,
      satisfied,
      satisfactionRate: n === 0 ? null : satisfied / n,
      meanAttitude: n === 0 ? null : rows.reduce((s, r) => s + r.attitude, 0) / n,
      meanQuality: n === 0 ? null : rows.reduce((s, r) => s + r.quality, 0) / n,
    },
  };
}

/** Ratings of a worker as the review rule reads them (day of the visit in Asia/Shanghai). */
export async function ratingsOf(db: DbLike, marketId: string, workerId: string) {
  const rows = await db
    .select({ visitedAt: followups.visitedAt, attitude: followups.attitude, quality: followups.quality, satisfied: followups.satisfied })
    .from(followups)
    .where(and(eq(followups.marketId, marketId), eq(followups.workerId, workerId)))
    .orderBy(desc(followups.visitedAt));
  return rows.map((r) => ({ date: today(r.visitedAt), attitude: r.attitude, quality: r.quality, satisfied: r.satisfied }));
}

