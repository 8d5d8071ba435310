//! The catalog rules of schema 2, one per test, each on a small fixture
//! (`fixtures/small_catalog.json`, valid as shipped) with one deliberate break.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use podpath_engine::model::ShowsFile;
use podpath_engine::validate::{parse_file, validate_shows, Problem, CATALOG_SCHEMA_VERSION};
use serde_json::{json, Value};
use std::collections::HashSet;

const FIXTURE: &str = include_str!("fixtures/small_catalog.json");

/// Problems of the fixture after `edit`: the parse error if it no longer parses, else every
/// rule's findings.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut catalog: Value = serde_json::from_str(FIXTURE).unwrap();
    edit(&mut catalog);
    let text = catalog.to_string();
    let topics: HashSet<&str> = ["machine-learning", "deep-learning"].into();
    match parse_file::<ShowsFile>("catalog.json", CATALOG_SCHEMA_VERSION, &text) {
        Ok(file) => validate_shows(&file, &topics),
        Err(p) => vec![p],
    }
}

fn assert_reports(problems: &[Problem], path: &str, needle: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.path == path && p.message.contains(needle)),
        "expected {path}: …{needle}…, got {problems:#?}"
    );
}

#[test]
fn the_fixture_is_valid_as_it_stands() {
    assert_eq!(problems_after(|_| {}), Vec::new());
}

#[test]
fn unknown_status_without_a_note_on_what_was_searched_is_reported() {
    let p = problems_after(|c| {
        c["shows"][1].as_object_mut().unwrap().remove("status_note");
    });
    assert_reports(&p, "shows[1].status_note", "what was searched");
    let p = problems_after(|c| c["shows"][1]["status_note"] = json!("  "));
    assert_reports(&p, "shows[1].status_note", "what was searched");
}

#[test]
fn a_known_status_needs_the_last_episode_it_rests_on() {
    let p = problems_after(|c| c["shows"][0]["last_episode"] = Value::Null);
    assert_reports(
        &p,
        "shows[0].last_episode",
        "needs the date of the last episode",
    );
}

#[test]
fn active_with_no_episode_for_over_a_year_is_reported() {
    let p = problems_after(|c| c["shows"][0]["last_episode"] = json!("2025-10"));
    assert_reports(&p, "shows[0].status", "more than a year before 2026-11-27");
    // Ended shows may be as old as they are.
    let p = problems_after(|c| {
        c["shows"][0]["last_episode"] = json!("2019");
        c["shows"][0]["status"] = json!("ended");
    });
    assert_eq!(p, Vec::new());
}

#[test]
fn a_start_episode_without_the_evergreen_flag_fails_with_its_path() {
    let p = problems_after(|c| {
        c["shows"][0]["start_here"][1]
            .as_object_mut()
            .unwrap()
            .remove("evergreen");
    });
    assert_reports(&p, "shows[0].start_here[1]", "missing field `evergreen`");
}

#[test]
fn a_start_episode_needs_its_minutes() {
    let p = problems_after(|c| c["shows"][0]["start_here"][0]["minutes"] = Value::Null);
    assert_reports(&p, "shows[0].start_here[0].minutes", "invalid type: null");
    let p = problems_after(|c| c["shows"][0]["start_here"][0]["minutes"] = json!(0));
    assert_reports(&p, "shows[0].start_here[0].minutes", "between 1 and 600");
}

#[test]
fn recaps_trailers_and_housekeeping_are_never_start_episodes() {
    for title in [
        "SDS 964: In Case You Missed It in January 2026",
        "Season 3 Trailer",
        "2025 Year in Review",
        "Housekeeping and a schedule change",
    ] {
        let p = problems_after(|c| c["shows"][0]["start_here"][0]["title"] = json!(title));
        assert_reports(&p, "shows[0].start_here[0].title", "not a first episode");
    }
}

#[test]
fn a_live_show_needs_two_or_three_start_episodes() {
    let p = problems_after(|c| {
        c["shows"][0]["start_here"].as_array_mut().unwrap().pop();
    });
    assert_reports(
        &p,
        "shows[0].start_here",
        "needs 2-3 start-here episodes (has 1)",
    );
    let p = problems_after(|c| {
        let first = c["shows"][0]["start_here"][0].clone();
        let list = c["shows"][0]["start_here"].as_array_mut().unwrap();
        list.push(first.clone());
        list.push(first);
    });
    assert_reports(&p, "shows[0].start_here", "more than 3");
}

#[test]
fn links_and_start_episode_urls_must_be_https() {
    let p = problems_after(|c| {
        c["shows"][0]["links"]["rss"] = json!("http://live.example.org/feed.xml");
        c["shows"][0]["start_here"][0]["url"] = json!("http://live.example.org/1");
    });
    assert_reports(&p, "shows[0].links.rss", "not an https URL");
    assert_reports(&p, "shows[0].start_here[0].url", "not an https URL");
}

#[test]
fn a_feed_needs_its_own_source() {
    let p = problems_after(|c| {
        c["shows"][0]["sources"]
            .as_object_mut()
            .unwrap()
            .remove("feed");
    });
    assert_reports(&p, "shows[0].sources.feed", "needs at least one source");
}

#[test]
fn an_older_or_newer_schema_version_is_refused() {
    for version in [1, 3] {
        let p = problems_after(|c| c["schema_version"] = json!(version));
        assert_reports(&p, "schema_version", "not supported (this engine reads 2)");
    }
}

#[test]
fn a_draft_placeholder_left_in_a_text_fails() {
    let problems = problems_after(|c| {
        c["shows"][0]["description"] = json!("DRAFT: two sentences in your own words");
        c["shows"][0]["level_reason"] = json!("  DRAFT: who it suits");
    });
    assert_reports(&problems, "shows[0].description", "draft placeholder");
    assert_reports(&problems, "shows[0].level_reason", "draft placeholder");
}

#[test]
fn every_known_fact_needs_a_source_under_its_own_key() {
    // The facts data/README.md lists (the fixture has no publisher; the feed has its own test).
    for key in [
        "hosts",
        "started",
        "status",
        "cadence",
        "length",
        "start_here",
    ] {
        let p = problems_after(|c| {
            c["shows"][0]["sources"]
                .as_object_mut()
                .unwrap()
                .remove(key);
        });
        assert_reports(
            &p,
            &format!("shows[0].sources.{key}"),
            "needs at least one source",
        );
    }
}

#[test]
fn an_unknown_status_with_a_last_episode_needs_the_source_that_dated_it() {
    let p = problems_after(|c| c["shows"][1]["last_episode"] = json!("2024-02-26"));
    assert_reports(&p, "shows[1].sources.status", "needs at least one source");
}

#[test]
fn a_draft_source_and_an_empty_format_list_from_add_fail_with_their_paths() {
    let p = problems_after(|c| {
        c["shows"][0]["sources"]["feed"] = json!(["DRAFT: two public files naming this feed"]);
        c["shows"][0]["formats"] = json!([]);
    });
    assert_reports(
        &p,
        "shows[0].sources.feed[0]",
        "not an absolute http(s) URL",
    );
    assert_reports(&p, "shows[0].formats", "at least one format");
}
