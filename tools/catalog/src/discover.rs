//! `discover`: finds the feed of each show that has none, through the Apple id in its
//! `links.apple` and the iTunes Search API (`/lookup?id=…&entity=podcast`, whose result names
//! the show's `feedUrl`). A feed is recorded only when it is read, parses, and calls itself by
//! the show's title: Apple's directory is right about most shows, but an id copied from the
//! wrong page would otherwise tie a show to another show's feed, and every later `refresh`
//! would then rewrite the show's facts from it.
//!
//! The recorded source is Apple's lookup URL for the id, whatever address was asked
//! (`--lookup-base` is for mirrors and tests), as `refresh` records the catalog's own feed URL
//! whatever address it read it from. The same fetcher, validator gate, atomic write and layout
//! as `refresh`; shows are asked one after another, since the API limits callers per minute.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::catalog_file::{add_source, set_link, CatalogFile};
use crate::cli::{load_valid, usage_error, write_updated};
use crate::feed::parse_feed;
use crate::fetch::{FetchError, Fetcher, Limits};
use crate::refresh::panic_message;

/// Where the iTunes Search API answers, and the host of every recorded source.
pub const LOOKUP_BASE: &str = "https://itunes.apple.com";

/// The longest `Retry-After` discover waits for before its one retry: the API asks for a pause
/// of seconds when it limits a caller; a longer one means "come back later", which a
/// maintainer can do, rather than a run that seems to hang.
pub const MAX_RETRY_WAIT: Duration = Duration::from_secs(30);

const EXIT_OK: u8 = 0;
const EXIT_SOME_FAILED: u8 = 1;

/// The command line of `discover`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub catalog: PathBuf,
    pub only: Vec<String>,
    /// `--feed ID=URL`: read that show's discovered feed from URL this time.
    pub feeds: Vec<(String, String)>,
    pub lookup_base: String,
    pub dry_run: bool,
}

/// One show to look up.
#[derive(Debug, Clone)]
pub struct Job {
    pub index: usize,
    pub id: String,
    pub title: String,
    pub apple_id: u64,
    /// Where to read the feed from instead of the URL the lookup names (`--feed`).
    pub read_from: Option<String>,
}

/// A feed that was found: the URL to record, its source, and where the feed says it moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub feed: String,
    pub source: String,
    /// `itunes:new-feed-url`, when the feed names a location other than the one found.
    pub moved_to: Option<String>,
}

/// Shows that were not asked, each with why: (id, reason).
pub type Skipped = Vec<(String, String)>;

/// What happened to one show.
#[derive(Debug, Clone)]
pub struct ShowResult {
    pub id: String,
    pub outcome: Result<Found, String>,
}

/// What a run did. `skipped` lists the shows of a full run that have no feed and no Apple id
/// to look one up with, and why: nothing was asked for them, and they are not failures.
#[derive(Debug, Clone)]
pub struct Summary {
    pub shows: Vec<ShowResult>,
    pub skipped: Skipped,
    pub seconds: f64,
}

impl Summary {
    pub fn failures(&self) -> usize {
        self.shows.iter().filter(|s| s.outcome.is_err()).count()
    }
}

/// A title as discover compares it: the part before a subtitle (":" or "|"), lower case,
/// punctuation dropped (apostrophes join, everything else separates words), without the words
/// "the" and "podcast". Directories and feeds dress the same name differently ("The Data
/// Malarkey Podcast", "Data Malarkey: talk about data"); the words that name the show stay.
pub fn normalise_title(title: &str) -> String {
    let main = title.split([':', '|']).next().unwrap_or("");
    let spaced: String = main
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2018}' | '\u{2019}'))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "podcast"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two titles name the same show. A title with no word of its own left ("The
/// Podcast") matches nothing: it would otherwise match every other such title.
pub fn same_title(a: &str, b: &str) -> bool {
    let a = normalise_title(a);
    !a.is_empty() && a == normalise_title(b)
}

/// The lookup URL for an Apple id at `base`.
pub fn lookup_url(base: &str, apple_id: u64) -> String {
    format!(
        "{}/lookup?id={apple_id}&entity=podcast",
        base.trim_end_matches('/')
    )
}

/// The `feedUrl` of an iTunes Search API answer, or why there is none.
pub fn feed_url_from_lookup(body: &[u8]) -> Result<String, String> {
    let doc: Value = serde_json::from_slice(body)
        .map_err(|e| format!("the lookup's answer is not JSON: {e}"))?;
    let results = doc
        .get("results")
        .and_then(Value::as_array)
        .ok_or("the lookup's answer has no \"results\" list")?;
    if results.is_empty() {
        return Err("the lookup found no podcast with this id (resultCount 0)".into());
    }
    results
        .iter()
        .find_map(|r| r.get("feedUrl").and_then(Value::as_str))
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_string)
        .ok_or_else(|| "the lookup's result names no feedUrl".into())
}

/// Asks the lookup URL; a 403 or 429 with a `Retry-After` of at most `MAX_RETRY_WAIT` is
/// asked once more after that wait (Apple answers either when a caller goes too fast).
fn ask(fetcher: &Fetcher, url: &str) -> Result<Vec<u8>, String> {
    match fetcher.get_noting_retry_after(url) {
        Ok(fetched) => Ok(fetched.body),
        Err((e @ FetchError::Status(403 | 429), Some(wait))) => {
            if wait > MAX_RETRY_WAIT {
                return Err(format!(
                    "lookup {url}: {e}; Retry-After {} s is more than the {} s this tool waits: try again later",
                    wait.as_secs(),
                    MAX_RETRY_WAIT.as_secs()
                ));
            }
            std::thread::sleep(wait);
            fetcher.get(url).map(|f| f.body).map_err(|again| {
                format!(
                    "lookup {url}: {e}, then {again} after waiting the {} s it asked for",
                    wait.as_secs()
                )
            })
        }
        Err((e, _)) => Err(format!("lookup {url}: {e}")),
    }
}

/// Looks one show up and reads the feed found; `titles` are every show's (id, title), to say
/// whose feed a wrong one is.
fn discover_one(
    fetcher: &Fetcher,
    job: &Job,
    lookup_base: &str,
    titles: &[(String, String)],
) -> Result<Found, String> {
    let body = ask(fetcher, &lookup_url(lookup_base, job.apple_id))?;
    let feed = feed_url_from_lookup(&body)?;
    let read_from = job.read_from.as_deref().unwrap_or(&feed);
    let fetched = fetcher
        .get(read_from)
        .map_err(|e| format!("feed {feed}: {e}"))?;
    let info = parse_feed(&fetched.body).map_err(|e| format!("feed {feed}: {e}"))?;
    if !same_title(&info.title, &job.title) {
        let whose = titles
            .iter()
            .find(|(id, title)| *id != job.id && same_title(&info.title, title));
        return Err(match whose {
            Some((other, _)) => format!(
                "feed {feed} is titled {:?}, the title of show {other:?}, not {:?}",
                info.title, job.title
            ),
            None => format!(
                "feed {feed} is titled {:?}, which does not match {:?}",
                info.title, job.title
            ),
        });
    }
    let moved_to = info
        .new_feed_url
        .filter(|u| u.trim_end_matches('/') != feed.trim_end_matches('/'));
    Ok(Found {
        source: lookup_url(LOOKUP_BASE, job.apple_id),
        feed,
        moved_to,
    })
}

/// The failure reported for a show whose reading panicked (a bug in a feed library meeting an
/// odd feed): that show fails, the run goes on.
fn crashed(panic: &(dyn std::any::Any + Send)) -> String {
    let why = panic_message(panic);
    format!("reading this show's feed crashed ({why}); please report it with the feed's URL")
}

/// The shows to look up, in catalog order, and the shows of a full run that have no Apple id.
/// A show named with `--only` or `--feed` must exist, lack a feed and have an Apple id.
pub fn jobs(
    file: &CatalogFile,
    only: &[String],
    feeds: &[(String, String)],
) -> Result<(Vec<Job>, Skipped), String> {
    let text = |show: &Value, key: &str| {
        show.get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let has_feed = |show: &Value| {
        show.get("links")
            .and_then(|l| l.get("rss"))
            .is_some_and(Value::is_string)
    };
    let apple_id = |show: &Value| {
        show.get("links")
            .and_then(|l| l.get("apple"))
            .and_then(Value::as_str)
            .and_then(podpath_engine::links::apple_id)
    };
    for named in only.iter().chain(feeds.iter().map(|(id, _)| id)) {
        match file.shows().iter().find(|s| text(s, "id") == *named) {
            None => return Err(format!("no show with id {named:?} in the catalog")),
            Some(show) if has_feed(show) => {
                return Err(format!(
                    "show {named:?} already has a feed: refresh reads it"
                ))
            }
            Some(show) if apple_id(show).is_none() => {
                return Err(format!(
                    "show {named:?} has no Apple link with an /id<digits> to look up"
                ))
            }
            Some(_) => {}
        }
    }
    let (mut jobs, mut skipped) = (Vec::new(), Vec::new());
    for (index, show) in file.shows().iter().enumerate() {
        let id = text(show, "id");
        if has_feed(show) || (!only.is_empty() && !only.contains(&id)) {
            continue;
        }
        let Some(apple_id) = apple_id(show) else {
            skipped.push((id, "no Apple link with an id to look up".into()));
            continue;
        };
        let read_from = feeds
            .iter()
            .rev()
            .find(|(f, _)| *f == id)
            .map(|(_, url)| url.clone());
        jobs.push(Job {
            index,
            title: text(show, "title"),
            id,
            apple_id,
            read_from,
        });
    }
    Ok((jobs, skipped))
}

/// Looks every job up, one after another.
pub fn read_all(
    fetcher: &Fetcher,
    file: &CatalogFile,
    jobs: &[Job],
    lookup_base: &str,
) -> Vec<ShowResult> {
    let titles: Vec<(String, String)> = file
        .shows()
        .iter()
        .map(|s| {
            let text = |k: &str| s.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            (text("id"), text("title"))
        })
        .collect();
    jobs.iter()
        .map(|job| ShowResult {
            id: job.id.clone(),
            outcome: std::panic::catch_unwind(AssertUnwindSafe(|| {
                discover_one(fetcher, job, lookup_base, &titles)
            }))
            .unwrap_or_else(|panic| Err(crashed(panic.as_ref()))),
        })
        .collect()
}

/// Records each feed found as the show's `links.rss`, with its lookup URL in `sources.feed`. A
/// feed that is already another show's fails, and so does a show whose entry the validator
/// then rejects: it keeps its old entry, so one odd answer never blocks the others.
pub fn apply(file: &mut CatalogFile, jobs: &[Job], results: &mut [ShowResult]) {
    let original = file.doc.clone();
    let mut owners: BTreeMap<String, String> = file
        .shows()
        .iter()
        .filter_map(|s| {
            let rss = s.get("links")?.get("rss")?.as_str()?;
            let id = s.get("id")?.as_str()?;
            Some((rss.trim_end_matches('/').to_string(), id.to_string()))
        })
        .collect();
    for (job, result) in jobs.iter().zip(results.iter_mut()) {
        let Ok(found) = &result.outcome else { continue };
        let key = found.feed.trim_end_matches('/').to_string();
        if let Some(owner) = owners.get(&key) {
            result.outcome = Err(format!(
                "feed {} is already the feed of show {owner:?}",
                found.feed
            ));
            continue;
        }
        if let Some(show) = file.show_mut(job.index) {
            set_link(show, "rss", &found.feed);
            add_source(show, "feed", &found.source);
        }
        owners.insert(key, job.id.clone());
    }
    let rejected = file.problems_by_show();
    for (job, result) in jobs.iter().zip(results.iter_mut()) {
        let Some(problem) = rejected.get(&job.index) else {
            continue;
        };
        file.restore_show(job.index, &original);
        if result.outcome.is_ok() {
            result.outcome = Err(format!("entry rejected by the validator: {problem}"));
        }
    }
}

/// Looks up, reads, applies and reports; the caller decides about writing.
pub fn run(
    file: &mut CatalogFile,
    fetcher: &Fetcher,
    jobs: &[Job],
    skipped: Skipped,
    lookup_base: &str,
) -> Summary {
    let started = Instant::now();
    let mut shows = read_all(fetcher, file, jobs, lookup_base);
    apply(file, jobs, &mut shows);
    Summary {
        shows,
        skipped,
        seconds: started.elapsed().as_secs_f64(),
    }
}

/// The printed table: per show, the feed found and its source, or why none was recorded.
pub fn table(summary: &Summary) -> String {
    let width = summary
        .shows
        .iter()
        .map(|s| s.id.len())
        .chain(summary.skipped.iter().map(|(id, _)| id.len()))
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!("{:width$}  outcome\n", "show");
    for show in &summary.shows {
        let id = show.id.as_str();
        match &show.outcome {
            Ok(found) => {
                out += &format!(
                    "{id:width$}  FOUND         {} (source: {})\n",
                    found.feed, found.source
                );
                if let Some(url) = &found.moved_to {
                    out += &format!(
                        "{:width$}  NOTE          the feed says it moved (itunes:new-feed-url): {url}\n",
                        ""
                    );
                }
            }
            Err(why) => out += &format!("{id:width$}  FAILED        {why}\n"),
        }
    }
    for (id, why) in &summary.skipped {
        out += &format!("{id:width$}  SKIPPED       {why}\n");
    }
    out += &format!(
        "{} of {} feeds found, {} failed, {} skipped, in {:.1} s\n",
        summary.shows.len() - summary.failures(),
        summary.shows.len(),
        summary.failures(),
        summary.skipped.len(),
        summary.seconds
    );
    out
}

/// `discover` as the command line runs it; returns the exit status: 0 every feed found, 1 some
/// not, 2 a usage or file error.
pub fn command(options: &Options) -> u8 {
    let mut file = match load_valid(&options.catalog) {
        Ok(file) => file,
        Err(status) => return status,
    };
    let (jobs, skipped) = match jobs(&file, &options.only, &options.feeds) {
        Ok(found) => found,
        Err(why) => return usage_error(&why),
    };
    let before = file.render();
    let summary = run(
        &mut file,
        &Fetcher::new(Limits::FEEDS),
        &jobs,
        skipped,
        &options.lookup_base,
    );
    print!("{}", table(&summary));
    if let Err(status) = write_updated(&file, &before, options.dry_run) {
        return status;
    }
    if summary.failures() == 0 {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_case_punctuation_the_podcast_and_subtitles() {
        assert_eq!(
            normalise_title("The Data Malarkey Podcast"),
            "data malarkey"
        );
        assert_eq!(
            normalise_title("Super Data Science: ML & AI Podcast with Jon Krohn"),
            "super data science"
        );
        assert_eq!(
            normalise_title("Chai Time Data Science | Sanyam Bhutani"),
            "chai time data science"
        );
        assert_eq!(
            normalise_title("  Not-So-Standard   Deviations! "),
            "not so standard deviations"
        );
        assert_eq!(normalise_title("Let’s Talk AI"), "lets talk ai");
        assert_eq!(normalise_title("DataFramed"), "dataframed");
        assert_eq!(
            normalise_title("Theory and Practice"),
            "theory and practice"
        );
    }

    #[test]
    fn same_title_ignores_dressing_but_not_other_words() {
        assert!(same_title("Dwarkesh Podcast", "the dwarkesh podcast"));
        assert!(same_title(
            "The Analytics Power Hour",
            "Analytics Power Hour: Data & Analytics Podcast"
        ));
        assert!(!same_title("Linear Digressions", "Linear Regressions"));
        assert!(!same_title("Data Skeptic", "Data Skeptic Kids"));
        assert!(!same_title("The Podcast", "Podcast"), "no words left");
        assert!(!same_title("", ""));
    }

    #[test]
    fn the_lookup_answer_gives_the_feed_url_or_says_why_not() {
        let one = br#"{"resultCount":1,"results":[{"wrapperType":"track","collectionName":"Linear Digressions","feedUrl":" https://feeds.example.org/ld.xml "}]}"#;
        assert_eq!(
            feed_url_from_lookup(one),
            Ok("https://feeds.example.org/ld.xml".into())
        );
        let none = feed_url_from_lookup(br#"{"resultCount":0,"results":[]}"#);
        assert!(none.is_err_and(|e| e.contains("resultCount 0")));
        let no_feed =
            feed_url_from_lookup(br#"{"resultCount":1,"results":[{"collectionName":"X"}]}"#);
        assert!(no_feed.is_err_and(|e| e.contains("no feedUrl")));
        let broken = feed_url_from_lookup(br#"{"resultCount":1,"results":[{"#);
        assert!(broken.is_err_and(|e| e.contains("not JSON")));
        let other = feed_url_from_lookup(br#"{"errorMessage":"Invalid value"}"#);
        assert!(other.is_err_and(|e| e.contains("no \"results\" list")));
    }

    #[test]
    fn the_lookup_url_carries_the_id_at_any_base() {
        assert_eq!(
            lookup_url(LOOKUP_BASE, 941219323),
            "https://itunes.apple.com/lookup?id=941219323&entity=podcast"
        );
        assert_eq!(
            lookup_url("http://127.0.0.1:8000/", 1),
            "http://127.0.0.1:8000/lookup?id=1&entity=podcast"
        );
    }
}
