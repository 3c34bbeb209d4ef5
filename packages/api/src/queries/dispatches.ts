import { addDays, shanghaiDate } from "@lingong/core";
import { and, asc, desc, eq, gt, lt, sql, type SQL } from "drizzle-orm";
import { DomainError, notFound, registerConstraintMessage } from "../errors.ts";
import { dispatches, type DispatchStatus } from "../schema/dispatches.ts";
import { employers } from "../schema/employers.ts";
import { jobOrders } from "../schema/orders.ts";
import { shortlists } from "../schema/matching.ts";
import { conductEvents, workers } from "../schema/workers.ts";
import { loadOrder, refreshFill } from "./orders.ts";
import { assertProcessable, loadWorker } from "./workers.ts";
import { badRequest, marketSettings, shanghaiInstant, todayShanghai, type DbLike } from "./workforce-common.ts";
import type { Actor } from "./workers.ts";

// Dispatches: worker x job order x time range. The exclusion constraint `dispatches_no_overlap`
// is the guard against double booking; code checks first only to give a friendlier message.
registerConstraintMessage("dispatches_no_overlap", { code: "CONFLICT", message: "该零工在此时间段已有派工", field: "workerId", messageEn: "The worker already has a dispatch in this period" });
registerConstraintMessage("job_orders_filled", { code: "CONFLICT", message: "该需求人数已满", field: "orderId", messageEn: "The order is already filled" });
registerConstraintMessage("job_orders_transition", { code: "CONFLICT", message: "需求状态不允许此操作", field: "orderId", messageEn: "Order state does not allow this" });

export interface CreateDispatchInput {
  orderId: string;
  workerId: string;
  /** Defaults: 08:00 on the order's start day to 18:00 on its end day, Asia/Shanghai. */
  startsAt?: Date | undefined;
  endsAt?: Date | undefined;
  agreedWageFen?: number | undefined;
  shortlistId?: string | undefined;
}

export type DispatchRow = typeof dispatches.$inferSelect;

export async function createDispatch(tx: DbLike, actor: Actor, input: CreateDispatchInput, opts: { now?: Date; allowPast?: boolean } = {}) {
  const now = opts.now ?? new Date();
  // Lock the order first so fill counts of concurrent dispatches are serialised.
  const order = await loadOrder(tx, actor.marketId, input.orderId, true);
  if (!["published", "partly_filled"].includes(order.status)) {
    const msg = order.status === "filled" ? "该需求人数已满" : order.status === "draft" ? "需求尚未发布，不能派工" : "需求已结束或已取消，不能派工";
    throw new DomainError("PRECONDITION_FAILED", msg, { field: "orderId", messageEn: "Order is not open for dispatch" });
  }
  const worker = await loadWorker(tx, actor.marketId, input.workerId);
  assertProcessable(worker);
  if (worker.status === "expelled") throw new DomainError("PRECONDITION_FAILED", "该零工已被逐出市场，不能派工", { field: "workerId", messageEn: "Worker is expelled" });
  if (worker.status === "probation") throw new DomainError("PRECONDITION_FAILED", "该零工处于候场查看期，暂不派工", { field: "workerId", messageEn: "Worker is on probation" });
  const startsAt = input.startsAt ?? shanghaiInstant(order.startDate, "08:00");
  const endsAt = input.endsAt ?? shanghaiInstant(order.endDate, "18:00");
  if (!(endsAt.getTime() > startsAt.getTime())) throw badRequest("结束时间必须晚于开始时间", "endsAt", "End must be after start");
  const startDay = shanghaiDate(startsAt);
  const endDay = shanghaiDate(new Date(endsAt.getTime() - 1));
  if (startDay < order.startDate || endDay > order.endDate) throw badRequest("派工时间须在需求的起止日期之内", "startsAt", "Dispatch period must lie within the order's dates");
  if (!opts.allowPast && endDay < todayShanghai(now)) throw badRequest("不能为已经过去的日期派工", "startsAt", "Period is in the past");
  if (input.shortlistId) {
    const [s] = await tx.select({ id: shortlists.id }).from(shortlists).where(and(eq(shortlists.id, input.shortlistId), eq(shortlists.marketId, actor.marketId), eq(shortlists.orderId, order.id), eq(shortlists.workerId, worker.id)));
    if (!s) throw notFound("候选名单记录", "shortlistId");
  }
  const [row] = await tx
    .insert(dispatches)
    .values({
      marketId: actor.marketId,
      orderId: order.id,
      workerId: worker.id,
      employerId: order.employerId,
      shortlistId: input.shortlistId ?? null,
      startsAt,
      endsAt,
      agreedWageFen: input.agreedWageFen ?? order.wageFen,
      wageUnit: order.wageUnit,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error("dispatch insert returned nothing");
  if (input.shortlistId) await tx.update(shortlists).set({ status: "dispatched" }).where(eq(shortlists.id, input.shortlistId));
  const updated = await refreshFill(tx, order.id, now);
  return { dispatch: row, order: updated };
}

async function loadDispatch(tx: DbLike, marketId: string, dispatchId: string): Promise<DispatchRow> {
  const [d] = await tx.select().from(dispatches).where(and(eq(dispatches.id, dispatchId), eq(dispatches.marketId, marketId))).for("update");
  if (!d) throw notFound("派工", "dispatchId");
  return d;
}

const TRANSITIONS: Record<string, DispatchStatus[]> = {
  start: ["assigned"],
  complete: ["assigned", "started"],
  noShow: ["assigned"],
  cancel: ["assigned"],
  confirmPaid: ["started", "completed"],
};
const STATUS_ZH: Record<DispatchStatus, string> = { assigned: "已派工", started: "已开工", completed: "已完工", no_show: "未到岗", cancelled: "已取消" };

/** Moves a dispatch along assigned -> started -> completed, or to no_show / cancelled. */
export async function transitionDispatch(
  tx: DbLike,
  actor: Actor,
  dispatchId: string,
  action: "start" | "complete" | "noShow" | "cancel" | "confirmPaid",
  opts: { reason?: string | undefined; now?: Date; lateCancellation?: boolean } = {},
) {
  const now = opts.now ?? new Date();
  const d = await loadDispatch(tx, actor.marketId, dispatchId);
  const allowed = TRANSITIONS[action] ?? [];
  if (!allowed.includes(d.status)) {
    throw new DomainError("PRECONDITION_FAILED", `派工当前为“${STATUS_ZH[d.status]}”，不能执行此操作`, { field: "dispatchId", messageEn: `Dispatch is ${d.status}` });
  }
  await loadOrder(tx, actor.marketId, d.orderId, true);
  let set: Partial<typeof dispatches.$inferInsert>;
  switch (action) {
    case "start":
      set = { status: "started", startedAt: now };
      break;
    case "complete":
      set = { status: "completed", completedAt: now, startedAt: d.startedAt ?? d.startsAt };
      break;
    case "noShow":
      set = { status: "no_show", noShowAt: now };
      break;
    case "cancel":
      set = { status: "cancelled", cancelledAt: now, cancelReason: opts.reason ?? null };
      break;
    case "confirmPaid":
      if (d.paidConfirmedAt) throw new DomainError("CONFLICT", "已确认收到工钱", { field: "dispatchId", messageEn: "Payment already confirmed" });
      set = { paidConfirmedAt: now };
      break;
  }
  const [row] = await tx.update(dispatches).set({ ...set, updatedAt: now }).where(eq(dispatches.id, dispatchId)).returning();
  if (!row) throw notFound("派工", "dispatchId");
  if (action === "noShow" || (action === "cancel" && opts.lateCancellation)) {
    await tx.insert(conductEvents).values({
      marketId: actor.marketId,
      workerId: d.workerId,
      kind: action === "noShow" ? "no_show" : "late_cancellation",
      occurredOn: shanghaiDate(d.startsAt),
      source: "dispatch",
      sourceId: d.id,
      note: opts.reason ?? null,
      createdBy: actor.userId,
      createdAt: now,
    });
  }
  const order = action === "confirmPaid" || action === "start" ? undefined : await refreshFill(tx, d.orderId, now);
  return { before: d, dispatch: row, order };
}

const dispatchColumns = {
  id: dispatches.id,
  orderId: dispatches.orderId,
  orderNo: jobOrders.orderNo,
  tradeCode: jobOrders.tradeCode,
  place: jobOrders.place,
  townshipId: jobOrders.townshipId,
  employerId: dispatches.employerId,
  employerName: employers.name,
  workerId: dispatches.workerId,
  workerNo: workers.workerNo,
  workerName: workers.name,
  workerPhoneMasked: workers.phoneMasked,
  startsAt: dispatches.startsAt,
  endsAt: dispatches.endsAt,
  status: dispatches.status,
  agreedWageFen: dispatches.agreedWageFen,
  wageUnit: dispatches.wageUnit,
  startedAt: dispatches.startedAt,
  completedAt: dispatches.completedAt,
  paidConfirmedAt: dispatches.paidConfirmedAt,
};

type ListRow = { status: DispatchStatus; completedAt: Date | null; paidConfirmedAt: Date | null };

/** Adds `arrearsSuspected`: completed, not confirmed paid, more than N days ago (market setting). */
function flagArrears<T extends ListRow>(rows: T[], arrearsAfterDays: number, now: Date): (T & { arrearsSuspected: boolean })[] {
  const limit = now.getTime() - arrearsAfterDays * 86_400_000;
  return rows.map((r) => ({ ...r, arrearsSuspected: r.status === "completed" && r.paidConfirmedAt === null && r.completedAt !== null && r.completedAt.getTime() < limit }));
}

function listQuery(db: DbLike, where: SQL[]) {
  return db
    .select(dispatchColumns)
    .from(dispatches)
    .innerJoin(jobOrders, eq(jobOrders.id, dispatches.orderId))
    .innerJoin(employers, eq(employers.id, dispatches.employerId))
    .innerJoin(workers, eq(workers.id, dispatches.workerId))
    .where(and(...where));
}

/** Today's board: dispatches whose period touches today (Asia/Shanghai). */
export async function todayBoard(db: DbLike, marketId: string, day = todayShanghai(), now = new Date()) {
  const from = shanghaiInstant(day, "00:00");
  const to = shanghaiInstant(addDays(day, 1), "00:00");
  const rows = await listQuery(db, [eq(dispatches.marketId, marketId), lt(dispatches.startsAt, to), gt(dispatches.endsAt, from)]).orderBy(asc(dispatches.startsAt), asc(workers.workerNo));
  const { arrearsAfterDays } = await marketSettings(db, marketId);
  return flagArrears(rows, arrearsAfterDays, now);
}

export async function listByWorker(db: DbLike, marketId: string, workerId: string, limit = 100, now = new Date()) {
  await loadWorker(db, marketId, workerId);
  const rows = await listQuery(db, [eq(dispatches.marketId, marketId), eq(dispatches.workerId, workerId)]).orderBy(desc(dispatches.startsAt)).limit(limit);
  const { arrearsAfterDays } = await marketSettings(db, marketId);
  return flagArrears(rows, arrearsAfterDays, now);
}

export async function listByOrder(db: DbLike, marketId: string, orderId: string, now = new Date()) {
  await loadOrder(db, marketId, orderId);
  const rows = await listQuery(db, [eq(dispatches.marketId, marketId), eq(dispatches.orderId, orderId)]).orderBy(asc(workers.workerNo));
  const { arrearsAfterDays } = await marketSettings(db, marketId);
  return flagArrears(rows, arrearsAfterDays, now);
}

/** Completed dispatches with no paid confirmation for more than N days (for the rights officer). */
export async function arrearsSuspected(db: DbLike, marketId: string, now = new Date(), limit = 200) {
  const { arrearsAfterDays } = await marketSettings(db, marketId);
  const before = new Date(now.getTime() - arrearsAfterDays * 86_400_000);
  const rows = await listQuery(db, [
    eq(dispatches.marketId, marketId),
    eq(dispatches.status, "completed"),
    sql`${dispatches.paidConfirmedAt} is null`,
    lt(dispatches.completedAt, before),
  ])
    .orderBy(asc(dispatches.completedAt))
    .limit(limit);
  return flagArrears(rows, arrearsAfterDays, now);
}

