import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { resolveSession, tokenFromCookieHeader } from "./auth/session.ts";
import type { Db } from "./db/client.ts";
import { DomainError } from "./errors.ts";
import type { Context } from "./trpc.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface HttpContextInput {
  req: IncomingMessage;
  ip: string;
  requestId?: string;
  setCookie?: (cookie: string) => void;
}

/**
 * Builds the tRPC context of an HTTP request: the signed-in user from the session cookie and
 * the market acted on — the user's own market, or for a province-level account the one named
 * in the `x-lingong-market` header.
 */
export function createContextFactory(db: Db) {
  return async function createContext({ req, ip, requestId, setCookie }: HttpContextInput): Promise<Context> {
    const token = tokenFromCookieHeader(req.headers.cookie);
    const session = token ? await resolveSession(db, token) : null;
    const user = session?.user ?? null;
    const asked = req.headers["x-lingong-market"];
    const chosen = typeof asked === "string" && UUID.test(asked) ? asked : null;
    const ctx: Context = {
      db,
      user,
      marketId: user?.marketId ?? chosen,
      requestId: requestId ?? randomUUID(),
      ip,
    };
    if (session) ctx.sessionId = session.sessionId;
    if (setCookie) ctx.setCookie = setCookie;
    return ctx;
  };
}

/** The market a procedure acts on; province-level accounts must choose one first. */
export function requireMarket(ctx: Pick<Context, "marketId">): string {
  if (!ctx.marketId) {
    throw new DomainError("PRECONDITION_FAILED", "请先选择市场", { field: "marketId", messageEn: "Choose a market first" });
  }
  return ctx.marketId;
}
