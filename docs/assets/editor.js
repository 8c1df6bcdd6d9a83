/* 一校一策在线编辑器 (schools/editor/), the loader. Loaded on every page, so it stays tiny:
   the editor itself (editor-ui.js, editor-core.js) and its libraries are fetched from this
   site only where the page has #plan-editor. Initialised through Material's document$, so it
   works with instant navigation. */
(function () {
  "use strict";

  var script = document.currentScript;
  var base = script ? script.src.replace(/[^/]*(\?.*)?$/, "") : "";
  var loading = null;
  var current = null; // the editor on the page now (instant navigation replaces the page)

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = base + src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("无法加载 " + src)); };
      document.head.appendChild(s);
    });
  }

  function libraries() {
    if (!loading) {
      loading = Promise.all([loadScript("vendor/json-logic.js"), loadScript("vendor/js-yaml.min.js"), loadScript("editor-core.js"),
        loadScript("editor-ui.js")]);
    }
    return loading;
  }

  function start() {
    var root = document.getElementById("plan-editor");
    // A class rather than body:has() for the print styles: school PCs run older browser cores.
    document.body.classList.toggle("editor-page", !!root);
    if (!root || root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "loading");
    Promise.all([libraries(), siteFiles()]).then(function (loaded) {
      if (!root.isConnected) return; // the reader has moved on (instant navigation)
      current = window.PlanEditorUI.create(root, loaded[1]);
    }).catch(function (err) {
      root.textContent = "编辑器加载失败：" + err.message;
    });
  }

  /* The plan schema and blank template the site publishes for schools, and the rules file:
     their addresses are links on the page (made relative by MkDocs). */
  function siteFiles() {
    var links = document.querySelectorAll("#plan-editor-files a");
    if (links.length !== 3) return Promise.reject(new Error("页面缺少方案文件的地址"));
    return Promise.all(Array.prototype.map.call(links, function (a) {
      return fetch(a.href).then(function (r) {
        if (!r.ok) throw new Error("无法加载 " + a.getAttribute("href"));
        return r.text();
      });
    })).then(function (texts) {
      return { schema: JSON.parse(texts[0]), template: texts[1], rules: JSON.parse(texts[2]), folder: links[0].href };
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  window.addEventListener("beforeprint", function () { if (current && current.root.isConnected) current.renderPreview(); });
})();
