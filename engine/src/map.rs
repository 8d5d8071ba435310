//! The topic map's geometry: how large each label is, and where it goes so that no two labels
//! overlap, at every width the map is shown at.
//!
//! A label is text, so its size is fixed in CSS pixels while the map follows its column. The
//! map therefore places labels by a percentage of its width across and by pixels down, and has
//! a fixed height in pixels. A layout made for a design width W stays overlap-free at any width
//! of W or more: widening the map moves label centres further apart across and never closer,
//! and keeps every label inside. There are two designs, picked by a CSS container query on the
//! figure (see `.pp-graph` in style/main.css):
//!
//! - [`Frame::Narrow`], for maps 288 to 559 px wide: phones from 320 px (the widget's padding
//!   takes 2 × 16 px). Only two labels fit side by side, so the map grows downwards: the first
//!   ring above and below the topic, the second ring further out.
//! - [`Frame::Wide`], for maps of 560 px and more (the CSS caps the map at 704 px).
//!
//! A map narrower than 288 px is hidden; the related list under it holds the same topics.
//!
//! Label sizes are estimated from the title (see [`label_box`]) with a margin that makes the
//! estimate an upper bound for the widest common sans-serif (DejaVu Sans, the `system-ui` of many
//! Linux systems); Segoe UI, Roboto, San Francisco, Helvetica and Arial are all narrower. In
//! Chromium with DejaVu Sans, a one-line label measures at most 98 % of its estimate, and a
//! wrapped one exactly its estimate (the full width, whole lines).

use crate::catalog::Catalog;
use crate::graph::Neighbourhood;

/// How a label is drawn. `style/main.css` must use exactly these numbers for `.pp-node` and its
/// ring classes, or the estimated boxes stop matching the real ones.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelStyle {
    pub font_px: f64,
    pub bold: bool,
    /// `line-height` in px.
    pub line_px: f64,
    /// `max-width` of the border box (`box-sizing: border-box`); the box is `width: max-content`
    /// up to this, so a label's width never depends on where it sits.
    pub max_width_px: f64,
    /// `line-clamp`: longer titles end in an ellipsis.
    pub max_lines: usize,
    pub pad_x_px: f64,
    pub pad_y_px: f64,
    pub border_px: f64,
}

/// The topic in the middle (`.pp-node--center`): bold.
pub const CENTER_LABEL: LabelStyle = LabelStyle {
    font_px: 13.0,
    bold: true,
    line_px: 16.0,
    max_width_px: 160.0,
    max_lines: 3,
    pad_x_px: 8.0,
    pad_y_px: 4.0,
    border_px: 1.0,
};

/// Its neighbours (`.pp-node`).
pub const NEAR_LABEL: LabelStyle = LabelStyle {
    font_px: 13.0,
    bold: false,
    line_px: 16.0,
    max_width_px: 140.0,
    max_lines: 3,
    pad_x_px: 8.0,
    pad_y_px: 4.0,
    border_px: 1.0,
};

/// The neighbours' neighbours (`.pp-node--far`): a size smaller, as they matter less.
pub const FAR_LABEL: LabelStyle = LabelStyle {
    font_px: 12.0,
    bold: false,
    line_px: 15.0,
    max_width_px: 140.0,
    max_lines: 3,
    pad_x_px: 8.0,
    pad_y_px: 4.0,
    border_px: 1.0,
};

/// Advance width of a character in em, an upper bound for DejaVu Sans Book (its widest glyph in
/// each class, plus a little for browsers that round advances to whole pixels); bold is 15 %
/// wider, which bounds DejaVu Sans Bold. Characters outside these classes count as a full em.
fn glyph_em(c: char, bold: bool) -> f64 {
    let em = match c {
        'i' | 'j' | 'l' | 'I' | '\'' | '.' | ',' | ':' | ';' | '!' | '|' => 0.36,
        ' ' | 'f' | 't' | 'r' | '-' | '/' | '(' | ')' | '"' => 0.45,
        'm' | 'w' | 'M' | 'W' | '@' | '%' | '&' => 1.0,
        'A'..='Z' | '0'..='9' | '?' | '#' | '+' | '=' => 0.8,
        'a'..='z' => 0.64,
        _ => 1.0,
    };
    if bold {
        em * 1.15
    } else {
        em
    }
}

/// A label's estimated border box in px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    pub width: f64,
    pub height: f64,
    /// Lines of text shown (at most the style's `max_lines`).
    pub lines: usize,
    /// Lines the whole title needs; more than `lines` means the label ends in an ellipsis.
    pub lines_needed: usize,
    /// A word wider than the label: the browser would cut it off.
    pub overflows: bool,
}

/// Estimates the box a title gets in a label of `style`: its text wrapped greedily at spaces
/// and after hyphens (where every browser may break) into the label's width, at most
/// `max_lines` lines. Browsers break greedily too, and the real glyphs are narrower than the
/// estimate, so the real text never needs more lines and the real box is never larger.
pub fn label_box(title: &str, style: &LabelStyle) -> LabelBox {
    let width_of = |s: &str| {
        s.chars()
            .map(|c| glyph_em(c, style.bold) * style.font_px)
            .sum::<f64>()
    };
    let space = glyph_em(' ', style.bold) * style.font_px;
    let room = style.max_width_px - 2.0 * (style.pad_x_px + style.border_px);
    let (mut lines, mut line, mut widest) = (1usize, 0.0f64, 0.0f64);
    let mut overflows = false;
    for word in title.split_whitespace() {
        for (i, piece) in word.split_inclusive('-').enumerate() {
            let w = width_of(piece);
            overflows |= w > room;
            // A space only before a word's first piece; a line's first piece needs none.
            let lead = if i == 0 && line > 0.0 { space } else { 0.0 };
            if line > 0.0 && line + lead + w > room {
                lines += 1;
                line = w;
            } else {
                line += lead + w;
            }
            widest = widest.max(line);
        }
    }
    let shown = lines.min(style.max_lines);
    let text_width = if lines > 1 { room } else { widest.min(room) };
    LabelBox {
        width: text_width + 2.0 * (style.pad_x_px + style.border_px),
        height: shown as f64 * style.line_px + 2.0 * (style.pad_y_px + style.border_px),
        lines: shown,
        lines_needed: lines,
        overflows,
    }
}

/// Which ring a node is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ring {
    Center,
    Near,
    Far,
}

impl Ring {
    pub fn label_style(self) -> &'static LabelStyle {
        match self {
            Ring::Center => &CENTER_LABEL,
            Ring::Near => &NEAR_LABEL,
            Ring::Far => &FAR_LABEL,
        }
    }
}

/// The map's two designs (see the module comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    Narrow,
    Wide,
}

impl Frame {
    pub const ALL: [Frame; 2] = [Frame::Narrow, Frame::Wide];

    /// The narrowest the map is shown in this design, in px: the layout is made for it.
    pub const fn width(self) -> f64 {
        match self {
            Frame::Narrow => 288.0,
            Frame::Wide => 560.0,
        }
    }

    /// The widest the map is shown in this design (the next design's width, or the CSS cap).
    pub const fn max_width(self) -> f64 {
        match self {
            Frame::Narrow => 559.0,
            Frame::Wide => 704.0,
        }
    }

    /// The design the CSS shows in a figure `width` px wide; none below the narrow design's
    /// width, where the map is hidden. A wide figure's map stops at `Frame::Wide.max_width()`.
    pub fn for_width(width: f64) -> Option<Frame> {
        if width >= Frame::Wide.width() {
            Some(Frame::Wide)
        } else if width >= Frame::Narrow.width() {
            Some(Frame::Narrow)
        } else {
            None
        }
    }
}

/// Space kept free between two labels, across and down, and between a label and the map's edge.
/// Across it is just enough for two labels of the full 140 px side by side on the narrow map
/// (140 + 4 + 140 + 2 × 2 = 288); it is also slack for a browser whose text runs a little wider
/// than the estimate.
pub const GAP_X: f64 = 4.0;
pub const GAP_Y: f64 = 6.0;
pub const MARGIN: f64 = 2.0;

/// A node on the map: the centre of its label, in px from the map's top-left corner at the
/// frame's design width, and the label's estimated box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub topic: usize,
    pub ring: Ring,
    pub x: f64,
    pub y: f64,
    pub label: LabelBox,
}

impl Placed {
    /// Whether two labels come closer than `gap_x` across and `gap_y` down (both boxes'
    /// centres and sizes as they are).
    fn clashes(&self, other: &Placed, gap_x: f64, gap_y: f64) -> bool {
        (self.x - other.x).abs() < (self.label.width + other.label.width) / 2.0 + gap_x
            && (self.y - other.y).abs() < (self.label.height + other.label.height) / 2.0 + gap_y
    }
}

/// A laid-out map: the centre first, then the first ring, then the second (keyboard order).
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    pub frame: Frame,
    /// The design width in px; `x / width` is the position across as a share of any wider map.
    pub width: f64,
    /// The map's height in px, at every width.
    pub height: f64,
    pub nodes: Vec<Placed>,
}

impl MapLayout {
    pub fn at(&self, topic: usize) -> Option<&Placed> {
        self.nodes.iter().find(|p| p.topic == topic)
    }

    /// The nodes as they stand on a map `width` px wide: across, the same share of the width;
    /// down, unchanged.
    pub fn at_width(&self, width: f64) -> Vec<Placed> {
        let scale = width / self.width;
        self.nodes
            .iter()
            .map(|p| Placed {
                x: p.x * scale,
                ..*p
            })
            .collect()
    }
}

/// Pairs of labels (topic indices) whose boxes intersect (touching edges do not count).
pub fn overlapping(nodes: &[Placed]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, a) in nodes.iter().enumerate() {
        for b in &nodes[i + 1..] {
            if a.clashes(b, 0.0, 0.0) {
                out.push((a.topic, b.topic));
            }
        }
    }
    out
}

/// Labels (topic indices) whose boxes reach outside a map `width` × `height` px.
pub fn outside(nodes: &[Placed], width: f64, height: f64) -> Vec<usize> {
    nodes
        .iter()
        .filter(|p| {
            p.x - p.label.width / 2.0 < 0.0
                || p.x + p.label.width / 2.0 > width
                || p.y - p.label.height / 2.0 < 0.0
                || p.y + p.label.height / 2.0 > height
        })
        .map(|p| p.topic)
        .collect()
}

/// Lays the neighbourhood out for `frame`. The topic sits in the middle; each ring's labels go
/// round an ellipse, evenly spaced and in ring order, clockwise (the second ring half a step
/// on from the first). On the wide map the first ring starts at the top and the ellipses are as
/// wide as the map allows; on the narrow map every label sits in one of two columns, a quarter
/// of the width in from each side, by the side of the ellipse it falls on. A label that would
/// come closer to one already placed than `GAP_X` across and `GAP_Y` down slides up or down,
/// whichever is shorter, to the first free place. Of a range of ellipse heights, each ring takes
/// the one that gives the shortest map with the least sliding. Same neighbourhood and frame in,
/// same map out.
pub fn layout(catalog: &Catalog, n: &Neighbourhood, frame: Frame) -> MapLayout {
    let width = frame.width();
    let node = |topic: usize, ring: Ring| Placed {
        topic,
        ring,
        x: 0.0,
        y: 0.0,
        label: label_box(
            catalog.topics.get(topic).map_or("", |t| t.title.as_str()),
            ring.label_style(),
        ),
    };
    // Built around (0, 0), the middle of the map; moved into the map's corner at the end.
    let mut placed = vec![node(n.center, Ring::Center)];
    // How far out each ring's ellipse reaches across, as a share of the width. The narrow map
    // starts its first ring half a step round too, so that no label sits right above the
    // topic, blocking both columns.
    let (near_reach, far_reach, near_offset) = match frame {
        Frame::Narrow => (0.25, 0.25, 0.5),
        Frame::Wide => (0.32, 0.5, 0.0),
    };
    for (ring, topics, offset, reach) in [
        (Ring::Near, &n.ring1, near_offset, near_reach),
        (Ring::Far, &n.ring2, 0.5, far_reach),
    ] {
        if topics.is_empty() {
            continue;
        }
        let step = std::f64::consts::TAU / topics.len() as f64;
        let rx = width * reach;
        let labels: Vec<Placed> = topics.iter().map(|&t| node(t, ring)).collect();
        let mut best: Option<(f64, Vec<Placed>)> = None;
        for k in 0..RY_STEPS {
            let ry = RY_FIRST + RY_STEP * k as f64;
            let mut trial = placed.clone();
            let mut moved = 0.0;
            for (i, &label) in labels.iter().enumerate() {
                let (cos, sin) = cos_sin(-std::f64::consts::FRAC_PI_2 + step * (i as f64 + offset));
                let mut p = label;
                let half = width / 2.0 - MARGIN - p.label.width / 2.0;
                let x = match frame {
                    // Two columns, a quarter of the way in from each side.
                    Frame::Narrow => rx.copysign(cos),
                    Frame::Wide => rx * cos,
                };
                p.x = x.clamp(-half.max(0.0), half.max(0.0));
                p.y = settle(&trial, p, ry * sin);
                moved += (p.y - ry * sin).abs();
                trial.push(p);
            }
            let (top, bottom) = span(&trial);
            let cost = bottom - top + MOVE_COST * moved;
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                best = Some((cost, trial));
            }
        }
        if let Some((_, trial)) = best {
            placed = trial;
        }
    }
    let (top, bottom) = span(&placed);
    for p in &mut placed {
        p.x += width / 2.0;
        p.y += MARGIN - top;
    }
    MapLayout {
        frame,
        width,
        height: bottom - top + 2.0 * MARGIN,
        nodes: placed,
    }
}

/// Ellipse heights tried per ring, in px: 24 to 648.
const RY_FIRST: f64 = 24.0;
const RY_STEP: f64 = 16.0;
const RY_STEPS: usize = 40;
/// What a px of sliding costs against a px of map height. Without it the shortest map wins
/// outright, and that squeezes a ring into rows that no longer read as a ring.
const MOVE_COST: f64 = 0.1;

/// The cosine and sine of `a` radians (|a| under a few turns), to within 1e-15 of
/// `f64::cos`/`f64::sin` and with their signs (a label on the middle line keeps its side):
/// `a` is brought within an eighth of a turn of a quarter turn, subtracting π/2 in two parts
/// so that the remainder at a multiple of π/2 is the true one rather than 0, and the Taylor
/// series is summed there. Not `f64::sin`/`cos`, whose argument reduction for any angle
/// (libm's `rem_pio2_large`) is about 8 KB of wasm for angles that are never large.
fn cos_sin(a: f64) -> (f64, f64) {
    use std::f64::consts::FRAC_PI_2;
    // π/2 minus FRAC_PI_2, the part of π/2 an f64 cannot hold.
    const FRAC_PI_2_LOW: f64 = 6.123_233_995_736_766e-17;
    let quarter = (a / FRAC_PI_2 + 0.5).floor();
    let x = (a - quarter * FRAC_PI_2) - quarter * FRAC_PI_2_LOW;
    let x2 = x * x;
    let (mut cos, mut sin) = (1.0, x);
    let (mut c, mut s) = (1.0, x);
    for n in 1..=10 {
        let n = f64::from(n);
        c *= -x2 / ((2.0 * n - 1.0) * (2.0 * n));
        s *= -x2 / ((2.0 * n) * (2.0 * n + 1.0));
        cos += c;
        sin += s;
    }
    match (quarter as i64).rem_euclid(4) {
        0 => (cos, sin),
        1 => (-sin, cos),
        2 => (-cos, -sin),
        _ => (sin, -cos),
    }
}

/// The top of the highest label and the bottom of the lowest one (the middle line included).
fn span(placed: &[Placed]) -> (f64, f64) {
    placed.iter().fold((0.0f64, 0.0f64), |(top, bottom), p| {
        (
            top.min(p.y - p.label.height / 2.0),
            bottom.max(p.y + p.label.height / 2.0),
        )
    })
}

/// The free height nearest to `y` for `p` at its place across: sliding down and sliding up
/// each stop at the first place clear of every placed label; the shorter slide wins, and on a
/// tie the one away from the middle line.
fn settle(placed: &[Placed], p: Placed, y: f64) -> f64 {
    let here = Placed { y, ..p };
    if !placed.iter().any(|q| here.clashes(q, GAP_X, GAP_Y)) {
        return y;
    }
    let down = slide(placed, p, y, 1.0);
    let up = slide(placed, p, y, -1.0);
    let outward_is_down = y >= 0.0;
    let (d_down, d_up) = (down - y, y - up);
    if d_down < d_up || (d_down == d_up && outward_is_down) {
        down
    } else {
        up
    }
}

/// Slides `p` from `y` in direction `dir` (1 down, -1 up) until it clashes with no placed label.
/// Each clash moves it just past that label, so it never meets the same one twice: at most one
/// move per placed label.
fn slide(placed: &[Placed], p: Placed, y: f64, dir: f64) -> f64 {
    let mut at = Placed { y, ..p };
    for _ in 0..=placed.len() {
        let Some(hit) = placed.iter().find(|q| at.clashes(q, GAP_X, GAP_Y)) else {
            break;
        };
        // A hair further than touching, so rounding cannot leave the two clashing.
        let clear = (hit.label.height + p.label.height) / 2.0 + GAP_Y + 0.01;
        at.y = hit.y + dir * clear;
    }
    at.y
}

#[cfg(test)]
mod tests {
    use super::cos_sin;

    #[test]
    fn cos_sin_keeps_the_standard_library_signs_at_every_quarter_and_ring_position() {
        // Every angle a ring of 1 to 40 labels uses, from the top, with and without the
        // half-step offset, and the quarters themselves.
        let mut angles: Vec<f64> = (-8..=8)
            .map(|q| f64::from(q) * std::f64::consts::FRAC_PI_2)
            .collect();
        for n in 1..=40u32 {
            let step = std::f64::consts::TAU / f64::from(n);
            for i in 0..n {
                for offset in [0.0, 0.5] {
                    angles.push(-std::f64::consts::FRAC_PI_2 + step * (f64::from(i) + offset));
                }
            }
        }
        for a in angles {
            let (cos, sin) = cos_sin(a);
            assert_eq!(
                cos.is_sign_negative(),
                a.cos().is_sign_negative(),
                "cos({a})"
            );
            assert_eq!(
                sin.is_sign_negative(),
                a.sin().is_sign_negative(),
                "sin({a})"
            );
        }
    }

    #[test]
    fn cos_sin_matches_the_standard_library_over_two_turns_either_way() {
        for i in -4000..=4000 {
            let a = f64::from(i) * std::f64::consts::PI / 1000.0;
            let (cos, sin) = cos_sin(a);
            assert!(
                (cos - a.cos()).abs() < 1e-15,
                "cos({a}) = {cos}, not {}",
                a.cos()
            );
            assert!(
                (sin - a.sin()).abs() < 1e-15,
                "sin({a}) = {sin}, not {}",
                a.sin()
            );
        }
    }
}
