import { lingongVitest } from "@lingong/vitest-config";

// Chart option builders are unit-tested without a DOM (src/**); e2e/** drives Chromium against the
// real API server on an in-memory PGlite with demo data.
export default lingongVitest({
  include: ["src/**/*.test.ts", "e2e/**/*.e2e.test.ts"],
  fileParallelism: false,
  testTimeout: 180_000,
  hookTimeout: 180_000,
  // A browser on a busy 2-core CI machine can take seconds to render; expect.poll's 1 s default flaked.
  expect: { poll: { timeout: 15_000 } },
});
