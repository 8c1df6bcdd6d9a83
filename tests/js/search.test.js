// The search worker's logic (docs/assets/portal/search-core.js, a classic script Node loads with
// require): query splitting, shards, ranking helpers, snippets. The index contract with
// macros/core/searchshards.py is checked by tests/test_search_relevance.py.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const { createSearch } = require("../../docs/assets/portal/search-core.js");
const Z = "\u200b";

/** A search over an index given as files (meta.json, words.txt, t/<shard>.json, p/<page>.json). */
function over(files) {
  return createSearch(async (name, kind) => {
    if (!(name in files)) throw new Error(`${name}: 404`);
    return kind === "text" ? files[name] : structuredClone(files[name]);
  });
}

const WORDS = ["一校一策", "学生", "学生家访", "家访", "导师", "怎么", "谈心", "谈心谈话", "记录"].sort();

test("a query is split into the index's words: fewest words, unknown characters kept together", async () => {
  const s = over({ "meta.json": { pages: [], parents: [], shards: 4, docs: 0, longest: 4 }, "words.txt": WORDS.join("\n") });
  await s.setup();
  assert.deepEqual(s.segment("学生家访怎么记录"), ["学生家访", "怎么", "记录"]);
  assert.deepEqual(s.segment("量子纠缠"), ["量子纠缠"]); // not in the index: one term, not four characters
  assert.deepEqual(s.segment("ＡＢＣ１ 家访"), ["abc1", "家访"]);
  assert.deepEqual(s.segment("谈心的记录"), ["谈心", "的", "记录"]);
  assert.deepEqual(s.queryTerms(["家访", "怎么", "家访"]), [["家访", false], ["怎么", true]]);
  assert.deepEqual(s.queryTerms(["怎么"]), [["怎么", false]]); // only a question word: it counts
});

test("shards: FNV-1a over code points modulo the shard count", () => {
  const s = createSearch(null);
  assert.equal(s.shardOf("a", 1 << 30), 0xe40c292c % (1 << 30));
  assert.ok(s.shardOf("𠀀字", 1024) < 1024);
  assert.equal(s.shardOf("家访", 7), s.shardOf("家访", 7));
});

test("words of index text: split at spaces and U+200B, normalised", () => {
  const s = createSearch(null);
  assert.deepEqual(s.wordsIn(`导师${Z}每学年 ＡＢＣ`), ["导师", "每学年", "abc"]);
  assert.deepEqual(s.wordsOf("Word-Level"), ["word", "level"]);
});

test("marks and snippets: whole words only, escaped", () => {
  const s = createSearch(null);
  const terms = new Set(["家访"]);
  assert.equal(s.marked(["家访", "家长", "<b>"], terms), "<mark>家访</mark>家长&#60;b&#62;");
  const text = Array.from({ length: 200 }, (_, i) => (i === 40 ? "家访" : "文字")).join(Z);
  const snip = s.snippet(text, terms);
  assert.ok(snip.startsWith("…") && snip.includes("<mark>家访</mark>") && snip.endsWith("…"), snip);
});

test("ranking helpers: phrase together, title focus, page of a section", () => {
  const s = createSearch(null);
  const sections = [["p/", `学生${Z}家访`, "正文"], ["p/#a", "小节", `家访${Z}学生`]];
  assert.equal(s.together(sections, ["学生", "家访"]), 2); // in the page title
  assert.equal(s.together(sections, ["家访", "学生"]), 1.3); // in the text
  assert.equal(s.together(sections, ["导师"]), 1);
  assert.equal(s.focus(`学生${Z}家访`, ["学生", "家访"]), 2.5);
  assert.equal(s.focus(`一校一策`, ["家访"]), 1);
  assert.ok(s.focus(`学生${Z}家访${Z}记录`, ["家访"]) > 1);
});

test("a search over a small index ranks the page about the words first", async () => {
  const s = createSearch(null);
  const shards = 4;
  const postings = {};
  const add = (term, list) => {
    const k = s.shardOf(term, shards);
    postings[k] = { ...(postings[k] || {}), [term]: list };
  };
  // doc ids are delta-coded, weights ×100; pages: 0 = docs 0–1, 1 = doc 2
  add("家访", [0, 100, 2, 300]);
  add("学生", [1, 100, 1, 100]);
  const files = {
    // pages: [first section, delta-coded; address; title]
    "meta.json": { pages: [[0, "a/", "甲"], [2, "b/", `学生${Z}家访`]], parents: [], sources: [], shards, docs: 3, longest: 2 },
    "words.txt": ["学生", "家访"].sort().join("\n"),
    "p/0.json": [["a/", "甲", "正文"], ["a/#x", "小节", `学生${Z}情况`]],
    "p/1.json": [["b/", `学生${Z}家访`, `家访${Z}要点`]],
  };
  for (let k = 0; k < shards; k++) files[`t/${k}.json`] = postings[k] || {};
  const found = await over(files).search("学生家访");
  assert.deepEqual(found.items.map((item) => item[0].location), ["b/", "a/"]);
  assert.equal(found.items[0][0].title, "<mark>学生家访</mark>"); // adjacent marks joined
  assert.deepEqual(await over(files).search("   "), { items: [] }); // nothing fetched for an empty query
});
