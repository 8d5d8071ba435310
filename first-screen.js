// Chooses which first screen of podpath's page shows, before it is painted. The release build
// (scripts/prerender.mjs) writes the Find view's first screen into index.html and the quiz's
// and the topic index's into <template>s; a URL that asks for anything else (filters, a topic,
// quiz answers, an accent...) gets the loading view, so a visitor never sees a screen that the
// app then replaces with another. main.css keeps the pre-rendered screens hidden until this
// script has chosen (unless the browser runs no script at all). A classic script right after
// #podpath, not inline: the strict CSP holds; the browser's preload scanner fetches it early.
(function () {
  "use strict";
  var html = document.documentElement;
  var podpath = document.getElementById("podpath");
  if (!podpath) return;
  // podpath's own page keeps room for a scrollbar (main.css); in a frame, which the host sizes
  // to fit, it never scrolls. Before the first paint, so nothing moves sideways.
  var framed = window.self !== window.top;
  if (framed) html.classList.remove("podpath-scroll");
  var params = new URLSearchParams(location.search);
  var lang = language();
  var choice = choose(params);
  // The screens are pre-rendered in English, with a patch per language that turns each into
  // what the app renders for a browser preferring that language (scripts/prerender.mjs).
  var patch = lang === "en" ? [] : patchFor(lang, choice);
  if (!patch) choice = "loading";
  if (choice !== "find") {
    var template = document.querySelector('template[data-pp-screen="' + choice + '"]');
    if (template) podpath.replaceChildren(template.content.cloneNode(true));
  }
  if (choice !== "loading" && patch.length) {
    var screen = podpath.querySelector("[data-pp-prerendered]");
    patch.forEach(function (list) { apply(screen, list); });
    html.setAttribute("lang", lang);
  }
  // The display settings the URL keeps (theme, compact, header, language) stay in the screen's
  // links to the views, as the app writes them (src/components/nav_link.rs with
  // engine/src/url_state.rs `encode`): a link followed before the app runs keeps them.
  if (choice !== "loading") {
    var keep = new URLSearchParams();
    var asked = params.get("theme");
    if (asked === "light" || asked === "dark") keep.append("theme", asked);
    if (params.get("compact") === "1") keep.append("compact", "1");
    if (params.get("header") === "0") keep.append("header", "0");
    if (params.has("lang")) keep.append("lang", lang);
    var kept = keep.toString();
    if (kept) {
      podpath.querySelectorAll('[data-pp-prerendered] a[href^="?"]').forEach(function (a) {
        var href = a.getAttribute("href");
        a.setAttribute("href", href + (href === "?" ? "" : "&") + kept);
      });
    }
  }
  html.setAttribute("data-pp-first", choice);
  // The loading view in the reader's language until the app speaks it.
  var LOADING = {
    es: ["Encuentra el pódcast de aprendizaje automático que encaja contigo", "Cargando el catálogo…"],
    de: ["Finde den Machine-Learning-Podcast, der zu dir passt", "Katalog wird geladen…"],
  };
  if (choice === "loading" && LOADING[lang]) {
    html.setAttribute("lang", lang);
    var tagline = podpath.querySelector(".pp-brand__tagline");
    var line = podpath.querySelector(".pp-loading-text");
    if (tagline) tagline.textContent = LOADING[lang][0];
    if (line) line.textContent = LOADING[lang][1];
  }
  var screen = podpath.querySelector("[data-pp-prerendered]");
  var root = screen && screen.querySelector(":scope > .podpath");
  if (!root) return;
  // Buttons do nothing until the app runs: remember which were pressed, in order, for the app
  // to press them again when it takes over (src/takeover.rs).
  // Anything else done on the screen (a box ticked, text typed, an option chosen) marks it: the
  // app then takes over only once it has every pre-rendered card, to do it again there.
  ["input", "change"].forEach(function (type) {
    screen.addEventListener(type, function () { screen.setAttribute("data-pp-touched", ""); }, true);
  });
  screen.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    var index = Array.prototype.indexOf.call(screen.querySelectorAll("button"), button);
    var clicks = screen.getAttribute("data-pp-clicks");
    screen.setAttribute("data-pp-clicks", (clicks ? clicks + "," : "") + index);
  });
  // The display settings an embed may give, as the app would apply them.
  if (params.get("compact") === "1") root.classList.add("podpath--compact");
  if (params.get("header") === "0") root.classList.add("podpath--bare");
  var theme = params.get("theme");
  if (theme === "light" || theme === "dark") {
    root.setAttribute("data-theme", theme);
    // The theme button names the theme, in the screen's language (scripts/prerender.mjs).
    var toggle = root.querySelector("[data-testid=theme-toggle]");
    var label = patches().themes;
    label = label && label[lang] && label[lang][theme];
    if (toggle && label) toggle.textContent = label;
  }
  // The filters sit beside the results from 800px (main.css) and start open there only; the
  // pre-rendered screen has them closed.
  var filters = root.querySelector("details.pp-filters");
  if (filters) filters.open = window.matchMedia("(min-width: 800px)").matches;

  // The URL parameters podpath reads (engine/src/url_state.rs OWN_PARAMS and
  // engine/src/quiz.rs PARAMS; an engine test keeps this list equal to those).
  function choose(params) {
    var OWN = ["view", "topic", "q", "level", "format", "length", "on", "t", "active", "sort",
      "list", "theme", "compact", "header", "accent", "origin", "frame", "results", "lang",
      "follows", "like", "bg", "math", "code", "goal", "len", "week", "fmt", "qt"];
    // What leaves the first screen as it is: where a frame's messages go, and the display
    // settings applied above.
    var KEEP = {
      origin: 1, frame: 1, compact: ["0", "1"], header: ["0", "1"], theme: ["auto", "light", "dark"],
      lang: ["en", "es", "de"],
    };
    var seen = {};
    var view = "browse";
    var loading = false;
    params.forEach(function (value, key) {
      if (OWN.indexOf(key) < 0) return; // tracking parameters and the like: the app ignores them
      if (seen[key]) loading = true;
      seen[key] = true;
      if (key === "view") view = value;
      else if (!KEEP[key] || (KEEP[key] !== 1 && KEEP[key].indexOf(value) < 0)) loading = true;
    });
    if (loading) return "loading";
    // The screens name dates, not ages ("latest episode 14 Nov 2026"): they stay true in any
    // month after the build.
    // A compact Find lists fewer cards than the pre-rendered screen, a remembered app turns
    // every card's Listen into "Listen on <app>", and shows followed are marked on their cards:
    // the app would change the screen.
    if (view === "browse") return params.get("compact") === "1" || remembered("podpath:v1:app") || remembered("podpath:v1:follows") ? "loading" : "find";
    if (view === "topics") return "topics";
    // Saved quiz answers reopen the quiz where the visitor left it: not its first question.
    // So do the quiz's notices on podpath's own page when storage is blocked (a frame shows none).
    if (view === "quiz") return savedQuiz() || (!framed && !storageWorks()) ? "loading" : "quiz";
    return "loading";
  }

  // The patch that turns `screen` into the `lang` one, or null when there is none: two lists,
  // what every other language changes alike ("*"), then that language's own.
  function patchFor(lang, screen) {
    var all = patches();
    var own = all[lang] && all[lang][screen];
    return own ? [(all["*"] && all["*"][screen]) || [], own] : null;
  }

  // What scripts/prerender.mjs wrote for the other languages and the themes ({} if nothing).
  function patches() {
    var data = document.querySelector("script[data-pp-patches]");
    try {
      return (data && JSON.parse(data.textContent)) || {};
    } catch (e) {
      return {};
    }
  }

  // Each entry: [element, what, value], elements counted in document order inside the screen
  // (not the no-script note, which the patch never saw) and written as the distance from the
  // entry before (each list starts from 0): an attribute's value (null: removed) or, for "#k",
  // the element's k-th text node.
  function apply(screen, list) {
    var all = Array.prototype.filter.call(screen.querySelectorAll("*"), function (el) {
      return el.tagName !== "NOSCRIPT";
    });
    var at = 0;
    list.forEach(function (p) {
      at += p[0];
      var el = all[at];
      if (!el) return;
      if (p[1].charAt(0) === "#") {
        var texts = Array.prototype.filter.call(el.childNodes, function (n) { return n.nodeType === 3; });
        var node = texts[Number(p[1].slice(1))];
        if (node) node.data = p[2];
      } else if (p[2] === null) el.removeAttribute(p[1]);
      else el.setAttribute(p[1], p[2]);
    });
  }

  function storageWorks() {
    try {
      window.localStorage.setItem("podpath:v1:probe", "1");
      window.localStorage.removeItem("podpath:v1:probe");
      return true;
    } catch (e) {
      return false;
    }
  }

  // The language asked for in the URL, else the first of the browser's that podpath speaks.
  function language() {
    var asked = primary(params.get("lang") || "");
    if (asked === "en" || asked === "es" || asked === "de") return asked;
    var tags = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < tags.length; i++) {
      var tag = primary(tags[i]);
      if (tag === "en" || tag === "es" || tag === "de") return tag;
    }
    return "en";
  }

  function primary(tag) {
    return String(tag).split(/[-_]/)[0].toLowerCase();
  }

  // Whether the device keeps a value under `key`.
  function remembered(key) {
    try {
      return window.localStorage.getItem(key) !== null;
    } catch (e) {
      return false;
    }
  }

  function savedQuiz() {
    try {
      return window.localStorage.getItem("podpath:v1:quiz") !== null ||
        window.localStorage.getItem("podpath:v1:quiz-done") !== null;
    } catch (e) {
      return false;
    }
  }
})();
