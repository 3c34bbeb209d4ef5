import { z } from "zod";
import { mutate } from "../audit.ts";
import { ROLES } from "../roles.ts";
import { TOOL_CONDITIONS, TOOL_KINDS } from "../schema/tools.ts";
import { router, staffProcedure } from "../trpc.ts";
import { requireMarket, today, zDate, zFen, zId, zIdem, zOptText, zText } from "../queries/hall-common.ts";
import { createTool, lendTool, listRentals, listTools, overdueRentals, returnTool } from "../queries/tools.ts";

// R3 tool counter: the catalogue and its rentals.
export const toolsRouter = router({
  list: staffProcedure(ROLES.allStaff)
    .input(z.object({ includeInactive: z.boolean().optional() }).optional())
    .query(({ ctx, input }) => listTools(ctx.db, requireMarket(ctx), input?.includeInactive ?? false)),

  create: staffProcedure(ROLES.logistics)
    .input(
      z.object({
        name: zText(50),
        kind: z.enum(TOOL_KINDS),
        free: z.boolean(),
        dailyFeeFen: zFen.default(0),
        depositFen: zFen.default(0),
        condition: z.enum(TOOL_CONDITIONS).optional(),
        idempotencyKey: zIdem,
      }),
    )
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      const { idempotencyKey, ...tool } = input;
      return mutate(ctx, { action: "tools.create", targetType: "tool", idempotencyKey }, async (tx) => {
        const row = await createTool(tx, marketId, tool);
        return { result: row, targetId: row.id, after: row };
      });
    }),
});

export const rentalsRouter = router({
  list: staffProcedure(ROLES.allStaff)
    .input(z.object({ workerId: zId.optional(), toolId: zId.optional(), open: z.boolean().optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => listRentals(ctx.db, requireMarket(ctx), input)),

  lend: staffProcedure(ROLES.logistics)
    .input(z.object({ toolId: zId, workerId: zId, dueDate: zDate, note: zOptText(200), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "rentals.lend", targetType: "tool_rental", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await lendTool(tx, marketId, ctx.user.id, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  return: staffProcedure(ROLES.logistics)
    .input(
      z.object({
        rentalId: zId,
        condition: z.enum(TOOL_CONDITIONS),
        depositRefundedFen: zFen.optional(),
        note: zOptText(200),
        idempotencyKey: zIdem,
      }),
    )
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "rentals.return", targetType: "tool_rental", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const { before, after } = await returnTool(tx, marketId, ctx.user.id, input);
        return { result: after, targetId: after.id, before, after };
      });
    }),

  overdue: staffProcedure(ROLES.allStaff).query(({ ctx }) => overdueRentals(ctx.db, requireMarket(ctx), today())),
});
