use crate::components::ExternalLink;
use crate::state::{data, nav};
use crate::{format, strings};
use leptos::prelude::*;
use podpath_engine::url_state::{encode, UrlState, View};
use podpath_engine::{Catalog, TopicId, TopicKind};

/// A link to a topic page that also works as a plain link (middle click, copy address).
#[component]
pub fn TopicLink(
    /// The topic to open.
    id: TopicId,
    /// The visible text.
    label: String,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let nav = nav();
    let state = UrlState {
        view: View::Topics,
        topic: Some(id),
        ..UrlState::default()
    };
    let href = encode(&state);
    view! {
        <a
            href=href
            class=class
            on:click=move |ev| {
                ev.prevent_default();
                nav.go(state.clone(), true);
            }
        >
            {label}
        </a>
    }
}

/// Topics: the index of all wiki topics grouped by kind, or one topic's page.
#[component]
pub fn TopicsPage() -> impl IntoView {
    let catalog = &data().catalog;
    let nav = nav();
    let open = Memo::new(move |_| nav.get().with(|s| s.topic.clone()));
    move || match open.get() {
        Some(id) => view! { <TopicDetail catalog=catalog id=id /> }.into_any(),
        None => view! { <TopicIndex catalog=catalog /> }.into_any(),
    }
}

#[component]
fn TopicIndex(catalog: &'static Catalog) -> impl IntoView {
    let groups = TopicKind::ALL.into_iter().map(|kind| {
        let mut topics: Vec<_> = catalog.topics.iter().filter(|t| t.kind == kind).collect();
        topics.sort_by(|a, b| a.title.cmp(&b.title));
        view! {
            <section class="pp-topic-group" aria-labelledby=format!("kind-{}", kind.key())>
                <h3 id=format!("kind-{}", kind.key())>{strings::topic_kind(kind)} " " <span class="pp-count">{topics.len()}</span></h3>
                <ul class="pp-topic-list">
                    {topics.into_iter().map(|t| view! {
                        <li><TopicLink id=t.id.clone() label=t.title.clone() /></li>
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <div class="pp-topics" data-testid="topic-index">
            <h2>{strings::TOPIC_INDEX}</h2>
            {groups.collect_view()}
        </div>
    }
}

#[component]
fn TopicDetail(catalog: &'static Catalog, id: TopicId) -> impl IntoView {
    let Some(topic) = catalog.topic(id.as_str()) else {
        return view! { <TopicIndex catalog=catalog /> }.into_any();
    };
    let shows: Vec<_> = catalog.shows_covering(topic.id.as_str()).collect();
    let mut episodes: Vec<_> = catalog.episodes_for_topic(topic.id.as_str()).collect();
    episodes.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
    view! {
        <article class="pp-topic" data-testid="topic-detail" data-topic=topic.id.as_str().to_owned()>
            <p class="pp-crumbs">
                <a
                    href="?view=topics"
                    on:click=move |ev| {
                        ev.prevent_default();
                        nav().go(UrlState { view: View::Topics, ..UrlState::default() }, true);
                    }
                >
                    {strings::TOPIC_BACK_TO_INDEX}
                </a>
            </p>
            <h2>{topic.title.clone()}</h2>
            <ul class="pp-badges">
                <li class="pp-badge">{strings::topic_kind(topic.kind)}</li>
                <li class=format!("pp-badge pp-badge--{}", topic.level.key())>{strings::level(topic.level)}</li>
            </ul>
            {topic.summary.clone().map(|s| view! { <p class="pp-topic__summary">{s}</p> })}
            <p><ExternalLink href=topic.url.clone()>{strings::TOPIC_ON_WIKI}</ExternalLink></p>
            <section aria-labelledby="pp-related">
                <h3 id="pp-related">{strings::TOPIC_RELATED}</h3>
                <ul class="pp-chips" data-testid="related">
                    {topic.related.iter().map(|r| view! {
                        <li><TopicLink id=r.clone() label=catalog.topic_title(r.as_str()).to_owned() class="pp-chip" /></li>
                    }).collect_view()}
                </ul>
            </section>
            <section aria-labelledby="pp-topic-shows">
                <h3 id="pp-topic-shows">{strings::TOPIC_SHOWS}</h3>
                {if shows.is_empty() {
                    view! { <p class="pp-muted">{strings::TOPIC_NO_SHOWS}</p> }.into_any()
                } else {
                    view! {
                        <ul class="pp-compact-list" data-testid="topic-shows">
                            {shows.into_iter().map(|s| view! {
                                <li>
                                    <strong>{s.title.clone()}</strong>
                                    <span class="pp-muted">" · " {s.levels.iter().map(|l| strings::level(*l)).collect::<Vec<_>>().join(", ")}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section aria-labelledby="pp-topic-episodes">
                <h3 id="pp-topic-episodes">{strings::TOPIC_EPISODES}</h3>
                {if episodes.is_empty() {
                    view! { <p class="pp-muted">{strings::TOPIC_NO_EPISODES}</p> }.into_any()
                } else {
                    view! {
                        <ul class="pp-compact-list" data-testid="topic-episodes">
                            {episodes.into_iter().map(|e| view! {
                                <li>
                                    <ExternalLink href=e.url.clone()>{e.title.clone()}</ExternalLink>
                                    <span class="pp-muted">
                                        {if e.guests.is_empty() { "" } else { " · " }}
                                        {e.guests.join(", ")}
                                        {e.minutes().map(|m| format!(" · {}", format::minutes(m)))}
                                        {e.date.as_ref().map(|d| format!(" · {}", format::date(d)))}
                                    </span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        </article>
    }
    .into_any()
}
