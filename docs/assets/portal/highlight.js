/* 从搜索结果打开页面时（地址带 ?h=查询词），在正文中标出查询词。
   Material 自带的页内高亮要等它的整个索引下载完才工作，门户不再下载那个索引，所以由本模块来做。
   查询词是门户搜索 worker 切出的整词；单个汉字不标，免得把“家访”“家长”里的“家”都标出来。 */

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;

/** The words of ?h= worth marking, longest first (so 学生家访 wins over 家访). @param {string} param */
export function highlightTerms(param) {
  return param
    .split(/\s+/)
    .filter((t) => t && !(t.length === 1 && HAN.test(t)))
    .sort((a, b) => b.length - a.length);
}

/** One pattern for all the words, case-insensitive, their regex characters escaped. @param {string[]} terms */
export function termPattern(terms) {
  return new RegExp(terms.map((t) => t.replace(/[|\\{}()[\]^$+*?.-]/g, "\\$&")).join("|"), "gi");
}

/** Marks the words of ?h= in the page's content with <mark data-md-highlight>. */
export function highlight() {
  const param = new URL(location.href).searchParams.get("h");
  const content = document.querySelector("[data-md-component=content]");
  if (!param || !content) return;
  const terms = highlightTerms(param);
  if (!terms.length) return;
  const pattern = termPattern(terms);
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  /** @type {Text[]} */
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.offsetHeight && !node.parentElement.closest("mark, script, style")) {
      pattern.lastIndex = 0;
      if (pattern.test(node.textContent || "")) nodes.push(/** @type {Text} */ (node));
    }
  }
  for (const node of nodes) {
    const text = node.textContent || "";
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      const offset = /** @type {number} */ (match.index);
      fragment.append(text.slice(last, offset));
      const mark = document.createElement("mark");
      mark.setAttribute("data-md-highlight", "");
      mark.textContent = match[0];
      fragment.append(mark);
      last = offset + match[0].length;
    }
    fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }
}
