// Shared harness for the end-to-end tests: serves the release dist/ from a sub-path on
// loopback, launches the system Chromium, and watches every browser context a test opens:
// after each test, every context it opened is closed and the test fails on any console error,
// page error or request that went anywhere but the servers this process started.
import assert from "node:assert/strict";
import { test as nodeTest, afterEach } from "node:test";
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { createHash } from "node:crypto";

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
  ".xz": "application/x-xz", // as GitHub Pages and Python's http.server send it
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
    // The build's own .gz and .br copies (scripts/precompress.mjs) are never asked for.
    if (/\.(gz|br)$/.test(name)) continue;
    if ((await stat(file)).isFile()) compressed(encoding, file, await readFile(file));
  }
}

/// Serves `dir` under `base` (and `extra` paths → files) on 127.0.0.1 with optional headers
/// (an object, or a function of the path under `base` that returns one).
/// `encoding: "gzip"` or `"br"` compresses every response whose client accepts it, as static
/// hosts do (GitHub Pages sends gzip; Netlify, Cloudflare Pages and Vercel send brotli).
export async function serve({ dir = DIST, base = BASE, headers = {}, extra = {}, rewrite, policy, encoding, port = 0 } = {}) {
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
      if (policy && extname(file) === ".html") type["content-security-policy"] = await policy(body.toString("utf8"));
      const accepted = (req.headers["accept-encoding"] ?? "").split(/\s*,\s*/);
      // An xz file is compressed already: static hosts send it as it is.
      if (encoding && accepted.includes(encoding) && extname(file) !== ".xz") {
        body = compressed(encoding, file, body);
        Object.assign(type, { "content-encoding": encoding, vary: "accept-encoding" });
      }
      res.writeHead(200, { ...type, ...(typeof headers === "function" ? headers(path.startsWith(base) ? path.slice(base.length - 1) : path) : headers) });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  OWN_ORIGINS.add(origin);
  OWN_ORIGINS.add(origin.replace("127.0.0.1", "localhost"));
  return { origin, url: origin + base, close: () => new Promise((ok) => server.close(ok)) };
}

/// `packed` (xz) decoded by the package the shipped decoder, unpack.js, bundles.
export async function unxz(packed) {
  const { XzReadableStream } = (await import("xz-decompress")).default; // a CommonJS module
  return Buffer.from(await new Response(new XzReadableStream(new Blob([packed]).stream())).arrayBuffer());
}

/// The wasm of the build in `dir`, decoded from podpath_bg.wasm.xz (scripts/pack-wasm.mjs), or
/// the plain wasm of a build that was not packed.
export async function shippedWasm(dir = DIST) {
  const packed = await readFile(join(dir, "podpath_bg.wasm.xz")).catch(() => null);
  return packed ? unxz(packed) : readFile(join(dir, "podpath_bg.wasm"));
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

/// Origins of the servers this process started (as 127.0.0.1 and as localhost): the only
/// places a page under test may send a request to.
const OWN_ORIGINS = new Set();
/// Every context opened by the running test, with what it recorded.
const WATCHED = [];
/// A test's whole time, the harness's checks included: a hang fails instead of stalling the run.
export const TEST_TIMEOUT = Number(process.env.PODPATH_TEST_TIMEOUT ?? 180_000);

let checking = false;
/// `node:test`'s `test` with a timeout and the harness's checks after it; every e2e test is
/// declared through it. (The check is registered here, not on import, so that scripts which
/// borrow `serve` and `launch`, such as the pre-render, do not start a test run.)
export function test(name, fn) {
  if (!checking) {
    checking = true;
    afterEach(checkWatched);
  }
  return nodeTest(name, { timeout: TEST_TIMEOUT }, fn);
}

const local = (url) => url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:");

/// Records console errors, page errors and off-site requests of every page of `context`.
function watch(context) {
  const problems = { console: [], foreign: [], offsite: [], allowed: [] };
  const listen = (page) => {
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.console.push(msg.text());
    });
    page.on("pageerror", (err) => problems.console.push(String(err)));
  };
  context.on("page", listen);
  context.on("request", (req) => {
    const url = req.url();
    if (!local(url) && !OWN_ORIGINS.has(new URL(url).origin)) problems.offsite.push(url);
  });
  WATCHED.push({ context, problems });
  return problems;
}

/// After every test: closes what it opened, then fails it on anything a context recorded.
async function checkWatched() {
  const watched = WATCHED.splice(0);
  await Promise.all(watched.map(({ context }) => context.close().catch(() => {})));
  for (const { problems } of watched) {
    const unexpected = problems.console.filter((m) => !problems.allowed.some((re) => re.test(m)));
    assert.deepEqual(unexpected, [], "no console errors");
    for (const re of problems.allowed) {
      assert.ok(problems.console.some((m) => re.test(m)), `the expected console error ${re} was logged`);
    }
    assert.deepEqual(problems.offsite, [], "no request leaves the test's own servers");
  }
}

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  // Every context of this browser is watched, however a test opens it.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.__problems = watch(context);
    return context;
  };
  return browser;
}

/// What Chromium logs when axe-core, evaluated by a test on a page whose CSP allows no inline
/// style, adds the style element of its colour checks (it does so on pages with shadow roots):
/// the audit's doing, not podpath's. Tests that audit such a page allow it.
export const AXE_INLINE_STYLE = /^Applying inline style violates the following Content Security Policy directive 'style-src /;

/// A fresh context and page. `problems.foreign` lists requests that left `origin` (the page's
/// own), for tests that check it themselves; the harness checks the rest after the test.
/// `allowConsole`: patterns of console errors the test provokes on purpose; each must appear.
export async function open(browser, origin, { allowConsole = [], ...options } = {}) {
  const context = await browser.newContext(options);
  const problems = context.__problems;
  problems.allowed.push(...allowConsole);
  context.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !local(url)) problems.foreign.push(url);
  });
  const page = await context.newPage();
  return { context, page, problems };
}

/// The month the release build's first screens were rendered in ("2026-12"), or null.
export const BUILT_MONTH = (() => {
  try {
    return readFileSync(join(DIST, "index.html"), "utf8").match(/data-pp-built="(\d{4}-\d{2})"/)?.[1] ?? null;
  } catch {
    return null;
  }
})();

/// Keeps the page's clock in the month the first screens were built in, so a run that crosses
/// a month boundary sees what a reader in that month sees: the real clock while it is that
/// month, else a clock fixed at noon on its 15th.
export async function inBuildMonth(context) {
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  if (BUILT_MONTH && month !== BUILT_MONTH) await context.clock.setFixedTime(new Date(`${BUILT_MONTH}-15T12:00:00`));
}

/// Resolves once the page has rendered two more frames: layout shifts and paints of what
/// happened before are reported by then.
export const settled = (page) =>
  page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));

/// Waits for the first render to finish: it comes in short tasks (src/progressive.rs); a
/// pre-rendered first screen is gone once the live app has taken its place (src/takeover.rs),
/// each widget holds its footer, and no list is still growing (aria-busy): behind a
/// pre-rendered screen the cards beyond the screen's arrive after the hand-over.
export async function ready(page) {
  await page.waitForSelector(".pp-main", { timeout: 20000 });
  await page.waitForFunction(() => !document.querySelector("[data-pp-prerendered]"), null, { timeout: 20000 });
  // Script embeds render inside shadow roots of their host elements: look there too.
  await page.waitForFunction(() => {
    const hosts = [...document.querySelectorAll("podpath-finder, [data-podpath]")];
    const roots = [...document.querySelectorAll(".podpath"), ...hosts.flatMap((h) => [...(h.shadowRoot?.querySelectorAll(".podpath") ?? [])])];
    return hosts.every((h) => h.shadowRoot?.querySelector(".podpath")) &&
      roots.every((root) => root.querySelector(".pp-footer") && !root.querySelector("[aria-busy=true]"));
  }, null, { timeout: 20000 });
}

/// Records the layout shifts of every page `target` (a page or a context) opens from now on, not
/// counting those right after input; `layoutShift(page)` sums them (the page's CLS so far).
export async function watchLayoutShifts(target) {
  await target.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
}

export async function layoutShift(page) {
  return page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
}

export async function readJson(rel) {
  return JSON.parse(await readFile(join(ROOT, rel), "utf8"));
}

/// The policy README.md tells bloggers to allow for an embed (`iframe` or `element`): the
/// `text` block after `<!-- csp: NAME -->`, with https://you.example/ as the widget's origin.
export async function readmePolicy(name, widgetOrigin) {
  const readme = await readFile(join(ROOT, "README.md"), "utf8");
  const match = readme.match(new RegExp(`<!-- csp: ${name} -->\\n\`\`\`text\\n([^\\n]+)\\n\`\`\``));
  assert.ok(match, `README.md has no ${name} policy`);
  return match[1].replaceAll("https://you.example", widgetOrigin);
}

/// A strict host page's CSP: nothing but what the README asks for the embeds the page holds,
/// plus hashes of the page's own inline styles (its `<style>` and `style=` attributes).
export async function hostPolicy(html, widgetOrigin) {
  const directives = new Map([["default-src", ["'none'"]], ["img-src", ["data:"]], ["base-uri", ["'none'"]], ["form-action", ["'none'"]]]);
  const add = (policy) => {
    for (const part of policy.split(";").map((p) => p.trim()).filter(Boolean)) {
      const [name, ...sources] = part.split(/\s+/);
      directives.set(name, [...new Set([...(directives.get(name) ?? []), ...sources])]);
    }
  };
  if (html.includes("<iframe")) add(await readmePolicy("iframe", widgetOrigin));
  if (/<podpath-finder|data-podpath[ >]/.test(html)) add(await readmePolicy("element", widgetOrigin));
  const hash = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
  const attributes = [...html.matchAll(/ style="([^"]*)"/g)].map((m) => hash(m[1]));
  add(`style-src ${[...styles, ...attributes, ...(attributes.length ? ["'unsafe-hashes'"] : [])].join(" ")}`);
  return [...directives].map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

/// The headers examples/_headers gives the file at `path` (e.g. `/loader.js`): the rules of
/// every pattern that matches it, in the file's order (`*` stands for any run of characters),
/// as Netlify and Cloudflare Pages apply them.
export const STATIC_HOST_HEADERS = (() => {
  const rules = [];
  for (const line of readFileSync(join(ROOT, "examples", "_headers"), "utf8").split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
      rules.push({ pattern, headers: {} });
    } else {
      const [, name, value] = line.trim().match(/^([^:]+):\s*(.*)$/);
      rules.at(-1).headers[name.toLowerCase()] = value;
    }
  }
  return (path) => Object.assign({}, ...rules.filter((r) => r.pattern.test(path)).map((r) => r.headers));
})();

/// A blog and the widget on two different sites, as on the real web: the widget's dist/ under
/// /podpath/ on 127.0.0.1 with the headers examples/_headers gives each file (and `headers`),
/// the blog pages of `dir` under /blog/ reached as `localhost` (`hostOrigin`), so the browser
/// treats the widget as third-party. Each blog page is served under `hostPolicy`: the README's
/// policy for the embeds it holds, nothing more.
export async function serveTwoSites({ dir, headers = {}, rewrite } = {}) {
  const widget = await serve({ base: "/podpath/", headers: (path) => ({ ...STATIC_HOST_HEADERS(path), ...headers }) });
  const host = await serve({
    dir,
    base: "/blog/",
    rewrite: rewrite && ((html) => rewrite(html, widget)),
    policy: (html) => hostPolicy(html, widget.origin),
  });
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
  for (let step = 0; step < 8; step++) {
    assert.equal(await scope.getByTestId("quiz-progress").textContent(), `Question ${step + 1} of 8`);
    await scope.getByTestId("quiz-next").focus();
    await page.keyboard.press("Enter");
  }
  await scope.getByTestId("quiz-results").waitFor();
  assert.equal(await scope.getByTestId("pick").count(), 5);
}

/// A session (see `open`) whose documents and frames all record CSP violations; read them with
/// `cspViolations`. Violations inside shadow roots bubble out to their document.
export async function cspSession(browser, origin, options) {
  const opened = await open(browser, origin, options);
  await opened.context.addInitScript(() => {
    window.__csp = [];
    // An inline style from a script the test evaluates itself (axe's colour checks add a
    // style element) has no source file; podpath's would name its file.
    document.addEventListener("securitypolicyviolation", (e) => {
      if (e.sourceFile || e.blockedURI !== "inline") window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return opened;
}

/// Every CSP violation recorded in `page` and its frames since a `cspSession` opened it.
export async function cspViolations(page) {
  const all = [];
  for (const f of page.frames()) all.push(...(await f.evaluate(() => window.__csp ?? [])));
  return all;
}

/// Skips all seven quiz questions inside `scope` (a page, frame or embed element) with the
/// keyboard, each once the question before has gone: a mouse click aimed while an iframe embed
/// grows to the new question can land beside the button.
export async function skipQuiz(scope) {
  // "Question 2 of 8", "Pregunta 2 de 8", "Frage 2 von 8".
  const at = (step) => scope.getByTestId("quiz-progress").filter({ hasText: new RegExp(`^\\D*${step}\\D+8\\D*$`) });
  for (let step = 1; step <= 8; step++) {
    await at(step).waitFor();
    await scope.getByTestId("quiz-skip").press("Enter");
  }
  await scope.getByTestId("quiz-results").waitFor();
}

/// Closes a session from `open` and checks what it recorded: no console error, no request to
/// another origin.
export async function closeSession(session) {
  if (!session) return;
  await session.context.close();
  const { console: errors, allowed, foreign } = session.problems;
  assert.deepEqual(errors.filter((m) => !allowed.some((re) => re.test(m))), [], "no console errors");
  assert.deepEqual(foreign, [], "no request leaves the page's origin");
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
