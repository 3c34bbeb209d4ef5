import { sql, type SQL } from "drizzle-orm";
import {
  daysInMonth,
  DEFAULT_GUIDANCE_WAGE_POLICY,
  guidanceRange,
  shanghaiDate,
  type GuidanceWagePolicy,
  type SkillGrade,
} from "@lingong/core";
import type { Db } from "../db/client.ts";
import { rowsOf } from "./analytics-sql.ts";

/**
 * Wages against guidance for the dashboard (M7). Each market's completed day-rate jobs are priced by the
 * guidance table THAT market had in force (`policy_versions`, kind `wages`, as the job-order intake reads it;
 * core's default where it has published none), never by one table for all.
 *
 * WHICH VERSION. The wage rollup has a month grain (a dispatch's day is summed away), so a month takes the
 * version in force on its last day, or today for the current month (a table published today shows at once,
 * one dated later in the month does not apply before its day). A version dated mid-month therefore prices
 * that whole month; dated on the 1st (the usual case) it is exact.
 *
 * HOW IT STAYS FAST. Guidance is resolved per (table, trade, skill grade) group, never per dispatch: the
 * rollup rows of markets with a table in force are summed per version interval in SQL (a VALUES list of
 * (market, first month, last month, table) intervals), everything else is one default-priced bucket. For the
 * province that bucket is the small province-wide rollup minus the own-table markets' rows, so the cost
 * grows with the markets that publish a table, not with all 117. Identical tables (same jsonb) share a key.
 */
export interface PricedWageGroup {
  /** `YYYY-MM` when asked per month, else null (the whole period). */
  month: string | null;
  trade: string;
  skillGrade: SkillGrade;
  jobs: number;
  wageSumFen: number;
  /** The group's table's guidance range for a day, 0 stars (the rollup keeps the order's skill grade, not stars). */
  lowFen: number;
  midFen: number;
  highFen: number;
}

export interface WageScope {
  /** Null: every market (province view). */
  marketIds: string[] | null;
  trade?: string | undefined;
}

const DEFAULT_KEY = 0;

function monthIdx(m: string): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}
function monthOf(i: number): string {
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

/** The day whose table prices month `m`: its last day, or `today` if that is earlier. */
export function anchorDay(m: string, today: string): string {
  const last = `${m}-${String(daysInMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7)))).padStart(2, "0")}`;
  return last < today ? last : today;
}

function marketIn(marketIds: string[] | null, col: SQL): SQL {
  if (marketIds === null) return sql`true`;
  if (marketIds.length === 0) return sql`false`;
  return sql`${col} in (${sql.join(marketIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
}

interface VersionRow { market_id: string; version: number; effective_from: string; h: string }
interface Interval { marketId: string; lo: string; hi: string; key: number }

/**
 * The (market, months, table) intervals of the period for markets with a table in force in it, and one
 * body per distinct table. Reads the version in force at the period's first anchor and those dated after it.
 */
async function tableIntervals(db: Db, scope: WageScope, from: string, to: string, today: string) {
  const first = anchorDay(from, today);
  const last = anchorDay(to, today);
  const mk = marketIn(scope.marketIds, sql`market_id`);
  const versions = rowsOf<VersionRow>(
    await db.execute(sql`(select distinct on (market_id) market_id::text as market_id, version, effective_from::text as effective_from, md5(body::text) as h
          from policy_versions where kind = 'wages' and ${mk} and effective_from <= ${first}::date
          order by market_id, effective_from desc, version desc)
        union all
        (select market_id::text, version, effective_from::text, md5(body::text) from policy_versions
          where kind = 'wages' and ${mk} and effective_from > ${first}::date and effective_from <= ${last}::date)`),
  );
  const byMarket = new Map<string, VersionRow[]>();
  for (const v of versions) byMarket.set(v.market_id, [...(byMarket.get(v.market_id) ?? []), v]);
  const keys = new Map<string, { key: number; marketId: string; version: number }>();
  const intervals: Interval[] = [];
  for (const [marketId, vs] of byMarket) {
    // Newest in force first: the latest effective date, then the highest version (as effectivePolicy orders).
    vs.sort((a, b) => b.effective_from.localeCompare(a.effective_from) || b.version - a.version);
    let open: Interval | null = null;
    for (let i = monthIdx(from); i <= monthIdx(to); i++) {
      const m = monthOf(i);
      const day = anchorDay(m, today);
      const v = vs.find((x) => x.effective_from <= day);
      let key = DEFAULT_KEY;
      if (v) {
        const k = keys.get(v.h) ?? { key: keys.size + 1, marketId, version: v.version };
        keys.set(v.h, k);
        key = k.key;
      }
      if (open && open.key === key) open.hi = m;
      else {
        if (open && open.key !== DEFAULT_KEY) intervals.push(open);
        open = { marketId, lo: m, hi: m, key };
      }
    }
    if (open && open.key !== DEFAULT_KEY) intervals.push(open);
  }
  const bodies = new Map<number, GuidanceWagePolicy>([[DEFAULT_KEY, DEFAULT_GUIDANCE_WAGE_POLICY]]);
  if (keys.size > 0) {
    const reps = [...keys.values()];
    const rows = rowsOf<{ market_id: string; version: number; body: GuidanceWagePolicy | string }>(
      await db.execute(sql`select market_id::text as market_id, version, body from policy_versions
        where kind = 'wages' and (market_id, version) in (${sql.join(reps.map((r) => sql`(${r.marketId}::uuid, ${r.version}::int)`), sql`, `)})`),
    );
    for (const r of rows) {
      const rep = reps.find((x) => x.marketId === r.market_id && x.version === Number(r.version));
      if (rep) bodies.set(rep.key, typeof r.body === "string" ? (JSON.parse(r.body) as GuidanceWagePolicy) : r.body);
    }
  }
  return { intervals, bodies };
}

/**
 * Completed day-rate jobs of the period grouped by (table, [month,] trade, skill grade), each group with its
 * table's guidance range. Groups of different markets under the same table are one group (same midpoint).
 */
export async function pricedWageGroups(
  db: Db,
  scope: WageScope,
  range: { from: string; to: string; perMonth: boolean },
  today: string = shanghaiDate(new Date()),
): Promise<PricedWageGroup[]> {
  const { intervals, bodies } = await tableIntervals(db, scope, range.from, range.to, today);
  const period = sql`month between ${`${range.from}-01`}::date and ${`${range.to}-01`}::date and wage_unit = 'day'
    and ${scope.trade ? sql`trade_code = ${scope.trade}` : sql`true`}`;
  const month = range.perMonth ? sql`month::text` : sql`null::text`;
  const v = sql`(values ${sql.join(
    intervals.map((i) => sql`(${i.marketId}::uuid, ${`${i.lo}-01`}::date, ${`${i.hi}-01`}::date, ${i.key}::int)`),
    sql`, `,
  )}) as v(market_id, lo, hi, k)`;
  let query: SQL;
  if (intervals.length === 0) {
    const table = scope.marketIds === null ? sql`analytics_province_month_wages` : sql`analytics_month_wages`;
    query = sql`select ${DEFAULT_KEY}::int as k, ${month} as month, trade_code, skill_grade, sum(wage_sum_fen)::bigint as s, sum(wage_count)::bigint as n
      from ${table} where ${marketIn(scope.marketIds, sql`market_id`)} and ${period} group by 1, 2, 3, 4`;
  } else if (scope.marketIds !== null) {
    query = sql`select coalesce(v.k, ${DEFAULT_KEY})::int as k, ${month} as month, trade_code, skill_grade,
        sum(wage_sum_fen)::bigint as s, sum(wage_count)::bigint as n
      from analytics_month_wages w left join ${v} on v.market_id = w.market_id and w.month between v.lo and v.hi
      where ${marketIn(scope.marketIds, sql`w.market_id`)} and ${period} group by 1, 2, 3, 4`;
  } else {
    // Province: the default bucket is the province rollup less the own-table markets' rows, which move to their table.
    const own = [...new Set(intervals.map((i) => i.marketId))];
    query = sql`select k, month, trade_code, skill_grade, sum(s)::bigint as s, sum(n)::bigint as n from (
        select ${DEFAULT_KEY}::int as k, ${month} as month, trade_code, skill_grade, wage_sum_fen::bigint as s, wage_count::bigint as n
          from analytics_province_month_wages where ${period}
        union all
        select x.k, a.month, a.trade_code, a.skill_grade, x.sign * a.s, x.sign * a.n
          from (select v.k, ${month} as month, trade_code, skill_grade, sum(wage_sum_fen)::bigint as s, sum(wage_count)::bigint as n
              from analytics_month_wages w join ${v} on v.market_id = w.market_id and w.month between v.lo and v.hi
              where ${marketIn(own, sql`w.market_id`)} and ${period} group by 1, 2, 3, 4) a
            cross join lateral (values (a.k, 1), (${DEFAULT_KEY}::int, -1)) as x(k, sign)
      ) t group by 1, 2, 3, 4`;
  }
  const rows = rowsOf<{ k: number; month: string | null; trade_code: string; skill_grade: string; s: number | string; n: number | string }>(await db.execute(query));
  const memo = new Map<string, { lowFen: number; midFen: number; highFen: number }>();
  const out: PricedWageGroup[] = [];
  for (const r of rows) {
    const jobs = Number(r.n);
    if (jobs <= 0) continue;
    const key = Number(r.k);
    const policy = bodies.get(key) ?? DEFAULT_GUIDANCE_WAGE_POLICY;
    const skillGrade = r.skill_grade as SkillGrade;
    const id = `${key}\u0000${r.trade_code}\u0000${skillGrade}`;
    let g = memo.get(id);
    if (!g) {
      const range0 = guidanceRange(policy, { trade: r.trade_code, skillGrade, stars: 0, unit: "day" });
      g = { lowFen: range0.lowFen, midFen: range0.midFen, highFen: range0.highFen };
      memo.set(id, g);
    }
    out.push({ month: r.month === null ? null : String(r.month).slice(0, 7), trade: r.trade_code, skillGrade, jobs, wageSumFen: Number(r.s), ...g });
  }
  return out;
}
