"""A handbook's print view: every chapter on one page (or a few parts of a long
handbook), with a table of contents and a page break per chapter; excluded from search."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from macros.core.config import LAYOUT
from macros.core.escaping import md_esc
from macros.core.links import relative_link
from macros.core.markdown import FENCE
from macros.core.pages import GeneratedPage
from macros.handbook.handbooks import Chapter, Handbook, project_handbooks

if TYPE_CHECKING:
    from macros.core.registry import Project


def demote_headings(body: str, levels: int = 1) -> str:
    """Every ATX heading one level down (outside code fences); the chapter's own ``# title`` is dropped."""
    out, fenced, dropped = [], False, False
    for line in body.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := re.match(r"^(#{1,6})(\s)", line)):
            if m.group(1) == "#" and not dropped:
                dropped = True
                continue
            line = "#" * min(len(m.group(1)) + levels, 6) + line[len(m.group(1)) :]
        out.append(line)
    return "\n".join(out)


def chapter_anchor(chapter: Chapter) -> str:
    return f"hb-ch-{chapter.number}"


# A print page holds at most this many bytes of chapter Markdown (UTF-8), so its HTML stays
# under the 80 KB page budget (docs/about/performance.md); a longer handbook is printed in
# parts, each a whole number of chapters: print/ (part 1, with the full contents), print-2/ …
PRINT_BUDGET = LAYOUT.print_budget


def print_parts(handbook: Handbook, budget: int = PRINT_BUDGET) -> list[tuple[Chapter, ...]]:
    """The chapters in as few consecutive parts as keep each within ``budget`` (a chapter
    longer than that is a part of its own), the parts as even in size as possible."""
    chapters = handbook.chapters
    sizes = [len(c.body.encode("utf-8")) for c in chapters]
    if not chapters or sum(sizes) <= budget:
        return [tuple(chapters)]
    for count in range(-(-sum(sizes) // budget), len(chapters) + 1):
        bounds = list(zip([0, *_even_cuts(sizes, count)], [*_even_cuts(sizes, count), len(chapters)], strict=True))
        if all(j - i == 1 or sum(sizes[i:j]) <= budget for i, j in bounds):
            return [tuple(chapters[i:j]) for i, j in bounds]
    return [(c,) for c in chapters]


def _even_cuts(sizes: list[int], count: int) -> list[int]:
    """Where to cut ``sizes`` into ``count`` consecutive runs with the smallest largest run."""
    n = len(sizes)
    prefix = [0]
    for size in sizes:
        prefix.append(prefix[-1] + size)
    # best[k][i]: (largest run, cuts) for the first i sizes in k runs
    best: list[dict[int, tuple[int, list[int]]]] = [{0: (0, [])}]
    for k in range(1, count + 1):
        row: dict[int, tuple[int, list[int]]] = {}
        for i in range(k, n - (count - k) + 1):
            options = [
                (max(best[k - 1][j][0], prefix[i] - prefix[j]), best[k - 1][j][1] + ([j] if j else []))
                for j in range(k - 1, i)
                if j in best[k - 1]
            ]
            row[i] = min(options, key=lambda o: o[0])
        best.append(row)
    return best[count][n][1]


def print_uri(handbook: Handbook, number: int) -> str:
    """Source path of print part ``number`` (from 1): print.md, then print-2.md … (beside the
    chapters, so the relative links in their text resolve unchanged)."""
    return handbook.print_uri if number == 1 else handbook.print_uri.replace(".md", f"-{number}.md")


def print_markdown(handbook: Handbook, number: int = 1, budget: int = PRINT_BUDGET) -> str:
    """Print part ``number`` of the handbook (the whole handbook when it is short): the
    contents (part 1), then each chapter after a print page break."""
    from macros.core.pagination import pager

    parts = print_parts(handbook, budget)
    chapters = parts[number - 1]
    here = print_uri(handbook, number)
    n = len(handbook.chapters)
    whole = len(parts) == 1
    label = "打印版" if whole else f"打印版·第 {number} 部分"
    if whole:
        note = f"本页按顺序收录本手册全部 {n} 章，供打印或在浏览器中“打印 → 另存为 PDF”；每章从新的一页开始。"
    else:
        links = "、".join(
            f"第 {k} 部分" if k == number else f"[第 {k} 部分]({relative_link(here, print_uri(handbook, k))})"
            for k in range(1, len(parts) + 1)
        )
        note = (
            f"本手册共 {n} 章，分 {len(parts)} 个部分打印（{links}）；本页是第 {number} 部分，"
            f"收录第 {chapters[0].number}–{chapters[-1].number} 章。每章从新的一页开始。"
        )
    out = [
        "---",
        f"title: {_yaml_str(f'{handbook.title}（{label}）')}",
        "render_macros: true",
        "glossary_tooltips: false",
        "print_view: true",
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# {md_esc(handbook.title)}（{label}）",
        "",
        '<div class="handbook-print-note" markdown>',
        note + md_esc(handbook.source_note),
        "</div>",
        "",
    ]
    if number == 1:
        part_of = {c.number: k for k, part in enumerate(parts, 1) for c in part}
        out += ['<nav class="handbook-toc" aria-label="本手册目录" markdown>', "", "**目录**", ""]
        for i, c in enumerate(handbook.chapters, 1):
            page = "" if part_of[c.number] == 1 else relative_link(here, print_uri(handbook, part_of[c.number]))
            out.append(f"{i}. [{md_esc(c.title)}]({page}#{chapter_anchor(c)})")
        out += ["", "</nav>", ""]
    for chapter in chapters:
        out += [
            f"## 第{chapter.number}章　{md_esc(chapter.title)} {{ #{chapter_anchor(chapter)} .handbook-chapter }}",
            "",
            demote_headings(chapter.body).strip("\n"),
            "",
        ]
    out.append(
        pager(
            handbook.print_uri, number, len(parts), lambda _base, k: print_uri(handbook, k), ("上一部分", "下一部分"), "打印部分"
        )
    )
    return "\n".join(out).rstrip("\n") + "\n"


_LINK_TITLE = re.compile(r'(<a\s[^>]*?)\stitle="[^"]*"')


def render_print_content(meta: dict, html: str) -> str | None:
    """A print view drops the hover titles of its links (the clause text of every citation):
    nothing to hover on paper, and they would double the page. Other pages: None."""
    if not meta.get("print_view"):
        return None
    return _LINK_TITLE.sub(r"\1", html)


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def print_pages(project: Project) -> list[GeneratedPage]:
    """COLLECTIONS entry: the print view of every handbook (one page, or one per part)."""
    from macros.core.pages import GeneratedPage

    return [
        GeneratedPage(print_uri(h, number), content=print_markdown(h, number))
        for h in project_handbooks(project)
        for number in range(1, len(print_parts(h)) + 1)
    ]
