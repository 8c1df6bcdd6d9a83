"""What the anonymisation gate says to a trainer: rule names, advice, the finding message.

Kept apart from the detector so the wording can change without touching the scan
(and without invalidating its cache: the cached findings hold no text of these).
"""

from __future__ import annotations

RULES: dict[str, str] = {
    "CASE-ANON-PHONE": "疑似电话号码（手机或座机）",
    "CASE-ANON-IDCARD": "疑似 18 位居民身份证号（校验位有效）",
    "CASE-ANON-EMAIL": "疑似电子邮箱地址",
    "CASE-ANON-QQ": "疑似 QQ 号",
    "CASE-ANON-WECHAT": "疑似微信号",
    "CASE-ANON-BIRTHDATE": "疑似具体出生日期",
    "CASE-ANON-ADDRESS": "疑似具体住址（…路…号、…弄…室等）",
    "CASE-ANON-SCHOOL": "疑似具体学校名称",
    "CASE-ANON-CLASS": "疑似具体班级或中队",
    "CASE-ANON-NAME": "疑似真实人名",
}

ADVICE = {
    "CASE-ANON-NAME": "请改用化名（如 小A、学生甲）并在 pseudonyms 中声明",
    "CASE-ANON-SCHOOL": "请改用“某中学”“A校”等泛称",
    "CASE-ANON-CLASS": "请改用“某班”“七年级某班”等泛称",
}
DEFAULT_ADVICE = "请删除或改写"
REVIEW_HINT = "确属误报时，经审核后写入 reviewed_terms"


def finding_message(rule: str, term: str) -> str:
    """The message for one finding of ``rule`` on ``term``."""
    advice = ADVICE.get(rule, DEFAULT_ADVICE)
    return f"{RULES[rule]}：“{term}”。{advice}；{REVIEW_HINT}"
