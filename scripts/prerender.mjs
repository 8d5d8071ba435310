// Writes the first screen of each entry view into the release build's index.html, rendered by
// the app itself: the built bundle runs in headless Chromium on loopback, and once its first
// render is complete (every widget's footer is the last part to render) the DOM of #podpath is
// saved. So the pre-rendered markup is the app's own output, from the same components, and
// cannot drift from it; the e2e suite still compares the two (tests/e2e/first-screen.test.mjs).
//   Find    (/)              -> into #podpath, readable without JavaScript
//   Quiz    (?view=quiz)     -> <template data-pp-screen="quiz">
//   Topics  (?view=topics)   -> <template data-pp-screen="topics">
//   loading (anything else)  -> <template data-pp-screen="loading">, the page's loading view
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
try {
  // In English whatever the build machine speaks: first-screen.js shows these screens to
  // English readers only.
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: "light", locale: "en-US" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  for (const [screen, query] of SCREENS) {
    await page.goto(server.url + query);
    await page.waitForFunction(() => {
      const root = document.querySelector("#podpath > .podpath");
      return root && root.querySelector(".pp-footer") && !root.querySelector("[aria-busy=true]");
    }, null, { timeout: 30000 });
    shots[screen] = await page.$eval("#podpath", (el, n) => {
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
  if (errors.length) throw new Error(`prerender: the app reported errors: ${errors.join("; ")}`);
} finally {
  await browser.close();
  await server.close();
}

// Without JavaScript only the Find screen shows; its note sits inside the widget's box.
const withNote = (html) => html.replace(/^(<div class="podpath"[^>]*>)/, `$1${NOSCRIPT}`);
// The month the screens were rendered in: they say "latest episode 2 months ago" as of then,
// so first-screen.js shows them only in that month (the loading view afterwards, until the
// next build).
const now = new Date();
const BUILT = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
const wrap = (screen) =>
  `<div data-pp-prerendered data-pp-screen="${screen}" data-pp-built="${BUILT}">${screen === "find" ? withNote(shots.find) : shots[screen]}</div>`;
const templates = ["quiz", "topics"]
  .map((s) => `<template data-pp-screen="${s}">${wrap(s)}</template>`)
  .concat(`<template data-pp-screen="loading">${loading.trim()}</template>`)
  .join("\n    ");
const page1 = head + "\n      " + wrap("find") + "\n      " + tail.replace("<!-- podpath:screens -->", "<!-- podpath:screens -->\n    " + templates);
await writeFile(indexFile, page1);
const kb = (n) => (n / 1024).toFixed(1);
console.log(`prerender: find, quiz and topics written into index.html (${kb(page0.length)} KB -> ${kb(page1.length)} KB raw) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
