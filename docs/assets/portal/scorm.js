/* SCORM 1.2 runtime of a training module's package (issue 26): finds the LMS's API object, reports
   lesson_status, score, session_time, lesson_location and suspend_data, and tells the learner in
   Chinese when the LMS refuses a value. The pure parts (discovery, time format, the resume state,
   the status) are unit-tested in Node (tests/js/scorm.test.js); the LMS side in Chromium against
   scorm-again (tests/test_training_scorm.py). */

/** How many parent frames discovery climbs (ADL's RTE sample climbs 7; a bound, so no endless loop). */
export const MAX_PARENTS = 7;
/** cmi.suspend_data holds at most 4,096 characters in SCORM 1.2. */
export const SUSPEND_LIMIT = 4096;
/** cmi.core.lesson_location holds at most 255 characters. */
export const LOCATION_LIMIT = 255;
const STATE_VERSION = "1";

/**
 * @typedef {{ LMSInitialize(a: string): string, LMSFinish(a: string): string, LMSGetValue(k: string): string,
 *   LMSSetValue(k: string, v: string): string, LMSCommit(a: string): string, LMSGetLastError(): string | number,
 *   LMSGetErrorString(c: string | number): string }} Api12
 * @typedef {{ seen: boolean[], best: number | null, last: number | null }} ResumeState
 */

/** The window's own API, or null when reading it is refused (another origin). @param {any} win */
function apiOf(win) {
  try {
    return win && win.API ? win.API : null;
  } catch {
    return null;
  }
}

/** The parent of `win`, or null at the top or when it cannot be read. @param {any} win */
function parentOf(win) {
  try {
    return win.parent && win.parent !== win ? win.parent : null;
  } catch {
    return null;
  }
}

/**
 * The RTE's discovery: `win` and its parents (at most MAX_PARENTS up), then the same from the
 * window that opened it (an LMS that launches the SCO in a new window).
 * @param {any} win
 * @returns {Api12 | null}
 */
export function findApi(win) {
  /** @param {any} start */
  const climb = (start) => {
    let w = start;
    for (let tries = 0; w && tries <= MAX_PARENTS; tries += 1) {
      const api = apiOf(w);
      if (api) return api;
      w = parentOf(w);
    }
    return null;
  };
  const found = climb(win);
  if (found) return found;
  try {
    return win.opener ? climb(win.opener) : null;
  } catch {
    return null;
  }
}

/** Milliseconds as SCORM 1.2's CMITimespan, HHHH:MM:SS.SS (hours capped at 9999). @param {number} ms */
export function sessionTime(ms) {
  const cs = Math.max(0, Math.round(ms / 10));
  if (cs >= 360000 * 10000) return "9999:59:59.99";
  const hours = Math.floor(cs / 360000);
  const rest = cs % 360000;
  const pad = (/** @type {number} */ n, /** @type {number} */ w) => String(n).padStart(w, "0");
  const minutes = Math.floor(rest / 6000);
  const seconds = Math.floor((rest % 6000) / 100);
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(rest % 100, 2)}`;
}

/** A fresh state for a package of `parts` parts. @param {number} parts @returns {ResumeState} */
export function emptyState(parts) {
  return { seen: Array.from({ length: parts }, () => false), best: null, last: null };
}

/**
 * The state as cmi.suspend_data: `1|<one bit per part>|<best>|<last>`. Never longer than
 * SUSPEND_LIMIT: if a package had more parts than fit, the bits of the last parts are left out
 * (read again, they are marked again); the scores always fit.
 * @param {ResumeState} state
 */
export function encodeState(state) {
  const score = (/** @type {number | null} */ n) => (typeof n === "number" ? String(Math.round(n)) : "");
  const tail = `|${score(state.best)}|${score(state.last)}`;
  const room = SUSPEND_LIMIT - STATE_VERSION.length - 1 - tail.length;
  const bits = state.seen.map((s) => (s ? "1" : "0")).join("").slice(0, Math.max(0, room));
  return `${STATE_VERSION}|${bits}${tail}`;
}

/**
 * cmi.suspend_data back to a state for `parts` parts; anything unreadable (another version,
 * edited by hand) gives a fresh state rather than an error.
 * @param {string} text @param {number} parts @returns {ResumeState}
 */
export function decodeState(text, parts) {
  const state = emptyState(parts);
  const m = /^1\|([01]*)\|(\d{0,3})\|(\d{0,3})$/.exec(typeof text === "string" ? text : "");
  if (!m) return state;
  for (let i = 0; i < parts && i < m[1].length; i += 1) state.seen[i] = m[1][i] === "1";
  const score = (/** @type {string} */ s) => (s === "" ? null : Math.min(100, Number(s)));
  state.best = score(m[2]);
  state.last = score(m[3]);
  return state;
}

/**
 * cmi.core.lesson_status for the state: `incomplete` until a quiz is handed in, then `passed` once
 * the best score reaches the pass mark, else `failed` (a later lower score does not undo a pass).
 * @param {ResumeState} state @param {number} passMark
 */
export function lessonStatus(state, passMark) {
  if (state.best === null) return "incomplete";
  return state.best >= passMark ? "passed" : "failed";
}

/** The learner's notice when the LMS refuses a call. @param {string} what @param {string} code @param {string} text */
export function refusal(what, code, text) {
  const detail = text ? "：" + text : "";
  return `学习平台没有接受“${what}”（错误代码 ${code}${detail}）。本次学习进度可能没有记入平台，请稍后重试或联系平台管理员。`;
}

/**
 * The SCO's conversation with the LMS. Every call is checked with LMSGetLastError; a refusal is
 * passed to `notify` once per element, in Chinese.
 */
export class Connection {
  /** @param {Api12} api @param {(text: string) => void} notify @param {() => number} [now] */
  constructor(api, notify, now = () => Date.now()) {
    this.api = api;
    this.notify = notify;
    this.now = now;
    this.started = 0;
    this.open = false;
    /** @type {Set<string>} */
    this.told = new Set();
  }

  /** @param {string} what @param {string} result */
  check(what, result) {
    const code = String(this.api.LMSGetLastError());
    if (result === "true" && code === "0") return true;
    if (!this.told.has(what)) {
      this.told.add(what);
      this.notify(refusal(what, code, code === "0" ? "" : String(this.api.LMSGetErrorString(code) || "")));
    }
    return false;
  }

  start() {
    this.open = this.check("LMSInitialize", String(this.api.LMSInitialize("")));
    this.started = this.now();
    return this.open;
  }

  /** @param {string} name */
  get(name) {
    return this.open ? String(this.api.LMSGetValue(name) ?? "") : "";
  }

  /** @param {string} name @param {string | number} value */
  set(name, value) {
    return this.open && this.check(name, String(this.api.LMSSetValue(name, String(value))));
  }

  commit() {
    return this.open && this.check("LMSCommit", String(this.api.LMSCommit("")));
  }

  /** Session time, the exit mode, a last commit and LMSFinish; once. @param {boolean} done */
  finish(done) {
    if (!this.open) return;
    this.set("cmi.core.session_time", sessionTime(this.now() - this.started));
    this.set("cmi.core.exit", done ? "" : "suspend");
    this.commit();
    this.open = false;
    this.check("LMSFinish", String(this.api.LMSFinish("")));
  }
}
