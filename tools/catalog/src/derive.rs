//! The facts a feed can tell about a show: last episode, cadence, status and typical length.
//!
//! The rules follow the podcast directories that refresh from feeds every day:
//! - cadence from the median gap between the last 12 episodes since any silence of a year or
//!   more (a revived show's cadence is its new one);
//! - inactive once the days since the last episode exceed three times that median gap, and
//!   at least 60 days (a weekly show is not over after a two-week break). podpath has no
//!   "inactive" status, so an inactive show is `ended`; a show silent for over a year is
//!   always `ended`, as the catalog's validator requires;
//! - `revived` when a gap of a year or more ended within the last year;
//! - length as the 10th to 90th percentile of the last 20 durations, so one special
//!   episode does not stretch the range.

use chrono::NaiveDate;
use podpath_engine::{Cadence, LengthRange, Status};

/// What the feed says about one episode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpisodeFacts {
    pub published: Option<NaiveDate>,
    pub seconds: Option<u32>,
}

/// The derived facts of one show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    pub last_episode: NaiveDate,
    pub cadence: Cadence,
    pub status: Status,
    pub length: Option<LengthRange>,
    /// Dated episodes the facts rest on (for the report).
    pub episodes: usize,
}

const CADENCE_EPISODES: usize = 12;
const LENGTH_EPISODES: usize = 20;
const MIN_INACTIVE_DAYS: i64 = 60;
const YEAR_DAYS: i64 = 365;

/// Derives the facts as of `today`; `None` when no episode carries a readable date (episodes
/// dated after `today` are scheduled, not published, and are left out).
pub fn derive(episodes: &[EpisodeFacts], today: NaiveDate) -> Option<Derived> {
    let mut dated: Vec<(NaiveDate, Option<u32>)> = episodes
        .iter()
        .filter_map(|e| e.published.map(|d| (d, e.seconds)))
        .filter(|(d, _)| *d <= today)
        .collect();
    dated.sort_by_key(|(day, _)| std::cmp::Reverse(*day));
    let (last, _) = *dated.first()?;
    let days: Vec<NaiveDate> = dated.iter().map(|(d, _)| *d).collect();
    // The episodes since the last silence of a year or more: a revived show's cadence is its
    // new one, not one stretched by the years off air.
    let since_revival = days
        .windows(2)
        .position(|w| (w[0] - w[1]).num_days() >= YEAR_DAYS)
        .map_or(days.len(), |i| i + 1);
    let recent = &days[..since_revival.min(CADENCE_EPISODES)];
    let median = median_gap(recent);
    let silent = (today - last).num_days();
    let inactive = silent > YEAR_DAYS
        || match median {
            Some(gap) => silent as f64 > 3.0 * gap && silent >= MIN_INACTIVE_DAYS,
            None => silent >= MIN_INACTIVE_DAYS,
        };
    let revived = days
        .windows(2)
        .any(|w| (w[0] - w[1]).num_days() >= YEAR_DAYS && (today - w[0]).num_days() <= YEAR_DAYS);
    let status = if inactive {
        Status::Ended
    } else if revived {
        Status::Revived
    } else {
        Status::Active
    };
    let durations: Vec<u32> = dated
        .iter()
        .take(LENGTH_EPISODES)
        .filter_map(|(_, s)| *s)
        .collect();
    Some(Derived {
        last_episode: last,
        cadence: median.map_or(Cadence::Irregular, cadence_of),
        status,
        length: length_of(durations),
        episodes: days.len(),
    })
}

/// The median gap in days between consecutive dates (newest first); `None` below 3 episodes.
fn median_gap(days: &[NaiveDate]) -> Option<f64> {
    if days.len() < 3 {
        return None;
    }
    let mut gaps: Vec<i64> = days.windows(2).map(|w| (w[0] - w[1]).num_days()).collect();
    gaps.sort_unstable();
    let mid = gaps.len() / 2;
    Some(if gaps.len() % 2 == 1 {
        gaps[mid] as f64
    } else {
        (gaps[mid - 1] + gaps[mid]) as f64 / 2.0
    })
}

fn cadence_of(median_days: f64) -> Cadence {
    match median_days {
        d if d <= 2.0 => Cadence::Daily,
        d if d <= 10.0 => Cadence::Weekly,
        d if d <= 21.0 => Cadence::Biweekly,
        d if d <= 45.0 => Cadence::Monthly,
        _ => Cadence::Irregular,
    }
}

/// 10th to 90th percentile (nearest rank) in whole minutes; `None` below 3 durations.
fn length_of(mut seconds: Vec<u32>) -> Option<LengthRange> {
    if seconds.len() < 3 {
        return None;
    }
    seconds.sort_unstable();
    let rank = |p: usize| {
        let i = (p * seconds.len()).div_ceil(100).saturating_sub(1);
        seconds[i.min(seconds.len() - 1)]
    };
    let minutes = |s: u32| {
        u16::try_from((s + 30) / 60)
            .unwrap_or(u16::MAX)
            .clamp(1, 600)
    };
    Some(LengthRange {
        min: minutes(rank(10)),
        max: minutes(rank(90)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    /// `n` episodes every `gap` days, the newest on `newest`, each `minutes` long.
    fn every(newest: &str, gap: i64, n: usize, minutes: u32) -> Vec<EpisodeFacts> {
        (0..n)
            .map(|i| EpisodeFacts {
                published: Some(d(newest) - chrono::Duration::days(gap * i as i64)),
                seconds: Some(minutes * 60),
            })
            .collect()
    }

    #[test]
    fn a_weekly_show_that_published_last_week_is_active_and_weekly() {
        let got = derive(&every("2026-11-20", 7, 30, 45), d("2026-11-27"));
        let got = got.as_ref();
        assert_eq!(got.map(|g| g.status), Some(Status::Active));
        assert_eq!(got.map(|g| g.cadence), Some(Cadence::Weekly));
        assert_eq!(got.map(|g| g.last_episode), Some(d("2026-11-20")));
        assert_eq!(
            got.and_then(|g| g.length),
            Some(LengthRange { min: 45, max: 45 })
        );
    }

    #[test]
    fn a_weekly_show_silent_for_two_months_is_inactive_but_not_after_six_weeks() {
        let ended = derive(&every("2026-09-20", 7, 30, 45), d("2026-11-27"));
        assert_eq!(ended.map(|g| g.status), Some(Status::Ended));
        // 42 days > 3 x 7, but under the 60-day floor.
        let paused = derive(&every("2026-10-16", 7, 30, 45), d("2026-11-27"));
        assert_eq!(paused.map(|g| g.status), Some(Status::Active));
    }

    #[test]
    fn a_monthly_show_two_months_quiet_is_still_active() {
        let got = derive(&every("2026-09-25", 30, 12, 60), d("2026-11-27"));
        assert_eq!(got.as_ref().map(|g| g.status), Some(Status::Active));
        assert_eq!(got.map(|g| g.cadence), Some(Cadence::Monthly));
    }

    #[test]
    fn a_show_back_after_a_year_of_silence_is_revived() {
        let mut eps = every("2026-11-01", 14, 4, 30);
        eps.extend(every("2024-06-01", 7, 40, 30));
        let got = derive(&eps, d("2026-11-27"));
        assert_eq!(got.as_ref().map(|g| g.status), Some(Status::Revived));
        // Its cadence since it came back, not the weekly one of 2024.
        assert_eq!(got.map(|g| g.cadence), Some(Cadence::Biweekly));
    }

    #[test]
    fn two_episodes_after_years_off_air_are_judged_on_their_own() {
        let mut eps = every("2026-11-20", 10, 2, 30);
        eps.extend(every("2021-03-01", 7, 30, 30));
        let got = derive(&eps, d("2026-11-27"));
        // Too few for a median since the return: irregular, and live while under 60 days old.
        assert_eq!(got.as_ref().map(|g| g.cadence), Some(Cadence::Irregular));
        assert_eq!(got.map(|g| g.status), Some(Status::Revived));
    }

    #[test]
    fn an_irregular_show_silent_for_over_a_year_is_ended() {
        let got = derive(&every("2025-10-01", 200, 5, 30), d("2026-11-27"));
        assert_eq!(got.map(|g| g.status), Some(Status::Ended));
    }

    #[test]
    fn length_ignores_the_odd_long_special() {
        let mut eps = every("2026-11-20", 7, 19, 40);
        eps[3].seconds = Some(3 * 3600);
        eps[5].seconds = Some(50 * 60);
        eps[7].seconds = None;
        let got = derive(&eps, d("2026-11-27")).and_then(|g| g.length);
        assert_eq!(got, Some(LengthRange { min: 40, max: 50 }));
    }

    #[test]
    fn scheduled_and_undated_episodes_are_left_out() {
        let mut eps = every("2026-11-20", 7, 5, 40);
        eps.push(EpisodeFacts {
            published: Some(d("2026-12-25")),
            seconds: None,
        });
        eps.push(EpisodeFacts {
            published: None,
            seconds: Some(60),
        });
        let got = derive(&eps, d("2026-11-27"));
        assert_eq!(got.as_ref().map(|g| g.last_episode), Some(d("2026-11-20")));
        assert_eq!(got.map(|g| g.episodes), Some(5));
        assert_eq!(derive(&[], d("2026-11-27")), None);
    }

    #[test]
    fn cadence_bands() {
        assert_eq!(cadence_of(1.0), Cadence::Daily);
        assert_eq!(cadence_of(7.0), Cadence::Weekly);
        assert_eq!(cadence_of(14.0), Cadence::Biweekly);
        assert_eq!(cadence_of(30.5), Cadence::Monthly);
        assert_eq!(cadence_of(90.0), Cadence::Irregular);
    }
}
