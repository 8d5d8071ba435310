use crate::components::{ExternalLink, Highlighted, ListenLinks};
use crate::format;
use leptos::prelude::*;
use podpath_engine::search::Term;
use podpath_engine::{Catalog, Show, Status, TopicId};

/// One show: who makes it, who it suits, how long and how alive it is, what it covers, where
/// to start and where to listen.
#[component]
pub fn ShowCard(
    catalog: &'static Catalog,
    show: &'static Show,
    /// Search terms to highlight.
    #[prop(into)]
    terms: Signal<Vec<Term>>,
    /// Called when a topic chip is chosen (to filter by it).
    on_topic: Callback<TopicId>,
) -> impl IntoView {
    let t = crate::i18n::t();
    let hosts = if show.hosts.is_empty() {
        t.hosts_unknown.to_owned()
    } else {
        format!("{} {}", t.hosted_by, show.hosts.join(", "))
    };
    let ended = show.status == Status::Ended;
    let status_line = match &show.last_episode {
        Some(d) => format!(
            "{} · {}",
            t.status(show.status),
            format::last_episode(t, d, ended)
        ),
        None => t.status(show.status).to_owned(),
    };
    let length = show
        .length
        .map_or(t.length_unknown.to_owned(), |l| t.length(l));
    let heading_id = crate::ids::id(&format!("show-{}", show.id));
    let labelled_by = heading_id.clone();
    // Catalog text stays English: marked so inside a Spanish or German interface.
    let en = crate::i18n::catalog_lang();
    view! {
        <article class="pp-card" data-testid="show-card" data-show=show.id.as_str().to_owned() aria-labelledby=labelled_by>
            <h3 class="pp-card__title" id=heading_id lang=en>
                <Highlighted text=show.title.clone() terms=terms />
            </h3>
            <p class="pp-card__hosts">
                <Highlighted text=hosts terms=terms />
            </p>
            <ul class="pp-badges" aria-label=t.level_and_format>
                {show.levels.iter().map(|l| view! { <li class=format!("pp-badge pp-badge--{}", l.key())>{t.level(*l)}</li> }).collect_view()}
                {show.formats.iter().map(|f| view! { <li class="pp-badge">{t.format_name(*f)}</li> }).collect_view()}
            </ul>
            <p class="pp-card__meta">
                <span class=if ended { "pp-status pp-status--ended" } else { "pp-status" } data-testid="status">{status_line}</span>
                <span aria-hidden="true">" · "</span>
                <span data-testid="length">{length}</span>
            </p>
            <p class="pp-card__desc" lang=en>
                <Highlighted text=show.description.clone() terms=terms />
            </p>
            <div class="pp-card__topics">
                <span class="pp-sr-only">{t.topics}</span>
                <ul class="pp-chips" lang=en>
                    {show.topics.iter().map(|t| {
                        let title = catalog.topic_title(t.as_str()).to_owned();
                        let t = t.clone();
                        view! {
                            <li>
                                <button type="button" class="pp-chip" on:click=move |_| on_topic.run(t.clone())>
                                    {title}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
            {(!show.start_here.is_empty()).then(|| view! {
                <div class="pp-card__start">
                    <h4>{t.start_here}</h4>
                    <ul lang=en>
                        {show.start_here.iter().map(|ep| view! {
                            <li>
                                <ExternalLink href=ep.url.clone()>{ep.title.clone()}</ExternalLink>
                                {format!(" · {}", t.minutes(u32::from(ep.minutes)))}
                                <span class="pp-muted">" — " {ep.why.clone()}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <div class="pp-card__listen">
                <ListenLinks show=show />
            </div>
        </article>
    }
}
