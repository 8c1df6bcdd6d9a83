"""The build session: the state of one ``mkdocs build``, one ``scripts/check.py`` run, or one
``mkdocs serve`` with all its rebuilds, in one object with one owner.

The MkDocs glue starts a session in ``on_startup`` (``mkdocs serve`` loads the hook module
anew for every rebuild, so nothing there can hold state) and begins a build in
``on_config``. Everything that must outlive one page or one build lives here rather than
in module globals: the memos and where they are stored, the engine version, whether
worker processes may be forked, the preview's kept pages and written files, the Word
files still being written, the project of the running build. Engine modules and the
compat patches read the session; none sets a flag on another module.

Two lifetimes: :meth:`Session.store` keeps a container for the whole session (e.g. the
pages a preview reuses between rebuilds); :meth:`Session.per_build` one that starts
empty with every build (e.g. the files a build wrote).

What the page writer wrote is recorded too (:meth:`Session.wrote_page`): a step after the
pages (the SCORM packages of the training modules) can tell what a built page contains by the
key it was made from, without reading the file again (:meth:`Session.page_output`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

BUILD, SERVE, CHECK = "build", "serve", "check"


@dataclass
class Session:
    command: str = CHECK  # build | serve | check (scripts, tests: no MkDocs)
    # Forking a process while other threads run can copy a lock some thread holds: false once
    # `mkdocs serve` starts its server and file-watcher threads (on_serve).
    fork_allowed: bool = True
    # Set by the preview patch when it is installed: converted pages may be kept as objects.
    reuse_pages: bool = False
    cache_dir: Path | None = None  # where memos persist (None: memory only)
    engine: str | None = None  # the engine version memos are made for (macros.build.cache)
    memos: dict[str, Any] = field(default_factory=dict)  # name-version -> macros.build.cache.Memo
    saves: int = 0  # how many times the memos were written (serve: after the first build only)
    builds: int = 0
    project: Any = None  # the project of the running build (macros.core.site)
    docx_batch: Any = None  # the Word files of this build, written in the background
    _stores: dict[str, Any] = field(default_factory=dict)
    _per_build: dict[str, Any] = field(default_factory=dict)

    @property
    def serving(self) -> bool:
        return self.command == SERVE

    def begin_build(self) -> None:
        """A new build of this session: the per-build state starts empty."""
        self.builds += 1
        self.docx_batch = None
        self._per_build.clear()

    def store(self, name: str, make: Callable[[], T]) -> T:
        """The container ``name`` for the whole session, made on first use."""
        if name not in self._stores:
            self._stores[name] = make()
        return self._stores[name]

    def per_build(self, name: str, make: Callable[[], T]) -> T:
        """The container ``name`` for the running build, made on first use in each build."""
        if name not in self._per_build:
            self._per_build[name] = make()
        return self._per_build[name]

    def build_stats(self) -> dict[str, Any]:
        """Figures of the running build for the benchmark (``BENCH_STATS``), by what they are about."""
        return self.per_build("build-stats", dict)

    def wrote_page(self, path: str, output_key: str) -> None:
        """The page writer wrote the file ``path`` from the page output keyed ``output_key``
        (the key of the ``page-output`` memo: everything the page template read). The file's
        size and modification time right after are kept with it, so a later rewrite is seen."""
        st = os.stat(path)
        self.per_build("page-outputs", dict)[os.path.abspath(path)] = (output_key, st.st_size, st.st_mtime_ns)

    def page_output(self, path: str) -> str | None:
        """The output key of the built page at ``path`` while the file is still what the page
        writer wrote in this build; None if it wrote no such page or something wrote the file
        again since (then only its content tells what it is)."""
        found = self.per_build("page-outputs", dict).get(os.path.abspath(path))
        if found is None:
            return None
        try:
            st = os.stat(path)
        except OSError:
            return None
        return found[0] if (st.st_size, st.st_mtime_ns) == found[1:] else None


_session = Session()


def current() -> Session:
    """The running session (a plain check session until the glue starts another)."""
    return _session


def start(command: str) -> Session:
    """A new session for ``command`` (``mkdocs build`` or ``serve``), replacing the last one."""
    global _session
    _session = Session(command=command)
    return _session


__all__ = ["BUILD", "CHECK", "SERVE", "Session", "current", "start"]
