//! Date arithmetic on the catalog's partial ISO dates.

use serde::{Deserialize, Serialize};

/// An ISO 8601 date with the precision the source gives (`2020`, `2020-07`, `2020-07-26`).
/// Kept as text so that "July 2020" never turns into an invented day; `validate` checks the form.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(transparent)]
pub struct IsoDate(pub String);

impl IsoDate {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A calendar day, e.g. today's date as the browser reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Year and month of a date (a bare year counts as its middle, June).
pub fn year_month(date: &IsoDate) -> Option<(u16, u8)> {
    let mut parts = date.as_str().split('-');
    let year = parts.next()?.parse().ok()?;
    let month = match parts.next() {
        Some(m) => m.parse().ok()?,
        None => 6,
    };
    Some((year, month))
}

/// Whole months from `date` to `today` (0 if `date` is in the future or unreadable).
pub fn months_since(date: &IsoDate, today: Day) -> u32 {
    let Some((y, m)) = year_month(date) else {
        return 0;
    };
    let then = u32::from(y) * 12 + u32::from(m);
    let now = u32::from(today.year) * 12 + u32::from(today.month);
    now.saturating_sub(then)
}

/// Calendar months from `from` to `to`, days ignored (0 when `to` is earlier or either is
/// unreadable).
pub fn months_between(from: &IsoDate, to: &IsoDate) -> u32 {
    match year_month(to) {
        Some((year, month)) => months_since(
            from,
            Day {
                year,
                month,
                day: 1,
            },
        ),
        None => 0,
    }
}

/// How long ago, in the largest sensible unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    ThisMonth,
    Months(u32),
    Years(u32),
    /// A date known only to its year: "in 2026", never a made-up number of months.
    InYear(u16),
}

pub fn age(date: &IsoDate, today: Day) -> Age {
    if let Some(year) = date
        .as_str()
        .parse()
        .ok()
        .filter(|_| date.as_str().len() == 4)
    {
        return Age::InYear(year);
    }
    match months_since(date, today) {
        0 => Age::ThisMonth,
        m @ 1..=17 => Age::Months(m),
        m => Age::Years((m + 6) / 12),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Day = Day {
        year: 2026,
        month: 11,
        day: 22,
    };

    #[test]
    fn ages_round_to_months_then_years() {
        assert_eq!(age(&IsoDate("2026-11-02".into()), TODAY), Age::ThisMonth);
        assert_eq!(age(&IsoDate("2026-06".into()), TODAY), Age::Months(5));
        assert_eq!(age(&IsoDate("2020-07-26".into()), TODAY), Age::Years(6));
        assert_eq!(age(&IsoDate("2024".into()), TODAY), Age::InYear(2024));
        assert_eq!(age(&IsoDate("2026".into()), TODAY), Age::InYear(2026));
    }

    #[test]
    fn future_or_broken_dates_do_not_underflow() {
        assert_eq!(months_since(&IsoDate("2030-01".into()), TODAY), 0);
        assert_eq!(months_since(&IsoDate("soon".into()), TODAY), 0);
    }
}
