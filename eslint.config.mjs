import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";
import relais from "./scripts/eslint/no-domain-cycle.mjs";

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next*/**",
      ".data/**",
      "tmp/**",
      "tools/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // No import cycles between the domains of lib/ (docs/ARCHITECTURE.md, "Layers").
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    plugins: { relais },
    rules: { "relais/no-domain-cycle": "error" },
  },
];

export default config;
