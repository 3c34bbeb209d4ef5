import { lingongVitest } from "@lingong/vitest-config";

// Chart option builders are unit-tested without a DOM (src/**); e2e/** drives Chromium against the
// real API server on an in-memory PGlite with demo data.
export default lingongVitest({
  include: ["src/**/*.test.ts", "e2e/**/*.e2e.test.ts"],
  fileParallelism: false,
  testTimeout: 180_000,
  hookTimeout: 180_000,
});
