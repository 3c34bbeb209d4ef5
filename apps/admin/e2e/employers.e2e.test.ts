import { describe, expect, it } from "vitest";
import { makeCreditCode, rng } from "../../../packages/api/src/seed/factories.ts";
import { baseUrl, hasChromium, loggedIn, shot } from "./browser.ts";

describe.runIf(hasChromium)("employers: register, verify, record, export", () => {
  const s = loggedIn("head");

  it("refuses a wrong credit code at once in Chinese, then registers and verifies the employer", async () => {
    const { page } = s;
    const code = makeCreditCode(rng("employer-e2e"));
    const wrong = code.slice(0, 17) + (code.endsWith("0") ? "1" : "0");
    await page.goto(`${baseUrl()}/employers`);
    await page.getByTestId("new-employer").click();
    await page.getByTestId("employer-name").fill("沁水县恒达建材有限公司");
    await page.getByTestId("credit-code").fill(wrong);
    await expect.poll(() => page.getByText(/校验/).count()).toBeGreaterThan(0);
    await page.getByTestId("contact-name").fill("王经理");
    await page.getByTestId("contact-phone").fill("13935612345");
    await shot(page, "16-employer-error");
    await page.getByTestId("credit-code").fill(code);
    await page.getByTestId("save-employer").click();
    await page.waitForURL(/\/employers\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator(".page-title").textContent()).toContain("未核验");
    await page.getByTestId("verify-employer").click();
    await expect.poll(() => page.locator(".page-title").textContent()).toContain("已核验");
    await shot(page, "17-employer");
  });

  it("exports the employer list to an .xlsx file", async () => {
    const { page } = s;
    await page.goto(`${baseUrl()}/employers`);
    await expect.poll(() => page.getByText("沁水县恒达建材有限公司").count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 Excel" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^用工方-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = await download.path();
    expect(path).toBeTruthy();
    await shot(page, "18-employers");
  });
});
