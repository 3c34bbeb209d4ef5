import { eq } from "drizzle-orm";
import { z } from "zod";
import { mutate } from "../audit.ts";
import { login } from "../auth/login.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { checkPasswordPolicy } from "../auth/policy.ts";
import { clearSessionCookie, endSession, endUserSessions } from "../auth/session.ts";
import { DomainError } from "../errors.ts";
import { ROLE_LABELS, ROLES } from "../roles.ts";
import { markets, staffUsers } from "../schema/core.ts";
import { publicProcedure, router, staffProcedure } from "../trpc.ts";

const username = z.string().trim().min(1).max(64);
const password = z.string().min(1).max(200);

export const authRouter = router({
  /** Sets the `__Host-lingong` session cookie. The token is not returned to the browser. */
  login: publicProcedure.input(z.object({ username, password })).mutation(async ({ ctx, input }) => {
    const r = await login(ctx, input.username, input.password);
    return { user: r.user, roleLabel: ROLE_LABELS[r.user.role], expiresAt: r.expiresAt.toISOString() };
  }),

  logout: staffProcedure(ROLES.everyone).mutation(async ({ ctx }) => {
    const sessionId = ctx.sessionId;
    await mutate(ctx, { action: "auth.logout", targetType: "session" }, async (tx) => {
      if (sessionId) await endSession(tx, sessionId);
      return { result: null, targetId: sessionId ?? null };
    });
    ctx.setCookie?.(clearSessionCookie());
    return { ok: true as const };
  }),

  /** The signed-in user, the market acted on, and the procedure paths the role may call. */
  me: staffProcedure(ROLES.everyone).query(async ({ ctx }) => {
    const { allowedProcedures } = await import("../router.ts");
    const market = ctx.marketId
      ? ((
          await ctx.db
            .select({ id: markets.id, code: markets.code, name: markets.name })
            .from(markets)
            .where(eq(markets.id, ctx.marketId))
        )[0] ?? null)
      : null;
    return {
      user: ctx.user,
      roleLabel: ROLE_LABELS[ctx.user.role],
      marketId: ctx.marketId,
      market,
      procedures: allowedProcedures(ctx.user.role),
    };
  }),

  /** Changes one's own password; other sessions of the account end. */
  changePassword: staffProcedure(ROLES.everyone)
    .input(z.object({ currentPassword: password, newPassword: z.string().max(200) }))
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .select({ hash: staffUsers.passwordHash, username: staffUsers.username })
        .from(staffUsers)
        .where(eq(staffUsers.id, ctx.user.id));
      if (!row || !(await verifyPassword(input.currentPassword, row.hash))) {
        throw new DomainError("BAD_REQUEST", "当前密码不正确", { field: "currentPassword", messageEn: "Current password is wrong" });
      }
      if (input.newPassword === input.currentPassword) {
        throw new DomainError("BAD_REQUEST", "新密码不能与当前密码相同", { field: "newPassword", messageEn: "New password equals the current one" });
      }
      checkPasswordPolicy(input.newPassword, { username: row.username, field: "newPassword" });
      const hash = await hashPassword(input.newPassword);
      const sessionId = ctx.sessionId;
      await mutate(ctx, { action: "auth.changePassword", targetType: "staff_user" }, async (tx) => {
        await tx.update(staffUsers).set({ passwordHash: hash, passwordChangedAt: new Date() }).where(eq(staffUsers.id, ctx.user.id));
        await endUserSessions(tx, ctx.user.id);
        return { result: null, targetId: ctx.user.id };
      });
      // The current browser signs in again with the new password.
      if (sessionId) ctx.setCookie?.(clearSessionCookie());
      return { ok: true as const };
    }),
});
