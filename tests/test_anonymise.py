"""The anonymisation gate, rule by rule: what each rule must catch and what must pass."""

from __future__ import annotations

import re

import pytest

from macros.casebook.anonymise import RULES, check_text, find_identifiers, id_check_digit_ok, line_col


def rules_and_terms(text: str, pseudonyms=()) -> list[tuple[str, str]]:
    return [(f.rule, f.term) for f in find_identifiers(text, pseudonyms)]


CATCH = [
    # (rule, text, flagged term)
    ("CASE-ANON-PHONE", "小A妈妈的手机是13912345678。", "13912345678"),
    ("CASE-ANON-PHONE", "请拨打 139-1234-5678 联系。", "139-1234-5678"),
    ("CASE-ANON-PHONE", "电话 +86 13812345678", "+86 13812345678"),
    ("CASE-ANON-PHONE", "家里座机021-64871234。", "021-64871234"),
    ("CASE-ANON-PHONE", "办公室（021）5432 1234", "（021）5432 1234"),
    ("CASE-ANON-PHONE", "家庭电话：6487 1234", "6487 1234"),
    ("CASE-ANON-IDCARD", "身份证号310101200903121235。", "310101200903121235"),
    ("CASE-ANON-IDCARD", "证件号码11010519491231002X", "11010519491231002X"),
    ("CASE-ANON-IDCARD", "证件号码11010519491231002x", "11010519491231002x"),
    # a mistyped ID (wrong check digit) still identifies the child
    ("CASE-ANON-IDCARD", "身份证号310101200903121234（校验位不对）。", "310101200903121234"),
    ("CASE-ANON-IDCARD", "身份证 310101-2009-0312-1234", "310101-2009-0312-1234"),
    ("CASE-ANON-STUDENTID", "学籍号：G310101200903051236", "G310101200903051236"),
    ("CASE-ANON-STUDENTID", "他的学号是 20230415。", "20230415"),
    ("CASE-ANON-STUDENTID", "| 姓名 | 学号 |\n|---|---|\n| 小A | 20230415 |", "20230415"),
    ("CASE-ANON-QQ", "（ＱＱ：１２３４５６７８）", "１２３４５６７８"),
    ("CASE-ANON-QQ", "QQ号（12345678）", "12345678"),
    ("CASE-ANON-BIRTHDATE", "20110305出生", "20110305"),
    ("CASE-ANON-BIRTHDATE", "出生日期：2011.3.5", "2011.3.5"),
    ("CASE-ANON-BIRTHDATE", "出生日期：2011/03/05", "2011/03/05"),
    ("CASE-ANON-BIRTHDATE", "生日是3/5", "3/5"),
    ("CASE-ANON-ADDRESS", "家住锦绣花园，离学校不远", "锦绣花园"),
    ("CASE-ANON-ADDRESS", "康乐村12号", "康乐村12号"),
    ("CASE-ANON-ADDRESS", "阳光新村45号", "阳光新村45号"),
    ("CASE-ANON-PHONE", "家里电话02164471234", "02164471234"),
    ("CASE-ANON-SCHOOL", "考上了杨浦二中", "杨浦二中"),
    ("CASE-ANON-SCHOOL", "在浦东职业技术学校读书", "浦东职业技术学校"),
    ("CASE-ANON-SCHOOL", "他在新华中专学汽修", "新华中专"),
    ("CASE-ANON-CLASS", "预备（2）班的学生", "预备（2）班"),
    ("CASE-ANON-CLASS", "预备2班的学生", "预备2班"),
    ("CASE-ANON-EMAIL", "发到 xiaoa_mom@example.com 就行", "xiaoa_mom@example.com"),
    ("CASE-ANON-EMAIL", "邮箱12345678@qq.com", "12345678@qq.com"),
    ("CASE-ANON-QQ", "家长QQ：123456789", "123456789"),
    ("CASE-ANON-QQ", "qq号 87654321", "87654321"),
    ("CASE-ANON-WECHAT", "微信号：mom_2021abc", "mom_2021abc"),
    ("CASE-ANON-WECHAT", "加我vx: Teacher-Li88", "Teacher-Li88"),
    ("CASE-ANON-WECHAT", "对方是 wxid_abc123def", "wxid_abc123def"),
    ("CASE-ANON-BIRTHDATE", "他出生于2009年3月12日。", "2009年3月12日"),
    ("CASE-ANON-BIRTHDATE", "出生日期：2010-05-06", "2010-05-06"),
    ("CASE-ANON-BIRTHDATE", "2011年10月1日出生的孩子", "2011年10月1日"),
    ("CASE-ANON-BIRTHDATE", "她的生日是3月12日", "3月12日"),
    ("CASE-ANON-BIRTHDATE", "二〇〇九年三月十二日出生", "二〇〇九年三月十二日"),
    ("CASE-ANON-ADDRESS", "住在长寿路123号5号楼302室", "长寿路123号5号楼302室"),
    ("CASE-ANON-ADDRESS", "康乐小区12号楼301室", "康乐小区12号楼301室"),
    ("CASE-ANON-ADDRESS", "家在100弄5号601室", "100弄5号601室"),
    ("CASE-ANON-SCHOOL", "他转到了春晖中学。", "春晖中学"),
    ("CASE-ANON-SCHOOL", "就读于浦东新区明珠小学", "浦东新区明珠小学"),
    ("CASE-ANON-CLASS", "分在初二（3）班", "初二（3）班"),
    ("CASE-ANON-CLASS", "七年级3班的学生", "七年级3班"),
    ("CASE-ANON-CLASS", "高一(2)班", "高一(2)班"),
    ("CASE-ANON-CLASS", "她在七（2）班", "七（2）班"),
    ("CASE-ANON-CLASS", "少先队五（1）中队的中队长", "五（1）中队"),
    ("CASE-ANON-SCHOOL", "上海市第二中学", "上海市第二中学"),
    ("CASE-ANON-SCHOOL", "转学到了江滨二附中", "江滨二附中"),
    ("CASE-ANON-SCHOOL", "以前在柳泉镇中心校", "柳泉镇中心校"),
    ("CASE-ANON-SCHOOL", "姐姐在南溪二中读高二", "南溪二中"),
    # widened forms (issue 15): full-width and Chinese-numeral digits, spaced landlines, QQ/WeChat spellings
    ("CASE-ANON-PHONE", "手机：１３８１２３４５６７８。", "１３８１２３４５６７８"),
    ("CASE-ANON-PHONE", "号码是一三九一二三四五六七八", "一三九一二三四五六七八"),
    ("CASE-ANON-PHONE", "写着幺三八零零幺三八零零零", "幺三八零零幺三八零零零"),
    ("CASE-ANON-PHONE", "座机021 6251 8890白天没人接", "021 6251 8890"),
    ("CASE-ANON-PHONE", "号码是139\u200b1234\u200b5678，请联系", "139\u200b1234\u200b5678"),
    ("CASE-ANON-QQ", "孩子的Q号是2845123。", "2845123"),
    ("CASE-ANON-QQ", "他的扣扣55667788", "55667788"),
    ("CASE-ANON-QQ", "班级QQ群号723456123", "723456123"),
    ("CASE-ANON-WECHAT", "家长威信：xiaoyu_mama", "xiaoyu_mama"),
    ("CASE-ANON-WECHAT", "薇信haoran_dad2010", "haoran_dad2010"),
    ("CASE-ANON-EMAIL", "邮箱是zhangjia at 163 dot com。", "zhangjia at 163 dot com"),
    ("CASE-ANON-EMAIL", "请发送至ｌｉｕ＠ｅｘａｍｐｌｅ．ｃｏｍ", "ｌｉｕ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
    ("CASE-ANON-BIRTHDATE", "生日：11年12月8日。", "11年12月8日"),
    ("CASE-ANON-BIRTHDATE", "出生日期：2011.02.16", "2011.02.16"),
    ("CASE-ANON-ADDRESS", "孩子住在康乐花苑5号楼2单元301室", "康乐花苑5号楼2单元301室"),
    ("CASE-ANON-ADDRESS", "搬到了阳光家园12幢", "阳光家园12幢"),
    ("CASE-ANON-ADDRESS", "老家在张家村三组", "张家村三组"),
    ("CASE-ANON-NAME", "张伟今天没来", "张伟"),
    ("CASE-ANON-NAME", "和李娜同学一起", "李娜"),
    ("CASE-ANON-NAME", "建平中学的陈老师", "陈老师"),
    ("CASE-ANON-NAME", "班主任钱老师说", "钱老师"),
    ("CASE-ANON-NAME", "欧阳娜娜来了", "欧阳娜娜"),
    ("CASE-ANON-NAME", "王秀英最近上课总是走神", "王秀英"),
    ("CASE-ANON-NAME", "秀英说她晚上要帮妈妈看店", "秀英"),
    ("CASE-ANON-NAME", "小周说这件事他会处理", "小周"),
    ("CASE-ANON-NAME", "那天老陈特意来学校", "老陈"),
    ("CASE-ANON-NAME", "高老师和孩子谈了整整一节课", "高老师"),
    ("CASE-ANON-NAME", "白雪梅的爸爸在外地工作", "白雪梅"),
    ("CASE-ANON-NAME", "母亲李桂兰在外地打工", "李桂兰"),
    ("CASE-ANON-NAME", "王\u200b秀英说她不想住校", "王\u200b秀英"),
    ("CASE-ANON-NAME", "刘一诺说她不想去", "刘一诺"),
    # a form written as key | value rows, a form's box, a birth month
    ("CASE-ANON-STUDENTID", "| 项目 | 内容 |\n|---|---|\n| 学号 | 260312 |", "260312"),
    ("CASE-ANON-BIRTHDATE", "| 项目 | 内容 |\n|---|---|\n| 出生日期 | 2010/12/03 |", "2010/12/03"),
    ("CASE-ANON-BIRTHDATE", "表上生日一栏填的是20110315，没有分隔符。", "20110315"),
    ("CASE-ANON-BIRTHDATE", "七年级5班，2013年1月出生。", "2013年1月"),
    ("CASE-ANON-BIRTHDATE", "出生年月：2013.01", "2013.01"),
    # an estate named after its district; a school named by its stage before the class
    ("CASE-ANON-ADDRESS", "外公的房子在杨浦区控江二村，老式公房没有电梯。", "杨浦区控江二村"),
    ("CASE-ANON-SCHOOL", "公孙明远，榆岸高中高二（3）班。", "榆岸高中"),
    # vocational schools with a long name or a level word; classes by major and cohort
    ("CASE-ANON-SCHOOL", "她在上海市青浦区朱家角商贸职业学校读书。", "上海市青浦区朱家角商贸职业学校"),
    ("CASE-ANON-SCHOOL", "他是启澜中等职业学校的学生。", "启澜中等职业学校"),
    ("CASE-ANON-CLASS", "周鹏是汽修1902班的学生。", "汽修1902班"),
    ("CASE-ANON-CLASS", "她是中职一年级会计2班的团支书。", "一年级会计2班"),
    ("CASE-ANON-BIRTHDATE", "生日一栏是2012/03/15。", "2012/03/15"),
    ("CASE-ANON-BIRTHDATE", "她的出生日期填的是2013/04/02，和户口本一致。", "2013/04/02"),
    # a school's short name in brackets after it; 实验高中; a cohort, a major and the class
    ("CASE-ANON-SCHOOL", "他在青浦区芦苇港中学（芦中），住校。", "芦中"),
    ("CASE-ANON-SCHOOL", "上海市海湾卫生学校（简称海湾卫校）的学生。", "海湾卫校"),
    ("CASE-ANON-SCHOOL", "宋佳琪在长宁区虹汀实验高中读高一。", "长宁区虹汀实验高中"),
    ("CASE-ANON-CLASS", "烹饪专业23烹饪1班的学生。", "23烹饪1班"),
    # a school's short name once its full name is in the case; a school attached to a school;
    # a school named after an estate is a school, not an address
    ("CASE-ANON-SCHOOL", "他在上海市临港航运技术学校读书。后来在临港航运实习了半年。", "临港航运"),
    ("CASE-ANON-SCHOOL", "她在徐汇区南塘一中附属学校读六年级。", "徐汇区南塘一中附属学校"),
    ("CASE-ANON-SCHOOL", "他在闵行区梅陇新村小学读书。", "闵行区梅陇新村小学"),
    # a date in a line of a child's facts, or in brackets after a name
    ("CASE-ANON-BIRTHDATE", "某某，男，20111203，七年级学生。", "20111203"),
    ("CASE-ANON-BIRTHDATE", "学生姜浩（2011/12/03）转学过来。", "2011/12/03"),
    # a three-character name whose given name is less typical, before 的
    ("CASE-ANON-NAME", "俞子航的作业本丢了。", "俞子航"),
    # round 8: a very typical given name before anything; 全名 before a name; a pet name opening a
    # clause; 小 and a typical given-name character; a QQ number in brackets after “QQ上”; the
    # 高中 a pupil sits the exam for
    ("CASE-ANON-NAME", "课间我走到邵沐晴身边，她正低头画画。", "邵沐晴"),
    ("CASE-ANON-NAME", "大家叫她小琳，全名费琳琪。", "费琳琪"),
    ("CASE-ANON-NAME", "糖糖今天又忘了带作业。", "糖糖"),
    ("CASE-ANON-NAME", "“小磊，过来一下。”", "小磊"),
    ("CASE-ANON-QQ", "孩子爸爸在QQ上（83920175）留了言。", "83920175"),
    ("CASE-ANON-SCHOOL", "他最怕的是考不上枫溪高中。", "枫溪高中"),
    # round 9: names in Latin letters (listed, introduced, or bracketed with a Chinese name);
    # 一X given names; a role after a verb of thinking; the day one turns an age; a date among a
    # pupil's numbers; a room number after 号; a road whose name has 和
    ("CASE-ANON-NAME", "国际部的Oliver这周没来上课。", "Oliver"),
    ("CASE-ANON-NAME", "他的英文名叫Zed，同学都这么叫。", "Zed"),
    ("CASE-ANON-NAME", "何佳怡（Yumi）是这学期转来的。", "Yumi"),
    ("CASE-ANON-NAME", "我发现韦一舟总在角落里。", "韦一舟"),
    ("CASE-ANON-NAME", "他觉得左老师偏心。", "左老师"),
    ("CASE-ANON-BIRTHDATE", "下周2011年9月3日她就满十五岁了。", "2011年9月3日"),
    ("CASE-ANON-BIRTHDATE", "某某，2011-09-03，学籍号待补。", "2011-09-03"),
    ("CASE-ANON-ADDRESS", "家住长和路88弄5号1203。", "长和路88弄5号1203"),
    # round 10: a role before a weak surname with a role; a very typical given-name character
    # after a parent, before a character no name has
    ("CASE-ANON-NAME", "我们请宿管车阿姨多留意她。", "车阿姨"),
    ("CASE-ANON-NAME", "他跟着爸爸徐磊搬回了老家。", "徐磊"),
    # round 11: 是 follows people; a district, then a school's own name before 学校
    ("CASE-ANON-NAME", "蒋子航是初一的学生。", "蒋子航"),
    ("CASE-ANON-SCHOOL", "今年九月她进了奉贤区柳湾学校。", "奉贤区柳湾学校"),
    # round 12: 小 + a character as a given name; trade schools and their short names; letters
    # before a student number; a WeChat ID in brackets a few words after 微信
    ("CASE-ANON-NAME", "葛小南是跟着外婆长大的。", "葛小南"),
    ("CASE-ANON-SCHOOL", "他在浦江商贸学校读二年级。", "浦江商贸学校"),
    ("CASE-ANON-SCHOOL", "她来枫林交校一年了。", "枫林交校"),
    ("CASE-ANON-STUDENTID", "学号：QX20230417。", "QX20230417"),
    ("CASE-ANON-WECHAT", "她在微信上联系我（ye_xiaonan）。", "ye_xiaonan"),
    # round 13: names joined by the middle dot, and their parts alone once the case has them
    ("CASE-ANON-NAME", "班上的迪丽拉·艾合买提说她想家。", "迪丽拉·艾合买提"),
    ("CASE-ANON-NAME", "新来的学生热娜·吐尔逊很安静，后来热娜当了组长。", "热娜"),
    # round 14: a month of birth after 出生于 and before 生; a date between a name and a class
    ("CASE-ANON-BIRTHDATE", "她出生于2012年3月，是班里最小的。", "2012年3月"),
    ("CASE-ANON-BIRTHDATE", "小A，女，2013年2月生，去年转来。", "2013年2月"),
    ("CASE-ANON-BIRTHDATE", "名单：某某，2011.05.09，初一3班。", "2011.05.09"),
    # round 15: a lunar birthday; a date between a name and a school
    ("CASE-ANON-BIRTHDATE", "小A说自己是腊月初八生的。", "腊月初八"),
    ("CASE-ANON-BIRTHDATE", "她的生日是正月十五。", "正月十五"),
    ("CASE-ANON-BIRTHDATE", "某某，2014/03/07，某某小学五年级学生。", "2014/03/07"),
    # round 16: a QQ number read out in groups, a two-digit year of birth, a road with its town
    ("CASE-ANON-QQ", "他的QQ号915 330 271也留了。", "915 330 271"),
    ("CASE-ANON-BIRTHDATE", "某某，17年3月出生，三（4）中队。", "17年3月"),
    ("CASE-ANON-ADDRESS", "妈妈在奉贤区南桥镇江海路一家超市上班。", "奉贤区南桥镇江海路"),
    ("CASE-ANON-ADDRESS", "家住浦东新区书院镇丽正路云栖苑。", "浦东新区书院镇丽正路云栖苑"),
    # round 17: a road with its district only; schools shortened to a numeral and 中; a district,
    # a name and 国际 before 实验学校; a long trade in a vocational class
    ("CASE-ANON-ADDRESS", "爸爸在徐汇区龙华西路附近开了店。", "徐汇区龙华西路"),
    ("CASE-ANON-ADDRESS", "家在杨浦区国和路政本小区。", "杨浦区国和路政本小区"),
    ("CASE-ANON-SCHOOL", "大家习惯叫“翔二中”。", "翔二中"),
    ("CASE-ANON-SCHOOL", "插班进了闵行区华樱国际实验学校。", "闵行区华樱国际实验学校"),
    ("CASE-ANON-CLASS", "他是23级汽车运用与维修3班的学生。", "23级汽车运用与维修3班"),
    ("CASE-ANON-SCHOOL", "她在奉贤区沐雨路小学读三年级。", "奉贤区沐雨路小学"),
    # round 18: a village or an estate of a town; a lunar month of birth with its year; a lettered class
    ("CASE-ANON-ADDRESS", "家住崇明区陈家镇裕安村三队。", "崇明区陈家镇裕安村三队"),
    ("CASE-ANON-ADDRESS", "家住宝山区大场镇丹桂苑。", "宝山区大场镇丹桂苑"),
    ("CASE-ANON-BIRTHDATE", "某某，男，2010年农历六月出生。", "2010年农历六月"),
    ("CASE-ANON-CLASS", "他在六年级B班。", "六年级B班"),
    ("CASE-ANON-BIRTHDATE", "某某，维吾尔族，2015年出生，今年转来。", "2015年"),
    # round 21: a WeChat ID before 微信, a QQ number a few words after QQ, a year and a holiday,
    # a year and a month in Chinese numerals after 出生日期, a school after an estate
    ("CASE-ANON-WECHAT", "同时我在wenkexin_mama这个微信上发了消息。", "wenkexin_mama"),
    ("CASE-ANON-QQ", "班级QQ群里她的号是1053387612。", "1053387612"),
    ("CASE-ANON-BIRTHDATE", "小A是2013年元旦出生的。", "2013年元旦"),
    ("CASE-ANON-BIRTHDATE", "出生日期：二〇一一年七月。", "二〇一一年七月"),
    ("CASE-ANON-SCHOOL", "从静安区彭浦新村第二小学毕业。", "静安区彭浦新村第二小学"),
    # round 22: a day of the year before 生, a year and a season before 出生
    ("CASE-ANON-BIRTHDATE", "某某，3月15日生，今年转来。", "3月15日"),
    ("CASE-ANON-BIRTHDATE", "某某，2008年秋天出生，属鼠。", "2008年秋天"),
    # round 23: a numbered school before a class of the sixth to ninth year or 预备
    ("CASE-ANON-SCHOOL", "他在黄浦区方浜二中六（5）班。", "黄浦区方浜二中"),
    # round 24: a date of birth before a class written as grade and number; a birthday found once
    # is the same day again without its year; a number beside a class in a table without header;
    # the school card's number; a mobile prefix in brackets
    ("CASE-ANON-BIRTHDATE", "某某，2011.04.18，六（1）班，跟爸爸生活。", "2011.04.18"),
    ("CASE-ANON-BIRTHDATE", "某某，2013年11月7日生。11月7日那天她没说话。", "11月7日"),
    ("CASE-ANON-STUDENTID", "| 20230415 | 某某 | 初一（5）班 | 家访已完成 |", "20230415"),
    ("CASE-ANON-STUDENTID", "校园卡号2021036118挂失后由导师补办。", "2021036118"),
    ("CASE-ANON-PHONE", "妈妈电话：（139）1621-7743。", "（139）1621-7743"),
    # round 25: a local number before what it is; a two-digit year after 生日在; an international
    # division's class; no school in a stage of schooling or after 一次
    ("CASE-ANON-PHONE", "13816205947（妈妈），5832 6671（家里座机）。", "5832 6671"),
    ("CASE-ANON-BIRTHDATE", "某某的生日在０９年６月，比同学都小。", "０９年６月"),
    ("CASE-ANON-CLASS", "他在国际部读G8B班。", "G8B班"),
    # round 27: a year and month in Chinese numerals before 出生; an estate's name in quotes
    ("CASE-ANON-BIRTHDATE", "某某是二〇一二年六月出生的。", "二〇一二年六月"),
    ("CASE-ANON-ADDRESS", "搬到了华志路“紫荆苑”18号楼。", "紫荆苑”18号楼"),
    # round 28: a QQ group's number some words after the group; a date after the day named
    ("CASE-ANON-QQ", "在没有老师的QQ群里给他起了外号，群号是839204716。", "839204716"),
    ("CASE-ANON-BIRTHDATE", "某某出生在谷雨那天，2012年4月19日。", "2012年4月19日"),
    # round 29: an adverb before 是, the calendar before the day
    ("CASE-ANON-BIRTHDATE", "更巧的是，她的生日就是农历八月十五。", "农历八月十五"),
    # round 30: a birthday in brackets after 生日; a boarding class for pupils from Tibet
    ("CASE-ANON-BIRTHDATE", "某某生日（11/02）那天分了蛋糕。", "11/02"),
    ("CASE-ANON-CLASS", "她在某某中学高一西藏班（2）班读书。", "高一西藏班（2）班"),
    # round 31: a district and town where a family lives; an account number in a text about QQ;
    # a WeChat ID some words after 微信; a birthday after the day named
    ("CASE-ANON-ADDRESS", "他家住在奉贤区庄行镇，首班公交赶不上。", "奉贤区庄行镇"),
    ("CASE-ANON-QQ", "QQ群是同学们自己建的。某某的账号（2876415903）发了一条消息。", "2876415903"),
    ("CASE-ANON-WECHAT", "后来我们加了微信，他的号是rgq_father88。", "rgq_father88"),
    ("CASE-ANON-BIRTHDATE", "某某说她过生日那天，4月18日，没有人记得。", "4月18日"),
    # round 32: 和 inside a school's name that opens with its district
    ("CASE-ANON-SCHOOL", "他今年转到静安区和风中学初二（3）班。", "静安区和风中学"),
    # round 34: a month of birth in a form's box; a family's town where it works; trades of
    # vocational schools; a school before a cohort class; the city before a generic word
    ("CASE-ANON-BIRTHDATE", "报名表上，某某的出生日期写的是2011年12月。", "2011年12月"),
    ("CASE-ANON-ADDRESS", "父母在闵行区浦江镇开一家小饭馆。", "闵行区浦江镇"),
    ("CASE-ANON-ADDRESS", "五月，他在嘉定区安亭镇一家汽修厂实习。", "嘉定区安亭镇"),
    ("CASE-ANON-SCHOOL", "我陪一家三口去了南汇青禾艺术设计学校的开放日。", "南汇青禾艺术设计学校"),
    ("CASE-ANON-SCHOOL", "中职生某某在沪西建工学校2405班学建筑装饰。", "沪西建工学校"),
    ("CASE-ANON-SCHOOL", "某某，上海市临江民族中学高二（9）班学生。", "上海市临江民族中学"),
    # round 38: a school's numbered short name after an estate or a road, or before a grade or
    # 学生; a QQ space named by its number
    ("CASE-ANON-SCHOOL", "某某是静安区彭浦新村二中八（2）班的学生。", "静安区彭浦新村二中"),
    ("CASE-ANON-SCHOOL", "某某是黄浦区蓬莱路三小五（1）班的学生。", "黄浦区蓬莱路三小"),
    ("CASE-ANON-SCHOOL", "某某，浦东新区芦潮港二中学生。", "浦东新区芦潮港二中"),
    ("CASE-ANON-QQ", "他的QQ空间2290417735里画了很多漫画。", "2290417735"),
    # round 53: a campus, a numbered school after a town, a vocational school before its cohort,
    # a trade's class after its school; a letter inside a student number; birthdays after 都是, a
    # quote, or as a month alone
    ("CASE-ANON-SCHOOL", "某某，浦东新区三林东校初一（8）班。", "浦东新区三林东校"),
    ("CASE-ANON-SCHOOL", "先带孩子去对口的徐泾三中看一看。", "徐泾三中"),
    ("CASE-ANON-SCHOOL", "某某是瀛岚中职24级中餐烹饪2班的学生。", "瀛岚中职"),
    ("CASE-ANON-SCHOOL", "某某是申港机电24级数控2班的学生。", "申港机电"),
    ("CASE-ANON-CLASS", "某某，金山区滨湾职业技术学校烹饪2班学生。", "烹饪2班"),
    ("CASE-ANON-STUDENTID", "某某班长，学号23E0211。", "23E0211"),
    ("CASE-ANON-BIRTHDATE", "两人的生日都是6月18日，每年只过一个蛋糕。", "6月18日"),
    ("CASE-ANON-BIRTHDATE", "她写的是自己的生日：“2016年11月8日，我十岁了。”", "2016年11月8日"),
    ("CASE-ANON-BIRTHDATE", "某某，高三学生，生日在3月，还没满十八岁。", "3月"),
    # round 54: an ID number grouped any way; a hamlet of a village named after a family
    ("CASE-ANON-IDCARD", "身份证号码3102 3020 0807 0743 25的学生申请了助学金。", "3102 3020 0807 0743 25"),
    ("CASE-ANON-IDCARD", "身份证：310104 200909 234811，监护人签字。", "310104 200909 234811"),
    ("CASE-ANON-ADDRESS", "| 家庭住址 | 金山区枫泾镇新义村岑家宅12号 |", "金山区枫泾镇新义村岑家宅12号"),
    # round 56: a QQ number in brackets after whose it is; a year of birth alone
    ("CASE-ANON-QQ", "他还加了我的QQ（他的是3058712264），说每周日发给我。", "3058712264"),
    ("CASE-ANON-BIRTHDATE", "某某，初一新生，出生于2013年。", "2013年"),
    # round 57: one school's class for pupils from Tibet or Xinjiang (not the programme: 新疆内高班)
    ("CASE-ANON-SCHOOL", "某某是藏族学生，在上海市青浦区思源内职班读高二。", "上海市青浦区思源内职班"),
    # round 58: a town's primary school, shortened
    ("CASE-ANON-SCHOOL", "某某在嘉定区翔苑镇小四（1）班。", "嘉定区翔苑镇小"),
    # round 59: a month of birth written with a dot, before 生
    ("CASE-ANON-BIRTHDATE", "某某，2014.08生，小学在本区读书。", "2014.08"),
    # round 60: a date between commas before a medical form's height
    ("CASE-ANON-BIRTHDATE", "体检表上写着：某某，2012-04-07，身高152厘米。", "2012-04-07"),
    # round 62: a town, then the school's own name before 学校
    ("CASE-ANON-SCHOOL", "他在泗泾镇棠溪学校四年级2班读书。", "泗泾镇棠溪学校"),
    # round 63: a vocational school's trade shortened to one character and 校
    ("CASE-ANON-SCHOOL", "某某回到上海市沪澜汽车技术学校。后来在沪澜汽校讲了这件事。", "沪澜汽校"),
    # round 64: a year and a season of birth
    ("CASE-ANON-BIRTHDATE", "某某出生于2015年冬天，比同班同学小。", "2015年冬天"),
    # round 65: a vocational education centre
    ("CASE-ANON-SCHOOL", "某某在松江云栖职教中心读汽修。", "松江云栖职教中心"),
    # round 68: a year and a lunar birthday; a primary school's own name and 小
    ("CASE-ANON-BIRTHDATE", "某某生日是2010年腊月初八。", "2010年腊月初八"),
    # round 69: a date between commas before a class of the young pioneers (中队)
    ("CASE-ANON-BIRTHDATE", "某某，2011-10-03，六（1）中队。", "2011-10-03"),
    # round 71: a QQ number in groups ending in two digits; a year and month of birth in Chinese
    # numerals right after 生日; a town of one character; a school's own name alone once named in full
    ("CASE-ANON-QQ", "某某的QQ是1586 3372 90。", "1586 3372 90"),
    # round 76: a date between commas before where the pupil studies or the pupil's age
    ("CASE-ANON-BIRTHDATE", "某某，2013.05.08，就读于青浦区某小学。", "2013.05.08"),
    ("CASE-ANON-BIRTHDATE", "某某，2014-11-26，今年十一岁。", "2014-11-26"),
    ("CASE-ANON-BIRTHDATE", "某某生日二〇一二年五月，今年上预备。", "二〇一二年五月"),
    ("CASE-ANON-ADDRESS", "某某家住崇明区堡镇，每周回家。", "崇明区堡镇"),
    ("CASE-ANON-SCHOOL", "某某是杨浦区槐荫中学的学生。槐荫篮球队的教练说他很拼。", "槐荫"),
    ("CASE-ANON-SCHOOL", "某某在静安区杉屿小学读书，后来转进杉屿小以后很开心。", "杉屿小"),
    # round 53: the short names a case makes of a school it named in full
    ("CASE-ANON-SCHOOL", "某某是静安区芷江西苑初级中学九（3）班的学生，在芷江西苑的年级排名掉到了第四十一。", "芷江西苑"),
    ("CASE-ANON-SCHOOL", "某某在上海市鹿鸣中学读书，说这是“鹿中篮球队的规矩”。", "鹿中"),
    ("CASE-ANON-SCHOOL", "某某从沪岚交通技工学校毕业。回到沪岚交技，他讲了这件事。", "沪岚交技"),
    # round 158: a school's own name of two characters opening a line before 高中的 (汐澜高中的米乐…)
    ("CASE-ANON-SCHOOL", "汐澜高中的米乐报名参加了机器人比赛。", "汐澜高中"),
    # round 157: a town after 到, before 某 and the works (到嘉定区马陆镇某工业园区的一家…)
    ("CASE-ANON-ADDRESS", "十一月，他到嘉定区马陆镇某工业园区的一家汽修厂实习。", "嘉定区马陆镇"),
    # round 156: a town after 搬家到; a day of birth named, then 也就是 and the date
    ("CASE-ANON-ADDRESS", "杭一凡搬家到了嘉定区南翔镇，每天坐地铁要一个多小时。", "嘉定区南翔镇"),
    ("CASE-ANON-BIRTHDATE", "谷雨出生在谷雨那天，也就是2012年4月19日，所以爸爸给她取了这个名字。", "2012年4月19日"),
    # round 153: a QQ number typed digit by digit
    ("CASE-ANON-QQ", "一诺的QQ号1 0 3 8 8 2 7 6 5，她说是她哥哥帮她注册的。", "1 0 3 8 8 2 7 6 5"),
    # round 151: a school's name without its town, shortened by its trade (南翔申岚工业学校 … 申岚工校)
    ("CASE-ANON-SCHOOL", "他是嘉定区南翔申岚工业学校的学生。申岚工校今年也把这家厂列为实习点。", "申岚工校"),
    # round 149: a road named with a Shanghai district, then a school named after it (外国语学校, five
    # characters of its own), after a verb that is no part of the district (转入)
    ("CASE-ANON-SCHOOL", "他转入长宁区虹桥路澄溪外国语学校七（2）班。", "长宁区虹桥路澄溪外国语学校"),
    ("CASE-ANON-ADDRESS", "他们转入长宁区虹桥路的一家诊所。", "长宁区虹桥路"),
    # round 148: a row of a name list, padded with full-width spaces: the name, the date, then the class
    ("CASE-ANON-BIRTHDATE", "欧阳若曦　2011/03/05　初二（4）班", "2011/03/05"),
    # round 141: a cell holding a value with 学籍号 in it heads no column (the ID number below stays an ID number)
    (
        "CASE-ANON-IDCARD",
        "| 家访记录 | 内容 |\n| --- | --- |\n| 学生 | 侯俊，学籍号G310116201206150418 |\n| 身份证号 | 310116201206150419 |",
        "310116201206150419",
    ),
    # round 141: a pupil's date between commas right after the class (…预备（5）班，2013/11/06。)
    ("CASE-ANON-BIRTHDATE", "柯天佑，徐汇区梧桐坊第三中学预备（5）班，2013/11/06。", "2013/11/06"),
    # round 138 (guard): a school's own name read as a person only inside the full name stays a school
    (
        "CASE-ANON-SCHOOL",
        "唐一帆是虹口区澄溪初级中学初二（6）班的学生。学期末，唐一帆报名参加了澄溪初中的朗诵比赛。",
        "澄溪初中",
    ),
    # round 137: the school one means to apply for (想报, 填报)
    ("CASE-ANON-SCHOOL", "他想报苇岸科创高中，那里的社团很有名。", "苇岸科创高中"),
    # round 135: a school's own name of two characters alone after a verb of place, once the case names it in full
    ("CASE-ANON-SCHOOL", "浩宇是长宁区梧屿中学的学生。他已经不用来梧屿二楼的办公室了。", "梧屿"),
    # round 133: a 实验学校 named short, two characters typical of names and 实验 (青枫实验的食堂)
    ("CASE-ANON-SCHOOL", "段妈妈说，青枫实验的食堂比原来小学的好吃多了。", "青枫实验"),
    # round 130: 原 inside a school's name (荻原中学), after a district and a town too
    ("CASE-ANON-SCHOOL", "买买提来自喀什，是奉贤区海湾荻原中学新疆班的学生。", "奉贤区海湾荻原中学"),
    # round 125: a class found with its cohort (24级数控1班) is that class without it elsewhere (a table's cell)
    ("CASE-ANON-CLASS", "某某是24级数控1班的学生。\n\n| 某某 | 数控1班 |", "数控1班"),
    # round 123: after 身份证 an 18-character number whose date of birth is mistyped (day 00) is still an ID
    ("CASE-ANON-IDCARD", "某某的身份证：31010920110300022X", "31010920110300022X"),
    # round 120: a district's town one moves from, is registered in, or works in before 某 (an unnamed park)
    ("CASE-ANON-ADDRESS", "九月底她家从普陀区长征镇搬到了嘉定区。", "普陀区长征镇"),
    ("CASE-ANON-ADDRESS", "档案显示，他的户籍在青浦区赵巷镇。", "青浦区赵巷镇"),
    ("CASE-ANON-ADDRESS", "三月起，他在松江区车墩镇某工业园的一家零件厂实习。", "松江区车墩镇"),
    # round 119: a class of the inland Tibetan classes' preparatory year (预科)
    ("CASE-ANON-CLASS", "某某去年考入西藏班，在预科（2）班。", "预科（2）班"),
    # round 117: 汽修 is a trade a school is named after
    ("CASE-ANON-SCHOOL", "某某在浦澜汽修学校读24级汽修3班。", "浦澜汽修学校"),
    # round 115: a number in a table's 联系方式 column that is no mobile is a QQ number (the mobile stays a phone)
    (
        "CASE-ANON-QQ",
        "| 姓名 | 关系 | 联系方式 |\n| --- | --- | --- |\n| 某某 | 本人 | 1739284065 |\n| 某某 | 父亲 | 13671930582 |",
        "1739284065",
    ),
    (
        "CASE-ANON-PHONE",
        "| 姓名 | 关系 | 联系方式 |\n| --- | --- | --- |\n| 某某 | 本人 | 1739284065 |\n| 某某 | 父亲 | 13671930582 |",
        "13671930582",
    ),
    # round 114: a place and two characters of a name's own before 双语学校; a QQ number after a name's 的是
    ("CASE-ANON-SCHOOL", "某某在虹桥枫丹双语学校读七年级。", "虹桥枫丹双语学校"),
    ("CASE-ANON-QQ", "两个人加了QQ（一鸣的是1572038964），一起做作业。", "1572038964"),
    # round 113: two characters of a name of its own before 民族; a district's town where one goes to
    # work; an inland Tibetan class written with 藏 alone
    ("CASE-ANON-SCHOOL", "某某在澜汀民族中学读高一，想考医学院。", "澜汀民族中学"),
    ("CASE-ANON-ADDRESS", "十月他到嘉定区安亭镇的一家零件厂实习。", "嘉定区安亭镇"),
    ("CASE-ANON-CLASS", "某某在苇岸中学西藏班初二（藏2班）读书。", "初二（藏2班"),
    # round 111: a vocational school's short name, the trade's first character and 职
    ("CASE-ANON-SCHOOL", "某某说他在申澜交职最喜欢的是发动机拆装课。", "申澜交职"),
    # round 110: a school's Xinjiang department, wherever it stands
    ("CASE-ANON-SCHOOL", "后来枫华新疆部把分享会固定成每学期一次。", "枫华新疆部"),
    # round 109: a name of its own and a trade, where one studies
    ("CASE-ANON-SCHOOL", "某某去年初中毕业，现在在浦枫机电读汽修。", "浦枫机电"),
    # round 108: a QQ number a few words into the bracket after QQ, after 她的是
    ("CASE-ANON-QQ", "某某妈妈加了我的QQ（我的号码发给了她，她的是3018472956）。", "3018472956"),
    # round 107: a numbered school's short name, the name's first two characters, the number, the kind
    ("CASE-ANON-SCHOOL", "某某在静安区共和新路第三中学读书，同学们叫它“共和三中”。", "共和三中"),
    # round 106: 高中 or 初中 for a named 高级中学 or 初级中学; a Shanghai place, or a district and a name,
    # before the inland Tibetan or Xinjiang class
    ("CASE-ANON-SCHOOL", "某某想考星岚高级中学。最后把星岚高中放在第一志愿。", "星岚高中"),
    ("CASE-ANON-SCHOOL", "某某来自江湾西藏班，是团支书。", "江湾西藏班"),
    ("CASE-ANON-SCHOOL", "某某在长宁区新泾西藏班读书。", "长宁区新泾西藏班"),
    # round 105: a technician college (技师学院) and its short name (技院)
    ("CASE-ANON-SCHOOL", "某某在苇塘机电技师学院实习。", "苇塘机电技师学院"),
    ("CASE-ANON-SCHOOL", "某某后来考进了苇塘技院。", "苇塘技院"),
    # round 102: a school named with its road's 街道 (the road is no address then); a 街道 alone
    # after its district is an address; a birthday in the column a table's header names
    ("CASE-ANON-SCHOOL", "某某是长宁区天山路街道蓝桉初级中学的学生。", "长宁区天山路街道蓝桉初级中学"),
    ("CASE-ANON-SCHOOL", "某某在杨浦区殷行街道芷汀初级中学读初一。", "杨浦区殷行街道芷汀初级中学"),
    ("CASE-ANON-ADDRESS", "请家长到普陀区长征镇街道居委会开证明。", "普陀区长征镇街道"),
    ("CASE-ANON-BIRTHDATE", "| 姓名 | 出生日期 |\n| --- | --- |\n| 某某 | 2012-03-15 |", "2012-03-15"),
    # round 100: a WeChat ID after 叫; QQ numbers, WeChat IDs and student numbers in the column a
    # table's header names, the number in the row below (grouped 3-3-3 as read out)
    ("CASE-ANON-WECHAT", "某某妈妈的微信号叫lanxi_0917，让我有空看看。", "lanxi_0917"),
    ("CASE-ANON-QQ", "| 姓名 | 班级 | 家长QQ |\n| --- | --- | --- |\n| 某某 | 四（6）中队 | 625 118 903 |", "625 118 903"),
    ("CASE-ANON-WECHAT", "| 姓名 | 家长微信 |\n| --- | --- |\n| 某某 | qiaomu_77 |", "qiaomu_77"),
    ("CASE-ANON-STUDENTID", "| 姓名 | 学号 |\n| --- | --- |\n| 某某 | 20230415 |", "20230415"),
    # round 93: the Tibetan class's number inside the brackets
    ("CASE-ANON-CLASS", "某某是青枫中学高一（西藏3班）的学生。", "高一（西藏3班"),
    # round 92: a named 初中 after 去
    ("CASE-ANON-SCHOOL", "某某每天早上六点就要出门去榆汀初中，先坐公交。", "榆汀初中"),
    # round 89: a year in Chinese numerals and a lunar month before 生
    ("CASE-ANON-BIRTHDATE", "某某是二〇一二年腊月生的，家里人都叫他“腊生”。", "二〇一二年腊月"),
    # round 88: a month and day in Chinese numerals before 出生, as the Arabic ones (9月17日出生)
    ("CASE-ANON-BIRTHDATE", "班里给小A过了生日，她是五月十六日出生的。", "五月十六日"),
    # round 85: a WeChat ID and a month of birth in the next cell of a table
    ("CASE-ANON-WECHAT", "| 联系微信 | maizhiyuan_88 |", "maizhiyuan_88"),
    ("CASE-ANON-BIRTHDATE", "| 出生 | 2017年2月 |", "2017年2月"),
    # round 84: a birthday with Arabic year and Chinese month and day; 在选择高中的时候 names no school
    ("CASE-ANON-BIRTHDATE", "某某，2010年六月十二日出生。", "2010年六月十二日"),
    # round 82: a QQ number in the next cell of a table
    ("CASE-ANON-QQ", "| 家长QQ | 1372645098 |", "1372645098"),
    # round 81: a school's own name of four characters before a generic word (民族中学)
    ("CASE-ANON-SCHOOL", "某某在滨江木棉民族中学的新疆班读书。", "滨江木棉民族中学"),
    # round 79: QQ digits grouped 1-4-4; a major, the cohort and the class; a school's name opening the line before 的
    ("CASE-ANON-QQ", "心怡的QQ是9 3712 4086，她说只跟同学聊天用。", "9 3712 4086"),
    ("CASE-ANON-CLASS", "某某在职校读汽修24-1班。", "24-1班"),
    ("CASE-ANON-CLASS", "某某在职校读汽修24级1班。", "24级1班"),
    ("CASE-ANON-SCHOOL", "香樟湾高中的某某这次一模进了年级前三十。", "香樟湾高中"),
    # round 78: the school one graduated from (a short 初中 name after 毕业于)
    ("CASE-ANON-SCHOOL", "某某初中毕业于芦汀初中，现在读高一。", "芦汀初中"),
]


@pytest.mark.parametrize("rule,text,term", CATCH, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(CATCH)])
def test_rule_catches(rule: str, text: str, term: str) -> None:
    assert (rule, term) in rules_and_terms(text)


def test_a_towns_school_leaves_the_lake_it_is_named_after() -> None:
    # round 151 (guard): the short forms without the town keep a kind word (临港滴水湖中学 … 滴水湖边 is the lake)
    found = rules_and_terms("他进入浦东新区临港滴水湖中学读书。周末，爸爸带她去了滴水湖边的博物馆。")
    assert ("CASE-ANON-SCHOOL", "浦东新区临港滴水湖中学") in found
    assert ("CASE-ANON-SCHOOL", "滴水湖") not in found


PASS = [
    "某某在选择高中的时候犹豫了很久。",  # round 84: a word before 高中 and 的时候 is a stage of school
    "问她住在哪个小区，她不肯说。",  # round 85: a question is no estate
    "小学升初中的那个暑假，很多孩子是在焦虑里度过的。",  # round 86: a stage, then another, before 的
    "学生丙选高中的时候犹豫了很久。她想考美术中专。",  # round 91: a verb before 高中; a kind of school
    "初三的孩子开始考虑升学，不少家长来问职校和高中怎么选。",  # round 92: one character before 职校
    "有的家长觉得职校没前途，其实很多孩子在那里找到了自己擅长的事。",  # round 105: what one thinks
    "学校组织西藏班的学生去看升旗。本校高一西藏班的学生来自内地西藏班的不同学校。",  # round 106: no named school
    "学校新疆部的老师都来了，本校新疆部有四个班。",  # round 110: a department of no named school
    "全市中小学和各学校都要落实全员导师制。",
    "某中学的导师团每月研讨一次。",
    "这所小学在小学阶段重视家访。",
    "考入中学后，他很快适应了。",
    "孩子小学时参加过美术社团。",
    "导师与学生谈心谈话，撰写成长寄语，开展双向选择。",
    "数学老师和语文老师商量作业量。",
    "2021年11月16日召开推进研讨会，3月12日开展家访。",
    "依据沪教委德〔2023〕25号五（三）1。",
    "每位导师指导学生数原则上不超过15名。",
    "初二年级的学生和某班的家长。",
    "订单号 20231116123456789012",
    "在实践中学会了倾听，从游戏中学到了规则。",
    "搬到新小区后，他住在学校附近的公寓。",
    "学号尾数为单数的同学先去体检。",
    "家长微信群里的消息",
    "某路某号的一户人家",
    "结果以名单形式张贴。",
    "学生甲、小A和学生乙的导师",
    # traps named in issue 15
    "美术课上，孩子们画了一只大熊猫。",
    "黎明时分，学校组织学生观看升旗。",
    "王某是这次事件中的另一方学生，李某某的班主任也来了。",
    "语文课上，我们学习了李白的《静夜思》，也读了鲁迅的文章。",
    "袁隆平爷爷的故事激励了很多学生。",
    "卫生日当天，全校进行了大扫除。4月7日是世界卫生日。",
    "小A高兴地把奖状拿给导师看，白天他在学校表现很好。",
    "班主任在学生中很有威信。",
    "班级QQ群里讨论了春游的事。",
    "第3单元的课程讲的是情绪管理。",
    "乡镇中心校的师资相对薄弱，这所附中的生源来自全区。",
    "和老师商量以后，他决定参加比赛。",
    "2024.03.15召开了导师工作会议。",
    "周一到周五都有课，高一新生周一早上升旗。",
    "他是2013年1月来的，读完初中就去打工了。",
    # a month before 生活 or 生病 is no birth month; a recent date before a class is a meeting's
    "2024年9月生病住院了一周，10月生活才恢复正常。",
    "通知：2025.10.12，初二年级开家长会。",
    "腊月初八那天全家喝腊八粥，初一生物课讲了种子。",
    "QQ号要在9月前登记，奉贤区南桥镇上的路很宽。",
    "浦东新区有很多路，附近也有国际学校。",
    "2015年出生的孩子今年十一岁，家长会（2025.10.12）开得很顺利。",
    "三年高中生活很快，考进理想高中是他的目标；他的初中同学都在本区。",
    "从外区小学升上来的孩子，全区小区物业都在整改。",
    "中等职业学校和本区职业学校的学生都要实训，全年级2001人。",
    "各行业中等职业学校；外出活动中学生走散，事后怎么谈？一共12人，23个班级。",
    # 中 + 专门, a pronoun and a verb before 小学, 想当 + 幼儿园老师; a meeting's recent date in brackets
    "会议中专门讲了这件事。他说小学时最怕数学。她想当幼儿园老师。",
    "家长会（2025.10.12）开得很顺利。",
    # a doubled verb or adverb opening a clause; a kind of school after 报考
    "画画是她最喜欢的事。泛泛而谈没有用。天天都有人迟到。",
    "她想报考艺术类高中，也考虑过普通高中。",
    # Latin words that are tools and products; a Chinese word in brackets after one; English
    # phrases; 周一 and 高一; walking ten minutes; a county-town school
    "用Word（文档）写教案，再用Markdown排版；这个工具叫Pagefind。Grace Hopper说过一句话。",
    "周一早上升旗，高一学生参加。从家走路十分钟，放学顺路一起走。她原来在外省一所县城中学读书。",
    # 和 and 说 before a kin word are no surname; a question after 外号; 也不像小学; a district's
    # stage of school
    "妈妈说爷爷看了一直笑。她和爷爷一起做灯，也和同学一起玩。",
    "有家长问，孩子被同学起外号怎么办。上了初中，老师也不像小学那样盯着。全区初中阶段学校都要落实。",
    # 小时候 after a surname character; a sports school
    "王小时候很调皮。他每周去体校训练。",
    # words joined by the middle dot are a path, not a name; 叫他“怪人” names a kind of person;
    # 找到了新家 is a home
    "在“组织架构·领导小组·组长”一栏填写。有同学叫他“怪人”。它肯定找到了新家。我们读了《哈利·波特》。",
    # round 25: a stage of anyone's schooling, a visit to a vocational school, 古尔邦节
    "怎样利用小学阶段的关系？他说了自己小学时养的仓鼠。我们参观了一次职校开放日，过了古尔邦节。",
    # round 26: a count of people or a relative before a stage of schooling
    "这个班有十二个人小学时当过班长。姐姐中专毕业在超市当收银员。",
    # round 30: a school counted, not named
    "他今年九月从一所区实验小学升上来。",
    # round 31: an adverb before 小学 (还用小学的节奏)
    "孩子还用小学的节奏面对初中的作业量。",
    # round 32: 比 and 只 inside a would-be school name; 和 after a pronoun
    "预备年级作业比小学多。这份表只交校医室。我和风中学的老师聊过。",
    # round 34: a district alone where someone works; a city's generic school
    "学校在闵行区的东边，妈妈在闵行区上班。上海市民族中学有很多学生。",
    # round 36: a kind of place before 学校; a thing counted before 小学时
    "筹到的钱捐给了山区学校。让每个孩子带一件小学时的物品来讲一讲。",
    # round 53: a job counted before 中学; a question about schools; verbs before 中职; a campus's gate
    "她的父亲也是一名中学教师。怎样借助中学资源帮助学生过渡？",
    "我们想了解中职，家长介绍中职的情况，他想报中职。在学校东校门集合。",
    # round 57: the programme for pupils from Xinjiang, not one school's class
    "她考上了新疆内高班，明年来上海读书。",
    "二是爸爸去问问幼儿园能不能早一点送。",
    "少数民族学生转入上海初中，导师帮助他适应。",
    # round 148 (guard): a day, a date and a meeting in a spaced line is no birthday (no class after the date)
    "周一　2019/05/06　家长会",
    # round 142: a retired (退休) middle-school teacher names no school
    "外公是退休中学老师，管得很严。",
    # round 136: a community school of the 街道, or of the 社区, is a kind of school (two generic words are no name)
    "我把街道社区学校的咨询电话告诉了他。全市公办学校都要落实。",
    # round 134: an adverb or a set of material before 小学 names no school (其实小学时, 一套小学的材料)
    "她说其实小学时就觉得左边听不清。老师给他补了一套小学的基础材料。",
    # round 133 (guard): a subject's or someone's experiment is no school (化学实验, 回家做实验, 减刷实验)
    "化学实验的结果很好。他回家做实验的时候很认真。这个减刷实验的效果很好。",
    # round 132: the way to school after a new district is no road's name (搬到新区后上学路远)
    "六年级学生小F搬到新区后上学路远、周末孤单。",
    # round 130 (guard): 原 after a stop or a person is “former”, no part of a name
    "他回原中学看老师。孩子原小学的班主任也来了。",
    # round 125: where the pupil's schoolmates live, after a pronoun, names no estate
    "社团里有两个同学就住在他们小区附近。",
    # round 123 (guard): without 身份证 before it, an 18-digit number with no date in it is no ID number
    "订单号310109201103000229已经寄出。",
    # round 121: what one chooses is no part of a school's name
    "初三学生和父母在选择高中还是中职的问题上意见不同。",
    # round 120: 们 after 我 opens no school's name
    "他说：“在老家我们村小学只有一个篮球架。”",
    # round 118: 住宿制 is a kind of school
    "初三学生在报考住宿制高中和家门口的高中之间犹豫。",
    # round 117: a suburb is no district before a road
    "学生家搬到郊区后上学路上要一个多小时。",
    # round 115: a kindergarten counted with 家, none named
    "实习单位是一家幼儿园，她每天要给小朋友讲故事。",
    # round 114: a community is no district before 学校
    "怎样帮孩子在新社区和老学校之间找到平衡？",
    # round 113: 民族 after a word (少数); going to a district's town for no work
    "少数民族中学的老师来交流。国庆节我们到闵行区浦江镇的郊野公园玩。",
]


@pytest.mark.parametrize("text", PASS)
def test_generic_text_passes(text: str) -> None:
    assert rules_and_terms(text) == []


def test_a_towns_numbered_school_leaves_the_town_a_place() -> None:
    # round 135 (guard): 南桥 names the town here; only a school's own name with one kind word after it is the school
    found = rules_and_terms("她在奉贤区南桥第五小学读书。父母在南桥开快递驿站。")
    assert ("CASE-ANON-SCHOOL", "奉贤区南桥第五小学") in found and ("CASE-ANON-SCHOOL", "南桥") not in found


def test_a_recent_date_after_a_class_is_no_birthday() -> None:
    # round 141 (guard): only a year a pupil can be born in makes the date after a class a birthday
    found = rules_and_terms("初二（5）班，2025/10/12开家长会。柯天佑，初二（5）班，2013/11/06。")
    assert ("CASE-ANON-BIRTHDATE", "2013/11/06") in found and ("CASE-ANON-BIRTHDATE", "2025/10/12") not in found


def test_every_rule_has_catch_cases() -> None:
    assert {rule for rule, _, _ in CATCH} == set(RULES)


@pytest.mark.parametrize(
    "number,ok",
    [("310101200903121235", True), ("11010519491231002X", True), ("310101200903121234", False), ("1101051949123100", False)],
)
def test_id_check_digit(number: str, ok: bool) -> None:
    assert id_check_digit_ok(number) is ok


def test_declared_pseudonyms_are_not_names() -> None:
    assert rules_and_terms("王小明今天来了", pseudonyms=["王小明"]) == []
    assert rules_and_terms("小明（化名）说", pseudonyms=["小明（化名）"]) == []
    assert ("CASE-ANON-NAME", "王小明") in rules_and_terms("王小明今天来了")


def test_a_placeholder_with_its_title_is_declared_with_it() -> None:
    # round 73: 数学老师丁 declares 丁老师 too (the case goes on to say it that way)
    text = "导师甲去找数学老师丁说明了情况。丁老师很惊讶。"
    assert find_identifiers(text, ["数学老师丁", "导师甲"]) == []
    assert [f.term for f in find_identifiers(text, ["导师甲"])] == ["丁老师"]


def test_pseudonyms_do_not_hide_other_rules() -> None:
    assert rules_and_terms("小A的手机13912345678", pseudonyms=["小A"]) == [("CASE-ANON-PHONE", "13912345678")]


def test_check_text_positions_and_format() -> None:
    text = "---\ntitle: x\n---\n\n第二段：电话13912345678\n"
    problems, stale = check_text("casebook/x.md", text)
    assert stale == []
    assert [p.format() for p in problems] == [
        "casebook/x.md:5:7: error: 疑似电话号码（手机或座机）：“13912345678”。请删去，或改写成［电话］；确属误报时，经审核后写进审核通过的误报词（reviewed_terms） [CASE-ANON-PHONE]"
    ]


def test_reviewed_terms_accept_exact_findings_and_report_stale_ones() -> None:
    text = "育才中学的传统\n电话13912345678"
    problems, stale = check_text("x.md", text, reviewed_terms=["育才中学", "没有出现的词"], severity="warning")
    assert [(p.rule, p.line, p.severity) for p in problems] == [("CASE-ANON-PHONE", 2, "warning")]
    assert stale == ["没有出现的词"]


def test_skip_lines_are_not_scanned() -> None:
    problems, _ = check_text("x.md", "pseudonyms: [张伟]\n张伟来了", skip_lines=[1])
    assert [(p.line, p.col) for p in problems] == [(2, 1)]


def test_line_col_counts_characters() -> None:
    assert line_col("一二\n三四五", 5) == (2, 3)


def test_normalise_maps_positions_back_to_the_original() -> None:
    from macros.casebook.anon_normalise import normalise

    text = "王\u200b秀英１３９（０２１）"
    norm = normalise(text)
    assert norm.text == "王秀英139(021)"
    assert text[norm.start(1) : norm.end(3)] == "秀英"
    assert normalise("没有要改的").origin is None


def test_findings_point_at_the_text_as_written() -> None:
    text = "电话：１３９\u200b１２３４\u200b５６７８。"
    [finding] = find_identifiers(text)
    assert finding.term == "１３９\u200b１２３４\u200b５６７８"
    assert text[finding.start : finding.end] == finding.term


def test_name_statistics_in_data_are_current() -> None:
    import subprocess
    import sys

    from conftest import ROOT

    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "anon_name_stats.py"), "--check"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


def test_figures_list_is_not_flagged_and_can_be_extended() -> None:
    from macros.casebook import anon_names

    assert "李白" in anon_names.tables().figures
    assert rules_and_terms("李白和杜甫都写过月亮。") == []


@pytest.mark.parametrize(
    "text",
    ["a." * 20000, "a at b dot " * 5000, "1 " * 20000, "王" * 40000, "王秀英说" * 10000, "路1号" * 10000, "\u200b" * 40000],
    ids=["dots", "at-dot", "spaced-digits", "surnames", "names", "roads", "invisible"],
)
def test_hostile_input_is_scanned_in_linear_time(text: str) -> None:
    """Long runs that once made the overlap check quadratic (20,000 findings took 18 s)."""
    found = find_identifiers(text)
    assert all(text[f.start : f.end] == f.term for f in found)


def test_place_table_has_both_sections_and_the_places_cases_name() -> None:
    # data/anon_places.txt is built by scripts/anon_places.py from cpca 0.5.5 (MIT); its two
    # sections decide whether a place is set aside anywhere or only where a place is meant.
    from macros.casebook import anon_names

    t = anon_names.tables()
    assert {"崇明", "浦东新区", "闵行", "苏州", "绍兴", "成都", "新疆", "广西", "延边"} <= t.places
    assert {"和平", "永康"} <= t.minor_places and not {"和平", "永康"} & t.places
    assert {"佘山", "朱家角", "沈园"} <= t.places  # data/anon_landmarks.txt
    assert all(len(p) >= 2 for p in t.places | t.minor_places)


def _scan_texts() -> list[str]:
    """Every corpus text of the gate, and seeded mixtures of their lines (windows that cross
    sentence boundaries), normalised as the rules see them."""
    import random
    from pathlib import Path

    from macros.casebook.anon_normalise import normalise

    root = Path(__file__).parent / "fixtures" / "anon_corpus"
    texts = [normalise(p.read_text(encoding="utf-8")).text for p in sorted(root.rglob("*")) if p.suffix in (".txt", ".md")]
    lines = [line for t in texts for line in t.split("\n") if line.strip()]
    # one probe for each way a match of those patterns can begin
    probes = (
        "住在88弄5号302室，又搬到3号1203室。长和路88弄7号。锦绣花园3号楼2单元。康桥新村12号。向阳村3组5号，"
        "东村5号。A座12室。大道9号，公路100号，巷8号。实验学校、外国语学校、二中、3中、附小、附中、幼儿园、分校、"
        "职校、中专、技校、职高、卫校、中职校、高中、初中、完全中学、高级中学、初级中学、中心小学、中心校、浦东旅校。"
        "初二(3)班，2023级会计1班，三年级电商2班，会计2501班，23烹饪1班，五(4)中队。微信:abc_123456，wxid_abcdef1，"
        "vx:abcdef12，wechat abcdefg，QQ号12345678，Q群:123456，扣扣:1234567，邮箱 a at b dot com，a#b.cn。"
        "在abc_mama这个微信上，QQ群里她的号是12345678。"
    )
    rng = random.Random(21)
    return texts + [normalise(probes).text] + ["".join(rng.sample(lines, 3)) for _ in range(1500)]


def test_faster_scans_find_what_the_plain_patterns_find() -> None:
    """Every pattern of the rules, tried only where its derived lead finds a character (or
    led by a look-ahead at its first characters), finds what a plain scan of the whole text
    finds, on every corpus text and on mixtures of their lines."""
    import re

    from macros.casebook import anon_facts as facts
    from macros.casebook import anon_leads
    from macros.casebook import anon_rules as r
    from macros.casebook import anon_schools as sc

    def plain_contacts(t: str) -> set[tuple[int, int]]:
        spans = {m.span(1) for m in r._WECHAT.finditer(t)} | {m.span() for m in r._WXID.finditer(t)}
        spans |= {m.span(1) for m in r._QQ_LATER.finditer(t)}
        before = r"(?<![A-Za-z0-9_-])([A-Za-z][-_A-Za-z0-9]{5,19})\s*(?:这个|那个|的)?\s*(?=微信)"
        spans |= {m.span(1) for m in re.finditer(before, t) if re.search(r"[\d_-]", m.group(1))}
        spans |= {m.span() for m in r._EMAIL.finditer(t)}
        return spans | {m.span(1 if m.group(1) else 2) for m in r._QQ.finditer(t)}

    texts = _scan_texts()
    for t in texts[-1500:-1400]:
        find_identifiers(t)  # (so that every scan has asked for its patterns' leads)
    used = anon_leads.asked()
    assert len(used) >= 18, used
    # every other pattern of the rules, led the same way (a check of the derivation itself)
    others = [p for p in _rule_patterns() if p not in used]
    for i, t in enumerate(texts):
        for pattern in [*used, *others] if i % 10 == 0 else used:
            assert [m.span() for m in anon_leads.tried_at(pattern, t)] == [m.span() for m in pattern.finditer(t)], pattern
            assert [m.span() for m in anon_leads.led(pattern).finditer(t)] == [m.span() for m in pattern.finditer(t)], pattern
        assert [m.span() for m in facts._bracketed(t)] == [m.span() for m in facts._NICKNAME_BRACKETED.finditer(t)]
        assert [m.span() for m in sc._class_matches(t)] == [m.span() for m in sc._CLASS.finditer(t)]
        assert {(s, e) for s, e, _ in r.find_contacts(t)} == plain_contacts(t)


def _rule_patterns() -> list[re.Pattern[str]]:
    """Every compiled pattern at the top of an anonymisation module (not a hand-kept list)."""
    import importlib
    import pkgutil

    import macros.casebook

    found: dict[int, re.Pattern[str]] = {}
    for info in pkgutil.iter_modules(macros.casebook.__path__):
        if info.name.startswith("anon"):
            module = importlib.import_module(f"macros.casebook.{info.name}")
            found.update((id(v), v) for v in vars(module).values() if isinstance(v, re.Pattern) and isinstance(v.pattern, str))
    return list(found.values())


def test_normalising_a_text_already_in_nfkc_changes_nothing() -> None:
    import unicodedata

    from macros.casebook.anon_normalise import normalise

    for t in _scan_texts()[:200] + ["e\u0301", "ｅ\u0301１", "\u1100\u1161", "王\u3000芳"]:
        n = normalise(t)
        if unicodedata.normalize("NFKC", t) == t and "\u3000" not in t and "\u200b" not in t:
            assert n.text == t and n.origin is None
        assert len(n.text) == len(n.origin) if n.origin is not None else len(n.text) == len(t)
