//! Fetching and reading real-shaped feeds from the loopback fixture server: what each kind
//! of feed yields, and how each kind of failure is reported. No test reaches the internet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use podpath_catalog::derive::{derive, Derived};
use podpath_catalog::feed::{parse_feed, FeedError, FeedInfo};
use podpath_catalog::fetch::{FetchError, Fetcher, Limits};
use podpath_catalog::refresh::{read_all, Job};
use podpath_engine::{Cadence, LengthRange, Status};
use support::FixtureServer;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date")
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

/// Limits short enough for tests; the command's own are 10 s / 30 s / 5 / 20 MB.
const QUICK: Limits = Limits {
    connect: Duration::from_secs(2),
    total: Duration::from_secs(1),
    ..Limits::FEEDS
};

fn read(server: &FixtureServer, path: &str) -> Result<FeedInfo, String> {
    let fetched = Fetcher::new(Limits::FEEDS)
        .get(&server.url(path))
        .map_err(|e| e.to_string())?;
    parse_feed(&fetched.body).map_err(|e| e.to_string())
}

fn facts(server: &FixtureServer, path: &str) -> Derived {
    let info = read(server, path).expect("a readable feed");
    derive(&info.episodes, today()).expect("dated episodes")
}

#[test]
fn a_weekly_rss_feed_is_an_active_weekly_show() {
    let server = FixtureServer::start();
    let got = facts(&server, "/weekly/one.xml");
    assert_eq!(got.status, Status::Active);
    assert_eq!(got.cadence, Cadence::Weekly);
    assert_eq!(got.last_episode, day("2026-11-20"));
    assert_eq!(got.length, Some(LengthRange { min: 40, max: 50 }));
    let (agent, _) = server.last_headers.lock().expect("headers").clone();
    assert!(agent.starts_with("podpath_catalog/"), "{agent}");
}

#[test]
fn a_show_that_ended_in_2019_is_ended_with_its_last_episode() {
    let server = FixtureServer::start();
    let got = facts(&server, "/ended-2019.xml");
    assert_eq!(got.status, Status::Ended);
    assert_eq!(got.last_episode, day("2019-06-14"));
    assert_eq!(got.cadence, Cadence::Monthly);
    assert_eq!(got.length, Some(LengthRange { min: 25, max: 45 }));
}

#[test]
fn a_show_back_after_two_silent_years_is_revived() {
    let server = FixtureServer::start();
    let got = facts(&server, "/revived.xml");
    assert_eq!(got.status, Status::Revived);
    assert_eq!(got.cadence, Cadence::Biweekly);
    assert_eq!(got.length, Some(LengthRange { min: 36, max: 42 }));
}

#[test]
fn an_atom_feed_is_read_from_its_published_or_updated_dates() {
    let server = FixtureServer::start();
    let info = read(&server, "/atom.xml").expect("readable");
    assert_eq!(info.title, "Atom Talks");
    assert_eq!(info.hosts, ["Cy Atom"]);
    let got = derive(&info.episodes, today()).expect("dated");
    assert_eq!(got.last_episode, day("2026-10-30"));
    assert_eq!(got.cadence, Cadence::Monthly);
    assert_eq!(got.status, Status::Active);
    assert_eq!(got.length, None);
}

#[test]
fn named_zones_odd_durations_and_podcasting_2_tags_are_read() {
    let server = FixtureServer::start();
    let info = read(&server, "/odd.xml").expect("readable");
    assert_eq!(info.title, "Odd Dates & Durations");
    assert_eq!(
        info.hosts,
        ["Dee Host", "Eve Cohost"],
        "podcast:person hosts win over itunes:author"
    );
    assert_eq!(info.owner.as_deref(), Some("Odd Media"));
    assert_eq!(
        info.new_feed_url.as_deref(),
        Some("https://new.example.org/odd.xml")
    );
    assert_eq!(
        info.apple.as_deref(),
        Some("https://podcasts.apple.com/us/podcast/odd-dates/id1234567890")
    );
    let got = derive(&info.episodes, today()).expect("dated");
    // 22:30 PST on the 24th is the 25th in UTC; the scheduled December item is left out.
    assert_eq!(got.last_episode, day("2026-11-25"));
    assert_eq!(got.episodes, 7);
    assert_eq!(got.cadence, Cadence::Weekly);
    assert_eq!(got.length, Some(LengthRange { min: 45, max: 62 }));
}

#[test]
fn gzip_is_asked_for_and_decoded() {
    let server = FixtureServer::start();
    let got = facts(&server, "/gzip.xml");
    assert_eq!(got.cadence, Cadence::Weekly);
    let (_, encoding) = server.last_headers.lock().expect("headers").clone();
    assert!(encoding.contains("gzip"), "{encoding}");
}

#[test]
fn up_to_five_redirects_are_followed_and_a_loop_is_cut() {
    let server = FixtureServer::start();
    assert_eq!(facts(&server, "/hop/1").cadence, Cadence::Weekly);
    let err = Fetcher::new(Limits::FEEDS).get(&server.url("/loop"));
    assert_eq!(err.err(), Some(FetchError::TooManyRedirects(5)));
}

#[test]
fn a_loopback_redirect_to_plain_http_elsewhere_is_refused() {
    let server = FixtureServer::start();
    let got = Fetcher::new(Limits::FEEDS).get(&server.url("/hop/out"));
    assert!(
        matches!(&got, Err(FetchError::NotAllowed(why)) if why.contains("feeds.example.org")),
        "{got:?}"
    );
}

#[test]
fn http_errors_say_their_status() {
    let server = FixtureServer::start();
    assert_eq!(
        read(&server, "/missing.xml").err().as_deref(),
        Some("HTTP 404 Not Found")
    );
    assert_eq!(
        read(&server, "/error").err().as_deref(),
        Some("HTTP 500 Internal Server Error")
    );
}

#[test]
fn an_html_page_is_not_a_feed() {
    let server = FixtureServer::start();
    assert_eq!(
        read(&server, "/page.html").err().as_deref(),
        Some("not a feed: an HTML page")
    );
}

#[test]
fn malformed_xml_is_reported_with_line_and_column() {
    let server = FixtureServer::start();
    let body = Fetcher::new(Limits::FEEDS)
        .get(&server.url("/malformed.xml"))
        .expect("fetched")
        .body;
    match parse_feed(&body) {
        Err(FeedError::Malformed {
            line,
            column,
            message,
        }) => {
            assert_eq!(line, 6, "{message}");
            assert!(column > 20, "column {column}: {message}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn a_slow_server_times_out_and_the_wait_stays_bounded() {
    let server = FixtureServer::start();
    let started = Instant::now();
    let got = Fetcher::new(QUICK).get(&server.url("/slow.xml"));
    assert_eq!(got.err(), Some(FetchError::Timeout));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_body_over_20_mb_is_cut_off() {
    let server = FixtureServer::start();
    let got = Fetcher::new(Limits::FEEDS).get(&server.url("/huge.xml"));
    assert_eq!(got.err(), Some(FetchError::TooLarge(20 * 1024 * 1024)));
}

#[test]
fn an_entity_expansion_bomb_is_refused_without_expanding() {
    let server = FixtureServer::start();
    let body = Fetcher::new(Limits::FEEDS)
        .get(&server.url("/bomb.xml"))
        .expect("fetched")
        .body;
    let before = peak_memory_kb();
    assert_eq!(parse_feed(&body), Err(FeedError::Entities));
    // Expanded, the title alone would be 3 GB; the process stays where it was.
    assert!(
        peak_memory_kb() < before + 50_000,
        "{before} KB -> {} KB",
        peak_memory_kb()
    );
}

#[test]
fn plain_http_off_loopback_is_refused_before_any_request() {
    let got = Fetcher::new(Limits::FEEDS).get("http://feeds.example.org/show.xml");
    assert!(matches!(got, Err(FetchError::NotAllowed(_))), "{got:?}");
}

#[test]
fn feeds_are_read_eight_at_a_time_and_one_bad_feed_stops_none() {
    let server = FixtureServer::start();
    let jobs: Vec<Job> = (0..20)
        .map(|i| {
            let path = if i == 7 {
                "/error".to_string()
            } else {
                format!("/weekly/{i}.xml")
            };
            Job {
                index: i,
                id: format!("show-{i}"),
                feed: format!("https://feeds.example.org/{i}.xml"),
                read_from: server.url(&path),
            }
        })
        .collect();
    let reads = read_all(&Fetcher::new(Limits::FEEDS), &jobs, today());
    assert_eq!(reads.iter().filter(|r| r.is_ok()).count(), 19);
    assert!(reads[7].is_err());
    let most = server
        .max_in_flight
        .load(std::sync::atomic::Ordering::SeqCst);
    assert!((2..=8).contains(&most), "{most} requests at once");
}

/// The process's peak resident memory (Linux), in KB; 0 where unknown.
fn peak_memory_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}
