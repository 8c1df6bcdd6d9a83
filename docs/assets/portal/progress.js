/* A learner's progress, as kept in this browser: per module the lessons read (with the date),
   attempts, best and last score, the day the quiz was first started and first passed. */

/**
 * @typedef {{ lessons?: Record<string, string>, attempts?: number, best?: number, last?: number,
 *   passedAt?: string, started?: string }} ModuleProgress
 * @typedef {Record<string, ModuleProgress>} Modules
 */

export const STATUS_CLASS = { 未开始: "not-started", 学习中: "in-progress", 已通过: "passed" };

/** 未开始, 学习中 or 已通过. @param {ModuleProgress | undefined} m @returns {"未开始" | "学习中" | "已通过"} */
export function status(m) {
  if (m && m.passedAt) return "已通过";
  if (m && (m.started || (m.attempts || 0) > 0 || Object.keys(m.lessons || {}).length > 0)) return "学习中";
  return "未开始";
}

/** The module's entry, made if missing. @param {Modules} modules @param {string} id @returns {ModuleProgress & { lessons: Record<string, string> }} */
export function entry(modules, id) {
  if (!modules[id]) modules[id] = { lessons: {}, attempts: 0 };
  const m = modules[id];
  if (!m.lessons) m.lessons = {};
  return /** @type {ModuleProgress & { lessons: Record<string, string> }} */ (m);
}

/** A quiz handed in: one more attempt, the last and best score, the first pass date.
    @param {ModuleProgress} m @param {number} score @param {boolean} passed @param {string} day */
export function recordAttempt(m, score, passed, day) {
  m.attempts = (m.attempts || 0) + 1;
  m.last = score;
  if (typeof m.best !== "number" || score > m.best) m.best = score;
  if (passed && !m.passedAt) m.passedAt = day;
  return m;
}

/** Another record merged into `modules`: the earlier dates, the higher best score and attempt
    count, so importing the same file twice changes nothing. @param {Modules} modules @param {Modules} other */
export function merge(modules, other) {
  for (const [id, src] of Object.entries(other)) {
    const dst = entry(modules, id);
    for (const [file, d] of Object.entries(src.lessons || {})) {
      if (!dst.lessons[file] || d < dst.lessons[file]) dst.lessons[file] = d;
    }
    dst.attempts = Math.max(dst.attempts || 0, src.attempts || 0);
    if (typeof src.best === "number" && (typeof dst.best !== "number" || src.best > dst.best)) dst.best = src.best;
    if (typeof src.last === "number" && typeof dst.last !== "number") dst.last = src.last;
    if (src.passedAt && (!dst.passedAt || src.passedAt < dst.passedAt)) dst.passedAt = src.passedAt;
    if (src.started && (!dst.started || src.started < dst.started)) dst.started = src.started;
  }
  return modules;
}
