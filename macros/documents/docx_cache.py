"""Word files built once per content: a cache keyed on the data and the code.

A document's key is the hash of its input data (as canonical JSON) and of a
*version* string that covers the generating code and library versions. Files
are kept under ``<cache>/docx/<key>.docx``; a build with nothing changed
regenerates none, and editing one school regenerates only that school's file.
Missing files are generated in parallel across the machine's cores.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from macros.build.cache import fingerprint
from macros.build.pool import WorkerPool
from macros.core.config import MACHINERY
from macros.core.config import workers as config_workers

J = TypeVar("J")  # what one document is built from (a school's plan)
R = TypeVar("R")
PARALLEL_FROM = MACHINERY.docx_parallel_from  # fewer missing files than this are built in-process


@dataclass
class DocxBatch:
    files: dict[str, Path | bytes]  # name -> cached file (or bytes when there is no cache directory)
    regenerated: list[str] = field(default_factory=list)
    seconds: float = 0.0
    _started: float = 0.0
    _pending: Any = None  # (pool, futures of the chunks, directory) while files are built in the background

    def wait(self) -> None:
        """Block until background generation has written every file (no-op otherwise)."""
        if self._pending is None:
            return
        pool, futures, directory = self._pending
        self._pending = None
        try:
            finished = [when for future in futures for when in future.result()]  # re-raises a worker's exception
        finally:
            pool.shutdown()
        _remove_stale(directory, self.files)
        # Until the last file was written, not until someone waited: the build may wait long after.
        self.seconds = max(finished, default=self._started) - self._started

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def reap(self) -> bool:
        """End the workers if every file is written (without waiting otherwise); whether they are
        gone. Each forked worker keeps its own copy of what it touched of the build's memory, so
        the build calls this as it goes rather than leaving idle workers until it needs the files."""
        if self._pending is None:
            return True
        futures = self._pending[1]
        if not all(future.done() for future in futures):
            return False
        if any(future.cancelled() or future.exception() is not None for future in futures):
            return False  # raised where the build waits for its files (on_env), as without reap()
        self.wait()
        return True


def document_key(data: object, version: str) -> str:
    return fingerprint(version, json.dumps(data, sort_keys=True, ensure_ascii=False, default=str))


def build_documents(
    jobs: Mapping[str, J],
    build: Callable[[J], bytes],
    directory: Path | None,
    version: str,
    workers: int | None = None,
    background: bool = False,
) -> DocxBatch:
    """Every job (name -> input data) as a Word file; ``build`` must be a module-level function.

    With ``background`` (and a cache directory), missing files are built by worker
    processes while the caller goes on; call :meth:`DocxBatch.wait` before using them.
    """
    start = time.monotonic()
    if directory is None:
        names = list(jobs)
        blobs = _run(build, [jobs[n] for n in names], workers)
        return DocxBatch(dict(zip(names, blobs, strict=True)), names, time.monotonic() - start)
    directory.mkdir(parents=True, exist_ok=True)
    paths = {name: directory / f"{document_key(data, version)}.docx" for name, data in jobs.items()}
    missing = [name for name, path in paths.items() if not path.exists()]
    inputs = [(jobs[n], paths[n]) for n in missing]
    if background:
        pool = WorkerPool(workers or config_workers(), items=len(missing), min_items=PARALLEL_FROM)
        if pool.forked:
            # Chunks as futures (as pool.map makes them), so that reap() can see when all are done.
            size = pool.chunk_size(len(inputs), chunks_per_worker=8)
            futures = [pool.submit(_write_chunk, build, inputs[i : i + size]) for i in range(0, len(inputs), size)]
            return DocxBatch(dict(paths), missing, 0.0, start, (pool, futures, directory))
    _run(partial(_write, build), inputs, workers)
    _remove_stale(directory, dict(paths))
    return DocxBatch(dict(paths), missing, time.monotonic() - start)


def _remove_stale(directory: Path, files: dict[str, Path | bytes]) -> None:
    keep = set(files.values())
    for old in directory.glob("*.docx"):  # documents of deleted or edited content
        if old not in keep:
            old.unlink(missing_ok=True)


def _write(build: Callable[[J], bytes], job: tuple[J, Path]) -> float:
    """Build one file and write it atomically (in a worker: only the path goes back and forth);
    returns when it was done (``time.monotonic``: one clock for all processes of the machine)."""
    data, path = job
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(build(data))
    os.replace(tmp, path)
    return time.monotonic()


def _write_chunk(build: Callable[[J], bytes], jobs: list[tuple[J, Path]]) -> list[float]:
    return [_write(build, job) for job in jobs]


def _run(build: Callable[[J], R], inputs: list[J], workers: int | None) -> list[R]:
    with WorkerPool(workers or config_workers(), items=len(inputs), min_items=PARALLEL_FROM) as pool:
        return list(pool.map(build, inputs, chunks_per_worker=8))
