//! The quiz: its questions, the visitor's answers, and the level verdict.
//!
//! Answers are untrusted when they come back from a URL or from storage, so every decoder here
//! drops what it does not know and reports it, and never panics.

use crate::model::{Level, TopicId};
use crate::set::Set;

/// Bumped when questions or answer keys change; saved answers of another version are
/// discarded with a notice instead of being misread.
pub const QUIZ_VERSION: u32 = 1;

macro_rules! answer_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}

answer_enum!(
    /// How much machine learning the visitor has done.
    Background { None => "none", Courses => "courses", Work => "work", Research => "research" }
);
answer_enum!(
    /// Comfort with maths or with code.
    Comfort { Low => "low", Some => "some", High => "high" }
);
answer_enum!(
    /// What the visitor wants from listening.
    Goal {
        SwitchCareer => "switch",
        Fundamentals => "fundamentals",
        Research => "research",
        Production => "production",
        Lead => "lead",
    }
);
answer_enum!(
    /// How long one episode may be.
    EpisodeTime { Short => "short", Medium => "medium", Long => "long", Any => "any" }
);
answer_enum!(
    /// Listening time per week.
    WeeklyTime { One => "1", Two => "2", Four => "4", Eight => "8" }
);
answer_enum!(
    /// Preferred kind of episode.
    FormatPref { Interviews => "interviews", Explainers => "explainers", News => "news", Any => "any" }
);

impl EpisodeTime {
    /// The longest episode, in minutes, that fits.
    pub fn max_minutes(self) -> u16 {
        match self {
            EpisodeTime::Short => 25,
            EpisodeTime::Medium => 50,
            EpisodeTime::Long => 95,
            EpisodeTime::Any => u16::MAX,
        }
    }

    /// The per-episode limit in minutes; `None` for "any length".
    pub fn limit(self) -> Option<u32> {
        (self != EpisodeTime::Any).then(|| u32::from(self.max_minutes()))
    }

    /// A typical episode length for planning.
    pub fn typical_minutes(self) -> u32 {
        match self {
            EpisodeTime::Short => 20,
            EpisodeTime::Medium => 40,
            EpisodeTime::Long => 70,
            EpisodeTime::Any => 60,
        }
    }
}

impl WeeklyTime {
    pub fn minutes(self) -> u32 {
        match self {
            WeeklyTime::One => 60,
            WeeklyTime::Two => 120,
            WeeklyTime::Four => 240,
            WeeklyTime::Eight => 480,
        }
    }
}

/// The topics offered in the quiz: core topics of the wiki graph.
pub const QUIZ_TOPICS: [&str; 9] = [
    "machine-learning",
    "deep-learning",
    "llms",
    "mlops",
    "data-engineering",
    "data-science",
    "ai",
    "career-growth",
    "machine-learning-system-design",
];

/// Everything the visitor answered; `None` means skipped.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Answers {
    pub background: Option<Background>,
    pub math: Option<Comfort>,
    pub coding: Option<Comfort>,
    pub goal: Option<Goal>,
    pub episode: Option<EpisodeTime>,
    pub weekly: Option<WeeklyTime>,
    pub format: Option<FormatPref>,
    pub topics: Set<TopicId>,
}

/// The quiz's steps, one concern each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Background,
    Math,
    Coding,
    Goal,
    Time,
    Format,
    Topics,
    /// Optional: the shows the visitor already listens to (typed or imported).
    Follows,
}

impl Step {
    pub const ALL: [Step; 8] = [
        Step::Background,
        Step::Math,
        Step::Coding,
        Step::Goal,
        Step::Time,
        Step::Format,
        Step::Topics,
        Step::Follows,
    ];
}

impl Answers {
    /// Whether the visitor answered (rather than skipped or not reached) a step.
    pub fn answered(&self, step: Step) -> bool {
        match step {
            Step::Background => self.background.is_some(),
            Step::Math => self.math.is_some(),
            Step::Coding => self.coding.is_some(),
            Step::Goal => self.goal.is_some(),
            Step::Time => self.episode.is_some() || self.weekly.is_some(),
            Step::Format => self.format.is_some(),
            Step::Topics => !self.topics.is_empty(),
            // The shows a visitor follows belong to the whole widget, not to the answers: the
            // step never holds a returning visitor back.
            Step::Follows => true,
        }
    }

    /// Skipping a step clears whatever was chosen there.
    pub fn skip(&mut self, step: Step) {
        match step {
            Step::Background => self.background = None,
            Step::Math => self.math = None,
            Step::Coding => self.coding = None,
            Step::Goal => self.goal = None,
            Step::Time => {
                self.episode = None;
                self.weekly = None;
            }
            Step::Format => self.format = None,
            Step::Topics => self.topics.clear(),
            Step::Follows => {}
        }
    }

    /// Where a returning visitor resumes: the first step not answered yet (0 when all are).
    pub fn resume_step(&self) -> usize {
        Step::ALL
            .iter()
            .position(|s| !self.answered(*s))
            .unwrap_or(0)
    }
}

/// The level verdict and what it rests on (the UI says why in the reader's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub level: Level,
    pub background: Option<Background>,
    pub math: Option<Comfort>,
}

/// Works out the listener's level from background, maths and coding. Points: background
/// 0 / 2 / 4 / 6, maths 0 / 1 / 2, coding 0 / 1 / 2 (skipped answers count as the lowest);
/// 0–3 is beginner, 4–6 intermediate, 7+ advanced.
pub fn verdict(a: &Answers) -> Verdict {
    let bg = match a.background {
        None | Some(Background::None) => 0,
        Some(Background::Courses) => 2,
        Some(Background::Work) => 4,
        Some(Background::Research) => 6,
    };
    let comfort = |c: Option<Comfort>| match c {
        None | Some(Comfort::Low) => 0,
        Some(Comfort::Some) => 1,
        Some(Comfort::High) => 2,
    };
    let points = bg + comfort(a.math) + comfort(a.coding);
    let level = match points {
        0..=3 => Level::Beginner,
        4..=6 => Level::Intermediate,
        _ => Level::Advanced,
    };
    Verdict {
        level,
        background: a.background,
        math: a.math,
    }
}

/// The answers as URL parameters (shared links) in a fixed order.
pub fn encode_pairs(a: &Answers) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut put = |k: &'static str, v: Option<&'static str>| {
        if let Some(v) = v {
            out.push((k, v.to_owned()));
        }
    };
    put("bg", a.background.map(Background::key));
    put("math", a.math.map(Comfort::key));
    put("code", a.coding.map(Comfort::key));
    put("goal", a.goal.map(Goal::key));
    put("len", a.episode.map(EpisodeTime::key));
    put("week", a.weekly.map(WeeklyTime::key));
    put("fmt", a.format.map(FormatPref::key));
    if !a.topics.is_empty() {
        let list: Vec<&str> = a.topics.iter().map(TopicId::as_str).collect();
        out.push(("qt", list.join(",")));
    }
    out
}

/// The parameter names `decode_pair` reads.
pub const PARAMS: [&str; 8] = ["bg", "math", "code", "goal", "len", "week", "fmt", "qt"];

/// Applies one decoded URL parameter; false if the value is not valid.
pub fn decode_pair(
    a: &mut Answers,
    key: &str,
    value: &str,
    is_topic: &dyn Fn(&str) -> bool,
) -> bool {
    match key {
        "bg" => Background::from_key(value)
            .map(|v| a.background = Some(v))
            .is_some(),
        "math" => Comfort::from_key(value).map(|v| a.math = Some(v)).is_some(),
        "code" => Comfort::from_key(value)
            .map(|v| a.coding = Some(v))
            .is_some(),
        "goal" => Goal::from_key(value).map(|v| a.goal = Some(v)).is_some(),
        "len" => EpisodeTime::from_key(value)
            .map(|v| a.episode = Some(v))
            .is_some(),
        "week" => WeeklyTime::from_key(value)
            .map(|v| a.weekly = Some(v))
            .is_some(),
        "fmt" => FormatPref::from_key(value)
            .map(|v| a.format = Some(v))
            .is_some(),
        "qt" => {
            let mut ok = true;
            for t in value.split(',').filter(|t| !t.is_empty()) {
                if is_topic(t) && a.topics.len() < QUIZ_TOPICS.len() {
                    a.topics.insert(TopicId(t.to_owned()));
                } else {
                    ok = false;
                }
            }
            ok
        }
        _ => false,
    }
}

/// Saved answers as a small string for localStorage: `v=1&bg=work&...`.
pub fn to_storage(a: &Answers) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    s.append_pair("v", &QUIZ_VERSION.to_string());
    for (k, v) in encode_pairs(a) {
        s.append_pair(k, &v);
    }
    s.finish()
}

/// Why saved answers could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredError {
    /// Saved by another version of the quiz.
    OtherVersion,
    /// Not something this app wrote.
    Corrupt,
}

/// Reads answers saved by [`to_storage`]; anything unexpected is refused as a whole, so a
/// half-understood save never produces misleading picks.
pub fn from_storage(text: &str, is_topic: &dyn Fn(&str) -> bool) -> Result<Answers, StoredError> {
    if text.len() > 2000 {
        return Err(StoredError::Corrupt);
    }
    let mut pairs = form_urlencoded::parse(text.as_bytes());
    match pairs.next() {
        Some((k, v)) if k == "v" => {
            if v != QUIZ_VERSION.to_string().as_str() {
                return Err(StoredError::OtherVersion);
            }
        }
        _ => return Err(StoredError::Corrupt),
    }
    let mut a = Answers::default();
    for (k, v) in pairs {
        if !decode_pair(&mut a, &k, &v, is_topic) {
            return Err(StoredError::Corrupt);
        }
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics(t: &str) -> bool {
        QUIZ_TOPICS.contains(&t)
    }

    fn full() -> Answers {
        Answers {
            background: Some(Background::Work),
            math: Some(Comfort::Some),
            coding: Some(Comfort::High),
            goal: Some(Goal::Production),
            episode: Some(EpisodeTime::Medium),
            weekly: Some(WeeklyTime::Two),
            format: Some(FormatPref::Interviews),
            topics: ["mlops", "llms"].into_iter().map(TopicId::from).collect(),
        }
    }

    #[test]
    fn skipping_clears_a_step_and_resuming_starts_at_the_first_open_one() {
        let mut a = full();
        assert_eq!(a.resume_step(), 0, "all answered: start at the top");
        a.skip(Step::Time);
        assert!(!a.answered(Step::Time));
        assert_eq!((a.episode, a.weekly), (None, None));
        assert_eq!(a.resume_step(), 4);
        assert_eq!(Answers::default().resume_step(), 0);
    }

    #[test]
    fn verdict_follows_the_points_table() {
        assert_eq!(verdict(&Answers::default()).level, Level::Beginner);
        assert_eq!(verdict(&full()).level, Level::Advanced);
        let some = Answers {
            background: Some(Background::Courses),
            math: Some(Comfort::Some),
            coding: Some(Comfort::Some),
            ..Answers::default()
        };
        assert_eq!(verdict(&some).level, Level::Intermediate);
        assert_eq!(verdict(&some).background, Some(Background::Courses));
    }

    #[test]
    fn saved_answers_round_trip() {
        let saved = to_storage(&full());
        assert!(saved.starts_with("v=1&"));
        assert_eq!(from_storage(&saved, &topics), Ok(full()));
    }

    #[test]
    fn ten_thousand_random_saves_never_panic_and_what_is_read_saves_back_the_same() {
        const PIECES: [&str; 16] = [
            "v=1",
            "v=0",
            "v=2",
            "&",
            "=",
            "bg=work",
            "bg=",
            "math=high",
            "qt=mlops,llms",
            "qt=,,",
            "goal=lead",
            "%FF",
            "week=8",
            "len=any",
            "\u{0}",
            "fmt=news",
        ];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..10_000 {
            let mut text = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for i in 0..(x % 7) {
                text.push_str(PIECES[((x >> (i * 4)) % 16) as usize]);
            }
            match from_storage(&text, &topics) {
                // Whatever was accepted saves back to something that reads the same.
                Ok(a) => assert_eq!(from_storage(&to_storage(&a), &topics), Ok(a), "{text:?}"),
                Err(StoredError::OtherVersion | StoredError::Corrupt) => {}
            }
        }
    }

    /// Saves built from pairs whose fate is known: the version first (or not), then valid and
    /// invalid answers in random order. Read exactly when the version is 1 and every answer
    /// is valid, refused with the right reason otherwise.
    #[test]
    fn ten_thousand_saves_of_known_pairs_are_read_only_when_every_pair_is_valid() {
        const VERSIONS: [(&str, Option<StoredError>); 4] = [
            ("v=1", None),
            ("v=0", Some(StoredError::OtherVersion)),
            ("v=2", Some(StoredError::OtherVersion)),
            ("bg=work", Some(StoredError::Corrupt)),
        ];
        const VALID: [&str; 8] = [
            "bg=work",
            "math=high",
            "code=some",
            "goal=lead",
            "len=any",
            "week=8",
            "fmt=news",
            "qt=mlops,llms",
        ];
        const INVALID: [&str; 6] = [
            "bg=",
            "bg=wizard",
            "week=3",
            "qt=no-such-topic",
            "%FF=1",
            "zzz=1",
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n) as usize
        };
        let (mut read, mut refused) = (0, 0);
        for _ in 0..10_000 {
            let (version, version_error) = &VERSIONS[next(4)];
            let mut pairs = vec![version.to_string()];
            let mut expected_values = Vec::new();
            let mut bad = false;
            for _ in 0..next(5) {
                if next(4) == 0 {
                    pairs.push(INVALID[next(6)].to_string());
                    bad = true;
                } else {
                    let pair = VALID[next(8)];
                    pairs.push(pair.to_string());
                    expected_values.push(pair);
                }
            }
            let text = pairs.join("&");
            let got = from_storage(&text, &topics);
            let expected = match version_error {
                Some(e) => Err(e.clone()),
                None if bad => Err(StoredError::Corrupt),
                None => {
                    // The answers those pairs stand for, a later pair replacing an earlier one.
                    let mut a = Answers::default();
                    for pair in &expected_values {
                        match *pair {
                            "bg=work" => a.background = Some(Background::Work),
                            "math=high" => a.math = Some(Comfort::High),
                            "code=some" => a.coding = Some(Comfort::Some),
                            "goal=lead" => a.goal = Some(Goal::Lead),
                            "len=any" => a.episode = Some(EpisodeTime::Any),
                            "week=8" => a.weekly = Some(WeeklyTime::Eight),
                            "fmt=news" => a.format = Some(FormatPref::News),
                            _ => {
                                a.topics =
                                    ["mlops", "llms"].into_iter().map(TopicId::from).collect()
                            }
                        }
                    }
                    Ok(a)
                }
            };
            assert_eq!(got, expected, "{text:?}");
            if got.is_ok() {
                read += 1;
            } else {
                refused += 1;
            }
        }
        assert!(
            read > 1000 && refused > 1000,
            "both outcomes are exercised: {read} read, {refused} refused"
        );
    }

    #[test]
    fn answers_from_another_quiz_version_are_refused() {
        assert_eq!(
            from_storage("v=0&bg=work", &topics),
            Err(StoredError::OtherVersion)
        );
        assert_eq!(
            from_storage("{\"bg\":\"work\"}", &topics),
            Err(StoredError::Corrupt)
        );
        assert_eq!(
            from_storage("v=1&bg=wizard", &topics),
            Err(StoredError::Corrupt)
        );
        assert_eq!(from_storage("", &topics), Err(StoredError::Corrupt));
    }
}
