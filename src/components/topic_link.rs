use crate::components::NavLink;
use leptos::prelude::*;
use podpath_engine::url_state::topic_page;
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
    view! { <NavLink state=topic_page(id) class=class lang=crate::i18n::catalog_lang()>{label}</NavLink> }
}
