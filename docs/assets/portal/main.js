/* The portal's browser code on every page (mkdocs.yml extra_javascript, type: module). It sets up
   what every page needs and imports the rest only on the pages that use it: the training pages'
   progress, the quiz, the plan editor, the search highlight. The search worker is Material's
   (assets/javascripts/portal-search.js). */
import { el, onPage } from "./dom.js";
import { initPreviews, markTarget } from "./reading.js";

const TRAINING = ".lesson-nav[data-module], .training-status[data-module], .lesson-status[data-module], .training-my, .training-record";

/** The storage notice (unreadable data was set aside), at the top of the page's text. @param {string | null} text */
function showNotice(text) {
  const article = document.querySelector("article");
  if (!text || !article) return;
  const box = el("div", { className: "admonition warning portal-storage-notice", role: "status" }, [
    el("p", { className: "admonition-title", text: "本机记录" }),
    el("p", { text }),
  ]);
  article.insertBefore(box, article.firstChild);
}

initPreviews();

onPage(async (signal) => {
  markTarget();
  window.addEventListener("hashchange", markTarget, { signal });
  if (new URL(location.href).searchParams.has("h")) (await import("./highlight.js")).highlight();
  const editor = document.getElementById("plan-editor");
  // A class rather than body:has() for the print styles: school PCs run older browser cores.
  document.body.classList.toggle("editor-page", !!editor);
  if (editor) (await import("./editor.js")).startEditor(editor, signal);
  const quizzes = document.querySelectorAll(".quiz[data-module]");
  if (quizzes.length) {
    const { initQuiz } = await import("./quiz-ui.js");
    for (const root of quizzes) initQuiz(/** @type {HTMLElement} */ (root));
  }
  if (document.querySelector(TRAINING)) (await import("./learner-ui.js")).initTraining();
  if (editor || quizzes.length || document.querySelector(TRAINING)) {
    const storage = await import("./storage.js");
    storage.load(); // migrates, if this is the first page since the upgrade
    showNotice(storage.takeNotice());
  }
});
