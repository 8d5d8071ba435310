//! Browse for episodes: the DataTalks.Club episodes filtered by search, topic, length and
//! platform, with the same live-count rule as the shows (a value's count is what ticking it
//! would leave); and a topic page's episodes, the ones most about the topic first.

use crate::catalog::Catalog;
use crate::filter::{Filters, LengthBucket, Platform, Sort};
use crate::model::{Episode, TopicId};
use crate::search::SearchIndex;
use crate::set::{Counts, Set};
use crate::sorting;

/// Counts per facet value for episodes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EpisodeFacets {
    pub topics: Counts<TopicId>,
    pub lengths: Counts<LengthBucket>,
    pub platforms: Counts<Platform>,
}

/// The filtered episodes (indices into `Catalog::episodes`) and their facet counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EpisodeResults {
    pub hits: Vec<usize>,
    pub facets: EpisodeFacets,
}

/// The length band of an episode (unknown length: none).
pub fn bucket(ep: &Episode) -> Option<LengthBucket> {
    let m = u16::try_from(ep.minutes()?).ok()?;
    LengthBucket::ALL.into_iter().find(|b| {
        let (lo, hi) = b.bounds();
        (lo..=hi).contains(&m)
    })
}

fn offers(ep: &Episode, p: Platform) -> bool {
    match p {
        Platform::Apple => ep.links.apple.is_some(),
        Platform::Spotify => ep.links.spotify.is_some(),
        Platform::YouTube => ep.links.youtube.is_some(),
        Platform::Rss => false,
    }
}

/// Topics of an episode: its own tags that name a topic, plus the topics whose wiki page cites it.
pub fn topics_of(catalog: &Catalog, i: usize) -> Set<&TopicId> {
    let mut out: Set<&TopicId> = Set::new();
    if let Some(ep) = catalog.episodes.get(i) {
        out.extend(ep.topics.iter());
    }
    out.extend(catalog.topics_citing(i));
    out
}

/// Applies the search, topic, length and platform filters to the episodes.
pub fn apply(catalog: &Catalog, index: &SearchIndex<'_>, filters: &Filters) -> EpisodeResults {
    let terms = index.terms(&filters.query);
    let mut out = EpisodeResults::default();
    let mut scored: Vec<(u32, usize)> = Vec::new();
    for (i, ep) in catalog.episodes.iter().enumerate() {
        let score = if terms.is_empty() {
            0
        } else {
            match index.score_episode(i, &terms) {
                Some(s) => s,
                None => continue,
            }
        };
        let topics = topics_of(catalog, i);
        let b = bucket(ep);
        let pass = [
            filters.topics.is_empty() || filters.topics.iter().any(|t| topics.contains(t)),
            filters.lengths.is_empty() || b.is_some_and(|b| filters.lengths.contains(&b)),
            filters.platforms.is_empty() || filters.platforms.iter().any(|p| offers(ep, *p)),
        ];
        let fails: Vec<usize> = (0..3).filter(|&f| !pass[f]).collect();
        let counts = |f: usize| fails.is_empty() || fails == [f];
        if counts(0) {
            for t in &topics {
                out.facets.topics.add((*t).clone(), 1);
            }
        }
        if counts(1) {
            if let Some(b) = b {
                out.facets.lengths.add(b, 1);
            }
        }
        if counts(2) {
            for p in Platform::ALL.into_iter().filter(|p| offers(ep, *p)) {
                out.facets.platforms.add(p, 1);
            }
        }
        if fails.is_empty() {
            scored.push((score, i));
        }
    }
    let eps = &catalog.episodes;
    match filters.sort {
        Sort::BestMatch | Sort::Recent => sorting::sort_by(&mut scored, |a, b| {
            b.0.cmp(&a.0)
                .then_with(|| eps[b.1].date.cmp(&eps[a.1].date))
                .then_with(|| a.1.cmp(&b.1))
        }),
        Sort::Shortest => sorting::sort_by_key(&mut scored, |&(_, i)| {
            (eps[i].duration_s.unwrap_or(u32::MAX), i)
        }),
        Sort::Az => sorting::sort_by(&mut scored, |a, b| eps[a.1].title.cmp(&eps[b.1].title)),
    }
    out.hits = scored.into_iter().map(|(_, i)| i).collect();
    out
}

/// Every topic with at least one episode, most-covered first: the episode topic facet's order.
pub fn topic_order(catalog: &Catalog, index: &SearchIndex<'_>) -> Vec<TopicId> {
    crate::filter::by_count_desc(apply(catalog, index, &Filters::default()).facets.topics)
}

/// A topic's episodes (those its wiki page cites or that are tagged with it), the ones most
/// about the topic first. An episode tagged with ten topics names this one in passing; the
/// reader of a topic page wants the ones about it. Centrality, each rule deciding only where
/// the ones before it tie:
/// 1. episodes the topic's wiki page cites, before the rest (the wiki chose them for the topic);
/// 2. where the topic stands in the episode's own topic list: first means it is the episode's
///    main subject (an episode only cited, not tagged, counts as after every tagged place);
/// 3. fewer topics first: a focused episode before a broad one;
/// 4. newest first (an undated one last); then by title, then id, so the order is stable.
pub fn by_centrality<'a>(catalog: &'a Catalog, topic_id: &str) -> Vec<&'a Episode> {
    let cited: Set<&str> = catalog
        .topic(topic_id)
        .map(|t| t.episodes.iter().map(|e| e.as_str()).collect())
        .unwrap_or_default();
    let mut list: Vec<&Episode> = catalog.episodes_for_topic(topic_id).collect();
    sorting::sort_by_key(&mut list, |e| {
        (
            !cited.contains(e.id.as_str()),
            e.topics
                .iter()
                .position(|t| t.as_str() == topic_id)
                .unwrap_or(usize::MAX),
            e.topics.len(),
            std::cmp::Reverse(e.date.clone()),
            e.title.clone(),
            e.id.as_str().to_owned(),
        )
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn setup() -> Result<(&'static Catalog, SearchIndex<'static>), String> {
        let c: &'static Catalog = Box::leak(Box::new(Catalog::embedded()?));
        Ok((c, SearchIndex::new(c)))
    }

    #[test]
    fn topic_and_length_narrow_the_episodes_and_counts_follow() -> Result<(), String> {
        let (c, i) = setup()?;
        let all = apply(c, &i, &Filters::default());
        assert_eq!(all.hits.len(), c.episodes.len());
        let mut f = Filters::default();
        f.topics.insert(TopicId::from("mlops"));
        let mlops = apply(c, &i, &f);
        assert_eq!(mlops.hits.len(), all.facets.topics.get("mlops"));
        f.lengths.insert(LengthBucket::From45To90);
        let both = apply(c, &i, &f);
        assert_eq!(
            both.hits.len(),
            mlops.facets.lengths.get(&LengthBucket::From45To90)
        );
        assert!(both.hits.len() <= mlops.hits.len());
        Ok(())
    }

    #[test]
    fn topic_order_puts_the_most_covered_topics_first() -> Result<(), String> {
        let (c, i) = setup()?;
        let order = topic_order(c, &i);
        let counts = apply(c, &i, &Filters::default()).facets.topics;
        assert_eq!(order.len(), counts.len());
        assert!(order
            .windows(2)
            .all(|w| counts.get(&w[0]) >= counts.get(&w[1])));
        let shows = crate::filter::topic_order(c);
        assert!(shows
            .iter()
            .all(|t| c.shows.iter().any(|s| s.topics.contains(t))));
        Ok(())
    }

    #[test]
    fn guests_are_searchable() -> Result<(), String> {
        let (c, i) = setup()?;
        let guest = c
            .episodes
            .iter()
            .find_map(|e| e.guests.first())
            .ok_or("no episode names a guest")?
            .clone();
        let f = Filters {
            query: guest.to_lowercase(),
            ..Filters::default()
        };
        let r = apply(c, &i, &f);
        assert!(r
            .hits
            .iter()
            .any(|&h| c.episodes[h].guests.contains(&guest)));
        Ok(())
    }

    fn fixture_episode(id: &str, topics: &[&str], date: Option<&str>) -> Episode {
        Episode {
            id: EpisodeId::from(id),
            title: format!("Episode {id}"),
            short: String::new(),
            season: None,
            episode: None,
            guests: Vec::new(),
            tags: Vec::new(),
            topics: topics.iter().map(|&t| TopicId::from(t)).collect(),
            date: date.map(|d| IsoDate(d.to_owned())),
            duration_s: None,
            links: EpisodeLinks::default(),
            url: format!("https://example.org/{id}"),
        }
    }

    #[test]
    fn topic_episodes_go_cited_then_main_subject_then_focused_then_newest() {
        let topic = |id: &str, cites: &[&str]| Topic {
            id: TopicId::from(id),
            title: id.to_owned(),
            url: format!("https://example.org/wiki/{id}"),
            kind: TopicKind::Concept,
            level: Level::Beginner,
            summary: None,
            related: Vec::new(),
            episodes: cites.iter().map(|&e| EpisodeId::from(e)).collect(),
        };
        let episodes = vec![
            // The newest, and tagged with the topic, but only in passing: last.
            fixture_episode(
                "passing",
                &["bioinformatics", "llms", "mlops"],
                Some("2026-01-01"),
            ),
            fixture_episode("broad-undated", &["mlops", "llms", "tools"], None),
            fixture_episode("broad-old", &["mlops", "llms", "tools"], Some("2021-01-01")),
            fixture_episode("broad-new", &["mlops", "llms", "tools"], Some("2025-01-01")),
            fixture_episode("focused", &["mlops"], Some("2020-01-01")),
            // Cited by the wiki page without the tag: after the cited one that has it.
            fixture_episode("cited-untagged", &["llms"], Some("2019-01-01")),
            fixture_episode(
                "cited-in-passing",
                &["llms", "tools", "mlops"],
                Some("2018-01-01"),
            ),
            fixture_episode("unrelated", &["llms"], Some("2026-02-01")),
        ];
        let c = Catalog::from_files(crate::validate::Files {
            shows: ShowsFile {
                schema_version: 2,
                data_as_of: IsoDate("2026-03-01".to_owned()),
                shows: Vec::new(),
            },
            topics: TopicsFile {
                schema_version: 1,
                source: String::new(),
                source_url: String::new(),
                hub: TopicId::from("mlops"),
                topics: vec![
                    topic("mlops", &["cited-in-passing", "cited-untagged"]),
                    topic("llms", &[]),
                ],
            },
            episodes: EpisodesFile {
                schema_version: 1,
                show: ShowId::from("dtc"),
                source: String::new(),
                source_url: String::new(),
                episodes,
            },
        });
        let order: Vec<&str> = by_centrality(&c, "mlops")
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(
            order,
            [
                "cited-in-passing",
                "cited-untagged",
                "focused",
                "broad-new",
                "broad-old",
                "broad-undated",
                "passing"
            ]
        );
        assert!(by_centrality(&c, "no-such-topic").is_empty());
    }

    #[test]
    fn default_order_is_most_recent_first() -> Result<(), String> {
        let (c, i) = setup()?;
        let r = apply(c, &i, &Filters::default());
        let dates: Vec<_> = r.hits.iter().map(|&h| c.episodes[h].date.clone()).collect();
        let mut sorted = dates.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(dates, sorted);
        Ok(())
    }
}
