// The one storage namespace and its migrations (docs/assets/portal/storage.js), on the real
// localStorage snapshot written by the portal before the modules (tests/fixtures/storage/).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { KEY, LEGACY_KEYS, NOTICE, UNREADABLE_KEY, VERSION, empty, load, migrate, save, sanitize } from "../../docs/assets/portal/storage.js";

const snapshot = JSON.parse(readFileSync(new URL("../fixtures/storage/pre-modules-snapshot.json", import.meta.url), "utf8"));

/** localStorage's interface over a Map (Node has no localStorage); `full` makes every write throw. */
class MemoryStore {
  constructor(items = {}, full = false) {
    this.items = new Map(Object.entries(items));
    this.full = full;
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    if (this.full) throw new Error("QuotaExceededError");
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}

test("the four keys of the old portal become one namespace, unchanged, dates and all", () => {
  const old = snapshot.localStorage;
  const store = new MemoryStore(old);
  const data = load(store);
  assert.equal(data.version, VERSION);
  assert.deepEqual(data.training.modules, JSON.parse(old[LEGACY_KEYS.training]).modules);
  assert.deepEqual(data.profile, JSON.parse(old[LEGACY_KEYS.profile]));
  assert.deepEqual(data.editor.draft, JSON.parse(old[LEGACY_KEYS.draft]));
  assert.deepEqual(data.editor.replaced, JSON.parse(old[LEGACY_KEYS.replaced]));
  // Written under the one key, the old keys gone, nothing set aside, no notice.
  assert.deepEqual([...store.items.keys()], [KEY]);
  assert.deepEqual(JSON.parse(store.getItem(KEY)), data);
  // The next load reads the namespace as it is.
  assert.deepEqual(migrate(store), { data, notice: null, write: false, legacy: false, aside: null });
});

test("a full storage keeps the old keys until the migration can be written", () => {
  const store = new MemoryStore(snapshot.localStorage, true);
  const data = load(store);
  assert.equal(data.profile.name, "示例教师");
  assert.equal(store.getItem(KEY), null);
  for (const key of Object.values(LEGACY_KEYS)) assert.equal(store.getItem(key), snapshot.localStorage[key]);
});

test("nothing stored: an empty record, nothing written", () => {
  const store = new MemoryStore();
  assert.deepEqual(load(store), empty());
  assert.equal(store.items.size, 0);
});

test("an unreadable namespace gives the notice and a clean start; its text is set aside", () => {
  for (const text of ["{not json", "[]", '"x"', "null", JSON.stringify({ version: VERSION + 1, training: {} }), JSON.stringify({ other: 1 })]) {
    const store = new MemoryStore({ [KEY]: text });
    const found = migrate(store);
    assert.equal(found.notice, NOTICE, text);
    assert.deepEqual(found.data, empty());
    load(store);
    assert.deepEqual(JSON.parse(store.getItem(KEY)), empty());
    assert.deepEqual(JSON.parse(store.getItem(UNREADABLE_KEY)), { [KEY]: text });
  }
});

test("a damaged part is dropped with the notice; the rest is kept", () => {
  const stored = /** @type {any} */ (empty());
  stored.training.modules = { good: { best: 90, passedAt: "2025-09-02" }, bad: { best: "很多" }, "../x": {} };
  stored.profile = { name: "示例教师", school: "示例中学" };
  stored.editor.draft = { plan: [], name: "x", saved: "" };
  const store = new MemoryStore({ [KEY]: JSON.stringify(stored) });
  const found = migrate(store);
  assert.equal(found.notice, NOTICE);
  assert.deepEqual(found.data.training.modules, { good: { best: 90, passedAt: "2025-09-02" } });
  assert.deepEqual(found.data.profile, { name: "示例教师", school: "示例中学" });
  assert.equal(found.data.editor.draft, null);
  assert.equal(JSON.parse(found.aside ?? "{}")[KEY], JSON.stringify(stored));
});

test("damaged old keys: what can be read is migrated, the rest set aside with the notice", () => {
  const store = new MemoryStore({
    [LEGACY_KEYS.training]: '{"version":1,"modules":{"a":{"passedAt":"2025-09-02"}}}',
    [LEGACY_KEYS.profile]: "{broken",
    [LEGACY_KEYS.draft]: '"just text"',
  });
  const data = load(store);
  assert.deepEqual(data.training.modules, { a: { passedAt: "2025-09-02" } });
  assert.deepEqual(data.profile, { name: "", school: "" });
  assert.equal(data.editor.draft, null);
  const aside = JSON.parse(store.getItem(UNREADABLE_KEY));
  assert.equal(aside[LEGACY_KEYS.profile], "{broken");
  assert.ok("migrated" in aside);
  for (const key of Object.values(LEGACY_KEYS)) assert.equal(store.getItem(key), null);
});

test("sanitize keeps exactly what the pages can show", () => {
  const { data, dropped } = sanitize({ training: { modules: {} }, profile: { name: "甲" }, editor: { draft: { plan: { id: "x" } } } });
  assert.deepEqual(dropped, []);
  assert.deepEqual(data.profile, { name: "甲", school: "" });
  assert.deepEqual(data.editor.draft, { plan: { id: "x" }, name: "", saved: "" });
  assert.deepEqual(sanitize({ training: "x", profile: 3, editor: { replaced: { plan: null } } }).dropped, ["training", "profile", "editor.replaced"]);
});

test("save reports a storage that will not keep data", () => {
  assert.equal(save(empty(), new MemoryStore({}, true)), false);
  assert.equal(save(empty(), null), false);
  const store = new MemoryStore();
  assert.equal(save(empty(), store), true);
  assert.deepEqual(JSON.parse(store.getItem(KEY)), empty());
});
