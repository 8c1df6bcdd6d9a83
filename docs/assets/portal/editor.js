/* 一校一策在线编辑器 (schools/editor/), the loader: main.js imports it where the page has
   #plan-editor; it fetches the editor itself (editor-ui.js, editor-core.js), its two libraries
   and the site's plan files. */

import { say } from "./editor-messages.js";

const base = new URL(".", import.meta.url);
/** @type {Promise<[import("./editor-ui.js"), import("./editor-ui.js").Libraries]> | null} */
let loading = null;

/** A classic script (the vendored libraries are UMD files that set a global). @param {string} src */
function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = new URL(src, base).href;
    s.onload = resolve;
    s.onerror = () => reject(new Error(say("cannot-load", { file: src })));
    document.head.appendChild(s);
  });
}

function editorCode() {
  if (!loading) {
    loading = Promise.all([import("./editor-ui.js"), loadScript("../vendor/json-logic.js"), loadScript("../vendor/js-yaml.min.js")]).then(
      ([ui]) => {
        const w = /** @type {any} */ (window);
        return [ui, { jsyaml: w.jsyaml, jsonLogic: w.jsonLogic }];
      },
    );
  }
  return loading;
}

/** The plan schema and blank template the site publishes for schools, the rules file and the
    person detector's table for post fields (schools/post-names.json, fetched on this page only):
    their addresses are links on the page (made relative by MkDocs). */
async function siteFiles() {
  const links = /** @type {HTMLAnchorElement[]} */ ([...document.querySelectorAll("#plan-editor-files a")]);
  if (links.length !== 4) throw new Error(say("no-file-links"));
  const texts = await Promise.all(
    links.map(async (a) => {
      const r = await fetch(a.href);
      if (!r.ok) throw new Error(say("cannot-load", { file: a.getAttribute("href") || "" }));
      return r.text();
    }),
  );
  return { schema: JSON.parse(texts[0]), template: texts[1], rules: JSON.parse(texts[2]), posts: JSON.parse(texts[3]), folder: links[0].href };
}

/**
 * The editor in `root`, once; `signal` ends with the page (instant navigation).
 * @param {HTMLElement} root
 * @param {AbortSignal} signal
 */
export function startEditor(root, signal) {
  if (root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "loading");
  Promise.all([editorCode(), siteFiles()])
    .then(([[ui, libs], files]) => {
      if (signal.aborted || !root.isConnected) return; // the reader has moved on (instant navigation)
      const editor = ui.createEditor(root, files, libs);
      window.addEventListener("beforeprint", () => editor.renderPreview(), { signal });
    })
    .catch((err) => {
      root.textContent = say("load-failed", { reason: err.message });
    });
}
