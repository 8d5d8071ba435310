//! Saving a generated file (OPML) through the browser's download, with gloo's Blob and
//! object-URL helpers; nothing leaves the page.

use gloo::file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;

/// Offers `text` as a file download named `name`.
pub fn text_file(name: &str, mime: &str, text: &str) {
    let blob = Blob::new_with_options(text, Some(mime));
    let url = ObjectUrl::from(blob);
    let document = gloo::utils::document();
    let Ok(a) = document.create_element("a") else {
        return;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The object URL is revoked when `url` drops; keep it alive until the download started.
    gloo::timers::callback::Timeout::new(1_000, move || drop(url)).forget();
}
