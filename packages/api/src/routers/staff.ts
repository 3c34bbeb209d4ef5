import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import { mutate } from "../audit.ts";
import { hashPassword } from "../auth/password.ts";
import { checkPasswordPolicy, generatePassword } from "../auth/policy.ts";
import { endUserSessions } from "../auth/session.ts";
import { DomainError, notFound, registerConstraintMessage } from "../errors.ts";
import { CROSS_MARKET_ROLES, ROLE_IDS, ROLES, type Role } from "../roles.ts";
import { markets, staffUsers } from "../schema/core.ts";
import { router, staffProcedure } from "../trpc.ts";
import type { Tx } from "../db/client.ts";

registerConstraintMessage("staff_users_username", {
  code: "CONFLICT",
  message: "用户名已被使用",
  field: "username",
  messageEn: "Username taken",
});
registerConstraintMessage("staff_users_username_format", {
  code: "BAD_REQUEST",
  message: "用户名只能包含小写字母、数字、点、下划线和短横线（3–32 位）",
  field: "username",
  messageEn: "Invalid username",
});

const role = z.enum(ROLE_IDS);
const userId = z.uuid();

const publicColumns = {
  id: staffUsers.id,
  marketId: staffUsers.marketId,
  username: staffUsers.username,
  displayName: staffUsers.displayName,
  role: staffUsers.role,
  disabledAt: staffUsers.disabledAt,
  lockedUntil: staffUsers.lockedUntil,
  lastLoginAt: staffUsers.lastLoginAt,
  passwordChangedAt: staffUsers.passwordChangedAt,
  createdAt: staffUsers.createdAt,
};

async function loadUser(tx: Tx, id: string) {
  const [u] = await tx.select(publicColumns).from(staffUsers).where(eq(staffUsers.id, id)).for("update");
  if (!u) throw notFound("用户", "userId");
  return u;
}

function checkMarketForRole(r: Role, marketId: string | null) {
  if (CROSS_MARKET_ROLES.includes(r) ? false : !marketId) {
    throw new DomainError("BAD_REQUEST", "该角色必须属于一个市场", { field: "marketId", messageEn: "This role needs a market" });
  }
}

/** Accounts and roles (system administrators only; MLPS separation of duties). */
export const staffRouter = router({
  list: staffProcedure(ROLES.admin)
    .input(
      z
        .object({
          marketId: z.uuid().nullish(),
          includeDisabled: z.boolean().default(true),
          limit: z.number().int().min(1).max(500).default(200),
          offset: z.number().int().min(0).default(0),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      const where: SQL[] = [];
      if (input?.marketId) where.push(eq(staffUsers.marketId, input.marketId));
      if (input && !input.includeDisabled) where.push(isNull(staffUsers.disabledAt));
      return ctx.db
        .select(publicColumns)
        .from(staffUsers)
        .where(where.length ? and(...where) : undefined)
        .orderBy(asc(staffUsers.username))
        .limit(input?.limit ?? 200)
        .offset(input?.offset ?? 0);
    }),

  /** Creates an account. Without a password a strong one is generated and returned once. */
  create: staffProcedure(ROLES.admin)
    .input(
      z.object({
        username: z.string().trim().toLowerCase().min(3).max(32),
        displayName: z.string().trim().min(1).max(40),
        role,
        marketId: z.uuid().nullable(),
        password: z.string().max(200).optional(),
        idempotencyKey: z.string().max(100).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const marketId = CROSS_MARKET_ROLES.includes(input.role) ? null : input.marketId;
      checkMarketForRole(input.role, marketId);
      const password = input.password ?? generatePassword();
      checkPasswordPolicy(password, { username: input.username });
      const passwordHash = await hashPassword(password);
      const user = await mutate(
        ctx,
        { action: "staff.create", targetType: "staff_user", idempotencyKey: input.idempotencyKey ?? null },
        async (tx) => {
          if (marketId) {
            const [m] = await tx.select({ id: markets.id }).from(markets).where(eq(markets.id, marketId));
            if (!m) throw notFound("市场", "marketId");
          }
          const [u] = await tx
            .insert(staffUsers)
            .values({ username: input.username, displayName: input.displayName, role: input.role, marketId, passwordHash })
            .returning(publicColumns);
          if (!u) throw new Error("insert returned nothing");
          return { result: u, targetId: u.id, after: u };
        },
      );
      return { user, generatedPassword: input.password ? null : password };
    }),

  /** Disables an account and ends all its sessions at once. */
  disable: staffProcedure(ROLES.admin)
    .input(z.object({ userId }))
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id) {
        throw new DomainError("BAD_REQUEST", "不能停用自己的账户", { field: "userId", messageEn: "Cannot disable yourself" });
      }
      return mutate(ctx, { action: "staff.disable", targetType: "staff_user" }, async (tx) => {
        const before = await loadUser(tx, input.userId);
        const now = new Date();
        await tx.update(staffUsers).set({ disabledAt: before.disabledAt ?? now }).where(eq(staffUsers.id, input.userId));
        await endUserSessions(tx, input.userId, now);
        return { result: { ok: true as const }, targetId: input.userId, before, after: { ...before, disabledAt: now } };
      });
    }),

  enable: staffProcedure(ROLES.admin)
    .input(z.object({ userId }))
    .mutation(async ({ ctx, input }) =>
      mutate(ctx, { action: "staff.enable", targetType: "staff_user" }, async (tx) => {
        const before = await loadUser(tx, input.userId);
        await tx
          .update(staffUsers)
          .set({ disabledAt: null, failedLogins: 0, lockedUntil: null })
          .where(eq(staffUsers.id, input.userId));
        return { result: { ok: true as const }, targetId: input.userId, before, after: { ...before, disabledAt: null } };
      }),
    ),

  /** Changes a role; the account's sessions end so the new rights apply at next login. */
  setRole: staffProcedure(ROLES.admin)
    .input(z.object({ userId, role, marketId: z.uuid().nullish() }))
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id) {
        throw new DomainError("BAD_REQUEST", "不能修改自己的角色", { field: "userId", messageEn: "Cannot change your own role" });
      }
      return mutate(ctx, { action: "staff.setRole", targetType: "staff_user" }, async (tx) => {
        const before = await loadUser(tx, input.userId);
        const marketId = CROSS_MARKET_ROLES.includes(input.role)
          ? null
          : input.marketId !== undefined && input.marketId !== null
            ? input.marketId
            : before.marketId;
        checkMarketForRole(input.role, marketId);
        await tx.update(staffUsers).set({ role: input.role, marketId }).where(eq(staffUsers.id, input.userId));
        await endUserSessions(tx, input.userId);
        return {
          result: { ok: true as const },
          targetId: input.userId,
          before: { role: before.role, marketId: before.marketId },
          after: { role: input.role, marketId },
        };
      });
    }),

  /** Sets a new random password (returned once), clears the lockout and ends all sessions. */
  resetPassword: staffProcedure(ROLES.admin)
    .input(z.object({ userId }))
    .mutation(async ({ ctx, input }) => {
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      await mutate(ctx, { action: "staff.resetPassword", targetType: "staff_user" }, async (tx) => {
        await loadUser(tx, input.userId);
        await tx
          .update(staffUsers)
          .set({ passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null })
          .where(eq(staffUsers.id, input.userId));
        await endUserSessions(tx, input.userId);
        return { result: null, targetId: input.userId };
      });
      return { generatedPassword: password };
    }),
});
