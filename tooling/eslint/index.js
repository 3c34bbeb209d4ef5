// Shared flat config for every workspace. Type-aware rules are left out on purpose:
// they would make `npm run lint` as slow as a full typecheck, which `typecheck` already does.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** drizzle's sql.raw with a non-literal is an injection hole (drizzle-orm#4335). */
const noSqlRaw = {
  selector: "CallExpression[callee.object.name='sql'][callee.property.name='raw'][arguments.0.type!='Literal']",
  message: "sql.raw() only with a string literal; pass values as parameters (checklist C23).",
};

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/.turbo/**", "**/drizzle/**", "**/test-artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-syntax": ["error", noSqlRaw],
    },
  },
);
