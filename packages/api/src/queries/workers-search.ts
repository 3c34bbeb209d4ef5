import { normalizeMobile, parseResidentId } from "@lingong/core";
import { and, asc, eq, ilike, inArray, or } from "drizzle-orm";
import { workers } from "../schema/workers.ts";
import { idNumberIndexes, phoneIndexes } from "./pii.ts";
import { todayShanghai, type DbLike } from "./workforce-common.ts";
import { tradesOf, workerSummary, type WorkerRow } from "./workers-common.ts";

/**
 * One search box (counter): an ID number (blind index), a mobile number (blind index), the last
 * four digits of a phone, a worker number, or part of a name.
 */
export async function searchWorkers(db: DbLike, marketId: string, q: string, limit = 20, status?: string) {
  const text = q.trim();
  const scope = [eq(workers.marketId, marketId)];
  if (status) scope.push(eq(workers.status, status as WorkerRow["status"]));
  let where;
  const compact = text.replace(/[\s\u3000-]+/g, "").toUpperCase();
  if (/^\d{17}[\dX]$|^\d{15}$/.test(compact)) {
    const parsed = parseResidentId(compact);
    if (!parsed.ok) return [];
    where = inArray(workers.idNumberBidx, idNumberIndexes(parsed.id));
  } else if (normalizeMobile(text)) {
    where = inArray(workers.phoneBidx, phoneIndexes(normalizeMobile(text) ?? ""));
  } else if (/^\d{4}$/.test(compact)) {
    where = eq(workers.phoneLast4, compact);
  } else if (/^[A-Z]{1,4}\d{1,8}$/.test(compact)) {
    where = eq(workers.workerNo, compact);
  } else if (text.length > 0) {
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    where = or(ilike(workers.name, `${escaped}%`), ilike(workers.name, `%${escaped}%`));
  }
  const rows = await db
    .select()
    .from(workers)
    .where(where ? and(...scope, where) : and(...scope))
    .orderBy(asc(workers.workerNo))
    .limit(limit);
  const trades = await tradesOf(db, marketId, rows.map((r) => r.id));
  const today = todayShanghai();
  return rows.map((r) => workerSummary(r, trades.get(r.id) ?? [], today));
}
