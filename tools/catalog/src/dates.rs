//! Publication dates as feeds write them. RSS asks for RFC 822 ("Tue, 05 Mar 2024 10:00:00
//! GMT"); real feeds add named zones, full month names, a wrong weekday, single-digit hours or
//! ISO 8601. Whatever can be read is read; the rest is no date (never a panic).

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// Named zones seen in podcast feeds beyond the ones RFC 822 defines (which chrono reads).
const ZONES: [(&str, &str); 12] = [
    ("BST", "+0100"),
    ("CET", "+0100"),
    ("CEST", "+0200"),
    ("EET", "+0200"),
    ("EEST", "+0300"),
    ("IST", "+0530"),
    ("JST", "+0900"),
    ("AEST", "+1000"),
    ("AEDT", "+1100"),
    ("NZST", "+1200"),
    ("HST", "-1000"),
    ("AKST", "-0900"),
];

/// The calendar day (UTC) of a feed date, or `None` when it cannot be read.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    parse_date(text).map(|t| t.with_timezone(&Utc).date_naive())
}

/// A feed date with its offset, or `None` when it cannot be read.
pub fn parse_date(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    if text.is_empty() || text.len() > 64 {
        return None;
    }
    DateTime::parse_from_rfc3339(text)
        .ok()
        .or_else(|| DateTime::parse_from_rfc2822(&tidy_rfc822(text)).ok())
}

/// Drops the weekday (often wrong, and redundant), shortens month names, maps the named zones
/// chrono does not know, and gives a missing zone or seconds their usual default.
fn tidy_rfc822(text: &str) -> String {
    let mut words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
    {
        words.remove(0);
    }
    if let Some(month) = words.get_mut(1) {
        if month.len() > 3 && month.is_char_boundary(3) {
            month.truncate(3);
        }
    }
    if let Some(time) = words.get_mut(3) {
        if time.matches(':').count() == 1 {
            time.push_str(":00");
        }
    }
    if words.len() == 4 {
        words.push("+0000".to_string());
    }
    if let Some(zone) = words.get_mut(4) {
        let upper = zone.to_ascii_uppercase();
        if let Some((_, offset)) = ZONES.iter().find(|(name, _)| *name == upper) {
            *zone = (*offset).to_string();
        } else if upper == "Z" || upper == "UTC" {
            *zone = "+0000".to_string();
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn rfc822_dates_with_named_zones_are_read() {
        assert_eq!(parse_day("Tue, 05 Mar 2024 10:00:00 GMT"), day(2024, 3, 5));
        assert_eq!(parse_day("Tue, 05 Mar 2024 23:30:00 EST"), day(2024, 3, 6));
        assert_eq!(parse_day("Sun, 1 Jun 2025 20:00:00 PDT"), day(2025, 6, 2));
        assert_eq!(parse_day("Mon, 02 Jun 2025 01:00:00 CEST"), day(2025, 6, 1));
        assert_eq!(
            parse_day("Wed, 12 Nov 2025 09:00:00 +0100"),
            day(2025, 11, 12)
        );
    }

    #[test]
    fn sloppy_rfc822_dates_are_read() {
        // Wrong weekday, full month name, no seconds, no zone, no comma.
        assert_eq!(parse_day("Fri, 05 Mar 2024 10:00:00 GMT"), day(2024, 3, 5));
        assert_eq!(
            parse_day("Tuesday, 05 March 2024 10:00 GMT"),
            day(2024, 3, 5)
        );
        assert_eq!(parse_day("5 Sept 2024 10:00:00"), day(2024, 9, 5));
        assert_eq!(parse_day("Thu 07 Aug 2025 08:00:00 UTC"), day(2025, 8, 7));
    }

    #[test]
    fn iso_dates_are_read() {
        assert_eq!(parse_day("2025-06-01T20:00:00-07:00"), day(2025, 6, 2));
        assert_eq!(parse_day("2019-12-31T23:59:59Z"), day(2019, 12, 31));
    }

    #[test]
    fn unreadable_dates_are_no_date() {
        for bad in [
            "",
            "yesterday",
            "31 Feb 2024 10:00:00 GMT",
            "2024-13-01T00:00:00Z",
            "Tue,",
        ] {
            assert_eq!(parse_day(bad), None, "{bad:?}");
        }
    }
}
