/* Offline reading on the page's side (README.md 离线阅读), imported by main.js only when there is
   something to show: “门户已更新” with a reload button (never while a quiz is in progress), the
   “下载本模块供离线学习” button of a training module, a plain note when search cannot answer
   offline. main.js registers the worker (offline-sw.js). */
import { el } from "./dom.js";
import "./offline-core.js";

const ROOT = new URL("../../", import.meta.url);
const core = /** @type {any} */ (globalThis).PortalOffline;
let updatePending = false;
let watching = false;
let observing = false;

/** A question of the self-check is on screen and not yet handed in. */
export function quizInProgress() {
  return [...document.querySelectorAll(".quiz")].some((quiz) => {
    const form = /** @type {HTMLElement | null} */ (quiz.querySelector(".quiz-form"));
    const result = /** @type {HTMLElement | null} */ (quiz.querySelector(".quiz-result"));
    return !!form && !form.hidden && !!result && result.hidden;
  });
}

/** Asks the worker `message` and takes every answer until `done` says it is the last. */
function ask(worker, message, onAnswer = (/** @type {any} */ answer) => !!answer) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => {
      if (onAnswer(event.data)) {
        channel.port1.close();
        resolve(event.data);
      }
    };
    worker.postMessage(message, [channel.port2]);
  });
}

/** The notice of a new deployment. @param {ServiceWorkerRegistration} registration */
function showUpdate(registration) {
  updatePending = true;
  if (document.querySelector(".portal-update")) return;
  const note = el("p", { className: "portal-update__note" });
  const button = el("button", { type: "button", className: "md-button md-button--primary", text: "重新加载" });
  const box = el("div", { className: "portal-update", role: "status" }, [el("p", { text: "门户已更新。" }), note, button]);
  button.addEventListener("click", () => {
    if (quizInProgress()) {
      note.textContent = "自测尚未交卷：交卷后再重新加载，作答不会丢失。";
      return;
    }
    const waiting = registration.waiting;
    if (!waiting) {
      location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    waiting.postMessage({ type: "skip-waiting" });
  });
  document.body.append(box);
}

/**
 * Watches for a new worker: the notice once it is installed and waiting. `switched`: this page's
 * worker was just replaced (another tab reloaded into the new deployment): this page keeps its
 * scripts, and its next navigation loads the whole page, so new HTML never runs under old scripts.
 * @param {ServiceWorkerRegistration} registration @param {boolean} switched
 */
export function watchUpdates(registration, switched) {
  updatePending = updatePending || switched;
  if (watching) return;
  watching = true;
  const check = () => {
    if (registration.waiting && navigator.serviceWorker.controller) showUpdate(registration);
  };
  check();
  if (registration.installing) registration.installing.addEventListener("statechange", check);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    if (worker) worker.addEventListener("statechange", check);
  });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    updatePending = true;
  });
  document.addEventListener(
    "click",
    (event) => {
      const link = /** @type {HTMLElement} */ (event.target).closest?.("a[href]");
      if (!updatePending || !link || event.defaultPrevented || quizInProgress()) return;
      const href = /** @type {HTMLAnchorElement} */ (link).href;
      if (!href.startsWith(ROOT.href) || link.getAttribute("href")?.startsWith("#")) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      location.href = href;
    },
    { capture: true },
  );
}

/** The module's download button, its progress, size and removal. @param {HTMLElement} box */
export async function initDownload(box) {
  if (box.dataset.ready) return;
  box.dataset.ready = "1";
  const module = box.dataset.module;
  const pages = /** @type {string[]} */ (JSON.parse(box.dataset.pages || "[]"));
  const status = el("p", { className: "offline-module__status", role: "status" });
  const bar = el("progress", { max: pages.length, value: 0, hidden: true, "aria-label": "下载进度" });
  const get = el("button", { type: "button", className: "md-button", text: "下载本模块供离线学习" });
  const drop = el("button", { type: "button", className: "md-button", text: "删除本模块的离线副本", hidden: true });
  box.replaceChildren(el("h2", { text: "离线学习" }), status, bar, el("p", {}, [get, " ", drop]));
  if (!("serviceWorker" in navigator) || !window.isSecureContext) {
    status.textContent = "这个浏览器不能保存离线副本（需要 https 地址）。";
    get.disabled = true;
    return;
  }
  const registration = await navigator.serviceWorker.ready;
  const worker = () => /** @type {ServiceWorker} */ (registration.active);
  /** @param {any} entry */
  const show = (entry) => {
    get.hidden = !!entry;
    drop.hidden = !entry;
    status.textContent = entry
      ? `已下载：${entry.urls.length} 页，共 ${core.size(entry.bytes)}（${new Date(entry.time).toLocaleDateString("zh-CN")}）。没有网络时也能学习和自测。`
      : `下载本模块的 ${pages.length - 1} 页（课、自测和我的学习），没有网络时也能学习和自测。`;
  };
  show((/** @type {any} */ (await ask(worker(), { type: "module-status", module }))).entry);
  get.addEventListener("click", async () => {
    get.disabled = true;
    bar.hidden = false;
    status.textContent = "正在下载……";
    const urls = pages.map((p) => new URL(p, ROOT).href);
    const answer = /** @type {any} */ (
      await ask(worker(), { type: "download", module, urls }, (a) => {
        if (!a.progress) return true;
        bar.value = a.progress.done;
        status.textContent = `正在下载：${a.progress.done}/${a.progress.total} 页，${core.size(a.progress.bytes)}`;
        return false;
      })
    );
    bar.hidden = true;
    get.disabled = false;
    if (answer.error) status.textContent = `没有下载成功：${answer.error}`;
    else show(answer.entry);
  });
  drop.addEventListener("click", async () => {
    await ask(worker(), { type: "remove", module });
    show(null);
    status.textContent = "已删除本模块的离线副本。";
  });
}

let searchFailed = false;

/** Search offline: the search worker could not fetch a part of the index it needs (main.js hears it). */
export function searchOffline() {
  const say = () => {
    const meta = document.querySelector(".md-search-result__meta");
    if (meta && searchFailed && !meta.textContent.startsWith("离线"))
      meta.textContent = "离线：这次搜索需要的索引还没有下载到本机，暂时搜不到。联网后再搜索；已打开过的页面仍可阅读。";
  };
  const meta = document.querySelector(".md-search-result__meta");
  if (!observing && meta) {
    observing = true;
    // Material writes its own “没有找到” when the (empty) result arrives, before or after this.
    new MutationObserver(say).observe(meta, { childList: true, characterData: true, subtree: true });
    document.addEventListener("input", () => (searchFailed = false), { capture: true });
  }
  searchFailed = true;
  say();
}
