import { lingongVitest } from "@lingong/vitest-config";

// PGlite and PostgreSQL suites share one machine with 2 cores: keep files in a small pool.
export default lingongVitest({ maxWorkers: 2, fileParallelism: true });
