// Progress (docs/assets/portal/progress.js): statuses, attempts, merging two records.
import assert from "node:assert/strict";
import { test } from "node:test";
import { entry, merge, recordAttempt, status } from "../../docs/assets/portal/progress.js";
import { validModule } from "../../docs/assets/portal/storage.js";

test("status: 未开始, then 学习中 on any sign of study, 已通过 once passed", () => {
  assert.equal(status(undefined), "未开始");
  assert.equal(status({}), "未开始");
  assert.equal(status({ lessons: {}, attempts: 0 }), "未开始");
  assert.equal(status({ lessons: { "01.md": "2025-09-01" } }), "学习中");
  assert.equal(status({ started: "2025-09-01" }), "学习中");
  assert.equal(status({ attempts: 1 }), "学习中");
  assert.equal(status({ passedAt: "2025-09-02" }), "已通过");
});

test("an attempt counts, keeps the last and best score and the first pass date", () => {
  const m = {};
  recordAttempt(m, 40, false, "2025-09-01");
  assert.deepEqual(m, { attempts: 1, last: 40, best: 40 });
  recordAttempt(m, 90, true, "2025-09-02");
  recordAttempt(m, 0, false, "2025-09-03");
  recordAttempt(m, 95, true, "2025-09-04");
  assert.deepEqual(m, { attempts: 4, last: 95, best: 95, passedAt: "2025-09-02" });
});

test("entry makes a module's record once", () => {
  /** @type {import("../../docs/assets/portal/progress.js").Modules} */
  const modules = {};
  entry(modules, "a").lessons["x.md"] = "2025-09-01";
  assert.deepEqual(entry(modules, "a"), { lessons: { "x.md": "2025-09-01" }, attempts: 0 });
  /** @type {import("../../docs/assets/portal/progress.js").Modules} */
  const old = { b: { best: 10 } };
  assert.deepEqual(entry(old, "b"), { best: 10, lessons: {} });
});

test("validModule accepts what the portal writes and nothing else", () => {
  assert.ok(validModule({}));
  assert.ok(validModule({ lessons: { "01.md": "2025-09-01" }, attempts: 2, best: 85.7, last: 0, passedAt: "2025-09-02", started: "2025-09-01" }));
  for (const bad of [
    null,
    [],
    "x",
    { lessons: [] },
    { lessons: { "01.md": "yesterday" } },
    { lessons: { "01.md": 20250901 } },
    { attempts: -1 },
    { attempts: 1.5 },
    { best: 101 },
    { last: -1 },
    { best: "90" },
    { passedAt: "2025-9-2" },
    { started: null },
  ]) {
    assert.equal(validModule(bad), false, JSON.stringify(bad));
  }
});

test("merging keeps the earlier dates, the better score, the higher count; twice is once", () => {
  const here = { a: { lessons: { "1.md": "2025-09-05" }, attempts: 1, best: 60, last: 60, started: "2025-09-05" } };
  const other = {
    a: { lessons: { "1.md": "2025-09-01", "2.md": "2025-09-02" }, attempts: 3, best: 90, last: 50, passedAt: "2025-09-03", started: "2025-09-01" },
    b: { passedAt: "2025-10-01" },
  };
  const once = merge(structuredClone(here), other);
  assert.deepEqual(once, {
    a: { lessons: { "1.md": "2025-09-01", "2.md": "2025-09-02" }, attempts: 3, best: 90, last: 60, started: "2025-09-01", passedAt: "2025-09-03" },
    b: { lessons: {}, attempts: 0, passedAt: "2025-10-01" },
  });
  assert.deepEqual(merge(structuredClone(once), other), once);
});
