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
    # the cells of a spreadsheet row (the row and column are said before these)
    "import.cell-reserved": "“{value}”是保留名称，不能作为学校代码",
    "import.cell-id": "应为小写英文字母、数字和连字符（如“example-middle”），实际是“{value}”",
    "import.cell-integer": "应为整数，实际是“{value}”",
    "import.cell-negative": "不能为负数：{value}",
    "import.cell-yes-no": "应为“是”或“否”，实际是“{value}”",
    "import.cell-choice": "“{value}”无效，可选：{choices}",
    "import.cell-grades": "应写成 6-9、6至9 或 4、5（1–12 年级），实际是“{value}”（Excel 可能把 6-9 自动改成了日期，可把该列设为文本格式）",
    "import.cell-methods": "未知的匹配方式“{value}”，可选：{choices}",
    "import.cell-brackets": "不能包含尖括号“<”“>”",
    "import.drafts": "导入的方案都是草稿，不会发布；补全后把“状态”改为“已发布”。查看要补的内容：{python} scripts/check.py data/schools",
    # the build's engine is another copy's (an environment set up in another folder)
    "build.foreign-engine": "构建用到的程序来自 {engine}，不是本项目 {root} 中的：请在本项目的文件夹中运行 make serve（它会先装好本项目的程序）",
}


# -- what the build says about content, by module of the engine (moved here from the modules,
#    so that every message can be reviewed together; the engine fills the blanks) --------
MESSAGES.update(
    {
        # -- anon-scope ----------------------------------------------------------------------
        "anon-scope.pseudonym-problems": "“{name}”不像化名：请改用 小A、学生甲、A老师 或“某某（化名）”这样的写法；确是虚构的名字时，经审核后把它同时写入{v2}",
        "anon-scope.scan-document": "{v1}中的“{term}”已经不再匹配任何标记，请从中删去",
        # -- anonymise-eval ------------------------------------------------------------------
        "anonymise-eval.bad-marks": "标注无效：未知的规则简写“{code}”或空白标注",
        # -- cases ---------------------------------------------------------------------------
        "cases.check-case": "找不到培训模块“{module}”（培训模块文件夹 training_modules/{module2}/ 不存在）",
        "cases.check-case-2": "相关案例不能是本案例自己",
        "cases.check-casebook": "案例编号“{id}”与 {display} 重复：请换一个编号（文件名跟着改）",
        "cases.check-case-3": "未知的案例“{other}”：案例库（casebook/）中没有这个编号",
        # -- listings ------------------------------------------------------------------------
        "listings.check-collections": "案例集编号“{v1}”重复：请换一个编号",
        "listings.check-listing-names": "案例编号不能是“{id}”（与案例库的列表页重名），请换一个编号",
        "listings.check-collections-2": "未知的案例“{case_id}”：案例库（casebook/）中没有这个编号",
        # -- domain --------------------------------------------------------------------------
        "domain.check-themes": "主题“{theme}”重复",
        # -- pagemeta ------------------------------------------------------------------------
        "pagemeta.markup-problems": "{field}不能包含 {v2}：它会原样进入网页的标题栏、导航和搜索引擎看到的描述（中文引号“”可以用）",
        # -- schema-messages -----------------------------------------------------------------
        "schema-messages.translate": "未知字段“{key}”{v2}",
        # -- textcheck -----------------------------------------------------------------------
        "textcheck.traditional-characters": "繁体字“{found}”，简体应为“{wanted}”",
        # -- themes --------------------------------------------------------------------------
        "themes.check-theme-refs": "未知主题“{theme}”，可用主题见 {THEMES_FILE}：{v3}",
        # -- macro-check ---------------------------------------------------------------------
        "macro-check.check-page-macros": "未知的宏或变量“{name}”；可用的宏：{v2}",
        "macro-check.check-page-macros-2": "宏 {name}() 的参数不对：它的参数是 {params}",
        # -- handbooks -----------------------------------------------------------------------
        "handbooks.check-chapter-body": '章节开头缺少学习目标：正文（标题之后）第一段写一个“{OBJECTIVES_TITLE}”提示框（照其他章节写成“!!! abstract "{OBJECTIVES_TITLE}"”），下面列出学完本章能做到的事',
        "handbooks.check-chapter-body-2": '本章没有引用任何政策条款：至少引用一次，写成“{{{{ clause("文号", "条款") }}}}”，说明依据',
        "handbooks.check-chapter-body-3": "章节末尾缺少“## {CHECKLIST_HEADING}”一节（任务列表“- [ ] …”）",
        "handbooks.check-chapter-body-4": "“## {CHECKLIST_HEADING}”必须是本章最后一节，后面不能再有“## {title}”",
        "handbooks.check-chapter-body-5": "“## {CHECKLIST_HEADING}”下面没有任务列表：每一项写成“- [ ] 要做的事”",
        "handbooks.load-handbooks": "手册目录 {v1} 缺少 index.md（手册首页）：照其他手册写上标题“title:”和排列顺序“handbook_order:”",
        "handbooks.load-handbooks-2": "这本手册还没有任何章节",
        "handbooks.load-chapters": "章节开头缺少属性：照其他章节写上标题“title:”、章序号“chapter:”、主题“themes:”和“render_macros: true”",
        "handbooks.load-chapters-2": "章节序号 {number} 与 {v2} 重复",
        "handbooks.load-chapters-3": "{PRINT_PAGE} 由门户自动生成，请改用其他文件名",
        # -- templates -----------------------------------------------------------------------
        "templates.check-template-links": "没有编号为“{v1}”的表格模板，可用：{known}（见 {TEMPLATES_FILE}）",
        "templates.check-template-data": "表格模板编号“{v1}”重复：请换一个编号",
        "templates.check-template-data-2": "这一节是空的：至少要有说明文字“text:”、填写栏“fields:”、核对清单“checklist:”或签名栏“signature:”中的一项",
        # -- importer ------------------------------------------------------------------------
        "importer.read-table": "无法识别文件编码：请另存为 UTF-8 或 GBK 编码的 CSV",
        "importer.import-rows": "文件中没有数据（第一行应为列名）",
        "importer.import-rows-2": "未知的列“{name}”{hint}",
        "importer.import-rows-3": "缺少必填列“{header}”",
        "importer.import-rows-4": "第 {r} 行“学校代码”：“{school_id}”与第 {v3} 行重复",
        "importer.import-rows-5": "第 {r} 行“导师人数”：{v2} 多于教师人数 {v3}",
        "importer.import-rows-6": "第 {r} 行：{message}",
        "importer.read-table-2": "无法读取文件：{strerror}",
        "importer.formula-problems": "第 {r} 行第 {c} 列是公式“{raw}”，文件中没有它的计算结果；请在 Excel 中打开后保存，或把这一列“粘贴为数值”",
        "importer.import-rows-7": "列“{name}”重复",
        "importer.import-rows-8": "第 {r} 行第 {v2} 列有内容“{v3}”，但这一列没有列名；请补上列名或删去，这一行未导入",
        "importer.import-rows-9": "第 {r} 行“{header}”：{error}",
        "importer.import-rows-10": "第 {r} 行：学校文件 {school_id}.yml 已存在，未覆盖（如需覆盖，在命令后加“--force”）",
        "importer.read-table-3": "无法读取 Excel 文件：{err}",
        "importer.import-rows-11": "第 {r} 行“{header}”：必填，不能为空",
        # -- rules ---------------------------------------------------------------------------
        "rules.check-problems": "规则“{id}”的最后一个情形不能写条件“when:”（其他情形都不成立时用它）",
        "rules.load-rules": "规则编号“{v1}”重复",
        "rules.check-problems-2": "规则“{id}”的检查无法执行：{err}",
        # -- access --------------------------------------------------------------------------
        "access.check-clause-citations": "条款引用无效：{err}",
        # -- comparison ----------------------------------------------------------------------
        "comparison.check-comparison": "未知的政策文件“{v1}”",
        "comparison.check-comparison-2": "“{v1}”有 {v2} 格，应与列数 {v3} 相同",
        # -- glossary ------------------------------------------------------------------------
        "glossary.glossary-terms": "术语“{name}”重复（第 {v2} 项已定义）",
        # -- policies ------------------------------------------------------------------------
        "policies.load-policy": "条款编号“{key}”重复出现，无法生成唯一锚点",
        "policies.load-library": "“被替代为”（“superseded_by:”）指向未收录的文件“{target}”：请写政策库中已有文件的文号或简称",
        "policies.check-clause-refs": "条款引用无效：{err}",
        "policies.load-library-2": "政策名称或文号“{name}”与 {v2} 重复",
        # -- news ----------------------------------------------------------------------------
        "news.load-posts": "动态缺少标题：正文第一行应为“# 标题”",
        # -- tips ----------------------------------------------------------------------------
        "tips.parse-tips": "锦囊集中没有锦囊：每条锦囊以“## 标题”开头",
        "tips.check-meta": "锦囊集编号“{v1}”必须与文件名“{stem}”一致：改编号，或把文件改名",
        "tips.check-meta-2": "锦囊集编号“{v1}”与 {v2} 重复：请换一个编号",
        "tips.check-meta-3": "示例锦囊集的“来源”应写明由本项目编写的示例，如“本项目编写（示例）”",
        "tips.parse-tips-2": "锦囊“{v1}”缺少标签：请在标题下一行写“标签：家访、家校沟通”",
        "tips.parse-tips-3": "锦囊“{v1}”没有正文",
        "tips.parse-tips-4": "未知标签“{tag}”，标签只能取主题词表 {THEMES_FILE} 中的主题：{v3}",
        # -- modules -------------------------------------------------------------------------
        "modules.check-lesson-citations": '课中没有引用政策条款：至少引用一次，写成“{{{{ clause("文号", "条款") }}}}”',
        "modules.check-lesson-citations-2": "课中引用了条款，页面开头的属性里却没有“render_macros: true”，引用不会生效：请在开头的属性中加上这一行",
        "modules.load-module": "模块目录名“{name}”只能用小写字母、数字和连字符（它会成为网址的一部分）",
        "modules.load-module-2": "缺少自测题库 {rel}/quiz.yml",
        "modules.load-module-3": "培训模块目录中缺少 module.yml",
        "modules.load-module-4": "课文件“{name}”重复列出",
        "modules.load-module-5": "课文件不能叫 {name}（模块首页和自测页使用这个名字）",
        "modules.load-module-6": "找不到课文件 {rel}/{name}",
        "modules.load-module-7": "这个课文件没有列在 {rel}/module.yml 的课程列表（“lessons:”）中，不会发布：加进列表，或删去这个文件",
        "modules.load-catalogue": "学习顺序 {order} 与模块“{v2}”相同：请换一个数字",
        "modules.load-catalogue-2": "先修模块“{pre}”不存在（或就是本模块）",
        # -- quizzes -------------------------------------------------------------------------
        "quizzes.check-option": "{where}中有未知字段“{key}”：选项只能写选项文字“text:”和反馈“feedback:”",
        "quizzes.check-answer": "{label}是{v2}，只能有一个正确答案，却写了 {v3} 个",
        "quizzes.load-quiz": "每次抽题数（{draw}）大于题库中的题目数（{v2}）：请改小，或添加题目",
        "quizzes.check-option-2": "{where}不能为空",
        "quizzes.check-option-3": "{where}缺少选项文字（“text:”）",
        "quizzes.check-answer-2": "{label}没有正确答案：请在“answer:”后写出正确选项的字母",
        "quizzes.check-answer-3": "{label}至少需要 2 个选项",
        "quizzes.check-answer-4": "{label}最多 {v2} 个选项",
        "quizzes.check-answer-5": "{label}的答案“{letter}”不在选项中（共 {v3} 个选项，可用 {v4}）",
        "quizzes.resolve-source": "来源应写成以下三种之一：政策条款“{{policy: 文号, clause: 条款}}”、课的小节“{{lesson: 课文件名, section: 小节标题}}”或手册的小节“{{handbook: 手册章节路径, section: 小节标题}}”",
        "quizzes.check-option-4": "{where}的{key}不能为空",
        "quizzes.check-answer-6": "{label}是判断题，不需要写选项（选项固定为“正确/错误”）：请删去“options:”",
        "quizzes.check-answer-7": "{label}是判断题，答案应写“answer: true”（正确）或“answer: false”（错误）",
        "quizzes.check-answer-8": "{label}的答案“{letter}”重复",
        "quizzes.resolve-source-2": "来源无效：{err}",
        "quizzes.load-quiz-2": "题目编号“{qid}”重复（第 {v2} 题已使用）：请换一个编号",
        "quizzes.load-quiz-3": "第 {v1} 题是情境题，缺少情境描述（“case:”）",
        "quizzes.load-quiz-4": "第 {v1} 题不是情境题，不能写情境描述：请删去“case:”，或把题型改为情境题",
        "quizzes.load-quiz-5": "第 {v1} 题是情境题，每个选项都要写反馈（“feedback:”，选择该项时看到的话）",
        # -- linkcheck -----------------------------------------------------------------------
        "linkcheck.anchor-problem": "链接“{link}”指向的锚点 #{anchor} 在{where}中不存在；锚点由标题生成（## 基本要求 → #基本要求），标题改过名时链接要跟着改",
        # -- project -------------------------------------------------------------------------
        "project.data": "文件不存在",
        # -- yamlguard -----------------------------------------------------------------------
        "yamlguard.precheck": "YAML 内容超过 {v1} 上限，请拆分文件",
        # -- yamlload ------------------------------------------------------------------------
        "yamlload.parse-yaml-text": "YAML 语法错误：{err}",
        # -- loading -------------------------------------------------------------------------
        "loading.validate-plan": "学校代码“{v1}”与文件名“{expected_id}.yml”不一致",
        "loading.validate-plan-2": "学校代码不能是“{v1}”（与一校一策栏目中的其他文件重名）",
        "loading.validate-plan-3": "导师人数 {v1} 多于教师人数 {v2}",
    }
)


def message(key: str, /, **values: object) -> str:
    """The message ``key`` with its blanks filled in; ``python`` is filled in by default."""
    return MESSAGES[key].format(python=PYTHON, **values)
