import { describe, expect, inject, it } from "vitest";
import { hasChromium, loggedIn, shot } from "./browser.ts";
import { freshResidentId, XSS_NAME } from "./fixture.ts";

describe.runIf(hasChromium)("counter registration and the worker archive", () => {
  const s = loggedIn("business");

  it("shows the role's navigation after login", async () => {
    const nav = s.page.locator(".ant-layout-sider");
    await expect.poll(() => nav.getByText("窗口登记").count()).toBe(1);
    // business staff do not administer accounts
    expect(await nav.getByText("人员账号").count()).toBe(0);
    await shot(s.page, "01-home");
  });

  it("fills birth date, gender and age live and flags a wrong check character at once", async () => {
    const { page } = s;
    await page.locator(".ant-layout-sider").getByRole("link", { name: "窗口登记" }).click();
    const id = freshResidentId("1985-03-07", "123");
    const wrong = id.slice(0, 17) + (id.endsWith("0") ? "1" : "0");
    const field = page.getByTestId("id-number");
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill(wrong);
    await expect.poll(() => page.getByText(/校验位不正确/).count()).toBeGreaterThan(0);
    await field.fill(id);
    const preview = page.getByTestId("id-preview");
    await expect.poll(() => preview.textContent()).toContain("1985-03-07");
    expect(await preview.textContent()).toContain("男");
  });

  it("refuses bad input with a Chinese message naming the field, keeps what was typed, saves nothing", async () => {
    const { page } = s;
    await page.goto(`${inject("baseUrl")}/workers/new`);
    const id = freshResidentId("1990-11-20", "246");
    await page.getByTestId("id-number").fill(id);
    await page.getByTestId("name").fill("王测试");
    await page.getByTestId("phone").fill("12345");
    await page.getByTestId("consent").check();
    await page.getByTestId("submit-register").click();
    await expect.poll(() => page.getByText("手机号格式不正确（应为11位，以1开头）").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("name").inputValue()).toBe("王测试");
    expect(await page.getByTestId("id-number").inputValue()).toBe(id);
    await shot(page, "03-register-error");
    // nothing was saved: searching for the number finds nobody
    await page.goto(`${inject("baseUrl")}/workers`);
    await page.getByTestId("worker-search").locator("input").fill(id);
    await page.getByTestId("worker-search").locator("input").press("Enter");
    await expect.poll(() => page.getByText(/没有找到/).count()).toBe(1);
  });

  it("registers a worker and shows the new worker number and the initial grade with reasons", async () => {
    const { page } = s;
    await page.goto(`${inject("baseUrl")}/workers/new`);
    const id = freshResidentId("1978-05-12", "135");
    await page.getByTestId("id-number").fill(id);
    await page.getByTestId("name").fill("赵建国");
    await page.getByTestId("phone").fill("13912345678");
    await page.getByLabel("工种", { exact: true }).click();
    await page.keyboard.type("砌筑");
    await page.keyboard.press("Enter");
    await page.getByLabel("从业年限").fill("12");
    await expect.poll(() => page.getByTestId("proposed-grade").textContent()).toContain("申报工作经历 12 年");
    await page.getByTestId("consent").check();
    await shot(page, "02-register");
    await page.getByTestId("submit-register").click();
    const no = page.getByTestId("new-worker-no");
    await expect.poll(() => no.count(), { timeout: 15_000 }).toBe(1);
    expect(await no.textContent()).toMatch(/[A-Z]+\d+/);
    await shot(page, "04-registered");
    await page.getByRole("button", { name: "查看档案" }).click();
    await expect.poll(() => page.getByTestId("archive-name").textContent()).toBe("赵建国");
    const masked = await page.getByTestId("archive-id").textContent();
    expect(masked).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    await shot(page, "05-archive");
  });

  it("reveals the full ID number only with a reason", async () => {
    const { page } = s;
    await page.getByTestId("reveal-id").click();
    await page.getByRole("button", { name: "查 看" }).or(page.getByRole("button", { name: "查看" })).last().click();
    await expect.poll(() => page.getByText("请填写查看原因").count()).toBe(1);
    await page.getByLabel("查看原因").fill("核对社保信息");
    await page.getByLabel("查看原因").press("Enter");
    await expect.poll(async () => (await page.getByTestId("archive-id").textContent())?.includes("*")).toBe(false);
  });

  it("updates the archive with a reason and keeps the change in its history", async () => {
    const { page } = s;
    await page.getByTestId("edit-worker").click();
    await page.getByLabel("暂住地址").fill("龙港镇西街18号");
    await page.getByTestId("save-worker").click();
    await expect.poll(() => page.getByText("请填写变更原因").count()).toBe(1);
    await page.getByTestId("change-reason").fill("本人来窗口更新住址");
    await page.getByTestId("save-worker").click();
    await expect.poll(() => page.locator(".archive-card").textContent()).toContain("龙港镇西街18号");
    await page.getByRole("tab", { name: "变更记录" }).click();
    await expect.poll(() => page.getByText("本人来窗口更新住址").count()).toBe(1);
    await shot(page, "05b-archive-history");
  });

  it("prints the archive card without the navigation", async () => {
    const { page } = s;
    await page.emulateMedia({ media: "print" });
    try {
      expect(await page.locator(".ant-layout-sider").isVisible()).toBe(false);
      expect(await page.getByText("零工档案卡").isVisible()).toBe(true);
      // the number revealed on screen is printed masked
      expect(await page.getByTestId("archive-id").isVisible()).toBe(false);
      expect(await page.locator(".archive-card").innerText()).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
      await shot(page, "05c-archive-print");
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("shows a worker named like an HTML tag as literal text in the list", async () => {
    const { page } = s;
    await page.goto(`${inject("baseUrl")}/workers`);
    await expect.poll(() => page.getByText(XSS_NAME, { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator("img[src='x']").count()).toBe(0);
    expect(s.dialogs).toEqual([]);
    await shot(page, "06-worker-list");
  });

  it("switches the interface to English and back, and logs out", async () => {
    const { page } = s;
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator(".ant-layout-sider").getByText("Register worker").count()).toBe(1);
    await shot(page, "15-english");
    await page.getByRole("button", { name: "中文" }).click();
    await expect.poll(() => page.locator(".ant-layout-sider").getByText("窗口登记").count()).toBe(1);
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login/);
    // the session is gone: a staff page sends us back to the login
    await page.goto(`${inject("baseUrl")}/workers`);
    await page.waitForURL(/\/login/);
  });
});
