/* The offline reader's rules, as pure functions: how the service worker answers a request, the
   shell it precaches, the page budget, and whether the server has a newer deployment. A classic
   script: the worker (offline-sw.js) importScripts it, Node's tests require it. README.md 离线阅读. */
(function (root) {
  "use strict";

  // Material's files carry a content hash in their names (bundle.a5f9d56c.min.js), and so do the
  // portal's own (main.8b1d04aa.js, portal.3f2a9c1e.css: macros/core/assetnames.py): never stale.
  const FINGERPRINT = /\.[0-9a-f]{8,}(?:\.min)?\.(?:js|css)$/;
  const PAGE = /(?:\/|\.html)$/;

  /**
   * How the worker answers a GET of `url`: "foreign" (another host or outside the portal: not
   * answered), "shell" (precached), "fingerprinted" (cache first), "search" (the index, network
   * first), "page" (network first, then the cached copy, then the offline page), "asset" (network first).
   * @param {string} url @param {string} scope @param {Set<string>} shell
   */
  function route(url, scope, shell) {
    const bare = url.split("#")[0];
    if (!bare.startsWith(scope)) return "foreign";
    const path = bare.slice(scope.length).split("?")[0];
    if (shell.has(bare)) return "shell";
    if (FINGERPRINT.test(path)) return "fingerprinted";
    if (path.startsWith("search/")) return "search";
    if (path === "" || PAGE.test(path)) return "page";
    return "asset";
  }

  /**
   * The shell's absolute addresses: site paths resolved under `scope`, in order, without repeats
   * and without anything that would leave the portal (absolute URLs, `..`).
   * @param {string[]} paths @param {string} scope @returns {string[]}
   */
  function precacheList(paths, scope) {
    const seen = new Set();
    for (const path of paths) {
      if (typeof path !== "string" || /^[a-z][a-z0-9+.-]*:|^\/|(^|\/)\.\.(\/|$)/i.test(path)) continue;
      const url = new URL(path, scope).href;
      if (url.startsWith(scope)) seen.add(url);
    }
    return [...seen];
  }

  /**
   * The cached pages to delete, oldest first, so that at most `budget.pages` pages and
   * `budget.bytes` bytes remain. Pages of downloaded modules live in another cache and are
   * never passed here; `pinned` entries (the shell) are never chosen either.
   * @param {{url: string, time: number, bytes: number, pinned?: boolean}[]} entries
   * @param {{pages: number, bytes: number}} budget
   * @returns {string[]}
   */
  function evictions(entries, budget) {
    let count = entries.length;
    let bytes = entries.reduce((sum, e) => sum + (e.bytes || 0), 0);
    const out = [];
    const oldest = entries.filter((e) => !e.pinned).sort((a, b) => a.time - b.time || (a.url < b.url ? -1 : 1));
    for (const e of oldest) {
      if (count <= budget.pages && bytes <= budget.bytes) break;
      out.push(e.url);
      count -= 1;
      bytes -= e.bytes || 0;
    }
    return out;
  }

  /**
   * Whether the server now holds another deployment than the worker's: "same", "updated", or
   * "unknown" (no answer: offline, or a server without the version file).
   * @param {string} mine @param {unknown} served
   */
  function deployment(mine, served) {
    if (!served || typeof served !== "object" || typeof (/** @type {any} */ (served).version) !== "string") return "unknown";
    return /** @type {any} */ (served).version === mine ? "same" : "updated";
  }

  /** The worker's caches for one deployment. @param {string} version */
  function cacheNames(version) {
    return { shell: `portal-shell-${version}`, pages: `portal-pages-${version}`, modules: `portal-modules-${version}` };
  }

  /**
   * The portal caches another deployment left behind, by kind; caches of other programs untouched.
   * @param {string[]} names @param {string} version
   */
  function staleCaches(names, version) {
    const mine = Object.values(cacheNames(version));
    const old = names.filter((n) => /^portal-(shell|pages|modules)-/.test(n) && !mine.includes(n));
    return {
      shell: old.filter((n) => n.startsWith("portal-shell-")),
      pages: old.filter((n) => n.startsWith("portal-pages-")),
      modules: old.filter((n) => n.startsWith("portal-modules-")),
    };
  }

  /** A size as a teacher reads it: 860 字节, 35 KB, 1.2 MB. @param {number} bytes */
  function size(bytes) {
    if (bytes < 1024) return `${bytes} 字节`;
    if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }

  const api = { route, precacheList, evictions, deployment, cacheNames, staleCaches, size };
  root.PortalOffline = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(/** @type {any} */ (globalThis));
