import { z } from "zod";
import { mutate } from "../audit.ts";
import { requireMarket } from "../context.ts";
import { ROLES } from "../roles.ts";
import { EMPLOYER_INDUSTRIES } from "../schema/employers.ts";
import { router, staffProcedure } from "../trpc.ts";
import { createEmployer, getEmployer, searchEmployers, updateEmployer, verifyEmployer } from "../queries/employers.ts";
import { zIdempotencyKey, zName, zOptText, zReason, zUuid } from "../queries/workforce-common.ts";

// Employers (用工方): registration, verification, record.
const zFields = {
  kind: z.enum(["person", "company"]),
  name: zName(100),
  creditCode: z.string().trim().max(30).optional(),
  industry: z.enum(EMPLOYER_INDUSTRIES).default("other"),
  contactName: zName(50),
  contactPhone: z.string().trim().min(1, "请填写联系电话").max(20),
  townshipId: zUuid("乡镇").optional(),
  address: zOptText(200),
  note: zOptText(500),
};
const actorOf = (ctx: { marketId: string | null; user: { id: string } }) => ({ marketId: requireMarket(ctx), userId: ctx.user.id });

export const employersRouter = router({
  create: staffProcedure(ROLES.counter)
    .input(z.object({ ...zFields, idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      const { idempotencyKey, ...fields } = input;
      return mutate(ctx, { action: "employers.create", targetType: "employer", idempotencyKey }, async (tx) => {
        const e = await createEmployer(tx, actor, fields);
        return { result: e, targetId: e.id, after: e };
      });
    }),

  update: staffProcedure(ROLES.counter)
    .input(
      z.object({
        employerId: zUuid("用工方编号"),
        patch: z.object({
          ...Object.fromEntries(Object.entries(zFields).map(([k, v]) => [k, v.optional()])),
          status: z.enum(["active", "warned", "excluded"]).optional(),
          statusReason: zReason.optional(),
        }) as z.ZodType<Partial<{ [K in keyof typeof zFields]: z.infer<(typeof zFields)[K]> }> & { status?: "active" | "warned" | "excluded"; statusReason?: string }>,
        idempotencyKey: zIdempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: "employers.update", targetType: "employer", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await updateEmployer(tx, actor, input.employerId, input.patch);
        return { result: r.after, targetId: input.employerId, before: r.before, after: r.after };
      });
    }),

  verify: staffProcedure(ROLES.counter)
    .input(z.object({ employerId: zUuid("用工方编号"), idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: "employers.verify", targetType: "employer", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const e = await verifyEmployer(tx, actor, input.employerId);
        return { result: e, targetId: e.id, after: { verifiedAt: e.verifiedAt } };
      });
    }),

  // One box takes a name, phone or ID number: POST only, so none lands in a URL or proxy log.
  search: staffProcedure(ROLES.staffAndLeaders)
    .meta({ roles: ROLES.staffAndLeaders, postOnly: true })
    .input(z.object({ q: z.string().max(50).default(""), status: z.enum(["active", "warned", "excluded"]).optional(), limit: z.number().int().min(1).max(200).default(20) }))
    .query(({ ctx, input }) => searchEmployers(ctx.db, requireMarket(ctx), input.q, input.limit, input.status)),

  get: staffProcedure(ROLES.staffAndLeaders)
    .input(z.object({ employerId: zUuid("用工方编号") }))
    .query(({ ctx, input }) => getEmployer(ctx.db, requireMarket(ctx), input.employerId)),
});
