// The README's two embed snippets, pasted as a blogger would: into a plain and a hostile blog
// page on another site (the page on localhost, the widget on 127.0.0.1). The snippets are read
// out of README.md, so the documentation cannot drift from what is tested.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test, serveTwoSites, launch, open, quizByKeyboard, ROOT, AXE_INLINE_STYLE, cspSession, cspViolations } from "./support.mjs";

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

let sites, widget, browser, hostOrigin;
before(async () => {
  const dir = await mkdtemp(join(tmpdir(), "podpath-snippets-"));
  for (const name of ["iframe", "element"]) {
    const html = await snippet(name);
    await writeFile(join(dir, `${name}-plain.html`), page(`Plain blog, ${name}`, "", html));
    await writeFile(join(dir, `${name}-hostile.html`), page(`Hostile blog, ${name}`, HOSTILE, html));
  }
  sites = await serveTwoSites({ dir, rewrite: (html, w) => html.replaceAll("https://you.example/podpath/", w.url) });
  ({ widget, hostOrigin } = sites);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await sites?.close();
});

/// A session on the blog's site: the page runs under the README's policy for its snippet
/// (support.mjs `hostPolicy`), the frame under the widget's own; violations are recorded.
const session = (options) => cspSession(browser, hostOrigin, options);

async function axeViolations(p) {
  const axe = await new AxeBuilder({ page: p }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  return axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + n.failureSummary).join(" | ")}`);
}

for (const kind of ["plain", "hostile"]) {
  test(`the README's iframe snippet on a ${kind} blog: fetched once, grows to its content, keyboard quiz, axe clean, no CSP violation`, async () => {
    const documents = [];
    const { page: p, problems, context } = await session();
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
    assert.deepEqual(await cspViolations(p), [], "no CSP violation under the README's policy");
    await context.close();
    assert.deepEqual(problems.foreign.filter((u) => !u.startsWith(widget.origin)), []);
  });

  test(`the README's custom-element snippet on a ${kind} blog: isolated in its shadow root, keyboard quiz, axe clean, no CSP violation`, async () => {
    const { page: p, problems, context } = await session({ allowConsole: [AXE_INLINE_STYLE] });
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
    assert.deepEqual(await cspViolations(p), [], "no CSP violation under the README's policy");
    await context.close();
    assert.deepEqual(problems.foreign.filter((u) => !u.startsWith(widget.origin)), []);
  });
}
