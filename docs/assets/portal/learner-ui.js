/* The learner's record: 我的学习 (with the record file, record.js, imported when used) and the
   printable 学习记录单 with the teacher's name and school. */
import { all, download, find, once, today } from "./dom.js";
import { merge, STATUS_CLASS, status } from "./progress.js";
import { showStatuses } from "./progress-ui.js";
import { load, update } from "./storage.js";

/** @typedef {import("./progress.js").Modules} Modules @typedef {import("./dom.js").WithData<"module">} ModuleRow */

/** Hours as the pages write them: one decimal at most. @param {number} hours */
const hoursText = (hours) => String(Math.round(hours * 10) / 10);

/** 我的学习: each module's status, best score and pass date, the total, the next step.
    @param {HTMLElement} root @param {Modules} modules */
export function fillMyLearning(root, modules) {
  let count = 0;
  let hours = 0;
  const rows = /** @type {ModuleRow[]} */ (all(root, "tr[data-module]"));
  for (const row of rows) {
    const m = modules[row.dataset.module];
    const s = status(m);
    const cell = find(row, ".ml-status");
    cell.textContent = s;
    cell.className = `ml-status status-${STATUS_CLASS[s]}`;
    find(row, ".ml-best").textContent = m && typeof m.best === "number" ? `${m.best} 分` : "—";
    find(row, ".ml-date").textContent = (m && m.passedAt) || "—";
    if (s === "已通过") {
      count += 1;
      hours += Number(row.dataset.hours);
    }
  }
  find(root, ".ml-total").textContent = `已通过 ${count} 个模块，合计 ${hoursText(hours)} 学时。`;
  // The next step: the first module on the path not yet passed.
  const box = root.querySelector(".ml-next");
  const link = box && box.querySelector("a");
  if (!box || !link) return;
  const open = rows.find((row) => status(modules[row.dataset.module]) !== "已通过");
  if (open) {
    const module = find(open, "th a");
    const begun = status(modules[open.dataset.module]) === "学习中";
    link.href = /** @type {HTMLAnchorElement} */ (module).href;
    link.textContent = `${begun ? "继续学习：" : "下一步，开始学习："}${module.textContent}`;
  } else {
    link.href = /** @type {import("./dom.js").WithData<"doneHref">} */ (box).dataset.doneHref; // learn_pages.py writes it
    link.textContent = "全部模块已通过：打印学习记录单";
  }
}

/** Export and import of the record file. @param {HTMLElement} box @param {() => void} refresh */
export function initTransfer(box, refresh) {
  if (!once(box, "Transfer")) return;
  const message = find(box, ".ml-message");
  find(box, ".ml-export").addEventListener("click", async () => {
    const { exportData } = await import("./record.js");
    const day = today();
    download(JSON.stringify(exportData(load().training.modules, day), null, 2), "application/json", `学习记录-${day}.json`);
    message.textContent = "已导出学习记录。";
  });
  const input = /** @type {HTMLInputElement} */ (find(box, ".ml-import"));
  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    if (!file) return;
    const reader = new FileReader(); // not file.text(): older browser cores on school PCs lack it
    reader.onload = async () => {
      const { checkImport } = await import("./record.js");
      let data = null;
      try {
        data = JSON.parse(String(reader.result));
      } catch {
        data = null;
      }
      const problem = data === null ? "文件不是有效的 JSON，无法导入。" : checkImport(data);
      if (problem) {
        message.textContent = `导入失败：${problem}本机原有的学习记录保持不变。`;
        message.className = "ml-message is-error";
      } else {
        update((stored) => merge(stored.training.modules, data.modules));
        message.textContent = "导入成功：已与本机记录合并。";
        message.className = "ml-message is-ok";
        refresh();
      }
      input.value = "";
    };
    reader.readAsText(file);
  });
}

/** 学习记录单: the passed modules with score and date, the total, the name and school typed in.
    @param {HTMLElement} root */
export function initRecord(root) {
  if (!once(root, "Record")) return;
  const stored = load();
  const name = /** @type {HTMLInputElement} */ (find(root, ".rec-name"));
  const school = /** @type {HTMLInputElement} */ (find(root, ".rec-school"));
  name.value = stored.profile.name;
  school.value = stored.profile.school;
  const sync = () => {
    update((s) => {
      s.profile = { name: name.value, school: school.value };
    });
    find(root, ".rec-name-out").textContent = name.value;
    find(root, ".rec-school-out").textContent = school.value;
  };
  name.addEventListener("input", sync);
  school.addEventListener("input", sync);
  sync();
  let hours = 0;
  let any = false;
  for (const row of /** @type {ModuleRow[]} */ (all(root, "tr[data-module]"))) {
    const m = stored.training.modules[row.dataset.module];
    const passedAt = m && m.passedAt;
    row.hidden = !passedAt;
    if (m && passedAt) {
      any = true;
      hours += Number(row.dataset.hours);
      find(row, ".rec-best").textContent = typeof m.best === "number" ? `${m.best} 分` : "—";
      find(row, ".rec-date").textContent = passedAt;
    }
  }
  find(root, ".rec-total").textContent = `合计 ${hoursText(hours)} 学时。`;
  find(root, ".rec-empty").hidden = any;
  find(root, ".rec-today").textContent = today();
  find(root, ".rec-print").addEventListener("click", () => window.print());
}

/** 我的学习 and the 学习记录单, where the page has them. */
export function initRecords() {
  for (const root of all(document, ".training-my")) {
    fillMyLearning(root, load().training.modules);
    for (const box of all(document, ".training-transfer")) {
      initTransfer(box, () => {
        const modules = load().training.modules;
        fillMyLearning(root, modules);
        showStatuses(modules);
      });
    }
  }
  for (const root of all(document, ".training-record")) initRecord(root);
}
