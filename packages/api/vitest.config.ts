// Relative import on purpose: Node 20 cannot load the workspace package's .ts entry when vitest
// externalises it (ERR_UNKNOWN_FILE_EXTENSION); a relative path gets bundled with this config.
import { lingongVitest } from "../../tooling/vitest/index.ts";

// PGlite and PostgreSQL suites share one machine with 2 cores: keep files in a small pool.
export default lingongVitest({ maxWorkers: 2, fileParallelism: true });
