use crate::components::{
    Deferred, EpisodeRow, FacetGroup, FacetOption, ImportPanel, ShowCard, TopicLink,
};
use crate::dynamic::dynamic;
use crate::state::{data, nav};
use crate::{browser, download, progressive};
use leptos::prelude::*;
use podpath_engine::filter::{self, Dropped, Filters, LengthBucket, Platform, Sort};
use podpath_engine::set::Counts;
use podpath_engine::{episodes, opml, search, similar};
use podpath_engine::{Format, Level, TopicId};

/// How many episodes are rendered at once.
const EPISODE_PAGE: usize = 50;
/// A compact embed shows this many cards until the reader asks for all: it stays within about
/// two screens of the host's post.
pub(crate) const COMPACT_PAGE: usize = 3;
/// Keys of show cards ordered by likeness to one show are apart from the others' by this much
/// per show (more than the catalog will ever hold).
const LIKE_KEYS: usize = 1 << 16;
/// Show cards rendered per task after the first screen (see `progressive`).
const CARD_BATCH: usize = 4;

/// Toggles `value` in a facet's selection. (The engine's `Set` is not imported by name: it
/// would hide the `Set` trait of Leptos's prelude, and with it the signals' `set`.)
fn toggle<T: Ord>(set: &mut podpath_engine::set::Set<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

/// Browse: search, facets with live counts, sort, and the matching shows.
#[component]
pub fn BrowsePage() -> impl IntoView {
    let t = crate::i18n::t();
    let loaded = data();
    let catalog = loaded.catalog;
    let nav = nav();
    let filters = Memo::new(move |_| nav.get().with(|s| s.filters.clone()));
    // `?like=`: the show Find is ordered by likeness to.
    let like = move || {
        nav.get().with(|s| {
            s.like
                .as_ref()
                .and_then(|id| catalog.show_position(id.as_str()))
        })
    };
    let like_untracked = move || untrack(like);
    // A Memo: the list, the counts and the empty state all read the same result.
    let results = Memo::new(move |_| {
        filters.with(|f| {
            let mut r = filter::apply(catalog, &loaded.index, f);
            if let Some(i) = like() {
                // The show itself first (the counts include it), then the most alike.
                filter::order_by(&mut r.hits, &similar::order(catalog, i));
            }
            r
        })
    });
    let episode_results = Memo::new(move |_| {
        filters.with(|f| {
            if f.episodes {
                episodes::apply(catalog, &loaded.index, f)
            } else {
                Default::default()
            }
        })
    });
    let listing_episodes = Memo::new(move |_| filters.with(|f| f.episodes));
    let terms = Memo::new(move |_| filters.with(|f| search::terms(&f.query)));
    // Episode topics: every topic with at least one episode, most-covered first. A Memo so it
    // is computed only once someone lists episodes.
    let episode_topic_order = Memo::new(move |_| episodes::topic_order(catalog, &loaded.index));
    let update = move |f: Box<dyn FnOnce(&mut Filters)>| nav.update(|s| f(&mut s.filters));

    // Topic facet values: every topic some show covers, most-covered first.
    let topic_order = filter::topic_order(catalog);

    let level_options = Memo::new(move |_| {
        let (r, f) = (results.get(), filters.get());
        Level::ALL
            .iter()
            .map(|&l| FacetOption {
                key: l.key().into(),
                label: t.level(l).into(),
                count: r.facets.level(l),
                checked: f.levels.contains(&l),
            })
            .collect::<Vec<_>>()
    });
    let topic_options = Memo::new(move |_| {
        let f = filters.get();
        let options = |order: &[TopicId], counts: &Counts<TopicId>| {
            order
                .iter()
                .map(|t| FacetOption {
                    key: t.to_string(),
                    label: catalog.topic_title(t.as_str()).into(),
                    count: counts.get(t),
                    checked: f.topics.contains(t),
                })
                .collect::<Vec<_>>()
        };
        if f.episodes {
            let counts = episode_results.with(|r| r.facets.topics.clone());
            episode_topic_order.with(|order| options(order, &counts))
        } else {
            results.with(|r| options(&topic_order, &r.facets.topics))
        }
    });
    let format_options = Memo::new(move |_| {
        let (r, f) = (results.get(), filters.get());
        Format::ALL
            .iter()
            .map(|&x| FacetOption {
                key: x.key().into(),
                label: t.format_name(x).into(),
                count: r.facets.format(x),
                checked: f.formats.contains(&x),
            })
            .collect::<Vec<_>>()
    });
    let length_options = Memo::new(move |_| {
        let (r, f) = (results.get(), filters.get());
        let e = episode_results.get();
        LengthBucket::ALL
            .iter()
            .map(|&b| FacetOption {
                key: b.key().into(),
                label: t.length_bucket(b).into(),
                count: if f.episodes {
                    e.facets.lengths.get(&b)
                } else {
                    r.facets.length(b)
                },
                checked: f.lengths.contains(&b),
            })
            .collect::<Vec<_>>()
    });
    let platform_options = Memo::new(move |_| {
        let (r, f) = (results.get(), filters.get());
        let e = episode_results.get();
        Platform::ALL
            .iter()
            .filter(|&&p| !f.episodes || p != Platform::Rss)
            .map(|&p| FacetOption {
                key: p.key().into(),
                label: t.platform(p).into(),
                count: if f.episodes {
                    e.facets.platforms.get(&p)
                } else {
                    r.facets.platform(p)
                },
                checked: f.platforms.contains(&p),
            })
            .collect::<Vec<_>>()
    });
    let status_options = Memo::new(move |_| {
        let (r, f) = (results.get(), filters.get());
        vec![FacetOption {
            key: "active".into(),
            label: t.active_only.into(),
            count: r.facets.active,
            checked: f.active_only,
        }]
    });

    let on_level = Callback::new(move |k: String| {
        if let Some(l) = Level::ALL.into_iter().find(|l| l.key() == k) {
            update(Box::new(move |f| toggle(&mut f.levels, l)));
        }
    });
    let on_topic_facet = Callback::new(move |k: String| {
        update(Box::new(move |f| toggle(&mut f.topics, TopicId(k))))
    });
    let on_format = Callback::new(move |k: String| {
        if let Some(x) = Format::ALL.into_iter().find(|x| x.key() == k) {
            update(Box::new(move |f| toggle(&mut f.formats, x)));
        }
    });
    let on_length = Callback::new(move |k: String| {
        if let Some(b) = LengthBucket::from_key(&k) {
            update(Box::new(move |f| toggle(&mut f.lengths, b)));
        }
    });
    let on_platform = Callback::new(move |k: String| {
        if let Some(p) = Platform::from_key(&k) {
            update(Box::new(move |f| toggle(&mut f.platforms, p)));
        }
    });
    let on_status =
        Callback::new(move |_: String| update(Box::new(|f| f.active_only = !f.active_only)));
    let on_chip = Callback::new(move |t: TopicId| {
        update(Box::new(move |f| {
            f.topics.insert(t);
        }))
    });

    let relaxation = Memo::new(move |_| {
        if !listing_episodes.get() && results.with(|r| r.hits.is_empty()) {
            filters.with(|f| filter::best_relaxation(catalog, &loaded.index, f))
        } else {
            None
        }
    });
    let relaxation_label = move |dropped: &Dropped| -> String {
        let quoted = |label: &str| (t.quote)(label);
        match dropped {
            Dropped::Query => t.the_search_text.to_owned(),
            Dropped::ActiveOnly => quoted(t.active_only),
            Dropped::Topic(t) => quoted(catalog.topic_title(t.as_str())),
            Dropped::Level(l) => quoted(t.level(*l)),
            Dropped::Format(f) => quoted(t.format_name(*f)),
            Dropped::Length(b) => quoted(t.length_bucket(*b)),
            Dropped::Platform(p) => quoted(t.platform(*p)),
        }
    };

    let status = RwSignal::new(String::new());
    let copy_link = move |_| {
        let url = nav.reader_link(&nav.get().get_untracked());
        crate::clipboard::copy_reporting(url, status);
    };
    let export = move |_| {
        let shows = results.with_untracked(|r| {
            r.hits
                .iter()
                .filter_map(|h| catalog.shows.get(h.show))
                .collect::<Vec<_>>()
        });
        let (doc, skipped) = opml::opml(t.opml_shows, shows);
        download::text_file("podpath-shows.opml", "text/x-opml", &doc);
        status.set(if skipped.is_empty() {
            String::new()
        } else {
            format!("{} {}", t.result_opml_note, skipped.join(", "))
        });
    };
    let set_list = move |episodes: bool| update(Box::new(move |f| f.episodes = episodes));
    // The list renders in batches after the first screen; see the end of this function.
    let shown = RwSignal::new(0);
    let capped = RwSignal::new(nav.get().with_untracked(|s| s.display.compact));
    let cap = move || {
        if capped.get() {
            COMPACT_PAGE
        } else {
            usize::MAX
        }
    };
    let count_text = move || {
        if listing_episodes.get() {
            t.count(episode_results.with(|r| r.hits.len()), t.episode)
        } else {
            t.shows(results.with(|r| r.hits.len()))
        }
    };

    let beside = browser::filters_beside_results();
    let filters_panel = NodeRef::<leptos::html::Details>::new();
    let show_results = move |_| {
        if let Some(panel) = filters_panel.get() {
            panel.set_open(false);
            if let Ok(Some(root)) = panel.closest(".podpath") {
                browser::show_heading(&root);
            }
        }
    };
    let filters_summary = move || match filters.with(Filters::facet_count) {
        0 => t.filters.to_string(),
        n => (t.filters_selected)(n),
    };

    let page = view! {
        <div class="pp-browse">
            <div class="pp-browse__bar">
                <label class="pp-sr-only" for=crate::ids::id("search")>{t.search_label}</label>
                <input
                    id=crate::ids::id("search")
                    class="pp-input pp-search"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=t.search_placeholder
                    prop:value=dynamic(move || filters.with(|f| f.query.clone()))
                    on:input:target=move |ev| {
                        let q = ev.target().value();
                        update(Box::new(move |f| f.query = q));
                    }
                />
                <label class="pp-sort">
                    <span>{t.sort_label}</span>
                    <select
                        class="pp-input"
                        data-testid="sort"
                        on:change:target=move |ev| {
                            if let Some(s) = Sort::from_key(&ev.target().value()) {
                                update(Box::new(move |f| f.sort = s));
                            }
                        }
                    >
                        {Sort::ALL.into_iter().map(|s| view! {
                            <option value=s.key() selected=dynamic(move || filters.with(|f| f.sort == s))>{t.sort(s)}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <ImportPanel />
            // Beside the results, the filters are open and fill in one task after the search
            // bar, then the results, then the cards. Above the results (a phone), they start
            // closed so the first screen shows results, and their groups render after the cards.
            <div class="pp-browse__body">
                <details class="pp-filters" open=beside node_ref=filters_panel>
                    <summary>{filters_summary}</summary>
                    <Deferred last=!beside>
                    <div class="pp-filters__groups">
                        <Show when=dynamic(move || !listing_episodes.get())>
                            <FacetGroup legend=t.facet_level id="level" options=level_options on_toggle=on_level />
                            <FacetGroup legend=t.facet_status id="status" options=status_options on_toggle=on_status />
                            <FacetGroup legend=t.facet_format id="format" options=format_options on_toggle=on_format />
                        </Show>
                        <FacetGroup legend=t.facet_length id="length" options=length_options on_toggle=on_length />
                        <FacetGroup legend=t.facet_platform id="platform" options=platform_options on_toggle=on_platform hint=t.facet_platform_hint />
                        <FacetGroup legend=t.facet_topic id="topic" options=topic_options on_toggle=on_topic_facet limit=12 catalog_values=true />
                    </div>
                    <div class="pp-filters__end">
                        // Above the results (a phone), the open panel can be taller than the
                        // screen: this closes it and brings the results into sight.
                        <button type="button" class="pp-button pp-filters__show" data-testid="filters-show" on:click=show_results>
                            {dynamic(move || (t.filters_show)(&count_text()))}
                        </button>
                        <Show when=dynamic(move || !filters.with(Filters::is_empty))>
                            <button type="button" class="pp-button pp-button--quiet" on:click=move |_| update(Box::new(|f| *f = Filters { sort: f.sort, ..Filters::default() }))>
                                {t.clear_filters}
                            </button>
                        </Show>
                    </div>
                    </Deferred>
                </details>
                <Deferred>
                <section class="pp-results" aria-label=t.results>
                    <div class="pp-results__head">
                        <div class="pp-segmented" role="group" aria-label=t.list_label>
                            <button type="button" data-testid="list-shows" aria-pressed=dynamic(move || (!listing_episodes.get()).to_string()) on:click=move |_| set_list(false)>
                                {t.list_shows}
                            </button>
                            <button type="button" data-testid="list-episodes" aria-pressed=dynamic(move || listing_episodes.get().to_string()) on:click=move |_| set_list(true)>
                                {t.list_episodes}
                            </button>
                        </div>
                        <p class="pp-results__count" role="status" aria-live="polite" data-testid="result-count" tabindex="-1" data-pp-heading="">{count_text}</p>
                        <div class="pp-actions">
                            <button type="button" class="pp-button pp-button--quiet" data-testid="copy-link" on:click=copy_link>{t.copy_link}</button>
                            <Show when=dynamic(move || !listing_episodes.get())>
                                <button type="button" class="pp-button pp-button--quiet" data-testid="export-opml" on:click=export>{t.result_opml}</button>
                            </Show>
                        </div>
                        <p class="pp-status-line" role="status" aria-live="polite" data-testid="action-status">{dynamic(move || status.get())}</p>
                    </div>
                    {move || nav.get().with(|s| s.like.as_ref().and_then(|id| catalog.show(id.as_str()))).map(|show| view! {
                        <p class="pp-like-head" data-testid="like-head">
                            <strong>{(t.like_heading)(&show.title)}</strong>
                            " "
                            <button type="button" class="pp-button pp-button--quiet" data-testid="like-clear" on:click=move |ev| {
                                // The button goes with the heading it sits in: the focus moves to the list's count.
                                let root = crate::browser::widget_of(&ev);
                                nav.update(|s| s.like = None);
                                if let Some(root) = root {
                                    crate::progressive::later(move || { crate::browser::focus_in(&root, "[data-testid=result-count]"); });
                                }
                            }>{t.like_clear}</button>
                        </p>
                    })}
                    <Show when=dynamic(move || filters.with(|f| !f.topics.is_empty()))>
                        <p class="pp-explore" data-testid="explore-topics">
                            {t.explore_topic} ": "
                            {move || filters.with(|f| f.topics.iter().filter_map(|t| catalog.topic(t.as_str())).map(|t| view! {
                                <TopicLink id=t.id.clone() label=t.title.clone() class="pp-chip" />
                            }).collect_view())}
                        </p>
                    </Show>
                    <Show when=dynamic(move || !listing_episodes.get() && results.with(|r| r.hits.is_empty()))>
                        <div class="pp-empty" data-testid="empty">
                            <p>{t.empty_title}</p>
                            {move || relaxation.get().map(|r| {
                                let label = (t.empty_drop)(&relaxation_label(&r.dropped), &t.shows(r.hits));
                                let f = r.filters.clone();
                                view! {
                                    <button type="button" class="pp-button" data-testid="relax" on:click=move |_| {
                                        let f = f.clone();
                                        update(Box::new(move |cur| *cur = f));
                                    }>{label}</button>
                                }
                            })}
                        </div>
                    </Show>
                    <Show when=dynamic(move || !listing_episodes.get())>
                        <ol class="pp-list" aria-label=t.list_shows aria-busy=progressive::busy(shown)>
                            <For
                                each=move || {
                                    // Another show to be like gives new keys, even to a list that reads the same.
                                    let _ = like();
                                    results.with(|r| r.hits.iter().take(shown.get().min(cap())).map(|h| h.show).collect::<Vec<_>>())
                                }
                                // A card says why it is like the show Find is ordered by: under
                                // another such show, it is another card.
                                key=move |i| *i + LIKE_KEYS * like_untracked().map_or(0, |l| l + 1)
                                let(i)
                            >
                                {catalog.shows.get(i).map(|show| {
                                    let why = like_untracked().filter(|&l| l != i).and_then(|l| similar::likeness(catalog, catalog.shows.get(l)?, show).1).map(|w| t.likeness_parts(catalog, &w));
                                    view! {
                                        <li><ShowCard catalog=catalog show=show terms=terms on_topic=on_chip like_reason=why /></li>
                                    }
                                })}
                            </For>
                        </ol>
                        <Show when=dynamic(move || capped.get() && results.with(|r| r.hits.len() > COMPACT_PAGE))>
                            <button type="button" class="pp-button pp-button--quiet" data-testid="show-all" on:click=move |ev| {
                                // The button goes with the cap: focus moves to the first entry it revealed.
                                let root = crate::browser::widget_of(&ev);
                                capped.set(false);
                                if let Some(root) = root {
                                    crate::progressive::later(move || { crate::browser::focus_in(&root, "ol.pp-list > li:nth-child(4) :is(a, summary, button)"); });
                                }
                            }>
                                {dynamic(move || format!("{} ({})", t.show_all, t.shows(results.with(|r| r.hits.len()))))}
                            </button>
                        </Show>
                    </Show>
                    <Show when=dynamic(move || listing_episodes.get())>
                        <ol class="pp-list" aria-label=t.list_episodes>
                            // Long lists render in pages of 50: a blog widget should stay light.
                            <For
                                each=move || episode_results.with(|r| r.hits.iter().take(EPISODE_PAGE).copied().collect::<Vec<_>>())
                                key=|i| *i
                                let(i)
                            >
                                {catalog.episodes.get(i).map(|ep| view! {
                                    <li><EpisodeRow episode=ep terms=terms /></li>
                                })}
                            </For>
                        </ol>
                        <Show when=dynamic(move || episode_results.with(|r| r.hits.len() > EPISODE_PAGE))>
                            <p class="pp-muted">{dynamic(move || (t.episodes_more)(episode_results.with(|r| r.hits.len())))}</p>
                        </Show>
                    </Show>
                </section>
                </Deferred>
            </div>
        </div>
    };
    // Queued after the filters and results (`Deferred` queued them while `view!` built the
    // page), so each batch of cards lands in a list that exists.
    let total = if listing_episodes.get_untracked() {
        0 // no show list to grow
    } else {
        results.with_untracked(|r| r.hits.len())
    };
    // A change of the filters (the visitor's, or Back and Forward) renders the whole list.
    progressive::reveal(shown, total, CARD_BATCH, move || filters.track());
    page
}
