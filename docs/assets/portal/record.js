/* The learning record file 我的学习 exports and imports: the progress, the format and version,
   and a checksum that tells an edited or damaged file. It is a self-check record, so the
   checksum guards against accidents, not against forgery. */
import "./hash.js";
import { MODULE_ID, validModule } from "./storage.js";

/** @typedef {import("./progress.js").Modules} Modules */

const { fnv1a, hex } = /** @type {typeof import("./hash.js")} */ (/** @type {any} */ (globalThis).portalHash);
export const FORMAT = "mentor-portal-training";

/** JSON with the keys of every object sorted: the same data gives the same text. @param {unknown} value @returns {string} */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const obj = /** @type {Record<string, unknown>} */ (value);
    const fields = Object.keys(obj)
      .sort()
      .map((k) => JSON.stringify(k) + ":" + canonical(obj[k]));
    return "{" + fields.join(",") + "}";
  }
  return JSON.stringify(value);
}

/** @param {Modules} modules @param {boolean} [codeUnits] */
export function checksum(modules, codeUnits = false) {
  return hex(fnv1a(canonical({ format: FORMAT, version: 1, modules }), codeUnits));
}

/** The file 我的学习 exports. @param {Modules} modules @param {string} day */
export function exportData(modules, day) {
  return { format: FORMAT, version: 1, exported: day, modules, checksum: checksum(modules) };
}

/** An error message (Chinese) for a file that is not a good record, or null. @param {any} data */
export function checkImport(data) {
  if (!data || typeof data !== "object" || data.format !== FORMAT) return "这不是本站导出的学习记录文件。";
  if (data.version !== 1) return "学习记录文件的版本不受支持。";
  if (!data.modules || typeof data.modules !== "object" || Array.isArray(data.modules)) return "学习记录文件内容不完整。";
  for (const id of Object.keys(data.modules)) {
    if (!MODULE_ID.test(id) || !validModule(data.modules[id])) return `学习记录文件中模块“${id}”的数据格式不对。`;
  }
  // Files exported before the portal had one hash were summed over UTF-16 code units.
  if (data.checksum !== checksum(data.modules) && data.checksum !== checksum(data.modules, true)) {
    return "学习记录文件已被改动或损坏（校验码不符）。";
  }
  return null;
}
