import { describe, expect, inject, it } from "vitest";
import { hasChromium, loggedIn, shot } from "./browser.ts";
import { pickWorker } from "./ops-helpers.ts";

describe.runIf(hasChromium)("complaint (R10) from intake to resolution", () => {
  const s = loggedIn("rights");
  const fixture = inject("fixture");

  it("refuses an intake without parties, naming the fields, and keeps what was typed", async () => {
    const { page } = s;
    await page.goto(`${inject("baseUrl")}/complaints`);
    await expect.poll(() => page.getByText("没有投诉案件").count(), { timeout: 10_000 }).toBe(1);
    await shot(page, "complaints-empty");
    await page.getByRole("tab", { name: "登记投诉" }).click();
    await page.getByTestId("complaint-description").fill("5月1日至5月10日在龙港镇工地砌墙10天，工资2500元至今未付。");
    await page.getByTestId("complaint-submit").click();
    await expect.poll(() => page.getByText("请选择零工").count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText("请选择用工方").count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText("请选择投诉类别").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId("complaint-description").inputValue()).toContain("工资2500元");
  });

  it("files a wage-arrears complaint of a worker against an employer", async () => {
    const { page } = s;
    const worker = fixture.workers[2]!;
    await pickWorker(page, "complaint-worker", worker.workerNo);
    const emp = page.getByTestId("complaint-employer").locator("input");
    await emp.click();
    await emp.fill("鑫源");
    await expect.poll(() => page.locator(".ant-select-item-option").filter({ hasText: fixture.employer.name }).count(), { timeout: 10_000 }).toBe(1);
    await page.keyboard.press("Enter");
    await page.getByTestId("complaint-category").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "拖欠工资" }).click();
    await shot(page, "complaints-intake");
    await page.getByTestId("complaint-submit").click();
    const detail = page.getByTestId("complaint-detail");
    await expect.poll(() => detail.count(), { timeout: 10_000 }).toBe(1);
    expect(await detail.textContent()).toContain("待受理");
    expect(await detail.textContent()).toContain(fixture.employer.name);
    expect(await detail.textContent()).toContain(worker.name);
  });

  it("accepts, records mediation and resolves it as upheld, keeping the notes", async () => {
    const { page } = s;
    const detail = page.getByTestId("complaint-detail");
    await page.getByTestId("complaint-accept").click();
    await expect.poll(() => detail.textContent(), { timeout: 10_000 }).toContain("已受理");
    // an empty note is refused with the field named
    await page.getByTestId("complaint-act").click();
    await expect.poll(() => page.getByText("请填写调解情况").count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId("complaint-body").fill("电话联系用工方李经理，承认拖欠，约定5月20日前结清。");
    await page.getByTestId("complaint-body").press("Control+Enter");
    await expect.poll(() => detail.textContent(), { timeout: 10_000 }).toContain("调解中");
    expect(await detail.textContent()).toContain("约定5月20日前结清");
    await shot(page, "complaints-mediation");
    await detail.locator("label.ant-radio-button-wrapper").filter({ hasText: /^办结$/ }).click();
    await page.getByTestId("complaint-upheld").locator("label").filter({ hasText: /^成立$/ }).click();
    await page.getByTestId("complaint-body").fill("用工方已当面支付2500元，零工确认收款。");
    await page.getByTestId("complaint-act").click();
    await expect.poll(() => detail.textContent(), { timeout: 10_000 }).toContain("已办结");
    expect(await detail.textContent()).toContain("投诉成立");
    expect(await detail.textContent()).toContain("用工方已当面支付2500元");
    expect(await detail.textContent()).toContain("约定5月20日前结清");
    await shot(page, "complaints-resolved");
  });

  it("lists the case as closed and exports nothing broken", async () => {
    const { page } = s;
    await page.keyboard.press("Escape");
    await page.locator("label.ant-radio-button-wrapper").filter({ hasText: "已结案" }).click();
    const row = page.getByTestId("complaint-list").locator(".ant-table-row");
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.textContent()).toContain("已办结");
    await shot(page, "complaints-list");
    expect(s.errors).toEqual([]);
  });
});
