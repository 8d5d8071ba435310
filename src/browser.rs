//! Thin wrappers over the browser APIs the app needs: the URL and history. Every call that
//! can fail in a browser (sandboxed iframes, privacy modes) degrades to "do nothing".

use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use wasm_bindgen::JsValue;

thread_local! {
    /// The URL write waiting for typing to pause (one per page: all widgets share the address bar).
    static PENDING: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// How long typing must pause before the address bar is updated.
const URL_DELAY_MS: u32 = 250;

/// Replaces the query after a short pause; a newer call supersedes an older one.
pub fn set_query_soon(query: String) {
    let timeout = Timeout::new(URL_DELAY_MS, move || {
        PENDING.with(|p| p.borrow_mut().take());
        set_query(&query, false);
    });
    PENDING.with(|p| {
        if let Some(old) = p.borrow_mut().replace(timeout) {
            old.cancel();
        }
    });
}

/// Drops a pending URL write (a new view is being pushed instead).
pub fn cancel_pending_query() {
    PENDING.with(|p| {
        if let Some(old) = p.borrow_mut().take() {
            old.cancel();
        }
    });
}

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

/// True when podpath runs inside an iframe.
pub fn in_frame() -> bool {
    let window = gloo::utils::window();
    match window.parent() {
        Ok(Some(parent)) => !web_sys::js_sys::Object::is(&parent, &window),
        _ => false,
    }
}

/// The focused element as seen from `node`: inside a shadow root, `document.activeElement` is
/// the shadow host, so the root's own `activeElement` is asked instead.
/// The widget (`.podpath`) an event happened in, found from the element whose listener runs:
/// what the event changes may re-render that element, the widget stays.
pub fn widget_of(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.current_target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .and_then(|el| el.closest(".podpath").ok().flatten())
}

/// Focuses the first element in `root` that matches `selector`, if any (inside a shadow root
/// too, where `document` cannot see it); false when there was none to focus.
pub fn focus_in(root: &web_sys::Element, selector: &str) -> bool {
    let found = root.query_selector(selector).ok().flatten();
    match found.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Brings the view's heading (`[data-pp-heading]` inside `root`) into sight and moves focus to
/// it: scrolled to the top when it is out of sight or low on the screen (the host page's scroll,
/// in a script embed), and in a frame the host page is asked to do the same (embed.js).
pub fn show_heading(root: &web_sys::Element) {
    show_in_sight(root, "[data-pp-heading]");
}

/// Brings the first element of `root` matching `selector` into sight and focuses it (see
/// `show_heading`).
pub fn show_in_sight(root: &web_sys::Element, selector: &str) {
    let Some(el) = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return;
    };
    let window = gloo::utils::window();
    let rect = el.get_bounding_client_rect();
    let screen = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() < 0.0 || rect.top() > screen * 0.75 {
        el.scroll_into_view_with_bool(true);
    }
    if in_frame() {
        crate::frame::reveal(
            el.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0),
        );
    }
    let _ = el.focus();
}

pub fn active_element_near(node: &web_sys::Node) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    match node.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(_) => gloo::utils::document().active_element(),
    }
}

/// Where the widget itself is hosted (for share links from an element embed): the directory of
/// the loader module, which loader.js records on `<html data-podpath-base>`.
pub fn widget_base() -> String {
    gloo::utils::document()
        .document_element()
        .and_then(|e| e.get_attribute("data-podpath-base"))
        .filter(|b| {
            podpath_engine::validate::is_https_url(b)
                || b.starts_with("http://127.0.0.1")
                || b.starts_with("http://localhost")
        })
        .unwrap_or_default()
}

fn media_matches(query: &str) -> bool {
    gloo::utils::window()
        .match_media(query)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Whether the visitor's system asks for a dark theme.
pub fn prefers_dark() -> bool {
    media_matches("(prefers-color-scheme: dark)")
}

/// Whether Browse lays its filters beside the results (the 800px breakpoint in main.css) rather
/// than above them.
pub fn filters_beside_results() -> bool {
    media_matches("(min-width: 800px)")
}

/// The browser's preferred languages, best first (`navigator.languages`).
pub fn preferred_languages() -> Vec<String> {
    gloo::utils::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}
