/* DOM helpers of the portal's modules, and the page life cycle under instant navigation. */

/**
 * An element; `text` and `className` set text and class, other attributes are left out when
 * null, undefined or false. Text is only ever set as text, never as markup.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attrs]
 * @param {(Node | string | null | undefined | false)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = String(v);
    else if (k === "className") node.className = String(v);
    else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

/** True the first time for this node and name: a widget is set up once. @param {HTMLElement} node @param {string} name */
export function once(node, name) {
  const flag = `bound${name}`;
  if (node.dataset[flag]) return false;
  node.dataset[flag] = "1";
  return true;
}

/** @param {ParentNode} root @param {string} selector @returns {HTMLElement[]} */
export const all = (root, selector) => /** @type {HTMLElement[]} */ ([...root.querySelectorAll(selector)]);

/** The element under `root` (the build writes the markup: a missing one is a bug). @param {ParentNode} root @param {string} selector @returns {HTMLElement} */
export function find(root, selector) {
  const node = root.querySelector(selector);
  if (!node) throw new Error(`页面缺少 ${selector}`);
  return /** @type {HTMLElement} */ (node);
}

/**
 * An element that has these `data-*` attributes: one found by a selector requiring them
 * (`tr[data-module]`), or one the build always writes them on. A type only: nothing is shipped.
 * @template {string} K
 * @typedef {HTMLElement & { dataset: Record<K, string> }} WithData
 */

/**
 * `init` for every page shown: Material's instant navigation swaps pages without reloading
 * scripts and announces each on `document$`. The signal aborts when the reader leaves the page
 * (for listeners on window or document). <html data-portal-ready> then holds the page's path.
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
      .finally(() => {
        if (!signal.aborted) document.documentElement.dataset.portalReady = page;
      });
  };
  const doc$ = /** @type {any} */ (window).document$;
  if (doc$) doc$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
  else run();
}

/** Today in the reader's time zone: 2025-09-01. */
export function today(now = new Date()) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Offers `text` as a file, then frees its URL. @param {string} text @param {string} type @param {string} name */
export function download(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
