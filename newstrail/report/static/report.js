/* newstrail: highlight the span a link points at, and (in the one-file report) show its page.
   CSS :target already highlights the first piece of a span; this also marks the pieces a
   crossing span was split into, scrolls it to the middle, and works after in-page clicks. */
(function () {
  "use strict";
  var isReport = document.body && document.body.classList.contains("report");

  function clearMarks() {
    var old = document.querySelectorAll(".is-target");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("is-target");
  }

  function targetOf(hash) {
    if (!hash || hash.length < 2) return null;
    var id;
    try { id = decodeURIComponent(hash.slice(1)); } catch (e) { return null; }
    return document.getElementById(id);
  }

  function markSpan(el) {
    var key = el.getAttribute("data-span");
    if (!key) { el.classList.add("is-target"); return; }
    var parts = document.querySelectorAll("[data-span]");
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].getAttribute("data-span") === key) parts[i].classList.add("is-target");
    }
  }

  function showPage(el) {
    var pages = document.querySelectorAll("section.page");
    if (!pages.length) return;
    var page = el && el.closest ? el.closest("section.page") : null;
    page = page || pages[0];
    for (var i = 0; i < pages.length; i++) pages[i].hidden = pages[i] !== page;
  }

  function go() {
    clearMarks();
    var el = targetOf(location.hash);
    if (isReport) showPage(el);
    if (!el) { if (isReport) window.scrollTo(0, 0); return; }
    markSpan(el);
    el.scrollIntoView({ block: el.classList.contains("page") ? "start" : "center" });
  }

  window.addEventListener("hashchange", go);
  // again once loaded: the browser's own jump to the fragment comes after DOMContentLoaded
  // and would leave the span under the sticky header instead of in the middle of the screen
  window.addEventListener("load", go);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go);
  else go();
})();
