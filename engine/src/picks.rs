//! The vocabulary shared by [`crate::similar`], [`crate::plan`] and [`crate::recommend`]: what
//! a pick is, why it was picked, and the facts about a show they all rest on. It sits below
//! those modules so that none of them imports another in a circle: `picks` ← `similar`,
//! `picks` ← `plan`, and `recommend` uses all three.

use crate::listen::{listen_links, LinkKind};
use crate::model::{Cadence, Format, IsoDate, LengthRange, Level, Show, Status, TopicId};
use crate::quiz::{EpisodeTime, FormatPref, Goal, Verdict};

/// Why a show is like another: one reason, the strongest, which the UI turns into a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Likeness {
    /// Topics both cover (the shared topic ids, at most 3, in the other show's order).
    Topics(Vec<TopicId>),
    /// Aimed at the same level.
    Level(Level),
    /// Episodes of a similar length (the other show's usual range).
    Length(LengthRange),
    /// The same format.
    Format(Format),
}

/// Why a show was picked, as data: the UI turns each into a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Like a show the listener follows (index into `Catalog::shows`), and how.
    Like(usize, Likeness),
    /// Aimed at the listener's level.
    LevelFit(Level),
    /// A step up from the listener's level: room to grow.
    StepUp(Level),
    /// Covers topics the listener picked.
    PickedTopics(Vec<TopicId>),
    /// Covers topics that serve the listener's goal.
    GoalTopics(Goal, Vec<TopicId>),
    /// The preferred format.
    FormatFit(FormatPref),
    /// Episodes fit the time given.
    LengthFits(LengthRange, EpisodeTime),
    /// Still publishing, with its cadence and the newest episode on record.
    Active(Cadence, Option<IsoDate>),
    /// Explainers for a beginner.
    Accessible,
    /// Research-level depth for an advanced listener.
    Depth,
    /// Fallback fact: the topics it covers.
    Covers(Vec<TopicId>),
}

/// A warning that comes with a pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caution {
    /// Ended; the last episode date if known.
    Ended(Option<IsoDate>),
    /// Episodes are longer than the time given.
    LongEpisodes(LengthRange),
    /// Aimed at listeners further along (or newer) than the visitor.
    LevelGap(Level),
    /// Whether it still publishes could not be confirmed.
    StatusUnknown,
    /// The typical episode fits the time given, but the longest run well over it.
    SomeLonger(LengthRange),
    /// Recorded as live, but the newest episode on record is this old (see
    /// [`crate::model::QUIET_MONTHS`]).
    Quiet(IsoDate),
    /// No app links to the show directly: the listener has to search for it by name. Shown
    /// because it fits the answers well despite [`crate::recommend::REACH_PENALTY`].
    NoDirectLink,
}

/// One recommended show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    /// Index into `Catalog::shows`.
    pub show: usize,
    pub score: i32,
    pub reasons: Vec<Reason>,
    pub cautions: Vec<Caution>,
    /// Cannot fit the time given: picked only when too few others are left.
    pub too_long: bool,
}

/// A concrete episode to start with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpisodePick {
    pub title: String,
    pub url: String,
    pub minutes: Option<u32>,
    /// The show it belongs to (index into `Catalog::shows`), if in the catalog.
    pub show: Option<usize>,
    /// Topics of the visitor's it covers (DataTalks.Club episodes).
    pub topics: Vec<TopicId>,
    /// Longer than the time given: suggested only because too few episodes fit.
    pub longer_than_asked: bool,
}

/// One week of the listening plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanWeek {
    pub week: u8,
    /// (show index, number of episodes) of new episodes; empty in week 1 when it plays the
    /// start-here episodes.
    pub shows: Vec<(usize, u32)>,
    pub start_here: Vec<usize>,
}

/// The whole answer to a quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    pub verdict: Verdict,
    pub picks: Vec<Pick>,
    pub episodes: Vec<EpisodePick>,
    pub episodes_per_week: u32,
    pub plan: Vec<PlanWeek>,
    /// The shows the listener follows, in catalog order: never picked, listed apart.
    pub already: Vec<usize>,
}

/// A listener can reach the show: some app links to it directly (not a search), and its
/// status is known.
pub fn reachable(show: &Show) -> bool {
    show.status != Status::Unknown && linked(show)
}

/// Some app links to the show directly.
pub(crate) fn linked(show: &Show) -> bool {
    listen_links(show)
        .iter()
        .any(|l| l.kind == LinkKind::Direct)
}

/// Topics that serve a goal (ids missing from the graph simply never match).
pub fn goal_topics(goal: Goal) -> &'static [&'static str] {
    match goal {
        Goal::SwitchCareer => &[
            "career-growth",
            "career-transitions-in-data",
            "job-search",
            "data-science-careers",
            "data-scientist-role",
        ],
        Goal::Fundamentals => &[
            "machine-learning",
            "deep-learning",
            "data-science",
            "statistics",
        ],
        Goal::Research => &[
            "applied-research",
            "deep-learning",
            "ai",
            "reinforcement-learning",
            "llms",
        ],
        Goal::Production => &[
            "mlops",
            "machine-learning-system-design",
            "llm-production-patterns",
            "llmops",
            "model-monitoring",
            "ml-platforms",
            "machine-learning-infrastructure",
            "data-engineering",
            // Building LLM applications that run in production is today's MLOps.
            "ai-engineering",
            "ai-infrastructure",
        ],
        Goal::Lead => &[
            "leadership",
            "data-strategy",
            "data-teams",
            "data-team-lead-role",
            "chief-data-officer-role",
            "machine-learning-for-business",
            "data-science-for-managers",
            "business-skills-for-data-professionals",
            "data-trust-and-strategy",
            "startups",
            "entrepreneurship",
        ],
    }
}

/// A show's usual episode length; when no source gives it, the range of its start-here
/// episodes stands in, so an unknown length never passes a time limit unchecked.
pub(crate) fn usual_length(show: &Show) -> Option<LengthRange> {
    show.length.or_else(|| {
        let minutes = show.start_here.iter().map(|e| e.minutes);
        Some(LengthRange {
            min: minutes.clone().min()?,
            max: minutes.max()?,
        })
    })
}

/// The midpoint of a show's usual range: what a listener should expect.
pub(crate) fn typical_minutes(len: LengthRange) -> u32 {
    (u32::from(len.min) + u32::from(len.max)) / 2
}
