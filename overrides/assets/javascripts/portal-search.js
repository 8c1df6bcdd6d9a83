// 门户搜索 worker（Material 的消息协议：QUERY 2、RESULT 3）；逻辑在 search-core.js，见 README.md“浏览器代码”。
"use strict";
importScripts("../portal/hash.js", "../portal/search-core.js");
const BASE = new URL("../../search/portal/", self.location.href);
const { search } = self.PortalSearchCore.createSearch((name, kind) =>
  fetch(new URL(name, BASE)).then((response) => {
    if (!response.ok) throw new Error(`${name}: ${response.status}`);
    return kind === "text" ? response.text() : response.json();
  }),
);
let latest = 0; // 只回答最后一个查询
self.addEventListener("message", async (event) => {
  if (event.data.type !== 2) return;
  const id = ++latest;
  let data = { items: [] };
  try {
    data = await search(event.data.data);
  } catch (error) {
    // A part of the index that cannot be fetched (fetch's TypeError: offline, and not saved before): said plainly on the page
    // (docs/assets/portal/offline-ui.js), not a fault.
    if (error instanceof TypeError) new BroadcastChannel("portal-search").postMessage({ type: "offline" });
    else console.error(`搜索出错：${error}`);
  }
  if (id === latest) self.postMessage({ type: 3, data });
});
self.postMessage({ type: 1 });
