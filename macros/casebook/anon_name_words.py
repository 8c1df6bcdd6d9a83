"""The word tables of the name finder (:mod:`anon_names`): roles and kin a name stands with,
characters no given name has, what follows a name, what stands left of one, and the thresholds
the finder holds given-name characters to. Kept apart so the finder's logic stays readable;
:mod:`anon_names` re-exports every name, which is how the other passes read them.
"""

from __future__ import annotations

ROLES = (
    (
        "老师 同学 校长 副校长 主任 书记 妈妈 爸爸 奶奶 爷爷 外婆 外公 姥姥 姥爷 阿姨 叔叔 伯伯 舅舅 姑姑 姨妈 婶婶 "
        "女士 先生 医生 导师 教练 教官 老板 师傅 大夫 警官 律师 家长 姐姐 哥哥 弟弟 妹妹 班长 组长 队长 委员 科长 局长 园长 站长 所长 院长 馆长 厂长 村长 领班 社工 "
        "阿婆 阿公 大爷 大妈 婆婆 爷叔 老伯 阿伯 指导 主管 经理 店长 护士长 护士 太太 大厨 会计 老"  # 沈阿婆, 江大爷: Shanghai's elders; 黎指导 a coach; 戴主管, 包会计 an internship's
    ).split()
)
# Kinship words a name follows (母亲李桂兰, 父亲王建国), roommates too (室友丁果果), and a form's fields
# (联系人毛阿姨, 监护人钱建国; 家长马建国的微信; 师傅于建军)
KIN_BEFORE = (
    "母亲 父亲 父母 妈妈 爸爸 奶奶 爷爷 外婆 外公 哥哥 姐姐 弟弟 妹妹 舅舅 姑姑 同桌 同学 班长 同屋 室友 舍友 "
    "名叫 叫做 叫 全名 大名 本名 真名 联系人 监护人 姓名 家长 师傅 继父 继母"
).split()
# A surname that is also one of these function words never starts a role form (和老师 = “with the teacher”).
FUNCTION_CHARS = set("和与同向从为都能那所以把被给对跟让比连后时也还就于班在")  # 班: 全班同学, 班家长
STOP = set(
    "的了是在说和与也都就又还把被给跟对很不没着过吗呢吧啊呀么这那们个之其所以而及或但并从向往于为某有你我他她它班"
)  # characters no given name has in running text (电商班: no given name)
# What typically follows a name: particles, verbs of speech and action, time words, punctuation.
FOLLOW = set(
    "说的在是和与跟也都就又还把被给对很不没今昨一哭笑最总常却才先突终已会能要想觉告问回来去让主每妈爸奶爷外家同这那"
    "便只上下到从向自坐站拿写带低抬第特请交帮当成认学做开用找和等因看听打叫主非连更再老早晚几"
    "为喜变约担留发感显提表穿比谈两讲哭闹跑走住吃睡玩现报随"
    "，。、！？：；“”‘’\"'()（）,.!?:; \n"
)
# What follows a given name used alone in subject or possessive position.
ALONE_FOLLOW = set(
    "说的在是把被今也又还就哭笑一很没不告问跟和妈爸奶爷外最总常却才先突已会能要想觉对给让每这那都主从向自坐站拿写带低抬第特请交帮当用找等因看听打叫再住后读"
)
LEFT_WORDS = (
    (
        "那天 今天 昨天 后来 然后 于是 因为 但是 所以 可是 放学后 下课后 午休时 课后 那次 这次 当时 其中 发现 听说 同桌 孩子 学生 女儿 儿子 "
        "班主任 导师 心理老师 老师 校医 医生 护士 教练 宿管 保安 门卫 保洁 师傅 民警 警察 社工"  # 班主任句老师, 校医贝医生: a role before a surname that is also a word
        " 组长 校长 主任 队长 辅导员 领队 德育处 政教处 教导处 学生处 教务处 店长 领班 主管 经理 老板 指导 带教"  # 德育处苗主任, 店长苗经理, 实习指导单师傅
    ).split()
)
_LEFT_AND_KIN, _LEFT_AND_KIN_ENDS = tuple(LEFT_WORDS + KIN_BEFORE), frozenset(w[-1] for w in LEFT_WORDS + KIN_BEFORE)  # (speed)
_ROLE_LEFT = tuple(LEFT_WORDS[LEFT_WORDS.index("班主任") :])  # the roles among LEFT_WORDS
# 她觉得石老师…: after a verb of thinking a weak surname with a role is a person
_THINKING = ("觉得", "记得", "发现", "听说", "知道", "以为")
# 数学华老师, 英语应老师: a school subject before a teacher's surname and title
_SUBJECTS = tuple("语文 数学 英语 物理 化学 生物 历史 地理 政治 道法 体育 音乐 美术 科学 信息 心理 劳技".split())
# (在中职教服装的朋友尤老师: a companion before a teacher's surname and title, like a subject)
_BEFORE_TITLE = _SUBJECTS + tuple("朋友 好友 同事 邻居 亲戚 跟着 找 请 问 陪 向 给 对 联系".split())  # (向任校长汇报)
# (那天下午甘老师带着…: a time of day ends a clause's opening as well)
_BEFORE_TITLE += tuple(
    "上午 下午 中午 早上 晚上 今天 昨天 明天 那天 当天 发到 交到 送到 找到 去 到".split()
)  # (发到毛老师的邮箱, 去艾老师家)
_KIN_BEFORE = tuple(KIN_BEFORE)
LEFT_CHARS = set("和跟与让叫给问对把被由帮陪找请谢的了是里上，。、！？：；“”‘’\"'()（）,.!?:; \n")  # 谢: 谢谢龙老师
PREFIXES = set("小老大阿")
# Adverbs that stand between a subject and its verb: a given name used alone never starts with one.
ADVERB_CHARS = frozenset("才就都也还又只便却先再")
# Surnames so rare and so common as words that they count only in role and 小/老 forms (家楼下, 都有).
ROLE_ONLY = set("家都能那通从时所后相查公空东广干经应解单连别终居步满越沃那言养须水云花山谷车羊鱼米贝红游益法福爱年师阳")
# Commonest surnames: with a very typical given character a name, though jieba counts the pair a word (李娜), unless vetoed
TOP_SURNAMES = set(
    "李王张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜程苏魏吕丁沈姚卢姜崔钟谭陆汪范廖贾邹孟秦邱侯薛顾郝龚邵"
)

THETA_MEAN, THETA_MEAN_PERSON = 0.65, 0.6  # mean of a three-character name's two given characters (0.6 before 的, 说 …)
PERSON_FOLLOW = frozenset("的说问答哭笑喊叫在是")
THETA_PAIR_MIN, THETA_PAIR_MEAN = 0.6, 0.8  # a given name with nothing telling after it
THETA_LITTLE, THETA_CLEAR = 0.35, 0.7  # 小X's X (莫小北); the mean after a clear left edge and a surname no word starts
THETA_COMPOUND = THETA_YI = 0.4  # both given characters after a compound surname (司马, 欧阳); the second of 一X (裴一航会…)
THETA_TWO, THETA_TWO_PERSON = 0.6, 0.4  # a two-character name's given character before 说/的/在 … (surname no word start: 0.4)
THETA_WEAK = THETA_STRONG = 0.8  # a weak surname's one given character; two after a surname making a word with the first
THETA_ALONE = 0.75  # both characters of a given name used alone
_EVERYDAY = 1000  # a given name this frequent as a word (颜色) needs a clause start before its surname
# 星星点点的, 天天上学: what follows a word, not a person opening a line (a particle or place word)
NOT_ACTING = frozenset("了中里上下的地得之们")
