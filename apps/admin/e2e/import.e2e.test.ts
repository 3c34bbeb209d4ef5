import writeXlsxFile from "write-excel-file/node";
import { describe, expect, it } from "vitest";
import { baseUrl, hasChromium, loggedIn, shot } from "./browser.ts";
import { freshResidentId } from "./fixture.ts";

const HEAD = ["姓名", "身份证号", "手机号", "工种", "技术等级", "从业年限", "乡镇"];

async function sheet(rows: (string | number)[][]): Promise<Buffer> {
  return writeXlsxFile([HEAD, ...rows].map((r) => r.map((value) => ({ value })))).toBuffer();
}

describe.runIf(hasChromium)("import of worker archives from Excel", () => {
  const s = loggedIn("business");
  const good = freshResidentId("1975-02-03", "311");
  const good2 = freshResidentId("1988-09-30", "422");

  it("previews the sheet and reports each bad cell by row and column, importing nothing", async () => {
    const { page } = s;
    const bad = good2.slice(0, 17) + (good2.endsWith("0") ? "1" : "0");
    const buffer = await sheet([
      ["郭大山", good, "13700001111", "砌筑工", "四级/中级工", 10, "龙港镇"],
      ["白小川", bad, "12345", "砌筑工", "", 2, ""],
    ]);
    await page.goto(`${baseUrl()}/workers/import`);
    await page.getByTestId("import-file").setInputFiles({ name: "档案.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
    await expect.poll(() => page.getByText(/错误 2 处/).count()).toBe(1);
    expect(await page.getByText(/校验位不正确/).count()).toBe(1);
    expect(await page.getByText("手机号格式不正确（应为11位，以1开头）").count()).toBe(1);
    expect(await page.getByText("可导入 1 行").count()).toBeGreaterThan(0);
    // with errors the import button stays disabled: nothing half-imported
    expect(await page.getByRole("button", { name: /全部导入/ }).isDisabled()).toBe(true);
    await shot(page, "19-import-errors");
  });

  it("imports a clean sheet in one call and the workers are in the archive", async () => {
    const { page } = s;
    const buffer = await sheet([
      ["郭大山", good, "13700001111", "砌筑工", "四级/中级工", 10, "龙港镇"],
      ["白小川", good2, "13700002222", "小工/力工", "", 2, ""],
    ]);
    await page.getByTestId("import-file").setInputFiles({ name: "档案.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
    await expect.poll(() => page.getByText(/可导入 2 行/).count()).toBeGreaterThan(0);
    await page.getByTestId("import-consent").check();
    await page.getByRole("button", { name: /全部导入/ }).click();
    await expect.poll(() => page.getByText("已导入 2 名零工").count()).toBe(1);
    await page.goto(`${baseUrl()}/workers`);
    await page.getByTestId("worker-search").locator("input").fill("郭大山");
    await page.getByTestId("worker-search").locator("input").press("Enter");
    await expect.poll(() => page.locator(".ant-table-row").filter({ hasText: "郭大山" }).count()).toBe(1);
  });
});
