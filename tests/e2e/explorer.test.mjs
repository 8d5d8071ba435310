import { before, after } from "node:test";
import assert from "node:assert/strict";
import { test, useServerAndBrowser, open, ready, readJson, textContrast } from "./support.mjs";

const env = useServerAndBrowser(before, after);

/// The topic with the most neighbours (edges in either direction) in the shipped data.
async function largestTopic() {
  const { topics } = await readJson("data/topics.json");
  const degree = new Map(topics.map((t) => [t.id, new Set()]));
  for (const t of topics) for (const r of t.related) {
    degree.get(t.id).add(r);
    degree.get(r).add(t.id);
  }
  return [...degree].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0][0];
}

test("arrow keys move between graph nodes and Enter opens the focused topic", async () => {
  const { page, problems, context } = await open(env.browser, env.server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(env.server.url + "?topic=machine-learning");
  await ready(page);
  await page.getByTestId("topic-graph").waitFor();
  const nodes = page.locator(".pp-node");
  assert.ok((await nodes.count()) > 5);
  await nodes.first().focus();
  await page.keyboard.press("ArrowRight");
  const target = await page.evaluate(() => new URL(document.activeElement.href).searchParams.get("topic"));
  assert.notEqual(target, "machine-learning");
  await page.keyboard.press("Enter");
  await page.waitForFunction((t) => document.querySelector("[data-testid=topic-detail]")?.dataset.topic === t, target);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("[data-testid=topic-detail]")?.dataset.topic === "machine-learning");
  assert.ok((await page.getByTestId("learn-next").locator("li").count()) >= 1);
  await context.close();
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
});

test("every graph node, the centre one too, has readable text in the light and the dark theme", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, context } = await open(env.browser, env.server.origin, { viewport: { width: 1280, height: 900 }, colorScheme });
    await page.goto(env.server.url + "?topic=mlops");
    await ready(page);
    await page.getByTestId("second-ring").click();
    await page.locator(".pp-node--far").first().waitFor();
    const nodes = await textContrast(page.locator(".pp-node"));
    assert.ok(nodes.length > 10);
    const centre = await textContrast(page.locator(".pp-node--center"));
    assert.deepEqual(centre.map((n) => n.text), ["MLOps"]);
    assert.deepEqual(nodes.filter((n) => n.ratio < 4.5), [], `${colorScheme}: nodes under 4.5:1`);
    await context.close();
    assert.deepEqual(problems.console, []);
  }
});

test("the largest neighbourhood in the data renders within 100 ms of the click (the RAIL response budget)", async () => {
  const id = await largestTopic();
  const { page, problems, context } = await open(env.browser, env.server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(env.server.url + `?topic=${id}`);
  await ready(page);
  await page.getByTestId("topic-graph").waitFor();
  // Time from the click on "show their neighbours too" to the second ring being in the DOM;
  // the median of five toggles, so one busy moment on a 2-core CI machine does not decide.
  const ms = await page.evaluate(async () => {
    const button = document.querySelector("[data-testid=second-ring]");
    const times = [];
    // The first rounds warm up V8's optimising tier (as in the keystroke test); then five count.
    // Waits until `done()` holds, spinning microtasks first (Leptos renders synchronously or in
    // a microtask), then tasks; null when it has not within 2 s.
    const until = async (done, t0) => {
      for (let i = 0; i < 1000 && !done(); i++) await Promise.resolve();
      while (!done()) {
        if (performance.now() - t0 > 2000) return null;
        await new Promise((r) => setTimeout(r, 0));
      }
      return performance.now() - t0;
    };
    for (let i = 0; i < 8; i++) {
      const before = document.querySelectorAll(".pp-node").length;
      const t0 = performance.now();
      button.click();
      const ms = await until(() => document.querySelectorAll(".pp-node").length > before, t0);
      if (ms === null) return null;
      times.push(ms);
      button.click(); // back to one ring
      if ((await until(() => document.querySelectorAll(".pp-node").length === before, performance.now())) === null) return null;
    }
    const counted = times.slice(3).sort((a, b) => a - b);
    return counted[2];
  });
  assert.ok(ms !== null, "the second ring appeared and went again within 2 s of each click");
  await page.getByTestId("second-ring").click();
  const nodes = await page.locator(".pp-node").count();
  console.log(`measurement: largest neighbourhood (${id}, ${nodes} nodes with the second ring) rendered in ${ms.toFixed(2)} ms`);
  assert.ok(ms < 100, `${ms} ms from the click to the second ring`);
  await context.close();
  assert.deepEqual(problems.console, []);
});

test("topic search suggests as you type, forgiving a typo", async () => {
  const { page, problems, context } = await open(env.browser, env.server.origin);
  await page.goto(env.server.url + "?view=topics");
  await ready(page);
  await page.getByLabel("Find a topic").fill("monitorng");
  const first = page.getByTestId("topic-suggestions").locator("a").first();
  await first.waitFor();
  assert.match(await page.getByTestId("topic-suggestions").textContent(), /Monitoring/);
  await context.close();
  assert.deepEqual(problems.console, []);
});

test("episodes of a topic can be ordered by length", async () => {
  const { page, problems, context } = await open(env.browser, env.server.origin);
  await page.goto(env.server.url + "?topic=mlops");
  await ready(page);
  await page.getByTestId("episode-sort").selectOption("shortest");
  const rows = await page.getByTestId("topic-episodes").locator("li").evaluateAll((lis) =>
    lis.map((li) => {
      const m = li.textContent.match(/(?:(\d+)\s*h\s*)?(\d+)\s*min/);
      return { text: li.textContent.trim(), minutes: m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : null };
    }),
  );
  assert.ok(rows.length >= 5, `the topic lists episodes: ${rows.length}`);
  // Known lengths first, shortest to longest; episodes whose length is not known after them.
  const known = rows.findIndex((r) => r.minutes === null);
  const timed = known < 0 ? rows : rows.slice(0, known);
  assert.deepEqual(rows.slice(timed.length).filter((r) => r.minutes !== null).map((r) => r.text), [], "a length after an unknown one");
  const lengths = timed.map((r) => r.minutes);
  assert.deepEqual(lengths, [...lengths].sort((a, b) => a - b));
  assert.ok(lengths.length >= 5 && lengths[0] < lengths.at(-1), `the lengths differ, so the order means something: ${lengths}`);
  await context.close();
  assert.deepEqual(problems.console, []);
});
