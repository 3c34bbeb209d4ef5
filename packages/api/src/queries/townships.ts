import { and, asc, eq } from "drizzle-orm";
import { notFound, registerConstraintMessage } from "../errors.ts";
import { townships } from "../schema/core.ts";
import type { DbLike } from "./workforce-common.ts";

registerConstraintMessage("townships_market_name", { code: "CONFLICT", message: "乡镇名称重复", field: "name", messageEn: "Duplicate township name" });

/** The market's towns and townships in their display order. */
export function listTownships(db: DbLike, marketId: string) {
  return db
    .select({ id: townships.id, name: townships.name, kind: townships.kind, sort: townships.sort })
    .from(townships)
    .where(eq(townships.marketId, marketId))
    .orderBy(asc(townships.sort), asc(townships.name));
}

export async function addTownship(tx: DbLike, marketId: string, input: { name: string; kind: "镇" | "乡"; sort?: number | undefined }) {
  const [row] = await tx.insert(townships).values({ marketId, name: input.name, kind: input.kind, sort: input.sort ?? 0 }).returning();
  return row!;
}

export async function renameTownship(tx: DbLike, marketId: string, input: { townshipId: string; name?: string | undefined; kind?: "镇" | "乡" | undefined; sort?: number | undefined }) {
  const [before] = await tx.select().from(townships).where(and(eq(townships.id, input.townshipId), eq(townships.marketId, marketId)));
  if (!before) throw notFound("乡镇", "townshipId");
  const [after] = await tx
    .update(townships)
    .set({ ...(input.name !== undefined ? { name: input.name } : {}), ...(input.kind ? { kind: input.kind } : {}), ...(input.sort !== undefined ? { sort: input.sort } : {}) })
    .where(eq(townships.id, input.townshipId))
    .returning();
  return { before, after: after! };
}
