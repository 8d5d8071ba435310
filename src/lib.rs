//! podpath's Leptos UI: it renders what `podpath_engine` computes and forwards events back.
//! No rule of the app lives here.

mod app;
mod browser;
mod clipboard;
pub mod components;
mod data;
mod download;
mod dynamic;
mod frame;
pub mod i18n;
mod ids;
#[cfg(test)]
mod layers;
mod pages;
mod progressive;
mod shadow;
mod state;
mod storage;
mod takeover;

pub use app::{App, Mount};
pub use shadow::shadow_container;

/// The attributes of an embedding element that configure it: plain on `<podpath-finder>`,
/// with `data-` on `<div data-podpath>`; the same names as the URL parameters.
const ELEMENT_SETTINGS: [&str; 7] = [
    "view", "topic", "theme", "compact", "accent", "header", "lang",
];

/// The elements of a host page podpath mounts into.
pub(crate) const HOST_SELECTOR: &str = "podpath-finder, [data-podpath]";

/// Mounts podpath: into the page's own `#podpath` element (taking over from its pre-rendered
/// first screen or its loading view, `takeover.rs`), and into every `<podpath-finder>` and `[data-podpath]` element of a host page,
/// each inside a shadow root of its own and configured by its attributes.
pub fn start() {
    install_panic_box();
    // Starting the wasm, decoding the catalog and the first render are separate tasks (see
    // `progressive`); a decoding error is shown by `App`.
    let document = gloo::utils::document();
    let embedded = browser::in_frame()
        || document
            .query_selector(HOST_SELECTOR)
            .ok()
            .flatten()
            .is_some();
    if embedded {
        progressive::render_whole();
    }
    progressive::later(|| {
        let _ = data::loaded();
    });
    progressive::later(mount_all);
}

fn mount_all() {
    let document = gloo::utils::document();
    if let Some(el) = document
        .get_element_by_id("podpath")
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
    {
        match el
            .query_selector(":scope > [data-pp-prerendered]")
            .ok()
            .flatten()
        {
            // The release build's pre-rendered first screen: the app takes it over unseen.
            Some(pre) => takeover::mount(el, pre),
            None => {
                // A plain wrapper around the static loading view; the app brings its own
                // `.podpath` root in its place.
                el.set_inner_text("");
                leptos::mount::mount_to(el, || leptos::prelude::view! { <App /> }).forget();
            }
        }
    }
    let Ok(hosts) = document.query_selector_all(HOST_SELECTOR) else {
        return;
    };
    let stylesheet = format!("{}main.css", browser::widget_base());
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
        let mount = Mount::Element { query, id_prefix };
        shadow::when_styled(&el, &stylesheet, move |container| {
            leptos::mount::mount_to(
                container,
                move || leptos::prelude::view! { <App mount=mount.clone() /> },
            )
            .forget();
        });
    }
}

/// The element's settings as a query string, read by the same decoder as URLs.
fn form_urlencoded_pairs(el: &web_sys::HtmlElement) -> String {
    let params = web_sys::UrlSearchParams::new().ok();
    let Some(params) = params else {
        return String::new();
    };
    let custom = el.tag_name().eq_ignore_ascii_case("podpath-finder");
    for key in ELEMENT_SETTINGS {
        let value = custom
            .then(|| el.get_attribute(key))
            .flatten()
            .or_else(|| el.get_attribute(&format!("data-{key}")));
        // `lang` is also every element's own HTML attribute: a language podpath does not speak
        // there is the page's business, not a setting to report.
        let spoken = key != "lang"
            || value
                .as_deref()
                .and_then(podpath_engine::lang::Lang::from_tag)
                .is_some();
        if let (Some(value), true) = (value, spoken) {
            params.append(key, &value);
        }
    }
    String::from(params.to_string())
}

/// On wasm32 a panic aborts: it stops the wasm for good, so instead of leaving a frozen
/// widget the hook replaces each widget's content with a short explanation and a reload link
/// (plain DOM: no wasm code can run afterwards).
fn install_panic_box() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_box();
    }));
}

fn show_panic_box() {
    let document = gloo::utils::document();
    let href = gloo::utils::window().location().href().unwrap_or_default();
    for root in shadow::all_roots(&document) {
        // Each widget's own language, read from its root (no reactive code runs after a panic).
        let lang = root
            .query_selector(".podpath[lang]")
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute("lang"))
            .and_then(|tag| podpath_engine::lang::Lang::from_tag(&tag))
            .unwrap_or_default();
        let t = i18n::texts(lang);
        root.set_text_content(None);
        let make = |tag: &str, class: &str, text: &str| {
            let el = document.create_element(tag).ok()?;
            if !class.is_empty() {
                el.set_class_name(class);
            }
            el.set_text_content(Some(text));
            Some(el)
        };
        let Some(panel) = make("div", "pp-error", "") else {
            continue;
        };
        let _ = panel.set_attribute("role", "alert");
        let _ = panel.set_attribute("data-testid", "panic-box");
        if let Some(title) = make("h2", "", t.panic_title) {
            let _ = panel.append_child(&title);
        }
        if let Some(text) = make("p", "", t.panic_text) {
            let _ = panel.append_child(&text);
        }
        if let Some(link) = make("a", "pp-button", t.panic_reload) {
            let _ = link.set_attribute("href", &href);
            let _ = panel.append_child(&link);
        }
        let _ = root.append_child(&panel);
    }
}
