// Rapport's small page script: no inline scripts are allowed by the Content-Security-Policy, so page behaviour lives here.
(function () {
  "use strict";

  // htmx requests carry the CSRF token as a header.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token && header.content && token.content) {
      event.detail.headers[header.content] = token.content;
    }
  });

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // Keyboard: j/k move through the inbox and Enter opens; r replies, n notes, a assigns to me, e solves.
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var rows = Array.prototype.slice.call(document.querySelectorAll(".conversation-row"));
    var selected = document.querySelector(".conversation-row.selected");
    var index = rows.indexOf(selected);
    if ((event.key === "j" || event.key === "k") && rows.length) {
      var next = event.key === "j" ? Math.min(rows.length - 1, index + 1) : Math.max(0, index - 1);
      if (selected) { selected.classList.remove("selected"); }
      rows[next].classList.add("selected");
      rows[next].querySelector("a").focus();
      event.preventDefault();
    } else if (event.key === "Enter" && selected) {
      window.location.href = selected.querySelector("a").href;
    } else if (event.key === "r" || event.key === "n") {
      var composer = document.getElementById("body");
      var type = document.querySelector('input[name="type"][value="' + (event.key === "r" ? "reply" : "note") + '"]');
      if (composer) {
        if (type) { type.checked = true; }
        composer.focus();
        event.preventDefault();
      }
    } else if (event.key === "a" || event.key === "e") {
      var button = document.querySelector('[data-key="' + event.key + '"]');
      if (button) { button.click(); event.preventDefault(); }
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    // Preselect the browser's time zone on the setup page, when the person has not chosen one yet.
    document.querySelectorAll("select[data-guess-time-zone]").forEach(function (select) {
      if (select.value) { return; }
      try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && select.querySelector('option[value="' + zone.replace(/"/g, "") + '"]')) {
          select.value = zone;
        }
      } catch (ignored) { /* keep "Choose…" */ }
    });
  });
})();
