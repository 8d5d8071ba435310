use leptos::prelude::*;

/// The quiz: a few questions, then recommendations that explain themselves.
#[component]
pub fn QuizPage() -> impl IntoView {
    view! { <div class="pp-quiz" data-testid="quiz"></div> }
}
