#!/usr/bin/env node
// Gzipped size of the JavaScript the dashboard's index.html loads on first visit (entry script and
// modulepreloads), plus the total after sign-in (every chunk, for information). Build first.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const dist = new URL("../dist/", import.meta.url).pathname;
const html = readFileSync(join(dist, "index.html"), "utf8");
const first = [...html.matchAll(/(?:src|href)="\/dashboard\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const firstKb = first.reduce((a, f) => a + gz(f), 0) / 1024;
const all = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"));
const allKb = all.reduce((a, f) => a + gz(`assets/${f}`), 0) / 1024;
console.error(`first load: ${first.length} files; all chunks: ${all.length} files, ${allKb.toFixed(1)} KB gzipped`);
console.log(`BENCH ${JSON.stringify({ name: "dashboard.bundle.gz_kb", value: Math.round(firstKb * 10) / 10, unit: "KB", target: "<= 600" })}`);
console.log(`BENCH ${JSON.stringify({ name: "dashboard.bundle.all_gz_kb", value: Math.round(allKb * 10) / 10, unit: "KB" })}`);
