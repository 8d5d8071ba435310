//! Browse filtering over the shipped catalog: facet counts predict the next click, values of
//! one facet are alternatives, facets combine, sorts order as documented, and an empty result
//! offers the single removal that brings back the most shows.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use podpath_engine::filter::{
    apply, best_relaxation, lead_tier, Dropped, Filters, LengthBucket, Platform, Sort,
};
use podpath_engine::search::SearchIndex;
use podpath_engine::{Catalog, Format, Level, Show, TopicId};
use std::collections::BTreeSet;

/// Months since year 0 of an ISO date ("2026-06" or "2026-06-08"; a year alone counts as
/// its December, the latest it can mean): calendar months, as the catalog compares dates.
fn months(d: &podpath_engine::IsoDate) -> u32 {
    let s = d.as_str();
    let year: u32 = s[..4].parse().expect("year");
    let month: u32 = s.get(5..7).map_or(12, |m| m.parse().expect("month"));
    year * 12 + month
}

fn loaded() -> (&'static Catalog, SearchIndex<'static>) {
    let catalog: &'static Catalog = Box::leak(Box::new(
        Catalog::embedded().expect("the embedded catalog decodes"),
    ));
    (catalog, SearchIndex::new(catalog))
}

fn ids(catalog: &Catalog, filters: &Filters) -> BTreeSet<String> {
    let (_, index) = loaded();
    apply(catalog, &index, filters)
        .hits
        .iter()
        .map(|h| catalog.shows[h.show].id.to_string())
        .collect()
}

/// Starting points for the count checks: nothing, one facet, two facets, a query.
fn bases() -> Vec<Filters> {
    let mut level = Filters::default();
    level.levels.insert(Level::Beginner);
    let mut two = Filters::default();
    two.formats.insert(Format::Interview);
    two.active_only = true;
    let query = Filters {
        query: "mlops".into(),
        ..Filters::default()
    };
    vec![Filters::default(), level, two, query]
}

#[test]
fn every_facet_count_equals_the_hits_after_selecting_that_value() {
    let (catalog, index) = loaded();
    let mut checked = 0;
    for base in bases() {
        let facets = apply(catalog, &index, &base).facets;
        // (what was added, the count shown next to it, the filters after ticking it)
        let mut cases: Vec<(String, usize, Filters)> = Vec::new();
        let mut add = |what: String, shown: usize, tick: &dyn Fn(&mut Filters)| {
            let mut f = base.clone();
            tick(&mut f);
            cases.push((what, shown, f));
        };
        // A facet that already has a selection ORs the new value in, so only empty ones apply.
        if base.levels.is_empty() {
            for l in Level::ALL {
                add(format!("level {l:?}"), facets.level(l), &|f| {
                    f.levels.insert(l);
                });
            }
        }
        if base.formats.is_empty() {
            for x in Format::ALL {
                add(format!("format {x:?}"), facets.format(x), &|f| {
                    f.formats.insert(x);
                });
            }
        }
        for b in LengthBucket::ALL {
            add(format!("length {b:?}"), facets.length(b), &|f| {
                f.lengths.insert(b);
            });
        }
        for p in Platform::ALL {
            add(format!("on {p:?}"), facets.platform(p), &|f| {
                f.platforms.insert(p);
            });
        }
        for t in &catalog.topics {
            let id = t.id.clone();
            add(format!("topic {id}"), facets.topic(id.as_str()), &|f| {
                f.topics.insert(id.clone());
            });
        }
        for (what, shown, f) in cases {
            assert_eq!(
                shown,
                apply(catalog, &index, &f).hits.len(),
                "{base:?} + {what}"
            );
            checked += 1;
        }
        let hits_with = |f: &Filters| apply(catalog, &index, f).hits.len();
        if !base.active_only {
            let f = Filters {
                active_only: true,
                ..base.clone()
            };
            assert_eq!(facets.active, hits_with(&f), "{base:?} + active only");
        }
    }
    assert!(checked > 1000, "only {checked} counts checked");
}

#[test]
fn values_of_one_facet_are_alternatives_and_facets_combine() {
    let (catalog, _) = loaded();
    let one = |l: Level| {
        let mut f = Filters::default();
        f.levels.insert(l);
        ids(catalog, &f)
    };
    let mut both = Filters::default();
    both.levels.extend([Level::Beginner, Level::Advanced]);
    let union: BTreeSet<String> = one(Level::Beginner)
        .union(&one(Level::Advanced))
        .cloned()
        .collect();
    assert_eq!(ids(catalog, &both), union);
    assert!(union.len() > one(Level::Beginner).len());

    let mut narrowed = both.clone();
    narrowed.topics.insert(TopicId::from("mlops"));
    let got = ids(catalog, &narrowed);
    assert!(!got.is_empty() && got.len() < union.len());
    for id in &got {
        let show = catalog.show(id).expect("hit is a catalog show");
        assert!(
            show.topics.iter().any(|t| t.as_str() == "mlops"),
            "{id} lacks mlops"
        );
        assert!(show
            .levels
            .iter()
            .any(|l| matches!(l, Level::Beginner | Level::Advanced)));
    }
}

#[test]
fn still_publishing_keeps_revived_shows_and_drops_ended_and_quiet_ones() {
    let (catalog, _) = loaded();
    let active = ids(
        catalog,
        &Filters {
            active_only: true,
            ..Filters::default()
        },
    );
    assert!(active.contains("linear-digressions"), "revived in 2026");
    for show in &catalog.shows {
        assert_eq!(
            active.contains(show.id.as_str()),
            // Live, and an episode within six calendar months of the check.
            show.status.is_publishing()
                && show
                    .last_episode
                    .as_ref()
                    .is_some_and(|d| months(d) + 6 >= months(&show.checked)),
            "{}",
            show.id
        );
    }
}

#[test]
fn sorts_order_as_documented() {
    let (catalog, index) = loaded();
    let sorted = |sort: Sort| -> Vec<&Show> {
        let f = Filters {
            sort,
            ..Filters::default()
        };
        apply(catalog, &index, &f)
            .hits
            .iter()
            .map(|h| &catalog.shows[h.show])
            .collect()
    };
    let best: Vec<usize> = apply(catalog, &index, &Filters::default())
        .hits
        .iter()
        .map(|h| h.show)
        .collect();
    let mut expected: Vec<usize> = (0..catalog.shows.len()).collect();
    expected.sort_by_key(|&i| (lead_tier(&catalog.shows[i]), i));
    assert_eq!(
        best, expected,
        "without a query: the lead tiers, then the curated order within each"
    );
    let first = &catalog.shows[best[0]];
    assert!(
        first.status.is_publishing() && first.length.is_some() && first.last_episode.is_some(),
        "the first card is a live show whose facts are known, not {}",
        first.id
    );
    assert!(
        best.iter()
            .take_while(|&&i| catalog.shows[i].status != podpath_engine::Status::Unknown)
            .count()
            >= best
                .iter()
                .filter(|&&i| catalog.shows[i].status != podpath_engine::Status::Unknown)
                .count(),
        "no show of unknown status comes before a show whose status is known"
    );

    let az: Vec<String> = sorted(Sort::Az)
        .iter()
        .map(|s| s.title.trim_start_matches("The ").to_lowercase())
        .collect();
    let mut expected = az.clone();
    expected.sort();
    assert_eq!(az, expected, "A–Z ignores a leading \"The\"");

    let shortest = sorted(Sort::Shortest);
    let mins: Vec<u16> = shortest
        .iter()
        .filter_map(|s| s.length.map(|l| l.min))
        .collect();
    assert!(mins.windows(2).all(|w| w[0] <= w[1]), "{mins:?}");
    let first_unknown = shortest
        .iter()
        .position(|s| s.length.is_none())
        .unwrap_or(shortest.len());
    assert!(
        shortest[first_unknown..].iter().all(|s| s.length.is_none()),
        "unknown lengths last"
    );

    let recent = sorted(Sort::Recent);
    let dates: Vec<&str> = recent
        .iter()
        .filter_map(|s| s.last_episode.as_ref().map(|d| d.as_str()))
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let first_unknown = recent
        .iter()
        .position(|s| s.last_episode.is_none())
        .unwrap_or(recent.len());
    assert!(
        recent[first_unknown..]
            .iter()
            .all(|s| s.last_episode.is_none()),
        "unknown dates last"
    );
}

#[test]
fn an_empty_result_offers_the_removal_that_brings_back_most_shows() {
    let (catalog, index) = loaded();
    let mut f = Filters::default();
    f.levels.insert(Level::Beginner);
    f.formats.insert(Format::News);
    f.lengths.insert(LengthBucket::Over90);
    f.active_only = true;
    assert!(
        apply(catalog, &index, &f).hits.is_empty(),
        "fixture must start empty"
    );

    let r = best_relaxation(catalog, &index, &f).expect("some removal helps");
    assert_eq!(apply(catalog, &index, &r.filters).hits.len(), r.hits);
    assert!(r.hits > 0);
    let without = |d: &Dropped| {
        let mut g = f.clone();
        match d {
            Dropped::Level(l) => drop(g.levels.remove(l)),
            Dropped::Format(x) => drop(g.formats.remove(x)),
            Dropped::Length(b) => drop(g.lengths.remove(b)),
            Dropped::ActiveOnly => g.active_only = false,
            other => panic!("{other:?} was not selected"),
        }
        g
    };
    assert_eq!(
        r.filters,
        without(&r.dropped),
        "the filters are the old ones minus `dropped`"
    );
    for d in [
        Dropped::Level(Level::Beginner),
        Dropped::Format(Format::News),
        Dropped::Length(LengthBucket::Over90),
        Dropped::ActiveOnly,
    ] {
        let hits = apply(catalog, &index, &without(&d)).hits.len();
        assert!(hits <= r.hits, "dropping {d:?} gives {hits} > {}", r.hits);
    }

    let query = Filters {
        query: "zzzzqqqq".into(),
        ..Filters::default()
    };
    let r = best_relaxation(catalog, &index, &query).expect("dropping the query helps");
    assert_eq!((r.dropped, r.hits), (Dropped::Query, catalog.shows.len()));
    assert!(
        best_relaxation(catalog, &index, &Filters::default()).is_none(),
        "nothing to remove"
    );
}

#[test]
fn the_facet_count_counts_the_values_that_apply_but_not_the_query_or_the_sort() {
    let mut f = Filters {
        query: "mlops".into(),
        sort: Sort::Az,
        ..Filters::default()
    };
    assert_eq!(f.facet_count(), 0);
    f.levels.insert(Level::Beginner);
    f.levels.insert(Level::Advanced);
    f.formats.insert(Format::Interview);
    f.topics.insert(TopicId("mlops".into()));
    f.lengths.insert(LengthBucket::Under20);
    f.platforms.insert(Platform::Rss);
    f.active_only = true;
    assert_eq!(f.facet_count(), 7);
    // Episodes have no level, format or status facet: those selections stay but do not count.
    f.episodes = true;
    assert_eq!(f.facet_count(), 3);
}

/// The shows a search of the shipped catalog finds, with their scores, in order.
fn searched(query: &str) -> Vec<(String, u32)> {
    let (catalog, index) = loaded();
    let filters = Filters {
        query: query.into(),
        ..Filters::default()
    };
    apply(catalog, &index, &filters)
        .hits
        .iter()
        .map(|h| (catalog.shows[h.show].id.to_string(), h.score))
        .collect()
}

#[test]
fn accented_searches_find_the_same_shows_as_unaccented_ones() {
    // (accented query, the same without accents, a show it must find). Scores must match too:
    // a word the accent broke would still be found as a typo, but with a lower score, and short
    // words ("dàtà", "Loïc") get no typo allowance at all.
    let cases = [
        (
            "mächine léarning",
            "machine learning",
            "machine-learning-street-talk",
        ),
        (
            "Data Engìneering",
            "data engineering",
            "data-engineering-podcast",
        ),
        ("dàtà skèptic", "data skeptic", "data-skeptic"),
        ("LÀTENT SPÂCE", "latent space", "latent-space"),
        // Accents in the catalog itself: guests of DataTalks.Club episodes, and "Erdős" in an
        // episode title of Last Week in AI.
        ("Raphaël Hoogvliets", "raphael hoogvliets", "datatalks-club"),
        ("Loïc", "loic", "datatalks-club"),
        ("José María Sánchez", "jose maria sanchez", "datatalks-club"),
        ("Ellen König", "ellen konig", "datatalks-club"),
        ("Erdős", "erdos", "last-week-in-ai"),
    ];
    for (accented, plain, expected) in cases {
        let found = searched(accented);
        assert!(
            found.iter().any(|(id, _)| id == expected),
            "{accented:?} misses {expected}: {found:?}"
        );
        assert_eq!(found, searched(plain), "{accented:?} and {plain:?} differ");
    }
}

#[test]
fn accented_episode_searches_find_the_same_episodes_as_unaccented_ones() {
    let (catalog, index) = loaded();
    let episodes = |query: &str| {
        let filters = Filters {
            query: query.into(),
            episodes: true,
            ..Filters::default()
        };
        podpath_engine::episodes::apply(catalog, &index, &filters).hits
    };
    // (accented, unaccented, a guest of an episode it must find)
    for (accented, plain, guest) in [
        (
            "José María Sánchez",
            "jose maria sanchez",
            "José María Sánchez Salas",
        ),
        ("Dânia", "dania", "Dânia Meira"),
        ("Johannes Hötter", "johannes hotter", "Johannes Hötter"),
        ("Mısra", "misra", "Mısra Turp"),
    ] {
        let found = episodes(accented);
        assert!(
            found
                .iter()
                .any(|&e| catalog.episodes[e].guests.iter().any(|g| g == guest)),
            "{accented:?} misses the episode with {guest}"
        );
        assert_eq!(found, episodes(plain), "{accented:?} and {plain:?} differ");
    }
}

#[test]
fn a_likeness_order_keeps_the_filtered_shows_most_alike_first_and_drops_the_show_itself() {
    let (catalog, index) = loaded();
    let skeptic = catalog
        .shows
        .iter()
        .position(|s| s.id.as_str() == "data-skeptic")
        .unwrap();
    let order: Vec<usize> = podpath_engine::similar::like(catalog, skeptic)
        .iter()
        .map(|l| l.show)
        .collect();
    let filters = Filters {
        levels: [Level::Beginner].into(),
        ..Filters::default()
    };
    let mut hits = apply(catalog, &index, &filters).hits;
    let before: BTreeSet<usize> = hits.iter().map(|h| h.show).collect();
    podpath_engine::filter::order_by(&mut hits, &order);
    let after: Vec<usize> = hits.iter().map(|h| h.show).collect();
    // The same shows but the one Find is ordered by, in the order given.
    let mut expected: Vec<usize> = order
        .iter()
        .copied()
        .filter(|s| before.contains(s))
        .collect();
    assert_eq!(after, expected);
    expected.push(skeptic);
    assert_eq!(
        expected.iter().copied().collect::<BTreeSet<_>>(),
        before.iter().copied().chain([skeptic]).collect()
    );
    assert!(!after.contains(&skeptic));
}
