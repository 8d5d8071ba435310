//! podpath's Leptos UI: it renders what `podpath_engine` computes and forwards events back.
//! No rule of the app lives here.

mod app;
mod browser;
mod components;
mod data;
mod download;
mod format;
mod frame;
mod ids;
mod pages;
mod state;
mod storage;
pub mod strings;

pub use app::{App, Mount};

/// The `data-*` attributes of an embedding element that configure it.
const ELEMENT_SETTINGS: [&str; 6] = ["view", "topic", "theme", "compact", "accent", "header"];

/// Mounts podpath: into the page's own `#podpath` element (replacing the static loading
/// skeleton), and into every `[data-podpath]` element of a host page, each configured by its
/// `data-*` attributes.
pub fn start() {
    console_error_panic_hook::set_once();
    let document = gloo::utils::document();
    if let Some(el) = document
        .get_element_by_id("podpath")
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
    {
        // The static skeleton's wrapper becomes a plain container: the app brings its own
        // `.podpath` root (padding twice would also throw off the iframe height).
        el.set_inner_text("");
        el.set_class_name("");
        let _ = el.remove_attribute("aria-busy");
        leptos::mount::mount_to(el, || leptos::prelude::view! { <App /> }).forget();
    }
    let Ok(hosts) = document.query_selector_all("[data-podpath]") else {
        return;
    };
    for i in 0..hosts.length() {
        let Some(el) = hosts
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok())
        else {
            continue;
        };
        let mut query = form_urlencoded_pairs(&el);
        query.insert(0, '?');
        // Every instance needs its own id prefix; the page's own widget uses `pp`.
        let id_prefix: &'static str = Box::leak(format!("pp{}", i + 2).into_boxed_str());
        el.set_inner_text("");
        el.set_class_name("");
        let mount = Mount::Element { query, id_prefix };
        leptos::mount::mount_to(
            el,
            move || leptos::prelude::view! { <App mount=mount.clone() /> },
        )
        .forget();
    }
}

/// The element's settings as a query string, read by the same decoder as URLs.
fn form_urlencoded_pairs(el: &web_sys::HtmlElement) -> String {
    let params = web_sys::UrlSearchParams::new().ok();
    let Some(params) = params else {
        return String::new();
    };
    for key in ELEMENT_SETTINGS {
        if let Some(value) = el.get_attribute(&format!("data-{key}")) {
            params.append(key, &value);
        }
    }
    String::from(params.to_string())
}
