"""What the anonymisation gate says to a trainer: rule names, advice, the finding message.

Kept apart from the detector so the wording can change without touching the scan
(and without invalidating its cache: the cached findings hold no text of these).

The wording follows one rule: plain Chinese, and an English field name only
after its Chinese label (“化名（pseudonyms）”); each message says what to write
instead. The rule id is not part of a message: :meth:`Problem.format` puts it
before the message, the review report (``anon_report``) after it.
"""

from __future__ import annotations

RULES: dict[str, str] = {
    "CASE-ANON-PHONE": "疑似电话号码（手机或座机）",
    "CASE-ANON-IDCARD": "疑似 18 位居民身份证号（校验位不对的也算）",
    "CASE-ANON-EMAIL": "疑似电子邮箱地址",
    "CASE-ANON-QQ": "疑似 QQ 号",
    "CASE-ANON-WECHAT": "疑似微信号",
    "CASE-ANON-BIRTHDATE": "疑似具体出生日期",
    "CASE-ANON-ADDRESS": "疑似具体住址（…路…号、…弄…室等）",
    "CASE-ANON-SCHOOL": "疑似具体学校名称",
    "CASE-ANON-CLASS": "疑似具体班级或中队",
    "CASE-ANON-STUDENTID": "疑似学籍号、学号或考号",
    "CASE-ANON-NAME": "疑似真实人名",
}

# What a trainer calls each kind of finding (report headings: “人名 5 处”).
KINDS: dict[str, str] = {
    "CASE-ANON-NAME": "人名",
    "CASE-ANON-PHONE": "电话号码",
    "CASE-ANON-IDCARD": "身份证号",
    "CASE-ANON-STUDENTID": "学籍号或学号",
    "CASE-ANON-EMAIL": "邮箱",
    "CASE-ANON-QQ": "QQ 号",
    "CASE-ANON-WECHAT": "微信号",
    "CASE-ANON-BIRTHDATE": "出生日期",
    "CASE-ANON-ADDRESS": "住址",
    "CASE-ANON-SCHOOL": "学校",
    "CASE-ANON-CLASS": "班级",
}

# What the fixing tool writes instead of a detail that is not a person or a school.
PLACEHOLDERS: dict[str, str] = {
    "CASE-ANON-PHONE": "［电话］",
    "CASE-ANON-IDCARD": "［身份证号］",
    "CASE-ANON-STUDENTID": "［学籍号］",
    "CASE-ANON-EMAIL": "［邮箱］",
    "CASE-ANON-QQ": "［QQ号］",
    "CASE-ANON-WECHAT": "［微信号］",
    "CASE-ANON-BIRTHDATE": "［出生日期］",
    "CASE-ANON-ADDRESS": "某小区",
}
DEFAULT_PLACEHOLDER = "［已删去］"

# Front matter fields, as a trainer knows them (the English key only after the label).
FIELDS: dict[str, str] = {
    "id": "编号",
    "title": "标题",
    "sample": "示例标记",
    "stage": "学段",
    "themes": "主题",
    "key_tasks": "重点工作",
    "status": "状态",
    "summary": "概要",
    "pseudonyms": "化名",
    "reviewed_terms": "审核通过的误报词",
    "anonymisation_review": "匿名化审核记录",
    "questions": "讨论问题",
    "clauses": "相关条款",
    "modules": "培训模块",
    "related": "相关案例",
    "description": "简介",
    "intro": "简介",
    "tags": "标签",
}


def field_label(key: str) -> str:
    """“化名（pseudonyms）”: a front matter field as the messages name it."""
    label = FIELDS.get(key)
    return f"{label}（{key}）" if label else f"“{key}”字段"


ADVICE = {
    "CASE-ANON-NAME": f"请改用化名（如 小A、A老师、小A妈妈），并把它写进{field_label('pseudonyms')}",
    "CASE-ANON-SCHOOL": "请改用“某中学”“某小学”“A校”等泛称",
    "CASE-ANON-CLASS": "请改用“某班”“七年级某班”等泛称",
    "CASE-ANON-ADDRESS": "请删去，或改写成“某小区”“家附近”",
}
DEFAULT_ADVICE = "请删去，或改写成{placeholder}"
REVIEW_HINT = f"确属误报时，经审核后写进{field_label('reviewed_terms')}"


def kind(rule: str) -> str:
    """The short name of a finding's kind (“人名”), for rules added later too."""
    return KINDS.get(rule) or RULES.get(rule, rule).removeprefix("疑似")


def advice(rule: str) -> str:
    """What to write instead of a finding of ``rule``."""
    if rule in ADVICE:
        return ADVICE[rule]
    return DEFAULT_ADVICE.format(placeholder=PLACEHOLDERS.get(rule, DEFAULT_PLACEHOLDER))


def finding_message(rule: str, term: str) -> str:
    """The message for one finding of ``rule`` on ``term`` (the rule id is added by the caller)."""
    return f"{RULES.get(rule, '疑似身份信息')}：“{term}”。{advice(rule)}；{REVIEW_HINT}"
