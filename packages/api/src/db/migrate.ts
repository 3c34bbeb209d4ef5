import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { syncGuidanceMid } from "../queries/guidance-mid.ts";
import type { DatabaseKind, Db } from "./client.ts";

/** Committed drizzle-kit migrations (packages/api/drizzle). */
export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/**
 * Applies the committed migrations (the same files run on PostgreSQL and PGlite), then brings the guidance
 * midpoints the wage rollups are priced by up to date with core (`syncGuidanceMid`; nothing to do on most starts).
 */
export async function migrateDatabase(db: Db, kind: DatabaseKind): Promise<void> {
  if (kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
  }
  await syncGuidanceMid(db);
}
