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

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

__all__ = ["DocxImport", "DocxImportError", "docx_to_markdown", "draft_markdown", "import_docx"]

# -- reading the package safely ---------------------------------------------------

MAX_PART_BYTES = 20 * 1024 * 1024  # one XML part, uncompressed
MAX_ENTRIES = 5000

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PREFIXES = {
    _W: "w",
    "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",  # ISO strict
    "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
    "http://purl.oclc.org/ooxml/drawingml/main": "a",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
    "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": "wp",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "c",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram": "dgm",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": "wps",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
    "urn:schemas-microsoft-com:vml": "v",
    "urn:schemas-microsoft-com:office:office": "o",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
    "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
}


class DocxImportError(Exception):
    """The file cannot be imported; the message is for the trainer (Chinese)."""


def _tag(el: etree._Element) -> str:
    """``w:p`` for a WordprocessingML paragraph, whichever namespace variant."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    if tag[0] != "{":
        return tag
    uri, local = tag[1:].split("}", 1)
    return f"{_PREFIXES.get(uri, '?')}:{local}"


def _attr(el: etree._Element | None, name: str) -> str | None:
    """An attribute by local name (``val``, ``id``, ``embed``), in any namespace."""
    if el is None:
        return None
    for key, value in el.attrib.items():
        if key == name or key.endswith("}" + name):
            return value
    return None


def _child(el: etree._Element | None, tag: str) -> etree._Element | None:
    if el is None:
        return None
    for c in el:
        if _tag(c) == tag:
            return c
    return None


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    return [c for c in el if _tag(c) == tag]


def _on(el: etree._Element | None) -> bool:
    """A WordprocessingML toggle (``<w:b/>``, ``<w:b w:val="0"/>``)."""
    return el is not None and (_attr(el, "val") or "true").lower() not in ("0", "false", "off")


_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True
)


class _Package:
    def __init__(self, path: Path) -> None:
        try:
            head = path.read_bytes()[:8]
        except OSError as exc:
            raise DocxImportError(f"无法打开文件（{exc.strerror or exc}）") from None
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise DocxImportError("这是加了密码的 Word 文件或旧版 .doc 文件：请在 Word 或 WPS 中去掉密码、另存为 .docx 后再导入")
        try:
            self.zip = zipfile.ZipFile(path)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise DocxImportError("文件不是有效的 .docx（.docx 实际上是一个压缩包，这个文件打不开）：文件可能已损坏") from None
        if len(infos) > MAX_ENTRIES:
            raise DocxImportError(f"文件里有 {len(infos)} 个部件，远多于正常的 Word 文件：不导入")
        self.names = {i.filename: i for i in infos}
        self.main = self._main_part()

    def _main_part(self) -> str:
        rels = self.rels("")
        for rel_type, target, _mode in rels.values():
            if rel_type.endswith("/officeDocument") and target in self.names:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise DocxImportError("文件里没有 Word 正文（缺少 word/document.xml）：它可能不是 Word 文档，或者已损坏")

    def read(self, name: str) -> bytes | None:
        info = self.names.get(name)
        if info is None:
            return None
        if info.file_size > MAX_PART_BYTES:
            raise DocxImportError(
                f"文件中的 {name} 解压后有 {info.file_size // (1024 * 1024)} MB，超过 {MAX_PART_BYTES // (1024 * 1024)} MB 的上限：不导入"
            )
        try:
            with self.zip.open(info) as handle:
                data = handle.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise DocxImportError(f"文件中的 {name} 无法解压（{type(exc).__name__}）：文件可能已损坏或加了密码") from None
        if len(data) > MAX_PART_BYTES:
            raise DocxImportError(f"文件中的 {name} 解压后超过 {MAX_PART_BYTES // (1024 * 1024)} MB 的上限：不导入")
        return data

    def xml(self, name: str) -> etree._Element | None:
        data = self.read(name)
        if data is None:
            return None
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            why = "层层嵌套太深" if "depth" in str(exc).lower() else f"第 {exc.lineno} 行第 {exc.offset} 列格式有误"
            raise DocxImportError(f"文件中的 {name} 无法解析（{why}）：文件可能已损坏") from None

    def rels(self, part: str) -> dict[str, tuple[str, str, str]]:
        """Relationships of ``part`` ("" for the package): id → (type, resolved target, mode)."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels") if part else "_rels/.rels")
        found: dict[str, tuple[str, str, str]] = {}
        if root is None:
            return found
        for rel in root:
            rid, target, mode = rel.get("Id"), rel.get("Target") or "", rel.get("TargetMode") or ""
            if not rid:
                continue
            if mode != "External":
                target = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
            found[rid] = (rel.get("Type") or "", target, mode)
        return found


# -- the document as blocks ---------------------------------------------------------


@dataclass
class Para:
    text: str = ""  # inline Markdown (links, footnote references)
    style: str = ""  # the style's name, lower case
    level: int | None = None  # 0 title, 1.. heading
    list_kind: str = ""  # "-" or "1." for list items
    list_level: int = 0
    bold: bool = False
    centred: bool = False
    merge_next: bool = False  # the paragraph mark was deleted: joins the next paragraph
    after: list[Block] = field(default_factory=list)  # text boxes anchored here


@dataclass
class Cell:
    blocks: list[Block]
    span: int = 1
    continued: bool = False  # vMerge continue: the text is in the cell above


@dataclass
class Table:
    rows: list[list[Cell]]


@dataclass
class Quote:
    blocks: list[Block]


Block = Para | Table | Quote


@dataclass
class DocxImport:
    """What :func:`import_docx` makes of a .docx."""

    title: str
    body: str  # Markdown, without the title
    report: list[str]  # the import report, one line each, for the trainer
    unimported: list[tuple[str, str]]  # (where, text): not in the draft, to be scanned by the gate
    to_check: int = 0  # things the trainer must look at in Word (images, embedded objects)


def _quote(text: str, limit: int = 24) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit] + "……"


def _plain(markdown: str) -> str:
    """The text of inline Markdown as a reader sees it (links and footnote marks removed)."""
    text = re.sub(r"\[\^\d+\]", "", markdown)
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)


_HEADING = re.compile(r"^(?:heading|标题)\s*(\d)$")
_SKIP_IN_RUN = {
    "w:rPr", "w:delText", "w:instrText", "w:delInstrText", "w:footnoteRef", "w:endnoteRef", "w:annotationRef",
    "w:separator", "w:continuationSeparator", "w:commentReference", "w:lastRenderedPageBreak", "w:softHyphen",
    "w:fldChar", "w:pgNum", "w:dayShort", "w:dayLong", "w:monthShort", "w:monthLong", "w:yearShort", "w:yearLong",
}  # fmt: skip
_SKIP_PROPS = {"w:pPr", "w:rPr", "w:tblPr", "w:tblGrid", "w:trPr", "w:tcPr", "w:sdtPr", "w:sdtEndPr", "w:sectPr",
               "w:smartTagPr", "w:customXmlPr", "w:tblPrEx", "w:pPrChange", "w:rPrChange"}  # fmt: skip


class _Reader:
    """Walks the XML of one document, collecting blocks and what the report needs."""

    def __init__(self, package: _Package) -> None:
        self.package = package
        self.rels = package.rels(package.main)
        self.styles: dict[str, etree._Element] = {}
        self.default_style = ""
        self.numbering: dict[tuple[str, str], str] = {}
        self.notes: dict[str, dict[str, etree._Element]] = {"footnotes": {}, "endnotes": {}}
        self.note_labels: dict[tuple[str, str], int] = {}
        self.note_order: list[tuple[str, str, int]] = []
        self.comment_anchor: dict[str, list[str]] = {}
        self.open_comments: list[str] = []
        self.counts: dict[str, int] = {}
        self.samples: dict[str, list[str]] = {}
        self.images: list[tuple[str, str, str]] = []  # (file name, description, where)
        self.textboxes: list[str] = []
        self.hidden: list[str] = []
        self.current: Para | None = None
        self.part = "body"  # "body", "note", "header", "comment": where the walk is
        self._bold_runs = [0, 0]  # in the paragraph being read: runs with text that are bold, all runs with text
        self._style_bold = False
        self.previous_text = ""
        self._load_styles()
        self._load_numbering()
        self._load_notes()

    # parts -------------------------------------------------------------------

    def _part(self, kind: str) -> etree._Element | None:
        for rel_type, target, mode in self.rels.values():
            if rel_type.endswith("/" + kind) and mode != "External":
                return self.package.xml(target)
        return None

    def parts(self, kind: str) -> list[tuple[str, etree._Element]]:
        found = []
        for rel_type, target, mode in sorted(self.rels.values(), key=lambda r: r[1]):
            if rel_type.endswith("/" + kind) and mode != "External":
                root = self.package.xml(target)
                if root is not None:
                    found.append((target, root))
        return found

    def _load_styles(self) -> None:
        root = self._part("styles")
        for style in root if root is not None else []:
            if _tag(style) == "w:style":
                sid = _attr(style, "styleId") or ""
                self.styles[sid] = style
                if _attr(style, "type") == "paragraph" and _attr(style, "default") in ("1", "true", "on"):
                    self.default_style = sid

    def _load_numbering(self) -> None:
        root = self._part("numbering")
        if root is None:
            return
        formats: dict[str, dict[str, str]] = {}
        for abstract in _children(root, "w:abstractNum"):
            levels = {}
            for lvl in _children(abstract, "w:lvl"):
                levels[_attr(lvl, "ilvl") or "0"] = _attr(_child(lvl, "w:numFmt"), "val") or "bullet"
            formats[_attr(abstract, "abstractNumId") or ""] = levels
        for num in _children(root, "w:num"):
            levels = formats.get(_attr(_child(num, "w:abstractNumId"), "val") or "", {})
            for ilvl, fmt in levels.items():
                self.numbering[(_attr(num, "numId") or "", ilvl)] = fmt

    def _load_notes(self) -> None:
        for kind in ("footnotes", "endnotes"):
            root = self._part(kind)
            for note in root if root is not None else []:
                if _tag(note) in ("w:footnote", "w:endnote") and _attr(note, "type") in (None, "normal"):
                    self.notes[kind][_attr(note, "id") or ""] = note

    # style look-ups ------------------------------------------------------------

    def _style_chain(self, sid: str) -> list[etree._Element]:
        chain, seen = [], set()
        while sid and sid in self.styles and sid not in seen and len(chain) < 20:
            seen.add(sid)
            style = self.styles[sid]
            chain.append(style)
            sid = _attr(_child(style, "w:basedOn"), "val") or ""
        return chain

    def _style_name(self, sid: str) -> str:
        style = self.styles.get(sid)
        name = _attr(_child(style, "w:name"), "val") if style is not None else None
        if name:
            return name.strip().lower()
        m = re.match(r"^heading(\d)$", sid, re.I)
        return f"heading {m.group(1)}" if m else sid.lower()

    def _style_prop(self, sid: str, props: str, tag: str) -> etree._Element | None:
        for style in self._style_chain(sid):
            found = _child(_child(style, props), tag)
            if found is not None:
                return found
        return None

    # counting for the report ----------------------------------------------------

    def note(self, kind: str, sample: str = "") -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if sample.strip():
            self.samples.setdefault(kind, []).append(_quote(sample))

    # blocks ------------------------------------------------------------------

    def blocks(self, container: etree._Element) -> list[Block]:
        out: list[Block] = []
        for el in container:
            tag = _tag(el)
            if tag == "w:p":
                out.append(self.paragraph(el))
            elif tag == "w:tbl":
                out.append(self.table(el))
            elif tag in ("w:sdt", "w:customXml", "w:ins", "w:moveTo", "w:sdtContent"):
                if tag == "w:ins":
                    self.note("ins", _texts(el))
                out += self.blocks(_child(el, "w:sdtContent") if tag == "w:sdt" else el)
            elif tag in ("w:del", "w:moveFrom"):
                self.note("del" if tag == "w:del" else "move", _texts(el, deleted=True))
            elif tag == "mc:AlternateContent":
                out += self.blocks(_choice(el))
            elif tag == "w:altChunk":
                self.note("altchunk")
            elif tag not in _SKIP_PROPS and len(el):
                out += self.blocks(el)  # an unknown wrapper: look inside rather than drop it
        return _merge_deleted_marks(out)

    def paragraph(self, p: etree._Element) -> Para:
        ppr = _child(p, "w:pPr")
        sid = _attr(_child(ppr, "w:pStyle"), "val") or self.default_style
        para = Para(style=self._style_name(sid))
        mark = _child(ppr, "w:rPr")
        if _child(mark, "w:del") is not None or _child(mark, "w:moveFrom") is not None:
            para.merge_next = True
            self.note("mark-del")
        elif _child(mark, "w:ins") is not None:
            self.note("mark-ins")
        if para.style in ("title", "标题"):
            para.level = 0
        elif m := _HEADING.match(para.style):
            para.level = int(m.group(1))
        else:
            outline = _child(ppr, "w:outlineLvl")
            outline = outline if outline is not None else self._style_prop(sid, "w:pPr", "w:outlineLvl")
            value = _attr(outline, "val")
            if value is not None and value.isdigit() and int(value) < 9:
                para.level = int(value) + 1
        num = _child(ppr, "w:numPr")
        num = num if num is not None else self._style_prop(sid, "w:pPr", "w:numPr")
        num_id = _attr(_child(num, "w:numId"), "val")
        if num_id not in (None, "0") or "list" in para.style or "列表" in para.style:
            ilvl = _attr(_child(num, "w:ilvl"), "val") or "0"
            fmt = self.numbering.get((num_id or "", ilvl), "")
            numbered = (fmt and fmt not in ("bullet", "none")) or "number" in para.style or "编号" in para.style
            para.list_kind = "1." if numbered else "-"
            para.list_level = min(int(ilvl), 5) if ilvl.isdigit() else 0
        jc = _child(ppr, "w:jc")
        jc = jc if jc is not None else self._style_prop(sid, "w:pPr", "w:jc")
        para.centred = _attr(jc, "val") == "center"
        style_bold = _on(self._style_prop(sid, "w:rPr", "w:b"))
        saved = self.current, self._bold_runs, self._style_bold
        self.current, self._bold_runs, self._style_bold = para, [0, 0], style_bold
        pieces: list[str] = []
        self.inline(p, pieces)
        para.bold = self._bold_runs[1] > 0 and self._bold_runs[0] == self._bold_runs[1]
        para.text = "".join(pieces)
        self.current, self._bold_runs, self._style_bold = saved
        if _plain(para.text).strip():
            self.previous_text = _plain(para.text)
        return para

    def inline(self, el: etree._Element, out: list[str], hidden: bool = False) -> None:
        for child in el:
            tag = _tag(child)
            if tag in _SKIP_PROPS or tag in _SKIP_IN_RUN:
                continue
            if tag == "w:r":
                rpr = _child(child, "w:rPr")
                run_hidden = hidden or _on(_child(rpr, "w:vanish"))
                start = len(out)
                self.inline(child, out, run_hidden)
                text = "".join(out[start:])
                if text.strip():
                    bold = _child(rpr, "w:b")
                    self._bold_runs[1] += 1
                    self._bold_runs[0] += _on(bold) if bold is not None else self._style_bold
                    if run_hidden and not hidden:
                        self.hidden.append(text)
            elif tag == "w:t":
                self.emit(child.text or "", out)
            elif tag in ("w:tab", "w:ptab"):
                self.emit(" ", out)
            elif tag in ("w:br", "w:cr"):
                if _attr(child, "type") not in ("page", "column"):
                    self.emit("\n", out)
            elif tag == "w:noBreakHyphen":
                self.emit("-", out)
            elif tag == "w:sym":
                self.note("symbol")
            elif tag in ("w:del", "w:moveFrom"):
                self.note("del" if tag == "w:del" else "move", _texts(child, deleted=True))
            elif tag in ("w:ins", "w:moveTo"):
                start = len(out)
                self.inline(child, out, hidden)
                if tag == "w:ins":
                    self.note("ins", "".join(out[start:]))
            elif tag == "w:hyperlink":
                start = len(out)
                self.inline(child, out, hidden)
                target = self.rels.get(_attr(child, "id") or "", ("", "", ""))
                text = "".join(out[start:])
                if target[2] == "External" and re.match(r"^(https?|mailto):", target[1]) and text.strip():
                    del out[start:]
                    out.append(
                        f"[{text.replace('[', '［').replace(']', '］')}]({target[1].replace(' ', '%20').replace(')', '%29')})"
                    )
            elif tag == "w:commentRangeStart":
                cid = _attr(child, "id") or ""
                self.open_comments.append(cid)
                self.comment_anchor.setdefault(cid, [])
            elif tag == "w:commentRangeEnd":
                cid = _attr(child, "id") or ""
                if cid in self.open_comments:
                    self.open_comments.remove(cid)
            elif tag in ("w:footnoteReference", "w:endnoteReference"):
                kind = "footnotes" if tag == "w:footnoteReference" else "endnotes"
                nid = _attr(child, "id") or ""
                if nid in self.notes[kind]:
                    key = (kind, nid)
                    if key not in self.note_labels:
                        self.note_labels[key] = len(self.note_labels) + 1
                        self.note_order.append((kind, nid, self.note_labels[key]))
                    out.append(f"[^{self.note_labels[key]}]")
            elif tag == "mc:AlternateContent":
                self.inline(_choice(child), out, hidden)  # the Fallback repeats the Choice: read once
            elif tag == "w:txbxContent":
                self.textbox(child)
            elif tag == "w:drawing":
                self.drawing(child)
                self.inline(child, out, hidden)
            elif tag == "v:imagedata":
                self.image(_attr(child, "id") or "", child.get("{urn:schemas-microsoft-com:office:office}title") or "")
            elif tag == "w:object":
                self.note("object")
            elif tag == "w:contentPart":
                self.note("ink")
            elif tag == "m:t":
                self.emit(child.text or "", out)
            elif tag == "w:rt":  # ruby (pinyin above the characters): after the base, in brackets
                inner: list[str] = []
                self.inline(child, inner, hidden)
                if "".join(inner).strip():
                    self.emit("（" + "".join(inner).strip() + "）", out)
            elif tag == "wp:docPr" or tag.startswith(("a:", "pic:", "wp:")) and not len(child):
                continue
            else:
                self.inline(child, out, hidden)  # containers: smartTag, sdt, fldSimple, ruby base, shapes, math

    def emit(self, text: str, out: list[str]) -> None:
        out.append(text)
        for cid in self.open_comments:
            self.comment_anchor[cid].append(text)

    def textbox(self, content: etree._Element) -> None:
        saved = self.current
        blocks = self.blocks(content)
        self.current = saved
        text = _blocks_text(blocks)
        if text.strip():
            if self.part in ("body", "note"):
                self.textboxes.append(text)
            if saved is not None:
                saved.after.append(Quote(blocks))

    def drawing(self, drawing: etree._Element) -> None:
        doc_pr = next((e for e in drawing.iter() if _tag(e) == "wp:docPr"), None)
        kinds = {_tag(e) for e in drawing.iter()}
        if "a:blip" in kinds:
            blip = next(e for e in drawing.iter() if _tag(e) == "a:blip")
            description = " ".join(filter(None, (_attr(doc_pr, "title"), _attr(doc_pr, "descr"))))
            self.image(_attr(blip, "embed") or _attr(blip, "link") or "", description, _attr(doc_pr, "name") or "")
        elif "c:chart" in kinds:
            self.note("chart", _attr(doc_pr, "name") or "")
        elif "dgm:relIds" in kinds:
            self.note("smartart", _attr(doc_pr, "name") or "")

    def image(self, rid: str, description: str, name: str = "") -> None:
        target = self.rels.get(rid, ("", "", ""))[1]
        file_name = posixpath.basename(target) if target else name or "（未命名）"
        para = self.current
        here = _plain(para.text).strip() if para is not None else ""
        if self.part in ("header", "comment"):
            where = "在页眉或页脚中" if self.part == "header" else "在批注中"
        elif here:
            where = f"在段落“{_quote(here, 16)}”中"
        elif self.previous_text:
            where = f"在“{_quote(self.previous_text, 16)}”之后"
        else:
            where = "在文档开头"
        self.images.append((file_name, description.strip(), where))

    def table(self, tbl: etree._Element) -> Table:
        rows: list[list[Cell]] = []
        for tr in _rows(tbl):
            trpr = _child(tr, "w:trPr")
            if _child(trpr, "w:del") is not None:
                self.note("row-del", _texts(tr, deleted=True))
                continue
            row: list[Cell] = []
            before = _attr(_child(trpr, "w:gridBefore"), "val")
            if before and before.isdigit() and int(before) > 0:
                row.append(Cell([], span=min(int(before), 50)))
            for tc in _cells(tr):
                tcpr = _child(tc, "w:tcPr")
                if _child(tcpr, "w:cellDel") is not None:
                    self.note("del", _texts(tc, deleted=True))
                    continue
                span = _attr(_child(tcpr, "w:gridSpan"), "val") or "1"
                vmerge = _child(tcpr, "w:vMerge")
                continued = vmerge is not None and (_attr(vmerge, "val") or "continue") == "continue"
                hmerge = _child(tcpr, "w:hMerge")
                if hmerge is not None and (_attr(hmerge, "val") or "continue") == "continue" and row:
                    row[-1].span += 1
                    row[-1].blocks += self.blocks(tc)
                    continue
                row.append(
                    Cell(self.blocks(tc), span=min(int(span), 50) if span.isdigit() and int(span) > 0 else 1, continued=continued)
                )
            rows.append(row)
        return Table(rows)


def _choice(alternate: etree._Element) -> etree._Element:
    """The part of an mc:AlternateContent to read: its first Choice (else the Fallback)."""
    for tag in ("mc:Choice", "mc:Fallback"):
        found = _child(alternate, tag)
        if found is not None:
            return found
    return etree.Element("empty")


def _rows(tbl: etree._Element) -> list[etree._Element]:
    rows = []
    for el in tbl:
        tag = _tag(el)
        if tag == "w:tr":
            rows.append(el)
        elif tag in ("w:sdt", "w:customXml", "w:sdtContent"):
            rows += _rows(_child(el, "w:sdtContent") if tag == "w:sdt" else el)
    return rows


def _cells(tr: etree._Element) -> list[etree._Element]:
    cells = []
    for el in tr:
        tag = _tag(el)
        if tag == "w:tc":
            cells.append(el)
        elif tag in ("w:sdt", "w:customXml", "w:sdtContent"):
            cells += _cells(_child(el, "w:sdtContent") if tag == "w:sdt" else el)
    return cells


def _texts(el: etree._Element, deleted: bool = False) -> str:
    """All the text under ``el`` (deleted text too when ``deleted``), for report quotes."""
    wanted = ("w:t", "w:delText") if deleted else ("w:t",)
    return "".join(e.text or "" for e in el.iter() if _tag(e) in wanted)


def _merge_deleted_marks(blocks: list[Block]) -> list[Block]:
    """Accept deleted paragraph marks: the paragraph's text joins the next paragraph (which keeps its style)."""
    out: list[Block] = []
    carry: Para | None = None
    for block in blocks:
        if carry is not None and isinstance(block, Para):
            block.text = carry.text + block.text
            block.after = carry.after + block.after
            carry = None
        elif carry is not None:
            out.append(carry)
            carry = None
        if isinstance(block, Para) and block.merge_next:
            carry = block
            continue
        out.append(block)
    if carry is not None:
        out.append(carry)
    return out


def _blocks_text(blocks: list[Block]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, Para):
            parts.append(_plain(block.text))
            parts += [_blocks_text([q]) for q in block.after]
        elif isinstance(block, Quote):
            parts.append(_blocks_text(block.blocks))
        else:
            parts += [_blocks_text(c.blocks) for row in block.rows for c in row]
    return "\n".join(p for p in parts if p.strip())


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


# -- the whole import ------------------------------------------------------------------------


def _core_properties(package: _Package) -> dict[str, str]:
    rels = package.rels("")
    target = next((t for rtype, t, _m in rels.values() if rtype.endswith("/core-properties")), "docProps/core.xml")
    root = package.xml(target)
    found: dict[str, str] = {}
    for el in root if root is not None else []:
        local = etree.QName(el).localname if isinstance(el.tag, str) else ""
        if local in ("title", "subject", "keywords", "description") and (el.text or "").strip():
            found[local] = el.text.strip()
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
    revisions = []
    if c.get("ins"):
        revisions.append(f"插入的文字 {c['ins']} 处已保留（如“{reader.samples.get('ins', [''])[0]}”）")
    if c.get("mark-ins"):
        revisions.append(f"新插入的段落 {c['mark-ins']} 个已保留")
    if c.get("del"):
        revisions.append(f"删除的文字 {c['del']} 处没有导入（如“{reader.samples.get('del', [''])[0]}”）")
    if c.get("move"):
        revisions.append(f"移动的文字 {c['move']} 处按移动后的位置导入")
    if c.get("mark-del"):
        revisions.append(f"删除的段落标记 {c['mark-del']} 处：前后两段已合并")
    if c.get("row-del"):
        revisions.append(f"删除的表格行 {c['row-del']} 行没有导入")
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
