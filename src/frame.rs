//! Life inside an iframe: tell the host page how tall the widget is, and take theme changes
//! from it. Both directions are origin-checked: messages go only to the origin embed.js put in
//! the URL, and only messages from that origin and from the parent window are read.

use leptos::prelude::*;
use podpath_engine::embed::{interpret, HostCommand, HostMessage};
use podpath_engine::url_state::UrlState;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Serialize)]
struct Resize {
    #[serde(rename = "type")]
    kind: &'static str,
    frame: Option<u32>,
    height: i32,
}

/// Starts the resize reports and the message listener, if the URL names the host's origin.
pub fn connect(root: NodeRef<leptos::html::Div>, nav: RwSignal<UrlState>) {
    let (Some(origin), frame) = nav.with_untracked(|s| (s.origin.clone(), s.frame)) else {
        return;
    };
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };

    let post_origin = origin.clone();
    let post_parent = parent.clone();
    let report = move |height: i32| {
        let msg = Resize {
            kind: "podpath:resize",
            frame,
            height,
        };
        if let Ok(value) = serde_wasm_bindgen::to_value(&msg) {
            let _ = post_parent.post_message(&value, &post_origin);
        }
    };
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        let report = report.clone();
        let target: web_sys::Element = el.clone().into();
        let callback = Closure::<dyn FnMut(web_sys::js_sys::Array)>::new(move |_entries| {
            // The bottom edge of the widget in page coordinates: what the frame must show.
            let rect = target.get_bounding_client_rect();
            let scrolled = gloo::utils::window().scroll_y().unwrap_or(0.0);
            report((rect.bottom() + scrolled).ceil() as i32);
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&el);
            // The observer lives as long as the page.
            callback.forget();
            std::mem::forget(observer);
        }
    });

    let listener = gloo::events::EventListener::new(&window, "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let from_parent = event
            .source()
            .is_some_and(|s| web_sys::js_sys::Object::is(&s, &parent));
        if event.origin() != origin || !from_parent {
            return;
        }
        let Ok(msg) = serde_wasm_bindgen::from_value::<HostMessage>(event.data()) else {
            return;
        };
        if let Some(HostCommand::SetTheme(theme)) = interpret(&msg) {
            nav.update(|s| s.display.theme = theme);
        }
    });
    listener.forget();
}
