import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { markets, staffUsers, townships } from "./core.ts";

// M1/M2: one archive per worker. Resident ID number, phone and home address are encrypted at rest
// (AES-256-GCM, `*_enc`); lookups and uniqueness go through HMAC blind indexes (`*_bidx`), and the
// masked forms are stored so lists never need to decrypt (checklist A1, A2, A7).
const ts = () => timestamp({ withTimezone: true, mode: "date" });

export const WORKER_STATUSES = ["active", "probation", "expelled", "deregistered"] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];
export const WORKER_SOURCES = ["counter", "online", "import", "demo"] as const;
export const GRADE_CHANGE_KINDS = ["initial", "review", "sanction", "reward", "reversal", "manual"] as const;
export const CONDUCT_EVENT_KINDS = ["no_show", "late_cancellation", "upheld_complaint", "malicious_work"] as const;
export const DOCUMENT_KINDS = ["id_front", "id_back", "photo"] as const;
export const DOCUMENT_MIMES = ["image/jpeg", "image/png"] as const;
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export const workers = pgTable(
  "workers",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    /** Counter number, e.g. QS000123; unique within the market. */
    workerNo: text().notNull(),
    name: text().notNull(),
    gender: text().$type<"male" | "female">(),
    birthDate: date({ mode: "string" }),
    /** Null after deregistration (retention, checklist A5). */
    idNumberEnc: text(),
    idNumberBidx: text(),
    idNumberMasked: text(),
    phoneEnc: text(),
    phoneBidx: text(),
    phoneLast4: text(),
    phoneMasked: text(),
    /** 户籍所在地. */
    hukou: text(),
    homeAddressEnc: text(),
    tempAddress: text(),
    townshipId: uuid().references(() => townships.id),
    workYears: smallint().notNull().default(0),
    workHistory: text(),
    stars: smallint().notNull().default(0),
    status: text().$type<WorkerStatus>().notNull().default("active"),
    source: text().$type<(typeof WORKER_SOURCES)[number]>().notNull().default("counter"),
    consentVersion: text().notNull(),
    consentedAt: ts().notNull(),
    consentWithdrawnAt: ts(),
    deregisteredAt: ts(),
    /** Bumped on every update; lets the grade engine detect interleaving writes. */
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("workers_market_no").on(t.marketId, t.workerNo),
    uniqueIndex("workers_market_id_bidx").on(t.marketId, t.idNumberBidx).where(sql`${t.idNumberBidx} is not null`),
    index("workers_market_phone_bidx").on(t.marketId, t.phoneBidx),
    index("workers_market_name").on(t.marketId, t.name),
    index("workers_market_status").on(t.marketId, t.status, t.stars),
    check("workers_stars_range", sql`${t.stars} between 0 and 5`),
    check("workers_status_valid", sql`${t.status} in ('active', 'probation', 'expelled', 'deregistered')`),
    check("workers_work_years_range", sql`${t.workYears} between 0 and 80`),
    check("workers_name_length", sql`char_length(${t.name}) between 1 and 50`),
    check("workers_gender_valid", sql`${t.gender} is null or ${t.gender} in ('male', 'female')`),
    check(
      "workers_deregistered_cleared",
      sql`${t.status} <> 'deregistered' or (${t.idNumberEnc} is null and ${t.homeAddressEnc} is null)`,
    ),
  ],
);

/** Trades a worker declares, with the national skill grade and certificates held for each. */
export const workerTrades = pgTable(
  "worker_trades",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    workerId: uuid()
      .notNull()
      .references(() => workers.id, { onDelete: "cascade" }),
    tradeCode: text().notNull(),
    skillGrade: text().notNull().default("none"),
    certificates: jsonb().$type<string[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex("worker_trades_worker_trade").on(t.marketId, t.workerId, t.tradeCode),
    index("worker_trades_market_trade").on(t.marketId, t.tradeCode, t.skillGrade),
    check("worker_trades_grade_valid", sql`${t.skillGrade} in ('none', 'L5', 'L4', 'L3', 'L2', 'L1')`),
  ],
);

/** History of archive changes (M2 "kept up to date"): before/after with sensitive fields masked. */
export const workerChanges = pgTable(
  "worker_changes",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    workerId: uuid()
      .notNull()
      .references(() => workers.id),
    changedBy: uuid().references(() => staffUsers.id),
    reason: text(),
    before: jsonb().$type<Record<string, unknown>>().notNull(),
    after: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index("worker_changes_market_worker").on(t.marketId, t.workerId, t.createdAt)],
);

/** ID copies and photo (M1). Bytes are AES-GCM encrypted; cleared on deregistration. */
export const workerDocuments = pgTable(
  "worker_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    workerId: uuid()
      .notNull()
      .references(() => workers.id),
    kind: text().$type<(typeof DOCUMENT_KINDS)[number]>().notNull(),
    mime: text().$type<(typeof DOCUMENT_MIMES)[number]>().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    contentEnc: text(),
    uploadedBy: uuid().references(() => staffUsers.id),
    createdAt: ts().notNull().defaultNow(),
    deletedAt: ts(),
  },
  (t) => [
    index("worker_documents_market_worker").on(t.marketId, t.workerId, t.kind),
    check("worker_documents_kind_valid", sql`${t.kind} in ('id_front', 'id_back', 'photo')`),
    check("worker_documents_mime_valid", sql`${t.mime} in ('image/jpeg', 'image/png')`),
    check("worker_documents_size_limit", sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 2097152`),
  ],
);

/**
 * Star-grade history with reasons (M3). The first row (kind `initial`) is written at
 * registration; reviews, sanctions and reversals append further rows.
 */
export const gradeChanges = pgTable(
  "grade_changes",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    workerId: uuid()
      .notNull()
      .references(() => workers.id),
    fromGrade: smallint(),
    toGrade: smallint().notNull(),
    kind: text().$type<(typeof GRADE_CHANGE_KINDS)[number]>().notNull(),
    reasons: jsonb().$type<unknown[]>().notNull().default([]),
    /** The row in another domain that caused it (a review, a sanction), if any. */
    sourceId: uuid(),
    decidedBy: uuid().references(() => staffUsers.id),
    approvedBy: uuid().references(() => staffUsers.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index("grade_changes_market_worker").on(t.marketId, t.workerId, t.createdAt),
    check("grade_changes_range", sql`${t.toGrade} between 0 and 5 and (${t.fromGrade} is null or ${t.fromGrade} between 0 and 5)`),
    check(
      "grade_changes_kind_valid",
      sql`${t.kind} in ('initial', 'review', 'sanction', 'reward', 'reversal', 'manual')`,
    ),
  ],
);

/** Conduct facts the sanctions engine reads (no-shows, late cancellations, upheld complaints). */
export const conductEvents = pgTable(
  "conduct_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    workerId: uuid()
      .notNull()
      .references(() => workers.id),
    kind: text().$type<(typeof CONDUCT_EVENT_KINDS)[number]>().notNull(),
    occurredOn: date({ mode: "string" }).notNull(),
    /** Where it came from: `dispatch`, `complaint`, `manual`. */
    source: text().notNull(),
    sourceId: uuid(),
    note: text(),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index("conduct_events_market_worker").on(t.marketId, t.workerId, t.occurredOn),
    uniqueIndex("conduct_events_source_once").on(t.marketId, t.source, t.sourceId, t.kind).where(sql`${t.sourceId} is not null`),
    check(
      "conduct_events_kind_valid",
      sql`${t.kind} in ('no_show', 'late_cancellation', 'upheld_complaint', 'malicious_work')`,
    ),
  ],
);

/** Online pre-registrations (R8): name, phone, trades and consent only; completed at the counter. */
export const preRegistrations = pgTable(
  "pre_registrations",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    name: text().notNull(),
    phoneEnc: text().notNull(),
    phoneBidx: text().notNull(),
    phoneMasked: text().notNull(),
    trades: jsonb().$type<string[]>().notNull().default([]),
    consentVersion: text().notNull(),
    consentedAt: ts().notNull(),
    status: text().$type<"pending" | "completed" | "rejected">().notNull().default("pending"),
    workerId: uuid().references(() => workers.id),
    completedBy: uuid().references(() => staffUsers.id),
    completedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index("pre_registrations_market_status").on(t.marketId, t.status, t.createdAt),
    index("pre_registrations_market_phone").on(t.marketId, t.phoneBidx),
    check("pre_registrations_status_valid", sql`${t.status} in ('pending', 'completed', 'rejected')`),
  ],
);
