// The release build's own steps, on the shipped files: the function order of the wasm
// (scripts/order-functions.mjs) changes how well it compresses and nothing else. That the
// reordered wasm runs is what every other e2e test shows: they all load it.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { test, DIST } from "./support.mjs";
import { functionBodies, compressionOrder, namedInOrder, orderFunctions } from "../../scripts/order-functions.mjs";

const WASM = join(DIST, "podpath_bg.wasm");
const FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
/// The names of a module's exports and imports, in order: what the glue (podpath.js) binds to.
const surface = (bytes) => {
  const module = new WebAssembly.Module(bytes);
  return { exports: WebAssembly.Module.exports(module), imports: WebAssembly.Module.imports(module) };
};

test("the wasm's functions reordered for compression: the same size within a few bytes, the same imports and exports, valid, a gzip at least 3% smaller than shuffled, and as small as the shipped one", () => {
  const shipped = readFileSync(WASM);
  const { imported, bodies } = functionBodies(shipped);
  assert.ok(bodies.length > 1000, `read ${bodies.length} function bodies`);
  const scratch = mkdtempSync(join(tmpdir(), "podpath-build-test-"));
  try {
    // The shipped functions shuffled (a fixed permutation), written as the build writes an order.
    const shuffle = [...bodies.keys()];
    let seed = 26;
    for (let i = shuffle.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [shuffle[i], shuffle[j]] = [shuffle[j], shuffle[i]];
    }
    const shuffled = join(scratch, "shuffled.wasm");
    const named = join(scratch, "named.wasm");
    writeFileSync(named, namedInOrder(shipped, imported, shuffle));
    execFileSync("wasm-opt", [...FEATURES, "--optimize-level=2", "--shrink-level=2", "--reorder-functions-by-name", named, "-o", shuffled]);
    const before = readFileSync(shuffled);
    assert.equal(functionBodies(before).bodies[0].length, bodies[shuffle[0]].length, "the shuffled module starts with the function the shuffle put first");

    const ordered = join(scratch, "ordered.wasm");
    assert.ok(orderFunctions(shuffled, ordered), "wasm-opt found");
    const after = readFileSync(ordered);
    assert.ok(WebAssembly.validate(after), "the reordered module validates");
    // Indices are LEB128: a renumbered function can take a byte more or less where it is named.
    assert.ok(Math.abs(after.length - before.length) <= 16, `only the order changed: ${before.length} -> ${after.length} bytes raw`);
    assert.deepEqual(surface(after), surface(before));
    assert.deepEqual(
      functionBodies(after).bodies.map((b) => b.length).sort((a, b) => a - b),
      bodies.map((b) => b.length).sort((a, b) => a - b),
      "the same function bodies, by size",
    );
    const [gzBefore, gzAfter] = [gzip(before), gzip(after)];
    assert.ok(gzAfter < gzBefore * 0.97, `gzip ${gzBefore} -> ${gzAfter} bytes`);
    // Whatever order it starts from, it finds one about as good as the build's.
    assert.ok(gzAfter < gzip(shipped) * 1.005, `gzip ${gzAfter} bytes against the shipped ${gzip(shipped)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test("the compression order is deterministic and places every function once", () => {
  const { bodies } = functionBodies(readFileSync(WASM));
  const some = bodies.slice(0, 400);
  const order = compressionOrder(some);
  assert.deepEqual(compressionOrder(some), order);
  assert.deepEqual([...order].sort((a, b) => a - b), [...some.keys()]);
});

test("a file that is not a wasm module is refused with a message, not misread", () => {
  assert.throws(() => functionBodies(Buffer.from("<!doctype html>")), /not a wasm module/);
  const shipped = readFileSync(WASM);
  assert.throws(() => functionBodies(shipped.subarray(0, 4096)), /truncated|overruns/);
});
