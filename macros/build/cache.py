"""Content-keyed caches for build work whose inputs did not change.

A :class:`Memo` maps the hash of an input (e.g. the text of a YAML file) to a
result. Its name includes a *version*: the hash of the code and data the
result depends on (the module's source, dictionaries, library versions), so a
change there starts a fresh memo instead of reusing stale results. Nothing is
keyed on timestamps.

Memos live in memory and, once :func:`configure` names a directory (the build
does: ``<project>/.cache``), on disk as one pickle per memo, written by
:func:`save_all` at the end of a build. Only entries used by that build are
written, so the files do not grow with deleted content. Values are stored
pickled and unpickled on every hit, so a caller may mutate what it gets.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.portal")

_MISSING = object()
# True in a `mkdocs serve` process (set by the hook): memory-only memos pay off only when
# the same process builds again; a one-off `mkdocs build` skips them.
serving = False
_directory: Path | None = None
_memos: dict[str, Memo] = {}


def per_object(store: dict[int, tuple[Any, Any]], obj: Any, make: Any, only_latest: bool = False) -> Any:
    """``make(obj)`` once per object (by identity: schemas and indexes are dicts and lists,
    neither hashable nor weakly referenceable). ``store`` keeps the object alive so its id
    cannot be reused; ``only_latest`` forgets the others (per-build objects)."""
    found = store.get(id(obj))
    if found is None or found[0] is not obj:
        if only_latest:
            store.clear()
        found = store[id(obj)] = (obj, make(obj))
    return found[1]


def fingerprint(*parts: str | bytes | Path) -> str:
    """sha256 over strings, bytes and file contents (a missing file counts as empty)."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            data = part.read_bytes() if part.exists() else b""
        elif isinstance(part, str):
            data = part.encode("utf-8")
        else:
            data = part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def source_of(*modules: Any) -> list[Path]:
    """The source files of modules, for a version fingerprint."""
    return [Path(m.__file__) for m in modules]


class Memo:
    def __init__(self, name: str, version: str, persist: bool = True) -> None:
        self.name = name
        self.version = version
        self.persist = persist  # False: kept in memory only (e.g. across ``mkdocs serve`` rebuilds)
        self.entries: dict[str, bytes] = {}
        self.used: dict[str, bytes] = {}
        # Unpickled strings, which no caller can mutate: most hits (HTML, Markdown) are strings,
        # and unpickling them again on every rebuild of `mkdocs serve` is measurable at city scale.
        self.strings: dict[str, str] = {}
        self.hits = 0
        self.misses = 0
        self.loaded_from: Path | None = None
        self.dirty = False

    @property
    def filename(self) -> str:
        return f"{self.name}-{self.version[:16]}.pickle"

    def load(self, directory: Path) -> None:
        path = directory / self.filename
        self.loaded_from = path
        if not path.exists():
            return
        try:
            with path.open("rb") as f:
                self.entries.update(pickle.load(f))
        except Exception as err:  # a damaged cache is rebuilt, never fatal
            log.info("缓存文件 %s 无法读取（%s），将重新生成。", path, err)

    def get(self, key: str) -> Any:
        blob = self.entries.get(key)
        if blob is None:
            self.misses += 1
            return _MISSING
        self.hits += 1
        if key not in self.used:
            self.used[key] = blob
            self.dirty = True
        found = self.strings.get(key)
        if found is not None:
            return found
        value = pickle.loads(blob)
        if isinstance(value, str):
            self.strings[key] = value
        return value

    def touch(self, key: str) -> bool:
        """Count a hit without unpickling (the caller kept the value itself); False if absent."""
        blob = self.entries.get(key)
        if blob is None:
            return False
        self.hits += 1
        if key not in self.used:
            self.used[key] = blob
            self.dirty = True
        return True

    def put(self, key: str, value: Any) -> None:
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.entries[key] = blob
        if isinstance(value, str):
            self.strings[key] = value
        self.used[key] = blob
        self.dirty = True

    def save(self, directory: Path) -> None:
        if not self.dirty and (directory / self.filename).exists():
            return
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{self.name}-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(self.used, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, directory / self.filename)
        for old in directory.glob(f"{self.name}-*.pickle"):  # earlier code versions
            if old.name != self.filename:
                old.unlink(missing_ok=True)
        self.dirty = False


def configure(directory: Path | None) -> None:
    """Persist memos under ``directory`` (None: memory only, e.g. ``PORTAL_NO_CACHE=1``)."""
    global _directory
    _directory = directory
    for memo in _memos.values():
        if not memo.persist and memo.used:  # memory only: keep what the last build used, no more
            memo.entries = dict(memo.used)
            memo.strings = {k: v for k, v in memo.strings.items() if k in memo.entries}
        memo.used.clear()
        if memo.persist and directory is not None and memo.loaded_from != directory / memo.filename:
            memo.load(directory)


def directory() -> Path | None:
    return _directory


def memo(name: str, version: str, persist: bool = True) -> Memo:
    """The memo ``name`` for this code version, loaded from disk on first use.

    ``persist=False`` keeps it in memory only: for results that are cheap to
    recompute in a new process but worth keeping between ``mkdocs serve`` rebuilds.
    """
    key = f"{name}-{version}"
    found = _memos.get(key)
    if found is None:
        found = _memos[key] = Memo(name, version, persist)
        if persist and _directory is not None:
            found.load(_directory)
    return found


def cached(memo_: Memo, key_text: str, compute: Any) -> Any:
    """``compute()`` unless the memo has a result for ``key_text``."""
    key = fingerprint(key_text)
    value = memo_.get(key)
    if value is _MISSING:
        value = compute()
        memo_.put(key, value)
    return value


def save_all() -> None:
    """Write every memo used in this build."""
    global saves
    if _directory is None:
        return
    saves += 1
    for memo_ in _memos.values():
        if memo_.used and memo_.persist:
            memo_.save(_directory)


saves = 0  # how many times save_all wrote (for the tests)


def save_after_build() -> None:
    """At the end of a build. Under `mkdocs serve` only the first build writes; the rebuilds
    use the memos in memory and the server's shutdown writes the last state (rewriting
    ~100 MB of cache files after every save made the preview wait on the disk)."""
    if serving and saves:
        return
    save_all()


def stats() -> dict[str, dict[str, int]]:
    return {m.name: {"hits": m.hits, "misses": m.misses} for m in _memos.values()}
