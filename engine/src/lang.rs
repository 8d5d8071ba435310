//! The interface languages and how one is chosen: a `lang` URL parameter or the embedding
//! element's `lang` / `data-lang` attribute, otherwise the first of the browser's preferred
//! languages that podpath speaks, otherwise English.

/// A language podpath's interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
    De,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::De];

    /// The BCP 47 primary tag, as `lang` attributes and URLs write it.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::De => "de",
        }
    }

    /// The language of a BCP 47 tag ("es", "es-MX", "DE-at"), if podpath speaks it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.key() == primary)
    }
}

/// The language to use: the one asked for (URL or element), else the first preferred language
/// podpath speaks (the browser's `navigator.languages`, best first), else English.
pub fn negotiate<'a>(asked: Option<Lang>, preferred: impl IntoIterator<Item = &'a str>) -> Lang {
    asked
        .or_else(|| preferred.into_iter().find_map(Lang::from_tag))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_match_on_their_primary_language() {
        assert_eq!(Lang::from_tag("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::from_tag(" DE-at "), Some(Lang::De));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_tag("esperanto"), None);
    }

    #[test]
    fn the_asked_language_wins_then_the_first_spoken_preference_then_english() {
        assert_eq!(negotiate(Some(Lang::De), ["es"]), Lang::De);
        assert_eq!(negotiate(None, ["fr-FR", "de-CH", "es"]), Lang::De);
        assert_eq!(negotiate(None, ["fr", "ja"]), Lang::En);
        assert_eq!(negotiate(None, []), Lang::En);
    }
}
