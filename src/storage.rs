//! localStorage, defensively. Browsers refuse storage in some privacy modes and sandboxed
//! iframes, and writes fail when the quota is full; every call here turns that into `None` or
//! `false` so the app keeps working and can say that nothing will be saved.
//! (gloo-storage is not used: its `LocalStorage::raw()` throws when storage is unavailable.)

use web_sys::Storage;

/// Versioned keys: a change of format gets a new key instead of misreading old data.
/// `first-screen.js` reads these four to choose the first screen (a test keeps it in step).
pub const QUIZ_KEY: &str = "podpath:v1:quiz";
/// Marks that the quiz was finished, so the Quiz tab reopens the results.
pub const DONE_KEY: &str = "podpath:v1:quiz-done";
/// The app the visitor listens with (an `App` key), so "Listen" opens it next time.
pub const APP_KEY: &str = "podpath:v1:app";
/// The shows the visitor follows: catalog ids joined by commas.
pub const FOLLOWS_KEY: &str = "podpath:v1:follows";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// True when the value was stored.
pub fn set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Whether this browser lets podpath keep anything: a probe write that succeeds. Frames from
/// another site (a blog embedding podpath) often cannot write.
pub fn available() -> bool {
    const PROBE: &str = "podpath:v1:probe";
    let ok = set(PROBE, "1");
    remove(PROBE);
    ok
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_screen_js_reads_the_same_saved_quiz_keys() {
        let js = include_str!("../first-screen.js");
        for key in [QUIZ_KEY, DONE_KEY, APP_KEY, FOLLOWS_KEY] {
            assert!(
                js.contains(&format!("\"{key}\"")),
                "first-screen.js lacks {key}"
            );
        }
    }
}
