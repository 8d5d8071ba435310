use crate::state::{heading_focus, nav};
use leptos::prelude::*;
use podpath_engine::url_state::{encode, UrlState};

/// A link to a view of the widget that also works as a plain link (middle click, copy address):
/// followed, it opens the view in place and moves the focus to its heading. The widget's display
/// settings (language, theme) travel with the address; the shows followed do not (they change
/// under the link, and a new tab reads them from the device).
#[component]
pub fn NavLink(
    /// The view to open.
    state: UrlState,
    children: Children,
    #[prop(optional)] class: &'static str,
    /// `lang` of the link's text (catalog text inside a Spanish or German interface).
    #[prop(optional_no_strip)]
    lang: Option<&'static str>,
) -> impl IntoView {
    let nav = nav();
    let focus = heading_focus();
    let href = nav.0.with_untracked(|cur| {
        encode(&UrlState {
            display: cur.display.clone(),
            ..state.clone()
        })
    });
    view! {
        <a
            href=href
            class=class
            lang=lang
            on:click=move |ev| {
                ev.prevent_default();
                focus.request();
                nav.go(state.clone(), true);
            }
        >
            {children()}
        </a>
    }
}
