// Writes the first screen of each entry view into the release build's index.html, rendered by
// the app itself: the built bundle runs in headless Chromium on loopback, and once its first
// render is complete (every widget's footer is the last part to render) the DOM of #podpath is
// saved. So the pre-rendered markup is the app's own output, from the same components, and
// cannot drift from it; the e2e suite still compares the two (tests/e2e/first-screen.test.mjs).
//   Find    (/)              -> into #podpath, readable without JavaScript
//   Quiz    (?view=quiz)     -> <template data-pp-screen="quiz">
//   Topics  (?view=topics)   -> <template data-pp-screen="topics">
//   loading (anything else)  -> <template data-pp-screen="loading">, the page's loading view
// Each screen is also rendered for a Spanish and a German browser; what differs from the English
// one (text and attribute values, the structure being the same) is written as a patch,
// <script type="application/json" data-pp-patches>, that first-screen.js applies before the
// first paint for a reader whose browser prefers that language.
// first-screen.js picks one before the first paint; the app takes over once it has rendered
// the same screen (src/takeover.rs). Run by Trunk after a release build (scripts/prerender.sh).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch } from "../tests/e2e/support.mjs";

const STAGING = process.env.TRUNK_STAGING_DIR;
if (!STAGING) throw new Error("prerender: TRUNK_STAGING_DIR is not set (run through trunk build --release)");
const SCREENS = [
  ["find", ""],
  ["quiz", "?view=quiz"],
  ["topics", "?view=topics"],
];
// A desktop window, and the light theme, which the stylesheet switches by media query anyway.
const VIEWPORT = { width: 1280, height: 900 };
const NOSCRIPT = `<noscript><p class="pp-noscript">Search, filters, the whole list and the quiz need JavaScript;
the first shows below read without it.</p></noscript>`;
// The Find screen carries the first cards only (the app adds the rest below them, as its own
// start-up does): all 36 would cost every reader 26 KB gzip of HTML, the first 8 cost 8 KB.
const FIRST_CARDS = 8;

const started = Date.now();
const indexFile = join(STAGING, "index.html");
const page0 = await readFile(indexFile, "utf8");
const between = (text, start, end) => {
  const a = text.indexOf(start);
  const b = text.indexOf(end, a);
  if (a < 0 || b < 0) throw new Error(`prerender: index.html has no ${start} ... ${end} markers`);
  return [text.slice(0, a + start.length), text.slice(a + start.length, b), text.slice(b)];
};
const [head, loading, tail] = between(page0, "<!-- podpath:first-screen -->", "<!-- /podpath:first-screen -->");
if (!tail.includes("<!-- podpath:screens -->")) throw new Error("prerender: index.html has no screens marker");

const server = await serve({ dir: STAGING });
const browser = await launch();
const shots = {};
const patches = {};
// The browser languages podpath speaks besides English, as a reader's browser would ask.
const LANGS = { es: "es-ES", de: "de-DE" };
const errors = [];
/// The screens as the app renders them for a browser that prefers `locale`.
async function render(locale) {
  const out = {};
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: "light", locale });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  for (const [screen, query] of SCREENS) {
    await page.goto(server.url + query);
    await page.waitForFunction(() => {
      const root = document.querySelector("#podpath > .podpath");
      return root && root.querySelector(".pp-footer") && !root.querySelector("[aria-busy=true]");
    }, null, { timeout: 30000 });
    out[screen] = await page.$eval("#podpath", (el, n) => {
      const copy = el.cloneNode(true);
      for (const li of copy.querySelectorAll("ol.pp-list > li:nth-child(n+" + (n + 1) + ")")) li.remove();
      // Closed, as on a phone: first-screen.js opens them on a wide screen, where they sit
      // beside the results, so opening them moves nothing (and if the browser paints before
      // that script runs, a phone never sees them open and then closing).
      copy.querySelector("details.pp-filters")?.removeAttribute("open");
      // The empty comments are the live app's placeholders for what may render later; the
      // pre-rendered screen is replaced, never updated, so they would be dead weight.
      return copy.innerHTML.replaceAll("<!---->", "").trim();
    }, FIRST_CARDS);
  }
  // The theme button names the theme a URL may ask for (`?theme=light`): its label in each,
  // for first-screen.js to write on the screen it shows for such a URL.
  out.themes = {};
  for (const theme of ["light", "dark"]) {
    await page.goto(server.url + "?theme=" + theme);
    await page.waitForFunction(() => document.querySelector("#podpath > .podpath .pp-footer"), null, { timeout: 30000 });
    out.themes[theme] = await page.$eval("#podpath [data-testid=theme-toggle]", (el) => el.textContent);
  }
  await context.close();
  return out;
}

/// What turns the `from` screen into `to` (both HTML), as [element, what, value] with elements
/// counted in document order: an attribute's new value (null: removed) or a text node's new text
/// ("#2": the element's third text node). Null when the two differ in structure.
function diff(page, from, to) {
  return page.evaluate(([from, to]) => {
    const parse = (html) => {
      const t = document.createElement("template");
      t.innerHTML = html;
      return [...t.content.querySelectorAll("*")];
    };
    const [a, b] = [parse(from), parse(to)];
    if (a.length !== b.length) return null;
    const out = [];
    for (let i = 0; i < a.length; i++) {
      const [x, y] = [a[i], b[i]];
      const texts = (el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data);
      // The same elements and text nodes in the same order: a translation that puts a word on
      // the other side of an element is a different structure.
      const shape = (el) => [...el.childNodes].map((n) => (n.nodeType === 1 ? n.tagName : n.nodeType)).join();
      const [tx, ty] = [texts(x), texts(y)];
      if (x.tagName !== y.tagName || shape(x) !== shape(y)) return null;
      tx.forEach((t, k) => t !== ty[k] && out.push([i, "#" + k, ty[k]]));
      for (const { name, value } of y.attributes) if (x.getAttribute(name) !== value) out.push([i, name, value]);
      for (const { name } of x.attributes) if (!y.hasAttribute(name)) out.push([i, name, null]);
    }
    return out;
  }, [from, to]);
}

try {
  // The screens in English, whatever the build machine speaks.
  Object.assign(shots, await render("en-US"));
  const page = await (await browser.newContext()).newPage();
  const themes = { en: shots.themes };
  for (const [lang, locale] of Object.entries(LANGS)) {
    const other = await render(locale);
    themes[lang] = other.themes;
    patches[lang] = {};
    for (const [screen] of SCREENS) {
      const patch = await diff(page, shots[screen], other[screen]);
      // A screen whose structure differs in that language keeps the loading view there.
      if (patch) patches[lang][screen] = patch;
      else console.warn(`prerender: the ${lang} ${screen} screen differs in structure; its readers get the loading view`);
    }
  }
  // What every other language changes alike (catalog text marked `lang="en"`) is written once,
  // under "*"; each language keeps the rest.
  patches["*"] = {};
  for (const [screen] of SCREENS) {
    const [es, de] = [patches.es[screen], patches.de[screen]];
    if (!es || !de) continue;
    const key = (p) => JSON.stringify(p);
    const inDe = new Set(de.map(key));
    const common = new Set(es.map(key).filter((k) => inDe.has(k)));
    patches["*"][screen] = es.filter((p) => common.has(key(p)));
    for (const lang of ["es", "de"]) patches[lang][screen] = patches[lang][screen].filter((p) => !common.has(key(p)));
  }
  // Element numbers as the distance from the entry before (small, repeated numbers compress).
  for (const byScreen of [patches["*"], patches.es, patches.de]) {
    for (const list of Object.values(byScreen)) {
      let last = 0;
      for (const p of list) [p[0], last] = [p[0] - last, p[0]];
    }
  }
  patches.themes = themes;
  if (errors.length) throw new Error(`prerender: the app reported errors: ${errors.join("; ")}`);
} finally {
  await browser.close();
  await server.close();
}

// Without JavaScript only the Find screen shows; its note sits inside the widget's box (after
// the widget's root, which the patches count first, and skipped by them: first-screen.js counts
// elements without it).
const withNote = (html) => html.replace(/^(<div class="podpath"[^>]*>)/, `$1${NOSCRIPT}`);
// The month the screens were rendered in (for the record: their text names dates, not ages, so
// they stay true in any later month).
const now = new Date();
const BUILT = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
const wrap = (screen) =>
  `<div data-pp-prerendered data-pp-screen="${screen}" data-pp-built="${BUILT}">${screen === "find" ? withNote(shots.find) : shots[screen]}</div>`;
// JSON inside a script element of a data type: never run, and `<` written as \u003c so no
// text can close the element.
const patchJson = JSON.stringify(patches).replaceAll("<", "\\u003c");
const templates = ["quiz", "topics"]
  .map((s) => `<template data-pp-screen="${s}">${wrap(s)}</template>`)
  .concat(`<template data-pp-screen="loading">${loading.trim()}</template>`)
  .concat(`<script type="application/json" data-pp-patches>${patchJson}</script>`)
  .join("\n    ");
const page1 = head + "\n      " + wrap("find") + "\n      " + tail.replace("<!-- podpath:screens -->", "<!-- podpath:screens -->\n    " + templates);
await writeFile(indexFile, page1);
const kb = (n) => (n / 1024).toFixed(1);
console.log(`prerender: find, quiz and topics (and their es and de patches) written into index.html (${kb(page0.length)} KB -> ${kb(page1.length)} KB raw) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
