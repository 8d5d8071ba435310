// Accessibility gate: axe-core reports zero WCAG 2.2 A/AA violations on every view, in the
// light and the dark theme. Screenshots of each view at 360, 768 and 1280 px in both themes
// are written to tests/e2e/artifacts/ for review.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test, serve, launch, open, ready, ROOT, VIEWS } from "./support.mjs";

const ARTIFACTS = join(ROOT, "tests", "e2e", "artifacts");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const scheme of ["light", "dark"]) {
  for (const [name, [query, marker]] of Object.entries(VIEWS)) {
    test(`${name} view has no WCAG 2.2 AA violations in the ${scheme} theme`, async () => {
      const { page, problems, context } = await open(browser, server.origin, {
        colorScheme: scheme,
        viewport: { width: 1280, height: 900 },
      });
      await page.goto(server.url + query);
      await ready(page);
      await page.locator(marker).first().waitFor();
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      for (const width of [360, 768, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at ${width}px`);
        await page.screenshot({ path: join(ARTIFACTS, `${name}-${scheme}-${width}.png`), fullPage: false, animations: "disabled" });
      }
      await context.close();
      assert.deepEqual(summary, [], "axe violations");
      assert.deepEqual(problems.console, []);
      assert.deepEqual(problems.foreign, []);
    });
  }
}
