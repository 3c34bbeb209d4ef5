import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { shanghaiDate } from "@lingong/core";
import { hasChromium, loggedIn, login, openPage, sharedBrowser, shot } from "./browser.ts";
import { pickWorker } from "./ops-helpers.ts";
import { call } from "./trpc-call.ts";

const T = { timeout: 10_000 };

/** Picks an option of an antd Select by typing part of its label. */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(".ant-select-item-option").filter({ hasText: text }).first().click();
}

describe.runIf(hasChromium)("training (M6) as the market head", () => {
  const s = loggedIn("head");
  const fixture = inject("fixture");

  it("creates a course and a batch, enrols a worker, records attendance and completion", async () => {
    const { page } = s;
    const worker = fixture.workers[1]!;
    const today = shanghaiDate(new Date());
    await page.goto(`${inject("baseUrl")}/training`);
    await expect.poll(() => page.getByTestId("batch-submit").count(), T).toBe(1);
    await page.getByRole("tab", { name: "课程" }).click();
    await page.getByTestId("course-submit").click();
    await expect.poll(() => page.getByText("请选择工种").count(), T).toBe(1);
    await expect.poll(() => page.getByText("请填写课程名称").count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId("course-trade").click();
    await page.keyboard.type("砌筑");
    await page.keyboard.press("Enter");
    await page.getByLabel("课程名称").fill("砌筑工初级培训");
    await page.getByLabel("学时").fill("40");
    await page.getByLabel("课程名称").press("Enter");
    await expect.poll(() => page.getByTestId("course-list").locator(".ant-table-row").filter({ hasText: "砌筑工初级培训" }).count(), T).toBe(1);
    await shot(page, "training-courses");

    await page.getByRole("tab", { name: "培训批次" }).click();
    await page.getByTestId("batch-submit").click();
    await expect.poll(() => page.getByText("请选择培训期间（开班和结束日期）").count(), T).toBe(1);
    await choose(page, "batch-course", "砌筑工初级培训");
    await page.getByPlaceholder("开始日期").click();
    await page.getByPlaceholder("开始日期").fill(today);
    await page.getByPlaceholder("开始日期").press("Enter");
    await page.getByPlaceholder("结束日期").fill(today);
    await page.getByPlaceholder("结束日期").press("Enter");
    await page.getByLabel("地点").fill("市场二楼培训室");
    await page.getByTestId("batch-submit").click();
    await expect.poll(() => page.getByTestId("roster").count(), T).toBe(1);
    await expect.poll(() => page.getByText("还没有学员报名").count(), T).toBe(1);

    await pickWorker(page, "enrol-worker", worker.workerNo);
    await page.getByTestId("enrol-submit").click();
    const row = page.getByTestId("roster-table").locator(".ant-table-row").filter({ hasText: worker.workerNo });
    await expect.poll(() => row.count(), T).toBe(1);
    await row.getByRole("button", { name: /出\s*勤/ }).click();
    await expect.poll(() => row.textContent(), T).toContain("1 天（记 1 天）");
    await row.getByRole("button", { name: /结\s*业/ }).click();
    await page.getByTestId("certificate-no").fill("QS-2024-0001");
    await page.getByRole("dialog").getByRole("button", { name: /确认结业/ }).click();
    await expect.poll(() => row.textContent(), T).toContain("已结业");
    expect(await row.textContent()).toContain("QS-2024-0001");
    const batchRow = page.getByTestId("batch-list").locator(".ant-table-row").first();
    await expect.poll(() => batchRow.textContent(), T).toContain("1 / 30");
    await shot(page, "training-roster");
    expect(s.errors).toEqual([]);
  });
});

describe.runIf(hasChromium)("publicity (M5) as the market head", () => {
  const s = loggedIn("head");
  const fixture = inject("fixture");

  it("puts a consenting worker on the honour roll", async () => {
    const { page } = s;
    const worker = fixture.workers[1]!;
    await page.goto(`${inject("baseUrl")}/publicity`);
    await expect.poll(() => page.getByTestId("honour-submit").count(), T).toBe(1);
    await pickWorker(page, "honour-worker", worker.workerNo);
    await page.getByTestId("honour-submit").click();
    await expect.poll(() => page.getByText("须征得零工本人同意后才能公示").count(), T).toBe(1);
    await page.getByText("零工本人同意在大厅屏幕公示姓名和事迹").click();
    await page.getByTestId("honour-submit").click();
    const row = page.getByTestId("honour-list").locator(".ant-table-row").filter({ hasText: worker.workerNo });
    await expect.poll(() => row.count(), T).toBe(1);
    expect(await row.textContent()).toContain("公示中");
    await shot(page, "publicity-honour");
  });

  it("refuses an exposure entry without a legal basis and lists it once the basis is given", async () => {
    const { page } = s;
    const worker = fixture.workers[2]!;
    // The case it rests on: an approved sanction (proposed and approved through the API).
    const proposed = await call<{ sanction?: { id: string }; id?: string }>(page, "sanctions.propose", { workerId: worker.id, offence: "no_show", occurredOn: shanghaiDate(new Date()) });
    const sanctionId = proposed.sanction?.id ?? proposed.id;
    expect(sanctionId).toBeTruthy();
    await call(page, "sanctions.approve", { sanctionId, approve: true });

    await page.goto(`${inject("baseUrl")}/publicity`);
    await page.getByRole("tab", { name: "曝光台" }).click();
    const row = page.getByTestId("exposure-list").locator(".ant-table-row").filter({ hasText: worker.name });
    await expect.poll(() => page.getByTestId("exposure-submit").count(), T).toBe(1);
    await pickWorker(page, "exposure-worker", worker.workerNo);
    await choose(page, "exposure-sanction", "无故爽约");
    await page.getByLabel("事实").fill("接单后无故未到岗，致用工方停工半天");
    await page.getByTestId("exposure-submit").click();
    await expect.poll(() => page.getByText("请填写法律或政策依据").count(), T).toBe(1);
    expect(await row.count()).toBe(0);
    await page.waitForTimeout(400); // let the error message finish fading in for the screenshot
    await shot(page, "publicity-exposure-refused");
    // what was typed stays
    expect(await page.getByLabel("事实").inputValue()).toBe("接单后无故未到岗，致用工方停工半天");
    await page.getByLabel("法律或政策依据").fill("《沁水县零工市场管理办法》第二十条");
    await page.getByTestId("exposure-submit").click();
    await expect.poll(() => row.count(), T).toBe(1);
    expect(await row.textContent()).toContain("《沁水县零工市场管理办法》第二十条");
    expect(await row.textContent()).toContain("公示中");
    await shot(page, "publicity-exposure");

    await page.getByRole("tab", { name: "公告" }).click();
    await page.getByLabel("标题").fill("本周六大厅开放时间调整");
    await page.getByLabel("内容").fill("本周六 8:00–12:00 开放，下午闭厅。");
    await page.getByRole("button", { name: /发\s*布/ }).click();
    await expect.poll(() => page.getByTestId("announcement-list").locator(".ant-table-row").filter({ hasText: "本周六大厅开放时间调整" }).count(), T).toBe(1);
    await shot(page, "publicity-announcements");
    expect(s.errors).toEqual([]);
  });
});

describe.runIf(hasChromium)("administration: staff accounts (admin) and the audit log (head)", () => {
  const shared = sharedBrowser();

  it("refuses a weak password, creates the account, and the head sees the creation in the audit log", async () => {
    const admin = await openPage(shared.browser);
    try {
      const { page } = admin;
      await login(page, "admin");
      await page.goto(`${inject("baseUrl")}/admin/staff`);
      await expect.poll(() => page.getByTestId("staff-list").locator(".ant-table-row").filter({ hasText: "test-head" }).count(), T).toBe(1);
      await page.getByLabel("用户名").fill("zhang.wei");
      await page.getByLabel("姓名").fill("张伟");
      await choose(page, "staff-role", "综合业务");
      await choose(page, "staff-market", "沁水");
      await page.getByLabel("初始密码").fill("abcdefgh1");
      await page.getByTestId("staff-submit").click();
      await expect.poll(() => page.getByTestId("staff-error").textContent(), T).toContain("密码须包含大写字母、小写字母、数字、符号中的至少三类");
      // the field itself says so, and nothing typed is lost
      // antd renders the field error a frame after the alert, so poll rather than read once
      await expect.poll(() => page.locator(".ant-form-item-explain-error").filter({ hasText: "密码须包含" }).count(), T).toBe(1);
      expect(await page.getByLabel("用户名").inputValue()).toBe("zhang.wei");
      expect(await page.getByTestId("staff-list").locator(".ant-table-row").filter({ hasText: "zhang.wei" }).count()).toBe(0);
      await page.waitForTimeout(400);
      await shot(page, "admin-staff-weak-password");
      await page.getByLabel("初始密码").fill("Qinshui#2024x");
      await page.getByTestId("staff-submit").click();
      const row = page.getByTestId("staff-list").locator(".ant-table-row").filter({ hasText: "zhang.wei" });
      await expect.poll(() => row.count(), T).toBe(1);
      expect(await row.textContent()).toContain("综合业务");
      expect(await row.textContent()).toContain("沁水");
      await shot(page, "admin-staff");
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.close();
    }

    const head = await openPage(shared.browser);
    try {
      const { page } = head;
      await login(page, "head");
      await page.goto(`${inject("baseUrl")}/admin/audit`);
      await expect.poll(() => page.getByTestId("audit-list").locator(".ant-table-row").count(), T).toBeGreaterThan(0);
      await page.getByTestId("audit-action").fill("staff.create");
      await page.getByTestId("audit-search").click();
      const row = page.getByTestId("audit-list").locator(".ant-table-row").filter({ hasText: "staff.create" });
      await expect.poll(() => row.count(), T).toBe(1);
      expect(await page.getByTestId("audit-list").locator(".ant-table-row").count()).toBe(1);
      expect(await row.textContent()).toContain("系统管理员");
      await row.locator(".ant-table-row-expand-icon").click();
      await expect.poll(() => page.locator(".ant-table-expanded-row").textContent(), T).toContain("zhang.wei");
      await shot(page, "admin-audit");
      expect(head.errors).toEqual([]);
    } finally {
      await head.close();
    }
  });
});

describe.runIf(hasChromium)("administration: guidance wage table and room catalogue (head)", () => {
  const s = loggedIn("head");

  it("refuses a wage table where a higher grade pays less, then publishes version 1 in fen", async () => {
    const { page } = s;
    await page.goto(`${inject("baseUrl")}/admin/policies`);
    const cell = page.getByLabel("砌筑工 五级/初级工 日工价");
    await expect.poll(() => cell.inputValue(), T).toBe("250.00");
    await cell.fill("100");
    await page.getByTestId("publish-submit").click();
    await expect.poll(() => page.getByTestId("wage-problems").textContent(), T).toContain("砌筑工 五级/初级工：日工价不能低于较低等级的日工价");
    await shot(page, "admin-policies-refused");
    await cell.fill("255.5");
    await page.getByTestId("publish-submit").click();
    const row = page.getByTestId("policy-versions").locator(".ant-table-row").filter({ hasText: "第 1 版" });
    await expect.poll(() => row.count(), T).toBe(1);
    await row.locator(".ant-table-row-expand-icon").click();
    await expect.poll(() => page.locator(".ant-table-expanded-row").textContent(), T).toContain('"L5": 25550');
    await shot(page, "admin-policies");
    await page.getByRole("tab", { name: "处分规则" }).click();
    await expect.poll(() => page.getByTestId("policy-json").count(), T).toBe(1);
    await shot(page, "admin-policies-sanctions");
  });

  it("adds a negotiation room to the catalogue", async () => {
    const { page } = s;
    await page.goto(`${inject("baseUrl")}/admin/rooms`);
    await page.getByLabel("名称").fill("三号洽谈室");
    await page.getByLabel("容纳人数").fill("8");
    await page.getByLabel("名称").press("Enter");
    await expect.poll(() => page.getByTestId("room-list").locator(".ant-table-row").filter({ hasText: "三号洽谈室" }).count(), T).toBe(1);
    await shot(page, "admin-rooms");
    expect(s.errors).toEqual([]);
  });
});
