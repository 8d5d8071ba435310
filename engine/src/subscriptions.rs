//! Reads the OPML subscription lists podcast apps export, and finds the catalog's shows in them.
//!
//! A small hand-written reader rather than an XML crate (the wasm size budget is full). It
//! tolerates what real exports contain: outlines nested in folders, `xmlUrl` or `url` (attribute
//! names in any case), `type` or none, `title` and/or `text` (`title` wins: gPodder puts the
//! description in `text`), iCatcher's percent-encoded titles, the five XML entities and character
//! references, single or double quotes, self-closing or not, comments, CDATA, processing
//! instructions and doctypes, a UTF-8 or UTF-16 byte-order mark, CRLF, and bytes that are not
//! UTF-8 (read as Latin-1 when the declaration names a single-byte charset, else lossily). A file
//! that is not well-formed (a stray `&`, unknown entities, unclosed or mismatched tags, `<` inside
//! an attribute, unquoted values, content after the root) is still read, with
//! [`Import::lenient`] set. Input is bounded ([`MAX_BYTES`], [`MAX_OUTLINES`]), read in one pass,
//! and never fetched: feeds are only compared as text.

use crate::links::apple_id;
use crate::sorting;
use crate::text::words;
use crate::Catalog;

/// Bounds: beyond them a clear error, never a panic or a hang.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_OUTLINES: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than MAX_BYTES (its size in bytes).
    TooLarge(usize),
    /// More than MAX_OUTLINES outline elements.
    TooManyOutlines,
    /// Nothing that looks like an OPML outline list (no <outline at all, or empty input, or binary).
    NotOpml,
}

/// What an import found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Import {
    /// Distinct podcasts in the file (outlines with a feed URL, or leaf outlines with a title
    /// that say they are a subscription; not folders). A feed listed twice counts once.
    pub podcasts: usize,
    /// Catalog shows matched (indices into Catalog::shows), in file order, each once.
    pub matched: Vec<usize>,
    /// The file was not well-formed XML and was read leniently.
    pub lenient: bool,
}

/// One podcast outline of an export.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Subscription {
    pub title: Option<String>,
    pub feed: Option<String>,
    pub apple_id: Option<u64>,
}

/// Reads an OPML export (bytes as chosen/dropped/pasted) and matches its podcasts to the catalog.
pub fn import(catalog: &Catalog, bytes: &[u8]) -> Result<Import, ImportError> {
    let (subscriptions, lenient) = read(bytes)?;
    let index = Index::new(catalog);
    // Each podcast by what identifies it, with the first outline that names it.
    let mut distinct: Vec<(String, usize)> = Vec::new();
    let mut matched = Vec::new();
    for (n, s) in subscriptions.iter().enumerate() {
        let key = match (&s.feed, &s.title) {
            (Some(feed), _) => normalise_feed(feed),
            // A newline cannot start a normalised feed, so titles never collide with feeds.
            (None, Some(title)) => format!("\n{}", crate::text::lower_str(title)),
            (None, None) => String::new(),
        };
        distinct.push((key, n));
        if let Some(i) = index.find(s) {
            if !matched.contains(&i) {
                matched.push(i);
            }
        }
    }
    // The same sort as the catalog's id index (`(String, usize)`): one copy of its code.
    sorting::sort(&mut distinct);
    distinct.dedup_by(|later, first| later.0 == first.0);
    Ok(Import {
        podcasts: distinct.len(),
        matched,
        lenient,
    })
}

/// The catalog show a subscription is, if any: by feed, then Apple id, then title.
pub fn match_show(catalog: &Catalog, subscription: &Subscription) -> Option<usize> {
    Index::new(catalog).find(subscription)
}

/// A feed URL reduced to what identifies the feed: no scheme, fragment, `www.` or trailing
/// slash, a lower-case host, and no query parameters that only track or pick a format.
pub fn normalise_feed(url: &str) -> String {
    let url = url.trim();
    let url = url.split_once("://").map_or(url, |(_, rest)| rest);
    let url = url.split('#').next().unwrap_or(url);
    let (rest, query) = url.split_once('?').unwrap_or((url, ""));
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let mut host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    let mut path = path.trim_end_matches('/').to_owned();
    // FeedBurner answers on several hosts, and its feed names ignore case.
    if matches!(
        host.as_str(),
        "feeds2.feedburner.com" | "feedproxy.google.com"
    ) {
        host = "feeds.feedburner.com".into();
    }
    if host == "feeds.feedburner.com" {
        path = path.to_ascii_lowercase();
    }
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or(p).to_ascii_lowercase();
            !p.is_empty() && key != "format" && key != "fmt" && !key.starts_with("utm_")
        })
        .collect();
    if !path.is_empty() {
        host.push('/');
        host.push_str(&path);
    }
    if !kept.is_empty() {
        host.push('?');
        host.push_str(&kept.join("&"));
    }
    host
}

/// The podcast outlines of an OPML document, in file order, and whether it had to be read
/// leniently.
pub fn read(bytes: &[u8]) -> Result<(Vec<Subscription>, bool), ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let (doc, mut bad) = decode(bytes);
    let doc = doc.as_str();
    let b = doc.as_bytes();
    let mut outlines: Vec<Outline> = Vec::new();
    // Open elements (name, is an outline) and, separately, the open outlines, so that finding
    // a parent never walks the stack.
    let mut open: Vec<(&str, bool)> = Vec::new();
    let mut parents: Vec<usize> = Vec::new();
    let mut rooted = false;
    let mut pos = 0;
    loop {
        let next = doc[pos..].find('<').map(|i| pos + i);
        let text = &doc[pos..next.unwrap_or(doc.len())];
        if open.is_empty() && !text.trim().is_empty() {
            bad = true;
        }
        if text.contains('&') {
            unescape(text, &mut bad);
        }
        let Some(at) = next else { break };
        let rest = &doc[at..];
        let skip_past = |from: usize, end: &str, bad: &mut bool| match doc[from..].find(end) {
            Some(i) => from + i + end.len(),
            None => {
                *bad = true;
                doc.len()
            }
        };
        if rest.starts_with("<!--") {
            pos = skip_past(at + 4, "-->", &mut bad);
        } else if rest.starts_with("<![CDATA[") {
            pos = skip_past(at + 9, "]]>", &mut bad);
        } else if rest.starts_with("<?") {
            pos = skip_past(at + 2, "?>", &mut bad);
        } else if rest.starts_with("<!") {
            pos = skip_past(at + 2, ">", &mut bad);
        } else if rest.starts_with("</") {
            pos = skip_past(at + 2, ">", &mut bad);
            let name = doc[at + 2..pos].trim_end_matches('>').trim();
            match open.last() {
                Some(&(top, outline)) if top == name => {
                    open.pop();
                    if outline {
                        parents.pop();
                    }
                }
                _ => {
                    bad = true;
                    // An outline left open by mistake is closed by the next `</outline>`.
                    if name.eq_ignore_ascii_case("outline") && !parents.is_empty() {
                        while let Some((_, outline)) = open.pop() {
                            if outline {
                                parents.pop();
                                break;
                            }
                        }
                    }
                }
            }
            rooted |= open.is_empty();
        } else if rest[1..].starts_with(|c: char| c.is_alphabetic() || c == '_' || c == ':') {
            let name_end = find_byte(b, at + 1, |c| {
                c.is_ascii_whitespace() || c == b'/' || c == b'>'
            });
            let name = &doc[at + 1..name_end];
            let is_outline = name.eq_ignore_ascii_case("outline");
            let Some(tag) = attributes(doc, name_end, is_outline, &mut bad) else {
                bad = true;
                break;
            };
            pos = tag.end;
            if open.is_empty() && rooted {
                bad = true;
            }
            if is_outline {
                if outlines.len() == MAX_OUTLINES {
                    return Err(ImportError::TooManyOutlines);
                }
                if let Some(&p) = parents.last() {
                    if let Some(parent) = outlines.get_mut(p) {
                        parent.parent = true;
                    }
                }
                outlines.push(Outline::from(tag.attributes));
            }
            if !tag.closed {
                open.push((name, is_outline));
                if is_outline {
                    parents.push(outlines.len() - 1);
                }
            }
        } else {
            bad = true;
            pos = at + 1;
        }
    }
    if outlines.is_empty() {
        return Err(ImportError::NotOpml);
    }
    let podcasts = outlines
        .into_iter()
        .filter(|o| {
            o.feed.is_some()
                || (!o.parent && o.title.is_some() && (o.marked || o.apple_id.is_some()))
        })
        .map(|o| Subscription {
            title: o.title,
            feed: o.feed,
            apple_id: o.apple_id,
        })
        .collect();
    Ok((podcasts, bad || !open.is_empty()))
}

/// The document as text, and whether its bytes broke the encoding they claim.
fn decode(bytes: &[u8]) -> (String, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, false)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, true)),
        [b'<', 0, ..] => Some((bytes, false)),
        [0, b'<', ..] => Some((bytes, true)),
        _ => None,
    };
    if let Some((rest, big_endian)) = utf16 {
        let mut bad = rest.len() % 2 == 1;
        let units = rest.chunks_exact(2).map(|u| {
            let pair = [u[0], u[1]];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        let text = char::decode_utf16(units)
            .map(|c| {
                c.unwrap_or_else(|_| {
                    bad = true;
                    char::REPLACEMENT_CHARACTER
                })
            })
            .collect();
        return (text, bad);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), false);
    }
    let head = bytes[..bytes.len().min(200)].to_ascii_lowercase();
    let declared = head
        .windows(9)
        .position(|w| w == b"encoding=")
        .map(|i| &head[i..head.len().min(i + 30)]);
    let single: [&[u8]; 4] = [b"8859", b"latin", b"1252", b"ascii"];
    let single_byte = declared.is_some_and(|d| {
        single
            .iter()
            .any(|name| d.windows(name.len()).any(|w| w == *name))
    });
    if single_byte {
        (bytes.iter().map(|&c| char::from(c)).collect(), false)
    } else {
        (String::from_utf8_lossy(bytes).into_owned(), true)
    }
}

fn find_byte(b: &[u8], from: usize, stop: impl Fn(u8) -> bool) -> usize {
    b[from..]
        .iter()
        .position(|&c| stop(c))
        .map_or(b.len(), |i| from + i)
}

struct Tag<'a> {
    attributes: Vec<(&'a str, String)>,
    /// Where the tag ends (just after its `>`).
    end: usize,
    /// Self-closing, or cut short by the next outline.
    closed: bool,
}

/// The attributes of a start tag from `at` (just after its name); `None` when the document
/// ends inside the tag. Values are kept only when `keep` (for outlines).
fn attributes<'a>(doc: &'a str, mut at: usize, keep: bool, bad: &mut bool) -> Option<Tag<'a>> {
    let b = doc.as_bytes();
    let mut attributes = Vec::new();
    loop {
        at = find_byte(b, at, |c| !c.is_ascii_whitespace());
        match *b.get(at)? {
            b'>' => {
                return Some(Tag {
                    attributes,
                    end: at + 1,
                    closed: false,
                })
            }
            b'/' if b.get(at + 1) == Some(&b'>') => {
                return Some(Tag {
                    attributes,
                    end: at + 2,
                    closed: true,
                })
            }
            b'/' => {
                *bad = true;
                at += 1;
                continue;
            }
            _ => {}
        }
        let name_end = find_byte(b, at, |c| {
            c.is_ascii_whitespace() || matches!(c, b'=' | b'>' | b'/')
        });
        let name = &doc[at..name_end];
        at = find_byte(b, name_end, |c| !c.is_ascii_whitespace());
        let mut value = "";
        if b.get(at) == Some(&b'=') {
            at = find_byte(b, at + 1, |c| !c.is_ascii_whitespace());
            let quote = *b.get(at)?;
            if quote == b'"' || quote == b'\'' {
                let start = at + 1;
                at = start;
                loop {
                    at = find_byte(b, at, |c| c == quote || c == b'<');
                    match *b.get(at)? {
                        b'<' if ["<outline", "</outline", "</body", "</opml"]
                            .iter()
                            .any(|t| {
                                doc.get(at..at + t.len())
                                    .is_some_and(|s| s.eq_ignore_ascii_case(t))
                            }) =>
                        {
                            // The quote was never closed: the tag ends where the next one starts.
                            *bad = true;
                            let value = unescape(&doc[start..at], bad);
                            if keep {
                                attributes.push((name, value));
                            }
                            return Some(Tag {
                                attributes,
                                end: at,
                                closed: true,
                            });
                        }
                        b'<' => {
                            *bad = true;
                            at += 1;
                        }
                        _ => break,
                    }
                }
                value = &doc[start..at];
                at += 1;
                if !matches!(b.get(at), Some(&c) if c.is_ascii_whitespace() || c == b'>' || c == b'/')
                {
                    *bad = true;
                }
            } else {
                *bad = true;
                let end = find_byte(b, at, |c| c.is_ascii_whitespace() || c == b'>');
                value = &doc[at..end];
                at = end;
            }
        } else {
            *bad = true;
        }
        // Unescaped even when not kept, to notice a stray `&`.
        let value = unescape(value, bad);
        // An empty name is a stray `=`, whose value was read above, so the loop still advances.
        if name.is_empty() {
            *bad = true;
        } else if keep {
            attributes.push((name, value));
        }
    }
}

/// Resolves entity and character references; one XML does not define is kept as written.
fn unescape(s: &str, bad: &mut bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.bytes().take(12).position(|c| c == b';');
        match end.and_then(|e| reference(&rest[1..e]).map(|c| (e, c))) {
            Some((e, c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                *bad = true;
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    })
}

#[derive(Default)]
struct Outline {
    title: Option<String>,
    feed: Option<String>,
    apple_id: Option<u64>,
    /// Has a `type` or a URL: a subscription, not an empty folder.
    marked: bool,
    /// Has outlines inside.
    parent: bool,
}

impl From<Vec<(&str, String)>> for Outline {
    fn from(attributes: Vec<(&str, String)>) -> Outline {
        let mut o = Outline::default();
        let (mut title, mut text, mut xml_url, mut url, mut id_in_url) =
            (None, None, None, None, None);
        for (name, value) in attributes {
            let value = value.trim();
            let set = |slot: &mut Option<String>| {
                if slot.is_none() && !value.is_empty() {
                    *slot = Some(value.to_owned());
                }
            };
            match name.to_ascii_lowercase().as_str() {
                "title" => set(&mut title),
                "text" => set(&mut text),
                "xmlurl" => set(&mut xml_url),
                "url" => set(&mut url),
                "type" => o.marked = true,
                n if (n.contains("itunes") || n.contains("apple")) && o.apple_id.is_none() => {
                    o.apple_id = value.parse().ok();
                }
                _ => {}
            }
            if value.contains("://") {
                o.marked = true;
                id_in_url = id_in_url.or_else(|| apple_id_in(value));
            }
        }
        o.feed = xml_url.or(url);
        o.title = title.or(text).map(percent_decoded);
        o.apple_id = o.apple_id.or(id_in_url);
        o
    }
}

/// An Apple Podcasts id in any URL (`…/id1234567`, Overcast's `itunes1234567`, Pocket Casts'
/// `itunes/1234567`); six digits at least, so that short ids in other URLs are not taken.
fn apple_id_in(url: &str) -> Option<u64> {
    let lower = url.to_ascii_lowercase();
    ["/id", "itunes", "itunes/"].iter().find_map(|p| {
        lower.match_indices(p).find_map(|(i, _)| {
            let digits = &lower[i + p.len()..];
            let n = digits.bytes().take_while(u8::is_ascii_digit).count();
            if n >= 6 {
                digits[..n].parse().ok()
            } else {
                None
            }
        })
    })
}

/// iCatcher writes titles percent-encoded (`Machine%20Learning%20Guide`).
fn percent_decoded(title: String) -> String {
    if title.contains(' ') || !title.contains('%') {
        return title;
    }
    let b = title.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(v) if c == b'%' => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A title reduced for equality: folded letters and digits only, without "and", a leading
/// "The" or a trailing "Podcast". Two titles match only when these are equal: sharing words
/// ("AI Engineering Podcast", "Data Engineering Podcast") is not enough.
fn title_key(title: &str) -> String {
    let mut w = words(title);
    w.retain(|w| w != "and");
    if w.first().is_some_and(|f| f == "the") {
        w.remove(0);
    }
    while w.last().is_some_and(|l| l == "podcast" || l == "podcasts") {
        w.pop();
    }
    w.concat()
}

/// A title before its subtitle ("Practical AI: Machine Learning…", "… (formerly …)", "… | …",
/// "… - …"), and what follows.
fn split_title(title: &str) -> Option<(&str, &str)> {
    let i = title
        .find([':', '|', '(', '｜', '（', '–', '—'])
        .into_iter()
        .chain(title.find(" - "))
        .min()?;
    let head = title[..i].trim();
    let tail = title[i..].trim_start_matches(|c: char| !c.is_alphanumeric());
    (!head.is_empty()).then_some((head, tail))
}

/// The keys a title is known by: whole, and without its subtitle.
fn keys(title: &str) -> Vec<String> {
    [Some(title), split_title(title).map(|(head, _)| head)]
        .into_iter()
        .flatten()
        .map(title_key)
        .filter(|k| !k.is_empty())
        .collect()
}

/// The catalog's keys, each with the first show that has it. Lists, not hash maps: a few dozen
/// shows are searched in no time, and a hash map's code would ship in the wasm for this alone.
#[derive(Default)]
struct Index {
    feeds: Vec<(String, usize)>,
    apple: Vec<(u64, usize)>,
    titles: Vec<(String, usize)>,
    publishers: Vec<(String, usize)>,
}

/// The show listed first under `key`.
fn lookup<K: PartialEq>(list: &[(K, usize)], key: &K) -> Option<usize> {
    list.iter().find(|(k, _)| k == key).map(|&(_, i)| i)
}

impl Index {
    fn new(catalog: &Catalog) -> Index {
        let mut ix = Index::default();
        for (i, show) in catalog.shows.iter().enumerate() {
            if let Some(feed) = &show.links.rss {
                ix.feeds.push((normalise_feed(feed), i));
            }
            if let Some(id) = show.links.apple.as_deref().and_then(apple_id) {
                ix.apple.push((id, i));
            }
            for k in keys(&show.title) {
                ix.titles.push((k, i));
            }
            let publisher = show.publisher.as_deref().map(title_key).unwrap_or_default();
            if !publisher.is_empty() {
                ix.publishers.push((publisher, i));
            }
        }
        ix
    }

    fn find(&self, s: &Subscription) -> Option<usize> {
        let by_feed = s
            .feed
            .as_deref()
            .and_then(|f| lookup(&self.feeds, &normalise_feed(f)));
        let by_apple = || s.apple_id.and_then(|id| lookup(&self.apple, &id));
        let by_title = || {
            let title = s.title.as_deref()?;
            keys(title)
                .iter()
                .find_map(|k| lookup(&self.titles, k))
                .or_else(|| {
                    // "Publisher: Show" — only when the publisher is that show's own.
                    let (head, tail) = split_title(title)?;
                    let i = lookup(&self.publishers, &title_key(head))?;
                    keys(tail)
                        .iter()
                        .any(|k| lookup(&self.titles, k) == Some(i))
                        .then_some(i)
                })
        };
        by_feed.or_else(by_apple).or_else(by_title)
    }
}
