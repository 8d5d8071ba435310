use crate::components::{Deferred, ExternalLink, TopicGraph, TopicLink};
use crate::progressive;
use crate::state::{data, nav};
use leptos::prelude::*;
use podpath_engine::graph::{learn_next, suggest};
use podpath_engine::url_state::{UrlState, View};
use podpath_engine::{Catalog, TopicId, TopicKind};

/// Episode rows per task on a topic's page (see `progressive`).
const EPISODE_BATCH: usize = 12;

/// Topics: the index of all wiki topics grouped by kind, or one topic's page.
#[component]
pub fn TopicsPage() -> impl IntoView {
    let catalog = &data().catalog;
    let nav = nav();
    let open = Memo::new(move |_| nav.get().with(|s| s.topic.clone()));
    // Following a topic link, chip or map node removes it with its page: focus moves to the
    // heading of the page it opened (also when the link was on Find or the quiz), so keyboard
    // and screen-reader users land on what they opened. Only then: a first render, Back or a
    // language switch never moves focus, and an embed never pulls the host page's focus.
    let root = NodeRef::<leptos::html::Div>::new();
    let focus = crate::state::heading_focus();
    Effect::new(move |_| {
        open.track();
        if focus.take() {
            if let Some(root) = root.get() {
                crate::browser::focus_in(&root, "h2");
            }
        }
    });
    view! {
        <div class="pp-topics-page" node_ref=root>
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
        topics.sort_by(|a, b| a.title.cmp(&b.title));
        view! {
            <section class="pp-topic-group" aria-labelledby=crate::ids::id(&format!("kind-{}", kind.key()))>
                <h3 id=crate::ids::id(&format!("kind-{}", kind.key()))>{t.topic_kind(kind)} " " <span class="pp-count">{topics.len()}</span></h3>
                <ul class="pp-topic-list">
                    {topics.into_iter().map(|t| view! {
                        <li><TopicLink id=t.id.clone() label=t.title.clone() /></li>
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    let query = RwSignal::new(String::new());
    let suggestions = Memo::new(move |_| query.with(|q| suggest(catalog, q, 8)));
    view! {
        <div class="pp-topics" data-testid="topic-index">
            <h2 tabindex="-1">{t.topic_index}</h2>
            <div class="pp-topic-search" role="search">
                <label for=crate::ids::id("topic-search")>{t.topic_search_label}</label>
                <input
                    id=crate::ids::id("topic-search")
                    class="pp-input"
                    type="search"
                    autocomplete="off"
                    placeholder=t.topic_search_placeholder
                    prop:value=move || query.get()
                    on:input:target=move |ev| query.set(ev.target().value())
                />
                <Show when=move || !query.with(|q| q.trim().is_empty())>
                    <p class="pp-sr-only" role="status" aria-live="polite">
                        {move || t.count(suggestions.with(Vec::len), t.topic)}
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
    let focus = crate::state::heading_focus();
    let nav = nav();
    let Some(topic) = catalog.topic(id.as_str()) else {
        return view! { <TopicIndex catalog=catalog /> }.into_any();
    };
    let Some(center) = catalog.topic_position(topic.id.as_str()) else {
        return view! { <TopicIndex catalog=catalog /> }.into_any();
    };
    let shows: Vec<_> = catalog.shows_covering(topic.id.as_str()).collect();
    let episodes: Vec<&'static podpath_engine::Episode> =
        catalog.episodes_for_topic(topic.id.as_str()).collect();
    let has_episodes = !episodes.is_empty();
    let shortest_first = RwSignal::new(false);
    let path = learn_next(catalog, center, 4);
    // Below the graph: rendered in batches after the first screen (see `progressive`).
    let shown = RwSignal::new(0);
    let total_episodes = episodes.len();
    let episode_list = move || {
        let mut list = episodes.clone();
        if shortest_first.get() {
            list.sort_by_key(|e| (e.duration_s.unwrap_or(u32::MAX), e.title.clone()));
        } else {
            list.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
        }
        list.into_iter()
            .take(shown.get())
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
                        focus.request();
                        nav.go(UrlState { view: View::Topics, ..UrlState::default() }, true);
                    }
                >
                    {t.topic_back_to_index}
                </a>
            </p>
            <h2 tabindex="-1" lang=crate::i18n::catalog_lang()>{topic.title.clone()}</h2>
            <ul class="pp-badges">
                <li class="pp-badge">{t.topic_kind(topic.kind)}</li>
                <li class=format!("pp-badge pp-badge--{}", topic.level.key())>{t.level(topic.level)}</li>
            </ul>
            {topic.summary.clone().map(|s| view! { <p class="pp-topic__summary" lang=crate::i18n::catalog_lang()>{s}</p> })}
            <p><ExternalLink href=topic.url.clone()>{t.topic_on_wiki}</ExternalLink></p>
            // The graph and the lists under it follow in tasks of their own.
            <Deferred>
                <TopicGraph catalog=catalog center=center />
            </Deferred>
            <Deferred>
            {(!path.is_empty()).then(|| view! {
                <section aria-labelledby=crate::ids::id("learn-next")>
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
            <section aria-labelledby=crate::ids::id("related")>
                <h3 id=crate::ids::id("related")>{t.topic_related}</h3>
                <ul class="pp-chips" data-testid="related">
                    {topic.related.iter().map(|r| view! {
                        <li><TopicLink id=r.clone() label=catalog.topic_title(r.as_str()).to_owned() class="pp-chip" /></li>
                    }).collect_view()}
                </ul>
            </section>
            <section aria-labelledby=crate::ids::id("topic-shows")>
                <h3 id=crate::ids::id("topic-shows")>{t.topic_shows}</h3>
                {if shows.is_empty() {
                    view! { <p class="pp-muted">{t.topic_no_shows}</p> }.into_any()
                } else {
                    view! {
                        <ul class="pp-compact-list" data-testid="topic-shows">
                            {shows.iter().map(|s| view! {
                                <li>
                                    <strong lang=crate::i18n::catalog_lang()>{s.title.clone()}</strong>
                                    <span class="pp-muted">" · " {s.levels.iter().map(|l| t.level(*l)).collect::<Vec<_>>().join(", ")}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section aria-labelledby=crate::ids::id("topic-episodes")>
                <h3 id=crate::ids::id("topic-episodes")>{t.topic_episodes}</h3>
                {if has_episodes {
                    view! {
                        <label class="pp-sort">
                            <span>{t.episode_sort_label}</span>
                            <select class="pp-input" data-testid="episode-sort" on:change:target=move |ev| shortest_first.set(ev.target().value() == "shortest")>
                                <option value="newest">{t.episode_sort_newest}</option>
                                <option value="shortest">{t.episode_sort_shortest}</option>
                            </select>
                        </label>
                        <ul class="pp-compact-list" data-testid="topic-episodes" aria-busy=progressive::busy(shown)>{episode_list.clone()}</ul>
                    }.into_any()
                } else {
                    view! { <p class="pp-muted">{t.topic_no_episodes}</p> }.into_any()
                }}
            </section>
            </Deferred>
        </article>
    };
    // Queued after the sections above (see `BrowsePage`), so the rows land in a list that exists.
    progressive::reveal(shown, total_episodes, EPISODE_BATCH, move || {
        shortest_first.track()
    });
    page.into_any()
}
