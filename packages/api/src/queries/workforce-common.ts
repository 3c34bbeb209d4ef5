import {
  DEFAULT_EMPLOYER_POLICY,
  DEFAULT_GRADING_POLICY,
  DEFAULT_GUIDANCE_WAGE_POLICY,
  DEFAULT_MATCHING_POLICY,
  DEFAULT_REWARD_POLICY,
  isIsoDate,
  shanghaiDate,
} from "@lingong/core";
import * as core from "@lingong/core";
import { and, desc, eq, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { markets } from "../schema/core.ts";
import { policyVersions, type PolicyKind } from "../schema/orders.ts";

// Shared pieces of the workforce domains (workers, employers, orders, matching, dispatches).

export type DbLike = Db | Tx;

/** Today in Asia/Shanghai. */
export function todayShanghai(now: Date = new Date()): string {
  return shanghaiDate(now);
}

/** The instant a Shanghai wall-clock time `HH:MM` on `date` happens. */
export function shanghaiInstant(date: string, hhmm = "00:00"): Date {
  return new Date(`${date}T${hhmm}:00+08:00`);
}

export const zUuid = (what = "编号") => z.uuid(`${what}格式不正确`);
export const zIsoDate = z.string().refine(isIsoDate, "日期格式应为 YYYY-MM-DD 且为真实日期");
export const zFenPositive = z
  .number()
  .int("金额须为整数（分）")
  .positive("金额必须大于 0")
  .max(10_000_000, "金额过大");
export const zName = (max = 50) => z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字`);
export const zOptText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`).optional();
export const zReason = z.string().trim().min(2, "请填写原因").max(200, "原因不能超过 200 个字");
export const zIdempotencyKey = z.string().min(8).max(100).optional();

/** Takes a per-market transaction-scoped lock (numbering, fill counts) on both drivers. */
export async function lockKey(tx: DbLike, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/**
 * The next counter number `PREFIX000123` of a table within a market. Callers hold the lock
 * `no:<table>:<market>` for the rest of the transaction, so concurrent registrations never clash.
 */
export async function nextNumber(
  tx: DbLike,
  marketId: string,
  table: "workers" | "employers" | "job_orders",
  prefix: string,
): Promise<string> {
  await lockKey(tx, `no:${table}:${marketId}`);
  const column = table === "workers" ? "worker_no" : table === "employers" ? "employer_no" : "order_no";
  const like = `${prefix}%`;
  // Numbers are zero-padded to six digits, so the text maximum is the numeric maximum.
  const rows = await tx.execute(
    sql`select max(${sql.identifier(column)}) as n from ${sql.identifier(table)}
        where market_id = ${marketId} and ${sql.identifier(column)} like ${like}`,
  );
  const last = rowsOf<{ n: string | null }>(rows)[0]?.n ?? null;
  const digits = last ? Number(last.slice(prefix.length)) : 0;
  const n = (Number.isFinite(digits) ? digits : 0) + 1;
  return `${prefix}${String(n).padStart(6, "0")}`;
}

/** postgres.js returns an array, PGlite `{ rows }`: read both. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: T[] } | null)?.rows;
  return Array.isArray(rows) ? rows : [];
}

export interface MarketSettings {
  workerNoPrefix: string;
  /** Days after completion without the worker's paid confirmation before arrears are suspected. */
  arrearsAfterDays: number;
}

export async function marketSettings(db: DbLike, marketId: string): Promise<MarketSettings> {
  const [m] = await db.select({ settings: markets.settings }).from(markets).where(eq(markets.id, marketId));
  const s = m?.settings ?? {};
  const prefix = typeof s.workerNoPrefix === "string" && /^[A-Z]{1,4}$/.test(s.workerNoPrefix) ? s.workerNoPrefix : "LG";
  const days = typeof s.arrearsAfterDays === "number" && s.arrearsAfterDays >= 0 ? s.arrearsAfterDays : 3;
  return { workerNoPrefix: prefix, arrearsAfterDays: days };
}

const coreExports = core as unknown as Record<string, unknown>;

/** Qinshui's defaults from core for each policy kind (sanctions when core provides it). */
export function defaultPolicy(kind: PolicyKind): Record<string, unknown> {
  switch (kind) {
    case "grading":
      return DEFAULT_GRADING_POLICY as unknown as Record<string, unknown>;
    case "wages":
      return DEFAULT_GUIDANCE_WAGE_POLICY as unknown as Record<string, unknown>;
    case "matching":
      return DEFAULT_MATCHING_POLICY as unknown as Record<string, unknown>;
    case "sanctions":
      return (coreExports.DEFAULT_SANCTIONS_POLICY ?? coreExports.DEFAULT_SANCTION_POLICY ?? {}) as Record<string, unknown>;
    case "rewards":
      return DEFAULT_REWARD_POLICY as unknown as Record<string, unknown>;
    case "employer":
      return DEFAULT_EMPLOYER_POLICY as unknown as Record<string, unknown>;
  }
}

export interface EffectivePolicy<T> {
  body: T;
  /** 0 when the market has published none and core's default applies. */
  version: number;
  effectiveFrom: string | null;
}

/** The newest policy of a kind in force on `day`, or core's default. */
export async function effectivePolicy<T = Record<string, unknown>>(
  db: DbLike,
  marketId: string,
  kind: PolicyKind,
  day: string = todayShanghai(),
): Promise<EffectivePolicy<T>> {
  const [row] = await db
    .select({ body: policyVersions.body, version: policyVersions.version, effectiveFrom: policyVersions.effectiveFrom })
    .from(policyVersions)
    .where(and(eq(policyVersions.marketId, marketId), eq(policyVersions.kind, kind), lte(policyVersions.effectiveFrom, day)))
    .orderBy(desc(policyVersions.effectiveFrom), desc(policyVersions.version))
    .limit(1);
  if (row) return { body: row.body as T, version: row.version, effectiveFrom: row.effectiveFrom };
  return { body: defaultPolicy(kind) as T, version: 0, effectiveFrom: null };
}

export function badRequest(message: string, field: string, messageEn?: string): DomainError {
  return new DomainError("BAD_REQUEST", message, { field, ...(messageEn ? { messageEn } : {}) });
}
