// ESLint for the portal's browser code (docs/assets/portal/, the search worker) and its Node tests
// (tests/js/). Run by `make jscheck` (part of `make test`) from this folder; paths are the repo's.
import js from "@eslint/js";
import globals from "globals";

const BROWSER = ["docs/assets/portal/**/*.js"];
const CLASSIC = [
  "docs/assets/portal/hash.js",
  "docs/assets/portal/search-core.js",
  "overrides/assets/javascripts/portal-search.js",
  // The service worker's rules and code (sw.js importScripts them; Node's tests require the rules).
  "docs/assets/portal/offline-core.js",
  "docs/assets/portal/offline-sw.js",
];
const rules = {
  ...js.configs.recommended.rules,
  eqeqeq: ["error", "always"],
  "no-var": "error",
  "prefer-const": "error",
  // The shipped scripts are the source without comments (macros/core/scriptmin.py, rjsmin): rjsmin
  // reads a template as one string up to the next backtick, so a template inside another's ${…}
  // would be cut. Give the inner one a name instead.
  "no-restricted-syntax": [
    "error",
    { selector: "TemplateLiteral TemplateLiteral", message: "模板字符串里不要再套模板字符串（发布时去注释的 rjsmin 会切错）：先把里面的放进一个变量。" },
  ],
  "no-implicit-globals": "error",
  "no-shadow": "error",
  "no-unused-vars": ["error", { args: "after-used", caughtErrors: "all" }],
};

export default [
  { ignores: ["docs/assets/vendor/**", "tools/**", "site/**", ".venv/**"] },
  {
    files: BROWSER,
    ignores: CLASSIC,
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
    rules,
  },
  {
    // Classic scripts: the search worker and what it importScripts; hash.js and search-core.js are
    // also CommonJS for Node's tests.
    files: CLASSIC,
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.worker, ...globals.browser, module: "readonly", require: "readonly" },
    },
    rules: { ...rules, "no-implicit-globals": "off" },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
    rules,
  },
];
