import { z } from "zod";
import { mutate } from "../audit.ts";
import { ROLES } from "../roles.ts";
import { SERVICE_KINDS } from "../schema/library.ts";
import { router, staffProcedure } from "../trpc.ts";
import { requireMarket, today, zDate, zFen, zId, zIdem, zOptText, zText } from "../queries/hall-common.ts";
import { addBook, lendBook, listBooks, listLoans, listServices, logService, overdueLoans, returnBook, servicesMonth } from "../queries/library.ts";

// R8: the reading room's books and loans (free; one copy is never out twice).
export const libraryRouter = router({
  listBooks: staffProcedure(ROLES.allStaff)
    .input(z.object({ q: z.string().trim().max(50).optional() }).optional())
    .query(({ ctx, input }) => listBooks(ctx.db, requireMarket(ctx), input?.q || undefined)),

  addBook: staffProcedure(ROLES.logistics)
    .input(z.object({ title: zText(100), author: zOptText(50), isbn: z.string().regex(/^[0-9Xx-]{10,17}$/, "ISBN 格式不正确").optional(), category: zOptText(30), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "library.addBook", targetType: "book", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await addBook(tx, marketId, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  lend: staffProcedure(ROLES.logistics)
    .input(z.object({ bookId: zId, workerId: zId, dueDate: zDate, idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "library.lend", targetType: "book_loan", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await lendBook(tx, marketId, ctx.user.id, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  return: staffProcedure(ROLES.logistics)
    .input(z.object({ loanId: zId, idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "library.return", targetType: "book_loan", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await returnBook(tx, marketId, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),

  overdue: staffProcedure(ROLES.allStaff).query(({ ctx }) => overdueLoans(ctx.db, requireMarket(ctx), today())),

  loans: staffProcedure(ROLES.allStaff)
    .input(z.object({ workerId: zId.optional(), open: z.boolean().optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => listLoans(ctx.db, requireMarket(ctx), input)),
});

// R9: meals, midday rest, water and other services given in the hall.
export const servicesRouter = router({
  log: staffProcedure(ROLES.logistics)
    .input(
      z.object({
        kind: z.enum(SERVICE_KINDS),
        workerId: zId.optional(),
        servedOn: zDate,
        count: z.number().int().min(1, "人次必须大于 0").max(10_000),
        feeFen: zFen.default(0),
        note: zOptText(200),
        idempotencyKey: zIdem,
      }),
    )
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "services.log", targetType: "service", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await logService(tx, marketId, ctx.user.id, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  list: staffProcedure(ROLES.allStaff)
    .input(z.object({ from: zDate.optional(), to: zDate.optional(), kind: z.enum(SERVICE_KINDS).optional(), limit: z.number().int().min(1).max(1000).default(200) }))
    .query(({ ctx, input }) => listServices(ctx.db, requireMarket(ctx), input)),

  monthly: staffProcedure([...ROLES.allStaff, "leader"])
    .input(z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM") }))
    .query(({ ctx, input }) => servicesMonth(ctx.db, requireMarket(ctx), input.month)),
});
