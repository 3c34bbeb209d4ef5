import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { createDatabase } from "../db/client.ts";
import { rowsOf } from "../queries/workforce-common.ts";
import { makeWorker as makeWorkerInput, rng } from "../seed/factories.ts";
import { makeRatedJobs } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases, describeOnPostgres, type TestEnv } from "../test/harness.ts";
import {
  backupPglite,
  backupPostgres,
  diffChecksums,
  drizzleOverPglite,
  dropDatabase,
  freshDatabaseName,
  restorePglite,
  restorePostgres,
  tableChecksums,
  withDatabase,
} from "./backup.ts";

const dir = mkdtempSync(join(tmpdir(), "lingong-backup-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small market: workers with trades and grades, rated dispatches, an uploaded photo, audit rows. */
async function seedSmallMarket(e: TestEnv, seed: string) {
  const r = rng(seed);
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    const { worker } = await e.caller("business").workers.register(makeWorkerInput(r, { townshipId: e.townships[i % e.townships.length]!.id }));
    ids.push(worker.id);
  }
  await makeRatedJobs(e, ids[0]!, 3);
  await makeRatedJobs(e, ids[1]!, 2);
  await e.caller("head").workers.deregister({ workerId: ids[5]!, reason: "本人申请注销" });
}

it("diffChecksums names tables that differ or are missing", () => {
  const a = [
    { table: "public.a", rows: 1, md5: "x" },
    { table: "public.b", rows: 2, md5: "y" },
  ];
  expect(diffChecksums(a, a)).toEqual([]);
  expect(diffChecksums(a, [{ table: "public.a", rows: 1, md5: "z" }])).toEqual(["public.a: 1/x vs 1/z", "public.b: missing after restore"]);
});

describeOnBothDatabases("restore drill (B15)", ({ env, kind }) => {
  it("backs up, restores into a fresh database and gets identical counts and checksums", async () => {
    const e = env();
    await seedSmallMarket(e, `drill-${kind}`);
    const before = await tableChecksums(e.db);
    expect(before.find((t) => t.table === "public.workers")?.rows).toBe(6);
    expect(before.find((t) => t.table === "public.dispatches")?.rows).toBe(5);
    expect(before.find((t) => t.table === "public.audit_log")!.rows).toBeGreaterThan(6);
    expect(before.find((t) => t.table === "drizzle.__drizzle_migrations")!.rows).toBeGreaterThan(0);

    if (kind === "pglite") {
      const file = join(dir, "pglite.tar.gz");
      const { bytes } = await backupPglite(e.db, file);
      expect(bytes).toBe(statSync(file).size);
      const pg = await restorePglite(file, "memory://");
      try {
        const restored = await drizzleOverPglite(pg);
        expect(diffChecksums(before, await tableChecksums(restored))).toEqual([]);
        // The restored copy still refuses audit tampering.
        await expect(restored.execute(sql`delete from audit_log`)).rejects.toThrow();
      } finally {
        await pg.close();
      }
    } else {
      const baseUrl = process.env.DATABASE_URL!;
      const [{ db: current } = { db: "" }] = rowsOf<{ db: string }>(await e.db.execute(sql`select current_database() as db`));
      const file = join(dir, "pg.dump");
      const { bytes } = await backupPostgres({ url: withDatabase(baseUrl, current), file });
      expect(bytes).toBeGreaterThan(1000);
      const name = freshDatabaseName("lingong_drill");
      try {
        const { url } = await restorePostgres({ serverUrl: baseUrl, database: name, file });
        const restored = await createDatabase({ url, max: 2 });
        try {
          expect(diffChecksums(before, await tableChecksums(restored.db))).toEqual([]);
          await expect(restored.db.execute(sql`delete from audit_log`)).rejects.toThrow();
        } finally {
          await restored.close();
        }
      } finally {
        await dropDatabase(baseUrl, name);
      }
    }
  });
});

describeOnPostgres("restore safety", () => {
  it("refuses to restore into an existing database or with a bad name", async () => {
    const baseUrl = process.env.DATABASE_URL!;
    await expect(restorePostgres({ serverUrl: baseUrl, database: "postgres; drop", file: join(dir, "x") })).rejects.toThrow(/invalid database name/);
    await expect(restorePostgres({ serverUrl: baseUrl, database: "postgres", file: join(dir, "missing.dump") })).rejects.toThrow(/no such backup file/);
  });
});
