import { sql } from "drizzle-orm";
import { DEFAULT_GUIDANCE_WAGE_POLICY, TRADES, shanghaiMonth, type GuidanceWagePolicy } from "@lingong/core";
import type { Db } from "../db/client.ts";
import { syncGuidanceMid } from "../queries/guidance-mid.ts";

/**
 * A FAST bulk generator of province-scale data for the dashboard benchmark and the e2e tests: set-based
 * SQL (generate_series), no per-row service calls. Default size is the province: 117 markets, ~600,000
 * workers, ~6 million dispatches over 36 months. Deterministic: pseudo-random numbers come from
 * `hashint8extended(key, salt)`, not random().
 *
 * Row triggers are switched off for the load (`session_replication_role = replica`, which also skips
 * FK checks: the generator writes consistent keys) and the analytics rollups are rebuilt in bulk
 * afterwards with `analytics_rebuild()`. Everything runs in one transaction on one connection.
 */
export interface ProvinceOptions {
  markets?: number;
  workersPerMarket?: number;
  /** Dispatches per worker over the period (spread from the worker's registration month). */
  dispatchesPerWorker?: number;
  months?: number;
  /** Last month of the data, `YYYY-MM` (default: the current Asia/Shanghai month). */
  endMonth?: string;
  /** First market code (county administrative codes are 6 digits). */
  firstCode?: number;
  salt?: number;
}

export interface ProvinceResult {
  markets: number;
  workers: number;
  orders: number;
  dispatches: number;
  ms: number;
}

/** Options for a fraction of the province (`LINGONG_BENCH_SCALE`, e.g. 0.1): fewer workers per market, same markets. */
export function provinceOptions(scale: number): ProvinceOptions {
  return { markets: 117, workersPerMarket: Math.max(50, Math.round(5128 * scale)), dispatchesPerWorker: 10, months: 36 };
}

const TOWNSHIP_NAMES = ["城关镇", "东关镇", "西关镇", "南庄镇", "北寨镇", "中村镇", "河口镇", "新店乡", "石门乡", "古城乡", "柳树乡", "白水乡", "红山乡", "青石乡"];
const CATEGORIES = ["wage_arrears", "quality", "safety", "discrimination", "malicious_work", "other"];

export async function seedProvince(db: Db, opts: ProvinceOptions = {}): Promise<ProvinceResult> {
  const started = Date.now();
  const M = opts.markets ?? 117;
  const W = opts.workersPerMarket ?? 5128;
  const K = opts.dispatchesPerWorker ?? 10;
  const N = opts.months ?? 36;
  const end = opts.endMonth ?? shanghaiMonth(new Date());
  const endIdx = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1;
  const startIdx = endIdx - N + 1;
  const firstMonth = `${Math.floor(startIdx / 12)}-${String((startIdx % 12) + 1).padStart(2, "0")}-01`;
  const code0 = opts.firstCode ?? 149000;
  const salt = opts.salt ?? 7;
  // Orders per market-month so that openings roughly match dispatches (5 positions an order on average).
  const OPM = Math.max(2, Math.round((W * K) / N / 5));
  const trades = TRADES.map((t) => t.code);
  const tradeArr = sql`array[${sql.join(trades.map((t) => sql`${t}`), sql`, `)}]::text[]`;
  const townArr = sql`array[${sql.join(TOWNSHIP_NAMES.map((t) => sql`${t}`), sql`, `)}]::text[]`;
  const catArr = sql`array[${sql.join(CATEGORIES.map((t) => sql`${t}`), sql`, `)}]::text[]`;

  await db.transaction(async (tx) => {
    const run = (q: ReturnType<typeof sql>) => tx.execute(q);
    await run(sql`set local session_replication_role = replica`);
    await run(sql`create or replace function pg_temp.pr(k bigint, s int) returns float8 language sql immutable as
      $$ select (hashint8extended(k, s) & 2147483647)::float8 / 2147483648 $$`);
    await run(sql`create temp table seed_markets on commit drop as
      select i as mi, gen_random_uuid() as id from generate_series(0, ${M - 1}) i`);
    await run(sql`insert into markets (id, code, name, county, province)
      select id, (${code0} + mi)::text, '第' || (mi + 1) || '县零工市场', '第' || (mi + 1) || '县', '山西省' from seed_markets`);
    await run(sql`create temp table seed_towns on commit drop as
      select m.mi, t.i as ti, gen_random_uuid() as id, m.id as market_id from seed_markets m, generate_series(0, 13) t(i)`);
    await run(sql`insert into townships (id, market_id, name, kind, sort)
      select id, market_id, (${townArr})[ti + 1], case when ti < 7 then '镇' else '乡' end, ti + 1 from seed_towns`);
    const [staff] = rowsOf<{ id: string }>(
      await run(sql`insert into staff_users (market_id, username, display_name, role, password_hash)
        select id, 'province-seed-' || ${String(Date.now() % 1e9)}, '批量数据', 'office', 'disabled' from seed_markets where mi = 0 returning id`),
    );
    const staffId = staff?.id;
    if (!staffId) throw new Error("seed staff user not created");

    // Workers: registration month skewed early; 4% deregistered, 1% expelled later.
    await run(sql`create temp table seed_workers on commit drop as
      select m.mi, w.i as wi, gen_random_uuid() as id, m.id as market_id,
        least(${N - 1}, floor(${N} * pg_temp.pr(m.mi::bigint * 10000000 + w.i, ${salt}) ^ 2))::int as cm
      from seed_markets m, generate_series(0, ${W - 1}) w(i)`);
    await run(sql`insert into workers (id, market_id, worker_no, name, gender, township_id, stars, status, source, consent_version,
        consented_at, created_at, updated_at, deregistered_at)
      select w.id, w.market_id, 'P' || lpad(w.wi::text, 7, '0'), '工' || w.wi,
        case when w.wi % 5 = 0 then 'female' else 'male' end, t.id,
        floor(pg_temp.pr(w.mi::bigint * 10000000 + w.wi, ${salt + 1}) ^ 1.6 * 6)::int,
        case when w.wi % 100 < 4 then 'deregistered' when w.wi % 100 = 4 then 'expelled' else 'active' end, 'import', 'bench-1',
        ${firstMonth}::timestamptz + make_interval(months => w.cm, days => w.wi % 27),
        ${firstMonth}::timestamptz + make_interval(months => w.cm, days => w.wi % 27),
        ${firstMonth}::timestamptz + make_interval(months => least(${N - 1}, w.cm + 6), days => w.wi % 27),
        case when w.wi % 100 < 4 then ${firstMonth}::timestamptz + make_interval(months => least(${N - 1}, w.cm + 6), days => w.wi % 27) end
      from seed_workers w join seed_towns t on t.mi = w.mi and t.ti = w.wi % 14`);
    await run(sql`insert into worker_trades (market_id, worker_id, trade_code)
      select market_id, id, (${tradeArr})[1 + floor(pg_temp.pr(mi::bigint * 10000000 + wi, ${salt + 2}) * ${trades.length})::int] from seed_workers
      union
      select market_id, id, (${tradeArr})[1 + floor(pg_temp.pr(mi::bigint * 10000000 + wi, ${salt + 3}) * ${trades.length})::int] from seed_workers where wi % 3 = 0`);

    const E = Math.max(2, Math.round(W / 20));
    await run(sql`create temp table seed_employers on commit drop as
      select m.mi, e.i as ei, gen_random_uuid() as id, m.id as market_id from seed_markets m, generate_series(0, ${E - 1}) e(i)`);
    // Temp tables are never auto-analyzed; without an index and statistics the order → employer lookup
    // below was a scan of every employer per order (hours at full scale).
    await run(sql`create index on seed_employers (mi, ei)`);
    await run(sql`analyze seed_employers`);
    await run(sql`analyze seed_workers`);
    await run(sql`insert into employers (id, market_id, employer_no, kind, name, contact_name, contact_phone_enc, contact_phone_bidx,
        contact_phone_masked, status, created_at, updated_at)
      select id, market_id, 'PE' || lpad(ei::text, 6, '0'), 'person', '用工方' || ei, '联系人', 'x', md5(id::text), '139****0000',
        case when ei % 50 = 0 then 'excluded' else 'active' end,
        ${firstMonth}::timestamptz + make_interval(months => (ei * 7) % ${N}),
        ${firstMonth}::timestamptz + make_interval(months => least(${N - 1}, (ei * 7) % ${N} + 3))
      from seed_employers`);

    // Orders: OPM per market-month, published on day 1..27; the last month's are still open.
    await run(sql`create temp table seed_orders on commit drop as
      select m.mi, mo.i as mo, o.i as oi, gen_random_uuid() as id, m.id as market_id,
        e.id as employer_id,
        (${tradeArr})[1 + floor(pg_temp.pr((m.mi::bigint * 1000 + mo.i) * 100000 + o.i, ${salt + 4}) * ${trades.length})::int] as trade_code,
        1 + floor(pg_temp.pr((m.mi::bigint * 1000 + mo.i) * 100000 + o.i, ${salt + 5}) * 9)::int as headcount,
        (15000 + floor(pg_temp.pr((m.mi::bigint * 1000 + mo.i) * 100000 + o.i, ${salt + 6}) * 200) * 100)::int as wage_fen
      from seed_markets m cross join generate_series(0, ${N - 1}) mo(i) cross join generate_series(0, ${OPM - 1}) o(i)
      join seed_employers e on e.mi = m.mi and e.ei = (mo.i * 131 + o.i) % ${E}`);
    await run(sql`create index on seed_orders (mi, mo, oi)`);
    await run(sql`analyze seed_orders`);
    await run(sql`insert into job_orders (id, market_id, order_no, employer_id, trade_code, headcount, start_date, end_date, place, wage_fen,
        wage_unit, status, published_at, closed_at, created_at, updated_at)
      select id, market_id, 'PO' || mo || '-' || oi, employer_id, trade_code, headcount,
        (${firstMonth}::date + make_interval(months => mo, days => oi % 27))::date,
        (${firstMonth}::date + make_interval(months => mo, days => oi % 27 + 2))::date, '本县', wage_fen, 'day',
        case when mo = ${N - 1} then 'published' else 'closed' end,
        ${firstMonth}::timestamptz + make_interval(months => mo, days => oi % 27),
        case when mo = ${N - 1} then null else ${firstMonth}::timestamptz + make_interval(months => mo, days => oi % 27 + 3) end,
        ${firstMonth}::timestamptz + make_interval(months => mo, days => oi % 27),
        ${firstMonth}::timestamptz + make_interval(months => mo, days => oi % 27)
      from seed_orders`);

    // Dispatches: K per worker from the registration month on; distinct days, so never overlapping.
    await run(sql`insert into dispatches (market_id, order_id, worker_id, employer_id, starts_at, ends_at, status, agreed_wage_fen,
        wage_unit, started_at, completed_at, no_show_at, cancelled_at, created_at, updated_at)
      select x.market_id, o.id, x.id, o.employer_id, x.st, x.st + interval '9 hours',
        x.status, o.wage_fen, 'day',
        case when x.status = 'completed' then x.st end, case when x.status = 'completed' then x.st + interval '9 hours' end,
        case when x.status = 'no_show' then x.st end, case when x.status = 'cancelled' then x.st - interval '1 day' end,
        x.st - interval '2 days', x.st
      from (
        select w.*, k.i as k, mo_k.mo,
          (${firstMonth}::timestamptz + make_interval(months => mo_k.mo, days => (k.i * 3 + w.wi % 3) % 28) - interval '8 hours') as st,
          case when pg_temp.pr((w.mi::bigint * 10000000 + w.wi) * 16 + k.i, ${salt + 7}) < 0.86 then 'completed'
               when pg_temp.pr((w.mi::bigint * 10000000 + w.wi) * 16 + k.i, ${salt + 7}) < 0.95 then 'cancelled' else 'no_show' end as status,
          floor(pg_temp.pr((w.mi::bigint * 10000000 + w.wi) * 16 + k.i, ${salt + 8}) * ${OPM})::int as oi
        from seed_workers w cross join generate_series(0, ${K - 1}) k(i)
        cross join lateral (select w.cm + floor((${N} - w.cm) * (k.i + 0.5) / ${K})::int as mo) mo_k
      ) x join seed_orders o on o.mi = x.mi and o.mo = x.mo and o.oi = x.oi`);

    // Complaints (~1% of completed dispatches), most closed within days; hall activity counters.
    await run(sql`insert into complaints (market_id, case_no, complainant, respondent, worker_id, employer_id, dispatch_id, category,
        description, status, filed_at, filed_by, accept_deadline, resolve_deadline, closed_at, upheld)
      select d.market_id, 'PC' || row_number() over (), 'worker', 'employer', d.worker_id, d.employer_id, d.id,
        (${catArr})[1 + (abs(hashtext(d.id::text || 'c')) % 6)], '批量生成',
        case when abs(hashtext(d.id::text || 's')) % 10 < 8 then 'resolved' else 'accepted' end,
        d.ends_at + interval '1 day', ${staffId}::uuid, (d.ends_at + interval '4 days')::date, (d.ends_at + interval '30 days')::date,
        case when abs(hashtext(d.id::text || 's')) % 10 < 8 then d.ends_at + interval '1 day' + make_interval(days => abs(hashtext(d.id::text || 'd')) % 20, hours => abs(hashtext(d.id::text || 'h')) % 24) end,
        abs(hashtext(d.id::text || 'u')) % 3 = 0
      from dispatches d where d.status = 'completed' and abs(hashtext(d.id::text)) % 100 = 0
        and d.market_id in (select id from seed_markets)`);
    await run(sql`insert into services_log (market_id, kind, served_on, count, recorded_by)
      select m.id, k.kind, (${firstMonth}::date + make_interval(days => dd.i))::date, 5 + (dd.i * 7 + m.mi) % 40, ${staffId}::uuid
      from seed_markets m, generate_series(0, ${N * 30 - 1}, 3) dd(i), (values ('meal'), ('midday_rest')) k(kind)`);
    await run(sql`insert into cost_entries (market_id, spent_on, category, amount_fen, voucher_no, recorded_by)
      select m.id, (${firstMonth}::date + make_interval(months => mo.i, days => 24))::date, c.cat, 100000 + ((m.mi::bigint * 31 + mo.i * 17) % 50) * 10000,
        'PV' || mo.i, ${staffId}::uuid
      from seed_markets m, generate_series(0, ${N - 1}) mo(i), (values ('staff'), ('rent'), ('utilities'), ('meals')) c(cat)`);
    await run(sql`insert into grade_changes (market_id, worker_id, from_grade, to_grade, kind, created_at)
      select w.market_id, w.id, 2, case when w.wi % 2 = 0 then 3 else 1 end, 'review',
        ${firstMonth}::timestamptz + make_interval(months => least(${N - 1}, w.cm + 3), days => w.wi % 27)
      from seed_workers w where w.wi % 25 = 0`);
    await run(sql`insert into courses (id, market_id, trade, title)
      select gen_random_uuid(), m.id, 'bricklayer', '砌筑工培训' from seed_markets m`);
    await run(sql`insert into training_batches (market_id, course_id, starts_on, ends_on, capacity, place)
      select c.market_id, c.id, (${firstMonth}::date + make_interval(months => mo.i))::date, (${firstMonth}::date + make_interval(months => mo.i, days => 10))::date, 40, '培训室'
      from courses c join seed_markets m on m.id = c.market_id, generate_series(0, ${N - 1}, 2) mo(i)`);
    await run(sql`insert into enrolments (market_id, batch_id, worker_id, status, enrolled_at, completed_on)
      select b.market_id, b.id, w.id, case when w.wi % 4 = 0 then 'dropped' else 'completed' end, b.starts_on::timestamptz,
        case when w.wi % 4 = 0 then null else b.ends_on end
      from training_batches b join seed_markets m on m.id = b.market_id
      join seed_workers w on w.mi = m.mi and w.wi % 200 = (extract(month from b.starts_on)::int * 7) % 200`);
    // Every market publishes its own guidance table (core's default scaled by its own 85–115%), from the first
    // month; every tenth publishes a second one dated the 15th of a middle month, so a month is priced by two
    // tables (by each job's day). The dashboard's wages view then compares each market with its own numbers.
    const seeded = rowsOf<{ mi: number; id: string }>(await run(sql`select mi, id::text as id from seed_markets order by mi`));
    const mid = Math.floor(N / 2);
    const midDay = `${Math.floor((startIdx + mid) / 12)}-${String(((startIdx + mid) % 12) + 1).padStart(2, "0")}-15`;
    const versions = seeded.flatMap(({ mi, id }) => {
      const pct = 85 + ((mi * 7) % 31);
      const first = { id, version: 1, from: firstMonth, body: scaledGuidance(pct, `province-${code0 + mi}-1`) };
      return mi % 10 === 1 ? [first, { id, version: 2, from: midDay, body: scaledGuidance(pct + 6, `province-${code0 + mi}-2`) }] : [first];
    });
    for (let i = 0; i < versions.length; i += 50) {
      await run(sql`insert into policy_versions (market_id, kind, version, body, effective_from, note, created_by) values ${sql.join(
        versions.slice(i, i + 50).map((v) => sql`(${v.id}::uuid, 'wages', ${v.version}, ${JSON.stringify(v.body)}::jsonb, ${v.from}::date, '批量数据', ${staffId}::uuid)`),
        sql`, `,
      )}`);
    }
    await run(sql`set local session_replication_role = origin`);
    // Midpoints from core for the new versions; the rebuild below prices every rollup row with them.
    await syncGuidanceMid(tx, { reprice: false });
    await run(sql`select analytics_rebuild()`);
  });

  const [counts] = rowsOf<{ w: number; o: number; d: number }>(
    await db.execute(sql`select (select count(*) from workers)::int as w, (select count(*) from job_orders)::int as o, (select count(*) from dispatches)::int as d`),
  );
  return { markets: M, workers: Number(counts?.w ?? 0), orders: Number(counts?.o ?? 0), dispatches: Number(counts?.d ?? 0), ms: Date.now() - started };
}

/** Core's default guidance table with every day rate scaled to `pct` percent. */
function scaledGuidance(pct: number, version: string): GuidanceWagePolicy {
  const scale = (v: number) => Math.round((v * pct) / 100 / 100) * 100;
  const d = DEFAULT_GUIDANCE_WAGE_POLICY;
  return {
    ...d,
    version,
    dayRateFen: Object.fromEntries(Object.entries(d.dayRateFen).map(([t, row]) => [t, Object.fromEntries(Object.entries(row).map(([g, v]) => [g, scale(v)]))])),
    categoryDefaultFen: Object.fromEntries(Object.entries(d.categoryDefaultFen).map(([c, v]) => [c, scale(v)])) as GuidanceWagePolicy["categoryDefaultFen"],
  };
}

function rowsOf<T>(r: unknown): T[] {
  return (Array.isArray(r) ? r : ((r as { rows?: unknown[] }).rows ?? [])) as T[];
}
