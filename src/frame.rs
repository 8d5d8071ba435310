//! Life inside an iframe: tell the host page how tall the widget is, and take theme changes
//! from it. Both directions are origin-checked: heights go only to the host's origin, and only
//! messages from the parent window and that origin are read.
//!
//! The host's origin comes from embed.js without touching the frame's `src` (so the widget
//! page is fetched once): the widget says hello to its parent (`podpath:hello`, no data, to
//! any origin), and embed.js answers `podpath:host` with the frame's number. The origin of that
//! answer, set by the browser, is the host's. An `origin=` URL parameter (older snippets)
//! still works and skips the hello.

use leptos::prelude::*;
use podpath_engine::embed::{interpret, parse_origin, HostCommand, HostMessage};
use podpath_engine::url_state::UrlState;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Serialize)]
struct Resize {
    #[serde(rename = "type")]
    kind: &'static str,
    frame: Option<u32>,
    height: i32,
}

#[derive(Serialize)]
struct Reveal {
    #[serde(rename = "type")]
    kind: &'static str,
    frame: Option<u32>,
    top: i32,
}

/// Asks the host page to bring a point of the frame into sight.
type Ask = Box<dyn Fn(i32)>;

thread_local! {
    /// Set once the frame is connected.
    static REVEAL: RefCell<Option<Ask>> = const { RefCell::new(None) };
}

/// Asks the host page to scroll `top` pixels down this frame into sight (embed.js does it when
/// that point is out of sight); nothing before the host is known, or outside a frame.
pub fn reveal(top: f64) {
    REVEAL.with(|r| {
        if let Some(ask) = r.borrow().as_ref() {
            ask(top.round() as i32);
        }
    });
}

#[derive(Serialize)]
struct Hello {
    #[serde(rename = "type")]
    kind: &'static str,
}

/// The host page, once known: its origin and this frame's number there.
type Host = Rc<RefCell<Option<(String, Option<u32>)>>>;

/// Starts the hello, the resize reports and the message listener.
pub fn connect(root: NodeRef<leptos::html::Div>, nav: RwSignal<UrlState>) {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let from_url = nav.with_untracked(|s| s.origin.clone().map(|o| (o, s.frame)));
    let known = from_url.is_some();
    let host: Host = Rc::new(RefCell::new(from_url));
    let height = Rc::new(Cell::new(0i32));

    let report = {
        let (host, parent, height) = (host.clone(), parent.clone(), height.clone());
        move || {
            let Some((origin, frame)) = host.borrow().clone() else {
                return;
            };
            let msg = Resize {
                kind: "podpath:resize",
                frame,
                height: height.get(),
            };
            if let Ok(value) = serde_wasm_bindgen::to_value(&msg) {
                let _ = parent.post_message(&value, &origin);
            }
        }
    };

    {
        let (host, parent) = (host.clone(), parent.clone());
        let ask = move |top: i32| {
            let Some((origin, frame)) = host.borrow().clone() else {
                return;
            };
            let msg = Reveal {
                kind: "podpath:reveal",
                frame,
                top,
            };
            if let Ok(value) = serde_wasm_bindgen::to_value(&msg) {
                let _ = parent.post_message(&value, &origin);
            }
        };
        REVEAL.with(|r| *r.borrow_mut() = Some(Box::new(ask)));
    }

    Effect::new({
        let (report, height) = (report.clone(), height.clone());
        move |_| {
            let Some(el) = root.get() else { return };
            let (report, height) = (report.clone(), height.clone());
            let target: web_sys::Element = el.clone().into();
            let callback = Closure::<dyn FnMut(web_sys::js_sys::Array)>::new(move |_entries| {
                // The bottom edge of the widget in page coordinates: what the frame must show.
                let rect = target.get_bounding_client_rect();
                let scrolled = gloo::utils::window().scroll_y().unwrap_or(0.0);
                height.set((rect.bottom() + scrolled).ceil() as i32);
                report();
            });
            if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
                observer.observe(&el);
                // The observer lives as long as the page.
                callback.forget();
                std::mem::forget(observer);
            }
        }
    });

    let listener = {
        let (parent, host) = (parent.clone(), host.clone());
        gloo::events::EventListener::new(&window, "message", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                return;
            };
            let from_parent = event
                .source()
                .is_some_and(|s| web_sys::js_sys::Object::is(&s, &parent));
            if !from_parent {
                return;
            }
            let Some(msg) = host_message(&event.data()) else {
                return;
            };
            let origin = event.origin();
            match interpret(&msg) {
                // The first introduction wins; a later one cannot redirect the reports.
                Some(HostCommand::Host { frame }) if host.borrow().is_none() => {
                    if let Some(origin) = parse_origin(&origin) {
                        *host.borrow_mut() = Some((origin, frame));
                        report();
                    }
                }
                Some(HostCommand::Host { .. }) => {}
                Some(HostCommand::SetTheme(theme)) => {
                    let trusted = host.borrow().as_ref().is_some_and(|(o, _)| *o == origin);
                    if trusted {
                        nav.update(|s| s.display.theme = theme);
                    }
                }
                None => {}
            }
        })
    };
    listener.forget();

    if !known {
        say_hello(parent, host, 0);
    }
}

/// The host's message, read field by field with the checks serde's derive would make: an
/// object whose `type` and `theme` are strings and `frame` a number, each optional; anything
/// else is not a message of ours. Not serde-wasm-bindgen's `from_value`: its deserializer, and
/// the float formatting its error messages pull in, cost 10.5 KB gzip of the bundle (measured
/// 2026-11-27), more than the rest of the embed code.
fn host_message(data: &JsValue) -> Option<HostMessage> {
    if !data.is_object() {
        return None;
    }
    let get = |key: &str| {
        web_sys::js_sys::Reflect::get(data, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let text = |key: &str| match get(key) {
        None => Some(String::new()),
        Some(v) => v.as_string(),
    };
    let frame = match get("frame") {
        None => None,
        Some(v) => Some(v.as_f64()?),
    };
    Some(HostMessage {
        kind: text("type")?,
        theme: text("theme")?,
        frame,
    })
}

/// When to say hello again if nobody answered: embed.js may load after the frame (it is
/// `defer`red, the frame may not be), or not at all.
const HELLO_RETRIES_MS: [u32; 3] = [500, 2000, 6000];

/// Tells the parent a widget is here. Carries nothing, so any origin may read it; the origin
/// of the answer is what counts.
fn say_hello(parent: web_sys::Window, host: Host, attempt: usize) {
    if host.borrow().is_some() {
        return;
    }
    if let Ok(value) = serde_wasm_bindgen::to_value(&Hello {
        kind: "podpath:hello",
    }) {
        let _ = parent.post_message(&value, "*");
    }
    if let Some(&delay) = HELLO_RETRIES_MS.get(attempt) {
        gloo::timers::callback::Timeout::new(delay, move || say_hello(parent, host, attempt + 1))
            .forget();
    }
}
