//! Durations and dates come from strangers' feeds: thousands of random and generated inputs,
//! no panic, and every well-formed value read back exactly.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use podpath_catalog::dates::{parse_date, parse_day};
use podpath_catalog::durations::parse_duration;
use proptest::prelude::*;

const CASES: u32 = 5_000;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn any_text_is_a_duration_or_none_never_a_panic(text in any::<String>()) {
        if let Some(seconds) = parse_duration(&text) {
            prop_assert!((1..=24 * 3600).contains(&seconds));
        }
    }

    #[test]
    fn duration_like_text_never_panics(text in "[0-9:. -]{0,24}") {
        let _ = parse_duration(&text);
    }

    #[test]
    fn every_duration_form_reads_back_its_seconds(h in 0u32..24, m in 0u32..60, s in 0u32..60) {
        let total = h * 3600 + m * 60 + s;
        prop_assume!(total > 0);
        prop_assert_eq!(parse_duration(&total.to_string()), Some(total));
        prop_assert_eq!(parse_duration(&format!("{h}:{m:02}:{s:02}")), Some(total));
        prop_assert_eq!(parse_duration(&format!("{h:02}:{m:02}:{s:02}")), Some(total));
        prop_assert_eq!(parse_duration(&format!("{}:{s:02}", h * 60 + m)), Some(total));
    }

    #[test]
    fn any_text_is_a_date_or_none_never_a_panic(text in any::<String>()) {
        let _ = parse_date(&text);
    }

    #[test]
    fn date_like_text_never_panics(text in "[A-Za-z]{0,9},? [0-9]{1,2} [A-Za-z]{3,9} [0-9]{2,4} [0-9:]{0,8} [A-Z+0-9-]{0,5}") {
        let _ = parse_day(&text);
    }

    #[test]
    fn rfc822_dates_in_every_zone_read_back_their_instant(
        secs in 946_684_800i64..4_102_444_800,
        zone in prop::sample::select(vec![
            ("GMT", 0), ("UT", 0), ("UTC", 0), ("Z", 0), ("+0000", 0), ("EST", -5), ("EDT", -4),
            ("CST", -6), ("CDT", -5), ("MST", -7), ("MDT", -6), ("PST", -8), ("PDT", -7),
            ("CET", 1), ("CEST", 2), ("BST", 1), ("JST", 9), ("+0530", 0),
        ]),
        full_names in any::<bool>(),
    ) {
        let (name, hours) = zone;
        let offset_secs = if name == "+0530" { 5 * 3600 + 1800 } else { hours * 3600 };
        let utc = Utc.timestamp_opt(secs, 0).single().expect("in range");
        let local = utc + chrono::Duration::seconds(i64::from(offset_secs));
        let (weekday, month) = if full_names { ("%A", "%B") } else { ("%a", "%b") };
        let text = format!(
            "{}, {} {name}",
            local.format(weekday),
            local.format(&format!("%d {month} %Y %H:%M:%S"))
        );
        let got = parse_date(&text).map(|t| t.timestamp());
        prop_assert_eq!(got, Some(secs), "{}", text);
    }

    #[test]
    fn iso_dates_read_back_their_day(y in 1990i32..2100, m in 1u32..=12, d in 1u32..=28) {
        let day = NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        let text = format!("{}T12:00:00Z", day.format("%Y-%m-%d"));
        prop_assert_eq!(parse_day(&text).map(|t| (t.year(), t.month(), t.day())), Some((y, m, d)));
    }
}
