use crate::dynamic::dynamic;
use crate::i18n::Question;
use leptos::prelude::*;

/// One quiz question as a group of large radio cards. Native radios give the expected
/// keyboard behaviour: Tab into the group, arrow keys to choose.
#[component]
pub fn RadioGroup(
    /// Form name and id prefix, unique on the page.
    name: &'static str,
    /// The question and its options.
    question: &'static Question,
    /// Whether the legend is the step's main heading (`h2`) or a sub-question.
    #[prop(optional)]
    sub: bool,
    /// The chosen option's key.
    #[prop(into)]
    selected: Signal<Option<&'static str>>,
    /// Called with the key of the option chosen.
    on_pick: Callback<&'static str>,
) -> impl IntoView {
    let legend = if sub {
        view! { <span class="pp-quiz__sub">{question.title}</span> }.into_any()
    } else {
        view! { <h2 class="pp-quiz__title" id=crate::ids::id("q-title") tabindex="-1" data-pp-heading="">{question.title}</h2> }
            .into_any()
    };
    view! {
        <fieldset class="pp-quiz__group" data-testid=format!("q-{name}")>
            <legend>{legend}</legend>
            <div class="pp-options">
                {question
                    .options
                    .iter()
                    .map(|&(key, label)| {
                        let id = crate::ids::id(&format!("{name}-{key}"));
                        view! {
                            <div class="pp-option">
                                <input
                                    type="radio"
                                    name=name
                                    id=id.clone()
                                    value=key
                                    prop:checked=dynamic(move || selected.get() == Some(key))
                                    on:change=move |_| on_pick.run(key)
                                />
                                <label for=id>{label}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}
