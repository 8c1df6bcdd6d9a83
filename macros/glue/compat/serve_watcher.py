"""Patch (MkDocs 1.6.1, Linux): ``mkdocs serve`` learns of a save from the system's file
events (inotify) instead of looking at every watched file twice a second.

MkDocs' ``LiveReloadServer`` watches with watchdog's ``PollingObserver(timeout=0.5)``: a save
is noticed 0–0.5 s later, after a scan that stats every watched file (some 8,000 at city
scale: content, data, templates, the engine), and that scan runs twice a second for the
whole session, on the cores that also rebuild. With an incremental rebuild of about half a
second (``preview-incremental``) that wait is a third of the time from save to page
(docs/about/performance-history.md). watchdog's inotify observer reports a save at once.

Only changes count, as with polling: inotify also reports files opened and closed without
writing, which every rebuild does to the watched files (a rebuild would start the next).
Where inotify is missing or a folder cannot be watched (the system's watch limit), polling
stays, as before, with a warning.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

log = logging.getLogger("mkdocs.commands.serve")


def _native_observer() -> Any:
    """watchdog's inotify observer reporting only changes, or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        from watchdog.events import FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:
        return None
    changes = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent]

    class ChangesObserver(InotifyObserver):
        def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False, event_filter: Any = None, **kw: Any):
            return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or changes, **kw)

    try:
        return ChangesObserver()
    except OSError:
        return None


def install() -> None:
    from mkdocs import livereload

    server = livereload.LiveReloadServer
    if getattr(server.__init__, "_portal_watcher", False):
        return
    init, watch = server.__init__, server.watch

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        native = _native_observer()
        if native is not None:
            self._portal_polling = self.observer  # MkDocs' own, kept for the fallback
            self.observer = native

    def watch_(self: Any, path: str, func: None = None, *, recursive: bool = True) -> None:
        try:
            watch(self, path, func, recursive=recursive)
        except OSError as err:  # e.g. the inotify watch limit: back to MkDocs' polling, for every path
            polling = getattr(self, "_portal_polling", None)
            if polling is None or self.observer is polling:
                raise
            log.warning(f"无法用系统的文件事件监视 {path}（{err}），改为 MkDocs 的定时检查：保存后要稍等才会重建")
            native, self.observer = self.observer, polling
            for watched, ref in list(self._watch_refs.items()):
                for handler in native._handlers.get(ref, ()):
                    self._watch_refs[watched] = polling.schedule(handler, watched, recursive=ref.is_recursive)
            self._watched_paths.pop(path, None)
            watch(self, path, func, recursive=recursive)

    __init__._portal_watcher = True  # type: ignore[attr-defined]
    server.__init__ = __init__
    server.watch = watch_
