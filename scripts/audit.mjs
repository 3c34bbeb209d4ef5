#!/usr/bin/env node
// `npm audit --audit-level=high`, and when the registry's audit endpoint cannot be reached (some
// mirrors answer 405), a check of package-lock.json against security/advisories.json instead, saying
// so loudly. Exit 1 on any high or critical finding either way. `--self-test` checks the version
// comparison and the lockfile matching against known answers.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** -1, 0 or 1 comparing two x.y.z versions (a pre-release sorts before its release). */
export function compareVersions(a, b) {
  const parse = (v) => {
    const [core, pre] = v.split("-", 2);
    return { nums: core.split(".").map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** Every installed copy of each advised package below its fixed version. */
export function findVulnerable(lock, advisories) {
  const found = [];
  for (const [path, meta] of Object.entries(lock.packages ?? {})) {
    if (!path.includes("node_modules/")) continue;
    const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    for (const a of advisories) {
      if (a.package === name && meta.version && compareVersions(meta.version, a.fixed) < 0) found.push({ ...a, path, version: meta.version });
    }
  }
  return found;
}

function selfTest() {
  const cases = [
    ["11.7.9", "11.8.0", -1],
    ["11.22.1", "11.8.0", 1],
    ["0.45.2", "0.45.2", 0],
    ["0.45.2-beta.1", "0.45.2", -1],
    ["1.0.0", "0.99.99", 1],
  ];
  for (const [a, b, want] of cases) if (compareVersions(a, b) !== want) throw new Error(`compareVersions(${a}, ${b}) should be ${want}`);
  const lock = { packages: { "": {}, "node_modules/drizzle-orm": { version: "0.44.7" }, "node_modules/x/node_modules/@trpc/server": { version: "11.22.1" } } };
  const adv = [
    { id: "A", package: "drizzle-orm", fixed: "0.45.2" },
    { id: "B", package: "@trpc/server", fixed: "11.8.0" },
  ];
  const hits = findVulnerable(lock, adv).map((h) => `${h.id}@${h.version}`);
  if (hits.join(",") !== "A@0.44.7") throw new Error(`findVulnerable found ${hits.join(",") || "nothing"}, expected A@0.44.7`);
  console.log("audit self-test: ok");
}

function main() {
  if (process.argv.includes("--self-test")) return selfTest();
  let report;
  try {
    const out = execFileSync("npm", ["audit", "--json", "--audit-level=high"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    report = JSON.parse(out);
  } catch (e) {
    // npm audit exits non-zero both when it finds something and when it cannot ask the registry.
    try {
      report = JSON.parse(e.stdout ?? "");
    } catch {
      report = { error: { summary: String(e.message).split("\n")[0] } };
    }
  }
  // A real report has metadata.vulnerabilities; an unreachable endpoint gives `error` or a bare HTTP answer.
  if (report.metadata?.vulnerabilities !== undefined) {
    const v = report.metadata?.vulnerabilities ?? {};
    const bad = (v.high ?? 0) + (v.critical ?? 0);
    console.log(`npm audit: ${v.critical ?? 0} critical, ${v.high ?? 0} high, ${v.moderate ?? 0} moderate, ${v.low ?? 0} low`);
    process.exit(bad > 0 ? 1 : 0);
  }
  const { advisories, updated } = JSON.parse(readFileSync(join(root, "security", "advisories.json"), "utf8"));
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  console.log(`npm audit UNAVAILABLE (${report.message || report.error?.summary || "no answer"}); checking package-lock.json against security/advisories.json (${advisories.length} advisories, updated ${updated}) instead`);
  const hits = findVulnerable(lock, advisories).filter((h) => h.severity === "high" || h.severity === "critical");
  for (const h of hits) console.log(`  ${h.severity}: ${h.package}@${h.version} (${h.path}) < ${h.fixed}: ${h.id} ${h.title}`);
  console.log(hits.length === 0 ? "audit fallback: no known high or critical advisory applies" : `audit fallback: ${hits.length} finding(s)`);
  process.exit(hits.length > 0 ? 1 : 0);
}

main();
