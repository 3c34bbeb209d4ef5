import { sql, type SQL } from "drizzle-orm";
import { demandSupplyRatio, maskName, placementRate, wageToGuidanceRatioOfSums } from "@lingong/core";
import type { Db } from "../db/client.ts";
import { groupTable, monthsBetween, shiftMonth, townshipWhere, tradeSource, type AnalyticsFilter } from "./analytics.ts";
import { rowsOf } from "./analytics-sql.ts";

export const OVERVIEW_KEYS = [
  "registeredWorkers",
  "activeWorkers",
  "activeEmployers",
  "ordersPosted",
  "openingsPosted",
  "placements",
  "placementRate",
  "demandSupplyRatio",
  "avgDayWageFen",
  "guidanceMidFen",
  "wageToGuidanceRatio",
  "complaints",
  "sanctions",
  "trainingCompleted",
] as const;
export type OverviewKey = (typeof OVERVIEW_KEYS)[number];

export interface Overview {
  month: string;
  previousMonth: string;
  cards: { key: OverviewKey; value: number | null; previous: number | null }[];
  /** Open now (published or partly filled): a live snapshot, so it has no previous value. */
  openNow: { orders: number; headcount: number };
}

function marketWhere(f: Pick<AnalyticsFilter, "marketIds">): SQL {
  if (f.marketIds === null) return sql`true`;
  if (f.marketIds.length === 0) return sql`false`;
  return sql`market_id in (${sql.join(f.marketIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/**
 * The headline figures for one month (`f.to`) and the month before. Stocks are read at the end of
 * the month from the rollups' running totals; flows are the month's sums.
 */
export async function overview(db: Db, f: AnalyticsFilter): Promise<Overview> {
  const month = f.to;
  const prev = shiftMonth(month, -1);
  const m = `${month}-01`;
  const p = `${prev}-01`;
  const tw = townshipWhere(f);
  const [g] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select
        sum(registered_delta) filter (where month <= ${m}::date)::int as reg,
        sum(registered_delta) filter (where month <= ${p}::date)::int as reg_p,
        sum(seekers_delta) filter (where month <= ${m}::date)::int as act,
        sum(seekers_delta) filter (where month <= ${p}::date)::int as act_p,
        sum(placed_workers) filter (where month = ${m}::date)::int as placed,
        sum(placed_workers) filter (where month = ${p}::date)::int as placed_p
      from ${sql.identifier(groupTable(f))} where ${marketWhere(f)} and month <= ${m}::date and ${tw}`),
  );
  const [t] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select
        sum(demand_orders) filter (where month = ${m}::date)::int as orders,
        sum(demand_orders) filter (where month = ${p}::date)::int as orders_p,
        sum(demand_headcount) filter (where month = ${m}::date)::int as head,
        sum(demand_headcount) filter (where month = ${p}::date)::int as head_p,
        sum(placements) filter (where month = ${m}::date)::int as plac,
        sum(placements) filter (where month = ${p}::date)::int as plac_p
      from analytics_month_totals where ${marketWhere(f)} and month in (${m}::date, ${p}::date)`),
  );
  const counters = rowsOf<{ metric: string; cur: number; prev: number }>(
    await db.execute(sql`select metric,
        sum(value) filter (where month <= ${m}::date and (metric = 'employers_active_delta' or month = ${m}::date))::bigint as cur,
        sum(value) filter (where month <= ${p}::date and (metric = 'employers_active_delta' or month = ${p}::date))::bigint as prev
      from analytics_month_counters where ${marketWhere(f)} and month <= ${m}::date
        and metric in ('employers_active_delta', 'sanctions', 'training_completed') group by 1`),
  );
  const [c] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select sum(filed) filter (where month = ${m}::date)::int as cur, sum(filed) filter (where month = ${p}::date)::int as prev
      from analytics_month_complaints where ${marketWhere(f)} and month in (${m}::date, ${p}::date)`),
  );
  // Wages ignore the township filter (the wage rollup has none); each job priced by its market's table on its day.
  const wagesSrc = tradeSource(f, "wages");
  const wageRows = rowsOf<{ month: string; sum: number; n: number; guided: number; over: number; mid: number }>(
    await db.execute(sql`select month::text as month, sum(wage_sum_fen)::bigint as sum, sum(wage_count)::int as n, sum(guided_count)::int as guided,
        sum(wage_over_mid)::float8 as over, sum(guidance_mid_sum_fen)::bigint as mid
      from ${wagesSrc.table} where ${wagesSrc.where} and month in (${m}::date, ${p}::date) and wage_unit = 'day' group by 1`),
  );
  const [open] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select count(*)::int as orders, coalesce(sum(headcount - filled_count), 0)::int as headcount
      from job_orders where ${marketWhere(f)} and status in ('published', 'partly_filled')`),
  );
  const wage = (mon: string) => {
    const r = wageRows.find((x) => String(x.month).slice(0, 7) === mon);
    const n = num(r?.n);
    const guided = num(r?.guided);
    if (n === 0) return { avg: null, mid: null, ratio: null };
    return { avg: Math.round(num(r?.sum) / n), mid: guided > 0 ? Math.round(num(r?.mid) / guided) : null, ratio: wageToGuidanceRatioOfSums(num(r?.over), guided) };
  };
  const cnt = (metric: string) => counters.find((r) => r.metric === metric);
  const wCur = wage(month);
  const wPrev = wage(prev);
  const v = (x: unknown) => num(x);
  const cards: Overview["cards"] = [
    { key: "registeredWorkers", value: v(g?.reg), previous: v(g?.reg_p) },
    { key: "activeWorkers", value: v(g?.act), previous: v(g?.act_p) },
    { key: "activeEmployers", value: num(cnt("employers_active_delta")?.cur), previous: num(cnt("employers_active_delta")?.prev) },
    { key: "ordersPosted", value: v(t?.orders), previous: v(t?.orders_p) },
    { key: "openingsPosted", value: v(t?.head), previous: v(t?.head_p) },
    { key: "placements", value: v(t?.plac), previous: v(t?.plac_p) },
    { key: "placementRate", value: placementRate(v(g?.placed), v(g?.act)), previous: placementRate(v(g?.placed_p), v(g?.act_p)) },
    { key: "demandSupplyRatio", value: demandSupplyRatio(v(t?.head), v(g?.act)), previous: demandSupplyRatio(v(t?.head_p), v(g?.act_p)) },
    { key: "avgDayWageFen", value: wCur.avg, previous: wPrev.avg },
    { key: "guidanceMidFen", value: wCur.mid, previous: wPrev.mid },
    { key: "wageToGuidanceRatio", value: wCur.ratio, previous: wPrev.ratio },
    { key: "complaints", value: v(c?.cur), previous: v(c?.prev) },
    { key: "sanctions", value: num(cnt("sanctions")?.cur), previous: num(cnt("sanctions")?.prev) },
    { key: "trainingCompleted", value: num(cnt("training_completed")?.cur), previous: num(cnt("training_completed")?.prev) },
  ];
  return { month, previousMonth: prev, cards, openNow: { orders: v(open?.orders), headcount: v(open?.headcount) } };
}

// ---------- drill-down ----------

export type DrilldownKind = "placements" | "openings" | "complaints";

export interface DrilldownInput {
  kind: DrilldownKind;
  month?: string | undefined;
  trade?: string | undefined;
  townshipId?: string | undefined;
  stars?: number | undefined;
  category?: string | undefined;
  limit: number;
}

export interface DrilldownRow {
  id: string;
  date: string;
  market: string;
  trade: string | null;
  who: string;
  detail: string;
  status: string;
  amountFen: number | null;
}

/** `col` within the Asia/Shanghai months from..to (first days), as a range an index on `col` can serve. */
const inMonths = (col: SQL, from: string, to: string) =>
  sql`${col} >= (${from}::date::timestamp at time zone 'Asia/Shanghai') and ${col} < ((${to}::date + interval '1 month')::timestamp at time zone 'Asia/Shanghai')`;

/**
 * The rows behind one bar or point, newest first, capped at `limit`. Names are masked (maskName):
 * a leader needs the list, not the person.
 */
export async function drilldown(db: Db, f: AnalyticsFilter, input: DrilldownInput): Promise<{ rows: DrilldownRow[]; truncated: boolean }> {
  const from = `${input.month ?? f.from}-01`;
  const to = `${input.month ?? f.to}-01`;
  const limit = input.limit + 1;
  let rows: Record<string, unknown>[] = [];
  const mk = (alias: string) => sqlMarket(f, alias, "market_id");
  if (input.kind === "placements" && input.townshipId) {
    rows = await placementsOfTownship(db, f, input, input.townshipId, from, to, limit);
  } else if (input.kind === "placements" && input.trade && input.stars !== undefined) {
    // A trade AND a star grade match few dispatches, so walking the time-ordered index would read most of the
    // range. Read the rollup's set of workers placed in the trade, newest months first, one chunk of months per
    // query until `limit` rows are found: first the newest month (across the province it usually has enough),
    // then as many older months as the rows found so far suggest are needed (one and a half times that, so a
    // sparse county's whole range takes two or three queries), or twice the months read when none were found
    // (a month just begun). The chunks are disjoint and taken newest first, so the concatenation is newest first.
    const months = monthsBetween(input.month ?? f.from, input.month ?? f.to);
    for (let end = months.length; end > 0 && rows.length < limit; ) {
      const read = months.length - end;
      const size = read === 0 ? 1 : rows.length === 0 ? 2 * read : Math.ceil((1.5 * (limit - rows.length) * read) / rows.length);
      const start = Math.max(0, end - size);
      rows.push(...(await placementsOfTrade(db, f, input.stars, input.trade, months[start]!, months[end - 1]!, limit - rows.length)));
      end = start;
    }
  } else if (input.kind === "placements") {
    // Walks the time-ordered index newest first (dispatches_live_starts, or (market_id, starts_at) for a market)
    // and stops at `limit` matches: quick unless the filters together match only a small share of dispatches.
    // With a trade, a small month (scale 0.1) tempts the planner into a parallel hash join over job_orders, whose
    // worker start-up on a loaded machine turned a ~20 ms query into 80–130 ms p95; serial is steadier.
    rows = await db.transaction(async (tx) => {
      await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
      return rowsOf<Record<string, unknown>>(
        await tx.execute(sql`select d.id::text as id, d.starts_at as date, m.name as market, o.trade_code as trade, w.name as who,
            e.name as detail, d.status, d.agreed_wage_fen as amount
          from dispatches d join job_orders o on o.id = d.order_id join workers w on w.id = d.worker_id
            join employers e on e.id = d.employer_id join markets m on m.id = d.market_id
          where ${mk("d")} and d.status in ('assigned', 'started', 'completed')
            and ${inMonths(sql`d.starts_at`, from, to)}
            ${input.trade ? sql`and o.trade_code = ${input.trade}` : sql``}
            ${input.stars !== undefined ? sql`and w.stars = ${input.stars}` : sql``}
          order by d.starts_at desc limit ${limit}`),
      );
    });
  } else if (input.kind === "openings") {
    rows = rowsOf(
      await db.execute(sql`select o.id::text as id, o.published_at as date, m.name as market, o.trade_code as trade, e.name as who,
          o.place || ' ×' || o.headcount as detail, o.status, o.wage_fen as amount
        from job_orders o join employers e on e.id = o.employer_id join markets m on m.id = o.market_id
        where ${mk("o")} and o.published_at is not null and o.status <> 'cancelled'
          and ${inMonths(sql`o.published_at`, from, to)}
          ${input.trade ? sql`and o.trade_code = ${input.trade}` : sql``}
        order by o.published_at desc limit ${limit}`),
    );
  } else {
    rows = rowsOf(
      await db.execute(sql`select c.id::text as id, c.filed_at as date, m.name as market, null as trade, c.case_no as who,
          c.category as detail, c.status, null::int as amount
        from complaints c join markets m on m.id = c.market_id
        where ${mk("c")} and ${inMonths(sql`c.filed_at`, from, to)}
          ${input.category ? sql`and c.category = ${input.category}` : sql``}
        order by c.filed_at desc limit ${limit}`),
    );
  }
  const out = rows.slice(0, input.limit).map((r) => ({
    id: String(r.id),
    date: new Date(r.date as string).toISOString(),
    market: String(r.market),
    trade: r.trade === null || r.trade === undefined ? null : String(r.trade),
    who: input.kind === "placements" ? maskName(String(r.who)) : String(r.who),
    detail: String(r.detail),
    status: String(r.status),
    amountFen: r.amount === null || r.amount === undefined ? null : Number(r.amount),
  }));
  return { rows: out, truncated: rows.length > input.limit };
}

/**
 * Placements by a township's workers (a township belongs to one market): that market's workers of the
 * township (and star grade) by the (market_id, township_id, stars) index, then their dispatches in the range by
 * (market_id, worker_id, starts_at): a few thousand rows however large the province.
 */
async function placementsOfTownship(db: Db, f: AnalyticsFilter, input: DrilldownInput, townshipId: string, from: string, to: string, limit: number) {
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`select d.id::text as id, d.starts_at as date, m.name as market, o.trade_code as trade, w.name as who,
        e.name as detail, d.status, d.agreed_wage_fen as amount
      from townships t
        join markets m on m.id = t.market_id
        join workers w on w.market_id = t.market_id and w.township_id = t.id
        join dispatches d on d.market_id = w.market_id and d.worker_id = w.id
        join job_orders o on o.id = d.order_id
        join employers e on e.id = d.employer_id
      where t.id = ${townshipId}::uuid and ${sqlMarket(f, "t", "market_id")}
        ${input.stars !== undefined ? sql`and w.stars = ${input.stars}` : sql``}
        and d.status in ('assigned', 'started', 'completed') and ${inMonths(sql`d.starts_at`, from, to)}
        ${input.trade ? sql`and o.trade_code = ${input.trade}` : sql``}
      order by d.starts_at desc limit ${limit}`),
  );
}

/**
 * Placements of one trade in a range of months by workers of a star grade, newest first. A trade lives
 * on the order, not the dispatch, so the dispatch index cannot filter by it; instead start from
 * `analytics_worker_month_trades` (the trigger-kept set of workers with a live dispatch of the trade starting in
 * the month), one key range per market of its (market_id, trade_code, month) index (the LATERAL with OFFSET 0
 * keeps it a per-market index scan), keep the workers of the star grade, then read each (worker, month)'s
 * dispatches of that month alone by (market_id, worker_id, starts_at). Names are joined after the limit, for
 * the rows returned only. Province-wide this reads a few thousand index entries instead of every dispatch.
 */
async function placementsOfTrade(db: Db, f: AnalyticsFilter, stars: number, trade: string, fromMonth: string, toMonth: string, limit: number) {
  const from = `${fromMonth}-01`;
  const to = `${toMonth}-01`;
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`select x.id::text as id, x.starts_at as date, m.name as market, x.trade_code as trade, w.name as who,
        e.name as detail, x.status, x.agreed_wage_fen as amount
      from (select d.id, d.starts_at, d.market_id, d.worker_id, d.employer_id, d.status, d.agreed_wage_fen, o.trade_code
          from markets m
            cross join lateral (select s.market_id, s.month, s.worker_id from analytics_worker_month_trades s
                join workers w on w.market_id = s.market_id and w.id = s.worker_id
              where s.market_id = m.id and s.trade_code = ${trade} and s.month between ${from}::date and ${to}::date and w.stars = ${stars}
              offset 0) c
            join dispatches d on d.market_id = c.market_id and d.worker_id = c.worker_id
              and d.starts_at >= (c.month::timestamp at time zone 'Asia/Shanghai')
              and d.starts_at < ((c.month + interval '1 month')::timestamp at time zone 'Asia/Shanghai')
            join job_orders o on o.id = d.order_id
          where ${sqlMarket(f, "m", "id")}
            and d.status in ('assigned', 'started', 'completed') and ${inMonths(sql`d.starts_at`, from, to)} and o.trade_code = ${trade}
          order by d.starts_at desc limit ${limit}) x
        join markets m on m.id = x.market_id
        join workers w on w.id = x.worker_id
        join employers e on e.id = x.employer_id
      order by x.starts_at desc`),
  );
}

function sqlMarket(f: Pick<AnalyticsFilter, "marketIds">, alias: string, column: string): SQL {
  if (f.marketIds === null) return sql`true`;
  if (f.marketIds.length === 0) return sql`false`;
  return sql`${sql.identifier(alias)}.${sql.identifier(column)} in (${sql.join(f.marketIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
}

export async function listMarkets(db: Db, marketIds: string[] | null) {
  return rowsOf<{ id: string; code: string; name: string; county: string }>(
    await db.execute(sql`select id::text as id, code, name, county from markets m where ${sqlMarket({ marketIds }, "m", "id")} order by code`),
  );
}

export async function listTownships(db: Db, marketIds: string[] | null) {
  return rowsOf<{ id: string; marketId: string; name: string }>(
    await db.execute(sql`select id::text as id, market_id::text as "marketId", name from townships where ${marketWhere({ marketIds })} order by market_id, sort`),
  );
}
