import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { markets, staffUsers } from "./core.ts";
import { workers } from "./workers.ts";

// R8 reading room: free lending; like a tool, a copy is never out twice.
export const books = pgTable(
  "books",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    title: text("title").notNull(),
    author: text("author"),
    isbn: text("isbn"),
    category: text("category"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("books_market_title_idx").on(t.marketId, t.title)],
);

export const bookLoans = pgTable(
  "book_loans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    bookId: uuid("book_id")
      .notNull()
      .references(() => books.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => workers.id),
    lentAt: timestamp("lent_at", { withTimezone: true }).notNull().defaultNow(),
    lentBy: uuid("lent_by")
      .notNull()
      .references(() => staffUsers.id),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("book_loans_one_open_idx").on(t.marketId, t.bookId).where(sql`${t.returnedAt} is null`),
    index("book_loans_market_worker_idx").on(t.marketId, t.workerId),
  ],
);

// R9: meals, midday rest and the like, counted for the operator's report.
export const SERVICE_KINDS = ["meal", "midday_rest", "water", "other"] as const;

export const servicesLog = pgTable(
  "services_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    marketId: uuid("market_id")
      .notNull()
      .references(() => markets.id),
    kind: text("kind", { enum: SERVICE_KINDS }).notNull(),
    workerId: uuid("worker_id").references(() => workers.id),
    servedOn: date("served_on", { mode: "string" }).notNull(),
    count: integer("count").notNull().default(1),
    feeFen: integer("fee_fen").notNull().default(0),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("services_log_market_day_idx").on(t.marketId, t.servedOn),
    check("services_log_count", sql`${t.count} > 0`),
    check("services_log_fee", sql`${t.feeFen} >= 0`),
  ],
);
