import { defineConfig, type ViteUserConfig } from "vitest/config";

/**
 * Shared Vitest settings. PGlite takes ~3 s to open, so hooks get a long timeout;
 * tests stay in files beside the code they check.
 */
export function lingongVitest(overrides: ViteUserConfig["test"] = {}): ViteUserConfig {
  return defineConfig({
    test: {
      include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
      hookTimeout: 60_000,
      testTimeout: 30_000,
      reporters: process.env.CI ? ["default"] : ["default"],
      ...overrides,
    },
  });
}
