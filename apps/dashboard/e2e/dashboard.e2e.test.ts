import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_GUIDANCE_WAGE_POLICY, shanghaiDate, shanghaiMonth } from "@lingong/core";
import { eq, sql } from "drizzle-orm";
import { createDatabase, type Database } from "../../../packages/api/src/db/client.ts";
import { migrateDatabase } from "../../../packages/api/src/db/migrate.ts";
import { complaintsView, placement, services, supplyDemand, wages, type AnalyticsFilter } from "../../../packages/api/src/queries/analytics.ts";
import { rowsOf } from "../../../packages/api/src/queries/analytics-sql.ts";
import { syncGuidanceMid } from "../../../packages/api/src/queries/guidance-mid.ts";
import { markets } from "../../../packages/api/src/schema/core.ts";
import { policyVersions } from "../../../packages/api/src/schema/orders.ts";
import { seedDemo } from "../../../packages/api/src/seed/demo.ts";
import { createServer, type LingongServer } from "../../../packages/api/src/server/index.ts";

const here = dirname(fileURLToPath(import.meta.url));
const APP = resolve(here, "..");
const ARTIFACTS = resolve(APP, "test-artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  const msg = `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH); dashboard browser tests cannot run`;
  if (process.env.CI === "true") throw new Error(msg);
  console.warn(`⚠ ${msg}: running no browser test`);
}

interface ChartState { series: { id: string; name: string; type: string; points: number; sum: number }[]; categories: number }

/** Reads a chart's option through the page's echarts (test hook `__lingongEcharts`). */
async function chart(page: Page, id: string): Promise<ChartState> {
  await page.waitForSelector(`[data-chart="${id}"] canvas`);
  // The canvas exists while loading; wait until the data has arrived.
  await page.waitForFunction((chartId) => {
    const el = document.querySelector(`[data-chart="${chartId}"] .echarts-for-react`) as HTMLElement | null;
    const ec = (globalThis as unknown as { __lingongEcharts?: { getInstanceByDom(el: HTMLElement): { getOption(): { series?: unknown[] } } | undefined } }).__lingongEcharts;
    const inst = el && ec ? ec.getInstanceByDom(el) : undefined;
    return (inst?.getOption().series?.length ?? 0) > 0;
  }, id).catch(async (e: unknown) => {
    await page.screenshot({ path: resolve(ARTIFACTS, `failed-${id}.png`), fullPage: true });
    throw e;
  });
  return page.evaluate((chartId) => {
    const el = document.querySelector(`[data-chart="${chartId}"] .echarts-for-react`) as HTMLElement;
    const ec = (globalThis as unknown as { __lingongEcharts: { getInstanceByDom(el: HTMLElement): { getOption(): Record<string, unknown> } } }).__lingongEcharts;
    const opt = ec.getInstanceByDom(el).getOption() as { series: { id: string; name: string; type: string; data: unknown[] }[]; xAxis?: { data?: unknown[] }[] };
    return {
      series: opt.series.map((s) => ({
        id: String(s.id),
        name: s.name,
        type: s.type,
        points: s.data.length,
        sum: s.data.reduce<number>((a, v) => a + (typeof v === "number" ? Math.abs(v) : 0), 0),
      })),
      categories: opt.xAxis?.[0]?.data?.length ?? 0,
    };
  }, id);
}

describe.runIf(hasChromium)("dashboard in Chromium on demo data", () => {
  let database: Database;
  let leader = { username: "", password: "" };
  /** What the dashboard asks for by default (the province, the last twelve months), for comparing charts with the API. */
  let province: AnalyticsFilter = { marketIds: null, from: "", to: "" };
  let server: LingongServer;
  let base = "";
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: APP, stdio: "inherit" });
    database = await createDatabase({ url: "", dataDir: "memory://" });
    await migrateDatabase(database.db, database.kind);
    // The demo county (沁水, through the same service functions as the API) and a smaller second county, so the
    // province view spans two markets. Reduced sizes keep the whole file well under two minutes.
    const today = shanghaiDate(new Date());
    const demo = await seedDemo(database.db, { workers: 400, employers: 60, months: 12, today });
    await seedDemo(database.db, { marketCode: "140522", workers: 120, employers: 20, months: 12, today });
    // The second county has published its own guidance table (20% above the default), so the province's wages
    // compare each county with its own table.
    const [second] = await database.db.select({ id: markets.id }).from(markets).where(eq(markets.code, "140522"));
    const up = (r: Record<string, number | undefined>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round((v ?? 0) * 1.2)]));
    const body = {
      ...DEFAULT_GUIDANCE_WAGE_POLICY,
      version: "140522-e2e",
      dayRateFen: Object.fromEntries(Object.entries(DEFAULT_GUIDANCE_WAGE_POLICY.dayRateFen).map(([trade, row]) => [trade, up(row)])),
      categoryDefaultFen: up(DEFAULT_GUIDANCE_WAGE_POLICY.categoryDefaultFen),
    };
    const midSum = async () =>
      Number(rowsOf<{ s: number }>(await database.db.execute(sql`select coalesce(sum(guidance_mid_sum_fen), 0)::bigint as s from analytics_month_wages where market_id = ${second!.id}::uuid`))[0]!.s);
    const defaultPriced = await midSum();
    // Written straight into the table (as an import would), so the startup sync prices the county's rollups by it.
    await database.db.insert(policyVersions).values({ marketId: second!.id, kind: "wages", version: 1, body, effectiveFrom: "2020-01-01" });
    expect(await syncGuidanceMid(database.db)).toEqual({ sets: 1, repriced: 1 });
    expect(defaultPriced).toBeGreaterThan(0);
    expect(await midSum()).toBeGreaterThan(defaultPriced * 1.15);
    const login = demo.logins.find((l) => l.role === "leader");
    if (!login) throw new Error("seedDemo made no leader login");
    leader = login;
    // The app's default period: the twelve months up to the current Asia/Shanghai month.
    const to = shanghaiMonth(new Date());
    const i = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 12;
    province = { marketIds: null, from: `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, to };
    server = createServer({ db: database.db, log: false, dashboardDist: resolve(APP, "dist"), loginAttemptsPerMinute: 1000 });
    base = await server.listen(0, "127.0.0.1");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=zh-CN"],
    });
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    page = await ctx.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  it("signs in as the leader and shows the overview cards with previous-month values", async () => {
    await page.goto(`${base}/dashboard/`);
    await page.locator("#username").fill(leader.username);
    await page.locator("#password").fill(leader.password);
    await page.locator("#password").press("Enter");
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-card="registeredWorkers"] .ant-statistic')?.textContent ?? ""));
    const registered = await page.locator('[data-card="registeredWorkers"] .ant-statistic').innerText();
    expect(Number(registered.replace(/[^\d]/g, ""))).toBeGreaterThan(450);
    await expect(page.locator('[data-card="placementRate"]').innerText()).resolves.toMatch(/%/);
    await expect(page.locator('[data-card="placements"]').innerText()).resolves.toContain("上月");
    await expect(page.locator(".header").innerText()).resolves.toContain("全省");
    // The default range ends with today's month, which is still running: the overview says so.
    await expect(page.getByTestId("month-in-progress").innerText()).resolves.toContain(`数据截至 ${shanghaiDate(new Date()).slice(5)}`);
    await shot("01-overview");
  });

  it("supply and demand: openings and seekers per month, 求人倍率 per trade, with the core definition", async () => {
    await page.getByRole("tab", { name: "供需" }).click();
    const sd = await chart(page, "supply-demand");
    expect(sd.series.map((s) => [s.id, s.type])).toEqual([["openings", "bar"], ["seekers", "line"]]);
    expect(sd.categories).toBe(12);
    expect(sd.series.every((s) => s.sum > 0)).toBe(true);
    // The bars are the API's openings, summed over trades.
    const api = await supplyDemand(database.db, province);
    expect(sd.series[0]!.sum).toBe(api.trades.reduce((a, t) => a + t.openings.reduce((x, y) => x + y, 0), 0));
    // The line is the distinct seekers (a worker with two trades counts once), not the per-trade sum.
    expect(sd.series[1]!.sum).toBe(api.seekersTotal.reduce((a, b) => a + b, 0));
    expect(sd.series[1]!.sum).toBeLessThan(api.trades.reduce((a, t) => a + t.seekers.reduce((x, y) => x + y, 0), 0));
    const ratio = await chart(page, "demand-supply-ratio");
    expect(ratio.series[0]!.points).toBeGreaterThan(3);
    await expect(page.locator('[data-view="supplyDemand"]').innerText()).resolves.toContain("求人倍率：统计期内用工需求岗位数");
    await shot("02-supply-demand");
  });

  it("placement by month, township, trade and star grade; clicking a bar opens the list behind it", async () => {
    await page.getByRole("tab", { name: "上岗" }).click();
    const month = await chart(page, "placement-month");
    expect(month.series.map((s) => s.id)).toEqual(["placed", "rate"]);
    expect(month.series[0]!.sum).toBeGreaterThan(0);
    const api = await placement(database.db, province);
    expect(month.series[0]!.sum).toBe(api.byMonth.reduce((a, m) => a + m.placed, 0));
    // One bar per star grade / trade the API reports (grades with no seekers and no placements are left out).
    expect((await chart(page, "placement-stars")).series[0]!.points).toBe(api.byStars.length);
    expect(api.byStars.length).toBeGreaterThanOrEqual(4);
    expect((await chart(page, "placement-trade")).series[0]!.points).toBe(api.byTrade.length);
    expect(api.byTrade.length).toBeGreaterThan(3);
    // The province view has no township breakdown (townships belong to one county).
    await page.waitForSelector('[data-chart="placement-township"] .ant-empty');
    // Click the last month's bar.
    const point = await page.evaluate(() => {
      const el = document.querySelector('[data-chart="placement-month"] .echarts-for-react') as HTMLElement;
      const ec = (globalThis as unknown as { __lingongEcharts: { getInstanceByDom(el: HTMLElement): { convertToPixel(f: object, v: number[]): number[]; getOption(): { series: { data: number[] }[] } } } }).__lingongEcharts;
      const inst = ec.getInstanceByDom(el);
      const data = inst.getOption().series[0]!.data;
      const i = data.length - 2;
      const [x, y] = inst.convertToPixel({ seriesIndex: 0 }, [i, (data[i] ?? 0) / 2]);
      const r = el.getBoundingClientRect();
      return { x: r.left + (x ?? 0), y: r.top + (y ?? 0) };
    });
    await page.mouse.click(point.x, point.y);
    await page.waitForSelector(".ant-drawer-open .ant-table-row");
    const rows = await page.locator(".ant-drawer-open .ant-table-row").count();
    expect(rows).toBeGreaterThan(0);
    await shot("03-placement-drilldown");
    await page.locator(".ant-drawer-open .ant-drawer-close").click();
  });

  it("complaints, stars, wages and the activity views draw their series", async () => {
    await page.getByRole("tab", { name: "投诉" }).click();
    const c = await chart(page, "complaints-trend");
    expect(c.series.at(-1)!.id).toBe("per100");
    expect(c.series.length).toBeGreaterThan(2);
    const apiComplaints = await complaintsView(database.db, province);
    expect(c.series.length).toBe(apiComplaints.categories.length + 1);
    expect((await chart(page, "complaints-resolution")).series[0]!.sum).toBeGreaterThan(0);
    await shot("04-complaints");
    await page.getByRole("tab", { name: "星级" }).click();
    expect((await chart(page, "stars-distribution")).series[0]!.points).toBe(6);
    expect((await chart(page, "stars-movement")).series.map((s) => s.id)).toEqual(["up", "down"]);
    await shot("05-stars");
    await page.getByRole("tab", { name: "工资" }).click();
    const w = await chart(page, "wages");
    expect(w.series.map((s) => s.id)).toEqual(["avg", "low", "high", "ratio"]);
    // The ratio points are the API's (each county against its own table), in %.
    const apiWages = (await wages(database.db, province)).trades.slice(0, 15);
    expect(w.series[3]!.sum).toBeCloseTo(apiWages.reduce((a, r) => a + (r.ratio === null ? 0 : Math.round(r.ratio * 1000) / 10), 0), 6);
    expect(w.series[3]!.points).toBe(apiWages.length);
    await expect(page.locator('[data-view="wages"]').innerText()).resolves.toContain("该县在用工当天施行的指导价中位");
    await shot("06-wages");
    await page.getByRole("tab", { name: /培训/ }).click();
    expect((await chart(page, "training")).series[1]!.sum).toBeGreaterThan(0);
    const sv = await chart(page, "services");
    expect(sv.series.map((s) => s.id)).toEqual((await services(database.db, province)).series.map((s) => s.key));
    expect(sv.series.map((s) => s.id)).toEqual(expect.arrayContaining(["book_loans", "service:meal", "service:midday_rest", "tool_rentals"]));
    expect(sv.series.every((s) => s.sum > 0)).toBe(true);
    expect((await chart(page, "cost")).series[1]!.sum).toBeGreaterThan(0);
    await shot("07-activity");
  });

  it("filters to one market, switches to English, and opens the big screen", async () => {
    await page.getByRole("tab", { name: "上岗" }).click();
    await page.locator('[data-testid="market-filter"]').click();
    await page.locator(".ant-select-item-option").first().click();
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.querySelector('[data-chart="placement-township"] canvas') !== null);
    expect((await chart(page, "placement-township")).series[0]!.points).toBeGreaterThan(5);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("tab", { name: "Placement" }).isVisible()).resolves.toBe(true);
    await page.locator('[data-testid="big-screen"]').click();
    await page.waitForSelector('[data-view="big-screen"] [data-chart="supply-demand"] canvas');
    expect((await chart(page, "complaints-trend")).series.length).toBeGreaterThan(1);
    await shot("08-big-screen");
    expect(errors).toEqual([]);
  });
});
