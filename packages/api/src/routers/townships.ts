import { z } from "zod";
import { mutate } from "../audit.ts";
import { requireMarket } from "../context.ts";
import { addTownship, listTownships, renameTownship } from "../queries/townships.ts";
import { zIdempotencyKey, zName, zUuid } from "../queries/workforce-common.ts";
import { ROLES } from "../roles.ts";
import { router, staffProcedure } from "../trpc.ts";

const zKind = z.enum(["镇", "乡"], { message: "类型须为镇或乡" });

// The market's towns and townships: every form's township picker reads them; the head keeps them.
export const townshipsRouter = router({
  list: staffProcedure(ROLES.staffAndLeaders).query(({ ctx }) => listTownships(ctx.db, requireMarket(ctx))),

  create: staffProcedure(["head"])
    .input(z.object({ name: zName(20), kind: zKind, sort: z.number().int().min(0).max(999).optional(), idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "townships.create", targetType: "township", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await addTownship(tx, marketId, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  update: staffProcedure(["head"])
    .input(z.object({ townshipId: zUuid("乡镇编号"), name: zName(20).optional(), kind: zKind.optional(), sort: z.number().int().min(0).max(999).optional(), idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "townships.update", targetType: "township", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await renameTownship(tx, marketId, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),
});
