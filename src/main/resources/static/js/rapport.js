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
      if (root.querySelector("[data-chat-live]") || document.querySelector("[data-chat-live]")) { return; }
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

  // Caller cards: a ringing phone pops the caller's card on every page of the routed team's agents; when the call is
  // answered or ends the card is asked for again, and the server answers with nothing unless it is still this agent's.
  function callerCards(root) {
    var source = new EventSource(root.getAttribute("data-live"));
    source.addEventListener("hello", function () { root.setAttribute("data-connected", "true"); });
    function show(call) {
      fetch(root.getAttribute("data-pop") + encodeURIComponent(call) + "/pop",
        { headers: { "HX-Request": "true" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) {
          var slot = document.getElementById("pop-" + call);
          if (!html.trim() || document.querySelector('[data-call-view="' + call + '"]')) {
            if (slot) { slot.remove(); }
            return;
          }
          if (!slot) {
            slot = document.createElement("div");
            slot.id = "pop-" + call;
            slot.className = "caller-pop";
            root.insertBefore(slot, root.firstChild);
          }
          slot.innerHTML = html;
          if (window.htmx) { window.htmx.process(slot); }
        });
    }
    ["ring", "answered", "ended"].forEach(function (name) {
      source.addEventListener(name, function (event) { show(JSON.parse(event.data).call); });
    });
    root.addEventListener("click", function (event) {
      var close = event.target.closest("[data-dismiss-call]");
      if (close) { close.closest(".caller-pop").remove(); }
    });
    window.addEventListener("pagehide", function () { source.close(); });
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
    var callers = document.getElementById("caller-cards");
    if (callers && window.EventSource) { callerCards(callers); }

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
    body.dispatchEvent(new Event("input", { bubbles: true }));
  }
  if (body) { body.focus(); body.setSelectionRange(body.value.length, body.value.length); }
});

// The reply coach beside the composer: apply a suggested wording, dismiss a finding ("I meant it"), and at send time
// show the findings that deserve a second look once, without ever stopping the agent from sending.
(function () {
  "use strict";

  function composerBody() { return document.getElementById("body"); }

  function csrfHeaders() {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    var headers = { "HX-Request": "true", "Content-Type": "application/x-www-form-urlencoded" };
    if (header && token && header.content) { headers[header.content] = token.content; }
    return headers;
  }

  function applySuggestion(button) {
    var body = composerBody();
    if (!body) { return; }
    var start = parseInt(button.getAttribute("data-start"), 10);
    var end = parseInt(button.getAttribute("data-end"), 10);
    var original = button.getAttribute("data-original") || "";
    var replacement = button.getAttribute("data-replacement") || "";
    if (body.value.substring(start, end) !== original) {
      var at = original ? body.value.indexOf(original) : -1;
      if (at < 0) { return; }
      start = at;
      end = at + original.length;
    }
    body.value = body.value.slice(0, start) + replacement + body.value.slice(end);
    body.focus();
    body.setSelectionRange(start + replacement.length, start + replacement.length);
    body.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // Underlines in the draft: a layer laid exactly over the textarea holds the same text, invisible, with the
  // findings' words underlined. It is drawn from the panel's spans only while the draft is the text they were found in.
  var COPIED = ["fontFamily", "fontSize", "fontWeight", "fontStyle", "lineHeight", "letterSpacing", "wordSpacing",
    "textIndent", "tabSize", "paddingTop", "paddingLeft", "paddingBottom", "borderTopWidth", "borderRightWidth",
    "borderBottomWidth", "borderLeftWidth", "boxSizing"];

  function placeMarks(body, marks) {
    var style = window.getComputedStyle(body);
    COPIED.forEach(function (property) { marks.style[property] = style[property]; });
    var borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    var scrollbar = Math.max(0, body.offsetWidth - body.clientWidth - borders);
    marks.style.paddingRight = (parseFloat(style.paddingRight) + scrollbar) + "px";
    marks.style.width = body.offsetWidth + "px";
    marks.style.height = body.offsetHeight + "px";
    marks.style.top = body.offsetTop + "px";
    marks.style.left = body.offsetLeft + "px";
    marks.scrollTop = body.scrollTop;
  }

  function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function drawMarks() {
    var body = composerBody();
    var marks = document.getElementById("coach-marks");
    var coach = document.querySelector("#coach-panel .coach");
    if (!body || !marks) { return; }
    if (!coach || parseInt(coach.getAttribute("data-length"), 10) !== body.value.length) {
      marks.textContent = "";
      return;
    }
    var spans = Array.prototype.map.call(coach.querySelectorAll(".coach-finding"), function (item) {
      return { start: parseInt(item.getAttribute("data-start"), 10), end: parseInt(item.getAttribute("data-end"), 10),
        strong: item.classList.contains("second-look"), label: item.getAttribute("data-label") };
    }).filter(function (span) { return span.end > span.start; })
      .sort(function (a, b) { return a.start - b.start; });
    var text = body.value;
    var html = "";
    var at = 0;
    spans.forEach(function (span) {
      if (span.start < at) { return; }
      html += escapeText(text.slice(at, span.start)) + '<mark class="' + (span.strong ? "strong" : "") + '">'
        + escapeText(text.slice(span.start, span.end)) + "</mark>";
      at = span.end;
    });
    marks.innerHTML = html + escapeText(text.slice(at)) + "\n";
    placeMarks(body, marks);
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail && event.detail.target && event.detail.target.id === "coach-panel") { drawMarks(); }
  });
  document.addEventListener("input", function (event) {
    if (event.target && event.target.id === "body") { drawMarks(); }
  });
  document.addEventListener("scroll", function (event) {
    var marks = document.getElementById("coach-marks");
    if (event.target && event.target.id === "body" && marks) { marks.scrollTop = event.target.scrollTop; }
  }, true);
  window.addEventListener("resize", drawMarks);
  if (window.ResizeObserver && composerBody()) { new ResizeObserver(drawMarks).observe(composerBody()); }

  function dismiss(button) {
    var keys = document.getElementById("coach-dismissed");
    if (keys) { keys.value = (keys.value ? keys.value + "\n" : "") + button.getAttribute("data-key"); }
    var item = button.closest(".coach-finding");
    if (item) { item.remove(); }
    drawMarks();
    var conversation = document.querySelector('#composer input[name="conversation"]');
    var form = new URLSearchParams();
    form.set("rule", button.getAttribute("data-rule"));
    form.set("category", button.getAttribute("data-category"));
    form.set("words", button.getAttribute("data-words") || "");
    if (conversation) { form.set("conversation", conversation.value); }
    fetch("/coach/dismissals", { method: "POST", headers: csrfHeaders(), body: form.toString(), credentials: "same-origin" });
  }

  document.addEventListener("click", function (event) {
    var apply = event.target.closest("[data-coach-apply]");
    if (apply) { applySuggestion(apply); return; }
    var dismissButton = event.target.closest("[data-coach-dismiss]");
    if (dismissButton) { dismiss(dismissButton); return; }
    var dialog = document.getElementById("coach-confirm");
    if (event.target.closest("[data-coach-edit]") && dialog) {
      dialog.close();
      var body = composerBody();
      if (body) { body.focus(); }
    } else if (event.target.closest("[data-coach-send]") && dialog) {
      dialog.close();
      document.getElementById("composer").requestSubmit();
    }
  });

  // Once per draft: the first send with open findings of categories 1-5 shows them; the next send goes.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id !== "composer" || form.getAttribute("data-coach-confirmed") === "true") { return; }
    var reply = form.querySelector('input[name="type"][value="reply"]');
    if (reply && !reply.checked) { return; }
    var open = form.querySelectorAll("#coach-panel .coach-finding.second-look");
    var dialog = document.getElementById("coach-confirm");
    if (!open.length || !dialog || typeof dialog.showModal !== "function") { return; }
    event.preventDefault();
    form.setAttribute("data-coach-confirmed", "true");
    var list = document.getElementById("coach-confirm-list");
    list.textContent = "";
    Array.prototype.forEach.call(open, function (item) {
      var line = document.createElement("li");
      var label = document.createElement("strong");
      label.textContent = item.getAttribute("data-label");
      line.appendChild(label);
      var words = item.getAttribute("data-words");
      if (words) { line.appendChild(document.createTextNode(": \u201c" + words + "\u201d")); }
      list.appendChild(line);
    });
    dialog.showModal();
  }, true);
  // Solving with a reply while promises are open (or one is being made in this reply) asks first: solving does not
  // close them, and the agent may rather keep the conversation open.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || form.id !== "composer" || form.getAttribute("data-solve-confirmed") === "true") { return; }
    var then = form.querySelector('select[name="then"]');
    var reply = form.querySelector('input[name="type"][value="reply"]');
    if (!then || then.value !== "SOLVED" || (reply && !reply.checked)) { return; }
    var items = (form.getAttribute("data-open-when-solving") || "").split("\n").filter(function (line) { return line; });
    var making = form.querySelector('[name="promise.what"]');
    if (making && making.value.trim()) { items.push("New promise in this reply: " + making.value.trim()); }
    var dialog = document.getElementById("solve-confirm");
    if (!items.length || !dialog || typeof dialog.showModal !== "function") { return; }
    event.preventDefault();
    var list = document.getElementById("solve-confirm-list");
    list.textContent = "";
    items.forEach(function (text) {
      var line = document.createElement("li");
      line.textContent = text;
      list.appendChild(line);
    });
    dialog.showModal();
  }, true);

  document.addEventListener("click", function (event) {
    var dialog = document.getElementById("solve-confirm");
    var form = document.getElementById("composer");
    if (!dialog || !form) { return; }
    if (event.target.closest("[data-solve-keep-open]")) {
      form.querySelector('select[name="then"]').value = "WAITING_ON_CUSTOMER";
    } else if (!event.target.closest("[data-solve-anyway]")) {
      return;
    }
    dialog.close();
    form.setAttribute("data-solve-confirmed", "true");
    form.requestSubmit();
  });
  // Quick choices fill a date-time field ("by end of today") and let the promise preview know.
  document.addEventListener("click", function (event) {
    var chip = event.target.closest("[data-fill]");
    if (!chip) { return; }
    var field = document.getElementById(chip.getAttribute("data-fill"));
    if (!field) { return; }
    field.value = chip.getAttribute("data-value");
    field.dispatchEvent(new Event("change", { bubbles: true }));
  });
  // The coach's "Make it a promise": opens the composer's promise panel with what was vaguely promised, in the
  // ledger's words ("we'll get back to you soon" becomes "get back to you"), and asks for the deadline next.
  function promiseWording(words) {
    var text = (words || "").trim().replace(/[.!?]+$/, "");
    if (/call (us|me) (back|again)/i.test(text)) { return "call you back"; }
    if (/(contact|email|write to|ring) (us|me)/i.test(text)) { return "get back to you"; }
    text = text.replace(/^(we|i)\s*('ll| will| are going to| am going to| shall)\s+/i, "")
      .replace(/\s+(soon|shortly|asap|as soon as possible|in due course|later|at some point|when we can)$/i, "");
    return text;
  }

  // The finding's words to the end of their sentence: "We'll look into" becomes "We'll look into it soon".
  function sentenceOf(button) {
    var finding = button.closest(".coach-finding");
    var body = composerBody();
    var words = button.getAttribute("data-words") || "";
    if (!finding || !body) { return words; }
    var start = parseInt(finding.getAttribute("data-start"), 10);
    var end = parseInt(finding.getAttribute("data-end"), 10);
    var text = body.value;
    if (isNaN(start) || isNaN(end) || text.substring(start, end) !== words) { return words; }
    var rest = text.substring(end).search(/[.!?\n]/);
    return text.substring(start, rest < 0 ? text.length : end + rest);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-coach-promise]");
    if (!button) { return; }
    var panel = document.querySelector("#composer details.promise-panel");
    if (!panel) { return; }
    panel.open = true;
    var what = panel.querySelector('[name="promise.what"]');
    if (what && !what.value.trim()) {
      what.value = promiseWording(sentenceOf(button));
      what.dispatchEvent(new Event("input", { bubbles: true }));
    }
    var due = panel.querySelector('[name="promise.due"]');
    panel.scrollIntoView({ block: "nearest" });
    (due && !due.value ? due : what).focus();
  });
})();

// "Put it in my reply": adds a sentence another panel prepared (an approval's word to the customer) to the end of the
// reply being written, once, and leaves the agent in the composer to send it.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-add-to-reply]");
  if (!button) { return; }
  var body = document.getElementById("body");
  if (!body) { return; }
  var sentence = button.getAttribute("data-add-to-reply");
  if (body.value.indexOf(sentence) < 0) {
    body.value = body.value.trim() ? body.value.replace(/\s+$/, "") + "\n\n" + sentence : sentence;
    body.dispatchEvent(new Event("input", { bubbles: true }));
  }
  body.focus();
  body.setSelectionRange(body.value.length, body.value.length);
});

// Live chat (the chat module): the panel beside a chat conversation shows the visitor typing, the page they are on and
// what they have read, adds their messages to the thread as they arrive, and tells them when the agent is typing.
(function () {
  "use strict";
  function csrf() {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    var headers = {};
    if (header && token && header.content) { headers[header.content] = token.content; }
    return headers;
  }
  // A visitor's files on the thread as they arrive: pictures as thumbnails, everything else as a link with its size.
  function chatFiles(files) {
    var list = document.createElement("ul");
    list.className = "attachments";
    files.forEach(function (file) {
      var href = "/attachments/" + encodeURIComponent(file.id);
      var item = document.createElement("li");
      if (file.image) {
        var thumb = document.createElement("a");
        thumb.className = "attachment-thumb";
        thumb.href = href;
        thumb.target = "_blank";
        thumb.rel = "noopener";
        var img = document.createElement("img");
        img.src = href;
        img.alt = "";
        thumb.appendChild(img);
        item.appendChild(thumb);
      }
      var link = document.createElement("a");
      link.href = href;
      link.textContent = file.name;
      var size = document.createElement("span");
      size.className = "subtle";
      size.textContent = file.sizeLabel;
      item.appendChild(link);
      item.appendChild(size);
      list.appendChild(item);
    });
    return list;
  }
  var current = null;
  function start(panel) {
    if (panel.getAttribute("data-started")) { return; }
    panel.setAttribute("data-started", "true");
    if (current) { current.close(); }
    var source = new EventSource(panel.getAttribute("data-live"));
    current = source;
    var connection = panel.querySelector("[data-chat-connection]");
    var typing = panel.querySelector("[data-chat-typing]");
    var read = panel.querySelector("[data-chat-read]");
    var page = panel.querySelector("[data-chat-page]");
    var thread = document.querySelector(".thread .entries");
    var shown = {};
    var typingTimer = null;
    source.onmessage = function (message) {
      var event = JSON.parse(message.data);
      if (event.type === "hello") { connection.textContent = "live"; connection.className = "chat-connection live"; }
      if (event.type === "typing") {
        typing.hidden = !event.on;
        clearTimeout(typingTimer);
        if (event.on) { typingTimer = setTimeout(function () { typing.hidden = true; }, 8000); }
      }
      if (event.type === "connected") {
        connection.textContent = event.on ? "visitor here" : "visitor left";
        connection.className = "chat-connection " + (event.on ? "live" : "gone");
      }
      if (event.type === "read") { read.hidden = false; }
      if (event.type === "page" && page) { page.textContent = event.url; page.href = event.url; }
      if (event.type === "line" && event.author === "visitor" && thread && !shown[event.seq]) {
        shown[event.seq] = true;
        typing.hidden = true;
        read.hidden = true;
        var item = document.createElement("li");
        item.className = "entry message inbound chat-arrived";
        var head = document.createElement("div");
        head.className = "message-head";
        var name = document.createElement("strong");
        name.textContent = event.name;
        var what = document.createElement("span");
        what.className = "subtle";
        what.textContent = "wrote just now";
        head.appendChild(name);
        head.appendChild(document.createTextNode(" "));
        head.appendChild(what);
        var body = document.createElement("div");
        body.className = "message-body";
        body.textContent = event.body;
        item.appendChild(head);
        if (event.body) { item.appendChild(body); }
        if (event.files && event.files.length) { item.appendChild(chatFiles(event.files)); }
        thread.appendChild(item);
      }
    };
    source.onerror = function () { connection.textContent = "reconnecting…"; connection.className = "chat-connection"; };
    var composer = document.getElementById("body");
    var active = false;
    var idle = null;
    function signal(on) {
      if (active === on) { return; }
      active = on;
      fetch(panel.getAttribute("data-typing") + "?active=" + on,
        { method: "POST", headers: csrf(), credentials: "same-origin" });
    }
    if (composer) {
      composer.addEventListener("input", function () {
        signal(composer.value.trim().length > 0);
        clearTimeout(idle);
        idle = setTimeout(function () { signal(false); }, 5000);
      });
      composer.form.addEventListener("submit", function () { signal(false); source.close(); });
    }
    window.addEventListener("pagehide", function () { source.close(); });
  }
  document.addEventListener("htmx:afterSwap", function () {
    var panel = document.querySelector("[data-chat-live]");
    if (panel && window.EventSource) { start(panel); }
  });
})();

// The composer's files: a file over the limits is refused as soon as it is chosen, so the agent never uploads
// something the server will refuse and the draft stays where it is. The server checks again.
document.addEventListener("change", function (event) {
  var input = event.target;
  if (input.id !== "composer-files") { return; }
  var error = document.getElementById("composer-files-error");
  var maxBytes = Number(input.getAttribute("data-max-bytes"));
  var maxFiles = Number(input.getAttribute("data-max-files"));
  var maxTotal = Number(input.getAttribute("data-max-total-bytes"));
  var files = Array.prototype.slice.call(input.files || []);
  var megabytes = function (bytes) { return (bytes / (1024 * 1024)).toFixed(1); };
  var problem = null;
  var total = files.reduce(function (sum, file) { return sum + file.size; }, 0);
  var tooLarge = files.filter(function (file) { return file.size > maxBytes; })[0];
  if (files.length > maxFiles) {
    problem = "You chose " + files.length + " files; one message can carry at most " + maxFiles + ".";
  } else if (tooLarge) {
    problem = tooLarge.name + " is " + megabytes(tooLarge.size) + " MB; files can be at most "
      + Math.floor(maxBytes / (1024 * 1024)) + " MB.";
  } else if (files.length > 1 && total > maxTotal) {
    problem = "These files add up to " + megabytes(total) + " MB; one message can carry at most "
      + Math.floor(maxTotal / (1024 * 1024)) + " MB.";
  }
  if (error) {
    error.textContent = problem || "";
    error.hidden = !problem;
  }
  if (problem) { input.value = ""; }
  var list = document.getElementById("composer-files-list");
  if (list) {
    list.textContent = "";
    (problem ? [] : files).forEach(function (file) {
      var item = document.createElement("li");
      item.textContent = file.name;
      var size = document.createElement("span");
      size.className = "subtle";
      size.textContent = file.size < 1024 * 1024 ? Math.max(1, Math.round(file.size / 1024)) + " KB"
        : megabytes(file.size) + " MB";
      item.appendChild(size);
      list.appendChild(item);
    });
    list.hidden = !list.children.length;
  }
});

// Chat cues (the chat module): a new chat for me, or the visitor writing in a chat I have, plays a short chime (made
// with WebAudio, no sound file) and shows a card on whatever page I am on. The sound can be muted; the choice is kept
// per agent in this browser. Cards do not move for people who ask for reduced motion (see rapport.css).
(function () {
  "use strict";
  var root = null;
  var audio = null;
  var unseen = 0;
  var title = document.title;
  function key() { return "rapport.chat.sound." + (root ? root.getAttribute("data-me") : ""); }
  function muted() {
    try { return localStorage.getItem(key()) === "off"; } catch (e) { return false; }
  }
  function syncToggles() {
    var off = muted();
    document.querySelectorAll("[data-chat-sound]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(!off));
      button.textContent = off ? "Sound off" : "Sound on";
      button.title = off ? "Play a sound for new chats" : "Mute the sound for new chats";
    });
  }
  function context() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return null; }
    if (!audio) { audio = new Context(); }
    return audio;
  }
  // Browsers let a page make sound only after the person has used it: wake the audio on their first click or key.
  function wake() {
    var ctx = context();
    if (ctx && ctx.state === "suspended") { ctx.resume(); }
  }
  document.addEventListener("pointerdown", wake, true);
  document.addEventListener("keydown", wake, true);
  function chime() {
    var ctx = context();
    if (!ctx || ctx.state !== "running") { return false; }
    var now = ctx.currentTime;
    [[659.25, 0], [987.77, 0.13]].forEach(function (tone) {
      var oscillator = ctx.createOscillator();
      var gain = ctx.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = tone[0];
      gain.gain.setValueAtTime(0.0001, now + tone[1]);
      gain.gain.exponentialRampToValueAtTime(0.18, now + tone[1] + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + tone[1] + 0.4);
      oscillator.connect(gain);
      gain.connect(ctx.destination);
      oscillator.start(now + tone[1]);
      oscillator.stop(now + tone[1] + 0.45);
    });
    return true;
  }
  function here(number) {
    var page = document.querySelector("[data-conversation]");
    return page && page.getAttribute("data-number") === String(number) && !document.hidden;
  }
  function card(cue) {
    var old = root.querySelector('[data-chat-cue-number="' + cue.number + '"]');
    if (old) { old.remove(); }
    var item = document.createElement("div");
    item.className = "chat-cue " + cue.type;
    item.setAttribute("role", "status");
    item.setAttribute("data-chat-cue", cue.type);
    item.setAttribute("data-chat-cue-number", cue.number);
    var icon = document.createElement("span");
    icon.className = "chat-cue-icon";
    icon.setAttribute("aria-hidden", "true");
    var text = document.createElement("div");
    text.className = "chat-cue-text";
    var head = document.createElement("strong");
    head.textContent = cue.type === "new-chat" ? "New chat from " + cue.name : cue.name + " wrote";
    var said = document.createElement("span");
    said.textContent = cue.text;
    text.appendChild(head);
    text.appendChild(said);
    var open = document.createElement("a");
    open.className = "button small primary";
    open.href = "/conversations/" + encodeURIComponent(cue.number);
    open.textContent = cue.type === "new-chat" ? "Answer" : "Open";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "chat-cue-close";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "×";
    close.addEventListener("click", function () { item.remove(); });
    var sound = document.createElement("button");
    sound.type = "button";
    sound.className = "link-button small chat-sound";
    sound.setAttribute("data-chat-sound", "");
    item.appendChild(icon);
    item.appendChild(text);
    item.appendChild(open);
    item.appendChild(close);
    text.appendChild(sound);
    root.insertBefore(item, root.firstChild);
    while (root.children.length > 4) { root.removeChild(root.lastChild); }
    if (cue.type !== "new-chat") {
      setTimeout(function () { item.remove(); }, 20000);
    }
    return item;
  }
  function arrived(cue) {
    if (cue.type !== "new-chat" && cue.type !== "visitor-wrote") { return; }
    if (cue.type === "visitor-wrote" && here(cue.number)) { return; }
    var item = card(cue);
    item.setAttribute("data-sound", muted() ? "muted" : chime() ? "played" : "blocked");
    syncToggles();
    if (document.hidden) {
      unseen++;
      document.title = "(" + unseen + ") " + title;
    }
  }
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { unseen = 0; document.title = title; }
  });
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest("[data-chat-sound]");
    if (!toggle) { return; }
    try { localStorage.setItem(key(), muted() ? "on" : "off"); } catch (e) { /* private mode: not remembered */ }
    syncToggles();
    if (!muted()) { wake(); }
  });
  document.addEventListener("htmx:afterSwap", syncToggles);
  document.addEventListener("DOMContentLoaded", function () {
    root = document.getElementById("chat-cues");
    syncToggles();
    if (!root || !window.EventSource) { return; }
    var source = new EventSource(root.getAttribute("data-live"));
    source.onmessage = function (message) {
      var cue = JSON.parse(message.data);
      if (cue.type === "hello") { root.setAttribute("data-connected", "true"); return; }
      arrived(cue);
    };
    window.addEventListener("pagehide", function () { source.close(); });
  });
})();
