// Release builds only (a step of scripts/prerender.sh, the Trunk post-build hook, after the wasm's
// own steps and before minify.mjs): ships the wasm xz-compressed, with its decoder.
//
// Why: the hosts a blog lives on send gzip (GitHub Pages sends nothing better), which leaves the
// wasm at 331 KB; xz takes it to 263 KB, and a decoder of 9.8 KB gzip (unpack.js with the
// xz-decompress package) turns it back into the wasm in the browser as the bytes arrive. On a
// 1.6 Mbps phone link the app answers input about 0.3 s sooner (measured 2026-12-06 with
// scripts/time-to-input.mjs, two rounds of 7: 2.59 / 2.69 -> 2.33 / 2.39 s). Hosts that send
// brotli (271 KB for the plain wasm) lose about 1 KB and pay for the decoding (unthrottled on
// loopback, 0.25 -> 0.31 s); hosts that send files uncompressed gain most.
//
// What it writes into the build directory: podpath_bg.wasm.xz in place of podpath_bg.wasm;
// unpack.js, bundled and minified with the package (esbuild); loader.js with `PACKED = true`.
// xz's settings: one block, CRC32 check (the decoder's cheapest), `pb=0` and `lc=4` (wasm code
// is bytes, not aligned words: 0.3% smaller than the preset), and a dictionary just large
// enough for the whole wasm (the preset's 64 MiB would be what the decoder allocates).
//
//   node scripts/pack-wasm.mjs DIR    # by hand: DIR holding podpath_bg.wasm and loader.js as Trunk
//                                     # staged them (before minify.mjs); the build passes none
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { releaseStaging } from "./release-step.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const E2E_MODULES = join(ROOT, "tests", "e2e", "node_modules");
const FLAG = "const PACKED = false;";

/// The smallest dictionary size xz can write in its header (2^n or 2^n + 2^(n-1) bytes, at
/// least 4 KiB) that holds `size` bytes.
export function dictionarySize(size) {
  for (let n = 12; ; n++) {
    if (2 ** n >= size) return 2 ** n;
    if (2 ** n + 2 ** (n - 1) >= size) return 2 ** n + 2 ** (n - 1);
  }
}

/// `wasm` compressed as the loader's decoder expects it. Throws when there is no `xz`.
export function pack(wasm) {
  const lzma2 = `preset=9e,pb=0,lc=4,dict=${dictionarySize(wasm.length)}`;
  return execFileSync("xz", ["--format=xz", "--check=crc32", "--threads=1", `--lzma2=${lzma2}`, "--stdout"], {
    input: wasm,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/// The loader with the packed path switched on. Throws unless the flag is there exactly once.
export function packedLoader(loader) {
  const found = loader.split(FLAG).length - 1;
  if (found !== 1) throw new Error(`pack-wasm: \`${FLAG}\` is in loader.js ${found} times, not once`);
  return loader.replace(FLAG, "const PACKED = true;");
}

/// unpack.js bundled with its package and minified, or null without esbuild or the package.
/// Any other failure (unpack.js that does not parse, say) throws: the build stops.
export function bundledDecoder() {
  const require = createRequire(join(E2E_MODULES, "..", "package.json"));
  let esbuild;
  try {
    require.resolve("xz-decompress");
    esbuild = require("esbuild");
  } catch {
    return null;
  }
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [join(ROOT, "unpack.js")],
    nodePaths: [E2E_MODULES],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "error",
  });
  return outputFiles[0].text;
}

const hasXz = () => {
  try {
    execFileSync("xz", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const byHand = process.argv[2];
  const dir = byHand ?? releaseStaging("pack-wasm") ?? process.exit(0);
  const decoder = bundledDecoder();
  const xz = hasXz();
  if (!decoder || !xz) {
    // The build goes on with the plain wasm (scripts/size.sh then reports it over budget); by hand, fail.
    const missing = [!decoder && "esbuild or xz-decompress (scripts/setup.sh test)", !xz && "xz (xz-utils)"];
    console.error(`pack-wasm: no ${missing.filter(Boolean).join(", no ")}; the wasm ships plain: the code is about 58 KB larger gzip`);
    if (byHand) process.exit(1);
    process.exit(0);
  }
  const wasmFile = join(dir, "podpath_bg.wasm");
  const loaderFile = join(dir, "loader.js");
  const loader = packedLoader(readFileSync(loaderFile, "utf8"));
  writeFileSync(join(dir, "podpath_bg.wasm.xz"), pack(readFileSync(wasmFile)));
  writeFileSync(join(dir, "unpack.js"), decoder);
  writeFileSync(loaderFile, loader);
  rmSync(wasmFile);
}
