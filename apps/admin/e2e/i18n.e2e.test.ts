import { describe, expect, inject, it } from "vitest";
import { baseUrl, hasChromium, login, openPage, sharedBrowser, shot } from "./browser.ts";
import { XSS_NAME } from "./fixture.ts";

/** Han characters outside the data a page shows (market name, places, titles typed by staff). */
const HAN = /[\u4e00-\u9fff]/;

describe.runIf(hasChromium)("public screens and the counter in English for visitors (Chinese stays the default)", () => {
  const shared = sharedBrowser();

  it("the hall board names the market and is Chinese by default, English with ?lang=en", async () => {
    const s = await openPage(shared.browser, { width: 1920, height: 1080 });
    try {
      await s.page.goto(`${baseUrl()}/board`);
      await expect.poll(() => s.page.getByTestId("board-title").textContent()).toBe("沁水县零工市场 · 招工信息");
      await expect.poll(() => s.page.getByTestId("board-job").count()).toBeGreaterThan(0);
      expect(await s.page.getByRole("region", { name: "今日用工需求" }).textContent()).toContain("小工/力工");
      await shot(s.page, "i18n-01-board-zh");

      await s.page.goto(`${baseUrl()}/board?lang=en`);
      await expect.poll(() => s.page.getByTestId("board-title").textContent()).toBe("沁水县零工市场 · Open jobs");
      await expect.poll(() => s.page.getByTestId("board-job").count()).toBeGreaterThan(0);
      const needs = s.page.getByRole("region", { name: "Today's needs" });
      await expect.poll(() => needs.textContent()).toContain("General labourer");
      expect(await needs.textContent()).toMatch(/¥200\/day/);
      const job = s.page.getByTestId("board-job").filter({ hasText: XSS_NAME });
      expect(await job.textContent()).toContain("3 needed");
      expect(await s.page.getByRole("region", { name: "Honour roll" }).count()).toBe(1);
      expect(await s.page.locator(".board-clock").textContent()).toMatch(/(Sun|Mon|Tue|Wed|Thu|Fri|Sat)/);
      expect(await s.page.evaluate(() => document.documentElement.lang)).toBe("en");
      expect(await s.page.locator("img").count()).toBe(0);
      expect(s.dialogs).toEqual([]);
      expect(s.errors).toEqual([]);
      await shot(s.page, "i18n-02-board-en");
    } finally {
      await s.close();
    }
  });

  it("the phone job list switches to English with its toggle and back", async () => {
    const s = await openPage(shared.browser, { width: 390, height: 844 });
    try {
      await s.page.goto(`${baseUrl()}/jobs`);
      await expect.poll(() => s.page.getByTestId("jobs-title").textContent()).toBe("沁水县零工市场 · 今日岗位");
      await s.page.getByTestId("lang-toggle").click();
      await expect.poll(() => s.page.getByTestId("jobs-title").textContent()).toBe("沁水县零工市场 · Today's jobs");
      const item = s.page.getByTestId("job-item").filter({ hasText: XSS_NAME });
      await expect.poll(() => item.count()).toBe(1);
      const text = (await item.textContent()) ?? "";
      expect(text).toContain("General labourer");
      expect(text).toContain("¥200/day");
      expect(text).toContain("3 needed");
      expect(await s.page.getByTestId("copy-all").textContent()).toBe("Copy today's list");
      expect(await s.page.locator(".jobs-footer").textContent()).toContain("Pre-register for work online");
      await shot(s.page, "i18n-03-jobs-en");
      // the choice is remembered on the phone; the toggle brings Chinese back
      await s.page.reload();
      await expect.poll(() => s.page.getByTestId("jobs-title").textContent()).toContain("Today's jobs");
      await s.page.getByTestId("lang-toggle").click();
      await expect.poll(() => s.page.getByTestId("jobs-title").textContent()).toContain("今日岗位");
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("pre-registration reads in English, with the English notice and English errors, keeping what was typed", async () => {
    const s = await openPage(shared.browser, { width: 390, height: 844 });
    try {
      await s.page.goto(`${baseUrl()}/register`);
      await s.page.getByTestId("lang-toggle").click();
      await expect.poll(() => s.page.getByTestId("prereg-title").textContent()).toBe("Pre-registration for gig work");
      await s.page.getByLabel("Name").fill("Han Xiaomei");
      await s.page.getByLabel("Mobile phone").fill("1381234");
      await s.page.getByLabel("Cleaner").check();
      await s.page.getByText("Personal information notice (version 2024-01)").click();
      await expect.poll(() => s.page.getByTestId("consent-text").textContent()).toContain("withdraw consent");
      await s.page.getByRole("button", { name: "Submit pre-registration" }).click();
      await expect.poll(() => s.page.getByText("Not a valid mobile number (11 digits starting with 1)").count()).toBe(1);
      expect(await s.page.getByText("Please read and agree to the personal information notice").count()).toBe(1);
      expect(await s.page.getByLabel("Name").inputValue()).toBe("Han Xiaomei");
      const form = (await s.page.locator("form").textContent()) ?? "";
      // every word of the form is English; only the toggle back to Chinese reads 中文
      expect(form.replace("中文", "")).not.toMatch(HAN);
      await shot(s.page, "i18n-04-register-en");
      // Not submitted: the browser suites share one market, and public.e2e expects its own
      // pre-registration to be the only one waiting (the API test covers the version sent).
    } finally {
      await s.close();
    }
  });

  it("the counter registration form and a worker archive read in English", async () => {
    const fixture = inject("fixture");
    const s = await openPage(shared.browser);
    try {
      await login(s.page, "business");
      await s.page.goto(`${baseUrl()}/workers/new`);
      await expect.poll(() => s.page.getByText("身份信息（M1）").count()).toBe(1);
      // the staff switch, remembered for the next screens
      await s.page.getByRole("button", { name: "English" }).click();
      await expect.poll(() => s.page.getByText("Identity (M1)").count()).toBe(1);
      await s.page.getByTestId("id-number").fill("14052119800101001");
      await expect.poll(() => s.page.getByText("17 characters typed").count()).toBe(1);
      await s.page.getByTestId("id-number").fill("140521198001010010");
      await expect.poll(() => s.page.locator(".ant-form-item-explain-error").first().textContent()).toMatch(/check/i);
      expect(await s.page.getByTestId("proposed-grade").textContent()).toContain("Proposed initial star grade (M3)");
      expect(await s.page.getByText("The worker has read (or had read to them) and agrees to the notice above").count()).toBe(1);
      expect(await s.page.getByText(/withdraw consent/).count()).toBe(1);
      expect(await s.page.getByTestId("consent-version").textContent()).toContain("Version: 2024-01");
      expect(await s.page.getByRole("button", { name: "Register" }).count()).toBe(1);
      await shot(s.page, "i18n-06-counter-form-en");

      const worker = fixture.workers[1];
      if (!worker) throw new Error("fixture has no second worker");
      await s.page.goto(`${baseUrl()}/workers/${worker.id}`);
      await expect.poll(() => s.page.getByTestId("archive-name").textContent()).toBe(worker.name);
      for (const label of ["Satisfaction rate", "Consent version", "Star grade history", "Dispatches", "Follow-up ratings", "Print archive card"]) {
        expect(await s.page.getByText(label, { exact: true }).count(), label).toBeGreaterThan(0);
      }
      expect(await s.page.getByText("Bricklayer · Level 4 / Intermediate").count()).toBe(1);
      await s.page.getByRole("tab", { name: "Star grade history" }).click();
      await expect.poll(() => s.page.getByText("Initial grading").count()).toBeGreaterThan(0);
      await shot(s.page, "i18n-07-archive-en");
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
