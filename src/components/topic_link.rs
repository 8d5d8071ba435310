use crate::components::NavLink;
use leptos::prelude::*;
use podpath_engine::url_state::{UrlState, View};
use podpath_engine::TopicId;

/// A link to a topic page.
#[component]
pub fn TopicLink(
    /// The topic to open.
    id: TopicId,
    /// The visible text.
    label: String,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let state = UrlState {
        view: View::Topics,
        topic: Some(id),
        ..UrlState::default()
    };
    view! { <NavLink state=state class=class lang=crate::i18n::catalog_lang()>{label}</NavLink> }
}
