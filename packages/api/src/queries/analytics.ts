import { sql, type SQL } from "drizzle-orm";
import { complaintsPer100Jobs, demandSupplyRatio, fillRate, placementRate, wageToGuidanceRatioOfSums, type WageUnit } from "@lingong/core";
import type { Db } from "../db/client.ts";
import { rowsOf } from "./analytics-sql.ts";

/**
 * Dashboard queries. They read the month-grain rollups of `schema/analytics.ts` (kept exact by
 * triggers), never scan dispatches for a chart; stocks (registered workers, seekers, active employers)
 * are cumulative sums of monthly deltas. Metrics come from @lingong/core. A period is a range of
 * Asia/Shanghai months `YYYY-MM`..`YYYY-MM`.
 */
export interface AnalyticsFilter {
  /** Null: every market (province view). */
  marketIds: string[] | null;
  from: string;
  to: string;
  townshipId?: string | undefined;
  trade?: string | undefined;
}

const ZERO_TOWNSHIP = "00000000-0000-0000-0000-000000000000";

/** `YYYY-MM` months from..to inclusive (at most 120). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end && out.length < 120) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

export function shiftMonth(month: string, by: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

const first = (month: string) => `${month}-01`;
const ym = (d: unknown) => String(d instanceof Date ? d.toISOString() : d).slice(0, 7);
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

function marketWhere(f: Pick<AnalyticsFilter, "marketIds">, col = sql`market_id`): SQL {
  if (f.marketIds === null) return sql`true`;
  if (f.marketIds.length === 0) return sql`false`;
  return sql`${col} in (${sql.join(f.marketIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
}

/**
 * A township belongs to one market: pin the market too, so the rollups' (market_id, month, …) keys
 * are used even when the caller (a province leader) gave a township without a market.
 */
export function townshipWhere(f: Pick<AnalyticsFilter, "townshipId">): SQL {
  if (!f.townshipId) return sql`true`;
  return sql`township_id = ${f.townshipId}::uuid and market_id = (select t.market_id from townships t where t.id = ${f.townshipId}::uuid)`;
}

/**
 * Which rollup to read for per-trade (or per-trade wage) figures: the whole province reads the
 * province-wide table (one row per month and trade), a set of markets the per-market one.
 */
export function tradeSource(f: Pick<AnalyticsFilter, "marketIds">, kind: "trade" | "wages"): { table: SQL; where: SQL } {
  if (f.marketIds === null) {
    return { table: sql`${sql.identifier(kind === "trade" ? "analytics_province_month_trade" : "analytics_province_month_wages")}`, where: sql`true` };
  }
  return { table: sql`${sql.identifier(kind === "trade" ? "analytics_month_trade" : "analytics_month_wages")}`, where: marketWhere(f) };
}

function periodWhere(f: Pick<AnalyticsFilter, "from" | "to">): SQL {
  return sql`month between ${first(f.from)}::date and ${first(f.to)}::date`;
}

async function q<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** Running total of monthly deltas, read at each month of `months` (deltas before the first included). */
function stockAt(months: string[], deltas: { month: string; delta: number }[]): number[] {
  const sorted = [...deltas].sort((a, b) => a.month.localeCompare(b.month));
  const out: number[] = [];
  let acc = 0;
  let i = 0;
  for (const m of months) {
    while (i < sorted.length && sorted[i]!.month <= m) acc += sorted[i++]!.delta;
    out.push(acc);
  }
  return out;
}

// ---------- supply and demand ----------

export interface SupplyDemand {
  months: string[];
  trades: { trade: string; openings: number[]; seekers: number[]; placements: number[] }[];
  /**
   * Distinct job seekers at the end of each month, all trades together (a worker with two trades counts
   * once, unlike the sum of the per-trade series). With a trade filter: that trade's seekers.
   */
  seekersTotal: number[];
  /** Over the period: openings in the period ÷ seekers at its end (求人倍率), per trade. */
  ratio: { trade: string; openings: number; seekers: number; placements: number; ratio: number | null; fillRate: number | null }[];
}

export async function supplyDemand(db: Db, f: AnalyticsFilter): Promise<SupplyDemand> {
  const months = monthsBetween(f.from, f.to);
  const tradeWhere = f.trade ? sql`trade_code = ${f.trade}` : sql`true`;
  const src = tradeSource(f, "trade");
  const rows = await q<{ trade_code: string; month: string; openings: number; placements: number; seekers_delta: number }>(
    db,
    sql`select trade_code, greatest(month, ${first(f.from)}::date)::text as month,
          coalesce(sum(demand_headcount) filter (where month >= ${first(f.from)}::date), 0)::int as openings,
          coalesce(sum(placements) filter (where month >= ${first(f.from)}::date), 0)::int as placements,
          sum(seekers_delta)::int as seekers_delta
        from ${src.table} where ${src.where} and month <= ${first(f.to)}::date and ${tradeWhere}
        group by 1, 2`,
  );
  const byTrade = new Map<string, typeof rows>();
  for (const r of rows) byTrade.set(r.trade_code, [...(byTrade.get(r.trade_code) ?? []), r]);
  const trades = [...byTrade.entries()].map(([trade, rs]) => {
    const at = new Map(rs.map((r) => [ym(r.month), r]));
    return {
      trade,
      openings: months.map((m) => num(at.get(m)?.openings)),
      placements: months.map((m) => num(at.get(m)?.placements)),
      seekers: stockAt(months, rs.map((r) => ({ month: ym(r.month), delta: num(r.seekers_delta) }))),
    };
  });
  let seekersTotal: number[];
  if (f.trade) {
    seekersTotal = months.map((_, i) => trades.reduce((a, t) => a + (t.seekers[i] ?? 0), 0));
  } else {
    const stock = await q<{ month: string; delta: number }>(
      db,
      sql`select greatest(month, ${first(f.from)}::date)::text as month, sum(seekers_delta)::int as delta
          from analytics_month_stars where ${marketWhere(f)} and month <= ${first(f.to)}::date group by 1`,
    );
    seekersTotal = stockAt(months, stock.map((r) => ({ month: ym(r.month), delta: num(r.delta) })));
  }
  const ratio = trades
    .map((t) => {
      const openings = t.openings.reduce((a, b) => a + b, 0);
      const placements = t.placements.reduce((a, b) => a + b, 0);
      const seekers = t.seekers.at(-1) ?? 0;
      // Openings are a monthly flow and seekers a head count, so over several months the ratio is
      // openings per seeker-month (average monthly openings ÷ average seekers); for one month it
      // is plain openings ÷ seekers. Dividing the period's openings by the last head count would
      // inflate a year's ratio about twelvefold.
      const seekerMonths = t.seekers.reduce((a, b) => a + b, 0);
      return { trade: t.trade, openings, seekers, placements, ratio: demandSupplyRatio(openings, seekerMonths), fillRate: fillRate(placements, openings) };
    })
    .filter((r) => r.openings > 0 || r.seekers > 0)
    .sort((a, b) => b.openings - a.openings || a.trade.localeCompare(b.trade));
  return { months, trades: trades.filter((t) => ratio.some((r) => r.trade === t.trade)), seekersTotal, ratio };
}

// ---------- placement ----------

export interface RateRow { key: string; label: string; placed: number; seekers: number; rate: number | null }
export interface Placement {
  months: string[];
  byMonth: { month: string; placed: number; seekers: number; rate: number | null }[];
  /** Pooled over the period's months: worker-months placed ÷ seeker-months (monthly average rate). */
  byTownship: RateRow[];
  byTrade: RateRow[];
  byStars: RateRow[];
}

type GroupTable = "analytics_month_group" | "analytics_month_stars";
/** Worker-level rollup to read: without a township filter the smaller one without townships. */
export const groupTable = (f: Pick<AnalyticsFilter, "townshipId">): GroupTable => (f.townshipId ? "analytics_month_group" : "analytics_month_stars");

/** Month index (year × 12 + month) of a `date` column, for weighting stocks over a period. */
const monthIdx = (col: SQL) => sql`(extract(year from ${col}) * 12 + extract(month from ${col}))::int`;
const idxOf = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));

/**
 * Seeker-months and placed worker-months per key over the period, in one GROUP BY: a seekers delta in
 * month d counts once for every month of the period at or after d (closed form of the running total).
 */
async function pooled(db: Db, f: AnalyticsFilter, table: SQL, key: SQL, where: SQL) {
  const from = first(f.from);
  const weight = sql`(${idxOf(f.to)} - greatest(${monthIdx(sql`month`)}, ${idxOf(f.from)}) + 1)`;
  return q<{ k: string; seeker_months: number; placed: number }>(
    db,
    sql`select ${key} as k, sum(seekers_delta::bigint * ${weight})::bigint as seeker_months,
          coalesce(sum(placed_workers) filter (where month >= ${from}::date), 0)::int as placed
        from ${table} where ${where} and month <= ${first(f.to)}::date
        group by 1`,
  );
}

export async function placement(db: Db, f: AnalyticsFilter): Promise<Placement> {
  const months = monthsBetween(f.from, f.to);
  const tw = townshipWhere(f);
  // Deltas before the period collapse into its first month, so at most one row per month comes back.
  const rows = await q<{ month: string; seekers_delta: number; placed: number }>(
    db,
    sql`select greatest(month, ${first(f.from)}::date)::text as month, sum(seekers_delta)::int as seekers_delta,
          coalesce(sum(placed_workers) filter (where month >= ${first(f.from)}::date), 0)::int as placed
        from ${sql.identifier(groupTable(f))} where ${marketWhere(f)} and month <= ${first(f.to)}::date and ${tw}
        group by 1`,
  );
  const stock = stockAt(months, rows.map((r) => ({ month: ym(r.month), delta: num(r.seekers_delta) })));
  const placedAt = new Map(rows.map((r) => [ym(r.month), num(r.placed)]));
  const byMonth = months.map((month, i) => {
    const placed = placedAt.get(month) ?? 0;
    const seekers = stock[i] ?? 0;
    return { month, placed, seekers, rate: placementRate(placed, seekers) };
  });

  const names = new Map(
    (await q<{ id: string; name: string }>(db, sql`select id::text as id, name from townships where ${marketWhere(f)}`)).map((r) => [r.id, r.name]),
  );
  const toRows = (rs: { k: string; seeker_months: number; placed: number }[], label: (k: string) => string): RateRow[] =>
    rs
      .map((r) => ({ key: String(r.k), label: label(String(r.k)), placed: num(r.placed), seekers: num(r.seeker_months), rate: placementRate(num(r.placed), num(r.seeker_months)) }))
      .filter((r) => r.placed > 0 || r.seekers > 0);
  const tradeWhere = f.trade ? sql`trade_code = ${f.trade}` : sql`true`;
  const src = tradeSource(f, "trade");
  // Townships belong to one county: the breakdown is given when one market is in scope.
  const oneMarket = f.marketIds !== null && f.marketIds.length === 1;
  const [byTownship, byStars, byTrade] = await Promise.all([
    oneMarket ? pooled(db, f, sql`analytics_month_group`, sql`township_id::text`, sql`${marketWhere(f)} and ${tw}`) : Promise.resolve([]),
    pooled(db, f, sql`${sql.identifier(groupTable(f))}`, sql`stars::text`, sql`${marketWhere(f)} and ${tw}`),
    pooled(db, f, src.table, sql`trade_code`, sql`${src.where} and ${tradeWhere}`),
  ]);
  return {
    months,
    byMonth,
    byTownship: toRows(byTownship, (k) => (k === ZERO_TOWNSHIP ? "未填写" : (names.get(k) ?? k))).sort((a, b) => b.seekers - a.seekers).slice(0, 40),
    byTrade: toRows(byTrade, (k) => k).sort((a, b) => b.seekers - a.seekers),
    byStars: toRows(byStars, (k) => k).sort((a, b) => Number(a.key) - Number(b.key)),
  };
}

// ---------- complaints ----------

export interface Complaints {
  months: string[];
  categories: { category: string; filed: number[]; upheld: number }[];
  per100Jobs: (number | null)[];
  resolution: { category: string; closed: number; avgDays: number | null }[];
}

export async function complaintsView(db: Db, f: AnalyticsFilter): Promise<Complaints> {
  const months = monthsBetween(f.from, f.to);
  const rows = await q<{ category: string; month: string; filed: number; upheld: number; closed: number; minutes: number }>(
    db,
    sql`select category, month::text as month, sum(filed)::int as filed, sum(upheld)::int as upheld, sum(closed)::int as closed,
          sum(resolution_minutes_sum)::bigint as minutes
        from analytics_month_complaints where ${marketWhere(f)} and ${periodWhere(f)} group by 1, 2`,
  );
  const jobs = await q<{ month: string; completed: number }>(
    db,
    sql`select month::text as month, sum(completed)::int as completed from analytics_month_totals
        where ${marketWhere(f)} and ${periodWhere(f)} group by 1`,
  );
  const cats = new Map<string, { filed: number[]; upheld: number; closed: number; minutes: number }>();
  for (const r of rows) {
    const c = cats.get(r.category) ?? { filed: months.map(() => 0), upheld: 0, closed: 0, minutes: 0 };
    const i = months.indexOf(ym(r.month));
    if (i >= 0) c.filed[i]! += num(r.filed);
    c.upheld += num(r.upheld);
    c.closed += num(r.closed);
    c.minutes += num(r.minutes);
    cats.set(r.category, c);
  }
  const jobsAt = new Map(jobs.map((j) => [ym(j.month), num(j.completed)]));
  const filedAt = months.map((_, i) => [...cats.values()].reduce((a, c) => a + (c.filed[i] ?? 0), 0));
  return {
    months,
    categories: [...cats.entries()].map(([category, c]) => ({ category, filed: c.filed, upheld: c.upheld })),
    per100Jobs: months.map((m, i) => complaintsPer100Jobs(filedAt[i] ?? 0, jobsAt.get(m) ?? 0)),
    resolution: [...cats.entries()].map(([category, c]) => ({
      category,
      closed: c.closed,
      avgDays: c.closed > 0 ? c.minutes / c.closed / 1440 : null,
    })),
  };
}

// ---------- counters (stars movement, training, services, costs) ----------

async function counters(db: Db, f: AnalyticsFilter, metrics: SQL): Promise<Map<string, Map<string, number>>> {
  const rows = await q<{ metric: string; month: string; value: number }>(
    db,
    sql`select metric, month::text as month, sum(value)::bigint as value from analytics_month_counters
        where ${marketWhere(f)} and ${periodWhere(f)} and ${metrics} group by 1, 2`,
  );
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = out.get(r.metric) ?? new Map<string, number>();
    m.set(ym(r.month), num(r.value));
    out.set(r.metric, m);
  }
  return out;
}

const series = (months: string[], m: Map<string, number> | undefined) => months.map((x) => m?.get(x) ?? 0);

export interface Stars {
  months: string[];
  /** Active job seekers by current star grade at the end of the period. */
  distribution: { stars: number; workers: number }[];
  up: number[];
  down: number[];
}

export async function stars(db: Db, f: AnalyticsFilter): Promise<Stars> {
  const months = monthsBetween(f.from, f.to);
  const tw = townshipWhere(f);
  const dist = await q<{ stars: number; workers: number }>(
    db,
    sql`select stars, sum(seekers_delta)::int as workers from ${sql.identifier(groupTable(f))}
        where ${marketWhere(f)} and month <= ${first(f.to)}::date and ${tw} group by 1 order by 1`,
  );
  const c = await counters(db, f, sql`metric in ('stars_up', 'stars_down')`);
  const at = new Map(dist.map((d) => [Number(d.stars), num(d.workers)]));
  return {
    months,
    distribution: [0, 1, 2, 3, 4, 5].map((s) => ({ stars: s, workers: at.get(s) ?? 0 })),
    up: series(months, c.get("stars_up")),
    down: series(months, c.get("stars_down")),
  };
}

export interface Training { months: string[]; enrolled: number[]; completed: number[] }

export async function training(db: Db, f: AnalyticsFilter): Promise<Training> {
  const months = monthsBetween(f.from, f.to);
  const c = await counters(db, f, sql`metric in ('training_enrolled', 'training_completed')`);
  return { months, enrolled: series(months, c.get("training_enrolled")), completed: series(months, c.get("training_completed")) };
}

export interface Services { months: string[]; series: { key: string; values: number[] }[] }

export async function services(db: Db, f: AnalyticsFilter): Promise<Services> {
  const months = monthsBetween(f.from, f.to);
  const c = await counters(db, f, sql`(metric in ('tool_rentals', 'book_loans') or metric like 'service:%')`);
  const keys = [...c.keys()].sort();
  return { months, series: keys.map((key) => ({ key, values: series(months, c.get(key)) })) };
}

export interface CostPerPlacement { months: string[]; costFen: number[]; placements: number[]; costPerPlacementFen: (number | null)[] }

/** G2: operating cost (ledger, fen) ÷ live dispatches started in the month. */
export async function costPerPlacement(db: Db, f: AnalyticsFilter): Promise<CostPerPlacement> {
  const months = monthsBetween(f.from, f.to);
  const c = await counters(db, f, sql`metric = 'cost_fen'`);
  const p = await q<{ month: string; placements: number }>(
    db,
    sql`select month::text as month, sum(placements)::int as placements from analytics_month_totals
        where ${marketWhere(f)} and ${periodWhere(f)} group by 1`,
  );
  const pAt = new Map(p.map((r) => [ym(r.month), num(r.placements)]));
  const costFen = series(months, c.get("cost_fen"));
  const placements = months.map((m) => pAt.get(m) ?? 0);
  return { months, costFen, placements, costPerPlacementFen: months.map((_, i) => ((placements[i] ?? 0) > 0 ? Math.round((costFen[i] ?? 0) / placements[i]!) : null)) };
}

// ---------- wages ----------

export interface WageTradeRow {
  trade: string;
  jobs: number;
  avgFen: number;
  /**
   * Job-weighted averages of the guidance range each job's market had in force on the job's day (M7), over the
   * jobs that had one (every catalogue trade does); 0 when none did.
   */
  guidanceLowFen: number;
  guidanceMidFen: number;
  guidanceHighFen: number;
  /** Each job's wage ÷ its midpoint, averaged over jobs (core wageToGuidanceRatioOfSums). */
  ratio: number | null;
}

export interface Wages {
  unit: WageUnit;
  trades: WageTradeRow[];
}

/**
 * Average agreed day wage of completed day-rate jobs per trade against the guidance range each job's market had
 * in force on the job's day. The wage rollups keep the per-job guidance sums (priced from `guidance_mid`, written
 * with core guidanceRange, 0 stars, the order's skill grade), so this reads one rollup like every other chart: the
 * province view reads the province-wide rollup.
 */
export async function wages(db: Db, f: AnalyticsFilter): Promise<Wages> {
  const src = tradeSource(f, "wages");
  const rows = await q<{ trade_code: string; sum: number; n: number; guided: number; over: number; lo: number; mid: number; hi: number }>(
    db,
    sql`select trade_code, sum(wage_sum_fen)::bigint as sum, sum(wage_count)::int as n, sum(guided_count)::int as guided,
          sum(wage_over_mid)::float8 as over, sum(guidance_low_sum_fen)::bigint as lo, sum(guidance_mid_sum_fen)::bigint as mid,
          sum(guidance_high_sum_fen)::bigint as hi
        from ${src.table} where ${src.where} and ${periodWhere(f)} and wage_unit = 'day'
          and ${f.trade ? sql`trade_code = ${f.trade}` : sql`true`}
        group by 1`,
  );
  return {
    unit: "day",
    trades: rows
      .filter((r) => num(r.n) > 0)
      .map((r) => {
        const n = num(r.n);
        const guided = num(r.guided);
        const avg = (x: unknown) => (guided > 0 ? Math.round(num(x) / guided) : 0);
        return {
          trade: r.trade_code,
          jobs: n,
          avgFen: Math.round(num(r.sum) / n),
          guidanceLowFen: avg(r.lo),
          guidanceMidFen: avg(r.mid),
          guidanceHighFen: avg(r.hi),
          ratio: wageToGuidanceRatioOfSums(num(r.over), guided),
        };
      })
      .sort((x, y) => y.jobs - x.jobs || x.trade.localeCompare(y.trade)),
  };
}
