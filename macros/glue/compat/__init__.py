"""Every replacement of a MkDocs, Material, mkdocs-macros or jieba internal, in one place.

The portal's output never depends on these patches: most make a build or a preview
faster (caches, a second core, fewer calls); two change what a person reads when
content is wrong (``serve-survives-errors``, ``anchor-messages``). The site is
byte-identical without them (tests/test_layout.py builds both ways). Each :class:`Patch` names the exact
version range of the package it was written for. On any other version it stays off
and logs one Chinese warning; ``PORTAL_PATCHES=off`` switches all of them off.

What the portal *relies on* rather than patches is listed here too (:data:`RELIANCES`): the
name of Material's search worker that ``overrides/main.html`` replaces, the partial
``overrides/partials/search.html`` forked from Material 9.8.1, the private
``SearchIndex._segment_chinese`` that :mod:`macros.glue.search` calls. They shape the
output, so ``PORTAL_PATCHES`` does not switch them; outside its range each is left off the
same way (same warning) and the portal falls back to Material's own behaviour.

"The installed version" of ``mkdocs`` means the engine actually running: ProperDocs
(docs/about/engine.md) aliases every ``mkdocs.*`` module to its own ``properdocs.*`` while
mkdocs 1.6.1 stays installed beside it because Material requires it, so the package
metadata would name code that is not running. :func:`running` asks the imported module.

Material for MkDocs reaches end of life in May 2027 and MkDocs 2 drops plugins: when
the engine moves (docs/about/engine.md), this package is what is left behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Literal

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from macros.core.config import settings

# Not under "mkdocs.": a patch left off is not a content problem and must not fail --strict.
log = logging.getLogger("portal.compat")

PATCHES_ENV = "PORTAL_PATCHES"


ENGINE = "mkdocs"  # a Patch's package for the MkDocs engine, whichever of the two runs it


@dataclass(frozen=True)
class Patch:
    name: str
    package: str  # the distribution whose internals it replaces (ENGINE: MkDocs or ProperDocs)
    versions: str  # the range it was written for (PEP 440 specifiers)
    what: str  # what it replaces, for the warning and the docs
    # For ENGINE patches: the ProperDocs range the same internals were compared in (its
    # functions are MkDocs 1.6.1's; tests/test_properdocs.py builds with the patches on).
    properdocs: str = ""
    kind: Literal["patch", "reliance"] = "patch"

    def range_for(self, distribution: str) -> str:
        return self.properdocs if distribution == "properdocs" else self.versions

    def supported(self) -> bool:
        distribution, found = running(self.package)
        ranges = self.range_for(distribution)
        return found is not None and bool(ranges) and Version(found) in SpecifierSet(ranges)


PATCHES: dict[str, Patch] = {
    p.name: p
    for p in (
        Patch("page-render-cache", ENGINE, "~=1.6.0", "mkdocs.structure.pages.Page.render", "==1.6.7"),
        Patch(
            "repeated-blocks",
            ENGINE,
            "~=1.6.0",
            "mkdocs.structure.pages.Page.render（多个页面重复的表格行每次构建只转换一次）",
            "==1.6.7",
        ),
        Patch(
            "html-tails",
            ENGINE,
            "~=1.6.0",
            "mkdocs.structure.pages.Page.render（学校方案的各节直接写成 HTML，不经 Markdown 转换）",
            "==1.6.7",
        ),
        Patch("front-matter-cache", ENGINE, "~=1.6.0", "mkdocs.utils.meta.get_data", "==1.6.7"),
        Patch("render-ahead", ENGINE, "~=1.6.0", "在后台进程中用 Page.render 预先转换学校和案例页面", "==1.6.7"),
        Patch("preview-build-page", ENGINE, "==1.6.1", "mkdocs.commands.build._build_page（页面模板的输出按键复用）", "==1.6.7"),
        Patch("pages-ahead", ENGINE, "==1.6.1", "在后台进程中预先渲染页面模板（填 _build_page 的页面输出缓存）", "==1.6.7"),
        Patch("release-pages", ENGINE, "==1.6.1", "构建中页面转换完后释放 Page.markdown（派生模板进程之前）", "==1.6.7"),
        Patch(
            "preview-writes",
            ENGINE,
            "~=1.6.0",
            "mkdocs.utils.write_file / copy_file / clean_directory、File.copy_file",
            "==1.6.7",
        ),
        Patch(
            "preview-search", "mkdocs-material", "~=9.8.0", "material.plugins.search.plugin.SearchIndex.add_entry_from_context"
        ),
        Patch("preview-templates", ENGINE, "~=1.6.0", "主题模板环境的 bytecode_cache", "==1.6.7"),
        Patch(
            "preview-incremental",
            ENGINE,
            "==1.6.1",
            "mkdocs.commands.build.build、_populate_page、_build_page（预览只重建一次保存影响到的页面）",
            "==1.6.7",
        ),
        Patch(
            "search-jieba-cache",
            "mkdocs-material",
            "~=9.8.0",
            "material.plugins.search.plugin.jieba 与 SearchIndex._segment_chinese",
        ),
        Patch(
            "serve-survives-errors",
            ENGINE,
            "~=1.6.0",
            "mkdocs.commands.serve.build 与 LiveReloadServer._inject_js_into_html",
            "==1.6.7",
        ),
        Patch("serve-watcher", ENGINE, "==1.6.1", "LiveReloadServer 的文件监视（inotify 代替每 0.5 秒的轮询）", "==1.6.7"),
        Patch("macros-opt-in", "mkdocs-macros-plugin", "~=1.5.0", "MacrosPlugin.on_page_markdown（只处理要求宏的页面）"),
        Patch("anchor-messages", ENGINE, "~=1.6.0", "Page.validate_anchor_links 的英文警告（改为中文并带行列号）", "==1.6.7"),
    )
}

# What the portal relies on without patching it (see the module's docstring); off outside the
# range: Material's own search worker, partial or segmentation is then used instead.
RELIANCES: dict[str, Patch] = {
    p.name: p
    for p in (
        Patch(
            "search-worker-name",
            "mkdocs-material",
            "~=9.8.0",
            "overrides/main.html 替换的搜索 worker 文件名（Material 的 worker 消息格式）",
            kind="reliance",
        ),
        Patch(
            "search-partial",
            "mkdocs-material",
            "==9.8.1",
            "overrides/partials/search.html（Material 9.8.1 partials/search.html 的改写）",
            kind="reliance",
        ),
        Patch(
            "search-segmenter",
            "mkdocs-material",
            "~=9.8.0",
            "material.plugins.search.plugin.SearchIndex._segment_chinese（学校条目的中文分词）",
            kind="reliance",
        ),
        # macros/core/tables.py writes Material's table wrappers at build time and portal.css
        # copies its table rules for .data-table (#25): both follow Material 9.8's markup.
        Patch(
            "material-table-wrappers",
            "mkdocs-material",
            "~=9.8.0",
            "Material 的表格外层 div.md-typeset__scrollwrap / div.md-typeset__table 及其表格样式（构建时包好表格）",
            kind="reliance",
        ),
    )
}


@cache
def installed_version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def running(package: str) -> tuple[str, str | None]:
    """(distribution, version) of the code that runs for ``package``.

    For ENGINE that is whatever ``import mkdocs`` gives: under ProperDocs its own
    ``properdocs`` module (``properdocs.replacement`` aliases ``mkdocs`` to it), whatever the
    installed ``mkdocs`` distribution says. Not cached: it is a dictionary look-up.
    """
    if package == ENGINE:
        import mkdocs

        name = "properdocs" if mkdocs.__name__ == "properdocs" else "mkdocs"
        return name, getattr(mkdocs, "__version__", None) or installed_version(name)
    return package, installed_version(package)


def _found(package: str) -> str:
    distribution, found = running(package)
    label = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}.get(distribution, distribution)
    return f"{label} {found}" if found else f"{label} 未安装"


def switched_on() -> bool:
    """``PORTAL_PATCHES``: ``on`` (the default) or ``off``; anything else is reported once and read as on."""
    return settings().patches


_warned: set[str] = set()


def _warn_once(key: str, message: str) -> None:
    if key not in _warned:
        _warned.add(key)
        log.warning(message)


def _written_for(patch: Patch) -> str:
    if patch.package == ENGINE:
        return f"MkDocs {patch.versions}" + (f" 或 ProperDocs {patch.properdocs}" if patch.properdocs else "")
    return f"{patch.package} {patch.versions}"


def _in_range(patch: Patch) -> bool:
    if patch.supported():
        return True
    if patch.kind == "patch":
        outcome = "此补丁不启用，门户照常构建，只是慢一些。"
    else:
        outcome = "此处不启用，改用 Material 自带的做法，请核对搜索（docs/about/engine.md）。"
    _warn_once(
        patch.name,
        f"补丁 {patch.name}（替换 {patch.what}）是为 {_written_for(patch)} 编写的，当前运行的是 {_found(patch.package)}：{outcome}",
    )
    return False


def allowed(name: str) -> bool:
    """Whether the patch ``name`` may be installed: switched on and written for the running version."""
    return switched_on() and _in_range(PATCHES[name])


def relied_on(name: str) -> bool:
    """Whether the portal may rely on the internal ``name`` (:data:`RELIANCES`): written for the
    running version. ``PORTAL_PATCHES`` does not apply: these shape the output."""
    return _in_range(RELIANCES[name])


def install(name: str, do: Callable[[], object]) -> bool:
    """Run ``do`` (which installs the patch ``name``) if it is allowed; whether it ran."""
    if not allowed(name):
        return False
    do()
    return True


def wrap_page_render(marker: str, convert: Callable[[Any, Any, Any, Callable[..., None]], bool]) -> None:
    """Wrap ``Page.render`` once (``marker`` tells a wrapper already installed): a page of
    Markdown goes to ``convert(page, config, files, original)`` first, and to the original
    ``render`` when ``convert`` leaves it (returns False). The patches that convert part of a
    page themselves (``repeated-blocks``, ``html-tails``) install themselves with it."""
    from mkdocs.structure import pages

    if getattr(pages.Page.render, marker, False):
        return
    original = pages.Page.render

    def render(self: Any, config: Any, files: Any) -> None:
        if type(self) is not pages.Page or self.markdown is None or not convert(self, config, files, original):
            original(self, config, files)

    setattr(render, marker, True)
    pages.Page.render = render
