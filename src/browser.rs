//! Thin wrappers over the browser APIs the app needs: the URL and history. Every call that
//! can fail in a browser (sandboxed iframes, privacy modes) degrades to "do nothing".

use wasm_bindgen::JsValue;

/// The current query string, including the leading `?` (or empty).
pub fn location_search() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
}

fn url_with(query: &str) -> Option<String> {
    let location = gloo::utils::window().location();
    let path = location.pathname().ok()?;
    let hash = location.hash().unwrap_or_default();
    Some(format!("{path}{query}{hash}"))
}

/// Puts `query` in the address bar; `push` adds a history entry (a new view) while typing
/// and filtering replace the current one, so Back goes to the previous view, not keystroke.
pub fn set_query(query: &str, push: bool) {
    if location_search() == query {
        return;
    }
    let Some(url) = url_with(query) else { return };
    let Ok(history) = gloo::utils::window().history() else {
        return;
    };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// The full URL of the current page with `query`, for "copy link".
pub fn absolute_url(query: &str) -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}{query}")
}

/// Copies text to the clipboard; false when the browser refuses (no permission, no focus).
pub async fn copy_text(text: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}
