//! The public agent, the one every real feed goes through: https on every hop, at most five
//! redirects, certificates checked. Tested against a local TLS server whose certificate chains
//! to a test authority (`tests/fixtures/tls/`, made by its `regenerate.sh`), through the
//! command's own fetcher: `Fetcher::with_root_certs` differs from `Fetcher::new` only in the
//! root it trusts. No test reaches the internet. Like the real feeds, these requests honour
//! the proxy variables: where `ALL_PROXY` or `HTTPS_PROXY` is set, `NO_PROXY` must name
//! 127.0.0.1.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::thread;

use podpath_catalog::feed::parse_feed;
use podpath_catalog::fetch::{FetchError, Fetched, Fetcher, Limits};
use rustls::{ServerConfig, ServerConnection, StreamOwned};
use support::{tls_config, trusting_fetcher, weekly_feed, FixtureServer};

/// The command's fetcher and limits, trusting the test authority instead of Mozilla's roots.
fn fetcher() -> Fetcher {
    trusting_fetcher(Limits::FEEDS)
}

/// An https feed host on loopback, certified for 127.0.0.1 by the test authority:
/// - `/feed.xml`: a weekly feed;
/// - `/chain/N`: N redirects, then the feed;
/// - `/to-plain-http`: a redirect to `plain_http`.
struct TlsServer {
    base: String,
}

impl TlsServer {
    fn start(plain_http: String) -> TlsServer {
        let config = tls_config();
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let port = listener.local_addr().expect("an address").port();
        thread::spawn(move || {
            for tcp in listener.incoming().flatten() {
                let (config, plain_http) = (config.clone(), plain_http.clone());
                thread::spawn(move || serve(config, tcp, &plain_http));
            }
        });
        TlsServer {
            base: format!("https://127.0.0.1:{port}"),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Answers one request on one connection, then closes it. A client that gives up during the
/// handshake (an untrusted certificate) just ends the connection.
fn serve(config: Arc<ServerConfig>, tcp: TcpStream, plain_http: &str) {
    let Ok(connection) = ServerConnection::new(config) else {
        return;
    };
    let mut reader = BufReader::new(StreamOwned::new(connection, tcp));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 0) && header.trim() != "" {
        header.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("");
    let chain = path
        .strip_prefix("/chain/")
        .and_then(|n| n.parse::<u32>().ok());
    let (status, location, body) = match (path, chain) {
        ("/feed.xml", _) | (_, Some(0)) => ("200 OK", None, weekly_feed("Over TLS", 30, 7)),
        (_, Some(n)) => ("302 Found", Some(format!("/chain/{}", n - 1)), Vec::new()),
        ("/to-plain-http", _) => ("302 Found", Some(plain_http.to_string()), Vec::new()),
        _ => ("404 Not Found", None, b"not found".to_vec()),
    };
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(location) = location {
        head += &format!("Location: {location}\r\n");
    }
    head += "\r\n";
    let stream = reader.get_mut();
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    stream.conn.send_close_notify();
    let _ = stream.flush();
}

/// A fetch's result, short: the body's size or the error.
fn outcome(got: &Result<Fetched, FetchError>) -> String {
    match got {
        Ok(fetched) => format!("read {} bytes", fetched.body.len()),
        Err(e) => format!("{e:?}"),
    }
}

#[test]
fn an_https_feed_is_read_through_the_public_agent() {
    let server = TlsServer::start(String::new());
    // Only the public agent is given the test authority: read any other way, the handshake
    // fails (UnknownIssuer).
    let fetched = fetcher().get(&server.url("/feed.xml")).expect("fetched");
    let info = parse_feed(&fetched.body).expect("a feed");
    assert_eq!(info.title, "Over TLS");
    assert_eq!(info.episodes.len(), 30);
}

#[test]
fn the_public_agent_refuses_a_server_outside_its_trusted_roots() {
    let server = TlsServer::start(String::new());
    // The command's own fetcher trusts Mozilla's roots, which never certified the test server.
    let got = Fetcher::new(Limits::FEEDS).get(&server.url("/feed.xml"));
    assert!(
        matches!(&got, Err(FetchError::Network(why)) if why.contains("UnknownIssuer")),
        "a certificate from an unknown authority is refused, but: {}",
        outcome(&got)
    );
}

#[test]
fn the_public_agent_refuses_a_redirect_to_plain_http_even_on_loopback() {
    // The hand-written loopback path would follow this hop (plain http on loopback is allowed
    // as a first URL); the public agent must not leave https once it is on it.
    let plain = FixtureServer::start();
    let server = TlsServer::start(plain.url("/weekly/plain.xml"));
    let got = fetcher().get(&server.url("/to-plain-http"));
    assert!(
        matches!(got, Err(FetchError::NotAllowed(_))),
        "the hop to plain http is refused, but: {}",
        outcome(&got)
    );
    assert_eq!(
        got.err().map(|e| e.to_string()),
        Some(format!(
            "refused: a redirect left https: {}",
            plain.url("/weekly/plain.xml")
        ))
    );
    assert_eq!(
        *plain.last_headers.lock().expect("headers"),
        (String::new(), String::new()),
        "no request reached the plain http server"
    );
}

#[test]
fn the_public_agent_follows_five_redirects_and_refuses_a_sixth() {
    let server = TlsServer::start(String::new());
    let fetched = fetcher().get(&server.url("/chain/5")).expect("5 redirects");
    assert_eq!(parse_feed(&fetched.body).expect("a feed").title, "Over TLS");
    let got = fetcher().get(&server.url("/chain/6"));
    assert_eq!(got.clone().err(), Some(FetchError::TooManyRedirects(5)));
    assert_eq!(
        got.err().map(|e| e.to_string()).as_deref(),
        Some("more than 5 redirects")
    );
}
