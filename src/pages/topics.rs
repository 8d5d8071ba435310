use crate::components::{Deferred, ExternalLink, NavLink, TopicGraph, TopicLink};
use crate::dynamic::dynamic;
use crate::progressive;

/// A compact embed lists this many of a topic's episodes until the reader asks for all.
const COMPACT_EPISODES: usize = 3;
use crate::state::{data, nav};
use leptos::prelude::*;
use podpath_engine::graph::{learn_next, suggest};
use podpath_engine::sorting;
use podpath_engine::url_state::{self, UrlState, View};
use podpath_engine::{Catalog, TopicId, TopicKind};

/// Episode rows per task on a topic's page (see `progressive`).
const EPISODE_BATCH: usize = 12;

/// Topics: the index of all wiki topics grouped by kind, or one topic's page.
#[component]
pub fn TopicsPage() -> impl IntoView {
    let catalog = &data().catalog;
    let nav = nav();
    let open = Memo::new(move |_| nav.get().with(|s| s.topic.clone()));
    // Following a topic link, chip or map node removes it with its page: the app then moves
    // focus to the heading of the page it opened (`data-pp-heading`, see `App`).
    view! {
        <div class="pp-topics-page">
            {move || match open.get() {
                Some(id) => view! { <TopicDetail catalog=catalog id=id /> }.into_any(),
                None => view! { <TopicIndex catalog=catalog /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn TopicIndex(catalog: &'static Catalog) -> impl IntoView {
    let t = crate::i18n::t();
    let groups = TopicKind::ALL.into_iter().map(|kind| {
        let mut topics: Vec<_> = catalog.topics.iter().filter(|t| t.kind == kind).collect();
        sorting::sort_by(&mut topics, |a, b| a.title.cmp(&b.title));
        view! {
            <section class="pp-topic-group" aria-labelledby=crate::ids::id(&format!("kind-{}", kind.key()))>
                <h3 id=crate::ids::id(&format!("kind-{}", kind.key()))>{t.topic_kind(kind)} " " <span class="pp-count">{topics.len()}</span></h3>
                // Topic titles only: marked English once, on the list.
                <ul class="pp-topic-list" lang=crate::i18n::catalog_lang()>
                    {topics.into_iter().map(|t| view! {
                        <li><NavLink state=url_state::topic_page(t.id.clone())>{t.title.clone()}</NavLink></li>
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    let query = RwSignal::new(String::new());
    let suggestions = Memo::new(move |_| query.with(|q| suggest(catalog, q, 8)));
    view! {
        <div class="pp-topics" data-testid="topic-index">
            <h2 tabindex="-1" data-pp-heading="">{t.topic_index}</h2>
            <div class="pp-topic-search" role="search">
                <label for=crate::ids::id("topic-search")>{t.topic_search_label}</label>
                <input
                    id=crate::ids::id("topic-search")
                    class="pp-input"
                    type="search"
                    autocomplete="off"
                    placeholder=t.topic_search_placeholder
                    prop:value=dynamic(move || query.get())
                    on:input:target=move |ev| query.set(ev.target().value())
                />
                <Show when=dynamic(move || !query.with(|q| q.trim().is_empty()))>
                    <p class="pp-sr-only" role="status" aria-live="polite">
                        {dynamic(move || t.count(suggestions.with(Vec::len), t.topic))}
                    </p>
                    <ul class="pp-suggestions" data-testid="topic-suggestions">
                        {move || {
                            let found = suggestions.get();
                            if found.is_empty() {
                                view! { <li class="pp-muted">{t.topic_no_match}</li> }.into_any()
                            } else {
                                found
                                    .into_iter()
                                    .filter_map(|i| catalog.topics.get(i))
                                    .map(|t| view! { <li><TopicLink id=t.id.clone() label=t.title.clone() /></li> })
                                    .collect_view()
                                    .into_any()
                            }
                        }}
                    </ul>
                </Show>
            </div>
            {groups.collect_view()}
        </div>
    }
}

#[component]
fn TopicDetail(catalog: &'static Catalog, id: TopicId) -> impl IntoView {
    let t = crate::i18n::t();
    let heading_focus = crate::state::heading_focus();
    let nav = nav();
    let Some(topic) = catalog.topic(id.as_str()) else {
        return view! { <TopicIndex catalog=catalog /> }.into_any();
    };
    let Some(center) = catalog.topic_position(topic.id.as_str()) else {
        return view! { <TopicIndex catalog=catalog /> }.into_any();
    };
    let shows: Vec<_> = catalog.shows_covering(topic.id.as_str()).collect();
    // The episodes most about the topic first (see `by_centrality`); the reader can order them
    // by date or length instead ("central", "newest", "shortest").
    let episodes: Vec<&'static podpath_engine::Episode> =
        podpath_engine::episodes::by_centrality(catalog, topic.id.as_str());
    let has_episodes = !episodes.is_empty();
    let order = RwSignal::new("central");
    let path = learn_next(catalog, center, 4);
    // Below the graph: rendered in batches after the first screen (see `progressive`).
    let shown = RwSignal::new(0);
    let total_episodes = episodes.len();
    // A compact embed lists the first few until the reader asks for all (about two screens).
    let capped = RwSignal::new(nav.get().with_untracked(|s| s.display.compact));
    let cap = move || {
        if capped.get() {
            COMPACT_EPISODES
        } else {
            usize::MAX
        }
    };
    let episode_list = move || {
        let mut list = episodes.clone();
        match order.get() {
            "shortest" => sorting::sort_by_key(&mut list, |e| {
                (e.duration_s.unwrap_or(u32::MAX), e.title.clone())
            }),
            "newest" => sorting::sort_by(&mut list, |a, b| {
                b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title))
            }),
            _ => {}
        }
        list.into_iter()
            .take(shown.get().min(cap()))
            .map(|e| {
                let title = e.title.clone();
                view! {
                    <li>
                        <ExternalLink href=e.url.clone()><span lang=crate::i18n::catalog_lang()>{title}</span></ExternalLink>
                        <span class="pp-muted">
                            {if e.guests.is_empty() { "" } else { " · " }}
                            {e.guests.join(", ")}
                            {e.minutes().map(|m| format!(" · {}", t.minutes(m)))}
                            {e.date.as_ref().map(|d| format!(" · {}", t.date(d)))}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    let page = view! {
        <article class="pp-topic" data-testid="topic-detail" data-topic=topic.id.as_str().to_owned()>
            <p class="pp-crumbs">
                <a
                    href="?view=topics"
                    on:click=move |ev| {
                        ev.prevent_default();
                        heading_focus.request();
                        nav.go(UrlState { view: View::Topics, ..UrlState::default() }, true);
                    }
                >
                    {t.topic_back_to_index}
                </a>
            </p>
            <h2 tabindex="-1" data-pp-heading="" lang=crate::i18n::catalog_lang()>{topic.title.clone()}</h2>
            <ul class="pp-badges">
                <li class="pp-badge">{t.topic_kind(topic.kind)}</li>
                <li class=format!("pp-badge pp-badge--{}", topic.level.key())>{t.level(topic.level)}</li>
            </ul>
            {topic.summary.clone().map(|s| view! { <p class="pp-topic__summary" lang=crate::i18n::catalog_lang()>{s}</p> })}
            <p><ExternalLink href=topic.url.clone()>{t.topic_on_wiki}</ExternalLink></p>
            // The shows first (before the map on every screen): a topic page leads somewhere.
            <section aria-labelledby=crate::ids::id("topic-shows")>
                <h3 id=crate::ids::id("topic-shows")>{t.topic_shows}</h3>
                {if shows.is_empty() {
                    view! { <p class="pp-muted">{t.topic_no_shows}</p> }.into_any()
                } else {
                    view! {
                        <ul class="pp-compact-list" data-testid="topic-shows">
                            {shows.into_iter().map(|s| {
                                view! {
                                    <li data-show=s.id.as_str().to_owned()>
                                        <NavLink state=url_state::show_in_find(&s.title) lang=crate::i18n::catalog_lang()>{s.title.clone()}</NavLink>
                                        <span class="pp-muted">" · " {s.levels.iter().map(|l| t.level(*l)).collect::<Vec<_>>().join(", ")}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            // The graph and the lists under it follow in tasks of their own.
            <Deferred>
                <TopicGraph catalog=catalog center=center />
            </Deferred>
            <Deferred>
            {(!path.is_empty()).then(|| view! {
                <section class="pp-topic__next" aria-labelledby=crate::ids::id("learn-next")>
                    <h3 id=crate::ids::id("learn-next")>{t.topic_learn_next}</h3>
                    <p class="pp-muted">{t.topic_learn_next_note}</p>
                    <ol class="pp-path" data-testid="learn-next">
                        {path.iter().filter_map(|&i| catalog.topics.get(i)).map(|topic| view! {
                            <li>
                                <TopicLink id=topic.id.clone() label=topic.title.clone() />
                                <span class="pp-muted">" · " {t.level(topic.level)}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            })}
            <section class="pp-topic__related" aria-labelledby=crate::ids::id("related")>
                <h3 id=crate::ids::id("related")>{t.topic_related}</h3>
                <ul class="pp-chips" data-testid="related">
                    {topic.related.iter().map(|r| view! {
                        <li><TopicLink id=r.clone() label=catalog.topic_title(r.as_str()).to_owned() class="pp-chip" /></li>
                    }).collect_view()}
                </ul>
            </section>
            <section aria-labelledby=crate::ids::id("topic-episodes")>
                <h3 id=crate::ids::id("topic-episodes")>{t.topic_episodes}</h3>
                {if has_episodes {
                    view! {
                        <label class="pp-sort">
                            <span>{t.episode_sort_label}</span>
                            <select class="pp-input" data-testid="episode-sort" on:change:target=move |ev| order.set(match ev.target().value().as_str() { "newest" => "newest", "shortest" => "shortest", _ => "central" })>
                                <option value="central">{t.episode_sort_central}</option>
                                <option value="newest">{t.episode_sort_newest}</option>
                                <option value="shortest">{t.episode_sort_shortest}</option>
                            </select>
                        </label>
                        <ul class="pp-compact-list" data-testid="topic-episodes" aria-busy=progressive::busy(shown)>{episode_list.clone()}</ul>
                        <Show when=dynamic(move || capped.get() && COMPACT_EPISODES < total_episodes)>
                            <button type="button" class="pp-button pp-button--quiet" data-testid="show-all" on:click=move |ev| {
                                // The button goes with the cap: focus moves to the first entry it revealed.
                                let root = crate::browser::widget_of(&ev);
                                capped.set(false);
                                if let Some(root) = root {
                                    crate::progressive::later(move || { crate::browser::focus_in(&root, "[data-testid=topic-episodes] > li:nth-child(4) a"); });
                                }
                            }>
                                {format!("{} ({})", t.show_all, t.count(total_episodes, t.episode))}
                            </button>
                        </Show>
                    }.into_any()
                } else {
                    view! { <p class="pp-muted">{t.topic_no_episodes}</p> }.into_any()
                }}
            </section>
            </Deferred>
        </article>
    };
    // Queued after the sections above (see `BrowsePage`), so the rows land in a list that exists.
    progressive::reveal(shown, total_episodes, EPISODE_BATCH, move || order.track());
    page.into_any()
}
