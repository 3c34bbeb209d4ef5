import { z } from "zod";
import type { Context } from "../trpc.ts";
import { ROLES } from "../roles.ts";
import { router, staffProcedure } from "../trpc.ts";
import {
  complaintsView,
  costPerPlacement,
  placement,
  services,
  stars,
  supplyDemand,
  training,
  wages,
  type AnalyticsFilter,
} from "../queries/analytics.ts";
import { drilldown, listMarkets, listTownships, overview } from "../queries/analytics-overview.ts";

const zMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM");

/** Filters every view takes. `marketIds` is honoured for leaders only; a head always sees their own market. */
export const zAnalyticsFilter = z
  .object({
    from: zMonth,
    to: zMonth,
    marketIds: z.array(z.uuid()).max(200).optional(),
    townshipId: z.uuid().optional(),
    trade: z.string().regex(/^[a-z][a-z_]{1,39}$/, "工种代码无效").optional(),
  })
  .refine((f) => f.from <= f.to, { message: "开始月份不能晚于结束月份", path: ["from"] })
  .refine((f) => Number(f.to.slice(0, 4)) * 12 + Number(f.to.slice(5, 7)) - (Number(f.from.slice(0, 4)) * 12 + Number(f.from.slice(5, 7))) < 120, {
    message: "统计期最长 120 个月",
    path: ["from"],
  });
export type AnalyticsFilterInput = z.infer<typeof zAnalyticsFilter>;

/**
 * Market scope of the caller: a leader (province-level) sees every market or the ones asked for;
 * anyone else (the market head) only their own market, whatever the input says.
 */
export function scopeOf(ctx: Pick<Context, "user">, input: AnalyticsFilterInput): AnalyticsFilter {
  const user = ctx.user;
  const own = user?.marketId ?? null;
  const marketIds = user?.role === "leader" && own === null ? (input.marketIds?.length ? input.marketIds : null) : own ? [own] : [];
  return { marketIds, from: input.from, to: input.to, townshipId: input.townshipId, trade: input.trade };
}

const view = staffProcedure(ROLES.analytics).input(zAnalyticsFilter);

// Read-only analytics for bureau leaders (all markets) and market heads (their own), issue 5.
export const analyticsRouter = router({
  markets: staffProcedure(ROLES.analytics).query(async ({ ctx }) => {
    const scope = scopeOf(ctx, { from: "2000-01", to: "2000-01" });
    const markets = await listMarkets(ctx.db, scope.marketIds);
    const townships = await listTownships(ctx.db, scope.marketIds);
    return { markets, townships, province: scope.marketIds === null };
  }),
  overview: view.query(({ ctx, input }) => overview(ctx.db, scopeOf(ctx, input))),
  supplyDemand: view.query(({ ctx, input }) => supplyDemand(ctx.db, scopeOf(ctx, input))),
  placement: view.query(({ ctx, input }) => placement(ctx.db, scopeOf(ctx, input))),
  complaints: view.query(({ ctx, input }) => complaintsView(ctx.db, scopeOf(ctx, input))),
  stars: view.query(({ ctx, input }) => stars(ctx.db, scopeOf(ctx, input))),
  wages: view.query(({ ctx, input }) => wages(ctx.db, scopeOf(ctx, input))),
  training: view.query(({ ctx, input }) => training(ctx.db, scopeOf(ctx, input))),
  services: view.query(({ ctx, input }) => services(ctx.db, scopeOf(ctx, input))),
  costPerPlacement: view.query(({ ctx, input }) => costPerPlacement(ctx.db, scopeOf(ctx, input))),
  drilldown: staffProcedure(ROLES.analytics)
    .input(
      z.object({
        filter: zAnalyticsFilter,
        kind: z.enum(["placements", "openings", "complaints"]),
        month: zMonth.optional(),
        trade: z.string().regex(/^[a-z][a-z_]{1,39}$/).optional(),
        townshipId: z.uuid().optional(),
        stars: z.number().int().min(0).max(5).optional(),
        category: z.string().regex(/^[a-z_]{1,40}$/).optional(),
        limit: z.number().int().min(1).max(500).default(200),
      }),
    )
    .query(({ ctx, input }) => {
      const { filter, ...rest } = input;
      return drilldown(ctx.db, scopeOf(ctx, filter), { ...rest, trade: rest.trade ?? filter.trade, townshipId: rest.townshipId ?? filter.townshipId });
    }),
});
