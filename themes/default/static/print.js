/* The print version of an article: writes the date printed (dd/mm/yyyy, the reader's
   day) where the page says "Ngày in", and shows the "In bài" button. Without
   JavaScript the page prints all the same, with a blank to fill in by hand. */
(function () {
  "use strict";
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function stamp() {
    var d = new Date();
    var text = two(d.getDate()) + "/" + two(d.getMonth() + 1) + "/" + d.getFullYear();
    document.querySelectorAll("[data-ngay-in]").forEach(function (el) { el.textContent = text; });
  }
  document.addEventListener("DOMContentLoaded", function () {
    stamp();
    var button = document.getElementById("nut-in");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    }
  });
  window.addEventListener("beforeprint", stamp);
}());
