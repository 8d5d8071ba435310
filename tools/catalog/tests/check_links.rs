//! `check-links` against loopback link servers (plain http, and https with the test
//! authority of `tests/fixtures/tls/`): each outcome, the hop-by-hop redirects, HEAD then
//! GET, the time limit, the request limits, the report, `--fix-moved`, the exit codes, and
//! the real catalog with every URL pointed at a fixture server. No test reaches the internet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use podpath_catalog::catalog_file::render;
use podpath_catalog::check_links::{self, check_urls, Args, Checked, Kind, LIMITS};
use podpath_catalog::fetch::{Fetcher, Limits};
use rustls::{ServerConfig, ServerConnection, StreamOwned};
use serde_json::Value;
use support::{check_data, tls_config, trusting_fetcher, DATA};

/// How long `/slow/…` keeps the client waiting.
const SLOW: Duration = Duration::from_secs(5);
/// How long each `/busy/…` answer takes, so that requests overlap.
const BUSY: Duration = Duration::from_millis(200);

/// The command's limits, with a 1 s total so that a slow host times out quickly.
const QUICK: Limits = Limits {
    connect: Duration::from_secs(2),
    total: Duration::from_secs(1),
    ..LIMITS
};

/// What a server saw.
#[derive(Default)]
struct Stats {
    connections: AtomicUsize,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    /// `METHOD /path` of each request, and each User-Agent.
    requests: Mutex<Vec<String>>,
    agents: Mutex<Vec<String>>,
}

/// A loopback link server, plain http or https. Paths:
/// - `/ok/…` 200; `/s/NNN/…` status NNN;
/// - `/r/CODE/REST` a CODE redirect to `/REST` (so `/r/301/r/302/ok/x` is a chain);
/// - `/abs/PORT/REST` a 301 to `http://127.0.0.1:PORT/REST`;
/// - `/out/…` a 301 to plain http off loopback; `/loop` a 302 to itself; `/noloc` a 301
///   without a Location; `/drop-id/…` a 301 to `/ok/apple-without-a-show-id`;
/// - `/no-head/…`, `/head-403/…`, `/head-501/…` refuse HEAD (405, 403, 501), answer GET;
/// - `/slow/…` 200 after `SLOW`; `/busy/…` 200 after `BUSY`.
struct LinkServer {
    base: String,
    port: u16,
    stats: Arc<Stats>,
}

impl LinkServer {
    fn http() -> LinkServer {
        LinkServer::start(None, None)
    }

    fn https() -> LinkServer {
        LinkServer::start(Some(tls_config()), None)
    }

    /// A plain http server that also counts into `shared` (requests across servers).
    fn http_counting_into(shared: Arc<Stats>) -> LinkServer {
        LinkServer::start(None, Some(shared))
    }

    fn start(tls: Option<Arc<ServerConfig>>, shared: Option<Arc<Stats>>) -> LinkServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let port = listener.local_addr().expect("an address").port();
        let stats = Arc::new(Stats::default());
        let own = stats.clone();
        thread::spawn(move || {
            for tcp in listener.incoming().flatten() {
                let (tls, own, shared) = (tls.clone(), own.clone(), shared.clone());
                own.connections.fetch_add(1, Ordering::SeqCst);
                thread::spawn(move || {
                    let counters: Vec<Arc<Stats>> =
                        [Some(own), shared].into_iter().flatten().collect();
                    match tls {
                        Some(config) => {
                            let Ok(connection) = ServerConnection::new(config) else {
                                return;
                            };
                            serve(StreamOwned::new(connection, tcp), &counters);
                        }
                        None => serve(tcp, &counters),
                    }
                });
            }
        });
        LinkServer {
            base: format!("127.0.0.1:{port}"),
            port,
            stats,
        }
    }

    fn url(&self, scheme: &str, path: &str) -> String {
        format!("{scheme}://{}{path}", self.base)
    }

    fn requests(&self) -> Vec<String> {
        self.stats.requests.lock().expect("requests").clone()
    }
}

/// Answers one request on one connection, then closes it.
fn serve<S: Read + Write>(stream: S, counters: &[Arc<Stats>]) {
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() || request_line.is_empty() {
        return;
    }
    let mut agent = String::new();
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line.trim() != "" {
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("user-agent") {
                agent = value.trim().to_string();
            }
        }
        line.clear();
    }
    let mut words = request_line.split_whitespace();
    let (method, path) = (
        words.next().unwrap_or("").to_string(),
        words.next().unwrap_or("").to_string(),
    );
    for c in counters {
        let now = c.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        c.max_in_flight.fetch_max(now, Ordering::SeqCst);
        c.requests
            .lock()
            .expect("requests")
            .push(format!("{method} {path}"));
        c.agents.lock().expect("agents").push(agent.clone());
    }
    let (status, location) = route(&method, &path);
    // Counted out before the answer leaves, so that the client's next request can never be
    // counted while this one still is.
    for c in counters {
        c.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
    let mut head = format!(
        "HTTP/1.1 {status} Whatever\r\nContent-Type: text/html\r\nContent-Length: 2\r\nConnection: close\r\n"
    );
    if let Some(location) = location {
        head += &format!("Location: {location}\r\n");
    }
    head += "\r\n";
    let stream = reader.get_mut();
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(b"ok");
    }
    let _ = stream.flush();
}

fn route(method: &str, path: &str) -> (u16, Option<String>) {
    let rest = path.trim_start_matches('/');
    let (first, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let head = method == "HEAD";
    match first {
        "ok" => (200, None),
        "s" => (
            tail.get(..3).and_then(|s| s.parse().ok()).unwrap_or(500),
            None,
        ),
        "r" => {
            let (code, to) = tail.split_once('/').unwrap_or((tail, ""));
            (code.parse().unwrap_or(500), Some(format!("/{to}")))
        }
        "abs" => {
            let (port, to) = tail.split_once('/').unwrap_or((tail, ""));
            (301, Some(format!("http://127.0.0.1:{port}/{to}")))
        }
        "out" => (301, Some("http://feeds.example.org/show".into())),
        "loop" => (302, Some("/loop".into())),
        "noloc" => (301, None),
        "drop-id" => (301, Some("/ok/apple-without-a-show-id".into())),
        "no-head" if head => (405, None),
        "head-403" if head => (403, None),
        "head-501" if head => (501, None),
        "no-head" | "head-403" | "head-501" => (200, None),
        "slow" => {
            thread::sleep(SLOW);
            (200, None)
        }
        "busy" => {
            thread::sleep(BUSY);
            (200, None)
        }
        _ => (404, None),
    }
}

fn check_one(url: &str) -> Checked {
    check_urls(&Fetcher::new(QUICK), &[url.to_string()])
        .pop()
        .expect("one outcome")
}

/// A scratch copy of `data/` (catalog, topics, episodes) with every URL the policy would
/// ask for rewritten by `point` (original URL, its index among the distinct URLs).
fn scratch(name: &str, point: &dyn Fn(&str, usize) -> String) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch dir");
    for file in ["topics.json", "episodes.json"] {
        std::fs::copy(Path::new(DATA).join(file), dir.join(file)).expect("copied");
    }
    let text = std::fs::read_to_string(Path::new(DATA).join("catalog.json")).expect("readable");
    let mut doc: Value = serde_json::from_str(&text).expect("JSON");
    let mut seen: Vec<String> = Vec::new();
    rewrite(&mut doc["shows"], &mut |url| {
        let i = seen.iter().position(|u| u == url).unwrap_or_else(|| {
            seen.push(url.to_string());
            seen.len() - 1
        });
        point(url, i)
    });
    std::fs::write(dir.join("catalog.json"), render(&doc)).expect("written");
    dir
}

/// Rewrites every https string under `value`.
fn rewrite(value: &mut Value, point: &mut dyn FnMut(&str) -> String) {
    match value {
        Value::String(s) if s.starts_with("https://") => *s = point(s),
        Value::Array(items) => items.iter_mut().for_each(|v| rewrite(v, point)),
        Value::Object(fields) => fields.values_mut().for_each(|v| rewrite(v, point)),
        _ => {}
    }
}

/// `https://host/path` → `ROUTE/host/path` on the server.
fn on(server_url: &str, original: &str) -> String {
    format!("{server_url}/{}", original.trim_start_matches("https://"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podpath_catalog"))
        .arg("check-links")
        .args(args)
        .output()
        .expect("the command runs")
}

fn validates(dir: &Path) -> Result<(), String> {
    check_data(dir).map_err(|problems| format!("{problems:?}"))
}

fn show_path(doc: &Value, id: &str) -> usize {
    doc["shows"]
        .as_array()
        .expect("shows")
        .iter()
        .position(|s| s["id"] == id)
        .expect("the show")
}

#[test]
fn a_link_that_answers_200_is_fine_after_one_head_with_the_tools_user_agent() {
    let server = LinkServer::http();
    let got = check_one(&server.url("http", "/ok/page"));
    assert_eq!(got.kind, Kind::Fine, "{got:?}");
    assert_eq!(got.status, Some(200));
    assert_eq!(got.new_url, None);
    assert_eq!(server.requests(), ["HEAD /ok/page"]);
    let agents = server.stats.agents.lock().expect("agents").clone();
    assert!(agents[0].starts_with("podpath_catalog/"), "{agents:?}");
}

#[test]
fn a_redirect_chain_is_followed_to_its_end_and_only_leading_permanent_hops_are_a_move() {
    let server = LinkServer::http();
    let other = LinkServer::http();
    let url = |p: &str| server.url("http", p);
    let urls: Vec<String> = [
        "/r/302/r/307/r/303/ok/temporary",
        "/r/301/r/308/ok/permanent",
        "/r/301/r/302/ok/then-temporary",
        "/r/302/r/301/ok/temporary-first",
        &format!("/abs/{}/ok/elsewhere", other.port),
    ]
    .iter()
    .map(|p| url(p))
    .collect();
    let got = check_urls(&Fetcher::new(QUICK), &urls);
    assert_eq!(got[0].kind, Kind::Fine, "{:?}", got[0]);
    assert_eq!(got[0].reason, "HTTP 200 OK after 3 temporary redirects");
    assert_eq!(
        (got[1].kind, got[1].status, got[1].new_url.clone()),
        (Kind::Moved, Some(301), Some(url("/ok/permanent")))
    );
    // The catalog gets the URL the permanent hops lead to, not where a temporary one points.
    assert_eq!(got[2].kind, Kind::Moved, "{:?}", got[2]);
    assert_eq!(got[2].new_url, Some(url("/r/302/ok/then-temporary")));
    assert!(
        got[2].reason.ends_with(&format!(
            "(then temporarily → {})",
            url("/ok/then-temporary")
        )),
        "{}",
        got[2].reason
    );
    assert_eq!(got[3].kind, Kind::Fine, "{:?}", got[3]);
    assert_eq!(got[4].new_url, Some(other.url("http", "/ok/elsewhere")));
    assert_eq!(other.requests(), ["HEAD /ok/elsewhere"]);
}

#[test]
fn a_301_is_moved_to_its_location() {
    let server = LinkServer::http();
    let got = check_one(&server.url("http", "/r/301/ok/new"));
    assert_eq!(got.kind, Kind::Moved);
    assert_eq!(got.status, Some(301));
    assert_eq!(got.new_url, Some(server.url("http", "/ok/new")));
    assert_eq!(
        got.reason,
        format!(
            "HTTP 301 Moved Permanently → {}",
            server.url("http", "/ok/new")
        )
    );
}

#[test]
fn a_308_is_moved_to_its_location() {
    let server = LinkServer::http();
    let got = check_one(&server.url("http", "/r/308/ok/new"));
    assert_eq!(got.kind, Kind::Moved);
    assert_eq!(got.status, Some(308));
    assert_eq!(got.new_url, Some(server.url("http", "/ok/new")));
}

#[test]
fn a_404_is_broken_as_not_found() {
    let server = LinkServer::http();
    let got = check_one(&server.url("http", "/s/404/gone"));
    assert_eq!(
        (got.kind, got.status, got.reason.as_str()),
        (Kind::NotFound, Some(404), "HTTP 404 Not Found")
    );
    assert!(got.kind.is_broken());
}

#[test]
fn a_410_is_broken_as_gone() {
    let server = LinkServer::http();
    let got = check_one(&server.url("http", "/s/410/gone"));
    assert_eq!(
        (got.kind, got.status, got.reason.as_str()),
        (Kind::Gone, Some(410), "HTTP 410 Gone")
    );
}

#[test]
fn other_4xx_and_5xx_and_a_404_after_a_move_are_broken_with_their_status() {
    let server = LinkServer::http();
    let urls: Vec<String> = [
        "/s/500/x",
        "/s/403/x",
        "/s/429/x",
        "/r/301/s/404/x",
        "/noloc",
    ]
    .iter()
    .map(|p| server.url("http", p))
    .collect();
    let got = check_urls(&Fetcher::new(QUICK), &urls);
    let summary: Vec<(Kind, Option<u16>)> = got.iter().map(|c| (c.kind, c.status)).collect();
    assert_eq!(
        summary,
        [
            (Kind::HttpError, Some(500)),
            (Kind::HttpError, Some(403)),
            (Kind::HttpError, Some(429)),
            (Kind::NotFound, Some(404)),
            (Kind::HttpError, Some(301)),
        ]
    );
    assert_eq!(
        got[3].reason,
        format!(
            "HTTP 404 Not Found at {} (after 1 redirect)",
            server.url("http", "/s/404/x")
        )
    );
    assert_eq!(
        got[3].new_url, None,
        "a move to a dead page is not offered as a fix"
    );
    assert_eq!(
        got[4].reason,
        "HTTP 301 Moved Permanently without a Location"
    );
}

#[test]
fn a_host_that_refuses_head_is_asked_again_with_get() {
    let server = LinkServer::http();
    let urls: Vec<String> = ["/no-head/a", "/head-403/b", "/head-501/c"]
        .iter()
        .map(|p| server.url("http", p))
        .collect();
    let got = check_urls(&Fetcher::new(QUICK), &urls);
    for (url, checked) in urls.iter().zip(&got) {
        assert_eq!(checked.kind, Kind::Fine, "{url}: {checked:?}");
    }
    let mut requests = server.requests();
    requests.sort();
    assert_eq!(
        requests,
        [
            "GET /head-403/b",
            "GET /head-501/c",
            "GET /no-head/a",
            "HEAD /head-403/b",
            "HEAD /head-501/c",
            "HEAD /no-head/a",
        ]
    );
}

#[test]
fn a_slow_host_times_out_within_the_injected_limit() {
    let server = LinkServer::http();
    let started = Instant::now();
    let got = check_one(&server.url("http", "/slow/page"));
    let took = started.elapsed();
    assert_eq!(
        (got.kind, got.reason.as_str()),
        (Kind::Timeout, "timed out")
    );
    assert!(
        took < Duration::from_millis(2500),
        "gave up after the 1 s limit, not the server's {SLOW:?}: {took:?}"
    );
}

#[test]
fn hops_outside_the_policy_and_endless_redirects_are_refused() {
    let server = LinkServer::http();
    let tls = LinkServer::https();
    let urls = [
        server.url("http", "/out/x"),
        // From https to plain http, even on loopback: a step down is never followed.
        tls.url("https", &format!("/abs/{}/ok/plain", server.port)),
        server.url("http", "/loop"),
    ];
    let got = check_urls(&trusting_fetcher(QUICK), &urls);
    assert_eq!(got[0].kind, Kind::Refused, "{:?}", got[0]);
    assert!(got[0].reason.contains("plain http"), "{}", got[0].reason);
    assert_eq!(got[1].kind, Kind::Refused, "{:?}", got[1]);
    assert!(
        got[1].reason.starts_with("refused: a redirect left https"),
        "{}",
        got[1].reason
    );
    assert!(server.requests().iter().all(|r| !r.contains("/ok/plain")));
    assert_eq!(
        (got[2].kind, got[2].reason.as_str()),
        (Kind::TooManyRedirects, "more than 10 redirects")
    );
}

#[test]
fn an_untrusted_certificate_is_a_tls_error_and_its_host_is_not_asked_again() {
    let server = LinkServer::https();
    let urls: Vec<String> = (0..10)
        .map(|i| server.url("https", &format!("/ok/{i}")))
        .collect();
    // The command's own fetcher trusts Mozilla's roots, which never certified the test server.
    let got = check_urls(&Fetcher::new(QUICK), &urls);
    for checked in &got {
        assert_eq!(checked.kind, Kind::Tls, "{checked:?}");
        assert!(
            checked.reason.contains("UnknownIssuer"),
            "{}",
            checked.reason
        );
    }
    let handshakes = server.stats.connections.load(Ordering::SeqCst);
    assert!(
        handshakes <= 2,
        "{handshakes} handshakes for one failing host"
    );
    // Trusted, the same server answers.
    let trusted = check_urls(&trusting_fetcher(QUICK), &urls[..1]);
    assert_eq!(trusted[0].kind, Kind::Fine, "{:?}", trusted[0]);
}

#[test]
fn a_port_nobody_listens_on_is_a_network_error() {
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("a port")
        .local_addr()
        .expect("an address")
        .port();
    let got = check_one(&format!("http://127.0.0.1:{port}/x"));
    assert_eq!(got.kind, Kind::Network, "{got:?}");
    assert!(got.reason.starts_with("no connection"), "{}", got.reason);
}

#[test]
fn no_more_than_two_requests_go_to_one_host_at_once() {
    let server = LinkServer::http();
    let urls: Vec<String> = (0..12)
        .map(|i| server.url("http", &format!("/busy/{i}")))
        .collect();
    let started = Instant::now();
    let got = check_urls(&Fetcher::new(QUICK), &urls);
    assert!(got.iter().all(|c| c.kind == Kind::Fine), "{got:?}");
    assert_eq!(server.requests().len(), 12);
    assert_eq!(
        server.stats.max_in_flight.load(Ordering::SeqCst),
        2,
        "two at a time to one host, never more"
    );
    // 12 answers of 200 ms, two at a time: about 1.2 s, and no quicker than 6 waves.
    assert!(started.elapsed() >= BUSY * 6, "{:?}", started.elapsed());
}

#[test]
fn no_more_than_eight_requests_are_in_flight_across_hosts() {
    let all = Arc::new(Stats::default());
    let servers: Vec<LinkServer> = (0..6)
        .map(|_| LinkServer::http_counting_into(all.clone()))
        .collect();
    let urls: Vec<String> = (0..5)
        .flat_map(|i| {
            servers
                .iter()
                .map(move |s| s.url("http", &format!("/busy/{i}")))
        })
        .collect();
    let got = check_urls(&Fetcher::new(QUICK), &urls);
    assert!(got.iter().all(|c| c.kind == Kind::Fine), "{got:?}");
    assert_eq!(all.requests.lock().expect("requests").len(), 30);
    // Six hosts could take twelve at once; the tool sends eight.
    assert_eq!(all.max_in_flight.load(Ordering::SeqCst), 8);
    for server in &servers {
        assert!(server.stats.max_in_flight.load(Ordering::SeqCst) <= 2);
    }
}

/// Runs the command in this process with `fetcher`, as the binary runs it with its own.
fn execute(args: &Args, fetcher: &Fetcher) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = check_links::execute(args, fetcher, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).expect("utf-8"),
        String::from_utf8(err).expect("utf-8"),
    )
}

#[test]
fn fix_moved_rewrites_each_permanent_move_and_nothing_else() {
    let server = LinkServer::https();
    let original: Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(DATA).join("catalog.json")).expect("readable"),
    )
    .expect("JSON");
    let twiml = show_path(&original, "twiml-ai");
    let website = original["shows"][twiml]["links"]["website"]
        .as_str()
        .expect("a website")
        .to_string();
    let apple = original["shows"][twiml]["links"]["apple"]
        .as_str()
        .expect("an apple link")
        .to_string();
    let episode = original["shows"][twiml]["start_here"][0]["url"]
        .as_str()
        .expect("an episode")
        .to_string();
    let spotify = original["shows"][twiml]["links"]["spotify"]
        .as_str()
        .expect("a spotify link")
        .to_string();
    let youtube = original["shows"][twiml]["links"]["youtube"]
        .as_str()
        .expect("a youtube link")
        .to_string();
    let base = server.url("https", "");
    let (w, a, e, s, y) = (
        website.clone(),
        apple.clone(),
        episode.clone(),
        spotify.clone(),
        youtube.clone(),
    );
    let dir = scratch("check-links-fix", &|url, _| {
        if url == w {
            format!("{base}/r/301/ok/new-website")
        } else if url == e {
            format!("{base}/r/308/r/302/ok/new-episode")
        } else if url == a {
            // Moved to a page without the show id the validator requires of an Apple link.
            format!("{base}/drop-id/id941219323")
        } else if url == s {
            on(&format!("{base}/r/302/ok"), url)
        } else if url == y {
            on(&format!("{base}/s/404"), url)
        } else {
            on(&format!("{base}/ok"), url)
        }
    });
    validates(&dir).expect("the rewritten copy is a valid catalog");
    let catalog = dir.join("catalog.json");
    let before = std::fs::read_to_string(&catalog).expect("readable");
    let args = Args {
        catalog: catalog.clone(),
        only: vec!["twiml-ai".into()],
        json: None,
        fix_moved: true,
    };
    let (code, out, err) = execute(&args, &trusting_fetcher(QUICK));
    assert_eq!(code, 1, "the 404 is still broken: {out}\n{err}");
    let after = std::fs::read_to_string(&catalog).expect("readable");
    validates(&dir).expect("the fixed catalog passes the validator");
    // Each moved URL is rewritten wherever it sits in the show (the episode is also the
    // source of three facts), and nothing else changes, in the same layout.
    let mut expected: Value = serde_json::from_str(&before).expect("JSON");
    let (old_website, old_episode) = (
        server.url("https", "/r/301/ok/new-website"),
        server.url("https", "/r/308/r/302/ok/new-episode"),
    );
    let mut rewritten = 0;
    rewrite(&mut expected["shows"][twiml], &mut |url| {
        let new = if url == old_website {
            server.url("https", "/ok/new-website")
        } else if url == old_episode {
            // Where the permanent hop leads, not where the temporary one after it points.
            server.url("https", "/r/302/ok/new-episode")
        } else {
            return url.to_string();
        };
        rewritten += 1;
        new
    });
    assert_eq!(rewritten, 5);
    assert!(
        after == render(&expected),
        "only the moved URLs changed, in the same layout:\n{out}"
    );
    assert!(out.contains("rewrote 5 moved links"), "{out}");
    assert!(
        out.contains(&format!(
            "not rewritten: shows[{twiml}].links.apple: the validator says"
        )),
        "{out}"
    );
}

#[test]
fn fix_moved_refuses_a_catalog_the_validator_rejects_and_leaves_it_as_it_was() {
    let server = LinkServer::http();
    // Plain http links: fine to check on loopback, but not a valid catalog.
    let dir = scratch("check-links-fix-invalid", &|url, _| {
        on(&server.url("http", "/r/301/ok"), url)
    });
    let catalog = dir.join("catalog.json");
    let before = std::fs::read(&catalog).expect("readable");
    let out = run(&["--catalog", catalog.to_str().expect("utf-8"), "--fix-moved"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("does not pass the validator as it stands"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&catalog).expect("readable"), before);
    assert!(
        server.requests().is_empty(),
        "nothing asked before the catalog is known good"
    );
}

#[test]
fn the_json_report_lists_each_broken_and_moved_link_with_show_path_outcome_and_new_url() {
    let server = LinkServer::http();
    let original: Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(DATA).join("catalog.json")).expect("readable"),
    )
    .expect("JSON");
    let index = show_path(&original, "twiml-ai");
    let show = &original["shows"][index];
    let website = show["links"]["website"]
        .as_str()
        .expect("a website")
        .to_string();
    let apple = show["links"]["apple"]
        .as_str()
        .expect("an apple link")
        .to_string();
    let ok = server.url("http", "/ok");
    let gone = server.url("http", "/s/410");
    let moved = server.url("http", "/r/308/ok");
    let (w, a) = (website.clone(), apple.clone());
    let dir = scratch("check-links-json", &|url, _| {
        if url == w {
            on(&gone, url)
        } else if url == a {
            on(&moved, url)
        } else {
            on(&ok, url)
        }
    });
    let report = dir.join("report.json");
    let out = run(&[
        "--catalog",
        dir.join("catalog.json").to_str().expect("utf-8"),
        "--only",
        "twiml-ai",
        "--json",
        report.to_str().expect("utf-8"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("the report")).expect("JSON");
    let links = got["links"].as_array().expect("links");
    // The website is also a source of some facts: one entry per place it sits.
    let places = |url: &str| show.to_string().matches(&format!("\"{url}\"")).count();
    assert_eq!(links.len(), places(&website) + places(&apple), "{got:#}");
    let website_url = on(&server.url("http", "/s/410"), &website);
    let apple_url = on(&server.url("http", "/r/308/ok"), &apple);
    assert_eq!(
        links[0],
        serde_json::json!({
            "show": "twiml-ai",
            "path": format!("shows[{index}].links.website"),
            "url": website_url,
            "outcome": "gone",
            "status": 410,
            "reason": "HTTP 410 Gone",
            "new_url": null,
        })
    );
    let apple_entry = links
        .iter()
        .find(|l| l["path"] == format!("shows[{index}].links.apple"))
        .expect("the moved Apple link");
    assert_eq!(
        *apple_entry,
        serde_json::json!({
            "show": "twiml-ai",
            "path": format!("shows[{index}].links.apple"),
            "url": apple_url,
            "outcome": "moved",
            "status": 308,
            "reason": format!("HTTP 308 Permanent Redirect → {}", on(&ok, &apple)),
            "new_url": on(&ok, &apple),
        })
    );
    assert_eq!(got["checked"]["broken"], places(&website));
    assert_eq!(got["checked"]["moved"], places(&apple));
}

#[test]
fn exit_status_is_0_when_nothing_is_broken_even_with_a_move() {
    let server = LinkServer::http();
    let ok = server.url("http", "/ok");
    let moved = server.url("http", "/r/301/ok");
    let dir = scratch("check-links-exit-0", &|url, i| {
        on(if i == 3 { &moved } else { &ok }, url)
    });
    let out = run(&[
        "--catalog",
        dir.join("catalog.json").to_str().expect("utf-8"),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("MOVED"), "{stdout}");
    assert!(stdout.contains(" 0 broken"), "{stdout}");
}

#[test]
fn exit_status_is_1_when_a_link_is_broken() {
    let server = LinkServer::http();
    let ok = server.url("http", "/ok");
    let missing = server.url("http", "/s/404");
    let dir = scratch("check-links-exit-1", &|url, i| {
        on(if i == 5 { &missing } else { &ok }, url)
    });
    let out = run(&[
        "--catalog",
        dir.join("catalog.json").to_str().expect("utf-8"),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("BROKEN  HTTP 404 Not Found"), "{stdout}");
}

#[test]
fn exit_status_is_2_on_a_usage_or_file_error() {
    let dir = scratch("check-links-exit-2", &|url, _| url.to_string());
    let catalog = dir.join("catalog.json");
    let catalog = catalog.to_str().expect("utf-8");
    let missing_dir = dir.join("no-such-dir").join("report.json");
    for (args, says) in [
        (vec!["--catalog", "/no/such/catalog.json"], "cannot read"),
        (
            vec!["--catalog", catalog, "--only", "no-such-show"],
            "no show with id",
        ),
        (vec!["--catalog", catalog, "--bogus"], "unknown option"),
        (vec!["--catalog", catalog, "--json"], "--json needs a value"),
    ] {
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    // A report that cannot be written is a file error too (an empty selection: no request).
    let server = LinkServer::http();
    let ok = server.url("http", "/ok");
    let dir = scratch("check-links-exit-2-report", &|url, _| on(&ok, url));
    let out = run(&[
        "--catalog",
        dir.join("catalog.json").to_str().expect("utf-8"),
        "--only",
        "talking-machines",
        "--json",
        missing_dir.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the report"));
}

#[test]
fn the_real_catalog_against_a_fixture_server_prints_a_table_per_show() {
    let server = LinkServer::http();
    let dead = TcpListener::bind("127.0.0.1:0")
        .expect("a port")
        .local_addr()
        .expect("an address")
        .port();
    let base = server.url("http", "");
    // One distinct URL in 60 meets each kind of trouble; the rest answer 200.
    let dir = scratch("check-links-fixture", &|url, i| match i % 60 {
        3 => on(&format!("{base}/s/404"), url),
        9 => on(&format!("{base}/s/410"), url),
        15 => on(&format!("{base}/r/301/ok"), url),
        21 => on(&format!("{base}/r/308/r/301/ok"), url),
        27 => on(&format!("{base}/r/302/ok"), url),
        33 => on(&format!("{base}/no-head"), url),
        39 => on(&format!("{base}/s/503"), url),
        45 => on(&format!("{base}/r/301/s/404"), url),
        51 => on(&format!("http://127.0.0.1:{dead}"), url),
        57 => on(&format!("{base}/out"), url),
        _ => on(&format!("{base}/ok"), url),
    });
    let out = run(&[
        "--catalog",
        dir.join("catalog.json").to_str().expect("utf-8"),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout).replace(&base, "http://127.0.0.1:PORT");
    let stdout = stdout.replace(&format!("127.0.0.1:{dead}"), "127.0.0.1:DEAD");
    std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("check-links-fixture.txt"),
        stdout.as_bytes(),
    )
    .expect("saved for the maintainer");
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for expected in [
        "BROKEN  HTTP 404 Not Found",
        "BROKEN  HTTP 410 Gone",
        "MOVED   HTTP 301 Moved Permanently → http://127.0.0.1:PORT/ok/",
        "MOVED   HTTP 308 Permanent Redirect → http://127.0.0.1:PORT/ok/",
        "BROKEN  HTTP 503 Service Unavailable",
        "BROKEN  HTTP 404 Not Found at http://127.0.0.1:PORT/s/404/",
        "BROKEN  no connection:",
        "BROKEN  refused:",
    ] {
        assert!(stdout.contains(expected), "{expected}\n{stdout}");
    }
    // Temporary redirects and hosts refusing HEAD are fine: never in the table.
    assert!(!stdout.contains("/r/302/"), "{stdout}");
    assert!(!stdout.contains("/no-head/"), "{stdout}");
    let summary = stdout
        .lines()
        .rev()
        .find(|l| l.contains(" links ("))
        .expect("a summary");
    assert!(summary.contains("URLs on"), "{summary}");
    assert!(stdout.contains("plain-http URLs not checked"), "{stdout}");
    // Every request carried the tool's name; every URL was asked once (HEAD), or twice.
    let agents = server.stats.agents.lock().expect("agents").clone();
    assert!(agents.iter().all(|a| a.starts_with("podpath_catalog/")));
}
