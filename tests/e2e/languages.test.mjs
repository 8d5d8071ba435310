// podpath in Spanish and German: Find, the quiz through to its results, the topic index and a
// topic page render with no English interface string left (every string of the English table,
// src/i18n/en.rs, is looked for), axe reports nothing, the root carries the language, and the
// catalog text that stays English is marked lang="en".
import { before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test, useServerAndBrowser, open, ready, closeSession, ROOT } from "./support.mjs";

const env = useServerAndBrowser(before, after);
let session;
afterEach(async () => {
  const done = session;
  session = undefined;
  await closeSession(done);
});

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// The string literals of a language table, format strings cut at their placeholders.
function literals(file) {
  const source = readFileSync(join(ROOT, "src", "i18n", file), "utf8");
  const out = new Set();
  for (const [, body] of source.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    for (const part of body.split(/\{[^}]*\}/)) {
      const text = part.replace(/\\"/g, '"').trim();
      if (text) out.add(text);
    }
  }
  return out;
}

const english = literals("en.rs");
/// English strings to look for in a language: those that language does not use itself (names
/// such as "Quiz", "Interviews" or "A–Z" are the same, and "in" is German too), with at least
/// two letters in a row.
function englishOnly(file) {
  const own = literals(file);
  return [...english].filter((s) => !own.has(s) && /[A-Za-z]{2}/.test(s) && !/^(podpath|en|es|de|in|min|h|mlops)$/.test(s));
}

/// The interface text of the widget: its text nodes and its accessible names and hints, leaving
/// out what is marked lang="en" (catalog text) and the language switch's own names.
async function interfaceText(page) {
  return page.locator("#podpath .podpath").first().evaluate((root) => {
    const parts = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const english = (el) => el.closest("[lang]")?.getAttribute("lang") === "en";
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || english(el) || el.closest("[data-testid=lang-switch]") || el.closest("textarea")) continue;
      parts.push(n.textContent);
    }
    for (const el of root.querySelectorAll("[aria-label], [placeholder], [title], [aria-description]")) {
      if (english(el)) continue;
      for (const a of ["aria-label", "placeholder", "title", "aria-description"]) {
        if (el.hasAttribute(a)) parts.push(el.getAttribute(a));
      }
    }
    return parts.join("\n").replace(/\s+/g, " ");
  });
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function leftovers(text, strings) {
  return strings.filter((s) => new RegExp(`(^|[^\\p{L}])${escape(s)}($|[^\\p{L}])`, "u").test(text));
}

const VIEWS = [
  ["Find", "", "[data-testid=show-card]"],
  ["a question of the quiz", "&view=quiz", "[data-testid=quiz]"],
  ["the quiz's results", "&view=quiz&results=1&bg=courses&math=some&code=some&goal=production&len=short&week=1&qt=mlops", "[data-testid=pick]"],
  ["the topic index", "&view=topics", "[data-testid=topic-index]"],
  ["a topic page", "&topic=mlops", "[data-testid=topic-detail]"],
];

for (const [lang, file, title] of [
  ["es", "es.rs", /pódcast/],
  ["de", "de.rs", /Podcast/],
]) {
  test(`in ${lang === "es" ? "Spanish" : "German"} every view speaks it: no English interface string, axe clean, lang on the root, catalog text marked English`, async () => {
    const strings = englishOnly(file);
    assert.ok(strings.length > 150, `${strings.length} English strings to look for`);
    for (const [name, query, marker] of VIEWS) {
      session = await open(env.browser, env.server.origin, { viewport: { width: 1280, height: 900 } });
      const page = session.page;
      await page.goto(`${env.server.url}?lang=${lang}${query}`);
      await ready(page);
      await page.locator(marker).first().waitFor();
      assert.equal(await page.locator("#podpath .podpath").getAttribute("lang"), lang, `${name}: the root's lang`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${name}: the page's lang`);
      assert.match(await page.title(), title);
      const left = leftovers(await interfaceText(page), strings);
      assert.deepEqual(left, [], `${name}: English left in the ${lang} interface`);
      const marked = await page.locator("#podpath [lang=en]").count();
      assert.ok(marked > 0, `${name}: catalog text is marked lang="en"`);
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), [], `${name}: axe`);
      await closeSession(session);
      session = undefined;
    }
  });
}

test("the language switch renders the widget in the chosen language and keeps it in the URL", async () => {
  session = await open(env.browser, env.server.origin, { locale: "en-US" });
  const page = session.page;
  await page.goto(env.server.url + "?view=quiz");
  await ready(page);
  assert.equal((await page.getByTestId("quiz-progress").textContent()).trim(), "Question 1 of 8");
  await page.getByTestId("lang-switch").selectOption("de");
  await page.locator(".podpath[lang=de]").waitFor();
  assert.equal((await page.getByTestId("quiz-progress").textContent()).trim(), "Frage 1 von 8");
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "lang-switch");
  // Tabs and topic links carry the language, for a middle click or a copied address.
  assert.match(await page.getByTestId("tab-topics").getAttribute("href"), /lang=de/);
  // And the Embed panel's snippets, for a blogger copying the widget as they see it.
  await page.getByTestId("embed-open").click();
  assert.equal((await page.getByTestId("embed-open").textContent()).trim(), "Einbetten");
  assert.match(await page.getByTestId("embed-script").inputValue(), /<podpath-finder [^>]*lang="de"/);
  assert.match(await page.getByTestId("embed-iframe").inputValue(), /lang=de/);
  await page.waitForURL(/lang=de/);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator(".podpath").getAttribute("lang"), "de", "a shared link keeps the language");
});

test("a browser preferring French, then Swiss German: the loading view and the app both choose German", async () => {
  // first-screen.js words the loading view before the wasm runs; the app negotiates again in
  // the engine (engine/src/lang.rs). Both must pick the first preference podpath speaks.
  session = await open(env.browser, env.server.origin, { locale: "fr-FR" });
  const page = session.page;
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "languages", { get: () => ["fr-FR", "de-CH", "es"] }));
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/podpath_bg.wasm*", async (route) => {
    await held;
    await route.continue();
  });
  // A filter in the address: the loading view (a plain address shows the German Find screen).
  await page.goto(env.server.url + "?level=beginner");
  await page.locator(".pp-loading-text").waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "de");
  const tagline = readFileSync(join(ROOT, "src", "i18n", "de.rs"), "utf8").match(/\n    tagline: "([^"]+)"/)[1];
  assert.equal(await page.locator(".pp-brand__tagline").textContent(), tagline, "the loading view's tagline is the German table's");
  assert.equal(await page.locator(".pp-loading-text").textContent(), "Katalog wird geladen…");
  release();
  await ready(page);
  assert.equal(await page.locator(".podpath").getAttribute("lang"), "de");
  assert.equal(await page.locator("html").getAttribute("lang"), "de");
  assert.equal(await page.locator(".pp-brand__tagline").textContent(), tagline);
});

test("without a choice, the browser's preferred language is used", async () => {
  session = await open(env.browser, env.server.origin, { locale: "es-MX" });
  const page = session.page;
  await page.goto(env.server.url);
  await ready(page);
  assert.equal(await page.locator(".podpath").getAttribute("lang"), "es");
  assert.equal(await page.getByTestId("tab-browse").textContent(), "Buscar");
});
