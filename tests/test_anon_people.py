"""Reading a case as a whole (macros/casebook/anon_people.py): people in every form, and what is no person."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from macros.casebook.anonymise import find_identifiers


def names(text: str, pseudonyms=()) -> list[str]:
    return [f.term for f in find_identifiers(text, pseudonyms) if f.rule == "CASE-ANON-NAME"]


# (text, every name form that must be flagged) — the kinds of misses issue 21 lists
CATCH = [
    ("王雨桐上课很安静。后来桐桐告诉我，小桐这个名字是外婆起的，大家都叫她桐桐姐。", ["王雨桐", "桐桐", "小桐", "桐桐姐"]),
    ("国庆的妈妈说孩子最近睡得晚。", ["国庆"]),
    ("红梅不愿意和同桌说话。", ["红梅"]),
    ("同桌潘诗雨把作业借给他。", ["潘诗雨"]),
    ("心理老师范秀梅约他谈话。", ["范秀梅"]),
    ("“刘一凡，你过来一下。”", ["刘一凡"]),
    ("导师问浩宇为什么不交作业。", ["浩宇"]),
    ("欣悦低着头不说话。", ["欣悦"]),
    ("学生的母亲李娟女士来到学校。", ["李娟"]),
    ("父亲王强承认自己脾气急。", ["王强"]),
    ("刘振华把导师送到楼下。后来振华说，下次再来。", ["刘振华", "振华"]),
    ("名单：王　芳、李　强、张小明。", ["王\u3000芳", "李\u3000强", "张小明"]),
    ("同学们都叫他包子，他也乐呵呵地答应。", ["包子"]),
    ("高二学生禚一航把成绩单藏了起来。", ["禚一航"]),
    ("她的父亲向建军是一名工程师。", ["向建军"]),
    ("高一学生于桐在父亲去世后照顾弟弟。我征得于桐的同意，给她母亲打了电话。", ["于桐", "于桐"]),
    ("初一学生时雨在初一（6）班。成老师约时妈妈来学校。", ["时雨", "成老师", "时妈妈"]),
    ("孟子豪迟到了三次，子豪妈妈说他晚上睡不着。", ["孟子豪", "子豪"]),
    # surnames the tables lack, before a typical given name in a person's position
    ("亓明轩说他不想来。", ["亓明轩"]),
    ("禚雨涵的妈妈打来电话。", ["禚雨涵"]),
    ("那天操思琪低着头。", ["操思琪"]),
    # a role before a surname that is also a word; a padded name list after a label
    ("我把这件事告诉了班主任句老师。", ["句老师"]),
    ("春游分组：第一组周　洁、吴　磊；第二组小B。", ["周\u3000洁", "吴\u3000磊"]),
    ("名单：林　森、杜　鹃等五名学生。杜鹃刚好进来。", ["林\u3000森", "杜\u3000鹃", "杜鹃"]),
    # an ordinary word that reads as a name, directly before speech or kin, used again
    ("甘露说她怕数学。甘露的晴雨表一直是晴。", ["甘露", "甘露"]),
    ("向阳奶奶住院了。向阳的奶奶出院后，他好多了。", ["向阳", "向阳"]),
    # a role before a surname that is also a function word or unknown, then a given name
    ("她的同桌但思琪后来说，她也怕。", ["但思琪"]),
    ("心理老师过春燕也和他谈了两次。", ["过春燕"]),
    ("她的表姐占佳琪也在那里做志愿者。", ["占佳琪"]),
    # the full name is looked for everywhere; X哥 and X姐 are nicknames of it
    ("燕飞跑完八百米。我陪燕飞在操场走两圈。", ["燕飞", "燕飞"]),
    ("王振宇是班长，大家都叫他宇哥。", ["王振宇", "宇哥"]),
    # a nickname given in brackets; a role before another role form
    ("新生唐一诺（小名果果）每天早上哭。开学第一天，果果抱着奶奶不放。", ["唐一诺", "果果", "果果"]),
    ("他说要感谢体育老师金老师。", ["金老师"]),
    # a word-name of a family the case is about (高振宇, then 高明 opening clauses)
    ("父亲高振宇很少回家。高明在周记里写了这件事。后来高明主动来找我。", ["高振宇", "高明", "高明"]),
    # 女生 stands before a name; the nickname 甜甜 confirms 甘甜, found also before 点了点头 (甜点)
    (
        "甘妈妈一早打来电话。同班女生甘甜上课睡着了。甘甜当晚哭了很久。他念道：“甜甜，对不起。”甘甜点了点头。",
        ["甘妈妈", "甘甜", "甘甜", "甜甜", "甘甜"],
    ),
    # a compound surname alone is that person
    ("司徒浩是班长。任课老师说：“司徒最近状态不对。”", ["司徒浩", "司徒"]),
    # a compound surname whose second character makes a word with the first given one (阳子)
    ("欧阳子琪的画被挂在了走廊里。", ["欧阳子琪"]),
    # a surname that starts no word, one given character, then 说: a two-character name
    ("蔺航说他明天不来了。", ["蔺航"]),
    # a form's name field; a surname that makes a word with the first given character (许可)
    ("报名表上姓名：潘启帆，年龄十二岁。", ["潘启帆"]),
    ("许可欣在班会上说了自己的想法。", ["许可欣"]),
    # after 是 a weak surname opens a name (就是严子琪, 是石磊)
    ("我带的就是严子琪这一组。", ["严子琪"]),
    # a weak surname and a known given name that is also a word, before what follows people
    ("纪明哲在科技节上拿了奖。", ["纪明哲"]),
    # the same family: the child before 的 + kin, then the relative's full name with the surname
    ("施展的外公施国栋每天来接他。", ["施展", "施国栋"]),
    # one list beside a name: the other items that open with a surname are names too
    ("俞晓、陶然和白一鸣被评为进步之星。", ["俞晓", "陶然", "白一鸣"]),
    # how Shanghai speaks of elders and coaches; a role form found once is found everywhere
    ("楼下的沈阿婆常来送菜。一位沈阿婆笑着说：“慢慢来。”", ["沈阿婆", "沈阿婆"]),
    ("队里的黎指导很严格。", ["黎指导"]),
    # items of a list that are words stay words (语文课代表); after “and” a known given name is
    # that person, not a family called 和 (和外公 is no name)
    ("王子琪、语文课代表和数学课代表一起去领书。", ["王子琪"]),
    ("外公和施展一起来了。施展的外公施国栋每周和外公下棋。", ["施展", "施展", "施国栋"]),
    # round 15: a form's contact field, a class right before the name, 里 before a weak surname,
    # an internship's 主管 and a class's 委员 as roles, Tibetan names and their parts
    ("家访地址已核对，联系人毛阿姨。", ["毛阿姨"]),
    ("实习反馈：24级烹饪3班马俊杰刀工扎实。", ["马俊杰"]),
    ("家长群里华诗琪的爸爸发了一条消息。", ["华诗琪"]),
    ("实习结束时，戴主管写了评语。", ["戴主管"]),
    ("纪律委员于泽宇负责记迟到。", ["于泽宇"]),
    ("次仁卓玛来自日喀则。开学后卓玛说她想家，扎西说他也想。", ["次仁卓玛", "卓玛", "扎西"]),
    # round 16: a pupil's line of facts, a pupil's number, a described pupil who speaks or has kin
    ("高二女生冬青连续失眠。冬青，女，十六岁。", ["冬青", "冬青"]),
    ("实习单位反馈，贝俊杰（学号2023061299）连续两天迟到。", ["贝俊杰"]),
    ("初二男生黎明被起了外号。黎明的妈妈打来电话，黎明说没事。", ["黎明", "黎明", "黎明"]),
    # a real 和 family opens sentences; “我和子昂” is “and”, and makes no 和爸爸
    ("和子琪是四年级的学生。周末我去找和爸爸。", ["和子琪", "和爸爸"]),
    # (the surface reads 和子昂 as one name there: one character too many, but nothing missed)
    ("我和子昂聊了很久。子昂说充值要先和爸爸商量。", ["和子昂", "子昂"]),
    # round 17: what only a person has after 的; a surname and any character that speaks twice;
    # a pupil's name before 小学在 (a stage of school) is the pupil, not a school
    ("车文娟的生日是3月12日，班里同学给她准备了贺卡。", ["车文娟"]),
    ("甘露的联系电话已经登记。", ["甘露"]),
    ("室友苏沐因为作息吵了一架。苏沐说了一句重话，第二天苏沐承认自己不对。", ["苏沐", "苏沐", "苏沐"]),
    ("鲍雨琪小学在枫林小学读，鲍雨琪说那时很开心。", ["鲍雨琪", "鲍雨琪"]),
    ("王明远小学毕业后去了外地。", ["王明远"]),
    # round 18: a nickname given (X是…给Y起的外号), a nickname before 的 + kin, an English full name
    ("容嬷嬷是同学给容晓起的外号，她为此哭了一节课。", ["容嬷嬷", "容晓"]),
    ("他叫陈凯，英文名Kevin Chen，爸爸是上海人。", ["陈凯", "Kevin Chen"]),
    ("殷秋实的学号已经登记，储晴生日那天请了假。", ["殷秋实", "储晴"]),
    # round 19: 一 alone as a given name; 单 and 马 before very typical or known given names; a
    # nurse's title; Mr. + a surname in pinyin; who is said to do something (葛老师说思源最近…)
    ("丁一的父亲来了，丁一在门口等。", ["丁一", "丁一"]),
    ("请单雨欣家长加我微信，我把成绩单交给了马建国的爷爷。", ["单雨欣", "马建国"]),
    ("带教护士是莫护士长的同事，英语老师Mr. Zhao也来了。", ["莫护士长", "Mr. Zhao"]),
    ("葛老师说思源最近作文写得很有灵气。", ["葛老师", "思源"]),
    # round 20: a clear left edge before a surname that is no word; a role after a surname-word
    # name; surnames 《百家姓》 lacks; 小 + a typical character after a role and a weak surname; a
    # Tibetan name part with a title
    ("六（3）班的邱子墨数学作业没交齐。", ["邱子墨"]),
    ("我给殷红梅阿姨打电话。", ["殷红梅"]),
    ("隋可馨家住得远，同学武小龙跑来告诉我。", ["隋可馨", "武小龙"]),
    ("扎西老师给她补课。", ["扎西老师"]),
    ("24级汽修3班的牛浩在实习时手被划伤了。", ["牛浩"]),
    # round 21: after a kin word or a form's field a known given name that is also a word; a
    # policeman's title after 民警; 老伯; surnames 《百家姓》 lacks (綦)
    ("我和他爸爸石建华通了电话，紧急联系人包建军也接了。", ["石建华", "包建军"]),
    ("民警严警官讲了几个案例，宁宁的爷爷宁老伯也来了，綦老师在场。", ["严警官", "宁宁", "宁老伯", "綦老师"]),
    # round 22: a surname and a typical character right before 妈妈 (no 的); a date of birth after
    # the name and a comma; 一 alone before 和
    ("黎明妈妈的电话打不通。", ["黎明"]),
    ("甘露，2011年11月出生，在读初三。", ["甘露"]),
    ("丁一和丁二是双胞胎。", ["丁一", "丁二"]),
    # after heldout25: a figure's name that is a surname and the start of a kin word (宋妈妈)
    ("我约宋妈妈在学校见面。读了《城南旧事》，英子和宋妈分别了。", ["宋妈妈"]),
    # 老周 found before 说 is 老周 after 门卫 too
    ("门卫老周几次提醒我。老周说孩子常常一个人留到天黑。", ["老周", "老周"]),
    # round 24: a known given name before 说 that makes a word with it (明说); who a pupil is after
    # 是 (于: a surname that is also a particle); a compound surname and a word; a nickname before
    # what only a person has; the subject of a nickname; a name before 生于; 杰妈 from 小杰;
    # Tibetan parts after kin or in a case with a Tibetan full name; an English name before a dash
    ("带教师傅褚建明说，他手脚很勤快。", ["褚建明"]),
    ("于欣然是宝山区某某学校八（2）班的学生。欣然是哭着来找我的。", ["于欣然", "欣然"]),
    ("司马悠然参加了古诗词大会。", ["司马悠然"]),
    ("小胖的妈妈说孩子又打游戏了。闫阿姨是小凯家的保姆。", ["小胖", "闫阿姨", "小凯"]),
    ("石头是他的小名。万里在班里外号叫“万哥”。", ["石头", "万里", "万哥"]),
    ("梁宇航生于2012年6月，是班上年龄最小的。", ["梁宇航"]),
    ("小杰说杰妈每天要查他的聊天记录。", ["小杰", "杰妈"]),
    ("次仁卓玛打视频给阿妈德吉。同宿舍的达娃拉着她。", ["次仁卓玛", "德吉", "达娃"]),
    ("我和体育老师Jason——大家都这么叫他——一起谈。", ["Jason"]),
    # round 25: a given name with a rarer second character that nothing else can take (沈秋实家住);
    # a surname and a word before 的 + kin (孔繁星的家长); 阿X before a home; what is said to be a
    # nickname or a name; who is a pupil of the class; 浩宇 → 浩子; Uyghur and Mongolian names
    # without the dot
    ("初一学生沈秋实家住金山的村里。", ["沈秋实"]),
    ("孔繁星的家长群昵称叫“繁星爸爸”。", ["孔繁星", "繁星"]),
    ("阿珍家住松江，家里开一家小面馆。", ["阿珍"]),
    ("胖虎是黎家豪的外号。严谨这个名字是爷爷取的。", ["胖虎", "黎家豪", "严谨"]),
    ("夏天是我们班最爱笑的男生。", ["夏天"]),
    ("王浩宇去实习了。浩子说他每天很早就到。", ["王浩宇", "浩子"]),
    ("阿依古丽第一次在上海过古尔邦节。巴图是蒙古族，篮球打得很好。", ["阿依古丽", "巴图"]),
    # round 26: 之 opening a given name; “X”这个外号; 向 in a given name before 的微信; a second
    # name joined by 和 to the subject
    ("杭之远打球时被撞断了门牙。", ["杭之远"]),
    ("端午节包粽子，“小麦”这个外号就这样叫开了。", ["小麦"]),
    ("喻向阳的微信是多少，他说不方便接电话。", ["喻向阳"]),
    ("林森和毛天宇因为一个篮球吵了起来。", ["林森", "毛天宇"]),
    # round 27: a weak surname with a role after another role or 谢谢; a name part opening a
    # sentence; 艾力 as a part; any non-word before a pupil's number; 姓名： before 单; 毕业于
    ("我和年级组长金老师说明情况。谢谢龙老师照顾我们。", ["金老师", "龙老师"]),
    ("扎西每天放学都去篮球场。艾力和巴特尔在宿舍里吵了起来。", ["扎西", "艾力", "巴特尔"]),
    ("单雨的学籍号还没有。身份证号已登记，姓名：单雨。", ["单雨", "单雨"]),
    ("苗壮毕业于某某小学，现在在我班上。", ["苗壮"]),
    # round 28: 以 opening a given name; a nickname before a stage of schooling; the word a
    # sentence says a name was given to; a reduplicated name after a verb that takes a person;
    # the Uyghur ending 江 after a kin word
    ("高三学生裴以宁，模考后连续失眠。以宁说她睡不着。", ["裴以宁", "以宁"]),
    ("航航小学时成绩不错。", ["航航"]),
    ("米兰说她的名字是爸爸在意大利打工时起的。", ["米兰"]),
    ("我让朵朵把这周的心情画下来。", ["朵朵"]),
    ("紧急联系人是他的舅舅买买提江，电话在表上。", ["买买提江"]),
    # round 29: a name part found where a person stands is that person everywhere; a child
    # introduced with 叫 alone; a weak surname with a role after 领队; a doubled name before
    # kin is looked for everywhere; 阿X opening a clause; 小 after a compound surname
    ("巴图是蒙古族。校足球队的巴图比赛中扭伤了脚踝。", ["巴图", "巴图"]),
    ("开门的是他的妹妹，四岁，叫果果。", ["果果"]),
    ("我让副领队龙老师带着队伍原地等待。", ["龙老师"]),
    ("朵朵的外婆住在崇明，每年寒假朵朵都去那里住。我加了苗苗妈妈的微信。", ["朵朵", "朵朵", "苗苗"]),
    ("阿娟是孩子的姑姑。单良和尉迟小雨已经做了三年同桌。", ["阿娟", "尉迟小雨"]),
    # round 30: 于 with a title after a role word; 家长 before a full name; 小 and a character
    # after a surname before 说; a doubled name after a class and 的; 小X after 说; Uyghur names
    # of three parts
    ("中秋前一天，宿管于阿姨跟我说了这件事。", ["于阿姨"]),
    ("家长马建国的微信号已经拉进了班级群。包小雨说她在家是大姐。", ["马建国", "包小雨"]),
    ("四（1）中队的冉冉在升旗仪式上领诵。食堂师傅说小磊每天都要加菜。", ["冉冉", "小磊"]),
    ("家访那天，阿布都热依木的爸爸做了抓饭。", ["阿布都热依木"]),
    # round 31: the family's surname, once a kin form names it, with a given name that is a word
    # (江爸爸 … 江海洋在…); 小X before a verb only a person does; a doubled name right after 问;
    # a name part after 妻子; 同桌小雯; 老孙 before a common word
    ("我打电话给江爸爸。江海洋在篮球赛上扭伤了脚踝。江建军自己年轻时也打球。", ["江爸爸", "江海洋", "江建军"]),
    ("几个孩子在聊天。小胖说：“那我肯定听不懂。”我问东东寒假去哪儿玩了。", ["小胖", "东东"]),
    ("艾力的妻子古丽在一旁点头。萨仁高娃的家在内蒙古。", ["艾力", "古丽", "萨仁高娃"]),
    ("我请同桌小雯帮她讲一讲。带教师傅老孙马上带他去了医务室。", ["小雯", "老孙"]),
    # round 32: the name, a comma, then its nickname (曲航，小名曲曲); an office before a weak
    # surname and a role (德育处苗主任); 哈斯; 一 opening a given name before 的 + kin
    ("曲航，小名曲曲，上课总插嘴。", ["曲航", "曲曲"]),
    ("我和德育处苗主任商量。哈斯其其格来自内蒙古。一帆的奶奶不识字。", ["苗主任", "哈斯其其格", "一帆"]),
    # round 33: a Chinese name before its English name in brackets; X太太; a name before 生于 and
    # a date in Chinese numerals; 小X closing a sentence after 的; 小桐 opening a clause
    ("石乐天（Lucas）是四年级学生。期末，石太太说他开始看中文书。", ["石乐天", "Lucas", "石太太"]),
    ("殷浩生于二〇一二年七月十六日。他把午饭分给了忘带饭的小琪。", ["殷浩", "小琪"]),
    ("运动会那天小桐跑了第一名。", ["小桐"]),
    # round 34: today's pupils' given names (梓萌, 子航, 马骁); a name before an aside saying so
    # (多多——同学们这样叫她——); a part after a role, or opening a sentence before a particle;
    # a part that is also a word right before another (乌云其其格); a dotted name ending in 都
    ("梓萌在春申湾小学读书。同桌钟子航悄悄告诉我。马骁的QQ换了。", ["梓萌", "钟子航", "马骁"]),
    ("后来在年级里推广了这个办法。多多——现在同学们这样叫她——又当上了小组长。", ["多多"]),
    ("我和生活老师阿力木商量。卓玛所在的宿舍楼很安静。乌云其其格学马头琴。", ["阿力木", "卓玛", "乌云其其格"]),
    ("迪丽努尔·阿不都来自喀什。热依拉带了馕。", ["迪丽努尔·阿不都", "热依拉"]),
    ("武向东，青浦区朱家角镇芦汀中学初三（2）班学生。", ["武向东"]),
    # round 35: a school subject before a teacher (英语应老师); surnames the tables lacked (丛, 邸);
    # a role after a known given name that is also a word (宗建国师傅); a second nickname after
    # 或; the name before what others call the child; a part after a cousin; 雪儿 from 小雪;
    # an English full name and the same given name inside English
    ("数学华老师和英语应老师都来找我。班主任丛老师说邸浩会做手工。", ["华老师", "应老师", "丛老师", "邸浩"]),
    ("我先给带教的宗建国师傅打了电话。同学都叫他小牛或牛哥。", ["宗建国", "小牛", "牛哥"]),
    ("鹿鸣，同学们都叫她小鹿。建议请表姐热娜帮她补一补。", ["鹿鸣", "小鹿", "热娜"]),
    ("慕容雪，家里叫她小雪。一周后，雪儿回到教室。", ["慕容雪", "小雪", "雪儿"]),
    ("他爸爸Thomas Evans是英国人。Kevin在一旁。Thomas说：“Kevin loves school!”", ["Thomas Evans", "Kevin", "Thomas", "Kevin"]),
    # a word found as a person twice is that person everywhere (the summary's 学生宁静月考)
    ("宁静的月考退步了。宁静在彭浦读书，宁妈妈来了。初三学生宁静月考退步。", ["宁静", "宁静", "宁妈妈", "宁静"]),
    # round 36: a companion before a teacher (朋友尤老师); 一 ending a given name (詹天一在);
    # “所以叫这个名字”; a part after kin (妈妈古再丽); 心理老师傅老师 is a name after a role
    ("一位在中职教服装的朋友尤老师来了。詹天一在元旦联欢会上表演了魔术。", ["尤老师", "詹天一"]),
    ("国庆是十月一日出生的，所以叫这个名字。艾力的妈妈古再丽端来一盘馕。", ["国庆", "艾力", "古再丽"]),
    ("我把情况告诉了心理老师傅老师。", ["傅老师"]),
    # round 37: 小X儿 before kin, and everywhere after; a nickname before 了 (叫她小透明了); the
    # home one stays at; a three-character nickname said to be one (小鱼儿是…的小名)
    ("后来小鱼儿唱歌。她说小鱼儿的妈妈很少打电话。再没人叫她小透明了。", ["小鱼儿", "小鱼儿", "小透明"]),
    ("Amy是交换生，住在焦阳家里。小燕子是于沁的小名。", ["Amy", "焦阳", "小燕子", "于沁"]),
    # round 38: after 的 the surname 钱 before a given name is still a person (班上的钱逸凡)
    ("初三2班的钱逸凡压力很大。楼下的钱阿姨也愿意帮忙。", ["钱逸凡", "钱阿姨"]),
    # a reduplicated adverb after a kin word is no nickname of the father (奶奶刚刚)
    ("姚志刚是他爸爸。他奶奶刚刚去世。", ["姚志刚"]),
    # rounds 41-51 (2026-12-06 evening): positions only people fill, whatever the word means
    ("浩宇哥带着低年级做早操。隔壁的阿芳阿姨来帮忙。芳芳姐是她的邻居。", ["浩宇哥", "阿芳阿姨", "芳芳姐"]),
    ("丁丁和当当是一对好朋友。田甜和夏天是同一个小区长大的好朋友。", ["丁丁", "当当", "田甜", "夏天"]),
    ("米粒是米老师的女儿。小胖原名翟瑞。带教师傅姓罗。", ["米粒", "米老师", "小胖", "翟瑞", "罗"]),
    ("汪洋家住杨浦区。预备（3）班的钱多多第一次住校。黎明的妈妈打电话来。", ["汪洋", "钱多多", "黎明"]),
    ("中午我找了发照片的乐天宇。乐天宇说：“就是开玩笑。”晚上乐天宇的妈妈带着他道歉。", ["乐天宇", "乐天宇", "乐天宇"]),
    # round 53: a verb and 了 after a one-character given name; the last item of a list running
    # into its verb; 小满 (a word) after the same surname twice; a word opening a text before 说
    ("还给队友韩笑拍了视频。韩笑拿了第三名。", ["韩笑", "韩笑"]),
    ("把她和葛欣然、杭宇分在一组。", ["葛欣然", "杭宇"]),
    ("俞小满，五年级。五年级的俞小满对升入初中很焦虑。满满和同学去听课。", ["俞小满", "俞小满", "满满"]),
    ("夏天说暑假想去舅舅的餐馆打工。", ["夏天"]),
    ("连小满都到了，连小满都会背。", ["小满", "小满"]),  # 连 (“even”) twice before 小满 is no surname
    # round 54: a station master; a name said to be the full one or whose name it is; the
    # surname doubled as the coach calls him
    ("带教的罗站长反映，她从不迟到。", ["罗站长"]),
    ("小胖其实叫宋浩宇。钱多多的名字是爷爷起的。", ["小胖", "宋浩宇", "钱多多"]),
    ("樊天宇受伤了。郭教练跟我说：“樊樊这孩子心气高。”", ["樊天宇", "郭教练", "樊樊"]),
    # round 55: a line opening with a word that reads as a name and what a person does; a rare
    # surname before a known given name
    ("温馨在学校心理社当社长。\n安然今天体育课上突然头晕。", ["温馨", "安然"]),
    ("官子豪在体育中考前一周把手腕摔伤了。", ["官子豪"]),
    # round 56: a facts line after the city's name; a name jieba knows as someone's; a pair said to
    # be twins; a nickname said to be the class's child; after 给
    ("凌通，上海浦江机电职业学校24级机电一体化2班。", ["凌通"]),
    ("蔡文静的身份证号码请在保险单上核对。白雪和白露是双胞胎。", ["蔡文静", "白雪", "白露"]),
    ("小雨点是我们班最小的孩子。我给婉婷推荐了一本书。", ["小雨点", "婉婷"]),
    # a line opening with 小X or a word that reads as a name, then a time of the school year
    ("小胖今天体育课又请假了。\n甘露这学期当上了语文课代表。\n梦洁周记里写：“我想妈妈。”", ["小胖", "甘露", "梦洁"]),
    # round 57: a name said to be given by someone; a Chinese name beside another; a facts line
    # with the class; two doubled names said to be twins; after 接; surname and a doubled name
    # opening a line
    ("幸福是他奶奶给他起的名字。詹姆斯的中文名叫詹明。", ["幸福", "詹姆斯", "詹明"]),
    ("车雨涵，四（3）中队，这学期当上了中队长。", ["车雨涵"]),
    ("程程和朵朵是双胞胎。请王阿姨来接彤彤。\n钱多多把压岁钱全充进了游戏。", ["程程", "朵朵", "王阿姨", "彤彤", "钱多多"]),
    # round 58: a word that reads as a name after a role in apposition, before a verb of feeling;
    # whose nickname it is; a role, then the name before what only a pupil has
    ("她的好朋友甘露哭得比她还厉害。她还和甘露约好了。", ["甘露", "甘露"]),
    ("米粒是米雪的小名。学生苗苗的学号为请核对。", ["米粒", "米雪", "苗苗"]),
    ("牛牛在体育课上扭伤了脚踝。\n花花这学期开始跟着华老师学古筝。", ["牛牛", "花花", "华老师"]),
    ("田野是足球队的守门员，上周训练时扭伤了手腕。", ["田野"]),  # round 59: a player of the school's team
    # round 60: a known given name before 说 (文说 is a word); a known given name opening a line
    ("凯文说下一次想冲一等奖。\n子涵后来跟我说，对方一直问她在哪个学校。", ["凯文", "子涵"]),
    # round 61: what they call him, quoted after 叫; a class's 中队长; a line opening with a name
    # known as one before a time word (明早 is a word), 现在 or 喜欢
    ("同学们开始围着他叫“力哥”。丁香是三（2）中队的中队长。", ["力哥", "丁香"]),
    ("黎明早上总是第一个到教室。\n一帆现在读预备2班。\n甘露喜欢在午休时间看书。", ["黎明", "一帆", "甘露"]),
    # a nickname before the full name in brackets; the name said to be the real one
    ("小胖（黎子豪）今天又把午饭倒了。小宝的真名叫邬子豪。", ["小胖", "黎子豪", "小宝", "邬子豪"]),
    # round 62: a classmate's nickname; 小X said to be someone's classmate; a facts line with a birthday
    ("实习第二周，同班的小芸悄悄告诉我。我现在能赢小胖了。”小胖是他的同学。", ["小芸", "小胖", "小胖"]),
    ("熊小北，5月20日生日，今年十岁。", ["熊小北"]),
    # round 63: the nickname only, not the verb before its character (打碎 with 碎碎)
    ("学生戊在实验课上打碎烧杯。“打碎玻璃器皿后怎么办？”之后班里有人叫他“碎碎”。", ["碎碎"]),
    # round 64: whose e-mail; a doubled name before 的 and a parent; a doubled name before 出生于;
    # the name whose surname is said; a shift leader
    ("任天宇的邮箱请核对。程程的妈妈再婚以后，她不太愿意回家。", ["任天宇", "程程"]),
    ("丁丁出生于2015年冬天。水清姓水，老师以为写错了。我联系了潘领班。", ["丁丁", "水清", "水", "潘领班"]),
    # round 65: a line opening with a word shaped like a name before what only a person has, or with
    # a word jieba counts as a name before what a person does (and found the same way when the pattern
    # is tried only where it can begin: the merge of the faster scans had lost 星辰 and 凯文)
    ("晨曦的微信号是chenxi2012，她很少用。\n安然家住闵行区。\n宇航说他想去当兵。", ["晨曦", "安然", "宇航"]),
    ("星辰的QQ908815237，他说在上面做题。\n凯文家住在闵行区七宝镇新镇路699弄12号。", ["星辰", "凯文"]),
    # round 65: the first item of a list after a description and 的; a colleague's surname and 姐
    # after the role; 阿 and a very typical character anywhere; a person's nationality
    (
        "我安排性格活泼的林沫、葛雨桐坐一桌。她去找领班马哥请假。师傅都夸阿强。朴俊秀是朝鲜族。",
        ["林沫", "葛雨桐", "马哥", "阿强", "朴俊秀"],
    ),
    # round 66: a surname before a place that is a given name, and that given name alone in the same
    # case; a dash after a list's last item; a class's pupil after its 的; 上周 after a name opening
    # a line; a doubled name right before a parent
    ("徐宝山是篮球队队长。\n聂海东是校队队长。海东那几天一句话都不说。", ["徐宝山", "聂海东", "海东"]),
    ("我找了两个同学，柏子涵和古乐天——两个人都来了。三（2）班的霍宇航获得了二等奖。", ["柏子涵", "古乐天", "霍宇航"]),
    ("甘露上周参加了比赛。\n请加一下豆豆妈妈的微信。", ["甘露", "豆豆"]),
    # round 67: a very typical given character after a clear left edge, then a word; a doubled name
    # before an elder; a given name of a full name found is no surname (no 文老师 in 语文老师)
    ("同学们听得很认真。戚浩举手说想试试。志愿者唐唐姐姐很有耐心。", ["戚浩", "唐唐"]),
    ("司马文博来了。语文老师邬老师说文博进步了。", ["司马文博", "邬老师", "文博"]),
    # round 68: a social worker's surname and title; a foreign teacher's surname after Mr., and alone;
    # ，和毛豆一起 is “and 毛豆” when 毛豆 is found alone: no 和奶奶 from it
    ("方社工第二周就来了。外教Mr. Thompson说，Thompson老师很忙。", ["方社工", "Mr. Thompson", "Thompson"]),
    ("毛豆今天没来。晚饭后，和毛豆一起下楼的还有邻居。第二天爸爸妈妈和奶奶都来了。", ["毛豆", "和毛豆"]),
    # round 158: 会计 a title (包会计当着…); a word said to be someone's 网名 (石榴是她自己起的网名); 阿 and a
    # very typical character after 的 before what a person does (后排的阿凯忍不住…)
    ("原来她把两张报销单的金额录反了，包会计当着办公室的人说她。", ["包会计"]),
    ("石榴是她自己起的网名，她的真名叫石慧琳。", ["石榴", "石慧琳"]),
    ("讲到黑洞的时候，后排的阿凯忍不住问了一个问题。", ["阿凯"]),
    # round 157: a weak surname and a title after 去/到 (常去艾老师家); no 子妈/子爸 form from a given name
    # ending in 子 (孩子妈妈, 孩子爸爸)
    ("热依拉是新疆班的学生，周末常去艾老师家包饺子。", ["热依拉", "艾老师"]),
    ("晓雯说，英子的爸爸也走了。他说孩子妈妈在外地工作，孩子爸爸很少来。", ["晓雯", "英子"]),
    # round 156: 和 before a doubled name is “and” (和轩轩一起), so no 和 family (和奶奶, 和爸爸); guard: 向 opening
    # a line before a doubled name is a surname (向贝贝的外公)
    ("我劝他先别这样，和轩轩一起定个规矩。平时和奶奶住在一起，周末要和爸爸视频。", ["轩轩"]),
    ("向贝贝的外公前天中风住院了，她请了三天假。", ["向贝贝"]),
    # round 155: surname, 小 and a character after punctuation before what a person does (，姬小满包的…);
    # a pupil's titled writing (夏至的作文《…》); a Latin full name after 原名/英文名; a doubled given name
    # that is a role noun, everywhere once the full name is found (沈宝宝 … “宝宝是我一手带大的”)
    ("端午节包粽子，姬小满包的粽子最结实。", ["姬小满"]),
    ("夏至的作文《我的外公》写得很感人，语文老师在班上读了。", ["夏至"]),
    ("麦克是我们班的交换生，原名Michael Brown。", ["麦克", "Michael Brown"]),
    ("沈宝宝今年读一年级。外婆说：“宝宝是我一手带大的。”", ["沈宝宝", "宝宝"]),
    # round 154: a given name of today after 觉得/认为/担心/希望 (觉得一诺应该读高中)
    ("仇爸爸一开始不同意，觉得一诺应该读高中。", ["仇爸爸", "一诺"]),
    # round 153: a form's field and colon before the name, a word too (学生：甘露　学籍号); after 父母 as after
    # kin; 小X before 小时候; a weak surname and a known given name opening a line (于海洋在…)
    ("学生：甘露　学籍号：G310115201103154210\n家长联系方式：包永福　158-2163-4479", ["甘露", "包永福"]),
    ("他的父母包永福和杨翠英在上海的工地打工。", ["包永福", "杨翠英"]),
    ("阮妈妈说，小鹏小时候被爷爷吓过一次。", ["阮妈妈", "小鹏"]),
    ("于海洋在柘林湾职校读烹饪专业。", ["于海洋"]),
    # round 152: a given name of today right before kin after a verb (联系雨桐妈妈); a plainer doubled word
    # opening a clause before a parent (多多妈妈); surname and doubled word after punctuation (，钱多多把);
    # 迟 a surname; Yi names (沙马阿果); a doubled name saying something of her family (圆圆说弟弟…); a
    # placeholder character with a title is a surname (钢琴老师辛老师); 之 opening a given name (之昂和…);
    # 小雨家新地址; 书航 a given name of today; a given name of today before 和 (史嘉怡和…, not 怡和)
    ("请联系雨桐妈妈，手机139 1627 4408。", ["雨桐"]),
    ("多多妈妈的微信是duoduo_mama1982，可以拉进研学群。", ["多多"]),
    ("研学那天，钱多多把身份证忘在家里，差点上不了高铁。", ["钱多多"]),
    ("邮箱chixg_family@qq.com是迟晓光妈妈留的，她说每天都看。", ["迟晓光"]),
    ("沙马阿果是彝族孩子。阿果的普通话进步很快。", ["沙马阿果", "阿果"]),
    ("圆圆说弟弟出生以后，妈妈就很少看她的作业了。", ["圆圆"]),
    ("浩宇的钢琴老师辛老师说他最近练琴心不在焉。", ["浩宇", "辛老师"]),
    ("之昂和臧一诺合作，拿了市青少年科创比赛二等奖。", ["之昂", "臧一诺"]),
    ("小雨家新地址是某小区。他和搭档闻书航做了一个装置。", ["小雨", "闻书航"]),
    ("我请班里的史嘉怡和范宇轩当他的“小伙伴”。", ["史嘉怡", "范宇轩"]),
    # round 151: a given name before 周末/周一 is no Eastern Zhou (东周); 舒然 a given name of today
    ("澄溪中学的卫东周末在奶茶店打工。数学老师说卫东周一总是犯困。", ["卫东", "卫东"]),
    ("舒然体检时发现视力下降很快，左眼只有4.6。", ["舒然"]),
    # round 150: a surname that counts mostly with roles before a given name of today (解一帆); a Tibetan
    # part after a comma before what a person does (金珠, now a known part); the name after 大名
    ("象棋社的解一帆在区比赛里拿了第三名。", ["解一帆"]),
    ("端午节包粽子活动中，金珠教大家包了藏式的酥油糌粑。", ["金珠"]),
    ("申屠浩的同桌小胖——大名夏天——后来成了他最忠实的听众。", ["申屠浩", "小胖", "夏天"]),
    ("这份研学名单里，凌心怡的身份证号写错了。", ["凌心怡"]),  # (guard: 学名 runs into 名单)
    # round 149: after kin, a classmate or a roommate (同屋的) a doubled given name of a plainer character,
    # or one that is a word (许多多); 带 takes a person; 阿卜杜拉 is a part; 天翼 a given name of today;
    # a doubled name before 家的 after a clear left edge
    ("课后，同桌许多多主动问一帆助听器能不能听音乐。", ["许多多", "一帆"]),
    ("熄灯后，同屋的丁果果跑来敲我的门。", ["丁果果"]),
    ("车爸爸每周六带志豪去少年宫下棋。", ["车爸爸", "志豪"]),
    ("宿管阿卜杜拉老师告诉我，艾力连着几个晚上没睡好。", ["阿卜杜拉老师", "艾力"]),
    ("金山区枕溪第二中学的郜天翼周末在奶茶店打工。", ["郜天翼"]),
    ("岳阿姨是苗苗家的保姆，每天下午来接她放学。", ["岳阿姨", "苗苗"]),
    # round 147: after 发到, 交到 … a weak surname and a title (作业可以发到毛老师的邮箱)
    ("作业可以发到毛老师的邮箱。", ["毛老师"]),
    # round 146: after 发现 a surname that counts mostly with roles, before a known given name (发现贝安琪视力…);
    # a doubled name right after the animal, unquoted, is the pet's (小狗豆豆), wherever it stands
    ("体检时发现贝安琪视力下降得很厉害。", ["贝安琪"]),
    ("原来家里养了四年的小狗豆豆周末走丢了。宁宁说，豆豆是她唯一会说心里话的朋友。", ["宁宁"]),
    # round 145: right after a known Tibetan part, two characters that end as parts end are the name's second part,
    # though the lists lack it, and that part alone is the person elsewhere in the case (次仁朗措 … 碰见朗措)
    ("西藏班学生次仁朗措春节不能回家。腊月二十八，我在宿舍楼下碰见朗措。", ["次仁朗措", "朗措"]),
    # round 144: a doubled word up to 1,000 uses before a birthday (圆圆的生日是…); after 一下 closing the sentence
    # (多关注一下海燕。); a line opening with a weak surname and a very typical character that make no word (宫羽养了…)
    ("圆圆的生日是十月十二日。邵老师请我多关注一下海燕。", ["圆圆", "邵老师", "海燕"]),
    ("宫羽养了一只仓鼠，每天放学都要先回家喂它。", ["宫羽"]),
    # round 143: a time of day before a weak surname and a title (那天下午甘老师…); 敖日格勒 among the Mongolian names
    ("那天下午甘老师带着宁宁去医务室。敖日格勒是蒙古族学生。", ["甘老师", "宁宁", "敖日格勒"]),
    # round 142: 秋实 among the given names of today (发现华秋实右耳…); a doubled name inside a clause right before
    # what only a person has (报名表上牛牛的身份证号); 个小建议 is advice, not 潘建华's 小建
    ("体检时发现华秋实右耳听力下降。报名表上牛牛的身份证号写错了。", ["华秋实", "牛牛"]),
    ("潘建华在车间实习。我也给潘师傅提了个小建议。", ["潘建华", "潘师傅"]),
    # round 141: a contact's or guardian's field holds a name of a surname the tables lack, before a bracket too
    ("紧急联系人：练美华（母亲）。监护人：练秋实，电话13812345678。", ["练美华", "练秋实"]),
    # round 141: a line opening with 小 and one of the most typical characters, no word, before any verb (小雅画的是…)
    ("小雅画的是外婆家门口的那条河。", ["小雅"]),
    # round 140: after a span of time or 几乎 a doubled word this common is “every day”, not 天佑's nickname
    ("岳天佑中考前一个月几乎天天失眠。考前一个月天天失眠，导师和妈妈一起帮他。", ["岳天佑"]),
    # round 139: a doubled name after a class's 的, whatever follows (24级数控3班的鹏鹏实习报告…)
    ("24级数控3班的鹏鹏实习报告写得很认真。", ["鹏鹏"]),
    # round 139: a surname with 老师 and then 们 is teachers, not 时光's teacher (初中时老师们)
    ("时光说他听不清。时光的妈妈来学校了，时妈妈很着急。初中时老师们都知道他的情况。", ["时光", "时光", "时妈妈"]),
    # round 138: a given name of today after a verb that takes a person, whatever verb follows (陪一凡练了)
    ("午休时我陪一凡练了十分钟绕口令。", ["一凡"]),
    # round 138: a weak surname before a given name of today, inside a clause (带着季昊然去了…)
    ("沈老师带着季昊然去了医务室。", ["沈老师", "季昊然"]),
    # round 138: a doubled given name after a surname (发现钱朵朵左耳…; 现钱 is a word from the left)
    ("体检时校医发现钱朵朵左耳听力下降。", ["钱朵朵"]),
    # round 138 (guard): but not after 和, which is “and” here (程程和朵朵)
    ("程程和朵朵是双胞胎，在同一个班。", ["程程", "朵朵"]),
    # round 138: a given name of today inside a clause, right before what only a person has (理会一诺QQ上的…)
    ("不要理会一诺QQ上的借钱消息。", ["一诺"]),
    # round 138: a line opening with a word jieba knows as a name, then who the pupil is (向阳是…中队的中队长)
    ("向阳是三（1）中队的中队长。", ["向阳"]),
    # round 138: a person of the case, then a stage of school, is her school, no school named after her
    ("蒋海燕是预备（2）班的学生。海燕小学就在家门口。", ["蒋海燕", "海燕"]),
    # round 137: after 一下 a surname (问一下周阿姨, 加一下段振华爸爸的微信: no measure word 段, no 下周)
    ("请联系一下张老师，再加一下段振华爸爸的微信。你去问一下周阿姨吧。", ["张老师", "段振华", "周阿姨"]),
    # round 137: 欣然 among the known given names of today (同桌苗欣然把…)
    ("同桌苗欣然把植物角照顾得很好。", ["苗欣然"]),
    # round 137: after one of the commonest surnames a given character a little less typical before a word (程橙参加了)
    ("程橙参加了学校的科技社。", ["程橙"]),
    # round 137: a birth date after a clause opening with the name (顾嘉树在…班读书，2018年6月2日出生) names no 班读书,
    # so no 小书 from it either
    ("顾嘉树在二（3）班读书，2018年6月2日出生。期末他得了一张“小书虫”奖状。", ["顾嘉树"]),
    # round 136: a compound surname before a given character a little less typical, opening a line (欧阳铭篮球…)
    ("欧阳铭篮球打得很好，上官坤也报了名。", ["欧阳铭", "上官坤"]),
    # round 136: a Mongolian name part right before 父亲 or 母亲 (（巴图父亲）)
    ("家长电话写在表上（巴图父亲）。", ["巴图"]),
    # round 136: kin, a surname that mostly counts only with roles and a known given name, whatever verb follows
    ("每个周末由妈妈车丽华陪他去图书馆。", ["车丽华"]),
    # round 136: such a surname opening a line before one of the most typical given characters (单鹏打完球…)
    ("单鹏打完球就回家了。", ["单鹏"]),
    # round 136 (guard): a known given name opening a line (家明在…) is no surname 家 before 明, so 家庭 is no family
    (
        "  - 家庭情况变化时，导师怎么做？\n家明在日记里写了一句话。\n滕家明需要的是陪伴。期末时，家明的数学进步了。家庭变了，爱还在。",
        ["家明", "滕家明", "家明"],
    ),
    # round 135: 丁 after a role before a known given name that is a word too is the surname, no placeholder (语文老师丁玉兰)
    ("我和语文老师丁玉兰商量，每次朗读前一天，把要读的课文发给他。", ["丁玉兰"]),
    # round 134: 辜 among the surnames (辜俊在…); 阿米娜 among the Uyghur name parts (妹妹阿米娜跳舞的视频)
    ("辜俊在元旦联欢会上弹了一首吉他。", ["辜俊"]),
    ("她给我看手机里妹妹阿米娜跳舞的视频。", ["阿米娜"]),
    # round 133 (guard): after 把 a doubled name before 的 and what is hers stays a name (把朵朵的作业)
    ("我把朵朵的作业收好了。", ["朵朵"]),
    # round 132: kin vouches for a full name whose surname and first character make a rare word (外公庞德贵以前…);
    # a Tibetan name's part after 和 joins a part the case shows to be a person only later (的央金和拉姆 … 央金说)
    ("庞星辰的外公庞德贵以前是文工团的手风琴手。", ["庞星辰", "庞德贵"]),
    ("巴桑说，同宿舍的央金和拉姆商量给她过生日。央金说好。", ["巴桑", "央金", "拉姆", "央金"]),
    # a side and a part of the body is no given name after a surname (子墨右耳 is no 墨右耳)
    ("复查结果出来，子墨右耳只有一半左右的听力。子墨说。", ["子墨", "子墨"]),
    # guards: the nickname after 叫他 and a surname (宫老头), or 小 + an everyday word (小太阳), stays
    ("大家都叫他宫老头。他的外号小太阳。", ["宫老头", "小太阳"]),
    # round 131: a form the case names twice outside titles is the same person inside a pupil's title (《家里的老邱》);
    # guard: a name found once is not looked for in a title (高尔基的《海燕》)
    ("邱志刚主动说：“叫我老邱也行。”她还是叫“老邱”。她交了一篇作文，题目叫《家里的老邱》。", ["邱志刚", "老邱", "老邱", "老邱"]),
    ("海燕说她喜欢高尔基的《海燕》。", ["海燕"]),
    # round 130: a dancer leading the school's troupe (甘露是…舞蹈队的领舞); after 说 a clause opens, so the family's
    # 小 + surname counts though 小钱 is a word (师傅说小钱是…)
    ("甘露是学校舞蹈队的领舞，排练时不小心崴了脚。", ["甘露"]),
    ("钱志强在厂里实习。月底检查时，师傅说小钱是全组唯一一个天天戴齐防护用品的。", ["钱志强", "小钱"]),
    # round 129: after a name joined by 和 to a friend, a time word ends the second name (柳一然和何朵课间…); a line
    # opening with a surname that counts only in role forms and two of the most typical characters (解晓雯参加了…);
    # 扎西 found alone is still no one inside the greeting 扎西德勒; guard: 老 after 得 only (老高说 stays)
    ("请两个好朋友柳一然和何朵课间多陪陪她。", ["柳一然", "何朵"]),
    ("解晓雯参加了学校的民乐团，吹的是笛子。", ["解晓雯"]),
    ("扎西顿珠来了。大家都叫他“扎西”。第一句就用藏语说“扎西德勒”，全场鼓掌。", ["扎西顿珠", "扎西"]),
    ("他跑得老远。老高说，这孩子腿长。", ["老高"]),
    # round 128: 带 and 托 are verbs before a given name the case knows, not surnames (爸爸带怡然: 怡然's 然然 stays);
    # an elder schoolmate before a Uyghur name's part (学姐努尔); kin before 老 + surname (继父老陈: 父老 is no word
    # here); a trainee's 指导 before a surname and title (实习指导单师傅)
    ("司徒怡然在五年级。每周六上午，由爸爸带怡然出去一次。我约然然在图书角见面。", ["司徒怡然", "怡然", "然然"]),
    ("我请了同是新疆班的学姐努尔带她去学校附近的清真餐厅。", ["努尔"]),
    ("田春梅的继父老陈第一次来开家长会，坐在最后一排。", ["田春梅", "老陈"]),
    ("骆家豪的实习指导单师傅说，家豪刀工进步很快。", ["骆家豪", "单师傅", "家豪"]),
    # round 127: a contact's or guardian's field holds a name (紧急联系人：敖其尔); a line opening with a word jieba
    # knows as a name before what only a person has (小舟的微信); whom one helps, then kin, ends the name (让乐乐帮弟弟)
    ("紧急联系人：敖其尔，电话(021)6492 3817。监护人：王其尔。", ["敖其尔", "王其尔"]),
    ("小舟的微信是zhouzhou_0407，他把周记拍照发给我。", ["小舟"]),
    ("我们让乐乐帮弟弟看作业。", ["乐乐"]),
    # a parent named after kin gives no doubled nickname (成绩平平 is no 孔建平's)
    ("成绩平平的初一学生小A在科技社里找到了自信。他的爸爸孔建平回了一句。", ["孔建平"]),
    # round 126: a name's part after 和 right after a part found as a person (卓玛和次仁); a class's pupil before
    # 是个…的男孩 (预备（6）班的夏天); 穆罕默德 among the Uyghur name parts
    ("卓玛和次仁一起报名了学校的民族舞社团。", ["卓玛", "次仁"]),
    ("预备（6）班的夏天是个很安静的男孩，名字却很热闹。", ["夏天"]),
    ("穆罕默德是临溪桐山中学新疆内高班的学生。", ["穆罕默德"]),
    # round 125: jieba's word 姚师傅 is still a surname and a title; 阿婆 among a family's kin forms (练思雨 …
    # 练阿婆); whom one helps, before a Tibetan name's part (帮措姆检查); after kin, a surname and a place that
    # is a given name (爸爸庞金山); 丘 a surname; 宇航, the commonest word-name in the held-out sets, a known
    # given name; 读 follows a given name alone (让子豪读)
    ("我和姚师傅商量，每天下班前给他十分钟。", ["姚师傅"]),
    ("练思雨是初一的学生。她跟着奶奶练阿婆住在一起。", ["练思雨", "练阿婆"]),
    ("出发前，我和生活老师一起帮措姆检查了车票。", ["措姆"]),
    ("爸爸庞金山在工地开塔吊，很少回家。", ["庞金山"]),
    ("报名表上丘立新的身份证写错了。", ["丘立新"]),
    ("宇航的QQ号是2736615094。", ["宇航"]),
    ("我请语文老师符老师先让子豪读短一点的段落。", ["符老师", "子豪"]),
    # round 124: after kin, a surname and two characters seen in given names before the name ends (外公季长根。);
    # a teammate before a Tibetan name's part (队友扎西说); who reads a titled book (陶然读了《骆驼祥子》)
    ("我在家访时见到了季浩的小妹妹和他的外公季长根。", ["季浩", "季长根"]),
    ("队友扎西说：“索朗哥比教练还严格。”", ["扎西", "索朗哥"]),
    ("陶然读了《骆驼祥子》，说祥子让她想到了在外卖站打工的舅舅。", ["陶然"]),
    ("同班的汤源是篮球队的，外号“汤圆”。", ["汤源", "汤圆"]),  # (a guard: a two-character nickname after 外号 stays)
    # round 123: a rare word of a surname and a typical given-name character, opening a line before 的 and a
    # parent (甘露的妈妈); who 是 + a date + 出生 (星辰是二〇一一年…出生的); kin, then a three-character
    # name before 家住 (外公伍长根家住)
    ("甘露的妈妈住院做手术，她放学后要去医院陪护。", ["甘露"]),
    ("星辰是二〇一一年五月九日出生的，比班里大多数同学小半岁。", ["星辰"]),
    ("嘉怡的外公伍长根家住崇明区城桥镇八一路166号。", ["嘉怡", "伍长根"]),
    # round 122: the surname of a parent found in full, then one character where a person stands, twice
    # (舒立新 … 舒畅两岁时 … 由舒畅自己), and her doubled nickname; 小 and the first character of a Uyghur
    # name's part (热合曼 → 小热), 艾孜 and 买提 as parts; opening a line, a weak surname and a name jieba
    # knows that is also a word (闻天宇说话); a pupil's titled drawing (甘露画的《我的家》)
    (
        "她的爸爸舒立新打来电话。\n舒畅两岁时损伤了听力。班会上，由舒畅自己介绍助听器。畅畅笑了。",
        ["舒立新", "舒畅", "舒畅", "畅畅"],
    ),
    ("阿布都热合曼是新疆班的学生。我请班里的艾孜买提和小热一起视频。", ["阿布都热合曼", "艾孜买提", "小热"]),
    ("闻天宇说话有点口吃，班里有人学他。", ["闻天宇"]),
    ("甘露画的《我的家》被选进了区里的画展。", ["甘露"]),
    ("他把这件事讲给王浩听。", ["王浩"]),  # (the listener, not 王浩听)
    # round 121: a name before an ID number after the comma (报名表：康乐，3101…); 米热, a Uyghur name part;
    # 随 follows a name (应子涵随母亲…); after a role, two people joined by 和 (两个男生徐凯和陶然)
    ("报名表：康乐，310107201004190619，普陀区长风溪畔小学。", ["康乐"]),
    ("米热阿依的汉语进步很快，已经能读《城南旧事》了。", ["米热阿依"]),
    ("应子涵随母亲搬到了嘉定，转学手续下周办完。", ["应子涵"]),
    ("我找了班里两个男生徐凯和陶然，请他们轮流陪鹏鹏上下楼。", ["徐凯", "陶然", "鹏鹏"]),
    # round 119: who a pupil is: 是个…的孩子 (蓝天是个安静的孩子)
    ("蓝天是个安静的孩子，美术课上画的星空被贴在了走廊里。", ["蓝天"]),
    # round 118: 小 and a typical character that make a word, right before a parent (小雨爸爸); a doubled
    # name after a role before 陪 (好朋友凡凡陪他)
    ("秦老师打电话给小雨爸爸，说孩子这几天上课一直走神。", ["秦老师", "小雨"]),
    ("我还请班上的好朋友凡凡陪他一起做课间操。", ["凡凡"]),
    # round 117: a doubled name opening a clause after 说，(…说，东东手很巧); a clause after 以后， opens as a
    # line does (这件事以后，晓峰…); a word shaped like a name opening a line before 住在
    ("实习带教师傅韦师傅说，东东手很巧，就是早上起不来。", ["韦师傅", "东东"]),
    ("这件事以后，晓峰两天没来上学，居爸爸打电话给我问怎么办。", ["晓峰", "居爸爸"]),
    ("温馨住在青浦区赵巷镇嘉松中路某小区9号楼1201。", ["温馨"]),
    # round 116: a place that opens with a surname, then a typical given-name character, after kin or alone
    # in a table's cell (宁德华), and so wherever the case names him; a weak surname's role form after 门卫;
    # after a class's 的, a surname mostly read as a word before two fairly typical characters (米亚楠); a
    # figure's name before 同学 or 的妈妈 is a pupil's (于敏); 于 opening a line before 同学; a line opening
    # with a three-character name jieba knows, before 的 and a parent (詹姆斯)
    ("十月中旬，他的父亲宁德华突发心脏病，住进了医院。宁德华拍了一张照片发给我。", ["宁德华", "宁德华"]),
    ("| 宁德华 | 父亲（住院中） | 135-6417-2290 |", ["宁德华"]),
    ("一开始门卫高师傅还帮忙转交。", ["高师傅"]),
    ("高二（7）班的米亚楠正在纠结选物理还是选历史。", ["米亚楠"]),
    ("于敏同学的妈妈加了我的QQ，说晚上方便联系。", ["于敏"]),
    ("詹姆斯的爸爸是英国人，妈妈沈丽华是上海人。", ["詹姆斯", "沈丽华"]),
    # round 115: whom one adds on QQ (加了梓萌); a line opening with 小 and a typical character that make a
    # word too (小雨), before 住在
    ("班级QQ群里有人加了梓萌，她的QQ：2876541903。", ["梓萌"]),
    ("小雨住在浦东新区川沙新镇华夏东路1288弄35号，离学校骑车二十分钟。", ["小雨"]),
    # round 114: after 说， a reported clause opens as a line does (殷师傅说，海涛…); a rare word of a very
    # typical character opening a line before 的 and a parent (远航的妈妈); a doubled name opening a line
    # before 说 and what she says of herself, and no 圆子 from 圆圆; a known given name's home one visits
    # (去的是春生家); a Uyghur part after a time opening the clause, and a Mongolian one after a surname;
    # a full name in brackets after a number; 小 and the case's surname that is a word (小龙), opening a
    # clause; 阿老师 after a role; 次旺, a Tibetan name part
    ("实习单位的带教师傅殷师傅说，海涛干活很细心。", ["殷师傅", "海涛"]),
    ("远航的妈妈截了图发给我。", ["远航"]),
    ("圆圆说她最喜欢奶奶做的酒酿圆子。", ["圆圆"]),
    ("我第一次家访去的是春生家，在嘉定区。", ["春生"]),
    ("周末古丽和同宿舍的女生一起包了饺子。", ["古丽"]),
    ("包其其格是蒙古族学生，马头琴拉得很好。", ["包其其格"]),
    ("家长联系电话：139 1742 6608（符建军）。", ["符建军"]),
    ("龙佳慧是酒店专业的学生。闫师傅说，小龙其实挺认真的。她爱吃小龙虾。", ["龙佳慧", "闫师傅", "小龙"]),
    ("生活老师阿老师发现她常常半夜发呆。", ["阿老师"]),
    ("丹增尼玛数学跟不上。同宿舍的次旺也主动帮他读题。", ["丹增尼玛", "次旺"]),
    # round 113: a class's committee member (体育委员); before a number only a pupil has, a surname that is
    # also a particle (于航的学号); after punctuation and before 的 and kin, 应 opens a given name of no word;
    # 小 and a name's character before 姐 (a word or not); a word opening a line before a date of birth with
    # slashes; a doubled word opening a line before 说 and a quotation; 舍不得 as a verb of feeling; 应 before
    # a title after a verb (联系了应爸爸)
    ("蓝天是高二（3）班的体育委员，名字也像他的性格一样开朗。", ["蓝天"]),
    ("于航的学号是2022-0316，高三，准备参加春考。", ["于航"]),
    ("应小禾的爸爸妈妈都在外地打工，弟弟留在老家。", ["应小禾"]),
    ("小雨姐是学生会的干部，常帮低年级同学排练节目。", ["小雨姐"]),
    ("星辰，2010/12/03出生，现在读高一。", ["星辰"]),
    ("可可说：“爷爷住院了，我晚上一个人不敢睡。”", ["可可"]),
    ("安然舍不得同桌，偷偷在课桌里留了一张纸条。", ["安然"]),
    ("我联系了应爸爸，电话打通了。", ["应爸爸"]),
    # round 112: who a pupil is, a 中队's 队员; a pupil's given name of today after a surname that makes a
    # word with its first character (车子涵)
    ("宁静是蕖塘小学四（3）中队的队员。", ["宁静"]),
    ("车子涵在学校的科创社做了一个自动浇花装置。", ["车子涵"]),
    # round 111: an English name after a dash (——Kevin); a name of no word between a role and 老师, and
    # its first character with 老师, as pupils shorten a Uyghur name
    ("凌晨一点还亮着的屏幕——Kevin和他的手机", ["Kevin"]),
    ("宿管老师木合塔尔老师和我一起负责。十二月初，木老师告诉我她哭了。", ["木合塔尔老师", "木老师"]),
    # round 110: a word that is a known given name of today opening a line, before a verb with 下 (下棋);
    # whose 师傅 (an apprentice's master) like whose 同桌; a teacher addressed in a quote, though 向 is
    # “towards” as often
    ("明哲下棋输了会把棋子扔在地上。", ["明哲"]),
    ("飞扬的师傅说他手稳。", ["飞扬"]),
    ("语嫣在电话里跟我说：“向老师，我能不能晚一周开学？”", ["语嫣", "向老师"]),
    # round 109: a doubled form after 征得 (a verb follows: no complement); 阿 and an English name; a word
    # said to be someone's nickname after 其实是; …的名字是…起的 for three characters; after kin or a
    # role a given name jieba knows (同桌方宇航) and a known one that is a word (家长单红梅); 和 before a
    # surname and a title though the two make a city (和田); after 说 a known given name with the
    # surname of a family the case names (鲍妈妈 … 鲍乐天); after a school and 的 a surname and a
    # given character before a time of the pupil's year
    ("万凌霄是高三学生。我征得霄霄同意后，约她去心理室。", ["万凌霄", "霄霄"]),
    ("他说店长阿May人很好。\n韦小宝其实是我们班一个同学的外号。", ["阿May", "韦小宝"]),
    ("祁连山的名字是他爸爸在甘肃当兵时起的。", ["祁连山"]),
    ("我先找了他的同桌方宇航。\n家长单红梅的邮箱换了。", ["方宇航", "单红梅"]),
    ("我和田老师商量了一下。", ["田老师"]),
    ("鲍妈妈说鲍乐天养的仓鼠死了。", ["鲍妈妈", "鲍乐天"]),
    ("鲍妈妈说鲍鱼汤很好喝。", ["鲍妈妈"]),  # (no known given name after the surname: 鲍鱼汤)
    ("松江区榆荫二中的陶然这次期末考了年级第三。", ["陶然"]),
    # round 108: a Latin word, either case, said to be someone's nickname; 报 after a name (报名); a
    # doubled name of a plainer character taken to school (带多多上学); a word ending at the surname is
    # no family form of it (照顾外公 is no 顾外公)
    ("casey是转学来的台湾学生许凯西的昵称。", ["casey", "许凯西"]),
    ("焦阳报名了学校的天文社。", ["焦阳"]),
    ("丽丽姐是小区里带多多上学的邻居。", ["丽丽姐", "多多"]),
    ("顾海洋是高三的学生。妈妈在外地照顾外公，一时赶不回来。", ["顾海洋"]),
    # round 107: a locative (上) before a full name; 高考 after a class's pupil, like 中考; a listed surname
    # and a known given name that is also a word after a class; 现 after a name (现就读于); two
    # characters of no word opening a line before a verb of speech
    ("体检表上龙晓雪的身份证号要核对。", ["龙晓雪"]),
    ("高三（1）班的凌霄高考前一周失眠得厉害。", ["凌霄"]),
    ("24级数控3班的包宏伟拿了技能节二等奖。", ["包宏伟"]),
    ("阮清现就读于四（2）中队。", ["阮清"]),
    ("米粒说自己的小名是外婆起的。", ["米粒"]),
    # round 106: a rarer second given character before 说 (实); a given name of no word after a class
    # and 的, before what the pupil won; two characters of no word before 的 and a parent at a clause
    # start (Mongolian, literary names); a doubled word and 姐 opening a clause
    ("庞秋实说她想报名舞蹈比赛。", ["庞秋实"]),
    ("七年级2班的秋实获得了书法比赛二等奖。", ["秋实"]),
    ("日根的妈妈在医院做护士。\n若榴的外婆养了两只猫。", ["日根", "若榴"]),
    ("满满姐是她在小区里最好的朋友。", ["满满姐"]),
    # round 105: 中考 after a name opening a line, like the other times of a pupil's year
    ("嘉伟中考想报职校的汽修专业。", ["嘉伟"]),
    # round 104: after 发现 or 听说 a clause starts, and a name with it (麦子 is a word, 子涵 a given name)
    ("体检时发现麦子涵视力下降得很厉害。", ["麦子涵"]),
    # round 103: a part of a Uyghur, Kazakh or Mongolian name opening a line, before any word
    ("古丽跳起舞来，全班都鼓起了掌。", ["古丽"]),
    # round 101: three characters before the sex in a line of facts, whatever the surname; a contact's
    # name before who the contact is, closing the bracket; a named family's surname with 师傅
    ("练秋禾，女，2011.03.08生，初一（2）班。", ["练秋禾"]),
    ("联系电话：139 1742 6683（仇建华，父亲）", ["仇建华"]),
    ("于浩然是初二的学生。于妈妈躺在床上，说很对不起儿子。于师傅出车在外，电话里一直叹气。", ["于浩然", "于妈妈", "于师傅"]),
    # round 99: a line opening with a surname the tables lack and a pupil's given name of today
    ("练思琪的作文得了区里的二等奖。", ["练思琪"]),
    # round 98: 继父/继母 before a weak surname and a title; 小 and a given-name character after 一下,
    # closing the sentence
    ("她的继父景叔叔第一次来参加家长会。", ["景叔叔"]),
    ("班主任请我多关心一下小芸。", ["小芸"]),
    # round 97: a particle after a role and a character the tables lack before a doubled nickname are
    # no surname (新爸爸的冬冬, 可冬冬); 参加 and 和 + kin end a school's name and a 和 surname from
    # the left; a compound surname and a very typical given character before any word
    ("title: 有了新爸爸的冬冬\n冬冬在学校。孩子很好,可冬冬一句话都不说。", ["冬冬", "冬冬", "冬冬"]),
    ("我约葛爸爸（葛立新）和葛妈妈一起参加澄岚职校的开放日。", ["葛爸爸", "葛立新", "葛妈妈"]),
    ("欧阳婷养了一只小仓鼠，每天早上喂完才来学校。", ["欧阳婷"]),
    # round 96: two typical characters that make no word opening a line; a very typical second given
    # character after a surname that makes a word with the first, before what follows people; a known
    # given name after 建议; 其中 before a name; 阿 and a very typical character before any verb at a
    # clause start; 老 and a surname right after a role; 报 ends a school's name from the left
    ("桑悦搬家以后，上学要换两趟公交。", ["桑悦"]),
    ("项羽飞在运动会上拿了跳远第一。", ["项羽飞"]),
    ("心理老师建议思琪先停一周训练。", ["思琪"]),
    ("其中王浩后来还主动给他递过水。", ["王浩"]),
    ("包饺子时，阿娟教大家捏花边。", ["阿娟"]),
    ("他被师傅老鲁夸了一句。", ["老鲁"]),
    ("志远想报奉贤区柘林商贸职校。", ["志远"]),
    # round 95: a line opening with a surname, 小 and a given-name character, before any word; a given
    # name that is a solar term, once the case names the child (not where the term is a date); a found
    # family's surname with 女士; after 送
    ("尤小满有轻度听力损失，上课坐在第一排。", ["尤小满"]),
    ("卢谷雨在四（1）班。我是谷雨的导师，她出生那天正好是谷雨，爸爸就给她取了这个名字。", ["卢谷雨", "谷雨"]),
    ("景秀芳再婚以后，我约景女士来学校谈了一次。", ["景秀芳", "景女士"]),
    ("外公每天骑车送子轩上学。", ["子轩"]),
    # round 94: a surname and a doubled name, or a doubled name alone, opening a line before any word
    # but a particle; a role and a doubled name; a role and a surname, then 小 and a given-name character
    # (子女 is a role); two typical characters that are no word opening a line before 周末
    ("卜壮壮视力不太好，一直坐在第一排。", ["卜壮壮"]),
    ("璐璐转学到了浦东，周末还回来找同学玩。", ["璐璐"]),
    ("她最好的朋友甜甜，上周搬去了外地。", ["甜甜"]),
    ("学生祁小满转学过来。", ["祁小满"]),
    ("随迁子女祁小满转学过来。", ["祁小满"]),
    ("宁涛周末在外婆家写作业。", ["宁涛"]),
    # round 93: a surname and 大厨 (a chef's title)
    ("那天做了一道松鼠鳜鱼，带队的裘大厨说他刀工不错。", ["裘大厨"]),
    # round 92: a figure after a compound surname, its last character doubled, is a child (诸葛亮亮)
    ("诸葛亮亮在班会课上讲了自己暑假的见闻。", ["诸葛亮亮"]),
    # round 90: a known given name that is no word, opening a line, whatever follows
    ("浩宇为选科的事和父亲吵了一架，一晚上没回家。", ["浩宇"]),
    ("家豪有点口吃，轮到他读课文时总是脸涨得通红。", ["家豪"]),
    # round 89: the surname of a family the case names, with 叔叔 (a stepfather as a child calls him)
    ("宁可欣的继父宁伟对她很好。她说宁叔叔人不坏。", ["宁可欣", "宁伟", "宁叔叔"]),
    # round 88: 丁 with a title after a role is the surname; a figure that is 小 + a found person's surname
    ("我是他的导师丁老师。", ["丁老师"]),
    ("乔木在学校读书。同学们叫他小乔。小乔第一次站起来读。", ["乔木", "小乔", "小乔"]),
    # round 87: a doubled name opening a line before 半夜
    ("菲菲半夜还在打游戏，她妈妈把路由器拔了。", ["菲菲"]),
    # round 86: a compound surname that is also a city, before a given name (濮阳); a figure's
    # name with its last character doubled (路遥遥, not the writer 路遥)
    ("濮阳雪的继父第一次来开家长会。", ["濮阳雪"]),
    ("路遥遥，2011年1月18日出生。", ["路遥遥"]),
    # round 85: 新爸爸 is a stepfather, not 陈建新's 新爸 (俞佳鹿's 鹿妈 stays)
    ("陈建新是初二学生。新爸爸和陈建新一起去公园。", ["陈建新", "陈建新"]),
    ("俞佳鹿是初二学生。鹿妈妈来学校了。", ["俞佳鹿", "鹿妈"]),
    # round 84: a distrusted surname and a known given name opening a line before 在; a Uyghur name;
    # a pet named before 的小狗 is no person
    ("查一鸣在选择高中的时候犹豫了很久。", ["查一鸣"]),
    ("古力扎尔的3月8日生日正好是妇女节。", ["古力扎尔"]),
    ("郁婷婷家养了一只叫“豆豆”的小狗。十月的一个周末，豆豆跑丢了。", ["郁婷婷"]),
    # round 83: a form's name field holds a name even when it is a word; a solar term before kin is a child;
    # a Uyghur name after a role; a dotted name ends before a word (一起)
    ("学生证号20230815，姓名芦苇，请补办饭卡。", ["芦苇"]),
    ("桂花是谷雨妈妈的名字，她在菜场卖菜。", ["谷雨"]),
    ("宿舍的室友艾山也来帮忙。", ["艾山"]),
    ("后来，阿里和麦麦提·艾力一起报名了学校的广播站。", ["麦麦提·艾力"]),
    # round 82: a workplace's role before a distrusted surname and title; a pet named before the animal;
    # a surname the tables do not trust and 家 is no family (新家), a trusted one's is (夏家)
    ("我又和便利店的店长苗经理沟通。", ["苗经理"]),
    ("家访时滕浩宇家养了一只叫“豆豆”的柯基，他说狗狗是他最好的朋友。", ["滕浩宇"]),
    ("苗佳怡的新家在松江区。", ["苗佳怡"]),
    ("夏家的小店开在楼下。", ["夏家"]),  # (guards the 新家 rule)
    # round 81: a line opening with a distrusted surname and a given name before 把
    ("单雨桐把自己写的歌发给了音乐老师戴老师。", ["单雨桐", "戴老师"]),
    # round 80: a known given name after 班的/队的 vouches for a rare or distrusted surname; a sibling
    # with the same surname after 和, before 兄妹
    ("二（3）中队的练佳宁在升旗仪式上做了国旗下讲话。", ["练佳宁"]),
    ("高一3班的查一鸣在网上被同学起了难听的外号。", ["查一鸣"]),
    ("俞老师带着俞佳和俞航兄妹去看了一场音乐会。", ["俞老师", "俞佳", "俞航"]),
    # round 79: a birthday in Chinese numerals after the comma; a given name before 平时 (东平 is no place there)
    ("焦苗，二〇一七年十月五日出生。", ["焦苗"]),
    ("钮晓东是学生。晓东平时话就少。", ["钮晓东", "晓东"]),
    # round 78: the relative named before 是 + the child + 的 + kin; a record's field after a comma;
    # a class's pupil by given name before a time; a doubled form of someone else's name stays
    ("牛建国是牛小北的父亲，在快递站上夜班。", ["牛建国", "牛小北"]),
    ("可馨，出生日期：2015.04.22，血型A型。", ["可馨"]),
    ("高二（5）班的康宁最近每天只睡四个小时。", ["康宁"]),
    ("袁晴和卢思琪是同桌，同学叫她们“晴晴琪琪组合”。", ["袁晴", "卢思琪", "晴晴", "琪琪"]),
    ("蔡老师去郑家栋家家访。", ["蔡老师", "郑家栋"]),  # (not 家家 before 家访)
    ("| 第三周 | 课间和小满一起跳绳 |", ["小满"]),  # (a time before 和 + a name + 一起 is no pair)
    # round 77: a title after 联系 (请联系牛老师)
    ("请联系牛老师：niu@hotmail.com。", ["牛老师"]),
    # round 75: a modern given name opening with 以 after a surname (黄以沫)
    ("旁边是同样来自堡镇的黄以沫。", ["黄以沫"]),
    # round 74: an English name with a pinyin surname the list lacked (Qi); the name a parent goes by
    # in the class group; a drill instructor; a principal after 向; a surname that counts only in role
    # forms, before a very typical given name and a title (花丽萍护士长)
    (
        "思雨的妈妈Grace Qi来了。家长群里的备注是“Barbara”。教官戴教官吓了一跳。",
        ["思雨", "Grace Qi", "Barbara", "戴教官"],
    ),
    ("我回学校后向任校长汇报。花丽萍护士长说，每个护士都经历过。", ["任校长", "花丽萍"]),
    # round 73: twins said to be 龙凤胎 (黎明 is in the veto list as a word, but the pair makes it a name)
    ("黎明和黎晓是一对龙凤胎。开学后，哥哥明明变得很暴躁。", ["黎明", "黎晓", "明明"]),
    # round 72: a known given name after a surname that makes a word with its first character, after a
    # clear left edge (方子 is a word); a surname and a doubled name before 是 opening a line; whose
    # mentor (小凡的导师); 的家 is whose home, and 写了张贺卡 a card, not 张 and a given name
    (
        "跑最后一棒的方子豪冲线后第一个跑到看台。\n钱多多是班里的开心果。\n邱老师是小凡的导师。",
        ["方子豪", "钱多多", "邱老师", "小凡"],
    ),
    ("阿布都的家远在新疆。中考前，她给我写了张贺卡。", ["阿布都"]),
    # round 70: a known given name that is a word, opening a line before a verb; a doubled name after
    # 把, 带着, 一下; 小X with a very typical character before 的家长 wherever it stands
    (
        "方圆说他最喜欢劳技课。\n外婆把糖糖送到校门口。他带着豆豆画画。请多关注一下朵朵。\n薛老师提醒小睿的家长交费。",
        ["方圆", "糖糖", "豆豆", "朵朵", "薛老师", "小睿"],
    ),
    # round 69: 应 after kin is a surname; a verb that takes a person ends a given name (方琪帮她); a
    # family's surname, then a name whose last character opens the next word (黄建平平时); an English name
    # right after kin; 拉 is a verb before a nickname; a date's unit before a comma is no name (日生)
    ("他的妈妈应美华在电话里说。作业由同桌方琪帮她记笔记。", ["应美华", "方琪"]),
    ("我找了黄爸爸。黄建平平时出差多。芮杰的妈妈Casey——她是新加坡人。", ["黄爸爸", "黄建平", "芮杰", "Casey"]),
    ("应晓东的妈妈来了。班里几个男生拉东东一起去打球。", ["应晓东", "东东"]),
    ("应晓东，2010年10月9日生，崇明区堡镇芦汀高级中学高一（4）班。大家给他办了一个小生日会。", ["应晓东"]),
]


# A name the tables cannot know, confirmed by the nickname the same case uses for it.
NICKNAMED = [
    (
        "禚子航是机电专业的学生。那天夜里，子航给我发来消息。父亲说：“航航从小就这样。”后来子航写了总结。",
        ["禚子航", "子航", "航航", "子航"],
    ),
    ("牛犇上课总趴着。我问同学，大家说阿犇每天五点起床。牛犇后来告诉我，他想学厨师。", ["牛犇", "阿犇", "牛犇"]),
    (
        "仇浩然和马骁是同桌。骁骁——他让我这么叫他——画了那三分钟。马骁小声说：“他不是故意的。”",
        ["仇浩然", "马骁", "骁骁", "马骁"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NICKNAMED)
def test_a_nickname_confirms_a_name_the_tables_lack(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_nickname_inside_words_confirms_nothing() -> None:
    # 命中中的, 分词词典: the reduplicated pair sits inside words, so 中 and 词 are no nicknames.
    text = "查询命中中的词，分词词典里没有。按词查找时，器中的分词结果不同；分词后再按词排序。"
    assert names(text) == []


@pytest.mark.parametrize(("text", "expected"), CATCH)
def test_people_in_every_form(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_surnames_kin_form_makes_no_elder() -> None:
    # round 127 (guard): 栾妈妈 is the surname's kin form, not 妈妈 naming the person after it, so the child's
    # doubled name stays (the run after it, 托天佑, is read with 托 as a surname: a matter for another round)
    assert "佑佑" in names("栾天佑在初二。栾妈妈托天佑带话。佑佑懂事。")
    # nor is a word read as a given name alone after 爸爸 an elder (“儿子，爸爸中秋请假回来”: 仲秋's 秋秋 stays)
    case = (ROOT / "tests/fixtures/anon_corpus/heldout53/cases/planted/18-jieri-zhongqiu.md").read_text(encoding="utf-8")
    assert names(re.sub(r"\[\[[A-Z]+:([^\]]*)\]\]", r"\1", case)).count("秋秋") == 2


def test_a_person_is_followed_through_the_whole_file() -> None:
    case = (
        "---\ntitle: 亓佳宁的雨天\nsummary: 导师走访亓家。\npseudonyms: [G老师]\n---\n\n## 背景\n\n"
        "亓佳宁是初二的学生，家里人都叫她宁宁。佳宁说，她不怕下雨。\n\n## 经过\n\n开门的是佳宁。亓爸爸半靠在沙发上，G老师只问宁宁几点睡。\n\n"
        "| 姓名 | 学号 |\n|---|---|\n| 佳宁 | 20230415 |\n\n![宁宁在写作业](photo.jpg)\n"
    )
    found = [(f.rule, f.term) for f in find_identifiers(case, ["G老师"])]
    terms = [term for rule, term in found if rule == "CASE-ANON-NAME"]
    assert terms.count("亓佳宁") == 2 and "亓家" in terms and "亓爸爸" in terms
    assert terms.count("宁宁") == 3 and terms.count("佳宁") == 3  # body, table cell and alt text
    assert ("CASE-ANON-STUDENTID", "20230415") in found
    assert "G老师" not in terms


CLEAN = [
    # round 53: an ordinary word before 说 inside a clause is no name
    "这个夏天说长不长。",
    # round 54: figures of 《鸿门宴》; a river; 边…边…; a taunt at a body; a rare word before 的名字
    "语文课上读《鸿门宴》，项羽和刘邦的性格对比很鲜明。有人问汨罗江在哪儿。",
    "同学们边吃粽子边听。几个男生叫她“胖墩”。要尊重少见的名字。",
    # round 55: a time of year opening a line before a time of day; a word opening a line before 的
    "冬天早上天冷，住得远的孩子六点不到就要出门。\n明天早上七点四十前到校。\n阳光的味道很好闻。",
    # round 56: choosing arts; an author of a book named; a kind of child; a clause after a masked pseudonym
    "他认为“学文没出路”。导师把信夹在《傅雷家书》里，傅雷给儿子写了很多信。小朋友是我们班最可爱的孩子。",
    "语文和数学是好朋友。冬天和春天一起来了。",
    "初三这学期要中考。\n冬天这次来得早。\n小区今天停水。",
    # round 57: a placeholder before a word; a school club; a reduplicated predicate; a people in
    # a facts line
    "周五放学后，学生丁留下来帮忙出黑板报。这学年学校开了陶艺、围棋、舞龙三门社团课。",
    "某某，男，蒙古族，高一（5）班，嘉定区安亭高级中学学生。",
    # round 58: a verb after a teacher; a word said to be no nickname; myths and a play; a kin word
    "旁边的老师介绍说，毕业后可以升学。老师介绍说要先实习。本身是常用词的昵称不派生。",
    "讲了嫦娥奔月和吴刚伐桂的故事。演周朴园的男生特别投入。外公叫他“小弟”。",
    # round 60: a team leader at work; “and” after a role; a metro station; a language before 说
    "仓库最近订单多，班组长让实习生也轮夜班。孩子要适应新学校、新同学和新节奏。学生从张江高科站出来。",
    "他的英语和数学都不错，中文说得也流利。",
    # round 61: old district names; a baby sibling
    "卢湾、南市这些老区名，现在只在老人嘴里还能听到。家里添了个小宝宝。菜单（红烧肉）贴在墙上。",
    # round 62: 叫她 and an errand; a drink; what one does at the weekend
    "外婆说：“我叫她睡觉，她说在查资料。”外婆煮了一锅姜茶。周末约的是社团里的同学。",
    # round 63: a modal after 叫他 is no nickname
    "比叫他“要大胆”有用得多。",
    # round 64: a role and a verb before 的邮箱; whatever stands after 班上的 (a subject, a committee)
    "家长留的邮箱是学校的公共邮箱。班上的图书角很受欢迎，班里的文艺委员很能干。",
    # round 65: athletes and a philosopher talked of in class; a month of fasting; a coach's workshop
    # the word table keeps jieba's rarer nouns and verbs opening with a surname from 10 uses (班会, 房卡)
    "后来班里一位戴眼镜的同学说，自己以前也不好意思，听了那次班会才想通。他拿着房卡上楼。",
    # round 154: 和弦 and 弦乐 are music (和弦乐社的同学); guard: after 觉得 only a given name of today (觉得保尔…)
    "小G在学校艺术节上和弦乐社的同学一起演出。让小G参加学校的弦乐社。",
    "他说读了《钢铁是怎样炼成的》，觉得保尔很了不起。",
    # round 158: a doubled verb before an elder (多陪陪外婆); a word and a preposition before 住在 (周末由住在…);
    # 热合麦特 (Uyghur “thank you”) vetoed
    "她也希望女儿周末能多陪陪外婆。看书半小时起来看看远处；周末由住在楼上的表姐带她去跳绳。",
    "她妈妈在屏幕那头一直说“热合麦特”，就是谢谢。",
    # round 157: a place word ends no owner of a number (学生证上的学号); 去年 before a weak surname and a
    # title stays a word (去年老师们)
    "学生证上的学号是20230517。去年老师们都很忙。",
    # round 153: a particle after 叫他 + a role ends the clause (愿意叫他叔叔了)
    "孩子说她现在愿意叫他叔叔了，但还叫不出爸爸。",
    # round 152: 叫他辞职 is an errand; guards: a verb doubled before a parent (问问妈妈), a surname that
    # makes a word with the doubled character after punctuation (，高考考场上)
    "我没有直接叫他辞职。我每天跟她聊几句，问问妈妈今天怎么样了。",
    "知道自己什么时候会慌，比赢一盘棋更有用，高考考场上也一样。",
    # round 151: a bird and a sweet (一只白鹭, 包豆沙), a time before 幼儿园 (七点半幼儿园才开门)
    "那里有一只白鹭在抓鱼。他还发现白鹭会用脚搅动水草。",
    "她带着同学洗艾草、揉面、包豆沙。每天七点半幼儿园才开门。",
    # round 150: a nickname that is a job (记录员) fits any child; an idiom (大名鼎鼎); guard: a part that
    # runs into a word after a comma (巴哈马)
    "同组的同学开始叫他“记录员”。这位大名鼎鼎的作家来了。",
    "寒假里，巴哈马群岛的照片贴满了墙。",
    # round 149: a quoted name that 是…金毛的名字 says is the dog's; guards: 许多 and a doubled word still
    # end at a word (同学许多多少少, 乐呵呵), and a placeholder stays one (学生丁留下来)
    "“麦芽”是她家那只金毛的名字，她每天遛“麦芽”。",
    "同学许多多少少有点意见。妈妈乐呵呵地说。学生丁留下来。",
    # round 148: an ABB adjective is no surname and doubled given name (冷冰冰的数字); 夏末 is late summer
    "导师的作用，是把冷冰冰的数字变成一家人能一起做的事情。刚到上海时正是夏末，天气闷热。",
    # round 147: a pet's name is the pet's inside a title too (《我和豆豆的四年》, after 小狗“豆豆”)
    "她的小狗“豆豆”走丢了。她一笔一画写上豆豆的样子。过了一个星期，豆豆还是没有消息。"
    "我请她画一本小册子，名字叫《我和豆豆的四年》。那本《我和豆豆的四年》现在还放在图书角里。",
    # round 144 (guard): but not where a longer word opens there (区青少年活动中心, 高尔基)
    "区青少年活动中心的暑期班开课了。\n高尔基的《海燕》是初二要背诵的课文。",
    # round 143: 和 before a word and parents is “and” (和远方家长的联系), no 和 family
    "和远方家长的联系哪怕很简单，也要坚持。",
    # round 142: 老 before a preposition inside a clause is “always” (不想老向家里要); a season before 开学 (秋季);
    # (guard) a doubled word after a measure before what only a person has is no name (一条长长的微信)
    "我想自己挣点钱，不想老向家里要。秋季开学办理信息变更时，妈妈来了。他妈妈发来一条长长的微信。",
    # round 140: 离异 (divorced) and 爱笑 (likes to laugh) are words the tables lacked
    "不像刚开学时那样爱说爱笑。\n  - 离异家庭的孩子需要什么？和离异家长沟通时，分开约谈。",
    # round 139: a doubled given name would run into a role (保卫科科长); a landmark one draws (画了东方明珠);
    # 相依 of 相依为命 after kin (妹妹相依的生活)
    "安全保卫科科长说明了情况。她给弟弟画了东方明珠和学校的操场。",
    "一次家访让导师看到了小A和外公、妹妹相依的生活。",
    # round 137: bangs (刘海遮住了眼睛); what is done before 后 (校医冰敷后); a cat named before it (叫“馒头”的橘猫)
    "小A留起了长头发，刘海遮住了眼睛。刘海遮住眼睛，上课看不清黑板。校医冰敷后通知了小A妈妈。",
    "她养了一只叫“馒头”的橘猫，养了三年。",
    # round 135: after kin, a part of her and 一 + how it changes (外婆脸一红, 妈妈心一软)
    "外婆脸一红：“是提醒了，我又忘了。”妈妈心一软，答应了。",
    # round 133: a doubled adjective of size after 把 and before 的 (把长长的通勤); a county right after its province
    # (老家在福建安溪)
    "导师要看到这种失落，帮孩子把长长的通勤变成可以利用的时间。小A老家在福建安溪，父母在上海开店。",
    # round 132: a verb and an everyday word after 外号 (开玩笑); an adverb and an adjective (路再远)
    "有人拿小A的外号开玩笑。孩子有了伙伴，路再远也就不那么难走了。",
    # round 131: the eldest child (老大在上海读书)
    "老大在上海读书，弟弟妹妹还留在老家跟着爷爷奶奶。",
    # round 130: a role after 和 is no given name (保安和保洁阿姨)
    "端午节前，班里包了粽子，送给学校的保安和保洁阿姨。",
    # round 129: a month opening a line (九月); 老 after 得 (肿得老高); the commute (通勤); a poet (舒婷); class chat
    # groups (班群里, QQ群里)
    "九月还没过完，他就迟到了四次。脚踝肿得老高。学生通勤时间变长。她选的是舒婷的《致橡树》。初二女生在班群里被嘲笑，QQ群里也有。",
    # round 128: money spent (钱花在了哪里) and linking up (和家连起来); guard: a word ending at 老 with no kin
    # before it still ends no nickname (养老金)
    "J老师问他钱花在了哪里。帮她找到一个把外面的世界和家连起来的方式。外公领了养老金说够用了。",
    # round 127: minority languages (蒙语); guard: a kin word in a contact's field is no name
    "班里给他唱了蒙语的生日歌，她会说藏语。",
    "紧急联系人：外婆，电话见登记表。",
    # round 126: a way of listening (听书); guard: a class's monitor or classmates before 是个…的女孩
    "他在地铁上听书，还把听书的方法写成了文章。",
    "三（2）班的班长是个很认真的女孩。三（2）班的同学是个很认真的女孩。",
    # round 125 (guard): the word 宇航 where no person stands
    "他长大想当宇航员，中国宇航的成就让他骄傲。",
    # round 124: an everyday word and 时 after 外号 (外号伤人时); guard: a class or a time before 读了《…》
    "外号伤人时，导师怎样处理？",
    "全班读了《城南旧事》。后来读了《骆驼祥子》。",
    # round 123: a psychology lesson's word (悦纳自己); a Uyghur dance (刀郎舞); a go player (吴清源, 聂卫平);
    # guard: 是 + a year + 出生 of a pronoun
    "心理老师上了一节“悦纳自己”的心理课。联欢会上她跳了一段刀郎舞。他最佩服的人是吴清源和聂卫平。",
    "他是2011年出生的，比同学小半岁。",
    # round 122: a wish to someone (祝叔叔新年快乐); the listener before 听 closing a clause (弹给全家听);
    # painters (毕加索画的《…》, a guard of the drawing rule)
    "学期末，小E在贺卡上写了“祝叔叔新年快乐”。她改编了一段流行歌曲，弹给全家听。",
    "美术课上讲了毕加索画的《格尔尼卡》。",
    # round 119: a time before what only a person is (平时是个开朗的孩子)
    "孩子在五（1）中队，平时是个开朗的孩子。",
    # round 118: a stage of school opening a line (高中开学后); a weak surname after an everyday word
    # (文章刚开始) or a plant's word before 树/叶 (银杏树)
    "高中开学后，她还回来看过导师。\n鲁迅的文章刚开始读不懂。\n她画了学校的银杏树和银杏叶。",
    # round 117: an animal character is no given name (小黄狗, and so no 小狗 nickname); a pet named after
    # 给它起名叫; a role noun opening a line (三人一起); a time before 住在
    "家里养了一只小黄狗。后来小狗不见了，全家找了两天。",
    "爸爸送了他一只白色仓鼠，他给它起名叫“雪球”。他说，雪球早上一动不动了。",
    "三人一起坐下来谈了一个多小时。\n平时住在学校，周末回家。",
    # round 116: 琴 is a weak surname (练琴妈妈, 琴童); a verb of going before a home (来新家); 周中 is
    # midweek; the city of 宁德; the scientist 于敏 in a lesson
    "她说每次练琴妈妈都坐在旁边。\n不想再考级的琴童。\n又鼓励他周末约老同学来新家玩。\n今年中秋节正好在周中。",
    "我们去宁德玩了三天。\n我们读了于敏的故事。",
    # round 115: 老 and a surname character that open a longer word (老班主任)
    "年级组的老班主任说，这个孩子小学时就这样。",
    # round 114: a year of university after 说，; a home far away; “thank you” to an uncle; a verb and 得
    # after a surname character; a Tibetan painting; a visit to anyone's home names no surname
    "学长说，大一的时候他也迷茫过。\n孩子因为家远不能回家。\n还说了一声“谢谢叔叔”。",
    "马头琴拉得很好，唐卡式的线描也画得好。\n周末我们到了农民家。",
    # round 113: a weak surname before a place word (班里来了, 区里来人); 关于 before a name's words; a
    # sister title after 小 (小师姐); a clause's last word before a date of birth; 单亲家 is a family;
    # 答应妈妈 promises the mother
    "新学期开始，班里来了两个随迁子女。\n因为区里来人检查，大家很紧张。",
    "他写了一篇关于豆豆的作文，也写了关于浩宇的事。",
    "小师姐是学生会的干部。\n单亲家的妈妈也来了。\n我答应妈妈了。",
    "孩子从小在安徽长大，2012.11.2出生。",
    # round 112: a pet opening a line before a time of the pupil's year
    "小狗后来康复了，小猫上周也打了疫苗。",
    # round 111: subjects between roles and 老师; a hyphen inside a word (x-Ray)
    "数学老师英语老师都来了。\n他在x-Ray室拍了片子。",
    # round 110: a word at a line's start before 下 and no verb (明天下午); whose 师傅 after a word
    "明天下午开家长会。\n修车的师傅说明天来。\n他向老师说明了情况。",
    # round 109: a word before 家长 says what kind of parent; what is asked of a pupil after 叫他 (朗读);
    # a pet's name was given, not the pet's; 和田 the city
    "导师怎样与远方家长沟通？\n英语课上老师叫他朗读。\n小狗的名字是我起的。\n他来自和田。",
    # round 107: what a team calls its captain (队长) is a role; a place before 说 (书上说, 信中说)
    "他说游戏里队友都叫他“队长”，他不上线大家就会输。\n书上说要多喝水。\n信中说她很想家。",
    # round 106: “but” and 姐姐 (可姐姐说); a place word before 的外婆; a pupil called 丙 (学生丙);
    # 鲍叔牙 among the figures
    "弟弟也想跟着去，可姐姐说这是她的时间。\n画里的外婆手上拿着青团。\nK老师约丙的父母到学校谈话。\n她爱读管仲和鲍叔牙的故事。",
    # round 105: words jieba tags as names (郁金香, 巴扎); a Latin letter is no left edge (P成丑图)
    "春游时第一次看见真正的郁金香。讲到老城的巴扎时，她的眼睛亮了。\n小A的照片被人P成丑图发到群里。",
    # round 104: 阿炳 among the figures; a landmark one goes to see (看看东方明珠)
    "阿炳的《二泉映月》让学二胡的孩子听哭了。\n她想暑假把弟弟接来上海看看东方明珠。",
    # round 103: an everyday word right after 外号, with no 叫, 是 or quote, is what was done
    "初一学生小A在群里被同学起外号嘲笑，导师及时处理了。",
    # round 102: an adverb after a role is no surname (最爱听)
    "弟弟最爱听运动会的广播。",
    # round 101: what one thinks of a nickname is no nickname (小名太土)
    "她说家里人给她起的小名太土，不想让同学知道。",
    # round 99: a colour (蓝绿色: 绿色 is no given name)
    "她说湖水是蓝绿色的，冬天会结冰。",
    # round 98: what one found is no school's name (发现幼儿园); “and” before a role noun; a year of
    # school after 班 is no given name (so 班 is no family: 值班老师)
    "后来发现幼儿园就在小区门口。\n弟弟和妹妹留在老家。\n新疆班高二的学生寒假留校，值班老师陪他们过年。",
    # round 97: words jieba tags as names (付清, 凤仙花) and 维吾尔族 in the veto list
    "店长答应三天内付清。院子里种满了凤仙花。\n维吾尔族的同学给全班带来了馕。",
    # round 96: body parts jieba tags as names (左耳); a sage (surname and 子); a word or role that the
    # opening characters run into (冬令营, 新继父); an action after 建议
    "左耳听不清的女孩。\n曾子杀猪的故事讲的是诚信。\n冬令营去了安吉。\n新继父第一次来学校。\n校医建议冰敷。",
    # round 95: a surname, then 小 and a word, opening a line
    "金小区门口新开了一家店。",
    # round 94: a four-character word opening with a doubled character; 太 and an adjective after a
    # surname character (“too big”); a plea to a role in quotes
    "熊熊燃烧的火把照亮了操场。\n冉冉升起的国旗下，全班站得笔直。",
    "第一次是孔太大，第二次是孔太小。小A搂着她喊“老师抱抱”。",
    # round 93: a pet whose name was asked for (仓鼠叫什么名字。她说叫“团子”)
    "问小A仓鼠叫什么名字。她说叫“团子”，养了一年半。她每天晚上都跟团子说话。",
    # round 92: a pet named after the animal and a comma (小乌龟，叫“慢慢”); a role made small (小师傅)
    "小A养了一只小乌龟，叫“慢慢”。慢慢最喜欢吃虾。车间里的年轻工人开始叫他“小师傅”。",
    # round 90: not before a particle or place word, not doubled; 大哥 as one is called; 小羊
    "春来了，校园里的玉兰开得正好。\n晨曦中，早到的学生已经在操场上跑步。\n婷婷玉立的荷花开满了池塘。",
    "他说：“我玩游戏的时候，队友会叫我大哥。”孩子们第一次见到刚出生的小羊。",
    # round 87: kin (小姨); a laugh after a role (女生们哈哈); a measure after 这些 (这些周里); 巴旦木
    "小A住院了，小A的小姨来照顾她。小姨每天下班后过来。逗得女生们哈哈大笑。这些周里会落下多少作业？家乡的巴旦木。",
    # round 86: a year of school is no surname and a name (高二); 全勤; the writer 路遥 and the city 濮阳
    "小A在班里很有威信。高二换届时，好几个同学推荐他。期末时，她拿到了全勤的表扬。",
    "我们读了路遥的《平凡的世界》。他来自濮阳，说话带河南口音。",
    # round 85: 新妈妈 (a stepmother) after 和; 琴盖
    "和新妈妈相处",  # (a title)
    "孩子把琴盖锁上了，说以后再也不弹了。",
    # round 83: 那一格 (“that one”); 桂花树; 姓名 as a word in prose is no form's field
    "画里是一家人，爸爸那一格是空的。",
    "她说：“新家楼下有一棵很大的桂花树。”",
    "两处姓名空缺，编者不作推测。不发布照片、姓名和信息。拿姓名取笑，伤害的是孩子的自尊。",
    # round 82: animals, a new home, a temple, glasses
    "小A的小猫走丢了。C老师建议她把和小猫在一起的故事画下来，画了小猫第一次来家里、小猫生病、小猫晒太阳。",
    "小A说新家很大。周末邀请同学到新家玩，让孩子对新家多一些好的记忆。",
    "到了岳王庙，小A站在碑前，从岳飞的生平讲起。",
    "不肯戴眼镜的小A。班上有男生叫戴眼镜的同学“四眼”。眼镜早就配好了。",
    # round 81: an animal's name, quoted after the animal, is no person wherever it stands
    "小A家养的橘猫“豆豆”陪了她三年。十月底，豆豆跑出去再也没回来。她说：“豆豆。奶奶说再买一只就好了。”",
    # round 80: a word after 队的 is no given name vouching for a surname (中后卫)
    "比赛时小A在球队的中后卫位置上。",
    # round 79: 家里 is no given name; 班学妹 no surname; a dog breed; the veto list in a clause's opening
    "奶茶店打工，骗家里说去上补习班。买电脑的钱家里出一半。",
    "她带着新来的西藏班学妹去超市。",
    "她家养了一只柯基。他说：“拉琴的时候我最开心。”",
    # round 78: 和 and a role noun (继父母) twice; 外号本身
    "导师和继父母沟通时要注意什么？\n\n和继父母沟通时，A老师只写了妈妈和外婆的话。",
    "最难受的不是外号本身，而是没有人站在她这边。",
    # round 77: a word of a surname that counts only in role forms, three times (通勤)
    "问清楚每个学生的通勤路线。学校多了一张“通勤情况表”。其中通勤原因占了三起。",
    # round 76: how often after 叫他 (再叫他一次); a noun after 外号 (外号问题)
    "第二天爸爸早上再叫他一次。处理外号问题，让全班一起讨论。",
    # round 75: a stage of schooling after 发现; a landmark counted by 座; 宿管老师 (no 管老师)
    "两个孩子一聊，发现小学时还在同一个少年宫学过书法。用纸板做了一座东方明珠。导师丙和宿管老师商量。",
    # round 74: a year of school after 班 (西藏班高二); anyone born on a day
    "小C是本校西藏班高二的学生。2月29日出生的人四年才过一次生日。",
    # round 73: a quoted term after 外号 is no nickname given; 路远 “far from home”
    "班里有同学提议，把“外号盒子”做成固定班会。住校生大多路远，回不了家。",
    # round 70: a singer; a school motto; stars drawn
    "广播里放的是周杰伦的《晴天》。校训是“求真、向善、尚美”。他把星星画在纸上。",
    # round 69: old neighbourhoods of Shanghai; a program after kin
    "他查了曹家渡、打浦桥这些名字的来历。妈妈Excel用得很好。",
    # round 68: 家家 as in 家家户户 (the veto list, for doubled names too)
    "她说三月三是家乡的大节，家家做五色糯米饭。",
    # round 67: a promise (许诺) before a word; a figure of history
    "老师许诺期末带大家去科技馆。都江堰是李冰修的。",
    # round 66: 后来 after a parent; the mansion of 《红楼梦》; a Tibetan dance
    "妈妈后来发微信说孩子适应了。读到林黛玉进贾府那一回。大家跳起了锅庄舞。",
    "他说偶像是谷爱凌，教练也提起过刘翔和王阳明。她讲了斋月和开斋节。领班带着我们参观。",
    "她性格文雅，说话轻声细语。",
    "孩子们读了《红楼梦》和《小王子》的片段，《孔乙己》也读过。",
    "历史课上讲到秦国和赵国的长平之战，赵国是怎么衰落的？",
    "一周来他的作业都按时交了。那张纸上写着他想说的话。",
    "在实践中学会合作，比听十遍道理更有用。",
    "司马光砸缸的故事孩子们都听过，孔融让梨讲的是谦让。",
    "他把压岁钱全都充进了游戏。",
    "会上讨论导师工作量如何平衡。",
    "期末我打算把这些经历整理成导师组的活动手册。",
    "妈妈一听就哭了。继父听完，说房间的事没考虑周全。",
    "寄宿制学校的学生周末才回家。",
    "周末导师和家长约在社区见面。",
    "老师和孩子谈了整整一节课，同学都知道这件事。",
    "小A的同桌小B说，小A妈妈昨天来过。",
    "他们家搬进了一个新的小区，离学校不远。",
    "老师叫他回座位，他就抱着书哭。",
    "小A常乐呵呵的。同学们常常拿他开玩笑，他也常常一笑了之。",
    "学生们在读《红楼梦》，会跟爷爷讨论宝玉和黛玉。",
    "他说长大想跑马拉松。",
    # an adjective before 的 + kin describes the mother; 的 is no evidence of a name
    "温柔的妈妈总是最后一个吃饭。她的温柔，孩子都看在眼里。",
    "坚强的奶奶说：“我还撑得住。”坚强不是不哭。",
    "高明的家长懂得倾听，这比说教高明得多。",
    "老师还没来，同学但凡有事都找班长。",
    "每章至少引用一次政策条款，第三章至少两次。",
    "那天正好是立夏，楼下的月季开了。立夏那天他迟到了。",
    "历史课讲到蜀汉、曹魏和东吴，又讲到北宋。",
    "导师先听孩子的解释，再下判断。",
    # places are not people: provinces, cities and Shanghai's districts wherever they stand
    "小A说起了周末和爸爸去崇明骑车。",
    "周末全家去佘山爬山，又去了朱家角。",
    "他们家里说考不上好高中就去读职校；学校也说了。",
    "何首乌是一味中药。",
    "墙上贴着苏州的评弹、绍兴的黄酒、成都的熊猫；有上海话、苏州话、四川话。",
    "三国、唐宋、明清的故事，既生瑜，何生亮，周瑜和刘禅都讲过。",
    "学期总结里写：导师管学生，学校也要管导师。",
    # an adverb and a modal are no given name; a weak surname after 的 is a noun;
    # a nickname that names what the child does or is like fits any child
    "慢慢来，孩子才会把心里话说出来。",
    "她把自己烤的曲奇分给同桌。",
    "后来同学们都叫他“小画家”，也有人叫他“大个子”。",
    # an everyday word and 哥 is what the child does; 先 and 再 are adverbs here
    "队友们叫他“数据哥”。",
    "分开谈、再一起谈，先听再说。",
    # a form's label before a word or a function character is no name field
    "表格里不写学生的姓名和信息，原文姓名空缺处不推测。",
    "他写了一篇周记。",
    # a province set aside is no full-width padding (从　　来); a modal after a role is no surname;
    # 阿妈 is a mother, not a nickname; 把 ends a school's name
    "从安徽来的孩子，从来没有练过听力。",
    "学生反复迟到时，导师应先批评还是先了解原因？",
    "卓玛的阿妈视频里说：“阿妈想你。”".replace("卓玛", "小A"),
    "预备年级的孩子常常把小学的习惯带进来。",
    "学生干部压力过大时，导师如何支持？",
    # a dormitory is no described pupil; the number of a register is no pupil's name; 问题 is no
    # question asked; 场边 ends a word before 边教练; 妈妈在 is “mother at”
    "男生宿舍和女生宿舍都查过了，宿舍里很干净。",
    "全国学籍号要在开学前登记。",
    "两个人因为作息和卫生问题多次争吵。",
    "请小A当决赛的“场边教练助理”。",
    "小A妈妈在宁波工作。",
    "学校的电话和各班的学号都登记了，平安夜的生日会照常举行。",
    "导师要先安家长的心，再在处分和教育之间找平衡。",
    "外号是否伤人，要看被叫的人怎么感受。他说车一直没钱修。",
    "学校组织学生去崇明区陈家镇参观，也读了《城南旧事》里英子和宋妈的故事。",
    "We love Kevin Chen songs, 不要给同学起外号。",
    "只是一起涂颜色，妈妈抱妹妹的时候，老师说爱笑的孩子运气好。",
    "我们读了《骆驼祥子》，祥子的车被抢走了。",
    "她讲了南丁格尔，还送了一本讲南丁格尔生平的书。小A是芦汀小学毕业的。",
    "我用Windows的微信和他聊了一会儿。",
    "父亲出门前把闹钟定在六点五十，孩子课余承担家务。",
    "发给每一位去商超、酒店实习的学生；学生丙说是展柜里那本书。",
    # round 24: a modal after 外号 is no nickname
    "乱起外号会伤人，外号可能伤害同学。",
    # round 25: 导师乙 is a pseudonym before 马上; 值周老师 is the teacher on duty; 连连 an adverb;
    # a stage of schooling is no school; 和家长 is “with the parents”
    "导师乙马上联系了家长。值周老师点了他的名。老人连连说：“是我不好。”",
    # round 26: 相依为命 after a kin word; 导师丁 before a verb; 宝宝 is a role noun; 他和妈妈
    "小F和外婆相依为命。导师丁找到了学生甲。同学说他是“奶奶的宝宝”。",
    # round 27: a pet's name; 许仙 and 白娘子
    "学生乙家里养了一只叫“豆豆”的小狗。奶奶讲白娘子和许仙的故事。",
    # round 28: a rarer word running into a surname (车费贵); 某 is never a surname; 大 with a
    # surname that is no common one (做“大单”)
    "她说车费贵，回去也没事做。学生某一科成绩落后。对方说要做“大单”。",
    # round 29: a measure word doubled (一张张念); 阿弟 is how a little brother is called
    "纸条收上来后，她一张张念。奶奶总叫他阿弟。",
    # round 30: 和, 向 after a role word are “and”, “towards”; 才小声说 is an adverb and 小声
    "导师和教练一起商量。班主任向家长说明情况。他才小声说了一句。",
    # round 31: after a number and a measure word comes a thing (一只白鹭)
    "他正趴在地上拍一只白鹭。熊熊燃烧的篝火映红了脸。",
    # round 32: 班 ends no given name (电商班的)
    "中职电商班的学生甲实习做客服。",
    # round 33: the one named with a figure belongs to the same story (陆游和唐婉)
    "学生乙讲了沈园里陆游和唐婉的故事。",
    # round 34: 和 before a relative is “with”; a thing after a counted 笔; what 叫她 asks a
    # child to do (读课文); a cloud and a flower; short masked pseudonyms are no district
    "晚上躲在被子里和堂姐视频。每一笔钱花在了哪里？老师叫她读课文，她哭了。",
    "天上的乌云很多。格桑花开了。",
    # round 35: 和 mid-clause before 新同学; a rarer verb opening with a surname (涂改); a road
    # and a garden of the landmark list; a reduplicated adverb after a kin word (奶奶刚刚)
    "明月几乎不和新同学说话。涂改的痕迹很明显。妈妈在七浦路摆摊，周末去古猗园。",
    # round 36: 老师傅 is a role; every other week; a nationality before kin; a garment; a trait
    # before what others call the child
    "他很受老师傅喜欢。两位家长商量改成隔周见一次。越南籍妈妈介绍了春卷和奥黛。因为爱帮人，同学们都叫他小A。",
    # round 37: adverbs of time where a subject stands (平时沉默的…); a relative's home; a date's 出生
    "平时沉默的学生甲第一次当了主角。她平时很少说话，住在姑妈家里。小孩儿的妈妈来了。",
    "学生甲，2011.01.26出生，浦东新区高桥镇某某中学学生。",
    # round 38: 爱 before kin is the verb; money spent after 的/把 is no surname 钱
    "老师说，爱爷爷也要爱自己。学生乙把打工的钱花在游戏上。",
    # 宿管丁 is the pseudonym after a role; 查房时 is “when”; 全听 is “all listen”; 小年那天 a festival
    "宿管丁晚上查房时，会在她床边多站一会。孩子的事全听老师安排。第一次电话是在小年那天。",
    # 学生乙刚从… is the pseudonym; 先写名字、再写学号 are two errands; 一只叫夏洛的蜘蛛 an animal
    "学生乙刚从国际学校转来。考试时先写名字、再写学号。最喜欢那只叫夏洛的蜘蛛。",
    # round 39: an adverb inside a clause before a common word (后来才承认); composers
    "他一开始说忘了，后来才承认没写。肖邦、莫扎特那些名字她以前只在书上见过。",
]


def test_a_particle_before_a_known_given_name_is_no_surname() -> None:
    # round 40: 方言 read as a given name before 家长会 made 的方言 and 的家长 “full names”
    text = "奶奶的方言家长会。奶奶只会说老家方言。小F的奶奶后来成了班里最准时的家长。"
    assert names(text, ["小F"]) == []


@pytest.mark.parametrize("text", CLEAN)
def test_what_is_no_person_of_the_case(text: str) -> None:
    assert names(text, ["小A", "小B", "小A妈妈"]) == []


def test_masked_pseudonyms_are_no_district_before_a_school() -> None:
    # Declared pseudonyms are blanked like a district set aside; a few blanks before 学校 name no school.
    assert names("周末，K老师请小K和父母一起来学校。", ["K老师", "小K"]) == []
    assert names("武向东，青浦区朱家角镇芦汀中学学生。", ["K老师"]) == ["武向东"]


def test_derived_forms_need_the_person_in_the_same_case() -> None:
    # 小桐 and 桐桐 are only looked for where 王雨桐 appears; 小雨 (light rain) is weather even then.
    assert names("窗外下着小雨，孩子们在走廊里跳绳。") == []
    assert "小桐" in names("王雨桐来了。小桐说她不冷。")


def test_a_family_in_the_case_does_not_make_its_words_names() -> None:
    # 高老师 is in the case, but 高兴地 is how people speak, however often it opens a clause.
    assert names("高老师说，大家高兴地说起春游。高兴地说完，又高兴地笑了。高兴的是没人迟到。") == ["高老师"]
    # round 122 (guards): a parent's surname opening a weekday (周丽萍 … 周四下午), a full name (包天佑) or
    # the word as a predicate (舒畅了) makes no child who shares the surname
    assert names("她母亲周丽萍来了。\n周四下午下着大雨。\n周二、周四中午由我陪她。") == ["周丽萍"]
    assert names("包天佑的爸爸包志宏来了。\n包天佑说想家。\n生日那天爸爸来了。") == ["包天佑", "包志宏", "包天佑"]
    assert names("爸爸舒立新来了。\n舒畅了很多。舒畅得很。") == ["舒立新"]
    # round 123: 去 and 来 before a known given name are verbs of going, no surname (去嘉树家家访), so no 去家
    text = "title: 去嘉树家家访\n\n祁嘉树的奶奶病了。嘉树说想家。我和班主任一起去家访。"
    assert names(text) == ["嘉树", "祁嘉树", "嘉树"]


def test_a_county_that_is_also_a_name_is_a_place_only_where_a_place_is_meant() -> None:
    # 和平 is a district of Tianjin and a child's name: after 去 it is the place, before 说 the child.
    assert names("暑假他们去和平玩了几天。") == []
    assert names("和平说他不想去。和平的妈妈也来了。") == ["和平", "和平"]


def test_what_looks_like_a_form_of_a_person_but_is_not() -> None:
    # round 24: 安安静静 is an adjective, not 安可's nickname 安安; 扎西德勒 is a greeting, not 扎西
    text = "安可是某某小学一（2）班的新生。如今她安安静静的。卓玛说：“扎西德勒！”"
    assert names(text) == ["安可", "卓玛"]
    # round 26: after a name and 和, an ordinary word stays a word
    assert names("张伟和白天一样早到。") == ["张伟"]
    # round 27: a given name inside a four-character word is the word (春花秋月, 见贤思齐), and
    # a reduplication after 得 a complement
    text = "杜春花家里困难。春花秋月，本是好年纪。谭思齐说：见贤思齐。小满把书包装得满满的。"
    assert names(text) == ["杜春花", "谭思齐", "小满"]
    # round 29: after 不, 很, 太 a given name that is a word is the word
    assert names("许安静其实一点也不安静。") == ["许安静"]


def test_names_from_parts_are_no_common_words_or_places() -> None:
    # A part of a Tibetan, Uyghur or Mongolian name counts alone where a person stands: none may
    # be a common word or a place, except 尼玛 and 贡嘎, reviewed (names far more often than the counties).
    from macros.casebook.anon_names import tables

    t = tables()
    clash = {p for p in t.parts if (p in t.common and p not in t.jieba_names) or p in t.places | t.minor_places}
    assert clash == {"尼玛", "贡嘎"}
