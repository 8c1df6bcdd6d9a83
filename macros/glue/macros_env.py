"""Macros for the portal's pages. This module only registers the domains' macros and filters
(``Domain.macros``, ``Domain.filters``) with mkdocs-macros; the work is done in the domains."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from macros import composition
from macros.core import site
from macros.core.page_macros import MacroError, MacroPage


def define_env(env) -> None:
    registry = composition.REGISTRY
    for name, fn in registry.macros.items():
        env.macro(_page_macro(env, name, fn), name)
    for name, fn in registry.filters.items():
        env.filter(fn, name)


def _page_macro(env, name: str, fn: Callable[..., str]) -> Callable[..., str]:
    """``fn(page, *args)`` as mkdocs-macros calls it (``*args`` only), reporting a MacroError
    against the page; the signature without ``page`` is what scripts/check.py checks calls by."""

    def call(*args: Any, **kwargs: Any) -> str:
        project = site.current()
        page = MacroPage(project, env.page.file.src_uri, env.page.url)
        try:
            return fn(page, *args, **kwargs)
        except MacroError as err:
            # Reported without a traceback; the hook stops the build after rendering.
            source = env.page.file.abs_src_path or env.page.file.src_uri
            project.render_error(project.display(Path(source)), err.message)
            return err.shown

    signature = inspect.signature(fn)
    call.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])
    call.__name__ = call.__qualname__ = name
    call.__doc__ = fn.__doc__
    return call
