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
