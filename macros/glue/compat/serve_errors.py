"""Patch (MkDocs 1.6): ``mkdocs serve`` survives content errors and shows them in the browser.

MkDocs' preview server exits when its first build fails, and after a failed rebuild it
prints a traceback and leaves the browser waiting. Here the build that ``mkdocs serve``
runs is wrapped: a failure (a content error, a macro or template error, anything) is
caught, the error lines (the same ``path:line:col: error:`` lines as the terminal) are
kept, the site directory keeps the last good pages (a first build that failed leaves an
error page), the browsers reload, and every page they get carries a banner with the
errors. The next good save clears the banner.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from macros.build import session

log = logging.getLogger("mkdocs.plugins.portal")

# Kept across rebuilds (the hooks module is loaded anew for every rebuild).


def errors() -> list[str]:
    """The errors of the last failed rebuild of this serve session (empty after a good one)."""
    return session.current().store("serve-errors", list)


BANNER_ID = "portal-build-errors"


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def install_build() -> None:
    """Wrap the build that ``mkdocs serve`` calls (the first build and every rebuild)."""
    from mkdocs.commands import serve as serve_module

    # serve's own name for the build (mkdocs exports it from mkdocs.commands.build, not from serve).
    original = getattr(serve_module, "build")  # noqa: B009
    if getattr(original, "_portal_survives", False):
        return

    def build(config: Any, *args: Any, **kwargs: Any) -> None:
        capture = _Capture()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.addHandler(capture)
        try:
            original(config, *args, **kwargs)
        except Exception as err:  # every failure: the preview must stay up
            found = [m for m in capture.messages if m]
            message = str(err).strip()
            if message and message not in found:
                found.append(message)
            errors()[:] = found or ["构建失败（没有更多信息）"]
            _error_page(Path(config.site_dir))
            log.error("预览停在上一次成功的构建；浏览器中的每个页面顶部列出了上面的错误，修改并保存后自动恢复。")
            return
        finally:
            mkdocs_log.removeHandler(capture)
        errors().clear()

    build._portal_survives = True  # type: ignore[attr-defined]
    setattr(serve_module, "build", build)  # noqa: B010


def _error_page(site_dir: Path) -> None:
    """A first build that failed has no pages yet: the home page and 404 page show the errors."""
    for name in ("index.html", "404.html"):
        page = site_dir / name
        if not page.exists():
            site_dir.mkdir(parents=True, exist_ok=True)
            page.write_text(
                '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>构建失败</title></head>'
                "<body><h1>门户还没有构建成功</h1><p>改正下面的错误并保存，页面会自动刷新。</p></body></html>",
                encoding="utf-8",
            )


def banner() -> bytes:
    """The banner listing the errors, as HTML (every message escaped as text)."""
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in errors())
    return (
        f'<div id="{BANNER_ID}" role="alert" style="position:relative;z-index:10;margin:0;padding:.8em 1.2em;'
        'background:#fdecea;color:#611a15;border-bottom:2px solid #b71c1c;font-size:.8rem;line-height:1.5">'
        "<strong>内容有错，预览停在上一次成功的构建。</strong>改正后保存，页面会自动刷新。"
        f'<ul style="margin:.4em 0 0 1.2em;padding:0">{items}</ul></div>'
    ).encode()


def install_banner(server: Any) -> None:
    """Every HTML page the preview server sends carries the banner while there are errors."""
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None:  # not MkDocs' LiveReloadServer: nothing to add the banner to
        return

    def with_banner(content: bytes, epoch: int) -> bytes:
        content = inject(content, epoch)
        if not errors():
            return content
        start = content.find(b"<body")
        at = content.find(b">", start) + 1 if start >= 0 else 0
        return content[:at] + banner() + content[at:]

    server._inject_js_into_html = with_banner
