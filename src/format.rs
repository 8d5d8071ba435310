//! The one place where numbers, lengths and dates become text.

use crate::strings;
use podpath_engine::dates::{age, Age, Day};
use podpath_engine::{IsoDate, LengthRange};

/// Today's date from the browser clock.
pub fn today() -> Day {
    let now = web_sys::js_sys::Date::new_0();
    Day {
        year: u16::try_from(now.get_full_year()).unwrap_or(2026),
        month: u8::try_from(now.get_month() + 1).unwrap_or(1),
        day: u8::try_from(now.get_date()).unwrap_or(1),
    }
}

pub fn count(n: usize, (one, many): strings::Noun) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn shows(n: usize) -> String {
    count(n, strings::SHOW)
}

pub fn length(range: LengthRange) -> String {
    if range.min == range.max {
        format!("about {} min", range.min)
    } else {
        format!("{}–{} min", range.min, range.max)
    }
}

pub fn minutes(m: u32) -> String {
    if m >= 60 {
        format!("{} h {:02} min", m / 60, m % 60)
    } else {
        format!("{m} min")
    }
}

/// `2020-07-26` → `26 Jul 2020`; partial dates keep their precision.
pub fn date(d: &IsoDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = d.as_str().split('-').collect();
    let month = parts
        .get(1)
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    match (parts.first(), month, parts.get(2)) {
        (Some(y), Some(m), Some(day)) => format!("{} {m} {y}", day.trim_start_matches('0')),
        (Some(y), Some(m), None) => format!("{m} {y}"),
        _ => d.as_str().to_owned(),
    }
}

/// "last episode 2 years ago" for an ended show, "latest episode this month" for a live one.
pub fn last_episode(d: &IsoDate, ended: bool) -> String {
    let lead = if ended {
        "last episode"
    } else {
        "latest episode"
    };
    match age(d, today()) {
        Age::ThisMonth => format!("{lead} this month"),
        Age::Months(1) => format!("{lead} a month ago"),
        Age::Months(m) => format!("{lead} {m} months ago"),
        Age::Years(1) => format!("{lead} a year ago"),
        Age::Years(y) => format!("{lead} {y} years ago"),
    }
}
