//! Browse: facet filters, full-text search, live facet counts and sorting over the shows.
//!
//! Within one facet the selected values are alternatives (beginner OR intermediate); across
//! facets they all apply. A facet value's count is the number of shows the list would hold if
//! that value were selected too, so a visitor sees where each click leads before making it.

use crate::catalog::Catalog;
use crate::model::{Cadence, Format, Level, Show, Status, TopicId};
use crate::search::SearchIndex;
use crate::set::{Counts, Set};
use crate::sorting;

/// Typical episode length bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LengthBucket {
    Under20,
    From20To45,
    From45To90,
    Over90,
}

impl LengthBucket {
    pub const ALL: [LengthBucket; 4] = [
        LengthBucket::Under20,
        LengthBucket::From20To45,
        LengthBucket::From45To90,
        LengthBucket::Over90,
    ];

    pub fn key(self) -> &'static str {
        match self {
            LengthBucket::Under20 => "short",
            LengthBucket::From20To45 => "medium",
            LengthBucket::From45To90 => "long",
            LengthBucket::Over90 => "epic",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.key() == key)
    }

    /// Inclusive minute bounds of the band.
    pub fn bounds(self) -> (u16, u16) {
        match self {
            LengthBucket::Under20 => (0, 19),
            LengthBucket::From20To45 => (20, 45),
            LengthBucket::From45To90 => (46, 90),
            LengthBucket::Over90 => (91, u16::MAX),
        }
    }

    /// A show is in a band when its typical range overlaps it.
    pub fn contains(self, show: &Show) -> bool {
        let (lo, hi) = self.bounds();
        show.length.is_some_and(|l| l.min <= hi && l.max >= lo)
    }
}

/// Where a show can be listened to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Platform {
    Apple,
    Spotify,
    YouTube,
    Rss,
}

impl Platform {
    pub const ALL: [Platform; 4] = [
        Platform::Apple,
        Platform::Spotify,
        Platform::YouTube,
        Platform::Rss,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Platform::Apple => "apple",
            Platform::Spotify => "spotify",
            Platform::YouTube => "youtube",
            Platform::Rss => "rss",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn offered_by(self, show: &Show) -> bool {
        match self {
            Platform::Apple => show.links.apple.is_some(),
            Platform::Spotify => show.links.spotify.is_some(),
            Platform::YouTube => show.links.youtube.is_some(),
            Platform::Rss => show.links.rss.is_some(),
        }
    }
}

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Sort {
    /// Search relevance; without a query, the catalog's editorial order.
    #[default]
    BestMatch,
    /// Most recent known episode first.
    Recent,
    /// Shortest typical episode first.
    Shortest,
    /// Title A–Z.
    Az,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::BestMatch, Sort::Recent, Sort::Shortest, Sort::Az];

    pub fn key(self) -> &'static str {
        match self {
            Sort::BestMatch => "best",
            Sort::Recent => "recent",
            Sort::Shortest => "shortest",
            Sort::Az => "az",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Everything a visitor can set in Browse.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Filters {
    pub query: String,
    pub levels: Set<Level>,
    pub topics: Set<TopicId>,
    pub formats: Set<Format>,
    pub lengths: Set<LengthBucket>,
    pub platforms: Set<Platform>,
    pub active_only: bool,
    pub sort: Sort,
    /// List DataTalks.Club episodes instead of shows.
    pub episodes: bool,
}

impl Filters {
    /// How many facet values narrow the list (the query is not a facet): for the summary of a
    /// closed filter panel. Listing episodes, level, format and status do not apply (their
    /// groups are hidden), so they are not counted.
    pub fn facet_count(&self) -> usize {
        let episode_facets = self.topics.len() + self.lengths.len() + self.platforms.len();
        if self.episodes {
            episode_facets
        } else {
            episode_facets + self.levels.len() + self.formats.len() + usize::from(self.active_only)
        }
    }

    /// True when no facet and no query narrows the list.
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.levels.is_empty()
            && self.topics.is_empty()
            && self.formats.is_empty()
            && self.lengths.is_empty()
            && self.platforms.is_empty()
            && !self.active_only
    }
}

/// One show in the result list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Catalog::shows`.
    pub show: usize,
    /// Search score (0 without a query).
    pub score: u32,
}

/// Puts `hits` in the order of `order` (show indices, e.g. most alike first); a hit whose show
/// `order` does not list is left out.
pub fn order_by(hits: &mut Vec<Hit>, order: &[usize]) {
    let rank = |h: &Hit| order.iter().position(|&s| s == h.show);
    hits.retain(|h| rank(h).is_some());
    sorting::sort_by_key(hits, rank);
}

/// Live counts per facet value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facets {
    pub levels: Counts<Level>,
    pub formats: Counts<Format>,
    pub lengths: Counts<LengthBucket>,
    pub platforms: Counts<Platform>,
    pub topics: Counts<TopicId>,
    /// Shows still publishing among those matching the other filters.
    pub active: usize,
}

impl Facets {
    pub fn level(&self, l: Level) -> usize {
        self.levels.get(&l)
    }
    pub fn format(&self, f: Format) -> usize {
        self.formats.get(&f)
    }
    pub fn length(&self, b: LengthBucket) -> usize {
        self.lengths.get(&b)
    }
    pub fn platform(&self, p: Platform) -> usize {
        self.platforms.get(&p)
    }
    pub fn topic(&self, t: &str) -> usize {
        self.topics.get(t)
    }
}

/// The filtered, sorted list and its facet counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

const FACETS: usize = 6;
const LEVEL: usize = 0;
const TOPIC: usize = 1;
const FORMAT: usize = 2;
const LENGTH: usize = 3;
const PLATFORM: usize = 4;
const ACTIVE: usize = 5;

fn any_or_all<T>(selected: &Set<T>, pred: impl Fn(&T) -> bool) -> bool {
    selected.is_empty() || selected.iter().any(pred)
}

/// Applies the filters: one pass over the shows computes the hits and every facet count.
pub fn apply(catalog: &Catalog, index: &SearchIndex<'_>, filters: &Filters) -> Results {
    let terms = index.terms(&filters.query);
    let mut results = Results::default();
    for (i, show) in catalog.shows.iter().enumerate() {
        let score = if terms.is_empty() {
            0
        } else {
            match index.score(i, &terms) {
                Some(s) => s,
                None => continue,
            }
        };
        let pass = [
            any_or_all(&filters.levels, |l| show.levels.contains(l)),
            any_or_all(&filters.topics, |t| show.topics.contains(t)),
            any_or_all(&filters.formats, |f| show.formats.contains(f)),
            any_or_all(&filters.lengths, |b| b.contains(show)),
            any_or_all(&filters.platforms, |p| p.offered_by(show)),
            !filters.active_only || show.publishing(),
        ];
        let failing: Vec<usize> = (0..FACETS).filter(|&f| !pass[f]).collect();
        let counts_for = |facet: usize| failing.is_empty() || failing == [facet];
        let f = &mut results.facets;
        if counts_for(LEVEL) {
            for l in &show.levels {
                f.levels.add(*l, 1);
            }
        }
        if counts_for(TOPIC) {
            for t in &show.topics {
                f.topics.add(t.clone(), 1);
            }
        }
        if counts_for(FORMAT) {
            for x in &show.formats {
                f.formats.add(*x, 1);
            }
        }
        if counts_for(LENGTH) {
            for b in LengthBucket::ALL.into_iter().filter(|b| b.contains(show)) {
                f.lengths.add(b, 1);
            }
        }
        if counts_for(PLATFORM) {
            for p in Platform::ALL.into_iter().filter(|p| p.offered_by(show)) {
                f.platforms.add(p, 1);
            }
        }
        if counts_for(ACTIVE) && show.publishing() {
            f.active += 1;
        }
        if failing.is_empty() {
            results.hits.push(Hit { show: i, score });
        }
    }
    sort_hits(catalog, &mut results.hits, filters.sort);
    results
}

fn sort_hits(catalog: &Catalog, hits: &mut [Hit], sort: Sort) {
    let show = |h: &Hit| &catalog.shows[h.show];
    match sort {
        Sort::BestMatch => sorting::sort_by(hits, |a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| lead_tier(show(a)).cmp(&lead_tier(show(b))))
                .then(a.show.cmp(&b.show))
        }),
        Sort::Recent => sorting::sort_by(hits, |a, b| {
            let (x, y) = (show(a), show(b));
            // Unknown dates sort last: `None < Some` so compare reversed.
            y.last_episode
                .cmp(&x.last_episode)
                .then_with(|| x.title.cmp(&y.title))
        }),
        Sort::Shortest => sorting::sort_by(hits, |a, b| {
            let (x, y) = (show(a), show(b));
            let key = |s: &Show| s.length.map_or((u16::MAX, u16::MAX), |l| (l.min, l.max));
            key(x).cmp(&key(y)).then_with(|| x.title.cmp(&y.title))
        }),
        Sort::Az => sorting::sort_by(hits, |a, b| {
            let (x, y) = (show(a), show(b));
            crate::text::fold(title_for_sorting(&x.title))
                .cmp(&crate::text::fold(title_for_sorting(&y.title)))
        }),
    }
}

/// Which shows lead the default order ("best match" with no search, and ties within a search),
/// lowest first; within a tier the catalog's own curated order holds:
///
/// 0. active or revived, with last episode, cadence and length all known, and not quiet;
/// 1. active or revived with a fact missing, or quiet for over six months;
/// 2. ended (the archive may still be worth it);
/// 3. status unknown: never leads.
pub fn lead_tier(show: &Show) -> u8 {
    let complete =
        show.last_episode.is_some() && show.cadence != Cadence::Unknown && show.length.is_some();
    match show.status {
        Status::Active | Status::Revived if complete && show.quiet_since().is_none() => 0,
        Status::Active | Status::Revived => 1,
        Status::Ended => 2,
        Status::Unknown => 3,
    }
}

/// "The MLOps Podcast" sorts under M, as listeners look for it.
fn title_for_sorting(title: &str) -> &str {
    title.strip_prefix("The ").unwrap_or(title)
}

/// Topic ids ordered by how many items cover them, most first (ties by id): the order of the
/// topic facet.
pub fn by_count_desc(counts: impl IntoIterator<Item = (TopicId, usize)>) -> Vec<TopicId> {
    let mut v: Vec<(TopicId, usize)> = counts.into_iter().filter(|(_, n)| *n > 0).collect();
    sorting::sort_by(&mut v, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.into_iter().map(|(t, _)| t).collect()
}

/// Every topic some show covers, most-covered first.
pub fn topic_order(catalog: &Catalog) -> Vec<TopicId> {
    let mut counts: Counts<TopicId> = Counts::new();
    for t in catalog.shows.iter().flat_map(|s| &s.topics) {
        counts.add(t.clone(), 1);
    }
    by_count_desc(counts)
}

/// The one selected value a relaxation removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dropped {
    Query,
    Level(Level),
    Topic(TopicId),
    Format(Format),
    Length(LengthBucket),
    Platform(Platform),
    ActiveOnly,
}

/// One way to widen an empty (or small) result: drop one selected value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relaxation {
    pub filters: Filters,
    pub dropped: Dropped,
    pub hits: usize,
}

/// The single removal that brings back the most shows (ties: the first in facet order).
pub fn best_relaxation(
    catalog: &Catalog,
    index: &SearchIndex<'_>,
    filters: &Filters,
) -> Option<Relaxation> {
    let mut candidates: Vec<(Filters, Dropped)> = Vec::new();
    let mut push = |f: Filters, d: Dropped| candidates.push((f, d));
    if !filters.query.is_empty() {
        push(
            Filters {
                query: String::new(),
                ..filters.clone()
            },
            Dropped::Query,
        );
    }
    for l in &filters.levels {
        let mut f = filters.clone();
        f.levels.remove(l);
        push(f, Dropped::Level(*l));
    }
    for t in &filters.topics {
        let mut f = filters.clone();
        f.topics.remove(t);
        push(f, Dropped::Topic(t.clone()));
    }
    for x in &filters.formats {
        let mut f = filters.clone();
        f.formats.remove(x);
        push(f, Dropped::Format(*x));
    }
    for b in &filters.lengths {
        let mut f = filters.clone();
        f.lengths.remove(b);
        push(f, Dropped::Length(*b));
    }
    for p in &filters.platforms {
        let mut f = filters.clone();
        f.platforms.remove(p);
        push(f, Dropped::Platform(*p));
    }
    if filters.active_only {
        push(
            Filters {
                active_only: false,
                ..filters.clone()
            },
            Dropped::ActiveOnly,
        );
    }
    candidates
        .into_iter()
        .map(|(f, dropped)| {
            let hits = apply(catalog, index, &f).hits.len();
            Relaxation {
                filters: f,
                dropped,
                hits,
            }
        })
        .filter(|r| r.hits > 0)
        .fold(None, |best: Option<Relaxation>, r| match best {
            Some(b) if b.hits >= r.hits => Some(b),
            _ => Some(r),
        })
}
