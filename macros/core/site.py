"""The project being built. The MkDocs glue starts it once per build; macros look it
up when a page is rendered, after every ``on_config`` has run."""

from __future__ import annotations

from macros.core.project import Project

_current: Project | None = None


def start(project: Project) -> Project:
    global _current
    _current = project
    return _current


def current() -> Project:
    if _current is None:
        raise RuntimeError("the portal hook (macros/glue/hooks.py) is not configured in mkdocs.yml")
    return _current


def active() -> Project | None:
    """The project of the running build, or None before the hook has started one."""
    return _current
