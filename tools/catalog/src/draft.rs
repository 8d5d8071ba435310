//! `add FEED_URL`: a draft catalog entry from a feed. Facts the feed gives are filled in with
//! the feed as their source; the curated fields are placeholders the validator rejects, so a
//! draft cannot ship unfinished.

use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::derive::derive;
use crate::feed::FeedInfo;

/// The mark of an unfinished field; the engine's validator rejects any text starting with it.
pub const DRAFT: &str = podpath_engine::validate::DRAFT_MARK;

/// The draft entry for a show whose feed is `feed_url`.
pub fn draft(feed_url: &str, info: &FeedInfo, today: NaiveDate) -> Value {
    let derived = derive(&info.episodes, today);
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let mut links = serde_json::Map::new();
    if let Some(site) = &info.website {
        links.insert("website".into(), json!(site));
    }
    links.insert("rss".into(), json!(feed_url));
    if let Some(apple) = &info.apple {
        links.insert("apple".into(), json!(apple));
    }
    let feed_only = json!([feed_url]);
    let mut sources = serde_json::Map::new();
    if !info.hosts.is_empty() {
        sources.insert("hosts".into(), feed_only.clone());
    }
    if info.owner.is_some() {
        sources.insert("publisher".into(), feed_only.clone());
    }
    if derived.is_some() {
        sources.insert("status".into(), feed_only.clone());
        sources.insert("cadence".into(), feed_only.clone());
    }
    if derived.as_ref().is_some_and(|d| d.length.is_some()) {
        sources.insert("length".into(), feed_only.clone());
    }
    sources.insert(
        "formats".into(),
        json!([format!("{DRAFT} a page that shows the show's format")]),
    );
    sources.insert(
        "levels".into(),
        json!([format!("{DRAFT} a page that supports the levels")]),
    );
    sources.insert("links".into(), feed_only);
    sources.insert(
        "feed".into(),
        json!([format!(
            "{DRAFT} the official page naming this feed, or two public files from different repositories"
        )]),
    );
    json!({
        "id": slug(&info.title),
        "title": info.title,
        "hosts": info.hosts,
        "publisher": info.owner,
        "started": Value::Null,
        "status": derived.as_ref().map_or("unknown", |d| d.status.key()),
        "last_episode": derived.as_ref().map(|d| day(d.last_episode)),
        "checked": day(today),
        "cadence": derived.as_ref().map_or("unknown", |d| d.cadence.key()),
        "length": derived.as_ref().and_then(|d| d.length).map(|l| json!({"min": l.min, "max": l.max})),
        "formats": [],
        "levels": [],
        "level_reason": format!("{DRAFT} who the show suits and why, in one line of your own words"),
        "topics": [],
        "links": links,
        "description": format!("{DRAFT} two or three sentences in your own words: what the show is, who it suits"),
        "start_here": [],
        "sources": sources,
    })
}

/// "The Data Show: AI & You!" → "the-data-show-ai-you".
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "new-show".into()
    } else {
        out.chars()
            .take(60)
            .collect::<String>()
            .trim_end_matches('-')
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes() {
        assert_eq!(slug("The Data Show: AI & You!"), "the-data-show-ai-you");
        assert_eq!(slug("  Ünïcode  Talk "), "n-code-talk");
        assert_eq!(slug("!!!"), "new-show");
    }
}
