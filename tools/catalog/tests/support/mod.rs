//! What the tests share: the fixture feed server, a loopback HTTP server (tiny_http) serving
//! the feeds in `tests/fixtures/` and generated ones, plus every way a server goes wrong; the
//! test TLS authority of `tests/fixtures/tls/`; and the real `data/`, run through the binary
//! and the engine's validator.

#![allow(dead_code)] // each test file uses part of it

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use podpath_catalog::fetch::{Fetcher, Limits};
use podpath_engine::validate::{check_all, Problem, Sources};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::ServerConfig;
use serde_json::Value;
use tiny_http::{Header, Request, Response, Server};
use ureq::tls::{Certificate, RootCerts};

/// The repository's `data/`: the real catalog and the files it is validated against.
pub const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
/// The test authority, and the certificate and key it signed for 127.0.0.1 (made by
/// `regenerate.sh` there).
pub const TLS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tls/");

/// How long `/slow.xml` makes the client wait.
pub const SLOW: Duration = Duration::from_secs(5);
/// How long each `/weekly/…` answer takes, so that parallel reads overlap.
pub const WEEKLY_DELAY: Duration = Duration::from_millis(150);

pub struct FixtureServer {
    server: Arc<Server>,
    pub base: String,
    /// Requests being answered right now, and the most at once.
    pub in_flight: Arc<AtomicUsize>,
    pub max_in_flight: Arc<AtomicUsize>,
    /// The User-Agent and Accept-Encoding of the last request.
    pub last_headers: Arc<std::sync::Mutex<(String, String)>>,
}

impl FixtureServer {
    pub fn start() -> FixtureServer {
        let server = Arc::new(Server::http("127.0.0.1:0").expect("a loopback port"));
        let port = server.server_addr().to_ip().expect("an ip address").port();
        let fixture = FixtureServer {
            server: server.clone(),
            base: format!("http://127.0.0.1:{port}"),
            in_flight: Arc::default(),
            max_in_flight: Arc::default(),
            last_headers: Arc::default(),
        };
        let (in_flight, max_in_flight, last) = (
            fixture.in_flight.clone(),
            fixture.max_in_flight.clone(),
            fixture.last_headers.clone(),
        );
        thread::spawn(move || {
            for request in server.incoming_requests() {
                let (in_flight, max_in_flight, last) =
                    (in_flight.clone(), max_in_flight.clone(), last.clone());
                thread::spawn(move || {
                    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    max_in_flight.fetch_max(now, Ordering::SeqCst);
                    let header = |name: &str| {
                        request
                            .headers()
                            .iter()
                            .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
                            .map(|h| h.value.to_string())
                            .unwrap_or_default()
                    };
                    if let Ok(mut last) = last.lock() {
                        *last = (header("User-Agent"), header("Accept-Encoding"));
                    }
                    answer(request);
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        fixture
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for FixtureServer {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    std::fs::read(format!("{path}{name}")).expect("a fixture file")
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn xml(body: Vec<u8>) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body).with_header(header("Content-Type", "application/rss+xml"))
}

fn answer(request: Request) {
    let path = request.url().to_string();
    let redirect = |to: &str| {
        Response::from_data(Vec::new())
            .with_status_code(302)
            .with_header(header("Location", to))
    };
    let response = match path.as_str() {
        "/ended-2019.xml" | "/atom.xml" | "/revived.xml" | "/odd.xml" | "/malformed.xml"
        | "/bomb.xml" => xml(fixture(&path[1..])),
        "/page.html" => Response::from_data(fixture("page.html"))
            .with_header(header("Content-Type", "text/html; charset=utf-8")),
        "/error" => Response::from_data(b"oops".to_vec()).with_status_code(500),
        // Three hops, then the feed; and a loop that never ends.
        "/hop/1" => redirect("/hop/2"),
        "/hop/2" => redirect("/hop/3"),
        "/hop/3" => redirect("/weekly/hops.xml"),
        "/loop" => redirect("/loop"),
        // A mirror that sends the tool to plain http off this machine.
        "/hop/out" => redirect("http://feeds.example.org/show.xml"),
        "/slow.xml" => {
            thread::sleep(SLOW);
            xml(weekly_feed("Slow", 20, 7))
        }
        // 21 MB of well-formed feed: one item repeated past the 20 MB limit.
        "/huge.xml" => xml(huge_feed(21 * 1024 * 1024)),
        "/gzip.xml" => {
            let accepts = request.headers().iter().any(|h| {
                h.field
                    .as_str()
                    .as_str()
                    .eq_ignore_ascii_case("accept-encoding")
                    && h.value.as_str().contains("gzip")
            });
            if accepts {
                let mut gz =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                gz.write_all(&weekly_feed("Zipped", 30, 7)).expect("gzip");
                xml(gz.finish().expect("gzip")).with_header(header("Content-Encoding", "gzip"))
            } else {
                Response::from_data(b"gzip expected".to_vec()).with_status_code(406)
            }
        }
        p if p.starts_with("/weekly/") => {
            thread::sleep(WEEKLY_DELAY);
            xml(weekly_feed(&p[8..], 30, 7))
        }
        _ => Response::from_data(b"not found".to_vec()).with_status_code(404),
    };
    let _ = request.respond(response);
}

/// A weekly show, newest episode on 2026-11-20, 40 to 52 minutes long, RSS with iTunes tags.
pub fn weekly_feed(title: &str, episodes: usize, gap_days: i64) -> Vec<u8> {
    let newest = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("a date");
    let mut items = String::new();
    for i in 0..episodes {
        let day = newest - chrono::Duration::days(gap_days * i as i64);
        let minutes = 40 + (i * 7) % 13;
        items += &format!(
            "<item><title>Episode {n}</title><pubDate>{date}</pubDate><itunes:duration>{minutes}:00</itunes:duration></item>\n",
            n = episodes - i,
            date = day.format("%a, %d %b %Y 09:00:00 GMT"),
        );
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>{title}</title><link>https://weekly.example.org/</link><description>Fixture.</description>
<itunes:author>Wes Weekly</itunes:author>
{items}</channel></rss>
"#
    )
    .into_bytes()
}

fn huge_feed(bytes: usize) -> Vec<u8> {
    let item =
        "<item><title>Filler</title><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate></item>\n";
    let mut body =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title>\n");
    while body.len() < bytes {
        body += item;
    }
    body += "</channel></rss>\n";
    body.into_bytes()
}

/// The engine's validator on the `catalog.json`, `topics.json` and `episodes.json` in `dir`:
/// what the site would accept.
pub fn check_data(dir: &Path) -> Result<(), Vec<Problem>> {
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("readable");
    let (catalog, topics, episodes) = (
        read("catalog.json"),
        read("topics.json"),
        read("episodes.json"),
    );
    check_all(Sources {
        catalog: &catalog,
        topics: &topics,
        episodes: &episodes,
    })
    .map(|_| ())
}

/// Runs the binary with `args`, as a maintainer does.
pub fn run(args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podpath_catalog"))
        .args(args)
        .output()
        .expect("the command runs")
}

pub fn load(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON")
}

pub fn shows(doc: &Value) -> &Vec<Value> {
    doc["shows"].as_array().expect("shows")
}

/// A server config for https on loopback: the certificate the test authority signed for
/// 127.0.0.1, with the ring provider that ureq already builds.
pub fn tls_config() -> Arc<ServerConfig> {
    let chain: Vec<CertificateDer<'static>> =
        CertificateDer::pem_file_iter(format!("{TLS}localhost.pem"))
            .expect("the server certificate")
            .collect::<Result<_, _>>()
            .expect("PEM certificates");
    let key = PrivateKeyDer::from_pem_file(format!("{TLS}localhost.key")).expect("its key");
    let config =
        ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .expect("a server config");
    Arc::new(config)
}

/// The command's fetcher with `limits`, trusting the test authority instead of Mozilla's
/// roots (and nothing besides): `Fetcher::with_root_certs` differs from `Fetcher::new` only
/// in the root it trusts.
pub fn trusting_fetcher(limits: Limits) -> Fetcher {
    let ca = std::fs::read(format!("{TLS}ca.pem")).expect("the test CA");
    let ca = Certificate::from_pem(&ca).expect("a PEM certificate");
    Fetcher::with_root_certs(limits, RootCerts::new_with_certs(&[ca]))
}
