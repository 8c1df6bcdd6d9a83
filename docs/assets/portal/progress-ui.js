/* Progress on the training pages: a lesson opened counts as read; module and lesson statuses. */
import { all, today } from "./dom.js";
import { entry, STATUS_CLASS, status } from "./progress.js";
import { load, update } from "./storage.js";

/** @typedef {import("./progress.js").Modules} Modules @typedef {import("./dom.js").WithData<"module" | "lesson">} LessonNode */
/** @typedef {import("./dom.js").WithData<"module">} ModuleNode */

/** A lesson page counts as read the first day it is opened. @param {LessonNode} nav */
export function markLesson(nav) {
  const lesson = nav.dataset.lesson;
  update((stored) => {
    const m = entry(stored.training.modules, nav.dataset.module);
    if (!m.lessons[lesson]) m.lessons[lesson] = today();
  });
}

/** Module and lesson statuses wherever the page lists them. @param {Modules} modules */
export function showStatuses(modules) {
  for (const node of /** @type {ModuleNode[]} */ (all(document, ".training-status[data-module]"))) {
    const s = status(modules[node.dataset.module]);
    node.textContent = s;
    node.className = `training-status status-${STATUS_CLASS[s]}`;
  }
  for (const node of /** @type {LessonNode[]} */ (all(document, ".lesson-status[data-module][data-lesson]"))) {
    const m = modules[node.dataset.module];
    const seen = m && m.lessons && m.lessons[node.dataset.lesson];
    node.textContent = seen ? `（已学，${seen}）` : "";
  }
}

/** Marks the lessons on the page as read and shows every status. */
export function initProgress() {
  for (const nav of /** @type {LessonNode[]} */ (all(document, ".lesson-nav[data-module][data-lesson]"))) markLesson(nav);
  showStatuses(load().training.modules);
}
