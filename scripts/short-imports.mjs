// Release builds only (a step of scripts/prerender.sh, the Trunk post-build hook, after the
// function order and before the glue is minified): gives the wasm's imports short names, in the
// wasm and in its JS glue alike.
//
// Why: wasm-bindgen names each import after the JS it calls plus a hash
// (`__wbg_createElement_de4a31ed2fb252be`), and both files carry every name once: 208 names,
// whose hashes gzip cannot shrink. A minifier cannot rename them, since they are the contract
// between the two files. Measured 2026-12-06: 3.7 KB gzip less wasm and 2.7 KB less glue.
//
// How: import k of the glue's module becomes `a`, `b`, ... `Z`, `aa`, ... (its module `./podpath_bg.js`
// becomes `w`); the glue's key for it, found as a whole word exactly once, gets the same name.
// Any import whose name is not found exactly once stops the build with its name: the two
// files would no longer fit together. Import order, types and all indices stay as they are.
//
//   node scripts/short-imports.mjs DIR    # DIR holding podpath_bg.wasm and podpath.js; the build passes none
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sections, imports, replaceSection, leb, name } from "./wasm-binary.mjs";
import { releaseStaging } from "./release-step.mjs";

const GLUE_MODULE = "./podpath_bg.js";
const SHORT_MODULE = "w";
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The k-th short name: a..Z, then aa, ab, ...
export function shortName(k) {
  let name = "";
  for (;;) {
    name = LETTERS[k % LETTERS.length] + name;
    k = Math.floor(k / LETTERS.length);
    if (k === 0) return name;
    k -= 1;
  }
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/// The wasm and its glue with the glue module's imports renamed. Throws when the glue does not
/// hold each import name, and the module name, exactly once.
export function shortenImports(wasm, glue) {
  const all = imports(wasm);
  const once = (pattern, what) => {
    const found = glue.match(new RegExp(pattern, "g"))?.length ?? 0;
    if (found !== 1) throw new Error(`short-imports: ${what} is in the glue ${found} times, not once`);
  };
  once(`"${escape(GLUE_MODULE)}"`, `the module name "${GLUE_MODULE}"`);
  glue = glue.replace(`"${GLUE_MODULE}"`, `"${SHORT_MODULE}"`);
  let k = 0;
  const entries = all.map((i) => {
    if (i.module !== GLUE_MODULE) return i;
    const short = shortName(k++);
    // Word boundaries: `__wbg_x_1a2b` must not match inside `__wbg_x_1a2b_14`.
    const pattern = `(?<![\\w$])${escape(i.name)}(?![\\w$])`;
    once(pattern, `the import ${i.name}`);
    glue = glue.replace(new RegExp(pattern), short);
    return { ...i, module: SHORT_MODULE, name: short };
  });
  const section = sections(wasm).find((s) => s.id === 2);
  const contents = Buffer.concat([leb(entries.length), ...entries.map((i) => Buffer.concat([name(i.module), name(i.name), i.rest]))]);
  return { wasm: section ? replaceSection(wasm, section, contents) : wasm, glue };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? releaseStaging("short-imports") ?? process.exit(0);
  const [wasmFile, glueFile] = [join(dir, "podpath_bg.wasm"), join(dir, "podpath.js")];
  const { wasm, glue } = shortenImports(readFileSync(wasmFile), readFileSync(glueFile, "utf8"));
  writeFileSync(wasmFile, wasm);
  writeFileSync(glueFile, glue);
}
