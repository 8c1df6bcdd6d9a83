"""The project's content as one object: loaded once, checked once, shared by
the MkDocs build and ``scripts/check.py`` so the two never disagree.

The project knows files, data and front matter; what the domains contribute
(checks, pages, renderers) it finds in its :class:`~macros.core.registry.Registry`,
which :func:`macros.composition.new_project` supplies.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from macros.build import reads
from macros.core import registry
from macros.core.messages import message as say
from macros.core.pages import GeneratedPage
from macros.core.problems import Problem
from macros.core.registry import EMPTY, Registry
from macros.core.themes import THEMES_FILE, theme_ids
from macros.core.yamlguard import NOT_REGULAR, outside_link_message
from macros.core.yamlload import Document, load_front_matter, load_yaml_file

CONTENT_DIRS = ("docs", "casebook", "training_modules", "tipbook")
# What MkDocs reads as a Markdown page (mkdocs.utils.markdown_extensions): every one is checked,
# or a hostile x.markdown would reach MkDocs's own YAML reader unguarded.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
DATA_DIRS = ("data",)
ONCE = "once:"  # what a recorded read of a value made by Project.once is called
EACH = "@"  # once_each(name, make, item) is the value "name@item"
ENTRY = "#"  # a read of one entry of a table: "once:key#item" (Project.once_entry)
T = TypeVar("T")


@dataclass
class Project:
    root: Path
    # What the domains contribute; set by macros.composition.new_project (the core imports no domain).
    registry: Registry = EMPTY
    _data: dict[str, tuple[Document | None, list[Problem]]] = field(default_factory=dict)
    render_errors: list[str] = field(default_factory=list)
    _once: dict[str, Any] = field(default_factory=dict)
    _front_matter: dict[tuple[str, str], tuple[Document | None, str, list[Problem]]] = field(default_factory=dict)
    # While a build records what it reads (macros.build.reads, under `mkdocs serve`): for each
    # value made by once(), the files and other values it read, how to make it again and the
    # value it was made inside of (its maker may use that value's data), in the order they were
    # finished. The preview makes again only what an edit reached.
    once_reads: dict[str, tuple[frozenset[str], Callable[[], Any], str | None]] = field(default_factory=dict)
    _making: list[str] = field(default_factory=list)

    def once(self, key: str, make: Callable[[], T]) -> T:
        """``make()`` the first time ``key`` is asked for: a build loads each kind of content once."""
        value = self._made(key, make, inside=True)
        if reads.active():
            reads.note((ONCE + key,))
        return value

    def once_each(self, name: str, make: Callable[[Any, str], T], item: str) -> T:
        """``make(project, item)`` once per ``item`` (a school file, a case): one value of many
        that an edit of one item leaves alone. ``make`` is a module-level function, so it reads
        everything but ``item`` through the project, where its reads are recorded: made again
        alone (not with the value it was first made inside, as :meth:`once` values are)."""
        if getattr(make, "__closure__", None) is not None or getattr(make, "__self__", None) is not None:
            raise TypeError(f"once_each({name!r}): make must be a module-level function, not a closure or method")
        key = f"{name}{EACH}{item}"
        value = self._made(key, lambda: make(self, item), inside=False)
        if reads.active():
            reads.note((ONCE + key,))
        return value

    def once_entry(self, key: str, make: Callable[[], dict[str, T]], item: str) -> T | None:
        """``once(key, make).get(item)``, read as that entry alone: a page that looks itself up in
        a table (is it a case?) depends on its own entry, not on every other row of the table."""
        table = self._made(key, make, inside=True)
        if reads.active():
            reads.note((f"{ONCE}{key}{ENTRY}{item}",))
        return table.get(item)

    def _made(self, key: str, make: Callable[[], T], inside: bool) -> T:
        if key not in self._once:
            if reads.active():
                parent = self._making[-1] if self._making and inside else None
                self._making.append(key)
                try:
                    with reads.recording(propagate=False) as found:  # the value stands for its reads
                        self._once[key] = make()
                finally:
                    self._making.pop()
                self.once_reads.pop(key, None)
                self.once_reads[key] = (frozenset(found), make, parent)
            else:
                self._once[key] = make()
        return self._once[key]

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    def display(self, path: Path) -> str:
        # Most paths are built from the root already: no need to resolve (a system call per
        # component, ten thousand times a build at city scale).
        if ".." not in path.parts:
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(self._resolved_root).as_posix()
        except ValueError:
            return path.as_posix()

    @cached_property
    def _resolved_root(self) -> Path:
        return self.root.resolve()

    def render_error(self, path: str, message: str) -> None:
        """An error found while rendering a page (e.g. a computed clause reference)."""
        line = f"{path}: error: {message}"
        self.render_errors.append(line)
        logging.getLogger("mkdocs.plugins.portal").error(line)

    def data(self, rel: str) -> tuple[Document | None, list[Problem]]:
        """A YAML data file, parsed once; a missing file is a problem too."""
        if rel not in self._data:
            path = self.root / rel
            if not path.exists():
                self._data[rel] = (None, [Problem(rel, 1, 1, say("project.data"))])
            else:
                self._data[rel] = load_yaml_file(path, rel, root=self.root)
        elif reads.active():  # parsed before: still read by whoever asks
            reads.note((os.path.abspath(self.root / rel),))
        return self._data[rel]

    def front_matter(self, path: Path, display: str | None = None) -> tuple[Document | None, str, list[Problem]]:
        """A Markdown file's front matter and body, parsed once per build (many parts read the
        cases and pages: the checks, the publication gate, the theme index, the listings)."""
        display = display or self.display(path)
        key = (str(path), display)
        found = self._front_matter.get(key)
        if found is None:
            found = self._front_matter[key] = load_front_matter(path, display, root=self.root)
        elif reads.active():
            reads.note((os.path.abspath(path),))
        return found

    @property
    def themes(self) -> list[str]:
        """The theme vocabulary: every ``themes`` field in content must use these ids."""
        return theme_ids(self.data(THEMES_FILE)[0])

    def front_matter_folder(
        self, folder: str, pattern: str = "*.md"
    ) -> tuple[list[tuple[Path, str, Document, str]], list[Problem]]:
        """Every Markdown file of a content folder (cases, tips, news posts) with its front matter:
        (path, display path, document, body) for each file that parsed, and every parse problem."""
        files: list[tuple[Path, str, Document, str]] = []
        problems: list[Problem] = []
        for path in sorted((self.root / folder).glob(pattern)):
            display = self.display(path)
            doc, body, found = self.front_matter(path, display)
            problems += found
            if doc is not None:
                files.append((path, display, doc, body))
        return files, problems

    def generated_pages(self) -> list[GeneratedPage]:
        """Every page and download the domains add to the site (published content only), once per project."""
        # Each domain's pages a value of its own: an edit makes again only the sources that read it.
        return self.once(
            "generated-pages",
            lambda: [page for source in self.registry.page_sources for page in self.once_each("pages", _pages_of, _name(source))],
        )

    def markdown_files(self) -> list[Path]:
        return [p for p in self.named_like_content()[0] if self._plain_file(p)]

    def data_files(self) -> list[Path]:
        return [p for p in self.named_like_content()[1] if self._plain_file(p)]

    def _plain_file(self, path: Path) -> bool:
        """A regular file inside the project: checks that read files themselves must never
        open a folder, a named pipe (it would block) or a file outside the project."""
        return path.is_file() and (not path.is_symlink() or path.resolve().is_relative_to(self._resolved_root))

    def named_like_content(self) -> tuple[list[Path], list[Path]]:
        """Everything named like a Markdown page or a data file, folders included: a folder
        ``x.yml`` is an error (``check_syntax``), never a file the checks try to read.
        Listed once per build (several checks ask)."""
        return self.once("content-files", self._list_named_like_content)

    def _list_named_like_content(self) -> tuple[list[Path], list[Path]]:
        pages: list[Path] = []
        for name in CONTENT_DIRS:
            pages += sorted(p for p in (self.root / name).rglob("*") if p.suffix in MARKDOWN_SUFFIXES)
        data: list[Path] = []
        for name in DATA_DIRS:
            data += sorted(p for p in (self.root / name).rglob("*") if p.suffix in (".yml", ".yaml"))
        for name in CONTENT_DIRS[1:]:
            data += sorted(p for p in (self.root / name).rglob("*") if p.suffix in (".yml", ".yaml"))
        return pages, data

    def odd_entries(self) -> list[tuple[Path, str]]:
        """Anything in the content folders that must not be read or published, with the reason:
        symlinks leading out of the project (rglob does not follow symlinked folders, but MkDocs
        follows them and copies every file of docs/) and pipes or devices (reading one blocks)."""
        found = []
        for name in (*CONTENT_DIRS, *DATA_DIRS):
            for folder, dirs, files in os.walk(self.root / name):
                for entry in (*dirs, *files):
                    path = Path(folder) / entry
                    if path.is_symlink() and not path.resolve().is_relative_to(self._resolved_root):
                        found.append((path, outside_link_message(path.resolve())))
                    elif entry in files and path.exists() and not path.is_file():
                        found.append((path, NOT_REGULAR))
        return found


# -- checks ---------------------------------------------------------------------


def check_syntax(project: registry.Project) -> list[Problem]:
    """Every front matter and YAML file parses, without duplicate keys."""
    problems: list[Problem] = []
    pages, data = project.named_like_content()
    # One value per file: under `mkdocs serve` a saved file is checked again alone.
    for path in pages:  # folders too: read_text reports them
        problems += project.once_each("syntax.page", _page_syntax, project.display(path))
    for path in data:
        problems += project.once_each("syntax.data", _data_syntax, project.display(path))
    for path, message in project.odd_entries():  # the same Problem as the loader's when both see it
        problems.append(Problem(project.display(path), 1, 1, message))
    return problems


def _name(function: Callable[..., Any]) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def _pages_of(project: registry.Project, source: str) -> list[GeneratedPage]:
    """The pages of the page source called ``source``."""
    return next(make for make in project.registry.page_sources if _name(make) == source)(project)


def _page_syntax(project: registry.Project, display: str) -> list[Problem]:
    return project.front_matter(project.root / display, display)[2]


def _data_syntax(project: registry.Project, display: str) -> list[Problem]:
    return project.data(display)[1]


if TYPE_CHECKING:  # the type checker confirms that the class implements the domains' protocol

    def _implements_the_protocol(project: Project) -> registry.Project:
        return project
