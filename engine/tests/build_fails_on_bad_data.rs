//! A data edit with a problem fails the build itself (engine/build.rs), not only `cargo test`,
//! and the build names the JSON path. The engine crate and its data are copied into a scratch
//! directory, one reference is broken, and cargo builds the copy.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const ENGINE: &str = env!("CARGO_MANIFEST_DIR");

/// The engine's manifest as a crate of its own: no workspace lints, benches or dev-deps, which
/// the build script does not need.
fn standalone_manifest() -> String {
    let text = fs::read_to_string(Path::new(ENGINE).join("Cargo.toml")).unwrap();
    let mut out = String::new();
    let mut keep = true;
    for line in text.lines() {
        if line.starts_with('[') {
            keep = !matches!(line, "[dev-dependencies]" | "[[bench]]" | "[lints]");
        }
        if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("\n[workspace]\n");
    out
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Copies the engine and the data into a scratch tree, applies `edit` to catalog.json, and
/// builds it offline (the dependencies are already in cargo's cache). Returns (success, output).
/// The scratch target directory stays under target/tmp: the first run compiles the build
/// script's dependencies (about 10 s here), later runs only rerun the build script.
fn build_with_catalog(edit: impl FnOnce(&mut serde_json::Value)) -> (bool, String) {
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bad-data-build");
    let engine = scratch.join("engine");
    let data = scratch.join("data");
    let _ = fs::remove_dir_all(&engine);
    let _ = fs::remove_dir_all(&data);
    copy_dir(&Path::new(ENGINE).join("src"), &engine.join("src"));
    fs::copy(Path::new(ENGINE).join("build.rs"), engine.join("build.rs")).unwrap();
    fs::write(engine.join("Cargo.toml"), standalone_manifest()).unwrap();
    fs::copy(
        Path::new(ENGINE).join("../Cargo.lock"),
        engine.join("Cargo.lock"),
    )
    .unwrap();
    copy_dir(&Path::new(ENGINE).join("../data"), &data);

    let catalog_path = data.join("catalog.json");
    let mut catalog: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&catalog_path).unwrap()).unwrap();
    edit(&mut catalog);
    fs::write(&catalog_path, catalog.to_string()).unwrap();

    let output = Command::new(env!("CARGO"))
        .args(["build", "--offline", "--lib", "--manifest-path"])
        .arg(engine.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", scratch.join("target"))
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

#[test]
fn a_dangling_topic_in_the_catalog_stops_the_build_and_names_its_json_path() {
    let (ok, output) = build_with_catalog(|c| {
        c["shows"][0]["topics"][0] = "no-such-topic".into();
    });
    assert!(!ok, "the build succeeded with a dangling topic:\n{output}");
    assert!(
        output.contains("data/catalog.json: shows[0].topics[0]")
            && output.contains("unknown topic \"no-such-topic\""),
        "the build output does not name the problem and its path:\n{output}"
    );
    assert!(
        output.contains("the data in data/ has 1 problem(s)"),
        "{output}"
    );
}
