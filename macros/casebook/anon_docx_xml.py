"""Reading a .docx safely, and the blocks an import is made of (:mod:`anon_import`).

The package is a zip of XML parts read with a hardened lxml parser and size limits;
the document becomes paragraphs, tables and quotes (text boxes) before it becomes Markdown.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

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
