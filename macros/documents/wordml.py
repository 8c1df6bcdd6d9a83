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


@lru_cache(maxsize=256)
def run_properties(font: Font) -> str:
    latin, east = xml_attr(font.latin), xml_attr(font.east_asia)
    half = round(font.size * 2)
    return (
        f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}" w:eastAsia="{east}" w:hint="eastAsia"/>'
        + ("<w:b/><w:bCs/>" if font.bold else "")
        + ("<w:i/><w:iCs/>" if font.italic else "")
        + (f'<w:color w:val="{xml_attr(font.color)}"/>' if font.color else "")
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


def run(text: str, font: Font) -> str:
    """A run of literal text (an empty text gives a run that only carries the font)."""
    return f"<w:r>{run_properties(font)}{_content(text)}</w:r>"


def field_run(instruction: str, placeholder: str, font: Font) -> str:
    """A field such as ``PAGE``, showing ``placeholder`` until Word updates it."""
    return (
        f'<w:r>{run_properties(font)}<w:fldChar w:fldCharType="begin"/>'
        f'<w:instrText xml:space="preserve">{xml_text(instruction)}</w:instrText>'
        f'<w:fldChar w:fldCharType="separate"/>{_content(placeholder)}<w:fldChar w:fldCharType="end"/></w:r>'
    )


@dataclass(frozen=True)
class Format:
    """Paragraph properties; lengths in points. ``line`` is an exact line pitch (None: the style's)."""

    align: str = ""  # left, center, right, both
    first_line_indent: float = 0
    before: float | None = 0
    after: float | None = 0
    line: float | None = None
    keep_next: bool = False
    style: str = ""


@lru_cache(maxsize=256)
def paragraph_properties(fmt: Format) -> str:
    spacing = ""
    if fmt.before is not None:
        spacing += f' w:before="{twips(fmt.before)}"'
    if fmt.after is not None:
        spacing += f' w:after="{twips(fmt.after)}"'
    if fmt.line is not None:
        spacing += f' w:line="{twips(fmt.line)}" w:lineRule="exact"'
    props = (
        (f'<w:pStyle w:val="{xml_attr(fmt.style)}"/>' if fmt.style else "")
        + ("<w:keepNext/>" if fmt.keep_next else "")
        + (f"<w:spacing{spacing}/>" if spacing else "")
        + (f'<w:ind w:firstLine="{twips(fmt.first_line_indent)}"/>' if fmt.first_line_indent else "")
        + (f'<w:jc w:val="{xml_attr(fmt.align)}"/>' if fmt.align else "")
    )
    return f"<w:pPr>{props}</w:pPr>" if props else ""


PLAIN = Format(before=None, after=None)  # no direct formatting: all from the style


def paragraph(runs: str, fmt: Format = PLAIN) -> str:
    """A paragraph from run XML (see :func:`run`)."""
    return f"<w:p>{paragraph_properties(fmt)}{runs}</w:p>"


def table(rows: Sequence[Sequence[str]], widths: Sequence[int], style: str = "TableGrid", align: str = "center") -> str:
    """A table; each cell is paragraph XML (at least one paragraph), ``widths`` in twips per column."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{xml_attr(style)}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:jc w:val="{xml_attr(align)}"/><w:tblLayout w:type="fixed"/>'
        f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    ]
    for row in rows:
        if len(row) != len(widths):
            raise ValueError(f"table row has {len(row)} cells for {len(widths)} columns")
        out.append("<w:tr>")
        for cell, width in zip(row, widths, strict=True):
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{cell or paragraph("")}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


# -- the package -------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """Page size and margins in millimetres (header and footer distance from the edge)."""

    width: float = 210
    height: float = 297
    top: float = 25.4
    bottom: float = 25.4
    left: float = 31.8
    right: float = 31.8
    header: float = 12.7
    footer: float = 12.7


def section_properties(page: Page, footer_rel: str = "") -> str:
    ref = f'<w:footerReference w:type="default" r:id="{footer_rel}"/>' if footer_rel else ""
    orient = ' w:orient="landscape"' if page.width > page.height else ""
    return (
        f'<w:sectPr>{ref}<w:pgSz w:w="{mm_twips(page.width)}" w:h="{mm_twips(page.height)}"{orient}/>'
        f'<w:pgMar w:top="{mm_twips(page.top)}" w:right="{mm_twips(page.right)}" w:bottom="{mm_twips(page.bottom)}" '
        f'w:left="{mm_twips(page.left)}" w:header="{mm_twips(page.header)}" w:footer="{mm_twips(page.footer)}" w:gutter="0"/>'
        '<w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>'
    )


@dataclass(frozen=True)
class Parts:
    """The parts every document of one style shares: ``styles.xml``, ``settings.xml``,
    the footer's body (paragraph XML, or empty for none) and the fonts for ``fontTable.xml``
    as (name, alternative name, charset in hex) triples."""

    styles: str
    settings: str
    footer: str = ""
    fonts: tuple[tuple[str, str, str], ...] = ()


def _root(tag: str, inner: str) -> str:
    return f'{_DECL}<w:{tag} xmlns:w="{W}" xmlns:r="{_REL}">{inner}</w:{tag}>'


def _font_table(fonts: Iterable[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<w:font w:name="{xml_attr(name)}">'
        + (f'<w:altName w:val="{xml_attr(alt)}"/>' if alt else "")
        + f'<w:charset w:val="{xml_attr(charset)}"/></w:font>'
        for name, alt, charset in fonts
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
    body: str, parts: Parts, page: Page, *, title: str = "", subject: str = "", author: str = "", language: str = "zh-CN"
) -> bytes:
    """The .docx bytes of a document whose body XML is ``body`` (paragraphs and tables)."""
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
    footer_rel = ""
    if parts.footer:
        footer_rel = "rId4"
        doc_rels.append((footer_rel, f"{_REL}/footer", "footer1.xml"))
        members.append(("word/footer1.xml", f"{_CT}.footer+xml", _root("ftr", parts.footer)))
    document = _root("document", f"<w:body>{body}{section_properties(page, footer_rel)}</w:body>")
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


def styles_part(default: Font, extra: str = "", paragraph_after: float = 10, paragraph_line: int = 276) -> str:
    """``styles.xml``: document defaults and Normal in ``default``, the built-in table and
    footer styles, plus ``extra`` style XML. ``paragraph_line`` is in 240ths of a line."""
    fonts = run_properties(default)
    defaults = (
        f"<w:docDefaults><w:rPrDefault>{fonts}</w:rPrDefault><w:pPrDefault><w:pPr>"
        f'<w:spacing w:after="{twips(paragraph_after)}" w:line="{paragraph_line}" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    border = 'w:val="single" w:sz="4" w:space="0" w:color="auto"'
    borders = "".join(f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    cell_margins = (
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    )
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f"{fonts}</w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
        f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>{cell_margins}</w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
        '<w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>{cell_margins}</w:tblPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4153"/>'
        '<w:tab w:val="right" w:pos="8306"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
    )
    return _root("styles", defaults + styles + extra)


def settings_part(tab_stop: int = 720) -> str:
    """``settings.xml``: default tab stop (twips) and East Asian layout, Word 2010 compatibility."""
    return _root(
        "settings",
        f'<w:zoom w:percent="100"/><w:defaultTabStop w:val="{tab_stop}"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:useFELayout/>'
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="14"/>'
        "</w:compat>"
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>',
    )
