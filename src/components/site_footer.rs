use crate::components::{EmbedPanel, ExternalLink};
use crate::state::data;
use leptos::prelude::*;

/// Data date, credits and links to the sources.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = crate::i18n::t();
    let catalog = &data().catalog;
    view! {
        <footer class="pp-footer">
            <p data-testid="data-as-of">
                {t.data_as_of} " " <time datetime=catalog.data_as_of.as_str().to_owned()>{t.date(&catalog.data_as_of)}</time>
            </p>
            <p>
                <ExternalLink href=catalog.episode_source_url.clone()>{t.credits_episodes}</ExternalLink>
                ". " {t.credits_shows}
            </p>
            <p>{t.source_code_note}</p>
            <EmbedPanel />
        </footer>
    }
}
