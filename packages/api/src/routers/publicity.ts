import { z } from "zod";
import { mutate } from "../audit.ts";
import { ROLES } from "../roles.ts";
import { publicProcedure, router, staffProcedure } from "../trpc.ts";
import { jobsText, marketByCode, openOrders, publicAnnouncements, publicExposure, publicHonourRoll, todayNeeds } from "../queries/board.ts";
import { requireMarket, today, zDate, zId, zIdem, zOptText, zText } from "../queries/hall-common.ts";
import { publicLeaderboard, staffLeaderboard } from "../queries/leaderboard.ts";
import {
  addAnnouncement,
  addExposure,
  addHonour,
  endExposure,
  listAnnouncements,
  listExposure,
  listHonour,
  withdrawAnnouncement,
  withdrawHonour,
} from "../queries/publicity.ts";

// M5, G4: honour roll, exposure board and announcements (staff side).
const limit = z.number().int().min(1).max(500).default(100);

export const publicityRouter = router({
  honourList: staffProcedure(ROLES.allStaff)
    .input(z.object({ limit }).optional())
    .query(({ ctx, input }) => listHonour(ctx.db, requireMarket(ctx), input?.limit ?? 100)),

  honourAdd: staffProcedure(ROLES.policy)
    .input(
      z.object({
        workerId: zId,
        title: zText(40),
        citation: zOptText(300),
        trade: z.string().max(40).optional(),
        periodStart: zDate,
        periodEnd: zDate,
        /** The worker agreed to be shown on public screens (PIPL Art 25). */
        workerConsent: z.literal(true, "须征得零工本人同意后才能公示"),
        idempotencyKey: zIdem,
      }),
    )
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "publicity.honourAdd", targetType: "honour_roll", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await addHonour(tx, marketId, ctx.user.id, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  honourWithdraw: staffProcedure(ROLES.policy)
    .input(z.object({ id: zId, idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "publicity.honourWithdraw", targetType: "honour_roll", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await withdrawHonour(tx, marketId, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),

  exposureList: staffProcedure([...ROLES.policy, "rights"])
    .input(z.object({ limit }).optional())
    .query(({ ctx, input }) => listExposure(ctx.db, requireMarket(ctx), input?.limit ?? 100)),

  /** Only the head puts someone on the exposure board, citing the basis and a limited period. */
  exposureAdd: staffProcedure(["head"])
    .input(
      z.object({
        subject: z.enum(["worker", "employer"]),
        workerId: zId.optional(),
        employerId: zId.optional(),
        facts: zText(500),
        legalBasis: zText(300),
        periodStart: zDate,
        periodEnd: zDate,
        appealInfo: zText(300),
        sanctionId: zId.optional(),
        complaintId: zId.optional(),
        idempotencyKey: zIdem,
      }),
    )
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "publicity.exposureAdd", targetType: "exposure_entry", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await addExposure(tx, marketId, ctx.user.id, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  /** Ends an exposure early: withdrawn (error, appeal) or repaired (信用修复). */
  exposureEnd: staffProcedure(["head"])
    .input(z.object({ id: zId, status: z.enum(["withdrawn", "repaired"]), reason: zText(300), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "publicity.exposureEnd", targetType: "exposure_entry", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await endExposure(tx, marketId, ctx.user.id, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),

  /** R4 优秀榜 for staff: full names, the numbers behind each rank and whether the worker consented to public display. */
  leaderboard: staffProcedure(ROLES.allStaff)
    .input(
      z
        .object({
          trade: z.string().max(40).optional(),
          windowDays: z.number().int().min(7, "统计天数至少 7 天").max(365, "统计天数最多 365 天").optional(),
          consentingOnly: z.boolean().optional(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .optional(),
    )
    .query(({ ctx, input }) => staffLeaderboard(ctx.db, requireMarket(ctx), { trade: input?.trade, windowDays: input?.windowDays, consentingOnly: input?.consentingOnly, limit: input?.limit ?? 50 })),

  announcementList: staffProcedure(ROLES.allStaff)
    .input(z.object({ limit }).optional())
    .query(({ ctx, input }) => listAnnouncements(ctx.db, requireMarket(ctx), input?.limit ?? 100)),

  announcementAdd: staffProcedure(ROLES.policy)
    .input(z.object({ title: zText(60), body: zText(2000), pinned: z.boolean().optional(), publishedOn: zDate.optional(), expiresOn: zDate.optional(), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "publicity.announcementAdd", targetType: "announcement", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await addAnnouncement(tx, marketId, ctx.user.id, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  announcementWithdraw: staffProcedure(ROLES.policy)
    .input(z.object({ id: zId, idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "publicity.announcementWithdraw", targetType: "announcement", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await withdrawAnnouncement(tx, marketId, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),
});

// The hall's LED board, the phone job list and the WeChat text: no login, allow-listed fields only.
const marketCode = z.string().regex(/^\d{6}$/, "市场代码应为 6 位数字");
const publicLimit = z.number().int().min(1).max(200).default(50);

export const boardRouter = router({
  openOrders: publicProcedure
    .input(z.object({ marketCode, trade: z.string().max(40).optional(), limit: publicLimit }))
    .query(async ({ ctx, input }) => {
      const m = await marketByCode(ctx.db, input.marketCode);
      return openOrders(ctx.db, m.id, today(), { trade: input.trade, limit: input.limit });
    }),

  todayNeeds: publicProcedure.input(z.object({ marketCode })).query(async ({ ctx, input }) => {
    const m = await marketByCode(ctx.db, input.marketCode);
    return todayNeeds(ctx.db, m.id, today());
  }),

  honourRoll: publicProcedure.input(z.object({ marketCode, limit: publicLimit })).query(async ({ ctx, input }) => {
    const m = await marketByCode(ctx.db, input.marketCode);
    return publicHonourRoll(ctx.db, m.id, today(), input.limit);
  }),

  /** R4 优秀榜: computed ranking, consenting workers only (current honour-roll entry), masked names. */
  leaderboard: publicProcedure.input(z.object({ marketCode, trade: z.string().max(40).optional(), limit: z.number().int().min(1).max(50).default(10) })).query(async ({ ctx, input }) => {
    const m = await marketByCode(ctx.db, input.marketCode);
    return publicLeaderboard(ctx.db, m.id, { trade: input.trade, limit: input.limit });
  }),

  exposure: publicProcedure.input(z.object({ marketCode, limit: publicLimit })).query(async ({ ctx, input }) => {
    const m = await marketByCode(ctx.db, input.marketCode);
    return publicExposure(ctx.db, m.id, today(), input.limit);
  }),

  announcements: publicProcedure.input(z.object({ marketCode, limit: publicLimit })).query(async ({ ctx, input }) => {
    const m = await marketByCode(ctx.db, input.marketCode);
    return publicAnnouncements(ctx.db, m.id, today(), input.limit);
  }),

  jobsText: publicProcedure.input(z.object({ marketCode, orderId: zId.optional() })).query(async ({ ctx, input }) => {
    const m = await marketByCode(ctx.db, input.marketCode);
    return jobsText(ctx.db, m, today(), input.orderId);
  }),
});
