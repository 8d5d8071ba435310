use crate::components::{ExternalLink, ListenLinks};
use crate::dynamic::dynamic;
use leptos::prelude::*;
use podpath_engine::listen::{self, App, LinkKind, ListenLink};
use podpath_engine::Show;

/// One clear way to listen: "Listen on <app>" for the app the visitor listens with
/// (remembered on the device), and every other way (the five apps, the feed, the website)
/// one tap away. Before any app is chosen, "Listen" opens that list; following an app there
/// chooses it for every card.
#[component]
pub fn ListenAction(show: &'static Show) -> impl IntoView {
    let t = crate::i18n::t();
    let chosen = crate::state::chosen_app();
    let links = listen::listen_links(show);
    let has_primary = {
        let links = links.clone();
        move || target(&links, chosen.get()).is_some()
    };
    let primary = move || {
        let (app, kind, url) = target(&links, chosen.get())?;
        let label = match kind {
            LinkKind::Direct => (t.listen_in)(t.app(app)),
            _ => t.search_on(app),
        };
        Some(view! {
            <ExternalLink href=url class="pp-button pp-listen__go">{label}</ExternalLink>
        })
    };
    view! {
        <div class="pp-listen" data-testid="listen">
            {primary}
            <details class="pp-listen__all">
                <summary class="pp-button pp-button--quiet" data-testid="listen-more">
                    {dynamic(move || if has_primary() { t.listen_other } else { t.listen_on })}
                </summary>
                <p class="pp-muted pp-listen__hint">{t.listen_choose}</p>
                <ListenLinks show=show />
            </details>
        </div>
    }
}

/// The remembered app's link for a show, if the show has one there.
fn target(links: &[ListenLink], app: Option<App>) -> Option<(App, LinkKind, String)> {
    let app = app?;
    let link = links.iter().find(|l| l.app == app)?;
    Some((app, link.kind, link.url.clone()?))
}
