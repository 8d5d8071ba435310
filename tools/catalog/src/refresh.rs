//! `refresh`: reads the feed of every show with an RSS link (at most 8 at a time), derives its
//! facts, and writes those that changed back into the catalog, once the whole catalog passes
//! the validator.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use chrono::NaiveDate;
use podpath_engine::{Cadence, LengthRange, Status};
use serde_json::{json, Map, Value};

use crate::catalog_file::{add_source, set_show_key, CatalogFile};
use crate::derive::{derive, Derived};
use crate::feed::parse_feed;
use crate::fetch::Fetcher;

/// Feeds read at the same time.
pub const PARALLEL_FEEDS: usize = 8;

/// One show to read: where its feed is recorded, and where to read it from this time.
#[derive(Debug, Clone)]
pub struct Job {
    pub index: usize,
    pub id: String,
    pub feed: String,
    pub read_from: String,
}

/// One changed fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: &'static str,
    pub old: String,
    pub new: String,
}

/// What happened to one show.
#[derive(Debug, Clone)]
pub struct ShowResult {
    pub id: String,
    pub outcome: Result<Vec<Change>, String>,
    /// `itunes:new-feed-url`, when the feed names a location other than its own.
    pub moved_to: Option<String>,
    pub episodes: usize,
}

/// What a run did.
#[derive(Debug, Clone)]
pub struct Summary {
    pub shows: Vec<ShowResult>,
    pub seconds: f64,
}

impl Summary {
    pub fn failures(&self) -> usize {
        self.shows.iter().filter(|s| s.outcome.is_err()).count()
    }
}

/// The feed's derived facts, or why there are none.
type Read = Result<(Derived, Option<String>), String>;

/// Reads every job's feed, with at most `PARALLEL_FEEDS` under way.
pub fn read_all(fetcher: &Fetcher, jobs: &[Job], today: NaiveDate) -> Vec<Read> {
    read_each(jobs, |job| read_one(fetcher, job, today))
}

/// Runs `read` on every job, at most `PARALLEL_FEEDS` at a time. A panic inside `read` (a bug
/// in a feed library meeting an odd feed) fails that job only: the run goes on, and the show is
/// reported like any other feed that could not be read.
fn read_each<F>(jobs: &[Job], read: F) -> Vec<Read>
where
    F: Fn(&Job) -> Read + Sync,
{
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Read>>> = Mutex::new(vec![None; jobs.len()]);
    std::thread::scope(|scope| {
        for _ in 0..PARALLEL_FEEDS.min(jobs.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let read = std::panic::catch_unwind(AssertUnwindSafe(|| read(job)))
                    .unwrap_or_else(|panic| Err(crashed(panic.as_ref())));
                if let Ok(mut all) = results.lock() {
                    all[i] = Some(read);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("not read".into())))
        .collect()
}

/// The failure reported for a feed whose reading panicked, with the panic's message.
fn crashed(panic: &(dyn std::any::Any + Send)) -> String {
    let why = panic_message(panic);
    format!("reading this feed crashed ({why}); please report it with the feed's URL")
}

/// What a caught panic says (its `&str` or `String` payload), for the report of the one feed
/// whose reading crashed: the maintainer can pass it on with the feed's URL.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into())
}

fn read_one(fetcher: &Fetcher, job: &Job, today: NaiveDate) -> Read {
    let fetched = fetcher.get(&job.read_from).map_err(|e| e.to_string())?;
    let info = parse_feed(&fetched.body).map_err(|e| e.to_string())?;
    let derived = derive(&info.episodes, today)
        .ok_or_else(|| format!("no dated episode among {} items", info.episodes.len()))?;
    let moved = info
        .new_feed_url
        .filter(|u| u.trim_end_matches('/') != job.feed.trim_end_matches('/'));
    Ok((derived, moved))
}

/// Applies what was read to the catalog. A show whose update the validator rejects keeps its
/// old facts and is reported as failed, so one odd feed never blocks the others.
pub fn apply(
    file: &mut CatalogFile,
    jobs: &[Job],
    reads: Vec<Read>,
    today: NaiveDate,
) -> Vec<ShowResult> {
    let original = file.doc.clone();
    let today = today.format("%Y-%m-%d").to_string();
    let mut results: Vec<ShowResult> = jobs
        .iter()
        .zip(reads)
        .map(|(job, read)| match read {
            Ok((derived, moved_to)) => {
                let changes = file
                    .show_mut(job.index)
                    .map(|show| update_show(show, &derived, &job.feed, &today))
                    .unwrap_or_default();
                ShowResult {
                    id: job.id.clone(),
                    outcome: Ok(changes),
                    moved_to,
                    episodes: derived.episodes,
                }
            }
            Err(why) => ShowResult {
                id: job.id.clone(),
                outcome: Err(why),
                moved_to: None,
                episodes: 0,
            },
        })
        .collect();
    // Undo the updates of the shows the validator rejects, then check again: the rest must pass.
    let rejected = file.problems_by_show();
    for (job, result) in jobs.iter().zip(results.iter_mut()) {
        if let Some(problem) = rejected.get(&job.index) {
            file.restore_show(job.index, &original);
            result.outcome = Err(format!("update rejected by the validator: {problem}"));
        }
    }
    results
}

/// Writes the derived facts into one show; returns what changed. Curated fields (levels,
/// formats, topics, description, start-here episodes...) are never touched.
fn update_show(
    show: &mut Map<String, Value>,
    derived: &Derived,
    feed: &str,
    today: &str,
) -> Vec<Change> {
    let status_key = |s: Status| s.key().to_string();
    let cadence_key = |c: Cadence| c.key().to_string();
    let new_facts: [(&'static str, &'static str, Value); 4] = [
        ("status", "status", json!(status_key(derived.status))),
        (
            "last_episode",
            "status",
            json!(derived.last_episode.format("%Y-%m-%d").to_string()),
        ),
        ("cadence", "cadence", json!(cadence_key(derived.cadence))),
        (
            "length",
            "length",
            derived.length.map_or(Value::Null, length_value),
        ),
    ];
    let old_status = show
        .get("status")
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut changes = Vec::new();
    for (key, source, new) in new_facts {
        // A feed with too few durations says nothing about length; keep what was curated.
        if new.is_null() {
            continue;
        }
        let old = show.get(key).cloned().unwrap_or(Value::Null);
        if old != new {
            changes.push(Change {
                field: key,
                old: shown(&old),
                new: shown(&new),
            });
            set_show_key(show, key, new);
            add_source(show, source, feed);
        }
    }
    // The note says what was searched for a status nobody could find; a feed always gives a
    // known one, which ends it.
    if old_status.as_deref() == Some("unknown") {
        show.shift_remove("status_note");
    }
    set_show_key(show, "checked", json!(today));
    changes
}

fn length_value(len: LengthRange) -> Value {
    json!({ "min": len.min, "max": len.max })
}

/// A fact as the table shows it.
fn shown(value: &Value) -> String {
    match value {
        Value::Null => "-".into(),
        Value::String(s) => s.clone(),
        Value::Object(o) => match (o.get("min"), o.get("max")) {
            (Some(min), Some(max)) => format!("{min}-{max} min"),
            _ => value.to_string(),
        },
        other => other.to_string(),
    }
}

/// The printed table: per show, each changed field old → new, or why it failed.
pub fn table(summary: &Summary) -> String {
    let width = summary
        .shows
        .iter()
        .map(|s| s.id.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!("{:width$}  {:13} {:24} new\n", "show", "field", "old");
    for show in &summary.shows {
        let id = show.id.as_str();
        match &show.outcome {
            Ok(changes) if changes.is_empty() => {
                out += &format!("{id:width$}  unchanged ({} episodes read)\n", show.episodes);
            }
            Ok(changes) => {
                for (i, c) in changes.iter().enumerate() {
                    let name = if i == 0 { id } else { "" };
                    out += &format!("{name:width$}  {:13} {:24} → {}\n", c.field, c.old, c.new);
                }
            }
            Err(why) => out += &format!("{id:width$}  FAILED        {why}\n"),
        }
        if let Some(url) = &show.moved_to {
            out += &format!(
                "{:width$}  NOTE          the feed says it moved (itunes:new-feed-url): {url}\n",
                ""
            );
        }
    }
    let read = summary.shows.len() - summary.failures();
    let changed = summary
        .shows
        .iter()
        .filter(|s| s.outcome.as_ref().is_ok_and(|c| !c.is_empty()))
        .count();
    out += &format!(
        "{read} of {} feeds read, {changed} shows changed, {} failed, in {:.1} s\n",
        summary.shows.len(),
        summary.failures(),
        summary.seconds
    );
    out
}

/// Reads, applies and reports; the caller decides about writing.
pub fn run(file: &mut CatalogFile, fetcher: &Fetcher, jobs: &[Job], today: NaiveDate) -> Summary {
    let started = Instant::now();
    let reads = read_all(fetcher, jobs, today);
    let shows = apply(file, jobs, reads, today);
    Summary {
        shows,
        seconds: started.elapsed().as_secs_f64(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(i: usize) -> Job {
        Job {
            index: i,
            id: format!("show-{i}"),
            feed: format!("https://example.org/{i}.xml"),
            read_from: format!("https://example.org/{i}.xml"),
        }
    }

    #[test]
    fn a_panic_while_reading_one_feed_fails_that_show_and_the_others_are_still_read() {
        let jobs: Vec<Job> = (0..20).map(job).collect();
        let reads = read_each(&jobs, |job| {
            if job.index == 7 {
                panic!("index out of range in a feed library");
            }
            Err(format!("read {}", job.id))
        });
        assert_eq!(reads.len(), 20);
        for (i, read) in reads.iter().enumerate() {
            let Err(why) = read else {
                panic!("job {i} was not meant to succeed")
            };
            if i == 7 {
                assert!(
                    why.contains("crashed (index out of range in a feed library)"),
                    "{why}"
                );
            } else {
                assert_eq!(why, &format!("read show-{i}"));
            }
        }
    }
}
