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
) -> impl IntoView {
    // Rows are keyed by value so a checkbox keeps focus while counts change around it.
    let keys =
        Memo::new(move |_| options.with(|o| o.iter().map(|x| x.key.clone()).collect::<Vec<_>>()));
    view! {
        <fieldset class="pp-facet" data-testid=format!("facet-{id}")>
            <legend>{legend}</legend>
            <For each=move || keys.get() key=|k| k.clone() let(key)>
                {
                    let k = key.clone();
                    let opt = move || options.with(|o| o.iter().find(|x| x.key == k).cloned());
                    let opt = Memo::new(move |_| opt());
                    let input_id = format!("pp-{id}-{key}");
                    let checked = move || opt.with(|o| o.as_ref().is_some_and(|o| o.checked));
                    let count = move || opt.with(|o| o.as_ref().map_or(0, |o| o.count));
                    let toggle_key = key.clone();
                    view! {
                        <div class="pp-check" class:pp-check--empty=move || count() == 0 && !checked()>
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                data-key=key.clone()
                                prop:checked=checked
                                disabled=move || count() == 0 && !checked()
                                on:change=move |_| on_toggle.run(toggle_key.clone())
                            />
                            <label for=input_id>
                                <span>{move || opt.with(|o| o.as_ref().map(|o| o.label.clone()).unwrap_or_default())}</span>
                                <span class="pp-count">{count}</span>
                            </label>
                        </div>
                    }
                }
            </For>
        </fieldset>
    }
}
