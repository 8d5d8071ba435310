use crate::dynamic::dynamic;
use crate::state::{notices, Notice, NoticeKind};
use leptos::prelude::*;

/// How many lines one group lists before "and N more".
const LINES_PER_GROUP: usize = 4;

/// A small dismissable notice about input that was not used, grouped by kind, each group
/// under a heading that says what happened. Announced politely to screen readers.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let t = crate::i18n::t();
    let notices = notices().0;
    let groups = move || {
        notices.with(|all| {
            NoticeKind::ALL
                .into_iter()
                .filter_map(|kind| {
                    let lines: Vec<String> = all
                        .iter()
                        .filter(|n| n.kind == kind)
                        .map(|n: &Notice| n.text.clone())
                        .collect();
                    (!lines.is_empty()).then_some((kind, lines))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div role="status" aria-live="polite" class="pp-notice-slot">
            <Show when=dynamic(move || notices.with(|n| !n.is_empty()))>
                <div class="pp-notice" data-testid="notice">
                    {move || groups().into_iter().map(|(kind, lines)| {
                        let more = lines.len().saturating_sub(LINES_PER_GROUP);
                        view! {
                            <div class="pp-notice__group" data-kind=crate::i18n::notice_kind_key(kind)>
                                <p class="pp-notice__heading">{t.notice_heading(kind)}</p>
                                <ul>
                                    {lines.into_iter().take(LINES_PER_GROUP).map(|l| view! { <li>{l}</li> }).collect_view()}
                                    {(more > 0).then(|| view! { <li>{(t.and_more)(more)}</li> })}
                                </ul>
                            </div>
                        }
                    }).collect_view()}
                    <button type="button" class="pp-button pp-button--quiet" on:click=move |_| notices.set(Vec::new())>
                        {t.dismiss}
                    </button>
                </div>
            </Show>
        </div>
    }
}
