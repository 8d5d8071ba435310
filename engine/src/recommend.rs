//! Recommendations that explain themselves.
//!
//! Each show gets a score from independent signals; every signal that fires adds a
//! [`Reason`] (or a [`Caution`]) so the visitor sees why a show was picked. The points are the
//! fields of [`WEIGHTS`]:
//!
//! | signal | points |
//! |---|---|
//! | level: the show is aimed at the verdict level | `level_fit` +30; one level away `level_near` +8; two levels away `level_gap` −30 (caution) |
//! | topics the visitor picked that the show covers | `picked_topic` +14 each, at most `counted_topics` (3) |
//! | the goal's topics (e.g. production → MLOps, ML system design), ticked or not | `goal_first` +10 for the first, `goal_further` +4 for each further, at most 3 in all |
//! | goal and level together: research goal + advanced show, career switch + beginner show | `goal_level` +6 |
//! | preferred format present | `format_fit` +12 (`news_fit` +16: news listeners want little else); absent `format_missing` −6 |
//! | the goal's topics, "lead a team" (leadership, strategy, the business of ML) | `lead_first` +24 for the first, `lead_further` +6 for each further, at most 3 in all; no such topic `lead_none` −20 |
//! | typical episode (midpoint of the show's range, or of its start-here episodes when the range is unknown) within the time per episode and per week | `length_fits` +12 when a per-episode limit was given, or `some_longer` +4 (caution) when the longest run more than a fifth over it; typical longer than either limit `long_episodes` −18 (caution) |
//! | regular updates (the seed article's criterion): active or revived | `active` +8; newest known episode over six months before the check `quiet` +2 (caution); ended `ended` −6 (caution); unknown `status_unknown` −2 |
//! | reach: no app links to the show directly, or its status is unknown | `unreachable` −20, [`REACH_PENALTY`] (caution saying why it is still shown) |
//! | expertise of hosts and guests: interview format | `interview` +3 |
//! | content depth: advanced listener and advanced show | `depth` +4 |
//! | accessibility: beginner listener and explainer format | `accessible` +4 |
//! | diversity: per already-picked show with the same main topic | `same_main_topic` −6 |
//! | taste: like a show the listener follows ([`crate::similar`]'s points without liveness) | half (`taste_divisor`) of the points above `taste_baseline` (15), counted from `taste_min` +4 up to `taste_max` +14, one picked topic's worth |
//!
//! Time limits hold before scores: a show that cannot fit the time given (its shortest
//! episode is longer than the limit, its typical one more than twice the limit, or one
//! episode is longer than the whole week's time) is only picked when too few others are
//! left, and always with its caution.
//!
//! Reach: a show a listener may not find (no direct link on any app, or nothing dated says
//! it still exists) loses [`REACH_PENALTY`], so it never ranks above a reachable live show
//! whose fit is within that many points; one that no app links to directly comes after every
//! show that an app does link to and that fits the time (a search by name is all the listener
//! would have). Neither gives start episodes or weeks of the plan while a reachable pick fits
//! the time, and each says why it is still shown.
//!
//! Format: when the visitor asks for a format, the top pick has it whenever a live,
//! reachable show with it fits the time and is at most one level away.
//!
//! Ended shows stay eligible (their archive can be excellent) but need other strengths to
//! beat live ones. Very long episodes are only penalised when the visitor gave a time limit.
//! Ties break by title, then id, so the same answers always give the same picks. Diversity:
//! picks are taken greedily, and a show loses points for each already-picked show that
//! shares its main topic, so the top five are not five takes on one subject.
//!
//! Time: a show whose typical episode fits but whose longest run more than a fifth over the
//! per-episode limit gets a caution instead of the fit reason ("episodes vary"). Status: a show
//! recorded as live whose newest known episode is more than six months older than its check
//! gets a caution instead of the "active" reason, and fewer points.
//!
//! Follows: shows the listener already follows are never picked (so never give start episodes
//! or plan weeks) and come back in [`Recommendation::already`]. Each other show is raised by
//! the followed show it is most like, with a [`Reason::Like`] first among its reasons; taste
//! only raises a show that fits the time, can be reached and is at most one level away, so it
//! bends no hard rule, and it weighs no more than one picked topic, so the answers still lead.
//!
//! Start episodes and the listening plan are in [`crate::plan`]; the shared types in
//! [`crate::picks`].

use crate::catalog::Catalog;
use crate::filter::Filters;
use crate::model::{Format, LengthRange, Level, Show, Status, TopicId};
pub use crate::picks::{
    goal_topics, reachable, Caution, EpisodePick, Likeness, Pick, PlanWeek, Reason, Recommendation,
};
use crate::picks::{linked, typical_minutes, usual_length};
use crate::plan::{plan, start_episodes};
use crate::quiz::{verdict, Answers, EpisodeTime, FormatPref, Goal, WeeklyTime};
use crate::set::Set;
use crate::similar::likeness;
use std::cmp::Reverse;

/// The points of every signal; see the module doc for when each applies.
pub struct Weights {
    /// The show is aimed at the listener's level.
    pub level_fit: i32,
    /// The show's nearest level is one away from the listener's.
    pub level_near: i32,
    /// The show's nearest level is two away (with a caution).
    pub level_gap: i32,
    /// Per topic the listener picked that the show covers.
    pub picked_topic: i32,
    /// Most topics counted, picked ones and the goal's alike.
    pub counted_topics: usize,
    /// The first of the goal's topics the show covers.
    pub goal_first: i32,
    /// Each further goal topic.
    pub goal_further: i32,
    /// The first "lead a team" topic: leading is a different job, so its topics weigh more.
    pub lead_first: i32,
    /// Each further "lead a team" topic.
    pub lead_further: i32,
    /// A "lead a team" listener and a show without any such topic.
    pub lead_none: i32,
    /// The goal's level: research and an advanced show, a career switch and a beginner one.
    pub goal_level: i32,
    /// The format asked for (but news).
    pub format_fit: i32,
    /// News asked for and given: news listeners want little else.
    pub news_fit: i32,
    /// A format was asked for and the show lacks it.
    pub format_missing: i32,
    /// The typical episode is longer than the time given (with a caution).
    pub long_episodes: i32,
    /// The typical episode fits, but the longest run more than a fifth over (with a caution).
    pub some_longer: i32,
    /// Episodes fit the per-episode limit.
    pub length_fits: i32,
    /// Live, with a recent episode.
    pub active: i32,
    /// Live, but silent for over [`crate::model::QUIET_MONTHS`] (with a caution).
    pub quiet: i32,
    /// Ended (with a caution).
    pub ended: i32,
    /// Status unknown (with a caution).
    pub status_unknown: i32,
    /// The listener may not reach the show: see [`reachable`].
    pub unreachable: i32,
    /// Interviews: the expertise of hosts and guests.
    pub interview: i32,
    /// An advanced listener and an advanced show.
    pub depth: i32,
    /// A beginner and explainers.
    pub accessible: i32,
    /// Per already-picked show with the same main topic.
    pub same_main_topic: i32,
    /// Likeness points to a followed show ([`crate::similar`], without liveness) that any two
    /// shows of one level and format reach: taste counts only what is above them.
    pub taste_baseline: i32,
    /// Likeness points above the baseline are divided by this to give taste points.
    pub taste_divisor: i32,
    /// Fewer taste points than this count for nothing: a faint likeness is no reason.
    pub taste_min: i32,
    /// Most taste points: one picked topic's worth, so follows never swamp the answers.
    pub taste_max: i32,
}

/// Every weight of the recommender.
pub const WEIGHTS: Weights = Weights {
    level_fit: 30,
    level_near: 8,
    level_gap: -30,
    picked_topic: 14,
    counted_topics: 3,
    goal_first: 10,
    goal_further: 4,
    lead_first: 24,
    lead_further: 6,
    lead_none: -20,
    goal_level: 6,
    format_fit: 12,
    news_fit: 16,
    format_missing: -6,
    long_episodes: -18,
    some_longer: 4,
    length_fits: 12,
    active: 8,
    quiet: 2,
    ended: -6,
    status_unknown: -2,
    unreachable: -20,
    interview: 3,
    depth: 4,
    accessible: 4,
    same_main_topic: -6,
    taste_baseline: 15,
    taste_divisor: 2,
    taste_min: 4,
    taste_max: 14,
};

// Follows must not swamp the answers: taste never outweighs one picked topic.
const _: () = assert!(WEIGHTS.taste_max <= WEIGHTS.picked_topic);

/// Points a show loses when a listener may not find it (see [`reachable`]): "similar fit" in
/// the rule that such a show never ranks above a reachable live one.
pub const REACH_PENALTY: i32 = -WEIGHTS.unreachable;

/// The catalog format a format answer asks for.
fn wanted_format(pref: FormatPref) -> Option<Format> {
    match pref {
        FormatPref::Interviews => Some(Format::Interview),
        FormatPref::Explainers => Some(Format::Explainer),
        FormatPref::News => Some(Format::News),
        FormatPref::Any => None,
    }
}

pub use crate::model::QUIET_MONTHS;

/// The Find filters that carry on from a quiz: the visitor's topics, and the verdict's level
/// together with the level of each pick nearest to it, so that a pick one level away (a
/// beginner-friendly show picked for an advanced listener) is not missing from the list.
pub fn browse_filters(catalog: &Catalog, answers: &Answers, rec: &Recommendation) -> Filters {
    let level = rec.verdict.level;
    let mut levels: Set<Level> = [level].into();
    for p in &rec.picks {
        let show = &catalog.shows[p.show];
        if let Some(nearest) = nearest_level(show, level) {
            levels.insert(nearest);
        }
    }
    Filters {
        levels,
        topics: answers.topics.clone(),
        ..Filters::default()
    }
}

/// The show's level closest to `level` (the first of two equally close).
fn nearest_level(show: &Show, level: Level) -> Option<Level> {
    show.levels
        .iter()
        .copied()
        .min_by_key(|&l| level_distance(l, level))
}

fn level_distance(a: Level, b: Level) -> u8 {
    (a as u8).abs_diff(b as u8)
}

fn score_show(show: &Show, answers: &Answers, level: Level) -> Pick {
    let w = &WEIGHTS;
    let mut score = 0i32;
    let mut reasons = Vec::new();
    let mut cautions = Vec::new();

    let nearest = nearest_level(show, level).map_or(2, |l| level_distance(l, level));
    match nearest {
        0 => {
            score += w.level_fit;
            reasons.push(Reason::LevelFit(level));
        }
        1 => {
            score += w.level_near;
            if let Some(&above) = show.levels.iter().find(|&&l| l > level) {
                reasons.push(Reason::StepUp(above));
            }
        }
        _ => {
            score += w.level_gap;
            if let Some(&l) = show.levels.first() {
                cautions.push(Caution::LevelGap(l));
            }
        }
    }

    let picked: Vec<TopicId> = show
        .topics
        .iter()
        .filter(|t| answers.topics.contains(*t))
        .cloned()
        .collect();
    if !picked.is_empty() {
        score += w.picked_topic * picked.len().min(w.counted_topics) as i32;
        reasons.push(Reason::PickedTopics(picked.clone()));
    }

    if let Some(goal) = answers.goal {
        let wanted = goal_topics(goal);
        let serving: Vec<&TopicId> = show
            .topics
            .iter()
            .filter(|t| wanted.contains(&t.as_str()))
            .collect();
        // Leading a team is a different job from building models: its topics weigh more,
        // and a show with none of them is a poor fit however good it is.
        let (first, further, none) = match goal {
            Goal::Lead => (w.lead_first, w.lead_further, w.lead_none),
            _ => (w.goal_first, w.goal_further, 0),
        };
        if serving.is_empty() {
            score += none;
        } else {
            // Scored on every goal topic, ticked or not (ticking one must not make the show
            // serve the goal less); the reason names only those not already named above.
            score += first + further * (serving.len().min(w.counted_topics) as i32 - 1);
            let unnamed: Vec<TopicId> = serving
                .into_iter()
                .filter(|t| !picked.contains(t))
                .cloned()
                .collect();
            if !unnamed.is_empty() {
                reasons.push(Reason::GoalTopics(goal, unnamed));
            }
        }
        let goal_level = match goal {
            Goal::Research => show.levels.contains(&Level::Advanced),
            Goal::SwitchCareer => show.levels.contains(&Level::Beginner),
            _ => false,
        };
        if goal_level {
            score += w.goal_level;
        }
    }

    if let Some(pref) = answers.format {
        if let Some(f) = wanted_format(pref) {
            if show.formats.contains(&f) {
                score += if f == Format::News {
                    w.news_fit
                } else {
                    w.format_fit
                };
                reasons.push(Reason::FormatFit(pref));
            } else {
                score += w.format_missing;
            }
        }
    }

    let mut too_long = false;
    if let Some(len) = usual_length(show) {
        let limit = time_limit(answers);
        if let Some(limit) = limit {
            if typical_minutes(len) > limit {
                score += w.long_episodes;
                cautions.push(Caution::LongEpisodes(len));
                too_long = cannot_fit(len, answers);
            } else if let Some((time, per_episode)) =
                answers.episode.and_then(|t| Some((t, t.limit()?)))
            {
                if u32::from(len.max) > per_episode + per_episode / 5 {
                    // Fits on average only: some episodes will not, and the pick says so.
                    score += w.some_longer;
                    cautions.push(Caution::SomeLonger(len));
                } else {
                    score += w.length_fits;
                    reasons.push(Reason::LengthFits(len, time));
                }
            }
        }
    }

    match show.status {
        Status::Active | Status::Revived => match show.quiet_since() {
            Some(last) => {
                score += w.quiet;
                cautions.push(Caution::Quiet(last.clone()));
            }
            None => {
                score += w.active;
                reasons.push(Reason::Active(show.cadence, show.last_episode.clone()));
            }
        },
        Status::Ended => {
            score += w.ended;
            cautions.push(Caution::Ended(show.last_episode.clone()));
        }
        Status::Unknown => {
            score += w.status_unknown;
            cautions.push(Caution::StatusUnknown);
        }
    }
    if !reachable(show) {
        score += w.unreachable;
        if !linked(show) {
            cautions.push(Caution::NoDirectLink);
        }
    }

    if show.formats.contains(&Format::Interview) {
        score += w.interview;
    }
    if level == Level::Advanced && show.levels.contains(&Level::Advanced) {
        score += w.depth;
        reasons.push(Reason::Depth);
    }
    if level == Level::Beginner && show.formats.contains(&Format::Explainer) {
        score += w.accessible;
        reasons.push(Reason::Accessible);
    }
    if reasons.len() < 2 {
        reasons.push(Reason::Covers(
            show.topics.iter().take(3).cloned().collect(),
        ));
    }
    Pick {
        show: 0,
        score,
        reasons,
        cautions,
        too_long,
    }
}

/// Raises a pick by the followed show it is most like (the first in catalog order among
/// equals), and names that show first among its reasons. A show that does not fit the time,
/// may not be reached or is two levels away gets nothing: taste never bends those rules.
fn add_taste(catalog: &Catalog, followed: &Set<usize>, pick: &mut Pick) {
    let show = &catalog.shows[pick.show];
    let gap = pick
        .cautions
        .iter()
        .any(|c| matches!(c, Caution::LevelGap(_)));
    if pick.too_long || gap || !reachable(show) {
        return;
    }
    let best = followed
        .iter()
        .filter_map(|&f| match likeness(catalog, &catalog.shows[f], show) {
            (points, Some(why)) => Some((points, Reverse(f), why)),
            _ => None,
        })
        .max_by_key(|(points, f, _)| (*points, *f));
    if let Some((points, Reverse(f), why)) = best {
        let points = (points - WEIGHTS.taste_baseline) / WEIGHTS.taste_divisor;
        if points >= WEIGHTS.taste_min {
            pick.score += points.min(WEIGHTS.taste_max);
            pick.reasons.insert(0, Reason::Like(f, why));
        }
    }
}

/// The longest episode the answers allow: the per-episode limit, and never more than the
/// week's whole listening time. `None` without a limit.
fn time_limit(answers: &Answers) -> Option<u32> {
    let per_episode = answers.episode.and_then(EpisodeTime::limit);
    let per_week = answers.weekly.map(WeeklyTime::minutes);
    match (per_episode, per_week) {
        (Some(e), Some(w)) => Some(e.min(w)),
        (e, w) => e.or(w),
    }
}

/// Far over the limit: even the shortest episode is longer, or the typical one is more than
/// twice the per-episode limit, or longer than the whole week's time.
fn cannot_fit(len: LengthRange, answers: &Answers) -> bool {
    let per_episode = answers.episode.and_then(EpisodeTime::limit);
    let per_week = answers.weekly.map(WeeklyTime::minutes);
    let typical = typical_minutes(len);
    per_episode.is_some_and(|e| u32::from(len.min) > e || typical > 2 * e)
        || per_week.is_some_and(|w| typical > w)
}

/// Scores every show and returns the top `n` with reasons, start-here episodes and a plan.
pub fn recommend(catalog: &Catalog, answers: &Answers, n: usize) -> Recommendation {
    recommend_following(catalog, answers, &[], n)
}

/// [`recommend`] for a listener who already follows these shows (indices into
/// `Catalog::shows`, in any order; duplicates and indices out of range are ignored): they are
/// never picked, even when that leaves fewer than `n`, and shows like them rise.
pub fn recommend_following(
    catalog: &Catalog,
    answers: &Answers,
    follows: &[usize],
    n: usize,
) -> Recommendation {
    let verdict = verdict(answers);
    let followed: Set<usize> = follows
        .iter()
        .copied()
        .filter(|&i| i < catalog.shows.len())
        .collect();
    let mut candidates: Vec<Pick> = catalog
        .shows
        .iter()
        .enumerate()
        .filter(|(i, _)| !followed.contains(i))
        .map(|(i, show)| {
            let mut pick = Pick {
                show: i,
                ..score_show(show, answers, verdict.level)
            };
            add_taste(catalog, &followed, &mut pick);
            pick
        })
        .collect();

    // The top pick has the format asked for whenever a live, reachable show with it fits the
    // time and is at most one level away: a news listener's first pick is news.
    let format_fits = |p: &Pick| {
        let show = &catalog.shows[p.show];
        answers
            .format
            .and_then(wanted_format)
            .is_some_and(|f| show.formats.contains(&f))
            && matches!(show.status, Status::Active | Status::Revived)
            && reachable(show)
            && !p.too_long
            && !p.cautions.iter().any(|c| matches!(c, Caution::LevelGap(_)))
    };
    let format_first = candidates.iter().any(format_fits);

    let mut picks: Vec<Pick> = Vec::new();
    while picks.len() < n && !candidates.is_empty() {
        let adjusted = |p: &Pick| {
            let main = catalog.shows[p.show].topics.first();
            let clashes = picks
                .iter()
                .filter(|q| catalog.shows[q.show].topics.first() == main)
                .count() as i32;
            p.score + WEIGHTS.same_main_topic * clashes
        };
        let eligible = |p: &Pick| !(picks.is_empty() && format_first) || format_fits(p);
        let Some(mut best) = candidates.iter().position(eligible) else {
            break;
        };
        for i in best + 1..candidates.len() {
            if !eligible(&candidates[i]) {
                continue;
            }
            let (a, b) = (&candidates[i], &candidates[best]);
            // Fitting the time comes first (`false < true`), then a direct link, then the score.
            let linked = |p: &Pick| !p.cautions.contains(&Caution::NoDirectLink);
            let (sa, sb) = (
                (!a.too_long, linked(a), adjusted(a)),
                (!b.too_long, linked(b), adjusted(b)),
            );
            let (ta, tb) = (&catalog.shows[a.show], &catalog.shows[b.show]);
            if sa > sb
                || (sa == sb
                    && (ta.title.as_str(), ta.id.as_str()) < (tb.title.as_str(), tb.id.as_str()))
            {
                best = i;
            }
        }
        let mut pick = candidates.swap_remove(best);
        pick.score = adjusted(&pick);
        picks.push(pick);
    }

    let episodes = start_episodes(catalog, answers, &picks);
    let (plan, per_week) = plan(catalog, answers, &picks, &episodes);
    Recommendation {
        verdict,
        picks,
        episodes,
        episodes_per_week: per_week,
        plan,
        already: followed.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// A reachable show: its Apple page is known.
    fn show(topics: &[&str]) -> Show {
        let links = Links {
            apple: Some("https://podcasts.apple.com/us/podcast/x/id1".into()),
            ..Links::default()
        };
        Show::fixture("X", topics, links)
    }

    /// A catalog of these shows, with ids a, b, c... in order.
    fn catalog_of(mut shows: Vec<Show>) -> Catalog {
        for (i, s) in shows.iter_mut().enumerate() {
            s.id = ShowId(char::from(b'a' + i as u8).to_string());
            s.title = s.id.0.to_uppercase();
        }
        let mut catalog = Catalog::embedded().expect("the embedded catalog decodes");
        catalog.shows = shows;
        catalog
    }

    fn ranked(catalog: &Catalog, answers: &Answers) -> Vec<String> {
        recommend(catalog, answers, catalog.shows.len())
            .picks
            .iter()
            .map(|p| catalog.shows[p.show].id.0.clone())
            .collect()
    }

    #[test]
    fn a_show_without_a_direct_link_ranks_below_a_linked_one_whose_fit_is_within_the_penalty() {
        let answers = Answers {
            topics: [TopicId::from("mlops")].into(),
            ..Answers::default()
        };
        // `a` has no link anywhere but covers the ticked topic (+14): within 20 points.
        let mut unlinked = show(&["mlops", "llms"]);
        unlinked.links = Links::default();
        let linked = show(&["llms", "mlops-tools"]);
        let catalog = catalog_of(vec![unlinked.clone(), linked.clone()]);
        assert_eq!(ranked(&catalog, &answers), ["b", "a"]);
        let rec = recommend(&catalog, &answers, 2);
        assert!(rec.picks[1].cautions.contains(&Caution::NoDirectLink));
        // Even a far better fit (three ticked topics, +42 against none) comes after a linked
        // show that fits the time, but before one that does not.
        let answers = Answers {
            topics: ["mlops", "data-engineering", "statistics"]
                .map(TopicId::from)
                .into(),
            episode: Some(EpisodeTime::Short),
            ..Answers::default()
        };
        let mut far_better = unlinked;
        far_better.topics = ["mlops", "data-engineering", "statistics"]
            .map(TopicId::from)
            .into();
        let long = Show {
            length: Some(len(60, 90)),
            ..linked.clone()
        };
        let catalog = catalog_of(vec![far_better, linked, long]);
        assert_eq!(ranked(&catalog, &answers), ["b", "a", "c"]);
    }

    #[test]
    fn among_linked_shows_unknown_status_only_costs_the_penalty() {
        // A show of unknown status whose fit is more than the penalty better still leads.
        let mut unknown = show(&["mlops", "data-engineering", "statistics"]);
        unknown.status = Status::Unknown;
        let answers = Answers {
            topics: ["mlops", "data-engineering", "statistics"]
                .map(TopicId::from)
                .into(),
            ..Answers::default()
        };
        let catalog = catalog_of(vec![unknown, show(&["ai"])]);
        assert_eq!(ranked(&catalog, &answers), ["a", "b"]);
        let rec = recommend(&catalog, &answers, 2);
        assert!(rec.picks[0].cautions.contains(&Caution::StatusUnknown));
    }

    #[test]
    fn a_show_of_unknown_status_ranks_below_a_live_linked_one_of_similar_fit() {
        let mut unknown = show(&["mlops"]);
        unknown.status = Status::Unknown;
        let answers = Answers {
            topics: [TopicId::from("mlops")].into(),
            ..Answers::default()
        };
        // Same topics, and the unknown show even comes first by title.
        let catalog = catalog_of(vec![unknown, show(&["mlops"])]);
        assert_eq!(ranked(&catalog, &answers), ["b", "a"]);
        assert!(!reachable(&catalog.shows[0]) && reachable(&catalog.shows[1]));
    }

    #[test]
    fn an_unreachable_pick_gives_no_start_episodes_and_no_plan_weeks_while_a_linked_one_fits() {
        let start = |title: &str| StartEpisode {
            title: title.into(),
            url: format!("https://example.org/{title}"),
            minutes: 30,
            why: "w".into(),
            evergreen: true,
        };
        let mut unlinked = show(&["mlops"]);
        unlinked.links = Links::default();
        unlinked.start_here = vec![start("u1"), start("u2")];
        let mut linked = show(&["mlops"]);
        linked.start_here = vec![start("l1"), start("l2")];
        let answers = Answers {
            weekly: Some(WeeklyTime::Eight),
            ..Answers::default()
        };
        let catalog = catalog_of(vec![unlinked, linked]);
        let rec = recommend(&catalog, &answers, 2);
        assert!(
            rec.episodes.iter().all(|e| e.show == Some(1)),
            "{:?}",
            rec.episodes
        );
        assert!(
            rec.plan
                .iter()
                .all(|w| w.shows.iter().all(|(s, _)| *s == 1)),
            "{:?}",
            rec.plan
        );
    }

    #[test]
    fn the_top_pick_has_the_format_asked_for_when_a_live_linked_show_with_it_fits() {
        let answers = Answers {
            format: Some(FormatPref::News),
            topics: ["mlops", "llms", "statistics"].map(TopicId::from).into(),
            ..Answers::default()
        };
        // `a` covers all three ticked topics (+42) but explains; `b` is news on none of them.
        let explainer = Show {
            formats: vec![Format::Explainer],
            ..show(&["mlops", "llms", "statistics"])
        };
        let news = Show {
            formats: vec![Format::News],
            ..show(&["ai"])
        };
        let catalog = catalog_of(vec![explainer.clone(), news.clone()]);
        assert_eq!(ranked(&catalog, &answers)[0], "b");
        // An ended news show, or one two levels away, does not take the first place.
        let ended = Show {
            status: Status::Ended,
            ..news.clone()
        };
        let catalog = catalog_of(vec![explainer.clone(), ended]);
        assert_eq!(ranked(&catalog, &answers)[0], "a");
        let far = Show {
            levels: vec![Level::Advanced],
            ..news
        };
        let beginner = Answers {
            background: Some(crate::quiz::Background::None),
            ..answers
        };
        let catalog = catalog_of(vec![explainer, far]);
        assert_eq!(ranked(&catalog, &beginner)[0], "a");
    }

    #[test]
    fn a_leadership_topic_the_visitor_also_ticked_still_counts_for_the_lead_goal() {
        let answers = Answers {
            goal: Some(Goal::Lead),
            topics: [TopicId::from("leadership")].into(),
            ..Answers::default()
        };
        let level = Level::Intermediate;
        let ticked = score_show(&show(&["leadership"]), &answers, level).score;
        let other = score_show(&show(&["startups"]), &answers, level).score;
        let technical = score_show(&show(&["deep-learning"]), &answers, level).score;
        assert!(ticked >= other, "{ticked} < {other}");
        assert!(ticked > technical && other > technical);
    }

    #[test]
    fn a_live_show_silent_for_over_six_months_gets_a_caution_not_the_active_reason() {
        let answers = Answers::default();
        let mut s = show(&["mlops"]);
        s.last_episode = Some(IsoDate("2026-05-27".into()));
        let recent = score_show(&s, &answers, Level::Intermediate);
        assert!(recent.reasons.contains(&Reason::Active(
            Cadence::Weekly,
            Some(IsoDate("2026-05-27".into()))
        )));
        assert!(recent.cautions.is_empty());
        s.last_episode = Some(IsoDate("2026-02-06".into()));
        let quiet = score_show(&s, &answers, Level::Intermediate);
        assert!(!quiet
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::Active(..))));
        assert_eq!(
            quiet.cautions,
            [Caution::Quiet(IsoDate("2026-02-06".into()))]
        );
        assert!(quiet.score < recent.score);
    }

    #[test]
    fn episodes_that_fit_only_on_average_get_a_caution_not_the_fit_reason() {
        let answers = Answers {
            episode: Some(EpisodeTime::Medium),
            ..Answers::default()
        };
        let mut s = show(&["mlops"]);
        s.length = Some(LengthRange { min: 9, max: 77 });
        let varied = score_show(&s, &answers, Level::Intermediate);
        assert!(!varied
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::LengthFits(..))));
        assert_eq!(
            varied.cautions,
            [Caution::SomeLonger(LengthRange { min: 9, max: 77 })]
        );
        s.length = Some(LengthRange { min: 40, max: 58 });
        let fits = score_show(&s, &answers, Level::Intermediate);
        assert!(fits
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::LengthFits(..))));
        assert!(fits.cautions.is_empty());
        s.length = Some(LengthRange { min: 36, max: 66 });
        let long = score_show(&s, &answers, Level::Intermediate);
        assert!(matches!(long.cautions[..], [Caution::LongEpisodes(_)]));
        assert!(long.score < varied.score && varied.score < fits.score);
        // No length asked for, only an hour a week: nothing to say about varied lengths.
        let weekly_only = Answers {
            episode: Some(EpisodeTime::Any),
            weekly: Some(WeeklyTime::One),
            ..Answers::default()
        };
        s.length = Some(LengthRange { min: 30, max: 90 });
        let any = score_show(&s, &weekly_only, Level::Intermediate);
        assert!(any.cautions.is_empty(), "{:?}", any.cautions);
    }

    fn len(min: u16, max: u16) -> LengthRange {
        LengthRange { min, max }
    }

    fn per_episode(time: EpisodeTime) -> Answers {
        Answers {
            episode: Some(time),
            ..Answers::default()
        }
    }

    fn per_week(time: WeeklyTime) -> Answers {
        Answers {
            weekly: Some(time),
            ..Answers::default()
        }
    }

    /// The per-episode answers' limits as the quiz words them: short "under 25 minutes",
    /// medium "up to about 50", long "up to about 90" (95 allowed for the "about").
    const EPISODE_LIMITS: [(EpisodeTime, u16); 3] = [
        (EpisodeTime::Short, 25),
        (EpisodeTime::Medium, 50),
        (EpisodeTime::Long, 95),
    ];

    #[test]
    fn an_episode_limit_rejects_a_show_whose_shortest_episode_is_over_it() {
        for (time, limit) in EPISODE_LIMITS {
            let answers = per_episode(time);
            assert!(
                !cannot_fit(len(limit, limit), &answers),
                "{time:?}: at the limit"
            );
            assert!(
                !cannot_fit(len(limit - 1, limit + 1), &answers),
                "{time:?}: around it"
            );
            assert!(
                cannot_fit(len(limit + 1, limit + 1), &answers),
                "{time:?}: one over"
            );
        }
    }

    #[test]
    fn an_episode_limit_rejects_a_typical_episode_over_twice_the_limit() {
        for (time, limit) in EPISODE_LIMITS {
            let answers = per_episode(time);
            // Shortest episode within the limit; the midpoint decides.
            let twice = 2 * limit;
            assert!(
                !cannot_fit(len(2, 2 * twice - 4), &answers),
                "{time:?}: typical {} fits",
                twice - 1
            );
            assert!(
                !cannot_fit(len(2, 2 * twice - 2), &answers),
                "{time:?}: typical exactly twice the limit fits"
            );
            assert!(
                cannot_fit(len(2, 2 * twice), &answers),
                "{time:?}: typical {} is over twice the limit",
                twice + 1
            );
        }
    }

    #[test]
    fn any_length_and_no_answer_never_rule_a_show_out() {
        for answers in [per_episode(EpisodeTime::Any), Answers::default()] {
            for range in [
                len(1, 1),
                len(95, 96),
                len(300, 600),
                len(u16::MAX, u16::MAX),
            ] {
                assert!(!cannot_fit(range, &answers), "{range:?} with {answers:?}");
            }
        }
    }

    #[test]
    fn the_weekly_time_rejects_a_typical_episode_longer_than_the_whole_week() {
        // "About an hour", "two hours", "four hours", "eight hours or more" a week.
        for (time, week) in [
            (WeeklyTime::One, 60),
            (WeeklyTime::Two, 120),
            (WeeklyTime::Four, 240),
            (WeeklyTime::Eight, 480),
        ] {
            let answers = per_week(time);
            assert!(
                !cannot_fit(len(week, week), &answers),
                "{time:?}: a week's worth"
            );
            assert!(
                !cannot_fit(len(week - 10, week + 10), &answers),
                "{time:?}: typical a week's worth"
            );
            assert!(
                cannot_fit(len(week - 10, week + 12), &answers),
                "{time:?}: typical a minute over the week"
            );
            // Only the typical episode counts against the week, not the longest one.
            assert!(!cannot_fit(len(10, week + 50), &answers), "{time:?}");
        }
    }

    #[test]
    fn either_limit_alone_rules_a_show_out_when_both_are_given() {
        // Fits "up to about 90 minutes" an episode, but not an hour a week.
        let long_and_an_hour = Answers {
            episode: Some(EpisodeTime::Long),
            weekly: Some(WeeklyTime::One),
            ..Answers::default()
        };
        assert!(!cannot_fit(len(60, 60), &long_and_an_hour));
        assert!(cannot_fit(len(61, 61), &long_and_an_hour));
        // Fits eight hours a week, but not "under 25 minutes" an episode.
        let short_and_eight = Answers {
            episode: Some(EpisodeTime::Short),
            weekly: Some(WeeklyTime::Eight),
            ..Answers::default()
        };
        assert!(!cannot_fit(len(25, 40), &short_and_eight));
        assert!(cannot_fit(len(26, 40), &short_and_eight));
        // Any length, but an hour a week.
        let any_and_an_hour = Answers {
            episode: Some(EpisodeTime::Any),
            weekly: Some(WeeklyTime::One),
            ..Answers::default()
        };
        assert!(!cannot_fit(len(50, 70), &any_and_an_hour));
        assert!(cannot_fit(len(50, 72), &any_and_an_hour));
    }

    #[test]
    fn six_calendar_months_of_silence_is_still_active_and_seven_is_quiet() {
        let mut s = show(&["mlops"]);
        s.last_episode = Some(IsoDate("2026-05-02".into()));
        let six = score_show(&s, &Answers::default(), Level::Intermediate);
        assert!(six.cautions.is_empty());
        s.last_episode = Some(IsoDate("2026-04-30".into()));
        let seven = score_show(&s, &Answers::default(), Level::Intermediate);
        assert!(matches!(seven.cautions[..], [Caution::Quiet(_)]));
    }

    /// Many answer sets, the same every run.
    fn answer_sets(count: usize) -> Vec<Answers> {
        use crate::quiz::{Background, Comfort, QUIZ_TOPICS};
        let mut rng = crate::testing::Lcg(7);
        let mut next = move |m: usize| rng.below(m);
        let mut pick = |all: &[u8]| all.get(next(all.len() + 1)).copied();
        (0..count)
            .map(|_| Answers {
                background: pick(&[0, 1, 2, 3]).map(|i| Background::ALL[usize::from(i)]),
                math: pick(&[0, 1, 2]).map(|i| Comfort::ALL[usize::from(i)]),
                coding: pick(&[0, 1, 2]).map(|i| Comfort::ALL[usize::from(i)]),
                goal: pick(&[0, 1, 2, 3, 4]).map(|i| Goal::ALL[usize::from(i)]),
                episode: pick(&[0, 1, 2, 3]).map(|i| EpisodeTime::ALL[usize::from(i)]),
                weekly: pick(&[0, 1, 2, 3]).map(|i| WeeklyTime::ALL[usize::from(i)]),
                format: pick(&[0, 1, 2, 3]).map(|i| FormatPref::ALL[usize::from(i)]),
                topics: QUIZ_TOPICS
                    .iter()
                    .filter(|_| pick(&[0]).is_some())
                    .map(|t| TopicId::from(*t))
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn following_nothing_gives_exactly_what_recommend_gives_for_many_answer_sets() {
        let catalog = Catalog::embedded().expect("the embedded catalog decodes");
        for (i, answers) in answer_sets(400).iter().enumerate() {
            let n = [1, 5, catalog.shows.len()][i % 3];
            let rec = recommend(&catalog, answers, n);
            assert_eq!(
                rec,
                recommend_following(&catalog, answers, &[], n),
                "{answers:?}"
            );
            assert!(rec.already.is_empty());
            assert!(!rec
                .picks
                .iter()
                .flat_map(|p| &p.reasons)
                .any(|r| matches!(r, Reason::Like(..))));
        }
    }

    #[test]
    fn unsorted_duplicate_and_unknown_follows_count_once_each_in_catalog_order() {
        let catalog = Catalog::embedded().expect("the embedded catalog decodes");
        let answers = Answers::default();
        let messy = recommend_following(&catalog, &answers, &[8, 2, 8, 999, usize::MAX], 5);
        assert_eq!(messy, recommend_following(&catalog, &answers, &[2, 8], 5));
        assert_eq!(messy.already, [2, 8]);
    }

    #[test]
    fn taste_adds_at_most_a_picked_topic_named_first_and_never_to_a_show_a_hard_rule_holds_back() {
        let topics = ["llms", "agent-engineering", "ai-infrastructure", "mlops"];
        let unlinked = Show {
            links: Links::default(),
            ..show(&topics)
        };
        let two_levels_up = Show {
            levels: vec![Level::Advanced],
            ..show(&topics)
        };
        let too_long = Show {
            length: Some(len(60, 90)),
            ..show(&topics)
        };
        let catalog = catalog_of(vec![
            show(&topics),
            show(&topics),
            unlinked,
            two_levels_up,
            too_long,
        ]);
        let answers = per_episode(EpisodeTime::Short);
        let followed = Set::from([0]);
        for (i, s) in catalog.shows.iter().enumerate().skip(1) {
            let plain = Pick {
                show: i,
                ..score_show(s, &answers, Level::Beginner)
            };
            let mut liked = plain.clone();
            add_taste(&catalog, &followed, &mut liked);
            if i > 1 {
                assert_eq!(liked, plain, "{}", s.id);
                continue;
            }
            let taste = liked.score - plain.score;
            assert!(
                (WEIGHTS.taste_min..=WEIGHTS.taste_max).contains(&taste),
                "{taste}"
            );
            let shared = Likeness::Topics(topics[..3].iter().map(|t| TopicId::from(*t)).collect());
            assert_eq!(liked.reasons[0], Reason::Like(0, shared));
            assert_eq!(liked.reasons[1..], plain.reasons);
        }
    }
}
