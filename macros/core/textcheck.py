"""Text rules for Simplified Chinese content.

``TEXT-TRAD``: a Traditional character in Simplified text. Whole lines are
converted with OpenCC's phrase-aware t2s conversion and compared with the
original, so words that are correct in Simplified Chinese (乾坤, 著名) are not
flagged the way a character-by-character table would flag them.

OpenCC's phrase table also maps some everyday simplified words to other words (打坏 → 打坯):
a character that is itself a simplified form (坏 is the simplified 壞) or that the
character table leaves alone is never reported, whatever the phrase conversion did.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from macros.build import cache as buildcache
from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.yamlload import read_text

if TYPE_CHECKING:
    from macros.core.registry import Project


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _to_traditional():
    import opencc

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=8192)
def is_traditional(char: str) -> bool:
    """True for a character only Traditional text uses: converted alone it changes (導 → 导),
    and it is not the simplified form of another character (坏 ← 壞, 干 ← 幹)."""
    return _converter().convert(char) != char and _to_traditional().convert(char) == char


def traditional_characters(text: str, path: str) -> list[Problem]:
    """One problem per run of Traditional characters, at its line and column."""
    convert = _converter().convert
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.isascii():
            continue
        for start, found, wanted in _traditional_runs(_differences(line, convert)):
            problems.append(
                Problem(
                    path,
                    number,
                    start + 1,
                    message("textcheck.traditional-characters", found=found, wanted=wanted),
                    rule="TEXT-TRAD",
                )
            )
    return problems


def _traditional_runs(runs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The differing runs cut down to their Traditional characters (see :func:`is_traditional`).
    A run whose conversion changed its length is kept whole when it has one such character."""
    out = []
    for start, found, wanted in runs:
        if len(found) != len(wanted):
            if any(is_traditional(c) for c in found):
                out.append((start, found, wanted))
            continue
        begin = None
        for i, char in enumerate(found + "\0"):
            keep = i < len(found) and char != wanted[i] and is_traditional(char)
            if keep and begin is None:
                begin = i
            elif not keep and begin is not None:
                out.append((start + begin, found[begin:i], wanted[begin:i]))
                begin = None
    return out


_PIECE = 500  # characters: SequenceMatcher is quadratic, a 10,000-character line took minutes


def _differences(line: str, convert) -> list[tuple[int, str, str]]:
    """(offset, Traditional run, Simplified run) for one line. Conversion almost always keeps
    the length: then the runs are found position by position, in linear time. Otherwise
    the line is aligned with SequenceMatcher, in pieces of at most _PIECE characters."""
    simplified = convert(line)
    if simplified == line:
        return []
    if len(simplified) == len(line):
        runs, start = [], None
        for i, (a, b) in enumerate(zip(line, simplified, strict=True)):
            if a != b and start is None:
                start = i
            elif a == b and start is not None:
                runs.append((start, line[start:i], simplified[start:i]))
                start = None
        if start is not None:
            runs.append((start, line[start:], simplified[start:]))
        return runs
    if len(line) > _PIECE:
        return [(at + i, a, b) for at in range(0, len(line), _PIECE) for i, a, b in _differences(line[at : at + _PIECE], convert)]
    matcher = difflib.SequenceMatcher(a=line, b=simplified, autojunk=False)
    return [(i1, line[i1:i2], simplified[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def text_files(project: Project) -> list[Path]:
    return project.markdown_files() + project.data_files()


def check_traditional(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    for path in text_files(project):
        # One value per file: under `mkdocs serve` a saved file is read and checked again alone.
        problems += project.once_each("textcheck.trad", _file_traditional, project.display(path))
    return problems


def _file_traditional(project: Project, display: str) -> list[Problem]:
    path = project.root / display
    # A file that is not readable UTF-8 text is reported by the syntax check; decoded with
    # replacement characters it would only add findings on garbage (GBK read as UTF-8).
    text, _ = read_text(path, display, page=path.suffix == ".md", root=project.root)
    if text is None:
        return []
    return buildcache.cached(buildcache.memo("text-trad"), f"{display}\0{text}", lambda: traditional_characters(text, display))
