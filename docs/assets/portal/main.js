/* The portal's browser code on every page (mkdocs.yml extra_javascript, type: module). It sets up
   what every page needs and imports the rest only on the pages that use it: the training pages'
   progress, the quiz, the plan editor, the search highlight. The search worker is Material's
   (assets/javascripts/portal-search.js). */
import { el, onPage } from "./dom.js";
import { initPreviews, markTarget } from "./reading.js";

const PROGRESS = ".lesson-nav[data-module], .training-status[data-module], .lesson-status[data-module]";
const RECORDS = ".training-my, .training-record";

/** The storage notice (unreadable data was set aside), at the top of the page's text. @param {string | null} text */
function showNotice(text) {
  const article = document.querySelector("article");
  if (!text || !article) return;
  const box = el("div", { className: "admonition warning portal-storage-notice", role: "status" }, [
    el("p", { className: "admonition-title", text: "本机记录" }),
    el("p", { text }),
  ]);
  article.insertBefore(box, article.firstChild);
}

initPreviews();

// Offline reading (README.md 离线阅读): the service worker is registered once the page is set up and
// loaded, so a first visit pays nothing before the page is interactive; offline-ui.js is imported only
// when there is something to show (a new deployment, search failing offline, a module's button).
const offline = () => import("./offline-ui.js");
function startOffline() {
  const sw = navigator.serviceWorker;
  if (!sw || !window.isSecureContext) return;
  const before = sw.controller;
  // Offline, registering fails (sw.js cannot be fetched): the worker already there goes on.
  sw.register(new URL("../../sw.js", import.meta.url), { updateViaCache: "none" })
    .catch(() => sw.getRegistration(new URL("../../", import.meta.url).href))
    .then((r) => {
      if (!r) return;
      const watch = (/** @type {boolean} */ switched) => offline().then((m) => m.watchUpdates(r, switched));
      // A first visit installs the worker: nothing to show then.
      if (before && (r.waiting || r.installing)) watch(false);
      r.addEventListener("updatefound", () => sw.controller && watch(false));
      sw.addEventListener("controllerchange", () => before && watch(true), { once: true });
    })
    .catch((error) => console.warn("离线阅读不可用：", error));
  if ("BroadcastChannel" in window) new BroadcastChannel("portal-search").onmessage = () => offline().then((m) => m.searchOffline());
}
// Once, and not before the first page is set up (the end of onPage below: its modules are in) and
// loaded: on a lesson or the quiz the worker's precache would otherwise compete with the modules the
// page is still importing (measured: scripts/benchoffline.py, bench.py --offline).
let offlineStarted = false;
function startOfflineOnce() {
  if (offlineStarted) return;
  offlineStarted = true;
  if (document.readyState === "complete") setTimeout(startOffline, 0);
  else window.addEventListener("load", () => setTimeout(startOffline, 0), { once: true });
}

onPage(async (signal) => {
  markTarget();
  window.addEventListener("hashchange", markTarget, { signal });
  const editor = document.getElementById("plan-editor");
  // A class rather than body:has() for the print styles: school PCs run older browser cores.
  document.body.classList.toggle("editor-page", !!editor);
  const quizzes = document.querySelectorAll(".quiz[data-module]");
  const progress = !!document.querySelector(PROGRESS);
  const records = !!document.querySelector(RECORDS);
  const stored = editor || quizzes.length || progress || records;
  // Fetched side by side; each runs once it is in.
  const none = Promise.resolve(null);
  const [highlight, editorCode, quiz, progressCode, recordCode, storage] = await Promise.all([
    new URL(location.href).searchParams.has("h") ? import("./highlight.js") : none,
    editor ? import("./editor.js") : none,
    quizzes.length ? import("./quiz-ui.js") : none,
    progress ? import("./progress-ui.js") : none,
    records ? import("./learner-ui.js") : none,
    stored ? import("./storage.js") : none,
  ]);
  for (const box of document.querySelectorAll(".offline-module")) offline().then((m) => m.initDownload(/** @type {HTMLElement} */ (box)));
  if (highlight) highlight.highlight();
  if (editorCode && editor) editorCode.startEditor(editor, signal);
  if (quiz) for (const root of quizzes) quiz.initQuiz(/** @type {HTMLElement} */ (root));
  if (progressCode) progressCode.initProgress();
  if (recordCode) recordCode.initRecords();
  if (storage) {
    storage.load(); // migrates, if this is the first page since the upgrade
    showNotice(storage.takeNotice());
  }
  startOfflineOnce();
});
