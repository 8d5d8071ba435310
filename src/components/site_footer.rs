use crate::components::{EmbedPanel, ExternalLink};
use crate::state::data;
use crate::{format, strings};
use leptos::prelude::*;

/// Data date, credits and links to the sources.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let catalog = &data().catalog;
    view! {
        <footer class="pp-footer">
            <p data-testid="data-as-of">
                {strings::DATA_AS_OF} " " <time datetime=catalog.data_as_of.as_str().to_owned()>{format::date(&catalog.data_as_of)}</time>
            </p>
            <p>
                <ExternalLink href=catalog.episode_source_url.clone()>{strings::CREDITS_EPISODES}</ExternalLink>
                ". " {strings::CREDITS_SHOWS}
            </p>
            <p>{strings::SOURCE_CODE_NOTE}</p>
            <EmbedPanel />
        </footer>
    }
}
