import { before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { test, serve, launch, open, ready, readJson, recordSnapshots, snapshots, settled, watchLayoutShifts, layoutShift } from "./support.mjs";

let server, browser, session;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  if (!session) return;
  const { problems, context } = session;
  session = undefined;
  await context.close();
  assert.deepEqual(problems.console, [], "no console errors");
  assert.deepEqual(problems.foreign, [], "no request leaves the page's origin");
});

async function visit(query = "") {
  session = await open(browser, server.origin);
  await session.page.goto(server.url + query);
  await ready(session.page);
  return session.page;
}

const count = async (page) => Number((await page.getByTestId("result-count").textContent()).split(" ")[0]);

test("the release build served from a sub-path renders every catalog show", async () => {
  const catalog = await readJson("data/catalog.json");
  const page = await visit();
  await page.getByTestId("show-card").first().waitFor();
  assert.equal(await page.getByTestId("show-card").count(), catalog.shows.length);
  assert.equal(await count(page), catalog.shows.length);
  const asOf = await page.getByTestId("data-as-of").textContent();
  assert.match(asOf, /Data as of .*\d{4}/);
  assert.equal(await page.locator("#podpath .pp-skeleton").count(), 0, "skeleton replaced");
});

test("filtering by two facets narrows the list and updates the other facets' counts", async () => {
  const page = await visit();
  const total = await count(page);
  const formatCount = async (key) =>
    Number(await page.getByTestId("facet-format").locator(`[data-key="${key}"] + label .pp-count`).textContent());
  const interviewsBefore = await formatCount("interview");
  await page.getByLabel(/^Beginner/).check();
  const afterLevel = await count(page);
  assert.ok(afterLevel < total, `${afterLevel} < ${total}`);
  const interviewsAfter = await formatCount("interview");
  assert.ok(interviewsAfter < interviewsBefore, "format counts follow the level filter");
  await page.getByLabel(/^Interviews/).check();
  assert.equal(await count(page), interviewsAfter, "the count shown on a value is what ticking it leaves");
  // The address bar follows after typing or ticking pauses.
  await page.waitForURL(/level=beginner.*format=interview|format=interview.*level=beginner/);
});

test("search tolerates a typo and highlights the match as text", async () => {
  const page = await visit();
  const total = await count(page);
  await page.getByRole("searchbox").fill("skeptik");
  await page.waitForFunction((n) => Number(document.querySelector("[data-testid=result-count]").textContent.split(" ")[0]) < n, total);
  const found = await page.getByTestId("show-card").evaluateAll((els) => els.map((e) => e.dataset.show));
  assert.equal(found[0], "data-skeptic", `the misspelt show comes first: ${found.join()}`);
  assert.equal(await count(page), found.length);
  const marked = await page.locator('[data-show="data-skeptic"] h3 mark').textContent();
  assert.equal(marked, "Skeptic");
});

test("a shared URL restores the same view, and back/forward move between views", async () => {
  const page = await visit("?level=advanced&active=1&sort=az");
  assert.equal(await page.getByLabel(/^Advanced/).isChecked(), true);
  assert.equal(await page.getByLabel(/^Still publishing/).isChecked(), true);
  const titles = await page.locator('[data-testid="show-card"] h3').allTextContents();
  assert.deepEqual(titles, [...titles].sort((a, b) => a.replace(/^The /, "").localeCompare(b.replace(/^The /, ""))));
  await page.getByTestId("tab-topics").click();
  await page.getByTestId("topic-index").waitFor();
  assert.match(page.url(), /view=topics/);
  await page.goBack();
  await page.getByTestId("show-card").first().waitFor();
  assert.equal(await page.getByLabel(/^Advanced/).isChecked(), true);
  await page.goForward();
  await page.getByTestId("topic-index").waitFor();
});

test("Copy link copies what the reader found and their language, not an embedder's look", async () => {
  const page = await visit("?level=beginner&q=python&lang=de&theme=dark&compact=1&accent=%23aa3300");
  await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  await page.getByTestId("copy-link").click();
  await page.getByText("Link kopiert.").waitFor();
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(copied.origin + copied.pathname, server.url.replace(/\?.*$/, ""), "a link to podpath's page");
  assert.equal(copied.searchParams.get("level"), "beginner");
  assert.equal(copied.searchParams.get("q"), "python");
  assert.equal(copied.searchParams.get("lang"), "de");
  for (const key of ["theme", "compact", "accent", "origin", "frame"]) {
    assert.equal(copied.searchParams.get(key), null, `${key} stays with the sender`);
  }
});

test("a bad value of a podpath parameter earns one notice line per parameter; the rest still applies", async () => {
  const page = await visit("?level=beginner,wizard&level=wizard&bogus=1&sort=%FF&utm_source=x");
  await page.getByTestId("notice").waitFor();
  const group = page.locator("[data-testid=notice] [data-kind=link]");
  assert.match(await group.locator(".pp-notice__heading").textContent(), /settings in this link could not be used/);
  const lines = await group.locator("li").allTextContents();
  assert.equal(lines.length, 2, lines.join(" | "));
  assert.match(lines[0], /^level: /);
  assert.match(lines[1], /^sort: /);
  assert.doesNotMatch(await page.getByTestId("notice").textContent(), /bogus|utm_source/);
  assert.equal(await page.getByLabel(/^Beginner/).isChecked(), true);
});

test("a link's bad value is quoted without control characters or direction marks, so it cannot reorder or break the notice", async () => {
  // U+202E (right-to-left override) would show the rest of the line backwards; U+2066 opens an
  // isolate; a newline and U+200F (right-to-left mark) are invisible steering too.
  const page = await visit("?level=wiz%E2%80%AEard%0A&sort=%E2%81%A6new%E2%80%8F");
  await page.getByTestId("notice").waitFor();
  const lines = await page.locator("[data-testid=notice] [data-kind=link] li").allTextContents();
  assert.equal(lines.length, 2, lines.join(" | "));
  for (const line of lines) {
    assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u, JSON.stringify(line));
  }
  assert.match(lines[0], /^level: .*wizard/);
  assert.match(lines[1], /^sort: .*new/);
});

test("links from the real web carry tracking and junk parameters: no notice, nothing pushed down", async () => {
  const junk = Array.from({ length: 2000 }, (_, i) => `x${i}=1`).join("&");
  for (const query of ["?utm_source=newsletter&utm_medium=email&fbclid=IwAR2abc&level=beginner", `?${junk}&level=beginner`]) {
    const page = await visit(query);
    await page.getByTestId("show-card").first().waitFor();
    assert.equal(await page.getByTestId("notice").count(), 0, query.slice(0, 40));
    assert.equal(await page.getByLabel(/^Beginner/).isChecked(), true);
  }
});

test("an empty result offers to drop the most restrictive filter", async () => {
  const page = await visit("?q=zzzzzz&level=beginner");
  await page.getByTestId("empty").waitFor();
  assert.match(await page.getByTestId("relax").textContent(), /^Remove the search text \(\d+ shows\)$/);
  await page.getByTestId("relax").click();
  assert.ok((await count(page)) > 0);
});

test("the offer names the facet value it would remove", async () => {
  const page = await visit("?level=beginner&format=news&length=epic&active=1");
  await page.getByTestId("empty").waitFor();
  const label = await page.getByTestId("relax").textContent();
  assert.match(label, /^Remove “(Beginner|News|Over 90 min|Still publishing)[^”]*” \(\d+ shows?\)$/);
});

test("the packed wasm, its decoder and its glue are fetched once each, after the first screen has painted", async () => {
  session = await open(browser, server.origin);
  const fetched = [];
  session.page.on("request", (r) => fetched.push(new URL(r.url()).pathname.split("/").pop()));
  await session.page.goto(server.url);
  await ready(session.page);
  // The release build ships the wasm only xz-compressed (scripts/pack-wasm.mjs).
  assert.deepEqual(fetched.filter((f) => f.startsWith("podpath_bg")), ["podpath_bg.wasm.xz"], fetched.join(" "));
  for (const file of ["unpack.js", "podpath.js"]) {
    assert.equal(fetched.filter((f) => f === file).length, 1, `${file} in ${fetched.join(" ")}`);
  }
  // They do not compete with the HTML and the stylesheet for the first paint (loader.js).
  const [paint, ...starts] = await session.page.evaluate(() => [
    performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    ...["/podpath.js", "/unpack.js", "/podpath_bg.wasm.xz"].map(
      (file) => performance.getEntriesByType("resource").find((e) => e.name.endsWith(file))?.startTime,
    ),
  ]);
  for (const start of starts) {
    assert.ok(paint > 0 && start >= paint, `requested at ${starts.join(", ")} ms, after the first paint at ${paint} ms`);
  }
});

test("every external link is https and opens without opener or referrer", async () => {
  const page = await visit();
  const links = await page.locator("a[href^='http']").evaluateAll((as) => as.map((a) => [a.href, a.rel, a.target]));
  assert.ok(links.length > 50);
  for (const [href, rel, target] of links) {
    assert.ok(href.startsWith("https://"), href);
    assert.equal(rel, "noopener noreferrer", href);
    assert.equal(target, "_blank", href);
  }
});

test("start-up renders in short tasks from the top down: bar, filters, cards in batches, footer last", async () => {
  const catalog = await readJson("data/catalog.json");
  session = await open(browser, server.origin);
  await recordSnapshots(session.context, {
    bar: ".pp-search",
    filters: ".pp-filters__groups",
    cards: { count: "[data-testid=show-card]" },
    busy: ".pp-list[aria-busy=true]",
    footer: ".pp-footer",
  });
  const page = session.page;
  // A URL with a parameter starts from the loading view, not the pre-rendered first screen.
  await page.goto(server.url + "?list=shows");
  await ready(page);
  const snaps = await snapshots(page);
  const total = catalog.shows.length;
  assert.ok(snaps.some((s) => s.bar && !s.filters), "the search bar paints before the filters");
  assert.ok(snaps.some((s) => s.busy && s.cards > 0 && s.cards < total), "cards arrive in batches while the list is busy");
  snaps.slice(1).forEach((s, i) => assert.ok(s.cards >= snaps[i].cards, "cards are only ever added"));
  const firstFooter = snaps.find((s) => s.footer);
  assert.deepEqual([firstFooter.cards, firstFooter.busy], [total, false], "the footer comes after every card");
  assert.equal(await page.getByTestId("show-card").count(), total);
});

test("on a phone the filters start closed below the search bar, so the first screen shows results", async () => {
  session = await open(browser, server.origin, { viewport: { width: 360, height: 740 } });
  await recordSnapshots(session.context, {
    groups: ".pp-filters__groups",
    cards: { count: "[data-testid=show-card]" },
    footer: ".pp-footer",
  });
  const page = session.page;
  await page.goto(server.url + "?level=beginner&format=interview");
  await ready(page);
  // Start-up order on a phone: results first, then the closed panel's groups, then the footer.
  const snaps = await snapshots(page);
  const cards = await page.getByTestId("show-card").count();
  const firstGroups = snaps.find((s) => s.groups);
  assert.deepEqual([firstGroups.cards, firstGroups.footer], [cards, false], "the groups come after every card, before the footer");
  assert.ok(snaps.find((s) => s.footer).groups, "the footer comes last");
  const filters = page.locator("details.pp-filters");
  assert.equal(await filters.evaluate((d) => d.open), false, "closed on a phone");
  assert.equal((await filters.locator("summary").textContent()).trim(), "Filters (2 selected)");
  const firstCard = await page.getByTestId("show-card").first().boundingBox();
  assert.ok(firstCard.y < 740, `the first result starts ${firstCard.y}px down, below the first screen`);
  await filters.locator("summary").click();
  const beginner = filters.getByRole("checkbox", { name: /Beginner/ });
  await beginner.uncheck();
  await page.waitForFunction(() => document.querySelector("details.pp-filters summary").textContent.trim() === "Filters (1 selected)");
  await page.waitForURL((url) => !url.searchParams.has("level") && url.searchParams.has("format"));

  const wide = await open(browser, server.origin, { viewport: { width: 1280, height: 800 } });
  await wide.page.goto(server.url);
  await ready(wide.page);
  assert.equal(await wide.page.locator("details.pp-filters").evaluate((d) => d.open), true, "open beside the results");
  await wide.context.close();
  assert.deepEqual(wide.problems.console, []);
});

test("the app takes the loading view's place without moving anything on a phone or a wide screen", async () => {
  for (const width of [360, 1440]) {
    session = await open(browser, server.origin, { viewport: { width, height: 900 } });
    await watchLayoutShifts(session.context);
    await session.page.goto(server.url);
    await ready(session.page);
    await session.page.getByTestId("show-card").first().waitFor();
    await settled(session.page);
    const cls = await layoutShift(session.page);
    assert.ok(cls < 0.001, `cumulative layout shift ${cls} at ${width} px`);
    const { problems, context } = session;
    session = undefined;
    await context.close();
    assert.deepEqual(problems.console, [], "no console errors");
  }
});
