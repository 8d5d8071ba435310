use crate::components::ExternalLink;
use leptos::prelude::*;
use podpath_engine::listen::{self, LinkKind};
use podpath_engine::Show;

/// Where to listen to a show: the five apps (a search where no direct link is known, and
/// labelled so), the RSS feed or a plain "feed not known", and the show's website.
/// Following an app's link remembers that app as the visitor's (see `ListenAction`).
#[component]
pub fn ListenLinks(show: &'static Show) -> impl IntoView {
    let t = crate::i18n::t();
    let chosen = crate::state::chosen_app();
    let apps = listen::listen_links(show).into_iter().map(|link| {
        let app = link.app;
        let remember = Callback::new(move |_| chosen.set(app));
        let item = match (link.kind, link.url) {
            (LinkKind::Direct, Some(url)) => view! {
                <ExternalLink href=url class="pp-link-button" on_follow=remember>{t.app(link.app)}</ExternalLink>
            }
            .into_any(),
            (LinkKind::Search, Some(url)) => view! {
                <ExternalLink href=url class="pp-link-button" on_follow=remember>{t.search_on(link.app)}</ExternalLink>
            }
            .into_any(),
            _ => view! { <span class="pp-links__none">{t.app_unavailable(link.app)}</span> }
                .into_any(),
        };
        view! { <li data-app=link.app.key() data-kind=link.kind.key()>{item}</li> }
    });
    let feed = match &show.links.rss {
        Some(url) => view! {
            <li data-app="rss" data-kind="direct">
                <ExternalLink href=url.clone() class="pp-link-button">{t.link_rss}</ExternalLink>
            </li>
        }
        .into_any(),
        None => view! {
            <li data-app="rss" data-kind="unavailable"><span class="pp-links__none">{t.feed_not_known}</span></li>
        }
        .into_any(),
    };
    let website = show.links.website.clone().map(|url| {
        view! {
            <li data-app="website" data-kind="direct">
                <ExternalLink href=url class="pp-link-button">{t.link_website}</ExternalLink>
            </li>
        }
    });
    view! {
        <ul class="pp-links" data-testid="listen-links" aria-label=t.listen_on>
            {apps.collect_view()}
            {feed}
            {website}
        </ul>
    }
}
