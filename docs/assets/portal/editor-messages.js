/* What the 一校一策 editor says to a school, in one place so it can be read and reviewed together
   (the build's messages are macros/core/messages.py; the placeholder rule's words travel in
   the plan schema). Plain Chinese: a test (tests/js/editor-messages.test.js) checks that no
   message carries a YAML key or an English word. {name} marks a value filled in by `say`. */

/** @type {{ [key: string]: string }} */
export const MESSAGES = {
  "opening": "正在打开 {file} ……",
  "no-school-file": "没有找到学校“{id}”的方案文件",
  "draft-restored": "已恢复上次的草稿（{name}，保存于 {saved}）。",
  "replaced-restored": "已恢复被替换的草稿（{name}，保存于 {saved}）。",
  "unnamed": "未填学校名称",
  "blank-loaded": "已载入空白模板：按每一项里的灰色提示填写。",
  "blank-again": "已从空白模板重新开始；原来的草稿可用“恢复被替换的草稿”找回。",
  "file-too-big": "文件太大（超过 1 MB），不像是一校一策方案。",
  "unreadable": "无法读取 {file}。",
  "cannot-open": "无法打开 {file}：{reason}",
  "opened": "已打开 {file}。",
  "cleared": "模板里的 {count} 处占位文字已清空，请按灰色提示填写。",
  "autosave": "修改会自动保存在本机浏览器中。",
  "autosave-undo": "修改会自动保存在本机浏览器中；原来的草稿可用“恢复被替换的草稿”找回。",
  "no-storage": "浏览器不允许保存草稿（可能是隐私模式）：请及时下载方案文件。",
  "district-written": "所在区已写成“{district}”。",
  "moved": "已把{what}第 {from} 项移到第 {to} 项。",
  "removed": "已删除{what}第 {n} 项。",
  "errors-title": "还有 {count} 处需要填写或修改，区里才能发布：",
  "confirm-title": "方案还有 {count} 处没有填好：",
  "confirm-more": "……另有 {count} 处，见表单上方的列表",
  "confirm-back": "返回填写",
  "confirm-anyway": "仍然下载（区里不能发布）",
  "downloaded": "已下载 {file}：把这个文件发给区里负责一校一策的老师。",
  "downloaded-with-errors": "已下载 {file}，但还有 {count} 处没有填好，区里不能发布；填好后请重新下载。",
  "hint-count": "填数字，至少 1",
  "hint-number": "填数字",
  "hint-fill": "填写{what}",
  "hint-example": "例如：{example}",
  "add-item": "添加一项：{what}",
  "add-part": "添加一项：{list}的{what}",
  // -- loading the editor (editor.js)
  "cannot-load": "无法加载 {file}",
  "no-file-links": "页面缺少方案文件的地址",
  "load-failed": "编辑器加载失败：{reason}",
  // -- the checks of a plan (editor-core.js), in the build's words (macros/core/schema_messages.py)
  "enum": "{name}的取值“{value}”无效，可选：{choices}",
  "not-integer": "{name}应为整数（不带小数点），实际是 {value}",
  "wrong-type": "{name}应为{expected}，实际是{actual}",
  "unknown-field": "未知字段“{key}”。可用的字段：{fields}",
  "missing": "缺少必填的“{label}”",
  "missing-field": "缺少必填字段“{key}”{where}",
  "missing-in": "（在{name}中）",
  "min-items": "{name}至少需要 {n} 项",
  "duplicate-items": "{name}中有重复的项",
  "empty": "{name}不能为空",
  "min-length": "{name}至少要 {n} 个字",
  "blank-ends": "{name}的开头或末尾有空格：请删去空格",
  "field-hint": "{name}{hint}",
  "bad-format": "{name}的格式不对：“{value}”",
  "below-minimum": "{name}不能小于 {n}",
  "above-maximum": "{name}不能大于 {n}",
  "reserved-id": "学校代码不能是“{id}”（与一校一策栏目中的其他文件重名）",
  "too-many-mentors": "导师人数 {mentors} 多于教师人数 {teachers}",
  "too-large": "文件展开后过大，不像是一校一策方案",
  "too-many-aliases": "锚点引用（*）过多",
  "yaml-where": "第 {line} 行第 {col} 列：",
  "not-yaml": "文件不是有效的 YAML，{where}{reason}",
  "not-a-plan": "文件的顶层应为键值表（一校一策方案），实际是{actual}",
};

/**
 * The message `key` with its blanks filled in.
 * @param {string} key
 * @param {{ [name: string]: string | number }} [values]
 */
export function say(key, values) {
  const text = MESSAGES[key];
  if (text === undefined) throw new Error("no editor message " + key);
  return text.replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? String(values[name]) : all; });
}
