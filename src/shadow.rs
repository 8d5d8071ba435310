//! Script embeds live in a shadow root of their host element: no selector of the host page can
//! reach podpath's elements, and podpath's stylesheet is loaded inside it. What does cross the
//! boundary is inheritance; `:host` in main.css resets it, and the `--podpath-*` custom
//! properties are left to inherit, so a host can still theme the widget.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// Mounts into a shadow root of `host` once its stylesheet has loaded (or failed to), so the
/// widget's first render is already styled and the host's text moves once.
pub fn when_styled(host: &Element, stylesheet: &str, mount: impl FnOnce(HtmlElement) + 'static) {
    let Some((container, link)) = shadow_container_and_link(host, stylesheet) else {
        return;
    };
    let Some(link) = link else {
        mount(container);
        return;
    };
    let once = std::rc::Rc::new(std::cell::RefCell::new(Some((container, mount))));
    for event in ["load", "error"] {
        let once = once.clone();
        gloo::events::EventListener::once(&link, event, move |_| {
            if let Some((container, mount)) = once.borrow_mut().take() {
                mount(container);
            }
        })
        .forget();
    }
}

/// An element to mount the app into, inside an open shadow root of `host` that links
/// `stylesheet`. A host that already has a shadow root (mounted before) gets a fresh one's
/// worth of content: its old children are removed. `None` only when the browser refuses a
/// shadow root (an element type that cannot host one).
pub fn shadow_container(host: &Element, stylesheet: &str) -> Option<HtmlElement> {
    shadow_container_and_link(host, stylesheet).map(|(container, _)| container)
}

fn shadow_container_and_link(
    host: &Element,
    stylesheet: &str,
) -> Option<(HtmlElement, Option<Element>)> {
    let shadow = match host.shadow_root() {
        Some(shadow) => {
            shadow.set_text_content(None);
            shadow
        }
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()?,
    };
    let document = host.owner_document()?;
    let link = if stylesheet.is_empty() {
        None
    } else {
        let link = document.create_element("link").ok()?;
        link.set_attribute("rel", "stylesheet").ok()?;
        link.set_attribute("href", stylesheet).ok()?;
        shadow.append_child(&link).ok()?;
        Some(link)
    };
    let container: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    container.set_class_name("podpath-host");
    shadow.append_child(&container).ok()?;
    Some((container, link))
}

/// Every `.podpath` root on the page: in the document itself and inside the shadow roots of
/// the embeds.
pub fn all_roots(document: &Document) -> Vec<Element> {
    let mut roots = Vec::new();
    let mut collect = |list: Option<web_sys::NodeList>| {
        if let Some(list) = list {
            roots.extend(
                (0..list.length()).filter_map(|i| list.item(i).and_then(|n| n.dyn_into().ok())),
            );
        }
    };
    collect(document.query_selector_all(".podpath").ok());
    if let Ok(hosts) = document.query_selector_all(crate::HOST_SELECTOR) {
        for i in 0..hosts.length() {
            let shadow: Option<ShadowRoot> = hosts
                .item(i)
                .and_then(|n| n.dyn_into::<Element>().ok())
                .and_then(|el| el.shadow_root());
            collect(shadow.and_then(|s| s.query_selector_all(".podpath").ok()));
        }
    }
    roots
}
