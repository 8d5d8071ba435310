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
pub const SOURCE_CODE_NOTE: &str = "No tracking, no cookies: everything runs in your browser.";

pub const DATA_ERROR_TITLE: &str = "podpath could not read its catalog";
pub const NOTICE_IGNORED: &str = "Some parts of this link were not understood and were ignored:";
pub const DISMISS: &str = "Dismiss";

// Browse
pub const SEARCH_LABEL: &str = "Search shows, hosts, topics and episodes";
pub const SEARCH_PLACEHOLDER: &str = "Search, e.g. mlops, Katie Malone, LLM";
pub const FILTERS: &str = "Filters";
pub const FACET_LEVEL: &str = "Level";
pub const FACET_TOPIC: &str = "Topic";
pub const FACET_FORMAT: &str = "Format";
pub const FACET_LENGTH: &str = "Episode length";
pub const FACET_PLATFORM: &str = "Listen on";
pub const FACET_STATUS: &str = "Status";
pub const ACTIVE_ONLY: &str = "Still publishing";
pub const CLEAR_FILTERS: &str = "Clear all";
pub const SORT_LABEL: &str = "Sort by";
pub const EMPTY_TITLE: &str = "No show matches all of these filters.";
pub const EMPTY_DROP: &str = "Remove";

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
