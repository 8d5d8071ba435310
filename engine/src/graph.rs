//! Walks over the topic graph: neighbourhoods, "learn next" paths, topic suggestions and
//! reachability from the hub. Where a neighbourhood's labels go on the map is `map`'s job.
//!
//! The wiki's `related` lists are directed (a page lists its own related pages); for walking
//! and drawing, an edge in either direction connects two topics.

use crate::catalog::Catalog;
use crate::model::{Level, TopicId};
use crate::set::Set;
use crate::sorting;
use crate::text::{fold, within_one_edit, words};
use std::collections::VecDeque;

/// Undirected neighbours of topic `t` (indices), sorted by title for a stable order.
pub fn neighbours(catalog: &Catalog, t: usize) -> Vec<usize> {
    let mut out: Set<usize> = Set::new();
    if let Some(topic) = catalog.topics.get(t) {
        out.extend(
            topic
                .related
                .iter()
                .filter_map(|r| catalog.topic_position(r.as_str())),
        );
    }
    for (i, other) in catalog.topics.iter().enumerate() {
        if other
            .related
            .iter()
            .any(|r| Some(r) == catalog.topics.get(t).map(|x| &x.id))
        {
            out.insert(i);
        }
    }
    out.remove(&t);
    let mut v: Vec<usize> = out.into_iter().collect();
    sorting::sort_by(&mut v, |&a, &b| {
        catalog.topics[a].title.cmp(&catalog.topics[b].title)
    });
    v
}

/// The topic, its neighbours, and (on demand) the neighbours' neighbours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbourhood {
    pub center: usize,
    pub ring1: Vec<usize>,
    pub ring2: Vec<usize>,
    /// Edges between drawn nodes, as pairs of topic indices.
    pub edges: Vec<(usize, usize)>,
}

/// At most this many nodes per ring are drawn; the list beside the picture has them all.
pub const RING1_MAX: usize = 12;
pub const RING2_MAX: usize = 18;

pub fn neighbourhood(catalog: &Catalog, center: usize, second_ring: bool) -> Neighbourhood {
    let all1 = neighbours(catalog, center);
    // The page's own related list first (the wiki's editorial choice), then pages pointing here.
    let own: Set<usize> = catalog.topics[center]
        .related
        .iter()
        .filter_map(|r| catalog.topic_position(r.as_str()))
        .collect();
    let mut ring1: Vec<usize> = all1.iter().copied().filter(|i| own.contains(i)).collect();
    ring1.extend(all1.iter().copied().filter(|i| !own.contains(i)));
    ring1.truncate(RING1_MAX);
    let mut ring2 = Vec::new();
    if second_ring {
        let mut seen: Set<usize> = ring1.iter().copied().collect();
        seen.insert(center);
        for &r in &ring1 {
            for n in neighbours(catalog, r) {
                if ring2.len() < RING2_MAX && seen.insert(n) {
                    ring2.push(n);
                }
            }
        }
    }
    let drawn: Set<usize> = std::iter::once(center)
        .chain(ring1.iter().copied())
        .chain(ring2.iter().copied())
        .collect();
    let mut edges = Vec::new();
    for &a in &drawn {
        for r in &catalog.topics[a].related {
            if let Some(b) = catalog.topic_position(r.as_str()) {
                if drawn.contains(&b) && a != b && !edges.contains(&(b, a)) {
                    edges.push((a, b));
                }
            }
        }
    }
    Neighbourhood {
        center,
        ring1,
        ring2,
        edges,
    }
}

/// A short path of neighbouring topics to learn after `start`, from foundational to advanced:
/// each step moves to a neighbour whose level is the same or one above, preferring the
/// lowest level, then the best-connected topic, then the title.
pub fn learn_next(catalog: &Catalog, start: usize, steps: usize) -> Vec<usize> {
    let mut path = Vec::new();
    let mut visited: Set<usize> = Set::from([start]);
    let mut here = start;
    for _ in 0..steps {
        let level = catalog.topics[here].level;
        let next = neighbours(catalog, here)
            .into_iter()
            .filter(|n| !visited.contains(n))
            .filter(|&n| {
                catalog.topics[n].level >= level
                    && (catalog.topics[n].level as u8) <= level as u8 + 1
            })
            .min_by(|&a, &b| {
                let (ta, tb) = (&catalog.topics[a], &catalog.topics[b]);
                ta.level
                    .cmp(&tb.level)
                    .then_with(|| degree(catalog, b).cmp(&degree(catalog, a)))
                    .then_with(|| ta.title.cmp(&tb.title))
            });
        match next {
            Some(n) => {
                path.push(n);
                visited.insert(n);
                here = n;
            }
            None => break,
        }
    }
    path
}

fn degree(catalog: &Catalog, t: usize) -> usize {
    catalog.topics[t].related.len()
}

/// Topic suggestions for a partial query: title words matched by prefix, or with one typo in
/// words of five letters or more; best matches first.
pub fn suggest(catalog: &Catalog, query: &str, limit: usize) -> Vec<usize> {
    let terms = words(query);
    if terms.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(u32, usize)> = catalog
        .topics
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let title_words = words(&t.title);
            let mut score = 0;
            for term in &terms {
                let tc: Vec<char> = term.chars().collect();
                let best = title_words
                    .iter()
                    .map(|w| {
                        if w == term {
                            3
                        } else if w.starts_with(term.as_str()) {
                            2
                        } else if tc.len() >= 5
                            && within_one_edit(&tc, &w.chars().collect::<Vec<_>>())
                        {
                            1
                        } else {
                            0
                        }
                    })
                    .max()
                    .unwrap_or(0);
                if best == 0 {
                    return None;
                }
                score += best;
            }
            // An exact title beats a word match.
            if fold(&t.title) == fold(query.trim()) {
                score += 10;
            }
            Some((score, i))
        })
        .collect();
    sorting::sort_by(&mut scored, |a, b| {
        b.0.cmp(&a.0)
            .then_with(|| catalog.topics[a.1].title.cmp(&catalog.topics[b.1].title))
    });
    scored.into_iter().take(limit).map(|(_, i)| i).collect()
}

/// Topics that cannot be reached from the hub over related edges (either direction).
pub fn unreachable_from_hub(catalog: &Catalog) -> Vec<TopicId> {
    let Some(hub) = catalog.topic_position(catalog.hub.as_str()) else {
        return catalog.topics.iter().map(|t| t.id.clone()).collect();
    };
    let mut seen = vec![false; catalog.topics.len()];
    let mut queue = VecDeque::from([hub]);
    seen[hub] = true;
    while let Some(t) = queue.pop_front() {
        for n in neighbours(catalog, t) {
            if !seen[n] {
                seen[n] = true;
                queue.push_back(n);
            }
        }
    }
    catalog
        .topics
        .iter()
        .zip(seen)
        .filter(|(_, s)| !s)
        .map(|(t, _)| t.id.clone())
        .collect()
}

/// Level of a topic, for callers that hold an index.
pub fn level(catalog: &Catalog, t: usize) -> Option<Level> {
    catalog.topics.get(t).map(|x| x.level)
}
