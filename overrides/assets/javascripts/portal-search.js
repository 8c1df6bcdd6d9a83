// 门户搜索 worker（经典 worker，Material 用 new Worker(url) 启动），沿用 Material 的消息协议（QUERY 2、RESULT 3）。
// 逻辑在 assets/portal/search-core.js（Node 的测试载入同一个文件），散列在 assets/portal/hash.js；见 README.md。
"use strict";
importScripts("../portal/hash.js", "../portal/search-core.js");
const BASE = new URL("../../search/portal/", self.location.href);
const { search } = self.PortalSearchCore.createSearch((name, kind) =>
  fetch(new URL(name, BASE)).then((response) => {
    if (!response.ok) throw new Error(`${name}: ${response.status}`);
    return kind === "text" ? response.text() : response.json();
  }),
);
let latest = 0; // 只回答最后一个查询：先发出的慢查询不覆盖后来的结果
self.addEventListener("message", async (event) => {
  if (event.data.type !== 2) return; // Material 的 SETUP 不会来：索引只在第一次查询时取
  const id = ++latest;
  let data = { items: [] };
  try {
    data = await search(event.data.data);
  } catch (error) {
    console.error(`搜索出错：${error}`);
  }
  if (id === latest) self.postMessage({ type: 3, data });
});
self.postMessage({ type: 1 });
