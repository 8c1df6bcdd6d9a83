/* 一校一策 editor: the parts without a page, shared by the browser and Node's tests.
   - checkPlan: the rules of data/plan_rules.yml, evaluated with json-logic-js exactly as
     macros/plans/rules.py evaluates them with its Python port (tests/test_editor_conformance.py).
   - validate: the plan JSON Schema's rules, with the build's Chinese messages (macros/yamlload.py).
   - toYaml / parseYaml: the school's file, read and written with js-yaml in YAML 1.1 terms,
     as the build's PyYAML reads it.
   The libraries are passed in (the browser loads them as classic scripts, Node with require). */

/**
 * @typedef {{ apply(logic: unknown, data: unknown): unknown, truthy(value: unknown): boolean }} JsonLogic
 * @typedef {{ dump(value: unknown, options?: object): string, load(text: string, options?: object): unknown, YAML11_SCHEMA: unknown }} JsYaml
 * @typedef {{ when?: unknown, ok: boolean | null, detail: unknown, at: string }} RuleCheck
 * @typedef {{ id: string, severity: string, statement?: string, check: RuleCheck[] }} Rule
 * @typedef {{ id: string, status: string, detail: string, at: string }} Finding
 * @typedef {{ path: (string | number)[], message: string, missing?: string }} PlanError
 * @typedef {{ [key: string]: any }} SchemaNode
 */

import { say } from "./editor-messages.js";

const NOT_MET = "not_met", ADVISORY = "advisory", MET = "met", NA = "na";
export const STATUS = { NOT_MET, ADVISORY, MET, NA };

/* -- rules ------------------------------------------------------------------------ */

/** @param {Rule} rule @param {unknown} plan @param {JsonLogic} jsonLogic */
function evaluate(rule, plan, jsonLogic) {
  for (let i = 0; i < rule.check.length; i++) {
    const c = rule.check[i];
    if (!("when" in c) || jsonLogic.truthy(jsonLogic.apply(c.when, plan))) {
      const detail = jsonLogic.apply(c.detail, plan);
      return { ok: c.ok, detail: typeof detail === "string" ? detail : String(detail), at: c.at };
    }
  }
  return { ok: null, detail: "", at: "" };
}

/** @param {Rule[]} rules @param {unknown} plan @param {JsonLogic} jsonLogic @returns {Finding[]} */
export function checkPlan(rules, plan, jsonLogic) {
  return rules.map(function (rule) {
    const out = evaluate(rule, plan, jsonLogic);
    const status = out.ok === null ? NA : out.ok ? MET : rule.severity === "必须" ? NOT_MET : ADVISORY;
    return { id: rule.id, status: status, detail: out.detail, at: out.at };
  });
}

/* -- validation (the subset of JSON Schema the plan schema uses) -------------------- */

const TYPE_NAMES = { string: "文本", integer: "整数", number: "数字", boolean: "是/否（true/false）",
  array: "列表", object: "键值表", "null": "空值" };

/** @param {unknown} v @returns {string} */
export function typeOf(v) {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  if (typeof v === "string") return "string";
  if (Array.isArray(v)) return "array";
  return "object";
}

function isType(v, t) {
  const actual = typeOf(v);
  return actual === t || (t === "number" && actual === "integer");
}

/* The field's Chinese label from the schema's titles (组织架构·领导小组·组长, 时间安排第 2 项·任务),
   as macros/yamlload.py field_label writes it; null when a step has no title. */
/** @param {SchemaNode} schema @param {(string | number)[]} path @returns {string | null} */
export function fieldLabel(schema, path) {
  let node = schema;
  const parts = [];
  for (let i = 0; i < path.length; i++) {
    const item = path[i];
    if (!node || typeof node !== "object") return null;
    if (typeof item === "number") {
      node = node.items;
      if (!parts.length) return null;
      parts[parts.length - 1] += "第 " + (item + 1) + " 项";
      continue;
    }
    node = (node.properties || {})[item];
    if (!node || typeof node !== "object" || !node.title) return null;
    parts.push(node.title);
  }
  return parts.length ? parts.join("·") : null;
}

/** @param {(string | number)[]} path */
export function fieldName(path) {
  let out = "";
  path.forEach(function (p) {
    if (typeof p === "number") out += "[" + (p + 1) + "]";
    else out += (out ? "." : "") + p;
  });
  return out || "（文件顶层）";
}

function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/* Spaces before or after a text with something in between (macros/core/placeholders.py blank_ends). */
/** @param {string} value @param {SchemaNode} root */
function blankEnds(value, root) {
  const rules = root["x-placeholders"];
  if (!rules) return false;
  const core = value.replace(new RegExp("^[" + rules.blanks + "]+|[" + rules.blanks + "]+$", "g"), "");
  return core !== "" && core !== value;
}

/** @param {SchemaNode} node @param {any} value @param {(string | number)[]} path @param {PlanError[]} errors @param {SchemaNode} root */
function validateNode(node, value, path, errors, root) {
  const name = "“" + (fieldLabel(root, path) || fieldName(path)) + "”";
  function add(message) { errors.push({ path: path, message: message }); }
  if (node.enum) {
    if (!node.enum.some(function (o) { return sameValue(o, value); })) {
      add(say("enum", { name: name, value: String(value), choices: node.enum.join("、") }));
    }
    return;
  }
  if (node.type && !isType(value, node.type)) {
    if (node.type === "integer" && typeOf(value) === "number") add(say("not-integer", { name: name, value: value }));
    else add(say("wrong-type", { name: name, expected: TYPE_NAMES[node.type], actual: TYPE_NAMES[typeOf(value)] }));
    return;
  }
  if (node.type === "object") {
    const props = node.properties || {};
    Object.keys(value).forEach(function (k) {
      if (!(k in props) && node.additionalProperties === false) {
        // The build also suggests a close spelling (difflib); the editor lists the fields.
        errors.push({ path: path.concat([k]), message: say("unknown-field", { key: k, fields: Object.keys(props).join("、") }) });
      }
    });
    (node.required || []).forEach(function (k) {
      if (k in value) return;
      const label = fieldLabel(root, path.concat([k]));
      // `missing` lets the form tell it at the missing field itself.
      errors.push({ path: path, missing: k, message: label ? say("missing", { label: label }) : say("missing-field", { key: k, where: path.length ? say("missing-in", { name: name }) : "" }) });
    });
    Object.keys(props).forEach(function (k) {
      if (k in value) validateNode(props[k], value[k], path.concat([k]), errors, root);
    });
    return;
  }
  if (node.type === "array") {
    if (node.minItems && value.length < node.minItems) add(say("min-items", { name: name, n: node.minItems }));
    if (node.uniqueItems) {
      const seen = value.map(function (v) { return JSON.stringify(v); });
      if (seen.some(function (v, i) { return seen.indexOf(v) !== i; })) add(say("duplicate-items", { name: name }));
    }
    value.forEach(function (item, i) { validateNode(node.items || {}, item, path.concat([i]), errors, root); });
    return;
  }
  if (node.type === "string") {
    if (node.minLength && value.length < node.minLength) {
      add(node.minLength <= 1 ? say("empty", { name: name }) : say("min-length", { name: name, n: node.minLength }));
      return;
    }
    // The same words as the build (macros/yamlload.py): spaces at either end are named as such.
    const spaced = blankEnds(value, root);
    if (node.pattern && !new RegExp(node.pattern).test(value)) {
      add(spaced ? say("blank-ends", { name: name }) : node["x-message"] ? say("field-hint", { name: name, hint: node["x-message"] }) : say("bad-format", { name: name, value: value }));
    }
    (node.allOf || []).forEach(function (sub) {
      if (sub.pattern && !new RegExp(sub.pattern).test(value)) {
        add(spaced ? say("blank-ends", { name: name }) : sub["x-message"] ? say("field-hint", { name: name, hint: sub["x-message"] }) : say("bad-format", { name: name, value: value }));
      }
    });
    return;
  }
  if (node.type === "integer" || node.type === "number") {
    if ("minimum" in node && value < node.minimum) add(say("below-minimum", { name: name, n: node.minimum }));
    if ("maximum" in node && value > node.maximum) add(say("above-maximum", { name: name, n: node.maximum }));
  }
}

const RESERVED_IDS = ["index", "school-plan-template", "editor"];

/* Schema problems, then the build's own checks of a school file (macros/plans/loading.py validate_plan). */
/** @param {SchemaNode} schema @param {any} plan @returns {PlanError[]} */
export function validate(schema, plan) {
  const errors = [];
  validateNode(schema, plan, [], errors, schema);
  if (typeOf(plan) !== "object") return errors;
  if (RESERVED_IDS.indexOf(plan.id) !== -1) {
    errors.push({ path: ["id"], message: say("reserved-id", { id: plan.id }) });
  }
  const c = plan.counts;
  if (typeOf(c) === "object" && typeOf(c.teachers) === "integer" && typeOf(c.mentors) === "integer" && c.mentors > c.teachers) {
    errors.push({ path: ["counts", "mentors"], message: say("too-many-mentors", { mentors: c.mentors, teachers: c.teachers }) });
  }
  return errors;
}

/* -- placeholders (macros/plans/plan_checks.py; the data is the schema's x-placeholders) --- */

/** @param {string} template @param {{ [key: string]: string }} values */
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
}

/** @param {string} text @param {SchemaNode} rules */
export function isPlaceholder(text, rules) {
  return rules.marks.some(function (m) { return text.indexOf(m) !== -1; }) || new RegExp(rules.bracketed).test(text);
}

/* Text left to fill in, counts of 0 that must be positive, empty lists, a district that is not
   Shanghai's, a person's name where a post belongs (with `posts`, the person detector's table):
   the build's PLAN-PLACEHOLDER, PLAN-DISTRICT and PLAN-POST, in its words. */
/** @param {SchemaNode} schema @param {any} plan @param {PostTable} [posts] @returns {PlanError[]} */
export function placeholderProblems(schema, plan, posts) {
  const rules = schema["x-placeholders"];
  const errors = [];
  if (!rules || typeOf(plan) !== "object") return errors;
  const words = rules.messages; // the build's own words, with the rules
  function walk(node, value, path) {
    if (path.length) {
      const label = fieldLabel(schema, path) || path.join(".");
      if (typeof value === "string" && isPlaceholder(value, rules)) {
        const mark = rules.marks.filter(function (m) { return value.indexOf(m) !== -1; })[0] || "";
        errors.push({ path: path, message: fill(mark ? words["plan.marked"] : words["plan.placeholder"], { label: label, value: value, mark: mark }) });
      } else if (typeof value === "string" && node["x-post"] && posts && posts.posts) {
        const names = personNames(value, posts).filter(function (n, k, all) { return all.indexOf(n) === k; });
        if (names.length) errors.push({ path: path, message: fill(words["plan.person"], { label: label, name: names.join("、") }) });
      } else if (node["x-positive"] && value === 0) {
        errors.push({ path: path, message: fill(words["plan.zero"], { label: label }) });
      } else if ((node.type === "array" || node.type === "object") && (Array.isArray(value) ? !value.length : typeOf(value) === "object" && !Object.keys(value).length)) {
        errors.push({ path: path, message: fill(words["plan.empty"], { label: label }) });
      }
    }
    if (node.type === "object" && typeOf(value) === "object") {
      Object.keys(node.properties || {}).forEach(function (k) { if (k in value) walk(node.properties[k], value[k], path.concat([k])); });
    } else if (Array.isArray(value) && node.items && typeof node.items === "object") {
      value.forEach(function (item, i) { walk(node.items, item, path.concat([i])); });
    }
  }
  walk(schema, plan, []);
  const district = plan.district;
  if (typeof district === "string" && !isPlaceholder(district, rules)) {
    const real = rules.districts.indexOf(district) !== -1;
    const key = plan.sample === true ? (real ? "plan.sample-real-district" : new RegExp(rules.sampleDistrict).test(district) ? "" : "plan.sample-district") : real ? "" : "plan.district";
    if (key) errors.push({ path: ["district"], message: fill(words[key], { value: district, districts: rules.districts.join("、") }) });
  }
  return errors;
}

/* The plan with its placeholders taken out, for the form: template text in brackets, 待填写,
   counts of 0 that must be positive, and lists left with nothing. The form shows the
   schema's example as a hint (a placeholder attribute) in the empty field instead, so that
   nobody has to delete “（多对一安排）” by hand on a phone. Returns how many were taken out. */
/** @param {SchemaNode} schema @param {any} plan @returns {number} */
export function clearPlaceholders(schema, plan) {
  const rules = schema["x-placeholders"];
  let cleared = 0;
  function walk(node, value) {
    if (node.type === "object" && typeOf(value) === "object") {
      Object.keys(node.properties || {}).forEach(function (k) {
        if (!(k in value)) return;
        const sub = node.properties[k];
        const v = value[k];
        if ((typeof v === "string" && isPlaceholder(v, rules)) || (sub["x-positive"] && v === 0)) {
          delete value[k];
          cleared += 1;
          return;
        }
        walk(sub, v);
        // A list left with nothing is not written; an emptied section stays, so that its
        // required fields are told one by one.
        if (Array.isArray(v) && !v.length) delete value[k];
      });
    } else if (Array.isArray(value) && node.items) {
      for (let i = value.length - 1; i >= 0; i--) {
        if (typeof value[i] === "string" && isPlaceholder(value[i], rules)) { value.splice(i, 1); cleared += 1; }
        else walk(node.items, value[i]);
      }
    }
  }
  if (rules && typeOf(plan) === "object") walk(schema, plan);
  return cleared;
}

/* 闵行 → 闵行区, as the build reads it (macros/core/placeholders.py district_name). */
/** @param {string} value @param {SchemaNode} schema @returns {string | null} */
export function districtName(value, schema) {
  const v = value.trim().replace(/^上海市/, "");
  const found = schema["x-placeholders"].districts.filter(function (name) {
    const short = name.replace(/新区$/, "").replace(/区$/, "");
    return v === name || v === short || v === short + "区";
  });
  return found.length ? found[0] : null;
}

/* -- posts, not people (PLAN-POST; the data is schools/post-names.json) -------------------- */

/* The build judges a 组长/成员 field with the anonymisation gate's person detector
   (macros/casebook/anonymise.py person_names). Here a post field is read as post words
   (校长, 德育主任) and what is left; what is left is judged with the detector's own tables
   (macros/casebook/anon_post.py): a surname with a role (李校长), 小/老 with a surname (小王),
   a surname with a typical given name (张建国, 李红) where no post word follows directly,
   but no figure (余华) and no common word (田野). tests/test_post_names.py requires the two
   agree on a labelled set of post fields; where they ever differ, the build has the last word. */

/** @typedef {{ surnames: string, compounds: string[], weak: string, given: { [hundredths: string]: string },
    words: string[], figures: string[], posts: string[], roles: string[],
    theta: { two: number, weak: number, mean: number, strong: number } }} PostTable */

/** @type {WeakMap<PostTable, { score: Map<string, number>, words: Set<string> }>} */
const postIndex = new WeakMap();

/** @param {PostTable} table */
function indexOf(table) {
  let index = postIndex.get(table);
  if (!index) {
    const score = new Map();
    Object.keys(table.given).forEach(function (h) {
      for (const ch of table.given[h]) score.set(ch, Number(h) / 100);
    });
    const words = new Set();
    table.words.forEach(function (run, n) { // two- and three-character words run together
      for (let k = 0; k < run.length; k += n + 2) words.add(run.slice(k, k + n + 2));
    });
    index = { score: score, words: words };
    postIndex.set(table, index);
  }
  return index;
}

/** The longest of `list` (longest first) at `i` of `text`, or "". @param {string[]} list @param {string} text @param {number} i */
function wordAt(list, text, i) {
  for (const w of list) if (text.startsWith(w, i)) return w;
  return "";
}

/** The personal names in one short post field. @param {string} text @param {PostTable} table @returns {string[]} */
export function personNames(text, table) {
  const { score, words } = indexOf(table);
  const t = table.theta;
  const found = [];
  text.split(/[^\u4e00-\u9fff]+/).forEach(function (seg) {
    /** Where a name may end: the end, or a post word. @param {number} j */
    function edge(j) { return j >= seg.length || wordAt(table.posts, seg, j) !== ""; }
    /** @param {string} ch */
    function s(ch) { return score.get(ch) || 0; }
    let i = 0;
    let clean = true; // at the start or just after a post word: a weak surname may start a name here
    while (i < seg.length) {
      const skip = wordAt(table.posts, seg, i) || wordAt(table.figures, seg, i);
      if (skip) { i += skip.length; clean = true; continue; }
      const name = nameAt(i, clean);
      if (name) { found.push(name); i += name.length; clean = true; continue; }
      i += 1;
      clean = false;
    }
    /** @param {number} at @param {boolean} fresh @returns {string} */
    function nameAt(at, fresh) {
      const c = seg[at];
      if ((c === "小" || c === "老") && table.surnames.indexOf(seg[at + 1] || "\0") !== -1 && edge(at + 2) && !words.has(seg.slice(at, at + 2))) {
        return seg.slice(at, at + 2);
      }
      const compound = table.compounds.indexOf(seg.slice(at, at + 2)) !== -1;
      if (!compound && table.surnames.indexOf(c) === -1) return "";
      const after = at + (compound ? 2 : 1);
      const weak = !compound && table.weak.indexOf(c) !== -1;
      if (weak && !fresh) return "";
      if (seg[after] === "某") return "";
      const role = wordAt(table.roles, seg, after);
      if (role) return seg.slice(at, after + role.length);
      const g1 = seg[after];
      const g2 = seg[after + 1];
      const surname = seg.slice(at, after);
      if (!g1) return "";
      if (g2 && edge(after + 2) && !words.has(surname + g1 + g2) && !(weak && words.has(g1 + g2))) {
        const s1 = s(g1);
        const s2 = s(g2);
        const strong = s1 >= t.strong && s2 >= t.strong;
        if (words.has(surname + g1) ? strong : strong || (Math.min(s1, s2) >= 0.4 && s1 + s2 >= 2 * t.mean)) return seg.slice(at, after + 2);
      }
      if (edge(after + 1) && !words.has(surname + g1) && s(g1) >= (weak ? t.weak : t.two)) return seg.slice(at, after + 1);
      return "";
    }
  });
  return found;
}

/* -- YAML ---------------------------------------------------------------------------- */

/* Keys in the schema's order (as the build writes plans), unknown keys after them. */
/** @param {SchemaNode | undefined} node @param {any} value @returns {any} */
export function ordered(node, value) {
  if (Array.isArray(value)) {
    return value.map(function (v) { return ordered((node && node.items) || {}, v); });
  }
  if (typeOf(value) !== "object") return value;
  const props = (node && node.properties) || {};
  const out = {};
  Object.keys(props).forEach(function (k) { if (k in value) out[k] = ordered(props[k], value[k]); });
  Object.keys(value).forEach(function (k) { if (!(k in out)) out[k] = ordered({}, value[k]); });
  return out;
}

/** @param {object} plan @param {SchemaNode} schema @param {string} schemaComment @param {JsYaml} jsyaml */
export function toYaml(plan, schema, schemaComment, jsyaml) {
  const body = jsyaml.dump(ordered(schema, plan), { schema: jsyaml.YAML11_SCHEMA, lineWidth: -1, noRefs: true });
  return schemaComment + "\n# 由一校一策在线编辑器导出。\n" + body;
}

/* Dates stay text, as the build reads them (macros/yamlload.py). */
/** @param {any} value @returns {any} */
function undated(value) {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(undated);
  if (typeOf(value) === "object") {
    const out = {};
    Object.keys(value).forEach(function (k) { out[k] = undated(value[k]); });
    return out;
  }
  return value;
}

const MAX_PLAN_CHARS = 1000000;

/* {data} or {error: Chinese message}. */
/** @param {string} text @param {JsYaml} jsyaml @returns {{ data?: any, error?: string }} */
export function parseYaml(text, jsyaml) {
  let data;
  try {
    // A plan has no use for many anchors; a few hundred bytes of them can expand to gigabytes.
    data = jsyaml.load(text.replace(/^\uFEFF/, ""), { schema: jsyaml.YAML11_SCHEMA, maxAliases: 50 });
    if (JSON.stringify(data).length > MAX_PLAN_CHARS) return { error: say("too-large") };
  } catch (err) {
    if (err instanceof RangeError) return { error: say("too-large") };
    const where = err.mark ? say("yaml-where", { line: err.mark.line + 1, col: err.mark.column + 1 }) : "";
    const reason = /maxAliases/.test(err.message) ? say("too-many-aliases") : err.reason || err.message;
    return { error: say("not-yaml", { where: where, reason: reason }) };
  }
  if (typeOf(data) !== "object") return { error: say("not-a-plan", { actual: TYPE_NAMES[typeOf(data)] }) };
  return { data: undated(data) };
}
