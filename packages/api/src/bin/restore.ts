/**
 * Restores a backup into a FRESH database, never over a live one (checklist B15):
 *   PostgreSQL: DATABASE_URL=postgres://…/any npx tsx src/bin/restore.ts --in x.dump [--database lingong_restored]
 *     creates the database on that server, restores with pg_restore in one transaction, and
 *     prints per-table row counts and md5 checksums to compare with the backup's output.
 *   PGlite:     npx tsx src/bin/restore.ts --in x.tar.gz --data-dir /path/to/empty/folder
 *     then start with LINGONG_DATA_DIR=/path/to/empty/folder (the folder's `pglite` subfolder is used).
 * Switching the application over (DATABASE_URL or LINGONG_DATA_DIR) is a separate, deliberate step.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createDatabase } from "../db/client.ts";
import { drizzleOverPglite, freshDatabaseName, hasTool, restorePglite, restorePostgres, tableChecksums, type TableChecksum } from "../ops/backup.ts";

function print(sums: TableChecksum[]) {
  for (const t of sums) if (t.rows > 0) console.log(`  ${t.table.padEnd(40)} ${String(t.rows).padStart(9)}  ${t.md5}`);
}

async function main() {
  const { values } = parseArgs({ options: { in: { type: "string" }, database: { type: "string" }, "data-dir": { type: "string" } } });
  if (!values.in) throw new Error("用法 / usage: --in <backup file> [--database <new name>] | [--data-dir <empty folder>]");
  const url = process.env.DATABASE_URL;
  if (url && !values["data-dir"]) {
    if (!(await hasTool("pg_restore"))) throw new Error("pg_restore 不在 PATH 中 / pg_restore is not on PATH");
    const name = values.database ?? freshDatabaseName();
    const { url: restoredUrl } = await restorePostgres({ serverUrl: url, database: name, file: values.in });
    const restored = await createDatabase({ url: restoredUrl, max: 2 });
    try {
      console.log(`已恢复到新数据库 / restored into new database: ${name}`);
      print(await tableChecksums(restored.db));
    } finally {
      await restored.close();
    }
    return;
  }
  const dir = values["data-dir"];
  if (!dir) throw new Error("PGlite 恢复需要 --data-dir <空目录> / PGlite restore needs --data-dir <empty folder>");
  const pg = await restorePglite(values.in, resolve(dir, "pglite"));
  try {
    console.log(`已恢复到 / restored into: ${resolve(dir)} (LINGONG_DATA_DIR=${resolve(dir)})`);
    print(await tableChecksums(await drizzleOverPglite(pg)));
  } finally {
    await pg.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
