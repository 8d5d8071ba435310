import { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test, useServerAndBrowser, open, ready, closeSession, readJson } from "./support.mjs";

const env = useServerAndBrowser(before, after);

/// Presses Tab until `predicate(document.activeElement)` holds (keyboard-only navigation).
async function tabTo(page, predicate, arg) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error(`Tab never reached ${predicate} ${arg ?? ""}`);
}
const radioNamed = (name) => document.activeElement?.name === name;
const testId = (id) => document.activeElement?.dataset?.testid === id;
const elementId = (id) => document.activeElement?.id === id;

async function next(page) {
  await tabTo(page, testId, "quiz-next");
  await page.keyboard.press("Enter");
}

async function picks(page) {
  await page.getByTestId("pick").first().waitFor();
  return page.getByTestId("pick").evaluateAll((els) => els.map((e) => e.dataset.show));
}

test("the quiz is completed by keyboard alone and its results survive a reload and a shared link", async () => {
  const { page, problems, context } = await open(env.browser, env.server.origin, { acceptDownloads: true });
  await page.goto(env.server.url + "?view=quiz");
  await ready(page);
  await page.getByTestId("quiz").waitFor();
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 1 of 8");

  await tabTo(page, radioNamed, "bg");
  await page.keyboard.press("ArrowDown"); // courses
  await page.keyboard.press("ArrowDown"); // work
  await next(page);
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 2 of 8");
  assert.equal(await page.evaluate(() => document.activeElement.id), "pp-q-title", "focus moves to the new question");
  await tabTo(page, radioNamed, "math");
  await page.keyboard.press("ArrowDown"); // some
  await next(page);
  await tabTo(page, radioNamed, "code");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown"); // high
  await next(page);
  await tabTo(page, radioNamed, "goal");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown"); // production
  await next(page);
  await tabTo(page, radioNamed, "len");
  await page.keyboard.press("ArrowDown"); // medium
  await tabTo(page, radioNamed, "week");
  await page.keyboard.press("ArrowDown"); // 2 hours
  await next(page);
  await tabTo(page, testId, "quiz-skip"); // no format preference
  await page.keyboard.press("Enter");
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 7 of 8");
  await tabTo(page, elementId, "pp-qt-mlops");
  await page.keyboard.press("Space");
  await next(page);
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 8 of 8");
  await next(page); // no shows followed

  await page.getByTestId("quiz-results").waitFor();
  assert.match(await page.getByTestId("verdict").textContent(), /^Because you work with models/);
  const first = await picks(page);
  assert.equal(first.length, 5);
  assert.ok(first.includes("mlops-podcast"), first.join());
  const reasonCounts = await page.getByTestId("pick").evaluateAll((els) => els.map((e) => e.querySelectorAll("[data-testid=reasons] li").length));
  assert.equal(reasonCounts.length, 5);
  assert.ok(reasonCounts.every((n) => n >= 2), `every pick has two reasons: ${reasonCounts.join()}`);
  assert.ok((await page.getByTestId("start-episode").count()) >= 3);
  const url = page.url();
  assert.match(url, /results=1/);
  assert.match(url, /goal=production/);

  await page.reload();
  await ready(page);
  assert.deepEqual(await picks(page), first, "a reload keeps the results");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-opml").click()]);
  const opml = await readFile(await download.path(), "utf8");
  assert.match(opml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
  assert.ok((opml.match(/<outline /g) ?? []).length >= 1);
  assert.equal(download.suggestedFilename(), "podpath-picks.opml");

  await context.close();
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);

  const fresh = await open(env.browser, env.server.origin);
  await fresh.page.goto(url);
  await ready(fresh.page);
  assert.deepEqual(await picks(fresh.page), first, "the share link gives the same picks in a fresh browser");
  await fresh.context.close();
  assert.deepEqual(fresh.problems.console, []);
});

test("Save on a shared link's results keeps them: the Quiz tab and a later visit reopen the same picks", async () => {
  const session = await open(env.browser, env.server.origin);
  const { page, context } = session;
  await page.goto(env.server.url + "?view=quiz&results=1&bg=work&math=some&code=some&goal=lead&len=medium&week=2&fmt=any&qt=data-science");
  await ready(page);
  const shared = await picks(page);
  await page.getByTestId("save-picks").click();
  assert.equal(await page.getByTestId("action-status").textContent(), "Saved on this device.");
  await page.getByTestId("tab-browse").click();
  await page.getByTestId("show-card").first().waitFor();
  await page.getByTestId("tab-quiz").click();
  assert.deepEqual(await picks(page), shared, "the Quiz tab reopens the saved results");
  const later = await context.newPage();
  await later.goto(env.server.url + "?view=quiz");
  await ready(later);
  assert.deepEqual(await picks(later), shared, "a later visit to the quiz reopens them too");
  await page.getByTestId("retake").click();
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 1 of 8", "Retake forgets them");
  await closeSession(session);
});

test("Browse with these filters opens Find on the answers' topics and levels, with the top pick listed by one of its own levels", async () => {
  const session = await open(env.browser, env.server.origin);
  const { page } = session;
  await page.goto(env.server.url + "?view=quiz&results=1&bg=work&math=high&code=high&goal=production&len=long&week=4&fmt=interviews&qt=data-engineering,machine-learning-system-design,mlops");
  await ready(page);
  const chosen = await picks(page);
  await page.getByTestId("to-browse").click();
  await page.getByTestId("show-card").first().waitFor();
  assert.match(page.url(), /level=/);
  assert.match(page.url(), /t=/);
  const listed = await page.getByTestId("show-card").evaluateAll((els) => els.map((e) => e.dataset.show));
  assert.ok(listed.includes(chosen[0]), `the top pick ${chosen[0]} is listed: ${listed.join()}`);
  const { shows } = await readJson("data/catalog.json");
  const levels = new URL(page.url()).searchParams.get("level").split(",");
  const own = shows.find((s) => s.id === chosen[0]).levels;
  assert.ok(own.some((l) => levels.includes(l)), `the level filter ${levels} holds one of the top pick's levels ${own}`);
  await closeSession(session);
});

test("saved answers from an older quiz version are dropped with a notice, and the quiz starts fresh", async () => {
  const { page, problems, context } = await open(env.browser, env.server.origin);
  await context.addInitScript(() => localStorage.setItem("podpath:v1:quiz", "v=0&bg=research"));
  await page.goto(env.server.url + "?view=quiz");
  await ready(page);
  await page.getByTestId("notice").waitFor();
  assert.match(await page.locator("[data-testid=notice] [data-kind=saved-data]").textContent(), /Saved answers could not be used.*another version/);
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 1 of 8");
  assert.equal(await page.locator("input[name=bg]:checked").count(), 0);
  await context.close();
  assert.deepEqual(problems.console, []);
});

test("with storage blocked the quiz still works and says nothing will be saved", async () => {
  const { page, problems, context } = await open(env.browser, env.server.origin);
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  await page.goto(env.server.url + "?view=quiz");
  await ready(page);
  await page.getByTestId("notice").waitFor();
  assert.match(await page.locator("[data-testid=notice] [data-kind=storage]").textContent(), /Nothing is kept in this browser.*will not be kept/);
  await page.locator("label[for=pp-bg-work]").click();
  await page.getByTestId("quiz-next").click();
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 2 of 8");
  await context.close();
  assert.deepEqual(problems.console, []);
});

/// Minutes from a length as the app writes it ("25 min", "1 h 5 min"), or null.
const minutesOf = (text) => {
  const m = text.match(/(?:(\d+)\s*h\s*)?(\d+)\s*min/);
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : null;
};

test("the results' cautions agree with the catalog and the four-week plan keeps to the weekly hour", async () => {
  const { shows } = await readJson("data/catalog.json");
  const { page } = await open(env.browser, env.server.origin);
  // A newcomer with short episodes and one hour a week: cautions are likely, and the plan is tight.
  await page.goto(env.server.url + "?view=quiz&results=1&bg=courses&math=some&code=some&goal=fundamentals&len=short&week=1&fmt=any");
  await ready(page);
  const picked = await picks(page);
  assert.equal(picked.length, 5);

  // Every caution says something the catalog bears out for that show.
  const cautions = await page.getByTestId("pick").evaluateAll((els) =>
    els.flatMap((e) => [...e.querySelectorAll("[data-testid=cautions] li")].map((li) => [e.dataset.show, li.textContent])),
  );
  assert.ok(cautions.length >= 1, "these answers earn at least one caution");
  for (const [id, text] of cautions) {
    const show = shows.find((s) => s.id === id);
    // Short episodes: up to 25 minutes; a typical episode is halfway between the shortest and
    // the longest; "vary" means the longest is more than a fifth over.
    const typical = show.length && Math.floor((show.length.min + show.length.max) / 2);
    if (/^Episodes run /.test(text)) assert.ok(typical > 25, `${id}: "${text}" but its typical episode is ${typical} min`);
    else if (/^Episodes vary /.test(text)) assert.ok(show.length.max > 30 && typical <= 25, `${id}: "${text}" for ${JSON.stringify(show.length)}`);
    else if (/^Newest episode we know of: /.test(text)) assert.ok(["active", "revived"].includes(show.status), `${id}: "${text}" for a ${show.status} show`);
    else if (/^We could not confirm/.test(text)) assert.equal(show.status, "unknown", `${id}: "${text}"`);
    else if (/^No app links to it directly/.test(text)) {
      const { apple, spotify, youtube, rss } = show.links;
      assert.ok(!apple && !spotify && !youtube && !rss, `${id}: "${text}" but it has ${JSON.stringify(show.links)}`);
    }
    else if (/^(No longer publishing|Ended in)/.test(text)) assert.equal(show.status, "ended", `${id}: "${text}"`);
    else if (/^Aimed at (\w+) listeners/.test(text)) {
      const level = text.match(/^Aimed at (\w+) listeners/)[1];
      assert.ok(show.levels.includes(level), `${id}: "${text}" but its levels are ${show.levels}`);
    } else assert.fail(`${id}: a caution the test does not know: "${text}"`);
  }

  // The plan: four weeks, each within the hour asked for.
  const weeks = await page.getByTestId("plan").locator("li").allTextContents();
  assert.deepEqual(weeks.map((w) => w.match(/^Week (\d):/)?.[1]), ["1", "2", "3", "4"], weeks.join(" | "));
  // Week 1: the first N start-here episodes listed above, whose lengths together fit.
  const starts = await page.getByTestId("start-episode").allTextContents();
  const n = /the start-here episode above|the first start-here episode above/.test(weeks[0]) ? 1 : Number(weeks[0].match(/the (?:first )?(\d+) start-here episodes above/)?.[1]);
  assert.ok(n >= 1 && n <= starts.length, `week 1 names ${n} of ${starts.length} start episodes: ${weeks[0]}`);
  const first = starts.slice(0, n).map(minutesOf);
  assert.ok(first.every((m) => m !== null), `the start episodes show their lengths: ${starts.slice(0, n).join(" | ")}`);
  assert.ok(n === 1 || first.reduce((a, b) => a + b, 0) <= 60, `week 1: ${first.join(" + ")} min in an hour`);
  // Weeks 2 to 4: "N episodes of Show; ..." of the picks, each at its typical length.
  for (const week of weeks.slice(1)) {
    const parts = week.replace(/^Week \d: /, "").split("; ");
    let minutes = 0;
    for (const part of parts) {
      const [, count, title] = part.match(/^(\d+) episodes? of (.+)$/) ?? [];
      const show = shows.find((s) => s.title === title);
      assert.ok(show && picked.includes(show.id), `"${part}" is one of the picks`);
      minutes += Number(count) * (show.length ? Math.floor((show.length.min + show.length.max) / 2) : 20);
    }
    assert.ok(minutes <= 60 || (parts.length === 1 && /^1 episode of/.test(parts[0])), `${week}: about ${minutes} min in an hour`);
  }
});

test("a beginner's results send no one into the void: direct links in the top three, none unreachable in the plan, every feed in the OPML", async () => {
  const { shows } = await readJson("data/catalog.json");
  const { page } = await open(env.browser, env.server.origin, { acceptDownloads: true });
  // Issue #23's newcomer: switching careers, short explainers, two hours a week.
  await page.goto(env.server.url + "?view=quiz&results=1&bg=none&math=low&code=low&goal=switch&len=short&week=2&fmt=explainers");
  await ready(page);
  const picked = await picks(page);
  assert.equal(picked.length, 5);
  const kinds = await page.getByTestId("pick").evaluateAll((els) =>
    els.map((e) => [e.dataset.show, [...e.querySelectorAll("[data-testid=listen-links] li")].filter((li) => !["rss", "website"].includes(li.dataset.app)).map((li) => li.dataset.kind)]),
  );
  for (const [id, list] of kinds.slice(0, 3)) {
    assert.equal(list.length, 5, `${id}: five apps`);
    assert.ok(list.includes("direct"), `${id} in the top three has a direct link on an app: ${list}`);
  }
  // The plan names only shows with a direct link.
  const unlinked = kinds.filter(([, list]) => !list.includes("direct")).map(([id]) => shows.find((s) => s.id === id).title);
  const plan = (await page.getByTestId("plan").textContent()) ?? "";
  for (const title of unlinked) assert.ok(!plan.includes(title), `${title} has no direct link yet is in the plan: ${plan}`);
  // The OPML file lists every pick that has a feed, by its feed.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-opml").click()]);
  const opml = await readFile(await download.path(), "utf8");
  const feeds = [...opml.matchAll(/xmlUrl="([^"]*)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));
  const expected = picked.map((id) => shows.find((s) => s.id === id).links.rss).filter(Boolean);
  assert.ok(expected.length >= 1, "some picks have a feed");
  assert.deepEqual(feeds.sort(), expected.sort());
});
