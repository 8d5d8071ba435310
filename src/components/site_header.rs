use crate::dynamic::dynamic;
use crate::state::nav;
use leptos::prelude::*;
use podpath_engine::embed::Theme;
use podpath_engine::lang::Lang;
use podpath_engine::url_state::{encode, UrlState, View};

/// Product name, promise, and the tabs between the three views. The tabs are real links
/// (`?view=quiz`), so they work with a middle click and without the app's help.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let t = crate::i18n::t();
    let nav = nav();
    let heading_focus = crate::state::heading_focus();
    let embed = crate::state::embed_open();
    let current = move || nav.get().with(|s| s.view);
    let tab = move |v: View| {
        // The widget's display settings (language, theme) travel with the link.
        let href = encode(&UrlState {
            view: v,
            display: nav.0.with_untracked(|s| s.display.clone()),
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
                    aria-current=dynamic(move || (current() == v).then_some("page"))
                    on:click=move |ev| {
                        ev.prevent_default();
                        if current() != v {
                            heading_focus.request();
                            nav.go(UrlState { view: v, ..UrlState::default() }, true);
                        }
                    }
                >
                    {t.view(v)}
                </a>
            </li>
        }
    };
    view! {
        <header class="pp-header">
            <div class="pp-brand">
                <p class="pp-brand__name">{crate::i18n::PRODUCT}</p>
                <p class="pp-brand__tagline">{t.tagline}</p>
            </div>
            <div class="pp-header__end">
                <nav class="pp-tabs" aria-label=t.nav_label>
                    <ul>{View::ALL.into_iter().map(tab).collect_view()}</ul>
                </nav>
                // The Embed panel lives in the footer; a blogger finds it from here too.
                <button
                    type="button"
                    class="pp-button pp-button--quiet pp-header__embed"
                    data-testid="embed-open"
                    on:click=move |ev| {
                        embed.0.set(true);
                        let root = crate::browser::widget_of(&ev);
                        // Once the panel has rendered (the footer may still be queued).
                        crate::progressive::later(move || {
                            if let Some(root) = root {
                                crate::browser::show_in_sight(&root, "[data-pp-embed-heading]");
                            }
                        });
                    }
                >
                    {t.embed_short}
                </button>
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
                    {dynamic(move || t.theme(nav.get().with(|s| s.display.theme)))}
                </button>
                // Each language named in itself; the choice lives in the URL (`lang=`).
                <label class="pp-lang">
                    <span class="pp-sr-only">{t.language_label}</span>
                    <select
                        class="pp-input"
                        data-testid="lang-switch"
                        on:change:target=move |ev| {
                            if let Some(lang) = Lang::from_tag(&ev.target().value()) {
                                // The widget renders again in the new language: the reader's
                                // focus goes back to the switch in it.
                                let root = ev.target().closest(".podpath").ok().flatten();
                                nav.update(|s| s.display.lang = Some(lang));
                                set_timeout(
                                    move || {
                                        if let Some(root) = root {
                                            crate::browser::focus_in(&root, "[data-testid=lang-switch]");
                                        }
                                    },
                                    std::time::Duration::ZERO,
                                );
                            }
                        }
                    >
                        {Lang::ALL.into_iter().map(|lang| view! {
                            <option value=lang.key() lang=lang.key() selected=lang == t.lang>
                                {crate::i18n::texts(lang).language_name}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
        </header>
    }
}
