import { DEFAULT_GRADING_POLICY, addDays, initialGrade, maskPhone, maskResidentId, parseResidentId, shanghaiDate, skillGradeRank, type SkillGrade } from "@lingong/core";
import { eq } from "drizzle-orm";
import { hashPassword } from "../auth/password.ts";
import type { Db } from "../db/client.ts";
import { createDispatch } from "../queries/dispatches.ts";
import { createEmployer } from "../queries/employers.ts";
import { syncGuidanceMid } from "../queries/guidance-mid.ts";
import { encryptPii, idNumberIndex, phoneIndex } from "../queries/pii.ts";
import { shanghaiInstant } from "../queries/workforce-common.ts";
import { ROLE_IDS, CROSS_MARKET_ROLES, type Role } from "../roles.ts";
import { markets, staffUsers, townships } from "../schema/core.ts";
import { dispatches } from "../schema/dispatches.ts";
import { jobOrders } from "../schema/orders.ts";
import { negotiationRooms } from "../schema/matching.ts";
import { gradeChanges, workerTrades, workers } from "../schema/workers.ts";
import { makeEmployer, makeOrder, makeWorker, pick, rng, type Rng } from "./factories.ts";
import { hallDemoSeeders } from "./hall-services.ts";
import { rightsDemoSeeders } from "./rights.ts";

// Deterministic demo data for a county market (Qinshui by default). DEMO ONLY: it creates staff
// logins with known passwords, which a real deployment never has (the first admin comes from the CLI).

export const QINSHUI_TOWNSHIPS = ["龙港镇", "中村镇", "郑庄镇", "端氏镇", "嘉峰镇", "郑村镇", "柿庄镇", "樊村河乡", "土沃乡", "张村乡", "苏庄乡", "胡底乡", "固县乡", "十里乡"] as const;

export interface SeedDemoOptions {
  marketCode?: string;
  seed?: string;
  workers?: number;
  employers?: number;
  months?: number;
  /** Asia/Shanghai day the demo is "today"; defaults to the real today. */
  today?: string;
}

/** What a domain seeder gets to add its own demo rows (ratings, complaints, rentals, trainings). */
export interface DemoContext {
  db: Db;
  marketId: string;
  rng: Rng;
  today: string;
  staff: Record<Role, string>;
  workerIds: string[];
  employerIds: string[];
  townshipIds: string[];
  /** Completed dispatches (id, worker, employer, order, start day). */
  completed: { id: string; workerId: string; employerId: string; orderId: string; day: string }[];
}

export type DemoSeeder = (ctx: DemoContext) => Promise<void>;

/** Other domains push their seeders here from their own files (run in order after the core demo). */
export const demoSeeders: { name: string; run: DemoSeeder }[] = [];
demoSeeders.push(...rightsDemoSeeders, ...hallDemoSeeders);

/** Demo-only staff passwords: `Demo-<role>-2024!`. Printed by `npm start` and never used outside the demo. */
export const demoPassword = (role: Role) => `Demo-${role}-2024!`;

async function inBatches<T>(items: T[], size: number, fn: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

export async function seedDemo(db: Db, opts: SeedDemoOptions = {}): Promise<{ marketId: string; logins: { username: string; password: string; role: Role; demoOnly: true }[] }> {
  const marketCode = opts.marketCode ?? "140521";
  const r = rng(`${opts.seed ?? "qinshui"}:${marketCode}`);
  const today = opts.today ?? shanghaiDate(new Date());
  const nWorkers = opts.workers ?? 2000;
  const nEmployers = opts.employers ?? 300;
  const months = opts.months ?? 12;

  // Market and townships (reused when they exist).
  let [market] = await db.select({ id: markets.id }).from(markets).where(eq(markets.code, marketCode));
  if (!market) {
    [market] = await db
      .insert(markets)
      .values({ code: marketCode, name: marketCode === "140521" ? "沁水县零工市场" : `${marketCode}零工市场`, county: marketCode === "140521" ? "沁水县" : marketCode, province: "山西省", settings: { workerNoPrefix: marketCode === "140521" ? "QS" : "LG", arrearsAfterDays: 3 } })
      .returning({ id: markets.id });
  }
  if (!market) throw new Error("market insert failed");
  const marketId = market.id;
  let towns = await db.select({ id: townships.id, name: townships.name }).from(townships).where(eq(townships.marketId, marketId));
  if (towns.length === 0) {
    towns = await db
      .insert(townships)
      .values(QINSHUI_TOWNSHIPS.map((name, i) => ({ marketId, name, kind: name.endsWith("镇") ? "镇" : "乡", sort: i + 1 })))
      .returning({ id: townships.id, name: townships.name });
  }
  const townIds = towns.map((t) => t.id);

  // Staff: one demo login per role.
  const staff = {} as Record<Role, string>;
  const logins: { username: string; password: string; role: Role; demoOnly: true }[] = [];
  for (const role of ROLE_IDS) {
    const username = `demo-${role}${marketCode === "140521" ? "" : `-${marketCode}`}`;
    const password = demoPassword(role);
    const [existing] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.username, username));
    const id =
      existing?.id ??
      (await db.insert(staffUsers).values({ marketId: CROSS_MARKET_ROLES.includes(role) ? null : marketId, username, displayName: `演示${role}`, role, passwordHash: await hashPassword(password) }).returning({ id: staffUsers.id }))[0]?.id;
    if (!id) throw new Error("staff insert failed");
    staff[role] = id;
    logins.push({ username, password, role, demoOnly: true });
  }
  const actor = { marketId, userId: staff.business };

  const [already] = await db.select({ id: workers.id }).from(workers).where(eq(workers.marketId, marketId)).limit(1);
  if (already) return { marketId, logins };

  // Rooms.
  await db.insert(negotiationRooms).values([
    { marketId, name: "洽谈室一", capacity: 4 },
    { marketId, name: "洽谈室二", capacity: 8 },
    { marketId, name: "洽谈室三（大）", capacity: 20 },
  ]);

  // Employers through the same service function as the API.
  const employerIds: string[] = [];
  const employerTowns = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (let i = 0; i < nEmployers; i++) {
      const townshipId = pick(r, townIds);
      const input = makeEmployer(r, { townshipId });
      const e = await createEmployer(tx, actor, input, new Date(`${addDays(today, -months * 30 - 30 + r.int(30))}T09:00:00+08:00`)).catch((err: unknown) => {
        // A rare duplicate generated credit code: skip that employer.
        if (String((err as Error).message).includes("统一社会信用代码")) return null;
        throw err;
      });
      if (e) {
        employerIds.push(e.id);
        employerTowns.set(e.id, townshipId);
      }
    }
  });

  // Workers in bulk: the same derivations as registerWorker, inserted in batches for speed.
  const workerRows: (typeof workers.$inferInsert)[] = [];
  const tradeRows: (typeof workerTrades.$inferInsert)[] = [];
  const gradeRows: (typeof gradeChanges.$inferInsert)[] = [];
  const byTrade = new Map<string, string[]>();
  const seenIds = new Set<string>();
  const prefix = marketCode === "140521" ? "QS" : "LG";
  for (let i = 0; i < nWorkers; i++) {
    const w = makeWorker(r, { today, townshipId: pick(r, townIds) });
    const parsed = parseResidentId(w.idNumber);
    if (!parsed.ok || seenIds.has(parsed.id)) continue;
    seenIds.add(parsed.id);
    const id = crypto.randomUUID();
    const best = w.trades.reduce<SkillGrade>((g, t) => (skillGradeRank(t.skillGrade) > skillGradeRank(g) ? t.skillGrade : g), "none");
    const grade = initialGrade(DEFAULT_GRADING_POLICY, { workYears: w.workYears, skillGrade: best });
    const createdAt = new Date(`${addDays(today, -months * 30 - r.int(60))}T09:00:00+08:00`);
    const status = r.next() < 0.01 ? "probation" : "active";
    workerRows.push({
      id, marketId, workerNo: `${prefix}${String(workerRows.length + 1).padStart(6, "0")}`, name: w.name, gender: parsed.gender, birthDate: parsed.birthDate,
      idNumberEnc: encryptPii(parsed.id), idNumberBidx: idNumberIndex(parsed.id), idNumberMasked: maskResidentId(parsed.id),
      phoneEnc: encryptPii(w.phone), phoneBidx: phoneIndex(w.phone), phoneLast4: w.phone.slice(-4), phoneMasked: maskPhone(w.phone),
      hukou: w.hukou ?? null, homeAddressEnc: w.homeAddress ? encryptPii(w.homeAddress) : null, townshipId: w.townshipId ?? null,
      workYears: w.workYears, workHistory: w.workHistory ?? null, stars: Math.min(5, grade.grade + (r.next() < 0.3 ? 1 : 0)), status, source: "demo",
      consentVersion: w.consentVersion, consentedAt: createdAt, createdBy: staff.business, createdAt, updatedAt: createdAt,
    });
    for (const t of w.trades) {
      tradeRows.push({ marketId, workerId: id, tradeCode: t.code, skillGrade: t.skillGrade, certificates: t.certificates });
      byTrade.set(t.code, [...(byTrade.get(t.code) ?? []), id]);
    }
    gradeRows.push({ marketId, workerId: id, fromGrade: null, toGrade: grade.grade, kind: "initial", reasons: grade.reasons, decidedBy: staff.business, createdAt });
  }
  await inBatches(workerRows, 500, (b) => db.insert(workers).values(b));
  await inBatches(tradeRows, 1000, (b) => db.insert(workerTrades).values(b));
  await inBatches(gradeRows, 1000, (b) => db.insert(gradeChanges).values(b));
  const workerIds = workerRows.map((w) => w.id as string);

  // A year of orders and dispatches, bulk inserted; busy days tracked so no worker overlaps.
  const busy = new Set<string>();
  const orderRows: (typeof jobOrders.$inferInsert)[] = [];
  const dispatchRows: (typeof dispatches.$inferInsert)[] = [];
  const completed: DemoContext["completed"] = [];
  const tradeCodes = [...byTrade.keys()];
  let orderNo = 0;
  const firstDay = addDays(today, -months * 30);
  for (let day = firstDay; day < today; day = addDays(day, 1)) {
    const month = Number(day.slice(5, 7));
    const perDay = 3 + r.int(month >= 3 && month <= 11 ? 6 : 3);
    for (let k = 0; k < perDay && employerIds.length > 0; k++) {
      const employerId = pick(r, employerIds);
      const tradeCode = pick(r, tradeCodes);
      const o = makeOrder(r, { employerId, startDate: day, tradeCode, townshipId: employerTowns.get(employerId) ?? pick(r, townIds) });
      const orderId = crypto.randomUUID();
      const days: string[] = [];
      for (let d = o.startDate; d <= o.endDate; d = addDays(d, 1)) days.push(d);
      const pool = byTrade.get(tradeCode) ?? [];
      let filled = 0;
      for (let tries = 0; filled < o.headcount && tries < o.headcount * 4 && pool.length > 0; tries++) {
        const workerId = pick(r, pool);
        if (days.some((d) => busy.has(`${workerId}:${d}`))) continue;
        days.forEach((d) => busy.add(`${workerId}:${d}`));
        const roll = r.next();
        const status = roll < 0.9 ? "completed" : roll < 0.95 ? "no_show" : "cancelled";
        const id = crypto.randomUUID();
        const startsAt = shanghaiInstant(o.startDate, "08:00");
        const endsAt = shanghaiInstant(o.endDate, "18:00");
        const completedAt = status === "completed" ? endsAt : null;
        dispatchRows.push({
          id, marketId, orderId, workerId, employerId, startsAt, endsAt, status, agreedWageFen: o.wageFen, wageUnit: o.wageUnit,
          startedAt: status === "completed" ? startsAt : null, completedAt, noShowAt: status === "no_show" ? startsAt : null,
          cancelledAt: status === "cancelled" ? startsAt : null, cancelReason: status === "cancelled" ? "用工方临时取消" : null,
          paidConfirmedAt: status === "completed" && r.next() < 0.96 ? new Date(endsAt.getTime() + 86_400_000 * r.int(3)) : null,
          createdBy: staff.business, createdAt: startsAt, updatedAt: startsAt,
        });
        if (status === "completed") {
          filled++;
          completed.push({ id, workerId, employerId, orderId, day: o.startDate });
        }
      }
      orderNo++;
      const createdAt = new Date(`${addDays(day, -2)}T10:00:00+08:00`);
      orderRows.push({
        id: orderId, marketId, orderNo: `J${String(orderNo).padStart(6, "0")}`, ...o, townshipId: o.townshipId ?? null, filledCount: filled, status: "closed",
        publishedAt: createdAt, closedAt: shanghaiInstant(addDays(o.endDate, 1), "09:00"), createdBy: staff.business, createdAt, updatedAt: createdAt,
      });
    }
  }
  await inBatches(orderRows, 500, (b) => db.insert(jobOrders).values(b));
  await inBatches(dispatchRows, 1000, (b) => db.insert(dispatches).values(b));

  // Open orders for today and the next week; some of today's are dispatched through the service.
  const open: string[] = [];
  for (let i = 0; i < 12 && employerIds.length > 0; i++) {
    const employerId = pick(r, employerIds);
    const start = addDays(today, r.int(7));
    const o = makeOrder(r, { employerId, startDate: start, tradeCode: pick(r, tradeCodes), days: 1 + r.int(3), townshipId: employerTowns.get(employerId) ?? pick(r, townIds) });
    orderNo++;
    const orderId = crypto.randomUUID();
    const now = new Date();
    await db.insert(jobOrders).values({ id: orderId, marketId, orderNo: `J${String(orderNo).padStart(6, "0")}`, ...o, townshipId: o.townshipId ?? null, status: "published", publishedAt: now, createdBy: staff.business, createdAt: now, updatedAt: now });
    open.push(orderId);
    if (start === today) {
      const pool = byTrade.get(o.tradeCode) ?? [];
      for (let k = 0; k < Math.min(o.headcount - 1, pool.length); k++) {
        await db.transaction((tx) => createDispatch(tx, actor, { orderId, workerId: pick(r, pool) })).catch(() => undefined);
      }
    }
  }

  const ctx: DemoContext = { db, marketId, rng: r, today, staff, workerIds, employerIds, townshipIds: townIds, completed };
  for (const s of demoSeeders) await s.run(ctx);
  // Guidance midpoints the wage rollups are priced by (core's default; any table a reused market published).
  await syncGuidanceMid(db);
  return { marketId, logins };
}

