"""LINK-TARGET: every link written in a published page is relative (the portal may be
deployed under a sub-path) and leads to a file the site will have: a page of ``docs/`` or one a domain generates (cases, lessons, school pages,
tips, listings, downloads). A link to a draft case, a retired one or a missing page is
an error at the link, found by scripts/check.py before MkDocs warns in English.

LINK-ANCHOR: anchors are known only once pages are rendered, so MkDocs' own validation
finds them (``validation.anchors: warn`` in mkdocs.yml); :func:`anchor_problem` turns its
finding into a problem at the link (the compat patch ``anchor-messages`` calls it)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from macros.core.markdown import FENCE, line_col
from macros.core.messages import message as say
from macros.core.problems import Problem
from macros.core.yamlload import read_text, split_front_matter

if TYPE_CHECKING:
    from macros.core.registry import Project

RULE = "LINK-TARGET"
ANCHOR_RULE = "LINK-ANCHOR"
# [text](target "title") and reference definitions [id]: target
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _scannable(text: str) -> str:
    """The text with code (fenced and inline) and macros blanked out, positions kept."""
    lines = text.split("\n")
    fenced = False
    for i, line in enumerate(lines):
        if FENCE.match(line):
            fenced = not fenced
            lines[i] = " " * len(line)
        elif fenced:
            lines[i] = " " * len(line)
    text = "\n".join(lines)
    text = _MACRO.sub(_blank, text)
    return _CODE_SPAN.sub(_blank, text)


def _written_links(text: str) -> list[tuple[int, str]]:
    """(offset, target) of every link written in a Markdown text, same-page ``#anchor`` links
    and other sites' addresses included (front matter, code and macros left out)."""
    body = split_front_matter(text)[1]
    head = len(text) - len(body)  # the front matter, as the loader reads it: blanked, positions kept
    scan = _scannable(re.sub(r"[^\n]", " ", text[:head]) + body)
    found = [(m.start(1), m.group(1)) for m in _INLINE.finditer(scan)]
    found += [(m.start(1), m.group(1)) for m in _REFERENCE.finditer(scan)]
    return sorted(found)


def link_targets(text: str) -> list[tuple[int, str]]:
    """(offset, target) of every relative link in a Markdown text (front matter left out)."""
    return [
        (offset, target)
        for offset, target in _written_links(text)
        if not _SCHEME.match(target) and not target.startswith(("#", "//"))
    ]


def resolve(src_uri: str, target: str) -> str:
    """The site path a relative link from the page ``src_uri`` points to (anchor and query removed)."""
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))


def site_files(project: Project) -> tuple[set[str], dict[str, str]]:
    """Every path the site will have, and the site path of each published source file
    (one walk a build: the pre-build check and every broken anchor after rendering ask)."""
    return project.once("link-site-files", lambda: _walk_site_files(project))


def _walk_site_files(project: Project) -> tuple[set[str], dict[str, str]]:
    files: set[str] = set()
    sources: dict[str, str] = {}
    for path in project.docs_dir.rglob("*"):  # one walk of docs/ for both
        if path.is_file():
            rel = path.relative_to(project.docs_dir).as_posix()
            files.add(rel)
            if path.suffix == ".md":
                sources[str(path)] = rel
    for page in project.generated_pages():
        files.add(page.src_uri)
        if page.abs_src_path is not None and page.src_uri.endswith(".md"):
            sources[str(page.abs_src_path)] = page.src_uri
    return files, sources


def _exists(target: str, files: set[str]) -> bool:
    if target in files:
        return True
    # A folder link (``../lesson/``) or a page written without .md both reach a page's index.
    stem = target.rstrip("/")
    return f"{stem}/index.md" in files or f"{stem}.md" in files or stem in ("", ".")


def check_links(project: Project) -> list[Problem]:
    _files, sources = site_files(project)
    problems: list[Problem] = []
    for source in sorted(sources):
        # One value per page: under `mkdocs serve` a saved page is checked again alone.
        problems += project.once_each("links.page", _page_links, source)
    return problems


def _page_links(project: Project, source: str) -> list[Problem]:
    files, sources = site_files(project)
    src_uri = sources[source]
    path = Path(source)
    problems: list[Problem] = []
    # Through the loader's checks: a named pipe called x.md would block a plain read forever.
    text, _ = read_text(path, project.display(path), page=True, root=project.root)
    if text is not None:  # else reported by the loader
        for offset, target in link_targets(text):
            if target.startswith("/"):
                message = f"链接“{target}”是绝对地址：门户可能部署在子目录下，请写相对链接（如 ../policies/index.md）"
            else:
                site_path = resolve(src_uri, target)
                if not site_path.startswith("..") and _exists(site_path, files):
                    continue
                message = f"链接“{target}”指向的页面或文件不存在（{site_path}）；草稿、审核中或已下线的案例不会发布"
            line, col = line_col(text, offset)
            problems.append(Problem(project.display(path), line, col, message, rule=RULE))
    return problems


def anchor_problem(project: Project, src_uri: str, link: str, target: str, anchor: str) -> Problem:
    """LINK-ANCHOR: the page ``src_uri`` links (``link``) to ``#anchor`` of ``target``, which
    has no such anchor. Reported at the link in the page's source; at its first line when
    the link is not written there (a macro made it)."""
    _files, sources = site_files(project)
    by_uri = {uri: source for source, uri in sources.items()}
    source = by_uri.get(src_uri)
    shown = project.display(Path(source)) if source else src_uri
    line = col = 1
    if source:
        read, _ = read_text(Path(source), shown, page=True, root=project.root)
        text = read or ""
        for offset, found in _written_links(text):
            if found == link or unquote(found) == unquote(link):
                line, col = line_col(text, offset)
                break
    where = "本页" if target == src_uri else f"页面 {target} "
    return Problem(
        shown,
        line,
        col,
        say("linkcheck.anchor-problem", link=link, anchor=anchor, where=where),
        rule=ANCHOR_RULE,
    )
