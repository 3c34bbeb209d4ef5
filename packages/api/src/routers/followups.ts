import { z } from "zod";
import { mutate } from "../audit.ts";
import { ROLES } from "../roles.ts";
import { FOLLOWUP_CHANNELS } from "../schema/followups.ts";
import { router, staffProcedure } from "../trpc.ts";
import { dueFollowups, followupsByWorker, recordFollowup } from "../queries/followups.ts";
import { requireMarket, zId, zIdem, zOptText } from "../queries/hall-common.ts";

const zScore = z.number().int("评分须为 1–5 的整数").min(1, "评分须为 1–5").max(5, "评分须为 1–5");

// R4/M4: follow-up visits to employers after each completed job.
export const followupsRouter = router({
  due: staffProcedure(ROLES.rights)
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }).optional())
    .query(({ ctx, input }) => dueFollowups(ctx.db, requireMarket(ctx), input?.limit ?? 100)),

  record: staffProcedure(ROLES.rights)
    .input(
      z.object({
        dispatchId: zId,
        visitedAt: z.coerce.date().optional(),
        channel: z.enum(FOLLOWUP_CHANNELS),
        attitude: zScore,
        quality: zScore,
        satisfied: z.boolean(),
        comment: zOptText(500),
        idempotencyKey: zIdem,
      }),
    )
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "followups.record", targetType: "followup", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await recordFollowup(tx, marketId, ctx.user.id, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  listByWorker: staffProcedure(ROLES.allStaff)
    .input(z.object({ workerId: zId }))
    .query(({ ctx, input }) => followupsByWorker(ctx.db, requireMarket(ctx), input.workerId)),
});
