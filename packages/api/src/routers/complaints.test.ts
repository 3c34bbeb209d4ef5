import { addDays } from "@lingong/core";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { today } from "../queries/hall-common.ts";
import { complaints } from "../schema/complaints.ts";
import { employers } from "../schema/employers.ts";
import { conductEvents } from "../schema/workers.ts";
import { countRows, makeDispatch, makeEmployer, makeOrder, makeWorker } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases, describeOnPostgres } from "../test/harness.ts";

const NO_ID = "00000000-0000-4000-8000-000000000000";

describeOnBothDatabases("complaints and disputes", ({ env }) => {
  it("takes a complaint against a worker from intake to an upheld resolution with a conduct event", async () => {
    const e = env();
    const w = await makeWorker(e, { name: "钱二" });
    const emp = await makeEmployer(e);
    const order = await makeOrder(e, emp.id);
    const d = await makeDispatch(e, order.id, emp.id, w.id, { day: addDays(today(), -3) });
    const rights = e.caller("rights");
    const c = await e.caller("casework").complaints.file({
      complainant: "employer",
      respondent: "worker",
      dispatchId: d.id,
      category: "malicious_work",
      description: "砌墙故意偷工减料，返工两天",
    });
    expect(c).toMatchObject({ status: "filed", workerId: w.id, employerId: emp.id, acceptDeadline: addDays(today(), 3), resolveDeadline: addDays(today(), 30) });
    expect(c.caseNo).toMatch(/^TS\d{4}\d{4}$/);
    await expect(rights.complaints.addNote({ complaintId: c.id, body: "先记一笔" })).rejects.toMatchObject({ code: "CONFLICT" });
    const acc = await rights.complaints.accept({ complaintId: c.id, assignedTo: e.users.rights.id });
    expect(acc.status).toBe("accepted");
    await rights.complaints.addNote({ complaintId: c.id, body: "电话联系双方，约定周五到现场查看" });
    await rights.complaints.addNote({ complaintId: c.id, body: "现场查看，墙体确有问题" });
    const got = await rights.complaints.get({ complaintId: c.id });
    expect(got.status).toBe("mediating");
    expect(got.notes.map((n) => n.body)).toEqual(["电话联系双方，约定周五到现场查看", "现场查看，墙体确有问题"]);
    expect(got.worker?.name).toBe("钱二");
    const res = await rights.complaints.resolve({ complaintId: c.id, outcome: "投诉成立，零工返工并赔偿材料费 300 元", upheld: true });
    expect(res.complaint).toMatchObject({ status: "resolved", upheld: true });
    const [ev] = await e.db.select().from(conductEvents).where(eq(conductEvents.id, res.conductEventId!));
    expect(ev).toMatchObject({ workerId: w.id, kind: "malicious_work", source: "complaint", sourceId: c.id });
    // The conduct event now waits for a sanction proposal.
    expect((await rights.sanctions.pendingEvents()).map((p) => p.id)).toContain(ev!.id);
    await expect(rights.complaints.resolve({ complaintId: c.id, outcome: "再次", upheld: false })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("puts upheld arrears on the employer's record and applies the warning the rules call for", async () => {
    const e = env();
    const w = await makeWorker(e);
    const emp = await makeEmployer(e, { name: "某某劳务有限公司" });
    const rights = e.caller("rights");
    const c = await rights.complaints.file({ complainant: "worker", respondent: "employer", workerId: w.id, employerId: emp.id, category: "wage_arrears", description: "拖欠三天工钱 750 元" });
    await rights.complaints.accept({ complaintId: c.id, assignedTo: e.users.rights.id });
    const res = await rights.complaints.resolve({ complaintId: c.id, outcome: "调解后已支付，但属恶意拖欠", upheld: true, employerEvent: "malicious_arrears" });
    expect(res.complaint.employerEvent).toBe("malicious_arrears");
    expect(res.employerDecision?.action).toBe("warning");
    const rec = await e.caller("business").employerRecord.get({ employerId: emp.id });
    expect(rec.events).toHaveLength(1);
    expect(rec.decision.action).toBe("warning");
    await expect(e.caller("rights").employerRecord.decide({ employerId: emp.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const act = await e.caller("head").employerRecord.decide({ employerId: emp.id, note: "负责人批准警告" });
    expect(act).toMatchObject({ kind: "warning", statusBefore: "active", statusAfter: "warned" });
    const [row] = await e.db.select({ status: employers.status }).from(employers).where(eq(employers.id, emp.id));
    expect(row!.status).toBe("warned");
    await expect(e.caller("head").employerRecord.decide({ employerId: emp.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refers, withdraws and flags overdue cases", async () => {
    const e = env();
    const w = await makeWorker(e);
    const emp = await makeEmployer(e);
    const r = e.caller("rights");
    const base = { complainant: "worker" as const, respondent: "employer" as const, workerId: w.id, employerId: emp.id, category: "safety" as const, description: "工地无安全帽" };
    const a = await r.complaints.file(base);
    const b = await r.complaints.file({ ...base, category: "discrimination", description: "招工写明不要女性" });
    const old = await r.complaints.file({ ...base, category: "other", description: "陈年旧案" });
    await r.complaints.accept({ complaintId: a.id, assignedTo: e.users.head.id });
    const reassigned = await r.complaints.assign({ complaintId: a.id, assignedTo: e.users.rights.id });
    expect(reassigned.assignedTo).toBe(e.users.rights.id);
    expect((await r.complaints.list({ assignedTo: e.users.rights.id })).map((x) => x.id)).toContain(a.id);
    const ref = await r.complaints.refer({ complaintId: a.id, to: "inspection", outcome: "涉及安全生产，移送劳动监察大队" });
    expect(ref.status).toBe("referred_inspection");
    const wd = await r.complaints.withdraw({ complaintId: b.id, reason: "当事人已和解" });
    expect(wd.status).toBe("withdrawn");
    await e.db.update(complaints).set({ acceptDeadline: addDays(today(), -2), filedAt: new Date(Date.now() - 5 * 86_400_000) }).where(eq(complaints.id, old.id));
    const overdue = await r.complaints.list({ overdue: true });
    expect(overdue.map((x) => x.id)).toEqual([old.id]);
    expect(overdue[0]).toMatchObject({ overdue: true, statusLabel: "已登记" });
    const open = await r.complaints.list({ open: true });
    expect(open.map((x) => x.id)).toEqual([old.id]);
  });

  it("opens one wage-arrears case per unpaid completed dispatch, idempotently", async () => {
    const e = env();
    const w = await makeWorker(e);
    const emp = await makeEmployer(e);
    const order = await makeOrder(e, emp.id);
    const unpaid = await makeDispatch(e, order.id, emp.id, w.id, { day: addDays(today(), -10) });
    const paid = await makeDispatch(e, order.id, emp.id, w.id, { day: addDays(today(), -9), paid: true });
    const recent = await makeDispatch(e, order.id, emp.id, w.id, { day: addDays(today(), -1) });
    const first = await e.caller("rights").complaints.openArrearsCases();
    const openedFor = first.opened.map((o) => o.dispatchId);
    expect(openedFor).toContain(unpaid.id);
    expect(openedFor).not.toContain(paid.id);
    expect(openedFor).not.toContain(recent.id);
    const again = await e.caller("rights").complaints.openArrearsCases();
    expect(again.opened).toEqual([]);
    const cases = await e.caller("rights").complaints.list({ category: "wage_arrears" });
    const auto = cases.filter((c) => c.source === "auto_arrears" && c.workerId === w.id);
    expect(auto).toHaveLength(1);
    expect(auto[0]).toMatchObject({ respondent: "employer", employerId: emp.id, status: "filed" });
  });

  it("refuses bad input and wrong roles, leaving the database unchanged", async () => {
    const e = env();
    const w = await makeWorker(e);
    const emp = await makeEmployer(e);
    const r = e.caller("rights");
    const c = await r.complaints.file({ complainant: "worker", respondent: "employer", employerId: emp.id, workerId: w.id, category: "quality", description: "测试" });
    const before = await countRows(e, ["complaints", "complaint_notes", "conduct_events"]);
    const base = { complainant: "worker" as const, respondent: "employer" as const, employerId: emp.id, category: "quality" as const, description: "描述" };
    const cases: [() => Promise<unknown>, string][] = [
      [() => r.complaints.file({ ...base, description: "" }), "BAD_REQUEST"],
      [() => r.complaints.file({ ...base, description: "字".repeat(2001) }), "BAD_REQUEST"],
      [() => r.complaints.file({ ...base, category: "noise" as "quality" }), "BAD_REQUEST"],
      [() => r.complaints.file({ ...base, respondent: "worker" }), "BAD_REQUEST"],
      [() => r.complaints.file({ ...base, complainant: "employer" }), "BAD_REQUEST"],
      [() => r.complaints.file({ ...base, employerId: NO_ID }), "NOT_FOUND"],
      [() => r.complaints.file({ ...base, dispatchId: NO_ID }), "NOT_FOUND"],
      [() => r.complaints.file({ ...base, source: "auto_arrears" as "counter" }), "BAD_REQUEST"],
      [() => e.caller("training").complaints.file(base), "FORBIDDEN"],
      [() => r.complaints.accept({ complaintId: NO_ID, assignedTo: e.users.rights.id }), "NOT_FOUND"],
      [() => r.complaints.accept({ complaintId: c.id, assignedTo: NO_ID }), "NOT_FOUND"],
      [() => r.complaints.accept({ complaintId: c.id, assignedTo: e.users.leader.id }), "NOT_FOUND"],
      [() => r.complaints.addNote({ complaintId: c.id, body: "x" }), "CONFLICT"],
      [() => r.complaints.resolve({ complaintId: c.id, outcome: "结果", upheld: true }), "CONFLICT"],
      [() => r.complaints.refer({ complaintId: c.id, to: "court" as "inspection", outcome: "x" }), "BAD_REQUEST"],
      [() => r.complaints.withdraw({ complaintId: c.id, reason: "" }), "BAD_REQUEST"],
      [() => e.caller("logistics").complaints.withdraw({ complaintId: c.id, reason: "和解" }), "FORBIDDEN"],
      [() => e.caller("logistics").complaints.list({}), "FORBIDDEN"],
      [() => r.complaints.get({ complaintId: NO_ID }), "NOT_FOUND"],
    ];
    const codes = [];
    for (const [p] of cases) codes.push(await p().then(() => null, (x: { code: string }) => x.code));
    expect(codes).toEqual(cases.map(([, k]) => k));
    expect(await countRows(e, ["complaints", "complaint_notes", "conduct_events"])).toEqual(before);
  });
});

describeOnPostgres("arrears cases concurrency", ({ env }) => {
  it("two officers running openArrearsCases at once open each case once", async () => {
    const e = env();
    const w = await makeWorker(e);
    const emp = await makeEmployer(e);
    const order = await makeOrder(e, emp.id);
    for (let i = 0; i < 5; i++) await makeDispatch(e, order.id, emp.id, w.id, { day: addDays(today(), -20 + i) });
    const results = await Promise.allSettled([e.caller("rights").complaints.openArrearsCases(), e.caller("head").complaints.openArrearsCases()]);
    const opened = results.flatMap((r) => (r.status === "fulfilled" ? r.value.opened : []));
    expect(opened).toHaveLength(5);
    const rows = await e.db.select().from(complaints).where(eq(complaints.source, "auto_arrears"));
    expect(rows).toHaveLength(5);
  });
});
