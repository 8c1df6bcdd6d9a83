"""Walking a Word document's XML into blocks, as Word's "accept all" shows it (:mod:`anon_import`)."""

from __future__ import annotations

import posixpath
import re

from lxml import etree

from macros.casebook.anon_docx_xml import (
    Block,
    Cell,
    Para,
    Quote,
    Table,
    _attr,
    _child,
    _children,
    _on,
    _Package,
    _tag,
)


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
                inner = _child(el, "w:sdtContent") if tag == "w:sdt" else el
                if inner is not None:  # a content control without content holds no text
                    out += self.blocks(inner)
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


def _wrapped(parent: etree._Element, tag: str) -> list[etree._Element]:
    """The ``tag`` children of a table or row, also inside content controls and custom XML."""
    found = []
    for el in parent:
        kind = _tag(el)
        if kind == tag:
            found.append(el)
        elif kind in ("w:sdt", "w:customXml", "w:sdtContent"):
            inner = _child(el, "w:sdtContent") if kind == "w:sdt" else el
            if inner is not None:  # a content control without content holds no text
                found += _wrapped(inner, tag)
    return found


def _rows(tbl: etree._Element) -> list[etree._Element]:
    return _wrapped(tbl, "w:tr")


def _cells(tr: etree._Element) -> list[etree._Element]:
    return _wrapped(tr, "w:tc")


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
