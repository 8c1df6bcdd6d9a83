"""What a domain's macro receives and raises (``Domain.macros``), so that no domain knows
mkdocs-macros: the glue (:mod:`macros.glue.macros_env`) makes a :class:`MacroPage` for the
page being rendered and reports a :class:`MacroError` as ``path: error: message``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from macros.core.escaping import esc

if TYPE_CHECKING:
    from macros.core.registry import Project


@dataclass(frozen=True)
class MacroPage:
    """The page a macro is rendered on."""

    project: Project
    src_uri: str  # e.g. handbooks/home-school/index.md
    url: str  # the page's address in the site, e.g. handbooks/home-school/


class MacroError(Exception):
    """A content problem found by a macro: reported against the page (the build stops after
    rendering), and ``shown`` in the page meanwhile (by default the message, in bold)."""

    def __init__(self, message: str, shown: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.shown = f"**{esc(message)}**" if shown is None else shown
