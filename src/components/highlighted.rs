use leptos::prelude::*;
use podpath_engine::search::{Highlighter, Term};

/// Text with the words that match the search wrapped in `<mark>`. Every run is a text node:
/// catalog text is never parsed as HTML.
#[component]
pub fn Highlighted(
    /// The text to show.
    text: String,
    /// The current search terms.
    #[prop(into)]
    terms: Signal<Vec<Term>>,
) -> impl IntoView {
    let prepared = Highlighter::new(&text);
    move || {
        terms.with(|t| {
            prepared
                .segments(t)
                .into_iter()
                .map(|(run, marked)| {
                    let run = run.to_owned();
                    if marked {
                        view! { <mark>{run}</mark> }.into_any()
                    } else {
                        run.into_any()
                    }
                })
                .collect_view()
        })
    }
}
