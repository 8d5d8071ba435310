//! Every user-facing string of the UI, in one table, so that a second language is a data
//! change rather than a code hunt. Numbers and dates are formatted in `format.rs`.

pub const PRODUCT: &str = "podpath";
pub const TAGLINE: &str = "Find the machine-learning podcast that fits you";
pub const NAV_LABEL: &str = "Views";
pub const VIEW_BROWSE: &str = "Find";
pub const VIEW_QUIZ: &str = "Quiz";
pub const VIEW_TOPICS: &str = "Topics";

pub const DATA_AS_OF: &str = "Data as of";
pub const CREDITS_EPISODES: &str = "Episode and topic data: DataTalks.Club podcast and its wiki";
pub const CREDITS_SHOWS: &str = "Show facts link to each show's own pages.";
pub const EMBED_THIS: &str = "Embed this";
pub const EMBED_INTRO: &str = "Paste one of these into a blog post. The iframe is the safest choice: it cannot affect your page and needs no changes to your Content-Security-Policy beyond frame-src.";
pub const EMBED_IFRAME: &str = "Iframe (recommended)";
pub const EMBED_SCRIPT: &str = "Script and element";
pub const EMBED_FRAME_TITLE: &str = "podpath: find the machine-learning podcast that fits you";
pub const COPY_SNIPPET: &str = "Copy snippet";
pub const SOURCE_CODE_NOTE: &str = "No tracking, no cookies: everything runs in your browser.";

pub const PANIC_TITLE: &str = "Something went wrong";
pub const PANIC_TEXT: &str = "podpath hit an error it could not recover from. Reloading usually fixes it; your saved answers are kept.";
pub const PANIC_RELOAD: &str = "Reload podpath";
pub const DATA_ERROR_TITLE: &str = "podpath could not read its catalog";
/// The heading of each group of notices.
pub fn notice_heading(kind: crate::state::NoticeKind) -> &'static str {
    use crate::state::NoticeKind::*;
    match kind {
        Link => "Some podpath settings in this link could not be used and were left out:",
        SavedData => "Saved answers could not be used:",
        Storage => "Nothing is kept in this browser:",
    }
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

/// The last line of a long group of notices.
pub fn and_more(n: usize) -> String {
    format!("and {n} more")
}
pub const DISMISS: &str = "Dismiss";
pub const ACCENT_IGNORED: &str =
    "accent: too little contrast with the background, so it was not used:";

// Browse
pub const SEARCH_LABEL: &str = "Search shows, hosts, topics and episodes";
pub const SEARCH_PLACEHOLDER: &str = "Search, e.g. mlops or a host";
pub const FILTERS: &str = "Filters";
/// The filter panel's summary while facet values are selected: "Filters (2 selected)".
pub fn filters_selected(n: usize) -> String {
    format!("{FILTERS} ({n} selected)")
}
pub const FACET_LEVEL: &str = "Level";
pub const FACET_TOPIC: &str = "Topic";
pub const FACET_FORMAT: &str = "Format";
pub const FACET_LENGTH: &str = "Episode length";
pub const FACET_PLATFORM: &str = "Listen on";
pub const FACET_PLATFORM_HINT: &str =
    "Counts direct links only; every show can be searched in each app.";
pub const FACET_STATUS: &str = "Status";
pub const ACTIVE_ONLY: &str = "Still publishing";
pub const CLEAR_FILTERS: &str = "Clear all";
pub const SHOW_ALL: &str = "Show all";
pub const SHOW_FEWER: &str = "Show fewer";
pub const SORT_LABEL: &str = "Sort by";
pub const EMPTY_TITLE: &str = "No show matches all of these filters.";
pub const EMPTY_DROP: &str = "Remove";
pub const THE_SEARCH_TEXT: &str = "the search text";
pub const LIST_LABEL: &str = "List";
pub const LIST_SHOWS: &str = "Shows";
pub const LIST_EPISODES: &str = "DataTalks.Club episodes";
pub const EPISODES_MORE: &str = "Showing the first 50. Narrow the list to see the rest of";
pub const COPY_LINK: &str = "Copy link";

// Show card
pub const HOSTED_BY: &str = "Hosted by";
pub const HOSTS_UNKNOWN: &str = "Hosts unknown";
pub const START_HERE: &str = "Start here";
pub const LISTEN_ON: &str = "Listen";
pub const LENGTH_UNKNOWN: &str = "Length unknown";
pub const TOPICS: &str = "Topics";
pub const OPENS_NEW_TAB: &str = "(opens in a new tab)";

// Topics
pub const TOPIC_INDEX: &str = "All topics";
pub const TOPIC_RELATED: &str = "Related topics";
pub const TOPIC_SHOWS: &str = "Shows that cover it";
pub const TOPIC_EPISODES: &str = "Episodes";
pub const TOPIC_NO_SHOWS: &str = "No show in the catalog is tagged with this topic yet.";
pub const TOPIC_NO_EPISODES: &str = "No DataTalks.Club episode is linked to this topic.";
pub const TOPIC_ON_WIKI: &str = "Read it on the DataTalks.Club wiki";
pub const TOPIC_BACK_TO_INDEX: &str = "All topics";
pub const GRAPH_LABEL: &str = "Map of neighbouring topics";
pub const GRAPH_HINT: &str = "Arrow keys move between topics; Enter opens one.";
pub const GRAPH_SECOND_RING: &str = "Show their neighbours too";
pub const TOPIC_LEARN_NEXT: &str = "Learn next";
pub const TOPIC_LEARN_NEXT_NOTE: &str =
    "A path through neighbouring topics, from foundational to advanced.";
pub const TOPIC_SEARCH_LABEL: &str = "Find a topic";
pub const TOPIC_SEARCH_PLACEHOLDER: &str = "e.g. monitoring, feature store, career";
pub const TOPIC_NO_MATCH: &str = "No topic matches.";
pub const EPISODE_SORT_LABEL: &str = "Order episodes by";
pub const EPISODE_SORT_NEWEST: &str = "Newest first";
pub const EPISODE_SORT_SHORTEST: &str = "Shortest first";
pub const EXPLORE_TOPIC: &str = "Explore this topic";

pub fn level(l: podpath_engine::Level) -> &'static str {
    use podpath_engine::Level::*;
    match l {
        Beginner => "Beginner",
        Intermediate => "Intermediate",
        Advanced => "Advanced",
    }
}

pub fn format_name(f: podpath_engine::Format) -> &'static str {
    use podpath_engine::Format::*;
    match f {
        Interview => "Interviews",
        Explainer => "Explainers",
        News => "News",
        Panel => "Panel",
        Narrative => "Narrative",
        Solo => "Solo",
    }
}

pub fn topic_kind(k: podpath_engine::TopicKind) -> &'static str {
    use podpath_engine::TopicKind::*;
    match k {
        Concept => "Concepts",
        Role => "Roles and careers",
        Tool => "Tools",
        Practice => "Practices",
    }
}

pub fn length_bucket(b: podpath_engine::filter::LengthBucket) -> &'static str {
    use podpath_engine::filter::LengthBucket::*;
    match b {
        Under20 => "Under 20 min",
        From20To45 => "20–45 min",
        From45To90 => "45–90 min",
        Over90 => "Over 90 min",
    }
}

/// Listen links on a show card beyond the five apps.
pub const LINK_RSS: &str = "RSS feed";
pub const LINK_WEBSITE: &str = "Website";
/// Where no source names a feed: we do not know it, which is not the same as "none exists".
pub const FEED_NOT_KNOWN: &str = "Feed not known";

pub fn app(a: podpath_engine::listen::App) -> &'static str {
    use podpath_engine::listen::App::*;
    match a {
        Apple => "Apple Podcasts",
        Spotify => "Spotify",
        YouTube => "YouTube",
        PocketCasts => "Pocket Casts",
        Overcast => "Overcast",
    }
}

/// An app podpath cannot link to for this show (Overcast finds shows only by Apple id).
pub fn app_unavailable(a: podpath_engine::listen::App) -> String {
    format!("{}: no link known", app(a))
}

/// A link that searches an app for the show, never dressed up as the show's page.
pub fn search_on(a: podpath_engine::listen::App) -> String {
    format!("Search {}", app(a))
}

pub fn platform(p: podpath_engine::filter::Platform) -> &'static str {
    use podpath_engine::filter::Platform::*;
    match p {
        Apple => "Apple Podcasts",
        Spotify => "Spotify",
        YouTube => "YouTube",
        Rss => "RSS feed",
    }
}

pub fn sort(s: podpath_engine::filter::Sort) -> &'static str {
    use podpath_engine::filter::Sort::*;
    match s {
        BestMatch => "Best match",
        Recent => "Most recent episode",
        Shortest => "Shortest episodes",
        Az => "A–Z",
    }
}

pub fn status(s: podpath_engine::Status) -> &'static str {
    use podpath_engine::Status::*;
    match s {
        Active => "Active",
        Ended => "Ended",
        Revived => "Back on air",
        Unknown => "Status unknown",
    }
}

pub fn view(v: podpath_engine::url_state::View) -> &'static str {
    use podpath_engine::url_state::View::*;
    match v {
        Browse => VIEW_BROWSE,
        Quiz => VIEW_QUIZ,
        Topics => VIEW_TOPICS,
    }
}

// Quiz
pub const QUIZ_PROGRESS: &str = "Question";
pub const QUIZ_OF: &str = "of";
pub const QUIZ_BACK: &str = "Back";
pub const QUIZ_SKIP: &str = "Skip";
pub const QUIZ_NEXT: &str = "Next";
pub const QUIZ_FINISH: &str = "See my picks";
pub const QUIZ_INTRO: &str =
    "Seven quick questions about your background, goals and time. Skip any you like.";
pub const QUIZ_TIME_EPISODE: &str = "How long can one episode be?";
pub const QUIZ_TIME_WEEK: &str = "How much time per week?";
pub const QUIZ_SAVED_RESET: &str = "Your saved quiz answers were from another version of podpath and could not be read, so the quiz starts fresh.";
pub const QUIZ_NO_STORAGE: &str = "This browser does not let podpath save anything, so your answers and picks will not be kept after you leave. The share link and the OPML file keep them.";
/// Beside the Save button when this browser keeps nothing (typically podpath in another
/// site's frame, where browsers block storage).
pub const RESULT_SAVE_UNAVAILABLE: &str = "This browser keeps nothing from podpath here. To keep your picks, copy the share link or export the OPML file.";
pub const RESULT_LEVEL: &str = "Your level:";
pub const RESULT_PICKS: &str = "Shows for you";
pub const RESULT_WHY: &str = "Why";
pub const RESULT_MIND: &str = "Keep in mind";
pub const RESULT_EPISODES: &str = "Start with these episodes";
pub const RESULT_LONGER: &str = "longer than you asked for";
pub const RESULT_PLAN: &str = "Your first weeks";
pub const RESULT_SAVE: &str = "Save picks on this device";
pub const RESULT_SAVED: &str = "Saved on this device.";
pub const RESULT_NOT_SAVED: &str = "Could not save: this browser blocks storage.";
pub const RESULT_OPML: &str = "Export OPML";
pub const RESULT_OPML_NOTE: &str = "Not in the OPML file (feed not known to podpath):";
pub const RESULT_COPY: &str = "Copy share link";
pub const RESULT_COPIED: &str = "Link copied.";
pub const RESULT_COPY_FAILED: &str = "Copy failed; the link is in the address bar.";
pub const RESULT_RETAKE: &str = "Retake the quiz";
pub const RESULT_BROWSE: &str = "Browse with these filters";

/// One quiz question: its title and its options as (key, label).
pub struct Question {
    pub title: &'static str,
    pub options: &'static [(&'static str, &'static str)],
}

pub const Q_BACKGROUND: Question = Question {
    title: "How much machine learning have you done?",
    options: &[
        ("none", "None yet: I am curious"),
        ("courses", "Some courses or tutorials"),
        ("work", "I work with models"),
        ("research", "I do ML research"),
    ],
};
pub const Q_MATH: Question = Question {
    title: "How comfortable are you with maths (linear algebra, probability)?",
    options: &[("low", "Not much"), ("some", "Somewhat"), ("high", "Very")],
};
pub const Q_CODING: Question = Question {
    title: "How much do you code?",
    options: &[
        ("low", "Rarely or never"),
        ("some", "Sometimes"),
        ("high", "Every day"),
    ],
};
pub const Q_GOAL: Question = Question {
    title: "What do you want from listening?",
    options: &[
        ("switch", "Switch careers into data or ML"),
        ("fundamentals", "Learn the fundamentals"),
        ("research", "Stay current with research"),
        ("production", "Put models into production (MLOps)"),
        ("lead", "Lead a data team or the business side"),
    ],
};
pub const Q_EPISODE: Question = Question {
    title: QUIZ_TIME_EPISODE,
    options: &[
        ("short", "Under 25 minutes"),
        ("medium", "Up to about 50 minutes"),
        ("long", "Up to about 90 minutes"),
        ("any", "Any length"),
    ],
};
pub const Q_WEEK: Question = Question {
    title: QUIZ_TIME_WEEK,
    options: &[
        ("1", "About an hour"),
        ("2", "About two hours"),
        ("4", "About four hours"),
        ("8", "Eight hours or more"),
    ],
};
pub const Q_FORMAT: Question = Question {
    title: "What kind of episode do you enjoy most?",
    options: &[
        (
            "interviews",
            "Interviews with practitioners and researchers",
        ),
        ("explainers", "Explainers of one idea at a time"),
        ("news", "News and what changed this week"),
        ("any", "No preference"),
    ],
};
pub const Q_TOPICS_TITLE: &str = "Which topics interest you? Pick any.";
pub const Q_TIME_TITLE: &str = "How much time do you have?";

pub fn goal(g: podpath_engine::quiz::Goal) -> &'static str {
    use podpath_engine::quiz::Goal::*;
    match g {
        SwitchCareer => "switching careers",
        Fundamentals => "learning the fundamentals",
        Research => "staying current with research",
        Production => "putting models into production",
        Lead => "leading a data team",
    }
}

fn cadence(c: podpath_engine::Cadence) -> &'static str {
    use podpath_engine::Cadence::*;
    match c {
        Daily => "new episodes every day",
        Weekly => "new episodes every week",
        Biweekly => "new episodes every two weeks",
        Monthly => "new episodes every month",
        Irregular => "new episodes from time to time",
        Unknown => "still publishing",
    }
}

fn join_topics(catalog: &podpath_engine::Catalog, topics: &[podpath_engine::TopicId]) -> String {
    let titles: Vec<&str> = topics
        .iter()
        .map(|t| catalog.topic_title(t.as_str()))
        .collect();
    match titles.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A recommendation reason as a sentence fragment.
pub fn reason(catalog: &podpath_engine::Catalog, r: &podpath_engine::recommend::Reason) -> String {
    use podpath_engine::quiz::{EpisodeTime, FormatPref};
    use podpath_engine::recommend::Reason::*;
    match r {
        LevelFit(l) => format!("Aimed at {} listeners, like you", level(*l).to_lowercase()),
        StepUp(l) => format!(
            "A step up to {} level when you are ready",
            level(*l).to_lowercase()
        ),
        PickedTopics(t) => format!("Covers {}, which you picked", join_topics(catalog, t)),
        GoalTopics(g, t) => format!(
            "Covers {}: useful for {}",
            join_topics(catalog, t),
            goal(*g)
        ),
        FormatFit(FormatPref::Interviews) => {
            "Interviews with people who build and research ML, as you prefer".to_owned()
        }
        FormatFit(FormatPref::Explainers) => {
            "Explains one idea at a time, as you prefer".to_owned()
        }
        FormatFit(FormatPref::News) => "Keeps you up to date with news, as you asked".to_owned(),
        FormatFit(FormatPref::Any) => String::new(),
        LengthFits(len, t) => {
            let fit = match t {
                EpisodeTime::Short => "a short commute",
                EpisodeTime::Medium => "the time you have",
                EpisodeTime::Long | EpisodeTime::Any => "a long listen",
            };
            format!("Episodes of {} fit {fit}", crate::format::length(*len))
        }
        Active(c) => format!("Active: {}", cadence(*c)),
        Accessible => "Explainers that assume no background".to_owned(),
        Depth => "Goes deep: research-level conversations".to_owned(),
        Covers(t) => format!("Covers {}", join_topics(catalog, t)),
    }
}

/// A caution as a sentence.
pub fn caution(c: &podpath_engine::recommend::Caution) -> String {
    use podpath_engine::recommend::Caution::*;
    match c {
        Ended(Some(d)) => format!(
            "Ended in {}: the archive is still worth it",
            d.as_str().get(..4).unwrap_or(d.as_str())
        ),
        Ended(None) => "No longer publishing: the archive is still worth it".to_owned(),
        LongEpisodes(len) => format!(
            "Episodes run {}, longer than you asked for",
            crate::format::length(*len)
        ),
        LevelGap(l) => format!("Aimed at {} listeners", level(*l).to_lowercase()),
        StatusUnknown => "We could not confirm it still publishes new episodes".to_owned(),
    }
}

pub fn theme(t: podpath_engine::embed::Theme) -> &'static str {
    use podpath_engine::embed::Theme::*;
    match t {
        Auto => "Theme: automatic",
        Light => "Theme: light",
        Dark => "Theme: dark",
    }
}

/// A noun's singular and plural, for counts ("1 show", "24 shows").
pub type Noun = (&'static str, &'static str);
pub const SHOW: Noun = ("show", "shows");
pub const EPISODE: Noun = ("episode", "episodes");
pub const TOPIC: Noun = ("topic", "topics");
pub const START_HERE_EPISODE: Noun = ("start-here episode", "start-here episodes");

pub const RESULTS: &str = "Results";
pub const LEVEL_AND_FORMAT: &str = "Level and format";

/// The heading of one week of the listening plan.
pub fn plan_week(week: u8) -> String {
    format!("Week {week}: ")
}

/// A plan item: "2 episodes of Practical AI".
pub fn plan_episodes_of(episodes: &str, show: &str) -> String {
    format!("{episodes} of {show}")
}

/// A plan item pointing at the start-here list above it.
pub fn plan_start_here(episodes: &str) -> String {
    format!("the {episodes} above")
}

pub fn about_per_week(episodes: &str) -> String {
    format!("About {episodes} a week.")
}
