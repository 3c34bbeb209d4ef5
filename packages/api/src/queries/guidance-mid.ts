import { sql } from "drizzle-orm";
import { DEFAULT_GUIDANCE_WAGE_POLICY, guidanceRange, SKILL_GRADE_ORDER, TRADES, type GuidanceWagePolicy } from "@lingong/core";
import type { Tx } from "../db/client.ts";
import { DEFAULT_GUIDANCE_MARKET, guidanceMid } from "../schema/analytics.ts";
import { rowsOf } from "./analytics-sql.ts";
import { lockKey, type DbLike } from "./workforce-common.ts";

/**
 * Keeps `guidance_mid` (schema/analytics.ts) equal to what core's `guidanceRange` gives for every published
 * wages version and for core's default table, and re-prices the wage rollups whose guidance changed. The SQL
 * triggers only look midpoints up here; the wage rule itself lives in core.
 */

/** The date of core's default row set: before any version a market can publish. */
export const DEFAULT_GUIDANCE_FROM = "1900-01-01";

type Row = typeof guidanceMid.$inferInsert;

/** One row set: every catalogue trade at every skill grade, day unit, 0 stars (the rollups keep the order's grade). */
export function guidanceRowSet(marketId: string, effectiveFrom: string, version: number, policy: GuidanceWagePolicy): Row[] {
  const rows: Row[] = [];
  for (const t of TRADES) {
    for (const skillGrade of SKILL_GRADE_ORDER) {
      const r = guidanceRange(policy, { trade: t.code, skillGrade, stars: 0, unit: "day" });
      rows.push({ marketId, effectiveFrom, tradeCode: t.code, skillGrade, version, lowFen: r.lowFen, midFen: r.midFen, highFen: r.highFen });
    }
  }
  return rows;
}

const setKey = (marketId: string, effectiveFrom: string) => `${marketId}|${effectiveFrom}`;
const rowKey = (r: Row) => `${r.tradeCode}|${r.skillGrade}|${r.version}|${r.lowFen}|${r.midFen}|${r.highFen}`;

async function replaceSet(tx: DbLike, marketId: string, effectiveFrom: string, rows: Row[]): Promise<void> {
  await tx.execute(sql`delete from guidance_mid where market_id = ${marketId}::uuid and effective_from = ${effectiveFrom}::date`);
  for (let i = 0; i < rows.length; i += 500) await tx.insert(guidanceMid).values(rows.slice(i, i + 500));
}

function parseBody(body: unknown): GuidanceWagePolicy {
  return (typeof body === "string" ? JSON.parse(body) : body) as GuidanceWagePolicy;
}

/**
 * In the transaction that publishes wages version `version` of a market (which holds lockKey
 * `policy:<market>:wages`): its row set replaces any of the same date (a later version of a date wins, as
 * effectivePolicy orders), and the market's wage rollups from that day's month on are re-priced, so a
 * backdated table shows at once and exactly from its day.
 */
export async function publishGuidanceMid(tx: Tx, marketId: string, effectiveFrom: string, version: number, body: unknown): Promise<void> {
  await replaceSet(tx, marketId, effectiveFrom, guidanceRowSet(marketId, effectiveFrom, version, parseBody(body)));
  await tx.execute(sql`select analytics_reprice_wages(${marketId}::uuid, ${effectiveFrom}::date)`);
}

export interface SyncResult {
  /** Row sets written or removed. */
  sets: number;
  /** Markets whose wage rollups were re-priced; "all" when core's default table changed. */
  repriced: number | "all";
}

/**
 * Idempotent: computes every row set from `policy_versions` and core's default, writes the sets that differ
 * (none on a second run), and re-prices the affected rollups: one market from its earliest changed date, or
 * every market when core's default changed (a new core release, or the first start after this table came).
 * Run at start after migrations (migrateDatabase) and by the seeds. `reprice: false` when the caller rebuilds
 * every rollup itself afterwards (the province generator).
 */
export async function syncGuidanceMid(db: DbLike, opts: { reprice?: boolean } = {}): Promise<SyncResult> {
  const reprice = opts.reprice ?? true;
  return db.transaction(async (tx) => {
    const versions = rowsOf<{ market_id: string; effective_from: string; version: number; body: unknown }>(
      await tx.execute(sql`select distinct on (market_id, effective_from) market_id::text as market_id, effective_from::text as effective_from, version, body
        from policy_versions where kind = 'wages' order by market_id, effective_from, version desc`),
    );
    const want = new Map<string, { marketId: string; effectiveFrom: string; rows: Row[] }>();
    want.set(setKey(DEFAULT_GUIDANCE_MARKET, DEFAULT_GUIDANCE_FROM), {
      marketId: DEFAULT_GUIDANCE_MARKET,
      effectiveFrom: DEFAULT_GUIDANCE_FROM,
      rows: guidanceRowSet(DEFAULT_GUIDANCE_MARKET, DEFAULT_GUIDANCE_FROM, 0, DEFAULT_GUIDANCE_WAGE_POLICY),
    });
    for (const v of versions) {
      want.set(setKey(v.market_id, v.effective_from), {
        marketId: v.market_id,
        effectiveFrom: v.effective_from,
        rows: guidanceRowSet(v.market_id, v.effective_from, Number(v.version), parseBody(v.body)),
      });
    }
    const have = new Map<string, Set<string>>();
    const existing = rowsOf<{ market_id: string; effective_from: string; trade_code: string; skill_grade: string; version: number; low_fen: number; mid_fen: number; high_fen: number }>(
      await tx.execute(sql`select market_id::text as market_id, effective_from::text as effective_from, trade_code, skill_grade, version, low_fen, mid_fen, high_fen from guidance_mid`),
    );
    for (const e of existing) {
      const k = setKey(e.market_id, e.effective_from);
      const s = have.get(k) ?? new Set<string>();
      s.add(rowKey({ marketId: e.market_id, effectiveFrom: e.effective_from, tradeCode: e.trade_code, skillGrade: e.skill_grade, version: Number(e.version), lowFen: Number(e.low_fen), midFen: Number(e.mid_fen), highFen: Number(e.high_fen) }));
      have.set(k, s);
    }
    /** Market → earliest date whose pricing changed. */
    const changed = new Map<string, string>();
    const mark = (marketId: string, day: string) => {
      const d = changed.get(marketId);
      if (d === undefined || day < d) changed.set(marketId, day);
    };
    let sets = 0;
    for (const [k, w] of want) {
      const h = have.get(k);
      const same = h !== undefined && h.size === w.rows.length && w.rows.every((r) => h.has(rowKey(r)));
      if (same) continue;
      await replaceSet(tx, w.marketId, w.effectiveFrom, w.rows);
      mark(w.marketId, w.effectiveFrom);
      sets++;
    }
    for (const k of have.keys()) {
      if (want.has(k)) continue;
      const [marketId, effectiveFrom] = k.split("|") as [string, string];
      await tx.execute(sql`delete from guidance_mid where market_id = ${marketId}::uuid and effective_from = ${effectiveFrom}::date`);
      mark(marketId, effectiveFrom);
      sets++;
    }
    if (!reprice || changed.size === 0) return { sets, repriced: 0 };
    if (changed.has(DEFAULT_GUIDANCE_MARKET)) {
      const all = rowsOf<{ id: string }>(await tx.execute(sql`select id::text as id from markets order by id`));
      for (const m of all) await lockKey(tx, `policy:${m.id}:wages`);
      await tx.execute(sql`select analytics_rebuild_wages()`);
      return { sets, repriced: "all" };
    }
    const markets = [...changed.entries()].sort(([a], [b]) => a.localeCompare(b));
    for (const [m] of markets) await lockKey(tx, `policy:${m}:wages`);
    for (const [m, day] of markets) await tx.execute(sql`select analytics_reprice_wages(${m}::uuid, ${day}::date)`);
    return { sets, repriced: markets.length };
  });
}
