import { isIsoDate, shanghaiDate } from "@lingong/core";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../db/client.ts";
import { DomainError, notFound } from "../errors.ts";
import { staffUsers } from "../schema/core.ts";
import { employers } from "../schema/employers.ts";
import { workers } from "../schema/workers.ts";

// Shared pieces of the after-service, rights and hall-service domains: input shapes with Chinese
// messages, the market scope of a call, and existence checks that answer NOT_FOUND across markets.

export { requireMarket } from "../context.ts";

/** Today in Asia/Shanghai. */
export function today(now: Date = new Date()): string {
  return shanghaiDate(now);
}

export const zId = z.uuid("编号格式不正确");
export const zDate = z.string().refine(isIsoDate, "日期格式应为 YYYY-MM-DD 且为真实日期");
/** Money in integer fen, 0 .. 1,000,000 yuan. */
export const zFen = z.number().int("金额须为整数（分）").min(0, "金额不能为负").max(100_000_000, "金额过大");
export const zText = (max: number) => z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字`);
export const zOptText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`).optional();
export const zIdem = z.string().min(8).max(100).optional();

export type DbLike = Db | Tx;

/** The worker in this market, or NOT_FOUND (a worker of another market is not revealed). */
export async function findWorker(db: DbLike, marketId: string, workerId: string) {
  const [w] = await db
    .select({ id: workers.id, name: workers.name, stars: workers.stars, status: workers.status, version: workers.version })
    .from(workers)
    .where(and(eq(workers.id, workerId), eq(workers.marketId, marketId)));
  if (!w) throw notFound("零工", "workerId");
  return w;
}

/** Same for an employer. */
export async function findEmployer(db: DbLike, marketId: string, employerId: string) {
  const [e] = await db
    .select({ id: employers.id, name: employers.name, kind: employers.kind, status: employers.status })
    .from(employers)
    .where(and(eq(employers.id, employerId), eq(employers.marketId, marketId)));
  if (!e) throw notFound("用工方", "employerId");
  return e;
}

/** A staff member of this market (e.g. the officer a case is assigned to). */
export async function findStaff(db: DbLike, marketId: string, userId: string, field: string) {
  const [u] = await db
    .select({ id: staffUsers.id, role: staffUsers.role, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, userId), eq(staffUsers.marketId, marketId)));
  if (!u) throw notFound("工作人员", field);
  return u;
}

export function badRequest(message: string, field: string, messageEn?: string): DomainError {
  return new DomainError("BAD_REQUEST", message, { field, ...(messageEn ? { messageEn } : {}) });
}
