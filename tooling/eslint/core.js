// Core must stay pure: the caller passes today, seeds and policy in, so every rule is
// deterministic and reusable in another county's project without our I/O stack.
import base from "./index.js";

export default [
  ...base,
  {
    files: ["src/**/*.ts"],
    ignores: ["src/**/*.test.ts", "src/**/*.bench.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "http", "https", "net", "child_process", "crypto"], message: "core is pure: no I/O or node: imports" },
            { group: ["drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*", "@trpc/*", "react", "react-dom"], message: "core is pure: no database, tRPC or UI" },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "core is pure: pass configuration in" }, { name: "fetch", message: "core is pure: no I/O" }],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "core is pure: pass today in" },
        { object: "Math", property: "random", message: "core is pure: pass a seed in" },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "core is pure: pass today in" },
      ],
    },
  },
];
