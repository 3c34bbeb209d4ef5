import { addDays } from "@lingong/core";
import { expect, it } from "vitest";
import { today } from "../queries/hall-common.ts";
import { countRows, makeWorker } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases, describeOnPostgres } from "../test/harness.ts";

const NO_ID = "00000000-0000-4000-8000-000000000000";
const codes = async (cases: [() => Promise<unknown>, string][]) => {
  const out = [];
  for (const [p] of cases) out.push(await p().then(() => null, (x: { code: string }) => x.code));
  return out;
};

describeOnBothDatabases("training, reading room and services", ({ env }) => {
  it("runs a training batch: enrol up to capacity, attendance, completion with certificate", async () => {
    const e = env();
    const t = e.caller("training").training;
    const course = await t.createCourse({ trade: "electrician", title: "低压电工作业（特种作业证）", hours: 56 });
    const start = addDays(today(), -3);
    const batch = await t.createBatch({ courseId: course.id, startsOn: start, endsOn: addDays(today(), 4), capacity: 2, place: "零工市场二楼培训室" });
    const [a, b, c] = [await makeWorker(e, { name: "周一" }), await makeWorker(e, { name: "吴二" }), await makeWorker(e, { name: "郑三" })];
    const ea = await t.enrol({ batchId: batch.id, workerId: a.id });
    const eb = await t.enrol({ batchId: batch.id, workerId: b.id });
    await expect(t.enrol({ batchId: batch.id, workerId: a.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(t.enrol({ batchId: batch.id, workerId: c.id })).rejects.toMatchObject({ code: "CONFLICT", message: "该批次名额已满" });
    // A dropped place is free again.
    expect((await t.drop({ enrolmentId: eb.id })).status).toBe("dropped");
    await t.enrol({ batchId: batch.id, workerId: c.id });
    await t.recordAttendance({ enrolmentId: ea.id, day: start, present: true });
    await t.recordAttendance({ enrolmentId: ea.id, day: addDays(start, 1), present: false });
    await t.recordAttendance({ enrolmentId: ea.id, day: addDays(start, 1), present: true });
    await expect(t.recordAttendance({ enrolmentId: ea.id, day: addDays(start, -1), present: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const done = await t.complete({ enrolmentId: ea.id, completedOn: today(), certificateNo: "DG2026-0001" });
    expect(done).toMatchObject({ status: "completed", certificateNo: "DG2026-0001" });
    const roster = await e.caller("business").training.roster({ batchId: batch.id });
    expect(roster.enrolments.find((x) => x.workerId === a.id)).toMatchObject({ daysPresent: 2, daysRecorded: 2, status: "completed" });
    const batches = await t.listBatches({ courseId: course.id });
    expect(batches[0]).toMatchObject({ enrolled: 2, completed: 1, capacity: 2 });
    await expect(t.drop({ enrolmentId: eb.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.byWorker({ workerId: a.id }))[0]).toMatchObject({ title: "低压电工作业（特种作业证）", certificateNo: "DG2026-0001" });
  });

  it("lends books one copy at a time and lists overdue loans; logs services with a monthly summary", async () => {
    const e = env();
    const l = e.caller("logistics");
    const book = await l.library.addBook({ title: "建筑电工实用手册", author: "王建", category: "技能" });
    const w1 = await makeWorker(e);
    const w2 = await makeWorker(e);
    const loan = await l.library.lend({ bookId: book.id, workerId: w1.id, dueDate: addDays(today(), 14) });
    await expect(l.library.lend({ bookId: book.id, workerId: w2.id, dueDate: addDays(today(), 14) })).rejects.toMatchObject({ code: "CONFLICT", message: "该图书已借出" });
    expect((await l.library.listBooks({ q: "电工" })).find((b) => b.id === book.id)).toMatchObject({ out: true });
    await l.library.return({ loanId: loan.id });
    await expect(l.library.return({ loanId: loan.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const l2 = await l.library.lend({ bookId: book.id, workerId: w2.id, dueDate: today() });
    expect(l2.workerId).toBe(w2.id);
    expect(await l.library.overdue()).toEqual([]);

    const month = today().slice(0, 7);
    await l.services.log({ kind: "meal", servedOn: today(), count: 35, feeFen: 35 * 500, note: "午餐" });
    await l.services.log({ kind: "midday_rest", workerId: w1.id, servedOn: today(), count: 1 });
    await l.services.log({ kind: "meal", servedOn: today(), count: 5, feeFen: 2500 });
    const sum = await e.caller("leader").services.monthly({ month });
    expect(sum.byKind.find((k) => k.kind === "meal")).toMatchObject({ people: 40, feeFen: 20_000, entries: 2 });
    expect(sum.byKind.find((k) => k.kind === "midday_rest")).toMatchObject({ people: 1, feeFen: 0 });
  });

  it("refuses bad input and wrong roles, leaving the database unchanged", async () => {
    const e = env();
    const t = e.caller("training").training;
    const l = e.caller("logistics");
    const course = await t.createCourse({ trade: "mason", title: "砌筑工" });
    const past = await t.createBatch({ courseId: course.id, startsOn: "2025-01-01", endsOn: "2025-01-05", capacity: 10, place: "培训室" });
    const w = await makeWorker(e);
    const book = await l.library.addBook({ title: "安全生产读本" });
    const tables = ["courses", "training_batches", "enrolments", "attendance", "books", "book_loans", "services_log"];
    const before = await countRows(e, tables);
    const got = await codes([
      [() => t.createCourse({ trade: "", title: "x" }), "BAD_REQUEST"],
      [() => t.createCourse({ trade: "mason", title: "课".repeat(101) }), "BAD_REQUEST"],
      [() => t.createBatch({ courseId: course.id, startsOn: "2026-05-10", endsOn: "2026-05-01", capacity: 5, place: "x" }), "BAD_REQUEST"],
      [() => t.createBatch({ courseId: course.id, startsOn: "2026-02-30", endsOn: "2026-03-01", capacity: 5, place: "x" }), "BAD_REQUEST"],
      [() => t.createBatch({ courseId: course.id, startsOn: "2026-05-01", endsOn: "2026-05-02", capacity: 0, place: "x" }), "BAD_REQUEST"],
      [() => t.createBatch({ courseId: NO_ID, startsOn: "2026-05-01", endsOn: "2026-05-02", capacity: 5, place: "x" }), "NOT_FOUND"],
      [() => t.enrol({ batchId: past.id, workerId: w.id }), "BAD_REQUEST"],
      [() => t.enrol({ batchId: NO_ID, workerId: w.id }), "NOT_FOUND"],
      [() => t.complete({ enrolmentId: NO_ID, completedOn: today() }), "NOT_FOUND"],
      [() => t.recordAttendance({ enrolmentId: NO_ID, day: today(), present: true }), "NOT_FOUND"],
      [() => e.caller("logistics").training.createCourse({ trade: "mason", title: "x" }), "FORBIDDEN"],
      [() => l.library.addBook({ title: "" }), "BAD_REQUEST"],
      [() => l.library.addBook({ title: "书", isbn: "abc" }), "BAD_REQUEST"],
      [() => l.library.lend({ bookId: book.id, workerId: w.id, dueDate: addDays(today(), -1) }), "BAD_REQUEST"],
      [() => l.library.lend({ bookId: book.id, workerId: NO_ID, dueDate: today() }), "NOT_FOUND"],
      [() => l.library.lend({ bookId: NO_ID, workerId: w.id, dueDate: today() }), "NOT_FOUND"],
      [() => l.library.return({ loanId: NO_ID }), "NOT_FOUND"],
      [() => e.caller("training").library.lend({ bookId: book.id, workerId: w.id, dueDate: today() }), "FORBIDDEN"],
      [() => l.services.log({ kind: "meal", servedOn: today(), count: 0 }), "BAD_REQUEST"],
      [() => l.services.log({ kind: "meal", servedOn: today(), count: 1, feeFen: -500 }), "BAD_REQUEST"],
      [() => l.services.log({ kind: "meal", servedOn: addDays(today(), 2), count: 1 }), "BAD_REQUEST"],
      [() => l.services.log({ kind: "massage" as "meal", servedOn: today(), count: 1 }), "BAD_REQUEST"],
      [() => l.services.log({ kind: "meal", workerId: NO_ID, servedOn: today(), count: 1 }), "NOT_FOUND"],
      [() => e.caller("rights").services.log({ kind: "meal", servedOn: today(), count: 1 }), "FORBIDDEN"],
    ]);
    expect(got).toEqual(["BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "NOT_FOUND", "BAD_REQUEST", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "NOT_FOUND", "FORBIDDEN"]);
    expect(await countRows(e, tables)).toEqual(before);
  });
});

describeOnPostgres("training and lending concurrency", ({ env }) => {
  it("parallel enrolments never overfill a batch; parallel loans of one book leave one", async () => {
    const e = env();
    const t = e.caller("training").training;
    const course = await t.createCourse({ trade: "welder", title: "焊工" });
    const batch = await t.createBatch({ courseId: course.id, startsOn: today(), endsOn: addDays(today(), 5), capacity: 5, place: "实训车间" });
    const ws = await Promise.all(Array.from({ length: 15 }, () => makeWorker(e)));
    const res = await Promise.allSettled(ws.map((w) => e.caller("training").training.enrol({ batchId: batch.id, workerId: w.id })));
    expect(res.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const book = await e.caller("logistics").library.addBook({ title: "民法典" });
    const loans = await Promise.allSettled(ws.slice(0, 10).map((w) => e.caller("logistics").library.lend({ bookId: book.id, workerId: w.id, dueDate: today() })));
    expect(loans.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});
