/* The one hash (FNV-1a): search shards (as macros/core/searchshards.py) and record checksums.
   A classic script for the worker's importScripts; see README.md (浏览器代码). */
(function (root) {
  "use strict";

  /**
   * Over code points, as Python's ord(); with `codeUnits` over UTF-16 units (records exported
   * before the portal had one hash: they differ only outside the BMP).
   * @param {string} text
   * @param {boolean} [codeUnits]
   * @returns {number}
   */
  function fnv1a(text, codeUnits) {
    let h = 0x811c9dc5;
    if (codeUnits) {
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      return h;
    }
    for (const ch of text) {
      h ^= /** @type {number} */ (ch.codePointAt(0));
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  }

  /** The hash as eight hex digits. @param {number} h */
  function hex(h) {
    return h.toString(16).padStart(8, "0");
  }

  const api = { fnv1a, hex };
  root.portalHash = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(/** @type {any} */ (globalThis));
