// 把固定版本的浏览器库从 node_modules 复制到 docs/assets/vendor/（连同许可证）。
// 用法：cd tools/editor-vendor && npm ci && node vendor.mjs
// 版本由 package.json / package-lock.json 固定；复制后的文件随仓库提交，构建和浏览器都不联网。
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "docs", "assets", "vendor");
const files = {
  "json-logic-js": { "logic.js": "json-logic.js", LICENSE: "json-logic.LICENSE.txt" },
  "js-yaml": { "dist/browser/js-yaml.umd.min.js": "js-yaml.min.js", LICENSE: "js-yaml.LICENSE.txt" },
};
mkdirSync(out, { recursive: true });
const lines = ["# 第三方浏览器库（由 tools/editor-vendor/vendor.mjs 复制，请勿手改）", ""];
for (const [pkg, map] of Object.entries(files)) {
  const base = join(here, "node_modules", pkg);
  const { version, license } = JSON.parse(readFileSync(join(base, "package.json"), "utf8"));
  for (const [from, to] of Object.entries(map)) copyFileSync(join(base, from), join(out, to));
  lines.push(`- ${pkg} ${version}（${license}）：${Object.values(map).join("、")}`);
}
writeFileSync(join(out, "VERSIONS.txt"), lines.join("\n") + "\n");
console.log(lines.slice(2).join("\n"));
