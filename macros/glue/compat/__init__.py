"""Every replacement of a MkDocs, Material, mkdocs-macros or jieba internal, in one place.

The portal's output never depends on these patches: most make a build or a preview
faster (caches, a second core, fewer calls); two change what a person reads when
content is wrong (``serve-survives-errors``, ``anchor-messages``). The site is
byte-identical without them (tests/test_layout.py builds both ways). Each :class:`Patch` names the exact
version range of the package it was written for. On any other version it stays off
and logs one Chinese warning; ``PORTAL_PATCHES=off`` switches all of them off.

Material for MkDocs reaches end of life in May 2027 and MkDocs 2 drops plugins: when
the engine moves (docs/about/engine.md), this package is what is left behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from macros.core.config import settings

# Not under "mkdocs.": a patch left off is not a content problem and must not fail --strict.
log = logging.getLogger("portal.compat")

PATCHES_ENV = "PORTAL_PATCHES"


@dataclass(frozen=True)
class Patch:
    name: str
    package: str  # the distribution whose internals it replaces
    versions: str  # the range it was written for (PEP 440 specifiers)
    what: str  # what it replaces, for the warning and the docs

    def supported(self) -> bool:
        installed = installed_version(self.package)
        return installed is not None and Version(installed) in SpecifierSet(self.versions)


PATCHES: dict[str, Patch] = {
    p.name: p
    for p in (
        Patch("page-render-cache", "mkdocs", "~=1.6.0", "mkdocs.structure.pages.Page.render"),
        Patch("front-matter-cache", "mkdocs", "~=1.6.0", "mkdocs.utils.meta.get_data"),
        Patch("render-ahead", "mkdocs", "~=1.6.0", "在后台进程中用 Page.render 预先转换学校页面"),
        Patch("preview-build-page", "mkdocs", "==1.6.1", "mkdocs.commands.build._build_page（页面模板的输出按键复用）"),
        Patch("preview-writes", "mkdocs", "~=1.6.0", "mkdocs.utils.write_file / copy_file / clean_directory、File.copy_file"),
        Patch(
            "preview-search", "mkdocs-material", "~=9.8.0", "material.plugins.search.plugin.SearchIndex.add_entry_from_context"
        ),
        Patch("preview-templates", "mkdocs", "~=1.6.0", "主题模板环境的 bytecode_cache"),
        Patch(
            "search-jieba-cache",
            "mkdocs-material",
            "~=9.8.0",
            "material.plugins.search.plugin.jieba 与 SearchIndex._segment_chinese",
        ),
        Patch(
            "serve-survives-errors", "mkdocs", "~=1.6.0", "mkdocs.commands.serve.build 与 LiveReloadServer._inject_js_into_html"
        ),
        Patch("macros-opt-in", "mkdocs-macros-plugin", "~=1.5.0", "MacrosPlugin.on_page_markdown（只处理要求宏的页面）"),
        Patch("anchor-messages", "mkdocs", "~=1.6.0", "Page.validate_anchor_links 的英文警告（改为中文并带行列号）"),
    )
}


@cache
def installed_version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def switched_on() -> bool:
    """``PORTAL_PATCHES``: ``on`` (the default) or ``off``; anything else is reported once and read as on."""
    return settings().patches


_warned: set[str] = set()


def _warn_once(key: str, message: str) -> None:
    if key not in _warned:
        _warned.add(key)
        log.warning(message)


def allowed(name: str) -> bool:
    """Whether the patch ``name`` may be installed: switched on and written for the installed version."""
    patch = PATCHES[name]
    if not switched_on():
        return False
    if not patch.supported():
        found = installed_version(patch.package) or "未安装"
        _warn_once(
            name,
            f"补丁 {name}（替换 {patch.what}）是为 {patch.package} {patch.versions} 编写的，"
            f"当前版本为 {found}：此补丁不启用，门户照常构建，只是慢一些。",
        )
        return False
    return True


def install(name: str, do: Callable[[], object]) -> bool:
    """Run ``do`` (which installs the patch ``name``) if it is allowed; whether it ran."""
    if not allowed(name):
        return False
    do()
    return True
