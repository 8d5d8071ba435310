//! Full-text search over the shows: titles, hosts, descriptions, topics, and the titles and
//! guests of their episodes. Case- and diacritic-insensitive, prefix matching for search as
//! you type, and one typo forgiven in words of five letters or more. A spelled-out phrase
//! ("large language models") also finds the shows that only abbreviate it ("LLMs").

use crate::catalog::Catalog;
use crate::sorting;
use crate::text::{fold, same_or_plural, within_one_edit, word_spans, words};
use std::sync::OnceLock;

/// Words shorter than this are never matched with a typo: too many false friends.
const TYPO_MIN_CHARS: usize = 5;
/// At most this many query words are used (a pasted paragraph is not a query).
const MAX_TERMS: usize = 8;

// Field weights: a hit in the title says more than one in a guest list.
const W_TITLE: u8 = 4;
const W_HOSTS: u8 = 3;
const W_TOPICS: u8 = 2;
const W_TEXT: u8 = 1;

#[derive(Debug, Clone)]
struct Word {
    text: String,
    chars: Box<[char]>,
    weight: u8,
}

/// One folded query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    text: String,
    chars: Vec<char>,
    /// The abbreviation of a spelled-out phrase this word is part of ("large language models"
    /// → "llm"): a word matching it matches the term too.
    short: Option<&'static str>,
}

/// Phrases the field usually abbreviates, and the abbreviation (or its plural: "llm" finds
/// "LLMs"). A query that spells one out also finds the shows that only abbreviate it.
const ABBREVIATIONS: [(&[&str], &str); 6] = [
    (&["large", "language", "model"], "llm"),
    (&["machine", "learning", "operations"], "mlops"),
    (&["natural", "language", "processing"], "nlp"),
    (&["reinforcement", "learning"], "rl"),
    (&["retrieval", "augmented", "generation"], "rag"),
    (&["artificial", "intelligence"], "ai"),
];

/// How well a query word matched a document word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    Typo = 1,
    Prefix = 2,
    Exact = 3,
}

impl Term {
    fn matches(&self, word: &str, chars: &[char]) -> Option<Match> {
        let own = self.matches_own(word, chars);
        match self.short {
            // The abbreviation itself or its plural: "ai" must not match "aim".
            Some(short) if same_or_plural(word, short) => own.max(Some(Match::Prefix)),
            _ => own,
        }
    }

    fn matches_own(&self, word: &str, chars: &[char]) -> Option<Match> {
        if word == self.text {
            return Some(Match::Exact);
        }
        if word.starts_with(&self.text) {
            return Some(Match::Prefix);
        }
        let n = self.chars.len();
        if n >= TYPO_MIN_CHARS {
            // Compare with the whole word, and with its prefixes of about the typed length so a
            // typo in a half-typed word still finds it.
            let near = [n.saturating_sub(1), n, n + 1];
            if within_one_edit(&self.chars, chars)
                || near.iter().any(|&k| {
                    k >= TYPO_MIN_CHARS
                        && k < chars.len()
                        && within_one_edit(&self.chars, &chars[..k])
                })
            {
                return Some(Match::Typo);
            }
        }
        None
    }
}

/// Per-show and per-episode folded words with field weights.
///
/// Each half is built the first time a query needs it: most visits never search episodes, and
/// building the show half costs about 20 ms in the browser, which would otherwise delay the
/// first paint of every page.
#[derive(Debug)]
pub struct SearchIndex<'c> {
    catalog: &'c Catalog,
    docs: OnceLock<Vec<Vec<Word>>>,
    /// One document per episode: its title, guests and tags.
    episode_docs: OnceLock<Vec<Vec<Word>>>,
}

/// Folds `(text, weight)` fields into a sorted, de-duplicated word list.
fn document<'a>(fields: impl IntoIterator<Item = (&'a str, u8)>) -> Vec<Word> {
    let mut all: Vec<(String, u8)> = Vec::new();
    for (text, weight) in fields {
        all.extend(words(text).into_iter().map(|w| (w, weight)));
    }
    // Each word once, with its heaviest weight: sorted by word, heaviest first, first kept.
    sorting::sort_by(&mut all, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    all.dedup_by(|later, first| later.0 == first.0);
    all.into_iter()
        .map(|(text, weight)| Word {
            chars: text.chars().collect(),
            text,
            weight,
        })
        .collect()
}

impl<'c> SearchIndex<'c> {
    /// Cheap: nothing is indexed until the first query.
    pub fn new(catalog: &'c Catalog) -> Self {
        SearchIndex {
            catalog,
            docs: OnceLock::new(),
            episode_docs: OnceLock::new(),
        }
    }

    fn docs(&self) -> &[Vec<Word>] {
        self.docs.get_or_init(|| {
            let catalog = self.catalog;
            catalog
                .shows
                .iter()
                .map(|show| {
                    let mut fields: Vec<(&str, u8)> =
                        vec![(&show.title, W_TITLE), (&show.description, W_TEXT)];
                    fields.extend(show.hosts.iter().map(|h| (h.as_str(), W_HOSTS)));
                    fields.extend(
                        show.topics
                            .iter()
                            .map(|t| (catalog.topic_title(t.as_str()), W_TOPICS)),
                    );
                    fields.extend(show.start_here.iter().map(|e| (e.title.as_str(), W_TEXT)));
                    for ep in catalog.episodes_of(show.id.as_str()) {
                        fields.push((&ep.title, W_TEXT));
                        fields.extend(ep.guests.iter().map(|g| (g.as_str(), W_TEXT)));
                    }
                    document(fields)
                })
                .collect()
        })
    }

    fn episode_docs(&self) -> &[Vec<Word>] {
        self.episode_docs.get_or_init(|| {
            self.catalog
                .episodes
                .iter()
                .map(|ep| {
                    let mut fields: Vec<(&str, u8)> = vec![(&ep.title, W_TITLE)];
                    fields.extend(ep.guests.iter().map(|g| (g.as_str(), W_HOSTS)));
                    fields.extend(ep.tags.iter().map(|t| (t.as_str(), W_TOPICS)));
                    document(fields)
                })
                .collect()
        })
    }

    /// The query's words, folded; empty for a blank query.
    pub fn terms(&self, query: &str) -> Vec<Term> {
        terms(query)
    }

    /// The show's score for all terms (each must match some word), or `None`.
    pub fn score(&self, doc: usize, terms: &[Term]) -> Option<u32> {
        score_words(self.docs().get(doc)?, terms)
    }

    /// The episode's score for all terms, or `None`.
    pub fn score_episode(&self, doc: usize, terms: &[Term]) -> Option<u32> {
        score_words(self.episode_docs().get(doc)?, terms)
    }
}

fn score_words(words: &[Word], terms: &[Term]) -> Option<u32> {
    let mut total = 0u32;
    for term in terms {
        let best = words
            .iter()
            .filter_map(|w| {
                term.matches(&w.text, &w.chars)
                    .map(|m| m as u32 * u32::from(w.weight))
            })
            .max()?;
        total += best;
    }
    Some(total)
}

/// Folds and splits a query into terms; the words of a spelled-out phrase in
/// [`ABBREVIATIONS`] also match its abbreviation.
pub fn terms(query: &str) -> Vec<Term> {
    let list: Vec<String> = words(query).into_iter().take(MAX_TERMS).collect();
    let mut short: Vec<Option<&'static str>> = vec![None; list.len()];
    for (phrase, abbreviation) in ABBREVIATIONS {
        for start in 0..list.len() {
            // Each phrase word as typed, or its plural ("models"); the last may be half-typed.
            let spelled = phrase.iter().enumerate().all(|(i, p)| {
                list.get(start + i).is_some_and(|w| {
                    same_or_plural(w, p)
                        || (start + i + 1 == list.len()
                            && w.len() >= 3
                            && p.starts_with(w.as_str()))
                })
            });
            if spelled {
                for s in &mut short[start..start + phrase.len()] {
                    s.get_or_insert(abbreviation);
                }
            }
        }
    }
    let mut out: Vec<Term> = Vec::new();
    for (text, short) in list.into_iter().zip(short) {
        // A repeated word keeps the abbreviation of whichever phrase it was part of.
        match out.iter_mut().find(|t| t.text == text) {
            Some(t) => t.short = t.short.or(short),
            None => out.push(Term {
                chars: text.chars().collect(),
                text,
                short,
            }),
        }
    }
    out
}

/// Splits `text` into runs, marking the words any term matches, for highlighting as text
/// (the UI wraps marked runs in `<mark>`; nothing is ever parsed as HTML).
pub fn highlight<'a>(text: &'a str, terms: &[Term]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    if terms.is_empty() {
        return vec![(text, false)];
    }
    for (a, b) in word_spans(text) {
        let word = fold(&text[a..b]);
        let chars: Vec<char> = word.chars().collect();
        if terms.iter().any(|t| t.matches(&word, &chars).is_some()) {
            if a > at {
                out.push((&text[at..a], false));
            }
            out.push((&text[a..b], true));
            at = b;
        }
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

/// A text prepared once for highlighting: its words are folded on the first search and kept,
/// so each later keystroke only compares them with the new terms (highlighting many cards per
/// keystroke stays cheap).
#[derive(Debug, Clone)]
pub struct Highlighter {
    text: String,
    /// Folded words with their byte spans, prepared on the first search: cards render their
    /// text long before anyone searches, and most never need it.
    words: OnceLock<Vec<SpannedWord>>,
}

/// A word's byte span in the text, its folded form and that form's characters.
type SpannedWord = (usize, usize, String, Vec<char>);

impl Highlighter {
    pub fn new(text: &str) -> Self {
        Highlighter {
            text: text.to_owned(),
            words: OnceLock::new(),
        }
    }

    fn words(&self) -> &[SpannedWord] {
        self.words.get_or_init(|| {
            let text = self.text.as_str();
            word_spans(text)
                .into_iter()
                .map(|(a, b)| {
                    let folded = fold(&text[a..b]);
                    let chars = folded.chars().collect();
                    (a, b, folded, chars)
                })
                .collect()
        })
    }

    /// Runs of the text, marked where a term matches a word (see [`highlight`]).
    pub fn segments(&self, terms: &[Term]) -> Vec<(&str, bool)> {
        let text = self.text.as_str();
        if terms.is_empty() {
            return vec![(text, false)];
        }
        let mut out = Vec::new();
        let mut at = 0;
        for (a, b, word, chars) in self.words() {
            if terms.iter().any(|t| t.matches(word, chars).is_some()) {
                if *a > at {
                    out.push((&text[at..*a], false));
                }
                out.push((&text[*a..*b], true));
                at = *b;
            }
        }
        if at < text.len() {
            out.push((&text[at..], false));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepared_highlighting_equals_one_shot_highlighting() {
        let text = "Katie Malone explains Bayesian statistics; Data Sképtic and skeptics.";
        for q in ["", "katie", "skeptik", "bayes stat", "sképtic malone"] {
            let t = terms(q);
            assert_eq!(
                Highlighter::new(text).segments(&t),
                highlight(text, &t),
                "{q}"
            );
        }
    }

    #[test]
    fn highlighting_marks_whole_words_and_keeps_every_character() {
        let t = terms("mal");
        let runs = highlight("Katie Malone, normal", &t);
        assert_eq!(
            runs,
            vec![("Katie ", false), ("Malone", true), (", normal", false)]
        );
    }

    #[test]
    fn a_spelled_out_phrase_also_finds_the_shows_that_abbreviate_it() -> Result<(), String> {
        let catalog = Catalog::embedded()?;
        let index = SearchIndex::new(&catalog);
        let found = |q: &str| -> Vec<usize> {
            let t = terms(q);
            (0..catalog.shows.len())
                .filter(|&d| index.score(d, &t).is_some())
                .collect()
        };
        let llm = found("llm");
        assert!(llm.len() >= 10, "{} shows say LLM", llm.len());
        for q in [
            "large language models",
            "Large Language Model",
            "large language mod",
            "language large language model",
        ] {
            let spelled = found(q);
            assert!(
                llm.iter().all(|d| spelled.contains(d)),
                "{q}: {spelled:?} misses some of {llm:?}"
            );
        }
        // Only the whole phrase counts: "language" alone is not "LLM".
        assert!(found("language").len() < llm.len());
        // "ai" stands for the phrase as a word, not as the start of "aim" or "air".
        let t = terms("artificial intelligence");
        assert!(t[0].matches("ai", &['a', 'i']).is_some());
        assert!(t[0].matches("aim", &['a', 'i', 'm']).is_none());
        Ok(())
    }

    #[test]
    fn the_index_is_built_only_when_a_query_needs_it() -> Result<(), String> {
        let catalog = Catalog::embedded()?;
        let index = SearchIndex::new(&catalog);
        let unfiltered = crate::filter::apply(&catalog, &index, &Default::default());
        assert_eq!(unfiltered.hits.len(), catalog.shows.len());
        assert!(index.docs.get().is_none() && index.episode_docs.get().is_none());

        let t = terms("malone");
        assert!((0..catalog.shows.len()).any(|d| index.score(d, &t).is_some()));
        assert!(index.docs.get().is_some(), "built by the first show query");
        assert!(
            index.episode_docs.get().is_none(),
            "episodes wait for an episode query"
        );
        Ok(())
    }
}
