"""The fixed parts of the house style's Word files: ``styles.xml``, ``settings.xml``,
``fontTable.xml``, the theme and the GB/T 9704 page-number footers.

GB/T 9704-2012《党政机关公文格式》: A4, 版心 156 × 225 mm (天头 37 mm, 订口 28 mm),
22 lines of 28 characters of 三号仿宋 — written as a ``linesAndChars`` document grid,
so Word, WPS and LibreOffice all lay the body on it. 一级标题 黑体, 二级 楷体, 三级
仿宋, each a heading style with an outline level (navigation pane, table of contents);
``Normal`` is the body text itself (仿宋 三号, justified, first line indented two
characters), so text a school adds matches. The page number is 4号半角宋体 “— N —”,
right on odd pages and left on even pages, one character in from the edge of the
text block, the dash line 7 mm below it (GB/T 9704 7.5).

Fonts a computer may not have are declared with an alternative name, a PANOSE class
and the code pages they cover (``fontTable.xml``), so that Word and WPS substitute a
face of the same kind (a Song face for 方正小标宋简体) rather than whatever they like;
README (“字体”) says what each application shows when a font is missing.
"""

from __future__ import annotations

from functools import lru_cache

from macros.documents import wordml
from macros.documents.wordml import Font

FONT_TITLE = "方正小标宋简体"
FONT_HEADING_1 = "黑体"
FONT_HEADING_2 = "楷体"
FONT_HEADING_3 = "仿宋"
FONT_BODY = "仿宋"
FONT_PAGE_NUMBER = "宋体"
FONT_LATIN = "Times New Roman"
SIZE_TITLE = 22.0  # 二号
SIZE_BODY = 16.0  # 三号
SIZE_TABLE = 14.0  # 四号
SIZE_NOTE = 12.0  # 小四
SIZE_PAGE_NUMBER = 14.0  # 4号
HINT_COLOR = "808080"

# The grid is ``lines`` (22 lines of 28.95 pt) and the 28 characters come from condensing
# 三号 text by 0.25 pt: LibreOffice 7.4 lays each 16 pt character of a ``linesAndChars`` grid
# over two 15.79 pt cells (14 characters a line), while Word, WPS and LibreOffice all fit
# 28 characters of 15.75 pt into the 156 mm line (README, “Word 文档”).
PAGE = wordml.Page(
    width=210, height=297, top=37, bottom=35, left=28, right=26, footer=25.5,
    grid_lines=22, grid_chars=28, grid_font=SIZE_BODY, grid_type="lines",
)  # fmt: skip
LINE_TWIPS = wordml.grid_pitches(PAGE)[0]
LINE_PITCH = LINE_TWIPS / 20  # points: 28.95, one line of the grid
SPACING = wordml.grid_letter_spacing(PAGE)  # -0.25 pt
CHAR_PITCH = SIZE_BODY + SPACING  # points: 15.75, one character of a body line
INDENT = 2 * CHAR_PITCH  # the first-line indent: two characters, so that line holds 26

# name, alternative name, PANOSE, family, pitch, Unicode and code-page signature (GB2312
# is bit 18 of csb0). The PANOSE of a Song face for 方正小标宋简体 and of the
# Windows faces for the others: what Word and WPS match a missing font against.
_CJK_SIG = 'w:usb0="800002BF" w:usb1="38CF7CFA" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"'
_SONG_SIG = 'w:usb0="00000003" w:usb1="288F0000" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"'
_FONTS = (
    (FONT_LATIN, "", "02020603050405020304", "00", "roman", "variable",
     'w:usb0="E0002EFF" w:usb1="C000785B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"'),
    (FONT_TITLE, "华文中宋", "02010600030101010101", "86", "auto", "variable", _SONG_SIG),
    (FONT_PAGE_NUMBER, "SimSun", "02010600030101010101", "86", "auto", "variable", _SONG_SIG),
    (FONT_BODY, "仿宋_GB2312", "02010609060101010101", "86", "modern", "fixed", _CJK_SIG),
    (FONT_HEADING_1, "SimHei", "02010609060101010101", "86", "modern", "fixed", _CJK_SIG),
    (FONT_HEADING_2, "楷体_GB2312", "02010609060101010101", "86", "modern", "fixed", _CJK_SIG),
)  # fmt: skip
FONT_TABLE = tuple(
    f'<w:font w:name="{name}">' + (f'<w:altName w:val="{alt}"/>' if alt else "")
    + f'<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/><w:family w:val="{family}"/>'
    f'<w:pitch w:val="{pitch}"/><w:sig {sig}/></w:font>'
    for name, alt, panose, charset, family, pitch, sig in _FONTS
)  # fmt: skip


@lru_cache(maxsize=256)
def font(east_asia: str, size: float, bold: bool = False, italic: bool = False, color: str = "") -> Font:
    """Run properties in the house style (Latin text in Times New Roman); 三号 text is
    condensed to the grid's 28 characters a line."""
    return Font(east_asia, size, FONT_LATIN, bold, italic, color, SPACING if size == SIZE_BODY else 0)


def _ppr(*, indent: bool = True, align: str = "", snap: bool = True, line: float | None = None, keep: str = "",
         outline: str = "") -> str:  # fmt: skip
    """A style's ``w:pPr`` in schema order: ``keep`` (keepNext, widowControl…) before the
    spacing, ``outline`` after the alignment."""
    spacing = f'w:line="{round(line * 20)}" w:lineRule="exact"' if line else 'w:line="240" w:lineRule="auto"'
    ind = f'w:firstLine="{round(INDENT * 20)}" w:firstLineChars="200"' if indent else 'w:firstLine="0" w:firstLineChars="0"'
    return (
        f"<w:pPr>{keep}" + ("" if snap else '<w:snapToGrid w:val="0"/>')
        + f'<w:spacing w:before="0" w:after="0" {spacing}/><w:ind {ind}/>'
        + (f'<w:jc w:val="{align}"/>' if align else "") + f"{outline}</w:pPr>"
    )  # fmt: skip


def _style(kind: str, sid: str, name: str, inner: str, based: str = "Normal", extra: str = "") -> str:
    basis = f'<w:basedOn w:val="{based}"/>' if based else ""
    return f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{name}"/>{basis}{extra}{inner}</w:style>'


def _heading(level: int, face: str) -> str:
    ppr = _ppr(keep="<w:keepNext/><w:keepLines/>", outline=f'<w:outlineLvl w:val="{level - 1}"/>')
    return _style(
        "paragraph",
        f"Heading{level}",
        f"heading {level}",
        ppr + wordml.run_properties(font(face, SIZE_BODY)),
        extra='<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>',
    )


def styles_xml() -> str:
    """``styles.xml`` of the house style."""
    body = font(FONT_BODY, SIZE_BODY)
    border = 'w:val="single" w:sz="4" w:space="0" w:color="auto"'
    borders = "".join(f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    cell_margins = (
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    )
    # Widow and orphan control off, as in 公文: it would leave a page one line short of 22.
    normal_ppr = _ppr(align="both", keep='<w:widowControl w:val="0"/>')
    defaults = (
        f"<w:docDefaults><w:rPrDefault>{wordml.run_properties(body)}</w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f"{normal_ppr}{wordml.run_properties(body)}</w:style>"
        + _heading(1, FONT_HEADING_1)
        + _heading(2, FONT_HEADING_2)
        + _heading(3, FONT_HEADING_3)
        + _style(
            "paragraph",
            "Title",
            "Title",
            _ppr(indent=False, align="center", snap=False, line=LINE_PITCH) + wordml.run_properties(font(FONT_TITLE, SIZE_TITLE)),
            extra='<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>',
        )
        + _style(
            "paragraph",
            "Subtitle",
            "Subtitle",
            _ppr(indent=False, align="center") + wordml.run_properties(font(FONT_HEADING_2, SIZE_BODY)),
            extra='<w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/>',
        )
        + _style(
            "paragraph",
            "Footer",
            "footer",
            _ppr(indent=False, snap=False, line=SIZE_PAGE_NUMBER)
            + wordml.run_properties(font(FONT_PAGE_NUMBER, SIZE_PAGE_NUMBER)),
            extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
        )
        # A form cell's hint line. LibreOffice (7.4) shows a content control's placeholder in
        # the paragraph's character format, ignoring the placeholder run's own: so the grey
        # 小四 is the paragraph style's too.
        + _style(
            "paragraph",
            "FormHint",
            "Form Hint",
            _ppr(indent=False, snap=False) + wordml.run_properties(font(FONT_BODY, SIZE_NOTE, color=HINT_COLOR)),
            extra='<w:uiPriority w:val="99"/>',
        )
        + '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        + _style(
            "character",
            "PlaceholderText",
            "Placeholder Text",
            f'<w:rPr><w:color w:val="{HINT_COLOR}"/></w:rPr>',
            based="DefaultParagraphFont",
            extra='<w:uiPriority w:val="99"/><w:semiHidden/>',
        )
        + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
        f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>{cell_margins}</w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
        '<w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>{cell_margins}</w:tblPr></w:style>'
    )
    return wordml._root("styles", defaults + styles)


def page_number_footer(odd: bool) -> str:
    """“— N —” in 4号宋体: the dashes and the field are separate runs (one size for all three
    in every application); right on odd pages, left on even ones, one character in."""
    number = font(FONT_PAGE_NUMBER, SIZE_PAGE_NUMBER)
    runs = wordml.run("— ", number) + wordml.field_run("PAGE", "1", number) + wordml.run(" —", number)
    left, right = (0, SIZE_PAGE_NUMBER) if odd else (SIZE_PAGE_NUMBER, 0)
    fmt = wordml.Format(align="right" if odd else "left", before=None, after=None, style="Footer", left=left, right=right)
    return wordml.paragraph(runs, fmt)


_SCHEME_COLORS = (
    ("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'),
    ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
    *((name, f'<a:srgbClr val="{rgb}"/>') for name, rgb in (
        ("dk2", "44546A"), ("lt2", "E7E6E6"), ("accent1", "4472C4"), ("accent2", "ED7D31"), ("accent3", "A5A5A5"),
        ("accent4", "FFC000"), ("accent5", "5B9BD5"), ("accent6", "70AD47"), ("hlink", "0563C1"), ("folHlink", "954F72"),
    )),
)  # fmt: skip


def theme_xml() -> str:
    """A small theme whose fonts are the house fonts (text set to a theme font in Word
    then stays 仿宋 / 黑体), with the colour and format schemes the schema requires."""
    colors = "".join(f"<a:{name}>{value}</a:{name}>" for name, value in _SCHEME_COLORS)
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350">{fill}</a:ln>'

    def fonts(tag: str, east: str) -> str:
        return (
            f'<a:{tag}><a:latin typeface="{FONT_LATIN}"/><a:ea typeface=""/><a:cs typeface=""/>'
            f'<a:font script="Hans" typeface="{east}"/></a:{tag}>'
        )

    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="公文">'
        f'<a:themeElements><a:clrScheme name="公文">{colors}</a:clrScheme>'
        f'<a:fontScheme name="公文">{fonts("majorFont", FONT_HEADING_1)}{fonts("minorFont", FONT_BODY)}</a:fontScheme>'
        f'<a:fmtScheme name="公文"><a:fillStyleLst>{fill * 3}</a:fillStyleLst><a:lnStyleLst>{line * 3}</a:lnStyleLst>'
        f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
    )


PARTS = wordml.Parts(
    styles=styles_xml(),
    settings=wordml.settings_part(even_and_odd=True),
    footer=page_number_footer(odd=True),
    even_footer=page_number_footer(odd=False),
    fonts=FONT_TABLE,
    theme=theme_xml(),
)
