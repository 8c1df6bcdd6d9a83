"""Messages to a 德育主任 or a trainer, in one place so they can be reviewed together.

Each message names the field by its Chinese label, says what is wrong and what to write
instead; the rule code is added at the end by :meth:`Problem.format`. Commands in the
hints work as written from the project folder. ``tests/test_messages.py`` checks that
no message here contains a YAML key or an English word.
"""

from __future__ import annotations

# The command that runs a script from the project folder (make setup creates .venv).
PYTHON = ".venv/bin/python"

MESSAGES: dict[str, str] = {
    # -- placeholders (PLAN-PLACEHOLDER, CASE-PLACEHOLDER) ---------------------------------
    "plan.placeholder": "“{label}”还是占位文字“{value}”：请写上实际内容，不适用的可选项可以整行删去",
    "plan.marked": "“{label}”标着“{mark}”，还没有写完：请写上实际内容",
    "plan.zero": "“{label}”是 0：请写实际的数目（至少为 1）",
    "plan.empty": "“{label}”是空的：至少写一项，或者整行删去",
    # -- district (PLAN-DISTRICT) ----------------------------------------------------------
    "plan.district": "所在区“{value}”不是上海市的区：请写{districts}中的一个",
    "plan.sample-district": "示例方案的所在区“{value}”应写成“示例一区”这样的虚构名称",
    "plan.sample-real-district": "示例方案不能写真实的区“{value}”：示例内容不能归到真实的区，请写“示例一区”这样的虚构名称",
    # -- posts, not people (PLAN-POST) -----------------------------------------------------
    "plan.person": "“{label}”里像是写了人名“{name}”：这里只写职务（如“校长”“德育主任”），不写个人姓名",
    # -- cases (CASE-PLACEHOLDER) ----------------------------------------------------------
    "case.placeholder": "已发布案例的“{label}”还是待填写的内容“{value}”：请写完，或把状态改回草稿",
    "case.marked": "已发布案例里还有“{mark}”：请写完或确认这一处，再删去“{mark}”；没写完就把状态改回草稿",
    "case.no-key-tasks": "已发布案例的“{label}”是空的：至少选一项（{choices}）",
    "case.no-front-matter": "案例开头缺少属性：文件要以一行 --- 开头，写上案例编号、标题、状态等，再以一行 --- 结束（可照着案例库中的示例案例写）",
    "case.id-file": "案例编号“{id}”必须与文件名“{stem}.md”一致：改编号，或把文件改名为“{id}.md”",
    "case.review": "已发布的案例必须有匿名化审核记录：写上审核日期和审核人的角色（只写角色，不写人名），写法可照着已发布的示例案例",
    "case.related-draft": "相关案例“{other}”还是{status}，已发布的案例只能关联已发布的案例",
    "case.collection-draft": "案例“{case}”还是{status}，不能放入精选案例集",
    # -- scripts ---------------------------------------------------------------------------
    "check.clean": "检查完毕：{files} 个文件，没有发现问题。",
    "check.summary": "共 {errors} 个错误，{warnings} 个警告{notes}。",
    "check.summary-notes": "，{notes} 条提示",
    "check.drafts": "另有 {drafts} 份方案是草稿，不会发布；查看要补的内容：{python} scripts/check.py data/schools",
    "new-school.created": "已创建 {path}（草稿，不会发布）。请逐项填写，然后运行：{python} scripts/check.py {path}",
    "new-school.publish": "填好后把“状态”改为“已发布”，方案才会出现在门户上。",
    "new-school.district": "所在区“{value}”不是上海市的区：请写{districts}中的一个",
    "export.draft": "{path} 是草稿，没有导出 Word：填好后把“状态”改为“已发布”再导出",
    "import.district": "“{value}”不是上海市的区，请写{districts}中的一个（写“闵行”也可以），这一行未导入",
    "import.drafts": "导入的方案都是草稿，不会发布；补全后把“状态”改为“已发布”。查看要补的内容：{python} scripts/check.py data/schools",
}


def message(key: str, **values: object) -> str:
    """The message ``key`` with its blanks filled in; ``python`` is filled in by default."""
    return MESSAGES[key].format(python=PYTHON, **values)
