"""The serve-watcher patch (macros/glue/compat/serve_watcher.py, #22): ``mkdocs serve`` hears
of a save from inotify at once instead of MkDocs' twice-a-second polling scan, a rebuild's
own reading of the watched files starts no rebuild, and a folder inotify cannot watch falls
back to polling for every path. Run in a child process: the patch replaces MkDocs' classes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json, sys, time
from pathlib import Path
from mkdocs.livereload import LiveReloadServer
from macros.glue.compat import serve_watcher

serve_watcher.install()
folder = Path(sys.argv[1])
(folder / "docs").mkdir()
page = folder / "docs" / "page.md"
page.write_text("# 页面\n", encoding="utf-8")
other = folder / "other"
other.mkdir()
fail = sys.argv[2] == "fail"


def wait(server, limit):
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if server._want_rebuild:
            return round(time.perf_counter() - start, 3)
        time.sleep(0.005)
    return None


server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(folder))
native = type(server.observer).__name__
if fail:  # the next folder cannot be watched (as when the inotify watch limit is reached)
    schedule = type(server.observer).schedule
    def refuse(self, handler, path, **kw):
        if path.endswith("other"):
            raise OSError(28, "No space left on device")
        return schedule(self, handler, path, **kw)
    type(server.observer).schedule = refuse
server.watch(str(folder / "docs"))
server.watch(str(other))
server.observer.start()
time.sleep(0.3)
page.read_text(encoding="utf-8")  # what every rebuild does: no rebuild for that
after_read = wait(server, 0.5)
page.write_text("# 页面\n\n改过。\n", encoding="utf-8")
after_save = wait(server, 3.0)
server.observer.stop()
print(json.dumps({"native": native, "observer": type(server.observer).__name__,
                  "after_read": after_read, "after_save": after_save}))
"""


def _run(tmp_path: Path, mode: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), mode], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify: Linux only")
def test_a_save_is_heard_at_once_and_reading_starts_no_rebuild(tmp_path: Path) -> None:
    found = _run(tmp_path, "ok")
    assert found["native"] == "ChangesObserver" and found["observer"] == "ChangesObserver"
    assert found["after_read"] is None  # a rebuild reads every page: that must not start the next
    # Polling notices a save 0-0.5 s later (plus its scan); file events within a few milliseconds.
    assert found["after_save"] is not None and found["after_save"] < 0.25, found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify: Linux only")
def test_a_folder_inotify_cannot_watch_falls_back_to_polling_everything(tmp_path: Path) -> None:
    found = _run(tmp_path, "fail")
    assert found["native"] == "ChangesObserver" and found["observer"] == "PollingObserver"
    assert found["after_read"] is None
    assert found["after_save"] is not None, found  # the first folder, moved to the polling observer
