import { ROLE_LABELS, ROLES } from "../roles.ts";
import { router, staffProcedure } from "../trpc.ts";

export const authRouter = router({
  /** The signed-in user, the market acted on, and the procedure paths the role may call. */
  me: staffProcedure(ROLES.everyone).query(async ({ ctx }) => {
    const { allowedProcedures } = await import("../router.ts");
    return {
      user: ctx.user,
      roleLabel: ROLE_LABELS[ctx.user.role],
      marketId: ctx.marketId,
      procedures: allowedProcedures(ctx.user.role),
    };
  }),
});
