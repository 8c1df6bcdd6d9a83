/* Everything the portal keeps in this browser, under one localStorage key with a version number:
   the learner's progress (training), the record sheet's name and school (profile) and the plan
   editor's draft and the draft it last replaced (editor). Data written by an older version is
   migrated step by step on first load; data that cannot be read (damaged, or written by
   something else) gives a Chinese notice and a clean start, and is set aside, never deleted. */
import { MODULE_ID, validModule } from "./progress.js";

/**
 * @typedef {{ plan: Record<string, unknown>, name: string, saved: string }} Draft
 * @typedef {{ version: number, training: { modules: import("./progress.js").Modules },
 *   profile: { name: string, school: string }, editor: { draft: Draft | null, replaced: Draft | null } }} Stored
 * @typedef {{ getItem(key: string): string | null, setItem(key: string, value: string): void,
 *   removeItem(key: string): void }} KeyValueStore
 */

export const KEY = "mentor-portal";
/** Where text that could not be read is set aside (the newest only). */
export const UNREADABLE_KEY = "mentor-portal.unreadable";
export const VERSION = 1;
/** The keys of the portal before one namespace (version 0): progress, record sheet, editor. */
export const LEGACY_KEYS = {
  training: "mentor-portal:training",
  profile: "mentor-portal:training-profile",
  draft: "portal.plan-editor.draft",
  replaced: "portal.plan-editor.replaced",
};
export const NOTICE =
  "本机浏览器中保存的学习进度或一校一策草稿有无法读取的内容（可能已损坏，或不是本站写入的），这部分已重新开始；原来的内容另存在浏览器中，没有删除。";

/** @returns {Stored} */
export function empty() {
  return { version: VERSION, training: { modules: {} }, profile: { name: "", school: "" }, editor: { draft: null, replaced: null } };
}

/** JSON text read, or `undefined` if it is not JSON. @param {string | null} text */
function parse(text) {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The migrations: MIGRATIONS[n] turns version n into version n + 1, and says which parts it
 * could not read. Version 0 is the four separate keys, as their raw texts.
 * @type {((old: any) => { data: any, unreadable: string[] })[]}
 */
const MIGRATIONS = [
  (old) => {
    const data = empty();
    data.version = 1;
    const unreadable = [];
    const training = parse(old.training);
    if (training && typeof training === "object" && training.modules && typeof training.modules === "object") {
      data.training.modules = training.modules;
    } else if (training !== null) unreadable.push(LEGACY_KEYS.training);
    const profile = parse(old.profile);
    if (profile && typeof profile === "object") data.profile = profile;
    else if (profile !== null) unreadable.push(LEGACY_KEYS.profile);
    for (const part of /** @type {const} */ (["draft", "replaced"])) {
      const draft = parse(old[part]);
      if (draft !== null && draft !== undefined) data.editor[part] = draft;
      else if (draft !== null) unreadable.push(LEGACY_KEYS[part]);
    }
    return { data, unreadable };
  },
];

/** @param {unknown} v */
const isObject = (v) => !!v && typeof v === "object" && !Array.isArray(v);

/** @param {unknown} d @returns {d is Draft} */
function validDraft(d) {
  if (!isObject(d)) return false;
  const draft = /** @type {Record<string, unknown>} */ (d);
  return isObject(draft.plan) && typeof (draft.name ?? "") === "string" && typeof (draft.saved ?? "") === "string";
}

/**
 * Only what the portal can show: each part checked; what fails is dropped and named.
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
  } else if (data.training !== undefined) dropped.push("training");
  const profile = data.profile;
  if (isObject(profile) && typeof (profile.name ?? "") === "string" && typeof (profile.school ?? "") === "string") {
    out.profile = { name: profile.name || "", school: profile.school || "" };
  } else if (profile !== undefined) dropped.push("profile");
  for (const part of /** @type {const} */ (["draft", "replaced"])) {
    const d = data.editor && data.editor[part];
    if (validDraft(d)) out.editor[part] = { plan: d.plan, name: d.name || "", saved: d.saved || "" };
    else if (d !== null && d !== undefined) dropped.push(`editor.${part}`);
  }
  return { data: out, dropped };
}

/**
 * What is stored, read from `store`: migrated if it is older, checked part by part.
 * `write` is true when the stored text must be replaced (migrated or cleaned), `legacy` when the
 * old keys are to be removed once it is, `aside` the text that could not be read.
 * @param {KeyValueStore} store
 * @returns {{ data: Stored, notice: string | null, write: boolean, legacy: boolean, aside: string | null }}
 */
export function migrate(store) {
  const text = store.getItem(KEY);
  /** @type {any} */
  let data;
  let version;
  let legacy = false;
  /** @type {Record<string, string>} */
  const aside = {};
  if (text === null) {
    const old = Object.fromEntries(Object.entries(LEGACY_KEYS).map(([part, key]) => [part, store.getItem(key)]));
    if (Object.values(old).every((v) => v === null)) return { data: empty(), notice: null, write: false, legacy: false, aside: null };
    data = old;
    version = 0;
    legacy = true;
  } else {
    data = parse(text);
    version = isObject(data) ? data.version : undefined;
    if (!Number.isInteger(version) || version < 1 || version > VERSION) {
      // Not this portal's, or written by a newer version of it: start clean, keep the text.
      return { data: empty(), notice: NOTICE, write: true, legacy: false, aside: JSON.stringify({ [KEY]: text }) };
    }
  }
  for (; version < VERSION; version++) {
    const step = MIGRATIONS[version](data);
    for (const key of step.unreadable) aside[key] = /** @type {string} */ (store.getItem(key));
    data = step.data;
  }
  const clean = sanitize(data);
  const damaged = Object.keys(aside).length > 0 || clean.dropped.length > 0;
  if (clean.dropped.length) aside[legacy ? "migrated" : KEY] = legacy ? JSON.stringify(data) : /** @type {string} */ (text);
  return {
    data: clean.data,
    notice: damaged ? NOTICE : null,
    write: legacy || damaged,
    legacy,
    aside: damaged ? JSON.stringify(aside) : null,
  };
}

/** @type {string | null} */
let pendingNotice = null;

/** The browser's localStorage, or null where it is disabled (some privacy modes throw). */
function local() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Write `data`; false if the browser does not allow it (storage full or disabled).
 * @param {Stored} data
 * @param {KeyValueStore | null} [store]
 */
export function save(data, store = local()) {
  if (!store) return false;
  try {
    store.setItem(KEY, JSON.stringify(data));
    return true;
  } catch {
    return false;
  }
}

/**
 * What is stored now (migrated on the first load after an upgrade). A notice about unreadable
 * data waits for takeNotice().
 * @param {KeyValueStore | null} [store]
 * @returns {Stored}
 */
export function load(store = local()) {
  if (!store) return empty();
  let found;
  try {
    found = migrate(store);
  } catch {
    return empty(); // storage that throws on reading: nothing kept, nothing broken
  }
  if (found.notice) pendingNotice = found.notice;
  if (found.write) {
    try {
      if (found.aside) store.setItem(UNREADABLE_KEY, found.aside);
      store.setItem(KEY, JSON.stringify(found.data));
      // The old keys go only once the new one is written: a full storage loses nothing.
      if (found.legacy) for (const key of Object.values(LEGACY_KEYS)) store.removeItem(key);
    } catch {
      /* storage full or read-only: the old keys stay and are migrated next time */
    }
  }
  return found.data;
}

/**
 * Change what is stored: `change` edits the data just read, which is then written back.
 * Returns false if the browser would not keep it.
 * @param {(data: Stored) => void} change
 */
export function update(change) {
  const data = load();
  change(data);
  return save(data);
}

/** The notice of the last load that found unreadable data, once. */
export function takeNotice() {
  const notice = pendingNotice;
  pendingNotice = null;
  return notice;
}
