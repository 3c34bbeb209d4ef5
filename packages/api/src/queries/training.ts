import { daysBetween } from "@lingong/core";
import { and, asc, desc, eq, gte, sql } from "drizzle-orm";
import { DomainError, notFound, registerConstraintMessage } from "../errors.ts";
import { attendance, courses, enrolments, trainingBatches } from "../schema/training.ts";
import { workers } from "../schema/workers.ts";
import { badRequest, findWorker, today } from "./hall-common.ts";
import type { DbLike } from "./hall-common.ts";

registerConstraintMessage("enrolments_market_batch_worker_idx", { code: "CONFLICT", message: "该零工已报名此批次", field: "workerId", messageEn: "Already enrolled" });
registerConstraintMessage("enrolments_market_certificate_idx", { code: "CONFLICT", message: "证书编号已被使用", field: "certificateNo", messageEn: "Certificate number in use" });
registerConstraintMessage("training_batches_dates", { code: "BAD_REQUEST", message: "结束日期不能早于开始日期", field: "endsOn" });

export async function createCourse(tx: DbLike, marketId: string, input: { trade: string; title: string; hours?: number | undefined; free: boolean }) {
  const [row] = await tx.insert(courses).values({ marketId, trade: input.trade, title: input.title, hours: input.hours ?? null, free: input.free }).returning();
  return row!;
}

export async function listCourses(db: DbLike, marketId: string, trade?: string) {
  return db
    .select()
    .from(courses)
    .where(and(eq(courses.marketId, marketId), trade ? eq(courses.trade, trade) : undefined))
    .orderBy(asc(courses.trade), asc(courses.title));
}

export async function createBatch(tx: DbLike, marketId: string, input: { courseId: string; startsOn: string; endsOn: string; capacity: number; place: string }) {
  const [c] = await tx.select({ id: courses.id }).from(courses).where(and(eq(courses.id, input.courseId), eq(courses.marketId, marketId)));
  if (!c) throw notFound("课程", "courseId");
  if (daysBetween(input.startsOn, input.endsOn) < 0) throw badRequest("结束日期不能早于开始日期", "endsOn", "End before start");
  if (daysBetween(input.startsOn, input.endsOn) > 366) throw badRequest("一个批次不能超过一年", "endsOn");
  const [row] = await tx.insert(trainingBatches).values({ marketId, ...input }).returning();
  return row!;
}

export async function listBatches(db: DbLike, marketId: string, f: { courseId?: string | undefined; from?: string | undefined; limit: number }) {
  return db
    .select({
      id: trainingBatches.id,
      courseId: courses.id,
      trade: courses.trade,
      title: courses.title,
      startsOn: trainingBatches.startsOn,
      endsOn: trainingBatches.endsOn,
      capacity: trainingBatches.capacity,
      place: trainingBatches.place,
      enrolled: sql<number>`(select count(*)::int from ${enrolments} e where e.batch_id = ${trainingBatches.id} and e.status <> 'dropped')`,
      completed: sql<number>`(select count(*)::int from ${enrolments} e where e.batch_id = ${trainingBatches.id} and e.status = 'completed')`,
    })
    .from(trainingBatches)
    .innerJoin(courses, eq(courses.id, trainingBatches.courseId))
    .where(
      and(
        eq(trainingBatches.marketId, marketId),
        f.courseId ? eq(trainingBatches.courseId, f.courseId) : undefined,
        f.from ? gte(trainingBatches.endsOn, f.from) : undefined,
      ),
    )
    .orderBy(desc(trainingBatches.startsOn))
    .limit(f.limit);
}

/** Enrols a worker; the batch row is locked so two counters cannot overfill it. */
export async function enrol(tx: DbLike, marketId: string, input: { batchId: string; workerId: string }, now: Date = new Date()) {
  const [batch] = await tx
    .select()
    .from(trainingBatches)
    .where(and(eq(trainingBatches.id, input.batchId), eq(trainingBatches.marketId, marketId)))
    .for("update");
  if (!batch) throw notFound("培训批次", "batchId");
  const w = await findWorker(tx, marketId, input.workerId);
  if (w.status === "expelled" || w.status === "deregistered") throw badRequest("该零工已不在市场服务范围内", "workerId");
  if (batch.endsOn < today(now)) throw badRequest("该批次已结束，不能报名", "batchId", "Batch has ended");
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(enrolments)
    .where(and(eq(enrolments.batchId, batch.id), sql`${enrolments.status} <> 'dropped'`));
  if (Number(n) >= batch.capacity) throw new DomainError("CONFLICT", "该批次名额已满", { field: "batchId", messageEn: "Batch is full" });
  const [row] = await tx.insert(enrolments).values({ marketId, batchId: batch.id, workerId: w.id, enrolledAt: now }).returning();
  return row!;
}

async function lockEnrolment(tx: DbLike, marketId: string, enrolmentId: string) {
  const [row] = await tx
    .select({ e: enrolments, b: trainingBatches })
    .from(enrolments)
    .innerJoin(trainingBatches, eq(trainingBatches.id, enrolments.batchId))
    .where(and(eq(enrolments.id, enrolmentId), eq(enrolments.marketId, marketId)))
    .for("update", { of: enrolments });
  if (!row) throw notFound("报名记录", "enrolmentId");
  return row;
}

export async function recordAttendance(tx: DbLike, marketId: string, input: { enrolmentId: string; day: string; present: boolean }, now: Date = new Date()) {
  const { e, b } = await lockEnrolment(tx, marketId, input.enrolmentId);
  if (e.status === "dropped") throw badRequest("该学员已退出", "enrolmentId");
  if (input.day < b.startsOn || input.day > b.endsOn) throw badRequest("考勤日期不在培训期间内", "day", "Day outside the batch");
  if (input.day > today(now)) throw badRequest("不能记录未来日期的考勤", "day");
  const [row] = await tx
    .insert(attendance)
    .values({ marketId, enrolmentId: e.id, day: input.day, present: input.present })
    .onConflictDoUpdate({ target: [attendance.marketId, attendance.enrolmentId, attendance.day], set: { present: input.present } })
    .returning();
  return row!;
}

export async function completeEnrolment(
  tx: DbLike,
  marketId: string,
  input: { enrolmentId: string; completedOn: string; certificateNo?: string | undefined },
  now: Date = new Date(),
) {
  const { e, b } = await lockEnrolment(tx, marketId, input.enrolmentId);
  if (e.status !== "enrolled") throw new DomainError("CONFLICT", "该报名已结业或已退出", { field: "enrolmentId" });
  if (input.completedOn < b.startsOn) throw badRequest("结业日期不能早于开班日期", "completedOn");
  if (input.completedOn > today(now)) throw badRequest("结业日期不能晚于今天", "completedOn");
  const [row] = await tx
    .update(enrolments)
    .set({ status: "completed", completedOn: input.completedOn, certificateNo: input.certificateNo ?? null })
    .where(eq(enrolments.id, e.id))
    .returning();
  return { before: e, after: row! };
}

export async function dropEnrolment(tx: DbLike, marketId: string, input: { enrolmentId: string }) {
  const { e } = await lockEnrolment(tx, marketId, input.enrolmentId);
  if (e.status !== "enrolled") throw new DomainError("CONFLICT", "该报名已结业或已退出", { field: "enrolmentId" });
  const [row] = await tx.update(enrolments).set({ status: "dropped" }).where(eq(enrolments.id, e.id)).returning();
  return { before: e, after: row! };
}

export async function batchRoster(db: DbLike, marketId: string, batchId: string) {
  const [b] = await db.select().from(trainingBatches).where(and(eq(trainingBatches.id, batchId), eq(trainingBatches.marketId, marketId)));
  if (!b) throw notFound("培训批次", "batchId");
  const rows = await db
    .select({
      enrolmentId: enrolments.id,
      workerId: workers.id,
      workerName: workers.name,
      workerNo: workers.workerNo,
      status: enrolments.status,
      completedOn: enrolments.completedOn,
      certificateNo: enrolments.certificateNo,
      daysPresent: sql<number>`(select count(*)::int from ${attendance} a where a.enrolment_id = ${enrolments.id} and a.present)`,
      daysRecorded: sql<number>`(select count(*)::int from ${attendance} a where a.enrolment_id = ${enrolments.id})`,
    })
    .from(enrolments)
    .innerJoin(workers, eq(workers.id, enrolments.workerId))
    .where(and(eq(enrolments.marketId, marketId), eq(enrolments.batchId, batchId)))
    .orderBy(asc(workers.workerNo));
  return { batch: b, enrolments: rows };
}

export async function trainingByWorker(db: DbLike, marketId: string, workerId: string) {
  await findWorker(db, marketId, workerId);
  return db
    .select({
      enrolmentId: enrolments.id,
      batchId: trainingBatches.id,
      trade: courses.trade,
      title: courses.title,
      startsOn: trainingBatches.startsOn,
      endsOn: trainingBatches.endsOn,
      status: enrolments.status,
      completedOn: enrolments.completedOn,
      certificateNo: enrolments.certificateNo,
    })
    .from(enrolments)
    .innerJoin(trainingBatches, eq(trainingBatches.id, enrolments.batchId))
    .innerJoin(courses, eq(courses.id, trainingBatches.courseId))
    .where(and(eq(enrolments.marketId, marketId), eq(enrolments.workerId, workerId)))
    .orderBy(desc(trainingBatches.startsOn));
}
