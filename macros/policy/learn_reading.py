"""Reading aids added to every page's HTML (issue 13).

Editorial restorations in policy texts (``<ins class="ed" title="理由">``) carry their
reason in a title. A title is shown on hover only, so a keyboard or a phone never
reaches it; with ``tabindex="0"`` the note takes focus (Tab, or a tap) and Material's
tooltip, which opens on focus as well as on hover, shows the reason.
"""

from __future__ import annotations

import re

_ED_NOTE = re.compile(r"<ins class=\"ed\"(?![^>]*\btabindex=)")


def focusable_notes(html: str) -> str:
    """Editorial notes reachable by keyboard and tap."""
    if '<ins class="ed"' not in html:
        return html
    return _ED_NOTE.sub('<ins class="ed" tabindex="0"', html)
