import * as core from "@lingong/core";
import { eq, and } from "drizzle-orm";
import type { Db, Tx } from "./db/client.ts";
import { DomainError, dbErrorConstraint, isRetryableDbError, mapDbError } from "./errors.ts";
import { auditLog, idempotencyKeys } from "./schema/core.ts";
import type { Context } from "./trpc.ts";

type MaskFn = (value: string) => string;
const coreFns = core as unknown as Record<string, unknown>;

function localMaskResidentId(v: string): string {
  return v.length <= 10 ? "*".repeat(v.length) : `${v.slice(0, 6)}${"*".repeat(v.length - 10)}${v.slice(-4)}`;
}
function localMaskPhone(v: string): string {
  return v.length <= 7 ? "*".repeat(v.length) : `${v.slice(0, 3)}${"*".repeat(v.length - 7)}${v.slice(-4)}`;
}
const maskResidentId: MaskFn =
  typeof coreFns.maskResidentId === "function" ? (coreFns.maskResidentId as MaskFn) : localMaskResidentId;
const maskPhone: MaskFn = typeof coreFns.maskPhone === "function" ? (coreFns.maskPhone as MaskFn) : localMaskPhone;

const ID_KEY = /(idnumber|residentid|idcard|idno)/i;
const PHONE_KEY = /(phone|mobile|tel)/i;
const HIDDEN_KEY = /(photo|image|password|token|secret|enc$|encrypted|blind|hash$|address|hukou|household)/i;
const ID_IN_TEXT = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)/g;
const PHONE_IN_TEXT = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/**
 * Masks personal data before it is written to the audit log: ID numbers 6+4, phones 3+4,
 * photos, addresses, passwords and ciphertexts hidden. Strings that merely look like an ID
 * number or a mobile number are masked wherever they appear.
 */
export function maskSensitive(value: unknown, key = ""): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === "string") {
    if (HIDDEN_KEY.test(key)) return "[已隐藏]";
    if (ID_KEY.test(key)) return maskResidentId(value);
    if (PHONE_KEY.test(key)) return maskPhone(value);
    return value.replace(ID_IN_TEXT, (m) => maskResidentId(m)).replace(PHONE_IN_TEXT, (m) => maskPhone(m));
  }
  if (value instanceof Uint8Array) return "[已隐藏]";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => maskSensitive(v, key));
  if (typeof value === "object") {
    if (HIDDEN_KEY.test(key)) return "[已隐藏]";
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskSensitive(v, k);
    return out;
  }
  if ((typeof value === "number" || typeof value === "bigint") && (ID_KEY.test(key) || PHONE_KEY.test(key))) {
    return "[已隐藏]";
  }
  return value;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  success?: boolean;
  detail?: unknown;
  /** Overrides for events where the actor is not the context's user (e.g. a login attempt). */
  userId?: string | null;
  role?: string | null;
  marketId?: string | null;
}

type AuditContext = Pick<Context, "user" | "marketId" | "requestId" | "ip">;

/** Appends one audit row (inside the caller's transaction when given `tx`). */
export async function writeAudit(tx: Db | Tx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    marketId: entry.marketId !== undefined ? entry.marketId : (ctx.marketId ?? ctx.user?.marketId ?? null),
    userId: entry.userId !== undefined ? entry.userId : (ctx.user?.id ?? null),
    role: entry.role !== undefined ? entry.role : (ctx.user?.role ?? null),
    ip: ctx.ip,
    requestId: ctx.requestId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    success: entry.success ?? true,
    before: entry.before === undefined ? null : maskSensitive(entry.before),
    after: entry.after === undefined ? null : maskSensitive(entry.after),
    detail: entry.detail === undefined ? null : maskSensitive(entry.detail),
  });
}

export interface MutationOutcome<T> {
  result: T;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

export interface MutateOptions {
  action: string;
  targetType: string;
  /** Client-chosen key; a second call with the same key replays the stored result (as JSON). */
  idempotencyKey?: string | null;
  isolationLevel?: "read committed" | "repeatable read" | "serializable";
  /** Attempts for serialization failures and deadlocks (default 5). */
  attempts?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs one domain mutation: a single transaction with the work, its audit row and the
 * idempotency record; retried on serialization failures and deadlocks. A failed mutation is
 * audited (success false) after the rollback. Use only `tx` inside `work`.
 */
export async function mutate<T>(
  ctx: Context,
  opts: MutateOptions,
  work: (tx: Tx) => Promise<MutationOutcome<T>>,
): Promise<T> {
  const attempts = opts.attempts ?? 5;
  const key = opts.idempotencyKey && ctx.user ? opts.idempotencyKey : null;
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction(
        async (tx) => {
          if (key && ctx.user) {
            // The key row goes in first: a concurrent call with the same key waits on the unique
            // index, then fails with 23505, retries and replays the stored result.
            const existing = await tx
              .select({ result: idempotencyKeys.result, procedure: idempotencyKeys.procedure })
              .from(idempotencyKeys)
              .where(and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.userId, ctx.user.id)));
            const found = existing[0];
            if (found) {
              if (found.procedure !== opts.action) {
                throw new DomainError("CONFLICT", "幂等键已用于其他操作", { field: "idempotencyKey", messageEn: "Idempotency key reused" });
              }
              return found.result as T;
            }
            await tx.insert(idempotencyKeys).values({ marketId: ctx.marketId, key, userId: ctx.user.id, procedure: opts.action });
          }
          const outcome = await work(tx);
          await writeAudit(tx, ctx, {
            action: opts.action,
            targetType: opts.targetType,
            targetId: outcome.targetId ?? null,
            before: outcome.before,
            after: outcome.after,
            detail: outcome.detail,
          });
          if (key && ctx.user) {
            await tx
              .update(idempotencyKeys)
              .set({ result: (outcome.result ?? null) as unknown })
              .where(and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.userId, ctx.user.id)));
          }
          return outcome.result;
        },
        opts.isolationLevel ? { isolationLevel: opts.isolationLevel } : undefined,
      );
    } catch (err) {
      const duplicateKey = key !== null && dbErrorConstraint(err) === "idempotency_keys_key_user";
      if ((isRetryableDbError(err) || duplicateKey) && attempt < attempts) {
        await sleep(5 * attempt + Math.floor(Math.random() * 10 * attempt));
        continue;
      }
      const domain = err instanceof DomainError ? err : mapDbError(err);
      try {
        await writeAudit(ctx.db, ctx, {
          action: opts.action,
          targetType: opts.targetType,
          success: false,
          detail: { error: domain?.code ?? "INTERNAL", field: domain?.field ?? null },
        });
      } catch {
        // Keep the original error.
      }
      throw err;
    }
  }
}
