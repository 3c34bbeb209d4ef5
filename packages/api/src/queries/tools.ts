import { daysBetween } from "@lingong/core";
import { and, asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { notFound, registerConstraintMessage } from "../errors.ts";
import type { TOOL_CONDITIONS, TOOL_KINDS } from "../schema/tools.ts";
import { tools, toolRentals } from "../schema/tools.ts";
import { workers } from "../schema/workers.ts";
import { badRequest, findWorker, today } from "./hall-common.ts";
import type { DbLike } from "./hall-common.ts";

registerConstraintMessage("tool_rentals_one_open_idx", { code: "CONFLICT", message: "该工具已借出", field: "toolId", messageEn: "This tool is already lent out" });
registerConstraintMessage("tools_free_no_fee", { code: "BAD_REQUEST", message: "免费工具不能收取租金", field: "dailyFeeFen", messageEn: "A free tool has no fee" });

export type ToolKind = (typeof TOOL_KINDS)[number];
export type ToolCondition = (typeof TOOL_CONDITIONS)[number];

export interface NewTool {
  name: string;
  kind: ToolKind;
  free: boolean;
  dailyFeeFen: number;
  depositFen: number;
  condition?: ToolCondition;
}

export async function createTool(tx: DbLike, marketId: string, input: NewTool) {
  if (input.free && input.dailyFeeFen > 0) throw badRequest("免费工具不能收取租金", "dailyFeeFen");
  const [row] = await tx
    .insert(tools)
    .values({ marketId, ...input, condition: input.condition ?? "good" })
    .returning();
  return row!;
}

/** The catalogue with each tool's open rental (if out). */
export async function listTools(db: DbLike, marketId: string, includeInactive = false) {
  const rows = await db
    .select({
      id: tools.id,
      name: tools.name,
      kind: tools.kind,
      free: tools.free,
      dailyFeeFen: tools.dailyFeeFen,
      depositFen: tools.depositFen,
      condition: tools.condition,
      active: tools.active,
      rentalId: toolRentals.id,
      dueDate: toolRentals.dueDate,
      borrowerName: workers.name,
    })
    .from(tools)
    .leftJoin(toolRentals, and(eq(toolRentals.toolId, tools.id), isNull(toolRentals.returnedAt)))
    .leftJoin(workers, eq(workers.id, toolRentals.workerId))
    .where(and(eq(tools.marketId, marketId), includeInactive ? undefined : eq(tools.active, true)))
    .orderBy(asc(tools.name));
  return rows.map((r) => ({ ...r, out: r.rentalId !== null }));
}

export async function lendTool(
  tx: DbLike,
  marketId: string,
  staffId: string,
  input: { toolId: string; workerId: string; dueDate: string; note?: string | undefined },
  now: Date = new Date(),
) {
  const [tool] = await tx.select().from(tools).where(and(eq(tools.id, input.toolId), eq(tools.marketId, marketId)));
  if (!tool) throw notFound("工具", "toolId");
  if (!tool.active) throw badRequest("该工具已停用", "toolId", "Tool retired");
  if (tool.condition === "damaged" || tool.condition === "lost") throw badRequest("该工具已损坏或遗失，不能出借", "toolId", "Tool damaged or lost");
  const worker = await findWorker(tx, marketId, input.workerId);
  if (worker.status === "expelled" || worker.status === "deregistered") throw badRequest("该零工已不在市场服务范围内", "workerId");
  const d = today(now);
  if (daysBetween(d, input.dueDate) < 0) throw badRequest("归还日期不能早于今天", "dueDate", "Due date is in the past");
  if (daysBetween(d, input.dueDate) > 90) throw badRequest("借用期限不能超过 90 天", "dueDate");
  // The partial unique index refuses a second open rental even when two counters lend at once.
  const [row] = await tx
    .insert(toolRentals)
    .values({
      marketId,
      toolId: tool.id,
      workerId: worker.id,
      lentAt: now,
      lentBy: staffId,
      dueDate: input.dueDate,
      depositFen: tool.depositFen,
      note: input.note ?? null,
    })
    .returning();
  return row!;
}

/** Fee: the daily fee for each started day (at least one) unless the tool is free. */
export function rentalFeeFen(dailyFeeFen: number, free: boolean, lentOn: string, returnedOn: string): number {
  if (free) return 0;
  return dailyFeeFen * Math.max(1, daysBetween(lentOn, returnedOn) + 1);
}

export async function returnTool(
  tx: DbLike,
  marketId: string,
  staffId: string,
  input: { rentalId: string; condition: ToolCondition; depositRefundedFen?: number | undefined; note?: string | undefined },
  now: Date = new Date(),
) {
  const [rental] = await tx
    .select()
    .from(toolRentals)
    .where(and(eq(toolRentals.id, input.rentalId), eq(toolRentals.marketId, marketId)))
    .for("update");
  if (!rental) throw notFound("借用记录", "rentalId");
  if (rental.returnedAt) throw badRequest("该工具已归还", "rentalId", "Already returned");
  const [tool] = await tx.select().from(tools).where(eq(tools.id, rental.toolId));
  if (!tool) throw notFound("工具", "toolId");
  const refund = input.depositRefundedFen ?? (input.condition === "damaged" || input.condition === "lost" ? 0 : rental.depositFen);
  if (refund > rental.depositFen) throw badRequest("退还押金不能超过所收押金", "depositRefundedFen");
  const feeFen = rentalFeeFen(tool.dailyFeeFen, tool.free, today(rental.lentAt), today(now));
  const [row] = await tx
    .update(toolRentals)
    .set({
      returnedAt: now,
      returnedTo: staffId,
      returnCondition: input.condition,
      feeFen,
      depositRefundedFen: refund,
      note: input.note ?? rental.note,
    })
    .where(eq(toolRentals.id, rental.id))
    .returning();
  await tx.update(tools).set({ condition: input.condition }).where(eq(tools.id, tool.id));
  return { before: rental, after: row! };
}

export async function overdueRentals(db: DbLike, marketId: string, on: string) {
  const rows = await db
    .select({
      id: toolRentals.id,
      toolId: tools.id,
      toolName: tools.name,
      workerId: workers.id,
      workerName: workers.name,
      workerNo: workers.workerNo,
      phoneMasked: workers.phoneMasked,
      lentAt: toolRentals.lentAt,
      dueDate: toolRentals.dueDate,
      depositFen: toolRentals.depositFen,
    })
    .from(toolRentals)
    .innerJoin(tools, eq(tools.id, toolRentals.toolId))
    .innerJoin(workers, eq(workers.id, toolRentals.workerId))
    .where(and(eq(toolRentals.marketId, marketId), isNull(toolRentals.returnedAt), lt(toolRentals.dueDate, on)))
    .orderBy(asc(toolRentals.dueDate));
  return rows.map((r) => ({ ...r, daysOverdue: daysBetween(r.dueDate, on) }));
}

export async function listRentals(db: DbLike, marketId: string, f: { workerId?: string | undefined; toolId?: string | undefined; open?: boolean | undefined; limit: number }) {
  return db
    .select({
      id: toolRentals.id,
      toolId: toolRentals.toolId,
      toolName: tools.name,
      workerId: toolRentals.workerId,
      workerName: workers.name,
      lentAt: toolRentals.lentAt,
      dueDate: toolRentals.dueDate,
      returnedAt: toolRentals.returnedAt,
      returnCondition: toolRentals.returnCondition,
      feeFen: toolRentals.feeFen,
      depositFen: toolRentals.depositFen,
      depositRefundedFen: toolRentals.depositRefundedFen,
    })
    .from(toolRentals)
    .innerJoin(tools, eq(tools.id, toolRentals.toolId))
    .innerJoin(workers, eq(workers.id, toolRentals.workerId))
    .where(
      and(
        eq(toolRentals.marketId, marketId),
        f.workerId ? eq(toolRentals.workerId, f.workerId) : undefined,
        f.toolId ? eq(toolRentals.toolId, f.toolId) : undefined,
        f.open === undefined ? undefined : f.open ? isNull(toolRentals.returnedAt) : sql`${toolRentals.returnedAt} is not null`,
      ),
    )
    .orderBy(desc(toolRentals.lentAt))
    .limit(f.limit);
}

