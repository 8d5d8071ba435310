use crate::components::{ExternalLink, Highlighted};
use leptos::prelude::*;
use podpath_engine::filter::Platform;
use podpath_engine::search::Term;
use podpath_engine::Episode;

/// One DataTalks.Club episode: title, guests, length and date, with its page and platforms.
#[component]
pub fn EpisodeRow(
    episode: &'static Episode,
    /// Search terms to highlight.
    #[prop(into)]
    terms: Signal<Vec<Term>>,
) -> impl IntoView {
    let t = crate::i18n::t();
    let mut meta: Vec<String> = Vec::new();
    if let Some(m) = episode.minutes() {
        meta.push(t.minutes(m));
    }
    if let Some(d) = &episode.date {
        meta.push(t.date(d));
    }
    let l = &episode.links;
    let platforms: Vec<(&'static str, String)> = [
        (t.platform(Platform::Apple), &l.apple),
        (t.platform(Platform::Spotify), &l.spotify),
        (t.platform(Platform::YouTube), &l.youtube),
    ]
    .into_iter()
    .filter_map(|(label, url)| url.clone().map(|u| (label, u)))
    .collect();
    let title = episode.title.clone();
    view! {
        <article class="pp-episode" data-testid="episode-row" data-episode=episode.id.0.clone()>
            <h3 class="pp-episode__title" lang=crate::i18n::catalog_lang()>
                <ExternalLink href=episode.url.clone()>
                    <Highlighted text=title terms=terms />
                </ExternalLink>
            </h3>
            {(!episode.guests.is_empty()).then(|| view! {
                <p class="pp-card__hosts"><Highlighted text=episode.guests.join(", ") terms=terms /></p>
            })}
            <p class="pp-card__meta">{meta.join(" · ")}</p>
            <ul class="pp-links">
                {platforms.into_iter().map(|(label, href)| view! {
                    <li><ExternalLink href=href class="pp-link-button">{label}</ExternalLink></li>
                }).collect_view()}
            </ul>
        </article>
    }
}
