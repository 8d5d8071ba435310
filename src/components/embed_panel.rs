use crate::browser;
use crate::state::nav;
use leptos::prelude::*;
use podpath_engine::url_state::View;

/// "Embed this": the iframe and script snippets for the current view and settings, ready to
/// copy into a blog post.
#[component]
pub fn EmbedPanel() -> impl IntoView {
    let t = crate::i18n::t();
    let nav = nav();
    let open = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let snippets = move || {
        let state = nav.get().get();
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
        // A language chosen for this widget travels with the snippet, as it does in the iframe's URL.
        if let Some(lang) = state.display.lang {
            attrs.push_str(&format!(" lang=\"{}\"", lang.key()));
        }
        let element = format!("<podpath-finder {attrs}></podpath-finder>\n<script type=\"module\" src=\"{base}loader.js\"></script>");
        (iframe, element)
    };
    let copy = move |text: String| {
        browser::copy_reporting(text, status);
    };
    view! {
        <button
            type="button"
            class="pp-button pp-button--quiet pp-footer__embed"
            data-testid="embed-toggle"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {t.embed_this}
        </button>
        <Show when=move || open.get()>
            <section class="pp-embed" data-testid="embed-panel" aria-label=t.embed_this>
                <p>{t.embed_intro}</p>
                <h3>{t.embed_iframe}</h3>
                <textarea readonly aria-label=t.embed_iframe data-testid="embed-iframe" prop:value=move || snippets().0></textarea>
                <button type="button" class="pp-button pp-button--quiet" on:click=move |_| copy(snippets().0)>{t.copy_snippet}</button>
                <h3>{t.embed_script}</h3>
                <textarea readonly aria-label=t.embed_script data-testid="embed-script" prop:value=move || snippets().1></textarea>
                <button type="button" class="pp-button pp-button--quiet" on:click=move |_| copy(snippets().1)>{t.copy_snippet}</button>
                <p role="status" aria-live="polite">{move || status.get()}</p>
            </section>
        </Show>
    }
}
