//! The interface in English, Spanish and German: one `Texts` table per language, whose fields
//! the compiler checks (a missing or extra translation does not build), with each language's
//! own rules for plurals, dates and word order as functions inside its table. Nothing here
//! knows the views: they ask `t()` for the table of the widget they render in.
//!
//! Catalog text (show titles, descriptions, episode and topic titles) stays English; the views
//! mark it `lang="en"` inside a Spanish or German interface (`catalog_lang`).

mod de;
mod en;
mod es;

use leptos::prelude::*;
use podpath_engine::filter::{LengthBucket, Platform, Sort};
use podpath_engine::lang::Lang;
use podpath_engine::listen::App;
use podpath_engine::quiz::{EpisodeTime, FormatPref, Goal};
use podpath_engine::recommend::{Caution, Reason};
use podpath_engine::similar::Likeness;
use podpath_engine::{
    Cadence, Catalog, Format, IsoDate, LengthRange, Level, Status, TopicId, TopicKind,
};
use std::cell::Cell;

/// "1 episode", "2 episodes": the plural rule English, Spanish and German share (one, other).
fn one_or_many(n: usize, (one, many): Noun) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "45 min", "1 h 05 min" (no-break spaces): how English and Spanish write a duration.
fn h_min(m: u32) -> String {
    if m >= 60 {
        format!("{}\u{a0}h {:02}\u{a0}min", m / 60, m % 60)
    } else {
        format!("{m}\u{a0}min")
    }
}

/// `s` without control characters and the marks that change the direction of the text around
/// them (U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069).
fn plain(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            !c.is_control() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// A sentence continued after a colon: its first letter lower-cased, unless the first word is an
/// acronym or a name ("MLOps", "LLMs").
fn lower_first(s: &str) -> String {
    use podpath_engine::text::lower;
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        // `text::lower`, not `char::to_lowercase`: Unicode's case tables stay out of the wasm.
        (Some(a), Some(b)) if b.is_alphabetic() && lower(b) == b => std::iter::once(lower(a))
            .chain(s[a.len_utf8()..].chars())
            .collect(),
        _ => s.to_owned(),
    }
}

/// The product's name, the same in every language.
pub const PRODUCT: &str = "podpath";

/// A noun's singular and plural, for counts ("1 show", "24 shows").
pub type Noun = (&'static str, &'static str);

/// One quiz question: its title and its options as (key, label).
pub struct Question {
    pub title: &'static str,
    pub options: &'static [(&'static str, &'static str)],
}

/// Every user-facing string of one language.
pub struct Texts {
    pub lang: Lang,
    /// The language's own name, for the language switch.
    pub language_name: &'static str,
    pub language_label: &'static str,
    pub page_title: &'static str,
    pub page_description: &'static str,

    pub tagline: &'static str,
    pub nav_label: &'static str,
    pub view_browse: &'static str,
    pub view_quiz: &'static str,
    pub view_topics: &'static str,
    pub data_as_of: &'static str,
    pub credits_episodes: &'static str,
    pub credits_shows: &'static str,
    pub embed_this: &'static str,
    pub embed_intro: &'static str,
    pub embed_iframe: &'static str,
    pub embed_script: &'static str,
    pub embed_frame_title: &'static str,
    pub embed_short: &'static str,
    pub embed_settings: &'static str,
    pub embed_view: &'static str,
    pub embed_compact: &'static str,
    pub embed_header: &'static str,
    pub embed_theme: &'static str,
    pub embed_lang_auto: &'static str,
    pub embed_host_notes: &'static str,
    pub embed_preview: &'static str,
    pub embed_fallback: &'static str,
    pub embed_copied: fn(&str) -> String,
    pub copy_snippet: &'static str,
    pub source_code_note: &'static str,
    pub panic_title: &'static str,
    pub panic_text: &'static str,
    pub panic_reload: &'static str,
    pub data_error_title: &'static str,
    pub notice_link: &'static str,
    pub notice_saved_data: &'static str,
    pub notice_storage: &'static str,
    pub and_more: fn(usize) -> String,
    /// A link parameter too long to read: its name.
    pub param_too_long: fn(&str) -> String,
    /// A link parameter with a value podpath cannot use: its name and value.
    pub param_invalid: fn(&str, &str) -> String,
    pub dismiss: &'static str,
    pub accent_ignored: &'static str,

    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub filters: &'static str,
    pub filters_selected: fn(usize) -> String,
    /// The phone filter panel's button that closes it: "Show 12 shows" (given "12 shows").
    pub filters_show: fn(&str) -> String,
    pub facet_level: &'static str,
    pub facet_topic: &'static str,
    pub facet_format: &'static str,
    pub facet_length: &'static str,
    pub facet_platform: &'static str,
    pub facet_platform_hint: &'static str,
    pub facet_status: &'static str,
    pub active_only: &'static str,
    pub clear_filters: &'static str,
    pub show_all: &'static str,
    pub show_fewer: &'static str,
    pub sort_label: &'static str,
    pub empty_title: &'static str,
    /// The button that drops one filter: what it drops, and how many shows that leaves.
    pub empty_drop: fn(&str, &str) -> String,
    /// A filter value quoted in running text.
    pub quote: fn(&str) -> String,
    pub the_search_text: &'static str,
    pub list_label: &'static str,
    pub list_shows: &'static str,
    pub list_episodes: &'static str,
    pub episodes_more: fn(usize) -> String,
    pub copy_link: &'static str,

    pub hosted_by: &'static str,
    pub hosts_unknown: &'static str,
    pub start_here: &'static str,
    pub listen_on: &'static str,
    /// The primary listen action for the remembered app: "Listen on Spotify".
    pub listen_in: fn(&str) -> String,
    pub listen_other: &'static str,
    pub listen_choose: &'static str,
    pub card_more: &'static str,
    pub length_unknown: &'static str,
    pub topics: &'static str,
    pub opens_new_tab: &'static str,

    pub topic_index: &'static str,
    pub topic_related: &'static str,
    pub topic_shows: &'static str,
    pub topic_episodes: &'static str,
    pub topic_no_shows: &'static str,
    pub topic_no_episodes: &'static str,
    pub topic_on_wiki: &'static str,
    pub topic_back_to_index: &'static str,
    pub graph_label: &'static str,
    pub graph_hint: &'static str,
    /// What the map's lines mean.
    pub graph_legend: &'static str,
    pub graph_second_ring: &'static str,
    pub topic_learn_next: &'static str,
    pub topic_learn_next_note: &'static str,
    pub topic_search_label: &'static str,
    pub topic_search_placeholder: &'static str,
    pub topic_no_match: &'static str,
    pub episode_sort_label: &'static str,
    /// A topic's episodes, the ones most about it first.
    pub episode_sort_central: &'static str,
    pub episode_sort_newest: &'static str,
    pub episode_sort_shortest: &'static str,
    pub explore_topic: &'static str,

    /// Beginner, intermediate, advanced.
    pub levels: [&'static str; 3],
    /// Interview, explainer, news, panel, narrative, solo.
    pub formats: [&'static str; 6],
    /// Concept, role, tool, practice.
    pub topic_kinds: [&'static str; 4],
    /// Under 20, 20–45, 45–90, over 90 minutes.
    pub length_buckets: [&'static str; 4],
    pub link_rss: &'static str,
    pub link_website: &'static str,
    pub feed_not_known: &'static str,
    pub app_unavailable: fn(&str) -> String,
    pub search_on: fn(&str) -> String,
    /// Best match, most recent, shortest, A–Z.
    pub sorts: [&'static str; 4],
    /// Active, ended, revived, unknown.
    pub statuses: [&'static str; 4],

    pub quiz_progress: fn(usize, usize) -> String,
    pub quiz_back: &'static str,
    pub quiz_skip: &'static str,
    pub quiz_next: &'static str,
    pub quiz_finish: &'static str,
    pub quiz_intro: &'static str,
    pub quiz_saved_reset: &'static str,
    pub quiz_no_storage: &'static str,
    pub result_save_unavailable: &'static str,
    pub result_level: &'static str,
    /// The background answer as the verdict states it: skipped, none, courses, work, research.
    pub verdict_background: [&'static str; 5],
    /// The maths answer as the verdict adds it: skipped, low, some, high.
    pub verdict_math: [&'static str; 4],
    /// What fits a beginner, an intermediate, an advanced listener.
    pub verdict_fit: [&'static str; 3],
    /// Background, maths and fit in one sentence.
    pub verdict: fn(&str, &str, &str) -> String,
    pub result_picks: &'static str,
    pub result_why: &'static str,
    pub result_mind: &'static str,
    pub result_episodes: &'static str,
    pub result_longer: &'static str,
    pub result_plan: &'static str,
    pub result_save: &'static str,
    pub result_saved: &'static str,
    pub result_not_saved: &'static str,
    pub result_opml: &'static str,
    pub result_opml_note: &'static str,
    pub result_copy: &'static str,
    pub result_copied: &'static str,
    pub result_copy_failed: &'static str,
    pub result_retake: &'static str,
    pub result_browse: &'static str,
    pub q_background: Question,
    pub q_math: Question,
    pub q_coding: Question,
    pub q_goal: Question,
    pub q_episode: Question,
    pub q_week: Question,
    pub q_format: Question,
    pub q_topics_title: &'static str,
    pub q_time_title: &'static str,
    /// Switching careers, fundamentals, research, production, leading (as "useful for …").
    pub goals: [&'static str; 5],
    /// Daily, weekly, biweekly, monthly, irregular, unknown (as "Active: …").
    pub cadences: [&'static str; 6],
    /// The last joint of a list: "a, b and c".
    pub and: &'static str,

    pub reason_level_fit: fn(&str) -> String,
    pub reason_step_up: fn(&str) -> String,
    pub reason_picked: fn(&str) -> String,
    pub reason_goal: fn(&str, &str) -> String,
    pub reason_interviews: &'static str,
    pub reason_explainers: &'static str,
    pub reason_news: &'static str,
    /// A short commute, the time you have, a long listen.
    pub length_fits: [&'static str; 3],
    pub reason_length: fn(&str, &str) -> String,
    /// The cadence, and the newest episode on record when known.
    pub reason_active: fn(&str, Option<&str>) -> String,
    pub reason_accessible: &'static str,
    pub reason_depth: &'static str,
    pub reason_covers: fn(&str) -> String,
    pub caution_ended_in: fn(&str) -> String,
    pub caution_ended: &'static str,
    pub caution_long: fn(&str) -> String,
    pub caution_level_gap: fn(&str) -> String,
    pub caution_status_unknown: &'static str,
    /// The show's range of lengths, when only some episodes run longer than asked.
    pub caution_some_longer: fn(&str) -> String,
    /// The newest episode on record, when it is months old.
    pub caution_quiet: fn(&str) -> String,
    /// No app links to the show directly: why it is still shown.
    pub caution_no_direct_link: &'static str,
    /// Automatic, light, dark.
    pub themes: [&'static str; 3],

    pub show: Noun,
    pub episode: Noun,
    pub topic: Noun,
    pub start_here_episode: Noun,
    pub results: &'static str,
    pub level_and_format: &'static str,
    pub plan_week: fn(u8) -> String,
    pub plan_episodes_of: fn(&str, &str) -> String,
    /// Week 1: how many of the start episodes (n of total), and the counted noun ("2 start-here
    /// episodes").
    pub plan_start_here: fn(usize, usize, &str) -> String,
    /// Titles of the OPML files: the quiz's picks, the Find list.
    pub opml_picks: &'static str,
    pub opml_shows: &'static str,
    pub about_per_week: fn(&str) -> String,

    /// "1 show" / "2 shows": the plural rule and the number.
    pub count: fn(usize, Noun) -> String,
    pub months: [&'static str; 12],
    /// Day, month name, year.
    pub date_day: fn(&str, &str, &str) -> String,
    pub date_month: fn(&str, &str) -> String,
    pub length_about: fn(u16) -> String,
    pub length_range: fn(u16, u16) -> String,
    pub minutes: fn(u32) -> String,
    /// "latest episode 14 Nov 2026" (the date as `date` writes it); `true` for a show that has
    /// ended ("last episode").
    pub last_episode: fn(&str, bool) -> String,

    // The shows a visitor follows, "Shows like this" and the import (#24).
    pub follow_label: &'static str,
    pub you_follow: &'static str,
    pub like_title: &'static str,
    pub like_all: &'static str,
    /// Find ordered by likeness: "Shows like Data Skeptic".
    pub like_heading: fn(&str) -> String,
    pub like_clear: &'static str,
    /// Before the topics two shows share (catalog text, English).
    pub like_topics: &'static str,
    pub like_level: fn(&str) -> String,
    pub like_length: fn(&str) -> String,
    pub like_format: fn(&str) -> String,
    /// A pick raised by a followed show: (its title, the likeness).
    pub reason_like: fn(&str, &str) -> String,
    pub already_title: &'static str,
    pub import_title: &'static str,
    pub import_hint: &'static str,
    pub import_file: &'static str,
    pub import_paste: &'static str,
    pub import_read: &'static str,
    /// (shows podpath knows, shows in the file).
    pub import_found: fn(usize, usize) -> String,
    pub import_too_large: &'static str,
    pub import_too_many: &'static str,
    pub import_not_opml: &'static str,
    pub import_lenient: &'static str,
    pub import_unreadable: &'static str,
    pub follows_export: &'static str,
    pub opml_follows: &'static str,
    pub q_follows_title: &'static str,
    pub q_follows_hint: &'static str,
    pub q_follows_input: &'static str,
    pub q_follows_add: &'static str,
    pub q_follows_unknown: fn(&str) -> String,
}

/// The table of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &en::EN,
        Lang::Es => &es::ES,
        Lang::De => &de::DE,
    }
}

/// The language of the widget being rendered, provided by `App`.
#[derive(Clone, Copy)]
pub struct LangCtx(pub Lang);

thread_local! {
    /// The language last mounted, for code that runs outside any widget (the panic box).
    static PAGE: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The table of the widget being rendered (or of the page, outside any widget).
pub fn t() -> &'static Texts {
    texts(use_context::<LangCtx>().map_or_else(|| PAGE.get(), |c| c.0))
}

/// Records the language of a widget being mounted.
pub fn set_page_lang(lang: Lang) {
    PAGE.set(lang);
}

/// `lang="en"` for catalog text (show titles, descriptions, episode and topic titles) inside
/// an interface in another language; nothing in an English one.
pub fn catalog_lang() -> Option<&'static str> {
    (t().lang != Lang::En).then_some("en")
}

/// A stable key per notice kind, for tests and styling.
pub fn notice_kind_key(kind: crate::state::NoticeKind) -> &'static str {
    use crate::state::NoticeKind::*;
    match kind {
        Link => "link",
        SavedData => "saved-data",
        Storage => "storage",
    }
}

impl Texts {
    pub fn notice_heading(&self, kind: crate::state::NoticeKind) -> &'static str {
        use crate::state::NoticeKind::*;
        match kind {
            Link => self.notice_link,
            SavedData => self.notice_saved_data,
            Storage => self.notice_storage,
        }
    }

    /// Why the quiz found this level, in one sentence.
    pub fn verdict_why(&self, v: &podpath_engine::quiz::Verdict) -> String {
        use podpath_engine::quiz::{Background, Comfort};
        let background = self.verdict_background[match v.background {
            None => 0,
            Some(Background::None) => 1,
            Some(Background::Courses) => 2,
            Some(Background::Work) => 3,
            Some(Background::Research) => 4,
        }];
        let math = self.verdict_math[match v.math {
            None => 0,
            Some(Comfort::Low) => 1,
            Some(Comfort::Some) => 2,
            Some(Comfort::High) => 3,
        }];
        let fit = self.verdict_fit[match v.level {
            Level::Beginner => 0,
            Level::Intermediate => 1,
            Level::Advanced => 2,
        }];
        (self.verdict)(background, math, fit)
    }

    /// Why a podpath link parameter was left out. The key and value come from the link, so
    /// what could reorder or hide the rest of the sentence is taken out of them first.
    pub fn ignored(&self, i: &podpath_engine::url_state::Ignored) -> String {
        let key = plain(&i.key);
        match &i.value {
            None => (self.param_too_long)(&key),
            Some(value) => (self.param_invalid)(&key, &plain(value)),
        }
    }

    pub fn level(&self, l: Level) -> &'static str {
        self.levels[match l {
            Level::Beginner => 0,
            Level::Intermediate => 1,
            Level::Advanced => 2,
        }]
    }

    pub fn format_name(&self, f: Format) -> &'static str {
        self.formats[match f {
            Format::Interview => 0,
            Format::Explainer => 1,
            Format::News => 2,
            Format::Panel => 3,
            Format::Narrative => 4,
            Format::Solo => 5,
        }]
    }

    pub fn topic_kind(&self, k: TopicKind) -> &'static str {
        self.topic_kinds[match k {
            TopicKind::Concept => 0,
            TopicKind::Role => 1,
            TopicKind::Tool => 2,
            TopicKind::Practice => 3,
        }]
    }

    pub fn length_bucket(&self, b: LengthBucket) -> &'static str {
        self.length_buckets[match b {
            LengthBucket::Under20 => 0,
            LengthBucket::From20To45 => 1,
            LengthBucket::From45To90 => 2,
            LengthBucket::Over90 => 3,
        }]
    }

    /// App names are names: the same in every language.
    pub fn app(&self, a: App) -> &'static str {
        match a {
            App::Apple => "Apple Podcasts",
            App::Spotify => "Spotify",
            App::YouTube => "YouTube",
            App::PocketCasts => "Pocket Casts",
            App::Overcast => "Overcast",
        }
    }

    pub fn platform(&self, p: Platform) -> &'static str {
        match p {
            Platform::Apple => self.app(App::Apple),
            Platform::Spotify => self.app(App::Spotify),
            Platform::YouTube => self.app(App::YouTube),
            Platform::Rss => self.link_rss,
        }
    }

    pub fn sort(&self, s: Sort) -> &'static str {
        self.sorts[match s {
            Sort::BestMatch => 0,
            Sort::Recent => 1,
            Sort::Shortest => 2,
            Sort::Az => 3,
        }]
    }

    pub fn status(&self, s: Status) -> &'static str {
        self.statuses[match s {
            Status::Active => 0,
            Status::Ended => 1,
            Status::Revived => 2,
            Status::Unknown => 3,
        }]
    }

    pub fn view(&self, v: podpath_engine::url_state::View) -> &'static str {
        use podpath_engine::url_state::View::*;
        match v {
            Browse => self.view_browse,
            Quiz => self.view_quiz,
            Topics => self.view_topics,
        }
    }

    pub fn theme(&self, th: podpath_engine::embed::Theme) -> &'static str {
        use podpath_engine::embed::Theme::*;
        self.themes[match th {
            Auto => 0,
            Light => 1,
            Dark => 2,
        }]
    }

    pub fn goal(&self, g: Goal) -> &'static str {
        self.goals[match g {
            Goal::SwitchCareer => 0,
            Goal::Fundamentals => 1,
            Goal::Research => 2,
            Goal::Production => 3,
            Goal::Lead => 4,
        }]
    }

    fn cadence(&self, c: Cadence) -> &'static str {
        self.cadences[match c {
            Cadence::Daily => 0,
            Cadence::Weekly => 1,
            Cadence::Biweekly => 2,
            Cadence::Monthly => 3,
            Cadence::Irregular => 4,
            Cadence::Unknown => 5,
        }]
    }

    pub fn count(&self, n: usize, noun: Noun) -> String {
        (self.count)(n, noun)
    }

    pub fn shows(&self, n: usize) -> String {
        self.count(n, self.show)
    }

    /// Typical episode length: "about 45 min", "30–60 min".
    pub fn length(&self, range: LengthRange) -> String {
        if range.min == range.max {
            (self.length_about)(range.min)
        } else {
            (self.length_range)(range.min, range.max)
        }
    }

    pub fn minutes(&self, m: u32) -> String {
        (self.minutes)(m)
    }

    /// `2020-07-26` → "26 Jul 2020" in this language; partial dates keep their precision.
    pub fn date(&self, d: &IsoDate) -> String {
        let parts: Vec<&str> = d.as_str().split('-').collect();
        let month = parts
            .get(1)
            .and_then(|m| m.parse::<usize>().ok())
            .and_then(|m| self.months.get(m.wrapping_sub(1)));
        match (parts.first(), month, parts.get(2)) {
            (Some(y), Some(m), Some(day)) => (self.date_day)(day.trim_start_matches('0'), m, y),
            (Some(y), Some(m), None) => (self.date_month)(m, y),
            _ => d.as_str().to_owned(),
        }
    }

    pub fn app_unavailable(&self, a: App) -> String {
        (self.app_unavailable)(self.app(a))
    }

    pub fn search_on(&self, a: App) -> String {
        (self.search_on)(self.app(a))
    }

    /// "a, b and c" in this language.
    fn join_topics(&self, catalog: &Catalog, topics: &[TopicId]) -> String {
        let titles: Vec<&str> = topics
            .iter()
            .map(|t| catalog.topic_title(t.as_str()))
            .collect();
        self.join(&titles)
    }

    /// "A", "A and B", "A, B and C".
    pub fn join(&self, items: &[&str]) -> String {
        match items {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} {} {last}", rest.join(", "), self.and),
        }
    }

    /// A recommendation reason as a sentence.
    pub fn reason(&self, catalog: &Catalog, r: &Reason) -> String {
        use podpath_engine::recommend::Reason::*;
        match r {
            LevelFit(l) => (self.reason_level_fit)(self.level(*l)),
            StepUp(l) => (self.reason_step_up)(self.level(*l)),
            PickedTopics(t) => (self.reason_picked)(&self.join_topics(catalog, t)),
            GoalTopics(g, t) => (self.reason_goal)(&self.join_topics(catalog, t), self.goal(*g)),
            FormatFit(FormatPref::Interviews) => self.reason_interviews.to_owned(),
            FormatFit(FormatPref::Explainers) => self.reason_explainers.to_owned(),
            FormatFit(FormatPref::News) => self.reason_news.to_owned(),
            FormatFit(FormatPref::Any) => String::new(),
            LengthFits(len, time) => {
                let fit = self.length_fits[match time {
                    EpisodeTime::Short => 0,
                    EpisodeTime::Medium => 1,
                    EpisodeTime::Long | EpisodeTime::Any => 2,
                }];
                (self.reason_length)(&self.length(*len), fit)
            }
            Active(c, last) => (self.reason_active)(
                self.cadence(*c),
                last.as_ref().map(|d| self.date(d)).as_deref(),
            ),
            Accessible => self.reason_accessible.to_owned(),
            Depth => self.reason_depth.to_owned(),
            Covers(t) => (self.reason_covers)(&self.join_topics(catalog, t)),
            Like(show, why) => (self.reason_like)(
                catalog.shows.get(*show).map_or("", |s| s.title.as_str()),
                &self.likeness(catalog, why),
            ),
        }
    }

    /// Why one show is like another, as a sentence.
    pub fn likeness(&self, catalog: &Catalog, l: &Likeness) -> String {
        let (own, topics) = self.likeness_parts(catalog, l);
        format!("{own}{topics}")
    }

    /// The same in two parts: the interface's words, and the catalog's topic titles after
    /// them (English, for views to mark as such), empty when there are none.
    pub fn likeness_parts(&self, catalog: &Catalog, l: &Likeness) -> (String, String) {
        match l {
            Likeness::Topics(t) => (
                format!("{} ", self.like_topics),
                self.join_topics(catalog, t),
            ),
            Likeness::Level(l) => ((self.like_level)(self.level(*l)), String::new()),
            Likeness::Length(len) => ((self.like_length)(&self.length(*len)), String::new()),
            Likeness::Format(f) => ((self.like_format)(self.format_name(*f)), String::new()),
        }
    }

    /// A caution as a sentence.
    pub fn caution(&self, c: &Caution) -> String {
        use podpath_engine::recommend::Caution::*;
        match c {
            Ended(Some(d)) => (self.caution_ended_in)(d.as_str().get(..4).unwrap_or(d.as_str())),
            Ended(None) => self.caution_ended.to_owned(),
            LongEpisodes(len) => (self.caution_long)(&self.length(*len)),
            LevelGap(l) => (self.caution_level_gap)(self.level(*l)),
            StatusUnknown => self.caution_status_unknown.to_owned(),
            SomeLonger(len) => (self.caution_some_longer)(&self.length(*len)),
            Quiet(d) => (self.caution_quiet)(&self.date(d)),
            NoDirectLink => self.caution_no_direct_link.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(lang: Lang, d: &str) -> String {
        texts(lang).date(&IsoDate(d.to_string()))
    }

    #[test]
    fn a_link_parameter_is_named_without_controls_or_direction_marks() {
        use podpath_engine::url_state::Ignored;
        let ignored = Ignored {
            key: "lev\u{202e}el".into(),
            value: Some("x\u{2066}y\nz\u{200f}".into()),
        };
        for lang in [Lang::En, Lang::Es, Lang::De] {
            let said = texts(lang).ignored(&ignored);
            assert!(said.starts_with("level: "), "{said}");
            assert!(said.contains("xyz"), "{said}");
        }
    }

    #[test]
    fn the_loading_view_speaks_each_language_with_its_own_tagline() {
        // first-screen.js words the loading view before the app runs.
        let js = include_str!("../../first-screen.js");
        for lang in [Lang::Es, Lang::De] {
            let tagline = texts(lang).tagline;
            assert!(js.contains(&format!("\"{tagline}\"")), "{tagline}");
        }
    }

    #[test]
    fn every_quiz_option_of_every_language_is_an_answer_the_engine_knows() {
        use podpath_engine::quiz::{
            Background, Comfort, EpisodeTime, FormatPref, Goal, WeeklyTime,
        };
        fn keys<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> Vec<&'static str> {
            all.iter().map(|v| key(*v)).collect()
        }
        for lang in Lang::ALL {
            let t = texts(lang);
            let asked = |q: &Question| q.options.iter().map(|(k, _)| *k).collect::<Vec<_>>();
            assert_eq!(
                asked(&t.q_background),
                keys(Background::ALL, Background::key)
            );
            assert_eq!(asked(&t.q_math), keys(Comfort::ALL, Comfort::key));
            assert_eq!(asked(&t.q_coding), keys(Comfort::ALL, Comfort::key));
            assert_eq!(asked(&t.q_goal), keys(Goal::ALL, Goal::key));
            assert_eq!(
                asked(&t.q_episode),
                keys(EpisodeTime::ALL, EpisodeTime::key)
            );
            assert_eq!(asked(&t.q_week), keys(WeeklyTime::ALL, WeeklyTime::key));
            assert_eq!(asked(&t.q_format), keys(FormatPref::ALL, FormatPref::key));
        }
    }

    #[test]
    fn every_language_has_its_own_table() {
        for lang in Lang::ALL {
            assert_eq!(texts(lang).lang, lang);
        }
    }

    #[test]
    fn dates_follow_each_language() {
        assert_eq!(date(Lang::En, "2026-07-01"), "1 Jul 2026");
        assert_eq!(date(Lang::Es, "2026-07-01"), "1 jul 2026");
        assert_eq!(date(Lang::De, "2026-07-01"), "1. Juli 2026");
        assert_eq!(date(Lang::En, "2026-09"), "Sep 2026");
        assert_eq!(date(Lang::Es, "2026-09"), "sept 2026");
        assert_eq!(date(Lang::De, "2026-03"), "März 2026");
        for lang in Lang::ALL {
            assert_eq!(date(lang, "2026"), "2026", "a bare year stays a year");
        }
    }

    #[test]
    fn counts_take_each_language_plural() {
        let count = |lang: Lang, n: usize| texts(lang).count(n, texts(lang).episode);
        assert_eq!(
            [count(Lang::En, 1), count(Lang::En, 2)],
            ["1 episode", "2 episodes"]
        );
        assert_eq!(
            [count(Lang::Es, 1), count(Lang::Es, 2)],
            ["1 episodio", "2 episodios"]
        );
        assert_eq!(
            [count(Lang::De, 1), count(Lang::De, 2)],
            ["1 Folge", "2 Folgen"]
        );
        assert_eq!(count(Lang::De, 0), "0 Folgen");
        let shows = |lang: Lang, n: usize| texts(lang).shows(n);
        assert_eq!(
            [shows(Lang::Es, 1), shows(Lang::De, 24)],
            ["1 programa", "24 Podcasts"]
        );
        assert_eq!(
            (texts(Lang::Es).filters_selected)(1),
            "Filtros (1 seleccionado)"
        );
        assert_eq!(
            (texts(Lang::Es).filters_selected)(2),
            "Filtros (2 seleccionados)"
        );
    }

    #[test]
    fn the_level_verdict_is_one_sentence_in_each_language() {
        use podpath_engine::quiz::{verdict, Answers, Background, Comfort};
        let a = Answers {
            background: Some(Background::Courses),
            math: Some(Comfort::Some),
            coding: Some(Comfort::Some),
            ..Answers::default()
        };
        let v = verdict(&a);
        assert_eq!(
            texts(Lang::En).verdict_why(&v),
            "Because you have taken some courses and know some maths, shows for practitioners who know the basics fit you best."
        );
        assert!(texts(Lang::Es)
            .verdict_why(&v)
            .starts_with("Como has hecho algunos cursos y sabes algo de matemáticas, "));
        assert!(texts(Lang::De)
            .verdict_why(&v)
            .starts_with("Da du ein paar Kurse gemacht hast und etwas Mathe kannst, passen "));
    }

    #[test]
    fn lengths_and_ages_read_naturally() {
        let range = LengthRange { min: 30, max: 60 };
        // Numbers and their units never wrap apart (no-break spaces).
        assert_eq!(texts(Lang::De).length(range), "30–60\u{a0}Min.");
        assert_eq!(
            texts(Lang::Es).length(LengthRange { min: 45, max: 45 }),
            "unos 45\u{a0}min"
        );
        assert_eq!(texts(Lang::De).minutes(65), "1\u{a0}Std. 05\u{a0}Min.");
        assert_eq!(texts(Lang::En).minutes(65), "1\u{a0}h 05\u{a0}min");
        assert_eq!(
            (texts(Lang::Es).last_episode)("sept 2026", false),
            "episodio más reciente: sept 2026"
        );
        assert_eq!(
            (texts(Lang::En).last_episode)("2026", false),
            "latest episode 2026"
        );
        assert_eq!(
            (texts(Lang::De).last_episode)("14. Nov. 2025", true),
            "letzte Folge: 14. Nov. 2025"
        );
    }
    /// Every piece of text a table holds, by field (array items, question titles and option
    /// labels, nouns, and what each function field writes for the same sample arguments; an
    /// argument a table supplies itself, a noun or a month, is that table's own). The pattern
    /// names every field, so a field added to `Texts` does not build until it is listed here.
    fn entries(t: &Texts) -> Vec<(String, String)> {
        let Texts {
            lang: _,
            language_name: _, // Each language's own name, different by design.
            language_label,
            page_title,
            page_description,
            tagline,
            nav_label,
            view_browse,
            view_quiz,
            view_topics,
            data_as_of,
            credits_episodes,
            credits_shows,
            embed_this,
            embed_intro,
            embed_iframe,
            embed_script,
            embed_frame_title,
            embed_short,
            embed_settings,
            embed_view,
            embed_compact,
            embed_header,
            embed_theme,
            embed_lang_auto,
            embed_host_notes,
            embed_preview,
            embed_fallback,
            embed_copied,
            copy_snippet,
            source_code_note,
            panic_title,
            panic_text,
            panic_reload,
            data_error_title,
            notice_link,
            notice_saved_data,
            notice_storage,
            and_more,
            param_too_long,
            param_invalid,
            dismiss,
            accent_ignored,
            search_label,
            search_placeholder,
            filters,
            filters_selected,
            filters_show,
            facet_level,
            facet_topic,
            facet_format,
            facet_length,
            facet_platform,
            facet_platform_hint,
            facet_status,
            active_only,
            clear_filters,
            show_all,
            show_fewer,
            sort_label,
            empty_title,
            empty_drop,
            quote,
            the_search_text,
            list_label,
            list_shows,
            list_episodes,
            episodes_more,
            copy_link,
            hosted_by,
            hosts_unknown,
            start_here,
            listen_on,
            listen_in,
            listen_other,
            listen_choose,
            card_more,
            length_unknown,
            topics,
            opens_new_tab,
            topic_index,
            topic_related,
            topic_shows,
            topic_episodes,
            topic_no_shows,
            topic_no_episodes,
            topic_on_wiki,
            topic_back_to_index,
            graph_label,
            graph_hint,
            graph_legend,
            graph_second_ring,
            topic_learn_next,
            topic_learn_next_note,
            topic_search_label,
            topic_search_placeholder,
            topic_no_match,
            episode_sort_label,
            episode_sort_central,
            episode_sort_newest,
            episode_sort_shortest,
            explore_topic,
            levels,
            formats,
            topic_kinds,
            length_buckets,
            link_rss,
            link_website,
            feed_not_known,
            app_unavailable,
            search_on,
            sorts,
            statuses,
            quiz_progress,
            quiz_back,
            quiz_skip,
            quiz_next,
            quiz_finish,
            quiz_intro,
            quiz_saved_reset,
            quiz_no_storage,
            result_save_unavailable,
            result_level,
            verdict_background,
            verdict_math,
            verdict_fit,
            verdict,
            result_picks,
            result_why,
            result_mind,
            result_episodes,
            result_longer,
            result_plan,
            result_save,
            result_saved,
            result_not_saved,
            result_opml,
            result_opml_note,
            result_copy,
            result_copied,
            result_copy_failed,
            result_retake,
            result_browse,
            q_background,
            q_math,
            q_coding,
            q_goal,
            q_episode,
            q_week,
            q_format,
            q_topics_title,
            q_time_title,
            goals,
            cadences,
            and,
            reason_level_fit,
            reason_step_up,
            reason_picked,
            reason_goal,
            reason_interviews,
            reason_explainers,
            reason_news,
            length_fits,
            reason_length,
            reason_active,
            reason_accessible,
            reason_depth,
            reason_covers,
            caution_ended_in,
            caution_ended,
            caution_long,
            caution_level_gap,
            caution_status_unknown,
            caution_some_longer,
            caution_quiet,
            caution_no_direct_link,
            themes,
            show,
            episode,
            topic,
            start_here_episode,
            results,
            level_and_format,
            plan_week,
            plan_episodes_of,
            plan_start_here,
            opml_picks,
            opml_shows,
            about_per_week,
            count,
            months,
            date_day,
            date_month,
            length_about,
            length_range,
            minutes,
            last_episode,
            follow_label,
            you_follow,
            like_title,
            like_all,
            like_clear,
            already_title,
            import_title,
            import_hint,
            import_file,
            import_paste,
            import_read,
            import_too_large,
            import_too_many,
            import_not_opml,
            import_lenient,
            import_unreadable,
            follows_export,
            opml_follows,
            q_follows_title,
            q_follows_hint,
            q_follows_input,
            q_follows_add,
            like_heading,
            like_topics,
            like_level,
            like_length,
            like_format,
            reason_like,
            import_found,
            q_follows_unknown,
        } = t;
        let mut out: Vec<(String, String)> = Vec::new();
        let mut add = |name: &str, text: String| out.push((name.to_owned(), text));
        for (name, text) in [
            ("language_label", language_label),
            ("page_title", page_title),
            ("page_description", page_description),
            ("tagline", tagline),
            ("nav_label", nav_label),
            ("view_browse", view_browse),
            ("view_quiz", view_quiz),
            ("view_topics", view_topics),
            ("data_as_of", data_as_of),
            ("credits_episodes", credits_episodes),
            ("credits_shows", credits_shows),
            ("embed_this", embed_this),
            ("embed_intro", embed_intro),
            ("embed_iframe", embed_iframe),
            ("embed_script", embed_script),
            ("embed_frame_title", embed_frame_title),
            ("embed_short", embed_short),
            ("embed_settings", embed_settings),
            ("embed_view", embed_view),
            ("embed_compact", embed_compact),
            ("embed_header", embed_header),
            ("embed_theme", embed_theme),
            ("embed_lang_auto", embed_lang_auto),
            ("embed_host_notes", embed_host_notes),
            ("embed_preview", embed_preview),
            ("embed_fallback", embed_fallback),
            ("copy_snippet", copy_snippet),
            ("source_code_note", source_code_note),
            ("panic_title", panic_title),
            ("panic_text", panic_text),
            ("panic_reload", panic_reload),
            ("data_error_title", data_error_title),
            ("notice_link", notice_link),
            ("notice_saved_data", notice_saved_data),
            ("notice_storage", notice_storage),
            ("dismiss", dismiss),
            ("accent_ignored", accent_ignored),
            ("search_label", search_label),
            ("search_placeholder", search_placeholder),
            ("filters", filters),
            ("facet_level", facet_level),
            ("facet_topic", facet_topic),
            ("facet_format", facet_format),
            ("facet_length", facet_length),
            ("facet_platform", facet_platform),
            ("facet_platform_hint", facet_platform_hint),
            ("facet_status", facet_status),
            ("active_only", active_only),
            ("clear_filters", clear_filters),
            ("show_all", show_all),
            ("show_fewer", show_fewer),
            ("sort_label", sort_label),
            ("empty_title", empty_title),
            ("the_search_text", the_search_text),
            ("list_label", list_label),
            ("list_shows", list_shows),
            ("list_episodes", list_episodes),
            ("copy_link", copy_link),
            ("hosted_by", hosted_by),
            ("hosts_unknown", hosts_unknown),
            ("start_here", start_here),
            ("listen_on", listen_on),
            ("listen_other", listen_other),
            ("listen_choose", listen_choose),
            ("card_more", card_more),
            ("length_unknown", length_unknown),
            ("topics", topics),
            ("opens_new_tab", opens_new_tab),
            ("topic_index", topic_index),
            ("topic_related", topic_related),
            ("topic_shows", topic_shows),
            ("topic_episodes", topic_episodes),
            ("topic_no_shows", topic_no_shows),
            ("topic_no_episodes", topic_no_episodes),
            ("topic_on_wiki", topic_on_wiki),
            ("topic_back_to_index", topic_back_to_index),
            ("graph_label", graph_label),
            ("graph_hint", graph_hint),
            ("graph_legend", graph_legend),
            ("graph_second_ring", graph_second_ring),
            ("topic_learn_next", topic_learn_next),
            ("topic_learn_next_note", topic_learn_next_note),
            ("topic_search_label", topic_search_label),
            ("topic_search_placeholder", topic_search_placeholder),
            ("topic_no_match", topic_no_match),
            ("episode_sort_label", episode_sort_label),
            ("episode_sort_central", episode_sort_central),
            ("episode_sort_newest", episode_sort_newest),
            ("episode_sort_shortest", episode_sort_shortest),
            ("explore_topic", explore_topic),
            ("link_rss", link_rss),
            ("link_website", link_website),
            ("feed_not_known", feed_not_known),
            ("quiz_back", quiz_back),
            ("quiz_skip", quiz_skip),
            ("quiz_next", quiz_next),
            ("quiz_finish", quiz_finish),
            ("quiz_intro", quiz_intro),
            ("quiz_saved_reset", quiz_saved_reset),
            ("quiz_no_storage", quiz_no_storage),
            ("result_save_unavailable", result_save_unavailable),
            ("result_level", result_level),
            ("result_picks", result_picks),
            ("result_why", result_why),
            ("result_mind", result_mind),
            ("result_episodes", result_episodes),
            ("result_longer", result_longer),
            ("result_plan", result_plan),
            ("result_save", result_save),
            ("result_saved", result_saved),
            ("result_not_saved", result_not_saved),
            ("result_opml", result_opml),
            ("result_opml_note", result_opml_note),
            ("result_copy", result_copy),
            ("result_copied", result_copied),
            ("result_copy_failed", result_copy_failed),
            ("result_retake", result_retake),
            ("result_browse", result_browse),
            ("q_topics_title", q_topics_title),
            ("q_time_title", q_time_title),
            ("and", and),
            ("reason_interviews", reason_interviews),
            ("reason_explainers", reason_explainers),
            ("reason_news", reason_news),
            ("reason_accessible", reason_accessible),
            ("reason_depth", reason_depth),
            ("caution_ended", caution_ended),
            ("caution_status_unknown", caution_status_unknown),
            ("caution_no_direct_link", caution_no_direct_link),
            ("results", results),
            ("level_and_format", level_and_format),
            ("opml_picks", opml_picks),
            ("opml_shows", opml_shows),
            ("follow_label", follow_label),
            ("like_topics", like_topics),
            ("you_follow", you_follow),
            ("like_title", like_title),
            ("like_all", like_all),
            ("like_clear", like_clear),
            ("already_title", already_title),
            ("import_title", import_title),
            ("import_hint", import_hint),
            ("import_file", import_file),
            ("import_paste", import_paste),
            ("import_read", import_read),
            ("import_too_large", import_too_large),
            ("import_too_many", import_too_many),
            ("import_not_opml", import_not_opml),
            ("import_lenient", import_lenient),
            ("import_unreadable", import_unreadable),
            ("follows_export", follows_export),
            ("opml_follows", opml_follows),
            ("q_follows_title", q_follows_title),
            ("q_follows_hint", q_follows_hint),
            ("q_follows_input", q_follows_input),
            ("q_follows_add", q_follows_add),
        ] {
            add(name, (*text).to_owned());
        }
        let lists: [(&str, &[&str]); 13] = [
            ("levels", levels),
            ("formats", formats),
            ("topic_kinds", topic_kinds),
            ("length_buckets", length_buckets),
            ("sorts", sorts),
            ("statuses", statuses),
            ("verdict_background", verdict_background),
            ("verdict_math", verdict_math),
            ("verdict_fit", verdict_fit),
            ("goals", goals),
            ("cadences", cadences),
            ("length_fits", length_fits),
            ("themes", themes),
        ];
        for (name, items) in lists {
            for (i, text) in items.iter().enumerate() {
                add(&format!("{name}[{i}]"), (*text).to_owned());
            }
        }
        for (name, q) in [
            ("q_background", q_background),
            ("q_math", q_math),
            ("q_coding", q_coding),
            ("q_goal", q_goal),
            ("q_episode", q_episode),
            ("q_week", q_week),
            ("q_format", q_format),
        ] {
            add(&format!("{name}.title"), q.title.to_owned());
            for (key, label) in q.options {
                add(&format!("{name}.{key}"), (*label).to_owned());
            }
        }
        for (name, (one, many)) in [
            ("show", show),
            ("episode", episode),
            ("topic", topic),
            ("start_here_episode", start_here_episode),
        ] {
            add(&format!("{name}.one"), (*one).to_owned());
            add(&format!("{name}.many"), (*many).to_owned());
        }
        // Function fields, each with sample arguments ("X", "Y" stand for text that comes from
        // elsewhere: a name, a topic, a length).
        add("and_more", and_more(3));
        add("param_too_long", param_too_long("week"));
        add("param_invalid", param_invalid("week", "9"));
        add("filters_selected(1)", filters_selected(1));
        add("filters_selected(2)", filters_selected(2));
        add("filters_show", filters_show("12 X"));
        add("listen_in", listen_in("Spotify"));
        add("embed_copied", embed_copied("X"));
        add("empty_drop", empty_drop("X", "Y"));
        add("quote", quote("X"));
        add("episodes_more", episodes_more(120));
        add("app_unavailable", app_unavailable("Spotify"));
        add("search_on", search_on("Spotify"));
        add("quiz_progress", quiz_progress(2, 7));
        add("verdict", verdict("X", "Y", "Z"));
        add("reason_level_fit", reason_level_fit("X"));
        add("like_heading", like_heading("X"));
        add("like_level", like_level("X"));
        add("like_length", like_length("X"));
        add("like_format", like_format("X"));
        add("reason_like", reason_like("X", "Y"));
        add("import_found(0, 1)", import_found(0, 1));
        add("import_found(0, 9)", import_found(0, 9));
        add("import_found(1, 1)", import_found(1, 1));
        add("import_found(2, 9)", import_found(2, 9));
        add("q_follows_unknown", q_follows_unknown("X"));
        add("reason_step_up", reason_step_up("X"));
        add("reason_picked", reason_picked("X"));
        add("reason_goal", reason_goal("X", "Y"));
        add("reason_length", reason_length("X", "Y"));
        add("reason_active(date)", reason_active("X", Some("Y")));
        add("reason_active", reason_active("X", None));
        add("reason_covers", reason_covers("X"));
        add("caution_ended_in", caution_ended_in("2019"));
        add("caution_long", caution_long("X"));
        add("caution_level_gap", caution_level_gap("X"));
        add("caution_some_longer", caution_some_longer("X"));
        add("caution_quiet", caution_quiet("X"));
        add("plan_week", plan_week(2));
        add("plan_episodes_of", plan_episodes_of("X", "Y"));
        for (n, total) in [(1, 1), (1, 3), (2, 2), (2, 3)] {
            add(
                &format!("plan_start_here({n}, {total})"),
                plan_start_here(n, total, "X"),
            );
        }
        add("about_per_week", about_per_week("X"));
        add("count(1)", count(1, *episode));
        add("count(2)", count(2, *episode));
        for (i, month) in months.iter().enumerate() {
            add(&format!("months[{i}]"), (*month).to_owned());
        }
        add("date_day", date_day("1", months[6], "2026"));
        add("date_month", date_month(months[8], "2026"));
        add("length_about", length_about(45));
        add("length_range", length_range(30, 60));
        add("minutes(45)", minutes(45));
        add("minutes(65)", minutes(65));
        for ended in [false, true] {
            add(&format!("last_episode({ended})"), last_episode("X", ended));
        }
        out
    }

    /// Text a language legitimately shares with English, by field, each with the reason.
    const SAME_AS_ENGLISH: &[(Lang, &str)] = &[
        // Numbers with "min", "h" and "A–Z": Spanish abbreviates minutes as "min" and hours as
        // "h" too (SI symbols), and sorts A–Z.
        (Lang::Es, "length_buckets[1]"),
        (Lang::Es, "length_buckets[2]"),
        (Lang::Es, "length_range"),
        (Lang::Es, "minutes(45)"),
        (Lang::Es, "minutes(65)"),
        (Lang::Es, "sorts[3]"),
        (Lang::De, "sorts[3]"),
        // German words spelled as in English: das Quiz, das Format, der Status, die Website
        // (Duden), die Interviews, solo.
        (Lang::De, "view_quiz"),
        (Lang::De, "facet_format"),
        (Lang::De, "facet_status"),
        (Lang::De, "link_website"),
        (Lang::De, "formats[0]"),
        (Lang::De, "formats[5]"),
    ];

    #[test]
    fn no_spanish_or_german_text_is_a_copy_of_the_english() {
        let english = entries(texts(Lang::En));
        let mut copies = Vec::new();
        let mut allowed_but_translated = Vec::new();
        for lang in [Lang::Es, Lang::De] {
            let own = entries(texts(lang));
            assert_eq!(
                own.iter().map(|(name, _)| name).collect::<Vec<_>>(),
                english.iter().map(|(name, _)| name).collect::<Vec<_>>(),
                "{lang:?}: the same entries as English"
            );
            for ((name, text), (_, en)) in own.iter().zip(&english) {
                let same = !text.is_empty() && text == en;
                let allowed = SAME_AS_ENGLISH.contains(&(lang, name.as_str()));
                if same && !allowed {
                    copies.push(format!("{lang:?} {name}: {text:?}"));
                }
                if allowed && !same {
                    allowed_but_translated.push(format!("{lang:?} {name}: {text:?}"));
                }
            }
        }
        assert!(
            copies.is_empty(),
            "the same as English:\n{}",
            copies.join("\n")
        );
        assert!(
            allowed_but_translated.is_empty(),
            "allowed to be English but differ (drop them from SAME_AS_ENGLISH):\n{}",
            allowed_but_translated.join("\n")
        );
    }
}
