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
