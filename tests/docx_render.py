"""Word files as printed: every shipped .docx converted to PDF by LibreOffice headless
(one soffice call for all of them, a private profile), and the PDF read back as text
lines and table rules with pdfplumber, in points from the top left of the page."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
MM = 72 / 25.4


# LibreOffice's font replacement table (工具 → 选项 → 字体), as README advises schools on
# Linux to set it: serif faces for the Song/FangSong/Kai fonts the documents ask for. It
# changes how the pages look, not where the text goes (every Chinese face is one em wide).
REPLACEMENTS = (
    ("方正小标宋简体", "Noto Serif CJK SC"),
    ("仿宋", "Noto Serif CJK SC"),
    ("宋体", "Noto Serif CJK SC"),
    ("楷体", "Noto Serif CJK SC"),
    ("黑体", "Noto Sans CJK SC"),
)


def _profile(profile: Path) -> None:
    pairs = "".join(
        f'<node oor:name="_{n}" oor:op="replace"><prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
        '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
        f'<prop oor:name="ReplaceFont" oor:op="fuse"><value>{name}</value></prop>'
        f'<prop oor:name="SubstituteFont" oor:op="fuse"><value>{substitute}</value></prop></node>'
        for n, (name, substitute) in enumerate(REPLACEMENTS)
    )
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<item oor:path="/org.openoffice.Office.Common/Font/Substitution">'
        '<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>'
        f'<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">{pairs}</item></oor:items>',
        encoding="utf-8",
    )


def convert(files: list[Path], out_dir: Path, profile: Path) -> dict[str, Path]:
    """PDFs of ``files`` (by stem), converted in one LibreOffice run with a private profile."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _profile(profile)
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *map(str, files),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    pdfs = {f.stem: out_dir / f"{f.stem}.pdf" for f in files}
    missing = [name for name, pdf in pdfs.items() if not pdf.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stdout}{result.stderr}"
    return pdfs


@dataclass
class Line:
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    chars: list[dict]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)


@dataclass
class Page:
    number: int  # from 1
    width: float
    height: float
    lines: list[Line]
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # horizontal: (y, x0, x1)
    columns: list[tuple[float, float, float]] = field(default_factory=list)  # vertical: (x, top, bottom)


def _lines(chars: list[dict]) -> list[Line]:
    """Characters grouped into lines by baseline (within 2 pt), left to right."""
    rows: dict[int, list[dict]] = defaultdict(list)
    for ch in sorted(chars, key=lambda c: (round(c["bottom"]), c["x0"])):
        key = next((k for k in rows if abs(k - ch["bottom"]) <= 2), round(ch["bottom"]))
        rows[key].append(ch)
    lines = []
    for _, cs in sorted(rows.items()):
        cs.sort(key=lambda c: c["x0"])
        lines.append(
            Line(
                min(c["top"] for c in cs),
                max(c["bottom"] for c in cs),
                cs[0]["x0"],
                cs[-1]["x1"],
                max(c["size"] for c in cs),
                cs,
            )
        )
    return lines


def read_pdf(path: Path) -> list[Page]:
    pages = []
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            chars = [c for c in page.chars if c["text"].strip() or c["text"] == "\u3000"]  # 全角空格 takes a cell
            rules = [(e["top"], e["x0"], e["x1"]) for e in page.edges if e["orientation"] == "h"]
            columns = [(e["x0"], e["top"], e["bottom"]) for e in page.edges if e["orientation"] == "v"]
            pages.append(Page(n, page.width, page.height, _lines(chars), sorted(rules), sorted(columns)))
    return pages


def full_width(text: str) -> bool:
    return all(unicodedata.east_asian_width(c) in "WF" for c in text)


def table_spans(page: Page) -> list[tuple[float, float]]:
    """(top, bottom) of each table fragment on the page: runs of horizontal rules joined by
    vertical ones."""
    spans: list[tuple[float, float]] = []
    for _x, top, bottom in page.columns:
        for i, (t, b) in enumerate(spans):
            if top <= b + 1 and bottom >= t - 1:
                spans[i] = (min(t, top), max(b, bottom))
                break
        else:
            spans.append((top, bottom))
    return sorted(spans)


def row_bands(page: Page, span: tuple[float, float]) -> list[tuple[float, float]]:
    """The rows of one table fragment: bands between consecutive horizontal rules."""
    ys = sorted({round(y, 1) for y, _, _ in page.rules if span[0] - 1 <= y <= span[1] + 1})
    merged: list[float] = []
    for y in ys:
        if not merged or y - merged[-1] > 1.5:
            merged.append(y)
    return list(zip(merged, merged[1:], strict=False))


def first_column_text(page: Page, band: tuple[float, float], left: float, right: float) -> str:
    """Text inside one row band and between two x positions (a cell)."""
    return "".join(
        c["text"]
        for line in page.lines
        for c in line.chars
        if band[0] <= (c["top"] + c["bottom"]) / 2 <= band[1] and left <= (c["x0"] + c["x1"]) / 2 <= right
    )
