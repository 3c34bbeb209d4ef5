import { describe, expect, it } from "vitest";
import { baseUrl, hasChromium, login, openPage, sharedBrowser, shot } from "./browser.ts";
import { freshResidentId, XSS_NAME } from "./fixture.ts";

describe.runIf(hasChromium)("public screens: hall board, phone job list, phone pre-registration", () => {
  const shared = sharedBrowser();

  it("shows open jobs, today's needs and the honour roll on the LED board, HTML-like text as literal text", async () => {
    const s = await openPage(shared.browser, { width: 1920, height: 1080 });
    try {
      await s.page.goto(`${baseUrl()}/board`);
      await expect.poll(() => s.page.getByTestId("board-job").count()).toBeGreaterThan(0);
      await expect.poll(() => s.page.getByText(XSS_NAME).count()).toBeGreaterThan(0);
      expect(await s.page.locator("img").count()).toBe(0);
      expect(await s.page.getByRole("region", { name: "今日用工需求" }).textContent()).toContain("小工/力工");
      // the honour roll shows the masked name only (surname kept, the rest as *)
      await expect.poll(() => s.page.getByTestId("honour-entry").count()).toBeGreaterThan(0);
      expect(await s.page.getByTestId("honour-entry").filter({ hasText: "本月优秀零工" }).count()).toBeGreaterThan(0);
      // the masked HTML-like name keeps its first character and shows as text
      expect(await s.page.getByTestId("honour-entry").filter({ hasText: "<*" }).count()).toBeGreaterThan(0);
      expect(s.dialogs).toEqual([]);
      expect(s.errors).toEqual([]);
      // no login was needed and the board is outside the staff layout
      expect(await s.page.locator(".ant-layout-sider").count()).toBe(0);
      await shot(s.page, "20-board");
    } finally {
      await s.close();
    }
  });

  it("lists jobs on a phone and copies the WeChat text of one order", async () => {
    const s = await openPage(shared.browser, { width: 390, height: 844 });
    try {
      await s.page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl() });
      await s.page.goto(`${baseUrl()}/jobs`);
      await expect.poll(() => s.page.getByTestId("job-item").count()).toBeGreaterThan(0);
      const item = s.page.getByTestId("job-item").filter({ hasText: XSS_NAME });
      expect(await item.count()).toBe(1);
      await item.getByTestId("copy-one").click();
      await expect.poll(() => s.page.getByRole("status").textContent()).toContain("已复制");
      const copied = await s.page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(XSS_NAME);
      expect(copied).toContain("小工");
      expect(s.dialogs).toEqual([]);
      await shot(s.page, "21-jobs-phone");
    } finally {
      await s.close();
    }
  });

  it("takes a pre-registration from a phone (bad phone refused in Chinese) and staff see it in the queue", async () => {
    const s = await openPage(shared.browser, { width: 390, height: 844 });
    try {
      await s.page.goto(`${baseUrl()}/register`);
      await s.page.getByLabel("姓名").fill("韩小梅");
      await s.page.getByLabel("手机号").fill("1381234");
      await s.page.getByLabel("保洁").check();
      await s.page.getByRole("button", { name: "提交预登记" }).click();
      await expect.poll(() => s.page.getByText("手机号格式不正确（应为11位，以1开头）").count()).toBe(1);
      await expect.poll(() => s.page.getByText("请阅读并同意个人信息处理规则").count()).toBe(1);
      expect(await s.page.getByLabel("姓名").inputValue()).toBe("韩小梅");
      await shot(s.page, "22-register-phone-error");
      await s.page.getByLabel("手机号").fill("13812345671");
      await s.page.getByLabel("我已阅读并同意上述规则").check();
      await s.page.getByRole("button", { name: "提交预登记" }).click();
      await expect.poll(() => s.page.getByTestId("prereg-ref").count()).toBe(1);
      await shot(s.page, "23-register-phone-done");
    } finally {
      await s.close();
    }
    const staff = await openPage(shared.browser);
    try {
      await login(staff.page, "business");
      await staff.page.goto(`${baseUrl()}/workers/pending`);
      await expect.poll(() => staff.page.getByText("韩小梅").count()).toBe(1);
      expect(await staff.page.getByText("138****5671").count()).toBe(1);
      await shot(staff.page, "24-pending");
      // the counter checks the ID card and completes the archive; the phone left online is kept
      await staff.page.getByTestId("complete-韩小梅").click();
      expect(await staff.page.getByTestId("name").inputValue()).toBe("韩小梅");
      await staff.page.getByTestId("id-number").fill(freshResidentId("1982-08-15", "244"));
      await staff.page.getByTestId("consent").check();
      await staff.page.getByTestId("submit-register").click();
      await expect.poll(() => staff.page.getByTestId("new-worker-no").count()).toBe(1);
      await staff.page.goto(`${baseUrl()}/workers/pending`);
      await expect.poll(() => staff.page.getByText("没有待完成的预登记").count()).toBe(1);
    } finally {
      await staff.close();
    }
  });
});
