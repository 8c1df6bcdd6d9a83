"""Text rules for Simplified Chinese content.

``TEXT-TRAD``: a Traditional character in Simplified text. Whole lines are
converted with OpenCC's phrase-aware t2s conversion and compared with the
original, so words that are correct in Simplified Chinese (乾坤, 著名) are not
flagged the way a character-by-character table would flag them.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from macros.build import cache as buildcache
from macros.core.problems import Problem

if TYPE_CHECKING:
    from macros.core.project import Project


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def traditional_characters(text: str, path: str) -> list[Problem]:
    """One problem per run of Traditional characters, at its line and column."""
    convert = _converter().convert
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.isascii():
            continue
        simplified = convert(line)
        if simplified == line:
            continue
        matcher = difflib.SequenceMatcher(a=line, b=simplified, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            found, wanted = line[i1:i2], simplified[j1:j2]
            problems.append(Problem(path, number, i1 + 1, f"繁体字“{found}”，简体应为“{wanted}”", rule="TEXT-TRAD"))
    return problems


def text_files(project: Project) -> list[Path]:
    return project.markdown_files() + project.data_files()


def check_traditional(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    memo = buildcache.memo("text-trad", _version())
    for path in text_files(project):
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        display = project.display(path)
        problems += buildcache.cached(memo, f"{display}\0{text}", lambda: traditional_characters(text, display))  # noqa: B023
    return problems


def _version() -> str:
    from importlib.metadata import version

    return buildcache.fingerprint(Path(__file__), version("opencc"))
