use crate::components::{ExternalLink, FollowToggle, Highlighted, ListenAction, NavLink};
use crate::dynamic::dynamic;
use leptos::prelude::*;
use podpath_engine::search::Term;
use podpath_engine::similar;
use podpath_engine::url_state::{like_in_find, show_in_find};
use podpath_engine::{Catalog, Show, Status, TopicId};

/// One show: who makes it and who it suits, how long and how alive it is, what it is, and how
/// to listen; what it covers and where to start one tap away.
#[component]
pub fn ShowCard(
    catalog: &'static Catalog,
    show: &'static Show,
    /// Search terms to highlight.
    #[prop(into)]
    terms: Signal<Vec<Term>>,
    /// Called when a topic chip is chosen (to filter by it).
    on_topic: Callback<TopicId>,
    /// Why this show is like the one Find is ordered by (`Texts::likeness_parts`).
    #[prop(optional_no_strip)]
    like_reason: Option<(String, String)>,
) -> impl IntoView {
    let t = crate::i18n::t();
    let nav = crate::state::nav();
    let hosts = if show.hosts.is_empty() {
        t.hosts_unknown.to_owned()
    } else {
        format!("{} {}", t.hosted_by, show.hosts.join(", "))
    };
    let ended = show.status == Status::Ended;
    // One wording for a live show everywhere: past the quiet threshold, the date of its newest
    // known episode instead of "Active" (as the quiz's cautions say it).
    let status_line = match (show.quiet_since(), &show.last_episode) {
        (Some(d), _) => (t.caution_quiet)(&t.date(d)),
        (None, Some(d)) => format!(
            "{} · {}",
            t.status(show.status),
            (t.last_episode)(&t.date(d), ended)
        ),
        (None, None) => t.status(show.status).to_owned(),
    };
    let length = show
        .length
        .map_or(t.length_unknown.to_owned(), |l| t.length(l));
    let heading_id = crate::ids::id(&format!("show-{}", show.id));
    // "Shows like this" is worked out and rendered when the card first opens: on every card at
    // start-up it cost about 90 ms on a slow phone (scripts/time-to-input.mjs, 2026-12-05).
    let opened = RwSignal::new(false);
    let labelled_by = heading_id.clone();
    // Catalog text stays English: marked so inside a Spanish or German interface.
    let en = crate::i18n::catalog_lang();
    // On a phone a card is a row to compare: title, level and format, how alive it is, a line
    // of description and one way to listen; hosts, topics, where to start and every other way
    // to listen are one tap away under "More about this show".
    view! {
        <article class="pp-card" data-testid="show-card" data-show=show.id.as_str().to_owned() aria-labelledby=labelled_by>
            <h3 class="pp-card__title" id=heading_id lang=en>
                <Highlighted text=show.title.clone() terms=terms />
            </h3>
            // Hosts stay in sight: a search by host name must show its match.
            <p class="pp-card__hosts">
                <Highlighted text=hosts terms=terms />
            </p>
            <ul class="pp-badges" aria-label=t.level_and_format>
                {show.levels.iter().map(|l| view! { <li class=format!("pp-badge pp-badge--{}", l.key())>{t.level(*l)}</li> }).collect_view()}
                {show.formats.iter().map(|f| view! { <li class="pp-badge">{t.format_name(*f)}</li> }).collect_view()}
                {dynamic(move || nav.follows(&show.id).then(|| view! { <li class="pp-badge pp-badge--follow" data-testid="you-follow">{t.you_follow}</li> }))}
            </ul>
            <p class="pp-card__meta">
                <span class=if ended { "pp-status pp-status--ended" } else { "pp-status" } data-testid="status">{status_line}</span>
                <span aria-hidden="true">" · "</span>
                <span data-testid="length">{length}</span>
            </p>
            {like_reason.map(|(own, topics)| view! { <p class="pp-card__like" data-testid="like-reason">{own}<span lang=en>{topics}</span></p> })}
            <p class="pp-card__desc" lang=en>
                <Highlighted text=show.description.clone() terms=terms />
            </p>
            <ListenAction show=show />
            <details class="pp-card__more" on:toggle=move |ev| {
                if ev.target().and_then(|d| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(d).ok()).is_some_and(|d| d.open()) {
                    opened.set(true);
                }
            }>
                <summary data-testid="card-more">{t.card_more}</summary>
                <FollowToggle show=show />
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
                {move || opened.get().then(|| {
                    let mut alike = catalog.show_position(show.id.as_str()).map(|i| similar::like(catalog, i)).unwrap_or_default();
                    alike.truncate(3);
                    view! {
                        <div class="pp-card__alike" data-testid="shows-like">
                            <h4>{t.like_title}</h4>
                            <ul>
                                {alike.into_iter().filter_map(|l| Some((catalog.shows.get(l.show)?, l.why?))).map(|(other, why)| view! {
                                    <li>
                                        <NavLink state=show_in_find(&other.title) lang=en>{other.title.clone()}</NavLink>
                                        <span class="pp-muted">" — " {let (own, topics) = t.likeness_parts(catalog, &why); view! { {own}<span lang=en>{topics}</span> }}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                            <NavLink state=like_in_find(&show.id)>{t.like_all}</NavLink>
                        </div>
                    }
                })}
            </details>
        </article>
    }
}
