"""A teacher's Word write-up as a case draft (``scripts/import_case.py``).

The .docx is read as a zip of XML parts with lxml (a hardened parser, size
limits), not through python-docx's ``paragraph.text``, which skips tracked
insertions. Tracked changes are taken as Word's "accept all" gives them:
inserted and moved-to text is kept, deleted and moved-from text is not, a
deleted paragraph mark joins its paragraph to the next one.

What becomes of each part of the document (every piece that is not imported is
listed in the import report, and text that could reach the site or holds a risk
is scanned by the anonymisation gate too):

* headings, paragraphs, lists: Markdown headings, paragraphs, list items;
* data tables: Markdown tables (a merged cell once, not repeated);
  two-column 申报表 forms (label | content rows): ``## 背景`` sections,
  one-column tables: plain paragraphs;
* text boxes: a blockquote after the paragraph they are anchored in (a box stored
  both as a DrawingML shape and as its VML fallback is read once);
* footnotes and endnotes: Markdown footnotes (``[^1]``);
* comments, headers and footers, image descriptions, stale document properties:
  not imported, listed in the report and returned for the gate to scan;
* images, charts, embedded objects: not imported, listed for the trainer to check.

The title is the document's own: a paragraph in the Title style, the 案例名称 row
of a form, a short bold or centred line at the top, or the first heading; the
title in the document properties only when there is none (and the report says
so when the two differ, since stale properties often hold a real name).
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

__all__ = ["DocxImport", "DocxImportError", "docx_to_markdown", "draft_markdown", "import_docx"]

from macros.casebook.anon_docx_markdown import _TITLE_LABEL, _cell_text, _is_form, _is_long, _label, _trim, _Writer
from macros.casebook.anon_docx_reader import _blocks_text, _plain, _quote, _Reader
from macros.casebook.anon_docx_xml import Block, DocxImport, DocxImportError, Para, Table, _attr, _child, _Package, _tag

# -- the whole import ------------------------------------------------------------------------


def _core_properties(package: _Package) -> dict[str, str]:
    rels = package.rels("")
    target = next((t for rtype, t, _m in rels.values() if rtype.endswith("/core-properties")), "docProps/core.xml")
    root = package.xml(target)
    found: dict[str, str] = {}
    for el in root if root is not None else []:
        local = etree.QName(el).localname if isinstance(el.tag, str) else ""
        text = (el.text or "").strip()
        if local in ("title", "subject", "keywords", "description") and text:
            found[local] = text
    return found


def _part_paragraphs(reader: _Reader, root: etree._Element, part: str) -> str:
    saved = reader.current, reader.part
    reader.current, reader.part = None, part
    text = _blocks_text(reader.blocks(root))
    reader.current, reader.part = saved
    return text


def _choose_title(blocks: list[Block]) -> tuple[str, str, int | None]:
    """The title, where it came from, and the id of the block (paragraph or form row) it was taken from."""
    paras = [b for b in blocks if isinstance(b, Para) and _plain(b.text).strip()]
    for b in paras:
        if b.level == 0:
            return _plain(b.text).strip(), "文档的标题段落", id(b)
    for b in blocks:
        if isinstance(b, Table) and _is_form(b):
            for row in b.rows:
                if len(row) >= 2 and _TITLE_LABEL.match(_label(_cell_text(row[0]))) and not _is_long(row[1]):
                    value = _cell_text(row[1]).strip()
                    if value:
                        return value, f"申报表的“{_label(_cell_text(row[0]))}”一栏", id(row)
    first_heading = next((i for i, b in enumerate(paras) if b.level is not None), None)
    for i, b in enumerate(paras[:3]):
        if first_heading is not None and i >= first_heading:
            break
        text = _plain(b.text).strip()
        if (b.bold or b.centred) and len(text) <= 40 and not b.list_kind and "\n" not in text:
            return text, "开头加粗或居中的一行", id(b)
    if first_heading is not None:
        b = paras[first_heading]
        return re.sub(r"\s+", " ", _plain(b.text)).strip(), "第一个标题", id(b)
    return "", "", None


# What the report says of each kind of tracked change, in this order.
_REVISIONS = (
    ("ins", "插入的文字 {n} 处已保留（如“{sample}”）"),
    ("mark-ins", "新插入的段落 {n} 个已保留"),
    ("del", "删除的文字 {n} 处没有导入（如“{sample}”）"),
    ("move", "移动的文字 {n} 处按移动后的位置导入"),
    ("mark-del", "删除的段落标记 {n} 处：前后两段已合并"),
    ("row-del", "删除的表格行 {n} 行没有导入"),
)


def import_docx(path: Path) -> DocxImport:
    """Read a .docx write-up: title, Markdown body, the import report and the text kept out of the draft.

    Raises :class:`DocxImportError` (a message for the trainer) when the file cannot be read.
    """
    package = _Package(path)
    try:
        return _import(package, path)
    except RecursionError:
        raise DocxImportError("文件的结构层层嵌套太深，无法导入：文件可能已损坏") from None
    finally:
        package.zip.close()


def _import(package: _Package, path: Path) -> DocxImport:
    reader = _Reader(package)
    root = package.xml(package.main)
    body = _child(root, "w:body") if root is not None else None
    if body is None:
        raise DocxImportError(f"文件中的 {package.main} 没有正文：它可能不是 Word 文档，或者已损坏")
    blocks = reader.blocks(body)
    notes_md: list[str] = []
    index = 0
    while index < len(reader.note_order):
        kind, nid, number = reader.note_order[index]
        index += 1
        reader.current, reader.part = None, "note"
        note_blocks = reader.blocks(reader.notes[kind][nid])
        paragraphs = [p for p in _Writer(1, set()).blocks(note_blocks) if p]
        notes_md.append(f"[^{number}]: " + "\n\n    ".join(paragraphs or ["（空）"]))

    report: list[str] = []
    unimported: list[tuple[str, str]] = []
    to_check = 0

    title, source, title_id = _choose_title(blocks)
    core = _core_properties(package)
    core_title = core.get("title", "")
    if not title and core_title:
        title, source = core_title, "文档属性（正文里没有标题段落；文档属性常是旧稿留下的，请核对）"
    if not title:
        title, source = path.stem, "文件名（正文里没有找到标题，请改成案例的标题）"
    report.append(f"标题：“{title}”，取自{source}。")
    if core_title and re.sub(r"\s+", "", core_title) != re.sub(r"\s+", "", title):
        report.append(
            f"文档属性里的标题是“{core_title}”，和正文的标题不同，没有采用，也不会进入网站"
            "（文档属性常是旧稿留下的，可能含有真实姓名：请在 Word 的“文件 → 信息 → 属性”中删掉）。"
        )
        unimported.append(("文档属性里的标题", core_title))
    for key, name in (("subject", "主题"), ("keywords", "关键词"), ("description", "备注")):
        if core.get(key):
            unimported.append((f"文档属性里的{name}", core[key]))

    heading_levels = [b.level for b in blocks if isinstance(b, Para) and b.level and id(b) != title_id]
    writer = _Writer(min(heading_levels, default=1), {title_id} if title_id is not None else set())
    lines = _trim(writer.blocks(blocks))
    if notes_md:
        lines += ["", *notes_md]
    markdown = "\n".join(lines).strip() + "\n" if lines else ""

    c = reader.counts
    revisions = [template.format(n=c[key], sample=reader.samples.get(key, [""])[0]) for key, template in _REVISIONS if c.get(key)]
    if revisions:
        report.append("修订：按 Word 的“全部接受”导入——" + "；".join(revisions) + "。")
    if reader.textboxes:
        quotes = "、".join(f"“{_quote(t)}”" for t in reader.textboxes[:3])
        report.append(f"文本框 {len(reader.textboxes)} 个：已作为引用段落（以 > 开头）导入正文，放在它所在的段落之后：{quotes}。")
    footnotes = sum(1 for k, _n, _l in reader.note_order if k == "footnotes")
    endnotes = len(reader.note_order) - footnotes
    if footnotes:
        report.append(f"脚注 {footnotes} 条：已作为脚注导入（正文中的 [^1] 等，注文在草稿末尾）。")
    if endnotes:
        report.append(f"尾注 {endnotes} 条：已作为脚注导入（注文在草稿末尾）。")
    for kind, name in (("footnotes", "脚注"), ("endnotes", "尾注")):
        unused = [n for nid, n in reader.notes[kind].items() if (kind, nid) not in reader.note_labels]
        if unused:
            texts = [_part_paragraphs(reader, n, "note") for n in unused]
            report.append(
                f"正文没有引用的{name} {len(unused)} 条：没有导入：" + "、".join(f"“{_quote(t)}”" for t in texts) + "。"
            )
            unimported += [(f"未引用的{name}", t) for t in texts]
    if writer.forms:
        sections = "、".join(writer.form_sections) if writer.form_sections else "各栏"
        report.append(f"申报表 {writer.forms} 个：左栏的栏目名已变成小标题（{sections}），右栏的内容放在小标题下面。")
    if writer.nested:
        report.append(f"表格中的表格 {writer.nested} 个：内容已并入所在的单元格，请核对。")
    if reader.hidden:
        report.append(
            f"隐藏文字 {len(reader.hidden)} 处：在 Word 里看不见，但已导入正文，请检查是否要删掉："
            + "、".join(f"“{_quote(t)}”" for t in reader.hidden[:3])
            + "。"
        )

    comments_root = reader._part("comments")
    comments = [cm for cm in (comments_root if comments_root is not None else []) if _tag(cm) == "w:comment"]
    if comments:
        report.append(f"批注 {len(comments)} 条：没有导入（批注是审阅意见，不属于案例），也做了匿名化检查：")
        for number, comment in enumerate(comments, 1):
            text = _part_paragraphs(reader, comment, "comment")
            anchor = "".join(reader.comment_anchor.get(_attr(comment, "id") or "", [])).strip()
            where = f"（批在“{_quote(anchor, 16)}”上）" if anchor else ""
            report.append(f"  批注 {number}{where}：“{_quote(text, 60)}”")
            unimported.append((f"批注 {number}", text))
    for kind, name in (("header", "页眉"), ("footer", "页脚")):
        texts = []
        for _target, part in reader.parts(kind):
            text = _part_paragraphs(reader, part, "header").strip()
            if text and text not in texts:
                texts.append(text)
        if texts:
            report.append(
                f"{name} {len(texts)} 处：没有导入，也做了匿名化检查：" + "、".join(f"“{_quote(t, 40)}”" for t in texts) + "。"
            )
            unimported += [(name, t) for t in texts]
    if reader.images:
        report.append(f"图片 {len(reader.images)} 张：没有导入。请在 Word 里查看，确认没有可以认出学生的照片、姓名或证件：")
        for number, (name, description, where) in enumerate(reader.images, 1):
            described = f"，说明文字“{_quote(description, 40)}”" if description else ""
            report.append(f"  图片 {number}：{name}{described}，{where}")
            if description:
                unimported.append((f"图片 {number} 的说明文字", description))
        to_check += len(reader.images)
    for kind, name in (
        ("chart", "图表"),
        ("smartart", "SmartArt 图形"),
        ("object", "嵌入的对象（如 Excel 表格、公式编辑器对象）"),
        ("altchunk", "嵌入的其他文档片段"),
        ("ink", "手写墨迹"),
    ):
        if c.get(kind):
            report.append(f"{name} {c[kind]} 个：其中的文字无法读取，没有导入；请在 Word 里查看，需要的内容请改写成文字。")
            to_check += c[kind]
    if c.get("symbol"):
        report.append(f"特殊符号 {c['symbol']} 个（如勾选框、Wingdings 图形符号）：没有导入。")
    if not markdown.strip():
        report.append("正文是空的：文件里没有读到任何段落。")
    return DocxImport(title=title, body=markdown, report=report, unimported=unimported, to_check=to_check)


def docx_to_markdown(path: Path) -> tuple[str, str]:
    """The title and the Markdown body (without the title) of a .docx write-up."""
    result = import_docx(path)
    return result.title, result.body


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
