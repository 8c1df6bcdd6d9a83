"""The portal's own browser scripts as shipped: comments and layout whitespace removed.

The source in ``docs/assets/portal/`` keeps its JSDoc types and comments (tsc and ESLint read
them); a phone does not need them. When the build collects its files, each of our scripts is
shrunk by rjsmin (pinned in requirements.txt), file by file: no bundling, every module stays a
module with the same imports and exports, so the browser tests run the shipped code. It then
ships under a content-hashed name (:mod:`macros.core.assetnames`, applied by
``macros/glue/assets.py``). tests/test_script_bytes.py checks that the shipped code has the same
tokens as the source and that no page's scripts grow past their recorded size. rjsmin reads a template
literal as one string up to the next backtick, so a template nested inside another's ``${…}`` would
be cut wrongly: none is written in our code, and that token test would catch it.
"""

from __future__ import annotations

import posixpath
from fnmatch import fnmatchcase
from pathlib import Path

import rjsmin

# Ours, as the site lays them out: the modules (docs/assets/portal/) and the search worker
# that overrides/ puts beside Material's scripts. Material's own files are minified already.
OUR_SCRIPTS = ("assets/portal/*.js", "assets/javascripts/portal-*.js")


def shrink(source: str) -> str:
    """``source`` without comments and layout whitespace; strings, templates and regular
    expressions untouched."""
    return rjsmin.jsmin(source, keep_bang_comments=False).strip() + "\n"


def matches(path: str, patterns: tuple[str, ...]) -> bool:
    """Whether the site path matches one of ``patterns`` (``*`` within one folder)."""
    folder, name = posixpath.split(path)
    return any(folder == posixpath.dirname(p) and fnmatchcase(name, posixpath.basename(p)) for p in patterns)


def is_ours(path: str) -> bool:
    """Whether the site path is one of our scripts (:data:`OUR_SCRIPTS`)."""
    return matches(path, OUR_SCRIPTS)


def shipped_scripts(site_dir: Path) -> list[Path]:
    return sorted(path for pattern in OUR_SCRIPTS for path in site_dir.glob(pattern))
