/**
 * Backs up the system of record (checklist B15):
 *   npx tsx src/bin/backup.ts [--out backups/lingong-YYYYMMDD-HHMM.dump]
 * With DATABASE_URL: `pg_dump -Fc` (custom format) of that database. Without: the embedded
 * PGlite data folder (LINGONG_DATA_DIR, default .data/) as a gzipped tarball; stop the server
 * first, PGlite is single-process. Prints the file, its size and the per-table row counts.
 * The data key (LINGONG_DATA_KEY or .data/data.key) is NOT in the backup: keep it separately.
 */
import { parseArgs } from "node:util";
import { createDatabase } from "../db/client.ts";
import { backupPglite, backupPostgres, hasTool, tableChecksums } from "../ops/backup.ts";

function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const url = process.env.DATABASE_URL;
  const out = values.out ?? `backups/lingong-${stamp()}${url ? ".dump" : ".tar.gz"}`;
  const database = await createDatabase();
  try {
    if (database.kind === "postgres" && url) {
      if (!(await hasTool("pg_dump"))) throw new Error("pg_dump 不在 PATH 中 / pg_dump is not on PATH (install postgresql-client of the server's version or newer)");
      const r = await backupPostgres({ url, file: out });
      console.log(`已备份 / backed up: ${r.file} (${r.bytes} bytes, pg_dump -Fc)`);
    } else {
      const r = await backupPglite(database.db, out);
      console.log(`已备份 / backed up: ${r.file} (${r.bytes} bytes, PGlite data folder)`);
    }
    for (const t of await tableChecksums(database.db)) if (t.rows > 0) console.log(`  ${t.table.padEnd(40)} ${String(t.rows).padStart(9)}  ${t.md5}`);
    console.log("提示：数据密钥不在备份中，请另行保管 / the data key is not in the backup; keep it separately.");
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
