// The pre-rendered first screens (scripts/prerender.mjs, first-screen.js, src/takeover.rs):
// content before the wasm, the right screen from the first frame, a hand-over that moves
// nothing and loses nothing, and the figures of issue #17 (printed, not pass/fail).
import { before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { test, useServerAndBrowser, open as openSession, ready, readJson, closeSession, inBuildMonth, settled, watchLayoutShifts, layoutShift, BUILT_MONTH, DIST, ROOT } from "./support.mjs";

let session;
afterEach(async () => {
  const done = session;
  session = undefined;
  await closeSession(done);
});

/// A session whose clock is in the build month: the first screens show only then.
async function open(browser, origin, options) {
  const opened = await openSession(browser, origin, options);
  await inBuildMonth(opened.context);
  return opened;
}

const SCREENS = { find: "", quiz: "?view=quiz", topics: "?view=topics" };
const env = useServerAndBrowser(before, after, { extra: staticPages() });
/// What marks each screen's content: real text beyond the loading line.
const USEFUL = "#podpath .pp-card, #podpath [data-testid=quiz], #podpath [data-testid=topic-index]";

/// The wasm answers only when `release()` is called: the page stays on its pre-rendered screen.
async function holdWasm(page) {
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/podpath_bg.wasm*", async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

/// Elements in document order with the attributes that make structure, and their own text;
/// lists cut to their first `items` entries (the pre-rendered Find screen has the first cards).
function structure(live, items = Infinity) {
  const root = live.cloneNode(true);
  for (const li of [...root.querySelectorAll("ol.pp-list > li")].filter((li) => [...li.parentNode.children].indexOf(li) >= items)) li.remove();
  const KEEP = ["class", "id", "href", "role", "type", "name", "value", "for", "data-testid", "open", "hidden", "lang"];
  const out = [];
  const walk = (el, depth) => {
    if (el.tagName === "NOSCRIPT") return;
    const attrs = [...el.attributes]
      .filter((a) => KEEP.includes(a.name) || a.name.startsWith("aria-"))
      .map((a) => `${a.name}=${a.value}`)
      .sort();
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").replace(/\s+/g, " ").trim();
    out.push(`${depth} ${el.tagName.toLowerCase()} [${attrs.join(" ")}] ${text}`);
    for (const child of el.children) walk(child, depth + 1);
  };
  walk(root, 0);
  return out;
}

test("without JavaScript the Find screen is readable: its first cards, each with its show's own https links, a title and a description", async () => {
  const catalog = await readJson("data/catalog.json");
  session = await open(env.browser, env.server.origin, { javaScriptEnabled: false });
  const page = session.page;
  await page.goto(env.server.url);
  assert.match(await page.title(), /podpath/);
  const description = await page.locator("meta[name=description]").getAttribute("content");
  assert.ok(description.length > 60, description);
  assert.ok(await page.locator("meta[property='og:title']").count());
  const titles = await page.locator("#podpath [data-testid=show-card] h3").allTextContents();
  assert.equal(titles.length, 8, "the first cards");
  const known = new Set(catalog.shows.map((s) => s.title));
  for (const title of titles) assert.ok(known.has(title.trim()), title);
  assert.equal((await page.getByTestId("result-count").textContent()).trim(), `${catalog.shows.length} shows`);
  assert.equal(await page.locator("#podpath .pp-loading-text").count(), 0, "no loading line");
  const note = page.locator("#podpath .pp-noscript");
  assert.ok(await note.isVisible(), "says what needs JavaScript");
  assert.match(await note.textContent(), /the first shows below read without it/);
  const links = await page.locator("#podpath a[href^='http']").evaluateAll((as) => as.map((a) => [a.href, a.rel]));
  assert.ok(links.length > 50, `${links.length} links`);
  for (const [href, rel] of links) {
    assert.ok(href.startsWith("https://"), href);
    assert.equal(rel, "noopener noreferrer", href);
  }
  // Working: each card links to its own show's pages as the catalog has them.
  const cards = await page.locator("#podpath [data-testid=show-card]").evaluateAll((els) =>
    els.map((el) => [el.dataset.show, [...el.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"))]),
  );
  for (const [id, hrefs] of cards) {
    const show = catalog.shows.find((s) => s.id === id);
    assert.ok(show, `a card for a catalog show: ${id}`);
    for (const key of ["website", "apple", "spotify", "youtube", "rss"]) {
      if (show.links[key]) assert.ok(hrefs.includes(show.links[key]), `${id}: its ${key} link ${show.links[key]} is on the card`);
    }
  }
});

test("each URL shows its own screen from the first frame, and a URL for anything else the loading view", async () => {
  const cases = [
    ["", "find"],
    ["?utm_source=newsletter&fbclid=x", "find"],
    ["?view=quiz", "quiz"],
    ["?view=quiz&compact=1&theme=dark&frame=1", "quiz"],
    ["?view=topics", "topics"],
    ["?lang=en", "find"],
    ["?lang=de", "find"],
    ["?lang=fr", "loading"],
    ["?follows=data-skeptic", "loading"],
    ["?like=data-skeptic", "loading"],
    ["?level=beginner", "loading"],
    ["?topic=mlops", "loading"],
    ["?view=quiz&goal=lead", "loading"],
    ["?view=nonsense", "loading"],
    ["?compact=2", "loading"],
  ];
  for (const [query, expected] of cases) {
    session = await open(env.browser, env.server.origin);
    const page = session.page;
    // The screens showing in every frame until the app has taken over, and in the first one.
    await page.addInitScript(() => {
      window.__screens = new Set();
      const name = (el) => el.dataset?.ppScreen ?? (el.classList?.contains("podpath--loading") ? "loading" : null);
      const frame = () => {
        const shown = [...document.querySelectorAll("#podpath > *")].filter((el) => el.getClientRects().length).map(name).filter(Boolean);
        if (shown.length) window.__first ??= shown;
        if (shown.length) window.__firstRoot ??= document.querySelector("#podpath > [data-pp-prerendered] > .podpath")?.outerHTML.slice(0, 200) ?? "";
        for (const s of shown) window.__screens.add(s);
        if (!document.documentElement.hasAttribute("data-pp-live")) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const release = await holdWasm(page);
    await page.goto(env.server.url + query);
    await page.waitForFunction(() => window.__first);
    const first = await page.evaluate(() => window.__first);
    assert.deepEqual(first, [expected], `${query || "/"}: the first frame shows ${expected}`);
    if (query.includes("compact=1")) {
      const root = await page.evaluate(() => window.__firstRoot);
      assert.match(root, /podpath--compact/, "the embed's compact setting from the first frame");
      assert.match(root, /data-theme="dark"/, "and its theme");
    }
    release();
    await ready(page);
    const seen = await page.evaluate(() => [...window.__screens]);
    assert.deepEqual(seen, [expected], `${query || "/"}: no other screen was ever shown`);
    await closeSession(session);
    session = undefined;
  }
});

test("a pre-rendered screen the app would change shows the loading view: blocked storage on the quiz", async () => {
  const first = async (page, query) => {
    await page.goto(env.server.url + query);
    await ready(page);
    return page.evaluate(() => document.documentElement.getAttribute("data-pp-first"));
  };
  session = await open(env.browser, env.server.origin);
  await session.context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  assert.equal(await first(session.page, "?view=quiz"), "loading", "the quiz adds a storage notice on its own page");
  assert.equal(await first(session.page, ""), "find", "Find has no such notice");
});

// Readers the screens once left to the loading view: a Spanish or a German browser, and any
// month after the build (the screens name dates, not ages).
const FORTY_DAYS = 40 * 24 * 3600 * 1000;
for (const [who, locale, later, lang] of [
  ["a Spanish browser", "es-ES", 0, ""],
  ["a German browser", "de-DE", 0, ""],
  ["an English browser 40 days after the build", "en-US", FORTY_DAYS, ""],
  ["an English browser on a link with lang=es", "en-US", 0, "es"],
  ["a Spanish browser on a link with lang=de", "es-ES", 0, "de"],
  ["a German browser on a link with lang=en", "de-DE", 0, "en"],
]) {
  test(`for ${who}, every screen shows from the first frame, the app takes it over unchanged, and CLS stays 0`, async () => {
    for (const [screen, base] of Object.entries(SCREENS)) {
      const query = lang ? `${base}${base ? "&" : "?"}lang=${lang}` : base;
      session = await open(env.browser, env.server.origin, { locale, viewport: { width: 390, height: 844 } });
      const page = session.page;
      if (later) {
        // The page's clock moved forward by a plain Date with an offset (Playwright's clock
        // API also takes over the frame timing this test watches).
        assert.ok(BUILT_MONTH, "dist/index.html records its build month");
        await page.addInitScript((at) => {
          const Real = Date;
          const offset = at - Real.now();
          globalThis.Date = class extends Real {
            constructor(...args) {
              super(...(args.length ? args : [Real.now() + offset]));
            }
            static now() {
              return Real.now() + offset;
            }
          };
        }, new Date(`${BUILT_MONTH}-15T12:00:00`).getTime() + later);
      }
      await watchLayoutShifts(page);
      await page.addInitScript(() => {
        const frame = () => {
          const shown = [...document.querySelectorAll("#podpath > *")].filter((el) => el.getClientRects().length);
          if (shown.length) window.__first ??= shown.map((el) => el.dataset?.ppScreen ?? "loading");
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      const release = await holdWasm(page);
      await page.goto(env.server.url + query);
      await page.waitForFunction(() => window.__first);
      if (later) assert.notEqual(await page.evaluate(() => new Date().toISOString().slice(0, 7)), BUILT_MONTH, "the page lives in a later month");
      assert.deepEqual(await page.evaluate(() => window.__first), [screen], `${screen}: the first frame shows the pre-rendered screen`);
      const speaks = lang || locale.slice(0, 2);
      assert.equal(await page.evaluate(() => document.documentElement.lang), speaks, `${screen}: the page speaks ${speaks} from the first frame`);
      const pre = await page.locator(`#podpath > [data-pp-screen=${screen}] > .podpath`).evaluate(structure);
      const items = await page.locator(`#podpath > [data-pp-screen=${screen}] ol.pp-list > li`).count();
      release();
      await ready(page);
      await settled(page);
      const live = await page.locator("#podpath .podpath").evaluate(structure, items || Infinity);
      assert.deepEqual(live, pre, `${screen}: the live app renders what was shown`);
      assert.equal(await layoutShift(page), 0, `${screen}: CLS`);
      await closeSession(session);
      session = undefined;
    }
  });
}

test("the app takes over each pre-rendered screen with the same structure, order and text", async () => {
  for (const [screen, query] of Object.entries(SCREENS)) {
    session = await open(env.browser, env.server.origin);
    const page = session.page;
    const release = await holdWasm(page);
    await page.goto(env.server.url + query);
    const pre = await page.locator(`#podpath > [data-pp-screen=${screen}] > .podpath`).evaluate(structure);
    const items = await page.locator(`#podpath > [data-pp-screen=${screen}] ol.pp-list > li`).count();
    release();
    await ready(page);
    const live = await page.locator("#podpath .podpath").evaluate(structure, items || Infinity);
    assert.ok(pre.length > 20, `${screen}: ${pre.length} elements`);
    assert.deepEqual(live, pre, `${screen}: the live app renders what was pre-rendered`);
    assert.equal(await page.locator("#podpath .podpath").count(), 1, "one widget left");
    await closeSession(session);
    session = undefined;
  }
});

test("the pre-rendered screens' links keep the display settings of the URL as the app's links do, and the theme button names the theme", async () => {
  for (const [screen, query] of [
    ["find", "?theme=dark&header=0&lang=de"],
    ["quiz", "?view=quiz&compact=1&theme=light&frame=1"],
    ["topics", "?view=topics&lang=es&origin=https%3A%2F%2Fblog.example&frame=3"],
  ]) {
    session = await open(env.browser, env.server.origin);
    const page = session.page;
    const release = await holdWasm(page);
    await page.goto(env.server.url + query);
    const first = page.locator(`#podpath > [data-pp-screen=${screen}] > .podpath`);
    const hrefs = await first.evaluate((root) => [...root.querySelectorAll('a[href^="?"]')].map((a) => a.getAttribute("href")));
    assert.ok(hrefs.length > 0 && hrefs.every((h) => h.includes(query.includes("lang") ? "lang=" : "theme=")), `${query}: ${hrefs.slice(0, 3)}`);
    const pre = await first.evaluate(structure);
    const items = await page.locator(`#podpath > [data-pp-screen=${screen}] ol.pp-list > li`).count();
    release();
    await ready(page);
    const live = await page.locator("#podpath .podpath").evaluate(structure, items || Infinity);
    assert.deepEqual(live, pre, `${query}: the live app renders the links that were shown`);
    await closeSession(session);
    session = undefined;
  }
});

test("the app takes over once it has the cards in sight and one more; the others follow below them in batches", async () => {
  const catalog = await readJson("data/catalog.json");
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    session = await open(env.browser, env.server.origin, { viewport });
    const page = session.page;
    // At every change of the page: is the pre-rendered screen still there, how many live cards,
    // is the live list still growing, is the live footer there and in sight.
    await page.addInitScript(() => {
      window.__handover = [];
      new MutationObserver(() => {
        const live = [...document.querySelectorAll("#podpath [data-testid=show-card]")].filter((c) => !c.closest("[data-pp-prerendered]"));
        const footer = document.querySelector("#podpath .pp-footer:not([data-pp-prerendered] *)");
        window.__handover.push({
          pre: !!document.querySelector("#podpath > [data-pp-prerendered]"),
          cards: live.length,
          busy: !!document.querySelector("#podpath .pp-list[aria-busy=true]"),
          footer: !!footer,
          footerInSight: !!footer && !footer.closest(".pp-takeover") && footer.getBoundingClientRect().top < innerHeight,
        });
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    const release = await holdWasm(page);
    await page.goto(env.server.url);
    const tops = await page.locator("#podpath > [data-pp-screen=find] ol.pp-list > li").evaluateAll((items) => items.map((li) => li.getBoundingClientRect().top));
    const inSight = tops.filter((top) => top < viewport.height).length;
    const needed = Math.min(inSight + 1, tops.length);
    release();
    await ready(page);
    const snaps = await page.evaluate(() => window.__handover);
    const swap = snaps.findIndex((s, i) => !s.pre && snaps.slice(0, i).some((p) => p.pre));
    const at = `${viewport.width}x${viewport.height}`;
    assert.ok(swap > 0, `${at}: the pre-rendered screen was seen, then taken over`);
    assert.ok(tops.length > needed, `${at}: ${tops.length} cards pre-rendered, ${inSight} of them in sight`);
    assert.deepEqual(
      { cards: snaps[swap].cards, busy: snaps[swap].busy, footer: snaps[swap].footer },
      { cards: needed, busy: true, footer: true },
      `${at}: at the hand-over the live list holds the ${inSight} cards in sight and one more (${snaps[swap].cards}), and is still growing`,
    );
    const after = snaps.slice(swap);
    after.slice(1).forEach((s, i) => assert.ok(s.cards >= after[i].cards, `${at}: cards are only ever added`));
    assert.ok(after.some((s) => s.cards > needed && s.cards < catalog.shows.length), `${at}: the other cards arrive in batches`);
    assert.ok(after.every((s) => !s.footerInSight), `${at}: the footer stays out of sight while they arrive`);
    assert.equal(await page.getByTestId("show-card").count(), catalog.shows.length);
    await closeSession(session);
    session = undefined;
  }
});

test("a visitor who scrolled down the pre-rendered cards before start-up finds them all there at the hand-over", async () => {
  session = await open(env.browser, env.server.origin, { viewport: { width: 390, height: 844 } });
  const page = session.page;
  await watchLayoutShifts(page);
  const release = await holdWasm(page);
  await page.goto(env.server.url);
  const items = page.locator("#podpath > [data-pp-screen=find] ol.pp-list > li");
  const count = await items.count();
  const title = await items.nth(count - 1).locator("h3").textContent();
  await items.nth(count - 1).evaluate((li) => li.scrollIntoView({ block: "end" }));
  const scrolled = await page.evaluate(() => scrollY);
  release();
  await ready(page);
  assert.equal(await page.evaluate(() => scrollY), scrolled, "the page stays where it was scrolled to");
  const last = page.locator("#podpath ol.pp-list > li").nth(count - 1);
  assert.equal(await last.locator("h3").textContent(), title, "the last pre-rendered card is in its place");
  assert.ok(await last.isVisible(), "and in sight");
  assert.equal(await layoutShift(page), 0, "nothing moved");
});

test("a visitor who scrolls down while the app starts behind the screen finds every card there at the hand-over", async () => {
  session = await open(env.browser, env.server.origin, { viewport: { width: 390, height: 844 } });
  const page = session.page;
  await watchLayoutShifts(page);
  await page.addInitScript(() => {
    // The moment the app starts behind the screen (it has counted the cards in sight by then),
    // the visitor scrolls to the last pre-rendered card; then, at the hand-over, how many live cards.
    let scrolled = false;
    new MutationObserver(() => {
      const host = document.getElementById("podpath");
      if (!scrolled && host?.classList.contains("pp-taking-over")) {
        scrolled = true;
        const items = host.querySelectorAll(":scope > [data-pp-prerendered] ol.pp-list > li");
        items[items.length - 1].scrollIntoView({ block: "end" });
        window.__scrolled = { y: scrollY, title: items[items.length - 1].querySelector("h3").textContent, count: items.length };
      }
      if (scrolled && window.__atSwap === undefined && !document.querySelector("#podpath > [data-pp-prerendered]")) {
        window.__atSwap = document.querySelectorAll("#podpath ol.pp-list > li").length;
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  const release = await holdWasm(page);
  await page.goto(env.server.url);
  release();
  await ready(page);
  const { y, title, count } = await page.evaluate(() => window.__scrolled);
  assert.ok(y > 0 && count > 2, `scrolled to the last of ${count} pre-rendered cards`);
  const atSwap = await page.evaluate(() => window.__atSwap);
  assert.ok(atSwap >= count, `the app took over only once it had every card down to there (${atSwap})`);
  assert.ok(atSwap < (await readJson("data/catalog.json")).shows.length, `and before the cards beyond them (${atSwap})`);
  assert.equal(await page.evaluate(() => scrollY), y, "the page stays where it was scrolled to");
  const last = page.locator("#podpath ol.pp-list > li").nth(count - 1);
  assert.equal(await last.locator("h3").textContent(), title, "the card in sight is the same");
  assert.equal(await layoutShift(page), 0, "nothing moved");
});

test("nothing typed or clicked before start-up is lost", async () => {
  const catalog = await readJson("data/catalog.json");
  session = await open(env.browser, env.server.origin);
  const page = session.page;
  const release = await holdWasm(page);
  await page.goto(env.server.url);
  // The pre-rendered screen: a real search box and real checkboxes, before any wasm.
  await page.locator("#pp-search").click();
  await page.keyboard.type("mlops");
  const advanced = page.getByRole("checkbox", { name: /Advanced/ });
  await advanced.check();
  // A button does nothing before the app runs; the app presses it again when it takes over,
  // also one that follows the list, whose live version has more cards than the pre-rendered.
  await page.getByTestId("theme-toggle").click();
  await page.getByRole("button", { name: "Embed this" }).click();
  await page.locator("#pp-search").focus();
  release();
  await ready(page);
  await page.locator(".podpath[data-theme=light]").waitFor({ timeout: 2000 });
  await page.getByTestId("embed-panel").waitFor({ timeout: 2000 });
  assert.equal(await page.locator("[data-pp-prerendered], .pp-taking-over").count(), 0);
  assert.equal(await page.locator("#pp-search").inputValue(), "mlops", "the text typed is kept");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "pp-search", "and the focus");
  assert.ok(await page.getByRole("checkbox", { name: /Advanced/ }).isChecked(), "the box ticked is kept");
  const shown = await page.getByTestId("show-card").count();
  assert.ok(shown > 0 && shown < catalog.shows.length, `and applied: ${shown} shows`);
  await page.waitForFunction(() => location.search.includes("q=mlops") && location.search.includes("level=advanced"));
  await page.waitForFunction(() => location.search.includes("theme=light"));
  await page.keyboard.type(" x");
  assert.equal(await page.locator("#pp-search").inputValue(), "mlops x", "typing goes on in the live box");
});

test("a show followed far down the pre-rendered list before start-up, with nothing pressed or focused, is still followed after the hand-over", async () => {
  session = await open(env.browser, env.server.origin, { viewport: { width: 390, height: 844 } });
  const page = session.page;
  const release = await holdWasm(page);
  await page.goto(env.server.url);
  // The fifth card, far below the cards in sight: its More panel opened, Follow ticked, the
  // panel closed again, the focus let go and the page scrolled back up, so only the tick itself
  // says anything happened.
  const card = page.locator("#podpath > [data-pp-screen=find] ol.pp-list > li").nth(4);
  const id = await card.locator("[data-show]").getAttribute("data-show");
  await card.getByTestId("card-more").click();
  await card.getByTestId("follow").check();
  await card.getByTestId("card-more").click();
  // And back to the top: the card is out of sight again when the app starts.
  await page.evaluate(() => {
    document.activeElement?.blur();
    scrollTo(0, 0);
  });
  release();
  await ready(page);
  assert.ok(await page.locator(`#podpath [data-show="${id}"] [data-testid=follow]`).isChecked(), `${id} is still followed`);
  await page.locator(`#podpath [data-show="${id}"] [data-testid=you-follow]`).waitFor({ timeout: 2000 });
});

test("the app leaves the page's lang alone when the pre-rendered screen already speaks its language", async () => {
  for (const [locale, query, lang] of [["en-US", "", "en"], ["de-DE", "", "de"], ["en-US", "?view=quiz&lang=es", "es"]]) {
    session = await open(env.browser, env.server.origin, { locale });
    const page = session.page;
    // Every write of <html lang> after first-screen.js has run (setting it, even to the same
    // value, has the browser lay out the whole pre-rendered screen again).
    await page.addInitScript(() => {
      window.__langWrites = 0;
      document.addEventListener("DOMContentLoaded", () => {
        new MutationObserver((records) => {
          window.__langWrites += records.length;
        }).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
      });
    });
    await page.goto(env.server.url + query);
    await ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${locale} ${query}`);
    assert.equal(await page.evaluate(() => window.__langWrites), 0, `${locale} ${query}: no write of lang by the app`);
    await closeSession(session);
    session = undefined;
  }
});

test("in a window taller than the screen's cards, the app takes over with its whole list, also after the focus moved into it: nothing in sight moves (CLS 0)", async () => {
  const catalog = await readJson("data/catalog.json");
  const viewport = { width: 1280, height: 4000 };
  for (const focused of [false, true]) {
    session = await open(env.browser, env.server.origin, { viewport });
    const page = session.page;
    await watchLayoutShifts(page);
    await page.addInitScript(() => {
      window.__handover = [];
      new MutationObserver(() => {
        const live = [...document.querySelectorAll("#podpath [data-testid=show-card]")].filter((c) => !c.closest("[data-pp-prerendered]"));
        window.__handover.push({ pre: !!document.querySelector("#podpath > [data-pp-prerendered]"), cards: live.length });
      }).observe(document, { childList: true, subtree: true });
    });
    const release = await holdWasm(page);
    await page.goto(env.server.url);
    const pre = page.locator("#podpath > [data-pp-screen=find]");
    const bottoms = await pre.locator("ol.pp-list > li").evaluateAll((items) => items.map((li) => li.getBoundingClientRect().bottom));
    assert.ok(bottoms.length < catalog.shows.length && bottoms.every((b) => b < viewport.height), `all ${bottoms.length} pre-rendered cards in sight`);
    assert.ok(await pre.locator(".pp-footer").evaluate((f, h) => f.getBoundingClientRect().top < h, viewport.height), "the footer in sight");
    // Focus in the list: the hand-over needs the screen's cards for it, and still the whole list.
    if (focused) {
      await pre.locator("ol.pp-list > li").first().locator("summary").first().focus();
      assert.ok(await page.evaluate(() => !!document.activeElement.closest("[data-pp-prerendered] ol.pp-list > li")), "the focus is in a pre-rendered card");
    }
    release();
    await ready(page);
    await settled(page);
    const snaps = await page.evaluate(() => window.__handover);
    const swap = snaps.findIndex((s, i) => !s.pre && snaps.slice(0, i).some((p) => p.pre));
    assert.ok(swap > 0, `focused ${focused}: the pre-rendered screen was seen, then taken over`);
    assert.equal(snaps[swap].cards, catalog.shows.length, `focused ${focused}: at the hand-over the live list holds every card`);
    assert.equal(await layoutShift(page), 0, `focused ${focused}: CLS`);
    await closeSession(session);
    session = undefined;
  }
});

test("the hand-over moves nothing: CLS 0 at 360, 768 and 1280 px in both themes", async () => {
  const rows = [];
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [360, 768, 1280]) {
      for (const [screen, query] of Object.entries(SCREENS)) {
        session = await open(env.browser, env.server.origin, { viewport: { width, height: 800 }, colorScheme });
        const page = session.page;
        await watchLayoutShifts(page);
        await page.goto(env.server.url + query);
        await ready(page);
        await settled(page);
        const cls = await layoutShift(page);
        rows.push(`${colorScheme} ${width}px ${screen}: CLS ${cls.toFixed(4)}`);
        assert.equal(cls, 0, `${colorScheme} ${width}px ${screen}`);
        await closeSession(session);
        session = undefined;
      }
    }
  }
  console.log(`# hand-over layout shift\n# ${rows.join("\n# ")}`);
});

/// Static pages of the same text: each pre-rendered screen alone in index.html, no script.
function staticPages() {
  let html = "";
  try {
    html = readFileSync(join(DIST, "index.html"), "utf8");
  } catch {
    return {};
  }
  if (!html.includes("data-pp-prerendered")) return {};
  // No script: the chosen screen is in place, marked shown as first-screen.js would.
  const bare = html
    .replace(/<script[^>]*><\/script>/g, "")
    .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "")
    .replace("<html ", '<html data-pp-first="static" ');
  const dir = join(ROOT, "target", "static-pages");
  mkdirSync(dir, { recursive: true });
  const pages = {};
  for (const screen of Object.keys(SCREENS)) {
    const template = bare.match(new RegExp(`<template data-pp-screen="${screen}">([\\s\\S]*?)</template>`));
    let page = bare.replace(/<template data-pp-screen=[\s\S]*?<\/template>/g, "");
    if (template) page = page.replace(/(<!-- podpath:first-screen -->)[\s\S]*?(<!-- \/podpath:first-screen -->)/, `$1${template[1]}$2`);
    const file = join(dir, `static-${screen}.html`);
    writeFileSync(file, page);
    pages[`/blog/podpath/static-${screen}.html`] = file;
  }
  return pages;
}

/// Milliseconds from navigation to the first frame with useful content, and to the moment the
/// live app answers input (the hand-over), in the page or in an iframe on a host page.
async function firstScreenTimes(url, { frame = false } = {}) {
  session = await open(env.browser, env.server.origin);
  const page = session.page;
  await page.addInitScript((USEFUL) => {
    const tick = () => {
      if (!window.__useful && document.querySelector(USEFUL)?.getClientRects().length) window.__useful = performance.now();
      if (!window.__live && document.documentElement.hasAttribute("data-pp-live")) window.__live = performance.now();
      if (!window.__live || !window.__useful) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, USEFUL);
  if (frame) {
    await page.setContent(`<iframe src="${url}" style="width:100%;height:700px;border:0"></iframe>`);
  } else {
    await page.goto(url);
  }
  const target = frame ? page.frames()[1] : page;
  await target.waitForFunction(() => window.__useful, null, { timeout: 20000 });
  const live = url.includes("static-") ? null : await target.waitForFunction(() => window.__live, null, { timeout: 20000 }).then((h) => h.jsonValue());
  const useful = await target.evaluate(() => window.__useful);
  await closeSession(session);
  session = undefined;
  return { useful, live };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test("first useful content comes before the app answers and within twice a static page of the same text (median of 7 fresh loads, printed)", async () => {
  const lines = [];
  for (const [screen, query] of Object.entries(SCREENS)) {
    const runs = { page: [], frame: [], static: [], live: [], frameLive: [] };
    for (let i = 0; i < 7; i++) {
      const inPage = await firstScreenTimes(env.server.url + query);
      // An embed's setting that keeps every first screen (a compact Find lists fewer cards, so
      // it starts from the loading view).
      const inFrame = await firstScreenTimes(env.server.url + (query ? query + "&header=0" : "?header=0"), { frame: true });
      const still = await firstScreenTimes(`${env.server.url}static-${screen}.html`);
      runs.page.push(inPage.useful);
      runs.live.push(inPage.live);
      runs.frame.push(inFrame.useful);
      runs.frameLive.push(inFrame.live);
      runs.static.push(still.useful);
    }
    const [p, f, s] = [median(runs.page), median(runs.frame), median(runs.static)];
    lines.push(
      `${screen.padEnd(6)} page ${p.toFixed(0)} ms (${(p / s).toFixed(2)}x static), iframe ${f.toFixed(0)} ms (${(f / s).toFixed(2)}x), ` +
        `static ${s.toFixed(0)} ms; answers input after ${median(runs.live).toFixed(0)} ms (iframe ${median(runs.frameLive).toFixed(0)} ms)`,
    );
    // Content comes before the app (the point of pre-rendering) and stays near a static page.
    const live = median(runs.live);
    assert.ok(p > 0 && s > 0 && p < live, `${screen}: useful content at ${p.toFixed(0)} ms, before the app answers at ${live.toFixed(0)} ms`);
    assert.ok(p < 2 * s + 100, `${screen}: ${p.toFixed(0)} ms is within twice a static page's ${s.toFixed(0)} ms (+100 ms)`);
  }
  console.log(`# first useful content (loopback, headless Chromium)\n# ${lines.join("\n# ")}`);
});
