//! `check-links`: asks for every URL in the catalog's shows (links, start-here episodes,
//! sources) and reports, per show, each broken one and each one that moved for good, with its
//! JSON path; `--fix-moved` writes the new URLs of permanent moves into the catalog.
//!
//! Each redirect is followed here, hop by hop (`Fetcher::probe`), rather than by the HTTP
//! agent: only then can a 301 or 308 (moved for good: worth rewriting) be told from a 302, 303
//! or 307 (temporary: the catalog's URL stays right), and only then is every hop held to the
//! same policy as refresh (https; plain http only on loopback, and never a step down from
//! https). HEAD is asked first, as it costs the host no body; GET only where HEAD is refused,
//! and its body is never read.

use std::collections::{HashMap, HashSet, VecDeque};
use std::io::Write;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use podpath_engine::validate::Problem;
use serde_json::{json, Value};
use ureq::http::Uri;

use crate::catalog_file::{render, CatalogFile};
use crate::cli::{flag_value, split_flag};
use crate::fetch::{check_feed_url, Fetcher, Limits, NoAnswer, Probe};

/// The command's limits: a link answers its headers quickly or not at all, so a few seconds
/// to connect keep a run without network (every host failing) short; ten hops allow the
/// longest chains that listening platforms use. No body is read.
pub const LIMITS: Limits = Limits {
    connect: Duration::from_secs(5),
    total: Duration::from_secs(15),
    redirects: 10,
    body_bytes: 0,
};

/// Requests under way at once, over all hosts.
pub const PARALLEL: usize = 8;
/// Requests under way at once to one host (`host:port`), so that a run never looks like a
/// flood to the hosts that carry many of the catalog's links (GitHub, YouTube, Apple).
pub const PER_HOST: usize = 2;

const EXIT_OK: u8 = 0;
const EXIT_BROKEN: u8 = 1;
const EXIT_USAGE: u8 = 2;

/// A parsed `check-links` command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub catalog: PathBuf,
    pub only: Vec<String>,
    pub json: Option<PathBuf>,
    pub fix_moved: bool,
}

/// Reads the arguments after `check-links`; `None` asks for the usage text.
pub fn parse(args: &[String]) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        catalog: PathBuf::from("data/catalog.json"),
        only: Vec::new(),
        json: None,
        fix_moved: false,
    };
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let (flag, inline) = split_flag(word);
        let mut value = |name: &str| {
            flag_value(inline.as_deref(), &mut words)
                .filter(|v| !v.is_empty())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "--catalog" => parsed.catalog = PathBuf::from(value("--catalog")?),
            "--only" => parsed.only.push(value("--only")?),
            "--json" => parsed.json = Some(PathBuf::from(value("--json")?)),
            "--fix-moved" if inline.is_none() => parsed.fix_moved = true,
            "-h" | "--help" => return Ok(None),
            f if f.starts_with('-') => return Err(format!("unknown option {f:?} for check-links")),
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    Ok(Some(parsed))
}

/// One place a URL sits in the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub show: String,
    /// The show's index in `shows`.
    pub index: usize,
    /// The path inside the show, as the validator writes it: `links.website`,
    /// `start_here[0].url`, `sources.status[1]`.
    pub within: String,
    /// The same place as a JSON pointer, to rewrite it.
    pub pointer: String,
    pub url: String,
}

impl Link {
    /// The full JSON path, as the validator reports it: `shows[3].links.website`.
    pub fn path(&self) -> String {
        format!("shows[{}].{}", self.index, self.within)
    }
}

/// The URLs of the shows (all, or those named in `only`), in file order, and how many
/// plain-http URLs off loopback were left out: the policy never asks for those (sources may
/// be plain http as published; links and episodes the validator holds to https).
pub fn collect(doc: &Value, only: &[String]) -> (Vec<Link>, usize) {
    let mut links = Vec::new();
    let mut plain = 0;
    let shows = doc.get("shows").and_then(Value::as_array);
    for (index, show) in shows.into_iter().flatten().enumerate() {
        let id = show.get("id").and_then(Value::as_str).unwrap_or("");
        if !only.is_empty() && !only.iter().any(|o| o == id) {
            continue;
        }
        let Some(fields) = show.as_object() else {
            continue;
        };
        for (key, value) in fields {
            walk(
                value,
                key.clone(),
                format!("/shows/{index}/{}", escape(key)),
                &mut |within, pointer, url| {
                    // An https string that is no URL is checked too: it is reported, not lost.
                    if url.starts_with("https://") || check_feed_url(url).is_ok() {
                        links.push(Link {
                            show: id.to_string(),
                            index,
                            within,
                            pointer,
                            url: url.to_string(),
                        });
                    } else if url.starts_with("http://") {
                        plain += 1;
                    }
                },
            );
        }
    }
    (links, plain)
}

/// Calls `found` with the path, pointer and text of every string under `value` that looks
/// like an absolute http(s) URL.
fn walk(
    value: &Value,
    within: String,
    pointer: String,
    found: &mut dyn FnMut(String, String, &str),
) {
    match value {
        Value::String(s) if s.starts_with("https://") || s.starts_with("http://") => {
            found(within, pointer, s);
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(
                    item,
                    format!("{within}[{i}]"),
                    format!("{pointer}/{i}"),
                    found,
                );
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                walk(
                    item,
                    format!("{within}.{key}"),
                    format!("{pointer}/{}", escape(key)),
                    found,
                );
            }
        }
        _ => {}
    }
}

/// A key as a JSON pointer token (RFC 6901).
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// What a link turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A 2xx answer, directly or after temporary redirects.
    Fine,
    /// A 301 or 308 first: the catalog should carry the new URL.
    Moved,
    NotFound,
    Gone,
    /// Any other 4xx or 5xx, or a redirect without a `Location`.
    HttpError,
    Dns,
    Tls,
    Timeout,
    /// A hop the policy refuses: plain http off loopback, or down from https.
    Refused,
    TooManyRedirects,
    /// No connection, or the connection broke.
    Network,
}

impl Kind {
    /// The name in the JSON report.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Fine => "fine",
            Kind::Moved => "moved",
            Kind::NotFound => "not_found",
            Kind::Gone => "gone",
            Kind::HttpError => "http_error",
            Kind::Dns => "dns",
            Kind::Tls => "tls",
            Kind::Timeout => "timeout",
            Kind::Refused => "refused",
            Kind::TooManyRedirects => "too_many_redirects",
            Kind::Network => "network",
        }
    }

    pub fn is_broken(self) -> bool {
        !matches!(self, Kind::Fine | Kind::Moved)
    }
}

/// The outcome for one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub kind: Kind,
    /// The HTTP status that decided it: the final one, or for a move the first 301/308.
    pub status: Option<u16>,
    pub reason: String,
    /// For a move: where the permanent redirects lead.
    pub new_url: Option<String>,
}

/// One URL on its way through its redirects.
#[derive(Debug, Clone)]
struct Walk {
    /// Its place in the list of distinct URLs.
    slot: usize,
    url: String,
    host: String,
    hops: u32,
    /// While every hop so far was a 301 or 308: the first status, and where they lead.
    permanent: bool,
    moved: Option<(u16, String)>,
}

enum Step {
    Next(Walk),
    Done(Checked),
    Failed(NoAnswer),
}

/// `host:port`, the unit of the per-host limit (and of the memory of failed hosts).
fn host_key(url: &str) -> String {
    let uri: Option<Uri> = url.parse().ok();
    let host = uri
        .as_ref()
        .and_then(Uri::host)
        .unwrap_or("")
        .to_lowercase();
    let port = uri.as_ref().and_then(Uri::port_u16).unwrap_or(
        match uri.as_ref().and_then(Uri::scheme_str) {
            Some("http") => 80,
            _ => 443,
        },
    );
    format!("{host}:{port}")
}

fn reason_of(status: u16) -> String {
    let phrase = ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    format!("HTTP {status} {phrase}").trim_end().to_string()
}

fn broken(kind: Kind, status: Option<u16>, reason: String) -> Checked {
    Checked {
        kind,
        status,
        reason,
        new_url: None,
    }
}

impl Walk {
    /// " at URL (after N redirects)" when the failure came after a redirect.
    fn where_(&self) -> String {
        match self.hops {
            0 => String::new(),
            1 => format!(" at {} (after 1 redirect)", self.url),
            n => format!(" at {} (after {n} redirects)", self.url),
        }
    }

    fn failed(&self, e: &NoAnswer) -> Checked {
        let at = self.where_();
        let (kind, why) = match e {
            NoAnswer::NotAllowed(why) => (Kind::Refused, format!("refused: {why}")),
            NoAnswer::HostNotFound(why) => (Kind::Dns, format!("host not found: {why}")),
            NoAnswer::Tls(why) => (Kind::Tls, format!("TLS error: {why}")),
            NoAnswer::ConnectTimeout => (Kind::Timeout, "timed out connecting".into()),
            NoAnswer::Timeout => (Kind::Timeout, "timed out".into()),
            NoAnswer::Unreachable(why) => (Kind::Network, format!("no connection: {why}")),
            NoAnswer::Network(why) => (Kind::Network, format!("network error: {why}")),
        };
        broken(kind, None, format!("{why}{at}"))
    }

    /// The end of the walk at a 2xx answer.
    fn reached(&self, status: u16) -> Checked {
        match &self.moved {
            Some((first, to)) => {
                let then = if *to == self.url {
                    String::new()
                } else {
                    format!(" (then temporarily → {})", self.url)
                };
                Checked {
                    kind: Kind::Moved,
                    status: Some(*first),
                    reason: format!("{} → {to}{then}", reason_of(*first)),
                    new_url: Some(to.clone()),
                }
            }
            None => Checked {
                kind: Kind::Fine,
                status: Some(status),
                reason: match self.hops {
                    0 => reason_of(status),
                    n => format!("{} after {n} temporary redirects", reason_of(status)),
                },
                new_url: None,
            },
        }
    }
}

/// One hop: HEAD (GET where HEAD is refused), then the next hop, the outcome, or the failure.
fn step(fetcher: &Fetcher, walk: &Walk) -> Step {
    let answer = match fetcher.probe(Probe::Head, &walk.url) {
        // Some hosts refuse HEAD outright (405, 501) and some bot filters only HEAD (403).
        Ok(a) if matches!(a.status, 403 | 405 | 501) => fetcher.probe(Probe::Get, &walk.url),
        other => other,
    };
    let answer = match answer {
        Ok(answer) => answer,
        Err(e) => return Step::Failed(e),
    };
    let status = answer.status;
    match status {
        200..=299 => Step::Done(walk.reached(status)),
        301 | 302 | 303 | 307 | 308 => {
            let Some(next) = answer.location else {
                return Step::Done(broken(
                    Kind::HttpError,
                    Some(status),
                    format!("{} without a Location{}", reason_of(status), walk.where_()),
                ));
            };
            let limit = fetcher.limits().redirects;
            if walk.hops >= limit {
                return Step::Done(broken(
                    Kind::TooManyRedirects,
                    Some(status),
                    format!("more than {limit} redirects"),
                ));
            }
            if walk.url.starts_with("https://") && !next.starts_with("https://") {
                return Step::Failed(NoAnswer::NotAllowed(format!(
                    "a redirect left https: {next}"
                )));
            }
            if let Err(why) = check_feed_url(&next) {
                return Step::Failed(NoAnswer::NotAllowed(why));
            }
            let mut walk = walk.clone();
            walk.permanent &= matches!(status, 301 | 308);
            if walk.permanent {
                let first = walk.moved.as_ref().map_or(status, |(first, _)| *first);
                walk.moved = Some((first, next.clone()));
            }
            walk.host = host_key(&next);
            walk.url = next;
            walk.hops += 1;
            Step::Next(walk)
        }
        404 => Step::Done(broken(
            Kind::NotFound,
            Some(status),
            format!("{}{}", reason_of(status), walk.where_()),
        )),
        410 => Step::Done(broken(
            Kind::Gone,
            Some(status),
            format!("{}{}", reason_of(status), walk.where_()),
        )),
        _ => Step::Done(broken(
            Kind::HttpError,
            Some(status),
            format!("{}{}", reason_of(status), walk.where_()),
        )),
    }
}

/// The shared state of a run.
struct Queue {
    /// Hops waiting to be asked; a redirect's next hop goes to the front, so that chains end.
    pending: VecDeque<Walk>,
    /// Requests under way, per host and in all.
    busy: HashMap<String, usize>,
    active: usize,
    /// Hosts that failed as a whole (`NoAnswer::is_host_wide`), and how.
    failed_hosts: HashMap<String, NoAnswer>,
    results: Vec<Option<Checked>>,
}

fn lock(queue: &Mutex<Queue>) -> MutexGuard<'_, Queue> {
    queue
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Checks each URL (distinct ones expected), with at most `PARALLEL` requests under way and
/// at most `PER_HOST` to one host; the outcomes in the order of `urls`. A host that fails
/// as a whole (no DNS, no connection, a bad certificate) is asked no more: its other URLs
/// get the same outcome, which keeps a run without network short.
pub fn check_urls(fetcher: &Fetcher, urls: &[String]) -> Vec<Checked> {
    let queue = Mutex::new(Queue {
        pending: urls
            .iter()
            .enumerate()
            .map(|(slot, url)| Walk {
                slot,
                url: url.clone(),
                host: host_key(url),
                hops: 0,
                permanent: true,
                moved: None,
            })
            .collect(),
        busy: HashMap::new(),
        active: 0,
        failed_hosts: HashMap::new(),
        results: vec![None; urls.len()],
    });
    let wake = Condvar::new();
    std::thread::scope(|scope| {
        for _ in 0..PARALLEL.min(urls.len()) {
            scope.spawn(|| work(fetcher, &queue, &wake));
        }
    });
    let queue = queue
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    queue
        .results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| broken(Kind::Network, None, "not checked".into())))
        .collect()
}

/// One worker: takes the first waiting hop whose host has a free slot, asks it, and puts
/// back what follows, until nothing waits and nothing is under way.
fn work(fetcher: &Fetcher, queue: &Mutex<Queue>, wake: &Condvar) {
    loop {
        let mut q = lock(queue);
        let walk = loop {
            let free = |w: &Walk| {
                q.failed_hosts.contains_key(&w.host)
                    || (q.active < PARALLEL && q.busy.get(&w.host).copied().unwrap_or(0) < PER_HOST)
            };
            if let Some(at) = q.pending.iter().position(free) {
                break q.pending.remove(at);
            }
            if q.pending.is_empty() && q.active == 0 {
                break None;
            }
            q = wake
                .wait(q)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        };
        let Some(walk) = walk else {
            wake.notify_all();
            return;
        };
        if let Some(e) = q.failed_hosts.get(&walk.host) {
            let checked = walk.failed(e);
            q.results[walk.slot] = Some(checked);
            continue;
        }
        q.active += 1;
        *q.busy.entry(walk.host.clone()).or_default() += 1;
        drop(q);
        let step = std::panic::catch_unwind(AssertUnwindSafe(|| step(fetcher, &walk)))
            .unwrap_or_else(|_| {
                Step::Done(broken(
                    Kind::Network,
                    None,
                    "checking this link crashed; please report it with the URL".into(),
                ))
            });
        let mut q = lock(queue);
        q.active -= 1;
        if let Some(n) = q.busy.get_mut(&walk.host) {
            *n -= 1;
        }
        match step {
            Step::Next(next) => q.pending.push_front(next),
            Step::Done(checked) => q.results[walk.slot] = Some(checked),
            Step::Failed(e) => {
                q.results[walk.slot] = Some(walk.failed(&e));
                if e.is_host_wide() {
                    q.failed_hosts.insert(walk.host.clone(), e);
                }
            }
        }
        drop(q);
        wake.notify_all();
    }
}

/// What a run found.
#[derive(Debug, Clone)]
pub struct Report {
    /// Every link with its outcome, in file order.
    pub links: Vec<(Link, Checked)>,
    pub urls: usize,
    pub hosts: usize,
    /// Plain-http URLs off loopback, not asked for.
    pub plain_http: usize,
    pub seconds: f64,
}

impl Report {
    fn count(&self, pick: impl Fn(Kind) -> bool) -> usize {
        self.links.iter().filter(|(_, c)| pick(c.kind)).count()
    }

    pub fn broken(&self) -> usize {
        self.count(Kind::is_broken)
    }

    pub fn moved(&self) -> usize {
        self.count(|k| k == Kind::Moved)
    }

    fn reported(&self) -> impl Iterator<Item = &(Link, Checked)> {
        self.links.iter().filter(|(_, c)| c.kind != Kind::Fine)
    }
}

/// Checks every link, each distinct URL once.
pub fn check(fetcher: &Fetcher, links: Vec<Link>, plain_http: usize) -> Report {
    let started = Instant::now();
    let mut urls: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for link in &links {
        if seen.insert(link.url.as_str()) {
            urls.push(link.url.clone());
        }
    }
    let hosts = urls
        .iter()
        .map(|u| host_key(u))
        .collect::<HashSet<_>>()
        .len();
    let outcomes: HashMap<String, Checked> = urls
        .iter()
        .cloned()
        .zip(check_urls(fetcher, &urls))
        .collect();
    let links = links
        .into_iter()
        .map(|link| {
            let checked = outcomes
                .get(&link.url)
                .cloned()
                .unwrap_or_else(|| broken(Kind::Network, None, "not checked".into()));
            (link, checked)
        })
        .collect();
    Report {
        links,
        urls: urls.len(),
        hosts,
        plain_http,
        seconds: started.elapsed().as_secs_f64(),
    }
}

/// The printed table: per show, each broken link (`BROKEN` and why) and each moved one
/// (`MOVED`, the status and the new URL), each with its path and, below, its URL; then the
/// counts.
pub fn table(report: &Report) -> String {
    let rows: Vec<&(Link, Checked)> = report.reported().collect();
    let id_width = rows
        .iter()
        .map(|(l, _)| l.show.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let path_width = rows
        .iter()
        .map(|(l, _)| l.within.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = String::new();
    if rows.is_empty() {
        out += "no broken or moved links\n";
    } else {
        out += &format!("{:id_width$}  {:path_width$}  result\n", "show", "link");
    }
    let mut last_show = None;
    for (link, checked) in rows {
        let id = if last_show == Some(link.index) {
            ""
        } else {
            link.show.as_str()
        };
        last_show = Some(link.index);
        let label = if checked.kind == Kind::Moved {
            "MOVED "
        } else {
            "BROKEN"
        };
        out += &format!(
            "{id:id_width$}  {:path_width$}  {label}  {}\n{:id_width$}    {}\n",
            link.within, checked.reason, "", link.url
        );
    }
    let fine = report.count(|k| k == Kind::Fine);
    out += &format!(
        "{} ({} on {}) checked in {:.1} s: {fine} fine, {} moved, {} broken\n",
        plural(report.links.len(), "link"),
        plural(report.urls, "URL"),
        plural(report.hosts, "host"),
        report.seconds,
        report.moved(),
        report.broken()
    );
    if report.plain_http > 0 {
        out += &format!(
            "{} not checked (https only; plain http only on loopback)\n",
            plural(report.plain_http, "plain-http URL")
        );
    }
    out
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The JSON report: the counts, and each broken or moved link with its show, JSON path,
/// URL, outcome, status, reason and new URL, as in the table.
pub fn json_report(report: &Report, catalog: &str) -> Value {
    let links: Vec<Value> = report
        .reported()
        .map(|(link, checked)| {
            json!({
                "show": link.show,
                "path": link.path(),
                "url": link.url,
                "outcome": checked.kind.key(),
                "status": checked.status,
                "reason": checked.reason,
                "new_url": checked.new_url,
            })
        })
        .collect();
    json!({
        "catalog": catalog,
        "checked": {
            "links": report.links.len(),
            "urls": report.urls,
            "hosts": report.hosts,
            "fine": report.count(|k| k == Kind::Fine),
            "moved": report.moved(),
            "broken": report.broken(),
            "plain_http_not_checked": report.plain_http,
        },
        "links": links,
    })
}

/// Rewrites each moved link to its new URL; a rewrite the validator rejects (an Apple link
/// that lost its show id, say) is undone and returned with the validator's reason. Returns
/// the paths rewritten and those undone.
pub fn fix_moved(file: &mut CatalogFile, report: &Report) -> (Vec<String>, Vec<(String, String)>) {
    let mut done: Vec<(&Link, &str)> = Vec::new();
    for (link, checked) in &report.links {
        let (Kind::Moved, Some(new)) = (checked.kind, checked.new_url.as_deref()) else {
            continue;
        };
        if let Some(slot) = file.doc.pointer_mut(&link.pointer) {
            if slot.as_str() == Some(link.url.as_str()) {
                *slot = Value::String(new.to_string());
                done.push((link, new));
            }
        }
    }
    let problems = file.problems();
    let mut undone = Vec::new();
    done.retain(|(link, _)| {
        let path = link.path();
        let Some(problem) = problems.iter().find(|p| p.path == path) else {
            return true;
        };
        if let Some(slot) = file.doc.pointer_mut(&link.pointer) {
            *slot = Value::String(link.url.clone());
        }
        undone.push((path, problem.message.clone()));
        false
    });
    (done.iter().map(|(l, _)| l.path()).collect(), undone)
}

/// Runs `check-links` with `fetcher` (the command's: `Fetcher::new(LIMITS)`); the table
/// goes to `out`, progress and errors to `err`. Returns the exit status: 0 nothing broken,
/// 1 some link broken, 2 a usage or file error.
pub fn execute(args: &Args, fetcher: &Fetcher, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut file = match CatalogFile::load(&args.catalog) {
        Ok(file) => file,
        Err(e) => return fail(err, &e.to_string()),
    };
    for named in &args.only {
        if !file
            .shows()
            .iter()
            .any(|s| s.get("id").and_then(Value::as_str) == Some(named))
        {
            return fail(err, &format!("no show with id {named:?} in the catalog"));
        }
    }
    if args.fix_moved {
        let problems = file.problems();
        if !problems.is_empty() {
            return rejected(
                err,
                &problems,
                &format!(
                    "{} does not pass the validator as it stands; fix it before --fix-moved",
                    args.catalog.display()
                ),
            );
        }
    }
    let (links, plain_http) = collect(&file.doc, &args.only);
    let _ = writeln!(
        err,
        "checking {}, {PARALLEL} requests at a time, {PER_HOST} per host...",
        plural(links.len(), "link")
    );
    let report = check(fetcher, links, plain_http);
    let _ = write!(out, "{}", table(&report));
    if let Some(path) = &args.json {
        let text = render(&json_report(&report, &args.catalog.display().to_string()));
        if let Err(e) = std::fs::write(path, text) {
            return fail(
                err,
                &format!("{}: cannot write the report: {e}", path.display()),
            );
        }
        let _ = writeln!(out, "wrote {}", path.display());
    }
    if args.fix_moved {
        let (fixed, undone) = fix_moved(&mut file, &report);
        for (path, why) in &undone {
            let _ = writeln!(out, "not rewritten: {path}: the validator says {why}");
        }
        let problems = file.problems();
        if !problems.is_empty() {
            return rejected(
                err,
                &problems,
                "the rewritten catalog does not pass the validator; nothing written",
            );
        }
        if fixed.is_empty() {
            let _ = writeln!(
                out,
                "no moved link to rewrite; {} unchanged",
                args.catalog.display()
            );
        } else if let Err(e) = file.write() {
            return fail(err, &e.to_string());
        } else {
            let _ = writeln!(
                out,
                "rewrote {} in {}",
                plural(fixed.len(), "moved link"),
                args.catalog.display()
            );
        }
    }
    if report.broken() == 0 {
        EXIT_OK
    } else {
        EXIT_BROKEN
    }
}

/// Writes `why` to `err` as the command's error; returns the usage or file error status.
fn fail(err: &mut dyn Write, why: &str) -> u8 {
    let _ = writeln!(err, "podpath_catalog: {why}");
    EXIT_USAGE
}

/// Writes each of the validator's problems to `err`, then `why`; returns the usage or file
/// error status.
fn rejected(err: &mut dyn Write, problems: &[Problem], why: &str) -> u8 {
    for p in problems {
        let _ = writeln!(err, "  {p}");
    }
    fail(err, why)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::tests::args;

    #[test]
    fn the_documented_check_links_line_parses() {
        let got = parse(&args(
            "--catalog data/catalog.json --only a --only=b --json report.json --fix-moved",
        ));
        assert_eq!(
            got,
            Ok(Some(Args {
                catalog: "data/catalog.json".into(),
                only: vec!["a".into(), "b".into()],
                json: Some("report.json".into()),
                fix_moved: true,
            }))
        );
        assert_eq!(parse(&args("--help")), Ok(None));
    }

    #[test]
    fn bad_check_links_lines_are_usage_errors() {
        for bad in [
            "--only",
            "--json",
            "--json=",
            "--fix-moved=yes",
            "--bogus",
            "https://example.org/",
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_url_of_a_show_is_collected_with_its_json_path_and_pointer() {
        let doc = json!({"shows": [
            {"id": "skip", "links": {"website": "https://skip.example.org/"}},
            {"id": "a", "title": "https is not at the start here",
             "links": {"website": "https://a.example.org/", "rss": "https://a.example.org/feed"},
             "start_here": [{"title": "One", "url": "https://a.example.org/1"}],
             "sources": {"links/x": ["http://plain.example.org/", "http://127.0.0.1:9/ok"]}}
        ]});
        let (links, plain) = collect(&doc, &["a".to_string()]);
        let got: Vec<(String, &str, &str)> = links
            .iter()
            .map(|l| (l.path(), l.pointer.as_str(), l.url.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "shows[1].links.website".into(),
                    "/shows/1/links/website",
                    "https://a.example.org/"
                ),
                (
                    "shows[1].links.rss".into(),
                    "/shows/1/links/rss",
                    "https://a.example.org/feed"
                ),
                (
                    "shows[1].start_here[0].url".into(),
                    "/shows/1/start_here/0/url",
                    "https://a.example.org/1"
                ),
                (
                    "shows[1].sources.links/x[1]".into(),
                    "/shows/1/sources/links~1x/1",
                    "http://127.0.0.1:9/ok"
                ),
            ]
        );
        assert_eq!(
            plain, 1,
            "the plain-http source off loopback is counted, not checked"
        );
        for link in &links {
            assert_eq!(
                doc.pointer(&link.pointer).and_then(Value::as_str),
                Some(link.url.as_str())
            );
        }
    }

    #[test]
    fn a_host_is_its_name_and_port() {
        assert_eq!(host_key("https://GitHub.com/a"), "github.com:443");
        assert_eq!(host_key("https://github.com:443/b"), "github.com:443");
        assert_eq!(host_key("http://127.0.0.1:8080/x"), "127.0.0.1:8080");
        assert_ne!(
            host_key("http://127.0.0.1:8080/x"),
            host_key("http://127.0.0.1:8081/x")
        );
    }
}
