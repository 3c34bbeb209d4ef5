import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { markets, staffUsers } from "./core.ts";
import { jobOrders } from "./orders.ts";
import { workers } from "./workers.ts";

// R5/R6: shortlists from recommendation or a published lottery, negotiation rooms and bookings.
// Room double-booking is refused by an exclusion constraint (custom migration), not only in code.
const ts = () => timestamp({ withTimezone: true, mode: "date" });

export const SHORTLIST_STATUSES = ["shortlisted", "invited", "accepted", "declined", "dispatched", "removed"] as const;

export const lotteryDraws = pgTable(
  "lottery_draws",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    orderId: uuid()
      .notNull()
      .references(() => jobOrders.id),
    /** Published so anyone can re-run the draw and get the same result. */
    seed: text().notNull(),
    count: integer().notNull(),
    candidates: jsonb().$type<unknown[]>().notNull(),
    drawn: jsonb().$type<string[]>().notNull(),
    drawnBy: uuid().references(() => staffUsers.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index("lottery_draws_market_order").on(t.marketId, t.orderId, t.createdAt)],
);

export const shortlists = pgTable(
  "shortlists",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    orderId: uuid()
      .notNull()
      .references(() => jobOrders.id),
    workerId: uuid()
      .notNull()
      .references(() => workers.id),
    status: text().$type<(typeof SHORTLIST_STATUSES)[number]>().notNull().default("shortlisted"),
    source: text().$type<"recommend" | "lottery" | "manual">().notNull(),
    lotteryDrawId: uuid().references(() => lotteryDraws.id),
    score: real(),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("shortlists_order_worker").on(t.marketId, t.orderId, t.workerId),
    index("shortlists_market_worker").on(t.marketId, t.workerId),
    check(
      "shortlists_status_valid",
      sql`${t.status} in ('shortlisted', 'invited', 'accepted', 'declined', 'dispatched', 'removed')`,
    ),
    check("shortlists_source_valid", sql`${t.source} in ('recommend', 'lottery', 'manual')`),
  ],
);

/** The hall's negotiation rooms (market catalogue). */
export const negotiationRooms = pgTable(
  "negotiation_rooms",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    name: text().notNull(),
    capacity: integer().notNull(),
    active: boolean().notNull().default(true),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("negotiation_rooms_market_name").on(t.marketId, t.name),
    check("negotiation_rooms_capacity", sql`${t.capacity} between 1 and 200`),
  ],
);

export const roomBookings = pgTable(
  "room_bookings",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    roomId: uuid()
      .notNull()
      .references(() => negotiationRooms.id),
    orderId: uuid()
      .notNull()
      .references(() => jobOrders.id),
    startsAt: ts().notNull(),
    endsAt: ts().notNull(),
    partySize: integer().notNull(),
    status: text().$type<"booked" | "cancelled">().notNull().default("booked"),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index("room_bookings_market_room").on(t.marketId, t.roomId, t.startsAt),
    check("room_bookings_period", sql`${t.endsAt} > ${t.startsAt}`),
    check("room_bookings_party", sql`${t.partySize} >= 1`),
    check("room_bookings_status_valid", sql`${t.status} in ('booked', 'cancelled')`),
  ],
);
