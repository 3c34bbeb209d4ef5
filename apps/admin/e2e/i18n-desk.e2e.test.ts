import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { baseUrl, hasChromium, loggedIn, login, openPage, shot } from "./browser.ts";

/** Han characters: none may be left in a screen's own words once it is in English. */
const HAN = /[\u4e00-\u9fff]/;

/**
 * The screen's own words (headings, column titles, buttons, labels, tags, placeholders, empty
 * states) inside the content area. Cells of data (names, places, townships) are left out: they
 * stay as staff typed them.
 */
const CHROME = [
  ".page-title",
  "thead th",
  ".ant-btn",
  ".ant-radio-button-wrapper",
  ".ant-segmented-item-label",
  ".ant-tabs-tab",
  ".ant-select-placeholder",
  ".ant-select-content",
  ".ant-pagination-total-text",
  ".ant-empty-description",
  ".ant-table-placeholder",
  ".ant-card-head-title",
  ".ant-descriptions-item-label",
  ".ant-form-item-label",
  ".ant-tag",
  ".ant-alert-title",
  ".ant-typography-secondary",
  "[data-testid=excluded]",
];

async function chromeTexts(page: Page, root = ".ant-layout-content"): Promise<string[]> {
  return page.locator(root).first().evaluate((el, selectors) => {
    const out: string[] = [];
    for (const s of selectors) el.querySelectorAll(s).forEach((n) => out.push((n.textContent ?? "").trim()));
    el.querySelectorAll("[placeholder]").forEach((n) => out.push(n.getAttribute("placeholder") ?? ""));
    el.querySelectorAll("input[aria-label]").forEach((n) => out.push(n.getAttribute("aria-label") ?? ""));
    return out.filter((x) => x !== "");
  }, CHROME);
}

async function expectNoChinese(page: Page, root?: string) {
  const texts = await chromeTexts(page, root);
  expect(texts.length).toBeGreaterThan(3);
  expect(texts.filter((x) => HAN.test(x))).toEqual([]);
}

const header = (page: Page, name: string) => page.getByRole("columnheader", { name, exact: true });

describe.runIf(hasChromium)("office desk screens in English (orders, recommendation, today's board, complaints)", () => {
  const s = loggedIn("business");

  it("the order list reads in English after the header switch", async () => {
    const { page } = s;
    await page.goto(`${baseUrl()}/orders`);
    await expect.poll(() => page.locator(".page-title").textContent()).toBe("用工需求");
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator(".page-title").textContent()).toBe("Job orders");
    for (const col of ["Order no.", "Employer", "Trade", "Headcount", "Date", "Place", "Pay", "Status"]) {
      expect(await header(page, col).count(), col).toBe(1);
    }
    expect(await page.getByRole("button", { name: "New job order" }).count()).toBe(1);
    // the fixture's order for today, its status and pay unit in English
    const row = page.locator(".ant-table-row").filter({ hasText: "General labourer" }).first();
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/¥200\.00\/day/);
    expect(await row.locator(".ant-tag").textContent()).toBe("Published");
    expect(await page.locator(".ant-pagination-total-text").textContent()).toMatch(/^\d+ in all$/);
    await expectNoChinese(page);
    await shot(page, "i18n-desk-01-orders-en");
  });

  it("an order's recommendation panel explains itself in English", async () => {
    const { page } = s;
    const fixture = inject("fixture");
    await page.goto(`${baseUrl()}/orders/${fixture.order.id}`);
    await expect.poll(() => page.locator(".page-title").textContent()).toContain("Published");
    for (const label of ["Employer", "Skill grade", "Minimum stars", "Guidance wage", "Requirements"]) {
      expect(await page.locator(".ant-descriptions-item-label").filter({ hasText: new RegExp(`^${label}$`) }).count(), label).toBe(1);
    }
    const panel = page.getByTestId("matching");
    expect(await panel.locator(".ant-card-head-title").first().textContent()).toBe("Recommendation and dispatch (R6)");
    expect(await panel.textContent()).toContain("“Recommend by score” ranks by skill, stars, satisfaction, distance and rotation");
    expect(await page.getByLabel("Lottery seed").getAttribute("placeholder")).toBe("Seed (blank = random)");
    await page.getByTestId("recommend").click();
    await expect.poll(() => header(page, "Rank").count()).toBe(1);
    await shot(page, "i18n-desk-02-order-recommend-en");
    for (const col of ["Name", "No.", "Star grade", "Score", "Score breakdown", "Reasons"]) {
      expect(await panel.getByRole("columnheader", { name: col, exact: true }).count(), col).toBe(1);
    }
    // The fixture's workers lay bricks and this order wants general labour: unless another suite
    // registered labourers, nobody fits and the panel says so in English.
    if ((await panel.locator(".ant-table-row").count()) === 0) {
      expect(await panel.locator(".ant-table-placeholder").textContent()).toBe("No eligible workers");
      expect(await panel.locator(".ant-alert-title").first().textContent()).toMatch(/^Not enough eligible workers: \d+ short$/);
    } else {
      expect(await panel.getByText(/^Skill fit /).count()).toBeGreaterThan(0);
    }
    expect(await panel.getByText(/^\d+ selected$/).count()).toBe(1);
    expect(await panel.getByRole("button", { name: /^Dispatch now \(\d+\)$/ }).count()).toBe(1);
    expect(await page.getByText("Dispatched", { exact: true }).count()).toBe(1);
    await expectNoChinese(page);
  });

  it("today's board and the new order form read in English", async () => {
    const { page } = s;
    await page.goto(`${baseUrl()}/today`);
    await expect.poll(() => page.locator(".page-title").textContent()).toBe("Today's dispatches");
    expect(await page.getByText("Refreshes every minute").count()).toBe(1);
    await expect.poll(() => header(page, "Order").count()).toBe(1);
    await shot(page, "i18n-desk-03-today-en");
    for (const col of ["Order", "Employer", "Trade", "Place", "Worker", "Time", "Pay", "Status", "Actions"]) {
      expect(await header(page, col).count(), col).toBe(1);
    }
    await expectNoChinese(page);

    await page.goto(`${baseUrl()}/orders/new`);
    await expect.poll(() => page.getByTestId("guidance").textContent()).toContain("Pick a trade to see the guidance wage");
    await page.getByTestId("publish-order").click();
    await expect.poll(() => page.getByText("Please pick an employer").count()).toBe(1);
    expect(await page.getByText("Please enter the place of work").count()).toBe(1);
    await page.getByTestId("order-requirements").fill("限男性");
    await expect.poll(() => page.getByTestId("discrimination-findings").count()).toBe(1);
    expect(await page.locator(".ant-alert-title").filter({ hasText: "may be discriminatory" }).count()).toBe(1);
    // the requirements themselves are what the employer said: only the form's own words are checked
    await expectNoChinese(page, "form");
    await shot(page, "i18n-desk-04-order-new-en");
    expect(s.errors).toEqual([]);
  });

  it("switching back brings the Chinese words back unchanged", async () => {
    const { page } = s;
    await page.goto(`${baseUrl()}/orders`);
    await expect.poll(() => page.locator(".page-title").textContent()).toBe("Job orders");
    await page.getByRole("button", { name: "中文" }).click();
    await expect.poll(() => page.locator(".page-title").textContent()).toBe("用工需求");
    for (const col of ["单号", "用工方", "工种", "人数", "日期", "地点", "报酬", "状态"]) expect(await header(page, col).count(), col).toBe(1);
    expect(await page.getByRole("button", { name: "登记用工需求" }).count()).toBe(1);
    expect(await page.locator(".ant-table-row").filter({ hasText: "小工/力工" }).first().textContent()).toMatch(/¥200\.00\/天/);
  });

  it("the complaints page, its list and its intake form, read in English", async () => {
    const r = await openPage(s.browser);
    try {
      const { page } = r;
      await login(page, "rights");
      await page.goto(`${baseUrl()}/complaints`);
      await page.getByRole("button", { name: "English" }).click();
      await expect.poll(() => page.locator(".page-title").textContent()).toBe("Complaints");
      await shot(page, "i18n-desk-05-complaints-en");
      expect(await page.getByRole("tab", { name: "Cases" }).count()).toBe(1);
      for (const scope of ["Open", "Overdue", "Closed", "All"]) {
        expect(await page.locator(".ant-radio-button-wrapper").filter({ hasText: new RegExp(`^${scope}$`) }).count(), scope).toBe(1);
      }
      await page.locator(".ant-radio-button-wrapper").filter({ hasText: /^All$/ }).click();
      // other suites may or may not have filed cases by now: either the table or its empty state
      await expect.poll(async () => (await header(page, "Case no.").count()) + (await page.getByText("No complaints", { exact: true }).count())).toBe(1);
      if ((await header(page, "Case no.").count()) === 1) {
        for (const col of ["Category", "Parties", "Status", "Officer", "Filed", "Deadline"]) expect(await header(page, col).count(), col).toBe(1);
      }
      expect(await page.locator(".ant-select-placeholder").filter({ hasText: "All categories" }).count()).toBe(1);
      await expectNoChinese(page);

      await page.getByRole("tab", { name: "New complaint" }).click();
      await page.getByTestId("complaint-submit").click();
      await expect.poll(() => page.getByText("Please pick a category").count()).toBe(1);
      expect(await page.getByText("Please describe the complaint").count()).toBe(1);
      for (const label of ["Complainant", "Respondent", "Source", "Category", "Complaint"]) {
        expect(await page.locator(".ant-form-item-label").filter({ hasText: new RegExp(`^${label}$`) }).count(), label).toBe(1);
      }
      expect(await page.getByTestId("complaint-submit").textContent()).toBe("File");
      await expectNoChinese(page);
      await shot(page, "i18n-desk-06-complaint-intake-en");
      expect(r.errors).toEqual([]);
    } finally {
      await r.close();
    }
  });
});
