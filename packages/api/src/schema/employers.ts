import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { markets, staffUsers, townships } from "./core.ts";

// Employers (用工方): a person (household, farm) or a company with its unified social credit code.
// The contact phone is encrypted with a blind index like a worker's.
const ts = () => timestamp({ withTimezone: true, mode: "date" });

export const EMPLOYER_KINDS = ["person", "company"] as const;
export const EMPLOYER_STATUSES = ["active", "warned", "excluded"] as const;
export const EMPLOYER_INDUSTRIES = ["coal", "construction", "farm", "household", "manufacturing", "services", "other"] as const;

export const employers = pgTable(
  "employers",
  {
    id: uuid().primaryKey().defaultRandom(),
    marketId: uuid()
      .notNull()
      .references(() => markets.id),
    employerNo: text().notNull(),
    kind: text().$type<(typeof EMPLOYER_KINDS)[number]>().notNull(),
    name: text().notNull(),
    /** 统一社会信用代码 (GB 32100-2015), companies only. */
    creditCode: text(),
    industry: text().$type<(typeof EMPLOYER_INDUSTRIES)[number]>().notNull().default("other"),
    contactName: text().notNull(),
    contactPhoneEnc: text().notNull(),
    contactPhoneBidx: text().notNull(),
    contactPhoneMasked: text().notNull(),
    townshipId: uuid().references(() => townships.id),
    address: text(),
    status: text().$type<(typeof EMPLOYER_STATUSES)[number]>().notNull().default("active"),
    statusReason: text(),
    verifiedAt: ts(),
    verifiedBy: uuid().references(() => staffUsers.id),
    note: text(),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("employers_market_no").on(t.marketId, t.employerNo),
    uniqueIndex("employers_market_credit_code").on(t.marketId, t.creditCode).where(sql`${t.creditCode} is not null`),
    index("employers_market_name").on(t.marketId, t.name),
    index("employers_market_phone").on(t.marketId, t.contactPhoneBidx),
    check("employers_kind_valid", sql`${t.kind} in ('person', 'company')`),
    check("employers_status_valid", sql`${t.status} in ('active', 'warned', 'excluded')`),
    check("employers_company_code", sql`${t.kind} = 'person' or ${t.creditCode} is not null`),
    check("employers_name_length", sql`char_length(${t.name}) between 1 and 100`),
  ],
);
