// Release builds only (the first step of scripts/prerender.sh, the Trunk post-build hook): puts
// the wasm's functions in an order that gzip and brotli compress better, with the same code.
//
// Why: LLVM lays functions out by crate and module, so the many copies of the same generic code
// (Leptos compiles its render and effect code once per view shape) sit far apart, often beyond
// the 32 KB that gzip looks back. Put next to each other, each copy is mostly a back-reference
// to the one before. Measured 2026-12-06 on the release wasm: 347,934 -> 335,279 bytes gzip -9
// (brotli 11: 280,888 -> 274,110); 10 bytes more raw, where a renumbered call's index takes
// another byte.
//
// How: a greedy chain. From the current function, the next is chosen among the unplaced
// functions nearest to it in two byte-wise sorted orders of the bodies (32 on each side of it
// in each): the one with the best per-byte saving when gzip compresses it after what is already
// placed (its deflate size with the last 32 KB as preset dictionary against its size alone).
// The order travels to wasm-opt (binaryen, already the build's optimiser) as function names,
// and its `--reorder-functions-by-name` moves the functions and renumbers every call, table
// entry and export; no other pass runs, and the output keeps no names. The same wasm gives the
// same order with the same zlib: Node's bundled zlib decides the deflate sizes, so another Node
// may pick a slightly different order (the clean-clone CI run gave the same bytes as this
// machine).
//
//   node scripts/order-functions.mjs IN.wasm [OUT.wasm]    # by hand; the build passes no arguments
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";
import { deflateRawSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { functionBodies, leb, name, customSection, withoutCustomSection } from "./wasm-binary.mjs";
import { releaseStaging } from "./release-step.mjs";

/// How many unplaced neighbours on each side, in each sorted order, are tried for the next place.
const NEIGHBOURS = 32;
/// gzip's window: what lies further back cannot be referenced.
const WINDOW = 32 * 1024;
const DEFLATE = { level: 9, memLevel: 9 };
// The features the build's wasm-opt run enables (index.html's data-wasm-opt-params; one it
// lacks here makes wasm-opt refuse the module, loudly), and the optimisation levels: at those,
// binaryen writes the function bodies exactly as the -Oz run did (measured: without them the
// code section grows by 2.3 KB).
const WASM_OPT = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
  "--optimize-level=2",
  "--shrink-level=2",
  "--reorder-functions-by-name",
];

/// The order (indices into `bodies`) in which similar bodies follow each other.
export function compressionOrder(bodies, neighbours = NEIGHBOURS) {
  const n = bodies.length;
  if (n === 0) return [];
  const byBytes = (keys) => [...keys.keys()].sort((a, b) => Buffer.compare(keys[a], keys[b]) || a - b);
  // Bodies that end alike (the same epilogue, the same tail of a generic function) and bodies
  // that start alike (the same locals and prologue).
  const orders = [byBytes(bodies.map((b) => Buffer.from(b).reverse())), byBytes(bodies)];
  const positions = orders.map((order) => {
    const at = new Int32Array(n);
    order.forEach((f, i) => (at[f] = i));
    return at;
  });
  const alone = bodies.map((b) => deflateRawSync(b, DEFLATE).length);
  const placed = new Uint8Array(n);
  const order = [];
  let window = Buffer.alloc(0);
  let first = 0; // the first unplaced function of orders[0], for when no neighbour is left
  let current = orders[0][0];
  for (;;) {
    placed[current] = 1;
    order.push(current);
    window = Buffer.concat([window, bodies[current]]);
    if (window.length > WINDOW) window = window.subarray(window.length - WINDOW);
    if (order.length === n) return order;
    const candidates = new Set();
    orders.forEach((sorted, o) => {
      for (const step of [1, -1]) {
        let found = 0;
        for (let i = positions[o][current] + step; i >= 0 && i < n && found < neighbours; i += step) {
          if (!placed[sorted[i]]) {
            candidates.add(sorted[i]);
            found++;
          }
        }
      }
    });
    while (placed[orders[0][first]]) first++;
    candidates.add(orders[0][first]);
    let best = -1;
    let bestScore = Infinity;
    for (const c of candidates) {
      const after = deflateRawSync(bodies[c], { ...DEFLATE, dictionary: window }).length;
      // Bytes saved by what is already placed, per byte of the body: a small body that is
      // almost all back-reference beats a large one that saves a little more in all.
      const score = (after - alone[c]) / (bodies[c].length + 1);
      if (score < bestScore || (score === bestScore && c < best)) {
        best = c;
        bestScore = score;
      }
    }
    current = best;
  }
}

/// `bytes` with a name section naming defined function `order[k]` by its rank `k`, zero-padded,
/// so that sorting by name gives `order`; the imported functions are named so that they keep
/// theirs (binaryen sorts them too).
export function namedInOrder(bytes, imported, order) {
  const width = String(Math.max(order.length, imported)).length;
  const rank = (prefix, k) => `${prefix}${String(k).padStart(width, "0")}`;
  const names = [
    ...Array.from({ length: imported }, (_, k) => [k, rank("a", k)]),
    ...order.map((f, k) => [imported + f, rank("f", k)]).sort((a, b) => a[0] - b[0]),
  ];
  const map = Buffer.concat([leb(names.length), ...names.map(([index, text]) => Buffer.concat([leb(index), name(text)]))]);
  // Subsection 1 of the name section: function names. Any names the module had would compete.
  const section = customSection("name", Buffer.concat([Buffer.from([1]), leb(map.length), map]));
  return Buffer.concat([withoutCustomSection(bytes, "name"), section]);
}

/// The wasm-opt the build uses: the e2e tests' npm binaryen, which scripts/setup.sh installs at
/// the version the build is known to work with (Debian's binaryen 108 writes a wasm that fails
/// at start-up), else one on PATH. Null when there is none.
export function wasmOpt() {
  const pinned = join(dirname(fileURLToPath(import.meta.url)), "..", "tests", "e2e", "node_modules", ".bin", "wasm-opt");
  for (const candidate of [pinned, "wasm-opt"]) {
    try {
      execFileSync(candidate, ["--version"], { stdio: "ignore" });
      return candidate;
    } catch {
      // Missing or not runnable: try the next.
    }
  }
  return null;
}

/// Writes `bytes` (a wasm of `imported` imported functions) to `output` with its defined
/// functions in `order`, through `tool` (see `wasmOpt`).
export function reorder(tool, bytes, imported, order, output) {
  const scratch = mkdtempSync(join(tmpdir(), "podpath-order-"));
  try {
    const named = join(scratch, "named.wasm");
    writeFileSync(named, namedInOrder(bytes, imported, order));
    execFileSync(tool, [...WASM_OPT, named, "-o", output], { stdio: ["ignore", "ignore", "inherit"] });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/// Reorders the functions of the wasm file `input` into `output`. False (and `output` not
/// written) when there is no wasm-opt.
export function orderFunctions(input, output) {
  const tool = wasmOpt();
  if (!tool) return false;
  const bytes = readFileSync(input);
  const { imported, bodies } = functionBodies(bytes);
  reorder(tool, bytes, imported, compressionOrder(bodies), output);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  const wasm = input ?? join(releaseStaging("order-functions") ?? process.exit(0), "podpath_bg.wasm");
  if (!orderFunctions(wasm, output ?? wasm)) {
    // The build goes on (scripts/size.sh then reports the wasm over its budget); by hand, fail.
    console.error("order-functions: no wasm-opt (scripts/setup.sh test installs it); the wasm keeps its order, about 12 KB larger gzip");
    if (input) process.exit(1);
  }
}
