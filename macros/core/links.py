"""Links between pages of the site, by their source paths (``cases/home-visit.md``).

Markdown links use source paths (MkDocs resolves ``.md`` links and checks them under
``--strict``); links written into HTML or JSON for the browser use directory URLs.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


@lru_cache(maxsize=65536)  # pure, and asked tens of thousands of times a build at city scale
def relative_link(from_src_uri: str, to_src_uri: str) -> str:
    """Relative Markdown link from one page (or file) of the site to another."""
    return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")


def page_url(src_uri: str) -> str:
    """The directory URL MkDocs gives a page (``use_directory_urls``), relative to the site root."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


def relative_url(from_src_uri: str, to_src_uri: str, anchor: str = "") -> str:
    """Relative URL between the built pages of two sources, for links the browser follows."""
    here, there = page_url(from_src_uri), page_url(to_src_uri)
    rel = posixpath.relpath(there or ".", here or ".")
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")
