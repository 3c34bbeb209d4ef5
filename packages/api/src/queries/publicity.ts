import { addDays, daysBetween } from "@lingong/core";
import { and, desc, eq } from "drizzle-orm";
import { DomainError, notFound, registerConstraintMessage } from "../errors.ts";
import { staffUsers } from "../schema/core.ts";
import { complaints } from "../schema/complaints.ts";
import { employers } from "../schema/employers.ts";
import { announcements, exposureEntries, honourRoll } from "../schema/publicity.ts";
import { sanctions } from "../schema/sanctions.ts";
import { workers } from "../schema/workers.ts";
import { badRequest, findEmployer, findWorker, today } from "./hall-common.ts";
import type { DbLike } from "./hall-common.ts";

registerConstraintMessage("exposure_entries_basis", { code: "BAD_REQUEST", message: "曝光须注明法律或政策依据", field: "legalBasis" });
registerConstraintMessage("exposure_entries_period", { code: "BAD_REQUEST", message: "结束日期不能早于开始日期", field: "periodEnd" });
registerConstraintMessage("honour_roll_period", { code: "BAD_REQUEST", message: "结束日期不能早于开始日期", field: "periodEnd" });

/** Exposure is a penalty listing: at most a year (国办发〔2020〕49号: proportionate and time-limited). */
export const MAX_EXPOSURE_DAYS = 365;

function checkPeriod(start: string, end: string, maxDays: number) {
  if (daysBetween(start, end) < 0) throw badRequest("结束日期不能早于开始日期", "periodEnd", "End before start");
  if (daysBetween(start, end) > maxDays) throw badRequest(`公示期不能超过 ${maxDays} 天`, "periodEnd", `At most ${maxDays} days`);
}

export async function addHonour(
  tx: DbLike,
  marketId: string,
  staffId: string,
  input: { workerId: string; title: string; citation?: string | undefined; trade?: string | undefined; periodStart: string; periodEnd: string },
  now: Date = new Date(),
) {
  const w = await findWorker(tx, marketId, input.workerId);
  if (w.status !== "active") throw badRequest("只有状态正常的零工可以上荣誉榜", "workerId");
  checkPeriod(input.periodStart, input.periodEnd, 366);
  const [row] = await tx
    .insert(honourRoll)
    .values({ marketId, workerId: w.id, title: input.title, citation: input.citation ?? null, trade: input.trade ?? null, periodStart: input.periodStart, periodEnd: input.periodEnd, consentAt: now, createdBy: staffId, createdAt: now })
    .returning();
  return row!;
}

export async function listHonour(db: DbLike, marketId: string, limit: number) {
  return db
    .select({
      id: honourRoll.id,
      workerId: workers.id,
      workerName: workers.name,
      workerNo: workers.workerNo,
      stars: workers.stars,
      title: honourRoll.title,
      citation: honourRoll.citation,
      trade: honourRoll.trade,
      periodStart: honourRoll.periodStart,
      periodEnd: honourRoll.periodEnd,
      status: honourRoll.status,
    })
    .from(honourRoll)
    .innerJoin(workers, eq(workers.id, honourRoll.workerId))
    .where(eq(honourRoll.marketId, marketId))
    .orderBy(desc(honourRoll.periodEnd))
    .limit(limit);
}

export async function withdrawHonour(tx: DbLike, marketId: string, input: { id: string }) {
  const [row] = await tx.select().from(honourRoll).where(and(eq(honourRoll.id, input.id), eq(honourRoll.marketId, marketId))).for("update");
  if (!row) throw notFound("荣誉榜记录", "id");
  if (row.status !== "active") throw new DomainError("CONFLICT", "该记录已撤下", { field: "id" });
  const [after] = await tx.update(honourRoll).set({ status: "withdrawn" }).where(eq(honourRoll.id, row.id)).returning();
  return { before: row, after: after! };
}

export interface ExposureInput {
  subject: "worker" | "employer";
  workerId?: string | undefined;
  employerId?: string | undefined;
  facts: string;
  legalBasis: string;
  periodStart: string;
  periodEnd: string;
  appealInfo: string;
  sanctionId?: string | undefined;
  complaintId?: string | undefined;
}

/**
 * An exposure entry rests on a decided case: a worker's approved (not reversed) sanction, or a
 * complaint upheld against the employer. It must cite its basis, start no earlier than the case
 * and run for a limited period.
 */
export async function addExposure(tx: DbLike, marketId: string, staffId: string, input: ExposureInput, now: Date = new Date()) {
  checkPeriod(input.periodStart, input.periodEnd, MAX_EXPOSURE_DAYS);
  if (input.periodEnd < today(now)) throw badRequest("公示期已过，无需曝光", "periodEnd");
  if (input.subject === "worker") {
    if (!input.workerId) throw badRequest("请选择零工", "workerId");
    if (!input.sanctionId) throw badRequest("曝光零工须关联已生效的处分", "sanctionId");
    await findWorker(tx, marketId, input.workerId);
    const [s] = await tx
      .select({ status: sanctions.status, workerId: sanctions.workerId })
      .from(sanctions)
      .where(and(eq(sanctions.id, input.sanctionId), eq(sanctions.marketId, marketId)));
    if (!s || s.workerId !== input.workerId) throw notFound("处分", "sanctionId");
    if (s.status !== "approved") throw badRequest("只能依据已生效且未撤销的处分曝光", "sanctionId");
  } else {
    if (!input.employerId) throw badRequest("请选择用工方", "employerId");
    if (!input.complaintId) throw badRequest("曝光用工方须关联经核实成立的投诉", "complaintId");
    await findEmployer(tx, marketId, input.employerId);
    const [c] = await tx
      .select({ upheld: complaints.upheld, employerId: complaints.employerId, respondent: complaints.respondent })
      .from(complaints)
      .where(and(eq(complaints.id, input.complaintId), eq(complaints.marketId, marketId)));
    if (!c || c.employerId !== input.employerId) throw notFound("投诉", "complaintId");
    if (c.upheld !== true || c.respondent !== "employer") throw badRequest("只能依据经核实成立的针对该用工方的投诉曝光", "complaintId");
  }
  const [row] = await tx
    .insert(exposureEntries)
    .values({
      marketId,
      subject: input.subject,
      workerId: input.subject === "worker" ? input.workerId! : null,
      employerId: input.subject === "employer" ? input.employerId! : null,
      facts: input.facts,
      legalBasis: input.legalBasis,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      appealInfo: input.appealInfo,
      sanctionId: input.sanctionId ?? null,
      complaintId: input.complaintId ?? null,
      createdBy: staffId,
      createdAt: now,
    })
    .returning();
  return row!;
}

/** Ends an entry early: `withdrawn` (mistake, appeal upheld) or `repaired` (信用修复). */
export async function endExposure(tx: DbLike, marketId: string, staffId: string, input: { id: string; status: "withdrawn" | "repaired"; reason: string }, now: Date = new Date()) {
  const [row] = await tx.select().from(exposureEntries).where(and(eq(exposureEntries.id, input.id), eq(exposureEntries.marketId, marketId))).for("update");
  if (!row) throw notFound("曝光记录", "id");
  if (row.status !== "active") throw new DomainError("CONFLICT", "该曝光已结束", { field: "id" });
  const [after] = await tx
    .update(exposureEntries)
    .set({ status: input.status, statusReason: input.reason, updatedBy: staffId, updatedAt: now })
    .where(eq(exposureEntries.id, row.id))
    .returning();
  return { before: row, after: after! };
}

export async function listExposure(db: DbLike, marketId: string, limit: number) {
  return db
    .select({
      id: exposureEntries.id,
      subject: exposureEntries.subject,
      workerId: exposureEntries.workerId,
      workerName: workers.name,
      employerId: exposureEntries.employerId,
      employerName: employers.name,
      facts: exposureEntries.facts,
      legalBasis: exposureEntries.legalBasis,
      periodStart: exposureEntries.periodStart,
      periodEnd: exposureEntries.periodEnd,
      appealInfo: exposureEntries.appealInfo,
      status: exposureEntries.status,
      statusReason: exposureEntries.statusReason,
      createdByName: staffUsers.displayName,
      createdAt: exposureEntries.createdAt,
    })
    .from(exposureEntries)
    .leftJoin(workers, eq(workers.id, exposureEntries.workerId))
    .leftJoin(employers, eq(employers.id, exposureEntries.employerId))
    .innerJoin(staffUsers, eq(staffUsers.id, exposureEntries.createdBy))
    .where(eq(exposureEntries.marketId, marketId))
    .orderBy(desc(exposureEntries.createdAt))
    .limit(limit);
}

export async function addAnnouncement(
  tx: DbLike,
  marketId: string,
  staffId: string,
  input: { title: string; body: string; pinned?: boolean | undefined; publishedOn?: string | undefined; expiresOn?: string | undefined },
  now: Date = new Date(),
) {
  const publishedOn = input.publishedOn ?? today(now);
  if (input.expiresOn && input.expiresOn < publishedOn) throw badRequest("失效日期不能早于发布日期", "expiresOn");
  const [row] = await tx
    .insert(announcements)
    .values({ marketId, title: input.title, body: input.body, pinned: input.pinned ?? false, publishedOn, expiresOn: input.expiresOn ?? addDays(publishedOn, 90), createdBy: staffId, createdAt: now })
    .returning();
  return row!;
}

export async function withdrawAnnouncement(tx: DbLike, marketId: string, input: { id: string }) {
  const [row] = await tx.select().from(announcements).where(and(eq(announcements.id, input.id), eq(announcements.marketId, marketId))).for("update");
  if (!row) throw notFound("公告", "id");
  if (row.status !== "active") throw new DomainError("CONFLICT", "该公告已撤下", { field: "id" });
  const [after] = await tx.update(announcements).set({ status: "withdrawn" }).where(eq(announcements.id, row.id)).returning();
  return { before: row, after: after! };
}

export async function listAnnouncements(db: DbLike, marketId: string, limit: number) {
  return db.select().from(announcements).where(eq(announcements.marketId, marketId)).orderBy(desc(announcements.pinned), desc(announcements.publishedOn)).limit(limit);
}
