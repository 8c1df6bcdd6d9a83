"""Where words occur in a text: a helper of the person detector (rule CASE-ANON-NAME), kept
apart from :mod:`macros.casebook.anon_names`, which re-exports it, so that module stays short."""

from __future__ import annotations

from collections.abc import Iterable


def find_words(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``words`` occur in ``text``, left to right without overlaps, the longest at a
    position first — what a regular expression of the words joined by | finds, without
    compiling one per case (a compile costs more than the whole scan of a case)."""
    found: list[tuple[int, int]] = []  # (start, minus the length): sorted as they are, longest first (speed: no key)
    for word in set(words):
        if word:
            i = text.find(word)
            while i >= 0:
                found.append((i, -len(word)))
                i = text.find(word, i + 1)
    found.sort()
    out: list[tuple[int, int]] = []
    end = 0
    for start, minus in found:
        if start >= end:
            end = start - minus
            out.append((start, end))
    return out


def vocative(text: str, start: int, end: int) -> bool:
    """“向老师，我能不能…: someone addressed, between an opening quote and a comma or an exclamation
    mark (where 向 or 和 before a title is a surname, not “towards” or “and”)."""
    return text[start - 1 : start] in ("“", "「") and text[end : end + 1] in ("，", ",", "！", "!")
