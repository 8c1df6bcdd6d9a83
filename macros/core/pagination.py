"""Long listings split into pages, so no page grows with the number of schools or cases.

A listing stays on one page while it is short (the shipped sample content);
past a size it becomes an overview that links to one page per group, and a
group longer than one page is numbered: page 1 at ``<base>.md``, page n at
``<base>/<n>.md`` (addresses ``…/<base>/`` and ``…/<base>/<n>/``). Pages
here are plain Markdown strings; the collections turn them into files.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from typing import TypeVar

from macros.core.links import relative_link

T = TypeVar("T")


def paginate(items: Sequence[T], per_page: int) -> list[list[T]]:
    """``items`` in as few pages of at most ``per_page`` as possible, evenly filled (102 schools
    at 100 a page are two pages of 51, not 100 and 2); an empty listing is one empty page."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    count = max(1, -(-len(items) // per_page))
    size, extra = divmod(len(items), count)
    pages, start = [], 0
    for number in range(count):
        end = start + size + (1 if number < extra else 0)
        pages.append(list(items[start:end]))
        start = end
    return pages


def page_range(pages: list[list[T]], number: int) -> str:
    """“本页第 51–100 个”-style range of page ``number`` (from 1): first and last position."""
    first = sum(len(p) for p in pages[: number - 1]) + 1
    return f"{first}–{first + len(pages[number - 1]) - 1}"


def page_uri(base: str, number: int) -> str:
    """Source path of page ``number`` (from 1) of the listing whose first page is ``base`` (ends in .md)."""
    if number == 1:
        return base
    return f"{base.removesuffix('.md')}/{number}.md"


def pager(
    base: str,
    number: int,
    count: int,
    uri: Callable[[str, int], str] = page_uri,
    words: tuple[str, str] = ("上一页", "下一页"),
    label: str = "分页",
) -> str:
    """上一页 / page numbers / 下一页, as Markdown for page ``number`` of ``count``; empty for one page.
    ``uri(base, n)`` is the source path of page n; ``label`` names the navigation landmark
    (give each pager on a page its own)."""
    if count <= 1:
        return ""
    here = uri(base, number)

    def link(n: int, text: str) -> str:
        return f"[{text}]({relative_link(here, uri(base, n))})"

    parts = [link(number - 1, words[0])] if number > 1 else []
    for n in range(1, count + 1):
        parts.append(f'<span aria-current="page">{n}</span>' if n == number else link(n, str(n)))
    if number < count:
        parts.append(link(number + 1, words[1]))
    return f'<nav class="listing-pager" aria-label="{label}" markdown>\n{"　".join(parts)}\n</nav>\n'


def front_matter(title: str, search: bool = False) -> str:
    """Front matter of a generated listing page: no glossary tooltips (entries only repeat
    summaries), and out of the search index unless ``search`` (each entry has its own page)."""
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "glossary_tooltips: false"]
    if not search:
        lines += ["search:", "  exclude: true"]
    return "\n".join(lines + ["---", "", ""])


def page_title(title: str, number: int, count: int) -> str:
    return f"{title}（第 {number} 页，共 {count} 页）" if count > 1 else title


def text_slug(text: str, prefix: str) -> str:
    """A stable, URL-safe slug for a Chinese name: ``prefix`` and 8 hex digits of its SHA-1.
    The same name always gives the same slug; it does not depend on the other names."""
    return f"{prefix}{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"
