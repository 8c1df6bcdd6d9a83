"""Patch (mkdocs-macros-plugin 1.5): call mkdocs-macros only for pages that ask for macros.

mkdocs-macros prepares every page (copies its variables, checks the title) even when the
page has not asked for macros (``render_by_default: false``): 2,500 times a build at city
scale. Its ``on_page_markdown`` handler is wrapped so it runs only for pages that ask
(``render_macros: true``) or that it would force; every other page is returned as it was,
which is what the plugin itself returns for them.
"""

from __future__ import annotations

from typing import Any


def install(config: Any) -> None:
    """Wrap the plugin's handler in this build's event table (a new table every build)."""
    handlers = config.plugins.events.get("page_markdown", [])
    for i, handler in enumerate(handlers):
        plugin = getattr(handler, "__self__", None)
        if type(plugin).__name__ == "MacrosPlugin" and not getattr(handler, "_portal_opt_in", False):
            handlers[i] = _opt_in_only(handler, plugin)


def _opt_in_only(handler: Any, plugin: Any) -> Any:
    def on_page_markdown(markdown, page, config, files):
        flag = page.meta.get("render_macros")
        skip = (
            plugin.config.get("render_by_default") is False
            and flag is not True
            and flag != 1
            and not plugin.pre_macro_functions
            and not plugin.post_macro_functions
            and not plugin.force_page_rendering(page.file.src_path)
        )
        return markdown if skip else handler(markdown, page=page, config=config, files=files)

    on_page_markdown._portal_opt_in = True  # type: ignore[attr-defined]
    return on_page_markdown
