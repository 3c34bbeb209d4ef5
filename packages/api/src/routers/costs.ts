import { z } from "zod";
import { mutate } from "../audit.ts";
import { ROLES } from "../roles.ts";
import { COST_CATEGORIES } from "../schema/costs.ts";
import { router, staffProcedure } from "../trpc.ts";
import { addCost, listCosts, monthlyCostReport } from "../queries/costs.ts";
import { requireMarket, zDate, zIdem, zOptText, zText } from "../queries/hall-common.ts";

const zMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM");

// G2: the operating cost ledger and the monthly reimbursement report for the bureau.
export const costsRouter = router({
  add: staffProcedure(ROLES.office)
    .input(
      z.object({
        spentOn: zDate,
        category: z.enum(COST_CATEGORIES),
        amountFen: z.number().int("金额须为整数（分）").positive("金额必须大于 0").max(100_000_000, "金额过大"),
        voucherNo: zText(40),
        note: zOptText(500),
        idempotencyKey: zIdem,
      }),
    )
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      const { idempotencyKey, ...cost } = input;
      return mutate(ctx, { action: "costs.add", targetType: "cost_entry", idempotencyKey }, async (tx) => {
        const row = await addCost(tx, marketId, ctx.user.id, cost);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  list: staffProcedure(ROLES.office)
    .input(z.object({ month: zMonth.optional(), category: z.enum(COST_CATEGORIES).optional(), limit: z.number().int().min(1).max(1000).default(200) }))
    .query(({ ctx, input }) => listCosts(ctx.db, requireMarket(ctx), input)),

  monthlyReport: staffProcedure([...ROLES.office, "leader"])
    .input(z.object({ month: zMonth }))
    .query(({ ctx, input }) => monthlyCostReport(ctx.db, requireMarket(ctx), input.month)),
});
