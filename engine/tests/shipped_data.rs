//! The data that ships in the bundle: valid, complete, and true to the corrected facts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use podpath_engine::catalog::embedded;
use podpath_engine::validate::{check_all, for_bundle};
use podpath_engine::{Catalog, Status};

const SEED_SHOWS: [&str; 13] = [
    "talking-machines",
    "twiml-ai",
    "linear-digressions",
    "machine-learning-nishimoto",
    "gradient-dissent",
    "super-data-science",
    "practical-ai",
    "mlops-podcast",
    "data-skeptic",
    "dataframed",
    "lex-fridman",
    "freecodecamp-podcast",
    "datatalks-club",
];

fn checked() -> Catalog {
    match Catalog::from_sources_checked(embedded::sources()) {
        Ok(c) => c,
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("shipped data has problems:\n{}", list.join("\n"));
        }
    }
}

#[test]
fn shipped_data_passes_every_check() {
    assert!(check_all(embedded::sources()).is_ok());
}

#[test]
fn every_seed_show_is_in_the_catalog() {
    let catalog = checked();
    for id in SEED_SHOWS {
        assert!(catalog.show(id).is_some(), "missing seed show {id}");
    }
}

#[test]
fn at_least_ten_shows_beyond_the_seeds() {
    let catalog = checked();
    let extra = catalog
        .shows
        .iter()
        .filter(|s| !SEED_SHOWS.contains(&s.id.as_str()))
        .count();
    assert!(extra >= 10, "only {extra} shows beyond the seeds");
}

#[test]
fn corrected_facts_are_used_for_linear_digressions() {
    let catalog = checked();
    let ld = catalog.show("linear-digressions").expect("present");
    assert!(ld.hosts.iter().any(|h| h == "Katie Malone"));
    assert!(!ld.hosts.iter().any(|h| h.contains("Caitlin")));
    assert_eq!(ld.status, Status::Revived);
    assert!(ld
        .last_episode
        .as_ref()
        .is_some_and(|d| d.as_str().starts_with("2026")));
}

#[test]
fn the_topic_graph_has_all_wiki_topics_and_the_episodes() {
    let catalog = checked();
    assert_eq!(catalog.topics.len(), 272);
    assert!(catalog.episodes.len() >= 190);
    assert!(catalog.topic(catalog.hub.as_str()).is_some());
    let summaries = catalog
        .topics
        .iter()
        .filter(|t| t.summary.is_some())
        .count();
    assert!((30..=60).contains(&summaries), "{summaries} summaries");
}

#[test]
fn damaged_embedded_bytes_give_a_clear_error_not_a_panic() {
    let bytes = podpath_engine::catalog::embedded::ENCODED;
    for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
        let err = Catalog::decode(&bytes[..cut]).expect_err("truncated bytes must not decode");
        assert!(
            err.starts_with("the embedded catalog could not be decoded"),
            "{err}"
        );
    }
    let mut flipped = bytes.to_vec();
    flipped[0] = 0xff; // a schema version no varint of this size can hold
    flipped[1..6].fill(0xff);
    assert!(Catalog::decode(&flipped).is_err());
}

#[test]
fn bytes_after_the_embedded_data_are_reported_as_damage() {
    let mut longer = podpath_engine::catalog::embedded::ENCODED.to_vec();
    longer.extend_from_slice(&[0, 0, 0]);
    let err = Catalog::decode(&longer).expect_err("trailing bytes must not decode");
    assert!(err.contains("3 unexpected bytes at the end"), "{err}");
}

#[test]
fn the_embedded_bytes_decode_to_the_checked_json_without_its_source_urls() {
    let fast = Catalog::embedded().expect("the embedded catalog decodes");
    let slow = Catalog::from_files(for_bundle(
        check_all(embedded::sources()).expect("shipped data passes every check"),
    ));
    assert!(fast.shows.iter().all(|s| s.sources.is_empty()));
    assert!(checked().shows.iter().all(|s| !s.sources.is_empty()));
    assert_eq!(fast.shows, slow.shows);
    assert_eq!(fast.topics, slow.topics);
    assert_eq!(fast.episodes, slow.episodes);
    assert_eq!(
        (&fast.data_as_of, &fast.hub, &fast.episodes_show),
        (&slow.data_as_of, &slow.hub, &slow.episodes_show)
    );
    assert_eq!(
        (&fast.topic_source_url, &fast.episode_source_url),
        (&slow.topic_source_url, &slow.episode_source_url)
    );
}

#[test]
fn every_show_topic_lists_the_show_back() {
    let catalog = checked();
    for show in &catalog.shows {
        for t in &show.topics {
            assert!(catalog.shows_covering(t.as_str()).any(|s| s.id == show.id));
        }
    }
}

/// The balance issue #14 asks of the catalog: enough shows for beginners and for advanced
/// listeners, news shows, and more than one show that still publishes (or may) per main topic.
#[test]
fn the_catalog_keeps_its_balance() {
    let catalog = checked();
    let shows = &catalog.shows;
    let with_level =
        |l: podpath_engine::Level| shows.iter().filter(|s| s.levels.contains(&l)).count();
    assert!(shows.len() >= 30, "{} shows", shows.len());
    assert!(with_level(podpath_engine::Level::Beginner) >= 8);
    assert!(with_level(podpath_engine::Level::Advanced) >= 8);
    let news = shows
        .iter()
        .filter(|s| s.formats.contains(&podpath_engine::Format::News))
        .count();
    assert!(news >= 4, "{news} news shows");
    let groups: [(&str, &[&str]); 6] = [
        (
            "LLMs and agents",
            &[
                "llms",
                "agent-engineering",
                "generative-ai",
                "ai-engineering",
            ],
        ),
        (
            "MLOps",
            &[
                "mlops",
                "llmops",
                "ml-platforms",
                "machine-learning-infrastructure",
            ],
        ),
        (
            "data engineering",
            &["data-engineering", "data-pipelines", "modern-data-stack"],
        ),
        (
            "research",
            &[
                "applied-research",
                "reinforcement-learning",
                "interpretability",
            ],
        ),
        (
            "careers",
            &["career-growth", "data-science-careers", "job-search"],
        ),
        (
            "leadership and business",
            &[
                "leadership",
                "data-strategy",
                "data-teams",
                "machine-learning-for-business",
            ],
        ),
    ];
    for (name, topics) in groups {
        let n = shows
            .iter()
            .filter(|s| s.status != Status::Ended)
            .filter(|s| s.topics.iter().any(|t| topics.contains(&t.as_str())))
            .count();
        assert!(n >= 2, "{name}: {n} show(s)");
    }
    let unknown = shows.iter().filter(|s| s.status == Status::Unknown).count();
    assert!(unknown <= 3, "{unknown} shows of unknown status");
}

/// Every show whose status is known can be opened directly in Overcast and Pocket Casts (an
/// Apple id); one without must be of unknown status, which carries a note on what was searched.
#[test]
fn every_show_with_a_known_status_has_an_apple_id() {
    let catalog = checked();
    for show in &catalog.shows {
        let id = show
            .links
            .apple
            .as_deref()
            .and_then(podpath_engine::links::apple_id);
        assert!(
            id.is_some() || show.status == Status::Unknown,
            "{} has no Apple id",
            show.id
        );
    }
}
