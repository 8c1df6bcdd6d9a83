"""What offline reading contributes: the offline page, and after the build the manifest, the
service worker (sw.js at the site's root, so its scope is the whole portal) and the version file
the worker compares with its own to notice a new deployment."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from macros.core.pages import GeneratedPage
from macros.core.registry import Domain
from macros.offline.manifest import MANIFEST_NAME, render_manifest
from macros.offline.shell import VERSION_FILE, deployment_version, shell_paths, worker_script

if TYPE_CHECKING:
    from macros.core.registry import Project

OFFLINE_PAGE = """---
title: 暂时无法打开
search:
  exclude: true
hide:
  - navigation
  - toc
glossary_tooltips: false
---

# 暂时无法打开这一页

手机现在没有网络，而这一页还没有保存在本机，所以打不开。

- 已经打开过的页面、已下载的培训模块（在模块首页点“下载本模块供离线学习”）在没有网络时仍可阅读，自测也可以照常作答，成绩保存在本机。
- 有网络后刷新本页，或返回[首页](index.md)。
- 离线时，搜索只能在已经取过的索引中查找；查不到时会写明“离线”。
"""


def offline_pages(project: Project) -> list[GeneratedPage]:
    return [GeneratedPage("offline.md", content=OFFLINE_PAGE)]


def _setting(root: Path, key: str) -> str:
    """A plain ``key: value`` line of mkdocs.yml (its !ENV tags keep it from a plain YAML load)."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(rf"^{key}:\s*(.+?)\s*$", text, re.MULTILINE)
    return found.group(1).strip("'\"") if found else ""


def write_offline_files(project: Project, site_dir: Path, site_url: str) -> None:
    manifest = render_manifest(_setting(project.root, "site_name"), _setting(project.root, "site_description"), site_url)
    (site_dir / MANIFEST_NAME).write_text(manifest, encoding="utf-8")
    shell = shell_paths(site_dir)
    version = deployment_version(site_dir, shell)
    (site_dir / "sw.js").write_text(worker_script(version, shell), encoding="utf-8")
    (site_dir / VERSION_FILE).write_text(json.dumps({"version": version}) + "\n", encoding="utf-8")


DOMAIN = Domain("offline", pages=(offline_pages,), after_build=(write_offline_files,))
