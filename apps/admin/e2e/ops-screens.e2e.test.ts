import { describe, expect, inject, it } from "vitest";
import { hasChromium, loggedIn, shot } from "./browser.ts";
import { pickWorker } from "./ops-helpers.ts";

const T = { timeout: 10_000 };

describe.runIf(hasChromium)("hall and office screens as the market head", () => {
  const s = loggedIn("head");
  const fixture = inject("fixture");

  it("records an expense with its voucher and shows it in the monthly reimbursement report", async () => {
    const { page } = s;
    await page.goto(`${inject("baseUrl")}/costs`);
    await expect.poll(() => page.getByText(/还没有登记费用/).count(), T).toBe(1);
    await page.getByTestId("cost-submit").click();
    await expect.poll(() => page.getByText("请填写凭证号").count(), T).toBe(1);
    await expect.poll(() => page.getByText("请选择类别").count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId("cost-category").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "水电物业" }).click();
    await page.getByLabel("金额").fill("1234.5");
    await page.getByLabel("凭证号").fill("记-2024-031");
    await page.getByLabel("凭证号").press("Enter");
    await expect.poll(() => page.getByTestId("ledger-total").textContent(), T).toBe("¥1234.50");
    await shot(page, "costs-ledger");
    await page.getByRole("tab", { name: "月度报销报表" }).click();
    await expect.poll(() => page.getByTestId("report-total").textContent(), T).toBe("¥1234.50");
    expect(await page.getByTestId("cost-report").textContent()).toContain("记-2024-031");
    await shot(page, "costs-report");
  });

  it("proposes a sanction and shows the ladder step and the rule that fired, then approves it", async () => {
    const { page } = s;
    const worker = fixture.workers[3]!;
    await page.goto(`${inject("baseUrl")}/sanctions`);
    await pickWorker(page, "sanction-worker", worker.workerNo);
    await page.getByTestId("sanction-offence").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "无故爽约" }).click();
    await page.getByTestId("propose-submit").click();
    await expect.poll(() => page.getByTestId("rule-fired").count(), T).toBe(1);
    expect(await page.getByTestId("rule-fired").textContent()).toContain("首次违规");
    expect(await page.getByTestId("proposal-result").textContent()).toContain("内部通报批评");
    await shot(page, "sanctions-proposal");
    await page.getByRole("tab", { name: "处分记录与申诉" }).click();
    const row = page.getByTestId("sanction-list").locator(".ant-table-row").filter({ hasText: worker.workerNo });
    await expect.poll(() => row.count(), T).toBe(1);
    await row.getByRole("button", { name: /审\s*批/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: /提\s*交/ }).click();
    await expect.poll(() => row.textContent(), T).toContain("已生效");
    await shot(page, "sanctions-list");
    await page.getByRole("tab", { name: "奖励" }).click();
    await expect.poll(() => page.getByText("还没有授予奖励").count(), T).toBe(1);
    await shot(page, "sanctions-rewards");
  });

  it("shows the reading room and the services log", async () => {
    const { page } = s;
    await page.goto(`${inject("baseUrl")}/books`);
    await page.getByRole("tab", { name: "图书目录" }).click();
    await page.getByLabel("书名").fill("建筑施工安全知识读本");
    await page.getByLabel("书名").press("Enter");
    await expect.poll(() => page.getByRole("tabpanel").locator(".ant-table-row").count(), T).toBe(1);
    await page.getByRole("tab", { name: "借书与还书" }).click();
    await pickWorker(page, "book-worker", fixture.workers[1]!.workerNo);
    await page.getByRole("tabpanel").locator(".ant-select").nth(1).click();
    await page.locator(".ant-select-item-option").filter({ hasText: "建筑施工安全知识读本" }).click();
    await page.getByRole("button", { name: /借\s*出/ }).click();
    await expect.poll(() => page.getByText("借出中（1）").count(), T).toBe(1);
    await shot(page, "books");
    await page.goto(`${inject("baseUrl")}/services`);
    await page.getByRole("button", { name: /登\s*记/ }).click();
    await expect.poll(() => page.locator(".ant-table-row").count(), T).toBe(1);
    await shot(page, "services");
    expect(s.errors).toEqual([]);
  });
});
