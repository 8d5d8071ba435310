//! The typed shape of podpath's three data files (`data/*.json`). Plain data, no logic:
//! the rules that relate these types live in `validate`, `catalog` and the query modules.
//!
//! Every struct denies unknown fields, so a misspelt key in a hand edit fails loudly instead
//! of being silently ignored.

use crate::set::Map;
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        // Lets maps keyed by id be queried with a plain `&str`.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(
    /// A show's stable id, e.g. `linear-digressions`.
    ShowId
);
id_type!(
    /// A topic's id: the DataTalks.Club wiki slug, e.g. `mlops`.
    TopicId
);
id_type!(
    /// A DataTalks.Club episode's id: the source's slug.
    EpisodeId
);

pub use crate::dates::IsoDate;

/// Listener level, used by shows (who they suit), topics (a hint) and the quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Beginner, Level::Intermediate, Level::Advanced];

    /// The stable key used in JSON and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }
}

/// Whether a show still publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Ended,
    /// Stopped for a while and came back (e.g. Linear Digressions, 2020 → 2026).
    Revived,
    Unknown,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Ended => "ended",
            Status::Revived => "revived",
            Status::Unknown => "unknown",
        }
    }

    /// Revived shows publish again, so they count as active for "active only".
    pub fn is_publishing(self) -> bool {
        matches!(self, Status::Active | Status::Revived)
    }
}

/// How often new episodes typically appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Cadence {
    Daily,
    Weekly,
    Biweekly,
    Monthly,
    Irregular,
    Unknown,
}

impl Cadence {
    pub fn key(self) -> &'static str {
        match self {
            Cadence::Daily => "daily",
            Cadence::Weekly => "weekly",
            Cadence::Biweekly => "biweekly",
            Cadence::Monthly => "monthly",
            Cadence::Irregular => "irregular",
            Cadence::Unknown => "unknown",
        }
    }
}

/// The shape of a typical episode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Interview,
    Explainer,
    News,
    Panel,
    Narrative,
    Solo,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Interview,
        Format::Explainer,
        Format::News,
        Format::Panel,
        Format::Narrative,
        Format::Solo,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Format::Interview => "interview",
            Format::Explainer => "explainer",
            Format::News => "news",
            Format::Panel => "panel",
            Format::Narrative => "narrative",
            Format::Solo => "solo",
        }
    }
}

/// What a topic is about, used to group the topic index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicKind {
    Concept,
    Role,
    Tool,
    Practice,
}

impl TopicKind {
    pub const ALL: [TopicKind; 4] = [
        TopicKind::Concept,
        TopicKind::Role,
        TopicKind::Tool,
        TopicKind::Practice,
    ];

    pub fn key(self) -> &'static str {
        match self {
            TopicKind::Concept => "concept",
            TopicKind::Role => "role",
            TopicKind::Tool => "tool",
            TopicKind::Practice => "practice",
        }
    }
}

/// Typical episode length in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LengthRange {
    pub min: u16,
    pub max: u16,
}

/// Where a show can be heard. Each link is optional: only what a source gives.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Links {
    pub website: Option<String>,
    pub rss: Option<String>,
    pub apple: Option<String>,
    pub spotify: Option<String>,
    pub youtube: Option<String>,
}

/// An episode a newcomer to the show could start with.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StartEpisode {
    pub title: String,
    pub url: String,
    pub minutes: u16,
    pub why: String,
    /// Still worth playing years from now (a fundamentals explainer), as opposed to an
    /// episode about the tools or news of its day.
    pub evergreen: bool,
}

/// The facts that carry source URLs in `sources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceField {
    Hosts,
    Publisher,
    Started,
    Status,
    Cadence,
    Length,
    Formats,
    Levels,
    Links,
    /// The RSS feed URL: an official page naming it, or two independent public files.
    Feed,
    StartHere,
}

/// One curated show.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Show {
    pub id: ShowId,
    pub title: String,
    pub hosts: Vec<String>,
    pub publisher: Option<String>,
    pub started: Option<u16>,
    pub status: Status,
    /// Required when `status` is unknown: what was searched without finding a dated episode.
    // No `skip_serializing_if`: postcard has no field names, so every field must be written.
    #[serde(default)]
    pub status_note: Option<String>,
    pub last_episode: Option<IsoDate>,
    pub checked: IsoDate,
    pub cadence: Cadence,
    pub length: Option<LengthRange>,
    pub formats: Vec<Format>,
    pub levels: Vec<Level>,
    pub level_reason: String,
    pub topics: Vec<TopicId>,
    pub links: Links,
    pub description: String,
    #[serde(default)]
    pub start_here: Vec<StartEpisode>,
    pub sources: Map<SourceField, Vec<String>>,
}

impl Show {
    /// Recorded as live, but its newest known episode is more than [`QUIET_MONTHS`] calendar
    /// months older than the check: the catalog may simply be behind, so podpath gives the
    /// date of that episode instead of calling the show active.
    pub fn quiet_since(&self) -> Option<&IsoDate> {
        let last = self.last_episode.as_ref()?;
        (self.status.is_publishing()
            && crate::dates::months_between(last, &self.checked) > QUIET_MONTHS)
            .then_some(last)
    }

    /// Still publishing as far as podpath can tell: recorded as live, with an episode within
    /// [`QUIET_MONTHS`] of the check (what Find's "Still publishing" counts).
    pub fn publishing(&self) -> bool {
        self.status.is_publishing() && self.quiet_since().is_none()
    }
}

/// A live show whose newest known episode is more than this many calendar months older than
/// its check is not called active anywhere (a card, a pick, the "Still publishing" filter).
pub const QUIET_MONTHS: u32 = 6;

#[cfg(test)]
impl Show {
    /// A valid, active show with nothing but what a unit test sets: the one fixture the
    /// engine's unit tests build on.
    pub(crate) fn fixture(title: &str, topics: &[&str], links: Links) -> Show {
        Show {
            id: ShowId("x".into()),
            title: title.into(),
            hosts: vec![],
            publisher: None,
            started: None,
            status: Status::Active,
            status_note: None,
            last_episode: None,
            checked: IsoDate("2026-11-27".into()),
            cadence: Cadence::Weekly,
            length: None,
            formats: vec![Format::Interview],
            levels: vec![Level::Intermediate],
            level_reason: "r".into(),
            topics: topics.iter().map(|t| TopicId::from(*t)).collect(),
            links,
            description: "d".into(),
            start_here: vec![],
            sources: Map::new(),
        }
    }
}

/// `data/catalog.json`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ShowsFile {
    pub schema_version: u32,
    pub data_as_of: IsoDate,
    pub shows: Vec<Show>,
}

/// One DataTalks.Club wiki topic with our own kind, level hint and summary.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: TopicId,
    pub title: String,
    pub url: String,
    pub kind: TopicKind,
    pub level: Level,
    pub summary: Option<String>,
    pub related: Vec<TopicId>,
    pub episodes: Vec<EpisodeId>,
}

/// `data/topics.json`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TopicsFile {
    pub schema_version: u32,
    pub source: String,
    pub source_url: String,
    pub hub: TopicId,
    pub topics: Vec<Topic>,
}

/// Platform links of one episode.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EpisodeLinks {
    pub apple: Option<String>,
    pub spotify: Option<String>,
    pub youtube: Option<String>,
}

/// One DataTalks.Club podcast episode (facts only).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Episode {
    pub id: EpisodeId,
    pub title: String,
    pub short: String,
    pub season: Option<u16>,
    pub episode: Option<u16>,
    pub guests: Vec<String>,
    pub tags: Vec<String>,
    pub topics: Vec<TopicId>,
    pub date: Option<IsoDate>,
    pub duration_s: Option<u32>,
    pub links: EpisodeLinks,
    pub url: String,
}

impl Episode {
    /// Length rounded to whole minutes, if known.
    pub fn minutes(&self) -> Option<u32> {
        self.duration_s.map(|s| (s + 30) / 60)
    }
}

/// `data/episodes.json`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EpisodesFile {
    pub schema_version: u32,
    pub show: ShowId,
    pub source: String,
    pub source_url: String,
    pub episodes: Vec<Episode>,
}
