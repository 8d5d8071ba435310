// Reading and writing the few parts of a wasm binary that the release build's steps touch
// (scripts/order-functions.mjs, scripts/short-imports.mjs): the section list, the imports with
// their names, the function bodies, and LEB128 numbers. Every reader throws on a module it
// cannot read, so a build step fails loudly instead of writing a broken wasm.

/// Unsigned LEB128, as wasm writes counts, sizes and indices.
export function leb(value) {
  const out = [];
  do {
    const low = value & 0x7f;
    value = Math.floor(value / 128);
    out.push(value ? low | 0x80 : low);
  } while (value);
  return Buffer.from(out);
}

/// A wasm name: its UTF-8 length, then its bytes.
export function name(text) {
  const bytes = Buffer.from(text);
  return Buffer.concat([leb(bytes.length), bytes]);
}

/// Reads numbers, names and limits from `bytes` onwards from `at`, moving `at` past them; each
/// read checks the end of the file.
function reader(bytes, at) {
  const r = {
    at,
    u32() {
      let value = 0;
      let shift = 0;
      for (;;) {
        if (r.at >= bytes.length) throw new Error("truncated wasm module");
        const byte = bytes[r.at++];
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
        if (byte < 0x80) return value;
      }
    },
    /// A length-prefixed byte string.
    bytes() {
      const length = r.u32();
      const start = r.at;
      r.at += length;
      if (r.at > bytes.length) throw new Error("truncated wasm module");
      return bytes.subarray(start, r.at);
    },
    limits() {
      const flags = r.u32();
      r.u32();
      if (flags & 1) r.u32();
    },
  };
  return r;
}

/// The sections in file order: `{ id, start, end }` of each one's contents, and `header`, where
/// its id byte is.
export function sections(bytes) {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  const r = reader(bytes, 8);
  const out = [];
  while (r.at < bytes.length) {
    const header = r.at;
    const id = bytes[r.at++];
    const size = r.u32();
    const start = r.at;
    r.at += size;
    if (r.at > bytes.length) throw new Error("truncated wasm module");
    out.push({ id, start, end: r.at, header });
  }
  return out;
}

/// Each import: `{ module, name, kind, rest }`, `rest` being the bytes after its name (its kind
/// and type), as strings and byte slices of `bytes`.
export function imports(bytes) {
  const section = sections(bytes).find((s) => s.id === 2);
  if (!section) return [];
  const r = reader(bytes, section.start);
  const out = [];
  for (let n = r.u32(); n > 0; n--) {
    const module = r.bytes().toString();
    const name = r.bytes().toString();
    const restStart = r.at;
    const kind = bytes[r.at++];
    if (kind === 0) r.u32(); // function: type index
    else if (kind === 1) {
      r.at++; // table: reference type
      r.limits();
    } else if (kind === 2) r.limits(); // memory
    else if (kind === 3) r.at += 2; // global: value type, mutability
    else if (kind === 4) {
      r.at++; // tag: attribute
      r.u32();
    } else throw new Error(`unknown import kind ${kind}`);
    out.push({ module, name, kind, rest: bytes.subarray(restStart, r.at) });
  }
  if (r.at !== section.end) throw new Error("the import section does not end where its size says");
  return out;
}

/// The number of imported functions and the bodies of the defined ones (code section entries,
/// locals included), in index order.
export function functionBodies(bytes) {
  const imported = imports(bytes).filter((i) => i.kind === 0).length;
  const code = sections(bytes).find((s) => s.id === 10);
  const bodies = [];
  if (code) {
    const r = reader(bytes, code.start);
    for (let n = r.u32(); n > 0; n--) bodies.push(r.bytes());
    if (r.at !== code.end) throw new Error("the code section does not end where its size says");
  }
  return { imported, bodies };
}

/// `bytes` with the section at `section` (one of `sections(bytes)`) replaced by `contents`.
export function replaceSection(bytes, section, contents) {
  return Buffer.concat([
    bytes.subarray(0, section.header),
    Buffer.from([section.id]),
    leb(contents.length),
    contents,
    bytes.subarray(section.end),
  ]);
}

/// A custom section named `title` holding `contents`, to append to a module.
export function customSection(title, contents) {
  const payload = Buffer.concat([name(title), contents]);
  return Buffer.concat([Buffer.from([0]), leb(payload.length), payload]);
}

/// `bytes` without the custom sections named `title`.
export function withoutCustomSection(bytes, title) {
  const drop = sections(bytes).filter((s) => s.id === 0 && reader(bytes, s.start).bytes().toString() === title);
  let out = bytes;
  // From the last: the positions of the earlier ones stay valid.
  for (const s of drop.reverse()) out = Buffer.concat([out.subarray(0, s.header), out.subarray(s.end)]);
  return out;
}
