import { DEFAULT_SANCTION_POLICY } from "@lingong/core";
import type { SanctionPolicy } from "@lingong/core";
import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { today } from "../queries/hall-common.ts";
import { policyVersions } from "../schema/orders.ts";
import { gradeChanges, workers } from "../schema/workers.ts";
import { makeRatedJobs, makeWorker } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases, describeOnPostgres, type TestEnv } from "../test/harness.ts";

// Checklist D25: a grade review and a sanction on the same worker never interleave into a wrong
// grade. A county policy where every offence demotes makes every sanction a grade change.
const DEMOTE_ALWAYS: SanctionPolicy = {
  ...DEFAULT_SANCTION_POLICY,
  version: "test-demote-always",
  ladder: ["star_demotion"],
  events: { no_show: { label: { zh: "爽约", en: "No-show" }, startStep: "star_demotion", allowSkip: true } },
  mediaExposure: { events: [], minStep: "star_demotion" },
};

async function setup(e: TestEnv, opts: { demotions: number; appeals: number }) {
  await e.db
    .insert(policyVersions)
    .values({ marketId: e.market.id, kind: "sanctions", version: 1, body: DEMOTE_ALWAYS as unknown as Record<string, unknown>, effectiveFrom: "2000-01-01" })
    .onConflictDoNothing();
  const w = await makeWorker(e, { stars: 5, name: "并发测试" });
  // Poor follow-ups: every review demotes while the worker has a star.
  await makeRatedJobs(e, w.id, 12, { attitude: 2, quality: 1, satisfied: false });
  const rights = e.caller("rights");
  const head = e.caller("head");
  const appealable: string[] = [];
  for (let i = 0; i < opts.appeals; i++) {
    const p = await rights.sanctions.propose({ workerId: w.id, offence: "no_show", occurredOn: today() });
    await head.sanctions.approve({ sanctionId: p.sanction.id });
    await rights.sanctions.appeal({ sanctionId: p.sanction.id, grounds: "有正当理由" });
    appealable.push(p.sanction.id);
  }
  const proposed: string[] = [];
  for (let i = 0; i < opts.demotions; i++) {
    const p = await rights.sanctions.propose({ workerId: w.id, offence: "no_show", occurredOn: today() });
    proposed.push(p.sanction.id);
  }
  return { worker: w, appealable, proposed };
}

async function expectConsistent(e: TestEnv, workerId: string) {
  const hist = await e.caller("head").grades.history({ workerId });
  const [w] = await e.db.select({ stars: workers.stars }).from(workers).where(eq(workers.id, workerId));
  expect(hist.replayed).toBe(w!.stars);
  expect(hist.consistent).toBe(true);
  const rows = await e.db.select().from(gradeChanges).where(eq(gradeChanges.workerId, workerId)).orderBy(asc(gradeChanges.createdAt));
  // Each change starts where the previous one ended: nothing was computed from a stale grade.
  for (let i = 1; i < rows.length; i++) expect(rows[i]!.fromGrade).toBe(rows[i - 1]!.toGrade);
  return { rows, stars: w!.stars };
}

const reviewTask = (e: TestEnv, workerId: string) => async () => {
  const p = await e.caller("rights").grades.proposeReview({ workerId });
  return e.caller("head").grades.approve({ reviewId: p.review.id });
};

describeOnBothDatabases("grade history replays to the stored grade", ({ env }) => {
  it("sequential reviews, sanctions and reversals replay to the stored grade", async () => {
    const e = env();
    const { worker, appealable, proposed } = await setup(e, { demotions: 2, appeals: 2 });
    await e.caller("head").sanctions.decideAppeal({ sanctionId: appealable[0]!, upheld: true, note: "成立" });
    await reviewTask(e, worker.id)();
    await e.caller("head").sanctions.approve({ sanctionId: proposed[0]! });
    await e.caller("head").sanctions.decideAppeal({ sanctionId: appealable[1]!, upheld: true, note: "成立" });
    await e.caller("head").sanctions.approve({ sanctionId: proposed[1]! });
    const { rows, stars } = await expectConsistent(e, worker.id);
    // 5 -1 -1 (setup) +1 (reversal) -1 (review) -1 (sanction) +1 (reversal) -1 (sanction) = 2
    expect(stars).toBe(2);
    expect(rows.map((r) => r.kind)).toEqual(["initial", "sanction", "sanction", "reversal", "review", "sanction", "reversal", "sanction"]);
  });
});

describeOnPostgres(
  "grade vs sanction concurrency",
  ({ env }) => {
    it("100 concurrent reviews, sanction demotions and reversals end in the replayed grade", { timeout: 120_000 }, async () => {
      const e = env();
      const { worker, appealable, proposed } = await setup(e, { demotions: 45, appeals: 5 });
      const tasks: (() => Promise<unknown>)[] = [
        ...proposed.map((id) => () => e.caller("head").sanctions.approve({ sanctionId: id })),
        ...appealable.map((id) => () => e.caller("head").sanctions.decideAppeal({ sanctionId: id, upheld: true, note: "申诉成立" })),
        ...Array.from({ length: 50 }, () => reviewTask(e, worker.id)),
      ];
      // Interleave the three kinds.
      tasks.sort((a, b) => (tasks.indexOf(a) * 7919) % 101 - (tasks.indexOf(b) * 7919) % 101);
      const results = await Promise.allSettled(tasks.map((t) => t()));
      const failures = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as { code?: string });
      // Only expected refusals: a review voided or superseded by a concurrent change.
      expect(failures.every((f) => f.code === "CONFLICT")).toBe(true);
      const { rows } = await expectConsistent(e, worker.id);
      const kinds = rows.map((r) => r.kind);
      expect(kinds.filter((k) => k === "sanction")).toHaveLength(45 + 5);
      expect(kinds.filter((k) => k === "reversal")).toHaveLength(5);
      expect(kinds.filter((k) => k === "review").length).toBeGreaterThan(0);
    });
  },
  { max: 8 },
);
