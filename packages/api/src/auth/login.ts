import { eq, sql } from "drizzle-orm";
import { writeAudit } from "../audit.ts";
import { DomainError } from "../errors.ts";
import { isRole } from "../roles.ts";
import { staffUsers } from "../schema/core.ts";
import type { Context, SessionUser } from "../trpc.ts";
import { DUMMY_HASH, verifyPassword } from "./password.ts";
import { loginLimiter } from "./rate-limit.ts";
import { createSession, endSession, sessionCookie } from "./session.ts";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

const badCredentials = () =>
  new DomainError("UNAUTHORIZED", "用户名或密码错误", { messageEn: "Wrong username or password" });

/**
 * Signs a user in: per-IP rate limit, lockout after 5 failures for 15 minutes, a new session id
 * at every login (the previous session of this browser is ended). Every outcome is audited.
 */
export async function login(ctx: Context, username: string, password: string, now = new Date()) {
  const uname = username.trim().toLowerCase();
  const fail = async (reason: string, userId: string | null, role: string | null, marketId: string | null) => {
    await writeAudit(ctx.db, ctx, {
      action: "auth.login",
      targetType: "staff_user",
      targetId: userId,
      success: false,
      userId,
      role,
      marketId,
      detail: { reason, username: uname },
    });
  };

  if (!loginLimiter.hit(ctx.ip, now.getTime())) {
    await fail("rate-limited", null, null, null);
    throw new DomainError("TOO_MANY_REQUESTS", "登录尝试过于频繁，请稍后再试", { messageEn: "Too many login attempts" });
  }

  const [user] = await ctx.db.select().from(staffUsers).where(eq(staffUsers.username, uname));
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    await fail("unknown-user", null, null, null);
    throw badCredentials();
  }
  if (user.disabledAt) {
    await verifyPassword(password, DUMMY_HASH);
    await fail("disabled", user.id, user.role, user.marketId);
    throw badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await fail("locked", user.id, user.role, user.marketId);
    throw new DomainError("TOO_MANY_REQUESTS", "密码错误次数过多，账户已锁定 15 分钟", { messageEn: "Account locked for 15 minutes" });
  }
  if (!(await verifyPassword(password, user.passwordHash)) || !isRole(user.role)) {
    const [updated] = await ctx.db
      .update(staffUsers)
      .set({ failedLogins: sql`${staffUsers.failedLogins} + 1` })
      .where(eq(staffUsers.id, user.id))
      .returning({ failedLogins: staffUsers.failedLogins });
    await fail("wrong-password", user.id, user.role, user.marketId);
    if ((updated?.failedLogins ?? 0) >= MAX_FAILED_LOGINS) {
      const lockedUntil = new Date(now.getTime() + LOCKOUT_MS);
      await ctx.db.update(staffUsers).set({ lockedUntil, failedLogins: 0 }).where(eq(staffUsers.id, user.id));
      await writeAudit(ctx.db, ctx, {
        action: "auth.lockout",
        targetType: "staff_user",
        targetId: user.id,
        success: true,
        userId: user.id,
        role: user.role,
        marketId: user.marketId,
        detail: { until: lockedUntil.toISOString(), failures: MAX_FAILED_LOGINS },
      });
      throw new DomainError("TOO_MANY_REQUESTS", "密码错误次数过多，账户已锁定 15 分钟", { messageEn: "Account locked for 15 minutes" });
    }
    throw badCredentials();
  }

  const sessionUser: SessionUser = {
    id: user.id,
    role: user.role,
    marketId: user.marketId,
    displayName: user.displayName,
    username: user.username,
  };
  const session = await ctx.db.transaction(async (tx) => {
    if (ctx.sessionId) await endSession(tx, ctx.sessionId, now);
    await tx
      .update(staffUsers)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(staffUsers.id, user.id));
    const s = await createSession(tx, user.id, ctx.ip, now);
    await writeAudit(tx, { ...ctx, user: sessionUser }, {
      action: "auth.login",
      targetType: "staff_user",
      targetId: user.id,
      marketId: user.marketId,
      detail: { sessionId: s.sessionId },
    });
    return s;
  });
  ctx.setCookie?.(sessionCookie(session.token));
  return { user: sessionUser, token: session.token, sessionId: session.sessionId, expiresAt: session.expiresAt };
}
