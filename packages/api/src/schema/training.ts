import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { markets } from "./core.ts";
import { workers } from "./workers.ts";

// M6: skills training in batches by trade.
export const ENROLMENT_STATUSES = ["enrolled", "completed", "dropped"] as const;

export const courses = pgTable(
  "courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    trade: text("trade").notNull(),
    title: text("title").notNull(),
    hours: integer("hours"),
    free: boolean("free").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("courses_market_trade_idx").on(t.marketId, t.trade)],
);

export const trainingBatches = pgTable(
  "training_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    capacity: integer("capacity").notNull(),
    place: text("place").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("training_batches_market_start_idx").on(t.marketId, t.startsOn),
    check("training_batches_dates", sql`${t.endsOn} >= ${t.startsOn}`),
    check("training_batches_capacity", sql`${t.capacity} > 0`),
  ],
);

export const enrolments = pgTable(
  "enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => trainingBatches.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => workers.id),
    status: text("status", { enum: ENROLMENT_STATUSES }).notNull().default("enrolled"),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }).notNull().defaultNow(),
    completedOn: date("completed_on", { mode: "string" }),
    certificateNo: text("certificate_no"),
  },
  (t) => [
    uniqueIndex("enrolments_market_batch_worker_idx").on(t.marketId, t.batchId, t.workerId),
    index("enrolments_market_worker_idx").on(t.marketId, t.workerId),
    uniqueIndex("enrolments_market_certificate_idx").on(t.marketId, t.certificateNo).where(sql`${t.certificateNo} is not null`),
    check("enrolments_completion", sql`(${t.status} = 'completed') = (${t.completedOn} is not null)`),
  ],
);

export const attendance = pgTable(
  "attendance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id),
    day: date("day", { mode: "string" }).notNull(),
    present: boolean("present").notNull(),
  },
  (t) => [uniqueIndex("attendance_market_enrolment_day_idx").on(t.marketId, t.enrolmentId, t.day)],
);
