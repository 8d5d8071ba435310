// Release builds only (the last step of scripts/prerender.sh, the Trunk post-build hook): writes
// a .gz (gzip -9) and a .br (brotli, quality 11) beside each file of dist/ that a reader
// downloads, for hosts that serve precompressed files as they are (nginx's gzip_static and
// brotli_static, Caddy's `precompressed`); hosts that compress on their own ignore them.
// scripts/size.sh leaves them out of its totals and prints the brotli figure from them.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { releaseStaging } from "./release-step.mjs";

const dir = releaseStaging("precompress") ?? process.exit(0);

const COMPRESSIBLE = /\.(html|js|css|svg|wasm)$/;
for (const name of await readdir(dir)) {
  if (!COMPRESSIBLE.test(name)) continue;
  const bytes = await readFile(join(dir, name));
  await writeFile(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  await writeFile(
    join(dir, `${name}.br`),
    brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  );
}
