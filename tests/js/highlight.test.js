// The search highlight on the page opened from a result (docs/assets/portal/highlight.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { highlightTerms, termPattern } from "../../docs/assets/portal/highlight.js";

test("the words of ?h=: longest first, single Chinese characters left out", () => {
  assert.deepEqual(highlightTerms("家访 学生家访 家 a"), ["学生家访", "家访", "a"]);
  assert.deepEqual(highlightTerms("  "), []);
});

test("one case-insensitive pattern, regex characters taken literally", () => {
  const pattern = termPattern(highlightTerms("word (1) a.b"));
  assert.deepEqual("WORD (1) axb a.b".match(pattern), ["WORD", "(1)", "a.b"]);
});
