"""What the service worker precaches (the portal's shell) and the deployment's version.

The shell is chosen by rule from the built site, not listed by hand: the home and offline pages,
the manifest and icons, the stylesheets and the scripts every page may load. The version is a hash
of those files' bytes and of the worker's own code, so any change to what a page runs with is a
new deployment, and nothing else is.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

from macros.core import assetnames

# Site paths (globs) of the shell. Material's search worker, lunr and the source maps are not
# used by the portal's pages; the editor's libraries (assets/vendor/) are cached when opened.
SHELL_GLOBS = (
    "index.html",
    "offline/index.html",
    "manifest.webmanifest",
    "assets/*.css",
    "assets/portal/*.js",
    "assets/stylesheets/*.min.css",
    "assets/javascripts/bundle.*.min.js",
    "assets/javascripts/portal-*.js",
    "assets/images/*",
    "assets/icons/*",
)
# The worker's own code, loaded by sw.js (offline-core.js also by the page's offline-ui.js); it
# ships under content-hashed names (worker_scripts).
WORKER_SCRIPTS = ("assets/portal/offline-core.js", "assets/portal/offline-sw.js")
OFFLINE_PAGE = "offline/"
VERSION_FILE = "offline-version.json"
# Pages read (not downloaded modules): at most this many, this many bytes; the oldest go first.
BUDGET = {"pages": 200, "bytes": 20 * 1024 * 1024}


def worker_scripts() -> list[str]:
    """The site paths of :data:`WORKER_SCRIPTS` in this build (their content-hashed names)."""
    return [assetnames.shipped(script) for script in WORKER_SCRIPTS]


def shell_paths(site_dir: Path) -> list[str]:
    """The shell's site paths, in glob order then by name; directories' pages as ``dir/``."""
    out: list[str] = []
    # The portal's own assets of this build: under `make serve` the site folder still holds the
    # files of the last build, under names their old content gave them, until the build ends.
    current = set(assetnames.names().values())
    for pattern in SHELL_GLOBS:
        for path in sorted(site_dir.glob(pattern)):
            rel = path.relative_to(site_dir).as_posix()
            if not path.is_file() or rel in out or (current and assetnames.is_ours(rel) and rel not in current):
                continue
            out.append("./" if rel == "index.html" else rel.removesuffix("index.html"))
    return out


def _file_of(site_dir: Path, rel: str) -> Path:
    return site_dir / (rel + "index.html" if rel.endswith("/") else rel)


def deployment_version(site_dir: Path, shell: list[str]) -> str:
    """16 hex digits over the shell's paths and bytes and the worker's code."""
    h = hashlib.sha256()
    for rel in [*shell, *worker_scripts()]:
        h.update(rel.encode() + b"\0" + _file_of(site_dir, rel).read_bytes() + b"\0")
    return h.hexdigest()[:16]


def base_path(site_url: str) -> str:
    """The path the site lives under (``/`` or ``/portal/``), from site_url."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def worker_script(version: str, shell: list[str]) -> str:
    """sw.js: the deployment's settings, then the worker's rules and code (content-hashed names:
    a copy an HTTP cache kept is never another deployment's code)."""
    config = {"version": version, "shell": shell, "offline": OFFLINE_PAGE, "versionFile": VERSION_FILE, "budget": BUDGET}
    imports = ", ".join(json.dumps(script) for script in worker_scripts())
    return (
        "// 门户的离线 service worker：构建时写出（macros/offline/），代码在 assets/portal/offline-sw.js，见 README.md“离线阅读”。\n"
        f"self.PORTAL_OFFLINE = {json.dumps(config, ensure_ascii=False)};\n"
        f"importScripts({imports});\n"
    )
