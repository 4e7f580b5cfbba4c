// Progressive enhancement only: every page works without this file.
// Prevent double submission: disable a form's submit buttons once it is sent.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.dataset.submitted === "true") { event.preventDefault(); return; }
  form.dataset.submitted = "true";
  form.querySelectorAll("button[type=submit]").forEach(function (b) { b.setAttribute("aria-disabled", "true"); });
});
// Move focus to the error summary so screen-reader users hear what went wrong.
window.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
});
// Autocomplete: fill the shared datalist with suggestions from /api/suggest as a person types.
(function () {
  var list = document.getElementById("search-suggestions");
  if (!list || !window.fetch) return;
  var timer;
  document.querySelectorAll("input[list=search-suggestions]").forEach(function (input) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) return;
      timer = setTimeout(function () {
        fetch("/api/suggest?q=" + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (items) {
          list.replaceChildren.apply(list, items.map(function (s) { var o = document.createElement("option"); o.value = s.text; return o; }));
        }).catch(function () { /* suggestions are optional: typing and submitting still work */ });
      }, 150);
    });
  });
})();
// Phone header: the menu button shows and hides the navigation. Without this file the navigation is always shown.
(function () {
  var header = document.querySelector(".site-header");
  var button = document.querySelector("[data-testid=menu-button]");
  if (!header || !button) return;
  document.documentElement.classList.add("js");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = header.classList.toggle("menu-open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();
// Search filters sit beside the results on wide screens; on narrow ones they wait behind the "Filters" button.
(function () {
  var facets = document.querySelector("details[data-testid=facets]");
  if (facets && window.matchMedia("(max-width: 991.98px)").matches) facets.open = false;
})();
