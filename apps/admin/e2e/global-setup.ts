import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
// Relative imports on purpose: the API's server and test harness are not part of its public entry.
import { createServer } from "../../../packages/api/src/server/index.ts";
import { createTestEnv } from "../../../packages/api/src/test/harness.ts";
import { seedFixture } from "./fixture.ts";

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, "../dist");

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    fixture: Awaited<ReturnType<typeof seedFixture>>;
  }
}

/**
 * One API server for all browser tests: an in-memory PGlite, migrated, with the harness's market,
 * townships and one user per role (password TEST_PASSWORD), plus a small deterministic fixture.
 * It serves the built admin app from dist/ (turbo runs `build` before `test`).
 */
export default async function setup(project: TestProject) {
  if (!existsSync(resolve(dist, "index.html"))) {
    const msg = `apps/admin/dist is missing: run \`npx vite build\` in apps/admin before the browser tests`;
    if (process.env.CI === "true") throw new Error(msg);
    console.warn(`⚠ ${msg}`);
  }
  const env = await createTestEnv({ kind: "pglite" });
  const fixture = await seedFixture(env);
  const app = createServer({ db: env.db, log: false, adminDist: dist, loginAttemptsPerMinute: 1000 });
  const url = await app.listen(0, "127.0.0.1");
  // localhost, not 127.0.0.1: the __Host- session cookie is Secure, which browsers accept on http://localhost.
  project.provide("baseUrl", url.replace("127.0.0.1", "localhost"));
  project.provide("fixture", fixture);
  return async () => {
    await app.close();
    await env.close();
  };
}
