//! Validates `data/*.json` and encodes it as postcard bytes (`$OUT_DIR/embedded_data.postcard`,
//! in the wire form of `src/bundle.rs`, decoded by `Catalog::embedded`).
//!
//! Why postcard: measured on the release bundle (2026-11-23), the same data as Rust statics
//! cost 7 KB gzip more wasm (every string is a pointer and a length there, which compress
//! badly), and parsing JSON at run time needs serde_json and the field-name matching code
//! (about 22 KB more). Postcard is the strings with varint lengths, decoded with serde
//! derives; `src/bundle.rs` shapes the data for it (references as indices, derivable URLs left
//! out: 18.9 KB gzip less than the model as is, measured 2026-12-05).
//! Why here: a data edit with a dangling reference, an unknown value or a bad URL fails the
//! build itself, listing every problem with its JSON path, not only `cargo test`.

// The engine's own model, validator and wire format, shared with the build rather than
// duplicated.
#[allow(dead_code)]
#[path = "src/bundle.rs"]
mod bundle;
#[allow(dead_code)]
#[path = "src/dates.rs"]
mod dates;
#[allow(dead_code)]
#[path = "src/links.rs"]
mod links;
#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/set.rs"]
mod set;
#[allow(dead_code)]
#[path = "src/validate.rs"]
mod validate;

use std::path::Path;

const FILES: [&str; 3] = ["catalog.json", "topics.json", "episodes.json"];

fn main() {
    for watched in [
        "src/model.rs",
        "src/validate.rs",
        "src/links.rs",
        "src/dates.rs",
        "src/bundle.rs",
        "src/set.rs",
    ] {
        println!("cargo:rerun-if-changed={watched}");
    }
    let (catalog, topics, episodes) = (read(FILES[0]), read(FILES[1]), read(FILES[2]));
    let sources = validate::Sources {
        catalog: &catalog,
        topics: &topics,
        episodes: &episodes,
    };
    let files = match validate::check_all(sources) {
        Ok(files) => validate::for_bundle(files),
        Err(problems) => fail(&problems.iter().map(ToString::to_string).collect::<Vec<_>>()),
    };
    // Cargo always sets OUT_DIR for build scripts; without it there is nowhere to write.
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        fail(&["OUT_DIR is not set: run the build through cargo".into()]);
    };
    let out = Path::new(&out_dir).join("embedded_data.postcard");
    let bytes = match bundle::encode(&files) {
        Ok(bytes) => bytes,
        Err(e) => fail(&[format!("cannot encode: {e}")]),
    };
    if let Err(e) = std::fs::write(&out, bytes) {
        fail(&[format!("{}: cannot write: {e}", out.display())]);
    }
}

/// One data file's text; rebuilt whenever it changes.
fn read(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../data")
        .join(file);
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| fail(&[format!("{}: cannot read: {e}", path.display())]))
}

/// Stops the build with every problem on its own line.
fn fail(problems: &[String]) -> ! {
    for p in problems {
        println!("cargo:warning=data/{p}");
    }
    eprintln!(
        "podpath: the data in data/ has {} problem(s); see the warnings above, or run\n  cargo run -p podpath_engine --example validate",
        problems.len()
    );
    std::process::exit(1)
}
