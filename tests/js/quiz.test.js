// Quiz logic (docs/assets/portal/quiz.js): scoring, pass marks, drawing from the bank.
import assert from "node:assert/strict";
import { test } from "node:test";
import { draw, isCorrect, passes, result, scoreOf, shuffle, sortedChoice } from "../../docs/assets/portal/quiz.js";

/** A repeatable random source (a linear congruential generator). @param {number} seed */
function seeded(seed) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

test("the pass mark is compared exactly, in integers", () => {
  assert.equal(passes(6, 7, 86), false); // 85.71 % does not pass an 86 % bar
  assert.equal(passes(6, 7, 85), true);
  assert.equal(passes(7, 7, 100), true);
  assert.equal(passes(0, 10, 0), true);
  assert.equal(passes(8, 10, 80), true);
  assert.equal(passes(7, 10, 80), false);
});

test("the score is cut to one decimal, never rounded up to a pass mark", () => {
  assert.equal(scoreOf(6, 7), 85.7);
  assert.equal(scoreOf(2, 3), 66.6);
  assert.equal(scoreOf(10, 10), 100);
  assert.equal(scoreOf(0, 10), 0);
  assert.equal(scoreOf(1, 3), 33.3);
});

test("options are compared in numeric order", () => {
  assert.deepEqual(sortedChoice([10, 2, 9, 1]), [1, 2, 9, 10]);
  const list = [3, 1];
  sortedChoice(list);
  assert.deepEqual(list, [3, 1]); // not sorted in place
  assert.equal(isCorrect([0, 2], [2, 0]), true);
  assert.equal(isCorrect([0, 2], [0]), false);
  assert.equal(isCorrect([0, 2], [0, 1, 2]), false);
  assert.equal(isCorrect([1], []), false);
  assert.equal(isCorrect([10, 2], [2, 10]), true);
});

test("shuffling keeps every item and uses the random source", () => {
  const items = Array.from({ length: 20 }, (_, i) => i);
  const mixed = shuffle(items.slice(), seeded(1));
  assert.deepEqual(mixed.slice().sort((a, b) => a - b), items);
  assert.notDeepEqual(mixed, items);
  assert.deepEqual(shuffle(items.slice(), seeded(1)), mixed); // same source, same order
  assert.deepEqual(shuffle([], seeded(1)), []);
});

const bank = {
  module: "m",
  mode: "exam",
  draw: 10,
  passMark: 80,
  questions: Array.from({ length: 14 }, (_, i) => ({ id: `q${i}`, type: "single", answer: [0], explanation: "", source: { href: "", label: "" } })),
};

test("an attempt draws `draw` different questions of the bank, a new set each time", () => {
  const random = seeded(7);
  const first = draw(bank, random);
  assert.equal(first.length, 10);
  assert.equal(new Set(first).size, 10);
  for (const id of first) assert.ok(bank.questions.some((q) => q.id === id));
  const sets = new Set(Array.from({ length: 5 }, () => draw(bank, random).slice().sort().join()));
  assert.ok(sets.size > 1);
  assert.equal(draw({ ...bank, draw: 20 }, random).length, 14); // never more than the bank has
});

test("an attempt's result: right answers, score and pass", () => {
  const chosen = ["a", "b", "c", "d", "e"];
  assert.deepEqual(result(chosen, { a: true, b: true, c: true, d: true, e: false }, 80), { right: 4, total: 5, score: 80, passed: true });
  assert.deepEqual(result(chosen, { a: true, b: true, c: true }, 80), { right: 3, total: 5, score: 60, passed: false });
  assert.deepEqual(result(["a"], {}, 0), { right: 0, total: 1, score: 0, passed: true });
});
