import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "../schema/index.ts";

export type Schema = typeof schema;

/** A drizzle database on either driver (postgres.js or PGlite). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * A transaction handle. Inside `db.transaction(async (tx) => ...)` use only `tx`: touching `db`
 * there takes another pooled connection and can deadlock against the transaction (drizzle#1687).
 */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseKind = "postgres" | "pglite";

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface CreateDatabaseOptions {
  /**
   * PostgreSQL URL; defaults to `DATABASE_URL` unless `dataDir` is `memory://`. When neither is
   * set the embedded PGlite is used.
   */
  url?: string;
  /** PGlite data folder, or `memory://` for a throwaway database. Defaults to `LINGONG_DATA_DIR` or `<repo>/.data`. */
  dataDir?: string;
  /** Pool size for PostgreSQL (default 10). */
  max?: number;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** The data folder of the embedded database (also where the generated data key lives). */
export function defaultDataDir(): string {
  return resolve(process.env.LINGONG_DATA_DIR ?? resolve(repoRoot, ".data"));
}

/**
 * Opens the system of record: PostgreSQL through postgres.js when a URL is given (or
 * `DATABASE_URL` is set), otherwise PGlite in a folder with btree_gist loaded.
 */
export async function createDatabase(opts: CreateDatabaseOptions = {}): Promise<Database> {
  // An explicit `url: ""` (or a memory:// dataDir) means PGlite even when DATABASE_URL is set.
  const url = opts.dataDir?.startsWith("memory://") ? opts.url || undefined : (opts.url ?? process.env.DATABASE_URL);
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {} });
    const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { drizzle } = await import("drizzle-orm/pglite");
  let dataDir = opts.dataDir ?? defaultDataDir();
  if (!dataDir.startsWith("memory://")) {
    dataDir = resolve(dataDir, "pglite");
    mkdirSync(dataDir, { recursive: true });
  }
  const client = await PGlite.create(dataDir, { extensions: { btree_gist } });
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}
