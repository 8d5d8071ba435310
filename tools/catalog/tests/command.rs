//! The command end to end: `podpath_catalog refresh` and `add` run as a maintainer runs them,
//! on a copy of the real catalog whose feeds are read from the loopback fixture server.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use podpath_engine::validate::{check_all, Sources};
use serde_json::Value;
use support::FixtureServer;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
/// The facts refresh may change; everything else in a show is curated.
const DERIVED: [&str; 7] = [
    "status",
    "status_note",
    "last_episode",
    "checked",
    "cadence",
    "length",
    "sources",
];

/// A scratch copy of `data/` (catalog, topics, episodes) that the test may overwrite.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch dir");
    for file in ["catalog.json", "topics.json", "episodes.json"] {
        std::fs::copy(Path::new(DATA).join(file), dir.join(file)).expect("copied");
    }
    dir
}

fn run(args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podpath_catalog"))
        .args(args)
        .output()
        .expect("the command runs")
}

fn words(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_string).collect()
}

fn load(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON")
}

fn shows(doc: &Value) -> &Vec<Value> {
    doc["shows"].as_array().expect("shows")
}

fn ids_with_feeds(doc: &Value) -> Vec<String> {
    shows(doc)
        .iter()
        .filter(|s| s["links"]["rss"].is_string())
        .map(|s| s["id"].as_str().expect("id").to_string())
        .collect()
}

fn validates(dir: &Path) -> bool {
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("readable");
    let (catalog, topics, episodes) = (
        read("catalog.json"),
        read("topics.json"),
        read("episodes.json"),
    );
    check_all(Sources {
        catalog: &catalog,
        topics: &topics,
        episodes: &episodes,
    })
    .is_ok()
}

#[test]
fn refresh_updates_derived_facts_reports_failures_and_keeps_the_file_valid() {
    let server = FixtureServer::start();
    let dir = scratch("refresh");
    let catalog = dir.join("catalog.json");
    let before = load(&catalog);
    let ids = ids_with_feeds(&before);
    assert!(ids.len() >= 6, "the catalog has feeds to refresh");
    let fixtures = [
        "/ended-2019.xml",
        "/revived.xml",
        "/odd.xml",
        "/atom.xml",
        "/weekly/w.xml",
    ];
    let failing = ids.len() / 2;
    // A show with no start-here episodes cannot become active (the validator requires 2-3):
    // those read a feed that ended, except one, whose update the validator must reject.
    let no_start = |id: &str| {
        shows(&before)
            .iter()
            .any(|s| s["id"] == id && s["start_here"].as_array().is_none_or(Vec::is_empty))
    };
    let rejected = (1..ids.len())
        .find(|&i| i != failing && no_start(&ids[i]))
        .expect("a show without start-here episodes");
    let mut args = words(&format!(
        "refresh --catalog {} --today 2026-11-27",
        catalog.display()
    ));
    for (i, id) in ids.iter().enumerate() {
        let path = if i == failing {
            "/error"
        } else if i == rejected {
            "/weekly/w.xml"
        } else if no_start(id) {
            "/ended-2019.xml"
        } else {
            fixtures[i % fixtures.len()]
        };
        args.push("--feed".into());
        args.push(format!("{id}={}", server.url(path)));
    }
    let out = run(&args);
    let stdout = String::from_utf8_lossy(&out.stdout);
    std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("refresh-table.txt"),
        stdout.as_bytes(),
    )
    .expect("saved for the closing note");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "some feeds failed: {stdout}\n{stderr}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with(&format!("{} ", ids[failing]))
                && l.contains("FAILED        HTTP 500 Internal Server Error")),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with(&format!("{} ", ids[rejected]))
                && l.contains("FAILED        update rejected by the validator")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{} of {} feeds read", ids.len() - 2, ids.len())),
        "{stdout}"
    );
    assert!(stdout
        .contains("the feed says it moved (itunes:new-feed-url): https://new.example.org/odd.xml"));
    assert!(stdout.contains("→ 2019-06-14"), "{stdout}");
    assert!(validates(&dir), "the written catalog passes the validator");

    let after = load(&catalog);
    let text = std::fs::read_to_string(&catalog).expect("readable");
    assert!(
        text == podpath_catalog::catalog_file::render(&after),
        "same formatting"
    );
    for (old, new) in shows(&before).iter().zip(shows(&after)) {
        let id = old["id"].as_str().expect("id");
        let (old, new) = (
            old.as_object().expect("show"),
            new.as_object().expect("show"),
        );
        for (key, value) in old {
            if !DERIVED.contains(&key.as_str()) {
                assert_eq!(
                    Some(value),
                    new.get(key),
                    "{id}.{key} is curated: untouched"
                );
            }
        }
        if id == ids[failing] || id == ids[rejected] || !ids.iter().any(|i| i == id) {
            assert_eq!(old, new, "{id} was not read: unchanged");
            continue;
        }
        assert_eq!(new["checked"], "2026-11-27", "{id}");
        for (field, list) in old["sources"].as_object().expect("sources") {
            let kept = new["sources"][field].as_array().expect("a list");
            assert!(
                list.as_array()
                    .expect("list")
                    .iter()
                    .all(|u| kept.contains(u)),
                "{id}: sources only grow"
            );
        }
    }
    let nth = |i: usize| {
        &shows(&after)[shows(&after)
            .iter()
            .position(|s| s["id"] == ids[i])
            .expect("there")]
    };
    let ended = nth(0);
    assert_eq!(
        (ended["status"].as_str(), ended["last_episode"].as_str()),
        (Some("ended"), Some("2019-06-14"))
    );
    let feed = ended["links"]["rss"].as_str().expect("feed");
    let status_sources = ended["sources"]["status"].as_array().expect("list");
    assert!(
        status_sources.iter().any(|u| u == feed),
        "the catalog's own feed URL is the source, not the mirror"
    );
    assert!(!status_sources
        .iter()
        .any(|u| u.as_str().is_some_and(|u| u.contains("127.0.0.1"))));
    assert_eq!(nth(1)["status"], "revived");
    assert_eq!(nth(2)["length"], serde_json::json!({"min": 45, "max": 62}));
    assert_eq!(after["data_as_of"], "2026-11-27");
}

#[test]
fn dry_run_prints_the_changes_and_writes_nothing() {
    let server = FixtureServer::start();
    let dir = scratch("dry-run");
    let catalog = dir.join("catalog.json");
    let before = std::fs::read(&catalog).expect("readable");
    let id = ids_with_feeds(&load(&catalog))[0].clone();
    let out = run(&words(&format!(
        "refresh --catalog {} --only {id} --feed {id}={} --dry-run --today 2026-11-27",
        catalog.display(),
        server.url("/ended-2019.xml")
    )));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with(&format!("{id} ")) && l.contains("→")),
        "{stdout}"
    );
    assert!(stdout.contains("1 of 1 feeds read"), "{stdout}");
    assert!(stdout.contains("dry run"), "{stdout}");
    assert_eq!(std::fs::read(&catalog).expect("readable"), before);
}

#[test]
fn usage_and_file_errors_exit_2_and_write_nothing() {
    let dir = scratch("usage");
    let catalog = dir.join("catalog.json");
    let before = std::fs::read(&catalog).expect("readable");
    let c = catalog.display();
    for line in [
        format!("refresh --catalog {c} --only no-such-show"),
        format!("refresh --catalog {c} --feed x=http://feeds.example.org/x.xml"),
        format!("refresh --catalog {}/missing.json", dir.display()),
        format!("refresh --catalog {c} --today tomorrow"),
        "add http://feeds.example.org/plain.xml".to_string(),
        "frobnicate".to_string(),
    ] {
        let out = run(&words(&line));
        assert_eq!(
            out.status.code(),
            Some(2),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stderr.is_empty(), "{line} says why");
    }
    std::fs::write(&catalog, b"{\"schema_version\": 2, \"shows\": [").expect("written");
    let out = run(&words(&format!("refresh --catalog {c}")));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 1"),
        "points at the JSON problem"
    );
    let _ = before;
}

#[test]
fn add_drafts_an_entry_that_the_validator_rejects_until_it_is_finished() {
    let server = FixtureServer::start();
    let dir = scratch("add");
    let catalog = dir.join("catalog.json");
    let out = run(&words(&format!(
        "add {} --catalog {} --today 2026-11-27",
        server.url("/odd.xml"),
        catalog.display()
    )));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("add-draft.txt"),
        format!("{stdout}\n{stderr}"),
    )
    .expect("saved for the closing note");
    let draft: Value = serde_json::from_str(&stdout).expect("the draft is JSON");
    assert_eq!(draft["id"], "odd-dates-durations");
    assert_eq!(draft["title"], "Odd Dates & Durations");
    assert_eq!(
        draft["hosts"],
        serde_json::json!(["Dee Host", "Eve Cohost"])
    );
    assert_eq!(draft["links"]["rss"], server.url("/odd.xml"));
    assert_eq!(
        draft["links"]["apple"],
        "https://podcasts.apple.com/us/podcast/odd-dates/id1234567890"
    );
    assert_eq!(
        (draft["status"].as_str(), draft["last_episode"].as_str()),
        (Some("active"), Some("2026-11-25"))
    );
    assert_eq!(draft["cadence"], "weekly");
    assert!(stderr.contains("itunes:new-feed-url"), "{stderr}");
    for unfinished in [
        "show.description",
        "show.level_reason",
        "show.formats",
        "show.levels",
        "show.topics",
        "show.start_here",
    ] {
        assert!(
            stderr.contains(unfinished),
            "{unfinished} listed as to do: {stderr}"
        );
    }
    // Pasted as it is, the draft fails the build.
    let mut doc = load(&catalog);
    doc["shows"].as_array_mut().expect("shows").push(draft);
    std::fs::write(&catalog, podpath_catalog::catalog_file::render(&doc)).expect("written");
    assert!(!validates(&dir));
}

#[test]
fn refresh_of_40_feeds_is_timed() {
    let server = FixtureServer::start();
    let dir = scratch("forty");
    let catalog = dir.join("catalog.json");
    let mut doc = load(&catalog);
    let template = shows(&doc)
        .iter()
        .find(|s| s["links"]["rss"].is_string() && s["status"] == "active")
        .expect("an active show with a feed")
        .clone();
    let mut args = words(&format!(
        "refresh --catalog {} --today 2026-11-27",
        catalog.display()
    ));
    let list = doc["shows"].as_array_mut().expect("shows");
    for i in 0..40 {
        let mut show = template.clone();
        show["id"] = format!("fixture-{i}").into();
        show["links"]["rss"] = format!("https://feeds.example.org/{i}.xml").into();
        list.push(show);
        args.extend(["--only".into(), format!("fixture-{i}"), "--feed".into()]);
        args.push(format!(
            "fixture-{i}={}",
            server.url(&format!("/weekly/{i}.xml"))
        ));
    }
    std::fs::write(&catalog, podpath_catalog::catalog_file::render(&doc)).expect("written");
    let started = Instant::now();
    let out = run(&args);
    let seconds = started.elapsed().as_secs_f64();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("40 of 40 feeds read"), "{stdout}");
    let line = format!(
        "refresh of 40 fixture feeds (each answered after {} ms, 8 at a time): {seconds:.2} s wall, including validation and writing\n",
        support::WEEKLY_DELAY.as_millis()
    );
    std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("refresh-40-feeds.txt"),
        &line,
    )
    .expect("saved");
    assert!(validates(&dir));
}
