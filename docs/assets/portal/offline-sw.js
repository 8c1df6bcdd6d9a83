/* The portal's service worker (README.md 离线阅读). The build writes sw.js at the site's root:
   the deployment's version, shell and budget in self.PORTAL_OFFLINE, then importScripts of
   offline-core.js (the rules) and this file. Written by hand rather than with Workbox: it needs
   per-deployment caches and the page/asset version check below, which Workbox does not offer, and
   is a few KB where Workbox's precaching, routing and strategies builds are over 20 KB. */
"use strict";
(function (sw) {
  const C = sw.PORTAL_OFFLINE;
  const core = sw.PortalOffline;
  const SCOPE = sw.registration.scope;
  const names = core.cacheNames(C.version);
  const SHELL = core.precacheList(C.shell, SCOPE);
  const shellSet = new Set(SHELL);
  const OFFLINE = new URL(C.offline, SCOPE).href;
  const VERSION = new URL(C.versionFile, SCOPE).href;
  const SITEMAP = new URL("sitemap.xml", SCOPE).href;
  const INDEX = `${SCOPE}__portal-offline/module/`;
  // Pages a newer deployment served while this worker still ran (the server changed under it): their
  // assets come from the network, never from this worker's shell. A page never mixes deployments.
  const fresh = new Set();
  // Pages open when this worker took over from an older one: their assets from their own shell.
  /** @type {Map<string, string>} */
  const legacy = new Map();

  const probe = () =>
    fetch(VERSION, { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null)
      .then((served) => core.deployment(C.version, served));

  /** A copy of `response` stamped with the time it was stored and its size (the budget reads both). */
  async function stamped(response) {
    const body = await response.blob();
    const headers = new Headers(response.headers);
    headers.set("x-portal-time", String(Date.now()));
    headers.set("x-portal-bytes", String(body.size));
    return { copy: new Response(body, { status: response.status, statusText: response.statusText, headers }), bytes: body.size };
  }

  async function enforceBudget() {
    const cache = await caches.open(names.pages);
    const entries = [];
    for (const request of await cache.keys()) {
      const r = await cache.match(request);
      if (!r) continue;
      entries.push({ url: request.url, time: Number(r.headers.get("x-portal-time")) || 0, bytes: Number(r.headers.get("x-portal-bytes")) || 0 });
    }
    for (const url of core.evictions(entries, C.budget)) await cache.delete(url);
  }

  async function keep(request, response) {
    const { copy } = await stamped(response);
    const cache = await caches.open(names.pages);
    await cache.put(request.url.split("#")[0], copy);
    await enforceBudget();
  }

  async function cached(url) {
    for (const name of [names.modules, names.pages, names.shell]) {
      const hit = await (await caches.open(name)).match(url, { ignoreSearch: false });
      if (hit) return hit;
    }
    return undefined;
  }

  sw.addEventListener("install", (event) => {
    event.waitUntil(
      caches.open(names.shell).then((cache) =>
        // cache: "reload": a copy the browser kept (nginx sends 30 days for /assets/) never enters.
        Promise.all(SHELL.map((url) => fetch(url, { cache: "reload" }).then((r) => (r.ok ? cache.put(url, r) : Promise.reject(new Error(`${url}: ${r.status}`)))))),
      ),
    );
    // The sitemap Material's instant navigation reads on every full load: with the pages, as read.
    event.waitUntil(fetch(SITEMAP).then((r) => (r.ok ? keep(new Request(SITEMAP), r) : null), () => null));
  });

  async function carryModules(oldNames) {
    const target = await caches.open(names.modules);
    for (const name of oldNames) {
      const old = await caches.open(name);
      for (const request of await old.keys()) {
        const hit = request.url.startsWith(INDEX) ? await old.match(request) : undefined;
        if (!hit) continue; // not a module's list, or gone since keys() was read
        const entry = await hit.json();
        // Downloaded again from this deployment; a module that cannot be is dropped, never kept old.
        await download(entry.module, entry.urls, () => {}).catch(() => target.delete(request.url));
      }
    }
  }

  sw.addEventListener("activate", (event) => {
    event.waitUntil(
      (async () => {
        const stale = core.staleCaches(await caches.keys(), C.version);
        const open = await sw.clients.matchAll({ type: "window" });
        if (stale.shell.length === 1) for (const c of open) legacy.set(c.id, stale.shell[0]);
        await carryModules(stale.modules);
        for (const name of [...stale.pages, ...stale.modules]) await caches.delete(name);
        if (!open.length) for (const name of stale.shell) await caches.delete(name);
        await sw.clients.claim();
      })(),
    );
  });

  async function download(module, urls, report) {
    if ((await probe()) === "updated") throw new Error("门户已更新，请先重新加载页面，再下载。");
    const cache = await caches.open(names.modules);
    let bytes = 0;
    let done = 0;
    const absolute = urls.map((u) => new URL(u, SCOPE).href).filter((u) => u.startsWith(SCOPE));
    for (const url of absolute) {
      const response = await fetch(url, { cache: "no-cache" });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      const { copy, bytes: n } = await stamped(response);
      await cache.put(url, copy);
      bytes += n;
      done += 1;
      report({ done, total: absolute.length, bytes });
    }
    const entry = { module, urls: absolute, bytes, time: Date.now() };
    await cache.put(INDEX + module, new Response(JSON.stringify(entry), { headers: { "content-type": "application/json" } }));
    return entry;
  }

  async function removeModule(module) {
    const cache = await caches.open(names.modules);
    const hit = await cache.match(INDEX + module);
    if (!hit) return;
    const entry = await hit.json();
    // A page two modules share (我的学习) stays while another downloaded module lists it.
    const others = new Set();
    for (const request of await cache.keys()) {
      const list = request.url.startsWith(INDEX) && request.url !== INDEX + module ? await cache.match(request) : undefined;
      if (list) for (const u of (await list.json()).urls) others.add(u);
    }
    for (const url of entry.urls) if (!others.has(url)) await cache.delete(url);
    await cache.delete(INDEX + module);
  }

  sw.addEventListener("message", (event) => {
    const data = event.data || {};
    const port = event.ports[0];
    const reply = (message) => port && port.postMessage(message);
    if (data.type === "skip-waiting") sw.skipWaiting();
    else if (data.type === "version") reply({ version: C.version });
    else if (data.type === "module-status")
      event.waitUntil(
        caches
          .open(names.modules)
          .then((cache) => cache.match(INDEX + data.module))
          .then((hit) => (hit ? hit.json() : null))
          .then((entry) => reply({ entry })),
      );
    else if (data.type === "download")
      event.waitUntil(
        download(data.module, data.urls, (progress) => reply({ progress }))
          .then((entry) => reply({ entry }))
          .catch((error) => removeModule(data.module).then(() => reply({ error: String(error.message || error) }))),
      );
    else if (data.type === "remove") event.waitUntil(removeModule(data.module).then(() => reply({ removed: true })));
  });

  async function page(event) {
    const request = event.request;
    const navigate = request.mode === "navigate";
    const client = navigate ? "" : event.clientId;
    if (!navigate && legacy.has(client)) return Response.error(); // old scripts: a full page load instead
    const [response, state] = await Promise.all([fetch(request).catch(() => null), probe()]);
    if (response && response.status < 500) {
      if (state === "same") {
        if (response.ok) event.waitUntil(keep(request, response.clone()));
        return response;
      }
      if (state === "updated") sw.registration.update().catch(() => {});
      if (navigate) {
        if (event.resultingClientId) fresh.add(event.resultingClientId);
        return response;
      }
      if (fresh.has(client)) return response;
      // An instant navigation of a page with this deployment's scripts: its own copy, or a full load.
      return (await cached(request.url)) || Response.error();
    }
    const hit = await cached(request.url);
    if (hit) return hit;
    // Never saved: the offline page, at its own address (its links and assets are relative to it).
    if (!navigate || request.url === OFFLINE || !(await cached(OFFLINE))) return Response.error();
    return Response.redirect(OFFLINE, 302);
  }

  async function shell(event) {
    const client = event.clientId;
    // Revalidated: a copy the browser's HTTP cache kept (30 days for /assets/ in README's nginx) may be old.
    if (fresh.has(client)) return fetch(new Request(event.request, { cache: "no-cache" }));
    const own = legacy.get(client);
    if (own) {
      const hit = await (await caches.open(own)).match(event.request);
      if (hit) return hit;
    }
    const hit = await (await caches.open(names.shell)).match(event.request);
    return hit || fetch(event.request);
  }

  async function cacheFirst(event) {
    const hit = await cached(event.request.url);
    if (hit) return hit;
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(keep(event.request, response.clone()));
    return response;
  }

  async function networkFirst(event) {
    try {
      const response = await fetch(event.request);
      if (response.ok && !fresh.has(event.clientId)) event.waitUntil(keep(event.request, response.clone()));
      return response;
    } catch (error) {
      const hit = await cached(event.request.url);
      if (hit) return hit;
      throw error;
    }
  }

  sw.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") return;
    const kind = core.route(request.url, SCOPE, shellSet);
    if (kind === "foreign") return;
    if (kind === "page") event.respondWith(page(event));
    else if (kind === "shell") event.respondWith(shell(event));
    else if (kind === "fingerprinted") event.respondWith(cacheFirst(event));
    else event.respondWith(networkFirst(event));
  });
})(/** @type {any} */ (self));
