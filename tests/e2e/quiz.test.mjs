import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useServerAndBrowser, open, ready, closeSession } from "./support.mjs";

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
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 1 of 7");

  await tabTo(page, radioNamed, "bg");
  await page.keyboard.press("ArrowDown"); // courses
  await page.keyboard.press("ArrowDown"); // work
  await next(page);
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 2 of 7");
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
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 7 of 7");
  await tabTo(page, elementId, "pp-qt-mlops");
  await page.keyboard.press("Space");
  await next(page);

  await page.getByTestId("quiz-results").waitFor();
  assert.match(await page.getByTestId("verdict").textContent(), /^Because you work with models/);
  const first = await picks(page);
  assert.equal(first.length, 5);
  assert.ok(first.includes("mlops-podcast"), first.join());
  for (const reasons of await page.getByTestId("reasons").all()) {
    assert.ok((await reasons.locator("li").count()) >= 2, "every pick has two reasons");
  }
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
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 1 of 7", "Retake forgets them");
  await closeSession(session);
});

test("Browse with these filters opens Find on the answers' topics and levels, with the top pick (a level below) listed", async () => {
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
  await closeSession(session);
});

test("saved answers from an older quiz version are dropped with a notice, and the quiz starts fresh", async () => {
  const { page, problems, context } = await open(env.browser, env.server.origin);
  await context.addInitScript(() => localStorage.setItem("podpath:v1:quiz", "v=0&bg=research"));
  await page.goto(env.server.url + "?view=quiz");
  await ready(page);
  await page.getByTestId("notice").waitFor();
  assert.match(await page.locator("[data-testid=notice] [data-kind=saved-data]").textContent(), /Saved answers could not be used.*another version/);
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 1 of 7");
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
  assert.equal(await page.getByTestId("quiz-progress").textContent(), "Question 2 of 7");
  await context.close();
  assert.deepEqual(problems.console, []);
});
