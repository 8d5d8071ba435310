use crate::browser;
use crate::dynamic::dynamic;
use crate::state::nav;
use leptos::prelude::*;
use podpath_engine::embed::Theme;
use podpath_engine::lang::Lang;
use podpath_engine::url_state::{UrlState, View};

/// "Embed this": settings for the widget a blogger wants (view, compact, header, theme,
/// language), a live preview of it, and the iframe and script snippets, ready to copy. Opened
/// from the footer's button or the header's (see `SiteHeader`).
#[component]
pub fn EmbedPanel() -> impl IntoView {
    let t = crate::i18n::t();
    let nav = nav();
    let open = crate::state::embed_open();
    let status = RwSignal::new(String::new());
    // What the panel shows, from its settings: made each time it opens, from what the visitor
    // is looking at then, so typing on behind it neither changes the snippets nor reloads the
    // preview. One signal of the type the app already uses for its state: each new signal type
    // adds its own copy of the reactive machinery to the bundle.
    let settings = RwSignal::new(UrlState::default());
    let snippets = move || {
        let state = settings.get();
        let base = browser::widget_base();
        let src = nav.share_url(&state);
        let iframe = format!(
            "<iframe data-podpath-frame src=\"{src}\" title=\"{}\" loading=\"lazy\" style=\"width:100%;border:0;min-height:640px\"></iframe>\n<script src=\"{base}embed.js\" defer></script>",
            t.embed_frame_title
        );
        let mut attrs = format!("view=\"{}\"", state.view.key());
        if let (View::Topics, Some(t)) = (state.view, &state.topic) {
            attrs.push_str(&format!(" topic=\"{t}\""));
        }
        attrs.push_str(&format!(" theme=\"{}\"", state.display.theme.key()));
        if state.display.compact {
            attrs.push_str(" compact=\"1\"");
        }
        if state.display.hide_header {
            attrs.push_str(" header=\"0\"");
        }
        // A language chosen for this widget travels with the snippet, as it does in the iframe's URL.
        if let Some(lang) = state.display.lang {
            attrs.push_str(&format!(" lang=\"{}\"", lang.key()));
        }
        // The link inside the element shows only when podpath cannot load there (its files
        // blocked or refused): the shadow root podpath mounts into hides it otherwise.
        let element = format!(
            "<podpath-finder {attrs}><a href=\"{src}\">{}</a></podpath-finder>\n<script type=\"module\" src=\"{base}loader.js\"></script>",
            state.display.lang.map_or(t, crate::i18n::texts).embed_fallback
        );
        (iframe, element, src)
    };
    let copy = move |text: String, what: &'static str| {
        crate::clipboard::copy_reporting_as(text, status, (t.embed_copied)(what));
    };
    // A preview is an iframe of podpath's own page: only where podpath is that page.
    let preview = nav.1 == crate::state::UrlSync::Full;
    let title_id = crate::ids::id("embed-title");
    view! {
        <button
            type="button"
            class="pp-button pp-button--quiet pp-footer__embed"
            data-testid="embed-toggle"
            aria-expanded=dynamic(move || open.0.get().to_string())
            on:click=move |_| open.0.update(|o| *o = !*o)
        >
            {t.embed_this}
        </button>
        <Show when=dynamic(move || open.0.get())>
            {settings.set(nav.get().get_untracked())}
            <section class="pp-embed" data-testid="embed-panel" aria-labelledby=title_id.clone()>
                <h2 id=title_id.clone() tabindex="-1" data-pp-embed-heading="">{t.embed_this}</h2>
                <p>{t.embed_intro}</p>
                <fieldset class="pp-embed__settings">
                    <legend>{t.embed_settings}</legend>
                    <label>
                        <span>{t.embed_view}</span>
                        <select class="pp-input" data-testid="embed-view" on:change:target=move |ev| {
                            if let Some(v) = View::ALL.into_iter().find(|v| v.key() == ev.target().value()) {
                                // The view as the visitor has it, or a fresh one of another view.
                                let current = nav.get().get_untracked();
                                settings.update(|s| {
                                    let display = s.display.clone();
                                    *s = if current.view == v {
                                        current
                                    } else {
                                        UrlState { view: v, ..UrlState::default() }
                                    };
                                    s.display = display;
                                });
                            }
                        }>
                            {View::ALL.into_iter().map(|v| view! {
                                <option value=v.key() selected=settings.with_untracked(|s| s.view == v)>{t.view(v)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="pp-embed__check">
                        <input type="checkbox" data-testid="embed-compact" checked=settings.with_untracked(|s| s.display.compact)
                            on:change:target=move |ev| settings.update(|s| s.display.compact = ev.target().checked()) />
                        <span>{t.embed_compact}</span>
                    </label>
                    <label class="pp-embed__check">
                        <input type="checkbox" data-testid="embed-header" checked=settings.with_untracked(|s| !s.display.hide_header)
                            on:change:target=move |ev| settings.update(|s| s.display.hide_header = !ev.target().checked()) />
                        <span>{t.embed_header}</span>
                    </label>
                    <label>
                        <span>{t.embed_theme}</span>
                        <select class="pp-input" data-testid="embed-theme" on:change:target=move |ev| {
                            if let Some(th) = Theme::from_key(&ev.target().value()) {
                                settings.update(|s| s.display.theme = th);
                            }
                        }>
                            {[Theme::Auto, Theme::Light, Theme::Dark].into_iter().zip(t.themes).map(|(th, label)| view! {
                                <option value=th.key() selected=settings.with_untracked(|s| s.display.theme == th)>{label}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{t.language_label}</span>
                        <select class="pp-input" data-testid="embed-lang" on:change:target=move |ev| {
                            let lang = Lang::from_tag(&ev.target().value());
                            settings.update(|s| s.display.lang = lang);
                        }>
                            <option value="" selected=settings.with_untracked(|s| s.display.lang.is_none())>{t.embed_lang_auto}</option>
                            {Lang::ALL.into_iter().map(|l| view! {
                                <option value=l.key() selected=settings.with_untracked(|s| s.display.lang == Some(l))>{crate::i18n::texts(l).language_name}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </fieldset>
                <h3>{t.embed_iframe}</h3>
                <textarea readonly aria-label=t.embed_iframe data-testid="embed-iframe" prop:value=dynamic(move || snippets().0)></textarea>
                <button type="button" class="pp-button pp-button--quiet" data-testid="copy-iframe" on:click=move |_| copy(snippets().0, t.embed_iframe)>{t.copy_snippet}</button>
                <h3>{t.embed_script}</h3>
                <textarea readonly aria-label=t.embed_script data-testid="embed-script" prop:value=dynamic(move || snippets().1)></textarea>
                <button type="button" class="pp-button pp-button--quiet" data-testid="copy-script" on:click=move |_| copy(snippets().1, t.embed_script)>{t.copy_snippet}</button>
                <p class="pp-muted" data-testid="embed-host-notes">{t.embed_host_notes}</p>
                <p role="status" aria-live="polite" data-testid="embed-status">{dynamic(move || status.get())}</p>
                {preview.then(|| view! {
                    <h3>{t.embed_preview}</h3>
                    <iframe class="pp-embed__preview" data-testid="embed-preview" title=t.embed_preview src=dynamic(move || snippets().2)></iframe>
                })}
            </section>
        </Show>
    }
}
