import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "../db/client.ts";
import { describeOnBothDatabases } from "../test/harness.ts";
import { assessDurability, checkDurabilitySettings, readDurabilitySettings } from "./durability.ts";

it("judges fsync, full_page_writes and synchronous_commit", () => {
  expect(assessDurability({ fsync: "on", full_page_writes: "on", synchronous_commit: "on" })).toMatchObject({ ok: true, warnings: [] });
  expect(assessDurability({ fsync: "on", full_page_writes: "on", synchronous_commit: "remote_apply" }).ok).toBe(true);
  expect(assessDurability({ fsync: "on", full_page_writes: "on", synchronous_commit: "local" }).ok).toBe(true);
  const bad = assessDurability({ fsync: "off", full_page_writes: "off", synchronous_commit: "off" });
  expect(bad.ok).toBe(false);
  expect(bad.warnings.map((w) => w.setting)).toEqual(["fsync", "full_page_writes", "synchronous_commit"]);
  expect(bad.warnings[0]?.zh).toContain("fsync");
});

describeOnBothDatabases("durability settings (B15)", ({ env, kind }) => {
  it("reads the three settings from the server", async () => {
    const s = await readDurabilitySettings(env().db);
    expect(Object.keys(s).sort()).toEqual(["fsync", "full_page_writes", "synchronous_commit"]);
    if (kind === "postgres") {
      // The CI and local servers run with the defaults; a deployment that does not is warned.
      const report = await checkDurabilitySettings(env().db, () => {});
      expect(report.settings.full_page_writes).toBe("on");
    }
  });

  it("warns loudly when synchronous_commit is off for the session", async () => {
    const lines: string[] = [];
    const report = await env().db.transaction(async (tx) => {
      await tx.execute(sql`set local synchronous_commit = off`);
      return checkDurabilitySettings(tx as unknown as Db, (l) => lines.push(l));
    });
    expect(report.ok).toBe(false);
    expect(report.warnings.map((w) => w.setting)).toContain("synchronous_commit");
    expect(lines.join("\n")).toMatch(/UNSAFE DATABASE DURABILITY SETTINGS[\s\S]*synchronous_commit = off/);
  });
});
