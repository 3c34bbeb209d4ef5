/**
 * API throughput on loopback: a typical paginated list query (staff.list, 10 rows) through /trpc
 * with a session cookie, against a bare node:http handler running the same drizzle query and
 * JSON.stringify in the same process and run. autocannon runs in a child process (10
 * connections, 5 s each after a 1 s warm-up) so it does not share the server's event loop.
 * Database: DATABASE_URL (a throwaway database created and dropped here) or in-memory PGlite.
 *
 * Prints `BENCH {"name":"api.read.rps",…}`, `api.read.p99_ms`, `api.floor.rps`, `api.read.ratio`.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { asc } from "drizzle-orm";
import postgres from "postgres";
import { hashPassword } from "../src/auth/password.ts";
import { createDatabase, type Database } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { markets, staffUsers } from "../src/schema/core.ts";
import { createServer } from "../src/server/index.ts";

const ROWS = 3000;
const PAGE = 10;
const PASSWORD = "Bench-Pass-2024!";

async function openDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return createDatabase({ dataDir: "memory://" });
  const name = `lingong_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await createDatabase({ url: u.toString(), max: 10 });
  return {
    ...database,
    async close() {
      await database.close();
      const drop = postgres(url, { max: 1, onnotice: () => {} });
      await drop.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

async function autocannon(url: string, headers: Record<string, string>) {
  const args = ["autocannon", "-c", "10", "-d", "5", "-w", "1", "-j"];
  for (const [k, v] of Object.entries(headers)) args.push("-H", `${k}=${v}`);
  args.push(url);
  // Async on purpose: the servers under test live in this process's event loop.
  const child = spawn("npx", args, { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((r) => child.on("close", r));
  if (code !== 0) throw new Error(`autocannon failed: ${err}`);
  const r = JSON.parse(out) as {
    requests: { average: number };
    latency: { p99: number };
    non2xx: number;
    errors: number;
  };
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`autocannon saw ${r.non2xx} non-2xx and ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

const bench = (name: string, value: number, unit: string) =>
  console.log(`BENCH ${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit })}`);

async function main() {
  const database = await openDatabase();
  const { db } = database;
  await migrateDatabase(db, database.kind);
  const [market] = await db
    .insert(markets)
    .values({ code: "140521", name: "沁水县零工市场", county: "沁水县", province: "山西省" })
    .returning({ id: markets.id });
  const passwordHash = await hashPassword(PASSWORD);
  const roles = ["head", "office", "business", "casework", "training", "policy", "rights", "logistics"];
  for (let i = 0; i < ROWS; i += 500) {
    await db.insert(staffUsers).values(
      Array.from({ length: Math.min(500, ROWS - i) }, (_, j) => ({
        marketId: market?.id ?? null,
        username: `staff${String(i + j).padStart(5, "0")}`,
        displayName: `工作人员${i + j}`,
        role: roles[(i + j) % roles.length] ?? "office",
        passwordHash,
      })),
    );
  }
  await db.insert(staffUsers).values({ username: "bench-admin", displayName: "压测管理员", role: "admin", passwordHash });

  const app = createServer({ db, log: false });
  const base = await app.listen(0);
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ username: "bench-admin", password: PASSWORD }),
  });
  const cookie = login.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  if (login.status !== 200 || !cookie) throw new Error(`login failed: ${login.status}`);

  const input = encodeURIComponent(JSON.stringify({ limit: PAGE, offset: 100 }));
  const listUrl = `${base}/trpc/staff.list?input=${input}`;
  const sample = await fetch(listUrl, { headers: { cookie } });
  const sampleBody = await sample.text();
  if (sample.status !== 200) throw new Error(`list failed: ${sample.status} ${sampleBody}`);
  console.error(`staff.list: ${sampleBody.length} bytes per response (${database.kind})`);

  // The floor: the same query and serialisation, nothing else.
  const floor = createHttpServer((_req, res) => {
    db.select({
      id: staffUsers.id,
      marketId: staffUsers.marketId,
      username: staffUsers.username,
      displayName: staffUsers.displayName,
      role: staffUsers.role,
      disabledAt: staffUsers.disabledAt,
      lockedUntil: staffUsers.lockedUntil,
      lastLoginAt: staffUsers.lastLoginAt,
      passwordChangedAt: staffUsers.passwordChangedAt,
      createdAt: staffUsers.createdAt,
    })
      .from(staffUsers)
      .orderBy(asc(staffUsers.username))
      .limit(PAGE)
      .offset(100)
      .then((rows) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ result: { data: rows } }));
      })
      .catch(() => {
        res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((r) => floor.listen(0, "127.0.0.1", r));
  const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}/`;

  // Interleaved rounds, best of each: other processes share this machine's cores.
  const apiRuns = [];
  const bareRuns = [];
  for (let round = 0; round < 2; round++) {
    bareRuns.push(await autocannon(floorUrl, {}));
    apiRuns.push(await autocannon(listUrl, { cookie }));
  }
  const api = apiRuns.reduce((a, b) => (b.rps > a.rps ? b : a));
  const bare = bareRuns.reduce((a, b) => (b.rps > a.rps ? b : a));
  console.error(`rounds: api ${apiRuns.map((r) => r.rps.toFixed(0)).join(", ")}; floor ${bareRuns.map((r) => r.rps.toFixed(0)).join(", ")}`);
  bench("api.read.rps", api.rps, "req/s");
  bench("api.read.p99_ms", api.p99, "ms");
  bench("api.floor.rps", bare.rps, "req/s");
  bench("api.read.ratio", api.rps / bare.rps, "x");
  console.error(`api/floor = ${(api.rps / bare.rps).toFixed(2)} (target >= 0.5) on ${database.kind}`);

  await new Promise<void>((r) => floor.close(() => r()));
  await app.close();
  await database.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
