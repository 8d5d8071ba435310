//! The topic graph: integrity and walks (the map's layout is tested in `map.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use podpath_engine::graph::*;
use podpath_engine::Catalog;

fn catalog() -> Catalog {
    Catalog::embedded().expect("the embedded catalog decodes")
}

#[test]
fn every_edge_resolves_and_unconnected_topics_are_listed() {
    let c = catalog();
    for t in &c.topics {
        for r in &t.related {
            assert!(c.topic(r.as_str()).is_some(), "{} -> {}", t.id, r);
        }
    }
    let unreachable = unreachable_from_hub(&c);
    // The wiki has comparison and roadmap pages with no related list at all; they are the
    // only ones unreachable from Machine Learning.
    for id in &unreachable {
        let i = c.topic_position(id.as_str()).unwrap();
        assert!(
            neighbours(&c, i).is_empty(),
            "{id} has neighbours but is unreachable"
        );
    }
    println!(
        "unreachable from the hub ({}): {:?}",
        unreachable.len(),
        unreachable
    );
    assert!(unreachable.len() < c.topics.len() / 4);
}

#[test]
fn neighbours_are_symmetric() {
    let c = catalog();
    for a in 0..c.topics.len() {
        for b in neighbours(&c, a) {
            assert!(neighbours(&c, b).contains(&a));
        }
    }
}

#[test]
fn learn_next_walks_neighbours_without_going_down_in_level() {
    let c = catalog();
    let start = c.topic_position("machine-learning").unwrap();
    let path = learn_next(&c, start, 4);
    assert!(!path.is_empty());
    let mut prev = start;
    for &p in &path {
        assert!(
            neighbours(&c, prev).contains(&p),
            "consecutive steps are neighbours"
        );
        assert!(c.topics[p].level >= c.topics[prev].level);
        prev = p;
    }
}

#[test]
fn suggestions_match_prefixes_and_typos() {
    let c = catalog();
    let ids = |q: &str| {
        suggest(&c, q, 5)
            .into_iter()
            .map(|i| c.topics[i].id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("mlops").first().map(String::as_str), Some("mlops"));
    assert!(ids("monit").contains(&"model-monitoring".to_string()));
    assert!(ids("interpretabilty").contains(&"interpretability".to_string()));
    assert!(ids("").is_empty());
}
