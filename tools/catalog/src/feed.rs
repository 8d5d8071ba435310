//! Reading a feed's bytes into the facts podpath uses, with the feed libraries doing the XML:
//! `rss` (RSS 2.0, the iTunes extension, other namespaces raw) and `atom_syndication`.
//! quick-xml, which both use, is called directly only to find the first element and to say
//! at which line and column malformed XML breaks.

use std::fmt;

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::dates::{parse_date, parse_day};
use crate::derive::EpisodeFacts;
use crate::durations::parse_duration;

/// The Podcasting 2.0 namespace (podcastindex.org), whatever prefix a feed gives it.
const PODCAST_NS: &str = "https://podcastindex.org/namespace/1.0";

/// What podpath reads from a feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedInfo {
    pub title: String,
    pub website: Option<String>,
    /// `podcast:person` with the host role, else the author fields.
    pub hosts: Vec<String>,
    /// `itunes:owner` name.
    pub owner: Option<String>,
    /// `itunes:new-feed-url`: the feed says it has moved.
    pub new_feed_url: Option<String>,
    /// An Apple Podcasts show link named in the feed itself.
    pub apple: Option<String>,
    pub episodes: Vec<EpisodeFacts>,
}

/// Why bytes are not a usable feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    NotAFeed(String),
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    /// A document type that declares entities: expanding them is how XML bombs work.
    Entities,
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::NotAFeed(what) => write!(f, "not a feed: {what}"),
            FeedError::Malformed {
                line,
                column,
                message,
            } => write!(f, "parse error at line {line}, column {column}: {message}"),
            FeedError::Entities => write!(
                f,
                "refused: the document declares XML entities (entity expansion is not allowed)"
            ),
        }
    }
}

enum Kind {
    Rss,
    Atom,
}

/// Parses a fetched body.
pub fn parse_feed(body: &[u8]) -> Result<FeedInfo, FeedError> {
    match kind_of(body)? {
        Kind::Rss => rss::Channel::read_from(body)
            .map(|c| from_rss(&c))
            .map_err(|e| malformed(body, e.to_string())),
        Kind::Atom => atom_syndication::Feed::read_from(body)
            .map(|f| from_atom(&f))
            .map_err(|e| malformed(body, e.to_string())),
    }
}

/// Looks at the prolog and the root element only.
fn kind_of(body: &[u8]) -> Result<Kind, FeedError> {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF));
    if start.is_none_or(|i| body[i] != b'<') {
        return Err(FeedError::NotAFeed("the body is not XML".into()));
    }
    let mut reader = Reader::from_reader(body);
    let mut buf = Vec::new();
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(e) => return Err(at(body, reader.error_position(), e.to_string())),
        };
        match event {
            Event::DocType(doctype) => {
                let text = String::from_utf8_lossy(&doctype).to_ascii_lowercase();
                if text.trim_start().starts_with("html") {
                    return Err(FeedError::NotAFeed("an HTML page".into()));
                }
                if text.contains("<!entity") {
                    return Err(FeedError::Entities);
                }
            }
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_ascii_lowercase();
                return match name.as_str() {
                    "rss" => Ok(Kind::Rss),
                    "feed" => Ok(Kind::Atom),
                    "html" => Err(FeedError::NotAFeed("an HTML page".into())),
                    other => Err(FeedError::NotAFeed(format!(
                        "the root element is <{other}>"
                    ))),
                };
            }
            Event::Eof => return Err(FeedError::NotAFeed("no root element".into())),
            _ => {}
        }
        buf.clear();
    }
}

/// Where the XML breaks, found by reading it through; the library's message when the XML
/// itself is well-formed (a feed that breaks the library's expectations).
fn malformed(body: &[u8], message: String) -> FeedError {
    let mut reader = Reader::from_reader(body);
    reader.config_mut().check_end_names = true;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Err(e) => return at(body, reader.error_position(), e.to_string()),
            Ok(Event::Eof) => return at(body, body.len() as u64, message),
            Ok(_) => buf.clear(),
        }
    }
}

/// A parse error at a byte offset, as 1-based line and column.
fn at(body: &[u8], offset: u64, message: String) -> FeedError {
    let offset = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(body.len());
    let before = &body[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    FeedError::Malformed {
        line,
        column: offset - line_start + 1,
        message,
    }
}

fn from_rss(channel: &rss::Channel) -> FeedInfo {
    let itunes = channel.itunes_ext();
    let prefix = channel
        .namespaces()
        .iter()
        .find(|(_, uri)| uri.trim_end_matches('/') == PODCAST_NS)
        .map_or("podcast", |(prefix, _)| prefix.as_str());
    let mut hosts: Vec<String> = channel
        .extensions()
        .get(prefix)
        .and_then(|tags| tags.get("person"))
        .into_iter()
        .flatten()
        // The Podcasting 2.0 spec makes "host" the default role.
        .filter(|p| {
            p.attrs()
                .get("role")
                .is_none_or(|r| r.eq_ignore_ascii_case("host"))
        })
        .filter_map(|p| p.value().map(clean))
        .filter(|n| !n.is_empty())
        .collect();
    if hosts.is_empty() {
        hosts = itunes
            .and_then(|i| i.author())
            .map(split_names)
            .unwrap_or_default();
    }
    let apple = [channel.link(), channel.description()]
        .into_iter()
        .find_map(apple_link);
    FeedInfo {
        title: clean(channel.title()),
        website: Some(channel.link().trim().to_string()).filter(|l| l.starts_with("https://")),
        hosts,
        owner: itunes
            .and_then(|i| i.owner())
            .and_then(|o| o.name())
            .map(clean)
            .filter(|n| !n.is_empty()),
        new_feed_url: itunes
            .and_then(|i| i.new_feed_url())
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty()),
        apple,
        episodes: channel
            .items()
            .iter()
            .map(|item| EpisodeFacts {
                published: item.pub_date().and_then(parse_day),
                seconds: item
                    .itunes_ext()
                    .and_then(|i| i.duration())
                    .and_then(parse_duration),
            })
            .collect(),
    }
}

fn from_atom(feed: &atom_syndication::Feed) -> FeedInfo {
    let website = feed
        .links()
        .iter()
        .find(|l| l.rel() == "alternate" && l.href().starts_with("https://"))
        .map(|l| l.href().to_string());
    FeedInfo {
        title: clean(feed.title().as_str()),
        website,
        hosts: feed.authors().iter().map(|a| clean(a.name())).collect(),
        owner: None,
        new_feed_url: None,
        apple: None,
        episodes: feed
            .entries()
            .iter()
            .map(|e| EpisodeFacts {
                published: Some(e.published().unwrap_or(e.updated()))
                    .and_then(|t| parse_date(&t.to_rfc3339()))
                    .map(|t| t.naive_utc().date()),
                seconds: None,
            })
            .collect(),
    }
}

/// "Ana Ruiz, Bo Li & Cy Moss" → three names.
fn split_names(authors: &str) -> Vec<String> {
    authors
        .split([',', '&', ';'])
        .flat_map(|part| part.split(" and "))
        .map(clean)
        .filter(|n| !n.is_empty())
        .collect()
}

/// Single-spaced, trimmed text.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `https://podcasts.apple.com/…/id<digits>` link in a text.
fn apple_link(text: &str) -> Option<String> {
    let start = text.find("https://podcasts.apple.com/")?;
    let url: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '<' | '>'))
        .collect();
    let url = url.split(['?', '#']).next().unwrap_or("").to_string();
    podpath_engine::links::apple_id(&url).map(|_| url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_fields_split_into_names() {
        assert_eq!(
            split_names(" Ana Ruiz,  Bo Li & Cy Moss and Di Wu "),
            ["Ana Ruiz", "Bo Li", "Cy Moss", "Di Wu"]
        );
    }

    #[test]
    fn apple_links_are_found_in_text() {
        assert_eq!(
            apple_link("Listen: https://podcasts.apple.com/us/podcast/x/id123?uo=4 or elsewhere"),
            Some("https://podcasts.apple.com/us/podcast/x/id123".into())
        );
        assert_eq!(apple_link("https://podcasts.apple.com/us/browse"), None);
    }

    #[test]
    fn html_and_json_are_not_feeds() {
        assert!(matches!(
            parse_feed(b"<!DOCTYPE html><html><body>hi</body></html>"),
            Err(FeedError::NotAFeed(_))
        ));
        assert!(matches!(
            parse_feed(b"{\"items\": []}"),
            Err(FeedError::NotAFeed(_))
        ));
    }

    #[test]
    fn broken_xml_says_where() {
        let body = b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>x</titel>\n</channel></rss>";
        match parse_feed(body) {
            Err(FeedError::Malformed { line, .. }) => assert_eq!(line, 4),
            other => panic!("{other:?}"),
        }
    }
}
