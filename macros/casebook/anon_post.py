"""The person detector's data for one short post field, for the plan editor (rule PLAN-POST).

The build and ``scripts/check.py`` judge a 组长/成员 field with the anonymisation gate's
person detector (:func:`macros.casebook.anonymise.person_names`). The browser has no detector,
and the whole-case reading needs jieba's 345 KB word list. A post field is short and made of
post words (校长, 德育主任, 年级组长): the editor strips those and judges what is left with the
detector's own tables, cut down to what that judgement reads — surnames, how typical a
character is in given names (in hundredths), historical figures, and the common words that a
surname and typical given-name characters make (高明, 田野). ``personNames`` in
``docs/assets/portal/editor-core.js`` reads this table; ``tests/test_post_names.py`` runs
both over a labelled set of post fields and requires they agree.
"""

from __future__ import annotations

from macros.build import cache as buildcache
from macros.casebook import anon_names
from macros.casebook.anon_names import COMMON_FREQ, THETA_MEAN, THETA_STRONG, THETA_TWO, THETA_WEAK
from macros.casebook.anonymise import _dictionaries, person_names

# Words school posts are made of: a field made only of these names no one.
POST_WORDS = (
    "校长 副校长 执行校长 常务 书记 副书记 主任 副主任 组长 副组长 教师 老师 导师 辅导员 总辅导员 干事 委员 主席 代表 校医 "
    "教研员 研训员 助理 咨询师 社工 干部 人员 行政 中层 党员 党支部 党总支 党委 团委 团支部 教工 少先队 大队 德育 教导 教务 "
    "政教 办公室 总务 后勤 招生办 德育处 学生处 教务处 年级 学部 小学部 初中部 高中部 教研 教科研 备课 班 各班 各 全体 全员 "
    "首席 导师组 心理 心理健康 教育 中心 专职 兼职 工会 家长 家委会 家长学校 高级 正高级 一级 二级 三级 骨干 学科 任课 见习 新 "
    "分管 兼 和 及 与 安全 信息 课程部 学生 发展 成长 校务办 法治 法制 社区 卫生室 卫生 保健 保卫 体育 语文 数学 英语 艺术 "
    "科技 综合实践 区 生活 宿管 纪检 组织 宣传 教学 班级 法人 初一 初二 初三 高一 高二 高三 一年级 二年级 三年级 四年级 "
    "五年级 六年级 七年级 八年级 九年级 部 处 室 组"
).split()
# Roles a surname goes before: 王老师, 李校长 (the detector's ROLES that a post field can hold).
ROLES = tuple(r for r in anon_names.ROLES if r in POST_WORDS or r in ("老师", "班长", "队长", "科长", "局长", "园长"))


def _read_as_name(t: anon_names.NameTables, word: str) -> bool:
    """Whether ``personNames`` would read ``word`` alone as a surname and a given name (its test
    without the word list): the only words the table needs to carry."""
    score = [t.score.get(ch, 0.0) for ch in word[1:]]
    if len(word) == 2:
        return score[0] >= (THETA_WEAK if word[0] in t.weak else THETA_TWO)
    return min(score) >= THETA_STRONG or (min(score) >= 0.4 and sum(score) >= 2 * THETA_MEAN)


@buildcache.memoised("post-names", *_dictionaries())
def post_field_table() -> dict:
    """The table ``personNames`` reads (``schools/post-names.json``), from ``data/anon_*``."""
    t = anon_names.tables()
    given: dict[str, str] = {}
    for ch, score in sorted(t.score.items()):
        hundredth = int(score * 100 + 1e-9)  # exact for the detector's thresholds (0.4, 0.6, 0.65, 0.8)
        if hundredth >= 40:  # below 0.4 a character never makes a given name (the detector's lowest test)
            given[str(hundredth)] = given.get(str(hundredth), "") + ch
    starts = t.surnames | {c[0] for c in t.compounds}
    # Common words a surname starts (高明, 田野) that the detector does not take for a name but the
    # editor's shorter reading would: derived from the detector itself, so the two agree on them.
    words = sorted(
        w
        for w, freq in t.words.items()
        if (freq >= COMMON_FREQ or w in t.veto)
        and len(w) in (2, 3)
        and w[0] in starts
        and _read_as_name(t, w)
        and not person_names(w)
    )
    return {
        "surnames": "".join(sorted(t.surnames)),
        "compounds": sorted(t.compounds),
        "weak": "".join(sorted(t.weak)),
        "given": given,
        # two strings of two- and three-character words run together (no quotes or commas)
        "words": ["".join(w for w in words if len(w) == 2), "".join(w for w in words if len(w) == 3)],
        "figures": sorted(f for f in t.figures if len(f) <= 4),
        "posts": sorted(POST_WORDS, key=lambda w: (-len(w), w)),
        "roles": sorted(ROLES, key=lambda w: (-len(w), w)),
        "theta": {"two": THETA_TWO, "weak": THETA_WEAK, "mean": THETA_MEAN, "strong": THETA_STRONG},
    }
