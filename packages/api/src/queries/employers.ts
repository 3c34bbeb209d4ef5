import { maskPhone, normalizeMobile, parseCreditCode } from "@lingong/core";
import { and, asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { DomainError, notFound } from "../errors.ts";
import { townships } from "../schema/core.ts";
import { dispatches } from "../schema/dispatches.ts";
import { employers, type EMPLOYER_INDUSTRIES } from "../schema/employers.ts";
import { jobOrders } from "../schema/orders.ts";
import { encryptPii, phoneIndex, phoneIndexes } from "./pii.ts";
import { badRequest, nextNumber, type DbLike } from "./workforce-common.ts";
import type { Actor } from "./workers.ts";

// Employers (用工方): persons or companies; contact phone encrypted, masked in every response.

export interface EmployerFields {
  kind: "person" | "company";
  name: string;
  creditCode?: string | undefined;
  industry: (typeof EMPLOYER_INDUSTRIES)[number];
  contactName: string;
  contactPhone: string;
  townshipId?: string | undefined;
  address?: string | undefined;
  note?: string | undefined;
}

export type EmployerRow = typeof employers.$inferSelect;

export function employerView(e: EmployerRow) {
  return {
    id: e.id,
    employerNo: e.employerNo,
    kind: e.kind,
    name: e.name,
    creditCode: e.creditCode,
    industry: e.industry,
    contactName: e.contactName,
    contactPhoneMasked: e.contactPhoneMasked,
    townshipId: e.townshipId,
    address: e.address,
    status: e.status,
    statusReason: e.statusReason,
    verifiedAt: e.verifiedAt,
    verifiedBy: e.verifiedBy,
    note: e.note,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

function checkedCreditCode(kind: "person" | "company", code: string | undefined): string | null {
  if (!code) {
    if (kind === "company") throw badRequest("单位用工方须填写统一社会信用代码", "creditCode", "A company needs its unified social credit code");
    return null;
  }
  const parsed = parseCreditCode(code);
  if (!parsed.ok) throw new DomainError("BAD_REQUEST", parsed.error.zh, { field: "creditCode", messageEn: parsed.error.en });
  return parsed.code;
}

async function assertTownship(db: DbLike, marketId: string, townshipId: string | undefined | null) {
  if (!townshipId) return;
  const [t] = await db.select({ id: townships.id }).from(townships).where(and(eq(townships.id, townshipId), eq(townships.marketId, marketId)));
  if (!t) throw notFound("乡镇", "townshipId");
}

export async function createEmployer(tx: DbLike, actor: Actor, input: EmployerFields, now = new Date()) {
  const creditCode = checkedCreditCode(input.kind, input.creditCode);
  const phone = normalizeMobile(input.contactPhone);
  if (!phone) throw badRequest("联系电话格式不正确（应为 11 位大陆手机号）", "contactPhone", "Not a mainland mobile number");
  await assertTownship(tx, actor.marketId, input.townshipId);
  if (creditCode) {
    const [dup] = await tx.select({ employerNo: employers.employerNo }).from(employers).where(and(eq(employers.marketId, actor.marketId), eq(employers.creditCode, creditCode)));
    if (dup) throw new DomainError("CONFLICT", `该统一社会信用代码已登记，用工方编号 ${dup.employerNo}`, { field: "creditCode", messageEn: `Already registered as ${dup.employerNo}` });
  }
  const employerNo = await nextNumber(tx, actor.marketId, "employers", "E");
  const [row] = await tx
    .insert(employers)
    .values({
      marketId: actor.marketId,
      employerNo,
      kind: input.kind,
      name: input.name,
      creditCode,
      industry: input.industry,
      contactName: input.contactName,
      contactPhoneEnc: encryptPii(phone),
      contactPhoneBidx: phoneIndex(phone),
      contactPhoneMasked: maskPhone(phone),
      townshipId: input.townshipId ?? null,
      address: input.address ?? null,
      note: input.note ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error("employer insert returned nothing");
  return employerView(row);
}

export async function loadEmployer(db: DbLike, marketId: string, employerId: string, forUpdate = false): Promise<EmployerRow> {
  const q = db.select().from(employers).where(and(eq(employers.id, employerId), eq(employers.marketId, marketId)));
  const [e] = forUpdate ? await q.for("update") : await q;
  if (!e) throw notFound("用工方", "employerId");
  return e;
}

export async function updateEmployer(tx: DbLike, actor: Actor, employerId: string, patch: Partial<EmployerFields> & { status?: "active" | "warned" | "excluded" | undefined; statusReason?: string | undefined }, now = new Date()) {
  const e = await loadEmployer(tx, actor.marketId, employerId, true);
  const set: Partial<typeof employers.$inferInsert> = { updatedAt: now };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.kind !== undefined || patch.creditCode !== undefined) {
    const kind = patch.kind ?? e.kind;
    set.kind = kind;
    set.creditCode = checkedCreditCode(kind, patch.creditCode ?? e.creditCode ?? undefined);
  }
  if (patch.industry !== undefined) set.industry = patch.industry;
  if (patch.contactName !== undefined) set.contactName = patch.contactName;
  if (patch.contactPhone !== undefined) {
    const phone = normalizeMobile(patch.contactPhone);
    if (!phone) throw badRequest("联系电话格式不正确（应为 11 位大陆手机号）", "contactPhone", "Not a mainland mobile number");
    Object.assign(set, { contactPhoneEnc: encryptPii(phone), contactPhoneBidx: phoneIndex(phone), contactPhoneMasked: maskPhone(phone) });
  }
  if (patch.townshipId !== undefined) {
    await assertTownship(tx, actor.marketId, patch.townshipId);
    set.townshipId = patch.townshipId;
  }
  if (patch.address !== undefined) set.address = patch.address;
  if (patch.note !== undefined) set.note = patch.note;
  if (patch.status !== undefined) {
    if (patch.status !== "active" && !patch.statusReason) throw badRequest("请填写警告或排除的原因", "statusReason", "A reason is required");
    set.status = patch.status;
    set.statusReason = patch.statusReason ?? null;
  }
  const [row] = await tx.update(employers).set(set).where(eq(employers.id, employerId)).returning();
  if (!row) throw notFound("用工方", "employerId");
  return { before: employerView(e), after: employerView(row) };
}

export async function verifyEmployer(tx: DbLike, actor: Actor, employerId: string, now = new Date()) {
  const e = await loadEmployer(tx, actor.marketId, employerId, true);
  if (e.verifiedAt) throw new DomainError("CONFLICT", "该用工方已核验", { field: "employerId", messageEn: "Already verified" });
  const [row] = await tx.update(employers).set({ verifiedAt: now, verifiedBy: actor.userId, updatedAt: now }).where(eq(employers.id, employerId)).returning();
  if (!row) throw notFound("用工方", "employerId");
  return employerView(row);
}

/** One search box: name, employer number, credit code or contact mobile. */
export async function searchEmployers(db: DbLike, marketId: string, q: string, limit = 20, status?: string) {
  const text = q.trim();
  const compact = text.replace(/\s+/g, "").toUpperCase();
  const scope = [eq(employers.marketId, marketId)];
  if (status) scope.push(eq(employers.status, status as EmployerRow["status"]));
  let where;
  const mobile = normalizeMobile(text);
  if (mobile) where = inArray(employers.contactPhoneBidx, phoneIndexes(mobile));
  else if (/^[0-9A-Z]{18}$/.test(compact)) where = eq(employers.creditCode, compact);
  else if (/^E\d{1,8}$/.test(compact)) where = eq(employers.employerNo, compact);
  else if (text) {
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    where = or(ilike(employers.name, `%${escaped}%`), ilike(employers.contactName, `${escaped}%`));
  }
  const rows = await db.select().from(employers).where(where ? and(...scope, where) : and(...scope)).orderBy(asc(employers.employerNo)).limit(limit);
  return rows.map(employerView);
}

/** The employer's record: profile, orders and dispatch counts, unpaid completions. */
export async function getEmployer(db: DbLike, marketId: string, employerId: string) {
  const e = await loadEmployer(db, marketId, employerId);
  const orders = await db
    .select({ id: jobOrders.id, orderNo: jobOrders.orderNo, tradeCode: jobOrders.tradeCode, headcount: jobOrders.headcount, filledCount: jobOrders.filledCount, startDate: jobOrders.startDate, endDate: jobOrders.endDate, status: jobOrders.status, wageFen: jobOrders.wageFen, wageUnit: jobOrders.wageUnit })
    .from(jobOrders)
    .where(and(eq(jobOrders.marketId, marketId), eq(jobOrders.employerId, employerId)))
    .orderBy(sql`${jobOrders.startDate} desc`)
    .limit(100);
  const [stats] = await db
    .select({
      dispatches: count(),
      completed: sql<number>`count(*) filter (where ${dispatches.status} = 'completed')`.mapWith(Number),
      unpaid: sql<number>`count(*) filter (where ${dispatches.status} = 'completed' and ${dispatches.paidConfirmedAt} is null)`.mapWith(Number),
    })
    .from(dispatches)
    .where(and(eq(dispatches.marketId, marketId), eq(dispatches.employerId, employerId), inArray(dispatches.status, ["assigned", "started", "completed", "no_show", "cancelled"])));
  return { profile: employerView(e), orders, stats: { dispatches: Number(stats?.dispatches ?? 0), completed: stats?.completed ?? 0, unpaidCompleted: stats?.unpaid ?? 0 } };
}
