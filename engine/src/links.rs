//! Links into podcast apps, derived from the links a source gives.

/// The numeric Apple Podcasts show id in a show URL (`…/id941219323`), which Overcast and
/// Pocket Casts both accept to find the same feed.
pub fn apple_id(url: &str) -> Option<u64> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.split('/').rev().find_map(|segment| {
        let digits = segment.strip_prefix("id")?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    })
}

/// Overcast's iTunes-id URL for a show.
pub fn overcast_url(apple_id: u64) -> String {
    format!("https://overcast.fm/itunes{apple_id}")
}

/// Pocket Casts' iTunes-id URL for a show.
pub fn pocket_casts_url(apple_id: u64) -> String {
    format!("https://pca.st/itunes/{apple_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apple_id_is_read_from_the_last_id_segment() {
        assert_eq!(
            apple_id("https://podcasts.apple.com/us/podcast/linear-digressions/id941219323"),
            Some(941219323)
        );
        assert_eq!(
            apple_id("https://podcasts.apple.com/us/podcast/x/id1541710331?i=1000599125044"),
            Some(1541710331)
        );
        assert_eq!(apple_id("https://podcasts.apple.com/us/podcast/idea"), None);
        assert_eq!(apple_id("https://example.com/"), None);
    }

    #[test]
    fn app_links_are_built_from_the_apple_id() {
        assert_eq!(overcast_url(42), "https://overcast.fm/itunes42");
        assert_eq!(pocket_casts_url(42), "https://pca.st/itunes/42");
    }
}
