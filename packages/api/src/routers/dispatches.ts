import { z } from "zod";
import { mutate } from "../audit.ts";
import { requireMarket } from "../context.ts";
import { ROLES } from "../roles.ts";
import { router, staffProcedure } from "../trpc.ts";
import { arrearsSuspected, createDispatch, listByOrder, listByWorker, todayBoard, transitionDispatch } from "../queries/dispatches.ts";
import { todayShanghai, zFenPositive, zIdempotencyKey, zIsoDate, zReason, zUuid } from "../queries/workforce-common.ts";

// Dispatches (派工): create, the day's board, start/complete/no-show/cancel, the worker's paid
// confirmation. Lists flag `arrearsSuspected` for completed work not confirmed paid in time.
const actorOf = (ctx: { marketId: string | null; user: { id: string } }) => ({ marketId: requireMarket(ctx), userId: ctx.user.id });
const zInstant = z.coerce.date({ message: "时间格式不正确" });

const transition = (action: "start" | "complete" | "noShow" | "cancel" | "confirmPaid") =>
  staffProcedure(ROLES.counter)
    .input(z.object({ dispatchId: zUuid("派工编号"), reason: zReason.optional(), lateCancellation: z.boolean().optional(), idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: `dispatches.${action}`, targetType: "dispatch", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await transitionDispatch(tx, actor, input.dispatchId, action, { reason: input.reason, lateCancellation: input.lateCancellation === true });
        return {
          result: { dispatch: r.dispatch, orderStatus: r.order?.status ?? null },
          targetId: input.dispatchId,
          before: { status: r.before.status, paidConfirmedAt: r.before.paidConfirmedAt },
          after: { status: r.dispatch.status, paidConfirmedAt: r.dispatch.paidConfirmedAt },
          detail: input.reason ? { reason: input.reason } : undefined,
        };
      });
    });

export const dispatchesRouter = router({
  create: staffProcedure(ROLES.counter)
    .input(
      z
        .object({
          orderId: zUuid("需求编号"),
          workerId: zUuid("零工编号"),
          startsAt: zInstant.optional(),
          endsAt: zInstant.optional(),
          agreedWageFen: zFenPositive.optional(),
          shortlistId: zUuid("候选名单编号").optional(),
          idempotencyKey: zIdempotencyKey,
        })
        .refine((v) => !v.startsAt || !v.endsAt || v.endsAt > v.startsAt, { message: "结束时间必须晚于开始时间", path: ["endsAt"] }),
    )
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      const { idempotencyKey, ...fields } = input;
      return mutate(ctx, { action: "dispatches.create", targetType: "dispatch", idempotencyKey }, async (tx) => {
        const r = await createDispatch(tx, actor, fields);
        return {
          result: { dispatch: r.dispatch, orderStatus: r.order?.status ?? null, filledCount: r.order?.filledCount ?? null },
          targetId: r.dispatch.id,
          after: { orderId: r.dispatch.orderId, workerId: r.dispatch.workerId, startsAt: r.dispatch.startsAt, endsAt: r.dispatch.endsAt, agreedWageFen: r.dispatch.agreedWageFen },
        };
      });
    }),

  start: transition("start"),
  complete: transition("complete"),
  noShow: transition("noShow"),
  cancel: transition("cancel"),
  /** The worker says they were paid (recorded by staff at the counter or on the phone). */
  confirmPaid: transition("confirmPaid"),

  today: staffProcedure(ROLES.staffAndLeaders)
    .input(z.object({ day: zIsoDate.optional() }).optional())
    .query(({ ctx, input }) => todayBoard(ctx.db, requireMarket(ctx), input?.day ?? todayShanghai())),

  listByWorker: staffProcedure(ROLES.staffAndLeaders)
    .input(z.object({ workerId: zUuid("零工编号"), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => listByWorker(ctx.db, requireMarket(ctx), input.workerId, input.limit)),

  listByOrder: staffProcedure(ROLES.staffAndLeaders)
    .input(z.object({ orderId: zUuid("需求编号") }))
    .query(({ ctx, input }) => listByOrder(ctx.db, requireMarket(ctx), input.orderId)),

  /** Completed work without the worker's paid confirmation after the market's N days. */
  arrears: staffProcedure(ROLES.rights)
    .input(z.object({ limit: z.number().int().min(1).max(500).default(200) }).optional())
    .query(({ ctx, input }) => arrearsSuspected(ctx.db, requireMarket(ctx), new Date(), input?.limit ?? 200)),
});
