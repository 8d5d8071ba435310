//! Each class of data error is caught, with the JSON path of the problem. The fixtures are the
//! shipped files with one deliberate break each, so every other part stays valid.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use podpath_engine::catalog::embedded;
use podpath_engine::validate::{check_all, Problem, Sources};
use serde_json::{json, Value};

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("shipped JSON parses")
}

/// Problems after `edit` is applied to one of the three files.
fn problems_after(file: &str, edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut catalog = parse(embedded::CATALOG);
    let mut topics = parse(embedded::TOPICS);
    let mut episodes = parse(embedded::EPISODES);
    match file {
        "catalog" => edit(&mut catalog),
        "topics" => edit(&mut topics),
        "episodes" => edit(&mut episodes),
        other => panic!("no file {other}"),
    }
    let (c, t, e) = (
        catalog.to_string(),
        topics.to_string(),
        episodes.to_string(),
    );
    match check_all(Sources {
        catalog: &c,
        topics: &t,
        episodes: &e,
    }) {
        Ok(_) => Vec::new(),
        Err(p) => p,
    }
}

fn assert_reports(problems: &[Problem], file: &str, path: &str, needle: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.file == file && p.path == path && p.message.contains(needle)),
        "expected {file}: {path}: …{needle}…, got {problems:#?}"
    );
}

#[test]
fn unknown_topic_on_a_show_is_reported_with_its_path() {
    let p = problems_after("catalog", |c| c["shows"][4]["topics"][0] = json!("mlopz"));
    assert_reports(
        &p,
        "catalog.json",
        "shows[4].topics[0]",
        "unknown topic \"mlopz\"",
    );
}

#[test]
fn duplicate_show_ids_are_reported() {
    let p = problems_after("catalog", |c| {
        let first = c["shows"][0]["id"].clone();
        c["shows"][1]["id"] = first;
    });
    assert_reports(&p, "catalog.json", "shows[1].id", "duplicate id");
}

#[test]
fn unknown_enum_value_fails_parsing_with_its_path() {
    let p = problems_after("catalog", |c| {
        c["shows"][2]["formats"][0] = json!("podcast")
    });
    assert_reports(&p, "catalog.json", "shows[2].formats[0]", "unknown variant");
}

#[test]
fn misspelt_field_fails_parsing() {
    let p = problems_after("catalog", |c| c["shows"][0]["titel"] = json!("x"));
    assert_reports(
        &p,
        "catalog.json",
        "shows[0].titel",
        "unknown field `titel`",
    );
}

#[test]
fn non_https_links_are_reported() {
    let p = problems_after("catalog", |c| {
        c["shows"][0]["links"]["website"] = json!("http://example.com/")
    });
    assert_reports(
        &p,
        "catalog.json",
        "shows[0].links.website",
        "not an https URL",
    );
    let p = problems_after("catalog", |c| {
        c["shows"][0]["links"]["website"] = json!("javascript:alert(1)")
    });
    assert_reports(
        &p,
        "catalog.json",
        "shows[0].links.website",
        "not an https URL",
    );
}

#[test]
fn malformed_dates_are_reported() {
    let p = problems_after("catalog", |c| c["shows"][3]["checked"] = json!("July 2026"));
    assert_reports(&p, "catalog.json", "shows[3].checked", "not an ISO date");
    let p = problems_after("episodes", |e| {
        e["episodes"][0]["date"] = json!("2023-02-30")
    });
    assert_reports(&p, "episodes.json", "episodes[0].date", "not an ISO date");
}

#[test]
fn insane_lengths_are_reported() {
    let p = problems_after("catalog", |c| {
        c["shows"][0]["length"] = json!({"min": 90, "max": 20})
    });
    assert_reports(&p, "catalog.json", "shows[0].length", "not a sane range");
}

#[test]
fn a_show_needs_a_level_a_topic_and_a_link() {
    let p = problems_after("catalog", |c| {
        c["shows"][0]["levels"] = json!([]);
        c["shows"][0]["topics"] = json!([]);
        c["shows"][0]["links"] = json!({});
    });
    assert_reports(&p, "catalog.json", "shows[0].levels", "at least one level");
    assert_reports(&p, "catalog.json", "shows[0].topics", "at least one topic");
    assert_reports(&p, "catalog.json", "shows[0].links", "at least one link");
}

#[test]
fn a_known_fact_without_a_source_is_reported() {
    let p = problems_after("catalog", |c| {
        c["shows"][0]["hosts"] = json!(["Someone"]);
        c["shows"][0]["sources"]["hosts"] = json!([]);
    });
    assert_reports(
        &p,
        "catalog.json",
        "shows[0].sources.hosts",
        "needs at least one source",
    );
}

#[test]
fn dangling_graph_edges_and_citations_are_reported() {
    let p = problems_after("topics", |t| {
        t["topics"][0]["related"] = json!(["no-such-topic"]);
        t["topics"][1]["episodes"] = json!(["no-such-episode"]);
    });
    assert_reports(&p, "topics.json", "topics[0].related[0]", "unknown topic");
    assert_reports(
        &p,
        "topics.json",
        "topics[1].episodes[0]",
        "unknown episode",
    );
}

#[test]
fn episode_topics_and_show_must_resolve() {
    let p = problems_after("episodes", |e| {
        e["show"] = json!("nobody");
        e["episodes"][0]["topics"] = json!(["nope"]);
    });
    assert_reports(&p, "episodes.json", "show", "unknown show");
    assert_reports(
        &p,
        "episodes.json",
        "episodes[0].topics[0]",
        "unknown topic",
    );
}

#[test]
fn an_unsupported_schema_version_is_refused() {
    let p = problems_after("topics", |t| t["schema_version"] = json!(2));
    assert_reports(&p, "topics.json", "schema_version", "not supported");
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let p = problems_after("catalog", |c| {
        for i in 0..3 {
            c["shows"][i]["topics"][0] = json!("nope");
        }
    });
    assert_eq!(
        p.iter()
            .filter(|x| x.message.contains("unknown topic"))
            .count(),
        3
    );
}

#[test]
fn not_json_at_all_is_a_clear_problem() {
    let got = check_all(Sources {
        catalog: "{not json",
        ..embedded::sources()
    });
    let problems = got.expect_err("fails");
    assert_eq!(problems.len(), 1);
    assert!(problems[0]
        .to_string()
        .starts_with("catalog.json: not valid JSON"));
}
