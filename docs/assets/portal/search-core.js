// 门户搜索的逻辑（分词、分片、取索引、排序、摘要）。经典脚本：搜索 worker 用 importScripts 载入，Node 的测试用 require()。
"use strict";
const { fnv1a } = typeof module === "object" && module.exports ? require("./hash.js") : self.portalHash;

// 一个搜索实例：get(文件名, "text" | undefined) 取 search/portal/ 下的文件（worker 用 fetch，测试读磁盘）
function createSearch(get) {
  const TOP_PAGES = 10; // 带摘要显示的结果页面数
  const RERANK = 12; // 按词的连续出现重排的页面数（它们的文字要取来）
  const STOP_WEIGHT = 0.3; // 疑问词、虚词的权重
  const SECTION_SHARE = 0.1; // 其余小节计入页面得分的比例
  const SECTION_CAP = 0.3; // ……最多是最好小节的这么多
  const MAX_LONGER = 8; // 每个查询词最多扩展的复合词数
  const LONGER_WEIGHT = 0.3; // 复合词匹配的权重
  const OVERVIEW = 0.6; // 概览页（有下级页面的页面）的系数
  const TITLE_FOCUS = 1.5; // 标题与查询完全相符时得分 ×2.5（见 focus）
  const QUOTE_MIN = 8; // 算作引文的片段最少的字数
  const MAX_SOURCES = 3; // 排在重排范围之外、也拿来比较的原文页面数
  const MAX_SECTIONS = 3; // 每个页面最多列出的小节
  const SNIPPET = 90; // 摘要长度（字）
  const HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  const RUN = new RegExp(`[${HAN}]+|[a-z0-9]+`, "g");
  const IS_HAN = new RegExp(`^[${HAN}]`);
  // 问句里围绕关键词的疑问词和虚词：查询中还有别的词时不参与匹配
  const STOP = new Set(
    "怎么办 怎么 怎样 如何 什么 为什么 哪些 哪里 能不能 可不可以 有没有 是不是 是否 多少 几 几次 几个 吗 呢 吧 的 了 是 有 和 与 及 要 请问".split(" "),
  );

  let meta = null;
  let words = null;
  let sortedWords = [];
  let pageStarts = [];
  let parents = new Set();
  let sources = new Set();
  const shards = new Map();
  const pages = new Map();
  const expansions = new Map();

  async function setup() {
    if (meta) return;
    const [m, w] = await Promise.all([get("meta.json"), get("words.txt", "text")]);
    sortedWords = w.split("\n"); // 构建时已排序（按码位，与 JS 的比较一致）
    words = new Set(sortedWords);
    let start = 0;
    pageStarts = m.pages.map((p) => (start += p[0]));
    parents = new Set(m.parents);
    sources = new Set(m.sources || []);
    meta = m;
  }

  // 分片号：FNV-1a（hash.js，与 macros/core/searchshards.py 的 shard_of 相同）除以分片数的余数
  function shardOf(term, count = meta.shards) {
    return fnv1a(term) % count;
  }

  // 汉字串按索引的词切分：词数最少，同样多时第一个词最长；词典里没有的字单独成词
  function cut(run) {
    const n = run.length;
    const cost = new Array(n + 1).fill(Infinity);
    const back = new Array(n + 1).fill(0);
    cost[0] = 0;
    for (let i = 0; i < n; i++) {
      if (cost[i] === Infinity) continue;
      for (let len = Math.min(meta.longest, n - i); len >= 1; len--) {
        if (len > 1 && !words.has(run.slice(i, i + len))) continue;
        if (cost[i] + 1 < cost[i + len]) {
          cost[i + len] = cost[i] + 1;
          back[i + len] = i;
        }
      }
    }
    const out = [];
    for (let j = n; j > 0; j = back[j]) out.unshift(run.slice(back[j], j));
    return out;
  }

  // 查询的词：[词, 是否疑问词或虚词]。疑问词只加一点分，不算进“每个词都要有”
  // 连续几个词典中没有的单字合成一个查询词（“量子纠缠”在本站没有这个词）：它只匹配这些字都单独成词出现的小节
  function segment(query) {
    const out = [];
    for (const run of query.normalize("NFKC").toLowerCase().match(RUN) || []) {
      if (!IS_HAN.test(run)) {
        out.push(run);
        continue;
      }
      let unknown = "";
      for (const w of [...cut(run), ""]) {
        if (w.length === 1 && !STOP.has(w)) {
          unknown += w;
          continue;
        }
        if (unknown) out.push(unknown);
        unknown = "";
        if (w) out.push(w);
      }
    }
    return out;
  }

  function queryTerms(list) {
    const content = list.some((t) => !STOP.has(t));
    const seen = new Map();
    for (const t of list) if (!seen.has(t)) seen.set(t, content && STOP.has(t));
    return [...seen].slice(0, 30);
  }

  async function postings(term) {
    if (term.length > 1 && IS_HAN.test(term) && !words.has(term)) return allSingles(term);
    const k = shardOf(term);
    if (!shards.has(k)) shards.set(k, get(`t/${k}.json`));
    return (await shards.get(k))[term] || null;
  }

  // 几个不成词的单字（见 segment）：只匹配这些字都单独出现的小节（“想学烹饪”的“想”“学”），
  // 所以“量子纠缠”这样本站没有的词找不到东西，而不是逐字匹配
  async function allSingles(run) {
    const lists = await Promise.all([...run].map(postings));
    if (lists.some((l) => !l)) return null;
    const maps = lists.map((list) => {
      const m = new Map();
      for (let k = 0, doc = 0; k < list.length; k += 2) m.set((doc += list[k]), list[k + 1]);
      return m;
    });
    const out = [];
    let last = 0;
    for (const [doc, w] of [...maps[0]].sort((a, b) => a[0] - b[0])) {
      if (!maps.every((m) => m.has(doc))) continue;
      out.push(doc - last, w + maps.slice(1).reduce((sum, m) => sum + m.get(doc), 0));
      last = doc;
    }
    return out.length ? out : null;
  }

  // 包含查询词的更长的词（“谈心”→“谈心谈话”，“家访”→“学生家访”）：多字词也匹配包含它的复合词，
  // 分数打折；单字不扩展（“家”不匹配“家访”）
  function longer(term) {
    if (term.length < 2 || !IS_HAN.test(term)) return [];
    if (!expansions.has(term)) {
      const found = sortedWords.filter((w) => w !== term && w.includes(term));
      expansions.set(term, found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_LONGER));
    }
    return expansions.get(term);
  }

  function pageOf(doc) {
    let lo = 0;
    let hi = pageStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pageStarts[mid] <= doc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  function page(n) {
    if (!pages.has(n)) pages.set(n, get(`p/${n}.json`));
    return pages.get(n);
  }

  const escapeHTML = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  function wordsOf(text) {
    return text.normalize("NFKC").toLowerCase().match(RUN) || [];
  }

  // 索引文字（词间是空白或 U+200B）中的全部词
  const wordsIn = (text) => text.split(/[\s\u200b]+/).flatMap(wordsOf);

  // 带 <mark> 的 HTML：只标与查询词相同的整词（索引文字中的词以 U+200B 分隔）
  function marked(segments, terms) {
    return segments
      .map((s) => (wordsOf(s).some((w) => terms.has(w)) ? `<mark>${escapeHTML(s)}</mark>` : escapeHTML(s)))
      .join("")
      .replace(/<\/mark><mark>/g, "");
  }

  function snippet(text, terms) {
    const segments = text.split("\u200b");
    const hit = segments.findIndex((s) => wordsOf(s).some((w) => terms.has(w)));
    let start = 0;
    if (hit > 0) {
      let chars = 0;
      for (start = hit; start > 0 && chars < 16; start--) chars += segments[start - 1].length;
    }
    const out = [];
    let chars = 0;
    for (let i = start; i < segments.length && chars < SNIPPET; i++) {
      out.push(segments[i]);
      chars += segments[i].length;
    }
    const more = start + out.length < segments.length;
    return `${start > 0 ? "…" : ""}${marked(out, terms)}${more ? "…" : ""}`;
  }

  // 查询的词在页面中连续出现的加分：页面标题中 ×2，小标题中 ×1.6，正文中 ×1.3（按整词比较）
  function together(sections, phrase) {
    if (!phrase.length) return 1;
    const has = (text) => {
      const seq = wordsIn(text);
      outer: for (let i = 0; i + phrase.length <= seq.length; i++) {
        for (let j = 0; j < phrase.length; j++) if (seq[i + j] !== phrase[j]) continue outer;
        return true;
      }
      return false;
    };
    if (has(sections[0][1])) return 2;
    if (sections.some((s) => has(s[1]))) return 1.6;
    if (sections.some((s) => has(s[2]))) return 1.3;
    return 1;
  }

  // 原文（政策文件）中与查询相符的片段：标点之间、含全部查询词（至少两个）的一段，去掉空白后的文字
  const PUNCT = /[，。；：！？、,.;:!?（）()“”"《》〈〉【】\n]/;
  const flat = (text) => text.replace(/[\s\u200b]+/g, "").normalize("NFKC").toLowerCase();
  function quotable(sections, asked) {
    const out = [];
    for (const [, , text] of sections) {
      for (const piece of text.split(PUNCT)) {
        const seen = new Set(wordsIn(piece));
        const key = flat(piece);
        if (key.length >= QUOTE_MIN && asked.every((t) => seen.has(t))) out.push(key);
      }
    }
    return out;
  }

  // 引用政策原文的页面很多（锦囊、课程、案例都引条款）：查询命中的原文片段在排在前面的页面中
  // 原样出现时，原文排到引用它的页面前面，读者先看到出处
  function sourcesFirst(head, texts, asked, isSource = sources) {
    if (asked.length < 2) return;
    const flats = new Map(); // 页面的全文（去掉空白），每页只算一次
    const flatOf = (j) => flats.get(j) ?? flats.set(j, flat(texts[j].map((s) => s[2]).join(""))).get(j);
    head.forEach((entry, i) => {
      if (!isSource.has(entry[0])) return;
      const keys = quotable(texts[i], asked);
      if (!keys.length) return;
      for (let j = 0; j < head.length; j++) {
        if (j === i || isSource.has(head[j][0]) || head[j][2] <= entry[2]) continue;
        if (keys.some((k) => flatOf(j).includes(k))) entry[2] = head[j][2] * 1.001;
      }
    });
  }

  // 标题与查询有多相符：标题中的词（疑问词、虚词除外）有多大比例是查询词，乘以查询词有多大比例在标题中。
  // 标题就是讲这个的页面排前面；问句中只有一个词在标题中时加分很少
  function focus(title, terms) {
    const own = wordsIn(title).filter((w) => !STOP.has(w));
    const asked = terms.filter((t) => !STOP.has(t));
    if (!own.length || !asked.length) return 1;
    const inTitle = asked.filter((t) => own.includes(t)).length / asked.length;
    return 1 + (TITLE_FOCUS * own.filter((w) => asked.includes(w)).length * inTitle) / own.length;
  }

  async function search(query) {
    // Material 在 worker 就绪时就发来当前（空的）查询：那时什么也不取
    if (!(query.normalize("NFKC").toLowerCase().match(RUN) || []).length) return { items: [] };
    await setup();
    const queryWords = segment(query);
    const all = queryTerms(queryWords);
    const terms = all.map(([t]) => t);
    const variants = terms.flatMap((t, bit) => [[t, bit, 1], ...longer(t).map((w) => [w, bit, LONGER_WEIGHT])]);
    const lists = await Promise.all(variants.map(([t]) => postings(t)));
    const docs = new Map(); // 小节 → [得分, 命中的词的位]
    lists.forEach((list, v) => {
      if (!list) return;
      const [, bit, factor] = variants[v];
      const df = list.length / 2;
      const idf = Math.log(1 + (meta.docs - df + 0.5) / (df + 0.5)) * (all[bit][1] ? STOP_WEIGHT : 1) * factor;
      for (let k = 0, doc = 0; k < list.length; k += 2) {
        doc += list[k];
        const seen = docs.get(doc) || [0, 0];
        docs.set(doc, [seen[0] + (idf * list[k + 1]) / 100, seen[1] | (1 << bit)]);
      }
    });
    const needed = all.filter(([, stop]) => !stop).length;
    const count = (bits) => all.filter(([, stop], i) => !stop && bits & (1 << i)).length;
    // 小节的分乘以查询词（疑问词除外）在这一节中出现的比例的平方：词都在同一节的排前面
    const groups = new Map(); // 页面 → {best, sum, bits, sections}
    for (const [doc, [raw, bits]] of docs) {
      const score = raw * (count(bits) / needed) ** 2;
      const n = pageOf(doc);
      const g = groups.get(n) || { best: 0, sum: 0, bits: 0, sections: [] };
      g.best = Math.max(g.best, score);
      g.sum += score;
      g.bits |= bits;
      g.sections.push([doc, score]);
      groups.set(n, g);
    }
    // 一页的分 = 最好的小节 + 其余小节的一小部分（有上限，免得罗列很多条目的栏目页占先），
    // 再乘以查询词在整页中出现的比例；列出下级页面的概览页打折，讲这个词的下级页面排在它前面
    // 标题与查询相符的页面加分（见 focus）；概览页的标题就是查询时不打折
    const pageScore = (n, g) => {
      const f = focus(meta.pages[n][2], terms);
      const overview = parents.has(n) && f < 1 + TITLE_FOCUS ? OVERVIEW : 1;
      return (g.best + Math.min(SECTION_SHARE * (g.sum - g.best), SECTION_CAP * g.best)) * (count(g.bits) / needed) * overview * f;
    };
    let ranked = [...groups.entries()].map(([n, g]) => [n, g, pageScore(n, g)]).sort((a, b) => b[2] - a[2] || a[0] - b[0]);
    if (!ranked.length) return { items: [] };
    // 前几个页面的文字本来就要取来做摘要：查询中的词在标题、小标题或正文中原样连续出现的，排前面
    const head = ranked.slice(0, RERANK);
    const texts = await Promise.all(head.map(([n]) => page(n)));
    const phrase = queryWords.filter((t) => !STOP.has(t) || all.every(([, s]) => !s));
    head.forEach((entry, i) => (entry[2] *= together(texts[i], phrase)));
    // 含全部查询词的原文即使排在后面也参加比较：很多案例引用同一条款时，它们会把原文挤出前几名
    const asked = terms.filter((t) => !STOP.has(t)); // terms 已去重（queryTerms）
    const rest = ranked.slice(RERANK);
    const late = asked.length < 2 ? [] : rest.filter(([n, g]) => sources.has(n) && count(g.bits) === needed).slice(0, MAX_SOURCES);
    const before = late.map((entry) => entry[2]);
    sourcesFirst([...head, ...late], [...texts, ...(await Promise.all(late.map(([n]) => page(n))))], asked);
    const moved = new Set(late.filter((entry, i) => entry[2] > before[i])); // 被提前的原文
    ranked = [
      ...[...head, ...moved].sort((a, b) => b[2] - a[2] || a[0] - b[0]),
      ...rest.filter((entry) => !moved.has(entry)),
    ];
    const top = await Promise.all(ranked.slice(0, TOP_PAGES).map(([n]) => page(n)));
    const wanted = new Set(terms);
    const items = ranked.map(([n, g, score], rank) => {
      const termsSeen = Object.fromEntries(terms.map((t, i) => [t, Boolean(g.bits & (1 << i))]));
      const [, location, title] = meta.pages[n];
      const heading = (text) => marked(text.split("\u200b"), wanted);
      if (rank >= TOP_PAGES) return [{ location, title: heading(title), text: "", score, terms: termsSeen }];
      const sections = top[rank];
      const start = pageStarts[n];
      const first = sections[0];
      const own = g.sections.find(([doc]) => doc === start);
      const parent = { location, title: heading(first[1]), score, terms: termsSeen };
      parent.text = own || g.sections.length === 0 ? snippet(first[2], wanted) : "";
      const children = g.sections
        .filter(([doc]) => doc !== start)
        .sort((a, b) => b[1] - a[1])
        .slice(0, MAX_SECTIONS)
        .map(([doc, s]) => {
          const [loc, t, text] = sections[doc - start];
          return { location: loc, title: heading(t), text: snippet(text, wanted), score: (score * s) / g.best, terms: termsSeen };
        });
      return [parent, ...children];
    });
    return { items };
  }

  return { search, setup, shardOf, segment, cut, queryTerms, wordsOf, wordsIn, marked, snippet, together, quotable, sourcesFirst, focus, pageOf };
}

if (typeof module === "object" && module.exports) module.exports = { createSearch };
else self.PortalSearchCore = { createSearch };
