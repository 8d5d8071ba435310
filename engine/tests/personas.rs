//! Ten-plus listener personas pin what the recommender must and must not pick for them, and
//! that every pick explains itself with at least two reasons.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use podpath_engine::quiz::*;
use podpath_engine::recommend::{
    browse_filters, goal_topics, recommend, Caution, Pick, Recommendation,
};
use podpath_engine::{Catalog, Format, Level, Show, Status, TopicId};

struct Persona {
    name: &'static str,
    answers: Answers,
    level: Level,
    must: &'static [&'static str],
    must_not: &'static [&'static str],
}

fn topics(ids: &[&str]) -> podpath_engine::set::Set<TopicId> {
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

/// A persona from the query a shared results link carries (`bg=…&goal=…&qt=…`).
fn linked(
    name: &'static str,
    query: &str,
    level: Level,
    must: &'static [&'static str],
    must_not: &'static [&'static str],
) -> Persona {
    let mut answers = Answers::default();
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').expect("key=value");
        assert!(decode_pair(&mut answers, k, v, &|_| true), "{name}: {pair}");
    }
    Persona {
        name,
        answers,
        level,
        must,
        must_not,
    }
}

/// Personas added with the larger catalog: time limits, the "lead a team" goal, news
/// listeners, the new shows, and every goal at least twice.
fn more_personas() -> Vec<Persona> {
    use Level::*;
    vec![
        // Issue #23's newcomer: two of the five picks had no feed, one no link anywhere.
        linked(
            "beginner switching careers, short explainers, two hours a week",
            "bg=none&math=low&code=low&goal=switch&len=short&week=2&fmt=explainers",
            Beginner,
            &[],
            &["machine-learning-nishimoto"],
        ),
        linked(
            "news-only listener with short episodes",
            "bg=courses&math=some&code=some&goal=research&len=short&week=2&fmt=news",
            Intermediate,
            &[],
            &["machine-learning-nishimoto"],
        ),
        linked(
            "beginner switching careers, short explainers, one hour a week",
            "bg=none&math=low&code=low&goal=switch&len=short&week=1&fmt=explainers&qt=machine-learning",
            Beginner,
            &["linear-digressions", "data-skeptic"],
            &["lex-fridman", "freecodecamp-podcast", "dwarkesh-podcast", "machine-learning-street-talk"],
        ),
        linked(
            "team lead with medium episodes and one hour a week",
            "bg=work&math=some&code=low&goal=lead&len=medium&week=1&fmt=interviews&qt=data-science",
            Intermediate,
            &["data-malarkey", "analytics-power-hour"],
            &["machine-learning-street-talk", "the-gradient-podcast", "dwarkesh-podcast"],
        ),
        linked(
            "team lead whose shared link also ticks leadership",
            "bg=work&math=some&code=low&goal=lead&len=medium&week=2&fmt=interviews&qt=leadership",
            Intermediate,
            &["data-malarkey", "analytics-power-hour"],
            &["machine-learning-street-talk", "the-gradient-podcast"],
        ),
        linked(
            "head of data with time to spare and no format preference",
            "bg=work&math=some&code=some&goal=lead&len=any&week=4&fmt=any",
            Intermediate,
            &["analytics-power-hour", "data-malarkey"],
            &["machine-learning-street-talk"],
        ),
        linked(
            "former researcher now leading an ML team",
            "bg=research&math=high&code=high&goal=lead&len=long&week=2&fmt=interviews",
            Advanced,
            &["analytics-power-hour", "data-malarkey"],
            &["freecodecamp-podcast"],
        ),
        linked(
            "news listener following LLMs, long episodes",
            "bg=courses&math=some&code=some&goal=research&len=long&week=2&fmt=news&qt=llms",
            Intermediate,
            &["practical-ai", "latent-space", "the-ai-daily-brief"],
            &["learning-machines-101", "machine-learning-nishimoto"],
        ),
        linked(
            "beginner who wants the daily AI news in short episodes",
            "bg=none&math=low&code=low&goal=research&len=short&week=2&fmt=news&qt=ai",
            Beginner,
            &["the-ai-daily-brief"],
            &["lex-fridman", "dwarkesh-podcast", "last-week-in-ai", "machine-learning-street-talk"],
        ),
        linked(
            "tech-curious beginner who likes news with interviews",
            "bg=none&math=low&code=some&goal=research&len=long&week=2&fmt=news&qt=ai",
            Beginner,
            &["hard-fork"],
            &["machine-learning-street-talk"],
        ),
        linked(
            "researcher following the frontier with hours to listen",
            "bg=research&math=high&code=high&goal=research&len=any&week=8&fmt=interviews&qt=deep-learning,llms",
            Advanced,
            &["machine-learning-street-talk", "the-gradient-podcast"],
            &["freecodecamp-podcast", "machine-learning-nishimoto"],
        ),
        linked(
            "ML engineer shipping LLM features who wants interviews",
            "bg=work&math=some&code=high&goal=production&len=long&week=4&fmt=interviews&qt=llms",
            Advanced,
            &["latent-space"],
            &["freecodecamp-podcast", "machine-learning-nishimoto"],
        ),
        linked(
            "MLOps engineer with a one-hour weekly slot",
            "bg=work&math=some&code=high&goal=production&len=long&week=1&fmt=interviews&qt=mlops",
            Advanced,
            &["mlops-podcast"],
            &["lex-fridman", "dwarkesh-podcast", "machine-learning-street-talk"],
        ),
        linked(
            "student who wants the fundamentals and has long commutes",
            "bg=courses&math=some&code=some&goal=fundamentals&len=long&week=4&fmt=explainers&qt=machine-learning,deep-learning",
            Intermediate,
            &["linear-digressions", "machine-learning-guide"],
            &["hard-fork", "the-ai-daily-brief"],
        ),
        linked(
            "analyst who wants to become a data scientist, medium episodes",
            "bg=courses&math=low&code=some&goal=switch&len=medium&week=2&fmt=interviews&qt=data-science,career-growth",
            Beginner,
            &["super-data-science"],
            &["machine-learning-street-talk", "the-gradient-podcast"],
        ),
        linked(
            "coder with no ML yet who wants explainers of any length",
            "bg=none&math=some&code=high&goal=fundamentals&len=any&week=4&fmt=explainers",
            Beginner,
            &["linear-digressions", "machine-learning-guide", "data-skeptic"],
            &["machine-learning-street-talk", "dwarkesh-podcast"],
        ),
        linked(
            "advanced practitioner who only has short breaks",
            "bg=work&math=high&code=high&goal=research&len=short&week=1&fmt=any&qt=llms",
            Advanced,
            &[],
            &["lex-fridman", "dwarkesh-podcast", "machine-learning-street-talk", "last-week-in-ai"],
        ),
    ]
}

fn personas() -> Vec<Persona> {
    let mut all = original_personas();
    all.extend(more_personas());
    all
}

fn original_personas() -> Vec<Persona> {
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
            must: &["data-malarkey", "analytics-power-hour"],
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
            must: &[
                "linear-digressions",
                "data-skeptic",
                "machine-learning-guide",
            ],
            must_not: &[
                "lex-fridman",
                "freecodecamp-podcast",
                "cognitive-revolution",
            ],
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
        Persona {
            name: "product manager following the AI startups, interviews on long walks",
            answers: answers(
                B::Courses,
                C::Low,
                C::Low,
                Goal::Lead,
                EpisodeTime::Long,
                WeeklyTime::Two,
                FormatPref::Interviews,
                &["startups"],
            ),
            level: Level::Beginner,
            must: &["no-priors"],
            must_not: &["machine-learning-street-talk", "interconnects"],
        },
        Persona {
            name: "office worker who wants daily AI news in short episodes",
            answers: answers(
                B::None,
                C::Low,
                C::Low,
                Goal::Fundamentals,
                EpisodeTime::Medium,
                WeeklyTime::Two,
                FormatPref::News,
                &["generative-ai"],
            ),
            level: Level::Beginner,
            must: &["the-ai-daily-brief"],
            must_not: &["machine-learning-street-talk", "dwarkesh-podcast"],
        },
    ]
}

/// The longest episode each per-episode answer allows, in minutes, as the quiz words it:
/// short is "under 25 minutes", medium "up to about 50", long "up to about 90" (the "about"
/// stretches to 95); any length has no limit.
fn episode_limit(time: EpisodeTime) -> Option<u32> {
    match time {
        EpisodeTime::Short => Some(25),
        EpisodeTime::Medium => Some(50),
        EpisodeTime::Long => Some(95),
        EpisodeTime::Any => None,
    }
}

/// The week's listening time each answer gives, in minutes: "about an hour", "about two
/// hours", "about four hours", "eight hours or more".
fn week_limit(time: WeeklyTime) -> u32 {
    match time {
        WeeklyTime::One => 60,
        WeeklyTime::Two => 120,
        WeeklyTime::Four => 240,
        WeeklyTime::Eight => 480,
    }
}

/// A show's episode lengths in the catalog: its `length` range, else the range of its
/// start-here episodes; `None` when neither is known.
fn catalog_length(show: &Show) -> Option<(u32, u32)> {
    match show.length {
        Some(len) => Some((u32::from(len.min), u32::from(len.max))),
        None => {
            let m = show.start_here.iter().map(|e| u32::from(e.minutes));
            Some((m.clone().min()?, m.max()?))
        }
    }
}

/// Whether the show's episodes can fit the persona's time, from the catalog's lengths and the
/// answers' meaning alone (not the engine's flag): they cannot when even the shortest episode
/// is over the per-episode limit, the typical one (the middle of the range) is over twice that
/// limit, or the typical one is longer than the whole week's time. A show of unknown length
/// is not ruled out.
fn can_fit(show: &Show, answers: &Answers) -> bool {
    let Some((min, max)) = catalog_length(show) else {
        return true;
    };
    let typical = (min + max) / 2;
    let per_episode = answers.episode.and_then(episode_limit);
    let per_week = answers.weekly.map(week_limit);
    let over_episode = per_episode.is_some_and(|e| min > e || typical > 2 * e);
    let over_week = per_week.is_some_and(|w| typical > w);
    !(over_episode || over_week)
}

/// In a ranking, each show's flag and caution agree with [`can_fit`], and no show that fits
/// comes after one that does not.
fn ranking_keeps_time_limits(
    catalog: &Catalog,
    p: &Persona,
    what: &str,
    picks: &[Pick],
) -> Vec<String> {
    let mut out = Vec::new();
    let fits: Vec<bool> = picks
        .iter()
        .map(|x| can_fit(&catalog.shows[x.show], &p.answers))
        .collect();
    for (x, &fit) in picks.iter().zip(&fits) {
        let show = &catalog.shows[x.show];
        if x.too_long == fit {
            out.push(format!(
                "{} ({what}): {} runs {:?} min, fits: {fit}, but the engine flags too_long: {}",
                p.name,
                show.id,
                catalog_length(show),
                x.too_long
            ));
        }
        if !fit
            && !x
                .cautions
                .iter()
                .any(|c| matches!(c, Caution::LongEpisodes(_)))
        {
            out.push(format!(
                "{} ({what}): {} cannot fit the time given but has no caution",
                p.name, show.id
            ));
        }
    }
    if let Some(i) = fits.iter().position(|f| !f) {
        if let Some(j) = fits[i..].iter().position(|f| *f) {
            out.push(format!(
                "{} ({what}): {} fits but comes after {}, which does not",
                p.name,
                catalog.shows[picks[i + j].show].id,
                catalog.shows[picks[i].show].id
            ));
        }
    }
    out
}

/// With a time limit, a show that cannot fit it (worked out from the catalog by [`can_fit`],
/// not from the engine's flag) only appears once every show that fits is picked, after them,
/// flagged, and with its caution: in the top five, and in a ranking of the whole catalog.
fn time_limits_hold(catalog: &Catalog, p: &Persona, rec: &Recommendation) -> Vec<String> {
    let mut out = ranking_keeps_time_limits(catalog, p, "top five", &rec.picks);
    let everything = recommend(catalog, &p.answers, catalog.shows.len());
    out.extend(ranking_keeps_time_limits(
        catalog,
        p,
        "whole catalog",
        &everything.picks,
    ));
    if let Some(long) = rec
        .picks
        .iter()
        .find(|x| !can_fit(&catalog.shows[x.show], &p.answers))
    {
        // Every show that fits must be picked first, or the one that does not took its place.
        let left_out: Vec<&str> = catalog
            .shows
            .iter()
            .enumerate()
            .filter(|(s, show)| {
                can_fit(show, &p.answers) && !rec.picks.iter().any(|x| x.show == *s)
            })
            .map(|(_, show)| show.id.as_str())
            .collect();
        if !left_out.is_empty() {
            out.push(format!(
                "{}: {} cannot fit the time given, yet {left_out:?} fit and are not picked",
                p.name, catalog.shows[long.show].id
            ));
        }
    }
    if p.answers.episode == Some(EpisodeTime::Short) {
        for x in &rec.picks {
            let show = &catalog.shows[x.show];
            if let Some((min, max)) = catalog_length(show) {
                if can_fit(show, &p.answers) && (min + max) / 2 > 60 {
                    out.push(format!(
                        "{}: {} runs {min}-{max} min, over an hour, in a short-episode top five",
                        p.name, show.id
                    ));
                }
            }
        }
    }
    out
}

/// Start episodes are the picks' own, in pick order, the top pick's first; evergreen ones lead
/// each pick's share for the fundamentals and career goals; none is over the time given unless
/// marked.
fn start_episodes_come_from_the_picks(
    catalog: &Catalog,
    p: &Persona,
    rec: &Recommendation,
) -> Vec<String> {
    let mut out = Vec::new();
    let rank = |show: Option<usize>| show.and_then(|s| rec.picks.iter().position(|x| x.show == s));
    let ranks: Vec<Option<usize>> = rec.episodes.iter().map(|e| rank(e.show)).collect();
    if ranks.iter().any(Option::is_none) {
        out.push(format!("{}: a start episode is not from a pick", p.name));
    }
    if !ranks.windows(2).all(|w| w[0] <= w[1]) {
        out.push(format!(
            "{}: start episodes are not in pick order: {ranks:?}",
            p.name
        ));
    }
    let top_has_some = rec
        .picks
        .first()
        .is_some_and(|x| !catalog.shows[x.show].start_here.is_empty());
    if top_has_some && ranks.first() != Some(&Some(0)) {
        out.push(format!(
            "{}: the first start episode is not the top pick's",
            p.name
        ));
    }
    let evergreen_first = matches!(
        p.answers.goal,
        Some(Goal::Fundamentals | Goal::SwitchCareer)
    );
    for (i, pick) in rec.picks.iter().enumerate() {
        let show = &catalog.shows[pick.show];
        let chosen: Vec<bool> = rec
            .episodes
            .iter()
            .filter(|e| rank(e.show) == Some(i))
            .filter_map(|e| show.start_here.iter().find(|s| s.url == e.url))
            .map(|s| s.evergreen)
            .collect();
        let fits_evergreen = show.start_here.iter().any(|s| {
            s.evergreen
                && u32::from(s.minutes)
                    <= u32::from(p.answers.episode.unwrap_or(EpisodeTime::Any).max_minutes())
        });
        if evergreen_first && fits_evergreen && chosen.first() == Some(&false) {
            out.push(format!(
                "{}: {} leads with a dated episode though an evergreen one fits",
                p.name, show.id
            ));
        }
    }
    out
}

/// For the "lead a team" goal, shows about leading data teams and the business of ML rank
/// above the others: the top pick is one, none comes after a show without such a topic, and
/// no deep-technical (advanced-only) show reaches the top three.
fn leading_shows_lead(catalog: &Catalog, p: &Persona, rec: &Recommendation) -> Vec<String> {
    let mut out = Vec::new();
    let lead_topics = goal_topics(Goal::Lead);
    let leads: Vec<bool> = rec
        .picks
        .iter()
        .map(|x| {
            catalog.shows[x.show]
                .topics
                .iter()
                .any(|t| lead_topics.contains(&t.as_str()))
        })
        .collect();
    if leads.first() != Some(&true) {
        out.push(format!(
            "{}: the top pick is not about leading or business",
            p.name
        ));
    }
    if leads.windows(2).any(|w| !w[0] && w[1]) {
        out.push(format!(
            "{}: a leadership show ranks below a technical one: {leads:?}",
            p.name
        ));
    }
    for x in rec.picks.iter().take(3) {
        let show = &catalog.shows[x.show];
        if show.levels == [Level::Advanced] {
            out.push(format!(
                "{}: deep-technical {} in the top three",
                p.name, show.id
            ));
        }
    }
    out
}

/// Whether a listener can reach the show, from the catalog alone: some app links to it
/// directly (Apple, Spotify or YouTube pages; Pocket Casts and Overcast from the Apple id or
/// the feed) and its status is known.
fn reachable(show: &Show) -> bool {
    let l = &show.links;
    let linked = l.apple.is_some() || l.spotify.is_some() || l.youtube.is_some() || l.rss.is_some();
    linked && show.status != Status::Unknown
}

/// A show a listener may not reach never takes a place in the plan or the start episodes
/// while a reachable pick fits the time, and every such pick says why it is still shown.
fn unreachable_shows_stay_out_of_the_way(
    catalog: &Catalog,
    p: &Persona,
    rec: &Recommendation,
) -> Vec<String> {
    let mut out = Vec::new();
    let shows = &catalog.shows;
    let fitting_reachable = rec
        .picks
        .iter()
        .any(|x| reachable(&shows[x.show]) && can_fit(&shows[x.show], &p.answers));
    for x in &rec.picks {
        let show = &shows[x.show];
        if !reachable(show)
            && !x
                .cautions
                .iter()
                .any(|c| matches!(c, Caution::NoDirectLink | Caution::StatusUnknown))
        {
            out.push(format!(
                "{}: {} is hard to reach and does not say why it is shown",
                p.name, show.id
            ));
        }
    }
    if fitting_reachable {
        for week in &rec.plan {
            for (s, _) in &week.shows {
                if !reachable(&shows[*s]) {
                    out.push(format!(
                        "{}: week {} plans {}, which a listener may not reach",
                        p.name, week.week, shows[*s].id
                    ));
                }
            }
        }
        for e in &rec.episodes {
            if e.show.is_some_and(|s| !reachable(&shows[s])) {
                out.push(format!(
                    "{}: start episode {:?} of a show a listener may not reach",
                    p.name, e.title
                ));
            }
        }
    }
    out
}

/// When a format is asked for, the top pick has it whenever a live, reachable show with it
/// fits the time and is at most one level from the verdict.
fn the_top_pick_has_the_format_asked_for(
    catalog: &Catalog,
    p: &Persona,
    rec: &Recommendation,
) -> Vec<String> {
    let wanted = match p.answers.format {
        Some(FormatPref::News) => Format::News,
        Some(FormatPref::Explainers) => Format::Explainer,
        Some(FormatPref::Interviews) => Format::Interview,
        _ => return Vec::new(),
    };
    let level = rec.verdict.level as i32;
    let candidate = catalog.shows.iter().find(|s| {
        s.formats.contains(&wanted)
            && matches!(s.status, Status::Active | Status::Revived)
            && reachable(s)
            && can_fit(s, &p.answers)
            && s.levels.iter().any(|l| (*l as i32 - level).abs() <= 1)
    });
    let top = &catalog.shows[rec.picks[0].show];
    match candidate {
        Some(c) if !top.formats.contains(&wanted) => vec![format!(
            "{}: asked for {wanted:?}, top pick {} has {:?}, yet {} has it and fits",
            p.name, top.id, top.formats, c.id
        )],
        _ => Vec::new(),
    }
}

#[test]
fn shows_a_listener_may_not_reach_stay_out_of_the_plan_and_say_why_they_are_shown() {
    let catalog = Catalog::embedded().expect("the embedded catalog decodes");
    assert!(
        catalog.shows.iter().any(|s| !reachable(s)),
        "the catalog has shows a listener may not reach, so this test checks something"
    );
    let mut failures = Vec::new();
    let mut met = 0;
    for p in personas() {
        let rec = recommend(&catalog, &p.answers, 5);
        met += rec
            .picks
            .iter()
            .filter(|x| !reachable(&catalog.shows[x.show]))
            .count();
        failures.extend(unreachable_shows_stay_out_of_the_way(&catalog, &p, &rec));
        // A whole-catalog ranking meets every such show.
        let all = recommend(&catalog, &p.answers, catalog.shows.len());
        failures.extend(unreachable_shows_stay_out_of_the_way(&catalog, &p, &all));
        if rec.verdict.level == Level::Beginner {
            for x in &rec.picks[..3] {
                let show = &catalog.shows[x.show];
                if !reachable(show) {
                    failures.push(format!("{}: {} in a beginner's top three", p.name, show.id));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("unreachable shows among the personas' top fives: {met}");
}

#[test]
fn a_listener_who_asks_for_a_format_gets_it_first_when_a_live_show_in_it_fits() {
    let catalog = Catalog::embedded().expect("the embedded catalog decodes");
    let mut failures = Vec::new();
    let mut asked = 0;
    for p in personas() {
        let rec = recommend(&catalog, &p.answers, 5);
        if matches!(
            p.answers.format,
            Some(FormatPref::News | FormatPref::Explainers | FormatPref::Interviews)
        ) {
            asked += 1;
        }
        failures.extend(the_top_pick_has_the_format_asked_for(&catalog, &p, &rec));
    }
    assert!(asked >= 10, "{asked} personas ask for a format");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let news = personas()
        .into_iter()
        .find(|p| p.name == "news-only listener with short episodes")
        .expect("persona");
    let rec = recommend(&catalog, &news.answers, 5);
    assert!(catalog.shows[rec.picks[0].show]
        .formats
        .contains(&Format::News));
}

#[test]
fn there_are_at_least_24_personas_and_every_goal_appears_twice() {
    let all = personas();
    assert!(all.len() >= 24, "{} personas", all.len());
    for goal in Goal::ALL {
        let n = all.iter().filter(|p| p.answers.goal == Some(*goal)).count();
        assert!(n >= 2, "{goal:?}: {n} personas");
    }
}

/// The time checks have something to check: for each per-episode limit some persona meets
/// shows in the catalog that cannot fit it, and some persona meets a show that fits the
/// per-episode limit but not the whole week.
#[test]
fn personas_meet_shows_too_long_for_each_episode_limit_and_for_the_week_alone() {
    let catalog = Catalog::embedded().expect("the embedded catalog decodes");
    let all = personas();
    for time in [EpisodeTime::Short, EpisodeTime::Medium, EpisodeTime::Long] {
        let met = all.iter().any(|p| {
            p.answers.episode == Some(time) && catalog.shows.iter().any(|s| !can_fit(s, &p.answers))
        });
        assert!(
            met,
            "no persona with {time:?} episodes meets a show too long"
        );
    }
    let week_alone = all.iter().any(|p| {
        let episode_only = Answers {
            weekly: None,
            ..p.answers.clone()
        };
        catalog
            .shows
            .iter()
            .any(|s| can_fit(s, &episode_only) && !can_fit(s, &p.answers))
    });
    assert!(
        week_alone,
        "no persona meets a show ruled out by the week alone"
    );
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
        failures.extend(time_limits_hold(&catalog, &p, &rec));
        failures.extend(start_episodes_come_from_the_picks(&catalog, &p, &rec));
        if p.answers.goal == Some(Goal::Lead) {
            failures.extend(leading_shows_lead(&catalog, &p, &rec));
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

/// A show's typical episode as the plan counts it: the midpoint of its range, else of its
/// start episodes.
fn typical(catalog: &Catalog, show: usize) -> Option<u32> {
    let s = &catalog.shows[show];
    let (min, max) = match s.length {
        Some(len) => (u32::from(len.min), u32::from(len.max)),
        None => {
            let m = s.start_here.iter().map(|e| u32::from(e.minutes));
            (m.clone().min()?, m.max()?)
        }
    };
    Some((min + max) / 2)
}

#[test]
fn every_plan_keeps_to_the_weekly_time_and_week_one_plays_the_first_start_episodes() {
    let catalog = Catalog::embedded().expect("the embedded catalog decodes");
    let mut failures = Vec::new();
    for p in personas() {
        let rec = recommend(&catalog, &p.answers, 5);
        let week = p.answers.weekly.unwrap_or(WeeklyTime::Two).minutes();
        let first = &rec.plan[0];
        let played: Vec<usize> = (0..first.start_here.len()).collect();
        if first.start_here != played || (first.start_here.is_empty() && !rec.episodes.is_empty()) {
            failures.push(format!("{}: week 1 plays {:?}", p.name, first.start_here));
        }
        let minutes: u32 = first
            .start_here
            .iter()
            .filter_map(|&i| rec.episodes[i].minutes)
            .sum();
        if first.start_here.len() > 1 && minutes > week {
            failures.push(format!("{}: week 1 is {minutes} min of {week}", p.name));
        }
        // And it is full: the next start episode would not have fitted.
        if let Some(next) = rec.episodes.get(first.start_here.len()) {
            if minutes + next.minutes.unwrap_or(0) <= week {
                failures.push(format!(
                    "{}: week 1 stops at {minutes} min of {week}",
                    p.name
                ));
            }
        }
        let top: Vec<usize> = rec
            .picks
            .iter()
            .filter(|x| can_fit(&catalog.shows[x.show], &p.answers))
            .take(3)
            .map(|x| x.show)
            .collect();
        let shortest = top.iter().filter_map(|&s| typical(&catalog, s)).min();
        for w in rec.plan.iter().skip(1) {
            let count: u32 = w.shows.iter().map(|(_, n)| n).sum();
            let total = planned_minutes(&catalog, w);
            if count == 0 || (count > 1 && total > week) {
                failures.push(format!(
                    "{}: week {} holds {count} episodes, {total} min of {week}",
                    p.name, w.week
                ));
            }
            if shortest.is_some_and(|m| total + m <= week) {
                failures.push(format!(
                    "{}: week {} stops at {total} min of {week}",
                    p.name, w.week
                ));
            }
        }
        let week_two: u32 = rec.plan[1].shows.iter().map(|(_, n)| n).sum();
        if rec.episodes_per_week != week_two {
            failures.push(format!(
                "{}: about {} a week, week 2 holds {week_two}",
                p.name, rec.episodes_per_week
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A beginner switching careers, with short episodes and an hour a week.
fn newcomer_with_an_hour_of_short_episodes() -> Answers {
    answers(
        Background::None,
        Comfort::Low,
        Comfort::Low,
        Goal::SwitchCareer,
        EpisodeTime::Short,
        WeeklyTime::One,
        FormatPref::Any,
        &[],
    )
}

/// Minutes a week of the plan holds, each show's episodes at its typical length.
fn planned_minutes(catalog: &Catalog, week: &podpath_engine::recommend::PlanWeek) -> u32 {
    week.shows
        .iter()
        .map(|(s, n)| n * typical(catalog, *s).unwrap_or(0))
        .sum()
}

#[test]
fn an_hour_a_week_of_short_episodes_plans_no_more_than_an_hour() {
    let catalog = Catalog::embedded().expect("the embedded catalog decodes");
    let a = newcomer_with_an_hour_of_short_episodes();
    let rec = recommend(&catalog, &a, 5);
    for w in rec.plan.iter().skip(1) {
        let total = planned_minutes(&catalog, w);
        assert!(total <= 60, "week {}: {total} min", w.week);
    }
}

#[test]
fn start_episodes_speak_to_the_goal_when_a_pick_has_one_that_does() {
    let catalog = Catalog::embedded().expect("the embedded catalog decodes");
    // An engineer who wants production ML: each pick's episode is about production when the
    // show has one (the curated order would start with careers or linguistics).
    let a = answers(
        Background::Work,
        Comfort::High,
        Comfort::High,
        Goal::Production,
        EpisodeTime::Long,
        WeeklyTime::Four,
        FormatPref::Interviews,
        &[
            "data-engineering",
            "machine-learning-system-design",
            "mlops",
        ],
    );
    let rec = recommend(&catalog, &a, 5);
    let titles: Vec<&str> = rec.episodes.iter().map(|e| e.title.as_str()).collect();
    for wanted in ["ML System Design Interviews", "D. Sculley — Technical Debt"] {
        assert!(
            titles.iter().any(|t| t.starts_with(wanted)),
            "{wanted} missing from {titles:?}"
        );
    }
    for unwanted in ["Big Data Engineer vs Data Scientist", "Emily M. Bender"] {
        assert!(
            !titles.iter().any(|t| t.starts_with(unwanted)),
            "{unwanted} chosen: {titles:?}"
        );
    }
    // A beginner switching careers with short episodes: no niche case study of the day.
    let b = newcomer_with_an_hour_of_short_episodes();
    let rec = recommend(&catalog, &b, 5);
    assert!(
        !rec.episodes
            .iter()
            .any(|e| e.title.contains("GPU-Accelerated Spark")),
        "{:?}",
        rec.episodes.iter().map(|e| &e.title).collect::<Vec<_>>()
    );
}

#[test]
fn browsing_on_from_the_results_lists_every_pick_that_covers_a_chosen_topic() {
    let catalog = Catalog::embedded().expect("the embedded catalog decodes");
    let index = podpath_engine::search::SearchIndex::new(&catalog);
    for p in personas() {
        let rec = recommend(&catalog, &p.answers, 5);
        let filters = browse_filters(&catalog, &p.answers, &rec);
        assert!(filters.levels.contains(&rec.verdict.level), "{}", p.name);
        let listed: Vec<usize> = podpath_engine::filter::apply(&catalog, &index, &filters)
            .hits
            .iter()
            .map(|h| h.show)
            .collect();
        for pick in &rec.picks {
            let show = &catalog.shows[pick.show];
            let on_topic = p.answers.topics.is_empty()
                || show.topics.iter().any(|t| p.answers.topics.contains(t));
            assert!(
                !on_topic || listed.contains(&pick.show),
                "{}: {} is picked but not listed by {filters:?}",
                p.name,
                show.id
            );
        }
    }
}

/// Listeners who already follow shows: those are never suggested again, and shows like them
/// rise without bending the rules above.
mod follows {
    use super::*;
    use podpath_engine::recommend::{recommend_following, Reason};
    use podpath_engine::similar::Likeness;

    fn at(catalog: &Catalog, id: &str) -> usize {
        catalog.show_position(id).expect(id)
    }

    fn ids(catalog: &Catalog, rec: &Recommendation) -> Vec<String> {
        rec.picks
            .iter()
            .map(|x| catalog.shows[x.show].id.as_str().to_owned())
            .collect()
    }

    /// Whether `why` is true of `b` as a show like `a`, from the catalog alone.
    fn holds(a: &Show, b: &Show, why: &Likeness) -> bool {
        let typical = |s: &Show| catalog_length(s).map(|(lo, hi)| (lo + hi) / 2);
        match why {
            Likeness::Topics(ts) => {
                !ts.is_empty()
                    && ts.len() <= 3
                    && ts
                        .iter()
                        .all(|t| a.topics.contains(t) && b.topics.contains(t))
            }
            Likeness::Level(l) => a.levels.contains(l) && b.levels.contains(l),
            Likeness::Format(f) => a.formats.contains(f) && b.formats.contains(f),
            Likeness::Length(r) => match (typical(a), typical(b)) {
                (Some(x), Some(y)) => {
                    catalog_length(b) == Some((u32::from(r.min), u32::from(r.max)))
                        && 3 * x.abs_diff(y) <= x.max(y)
                }
                _ => false,
            },
        }
    }

    /// Follow sets that change each call and are the same every run: unsorted, with repeats
    /// and indices past the catalog.
    fn follow_sets(shows: usize, count: usize) -> Vec<Vec<usize>> {
        let mut rng = podpath_engine::testing::Lcg(11);
        let mut next = move |m: usize| rng.below(m);
        (0..count)
            .map(|_| {
                let len = next(8);
                (0..len).map(|_| next(shows + 2)).collect()
            })
            .collect()
    }

    /// A beginner after the fundamentals, medium episodes, two hours a week.
    fn beginner() -> Answers {
        answers(
            Background::None,
            Comfort::Low,
            Comfort::Some,
            Goal::Fundamentals,
            EpisodeTime::Medium,
            WeeklyTime::Two,
            FormatPref::Any,
            &[],
        )
    }

    #[test]
    fn a_beginner_following_data_skeptic_and_linear_digressions_gets_other_beginner_shows_like_them(
    ) {
        let catalog = Catalog::embedded().expect("the embedded catalog decodes");
        let followed = [
            at(&catalog, "data-skeptic"),
            at(&catalog, "linear-digressions"),
        ];
        let rec = recommend_following(&catalog, &beginner(), &followed, 5);
        assert_eq!(rec.picks.len(), 5);
        let mut liked = 0;
        for x in &rec.picks {
            let show = &catalog.shows[x.show];
            assert!(!followed.contains(&x.show), "{} is followed", show.id);
            assert!(show.levels.contains(&Level::Beginner), "{}", show.id);
            liked +=
                usize::from(matches!(x.reasons[0], Reason::Like(f, _) if followed.contains(&f)));
        }
        assert!(
            liked >= 3,
            "{liked} picks like a followed show: {:?}",
            ids(&catalog, &rec)
        );
        // Without the follows those two lead; in their place come shows like them.
        let plain = ids(
            &catalog,
            &podpath_engine::recommend::recommend(&catalog, &beginner(), 5),
        );
        assert_eq!(plain[..2], ["data-skeptic", "linear-digressions"]);
        assert!(ids(&catalog, &rec).contains(&"super-data-science".to_owned()));
    }

    #[test]
    fn a_latent_space_follower_building_for_production_gets_llm_and_production_shows() {
        let catalog = Catalog::embedded().expect("the embedded catalog decodes");
        let engineer = answers(
            Background::Work,
            Comfort::Some,
            Comfort::Some,
            Goal::Production,
            EpisodeTime::Long,
            WeeklyTime::Four,
            FormatPref::Any,
            &[],
        );
        let latent = at(&catalog, "latent-space");
        let rec = recommend_following(&catalog, &engineer, &[latent], 5);
        let picked = ids(&catalog, &rec);
        assert!(!rec.picks.iter().any(|x| x.show == latent));
        let covering = |wanted: &[&str]| {
            rec.picks
                .iter()
                .filter(|x| {
                    catalog.shows[x.show]
                        .topics
                        .iter()
                        .any(|t| wanted.contains(&t.as_str()))
                })
                .count()
        };
        assert!(covering(&["llms"]) >= 2, "{picked:?}");
        assert!(covering(goal_topics(Goal::Production)) >= 4, "{picked:?}");
        // Training Data (LLMs, agents, AI infrastructure) is there because of the follow.
        let plain = ids(
            &catalog,
            &podpath_engine::recommend::recommend(&catalog, &engineer, 5),
        );
        assert!(!plain.contains(&"training-data".to_owned()), "{plain:?}");
        assert!(picked.contains(&"training-data".to_owned()), "{picked:?}");
    }

    #[test]
    fn followed_shows_are_never_picks_start_episodes_or_plan_weeks() {
        let catalog = Catalog::embedded().expect("the embedded catalog decodes");
        for p in personas() {
            // Following what the answers alone would pick first is the hardest case.
            let plain = podpath_engine::recommend::recommend(&catalog, &p.answers, 5);
            let followed: Vec<usize> = plain.picks.iter().take(3).map(|x| x.show).collect();
            let rec = recommend_following(&catalog, &p.answers, &followed, 5);
            assert_eq!(rec.picks.len(), 5, "{}", p.name);
            for x in &rec.picks {
                assert!(!followed.contains(&x.show), "{}: pick {}", p.name, x.show);
            }
            for e in &rec.episodes {
                assert!(
                    e.show.is_some_and(|s| !followed.contains(&s)),
                    "{}: {}",
                    p.name,
                    e.title
                );
            }
            for w in &rec.plan {
                for (s, _) in &w.shows {
                    assert!(
                        !followed.contains(s),
                        "{}: week {} plays {s}",
                        p.name,
                        w.week
                    );
                }
            }
        }
    }

    #[test]
    fn already_lists_the_followed_shows_once_each_in_catalog_order() {
        let catalog = Catalog::embedded().expect("the embedded catalog decodes");
        let rec = recommend_following(&catalog, &beginner(), &[14, 2, 14, 8, usize::MAX], 5);
        assert_eq!(rec.already, [2, 8, 14]);
        assert_eq!(
            rec,
            recommend_following(&catalog, &beginner(), &[2, 8, 14], 5)
        );
    }

    #[test]
    fn a_pick_raised_by_a_follow_names_that_show_first_and_the_likeness_is_true() {
        let catalog = Catalog::embedded().expect("the embedded catalog decodes");
        let mut named = 0;
        for p in personas() {
            for follows in follow_sets(catalog.shows.len(), 12) {
                let rec = recommend_following(&catalog, &p.answers, &follows, 5);
                for x in &rec.picks {
                    for (i, r) in x.reasons.iter().enumerate() {
                        let Reason::Like(f, why) = r else { continue };
                        named += 1;
                        assert_eq!(i, 0, "{}: Like is not first in {:?}", p.name, x.reasons);
                        assert!(rec.already.contains(f), "{}: {f} is not followed", p.name);
                        let (a, b) = (&catalog.shows[*f], &catalog.shows[x.show]);
                        assert!(holds(a, b, why), "{}: {} ~ {}: {why:?}", p.name, a.id, b.id);
                    }
                }
            }
        }
        assert!(named > 100, "only {named} picks name a followed show");
    }

    #[test]
    fn following_every_show_leaves_nothing_to_pick_and_nothing_panics() {
        let catalog = Catalog::embedded().expect("the embedded catalog decodes");
        let all: Vec<usize> = (0..catalog.shows.len()).rev().collect();
        for p in personas() {
            let rec = recommend_following(&catalog, &p.answers, &all, 5);
            assert!(
                rec.picks.is_empty() && rec.episodes.is_empty(),
                "{}",
                p.name
            );
            assert_eq!(rec.plan.len(), 4);
            assert!(rec
                .plan
                .iter()
                .all(|w| w.shows.is_empty() && w.start_here.is_empty()));
            assert_eq!(rec.episodes_per_week, 0);
            assert_eq!(rec.already, (0..catalog.shows.len()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn any_follows_for_any_persona_pick_no_followed_show_at_most_n_and_the_same_every_time() {
        let catalog = Catalog::embedded().expect("the embedded catalog decodes");
        let shows = catalog.shows.len();
        for p in personas() {
            for (k, follows) in follow_sets(shows, 20).into_iter().enumerate() {
                let n = 1 + k % 8;
                let rec = recommend_following(&catalog, &p.answers, &follows, n);
                let left = shows - rec.already.len();
                assert_eq!(rec.picks.len(), n.min(left), "{}: {follows:?}", p.name);
                assert!(rec.picks.iter().all(|x| !follows.contains(&x.show)));
                let mut reversed = follows.clone();
                reversed.reverse();
                assert_eq!(rec, recommend_following(&catalog, &p.answers, &reversed, n));
            }
        }
    }

    #[test]
    fn taste_bends_no_time_limit_reach_or_level_rule() {
        let catalog = Catalog::embedded().expect("the embedded catalog decodes");
        let mut failures = Vec::new();
        for p in personas() {
            for follows in follow_sets(catalog.shows.len(), 10) {
                let rec = recommend_following(&catalog, &p.answers, &follows, catalog.shows.len());
                failures.extend(ranking_keeps_time_limits(
                    &catalog,
                    &p,
                    "following",
                    &rec.picks,
                ));
                for x in &rec.picks {
                    let held_back = x.too_long
                        || !reachable(&catalog.shows[x.show])
                        || x.cautions.iter().any(|c| matches!(c, Caution::LevelGap(_)));
                    if held_back && matches!(x.reasons[0], Reason::Like(..)) {
                        failures.push(format!("{}: {} raised by taste", p.name, x.show));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
