"""What a domain contributes to the portal, and the registry that holds every domain.

Each domain package (``policy``, ``handbook``, ``training``, ``plans``, ``casebook``,
``tips``, ``documents``) describes itself with one :class:`Domain` in its ``domain.py``;
:mod:`macros.composition` lists the domains and builds the :class:`Registry`. The core
never imports a domain: what it needs from them (the published pages, the pages with
themes) it asks of the registry that the composition hands to the project.

:class:`Project` is what a domain's functions may ask of the project: every ``Check``,
``PageSource`` and renderer is typed with it, and ``macros.core.project.Project`` implements it
(the type checker confirms both, README “类型检查”).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from macros.core.pages import GeneratedPage, ThemedPage
from macros.core.problems import Problem

if TYPE_CHECKING:
    from macros.core.yamlload import Document

T = TypeVar("T")


class Project(Protocol):
    """The project as the domains see it: its files, data and front matter, each read once per
    build, and the registry. ``macros.core.project.Project`` is the one implementation; this
    protocol, not that class, is what domains annotate, so that a domain's ``Check`` or
    ``PageSource`` fits the registry's signatures and may use only what is declared here."""

    @property
    def root(self) -> Path: ...
    @property
    def docs_dir(self) -> Path: ...
    @property
    def registry(self) -> Registry: ...
    @property
    def themes(self) -> list[str]: ...
    @property
    def render_errors(self) -> list[str]: ...

    def once(self, key: str, make: Callable[[], T]) -> T: ...
    def once_each(self, name: str, make: Callable[[Project, str], T], item: str) -> T: ...
    def once_entry(self, key: str, make: Callable[[], dict[str, T]], item: str) -> T | None: ...
    def display(self, path: Path) -> str: ...
    def render_error(self, path: str, message: str) -> None: ...
    def data(self, rel: str) -> tuple[Document | None, list[Problem]]: ...
    def front_matter(self, path: Path, display: str | None = None) -> tuple[Document | None, str, list[Problem]]: ...
    def front_matter_folder(
        self, folder: str, pattern: str = "*.md"
    ) -> tuple[list[tuple[Path, str, Document, str]], list[Problem]]: ...
    def generated_pages(self) -> list[GeneratedPage]: ...
    def markdown_files(self) -> list[Path]: ...
    def data_files(self) -> list[Path]: ...
    def named_like_content(self) -> tuple[list[Path], list[Path]]: ...
    def odd_entries(self) -> list[tuple[Path, str]]: ...


class Prefetch(Protocol):
    def finish(self) -> object: ...  # what it returns (a count, nothing) is not used


Check = Callable[[Project], list[Problem]]
PageSource = Callable[[Project], list[GeneratedPage]]
# (project, src_uri, markdown) -> new Markdown, or None when the renderer does not apply.
MarkdownRenderer = Callable[[Project, str, str], str | None]
# (project, site_dir, site_url) -> None: files written after the build (feeds, downloads).
AfterBuild = Callable[[Project, Path, str], None]
PersonNames = Callable[[str], list[str]]
# text -> its words as the site's search segments them (Material's jieba segmentation).
Cut = Callable[[str], list[str]]
# (project, cut) -> compact search entries added for pages the index does not hold in full.
SearchEntries = Callable[[Project, Cut], list[dict]]
# (project, cut) -> ({page location: segmented names that find it}, [locations other pages quote]).
SearchTerms = Callable[[Project, Cut], tuple[dict[str, list[str]], list[str]]]


@dataclass(frozen=True)
class HtmlPass:
    """A change to every page's converted HTML (checklist labels, print views, tooltips)."""

    name: str  # unique across domains: the pass is looked up by it inside a memoised function
    order: int  # the passes of all domains run by this number
    # (project, page meta) -> what the pass needs, plain data or a buildcache.Keyed (it keys the
    # page's memo), or None when the pass does not apply to the page.
    setting: Callable[[Project, dict], object]
    apply: Callable[[object, str], str]
    # The platform detail the pass's output depends on (a name in glue.compat.RELIANCES): outside
    # the version range written for, the glue leaves the pass off and the theme does it its own way.
    relies_on: str = ""


@dataclass(frozen=True)
class Domain:
    name: str
    checks: tuple[Check, ...] = ()
    # Run after every prefetch has finished (their input is then in the cache).
    late_checks: tuple[Check, ...] = ()
    # Findings that are content, not faults (severity "note"): printed by scripts/check.py only.
    reports: tuple[Check, ...] = ()
    # Started before the checks, on the second core where possible.
    prefetch: Callable[[Project], Prefetch] | None = None
    pages: tuple[PageSource, ...] = ()
    # Added after every domain's ``pages`` (listings and collections): the order of the site's
    # files, and so of the sitemap and the search index, stays the same as the domains grow.
    late_pages: tuple[PageSource, ...] = ()
    markdown_renderers: tuple[MarkdownRenderer, ...] = ()
    html_passes: tuple[HtmlPass, ...] = ()
    # name -> fn(MacroPage, *args) -> Markdown, for pages with ``render_macros: true``; a content
    # problem raises macros.core.page_macros.MacroError. Filters: name -> fn(value, *args).
    macros: Mapping[str, Callable[..., str]] = field(default_factory=dict)
    filters: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    search_entries: tuple[SearchEntries, ...] = ()
    search_terms: tuple[SearchTerms, ...] = ()
    # () -> None: loads what a preview's first rebuild would wait for (dictionaries).
    warm_up: tuple[Callable[[], None], ...] = ()
    # project -> source paths (src_uri) of pages to convert ahead on the second core (cold builds).
    render_ahead: tuple[Callable[[Project], list[str]], ...] = ()
    # (project, src_uri, final Markdown) -> (the page's last lines, that part as HTML pieces:
    # a heading as (level, inner HTML), else HTML), or None: written without the converter.
    html_tails: tuple[Callable[[Project, str, str], tuple[str, list] | None], ...] = ()
    # A nav entry whose title is a key here is replaced by the function's list.
    nav_sections: Mapping[str, Callable[[Project], list]] = field(default_factory=dict)
    # Functions (nav, project) -> nav that add the domain's entries to the configured nav.
    nav_splices: tuple[Callable[[list | None, Project], list | None], ...] = ()
    theme_sources: tuple[Callable[[Project], list[ThemedPage]], ...] = ()
    after_build: tuple[AfterBuild, ...] = ()
    # Files under the project whose change must rebuild derived caches (informational).
    extras: Mapping[str, Any] = field(default_factory=dict)
    # text -> the personal names in it (the anonymisation gate's person detector), for other
    # domains' fields that must hold a post, not a person (一校一策 组长, 成员).
    person_names: PersonNames | None = None
    # () -> the data the plan editor judges a post field with as ``person_names`` does
    # (rules as data for the browser, written to schools/post-names.json).
    post_table: Callable[[], dict] | None = None


@dataclass(frozen=True)
class Registry:
    domains: tuple[Domain, ...] = ()

    def _all(self, attribute: str) -> list:
        return [item for domain in self.domains for item in getattr(domain, attribute)]

    @property
    def checks(self) -> list[Check]:
        return self._all("checks")

    @property
    def late_checks(self) -> list[Check]:
        return self._all("late_checks")

    @property
    def reports(self) -> list[Check]:
        return self._all("reports")

    @property
    def prefetches(self) -> list[Callable[[Project], Prefetch]]:
        return [d.prefetch for d in self.domains if d.prefetch is not None]

    @property
    def page_sources(self) -> list[PageSource]:
        return self._all("pages") + self._all("late_pages")

    @property
    def markdown_renderers(self) -> list[MarkdownRenderer]:
        return self._all("markdown_renderers")

    @property
    def nav_sections(self) -> dict[str, Callable[[Project], list]]:
        out: dict[str, Callable[[Project], list]] = {}
        for domain in self.domains:
            out.update(domain.nav_sections)
        return out

    @property
    def nav_splices(self) -> list[Callable[[list | None, Project], list | None]]:
        return self._all("nav_splices")

    @property
    def theme_sources(self) -> list[Callable[[Project], list[ThemedPage]]]:
        return self._all("theme_sources")

    @property
    def after_build(self) -> list[AfterBuild]:
        return self._all("after_build")

    @property
    def html_passes(self) -> list[HtmlPass]:
        return sorted(self._all("html_passes"), key=lambda p: p.order)

    @property
    def macros(self) -> dict[str, Callable[..., str]]:
        return self._named("macros")

    @property
    def filters(self) -> dict[str, Callable[..., Any]]:
        return self._named("filters")

    def _named(self, attribute: str) -> dict:
        out: dict = {}
        for domain in self.domains:
            for name, fn in getattr(domain, attribute).items():
                if name in out:
                    raise ValueError(f"{attribute} {name!r} is registered twice (domain {domain.name})")
                out[name] = fn
        return out

    @property
    def search_entries(self) -> list[SearchEntries]:
        return self._all("search_entries")

    @property
    def search_terms(self) -> list[SearchTerms]:
        return self._all("search_terms")

    @property
    def warm_up(self) -> list[Callable[[], None]]:
        return self._all("warm_up")

    @property
    def render_ahead(self) -> list[Callable[[Project], list[str]]]:
        return self._all("render_ahead")

    @property
    def html_tails(self) -> list[Callable[[Project, str, str], tuple[str, list] | None]]:
        return self._all("html_tails")

    @property
    def person_names(self) -> PersonNames:
        """The registered person detector; without one (a portal without the casebook) no names."""
        found = [d.person_names for d in self.domains if d.person_names is not None]
        return found[0] if found else lambda _text: []

    @property
    def post_table(self) -> dict:
        """The registered detector's table for the plan editor; without one, none (no names)."""
        found = [d.post_table for d in self.domains if d.post_table is not None]
        return found[0]() if found else {}


EMPTY = Registry()
