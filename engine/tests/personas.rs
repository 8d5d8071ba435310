//! Ten-plus listener personas pin what the recommender must and must not pick for them, and
//! that every pick explains itself with at least two reasons.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use podpath_engine::quiz::*;
use podpath_engine::recommend::recommend;
use podpath_engine::{Catalog, Level, TopicId};

struct Persona {
    name: &'static str,
    answers: Answers,
    level: Level,
    must: &'static [&'static str],
    must_not: &'static [&'static str],
}

fn topics(ids: &[&str]) -> std::collections::BTreeSet<TopicId> {
    ids.iter().map(|t| TopicId::from(*t)).collect()
}

#[allow(clippy::too_many_arguments)]
fn answers(
    bg: Background,
    math: Comfort,
    code: Comfort,
    goal: Goal,
    episode: EpisodeTime,
    weekly: WeeklyTime,
    format: FormatPref,
    picked: &[&str],
) -> Answers {
    Answers {
        background: Some(bg),
        math: Some(math),
        coding: Some(code),
        goal: Some(goal),
        episode: Some(episode),
        weekly: Some(weekly),
        format: Some(format),
        topics: topics(picked),
    }
}

fn personas() -> Vec<Persona> {
    use Background as B;
    use Comfort as C;
    vec![
        Persona {
            name: "career changer, no maths, 20-minute commutes",
            answers: answers(
                B::None,
                C::Low,
                C::Low,
                Goal::SwitchCareer,
                EpisodeTime::Short,
                WeeklyTime::Two,
                FormatPref::Explainers,
                &["machine-learning"],
            ),
            level: Level::Beginner,
            must: &["linear-digressions"],
            must_not: &[
                "machine-learning-street-talk",
                "lex-fridman",
                "the-gradient-podcast",
            ],
        },
        Persona {
            name: "backend engineer moving into MLOps",
            answers: answers(
                B::Courses,
                C::Some,
                C::High,
                Goal::Production,
                EpisodeTime::Long,
                WeeklyTime::Two,
                FormatPref::Interviews,
                &["mlops"],
            ),
            level: Level::Intermediate,
            must: &["mlops-podcast", "datatalks-club"],
            must_not: &["machine-learning-nishimoto", "freecodecamp-podcast"],
        },
        Persona {
            name: "PhD student in machine learning",
            answers: answers(
                B::Research,
                C::High,
                C::High,
                Goal::Research,
                EpisodeTime::Any,
                WeeklyTime::Four,
                FormatPref::Interviews,
                &["deep-learning", "llms"],
            ),
            level: Level::Advanced,
            must: &["machine-learning-street-talk"],
            must_not: &[
                "machine-learning-nishimoto",
                "freecodecamp-podcast",
                "super-data-science",
            ],
        },
        Persona {
            name: "data team manager",
            answers: answers(
                B::Work,
                C::Some,
                C::Low,
                Goal::Lead,
                EpisodeTime::Medium,
                WeeklyTime::One,
                FormatPref::Interviews,
                &["data-science"],
            ),
            level: Level::Intermediate,
            must: &["dataframed"],
            must_not: &["machine-learning-street-talk", "machine-learning-nishimoto"],
        },
        Persona {
            name: "someone who wants only news",
            answers: answers(
                B::Courses,
                C::Some,
                C::Some,
                Goal::Research,
                EpisodeTime::Long,
                WeeklyTime::Two,
                FormatPref::News,
                &["llms"],
            ),
            level: Level::Intermediate,
            must: &["practical-ai", "latent-space"],
            must_not: &["machine-learning-nishimoto"],
        },
        Persona {
            name: "student learning the fundamentals with short episodes",
            answers: answers(
                B::Courses,
                C::Some,
                C::Some,
                Goal::Fundamentals,
                EpisodeTime::Short,
                WeeklyTime::Two,
                FormatPref::Explainers,
                &["machine-learning"],
            ),
            level: Level::Intermediate,
            must: &["linear-digressions", "learning-machines-101"],
            must_not: &["lex-fridman", "freecodecamp-podcast"],
        },
        Persona {
            name: "data engineer wanting to stay on top of pipelines",
            answers: answers(
                B::Work,
                C::Some,
                C::High,
                Goal::Production,
                EpisodeTime::Long,
                WeeklyTime::Four,
                FormatPref::Interviews,
                &["data-engineering"],
            ),
            level: Level::Advanced,
            must: &["data-engineering-podcast", "datatalks-club"],
            must_not: &["machine-learning-nishimoto"],
        },
        Persona {
            name: "LLM application developer",
            answers: answers(
                B::Work,
                C::Low,
                C::High,
                Goal::Production,
                EpisodeTime::Any,
                WeeklyTime::Four,
                FormatPref::Any,
                &["llms"],
            ),
            level: Level::Intermediate,
            must: &["latent-space"],
            must_not: &["not-so-standard-deviations", "freecodecamp-podcast"],
        },
        Persona {
            name: "self-taught coder switching into data science, long commutes",
            answers: answers(
                B::None,
                C::Low,
                C::Some,
                Goal::SwitchCareer,
                EpisodeTime::Any,
                WeeklyTime::Eight,
                FormatPref::Interviews,
                &["career-growth", "data-science"],
            ),
            level: Level::Beginner,
            must: &["super-data-science", "freecodecamp-podcast"],
            must_not: &["machine-learning-street-talk", "the-gradient-podcast"],
        },
        Persona {
            name: "researcher who only has short breaks",
            answers: answers(
                B::Research,
                C::High,
                C::Some,
                Goal::Research,
                EpisodeTime::Short,
                WeeklyTime::One,
                FormatPref::Explainers,
                &["machine-learning"],
            ),
            level: Level::Advanced,
            must: &["learning-machines-101"],
            must_not: &["lex-fridman", "freecodecamp-podcast"],
        },
        Persona {
            name: "visitor who skipped every question",
            answers: Answers::default(),
            level: Level::Beginner,
            must: &[],
            must_not: &["machine-learning-street-talk"],
        },
    ]
}

#[test]
fn every_persona_gets_the_picks_it_needs_with_two_reasons_each() {
    let catalog = Catalog::embedded().expect("the embedded catalog decodes");
    let mut failures = Vec::new();
    for p in personas() {
        let rec = recommend(&catalog, &p.answers, 5);
        let ids: Vec<&str> = rec
            .picks
            .iter()
            .map(|x| catalog.shows[x.show].id.as_str())
            .collect();
        if rec.verdict.level != p.level {
            failures.push(format!(
                "{}: level {:?}, expected {:?}",
                p.name, rec.verdict.level, p.level
            ));
        }
        if rec.picks.len() != 5 {
            failures.push(format!("{}: {} picks", p.name, rec.picks.len()));
        }
        for m in p.must {
            if !ids.contains(m) {
                failures.push(format!("{}: {m} missing from {ids:?}", p.name));
            }
        }
        for m in p.must_not {
            if ids.contains(m) {
                failures.push(format!("{}: {m} must not be in {ids:?}", p.name));
            }
        }
        for pick in &rec.picks {
            if pick.reasons.len() < 2 {
                failures.push(format!(
                    "{}: {} has {} reason(s)",
                    p.name,
                    catalog.shows[pick.show].id,
                    pick.reasons.len()
                ));
            }
        }
        let flagged_last = rec
            .episodes
            .iter()
            .skip_while(|e| !e.longer_than_asked)
            .all(|e| e.longer_than_asked);
        if !flagged_last {
            failures.push(format!(
                "{}: episodes longer than asked must come last",
                p.name
            ));
        }
        if !(3..=5).contains(&rec.episodes.len()) && !p.answers.topics.is_empty() {
            failures.push(format!(
                "{}: {} start-here episodes",
                p.name,
                rec.episodes.len()
            ));
        }
        let max = p.answers.episode.unwrap_or(EpisodeTime::Any).max_minutes();
        for e in &rec.episodes {
            if !e.longer_than_asked && e.minutes.is_some_and(|m| m > u32::from(max)) {
                failures.push(format!(
                    "{}: episode {} is {:?} min, over {max}",
                    p.name, e.title, e.minutes
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_same_answers_always_give_the_same_picks() {
    let catalog = Catalog::embedded().expect("the embedded catalog decodes");
    for p in personas() {
        assert_eq!(
            recommend(&catalog, &p.answers, 5),
            recommend(&catalog, &p.answers, 5),
            "{}",
            p.name
        );
    }
}

#[test]
fn top_picks_do_not_all_share_one_main_topic() {
    let catalog = Catalog::embedded().expect("the embedded catalog decodes");
    for p in personas() {
        let rec = recommend(&catalog, &p.answers, 5);
        let mains: std::collections::BTreeSet<_> = rec
            .picks
            .iter()
            .map(|x| catalog.shows[x.show].topics[0].clone())
            .collect();
        assert!(mains.len() >= 2, "{}: {mains:?}", p.name);
    }
}

#[test]
fn the_plan_fits_the_weekly_time() {
    let catalog = Catalog::embedded().expect("the embedded catalog decodes");
    let a = answers(
        Background::Courses,
        Comfort::Some,
        Comfort::Some,
        Goal::Fundamentals,
        EpisodeTime::Short,
        WeeklyTime::One,
        FormatPref::Any,
        &["machine-learning"],
    );
    let rec = recommend(&catalog, &a, 5);
    assert_eq!(rec.episodes_per_week, 3);
    for week in rec.plan.iter().skip(1) {
        assert_eq!(week.shows.iter().map(|(_, n)| n).sum::<u32>(), 3);
    }
}
