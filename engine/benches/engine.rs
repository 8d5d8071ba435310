//! Engine benchmarks: `cargo bench -p podpath_engine`.
//!
//! Filtering with facet counts and sorting, search, and quiz-to-recommendation, on the real
//! catalog (24 shows, 201 episodes) and on generated catalogs of 1,000 shows / 10,000 episodes
//! and 10,000 shows / 100,000 episodes, to check that time grows linearly.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmarks may fail loudly

use divan::{black_box, Bencher};
use podpath_engine::catalog::embedded;
use podpath_engine::filter::{apply, Filters, LengthBucket, Sort};
use podpath_engine::quiz::*;
use podpath_engine::recommend::recommend;
use podpath_engine::search::SearchIndex;
use podpath_engine::validate::{check_all, Files};
use podpath_engine::{Catalog, EpisodeId, Level, ShowId, TopicId};

fn main() {
    divan::main();
}

fn real() -> Catalog {
    Catalog::embedded().expect("the embedded catalog decodes")
}

/// A catalog of `shows` shows and `episodes` episodes made by cycling through the real ones
/// with fresh ids, so the value distributions stay realistic.
fn synthetic(shows: usize, episodes: usize) -> Catalog {
    let Files {
        shows: mut s,
        topics,
        episodes: mut e,
    } = check_all(embedded::sources()).unwrap();
    let base_shows = s.shows.clone();
    s.shows = (0..shows)
        .map(|i| {
            let mut show = base_shows[i % base_shows.len()].clone();
            show.id = ShowId(format!("{}-{i}", show.id));
            show.title = format!("{} {i}", show.title);
            show
        })
        .collect();
    let base_eps = e.episodes.clone();
    e.episodes = (0..episodes)
        .map(|i| {
            let mut ep = base_eps[i % base_eps.len()].clone();
            ep.id = EpisodeId(format!("{}-{i}", ep.id));
            ep
        })
        .collect();
    Catalog::from_files(Files {
        shows: s,
        topics,
        episodes: e,
    })
}

fn typical_filters() -> Filters {
    let mut f = Filters {
        sort: Sort::Recent,
        active_only: true,
        ..Filters::default()
    };
    f.levels.insert(Level::Beginner);
    f.topics.insert(TopicId::from("machine-learning"));
    f.lengths.insert(LengthBucket::From20To45);
    f
}

const SIZES: [(usize, usize); 3] = [(24, 201), (1_000, 10_000), (10_000, 100_000)];

#[divan::bench(args = SIZES)]
fn filter_count_sort(bencher: Bencher, (shows, episodes): (usize, usize)) {
    let catalog = if shows == 24 {
        real()
    } else {
        synthetic(shows, episodes)
    };
    let index = SearchIndex::new(&catalog);
    let filters = typical_filters();
    bencher.bench(|| apply(black_box(&catalog), &index, black_box(&filters)));
}

#[divan::bench(args = SIZES)]
fn search_with_typo(bencher: Bencher, (shows, episodes): (usize, usize)) {
    let catalog = if shows == 24 {
        real()
    } else {
        synthetic(shows, episodes)
    };
    let index = SearchIndex::new(&catalog);
    let filters = Filters {
        query: "skeptik".into(),
        ..Filters::default()
    };
    bencher.bench(|| apply(black_box(&catalog), &index, black_box(&filters)));
}

#[divan::bench]
fn quiz_to_recommendation(bencher: Bencher) {
    let catalog = real();
    let answers = Answers {
        background: Some(Background::Work),
        math: Some(Comfort::Some),
        coding: Some(Comfort::High),
        goal: Some(Goal::Production),
        episode: Some(EpisodeTime::Medium),
        weekly: Some(WeeklyTime::Two),
        format: Some(FormatPref::Interviews),
        topics: [TopicId::from("mlops")].into_iter().collect(),
    };
    bencher.bench(|| recommend(black_box(&catalog), black_box(&answers), 5));
}

/// Start-up as shipped: the postcard bytes decoded into the model and indexed.
#[divan::bench]
fn load_embedded() -> Result<Catalog, String> {
    Catalog::embedded()
}

/// The alternative `build.rs` replaced: parsing the same data as JSON at run time.
#[divan::bench]
fn parse_embedded_json() -> Result<Catalog, String> {
    Catalog::from_sources_unchecked(podpath_engine::catalog::embedded::sources())
}
