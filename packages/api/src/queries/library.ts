import { daysBetween } from "@lingong/core";
import { and, asc, desc, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { notFound, registerConstraintMessage } from "../errors.ts";
import { bookLoans, books, servicesLog, type SERVICE_KINDS } from "../schema/library.ts";
import { workers } from "../schema/workers.ts";
import { badRequest, findWorker, today } from "./hall-common.ts";
import type { DbLike } from "./hall-common.ts";

registerConstraintMessage("book_loans_one_open_idx", { code: "CONFLICT", message: "该图书已借出", field: "bookId", messageEn: "This book is already lent out" });
registerConstraintMessage("services_log_count", { code: "BAD_REQUEST", message: "人次必须大于 0", field: "count" });

// R8 reading room and R9 services.

export async function addBook(tx: DbLike, marketId: string, input: { title: string; author?: string | undefined; isbn?: string | undefined; category?: string | undefined }) {
  const [row] = await tx
    .insert(books)
    .values({ marketId, title: input.title, author: input.author ?? null, isbn: input.isbn ?? null, category: input.category ?? null })
    .returning();
  return row!;
}

export async function listBooks(db: DbLike, marketId: string, q?: string) {
  const rows = await db
    .select({
      id: books.id,
      title: books.title,
      author: books.author,
      isbn: books.isbn,
      category: books.category,
      loanId: bookLoans.id,
      dueDate: bookLoans.dueDate,
      borrowerName: workers.name,
    })
    .from(books)
    .leftJoin(bookLoans, and(eq(bookLoans.bookId, books.id), isNull(bookLoans.returnedAt)))
    .leftJoin(workers, eq(workers.id, bookLoans.workerId))
    .where(and(eq(books.marketId, marketId), eq(books.active, true), q ? sql`${books.title} ilike ${`%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`}` : undefined))
    .orderBy(asc(books.title));
  return rows.map((r) => ({ ...r, out: r.loanId !== null }));
}

export async function lendBook(tx: DbLike, marketId: string, staffId: string, input: { bookId: string; workerId: string; dueDate: string }, now: Date = new Date()) {
  const [book] = await tx.select().from(books).where(and(eq(books.id, input.bookId), eq(books.marketId, marketId)));
  if (!book || !book.active) throw notFound("图书", "bookId");
  await findWorker(tx, marketId, input.workerId);
  const d = today(now);
  if (daysBetween(d, input.dueDate) < 0) throw badRequest("归还日期不能早于今天", "dueDate");
  if (daysBetween(d, input.dueDate) > 60) throw badRequest("借阅期限不能超过 60 天", "dueDate");
  const [row] = await tx
    .insert(bookLoans)
    .values({ marketId, bookId: book.id, workerId: input.workerId, lentAt: now, lentBy: staffId, dueDate: input.dueDate })
    .returning();
  return row!;
}

export async function returnBook(tx: DbLike, marketId: string, input: { loanId: string }, now: Date = new Date()) {
  const [loan] = await tx
    .select()
    .from(bookLoans)
    .where(and(eq(bookLoans.id, input.loanId), eq(bookLoans.marketId, marketId)))
    .for("update");
  if (!loan) throw notFound("借阅记录", "loanId");
  if (loan.returnedAt) throw badRequest("该图书已归还", "loanId");
  const [row] = await tx.update(bookLoans).set({ returnedAt: now }).where(eq(bookLoans.id, loan.id)).returning();
  return { before: loan, after: row! };
}

export async function overdueLoans(db: DbLike, marketId: string, day: string) {
  const rows = await db
    .select({
      id: bookLoans.id,
      bookId: books.id,
      title: books.title,
      workerId: workers.id,
      workerName: workers.name,
      workerNo: workers.workerNo,
      dueDate: bookLoans.dueDate,
      lentAt: bookLoans.lentAt,
    })
    .from(bookLoans)
    .innerJoin(books, eq(books.id, bookLoans.bookId))
    .innerJoin(workers, eq(workers.id, bookLoans.workerId))
    .where(and(eq(bookLoans.marketId, marketId), isNull(bookLoans.returnedAt), lt(bookLoans.dueDate, day)))
    .orderBy(asc(bookLoans.dueDate));
  return rows.map((r) => ({ ...r, daysOverdue: daysBetween(r.dueDate, day) }));
}

export async function listLoans(db: DbLike, marketId: string, f: { workerId?: string | undefined; open?: boolean | undefined; limit: number }) {
  return db
    .select({
      id: bookLoans.id,
      bookId: books.id,
      title: books.title,
      workerId: workers.id,
      workerName: workers.name,
      lentAt: bookLoans.lentAt,
      dueDate: bookLoans.dueDate,
      returnedAt: bookLoans.returnedAt,
    })
    .from(bookLoans)
    .innerJoin(books, eq(books.id, bookLoans.bookId))
    .innerJoin(workers, eq(workers.id, bookLoans.workerId))
    .where(
      and(
        eq(bookLoans.marketId, marketId),
        f.workerId ? eq(bookLoans.workerId, f.workerId) : undefined,
        f.open === undefined ? undefined : f.open ? isNull(bookLoans.returnedAt) : sql`${bookLoans.returnedAt} is not null`,
      ),
    )
    .orderBy(desc(bookLoans.lentAt))
    .limit(f.limit);
}

export type ServiceKind = (typeof SERVICE_KINDS)[number];

export async function logService(
  tx: DbLike,
  marketId: string,
  staffId: string,
  input: { kind: ServiceKind; workerId?: string | undefined; servedOn: string; count: number; feeFen: number; note?: string | undefined },
  now: Date = new Date(),
) {
  if (input.workerId) await findWorker(tx, marketId, input.workerId);
  if (input.servedOn > today(now)) throw badRequest("服务日期不能晚于今天", "servedOn");
  const [row] = await tx
    .insert(servicesLog)
    .values({ marketId, kind: input.kind, workerId: input.workerId ?? null, servedOn: input.servedOn, count: input.count, feeFen: input.feeFen, note: input.note ?? null, recordedBy: staffId })
    .returning();
  return row!;
}

export async function listServices(db: DbLike, marketId: string, f: { from?: string | undefined; to?: string | undefined; kind?: ServiceKind | undefined; limit: number }) {
  return db
    .select({
      id: servicesLog.id,
      kind: servicesLog.kind,
      workerId: servicesLog.workerId,
      workerName: workers.name,
      servedOn: servicesLog.servedOn,
      count: servicesLog.count,
      feeFen: servicesLog.feeFen,
      note: servicesLog.note,
    })
    .from(servicesLog)
    .leftJoin(workers, eq(workers.id, servicesLog.workerId))
    .where(
      and(
        eq(servicesLog.marketId, marketId),
        f.from ? gte(servicesLog.servedOn, f.from) : undefined,
        f.to ? sql`${servicesLog.servedOn} <= ${f.to}` : undefined,
        f.kind ? eq(servicesLog.kind, f.kind) : undefined,
      ),
    )
    .orderBy(desc(servicesLog.servedOn), desc(servicesLog.createdAt))
    .limit(f.limit);
}

/** People served and fees taken per kind in a month (`YYYY-MM`). */
export async function servicesMonth(db: DbLike, marketId: string, month: string) {
  const from = `${month}-01`;
  const rows = await db
    .select({ kind: servicesLog.kind, people: sql<number>`sum(${servicesLog.count})::int`, feeFen: sql<number>`sum(${servicesLog.feeFen})::int`, entries: sql<number>`count(*)::int` })
    .from(servicesLog)
    .where(and(eq(servicesLog.marketId, marketId), gte(servicesLog.servedOn, from), sql`${servicesLog.servedOn} < (${from}::date + interval '1 month')::date`))
    .groupBy(servicesLog.kind);
  return { month, byKind: rows.map((r) => ({ kind: r.kind, people: Number(r.people), feeFen: Number(r.feeFen), entries: Number(r.entries) })) };
}
