import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rowsOf } from "../queries/workforce-common.ts";

// Durability (checklist B15): a committed mutation must survive a crash. PostgreSQL only promises
// that with fsync and full_page_writes on; synchronous_commit off can lose the last commits
// (never corrupts, but "saved" records may vanish). The server checks at start and warns loudly.

export const DURABILITY_SETTINGS = ["fsync", "full_page_writes", "synchronous_commit"] as const;
export type DurabilitySetting = (typeof DURABILITY_SETTINGS)[number];

export interface DurabilityReport {
  settings: Partial<Record<DurabilitySetting, string>>;
  warnings: { setting: DurabilitySetting; value: string; zh: string; en: string }[];
  ok: boolean;
}

/** Reads the three settings from `pg_settings` (works on PostgreSQL and PGlite). */
export async function readDurabilitySettings(db: Db): Promise<Partial<Record<DurabilitySetting, string>>> {
  const result = await db.execute(
    sql`select name, setting from pg_settings where name in ('fsync', 'full_page_writes', 'synchronous_commit')`,
  );
  const out: Partial<Record<DurabilitySetting, string>> = {};
  for (const r of rowsOf<{ name: string; setting: string }>(result)) {
    if ((DURABILITY_SETTINGS as readonly string[]).includes(r.name)) out[r.name as DurabilitySetting] = r.setting;
  }
  return out;
}

const MESSAGES: Record<DurabilitySetting, { zh: string; en: string }> = {
  fsync: {
    zh: "fsync 已关闭：断电或崩溃可能损坏数据库，已保存的数据可能丢失",
    en: "fsync is off: a power loss or crash can corrupt the database and lose saved data",
  },
  full_page_writes: {
    zh: "full_page_writes 已关闭：崩溃时可能出现残缺页，数据库可能无法恢复",
    en: "full_page_writes is off: a crash can leave torn pages the database cannot recover from",
  },
  synchronous_commit: {
    zh: "synchronous_commit 已关闭：崩溃时最近已提交的记录可能丢失",
    en: "synchronous_commit is off: the most recent committed records can be lost in a crash",
  },
};

/** Judges the settings: anything but `on` (for synchronous_commit also local/remote_*) is a warning. */
export function assessDurability(settings: Partial<Record<DurabilitySetting, string>>): DurabilityReport {
  const warnings: DurabilityReport["warnings"] = [];
  for (const name of DURABILITY_SETTINGS) {
    const value = settings[name];
    if (value === undefined) continue;
    const safe = name === "synchronous_commit" ? value !== "off" : value === "on";
    if (!safe) warnings.push({ setting: name, value, ...MESSAGES[name] });
  }
  return { settings, warnings, ok: warnings.length === 0 };
}

/**
 * The startup check: reads the settings and, when any is off, writes a loud warning to stderr
 * (`log`, replaceable in tests). Returns the report; it never stops the server, since an operator
 * may knowingly run a throwaway demo that way.
 */
export async function checkDurabilitySettings(
  db: Db,
  log: (line: string) => void = (line) => console.warn(line),
): Promise<DurabilityReport> {
  const report = assessDurability(await readDurabilitySettings(db));
  if (!report.ok) {
    const bar = "!".repeat(72);
    log(bar);
    log("!! 数据库持久性设置不安全 / UNSAFE DATABASE DURABILITY SETTINGS");
    for (const w of report.warnings) log(`!! ${w.setting} = ${w.value}: ${w.zh} / ${w.en}`);
    log("!! 请在 postgresql.conf 中设为 on 并重启 / set them to on in postgresql.conf and restart");
    log(bar);
  }
  return report;
}
