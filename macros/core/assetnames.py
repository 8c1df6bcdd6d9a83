"""Content-hashed file names for the portal's own stylesheets and scripts (#27).

Material's files carry a hash of their content in their names (``bundle.a5f9d56c.min.js``), so a
browser, nginx (README “部署”: 30 days for hashed names) and the offline service worker (cache
first) may keep them as long as they like: a changed file is a new address. The portal's own
files get the same: ``assets/portal.css`` ships as ``assets/portal.3f2a9c1e.css``,
``assets/portal/main.js`` as ``assets/portal/main.8b1d04aa.js``.

A name derives only from the shipped bytes, so an unchanged file keeps its name from build to
build (warm = cold), and a changed one gets a new name. The files name each other (ES module
imports, ``import()``, ``importScripts``, ``require``, the editor's vendor scripts, ``url()`` in
a stylesheet): every such reference is rewritten to the other file's hashed name *before* the
file is hashed, so the files are hashed in dependency order and a change to ``dom.js`` renames
``dom.js`` and every module that imports it, up to ``main.js``, and no other file. That is chosen
over an import map because an import map would have to be inlined into every page before any
module (and into the SCORM package's page), works in no worker (the search worker and the
service worker load scripts by name) and is missing from the older browser cores teachers' and
schools' phones and PCs still run (Safari before 16.4, older Android WebViews); rewritten
specifiers work wherever the modules work. A cycle of references cannot be hashed this way and
is reported (no module of the portal imports another in a cycle).

Pure functions over ``{site path: text}``; the glue (``macros/glue/assets.py``) applies them to
MkDocs' files, and :func:`shipped` tells the rest of the build the name a file ships under.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from macros.build import session
from macros.core.scriptmin import matches

# The portal's own files, as the site lays them out: its stylesheets, its modules
# (docs/assets/portal/), the search worker overrides/ puts beside Material's scripts, and the
# editor's vendored libraries (assets/vendor/, copied from pinned npm packages). Material's own
# files are hashed already; icons and images are not scripts or styles and keep their names.
OURS = ("assets/*.css", "assets/portal/*.js", "assets/javascripts/portal-*.js", "assets/vendor/*.js")
DIGITS = 8  # as Material's: one nginx rule and one service-worker rule match both
# A hashed name: the hash before the extension (main.8b1d04aa.js, js-yaml.min.0c1d2e3f.js).
HASHED = re.compile(r"\.[0-9a-f]{8}\.(?:js|css)$")
# A relative address in a string literal of a script (import, import(), importScripts,
# require, the editor's loadScript) or in a stylesheet's url() and @import.
_JS_STRING = re.compile(r"""(["'])(\.{1,2}/[^"'\s\\`]+)\1""")
_CSS_REF = re.compile(r"""(url\(\s*["']?|@import\s+["'])(\.{0,2}/?[^"')\s:]+)""")


class AssetCycle(ValueError):
    """Files that reference each other in a circle: no order to hash them in."""


@dataclass(frozen=True)
class Shipped:
    name: str  # the site path it ships under
    text: str  # its content, references rewritten to the others' shipped names


def is_ours(path: str) -> bool:
    """Whether the site path is one of the portal's own files (:data:`OURS`)."""
    return matches(path, OURS)


def hashed_name(path: str, text: str) -> str:
    """``path`` with the first digits of the SHA-256 of ``text`` before its extension."""
    stem, ext = posixpath.splitext(path)
    return f"{stem}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:DIGITS]}{ext}"


def _references(path: str, text: str, known: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, target) of every relative address in ``text`` naming another file of ``known``."""
    pattern, group = (_CSS_REF, 2) if path.endswith(".css") else (_JS_STRING, 2)
    out = []
    for m in pattern.finditer(text):
        spec = m.group(group).split("?")[0].split("#")[0]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), spec))
        if target in known and target != path:
            out.append((m.start(group), m.start(group) + len(spec), target))
    return out


def _order(graph: dict[str, list[str]]) -> list[str]:
    """The files, each after the files it references (depth first, by name: deterministic)."""
    done: list[str] = []
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(node: str, trail: list[str]) -> None:
        if state.get(node) == 2:
            return
        if state.get(node) == 1:
            loop = [*trail[trail.index(node) :], node]
            raise AssetCycle("assets reference each other in a cycle: " + " -> ".join(loop))
        state[node] = 1
        for dep in sorted(set(graph[node])):
            visit(dep, [*trail, node])
        state[node] = 2
        done.append(node)

    for node in sorted(graph):
        visit(node, [])
    return done


def fingerprint(sources: dict[str, str]) -> dict[str, Shipped]:
    """Each file of ``sources`` (site path -> shipped text) under its hashed name, with its
    references to the others rewritten to their hashed names (relative, as written)."""
    known = set(sources)
    refs = {path: _references(path, text, known) for path, text in sources.items()}
    out: dict[str, Shipped] = {}
    for path in _order({p: [t for _, _, t in r] for p, r in refs.items()}):
        text = sources[path]
        for start, end, target in sorted(refs[path], reverse=True):
            head, slash, _ = text[start:end].rpartition("/")
            text = text[:start] + head + slash + posixpath.basename(out[target].name) + text[end:]
        out[path] = Shipped(hashed_name(path, text), text)
    return out


def original_name(name: str) -> str:
    """The source's site path of a shipped name (``assets/portal/main.8b1d04aa.js`` -> ``…/main.js``)."""
    m = HASHED.search(name)
    return name[: m.start()] + name[m.start() + 1 + DIGITS :] if m else name


# -- the running build -------------------------------------------------------------------


def _names() -> dict[str, str]:
    return session.current().per_build("asset-names", dict)


def record(names: dict[str, str]) -> None:
    """This build's names (source site path -> shipped site path), set by the glue."""
    _names().clear()
    _names().update(names)


def names() -> dict[str, str]:
    """This build's names; empty when the files were not renamed (no MkDocs hooks ran)."""
    return dict(_names())


def shipped(path: str) -> str:
    """The site path ``path`` ships under in this build (itself if it was not renamed)."""
    return _names().get(path, path)


def shipped_in(site_dir: Path, path: str) -> str:
    """The site path ``path`` ships under in the built ``site_dir``: this build's name while a
    build runs, else the one file there whose name is ``path`` with a hash (a site read after
    its build: tests, scripts); ``path`` itself when there is none or more than one."""
    if path in _names():
        return _names()[path]
    stem, ext = posixpath.splitext(path)
    found = [
        p.relative_to(site_dir).as_posix()
        for p in site_dir.joinpath(posixpath.dirname(path)).glob(posixpath.basename(stem) + ".*" + ext)
        if original_name(p.relative_to(site_dir).as_posix()) == path
    ]
    return found[0] if len(found) == 1 else path
