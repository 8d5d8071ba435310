//! What to play: the start episodes drawn from a quiz's picks, and a four-week listening plan
//! that keeps to the time the visitor gave.
//!
//! Start episodes come from the picks, in pick order: each pick's best episode that fits the
//! time per episode, then each pick's second, up to five. A pick's "best" is the episode that
//! speaks to the visitor's goal and topics (its title or our one-line why names them, e.g.
//! "production", "career", "MLOps"), evergreen ones first for the fundamentals and career
//! goals, then the curated order. For those two goals, a later pick's episode that is neither
//! evergreen nor on the goal or topics (news of its day, a niche case study) only fills in
//! when fewer than three others fit. The DataTalks.Club pick adds its episodes on the
//! visitor's topics. When the top pick has start episodes but none that fits, its shortest
//! leads, marked as longer than asked, so the first episode belongs to the first pick whenever
//! that show has any.
//!
//! The plan: week 1 plays the first start episodes that fit the week's time together (at
//! least one; without any, new episodes like the weeks after); weeks 2–4 take new episodes of
//! the top three picks that fit the time given, in turn, each counted at its show's typical
//! length, as many as the week's time holds.

use crate::catalog::Catalog;
use crate::model::{Episode, Show, StartEpisode, TopicId};
use crate::picks::{
    goal_topics, reachable, typical_minutes, usual_length, EpisodePick, Pick, PlanWeek,
};
use crate::quiz::{Answers, EpisodeTime, Goal, WeeklyTime};
use crate::set::Set;
use crate::sorting;
use crate::text;
use std::cmp::Reverse;

/// How many episodes to suggest at most, and at least when the data allows.
const MAX_EPISODES: usize = 5;
const MIN_EPISODES: usize = 3;

/// Words that mark an episode as serving a goal. Each matches a whole word of the episode's
/// title or why, or that word with an "s" ("leader" matches "leaders", not "leading"); a
/// phrase matches consecutive words. Listed as forms, not stems: "lead" would match "a leading
/// statistician", "interview" the interview format.
fn goal_words(goal: Goal) -> &'static [&'static str] {
    match goal {
        Goal::SwitchCareer => &[
            "career",
            "job search",
            "job hunt",
            "job market",
            "first job",
            "new job",
            "job interview",
            "hired",
            "getting hired",
            "hiring",
            "career transition",
            "switching careers",
            "portfolio",
            "getting started",
            "break into",
            "resume",
            "becoming",
            "beginner",
            "newcomer",
        ],
        Goal::Fundamentals => &[
            "introduction",
            "basics",
            "fundamental",
            "explained",
            "primer",
            "from scratch",
            "what is",
            "bias",
            "variance",
            "overfitting",
            "probability",
            "statistics",
            "regression",
            "neural network",
            "newcomer",
            "beginner",
        ],
        Goal::Research => &[
            "research",
            "researcher",
            "paper",
            "theory",
            "frontier",
            "phd",
            "academia",
            "academic",
            "alignment",
            "interpretability",
        ],
        Goal::Production => &[
            "production",
            "mlops",
            "llmops",
            "deploy",
            "deploying",
            "deployment",
            "serving",
            "infrastructure",
            "monitoring",
            "observability",
            "platform",
            "pipeline",
            "technical debt",
            "system design",
            "reliability",
            "ml engineering",
            "machine learning engineering",
            "data engineering",
            "ai engineering",
        ],
        Goal::Lead => &[
            "leader",
            "leadership",
            "team lead",
            "leading a team",
            "leading teams",
            "manager",
            "management",
            "managing",
            "team",
            "business",
            "strategy",
            "hiring",
            "organization",
            "organisation",
            "executive",
            "stakeholder",
            "culture",
            "decision making",
            "chief",
        ],
    }
}

/// The phrases, as folded words, that make an episode relevant to these answers: the goal's
/// words, and the titles of the visitor's topics and of the goal's topics.
fn wanted_phrases(catalog: &Catalog, answers: &Answers) -> Vec<Vec<String>> {
    let mut phrases: Vec<String> = Vec::new();
    if let Some(goal) = answers.goal {
        phrases.extend(goal_words(goal).iter().map(|w| (*w).to_owned()));
        phrases.extend(
            goal_topics(goal)
                .iter()
                .filter_map(|t| catalog.topic(t))
                .map(|t| t.title.clone()),
        );
    }
    phrases.extend(
        answers
            .topics
            .iter()
            .filter_map(|t| catalog.topic(t.as_str()))
            .map(|t| t.title.clone()),
    );
    let mut out: Vec<Vec<String>> = phrases.iter().map(|p| text::words(p)).collect();
    out.retain(|p| !p.is_empty());
    sorting::sort(&mut out);
    out.dedup();
    out
}

/// How many of the wanted phrases the episode's title or why contains, each word whole or
/// with an "s".
fn relevance(ep: &StartEpisode, wanted: &[Vec<String>]) -> usize {
    let words = text::words(&format!("{} {}", ep.title, ep.why));
    wanted
        .iter()
        .filter(|phrase| {
            !phrase.is_empty()
                && words.windows(phrase.len()).any(|run| {
                    run.iter()
                        .zip(phrase.iter())
                        .all(|(w, p)| text::same_or_plural(w, p))
                })
        })
        .count()
}

/// A show's start episodes, best first for these answers, each with whether it is a weak
/// start for them: for the fundamentals and career goals, an episode that is neither
/// evergreen nor on the goal or the visitor's topics (news of its day, a niche case study).
fn ranked<'a>(
    show: &'a Show,
    wanted: &[Vec<String>],
    evergreen_first: bool,
) -> Vec<(&'a StartEpisode, bool)> {
    let mut list: Vec<(usize, &StartEpisode, usize)> = show
        .start_here
        .iter()
        .enumerate()
        .map(|(curated, ep)| (curated, ep, relevance(ep, wanted)))
        .collect();
    sorting::sort_by_key(&mut list, |(curated, ep, fit)| {
        (evergreen_first && !ep.evergreen, Reverse(*fit), *curated)
    });
    list.into_iter()
        .map(|(_, ep, fit)| (ep, evergreen_first && !ep.evergreen && fit == 0))
        .collect()
}

pub(crate) fn start_episodes(
    catalog: &Catalog,
    answers: &Answers,
    picks: &[Pick],
) -> Vec<EpisodePick> {
    let limit = answers.episode.and_then(EpisodeTime::limit);
    let fits = |e: &EpisodePick| e.minutes.is_none_or(|m| limit.is_none_or(|l| m <= l));
    let evergreen_first = matches!(answers.goal, Some(Goal::Fundamentals | Goal::SwitchCareer));
    let wanted = wanted_phrases(catalog, answers);
    // Each pick's candidates, best first; weak starts are kept apart, for when too few others
    // fit.
    let mut weak: Vec<(usize, EpisodePick)> = Vec::new();
    // A show a listener may not reach gives no start episodes while a reachable pick fits.
    let any_reachable = picks
        .iter()
        .any(|p| !p.too_long && reachable(&catalog.shows[p.show]));
    let per_pick: Vec<Vec<EpisodePick>> = picks
        .iter()
        .enumerate()
        .map(|(rank, p)| {
            let show = &catalog.shows[p.show];
            let mut list = Vec::new();
            if any_reachable && !reachable(show) {
                return list;
            }
            for (ep, is_weak) in ranked(show, &wanted, evergreen_first) {
                let pick = EpisodePick {
                    title: ep.title.clone(),
                    url: ep.url.clone(),
                    minutes: Some(u32::from(ep.minutes)),
                    show: Some(p.show),
                    topics: Vec::new(),
                    longer_than_asked: false,
                };
                // The top pick's episodes all stay: the first episode is always its own.
                if is_weak && rank > 0 {
                    weak.push((rank, pick));
                } else {
                    list.push(pick);
                }
            }
            if show.id == catalog.episodes_show {
                list.extend(topic_episodes(catalog, answers, p.show));
            }
            list
        })
        .collect();

    let mut out: Vec<(usize, EpisodePick)> = Vec::new();
    let taken =
        |out: &[(usize, EpisodePick)], e: &EpisodePick| out.iter().any(|(_, x)| x.url == e.url);
    // The top pick leads even when none of its episodes fits: then with its shortest.
    if let Some(first) = per_pick.first() {
        if !first.is_empty() && !first.iter().any(fits) {
            if let Some(shortest) = first.iter().min_by_key(|e| e.minutes) {
                out.push((
                    0,
                    EpisodePick {
                        longer_than_asked: true,
                        ..shortest.clone()
                    },
                ));
            }
        }
    }
    // Round by round: every pick's best fitting episode, then every pick's second, ...
    let rounds = per_pick.iter().map(Vec::len).max().unwrap_or(0);
    for round in 0..rounds {
        for (rank, list) in per_pick.iter().enumerate() {
            if out.len() >= MAX_EPISODES {
                break;
            }
            let fitting: Vec<&EpisodePick> = list.iter().filter(|e| fits(e)).collect();
            if let Some(e) = fitting.get(round) {
                if !taken(&out, e) {
                    out.push((rank, (*e).clone()));
                }
            }
        }
    }
    // Too few: then the weak starts that fit, in pick order.
    for (rank, e) in weak.iter().filter(|(_, e)| fits(e)) {
        if out.len() >= MIN_EPISODES {
            break;
        }
        if !taken(&out, e) {
            out.push((*rank, e.clone()));
        }
    }
    // Still too few fit the time given: then the shortest of the rest, marked as longer.
    if out.len() < MIN_EPISODES {
        let mut longer: Vec<(usize, &EpisodePick)> = per_pick
            .iter()
            .enumerate()
            .flat_map(|(rank, list)| list.iter().filter(|e| !fits(e)).map(move |e| (rank, e)))
            .collect();
        sorting::sort_by_key(&mut longer, |(rank, e)| (e.minutes, *rank));
        for (rank, e) in longer {
            if out.len() >= MIN_EPISODES {
                break;
            }
            if !taken(&out, e) {
                out.push((
                    rank,
                    EpisodePick {
                        longer_than_asked: true,
                        ..e.clone()
                    },
                ));
            }
        }
    }
    // In pick order; within a pick, in the order they were chosen (a stable sort).
    sorting::sort_by_key(&mut out, |(rank, _)| *rank);
    out.into_iter().map(|(_, e)| e).collect()
}

/// DataTalks.Club episodes on the visitor's topics (or the goal's), most topics in common
/// first, then the most recent.
fn topic_episodes(catalog: &Catalog, answers: &Answers, show: usize) -> Vec<EpisodePick> {
    let mut wanted: Set<&str> = answers.topics.iter().map(TopicId::as_str).collect();
    if let Some(goal) = answers.goal {
        wanted.extend(goal_topics(goal).iter().copied());
    }
    let on_topic = |e: &Episode| -> Vec<TopicId> {
        let mut topics: Vec<TopicId> = e
            .topics
            .iter()
            .filter(|t| wanted.contains(t.as_str()))
            .cloned()
            .collect();
        for t in &wanted {
            if !topics.iter().any(|x| x.as_str() == *t)
                && catalog.episodes_for_topic(t).any(|x| x.id == e.id)
            {
                topics.push(TopicId((*t).to_owned()));
            }
        }
        topics
    };
    let mut scored: Vec<(&Episode, Vec<TopicId>)> = catalog
        .episodes
        .iter()
        .filter(|e| e.minutes().is_some())
        .map(|e| (e, on_topic(e)))
        .filter(|(_, topics)| !topics.is_empty())
        .collect();
    sorting::sort_by(&mut scored, |a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then_with(|| b.0.date.cmp(&a.0.date))
            .then_with(|| a.0.id.cmp(&b.0.id))
    });
    scored
        .into_iter()
        .take(MAX_EPISODES)
        .map(|(e, topics)| EpisodePick {
            title: e.title.clone(),
            url: e.url.clone(),
            minutes: e.minutes(),
            show: Some(show),
            topics,
            longer_than_asked: false,
        })
        .collect()
}

/// The four-week plan for these picks and start episodes, and the number of episodes a
/// typical week (week 2) holds.
pub(crate) fn plan(
    catalog: &Catalog,
    answers: &Answers,
    picks: &[Pick],
    episodes: &[EpisodePick],
) -> (Vec<PlanWeek>, u32) {
    let week_minutes = answers.weekly.unwrap_or(WeeklyTime::Two).minutes();
    // An episode whose length is unknown counts as the length the visitor asked for.
    let assumed = answers
        .episode
        .unwrap_or(EpisodeTime::Medium)
        .typical_minutes();

    // The top three picks that fit the time given and that a listener can reach (else those
    // that fit, else the top three), taken in turn for new episodes.
    let fits = |p: &&Pick| !p.too_long;
    let reaches = |p: &&Pick| reachable(&catalog.shows[p.show]);
    let mut top: Vec<&Pick> = picks.iter().filter(fits).filter(reaches).take(3).collect();
    if top.is_empty() {
        top = picks.iter().filter(fits).take(3).collect();
    }
    if top.is_empty() {
        top = picks.iter().take(3).collect();
    }
    let minutes_of = |p: &Pick| {
        usual_length(&catalog.shows[p.show])
            .map(typical_minutes)
            .unwrap_or(assumed)
            .max(1)
    };
    let mut next = 0usize;
    // One week of new episodes: in turn, skipping a show that no longer fits, until a whole
    // round adds nothing (at least one episode).
    let mut rotation = || {
        let mut shows: Vec<(usize, u32)> = Vec::new();
        let mut used = 0;
        let mut misses = 0;
        while !top.is_empty() && misses < top.len() {
            let p = top[next % top.len()];
            next += 1;
            let m = minutes_of(p);
            if !shows.is_empty() && used + m > week_minutes {
                misses += 1;
                continue;
            }
            misses = 0;
            used += m;
            match shows.iter_mut().find(|(x, _)| *x == p.show) {
                Some((_, n)) => *n += 1,
                None => shows.push((p.show, 1)),
            }
        }
        shows
    };

    // Week 1: the start episodes in their order, as many as the week's time holds; without
    // any, new episodes like the weeks after.
    let mut used = 0;
    let mut first = Vec::new();
    for (i, e) in episodes.iter().enumerate() {
        let m = e.minutes.unwrap_or(assumed);
        if !first.is_empty() && used + m > week_minutes {
            break;
        }
        used += m;
        first.push(i);
    }
    let week_one = if first.is_empty() {
        rotation()
    } else {
        Vec::new()
    };
    let mut weeks = vec![PlanWeek {
        week: 1,
        shows: week_one,
        start_here: first,
    }];
    for week in 2..=4u8 {
        weeks.push(PlanWeek {
            week,
            shows: rotation(),
            start_here: Vec::new(),
        });
    }
    let typical_week = weeks[1].shows.iter().map(|(_, n)| n).sum();
    (weeks, typical_week)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn episode(title: &str, why: &str) -> StartEpisode {
        StartEpisode {
            title: title.into(),
            url: "https://example.org/e".into(),
            minutes: 30,
            why: why.into(),
            evergreen: false,
        }
    }

    fn phrases(list: &[&str]) -> Vec<Vec<String>> {
        list.iter().map(|p| text::words(p)).collect()
    }

    #[test]
    fn goal_words_match_whole_words_or_plurals_and_phrases_match_consecutive_words() {
        let wanted = phrases(&["leader", "deploy", "technical debt", "ai"]);
        assert_eq!(
            relevance(&episode("What leaders get wrong", ""), &wanted),
            1
        );
        assert_eq!(
            relevance(&episode("A leading statistician", ""), &wanted),
            0
        );
        assert_eq!(
            relevance(&episode("Deploy models", "and technical debt"), &wanted),
            2
        );
        assert_eq!(
            relevance(&episode("Debt that is technical", ""), &wanted),
            0
        );
        assert_eq!(relevance(&episode("The aim of the game", ""), &wanted), 0);
        assert_eq!(
            relevance(&episode("x", ""), &[vec![]]),
            0,
            "an empty phrase matches nothing"
        );
    }

    #[test]
    fn the_interview_format_and_a_leading_statistician_are_not_goals() {
        let career = phrases(goal_words(Goal::SwitchCareer));
        assert_eq!(
            relevance(&episode("A long interview with a researcher", ""), &career),
            0
        );
        assert_eq!(
            relevance(&episode("Acing the job interview", ""), &career),
            1
        );
        let lead = phrases(goal_words(Goal::Lead));
        assert_eq!(
            relevance(&episode("A leading statistician on models", ""), &lead),
            0
        );
        assert_eq!(
            relevance(&episode("Leadership for new managers", ""), &lead),
            2
        );
    }

    #[test]
    fn spark_jobs_are_not_a_career_topic() {
        let wanted = phrases(goal_words(Goal::SwitchCareer));
        let spark = episode("GPU-Accelerated Spark", "moved Spark jobs onto GPUs");
        assert_eq!(relevance(&spark, &wanted), 0);
        let hunt = episode("Landing your first job in data", "");
        assert_eq!(relevance(&hunt, &wanted), 1);
    }
}
