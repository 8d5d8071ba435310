// The stylesheet's element resets (`.podpath ul`, `.podpath a`, ...) are scoped with a class so
// that a host page's own element rules cannot reach into the widget. That scoping also makes
// them outrank podpath's single-class component rules, which silently lost their list bullets,
// sizes and colours. This gate finds every such case.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { test, useServerAndBrowser, open, ready, VIEWS } from "./support.mjs";

const env = useServerAndBrowser(before, after);

const PROPERTIES = [
  "margin-top", "margin-bottom", "margin-left", "padding-top", "padding-right", "padding-left", "list-style-type",
  "color", "background-color", "text-decoration-line", "font-size", "line-height", "font-weight",
];

test("no element reset overrides a component rule on any view", async () => {
  const found = [];
  for (const [name, [query, marker]] of Object.entries(VIEWS)) for (const width of [360, 1280]) {
    const { page, problems, context } = await open(env.browser, env.server.origin, { viewport: { width, height: 900 } });
    await page.goto(env.server.url + query);
    await ready(page);
    await page.locator(marker).first().waitFor();
    found.push(
      ...(await page.evaluate((properties) => {
        const snapshot = () =>
          [...document.querySelectorAll(".podpath *")].map((el) => {
            const cs = getComputedStyle(el);
            return properties.map((p) => cs.getPropertyValue(p));
          });
        const before = snapshot();
        // The same resets at zero specificity: whatever changes was a component rule they beat.
        let resets = 0;
        for (const sheet of document.styleSheets) {
          for (const rule of sheet.cssRules) {
            const m = rule.selectorText?.match(/^\.podpath ([a-z0-9]+)(, \.podpath [a-z0-9]+)*$/);
            if (!m) continue;
            const elements = rule.selectorText.split(", ").map((s) => s.replace(".podpath ", ""));
            rule.selectorText = `:where(.podpath) :where(${elements.join(", ")})`;
            resets += 1;
          }
        }
        const after = snapshot();
        const els = [...document.querySelectorAll(".podpath *")];
        const diffs = [];
        els.forEach((el, i) =>
          properties.forEach((p, j) => {
            if (before[i][j] !== after[i][j]) diffs.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} ${p}: ${before[i][j]} instead of ${after[i][j]}`);
          }),
        );
        return resets > 0 ? diffs : ["no element reset found in the stylesheet"];
      }, PROPERTIES)).map((d) => `${name} at ${width}px: ${d}`),
    );
    await context.close();
    assert.deepEqual(problems.console, []);
  }
  assert.deepEqual([...new Set(found)], []);
});

test("the shipped stylesheet holds the source's rules, one by one (the release build only drops comments and spaces)", async () => {
  const { readFile } = await import("node:fs/promises");
  const { join } = await import("node:path");
  const { ROOT, DIST } = await import("./support.mjs");
  const [source, shipped] = await Promise.all([readFile(join(ROOT, "style", "main.css"), "utf8"), readFile(join(DIST, "main.css"), "utf8")]);
  assert.ok(shipped.length < source.length * 0.9, `the shipped file is smaller: ${shipped.length} of ${source.length} bytes`);
  const { page } = await open(env.browser, env.server.origin);
  const rules = await page.evaluate(([a, b]) => {
    const list = (css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return [...sheet.cssRules].map((r) => r.cssText);
    };
    return [list(a), list(b)];
  }, [source, shipped]);
  assert.ok(rules[0].length > 100, `${rules[0].length} rules`);
  assert.deepEqual(rules[1], rules[0]);
});
