"""Content-keyed caches for build work whose inputs did not change.

A :class:`Memo` maps the hash of an input (e.g. the text of a YAML file) to a
result. Its name includes a *version*: the **engine version** (every file of the
``macros`` package, the installed versions of every pinned requirement, the
Python version and the site's ``mkdocs.yml``; :func:`engine_version`) plus any
data files the memo names as inputs (dictionaries). Nobody lists which modules a
result depends on: a changed line anywhere in the engine starts every memo afresh.
Nothing is keyed on timestamps.

:func:`memoised` turns a function of plain values into a memoised one whose key
is all of its arguments (their ``repr``): what the function reads is what it is
keyed on, by construction. It refuses arguments that are not plain values (a
project, a page object) because such an object could carry inputs the key misses.

Memos live in memory and, once :func:`configure` names a directory (the build
does: ``<project>/.cache``), on disk as one pickle per memo, written by
:func:`save_all` at the end of a build. Only entries used by that build are
written, so the files do not grow with deleted content. Values are stored
pickled and unpickled on every hit, so a caller may mutate what it gets.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import logging
import os
import pickle
import re
import sys
import tempfile
import zlib
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, NamedTuple, Protocol, cast

from macros.build import session

log = logging.getLogger("mkdocs.plugins.portal")

_MISSING = object()
# The memos, where they persist and the engine version they are for belong to the build
# session (macros.build.session): one `mkdocs build`, or one `mkdocs serve` and its rebuilds.

ENGINE_DIR = Path(__file__).resolve().parents[1]  # the macros package: the engine's code
REQUIREMENTS = ENGINE_DIR.parent / "requirements.txt"  # the pinned dependencies


def code_files(directory: Path = ENGINE_DIR) -> list[Path]:
    """Every file of the engine (sources and any data shipped inside the package)."""
    return sorted(p for p in directory.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


@functools.lru_cache(maxsize=1)
def dependency_versions(requirements: Path = REQUIREMENTS) -> str:
    """``name==installed version`` of every requirement in requirements.txt (installed, not
    just pinned: a hand-upgraded library changes its output too), and the Python version."""
    lines = [f"python=={sys.version}"]
    text = requirements.read_text(encoding="utf-8") if requirements.exists() else ""
    for line in text.splitlines():
        name = re.split(r"[\s=<>!~\[;#@]", line.strip(), maxsplit=1)[0]
        if name:
            try:
                lines.append(f"{name}=={version(name)}")
            except PackageNotFoundError:
                lines.append(f"{name}==")
    return "\n".join(lines)


def engine_version(config_file: Path | None = None, *extra: str) -> str:
    """The code the build runs and its configuration, hashed: all of ``macros/``, the
    installed dependency versions, ``config_file`` (mkdocs.yml) and ``extra`` (settings read
    from the environment at import, e.g. the test layout)."""
    parts: list[str | bytes | Path] = [dependency_versions(), *extra]
    for path in code_files():
        parts += [path.relative_to(ENGINE_DIR).as_posix(), path]
    if config_file is not None:
        parts.append(Path(config_file))
    return fingerprint(*parts)


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


_PLAIN = (str, bytes, int, float, bool, type(None), datetime.date)


def check_plain(value: Any, where: str = "argument") -> None:
    """Raise TypeError unless ``value`` is plain data whose ``repr`` shows all of it: what a
    memoised function is keyed on must be everything it can read."""
    if isinstance(value, _PLAIN) or isinstance(value, Keyed):
        return
    if isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            check_plain(item, where)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            check_plain(key, where)
            check_plain(item, where)
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if not f.repr:
                raise TypeError(f"{where}: {type(value).__name__}.{f.name} is left out of its repr, so out of the key")
            check_plain(getattr(value, f.name), where)
        return
    raise TypeError(f"{where}: {type(value).__name__} is not plain data; pass the values the function reads")


class Keyed:
    """A large plain value handed to many calls of a memoised function (a rules table, the
    glossary): checked and hashed once, and keyed by that hash instead of its ``repr``."""

    __slots__ = ("key", "value")

    def __init__(self, value: Any) -> None:
        check_plain(value)
        self.value = value
        self.key = fingerprint(repr(value))

    def __repr__(self) -> str:
        return f"Keyed({self.key})"

    def __eq__(self, other: object) -> bool:  # the same table: the preview's check of a value made again
        return isinstance(other, Keyed) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)


class Memoised(Protocol):
    """A function memoised by :func:`memoised`: called as before; ``uncached`` is the function itself."""

    uncached: Callable[..., Any]

    def __call__(self, *args: Any) -> Any: ...


def memoised(
    name: str, *inputs: str | bytes | Path, persist: bool = True, compress: bool = False
) -> Callable[[Callable[..., Any]], Memoised]:
    """Memoise a function of plain values in the memo ``name``: the key is the ``repr`` of all
    its positional arguments, the version the engine's and ``inputs`` (data files it reads).
    The arguments are checked to be plain data whenever the function really runs."""

    def wrap(fn: Callable[..., Any]) -> Memoised:
        @functools.wraps(fn)
        def call(*args: Any) -> Any:
            memo_ = memo(name, *inputs, persist=persist, compress=compress)
            key = fingerprint(repr(args))
            value = memo_.get(key)
            if value is _MISSING:
                check_plain(args, f"{fn.__module__}.{fn.__qualname__}")
                value = fn(*args)
                memo_.put(key, value)
            return value

        call.uncached = fn  # type: ignore[attr-defined]
        return cast(Memoised, call)

    return wrap


class _Spooled(NamedTuple):
    """Where an entry's bytes are in its memo's spool file."""

    offset: int
    size: int


class Memo:
    def __init__(self, name: str, version: str, persist: bool = True, compress: bool = False) -> None:
        self.name = name
        self.version = version
        self.persist = persist  # False: kept in memory only (e.g. across ``mkdocs serve`` rebuilds)
        # Large values (whole pages) are kept compressed: every entry stays in memory until
        # the cache is saved, and the build's peak memory is one of the benchmark's targets.
        self.compress = compress
        self.entries: dict[str, bytes | _Spooled] = {}
        self.used: dict[str, bytes | _Spooled] = {}
        # Unpickled strings, which no caller can mutate: most hits (HTML, Markdown) are strings,
        # and unpickling them again on every rebuild of `mkdocs serve` is measurable at city scale.
        self.strings: dict[str, str] = {}
        self.hits = 0
        self.misses = 0
        self.loaded_from: Path | None = None
        self.dirty = False
        self._spool: Any = None  # a temporary file holding new entries' bytes (spool())
        self.released: tuple[Path, bool] | None = None  # (where, whether saved) once dropped from memory (release())

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
        self._restore()
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
        blob = self._bytes(blob)
        value = pickle.loads(zlib.decompress(blob) if self.compress else blob)
        if isinstance(value, str):
            self.strings[key] = value
        return value

    def touch(self, key: str) -> bool:
        """Count a hit without unpickling (the caller kept the value itself); False if absent."""
        self._restore()
        blob = self.entries.get(key)
        if blob is None:
            return False
        self.hits += 1
        if key not in self.used:
            self.used[key] = blob
            self.dirty = True
        return True

    def put(self, key: str, value: Any) -> None:
        blob = self.pack(value)
        self.put_packed(key, blob)
        if isinstance(value, str):
            self.strings[key] = value

    def pack(self, value: Any) -> bytes:
        """``value`` as this memo stores it (a worker packs, the build process stores the bytes)."""
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        return zlib.compress(blob, 1) if self.compress else blob

    def put_packed(self, key: str, blob: bytes) -> None:
        self._restore()
        stored: bytes | _Spooled = blob
        if self._spool is not None:
            self._spool.seek(0, os.SEEK_END)
            stored = _Spooled(self._spool.tell(), len(blob))
            self._spool.write(blob)
        self.entries[key] = stored
        self.used[key] = stored
        self.dirty = True

    def spool(self, directory: Path) -> None:
        """Keep the bytes of entries added from now on in a temporary file in ``directory``
        instead of memory (read back when asked for and when saved): for a memo a build fills
        with a large value per page while its memory peaks."""
        if self._spool is None:
            directory.mkdir(parents=True, exist_ok=True)
            self._spool = tempfile.TemporaryFile(dir=directory, prefix=f".{self.name}-spool-")

    def _bytes(self, stored: bytes | _Spooled) -> bytes:
        if isinstance(stored, _Spooled):
            assert self._spool is not None
            self._spool.seek(stored.offset)
            return self._spool.read(stored.size)
        return stored

    def release(self, directory: Path) -> None:
        """Save what this build used and drop it from memory: for a build that will not ask
        again, so that its memory is free for what comes next. Should anything ask after all,
        the saved file is read back first, so nothing is lost."""
        used = bool(self.used)
        if used:
            self.save(directory)
        self.entries, self.used, self.strings = {}, {}, {}
        self.released = (directory, used)

    def _restore(self) -> None:
        if self.released is None:
            return
        (directory, used), self.released = self.released, None
        self.load(directory)
        # What was saved is what this build had used; a memo it had not used was not saved.
        self.used = dict(self.entries) if used else {}

    def save(self, directory: Path) -> None:
        if not self.dirty and (directory / self.filename).exists():
            return
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{self.name}-")
        used = {key: self._bytes(stored) for key, stored in self.used.items()} if self._spool else self.used
        with os.fdopen(fd, "wb") as f:
            pickle.dump(used, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, directory / self.filename)
        for old in directory.glob(f"{self.name}-*.pickle"):  # earlier code versions
            if old.name != self.filename:
                old.unlink(missing_ok=True)
        self.dirty = False


def configure(directory: Path | None, engine: str | None = None) -> None:
    """Persist memos under ``directory`` (None: memory only, e.g. ``PORTAL_NO_CACHE=1``), for
    the engine version ``engine`` (:func:`engine_version`; None: the code alone). Memos of
    another engine version (mkdocs.yml edited under ``mkdocs serve``) are dropped."""
    state = session.current()
    state.cache_dir = directory
    engine = engine or engine_version()
    _version.cache_clear()  # data files named as inputs are read again: one build sees one state
    if engine != state.engine:
        state.engine = engine
        state.memos.clear()
    for memo in state.memos.values():
        if not memo.persist and memo.used:  # memory only: keep what the last build used, no more
            memo.entries = dict(memo.used)
            memo.strings = {k: v for k, v in memo.strings.items() if k in memo.entries}
        memo.used.clear()
        if memo.persist and directory is not None and memo.loaded_from != directory / memo.filename:
            memo.load(directory)


def directory() -> Path | None:
    return session.current().cache_dir


def current_engine() -> str:
    """The engine version memos are made for (configured by the build; else the code alone)."""
    state = session.current()
    if state.engine is None:
        configure(state.cache_dir)
    assert state.engine is not None
    return state.engine


@functools.lru_cache(maxsize=256)
def _version(engine: str, inputs: tuple[str | bytes | Path, ...]) -> str:
    return fingerprint(engine, *inputs) if inputs else engine


def reread_inputs() -> None:
    """The data files memos name as inputs are read again: for a rebuild that keeps the
    configuration (the incremental preview) instead of calling :func:`configure`."""
    _version.cache_clear()


def _memo_key(name: str, version_: str) -> str:
    """Where the session keeps the memo ``name`` of a version (:func:`memo` and :func:`kept` agree)."""
    return f"{name}-{version_}"


def memo(name: str, *inputs: str | bytes | Path, persist: bool = True, compress: bool = False) -> Memo:
    """The memo ``name`` for the engine version and ``inputs`` (data files or values the
    results depend on besides their key), loaded from disk on first use.

    ``persist=False`` keeps it in memory only: for results that are cheap to
    recompute in a new process but worth keeping between ``mkdocs serve`` rebuilds.
    """
    version_ = _version(current_engine(), inputs)
    key = _memo_key(name, version_)
    state = session.current()
    found = state.memos.get(key)
    if found is None:
        found = state.memos[key] = Memo(name, version_, persist, compress)
        if persist and state.cache_dir is not None:
            found.load(state.cache_dir)
    return found


def kept(name: str, *inputs: str | bytes | Path) -> bool:
    """Whether the memo ``name`` for ``inputs`` has entries, in memory or in a file an earlier
    build saved, without loading it (a warm build may never need it)."""
    version_ = _version(current_engine(), inputs)
    found = session.current().memos.get(_memo_key(name, version_))
    if found is not None and (found.entries or found.released is not None):
        return True
    cache_dir = directory()
    return cache_dir is not None and (cache_dir / Memo(name, version_).filename).exists()


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
    state = session.current()
    if state.cache_dir is None:
        return
    state.saves += 1
    for memo_ in state.memos.values():
        if memo_.used and memo_.persist:
            memo_.save(state.cache_dir)


def save_after_build() -> None:
    """At the end of a build. Under `mkdocs serve` only the first build writes; the rebuilds
    use the memos in memory and the server's shutdown writes the last state (rewriting
    ~100 MB of cache files after every save made the preview wait on the disk)."""
    state = session.current()
    if state.serving and state.saves:
        return
    save_all()


def release_all(keep: tuple[str, ...] = ()) -> None:
    """Save and drop from memory every memo but those named in ``keep``, and every memo's
    unpickled strings (they only spare unpickling a hit again). For a build at a point where
    it will not ask these memos again; if something does, the memo is read back from disk."""
    state = session.current()
    for memo_ in state.memos.values():
        memo_.strings.clear()
        if state.cache_dir is not None and memo_.persist and memo_.name not in keep:
            memo_.release(state.cache_dir)


def stats() -> dict[str, dict[str, int]]:
    return {m.name: {"hits": m.hits, "misses": m.misses} for m in session.current().memos.values()}
