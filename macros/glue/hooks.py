"""MkDocs hooks: thin glue between MkDocs events and the engine.

Loaded by path from ``mkdocs.yml`` (``hooks:``), so it imports the engine as
the ``macros`` package from the project root.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros.build import cache as buildcache
from macros.composition import collection_pages, expand_nav  # noqa: E402
from macros.core import searchtext as search_index
from macros.core import site  # noqa: E402
from macros.core.pages import render_page_content, render_page_markdown  # noqa: E402
from macros.core.project import check_project  # noqa: E402
from macros.glue import benchdump
from macros.glue.compat import preview_cache, render_ahead, render_cache
from macros.handbook.handbooks import project_handbooks, splice_nav  # noqa: E402
from macros.handbook.templates import write_templates  # noqa: E402
from macros.plans.schools import load_schools, school_search_entries  # noqa: E402
from macros.tips.news import write_feed  # noqa: E402

log = logging.getLogger("mkdocs.plugins.portal")
GC_THRESHOLDS = (50_000, 20, 100)  # CPython's defaults: (700, 10, 10)


def on_shutdown():
    if buildcache.serving:  # the caches of the last rebuild, for the next session
        buildcache.save_all()
    else:
        # `mkdocs build` is about to exit: let the interpreter skip rescanning the build's few
        # million objects in its final collection (about a second at city scale).
        gc.freeze()


# State that must outlive one build lives in the engine modules (buildcache, preview_cache):
# `mkdocs serve` loads this file as a new module for every rebuild.
def on_startup(command, dirty):
    # A city-scale build keeps a few million objects alive (pages, navigation, parsed data);
    # with CPython's default thresholds the cyclic collector rescans them hundreds of times a
    # build, ~20 % of a `mkdocs serve` rebuild (docs/about/performance.md). Collect less often.
    gc.set_threshold(*GC_THRESHOLDS)
    # Before Material's search plugin loads its dictionaries in on_config.
    _install_jieba_cache()
    render_cache.install()
    if command == "serve":  # edit-to-preview: reuse unchanged pages between rebuilds
        buildcache.serving = True
        preview_cache.install()


def on_config(config):
    preview_cache.begin_build()
    render_cache.next_build()
    root = Path(config.config_file_path).parent
    buildcache.configure(root / ".cache")
    project = site.start(root)
    problems = check_project(project)
    for problem in problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    errors = sum(1 for p in problems if p.is_error)
    if errors:
        raise Abort(f"内容检查发现 {errors} 个错误，构建已停止。请按上面的“文件:行:列”逐条修改。")
    _macros_only_where_asked(config)
    config["nav"] = splice_nav(config["nav"], project_handbooks(project))
    config["nav"] = expand_nav(config["nav"], project)
    benchdump.dump_nav(config["nav"])
    return config


def _macros_only_where_asked(config) -> None:
    """mkdocs-macros prepares every page (copies its variables, checks the title) even when the
    page has not asked for macros (``render_by_default: false``): 2,500 times a build at city
    scale. Call it only for pages that ask (``render_macros: true``) or that it would force."""
    handlers = config.plugins.events.get("page_markdown", [])
    for i, handler in enumerate(handlers):
        plugin = getattr(handler, "__self__", None)
        if type(plugin).__name__ == "MacrosPlugin" and not getattr(handler, "_portal_opt_in", False):
            handlers[i] = _opt_in_only(handler, plugin)


def _opt_in_only(handler, plugin):
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

    on_page_markdown._portal_opt_in = True
    return on_page_markdown


class _WrittenLater(File):
    """A generated download still being written in the background (Word files): copied in on_post_build."""

    def copy_file(self, dirty: bool = False) -> None:
        _written_later.append(self)


_written_later: list[File] = []


def on_files(files: Files, config) -> Files:
    _written_later.clear()
    for page in collection_pages(site.current()):
        if page.abs_src_path is not None:
            kind = File if Path(page.abs_src_path).exists() else _WrittenLater
            files.append(kind.generated(config, page.src_uri, abs_src_path=str(page.abs_src_path)))
        else:
            files.append(File.generated(config, page.src_uri, content=page.content))
    return files


def on_nav(nav, config, files):
    # Files are final now: convert the school pages on the second core meanwhile (cold builds).
    if not buildcache.serving:
        render_ahead.start(config, files, [f"schools/{s.id}.md" for s in load_schools(site.current()).schools])
    return nav


def on_page_markdown(markdown: str, page, config, files):
    markdown = render_page_markdown(site.current(), page.file.src_uri, markdown) or markdown
    benchdump.dump_page(page.file.src_uri, page.meta, markdown)
    return markdown


def on_page_content(html: str, page, config, files):
    return render_page_content(site.current(), page.file.src_uri, page.meta, html) or html


def on_env(env, config, files):
    cache = preview_cache.template_cache()
    if cache is not None:
        env.bytecode_cache = cache
    return env


@event_priority(-100)  # after Material's search plugin has written its index
def on_post_build(config):
    # Background Word workers finish first, also when the build fails: a pool left
    # running at interpreter exit prints a traceback from its clean-up.
    _wait_for_background_work()
    render_ahead.finish()
    errors = site.current().render_errors
    if errors:
        raise Abort(f"渲染页面时发现 {len(errors)} 个错误，构建失败。")
    for file in _written_later:
        File.copy_file(file)
    write_templates(site.current(), Path(config["site_dir"]))
    write_feed(site.current(), Path(config.site_dir), config.site_url)
    _finish_search_index(site.current(), Path(config.site_dir))
    buildcache.save_after_build()
    preview_cache.finish_build(succeeded=True)
    benchdump.write_stats(build_stats(site.current()))


def on_serve(server, config, builder):
    # From here on the server and file-watcher threads run: rebuilds do not fork workers.
    buildcache.fork_allowed = False
    # Load the dictionaries a first edit would wait for while the author is still typing.
    threading.Thread(target=_warm_up, name="portal-warm-up", daemon=True).start()
    return server


def _warm_up() -> None:
    from material.plugins.search import plugin as search_plugin

    from macros.casebook import anonymise

    if isinstance(search_plugin.jieba, search_index.CachingJieba):
        search_plugin.jieba.load_pending(initialize=True)
    anonymise.warm_up()


def on_build_error(error):
    _wait_for_background_work()
    render_ahead.finish()
    preview_cache.finish_build(succeeded=False)


def _wait_for_background_work() -> None:
    project = site.active()
    batch = project.__dict__.get("_docx_batch") if project is not None else None
    if batch is not None:
        batch.wait()


# -- city scale (see docs/about/performance.md) ---------------------------------------


def _install_jieba_cache() -> None:
    """Material's search segments Chinese with the module-level ``jieba``: memoise it."""
    try:
        from material.plugins.search import plugin as search_plugin
    except ImportError:
        return
    if search_plugin.jieba is not None and not isinstance(search_plugin.jieba, search_index.CachingJieba):
        proxy = search_index.CachingJieba(search_plugin.jieba, Path(search_plugin.__file__))
        search_plugin.jieba = proxy
        index = search_plugin.SearchIndex
        index._segment_chinese = proxy.memoise(index._segment_chinese)


def _segmenter():
    from material.plugins.search import plugin as search_plugin

    if search_plugin.jieba is None:
        return lambda text: [text]
    index = search_plugin.SearchIndex()
    return lambda text: index._segment_chinese(text).split("\u200b")


def _finish_search_index(project, site_dir: Path) -> None:
    path = site_dir / "search" / "search_index.json"
    if path.exists():
        entries = school_search_entries(project, _segmenter())
        path.write_text(search_index.slim_index(path.read_text(encoding="utf-8"), entries), encoding="utf-8")


def build_stats(project) -> dict:
    batch = project.__dict__.get("_docx_batch")
    return {
        "docx_seconds": batch.seconds if batch else 0.0,
        "docx_regenerated": len(batch.regenerated) if batch else 0,
        "docx_files": len(batch.files) if batch else 0,
        "caches": buildcache.stats(),
        "preview": dict(preview_cache.stats),
        "render_ahead": dict(render_ahead.stats),
    }
