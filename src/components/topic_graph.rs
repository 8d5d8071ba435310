use crate::dynamic::dynamic;
use crate::state::nav;
use leptos::prelude::*;
use podpath_engine::graph::neighbourhood;
use podpath_engine::map::{layout, Frame, MapLayout};
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
        // One layout per design (narrow, wide; see podpath_engine::map): the CSS shows the one
        // that fits the map's width, so labels never overlap from phones to desktops.
        let [narrow, wide] = Frame::ALL.map(|f| layout(catalog, &n, f));
        // Integers only: formatting floats would pull ~10 KB of float-printing code into the
        // wasm. Positions across are in hundredths of a percent; down and in SVG, whole px.
        let pct = |v: f64, total: f64| {
            let hundredths = (v / total * 10_000.0).round().clamp(0.0, 10_000.0) as u32;
            format!("{}.{:02}%", hundredths / 100, hundredths % 100)
        };
        let unit = |v: f64| (v.round() as i32).to_string();
        let px = |v: f64| format!("{}px", unit(v));
        let edges = |map: &MapLayout, class: &'static str| {
            let lines = n
                .edges
                .iter()
                .filter_map(|&(a, b)| Some((map.at(a)?, map.at(b)?)))
                .map(|(a, b)| {
                    view! { <line x1=unit(a.x) y1=unit(a.y) x2=unit(b.x) y2=unit(b.y) /> }
                })
                .collect_view();
            view! {
                <svg class=class viewBox=format!("0 0 {} {}", unit(map.width), unit(map.height)) preserveAspectRatio="none" aria-hidden="true">
                    {lines}
                </svg>
            }
        };
        let nodes = narrow
            .nodes
            .iter()
            .filter_map(|p| Some((p.topic, p, wide.at(p.topic)?, catalog.topics.get(p.topic)?)))
            .map(|(t, p, q, topic)| {
                // Custom properties through the CSSOM (`style:`), never a style attribute: the
                // page's CSP allows no inline style.
                let (x, y, wide_x, wide_y) = (
                    pct(p.x, narrow.width),
                    px(p.y),
                    pct(q.x, wide.width),
                    px(q.y),
                );
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
                        style:--pp-x=x
                        style:--pp-y=y
                        style:--pp-wide-x=wide_x
                        style:--pp-wide-y=wide_y
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
            <div class="pp-graph__canvas" style:--pp-h=px(narrow.height) style:--pp-wide-h=px(wide.height) data-nodes=narrow.nodes.len().to_string()>
                {edges(&narrow, "pp-graph__edges pp-graph__edges--narrow")}
                {edges(&wide, "pp-graph__edges pp-graph__edges--wide")}
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
                <span class="pp-muted" data-testid="graph-legend">{t.graph_legend} " " {t.graph_hint}</span>
                <button
                    type="button"
                    class="pp-button pp-button--quiet"
                    data-testid="second-ring"
                    aria-pressed=dynamic(move || second.get().to_string())
                    on:click=move |_| second.update(|s| *s = !*s)
                >
                    {t.graph_second_ring}
                </button>
            </figcaption>
        </figure>
    }
}
