use crate::state::{heading_focus, nav};
use leptos::prelude::*;
use podpath_engine::url_state::{encode, UrlState, View};
use podpath_engine::TopicId;

/// A link to a topic page that also works as a plain link (middle click, copy address).
#[component]
pub fn TopicLink(
    /// The topic to open.
    id: TopicId,
    /// The visible text.
    label: String,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let nav = nav();
    let focus = heading_focus();
    let state = UrlState {
        view: View::Topics,
        topic: Some(id),
        // The widget's display settings (language, theme) travel with the link.
        display: nav.0.with_untracked(|s| s.display.clone()),
        ..UrlState::default()
    };
    let href = encode(&state);
    view! {
        <a
            href=href
            class=class
            lang=crate::i18n::catalog_lang()
            on:click=move |ev| {
                ev.prevent_default();
                focus.request();
                nav.go(state.clone(), true);
            }
        >
            {label}
        </a>
    }
}
