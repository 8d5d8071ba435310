import { before, after } from "node:test";
import assert from "node:assert/strict";
import { test, useServerAndBrowser, open, ready, closeSession } from "./support.mjs";

const env = useServerAndBrowser(before, after);

test("a topic opens by URL, moves to a related topic by keyboard, and back returns", async () => {
  const { page, problems, context } = await open(env.browser, env.server.origin);
  await page.goto(env.server.url + "?topic=mlops");
  await ready(page);
  await page.getByTestId("topic-detail").waitFor();
  assert.equal(await page.getByTestId("topic-detail").getAttribute("data-topic"), "mlops");
  assert.equal(await page.locator(".pp-topic h2").textContent(), "MLOps");
  const first = page.getByTestId("related").locator("a").first();
  const target = new URL(await first.getAttribute("href"), page.url()).searchParams.get("topic");
  await first.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction((t) => document.querySelector('[data-testid="topic-detail"]')?.dataset.topic === t, target);
  assert.match(page.url(), new RegExp(`topic=${target}`));
  // Focus lands on the opened topic's heading, not on the page's body.
  await page.waitForFunction(() => document.activeElement?.matches(".pp-topic h2"));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), await page.locator(".pp-topic h2").textContent());
  // The map by keyboard: Enter on a node opens it, and focus follows to its heading too.
  const node = page.locator(".pp-graph a.pp-node:not(.pp-node--center)").first();
  const nodeTopic = new URL(await node.getAttribute("href"), page.url()).searchParams.get("topic");
  await node.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction((t) => document.querySelector('[data-testid="topic-detail"]')?.dataset.topic === t, nodeTopic);
  await page.waitForFunction(() => document.activeElement?.matches(".pp-topic h2"));
  await page.goBack();
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-testid="topic-detail"]')?.dataset.topic === "mlops");
  const episodes = page.getByTestId("topic-episodes").locator("a");
  assert.ok((await episodes.count()) > 0, "MLOps cites episodes");
  assert.match(await episodes.first().getAttribute("href"), /^https:\/\/datatalks\.club\//);
  await context.close();
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
});

test("a topic chip on a quiz pick opens the topic with focus on its heading; a page opened on a topic leaves focus alone", async () => {
  const session = await open(env.browser, env.server.origin);
  const { page } = session;
  await page.goto(env.server.url + "?topic=mlops");
  await ready(page);
  await page.getByTestId("topic-detail").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "no focus taken on load");
  await page.goto(env.server.url + "?view=quiz&results=1&bg=work&math=some&code=some&goal=production&len=long&week=4&fmt=any");
  await ready(page);
  const chip = page.getByTestId("pick").first().locator("a.pp-chip").first();
  const topic = new URL(await chip.getAttribute("href"), page.url()).searchParams.get("topic");
  await chip.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction((t) => document.querySelector('[data-testid="topic-detail"]')?.dataset.topic === t, topic);
  await page.waitForFunction(() => document.activeElement?.matches(".pp-topic h2"));
  await closeSession(session);
});
