// The plan editor's rules and validation (docs/assets/portal/editor-core.js). The full
// agreement with the build is tests/test_editor_conformance.py; these are the unit cases.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { checkPlan, fieldName, ordered, parseYaml, STATUS, toYaml, typeOf, validate } from "../../docs/assets/portal/editor-core.js";

const require = createRequire(import.meta.url);
// The vendored libraries as the browser gets them (UMD files; not type-checked: a computed path).
const vendor = (/** @type {string} */ name) => require(`../../docs/assets/vendor/${name}`);
const jsonLogic = vendor("json-logic.js");
const jsyaml = vendor("js-yaml.min.js");

const rules = [
  { id: "R-MUST", severity: "必须", check: [{ when: { "<": [{ var: "n" }, 1] }, ok: false, detail: "太少", at: "n" }, { ok: true, detail: { cat: ["共 ", { var: "n" }] }, at: "n" }] },
  { id: "R-SHOULD", severity: "建议", check: [{ when: { var: "x" }, ok: false, detail: "可改进", at: "x" }] },
  { id: "R-NA", severity: "必须", check: [{ when: { var: "never" }, ok: true, detail: "", at: "" }] },
];

test("rules: the first check that applies decides; 必须 not met, 建议 advisory, none applies n/a", () => {
  assert.deepEqual(checkPlan(rules, { n: 0, x: true }, jsonLogic), [
    { id: "R-MUST", status: STATUS.NOT_MET, detail: "太少", at: "n" },
    { id: "R-SHOULD", status: STATUS.ADVISORY, detail: "可改进", at: "x" },
    { id: "R-NA", status: STATUS.NA, detail: "", at: "" },
  ]);
  assert.deepEqual(checkPlan(rules, { n: 3 }, jsonLogic).map((f) => [f.status, f.detail]), [[STATUS.MET, "共 3"], [STATUS.NA, ""], [STATUS.NA, ""]]);
});

const schema = {
  type: "object",
  additionalProperties: false,
  required: ["id", "counts"],
  properties: {
    id: { type: "string", pattern: "^[a-z]+$" },
    counts: { type: "object", properties: { teachers: { type: "integer", minimum: 0 }, mentors: { type: "integer" } } },
    stage: { enum: ["初中", "高中"] },
    list: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", minLength: 1 } },
  },
};

test("validation speaks the build's Chinese and names the field", () => {
  const messages = (plan) => validate(schema, plan).map((e) => e.message);
  assert.deepEqual(messages({ id: "abc", counts: {} }), []);
  assert.deepEqual(messages({ counts: {} }), ["缺少必填字段“id”"]);
  assert.deepEqual(messages({ id: "ABC", counts: { teachers: -1 } }), ["“id”的格式不对：“ABC”", "“counts.teachers”不能小于 0"]);
  assert.deepEqual(messages({ id: "a", counts: { teachers: 1, mentors: 2 } }), ["导师人数 2 多于教师人数 1"]);
  assert.deepEqual(messages({ id: "index", counts: {} }), ["学校代码不能是“index”（与一校一策栏目中的其他文件重名）"]);
  assert.match(messages({ id: "a", counts: {}, stage: "小学" })[0], /无效，可选：初中、高中/);
  assert.deepEqual(messages({ id: "a", counts: {}, list: ["x", "x", ""] }), ["“list”中有重复的项", "“list[3]”不能为空"]);
  assert.match(messages({ id: "a", counts: {}, extra: 1 })[0], /^未知字段“extra”/);
  assert.equal(fieldName([]), "（文件顶层）");
  assert.equal(typeOf(1.5), "number");
});

test("YAML: written in the schema's key order, read as the build reads YAML 1.1", () => {
  assert.deepEqual(Object.keys(ordered(schema, { counts: {}, zzz: 1, id: "a" })), ["id", "counts", "zzz"]);
  const text = toYaml({ counts: { teachers: 3 }, id: "a" }, schema, "# schema", jsyaml);
  assert.ok(text.startsWith("# schema\n# 由一校一策在线编辑器导出。\nid: a\n"), text);
  assert.deepEqual(parseYaml(text, jsyaml), { data: { id: "a", counts: { teachers: 3 } } });
  assert.deepEqual(parseYaml("a: yes\nd: 2023-09-01\n", jsyaml), { data: { a: true, d: "2023-09-01" } });
  assert.match(parseYaml("- x\n", jsyaml).error, /顶层应为键值表/);
  assert.match(parseYaml("a: [x\n", jsyaml).error, /^文件不是有效的 YAML，第 2 行/);
});
