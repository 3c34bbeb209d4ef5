import { addDays, shanghaiDate } from "@lingong/core";
import type { Page, Response } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { makeWorker, rng } from "../../../packages/api/src/seed/factories.ts";
import { baseUrl, hasChromium, loggedIn, openPage, shot } from "./browser.ts";
import { call } from "./trpc-call.ts";

const T = { timeout: 15_000 };
const today = shanghaiDate(new Date());
/** A fresh suffix so names are unique even when the file runs twice against one server. */
const tag = Math.random().toString(36).slice(2, 7);

/** The `data` of procedure `path` in a (batched) tRPC response. */
async function dataOf<T>(res: Response, path: string): Promise<T> {
  const names = decodeURIComponent(new URL(res.url()).pathname.replace(/^\/trpc\//, "")).split(",");
  const body = (await res.json()) as { result?: { data: unknown } }[] | { result?: { data: unknown } };
  const part = Array.isArray(body) ? body[names.indexOf(path)] : body;
  if (!part?.result) throw new Error(`${path}: no result in the response`);
  return part.result.data as T;
}

const answered = (page: Page, path: string) => page.waitForResponse((r) => r.url().includes(path) && r.request().method() === "POST", T);

describe.runIf(hasChromium)("negotiation room booked from an order's shortlist (R5)", () => {
  const s = loggedIn("head");
  const fixture = inject("fixture");
  // Tomorrow, unless that is next year (the picker's MM-DD would be read as this year).
  const day = addDays(today, 1).slice(0, 4) === today.slice(0, 4) ? addDays(today, 1) : today;
  const rooms = { small: { id: "", name: `洽谈室小-${tag}` }, fits: { id: "", name: `洽谈室甲-${tag}` } };
  let orderId = "";

  /** The booking control in the shortlist card's header. */
  const booking = (page: Page) => page.locator(".ant-card-extra").filter({ hasText: /需 \d+ 座/ });

  async function pickRoomAndSlot(page: Page, roomName: string, from: string, to: string) {
    await booking(page).locator(".ant-select").click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: roomName }).click();
    const [start, end] = [booking(page).locator(".ant-picker-input input").first(), booking(page).locator(".ant-picker-input input").last()];
    await start.click();
    await start.fill(`${day.slice(5)} ${from}`);
    await start.press("Enter");
    await end.fill(`${day.slice(5)} ${to}`);
    await end.press("Enter");
    await expect.poll(() => end.inputValue()).toBe(`${day.slice(5)} ${to}`);
  }

  it("shortlists two candidates of a new order and offers only rooms that seat them and the employer", async () => {
    const { page } = s;
    rooms.small.id = (await call<{ id: string }>(page, "matching.roomCreate", { name: rooms.small.name, capacity: 2 })).id;
    rooms.fits.id = (await call<{ id: string }>(page, "matching.roomCreate", { name: rooms.fits.name, capacity: 3 })).id;
    const created = await call<{ order: { id: string } }>(page, "orders.create", {
      employerId: fixture.employer.id,
      tradeCode: "bricklayer",
      skillGrade: "L5",
      minStars: 0,
      headcount: 2,
      startDate: day,
      endDate: day,
      place: "龙港镇洽谈测试工地",
      wageFen: 30000,
      wageUnit: "day",
      requirements: "",
      certificates: [],
      publish: true,
    });
    orderId = created.order.id;
    await page.goto(`${baseUrl()}/orders/${orderId}`);
    await page.getByTestId("recommend").click();
    await expect.poll(() => page.getByText("已选 2 人").count(), T).toBe(1);
    await page.getByTestId("shortlist-add").click();
    await expect.poll(() => page.getByText("候选名单（2 人）", { exact: true }).count(), T).toBe(1);
    // two workers and the employer: three seats
    await expect.poll(() => booking(page).textContent(), T).toContain("需 3 座");
    await booking(page).locator(".ant-select").click();
    const option = (name: string) => page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: name });
    await expect.poll(() => option(rooms.fits.name).count(), T).toBe(1);
    expect(await option(rooms.small.name).getAttribute("aria-disabled")).toBe("true");
    expect(await option(rooms.fits.name).getAttribute("aria-disabled")).not.toBe("true");
    await shot(page, "rooms-01-options");
    await page.keyboard.press("Escape");
  });

  it("books the room for the slot and shows the booking", async () => {
    const { page } = s;
    await pickRoomAndSlot(page, rooms.fits.name, "10:00", "11:00");
    await booking(page).getByRole("button", { name: /预\s*约/ }).click();
    await expect.poll(() => page.getByText("已预约洽谈室").count(), T).toBe(1);
    const shown = page.locator(".ant-card-extra .ant-tag").filter({ hasText: rooms.fits.name });
    await expect.poll(() => shown.count(), T).toBe(1);
    expect(await shown.textContent()).toBe(`洽谈室：${rooms.fits.name} ${day.slice(5)} 10:00–11:00`);
    await shot(page, "rooms-02-booked");
    const list = await call<{ roomId: string; orderId: string; partySize: number; startsAt: string; endsAt: string }[]>(page, "matching.bookings", {
      from: `${day}T00:00:00+08:00`,
      to: `${day}T23:59:00+08:00`,
    });
    const mine = list.filter((b) => b.roomId === rooms.fits.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ orderId, partySize: 3 });
    expect(new Date(mine[0]!.startsAt).toISOString()).toBe(new Date(`${day}T10:00:00+08:00`).toISOString());
    expect(new Date(mine[0]!.endsAt).toISOString()).toBe(new Date(`${day}T11:00:00+08:00`).toISOString());
  });

  it("lists the order's booking after a reload, refuses an overlapping one in Chinese and keeps the first", async () => {
    const { page } = s;
    await page.reload();
    await expect.poll(() => booking(page).count(), T).toBe(1);
    const shown = page.locator(".ant-card-extra .ant-tag").filter({ hasText: rooms.fits.name });
    await expect.poll(() => shown.count(), T).toBe(1);
    expect(await shown.textContent()).toBe(`洽谈室：${rooms.fits.name} ${day.slice(5)} 10:00–11:00`);
    await pickRoomAndSlot(page, rooms.fits.name, "10:30", "11:30");
    await booking(page).getByRole("button", { name: /预\s*约/ }).click();
    await expect.poll(() => page.locator(".ant-message").textContent(), T).toContain("该洽谈室在此时间段已被预约");
    // still only the first booking listed; the control stays for another slot or room
    expect(await shown.count()).toBe(1);
    await shot(page, "rooms-03-overlap");
    const list = await call<{ roomId: string; startsAt: string }[]>(page, "matching.bookings", { from: `${day}T00:00:00+08:00`, to: `${day}T23:59:00+08:00` });
    expect(list.filter((b) => b.roomId === rooms.fits.id).map((b) => new Date(b.startsAt).toISOString())).toEqual([new Date(`${day}T10:00:00+08:00`).toISOString()]);
    expect(s.errors).toEqual([]);
  });
});

describe.runIf(hasChromium)("excellent-worker leaderboard (R4) on the publicity screen and the phone job page", () => {
  const s = loggedIn("head");
  const fixture = inject("fixture");
  const r = rng(`leaderboard-e2e-${tag}`);
  // Painters only, so no other browser test's bricklayer or labourer order ranks them.
  const people = [
    { key: "steady", name: "司马一鸣", jobs: 6, satisfied: 6, consent: true },
    { key: "mixed", name: "上官文静", jobs: 6, satisfied: 4, consent: true },
    { key: "private", name: "东方明亮", jobs: 7, satisfied: 7, consent: false },
  ].map((p) => ({ ...p, id: "", workerNo: "" }));

  it("records completed, followed-up jobs for three painters, two of whom consent to public display", async () => {
    const { page } = s;
    const order = await call<{ order: { id: string } }>(page, "orders.create", {
      employerId: fixture.employer.id,
      tradeCode: "painter",
      skillGrade: "L5",
      minStars: 0,
      // filled by the jobs below, so the order leaves the public job list once they are recorded
      headcount: people.reduce((n, p) => n + p.jobs, 0),
      startDate: today,
      endDate: today,
      place: "城关镇排行测试工地",
      wageFen: 30000,
      wageUnit: "day",
      requirements: "",
      certificates: [],
      publish: true,
    });
    const before = Date.now() - 5_000;
    for (const p of people) {
      const input = { ...makeWorker(r, { townshipId: fixture.townships[0]?.id }), name: p.name, trades: [{ code: "painter", skillGrade: "L4", certificates: [] }] };
      const reg = await call<{ worker: { id: string; workerNo: string } }>(page, "workers.register", input);
      p.id = reg.worker.id;
      p.workerNo = reg.worker.workerNo;
      for (let i = 0; i < p.jobs; i++) {
        // One worker's jobs may not overlap, must lie in today and must have started before the
        // follow-up (visited now): back-to-back ten-second slots ending a little before now.
        const end = before - i * 10_000;
        const d = await call<{ dispatch: { id: string } }>(page, "dispatches.create", { orderId: order.order.id, workerId: p.id, startsAt: new Date(end - 10_000).toISOString(), endsAt: new Date(end).toISOString() });
        await call(page, "dispatches.complete", { dispatchId: d.dispatch.id });
        await call(page, "followups.record", { dispatchId: d.dispatch.id, channel: "phone", attitude: 5, quality: i < p.satisfied ? 5 : 2, satisfied: i < p.satisfied });
      }
      if (p.consent) await call(page, "publicity.honourAdd", { workerId: p.id, title: "本月优秀零工", periodStart: today, periodEnd: addDays(today, 30), workerConsent: true });
    }
  });

  it("lists the ranking on the publicity screen in the API's order", async () => {
    const { page } = s;
    await page.goto(`${baseUrl()}/publicity`);
    const res = answered(page, "publicity.leaderboard");
    await page.getByRole("tab", { name: "优秀零工排行" }).click();
    const api = await dataOf<{ entries: { rank: number; workerNo: string; name: string; publicConsent: boolean }[] }>(await res, "publicity.leaderboard");
    // 7 of 7 ranks above 6 of 6 (a higher lower bound), 4 of 6 last; consent does not change staff ranks
    const ours = api.entries.filter((e) => people.some((p) => p.workerNo === e.workerNo));
    expect(ours.map((e) => [e.name, e.publicConsent])).toEqual([
      ["东方明亮", false],
      ["司马一鸣", true],
      ["上官文静", true],
    ]);
    const rows = page.getByTestId("leaderboard-list").locator(".ant-table-row");
    await expect.poll(() => rows.count(), T).toBe(Math.min(api.entries.length, 20));
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector("td")?.textContent ?? "", tr.querySelector(".mono")?.textContent ?? ""]));
    expect(shown).toEqual(api.entries.slice(0, 20).map((e) => [String(e.rank), e.workerNo]));
    await shot(page, "leaderboard-01-staff");
  });

  it("shows only consenting workers on /jobs, by masked name, in the API's order", async () => {
    const phone = await openPage(s.browser, { width: 390, height: 844 });
    try {
      const { page } = phone;
      const res = answered(page, "board.leaderboard");
      await page.goto(`${baseUrl()}/jobs`);
      const api = await dataOf<{ entries: { rank: number; maskedName: string }[] }>(await res, "board.leaderboard");
      const names = api.entries.map((e) => e.maskedName);
      expect(names.filter((n) => ["司马**", "上官**", "东方**"].includes(n))).toEqual(["司马**", "上官**"]);
      const items = page.getByTestId("leader-item");
      await expect.poll(() => items.count(), T).toBe(api.entries.length);
      const shown = await items.evaluateAll((lis) => lis.map((li) => [li.querySelector(".jobs-leaders-rank")?.textContent ?? "", li.querySelector(".jobs-leaders-name")?.textContent ?? ""]));
      expect(shown).toEqual(api.entries.map((e) => [String(e.rank), e.maskedName]));
      // every name on the panel is a masked one, and no full name, worker number or phone is on the page
      // the surname (one or two characters), then only asterisks
      for (const [, name] of shown) expect(name).toMatch(/^[^*]{1,2}\*+$/);
      const text = (await page.getByTestId("leaderboard-panel").textContent()) ?? "";
      for (const p of people) {
        expect(text).not.toContain(p.name);
        expect(text).not.toContain(p.workerNo);
      }
      expect(text).not.toMatch(/1[3-9]\d{9}/);
      await page.getByTestId("leaderboard-panel").scrollIntoViewIfNeeded();
      await shot(page, "leaderboard-02-jobs-phone");
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
