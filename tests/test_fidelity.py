"""Every paragraph of the seed policy texts appears in the built policy pages.

Normalisation: Traditional → Simplified, whitespace removed, punctuation width
unified (NFKC). Editorial restorations are ``<ins class="ed">`` insertions, so
removing them from the built page must give back the seed's text exactly.
"""

from __future__ import annotations

import html
import re
import unicodedata

import opencc
import pytest

T2S = opencc.OpenCC("t2s")

# Lines the seeds README names as debris, or web metadata moved into the page header.
DEBRIS = {
    "000_75694e5bf977e7e1.txt": ["当前位置:", "来源:上海市闵行区教育局  发布时间:2021年10月21日"],
    "001_857c78b2796b63b8.txt": ["— 1 —", "— 3 —"],
}
PAGES = ["policies/minhang-2021", "policies/changning-2023-52", "policies/shanghai-2023-25"]


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", T2S.convert(text))
    return re.sub(r"\s+", "", text)


def page_text(built_site, page: str) -> str:
    source = (built_site / page / "index.html").read_text(encoding="utf-8")
    article = source[source.index("<article") : source.index("</article>")]
    article = re.sub(r'<ins class="ed"[^>]*>.*?</ins>', "", article, flags=re.S)
    article = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", article, flags=re.S)
    return normalise(html.unescape(re.sub(r"<[^>]+>", "", article)))


@pytest.fixture(scope="module")
def built_policy_text(built_site) -> str:
    return "".join(page_text(built_site, page) for page in PAGES)


@pytest.mark.parametrize("seed", sorted(DEBRIS))
def test_every_seed_paragraph_is_in_the_built_pages(shared_seeds, built_policy_text, seed):
    lines = (shared_seeds / seed).read_text(encoding="utf-8").splitlines()
    debris = {normalise(d) for d in DEBRIS[seed]}
    missing = []
    for number, line in enumerate(lines, start=1):
        wanted = normalise(line)
        if wanted and wanted not in debris and wanted not in built_policy_text:
            missing.append(f"{seed}:{number}: {line.strip()[:60]}")
    assert not missing, "seed paragraphs missing from the built policy pages:\n" + "\n".join(missing)


def test_fidelity_check_catches_a_dropped_sentence(built_policy_text):
    # The check must be able to fail: a sentence the pages do not contain is reported.
    assert normalise("导师每学期开展两次学生家访。") not in built_policy_text


def test_restorations_are_marked(built_site):
    source = (built_site / "policies/minhang-2021/index.html").read_text(encoding="utf-8")
    # Focusable (tabindex) so the reason can be read by keyboard and tap, not only by mouse.
    restored = re.findall(r'<ins class="ed"[^>]*? title="([^"]+)"[^>]*>([^<]+)</ins>', source)
    texts = [t for _, t in restored]
    assert "〕" in texts and "办" in texts and "组" in texts and "成" in texts
    assert all(title.startswith("编者") for title, _ in restored)


def test_no_debris_or_traditional_in_built_pages(built_site):
    for page in PAGES:
        text = (built_site / page / "index.html").read_text(encoding="utf-8")
        article = text[text.index("<article") : text.index("</article>")]
        # The editor's note names the debris it removed; the text itself must not contain it.
        article = re.sub(r'<div class="admonition note">.*?</div>', "", article, flags=re.S)
        article = re.sub(r"<[^>]+>", "", article)
        assert "— 1 —" not in article and "当前位置:" not in article and "当前位置：" not in article
        assert T2S.convert(article) == article, page
