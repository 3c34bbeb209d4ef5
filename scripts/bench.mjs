#!/usr/bin/env node
// Runs every workspace's `bench` script. A bench reports each figure as one stdout line
// `BENCH {"name":…,"value":…,"unit":…}`; this collects them into a table and bench-results.json.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const workspaces = ["packages/core", "packages/api", "apps/dashboard"];
const results = [];
let failed = false;
// The dashboard bench loads a province into a throwaway PostgreSQL database; the root run uses a tenth of
// the province (a few minutes) unless LINGONG_BENCH_SCALE says otherwise (1 = 117 markets, ~6M dispatches).
const dashboardScale = process.env.LINGONG_BENCH_SCALE ?? "0.1";
const extra = { "packages/api": [["bench:dashboard", { LINGONG_BENCH_SCALE: dashboardScale }]] };
for (const ws of workspaces) {
  const pkgPath = join(root, ws, "package.json");
  const scripts = existsSync(pkgPath) ? (JSON.parse(readFileSync(pkgPath, "utf8")).scripts ?? {}) : {};
  const runs = [...(scripts.bench ? [["bench", {}]] : []), ...(extra[ws] ?? []).filter(([s]) => scripts[s])];
  for (const [script, env] of runs) {
    console.error(`\n▶ ${script} ${ws}${env.LINGONG_BENCH_SCALE ? ` (LINGONG_BENCH_SCALE=${env.LINGONG_BENCH_SCALE})` : ""}`);
    const run = spawnSync("npm", ["run", "--silent", script], { cwd: join(root, ws), encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    for (const line of (run.stdout ?? "").split("\n")) {
      if (line.startsWith("BENCH ")) results.push(JSON.parse(line.slice(6)));
      else if (line.trim()) console.error(line);
    }
    if (run.status !== 0) { failed = true; console.error(`✗ ${script} ${ws} exited ${run.status}`); }
  }
}
console.table(results.map((r) => ({ name: r.name, value: r.value, unit: r.unit, ...(r.target ? { target: r.target } : {}) })));
writeFileSync(join(root, "bench-results.json"), JSON.stringify(results.map(({ name, value, unit }) => ({ name, value, unit })), null, 2) + "\n");
console.error(`wrote bench-results.json (${results.length} figures)`);
process.exit(failed ? 1 : 0);
