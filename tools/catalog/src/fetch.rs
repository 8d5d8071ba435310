//! Fetching feeds: https anywhere, plain http only on loopback (a mirror or a test server),
//! with bounded time, redirects and size.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use ureq::http::Uri;
use ureq::tls::{RootCerts, TlsConfig};

/// Who is asking, so that hosts can tell the tool apart from a browser.
pub const USER_AGENT: &str = concat!(
    "podpath_catalog/",
    env!("CARGO_PKG_VERSION"),
    " (feed refresh for the podpath podcast catalog)"
);

/// How long, how far and how much.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub connect: Duration,
    pub total: Duration,
    pub redirects: u32,
    pub body_bytes: u64,
}

impl Limits {
    /// What the command uses.
    pub const FEEDS: Limits = Limits {
        connect: Duration::from_secs(10),
        total: Duration::from_secs(30),
        redirects: 5,
        body_bytes: 20 * 1024 * 1024,
    };
}

/// Why a feed could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// Not https, or plain http off loopback.
    NotAllowed(String),
    Status(u16),
    Timeout,
    TooLarge(u64),
    TooManyRedirects(u32),
    Network(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::NotAllowed(why) => write!(f, "refused: {why}"),
            FetchError::Status(code) => {
                let reason = ureq::http::StatusCode::from_u16(*code)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("");
                write!(f, "HTTP {code} {reason}")
            }
            FetchError::Timeout => write!(f, "timed out"),
            FetchError::TooLarge(limit) => {
                write!(f, "body larger than {} MB: cut off", limit / (1024 * 1024))
            }
            FetchError::TooManyRedirects(n) => write!(f, "more than {n} redirects"),
            FetchError::Network(why) => write!(f, "network error: {why}"),
        }
    }
}

/// A fetched body and what the server said it is.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub body: Vec<u8>,
    pub content_type: Option<String>,
}

/// Checks that `url` may be fetched: https with a host, or http on a loopback address.
pub fn check_feed_url(url: &str) -> Result<(), String> {
    let uri: Uri = url.parse().map_err(|_| format!("{url:?} is not a URL"))?;
    let host = uri.host().unwrap_or("");
    if host.is_empty() {
        return Err(format!("{url:?} has no host"));
    }
    match uri.scheme_str() {
        Some("https") => Ok(()),
        Some("http") if is_loopback(host) => Ok(()),
        Some("http") => Err(format!(
            "{url:?} is plain http: feeds are fetched over https (http only on loopback)"
        )),
        _ => Err(format!("{url:?} is not an https URL")),
    }
}

/// 127.0.0.0/8, `localhost` and `[::1]`.
fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || bare.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
        || bare.parse::<Ipv6Addr>().is_ok_and(|ip| ip.is_loopback())
}

/// One client for all feeds of a run; safe to share between threads.
#[derive(Clone)]
pub struct Fetcher {
    /// Every https URL: honours the environment's proxy settings, for the real feeds.
    agent: ureq::Agent,
    /// Plain http, which is on loopback only: never through a proxy, as those servers are
    /// on this machine.
    direct: ureq::Agent,
    limits: Limits,
}

impl Fetcher {
    /// The fetcher of the command: https servers must chain to Mozilla's roots (webpki-roots).
    pub fn new(limits: Limits) -> Fetcher {
        Fetcher::with_root_certs(limits, RootCerts::WebPki)
    }

    /// The same fetcher, except that https servers must chain to `roots`: a test gives its
    /// local TLS server's certificate authority, so that the tests read https through the
    /// very agent and policy the real feeds go through. Nothing else differs from `new`.
    pub fn with_root_certs(limits: Limits, roots: RootCerts) -> Fetcher {
        let config = |public: bool| {
            let builder = ureq::Agent::config_builder()
                .user_agent(USER_AGENT)
                .timeout_connect(Some(limits.connect))
                .timeout_global(Some(limits.total))
                .http_status_as_error(false);
            let builder = if public {
                // ureq follows the redirects itself and refuses any hop that is not https.
                builder
                    .https_only(true)
                    .max_redirects(limits.redirects)
                    .tls_config(TlsConfig::builder().root_certs(roots.clone()).build())
            } else {
                // Plain http on loopback: every hop is checked here (`get`), so that a mirror
                // or a test server cannot send the tool to plain http elsewhere.
                builder.proxy(None).max_redirects(0)
            };
            builder.build().new_agent()
        };
        Fetcher {
            agent: config(true),
            direct: config(false),
            limits,
        }
    }

    /// The body of `url`, after at most `limits.redirects` redirects, each hop within the policy.
    pub fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        self.finish(self.last_hop(url)?)
    }

    /// `get`, except that a refusal also says how long the server asked to wait (`Retry-After`
    /// in seconds; the HTTP-date form is not read), so that a caller asking a rate-limited API
    /// (discover's iTunes lookup) can wait and ask once more.
    pub fn get_noting_retry_after(
        &self,
        url: &str,
    ) -> Result<Fetched, (FetchError, Option<Duration>)> {
        let response = self.last_hop(url).map_err(|e| (e, None))?;
        let wait = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        self.finish(response).map_err(|e| (e, wait))
    }

    /// The response at the end of the redirects, each hop within the policy.
    fn last_hop(&self, url: &str) -> Result<ureq::http::Response<ureq::Body>, FetchError> {
        let mut url = url.to_string();
        for _ in 0..=self.limits.redirects {
            check_feed_url(&url).map_err(FetchError::NotAllowed)?;
            // Checked above: plain http is on loopback. Https, wherever it is (a loopback https
            // server can only be a test's: no public authority certifies loopback), goes
            // through the public agent and its policy.
            let plain = url
                .parse::<Uri>()
                .is_ok_and(|u| u.scheme_str() == Some("http"));
            let agent = if plain { &self.direct } else { &self.agent };
            let response = agent
                .get(&url)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
                .call()
                .map_err(|e| self.error(e))?;
            if plain && response.status().is_redirection() {
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .ok_or(FetchError::Status(response.status().as_u16()))?;
                url = resolve(&url, location);
                continue;
            }
            return Ok(response);
        }
        Err(FetchError::TooManyRedirects(self.limits.redirects))
    }

    fn finish(
        &self,
        mut response: ureq::http::Response<ureq::Body>,
    ) -> Result<Fetched, FetchError> {
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(FetchError::Status(status));
        }
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = response
            .body_mut()
            .with_config()
            .limit(self.limits.body_bytes)
            .read_to_vec()
            .map_err(|e| self.error(e))?;
        Ok(Fetched { body, content_type })
    }

    fn error(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::StatusCode(code) => FetchError::Status(code),
            ureq::Error::Timeout(_) => FetchError::Timeout,
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(self.limits.body_bytes),
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects(self.limits.redirects),
            ureq::Error::RequireHttpsOnly(why) => {
                FetchError::NotAllowed(format!("a redirect left https: {why}"))
            }
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => FetchError::Timeout,
            ureq::Error::HostNotFound => FetchError::Network("host not found".into()),
            ureq::Error::ConnectionFailed => FetchError::Network("connection failed".into()),
            other => FetchError::Network(other.to_string()),
        }
    }
}

/// The request a link check makes: HEAD first, GET where a host refuses HEAD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    Head,
    Get,
}

/// One answer as the server gave it: the status and, for a redirect, where it points
/// (resolved against the URL asked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
}

/// Why one request got no answer, in the kinds a link report tells apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoAnswer {
    /// Not https, or plain http off loopback.
    NotAllowed(String),
    /// DNS has no address for the host, or could not be asked.
    HostNotFound(String),
    /// The TLS handshake failed (an unknown authority, an expired or wrong-name certificate).
    Tls(String),
    /// No connection within the connect limit.
    ConnectTimeout,
    /// No connection: refused or unreachable.
    Unreachable(String),
    /// Connected, but no answer within the total limit.
    Timeout,
    Network(String),
}

impl NoAnswer {
    /// A failure of the host rather than of one URL on it: asking it for another URL in the
    /// same run would fail the same way, so a link check stops asking it.
    pub fn is_host_wide(&self) -> bool {
        matches!(
            self,
            NoAnswer::HostNotFound(_)
                | NoAnswer::Tls(_)
                | NoAnswer::ConnectTimeout
                | NoAnswer::Unreachable(_)
        )
    }
}

impl Fetcher {
    /// The limits this fetcher was built with.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// One HEAD or GET of `url` through the same agents and policy as `get`, but without
    /// following a redirect and without reading the body: `check-links` walks each hop itself
    /// to tell a permanent move (301, 308) from a temporary one, and needs only the status.
    /// The unread body is dropped with its connection.
    pub fn probe(&self, probe: Probe, url: &str) -> Result<Answer, NoAnswer> {
        check_feed_url(url).map_err(NoAnswer::NotAllowed)?;
        let plain = url
            .parse::<Uri>()
            .is_ok_and(|u| u.scheme_str() == Some("http"));
        let agent = if plain { &self.direct } else { &self.agent };
        let response = match probe {
            Probe::Head => agent
                .head(url)
                .header("Accept", "*/*")
                .config()
                .max_redirects(0)
                .build()
                .call(),
            Probe::Get => agent
                .get(url)
                .header("Accept", "*/*")
                .config()
                .max_redirects(0)
                .build()
                .call(),
        }
        .map_err(|e| no_answer(e, !plain))?;
        let status = response.status();
        let location = status
            .is_redirection()
            .then(|| response.headers().get("location"))
            .flatten()
            // Some hosts send a path with UTF-8 in it rather than percent-encoded.
            .and_then(|v| std::str::from_utf8(v.as_bytes()).ok())
            .map(|to| resolve(url, to));
        Ok(Answer {
            status: status.as_u16(),
            location,
        })
    }
}

/// `tls`: the request was over https, where rustls reports a failed handshake (an unknown
/// authority, a wrong name, an expired certificate) as invalid data, the only way it can
/// reach this side of ureq: no body is read here, and HTTP itself fails as `Protocol`.
fn no_answer(e: ureq::Error, tls: bool) -> NoAnswer {
    use ureq::Timeout as T;
    match e {
        ureq::Error::HostNotFound => NoAnswer::HostNotFound("no address".into()),
        // The system resolver's failure (getaddrinfo), which std reports as an uncategorized
        // error with this message and ureq passes on as it is.
        ureq::Error::Io(io) if io.to_string().starts_with("failed to lookup address") => {
            NoAnswer::HostNotFound(io.to_string())
        }
        ureq::Error::Timeout(T::Resolve | T::Connect) => NoAnswer::ConnectTimeout,
        ureq::Error::Timeout(_) => NoAnswer::Timeout,
        ureq::Error::ConnectionFailed => NoAnswer::Unreachable("connection failed".into()),
        ureq::Error::Tls(why) => NoAnswer::Tls(why.into()),
        ureq::Error::Rustls(why) => NoAnswer::Tls(why.to_string()),
        ureq::Error::RequireHttpsOnly(why) => {
            NoAnswer::NotAllowed(format!("a redirect left https: {why}"))
        }
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::TimedOut => NoAnswer::Timeout,
            std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::HostUnreachable
            | std::io::ErrorKind::NetworkUnreachable => NoAnswer::Unreachable(io.to_string()),
            std::io::ErrorKind::InvalidData if tls => NoAnswer::Tls(io.to_string()),
            _ => NoAnswer::Network(io.to_string()),
        },
        other => NoAnswer::Network(other.to_string()),
    }
}

/// A redirect's `Location` against the URL that sent it: absolute, scheme-relative or
/// path-absolute (what feed hosts send), else relative to the current directory.
fn resolve(base: &str, location: &str) -> String {
    if location.starts_with("https://") || location.starts_with("http://") {
        return location.to_string();
    }
    let uri: Option<Uri> = base.parse().ok();
    let scheme = uri.as_ref().and_then(|u| u.scheme_str()).unwrap_or("https");
    let authority = uri
        .as_ref()
        .and_then(|u| u.authority())
        .map_or("", |a| a.as_str());
    if let Some(rest) = location.strip_prefix("//") {
        format!("{scheme}://{rest}")
    } else if location.starts_with('/') {
        format!("{scheme}://{authority}{location}")
    } else {
        let path = uri.as_ref().map_or("/", |u| u.path());
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        format!("{scheme}://{authority}{dir}/{location}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_locations_resolve_against_the_url_that_sent_them() {
        let base = "http://127.0.0.1:8000/feeds/a.xml";
        assert_eq!(resolve(base, "https://x.org/f"), "https://x.org/f");
        assert_eq!(resolve(base, "//x.org/f"), "http://x.org/f");
        assert_eq!(resolve(base, "/b.xml"), "http://127.0.0.1:8000/b.xml");
        assert_eq!(resolve(base, "c.xml"), "http://127.0.0.1:8000/feeds/c.xml");
    }

    #[test]
    fn https_anywhere_http_only_on_loopback() {
        for ok in [
            "https://feeds.example.org/show.rss",
            "http://127.0.0.1:8080/feed.xml",
            "http://127.8.9.10/feed.xml",
            "http://localhost:9000/x",
            "http://[::1]:9000/x",
        ] {
            assert_eq!(check_feed_url(ok), Ok(()), "{ok}");
        }
        for bad in [
            "http://feeds.example.org/show.rss",
            "http://128.0.0.1/x",
            "http://localhost.example.org/x",
            "ftp://example.org/x",
            "feeds.example.org/show.rss",
            "https:///x",
            "not a url",
        ] {
            assert!(check_feed_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_failed_dns_lookup_is_host_not_found_and_fails_the_whole_host() {
        // As std reports getaddrinfo's failure; no test can ask a real resolver.
        let lookup = std::io::Error::other(
            "failed to lookup address information: Name or service not known",
        );
        let got = no_answer(ureq::Error::Io(lookup), true);
        assert_eq!(
            got,
            NoAnswer::HostNotFound(
                "failed to lookup address information: Name or service not known".into()
            )
        );
        assert!(got.is_host_wide());
        let reset = std::io::Error::from(std::io::ErrorKind::ConnectionReset);
        let got = no_answer(ureq::Error::Io(reset), true);
        assert!(matches!(got, NoAnswer::Network(_)), "{got:?}");
        assert!(!got.is_host_wide());
    }
}
