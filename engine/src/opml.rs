//! OPML 2.0 export, the format podcast apps import subscriptions from.

use crate::model::Show;

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped rather than written.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
}

/// An OPML document for the shows that have an RSS feed, and the titles of those left out
/// because they have none (the UI lists them in a note).
pub fn opml<'a>(title: &str, shows: impl IntoIterator<Item = &'a Show>) -> (String, Vec<&'a str>) {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>",
    );
    escape(title, &mut out);
    out.push_str("</title>\n  </head>\n  <body>\n");
    let mut skipped = Vec::new();
    for show in shows {
        let Some(feed) = &show.links.rss else {
            skipped.push(show.title.as_str());
            continue;
        };
        out.push_str("    <outline type=\"rss\" text=\"");
        escape(&show.title, &mut out);
        out.push_str("\" title=\"");
        escape(&show.title, &mut out);
        out.push_str("\" xmlUrl=\"");
        escape(feed, &mut out);
        if let Some(site) = &show.links.website {
            out.push_str("\" htmlUrl=\"");
            escape(site, &mut out);
        }
        out.push_str("\"/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    (out, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Catalog;

    #[test]
    fn export_lists_feeds_and_reports_shows_without_one() -> Result<(), String> {
        let catalog = Catalog::embedded()?;
        let (doc, skipped) = opml("podpath picks", &catalog.shows);
        let with_rss = catalog
            .shows
            .iter()
            .filter(|s| s.links.rss.is_some())
            .count();
        assert_eq!(doc.matches("<outline ").count(), with_rss);
        assert_eq!(skipped.len(), catalog.shows.len() - with_rss);
        assert!(
            doc.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">")
        );
        assert!(doc.ends_with("</body>\n</opml>\n"));
        Ok(())
    }

    #[test]
    fn markup_in_titles_and_urls_is_escaped() -> Result<(), String> {
        let mut show = Catalog::embedded()?.shows[0].clone();
        show.title = "<script>alert(\"x\") & 'y'</script>\u{1}".into();
        show.links.rss = Some("https://e.com/feed?a=1&b=2".into());
        let (doc, _) = opml("a < b", [&show]);
        assert!(doc.contains("<title>a &lt; b</title>"));
        assert!(doc.contains(
            "text=\"&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;\""
        ));
        assert!(doc.contains("xmlUrl=\"https://e.com/feed?a=1&amp;b=2\""));
        assert!(!doc.contains('\u{1}'));
        // Every tag that opens is closed: a crude well-formedness check without an XML parser.
        assert_eq!(doc.matches("<opml").count(), doc.matches("</opml>").count());
        assert_eq!(doc.matches('<').count(), doc.matches('>').count());
        Ok(())
    }
}
