//! "Shows like this": every other show of the catalog, most alike first, each with the one
//! reason that weighs most.
//!
//! Points, from the catalog alone (see the constants): each topic both shows cover, each of
//! the other show's topics next to one of this show's in the topic graph (a little), each
//! level both are aimed at, typical episodes within a third of each other, each format both
//! use. Whether the other show still publishes and can be reached only breaks near-ties, so
//! that a dead show no app links to is not the first suggestion.

use crate::catalog::Catalog;
use crate::model::{Show, TopicId};
pub use crate::picks::Likeness;
use crate::picks::{reachable, typical_minutes, usual_length};
use crate::sorting;

/// Points per topic both shows cover.
const TOPIC: i32 = 8;
/// Points per topic of the other show next to one of this show's in the topic graph: related
/// subjects, counted well below a shared one.
const NEAR_TOPIC: i32 = 2;
/// Points per level both shows are aimed at.
const LEVEL: i32 = 4;
/// Points when their typical episodes are within a third of the longer one.
const LENGTH: i32 = 4;
/// Points per format both shows use.
const FORMAT: i32 = 3;
/// Points for the other show still publishing, and again for being reachable.
const ALIVE: i32 = 2;

/// One show like another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Like {
    /// Index into `Catalog::shows`.
    pub show: usize,
    pub score: i32,
    /// The strongest signal that holds; `None` when the two have nothing in common.
    pub why: Option<Likeness>,
}

/// Every other show of the catalog, most alike first (deterministic: ties by title then id).
/// Empty for an index out of range.
pub fn like(catalog: &Catalog, show: usize) -> Vec<Like> {
    let Some(a) = catalog.shows.get(show) else {
        return Vec::new();
    };
    let near = near_topics(catalog, a);
    let mut out: Vec<Like> = catalog
        .shows
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != show)
        .map(|(i, b)| {
            let (score, why) = likeness_near(a, &near, b);
            let alive = ALIVE * (i32::from(b.publishing()) + i32::from(reachable(b)));
            Like {
                show: i,
                score: score + alive,
                why,
            }
        })
        .collect();
    let key = |l: &Like| {
        let s = &catalog.shows[l.show];
        (-l.score, s.title.as_str(), s.id.as_str())
    };
    sorting::sort_by(&mut out, |x, y| key(x).cmp(&key(y)));
    out
}

/// Find ordered by likeness to `show` (`?like=`): the show itself first, then every other show,
/// most alike first.
pub fn order(catalog: &Catalog, show: usize) -> Vec<usize> {
    std::iter::once(show)
        .chain(like(catalog, show).iter().map(|l| l.show))
        .collect()
}

/// How much `b` is like `a` from what they are about and how they sound, and the strongest
/// signal that holds (the earlier of equals: topics, level, length, format).
pub fn likeness(catalog: &Catalog, a: &Show, b: &Show) -> (i32, Option<Likeness>) {
    likeness_near(a, &near_topics(catalog, a), b)
}

/// The topics next to one of `a`'s in the topic graph, either way round, other than `a`'s own:
/// worked out once per show rather than once for every show it is compared with.
fn near_topics<'c>(catalog: &'c Catalog, a: &Show) -> Vec<&'c TopicId> {
    let mut near: Vec<&TopicId> = Vec::new();
    for t in &catalog.topics {
        if a.topics.contains(&t.id) {
            near.extend(t.related.iter().filter(|r| !a.topics.contains(r)));
        } else if t.related.iter().any(|r| a.topics.contains(r)) {
            near.push(&t.id);
        }
    }
    near
}

/// `likeness` with `a`'s near topics at hand.
fn likeness_near(a: &Show, near: &[&TopicId], b: &Show) -> (i32, Option<Likeness>) {
    let shared: Vec<TopicId> = b
        .topics
        .iter()
        .filter(|t| a.topics.contains(t))
        .cloned()
        .collect();
    let near = b.topics.iter().filter(|t| near.contains(t)).count() as i32;
    let levels: Vec<_> = b.levels.iter().filter(|l| a.levels.contains(l)).collect();
    let formats: Vec<_> = b.formats.iter().filter(|f| a.formats.contains(f)).collect();
    let length = usual_length(b).filter(|&y| {
        usual_length(a).is_some_and(|x| {
            let (x, y) = (typical_minutes(x), typical_minutes(y));
            3 * x.abs_diff(y) <= x.max(y)
        })
    });
    let signals = [
        (
            TOPIC * shared.len() as i32,
            (!shared.is_empty()).then(|| Likeness::Topics(shared.into_iter().take(3).collect())),
        ),
        (
            LEVEL * levels.len() as i32,
            levels.first().map(|&&l| Likeness::Level(l)),
        ),
        (
            LENGTH * i32::from(length.is_some()),
            length.map(Likeness::Length),
        ),
        (
            FORMAT * formats.len() as i32,
            formats.first().map(|&&f| Likeness::Format(f)),
        ),
    ];
    let score = NEAR_TOPIC * near + signals.iter().map(|s| s.0).sum::<i32>();
    // Reversed so that, of equal weights, the earlier signal wins.
    let why = signals
        .into_iter()
        .rev()
        .filter(|s| s.1.is_some())
        .max_by_key(|s| s.0)
        .and_then(|s| s.1);
    (score, why)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Format, LengthRange, Level, Links};

    fn catalog() -> Catalog {
        Catalog::embedded().expect("the embedded catalog decodes")
    }

    fn index(catalog: &Catalog, id: &str) -> usize {
        catalog.show_position(id).expect(id)
    }

    fn ids(catalog: &Catalog, likes: &[Like]) -> Vec<String> {
        likes
            .iter()
            .map(|l| catalog.shows[l.show].id.0.clone())
            .collect()
    }

    /// Whether `why` is true of `b` as a show like `a`, worked out from the catalog alone.
    fn holds(a: &Show, b: &Show, why: &Likeness) -> bool {
        let minutes = |s: &Show| {
            s.length
                .map(|l| (l.min, l.max))
                .or_else(|| {
                    let m = s.start_here.iter().map(|e| e.minutes);
                    Some((m.clone().min()?, m.max()?))
                })
                .map(|(lo, hi)| (u32::from(lo) + u32::from(hi)) / 2)
        };
        match why {
            Likeness::Topics(ts) => {
                let in_b: Vec<&TopicId> = b.topics.iter().filter(|t| ts.contains(t)).collect();
                (1..=3).contains(&ts.len())
                    && ts.iter().all(|t| a.topics.contains(t))
                    && in_b.into_iter().eq(ts.iter())
            }
            Likeness::Level(l) => a.levels.contains(l) && b.levels.contains(l),
            Likeness::Format(f) => a.formats.contains(f) && b.formats.contains(f),
            Likeness::Length(r) => {
                let (Some(x), Some(y)) = (minutes(a), minutes(b)) else {
                    return false;
                };
                usual_length(b) == Some(*r) && 3 * x.abs_diff(y) <= x.max(y)
            }
        }
    }

    #[test]
    fn every_show_is_like_every_other_show_once_never_itself_and_always_in_one_order() {
        let c = catalog();
        for i in 0..c.shows.len() {
            let likes = like(&c, i);
            let mut shows: Vec<usize> = likes.iter().map(|l| l.show).collect();
            assert!(!shows.contains(&i), "{}", c.shows[i].id);
            shows.sort_unstable();
            assert_eq!(
                shows,
                (0..c.shows.len()).filter(|&j| j != i).collect::<Vec<_>>()
            );
            assert_eq!(likes, like(&c, i));
            assert!(likes.windows(2).all(|w| w[0].score >= w[1].score));
        }
        assert!(like(&c, c.shows.len()).is_empty());
    }

    #[test]
    fn every_reason_given_is_true_of_the_pair_and_only_missing_when_nothing_is_shared() {
        let c = catalog();
        for (i, a) in c.shows.iter().enumerate() {
            for l in like(&c, i) {
                let b = &c.shows[l.show];
                match &l.why {
                    Some(why) => assert!(holds(a, b, why), "{} ~ {}: {why:?}", a.id, b.id),
                    None => assert!(
                        !b.topics.iter().any(|t| a.topics.contains(t))
                            && !b.levels.iter().any(|x| a.levels.contains(x))
                            && !b.formats.iter().any(|f| a.formats.contains(f)),
                        "{} ~ {} share something",
                        a.id,
                        b.id
                    ),
                }
            }
        }
    }

    #[test]
    fn the_like_order_puts_the_show_first_then_every_other_once_most_alike_first() {
        let catalog = catalog();
        for show in 0..catalog.shows.len() {
            let order = order(&catalog, show);
            assert_eq!(order[0], show);
            let rest: Vec<usize> = like(&catalog, show).iter().map(|l| l.show).collect();
            assert_eq!(order[1..], rest[..]);
            let mut all = order.clone();
            all.sort_unstable();
            assert_eq!(all, (0..catalog.shows.len()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn data_skeptic_is_most_like_beginner_friendly_machine_learning_shows() {
        let c = catalog();
        let likes = like(&c, index(&c, "data-skeptic"));
        let first = ids(&c, &likes[..3]);
        assert_eq!(
            first,
            ["talking-machines", "practical-ai", "datatalks-club"]
        );
        for l in &likes[..3] {
            let s = &c.shows[l.show];
            assert!(s.levels.contains(&Level::Beginner), "{}", s.id);
            assert!(
                s.topics.contains(&TopicId::from("machine-learning")),
                "{}",
                s.id
            );
            assert!(matches!(l.why, Some(Likeness::Topics(_))), "{:?}", l.why);
        }
        // Pipelines and analytics teams are what it is least like.
        let last = ids(&c, &likes[likes.len() - 3..]);
        for id in ["data-engineering-podcast", "analytics-power-hour"] {
            assert!(last.iter().any(|x| x == id), "{id} not in {last:?}");
        }
    }

    #[test]
    fn latent_space_is_most_like_llm_shows_and_ai_engineering_before_data_engineering() {
        let c = catalog();
        let likes = like(&c, index(&c, "latent-space"));
        let all = ids(&c, &likes);
        assert_eq!(
            all[..3],
            ["training-data", "last-week-in-ai", "cognitive-revolution"]
        );
        for l in &likes[..3] {
            assert!(c.shows[l.show].topics.contains(&TopicId::from("llms")));
        }
        let rank = |id: &str| all.iter().position(|x| x == id);
        // Agents and AI infrastructure (Training Data) are closer than data pipelines.
        assert!(rank("training-data") < rank("data-engineering-podcast"));
        assert!(rank("gradient-dissent") < rank("data-engineering-podcast"));
        assert_eq!(
            likes[0].why,
            Some(Likeness::Topics(
                ["llms", "agent-engineering", "ai-infrastructure"]
                    .map(TopicId::from)
                    .into()
            ))
        );
    }

    #[test]
    fn a_dead_show_no_app_links_to_is_nobodys_first_suggestion() {
        let c = catalog();
        for i in 0..c.shows.len() {
            let first = &c.shows[like(&c, i)[0].show];
            assert!(first.publishing() || reachable(first), "{} first", first.id);
        }
    }

    #[test]
    fn the_reason_is_the_heaviest_signal_and_topics_win_a_tie() {
        let c = catalog();
        let show = |topics: &[&str], levels: &[Level], formats: &[Format]| Show {
            levels: levels.to_vec(),
            formats: formats.to_vec(),
            ..Show::fixture("X", topics, Links::default())
        };
        use Format::*;
        use Level::*;
        let a = show(
            &["mlops", "llms"],
            &[Beginner, Intermediate],
            &[Interview, Panel, Solo],
        );
        // One topic (8) against two levels (8): the topic.
        let b = show(&["llms"], &[Beginner, Intermediate], &[News]);
        let topic = Likeness::Topics(vec![TopicId::from("llms")]);
        assert_eq!(likeness(&c, &a, &b).1, Some(topic));
        // Three formats (9) against one topic (8).
        let b = show(&["llms"], &[Advanced], &[Interview, Panel, Solo]);
        assert_eq!(likeness(&c, &a, &b).1, Some(Likeness::Format(Interview)));
        // Nothing shared but the length.
        let mut b = show(&["poetry"], &[Advanced], &[News]);
        let mut a = a;
        a.length = Some(LengthRange { min: 30, max: 50 });
        b.length = Some(LengthRange { min: 35, max: 45 });
        assert_eq!(
            likeness(&c, &a, &b),
            (LENGTH, b.length.map(Likeness::Length))
        );
        b.length = Some(LengthRange { min: 70, max: 90 });
        assert_eq!(likeness(&c, &a, &b), (0, None));
    }
}
