import { addDays } from "@lingong/core";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { scrubPublic } from "../queries/board.ts";
import { today } from "../queries/hall-common.ts";
import { jobOrders } from "../schema/orders.ts";
import { exposureEntries } from "../schema/publicity.ts";
import { countRows, makeEmployer, makeOrder, makeWorker } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases } from "../test/harness.ts";

const NO_ID = "00000000-0000-4000-8000-000000000000";
const PHONE_OR_ID = /(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx]|\d{15})(?!\d)/;
const keysOf = (rows: object[]) => [...new Set(rows.flatMap((r) => Object.keys(r)))].sort();

describe("scrubPublic", () => {
  it("hides runs of seven or more digits, keeps short numbers", () => {
    expect(scrubPublic("联系 138-1234-5678 或 140521199001011234，需 3 人，250 元")).toBe("联系 *** 或 ***，需 3 人，250 元");
    expect(scrubPublic(null)).toBe("");
  });
});

describeOnBothDatabases("publicity and public board", ({ env }) => {
  it("public board procedures return only allow-listed fields and no phone or ID digits", async () => {
    const e = env();
    const emp = await makeEmployer(e, { name: "沁水县宏达建筑有限公司" });
    const order = await makeOrder(e, emp.id, { startDate: addDays(today(), -1), endDate: addDays(today(), 3), headcount: 5, trade: "bricklayer" });
    await e.db.update(jobOrders).set({ place: "城关村 联系人王经理 13812345678", requirements: "身份证 140521199001011234" }).where(eq(jobOrders.id, order.id));
    const w = await makeWorker(e, { name: "李秀英", stars: 5 });
    const policy = e.caller("policy");
    await policy.publicity.honourAdd({ workerId: w.id, title: "2026年度优秀零工", trade: "bricklayer", periodStart: addDays(today(), -5), periodEnd: addDays(today(), 60), workerConsent: true });
    const gone = await policy.publicity.honourAdd({ workerId: w.id, title: "撤下的荣誉", periodStart: today(), periodEnd: today(), workerConsent: true });
    await policy.publicity.honourWithdraw({ id: gone.id });
    const oldNote = await policy.publicity.announcementAdd({ title: "已撤下的通知", body: "x" });
    await policy.publicity.announcementWithdraw({ id: oldNote.id });
    await policy.publicity.announcementAdd({ title: "春节后开市通知", body: "正月初八开市，咨询电话 0356-1234567" });
    // Exposure of an employer rests on an upheld complaint.
    const rights = e.caller("rights");
    const c = await rights.complaints.file({ complainant: "worker", respondent: "employer", workerId: w.id, employerId: emp.id, category: "wage_arrears", description: "欠薪" });
    await rights.complaints.accept({ complaintId: c.id, assignedTo: e.users.rights.id });
    await rights.complaints.resolve({ complaintId: c.id, outcome: "恶意欠薪属实", upheld: true, employerEvent: "malicious_arrears" });
    await expect(
      e.caller("policy").publicity.exposureAdd({ subject: "employer", employerId: emp.id, complaintId: c.id, facts: "x", legalBasis: "y", periodStart: today(), periodEnd: today(), appealInfo: "z" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await e.caller("head").publicity.exposureAdd({
      subject: "employer",
      employerId: emp.id,
      complaintId: c.id,
      facts: "拖欠 5 名零工工资共 3750 元，经调解后仍拒不支付（负责人电话 13912345678）",
      legalBasis: "《保障农民工工资支付条例》第五十五条；国办发〔2020〕49号",
      periodStart: today(),
      periodEnd: addDays(today(), 90),
      appealInfo: "如有异议，可在公示期内向市场权益投诉岗提出申诉；整改后可申请信用修复",
    });

    const anon = e.anonymous({ marketId: null });
    const mc = { marketCode: "140521" };
    const orders = await anon.board.openOrders(mc);
    const needs = await anon.board.todayNeeds(mc);
    const honour = await anon.board.honourRoll(mc);
    const exposure = await anon.board.exposure(mc);
    const notes = await anon.board.announcements(mc);
    const one = await anon.board.jobsText({ ...mc, orderId: order.id });
    const all = await anon.board.jobsText(mc);

    expect(keysOf(orders)).toEqual(["endDate", "headcountLeft", "id", "minStars", "orderNo", "place", "startDate", "township", "trade", "wageFen", "wageUnit", "wageUnitLabel"]);
    expect(keysOf(needs)).toEqual(["headcountLeft", "orders", "trade", "wages"]);
    expect(keysOf(honour)).toEqual(["id", "maskedName", "stars", "title", "trade"]);
    expect(keysOf(exposure)).toEqual(["appealInfo", "facts", "id", "legalBasis", "name", "periodEnd", "periodStart", "subject"]);
    expect(keysOf(notes)).toEqual(["body", "id", "pinned", "publishedOn", "title"]);

    expect(orders.find((o) => o.id === order.id)).toMatchObject({ headcountLeft: 5, trade: { zh: "砌筑工" }, place: "城关村 联系人王经理 ***" });
    expect(needs.find((n) => n.trade.code === "bricklayer")?.headcountLeft).toBeGreaterThanOrEqual(5);
    expect(honour[0]).toMatchObject({ maskedName: "李**", stars: 5, title: "2026年度优秀零工" });
    expect(exposure[0]).toMatchObject({ name: "沁水县宏达建筑有限公司", legalBasis: expect.stringContaining("保障农民工工资支付条例") });
    expect(one.text).toContain("砌筑工");
    expect(one.text).toContain("¥250.00/");
    expect(all.count).toBeGreaterThanOrEqual(1);

    const everything = JSON.stringify({ orders, needs, honour, exposure, notes, one, all });
    expect(everything).not.toMatch(PHONE_OR_ID);
    expect(everything).not.toContain("李秀英");
    expect(everything).not.toContain("撤下");
    expect(everything).not.toContain("139****1234");
    expect(everything).not.toContain(e.market.id);

    await expect(anon.board.openOrders({ marketCode: "999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(anon.board.jobsText({ ...mc, orderId: NO_ID })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(anon.publicity.honourList()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("ends exposure early (credit repair) and hides it from the board; expired entries never show", async () => {
    const e = env();
    const w = await makeWorker(e, { name: "马大哈", stars: 2 });
    const s = await e.caller("rights").sanctions.propose({ workerId: w.id, offence: "malicious_work", occurredOn: today() });
    await e.caller("head").sanctions.approve({ sanctionId: s.sanction.id });
    const head = e.caller("head").publicity;
    const entry = await head.exposureAdd({
      subject: "worker",
      workerId: w.id,
      sanctionId: s.sanction.id,
      facts: "恶意施工，故意损坏雇主材料",
      legalBasis: "《沁水县零工市场运营方案》五.8",
      periodStart: today(),
      periodEnd: addDays(today(), 30),
      appealInfo: "可向市场负责人申诉",
    });
    const mc = { marketCode: "140521" };
    expect((await e.anonymous().board.exposure(mc)).find((x) => x.id === entry.id)).toMatchObject({ name: "马**", subject: "worker" });
    await head.exposureEnd({ id: entry.id, status: "repaired", reason: "已赔偿并完成整改，信用修复" });
    expect((await e.anonymous().board.exposure(mc)).map((x) => x.id)).not.toContain(entry.id);
    await expect(head.exposureEnd({ id: entry.id, status: "withdrawn", reason: "重复" })).rejects.toMatchObject({ code: "CONFLICT" });
    const old = await head.exposureAdd({ subject: "worker", workerId: w.id, sanctionId: s.sanction.id, facts: "旧事", legalBasis: "运营方案", periodStart: today(), periodEnd: today(), appealInfo: "可申诉" });
    expect((await e.anonymous().board.exposure(mc)).map((x) => x.id)).toContain(old.id);
    await e.db.update(exposureEntries).set({ periodStart: addDays(today(), -40), periodEnd: addDays(today(), -10) }).where(eq(exposureEntries.id, old.id));
    expect((await e.anonymous().board.exposure(mc)).map((x) => x.id)).not.toContain(old.id);
  });

  it("refuses bad input and wrong roles, leaving the database unchanged", async () => {
    const e = env();
    const w = await makeWorker(e);
    const emp = await makeEmployer(e);
    const p = e.caller("policy").publicity;
    const h = e.caller("head").publicity;
    const before = await countRows(e, ["honour_roll", "exposure_entries", "announcements"]);
    const exp = { subject: "worker" as const, workerId: w.id, facts: "事实", legalBasis: "依据", periodStart: today(), periodEnd: addDays(today(), 10), appealInfo: "申诉" };
    const cases: [() => Promise<unknown>, string][] = [
      [() => p.honourAdd({ workerId: w.id, title: "优秀", periodStart: today(), periodEnd: today(), workerConsent: false as true }), "BAD_REQUEST"],
      [() => p.honourAdd({ workerId: w.id, title: "优秀", periodStart: today(), periodEnd: addDays(today(), -1), workerConsent: true }), "BAD_REQUEST"],
      [() => p.honourAdd({ workerId: NO_ID, title: "优秀", periodStart: today(), periodEnd: today(), workerConsent: true }), "NOT_FOUND"],
      [() => p.honourAdd({ workerId: w.id, title: "优".repeat(41), periodStart: today(), periodEnd: today(), workerConsent: true }), "BAD_REQUEST"],
      [() => h.exposureAdd({ ...exp, legalBasis: "  " }), "BAD_REQUEST"],
      [() => h.exposureAdd(exp), "BAD_REQUEST"],
      [() => h.exposureAdd({ ...exp, sanctionId: NO_ID }), "NOT_FOUND"],
      [() => h.exposureAdd({ ...exp, periodEnd: addDays(today(), 400) }), "BAD_REQUEST"],
      [() => h.exposureAdd({ ...exp, periodStart: "2026-02-30" }), "BAD_REQUEST"],
      [() => h.exposureAdd({ ...exp, subject: "employer", workerId: undefined, employerId: emp.id }), "BAD_REQUEST"],
      [() => p.announcementAdd({ title: "", body: "x" }), "BAD_REQUEST"],
      [() => p.announcementAdd({ title: "通知", body: "x", publishedOn: "2026-05-10", expiresOn: "2026-05-01" }), "BAD_REQUEST"],
      [() => p.announcementWithdraw({ id: NO_ID }), "NOT_FOUND"],
      [() => e.caller("logistics").publicity.announcementAdd({ title: "通知", body: "x" }), "FORBIDDEN"],
      [() => e.caller("policy").publicity.exposureEnd({ id: NO_ID, status: "repaired", reason: "x" }), "FORBIDDEN"],
      [() => e.anonymous().board.openOrders({ marketCode: "abc" }), "BAD_REQUEST"],
    ];
    const codes = [];
    for (const [f] of cases) codes.push(await f().then(() => null, (x: { code: string }) => x.code));
    expect(codes).toEqual(cases.map(([, c]) => c));
    expect(await countRows(e, ["honour_roll", "exposure_entries", "announcements"])).toEqual(before);
  });
});
