import { WAGE_UNIT_LABELS, findTrade, formatFen, maskName } from "@lingong/core";
import type { WageUnit } from "@lingong/core";
import { and, asc, desc, eq, gte, inArray, lte, or, isNull } from "drizzle-orm";
import { DomainError, notFound } from "../errors.ts";
import { markets, townships } from "../schema/core.ts";
import { employers } from "../schema/employers.ts";
import { jobOrders } from "../schema/orders.ts";
import { announcements, exposureEntries, honourRoll } from "../schema/publicity.ts";
import { workers } from "../schema/workers.ts";
import type { DbLike } from "./hall-common.ts";

// Public screens (LED board, phone job list, WeChat text). Every row is built field by field from
// an allow list; free text typed by staff is scrubbed of anything that looks like a phone or ID
// number, because it is shown to anyone (PIPL Art 25).

const LONG_DIGITS = /\d[\d\s-]{5,}\d/g;
/** Free text safe for a public screen: runs of 7+ digits (phones, ID numbers) are hidden. */
export function scrubPublic(text: string | null | undefined): string {
  if (!text) return "";
  return text.replace(LONG_DIGITS, (m) => (m.replace(/\D/g, "").length >= 7 ? "***" : m)).slice(0, 500);
}

export async function marketByCode(db: DbLike, code: string) {
  const [m] = await db.select({ id: markets.id, name: markets.name }).from(markets).where(eq(markets.code, code));
  if (!m) throw new DomainError("NOT_FOUND", "没有这个零工市场", { field: "marketCode", messageEn: "Unknown market" });
  return m;
}

const OPEN_ORDER = ["published", "partly_filled"] as const;

function tradeLabel(code: string) {
  const t = findTrade(code);
  return { code, zh: t?.zh ?? code, en: t?.en ?? code };
}

function unitLabel(unit: string) {
  return WAGE_UNIT_LABELS[unit as WageUnit] ?? { zh: unit, en: unit };
}

export interface PublicOrder {
  id: string;
  orderNo: string;
  trade: { code: string; zh: string; en: string };
  headcountLeft: number;
  wageFen: number;
  wageUnit: string;
  wageUnitLabel: { zh: string; en: string };
  township: string | null;
  place: string;
  startDate: string;
  endDate: string;
  minStars: number;
}

export async function openOrders(db: DbLike, marketId: string, day: string, f: { trade?: string | undefined; orderId?: string | undefined; limit: number }): Promise<PublicOrder[]> {
  const rows = await db
    .select({
      id: jobOrders.id,
      orderNo: jobOrders.orderNo,
      tradeCode: jobOrders.tradeCode,
      headcount: jobOrders.headcount,
      filledCount: jobOrders.filledCount,
      wageFen: jobOrders.wageFen,
      wageUnit: jobOrders.wageUnit,
      township: townships.name,
      place: jobOrders.place,
      startDate: jobOrders.startDate,
      endDate: jobOrders.endDate,
      minStars: jobOrders.minStars,
    })
    .from(jobOrders)
    .innerJoin(employers, eq(employers.id, jobOrders.employerId))
    .leftJoin(townships, eq(townships.id, jobOrders.townshipId))
    .where(
      and(
        eq(jobOrders.marketId, marketId),
        inArray(jobOrders.status, [...OPEN_ORDER]),
        gte(jobOrders.endDate, day),
        // An excluded employer's orders are not advertised.
        inArray(employers.status, ["active", "warned"]),
        f.trade ? eq(jobOrders.tradeCode, f.trade) : undefined,
        f.orderId ? eq(jobOrders.id, f.orderId) : undefined,
      ),
    )
    .orderBy(asc(jobOrders.startDate), asc(jobOrders.orderNo))
    .limit(f.limit);
  return rows.map((r) => ({
    id: r.id,
    orderNo: r.orderNo,
    trade: tradeLabel(r.tradeCode),
    headcountLeft: Math.max(0, r.headcount - r.filledCount),
    wageFen: r.wageFen,
    wageUnit: r.wageUnit,
    wageUnitLabel: unitLabel(r.wageUnit),
    township: r.township ?? null,
    place: scrubPublic(r.place),
    startDate: r.startDate,
    endDate: r.endDate,
    minStars: r.minStars,
  }));
}

/** Today's needs by trade: open orders covering today, people still needed and the wage range. */
export async function todayNeeds(db: DbLike, marketId: string, day: string) {
  const orders = (await openOrders(db, marketId, day, { limit: 1000 })).filter((o) => o.startDate <= day && o.headcountLeft > 0);
  const byTrade = new Map<string, { trade: PublicOrder["trade"]; orders: number; headcountLeft: number; wages: Map<string, { min: number; max: number }> }>();
  for (const o of orders) {
    const t = byTrade.get(o.trade.code) ?? { trade: o.trade, orders: 0, headcountLeft: 0, wages: new Map() };
    t.orders += 1;
    t.headcountLeft += o.headcountLeft;
    const w = t.wages.get(o.wageUnit) ?? { min: o.wageFen, max: o.wageFen };
    w.min = Math.min(w.min, o.wageFen);
    w.max = Math.max(w.max, o.wageFen);
    t.wages.set(o.wageUnit, w);
    byTrade.set(o.trade.code, t);
  }
  return [...byTrade.values()]
    .sort((a, b) => b.headcountLeft - a.headcountLeft || a.trade.code.localeCompare(b.trade.code))
    .map((t) => ({
      trade: t.trade,
      orders: t.orders,
      headcountLeft: t.headcountLeft,
      wages: [...t.wages.entries()].map(([unit, w]) => ({ unit, unitLabel: unitLabel(unit), minFen: w.min, maxFen: w.max })),
    }));
}

export async function publicHonourRoll(db: DbLike, marketId: string, day: string, limit: number) {
  const rows = await db
    .select({ id: honourRoll.id, name: workers.name, stars: workers.stars, title: honourRoll.title, trade: honourRoll.trade, periodStart: honourRoll.periodStart, periodEnd: honourRoll.periodEnd })
    .from(honourRoll)
    .innerJoin(workers, eq(workers.id, honourRoll.workerId))
    .where(and(eq(honourRoll.marketId, marketId), eq(honourRoll.status, "active"), eq(workers.status, "active"), lte(honourRoll.periodStart, day), gte(honourRoll.periodEnd, day)))
    .orderBy(desc(workers.stars), asc(honourRoll.periodStart))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    maskedName: maskName(r.name),
    stars: r.stars,
    title: scrubPublic(r.title),
    trade: r.trade ? tradeLabel(r.trade) : null,
  }));
}

export async function publicExposure(db: DbLike, marketId: string, day: string, limit: number) {
  const rows = await db
    .select({
      id: exposureEntries.id,
      subject: exposureEntries.subject,
      workerName: workers.name,
      employerName: employers.name,
      employerKind: employers.kind,
      facts: exposureEntries.facts,
      legalBasis: exposureEntries.legalBasis,
      periodStart: exposureEntries.periodStart,
      periodEnd: exposureEntries.periodEnd,
      appealInfo: exposureEntries.appealInfo,
    })
    .from(exposureEntries)
    .leftJoin(workers, eq(workers.id, exposureEntries.workerId))
    .leftJoin(employers, eq(employers.id, exposureEntries.employerId))
    .where(and(eq(exposureEntries.marketId, marketId), eq(exposureEntries.status, "active"), lte(exposureEntries.periodStart, day), gte(exposureEntries.periodEnd, day)))
    .orderBy(desc(exposureEntries.periodStart))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    // A company is named in full; a person (worker or household employer) by surname only.
    name: r.subject === "employer" && r.employerKind === "company" ? scrubPublic(r.employerName) : maskName(r.subject === "worker" ? r.workerName : r.employerName),
    facts: scrubPublic(r.facts),
    legalBasis: scrubPublic(r.legalBasis),
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    appealInfo: scrubPublic(r.appealInfo),
  }));
}

export async function publicAnnouncements(db: DbLike, marketId: string, day: string, limit: number) {
  const rows = await db
    .select({ id: announcements.id, title: announcements.title, body: announcements.body, pinned: announcements.pinned, publishedOn: announcements.publishedOn })
    .from(announcements)
    .where(
      and(
        eq(announcements.marketId, marketId),
        eq(announcements.status, "active"),
        lte(announcements.publishedOn, day),
        or(isNull(announcements.expiresOn), gte(announcements.expiresOn, day)),
      ),
    )
    .orderBy(desc(announcements.pinned), desc(announcements.publishedOn))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, title: scrubPublic(r.title), body: scrubPublic(r.body), pinned: r.pinned, publishedOn: r.publishedOn }));
}

function orderText(o: PublicOrder): string {
  const lines = [
    `【${o.trade.zh}】还需 ${o.headcountLeft} 人`,
    `工资：${formatFen(o.wageFen)}/${o.wageUnitLabel.zh}`,
    `地点：${[o.township, o.place].filter(Boolean).join(" ")}`,
    `日期：${o.startDate === o.endDate ? o.startDate : `${o.startDate} 至 ${o.endDate}`}`,
  ];
  if (o.minStars > 0) lines.push(`要求：${o.minStars} 星及以上零工`);
  lines.push(`编号：${o.orderNo}`);
  return lines.join("\n");
}

/** The "copy for the WeChat group" text (R2): one order, or every open order starting by today. */
export async function jobsText(db: DbLike, market: { id: string; name: string }, day: string, orderId?: string) {
  const orders = orderId
    ? await openOrders(db, market.id, day, { orderId, limit: 1 })
    : (await openOrders(db, market.id, day, { limit: 50 })).filter((o) => o.headcountLeft > 0);
  if (orderId && orders.length === 0) throw notFound("招工信息", "orderId");
  const head = orderId ? `【${market.name}·招工】` : `【${market.name}·${day} 招工信息】共 ${orders.length} 条`;
  const body = orders.length === 0 ? "今日暂无招工信息，欢迎到市场大厅登记求职。" : orders.map(orderText).join("\n\n");
  const foot = "报名请到零工市场服务大厅登记，凭编号咨询工作人员。公益服务，不收取任何费用。";
  return { text: `${head}\n\n${body}\n\n${foot}`, count: orders.length };
}
