//! `podpath_catalog discover` end to end: the real binary on a copy of the real catalog, with
//! the iTunes Search API and the feeds it names played by a scripted loopback server that
//! logs every request. No test reaches the internet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::{check_data, load, run, shows, DATA};
use tiny_http::{Header, Response, Server};

/// One scripted answer.
#[derive(Clone)]
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn ok(body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    fn status(status: u16, retry_after: Option<&str>) -> Reply {
        Reply {
            status,
            headers: retry_after
                .map(|s| vec![("Retry-After", s.to_string())])
                .unwrap_or_default(),
            body: b"{\"errorMessage\":\"slow down\"}".to_vec(),
        }
    }
}

/// A loopback server answering each path (with its query) with its scripted replies in turn,
/// the last one again once they run out, and 404 for any other path.
struct Scripted {
    server: Arc<Server>,
    base: String,
    log: Arc<Mutex<Vec<(String, Instant)>>>,
}

impl Scripted {
    fn start(routes: Vec<(String, Vec<Reply>)>) -> Scripted {
        let server = Arc::new(Server::http("127.0.0.1:0").expect("a loopback port"));
        let port = server.server_addr().to_ip().expect("an ip address").port();
        let log: Arc<Mutex<Vec<(String, Instant)>>> = Arc::default();
        let (incoming, seen) = (server.clone(), log.clone());
        let routes: HashMap<String, Vec<Reply>> = routes.into_iter().collect();
        thread::spawn(move || {
            let mut served: HashMap<String, usize> = HashMap::new();
            for request in incoming.incoming_requests() {
                let path = request.url().to_string();
                seen.lock()
                    .expect("log")
                    .push((path.clone(), Instant::now()));
                let reply = routes.get(&path).map(|replies| {
                    let n = served.entry(path.clone()).or_default();
                    let reply = replies[(*n).min(replies.len() - 1)].clone();
                    *n += 1;
                    reply
                });
                let reply = reply.unwrap_or(Reply {
                    status: 404,
                    headers: Vec::new(),
                    body: b"not found".to_vec(),
                });
                let mut response = Response::from_data(reply.body).with_status_code(reply.status);
                for (name, value) in reply.headers {
                    response.add_header(
                        Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a header"),
                    );
                }
                let _ = request.respond(response);
            }
        });
        Scripted {
            server,
            base: format!("http://127.0.0.1:{port}"),
            log,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The paths asked, in order, and when.
    fn requests(&self) -> Vec<(String, Instant)> {
        self.log.lock().expect("log").clone()
    }

    fn count(&self, path: &str) -> usize {
        self.requests().iter().filter(|(p, _)| p == path).count()
    }
}

impl Drop for Scripted {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

/// A show the command looks up: no feed, an Apple id.
#[derive(Clone, Debug)]
struct Eligible {
    id: String,
    title: String,
    apple_id: u64,
}

impl Eligible {
    fn lookup(&self) -> String {
        format!("/lookup?id={}&entity=podcast", self.apple_id)
    }

    /// Where the lookup says the show's feed is; never fetched (`--feed` reads it from the
    /// loopback server instead).
    fn feed_url(&self) -> String {
        format!("https://feeds.example.org/{}.xml", self.id)
    }

    fn mirror(&self) -> String {
        format!("/feeds/{}.xml", self.id)
    }

    fn source(&self) -> String {
        format!(
            "https://itunes.apple.com/lookup?id={}&entity=podcast",
            self.apple_id
        )
    }
}

/// Shows with a feed and an Apple id whose feed each scratch catalog forgets, so that there is
/// always something to discover, however many feeds the real catalog has found by now.
const FORGOTTEN: usize = 3;

/// A scratch copy of `data/` (catalog, topics, episodes) that the test may overwrite, in which
/// the first `FORGOTTEN` shows with a feed and an Apple id have lost their feed and its sources.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("discover-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch dir");
    for file in ["catalog.json", "topics.json", "episodes.json"] {
        std::fs::copy(Path::new(DATA).join(file), dir.join(file)).expect("copied");
    }
    let catalog = dir.join("catalog.json");
    let mut doc = load(&catalog);
    let with_both = doc["shows"]
        .as_array_mut()
        .expect("shows")
        .iter_mut()
        .filter(|s| s["links"]["rss"].is_string() && s["links"]["apple"].is_string());
    for show in with_both.take(FORGOTTEN) {
        show["links"]
            .as_object_mut()
            .expect("links")
            .shift_remove("rss");
        show["sources"]
            .as_object_mut()
            .expect("sources")
            .shift_remove("feed");
    }
    std::fs::write(&catalog, podpath_catalog::catalog_file::render(&doc)).expect("written");
    assert!(validates(&dir), "the scratch catalog starts valid");
    dir
}

fn show<'a>(doc: &'a Value, id: &str) -> &'a Value {
    shows(doc).iter().find(|s| s["id"] == id).expect("the show")
}

/// The catalog's shows without a feed that have an Apple id, in catalog order.
fn eligible(catalog: &Path) -> Vec<Eligible> {
    shows(&load(catalog))
        .iter()
        .filter(|s| s["links"]["rss"].is_null())
        .filter_map(|s| {
            Some(Eligible {
                id: s["id"].as_str()?.to_string(),
                title: s["title"].as_str()?.to_string(),
                apple_id: podpath_engine::links::apple_id(s["links"]["apple"].as_str()?)?,
            })
        })
        .collect()
}

/// The iTunes Search API's answer for one podcast.
fn lookup_answer(show: &Eligible, feed_url: &str) -> String {
    json!({
        "resultCount": 1,
        "results": [{
            "wrapperType": "track",
            "kind": "podcast",
            "collectionId": show.apple_id,
            "collectionName": show.title,
            "feedUrl": feed_url,
        }]
    })
    .to_string()
}

/// A small RSS feed titled `title`; `extra` goes into the channel.
fn rss(title: &str, extra: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>{title}</title><link>https://show.example.org/</link><description>Fixture.</description>
{extra}
<item><title>Episode 2</title><pubDate>Fri, 20 Nov 2026 09:00:00 GMT</pubDate></item>
<item><title>Episode 1</title><pubDate>Fri, 13 Nov 2026 09:00:00 GMT</pubDate></item>
</channel></rss>
"#
    )
}

/// The lookup answers with the show's feed URL, and the loopback mirror serves `feed` there.
fn routes_for(show: &Eligible, feed: String) -> Vec<(String, Vec<Reply>)> {
    vec![
        (
            show.lookup(),
            vec![Reply::ok(lookup_answer(show, &show.feed_url()))],
        ),
        (show.mirror(), vec![Reply::ok(feed)]),
    ]
}

/// `discover` on `catalog` for `only`, asking `server`, each show's feed read from its mirror.
fn discover(catalog: &Path, server: &Scripted, only: &[&Eligible], extra: &[&str]) -> Output {
    let mut args: Vec<String> = vec![
        "discover".into(),
        "--catalog".into(),
        catalog.display().to_string(),
        "--lookup-base".into(),
        server.base.clone(),
    ];
    for show in only {
        args.extend([
            "--only".into(),
            show.id.clone(),
            "--feed".into(),
            format!("{}={}", show.id, server.url(&show.mirror())),
        ]);
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    run(&args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The table line of a show.
fn line_of(out: &Output, id: &str) -> String {
    let text = stdout(out);
    text.lines()
        .find(|l| l.starts_with(&format!("{id} ")))
        .unwrap_or_else(|| panic!("no line for {id}:\n{text}"))
        .to_string()
}

fn validates(dir: &Path) -> bool {
    check_data(dir).is_ok()
}

/// Runs a failing case for the first eligible show: exit 1, its line says `reason`, the
/// catalog is byte for byte as it was. Returns the server, to count its requests, the show and
/// its line.
fn assert_fails(
    name: &str,
    routes: impl FnOnce(&Eligible) -> Vec<(String, Vec<Reply>)>,
    reason: &str,
) -> (Scripted, Eligible, String) {
    let dir = scratch(name);
    let catalog = dir.join("catalog.json");
    let before = std::fs::read(&catalog).expect("readable");
    let target = eligible(&catalog)[0].clone();
    let server = Scripted::start(routes(&target));
    let out = discover(&catalog, &server, &[&target], &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let line = line_of(&out, &target.id);
    assert!(
        line.contains("FAILED") && line.contains(reason),
        "{reason:?} expected: {line}"
    );
    assert!(text.contains("0 of 1 feeds found, 1 failed"), "{text}");
    assert!(
        std::fs::read(&catalog).expect("readable") == before,
        "nothing recorded: the catalog is byte for byte as it was"
    );
    (server, target, line)
}

#[test]
fn a_feed_titled_as_the_show_is_recorded_with_the_lookup_url_as_its_source_and_nothing_else_changes(
) {
    let dir = scratch("match");
    let catalog = dir.join("catalog.json");
    let before = load(&catalog);
    let target = eligible(&catalog)[0].clone();
    // Dressed differently: "The", "Podcast", other case, a subtitle.
    let title = format!("The {} podcast: a subtitle", target.title.to_uppercase());
    let server = Scripted::start(routes_for(&target, rss(&title, "")));
    let out = discover(&catalog, &server, &[&target], &[]);
    let text = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = line_of(&out, &target.id);
    assert!(
        line.contains(&format!(
            "FOUND         {} (source: {})",
            target.feed_url(),
            target.source()
        )),
        "{line}"
    );
    assert!(text.contains("1 of 1 feeds found, 0 failed"), "{text}");
    assert!(text.contains("wrote "), "{text}");
    assert_eq!(server.count(&target.lookup()), 1, "asked once, by its id");
    assert_eq!(server.count(&target.mirror()), 1, "the feed read once");

    assert!(validates(&dir), "the written catalog passes the validator");
    let after = load(&catalog);
    let written = std::fs::read_to_string(&catalog).expect("readable");
    assert!(
        written == podpath_catalog::catalog_file::render(&after),
        "same two-space layout"
    );
    assert!(
        !written.contains("127.0.0.1"),
        "no loopback address recorded"
    );
    assert_eq!(after["data_as_of"], before["data_as_of"]);
    for (old, new) in shows(&before).iter().zip(shows(&after)) {
        if old["id"] != target.id.as_str() {
            assert_eq!(old, new, "{}: only the looked-up show changes", old["id"]);
        }
    }
    let (old, new) = (show(&before, &target.id), show(&after, &target.id));
    assert_eq!(new["links"]["rss"], target.feed_url());
    assert_eq!(new["sources"]["feed"], json!([target.source()]));
    // Each link at its place in the file's order (the engine's `Links`).
    let in_order = |object: &Value, order: &[&str]| {
        let ranks: Vec<usize> = object
            .as_object()
            .expect("an object")
            .keys()
            .map(|k| order.iter().position(|o| o == k).expect("a known key"))
            .collect();
        ranks.windows(2).all(|w| w[0] < w[1])
    };
    let link_order = ["website", "rss", "apple", "spotify", "youtube"];
    assert!(in_order(&new["links"], &link_order), "{}", new["links"]);
    // The curated sources keep their order; `feed` goes before `start_here`, else last.
    let keys =
        |v: &Value| -> Vec<String> { v.as_object().expect("an object").keys().cloned().collect() };
    let mut want = keys(&old["sources"]);
    let at = want
        .iter()
        .position(|k| k == "start_here")
        .unwrap_or(want.len());
    want.insert(at, "feed".into());
    assert_eq!(keys(&new["sources"]), want);
    // Exactly two facts added: the link and its source.
    let mut expected = old.clone();
    expected["links"]["rss"] = new["links"]["rss"].clone();
    expected["sources"]["feed"] = new["sources"]["feed"].clone();
    assert_eq!(&expected, new);
}

#[test]
fn a_feed_titled_as_another_show_is_not_recorded_and_the_reason_names_that_show() {
    let all = eligible(&scratch("other-show-list").join("catalog.json"));
    let other = all[1].clone();
    assert_fails(
        "other-show",
        |target| routes_for(target, rss(&other.title, "")),
        &format!("the title of show {:?}", other.id),
    );
}

#[test]
fn a_feed_titled_as_no_show_is_not_recorded_and_both_titles_are_reported() {
    let (_, target, line) = assert_fails(
        "no-show",
        |target| routes_for(target, rss("Something Else Entirely", "")),
        "is titled \"Something Else Entirely\", which does not match",
    );
    assert!(
        line.ends_with(&format!("does not match {:?}", target.title)),
        "{line}"
    );
}

#[test]
fn an_empty_lookup_result_is_reported_and_no_feed_is_read() {
    let (server, target, _) = assert_fails(
        "no-result",
        |target| {
            vec![(
                target.lookup(),
                vec![Reply::ok(r#"{"resultCount":0,"results":[]}"#)],
            )]
        },
        "the lookup found no podcast with this id (resultCount 0)",
    );
    assert_eq!(server.count(&target.lookup()), 1);
    assert_eq!(server.count(&target.mirror()), 0);
}

#[test]
fn a_429_is_asked_again_once_after_its_retry_after_and_the_feed_then_recorded() {
    let dir = scratch("429");
    let catalog = dir.join("catalog.json");
    let target = eligible(&catalog)[0].clone();
    let mut routes = routes_for(&target, rss(&target.title, ""));
    routes[0].1.insert(0, Reply::status(429, Some("1")));
    let server = Scripted::start(routes);
    let out = discover(&catalog, &server, &[&target], &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(line_of(&out, &target.id).contains("FOUND"), "{text}");
    let asked: Vec<Instant> = server
        .requests()
        .into_iter()
        .filter(|(p, _)| *p == target.lookup())
        .map(|(_, at)| at)
        .collect();
    assert_eq!(
        asked.len(),
        2,
        "exactly two requests: the 429, then the answer"
    );
    let waited = asked[1] - asked[0];
    assert!(
        waited >= Duration::from_millis(950),
        "asked again after {waited:?}, before the Retry-After of 1 s"
    );
    assert_eq!(
        show(&load(&catalog), &target.id)["links"]["rss"],
        target.feed_url()
    );
}

#[test]
fn a_403_is_retried_at_most_once_then_reported_with_its_status() {
    let (server, target, _) = assert_fails(
        "403",
        |target| vec![(target.lookup(), vec![Reply::status(403, Some("0"))])],
        "HTTP 403 Forbidden",
    );
    assert_eq!(server.count(&target.lookup()), 2, "one retry, no more");
}

#[test]
fn a_retry_after_longer_than_the_cap_is_not_waited_for() {
    let started = Instant::now();
    let (server, target, _) = assert_fails(
        "429-long",
        |target| vec![(target.lookup(), vec![Reply::status(429, Some("3600"))])],
        "HTTP 429 Too Many Requests; Retry-After 3600 s is more than the 30 s",
    );
    assert_eq!(server.count(&target.lookup()), 1);
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn a_lookup_answer_that_is_not_json_is_reported() {
    assert_fails(
        "malformed-json",
        |target| {
            vec![(
                target.lookup(),
                vec![Reply::ok(r#"{"resultCount":1,"results":[{"feedUrl":"#)],
            )]
        },
        "the lookup's answer is not JSON",
    );
}

#[test]
fn a_feed_that_does_not_parse_is_reported_with_where_it_breaks() {
    let (server, target, _) = assert_fails(
        "unparsable-feed",
        |target| {
            let broken = rss(&target.title, "").replace("</title><link>", "</titel><link>");
            routes_for(target, broken)
        },
        "parse error at line 3",
    );
    assert_eq!(server.count(&target.mirror()), 1);
}

#[test]
fn dry_run_prints_the_feed_found_and_leaves_the_file_byte_identical() {
    let dir = scratch("dry-run");
    let catalog = dir.join("catalog.json");
    let before = std::fs::read(&catalog).expect("readable");
    let target = eligible(&catalog)[0].clone();
    let server = Scripted::start(routes_for(&target, rss(&target.title, "")));
    let out = discover(&catalog, &server, &[&target], &["--dry-run"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(line_of(&out, &target.id).contains("FOUND"), "{text}");
    assert!(text.contains("dry run: "), "{text}");
    assert!(std::fs::read(&catalog).expect("readable") == before);
}

#[test]
fn only_the_shows_named_with_only_are_looked_up() {
    let dir = scratch("only");
    let catalog = dir.join("catalog.json");
    let before = load(&catalog);
    let all = eligible(&catalog);
    assert!(all.len() >= 3, "the catalog has shows to discover");
    let named = [&all[0], &all[2]];
    let routes = all
        .iter()
        .flat_map(|s| routes_for(s, rss(&s.title, "")))
        .collect();
    let server = Scripted::start(routes);
    let out = discover(&catalog, &server, &named, &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let asked: Vec<String> = server.requests().into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        asked,
        [
            all[0].lookup(),
            all[0].mirror(),
            all[2].lookup(),
            all[2].mirror()
        ]
    );
    assert!(text.contains("2 of 2 feeds found"), "{text}");
    let after = load(&catalog);
    for s in &all {
        let rss = &show(&after, &s.id)["links"]["rss"];
        if named.iter().any(|n| n.id == s.id) {
            assert_eq!(rss, &json!(s.feed_url()), "{}", s.id);
        } else {
            assert_eq!(show(&after, &s.id), show(&before, &s.id), "{}", s.id);
        }
    }
}

#[test]
fn a_full_run_looks_up_every_show_without_a_feed_that_has_an_apple_id_once() {
    let dir = scratch("all");
    let catalog = dir.join("catalog.json");
    let before = load(&catalog);
    let all = eligible(&catalog);
    let routes = all
        .iter()
        .flat_map(|s| routes_for(s, rss(&s.title, "")))
        .collect();
    let server = Scripted::start(routes);
    let mut args = vec![
        "discover".to_string(),
        "--catalog".into(),
        catalog.display().to_string(),
        "--lookup-base".into(),
        server.base.clone(),
    ];
    for s in &all {
        args.extend([
            "--feed".into(),
            format!("{}={}", s.id, server.url(&s.mirror())),
        ]);
    }
    let out = run(&args);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let mut asked: Vec<String> = server.requests().into_iter().map(|(p, _)| p).collect();
    let mut expected: Vec<String> = all.iter().flat_map(|s| [s.lookup(), s.mirror()]).collect();
    asked.sort();
    expected.sort();
    assert_eq!(
        asked, expected,
        "each show once; shows with a feed not at all"
    );
    assert!(
        text.contains(&format!("{0} of {0} feeds found, 0 failed", all.len())),
        "{text}"
    );
    // A show with neither a feed nor an Apple id is listed as skipped, not failed.
    for s in shows(&before) {
        if s["links"]["rss"].is_null() && s["links"]["apple"].is_null() {
            let id = s["id"].as_str().expect("id");
            assert!(line_of(&out, id).contains("SKIPPED"), "{text}");
        }
    }
    assert!(validates(&dir));
}

#[test]
fn a_feed_that_names_a_new_location_is_recorded_as_found_and_the_move_proposed() {
    let dir = scratch("moved");
    let catalog = dir.join("catalog.json");
    let target = eligible(&catalog)[0].clone();
    let moved = "https://new.example.org/moved.xml";
    let feed = rss(
        &target.title,
        &format!("<itunes:new-feed-url>{moved}</itunes:new-feed-url>"),
    );
    let server = Scripted::start(routes_for(&target, feed));
    let out = discover(&catalog, &server, &[&target], &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains(&format!(
            "NOTE          the feed says it moved (itunes:new-feed-url): {moved}"
        )),
        "{text}"
    );
    assert_eq!(
        show(&load(&catalog), &target.id)["links"]["rss"],
        target.feed_url(),
        "the URL the lookup named is recorded; the move is for the maintainer to make"
    );
}

#[test]
fn discover_usage_errors_exit_2_and_write_nothing() {
    let dir = scratch("usage");
    let catalog = dir.join("catalog.json");
    let before = std::fs::read(&catalog).expect("readable");
    let with_feed = shows(&load(&catalog))
        .iter()
        .find(|s| s["links"]["rss"].is_string())
        .expect("a show with a feed")["id"]
        .as_str()
        .expect("id")
        .to_string();
    let c = catalog.display();
    for line in [
        format!("discover --catalog {c} --only no-such-show"),
        format!("discover --catalog {c} --only {with_feed}"),
        format!("discover --catalog {c} --lookup-base http://itunes.apple.com"),
        format!("discover --catalog {}", dir.join("missing.json").display()),
    ] {
        let out = run(&line
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>());
        assert_eq!(out.status.code(), Some(2), "{line}");
        assert!(!out.stderr.is_empty(), "{line} says why");
        assert!(
            std::fs::read(&catalog).expect("readable") == before,
            "{line}"
        );
    }
}
