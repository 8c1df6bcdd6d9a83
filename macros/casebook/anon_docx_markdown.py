"""Blocks as Markdown: 申报表 forms as headed sections, data tables, lists (:mod:`anon_import`)."""

from __future__ import annotations

import re

from macros.casebook.anon_docx_reader import _blocks_text, _plain
from macros.casebook.anon_docx_xml import Block, Cell, Para, Quote, Table

# -- forms and tables ------------------------------------------------------------------

_FORM_LABEL = re.compile(
    r"名称|题目|标题|背景|过程|经过|反思|成效|效果|做法|措施|描述|分析|启示|体会|摘要|概要|关键词|学段|年级|主题|"
    r"申报|作者|单位|学校|姓名|联系|案例|问题|策略|实施|结果|评价|思考|简介|对象"
)
_TITLE_LABEL = re.compile(r"^(?:案例)?(?:名称|题目|标题)$")


def _cell_text(cell: Cell) -> str:
    return _blocks_text(cell.blocks)


def _label(text: str) -> str:
    """A form label as written in a heading: “案 例 背 景：” → “案例背景”."""
    text = re.sub(r"\s+", "", _plain(text))
    return text.rstrip("：:")


def _is_label(text: str) -> bool:
    text = _label(text)
    return 0 < len(text) <= 12 and not re.search(r"[。！？；，,.]", text)


def _is_long(cell: Cell) -> bool:
    paragraphs = [b for b in cell.blocks if not isinstance(b, Para) or _plain(b.text).strip()]
    return len(paragraphs) > 1 or len(_cell_text(cell)) > 40


def _is_field(cell: Cell) -> bool:
    """A form value short enough to stay on the label's line (学段：初中), not a section of its own."""
    text = _cell_text(cell).strip()
    return not _is_long(cell) and len(text) <= 20 and "\n" not in text and not re.search(r"[。！？；]", text)


def _is_form(table: Table) -> bool:
    pair_rows = [[c for c in row] for row in table.rows if len(row) >= 2]
    if len(pair_rows) < 2:
        return False
    for row in table.rows:
        if len(row) == 1:
            continue
        if len(row) % 2 or not all(_is_label(_cell_text(c)) or c.continued for c in row[0::2]):
            return False
    labels = [_label(_cell_text(c)) for row in pair_rows for c in row[0::2]]
    keyword = sum(1 for label in labels if _FORM_LABEL.search(label))
    first = pair_rows[0]
    header_like = all(len(_cell_text(c)) <= 12 for c in first) and not any(
        _FORM_LABEL.search(_label(_cell_text(c))) for c in first[0::2]
    )
    has_long = any(not _is_field(c) for row in pair_rows for c in row[1::2])
    return not header_like and (keyword >= 2 or keyword >= 1 and has_long)


def _form_title(table: Table) -> str | None:
    for row in table.rows:
        if len(row) >= 2 and _TITLE_LABEL.match(_label(_cell_text(row[0]))) and not _is_long(row[1]):
            return _cell_text(row[1]).strip() or None
    return None


# -- Markdown ----------------------------------------------------------------------------

_LIST_ITEM = re.compile(r"^\s*(?:-|\d+\.) ")
_BLOCK_START = re.compile(r"^(#|>|[-+*]\s|\d+[.)]\s|\||=+$|-{3,}$|`{3})")


def _escape(text: str) -> str:
    return "\\" + text if _BLOCK_START.match(text) else text


class _Writer:
    def __init__(self, top: int, skip: set[int]) -> None:
        self.top = top
        self.skip = skip  # ids of paragraphs / form rows used as the title
        self.forms = 0
        self.nested = 0
        self.form_sections: list[str] = []

    def blocks(self, blocks: list[Block]) -> list[str]:
        lines: list[str] = []
        for block in blocks:
            if id(block) in self.skip:
                if isinstance(block, Para):
                    lines += self.after(block)
                continue
            if isinstance(block, Para):
                new = self.para(block)
            elif isinstance(block, Quote):
                new = ["> " + line if line else ">" for line in _trim(self.blocks(block.blocks))] + [""]
            else:
                new = self.table(block)
            if lines and lines[-1] and new and new[0] and not (_LIST_ITEM.match(lines[-1]) and _LIST_ITEM.match(new[0])):
                lines.append("")  # a list ends before anything else
            lines += new
        return lines

    def after(self, para: Para) -> list[str]:
        return self.blocks(list(para.after))

    def para(self, para: Para) -> list[str]:
        text = para.text.strip()
        lines: list[str] = []
        if text:
            if para.level is not None:
                level = 2 if para.level == 0 else min(max(para.level - self.top + 2, 2), 4)
                lines = ["#" * level + " " + re.sub(r"\s+", " ", text), ""]
            elif para.list_kind:
                lines = ["    " * para.list_level + para.list_kind + " " + re.sub(r"\s*\n\s*", " ", text)]
            else:
                for piece in text.split("\n"):
                    if piece.strip():
                        lines += [_escape(piece.strip()), ""]
        after = self.after(para)
        if after and lines and lines[-1]:
            lines.append("")
        return lines + after

    def table(self, table: Table) -> list[str]:
        width = max((sum(c.span for c in row) for row in table.rows), default=0)
        if width == 0:
            return []
        if width == 1 or all(len(row) <= 1 for row in table.rows):
            return self.blocks([b for row in table.rows for c in row for b in c.blocks])
        if _is_form(table):
            return self.form(table)
        grid = []
        for row in table.rows:
            cells: list[str] = []
            for c in row:
                cells.append("" if c.continued else self.cell(c))
                cells += [""] * (c.span - 1)
            grid.append(cells + [""] * (width - len(cells)))
        lines = ["| " + " | ".join(grid[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(r) + " |" for r in grid[1:]]
        return lines + [""]

    def cell(self, cell: Cell) -> str:
        parts = []
        for block in cell.blocks:
            if isinstance(block, Table):
                self.nested += 1
                parts.append("；".join("，".join(_cell_text(c) for c in row if _cell_text(c)) for row in block.rows))
            else:
                parts.append(_blocks_text([block]) if not isinstance(block, Para) else block.text)
            if isinstance(block, Para):
                parts += [_blocks_text([q]) for q in block.after]
        text = "<br>".join(p.strip().replace("\n", "<br>") for p in parts if p.strip())
        return text.replace("|", "｜")

    def form(self, table: Table) -> list[str]:
        self.forms += 1
        lines: list[str] = []
        fields: list[str] = []

        def flush() -> None:
            if fields:
                lines.extend(fields + [""])
                fields.clear()

        for number, row in enumerate(table.rows):
            if id(row) in self.skip or not any(_cell_text(c).strip() for c in row):
                continue
            if len(row) == 1:
                flush()
                cell = row[0]
                if number and _is_field(cell):  # a heading row inside the form (the first row is the form's own name)
                    lines += [f"## {_label(_cell_text(cell))}", ""]
                else:
                    lines += _trim(self.blocks(cell.blocks)) + [""]
                continue
            pairs = list(zip(row[0::2], row[1::2], strict=False))
            if len(pairs) == 1 and (not _is_field(pairs[0][1]) or pairs[0][0].continued):
                flush()
                label, content = pairs[0]
                if not label.continued:
                    name = _label(_cell_text(label))
                    self.form_sections.append(name)
                    lines += [f"## {name}", ""]
                lines += _trim(self.blocks(content.blocks)) + [""]
                continue
            for label, content in pairs:
                value = re.sub(r"\s*\n\s*", " ", _plain(self.cell(content)).replace("<br>", " ")).strip()
                if value:
                    fields.append(f"- {_label(_cell_text(label))}：{value}")
        flush()
        return lines


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines
