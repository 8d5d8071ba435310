import { serve, launch, open, ready } from "/work/main/tests/e2e/support.mjs";
const server = await serve();
const browser = await launch();
for (const q of ["", "?view=quiz"]) {
  const s = await open(browser, server.origin);
  await s.page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push([Math.round(e.startTime), e.size, e.element?.tagName, e.element?.className, e.element?.isConnected]); }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__fcp = Math.round(e.startTime); }).observe({ type: "paint", buffered: true });
    const tick = () => { if (document.documentElement?.hasAttribute("data-pp-live")) window.__liveAt = Math.round(performance.now()); else requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await s.page.goto(server.url + q);
  await ready(s.page);
  await s.page.waitForTimeout(500);
  console.log(q, JSON.stringify(await s.page.evaluate(() => [window.__lcp, window.__liveAt, window.__fcp])));
  await s.context.close();
}
await browser.close(); await server.close();
