/* All the portal keeps in this browser, under one localStorage key with a version: progress
   (training), the record sheet's name and school (profile), the plan editor's draft and the one
   it replaced (editor). Older data is migrated step by step on first load; what cannot be read
   gives a Chinese notice and a clean start, and is set aside (UNREADABLE_KEY), never deleted. */

/**
 * @typedef {{ plan: Record<string, unknown>, name: string, saved: string }} Draft
 * @typedef {{ version: number, training: { modules: import("./progress.js").Modules },
 *   profile: { name: string, school: string }, editor: { draft: Draft | null, replaced: Draft | null } }} Stored
 * @typedef {Pick<Storage, "getItem" | "setItem" | "removeItem">} KeyValueStore
 */

export const KEY = "mentor-portal";
export const UNREADABLE_KEY = "mentor-portal.unreadable";
export const VERSION = 1;
/** Version 0: the four keys before the namespace. */
export const LEGACY_KEYS = {
  training: "mentor-portal:training",
  profile: "mentor-portal:training-profile",
  draft: "portal.plan-editor.draft",
  replaced: "portal.plan-editor.replaced",
};
export const NOTICE =
  "本机浏览器中保存的学习进度或一校一策草稿有无法读取的内容（可能已损坏，或不是本站写入的），这部分已重新开始；原来的内容另存在浏览器中，没有删除。";

/** A module id, as in a training module's folder name. */
export const MODULE_ID = /^[a-z0-9][a-z0-9-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `m` is one module's progress as this portal writes it. @param {unknown} m */
export function validModule(m) {
  if (!m || typeof m !== "object" || Array.isArray(m)) return false;
  const p = /** @type {Record<string, unknown>} */ (m);
  if (p.lessons !== undefined) {
    if (typeof p.lessons !== "object" || p.lessons === null || Array.isArray(p.lessons)) return false;
    for (const d of Object.values(p.lessons)) if (typeof d !== "string" || !DATE.test(d)) return false;
  }
  if (p.attempts !== undefined && !(Number.isInteger(p.attempts) && /** @type {number} */ (p.attempts) >= 0)) return false;
  for (const key of ["best", "last"]) {
    const s = p[key];
    if (s !== undefined && !(typeof s === "number" && s >= 0 && s <= 100)) return false;
  }
  for (const key of ["passedAt", "started"]) {
    const v = p[key];
    if (v !== undefined && !(typeof v === "string" && DATE.test(v))) return false;
  }
  return true;
}

/** @returns {Stored} */
export function empty() {
  return { version: VERSION, training: { modules: {} }, profile: { name: "", school: "" }, editor: { draft: null, replaced: null } };
}

/** Parsed JSON; undefined if the text is not JSON. @param {string | null} text */
function parse(text) {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** @param {unknown} v @returns {v is Record<string, any>} */
const isObject = (v) => !!v && typeof v === "object" && !Array.isArray(v);

/**
 * MIGRATIONS[n] turns version n into n + 1 and names the old keys it could not read.
 * Version 0 is the raw texts of LEGACY_KEYS.
 * @type {((old: any) => { data: any, unreadable: string[] })[]}
 */
const MIGRATIONS = [
  (old) => {
    const data = { version: 1, training: {}, profile: {}, editor: {} };
    const unreadable = [];
    for (const [part, key] of Object.entries(LEGACY_KEYS)) {
      const value = parse(old[part]);
      if (value === undefined) unreadable.push(key);
      else if (value === null) continue;
      else if (part === "training") data.training = value;
      else if (part === "profile") data.profile = value;
      else data.editor[part] = value;
    }
    return { data, unreadable };
  },
];

/** @param {unknown} d @returns {d is Draft} */
function validDraft(d) {
  return isObject(d) && isObject(d.plan) && typeof (d.name ?? "") === "string" && typeof (d.saved ?? "") === "string";
}

/**
 * What the pages can show, part by part; the parts that fail are dropped and named.
 * @param {any} data
 * @returns {{ data: Stored, dropped: string[] }}
 */
export function sanitize(data) {
  const out = empty();
  const dropped = [];
  const modules = data.training && data.training.modules;
  if (isObject(modules)) {
    for (const [id, m] of Object.entries(modules)) {
      if (MODULE_ID.test(id) && validModule(m)) out.training.modules[id] = m;
      else dropped.push(`training.modules.${id}`);
    }
  } else if (data.training !== undefined && !(isObject(data.training) && !Object.keys(data.training).length)) dropped.push("training");
  const p = data.profile;
  if (isObject(p) && typeof (p.name ?? "") === "string" && typeof (p.school ?? "") === "string") {
    out.profile = { name: p.name || "", school: p.school || "" };
  } else if (p !== undefined) dropped.push("profile");
  for (const part of /** @type {const} */ (["draft", "replaced"])) {
    const d = data.editor && data.editor[part];
    if (validDraft(d)) out.editor[part] = { plan: d.plan, name: d.name || "", saved: d.saved || "" };
    else if (d !== null && d !== undefined) dropped.push(`editor.${part}`);
  }
  return { data: out, dropped };
}

/**
 * What `store` holds, migrated and checked. `write`: the stored text must be replaced; `legacy`:
 * the old keys go once it is; `aside`: the text that could not be read.
 * @param {KeyValueStore} store
 * @returns {{ data: Stored, notice: string | null, write: boolean, legacy: boolean, aside: string | null }}
 */
export function migrate(store) {
  const text = store.getItem(KEY);
  /** @type {Record<string, string | null>} (null: a key that vanished while being read) */
  const aside = {};
  let data;
  let version = 0;
  if (text === null) {
    data = Object.fromEntries(Object.entries(LEGACY_KEYS).map(([part, key]) => [part, store.getItem(key)]));
    if (Object.values(data).every((v) => v === null)) return { data: empty(), notice: null, write: false, legacy: false, aside: null };
  } else {
    data = parse(text);
    version = isObject(data) ? data.version : undefined;
    if (!Number.isInteger(version) || version < 1 || version > VERSION) {
      // Not this portal's, or a newer version's: start clean, keep the text.
      return { data: empty(), notice: NOTICE, write: true, legacy: false, aside: JSON.stringify({ [KEY]: text }) };
    }
  }
  const legacy = text === null;
  for (; version < VERSION; version++) {
    const step = MIGRATIONS[version](data);
    for (const key of step.unreadable) aside[key] = store.getItem(key);
    data = step.data;
  }
  const clean = sanitize(data);
  if (clean.dropped.length) aside[legacy ? "migrated" : KEY] = legacy ? JSON.stringify(data) : text;
  const damaged = Object.keys(aside).length > 0;
  return { data: clean.data, notice: damaged ? NOTICE : null, write: legacy || damaged, legacy, aside: damaged ? JSON.stringify(aside) : null };
}

/** @type {string | null} */
let pendingNotice = null;

/** localStorage, or null where it is disabled (some privacy modes throw). */
function local() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Writes `data`; false if the browser will not keep it. @param {Stored} data @param {KeyValueStore | null} [store] */
export function save(data, store = local()) {
  if (!store) return false;
  try {
    store.setItem(KEY, JSON.stringify(data));
    return true;
  } catch {
    return false;
  }
}

/** What is stored now, migrated on the first load after an upgrade. @param {KeyValueStore | null} [store] @returns {Stored} */
export function load(store = local()) {
  if (!store) return empty(); // storage disabled: nothing kept, nothing broken
  let found;
  try {
    found = migrate(store);
  } catch {
    return empty(); // a storage that throws on reading: nothing kept, nothing broken
  }
  if (found.notice) pendingNotice = found.notice;
  if (found.write) {
    try {
      if (found.aside) store.setItem(UNREADABLE_KEY, found.aside);
      store.setItem(KEY, JSON.stringify(found.data));
      // The old keys go only once the new one is written: a full storage loses nothing.
      if (found.legacy) for (const key of Object.values(LEGACY_KEYS)) store.removeItem(key);
    } catch {
      /* full or read-only: the old keys stay and are migrated next time */
    }
  }
  return found.data;
}

/** Edits what is stored and writes it back; false if the browser will not keep it. @param {(data: Stored) => void} change */
export function update(change) {
  const data = load();
  change(data);
  return save(data);
}

/** The notice of a load that found unreadable data, once. */
export function takeNotice() {
  const notice = pendingNotice;
  pendingNotice = null;
  return notice;
}
