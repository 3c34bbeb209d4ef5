/**
 * Dashboard queries at province scale on real PostgreSQL (issue 5). Creates a throwaway database on
 * DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres), loads the province with
 * seedProvince (LINGONG_BENCH_SCALE, default 1 = 117 markets, ~600k workers, ~6M dispatches), then times
 * every analytics view (province-wide and one market, 36 months) and the same headline numbers straight
 * from the base tables. Prints `BENCH {...}` lines:
 *   dashboard.query.p95_ms  worst view's p95 over repeated runs (target <= 100 ms)
 *   dashboard.query.naive_ms  worst of the same numbers computed from base tables (median of 3)
 * LINGONG_BENCH_KEEP=1 keeps the database (its name is printed); LINGONG_BENCH_DB=<name> re-times the
 * queries on such a kept database (migrations are applied, nothing is loaded, and it is not dropped).
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { createDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { complaintsView, costPerPlacement, placement, services, stars, supplyDemand, training, wages, type AnalyticsFilter } from "../src/queries/analytics.ts";
import { drilldown, overview } from "../src/queries/analytics-overview.ts";
import { rowsOf } from "../src/queries/analytics-sql.ts";
import { provinceOptions, seedProvince } from "../src/seed/province.ts";

const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const scale = Number(process.env.LINGONG_BENCH_SCALE ?? "1");
const runs = Number(process.env.LINGONG_BENCH_RUNS ?? "30");
const reuse = process.env.LINGONG_BENCH_DB;
if (reuse !== undefined && !/^lingong_dash_bench_[0-9a-f]{8}$/.test(reuse)) throw new Error("LINGONG_BENCH_DB must name a kept bench database");
const keep = reuse !== undefined || process.env.LINGONG_BENCH_KEEP === "1";
const name = reuse ?? `lingong_dash_bench_${randomBytes(4).toString("hex")}`;

const admin = postgres(base, { max: 1, onnotice: () => {} });
if (!reuse) await admin.unsafe(`CREATE DATABASE ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const database = await createDatabase({ url: url.toString(), max: 4 });
const { db } = database;

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? 0;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

try {
  await migrateDatabase(db, "postgres");
  const opts = { ...provinceOptions(scale), endMonth: "2025-12" };
  console.error(`scale ${scale}; load average ${loadavg().map((x) => x.toFixed(2)).join(" ")} on this machine`);
  if (!reuse) {
    console.error(`loading province into ${name}: ${opts.markets} markets × ${opts.workersPerMarket} workers × ${opts.dispatchesPerWorker} dispatches …`);
    const loaded = await seedProvince(db, opts);
    console.error(`loaded ${loaded.workers} workers, ${loaded.orders} orders, ${loaded.dispatches} dispatches in ${(loaded.ms / 1000).toFixed(1)} s`);
  } else {
    const [c] = rowsOf<{ w: number; d: number }>(await db.execute(sql`select (select count(*) from workers)::int as w, (select count(*) from dispatches)::int as d`));
    console.error(`re-timing kept database ${name}: ${c?.w} workers, ${c?.d} dispatches`);
  }
  const t0 = performance.now();
  await db.execute(sql`vacuum analyze`);
  console.error(`vacuum analyze ${((performance.now() - t0) / 1000).toFixed(1)} s; load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);

  const [one] = rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from markets order by code limit 1`));
  const [town] = rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from townships where market_id = ${one!.id}::uuid order by sort limit 1`));
  const province: AnalyticsFilter = { marketIds: null, from: "2023-01", to: "2025-12" };
  const county: AnalyticsFilter = { marketIds: [one!.id], from: "2023-01", to: "2025-12" };
  const views: Record<string, (f: AnalyticsFilter) => Promise<unknown>> = {
    overview: (f) => overview(db, f),
    supplyDemand: (f) => supplyDemand(db, f),
    placement: (f) => placement(db, f),
    complaints: (f) => complaintsView(db, f),
    stars: (f) => stars(db, f),
    wages: (f) => wages(db, f),
    training: (f) => training(db, f),
    services: (f) => services(db, f),
    costPerPlacement: (f) => costPerPlacement(db, f),
    drilldown: (f) => drilldown(db, f, { kind: "placements", month: "2025-06", limit: 200 }),
    drilldownTrade: (f) => drilldown(db, f, { kind: "placements", month: "2025-06", trade: "electrician", limit: 200 }),
    drilldownStars: (f) => drilldown(db, f, { kind: "placements", month: "2025-06", stars: 5, limit: 200 }),
    drilldownTradeStars: (f) => drilldown(db, f, { kind: "placements", month: "2025-06", trade: "electrician", stars: 5, limit: 200 }),
    drilldownTradeStarsPeriod: (f) => drilldown(db, f, { kind: "placements", trade: "electrician", stars: 5, limit: 200 }),
    drilldownTownshipStars: (f) => drilldown(db, f, { kind: "placements", townshipId: town!.id, stars: 5, limit: 200 }),
    drilldownOpenings: (f) => drilldown(db, f, { kind: "openings", month: "2025-06", limit: 200 }),
    drilldownComplaints: (f) => drilldown(db, f, { kind: "complaints", month: "2025-06", limit: 200 }),
    // A township (one county's) chosen while the province is in scope.
    placementTownship: (f) => placement(db, { ...f, townshipId: town!.id }),
    starsTownship: (f) => stars(db, { ...f, townshipId: town!.id }),
  };
  let worst = { view: "", p95: 0 };
  for (const [scope, f] of [["province", province], ["county", county]] as const) {
    for (const [view, fn] of Object.entries(views)) {
      await fn(f); // warm
      const ts: number[] = [];
      for (let i = 0; i < runs; i++) ts.push(await time(() => fn(f)));
      const p = p95(ts);
      console.error(`  ${scope.padEnd(8)} ${view.padEnd(26)} p95 ${p.toFixed(1)} ms  median ${median(ts).toFixed(1)} ms`);
      if (p > worst.p95) worst = { view: `${scope}.${view}`, p95: p };
    }
  }

  // The same headline numbers straight from the base tables (no rollups): monthly placement rate over
  // 36 months (distinct workers dispatched ÷ seekers registered and not gone) and openings vs seekers by trade.
  const naive: Record<string, () => Promise<unknown>> = {
    placementByMonth: () =>
      db.execute(sql`with months as (select generate_series('2023-01-01'::date, '2025-12-01'::date, interval '1 month')::date as m),
        placed as (select analytics_month(starts_at) as m, count(distinct worker_id) as placed from dispatches
                   where status in ('assigned', 'started', 'completed') and starts_at >= '2022-12-31T16:00:00Z' group by 1)
        select months.m, placed.placed,
          (select count(*) from workers w where analytics_month(w.created_at) <= months.m
             and (analytics_left_month(w.status, w.deregistered_at, w.updated_at) is null or analytics_left_month(w.status, w.deregistered_at, w.updated_at) > months.m)) as seekers
        from months left join placed using (m) order by 1`),
    supplyDemandByTrade: () =>
      db.execute(sql`select o.trade_code, analytics_month(o.published_at) as m, sum(o.headcount) as openings
        from job_orders o where o.published_at is not null and o.status <> 'cancelled' group by 1, 2`),
    seekersByTrade: () =>
      db.execute(sql`select t.trade_code, count(*) from worker_trades t join workers w on w.id = t.worker_id
        where w.status not in ('deregistered', 'expelled') group by 1`),
  };
  let naiveWorst = { q: "", ms: 0 };
  for (const [q, fn] of Object.entries(naive)) {
    const ts: number[] = [];
    for (let i = 0; i < 3; i++) ts.push(await time(fn));
    const m = median(ts);
    console.error(`  naive    ${q.padEnd(18)} median ${m.toFixed(0)} ms`);
    if (m > naiveWorst.ms) naiveWorst = { q, ms: m };
  }
  console.error(`worst view: ${worst.view}; worst naive: ${naiveWorst.q}; scale ${scale}; load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  console.log(`BENCH ${JSON.stringify({ name: "dashboard.query.p95_ms", value: Math.round(worst.p95 * 10) / 10, unit: "ms", target: "<= 100" })}`);
  console.log(`BENCH ${JSON.stringify({ name: "dashboard.query.naive_ms", value: Math.round(naiveWorst.ms), unit: "ms" })}`);
} finally {
  await database.close();
  if (keep) console.error(`kept database ${name} (drop it with: DROP DATABASE ${name} WITH (FORCE))`);
  else await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end({ timeout: 5 });
}
