"""A teacher's Word write-up as a case draft (``scripts/import_case.py``).

The .docx is read with python-docx: headings become Markdown headings (the first
one, or the document title, is the case title), list paragraphs become list
items, tables become Markdown tables, other paragraphs stay paragraphs. The draft
gets the front matter skeleton of a case with ``status: draft``, so the
anonymisation gate reports its findings as warnings until the trainer fixes them.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

_HEADING = re.compile(r"^(?:Heading|标题)\s*(\d)$")


def _level(paragraph: Paragraph) -> int | None:
    name = paragraph.style.name if paragraph.style is not None else ""
    if name in ("Title", "标题"):
        return 0
    m = _HEADING.match(name)
    return int(m.group(1)) if m else None


def _is_list(paragraph: Paragraph) -> bool:
    name = paragraph.style.name if paragraph.style is not None else ""
    return "List" in name or "列表" in name or paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\n", " ").strip()


def _table(table: Table) -> list[str]:
    rows = [[_cell(c.text) for c in row.cells] for row in table.rows]
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return lines + [""]


def docx_to_markdown(path: Path) -> tuple[str, str]:
    """The title and the Markdown body (without the title) of a .docx write-up."""
    document = open_docx(str(path))
    title = (document.core_properties.title or "").strip()
    blocks: list[tuple[str, int | None, object]] = []  # ("p", heading level, paragraph) or ("t", None, table)
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            blocks.append(("t", None, Table(child, document)))
        elif tag == "p":
            paragraph = Paragraph(child, document)
            if paragraph.text.strip():
                level = _level(paragraph)
                if level is not None and not title:
                    title = paragraph.text.strip()
                    continue
                blocks.append(("p", level, paragraph))
    levels = [level for kind, level, _ in blocks if level is not None]
    top = min(levels, default=1)
    lines: list[str] = []
    for kind, level, item in blocks:
        if lines and lines[-1].startswith("- ") and not (kind == "p" and _is_list(item)):
            lines.append("")
        if kind == "t":
            lines += _table(item)
            continue
        text = item.text.strip()
        if level is not None:
            lines += [f"{'#' * min(level - top + 2, 4)} {text}", ""]
        elif _is_list(item):
            lines.append(f"- {text}")
        else:
            lines += [text, ""]
    if not title:
        first = next((i for i, line in enumerate(lines) if line and not line.startswith(("#", "-", "|"))), None)
        if first is not None:
            title = lines.pop(first)
    return title or path.stem, "\n".join(lines).strip() + "\n"


def _yaml_text(value: str) -> str:
    """A plain or quoted YAML scalar for ``value``."""
    if re.search(r"[:#\[\]{}&*!|>'\"%@`,]|^[-?\s]|\s$", value):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def draft_markdown(case_id: str, title: str, body: str) -> str:
    """The draft case: front matter skeleton (to be completed by the trainer) and the body."""
    return (
        "---\n"
        f"id: {case_id}\n"
        f"title: {_yaml_text(title)}\n"
        "sample: false\n"
        "stage: 初中  # 待确认：小学、初中、高中、九年一贯制、中职\n"
        "themes: [家访]  # 待确认：取自主题词表 data/themes.yml\n"
        "key_tasks: []\n"
        "status: draft\n"
        "summary: 草稿：（待填写：一两句话的概要，不超过 120 字）\n"
        "pseudonyms: []\n"
        "questions:\n"
        "  - （待填写：供研讨的问题）\n"
        "---\n\n"
        f"# {title}\n\n"
        f"{body}"
    )
