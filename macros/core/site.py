"""The project being built. The MkDocs glue starts it once per build; macros look it
up when a page is rendered, after every ``on_config`` has run. It is held by the build
session (:mod:`macros.build.session`), like all other state of a build."""

from __future__ import annotations

from macros.build import session
from macros.core.project import Project


def start(project: Project) -> Project:
    session.current().project = project
    return project


def current() -> Project:
    project = session.current().project
    if project is None:
        raise RuntimeError("the portal hook (macros/glue/hooks.py) is not configured in mkdocs.yml")
    return project


def active() -> Project | None:
    """The project of the running build, or None before the hook has started one."""
    return session.current().project
