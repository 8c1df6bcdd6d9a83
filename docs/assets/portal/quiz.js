/* Quiz logic without a page: scoring, pass marks, drawing questions. */

/**
 * @typedef {{ id: string, type: string, answer: number[], explanation: string,
 *   feedback?: Record<string, string>, source: { href: string, label: string } }} Question
 * @typedef {{ module: string, mode: string, draw: number, passMark: number, shuffle?: boolean,
 *   questions: Question[] }} QuizData
 */

/** Numeric order (sort() puts 10 before 2). @param {number[]} list */
export function sortedChoice(list) {
  return list.slice().sort((a, b) => a - b);
}

/** @param {number[]} answer @param {number[]} chosen */
export function isCorrect(answer, chosen) {
  const want = sortedChoice(answer);
  const got = sortedChoice(chosen);
  return got.length === want.length && got.every((v, i) => v === want[i]);
}

/** Exact, in integers: 6 of 7 (85.71 %) does not pass an 86 % bar. @param {number} right @param {number} total @param {number} passMark */
export function passes(right, total, passMark) {
  return right * 100 >= passMark * total;
}

/** One decimal, cut, never rounded up to a pass mark. @param {number} right @param {number} total */
export function scoreOf(right, total) {
  return Math.floor((1000 * right) / total) / 10;
}

/** Fisher–Yates, in place. @template T @param {T[]} list @param {() => number} [random] @returns {T[]} */
export function shuffle(list, random = Math.random) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** One attempt's question ids. @param {QuizData} data @param {() => number} [random] */
export function draw(data, random = Math.random) {
  return shuffle(data.questions.map((q) => q.id), random).slice(0, data.draw);
}

/** @param {string[]} chosen @param {Record<string, boolean>} answered (question → right) @param {number} passMark */
export function result(chosen, answered, passMark) {
  const total = chosen.length;
  const right = chosen.filter((id) => answered[id]).length;
  return { right, total, score: scoreOf(right, total), passed: passes(right, total, passMark) };
}
