"""The differential build harness (tests/test_differential_build.py): a small city whose
content is edited step by step, and after every step three builds of it that must be the
same, byte for byte:

- **cold**: a new ``mkdocs build --strict`` process without any cache (``PORTAL_NO_CACHE=1``);
- **warm**: a new ``mkdocs build --strict`` process with the cache the earlier builds left
  in the city's ``.cache/``;
- **serve**: the next rebuild of one long-lived `mkdocs serve` session
  (tests/serve_rebuild.py in ``loop`` mode: preview cache, live pages, kept site folder).

The city is the project with its layout thresholds lowered (``PORTAL_TEST_LAYOUT``,
macros/core/config.py) so that adding a school or two cases changes the layout: the
shipped four schools are just at the inline-school limit, the shipped eleven published
cases one below the inline-case limit.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from scripts.benchcity import copy_project

ROOT = Path(__file__).resolve().parent.parent

SERVE_URL = "http://127.0.0.1:8000/"  # what tests/serve_rebuild.py builds for
SCRIPT = Path(__file__).with_name("serve_rebuild.py")
# The shipped content sits just at these limits (4 schools, 11 published cases).
LAYOUT = "inline_schools=4,schools_per_page=2,inline_cases=12,cases_per_page=5"
DISTRICTS = ("示例一区", "示例二区", "示例三区")  # sample plans may not name a real district
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    return {**env, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SERVE_URL, "PORTAL_TEST_LAYOUT": LAYOUT, **extra}


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def differences(want: dict[str, bytes], got: dict[str, bytes], name: str) -> list[str]:
    """What ``got`` (the ``name`` build) has that the cold build ``want`` has not: missing,
    extra and changed files, the first changed file with a few lines of unified diff."""
    out = [f"{name}: missing {p}" for p in sorted(want.keys() - got.keys())]
    out += [f"{name}: extra {p}" for p in sorted(got.keys() - want.keys())]
    changed = sorted(p for p in want.keys() & got.keys() if want[p] != got[p])
    if changed:
        out.append(f"{name}: {len(changed)} files differ from the cold build: {changed[:8]}")
        first = changed[0]
        a = want[first].decode("utf-8", "replace").splitlines()
        b = got[first].decode("utf-8", "replace").splitlines()
        diff = list(difflib.unified_diff(a, b, f"cold/{first}", f"{name}/{first}", n=0, lineterm=""))
        out += [line[:300] for line in diff[:12]]
    return out


class City:
    """A scratch copy of the project and the content edits the differential test applies."""

    def __init__(self, root: Path) -> None:
        self.root = root
        copy_project(root)
        self.samples = sorted(p for p in (root / "data/schools").glob("*.yml") if not p.name.startswith("_"))
        self.added_schools: list[str] = []
        self.added_cases: list[str] = []
        self._serial = 0

    def _next(self) -> int:
        self._serial += 1
        return self._serial

    def _revise(self, rel: str, before: str, after: str) -> None:
        """Mark the text between ``before`` and ``after`` as revised, again on every call."""
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        pattern = re.compile(re.escape(before) + r"(（修订 \d+）)?" + re.escape(after))
        assert pattern.search(text), (rel, before)
        path.write_text(pattern.sub(f"{before}（修订 {self._next()}）{after}", text, count=1), encoding="utf-8")

    # -- schools ------------------------------------------------------------------

    def _school(self, school_id: str) -> Path:
        return self.root / "data/schools" / f"{school_id}.yml"

    def _plan(self, school_id: str) -> dict:
        return yaml.safe_load(self._school(school_id).read_text(encoding="utf-8-sig"))

    def _write_plan(self, school_id: str, plan: dict) -> None:
        text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=1000)
        self._school(school_id).write_text(f"# 示例：差分测试生成的学校，名称与内容均为虚构。\n{text}", encoding="utf-8")

    def add_school(self) -> str:
        """A school derived from a shipped sample; the sample and the district cycle."""
        n = self._next()
        school_id = f"diff-{n:03d}"
        plan = yaml.safe_load(self.samples[n % len(self.samples)].read_text(encoding="utf-8-sig"))
        plan.update(id=school_id, name=f"差分第{n}示例学校", district=DISTRICTS[n % len(DISTRICTS)], sample=True)
        self._write_plan(school_id, plan)
        self.added_schools.append(school_id)
        return school_id

    def remove_school(self, which: int) -> None:
        school_id = self.added_schools.pop(which % len(self.added_schools))
        self._school(school_id).unlink()

    def rename_school(self, which: int) -> None:
        """A new name (the page title, the overview's lists, the search entry)."""
        school_id = self.added_schools[which % len(self.added_schools)]
        plan = self._plan(school_id)
        plan["name"] = f"改名第{self._next()}示例学校"
        self._write_plan(school_id, plan)

    def move_school(self, which: int) -> None:
        """A new id and file name: the page moves to another address."""
        i = which % len(self.added_schools)
        old = self.added_schools[i]
        plan = self._plan(old)
        new = plan["id"] = f"diff-{self._next():03d}"
        self._school(old).unlink()
        self._write_plan(new, plan)
        self.added_schools[i] = new

    def edit_plan(self, which: int, students: int, per_mentor: int) -> None:
        """Counts and the mentor ratio, on either side of the rule's pass mark (15 students)."""
        ids = self.added_schools + [p.stem for p in self.samples]
        school_id = ids[which % len(ids)]
        plan = self._plan(school_id)
        plan["counts"]["students"] = students
        plan.setdefault("matching", {})["max_students_per_mentor"] = per_mentor
        self._write_plan(school_id, plan)

    # -- cases ------------------------------------------------------------------

    def _case_sources(self) -> list[Path]:
        return sorted(p for p in (self.root / "casebook").glob("*.md") if "status: published" in p.read_text(encoding="utf-8"))

    def add_case(self) -> str:
        """A published case derived from a shipped one; the sample cycles."""
        n = self._next()
        sources = [p for p in self._case_sources() if not p.stem.startswith("diff-")]
        text = sources[n % len(sources)].read_text(encoding="utf-8")
        match = _FRONT.match(text)
        assert match
        meta, body = yaml.safe_load(match.group(1)), text[match.end() :]
        case_id = f"diff-case-{n:03d}"
        old_title = meta["title"]
        meta.update(id=case_id, title=f"{old_title}（差分 {n}）", sample=True)
        meta.pop("related", None)
        body = body.replace(f"# {old_title}", f"# {meta['title']}", 1)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        (self.root / "casebook" / f"{case_id}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        self.added_cases.append(case_id)
        return case_id

    def remove_case(self, which: int) -> None:
        case_id = self.added_cases.pop(which % len(self.added_cases))
        (self.root / "casebook" / f"{case_id}.md").unlink()

    def edit_case(self, which: int) -> None:
        """A published case's text, not its front matter: its page alone changes (listings and
        related cases show only front matter), the incremental preview's case path."""
        sources = self._case_sources()
        path = sources[which % len(sources)]
        text = re.sub(r"\n\n案例修订 \d+。\n\Z", "\n", path.read_text(encoding="utf-8"))
        path.write_text(f"{text.rstrip()}\n\n案例修订 {self._next()}。\n", encoding="utf-8")

    def rename_case(self, which: int) -> None:
        case_id = self.added_cases[which % len(self.added_cases)]
        path = self.root / "casebook" / f"{case_id}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"^title: .*$", f"title: 改名的差分案例 {self._next()}", text, count=1, flags=re.M), encoding="utf-8"
        )

    # -- everything else ------------------------------------------------------------

    def edit_glossary(self) -> None:
        """A term's definition: the tooltip on most pages."""
        self._revise("data/glossary.yml", "教师人人是导师”", "。")

    def edit_policy(self) -> None:
        """Clause 五（一）: the rule links on every school page quote it."""
        self._revise("docs/policies/shanghai-2023-25.md", "不超过15名", "。")

    def edit_tip(self) -> None:
        self._revise("tipbook/home-visit-ten-things.md", "不是告状，也不是检查", "。")

    def edit_lesson(self, which: int) -> None:
        """A lesson's text: its page, and its module's SCORM package (#26), which a warm build
        takes from its cache only while the module's pages are unchanged."""
        lessons = sorted(self.root.glob("training_modules/*/[0-9]*.md"))
        path = lessons[which % len(lessons)]
        text = re.sub(r"\n\n本课修订 \d+。\n\Z", "\n", path.read_text(encoding="utf-8"))
        path.write_text(f"{text.rstrip()}\n\n本课修订 {self._next()}。\n", encoding="utf-8")

    def edit_quiz(self, pass_mark: int) -> None:
        path = self.root / "training_modules/home-visit/quiz.yml"
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"pass_mark: \d+", f"pass_mark: {pass_mark}", text, count=1), encoding="utf-8")

    def edit_config(self) -> None:
        """mkdocs.yml: the copyright line is on every page."""
        self._revise("mkdocs.yml", "不代表任何真实区、学校或个人", "。")

    def edit_script(self) -> None:
        """dom.js, which most of the portal's modules import: it and its importers up to main.js
        (on every page) ship under new content-hashed names (macros/core/assetnames.py)."""
        path = self.root / "docs/assets/portal/dom.js"
        text = re.sub(r"\nexport const REVISION = \d+;\n$", "\n", path.read_text(encoding="utf-8"))
        path.write_text(f"{text.rstrip()}\nexport const REVISION = {self._next()};\n", encoding="utf-8")


class Builds:
    """The cold, warm and serve builds of one city, and their comparison."""

    def __init__(self, city: City, work: Path) -> None:
        self.city = city
        self.work = work
        self.serve_site = work / "serve"
        self.serve_rebuilds: list[dict] = []  # each serve rebuild's account: incremental or why not
        self.serve_log = (work / "serve.log").open("w", encoding="utf-8")
        self.serve = subprocess.Popen(
            [sys.executable, str(SCRIPT), str(city.root), str(self.serve_site), "loop", "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.serve_log,
            text=True,
            # The copy's own engine: a script run by path would import the one the editable
            # install points at (this checkout), and the hook stops such a build.
            env=_env(PYTHONPATH=str(city.root)),
            cwd=city.root,
        )

    def _mkdocs(self, site: Path, **env: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
            cwd=self.city.root,
            env=_env(**env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def compare(self) -> list[str]:
        """Build cold, warm and serve (at the same time: two cores) and list every difference."""
        assert self.serve.stdin is not None and self.serve.stdout is not None
        self.serve.stdin.write("build\n")
        self.serve.stdin.flush()
        cold = self._mkdocs(self.work / "cold", PORTAL_NO_CACHE="1")
        warm = self._mkdocs(self.work / "warm")
        problems = []
        for name, process in (("cold", cold), ("warm", warm)):
            output, _ = process.communicate()
            if process.returncode != 0 or "WARNING" in output:
                problems.append(f"{name} build failed:\n{output[-3000:]}")
        answer = self.serve.stdout.readline()
        if not answer:
            log = (self.work / "serve.log").read_text(encoding="utf-8")
            problems.append(f"serve process ended:\n{log[-3000:]}")
        elif "error" in json.loads(answer):
            problems.append(f"serve rebuild failed: {answer}")
        else:  # whether it took the incremental path (macros/glue/compat/preview_incremental.py)
            self.serve_rebuilds.append(json.loads(answer).get("incremental", {}))
        if problems:
            return problems
        want = site_files(self.work / "cold")
        return differences(want, site_files(self.work / "warm"), "warm") + differences(want, site_files(self.serve_site), "serve")

    def close(self) -> None:
        if self.serve.poll() is None:
            try:
                self.serve.communicate("quit\n", timeout=60)
            except subprocess.TimeoutExpired:
                self.serve.kill()
                self.serve.communicate()
        self.serve_log.close()


def new_city(work: Path) -> tuple[City, Builds]:
    city = City(work / "city")
    shutil.rmtree(city.root / ".cache", ignore_errors=True)
    return city, Builds(city, work)
