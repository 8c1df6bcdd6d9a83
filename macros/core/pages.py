"""The page types every domain produces: pages that live outside ``docs/`` (cases,
lessons, school pages, print views …) and downloads written during the build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # where the page appears in the site, e.g. "cases/home-visit.md"
    abs_src_path: Path | None = None  # a real file …
    content: str | bytes | None = None  # … or generated Markdown (or a generated download, as bytes)


# First directory of a page in the site → section name, in display order.
SECTIONS = {"handbooks": "指导手册", "training": "培训课程", "cases": "案例库", "tips": "区域锦囊", "schools": "一校一策"}


@dataclass(frozen=True)
class ThemedPage:
    src_uri: str  # as in the site, e.g. "training/home-visit/index.md"
    title: str
    themes: tuple[str, ...]

    @property
    def section(self) -> str:
        return SECTIONS.get(self.src_uri.split("/", 1)[0], "")
