"""Normalising a text before the anonymisation rules see it.

Every rule of the gate runs on the normalised text: NFKC (full-width digits,
letters, ＠ and ． become ASCII), invisible characters (zero-width spaces and
joiners, soft hyphens, byte-order marks, bidi controls) removed. A finding's
offsets are mapped back to the original text, so problems point at what the
author wrote, invisible characters included.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Format characters (category Cf) plus the few invisible ones that are not Cf.
_EXTRA_INVISIBLE = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u034f"}
# Punctuation NFKC leaves alone but that separates a number as a space or dash does.
_EXTRA_MAP = {"\u3000": " ", "\u2014": "-", "\u2013": "-", "\u2212": "-", "\u30fc": "-"}


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) == "Cf" or ch in _EXTRA_INVISIBLE


@dataclass(frozen=True)
class Normalised:
    text: str
    origin: tuple[int, ...] | None  # origin[i]: offset in the original of text[i]; None when identical
    original_length: int

    def start(self, i: int) -> int:
        """Original offset of the character at normalised offset ``i``."""
        if self.origin is None:
            return i
        return self.origin[i] if i < len(self.origin) else self.original_length

    def end(self, i: int) -> int:
        """Original offset just after the span ending (exclusively) at normalised offset ``i``."""
        if self.origin is None:
            return i
        return self.origin[i - 1] + 1 if i > 0 else 0


@lru_cache(maxsize=8192)
def _mapped(ch: str) -> str:
    """What one character becomes: NFKC, without invisible characters (possibly nothing)."""
    if _invisible(ch):
        return ""
    mapped = _EXTRA_MAP.get(ch) or unicodedata.normalize("NFKC", ch)
    return "".join(piece for piece in mapped if not _invisible(piece))


class _Table(dict):
    """str.translate's table, filled on first use of each character."""

    def __missing__(self, code: int) -> str:
        self[code] = _mapped(chr(code))
        return self[code]


_TABLE = _Table()


def normalise(text: str) -> Normalised:
    """NFKC with invisible characters removed, and where each character came from."""
    # One pass over the text: a text already in NFKC maps each of its characters to itself (no
    # whole-text NFKC first: that pass cost twice the translation).
    mapped = text.translate(_TABLE)
    if len(mapped) == len(text):  # one character for one (full-width punctuation): offsets unchanged
        return Normalised(mapped, None, len(text))
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        mapped = _mapped(ch)
        if len(mapped) == 1:  # the common case, one character for one
            out.append(mapped)
            origin.append(i)
            continue
        for piece in mapped:
            out.append(piece)
            origin.append(i)
    return Normalised("".join(out), tuple(origin), len(text))
