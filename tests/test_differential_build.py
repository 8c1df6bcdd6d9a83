"""Warm = cold, also under `make serve` (#22): random sequences of content edits to a small
city, and after every step the warm build and the serve rebuild compared byte for byte with
a cold build (tests/differential.py).

The short form runs in ``make test``: derandomised (the same steps every run), two sequences
of ``PORTAL_DIFF_STEPS`` steps (default 4; about a minute on a quiet 2-core machine). The long
form runs as long as asked, with fresh random sequences each time (README, “缓存与差分测试”):

    PORTAL_DIFF_EXAMPLES=20 PORTAL_DIFF_STEPS=15 .venv/bin/python -m pytest tests/test_differential_build.py

A failure prints the steps (hypothesis' reproduction) and the first differing file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from differential import City, new_city
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from macros.core import assetnames
from macros.training.scorm_page import script_imports

EXAMPLES = int(os.environ.get("PORTAL_DIFF_EXAMPLES", "0") or 0)
STEPS = int(os.environ.get("PORTAL_DIFF_STEPS", "4") or 4)


class ContentEdits(RuleBasedStateMachine):
    """A city, its three builds, and the edits an author makes between saves."""

    def __init__(self) -> None:
        super().__init__()
        self.work = Path(tempfile.mkdtemp(prefix="portal-diff-"))
        self.city, self.builds = new_city(self.work)

    def teardown(self) -> None:
        self.builds.close()
        shutil.rmtree(self.work, ignore_errors=True)

    @invariant()
    def warm_and_serve_equal_cold(self) -> None:
        found = self.builds.compare()
        assert not found, "\n".join(found)

    # The only rule without arguments (the sample plan and the district cycle with the city's
    # serial number): hypothesis orders rules by their number of arguments and name, so its
    # first, simplest sequence adds a school again and again, crossing the inline-school limit
    # and then the district pages' size. The sequences after it are random.
    @rule()
    def add_school(self) -> None:
        self.city.add_school()

    @precondition(lambda self: self.city.added_schools)
    @rule(which=st.integers(0, 9))
    def remove_school(self, which: int) -> None:
        self.city.remove_school(which)

    @precondition(lambda self: self.city.added_schools)
    @rule(which=st.integers(0, 9))
    def rename_school(self, which: int) -> None:
        self.city.rename_school(which)

    @precondition(lambda self: self.city.added_schools)
    @rule(which=st.integers(0, 9))
    def move_school(self, which: int) -> None:
        self.city.move_school(which)

    @rule(which=st.integers(0, 9), students=st.integers(50, 3000), per_mentor=st.sampled_from([10, 15, 16, 20]))
    def edit_plan(self, which: int, students: int, per_mentor: int) -> None:
        self.city.edit_plan(which, students, per_mentor)

    @rule(count=st.integers(1, 2))
    def add_case(self, count: int) -> None:
        for _ in range(count):
            self.city.add_case()

    @precondition(lambda self: self.city.added_cases)
    @rule(which=st.integers(0, 9))
    def remove_case(self, which: int) -> None:
        self.city.remove_case(which)

    @rule(which=st.integers(0, 20))
    def edit_case(self, which: int) -> None:
        self.city.edit_case(which)

    @precondition(lambda self: self.city.added_cases)
    @rule(which=st.integers(0, 9))
    def rename_case(self, which: int) -> None:
        self.city.rename_case(which)

    @rule(what=st.sampled_from(["glossary", "policy", "tip", "config", "script"]))
    def edit_text(self, what: str) -> None:
        """A glossary term, a policy clause, a tip, mkdocs.yml or one of the portal's scripts."""
        getattr(self.city, f"edit_{what}")()

    @rule(which=st.integers(0, 20))
    def edit_lesson(self, which: int) -> None:
        self.city.edit_lesson(which)

    @rule(pass_mark=st.sampled_from([60, 80, 100]))
    def edit_quiz(self, pass_mark: int) -> None:
        self.city.edit_quiz(pass_mark)

    @rule()
    def edit_config(self) -> None:
        self.city.edit_config()


def test_random_edits_warm_and_serve_builds_equal_a_cold_build() -> None:
    run_state_machine_as_test(
        ContentEdits,
        settings=settings(
            max_examples=EXAMPLES or 2,
            stateful_step_count=STEPS,
            derandomize=not EXAMPLES,  # make test: the same sequence every run
            database=None,
            deadline=None,
            # A step is three builds (seconds): shrinking a failure would take many minutes,
            # and the printed steps with the first differing file say enough.
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        ),
    )


def test_crossing_the_inline_limits_relinks_every_school_page(tmp_path: Path) -> None:
    """The bug that started #22: at the inline-school limit, adding a school pages the
    overview by district; every school page must then lead back to its district page,
    also in a warm build and a serve rebuild. (Two cases more page the case listings.)"""
    city, builds = new_city(tmp_path)
    try:
        assert builds.compare() == []
        city.add_school()
        city.add_case()
        city.add_case()
        found = builds.compare()
        assert not found, "\n".join(found)
        page = (tmp_path / "warm/schools/chenguang-middle/index.html").read_text(encoding="utf-8")
        assert "返回一校一策总览" not in page and "学校名单" in page
    finally:
        builds.close()


def _asset_names(site: Path) -> dict[str, str]:
    """The portal's own stylesheets and scripts in a built site: source site path -> shipped name."""
    out = {}
    for path in site.joinpath("assets").rglob("*"):
        name = path.relative_to(site).as_posix()
        if assetnames.HASHED.search(name) and assetnames.is_ours(assetnames.original_name(name)):
            out[assetnames.original_name(name)] = name
    return out


def _importers(target: str, sources: Path) -> set[str]:
    """``target`` and every module that imports it, directly or not (scorm_page's own reading of
    imports, not the build's)."""
    imports = {
        f"assets/portal/{p.name}": set(script_imports(p.read_text(encoding="utf-8"), f"assets/portal/{p.name}"))
        for p in sources.glob("*.js")
    }
    found = {target}
    while grown := {m for m, deps in imports.items() if deps & found} - found:
        found |= grown
    return found


def test_a_script_edit_renames_it_and_its_importers_and_nothing_else(tmp_path: Path) -> None:
    """#27: the portal's own assets ship under content-hashed names. After an edit of dom.js the
    warm build and the serve rebuild still equal a cold one; dom.js and the modules importing
    it (up to main.js, on every page) have new names, every other file keeps its name."""
    city, builds = new_city(tmp_path)
    try:
        assert builds.compare() == []
        before = _asset_names(tmp_path / "cold")
        assert "assets/portal/main.js" in before and "assets/portal.css" in before
        city.edit_script()
        found = builds.compare()
        assert not found, "\n".join(found)
        after = _asset_names(tmp_path / "cold")
        assert set(after) == set(before)
        renamed = {source for source in before if before[source] != after[source]}
        assert renamed == _importers("assets/portal/dom.js", city.root / "docs/assets/portal")
        assert {"assets/portal/main.js", "assets/portal/quiz-ui.js"} <= renamed
        main = after["assets/portal/main.js"]
        assert f'src="../../{main}"' in (tmp_path / "cold/training/my-learning/index.html").read_text(encoding="utf-8")
    finally:
        builds.close()


def test_the_city_is_at_the_limits(tmp_path: Path) -> None:
    """The layout override puts the shipped content exactly at the limits the edits cross."""
    city = City(tmp_path / "city")
    assert len(city.samples) == 4  # inline_schools=4
    assert len(city._case_sources()) == 11  # inline_cases=12: two more cases page the listings
