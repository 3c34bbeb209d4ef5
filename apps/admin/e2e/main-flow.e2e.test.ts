import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { baseUrl, hasChromium, loggedIn, login, openPage, shot } from "./browser.ts";
import { XSS_NAME } from "./fixture.ts";

/** Picks an option of an antd Select by typing into it and pressing Enter. */
async function choose(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.keyboard.type(text);
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").first().waitFor();
  await page.keyboard.press("Enter");
}

describe.runIf(hasChromium)("post a job -> recommend -> dispatch -> complete -> follow-up -> grade review", () => {
  const s = loggedIn("business");
  let orderUrl = "";
  let workerNo = "";

  it("takes a job order with the guidance range, a below-floor warning and discrimination findings live", async () => {
    const { page } = s;
    const fixture = inject("fixture");
    await page.goto(`${baseUrl()}/orders/new`);
    await page.getByTestId("order-employer").click();
    await page.keyboard.type(fixture.employer.name.slice(0, 5));
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").first().waitFor();
    await page.keyboard.press("Enter");
    await choose(page, "需求工种", "砌筑");
    await page.getByTestId("order-place").fill("龙港镇东关村新建住宅工地");
    await page.getByLabel("报酬", { exact: true }).fill("50");
    await expect.poll(() => page.getByTestId("below-floor").count()).toBe(1);
    await page.getByLabel("报酬", { exact: true }).fill("300");
    await expect.poll(() => page.getByTestId("below-floor").count()).toBe(0);
    expect(await page.getByTestId("guidance").textContent()).toMatch(/¥\d+\.\d{2} – ¥\d+\.\d{2}/);
    await page.getByTestId("order-requirements").fill("限男性，年龄45岁以下");
    await expect.poll(() => page.getByTestId("discrimination-findings").count()).toBe(1);
    expect(await page.getByTestId("discrimination-findings").textContent()).toContain("就业促进法");
    await shot(page, "07-order-findings");
    await page.getByTestId("order-requirements").fill("会砌砖，自带瓦刀，按时到岗");
    await expect.poll(() => page.getByTestId("discrimination-findings").count()).toBe(0);
    await shot(page, "08-order-new");
    await page.getByTestId("publish-order").click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    orderUrl = page.url();
    await expect.poll(() => page.locator(".page-title").textContent()).toContain("已发布");
  });

  it("ranks candidates with a score breakdown, shows a lottery with its seed, and dispatches", async () => {
    const { page } = s;
    await page.getByTestId("recommend").click();
    const rows = page.locator(".ant-table-row");
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    expect(await page.getByText("技能匹配").count()).toBeGreaterThan(0);
    // the HTML-like name is a candidate too: literal text, no element, no dialog
    expect(await page.getByText(XSS_NAME, { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator("img[src='x']").count()).toBe(0);
    await shot(page, "09-recommend");

    await page.getByLabel("摇号种子").fill("E2E-SEED-2024");
    await page.getByTestId("lottery").click();
    await expect.poll(() => page.getByTestId("lottery-seed").textContent()).toContain("E2E-SEED-2024");
    await shot(page, "10-lottery");

    await page.getByTestId("recommend").click();
    await expect.poll(() => page.getByRole("columnheader", { name: "名次" }).count()).toBe(1);
    await expect.poll(() => page.getByText("已选 1 人").count()).toBe(1);
    const chosen = page.locator(".ant-table-row-selected");
    workerNo = ((await chosen.locator(".mono").first().textContent()) ?? "").trim();
    expect(workerNo).toMatch(/^[A-Z]+\d+$/);
    await page.getByTestId("shortlist-add").click();
    await expect.poll(() => page.getByText("候选名单（1 人）", { exact: true }).count()).toBe(1);
    // Work from midnight, so the follow-up (visited now) is never before the start whatever the hour.
    await choose(page, "开工时间", "00:00");
    await choose(page, "收工时间", "23:00");
    await page.getByTestId("dispatch-selected").click();
    await expect.poll(() => page.locator(".page-title").textContent()).toContain("已满员");
    expect(s.dialogs).toEqual([]);
  });

  it("starts, completes and records the paid confirmation on today's board", async () => {
    const { page } = s;
    await page.goto(`${baseUrl()}/today`);
    await page.locator(".ant-table").first().waitFor();
    await shot(page, "11-today-before");
    await page.getByTestId(`start-${workerNo}`).click();
    await page.getByTestId(`complete-${workerNo}`).click();
    await page.getByTestId(`paid-${workerNo}`).click();
    await expect.poll(() => page.getByText("工资已到账").count()).toBeGreaterThan(0);
    await shot(page, "11-today");
  });

  it("records the follow-up visit and proposes the grade review with reasons", async () => {
    const { page } = s;
    await page.goto(`${baseUrl()}/followups`);
    await page.getByTestId(`followup-${workerNo}`).click();
    await page.getByPlaceholder("用工方的评价原话、需要改进的地方").fill("干活踏实，按时完工");
    await shot(page, "12-followup-form");
    await page.getByRole("button", { name: "保存并提交星级评定" }).click();
    const proposal = page.getByTestId("grade-proposal");
    await expect.poll(() => proposal.count()).toBe(1);
    expect(await proposal.textContent()).toMatch(/→/);
    await page.locator(".ant-modal-wrap").first().waitFor({ state: "hidden" });
    await shot(page, "13-grade-proposal");
  });

  it("lets the head approve the review", async () => {
    const head = await openPage(s.browser);
    try {
      await login(head.page, "head");
      await head.page.goto(`${baseUrl()}/grades`);
      await head.page.getByTestId(`approve-${workerNo}`).click();
      await expect.poll(() => head.page.getByTestId(`approve-${workerNo}`).count()).toBe(0);
      await head.page.getByText("已批准", { exact: true }).click();
      await expect.poll(() => head.page.getByTestId(`change-${workerNo}`).count()).toBe(1);
      await shot(head.page, "14-grades-approved");
    } finally {
      await head.close();
    }
    expect(orderUrl).not.toBe("");
  });
});
