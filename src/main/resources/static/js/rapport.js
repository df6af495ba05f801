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
