//! Arguments and the commands. Exit codes: 0 every feed read, 1 some failed (the file
//! still carries the others' updates), 2 a usage or file error; for `check-links` 1 means
//! some link is broken.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::NaiveDate;
use podpath_engine::validate::Problem;
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
  cargo run --release -p podpath_catalog -- discover --catalog data/catalog.json
        [--only ID]... [--lookup-base URL] [--feed ID=URL]... [--dry-run]
  cargo run --release -p podpath_catalog -- check-links --catalog data/catalog.json
        [--only ID]... [--json REPORT] [--fix-moved]

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
discover finds the feed of every show without an RSS link (or only the shows named with
         --only) from the Apple id in its links.apple: asks the iTunes Search API
         (lookup?id=ID&entity=podcast) for its feedUrl, reads that feed, and records it as
         links.rss with the lookup URL as its source, only when the feed parses and its
         title is the show's (ignoring case, punctuation, \"the\", \"podcast\" and a
         subtitle after \":\" or \"|\"). A 403 or 429 is asked once more after its
         Retry-After (at most 30 s). Writes the catalog once it passes the validator.
         --lookup-base URL  ask the API at URL this time (default https://itunes.apple.com);
                            the source recorded is still Apple's lookup URL.
         --feed ID=URL      read the feed found for that show from URL this time.
         --dry-run          print what would be recorded; write nothing.
check-links  asks for every URL of every show (or only those named with --only): links,
         start-here episodes, sources. HEAD, or GET where HEAD is refused (403, 405, 501),
         body never read; each redirect followed and checked; 8 requests at a time, at most
         2 per host; 5 s to connect, 15 s per request. Prints per show each BROKEN link
         (404, 410, other 4xx/5xx, DNS, TLS, timeout, a refused hop; with the reason) and
         each MOVED one (301/308, with the URL the permanent redirects lead to; 302, 303
         and 307 are temporary and fine). Plain-http sources off loopback are not asked.
         --json REPORT  also write the report as JSON (show, path, url, outcome, status,
                        reason, new_url) to REPORT.
         --fix-moved    write the new URL of each moved link into the catalog, once it
                        passes the validator (a rewrite it rejects is left out).

Feeds are fetched over https; plain http only on loopback (127.0.0.0/8, localhost, [::1]).
Exit status: 0 every feed read (discover: found), 1 some failed, 2 usage or file error;
check-links: 0 no link broken, 1 some link broken, 2 usage or file error.";

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
    Discover(crate::discover::Options),
    CheckLinks(crate::check_links::Args),
    Help,
}

/// Reads the arguments after the program name.
pub fn parse_args(args: &[String]) -> Result<Command, String> {
    // check-links shares no flag but --catalog and --only with the others: its own parser.
    if let Some(("check-links", rest)) = args.split_first().map(|(c, r)| (c.as_str(), r)) {
        return crate::check_links::parse(rest)
            .map(|a| a.map_or(Command::Help, Command::CheckLinks));
    }
    let mut words = args.iter();
    let command = match words.next().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some(c @ ("refresh" | "add" | "discover")) => c,
        Some(other) => return Err(format!("unknown command {other:?}")),
    };
    let mut catalog = PathBuf::from("data/catalog.json");
    let (mut only, mut feeds, mut dry_run, mut today, mut feed_url) =
        (Vec::new(), Vec::new(), false, None, None);
    let mut lookup_base = crate::discover::LOOKUP_BASE.to_string();
    let reads_shows = matches!(command, "refresh" | "discover");
    while let Some(word) = words.next() {
        let (flag, inline) = split_flag(word);
        let mut value = |name: &str| {
            flag_value(inline.as_deref(), &mut words).ok_or_else(|| format!("{name} needs a value"))
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
            "--only" if reads_shows => only.push(value("--only")?),
            "--lookup-base" if command == "discover" => {
                let v = value("--lookup-base")?;
                check_feed_url(&v).map_err(|e| format!("--lookup-base: {e}"))?;
                lookup_base = v;
            }
            "--feed" if reads_shows => {
                let v = value("--feed")?;
                let (id, url) = v
                    .split_once('=')
                    .filter(|(id, url)| !id.is_empty() && !url.is_empty())
                    .ok_or_else(|| format!("--feed {v:?} is not of the form ID=URL"))?;
                check_feed_url(url).map_err(|e| format!("--feed {id}: {e}"))?;
                feeds.push((id.to_string(), url.to_string()));
            }
            "--dry-run" if reads_shows && inline.is_none() => dry_run = true,
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
        "discover" if today.is_some() => return Err("discover takes no --today".into()),
        "discover" => Command::Discover(crate::discover::Options {
            catalog,
            only,
            feeds,
            lookup_base,
            dry_run,
        }),
        _ => Command::Refresh {
            catalog,
            only,
            feeds,
            dry_run,
            today,
        },
    })
}

/// Reads a command-line word as a flag: `--flag=value` is the flag and its inline value; any
/// other word comes whole. Every command's parser reads its words so, so that both forms of a
/// flag work alike everywhere.
pub(crate) fn split_flag(word: &str) -> (&str, Option<String>) {
    match word.split_once('=') {
        Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
        _ => (word, None),
    }
}

/// The value of a flag: its inline value (`--flag=value`), else the next word of `words`.
pub(crate) fn flag_value<'a>(
    inline: Option<&str>,
    words: &mut impl Iterator<Item = &'a String>,
) -> Option<String> {
    inline.map(str::to_string).or_else(|| words.next().cloned())
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
        Ok(Command::Discover(options)) => crate::discover::command(&options),
        Ok(Command::CheckLinks(args)) => crate::check_links::execute(
            &args,
            &Fetcher::new(crate::check_links::LIMITS),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr(),
        ),
    }
}

fn run_refresh(
    path: PathBuf,
    only: &[String],
    feeds: &[(String, String)],
    dry_run: bool,
    today: NaiveDate,
) -> u8 {
    let mut file = match load_valid(&path) {
        Ok(file) => file,
        Err(status) => return status,
    };
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
    if let Err(status) = write_updated(&file, &before, dry_run) {
        return status;
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

/// Loads the catalog that `refresh` or `discover` updates; on failure, prints why and returns
/// the exit status. A file that the validator already rejects is refused as it stands: the
/// command writes the catalog only once it passes, and must not be blamed for problems it did
/// not make.
pub(crate) fn load_valid(path: &Path) -> Result<CatalogFile, u8> {
    let file = CatalogFile::load(path).map_err(|e| usage_error(&e.to_string()))?;
    let problems = file.problems();
    if !problems.is_empty() {
        return Err(rejected(
            &problems,
            &format!(
                "{} does not pass the validator as it stands; fix it first",
                path.display()
            ),
        ));
    }
    Ok(file)
}

/// Writes the updated catalog to its file, unless `dry_run` or nothing changed since `before`
/// (its text as loaded), and says which; on failure, prints why and returns the exit status.
/// Nothing is written unless the validator accepts the whole file, so the catalog on disk is
/// always one the site can load.
pub(crate) fn write_updated(file: &CatalogFile, before: &str, dry_run: bool) -> Result<(), u8> {
    let problems = file.problems();
    if !problems.is_empty() {
        return Err(rejected(
            &problems,
            "the updated catalog does not pass the validator; nothing written",
        ));
    }
    let path = file.path.display();
    if dry_run {
        println!("dry run: {path} not written");
    } else if file.render() == before {
        println!("{path} unchanged");
    } else if let Err(e) = file.write() {
        return Err(usage_error(&e.to_string()));
    } else {
        println!("wrote {path}");
    }
    Ok(())
}

/// Prints each of the validator's problems, then `why`; returns the usage or file error status.
fn rejected(problems: &[Problem], why: &str) -> u8 {
    for p in problems {
        eprintln!("  {p}");
    }
    usage_error(why)
}

/// Prints `why` as the command's error; returns the usage or file error status.
pub(crate) fn usage_error(why: &str) -> u8 {
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
pub(crate) mod tests {
    use super::*;

    /// A command line split at white space (no quoting), for the parsers' tests.
    pub(crate) fn args(line: &str) -> Vec<String> {
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
        assert_eq!(
            parse_args(&args(
                "discover --catalog c.json --only a --lookup-base http://127.0.0.1:9 --feed a=http://127.0.0.1:9/a.xml --dry-run",
            )),
            Ok(Command::Discover(crate::discover::Options {
                catalog: "c.json".into(),
                only: vec!["a".into()],
                feeds: vec![("a".into(), "http://127.0.0.1:9/a.xml".into())],
                lookup_base: "http://127.0.0.1:9".into(),
                dry_run: true,
            }))
        );
        assert!(matches!(
            parse_args(&args("discover")),
            Ok(Command::Discover(o)) if o.lookup_base == "https://itunes.apple.com"
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
            "discover --lookup-base http://itunes.apple.com",
            "discover --today 2026-11-27",
            "add https://a.example/x --only a",
        ] {
            assert!(parse_args(&args(bad)).is_err(), "{bad}");
        }
    }
}
