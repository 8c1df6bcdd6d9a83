"""The incremental preview (#22, macros/glue/compat/preview_incremental.py): a ``make serve``
rebuild after an edit of content rebuilds only what the edit reached, and still equals a
cold build byte for byte; whatever is not provably local falls back to the full rebuild.

The random sequences of tests/test_differential_build.py take this path whenever it
applies; here one of each kind, named, so that a change which silently stops the path
(every rebuild falling back) fails too.
"""

from __future__ import annotations

from pathlib import Path

from differential import new_city


def test_a_plan_edit_rebuilds_its_pages_only_and_equals_a_cold_build(tmp_path: Path) -> None:
    city, builds = new_city(tmp_path)
    try:
        assert builds.compare() == []
        assert builds.serve_rebuilds[-1]["incremental"] is False  # the first build is a full one

        city.edit_plan(0, 640, 20)  # over the mentor-ratio pass mark: the page's verdict changes
        found = builds.compare()
        assert not found, "\n".join(found)
        rebuild = builds.serve_rebuilds[-1]
        assert rebuild["incremental"] is True, rebuild
        assert rebuild["changed"] == 1 and 1 <= rebuild["rendered"] <= 4, rebuild

        # A lesson's text: the module catalogue is made again and comes out the same, which
        # moved it after what depends on it in the record; the quiz's pass mark, saved next,
        # was then left stale on the module's pages (found by the differential test's long form).
        for edit in (lambda: city.edit_lesson(3), lambda: city.edit_quiz(100)):
            edit()
            found = builds.compare()
            assert not found, "\n".join(found)
            assert builds.serve_rebuilds[-1]["incremental"] is True, builds.serve_rebuilds[-1]

        # A case's text (#22): every page looks itself up in the table of cases, each reading
        # its own entry, and listings and related cases hold only front matter: one page.
        city.edit_case(2)
        found = builds.compare()
        assert not found, "\n".join(found)
        rebuild = builds.serve_rebuilds[-1]
        assert rebuild["incremental"] is True and rebuild["rendered"] == 1, rebuild

        city.add_school()  # a new file: never provably local
        found = builds.compare()
        assert not found, "\n".join(found)
        assert builds.serve_rebuilds[-1] == {"incremental": False, "why": "增删了文件"}
    finally:
        builds.close()
