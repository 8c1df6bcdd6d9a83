/* The self-check quiz on a module's 自测 page: practice mode (each question checked on its own)
   or exam mode (all handed in), a fresh draw each attempt, the result and the review. */
import { all, el, find, once, today } from "./dom.js";
import { entry, recordAttempt } from "./progress.js";
import { draw, isCorrect, result, shuffle, sortedChoice } from "./quiz.js";
import { load, update } from "./storage.js";

/** @typedef {import("./quiz.js").QuizData} QuizData @typedef {import("./quiz.js").Question} Question */

/** The options ticked in a question's fieldset. @param {HTMLElement} fs */
function selected(fs) {
  return sortedChoice(all(fs, "input:checked").map((i) => Number(/** @type {HTMLInputElement} */ (i).value)));
}

/** The learner's best score so far, under the quiz. @param {HTMLElement} best @param {string} module */
function showBest(best, module) {
  const m = load().training.modules[module];
  const passed = m && m.passedAt ? `（已于 ${m.passedAt} 通过）` : "（尚未通过）";
  best.textContent = m && typeof m.best === "number" ? `你的最高分：${m.best} 分${passed}。` : "";
}

/** Marks a question right or wrong and shows why. @param {HTMLElement} fs @param {Question} q @returns {boolean} */
function reveal(fs, q) {
  const sel = selected(fs);
  const ok = isCorrect(q.answer, sel);
  fs.classList.add(ok ? "is-correct" : "is-wrong");
  for (const i of all(fs, "input")) /** @type {HTMLInputElement} */ (i).disabled = true;
  for (const opt of all(fs, ".quiz-opt")) {
    const idx = Number(opt.dataset.index);
    const label = find(opt, "label");
    if (q.answer.includes(idx)) {
      opt.classList.add("opt-correct");
      label.appendChild(el("span", { className: "opt-mark", text: "（正确答案）" }));
    } else if (sel.includes(idx)) {
      opt.classList.add("opt-wrong");
      label.appendChild(el("span", { className: "opt-mark", text: "（你的选择，错误）" }));
    }
  }
  const box = find(fs, ".quiz-feedback");
  box.textContent = "";
  box.appendChild(el("p", { className: "fb-verdict", text: sel.length === 0 ? "未作答。" : ok ? "回答正确。" : "回答错误。" }));
  if (q.type === "scenario" && sel.length && q.feedback && q.feedback[sel[0]]) {
    box.appendChild(el("p", { className: "fb-option", text: `对你所选做法的反馈：${q.feedback[sel[0]]}` }));
  }
  box.appendChild(el("p", { className: "fb-explanation", text: `解析：${q.explanation}` }));
  box.appendChild(el("p", { className: "fb-source" }, ["依据：", el("a", { href: q.source.href, text: q.source.label })]));
  find(fs, ".quiz-check").hidden = true;
  return ok;
}

/** Clears a question for a new attempt (options shuffled if the bank says so).
    @param {HTMLElement} fs @param {Question} q @param {boolean} practice @param {boolean} mix */
function reset(fs, q, practice, mix) {
  fs.classList.remove("is-correct", "is-wrong");
  find(fs, ".quiz-feedback").textContent = "";
  for (const s of all(fs, ".opt-mark")) s.remove();
  for (const o of all(fs, ".quiz-opt")) o.classList.remove("opt-correct", "opt-wrong");
  for (const i of all(fs, "input")) {
    const input = /** @type {HTMLInputElement} */ (i);
    input.checked = false;
    input.disabled = false;
  }
  find(fs, ".quiz-check").hidden = !practice;
  if (mix && q.type !== "truefalse") {
    const box = find(fs, ".quiz-options");
    for (const o of shuffle([...box.children])) box.appendChild(o);
  }
}

/**
 * The result panel of a finished attempt.
 * @param {{ chosen: string[], answered: Record<string, boolean>, mode: string }} attempt
 * @param {ReturnType<typeof result>} r
 * @param {QuizData} data
 * @param {import("./progress.js").ModuleProgress} m
 */
function resultContent(attempt, r, data, m) {
  const summary = el(
    "ol",
    { className: "quiz-summary", "aria-label": "各题对错" },
    attempt.chosen.map((id, n) =>
      el("li", { className: attempt.answered[id] ? "is-correct" : "is-wrong" }, [
        el("a", { href: `#q-${id}`, text: `第 ${n + 1} 题：${attempt.answered[id] ? "答对" : "答错"}` }),
      ]),
    ),
  );
  const passedOn = m.passedAt ? `，通过日期：${m.passedAt}` : "";
  return [
    el("h2", { text: "自测结果" }),
    el("p", { className: "quiz-score", text: `得分：${r.score} 分（答对 ${r.right}/${r.total} 题），及格线 ${data.passMark} 分。` }),
    el("p", { className: `quiz-verdict ${r.passed ? "passed" : "failed"}`, text: r.passed ? "已通过本模块自测。" : "未通过，请复习课程后再试。" }),
    el("p", { text: `最高分：${m.best} 分${passedOn}。` }),
    attempt.mode === "exam" ? el("p", { text: "下面逐题列出了你的答案、正确答案和解析。" }) : null,
    summary,
  ];
}

/** One quiz on the page. @param {HTMLElement} root */
export function initQuiz(root) {
  if (!once(root, "Quiz")) return;
  // The bank is in an attribute: an inline JSON script would be run as JavaScript by
  // Material's instant navigation (issue 13).
  /** @type {QuizData} */
  const data = JSON.parse(/** @type {string} */ (root.dataset.quiz)); // quizzes.py writes it beside data-module
  /** @type {Record<string, Question>} */
  const byId = Object.fromEntries(data.questions.map((q) => [q.id, q]));
  const form = find(root, ".quiz-form");
  const resultBox = find(root, ".quiz-result");
  const best = find(root, ".quiz-best");
  const formStatus = find(root, ".quiz-form-status");
  const progress = find(root, ".quiz-progress");
  const submit = find(root, ".quiz-submit");
  const modes = /** @type {HTMLFieldSetElement} */ (find(root, ".quiz-modes"));
  const fieldsets = all(root, ".quiz-q");
  /** @param {string} id */
  const question = (id) => find(root, `.quiz-q[data-qid="${id}"]`);
  let attempt = { mode: data.mode, chosen: /** @type {string[]} */ ([]), answered: /** @type {Record<string, boolean>} */ ({}), done: false };

  /** @param {HTMLElement} fs */
  const mark = (fs) => {
    const id = /** @type {string} */ (fs.dataset.qid); // every .quiz-q has one (quizzes.py)
    attempt.answered[id] = reveal(fs, byId[id]);
  };

  function finish() {
    attempt.done = true;
    const r = result(attempt.chosen, attempt.answered, data.passMark);
    /** @type {import("./progress.js").ModuleProgress} */
    let m = {};
    update((stored) => {
      m = recordAttempt(entry(stored.training.modules, data.module), r.score, r.passed, today());
    });
    submit.hidden = true;
    const next = root.dataset.next && r.passed ? JSON.parse(root.dataset.next) : null;
    resultBox.textContent = "";
    for (const node of resultContent(attempt, r, data, m)) if (node) resultBox.appendChild(node);
    const again = el("button", { type: "button", className: "md-button md-button--primary quiz-retry", text: "再测一次（重新抽题）" });
    again.addEventListener("click", start);
    resultBox.appendChild(again);
    if (next) resultBox.appendChild(el("p", { className: "quiz-next" }, ["下一步：", el("a", { href: next.href, text: next.label })]));
    resultBox.hidden = false;
    modes.disabled = false;
    form.parentNode?.insertBefore(resultBox, form);
    showBest(best, data.module);
    // A module's SCORM package reports the attempt to the LMS (sco.js); on the site nobody listens.
    root.dispatchEvent(new CustomEvent("portal:quiz-finished", { bubbles: true, detail: { module: data.module, score: r.score, passed: r.passed } }));
    // Focus only, no live region: a screen reader reads the result once.
    resultBox.focus();
  }

  function start() {
    const modeInput = /** @type {HTMLInputElement | null} */ (root.querySelector('input[name="quiz-mode"]:checked'));
    attempt = { mode: modeInput ? modeInput.value : data.mode, chosen: draw(data), answered: {}, done: false };
    const practice = attempt.mode === "practice";
    const anchor = formStatus.parentNode === form ? formStatus : null;
    for (const fs of fieldsets) {
      const id = /** @type {string} */ (fs.dataset.qid); // every .quiz-q has one (quizzes.py)
      fs.hidden = !attempt.chosen.includes(id);
      reset(fs, byId[id], practice, !!data.shuffle);
    }
    attempt.chosen.forEach((id, n) => {
      const fs = question(id);
      find(fs, ".quiz-num").textContent = `第 ${n + 1} 题`;
      form.insertBefore(fs, anchor);
    });
    progress.textContent = `本次共 ${attempt.chosen.length} 题，${
      practice ? "练习模式：每题作答后点“确认本题”查看对错和解析。" : "测验模式：全部作答后点“交卷”。"
    }作答期间不能切换作答方式。`;
    modes.disabled = true; // the mode is fixed for the attempt
    formStatus.textContent = "";
    submit.hidden = practice;
    resultBox.hidden = true;
    form.hidden = false;
    update((stored) => {
      const m = entry(stored.training.modules, data.module);
      if (!m.started) m.started = today(); // starting the quiz counts as 学习中
    });
    const first = /** @type {HTMLElement | null} */ (form.querySelector(".quiz-q:not([hidden]) input"));
    if (first) first.focus();
  }

  for (const fs of fieldsets) {
    find(fs, ".quiz-check").addEventListener("click", () => {
      if (attempt.done) return;
      const box = find(fs, ".quiz-feedback");
      if (selected(fs).length === 0) {
        box.textContent = "请先选择答案。";
        box.focus();
        return;
      }
      mark(fs);
      // The button hides: move focus to what it revealed (or to the result), never to <body>.
      if (attempt.chosen.every((id) => id in attempt.answered)) finish();
      else box.focus();
    });
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (attempt.done || attempt.mode !== "exam") return;
    const open = attempt.chosen.filter((id) => selected(question(id)).length === 0);
    if (open.length) {
      formStatus.textContent = `还有 ${open.length} 题未作答：`;
      open.forEach((id, k) => {
        if (k) formStatus.appendChild(document.createTextNode("、"));
        formStatus.appendChild(el("a", { href: `#q-${id}`, text: `第 ${attempt.chosen.indexOf(id) + 1} 题` }));
      });
      formStatus.appendChild(document.createTextNode("。"));
      formStatus.focus(); // read once; its links lead to the open questions
      return;
    }
    formStatus.textContent = "";
    for (const id of attempt.chosen) mark(question(id));
    finish();
  });

  find(root, ".quiz-start").addEventListener("click", start);
  showBest(best, data.module);
}
