//! The topic map: every label's estimated box, on every topic's map in the shipped data, with
//! and without the second ring, at every width the map is shown at, is clear of every other
//! label and inside the map; and the CSS draws labels the way the estimate assumes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use podpath_engine::graph::neighbourhood;
use podpath_engine::map::*;
use podpath_engine::Catalog;

fn catalog() -> Catalog {
    Catalog::embedded().expect("the embedded catalog decodes")
}

/// Widths of the figure the map is checked in, in px: a 320 px phone's (the widget's padding
/// takes 2 × 16 px), a 390 px phone's, a tablet's, around the switch between the designs, and
/// a desktop's (1280 px and anything wider: the map stops at 704 px).
const WIDTHS: [f64; 12] = [
    288.0, 300.0, 320.0, 358.0, 400.0, 480.0, 559.0, 560.0, 600.0, 640.0, 704.0, 1248.0,
];

#[test]
fn no_two_labels_overlap_and_every_label_stays_inside_on_every_topics_map_in_both_modes() {
    let c = catalog();
    let mut problems = Vec::new();
    let mut maps = 0;
    for t in 0..c.topics.len() {
        for second in [false, true] {
            let n = neighbourhood(&c, t, second);
            let designs = Frame::ALL.map(|frame| layout(&c, &n, frame));
            for m in &designs {
                // Keyboard order: the topic, then the first ring, then the second, as given.
                let order: Vec<usize> = m.nodes.iter().map(|p| p.topic).collect();
                let expected: Vec<usize> = std::iter::once(t)
                    .chain(n.ring1.iter().copied())
                    .chain(n.ring2.iter().copied())
                    .collect();
                assert_eq!(order, expected, "{} {second} {:?}", c.topics[t].id, m.frame);
            }
            for figure in WIDTHS {
                let frame = Frame::for_width(figure).expect("every phone shows the map");
                let m = &designs[Frame::ALL.iter().position(|&f| f == frame).unwrap()];
                let w = figure.min(frame.max_width());
                maps += 1;
                let nodes = m.at_width(w);
                let name = |i: usize| c.topics[i].title.clone();
                for (a, b) in overlapping(&nodes) {
                    problems.push(format!(
                        "{} (second ring {second}) at {w} px: {:?} overlaps {:?}",
                        c.topics[t].id,
                        name(a),
                        name(b)
                    ));
                }
                for a in outside(&nodes, w, m.height) {
                    problems.push(format!(
                        "{} (second ring {second}) at {w} px: {:?} leaves the map",
                        c.topics[t].id,
                        name(a)
                    ));
                }
            }
        }
    }
    assert_eq!(maps, c.topics.len() * 2 * WIDTHS.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_issues_overlapping_pairs_are_apart_on_the_mlops_map_with_its_second_ring() {
    let c = catalog();
    let mlops = c.topic_position("mlops").unwrap();
    let n = neighbourhood(&c, mlops, true);
    let at = |title: &str| {
        (0..c.topics.len())
            .find(|&i| c.topics[i].title == title)
            .unwrap()
    };
    for frame in Frame::ALL {
        let m = layout(&c, &n, frame);
        for (a, b) in [
            ("GitOps for Data Teams", "Reproducibility"),
            ("Apache Iceberg", "Apache Airflow"),
        ] {
            let (pa, pb) = (m.at(at(a)).unwrap(), m.at(at(b)).unwrap());
            let apart = (pa.x - pb.x).abs() >= (pa.label.width + pb.label.width) / 2.0
                || (pa.y - pb.y).abs() >= (pa.label.height + pb.label.height) / 2.0;
            assert!(apart, "{frame:?}: {a} and {b} overlap: {pa:?} {pb:?}");
        }
    }
}

#[test]
fn layout_is_deterministic() {
    let c = catalog();
    for t in 0..c.topics.len() {
        let n = neighbourhood(&c, t, true);
        for frame in Frame::ALL {
            assert_eq!(layout(&c, &n, frame), layout(&c, &n, frame));
        }
    }
}

#[test]
fn a_label_is_as_wide_as_its_text_on_one_line_and_wraps_at_spaces_and_hyphens_up_to_three_lines() {
    // One line: the text's estimated width plus padding and border.
    let short = label_box("MLOps", &NEAR_LABEL);
    let text = (1.0 + 0.8 + 0.8 + 0.64 + 0.64) * 13.0; // M, L, O, p, s
    assert_eq!(short.lines, 1);
    assert!((short.width - (text + 18.0)).abs() < 1e-9, "{short:?}");
    assert!((short.height - (16.0 + 10.0)).abs() < 1e-9, "{short:?}");
    // Wrapped: the label's full width; a hyphen is a place to break.
    let hyphen = label_box("Retrieval-Augmented Generation", &NEAR_LABEL);
    assert_eq!((hyphen.lines, hyphen.overflows), (3, false), "{hyphen:?}");
    assert!((hyphen.width - NEAR_LABEL.max_width_px).abs() < 1e-9);
    // A long title shows three lines and ends in an ellipsis.
    let long = label_box(
        "Data Roles: Analyst, Data Scientist, Data Engineer, Analytics Engineer, MLE, and Data \
         Product Manager",
        &NEAR_LABEL,
    );
    assert_eq!(long.lines, 3);
    assert!(long.lines_needed > 3, "{long:?}");
    assert!((long.height - (3.0 * 16.0 + 10.0)).abs() < 1e-9);
    // Bold is wider; a word wider than the label is reported.
    assert!(label_box("MLOps", &CENTER_LABEL).width > short.width);
    assert!(label_box("Supercalifragilisticexpialidocious", &NEAR_LABEL).overflows);
}

#[test]
fn every_shipped_title_fits_its_label_in_every_ring_without_cutting_a_word() {
    let c = catalog();
    for style in [CENTER_LABEL, NEAR_LABEL, FAR_LABEL] {
        for t in &c.topics {
            let b = label_box(&t.title, &style);
            assert!(!b.overflows, "{:?} is cut off in {style:?}", t.title);
            assert!(b.width <= style.max_width_px && b.lines <= style.max_lines);
        }
    }
}

/// The declarations of the rule that starts a line with `selector {`.
fn rule<'a>(css: &'a str, selector: &str) -> &'a str {
    let start = css
        .find(&format!("\n{selector} {{"))
        .unwrap_or_else(|| panic!("no rule {selector}"));
    let body = &css[start..];
    &body[..body.find('}').unwrap()]
}

#[test]
fn the_css_draws_labels_and_sizes_the_map_as_the_layout_assumes() {
    let css = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../style/main.css"));
    let node = rule(css, ".pp-node");
    for d in [
        format!("font-size: {}px", NEAR_LABEL.font_px),
        format!("line-height: {}px", NEAR_LABEL.line_px),
        format!("max-width: {}px", NEAR_LABEL.max_width_px),
        format!(
            "padding: {}px {}px",
            NEAR_LABEL.pad_y_px, NEAR_LABEL.pad_x_px
        ),
        format!("border: {}px solid", NEAR_LABEL.border_px),
        format!("-webkit-line-clamp: {}", NEAR_LABEL.max_lines),
        "width: max-content".to_owned(),
        "display: -webkit-box".to_owned(),
        "transform: translate(-50%, -50%)".to_owned(),
        "left: var(--pp-x); top: var(--pp-y)".to_owned(),
    ] {
        assert!(node.contains(&d), ".pp-node lacks `{d}`:\n{node}");
    }
    let center = rule(css, ".podpath .pp-node--center");
    assert!(center.contains("font-weight: 700") && CENTER_LABEL.bold);
    assert!(center.contains(&format!("max-width: {}px", CENTER_LABEL.max_width_px)));
    assert_eq!(
        (CENTER_LABEL.font_px, CENTER_LABEL.line_px),
        (NEAR_LABEL.font_px, NEAR_LABEL.line_px)
    );
    let far = rule(css, ".podpath .pp-node--far");
    assert!(far.contains(&format!("font-size: {}px", FAR_LABEL.font_px)));
    assert!(far.contains(&format!("line-height: {}px", FAR_LABEL.line_px)));
    assert_eq!(FAR_LABEL.max_width_px, NEAR_LABEL.max_width_px);
    // Widths are border-box, as the estimate counts them.
    assert!(rule(css, ".podpath").contains("box-sizing: border-box"));
    // The designs switch where the layouts assume, and the map never gets wider than assumed.
    assert!(rule(css, ".pp-graph").contains("container: pp-graph / inline-size"));
    assert!(css.contains(&format!(
        "@container pp-graph (min-width: {}px) {{\n  .pp-graph__canvas {{ max-width: {}px; height: var(--pp-wide-h); }}",
        Frame::Wide.width(),
        Frame::Wide.max_width()
    )));
    assert_eq!(Frame::Narrow.max_width() + 1.0, Frame::Wide.width());
    assert!(css.contains(&format!(
        "@container pp-graph (max-width: {}px) {{\n  .pp-graph__canvas, .pp-graph__caption {{ display: none; }}",
        Frame::Narrow.width() - 0.02
    )));
}
