use crate::dynamic::dynamic;
use crate::state::nav;
use leptos::prelude::*;
use podpath_engine::Show;

/// "I follow this show": marks or unmarks a show by hand, on every card and pick.
#[component]
pub fn FollowToggle(show: &'static Show) -> impl IntoView {
    let nav = nav();
    view! {
        <label class="pp-follow">
            <input
                type="checkbox"
                data-testid="follow"
                prop:checked=dynamic(move || nav.follows(&show.id))
                on:change=move |ev| {
                    // The quiz's results are worked out again without the show (it moves to
                    // "Already in your app"): the focus goes with it.
                    let root = crate::browser::widget_of(&ev);
                    nav.toggle_follow(&show.id);
                    if let Some(root) = root {
                        // Where the show is no longer listed (unmarked in the quiz's step, or
                        // not picked again), the view's heading takes the focus.
                        let selector = format!("[data-show=\"{}\"] [data-testid=follow]", show.id);
                        crate::progressive::later(move || {
                            if !crate::browser::focus_in(&root, &selector) {
                                crate::browser::focus_in(&root, "[data-pp-heading]");
                            }
                        });
                    }
                }
            />
            {crate::i18n::t().follow_label}
        </label>
    }
}
