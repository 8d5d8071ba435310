//! Where a listener can open a show: the five podcast apps every card and quiz pick offers.
//!
//! A link is **direct** when it leads to the show itself: a source gave it (Apple, Spotify,
//! YouTube), or it is built from a key the app resolves to the show (Overcast and Pocket Casts
//! from the Apple id, Pocket Casts from the feed URL; patterns as documented by
//! <https://github.com/nathangathright/podcast-platform-links>). Otherwise it is a **search**
//! on that app for the show's title, which the UI labels as a search ("Search Spotify") and
//! never presents as the show's page.
//!
//! Overcast has no web search (its `/search` answers 404) and finds shows only by Apple id, so
//! for a show without one the Overcast entry is [`LinkKind::Unavailable`]: the card says so
//! rather than dropping the app or sending the listener somewhere that is not a search.

use crate::links::{apple_id, overcast_url, pocket_casts_url};
use crate::model::Show;

/// A podcast app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum App {
    Apple,
    Spotify,
    YouTube,
    PocketCasts,
    Overcast,
}

impl App {
    /// The order in which cards list them.
    pub const ALL: [App; 5] = [
        App::Apple,
        App::Spotify,
        App::YouTube,
        App::PocketCasts,
        App::Overcast,
    ];

    /// The app of a stored key (the visitor's remembered choice); `None` for anything else.
    pub fn from_key(key: &str) -> Option<App> {
        App::ALL.into_iter().find(|a| a.key() == key)
    }

    /// A stable key for tests, styling and the remembered choice.
    pub fn key(self) -> &'static str {
        match self {
            App::Apple => "apple",
            App::Spotify => "spotify",
            App::YouTube => "youtube",
            App::PocketCasts => "pocketcasts",
            App::Overcast => "overcast",
        }
    }
}

/// Whether a link opens the show itself, a search for it, or nothing podpath can offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    Direct,
    Search,
    /// No direct route and no web search (Overcast without an Apple id).
    Unavailable,
}

impl LinkKind {
    pub fn key(self) -> &'static str {
        match self {
            LinkKind::Direct => "direct",
            LinkKind::Search => "search",
            LinkKind::Unavailable => "unavailable",
        }
    }
}

/// One way to open a show in an app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenLink {
    pub app: App,
    pub kind: LinkKind,
    /// `None` only for [`LinkKind::Unavailable`].
    pub url: Option<String>,
}

/// The five apps for a show, in [`App::ALL`] order: a direct link where one is known, a
/// search by title otherwise, and for Overcast "unavailable" when neither exists.
pub fn listen_links(show: &Show) -> Vec<ListenLink> {
    let apple = show.links.apple.as_deref();
    let id = apple.and_then(apple_id);
    let feed = show.links.rss.as_deref();
    App::ALL
        .into_iter()
        .map(|app| {
            let direct = match app {
                App::Apple => apple.map(str::to_owned),
                App::Spotify => show.links.spotify.clone(),
                App::YouTube => show.links.youtube.clone(),
                App::PocketCasts => id
                    .map(pocket_casts_url)
                    .or_else(|| feed.and_then(pocket_casts_feed_url)),
                App::Overcast => id.map(overcast_url),
            };
            let (kind, url) = match (direct, search_url(app, &show.title)) {
                (Some(url), _) => (LinkKind::Direct, Some(url)),
                (None, Some(url)) => (LinkKind::Search, Some(url)),
                (None, None) => (LinkKind::Unavailable, None),
            };
            ListenLink { app, kind, url }
        })
        .collect()
}

/// Pocket Casts' feed-URL route: `https://pcasts.in/feed/` and the feed without its scheme.
/// Only an https feed qualifies, as for every link podpath shows.
pub fn pocket_casts_feed_url(feed: &str) -> Option<String> {
    crate::validate::is_https_url(feed)
        .then(|| feed.strip_prefix("https://"))
        .flatten()
        .map(|rest| format!("https://pcasts.in/feed/{rest}"))
}

/// A search for `title` on `app`; `None` for Overcast, which has no web search.
pub fn search_url(app: App, title: &str) -> Option<String> {
    let q = encode(title);
    Some(match app {
        App::Apple => format!("https://podcasts.apple.com/us/search?term={q}"),
        App::Spotify => format!("https://open.spotify.com/search/{q}/podcasts"),
        App::YouTube => format!("https://www.youtube.com/results?search_query={q}"),
        App::PocketCasts => format!("https://pocketcasts.com/search?q={q}"),
        App::Overcast => return None,
    })
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so the result is safe in
/// a path segment (Spotify) as well as in a query.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.trim().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn show(links: Links) -> Show {
        Show::fixture("Data & Society: A/B?", &[], links)
    }

    fn kinds(links: &[ListenLink]) -> Vec<(&'static str, LinkKind)> {
        links.iter().map(|l| (l.app.key(), l.kind)).collect()
    }

    #[test]
    fn an_apple_id_makes_apple_overcast_and_pocket_casts_direct() {
        let links = listen_links(&show(Links {
            apple: Some("https://podcasts.apple.com/us/podcast/x/id941219323".into()),
            spotify: Some("https://open.spotify.com/show/1JdkD0ZoZ52KjwdR0b1WoT".into()),
            ..Links::default()
        }));
        assert_eq!(
            kinds(&links),
            vec![
                ("apple", LinkKind::Direct),
                ("spotify", LinkKind::Direct),
                ("youtube", LinkKind::Search),
                ("pocketcasts", LinkKind::Direct),
                ("overcast", LinkKind::Direct),
            ]
        );
        assert_eq!(
            links[3].url.as_deref(),
            Some("https://pca.st/itunes/941219323")
        );
        assert_eq!(
            links[4].url.as_deref(),
            Some("https://overcast.fm/itunes941219323")
        );
    }

    #[test]
    fn a_feed_without_an_apple_id_gives_pocket_casts_and_says_overcast_is_unavailable() {
        let links = listen_links(&show(Links {
            rss: Some("https://feeds.example.com/show.rss".into()),
            ..Links::default()
        }));
        assert_eq!(
            kinds(&links),
            vec![
                ("apple", LinkKind::Search),
                ("spotify", LinkKind::Search),
                ("youtube", LinkKind::Search),
                ("pocketcasts", LinkKind::Direct),
                ("overcast", LinkKind::Unavailable),
            ]
        );
        assert_eq!(
            links[3].url.as_deref(),
            Some("https://pcasts.in/feed/feeds.example.com/show.rss")
        );
        assert_eq!(links[4].url, None);
    }

    #[test]
    fn searches_encode_the_title_for_paths_and_queries() {
        let links = listen_links(&show(Links::default()));
        assert_eq!(
            links[0].url.as_deref(),
            Some("https://podcasts.apple.com/us/search?term=Data%20%26%20Society%3A%20A%2FB%3F")
        );
        assert_eq!(
            links[1].url.as_deref(),
            Some("https://open.spotify.com/search/Data%20%26%20Society%3A%20A%2FB%3F/podcasts")
        );
        assert!(links[..4].iter().all(|l| l.kind == LinkKind::Search
            && l.url.as_deref().is_some_and(crate::validate::is_https_url)));
        assert_eq!(links[4].kind, LinkKind::Unavailable);
        assert_eq!(search_url(App::Overcast, "x"), None);
    }

    #[test]
    fn a_plain_http_feed_gives_no_pocket_casts_link() {
        assert_eq!(pocket_casts_feed_url("http://insecure.example/feed"), None);
        assert_eq!(pocket_casts_feed_url("javascript:alert(1)"), None);
    }

    #[test]
    fn non_ascii_titles_are_encoded_as_utf8_bytes() {
        assert_eq!(encode(" Café "), "Caf%C3%A9");
    }
}
