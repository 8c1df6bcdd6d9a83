// The plan editor's rules and validation (docs/assets/portal/editor-core.js). The full
// agreement with the build is tests/test_editor_conformance.py; these are the unit cases.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { checkPlan, clearPlaceholders, districtName, fieldLabel, fieldName, ordered, parseYaml, placeholderProblems, STATUS, toYaml, typeOf, validate } from "../../docs/assets/portal/editor-core.js";

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
  assert.match(parseYaml("- x\n", jsyaml).error ?? "", /顶层应为键值表/);
  assert.match(parseYaml("a: [x\n", jsyaml).error ?? "", /^文件不是有效的 YAML，第 2 行/);
});

// The placeholder rule (issue 24) travels in the plan schema as data (x-placeholders, x-positive);
// the build's messages are the same (tests/test_editor_conformance.py compares every one).
const planSchema = JSON.parse(require("node:fs").readFileSync(new URL("../../schemas/school-plan.schema.json", import.meta.url), "utf8"));

test("placeholders: template text, 待填写, a 0 that must be positive, an empty list, a district", () => {
  const plan = { name: "（学校全称）", district: "闵行", sample: false, goals: "待填写", counts: { teachers: 0 }, duties: [] };
  assert.deepEqual(placeholderProblems(planSchema, plan).map((e) => [e.path.join("."), e.message]), [
    ["name", "“学校名称”还是占位文字“（学校全称）”：请写上实际内容，不适用的可选项可以整行删去"],
    ["counts.teachers", "“人数·教师人数”是 0：请写实际的数目（至少为 1）"],
    ["goals", "“工作目标”标着“待填写”，还没有写完：请写上实际内容"],
    ["duties", "“导师职责”是空的：至少写一项，或者整行删去"],
    ["district", "所在区“闵行”不是上海市的区：请写" + planSchema["x-placeholders"].districts.join("、") + "中的一个"],
  ]);
  assert.equal(districtName(" 闵行 ", planSchema), "闵行区");
  assert.equal(districtName("浦东", planSchema), "浦东新区");
  assert.equal(districtName("测试区", planSchema), null);
  assert.deepEqual(placeholderProblems(planSchema, { sample: true, district: "示例一区" }), []);
  assert.match(placeholderProblems(planSchema, { sample: true, district: "闵行区" })[0].message, /^示例方案不能写真实的区/);
});

test("clearing placeholders leaves empty fields, not text to delete by hand", () => {
  const plan = { name: "（学校全称）", counts: { teachers: 0, students: 300 }, duties: ["（导师职责）"], self_chosen: ["读书会", "（自选动作）"] };
  assert.equal(clearPlaceholders(planSchema, plan), 4);
  assert.deepEqual(plan, { counts: { students: 300 }, self_chosen: ["读书会"] });
});

test("fields are named by their Chinese labels; spaces at the ends are named as such", () => {
  assert.equal(fieldLabel(planSchema, ["organization", "leading_group", "leader"]), "组织架构·领导小组·组长");
  assert.equal(fieldLabel(planSchema, ["timeline", 1, "tasks", 0]), "时间安排第 2 项·任务第 1 项");
  assert.equal(fieldLabel(planSchema, ["no_such_field"]), null);
  const messages = validate(planSchema, { id: "probe ", counts: { teachers: 12.5 } }).map((e) => e.message);
  assert.ok(messages.includes("“学校代码”的开头或末尾有空格：请删去空格"), messages.join("\n"));
  assert.ok(messages.includes("“人数·教师人数”应为整数（不带小数点），实际是 12.5"), messages.join("\n"));
  const missing = validate(planSchema, { counts: {} }).find((e) => e.message === "缺少必填的“人数·导师人数”");
  assert.deepEqual(missing && [missing.path, missing.missing], [["counts"], "mentors"]);
});
