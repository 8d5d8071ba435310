// Starts podpath. A module file rather than Trunk's injected inline script, so the page
// works under `script-src 'self' 'wasm-unsafe-eval'`. The wasm is found next to this file.
import init from "./podpath.js";

init().catch((error) => {
  const root = document.getElementById("podpath");
  if (root) {
    root.classList.remove("podpath--loading");
    root.setAttribute("role", "alert");
    root.textContent = "podpath could not start in this browser. Please reload the page.";
  }
  console.error(error);
});
