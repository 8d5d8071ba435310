//! The loaded catalog: the three data files joined and indexed once, with lookups that never
//! panic on a missing id.

use crate::model::*;
use crate::sorting;
use crate::validate::{self, Files, Problem, Sources};

/// The shipped data files as text, for the validator and the tests (the bundle itself carries
/// them as the bytes `build.rs` encodes with `bundle` once they pass validation).
pub mod embedded {
    pub const CATALOG: &str =
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/catalog.json"));
    pub const TOPICS: &str =
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/topics.json"));
    pub const EPISODES: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/episodes.json"
    ));

    /// The validated data as `bundle` bytes, as compiled into the bundle.
    pub static ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded_data.postcard"));

    pub fn sources() -> super::Sources<'static> {
        super::Sources {
            catalog: CATALOG,
            topics: TOPICS,
            episodes: EPISODES,
        }
    }
}

/// Everything podpath knows, indexed.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub data_as_of: IsoDate,
    pub shows: Vec<Show>,
    pub topics: Vec<Topic>,
    pub hub: TopicId,
    pub topic_source_url: String,
    pub episodes: Vec<Episode>,
    /// The show the episodes belong to (DataTalks.Club).
    pub episodes_show: ShowId,
    pub episode_source_url: String,
    show_index: IdIndex,
    topic_index: IdIndex,
    episode_index: IdIndex,
    shows_by_topic: Vec<Vec<usize>>,
    episodes_by_topic: Vec<Vec<usize>>,
    /// For each episode, the topics whose wiki page cites it.
    citing: Vec<Vec<usize>>,
}

impl Catalog {
    /// The catalog compiled into the bundle. `build.rs` validated it before encoding it, and
    /// `tests/shipped_data.rs` decodes these exact bytes, so the error is for a bundle whose
    /// bytes were damaged after the build.
    pub fn embedded() -> Result<Catalog, String> {
        Self::decode(embedded::ENCODED)
    }

    /// Decodes data in the form `build.rs` embeds it (`bundle`); damaged bytes, including bytes
    /// left over after the data, give an error, not a panic.
    pub fn decode(bytes: &[u8]) -> Result<Catalog, String> {
        crate::bundle::decode(bytes)
            .map(Self::index)
            .map_err(|why| format!("the embedded catalog could not be decoded ({why})"))
    }

    /// Parses JSON without the full validation pass (for fixtures and tools that validate
    /// separately). Dangling references are skipped by the indexes.
    pub fn from_sources_unchecked(src: Sources<'_>) -> Result<Catalog, String> {
        let shows: ShowsFile = parse_plain("catalog.json", src.catalog)?;
        let topics: TopicsFile = parse_plain("topics.json", src.topics)?;
        let episodes: EpisodesFile = parse_plain("episodes.json", src.episodes)?;
        Ok(Self::index(Files {
            shows,
            topics,
            episodes,
        }))
    }

    /// Parses and validates, returning every problem (for tools and tests).
    pub fn from_sources_checked(src: Sources<'_>) -> Result<Catalog, Vec<Problem>> {
        validate::check_all(src).map(Self::index)
    }

    /// Indexes already-parsed files (benchmarks build large synthetic catalogs this way).
    pub fn from_files(files: Files) -> Catalog {
        Self::index(files)
    }

    fn index(files: Files) -> Catalog {
        let Files {
            shows,
            topics,
            episodes,
        } = files;
        let show_index = IdIndex::new(shows.shows.iter().map(|s| s.id.as_str()));
        let topic_index = IdIndex::new(topics.topics.iter().map(|t| t.id.as_str()));
        let episode_index = IdIndex::new(episodes.episodes.iter().map(|e| e.id.as_str()));
        let mut shows_by_topic = vec![Vec::new(); topics.topics.len()];
        for (s, show) in shows.shows.iter().enumerate() {
            for t in &show.topics {
                if let Some(ti) = topic_index.get(t.as_str()) {
                    shows_by_topic[ti].push(s);
                }
            }
        }
        // A topic's episodes: the ones its wiki page cites, plus those whose own tags name it.
        let mut episodes_by_topic = vec![Vec::new(); topics.topics.len()];
        for (ti, topic) in topics.topics.iter().enumerate() {
            for e in &topic.episodes {
                if let Some(ei) = episode_index.get(e.as_str()) {
                    episodes_by_topic[ti].push(ei);
                }
            }
        }
        for (ei, ep) in episodes.episodes.iter().enumerate() {
            for t in &ep.topics {
                if let Some(ti) = topic_index.get(t.as_str()) {
                    episodes_by_topic[ti].push(ei);
                }
            }
        }
        let mut citing = vec![Vec::new(); episodes.episodes.len()];
        for (ti, topic) in topics.topics.iter().enumerate() {
            for e in &topic.episodes {
                if let Some(ei) = episode_index.get(e.as_str()) {
                    citing[ei].push(ti);
                }
            }
        }
        for list in &mut episodes_by_topic {
            sorting::sort(list);
            list.dedup();
        }
        Catalog {
            data_as_of: shows.data_as_of,
            shows: shows.shows,
            topics: topics.topics,
            hub: topics.hub,
            topic_source_url: topics.source_url,
            episodes: episodes.episodes,
            episodes_show: episodes.show,
            episode_source_url: episodes.source_url,
            show_index,
            topic_index,
            episode_index,
            shows_by_topic,
            episodes_by_topic,
            citing,
        }
    }

    pub fn show(&self, id: &str) -> Option<&Show> {
        self.show_position(id).and_then(|i| self.shows.get(i))
    }

    /// Index of a show in `shows`.
    pub fn show_position(&self, id: &str) -> Option<usize> {
        self.show_index.get(id)
    }

    pub fn topic_position(&self, id: &str) -> Option<usize> {
        self.topic_index.get(id)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topic_position(id).and_then(|i| self.topics.get(i))
    }

    pub fn episode(&self, id: &str) -> Option<&Episode> {
        self.episode_index
            .get(id)
            .and_then(|i| self.episodes.get(i))
    }

    /// The title of a topic, or its id when unknown.
    pub fn topic_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.topic(id).map_or(id, |t| t.title.as_str())
    }

    /// Shows whose tagging covers the topic, in catalog order.
    pub fn shows_covering(&self, topic_id: &str) -> impl Iterator<Item = &Show> {
        self.topic_position(topic_id)
            .and_then(|i| self.shows_by_topic.get(i))
            .into_iter()
            .flatten()
            .filter_map(|&s| self.shows.get(s))
    }

    /// Episodes cited by the topic's wiki page or tagged with it.
    pub fn episodes_for_topic(&self, topic_id: &str) -> impl Iterator<Item = &Episode> {
        self.topic_position(topic_id)
            .and_then(|i| self.episodes_by_topic.get(i))
            .into_iter()
            .flatten()
            .filter_map(|&e| self.episodes.get(e))
    }

    /// Topics whose wiki page cites the episode at `index`.
    pub fn topics_citing(&self, index: usize) -> impl Iterator<Item = &TopicId> {
        self.citing
            .get(index)
            .into_iter()
            .flatten()
            .filter_map(|&t| self.topics.get(t).map(|t| &t.id))
    }

    /// Episodes that belong to a show (only DataTalks.Club episodes are shipped).
    pub fn episodes_of(&self, show_id: &str) -> &[Episode] {
        if self.episodes_show.as_str() == show_id {
            &self.episodes
        } else {
            &[]
        }
    }
}

/// Positions by id, sorted for a binary search: three small tables do not need a hash map, whose
/// code (and hasher) would ship in the wasm for them alone.
#[derive(Debug, Clone)]
struct IdIndex(Vec<(String, usize)>);

impl IdIndex {
    fn new<'a>(ids: impl Iterator<Item = &'a str>) -> IdIndex {
        let mut list: Vec<(String, usize)> =
            ids.enumerate().map(|(i, id)| (id.to_owned(), i)).collect();
        sorting::sort(&mut list);
        IdIndex(list)
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(id))
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|&(_, at)| at)
    }
}

fn parse_plain<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("{file}: {e}"))
}
