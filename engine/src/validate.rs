//! Validation of the data files with path-precise problems
//! (`catalog.json: shows[4].topics[2]: unknown topic "mlopz"`).
//!
//! Parsing stops at the first structural error (a missing field, an unknown enum value): the
//! rest of the file cannot be read reliably after that. Every semantic rule (references,
//! uniqueness, URLs, dates, lengths, sources) is then checked in full, so one run lists every
//! problem of a file that parses.

use crate::model::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The `schema_version` this engine reads, per file. The catalog went to 2 when start-here
/// episodes gained `evergreen` and required `minutes`, and `status_note` and the `feed`
/// source appeared.
pub const CATALOG_SCHEMA_VERSION: u32 = 2;
pub const TOPICS_SCHEMA_VERSION: u32 = 1;
pub const EPISODES_SCHEMA_VERSION: u32 = 1;

/// Words that mark an episode as a recap, trailer or housekeeping: never a first episode.
const NOT_A_START: [&str; 9] = [
    "in case you missed",
    "recap",
    "trailer",
    "best of",
    "year in review",
    "housekeeping",
    "announcement",
    "rerun",
    "re-run",
];

/// Starts every placeholder of a draft entry (`podpath_catalog add`): a text that still
/// carries it is unfinished, and the build refuses it.
pub const DRAFT_MARK: &str = "DRAFT:";

/// How many months before the check an "active" show's last episode may be.
const ACTIVE_WITHIN_MONTHS: u32 = 12;

/// One thing wrong with a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file it is in, e.g. `catalog.json`.
    pub file: String,
    /// A JSON path, e.g. `shows[4].topics[2]`; empty for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.path, self.message)
        }
    }
}

#[derive(Deserialize)]
struct VersionOnly {
    schema_version: Option<serde_json::Value>,
}

/// Parses one data file, reporting the JSON path of a structural error and refusing a
/// `schema_version` other than `version`.
pub fn parse_file<T: DeserializeOwned>(file: &str, version: u32, text: &str) -> Result<T, Problem> {
    let problem = |path: String, message: String| Problem {
        file: file.to_owned(),
        path,
        message,
    };
    let found: VersionOnly = serde_json::from_str(text)
        .map_err(|e| problem(String::new(), format!("not valid JSON: {e}")))?;
    match found.schema_version {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(u64::from(version)) => {}
        Some(other) => {
            return Err(problem(
                "schema_version".into(),
                format!("{other} is not supported (this engine reads {version})"),
            ))
        }
        None => return Err(problem("schema_version".into(), "missing".into())),
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        problem(path, e.into_inner().to_string())
    })
}

/// Collects problems for one file while walking it.
struct Report<'a> {
    file: &'a str,
    problems: Vec<Problem>,
}

impl<'a> Report<'a> {
    fn new(file: &'a str) -> Self {
        Self {
            file,
            problems: Vec::new(),
        }
    }

    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            file: self.file.to_owned(),
            path: path.into(),
            message: message.into(),
        });
    }

    fn url(&mut self, path: impl Into<String>, url: &str) {
        if !is_https_url(url) {
            self.add(path, format!("not an https URL: {url:?}"));
        }
    }

    fn date(&mut self, path: impl Into<String>, date: &IsoDate) {
        if !is_iso_date(date.as_str()) {
            self.add(
                path,
                format!(
                    "not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {:?}",
                    date.as_str()
                ),
            );
        }
    }

    fn text(&mut self, path: impl Into<String>, text: &str, max_chars: usize) {
        let len = text.trim().chars().count();
        if len == 0 {
            self.add(path, "is empty");
        } else if text.trim_start().starts_with(DRAFT_MARK) {
            self.add(path, "is a draft placeholder: write it");
        } else if len > max_chars {
            self.add(
                path,
                format!("is {len} characters long (at most {max_chars})"),
            );
        }
    }

    fn unique<'k>(&mut self, seen: &mut HashSet<&'k str>, path: impl Into<String>, id: &'k str) {
        if !seen.insert(id) {
            self.add(path, format!("duplicate id {id:?}"));
        }
    }
}

/// `https://host/...` with a non-empty host and no whitespace or control characters.
pub fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && host.contains('.')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// An absolute http(s) URL, allowed for sources (some publishers only serve http).
fn is_source_url(url: &str) -> bool {
    is_https_url(url)
        || url
            .strip_prefix("http://")
            .is_some_and(|rest| is_https_url(&format!("https://{rest}")))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day.
pub fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<u32> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().ok()
        } else {
            None
        }
    };
    let year = match parts.first().and_then(|p| num(p, 4)) {
        Some(y) if (1900..=2100).contains(&y) => y,
        _ => return false,
    };
    let month = match parts.get(1) {
        None => return parts.len() == 1,
        Some(p) => match num(p, 2) {
            Some(m) if (1..=12).contains(&m) => m,
            _ => return false,
        },
    };
    let day = match parts.get(2) {
        None => return parts.len() == 2,
        Some(p) => match num(p, 2) {
            Some(d) => d,
            None => return false,
        },
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    parts.len() == 3 && (1..=days).contains(&day)
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Checks the shows file against the topic ids it may reference.
pub fn validate_shows(file: &ShowsFile, topic_ids: &HashSet<&str>) -> Vec<Problem> {
    let mut r = Report::new("catalog.json");
    r.date("data_as_of", &file.data_as_of);
    if file.shows.is_empty() {
        r.add("shows", "no shows");
    }
    let mut ids = HashSet::new();
    for (i, show) in file.shows.iter().enumerate() {
        let p = format!("shows[{i}]");
        if !is_slug(show.id.as_str()) || show.id.as_str().contains('_') {
            r.add(
                format!("{p}.id"),
                format!("{:?} is not of the form [a-z0-9-]+", show.id.as_str()),
            );
        }
        r.unique(&mut ids, format!("{p}.id"), show.id.as_str());
        r.text(format!("{p}.title"), &show.title, 120);
        for (h, host) in show.hosts.iter().enumerate() {
            r.text(format!("{p}.hosts[{h}]"), host, 80);
        }
        if let Some(publisher) = &show.publisher {
            r.text(format!("{p}.publisher"), publisher, 120);
        }
        if let Some(year) = show.started {
            if !(1990..=2100).contains(&year) {
                r.add(format!("{p}.started"), format!("implausible year {year}"));
            }
        }
        r.date(format!("{p}.checked"), &show.checked);
        status_rules(&mut r, &p, show);
        if let Some(last) = &show.last_episode {
            r.date(format!("{p}.last_episode"), last);
            if last.as_str() > show.checked.as_str() {
                r.add(
                    format!("{p}.last_episode"),
                    "is after the date it was checked",
                );
            }
        }
        if let Some(len) = show.length {
            if len.min == 0 || len.min > len.max || len.max > 600 {
                r.add(
                    format!("{p}.length"),
                    format!(
                        "{}..{} minutes is not a sane range (1 <= min <= max <= 600)",
                        len.min, len.max
                    ),
                );
            }
        }
        if show.formats.is_empty() {
            r.add(format!("{p}.formats"), "needs at least one format");
        }
        if has_duplicates(&show.formats) {
            r.add(format!("{p}.formats"), "lists a format twice");
        }
        if show.levels.is_empty() {
            r.add(format!("{p}.levels"), "needs at least one level");
        }
        if has_duplicates(&show.levels) {
            r.add(format!("{p}.levels"), "lists a level twice");
        }
        r.text(format!("{p}.level_reason"), &show.level_reason, 240);
        if show.topics.is_empty() {
            r.add(format!("{p}.topics"), "needs at least one topic");
        }
        for (t, topic) in show.topics.iter().enumerate() {
            if !topic_ids.contains(topic.as_str()) {
                r.add(
                    format!("{p}.topics[{t}]"),
                    format!("unknown topic {:?}", topic.as_str()),
                );
            }
        }
        if has_duplicates(&show.topics) {
            r.add(format!("{p}.topics"), "lists a topic twice");
        }
        let links = [
            ("website", &show.links.website),
            ("rss", &show.links.rss),
            ("apple", &show.links.apple),
            ("spotify", &show.links.spotify),
            ("youtube", &show.links.youtube),
        ];
        if links.iter().all(|(_, l)| l.is_none()) {
            r.add(format!("{p}.links"), "needs at least one link");
        }
        for (name, link) in links {
            if let Some(url) = link {
                r.url(format!("{p}.links.{name}"), url);
            }
        }
        if let Some(apple) = &show.links.apple {
            if crate::links::apple_id(apple).is_none() {
                r.add(format!("{p}.links.apple"), "has no /id<digits> show id");
            }
        }
        r.text(format!("{p}.description"), &show.description, 600);
        start_here_rules(&mut r, &p, show);
        for (field, urls) in &show.sources {
            for (u, url) in urls.iter().enumerate() {
                if !is_source_url(url) {
                    r.add(
                        format!("{p}.sources.{}[{u}]", source_key(*field)),
                        format!("not an absolute http(s) URL: {url:?}"),
                    );
                }
            }
        }
        let known = [
            (SourceField::Hosts, !show.hosts.is_empty()),
            (SourceField::Publisher, show.publisher.is_some()),
            (SourceField::Started, show.started.is_some()),
            (
                SourceField::Status,
                show.status != Status::Unknown || show.last_episode.is_some(),
            ),
            (SourceField::Cadence, show.cadence != Cadence::Unknown),
            (SourceField::Length, show.length.is_some()),
            (SourceField::Feed, show.links.rss.is_some()),
            (SourceField::StartHere, !show.start_here.is_empty()),
        ];
        for (field, is_known) in known {
            let sourced = show.sources.get(&field).is_some_and(|v| !v.is_empty());
            if is_known && !sourced {
                r.add(
                    format!("{p}.sources.{}", source_key(field)),
                    "a known fact needs at least one source URL",
                );
            }
        }
    }
    r.problems
}

/// A known status needs the last episode it rests on; `unknown` needs a note saying what was
/// searched; "active" needs an episode within a year of the check.
fn status_rules(r: &mut Report<'_>, p: &str, show: &Show) {
    let note = show.status_note.as_deref().map(str::trim).unwrap_or("");
    if show.status == Status::Unknown {
        if note.is_empty() {
            r.add(
                format!("{p}.status_note"),
                "status \"unknown\" needs a note saying what was searched",
            );
        } else {
            r.text(format!("{p}.status_note"), note, 400);
        }
        return;
    }
    let Some(last) = &show.last_episode else {
        r.add(
            format!("{p}.last_episode"),
            format!(
                "status {:?} needs the date of the last episode seen",
                show.status.key()
            ),
        );
        return;
    };
    if show.status == Status::Active {
        let (Some(last_month), Some(checked)) = (
            month_number(last.as_str()),
            month_number(show.checked.as_str()),
        ) else {
            return;
        };
        if checked.saturating_sub(last_month) > ACTIVE_WITHIN_MONTHS {
            r.add(
                format!("{p}.status"),
                format!(
                    "\"active\", but the last episode ({}) is more than a year before {}",
                    last.as_str(),
                    show.checked.as_str()
                ),
            );
        }
    }
}

/// Months since year 0 of an ISO date (a bare year counts as its December: the benefit of the
/// doubt for a last episode); `None` when unreadable.
fn month_number(date: &str) -> Option<u32> {
    let mut parts = date.split('-');
    let year: u32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next().map_or(Some(12), |m| m.parse().ok())?;
    Some(year * 12 + month)
}

/// 2–3 concrete episodes for every show that still publishes; none of them a recap, trailer
/// or housekeeping episode.
fn start_here_rules(r: &mut Report<'_>, p: &str, show: &Show) {
    let n = show.start_here.len();
    if n > 3 {
        r.add(format!("{p}.start_here"), "lists more than 3 episodes");
    }
    if show.status.is_publishing() && n < 2 {
        r.add(
            format!("{p}.start_here"),
            format!(
                "status {:?} needs 2-3 start-here episodes (has {n})",
                show.status.key()
            ),
        );
    }
    for (e, ep) in show.start_here.iter().enumerate() {
        let ep_path = format!("{p}.start_here[{e}]");
        r.text(format!("{ep_path}.title"), &ep.title, 200);
        let lower = ep.title.to_lowercase();
        if let Some(word) = NOT_A_START.iter().find(|w| lower.contains(*w)) {
            r.add(
                format!("{ep_path}.title"),
                format!("looks like a recap, trailer or housekeeping episode ({word:?}): not a first episode"),
            );
        }
        r.url(format!("{ep_path}.url"), &ep.url);
        r.text(format!("{ep_path}.why"), &ep.why, 200);
        if ep.minutes == 0 || ep.minutes > 600 {
            r.add(format!("{ep_path}.minutes"), "is not between 1 and 600");
        }
    }
}

fn source_key(field: SourceField) -> &'static str {
    match field {
        SourceField::Hosts => "hosts",
        SourceField::Publisher => "publisher",
        SourceField::Started => "started",
        SourceField::Status => "status",
        SourceField::Cadence => "cadence",
        SourceField::Length => "length",
        SourceField::Formats => "formats",
        SourceField::Levels => "levels",
        SourceField::Links => "links",
        SourceField::Feed => "feed",
        SourceField::StartHere => "start_here",
    }
}

fn has_duplicates<T: Eq + std::hash::Hash>(items: &[T]) -> bool {
    let mut seen = HashSet::new();
    items.iter().any(|x| !seen.insert(x))
}

/// Checks the topic graph against the episode ids it may cite.
pub fn validate_topics(file: &TopicsFile, episode_ids: &HashSet<&str>) -> Vec<Problem> {
    let mut r = Report::new("topics.json");
    r.text("source", &file.source, 120);
    r.url("source_url", &file.source_url);
    let ids: HashSet<&str> = file.topics.iter().map(|t| t.id.as_str()).collect();
    if !ids.contains(file.hub.as_str()) {
        r.add("hub", format!("unknown topic {:?}", file.hub.as_str()));
    }
    let mut seen = HashSet::new();
    for (i, topic) in file.topics.iter().enumerate() {
        let p = format!("topics[{i}]");
        if !is_slug(topic.id.as_str()) {
            r.add(
                format!("{p}.id"),
                format!("{:?} is not a slug", topic.id.as_str()),
            );
        }
        r.unique(&mut seen, format!("{p}.id"), topic.id.as_str());
        r.text(format!("{p}.title"), &topic.title, 120);
        r.url(format!("{p}.url"), &topic.url);
        if let Some(summary) = &topic.summary {
            r.text(format!("{p}.summary"), summary, 320);
        }
        for (j, rel) in topic.related.iter().enumerate() {
            if !ids.contains(rel.as_str()) {
                r.add(
                    format!("{p}.related[{j}]"),
                    format!("unknown topic {:?}", rel.as_str()),
                );
            } else if rel == &topic.id {
                r.add(
                    format!("{p}.related[{j}]"),
                    "a topic cannot be related to itself",
                );
            }
        }
        if has_duplicates(&topic.related) {
            r.add(format!("{p}.related"), "lists a topic twice");
        }
        for (j, ep) in topic.episodes.iter().enumerate() {
            if !episode_ids.contains(ep.as_str()) {
                r.add(
                    format!("{p}.episodes[{j}]"),
                    format!("unknown episode {:?}", ep.as_str()),
                );
            }
        }
    }
    r.problems
}

/// Checks the episodes file against the show and topic ids it may reference.
pub fn validate_episodes(
    file: &EpisodesFile,
    show_ids: &HashSet<&str>,
    topic_ids: &HashSet<&str>,
) -> Vec<Problem> {
    let mut r = Report::new("episodes.json");
    if !show_ids.contains(file.show.as_str()) {
        r.add("show", format!("unknown show {:?}", file.show.as_str()));
    }
    r.text("source", &file.source, 120);
    r.url("source_url", &file.source_url);
    let mut seen = HashSet::new();
    for (i, ep) in file.episodes.iter().enumerate() {
        let p = format!("episodes[{i}]");
        if !is_slug(ep.id.as_str()) {
            r.add(
                format!("{p}.id"),
                format!("{:?} is not a slug", ep.id.as_str()),
            );
        }
        r.unique(&mut seen, format!("{p}.id"), ep.id.as_str());
        r.text(format!("{p}.title"), &ep.title, 300);
        r.text(format!("{p}.short"), &ep.short, 300);
        for (g, guest) in ep.guests.iter().enumerate() {
            r.text(format!("{p}.guests[{g}]"), guest, 120);
        }
        for (t, topic) in ep.topics.iter().enumerate() {
            if !topic_ids.contains(topic.as_str()) {
                r.add(
                    format!("{p}.topics[{t}]"),
                    format!("unknown topic {:?}", topic.as_str()),
                );
            }
        }
        if let Some(date) = &ep.date {
            r.date(format!("{p}.date"), date);
        }
        if matches!(ep.duration_s, Some(s) if s == 0 || s > 6 * 3600) {
            r.add(
                format!("{p}.duration_s"),
                "is not between 1 second and 6 hours",
            );
        }
        for (name, link) in [
            ("apple", &ep.links.apple),
            ("spotify", &ep.links.spotify),
            ("youtube", &ep.links.youtube),
        ] {
            if let Some(url) = link {
                r.url(format!("{p}.links.{name}"), url);
            }
        }
        r.url(format!("{p}.url"), &ep.url);
    }
    r.problems
}

/// The raw text of the three data files.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    pub catalog: &'a str,
    pub topics: &'a str,
    pub episodes: &'a str,
}

/// The three parsed files, before indexing.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
pub struct Files {
    pub shows: ShowsFile,
    pub topics: TopicsFile,
    pub episodes: EpisodesFile,
}

/// Parses and fully validates the three files; returns every problem found.
pub fn check_all(src: Sources<'_>) -> Result<Files, Vec<Problem>> {
    let shows = parse_file::<ShowsFile>("catalog.json", CATALOG_SCHEMA_VERSION, src.catalog);
    let topics = parse_file::<TopicsFile>("topics.json", TOPICS_SCHEMA_VERSION, src.topics);
    let episodes =
        parse_file::<EpisodesFile>("episodes.json", EPISODES_SCHEMA_VERSION, src.episodes);
    let (shows, topics, episodes) = match (shows, topics, episodes) {
        (Ok(s), Ok(t), Ok(e)) => (s, t, e),
        (s, t, e) => {
            return Err([s.err(), t.err(), e.err()].into_iter().flatten().collect());
        }
    };
    let topic_ids: HashSet<&str> = topics.topics.iter().map(|t| t.id.as_str()).collect();
    let show_ids: HashSet<&str> = shows.shows.iter().map(|s| s.id.as_str()).collect();
    let episode_ids: HashSet<&str> = episodes.episodes.iter().map(|e| e.id.as_str()).collect();
    let mut problems = validate_shows(&shows, &topic_ids);
    problems.extend(validate_topics(&topics, &episode_ids));
    problems.extend(validate_episodes(&episodes, &show_ids, &topic_ids));
    if problems.is_empty() {
        Ok(Files {
            shows,
            topics,
            episodes,
        })
    } else {
        Err(problems)
    }
}

/// The data as the bundle carries it: the per-fact source URLs stay in `data/catalog.json`,
/// where the validator checks them and maintainers read them, but no view shows them, and
/// every reader would download them (about 15 KB gzip for 38 shows, measured 2026-11-27).
/// Likewise an episode's `short` title: no view shows it, so the bundle does not carry it
/// (`bundle`) and it reads as the full title. And a show's `level_reason` and `status_note`,
/// the maintainer's notes on why a level or an unknown status (2.6 KB gzip, measured
/// 2026-12-05): they stay in the JSON, where the validator requires them.
pub fn for_bundle(mut files: Files) -> Files {
    for show in &mut files.shows.shows {
        show.sources.clear();
        show.level_reason.clear();
        show.status_note = None;
    }
    for episode in &mut files.episodes.episodes {
        episode.short.clone_from(&episode.title);
    }
    files
}

/// Counts per problem file, for a one-line summary.
pub fn summarize(problems: &[Problem]) -> String {
    let mut per_file: HashMap<&str, usize> = HashMap::new();
    for p in problems {
        *per_file.entry(p.file.as_str()).or_default() += 1;
    }
    let mut parts: Vec<String> = per_file.iter().map(|(f, n)| format!("{f}: {n}")).collect();
    parts.sort();
    format!("{} problem(s) ({})", problems.len(), parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_accept_year_month_and_day_precision() {
        for ok in ["2020", "2020-07", "2020-07-26", "2024-02-29"] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in [
            "20",
            "2020-7",
            "2020-13",
            "2023-02-29",
            "2020-07-32",
            "2020/07/01",
            "",
            "2020-07-26T00",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn https_urls_need_a_dotted_host_and_no_spaces() {
        assert!(is_https_url("https://example.com/a?b=c"));
        for bad in [
            "http://example.com",
            "https://",
            "https://localhost/x",
            "javascript:alert(1)",
            "https://a.com/x y",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }

    #[test]
    fn sources_may_be_plain_http() {
        assert!(is_source_url("http://nssdeviations.com/rss"));
        assert!(!is_source_url("ftp://x.org"));
    }
}
