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

  function csrfHeaders() {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    var headers = {};
    if (header && token && header.content) { headers[header.content] = token.content; }
    return headers;
  }

  // Live inbox: when any conversation changes, reload the list in place (keeping view and filters).
  function liveInbox(root) {
    var pending = null;
    var source = new EventSource("/live/inbox");
    source.addEventListener("changed", function () {
      if (pending) { return; }
      pending = setTimeout(function () {
        pending = null;
        if (window.htmx) {
          var selected = document.querySelector(".conversation-row.selected a");
          var keep = selected ? selected.getAttribute("href") : null;
          window.htmx.ajax("GET", window.location.pathname + window.location.search,
            { target: "#inbox-body", swap: "outerHTML" }).then(function () {
              if (!keep) { return; }
              var again = document.querySelector('.conversation-row a[href="' + keep + '"]');
              if (again) { again.parentElement.classList.add("selected"); }
            });
        }
      }, 150);
    });
    window.addEventListener("pagehide", function () { source.close(); });
  }

  // Live conversation: who else is here and drafting; warn when the customer writes while we draft.
  function liveConversation(root) {
    var number = root.getAttribute("data-number");
    var me = root.getAttribute("data-me");
    var presence = document.getElementById("presence");
    var composer = document.getElementById("body");
    var source = new EventSource("/live/conversations/" + number);
    source.addEventListener("presence", function (event) {
      var others = JSON.parse(event.data).filter(function (p) { return p.agentId !== me; });
      presence.hidden = others.length === 0;
      presence.textContent = others.map(function (p) {
        return p.name + (p.drafting ? " is writing a reply" : " is viewing");
      }).join(" · ");
    });
    source.addEventListener("customer-wrote", function () {
      if (composer && composer.value.trim()) {
        document.getElementById("customer-wrote").hidden = false;
      } else {
        window.location.reload();
      }
    });
    source.addEventListener("changed", function () {
      if (composer && composer.value.trim()) {
        document.getElementById("changed-elsewhere").hidden = false;
      }
    });
    var drafting = false;
    var idle = null;
    function signal(active) {
      if (drafting === active) { return; }
      drafting = active;
      fetch("/live/conversations/" + number + "/drafting?active=" + active,
        { method: "POST", headers: csrfHeaders(), credentials: "same-origin" });
    }
    if (composer) {
      composer.addEventListener("input", function () {
        signal(composer.value.trim().length > 0);
        clearTimeout(idle);
        idle = setTimeout(function () { signal(false); }, 20000);
      });
      composer.form.addEventListener("submit", function () { source.close(); });
    }
    window.addEventListener("pagehide", function () { signal(false); source.close(); });
  }

  // "Select all on this page" for bulk actions (delegated, so it survives live list refreshes).
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-select-all]")) {
      document.querySelectorAll(".row-check").forEach(function (box) { box.checked = event.target.checked; });
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var inbox = document.querySelector("[data-inbox]");
    if (inbox && window.EventSource) { liveInbox(inbox); }
    var conversation = document.querySelector("[data-conversation]");
    if (conversation && window.EventSource) { liveConversation(conversation); }

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

// The composer's greeting offer: puts "Hi Paul," at the start of the reply, once.
document.addEventListener("click", function (event) {
  var offer = event.target.closest("[data-greeting]");
  if (!offer) return;
  var body = document.getElementById("body");
  var greeting = offer.getAttribute("data-greeting");
  if (body && body.value.indexOf(greeting) !== 0) {
    body.value = greeting + "\n\n" + body.value;
  }
  if (body) { body.focus(); body.setSelectionRange(body.value.length, body.value.length); }
});
