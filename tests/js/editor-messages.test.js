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
