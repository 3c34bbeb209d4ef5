import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rowsOf } from "../queries/workforce-common.ts";

// Backups (checklist B15). PostgreSQL: a logical backup with `pg_dump -Fc` (custom format:
// compressed, restorable table by table, schema + data + triggers in the right order) and a
// restore with `pg_restore` into a FRESH database, never over a live one. Embedded PGlite: its
// data folder as a tarball (`dumpDataDir`), loaded back into an empty folder. A restore drill
// proves a backup by comparing per-table row counts and an md5 of each table's ordered contents.

export class BackupError extends Error {
  override readonly name = "BackupError";
}

/** Runs a client tool; rejects with its stderr (the URL's password is never echoed). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], env });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
    });
    child.on("error", (err) => reject(new BackupError(`${cmd} could not start: ${err.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolvePromise();
      else reject(new BackupError(`${cmd} exited with ${code}: ${redact(stderr.trim()).slice(0, 2000)}`));
    });
  });
}

const redact = (s: string) => s.replace(/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/g, "$1***@");

/** Whether a client tool (pg_dump, pg_restore) is on PATH. */
export async function hasTool(cmd: "pg_dump" | "pg_restore"): Promise<boolean> {
  try {
    await run(cmd, ["--version"]);
    return true;
  } catch {
    return false;
  }
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const SAFE_DB_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A fresh, uniquely named database name for a restore or a drill. */
export function freshDatabaseName(prefix = "lingong_restore"): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** Logical backup of the database at `url` into `file` (custom format). */
export async function backupPostgres(opts: { url: string; file: string }): Promise<{ file: string; bytes: number }> {
  mkdirSync(dirname(resolve(opts.file)), { recursive: true });
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${opts.file}`, `--dbname=${opts.url}`]);
  const bytes = (await readFile(opts.file)).length;
  return { file: opts.file, bytes };
}

/**
 * Creates database `database` on the server of `serverUrl` (it must not exist yet) and restores
 * `file` into it in one transaction. Returns the new database's URL.
 */
export async function restorePostgres(opts: { serverUrl: string; database: string; file: string }): Promise<{ url: string }> {
  if (!SAFE_DB_NAME.test(opts.database)) throw new BackupError(`invalid database name: ${opts.database}`);
  if (!existsSync(opts.file)) throw new BackupError(`no such backup file: ${opts.file}`);
  const { default: postgres } = await import("postgres");
  const admin = postgres(opts.serverUrl, { max: 1, onnotice: () => {} });
  try {
    // Name checked against SAFE_DB_NAME above; CREATE DATABASE takes no bind parameters.
    await admin.unsafe(`CREATE DATABASE ${opts.database}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = withDatabase(opts.serverUrl, opts.database);
  await run("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${url}`, opts.file]);
  return { url };
}

/** Drops a database made by `restorePostgres` (drills clean up after themselves). */
export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  if (!SAFE_DB_NAME.test(database)) throw new BackupError(`invalid database name: ${database}`);
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** The PGlite instance behind a drizzle database on the embedded driver. */
export function pgliteOf(db: Db): PGlite {
  const client = (db as unknown as { $client?: PGlite }).$client;
  if (!client || typeof client.dumpDataDir !== "function") throw new BackupError("not an embedded (PGlite) database");
  return client;
}

/** Writes the embedded database's data folder as a gzipped tarball. */
export async function backupPglite(db: Db, file: string): Promise<{ file: string; bytes: number }> {
  const blob = await pgliteOf(db).dumpDataDir("gzip");
  const bytes = Buffer.from(await blob.arrayBuffer());
  mkdirSync(dirname(resolve(file)), { recursive: true });
  await writeFile(file, bytes);
  return { file, bytes: bytes.length };
}

/**
 * Opens a PGlite database loaded from a tarball made by `backupPglite`. `dataDir` must be empty
 * or absent (`memory://` for a drill); the caller closes the returned instance.
 */
export async function restorePglite(file: string, dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith("memory://")) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new BackupError(`target folder is not empty: ${dataDir}`);
    mkdirSync(dataDir, { recursive: true });
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const data = await readFile(file);
  return PGlite.create(dataDir, { loadDataDir: new Blob([data]), extensions: { btree_gist } });
}

export interface TableChecksum {
  table: string;
  rows: number;
  md5: string;
}

/** A drizzle database over a PGlite instance (e.g. one `restorePglite` opened). */
export async function drizzleOverPglite(pg: PGlite): Promise<Db> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const schema = await import("../schema/index.ts");
  return drizzle({ client: pg, schema, casing: "snake_case" }) as unknown as Db;
}

/**
 * Row count and md5 of the ordered contents of every table in `public` and `drizzle` (the
 * migration journal), sorted by name. Rows are compared as their text form, ordered by it, so
 * the result does not depend on physical order.
 */
export async function tableChecksums(db: Db): Promise<TableChecksum[]> {
  const tables = rowsOf<{ s: string; t: string }>(
    await db.execute(
      sql`select table_schema as s, table_name as t from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1, 2`,
    ),
  );
  const out: TableChecksum[] = [];
  for (const { s, t } of tables) {
    const [r] = rowsOf<{ n: number; h: string }>(
      await db.execute(
        sql`select count(*)::int as n, coalesce(md5(string_agg(x::text, E'\n' order by x::text)), md5('')) as h
            from ${sql.identifier(s)}.${sql.identifier(t)} as x`,
      ),
    );
    out.push({ table: `${s}.${t}`, rows: Number(r?.n ?? 0), md5: String(r?.h ?? "") });
  }
  return out;
}

/** Tables whose count or checksum differ between two snapshots (empty: identical). */
export function diffChecksums(a: TableChecksum[], b: TableChecksum[]): string[] {
  const byName = new Map(b.map((c) => [c.table, c]));
  const diffs: string[] = [];
  for (const c of a) {
    const other = byName.get(c.table);
    if (!other) diffs.push(`${c.table}: missing after restore`);
    else if (other.rows !== c.rows || other.md5 !== c.md5) diffs.push(`${c.table}: ${c.rows}/${c.md5} vs ${other.rows}/${other.md5}`);
    byName.delete(c.table);
  }
  for (const t of byName.keys()) diffs.push(`${t}: only after restore`);
  return diffs;
}
