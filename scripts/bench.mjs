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
for (const ws of workspaces) {
  const pkgPath = join(root, ws, "package.json");
  if (!existsSync(pkgPath) || !JSON.parse(readFileSync(pkgPath, "utf8")).scripts?.bench) continue;
  console.error(`\n▶ bench ${ws}`);
  const run = spawnSync("npm", ["run", "--silent", "bench"], { cwd: join(root, ws), encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: process.env, maxBuffer: 64 << 20 });
  for (const line of run.stdout.split("\n")) {
    if (line.startsWith("BENCH ")) results.push(JSON.parse(line.slice(6)));
    else if (line.trim()) console.error(line);
  }
  if (run.status !== 0) { failed = true; console.error(`✗ bench ${ws} exited ${run.status}`); }
}
console.table(results.map((r) => ({ name: r.name, value: r.value, unit: r.unit, ...(r.target ? { target: r.target } : {}) })));
writeFileSync(join(root, "bench-results.json"), JSON.stringify(results.map(({ name, value, unit }) => ({ name, value, unit })), null, 2) + "\n");
console.error(`wrote bench-results.json (${results.length} figures)`);
process.exit(failed ? 1 : 0);
