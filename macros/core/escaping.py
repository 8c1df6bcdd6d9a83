"""Escaping helpers: every string that came from YAML passes through one of these.

mkdocs-macros does not autoescape, so a title such as ``<script>`` in a data
file would otherwise reach the page as markup.
"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")


def esc(text: object) -> str:
    """Escape text for an HTML element or attribute."""
    return html.escape("" if text is None else str(text), quote=True)


def md_esc(text: object) -> str:
    """Escape text for Markdown: HTML-escaped, and Markdown syntax made literal."""
    out = esc(text)
    if _MD_SPECIAL.search(out):  # most text has none: skip the substitution (called ~10^5 times a build)
        out = _MD_SPECIAL.sub(r"\\\1", out)
    return out.replace("\n", " ") if "\n" in out else out


def md_title(text: object) -> str:
    """Text safe inside a Markdown link title ``"..."``."""
    return esc(text).replace("\n", " ").replace("\\", "\\\\")


_TAG = re.compile(r"<[^>]+>")


def strip_tags(text: str) -> str:
    return html.unescape(_TAG.sub("", text))


def shorten(text: str, limit: int = 160) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
