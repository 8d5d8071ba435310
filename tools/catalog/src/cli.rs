//! Arguments and the two commands. Exit codes: 0 every feed read, 1 some failed (the file
//! still carries the others' updates), 2 a usage or file error.

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::NaiveDate;
use serde_json::Value;

use crate::catalog_file::{render, CatalogFile};
use crate::draft::draft;
use crate::feed::parse_feed;
use crate::fetch::{check_feed_url, Fetcher, Limits};
use crate::refresh::{self, Job};

pub const USAGE: &str = "\
podpath_catalog: keep podpath's catalog fresh from the shows' feeds.

Usage (from the repository root):
  cargo run --release -p podpath_catalog -- refresh --catalog data/catalog.json
        [--only ID]... [--feed ID=URL]... [--dry-run] [--today YYYY-MM-DD]
  cargo run --release -p podpath_catalog -- add FEED_URL [--catalog data/catalog.json]

refresh  reads the feed of every show with an RSS link (or only the shows named with --only),
         updates status, last_episode, cadence, length and checked, adds the feed as the
         source of each changed fact, prints the changes, and writes the catalog once it
         passes the validator. Curated fields are never touched.
         --feed ID=URL  read that show's feed from URL this time (a mirror, a test server);
                        the catalog keeps its own feed URL as the source.
         --dry-run      print what would change; write nothing.
         --today DATE   judge status as of DATE (default: today, UTC).
add      prints a draft catalog entry for the feed; curated fields are DRAFT: placeholders
         that the validator rejects until they are written.

Feeds are fetched over https; plain http only on loopback (127.0.0.0/8, localhost, [::1]).
Exit status: 0 every feed read, 1 some feeds failed, 2 usage or file error.";

const EXIT_OK: u8 = 0;
const EXIT_SOME_FAILED: u8 = 1;
const EXIT_USAGE: u8 = 2;

/// A parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Refresh {
        catalog: PathBuf,
        only: Vec<String>,
        feeds: Vec<(String, String)>,
        dry_run: bool,
        today: Option<NaiveDate>,
    },
    Add {
        feed: String,
        catalog: PathBuf,
        today: Option<NaiveDate>,
    },
    Help,
}

/// Reads the arguments after the program name.
pub fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut words = args.iter();
    let command = match words.next().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some(c @ ("refresh" | "add")) => c,
        Some(other) => return Err(format!("unknown command {other:?}")),
    };
    let mut catalog = PathBuf::from("data/catalog.json");
    let (mut only, mut feeds, mut dry_run, mut today, mut feed_url) =
        (Vec::new(), Vec::new(), false, None, None);
    while let Some(word) = words.next() {
        let (flag, inline) = match word.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (word.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| words.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "--catalog" => catalog = PathBuf::from(value("--catalog")?),
            "--today" => {
                let v = value("--today")?;
                today =
                    Some(NaiveDate::parse_from_str(&v, "%Y-%m-%d").map_err(|_| {
                        format!("--today {v:?} is not a date of the form YYYY-MM-DD")
                    })?);
            }
            "--only" if command == "refresh" => only.push(value("--only")?),
            "--feed" if command == "refresh" => {
                let v = value("--feed")?;
                let (id, url) = v
                    .split_once('=')
                    .filter(|(id, url)| !id.is_empty() && !url.is_empty())
                    .ok_or_else(|| format!("--feed {v:?} is not of the form ID=URL"))?;
                check_feed_url(url).map_err(|e| format!("--feed {id}: {e}"))?;
                feeds.push((id.to_string(), url.to_string()));
            }
            "--dry-run" if command == "refresh" && inline.is_none() => dry_run = true,
            "-h" | "--help" => return Ok(Command::Help),
            f if f.starts_with('-') => return Err(format!("unknown option {f:?} for {command}")),
            url if command == "add" && feed_url.is_none() => {
                check_feed_url(url)?;
                feed_url = Some(url.to_string());
            }
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    Ok(match command {
        "add" => Command::Add {
            feed: feed_url.ok_or("add needs a FEED_URL")?,
            catalog,
            today,
        },
        _ => Command::Refresh {
            catalog,
            only,
            feeds,
            dry_run,
            today,
        },
    })
}

/// Runs a command line; returns the exit status.
pub fn main(args: &[String]) -> u8 {
    match parse_args(args) {
        Err(why) => {
            eprintln!("podpath_catalog: {why}\n\n{USAGE}");
            EXIT_USAGE
        }
        Ok(Command::Help) => {
            println!("{USAGE}");
            EXIT_OK
        }
        Ok(Command::Refresh {
            catalog,
            only,
            feeds,
            dry_run,
            today,
        }) => run_refresh(
            catalog,
            &only,
            &feeds,
            dry_run,
            today.unwrap_or_else(utc_today),
        ),
        Ok(Command::Add {
            feed,
            catalog,
            today,
        }) => run_add(&feed, catalog, today.unwrap_or_else(utc_today)),
    }
}

fn run_refresh(
    path: PathBuf,
    only: &[String],
    feeds: &[(String, String)],
    dry_run: bool,
    today: NaiveDate,
) -> u8 {
    let mut file = match CatalogFile::load(&path) {
        Ok(file) => file,
        Err(e) => return usage_error(&e.to_string()),
    };
    let problems = file.problems();
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("  {p}");
        }
        return usage_error(&format!(
            "{} does not pass the validator as it stands; fix it first",
            path.display()
        ));
    }
    let jobs = match jobs(&file, only, feeds) {
        Ok(jobs) => jobs,
        Err(why) => return usage_error(&why),
    };
    let before = file.render();
    let summary = refresh::run(&mut file, &Fetcher::new(Limits::FEEDS), &jobs, today);
    if only.is_empty() && summary.failures() < summary.shows.len() {
        file.set_data_as_of(&today.format("%Y-%m-%d").to_string());
    }
    print!("{}", refresh::table(&summary));
    let problems = file.problems();
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("  {p}");
        }
        return usage_error("the updated catalog does not pass the validator; nothing written");
    }
    let after = file.render();
    if dry_run {
        println!("dry run: {} not written", path.display());
    } else if after == before {
        println!("{} unchanged", path.display());
    } else if let Err(e) = file.write() {
        return usage_error(&e.to_string());
    } else {
        println!("wrote {}", path.display());
    }
    if summary.failures() == 0 {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    }
}

/// The shows to read, in catalog order.
fn jobs(
    file: &CatalogFile,
    only: &[String],
    feeds: &[(String, String)],
) -> Result<Vec<Job>, String> {
    let id_of = |show: &Value| {
        show.get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let rss_of = |show: &Value| {
        show.get("links")
            .and_then(|l| l.get("rss"))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    for named in only.iter().chain(feeds.iter().map(|(id, _)| id)) {
        match file.shows().iter().find(|s| id_of(s) == *named) {
            None => return Err(format!("no show with id {named:?} in the catalog")),
            Some(show) if rss_of(show).is_none() => {
                return Err(format!(
                    "show {named:?} has no RSS link in the catalog: add the feed (with its sources) first"
                ))
            }
            Some(_) => {}
        }
    }
    Ok(file
        .shows()
        .iter()
        .enumerate()
        .filter_map(|(index, show)| {
            let (id, feed) = (id_of(show), rss_of(show)?);
            if !only.is_empty() && !only.contains(&id) {
                return None;
            }
            let read_from = feeds
                .iter()
                .rev()
                .find(|(f, _)| *f == id)
                .map_or_else(|| feed.clone(), |(_, url)| url.clone());
            Some(Job {
                index,
                id,
                feed,
                read_from,
            })
        })
        .collect())
}

fn run_add(feed: &str, catalog: PathBuf, today: NaiveDate) -> u8 {
    let info = match Fetcher::new(Limits::FEEDS)
        .get(feed)
        .map_err(|e| e.to_string())
        .and_then(|f| parse_feed(&f.body).map_err(|e| e.to_string()))
    {
        Ok(info) => info,
        Err(why) => {
            eprintln!("podpath_catalog: {feed}: {why}");
            return EXIT_SOME_FAILED;
        }
    };
    let entry = draft(feed, &info, today);
    print!("{}", render(&entry));
    if let Some(moved) = &info.new_feed_url {
        eprintln!("note: the feed says it moved (itunes:new-feed-url): {moved}");
    }
    match CatalogFile::load(&catalog) {
        Ok(mut file) => {
            let id = entry.get("id").cloned().unwrap_or(Value::Null);
            if file.shows().iter().any(|s| s.get("id") == Some(&id)) {
                eprintln!(
                    "note: {} already has a show with id {id}",
                    catalog.display()
                );
            }
            let index = file.shows().len();
            if let Some(shows) = file.doc.get_mut("shows").and_then(Value::as_array_mut) {
                shows.push(entry);
            }
            let prefix = format!("shows[{index}]");
            let todo: Vec<String> = file
                .problems()
                .into_iter()
                .filter(|p| p.path.starts_with(&prefix))
                .map(|p| format!("  {}{}: {}", "show", &p.path[prefix.len()..], p.message))
                .collect();
            eprintln!(
                "\nDraft for {}: add it to \"shows\", then finish these ({}), which the validator checks:",
                catalog.display(),
                todo.len()
            );
            eprintln!("{}", todo.join("\n"));
        }
        Err(e) => eprintln!("note: {e}; the draft was not checked against a catalog"),
    }
    EXIT_OK
}

fn usage_error(why: &str) -> u8 {
    eprintln!("podpath_catalog: {why}");
    EXIT_USAGE
}

/// Today's date in UTC, from the system clock.
fn utc_today() -> NaiveDate {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn the_documented_refresh_line_parses() {
        let got = parse_args(&args(
            "refresh --catalog data/catalog.json --only a --only b --feed a=http://127.0.0.1:9/a.xml --dry-run --today 2026-11-27",
        ));
        assert_eq!(
            got,
            Ok(Command::Refresh {
                catalog: "data/catalog.json".into(),
                only: vec!["a".into(), "b".into()],
                feeds: vec![("a".into(), "http://127.0.0.1:9/a.xml".into())],
                dry_run: true,
                today: NaiveDate::from_ymd_opt(2026, 11, 27),
            })
        );
        assert!(matches!(
            parse_args(&args(
                "add https://feeds.example.org/x.rss --catalog=c.json"
            )),
            Ok(Command::Add { .. })
        ));
    }

    #[test]
    fn bad_command_lines_are_usage_errors() {
        for bad in [
            "frobnicate",
            "refresh --today 27/11/2026",
            "refresh --feed a",
            "refresh --feed a=http://example.org/feed",
            "refresh --only",
            "refresh --bogus",
            "add",
            "add http://example.org/feed.xml",
            "add https://a.example/x https://b.example/y",
        ] {
            assert!(parse_args(&args(bad)).is_err(), "{bad}");
        }
    }
}
