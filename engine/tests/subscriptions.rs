//! Importing podcast apps' OPML exports: real exports committed to public repositories
//! (`tests/opml/`, sources in its README.md) pinned to the shows they must match, what each
//! tolerance covers, the title-matching pitfalls, and randomized checks of the bounds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use podpath_engine::opml::opml;
use podpath_engine::subscriptions::*;
use podpath_engine::Catalog;
use std::time::{Duration, Instant};

fn catalog() -> Catalog {
    Catalog::embedded().expect("embedded catalog")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/opml/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn ids(catalog: &Catalog, import: &Import) -> Vec<String> {
    let ids = import
        .matched
        .iter()
        .map(|&i| catalog.shows[i].id.0.clone());
    ids.collect()
}

fn position(catalog: &Catalog, id: &str) -> usize {
    let found = catalog.shows.iter().position(|s| s.id.0 == id);
    found.unwrap_or_else(|| panic!("no show {id}"))
}

/// Imports a fixture and checks the podcast count, the matched shows in order, and whether it
/// had to be read leniently (checked against Python's XML parser when the fixture was added).
fn pinned(name: &str, podcasts: usize, shows: &[&str], lenient: bool) {
    let catalog = catalog();
    let import = import(&catalog, &fixture(name)).expect(name);
    assert_eq!(ids(&catalog, &import), shows, "{name}");
    assert_eq!(import.podcasts, podcasts, "{name}");
    assert_eq!(import.lenient, lenient, "{name}");
}

fn doc(body: &str) -> Vec<u8> {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"><head><title>t</title></head><body>{body}</body></opml>\n").into_bytes()
}

fn titled(title: &str) -> Subscription {
    Subscription {
        title: Some(title.into()),
        ..Subscription::default()
    }
}

fn show_for(catalog: &Catalog, title: &str) -> Option<String> {
    match_show(catalog, &titled(title)).map(|i| catalog.shows[i].id.0.clone())
}

// ---- Real exports ----

#[test]
fn antennapod_export_matches_dataframed_by_title_and_two_shows_by_feed() {
    // DataFramed under its old Buzzsprout feed; TWIML under its old name and FeedBurner feed is
    // not matched (no safe rule links them). Two feeds are listed twice.
    let shows = [
        "dataframed",
        "learning-machines-101",
        "machine-learning-guide",
    ];
    pinned("antennapod-atecon.opml", 31, &shows, false);
}

#[test]
fn beyondpod_folders_match_six_shows_by_old_feeds_and_titles() {
    // Linear Digressions, Talking Machines and Machine Learning Guide under feeds that have
    // since moved; the empty "Uncategorized" folder is not a podcast.
    let shows = [
        "linear-digressions",
        "talking-machines",
        "learning-machines-101",
        "data-skeptic",
        "not-so-standard-deviations",
        "machine-learning-guide",
    ];
    pinned("beyondpod-travcav.opml", 80, &shows, false);
}

#[test]
fn gpodder_export_with_descriptions_in_text_matches_eye_on_ai_twiml_and_nssd_by_title() {
    // "AI Podcast Lex Fridman" (its 2019 feed and name) and "The Digital Analytics Power Hour"
    // (the old name of The Analytics Power Hour) share words only, so match nothing.
    let shows = ["eye-on-ai", "twiml-ai", "not-so-standard-deviations"];
    pinned("gpodder-geek-podcasts.opml", 804, &shows, false);
}

#[test]
fn gpodder_comedy_export_matches_nothing() {
    pinned("gpodder-kevin-j-m.opml", 25, &[], false);
}

#[test]
fn overcast_feeds_group_with_overcast_ids_matches_practical_ai_and_lex_fridman() {
    pinned(
        "overcast-bradenkwebb.opml",
        17,
        &["practical-ai", "lex-fridman"],
        false,
    );
}

#[test]
fn overcast_export_without_ml_shows_matches_nothing() {
    pinned("overcast-mrh-is.opml", 59, &[], false);
}

#[test]
fn pocket_casts_export_matches_lex_fridman_by_feed_despite_a_misspelt_title() {
    pinned("pocketcasts-neelabalan.opml", 4, &["lex-fridman"], false);
}

#[test]
fn pocket_casts_crlf_export_reads_every_podcast_and_matches_nothing() {
    pinned("pocketcasts-ianbarton-crlf.opml", 67, &[], false);
}

#[test]
fn icatcher_percent_encoded_titles_are_decoded_and_two_shows_match_by_feed() {
    let shows = ["machine-learning-guide", "freecodecamp-podcast"];
    pinned("icatcher-imaginativeone.opml", 240, &shows, false);
    let (subscriptions, _) = read(&fixture("icatcher-imaginativeone.opml")).expect("read");
    assert_eq!(
        subscriptions[0].title.as_deref(),
        Some("50 Things That Made the Modern Economy")
    );
    assert!(subscriptions
        .iter()
        .any(|s| s.title.as_deref() == Some("ATHLEAN-X™")));
}

#[test]
fn google_podcasts_single_quoted_export_matches_dataframed_and_super_data_science() {
    let shows = ["dataframed", "super-data-science"];
    pinned("googlepodcasts-skywateryang.opml", 33, &shows, false);
}

#[test]
fn grover_export_with_bom_matches_seven_shows_by_feed_and_title() {
    // Towards Data Science and Super Data Science by title (no feed in the catalog), TWIML by
    // the title before "(formerly …)", Practical AI by feed.
    let shows = [
        "towards-data-science-podcast",
        "machine-learning-guide",
        "super-data-science",
        "practical-ai",
        "the-gradient-podcast",
        "twiml-ai",
        "lex-fridman",
    ];
    pinned("grover-e96031413.opml", 202, &shows, false);
}

#[test]
fn grover_chinese_export_with_bom_matches_nothing() {
    pinned("grover-rindonn-bom.opml", 31, &[], false);
}

#[test]
fn grover_pro_export_with_garbage_after_the_root_is_read_leniently() {
    // A real export overwritten by a shorter one: the tail of the old file follows `</opml>`.
    // The five outlines in that tail are read too.
    let shows = [
        "eye-on-ai",
        "twiml-ai",
        "not-so-standard-deviations",
        "lex-fridman",
    ];
    pinned(
        "groverpro-malformed-alaskasquirrel.opml",
        1019,
        &shows,
        true,
    );
}

#[test]
fn itunes_export_with_comments_and_char_refs_matches_nothing() {
    pinned("itunes-tin.opml", 57, &[], false);
    let (subscriptions, _) = read(&fixture("itunes-tin.opml")).expect("read");
    assert!(subscriptions
        .iter()
        .any(|s| s.title.as_deref() == Some("The B&B Podcast")));
}

#[test]
fn podcast_republic_export_with_proxied_feeds_matches_nothing() {
    pinned("podcastrepublic-kmsepr.opml", 11, &[], false);
}

// ---- What the reader tolerates ----

fn read_ok(bytes: &[u8]) -> (Vec<Subscription>, bool) {
    read(bytes).expect("readable")
}

fn feeds(subscriptions: &[Subscription]) -> Vec<&str> {
    subscriptions
        .iter()
        .filter_map(|s| s.feed.as_deref())
        .collect()
}

fn titles(subscriptions: &[Subscription]) -> Vec<&str> {
    subscriptions
        .iter()
        .filter_map(|s| s.title.as_deref())
        .collect()
}

#[test]
fn outlines_nested_in_folders_are_read_and_folders_are_not_podcasts() {
    let (subs, lenient) = read_ok(&doc(r#"
        <outline text="feeds"><outline text="Tech" title="Tech">
          <outline type="rss" text="A" xmlUrl="https://a.example/feed"/>
        </outline><outline text="Empty"></outline>
        <outline type="rss" text="B" xmlUrl="https://b.example/feed"></outline></outline>
        <outline text="Uncategorized"/>"#));
    assert_eq!(titles(&subs), ["A", "B"]);
    assert!(!lenient);
}

#[test]
fn feed_comes_from_xmlurl_or_url_whatever_the_attribute_case() {
    let (subs, _) = read_ok(&doc(r#"<outline text="A" xmlURL="https://a/f"/>
        <outline text="B" url="https://b/f"/><outline text="C" XMLURL="https://c/f"/>
        <outline text="D" URL="https://d/u" xmlUrl="https://d/x"/>"#));
    assert_eq!(
        feeds(&subs),
        ["https://a/f", "https://b/f", "https://c/f", "https://d/x"]
    );
}

#[test]
fn type_is_optional_and_a_typed_leaf_without_feed_is_a_podcast() {
    let (subs, _) = read_ok(&doc(
        r#"<outline text="No type" xmlUrl="https://a/f"/><outline type="rss" text="Feedless"/>"#,
    ));
    assert_eq!(titles(&subs), ["No type", "Feedless"]);
    assert_eq!(subs[1].feed, None);
}

#[test]
fn title_is_preferred_to_text_which_gpodder_fills_with_the_description() {
    let (subs, _) = read_ok(&doc(
        r#"<outline title="Data Skeptic" text="A podcast about data science and skepticism." xmlUrl="https://x/f"/>
        <outline text="Only text" xmlUrl="https://y/f"/><outline title="  " text="Blank title" xmlUrl="https://z/f"/>"#,
    ));
    assert_eq!(titles(&subs), ["Data Skeptic", "Only text", "Blank title"]);
}

#[test]
fn character_references_and_the_five_entities_are_decoded() {
    let (subs, lenient) = read_ok(&doc(
        r#"<outline text="B&#38;B &#x26; &amp; &lt;x&gt; &quot;q&quot; &apos;a&apos; &#xE9;&#233;" xmlUrl="https://e/f?a=1&amp;b=2"/>"#,
    ));
    assert_eq!(titles(&subs), [r#"B&B & & <x> "q" 'a' éé"#]);
    assert_eq!(feeds(&subs), ["https://e/f?a=1&b=2"]);
    assert!(!lenient);
}

#[test]
fn unknown_entities_and_stray_ampersands_are_kept_and_read_leniently() {
    let (subs, lenient) = read_ok(&doc(
        r#"<outline text="Tom&nbsp;& Jerry &#xZZ; &#0;" xmlUrl="https://x/f?a=1&b=2"/>"#,
    ));
    assert_eq!(titles(&subs), ["Tom&nbsp;& Jerry &#xZZ; &#0;"]);
    assert_eq!(feeds(&subs), ["https://x/f?a=1&b=2"]);
    assert!(lenient);
    let (_, lenient) = read_ok(&doc(
        "<outline text=\"A\" xmlUrl=\"https://a/f\"/>Fish & Chips",
    ));
    assert!(lenient, "a stray & in text");
}

#[test]
fn byte_order_marks_crlf_and_opml_versions_are_accepted() {
    for version in ["1.0", "1.1", "2.0"] {
        let text = format!("<?xml version=\"1.0\"?>\r\n<opml version=\"{version}\">\r\n<body>\r\n<outline text=\"A\"\r\n xmlUrl=\"https://a/f\"/>\r\n</body>\r\n</opml>\r\n");
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        let (subs, lenient) = read_ok(&bytes);
        assert_eq!((titles(&subs), lenient), (vec!["A"], false), "{version}");
    }
}

#[test]
fn utf16_is_decoded_with_or_without_a_byte_order_mark() {
    let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><opml><body><outline text=\"Café\" xmlUrl=\"https://a/f\"/></body></opml>";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for bytes in [
        [&[0xFF, 0xFE][..], &le[..]].concat(),
        [&[0xFE, 0xFF][..], &be[..]].concat(),
        le,
        be,
    ] {
        let (subs, lenient) = read_ok(&bytes);
        assert_eq!((titles(&subs), lenient), (vec!["Café"], false));
    }
    let no_outline: Vec<u8> = "<html>hi</html>"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        read(&[&[0xFF, 0xFE][..], &no_outline[..]].concat()),
        Err(ImportError::NotOpml)
    );
    assert_eq!(read(&[0xFF, 0xFE, 0x3C]), Err(ImportError::NotOpml));
}

#[test]
fn latin1_and_ascii_declarations_decode_bytes_that_are_not_utf8() {
    for encoding in [
        "ISO-8859-1",
        "iso-8859-15",
        "windows-1252",
        "ASCII",
        "US-ASCII",
    ] {
        let mut bytes = format!(
            "<?xml version=\"1.0\" encoding=\"{encoding}\"?><opml><body><outline text=\"Caf"
        )
        .into_bytes();
        bytes.extend_from_slice(b"\xE9 Cr\xE8me\" xmlUrl=\"https://a/f\"/></body></opml>");
        let (subs, lenient) = read_ok(&bytes);
        assert_eq!(
            (titles(&subs), lenient),
            (vec!["Café Crème"], false),
            "{encoding}"
        );
    }
}

#[test]
fn invalid_utf8_in_a_utf8_document_is_read_lossily_and_leniently() {
    let mut bytes = doc("<outline text=\"Caf");
    bytes.truncate(bytes.len() - "</body></opml>\n".len());
    bytes.extend_from_slice(b"\xE9\" xmlUrl=\"https://a/f\"/></body></opml>");
    let (subs, lenient) = read_ok(&bytes);
    assert_eq!((titles(&subs), lenient), (vec!["Caf\u{FFFD}"], true));
}

#[test]
fn single_and_double_quotes_self_closing_or_not() {
    let (subs, lenient) = read_ok(&doc(
        r#"<outline type='rss' text='It"s' xmlUrl='https://a/f' /><outline text="It's" xmlUrl="https://b/f"></outline><outline text = "Spaced" xmlUrl = 'https://c/f'/>"#,
    ));
    assert_eq!(titles(&subs), [r#"It"s"#, "It's", "Spaced"]);
    assert!(!lenient);
}

#[test]
fn comments_cdata_doctype_and_processing_instructions_are_skipped() {
    let (subs, lenient) = read_ok(&doc(
        r#"<!-- <outline text="Commented" xmlUrl="https://x/f"/> -->
        <?app data="<outline text='PI'>"?><![CDATA[<outline text="CDATA" xmlUrl="https://y/f"/>]]>
        <outline text="Real" xmlUrl="https://a/f"/>"#,
    ));
    assert_eq!(titles(&subs), ["Real"]);
    assert!(!lenient);
    let with_doctype =
        b"<!DOCTYPE opml><opml><body><outline text=\"A\" xmlUrl=\"https://a/f\"/></body></opml>";
    assert_eq!(
        read_ok(with_doctype),
        (
            vec![Subscription {
                title: Some("A".into()),
                feed: Some("https://a/f".into()),
                apple_id: None
            }],
            false
        )
    );
}

#[test]
fn a_file_that_is_not_well_formed_is_read_leniently() {
    let cases = [
        // unclosed tags
        (
            r#"<opml><body><outline text="A" xmlUrl="https://a/f"><outline text="B" xmlUrl="https://b/f">"#,
            vec!["A", "B"],
        ),
        // `<` inside an attribute
        (
            r#"<opml><body><outline text="a < b" xmlUrl="https://a/f"/></body></opml>"#,
            vec!["a < b"],
        ),
        // unquoted value and an attribute without value
        (
            r#"<opml><body><outline text=Unquoted checked xmlUrl="https://a/f"/></body></opml>"#,
            vec!["Unquoted"],
        ),
        // a quote never closed: the next outline still starts where it should
        (
            r#"<opml><body><outline text="Open xmlUrl=https://a/f>
            <outline text="Next" xmlUrl="https://b/f"/></body></opml>"#,
            vec!["Open xmlUrl=https://a/f>", "Next"],
        ),
        // mismatched and stray end tags, no space between attributes
        (
            r#"<opml><body><outline text="A"xmlUrl="https://a/f"></Outline></head></outline></body></opml>"#,
            vec!["A"],
        ),
        // content after the root, and a second root
        (
            r#"<opml><body><outline text="A" xmlUrl="https://a/f"/></body></opml>junk<opml><body><outline text="B" xmlUrl="https://b/f"/></body></opml>"#,
            vec!["A", "B"],
        ),
        // a stray `<`, an unterminated comment
        (
            r#"<opml><body>1 < 2<outline text="A" xmlUrl="https://a/f"/></body></opml><!-- "#,
            vec!["A"],
        ),
    ];
    for (text, expected) in cases {
        let (subs, lenient) = read_ok(text.as_bytes());
        assert_eq!(titles(&subs), expected, "{text}");
        assert!(lenient, "{text}");
    }
}

#[test]
fn a_truncated_export_keeps_the_outlines_it_completed() {
    let text = r#"<opml><body><outline text="A" xmlUrl="https://a/f"/><outline text="B" xmlUrl="https://b"#;
    let (subs, lenient) = read_ok(text.as_bytes());
    assert_eq!((titles(&subs), lenient), (vec!["A"], true));
}

#[test]
fn anything_without_an_outline_is_not_opml() {
    let html = b"<!DOCTYPE html><html><body><p>Subscribe</p></body></html>".to_vec();
    let rss = b"<?xml version=\"1.0\"?><rss><channel><title>Data Skeptic</title></channel></rss>"
        .to_vec();
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let comment = b"<opml><!-- <outline text=\"x\"/> --></opml>".to_vec();
    for bytes in [
        Vec::new(),
        b"   ".to_vec(),
        html,
        rss,
        binary,
        comment,
        b"\xEF\xBB\xBF".to_vec(),
    ] {
        assert_eq!(read(&bytes), Err(ImportError::NotOpml), "{bytes:?}");
        assert_eq!(import(&catalog(), &bytes), Err(ImportError::NotOpml));
    }
}

#[test]
fn only_folders_is_opml_with_no_podcasts() {
    let import = import(&catalog(), &doc(r#"<outline text="Empty folder"/>"#)).expect("opml");
    assert_eq!(import, Import::default());
}

// ---- Matching ----

#[test]
fn feeds_are_normalised_without_scheme_www_case_trailing_slash_or_query_noise() {
    let cases = [
        (
            "https://feeds.feedburner.com/linear-digressions?format=xml",
            "feeds.feedburner.com/linear-digressions",
        ),
        (
            "http://FEEDS2.FeedBurner.com/Linear-Digressions/",
            "feeds.feedburner.com/linear-digressions",
        ),
        (
            "  HTTP://WWW.Example.COM/Feed/?utm_source=a&fmt=mp3&id=7&utm_medium=b#top ",
            "example.com/Feed?id=7",
        ),
        (
            "feed://example.com/rss?format=RSS&p=2",
            "example.com/rss?p=2",
        ),
        ("example.com", "example.com"),
        (
            "https://www.npr.org/rss/podcast.php?id=510307",
            "npr.org/rss/podcast.php?id=510307",
        ),
        ("", ""),
    ];
    for (url, normal) in cases {
        assert_eq!(normalise_feed(url), normal, "{url}");
    }
}

#[test]
fn a_feed_matches_however_the_app_spelled_it() {
    let catalog = catalog();
    let feed = |url: &str| Subscription {
        feed: Some(url.into()),
        ..Subscription::default()
    };
    let show = |s: &Subscription| match_show(&catalog, s).map(|i| catalog.shows[i].id.0.clone());
    assert_eq!(
        show(&feed("http://feeds.feedburner.com/linear-digressions")).as_deref(),
        Some("linear-digressions")
    );
    assert_eq!(
        show(&feed("HTTPS://WWW.LEXFRIDMAN.COM/feed/podcast")).as_deref(),
        Some("lex-fridman")
    );
    assert_eq!(
        show(&feed(
            "https://changelog.com/practicalai/feed/?utm_source=pocketcasts"
        ))
        .as_deref(),
        Some("practical-ai")
    );
    assert_eq!(
        show(&feed("https://changelog.com/podcast/feed")),
        None,
        "The Changelog is not Practical AI"
    );
    assert_eq!(
        show(&feed("https://lexfridman.com/category/ai/feed/")),
        None
    );
}

#[test]
fn the_feed_wins_over_the_apple_id_which_wins_over_the_title() {
    let catalog = catalog();
    let sub = Subscription {
        title: Some("Hard Fork".into()),
        feed: Some("https://dataskeptic.libsyn.com/rss".into()),
        apple_id: Some(1434243584),
    };
    assert_eq!(
        match_show(&catalog, &sub),
        Some(position(&catalog, "data-skeptic"))
    );
    let sub = Subscription {
        feed: Some("https://example.com/unknown".into()),
        ..sub
    };
    assert_eq!(
        match_show(&catalog, &sub),
        Some(position(&catalog, "lex-fridman"))
    );
    let sub = Subscription {
        apple_id: Some(1),
        ..sub
    };
    assert_eq!(
        match_show(&catalog, &sub),
        Some(position(&catalog, "hard-fork"))
    );
}

#[test]
fn an_apple_id_is_read_from_id_attributes_or_any_apple_podcasts_url() {
    let catalog = catalog();
    let text = doc(r#"
        <outline type="rss" text="x1" applePodcastsID="941219323"/>
        <outline type="rss" text="x2" itunesId=" 1406537385 "/>
        <outline type="rss" text="x3" htmlUrl="https://podcasts.apple.com/us/podcast/whatever/id1434243584?i=1000599125044"/>
        <outline type="rss" text="x4" xmlUrl="https://unknown.example/rss" link="https://overcast.fm/itunes1528594034/hard-fork"/>
        <outline type="rss" text="x5" htmlUrl="https://pca.st/itunes/890348705"/>
        <outline type="rss" text="x6" htmlUrl="https://example.com/id12345/podcast"/>"#);
    let (subs, _) = read_ok(&text);
    let apple: Vec<Option<u64>> = subs.iter().map(|s| s.apple_id).collect();
    assert_eq!(
        apple,
        [
            Some(941219323),
            Some(1406537385),
            Some(1434243584),
            Some(1528594034),
            Some(890348705),
            None
        ]
    );
    let import = import(&catalog, &text).expect("opml");
    let expected = [
        "linear-digressions",
        "practical-ai",
        "lex-fridman",
        "hard-fork",
        "data-skeptic",
    ];
    assert_eq!(ids(&catalog, &import), expected);
}

#[test]
fn every_catalog_title_matches_its_own_show_and_only_it() {
    let catalog = catalog();
    for (i, show) in catalog.shows.iter().enumerate() {
        assert_eq!(
            match_show(&catalog, &titled(&show.title)),
            Some(i),
            "{}",
            show.title
        );
        let shouted = show.title.to_uppercase();
        assert_eq!(
            match_show(&catalog, &titled(&shouted)),
            Some(i),
            "{shouted}"
        );
    }
}

#[test]
fn titles_as_apps_write_them_match_the_show() {
    let catalog = catalog();
    let cases = [
        ("The Data Skeptic Podcast", "data-skeptic"),
        ("Eye on AI", "eye-on-ai"),
        ("Practical AI: Machine Learning, Data Science, LLM", "practical-ai"),
        ("Changelog: Practical AI", "practical-ai"),
        ("The TWIML AI Podcast (formerly This Week in Machine Learning & Artificial Intelligence)", "twiml-ai"),
        ("Latent Space", "latent-space"),
        ("The Gradient: Perspectives on AI", "the-gradient-podcast"),
        ("Gradient Dissent: Conversations on AI", "gradient-dissent"),
        ("DataTalks.Club", "datatalks-club"),
        ("Towards Data Science", "towards-data-science-podcast"),
        ("SuperDataScience", "super-data-science"),
        ("No Priors: Artificial Intelligence | Technology | Startups", "no-priors"),
        ("The AI Daily Brief (Formerly The AI Breakdown): Artificial Intelligence News and Analysis", "the-ai-daily-brief"),
        ("Hard Fork - The New York Times", "hard-fork"),
        ("Lex Fridman", "lex-fridman"),
        ("Learning Bayesian Statistics", "learning-bayesian-statistics"),
        ("Machine Learning Street Talk (MLST)", "machine-learning-street-talk"),
        ("Dwarkesh Podcast", "dwarkesh-podcast"),
        ("Chai Time Data Science", "chai-time-data-science"),
    ];
    for (title, id) in cases {
        assert_eq!(show_for(&catalog, title).as_deref(), Some(id), "{title}");
    }
}

#[test]
fn titles_that_only_share_words_with_a_show_match_nothing() {
    let catalog = catalog();
    let strangers = [
        "AI Engineering Podcast",
        "The Data Engineering Show",
        "Machine Learning",
        "Machine Learning – Software Engineering Daily",
        "Data Science at Home",
        "Learning Machines",
        "Machine Learning Guide to Trading",
        "The Changelog",
        "The AI Podcast",
        "AI Podcast Lex Fridman",
        "Artificial Intelligence | AI | AGI | Lex | MIT",
        "The Digital Analytics Power Hour",
        "Standard Deviations",
        "Gradient Descent",
        "Data Skeptics",
        "Super Data",
        "Training Day",
        "Changelog: The Changelog",
        "The New York Times: The Daily",
        "NVIDIA: The AI Podcast",
        "Weights & Biases: Fully Connected",
        "The Podcast",
        "Podcast",
        "",
        "AI",
    ];
    for title in strangers {
        assert_eq!(show_for(&catalog, title), None, "{title}");
    }
}

// ---- Randomized ----

/// xorshift64: reproducible, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn check_invariants(catalog: &Catalog, result: &Result<Import, ImportError>) {
    if let Ok(import) = result {
        let mut seen = import.matched.clone();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), import.matched.len(), "each show once");
        assert!(import.matched.iter().all(|&i| i < catalog.shows.len()));
        assert!(import.matched.len() <= import.podcasts);
        assert!(import.podcasts <= MAX_OUTLINES);
    }
}

#[test]
fn ten_thousand_random_byte_strings_never_panic() {
    let catalog = catalog();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let pieces: [&[u8]; 14] = [
        b"<outline ",
        b"xmlUrl=\"",
        b"\"",
        b"'",
        b"/>",
        b">",
        b"</outline>",
        b"&",
        b"&#x",
        b";",
        b"<!--",
        b"<![CDATA[",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
    ];
    for _ in 0..10_000 {
        let mut bytes = Vec::new();
        for _ in 0..rng.below(40) {
            if rng.chance(50) {
                let piece: &&[u8] = rng.pick(&pieces);
                bytes.extend_from_slice(piece);
            } else {
                bytes.push(rng.next() as u8);
            }
        }
        let result = import(&catalog, &bytes);
        assert!(
            matches!(result, Ok(_) | Err(ImportError::NotOpml)),
            "{bytes:?}"
        );
        check_invariants(&catalog, &result);
    }
}

/// A value written the ways exports escape it; returns the markup for `quote`.
fn escaped(rng: &mut Rng, value: &str, quote: char) -> String {
    let mut out = String::new();
    for c in value.chars() {
        let options: Vec<String> = match c {
            '&' => vec!["&amp;".into(), "&#38;".into(), "&#x26;".into()],
            '<' => vec!["&lt;".into(), "&#60;".into()],
            '>' => vec![">".into(), "&gt;".into()],
            '"' if quote == '"' => vec!["&quot;".into(), "&#34;".into()],
            '\'' if quote == '\'' => vec!["&apos;".into(), "&#39;".into()],
            'é' => vec!["é".into(), "&#233;".into(), "&#xe9;".into()],
            c => vec![c.to_string()],
        };
        let option: &String = rng.pick(&options);
        out.push_str(option);
    }
    out
}

/// What a generated podcast outline stands for: how many distinct podcasts and which show.
#[derive(Clone, Copy, PartialEq)]
enum Identity {
    Feed(usize),
    Apple(usize),
    Title(usize),
    Stranger(usize),
}

struct Generated {
    text: String,
    expected: Vec<Subscription>,
    identities: Vec<Identity>,
}

fn feed_variant(rng: &mut Rng, feed: &str) -> String {
    let mut f = feed.to_string();
    if rng.chance(30) {
        f = f.replacen("https://", "http://", 1);
    }
    if rng.chance(20) && !f.contains('?') && !f.ends_with('/') {
        f.push('/');
    }
    if rng.chance(20) {
        f.push_str(if f.contains('?') {
            "&utm_source=app"
        } else {
            "?utm_source=app"
        });
    }
    f
}

fn generate(rng: &mut Rng, catalog: &Catalog) -> Generated {
    let with_rss: Vec<usize> = (0..catalog.shows.len())
        .filter(|&i| catalog.shows[i].links.rss.is_some())
        .collect();
    let with_apple: Vec<usize> = (0..catalog.shows.len())
        .filter(|&i| catalog.shows[i].links.apple.is_some())
        .collect();
    let eol = if rng.chance(30) { "\r\n" } else { "\n" };
    let mut g = Generated {
        text: String::new(),
        expected: Vec::new(),
        identities: Vec::new(),
    };
    if rng.chance(20) {
        g.text.push('\u{FEFF}');
    }
    if rng.chance(70) {
        let encoding = rng.pick(&["UTF-8", "utf-8", "ISO-8859-1", "US-ASCII"]);
        g.text.push_str(&format!(
            "<?xml version=\"1.0\" encoding=\"{encoding}\"?>{eol}"
        ));
    }
    let version = rng.pick(&["1.0", "1.1", "2.0"]);
    g.text.push_str(&format!("<opml version=\"{version}\">{eol}<head><title>Subscriptions</title></head>{eol}<body>{eol}"));
    let mut depth = 0;
    for n in 0..rng.below(30) {
        match rng.below(10) {
            0 if depth < 4 => {
                g.text
                    .push_str(&format!("<outline text=\"Folder {n}\">{eol}"));
                depth += 1;
            }
            1 if depth > 0 => {
                g.text.push_str(&format!("</outline>{eol}"));
                depth -= 1;
            }
            2 => g.text.push_str(&format!(
                "<!-- <outline text=\"c{n}\" xmlUrl=\"https://c/{n}\"/> -->{eol}"
            )),
            3 => g
                .text
                .push_str(&format!("<outline text=\"Empty {n}\"></outline>{eol}")),
            _ => {
                let q = if rng.chance(30) { '\'' } else { '"' };
                let title_text = format!("Zq {} & <x> \"q\" 'a' é {n}", rng.below(5));
                let identity = match rng.below(4) {
                    0 => Identity::Feed(*rng.pick(&with_rss)),
                    1 => Identity::Apple(*rng.pick(&with_apple)),
                    2 => Identity::Title(rng.below(catalog.shows.len())),
                    _ => Identity::Stranger(rng.below(8)),
                };
                let mut attributes: Vec<(String, String)> = Vec::new();
                let mut expected = Subscription::default();
                let name = |rng: &mut Rng, names: &[&str]| rng.pick(names).to_string();
                match identity {
                    Identity::Feed(i) | Identity::Stranger(i) => {
                        let feed = match identity {
                            Identity::Feed(_) => feed_variant(
                                rng,
                                catalog.shows[i].links.rss.as_deref().unwrap_or_default(),
                            ),
                            _ => format!("https://stranger.example/feed/{i}?a=1&b=2"),
                        };
                        attributes.push((
                            name(rng, &["xmlUrl", "xmlurl", "XMLURL", "xmlURL", "url"]),
                            feed.clone(),
                        ));
                        expected.feed = Some(feed);
                        expected.title = Some(title_text.clone());
                    }
                    Identity::Apple(i) => {
                        let id = podpath_engine::links::apple_id(
                            catalog.shows[i].links.apple.as_deref().unwrap_or_default(),
                        )
                        .unwrap_or_default();
                        attributes.push((
                            name(rng, &["applePodcastsID", "itunesId", "ITUNES_ID"]),
                            id.to_string(),
                        ));
                        expected.apple_id = Some(id);
                        expected.title = Some(title_text.clone());
                    }
                    Identity::Title(i) => expected.title = Some(catalog.shows[i].title.clone()),
                }
                let title = expected.title.clone().unwrap_or_default();
                match rng.below(3) {
                    0 => attributes.push((name(rng, &["text", "TEXT", "Text"]), title)),
                    1 => attributes.push((name(rng, &["title", "Title"]), title)),
                    _ => {
                        attributes.push(("text".into(), format!("A description & more {n}")));
                        attributes.push(("title".into(), title));
                    }
                }
                if rng.chance(60) || expected.feed.is_none() {
                    attributes.push(("type".into(), "rss".into()));
                }
                if rng.chance(30) {
                    attributes.push(("htmlUrl".into(), "https://example.com/show".into()));
                }
                // Attribute order varies between apps.
                let k = rng.below(attributes.len());
                attributes.rotate_left(k);
                g.text.push_str("<outline");
                for (name, value) in &attributes {
                    let spaces = rng.pick(&[" ", "  ", "\n    ", "\t"]);
                    g.text
                        .push_str(&format!("{spaces}{name}={q}{}{q}", escaped(rng, value, q)));
                }
                g.text
                    .push_str(if rng.chance(50) { "/>" } else { "></outline>" });
                g.text.push_str(eol);
                g.expected.push(expected);
                g.identities.push(identity);
            }
        }
    }
    for _ in 0..depth {
        g.text.push_str("</outline>");
    }
    g.text.push_str(&format!("{eol}</body>{eol}</opml>{eol}"));
    g
}

#[test]
fn generated_exports_read_back_exactly_and_match_the_shows_they_name() {
    let catalog = catalog();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..3_000 {
        let g = generate(&mut rng, &catalog);
        if g.expected.is_empty() {
            continue;
        }
        let bytes = g.text.as_bytes();
        assert_eq!(read(bytes), Ok((g.expected.clone(), false)), "{}", g.text);
        let import = import(&catalog, bytes).expect("generated opml");
        // Outlines of the same feed or catalog title are one podcast; Apple-id outlines carry
        // generated titles, all different.
        let mut seen: Vec<Identity> = Vec::new();
        let mut podcasts = 0;
        let mut shows: Vec<usize> = Vec::new();
        for &identity in &g.identities {
            if matches!(identity, Identity::Apple(_)) || !seen.contains(&identity) {
                seen.push(identity);
                podcasts += 1;
            }
            if let Identity::Feed(i) | Identity::Apple(i) | Identity::Title(i) = identity {
                if !shows.contains(&i) {
                    shows.push(i);
                }
            }
        }
        assert_eq!(import.podcasts, podcasts, "{}", g.text);
        assert_eq!(import.matched, shows, "{}", g.text);
        assert!(!import.lenient);
    }
}

#[test]
fn damaged_generated_exports_never_panic_and_say_they_were_read_leniently() {
    let catalog = catalog();
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    for _ in 0..5_000 {
        let g = generate(&mut rng, &catalog);
        let mut bytes = g.text.into_bytes();
        let end_of_root = bytes
            .windows(7)
            .position(|w| w == b"</opml>")
            .unwrap_or(bytes.len());
        let cut = rng.below(bytes.len() + 1);
        match rng.below(4) {
            0 => bytes.truncate(cut),
            1 => bytes.insert(
                cut.min(bytes.len()),
                *rng.pick(&[b'&', b'<', b'"', b'\'', b'>', b'/', 0xFF, 0]),
            ),
            2 if cut < bytes.len() => {
                bytes.remove(cut);
            }
            _ => {
                let tail = bytes.split_off(cut.min(bytes.len()));
                bytes.extend_from_slice(b"<outline text=\"x");
                bytes.extend(tail);
            }
        }
        let result = import(&catalog, &bytes);
        check_invariants(&catalog, &result);
        match &result {
            Ok(import) if cut < end_of_root && bytes.len() <= end_of_root => {
                assert!(import.lenient, "{}", String::from_utf8_lossy(&bytes));
            }
            Ok(_) | Err(ImportError::NotOpml) => {}
            Err(e) => panic!("{e:?}"),
        }
    }
}

#[test]
fn podpath_exports_of_random_catalog_subsets_read_back_to_the_shows_with_a_feed() {
    let catalog = catalog();
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    for _ in 0..500 {
        let mut picked: Vec<usize> = (0..catalog.shows.len())
            .filter(|_| rng.chance(40))
            .collect();
        for i in (1..picked.len()).rev() {
            picked.swap(i, rng.below(i + 1));
        }
        let (text, _) = opml(
            "podpath picks & more",
            picked.iter().map(|&i| &catalog.shows[i]),
        );
        let with_feed: Vec<usize> = picked
            .iter()
            .copied()
            .filter(|&i| catalog.shows[i].links.rss.is_some())
            .collect();
        if with_feed.is_empty() {
            assert_eq!(import(&catalog, text.as_bytes()), Err(ImportError::NotOpml));
            continue;
        }
        let import = import(&catalog, text.as_bytes()).expect("own export");
        assert_eq!(import.matched, with_feed);
        assert_eq!(import.podcasts, with_feed.len());
        assert!(!import.lenient);
    }
}

// ---- Bounds ----

fn outlines(n: usize) -> Vec<u8> {
    let body: String = (0..n)
        .map(|i| {
            format!("<outline type=\"rss\" text=\"P{i}\" xmlUrl=\"https://x.example/{i}\"/>\n")
        })
        .collect();
    doc(&body)
}

#[test]
fn the_outline_limit_holds_exactly() {
    let catalog = catalog();
    for n in [MAX_OUTLINES - 1, MAX_OUTLINES] {
        assert_eq!(import(&catalog, &outlines(n)).map(|i| i.podcasts), Ok(n));
    }
    assert_eq!(
        import(&catalog, &outlines(MAX_OUTLINES + 1)),
        Err(ImportError::TooManyOutlines)
    );
    // Folders count as outlines too.
    let body: String = (0..MAX_OUTLINES)
        .map(|i| format!("<outline text=\"P{i}\" xmlUrl=\"https://x/{i}\"/>"))
        .collect();
    let folder = doc(&format!("<outline text=\"All\">{body}</outline>"));
    assert_eq!(import(&catalog, &folder), Err(ImportError::TooManyOutlines));
}

#[test]
fn the_size_limit_holds_exactly_and_is_checked_before_reading() {
    let catalog = catalog();
    let mut at_limit = outlines(3);
    let pad = MAX_BYTES - at_limit.len() - "<!---->".len();
    at_limit.extend_from_slice(format!("<!--{}-->", " ".repeat(pad)).as_bytes());
    assert_eq!(at_limit.len(), MAX_BYTES);
    assert_eq!(import(&catalog, &at_limit).map(|i| i.podcasts), Ok(3));
    at_limit.push(b'\n');
    assert_eq!(
        import(&catalog, &at_limit),
        Err(ImportError::TooLarge(MAX_BYTES + 1))
    );
    assert_eq!(
        read(&vec![0; MAX_BYTES + 1]),
        Err(ImportError::TooLarge(MAX_BYTES + 1))
    );
    assert_eq!(read(&vec![0; MAX_BYTES]), Err(ImportError::NotOpml));
}

#[test]
fn pathological_inputs_at_the_size_limit_finish_in_linear_time() {
    let catalog = catalog();
    let repeat = |unit: &str| unit.repeat(MAX_BYTES / unit.len()).into_bytes();
    let mut open_quote = b"<opml><body><outline text=\"".to_vec();
    open_quote.resize(MAX_BYTES, b'x');
    let inputs = [
        repeat("<"),
        repeat("&"),
        repeat("<a>"),
        repeat("</outline>"),
        repeat("<outline>"),
        repeat("<outline "),
        repeat("<a b=\"<x\" "),
        repeat("<!--"),
        repeat("&#x1F600"),
        open_quote,
    ];
    for bytes in inputs {
        let start = Instant::now();
        let result = import(&catalog, &bytes);
        check_invariants(&catalog, &result);
        // A quadratic pass over 5 MB would take hours; linear takes well under a second.
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{:?}",
            &bytes[..20]
        );
    }
}
