// The service worker's pure rules (docs/assets/portal/offline-core.js, a classic script the worker
// importScripts and Node requires): routing, the precache list, the page budget, deployments.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const core = require("../../docs/assets/portal/offline-core.js");
const SCOPE = "https://mentor.example.edu.cn/portal/";

test("routing: pages, shell, fingerprinted assets, the index, other hosts and outside the scope", () => {
  const shell = new Set([`${SCOPE}assets/portal.css`, SCOPE]);
  const cases = [
    [SCOPE, "shell"],
    [`${SCOPE}assets/portal.css`, "shell"],
    [`${SCOPE}training/a/`, "page"],
    [`${SCOPE}training/a/#quiz`, "page"],
    [`${SCOPE}training/a/?h=家访`, "page"],
    [`${SCOPE}404.html`, "page"],
    [`${SCOPE}assets/javascripts/bundle.a5f9d56c.min.js`, "fingerprinted"],
    [`${SCOPE}assets/stylesheets/main.57a0d79d.min.css`, "fingerprinted"],
    // The portal's own files ship content-hashed too (macros/core/assetnames.py).
    [`${SCOPE}assets/portal/main.8b1d04aa.js`, "fingerprinted"],
    [`${SCOPE}assets/portal.3f2a9c1e.css`, "fingerprinted"],
    [`${SCOPE}assets/vendor/js-yaml.min.0c1d2e3f.js`, "fingerprinted"],
    [`${SCOPE}assets/portal/main.js`, "asset"],
    [`${SCOPE}assets/portal/main.8b1d04.js`, "asset"],
    [`${SCOPE}search/portal/t/3f.json`, "search"],
    [`${SCOPE}sitemap.xml`, "asset"],
    [`${SCOPE}schools/a/plan.docx`, "asset"],
    ["https://mentor.example.edu.cn/other/", "foreign"],
    ["https://cdn.example.com/portal/x.js", "foreign"],
  ];
  for (const [url, kind] of cases) assert.equal(core.route(url, SCOPE, shell), kind, url);
});

test("precache list: resolved under the scope, in order, without repeats or ways out", () => {
  const list = core.precacheList(["./", "offline/", "assets/portal.css", "assets/portal.css", "../x.css", "/abs.css", "https://cdn.example.com/a.js", "a/../../b.css", /** @type {any} */ (7)], SCOPE);
  assert.deepEqual(list, [SCOPE, `${SCOPE}offline/`, `${SCOPE}assets/portal.css`]);
});

test("budget: the oldest pages go first until both the count and the bytes fit", () => {
  const entries = [
    { url: "c", time: 3, bytes: 100 },
    { url: "a", time: 1, bytes: 100 },
    { url: "b", time: 2, bytes: 100 },
    { url: "d", time: 4, bytes: 100 },
  ];
  assert.deepEqual(core.evictions(entries, { pages: 4, bytes: 1000 }), []);
  assert.deepEqual(core.evictions(entries, { pages: 2, bytes: 1000 }), ["a", "b"]);
  assert.deepEqual(core.evictions(entries, { pages: 10, bytes: 250 }), ["a", "b"]);
  assert.deepEqual(core.evictions(entries, { pages: 0, bytes: 0 }), ["a", "b", "c", "d"]);
  // A pinned entry is never chosen, even when the budget cannot be met without it.
  const pinned = [{ url: "old", time: 0, bytes: 500, pinned: true }, ...entries];
  assert.deepEqual(core.evictions(pinned, { pages: 1, bytes: 10 }), ["a", "b", "c", "d"]);
  // Same time: by address, so the choice does not depend on the cache's order.
  assert.deepEqual(core.evictions([{ url: "y", time: 1, bytes: 1 }, { url: "x", time: 1, bytes: 1 }], { pages: 1, bytes: 9 }), ["x"]);
});

test("deployments: same, updated, or unknown when the server does not answer", () => {
  assert.equal(core.deployment("abc", { version: "abc" }), "same");
  assert.equal(core.deployment("abc", { version: "abd" }), "updated");
  for (const served of [null, undefined, "abc", {}, { version: 3 }]) assert.equal(core.deployment("abc", served), "unknown");
});

test("caches: one set per deployment; only the portal's caches of other deployments are stale", () => {
  assert.deepEqual(core.cacheNames("v2"), { shell: "portal-shell-v2", pages: "portal-pages-v2", modules: "portal-modules-v2" });
  const stale = core.staleCaches(["portal-shell-v1", "portal-pages-v1", "portal-modules-v1", "portal-shell-v2", "portal-pages-v2", "other-app"], "v2");
  assert.deepEqual(stale, { shell: ["portal-shell-v1"], pages: ["portal-pages-v1"], modules: ["portal-modules-v1"] });
});

test("sizes as a teacher reads them", () => {
  assert.equal(core.size(860), "860 字节");
  assert.equal(core.size(35 * 1024), "35 KB");
  assert.equal(core.size(100), "100 字节");
  assert.equal(core.size(1.25 * 1024 * 1024), "1.3 MB");
});
