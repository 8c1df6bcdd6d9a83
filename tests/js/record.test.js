// The learning record file (docs/assets/portal/record.js) and the one hash (hash.js).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import { canonical, checkImport, checksum, exportData } from "../../docs/assets/portal/record.js";

const require = createRequire(import.meta.url);
const { fnv1a, hex } = require("../../docs/assets/portal/hash.js");
const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/storage/${name}`, import.meta.url), "utf8"));

test("FNV-1a: the published test vectors, over code points", () => {
  assert.equal(hex(fnv1a("")), "811c9dc5");
  assert.equal(hex(fnv1a("a")), "e40c292c");
  assert.equal(hex(fnv1a("foobar")), "bf9cf968");
  // Outside the BMP a character is one code point (as Python's ord sees it), two UTF-16 units.
  assert.notEqual(fnv1a("𠀀"), fnv1a("𠀀", true));
  assert.equal(fnv1a("家访"), fnv1a("家访", true));
});

test("a record exported by the portal before the modules still verifies", () => {
  const old = fixture("pre-modules-export.json");
  assert.equal(checkImport(old), null);
  assert.equal(checksum(old.modules), old.checksum);
  const edited = structuredClone(old);
  edited.modules["mentor-relationship"].best = 100;
  assert.match(checkImport(edited) ?? "", /校验码不符/);
});

test("a record summed over UTF-16 units (before one hash) still verifies outside the BMP", () => {
  const modules = { m: { lessons: { "𠀀课.md": "2025-09-01" } } };
  const legacy = { format: "mentor-portal-training", version: 1, modules, checksum: checksum(modules, true) };
  assert.notEqual(legacy.checksum, checksum(modules));
  assert.equal(checkImport(legacy), null);
  assert.equal(checkImport(exportData(modules, "2025-09-02")), null);
});

test("canonical JSON does not depend on key order", () => {
  assert.equal(canonical({ b: 1, a: [{ d: 2, c: 3 }] }), '{"a":[{"c":3,"d":2}],"b":1}');
  assert.equal(canonical("引号\""), '"引号\\""');
});

test("export then import gives the same record, in any key order", () => {
  const modules = { "policy-essentials": { lessons: { "01-what-and-why.md": "2025-09-01" }, attempts: 2, best: 90, last: 60, passedAt: "2025-09-02" } };
  const good = exportData(modules, "2025-09-03");
  assert.deepEqual(Object.keys(good), ["format", "version", "exported", "modules", "checksum"]);
  assert.equal(checkImport(good), null);
  const reordered = { ...good, modules: { "policy-essentials": { passedAt: "2025-09-02", last: 60, best: 90, attempts: 2, lessons: { "01-what-and-why.md": "2025-09-01" } } } };
  assert.equal(checkImport(reordered), null);
});

test("malformed or tampered records are refused with a Chinese reason", () => {
  const good = exportData({ "policy-essentials": { best: 90 } }, "2025-09-03");
  const sign = (modules) => ({ ...good, modules, checksum: checksum(modules) });
  /** @type {[any, string][]} */
  const cases = [
    [null, "不是本站导出"],
    [{ format: "other" }, "不是本站导出"],
    [{ ...good, version: 2 }, "版本"],
    [{ ...good, modules: [] }, "不完整"],
    [sign({ "policy-essentials": { best: 101 } }), "格式不对"],
    [sign({ "policy-essentials": { passedAt: "yesterday" } }), "格式不对"],
    [sign({ "../x": {} }), "格式不对"],
    [sign({ "policy-essentials": { attempts: -1 } }), "格式不对"],
    [{ ...good, modules: { "policy-essentials": { best: 100 } } }, "校验码不符"],
    [{ ...good, checksum: undefined }, "校验码不符"],
  ];
  for (const [data, reason] of cases) assert.match(String(checkImport(data)), new RegExp(reason), JSON.stringify(data));
});
