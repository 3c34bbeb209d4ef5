import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import { writeAudit } from "./audit.ts";
import type { Db } from "./db/client.ts";
import { DomainError, mapDbError } from "./errors.ts";
import type { Role } from "./roles.ts";

// Validation messages in Simplified Chinese first (staff read them at the counter).
z.config(z.locales.zhCN());

export interface SessionUser {
  id: string;
  role: Role;
  /** Null for province-level accounts. */
  marketId: string | null;
  displayName: string;
  username: string;
}

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** The market the request acts on (the user's own, or the one a province-level account chose). */
  marketId: string | null;
  requestId: string;
  ip: string;
  sessionId?: string;
  /** Appends a Set-Cookie header to the HTTP response (absent for in-process callers). */
  setCookie?: (cookie: string) => void;
}

export interface Meta {
  /** Roles allowed to call the procedure. Missing or empty: nobody (deny by default). */
  roles?: readonly Role[];
  /** Set by `publicProcedure` only: callable without signing in. */
  public?: boolean;
  /**
   * A query whose input carries personal data (ID number, phone, name lookups): the HTTP server
   * refuses it over GET, so the value never lands in a URL or an access log. Clients call it by
   * POST (tRPC `methodOverride: "POST"` on the link, or a separate POST link for these paths).
   */
  postOnly?: boolean;
}

const isDev = process.env.NODE_ENV === "development";

interface ZodLikeError {
  name: string;
  issues: { path: PropertyKey[]; message: string }[];
}
const isZodError = (e: unknown): e is ZodLikeError =>
  e instanceof Error && e.name === "ZodError" && Array.isArray((e as Partial<ZodLikeError>).issues);

/** Turns whatever a procedure threw into an error safe to show (no SQL, no parameters). */
function toSafeError(error: TRPCError): TRPCError {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return error.code === cause.code ? error : new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  const mapped = mapDbError(cause);
  if (mapped) return new TRPCError({ code: mapped.code, message: mapped.message, cause: mapped });
  if (error.code === "INTERNAL_SERVER_ERROR") {
    return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "服务器内部错误", cause });
  }
  return error;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    isDev,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      let message = shape.message;
      let field: string | null = null;
      let messageEn: string | null = null;
      if (cause instanceof DomainError) {
        message = cause.message;
        field = cause.field ?? null;
        messageEn = cause.messageEn ?? null;
      } else if (isZodError(cause)) {
        const issue = cause.issues[0];
        field = issue ? issue.path.map(String).join(".") : null;
        message = issue ? `输入有误${field ? `（${field}）` : ""}：${issue.message}` : "输入有误";
        messageEn = "Invalid input";
      } else if (error.code === "INTERNAL_SERVER_ERROR" || mapDbError(cause) || /Failed query|params:/i.test(message)) {
        message = "服务器内部错误";
        messageEn = "Internal server error";
      }
      const { stack, ...data } = shape.data;
      return {
        ...shape,
        message,
        data: { ...data, field, messageEn, ...(isDev && stack ? { stack } : {}) },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const safeErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const safe = toSafeError(result.error);
    if (safe !== result.error) return { ...result, error: safe };
  }
  return result;
});

/** Callable by anyone, signed in or not. Public procedures return allow-listed fields only. */
export const publicProcedure = t.procedure.use(safeErrors).meta({ public: true });

const denyByDefault = t.middleware(async ({ ctx, meta, path, type, next }) => {
  const roles = meta?.roles;
  const user = ctx.user;
  if (!user || !roles || roles.length === 0 || !roles.includes(user.role) || meta?.public) {
    const reason = !user ? "unauthenticated" : !roles || roles.length === 0 ? "no-policy" : "role";
    try {
      await writeAudit(ctx.db, ctx, {
        action: "access.denied",
        targetType: "procedure",
        targetId: path,
        success: false,
        detail: { reason, type },
      });
    } catch {
      // A failing audit write must not turn a denial into an internal error.
    }
    if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "请先登录", cause: new DomainError("UNAUTHORIZED", "请先登录", { messageEn: "Please sign in" }) });
    throw new TRPCError({ code: "FORBIDDEN", message: "无权执行此操作", cause: new DomainError("FORBIDDEN", "无权执行此操作", { messageEn: "Forbidden" }) });
  }
  return next({ ctx: { user } });
});

const staffBase = t.procedure.use(safeErrors).meta({ public: false }).use(denyByDefault);

/**
 * A procedure for signed-in staff whose role is in `roles`; every other caller is refused
 * (UNAUTHORIZED when not signed in, FORBIDDEN otherwise) and the denial is audited.
 */
export function staffProcedure(roles: readonly Role[]) {
  return staffBase.meta({ roles });
}
