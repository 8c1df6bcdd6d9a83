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
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from .buildcache import fingerprint

PARALLEL_FROM = 4  # fewer missing files than this are built in-process


@dataclass
class DocxBatch:
    files: dict[str, Path | bytes]  # name -> cached file (or bytes when there is no cache directory)
    regenerated: list[str] = field(default_factory=list)
    seconds: float = 0.0


def document_key(data: object, version: str) -> str:
    return fingerprint(version, json.dumps(data, sort_keys=True, ensure_ascii=False, default=str))


def build_documents(
    jobs: dict[str, object],
    build: Callable[[object], bytes],
    directory: Path | None,
    version: str,
    workers: int | None = None,
) -> DocxBatch:
    """Every job (name -> input data) as a Word file; ``build`` must be a module-level function."""
    start = time.perf_counter()
    if directory is None:
        names = list(jobs)
        blobs = _run(build, [jobs[n] for n in names], workers)
        return DocxBatch(dict(zip(names, blobs, strict=True)), names, time.perf_counter() - start)
    directory.mkdir(parents=True, exist_ok=True)
    paths = {name: directory / f"{document_key(data, version)}.docx" for name, data in jobs.items()}
    missing = [name for name, path in paths.items() if not path.exists()]
    _run(partial(_write, build), [(jobs[n], paths[n]) for n in missing], workers)
    keep = set(paths.values())
    for old in directory.glob("*.docx"):  # documents of deleted or edited content
        if old not in keep:
            old.unlink(missing_ok=True)
    return DocxBatch(dict(paths), missing, time.perf_counter() - start)


def _write(build: Callable[[object], bytes], job: tuple[object, Path]) -> None:
    """Build one file and write it atomically (in a worker: only the path goes back and forth)."""
    data, path = job
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(build(data))
    os.replace(tmp, path)


def _run(build: Callable[[object], Any], inputs: list[Any], workers: int | None) -> list[Any]:
    workers = workers or os.cpu_count() or 1
    if len(inputs) < PARALLEL_FROM or workers < 2:
        return [build(data) for data in inputs]
    chunk = max(1, len(inputs) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
        return list(pool.map(build, inputs, chunksize=chunk))
