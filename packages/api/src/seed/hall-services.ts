import { TRADES, addDays } from "@lingong/core";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { addCost } from "../queries/costs.ts";
import type { CostCategory } from "../queries/costs.ts";
import { addBook, lendBook, returnBook } from "../queries/library.ts";
import { staffLeaderboard } from "../queries/leaderboard.ts";
import { addAnnouncement, addHonour } from "../queries/publicity.ts";
import { completeEnrolment, createBatch, createCourse, enrol, recordAttendance } from "../queries/training.ts";
import { createTool, lendTool, returnTool } from "../queries/tools.ts";
import type { NewTool, ToolCondition } from "../queries/tools.ts";
import { followups } from "../schema/followups.ts";
import { servicesLog } from "../schema/library.ts";
import { workerTrades, workers } from "../schema/workers.ts";
import type { DemoContext, DemoSeeder } from "./demo.ts";

// Demo data for the hall's services: tool counter, training, reading room, meals and rest,
// honour roll, announcements and the operating cost ledger.

const at = (day: string, hhmm = "10:00") => new Date(`${day}T${hhmm}:00+08:00`);

async function activeWorkers(ctx: DemoContext, limit: number) {
  const rows = await ctx.db
    .select({ id: workers.id })
    .from(workers)
    .where(and(eq(workers.marketId, ctx.marketId), eq(workers.status, "active")))
    .orderBy(asc(workers.workerNo))
    .limit(limit);
  return rows.map((r) => r.id);
}

const TOOLS: (NewTool & { copies: number })[] = [
  { name: "榔头", kind: "hand", free: true, dailyFeeFen: 0, depositFen: 0, copies: 3 },
  { name: "镐", kind: "hand", free: true, dailyFeeFen: 0, depositFen: 0, copies: 2 },
  { name: "铁锹", kind: "hand", free: true, dailyFeeFen: 0, depositFen: 0, copies: 4 },
  { name: "瓦刀", kind: "hand", free: true, dailyFeeFen: 0, depositFen: 0, copies: 2 },
  { name: "抹子", kind: "hand", free: true, dailyFeeFen: 0, depositFen: 0, copies: 2 },
  { name: "安全带", kind: "safety", free: true, dailyFeeFen: 0, depositFen: 5000, copies: 3 },
  { name: "电锤", kind: "power", free: false, dailyFeeFen: 1000, depositFen: 20000, copies: 2 },
  { name: "角磨机", kind: "power", free: false, dailyFeeFen: 800, depositFen: 10000, copies: 2 },
  { name: "切割机", kind: "power", free: false, dailyFeeFen: 1500, depositFen: 30000, copies: 1 },
  { name: "电焊机", kind: "power", free: false, dailyFeeFen: 2000, depositFen: 50000, copies: 1 },
  { name: "冲击钻", kind: "power", free: false, dailyFeeFen: 800, depositFen: 15000, copies: 2 },
  { name: "激光水平仪", kind: "measuring", free: false, dailyFeeFen: 500, depositFen: 20000, copies: 1 },
];

async function seedTools(ctx: DemoContext) {
  const { db, marketId, rng, staff, today } = ctx;
  const people = await activeWorkers(ctx, 400);
  if (people.length === 0) return;
  await db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const t of TOOLS) {
      for (let i = 1; i <= t.copies; i++) {
        const { copies: _c, ...tool } = t;
        ids.push((await createTool(tx, marketId, { ...tool, name: t.copies > 1 ? `${t.name}（${i}号）` : t.name })).id);
      }
    }
    // A year of loans, one tool at a time per copy; the last few are still out (two overdue).
    const freeFrom = new Map<string, string>();
    for (let day = addDays(today, -330); day < addDays(today, -16); day = addDays(day, 1 + rng.int(2))) {
      const toolId = ids[rng.int(ids.length)]!;
      if ((freeFrom.get(toolId) ?? "") > day) continue;
      const due = addDays(day, 1 + rng.int(3));
      const r = await lendTool(tx, marketId, staff.logistics, { toolId, workerId: people[rng.int(people.length)]!, dueDate: due }, at(day, "07:30"));
      const back = rng.next() < 0.1 ? addDays(due, 1 + rng.int(3)) : due;
      const roll = rng.next();
      const condition: ToolCondition = roll < 0.88 ? "good" : "worn";
      await returnTool(tx, marketId, staff.logistics, { rentalId: r.id, condition }, at(back, "18:00"));
      freeFrom.set(toolId, addDays(back, 1));
    }
    const outs = [
      { lent: -6, due: -3 },
      { lent: -5, due: -2 },
      { lent: -1, due: 1 },
      { lent: 0, due: 2 },
      { lent: 0, due: 0 },
    ];
    for (const [i, o] of outs.entries()) {
      await lendTool(tx, marketId, staff.logistics, { toolId: ids[ids.length - 1 - i]!, workerId: people[(i * 37) % people.length]!, dueDate: addDays(today, o.due) }, at(addDays(today, o.lent), "07:40"));
    }
  });
}

const COURSES = [
  { trade: "bricklayer", title: "砌筑工技能提升培训", hours: 40 },
  { trade: "electrician", title: "低压电工作业（特种作业操作证）", hours: 56 },
  { trade: "welder", title: "焊工（熔化焊接与热切割作业）", hours: 56 },
  { trade: "housekeeper", title: "家政服务员（母婴护理方向）", hours: 48 },
  { trade: "elderly_carer", title: "养老护理员职业技能培训", hours: 60 },
  { trade: "excavator_operator", title: "挖掘机操作实训", hours: 80 },
].filter((c) => TRADES.some((t) => t.code === c.trade));

async function seedTraining(ctx: DemoContext) {
  const { db, marketId, rng, today } = ctx;
  const people = await activeWorkers(ctx, 600);
  if (people.length < 30) return;
  await db.transaction(async (tx) => {
    const courseIds: string[] = [];
    for (const c of COURSES) courseIds.push((await createCourse(tx, marketId, { ...c, free: true })).id);
    let cert = 0;
    for (let b = 0; b < 11; b++) {
      const startsOn = addDays(today, -320 + b * 32);
      const endsOn = addDays(startsOn, 4 + rng.int(3));
      const course = courseIds[b % courseIds.length]!;
      const batch = await createBatch(tx, marketId, { courseId: course, startsOn, endsOn, capacity: 20 + 5 * rng.int(3), place: rng.next() < 0.5 ? "零工市场二楼培训室" : "县职业技能实训基地" });
      const size = Math.min(batch.capacity, 10 + rng.int(12));
      const offset = rng.int(people.length);
      const enrolled = [];
      for (let i = 0; i < size; i++) {
        enrolled.push(await enrol(tx, marketId, { batchId: batch.id, workerId: people[(offset + i) % people.length]! }, at(addDays(startsOn, -5), "09:00")));
      }
      if (startsOn > today) continue;
      const lastDay = endsOn < today ? endsOn : addDays(today, -1);
      for (const e of enrolled) {
        for (let d = startsOn; d <= lastDay; d = addDays(d, 1)) {
          await recordAttendance(tx, marketId, { enrolmentId: e.id, day: d, present: rng.next() < 0.92 }, at(d, "17:30"));
        }
        if (endsOn < today && rng.next() < 0.9) {
          cert++;
          await completeEnrolment(tx, marketId, { enrolmentId: e.id, completedOn: endsOn, certificateNo: `QSPX${endsOn.slice(0, 4)}${String(cert).padStart(4, "0")}` }, at(endsOn, "18:00"));
        }
      }
    }
  });
}

const BOOKS = [
  ["建筑施工安全常识", "应急管理部宣教中心", "安全"], ["农民工维权指南", "人力资源社会保障部", "法律"], ["保障农民工工资支付条例解读", "法律出版社", "法律"],
  ["电工基础", "王兆晶", "技能"], ["砌筑工（初级）", "人社部教材办", "技能"], ["焊工工艺学", "邱葭菲", "技能"], ["家政服务员", "中国劳动社会保障出版社", "技能"],
  ["养老护理员", "中国劳动社会保障出版社", "技能"], ["平凡的世界", "路遥", "文学"], ["活着", "余华", "文学"], ["人生", "路遥", "文学"],
  ["沁水县志（简本）", "沁水县地方志办", "地方"], ["赵树理小说选", "赵树理", "文学"], ["家庭急救手册", "人民卫生出版社", "健康"], ["常见病防治", "人民卫生出版社", "健康"],
  ["中华人民共和国劳动合同法", "法律出版社", "法律"], ["手机上网入门", "人民邮电出版社", "生活"], ["果树栽培技术", "中国农业出版社", "农业"], ["食用菌栽培", "中国农业出版社", "农业"],
  ["小本创业指南", "机械工业出版社", "创业"],
] as const;

async function seedLibrary(ctx: DemoContext) {
  const { db, marketId, rng, staff, today } = ctx;
  const people = await activeWorkers(ctx, 300);
  if (people.length === 0) return;
  await db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const [title, author, category] of BOOKS) ids.push((await addBook(tx, marketId, { title, author, category })).id);
    const freeFrom = new Map<string, string>();
    for (let day = addDays(today, -300); day < addDays(today, -40); day = addDays(day, 1 + rng.int(3))) {
      const bookId = ids[rng.int(ids.length)]!;
      if ((freeFrom.get(bookId) ?? "") > day) continue;
      const due = addDays(day, 14);
      const loan = await lendBook(tx, marketId, staff.logistics, { bookId, workerId: people[rng.int(people.length)]!, dueDate: due }, at(day, "12:10"));
      const back = addDays(day, 3 + rng.int(14));
      await returnBook(tx, marketId, { loanId: loan.id }, at(back, "12:30"));
      freeFrom.set(bookId, addDays(back, 1));
    }
    const outs = [-20, -18, -5, -2, -1];
    for (const [i, lent] of outs.entries()) {
      await lendBook(tx, marketId, staff.logistics, { bookId: ids[i]!, workerId: people[(i * 11) % people.length]!, dueDate: addDays(today, lent + 14) }, at(addDays(today, lent), "12:00"));
    }
  });
}

async function seedServices(ctx: DemoContext) {
  const { db, marketId, rng, staff, today } = ctx;
  const rows: (typeof servicesLog.$inferInsert)[] = [];
  for (let day = addDays(today, -364); day < today; day = addDays(day, 1)) {
    const month = Number(day.slice(5, 7));
    const busy = month >= 3 && month <= 11 ? 1 : 0.5;
    const meals = Math.round((20 + rng.int(40)) * busy);
    rows.push({ marketId, kind: "meal", servedOn: day, count: meals, feeFen: meals * 500, note: "低价午餐（5 元/份）", recordedBy: staff.logistics, createdAt: at(day, "13:00") });
    const rest = Math.round((3 + rng.int(10)) * busy);
    if (rest > 0) rows.push({ marketId, kind: "midday_rest", servedOn: day, count: rest, feeFen: 0, note: "远道零工午休", recordedBy: staff.logistics, createdAt: at(day, "14:00") });
    if (month >= 6 && month <= 8) rows.push({ marketId, kind: "water", servedOn: day, count: 30 + rng.int(50), feeFen: 0, note: "夏季免费凉茶", recordedBy: staff.logistics, createdAt: at(day, "15:00") });
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(servicesLog).values(rows.slice(i, i + 1000));
}

async function seedPublicity(ctx: DemoContext) {
  const { db, marketId, staff, today } = ctx;
  const best = await db
    .select({ id: workers.id, trade: sql<string | null>`(select trade_code from ${workerTrades} t where t.worker_id = ${workers.id} order by t.trade_code limit 1)` })
    .from(workers)
    .innerJoin(followups, eq(followups.workerId, workers.id))
    .where(and(eq(workers.marketId, marketId), eq(workers.status, "active")))
    .groupBy(workers.id, workers.stars, workers.workerNo)
    .orderBy(desc(workers.stars), desc(sql`avg(${followups.quality})`), asc(workers.workerNo))
    .limit(8);
  const now = at(today, "09:00");
  await db.transaction(async (tx) => {
    for (const [i, w] of best.entries()) {
      await addHonour(
        tx,
        marketId,
        staff.policy,
        {
          workerId: w.id,
          title: i < 3 ? `${today.slice(0, 4)}年度优秀零工` : "本月服务之星",
          citation: "回访满意率高，服务态度好，无投诉",
          trade: w.trade ?? undefined,
          periodStart: addDays(today, -15),
          periodEnd: addDays(today, 45),
        },
        now,
      );
    }
    // The top of the computed leaderboard (R4 优秀榜) asked for, and gave, consent to public display.
    const chosen = new Set(best.map((w) => w.id));
    const board = await staffLeaderboard(tx, marketId, { limit: 12 }, at(today, "18:00"));
    for (const e of board.entries.filter((x) => !chosen.has(x.workerId)).slice(0, 6)) {
      await addHonour(
        tx,
        marketId,
        staff.policy,
        {
          workerId: e.workerId,
          title: "本季度优秀榜",
          citation: `近${board.policy.windowDays}天完成${e.jobs}单，回访满意${e.satisfied}/${e.rated}`,
          trade: e.trade?.code,
          periodStart: addDays(today, -7),
          periodEnd: addDays(today, 83),
        },
        now,
      );
    }
    await addAnnouncement(tx, marketId, staff.policy, { title: "零工市场服务时间", body: "大厅每天 6:30–18:00 开放，早市 6:30–9:00 集中对接用工需求。所有服务免费。", pinned: true, publishedOn: addDays(today, -60), expiresOn: addDays(today, 300) }, now);
    await addAnnouncement(tx, marketId, staff.policy, { title: "免费技能培训报名", body: "低压电工、焊工、养老护理员培训班正在报名，符合条件的零工可享受免费培训和鉴定补贴。", publishedOn: addDays(today, -5), expiresOn: addDays(today, 30) }, now);
    await addAnnouncement(tx, marketId, staff.policy, { title: "遇到欠薪怎么办", body: "完工后请及时在大厅确认工资是否到账；被拖欠工资可到权益投诉窗口登记，市场免费调解，必要时协助移送劳动监察。", publishedOn: addDays(today, -20) }, now);
  });
}

const COSTS: { category: CostCategory; base: number; note: string; every?: number }[] = [
  { category: "staff", base: 4_260_000, note: "运营人员工资及社保（10 人）" },
  { category: "rent", base: 1_500_000, note: "市场大厅场地租金" },
  { category: "utilities", base: 260_000, note: "水电暖及物业费" },
  { category: "meals", base: 180_000, note: "低价午餐补贴差额" },
  { category: "training", base: 420_000, note: "培训教材、场地及鉴定费", every: 2 },
  { category: "equipment", base: 380_000, note: "工具补充及维修", every: 3 },
  { category: "publicity", base: 150_000, note: "宣传海报、LED 屏维护", every: 2 },
  { category: "other", base: 60_000, note: "办公耗材" },
];

async function seedCosts(ctx: DemoContext) {
  const { db, marketId, rng, staff, today } = ctx;
  await db.transaction(async (tx) => {
    for (let m = 12; m >= 1; m--) {
      const idx = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - m;
      const monthStart = `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}-01`;
      let n = 0;
      for (const c of COSTS) {
        if (c.every && m % c.every !== 0) continue;
        n++;
        const amountFen = Math.round(c.base * (0.9 + rng.next() * 0.2));
        const spentOn = addDays(monthStart, 4 + rng.int(20));
        await addCost(tx, marketId, staff.office, { spentOn, category: c.category, amountFen, voucherNo: `PZ${monthStart.slice(0, 7).replace("-", "")}-${String(n).padStart(2, "0")}`, note: c.note });
      }
    }
  });
}

const hallSeeder: DemoSeeder = async (ctx) => {
  await seedTools(ctx);
  await seedTraining(ctx);
  await seedLibrary(ctx);
  await seedServices(ctx);
  await seedPublicity(ctx);
  await seedCosts(ctx);
};

export const hallDemoSeeders: { name: string; run: DemoSeeder }[] = [{ name: "hall services", run: hallSeeder }];
