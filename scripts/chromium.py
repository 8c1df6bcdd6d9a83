"""Debian's Chromium as the tests, the search evaluation and the Lighthouse benchmark launch it.

One place for the path and the flags: never Playwright's own browser download
(``playwright install``), no sandbox (CI runs as root), nothing that phones home.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
