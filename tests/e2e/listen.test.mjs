import { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test, useServerAndBrowser, open, ready, readJson } from "./support.mjs";

const env = useServerAndBrowser(before, after);
const APPS = ["apple", "spotify", "youtube", "pocketcasts", "overcast"];
const APP_NAMES = { apple: "Apple Podcasts", spotify: "Spotify", youtube: "YouTube", pocketcasts: "Pocket Casts", overcast: "Overcast" };

/// What the catalog says each app link must be: direct where a source gave the link or an
/// Apple id / feed lets the app find the show, a search otherwise; Overcast, which has no web
/// search, says it has no link when there is no Apple id.
function expectedKinds(show) {
  const hasAppleId = /\/id\d+/.test(show.links.apple ?? "");
  return {
    apple: show.links.apple ? "direct" : "search",
    spotify: show.links.spotify ? "direct" : "search",
    youtube: show.links.youtube ? "direct" : "search",
    pocketcasts: hasAppleId || show.links.rss ? "direct" : "search",
    overcast: hasAppleId ? "direct" : "unavailable",
  };
}

/// Every listen-link list inside `scope`, as data.
const readLinks = (scope) =>
  scope.evaluateAll((lists) =>
    lists.map((ul) =>
      [...ul.querySelectorAll("li")].map((li) => {
        const a = li.querySelector("a");
        return {
          app: li.dataset.app,
          kind: li.dataset.kind,
          text: (a ?? li).textContent.replace(/\(opens in a new tab\)/, "").trim(),
          href: a?.getAttribute("href") ?? null,
          rel: a?.getAttribute("rel") ?? null,
        };
      }),
    ),
  );

function checkLinks(show, links) {
  const kinds = expectedKinds(show);
  for (const app of APPS) {
    const link = links.find((l) => l.app === app);
    assert.ok(link, `${show.id}: no ${app} link`);
    assert.equal(link.kind, kinds[app], `${show.id}: ${app} should be ${kinds[app]}`);
    if (link.kind === "unavailable") {
      assert.equal(link.href, null);
      assert.equal(link.text, `${APP_NAMES[app]}: no link known`);
      continue;
    }
    assert.match(link.href, /^https:\/\//, `${show.id}: ${app} is https`);
    assert.equal(link.rel, "noopener noreferrer");
    if (link.kind === "search") {
      assert.equal(link.text, `Search ${APP_NAMES[app]}`, `${show.id}: a search says so`);
    } else {
      assert.equal(link.text, APP_NAMES[app], `${show.id}: a direct link names the app`);
    }
  }
  for (const app of ["apple", "spotify", "youtube"]) {
    if (show.links[app]) assert.equal(links.find((l) => l.app === app).href, show.links[app]);
  }
  const feed = links.find((l) => l.app === "rss");
  if (show.links.rss) {
    assert.equal(feed.href, show.links.rss, `${show.id}: the feed is linked`);
  } else {
    assert.equal(feed.href, null);
    assert.equal(feed.text, "Feed not known", `${show.id}: an unknown feed is not called missing`);
  }
}

test("every show card offers Apple Podcasts, Spotify, YouTube, Pocket Casts and Overcast, direct or labelled as a search", async () => {
  const catalog = await readJson("data/catalog.json");
  const { page, problems, context } = await open(env.browser, env.server.origin);
  await page.goto(env.server.url);
  await ready(page);
  const cards = page.getByTestId("show-card");
  await page.waitForFunction((n) => document.querySelectorAll("[data-testid=show-card]").length === n, catalog.shows.length);
  const ids = await cards.evaluateAll((els) => els.map((e) => e.dataset.show));
  const lists = await readLinks(page.locator("[data-testid=show-card] [data-testid=listen-links]"));
  assert.equal(lists.length, catalog.shows.length);
  ids.forEach((id, i) => checkLinks(catalog.shows.find((s) => s.id === id), lists[i]));
  assert.equal(await page.getByText(/no public (RSS )?feed/i).count(), 0);
  assert.match(await page.getByTestId("facet-platform").textContent(), /Counts direct links only/);
  await context.close();
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
});

test("the first card is a live show whose facts are known, and no show of unknown status leads", async () => {
  const catalog = await readJson("data/catalog.json");
  const { page, problems, context } = await open(env.browser, env.server.origin);
  await page.goto(env.server.url);
  await ready(page);
  await page.waitForFunction((n) => document.querySelectorAll("[data-testid=show-card]").length === n, catalog.shows.length);
  const ids = await page.getByTestId("show-card").evaluateAll((els) => els.map((e) => e.dataset.show));
  const shows = ids.map((id) => catalog.shows.find((s) => s.id === id));
  assert.ok(["active", "revived"].includes(shows[0].status), shows[0].id);
  assert.ok(shows[0].length && shows[0].last_episode, shows[0].id);
  const firstUnknown = shows.findIndex((s) => s.status === "unknown");
  if (firstUnknown >= 0) {
    assert.ok(shows.slice(firstUnknown).every((s) => s.status === "unknown"), "unknown status comes last");
  }
  await context.close();
  assert.deepEqual(problems.console, []);
});

test("the OPML of all shows lists every show whose feed is known, and names the others as not known", async () => {
  const catalog = await readJson("data/catalog.json");
  const { page, problems, context } = await open(env.browser, env.server.origin, { acceptDownloads: true });
  await page.goto(env.server.url);
  await ready(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-opml").click()]);
  const opml = await readFile(await download.path(), "utf8");
  const feeds = [...opml.matchAll(/xmlUrl="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&")).sort();
  const known = catalog.shows.filter((s) => s.links.rss).map((s) => s.links.rss).sort();
  assert.deepEqual(feeds, known);
  const status = await page.getByTestId("action-status").textContent();
  for (const show of catalog.shows.filter((s) => !s.links.rss)) assert.ok(status.includes(show.title), show.id);
  if (known.length < catalog.shows.length) assert.match(status, /feed not known to podpath/);
  await context.close();
  assert.deepEqual(problems.console, []);
});

for (const [who, query] of [
  ["a beginner switching careers with short episodes and one hour a week", "bg=none&math=low&code=low&goal=switch&len=short&week=1&fmt=explainers&qt=machine-learning"],
  ["a team lead with medium episodes", "bg=work&math=some&code=low&goal=lead&len=medium&week=2&fmt=interviews&qt=data-science"],
  ["a researcher with no time limit", "bg=research&math=high&code=high&goal=research&len=any&week=8&fmt=any&qt=llms"],
]) {
  test(`quiz results for ${who}: the first start episode belongs to the top pick, and every pick offers the five apps`, async () => {
    const catalog = await readJson("data/catalog.json");
    const { page, problems, context } = await open(env.browser, env.server.origin);
    await page.goto(`${env.server.url}?view=quiz&results=1&${query}`);
    await ready(page);
    await page.getByTestId("quiz-results").waitFor();
    const picks = await page.getByTestId("pick").evaluateAll((els) => els.map((e) => e.dataset.show));
    assert.equal(picks.length, 5);
    const lists = await readLinks(page.locator("[data-testid=pick] [data-testid=listen-links]"));
    picks.forEach((id, i) => checkLinks(catalog.shows.find((s) => s.id === id), lists[i]));
    const episodes = await page.getByTestId("start-episode").evaluateAll((els) => els.map((e) => e.dataset.show));
    assert.ok(episodes.length >= 3, `${episodes.length} start episodes`);
    assert.equal(episodes[0], picks[0], "the first start episode is the top pick's");
    assert.ok(episodes.every((id) => picks.includes(id)), `start episodes come from the picks: ${episodes}`);
    await context.close();
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
  });
}
