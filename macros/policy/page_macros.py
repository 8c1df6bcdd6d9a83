"""The policy domain's macros and its share of every page's HTML and of the search index,
registered in :mod:`macros.policy.domain`."""

from __future__ import annotations

from macros.build import cache as buildcache
from macros.core.links import page_url
from macros.core.page_macros import MacroError, MacroPage
from macros.core.registry import Cut, Project
from macros.policy import glossary, learn_reading
from macros.policy.access import clause_link, glossary_terms, library
from macros.policy.comparison import render_comparison
from macros.policy.glossary import render_glossary
from macros.policy.policies import UnknownReference


def clause(page: MacroPage, doc: str, key: str | None = None, text: str | None = None) -> str:
    """Link to a policy clause: ``{{ clause("沪教委德〔2023〕25号", "五（三）") }}``."""
    try:
        return clause_link(page.project, doc, key, page.src_uri, text)
    except UnknownReference as err:
        raise MacroError(f"条款引用无效：{err}") from err


def glossary_list(page: MacroPage) -> str:
    project = page.project
    return render_glossary(glossary_terms(project), lambda d, c: clause_link(project, d, c or None, page.src_uri))


def policy_comparison(page: MacroPage) -> str:
    project = page.project
    doc, _ = project.data("data/policy_comparison.yml")
    return render_comparison(doc.data if doc is not None else {}, lambda d, c, t: clause_link(project, d, c, page.src_uri, t))


MACROS = {"clause": clause, "glossary_list": glossary_list, "policy_comparison": policy_comparison}


def tooltip_terms(project: Project, meta: dict) -> buildcache.Keyed | None:
    """The glossary for the tooltips, unless the page turns them off (``glossary_tooltips: false``)."""
    if meta.get("glossary_tooltips") is False:
        return None
    return project.once("glossary-terms-keyed", lambda: buildcache.Keyed(glossary_terms(project)))


def add_tooltips(terms: object, html: str) -> str:
    assert isinstance(terms, buildcache.Keyed)
    # Where the terms go is kept by the glossary and the page's HTML: a warm build wraps them
    # without scanning every page again (~0.8 s at city scale; docs/about/performance-history.md).
    memo = buildcache.memo("tooltip-spans")
    spans = buildcache.cached(memo, terms.key + html, lambda: glossary.tooltip_spans(html, terms.value))
    return glossary.apply_tooltips(html, terms.value, spans)


def always(project: Project, meta: dict) -> bool:
    return True


def focusable_notes(_setting: object, html: str) -> str:
    return learn_reading.focusable_notes(html)


def search_terms(project: Project, cut: Cut) -> tuple[dict[str, list[str]], list[str]]:
    """A glossary term finds the glossary; a document number (or alias) finds its document,
    which other pages quote."""
    defined = {"glossary/": ["\u200b".join(cut(t.term)) for t in glossary_terms(project)]}
    sources = []
    for policy in library(project).policies:
        location = page_url(policy.src_uri)
        names = [policy.doc_number, *policy.meta.get("aliases", [])]
        defined[location] = ["\u200b".join(cut(n)) for n in names if n]
        sources.append(location)
    return defined, sources
