/* 培训课程：自测、学习进度、我的学习、学习记录单。
 *
 * Dependency-free, shipped with the site. Progress is kept only in this
 * browser (localStorage). Works with Material's instant navigation: the page
 * content is re-initialised on every `document$` emission.
 */
(function () {
  "use strict";

  var KEY = "mentor-portal:training";
  var PROFILE_KEY = "mentor-portal:training-profile";
  var FORMAT = "mentor-portal-training";
  var ID = /^[a-z0-9][a-z0-9-]*$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;

  // -- storage ---------------------------------------------------------------

  function readJSON(key, fallback) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function writeJSON(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* storage full or disabled: progress is simply not kept */
    }
  }

  function load() {
    var state = readJSON(KEY, null);
    if (!state || typeof state !== "object" || typeof state.modules !== "object" || state.modules === null) {
      state = { version: 1, modules: {} };
    }
    return state;
  }

  function save(state) {
    writeJSON(KEY, state);
  }

  function entry(state, id) {
    if (!state.modules[id]) state.modules[id] = { lessons: {}, attempts: 0 };
    if (!state.modules[id].lessons) state.modules[id].lessons = {};
    return state.modules[id];
  }

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function status(m) {
    if (m && m.passedAt) return "已通过";
    if (m && (m.started || (m.attempts || 0) > 0 || Object.keys(m.lessons || {}).length > 0)) return "学习中";
    return "未开始";
  }

  var STATUS_CLASS = { "未开始": "not-started", "学习中": "in-progress", "已通过": "passed" };

  // -- export / import -------------------------------------------------------

  function canonical(value) {
    if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
    if (value && typeof value === "object") {
      return "{" + Object.keys(value).sort().map(function (k) {
        return JSON.stringify(k) + ":" + canonical(value[k]);
      }).join(",") + "}";
    }
    return JSON.stringify(value);
  }

  /* FNV-1a over the canonical JSON: detects edited or damaged files. It is a
   * self-check record, so this guards against accidents, not against forgery. */
  function checksum(modules) {
    var text = canonical({ format: FORMAT, version: 1, modules: modules });
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return ("00000000" + h.toString(16)).slice(-8);
  }

  function exportData(state) {
    return { format: FORMAT, version: 1, exported: today(), modules: state.modules, checksum: checksum(state.modules) };
  }

  function validModule(m) {
    if (!m || typeof m !== "object" || Array.isArray(m)) return false;
    if (m.lessons !== undefined) {
      if (typeof m.lessons !== "object" || m.lessons === null || Array.isArray(m.lessons)) return false;
      for (var k in m.lessons) {
        if (typeof m.lessons[k] !== "string" || !DATE.test(m.lessons[k])) return false;
      }
    }
    if (m.attempts !== undefined && !(Number.isInteger(m.attempts) && m.attempts >= 0)) return false;
    var scores = ["best", "last"];
    for (var i = 0; i < scores.length; i++) {
      var s = m[scores[i]];
      if (s !== undefined && !(typeof s === "number" && s >= 0 && s <= 100)) return false;
    }
    var dates = ["passedAt", "started"];
    for (var d = 0; d < dates.length; d++) {
      var v = m[dates[d]];
      if (v !== undefined && !(typeof v === "string" && DATE.test(v))) return false;
    }
    return true;
  }

  /* Returns an error message (Chinese) or null. */
  function checkImport(data) {
    if (!data || typeof data !== "object" || data.format !== FORMAT) return "这不是本站导出的学习记录文件。";
    if (data.version !== 1) return "学习记录文件的版本不受支持。";
    if (!data.modules || typeof data.modules !== "object" || Array.isArray(data.modules)) return "学习记录文件内容不完整。";
    for (var id in data.modules) {
      if (!ID.test(id) || !validModule(data.modules[id])) return "学习记录文件中模块“" + id + "”的数据格式不对。";
    }
    if (data.checksum !== checksum(data.modules)) return "学习记录文件已被改动或损坏（校验码不符）。";
    return null;
  }

  function merge(state, modules) {
    Object.keys(modules).forEach(function (id) {
      var src = modules[id];
      var dst = entry(state, id);
      Object.keys(src.lessons || {}).forEach(function (file) {
        var d = src.lessons[file];
        if (!dst.lessons[file] || d < dst.lessons[file]) dst.lessons[file] = d;
      });
      dst.attempts = Math.max(dst.attempts || 0, src.attempts || 0); // importing twice changes nothing
      if (typeof src.best === "number" && (typeof dst.best !== "number" || src.best > dst.best)) dst.best = src.best;
      if (typeof src.last === "number" && typeof dst.last !== "number") dst.last = src.last;
      if (src.passedAt && (!dst.passedAt || src.passedAt < dst.passedAt)) dst.passedAt = src.passedAt;
      if (src.started && (!dst.started || src.started < dst.started)) dst.started = src.started;
    });
    return state;
  }

  // -- helpers ---------------------------------------------------------------

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = list[i];
      list[i] = list[j];
      list[j] = t;
    }
    return list;
  }

  /* Option indexes in numeric order (a plain sort() puts 10 before 2). */
  function sortedChoice(list) {
    return list.slice().sort(function (a, b) { return a - b; });
  }

  /* Exact, in integers: 6 of 7 (85.71 %) does not pass an 86 % bar. */
  function passes(right, total, passMark) {
    return right * 100 >= passMark * total;
  }

  /* The score shown and kept: exact to one decimal, cut rather than rounded, so it
   * never reads as a pass mark the attempt did not reach. */
  function scoreOf(right, total) {
    return Math.floor((1000 * right) / total) / 10;
  }

  function once(node, name) {
    var flag = "bound" + name;
    if (node.dataset[flag]) return false;
    node.dataset[flag] = "1";
    return true;
  }

  // -- quiz ------------------------------------------------------------------

  function initQuiz(root) {
    if (!once(root, "Quiz")) return;
    // The bank is in an attribute: an inline JSON script would be run as JavaScript
    // by Material's instant navigation (issue 13).
    var data = JSON.parse(root.dataset.quiz);
    var byId = {};
    data.questions.forEach(function (q) { byId[q.id] = q; });
    var form = root.querySelector(".quiz-form");
    var result = root.querySelector(".quiz-result");
    var best = root.querySelector(".quiz-best");
    var formStatus = root.querySelector(".quiz-form-status");
    var progress = root.querySelector(".quiz-progress");
    var submit = root.querySelector(".quiz-submit");
    var fieldsets = Array.prototype.slice.call(root.querySelectorAll(".quiz-q"));
    var modes = root.querySelector(".quiz-modes");
    var current = { mode: data.mode, chosen: [], answered: {}, done: false };

    function showBest() {
      var m = load().modules[data.module];
      if (m && typeof m.best === "number") {
        best.textContent = "你的最高分：" + m.best + " 分" + (m.passedAt ? "（已于 " + m.passedAt + " 通过）" : "（尚未通过）") + "。";
      } else {
        best.textContent = "";
      }
    }

    function selected(fs) {
      var picked = Array.prototype.slice.call(fs.querySelectorAll("input:checked")).map(function (i) { return Number(i.value); });
      return sortedChoice(picked);
    }

    function correct(q, sel) {
      var ans = sortedChoice(q.answer);
      return sel.length === ans.length && sel.every(function (v, i) { return v === ans[i]; });
    }

    function reveal(fs) {
      var q = byId[fs.dataset.qid];
      var sel = selected(fs);
      var ok = correct(q, sel);
      fs.classList.add(ok ? "is-correct" : "is-wrong");
      fs.querySelectorAll("input").forEach(function (i) { i.disabled = true; });
      fs.querySelectorAll(".quiz-opt").forEach(function (opt) {
        var idx = Number(opt.dataset.index);
        var label = opt.querySelector("label");
        if (q.answer.indexOf(idx) >= 0) {
          opt.classList.add("opt-correct");
          label.appendChild(el("span", { class: "opt-mark" }, "（正确答案）"));
        } else if (sel.indexOf(idx) >= 0) {
          opt.classList.add("opt-wrong");
          label.appendChild(el("span", { class: "opt-mark" }, "（你的选择，错误）"));
        }
      });
      var box = fs.querySelector(".quiz-feedback");
      box.textContent = "";
      box.appendChild(el("p", { class: "fb-verdict" }, sel.length === 0 ? "未作答。" : ok ? "回答正确。" : "回答错误。"));
      if (q.type === "scenario" && sel.length && q.feedback[sel[0]]) {
        box.appendChild(el("p", { class: "fb-option" }, "对你所选做法的反馈：" + q.feedback[sel[0]]));
      }
      box.appendChild(el("p", { class: "fb-explanation" }, "解析：" + q.explanation));
      var src = el("p", { class: "fb-source" }, "依据：");
      src.appendChild(el("a", { href: q.source.href }, q.source.label));
      box.appendChild(src);
      fs.querySelector(".quiz-check").hidden = true;
      current.answered[q.id] = ok;
    }

    function finish() {
      current.done = true;
      var total = current.chosen.length;
      var right = current.chosen.filter(function (id) { return current.answered[id]; }).length;
      var passed = passes(right, total, data.passMark);
      var score = scoreOf(right, total);
      var state = load();
      var m = entry(state, data.module);
      m.attempts = (m.attempts || 0) + 1;
      m.last = score;
      if (typeof m.best !== "number" || score > m.best) m.best = score;
      if (passed && !m.passedAt) m.passedAt = today();
      save(state);
      submit.hidden = true;
      result.textContent = "";
      result.appendChild(el("h2", {}, "自测结果"));
      result.appendChild(el("p", { class: "quiz-score" }, "得分：" + score + " 分（答对 " + right + "/" + total + " 题），及格线 " + data.passMark + " 分。"));
      result.appendChild(el("p", { class: "quiz-verdict " + (passed ? "passed" : "failed") }, passed ? "已通过本模块自测。" : "未通过，请复习课程后再试。"));
      result.appendChild(el("p", {}, "最高分：" + m.best + " 分" + (m.passedAt ? "，通过日期：" + m.passedAt : "") + "。"));
      if (current.mode === "exam") result.appendChild(el("p", {}, "下面逐题列出了你的答案、正确答案和解析。"));
      var summary = el("ol", { class: "quiz-summary", "aria-label": "各题对错" });
      current.chosen.forEach(function (id, n) {
        var item = el("li", { class: current.answered[id] ? "is-correct" : "is-wrong" });
        item.appendChild(el("a", { href: "#q-" + id }, "第 " + (n + 1) + " 题：" + (current.answered[id] ? "答对" : "答错")));
        summary.appendChild(item);
      });
      result.appendChild(summary);
      var again = el("button", { type: "button", class: "md-button md-button--primary quiz-retry" }, "再测一次（重新抽题）");
      again.addEventListener("click", start);
      result.appendChild(again);
      var next = root.dataset.next && passed ? JSON.parse(root.dataset.next) : null;
      if (next) {
        var step = el("p", { class: "quiz-next" }, "下一步：");
        step.appendChild(el("a", { href: next.href }, next.label));
        result.appendChild(step);
      }
      result.hidden = false;
      modes.disabled = false;
      form.parentNode.insertBefore(result, form);
      showBest();
      // Focus only, no live region: a screen reader reads the result once.
      result.focus();
    }

    function start() {
      var modeInput = root.querySelector('input[name="quiz-mode"]:checked');
      current = { mode: modeInput ? modeInput.value : data.mode, chosen: [], answered: {}, done: false };
      current.chosen = shuffle(data.questions.map(function (q) { return q.id; })).slice(0, data.draw);
      var anchor = formStatus.parentNode === form ? formStatus : null;
      fieldsets.forEach(function (fs) {
        var chosenAt = current.chosen.indexOf(fs.dataset.qid);
        fs.hidden = chosenAt < 0;
        fs.classList.remove("is-correct", "is-wrong");
        fs.querySelector(".quiz-feedback").textContent = "";
        fs.querySelectorAll(".opt-mark").forEach(function (s) { s.remove(); });
        fs.querySelectorAll(".quiz-opt").forEach(function (o) { o.classList.remove("opt-correct", "opt-wrong"); });
        fs.querySelectorAll("input").forEach(function (i) { i.checked = false; i.disabled = false; });
        var check = fs.querySelector(".quiz-check");
        check.hidden = current.mode !== "practice";
        var q = byId[fs.dataset.qid];
        if (data.shuffle && q.type !== "truefalse") {
          var box = fs.querySelector(".quiz-options");
          shuffle(Array.prototype.slice.call(box.children)).forEach(function (o) { box.appendChild(o); });
        }
      });
      current.chosen.forEach(function (id, n) {
        var fs = root.querySelector('.quiz-q[data-qid="' + id + '"]');
        fs.querySelector(".quiz-num").textContent = "第 " + (n + 1) + " 题";
        form.insertBefore(fs, anchor);
      });
      progress.textContent = "本次共 " + current.chosen.length + " 题，" + (current.mode === "practice" ? "练习模式：每题作答后点“确认本题”查看对错和解析。" : "测验模式：全部作答后点“交卷”。") + "作答期间不能切换作答方式。";
      modes.disabled = true; // the mode is fixed for the attempt
      formStatus.textContent = "";
      submit.hidden = current.mode === "practice";
      result.hidden = true;
      form.hidden = false;
      var state = load();
      var m = entry(state, data.module);
      if (!m.started) m.started = today(); // starting the quiz counts as 学习中
      save(state);
      var first = form.querySelector(".quiz-q:not([hidden]) input");
      if (first) first.focus();
    }

    fieldsets.forEach(function (fs) {
      fs.querySelector(".quiz-check").addEventListener("click", function () {
        if (current.done) return;
        var box = fs.querySelector(".quiz-feedback");
        if (selected(fs).length === 0) {
          box.textContent = "请先选择答案。";
          box.focus();
          return;
        }
        reveal(fs);
        // The button hides: move focus to what it revealed (or to the result), never to <body>.
        if (current.chosen.every(function (id) { return id in current.answered; })) finish();
        else box.focus();
      });
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (current.done || current.mode !== "exam") return;
      var open = current.chosen.filter(function (id) {
        return selected(root.querySelector('.quiz-q[data-qid="' + id + '"]')).length === 0;
      });
      if (open.length) {
        formStatus.textContent = "还有 " + open.length + " 题未作答：";
        open.forEach(function (id, k) {
          if (k) formStatus.appendChild(document.createTextNode("、"));
          formStatus.appendChild(el("a", { href: "#q-" + id }, "第 " + (current.chosen.indexOf(id) + 1) + " 题"));
        });
        formStatus.appendChild(document.createTextNode("。"));
        formStatus.focus(); // read once; its links lead to the open questions
        return;
      }
      formStatus.textContent = "";
      current.chosen.forEach(function (id) { reveal(root.querySelector('.quiz-q[data-qid="' + id + '"]')); });
      finish();
    });

    root.querySelector(".quiz-start").addEventListener("click", start);
    showBest();
  }

  // -- pages -----------------------------------------------------------------

  function markLesson(nav) {
    var state = load();
    var m = entry(state, nav.dataset.module);
    if (!m.lessons[nav.dataset.lesson]) m.lessons[nav.dataset.lesson] = today();
    save(state);
  }

  function showStatuses() {
    var state = load();
    document.querySelectorAll(".training-status[data-module]").forEach(function (node) {
      var s = status(state.modules[node.dataset.module]);
      node.textContent = s;
      node.className = "training-status status-" + STATUS_CLASS[s];
    });
    document.querySelectorAll(".lesson-status[data-module][data-lesson]").forEach(function (node) {
      var m = state.modules[node.dataset.module];
      var seen = m && m.lessons && m.lessons[node.dataset.lesson];
      node.textContent = seen ? "（已学，" + seen + "）" : "";
    });
  }

  function fillMyLearning(root) {
    var state = load();
    var count = 0;
    var hours = 0;
    root.querySelectorAll("tr[data-module]").forEach(function (row) {
      var m = state.modules[row.dataset.module];
      var s = status(m);
      var cell = row.querySelector(".ml-status");
      cell.textContent = s;
      cell.className = "ml-status status-" + STATUS_CLASS[s];
      row.querySelector(".ml-best").textContent = m && typeof m.best === "number" ? m.best + " 分" : "—";
      row.querySelector(".ml-date").textContent = (m && m.passedAt) || "—";
      if (s === "已通过") {
        count += 1;
        hours += Number(row.dataset.hours);
      }
    });
    root.querySelector(".ml-total").textContent = "已通过 " + count + " 个模块，合计 " + Math.round(hours * 10) / 10 + " 学时。";
    showNextStep(root, state);
  }

  /* 我的学习's next step: the first module on the path not yet passed. */
  function showNextStep(root, state) {
    var box = root.querySelector(".ml-next");
    var link = box && box.querySelector("a");
    if (!link) return;
    var rows = Array.prototype.slice.call(root.querySelectorAll("tr[data-module]"));
    var open = rows.filter(function (row) { return status(state.modules[row.dataset.module]) !== "已通过"; })[0];
    if (open) {
      var module = open.querySelector("th a");
      var begun = status(state.modules[open.dataset.module]) === "学习中";
      link.href = module.getAttribute("href");
      link.textContent = (begun ? "继续学习：" : "下一步，开始学习：") + module.textContent;
    } else {
      link.href = box.dataset.doneHref;
      link.textContent = "全部模块已通过：打印学习记录单";
    }
  }

  function initTransfer(box, refresh) {
    if (!once(box, "Transfer")) return;
    var message = box.querySelector(".ml-message");
    box.querySelector(".ml-export").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(exportData(load()), null, 2)], { type: "application/json" });
      var url = URL.createObjectURL(blob);
      var a = el("a", { href: url, download: "学习记录-" + today() + ".json" });
      document.body.appendChild(a);
      a.click();
      a.remove();
      // Free the file once the download has started.
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      message.textContent = "已导出学习记录。";
    });
    var input = box.querySelector(".ml-import");
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var data;
        try {
          data = JSON.parse(String(reader.result));
        } catch (e) {
          data = null;
        }
        var problem = data === null ? "文件不是有效的 JSON，无法导入。" : checkImport(data);
        if (problem) {
          message.textContent = "导入失败：" + problem + "本机原有的学习记录保持不变。";
          message.className = "ml-message is-error";
        } else {
          save(merge(load(), data.modules));
          message.textContent = "导入成功：已与本机记录合并。";
          message.className = "ml-message is-ok";
          refresh();
        }
        input.value = "";
      };
      reader.readAsText(file);
    });
  }

  function initRecord(root) {
    if (!once(root, "Record")) return;
    var profile = readJSON(PROFILE_KEY, {}) || {};
    var name = root.querySelector(".rec-name");
    var school = root.querySelector(".rec-school");
    name.value = profile.name || "";
    school.value = profile.school || "";
    function sync() {
      writeJSON(PROFILE_KEY, { name: name.value, school: school.value });
      root.querySelector(".rec-name-out").textContent = name.value;
      root.querySelector(".rec-school-out").textContent = school.value;
    }
    name.addEventListener("input", sync);
    school.addEventListener("input", sync);
    sync();
    var state = load();
    var hours = 0;
    var any = false;
    root.querySelectorAll("tr[data-module]").forEach(function (row) {
      var m = state.modules[row.dataset.module];
      var passed = !!(m && m.passedAt);
      row.hidden = !passed;
      if (passed) {
        any = true;
        hours += Number(row.dataset.hours);
        row.querySelector(".rec-best").textContent = typeof m.best === "number" ? m.best + " 分" : "—";
        row.querySelector(".rec-date").textContent = m.passedAt;
      }
    });
    root.querySelector(".rec-total").textContent = "合计 " + Math.round(hours * 10) / 10 + " 学时。";
    root.querySelector(".rec-empty").hidden = any;
    root.querySelector(".rec-today").textContent = today();
    root.querySelector(".rec-print").addEventListener("click", function () { window.print(); });
  }

  /* Site-wide reading aids (every page, after every in-site navigation). */
  function markTarget() {
    document.querySelectorAll(".is-target").forEach(function (node) { node.classList.remove("is-target"); });
    var id = window.location.hash.slice(1);
    if (!id) return;
    var target = document.getElementById(decodeURIComponent(id));
    if (target) target.classList.add("is-target");
  }

  function init() {
    markTarget();
    document.querySelectorAll(".lesson-nav[data-module][data-lesson]").forEach(markLesson);
    document.querySelectorAll(".quiz[data-module]").forEach(initQuiz);
    document.querySelectorAll(".training-my").forEach(function (root) {
      fillMyLearning(root);
      document.querySelectorAll(".training-transfer").forEach(function (box) {
        initTransfer(box, function () { fillMyLearning(root); showStatuses(); });
      });
    });
    document.querySelectorAll(".training-record").forEach(initRecord);
    showStatuses();
  }

  // For tests and for the curious: the pure parts, no DOM needed.
  window.portalTraining = { checksum: checksum, checkImport: checkImport, merge: merge, exportData: exportData, status: status, scoreOf: scoreOf,
    passes: passes, sortedChoice: sortedChoice };

  window.addEventListener("hashchange", markTarget);

  /* Clause previews on a phone. A citation's title (the clause text) shows as Material's
   * tooltip on hover or keyboard focus; a phone has no hover, and a tap follows the link
   * at once. So on touch screens the first tap on a titled link in the text focuses it
   * (the tooltip opens) and the second tap follows it. Captured before Material's
   * instant navigation sees the click. */
  var previewed = null;
  var PREVIEW = "article a[title]:not(.headerlink), article a[aria-describedby^='__tooltip']:not(.headerlink)";
  document.addEventListener("click", function (event) {
    if (!window.matchMedia || !window.matchMedia("(hover: none)").matches) return;
    var link = event.target && event.target.closest ? event.target.closest(PREVIEW) : null;
    if (!link || link === previewed) {
      previewed = null;
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    previewed = link;
    link.focus();
  }, true);
  document.addEventListener("focusout", function (event) {
    if (event.target === previewed) previewed = null;
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
