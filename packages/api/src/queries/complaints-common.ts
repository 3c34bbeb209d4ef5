import { eq, sql } from "drizzle-orm";
import { markets } from "../schema/core.ts";
import { complaints, type COMPLAINT_STATUSES } from "../schema/complaints.ts";
import type { DbLike } from "./hall-common.ts";
import { lockKey, rowsOf } from "./workforce-common.ts";

export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** From the market's settings: accept within 3 days, resolve within 30, look back 30 days for arrears, unless set. */
export async function complaintDeadlines(db: DbLike, marketId: string) {
  const [m] = await db.select({ settings: markets.settings }).from(markets).where(eq(markets.id, marketId));
  const s = m?.settings ?? {};
  const num = (v: unknown, d: number) => (typeof v === "number" && Number.isInteger(v) && v > 0 && v <= 365 ? v : d);
  return { acceptDays: num(s.complaintAcceptDays, 3), resolveDays: num(s.complaintResolveDays, 30), arrearsLookbackDays: num(s.arrearsLookbackDays, 30) };
}

export async function nextCaseNo(tx: DbLike, marketId: string, year: string): Promise<string> {
  await lockKey(tx, `no:complaints:${marketId}`);
  const prefix = `TS${year}`;
  const rows = await tx.execute<{ n: number | string | null }>(
    sql`select max(substring(case_no from ${prefix.length + 1}::int)::int) as n from ${complaints}
        where market_id = ${marketId} and case_no like ${`${prefix}%`} and substring(case_no from ${prefix.length + 1}::int) ~ '^[0-9]+$'`,
  );
  const n = Number(rowsOf<{ n: number | string | null }>(rows)[0]?.n ?? 0) + 1;
  return `${prefix}${String(n).padStart(4, "0")}`;
}

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  filed: "已登记",
  accepted: "已受理",
  mediating: "调解中",
  resolved: "已办结",
  referred_inspection: "已移送劳动监察",
  referred_arbitration: "已移送劳动仲裁",
  withdrawn: "已撤回",
};
