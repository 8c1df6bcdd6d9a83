/* The page of a module's SCORM 1.2 package (macros/training/scorm.py writes it): the module's
   overview, lessons and quiz as parts shown one at a time, the quiz, and the LMS conversation
   (scorm.js). Outside an LMS (no API found) the quiz keeps the portal's own progress, as on the site. */
import { all, find } from "./dom.js";
import { initQuiz } from "./quiz-ui.js";
import { Connection, LOCATION_LIMIT, decodeState, emptyState, encodeState, findApi, lessonStatus } from "./scorm.js";

const parts = all(document, ".sco-part");
const passMark = Number(document.body.dataset.pass);
const notice = find(document, ".sco-notice");

/** @param {string} text */
function tell(text) {
  notice.textContent = text;
  notice.hidden = false;
}

const api = findApi(window);
const lms = api ? new Connection(api, tell) : null;
let state = emptyState(parts.length);
let location0 = "";
if (lms && lms.start()) {
  state = decodeState(lms.get("cmi.suspend_data"), parts.length);
  location0 = lms.get("cmi.core.lesson_location");
} else if (!lms) {
  tell("没有连接到学习平台：本次学习不会记入平台，自测成绩只保存在这台设备的浏览器中。");
}

/** Everything the LMS should know now, then one commit. */
function report() {
  if (!lms || !lms.open) return;
  lms.set("cmi.core.lesson_status", lessonStatus(state, passMark));
  if (state.best !== null) {
    lms.set("cmi.core.score.min", 0);
    lms.set("cmi.core.score.max", 100);
    lms.set("cmi.core.score.raw", state.best);
  }
  lms.set("cmi.suspend_data", encodeState(state));
  lms.commit();
}

/** Shows part `i` alone and records it as read. @param {number} i */
function show(i) {
  parts.forEach((part, k) => {
    part.hidden = k !== i;
  });
  for (const a of all(document, ".sco-toc a")) {
    if (a.getAttribute("href") === `#${parts[i].id}`) a.setAttribute("aria-current", "step");
    else a.removeAttribute("aria-current");
  }
  const changed = !state.seen[i];
  state.seen[i] = true;
  if (lms && lms.open) lms.set("cmi.core.lesson_location", parts[i].id.slice(0, LOCATION_LIMIT));
  if (changed || lms) report();
}

/** The part holding the element `id`, or -1. @param {string} id */
function partOf(id) {
  const target = id ? document.getElementById(id) : null;
  const part = target ? target.closest(".sco-part") : null;
  return part ? parts.indexOf(/** @type {HTMLElement} */ (part)) : -1;
}

function follow() {
  const id = decodeURIComponent(location.hash.slice(1));
  const i = partOf(id);
  if (i < 0) return;
  if (parts[i].hidden) show(i);
  const target = document.getElementById(id);
  if (target && target !== parts[i]) target.scrollIntoView();
  else window.scrollTo(0, 0);
}

window.addEventListener("hashchange", follow);
// Links to the portal (made absolute by the build, and those the quiz writes) open beside the LMS.
document.addEventListener("click", (event) => {
  const a = /** @type {HTMLElement} */ (event.target).closest?.("a[href]");
  if (a instanceof HTMLAnchorElement && /^https?:/.test(a.href) && a.origin !== location.origin) {
    a.target = "_blank";
    a.rel = "noopener";
  }
});
document.addEventListener("portal:quiz-finished", (event) => {
  const score = Number(/** @type {CustomEvent} */ (event).detail.score);
  state.last = score;
  state.best = state.best === null ? score : Math.max(state.best, score);
  report();
});
let left = false;
const leave = () => {
  if (left || !lms) return;
  left = true;
  lms.finish(lessonStatus(state, passMark) === "passed");
};
window.addEventListener("pagehide", leave);
window.addEventListener("beforeunload", leave);

for (const quiz of all(document, ".quiz[data-module]")) initQuiz(quiz);
const resumeAt = partOf(location0);
const fromHash = partOf(decodeURIComponent(location.hash.slice(1)));
show(fromHash >= 0 ? fromHash : resumeAt >= 0 ? resumeAt : 0);
document.documentElement.dataset.portalReady = "sco";
