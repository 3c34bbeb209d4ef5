import { lingongVitest } from "@lingong/vitest-config";

// Unit tests for pure helpers live in src/; browser flows in e2e/ run against the built dist/
// served by the real API on an in-memory PGlite (see e2e/global-setup.ts).
export default lingongVitest({
  include: ["src/**/*.test.ts", "e2e/**/*.e2e.test.ts"],
  globalSetup: ["e2e/global-setup.ts"],
  fileParallelism: false,
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // A browser on a busy 2-core CI machine can take seconds to render; expect.poll's 1 s default flaked.
  expect: { poll: { timeout: 15_000 } },
});
