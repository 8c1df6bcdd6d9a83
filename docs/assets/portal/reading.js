/* Site-wide reading aids: the element a link lands on is marked, and on a phone a clause
   citation shows its text on the first tap. */

/** Marks the target of the address's #fragment (the CSS highlights it). */
export function markTarget() {
  for (const node of document.querySelectorAll(".is-target")) node.classList.remove("is-target");
  const id = window.location.hash.slice(1);
  if (!id) return;
  let name = id;
  try {
    name = decodeURIComponent(id);
  } catch {
    // a malformed %-escape in the address: look the fragment up as it is
  }
  const target = document.getElementById(name);
  if (target) target.classList.add("is-target");
}

const PREVIEW = "article a[title]:not(.headerlink), article a[aria-describedby^='__tooltip']:not(.headerlink)";

/** Clause previews on a phone. A citation's title (the clause text) shows as Material's tooltip
    on hover or keyboard focus; a phone has no hover, and a tap follows the link at once. So on
    touch screens the first tap on a titled link in the text focuses it (the tooltip opens) and
    the second tap follows it. Captured before Material's instant navigation sees the click.
    Set up once: the listeners are on the document, which instant navigation keeps. */
export function initPreviews() {
  /** @type {Element | null} */
  let previewed = null;
  document.addEventListener(
    "click",
    (event) => {
      if (!window.matchMedia || !window.matchMedia("(hover: none)").matches) return;
      const target = /** @type {Element | null} */ (event.target);
      const link = target && target.closest ? /** @type {HTMLElement | null} */ (target.closest(PREVIEW)) : null;
      if (!link || link === previewed) {
        previewed = null;
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      previewed = link;
      link.focus();
    },
    true,
  );
  document.addEventListener("focusout", (event) => {
    if (event.target === previewed) previewed = null;
  });
}
