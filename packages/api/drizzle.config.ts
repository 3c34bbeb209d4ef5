import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema files and committed; they run at start on both
// PostgreSQL and the embedded PGlite. Never `push`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
});
