use crate::state::NoticesCtx;
use crate::strings;
use leptos::prelude::*;

/// A small dismissable notice listing input that was ignored (a malformed shared link,
/// unreadable saved data). Announced politely to screen readers.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let notices = expect_context::<NoticesCtx>().0;
    view! {
        <div role="status" aria-live="polite" class="pp-notice-slot">
            <Show when=move || notices.with(|n| !n.is_empty())>
                <div class="pp-notice" data-testid="notice">
                    <p>{strings::NOTICE_IGNORED}</p>
                    <ul>
                        {move || {
                            notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()
                        }}
                    </ul>
                    <button type="button" class="pp-button pp-button--quiet" on:click=move |_| notices.set(Vec::new())>
                        {strings::DISMISS}
                    </button>
                </div>
            </Show>
        </div>
    }
}
