use crate::dynamic::dynamic;
use leptos::prelude::*;

/// One value of a facet with its live count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetOption {
    pub key: String,
    pub label: String,
    pub count: usize,
    pub checked: bool,
}

/// A group of checkboxes for one facet. A value that would leave nothing is disabled but
/// stays visible, so the visitor sees it exists; a checked value is never disabled, so it
/// can always be unticked.
#[component]
pub fn FacetGroup(
    /// The group's visible name.
    legend: &'static str,
    /// Stable id prefix for the inputs.
    id: &'static str,
    /// The values, in display order, with counts.
    #[prop(into)]
    options: Signal<Vec<FacetOption>>,
    /// Called with a value's key when it is ticked or unticked.
    on_toggle: Callback<String>,
    /// Show only this many values (plus ticked ones) until "show all" is pressed.
    #[prop(optional)]
    limit: Option<usize>,
    /// A line under the legend that says what the counts count.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The values are catalog text (topic titles), which stays English.
    #[prop(optional)]
    catalog_values: bool,
) -> impl IntoView {
    let t = crate::i18n::t();
    let value_lang = if catalog_values {
        crate::i18n::catalog_lang()
    } else {
        None
    };
    let hint_id = crate::ids::id(&format!("{id}-hint"));
    let described_by = hint.map(|_| hint_id.clone());
    let expanded = RwSignal::new(false);
    // Rows are keyed by value so a checkbox keeps focus while counts change around it.
    let keys = Memo::new(move |_| {
        let cap = if expanded.get() { None } else { limit };
        options.with(|o| {
            o.iter()
                .enumerate()
                .filter(|(i, x)| cap.is_none_or(|c| *i < c) || x.checked)
                .map(|(_, x)| x.key.clone())
                .collect::<Vec<_>>()
        })
    });
    let hidden = move || {
        options
            .with(|o| o.len())
            .saturating_sub(keys.with(Vec::len))
    };
    view! {
        <fieldset class="pp-facet" data-testid=format!("facet-{id}") aria-describedby=described_by>
            <legend>{legend}</legend>
            {hint.map(|h| view! { <p class="pp-facet__hint" id=hint_id>{h}</p> })}
            <For each=move || keys.get() key=|k| k.clone() let(key)>
                {
                    let k = key.clone();
                    let opt = move || options.with(|o| o.iter().find(|x| x.key == k).cloned());
                    let opt = Memo::new(move |_| opt());
                    let input_id = crate::ids::id(&format!("{id}-{key}"));
                    let checked = move || opt.with(|o| o.as_ref().is_some_and(|o| o.checked));
                    let count = move || opt.with(|o| o.as_ref().map_or(0, |o| o.count));
                    let toggle_key = key.clone();
                    view! {
                        <div class="pp-check" class:pp-check--empty=dynamic(move || count() == 0 && !checked())>
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                data-key=key.clone()
                                prop:checked=checked
                                disabled=dynamic(move || count() == 0 && !checked())
                                on:change=move |_| on_toggle.run(toggle_key.clone())
                            />
                            <label for=input_id>
                                <span lang=value_lang>{dynamic(move || opt.with(|o| o.as_ref().map(|o| o.label.clone()).unwrap_or_default()))}</span>
                                <span class="pp-count">{count}</span>
                            </label>
                        </div>
                    }
                }
            </For>
            {move || limit.filter(|_| expanded.get() || hidden() > 0).map(|_| {
                let label = if expanded.get() {
                    t.show_fewer.to_owned()
                } else {
                    format!("{} ({})", t.show_all, hidden())
                };
                view! {
                    <button
                        type="button"
                        class="pp-button pp-button--quiet pp-facet__more"
                        aria-expanded=dynamic(move || expanded.get().to_string())
                        on:click=move |_| expanded.update(|e| *e = !*e)
                    >
                        {label}
                    </button>
                }
            })}
        </fieldset>
    }
}
