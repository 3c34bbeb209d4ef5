import { DEFAULT_EMPLOYER_POLICY, DEFAULT_REWARD_POLICY, type EmployerPolicy, type RewardPolicy } from "@lingong/core";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { today } from "../queries/hall-common.ts";
import { policyVersions } from "../schema/orders.ts";
import { employerActions, rewards } from "../schema/sanctions.ts";
import { makeEmployer, makeRatedJobs, makeWorker } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases, type TestEnv } from "../test/harness.ts";

// Rewards (M8) and the employer record (R10) follow the market's published policy version, like
// grading, sanctions and matching; core's default applies only while a market has published none.

async function upheldMaliciousArrears(e: TestEnv, employerId: string, workerId: string) {
  const rights = e.caller("rights");
  const c = await rights.complaints.file({ complainant: "worker", respondent: "employer", workerId, employerId, category: "wage_arrears", description: "拖欠工钱 600 元" });
  await rights.complaints.accept({ complaintId: c.id, assignedTo: e.users.rights.id });
  return rights.complaints.resolve({ complaintId: c.id, outcome: "经核实属恶意拖欠", upheld: true, employerEvent: "malicious_arrears" });
}

describeOnBothDatabases("rewards and employer record follow the market's policy version", ({ env }) => {
  it("rewards: a changed policy decides differently from the default, and each grant records its version", async () => {
    const e = env();
    const a = await makeWorker(e, { stars: 1 });
    const b = await makeWorker(e, { stars: 1 });
    await makeRatedJobs(e, a.id, 12);
    await makeRatedJobs(e, b.id, 12);
    const rights = e.caller("rights");
    const head = e.caller("head");

    // Core's default: 12 good jobs earn free training, not yet a commendation.
    const byDefault = await rights.rewards.proposals({ workerId: a.id });
    expect(byDefault[0]?.proposals.map((p) => p.kind)).toEqual(["free_training"]);
    expect(byDefault[0]?.policy).toEqual({ version: DEFAULT_REWARD_POLICY.version, versionNo: 0 });
    const g0 = await head.rewards.grant({ workerId: a.id, kind: "free_training" });
    expect(g0).toMatchObject({ policyVersion: DEFAULT_REWARD_POLICY.version, policyVersionNo: 0 });

    const changed: RewardPolicy = {
      ...DEFAULT_REWARD_POLICY,
      version: "qinshui-2025-rewards",
      commendation: { ...DEFAULT_REWARD_POLICY.commendation, minJobs: 10, minSatisfactionLb: 0.7 },
      freeTraining: { ...DEFAULT_REWARD_POLICY.freeTraining, minJobs: 15 },
    };
    const published = await head.policies.publish({ kind: "rewards", body: changed as unknown as Record<string, unknown>, effectiveFrom: today(), note: "表扬门槛下调" });
    expect(published.version).toBe(1);
    expect(await e.caller("office").policies.get({ kind: "rewards" })).toMatchObject({ version: 1, body: { version: "qinshui-2025-rewards" } });
    // The history names who published each version.
    expect(await e.caller("office").policies.list({ kind: "rewards" })).toEqual([expect.objectContaining({ version: 1, note: "表扬门槛下调", createdBy: e.users.head.id, createdByName: e.users.head.displayName })]);

    const byMarket = await rights.rewards.proposals({ workerId: b.id });
    expect(byMarket[0]?.proposals.map((p) => p.kind)).toEqual(["commendation"]);
    expect(byMarket[0]?.policy).toEqual({ version: "qinshui-2025-rewards", versionNo: 1 });
    expect((await rights.rewards.proposals()).find((p) => p.worker.id === b.id)?.proposals.map((p) => p.kind)).toEqual(["commendation"]);
    await expect(head.rewards.grant({ workerId: b.id, kind: "free_training" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "kind" } });
    const g1 = await head.rewards.grant({ workerId: b.id, kind: "commendation" });
    expect(g1).toMatchObject({ kind: "commendation", policyVersion: "qinshui-2025-rewards", policyVersionNo: 1 });
    const [stored] = await e.db.select().from(rewards).where(eq(rewards.id, g1.id));
    expect(stored).toMatchObject({ policyVersion: "qinshui-2025-rewards", policyVersionNo: 1 });
    expect((await e.caller("business").rewards.list({ workerId: b.id }))[0]?.policyVersion).toBe("qinshui-2025-rewards");
  });

  it("employer record: the market's version decides, complaint resolution included, and the action records it", async () => {
    const e = env();
    const w = await makeWorker(e);
    const first = await makeEmployer(e, { name: "甲劳务公司" });
    // Core's default: one confirmed malicious arrears case is a warning.
    const res0 = await upheldMaliciousArrears(e, first.id, w.id);
    expect(res0.employerDecision).toMatchObject({ action: "warning", policy: { version: DEFAULT_EMPLOYER_POLICY.version, versionNo: 0 } });
    expect(await e.caller("business").employerRecord.get({ employerId: first.id })).toMatchObject({ decision: { action: "warning" }, policy: { versionNo: 0 } });

    const lenient: EmployerPolicy = {
      ...DEFAULT_EMPLOYER_POLICY,
      version: "county-2025-lenient",
      events: { ...DEFAULT_EMPLOYER_POLICY.events, malicious_arrears: { ...DEFAULT_EMPLOYER_POLICY.events.malicious_arrears, warningAt: 2, exclusionAt: 3 } },
    };
    const head = e.caller("head");
    await head.policies.publish({ kind: "employer", body: lenient as unknown as Record<string, unknown>, effectiveFrom: today() });
    const rec1 = await e.caller("business").employerRecord.get({ employerId: first.id });
    expect(rec1).toMatchObject({ decision: { action: "none" }, policy: { version: "county-2025-lenient", versionNo: 1 } });
    await expect(head.employerRecord.decide({ employerId: first.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const second = await makeEmployer(e, { name: "乙建筑公司" });
    const res1 = await upheldMaliciousArrears(e, second.id, w.id);
    expect(res1.employerDecision).toMatchObject({ action: "none", policy: { version: "county-2025-lenient", versionNo: 1 } });

    const strict: EmployerPolicy = {
      ...lenient,
      version: "county-2025-strict",
      events: { ...lenient.events, malicious_arrears: { ...lenient.events.malicious_arrears, warningAt: 1, exclusionAt: 1 } },
    };
    await head.policies.publish({ kind: "employer", body: strict as unknown as Record<string, unknown>, effectiveFrom: today() });
    const act = await head.employerRecord.decide({ employerId: first.id, note: "按新规清出" });
    expect(act).toMatchObject({ kind: "exclusion", statusAfter: "excluded", policyVersion: "county-2025-strict", policyVersionNo: 2 });
    const [row] = await e.db.select().from(employerActions).where(eq(employerActions.id, act.id));
    expect(row).toMatchObject({ policyVersion: "county-2025-strict", policyVersionNo: 2 });
  });

  it("refuses to publish a malformed reward or employer policy in Chinese naming the field, English beside it, and saves nothing", async () => {
    const e = env();
    const head = e.caller("head");
    const before = await e.db.select({ id: policyVersions.id }).from(policyVersions);
    const badReward = { ...DEFAULT_REWARD_POLICY, windowDays: 0, commendation: { ...DEFAULT_REWARD_POLICY.commendation, minJobs: -1 } };
    const refused = await head.policies.publish({ kind: "rewards", body: badReward, effectiveFrom: today() }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      message: "奖励规则有误，未发布。统计天数（windowDays）：须为 1 至 3650 之间的整数；内部表扬·最少完成单数（commendation.minJobs）：须为 0 至 100000 之间的整数",
      cause: {
        field: "body",
        messageEn:
          "Reward policy not published. Days of record counted (windowDays): must be a whole number from 1 to 3650; Internal commendation › Minimum completed jobs (commendation.minJobs): must be a whole number from 0 to 100000",
      },
    });
    // No English wording of core's leaks into the Chinese message.
    expect((refused as Error).message).not.toMatch(/must|missing|range/);
    const badEmployer = {
      ...DEFAULT_EMPLOYER_POLICY,
      events: { ...DEFAULT_EMPLOYER_POLICY.events, malicious_arrears: { ...DEFAULT_EMPLOYER_POLICY.events.malicious_arrears, warningAt: 3, exclusionAt: 2 } },
    };
    await expect(head.policies.publish({ kind: "employer", body: badEmployer, effectiveFrom: today() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "用工方处理规则有误，未发布。恶意欠薪·清出起数（events.malicious_arrears.exclusionAt）：不能小于警告起数",
    });
    // At most three problems are told, so the message stays readable.
    const { events: _events, ...noEvents } = DEFAULT_EMPLOYER_POLICY;
    await expect(head.policies.publish({ kind: "employer", body: { ...noEvents, version: "", windowDays: 0, extra: 1 }, effectiveFrom: today() })).rejects.toMatchObject({
      message: "用工方处理规则有误，未发布。版本标识（version）：须为不超过 50 个字的非空文字；事件计入天数（windowDays）：须为 1 至 3650 之间的整数；各类事件规则（events）：缺少这一项",
    });
    await expect(e.caller("office").policies.publish({ kind: "rewards", body: { ...DEFAULT_REWARD_POLICY }, effectiveFrom: today() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await e.db.select({ id: policyVersions.id }).from(policyVersions)).toHaveLength(before.length);
  });
});
