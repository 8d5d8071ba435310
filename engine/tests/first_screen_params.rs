//! `first-screen.js` decides before the wasm starts whether a URL may show a pre-rendered
//! first screen, so it keeps its own copy of the URL parameters podpath reads: this test keeps
//! that copy equal to the engine's lists.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use podpath_engine::{quiz, url_state};
use std::collections::BTreeSet;

const SCRIPT: &str = include_str!("../../first-screen.js");

#[test]
fn first_screen_js_knows_exactly_the_parameters_podpath_reads() {
    let start = SCRIPT
        .find("var OWN = [")
        .expect("first-screen.js lists OWN")
        + "var OWN = [".len();
    let end = start + SCRIPT[start..].find("];").expect("the list ends");
    let listed: BTreeSet<&str> = SCRIPT[start..end]
        .split(',')
        .map(|s| s.trim().trim_matches('"'))
        .filter(|s| !s.is_empty())
        .collect();
    let engine: BTreeSet<&str> = url_state::OWN_PARAMS
        .iter()
        .chain(quiz::PARAMS.iter())
        .copied()
        .collect();
    assert_eq!(listed, engine);
}
