/* 一校一策在线编辑器 (schools/editor/): a form built from the plan JSON Schema, the compliance
   panel live beside it, open / blank template / autosave / download YAML / print. Loaded by
   editor.js where the page has the editor. Text from a plan is only ever set as text
   (textContent, value), never as markup. */
import * as core from "./editor-core.js";
import { download, el, find } from "./dom.js";
import { load, update } from "./storage.js";
import { say as msg } from "./editor-messages.js";

/**
 * @typedef {import("./editor-core.js").SchemaNode} SchemaNode
 * @typedef {import("./editor-core.js").Rule} Rule
 * @typedef {{ jsyaml: import("./editor-core.js").JsYaml, jsonLogic: import("./editor-core.js").JsonLogic }} Libraries
 * @typedef {{ schema: SchemaNode, template: string, rules: Rule[], posts: import("./editor-core.js").PostTable, folder: string }} SiteFiles
 */

const SCHOOL_ID = /^[a-z0-9][a-z0-9-]*$/;
// Short answers get a one-line box; everything else a text area.
const SHORT = ["id", "name", "district", "leader", "period", "timing", "form"];

function idOf(path) { return "f-" + (path.length ? path.join("-") : "root"); }

function getAt(obj, path) {
  let node = obj;
  for (let i = 0; i < path.length; i++) {
    if (node === null || typeof node !== "object") return undefined;
    node = node[path[i]];
  }
  return node;
}

function setAt(obj, path, value) {
  let node = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    if (node[key] === null || typeof node[key] !== "object") node[key] = typeof path[i + 1] === "number" ? [] : {};
    node = node[key];
  }
  node[path[path.length - 1]] = value;
}

/* Remove a field; objects left empty by it go too (an unused section is not written). */
function deleteAt(obj, path) {
  const parent = getAt(obj, path.slice(0, -1));
  if (parent === null || typeof parent !== "object" || Array.isArray(parent)) return;
  delete parent[path[path.length - 1]];
  if (path.length > 1 && Object.keys(parent).length === 0) deleteAt(obj, path.slice(0, -1));
}

function isFilled(v) { return v !== undefined && v !== null && v !== ""; }

/* A draft is named by its file, else by the school's name in it. */
function draftName(draft) {
  const plan = draft.plan || {};
  return draft.name || (typeof plan.name === "string" && plan.name.trim() ? plan.name : msg("unnamed"));
}

/* The hint shown in an empty field (a placeholder attribute, never a value to delete): the
   schema's example without the template's brackets, or what to write in a count. */
function hintOf(node) {
  if (node.type === "integer") return msg(node["x-positive"] ? "hint-count" : "hint-number");
  let example = node.examples && node.examples[0];
  if (Array.isArray(example)) example = example[0]; // a list's example: its first item
  if (typeof example !== "string" || example === "school-id") return null;
  const bare = /^（(.*)）$/.exec(example);
  return bare ? msg("hint-fill", { what: bare[1] }) : msg("hint-example", { example: example });
}

/* -- the editor ------------------------------------------------------------------------- */

/**
 * @constructor
 * @param {HTMLElement} root
 * @param {SiteFiles} files
 * @param {Libraries} libs
 */
function Editor(root, files, libs) {
  // The build writes the element with its data-json (macros/plans/editor_page.py).
  const data = JSON.parse(/** @type {string} */ (find(document, "#plan-editor-data").getAttribute("data-json")));
  this.root = root;
  this.libs = libs;
  this.schema = files.schema;
  this.rules = files.rules;
  this.posts = files.posts;
  this.template = files.template;
  this.folder = files.folder; // school files sit beside the schema: schools/<id>.yml
  this.schemaComment = data.schemaComment;
  this.status = data.status;
  this.sources = {};
  const self = this;
  document.querySelectorAll("#plan-editor-sources [data-rule]").forEach(function (p) { self.sources[p.getAttribute("data-rule")] = p; });
  this.plan = {};
  this.name = "";
  /** @type {import("./editor-core.js").PlanError[]} */
  this.errors = [];
  // The parts build() lays out, made here so that every method can rely on them.
  this.fileInput = el("input", { type: "file", id: "editor-file", accept: ".yml,.yaml", hidden: true, "aria-label": "选择方案文件" });
  this.message = el("p", { className: "editor-message", role: "status", "aria-live": "polite" });
  this.errorBox = el("div", { className: "editor-errors", id: "editor-errors" });
  this.form = el("form", { className: "editor-form", id: "editor-form", "aria-label": "方案内容", novalidate: true });
  this.panel = el("div", { className: "editor-panel", id: "editor-panel", tabindex: "-1" });
  // Screen readers hear the verdict when it changes, not the whole table at each keystroke.
  this.verdict = el("p", { className: "editor-sr-only", role: "status" });
  this.preview = el("div", { className: "editor-preview", id: "editor-preview" });
  this.downloadButton = el("button", { type: "button", className: "md-button md-button--primary", id: "editor-download" }, ["下载 YAML"]);
  this.undoButton = el("button", { type: "button", className: "md-button", id: "editor-undo", hidden: !load().editor.replaced }, ["恢复被替换的草稿"]);
  this.build();
  this.load();
  root.setAttribute("data-ready", "true");
}

Editor.prototype.build = function () {
  const self = this;
  this.root.textContent = "";
  this.fileInput.addEventListener("change", function () { self.openFile(); });
  function button(text, onClick, extra) {
    const b = el("button", Object.assign({ type: "button", className: "md-button" }, extra || {}), [text]);
    b.addEventListener("click", onClick);
    return b;
  }
  this.downloadButton.addEventListener("click", function () { self.download(); });
  this.undoButton.addEventListener("click", function () { self.restoreReplaced(); });
  const toolbar = el("div", { className: "editor-toolbar" }, [
    button("打开方案文件（.yml）", function () { self.fileInput.click(); }, { id: "editor-open" }),
    button("从空白模板开始", function () { self.startBlank(); }, { id: "editor-blank" }),
    this.downloadButton,
    button("打印预览", function () { self.renderPreview(); window.print(); }, { id: "editor-print" }),
    this.undoButton,
    this.fileInput,
  ]);
  this.form.addEventListener("submit", function (e) { e.preventDefault(); });
  const skip = el("p", { className: "editor-skip" }, [el("a", { href: "#editor-panel" }, ["跳到政策符合情况"])]);
  this.root.appendChild(toolbar);
  this.root.appendChild(this.message);
  this.root.appendChild(skip);
  this.root.appendChild(el("div", { className: "editor-layout" }, [
    el("div", { className: "editor-main" }, [this.errorBox, this.form]),
    el("aside", { className: "editor-aside", "aria-label": "政策符合情况" }, [this.verdict, this.panel]),
  ]));
  this.root.appendChild(this.preview);
};

Editor.prototype.say = function (text) { this.message.textContent = text; };

/* What to show first: a school named in the address (from its page), else the draft, else the blank template. */
Editor.prototype.load = function () {
  const self = this;
  const match = /^#school=(.+)$/.exec(window.location.hash);
  if (match && SCHOOL_ID.test(match[1])) {
    const id = match[1];
    this.say(msg("opening", { file: id + ".yml" }));
    fetch(new URL(id + ".yml", this.folder).href).then(function (r) {
      if (!r.ok) throw new Error(msg("no-school-file", { id: id }));
      return r.text();
    }).then(function (text) {
      self.openText(text, id + ".yml");
    }).catch(function (err) {
      self.say(err.message);
      self.restoreOrBlank();
    });
    return;
  }
  this.restoreOrBlank();
};

Editor.prototype.restoreOrBlank = function () {
  const draft = load().editor.draft; // checked by storage.js: a plan object, a name, a time
  if (draft) {
    this.setPlan(draft.plan, draft.name || "");
    this.say(msg("draft-restored", { name: draftName(draft), saved: draft.saved || "" }));
    return;
  }
  this.startBlank(true);
};

/* Keep the draft about to be replaced (one step back), so that “恢复被替换的草稿” can bring it back. */
Editor.prototype.replacing = function () {
  let kept = false;
  update(function (stored) {
    if (!stored.editor.draft) return;
    stored.editor.replaced = stored.editor.draft;
    kept = true;
  });
  if (kept) this.undoButton.hidden = false;
};

Editor.prototype.restoreReplaced = function () {
  const backup = load().editor.replaced;
  if (!backup) return;
  this.replacing(); // the current one becomes the one to go back to: the button toggles
  this.setPlan(backup.plan, backup.name || "");
  this.save();
  this.say(msg("replaced-restored", { name: draftName(backup), saved: backup.saved || "" }));
};

Editor.prototype.startBlank = function (quiet) {
  if (quiet !== true) this.replacing();
  const parsed = core.parseYaml(this.template, this.libs.jsyaml);
  core.clearPlaceholders(this.schema, parsed.data);
  this.setPlan(parsed.data, "");
  this.save();
  this.say(msg(quiet === true ? "blank-loaded" : "blank-again"));
};

Editor.prototype.openFile = function () {
  const self = this;
  const file = this.fileInput.files && this.fileInput.files[0];
  if (!file) return;
  if (file.size > 1024 * 1024) { this.say(msg("file-too-big")); return; }
  const reader = new FileReader(); // not file.text(): older browser cores on school PCs lack it
  reader.onload = function () { self.openText(String(reader.result), file.name); };
  reader.onerror = function () { self.say(msg("unreadable", { file: file.name })); };
  reader.readAsText(file, "utf-8");
  this.fileInput.value = "";
};

Editor.prototype.openText = function (text, name) {
  const parsed = core.parseYaml(text, this.libs.jsyaml);
  if (parsed.error) { this.say(msg("cannot-open", { file: name, reason: parsed.error })); return; }
  this.replacing();
  // A file from new_school.py or the spreadsheet import still has the template's placeholders.
  const cleared = core.clearPlaceholders(this.schema, parsed.data);
  this.setPlan(parsed.data, name);
  this.save();
  this.say(msg("opened", { file: name }) + (cleared ? msg("cleared", { count: cleared }) : "") +
    msg(this.undoButton.hidden ? "autosave" : "autosave-undo"));
};

Editor.prototype.setPlan = function (plan, name) {
  this.plan = plan;
  this.name = name;
  this.renderForm();
  this.refresh();
};

Editor.prototype.save = function () {
  const now = new Date();
  const saved = now.toLocaleDateString("zh-CN") + " " + now.toTimeString().slice(0, 8);
  const draft = { plan: this.plan, name: this.name, saved: saved };
  if (!update(function (stored) { stored.editor.draft = draft; })) {
    this.say(msg("no-storage"));
  }
};

/* After every change: validation, the panel, the draft. */
Editor.prototype.changed = function () {
  this.refresh();
  this.save();
};

Editor.prototype.refresh = function () {
  // The build's schema errors and its placeholder rule (PLAN-PLACEHOLDER, PLAN-DISTRICT).
  this.errors = core.validate(this.schema, this.plan).concat(core.placeholderProblems(this.schema, this.plan, this.posts));
  this.showErrors(this.errors);
  this.renderPanel(core.checkPlan(this.rules, this.plan, this.libs.jsonLogic));
};

/* -- form ------------------------------------------------------------------------------ */

Editor.prototype.renderForm = function (focusId) {
  this.form.textContent = "";
  const props = this.schema.properties;
  const required = this.schema.required || [];
  const self = this;
  Object.keys(props).forEach(function (key) {
    self.form.appendChild(self.field(props[key], [key], required.indexOf(key) !== -1, 1));
  });
  if (focusId) {
    const target = document.getElementById(focusId);
    if (target) target.focus();
  }
};

function labelText(node, required) {
  const label = [node.title || ""];
  if (required) label.push(el("span", { className: "editor-required", text: "（必填）" }));
  return label;
}

function help(node, id) {
  return node.description ? el("p", { className: "editor-help", id: id + "-help", text: node.description }) : null;
}

function errorSlot(id) { return el("p", { className: "editor-error", id: id + "-error", hidden: true }); }

Editor.prototype.field = function (node, path, required, depth) {
  if (node.type === "object") return this.objectField(node, path, required, depth);
  if (node.type === "array" && node.items && node.items.type === "object") return this.objectList(node, path, required, depth);
  if (node.type === "array" && node.items && (node.items.enum || node.items.type === "integer")) return this.choiceList(node, path, required);
  if (node.type === "array") return this.textList(node, path, required);
  return this.scalarField(node, path, required);
};

Editor.prototype.objectField = function (node, path, required, depth) {
  const id = idOf(path);
  const box = el("fieldset", { className: "editor-group editor-depth-" + Math.min(depth, 3), id: id, "aria-describedby": node.description ? id + "-help" : null }, [
    el("legend", {}, labelText(node, required)),
    help(node, id),
    errorSlot(id),
  ]);
  const req = node.required || [];
  const self = this;
  Object.keys(node.properties).forEach(function (key) {
    box.appendChild(self.field(node.properties[key], path.concat([key]), req.indexOf(key) !== -1, depth + 1));
  });
  return box;
};

Editor.prototype.scalarField = function (node, path, required) {
  const self = this;
  const id = idOf(path);
  const value = getAt(this.plan, path);
  const key = path[path.length - 1];
  let input;
  const describedBy = (node.description ? id + "-help " : "") + id + "-error";
  const common = { id: id, name: path.join("."), "aria-describedby": describedBy, "aria-required": required ? "true" : null };
  if (node.enum || node.type === "boolean") {
    const options = node.enum ? node.enum.map(function (o) { return [o, String(o)]; }) : [[true, "是"], [false, "否"]];
    input = el("select", common, [el("option", { value: "", text: "（请选择）" })].concat(options.map(function (o, i) {
      return el("option", { value: String(i), text: o[1] });
    })));
    const index = options.findIndex(function (o) { return o[0] === value; });
    input.value = index === -1 ? "" : String(index);
    input.addEventListener("change", function () {
      if (input.value === "") deleteAt(self.plan, path);
      else setAt(self.plan, path, options[Number(input.value)][0]);
      self.changed();
    });
  } else if (node.type === "integer") {
    input = el("input", Object.assign({ type: "number", inputmode: "numeric", step: "1", min: node.minimum, max: node.maximum, placeholder: hintOf(node) }, common));
    input.value = value === undefined || value === null ? "" : String(value);
    input.addEventListener("input", function () {
      if (input.value.trim() === "") deleteAt(self.plan, path);
      else setAt(self.plan, path, Number(input.value));
      self.changed();
    });
  } else {
    const multiline = SHORT.indexOf(key) === -1 && typeof key === "string";
    input = el(multiline ? "textarea" : "input", Object.assign(multiline ? { rows: "3" } : { type: "text" }, { placeholder: hintOf(node) }, common));
    input.value = value === undefined || value === null ? "" : String(value);
    input.addEventListener("input", function () {
      if (input.value === "") deleteAt(self.plan, path);
      else setAt(self.plan, path, input.value);
      self.changed();
    });
    if (key === "district") {
      // 闵行 is read as 闵行区 (as the build reads it), once the field is left.
      input.addEventListener("change", function () {
        const full = core.districtName(input.value, self.schema);
        if (full && full !== input.value) {
          input.value = full;
          setAt(self.plan, path, full);
          self.changed();
          self.say(msg("district-written", { district: full }));
        }
      });
    }
  }
  return el("div", { className: "editor-field" }, [el("label", { for: id }, labelText(node, required)), help(node, id), input, errorSlot(id)]);
};

/* Checkboxes: talk moments (an enum), grades (1–12). */
Editor.prototype.choiceList = function (node, path, required) {
  const self = this;
  const id = idOf(path);
  const items = node.items;
  const options = items.enum || [];
  if (!items.enum) for (let g = items.minimum; g <= items.maximum; g++) options.push(g);
  const chosen = getAt(this.plan, path);
  const box = el("fieldset", { className: "editor-group editor-choices", id: id, "aria-describedby": (node.description ? id + "-help " : "") + id + "-error" }, [
    el("legend", {}, labelText(node, required)),
    help(node, id),
  ]);
  const list = el("div", { className: "editor-choice-list" });
  options.forEach(function (option, i) {
    const cid = id + "-" + i;
    const box1 = el("input", { type: "checkbox", id: cid, value: String(option) });
    box1.checked = Array.isArray(chosen) && chosen.indexOf(option) !== -1;
    box1.addEventListener("change", function () {
      const now = getAt(self.plan, path);
      let next = Array.isArray(now) ? now.slice() : [];
      if (box1.checked) {
        next.push(option);
        if (!items.enum) next.sort(function (a, b) { return a - b; }); // grades in order
      } else {
        next = next.filter(function (v) { return v !== option; });
      }
      setAt(self.plan, path, next);
      self.changed();
    });
    const text = items.enum ? String(option) : option + " 年级";
    // The box and its words are one label: one tap target of 44 px on a phone.
    list.appendChild(el("label", { className: "editor-choice", for: cid }, [box1, el("span", { text: text })]));
  });
  box.appendChild(list);
  box.appendChild(errorSlot(id));
  return box;
};

function moveButtons(self, path, index, count, what) {
  const listPath = path;
  const n = index + 1;
  const out = [];
  function act(text, label, disabled, fn, key) {
    const b = el("button", { type: "button", className: "editor-small", id: idOf(listPath.concat([index])) + "-" + key, "aria-label": label, disabled: disabled }, [text]);
    b.addEventListener("click", fn);
    out.push(b);
  }
  function list() { return getAt(self.plan, listPath); }
  // After a move the focus stays on the moved item's button, or on its pair once at an end.
  function moved(to, key) {
    const other = key === "up" ? "down" : "up";
    const atEnd = key === "up" ? to === 0 : to === count - 1;
    self.changed();
    self.renderForm(idOf(listPath.concat([to])) + "-" + (atEnd ? other : key));
    self.say(msg("moved", { what: what, from: n, to: to + 1 }));
  }
  act("上移", "上移" + what + "第 " + n + " 项", index === 0, function () {
    const l = list(); const t = l[index]; l[index] = l[index - 1]; l[index - 1] = t;
    moved(index - 1, "up");
  }, "up");
  act("下移", "下移" + what + "第 " + n + " 项", index === count - 1, function () {
    const l = list(); const t = l[index]; l[index] = l[index + 1]; l[index + 1] = t;
    moved(index + 1, "down");
  }, "down");
  act("删除", "删除" + what + "第 " + n + " 项", false, function () {
    list().splice(index, 1);
    self.changed();
    const left = list().length;
    self.renderForm(left ? idOf(listPath.concat([Math.min(index, left - 1)])) + "-remove" : idOf(listPath) + "-add");
    self.say(msg("removed", { what: what, n: n }));
  }, "remove");
  return el("div", { className: "editor-item-actions" }, out);
}

Editor.prototype.textList = function (node, path, required) {
  const self = this;
  const id = idOf(path);
  let items = getAt(this.plan, path);
  items = Array.isArray(items) ? items : [];
  const what = node.title;
  const ol = el("ol", { className: "editor-list" });
  items.forEach(function (value, i) {
    const itemPath = path.concat([i]);
    const iid = idOf(itemPath);
    const input = el("textarea", { id: iid, rows: "2", "aria-label": node.title + " 第 " + (i + 1) + " 项", "aria-describedby": iid + "-error", placeholder: hintOf(node.items) || hintOf(node) });
    input.value = value === null || value === undefined ? "" : String(value);
    input.addEventListener("input", function () { getAt(self.plan, path)[i] = input.value; self.changed(); });
    ol.appendChild(el("li", { className: "editor-item" }, [input, errorSlot(iid), moveButtons(self, path, i, items.length, what)]));
  });
  const add = el("button", { type: "button", className: "editor-add", id: id + "-add" }, [msg("add-item", { what: node.title })]);
  add.addEventListener("click", function () {
    let list = getAt(self.plan, path);
    if (!Array.isArray(list)) { list = []; setAt(self.plan, path, list); }
    list.push("");
    self.changed();
    self.renderForm(idOf(path.concat([list.length - 1])));
  });
  return el("fieldset", { className: "editor-group editor-texts", id: id, "aria-describedby": (node.description ? id + "-help " : "") + id + "-error" }, [
    el("legend", {}, labelText(node, required)), help(node, id), ol, errorSlot(id), add,
  ]);
};

Editor.prototype.objectList = function (node, path, required, depth) {
  const self = this;
  const id = idOf(path);
  let items = getAt(this.plan, path);
  items = Array.isArray(items) ? items : [];
  const item = node.items;
  const what = node.title;
  const ol = el("ol", { className: "editor-list editor-objects" });
  items.forEach(function (value, i) {
    const itemPath = path.concat([i]);
    const box = self.objectField(Object.assign({}, item, { title: item.title + " " + (i + 1), description: null }), itemPath, false, depth + 1);
    box.appendChild(moveButtons(self, path, i, items.length, what));
    ol.appendChild(el("li", { className: "editor-item" }, [box]));
  });
  const add = el("button", { type: "button", className: "editor-add", id: id + "-add" }, [item.title === node.title ? msg("add-item", { what: item.title }) : msg("add-part", { list: node.title, what: item.title })]);
  add.addEventListener("click", function () {
    let list = getAt(self.plan, path);
    if (!Array.isArray(list)) { list = []; setAt(self.plan, path, list); }
    list.push({});
    self.changed();
    const first = Object.keys(item.properties)[0];
    self.renderForm(idOf(path.concat([list.length - 1, first])));
  });
  return el("fieldset", { className: "editor-group editor-depth-" + Math.min(depth, 3), id: id, "aria-describedby": (node.description ? id + "-help " : "") + id + "-error" }, [
    el("legend", {}, labelText(node, required)), help(node, id), ol, errorSlot(id), add,
  ]);
};

/* -- validation messages -------------------------------------------------------------- */

/* The build's message: editor-core.js names the field by its Chinese titles (人数·学生人数), as
   the build does (macros/yamlload.py field_label). Kept for messages without a label. */
Editor.prototype.titled = function (error) {
  const schema = this.schema;
  function titles(path) {
    let node = schema;
    const out = [];
    path.forEach(function (p) {
      if (!node) return;
      if (typeof p === "number") {
        node = node.items;
        if (out.length) out[out.length - 1] += " 第 " + (p + 1) + " 项";
      } else {
        node = node.properties && node.properties[p];
        out.push(node && node.title ? node.title : String(p));
      }
    });
    return out.join(" › ");
  }
  const m = /^缺少必填字段“([^”]+)”/.exec(error.message);
  if (m) return msg("missing-field", { key: titles(error.path.concat([m[1]])), where: "" });
  const key = "“" + core.fieldName(error.path) + "”";
  return error.path.length && error.message.indexOf(key) === 0 ? "“" + titles(error.path) + "”" + error.message.slice(key.length) : error.message;
};

Editor.prototype.showErrors = function (errors) {
  const self = this;
  this.form.querySelectorAll(".editor-error").forEach(function (/** @type {HTMLElement} */ p) { p.hidden = true; p.textContent = ""; });
  this.form.querySelectorAll("[aria-invalid]").forEach(function (n) { n.removeAttribute("aria-invalid"); });
  this.errorBox.textContent = "";
  if (!errors.length) return;
  const list = el("ul");
  errors.forEach(function (error) {
    // A missing field is told at the field itself; else at the nearest field the form has.
    const path = error.path.slice();
    if (error.missing) path.push(error.missing);
    while (path.length && !document.getElementById(idOf(path))) path.pop();
    const id = idOf(path);
    const slot = document.getElementById(id + "-error");
    if (slot) {
      slot.hidden = false;
      slot.appendChild(el("span", { text: self.titled(error) }));
    }
    const control = document.getElementById(id);
    if (control) control.setAttribute("aria-invalid", "true");
    const link = el("a", { href: "#" + id, text: self.titled(error) });
    link.addEventListener("click", function (e) {
      // Not a navigation: Material's instant navigation would take the hash and then the focus.
      e.preventDefault();
      e.stopPropagation();
      const target = document.getElementById(id);
      if (!target) return;
      const focusable = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea, button");
      /** @type {HTMLElement} */ (focusable || target).focus();
    });
    list.appendChild(el("li", {}, [link]));
  });
  this.errorBox.appendChild(el("p", { className: "editor-errors-title", text: msg("errors-title", { count: errors.length }) }));
  this.errorBox.appendChild(list);
};

/* -- the compliance panel: the same table as on a school page (macros/plans/schools.py) */

Editor.prototype.renderPanel = function (findings) {
  const S = this.status;
  const k = S.keys;
  const count = {};
  Object.keys(S.labels).forEach(function (s) { count[s] = 0; });
  findings.forEach(function (f) { count[f.status] += 1; });
  const rules = {};
  this.rules.forEach(function (r) { rules[r.id] = r; });
  const must = findings.filter(function (f) { return rules[f.id].severity === "必须" && f.status !== k.na; }).length;
  const should = findings.filter(function (f) { return rules[f.id].severity === "建议" && f.status !== k.na; }).length;
  const ok = count[k.notMet] === 0;
  const verdict = ok ? "符合必须条款" : "有 " + count[k.notMet] + " 项必须条款未达标";
  const sorted = findings.slice().sort(function (a, b) { return S.order.indexOf(a.status) - S.order.indexOf(b.status); });
  const self = this;
  const rows = sorted.map(function (f) {
    const rule = rules[f.id];
    const sources = self.sources[f.id];
    const cell = el("td");
    if (sources) Array.prototype.forEach.call(sources.childNodes, function (n) { cell.appendChild(n.cloneNode(true)); });
    return el("tr", { "data-rule": f.id }, [
      el("td", {}, [el("span", { className: "plan-status plan-" + f.status, text: S.icons[f.status] + " " + S.labels[f.status] })]),
      el("td", {}, [rule.statement, el("br"), el("small", { text: rule.id + " · " + rule.severity })]),
      el("td", { text: f.detail }),
      cell,
    ]);
  });
  const table = el("table", {}, [
    el("thead", {}, [el("tr", {}, ["结果", "规则", "本方案", "依据"].map(function (h) { return el("th", { text: h }); }))]),
    el("tbody", {}, rows),
  ]);
  const box = el("div", { className: "plan-compliance " + (ok ? "plan-ok" : "plan-not-ok") }, [
    el("h2", { text: "政策符合情况" }),
    el("p", {}, [
      el("strong", { text: verdict }),
      "。必须条款 " + must + " 项：已达标 " + (must - count[k.notMet]) + " 项，未达标 " + count[k.notMet] + " 项；" +
        "建议条款 " + should + " 项：已采纳 " + (should - count[k.advisory]) + " 项，建议改进 " + count[k.advisory] + " 项。",
    ]),
    el("div", { className: "md-typeset__scrollwrap" }, [el("div", { className: "md-typeset__table" }, [table])]),
  ]);
  this.panel.textContent = "";
  this.panel.appendChild(box);
  const said = "政策符合情况：" + verdict;
  if (this.verdict.textContent !== said) this.verdict.textContent = said;
};

/* -- download and print --------------------------------------------------------------- */

Editor.prototype.yaml = function () {
  return core.toYaml(this.plan, this.schema, this.schemaComment, this.libs.jsyaml);
};

Editor.prototype.download = function () {
  const errors = this.errors;
  if (errors.length) { this.confirmDownload(errors); return; }
  this.saveFile();
};

Editor.prototype.saveFile = function () {
  const name = (typeof this.plan.id === "string" && SCHOOL_ID.test(this.plan.id) ? this.plan.id : "school-plan") + ".yml";
  const left = this.errors.length;
  download(this.yaml(), "text/yaml;charset=utf-8", name);
  this.say(left ? msg("downloaded-with-errors", { file: name, count: left }) : msg("downloaded", { file: name }));
};

/* A plan with errors downloads only after the user has seen what is missing and confirmed. */
Editor.prototype.confirmDownload = function (errors) {
  const self = this;
  const old = document.getElementById("editor-confirm");
  if (old) old.remove();
  const shown = errors.slice(0, 8).map(function (e) { return el("li", { text: self.titled(e) }); });
  if (errors.length > shown.length) shown.push(el("li", { text: msg("confirm-more", { count: errors.length - shown.length }) }));
  const back = el("button", { type: "button", className: "md-button md-button--primary", id: "editor-confirm-back" }, [msg("confirm-back")]);
  const anyway = el("button", { type: "button", className: "md-button", id: "editor-confirm-download" }, [msg("confirm-anyway")]);
  const box = el("div", { className: "editor-confirm", id: "editor-confirm", role: "alertdialog", "aria-labelledby": "editor-confirm-title", tabindex: "-1" }, [
    el("p", { id: "editor-confirm-title", className: "editor-confirm-title", text: msg("confirm-title", { count: errors.length }) }),
    el("ul", {}, shown),
    el("div", { className: "editor-confirm-actions" }, [back, anyway]),
  ]);
  back.addEventListener("click", function () {
    box.remove();
    const first = self.errorBox.querySelector("a");
    (first || self.downloadButton).focus();
  });
  anyway.addEventListener("click", function () {
    box.remove();
    self.saveFile();
    self.downloadButton.focus();
  });
  this.message.after(box);
  back.focus();
};

/* A clean copy for printing: every filled-in field under its Chinese title, then the panel. */
Editor.prototype.renderPreview = function () {
  this.preview.textContent = "";
  const plan = this.plan;
  this.preview.appendChild(el("h2", { text: (typeof plan.name === "string" ? plan.name : "（未填学校名称）") + " 全员导师制工作实施方案" }));
  function walk(node, value, depth, parent) {
    if (value === undefined || value === null) return;
    if (node.type === "object" && typeof value === "object" && !Array.isArray(value)) {
      Object.keys(node.properties || {}).forEach(function (key) {
        const sub = node.properties[key];
        const v = value[key];
        if (!isFilled(v) || (Array.isArray(v) && !v.length)) return;
        if (sub.type === "object" || (sub.type === "array" && sub.items && sub.items.type === "object")) {
          parent.appendChild(el(depth === 0 ? "h3" : "h4", { text: sub.title }));
          walk(sub, v, depth + 1, parent);
        } else {
          parent.appendChild(el("p", {}, [el("strong", { text: sub.title + "：" }), display(sub, v)]));
        }
      });
    } else if (Array.isArray(value)) {
      value.forEach(function (item, i) {
        parent.appendChild(el("p", { className: "editor-preview-item", text: (node.items.title || "") + " " + (i + 1) }));
        walk(node.items, item, depth + 1, parent);
      });
    }
  }
  function display(node, v) {
    if (Array.isArray(v)) return v.map(function (x) { return node.items && node.items.type === "integer" ? x + " 年级" : String(x); }).join("、");
    if (typeof v === "boolean") return v ? "是" : "否";
    return String(v);
  }
  walk(this.schema, plan, 0, this.preview);
  // The panel as last drawn: refresh() draws it whenever a plan is set, before any print.
  if (this.panel.firstChild) this.preview.appendChild(this.panel.firstChild.cloneNode(true));
};

/**
 * The editor in `root`, with the site's plan files and the two libraries.
 * @param {HTMLElement} root
 * @param {SiteFiles} files
 * @param {Libraries} libs
 */
export function createEditor(root, files, libs) {
  return new Editor(root, files, libs);
}
