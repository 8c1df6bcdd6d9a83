// What the plan editor says (docs/assets/portal/editor-messages.js): plain Chinese for a school,
// no YAML key or English word (product and format names aside), every blank filled.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MESSAGES, say } from "../../docs/assets/portal/editor-messages.js";

const ALLOWED = new Set(["MB", "YAML", "Word"]);

test("every message is plain Chinese", () => {
  for (const [key, text] of Object.entries(MESSAGES)) {
    const words = (text.replace(/\{\w+\}/g, "").match(/[A-Za-z_]+/g) || []).filter((w) => !ALLOWED.has(w));
    assert.deepEqual(words, [], key + ": " + text);
  }
});

test("blanks are filled, and an unknown key is a programming error", () => {
  assert.equal(say("moved", { what: "时间安排", from: 1, to: 2 }), "已把时间安排第 1 项移到第 2 项。");
  assert.equal(say("downloaded-with-errors", { file: "x.yml", count: 3 }), "已下载 x.yml，但还有 3 处没有填好，区里不能发布；填好后请重新下载。");
  assert.throws(() => say("no-such-message"));
});

// A message written inline in the editor's code fails here: it belongs in editor-messages.js.
test("no message of the editor is written inline", async () => {
  const { readFile } = await import("node:fs/promises");
  const han = "[\\u4e00-\\u9fff]";
  const inline = [
    new RegExp("\\b(message|error)\\s*:\\s*[\"`'][^\"`'\\n]*" + han), // { message: "…" }, { error: "…" }
    new RegExp("\\b(add|say)\\(\\s*[\"`'][^\"`'\\n]*" + han), // add("…"), this.say("…")
    new RegExp("\\bnew Error\\(\\s*[\"`'][^\"`'\\n]*" + han), // new Error("…")
    new RegExp("\\b(textContent|innerText)\\s*=\\s*[\"`'][^\"`'\\n]*" + han), // el.textContent = "…"
    new RegExp("\\bmessage:\\s*[\\w.]+\\s*\\+\\s*\"[^\"\\n]*" + han), // message: name + "…"
  ];
  const found = [];
  for (const file of ["editor.js", "editor-ui.js", "editor-core.js"]) {
    const url = new URL("../../docs/assets/portal/" + file, import.meta.url);
    const lines = (await readFile(url, "utf8")).split("\n");
    lines.forEach((line, i) => {
      if (/^\s*(\/\/|\/\*|\*)/.test(line)) return;
      if (inline.some((re) => re.test(line))) found.push(file + ":" + (i + 1) + ": " + line.trim());
    });
  }
  assert.deepEqual(found, []);
});

test("the check finds an inline message", () => {
  const han = "[\\u4e00-\\u9fff]";
  assert.ok(new RegExp("\\b(add|say)\\(\\s*[\"`'][^\"`'\\n]*" + han).test('add("不能为空")'));
  assert.ok(!new RegExp("\\b(add|say)\\(\\s*[\"`'][^\"`'\\n]*" + han).test('add(say("empty", { name: name }))'));
});
