"""The one worker pool for background work: Word files, the anonymisation scan, YAML
prefetch and the school pages converted ahead.

Workers are forked from the build, so they share everything it has loaded (parsed
content, dictionaries) without pickling it. Where fork is not available (Windows) or
not safe (``mkdocs serve`` after its server threads started), and when there is too
little work to pay for a process, the same calls run in the calling process: callers
write one code path and get the same results either way.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from macros.build import session

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    """Fork is available and the session allows it (not once `mkdocs serve` runs its threads)."""
    return session.current().fork_allowed and "fork" in multiprocessing.get_all_start_methods()


class WorkerPool:
    """``workers`` forked processes, or the calling process (``forked`` says which)."""

    def __init__(self, workers: int | None = None, *, items: int | None = None, min_items: int = 2) -> None:
        self.workers = workers or os.cpu_count() or 1
        enough = items is None or items >= max(1, min_items)
        # A second core is what makes background work pay, also for a single worker.
        self.forked = enough and (os.cpu_count() or 1) >= 2 and can_fork()
        self._executor: ProcessPoolExecutor | None = None
        if self.forked:
            self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("fork"))

    def submit(self, fn: Callable[..., R], *args: Any) -> Future[R]:
        """Run ``fn(*args)`` in a worker; in the calling process it runs now (a finished future)."""
        if self._executor is not None:
            return self._executor.submit(fn, *args)
        future: Future[R] = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as err:  # kept for .result(), as a worker's exception would be
            future.set_exception(err)
        return future

    def map(self, fn: Callable[[T], R], items: Iterable[T], chunks_per_worker: int = 4) -> Iterable[R]:
        """``fn`` over ``items`` in order (lazily when forked: iterate to wait for the results)."""
        items = list(items)
        if self._executor is None:
            return [fn(item) for item in items]
        return self._executor.map(fn, items, chunksize=self.chunk_size(len(items), chunks_per_worker))

    def chunk_size(self, items: int, chunks_per_worker: int = 4) -> int:
        """How many items one task takes, so that each worker gets about ``chunks_per_worker`` tasks."""
        return max(1, items // (self.workers * chunks_per_worker))

    def shutdown(self, cancel: bool = False, wait: bool = True) -> None:
        """Stop the workers; ``wait=False`` returns at once (a worker ends after its current task)."""
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=cancel)
            self._executor = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
