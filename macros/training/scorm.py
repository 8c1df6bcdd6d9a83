"""SCORM 1.2 packages of the training modules (issue 26), written by the same ``mkdocs build``.

One zip per published module, next to its page (``training/<id>/scorm12-<id>.zip``):
``imsmanifest.xml`` at the root (Moodle refuses a manifest in a sub-folder), one SCO
(``index.html``, :mod:`macros.training.scorm_page`) and every file it references: the
stylesheets and images the built pages use and the browser modules from ``sco.js`` down
(``docs/assets/portal/scorm.js`` speaks to the LMS). The pages are taken from the built site, so
the package shows exactly what the portal shows.

Packages are cached by content (:mod:`macros.build.cache`), in two steps, so that a warm build
of an unchanged module neither reads nor rewrites its pages:

- what the package is made of: the module's parts (ids, titles, addresses), its title and pass
  mark, ``site_url``, and each built page's identity: the key the page writer made it from
  (:meth:`macros.build.session.Session.page_output`; everything Material's template read), or
  the hash of the file when the build recorded none (the patch is off, the file was written
  again after the page writer, a call outside a build);
- the site files the packaging looked at (memo ``scorm-plans``): every path it asked about
  (stylesheets, their ``url()`` files, the browser modules from ``sco.js`` down, images and
  files the lessons link to), found by the packaging itself, never listed by hand.

The zip (memo ``scorm-packages``) is keyed on both and on the content hash of every one of those
files as the build wrote them (each hashed once per build: 30 modules carry the same stylesheets
and scripts), so a renamed, rewritten or content-hashed asset makes a new package.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from macros.build import cache as buildcache
from macros.build import session
from macros.core import assetnames
from macros.core.escaping import esc
from macros.core.links import relative_url
from macros.training.modules import Module, load_catalogue
from macros.training.scorm_page import (
    DOWNLOAD_END,
    DOWNLOAD_START,
    ENTRY_SCRIPT,
    Linker,
    Part,
    article,
    body_attributes,
    css_files,
    sco_page,
    script_imports,
    stylesheets,
)

if TYPE_CHECKING:
    from macros.core.registry import Project

TRAINERS_PAGE = "about/lms.md"
# A fixed time in every zip entry: the same module gives the same bytes (a cache may compare them).
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def package_name(module_id: str) -> str:
    return f"scorm12-{module_id}.zip"


def render_scorm_download(module: Module) -> str:
    """The module page's download with short import instructions (removed from the package's copy)."""
    guide = relative_url(module.src(), TRAINERS_PAGE)  # an address: links in raw HTML are not rewritten
    return (
        f"\n\n{DOWNLOAD_START}\n"
        '<div class="admonition note scorm-download"><p class="admonition-title">导入学习平台（SCORM 1.2 课程包）</p>'
        f'<p><a class="md-button" href="{esc(package_name(module.id))}" download>下载本模块的课程包（zip）</a></p>'
        "<p>区、校已有的学习平台（如 Moodle）可以导入本模块：在课程中添加“SCORM 课件”活动，上传这个 zip 文件，不要解压。"
        "课件包含本模块的全部课文和自测；平台记录学习状态（未完成、通过、未通过）、自测最高分、学习时长和上次学到的位置。"
        "课文中指向政策原文、手册等本站其他页面的链接，会在新窗口打开本站。自测是自我检测，能否计入学时由区里决定。"
        f'详见<a href="{esc(guide)}">在学习平台中使用培训模块</a>。</p></div>\n'
        f"{DOWNLOAD_END}\n"
    )


def _page_file(site_dir: Path, path: str) -> Path:
    """The built file of a page path (``training/m/01-x/``), with or without directory URLs."""
    if path.endswith("/"):
        found = site_dir / path / "index.html"
        return found if found.exists() else site_dir / (path.rstrip("/") + ".html")
    return site_dir / path


def _parts(module: Module) -> list[Part]:
    base = f"training/{module.id}/"
    parts = [Part("part-overview", "模块概览", base, "")]
    parts += [
        Part(f"part-{le.file[:-3]}", f"第 {n} 课：{le.title}", f"{base}{le.file[:-3]}/", "")
        for n, le in enumerate(module.lessons, 1)
    ]
    if module.quiz is not None:
        parts.append(Part("part-quiz", "自测", f"{base}quiz/", "", prefix_ids=False))
    return parts


def manifest(module: Module, files: list[str]) -> str:
    """imsmanifest.xml: one organisation, one item, one SCO resource listing every file."""
    ident = xml_escape(module.id)
    title = xml_escape(module.title)
    mastery = module.quiz.pass_mark if module.quiz else 100
    listed = "".join(f'\n      <file href="{xml_escape(f, {chr(34): "&quot;"})}"/>' for f in files)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest identifier="portal-{ident}" version="1.0"\n'
        '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"\n'
        '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">\n'
        "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n"
        f'  <organizations default="org-{ident}">\n    <organization identifier="org-{ident}">\n'
        f"      <title>{title}</title>\n"
        f'      <item identifier="item-{ident}" identifierref="res-{ident}" isvisible="true">\n'
        f"        <title>{title}</title>\n        <adlcp:masteryscore>{mastery}</adlcp:masteryscore>\n"
        "      </item>\n    </organization>\n  </organizations>\n"
        f'  <resources>\n    <resource identifier="res-{ident}" type="webcontent" adlcp:scormtype="sco" href="index.html">'
        f"{listed}\n    </resource>\n  </resources>\n</manifest>\n"
    )


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in ["imsmanifest.xml", *sorted(n for n in entries if n != "imsmanifest.xml")]:
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()


class SiteFiles:
    """The built site's files, each read and hashed once per build: every package carries the same
    stylesheets and scripts, so 30 modules do not hash them 30 times. While ``reads`` is a set,
    every path asked about is added to it (what a package's plan depends on)."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.reads: set[str] | None = None
        self._is: dict[str, bool] = {}
        self._text: dict[str, str] = {}
        self._digest: dict[str, str] = {}

    def is_file(self, path: str) -> bool:
        if self.reads is not None:
            self.reads.add(path)
        return self._exists(path)

    def _exists(self, path: str) -> bool:
        if path not in self._is:
            self._is[path] = bool(path) and not path.endswith("/") and (self.site_dir / path).is_file()
        return self._is[path]

    def text(self, path: str) -> str:
        if self.reads is not None:
            self.reads.add(path)
        if path not in self._text:
            self._text[path] = (self.site_dir / path).read_text(encoding="utf-8", errors="replace")
        return self._text[path]

    def digest(self, path: str) -> str:
        """The content hash of a file, "" when there is no such file."""
        if path not in self._digest:
            self._digest[path] = buildcache.fingerprint(self.site_dir / path) if self._exists(path) else ""
        return self._digest[path]

    def page(self, path: str) -> str | None:
        """What a built page is (``training/m/01-x/``): the key the page writer made it from while
        the file is what it wrote, else the hash of its content; None if the page was not built."""
        # Directory URLs' index.html asked first: the usual case costs the one stat of page_output.
        file = self.site_dir / path / "index.html" if path.endswith("/") else self.site_dir / path
        made_from = session.current().page_output(str(file))
        if made_from is None:
            file = _page_file(self.site_dir, path)
            made_from = session.current().page_output(str(file))
        if made_from is not None:
            _count("pages_known")
            return f"output {made_from}"
        if not file.is_file():
            return None
        _count("pages_hashed")
        return f"content {buildcache.fingerprint(file)}"


def _count(what: str) -> None:
    """The build's SCORM figures (benchmark, tests): pages known by their output key or hashed,
    packages planned (module pages read and rewritten) and zipped."""
    counts = session.current().build_stats().setdefault("scorm", {})
    counts[what] = counts.get(what, 0) + 1


def package_plan(module: Module, site: SiteFiles, site_url: str) -> tuple[str, str, list[str]] | None:
    """(index.html, imsmanifest.xml, the site files the package carries), None if the module's
    pages were not built."""
    parts = _parts(module)
    pages = [_page_file(site.site_dir, p.path) for p in parts]
    if not all(p.exists() for p in pages):
        return None
    parts = [Part(p.id, p.title, p.path, f.read_text(encoding="utf-8"), p.prefix_ids) for p, f in zip(parts, pages, strict=True)]
    linker = Linker(parts, f"training/{module.id}/", site_url, site.is_file)
    files: set[str] = set()
    bodies = []
    for part in parts:
        done = linker.rewrite(part, article(part.html))
        files |= done.files
        bodies.append((part, done.body))
    styles = [s for s in stylesheets(parts[0].html, parts[0].path) if site.is_file(s)]
    files.update(styles)
    for css in (s for s in styles if s.endswith(".css")):
        files.update(f for f in css_files(site.text(css), css) if site.is_file(f))
    entry = assetnames.shipped_in(site.site_dir, ENTRY_SCRIPT)  # under its content-hashed name
    queue = [entry]
    while queue:  # the browser modules sco.js imports, and theirs
        js = queue.pop()
        if js in files or not site.is_file(js):
            continue
        files.add(js)
        queue += script_imports(site.text(js), js)
    pass_mark = module.quiz.pass_mark if module.quiz else 100
    page = sco_page(module.title, module.id, pass_mark, body_attributes(parts[0].html), styles, bodies, site_url, entry)
    carried = sorted(files)
    return page, manifest(module, ["index.html", *carried]), carried


def _made_of(module: Module, site: SiteFiles, site_url: str) -> str | None:
    """The key of what the package is made of, besides the site files it looks at."""
    parts = _parts(module)
    pages = [site.page(p.path) for p in parts]
    if None in pages:
        return None
    # The entry module's name is not read from the site (it is this build's content-hashed name):
    # in the key, so that a package never points at a stale file make serve has yet to delete.
    entry = assetnames.shipped_in(site.site_dir, ENTRY_SCRIPT)
    about = (module.id, module.title, module.quiz.pass_mark if module.quiz else None, site_url, entry, parts)
    return buildcache.fingerprint(repr(about), *(p or "" for p in pages))


def _package_key(made_of: str, reads: list[str], site: SiteFiles) -> str:
    return "\n".join([made_of, *(f"{path}\t{site.digest(path)}" for path in reads)])


def build_package(module: Module, site_dir: Path, site_url: str, site: SiteFiles | None = None) -> bytes | None:
    """The module's zip, from the memo when the same pages were packaged with the same files
    before (module docstring); None if the module's pages were not built."""
    site = site or SiteFiles(site_dir)
    made_of = _made_of(module, site, site_url)
    if made_of is None:
        return None
    plans, packages = buildcache.memo("scorm-plans"), buildcache.memo("scorm-packages")
    reads = plans.get(made_of)
    if reads is not buildcache._MISSING:
        found = packages.get(buildcache.fingerprint(_package_key(made_of, reads, site)))
        if found is not buildcache._MISSING:
            return found
    site.reads = set()
    _count("planned")
    try:
        plan = package_plan(module, site, site_url)
        new_reads = sorted(site.reads)
    finally:
        site.reads = None
    if plan is None:
        return None
    page, manifest_xml, carried = plan
    plans.put(made_of, new_reads)

    def make() -> bytes:
        _count("zipped")
        entries = {name: (site_dir / name).read_bytes() for name in carried}
        entries["index.html"] = page.encode("utf-8")
        entries["imsmanifest.xml"] = manifest_xml.encode("utf-8")
        return _zip(entries)

    key = _package_key(made_of, new_reads, site)
    if reads is not buildcache._MISSING:  # the files changed: the miss is counted already
        data = make()
        packages.put(buildcache.fingerprint(key), data)
        return data
    return buildcache.cached(packages, key, make)


def write_packages(project: Project, site_dir: Path, site_url: str) -> None:
    """After the build: every published module's package next to its page."""
    site = SiteFiles(site_dir)
    for module in load_catalogue(project).modules:
        data = build_package(module, site_dir, site_url or "/", site)
        if data is not None:
            target = site_dir / "training" / module.id / package_name(module.id)
            target.parent.mkdir(parents=True, exist_ok=True)
            # A `mkdocs serve` rebuild finds most packages unchanged in the kept site folder.
            if not (target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data):
                target.write_bytes(data)
