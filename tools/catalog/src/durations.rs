//! Episode durations as feeds write them (`itunes:duration`): plain seconds ("3600", "3600.5"),
//! "MM:SS" or "HH:MM:SS". Anything else, or an implausible value, is no duration.

/// Longer than this is a mistake in the feed (a duration in milliseconds, say), not an episode.
const MAX_SECONDS: u32 = 24 * 3600;

/// Seconds of an `itunes:duration` value, or `None` when it is missing, malformed or implausible.
pub fn parse_duration(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let parts: Vec<&str> = text.split(':').collect();
    if parts.len() > 3 {
        return None;
    }
    let mut seconds: u64 = 0;
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        // Only the seconds may carry a fraction ("12:30.5"); it is dropped.
        let whole = if last {
            part.split_once('.').map_or(*part, |(w, frac)| {
                if frac.bytes().all(|b| b.is_ascii_digit()) {
                    w
                } else {
                    "x"
                }
            })
        } else {
            part
        };
        if whole.is_empty() || whole.len() > 9 || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let value: u64 = whole.parse().ok()?;
        // In "H:MM:SS" and "M:SS" the inner fields count minutes and seconds.
        if i > 0 && value >= 60 {
            return None;
        }
        seconds = seconds * 60 + value;
    }
    u32::try_from(seconds)
        .ok()
        .filter(|s| (1..=MAX_SECONDS).contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_seconds_minutes_and_hours() {
        assert_eq!(parse_duration("3600"), Some(3600));
        assert_eq!(parse_duration(" 2710.4 "), Some(2710));
        assert_eq!(parse_duration("45:10"), Some(2710));
        assert_eq!(parse_duration("75:00"), Some(4500));
        assert_eq!(parse_duration("1:02:03"), Some(3723));
        assert_eq!(parse_duration("01:02:03"), Some(3723));
    }

    #[test]
    fn odd_durations_are_no_duration() {
        for bad in [
            "",
            " ",
            "abc",
            "1:2:3:4",
            "-5",
            "12:60",
            "1:61:00",
            "0",
            "00:00",
            "::",
            "45 min",
            "1e3",
            "99999999999",
            "100:00:00",
            "3.5.5",
            "12:",
            ":30",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad:?}");
        }
    }
}
