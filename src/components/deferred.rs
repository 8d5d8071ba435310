use crate::progressive;
use leptos::prelude::*;

/// During start-up, renders its children in a later task (see `progressive`), so the first
/// render stays short: for whatever comes after the first thing a reader sees. Afterwards
/// renders them at once.
#[component]
pub fn Deferred(
    /// Wait for every other queued part too (for what sits below all of them).
    #[prop(optional)]
    last: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let ready = RwSignal::new(!progressive::starting());
    if !ready.get_untracked() {
        let show = move || {
            ready.try_set(true);
        };
        if last {
            progressive::last(show);
        } else {
            progressive::later(show);
        }
    }
    move || ready.get().then(|| children())
}
