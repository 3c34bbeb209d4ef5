import { describe, expect, inject, it } from "vitest";
import { makeWorker, rng } from "../../../packages/api/src/seed/factories.ts";
import { baseUrl, hasChromium, loggedIn, shot } from "./browser.ts";
import { call } from "./trpc-call.ts";

/** Masked as the API masks a phone: the first three and last four digits kept. */
const maskPhone = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;

describe.runIf(hasChromium)("header quick-find", () => {
  const s = loggedIn("business");
  const fixture = inject("fixture");
  // A worker of this file's own, so the name and phone typed are known and match nobody else.
  const input = { ...makeWorker(rng("quick-find-e2e"), { townshipId: fixture.townships[1]?.id ?? fixture.townships[0]?.id }), name: "欧阳快查" };
  let worker = { id: "", workerNo: "" };
  /** Every URL the page requested: a typed ID number or phone must never be in one. */
  const urls: { method: string; url: string }[] = [];

  const box = () => s.page.getByTestId("global-search");
  const options = () => s.page.locator(".ant-select-dropdown:visible .ant-select-item-option");

  it("focuses the box with / from anywhere but a field", async () => {
    const { page } = s;
    page.on("request", (r) => urls.push({ method: r.method(), url: r.url() }));
    const res = await call<{ worker: { id: string; workerNo: string } }>(page, "workers.register", input);
    worker = { id: res.worker.id, workerNo: res.worker.workerNo };
    await page.goto(`${baseUrl()}/today`);
    await page.locator(".ant-layout-content").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    await expect.poll(() => box().evaluate((el) => el === document.activeElement)).toBe(true);
    // the "/" opened the box, it was not typed into it
    expect(await box().inputValue()).toBe("");
  });

  it("shows nothing for one character and the worker with context for part of the name; ↓ + Enter opens the archive", async () => {
    const { page } = s;
    await page.keyboard.type("欧");
    await page.waitForTimeout(600);
    expect(await options().count()).toBe(0);
    await page.keyboard.type("阳快");
    const item = page.locator(".ant-select-dropdown:visible").getByTestId("quick-find-worker");
    await expect.poll(() => item.count()).toBe(1);
    const text = (await item.textContent()) ?? "";
    expect(text).toContain("欧阳快查");
    expect(text).toContain(worker.workerNo);
    expect(text).toContain(maskPhone(input.phone));
    expect(text).toContain(`${input.idNumber.slice(0, 6)}********${input.idNumber.slice(-4)}`);
    expect(text).not.toContain(input.phone);
    expect(text).not.toContain(input.idNumber);
    const town = fixture.townships.find((t) => t.id === input.townshipId)?.name ?? "";
    expect(town).not.toBe("");
    await expect.poll(async () => (await item.textContent()) ?? "").toContain(town);
    expect(text).toContain("正常");
    await shot(page, "qf-01-name");
    // nothing is highlighted until the arrow key moves onto the first row
    expect(await page.locator(".ant-select-dropdown:visible .ant-select-item-option-active").count()).toBe(0);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.locator(".ant-select-item-option-active").getByTestId("quick-find-worker").count()).toBe(1);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/workers/${worker.id}$`));
    await expect.poll(() => page.getByTestId("archive-name").textContent()).toBe("欧阳快查");
    // the box is cleared for the next person
    expect(await box().inputValue()).toBe("");
  });

  it("finds the worker by the full phone number, sent by POST only, never in a URL", async () => {
    const { page } = s;
    await box().click();
    await page.keyboard.type(input.phone);
    const item = page.locator(".ant-select-dropdown:visible").getByTestId("quick-find-worker");
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain(worker.workerNo);
    await shot(page, "qf-02-phone");
    const searches = urls.filter((u) => u.url.includes("workers.search"));
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.every((u) => u.method === "POST")).toBe(true);
    for (const u of urls) {
      expect(u.url).not.toContain(input.phone);
      expect(u.url).not.toContain(input.idNumber);
    }
  });

  it("closes with Esc and keeps the text", async () => {
    const { page } = s;
    await expect.poll(() => options().count()).toBeGreaterThan(0);
    await page.keyboard.press("Escape");
    await expect.poll(() => options().count()).toBe(0);
    expect(await box().inputValue()).toBe(input.phone);
  });

  it("opens the full worker list for the text on Enter with no row highlighted", async () => {
    const { page } = s;
    await box().fill("");
    await box().click();
    await page.keyboard.type(input.idNumber);
    await expect.poll(() => page.locator(".ant-select-dropdown:visible").getByTestId("quick-find-worker").count()).toBe(1);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/workers");
    expect(await page.getByTestId("worker-search").locator("input").inputValue()).toBe(input.idNumber);
    const rows = page.locator(".ant-table-row");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(worker.workerNo);
    for (const u of urls) expect(u.url).not.toContain(input.idNumber);
  });

  it("finds employers too and opens the employer's page", async () => {
    const { page } = s;
    await box().click();
    await page.keyboard.type("鑫源建筑");
    const item = page.locator(".ant-select-dropdown:visible").getByTestId("quick-find-employer");
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain(fixture.employer.name);
    await shot(page, "qf-03-employer");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/employers/${fixture.employer.id}$`));
    expect(s.errors).toEqual([]);
    expect(s.dialogs).toEqual([]);
  });

  it("says so when nothing matches, and / typed in a page's field stays in that field", async () => {
    const { page } = s;
    await box().click();
    await page.keyboard.type("查无此人zz");
    await expect.poll(() => page.locator(".ant-select-dropdown:visible").getByTestId("quick-find-status").textContent()).toBe("没有匹配的零工或用工方");
    await shot(page, "qf-04-none");
    await page.keyboard.press("Escape");
    await page.goto(`${baseUrl()}/workers`);
    const field = page.getByTestId("worker-search").locator("input");
    await field.click();
    await page.keyboard.type("a/b");
    expect(await field.inputValue()).toBe("a/b");
    expect(await box().inputValue()).toBe("");
  });
  it("speaks English when the interface does", async () => {
    const { page } = s;
    await page.getByRole("button", { name: "English" }).click();
    await box().click();
    await page.keyboard.type("欧阳快");
    const popup = page.locator(".ant-select-dropdown:visible");
    await expect.poll(() => popup.getByTestId("quick-find-worker").count()).toBe(1);
    expect(await popup.textContent()).toContain("Workers");
    expect(await popup.getByTestId("quick-find-worker").textContent()).toContain("Active");
    expect(await popup.getByTestId("quick-find-all").textContent()).toBe("See all results for “欧阳快” in the worker list");
    await shot(page, "qf-05-english");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "中文" }).click();
    await expect.poll(() => box().getAttribute("placeholder")).toContain("姓名");
  });
});
