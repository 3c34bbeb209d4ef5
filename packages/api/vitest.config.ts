import { lingongVitest } from "@lingong/vitest-config";

// PGlite and PostgreSQL suites share one machine with 2 cores: keep files in a small pool.
// Whole-flow tests (demo seed, concurrency bursts) get two minutes: on a loaded 2-core box
// a seed that takes 10 s alone was seen to take over 30 s.
export default lingongVitest({ maxWorkers: 2, fileParallelism: true, testTimeout: 120_000 });
