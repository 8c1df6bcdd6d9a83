"""A .docx package written directly as WordprocessingML strings in a zip.

Building a document through python-docx's object model costs ~35 ms a file
(opening its 40 KB template with a 350 KB styles part, then thousands of
``get_or_add_child`` calls); at city scale that is a minute of CPU. Here a
document is a few strings: the body is concatenated paragraph and table XML,
the other parts are small and fixed, and the zip is written with fixed
timestamps so the same input always gives the same bytes.

This module knows the format only (escaping, runs, paragraphs, tables, the
package's parts); the house style — fonts, sizes, margins — lives in
:mod:`macros.documents.docx_common`. Every text goes through :func:`xml_text`: characters
XML 1.0 forbids are dropped and ``& < >`` escaped, so text from YAML can never
become markup or a Word field.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no build date in the file

# Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/FFFF).
_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BREAKS = re.compile(r"\r\n|[\r\n\t]")


def clean(text: object) -> str:
    """``text`` as a string without the characters XML 1.0 forbids."""
    return _ILLEGAL.sub("", str(text))


def xml_text(text: object) -> str:
    """Text content for an element: cleaned and escaped."""
    return escape(clean(text))


def xml_attr(text: object) -> str:
    """An attribute value (for double quotes): cleaned, escaped, white space kept as references."""
    return escape(clean(text), {'"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})


def twips(points: float) -> int:
    return round(points * 20)


def mm_twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


# -- runs and paragraphs ---------------------------------------------------------


@dataclass(frozen=True)
class Font:
    """Run properties. Chinese text only takes the ``east_asia`` font (``w:eastAsia``)."""

    east_asia: str
    size: float  # points
    latin: str = "Times New Roman"
    bold: bool = False
    italic: bool = False
    color: str = ""  # RRGGBB, empty for automatic
    spacing: float = 0  # points added to each character's advance (negative: condensed)


@lru_cache(maxsize=256)
def run_properties(font: Font) -> str:
    latin, east = xml_attr(font.latin), xml_attr(font.east_asia)
    half = round(font.size * 2)
    return (
        f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}" w:eastAsia="{east}" w:hint="eastAsia"/>'
        + ("<w:b/><w:bCs/>" if font.bold else "")
        + ("<w:i/><w:iCs/>" if font.italic else "")
        + (f'<w:color w:val="{xml_attr(font.color)}"/>' if font.color else "")
        + (f'<w:spacing w:val="{twips(font.spacing)}"/>' if font.spacing else "")
        + f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/><w:lang w:eastAsia="zh-CN"/></w:rPr>'
    )


def _content(text: str) -> str:
    """Run content: tabs and line breaks become ``w:tab``/``w:br`` (as python-docx does)."""
    text = clean(text)
    if not text:
        return ""
    out, pos = [], 0
    for m in _BREAKS.finditer(text):
        if m.start() > pos:
            out.append(f'<w:t xml:space="preserve">{escape(text[pos : m.start()])}</w:t>')
        out.append("<w:tab/>" if m.group() == "\t" else "<w:br/>")
        pos = m.end()
    if pos < len(text):
        out.append(f'<w:t xml:space="preserve">{escape(text[pos:])}</w:t>')
    return "".join(out)


def run(text: str, font: Font, char_style: str = "") -> str:
    """A run of literal text (an empty text gives a run that only carries the font)."""
    props = run_properties(font)
    if char_style:  # w:rStyle comes first in w:rPr
        props = f'<w:rPr><w:rStyle w:val="{xml_attr(char_style)}"/>{props[7:]}'
    return f"<w:r>{props}{_content(text)}</w:r>"


def field_run(instruction: str, placeholder: str, font: Font) -> str:
    """A field such as ``PAGE``, showing ``placeholder`` until Word updates it. The field
    characters, the instruction and the result are separate runs, each with the font:
    LibreOffice takes the result's size from its own run, not from the ``begin`` run."""
    props = run_properties(font)
    return (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> {xml_text(instruction)} </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{props}{_content(placeholder)}</w:r>"
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )


@dataclass(frozen=True)
class Format:
    """Paragraph properties; lengths in points. ``line`` is an exact line pitch, ``multiple``
    a multiple of single spacing (None: the style's). ``snap`` False takes the paragraph off
    the document grid (forms and tables keep their own pitch); ``outline`` is the outline
    level (0 for 一级标题). ``first_line_indent`` (points, None: the style's) comes with
    ``indent_chars``, the same indent in characters, which Word and WPS measure on the
    character grid and prefer; LibreOffice reads the points."""

    align: str = ""  # left, center, right, both
    first_line_indent: float | None = None  # None: the style's
    before: float | None = 0
    after: float | None = 0
    line: float | None = None
    keep_next: bool = False
    style: str = ""
    multiple: float | None = None
    snap: bool = True
    keep_lines: bool = False
    outline: int | None = None
    indent_chars: float = 0
    left: float = 0
    right: float = 0


def _spacing(fmt: Format) -> str:
    spacing = ""
    if fmt.before is not None:
        spacing += f' w:before="{twips(fmt.before)}"'
    if fmt.after is not None:
        spacing += f' w:after="{twips(fmt.after)}"'
    if fmt.line is not None:
        spacing += f' w:line="{twips(fmt.line)}" w:lineRule="exact"'
    elif fmt.multiple is not None:
        spacing += f' w:line="{round(fmt.multiple * 240)}" w:lineRule="auto"'
    return f"<w:spacing{spacing}/>" if spacing else ""


def _indent(fmt: Format) -> str:
    ind = ""
    if fmt.left:
        ind += f' w:left="{twips(fmt.left)}"'
    if fmt.right:
        ind += f' w:right="{twips(fmt.right)}"'
    if fmt.first_line_indent is not None:  # both, or Word keeps the style's indent in characters
        ind += f' w:firstLine="{twips(fmt.first_line_indent)}" w:firstLineChars="{round(fmt.indent_chars * 100)}"'
    return f"<w:ind{ind}/>" if ind else ""


@lru_cache(maxsize=512)
def paragraph_properties(fmt: Format, mark: Font | None = None) -> str:
    """``w:pPr`` in schema order; ``mark`` formats the paragraph mark, which is what text
    typed into an empty paragraph (a blank form cell) takes."""
    props = (
        (f'<w:pStyle w:val="{xml_attr(fmt.style)}"/>' if fmt.style else "")
        + ("<w:keepNext/>" if fmt.keep_next else "")
        + ("<w:keepLines/>" if fmt.keep_lines else "")
        + ("" if fmt.snap else '<w:snapToGrid w:val="0"/>')
        + _spacing(fmt)
        + _indent(fmt)
        + (f'<w:jc w:val="{xml_attr(fmt.align)}"/>' if fmt.align else "")
        + (f'<w:outlineLvl w:val="{fmt.outline}"/>' if fmt.outline is not None else "")
        + (run_properties(mark) if mark else "")
    )
    return f"<w:pPr>{props}</w:pPr>" if props else ""


PLAIN = Format(before=None, after=None)  # no direct formatting: all from the style


def paragraph(runs: str, fmt: Format = PLAIN, mark: Font | None = None) -> str:
    """A paragraph from run XML (see :func:`run`)."""
    return f"<w:p>{paragraph_properties(fmt, mark)}{runs}</w:p>"


def table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    style: str = "TableGrid",
    align: str = "center",
    header_rows: int = 0,
) -> str:
    """A table; each cell is paragraph XML (at least one paragraph), ``widths`` in twips per column;
    a row with fewer cells than columns has its last cell span the rest.
    No row splits across pages (``cantSplit``); the first ``header_rows`` rows repeat at the
    top of every page the table continues onto (``tblHeader``)."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{xml_attr(style)}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:jc w:val="{xml_attr(align)}"/><w:tblLayout w:type="fixed"/>'
        f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    ]
    cell_props = [f'<w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>' for w in widths]
    for n, row in enumerate(rows):
        if not 0 < len(row) <= len(widths):
            raise ValueError(f"table row has {len(row)} cells for {len(widths)} columns")
        out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if n < header_rows else _ROW)
        props = cell_props[: len(row)]
        if len(row) < len(widths):  # a short row: its last cell spans the remaining columns
            span = len(widths) - len(row) + 1
            props[-1] = f'<w:tcPr><w:tcW w:w="{sum(widths[len(row) - 1 :])}" w:type="dxa"/><w:gridSpan w:val="{span}"/></w:tcPr>'
        for cell, prop in zip(row, props, strict=True):
            out.append(f"<w:tc>{prop}{cell or _EMPTY}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


_ROW = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
_EMPTY = "<w:p/>"


# -- the package -------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """Page size and margins in millimetres (header and footer distance from the edge).
    ``grid_lines`` and ``grid_chars`` give a document grid of that many lines a page and
    characters a line (``linesAndChars``, as GB/T 9704's 22 × 28) for text of
    ``grid_font`` points; 0 leaves the grid off."""

    width: float = 210
    height: float = 297
    top: float = 25.4
    bottom: float = 25.4
    left: float = 31.8
    right: float = 31.8
    header: float = 12.7
    footer: float = 12.7
    grid_lines: int = 0
    grid_chars: int = 0
    grid_font: float = 16
    grid_type: str = "linesAndChars"  # or "lines": characters kept to the count by spacing


def grid_pitches(page: Page) -> tuple[int, int]:
    """(line pitch in twips, character spacing in 4096ths of a point) that fit exactly
    ``grid_lines`` lines and ``grid_chars`` characters into the text block, rounded down so
    that Word, which counts whole pitches, never gets one line or character fewer."""
    width = mm_twips(page.width) - mm_twips(page.left) - mm_twips(page.right)
    height = mm_twips(page.height) - mm_twips(page.top) - mm_twips(page.bottom)
    line = height // page.grid_lines
    char_space = math.floor((width / 20 / page.grid_chars - page.grid_font) * 4096)
    return line, char_space


def grid_letter_spacing(page: Page) -> float:
    """Points to add to each ``grid_font`` character (a multiple of 1/20 pt, as Word stores
    it) so that exactly ``grid_chars`` full-width characters fill a line."""
    width = (mm_twips(page.width) - mm_twips(page.left) - mm_twips(page.right)) / 20
    return math.floor((width / page.grid_chars - page.grid_font) * 20) / 20


def _doc_grid(page: Page) -> str:
    if not page.grid_lines:
        return '<w:docGrid w:linePitch="360"/>'
    line = (mm_twips(page.height) - mm_twips(page.top) - mm_twips(page.bottom)) // page.grid_lines
    if page.grid_type == "lines" or not page.grid_chars:
        return f'<w:docGrid w:type="lines" w:linePitch="{line}"/>'
    return f'<w:docGrid w:type="{page.grid_type}" w:linePitch="{line}" w:charSpace="{grid_pitches(page)[1]}"/>'


def section_properties(page: Page, footer_rel: str = "", even_footer_rel: str = "") -> str:
    ref = f'<w:footerReference w:type="default" r:id="{footer_rel}"/>' if footer_rel else ""
    if even_footer_rel:
        ref = f'<w:footerReference w:type="even" r:id="{even_footer_rel}"/>' + ref
    orient = ' w:orient="landscape"' if page.width > page.height else ""
    return (
        f'<w:sectPr>{ref}<w:pgSz w:w="{mm_twips(page.width)}" w:h="{mm_twips(page.height)}"{orient}/>'
        f'<w:pgMar w:top="{mm_twips(page.top)}" w:right="{mm_twips(page.right)}" w:bottom="{mm_twips(page.bottom)}" '
        f'w:left="{mm_twips(page.left)}" w:header="{mm_twips(page.header)}" w:footer="{mm_twips(page.footer)}" w:gutter="0"/>'
        f'<w:cols w:space="720"/>{_doc_grid(page)}</w:sectPr>'
    )


@dataclass(frozen=True)
class Parts:
    """The parts every document of one style shares: ``styles.xml``, ``settings.xml``,
    the footer's body (paragraph XML, or empty for none), the even pages' footer (empty:
    the same footer on every page; settings must then ask for ``evenAndOddHeaders``),
    ``theme1.xml`` (empty for none), and the fonts for ``fontTable.xml`` as (name,
    alternative name, charset in hex) triples or as ready ``w:font`` XML."""

    styles: str
    settings: str
    footer: str = ""
    fonts: tuple[tuple[str, str, str] | str, ...] = ()
    even_footer: str = ""
    theme: str = ""


def _root(tag: str, inner: str) -> str:
    return f'{_DECL}<w:{tag} xmlns:w="{W}" xmlns:r="{_REL}">{inner}</w:{tag}>'


def _font_table(fonts: Iterable[tuple[str, str, str] | str]) -> str:
    body = "".join(
        entry
        if isinstance(entry, str)
        else f'<w:font w:name="{xml_attr(entry[0])}">'
        + (f'<w:altName w:val="{xml_attr(entry[1])}"/>' if entry[1] else "")
        + f'<w:charset w:val="{xml_attr(entry[2])}"/></w:font>'
        for entry in fonts
    )
    return _root("fonts", body)


def _core(title: str, subject: str, author: str, language: str) -> str:
    return (
        f"{_DECL}<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_text(title)}</dc:title><dc:subject>{xml_text(subject)}</dc:subject>"
        f"<dc:creator>{xml_text(author)}</dc:creator><dc:language>{xml_text(language)}</dc:language>"
        "</cp:coreProperties>"
    )


def _relationships(rels: Iterable[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>' for rid, kind, target in rels)
    return f'{_DECL}<Relationships xmlns="{_PKG_REL}">{body}</Relationships>'


def _content_types(overrides: Iterable[tuple[str, str]]) -> str:
    body = "".join(f'<Override PartName="/{name}" ContentType="{kind}"/>' for name, kind in overrides)
    return (
        f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{body}</Types>'
    )


def package(
    body: str,
    parts: Parts,
    page: Page,
    *,
    title: str = "",
    subject: str = "",
    author: str = "",
    language: str = "zh-CN",
    extra_parts: Sequence[tuple[str, str, str, str]] = (),
) -> bytes:
    """The .docx bytes of a document whose body XML is ``body`` (paragraphs and tables).
    ``extra_parts`` are (name, content type, relationship type, XML) of further parts the
    document part refers to (the glossary that holds content controls' placeholders)."""
    doc_rels = [
        ("rId1", f"{_REL}/styles", "styles.xml"),
        ("rId2", f"{_REL}/settings", "settings.xml"),
        ("rId3", f"{_REL}/fontTable", "fontTable.xml"),
    ]
    members = [
        ("word/styles.xml", f"{_CT}.styles+xml", parts.styles),
        ("word/settings.xml", f"{_CT}.settings+xml", parts.settings),
        ("word/fontTable.xml", f"{_CT}.fontTable+xml", _font_table(parts.fonts)),
    ]
    footer_rel = even_rel = ""
    if parts.footer:
        footer_rel = "rId4"
        doc_rels.append((footer_rel, f"{_REL}/footer", "footer1.xml"))
        members.append(("word/footer1.xml", f"{_CT}.footer+xml", _root("ftr", parts.footer)))
    if parts.even_footer:
        even_rel = "rId5"
        doc_rels.append((even_rel, f"{_REL}/footer", "footer2.xml"))
        members.append(("word/footer2.xml", f"{_CT}.footer+xml", _root("ftr", parts.even_footer)))
    if parts.theme:
        doc_rels.append(("rId6", f"{_REL}/theme", "theme/theme1.xml"))
        members.append(("word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml", parts.theme))
    for n, (name, kind, rel, text) in enumerate(extra_parts, start=7):
        doc_rels.append((f"rId{n}", rel, name.removeprefix("word/")))
        members.append((name, kind, text))
    document = _root("document", f"<w:body>{body}{section_properties(page, footer_rel, even_rel)}</w:body>")
    members = [
        ("word/document.xml", f"{_CT}.document.main+xml", document),
        *members,
        ("docProps/core.xml", _CT_CORE, _core(title, subject, author, language)),
    ]
    files = [
        ("[Content_Types].xml", _content_types((name, kind) for name, kind, _ in members)),
        (
            "_rels/.rels",
            _relationships(
                [
                    ("rId1", f"{_REL}/officeDocument", "word/document.xml"),
                    ("rId2", f"{_PKG_REL}/metadata/core-properties", "docProps/core.xml"),
                ]
            ),
        ),
        ("word/_rels/document.xml.rels", _relationships(doc_rels)),
        *((name, text) for name, _, text in members),
    ]
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, text.encode("utf-8"), compresslevel=6)
    return buffer.getvalue()


def settings_part(tab_stop: int = 720, even_and_odd: bool = False) -> str:
    """``settings.xml``: default tab stop (twips), different footers on even pages when
    ``even_and_odd``, East Asian layout, and Word 2013+ compatibility (mode 15, so Word
    shows no 兼容模式)."""
    compat = "".join(
        f'<w:compatSetting w:name="{name}" w:uri="http://schemas.microsoft.com/office/word" w:val="{value}"/>'
        for name, value in (
            ("compatibilityMode", "15"),
            ("overrideTableStyleFontSizeAndJustification", "1"),
            ("enableOpenTypeFeatures", "1"),
            ("doNotFlipMirrorIndents", "1"),
            ("differentiateMultirowTableHeaders", "1"),
        )
    )
    return _root(
        "settings",
        f'<w:zoom w:percent="100"/><w:defaultTabStop w:val="{tab_stop}"/>'
        + ("<w:evenAndOddHeaders/>" if even_and_odd else "")
        + '<w:characterSpacingControl w:val="doNotCompress"/>'
        + f"<w:compat><w:useFELayout/>{compat}</w:compat>"
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>',
    )
