// The SCORM 1.2 runtime's pure parts (docs/assets/portal/scorm.js). The LMS side is tested in
// Chromium against scorm-again (tests/test_training_scorm.py).
import assert from "node:assert/strict";
import { test } from "node:test";
import { Connection, MAX_PARENTS, SUSPEND_LIMIT, decodeState, emptyState, encodeState, findApi, lessonStatus, sessionTime } from "../../docs/assets/portal/scorm.js";

/** A chain of plain window-like objects, `depth` frames under a top that holds `api`. */
function frames(depth, api) {
  /** @type {any} */
  const top = { API: api };
  top.parent = top;
  /** @type {any} */
  let w = top;
  for (let i = 0; i < depth; i += 1) w = { parent: w };
  return w;
}

test("discovery: the window itself, then its parents up to the bound", () => {
  const api = { name: "lms" };
  assert.equal(findApi({ API: api, parent: null }), api);
  assert.equal(findApi(frames(1, api)), api);
  assert.equal(findApi(frames(MAX_PARENTS, api)), api);
  assert.equal(findApi(frames(MAX_PARENTS + 1, api)), null, "bounded: no endless climb");
  assert.equal(findApi(frames(3, undefined)), null);
});

test("discovery: the opener's chain when no parent has the API", () => {
  const api = { name: "lms" };
  const win = { parent: null, opener: frames(2, api) };
  assert.equal(findApi(win), api);
});

test("discovery: a parent of another origin (reading throws) ends the climb without an error", () => {
  const hostile = {};
  Object.defineProperty(hostile, "API", { get() { throw new Error("SecurityError"); } });
  Object.defineProperty(hostile, "parent", { get() { throw new Error("SecurityError"); } });
  assert.equal(findApi({ parent: hostile }), null);
  assert.equal(findApi({ parent: hostile, opener: { API: "x", parent: null } }), "x");
});

test("session time is HHHH:MM:SS.SS", () => {
  assert.equal(sessionTime(0), "0000:00:00.00");
  assert.equal(sessionTime(1234), "0000:00:01.23");
  assert.equal(sessionTime(((2 * 60 + 3) * 60 + 4) * 1000 + 560), "0002:03:04.56");
  assert.equal(sessionTime(-5), "0000:00:00.00");
  assert.equal(sessionTime(1e13), "9999:59:59.99");
  assert.match(sessionTime(59_999), /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  assert.equal(sessionTime(59_999), "0000:01:00.00");
});

test("resume state round-trips", () => {
  const state = { seen: [true, false, true, true], best: 80, last: 60 };
  assert.equal(encodeState(state), "1|1011|80|60");
  assert.deepEqual(decodeState(encodeState(state), 4), state);
  assert.deepEqual(decodeState(encodeState(emptyState(3)), 3), emptyState(3));
  assert.deepEqual(decodeState("1|11|100|", 3), { seen: [true, true, false], best: 100, last: null });
});

test("unreadable suspend data gives a fresh state", () => {
  for (const bad of ["", "garbage", "2|11|80|80", "1|1x|80|80", '{"seen":[1]}', "1|11|1000|0"]) {
    assert.deepEqual(decodeState(bad, 2), emptyState(2), bad);
  }
  assert.deepEqual(decodeState(/** @type {any} */ (null), 1), emptyState(1));
});

test("suspend data stays within 4,096 characters, at and past the limit", () => {
  const tail = "|100|100".length;
  const fits = SUSPEND_LIMIT - 2 - tail; // "1|" + bits + tail is exactly the limit
  const full = { seen: Array.from({ length: fits }, (_, i) => i % 3 === 0), best: 100, last: 100 };
  const text = encodeState(full);
  assert.equal(text.length, SUSPEND_LIMIT);
  assert.deepEqual(decodeState(text, fits), full);
  const over = { seen: Array.from({ length: fits + 500 }, () => true), best: 100, last: 100 };
  const cut = encodeState(over);
  assert.equal(cut.length, SUSPEND_LIMIT);
  const back = decodeState(cut, fits + 500);
  assert.equal(back.best, 100);
  assert.equal(back.seen.filter(Boolean).length, fits, "the parts past the limit are read again");
});

test("lesson status against the pass mark; a later lower score keeps a pass", () => {
  assert.equal(lessonStatus(emptyState(2), 80), "incomplete");
  assert.equal(lessonStatus({ seen: [], best: 70, last: 70 }, 80), "failed");
  assert.equal(lessonStatus({ seen: [], best: 80, last: 80 }, 80), "passed");
  assert.equal(lessonStatus({ seen: [], best: 90, last: 40 }, 80), "passed");
});

/** An LMS API that refuses one element, recording every call. */
function recordingApi(refuse = "") {
  const calls = [];
  let error = "0";
  return {
    calls,
    LMSInitialize: () => (calls.push(["init"]), "true"),
    LMSFinish: () => (calls.push(["finish"]), "true"),
    LMSGetValue: (k) => (calls.push(["get", k]), ""),
    LMSSetValue: (k, v) => {
      calls.push(["set", k, v]);
      error = k === refuse ? "405" : "0";
      return k === refuse ? "false" : "true";
    },
    LMSCommit: () => (calls.push(["commit"]), (error = "0"), "true"),
    LMSGetLastError: () => error,
    LMSGetErrorString: (c) => (c === "405" ? "Incorrect Data Type" : "No error"),
  };
}

test("a refused value gives one Chinese notice with the LMS's error", () => {
  const api = recordingApi("cmi.core.score.raw");
  const notices = [];
  const c = new Connection(api, (t) => notices.push(t), () => 0);
  assert.equal(c.start(), true);
  assert.equal(c.set("cmi.core.score.raw", "x"), false);
  assert.equal(c.set("cmi.core.score.raw", "y"), false);
  assert.equal(c.set("cmi.core.lesson_status", "incomplete"), true);
  assert.equal(notices.length, 1);
  assert.match(notices[0], /学习平台没有接受“cmi\.core\.score\.raw”（错误代码 405：Incorrect Data Type）/);
});

test("finish sends session time and exit, commits, then LMSFinish, once", () => {
  const api = recordingApi();
  let t = 1000;
  const c = new Connection(api, () => {}, () => t);
  c.start();
  t += 61_500;
  c.finish(false);
  c.finish(false);
  const tail = api.calls.slice(1);
  assert.deepEqual(tail, [["set", "cmi.core.session_time", "0000:01:01.50"], ["set", "cmi.core.exit", "suspend"], ["commit"], ["finish"]]);
  assert.equal(c.set("cmi.core.lesson_location", "x"), false, "nothing is sent after LMSFinish");
});
