import {
  DEFAULT_EMPLOYER_POLICY,
  DEFAULT_MATCHING_POLICY,
  DEFAULT_REWARD_POLICY,
  shanghaiDate,
  type EmployerPolicy,
  type RewardPolicy,
} from "@lingong/core";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { hasChromium, loggedIn, login, openPage, shot } from "./browser.ts";
import { call } from "./trpc-call.ts";

const T = { timeout: 15_000 };

interface StoredVersion {
  id: string;
  version: number;
  effectiveFrom: string;
  note: string | null;
  createdByName: string | null;
  body: Record<string, unknown>;
}

const versions = (page: Page, kind: string) => call<StoredVersion[]>(page, "policies.list", { kind });

/** Opens the kind's tab and starts editing its JSON. */
async function editTab(page: Page, tabName: string): Promise<void> {
  await page.goto(`${inject("baseUrl")}/admin/policies`);
  await page.getByRole("tab", { name: tabName }).click();
  await expect.poll(() => page.getByTestId("policy-json").count(), T).toBe(1);
  await page.getByTestId("policy-edit").click();
}

async function typeBody(page: Page, body: unknown): Promise<void> {
  await page.getByLabel("政策内容（JSON）").fill(JSON.stringify(body, null, 2));
}

/** The history row of version `v` (the table's first page: newest first). */
const historyRow = (page: Page, v: number) =>
  page
    .getByTestId("policy-versions")
    .locator(".ant-table-row")
    .filter({ has: page.getByText(`第 ${v} 版`, { exact: true }) });

describe.runIf(hasChromium)("reward and employer-record policies: the head publishes versions", () => {
  const s = loggedIn("head");
  const today = shanghaiDate(new Date());

  it("rewards: a bad threshold is refused naming the field, an oversized body by the API, then the changed threshold is in force with its history", async () => {
    const { page } = s;
    await editTab(page, "奖励规则");
    const before = await versions(page, "rewards");
    const expected = before.length + 1;
    await expect
      .poll(() => page.locator(".ant-card-head-title").first().textContent(), T)
      .toContain(before.length === 0 ? "系统默认" : `第 ${before.length} 版`);

    // 1. core's validator, in the browser: the field named in Chinese, nothing sent
    const bad = {
      ...DEFAULT_REWARD_POLICY,
      version: "qinshui-2025-rewards",
      commendation: { ...DEFAULT_REWARD_POLICY.commendation, minJobs: -5 },
    };
    await typeBody(page, bad);
    await page.getByLabel("说明", { exact: true }).fill("表扬门槛下调");
    await page.getByTestId("publish-submit").click();
    await expect
      .poll(() => page.getByTestId("policy-problems").textContent(), T)
      .toContain("内部表扬·最少完成单数（commendation.minJobs）：须为 0 至 100000 之间的整数");
    expect(await page.getByTestId("policy-problems").textContent()).toContain("规则参数有误，未发布");
    await shot(page, "policies-rewards-refused");
    expect(await versions(page, "rewards")).toHaveLength(before.length);

    // 2. a body core accepts but the API refuses (too large): the API's message shows, nothing stored
    await typeBody(page, {
      ...bad,
      commendation: { ...bad.commendation, minJobs: 12 },
      padding: "x".repeat(100_500),
    });
    await expect.poll(() => page.getByTestId("policy-problems").count(), T).toBe(0);
    await page.getByTestId("publish-submit").click();
    await expect.poll(() => page.getByTestId("publish-error").textContent(), T).toContain("政策内容过大");
    expect(await versions(page, "rewards")).toHaveLength(before.length);

    // 3. the changed threshold: stored once, in force today, in the history with who published it
    const changed: RewardPolicy = {
      ...DEFAULT_REWARD_POLICY,
      version: "qinshui-2025-rewards",
      commendation: { ...DEFAULT_REWARD_POLICY.commendation, minJobs: 12 },
    };
    await typeBody(page, changed);
    await page.getByTestId("publish-submit").click();
    await expect.poll(() => page.getByText(`已发布第 ${expected} 版，自 ${today} 起执行`).count(), T).toBe(1);
    await expect
      .poll(() => page.locator(".ant-card-head-title").first().textContent(), T)
      .toBe(`当前执行：第 ${expected} 版，自 ${today} 起`);
    await expect.poll(() => page.getByTestId("policy-json").textContent(), T).toContain('"minJobs": 12');
    const row = historyRow(page, expected);
    await expect.poll(() => row.count(), T).toBe(1);
    const text = (await row.textContent()) ?? "";
    for (const part of ["qinshui-2025-rewards", today, "表扬门槛下调", "测试head"])
      expect(text).toContain(part);
    await shot(page, "policies-rewards");

    const after = await versions(page, "rewards");
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({
      version: expected,
      effectiveFrom: today,
      note: "表扬门槛下调",
      createdByName: "测试head",
      body: changed,
    });
    expect(await call(page, "policies.get", { kind: "rewards" })).toMatchObject({
      version: expected,
      body: { commendation: { minJobs: 12 } },
    });
    expect(s.errors).toEqual([]);
  });

  it("employer record: warning above exclusion is refused naming both thresholds, then the new counts are in force", async () => {
    const { page } = s;
    await editTab(page, "用工方信用规则");
    const before = await versions(page, "employer");
    const expected = before.length + 1;
    const ma = DEFAULT_EMPLOYER_POLICY.events.malicious_arrears;

    const bad = {
      ...DEFAULT_EMPLOYER_POLICY,
      version: "qinshui-2025-employer",
      events: {
        ...DEFAULT_EMPLOYER_POLICY.events,
        malicious_arrears: { ...ma, warningAt: 3, exclusionAt: 2 },
      },
    };
    await typeBody(page, bad);
    await page.getByTestId("publish-submit").click();
    await expect
      .poll(() => page.getByTestId("policy-problems").textContent(), T)
      .toContain("恶意欠薪·清出起数（events.malicious_arrears.exclusionAt）：不能小于警告起数");
    await shot(page, "policies-employer-refused");
    expect(await versions(page, "employer")).toHaveLength(before.length);

    const changed: EmployerPolicy = {
      ...bad,
      events: { ...bad.events, malicious_arrears: { ...ma, warningAt: 2, exclusionAt: 3 } },
    };
    await typeBody(page, changed);
    await page.getByLabel("说明", { exact: true }).fill("恶意欠薪两起警告、三起清出");
    await page.getByTestId("publish-submit").click();
    await expect
      .poll(() => page.locator(".ant-card-head-title").first().textContent(), T)
      .toBe(`当前执行：第 ${expected} 版，自 ${today} 起`);
    const row = historyRow(page, expected);
    await expect.poll(() => row.count(), T).toBe(1);
    const text = (await row.textContent()) ?? "";
    for (const part of ["qinshui-2025-employer", today, "恶意欠薪两起警告、三起清出", "测试head"])
      expect(text).toContain(part);
    // the published body, as stored, opens under its history row
    await row.locator(".ant-table-row-expand-icon").click();
    await expect
      .poll(() => page.locator(".ant-table-expanded-row").textContent(), T)
      .toContain('"exclusionAt": 3');
    await shot(page, "policies-employer");

    const after = await versions(page, "employer");
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({
      version: expected,
      effectiveFrom: today,
      createdByName: "测试head",
      body: changed,
    });
    expect(s.errors).toEqual([]);
  });

  it("matching: a negative weight is refused in Chinese naming the field, and nothing is stored", async () => {
    const { page } = s;
    await editTab(page, "匹配规则");
    const before = await versions(page, "matching");
    const bad = { ...DEFAULT_MATCHING_POLICY, weights: { ...DEFAULT_MATCHING_POLICY.weights, stars: -20 } };
    await typeBody(page, bad);
    await page.getByTestId("publish-submit").click();
    await expect
      .poll(() => page.getByTestId("policy-problems").textContent(), T)
      .toContain("各项分值·星级（weights.stars）：须为 0 至 100 之间的数");
    expect(await page.getByTestId("policy-problems").textContent()).toContain("规则参数有误，未发布");
    await shot(page, "policies-matching-refused");
    expect(await versions(page, "matching")).toHaveLength(before.length);
    // The API refuses the same body on its own, so a stale or scripted client cannot store it either.
    await expect(call(page, "policies.publish", { kind: "matching", body: bad, effectiveFrom: today })).rejects.toThrow(/各项分值·星级（weights\.stars）/);
    expect(await versions(page, "matching")).toHaveLength(before.length);
    await page.getByRole("button", { name: "取消编辑" }).click();
    expect(s.errors).toEqual([]);
  });

  it("in English the tabs, history and problems read English", async () => {
    const { page } = s;
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("tab", { name: "Employer record" }).click();
    await expect
      .poll(() => page.locator(".ant-card-head-title").first().textContent(), T)
      .toMatch(/^In force: version \d+, from /);
    expect(await page.getByTestId("policy-versions").locator("th").allTextContents()).toEqual(
      expect.arrayContaining(["Version", "Version id", "Published by", "Published at"]),
    );
    await page.getByRole("tab", { name: "Rewards" }).click();
    await page.getByTestId("policy-edit").click();
    const body = { ...DEFAULT_REWARD_POLICY, windowDays: 0 };
    await page.getByLabel("Policy content (JSON)").fill(JSON.stringify(body, null, 2));
    await page.getByRole("button", { name: "Publish new version" }).click();
    await expect
      .poll(() => page.getByTestId("policy-problems").textContent(), T)
      .toContain("Days of record counted (windowDays): must be a whole number from 1 to 3650");
    // the Chinese toast of the last publication has gone: the picture shows the English screen alone
    await expect.poll(() => page.locator(".ant-message-notice").count(), T).toBe(0);
    await shot(page, "policies-rewards-en");
    await page.getByRole("button", { name: "Cancel editing" }).click();
    await page.getByRole("button", { name: "中文" }).click();
    expect(s.errors).toEqual([]);
  });

  it("a role the API does not let publish sees the versions but no editor", async () => {
    const office = await openPage(s.browser);
    try {
      await login(office.page, "office");
      await office.page.goto(`${inject("baseUrl")}/admin/policies`);
      await office.page.getByRole("tab", { name: "奖励规则" }).click();
      await expect.poll(() => historyRow(office.page, 1).count(), T).toBe(1);
      expect(await office.page.getByTestId("policy-json").count()).toBe(1);
      expect(await office.page.getByTestId("policy-edit").count()).toBe(0);
    } finally {
      await office.close();
    }
  });
});
