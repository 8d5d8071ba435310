//! The form the bundle carries the data in: `build.rs` encodes it, `Catalog::decode` decodes
//! it back into exactly the `validate::Files` that `validate::for_bundle` gives.
//!
//! Postcard (varints and length-prefixed strings, no field names) of wire structs that mirror
//! `Files`, leaving out what the decoder can rebuild:
//! - references are `u16` indices, one byte below 128 and two above, in place of id strings:
//!   `Show.topics`, `Topic.related` and `Episode.topics` into the topic list, `Topic.episodes`
//!   into the episode list, and `Episode.tags` into a table holding each distinct tag once;
//! - a topic's and an episode's page URL travel as `None` when they are the DataTalks.Club
//!   pattern for the id (all of them today), in full otherwise, so an irregular one round-trips;
//! - `Episode.short` does not travel: no view shows it, and it decodes as the title;
//! - the episodes' Apple, Spotify and YouTube links travel as one column per platform, after
//!   the episodes: random ids next to each other, and each prefix a short back-reference away,
//!   compress better than interleaved with titles and guests.
//!
//! Measured 2026-12-05 on the shipped data (`gzip -9` of `embedded_data.postcard`): the model
//! as is took 327,043 bytes, 80,165 gzip; indices, derived URLs and no `short` took 167,121,
//! 64,158 gzip; the tag table and link columns 159,302, 61,277 gzip (18.9 KB less in all).
//! Not done, for what they would save: cutting the links' fixed prefixes (0.6 KB gzip more,
//! with a fallback for the links that do not have them), a table of show hosts (under 0.4 KB:
//! all hosts together compress to that), any other field as a column (nothing or worse).
//!
//! `encode` writes with postcard and the serde `Serialize` derives (at build time); `decode`
//! reads by hand (`Reader`, one small function per wire type), so that no serde `Deserialize`
//! code ships in the wasm (twiggy put the derived visitors at about 28 KB raw). The tests check
//! the hand decoder against postcard's own on the shipped bytes, every enum variant, and
//! damaged bytes.

use crate::model::*;
use crate::validate::Files;
use serde::Serialize;
use std::collections::HashMap;

const TOPIC_URL: (&str, &str) = ("https://datatalks.club/podwiki/wiki/", "/");
const EPISODE_URL: (&str, &str) = ("https://datatalks.club/podcast/", ".html");

/// The wire form of `Files`. `Serialize` writes the fields in declaration order, and the hand
/// decoder (`wire` and below) reads them in the same order; the tests compare it with the
/// `Deserialize` derive, which only they compile.
#[derive(Serialize)]
#[cfg_attr(test, derive(serde::Deserialize, Debug, PartialEq))]
struct Wire {
    shows: WireShows,
    topics: WireTopics,
    episodes: WireEpisodes,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(serde::Deserialize, Debug, PartialEq))]
struct WireShows {
    schema_version: u32,
    data_as_of: IsoDate,
    shows: Vec<WireShow>,
}

/// A show differs from the model in one field of nineteen, so it travels as the model's own
/// `Show` with `topics` empty, and the topics beside it.
#[derive(Serialize)]
#[cfg_attr(test, derive(serde::Deserialize, Debug, PartialEq))]
struct WireShow {
    show: Show,
    topics: Vec<u16>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(serde::Deserialize, Debug, PartialEq))]
struct WireTopics {
    schema_version: u32,
    source: String,
    source_url: String,
    hub: TopicId,
    topics: Vec<WireTopic>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(serde::Deserialize, Debug, PartialEq))]
struct WireTopic {
    id: TopicId,
    title: String,
    url: Option<String>,
    kind: TopicKind,
    level: Level,
    summary: Option<String>,
    related: Vec<u16>,
    episodes: Vec<u16>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(serde::Deserialize, Debug, PartialEq))]
struct WireEpisodes {
    schema_version: u32,
    show: ShowId,
    source: String,
    source_url: String,
    /// Every distinct tag once; episodes refer to them by index.
    tags: Vec<String>,
    episodes: Vec<WireEpisode>,
    /// Each platform's episode links as one column, in episode order: next to each other the
    /// shared prefixes and random ids compress better than between titles and guests.
    apple: Vec<Option<String>>,
    spotify: Vec<Option<String>>,
    youtube: Vec<Option<String>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(serde::Deserialize, Debug, PartialEq))]
struct WireEpisode {
    id: EpisodeId,
    title: String,
    season: Option<u16>,
    episode: Option<u16>,
    guests: Vec<String>,
    tags: Vec<u16>,
    topics: Vec<u16>,
    date: Option<IsoDate>,
    duration_s: Option<u32>,
    url: Option<String>,
}

fn page_url((before, after): (&str, &str), id: &str) -> String {
    format!("{before}{id}{after}")
}

/// `None` for the URL the id gives anyway.
fn unless_derived(pattern: (&str, &str), id: &str, url: &str) -> Option<String> {
    (url != page_url(pattern, id)).then(|| url.to_owned())
}

/// Positions by id, for encoding references.
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> Result<HashMap<&'a str, u16>, String> {
    ids.enumerate()
        .map(|(i, id)| {
            u16::try_from(i)
                .map(|i| (id, i))
                .map_err(|_| format!("more than {} entries to index", u16::MAX))
        })
        .collect()
}

/// The indices of `refs`; an id missing from `index` is an error naming `at` and the id.
fn indices<'a>(
    index: &HashMap<&str, u16>,
    refs: impl IntoIterator<Item = &'a str>,
    at: &str,
) -> Result<Vec<u16>, String> {
    refs.into_iter()
        .map(|id| {
            index
                .get(id)
                .copied()
                .ok_or_else(|| format!("{at}: unknown id {id:?}"))
        })
        .collect()
}

/// The bytes for `files` (as `validate::for_bundle` leaves them: `short` is not kept).
pub fn encode(files: &Files) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(&to_wire(files)?).map_err(|e| format!("cannot encode: {e}"))
}

fn to_wire(files: &Files) -> Result<Wire, String> {
    let topic_at = positions(files.topics.topics.iter().map(|t| t.id.as_str()))?;
    let episode_at = positions(files.episodes.episodes.iter().map(|e| e.id.as_str()))?;
    let topic_refs =
        |refs: &[TopicId], at: String| indices(&topic_at, refs.iter().map(TopicId::as_str), &at);
    let shows = files
        .shows
        .shows
        .iter()
        .enumerate()
        .map(|(i, show)| {
            let topics = topic_refs(&show.topics, format!("shows[{i}].topics"))?;
            let show = Show {
                topics: Vec::new(),
                ..show.clone()
            };
            Ok(WireShow { show, topics })
        })
        .collect::<Result<_, String>>()?;
    let topics = files
        .topics
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Ok(WireTopic {
                id: t.id.clone(),
                title: t.title.clone(),
                url: unless_derived(TOPIC_URL, t.id.as_str(), &t.url),
                kind: t.kind,
                level: t.level,
                summary: t.summary.clone(),
                related: topic_refs(&t.related, format!("topics[{i}].related"))?,
                episodes: indices(
                    &episode_at,
                    t.episodes.iter().map(EpisodeId::as_str),
                    &format!("topics[{i}].episodes"),
                )?,
            })
        })
        .collect::<Result<_, String>>()?;
    let mut tags: Vec<&str> = Vec::new();
    for tag in files.episodes.episodes.iter().flat_map(|e| &e.tags) {
        if !tags.contains(&tag.as_str()) {
            tags.push(tag);
        }
    }
    let tag_at = positions(tags.iter().copied())?;
    let episodes = files
        .episodes
        .episodes
        .iter()
        .enumerate()
        .map(|(i, e)| {
            Ok(WireEpisode {
                id: e.id.clone(),
                title: e.title.clone(),
                season: e.season,
                episode: e.episode,
                guests: e.guests.clone(),
                tags: indices(
                    &tag_at,
                    e.tags.iter().map(String::as_str),
                    &format!("episodes[{i}].tags"),
                )?,
                topics: topic_refs(&e.topics, format!("episodes[{i}].topics"))?,
                date: e.date.clone(),
                duration_s: e.duration_s,
                url: unless_derived(EPISODE_URL, e.id.as_str(), &e.url),
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Wire {
        shows: WireShows {
            schema_version: files.shows.schema_version,
            data_as_of: files.shows.data_as_of.clone(),
            shows,
        },
        topics: WireTopics {
            schema_version: files.topics.schema_version,
            source: files.topics.source.clone(),
            source_url: files.topics.source_url.clone(),
            hub: files.topics.hub.clone(),
            topics,
        },
        episodes: WireEpisodes {
            schema_version: files.episodes.schema_version,
            show: files.episodes.show.clone(),
            source: files.episodes.source.clone(),
            source_url: files.episodes.source_url.clone(),
            tags: tags.into_iter().map(str::to_owned).collect(),
            episodes,
            apple: column(files, |l| &l.apple),
            spotify: column(files, |l| &l.spotify),
            youtube: column(files, |l| &l.youtube),
        },
    })
}

fn column(files: &Files, link: fn(&EpisodeLinks) -> &Option<String>) -> Vec<Option<String>> {
    files
        .episodes
        .episodes
        .iter()
        .map(|e| link(&e.links).clone())
        .collect()
}

/// The ids at `refs`; an index past the list is damage.
fn ids<T: Clone>(list: &[T], refs: Vec<u16>) -> Result<Vec<T>, String> {
    refs.into_iter()
        .map(|i| {
            list.get(usize::from(i))
                .cloned()
                .ok_or_else(|| format!("reference {i} past the end of a list of {}", list.len()))
        })
        .collect()
}

/// The files `encode` was given, with each episode's `short` equal to its title. Damaged
/// bytes, an index past its list, or bytes after the data give an error, never a panic.
pub fn decode(bytes: &[u8]) -> Result<Files, String> {
    from_wire(read_wire(bytes)?)
}

/// The `Wire` in `bytes`, which must hold nothing else.
fn read_wire(bytes: &[u8]) -> Result<Wire, String> {
    let mut r = Reader { bytes, err: None };
    let wire = wire(&mut r);
    match (r.err, r.bytes.len()) {
        (Some(e), _) => Err(e),
        (None, 0) => Ok(wire),
        (None, n) => Err(format!("{n} unexpected bytes at the end")),
    }
}

fn from_wire(wire: Wire) -> Result<Files, String> {
    let Wire {
        shows,
        topics,
        episodes,
    } = wire;
    let n = episodes.episodes.len();
    if [
        episodes.apple.len(),
        episodes.spotify.len(),
        episodes.youtube.len(),
    ] != [n; 3]
    {
        return Err(format!("the link columns do not have {n} entries"));
    }
    let links = (episodes.apple.into_iter().zip(episodes.spotify))
        .zip(episodes.youtube)
        .map(|((apple, spotify), youtube)| EpisodeLinks {
            apple,
            spotify,
            youtube,
        });
    let topic_ids: Vec<TopicId> = topics.topics.iter().map(|t| t.id.clone()).collect();
    let episode_ids: Vec<EpisodeId> = episodes.episodes.iter().map(|e| e.id.clone()).collect();
    Ok(Files {
        shows: ShowsFile {
            schema_version: shows.schema_version,
            data_as_of: shows.data_as_of,
            shows: shows
                .shows
                .into_iter()
                .map(|w| {
                    Ok(Show {
                        topics: ids(&topic_ids, w.topics)?,
                        ..w.show
                    })
                })
                .collect::<Result<_, String>>()?,
        },
        topics: TopicsFile {
            schema_version: topics.schema_version,
            source: topics.source,
            source_url: topics.source_url,
            hub: topics.hub,
            topics: topics
                .topics
                .into_iter()
                .map(|t| {
                    Ok(Topic {
                        url: t.url.unwrap_or_else(|| page_url(TOPIC_URL, t.id.as_str())),
                        id: t.id,
                        title: t.title,
                        kind: t.kind,
                        level: t.level,
                        summary: t.summary,
                        related: ids(&topic_ids, t.related)?,
                        episodes: ids(&episode_ids, t.episodes)?,
                    })
                })
                .collect::<Result<_, String>>()?,
        },
        episodes: EpisodesFile {
            schema_version: episodes.schema_version,
            show: episodes.show,
            source: episodes.source,
            source_url: episodes.source_url,
            episodes: episodes
                .episodes
                .into_iter()
                .zip(links)
                .map(|(e, links)| {
                    Ok(Episode {
                        url: e
                            .url
                            .unwrap_or_else(|| page_url(EPISODE_URL, e.id.as_str())),
                        short: e.title.clone(),
                        id: e.id,
                        title: e.title,
                        season: e.season,
                        episode: e.episode,
                        guests: e.guests,
                        tags: ids(&episodes.tags, e.tags)?,
                        topics: ids(&topic_ids, e.topics)?,
                        date: e.date,
                        duration_s: e.duration_s,
                        links,
                    })
                })
                .collect::<Result<_, String>>()?,
        },
    })
}

/// What is left of the bytes, read in postcard's format: unsigned integers and lengths as
/// LEB128 varints, a bool or an `Option`'s tag as one byte 0 or 1, a string as its length and
/// UTF-8, a sequence or map as its length and the items, a unit enum as its variant index
/// (declaration order: `rename` does not change it), a struct as its fields in order.
///
/// The first thing that cannot be read is kept in `err`, and every read after it gives an empty
/// value without reading: the decode functions build their structs without an early return at
/// each field, which would need code to drop every field read before it (measured 2026-12-05:
/// a third of the decoder's size). Every method takes the name of what it reads for its error
/// ("title: truncated"): a path from the sequence item being read, which `seq` prefixes with
/// the sequence's name and the index ("episodes.episodes[12].title: truncated"). Items that are
/// not structs pass "".
struct Reader<'a> {
    bytes: &'a [u8],
    err: Option<String>,
}

impl<'a> Reader<'a> {
    fn fail(&mut self, name: &str, what: &str) {
        if self.err.is_none() {
            self.err = Some(format!("{name}: {what}"));
        }
    }

    fn u8(&mut self, name: &str) -> u8 {
        match self.bytes.split_first() {
            Some((&byte, rest)) if self.err.is_none() => {
                self.bytes = rest;
                byte
            }
            _ => {
                self.fail(name, "truncated");
                0
            }
        }
    }

    /// A varint of at most `max_bytes` bytes: postcard's limit for the type, 3 for `u16` and
    /// 5 for `u32`; `max` is the type's largest value.
    fn varint(&mut self, name: &str, max_bytes: u32, max: u64) -> u64 {
        let mut value = 0_u64;
        for i in 0..max_bytes {
            let byte = self.u8(name);
            value |= u64::from(byte & 0x7f) << (7 * i);
            if byte & 0x80 == 0 {
                if value > max {
                    self.fail(name, "number out of range");
                    return 0;
                }
                return value;
            }
        }
        self.fail(name, "varint too long");
        0
    }

    fn u16(&mut self, name: &str) -> u16 {
        u16::try_from(self.varint(name, 3, u64::from(u16::MAX))).unwrap_or(0)
    }

    fn u32(&mut self, name: &str) -> u32 {
        u32::try_from(self.varint(name, 5, u64::from(u32::MAX))).unwrap_or(0)
    }

    /// A length or variant index (`usize` is 32 bits in the wasm; 5 bytes cover it).
    fn usize(&mut self, name: &str) -> usize {
        usize::try_from(self.u32(name)).unwrap_or(usize::MAX)
    }

    /// The length of a sequence or map. Every item of the wire takes at least one byte, so a
    /// length past the bytes left is damage, and allocating for it is bounded by the input.
    fn count(&mut self, name: &str) -> usize {
        let n = self.usize(name);
        if n > self.bytes.len() {
            self.fail(name, "truncated");
            return 0;
        }
        n
    }

    /// A bool, or an `Option`'s tag (true for `Some`).
    fn bool(&mut self, name: &str) -> bool {
        match self.u8(name) {
            0 => false,
            1 => true,
            _ => {
                self.fail(name, "neither 0 nor 1");
                false
            }
        }
    }

    fn string(&mut self, name: &str) -> String {
        let n = self.usize(name);
        let Some((text, rest)) = self.bytes.split_at_checked(n) else {
            self.fail(name, "truncated");
            return String::new();
        };
        self.bytes = rest;
        match std::str::from_utf8(text) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                self.fail(name, "not UTF-8");
                String::new()
            }
        }
    }

    fn date(&mut self, name: &str) -> IsoDate {
        IsoDate(self.string(name))
    }

    /// The unit variant of `all` (the enum's variants in declaration order, never empty) at
    /// the index read.
    fn variant<T: Copy>(&mut self, name: &str, all: &[T]) -> T {
        let i = self.usize(name);
        match all.get(i) {
            Some(&v) => v,
            None => {
                self.fail(name, &format!("unknown variant {i}"));
                all[0]
            }
        }
    }

    fn option<T>(&mut self, name: &str, some: fn(&mut Self, &str) -> T) -> Option<T> {
        if self.bool(name) {
            Some(some(self, name))
        } else {
            None
        }
    }

    fn seq<T>(&mut self, name: &str, item: fn(&mut Self) -> T) -> Vec<T> {
        let n = self.count(name);
        let mut items = Vec::with_capacity(n);
        for i in 0..n {
            items.push(item(self));
            if let Some(e) = self.err.take() {
                // Named from within the item: ": truncated" or "title: truncated".
                let dot = if e.starts_with(':') { "" } else { "." };
                self.err = Some(format!("{name}[{i}]{dot}{e}"));
                break;
            }
        }
        items
    }

    fn strings(&mut self, name: &str) -> Vec<String> {
        self.seq(name, |r| r.string(""))
    }

    fn indices(&mut self, name: &str) -> Vec<u16> {
        self.seq(name, |r| r.u16(""))
    }

    fn option_string(&mut self, name: &str) -> Option<String> {
        self.option(name, Self::string)
    }
}

// Each unit enum's variants in declaration order, which is their postcard index (checked
// against serde by `the_variant_tables_follow_the_declarations`).
const STATUSES: [Status; 4] = [
    Status::Active,
    Status::Ended,
    Status::Revived,
    Status::Unknown,
];
const CADENCES: [Cadence; 6] = [
    Cadence::Daily,
    Cadence::Weekly,
    Cadence::Biweekly,
    Cadence::Monthly,
    Cadence::Irregular,
    Cadence::Unknown,
];
// Formats, levels and topic kinds list theirs in declaration order already (`ALL`).
const FORMATS: [Format; 6] = Format::ALL;
const LEVELS: [Level; 3] = Level::ALL;
const TOPIC_KINDS: [TopicKind; 4] = TopicKind::ALL;
const SOURCE_FIELDS: [SourceField; 11] = [
    SourceField::Hosts,
    SourceField::Publisher,
    SourceField::Started,
    SourceField::Status,
    SourceField::Cadence,
    SourceField::Length,
    SourceField::Formats,
    SourceField::Levels,
    SourceField::Links,
    SourceField::Feed,
    SourceField::StartHere,
];

// One function per wire type, reading the fields in declaration order (a struct expression
// evaluates its fields in the order written).

fn wire(r: &mut Reader) -> Wire {
    Wire {
        shows: WireShows {
            schema_version: r.u32("shows.schema_version"),
            data_as_of: r.date("shows.data_as_of"),
            shows: r.seq("shows.shows", wire_show),
        },
        topics: WireTopics {
            schema_version: r.u32("topics.schema_version"),
            source: r.string("topics.source"),
            source_url: r.string("topics.source_url"),
            hub: TopicId(r.string("topics.hub")),
            topics: r.seq("topics.topics", wire_topic),
        },
        episodes: WireEpisodes {
            schema_version: r.u32("episodes.schema_version"),
            show: ShowId(r.string("episodes.show")),
            source: r.string("episodes.source"),
            source_url: r.string("episodes.source_url"),
            tags: r.strings("episodes.tags"),
            episodes: r.seq("episodes.episodes", wire_episode),
            apple: r.seq("episodes.apple", |r| r.option_string("")),
            spotify: r.seq("episodes.spotify", |r| r.option_string("")),
            youtube: r.seq("episodes.youtube", |r| r.option_string("")),
        },
    }
}

fn wire_show(r: &mut Reader) -> WireShow {
    WireShow {
        show: show(r),
        topics: r.indices("topics"),
    }
}

fn show(r: &mut Reader) -> Show {
    Show {
        id: ShowId(r.string("show.id")),
        title: r.string("show.title"),
        hosts: r.strings("show.hosts"),
        publisher: r.option_string("show.publisher"),
        started: r.option("show.started", Reader::u16),
        status: r.variant("show.status", &STATUSES),
        status_note: r.option_string("show.status_note"),
        last_episode: r.option("show.last_episode", Reader::date),
        checked: r.date("show.checked"),
        cadence: r.variant("show.cadence", &CADENCES),
        length: r.option("show.length", |r, _| LengthRange {
            min: r.u16("show.length.min"),
            max: r.u16("show.length.max"),
        }),
        formats: r.seq("show.formats", |r| r.variant("", &FORMATS)),
        levels: r.seq("show.levels", |r| r.variant("", &LEVELS)),
        level_reason: r.string("show.level_reason"),
        topics: r.seq("show.topics", |r| TopicId(r.string(""))),
        links: Links {
            website: r.option_string("show.links.website"),
            rss: r.option_string("show.links.rss"),
            apple: r.option_string("show.links.apple"),
            spotify: r.option_string("show.links.spotify"),
            youtube: r.option_string("show.links.youtube"),
        },
        description: r.string("show.description"),
        start_here: r.seq("show.start_here", start_episode),
        // Like serde's map visitor: a repeated key keeps its last value.
        sources: r.seq("show.sources", source).into_iter().collect(),
    }
}

fn start_episode(r: &mut Reader) -> StartEpisode {
    StartEpisode {
        title: r.string("title"),
        url: r.string("url"),
        minutes: r.u16("minutes"),
        why: r.string("why"),
        evergreen: r.bool("evergreen"),
    }
}

/// One entry of `Show.sources`: a map travels as its length and the (key, value) pairs.
fn source(r: &mut Reader) -> (SourceField, Vec<String>) {
    (r.variant("key", &SOURCE_FIELDS), r.strings("value"))
}

fn wire_topic(r: &mut Reader) -> WireTopic {
    WireTopic {
        id: TopicId(r.string("id")),
        title: r.string("title"),
        url: r.option_string("url"),
        kind: r.variant("kind", &TOPIC_KINDS),
        level: r.variant("level", &LEVELS),
        summary: r.option_string("summary"),
        related: r.indices("related"),
        episodes: r.indices("episodes"),
    }
}

fn wire_episode(r: &mut Reader) -> WireEpisode {
    WireEpisode {
        id: EpisodeId(r.string("id")),
        title: r.string("title"),
        season: r.option("season", Reader::u16),
        episode: r.option("episode", Reader::u16),
        guests: r.strings("guests"),
        tags: r.indices("tags"),
        topics: r.indices("topics"),
        date: r.option("date", Reader::date),
        duration_s: r.option("duration_s", Reader::u32),
        url: r.option_string("url"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::embedded;
    use crate::validate::{check_all, for_bundle};

    fn shipped() -> Files {
        for_bundle(check_all(embedded::sources()).expect("the shipped data passes every check"))
    }

    /// Two topics citing each other and both episodes, one show: every kind of reference.
    fn small() -> Files {
        fn ids<T: for<'a> From<&'a str>>(list: &[&str]) -> Vec<T> {
            list.iter().map(|&s| s.into()).collect()
        }
        let topic = |id: &str, related: &[&str]| Topic {
            id: id.into(),
            title: id.to_uppercase(),
            url: page_url(TOPIC_URL, id),
            kind: TopicKind::Concept,
            level: Level::Beginner,
            summary: Some(format!("About {id}.")),
            related: ids(related),
            episodes: ids(&["e2", "e1"]),
        };
        let episode = |id: &str, topics: &[&str]| Episode {
            id: id.into(),
            title: format!("Episode {id}"),
            short: format!("Episode {id}"),
            season: Some(1),
            episode: None,
            guests: vec!["Ada".into()],
            tags: vec!["mlops".into()],
            topics: ids(topics),
            date: Some(IsoDate("2024-05".into())),
            duration_s: Some(3000),
            links: EpisodeLinks {
                youtube: Some("https://www.youtube.com/watch?v=x".into()),
                ..EpisodeLinks::default()
            },
            url: page_url(EPISODE_URL, id),
        };
        Files {
            shows: ShowsFile {
                schema_version: 2,
                data_as_of: IsoDate("2026-11-27".into()),
                shows: vec![Show::fixture("S", &["b", "a"], Links::default())],
            },
            topics: TopicsFile {
                schema_version: 1,
                source: "wiki".into(),
                source_url: "https://datatalks.club/podwiki/".into(),
                hub: "a".into(),
                topics: vec![topic("a", &["b"]), topic("b", &["a"])],
            },
            episodes: EpisodesFile {
                schema_version: 1,
                show: "x".into(),
                source: "podcast".into(),
                source_url: "https://datatalks.club/podcast.html".into(),
                episodes: vec![episode("e1", &["a"]), episode("e2", &[])],
            },
        }
    }

    /// Every enum variant and every `Option` both ways, numbers at their limits, non-ASCII
    /// text, and page URLs both derived and not.
    fn rich() -> Files {
        let mut files = small();
        let base = files.shows.shows[0].clone();
        let text = |s: &str| Some(s.to_owned());
        files.shows.shows = (0..CADENCES.len())
            .map(|i| {
                let mut show = Show {
                    id: ShowId(format!("s{i}")),
                    status: STATUSES[i % STATUSES.len()],
                    cadence: CADENCES[i],
                    ..base.clone()
                };
                if i % 2 == 0 {
                    show.hosts = vec!["Zoë".into(), "李雷".into()];
                    show.publisher = text("Pub 🎙");
                    show.started = Some(u16::MAX);
                    show.status_note = text("searched");
                    show.last_episode = Some(IsoDate("2026-01".into()));
                    show.length = Some(LengthRange {
                        min: 127,
                        max: u16::MAX,
                    });
                    show.formats = FORMATS.to_vec();
                    show.levels = LEVELS.to_vec();
                    show.links = Links {
                        website: text("https://example.org/"),
                        rss: text("https://example.org/rss"),
                        apple: text("https://podcasts.apple.com/x"),
                        spotify: text("https://open.spotify.com/show/x"),
                        youtube: text("https://www.youtube.com/@x"),
                    };
                    show.start_here = [true, false]
                        .map(|evergreen| StartEpisode {
                            title: format!("Start {evergreen}"),
                            url: "https://example.org/e".into(),
                            minutes: if evergreen { 128 } else { 0 },
                            why: "because".into(),
                            evergreen,
                        })
                        .into();
                    show.sources = SOURCE_FIELDS
                        .iter()
                        .map(|&f| (f, vec![format!("https://example.org/{f:?}")]))
                        .collect();
                }
                show
            })
            .collect();
        let template = files.topics.topics[0].clone();
        files.topics.topics = TOPIC_KINDS
            .iter()
            .zip(["a", "b", "c", "d"])
            .enumerate()
            .map(|(i, (&kind, id))| Topic {
                id: id.into(),
                url: if i == 3 {
                    "https://example.org/wiki/d".into()
                } else {
                    page_url(TOPIC_URL, id)
                },
                kind,
                level: LEVELS[i % LEVELS.len()],
                summary: (i % 2 == 0).then(|| format!("About {id}.")),
                ..template.clone()
            })
            .collect();
        let [full, empty] = &mut files.episodes.episodes[..] else {
            unreachable!("small() has two episodes")
        };
        full.season = Some(u16::MAX);
        full.episode = Some(300);
        full.guests.push("Ünal".into());
        full.tags.push("llm".into());
        full.duration_s = Some(u32::MAX);
        full.url = "https://example.org/e1".into();
        full.links = EpisodeLinks {
            apple: text("https://podcasts.apple.com/e1"),
            spotify: text("https://open.spotify.com/episode/e1"),
            youtube: text("https://www.youtube.com/watch?v=e1"),
        };
        *empty = Episode {
            season: None,
            guests: vec![],
            tags: vec![],
            date: None,
            duration_s: None,
            links: EpisodeLinks::default(),
            ..empty.clone()
        };
        files
    }

    /// The wire as postcard and the serde derive read it, with nothing after it.
    fn postcard_wire(bytes: &[u8]) -> Result<Wire, String> {
        match postcard::take_from_bytes::<Wire>(bytes) {
            Ok((wire, [])) => Ok(wire),
            Ok((_, rest)) => Err(format!("{} unexpected bytes at the end", rest.len())),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Where `a` and `b`, of one length, differ in exactly one byte.
    fn changed_at(a: &[u8], b: &[u8]) -> usize {
        assert_eq!(a.len(), b.len());
        let at: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        assert_eq!(at.len(), 1, "{at:?}");
        at[0]
    }

    #[test]
    fn the_embedded_bytes_decode_to_the_shipped_data() {
        assert_eq!(decode(embedded::ENCODED).unwrap(), shipped());
    }

    #[test]
    fn a_catalog_with_every_variant_and_option_round_trips() {
        let files = rich();
        let wire = to_wire(&files).unwrap();
        assert!(wire.topics.topics.iter().any(|t| t.url.is_some()));
        assert!(wire.episodes.episodes.iter().any(|e| e.url.is_some()));
        assert_eq!(decode(&encode(&files).unwrap()).unwrap(), files);
    }

    #[test]
    fn the_hand_decoder_agrees_with_postcard() {
        let bytes = [
            embedded::ENCODED.to_vec(),
            encode(&small()).unwrap(),
            encode(&rich()).unwrap(),
        ];
        for bytes in bytes {
            let wire = read_wire(&bytes).unwrap();
            assert_eq!(wire, postcard_wire(&bytes).unwrap());
        }
    }

    #[test]
    fn damaged_bytes_get_the_same_verdict_from_both_decoders() {
        let check = |damaged: &[u8]| {
            assert_eq!(
                read_wire(damaged).ok(),
                postcard_wire(damaged).ok(),
                "{damaged:?}"
            );
        };
        for files in [small(), rich()] {
            let bytes = encode(&files).unwrap();
            for cut in 0..bytes.len() {
                check(&bytes[..cut]);
            }
            for at in 0..bytes.len() {
                for mask in [0x01, 0x02, 0x80, 0xff] {
                    let mut damaged = bytes.clone();
                    damaged[at] ^= mask;
                    check(&damaged);
                }
            }
        }
        // A sample of the shipped bytes too (all of them would take minutes unoptimised).
        let mut damaged = embedded::ENCODED.to_vec();
        for at in (0..damaged.len()).step_by(4093) {
            damaged[at] ^= 0x80;
            check(&damaged);
            damaged[at] ^= 0x80;
        }
    }

    #[test]
    fn the_variant_tables_follow_the_declarations() {
        fn check<T: Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(
            all: &[T],
        ) {
            for (i, variant) in all.iter().enumerate() {
                let index = u8::try_from(i).unwrap();
                assert_eq!(postcard::to_allocvec(variant).unwrap(), [index]);
                assert_eq!(&postcard::from_bytes::<T>(&[index]).unwrap(), variant);
            }
            // No variant past the table: serde would read one that the table misses.
            let past = u8::try_from(all.len()).unwrap();
            assert!(postcard::from_bytes::<T>(&[past]).is_err());
        }
        check(&STATUSES);
        check(&CADENCES);
        check(&FORMATS);
        check(&LEVELS);
        check(&TOPIC_KINDS);
        check(&SOURCE_FIELDS);
    }

    #[test]
    fn a_variant_index_out_of_range_is_an_error_naming_it() {
        let files = rich();
        let bytes = encode(&files).unwrap();
        let mut other = files.clone();
        other.topics.topics[2].kind = TopicKind::Concept;
        let at = changed_at(&bytes, &encode(&other).unwrap());
        let mut damaged = bytes.clone();
        damaged[at] = 4;
        assert_eq!(
            decode(&damaged).unwrap_err(),
            "topics.topics[2].kind: unknown variant 4"
        );
        let mut other = files.clone();
        other.shows.shows[1].status = Status::Unknown;
        let at = changed_at(&bytes, &encode(&other).unwrap());
        let mut damaged = bytes.clone();
        damaged[at] = 0x7f;
        assert_eq!(
            decode(&damaged).unwrap_err(),
            "shows.shows[1].show.status: unknown variant 127"
        );
        let mut other = files;
        other.shows.shows[0].formats[5] = Format::Panel;
        let at = changed_at(&bytes, &encode(&other).unwrap());
        let mut damaged = bytes;
        damaged[at] = 6;
        assert_eq!(
            decode(&damaged).unwrap_err(),
            "shows.shows[0].show.formats[5]: unknown variant 6"
        );
    }

    #[test]
    fn an_error_names_what_failed_to_decode() {
        let bytes = encode(&small()).unwrap();
        assert_eq!(
            decode(&bytes[..bytes.len() - 1]).unwrap_err(),
            "episodes.youtube[1]: truncated"
        );
        assert_eq!(decode(&[]).unwrap_err(), "shows.schema_version: truncated");
        let files = rich();
        let bytes = encode(&files).unwrap();
        let mut other = files.clone();
        other.episodes.episodes[1].title.replace_range(0..1, "Y");
        let at = changed_at(&bytes, &encode(&other).unwrap());
        let mut damaged = bytes.clone();
        damaged[at] = 0xff;
        assert_eq!(
            decode(&damaged).unwrap_err(),
            "episodes.episodes[1].title: not UTF-8"
        );
        let mut other = files;
        other.shows.shows[0].start_here[1].evergreen = true;
        let at = changed_at(&bytes, &encode(&other).unwrap());
        let mut damaged = bytes;
        damaged[at] = 2;
        assert_eq!(
            decode(&damaged).unwrap_err(),
            "shows.shows[0].show.start_here[1].evergreen: neither 0 nor 1"
        );
    }

    #[test]
    fn numbers_read_as_postcard_reads_them() {
        let cases: [&[u8]; 10] = [
            &[0],
            &[0x7f],
            &[0x80, 0x01],
            &[0x80, 0x00],
            &[0xff, 0xff, 0x03],
            &[0xff, 0xff, 0x04],
            &[0xff, 0xff, 0x83, 0x00],
            &[0xff, 0xff, 0xff, 0xff, 0x0f],
            &[0xff, 0xff, 0xff, 0xff, 0x10],
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0x00],
        ];
        /// One read from `bytes`, and its error if it failed.
        fn read<T>(bytes: &[u8], f: fn(&mut Reader) -> T) -> Result<T, String> {
            let mut r = Reader { bytes, err: None };
            let value = f(&mut r);
            r.err.map_or(Ok(value), Err)
        }
        for bytes in cases {
            let u16 = read(bytes, |r| r.u16("n")).ok();
            assert_eq!(u16, postcard::from_bytes::<u16>(bytes).ok(), "{bytes:?}");
            let u32 = read(bytes, |r| r.u32("n")).ok();
            assert_eq!(u32, postcard::from_bytes::<u32>(bytes).ok(), "{bytes:?}");
        }
        assert_eq!(
            read(&[2], |r| r.bool("b")).unwrap_err(),
            "b: neither 0 nor 1"
        );
        let huge = [0xff, 0xff, 0xff, 0xff, 0x0f];
        assert_eq!(read(&huge, |r| r.strings("s")).unwrap_err(), "s: truncated");
    }

    #[test]
    fn the_shipped_data_round_trips_exactly() {
        let files = shipped();
        assert_eq!(decode(&encode(&files).unwrap()).unwrap(), files);
    }

    #[test]
    fn the_embedded_bytes_are_this_encoding_of_the_shipped_data() {
        assert_eq!(encode(&shipped()).unwrap(), embedded::ENCODED);
    }

    #[test]
    fn the_shipped_page_urls_all_travel_as_derived() {
        let wire = to_wire(&shipped()).unwrap();
        assert!(wire.topics.topics.iter().all(|t| t.url.is_none()));
        assert!(wire.episodes.episodes.iter().all(|e| e.url.is_none()));
    }

    #[test]
    fn a_small_catalog_round_trips_with_short_as_the_title() {
        let files = small();
        assert_eq!(decode(&encode(&files).unwrap()).unwrap(), files);
        let mut other = small();
        other.episodes.episodes[0].short = "Something else".into();
        let decoded = decode(&encode(&other).unwrap()).unwrap();
        assert_eq!(decoded.episodes.episodes[0].short, "Episode e1");
    }

    #[test]
    fn a_page_url_off_the_pattern_round_trips() {
        let mut files = small();
        files.topics.topics[1].url = "https://example.org/wiki/b".into();
        files.episodes.episodes[0].url = "https://datatalks.club/podcast/e1/".into();
        let wire = to_wire(&files).unwrap();
        assert!(wire.topics.topics[0].url.is_none());
        assert!(wire.topics.topics[1].url.is_some());
        assert!(wire.episodes.episodes[0].url.is_some());
        assert_eq!(decode(&encode(&files).unwrap()).unwrap(), files);
    }

    #[test]
    fn an_unknown_reference_is_an_encoding_error_naming_it() {
        let mut files = small();
        files.episodes.episodes[1].topics.push("nope".into());
        assert_eq!(
            encode(&files).unwrap_err(),
            r#"episodes[1].topics: unknown id "nope""#
        );
        let mut files = small();
        files.topics.topics[0].episodes.push("e9".into());
        assert_eq!(
            encode(&files).unwrap_err(),
            r#"topics[0].episodes: unknown id "e9""#
        );
    }

    #[test]
    fn every_truncation_is_an_error() {
        let bytes = encode(&small()).unwrap();
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn flipped_bytes_never_panic() {
        let bytes = encode(&small()).unwrap();
        let mut errors = 0;
        for at in 0..bytes.len() {
            for mask in [0x01, 0x80, 0xff] {
                let mut damaged = bytes.clone();
                damaged[at] ^= mask;
                errors += usize::from(decode(&damaged).is_err());
            }
        }
        assert!(errors > 0);
    }

    #[test]
    fn trailing_bytes_are_an_error() {
        let mut bytes = encode(&small()).unwrap();
        bytes.push(0);
        assert_eq!(decode(&bytes).unwrap_err(), "1 unexpected bytes at the end");
    }

    #[test]
    fn an_index_past_its_list_is_an_error() {
        let damage: [fn(&mut Wire); 5] = [
            |w| w.shows.shows[0].topics.push(2),
            |w| w.topics.topics[0].related.push(2),
            |w| w.topics.topics[1].episodes.push(200),
            |w| w.episodes.episodes[1].topics.push(u16::MAX),
            |w| w.episodes.episodes[0].tags.push(1),
        ];
        for damage in damage {
            let mut wire = to_wire(&small()).unwrap();
            damage(&mut wire);
            let err = decode(&postcard::to_allocvec(&wire).unwrap()).unwrap_err();
            assert!(err.contains("past the end of a list of"), "{err}");
        }
    }

    #[test]
    fn a_link_column_of_the_wrong_length_is_an_error() {
        let mut wire = to_wire(&small()).unwrap();
        wire.episodes.spotify.push(None);
        let err = decode(&postcard::to_allocvec(&wire).unwrap()).unwrap_err();
        assert_eq!(err, "the link columns do not have 2 entries");
    }
}
