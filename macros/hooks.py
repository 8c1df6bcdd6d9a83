"""MkDocs hooks: thin glue between MkDocs events and the engine.

Loaded by path from ``mkdocs.yml`` (``hooks:``), so it imports the engine as
the ``macros`` package from the project root.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros import site  # noqa: E402
from macros.collections import collection_pages, expand_nav  # noqa: E402
from macros.handbook_templates import write_templates  # noqa: E402
from macros.handbooks import project_handbooks, splice_nav  # noqa: E402
from macros.news import write_feed  # noqa: E402
from macros.pages import render_page_content, render_page_markdown  # noqa: E402
from macros.project import check_project  # noqa: E402

log = logging.getLogger("mkdocs.plugins.portal")


def on_config(config):
    project = site.start(Path(config.config_file_path).parent)
    problems = check_project(project)
    for problem in problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    errors = sum(1 for p in problems if p.is_error)
    if errors:
        raise Abort(f"内容检查发现 {errors} 个错误，构建已停止。请按上面的“文件:行:列”逐条修改。")
    config["nav"] = splice_nav(config["nav"], project_handbooks(project))
    config["nav"] = expand_nav(config["nav"], project)
    return config


def on_files(files: Files, config) -> Files:
    for page in collection_pages(site.current()):
        if page.abs_src_path is not None:
            files.append(File.generated(config, page.src_uri, abs_src_path=str(page.abs_src_path)))
        else:
            files.append(File.generated(config, page.src_uri, content=page.content))
    return files


def on_page_markdown(markdown: str, page, config, files):
    return render_page_markdown(site.current(), page.file.src_uri, markdown) or markdown


def on_page_content(html: str, page, config, files):
    return render_page_content(site.current(), page.file.src_uri, page.meta, html) or html


def on_post_build(config):
    errors = site.current().render_errors
    if errors:
        raise Abort(f"渲染页面时发现 {len(errors)} 个错误，构建失败。")
    write_templates(site.current(), Path(config["site_dir"]))
    write_feed(site.current(), Path(config.site_dir), config.site_url)
