import {
  checkDiscrimination,
  checkOfferedWage,
  findTrade,
  isSkillGradeAllowed,
  type GuidanceWagePolicy,
  type SkillGrade,
  type StarGrade,
} from "@lingong/core";
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { DomainError, notFound } from "../errors.ts";
import { townships } from "../schema/core.ts";
import { dispatches, LIVE_DISPATCH_STATUSES } from "../schema/dispatches.ts";
import { employers } from "../schema/employers.ts";
import { jobOrders, type OrderStatus, type WageUnit } from "../schema/orders.ts";
import { loadEmployer } from "./employers.ts";
import { badRequest, effectivePolicy, nextNumber, todayShanghai, type DbLike } from "./workforce-common.ts";
import type { Actor } from "./workers.ts";

// R2 job orders: intake with the guidance wage check (M7) and the discrimination checker (R10),
// then draft -> published -> partly_filled/filled -> closed | cancelled.

export interface OrderFields {
  employerId: string;
  tradeCode: string;
  skillGrade: SkillGrade;
  minStars: number;
  headcount: number;
  startDate: string;
  endDate: string;
  townshipId?: string | undefined;
  place: string;
  wageFen: number;
  wageUnit: WageUnit;
  requirements: string;
  certificates: string[];
}

export type OrderRow = typeof jobOrders.$inferSelect;

/** The wage check and discrimination findings for an order's fields (core rules). */
export async function assessOrder(db: DbLike, marketId: string, f: Pick<OrderFields, "tradeCode" | "skillGrade" | "minStars" | "wageUnit" | "wageFen" | "requirements">, day = todayShanghai()) {
  const policy = await effectivePolicy<GuidanceWagePolicy>(db, marketId, "wages", day);
  const wage = checkOfferedWage(policy.body, { trade: f.tradeCode, skillGrade: f.skillGrade, stars: f.minStars as StarGrade, unit: f.wageUnit, offeredFen: f.wageFen });
  const discrimination = checkDiscrimination(f.requirements);
  return { wage, guidance: wage.range, findings: discrimination.findings, wagePolicyVersion: policy.version };
}

async function validateFields(db: DbLike, marketId: string, f: OrderFields, opts: { allowPast?: boolean; today: string }) {
  const trade = findTrade(f.tradeCode);
  if (!trade) throw badRequest(`工种“${f.tradeCode}”不在目录中`, "tradeCode", "Unknown trade");
  if (!isSkillGradeAllowed(f.tradeCode, f.skillGrade)) throw badRequest(`工种“${trade.zh}”没有该技术等级`, "skillGrade", "Skill grade not available for this trade");
  if (f.endDate < f.startDate) throw badRequest("结束日期不能早于开始日期", "endDate", "End date is before the start date");
  if (!opts.allowPast && f.startDate < opts.today) throw badRequest("开始日期不能早于今天", "startDate", "Start date is in the past");
  const employer = await loadEmployer(db, marketId, f.employerId);
  if (employer.status === "excluded") throw new DomainError("PRECONDITION_FAILED", "该用工方已被排除，不能发布用工需求", { field: "employerId", messageEn: "Employer is excluded" });
  if (f.townshipId) {
    const [t] = await db.select({ id: townships.id }).from(townships).where(and(eq(townships.id, f.townshipId), eq(townships.marketId, marketId)));
    if (!t) throw notFound("乡镇", "townshipId");
  }
}

export async function createOrder(tx: DbLike, actor: Actor, f: OrderFields, opts: { allowPast?: boolean; now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const today = todayShanghai(now);
  await validateFields(tx, actor.marketId, f, { allowPast: opts.allowPast ?? false, today });
  const assessment = await assessOrder(tx, actor.marketId, f, today);
  const orderNo = await nextNumber(tx, actor.marketId, "job_orders", "J");
  const [row] = await tx
    .insert(jobOrders)
    .values({ ...f, townshipId: f.townshipId ?? null, marketId: actor.marketId, orderNo, findings: assessment.findings, createdBy: actor.userId, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error("order insert returned nothing");
  return { order: row, ...assessment };
}

export async function loadOrder(db: DbLike, marketId: string, orderId: string, forUpdate = false): Promise<OrderRow> {
  const q = db.select().from(jobOrders).where(and(eq(jobOrders.id, orderId), eq(jobOrders.marketId, marketId)));
  const [o] = forUpdate ? await q.for("update") : await q;
  if (!o) throw notFound("用工需求", "orderId");
  return o;
}

/** Edits a draft; findings and the wage check are recomputed. */
export async function updateOrder(tx: DbLike, actor: Actor, orderId: string, patch: Partial<Omit<OrderFields, "employerId">>, now = new Date()) {
  const o = await loadOrder(tx, actor.marketId, orderId, true);
  if (o.status !== "draft") throw new DomainError("PRECONDITION_FAILED", "只有草稿状态的需求可以修改", { field: "orderId", messageEn: "Only drafts can be edited" });
  const merged: OrderFields = {
    employerId: o.employerId,
    tradeCode: patch.tradeCode ?? o.tradeCode,
    skillGrade: patch.skillGrade ?? (o.skillGrade as SkillGrade),
    minStars: patch.minStars ?? o.minStars,
    headcount: patch.headcount ?? o.headcount,
    startDate: patch.startDate ?? o.startDate,
    endDate: patch.endDate ?? o.endDate,
    townshipId: patch.townshipId !== undefined ? patch.townshipId : (o.townshipId ?? undefined),
    place: patch.place ?? o.place,
    wageFen: patch.wageFen ?? o.wageFen,
    wageUnit: patch.wageUnit ?? o.wageUnit,
    requirements: patch.requirements ?? o.requirements,
    certificates: patch.certificates ?? o.certificates,
  };
  const today = todayShanghai(now);
  await validateFields(tx, actor.marketId, merged, { today });
  const assessment = await assessOrder(tx, actor.marketId, merged, today);
  const [row] = await tx
    .update(jobOrders)
    .set({ ...merged, townshipId: merged.townshipId ?? null, findings: assessment.findings, overrideReason: null, updatedAt: now })
    .where(eq(jobOrders.id, orderId))
    .returning();
  if (!row) throw notFound("用工需求", "orderId");
  return { before: o, order: row, ...assessment };
}

/**
 * Publishes a draft. A posting with discrimination findings is refused unless staff override
 * with a reason (kept on the order and in the audit row).
 */
export async function publishOrder(tx: DbLike, actor: Actor, orderId: string, overrideReason: string | undefined, now = new Date()) {
  const o = await loadOrder(tx, actor.marketId, orderId, true);
  if (o.status !== "draft") throw new DomainError("PRECONDITION_FAILED", "只有草稿状态的需求可以发布", { field: "orderId", messageEn: "Only drafts can be published" });
  const findings = (o.findings ?? []) as { zh?: string }[];
  if (findings.length > 0 && !overrideReason) {
    const words = findings.map((f) => f.zh ?? "").filter(Boolean).join("；");
    throw new DomainError("BAD_REQUEST", `用工要求含有可能构成就业歧视的内容，请修改后再发布（或填写理由后强制发布）：${words}`, { field: "requirements", messageEn: "Requirements contain possible discrimination; edit or override with a reason" });
  }
  const employer = await loadEmployer(tx, actor.marketId, o.employerId);
  if (employer.status === "excluded") throw new DomainError("PRECONDITION_FAILED", "该用工方已被排除，不能发布用工需求", { field: "employerId", messageEn: "Employer is excluded" });
  const [row] = await tx
    .update(jobOrders)
    .set({ status: "published", publishedAt: now, overrideReason: findings.length > 0 ? (overrideReason ?? null) : null, updatedAt: now })
    .where(eq(jobOrders.id, orderId))
    .returning();
  if (!row) throw notFound("用工需求", "orderId");
  return { before: o, order: row };
}

export async function closeOrder(tx: DbLike, actor: Actor, orderId: string, now = new Date()) {
  const o = await loadOrder(tx, actor.marketId, orderId, true);
  if (!["published", "partly_filled", "filled"].includes(o.status)) throw new DomainError("PRECONDITION_FAILED", "只有已发布的需求可以结束", { field: "orderId", messageEn: "Only published orders can be closed" });
  const [row] = await tx.update(jobOrders).set({ status: "closed", closedAt: now, updatedAt: now }).where(eq(jobOrders.id, orderId)).returning();
  return { before: o, order: row ?? o };
}

/** Cancels an order; its assigned (not yet started) dispatches are cancelled with it. */
export async function cancelOrder(tx: DbLike, actor: Actor, orderId: string, reason: string, now = new Date()) {
  const o = await loadOrder(tx, actor.marketId, orderId, true);
  if (o.status === "closed" || o.status === "cancelled") throw new DomainError("PRECONDITION_FAILED", "该需求已结束或已取消", { field: "orderId", messageEn: "Order already closed or cancelled" });
  const started = await tx.select({ id: dispatches.id }).from(dispatches).where(and(eq(dispatches.orderId, orderId), eq(dispatches.status, "started"))).limit(1);
  if (started.length > 0) throw new DomainError("PRECONDITION_FAILED", "已有零工开工，不能取消，请结束需求", { field: "orderId", messageEn: "Work has started; close the order instead" });
  await tx
    .update(dispatches)
    .set({ status: "cancelled", cancelledAt: now, cancelReason: `需求取消：${reason}`, updatedAt: now })
    .where(and(eq(dispatches.orderId, orderId), eq(dispatches.status, "assigned")));
  const [row] = await tx.update(jobOrders).set({ status: "cancelled", cancelledAt: now, cancelReason: reason, updatedAt: now }).where(eq(jobOrders.id, orderId)).returning();
  return { before: o, order: row ?? o };
}

/**
 * Recomputes an order's fill count from its live dispatches and moves it between published,
 * partly_filled and filled. Call inside the dispatch's transaction with the order locked.
 */
export async function refreshFill(tx: DbLike, orderId: string, now = new Date()): Promise<OrderRow | undefined> {
  const [c] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(dispatches)
    .where(and(eq(dispatches.orderId, orderId), inArray(dispatches.status, [...LIVE_DISPATCH_STATUSES])));
  const n = c?.n ?? 0;
  const [row] = await tx
    .update(jobOrders)
    .set({
      filledCount: n,
      status: sql`case when ${jobOrders.status} in ('published', 'partly_filled', 'filled')
        then (case when ${n} = 0 then 'published' when ${n} >= ${jobOrders.headcount} then 'filled' else 'partly_filled' end)
        else ${jobOrders.status} end`,
      updatedAt: now,
    })
    .where(eq(jobOrders.id, orderId))
    .returning();
  return row;
}

export interface OrderFilter {
  status?: OrderStatus[] | undefined;
  employerId?: string | undefined;
  tradeCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export async function listOrders(db: DbLike, marketId: string, f: OrderFilter = {}) {
  const where: SQL[] = [eq(jobOrders.marketId, marketId)];
  if (f.status && f.status.length > 0) where.push(inArray(jobOrders.status, f.status));
  if (f.employerId) where.push(eq(jobOrders.employerId, f.employerId));
  if (f.tradeCode) where.push(eq(jobOrders.tradeCode, f.tradeCode));
  if (f.from) where.push(gte(jobOrders.endDate, f.from));
  if (f.to) where.push(lte(jobOrders.startDate, f.to));
  const rows = await db
    .select({
      id: jobOrders.id,
      orderNo: jobOrders.orderNo,
      employerId: jobOrders.employerId,
      employerName: employers.name,
      tradeCode: jobOrders.tradeCode,
      skillGrade: jobOrders.skillGrade,
      minStars: jobOrders.minStars,
      headcount: jobOrders.headcount,
      filledCount: jobOrders.filledCount,
      startDate: jobOrders.startDate,
      endDate: jobOrders.endDate,
      townshipId: jobOrders.townshipId,
      place: jobOrders.place,
      wageFen: jobOrders.wageFen,
      wageUnit: jobOrders.wageUnit,
      requirements: jobOrders.requirements,
      status: jobOrders.status,
      hasFindings: sql<boolean>`jsonb_array_length(${jobOrders.findings}) > 0`,
      publishedAt: jobOrders.publishedAt,
      createdAt: jobOrders.createdAt,
    })
    .from(jobOrders)
    .innerJoin(employers, eq(employers.id, jobOrders.employerId))
    .where(and(...where))
    .orderBy(desc(jobOrders.startDate), asc(jobOrders.orderNo))
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0);
  return rows.map((r) => ({ ...r, tradeZh: findTrade(r.tradeCode)?.zh ?? r.tradeCode }));
}

export async function getOrder(db: DbLike, marketId: string, orderId: string) {
  const o = await loadOrder(db, marketId, orderId);
  const employer = await loadEmployer(db, marketId, o.employerId);
  const assessment = await assessOrder(db, marketId, { ...o, skillGrade: o.skillGrade as SkillGrade });
  return { order: { ...o, tradeZh: findTrade(o.tradeCode)?.zh ?? o.tradeCode }, employer: { id: employer.id, name: employer.name, employerNo: employer.employerNo, status: employer.status, contactPhoneMasked: employer.contactPhoneMasked }, ...assessment };
}
