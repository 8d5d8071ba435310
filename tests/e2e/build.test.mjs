// The release build's own steps on the wasm, on the shipped files: the function order
// (scripts/order-functions.mjs) changes how well it compresses and nothing else, the short
// import names (scripts/short-imports.mjs) are the same in the wasm and its glue, and the xz
// file (scripts/pack-wasm.mjs) is one the shipped decoder reads without a large allocation.
// That the shipped wasm runs is what every other e2e test shows: they all load it, through
// unpack.js.
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { test, DIST, ROOT, shippedWasm, unxz } from "./support.mjs";
import { compressionOrder, namedInOrder, orderFunctions, reorder, wasmOpt } from "../../scripts/order-functions.mjs";
import { functionBodies, imports, leb, name, customSection, sections } from "../../scripts/wasm-binary.mjs";
import { shortenImports, shortName } from "../../scripts/short-imports.mjs";
import { dictionarySize, pack, packedLoader } from "../../scripts/pack-wasm.mjs";
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
/// The names of a module's exports and imports, in order: what the glue (podpath.js) binds to.
const surface = (bytes) => {
  const module = new WebAssembly.Module(bytes);
  return { exports: WebAssembly.Module.exports(module), imports: WebAssembly.Module.imports(module) };
};

test("the wasm's functions reordered for compression: the same size within a few bytes, the same imports and exports, valid, a gzip at least 3% smaller than shuffled, and as small as the shipped one", async () => {
  const shipped = await shippedWasm();
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
    const tool = wasmOpt();
    assert.ok(tool, "wasm-opt found (scripts/setup.sh test installs it)");
    reorder(tool, shipped, imported, shuffle, shuffled);
    const before = readFileSync(shuffled);
    assert.equal(functionBodies(before).bodies[0].length, bodies[shuffle[0]].length, "the shuffled module starts with the function the shuffle put first");

    const ordered = join(scratch, "ordered.wasm");
    assert.ok(orderFunctions(shuffled, ordered));
    const after = readFileSync(ordered);
    assert.ok(WebAssembly.validate(after), "the reordered module validates");
    // Indices are LEB128: a renumbered function can take a byte more or less where it is named.
    assert.ok(Math.abs(after.length - before.length) <= 16, `only the order changed: ${before.length} -> ${after.length} bytes raw`);
    assert.deepEqual(surface(after), surface(before));
    assert.deepEqual(
      functionBodies(after).bodies.map((b) => b.length).sort((a, b) => a - b),
      bodies.map((b) => b.length).sort((a, b) => a - b),
      "as many function bodies, of the same sizes (their calls are renumbered)",
    );
    const [gzBefore, gzAfter] = [gzip(before), gzip(after)];
    assert.ok(gzAfter < gzBefore * 0.97, `gzip ${gzBefore} -> ${gzAfter} bytes`);
    // Whatever order it starts from, it finds one about as good as the build's.
    assert.ok(gzAfter < gzip(shipped) * 1.005, `gzip ${gzAfter} bytes against the shipped ${gzip(shipped)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test("the compression order places every function once, and the same bodies give the same order (nothing random in it)", async () => {
  const { bodies } = functionBodies(await shippedWasm());
  const some = bodies.slice(0, 400);
  const order = compressionOrder(some);
  assert.deepEqual(compressionOrder(some), order);
  assert.deepEqual([...order].sort((a, b) => a - b), [...some.keys()]);
});

test("a file that is not a wasm module is refused with a message, not misread", async () => {
  assert.throws(() => functionBodies(Buffer.from("<!doctype html>")), /not a wasm module/);
  const shipped = await shippedWasm();
  assert.throws(() => functionBodies(shipped.subarray(0, 4096)), /truncated/);
});

/// A module importing three functions of the glue module and exporting `f`, which returns what
/// the second import returns.
function tinyModule(names) {
  const section = (id, contents) => Buffer.concat([Buffer.from([id]), leb(contents.length), contents]);
  return Buffer.concat([
    Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
    section(1, Buffer.from([0x01, 0x60, 0x00, 0x01, 0x7f])), // one type: () -> i32
    section(2, Buffer.concat([leb(names.length), ...names.map((n) => Buffer.concat([name("./podpath_bg.js"), name(n), Buffer.from([0x00, 0x00])]))])),
    section(3, Buffer.from([0x01, 0x00])),
    section(7, Buffer.concat([Buffer.from([0x01]), name("f"), Buffer.from([0x00]), leb(names.length)])),
    section(10, Buffer.from([0x01, 0x04, 0x00, 0x10, 0x01, 0x0b])), // f: call 1, end
  ]);
}

test("imports renamed short in the wasm and its glue alike: the module still links to the same functions, a name inside a longer one untouched", async () => {
  const names = ["__wbg_x_1a2b", "__wbg_x_1a2b_14", "__wbg_y_ffff"];
  const glue = `({"./podpath_bg.js": {__proto__: null, __wbg_x_1a2b: () => 1, __wbg_x_1a2b_14: () => 14, __wbg_y_ffff: () => 3}, note: "__wbg_x_1a2b_140"})`;
  const short = shortenImports(tinyModule(names), glue);
  assert.deepEqual(imports(short.wasm).map((i) => [i.module, i.name]), [["w", "a"], ["w", "b"], ["w", "c"]]);
  assert.equal(short.glue, `({"w": {__proto__: null, a: () => 1, b: () => 14, c: () => 3}, note: "__wbg_x_1a2b_140"})`);
  const { instance } = await WebAssembly.instantiate(short.wasm, eval(short.glue));
  assert.equal(instance.exports.f(), 14);
  assert.deepEqual([0, 51, 52, 53].map(shortName), ["a", "Z", "aa", "ab"]);
});

test("an import the glue does not name exactly once stops the build with its name", () => {
  const wasm = tinyModule(["__wbg_x_1a2b", "__wbg_y_ffff"]);
  assert.throws(() => shortenImports(wasm, `({"./podpath_bg.js": {__wbg_x_1a2b: 1}})`), /__wbg_y_ffff is in the glue 0 times/);
  assert.throws(() => shortenImports(wasm, `({"./podpath_bg.js": {__wbg_x_1a2b: 1, __wbg_y_ffff: 2}, again: __wbg_y_ffff})`), /__wbg_y_ffff is in the glue 2 times/);
  assert.throws(() => shortenImports(wasm, `({"./other.js": {__wbg_x_1a2b: 1, __wbg_y_ffff: 2}})`), /module name/);
});

test("the shipped wasm imports only short names from one module, and the shipped glue keeps no hashed import name (that each is a key of the glue, every other e2e test shows: the wasm would not link)", async () => {
  const wasm = await shippedWasm();
  const glue = readFileSync(join(DIST, "podpath.js"), "utf8");
  const all = imports(wasm);
  assert.ok(all.length > 100, `${all.length} imports`);
  assert.ok(all.every((i) => i.module === "w" && /^[a-zA-Z]{1,2}$/.test(i.name)), "every import is w.<short name>");
  assert.ok(!/__wb(g|indgen)_\w+_[0-9a-f]{16}\b/.test(glue), "no hashed import name left in the glue");
});

test("the order's names replace any names the module had: one name section, and the module still validates", () => {
  const named = namedInOrder(Buffer.concat([tinyModule(["__wbg_x_1a2b"]), customSection("name", Buffer.from([1, 1, 1, 1, 0x7a]))]), 1, [0]);
  const nameSections = sections(named).filter((s) => s.id === 0 && named.subarray(s.start + 1, s.start + 5).toString() === "name");
  assert.equal(nameSections.length, 1);
  assert.ok(WebAssembly.validate(named));
});

test("the shipped wasm comes only as xz: one block, a CRC32 check and a dictionary just larger than the wasm, so the decoder allocates about 1 MB, not the preset's 64 MiB", async () => {
  assert.throws(() => readFileSync(join(DIST, "podpath_bg.wasm")), /ENOENT/, "no plain wasm beside the packed one");
  const wasm = await shippedWasm();
  assert.ok(WebAssembly.validate(wasm), "the decoded wasm validates");
  // xz's own account of the file: one line per stream, block and summary, tab-separated.
  const list = execFileSync("xz", ["--robot", "--list", "-vv", join(DIST, "podpath_bg.wasm.xz")], { encoding: "utf8" });
  const rows = list.trim().split("\n").map((line) => line.split("\t"));
  const blocks = rows.filter((r) => r[0] === "block");
  assert.equal(blocks.length, 1, list);
  assert.equal(blocks[0][9], "CRC32", list);
  assert.equal(Number(blocks[0][7]), wasm.length, "the block holds the whole wasm");
  // The dictionary the file's header asks the decoder for, as xz prints it (`dict=1MiB`, `dict=768KiB`).
  const [, amount, unit] = blocks[0][15].match(/dict=(\d+)(KiB|MiB)$/) ?? assert.fail(list);
  const dictionary = Number(amount) * (unit === "MiB" ? 1024 ** 2 : 1024);
  assert.ok(dictionary >= wasm.length && dictionary < wasm.length * 1.5, `dictionary ${dictionary} for ${wasm.length} bytes`);
  const memory = Number(rows.find((r) => r[0] === "summary")[1]);
  assert.ok(memory < 2 * 1024 * 1024, `the decoder needs ${memory} bytes of memory`);
});

test("xz's dictionary sizes: the smallest of 2^n and 2^n + 2^(n-1) bytes (at least 4 KiB) that holds the wasm", () => {
  assert.deepEqual([1, 4096, 4097, 6145, 700_000, 786_432, 873_324, 1_048_577].map(dictionarySize), [4096, 4096, 6144, 8192, 786_432, 786_432, 1_048_576, 1_572_864]);
});

test("packing round-trips through the package the shipped decoder bundles, and the loader's switch is found exactly once or the build stops", async () => {
  const bytes = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251));
  const decoded = await unxz(pack(bytes));
  assert.ok(decoded.equals(bytes));
  assert.equal(packedLoader("a;\nconst PACKED = false;\nb"), "a;\nconst PACKED = true;\nb");
  assert.throws(() => packedLoader("const PACKED=!1;"), /in loader.js 0 times/);
  assert.throws(() => packedLoader("const PACKED = false;const PACKED = false;"), /in loader.js 2 times/);
  // The shipped loader took the packed path (minified: the switch is the only `=!0`-like flag).
  assert.match(readFileSync(join(DIST, "loader.js"), "utf8"), /PACKED=(!0|true)/);
});

test("the shipped glue exports only what loader.js imports, its default (init)", async () => {
  const { default: init, ...rest } = await import(join(DIST, "podpath.js"));
  assert.equal(typeof init, "function");
  assert.deepEqual(Object.keys(rest), [], "no initSync, no stream adapter classes");
  assert.match(readFileSync(join(ROOT, "loader.js"), "utf8"), /import\("\.\/podpath\.js"\)\.then\(\(\{ default: init \}\)/);
});
