import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
  check,
} from "drizzle-orm/pg-core";

const ts = () => timestamp({ withTimezone: true, mode: "date" });

/** One public gig-worker market per county; every business row carries its `market_id`. */
export const markets = pgTable("markets", {
  id: uuid().primaryKey().defaultRandom(),
  /** County administrative code (GB/T 2260), e.g. 140521 for Qinshui. */
  code: text().notNull().unique(),
  name: text().notNull(),
  county: text().notNull(),
  province: text().notNull(),
  settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts().notNull().defaultNow(),
});

export const townships = pgTable(
  "townships",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    name: text().notNull(),
    /** 镇 (town) or 乡 (township). */
    kind: text().notNull(),
    sort: smallint().notNull().default(0),
  },
  (t) => [
    unique("townships_market_name").on(t.marketId, t.name),
    check("townships_kind", sql`${t.kind} in ('镇', '乡')`),
  ],
);

export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Null for province-level accounts (leaders, admins, auditors acting across markets). */
    marketId: uuid().references(() => markets.id),
    username: text().notNull(),
    displayName: text().notNull(),
    role: text().notNull(),
    passwordHash: text().notNull(),
    passwordChangedAt: ts().notNull().defaultNow(),
    failedLogins: integer().notNull().default(0),
    lockedUntil: ts(),
    disabledAt: ts(),
    lastLoginAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    unique("staff_users_username").on(t.username),
    index("staff_users_market").on(t.marketId, t.role),
    check("staff_users_username_format", sql`${t.username} ~ '^[a-z0-9][a-z0-9._-]{2,31}$'`),
  ],
);

/** Server-side sessions. Only the SHA-256 of the cookie token is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    createdAt: ts().notNull().defaultNow(),
    lastSeenAt: ts().notNull().defaultNow(),
    /** Absolute expiry (created_at + 12 h); idle expiry is checked against last_seen_at. */
    expiresAt: ts().notNull(),
    endedAt: ts(),
    ip: text(),
  },
  (t) => [unique("sessions_token_hash").on(t.tokenHash), index("sessions_user").on(t.userId)],
);

/**
 * Append-only for the application (a trigger refuses UPDATE, DELETE and TRUNCATE, see the
 * `audit_append_only` migration). Sensitive values are masked before they get here.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    marketId: uuid(),
    at: ts().notNull().defaultNow(),
    userId: uuid(),
    role: text(),
    ip: text(),
    requestId: text(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    success: boolean().notNull().default(true),
    before: jsonb(),
    after: jsonb(),
    detail: jsonb(),
  },
  (t) => [
    index("audit_log_market_at").on(t.marketId, t.at),
    index("audit_log_market_target").on(t.marketId, t.targetType, t.targetId),
    index("audit_log_market_user").on(t.marketId, t.userId, t.at),
  ],
);

/** Results of mutations that carried an idempotency key, replayed when the key comes again. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid(),
    key: text().notNull(),
    userId: uuid().notNull(),
    procedure: text().notNull(),
    result: jsonb(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [unique("idempotency_keys_key_user").on(t.key, t.userId), index("idempotency_keys_created").on(t.createdAt)],
);
