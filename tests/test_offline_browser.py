"""Offline reading in Chromium (README.md 离线阅读): the portal built for a sub-path address
(http://127.0.0.1:<port>/portal/) and served there. Install, download a module, lose the
network (the context offline and the server stopped), read and take the quiz by clicking,
the offline page, search offline; then a redeploy: the 门户已更新 notice, a quiz in progress not
interrupted, no page with old HTML and new assets or the reverse. Any console or page error fails."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import threading
from pathlib import Path

import pytest
from conftest import (
    CHROMIUM,
    ROOT,
    assert_clean_build,
    follow,
    portal_ready,
    require,
    run_mkdocs_build,
    shipped_asset,
    watch_errors,
)
from PIL import Image

from scripts import benchoffline

MODULE = "policy-essentials"
# Appended to portal.css by the second deployment; read through a CSS variable.
MARK = ":root { --portal-deploy: two; }\n"
PHONE = {"width": 360, "height": 740}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class Server:
    """Serves ``root`` on a port kept across stop() and start(): the phone's signal drops and returns."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = 0
        self.httpd: http.server.ThreadingHTTPServer | None = None
        self.start()

    def start(self) -> None:
        handler = functools.partial(_Quiet, directory=str(self.root))
        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/portal/"


def _build(project: Path, server: Server) -> Path:
    site = server.root / "portal"
    assert_clean_build(run_mkdocs_build(project, site, server.url))
    return site


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("www"))
    site = _build(ROOT, server)
    yield server, site
    server.stop()


@pytest.fixture
def phone(browser, tmp_path):
    """A persistent profile: installability is not judged in an incognito one."""
    require(Path(CHROMIUM).exists(), f"找不到 {CHROMIUM}")
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        headless=True,
        locale="zh-CN",
    )
    yield context
    context.close()


def _controlled(page) -> None:
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=20000)


def _answer_all(page) -> None:
    data = {q["id"]: q for q in json.loads(page.locator(".quiz[data-quiz]").get_attribute("data-quiz"))["questions"]}
    questions = page.locator(".quiz-q:not([hidden])")
    for i in range(questions.count()):
        fs = questions.nth(i)
        q = data[fs.get_attribute("data-qid")]
        for k in q["answer"]:
            fs.locator(f'label[for="q-{q["id"]}-{k}"]').click()


def _start_exam(page) -> None:
    page.locator('label[for="quiz-mode-exam"]').click()
    page.get_by_role("button", name="开始自测").click()


def test_manifest_icons_and_worker_are_written_for_the_sub_path(offline_site):
    server, site = offline_site
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == "/portal/"
    assert manifest["display"] == "standalone"
    assert manifest["name"] == "全员导师制培训与资料门户" and manifest["short_name"] == "导师制门户"
    sizes = {}
    for icon in manifest["icons"]:
        assert icon["src"].startswith("/portal/assets/icons/")
        path = site / icon["src"].removeprefix("/portal/")
        if icon["type"] == "image/png":
            with Image.open(path) as image:
                assert f"{image.width}x{image.height}" == icon["sizes"]
                sizes[icon["purpose"]] = sizes.get(icon["purpose"], set()) | {image.width}
    assert {192, 512} <= sizes["any"] and 512 in sizes["maskable"]
    worker = (site / "sw.js").read_text(encoding="utf-8")
    config = json.loads(worker.split("self.PORTAL_OFFLINE = ", 1)[1].split(";\n", 1)[0])
    assert json.loads((site / "offline-version.json").read_text())["version"] == config["version"]
    for path in config["shell"]:
        assert (site / (path + "index.html" if path.endswith("/") else path)).is_file(), path
    assert "offline/" in config["shell"] and "./" in config["shell"]
    # The goal of the issue: the worker and its registration at most 20 KB compressed (as shipped).
    scripts = ("offline-core.js", "offline-sw.js", "offline-ui.js")  # content-hashed, as sw.js names them
    shipped = [site / "sw.js", *(site / shipped_asset(site, f"assets/portal/{n}") for n in scripts)]
    assert all(f'"{p.relative_to(site).as_posix()}"' in worker for p in shipped[1:3]), worker
    compressed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in shipped)
    assert compressed <= 20 * 1024, compressed
    for page, href in (("index.html", "manifest.webmanifest"), (f"training/{MODULE}/index.html", "../../manifest.webmanifest")):
        assert f'<link rel="manifest" href="{href}">' in (site / page).read_text(encoding="utf-8"), page


def test_the_bench_finds_nothing_added_before_the_page_is_interactive(offline_site, browser):
    """``scripts/bench.py --offline`` (#27, item 5) on the sub-path site, one first visit of each
    page with the worker blocked and one allowed: no request added before the page is
    interactive, worker and registration ≤ 20 KB compressed, the precache after (the bench's
    goals, judged as the bench judges them; its times are on the 性能 page, not tested)."""
    server, site = offline_site
    result = benchoffline.measure(site, server.url, runs=1, browser=browser)
    assert benchoffline.failures(result) == [], benchoffline.markdown(result)
    for figures in result["pages"].values():
        assert figures["precache_requests"] >= 20 and figures["precache_bytes"] > 50 * 1024, figures


@pytest.mark.parametrize(
    ("change", "failure"),
    [
        ({"added_before_interactive": ["assets/portal/offline-ui.0a1b2c3d.js"]}, "页面可交互之前多了请求"),
        ({"worker_requests_before_interactive": 2}, "2 个 worker 请求"),
        ({"precache_first_after_ms": -5.0}, "预先缓存在页面可交互之前就开始了"),
    ],
)
def test_the_bench_goals_can_fail(change, failure):
    page = {
        "added_before_interactive": [],
        "worker_requests_before_interactive": 0,
        "precache_first_after_ms": 10.0,
        "precache_requests": 43,
        "precache_bytes": 170_000,
        "interactive_blocked_ms": 300.0,
        "interactive_allowed_ms": 310.0,
        "worker_ready_after_ms": 250.0,
    }
    result = {"pages": {"首页": page}, "worker": 4000, "registration": 700, "offline_ui": 2000}
    assert benchoffline.failures(result) == []
    assert failure in "".join(benchoffline.failures({**result, "pages": {"首页": {**page, **change}}}))
    assert "> 20480" in "".join(benchoffline.failures({**result, "worker": 20000}))


def test_install_download_a_module_and_study_offline(offline_site, phone):
    server, site = offline_site
    page = phone.new_page()
    errors = watch_errors(page)
    page.goto(server.url)
    _controlled(page)
    cdp = phone.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    page.goto(server.url + "training/")
    page.wait_for_load_state("networkidle")
    portal_ready(page)
    follow(page, page.locator(f".learn-path a[href$='{MODULE}/']").first, "")
    button = page.get_by_role("button", name="下载本模块供离线学习")
    button.click()
    status = page.locator(".offline-module__status")
    status.filter(has_text="已下载").wait_for()
    text = status.inner_text()
    assert "KB" in text and "页" in text, text
    assert page.get_by_role("button", name="删除本模块的离线副本").is_visible()

    # The signal drops: the browser offline and the server gone.
    phone.set_offline(True)
    server.stop()
    try:
        page.evaluate("window.__stayed = 1")
        follow(page, page.locator("article ol a").first, "")
        page.go_back()
        portal_ready(page)
        follow(page, page.locator("article").get_by_role("link", name="进入自测"), "自测")
        _start_exam(page)
        _answer_all(page)
        page.get_by_role("button", name="交卷").click()
        assert "已通过本模块自测" in page.locator(".quiz-result").inner_text()
        follow(page, page.locator(".md-sidebar--primary").get_by_role("link", name="我的学习"), "我的学习")
        assert page.locator(".ml-status.status-passed").count() == 1
        assert page.evaluate("window.__stayed") == 1  # all by instant navigation
        page.reload()
        portal_ready(page)
        assert page.locator(".ml-status.status-passed").count() == 1
        # A page never opened: the offline page, in Chinese.
        page.goto(server.url + "cases/by-stage/")
        assert page.locator("article h1").inner_text().startswith("暂时无法打开这一页")
        # Search offline for words whose index part was never fetched: said plainly.
        page.goto(server.url + f"training/{MODULE}/")
        portal_ready(page)
        page.keyboard.press("/")
        page.locator(".md-search-result__meta", has_text="键入").wait_for()
        box = page.locator(".md-search__input")
        box.fill("家访")
        box.press("End")  # Material reads the query on keyup
        page.locator(".md-search-result__meta", has_text="离线").wait_for()
    finally:
        server.start()
        phone.set_offline(False)
    # Removed again, online.
    page.goto(server.url + f"training/{MODULE}/")
    page.get_by_role("button", name="删除本模块的离线副本").click()
    page.locator(".offline-module__status", has_text="已删除").wait_for()
    assert page.get_by_role("button", name="下载本模块供离线学习").is_visible()
    assert errors == []


_PAGES_CACHED = """async () => {
  const name = (await caches.keys()).find((n) => n.startsWith("portal-pages-"));
  return name ? (await (await caches.open(name)).keys()).map((r) => r.url) : [];
}"""


def test_the_page_budget_evicts_the_oldest_pages(offline_site, browser):
    """The budget as the worker applies it (the rule itself: tests/js/offline.test.js), lowered to 3 pages."""
    server, site = offline_site
    worker = site / "sw.js"
    original = worker.read_text(encoding="utf-8")
    assert '"budget": {"pages": 200,' in original
    worker.write_text(original.replace('"budget": {"pages": 200,', '"budget": {"pages": 3,'), encoding="utf-8")
    context = browser.new_context(locale="zh-CN")
    try:
        page = context.new_page()
        errors = watch_errors(page)
        page.goto(server.url)
        _controlled(page)
        read = ["policies/", "glossary/", "handbooks/", "tips/", "cases/"]
        for path in read:
            page.goto(server.url + path)
            portal_ready(page)
        # Material re-reads sitemap.xml on each full load: it is kept as read too, and so counts.
        oldest, last = [server.url + p for p in read[:2]], server.url + read[-1]
        settled = f"({_PAGES_CACHED})().then((urls) => urls.length === 3 && urls.includes({json.dumps(last)}))"
        page.wait_for_function(settled)
        urls = page.evaluate(_PAGES_CACHED)
        assert len(urls) == 3 and last in urls and not set(oldest) & set(urls), urls
        assert errors == []
    finally:
        context.close()
        worker.write_text(original, encoding="utf-8")


@pytest.fixture
def two_builds(tmp_path, project_copy):
    """The portal deployed once, and a copy of the project whose deployment changes portal.css."""
    server = Server(tmp_path / "www")
    _build(ROOT, server)
    project = project_copy
    css = project / "docs/assets/portal.css"
    css.write_text(css.read_text(encoding="utf-8") + MARK, encoding="utf-8")
    yield server, project
    server.stop()


def _deploy_mark(page) -> str:
    return page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--portal-deploy').trim()")


def test_a_redeploy_shows_the_notice_and_never_interrupts_a_quiz(two_builds, browser):
    server, project = two_builds
    context = browser.new_context(locale="zh-CN", viewport=PHONE)
    quiz, reader = context.new_page(), context.new_page()
    errors_quiz, errors_reader = watch_errors(quiz), watch_errors(reader)
    reader.goto(server.url)
    _controlled(reader)
    quiz.goto(server.url + f"training/{MODULE}/quiz/")
    _controlled(quiz)
    portal_ready(quiz)
    quiz.evaluate("window.__stayed = 1")
    _start_exam(quiz)
    assert _deploy_mark(quiz) == ""

    _build(project, server)  # the redeploy
    # A full load under the old worker gets the new page: its assets are the new ones too.
    reader.goto(server.url + "training/")
    portal_ready(reader)
    assert _deploy_mark(reader) == "two"
    reader.locator(".portal-update", has_text="门户已更新").wait_for(timeout=20000)
    box = reader.locator(".portal-update").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box  # on a 360 px phone
    reader.locator(".portal-update button").scroll_into_view_if_needed()
    # The quiz page hears of it too, and its reload button waits for the quiz to be handed in.
    quiz.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    notice = quiz.locator(".portal-update", has_text="门户已更新")
    notice.wait_for(timeout=20000)
    notice.get_by_role("button", name="重新加载").click()
    notice.filter(has_text="自测尚未交卷").wait_for()
    # The reader reloads into the new deployment; the quiz page keeps its page and its scripts.
    with reader.expect_navigation():
        reader.locator(".portal-update").get_by_role("button", name="重新加载").click()
    portal_ready(reader)
    assert _deploy_mark(reader) == "two"
    reader.wait_for_function("navigator.serviceWorker.controller !== null")
    assert quiz.evaluate("window.__stayed") == 1
    assert _deploy_mark(quiz) == ""
    _answer_all(quiz)
    quiz.get_by_role("button", name="交卷").click()
    assert "已通过本模块自测" in quiz.locator(".quiz-result").inner_text()
    # Its next navigation is a whole page: the new HTML with the new assets.
    # Its next navigation (a lesson listed above the quiz) is a whole page: new HTML, new assets.
    quiz.locator(".quiz-prep a").first.click()
    quiz.locator(".lesson-nav").wait_for()
    portal_ready(quiz)
    assert quiz.evaluate("window.__stayed") is None
    assert _deploy_mark(quiz) == "two"
    quiz.goto(server.url + "training/my-learning/")
    portal_ready(quiz)
    assert quiz.locator(".ml-status.status-passed").count() == 1
    context.close()
    assert errors_quiz + errors_reader == []
