"""A school plan as a Word document in the portal's house style (GB/T 9704-like,
see :mod:`macros.documents.docx_common`): title in 方正小标宋简体 二号, first-level
headings in 黑体 三号, second-level in 楷体 三号, body in 仿宋 三号, A4 with
37/35/28/26 mm margins and “— n —” page numbers; the school's name as 落款.

Built in code (see README, 一校一策): the WordprocessingML is written directly by
:mod:`macros.documents.wordml` in the house style of :mod:`macros.documents.docx_common`, and every
run names its East Asian font. All text is inserted as escaped text, never
parsed, so markup in the data stays literal.
"""

from __future__ import annotations

from macros.documents.docx_common import (
    SIZE_TITLE,
    TEXT_WIDTH_MM,
    Document,
    add_heading,
    add_table,
    add_text,
    add_title,
    document_bytes,
    new_document,
)
from macros.plans.plan_document import TITLE_SUFFIX, Block, plan_sections, plan_title

SAMPLE_NOTE = "（示例：学校名称和内容均为虚构）"
# Characters of the title (二号, 22 pt, full width) on one line between the margins: 20.
TITLE_CHARS = int(TEXT_WIDTH_MM / (SIZE_TITLE * 25.4 / 72))


# Where a school's name may break: after the words that end a part of it (上海市|闵行区|…大学|
# …中学). Not after 附属 or 实验, which belong to the word after them (附属中学). No dictionary
# is loaded for it (jieba's costs a hundred megabytes): a list this short reads school names.
# fmt: off
NAME_WORDS = ("省", "市", "区", "县", "镇", "乡", "街道", "大学", "学院", "中学", "小学", "学校", "分校", "校区", "幼儿园")
# fmt: on


def title_lines(name: str) -> list[str]:
    """The title as lines that Word never breaks inside a word (it would: “…工作实 / 施方案”).
    A title that does not fit one line breaks between the school's name and 全员导师制工作实施方案;
    a name too long for one line breaks after one of its words (:data:`NAME_WORDS`), near its middle."""
    if len(name) + len(TITLE_SUFFIX) <= TITLE_CHARS:
        return [name + TITLE_SUFFIX]
    if len(name) <= TITLE_CHARS:
        return [name, TITLE_SUFFIX]
    ends = sorted({at + len(word) for word in NAME_WORDS for at in _find_all(name, word)} - {len(name)})
    fitting = [e for e in ends if e <= TITLE_CHARS and len(name) - e <= TITLE_CHARS]
    if not fitting:
        return [name, TITLE_SUFFIX]
    cut = min(fitting, key=lambda e: abs(e - len(name) / 2))
    return [name[:cut], name[cut:], TITLE_SUFFIX]


def _find_all(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _block(doc: Document, block: Block) -> None:
    if block.kind == "p":
        for line in (x.strip() for x in block.text.split("\n")):
            if line:
                add_text(doc, line)
    elif block.kind == "h":
        add_heading(doc, block.text, level=2)
    elif block.kind == "list":
        for n, item in enumerate(block.items, start=1):
            add_text(doc, f"{n}. {item}")
    elif block.kind == "table":
        add_table(doc, block.header, block.rows)


def plan_docx(plan: dict) -> bytes:
    """The plan as .docx bytes."""
    title = plan_title(plan)
    doc = new_document(title, "全员导师制工作学校实施方案（一校一策）")
    if not plan.get("sample"):
        doc.author = str(plan.get("name", ""))
    add_title(doc, "\n".join(title_lines(str(plan.get("name", "")))), SAMPLE_NOTE if plan.get("sample") else "")
    for n, section in enumerate(plan_sections(plan), start=1):
        add_heading(doc, section.numbered(n), level=1)
        for block in section.blocks:
            _block(doc, block)
    add_text(doc, "", indent=False)
    add_text(doc, str(plan.get("name", "")), align="right", indent=False)  # 落款
    return document_bytes(doc)
