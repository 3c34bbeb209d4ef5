import { eq } from "drizzle-orm";
import { z } from "zod";
import { DomainError } from "../errors.ts";
import { markets } from "../schema/core.ts";
import { publicProcedure, router } from "../trpc.ts";

/**
 * The market a public page belongs to (its header: 沁水县零工市场). No login, so the answer is
 * allow-listed: the name and code only, never the market's id or settings.
 */
export const marketInfoRouter = router({
  get: publicProcedure
    .input(z.object({ marketCode: z.string().regex(/^\d{6}$/, "市场代码应为 6 位数字") }))
    .query(async ({ ctx, input }) => {
      const [m] = await ctx.db.select({ name: markets.name, code: markets.code }).from(markets).where(eq(markets.code, input.marketCode));
      if (!m) throw new DomainError("NOT_FOUND", "没有这个零工市场", { field: "marketCode", messageEn: "Unknown market" });
      return { name: m.name, code: m.code };
    }),
});
