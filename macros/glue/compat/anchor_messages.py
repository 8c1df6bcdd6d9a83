"""Patch (MkDocs 1.6): a link to a missing anchor is reported like every other content problem.

MkDocs checks anchors after all pages are rendered (``validation.anchors: warn``) and logs
``Doc file 'a.md' contains a link 'b.md#x', but the doc 'b.md' does not contain an anchor
'#x'.`` — English, without a line. A filter on that logger rewrites the record, before
any handler sees it, into ``path:line:col: error: … [LINK-ANCHOR]`` in Chinese, at the link
in the page's source (:func:`macros.core.linkcheck.anchor_problem`). The record stays a
warning, so ``--strict`` still stops the build. The message text is MkDocs' own, which is
why this lives here, behind a version check: on another version the English message is
left as it is.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from macros.core.problems import Problem

# mkdocs/structure/pages.py, Page.validate_anchor_links (1.6)
MESSAGE = re.compile(
    r"^Doc file '(?P<src>.+?)' contains a link '(?P<link>.+?)', but "
    r"(?:the doc '(?P<target>.+?)' does not contain an anchor '#(?P<anchor>.*?)'|there is no such anchor on this page)\."
)
LOGGER = "mkdocs.structure.pages"


class AnchorMessages(logging.Filter):
    """Rewrites MkDocs' anchor warnings with ``locate(src_uri, link, target, anchor)``."""

    def __init__(self, locate: Callable[[str, str, str, str], Problem | None]) -> None:
        super().__init__("")
        self.locate = locate

    def filter(self, record: logging.LogRecord) -> bool:
        match = MESSAGE.match(record.getMessage())
        if match:
            link = match["link"]
            target = match["target"] or match["src"]
            anchor = match["anchor"] if match["target"] else link.partition("#")[2]
            try:
                problem = self.locate(match["src"], link, target, anchor)
            except Exception:  # the original message is better than none
                problem = None
            if problem is not None:
                record.msg, record.args = problem.format(), ()
        return True


def install(locate: Callable[[str, str, str, str], Problem | None]) -> None:
    """One filter on MkDocs' page logger (``mkdocs serve`` calls this for every rebuild)."""
    logger = logging.getLogger(LOGGER)
    for old in [f for f in logger.filters if isinstance(f, AnchorMessages)]:
        logger.removeFilter(old)
    logger.addFilter(AnchorMessages(locate))
