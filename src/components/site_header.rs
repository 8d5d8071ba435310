use crate::state::nav;
use crate::strings;
use leptos::prelude::*;
use podpath_engine::embed::Theme;
use podpath_engine::url_state::{encode, UrlState, View};

/// Product name, promise, and the tabs between the three views. The tabs are real links
/// (`?view=quiz`), so they work with a middle click and without the app's help.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let nav = nav();
    let current = move || nav.get().with(|s| s.view);
    let tab = move |v: View| {
        let href = encode(&UrlState {
            view: v,
            ..UrlState::default()
        });
        let href = if href.is_empty() {
            "?".to_owned()
        } else {
            href
        };
        view! {
            <li>
                <a
                    href=href
                    class="pp-tab"
                    data-testid=format!("tab-{}", v.key())
                    aria-current=move || (current() == v).then_some("page")
                    on:click=move |ev| {
                        ev.prevent_default();
                        if current() != v {
                            nav.go(UrlState { view: v, ..UrlState::default() }, true);
                        }
                    }
                >
                    {strings::view(v)}
                </a>
            </li>
        }
    };
    view! {
        <header class="pp-header">
            <div class="pp-brand">
                <p class="pp-brand__name">{strings::PRODUCT}</p>
                <p class="pp-brand__tagline">{strings::TAGLINE}</p>
            </div>
            <div class="pp-header__end">
                <nav class="pp-tabs" aria-label=strings::NAV_LABEL>
                    <ul>{View::ALL.into_iter().map(tab).collect_view()}</ul>
                </nav>
                // Cycles auto -> light -> dark; kept in the URL like every other setting.
                <button
                    type="button"
                    class="pp-button pp-button--quiet pp-theme"
                    data-testid="theme-toggle"
                    on:click=move |_| nav.update(|s| {
                        s.display.theme = match s.display.theme {
                            Theme::Auto => Theme::Light,
                            Theme::Light => Theme::Dark,
                            Theme::Dark => Theme::Auto,
                        }
                    })
                >
                    {move || strings::theme(nav.get().with(|s| s.display.theme))}
                </button>
            </div>
        </header>
    }
}
