// Starts podpath. A module file rather than Trunk's injected inline script, so pages run under
// `script-src 'self' 'wasm-unsafe-eval'`. Everything is found relative to this file, so the
// same loader serves the hosted page and `<div data-podpath>` elements on any blog page.
import init from "./podpath.js";

// podpath's own page keeps room for a scrollbar (main.css); in a frame, which the host sizes
// to fit, it never scrolls.
if (window.self !== window.top) document.documentElement.classList.remove("podpath-scroll");

const base = new URL("./", import.meta.url).href;
document.documentElement.setAttribute("data-podpath-base", base);

// On a host page, bring podpath's stylesheet along (every rule is scoped under .podpath).
if (!document.querySelector("link[data-podpath-css], link[href$='main.css']")) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("./main.css", import.meta.url).href;
  link.setAttribute("data-podpath-css", "");
  document.head.append(link);
}

init().catch((error) => {
  for (const root of document.querySelectorAll("#podpath, [data-podpath]")) {
    root.classList.add("podpath");
    root.setAttribute("role", "alert");
    root.textContent = "podpath could not start in this browser. Please reload the page.";
  }
  console.error(error);
});
