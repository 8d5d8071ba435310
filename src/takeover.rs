//! The hand-over from the pre-rendered first screen (written into index.html by the release
//! build, see scripts/prerender.mjs) to the live app, with nothing moving and nothing lost.
//!
//! The app renders beside the pre-rendered screen, undisplayed (the browser lays nothing out
//! while it builds), in its usual short tasks. When it has rendered what the screen shows in
//! the window (of a list, the entries that start above the window's bottom edge and one more;
//! the others come after the hand-over, see `progressive::reveal`), the two trees have the same
//! structure up to there, and in one task: the pre-rendered screen is removed and the live one
//! shown in its place, and what the visitor did meanwhile is done again on it (text typed into
//! a field, a ticked box, a chosen option, an opened panel, the buttons pressed, the focus).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::app::App;
use crate::progressive;

/// While the live app renders behind the pre-rendered screen (main.css).
const TAKING_OVER: &str = "pp-taking-over";
const LIVE: &str = "pp-takeover";
/// Marks the page once the live app is in place (for the tests and for styling).
const LIVE_ATTR: &str = "data-pp-live";
/// What the visitor may have used before the app started.
const CONTROLS: &str = "input, select, textarea, details";
const FOCUSABLE: &str = "a[href], button, input, select, textarea, summary, [tabindex]";
const LIST_ITEMS: &str = "ol.pp-list > li";
const CARDS_THEN_FOOTER: &str = "ol.pp-list > li, .pp-footer";

/// Mounts the app into `host` behind its pre-rendered screen `pre`, then swaps them.
pub fn mount(host: HtmlElement, pre: Element) {
    let document = gloo::utils::document();
    let Ok(live) = document.create_element("div") else {
        return;
    };
    live.set_class_name(LIVE);
    let _ = host.class_list().add_1(TAKING_OVER);
    if host.append_child(&live).is_err() {
        return;
    }
    let Ok(live) = live.dyn_into::<HtmlElement>() else {
        return;
    };
    progressive::taking_over_list(cards_needed(&pre));
    leptos::mount::mount_to(live.clone(), || view! { <App /> }).forget();
    progressive::handover(move || swap(host, pre, live));
}

/// How many of the pre-rendered list's cards the live app needs before it takes over: those
/// that start above the window's bottom edge, and the next one, which keeps what follows the
/// list (the footer) out of sight while the other cards arrive below it. When the footer is in
/// sight all the same (a window taller than the screen's cards), the whole live list
/// (`usize::MAX`), so that nothing in sight moves as cards arrive; a visitor who scrolled down
/// to the footer during start-up gets the rest of the list in one task before the hand-over.
/// All of the screen's cards once the visitor has pressed a button, ticked, typed or chosen
/// anything on the screen (first-screen.js records it), or moved the focus into the list: what
/// they did is done again on the live twins, which then have to be there.
fn cards_needed(pre: &Element) -> usize {
    let cards = all(pre, LIST_ITEMS);
    let touched = pre.has_attribute("data-pp-clicks")
        || pre.has_attribute("data-pp-touched")
        || pre
            .query_selector("ol.pp-list details[open]")
            .ok()
            .flatten()
            .is_some()
        || gloo::utils::document()
            .active_element()
            .and_then(|el| el.closest(LIST_ITEMS).ok().flatten())
            .is_some_and(|item| pre.contains(Some(&item)));
    let bottom = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    // The cards, then the footer (document order): more in sight than cards is the footer too.
    let in_sight = all(pre, CARDS_THEN_FOOTER)
        .iter()
        .take_while(|el| el.get_bounding_client_rect().top() < bottom)
        .count();
    if in_sight > cards.len() {
        usize::MAX
    } else if touched {
        cards.len()
    } else {
        (in_sight + 1).min(cards.len())
    }
}

fn swap(host: HtmlElement, pre: Element, live: HtmlElement) {
    let needed = cards_needed(&pre);
    if all(&live, LIST_ITEMS).len() < needed && progressive::show_at_least(needed) {
        // The visitor scrolled or pressed something meanwhile: those cards render now, and
        // the hand-over comes in the next task, ahead of the batches of cards beyond them.
        progressive::next(move || swap(host, pre, live));
        return;
    }
    progressive::taken_over();
    // The live list holds the cards the hand-over needed, the pre-rendered one a screen's
    // worth: cards past the shorter of the two have no twin yet, and pairing skips them so
    // that what follows the lists pairs up again.
    let cards = all(&pre, LIST_ITEMS)
        .len()
        .min(all(&live, LIST_ITEMS).len());
    let (pre, live) = (&pre, &live);
    let old = paired(pre, CONTROLS, cards);
    let new = paired(live, CONTROLS, cards);
    let focused = gloo::utils::document()
        .active_element()
        .filter(|el| pre.contains(Some(el)))
        .and_then(|el| {
            let list = paired(pre, FOCUSABLE, cards);
            list.iter().position(|x| *x == el)
        });
    // Buttons pressed on the pre-rendered screen, in order (recorded by first-screen.js), as
    // indices among all its buttons: a press makes the hand-over wait for all its cards
    // (`cards_needed`), so the live buttons up to there are the same ones.
    let clicks: Vec<usize> = pre
        .get_attribute("data-pp-clicks")
        .unwrap_or_default()
        .split(',')
        .filter_map(|i| i.parse().ok())
        .collect();
    let selection = gloo::utils::document()
        .active_element()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|i| Some((i.selection_start().ok()??, i.selection_end().ok()??)));
    pre.remove();
    live.set_class_name("");
    let _ = host.class_list().remove_1(TAKING_OVER);
    // The same structure, so the n-th control of one tree is the n-th of the other.
    if old.len() == new.len() {
        for (before, now) in old.iter().zip(&new) {
            carry(before, now);
        }
    }
    for i in clicks {
        // Looked up each time: a press may change what renders after it.
        if let Some(button) = paired(live, "button", cards)
            .into_iter()
            .nth(i)
            .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        {
            button.click();
        }
    }
    if let Some(el) = focused.and_then(|i| paired(live, FOCUSABLE, cards).into_iter().nth(i)) {
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            let _ = el.focus();
            if let (Some((start, end)), Ok(input)) =
                (selection, el.dyn_into::<web_sys::HtmlInputElement>())
            {
                let _ = input.set_selection_range(start, end);
            }
        }
    }
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute(LIVE_ATTR, "");
    }
}

/// Replays on the live control what the visitor did to its pre-rendered twin, through the
/// events the app listens to.
fn carry(before: &Element, now: &Element) {
    use web_sys::{HtmlDetailsElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
    if let (Some(b), Some(n)) = (
        before.dyn_ref::<HtmlInputElement>(),
        now.dyn_ref::<HtmlInputElement>(),
    ) {
        let toggled = match b.type_().as_str() {
            "checkbox" => Some(b.checked() != n.checked()),
            "radio" => Some(b.checked() && !n.checked()),
            // A file chosen before start-up (an OPML export to import): the same files, and the
            // change the app reads them on. A file input's value cannot be set.
            "file" => {
                if b.files().is_some_and(|f| f.length() > 0) {
                    n.set_files(b.files().as_ref());
                    dispatch(n, "change");
                }
                Some(false)
            }
            _ => None,
        };
        match toggled {
            Some(true) => n.click(),
            Some(false) => {}
            None if b.value() != n.value() => {
                n.set_value(&b.value());
                dispatch(n, "input");
            }
            None => {}
        }
    } else if let (Some(b), Some(n)) = (
        before.dyn_ref::<HtmlSelectElement>(),
        now.dyn_ref::<HtmlSelectElement>(),
    ) {
        if b.value() != n.value() {
            n.set_value(&b.value());
            dispatch(n, "change");
        }
    } else if let (Some(b), Some(n)) = (
        before.dyn_ref::<HtmlTextAreaElement>(),
        now.dyn_ref::<HtmlTextAreaElement>(),
    ) {
        if b.value() != n.value() {
            n.set_value(&b.value());
            dispatch(n, "input");
        }
    } else if let (Some(b), Some(n)) = (
        before.dyn_ref::<HtmlDetailsElement>(),
        now.dyn_ref::<HtmlDetailsElement>(),
    ) {
        n.set_open(b.open());
    }
}

fn dispatch(target: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// The elements of `root` matching `selector` that have a twin in the other tree: those not
/// inside a list item past the first `cards` of its list.
fn paired(root: &Element, selector: &str, cards: usize) -> Vec<Element> {
    all(root, selector)
        .into_iter()
        .filter(|el| !beyond(el, cards))
        .collect()
}

/// Inside a list item past the first `cards` of its list.
fn beyond(el: &Element, cards: usize) -> bool {
    let Some(item) = el.closest(LIST_ITEMS).ok().flatten() else {
        return false;
    };
    let mut index = 0;
    let mut previous = item.previous_element_sibling();
    while let Some(p) = previous {
        index += 1;
        previous = p.previous_element_sibling();
    }
    index >= cards
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}
