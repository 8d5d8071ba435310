//! Recommendations that explain themselves.
//!
//! Each show gets a score from independent signals; every signal that fires adds a
//! [`Reason`] (or a [`Caution`]) so the visitor sees why a show was picked. The signals:
//!
//! | signal | points |
//! |---|---|
//! | level: the show is aimed at the verdict level | +30; one level away +8; two levels away −30 (caution) |
//! | topics the visitor picked that the show covers | +14 each, at most 3 |
//! | the goal's topics (e.g. production → MLOps, ML system design), ticked or not | +10 for the first, +4 for each further, at most 2 |
//! | goal and level together: research goal + advanced show, career switch + beginner show | +6 |
//! | preferred format present | +12 (news +16: news listeners want little else); absent −6 |
//! | the goal's topics, "lead a team" (leadership, strategy, the business of ML) | +24 for the first, +6 for each further, at most 3; no such topic −20 |
//! | typical episode (midpoint of the show's range, or of its start-here episodes when the range is unknown) within the time per episode and per week | +12 when a per-episode limit was given, or +4 (caution) when the longest run more than a fifth over it; typical longer than either limit −18 (caution) |
//! | regular updates (the seed article's criterion): active or revived | +8; newest known episode over six months before the check +2 (caution); ended −6 (caution); unknown −2 |
//! | reach: no app links to the show directly, or its status is unknown | −20 (caution saying why it is still shown) |
//! | expertise of hosts and guests: interview format | +3 |
//! | content depth: advanced listener and advanced show | +4 |
//! | accessibility: beginner listener and explainer format | +4 |
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
//! picks are taken greedily, and a show loses 6 points for each already-picked show that
//! shares its main topic, so the top five are not five takes on one subject.
//!
//! Time: a show whose typical episode fits but whose longest run more than a fifth over the
//! per-episode limit gets a caution instead of the fit reason ("episodes vary"). Status: a show
//! recorded as live whose newest known episode is more than six months older than its check
//! gets a caution instead of the "active" reason, and fewer points.
//!
//! Start episodes and the listening plan are in [`crate::plan`].

use crate::catalog::Catalog;
use crate::filter::Filters;
use crate::listen::{listen_links, LinkKind};
use crate::model::{Cadence, Format, IsoDate, LengthRange, Level, Show, Status, TopicId};
use crate::plan::{plan, start_episodes};
use crate::quiz::{verdict, Answers, EpisodeTime, FormatPref, Goal, Verdict, WeeklyTime};
use std::collections::BTreeSet;

/// Why a show was picked, as data: the UI turns each into a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Aimed at the listener's level.
    LevelFit(Level),
    /// A step up from the listener's level: room to grow.
    StepUp(Level),
    /// Covers topics the listener picked.
    PickedTopics(Vec<TopicId>),
    /// Covers topics that serve the listener's goal.
    GoalTopics(Goal, Vec<TopicId>),
    /// The preferred format.
    FormatFit(FormatPref),
    /// Episodes fit the time given.
    LengthFits(LengthRange, EpisodeTime),
    /// Still publishing, with its cadence and the newest episode on record.
    Active(Cadence, Option<IsoDate>),
    /// Explainers for a beginner.
    Accessible,
    /// Research-level depth for an advanced listener.
    Depth,
    /// Fallback fact: the topics it covers.
    Covers(Vec<TopicId>),
}

/// A warning that comes with a pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caution {
    /// Ended; the last episode date if known.
    Ended(Option<IsoDate>),
    /// Episodes are longer than the time given.
    LongEpisodes(LengthRange),
    /// Aimed at listeners further along (or newer) than the visitor.
    LevelGap(Level),
    /// Whether it still publishes could not be confirmed.
    StatusUnknown,
    /// The typical episode fits the time given, but the longest run well over it.
    SomeLonger(LengthRange),
    /// Recorded as live, but the newest episode on record is this old (see [`QUIET_MONTHS`]).
    Quiet(IsoDate),
    /// No app links to the show directly: the listener has to search for it by name. Shown
    /// because it fits the answers well despite [`REACH_PENALTY`].
    NoDirectLink,
}

/// Points a show loses when a listener may not find it (see [`reachable`]): "similar fit" in
/// the rule that such a show never ranks above a reachable live one.
pub const REACH_PENALTY: i32 = 20;

/// A listener can reach the show: some app links to it directly (not a search), and its
/// status is known.
pub fn reachable(show: &Show) -> bool {
    show.status != Status::Unknown
        && listen_links(show)
            .iter()
            .any(|l| l.kind == LinkKind::Direct)
}

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

/// One recommended show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    /// Index into `Catalog::shows`.
    pub show: usize,
    pub score: i32,
    pub reasons: Vec<Reason>,
    pub cautions: Vec<Caution>,
    /// Cannot fit the time given: picked only when too few others are left.
    pub too_long: bool,
}

/// A concrete episode to start with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpisodePick {
    pub title: String,
    pub url: String,
    pub minutes: Option<u32>,
    /// The show it belongs to (index into `Catalog::shows`), if in the catalog.
    pub show: Option<usize>,
    /// Topics of the visitor's it covers (DataTalks.Club episodes).
    pub topics: Vec<TopicId>,
    /// Longer than the time given: suggested only because too few episodes fit.
    pub longer_than_asked: bool,
}

/// One week of the listening plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanWeek {
    pub week: u8,
    /// (show index, number of episodes) of new episodes; empty in week 1 when it plays the
    /// start-here episodes.
    pub shows: Vec<(usize, u32)>,
    pub start_here: Vec<usize>,
}

/// The whole answer to a quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    pub verdict: Verdict,
    pub picks: Vec<Pick>,
    pub episodes: Vec<EpisodePick>,
    pub episodes_per_week: u32,
    pub plan: Vec<PlanWeek>,
}

/// Topics that serve a goal (ids missing from the graph simply never match).
pub fn goal_topics(goal: Goal) -> &'static [&'static str] {
    match goal {
        Goal::SwitchCareer => &[
            "career-growth",
            "career-transitions-in-data",
            "job-search",
            "data-science-careers",
            "data-scientist-role",
        ],
        Goal::Fundamentals => &[
            "machine-learning",
            "deep-learning",
            "data-science",
            "statistics",
        ],
        Goal::Research => &[
            "applied-research",
            "deep-learning",
            "ai",
            "reinforcement-learning",
            "llms",
        ],
        Goal::Production => &[
            "mlops",
            "machine-learning-system-design",
            "llm-production-patterns",
            "llmops",
            "model-monitoring",
            "ml-platforms",
            "machine-learning-infrastructure",
            "data-engineering",
            // Building LLM applications that run in production is today's MLOps.
            "ai-engineering",
            "ai-infrastructure",
        ],
        Goal::Lead => &[
            "leadership",
            "data-strategy",
            "data-teams",
            "data-team-lead-role",
            "chief-data-officer-role",
            "machine-learning-for-business",
            "data-science-for-managers",
            "business-skills-for-data-professionals",
            "data-trust-and-strategy",
            "startups",
            "entrepreneurship",
        ],
    }
}

/// The Find filters that carry on from a quiz: the visitor's topics, and the verdict's level
/// together with the level of each pick nearest to it, so that a pick one level away (a
/// beginner-friendly show picked for an advanced listener) is not missing from the list.
pub fn browse_filters(catalog: &Catalog, answers: &Answers, rec: &Recommendation) -> Filters {
    let level = rec.verdict.level;
    let mut levels: BTreeSet<Level> = [level].into();
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
    let mut score = 0i32;
    let mut reasons = Vec::new();
    let mut cautions = Vec::new();

    let nearest = nearest_level(show, level).map_or(2, |l| level_distance(l, level));
    match nearest {
        0 => {
            score += 30;
            reasons.push(Reason::LevelFit(level));
        }
        1 => {
            score += 8;
            if let Some(&above) = show.levels.iter().find(|&&l| l > level) {
                reasons.push(Reason::StepUp(above));
            }
        }
        _ => {
            score -= 30;
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
        score += 14 * picked.len().min(3) as i32;
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
            Goal::Lead => (24, 6, -20),
            _ => (10, 4, 0),
        };
        if serving.is_empty() {
            score += none;
        } else {
            // Scored on every goal topic, ticked or not (ticking one must not make the show
            // serve the goal less); the reason names only those not already named above.
            score += first + further * (serving.len().min(3) as i32 - 1);
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
            score += 6;
        }
    }

    if let Some(pref) = answers.format {
        if let Some(f) = wanted_format(pref) {
            if show.formats.contains(&f) {
                score += if f == Format::News { 16 } else { 12 };
                reasons.push(Reason::FormatFit(pref));
            } else {
                score -= 6;
            }
        }
    }

    let mut too_long = false;
    if let Some(len) = usual_length(show) {
        let limit = time_limit(answers);
        if let Some(limit) = limit {
            if typical_minutes(len) > limit {
                score -= 18;
                cautions.push(Caution::LongEpisodes(len));
                too_long = cannot_fit(len, answers);
            } else if let Some((time, per_episode)) =
                answers.episode.and_then(|t| Some((t, t.limit()?)))
            {
                if u32::from(len.max) > per_episode + per_episode / 5 {
                    // Fits on average only: some episodes will not, and the pick says so.
                    score += 4;
                    cautions.push(Caution::SomeLonger(len));
                } else {
                    score += 12;
                    reasons.push(Reason::LengthFits(len, time));
                }
            }
        }
    }

    match show.status {
        Status::Active | Status::Revived => match show.quiet_since() {
            Some(last) => {
                score += 2;
                cautions.push(Caution::Quiet(last.clone()));
            }
            None => {
                score += 8;
                reasons.push(Reason::Active(show.cadence, show.last_episode.clone()));
            }
        },
        Status::Ended => {
            score -= 6;
            cautions.push(Caution::Ended(show.last_episode.clone()));
        }
        Status::Unknown => {
            score -= 2;
            cautions.push(Caution::StatusUnknown);
        }
    }
    if !reachable(show) {
        score -= REACH_PENALTY;
        if !listen_links(show)
            .iter()
            .any(|l| l.kind == LinkKind::Direct)
        {
            cautions.push(Caution::NoDirectLink);
        }
    }

    if show.formats.contains(&Format::Interview) {
        score += 3;
    }
    if level == Level::Advanced && show.levels.contains(&Level::Advanced) {
        score += 4;
        reasons.push(Reason::Depth);
    }
    if level == Level::Beginner && show.formats.contains(&Format::Explainer) {
        score += 4;
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

/// A show's usual episode length; when no source gives it, the range of its start-here
/// episodes stands in, so an unknown length never passes a time limit unchecked.
pub(crate) fn usual_length(show: &Show) -> Option<LengthRange> {
    show.length.or_else(|| {
        let minutes = show.start_here.iter().map(|e| e.minutes);
        Some(LengthRange {
            min: minutes.clone().min()?,
            max: minutes.max()?,
        })
    })
}

/// The midpoint of a show's usual range: what a listener should expect.
pub(crate) fn typical_minutes(len: LengthRange) -> u32 {
    (u32::from(len.min) + u32::from(len.max)) / 2
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

/// Diversity penalty per already-picked show sharing the main topic.
const SAME_TOPIC_PENALTY: i32 = 6;

/// Scores every show and returns the top `n` with reasons, start-here episodes and a plan.
pub fn recommend(catalog: &Catalog, answers: &Answers, n: usize) -> Recommendation {
    let verdict = verdict(answers);
    let mut candidates: Vec<Pick> = catalog
        .shows
        .iter()
        .enumerate()
        .map(|(i, show)| Pick {
            show: i,
            ..score_show(show, answers, verdict.level)
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
            p.score - SAME_TOPIC_PENALTY * clashes
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
}
