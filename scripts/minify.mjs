// Release builds only (run by scripts/prerender.sh, the Trunk post_build hook, before the
// pre-render): shrinks the text files every reader downloads and updates the integrity hashes
// Trunk wrote into index.html.
// - CSS (measured 2026-12-05: main.css 6.1 -> 4.1 KB gzip): comments, runs of whitespace, and
//   the spaces around `{ } ; >`, which CSS never needs (none of them sits inside a string in
//   podpath's CSS; the e2e style test checks that the shipped rules equal the source's, one by
//   one). Not a CSS minifier: one would rewrite rules the style test compares.
// - JS: esbuild's minifier (an npm dev dependency of the e2e tests, like wasm-opt's binaryen):
//   wasm-bindgen's glue podpath.js 9.5 -> 7.3 KB gzip (measured 2026-12-05), and first-screen.js,
//   loader.js and embed.js. Local names only: the small scripts are classic scripts, so their
//   top-level names stay; the glue is an ES module, of whose exports only the default (init,
//   what loader.js imports) stays. Without esbuild (a machine set up without the node
//   packages), whole-line comments and indentation go.
import { readFile, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { releaseStaging } from "./release-step.mjs";

const staging = releaseStaging("minify") ?? process.exit(0);

export const minify = (css) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};>])\s*/g, "$1")
    .trim();

const indexFile = join(staging, "index.html");
let index = await readFile(indexFile, "utf8");
const sri = (text) => "sha384-" + createHash("sha384").update(text).digest("base64");
const lines = (js) =>
  js
    .split("\n")
    .filter((line) => !/^\s*\/\//.test(line))
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
const e2e = join(dirname(fileURLToPath(import.meta.url)), "..", "tests", "e2e", "package.json");
const esbuild = (() => {
  try {
    return createRequire(e2e)("esbuild");
  } catch {
    return null;
  }
})();
/// The small scripts (classic scripts: their top-level names stay).
const minifyJs = (js) => (esbuild ? esbuild.transformSync(js, { minify: true }).code.trim() : lines(js));

/// The glue with only what loader.js imports from it, its default export (init): esbuild
/// bundles a module that re-exports just that, and leaves out what only the glue's other
/// exports reach (initSync; the classes of Leptos's server_fn stream adapters stay, kept by
/// the statement on each prototype that wasm-bindgen writes). Measured 2026-12-06: 104 bytes
/// gzip (4,988 -> 4,884).
const glueForLoader = () =>
  esbuild.buildSync({
    stdin: { contents: 'export { default } from "./podpath.js";', resolveDir: staging },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    logLevel: "error",
  }).outputFiles[0].text.trim();

const FILES = {
  "main.css": minify,
  "noscript.css": minify,
  "first-screen.js": minifyJs,
  "loader.js": minifyJs,
  "embed.js": minifyJs,
  "podpath.js": esbuild ? glueForLoader : lines,
};
for (const [name, shrink] of Object.entries(FILES)) {
  const file = join(staging, name);
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) continue;
  const small = shrink(text) + "\n";
  await writeFile(file, small);
  index = index.replaceAll(sri(text), sri(small));
}
await writeFile(indexFile, index);
