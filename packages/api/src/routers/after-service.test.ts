import { addDays } from "@lingong/core";
import { and, asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { today } from "../queries/hall-common.ts";
import { gradeReviews } from "../schema/grades.ts";
import { sanctions } from "../schema/sanctions.ts";
import { conductEvents, gradeChanges, workers } from "../schema/workers.ts";
import { countRows, makeDispatch, makeEmployer, makeOrder, makeRatedJobs, makeWorker } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases } from "../test/harness.ts";

const NO_ID = "00000000-0000-4000-8000-000000000000";
const codeOf = (p: Promise<unknown>) => p.then(() => null, (e: { code: string }) => e.code);

describeOnBothDatabases("follow-ups, grades, sanctions and rewards", ({ env }) => {
  it("lists completed dispatches due a follow-up and records one rating per dispatch", async () => {
    const e = env();
    const w = await makeWorker(e, { name: "孙师傅" });
    const emp = await makeEmployer(e);
    const order = await makeOrder(e, emp.id);
    const done = await makeDispatch(e, order.id, emp.id, w.id, { day: addDays(today(), -2) });
    const pending = await makeDispatch(e, order.id, emp.id, w.id, { day: addDays(today(), 1), status: "assigned" });
    const rights = e.caller("rights");
    const due = await rights.followups.due();
    expect(due.map((d) => d.dispatchId)).toContain(done.id);
    expect(due.map((d) => d.dispatchId)).not.toContain(pending.id);
    const f = await rights.followups.record({ dispatchId: done.id, channel: "phone", attitude: 4, quality: 5, satisfied: true, comment: "干活利索" });
    expect(f).toMatchObject({ workerId: w.id, employerId: emp.id, attitude: 4 });
    expect((await rights.followups.due()).map((d) => d.dispatchId)).not.toContain(done.id);
    await expect(rights.followups.record({ dispatchId: done.id, channel: "site", attitude: 1, quality: 1, satisfied: false })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "该派工已回访",
    });
    await expect(rights.followups.record({ dispatchId: pending.id, channel: "phone", attitude: 3, quality: 3, satisfied: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const byWorker = await e.caller("business").followups.listByWorker({ workerId: w.id });
    expect(byWorker.summary).toMatchObject({ rated: 1, satisfied: 1, satisfactionRate: 1 });
    expect(byWorker.items[0]).toMatchObject({ comment: "干活利索", channel: "phone" });
  });

  it("proposes a promotion from good follow-ups and applies it only on the head's approval", async () => {
    const e = env();
    const w = await makeWorker(e, { stars: 0 });
    await makeRatedJobs(e, w.id, 8);
    const p = await e.caller("rights").grades.proposeReview({ workerId: w.id });
    expect(p.review).toMatchObject({ fromGrade: 0, toGrade: 1, status: "proposed" });
    expect(p.reasons.map((r) => r.code)).toContain("review.promoted");
    expect(p.stats.ratedJobs).toBe(8);
    await expect(e.caller("rights").grades.approve({ reviewId: p.review.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [still] = await e.db.select({ stars: workers.stars }).from(workers).where(eq(workers.id, w.id));
    expect(still!.stars).toBe(0);
    const ok = await e.caller("head").grades.approve({ reviewId: p.review.id, note: "同意" });
    expect(ok.review.status).toBe("approved");
    expect(ok.gradeChange).toMatchObject({ fromGrade: 0, toGrade: 1, kind: "review", approvedBy: e.users.head.id });
    const hist = await e.caller("business").grades.history({ workerId: w.id });
    expect(hist).toMatchObject({ current: 1, replayed: 1, consistent: true });
    expect(hist.changes.map((c) => c.kind)).toEqual(["initial", "review"]);
    await expect(e.caller("head").grades.approve({ reviewId: p.review.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("batch-proposes reviews for workers due one, once", async () => {
    const e = env();
    const w = await makeWorker(e, { stars: 1 });
    await makeRatedJobs(e, w.id, 3);
    const first = await e.caller("rights").grades.reviewDue({ everyDays: 30, limit: 200 });
    expect(first.proposals.map((p) => p.workerId)).toContain(w.id);
    const again = await e.caller("rights").grades.reviewDue({ everyDays: 30, limit: 200 });
    expect(again.proposals.map((p) => p.workerId)).not.toContain(w.id);
    const open = await e.caller("head").grades.list({ status: "proposed", workerId: w.id });
    expect(open).toHaveLength(1);
  });

  it("voids a review whose starting grade changed before approval", async () => {
    const e = env();
    const w = await makeWorker(e, { stars: 3 });
    const p = await e.caller("rights").grades.proposeReview({ workerId: w.id });
    const s = await e.caller("rights").sanctions.propose({ workerId: w.id, offence: "malicious_work", occurredOn: today(), note: "故意损坏材料" });
    expect(s.decision.step).toBe("star_demotion");
    await e.caller("head").sanctions.approve({ sanctionId: s.sanction.id });
    await expect(e.caller("head").grades.approve({ reviewId: p.review.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const [r] = await e.db.select().from(gradeReviews).where(eq(gradeReviews.id, p.review.id));
    expect(r!.status).toBe("superseded");
    const hist = await e.caller("head").grades.history({ workerId: w.id });
    expect(hist).toMatchObject({ current: 2, consistent: true });
  });

  it("climbs the ladder, demotes, reverses on an upheld appeal and keeps the history", async () => {
    const e = env();
    const w = await makeWorker(e, { stars: 3 });
    const rights = e.caller("rights");
    const head = e.caller("head");
    const step = async (daysAgo: number) => {
      const [ev] = await e.db
        .insert(conductEvents)
        .values({ marketId: e.market.id, workerId: w.id, kind: "no_show", occurredOn: addDays(today(), -daysAgo), source: "dispatch" })
        .returning();
      const pending = await rights.sanctions.pendingEvents();
      expect(pending.map((x) => x.id)).toContain(ev!.id);
      const p = await rights.sanctions.propose({ workerId: w.id, conductEventId: ev!.id });
      const a = await head.sanctions.approve({ sanctionId: p.sanction.id });
      return { p, a };
    };
    const first = await step(3);
    expect(first.p.decision).toMatchObject({ step: "criticism", rule: "first_offence:no_show" });
    const second = await step(2);
    expect(second.a).toMatchObject({ step: "yellow_card", rule: "escalate_from_active:criticism" });
    const third = await step(1);
    expect(third.a.step).toBe("star_demotion");
    expect(third.a.gradeChangeId).not.toBeNull();
    expect((await head.grades.history({ workerId: w.id })).current).toBe(2);
    await expect(rights.sanctions.propose({ workerId: w.id, conductEventId: third.p.sanction.conductEventId! })).rejects.toMatchObject({ code: "CONFLICT" });

    const appealed = await rights.sanctions.appeal({ sanctionId: third.a.id, grounds: "当天突发疾病，有医院证明" });
    expect(appealed.appealStatus).toBe("pending");
    await expect(rights.sanctions.decideAppeal({ sanctionId: third.a.id, upheld: true, note: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const decided = await head.sanctions.decideAppeal({ sanctionId: third.a.id, upheld: true, note: "证明属实，撤销处分" });
    expect(decided.sanction).toMatchObject({ status: "reversed", appealStatus: "upheld" });
    expect(decided.outcome?.restoreGrade).toBe(1);
    const hist = await head.grades.history({ workerId: w.id });
    expect(hist).toMatchObject({ current: 3, replayed: 3, consistent: true });
    expect(hist.changes.map((c) => c.kind)).toEqual(["initial", "sanction", "reversal"]);
    const all = await head.sanctions.list({ workerId: w.id });
    expect(all.map((s) => s.status).sort()).toEqual(["approved", "approved", "reversed"]);
    await expect(head.sanctions.decideAppeal({ sanctionId: third.a.id, upheld: false, note: "重复" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("replays a repeated idempotency key: one sanction approval, one grade change", async () => {
    const e = env();
    const w = await makeWorker(e, { stars: 4 });
    const p = await e.caller("rights").sanctions.propose({ workerId: w.id, offence: "malicious_work", occurredOn: today(), idempotencyKey: "propose-mw-0001" });
    const p2 = await e.caller("rights").sanctions.propose({ workerId: w.id, offence: "malicious_work", occurredOn: today(), idempotencyKey: "propose-mw-0001" });
    expect(p2.sanction.id).toBe(p.sanction.id);
    const a1 = await e.caller("head").sanctions.approve({ sanctionId: p.sanction.id, idempotencyKey: "approve-mw-0001" });
    const a2 = await e.caller("head").sanctions.approve({ sanctionId: p.sanction.id, idempotencyKey: "approve-mw-0001" });
    expect(a2.id).toBe(a1.id);
    const hist = await e.caller("head").grades.history({ workerId: w.id });
    expect(hist.changes.map((c) => c.kind)).toEqual(["initial", "sanction"]);
    expect(hist).toMatchObject({ current: 3, consistent: true });
  });

  it("puts a worker on probation with an end date and lifts it when due", async () => {
    const e = env();
    const w = await makeWorker(e, { stars: 2 });
    const p = await e.caller("rights").sanctions.propose({ workerId: w.id, offence: "wage_fraud", occurredOn: today(), note: "虚报工时" });
    const a = await e.caller("head").sanctions.approve({ sanctionId: p.sanction.id });
    expect(a.step).toBe("probation");
    expect(a.probationUntil).toBe(addDays(today(), 30));
    const standing = await e.caller("business").sanctions.standing({ workerId: w.id });
    expect(standing).toMatchObject({ recorded: "probation", status: "probation", probationEndsOn: addDays(today(), 30) });
    expect((await e.caller("rights").sanctions.liftDue()).lifted).toEqual([]);
    // Forty days later (moved back in time): probation is over.
    await e.db
      .update(sanctions)
      .set({ effectiveOn: addDays(today(), -40), probationUntil: addDays(today(), -10) })
      .where(eq(sanctions.id, a.id));
    const lifted = await e.caller("rights").sanctions.liftDue();
    expect(lifted.lifted).toEqual([{ workerId: w.id, from: "probation", to: "active" }]);
    const [after] = await e.db.select({ status: workers.status }).from(workers).where(eq(workers.id, w.id));
    expect(after!.status).toBe("active");
  });

  it("proposes free training for a good record and grants it once", async () => {
    const e = env();
    const w = await makeWorker(e, { stars: 1 });
    const none = await e.caller("rights").rewards.proposals({ workerId: w.id });
    expect(none).toEqual([]);
    await expect(e.caller("head").rewards.grant({ workerId: w.id, kind: "free_training" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "kind" } });
    await makeRatedJobs(e, w.id, 12);
    const props = await e.caller("rights").rewards.proposals({ workerId: w.id });
    expect(props[0]?.proposals.map((p) => p.kind)).toContain("free_training");
    const market = await e.caller("rights").rewards.proposals();
    expect(market.map((m) => m.worker.id)).toContain(w.id);
    const g = await e.caller("head").rewards.grant({ workerId: w.id, kind: "free_training", note: "推荐参加电工培训" });
    expect(g.reasons.length).toBeGreaterThan(0);
    await expect(e.caller("head").rewards.grant({ workerId: w.id, kind: "free_training" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(e.caller("rights").rewards.grant({ workerId: w.id, kind: "free_training" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await e.caller("business").rewards.list({ workerId: w.id })).length).toBe(1);
  });

  it("refuses bad input and wrong roles on every mutation, leaving the database unchanged", async () => {
    const e = env();
    const w = await makeWorker(e, { stars: 2 });
    const emp = await makeEmployer(e);
    const order = await makeOrder(e, emp.id);
    const d = await makeDispatch(e, order.id, emp.id, w.id, { day: addDays(today(), -1) });
    const tables = ["followups", "grade_reviews", "grade_changes", "sanctions", "conduct_events", "rewards", "employer_actions"];
    const before = await countRows(e, tables);
    const r = e.caller("rights");
    const h = e.caller("head");
    const rating = { dispatchId: d.id, channel: "phone" as const, attitude: 3, quality: 3, satisfied: true };
    const cases: [() => Promise<unknown>, string][] = [
      [() => r.followups.record({ ...rating, attitude: 0 }), "BAD_REQUEST"],
      [() => r.followups.record({ ...rating, quality: 6 }), "BAD_REQUEST"],
      [() => r.followups.record({ ...rating, attitude: 3.5 }), "BAD_REQUEST"],
      [() => r.followups.record({ ...rating, comment: "长".repeat(501) }), "BAD_REQUEST"],
      [() => r.followups.record({ ...rating, visitedAt: new Date(Date.now() + 86_400_000) }), "BAD_REQUEST"],
      [() => r.followups.record({ ...rating, dispatchId: NO_ID }), "NOT_FOUND"],
      [() => e.caller("training").followups.record(rating), "FORBIDDEN"],
      [() => r.grades.proposeReview({ workerId: NO_ID }), "NOT_FOUND"],
      [() => r.grades.proposeReview({ workerId: "not-a-uuid" }), "BAD_REQUEST"],
      [() => e.caller("logistics").grades.proposeReview({ workerId: w.id }), "FORBIDDEN"],
      [() => h.grades.approve({ reviewId: NO_ID }), "NOT_FOUND"],
      [() => r.sanctions.propose({ workerId: w.id, offence: "no_show", occurredOn: addDays(today(), 1) }), "BAD_REQUEST"],
      [() => r.sanctions.propose({ workerId: w.id, offence: "drunk", occurredOn: today() }), "BAD_REQUEST"],
      [() => r.sanctions.propose({ workerId: w.id, offence: "constructor", occurredOn: today() }), "BAD_REQUEST"],
      [() => r.sanctions.propose({ workerId: w.id, offence: "no_show", occurredOn: "2026-02-31" }), "BAD_REQUEST"],
      [() => r.sanctions.propose({ workerId: w.id }), "BAD_REQUEST"],
      [() => r.sanctions.propose({ workerId: w.id, conductEventId: NO_ID }), "NOT_FOUND"],
      [() => r.sanctions.propose({ workerId: NO_ID, offence: "no_show", occurredOn: today() }), "NOT_FOUND"],
      [() => r.sanctions.propose({ workerId: w.id, offence: "no_show", occurredOn: today(), note: "x".repeat(501) }), "BAD_REQUEST"],
      [() => e.caller("office").sanctions.propose({ workerId: w.id, offence: "no_show", occurredOn: today() }), "FORBIDDEN"],
      [() => h.sanctions.approve({ sanctionId: NO_ID }), "NOT_FOUND"],
      [() => r.sanctions.approve({ sanctionId: NO_ID }), "FORBIDDEN"],
      [() => r.sanctions.appeal({ sanctionId: NO_ID, grounds: "理由" }), "NOT_FOUND"],
      [() => r.sanctions.appeal({ sanctionId: NO_ID, grounds: "" }), "BAD_REQUEST"],
      [() => h.sanctions.decideAppeal({ sanctionId: NO_ID, upheld: true, note: "理由" }), "NOT_FOUND"],
      [() => h.rewards.grant({ workerId: NO_ID, kind: "commendation" }), "NOT_FOUND"],
      [() => h.rewards.grant({ workerId: w.id, kind: "bonus" as "commendation" }), "BAD_REQUEST"],
      [() => h.employerRecord.decide({ employerId: emp.id }), "BAD_REQUEST"],
      [() => e.caller("leader").sanctions.list({}), "FORBIDDEN"],
      [() => e.anonymous().followups.due(), "UNAUTHORIZED"],
    ];
    const codes = [];
    for (const [p] of cases) codes.push(await codeOf(p()));
    expect(codes).toEqual(cases.map(([, c]) => c));
    expect(await countRows(e, tables)).toEqual(before);
  });

  it("never shows another market's workers", async () => {
    const e = env();
    const other = await e.addMarket("140581", "高平市零工市场");
    const w = await makeWorker(e, { marketId: other.id });
    await expect(e.caller("rights").grades.proposeReview({ workerId: w.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(e.caller("rights").sanctions.standing({ workerId: w.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const rows = await e.db.select().from(gradeChanges).where(and(eq(gradeChanges.workerId, w.id))).orderBy(asc(gradeChanges.createdAt));
    expect(rows).toHaveLength(1);
  });
});
