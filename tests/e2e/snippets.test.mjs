// The README's two embed snippets, pasted as a blogger would: into a plain and a hostile blog
// page on another site (the page on localhost, the widget on 127.0.0.1). The snippets are read
// out of README.md, so the documentation cannot drift from what is tested.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve, launch, open, ROOT } from "./support.mjs";

/// The rules of a real blog theme that broke embeds before (issue #15).
const HOSTILE = `* { font-size: 22px; line-height: 2.5; }
div { padding: 6px; border: 1px dotted red; }
button, input, select { all: unset; }
a { color: #ff0; background: #00f; }`;

/// The fenced html block after `<!-- snippet: NAME -->` in README.md.
async function snippet(name) {
  const readme = await readFile(join(ROOT, "README.md"), "utf8");
  const match = readme.match(new RegExp(`<!-- snippet: ${name} -->\\n\`\`\`html\\n([\\s\\S]*?)\`\`\``));
  assert.ok(match, `README.md has no ${name} snippet`);
  return match[1];
}

const page = (title, css, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${title}</title>${css ? `<style>${css}</style>` : ""}</head>
<body><main><h1>${title}</h1><p>A post about listening to machine learning.</p>
${body}
<p>The rest of the post.</p></main></body></html>`;

let widget, host, browser, hostOrigin;
before(async () => {
  widget = await serve({ base: "/podpath/", headers: { "access-control-allow-origin": "*" } });
  const dir = await mkdtemp(join(tmpdir(), "podpath-snippets-"));
  for (const name of ["iframe", "element"]) {
    const html = (await snippet(name)).replaceAll("https://you.example/podpath/", widget.url);
    await writeFile(join(dir, `${name}-plain.html`), page(`Plain blog, ${name}`, "", html));
    await writeFile(join(dir, `${name}-hostile.html`), page(`Hostile blog, ${name}`, HOSTILE, html));
  }
  host = await serve({ dir, base: "/blog/" });
  hostOrigin = host.origin.replace("127.0.0.1", "localhost");
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await widget?.close();
  await host?.close();
});

async function axeViolations(p) {
  const axe = await new AxeBuilder({ page: p }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  return axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + n.failureSummary).join(" | ")}`);
}

/// Answers the quiz by keyboard alone inside `scope` (a frame or the custom element).
async function quizByKeyboard(p, scope) {
  await scope.getByTestId("quiz").waitFor();
  const radio = await scope.locator("input[type=radio]").first().boundingBox();
  assert.ok(radio && radio.width >= 12 && radio.height >= 12, `the radio buttons have a visible size: ${JSON.stringify(radio)}`);
  await scope.locator("input[type=radio]").first().focus();
  await p.keyboard.press("ArrowDown");
  assert.equal(await scope.locator("input[name=bg]:checked").getAttribute("value"), "courses");
  for (let step = 0; step < 7; step++) {
    assert.equal(await scope.getByTestId("quiz-progress").textContent(), `Question ${step + 1} of 7`);
    await scope.getByTestId("quiz-next").focus();
    await p.keyboard.press("Enter");
  }
  await scope.getByTestId("quiz-results").waitFor();
  assert.equal(await scope.getByTestId("pick").count(), 5);
}

for (const kind of ["plain", "hostile"]) {
  test(`the README's iframe snippet on a ${kind} blog: fetched once, grows to its content, keyboard quiz, axe clean`, async () => {
    const documents = [];
    const { page: p, problems, context } = await open(browser, hostOrigin);
    context.on("request", (r) => {
      if (r.resourceType() === "document" && r.url().startsWith(widget.origin)) documents.push(r.url());
    });
    await p.goto(`${hostOrigin}/blog/iframe-${kind}.html`);
    const frameEl = p.locator("iframe[data-podpath-frame]");
    await frameEl.scrollIntoViewIfNeeded();
    const frame = p.frameLocator("iframe[data-podpath-frame]");
    await quizByKeyboard(p, frame);
    // The frame follows its content: no inner scrollbar once the results are in.
    await frameEl.scrollIntoViewIfNeeded();
    const inner = await (await frameEl.elementHandle()).contentFrame();
    await inner.waitForFunction(() => document.documentElement.scrollHeight <= window.innerHeight + 1, null, { timeout: 10000 });
    assert.ok((await frameEl.boundingBox()).height > 640, "the frame grew past its minimum height");
    assert.equal(documents.length, 1, `the widget page is requested once: ${documents.join(", ")}`);
    assert.equal(await frame.getByTestId("notice").count(), 0);
    assert.deepEqual(await axeViolations(p), []);
    await context.close();
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign.filter((u) => !u.startsWith(widget.origin)), []);
  });

  test(`the README's custom-element snippet on a ${kind} blog: isolated in its shadow root, keyboard quiz, axe clean`, async () => {
    const { page: p, problems, context } = await open(browser, hostOrigin);
    await p.goto(`${hostOrigin}/blog/element-${kind}.html`);
    const finder = p.locator("podpath-finder");
    await quizByKeyboard(p, finder);
    const root = await finder.locator(".podpath").evaluate((el) => {
      const cs = getComputedStyle(el);
      return [cs.fontSize, cs.lineHeight, cs.borderTopStyle];
    });
    assert.deepEqual(root, ["16px", "24px", "none"], "the host's rules do not reach inside");
    assert.deepEqual(await axeViolations(p), []);
    assert.equal(new URL(p.url()).search, "", "the host page's URL is untouched");
    await context.close();
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign.filter((u) => !u.startsWith(widget.origin)), []);
  });
}
