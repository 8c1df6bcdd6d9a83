"""What the engine reads from disk, recorded as it reads it.

Results made from files outlive one build: the anonymisation detector's word tables are
loaded once per process, and ``mkdocs serve`` rebuilds in the same process for hours. Such
a result is valid while the files it was made from are unchanged; which files those are
is *recorded*, not listed: Python raises an ``open`` audit event for every file its code
opens (``open()``, :mod:`pathlib`, :mod:`io`), and :func:`recording` collects the files
opened for reading by the current thread while it runs. Nothing has to route its reads
through a helper, and a file someone adds to a reader is seen without anyone listing it.

:func:`data_cache` is ``functools.cache`` for a function without arguments built on this:
the result is made again when a file it read has changed (size or modification time),
checked once per build of the session (the tables are asked for a million times a build).
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from macros.build import session

T = TypeVar("T")

_local = threading.local()
_installed = False
_install_lock = threading.Lock()
_WRITING = frozenset("wax+")


def _frames() -> list[set[str]]:
    frames = getattr(_local, "frames", None)
    if frames is None:
        frames = _local.frames = []
    return frames


def _hook(event: str, args: tuple) -> None:
    # Called for every audited event of the process: return at once unless this thread records.
    if event != "open" or not getattr(_local, "frames", None):
        return
    path, mode, flags = args
    if isinstance(mode, str):
        if _WRITING.intersection(mode):
            return
    elif isinstance(flags, int) and flags & os.O_ACCMODE != os.O_RDONLY:
        return
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    elif not isinstance(path, str):  # a file descriptor, or a path object
        path = os.fspath(path) if isinstance(path, os.PathLike) else None
        if not isinstance(path, str):
            return
    _local.frames[-1].add(os.path.abspath(path))


def _install() -> None:
    global _installed
    with _install_lock:
        if not _installed:  # an audit hook cannot be removed: installed once per process
            sys.addaudithook(_hook)
            _installed = True


@contextmanager
def recording(propagate: bool = True) -> Iterator[set[str]]:
    """The absolute paths of the files this thread opens for reading inside the block.
    Nested blocks see their own reads; each block's reads count for the blocks around it,
    unless ``propagate`` is false: then the block stands for its reads itself (a memoised
    value that :func:`note` reports to the blocks around it under a name of its own)."""
    _install()
    frames = _frames()
    found: set[str] = set()
    frames.append(found)
    try:
        yield found
    finally:
        frames.pop()
        if frames and propagate:
            frames[-1].update(found)


def active() -> bool:
    """Whether this thread is recording (callers skip the work of reporting otherwise)."""
    return bool(getattr(_local, "frames", None))


def note(paths: Iterable[str]) -> None:
    """Count ``paths`` as read by the running :func:`recording` blocks (a cache hit reports
    the files its result was made from, so the caches built on it depend on them too)."""
    frames = getattr(_local, "frames", None)
    if frames:
        frames[-1].update(paths)


def signature(path: str) -> tuple[int, int] | None:
    """Size and modification time of ``path``; None if it is gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _build_token() -> tuple[int, int]:
    state = session.current()
    return id(state), state.builds


class DataCache(Generic[T]):
    """``fn()`` (no arguments), cached until a file it read changes: see :func:`data_cache`."""

    def __init__(self, fn: Callable[[], T]) -> None:
        functools.update_wrapper(self, fn)
        self._fn = fn
        # One entry, replaced as a whole: (value, {path: signature}, the build it was checked in).
        self._entry: tuple[T, dict[str, tuple[int, int] | None], tuple[int, int]] | None = None
        self._lock = threading.RLock()  # the warm-up thread of `mkdocs serve` may ask at the same time

    def _valid(self, token: tuple[int, int]) -> tuple[T, dict[str, tuple[int, int] | None], tuple[int, int]] | None:
        found = self._entry
        if found is None or found[2] == token:
            return found
        if any(signature(path) != sig for path, sig in found[1].items()):
            return None
        found = self._entry = (found[0], found[1], token)
        return found

    def __call__(self) -> T:
        # The fast path (the tables are asked for per word): made, and checked in this build.
        found = self._entry
        if found is None or found[2] != _build_token():
            with self._lock:
                token = _build_token()
                found = self._valid(token)
                if found is None:
                    with recording() as read:
                        value = self._fn()
                    found = self._entry = (value, {p: signature(p) for p in sorted(read)}, token)
        if getattr(_local, "frames", None):
            note(found[1])
        return found[0]

    def files(self) -> tuple[str, ...]:
        """The files the value was made from (making it first if needed)."""
        self()
        return tuple(self._entry[1]) if self._entry is not None else ()

    def cache_clear(self) -> None:
        self._entry = None


def data_cache(fn: Callable[[], T]) -> DataCache[T]:
    """Cache ``fn()`` (no arguments) until a file it read changes. ``.files()`` lists those
    files (making the result first if needed); ``.cache_clear()`` forgets it."""
    return DataCache(fn)


__all__ = ["DataCache", "active", "data_cache", "note", "recording", "signature"]
