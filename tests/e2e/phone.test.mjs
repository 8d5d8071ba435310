// The main flows on a phone (390 x 844) and a desktop (issue #27): a view the reader opens
// shows its heading with the focus on it, in the page, in an iframe and in a script embed;
// one honest status wording for live shows.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test, serve, serveTwoSites, launch, open, ready, readJson, scopeReady, ROOT } from "./support.mjs";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let server, sites, browser;
before(async () => {
  server = await serve();
  sites = await serveTwoSites({ dir: join(ROOT, "examples"), rewrite: (html, w) => html.replaceAll("http://127.0.0.1:8080/", w.url) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await sites?.close();
});

/// Where the element focused inside `scope` (a page, or the document of a frame) sits on the
/// screen of the top page, and what it is: `{ id, text, top, bottom, height }`.
async function focused(page, frameSelector) {
  const inner = await (frameSelector ? (await page.locator(frameSelector).elementHandle()).contentFrame() : page.mainFrame());
  const box = await inner.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const r = el?.getBoundingClientRect();
    return el && { id: el.id, text: el.textContent.trim(), top: r.top, bottom: r.bottom };
  });
  const offset = frameSelector ? await page.locator(frameSelector).evaluate((f) => f.getBoundingClientRect().top) : 0;
  const height = await page.evaluate(() => innerHeight);
  return box && { ...box, top: box.top + offset, bottom: box.bottom + offset, height };
}

const inSight = (box) => box && box.top >= -1 && box.bottom <= box.height + 1;

/// Skips to the last question, scrolls the reader's screen to the bottom, and finishes the quiz.
async function finishFromTheBottom(page, scope) {
  for (let step = 1; step < 8; step++) {
    await scope.getByTestId("quiz-progress").filter({ hasText: new RegExp(`^\\D*${step}\\D+8\\D*$`) }).waitFor();
    await scope.getByTestId("quiz-skip").press("Enter");
  }
  await scope.getByTestId("quiz-progress").filter({ hasText: /^\D*8\D+8\D*$/ }).waitFor();
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await scope.getByTestId("quiz-next").press("Enter");
  await scope.getByTestId("quiz-results").waitFor();
}

for (const [name, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`${name}: the quiz finished from the bottom of the page shows "Your level" with the focus on it`, async () => {
    const { page } = await open(browser, server.origin, { viewport });
    await page.goto(server.url + "?view=quiz");
    await ready(page);
    await finishFromTheBottom(page, page);
    await page.waitForFunction(() => document.activeElement?.id === "pp-verdict");
    const box = await focused(page);
    assert.match(box.text, /^Your level/);
    assert.ok(inSight(box), `"Your level" at ${box.top}-${box.bottom} px of ${box.height}`);
  });
}

test(`phone: in an iframe on a blog, the quiz's results bring "Your level" into the host page's sight`, async () => {
  const { page } = await open(browser, sites.hostOrigin, { viewport: PHONE });
  await page.goto(`${sites.hostOrigin}/blog/blog-iframe.html`);
  await page.locator("#quiz-frame").scrollIntoViewIfNeeded();
  const quiz = page.frameLocator("#quiz-frame");
  await scopeReady(page, quiz);
  await finishFromTheBottom(page, quiz);
  const frame = await (await page.locator("#quiz-frame").elementHandle()).contentFrame();
  await frame.waitForFunction(() => document.activeElement?.id === "pp-verdict");
  // The host scrolls when the frame asks (embed.js): wait for the heading to come into sight.
  let box;
  for (let i = 0; i < 50 && !inSight((box = await focused(page, "#quiz-frame"))); i++) await page.waitForTimeout(20);
  assert.match(box.text, /^Your level/);
  assert.ok(inSight(box), `"Your level" at ${box.top}-${box.bottom} px of ${box.height}`);
});

test(`phone: in a script embed, the quiz's results bring "Your level" into the host page's sight with the focus`, async () => {
  const { page } = await open(browser, sites.hostOrigin, { viewport: PHONE });
  await page.goto(`${sites.hostOrigin}/blog/blog-script.html`);
  const quiz = page.locator("[data-podpath]");
  await scopeReady(page, quiz);
  await quiz.locator(".pp-quiz").scrollIntoViewIfNeeded();
  await finishFromTheBottom(page, quiz);
  await page.waitForFunction(() => document.querySelector("[data-podpath]").shadowRoot.activeElement?.id?.endsWith("-verdict"));
  const box = await focused(page);
  assert.match(box.text, /^Your level/);
  assert.ok(inSight(box), `"Your level" at ${box.top}-${box.bottom} px of ${box.height}`);
  assert.equal(new URL(page.url()).search, "", "the host page's URL is untouched");
});

test("phone: a tab, a topic and Browse with these filters each show their view's heading with the focus", async () => {
  const { page } = await open(browser, server.origin, { viewport: PHONE });
  await page.goto(server.url + "?view=quiz&results=1&bg=work&math=some&code=some&goal=production&len=medium&week=2&fmt=any&qt=mlops");
  await ready(page);
  await page.getByTestId("to-browse").scrollIntoViewIfNeeded();
  await page.getByTestId("to-browse").click();
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "result-count");
  assert.ok(inSight(await focused(page)), "the results' count line is in sight");
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.getByTestId("tab-topics").click();
  await page.waitForFunction(() => document.activeElement?.textContent === "All topics" || document.activeElement?.closest?.("[data-testid=topic-index]"));
  let box = await focused(page);
  assert.ok(inSight(box), `the topic index heading "${box.text}" at ${box.top}`);
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await page.getByTestId("topic-index").getByRole("link", { name: "MLOps", exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.tagName === "H2" && document.activeElement.textContent === "MLOps");
  box = await focused(page);
  assert.ok(inSight(box), `"MLOps" at ${box.top}`);
  // Back restores the view and takes no focus.
  await page.evaluate(() => document.activeElement.blur());
  await page.goBack();
  await page.getByTestId("topic-index").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "Back takes no focus");
});

test("a live show silent for over six months reads 'Newest episode we know of' on its card, and Still publishing leaves it out", async () => {
  const { shows } = await readJson("data/catalog.json");
  const month = (d) => Number(d.slice(0, 4)) * 12 + (d.length >= 7 ? Number(d.slice(5, 7)) : 12);
  const live = shows.filter((s) => ["active", "revived"].includes(s.status));
  const quiet = live.filter((s) => s.last_episode && month(s.checked) - month(s.last_episode) > 6);
  assert.ok(quiet.length >= 1, "the catalog has a quiet live show, so this test checks something");
  const { page } = await open(browser, server.origin, { viewport: PHONE });
  await page.goto(server.url);
  await ready(page);
  for (const show of quiet) {
    const status = await page.locator(`[data-show="${show.id}"] [data-testid=status]`).textContent();
    assert.match(status, /^Newest episode we know of: /, `${show.id}: ${status}`);
    assert.doesNotMatch(status, /Active/);
  }
  const loud = live.find((s) => !quiet.includes(s) && s.last_episode?.length === 10);
  assert.match(await page.locator(`[data-show="${loud.id}"] [data-testid=status]`).textContent(), /^(Active|Back on air)/);
  await page.goto(server.url + "?active=1");
  await ready(page);
  const listed = await page.getByTestId("show-card").evaluateAll((els) => els.map((e) => e.dataset.show));
  assert.deepEqual(listed.sort(), live.filter((s) => !quiet.includes(s)).map((s) => s.id).sort());
  const label = await page.locator("label", { hasText: "Still publishing" }).first().textContent();
  assert.match(label, /within 6 months of our check/);
});

test("phone: every Find card is at most half the screen tall, and its details are one tap away", async () => {
  const { page } = await open(browser, server.origin, { viewport: PHONE });
  await page.goto(server.url);
  await ready(page);
  const heights = await page.getByTestId("show-card").evaluateAll((els) => els.map((e) => [e.dataset.show, e.getBoundingClientRect().height]));
  const sorted = heights.map(([, h]) => h).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`measurement: at 390 px, median card ${median.toFixed(0)} px, tallest ${sorted.at(-1).toFixed(0)} px, Find ${pageHeight} px tall`);
  assert.deepEqual(heights.filter(([, h]) => h > PHONE.height / 2), [], "cards taller than half the screen");
  // One tap opens the rest: hosts, topics, where to start, every way to listen.
  const card = page.getByTestId("show-card").first();
  assert.equal(await card.locator(".pp-chip").first().isVisible(), false);
  await card.getByTestId("card-more").click();
  assert.ok(await card.locator(".pp-chip").first().isVisible());
  assert.ok(await card.locator(".pp-card__start").isVisible());
});

test("phone: the open filter panel's 'Show N shows' closes it and brings the results into sight", async () => {
  const { page } = await open(browser, server.origin, { viewport: PHONE });
  await page.goto(server.url);
  await ready(page);
  const panel = page.locator("details.pp-filters");
  await panel.locator("summary").click();
  await panel.getByRole("checkbox", { name: /^Beginner/ }).check();
  const count = (await page.getByTestId("result-count").textContent()).trim();
  const button = page.getByTestId("filters-show");
  await button.scrollIntoViewIfNeeded();
  assert.equal((await button.textContent()).trim(), `Show ${count}`);
  await button.click();
  assert.equal(await panel.evaluate((d) => d.open), false, "the panel closed");
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "result-count");
  assert.ok(inSight(await focused(page)), "the results are in sight");
  // Beside the results (a wide screen) the button is not needed.
  await page.setViewportSize(DESKTOP);
  assert.equal(await button.isVisible(), false);
});

for (const [name, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`${name}: one Listen action; the app chosen once opens from every card and pick, after a reload too`, async () => {
    const { shows } = await readJson("data/catalog.json");
    const { page } = await open(browser, server.origin, { viewport });
    await page.goto(server.url);
    await ready(page);
    const card = page.locator('[data-show="data-skeptic"]');
    // No app chosen: "Listen" opens the list of ways to listen, with a word on what it does.
    assert.equal(await card.locator(".pp-listen__go").count(), 0);
    await card.getByTestId("listen-more").click();
    assert.match(await card.locator(".pp-listen__hint").textContent(), /remembers it/);
    // Following a link out would leave the test's servers: the click counts, the tab stays shut.
    await page.evaluate(() => addEventListener("click", (e) => e.target.closest?.("a[target=_blank]") && e.preventDefault(), true));
    await card.locator('[data-app="spotify"] a').click();
    // Every card now has one primary action for that app.
    const skeptic = shows.find((s) => s.id === "data-skeptic");
    await card.locator(".pp-listen__go").waitFor();
    assert.equal((await card.locator(".pp-listen__go").textContent()).replace(/ \(opens in a new tab\)/, "").trim(), "Listen on Spotify");
    assert.equal(await card.locator(".pp-listen__go").getAttribute("href"), skeptic.links.spotify);
    const primaries = await page.locator(".pp-listen__go").count();
    assert.equal(primaries, await page.getByTestId("show-card").count(), "every card has the one action");
    // Remembered on the device.
    await page.goto(server.url + "?view=quiz&results=1&bg=courses&math=some&code=some&goal=fundamentals&len=any&week=2&fmt=any");
    await ready(page);
    assert.equal(await page.getByTestId("pick").locator(".pp-listen__go").count(), 5);
    assert.match(await page.getByTestId("pick").first().locator(".pp-listen__go").textContent(), /Spotify/);
  });
}

test("phone: a topic page lists its shows before the map, as links that open the show in Find", async () => {
  const { page } = await open(browser, server.origin, { viewport: PHONE });
  await page.goto(server.url + "?topic=mlops");
  await ready(page);
  const shows = page.getByTestId("topic-shows");
  const graph = page.getByTestId("topic-graph");
  const [showsTop, graphTop] = [(await shows.boundingBox()).y, (await graph.boundingBox()).y];
  assert.ok(showsTop < graphTop, `the shows (${showsTop}) come before the map (${graphTop})`);
  assert.match(await page.getByTestId("graph-legend").textContent(), /Each line joins two related topics/);
  const first = shows.locator("li").first();
  const id = await first.getAttribute("data-show");
  await first.locator("a").click();
  await page.locator(`[data-testid=show-card][data-show="${id}"]`).waitFor();
  await page.waitForURL(/q=/);
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "result-count");
});

/// The label boxes of the map's nodes that overlap another, and those outside the canvas.
async function labelClashes(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector(".pp-graph__canvas").getBoundingClientRect();
    const boxes = [...document.querySelectorAll(".pp-node")].map((n) => [n.textContent.trim(), n.getBoundingClientRect()]);
    const out = [];
    for (let i = 0; i < boxes.length; i++) {
      const [a, ra] = boxes[i];
      if (ra.left < canvas.left - 0.5 || ra.right > canvas.right + 0.5 || ra.top < canvas.top - 0.5 || ra.bottom > canvas.bottom + 0.5) out.push(`${a} outside`);
      for (let j = i + 1; j < boxes.length; j++) {
        const [b, rb] = boxes[j];
        const overlap = ra.left < rb.right - 0.5 && rb.left < ra.right - 0.5 && ra.top < rb.bottom - 0.5 && rb.top < ra.bottom - 0.5;
        if (overlap) out.push(`${a} / ${b}`);
      }
    }
    return { out, nodes: boxes.length };
  });
}

for (const [name, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`${name}: no two map labels overlap, with or without the second ring, on the busiest topics`, async () => {
    const { page } = await open(browser, server.origin, { viewport });
    for (const topic of ["mlops", "machine-learning", "llms", "data-engineering"]) {
      await page.goto(server.url + `?topic=${topic}`);
      await ready(page);
      await page.getByTestId("topic-graph").waitFor();
      const one = await labelClashes(page);
      assert.ok(one.nodes > 3, `${topic}: ${one.nodes} nodes`);
      assert.deepEqual(one.out, [], `${topic}: overlapping labels`);
      await page.getByTestId("second-ring").click();
      await page.locator(".pp-node--far").first().waitFor();
      const two = await labelClashes(page);
      assert.ok(two.nodes > one.nodes, `${topic}: the second ring adds nodes`);
      assert.deepEqual(two.out, [], `${topic} with its second ring: overlapping labels`);
    }
  });
}

test("desktop: the Embed panel opens from the header, its settings change the snippets and the preview, and a copy names what it copied", async () => {
  const { page, context } = await open(browser, server.origin, { viewport: DESKTOP });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  await page.goto(server.url);
  await ready(page);
  await page.getByTestId("embed-open").click();
  await page.getByTestId("embed-panel").waitFor();
  await page.waitForFunction(() => document.activeElement?.hasAttribute("data-pp-embed-heading"));
  assert.ok(inSight(await focused(page)), "the panel's heading is in sight");
  await page.getByTestId("embed-view").selectOption("quiz");
  await page.getByTestId("embed-compact").check();
  await page.getByTestId("embed-header").uncheck();
  await page.getByTestId("embed-theme").selectOption("dark");
  await page.getByTestId("embed-lang").selectOption("de");
  const iframe = await page.getByTestId("embed-iframe").inputValue();
  for (const part of ["view=quiz", "compact=1", "header=0", "theme=dark", "lang=de"]) assert.ok(iframe.includes(part), `${part} in ${iframe}`);
  const script = await page.getByTestId("embed-script").inputValue();
  assert.match(script, /<podpath-finder view="quiz" theme="dark" compact="1" header="0" lang="de"><a href="[^"]+">[^<]+<\/a><\/podpath-finder>/);
  assert.match(await page.getByTestId("embed-host-notes").textContent(), /Access-Control-Allow-Origin/);
  // The preview shows that widget.
  const preview = page.frameLocator("[data-testid=embed-preview]");
  await preview.locator(".podpath[data-theme=dark].podpath--compact").waitFor();
  assert.equal(await preview.getByTestId("quiz-progress").textContent(), "Frage 1 von 8");
  await page.getByTestId("copy-script").click();
  await page.getByTestId("embed-status").filter({ hasText: "Copied: Script and element." }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), script);
});

/// A blog post holding the README's element snippet, written to a fresh folder (served from
/// loopback like the other blog pages: Chromium refuses a page from elsewhere any request to
/// loopback, which would hide what is tested here).
async function postWithSnippet(widgetUrl) {
  const { mkdtemp, readFile, writeFile } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const readme = await readFile(join(ROOT, "README.md"), "utf8");
  const snippet = readme.match(/<!-- snippet: element -->\n```html\n([\s\S]*?)```/)[1].replaceAll("https://you.example/podpath/", widgetUrl);
  const dir = await mkdtemp(join(tmpdir(), "podpath-post-"));
  await writeFile(join(dir, "post.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,"></head><body><main><h1>A post</h1>${snippet}</main></body></html>`);
  return dir;
}

test("a <podpath-finder> whose files cannot load (no CORS headers) shows its link to the hosted widget", async () => {
  // The widget's host without Access-Control-Allow-Origin: the browser refuses the module.
  const widget = await serve({ base: "/podpath/" });
  const host = await serve({ dir: await postWithSnippet(widget.url), base: "/blog/" });
  let session;
  try {
    const hostOrigin = host.origin.replace("127.0.0.1", "localhost");
    session = await open(browser, hostOrigin, { viewport: PHONE, allowConsole: [/blocked by CORS policy: No 'Access-Control-Allow-Origin'/, /Failed to load resource/] });
    const { page } = session;
    await page.goto(`${hostOrigin}/blog/post.html`);
    const link = page.locator("podpath-finder a");
    await link.waitFor();
    assert.ok(await link.isVisible(), "the fallback link shows");
    assert.equal(await link.getAttribute("href"), `${widget.url}?view=quiz`);
    assert.match(await link.textContent(), /podpath/);
  } finally {
    // The browser's open connections first, or the servers wait for them.
    await session?.context.close();
    await widget.close();
    await host.close();
  }
});

test("compact embeds stay within about two screens: Find and a topic list their first entries and 'Show all'", async () => {
  const { page } = await open(browser, server.origin, { viewport: PHONE });
  for (const query of ["?compact=1", "?topic=mlops&compact=1"]) {
    await page.goto(server.url + query);
    await ready(page);
    const showAll = page.getByTestId("show-all");
    await showAll.waitFor();
    const height = await page.locator(".podpath").evaluate((el) => el.getBoundingClientRect().height);
    console.log(`measurement: compact ${query} at 390 px: ${height.toFixed(0)} px`);
    assert.ok(height <= 2.5 * PHONE.height, `${query}: ${height} px`);
    await showAll.click();
    await showAll.waitFor({ state: "detached" });
    // The focus goes on to the first entry the button revealed, not to the page.
    await page.waitForFunction(() => document.activeElement?.closest("li:nth-child(4)") !== null);
    assert.ok((await page.locator(".podpath").evaluate((el) => el.getBoundingClientRect().height)) > height, "Show all lists the rest");
  }
});

async function axeViolations(page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  return axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + n.failureSummary).join(" | ")}`);
}

for (const [name, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`${name}: axe finds nothing with a card's details, its ways to listen and the Embed panel open, in both themes`, async () => {
    for (const colorScheme of ["light", "dark"]) {
      const { page } = await open(browser, server.origin, { viewport, colorScheme });
      await page.goto(server.url);
      await ready(page);
      const card = page.getByTestId("show-card").first();
      await card.getByTestId("card-more").click();
      await card.getByTestId("listen-more").click();
      await page.getByTestId("embed-open").click();
      await page.getByTestId("embed-panel").waitFor();
      await scopeReady(page, page.frameLocator("[data-testid=embed-preview]"));
      assert.deepEqual(await axeViolations(page), [], `${colorScheme}`);
    }
  });
}

test("the Embed panel starts from the view on screen when it opens, and typing on behind it changes nothing", async () => {
  const { page } = await open(browser, server.origin, { viewport: DESKTOP });
  await page.goto(server.url);
  await ready(page);
  await page.getByTestId("tab-quiz").click();
  await page.getByTestId("quiz").waitFor();
  await page.getByTestId("embed-open").click();
  await page.getByTestId("embed-panel").waitFor();
  assert.equal(await page.getByTestId("embed-view").inputValue(), "quiz");
  assert.match(await page.getByTestId("embed-iframe").inputValue(), /view=quiz/);
  const before = await page.getByTestId("embed-iframe").inputValue();
  await page.getByTestId("tab-browse").click();
  await page.getByRole("searchbox").fill("data");
  assert.equal(await page.getByTestId("embed-iframe").inputValue(), before, "the snippet keeps what the blogger chose");
});

test("a working <podpath-finder> hides its fallback link as soon as its loader runs", async () => {
  const post = await serveTwoSites({ dir: await postWithSnippet("http://127.0.0.1:8080/podpath/"), rewrite: (html, w) => html.replaceAll("http://127.0.0.1:8080/podpath/", w.url) });
  let session;
  try {
    session = await open(browser, post.hostOrigin, { viewport: PHONE });
    const { page } = session;
    // Every frame from the moment loader.js runs (it marks <html data-podpath-base>) until the
    // widget is in place: the link, there for pages where the files cannot load, is hidden as
    // soon as the small loader runs, not after the wasm.
    await page.addInitScript(() => {
      window.__linkSeen = false;
      const look = () => {
        const a = document.querySelector("podpath-finder > a");
        const loaded = document.documentElement.hasAttribute("data-podpath-base");
        if (loaded && a && a.getClientRects().length && a.checkVisibility?.()) window.__linkSeen = true;
        if (!document.querySelector("podpath-finder")?.shadowRoot?.querySelector(".pp-footer")) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(`${post.hostOrigin}/blog/post.html`);
    await scopeReady(page, page.locator("podpath-finder"));
    assert.equal(await page.evaluate(() => window.__linkSeen), false, "the fallback link flashed");
  } finally {
    await session?.context.close();
    await post.close();
  }
});
