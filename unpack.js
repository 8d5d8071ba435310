// The release build's wasm decoder, loaded by loader.js beside podpath_bg.wasm.xz. Not copied
// as it is: scripts/pack-wasm.mjs bundles it with the xz-decompress package (xz-embedded
// compiled to wasm, about 9.8 KB gzip) into dist/unpack.js.
//
// Why xz: gzip (what GitHub Pages and most hosts send) leaves the 870 KB wasm at 331 KB; xz
// takes it to 263 KB, which on a 1.6 Mbps phone link is a third of a second less download
// (scripts/time-to-input.mjs). The decoder runs as the bytes arrive, and the browser compiles
// the decoded bytes as they come out of it, so little of its work is left when the last byte
// lands.
import { XzReadableStream } from "xz-decompress";

/// The decoded wasm of `response` (the fetch of podpath_bg.wasm.xz), as a response that
/// `WebAssembly.instantiateStreaming` accepts whatever type the host sent the file with.
/// A failed fetch or a corrupt file rejects, so the loader says that podpath could not start.
export function unpack(response) {
  if (!response.ok) {
    response.body?.cancel();
    throw new Error(`${response.url}: HTTP ${response.status}`);
  }
  return new Response(new XzReadableStream(response.body), {
    headers: { "content-type": "application/wasm" },
  });
}
