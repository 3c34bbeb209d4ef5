import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe } from "vitest";
import { hashPassword } from "../auth/password.ts";
import { createDatabase, type Db, type DatabaseKind } from "../db/client.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { ROLE_IDS, type Role, CROSS_MARKET_ROLES } from "../roles.ts";
import { appRouter } from "../router.ts";
import { markets, staffUsers, townships } from "../schema/core.ts";
import { createCallerFactory, type Context, type SessionUser } from "../trpc.ts";

/** Qinshui's seven towns and seven townships, in the official order. */
export const QINSHUI_TOWNSHIPS: readonly { name: string; kind: "镇" | "乡" }[] = [
  { name: "龙港镇", kind: "镇" },
  { name: "中村镇", kind: "镇" },
  { name: "郑庄镇", kind: "镇" },
  { name: "端氏镇", kind: "镇" },
  { name: "嘉峰镇", kind: "镇" },
  { name: "郑村镇", kind: "镇" },
  { name: "柿庄镇", kind: "镇" },
  { name: "樊村河乡", kind: "乡" },
  { name: "土沃乡", kind: "乡" },
  { name: "张村乡", kind: "乡" },
  { name: "苏庄乡", kind: "乡" },
  { name: "胡底乡", kind: "乡" },
  { name: "固县乡", kind: "乡" },
  { name: "十里乡", kind: "乡" },
];

/** Password of every harness user (meets the policy). */
export const TEST_PASSWORD = "Lingong-Test-2024";
let testHash: Promise<string> | undefined;

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface TestEnv {
  db: Db;
  kind: DatabaseKind;
  market: { id: string; code: string; name: string };
  townships: { id: string; name: string }[];
  /** One user per role; province-level roles (leader, admin, auditor) have no market of their own. */
  users: Record<Role, SessionUser>;
  /** A tRPC caller acting as the harness user of `role` (market: the test market). */
  caller(role: Role, overrides?: Partial<Context>): Caller;
  /** A caller with no signed-in user. */
  anonymous(overrides?: Partial<Context>): Caller;
  /** The context `caller(role)` uses; handy for calling query/service functions directly. */
  context(role: Role | null, overrides?: Partial<Context>): Context;
  /** Adds another market (for cross-market / IDOR tests). */
  addMarket(code: string, name: string): Promise<{ id: string }>;
  close(): Promise<void>;
}

export interface TestEnvOptions {
  /** Force a driver; defaults to postgres when DATABASE_URL is set, otherwise PGlite. */
  kind?: DatabaseKind;
  /** PostgreSQL pool size (keep small for concurrency suites). */
  max?: number;
}

async function createThrowawayPostgres(baseUrl: string, max: number) {
  const { default: postgres } = await import("postgres");
  const name = `lingong_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ url: url.toString(), max });
  return {
    ...database,
    async close() {
      await database.close();
      const drop = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await drop.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await drop.end({ timeout: 5 });
      }
    },
  };
}

/**
 * A fresh, migrated database with the Qinshui market, its 14 townships and one staff user per
 * role. PGlite in memory by default; with DATABASE_URL a new database on that server, dropped
 * by `close()` (other databases are never touched).
 */
export async function createTestEnv(opts: TestEnvOptions = {}): Promise<TestEnv> {
  const url = process.env.DATABASE_URL;
  const kind: DatabaseKind = opts.kind ?? (url ? "postgres" : "pglite");
  if (kind === "postgres" && !url) throw new Error("DATABASE_URL is not set");
  const database =
    kind === "postgres" && url
      ? await createThrowawayPostgres(url, opts.max ?? 5)
      : await createDatabase({ url: "", dataDir: "memory://" });
  const { db } = database;
  await migrateDatabase(db, database.kind);

  const [market] = await db
    .insert(markets)
    .values({ code: "140521", name: "沁水县零工市场", county: "沁水县", province: "山西省" })
    .returning({ id: markets.id, code: markets.code, name: markets.name });
  if (!market) throw new Error("market insert failed");
  const towns = await db
    .insert(townships)
    .values(QINSHUI_TOWNSHIPS.map((t, i) => ({ marketId: market.id, name: t.name, kind: t.kind, sort: i + 1 })))
    .returning({ id: townships.id, name: townships.name });

  testHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await testHash;
  const rows = await db
    .insert(staffUsers)
    .values(
      ROLE_IDS.map((role) => ({
        marketId: CROSS_MARKET_ROLES.includes(role) ? null : market.id,
        username: `test-${role}`,
        displayName: `测试${role}`,
        role,
        passwordHash,
      })),
    )
    .returning();
  const users = Object.fromEntries(
    rows.map((u) => [
      u.role,
      { id: u.id, role: u.role as Role, marketId: u.marketId, displayName: u.displayName, username: u.username },
    ]),
  ) as Record<Role, SessionUser>;

  const context = (role: Role | null, overrides: Partial<Context> = {}): Context => ({
    db,
    user: role ? users[role] : null,
    marketId: market.id,
    requestId: randomUUID(),
    ip: "127.0.0.1",
    ...overrides,
  });

  return {
    db,
    kind: database.kind,
    market,
    townships: towns,
    users,
    context,
    caller: (role, overrides) => createCaller(context(role, overrides)),
    anonymous: (overrides) => createCaller(context(null, overrides)),
    async addMarket(code, name) {
      const [m] = await db
        .insert(markets)
        .values({ code, name, county: name.replace(/零工市场$/, ""), province: "山西省" })
        .returning({ id: markets.id });
      if (!m) throw new Error("market insert failed");
      return m;
    },
    close: () => database.close(),
  };
}

export interface SuiteHandle {
  /** The suite's environment (created in beforeAll, closed in afterAll). */
  env(): TestEnv;
  kind: DatabaseKind;
}

/**
 * Defines the suite on PGlite always, and again on real PostgreSQL when DATABASE_URL is set.
 * Each run gets its own fresh database for the whole suite.
 */
export function describeOnBothDatabases(name: string, fn: (suite: SuiteHandle) => void): void {
  const kinds: DatabaseKind[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  for (const kind of kinds) defineSuite(`${name} [${kind}]`, kind, fn, {});
}

/**
 * Concurrency suites: real PostgreSQL only, with a small pool (PGlite has one connection and
 * proves nothing about locks, checklist D26). Defines nothing when DATABASE_URL is unset, so put
 * these in a file that also has a PGlite suite, or guard the file.
 */
export function describeOnPostgres(name: string, fn: (suite: SuiteHandle) => void, opts: { max?: number } = {}): void {
  if (!process.env.DATABASE_URL) return;
  defineSuite(`${name} [postgres]`, "postgres", fn, { max: opts.max ?? 5 });
}

function defineSuite(name: string, kind: DatabaseKind, fn: (suite: SuiteHandle) => void, opts: TestEnvOptions) {
  describe(name, () => {
    let env: TestEnv | undefined;
    beforeAll(async () => {
      env = await createTestEnv({ ...opts, kind });
    });
    afterAll(async () => {
      await env?.close();
    });
    fn({
      kind,
      env() {
        if (!env) throw new Error("test env not ready");
        return env;
      },
    });
  });
}
