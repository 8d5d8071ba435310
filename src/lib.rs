//! podpath's Leptos UI: it renders what `podpath_engine` computes and forwards events back.
//! No rule of the app lives here.

mod app;
mod browser;
mod components;
mod data;
mod download;
mod format;
mod pages;
mod state;
mod storage;
pub mod strings;

pub use app::App;

/// Mounts podpath into the page's `#podpath` element (replacing the static loading skeleton),
/// or at the end of `<body>` when there is none.
pub fn start() {
    console_error_panic_hook::set_once();
    let target = gloo::utils::document().get_element_by_id("podpath");
    match target.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()) {
        Some(el) => {
            el.set_inner_text("");
            leptos::mount::mount_to(el, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}
