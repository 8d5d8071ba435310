// Shared harness for the end-to-end tests: serves the release dist/ from a sub-path on
// loopback, launches the system Chromium, and records console errors and any request that
// leaves the page's origin.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = process.env.PODPATH_DIST ?? join(ROOT, "dist");
export const BASE = "/blog/podpath/";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

const COMPRESSED = new Map();
/// Compresses once per file and content, as a host that precompresses its static files
/// (gzip -9, or brotli at its highest quality).
function compressed(encoding, file, body) {
  const key = `${encoding}:${file}:${body.length}`;
  if (!COMPRESSED.has(key)) {
    const params = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY };
    COMPRESSED.set(key, encoding === "br" ? brotliCompressSync(body, { params }) : gzipSync(body, { level: 9 }));
  }
  return COMPRESSED.get(key);
}

/// Compresses every file of `dir` ahead of time, as a static host does. Without it the first
/// request for the wasm waits for brotli at its highest quality (about two seconds), which
/// Lighthouse counts as server time.
export async function precompress(encoding, dir = DIST) {
  for (const name of await readdir(dir)) {
    const file = join(dir, name);
    if ((await stat(file)).isFile()) compressed(encoding, file, await readFile(file));
  }
}

/// Serves `dir` under `base` (and `extra` paths → files) on 127.0.0.1 with optional headers.
/// `encoding: "gzip"` or `"br"` compresses every response whose client accepts it, as static
/// hosts do (GitHub Pages sends gzip; Netlify, Cloudflare Pages and Vercel send brotli).
export async function serve({ dir = DIST, base = BASE, headers = {}, extra = {}, rewrite, encoding, port = 0 } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = extra[path];
    if (!file && path.startsWith(base)) {
      const rel = normalize(path.slice(base.length) || "index.html");
      if (rel.startsWith("..")) return void res.writeHead(403).end();
      file = join(dir, rel.endsWith("/") ? rel + "index.html" : rel);
    }
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error("not found");
      let body = await readFile(file);
      if (rewrite && extname(file) === ".html") body = rewrite(body.toString("utf8"));
      const type = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      const accepted = (req.headers["accept-encoding"] ?? "").split(/\s*,\s*/);
      if (encoding && accepted.includes(encoding)) {
        body = compressed(encoding, file, body);
        Object.assign(type, { "content-encoding": encoding, vary: "accept-encoding" });
      }
      res.writeHead(200, { ...type, ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + base, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/// A fresh context and page that record console errors, page errors and foreign requests.
export async function open(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = { console: [], foreign: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.console.push(msg.text());
  });
  page.on("pageerror", (err) => problems.console.push(String(err)));
  context.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) problems.foreign.push(url);
  });
  return { context, page, problems };
}

/// Waits for the first render to finish: it comes in short tasks (src/progressive.rs), and
/// each widget's footer is the last of them; a pre-rendered first screen is gone once the live
/// app has taken its place (src/takeover.rs).
export async function ready(page) {
  await page.waitForSelector(".pp-main", { timeout: 20000 });
  await page.waitForFunction(() => !document.querySelector("[data-pp-prerendered]"), null, { timeout: 20000 });
  // Script embeds render inside shadow roots of their host elements: look there too.
  await page.waitForFunction(() => {
    const hosts = [...document.querySelectorAll("podpath-finder, [data-podpath]")];
    const roots = [...document.querySelectorAll(".podpath"), ...hosts.flatMap((h) => [...(h.shadowRoot?.querySelectorAll(".podpath") ?? [])])];
    return hosts.every((h) => h.shadowRoot?.querySelector(".podpath")) && roots.every((root) => root.querySelector(".pp-footer"));
  }, null, { timeout: 20000 });
}

export async function readJson(rel) {
  return JSON.parse(await readFile(join(ROOT, rel), "utf8"));
}

/// A blog and the widget on two different sites, as on the real web: the widget's dist/ under
/// /podpath/ on 127.0.0.1 (with `headers`), the blog pages of `dir` under /blog/ reached as
/// `localhost` (`hostOrigin`), so the browser treats the widget as third-party.
export async function serveTwoSites({ dir, headers = {}, rewrite } = {}) {
  const widget = await serve({ base: "/podpath/", headers: { "access-control-allow-origin": "*", ...headers } });
  const host = await serve({ dir, base: "/blog/", rewrite: rewrite && ((html) => rewrite(html, widget)) });
  const hostOrigin = host.origin.replace("127.0.0.1", "localhost");
  return { widget, host, hostOrigin, close: () => Promise.all([widget.close(), host.close()]) };
}

/// `ready` for a frame or an embed element: its footer has rendered, and a pre-rendered first
/// screen has been taken over by the live app (until then it is inert).
export async function scopeReady(page, scope, timeout = 20000) {
  const deadline = Date.now() + timeout;
  while (
    (await scope.locator(".pp-footer").count()) === 0 ||
    (await scope.locator("[data-pp-prerendered], .pp-taking-over").count()) > 0
  ) {
    if (Date.now() > deadline) throw new Error("the widget did not finish its first render");
    await page.waitForTimeout(50);
  }
}

/// Answers the first quiz question and finishes the quiz by keyboard alone inside `scope` (a
/// frame or an embed element), checking that the radios have a visible size on the way.
export async function quizByKeyboard(page, scope) {
  await scopeReady(page, scope);
  await scope.getByTestId("quiz").waitFor();
  const radio = await scope.locator("input[type=radio]").first().boundingBox();
  assert.ok(radio && radio.width >= 12 && radio.height >= 12, `the radio buttons have a visible size: ${JSON.stringify(radio)}`);
  await scope.locator("input[type=radio]").first().focus();
  await page.keyboard.press("ArrowDown");
  assert.equal(await scope.locator("input[name=bg]:checked").getAttribute("value"), "courses");
  for (let step = 0; step < 7; step++) {
    assert.equal(await scope.getByTestId("quiz-progress").textContent(), `Question ${step + 1} of 7`);
    await scope.getByTestId("quiz-next").focus();
    await page.keyboard.press("Enter");
  }
  await scope.getByTestId("quiz-results").waitFor();
  assert.equal(await scope.getByTestId("pick").count(), 5);
}

/// Closes a session from `open` and checks what it recorded: no console error, no request to
/// another origin.
export async function closeSession(session) {
  if (!session) return;
  await session.context.close();
  assert.deepEqual(session.problems.console, [], "no console errors");
  assert.deepEqual(session.problems.foreign, [], "no request leaves the page's origin");
}

/// Starts the release server and a browser for one test file, closed after its tests.
/// Returns a getter, because both exist only once `before` has run.
export function useServerAndBrowser(before, after, options) {
  const env = {};
  before(async () => {
    env.server = await serve(options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/// WCAG contrast ratio of each element's text against the first opaque background behind it
/// (its own or an ancestor's). axe leaves text over other boxes, such as graph nodes over the
/// edge lines, as "needs review", so the tests measure those themselves.
export async function textContrast(locator) {
  return locator.evaluateAll((elements) => {
    const rgb = (css) => {
      const n = css.match(/[\d.]+/g).map(Number);
      return css.startsWith("color(") ? [n[0] * 255, n[1] * 255, n[2] * 255, n[3]] : n;
    };
    const luminance = ([r, g, b]) => {
      const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    return elements.map((el) => {
      let bg = el;
      while (bg && rgb(getComputedStyle(bg).backgroundColor)[3] === 0) bg = bg.parentElement;
      const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(rgb(getComputedStyle(bg ?? document.body).backgroundColor))];
      return { text: el.textContent.trim(), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
    });
  });
}

/// Every view the accessibility and style gates visit: name -> [query, a selector that marks it rendered].
export const VIEWS = {
  browse: ["", ".pp-card"],
  "browse-filtered": ["?level=beginner&t=machine-learning&q=data", ".pp-card"],
  "browse-empty": ["?q=zzzzzz&level=advanced", "[data-testid=empty]"],
  episodes: ["?list=episodes&t=mlops", "[data-testid=episode-row]"],
  quiz: ["?view=quiz", "[data-testid=quiz]"],
  results: ["?view=quiz&results=1&bg=courses&math=some&code=some&goal=production&len=medium&week=2&qt=mlops", "[data-testid=pick]"],
  topics: ["?view=topics", "[data-testid=topic-index]"],
  topic: ["?topic=mlops", "[data-testid=topic-detail]"],
};

/// From the first script of every document in `context`, records one snapshot per batch of DOM
/// changes (a MutationObserver reports at the end of each task). Each probe is a selector
/// (snapshot: whether it matches) or `{ count: selector }` (how many elements match). Read the
/// snapshots of a page or frame with `snapshots(frame)`.
export async function recordSnapshots(context, probes) {
  await context.addInitScript((probes) => {
    window.__snapshots = [];
    // Script embeds render into shadow roots, which a document observer does not see: every
    // shadow root attached from now on is observed and queried too.
    const roots = [document];
    // A pre-rendered first screen is the page's HTML, not the app rendering: left out.
    const all = (selector) =>
      roots.flatMap((root) => [...root.querySelectorAll(selector)]).filter((el) => !el.closest("[data-pp-prerendered]"));
    const observer = new MutationObserver(() => {
      const snap = {};
      for (const [name, probe] of Object.entries(probes)) {
        snap[name] = typeof probe === "string" ? all(probe).length > 0 : all(probe.count).length;
      }
      window.__snapshots.push(snap);
    });
    observer.observe(document, { childList: true, subtree: true });
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attachShadow.call(this, init);
      roots.push(root);
      observer.observe(root, { childList: true, subtree: true });
      return root;
    };
  }, probes);
}

export const snapshots = (frame) => frame.evaluate(() => window.__snapshots);
