/* DOM helpers shared by the portal's browser modules: one element builder, a once-per-node
   guard, and the page life cycle under Material's instant navigation. */

/**
 * @typedef {string | number | boolean | null | undefined} AttrValue
 * @typedef {Node | string | null | undefined | false} Child
 */

/**
 * An element with attributes and children. `text` sets the text, `className` the class; an
 * attribute that is null, undefined or false is left out, true is written as an empty one.
 * Text is only ever set as text, never as markup.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, AttrValue>} [attrs]
 * @param {Child[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = String(v);
    else if (k === "className") node.className = String(v);
    else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  return node;
}

/**
 * True the first time it is asked for this node and name: a page's widgets are set up once,
 * even if the page is initialised again.
 * @param {HTMLElement} node
 * @param {string} name
 */
export function once(node, name) {
  const flag = `bound${name}`;
  if (node.dataset[flag]) return false;
  node.dataset[flag] = "1";
  return true;
}

/** @param {ParentNode} root @param {string} selector @returns {HTMLElement[]} */
export function all(root, selector) {
  return /** @type {HTMLElement[]} */ ([...root.querySelectorAll(selector)]);
}

/**
 * The element `selector` finds under `root` (the page's markup is the build's: a missing one is a bug).
 * @template {HTMLElement} [T=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {T}
 */
export function find(root, selector) {
  const node = root.querySelector(selector);
  if (!node) throw new Error(`页面缺少 ${selector}`);
  return /** @type {T} */ (node);
}

/**
 * Run `init` for every page the reader sees. Material's instant navigation replaces the page
 * without reloading the scripts and announces each page on `document$`; `init` gets a signal
 * that is aborted when the reader leaves the page, for listeners on window or document
 * (`addEventListener(type, fn, { signal })`) and timers to stop. Without Material (a page
 * opened as a file), `init` runs once. When `init` has finished, <html data-portal-ready>
 * holds the page's path and query.
 * @param {(signal: AbortSignal) => void | Promise<void>} init
 */
export function onPage(init) {
  /** @type {AbortController | null} */
  let current = null;
  const run = () => {
    if (current) current.abort();
    current = new AbortController();
    const signal = current.signal;
    const page = location.pathname + location.search;
    delete document.documentElement.dataset.portalReady;
    Promise.resolve()
      .then(() => init(signal))
      .catch((error) => console.error(error))
      // Set up (the modules a page needs are imported when it is shown): tests wait for this.
      .finally(() => {
        if (!signal.aborted) document.documentElement.dataset.portalReady = page;
      });
  };
  const doc$ = /** @type {{ subscribe(fn: () => void): unknown } | undefined} */ (/** @type {any} */ (window).document$);
  if (doc$ && typeof doc$.subscribe === "function") doc$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
  else run();
}

/** Today in the reader's time zone, as the dates progress keeps: 2025-09-01. */
export function today(now = new Date()) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Offer `text` as a download named `name`, then free the object URL once the download has started.
 * @param {string} text
 * @param {string} type
 * @param {string} name
 */
export function download(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
