import { addDays } from "@lingong/core";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { today } from "../queries/hall-common.ts";
import { followups } from "../schema/followups.ts";
import { workers } from "../schema/workers.ts";
import { makeDispatch, makeEmployer, makeOrder, makeWorker } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases, type TestEnv } from "../test/harness.ts";

const PHONE_OR_ID = /(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx]|\d{15})(?!\d)/;
const keysOf = (rows: object[]) => [...new Set(rows.flatMap((r) => Object.keys(r)))].sort();

/** Completed, rated jobs of one trade on consecutive days from `fromAgo` days ago; `satisfied` of them satisfied. */
async function ratedJobs(e: TestEnv, workerId: string, opts: { jobs: number; satisfied: number; fromAgo: number; trade?: string }) {
  const emp = await makeEmployer(e);
  const order = await makeOrder(e, emp.id, { headcount: 1000, trade: opts.trade ?? "bricklayer" });
  for (let i = 0; i < opts.jobs; i++) {
    const day = addDays(today(), -(opts.fromAgo - i));
    const d = await makeDispatch(e, order.id, emp.id, workerId, { day, paid: true });
    await e.db.insert(followups).values({
      marketId: e.market.id,
      dispatchId: d.id,
      workerId,
      employerId: emp.id,
      visitedAt: new Date(`${day}T19:00:00+08:00`),
      visitedBy: e.users.rights.id,
      channel: "phone",
      attitude: 5,
      quality: 5,
      satisfied: i < opts.satisfied,
    });
  }
}

async function honour(e: TestEnv, workerId: string) {
  await e.caller("policy").publicity.honourAdd({ workerId, title: "本季度优秀零工", periodStart: addDays(today(), -10), periodEnd: addDays(today(), 30), workerConsent: true });
}

describeOnBothDatabases("excellent-worker leaderboard (R4 优秀榜)", ({ env }) => {
  it("ranks by the satisfaction lower bound, shows the public only consenting workers with allow-listed fields, staff everyone", async () => {
    const e = env();
    const veteran = await makeWorker(e, { name: "王建军", stars: 4 }); // 48 of 50
    const newcomer = await makeWorker(e, { name: "赵一单", stars: 1 }); // 1 of 1: below the minimum
    const steady = await makeWorker(e, { name: "欧阳小芳", stars: 3 }); // 10 of 10
    const private_ = await makeWorker(e, { name: "孙不公开", stars: 5 }); // 30 of 30, no consent
    const withdrawn = await makeWorker(e, { name: "钱撤回", stars: 3 }); // consent withdrawn later
    await ratedJobs(e, veteran.id, { jobs: 48, satisfied: 48, fromAgo: 80 });
    await ratedJobs(e, veteran.id, { jobs: 2, satisfied: 0, fromAgo: 20 });
    await ratedJobs(e, newcomer.id, { jobs: 1, satisfied: 1, fromAgo: 3 });
    await ratedJobs(e, steady.id, { jobs: 10, satisfied: 10, fromAgo: 15, trade: "carpenter" });
    await ratedJobs(e, private_.id, { jobs: 30, satisfied: 30, fromAgo: 40 });
    await ratedJobs(e, withdrawn.id, { jobs: 12, satisfied: 12, fromAgo: 30 });
    // Old jobs outside the 90-day window do not count.
    await ratedJobs(e, steady.id, { jobs: 20, satisfied: 20, fromAgo: 200, trade: "carpenter" });
    for (const w of [veteran, newcomer, steady, withdrawn]) await honour(e, w.id);
    await e.db.update(workers).set({ consentWithdrawnAt: new Date(), phoneMasked: "13812345678" }).where(eq(workers.id, withdrawn.id));

    const pub = await e.anonymous().board.leaderboard({ marketCode: e.market.code });
    expect(pub.windowDays).toBe(90);
    expect(pub.entries.map((r) => r.maskedName)).toEqual(["王**", "欧阳**"]);
    expect(pub.entries[0]).toEqual({ rank: 1, maskedName: "王**", stars: 4, trade: { code: "bricklayer", zh: "砌筑工", en: "Bricklayer" }, jobs: 50, satisfactionPercent: 96 });
    expect(pub.entries[1]).toMatchObject({ rank: 2, jobs: 10, satisfactionPercent: 100, trade: { code: "carpenter" } });
    expect(keysOf(pub.entries)).toEqual(["jobs", "maskedName", "rank", "satisfactionPercent", "stars", "trade"]);
    const text = JSON.stringify(pub);
    expect(text).not.toMatch(PHONE_OR_ID);
    for (const full of ["王建军", "小芳", "孙不公开", "钱撤回", "赵一单", veteran.id, veteran.workerNo]) expect(text).not.toContain(full);

    const byTrade = await e.anonymous().board.leaderboard({ marketCode: e.market.code, trade: "carpenter" });
    expect(byTrade.entries.map((r) => [r.maskedName, r.jobs])).toEqual([["欧阳**", 10]]);

    const staff = await e.caller("business").publicity.leaderboard();
    // 30 of 30 (lower bound 0.886) is ahead of 48 of 50 (0.865); 12 of 12 and 10 of 10 follow.
    expect(staff.entries.map((r) => [r.name, r.rank, r.publicConsent])).toEqual([
      ["孙不公开", 1, false],
      ["王建军", 2, true],
      ["钱撤回", 3, false],
      ["欧阳小芳", 4, true],
    ]);
    expect(staff.entries[1]).toMatchObject({ workerId: veteran.id, workerNo: veteran.workerNo, jobs: 50, rated: 50, satisfied: 48, satisfactionPercent: 96 });
    expect(staff.entries[1]!.satisfactionLb).toBeGreaterThan(0.86);
    expect(staff.entries.map((r) => r.name)).not.toContain("赵一单");
    const consenting = await e.caller("business").publicity.leaderboard({ consentingOnly: true, windowDays: 365 });
    // A year's window brings the steady worker's older 20 jobs in.
    expect(consenting.entries.map((r) => [r.name, r.jobs])).toEqual([
      ["欧阳小芳", 30],
      ["王建军", 50],
    ]);
  });

  it("refuses unknown markets and bad input, and the staff board is for market staff only", async () => {
    const e = env();
    await expect(e.anonymous().board.leaderboard({ marketCode: "999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(e.anonymous().board.leaderboard({ marketCode: "abc" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(e.anonymous().board.leaderboard({ marketCode: e.market.code, limit: 51 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(e.caller("business").publicity.leaderboard({ windowDays: 3 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(e.anonymous().publicity.leaderboard()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(e.caller("leader").publicity.leaderboard()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
