// The release build in Firefox (Debian's firefox-esr through geckodriver, both installed by
// `scripts/setup.sh test`; WebDriver over HTTP, as playwright-core drives only Chromium here).
// The other e2e tests run Chromium; this one pins what differs by engine on the way in: the
// xz-compressed wasm decoded by unpack.js (a ReadableStream subclass) and compiled from a
// constructed Response, served gzip-compressed from the sub-path.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { test, serve } from "./support.mjs";

const freePort = () =>
  new Promise((ok, fail) => {
    const probe = createServer().once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });

async function webDriver(port) {
  const call = async (method, path, body) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body && JSON.stringify(body),
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.message ?? response.status}`);
    return value;
  };
  for (let i = 0; i < 50; i++) {
    try {
      if ((await call("GET", "/status")).ready) return call;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error("geckodriver did not start");
}

test("in Firefox, the release build starts from its xz-compressed wasm, takes over the pre-rendered screen and answers a search", async () => {
  const server = await serve({ encoding: "gzip" });
  const port = await freePort();
  const driver = spawn(process.env.GECKODRIVER ?? "geckodriver", ["--port", String(port)], { stdio: "ignore" });
  let session;
  try {
    const call = await webDriver(port);
    const { sessionId } = await call("POST", "/session", {
      capabilities: { alwaysMatch: { "moz:firefoxOptions": { args: ["-headless"] } } },
    });
    session = `/session/${sessionId}`;
    const run = (script) => call("POST", `${session}/execute/sync`, { script, args: [] });
    await call("POST", `${session}/url`, { url: server.url });
    let state;
    for (let i = 0; i < 300; i++) {
      state = await run(`return {
        prerendered: document.querySelectorAll("[data-pp-prerendered], .pp-taking-over").length,
        alert: document.querySelector("#podpath[role=alert]")?.textContent ?? null,
        count: document.querySelector("[data-testid=result-count]")?.textContent.trim() ?? null,
        fetched: performance.getEntriesByType("resource").map((e) => e.name.split("/").pop()),
      }`);
      if (state.alert || (state.prerendered === 0 && state.count)) break;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    assert.equal(state.alert, null, "podpath started");
    assert.equal(state.prerendered, 0, "the live app took over");
    assert.ok(state.fetched.includes("podpath_bg.wasm.xz") && state.fetched.includes("unpack.js"), state.fetched.join(" "));
    assert.ok(!state.fetched.includes("podpath_bg.wasm"), state.fetched.join(" "));
    const element = async (css) => Object.values(await call("POST", `${session}/element`, { using: "css selector", value: css }))[0];
    const search = await element(".pp-browse__bar input[type=search]");
    await call("POST", `${session}/element/${search}/value`, { text: "mlops" });
    let after = state.count;
    for (let i = 0; i < 50 && after === state.count; i++) {
      await new Promise((ok) => setTimeout(ok, 100));
      after = (await run(`return document.querySelector("[data-testid=result-count]").textContent.trim()`)) ?? after;
    }
    assert.notEqual(after, state.count, `the search changed the count (${state.count})`);
    assert.match(after, /^\d+ shows?$/);
  } finally {
    if (session) await fetch(`http://127.0.0.1:${port}${session}`, { method: "DELETE" }).catch(() => {});
    driver.kill();
    await server.close();
  }
});
