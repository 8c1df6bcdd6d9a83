// 从搜索结果打开页面时（地址带 ?h=查询词），在正文中标出查询词。
// Material 自带的页内高亮要等它的整个索引下载完才工作，门户不再下载那个索引，所以由本脚本来做。
// 查询词是门户搜索 worker 切出的整词；单个汉字不标，免得把“家访”“家长”里的“家”都标出来。
// 用 Material 的 document$，页内导航（navigation.instant）换页后也会执行。
(function () {
  "use strict";
  const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;

  function highlight() {
    const param = new URL(location.href).searchParams.get("h");
    const content = document.querySelector("[data-md-component=content]");
    if (!param || !content) return;
    const terms = param
      .split(/\s+/)
      .filter((t) => t && !(t.length === 1 && HAN.test(t)))
      .sort((a, b) => b.length - a.length);
    if (!terms.length) return;
    const pattern = new RegExp(terms.map((t) => t.replace(/[|\\{}()[\]^$+*?.-]/g, "\\$&")).join("|"), "gi");
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.offsetHeight && !node.parentElement.closest("mark, script, style")) {
        pattern.lastIndex = 0;
        if (pattern.test(node.textContent)) nodes.push(node);
      }
    }
    for (const node of nodes) {
      const fragment = document.createDocumentFragment();
      let last = 0;
      node.textContent.replace(pattern, (match, offset) => {
        fragment.append(node.textContent.slice(last, offset));
        const mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = match;
        fragment.append(mark);
        last = offset + match.length;
        return match;
      });
      fragment.append(node.textContent.slice(last));
      node.replaceWith(fragment);
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(highlight);
  else highlight();
})();
