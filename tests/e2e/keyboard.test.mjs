import { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test, useServerAndBrowser, open, ready, readJson } from "./support.mjs";

const env = useServerAndBrowser(before, after);

async function tabTo(page, predicate, arg, key = "Tab") {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error(`Tab never reached ${arg}`);
}
const isId = (id) => document.activeElement?.id === id;
const isTestId = (id) => document.activeElement?.dataset?.testid === id;

test("every Browse control works by keyboard alone, and the OPML export lists the shown results by their feeds", async () => {
  const { page, problems, context } = await open(env.browser, env.server.origin, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  await page.goto(env.server.url);
  await ready(page);
  await page.getByTestId("show-card").first().waitFor();
  const count = async () => Number((await page.getByTestId("result-count").textContent()).split(" ")[0]);
  const all = await count();

  await tabTo(page, isId, "pp-search");
  await page.keyboard.type("data");
  await page.waitForFunction((n) => Number(document.querySelector("[data-testid=result-count]").textContent.split(" ")[0]) < n, all);

  await tabTo(page, isTestId, "sort");
  await page.keyboard.press("ArrowDown"); // Most recent episode
  await page.waitForURL(/sort=recent/);

  await tabTo(page, isId, "pp-level-intermediate");
  await page.keyboard.press("Space");
  await page.waitForURL(/level=intermediate/);
  const narrowed = await count();

  await tabTo(page, isTestId, "export-opml");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const opml = await readFile(await download.path(), "utf8");
  // The file lists exactly the shows on screen that have a feed, by their feeds; the others
  // are named in the note.
  const { shows } = await readJson("data/catalog.json");
  const listed = await page.getByTestId("show-card").evaluateAll((els) => els.map((e) => e.dataset.show));
  assert.equal(listed.length, narrowed);
  const onScreen = listed.map((id) => shows.find((s) => s.id === id));
  const unescape = (x) => x.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&apos;", "'");
  const feeds = [...opml.matchAll(/<outline [^>]*xmlUrl="([^"]*)"/g)].map((m) => unescape(m[1]));
  assert.deepEqual(feeds.sort(), onScreen.filter((s) => s.links.rss).map((s) => s.links.rss).sort());
  const note = await page.getByTestId("action-status").textContent();
  for (const show of onScreen.filter((s) => !s.links.rss)) assert.ok(note.includes(show.title), `${show.title} is named as left out: ${note}`);

  await tabTo(page, isTestId, "list-episodes", "Shift+Tab"); // it sits just before the export button
  await page.keyboard.press("Enter");
  await page.getByTestId("episode-row").first().waitFor();
  await page.waitForURL(/list=episodes/);

  await tabTo(page, isTestId, "tab-topics", "Shift+Tab");
  await page.keyboard.press("Enter");
  await page.getByTestId("topic-index").waitFor();
  await context.close();
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
});
