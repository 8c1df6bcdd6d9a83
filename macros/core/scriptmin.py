"""The portal's own browser scripts as shipped: comments and layout whitespace removed.

The source in ``docs/assets/portal/`` keeps its JSDoc types and comments (tsc and ESLint read
them); a phone does not need them. After the build each of our scripts in the output is
rewritten by rjsmin (pinned in requirements.txt), file by file: no bundling, no renaming, every
module stays a module with the same imports and exports, so the browser tests run the shipped
code. tests/test_script_bytes.py checks that the shipped code has the same tokens as the
source and that no page's scripts grow past their recorded size. rjsmin reads a template
literal as one string up to the next backtick, so a template nested inside another's ``${…}`` would
be cut wrongly: none is written in our code, and that token test would catch it.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin

# Ours, as the site lays them out: the modules (docs/assets/portal/) and the search worker
# that overrides/ puts beside Material's scripts. Material's own files are minified already.
OUR_SCRIPTS = ("assets/portal/*.js", "assets/javascripts/portal-*.js")


def shrink(source: str) -> str:
    """``source`` without comments and layout whitespace; strings, templates and regular
    expressions untouched."""
    return rjsmin.jsmin(source, keep_bang_comments=False).strip() + "\n"


def shipped_scripts(site_dir: Path) -> list[Path]:
    return sorted(path for pattern in OUR_SCRIPTS for path in site_dir.glob(pattern))


def shrink_site_scripts(site_dir: Path) -> list[Path]:
    """Rewrite our scripts in the built ``site_dir`` (a second run changes nothing); returns
    the files rewritten, so that ``make serve`` can tell its next rebuild they are its own."""
    rewritten = []
    for path in shipped_scripts(site_dir):
        text = path.read_text(encoding="utf-8")
        small = shrink(text)
        if small != text:
            path.write_text(small, encoding="utf-8")
            rewritten.append(path)
    return rewritten
