// Plain JS on purpose: Vitest bundles each package's config but loads workspace packages through
// Node, and Node 20 cannot import a .ts file from node_modules.
import { defineConfig } from "vitest/config";

/**
 * Shared Vitest settings. PGlite takes ~3 s to open, so hooks get a long timeout;
 * tests stay in files beside the code they check.
 * @param {import("vitest/config").ViteUserConfig["test"]} [overrides]
 * @returns {import("vitest/config").ViteUserConfig}
 */
export function lingongVitest(overrides = {}) {
  return defineConfig({
    test: {
      include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
      hookTimeout: 60_000,
      testTimeout: 30_000,
      ...overrides,
    },
  });
}
