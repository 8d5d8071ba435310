use crate::state::nav;
use leptos::prelude::*;
use podpath_engine::graph::{layout, neighbourhood, NODE_RADIUS};
use podpath_engine::url_state::{encode, UrlState, View};
use podpath_engine::Catalog;
use wasm_bindgen::JsCast;

/// The neighbourhood of a topic: the topic in the middle, related topics around it, and a
/// second ring on demand. Edges are inline SVG; the nodes are real links laid over it, so
/// click, Enter and the arrow keys all work. The layout comes from the engine: the same
/// graph always gives the same picture.
#[component]
pub fn TopicGraph(catalog: &'static Catalog, center: usize) -> impl IntoView {
    let t = crate::i18n::t();
    let nav = nav();
    let focus = crate::state::heading_focus();
    let second = RwSignal::new(false);
    let root = NodeRef::<leptos::html::Div>::new();

    // Arrow keys move between nodes in ring order; Home and End jump to the ends.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let Some(container) = root.get() else { return };
        let Ok(nodes) = container.query_selector_all(".pp-node") else {
            return;
        };
        let count = nodes.length();
        if count == 0 {
            return;
        }
        let active = crate::browser::active_element_near(&container);
        let current = (0..count).find(|&i| {
            nodes
                .item(i)
                .zip(active.clone())
                .is_some_and(|(n, a)| n.is_same_node(Some(&a)))
        });
        let target = match (ev.key().as_str(), current) {
            ("ArrowRight" | "ArrowDown", Some(i)) => (i + 1) % count,
            ("ArrowLeft" | "ArrowUp", Some(i)) => (i + count - 1) % count,
            ("Home", Some(_)) => 0,
            ("End", Some(_)) => count - 1,
            _ => return,
        };
        ev.prevent_default();
        if let Some(el) = nodes
            .item(target)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    };

    let picture = move || {
        let n = neighbourhood(catalog, center, second.get());
        let points = layout(&n);
        // Room for the node labels around the ring: a label is up to 120px wide but at most
        // three lines (about 50px) tall, so less room above and below than at the sides.
        let (pad_x, pad_y) = (NODE_RADIUS + 40.0, NODE_RADIUS + 16.0);
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        for (_, p) in &points {
            min_x = min_x.min(p.x);
            min_y = min_y.min(p.y);
            max_x = max_x.max(p.x);
            max_y = max_y.max(p.y);
        }
        let (x0, y0) = (min_x - pad_x, min_y - pad_y);
        let (w, h) = (max_x - min_x + 2.0 * pad_x, max_y - min_y + 2.0 * pad_y);
        let at = |t: usize| points.iter().find(|(i, _)| *i == t).map(|(_, p)| *p);
        // Integers only: formatting floats would pull ~10 KB of float-printing code into the
        // wasm. Positions are in hundredths of a percent; SVG coordinates in whole units.
        let pct = |v: f64, total: f64| {
            let hundredths = (v / total * 10_000.0).round().clamp(0.0, 10_000.0) as u32;
            format!("{}.{:02}%", hundredths / 100, hundredths % 100)
        };
        let unit = |v: f64| (v.round() as i32).to_string();
        let lines = n
            .edges
            .iter()
            .filter_map(|&(a, b)| Some((at(a)?, at(b)?)))
            .map(|(a, b)| {
                view! { <line x1=unit(a.x) y1=unit(a.y) x2=unit(b.x) y2=unit(b.y) /> }
            })
            .collect_view();
        let nodes = points
            .iter()
            .filter_map(|&(t, p)| catalog.topics.get(t).map(|topic| (t, p, topic)))
            .map(|(t, p, topic)| {
                let state = UrlState {
                    view: View::Topics,
                    topic: Some(topic.id.clone()),
                    ..UrlState::default()
                };
                let href = encode(&state);
                let ring = if t == center {
                    "pp-node pp-node--center"
                } else if n.ring1.contains(&t) {
                    "pp-node"
                } else {
                    "pp-node pp-node--far"
                };
                view! {
                    <a
                        class=ring
                        href=href
                        lang=crate::i18n::catalog_lang()
                        aria-current=(t == center).then_some("page")
                        style:left=pct(p.x - x0, w)
                        style:top=pct(p.y - y0, h)
                        on:click=move |ev| {
                            ev.prevent_default();
                            if t != center {
                                focus.request();
                                nav.go(state.clone(), true);
                            }
                        }
                    >
                        {topic.title.clone()}
                    </a>
                }
            })
            .collect_view();
        view! {
            <div class="pp-graph__canvas" style:aspect-ratio=format!("{} / {}", unit(w), unit(h)) data-nodes=points.len().to_string()>
                <svg class="pp-graph__edges" viewBox=format!("{} {} {} {}", unit(x0), unit(y0), unit(w), unit(h)) preserveAspectRatio="none" aria-hidden="true">
                    {lines}
                </svg>
                {nodes}
            </div>
        }
    };

    view! {
        <figure class="pp-graph" data-testid="topic-graph">
            <div node_ref=root role="group" aria-label=t.graph_label on:keydown=on_keydown>
                {picture}
            </div>
            <figcaption class="pp-graph__caption">
                <span class="pp-muted">{t.graph_hint}</span>
                <button
                    type="button"
                    class="pp-button pp-button--quiet"
                    data-testid="second-ring"
                    aria-pressed=move || second.get().to_string()
                    on:click=move |_| second.update(|s| *s = !*s)
                >
                    {t.graph_second_ring}
                </button>
            </figcaption>
        </figure>
    }
}
