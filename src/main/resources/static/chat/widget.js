/*! Rapport chat widget. One script tag, no framework, no build step. Everything lives in a shadow root and every
 * entry point is guarded, so a failure here (or Rapport being unreachable) never touches the host page. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__rapportChat) { return; }
  window.__rapportChat = true;

  var KEY = script.getAttribute("data-rapport-chat");
  var SRC = new URL(script.src, location.href);
  var BASE = SRC.href.replace(/\/chat\/widget\.js(\?.*)?$/, "");
  var WS_BASE = BASE.replace(/^http/, "ws");
  var STORE = "rapport-chat:" + KEY;
  var URL_RE = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

  function guard(fn) {
    return function () {
      try { return fn.apply(this, arguments); } catch (e) { if (window.console) { console.warn("Rapport chat:", e); } }
    };
  }

  // ---- state kept across page views: the visitor token and the messages not yet acknowledged
  var saved = load();
  function load() {
    try { return JSON.parse(localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }
  function persist() {
    try { localStorage.setItem(STORE, JSON.stringify(saved)); } catch (e) { /* private mode: works for this page */ }
  }
  saved.pending = saved.pending || [];
  var lastSeq = 0; // per page view: a new page shows the history again, a reconnect asks only for what it missed

  var state = { connected: false, welcomed: false, online: false, chatting: false, widget: null, name: null,
    email: null, verified: false, open: false, lines: {}, readUpTo: 0, lastOwnSeq: 0 };
  var ui = null;
  var transport = null;

  function newId() {
    var bytes = new Uint8Array(12);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return "c" + Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function identity() {
    var config = window.RapportChat && window.RapportChat.identity;
    return config && typeof config === "object" ? { id: config.id, email: config.email, name: config.name,
      signature: config.signature } : null;
  }

  // ---- transport: WebSocket first; after repeated failures to open, an event stream with posts beside it
  function Transport() {
    this.attempt = 0;
    this.wsFailures = 0;
    this.fallback = !window.WebSocket;
    this.socket = null;
    this.stream = null;
  }
  Transport.prototype.connect = guard(function () {
    var self = this;
    if (self.fallback) { return self.connectStream(); }
    var opened = false;
    var socket;
    try { socket = new WebSocket(WS_BASE + "/chat/visitor/ws?w=" + encodeURIComponent(KEY)); } catch (e) {
      self.fallback = true; return self.connectStream();
    }
    self.socket = socket;
    socket.onopen = guard(function () {
      opened = true;
      self.wsFailures = 0;
      socket.send(JSON.stringify({ type: "hello", token: saved.token || null, after: lastSeq,
        page: location.href, identity: identity() }));
    });
    socket.onmessage = guard(function (event) { receive(JSON.parse(event.data)); });
    socket.onclose = guard(function () {
      if (self.socket !== socket) { return; }
      self.socket = null;
      disconnected();
      if (!opened && ++self.wsFailures >= 2 && window.EventSource) { self.fallback = true; }
      self.retry();
    });
  });
  Transport.prototype.connectStream = function () {
    var self = this;
    var id = identity() || {};
    var params = "w=" + encodeURIComponent(KEY) + "&after=" + lastSeq + "&page=" + encodeURIComponent(location.href)
      + (saved.token ? "&token=" + encodeURIComponent(saved.token) : "")
      + (id.signature ? "&id=" + encodeURIComponent(id.id || "") + "&email=" + encodeURIComponent(id.email || "")
        + "&name=" + encodeURIComponent(id.name || "") + "&signature=" + encodeURIComponent(id.signature) : "");
    var stream = new EventSource(BASE + "/chat/visitor/events?" + params);
    self.stream = stream;
    stream.onmessage = guard(function (event) { receive(JSON.parse(event.data)); });
    stream.onerror = guard(function () {
      stream.close();
      if (self.stream !== stream) { return; }
      self.stream = null;
      disconnected();
      self.retry();
    });
  };
  Transport.prototype.retry = function () {
    var self = this;
    var delay = Math.min(30000, 1000 * Math.pow(2, self.attempt++)) * (0.75 + Math.random() * 0.5);
    clearTimeout(self.timer);
    self.timer = setTimeout(guard(function () { self.connect(); }), delay);
  };
  Transport.prototype.welcomed = function () {
    this.attempt = 0;
  };
  Transport.prototype.send = function (message) {
    if (!state.connected) { return false; }
    if (this.socket && this.socket.readyState === 1) {
      this.socket.send(JSON.stringify(message));
      return true;
    }
    if (this.stream) {
      fetch(BASE + "/chat/visitor/send?w=" + encodeURIComponent(KEY) + "&token=" + encodeURIComponent(saved.token),
        { method: "POST", headers: { "Content-Type": "text/plain" }, body: JSON.stringify(message), mode: "cors" })
        .then(function (response) { return response.json(); })
        .then(guard(function (events) { (Array.isArray(events) ? events : [events]).forEach(receive); }))
        .catch(function () { /* unacknowledged: resent after reconnecting */ });
      return true;
    }
    return false;
  };

  function disconnected() {
    state.connected = false;
    if (ui) { ui.status(state.welcomed ? "Reconnecting…" : ""); }
  }

  // ---- what the server says
  function receive(event) {
    switch (event.type) {
      case "welcome": return welcome(event);
      case "ack": return acknowledged(event);
      case "line": return line(event);
      case "typing": return ui && ui.agentTyping(event.on, event.name);
      case "read": state.readUpTo = Math.max(state.readUpTo, event.seq || 0); return ui && ui.renderRead();
      case "helper": return ui && ui.helper(event.name);
      case "error": return refused(event);
      case "left": return ui && ui.offlineSent(event.number);
      case "transcript-sent": return ui && ui.notice("We sent the transcript to your email address.");
      default: return null;
    }
  }

  function welcome(event) {
    if (event.token) { saved.token = event.token; persist(); }
    state.connected = true;
    state.welcomed = true;
    state.online = event.online;
    state.chatting = event.chatting;
    state.widget = event.widget;
    state.name = event.name;
    state.email = event.email;
    state.verified = event.verified;
    transport.welcomed();
    if (!ui) { ui = new Ui(); }
    ui.configure(event.helper);
    (event.lines || []).forEach(line);
    ui.status("");
    saved.pending.forEach(function (message) {
      if (!ui.log.querySelector('[data-id="' + message.id + '"]')) { ui.pendingLine(message); }
      transport.send(message);
    });
  }

  function acknowledged(event) {
    saved.pending = saved.pending.filter(function (message) { return message.id !== event.id; });
    persist();
    state.chatting = true;
    if (ui) { ui.sent(event.id, event.seq); }
  }

  function line(event) {
    if (state.lines[event.seq]) { return; }
    state.lines[event.seq] = event;
    if (event.seq > lastSeq) { lastSeq = event.seq; }
    if (event.author === "visitor") {
      state.chatting = true;
      state.lastOwnSeq = Math.max(state.lastOwnSeq, event.seq);
      saved.pending = saved.pending.filter(function (message) { return message.id !== event.id; });
      persist();
    }
    if (ui) { ui.line(event); }
  }

  function refused(event) {
    if (event.id) {
      saved.pending = saved.pending.filter(function (message) { return message.id !== event.id; });
      persist();
      if (ui) { ui.failed(event.id, event.message, event.code); return; }
    }
    if (ui) { ui.notice(event.message); }
  }

  // ---- the interface, inside a shadow root
  var CSS = ":host{all:initial;position:fixed;right:20px;bottom:20px;z-index:2147483000;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2433}" +
    "*{box-sizing:border-box}[hidden]{display:none!important}button,input,textarea{font:inherit;color:inherit}" +
    ".launcher{width:58px;height:58px;border-radius:50%;border:0;background:var(--rc);color:#fff;cursor:pointer;box-shadow:0 6px 20px rgba(20,30,60,.28);display:flex;align-items:center;justify-content:center;margin-left:auto;transition:transform .15s}" +
    ".launcher:hover{transform:scale(1.06)}.launcher:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #8fb3ff;outline-offset:2px}" +
    ".launcher svg{width:28px;height:28px;fill:none;stroke:#fff;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}" +
    ".badge{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;border-radius:10px;background:#e5484d;color:#fff;font-size:12px;font-weight:700;display:flex;align-items:center;justify-content:center;padding:0 5px}" +
    ".panel{position:absolute;right:0;bottom:74px;width:370px;height:min(600px,calc(100vh - 110px));background:#fff;border-radius:16px;box-shadow:0 12px 48px rgba(20,30,60,.25);display:flex;flex-direction:column;overflow:hidden}" +
    ".panel[hidden]{display:none}" +
    "header{background:var(--rc);color:#fff;padding:16px 18px;display:flex;align-items:center;gap:12px}" +
    "header .who{flex:1;min-width:0}header h2{margin:0;font-size:17px;font-weight:650}header p{margin:2px 0 0;font-size:13px;opacity:.9}" +
    ".dot{display:inline-block;width:8px;height:8px;border-radius:50%;background:#4ade80;margin-right:6px;vertical-align:1px}.dot.off{background:#cbd5e1}" +
    ".icon{background:transparent;border:0;color:#fff;cursor:pointer;padding:6px;border-radius:8px;display:flex}.icon:hover{background:rgba(255,255,255,.15)}" +
    ".icon svg{width:20px;height:20px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round}" +
    ".log{flex:1;overflow-y:auto;padding:16px 14px;background:#f6f7fb;display:flex;flex-direction:column;gap:8px}" +
    ".msg{max-width:82%;padding:9px 13px;border-radius:16px;white-space:pre-wrap;overflow-wrap:anywhere}" +
    ".msg.agent,.msg.greeting{background:#fff;border:1px solid #e4e7ef;border-bottom-left-radius:4px;align-self:flex-start}" +
    ".msg.visitor{background:var(--rc);color:#fff;border-bottom-right-radius:4px;align-self:flex-end}" +
    ".msg.visitor a{color:#fff}.msg a{color:inherit;text-decoration:underline}" +
    ".msg.system{align-self:center;background:transparent;color:#5b6478;font-size:13px;text-align:center;padding:2px 8px}" +
    ".author{display:block;font-size:12px;font-weight:600;color:#5b6478;margin-bottom:2px}" +
    ".meta{align-self:flex-end;font-size:12px;color:#6b7385;margin-top:-4px}.meta.fail{color:#c02d32}" +
    ".typing{align-self:flex-start;font-size:13px;color:#5b6478;padding:0 4px}.typing[hidden],.notice[hidden],.prechat[hidden],form[hidden]{display:none}" +
    ".notice{margin:0;padding:8px 14px;background:#fff7e6;color:#7a4b00;font-size:13px;border-top:1px solid #f3e2bd}" +
    ".prechat{display:flex;gap:8px;padding:10px 12px 0;background:#fff;flex-wrap:wrap}.prechat input{flex:1 1 140px}" +
    "input,textarea{border:1px solid #d5d9e3;border-radius:10px;padding:9px 11px;background:#fff;min-width:0}input:focus,textarea:focus{outline:2px solid var(--rc);outline-offset:-1px;border-color:transparent}" +
    ".composer{display:flex;gap:8px;padding:10px 12px 12px;background:#fff;border-top:1px solid #eceef4;align-items:flex-end}" +
    ".composer textarea{flex:1;resize:none;max-height:120px}" +
    ".send{background:var(--rc);color:#fff;border:0;border-radius:10px;padding:10px 14px;cursor:pointer;font-weight:600}" +
    ".send:disabled{opacity:.5;cursor:default}" +
    ".offline{padding:16px;display:flex;flex-direction:column;gap:10px;background:#fff;overflow-y:auto;flex:1}.offline p{margin:0;color:#3b4356}" +
    ".offline label{font-size:13px;font-weight:600;color:#3b4356;display:flex;flex-direction:column;gap:4px}" +
    ".foot{display:flex;justify-content:space-between;padding:0 14px 10px;background:#fff;font-size:12px;color:#7b8294}" +
    ".link{background:none;border:0;color:#4a5368;text-decoration:underline;cursor:pointer;padding:0;font-size:12px}" +
    ".attach{background:transparent;border:0;border-radius:10px;padding:8px;cursor:pointer;color:#4a5368;display:flex}.attach:hover{background:#eef0f5}" +
    ".attach svg{width:22px;height:22px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}" +
    ".files{display:flex;flex-direction:column;gap:6px;margin-top:4px}.files:first-child{margin-top:0}" +
    ".thumb{display:block;max-width:100%;max-height:220px;border-radius:12px;background:#fff}.msg.media{padding:4px}.msg.media .file{margin:0}" +
    ".file{display:flex;gap:8px;align-items:center;padding:8px 10px;border-radius:10px;background:rgba(255,255,255,.16);border:1px solid rgba(127,127,127,.3);color:inherit;text-decoration:none;cursor:pointer}" +
    ".msg a.file{text-decoration:none}.file::before{content:'';flex:none;width:16px;height:20px;border:2px solid currentColor;border-radius:2px 7px 2px 2px;opacity:.75}.file:hover b{text-decoration:underline}" +
    ".file b{font-weight:600;overflow-wrap:anywhere}.file i{font-style:normal;opacity:.8;font-size:12px;white-space:nowrap}" +
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}" +
    "@media (max-width:480px){:host{right:12px;bottom:12px}.panel{position:fixed;inset:0;width:auto;height:auto;border-radius:0}.launcher[aria-expanded=true]{display:none}}";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attrs[name]; } else { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  /** Text with its web addresses as links; never parsed as HTML. */
  function linked(text) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    String(text).replace(URL_RE, function (url, at) {
      fragment.appendChild(document.createTextNode(text.slice(last, at)));
      fragment.appendChild(el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow", text: url }));
      last = at + url.length;
      return url;
    });
    fragment.appendChild(document.createTextNode(String(text).slice(last)));
    return fragment;
  }

  var ICON_CHAT = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 5h16v11H9l-5 4z"/></svg>';
  var ICON_CLIP = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M21 11.5l-8.5 8.5a5 5 0 0 1-7-7L14 4.5a3.5 3.5 0 0 1 5 5L10.5 18a2 2 0 0 1-3-3L15 7.5"/></svg>';
  var ICON_CLOSE = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>';

  function Ui() {
    var self = this;
    var host = el("div", { id: "rapport-chat" });
    var root = host.attachShadow({ mode: "open" });
    var css = CSS.replace(":host{", ":host{--rc:" + state.widget.colour + ";");
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      root.appendChild(el("style", { text: css }));
    }
    self.unread = 0;
    self.launcher = el("button", { "class": "launcher", type: "button", "aria-expanded": "false",
      "aria-controls": "rapport-chat-panel", "aria-label": "Chat with us" });
    self.launcher.innerHTML = ICON_CHAT;
    self.badge = el("span", { "class": "badge", "aria-hidden": "true" });
    self.badge.hidden = true;
    self.launcher.appendChild(self.badge);
    self.title = el("h2", { id: "rapport-chat-title" });
    self.subtitle = el("p");
    self.close = el("button", { "class": "icon", type: "button", "aria-label": "Close the chat" });
    self.close.innerHTML = ICON_CLOSE;
    self.log = el("div", { "class": "log", role: "log", "aria-live": "polite", "aria-label": "Messages" });
    self.typing = el("p", { "class": "typing", "aria-live": "polite" });
    self.typing.hidden = true;
    self.noticeLine = el("p", { "class": "notice", role: "status" });
    self.noticeLine.hidden = true;
    self.nameInput = el("input", { type: "text", autocomplete: "name", maxlength: "200", placeholder: "Your name", "aria-label": "Your name" });
    self.emailInput = el("input", { type: "email", autocomplete: "email", maxlength: "254", placeholder: "Your email", "aria-label": "Your email address" });
    self.prechat = el("div", { "class": "prechat" }, [self.nameInput, self.emailInput]);
    self.input = el("textarea", { rows: "1", maxlength: "2000", placeholder: "Write a message…", "aria-label": "Your message" });
    self.sendButton = el("button", { "class": "send", type: "submit", text: "Send" });
    self.attach = el("button", { "class": "attach", type: "button", "aria-label": "Attach a picture or file",
      title: "Attach a picture or file" });
    self.attach.innerHTML = ICON_CLIP;
    self.fileInput = el("input", { type: "file", tabindex: "-1", "aria-hidden": "true", hidden: "hidden" });
    self.composer = el("form", { "class": "composer" }, [self.attach, self.fileInput, self.input, self.sendButton]);
    self.transcript = el("button", { "class": "link", type: "button", text: "Email me this chat" });
    self.foot = el("div", { "class": "foot" }, [el("span", { text: "" }), self.transcript]);
    self.offline = self.offlineForm();
    self.panel = el("section", { "class": "panel", id: "rapport-chat-panel", role: "dialog", "aria-labelledby": "rapport-chat-title" }, [
      el("header", {}, [el("div", { "class": "who" }, [self.title, self.subtitle]), self.close]),
      self.log, self.offline, self.noticeLine, self.prechat, self.composer, self.foot]);
    self.panel.hidden = true;
    root.appendChild(self.panel);
    root.appendChild(self.launcher);
    document.body.appendChild(host);

    self.launcher.addEventListener("click", guard(function () { self.toggle(!state.open); }));
    self.close.addEventListener("click", guard(function () { self.toggle(false); }));
    self.panel.addEventListener("keydown", guard(function (event) {
      if (event.key === "Escape") { self.toggle(false); }
    }));
    self.input.addEventListener("keydown", guard(function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) { event.preventDefault(); self.submit(); }
    }));
    self.input.addEventListener("input", guard(function () { self.autosize(); self.typed(); }));
    self.composer.addEventListener("submit", guard(function (event) { event.preventDefault(); self.submit(); }));
    self.transcript.addEventListener("click", guard(function () { self.askTranscript(); }));
    self.attach.addEventListener("click", guard(function () { self.fileInput.click(); }));
    self.fileInput.addEventListener("change", guard(function () {
      var file = self.fileInput.files && self.fileInput.files[0];
      self.fileInput.value = "";
      if (file) { self.sendFile(file); }
    }));
    document.addEventListener("visibilitychange", guard(function () { self.markRead(); }));
  }

  Ui.prototype.configure = function (helper) {
    var w = state.widget;
    this.title.textContent = w.title;
    this.helper(helper);
    if (!this.greeted) {
      this.greeted = true;
      if (state.name) {
        this.log.appendChild(el("div", { "class": "msg system", text: "Welcome back, " + state.name.split(" ")[0] + "!" }));
      }
      this.log.appendChild(el("div", { "class": "msg greeting", text: w.greeting }));
    }
    this.refreshMode();
  };

  Ui.prototype.refreshMode = function () {
    var w = state.widget;
    this.fileInput.setAttribute("accept", (w.fileTypes || []).map(function (t) { return "." + t; }).join(","));
    var offline = !state.online && !state.chatting;
    this.offline.hidden = !offline;
    this.log.hidden = offline;
    this.composer.hidden = offline;
    this.foot.hidden = offline || !state.chatting;
    var askName = !state.verified && !state.name && w.nameField !== "off";
    var askEmail = !state.verified && !state.email && w.emailField !== "off";
    this.prechat.hidden = offline || state.chatting || (!askName && !askEmail);
    this.nameInput.hidden = !askName;
    this.emailInput.hidden = !askEmail;
    this.nameInput.placeholder = "Your name" + (w.nameField === "required" ? "" : " (optional)");
    this.emailInput.placeholder = "Your email" + (w.emailField === "required" ? "" : " (optional)");
  };

  Ui.prototype.helper = function (name) {
    this.subtitle.textContent = "";
    var dot = el("span", { "class": state.online ? "dot" : "dot off", "aria-hidden": "true" });
    this.subtitle.appendChild(dot);
    this.subtitle.appendChild(document.createTextNode(name ? name + " is helping you"
      : state.online ? "We are online" : "We reply by email"));
  };

  Ui.prototype.status = function (text) {
    if (text) { this.notice(text); } else if (this.noticeLine.getAttribute("data-kind") === "status") { this.noticeLine.hidden = true; }
    if (text) { this.noticeLine.setAttribute("data-kind", "status"); }
  };

  Ui.prototype.notice = function (text) {
    this.noticeLine.textContent = text;
    this.noticeLine.removeAttribute("data-kind");
    this.noticeLine.hidden = !text;
  };

  Ui.prototype.toggle = function (open) {
    state.open = open;
    this.panel.hidden = !open;
    this.launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      this.unread = 0;
      this.badge.hidden = true;
      this.scroll();
      (this.offline.hidden ? (this.prechat.hidden || this.nameInput.hidden ? this.input : this.nameInput)
        : this.offline.querySelector("input")).focus();
      this.markRead();
    } else {
      this.launcher.focus();
    }
  };

  Ui.prototype.autosize = function () {
    this.input.style.height = "auto";
    this.input.style.height = Math.min(120, this.input.scrollHeight) + "px";
  };

  Ui.prototype.typed = function () {
    var self = this;
    var typing = self.input.value.trim().length > 0;
    if (typing && !self.typingSent) { self.typingSent = true; transport.send({ type: "typing", on: true }); }
    clearTimeout(self.typingTimer);
    self.typingTimer = setTimeout(guard(function () { self.stopTyping(); }), typing ? 4000 : 0);
  };

  Ui.prototype.stopTyping = function () {
    if (this.typingSent) { this.typingSent = false; transport.send({ type: "typing", on: false }); }
  };

  Ui.prototype.submit = function () {
    var text = this.input.value.trim();
    if (!text) { return; }
    var message = { type: "say", id: newId(), text: text };
    if (!this.prechatInto(message)) { return; }
    this.notice("");
    this.input.value = "";
    this.autosize();
    this.stopTyping();
    saved.pending.push(message);
    persist();
    this.pendingLine(message);
    transport.send(message);
  };

  /** The pre-chat fields into a message; false (with the reason shown) when a required one is empty. */
  Ui.prototype.prechatInto = function (message) {
    if (this.prechat.hidden) { return true; }
    message.name = this.nameInput.value.trim();
    message.email = this.emailInput.value.trim();
    if (state.widget.nameField === "required" && !message.name) { this.notice("Please tell us your name first."); this.nameInput.focus(); return false; }
    if (state.widget.emailField === "required" && !message.email) { this.notice("Please tell us your email address first."); this.emailInput.focus(); return false; }
    if (message.name) { state.name = message.name; }
    if (message.email) { state.email = message.email; }
    return true;
  };

  /** Sends a picture or file at once, checked here first; a refusal is shown and the draft stays as it was. */
  Ui.prototype.sendFile = function (file) {
    var w = state.widget;
    var type = (/\.([^.]+)$/.exec(file.name) || ["", ""])[1].toLowerCase();
    if ((w.fileTypes || []).indexOf(type) < 0) {
      this.notice((type ? "." + type + " files" : "Files without a type") + " cannot be sent here. Please send an image, a PDF or a document.");
      return;
    }
    if (w.maxFileBytes && file.size > w.maxFileBytes) {
      this.notice(file.name + " is " + size(file.size) + "; files can be at most " + size(w.maxFileBytes) + ".");
      return;
    }
    if (!state.connected || !saved.token) { this.notice("We cannot reach our server right now. Please try again in a moment."); return; }
    var message = { id: newId() };
    if (!this.prechatInto(message)) { return; }
    this.notice("");
    var local = URL.createObjectURL(file);
    var bubble = el("div", { "class": "msg visitor media", "data-id": message.id });
    bubble.appendChild(this.files([{ name: file.name, sizeLabel: size(file.size), image: /^image\/(png|jpeg|gif|webp)$/.test(file.type), url: local }]));
    this.log.appendChild(bubble);
    this.log.appendChild(el("div", { "class": "meta", "data-meta": message.id, text: "Sending…" }));
    this.scroll();
    this.upload(message, file);
  };

  Ui.prototype.upload = function (message, file) {
    var self = this;
    var form = new FormData();
    form.append("id", message.id);
    if (message.name) { form.append("name", message.name); }
    if (message.email) { form.append("email", message.email); }
    form.append("file", file, file.name);
    fetch(BASE + "/chat/visitor/files?w=" + encodeURIComponent(KEY) + "&token=" + encodeURIComponent(saved.token),
      { method: "POST", body: form, mode: "cors" })
      .then(function (response) { return response.json(); })
      .then(guard(function (event) {
        if (event.type === "ack") {
          acknowledged(event);
          if (event.line) { line(event.line); }
          return;
        }
        var bubble = self.log.querySelector('[data-id="' + message.id + '"]');
        var meta = self.log.querySelector('[data-meta="' + message.id + '"]');
        if (bubble) { bubble.remove(); }
        if (meta) { meta.remove(); }
        if (/required|invalid/.test(event.code || "")) { self.prechat.hidden = false; }
        self.notice(event.message || "That file could not be sent.");
      }))
      .catch(guard(function () {
        var meta = self.log.querySelector('[data-meta="' + message.id + '"]');
        if (!meta) { return; }
        meta.textContent = "";
        meta.className = "meta fail";
        var retry = el("button", { "class": "link", type: "button", text: "Not sent. Try again" });
        retry.addEventListener("click", guard(function () {
          meta.className = "meta";
          meta.textContent = "Sending…";
          self.upload(message, file);
        }));
        meta.appendChild(retry);
      }));
  };

  /** Files of a line: pictures shown, other files as links; fetched with the visitor's token, never by URL alone. */
  Ui.prototype.files = function (files) {
    var box = el("div", { "class": "files" });
    files.forEach(function (file) {
      var link = el("a", { "class": "file", href: file.url || "#", download: file.name }, [
        el("b", { text: file.name }), el("i", { text: file.sizeLabel || "" })]);
      if (file.image) {
        var img = el("img", { "class": "thumb", alt: file.name });
        img.addEventListener("error", guard(function () { img.replaceWith(link); }));
        box.appendChild(img);
        if (file.url) { img.src = file.url; } else { fetchFile(file.id, function (url) { img.src = url; link.href = url; }); }
        return;
      }
      if (!file.url) {
        link.addEventListener("click", guard(function (event) {
          if (link.getAttribute("href") !== "#") { return; }
          event.preventDefault();
          fetchFile(file.id, function (url) { link.href = url; link.click(); });
        }));
      }
      box.appendChild(link);
    });
    return box;
  };

  function fetchFile(id, then) {
    fetch(BASE + "/chat/visitor/files/" + encodeURIComponent(id) + "?w=" + encodeURIComponent(KEY) + "&token="
      + encodeURIComponent(saved.token), { mode: "cors" })
      .then(function (response) { if (!response.ok) { throw new Error("HTTP " + response.status); } return response.blob(); })
      .then(guard(function (blob) { then(URL.createObjectURL(blob)); }))
      .catch(function () { /* shown as a plain link that tries again */ });
  }

  function size(bytes) {
    return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024)) + " KB" : (bytes / 1048576).toFixed(1).replace(/\.0$/, "") + " MB";
  }

  Ui.prototype.pendingLine = function (message) {
    var bubble = el("div", { "class": "msg visitor", "data-id": message.id });
    bubble.appendChild(linked(message.text));
    var meta = el("div", { "class": "meta", "data-meta": message.id, text: "Sending…" });
    this.log.appendChild(bubble);
    this.log.appendChild(meta);
    this.scroll();
  };

  Ui.prototype.sent = function (id, seq) {
    var meta = this.log.querySelector('[data-meta="' + id + '"]');
    if (meta) { meta.textContent = "Sent"; meta.setAttribute("data-seq", seq); }
    this.prechat.hidden = true;
    this.foot.hidden = false;
    this.renderRead();
  };

  Ui.prototype.failed = function (id, text, code) {
    if (id === this.offlineId) {
      this.offlineButton.disabled = false;
      this.notice(text);
      return;
    }
    var meta = this.log.querySelector('[data-meta="' + id + '"]');
    var bubble = this.log.querySelector('[data-id="' + id + '"]');
    if (code && /required|invalid/.test(code) && bubble) {
      this.input.value = bubble.textContent;
      bubble.remove();
      if (meta) { meta.remove(); }
      this.prechat.hidden = false;
      this.notice(text);
      return;
    }
    if (meta) { meta.textContent = text; meta.className = "meta fail"; }
  };

  Ui.prototype.line = function (line) {
    var existing = line.id && this.log.querySelector('[data-id="' + line.id + '"]');
    if (existing) {
      this.sent(line.id, line.seq);
      return;
    }
    if (line.author === "agent") { this.agentTyping(false); this.helper(line.name); }
    var bubble = el("div", { "class": "msg " + line.author + (line.body || line.author !== "visitor" ? "" : " media"),
      "data-id": line.id || "" });
    if (line.author === "agent") { bubble.appendChild(el("span", { "class": "author", text: line.name })); }
    if (line.body) { bubble.appendChild(linked(line.body)); }
    if (line.files && line.files.length) { bubble.appendChild(this.files(line.files)); }
    this.log.appendChild(bubble);
    if (line.author === "visitor") {
      this.log.appendChild(el("div", { "class": "meta", "data-meta": line.id, "data-seq": line.seq, text: "Sent" }));
    }
    if (line.author !== "visitor" && (!state.open || document.hidden)) {
      this.unread++;
      this.badge.textContent = String(this.unread);
      this.badge.hidden = false;
    }
    if (line.author === "system" && /helping you now/.test(line.body)) {
      this.helper(line.body.replace(/ is helping you now\.$/, ""));
    }
    this.scroll();
    this.renderRead();
    this.markRead();
  };

  Ui.prototype.renderRead = function () {
    var metas = this.log.querySelectorAll(".meta[data-seq]");
    for (var i = 0; i < metas.length; i++) {
      var seq = Number(metas[i].getAttribute("data-seq"));
      if (metas[i].className === "meta") {
        metas[i].textContent = seq <= state.readUpTo ? "Seen" : "Sent";
        metas[i].hidden = i !== metas.length - 1;
      }
    }
  };

  Ui.prototype.markRead = function () {
    if (state.open && !document.hidden) { this.unread = 0; this.badge.hidden = true; }
    if (state.open && !document.hidden && lastSeq > (this.readSent || 0)) {
      this.readSent = lastSeq;
      transport.send({ type: "read", seq: lastSeq });
    }
  };

  Ui.prototype.agentTyping = function (on, name) {
    var self = this;
    self.typing.textContent = on ? (name || "We") + " is typing…" : "";
    self.typing.hidden = !on;
    if (on) { self.log.appendChild(self.typing); self.scroll(); }
    clearTimeout(self.agentTypingTimer);
    if (on) { self.agentTypingTimer = setTimeout(guard(function () { self.agentTyping(false); }), 8000); }
  };

  Ui.prototype.scroll = function () {
    this.log.scrollTop = this.log.scrollHeight;
  };

  Ui.prototype.offlineForm = function () {
    var self = this;
    var intro = el("p", { text: state.widget.offlineMessage });
    var name = el("input", { type: "text", name: "name", autocomplete: "name", maxlength: "200" });
    var email = el("input", { type: "email", name: "email", autocomplete: "email", required: "required", maxlength: "254" });
    var text = el("textarea", { name: "message", rows: "4", required: "required", maxlength: "10000" });
    var button = el("button", { "class": "send", type: "submit", text: "Send message" });
    var form = el("form", { "class": "offline", novalidate: "novalidate" }, [intro,
      el("label", {}, [document.createTextNode("Name"), name]),
      el("label", {}, [document.createTextNode("Email address"), email]),
      el("label", {}, [document.createTextNode("Message"), text]), button]);
    form.addEventListener("submit", guard(function (event) {
      event.preventDefault();
      if (!email.value.trim() || !text.value.trim()) {
        self.notice("Please give your email address and your message.");
        return;
      }
      self.offlineId = newId();
      button.disabled = true;
      if (!transport.send({ type: "offline", id: self.offlineId, name: name.value.trim(), email: email.value.trim(),
        text: text.value.trim() })) {
        button.disabled = false;
        self.notice("We cannot reach our server right now. Please try again in a moment.");
      }
    }));
    self.offlineButton = button;
    return form;
  };

  Ui.prototype.offlineSent = function (number) {
    this.offline.textContent = "";
    this.offline.appendChild(el("p", { role: "status", text: "Thank you! We have your message (reference #" + number
      + ") and will answer by email." }));
    this.notice("");
  };

  Ui.prototype.askTranscript = function () {
    var self = this;
    if (self.transcriptForm) { self.transcriptForm.hidden = !self.transcriptForm.hidden; return; }
    var email = el("input", { type: "email", autocomplete: "email", "aria-label": "Email address for the transcript",
      placeholder: "Your email" });
    email.value = state.email || "";
    var button = el("button", { "class": "send", type: "submit", text: "Send" });
    self.transcriptForm = el("form", { "class": "composer" }, [email, button]);
    self.transcriptForm.addEventListener("submit", guard(function (event) {
      event.preventDefault();
      transport.send({ type: "transcript", id: newId(), email: email.value.trim() });
      self.transcriptForm.hidden = true;
    }));
    self.panel.insertBefore(self.transcriptForm, self.foot);
    email.focus();
  };

  function start() {
    if (!KEY || !document.body) { return; }
    transport = new Transport();
    transport.connect();
  }

  guard(function () {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", guard(start));
    } else {
      start();
    }
  })();
})();
