import {
  validateEmployerPolicy,
  validateGradingPolicy,
  validateGuidanceWagePolicy,
  validateMatchingPolicy,
  validateRewardPolicy,
  validateSanctionPolicy,
  type GuidanceWagePolicy,
  type PolicyProblem,
} from "@lingong/core";
import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { z } from "zod";
import { mutate } from "../audit.ts";
import { requireMarket } from "../context.ts";
import { DomainError } from "../errors.ts";
import { ROLES } from "../roles.ts";
import { staffUsers } from "../schema/core.ts";
import { ORDER_STATUSES, POLICY_KINDS, policyVersions } from "../schema/orders.ts";
import { router, staffProcedure } from "../trpc.ts";
import { assessOrder, cancelOrder, closeOrder, createOrder, getOrder, listOrders, publishOrder, updateOrder } from "../queries/orders.ts";
import { publishGuidanceMid } from "../queries/guidance-mid.ts";
import { effectivePolicy, lockKey, todayShanghai, zFenPositive, zIdempotencyKey, zIsoDate, zName, zReason, zUuid } from "../queries/workforce-common.ts";

// R2 job orders and the versioned rule policies (M3, M7, M8).
const zSkill = z.enum(["none", "L5", "L4", "L3", "L2", "L1"]);
const orderShape = {
  employerId: zUuid("用工方编号"),
  tradeCode: z.string().min(1, "请选择工种").max(40),
  skillGrade: zSkill.default("none"),
  minStars: z.number().int().min(0).max(5).default(0),
  headcount: z.number().int("人数须为整数").min(1, "人数至少 1 人").max(1000, "人数不能超过 1000"),
  startDate: zIsoDate,
  endDate: zIsoDate,
  townshipId: zUuid("乡镇").optional(),
  place: zName(200),
  wageFen: zFenPositive,
  wageUnit: z.enum(["day", "half_day", "hour"]),
  requirements: z.string().trim().max(1000, "用工要求不能超过 1000 个字").default(""),
  certificates: z.array(z.string().min(1).max(40)).max(10).default([]),
};
const actorOf = (ctx: { marketId: string | null; user: { id: string } }) => ({ marketId: requireMarket(ctx), userId: ctx.user.id });
const endNotBeforeStart = (v: { startDate?: string | undefined; endDate?: string | undefined }) => !v.startDate || !v.endDate || v.endDate >= v.startDate;
const endMsg = { message: "结束日期不能早于开始日期", path: ["endDate"] };

export const ordersRouter = router({
  /** Saves a draft and returns the guidance range, the wage check and the discrimination findings. */
  create: staffProcedure(ROLES.counter)
    .input(z.object({ ...orderShape, publish: z.boolean().default(false), overrideReason: zReason.optional(), idempotencyKey: zIdempotencyKey }).refine(endNotBeforeStart, endMsg))
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      const { idempotencyKey, publish, overrideReason, ...fields } = input;
      return mutate(ctx, { action: "orders.create", targetType: "job_order", idempotencyKey }, async (tx) => {
        const created = await createOrder(tx, actor, fields);
        let order = created.order;
        if (publish) order = (await publishOrder(tx, actor, order.id, overrideReason)).order;
        const result = { order, guidance: created.guidance, wage: created.wage, findings: created.findings };
        return { result, targetId: order.id, after: { orderNo: order.orderNo, status: order.status, wageFen: order.wageFen, findings: created.findings.length } };
      });
    }),

  /** Live check for the intake form: guidance range, wage verdict, findings (no write). */
  assess: staffProcedure(ROLES.staffAndLeaders)
    .input(z.object({ tradeCode: orderShape.tradeCode, skillGrade: orderShape.skillGrade, minStars: orderShape.minStars, wageFen: zFenPositive, wageUnit: orderShape.wageUnit, requirements: orderShape.requirements }))
    .query(({ ctx, input }) => assessOrder(ctx.db, requireMarket(ctx), input)),

  update: staffProcedure(ROLES.counter)
    .input(
      z.object({
        orderId: zUuid("需求编号"),
        patch: z.object(Object.fromEntries(Object.entries(orderShape).filter(([k]) => k !== "employerId").map(([k, v]) => [k, (v as z.ZodType).optional()]))) as unknown as z.ZodType<Partial<Omit<{ [K in keyof typeof orderShape]: z.infer<(typeof orderShape)[K]> }, "employerId">>>,
        idempotencyKey: zIdempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      if (!endNotBeforeStart(input.patch)) throw new DomainError("BAD_REQUEST", "结束日期不能早于开始日期", { field: "endDate" });
      return mutate(ctx, { action: "orders.update", targetType: "job_order", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await updateOrder(tx, actor, input.orderId, input.patch);
        return { result: { order: r.order, guidance: r.guidance, wage: r.wage, findings: r.findings }, targetId: input.orderId, before: r.before, after: r.order };
      });
    }),

  publish: staffProcedure(ROLES.counter)
    .input(z.object({ orderId: zUuid("需求编号"), overrideReason: zReason.optional(), idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: "orders.publish", targetType: "job_order", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await publishOrder(tx, actor, input.orderId, input.overrideReason);
        return { result: r.order, targetId: input.orderId, before: { status: r.before.status }, after: { status: r.order.status }, detail: input.overrideReason ? { overrideReason: input.overrideReason } : undefined };
      });
    }),

  close: staffProcedure(ROLES.counter)
    .input(z.object({ orderId: zUuid("需求编号"), idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: "orders.close", targetType: "job_order", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await closeOrder(tx, actor, input.orderId);
        return { result: r.order, targetId: input.orderId, before: { status: r.before.status }, after: { status: r.order.status } };
      });
    }),

  cancel: staffProcedure(ROLES.counter)
    .input(z.object({ orderId: zUuid("需求编号"), reason: zReason, idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: "orders.cancel", targetType: "job_order", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await cancelOrder(tx, actor, input.orderId, input.reason);
        return { result: r.order, targetId: input.orderId, before: { status: r.before.status }, after: { status: r.order.status }, detail: { reason: input.reason } };
      });
    }),

  list: staffProcedure(ROLES.staffAndLeaders)
    .input(
      z
        .object({
          status: z.array(z.enum(ORDER_STATUSES)).optional(),
          employerId: zUuid("用工方编号").optional(),
          tradeCode: z.string().max(40).optional(),
          from: zIsoDate.optional(),
          to: zIsoDate.optional(),
          limit: z.number().int().min(1).max(500).default(100),
          offset: z.number().int().min(0).default(0),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listOrders(ctx.db, requireMarket(ctx), input ?? {})),

  get: staffProcedure(ROLES.staffAndLeaders)
    .input(z.object({ orderId: zUuid("需求编号") }))
    .query(({ ctx, input }) => getOrder(ctx.db, requireMarket(ctx), input.orderId)),
});

/** The kinds whose body core checks before it is stored, with the policy's name in the refusal. */
const CHECKED_POLICIES: Record<Exclude<(typeof POLICY_KINDS)[number], "wages">, { validate: (body: unknown) => PolicyProblem[]; zh: string; en: string }> = {
  grading: { validate: validateGradingPolicy, zh: "星级评定规则", en: "Grading policy" },
  sanctions: { validate: validateSanctionPolicy, zh: "处分规则", en: "Sanction policy" },
  matching: { validate: validateMatchingPolicy, zh: "匹配规则", en: "Matching policy" },
  rewards: { validate: validateRewardPolicy, zh: "奖励规则", en: "Reward policy" },
  employer: { validate: validateEmployerPolicy, zh: "用工方处理规则", en: "Employer-record policy" },
};

export const policiesRouter = router({
  /** The policy in force (the market's newest effective version, or core's Qinshui default: version 0). */
  get: staffProcedure(ROLES.staffAndLeaders)
    .input(z.object({ kind: z.enum(POLICY_KINDS), day: zIsoDate.optional() }))
    .query(({ ctx, input }) => effectivePolicy(ctx.db, requireMarket(ctx), input.kind, input.day ?? todayShanghai())),

  list: staffProcedure(ROLES.staffAndLeaders)
    .input(z.object({ kind: z.enum(POLICY_KINDS).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      const where = input?.kind ? and(eq(policyVersions.marketId, marketId), eq(policyVersions.kind, input.kind)) : eq(policyVersions.marketId, marketId);
      // Who published each version, by name: the history screen shows it beside the date.
      return ctx.db
        .select({ ...getTableColumns(policyVersions), createdByName: staffUsers.displayName })
        .from(policyVersions)
        .leftJoin(staffUsers, eq(staffUsers.id, policyVersions.createdBy))
        .where(where)
        .orderBy(policyVersions.kind, desc(policyVersions.version));
    }),

  publish: staffProcedure(["head"])
    .input(
      z.object({
        kind: z.enum(POLICY_KINDS),
        body: z.record(z.string(), z.unknown()),
        effectiveFrom: zIsoDate,
        note: z.string().trim().max(500).optional(),
        idempotencyKey: zIdempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      if (JSON.stringify(input.body).length > 100_000) throw new DomainError("BAD_REQUEST", "政策内容过大", { field: "body" });
      if (input.kind === "wages") {
        const problems = validateGuidanceWagePolicy(input.body as unknown as GuidanceWagePolicy);
        if (problems.length > 0) throw new DomainError("BAD_REQUEST", `指导价表有误：${problems.slice(0, 3).join("；")}`, { field: "body" });
      }
      const checked = input.kind === "wages" ? undefined : CHECKED_POLICIES[input.kind];
      if (checked !== undefined) {
        // A malformed body would make every later decision of this kind fail: refuse it here.
        const problems = checked.validate(input.body).slice(0, 3);
        const { zh, en } = checked;
        if (problems.length > 0)
          throw new DomainError("BAD_REQUEST", `${zh}有误，未发布。${problems.map((p) => p.zh).join("；")}`, {
            field: "body",
            messageEn: `${en} not published. ${problems.map((p) => p.en).join("; ")}`,
          });
      }
      return mutate(ctx, { action: "policies.publish", targetType: "policy_version", idempotencyKey: input.idempotencyKey }, async (tx) => {
        await lockKey(tx, `policy:${marketId}:${input.kind}`);
        const [last] = await tx
          .select({ v: sql<number>`coalesce(max(${policyVersions.version}), 0)`.mapWith(Number) })
          .from(policyVersions)
          .where(and(eq(policyVersions.marketId, marketId), eq(policyVersions.kind, input.kind)));
        const [row] = await tx
          .insert(policyVersions)
          .values({ marketId, kind: input.kind, version: (last?.v ?? 0) + 1, body: input.body, effectiveFrom: input.effectiveFrom, note: input.note ?? null, createdBy: ctx.user.id })
          .returning();
        if (!row) throw new Error("policy insert returned nothing");
        // The dashboard's wage rollups are priced by each market's guidance in force on the job's day: in this
        // transaction, so a backdated table re-prices its past months together with its publication.
        if (row.kind === "wages") await publishGuidanceMid(tx, marketId, row.effectiveFrom, row.version, input.body);
        return { result: row, targetId: row.id, after: { kind: row.kind, version: row.version, effectiveFrom: row.effectiveFrom } };
      });
    }),
});
