// Embedding: iframe and script embeds on host pages of another origin, a strict CSP on the
// widget, origin-checked messages, and no request to any third origin.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test, serveTwoSites, launch, open, quizByKeyboard, ROOT, recordSnapshots, snapshots, scopeReady, AXE_INLINE_STYLE, skipQuiz, cspSession, cspViolations } from "./support.mjs";

const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";

let sites, widget, browser, hostOrigin;
before(async () => {
  // The example blog pages, on another site than the widget, pointing at it.
  sites = await serveTwoSites({
    dir: join(ROOT, "examples"),
    headers: { "content-security-policy": CSP },
    rewrite: (html, w) => html.replaceAll("http://127.0.0.1:8080/", w.url),
  });
  ({ widget, hostOrigin } = sites);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await sites?.close();
});

/// A session on the host site: the host page runs under the README's policy for its embeds
/// (support.mjs `hostPolicy`), each frame under the widget's; violations are recorded.
const session = (options) => cspSession(browser, hostOrigin, options);

/// Opens a host page in a new session.
async function visit(file, options) {
  const opened = await session(options);
  await opened.page.goto(`${hostOrigin}/blog/${file}`);
  return opened;
}

function thirdOrigin(problems) {
  return problems.foreign.filter((u) => !u.startsWith(widget.origin));
}

test("iframe embeds grow to their content, stay independent, take theme messages, and keep the CSP", async () => {
  const documents = [];
  const { page, problems, context } = await session();
  context.on("request", (r) => {
    if (r.resourceType() === "document" && r.url().startsWith(widget.origin)) documents.push(r.url());
  });
  await page.goto(`${hostOrigin}/blog/blog-iframe.html`);
  const quiz = page.frameLocator("#quiz-frame");
  const browse = page.frameLocator("#browse-frame");
  // Chromium does not render a cross-origin frame that is off screen: look at it first.
  await page.locator("#quiz-frame").scrollIntoViewIfNeeded();
  await scopeReady(page, quiz);
  await quiz.getByTestId("quiz").waitFor();
  // loading="lazy": the second frame loads when the reader scrolls to it.
  await page.locator("#browse-frame").scrollIntoViewIfNeeded();
  await browse.getByTestId("show-card").first().waitFor();
  // Each frame is as tall as its content: no inner scrollbar.
  await page.waitForFunction(() => document.querySelector("#browse-frame").getBoundingClientRect().height > 1000);
  const frameOf = async (sel) => (await page.locator(sel).elementHandle()).contentFrame();
  for (const sel of ["#quiz-frame", "#browse-frame"]) {
    // Chromium does not render off-screen cross-origin frames, so a frame the reader scrolled
    // past reports its height when it comes back into view: look at it, as a reader would.
    await page.locator(sel).scrollIntoViewIfNeeded();
    const frame = await frameOf(sel);
    try {
      await frame.waitForFunction(() => document.documentElement.scrollHeight <= window.innerHeight + 1, null, { timeout: 10000 });
    } catch (e) {
      const d = await frame.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight, document.querySelector(".podpath").getBoundingClientRect().bottom, window.scrollY, document.documentElement.className, document.documentElement.clientWidth, location.search]);
      const h = await page.locator(sel).evaluate((f) => f.style.height);
      throw new Error(`${sel}: ${JSON.stringify(d)} frame ${h}`);
    }
  }
  // Each frame's page was fetched once, as written: embed.js learns nothing by reloading it.
  assert.deepEqual(documents.map((u) => new URL(u).search).sort(), ["?level=beginner&header=0", "?view=quiz&compact=1"]);
  // Two embeds do not interfere: moving one to Topics leaves the other alone.
  await quiz.getByTestId("tab-topics").click();
  await quiz.getByTestId("topic-index").waitFor();
  assert.equal(await browse.getByTestId("topic-index").count(), 0);
  assert.equal(await browse.getByTestId("show-card").first().isVisible(), true);
  assert.ok(!page.url().includes("view="), "the host page's URL is untouched");

  // Malformed messages from the host's own window and origin change nothing and log nothing:
  // every theme the frame's root takes is recorded, then a valid message, sent after them
  // and handled in order, marks the point by which they have all been read.
  const frame = await frameOf("#browse-frame");
  await frame.evaluate(() => {
    window.__themes = [];
    new MutationObserver(() => window.__themes.push(document.querySelector(".podpath").dataset.theme ?? "auto")).observe(
      document.querySelector(".podpath"),
      { attributes: true, attributeFilter: ["data-theme"] },
    );
  });
  await page.evaluate((origin) => {
    const w = document.querySelector("#browse-frame").contentWindow;
    const junk = ["podpath:theme", null, 42, [], { type: 7 }, { type: "podpath:theme", theme: 5 }, { type: "podpath:theme", theme: "purple" },
      { type: "podpath:host", frame: "x" }, { type: "podpath:theme", theme: "light", frame: {} }];
    for (const data of junk) w.postMessage(data, origin);
    // The host changes the theme at run time (embed.js posts it after the junk).
    window.podpath.setTheme("dark");
  }, widget.origin);
  await browse.locator(".podpath[data-theme=dark]").waitFor();
  assert.deepEqual(await frame.evaluate(() => window.__themes), ["dark"], "the junk changed nothing before the valid message");
  // Colours transition, and Chromium pauses rendering in off-screen cross-origin frames:
  // audit the settled theme with the frame in view, as a reader would see it.
  await page.locator("#browse-frame").scrollIntoViewIfNeeded();
  await frame.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));

  // Messages that do not come from the host's origin and window are ignored (handlers run
  // within dispatchEvent; the valid message after them, from the host's window and origin as
  // the browser would stamp it, shows when they have been handled).
  const themes = await frame.evaluate(async (hostOrigin) => {
    const root = document.querySelector(".podpath");
    window.__themes = [];
    window.dispatchEvent(new MessageEvent("message", { data: { type: "podpath:theme", theme: "light" }, origin: "https://evil.example", source: window.parent }));
    window.dispatchEvent(new MessageEvent("message", { data: { type: "podpath:theme", theme: "light" }, origin: location.origin, source: window }));
    window.dispatchEvent(new MessageEvent("message", { data: { type: "podpath:theme", theme: "auto" }, origin: hostOrigin, source: window.parent }));
    for (let i = 0; i < 200 && root.dataset.theme; i++) await new Promise((r) => setTimeout(r, 10));
    return window.__themes;
  }, hostOrigin);
  assert.deepEqual(themes, ["auto"], "foreign messages change nothing");
  await page.evaluate(() => window.podpath.setTheme("dark"));
  await browse.locator(".podpath[data-theme=dark]").waitFor();
  await frame.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  // ...and on the host side, a resize message from a foreign origin is ignored too; one from
  // the frame's own window and origin, dispatched after it, is applied.
  const heights = await page.evaluate(async (widgetOrigin) => {
    const f = document.querySelector("#browse-frame");
    const seen = [];
    new MutationObserver(() => seen.push(f.style.height)).observe(f, { attributes: true, attributeFilter: ["style"] });
    const frameNo = Number(new URL(f.src).searchParams.get("frame") ?? 0);
    window.dispatchEvent(new MessageEvent("message", { data: { type: "podpath:resize", frame: frameNo, height: 31337 }, origin: "https://evil.example", source: f.contentWindow }));
    window.dispatchEvent(new MessageEvent("message", { data: { type: "podpath:resize", frame: frameNo, height: 1234 }, origin: widgetOrigin, source: f.contentWindow }));
    await new Promise((r) => setTimeout(r, 0));
    return seen;
  }, widget.origin);
  assert.ok(!heights.includes("31337px"), `the foreign height was never applied: ${heights}`);
  assert.ok(heights.includes("1234px"), `the frame's own message, sent after it, was: ${heights}`);

  // Accessible inside the frame, in both themes.
  const axe = await new AxeBuilder({ page }).include("#browse-frame").withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + n.failureSummary).join(" | ")}`), []);

  assert.deepEqual(await cspViolations(page), [], "no CSP violation");
  await context.close();
  assert.deepEqual(thirdOrigin(problems), [], "no request to a third origin");
});

test("with embed.js blocked, each frame still loads once and works at the height the page gives it", async () => {
  const documents = [];
  // The blocked script is the page's own doing (Chromium logs the failed load); the widget
  // itself logs nothing.
  const { page, context } = await session({ allowConsole: [/ERR_FAILED/] });
  await context.route("**/embed.js", (route) => route.abort());
  context.on("request", (r) => {
    if (r.resourceType() === "document" && r.url().startsWith(widget.origin)) documents.push(r.url());
  });
  await page.goto(`${hostOrigin}/blog/blog-iframe.html`);
  await page.locator("#quiz-frame").scrollIntoViewIfNeeded();
  const quiz = page.frameLocator("#quiz-frame");
  await scopeReady(page, quiz);
  await quiz.getByTestId("quiz").waitFor();
  await quiz.locator("label[for=pp-bg-work]").click();
  await quiz.getByTestId("quiz-next").click();
  assert.equal(await quiz.getByTestId("quiz-progress").textContent(), "Question 2 of 8");
  assert.equal(documents.filter((u) => u.includes("view=quiz")).length, 1);
  // Nothing grows it: the frame keeps the height its style gives it.
  const [height, given] = await page.locator("#quiz-frame").evaluate((f) => [f.getBoundingClientRect().height, parseFloat(getComputedStyle(f).minHeight)]);
  assert.equal(height, given, `the frame is ${height}px high, as the page's ${given}px min-height gives it`);
  assert.ok(await quiz.getByTestId("quiz-next").isVisible());
  assert.deepEqual(await cspViolations(page), [], "no CSP violation");
});

test("in a frame on another site without storage, the quiz shows no banner and Save says why it cannot save", async () => {
  const { page, problems, context } = await session();
  // Chromium's third-party storage blocking, as Safari and Brave apply it by default.
  await context.addInitScript(() => {
    if (window.top === window) return;
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  await page.goto(`${hostOrigin}/blog/blog-iframe.html`);
  await page.locator("#quiz-frame").scrollIntoViewIfNeeded();
  const quiz = page.frameLocator("#quiz-frame");
  await scopeReady(page, quiz);
  await quiz.getByTestId("quiz").waitFor();
  assert.equal(await quiz.getByTestId("notice").count(), 0, "no storage banner in a frame");
  await skipQuiz(quiz);
  assert.equal(await quiz.getByTestId("save-picks").count(), 0);
  assert.match(await quiz.getByTestId("save-unavailable").textContent(), /keeps nothing.*share link.*OPML/);
  assert.equal(await quiz.getByTestId("notice").count(), 0);
  assert.deepEqual(await cspViolations(page), [], "no CSP violation");
  await context.close();
  assert.deepEqual(thirdOrigin(problems), []);
});

test("a German post on another site gets podpath in German in its iframe and its <podpath-finder>, with frame storage blocked", async () => {
  // An English-speaking reader's browser: the page's choice (?lang=de, lang="de") decides.
  const { page, problems, context } = await session({ locale: "en-US", allowConsole: [AXE_INLINE_STYLE] });
  await context.addInitScript(() => {
    if (window.top === window) return;
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  await page.goto(`${hostOrigin}/blog/blog-de.html`);
  const finder = page.locator("podpath-finder");
  await scopeReady(page, finder);
  await finder.getByTestId("topic-detail").waitFor();
  assert.equal(await finder.locator(".podpath").getAttribute("lang"), "de");
  assert.equal(await finder.getByTestId("tab-topics").textContent(), "Themen");
  assert.equal(await page.locator("html").getAttribute("lang"), "de", "the host page's own lang is untouched");
  await page.locator("#quiz-frame").scrollIntoViewIfNeeded();
  const quiz = page.frameLocator("#quiz-frame");
  await scopeReady(page, quiz);
  assert.equal(await quiz.locator("html").getAttribute("lang"), "de");
  assert.equal(await quiz.getByTestId("quiz-progress").textContent(), "Frage 1 von 8");
  await skipQuiz(quiz);
  assert.match(await quiz.getByTestId("save-unavailable").textContent(), /speichert hier nichts.*Link zum Teilen.*OPML/);
  // The frame grew to its results (embed.js), in German as in English.
  await page.waitForFunction(() => document.querySelector("#quiz-frame").getBoundingClientRect().height > 600);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + n.failureSummary).join(" | ")}`), []);
  assert.deepEqual(await cspViolations(page), [], "no CSP violation");
  await context.close();
  assert.deepEqual(thirdOrigin(problems), []);
});

test("script embeds mount <podpath-finder> and <div data-podpath> in shadow roots, keep their own ids and never touch the host URL", async () => {
  const { page, problems, context } = await visit("blog-script.html", { allowConsole: [AXE_INLINE_STYLE] });
  const finder = page.locator("podpath-finder");
  const div = page.locator("[data-podpath]");
  await finder.getByTestId("topic-detail").waitFor();
  await div.getByTestId("quiz").waitFor();
  // Each widget lives in a shadow root: the host document sees none of podpath's elements.
  assert.equal(await page.evaluate(() => document.querySelectorAll(".podpath, [id^=pp]").length), 0);
  const ids = await page.evaluate(() =>
    [...document.querySelectorAll("podpath-finder, [data-podpath]")].map((h) => [...h.shadowRoot.querySelectorAll("[id]")].map((e) => e.id)),
  );
  for (const list of ids) assert.equal(new Set(list).size, list.length, "no duplicate ids within a widget");
  assert.notEqual(ids[0][0].split("-")[0], ids[1][0].split("-")[0], "each widget has its own id prefix");
  assert.equal(await div.locator(".podpath[data-theme=dark]").count(), 1);
  // The div mount's quiz: radios of a visible size, answered and finished by keyboard alone.
  await quizByKeyboard(page, div);
  // axe on the whole page, both shadow roots included.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + n.failureSummary).join(" | ")}`), []);
  await div.getByTestId("tab-topics").click();
  await div.getByTestId("topic-index").waitFor();
  assert.equal(new URL(page.url()).search, "", "the host page's URL is untouched");
  assert.deepEqual(await cspViolations(page), [], "no CSP violation");
  await context.close();
  assert.deepEqual(thirdOrigin(problems), []);
});

test("embedded in a post or an iframe, the first render is whole, so the host's text moves once", async () => {
  const opened = await session();
  // In every document: the cards seen before the footer existed.
  await recordSnapshots(opened.context, { footer: ".pp-footer", cards: { count: "[data-testid=show-card]" } });
  const { page, problems, context } = opened;
  for (const [file, scope] of [["blog-aggressive.html", null], ["blog-iframe.html", "#browse-frame"]]) {
    await page.goto(`${hostOrigin}/blog/${file}`);
    // Chromium does not render a cross-origin frame that is off screen.
    if (scope) await page.locator(scope).scrollIntoViewIfNeeded();
    const doc = scope ? page.frameLocator(scope) : page;
    await doc.locator(".pp-footer").first().waitFor({ state: "attached" });
    const frame = scope ? page.frame({ url: /level=beginner/ }) : page.mainFrame();
    const seen = (await snapshots(frame)).filter((s) => !s.footer).map((s) => s.cards);
    assert.ok(seen.every((n) => n === 0), `${file}: no card before the whole widget (${seen.join(",")})`);
    assert.ok((await doc.locator("[data-testid=show-card]").count()) > 0, `${file}: the cards came`);
    assert.equal(await doc.locator("[aria-busy=true]").count(), 0, `${file}: nothing still growing`);
  }
  assert.deepEqual(await cspViolations(page), [], "no CSP violation");
  await context.close();
  assert.deepEqual(thirdOrigin(problems), []);
});

test("a hostile host stylesheet reaches nothing inside the shadow roots: sizes, radios, contrast, keyboard quiz", async () => {
  const { page, problems, context } = await visit("blog-aggressive.html", { allowConsole: [AXE_INLINE_STYLE] });
  const card = page.locator("[data-podpath] .pp-card").first();
  await card.waitFor();
  const styles = await card.evaluate((el) => {
    const cs = getComputedStyle(el);
    const title = getComputedStyle(el.querySelector("h3"));
    const root = getComputedStyle(el.closest(".podpath"));
    return { box: cs.boxSizing, title: title.fontSize, root: root.fontSize, line: root.lineHeight, border: getComputedStyle(el.closest(".podpath")).borderTopStyle };
  });
  assert.deepEqual(styles, { box: "border-box", title: "20px", root: "16px", line: "24px", border: "none" });
  // The host's `div { border; padding }` does not reach the element podpath mounts into either.
  const host = await page.locator("[data-podpath]").evaluate((el) => [getComputedStyle(el).borderTopStyle, getComputedStyle(el).paddingTop]);
  assert.deepEqual(host, ["none", "0px"]);
  // Host theming still works through the custom properties.
  const radius = await page.locator("podpath-finder .pp-quiz").evaluate((el) => getComputedStyle(el.closest(".podpath")).getPropertyValue("--podpath-radius").trim());
  assert.equal(radius, "4px");
  // ...and nothing of podpath's leaks out: the host's body keeps its own look.
  const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(body, "rgb(253, 246, 227)");

  // The quiz's radio buttons keep a visible size, and the quiz completes by keyboard.
  const quiz = page.locator("podpath-finder");
  await scopeReady(page, quiz);
  await quiz.getByTestId("quiz").waitFor();
  const radio = await quiz.locator("input[type=radio]").first().boundingBox();
  assert.ok(radio && radio.width >= 12 && radio.height >= 12, `radio ${JSON.stringify(radio)}`);
  await quiz.locator("input[type=radio]").first().focus();
  for (let step = 0; step < 8; step++) {
    const progress = await quiz.getByTestId("quiz-progress").textContent();
    assert.equal(progress, `Question ${step + 1} of 8`);
    await quiz.getByTestId("quiz-skip").focus();
    await page.keyboard.press("Enter");
  }
  await quiz.getByTestId("quiz-results").waitFor();
  assert.equal(await quiz.getByTestId("pick").count(), 5);

  // axe audits the whole page, shadow roots included: contrast too.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + n.failureSummary).join(" | ")}`), []);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `sideways scroll of ${overflow}px at ${width}px`);
  }
  assert.deepEqual(await cspViolations(page), [], "no CSP violation");
  await context.close();
  assert.deepEqual(thirdOrigin(problems), []);
});

test("inside a shadow root, Leptos's handlers see their own elements: the search box filters and radios answer", async () => {
  const { page, problems, context } = await visit("blog-aggressive.html");
  const browse = page.locator("[data-podpath]");
  await browse.locator(".pp-card").first().waitFor();
  const before = await browse.getByTestId("show-card").count();
  await browse.locator("input[type=search]").fill("skeptic");
  await page.waitForFunction(() => document.querySelector("[data-podpath]").shadowRoot.querySelectorAll("[data-testid=show-card]").length === 1);
  assert.ok(before > 1);
  const quiz = page.locator("podpath-finder");
  await quiz.locator("label[for$=-bg-work]").click();
  assert.equal(await quiz.locator("input[name=bg]:checked").getAttribute("value"), "work");
  await quiz.getByTestId("quiz-next").click();
  assert.equal(await quiz.getByTestId("quiz-progress").textContent(), "Question 2 of 8");
  assert.deepEqual(await cspViolations(page), [], "no CSP violation");
  await context.close();
});

test("the hosted page itself runs under the strict CSP with no violation", async () => {
  const { page, problems, context } = await open(browser, widget.origin);
  await context.addInitScript(() => {
    window.__csp = [];
    // An inline style from a script the test evaluates itself (axe's colour checks add a
    // style element) has no source file; podpath's would name its file.
    document.addEventListener("securitypolicyviolation", (e) => {
      if (e.sourceFile || e.blockedURI !== "inline") window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  await page.goto(widget.url + "?topic=mlops");
  await page.getByTestId("topic-graph").waitFor();
  await page.getByTestId("second-ring").click();
  await page.getByTestId("tab-browse").click();
  await page.getByTestId("show-card").first().waitFor();
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
  assert.deepEqual(problems.foreign, []);
});
