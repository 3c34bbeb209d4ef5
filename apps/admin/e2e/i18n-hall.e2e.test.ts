import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { baseUrl, hasChromium, login, openPage, sharedBrowser, shot, type Session } from "./browser.ts";
import { XSS_NAME } from "./fixture.ts";

const T = { timeout: 15_000 };
const HAN = /[\u4e00-\u9fff]/;
/** The market's name is data (it heads the printed cost report); everything else in the chrome is ours. */
const MARKET_NAME = "沁水县零工市场";

/**
 * The chrome of the page's content (and an open dialog): titles, column headers, labels, buttons,
 * tabs, placeholders, empty states, alerts, field errors. Table cells are data and are left out.
 */
const CHROME = [
  "h1", "h2", "h3", "h4", "h5", "th", "button", "label",
  ".ant-tabs-tab", ".ant-card-head-title", ".ant-empty-description", ".ant-descriptions-item-label",
  ".ant-alert-message", ".ant-alert-title", ".ant-alert-description", ".ant-pagination-total-text",
  ".ant-select-selection-placeholder", ".ant-form-item-explain-error", ".ant-statistic-title", ".ant-steps-item-title",
  ".ant-typography-secondary", ".ant-switch-inner",
].join(", ");

/** Chinese left in the chrome of the content area: each offending text, with what it is. */
async function hanInChrome(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ selector, han, market }) => {
      const re = new RegExp(han);
      const roots = [...document.querySelectorAll(".ant-layout-content, .ant-modal-content")];
      const found: string[] = [];
      for (const root of roots) {
        for (const el of root.querySelectorAll(selector)) {
          const text = (el.textContent ?? "").replaceAll(market, "");
          if (re.test(text)) found.push(`${el.tagName.toLowerCase()}.${el.className}: ${text.slice(0, 80)}`);
        }
        for (const el of root.querySelectorAll("input[placeholder], textarea[placeholder], [aria-label]")) {
          for (const attr of ["placeholder", "aria-label"]) {
            const v = el.getAttribute(attr) ?? "";
            if (re.test(v)) found.push(`${el.tagName.toLowerCase()}[${attr}]: ${v}`);
          }
        }
      }
      return found;
    },
    { selector: CHROME, han: HAN.source, market: MARKET_NAME },
  );
}

async function english(s: Session): Promise<void> {
  await s.page.getByRole("button", { name: "English" }).click();
  await expect.poll(() => s.page.evaluate(() => localStorage.getItem("lingong.lang")), T).toBe("en");
}

async function visit(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(`${inject("baseUrl")}${path}`);
  await expect.poll(() => page.locator("h1.page-title").textContent(), { timeout: 30_000 }).toBe(heading);
  // let the queries settle: spinners go, the tables or empty states come
  await expect.poll(() => page.locator(".ant-layout-content .ant-spin-spinning").count(), T).toBe(0);
}

async function noHan(page: Page, where: string): Promise<void> {
  await expect.poll(() => hanInChrome(page), { ...T, message: `Chinese left on ${where}` }).toEqual([]);
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await expect.poll(() => page.locator(".ant-layout-content .ant-spin-spinning").count(), T).toBe(0);
}

describe.runIf(hasChromium)("office screens in English (hall, rights, costs, administration)", () => {
  const shared = sharedBrowser();

  it("the market head's tools, training, sanctions, costs and audit screens have no Chinese chrome", async () => {
    const s = await openPage(shared.browser);
    try {
      const { page } = s;
      await login(page, "head");
      await english(s);

      await visit(page, "/tools", "Tool counter");
      await expect.poll(() => page.locator(".ant-card-head-title").first().textContent(), T).toBe("Lend a tool");
      expect(await page.getByLabel("Due date").count()).toBe(1);
      await noHan(page, "/tools counter");
      await shot(page, "i18n-hall-01-tools-counter-en");
      await tab(page, "Catalogue");
      await expect.poll(() => page.getByText("Register a tool", { exact: true }).count(), T).toBe(1);
      // bad input: the rule names the field in English, and nothing is saved
      await page.getByRole("button", { name: "Register" }).click();
      await expect.poll(() => page.locator(".ant-form-item-explain-error").filter({ hasText: "Tool name is required" }).count(), T).toBe(1);
      await page.getByLabel("Free", { exact: true }).click();
      await expect.poll(() => page.getByLabel("Daily fee").count(), T).toBe(1);
      await noHan(page, "/tools catalogue");
      await shot(page, "i18n-hall-02-tools-catalogue-en");
      await tab(page, "History");
      await tab(page, "Overdue");
      await expect.poll(() => page.getByText("No overdue tools", { exact: true }).count(), T).toBe(1);
      await noHan(page, "/tools overdue and history");

      await visit(page, "/training", "Training");
      await expect.poll(() => page.getByText("Open a batch", { exact: true }).count(), T).toBe(1);
      expect(await page.getByRole("button", { name: "Open", exact: true }).count()).toBe(1);
      await noHan(page, "/training batches");
      await shot(page, "i18n-hall-03-training-en");
      await tab(page, "Courses");
      await expect.poll(() => page.getByText("Register a course", { exact: true }).count(), T).toBe(1);
      expect(await page.getByLabel("Course title").count()).toBe(1);
      await noHan(page, "/training courses");

      await visit(page, "/sanctions", "Rewards & sanctions");
      await expect.poll(() => page.getByText("Record a violation and propose a sanction", { exact: true }).count(), T).toBe(1);
      await page.getByTestId("propose-submit").click();
      await expect.poll(() => page.locator(".ant-form-item-explain-error").filter({ hasText: "Offence is required" }).count(), T).toBe(1);
      await noHan(page, "/sanctions propose");
      await shot(page, "i18n-hall-04-sanctions-en");
      await tab(page, "Sanctions & appeals");
      await expect.poll(() => page.getByText("All statuses", { exact: true }).count(), T).toBe(1);
      await noHan(page, "/sanctions list");
      await tab(page, "Rewards");
      await expect.poll(() => page.getByText("Rewards granted", { exact: true }).count(), T).toBe(1);
      await noHan(page, "/sanctions rewards");

      await visit(page, "/costs", "Operating costs");
      await expect.poll(() => page.getByText("Record a cost", { exact: true }).count(), T).toBe(1);
      expect(await page.getByLabel("Voucher no.").count()).toBe(1);
      await page.getByTestId("cost-submit").click();
      await expect.poll(() => page.locator(".ant-form-item-explain-error").filter({ hasText: "Category is required" }).count(), T).toBe(1);
      await noHan(page, "/costs ledger");
      await shot(page, "i18n-hall-05-costs-en");
      await tab(page, "Monthly report");
      await expect.poll(() => page.getByTestId("cost-report").textContent(), T).toContain("Prepared by:");
      expect(await page.getByTestId("cost-report").textContent()).toContain(`${MARKET_NAME}: operating cost reimbursement`);
      await noHan(page, "/costs report");
      await shot(page, "i18n-hall-06-costs-report-en");

      await visit(page, "/admin/audit", "Audit log");
      await expect.poll(() => page.getByTestId("audit-list").locator(".ant-table-row").count(), T).toBeGreaterThan(0);
      expect(await page.getByTestId("audit-list").locator("th").allTextContents()).toEqual(expect.arrayContaining(["Time", "Action", "Role", "User", "Target", "Result"]));
      expect(await page.getByRole("button", { name: "Previous" }).count()).toBe(1);
      await noHan(page, "/admin/audit");
      await shot(page, "i18n-hall-07-audit-en");

      // the rest of the office screens this change covers
      for (const [path, heading] of [
        ["/books", "Reading room"],
        ["/services", "Services log"],
        ["/publicity", "Publicity"],
        ["/admin/policies", "Wages & policies"],
        ["/admin/rooms", "Negotiation rooms"],
      ] as const) {
        await visit(page, path, heading);
        await noHan(page, path);
      }
      await shot(page, "i18n-hall-08-rooms-en");
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("the administrator's staff screen is English, and Chinese comes back with the switch", async () => {
    const s = await openPage(shared.browser);
    try {
      const { page } = s;
      await login(page, "admin");
      await english(s);
      await visit(page, "/admin/staff", "Staff accounts");
      await expect.poll(() => page.getByTestId("staff-list").locator(".ant-table-row").filter({ hasText: "test-head" }).count(), T).toBe(1);
      expect(await page.getByText("New account", { exact: true }).count()).toBe(1);
      expect(await page.getByTestId("staff-list").locator("th").allTextContents()).toEqual(expect.arrayContaining(["Username", "Name", "Role", "Market", "Last sign-in"]));
      // the head's row shows its role in English; its status reads Active
      const head = page.getByTestId("staff-list").locator(".ant-table-row").filter({ hasText: "test-head" });
      expect(await head.textContent()).toContain("Market head");
      expect(await head.textContent()).toContain("Active");
      await page.getByTestId("staff-submit").click();
      await expect.poll(() => page.locator(".ant-form-item-explain-error").filter({ hasText: "Username is required" }).count(), T).toBe(1);
      await noHan(page, "/admin/staff");
      await shot(page, "i18n-hall-09-staff-en");

      // in English the switch reads 中文
      await page.getByRole("button", { name: "中文" }).click();
      await expect.poll(() => page.locator("h1.page-title").textContent(), T).toBe("人员账号");
      expect(await page.getByText("新建账号", { exact: true }).count()).toBe(1);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("the phone job list copies the WeChat text in the page's language", async () => {
    const s = await openPage(shared.browser, { width: 390, height: 844 });
    try {
      const { page } = s;
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl() });
      await page.goto(`${baseUrl()}/jobs?lang=en`);
      const item = page.getByTestId("job-item").filter({ hasText: XSS_NAME });
      await expect.poll(() => item.count(), T).toBe(1);
      await item.getByTestId("copy-one").click();
      await expect.poll(() => page.getByRole("status").textContent(), T).toBe("Copied; paste it into the WeChat group");
      const en = await page.evaluate(() => navigator.clipboard.readText());
      expect(en).toMatch(/^\[沁水县零工市场 · Job\]\n\n\[General labourer\] \d+ more needed\nPay: ¥200\/day\n/);
      expect(en).toContain(XSS_NAME);
      expect(en).toContain("No.: ");
      expect(en.replaceAll(MARKET_NAME, "").replaceAll(XSS_NAME, "")).not.toMatch(HAN);
      await page.getByTestId("copy-all").click();
      const all = await page.evaluate(() => navigator.clipboard.readText());
      expect(all).toMatch(/^\[沁水县零工市场 · Jobs on \d{4}-\d{2}-\d{2}\] \d+ in all\n/);

      // Chinese is still the server's text, word for word
      await page.getByTestId("lang-toggle").click();
      await item.getByTestId("copy-one").click();
      await expect.poll(() => page.getByRole("status").textContent(), T).toBe("已复制，可粘贴到微信群");
      const zh = await page.evaluate(() => navigator.clipboard.readText());
      expect(zh).toMatch(/^【沁水县零工市场·招工】\n\n【小工\/力工】还需 \d+ 人\n工资：¥200\.00\/天\n/);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
