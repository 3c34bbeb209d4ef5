import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { isRole } from "../roles.ts";
import { sessions, staffUsers } from "../schema/core.ts";
import type { SessionUser } from "../trpc.ts";

/** `__Host-` cookies must be Secure, Path=/ and without Domain; browsers accept Secure on http://localhost. */
export const SESSION_COOKIE = "__Host-lingong";
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often (a write per request would cost the hot path). */
const TOUCH_INTERVAL_MS = 60 * 1000;
/** Resolved sessions are cached this long; disabling an account clears the cache at once. */
const CACHE_TTL_MS = 5 * 1000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${ABSOLUTE_TIMEOUT_MS / 1000}`;
}
export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
}

/** Reads the session token from a Cookie header. */
export function tokenFromCookieHeader(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eqAt = part.indexOf("=");
    if (eqAt < 0) continue;
    if (part.slice(0, eqAt).trim() === SESSION_COOKIE) {
      const v = part.slice(eqAt + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(v) ? v : null;
    }
  }
  return null;
}

/** Creates a fresh session (a new random id at every login: no fixation). */
export async function createSession(tx: Db | Tx, userId: string, ip: string, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
  const [row] = await tx
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, ip, createdAt: now, lastSeenAt: now, expiresAt })
    .returning({ id: sessions.id });
  if (!row) throw new Error("session insert returned nothing");
  return { token, sessionId: row.id, expiresAt };
}

interface Resolved {
  user: SessionUser;
  sessionId: string;
  lastSeenAt: number;
  expiresAt: number;
}
const cache = new Map<string, { value: Resolved; cachedAt: number }>();

export function clearSessionCache(): void {
  cache.clear();
}

function forgetUser(userId: string) {
  for (const [k, v] of cache) if (v.value.user.id === userId) cache.delete(k);
}

/**
 * Finds the live session for a cookie token: not ended, within the idle (30 min) and absolute
 * (12 h) limits, account not disabled. Returns null otherwise.
 */
export async function resolveSession(db: Db, token: string, now = Date.now()): Promise<Resolved | null> {
  const hash = hashToken(token);
  const hit = cache.get(hash);
  let value: Resolved | undefined;
  if (hit && now - hit.cachedAt < CACHE_TTL_MS) {
    value = hit.value;
  } else {
    const rows = await db
      .select({
        sessionId: sessions.id,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        id: staffUsers.id,
        role: staffUsers.role,
        marketId: staffUsers.marketId,
        displayName: staffUsers.displayName,
        username: staffUsers.username,
      })
      .from(sessions)
      .innerJoin(staffUsers, eq(staffUsers.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, hash), isNull(sessions.endedAt), isNull(staffUsers.disabledAt)));
    const r = rows[0];
    if (!r || !isRole(r.role)) {
      cache.delete(hash);
      return null;
    }
    value = {
      user: { id: r.id, role: r.role, marketId: r.marketId, displayName: r.displayName, username: r.username },
      sessionId: r.sessionId,
      lastSeenAt: r.lastSeenAt.getTime(),
      expiresAt: r.expiresAt.getTime(),
    };
    cache.set(hash, { value, cachedAt: now });
  }
  if (now >= value.expiresAt || now - value.lastSeenAt > IDLE_TIMEOUT_MS) {
    cache.delete(hash);
    await db.update(sessions).set({ endedAt: new Date(now) }).where(and(eq(sessions.id, value.sessionId), isNull(sessions.endedAt)));
    return null;
  }
  if (now - value.lastSeenAt > TOUCH_INTERVAL_MS) {
    value.lastSeenAt = now;
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, value.sessionId));
  }
  return value;
}

/** Ends one session (logout). */
export async function endSession(tx: Db | Tx, sessionId: string, now = new Date()): Promise<void> {
  for (const [k, v] of cache) if (v.value.sessionId === sessionId) cache.delete(k);
  await tx.update(sessions).set({ endedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Ends every session of a user (account disabled, role changed, password reset). */
export async function endUserSessions(tx: Db | Tx, userId: string, now = new Date()): Promise<void> {
  forgetUser(userId);
  await tx.update(sessions).set({ endedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
}
