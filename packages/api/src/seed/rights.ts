import { addDays } from "@lingong/core";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { acceptComplaint, addComplaintNote, fileComplaint, openArrearsCases, referComplaint, resolveComplaint, withdrawComplaint } from "../queries/complaints.ts";
import type { FileComplaintInput } from "../queries/complaints.ts";
import { decideReview, proposeReview } from "../queries/grades.ts";
import { addExposure } from "../queries/publicity.ts";
import { applyEmployerAction, grantReward, rewardProposals } from "../queries/rewards.ts";
import { decideAppeal, decideSanctionProposal, proposeSanction, recordAppeal } from "../queries/sanctions.ts";
import { today as dayOf } from "../queries/hall-common.ts";
import { DomainError } from "../errors.ts";
import { dispatches } from "../schema/dispatches.ts";
import { followups } from "../schema/followups.ts";
import { conductEvents, gradeChanges, workers } from "../schema/workers.ts";
import type { DemoContext, DemoSeeder } from "./demo.ts";

// Demo data for the after-service and rights domains, written through the same service functions
// as the API (bulk inserts only for the year of follow-up ratings).

const at = (day: string, hhmm = "10:00") => new Date(`${day}T${hhmm}:00+08:00`);
const clamp = (n: number) => Math.max(1, Math.min(5, Math.round(n)));

/** Follow-up ratings for most completed dispatches; each worker has a steady level of work. */
async function seedFollowups(ctx: DemoContext) {
  const { db, marketId, rng, staff } = ctx;
  const done = await db
    .select({ id: dispatches.id, workerId: dispatches.workerId, employerId: dispatches.employerId, completedAt: dispatches.completedAt, workerNo: workers.workerNo })
    .from(dispatches)
    .innerJoin(workers, eq(workers.id, dispatches.workerId))
    .where(and(eq(dispatches.marketId, marketId), eq(dispatches.status, "completed"), isNotNull(dispatches.completedAt)))
    .orderBy(asc(dispatches.completedAt), asc(workers.workerNo));
  const level = new Map<string, number>();
  const rows: (typeof followups.$inferInsert)[] = [];
  const visitors = [staff.rights, staff.business, staff.head];
  for (const d of done) {
    const completedOn = dayOf(d.completedAt!);
    const visitOn = addDays(completedOn, 1 + rng.int(3));
    if (visitOn >= ctx.today || rng.next() < 0.15) continue;
    let base = level.get(d.workerId);
    if (base === undefined) {
      base = rng.next() < 0.12 ? 2.4 + rng.next() : 3.6 + rng.next() * 1.4;
      level.set(d.workerId, base);
    }
    const attitude = clamp(base + (rng.next() - 0.5) * 1.6);
    const quality = clamp(base + (rng.next() - 0.5) * 1.6);
    const satisfied = (attitude + quality) / 2 >= 3.5 ? rng.next() < 0.96 : rng.next() < 0.25;
    rows.push({
      marketId,
      dispatchId: d.id,
      workerId: d.workerId,
      employerId: d.employerId,
      visitedAt: at(visitOn, `${String(9 + rng.int(9)).padStart(2, "0")}:${String(rng.int(60)).padStart(2, "0")}`),
      visitedBy: visitors[rng.int(visitors.length)]!,
      channel: rng.next() < 0.82 ? "phone" : "site",
      attitude,
      quality,
      satisfied,
      comment: satisfied ? (rng.next() < 0.2 ? "干活踏实，用工方满意" : null) : "用工方反映质量或态度有待提高",
      createdAt: at(visitOn, "19:00"),
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(followups).values(rows.slice(i, i + 1000));
}

/**
 * Workers whose stored grade differs from their last recorded change (imported archives) get a
 * `manual` change with its reason, so every history replays to the stored grade.
 */
async function alignGradeHistory(ctx: DemoContext) {
  const { db, marketId, staff } = ctx;
  const rows = await db.execute<{ id: string; stars: number; last: number; at: number }>(sql`
    select w.id, w.stars, g.to_grade as last, (extract(epoch from g.created_at) * 1000)::float8 as at from ${workers} w
    join lateral (select to_grade, created_at from ${gradeChanges} g where g.worker_id = w.id order by g.created_at desc limit 1) g on true
    where w.market_id = ${marketId} and w.stars <> g.to_grade`);
  type Row = { id: string; stars: number; last: number; at: number };
  const list = (Array.isArray(rows) ? rows : (rows as { rows: Row[] }).rows) as Row[];
  const reason = { code: "demo.imported_grade", zh: "按市场既有档案导入的星级（演示数据）", en: "Grade imported from the market's existing archive (demo data)" };
  for (let i = 0; i < list.length; i += 500) {
    await db.insert(gradeChanges).values(
      list.slice(i, i + 500).map((r) => ({ marketId, workerId: r.id, fromGrade: Number(r.last), toGrade: Number(r.stars), kind: "manual" as const, reasons: [reason], decidedBy: staff.head, approvedBy: staff.head, createdAt: new Date(Number(r.at) + 60_000) })),
    );
  }
}

const COMPLAINT_TEXT: Record<FileComplaintInput["category"], string[]> = {
  wage_arrears: ["完工后用工方拖欠工资，多次催要未果", "约定日结工资，用工方以质量为由扣发一半"],
  malicious_work: ["零工故意拖延工期并损坏材料", "零工中途离场，留下的活需返工"],
  discrimination: ["招工时以年龄超过 50 岁为由拒绝录用", "招工要求写明“只要男性”"],
  quality: ["墙面抹灰空鼓，用工方要求返工", "零工操作不规范，质量不达标"],
  safety: ["工地未提供安全帽和安全带", "高处作业无防护措施"],
  other: ["用工方临时变更工作内容和地点", "双方对工作量认定有争议"],
};

async function seedComplaints(ctx: DemoContext) {
  const { db, marketId, rng, staff } = ctx;
  const cats: FileComplaintInput["category"][] = ["wage_arrears", "wage_arrears", "quality", "malicious_work", "discrimination", "safety", "other", "quality"];
  if (ctx.completed.length === 0) return { malicious: null as string | null };
  let malicious: string | null = null;
  for (let m = 11; m >= 0; m--) {
    for (let k = 0; k < 3; k++) {
      const filedOn = addDays(ctx.today, -(m * 30 + 1 + rng.int(25)));
      const job = ctx.completed[rng.int(ctx.completed.length)]!;
      const category = m === 2 && k === 0 ? "wage_arrears" : cats[rng.int(cats.length)]!;
      const againstWorker = category === "malicious_work" || category === "quality";
      const texts = COMPLAINT_TEXT[category];
      const input: FileComplaintInput = {
        complainant: againstWorker ? "employer" : "worker",
        respondent: againstWorker ? "worker" : "employer",
        workerId: job.workerId,
        employerId: job.employerId,
        category,
        description: texts[rng.int(texts.length)]!,
        source: rng.next() < 0.7 ? "counter" : "phone",
      };
      await db.transaction(async (tx) => {
        const c = await fileComplaint(tx, marketId, staff.rights, input, at(filedOn, "09:30"));
        if (m === 0 && k === 0) return; // newly filed, waiting to be accepted (and overdue)
        await acceptComplaint(tx, marketId, { complaintId: c.id, assignedTo: staff.rights }, at(addDays(filedOn, 1), "10:00"));
        if (m === 0 && k === 1) return; // accepted
        await addComplaintNote(tx, marketId, staff.rights, { complaintId: c.id, body: "电话联系双方了解情况，约定到市场调解室面谈" }, at(addDays(filedOn, 2), "15:00"));
        if (m === 0 && k === 2) return; // still mediating
        await addComplaintNote(tx, marketId, staff.rights, { complaintId: c.id, body: "组织双方面对面调解，核对考勤和工资约定" }, at(addDays(filedOn, 5), "10:00"));
        const closeAt = at(addDays(filedOn, 6 + rng.int(12)), "16:00");
        if (m === 2 && k === 0) {
          await resolveComplaint(tx, marketId, staff.rights, { complaintId: c.id, outcome: "经核实属恶意欠薪，调解后用工方已支付，记入用工方信用记录", upheld: true, employerEvent: "malicious_arrears" }, closeAt);
          malicious = c.id;
          return;
        }
        const roll = rng.next();
        if (roll < 0.1) await withdrawComplaint(tx, marketId, staff.rights, { complaintId: c.id, reason: "双方自行和解，投诉人撤回" }, closeAt);
        else if (roll < 0.2 && category === "wage_arrears") await referComplaint(tx, marketId, staff.rights, { complaintId: c.id, to: "inspection", outcome: "调解不成，移送县劳动保障监察大队" }, closeAt);
        else if (roll < 0.27) await referComplaint(tx, marketId, staff.rights, { complaintId: c.id, to: "arbitration", outcome: "争议较大，引导申请劳动人事争议仲裁" }, closeAt);
        else {
          const upheld = roll < 0.65;
          await resolveComplaint(tx, marketId, staff.rights, { complaintId: c.id, outcome: upheld ? "投诉属实，责任方已整改或补偿" : "经调查投诉不成立，已向投诉人说明", upheld }, closeAt);
        }
      });
    }
  }
  await db.transaction((tx) => openArrearsCases(tx, marketId, staff.rights, at(ctx.today, "08:00")));
  return { malicious };
}

/** No-shows become conduct events; some go through the ladder, approval and appeal. */
async function seedSanctions(ctx: DemoContext) {
  const { db, marketId, staff, today } = ctx;
  const noShows = await db
    .select({ id: dispatches.id, workerId: dispatches.workerId, startsAt: dispatches.startsAt })
    .from(dispatches)
    .where(and(eq(dispatches.marketId, marketId), eq(dispatches.status, "no_show"), sql`${dispatches.startsAt} >= ${at(addDays(today, -150)).toISOString()}::timestamptz`))
    .orderBy(desc(dispatches.startsAt))
    .limit(14);
  for (const d of noShows) {
    await db
      .insert(conductEvents)
      .values({ marketId, workerId: d.workerId, kind: "no_show", occurredOn: dayOf(d.startsAt), source: "dispatch", sourceId: d.id, note: "派工当天未到岗且未请假", createdBy: staff.business })
      .onConflictDoNothing();
  }
  const events = await db
    .select({ id: conductEvents.id, workerId: conductEvents.workerId })
    .from(conductEvents)
    .where(and(eq(conductEvents.marketId, marketId), eq(conductEvents.kind, "no_show")))
    .orderBy(asc(conductEvents.occurredOn))
    .limit(10);
  const now = at(today, "09:30");
  const approved: string[] = [];
  for (const [i, ev] of events.entries()) {
    await db.transaction(async (tx) => {
      const p = await proposeSanction(tx, marketId, staff.rights, { workerId: ev.workerId, conductEventId: ev.id, note: "回访核实后提出" }, now);
      if (i >= 8) return;
      await decideSanctionProposal(tx, marketId, staff.head, { sanctionId: p.sanction.id, approve: true, note: "同意" }, now);
      approved.push(p.sanction.id);
    });
  }
  const [first, second] = approved;
  if (first) {
    await db.transaction(async (tx) => {
      await recordAppeal(tx, marketId, staff.rights, { sanctionId: first, grounds: "当天家中老人突发疾病送医，有医院急诊记录" }, now);
      await decideAppeal(tx, marketId, staff.head, { sanctionId: first, upheld: true, note: "申诉理由属实，撤销处分" }, now);
    });
  }
  if (second) await db.transaction((tx) => recordAppeal(tx, marketId, staff.rights, { sanctionId: second, grounds: "用工方临时改了开工时间，未通知本人" }, now));

  // One case of malicious work, exposed on the board with its legal basis.
  const [target] = await db
    .select({ id: workers.id })
    .from(workers)
    .where(and(eq(workers.marketId, marketId), eq(workers.status, "active"), sql`${workers.stars} >= 1`))
    .orderBy(asc(workers.workerNo))
    .limit(1);
  if (target) {
    await db.transaction(async (tx) => {
      const p = await proposeSanction(tx, marketId, staff.rights, { workerId: target.id, offence: "malicious_work", occurredOn: addDays(today, -4), note: "故意损坏用工方建材，经现场核实" }, now);
      const s = await decideSanctionProposal(tx, marketId, staff.head, { sanctionId: p.sanction.id, approve: true, note: "情节严重，同意降星并在曝光台公示" }, now);
      await addExposure(
        tx,
        marketId,
        staff.head,
        {
          subject: "worker",
          workerId: target.id,
          sanctionId: s.after.id,
          facts: "在用工方工地故意损坏建材，经现场核实属恶意施工",
          legalBasis: "《沁水县零工市场运营方案》五.8 奖惩措施；市场服务协议第十二条",
          periodStart: today,
          periodEnd: addDays(today, 60),
          appealInfo: "如有异议，可于公示期内向市场负责人书面申诉；整改并赔偿后可申请提前撤下（信用修复）",
        },
        now,
      );
    });
  }
}

async function seedReviews(ctx: DemoContext) {
  const { db, marketId, staff, today } = ctx;
  const top = await db
    .select({ workerId: followups.workerId, n: sql<number>`count(*)::int` })
    .from(followups)
    .innerJoin(workers, eq(workers.id, followups.workerId))
    .where(and(eq(followups.marketId, marketId), eq(workers.status, "active")))
    .groupBy(followups.workerId, workers.workerNo)
    .orderBy(desc(sql`count(*)`), asc(workers.workerNo))
    .limit(40);
  const now = at(today, "11:00");
  for (const [i, t] of top.entries()) {
    await db.transaction(async (tx) => {
      const p = await proposeReview(tx, marketId, staff.rights, t.workerId, now);
      if (i < 28) await decideReview(tx, marketId, staff.head, { reviewId: p.review.id, approve: true, note: "同意" }, now);
    });
  }
}

async function seedRewardsAndEmployer(ctx: DemoContext, maliciousComplaintId: string | null) {
  const { db, marketId, staff, today } = ctx;
  const now = at(today, "14:00");
  const proposals = await rewardProposals(db, marketId, today, 20);
  for (const p of proposals.slice(0, 4)) {
    const kind = p.proposals[0]?.kind;
    if (kind) await db.transaction((tx) => grantReward(tx, marketId, staff.head, { workerId: p.worker.id, kind, note: "月度表彰" }, now));
  }
  if (!maliciousComplaintId) return;
  const { complaints } = await import("../schema/complaints.ts");
  const [c] = await db.select({ employerId: complaints.employerId }).from(complaints).where(eq(complaints.id, maliciousComplaintId));
  if (!c?.employerId) return;
  const employerId = c.employerId;
  await db.transaction(async (tx) => {
    // Nothing to change (already warned) is fine for the demo.
    await applyEmployerAction(tx, marketId, staff.head, { employerId, note: "恶意欠薪，给予警告" }, now).catch((e: unknown) => {
      if (!(e instanceof DomainError)) throw e;
    });
    await addExposure(
      tx,
      marketId,
      staff.head,
      {
        subject: "employer",
        employerId,
        complaintId: maliciousComplaintId,
        facts: "拖欠零工工资，经市场调解后方才支付，经核实属恶意欠薪",
        legalBasis: "《保障农民工工资支付条例》第四十八条、第五十五条；国办发〔2020〕49号",
        periodStart: addDays(today, -10),
        periodEnd: addDays(today, 80),
        appealInfo: "用工方如有异议，可于公示期内向县人社局或市场权益投诉岗申诉；按期整改可申请信用修复",
      },
      now,
    );
  });
}

const rightsSeeder: DemoSeeder = async (ctx) => {
  await seedFollowups(ctx);
  await alignGradeHistory(ctx);
  const { malicious } = await seedComplaints(ctx);
  await seedSanctions(ctx);
  await seedReviews(ctx);
  await seedRewardsAndEmployer(ctx, malicious);
};

export const rightsDemoSeeders: { name: string; run: DemoSeeder }[] = [{ name: "after-service and rights", run: rightsSeeder }];
