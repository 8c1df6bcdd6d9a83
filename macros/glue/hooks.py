"""MkDocs hooks: thin glue between MkDocs events and the engine.

Loaded by path from ``mkdocs.yml`` (``hooks:``); it imports the engine as the ``macros``
package: the one installed in the environment (``make setup`` installs this checkout, editable),
or the working folder's under ``python -m mkdocs``, which comes first. ``on_config`` stops a build
whose engine is another folder's. Each event hands off to the composition
(:mod:`macros.composition`) or to a patch in :mod:`macros.glue.compat`; nothing here
decides what the site contains.
"""

from __future__ import annotations

import gc
import logging
import threading
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from macros import composition
from macros.build import cache as buildcache
from macros.build import session
from macros.core import assetnames, linkcheck, site
from macros.core.config import LAYOUT, settings
from macros.core.messages import message
from macros.core.problems import Problem
from macros.glue import assets, benchdump, compat, search
from macros.glue.compat import (
    anchor_messages,
    html_tails,
    jieba_cache,
    macros_opt_in,
    material_search,
    pages_ahead,
    preview_cache,
    release_pages,
    render_ahead,
    render_cache,
    repeated_blocks,
    serve_errors,
)
from macros.glue.macro_check import check_macros

log = logging.getLogger("mkdocs.plugins.portal")


def on_shutdown():
    if session.current().serving:  # the caches of the last rebuild, for the next session
        buildcache.save_all()
    else:
        # `mkdocs build` is about to exit: let the interpreter skip rescanning the build's few
        # million objects in its final collection (about a second at city scale).
        gc.freeze()


# State that must outlive one build lives in the build session (macros.build.session):
# `mkdocs serve` loads this file as a new module for every rebuild.
def on_startup(command, dirty):
    session.start(session.SERVE if command == "serve" else session.BUILD)
    # A city-scale build keeps a few million objects alive (pages, navigation, parsed data);
    # with CPython's default thresholds the cyclic collector rescans them hundreds of times a
    # build, ~20 % of a `mkdocs serve` rebuild (docs/about/performance.md). Collect less often.
    gc.set_threshold(*settings().gc_thresholds)
    # Before Material's search plugin loads its dictionaries in on_config.
    compat.install("search-jieba-cache", jieba_cache.install)
    # Before the page-render cache wraps Page.render: a table row 1,600 school pages repeat is converted once.
    compat.install("repeated-blocks", repeated_blocks.install)
    # Then the end of a page its domain writes as HTML (a school plan's sections) is not converted.
    compat.install("html-tails", html_tails.install)
    compat.install("page-render-cache", render_cache.install)
    compat.install("front-matter-cache", render_cache.install_front_matter_cache)
    # Material's page template, the largest share of a warm build: reused when its key is unchanged.
    compat.install("preview-build-page", preview_cache.install_build_page)
    if command == "serve":  # edit-to-preview: reuse unchanged pages between rebuilds
        preview_cache.install()
        # Only what an edit reached is rebuilt, when that is provably all (else MkDocs' full rebuild).
        from macros.glue.compat import preview_incremental

        compat.install("preview-incremental", preview_incremental.install)
        # A content error shows in the browser and the preview goes on (not an exit).
        compat.install("serve-survives-errors", serve_errors.install_build)
        # A save is noticed at once (file events), not at the next of MkDocs' twice-a-second scans.
        from macros.glue.compat import serve_watcher

        compat.install("serve-watcher", serve_watcher.install)


def _anchor_problem(src_uri: str, link: str, target: str, anchor: str) -> Problem:
    return linkcheck.anchor_problem(site.current(), src_uri, link, target, anchor)


def _foreign_engine(root: Path) -> str | None:
    """Why the build must stop when the ``macros`` imported is not this project's own, else None.

    An environment's editable install points at the folder it was set up in; a copy of the
    project built with it would otherwise run that folder's engine on its own content, silently.
    """
    engine = Path(composition.__file__).resolve().parents[1]
    if engine == root.resolve():
        return None
    return message("build.foreign-engine", engine=engine.as_posix(), root=root.resolve().as_posix())


def on_config(config):
    if (foreign := _foreign_engine(Path(config.config_file_path).parent)) is not None:
        # Logged as well: Abort is a SystemExit, silent when a build runs in-process (tests, scripts).
        log.error(foreign)
        raise Abort("构建已停止。")
    session.current().begin_build()
    preview_cache.begin_build()
    render_cache.next_build()
    root = Path(config.config_file_path).parent
    # Every memo is versioned on the engine: its code, the dependency versions, mkdocs.yml and
    # the layout (a test may lower its thresholds: config.TEST_LAYOUT_ENV).
    engine = buildcache.engine_version(Path(config.config_file_path), repr(LAYOUT))
    buildcache.configure(root / ".cache" if settings().cache else None, engine)
    project = site.start(composition.new_project(root))
    # The macros of every page are checked too: before rendering, at the source's own positions.
    # A cold build loads jieba's dictionaries (~0.5 s) while it waits for the checks' workers.
    preload = None if session.current().serving else jieba_cache.preload_if_cold
    checked = composition.check_project(project, while_waiting=preload)
    problems = composition.sort_problems(checked + check_macros(project, set(config.extra)))
    for problem in problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    errors = sum(1 for p in problems if p.is_error)
    if errors:
        raise Abort(f"内容检查发现 {errors} 个错误，构建已停止。请按上面的“文件:行:列”逐条修改。")
    compat.install("macros-opt-in", lambda: macros_opt_in.install(config))
    # MkDocs finds broken anchors after rendering, in English: reported at the link, in Chinese.
    compat.install("anchor-messages", lambda: anchor_messages.install(_anchor_problem))
    config["nav"] = composition.expand_nav(config["nav"], project)
    benchdump.dump_nav(config["nav"])
    return config


class _WrittenLater(File):
    """A generated download still being written in the background (Word files): copied in on_post_build."""

    def copy_file(self, dirty: bool = False) -> None:
        _written_later().append(self)


def _written_later() -> list[File]:
    return session.current().per_build("hooks.written-later", list)


def on_files(files: Files, config) -> Files:
    for page in composition.collection_pages(site.current()):
        if page.abs_src_path is not None:
            kind = File if Path(page.abs_src_path).exists() else _WrittenLater
            files.append(kind.generated(config, page.src_uri, abs_src_path=str(page.abs_src_path)))
        else:
            # A generated page has content when it has no source file (GeneratedPage).
            files.append(File.generated(config, page.src_uri, content=page.content or ""))
    # The portal's stylesheets and scripts as shipped, under content-hashed names (#27).
    return assets.ship_assets(files, config)


def on_nav(nav, config, files):
    # Files are final now: convert the school and case pages on the second core meanwhile (cold
    # builds), and every other page a domain generates (overviews, listings). Those come last in
    # the build's order, where the worker starts: the build would otherwise convert them itself
    # (about 1 s at city scale) while the worker, done with the rest, waits.
    if not session.current().serving:
        project = site.current()
        uris = [uri for ahead in project.registry.render_ahead for uri in ahead(project)]
        uris += [page.src_uri for page in composition.collection_pages(project) if page.abs_src_path is None]
        render_ahead.start(config, files, list(dict.fromkeys(uris)))
    return nav


def on_page_markdown(markdown: str, page, config, files):
    batch = session.current().docx_batch
    if batch is not None:  # the Word workers end as soon as their files are written
        batch.reap()
    # Made once: render_ahead renders the pages it keys in on_nav (cold and warm builds).
    known = render_ahead.final_markdown(page.file.src_uri, markdown)
    if known is None:
        known = composition.render_page_markdown(site.current(), page.file.src_uri, markdown) or markdown
    markdown = known
    benchdump.dump_page(page.file.src_uri, page.meta, markdown)
    return markdown


def on_page_content(html: str, page, config, files):
    project = site.current()
    serving = session.current().serving
    rendered = composition.render_page_content(
        project, page.file.src_uri, page.meta, html, serving=serving, relied_on=compat.relied_on
    )
    return rendered or html


def on_env(env, config, files):
    # What overrides/ relies on in Material (compat.RELIANCES): the worker overrides/main.html
    # replaces, and the forked search partial, which is Material's own outside its range.
    env.globals["portal_search_worker"] = material_search.worker_name()
    env.globals["portal_search_script"] = assetnames.shipped("assets/javascripts/portal-search.js")
    material_search.use_material_partial(env)
    cache = preview_cache.template_cache()
    if cache is not None:
        env.bytecode_cache = cache
    if not session.current().serving:
        # Every page is converted: the converter's worker is done, and the Word files (a few
        # seconds' work started during the checks) are written. Their workers end here, not
        # after the pages: their memory is freed before page templates go to the second core.
        render_ahead.tally(config)
        render_ahead.finish(wait=False)
        _wait_for_background_work()
        compat.install("release-pages", lambda: release_pages.release(files))
        compat.install("pages-ahead", pages_ahead.register)
    return env


@event_priority(-100)  # after Material's search plugin has written its index
def on_post_build(config):
    # Background Word workers finish first, also when the build fails: a pool left
    # running at interpreter exit prints a traceback from its clean-up.
    _wait_for_background_work()
    render_ahead.finish()
    pages_ahead.finish()
    project = site.current()
    errors = project.render_errors
    if errors:
        raise Abort(f"渲染页面时发现 {len(errors)} 个错误，构建失败。")
    for file in _written_later():
        File.copy_file(file)
    composition.after_build(project, Path(config.site_dir), config.site_url)
    search.finish_search_index(project, Path(config.site_dir))
    buildcache.save_after_build()
    preview_cache.finish_build(succeeded=True)
    benchdump.write_stats(build_stats(project))


def on_serve(server, config, builder):
    # From here on the server and file-watcher threads run: rebuilds do not fork workers.
    session.current().fork_allowed = False
    if compat.allowed("serve-survives-errors"):
        serve_errors.install_banner(server)
    # Load the dictionaries a first edit would wait for while the author is still typing.
    threading.Thread(target=_warm_up, name="portal-warm-up", daemon=True).start()
    return server


def _warm_up() -> None:
    jieba_cache.warm_up()
    for warm_up in composition.REGISTRY.warm_up:
        warm_up()


def on_build_error(error):
    _wait_for_background_work()
    render_ahead.finish()
    pages_ahead.finish()
    preview_cache.finish_build(succeeded=False)


def _wait_for_background_work() -> None:
    batch = session.current().docx_batch
    if batch is not None:
        batch.wait()


def build_stats(project) -> dict:
    batch = session.current().docx_batch
    return {
        "docx_seconds": batch.seconds if batch else 0.0,
        "docx_regenerated": len(batch.regenerated) if batch else 0,
        "docx_files": len(batch.files) if batch else 0,
        "caches": buildcache.stats(),
        "preview": dict(preview_cache.stats()),
        "render_ahead": dict(render_ahead.stats()),
        "pages_ahead": dict(pages_ahead.stats()),
        **session.current().build_stats(),  # e.g. the after-build steps' seconds, the SCORM packages
    }
