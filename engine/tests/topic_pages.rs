//! A topic's page on the shipped data: its episodes, the ones most about the topic first.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use podpath_engine::episodes::by_centrality;
use podpath_engine::Catalog;

fn catalog() -> Catalog {
    Catalog::embedded().expect("the embedded catalog decodes")
}

/// The episode of issue #27: tagged MLOps in passing (third of five topics), and the newest
/// with the tag, so the page used to open with it.
const BIOINFORMATICS: &str = "bioinformatics-worflows-tools-and-data-science";

#[test]
fn the_mlops_page_opens_with_episodes_about_mlops_and_not_with_the_bioinformatics_one() {
    let c = catalog();
    let mlops = c.topic("mlops").unwrap();
    let list = by_centrality(&c, "mlops");
    // The same episodes as before, only in another order.
    let mut ids: Vec<&str> = list.iter().map(|e| e.id.as_str()).collect();
    let mut all: Vec<&str> = c
        .episodes_for_topic("mlops")
        .map(|e| e.id.as_str())
        .collect();
    ids.sort_unstable();
    all.sort_unstable();
    assert_eq!(ids, all);
    // About MLOps: cited by its wiki page, or MLOps is the episode's main (first) topic.
    let about = |e: &podpath_engine::Episode| {
        mlops.episodes.contains(&e.id) || e.topics.first().is_some_and(|t| t.as_str() == "mlops")
    };
    for e in list.iter().take(10) {
        assert!(
            about(e),
            "{:?} ({:?}) opens the MLOps page",
            e.title,
            e.topics
        );
    }
    let bio = list
        .iter()
        .position(|e| e.id.as_str() == BIOINFORMATICS)
        .expect("the bioinformatics episode is still tagged MLOps");
    assert_ne!(bio, 0);
    assert!(
        list[..bio].iter().filter(|e| about(e)).count() == list.iter().filter(|e| about(e)).count(),
        "every episode about MLOps comes before the bioinformatics one"
    );
}

#[test]
fn every_topic_page_lists_cited_episodes_first_then_by_the_topics_place_in_the_episode() {
    let c = catalog();
    for t in &c.topics {
        let list = by_centrality(&c, t.id.as_str());
        let rank: Vec<(bool, usize)> = list
            .iter()
            .map(|e| {
                (
                    !t.episodes.contains(&e.id),
                    e.topics
                        .iter()
                        .position(|x| x == &t.id)
                        .unwrap_or(usize::MAX),
                )
            })
            .collect();
        assert!(rank.windows(2).all(|w| w[0] <= w[1]), "{}: {rank:?}", t.id);
    }
}
