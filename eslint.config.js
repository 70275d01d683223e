// ESLint (flat config): TypeScript-aware rules over the core, components, loaders,
// tests, benchmarks and scripts. The pages' JavaScript (```js blocks in src/*.md) is
// not linted: no maintained ESLint plugin reads Observable Framework's Markdown
// cells, so tests/unit/pages.test.ts checks their imports instead.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "src/.observablehq/",
      ".cache/",
      "src/core/engine/wasm/assembly/",
      "src/core/engine/wasm/step-binary.ts",
      "test-results/"
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
    rules: {
      // node:test's test/describe/it return promises that the runner itself awaits.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            {
              from: "package",
              package: "node:test",
              name: ["test", "it", "describe", "suite", "before", "after", "beforeEach", "afterEach"]
            }
          ]
        }
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        {argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none"}
      ]
    }
  },
  {
    // Functions that scripts/shoot.mjs hands to the page run in the browser.
    files: ["scripts/shoot.mjs"],
    languageOptions: {globals: {document: "readonly", scrollY: "readonly", window: "readonly"}}
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        Buffer: "readonly"
      }
    }
  }
);
