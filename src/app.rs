//! The app shell: loads the data, reads its state (from the URL or the embedding element),
//! provides context, applies the embedder's display settings, and switches views.

use crate::components::{Deferred, NoticeBar, SiteFooter, SiteHeader};
use crate::dynamic::dynamic;
use crate::frame;
use crate::i18n::{set_page_lang, texts, LangCtx};
use crate::ids::IdScope;
use crate::pages::{BrowsePage, QuizPage, TopicsPage};
use crate::state::{DataCtx, NavCtx, NoticesCtx, UrlSync};
use crate::{browser, data};
use leptos::prelude::*;
use podpath_engine::embed::{accent_for, Theme};
use podpath_engine::lang::negotiate;
use podpath_engine::sorting;
use podpath_engine::url_state::{self, View};

/// Where an instance of the widget lives.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Mount {
    /// A page (or an iframe) of its own: state lives in the URL.
    #[default]
    Page,
    /// Mounted into an element of another page: state comes from its `data-*` attributes
    /// (as a query string) and the host's URL is never touched.
    Element {
        query: String,
        id_prefix: &'static str,
    },
}

/// The whole podpath widget.
#[component]
pub fn App(
    /// Where this instance lives (a page of its own unless given).
    #[prop(optional)]
    mount: Mount,
) -> impl IntoView {
    let loaded = match data::loaded() {
        Ok(loaded) => loaded,
        Err(why) => {
            return view! {
                <div class="podpath">
                    <div class="pp-error" role="alert">
                        <h2>{crate::i18n::t().data_error_title}</h2>
                        <p>{why}</p>
                    </div>
                </div>
            }
            .into_any()
        }
    };
    provide_context(DataCtx(loaded));
    let catalog = loaded.catalog;
    let is_topic = move |id: &str| catalog.topic(id).is_some();
    let is_show = move |id: &str| catalog.show(id).is_some();
    let (query, sync, prefix) = match &mount {
        Mount::Page if browser::in_frame() => {
            (browser::location_search(), UrlSync::ReplaceOnly, "pp")
        }
        Mount::Page => (browser::location_search(), UrlSync::Full, "pp"),
        Mount::Element { query, id_prefix } => (query.clone(), UrlSync::Off, *id_prefix),
    };
    provide_context(IdScope(prefix));
    let mut decoded = url_state::decode(&query, &is_topic, &is_show);
    // The shows this device follows are the visitor's own: a link's (someone else's, or an old
    // bookmark's) only count where the device keeps none, or cannot keep any (a frame).
    if let Some(saved) = crate::storage::get(crate::storage::FOLLOWS_KEY) {
        decoded.state.follows = saved
            .split(',')
            .filter(|id| is_show(id))
            .map(|id| podpath_engine::ShowId(id.to_owned()))
            .collect();
        sorting::sort(&mut decoded.state.follows);
        decoded.state.follows.dedup();
    }
    let nav = RwSignal::new(decoded.state);
    // The language asked for (URL or element), else the browser's, else English; every view
    // below renders from its table, and a switch renders them again.
    let preferred = browser::preferred_languages();
    let lang = Memo::new(move |_| {
        negotiate(
            nav.with(|s| s.display.lang),
            preferred.iter().map(String::as_str),
        )
    });
    let notices = NoticesCtx(RwSignal::new(Vec::new()));
    let display = Memo::new(move |_| nav.with(|s| s.display.clone()));
    // The accent, where it stays readable on the theme's background (with its text colour),
    // and the accent asked for that does not.
    let accent = Memo::new(move |_| {
        let d = display.get();
        let dark = match d.theme {
            Theme::Dark => true,
            Theme::Light => false,
            Theme::Auto => browser::prefers_dark(),
        };
        d.accent.map(|a| accent_for(a, dark).ok_or(a))
    });
    // The link's notice lines: its ignored parameters and an unreadable accent, in the
    // widget's language.
    let ignored = RwSignal::new(decoded.ignored);
    let link_lines = move |lang| {
        let t = texts(lang);
        let mut lines = ignored.with(|i| i.iter().map(|x| t.ignored(x)).collect::<Vec<_>>());
        if let Some(Err(a)) = accent.get() {
            lines.push(format!("{} {}", t.accent_ignored, a.hex()));
        }
        lines
    };
    // In the first render already (no notice arriving later to push the page down), and again
    // when the language or the URL changes.
    notices.set_link(link_lines(lang.get_untracked()));
    Effect::new(move |_| {
        notices.set_link(link_lines(lang.get()));
    });
    provide_context(NavCtx(nav, sync));
    let heading_focus = crate::state::HeadingFocus::new();
    provide_context(heading_focus);
    provide_context(crate::state::ChosenApp::load());
    provide_context(crate::state::EmbedOpen(RwSignal::new(false)));
    provide_context(notices);

    if sync != UrlSync::Off {
        // Back and forward restore the view the URL describes.
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            // A URL write still waiting from typing must not overwrite the restored entry.
            browser::cancel_pending_query();
            let mut decoded = url_state::decode(&browser::location_search(), &is_topic, &is_show);
            // Back goes to another view, not to the shows followed before.
            decoded.state.follows = nav.with_untracked(|s| s.follows.clone());
            nav.set(decoded.state);
            ignored.set(decoded.ignored);
        });
        on_cleanup(move || handle.remove());
    }

    let root = NodeRef::<leptos::html::Div>::new();
    if sync == UrlSync::ReplaceOnly {
        frame::connect(root, nav);
    }
    // A view the reader asked for (a tab, the quiz's results, "Browse with these filters", a
    // topic) brings its heading into sight with the focus on it. Only then: a first render,
    // Back or a language switch never moves focus, and an embed never takes the host's.
    Effect::new(move |_| {
        nav.track();
        if heading_focus.take() {
            // After the new view has replaced the old one (whose heading may still be there),
            // and after the start-up jobs still queued (a view can open before they ran).
            crate::progressive::later(move || {
                if let Some(root) = root.get_untracked() {
                    browser::show_heading(&root);
                }
            });
        }
    });
    Effect::new(move |_| {
        let Some(Ok((accent, text))) = accent.get() else {
            return;
        };
        let Some(el) = root.get() else { return };
        let style = web_sys::HtmlElement::style(&el);
        let _ = style.set_property("--podpath-accent", &accent.hex());
        let _ = style.set_property("--podpath-focus", &accent.hex());
        let _ = style.set_property("--podpath-accent-text", &text.hex());
    });

    if sync != UrlSync::Off {
        // podpath's own page (or frame) speaks the widget's language in its title too.
        Effect::new(move |_| set_page_language(texts(lang.get())));
    }

    let view = Memo::new(move |_| nav.with(|s| s.view));
    view! {
        <div
            class="podpath"
            node_ref=root
            lang=dynamic(move || lang.get().key())
            class:podpath--compact=dynamic(move || display.with(|d| d.compact))
            class:podpath--bare=dynamic(move || display.with(|d| d.hide_header))
            data-theme=move || match display.with(|d| d.theme) {
                Theme::Auto => None,
                t => Some(t.key()),
            }
        >
            {move || {
                let lang = lang.get();
                provide_context(LangCtx(lang));
                set_page_lang(lang);
                view! {
                    <SiteHeader />
                    <NoticeBar />
                    <main class="pp-main" id=crate::ids::id("main")>
                        // The header paints first; the view follows in a task of its own.
                        <Deferred>
                            {move || match view.get() {
                                View::Browse => view! { <BrowsePage /> }.into_any(),
                                View::Quiz => view! { <QuizPage /> }.into_any(),
                                View::Topics => view! { <TopicsPage /> }.into_any(),
                            }}
                        </Deferred>
                    </main>
                    <Deferred last=true>
                        <SiteFooter />
                    </Deferred>
                }
            }}
        </div>
    }
    .into_any()
}

/// Puts the page's title, description and `lang` in the widget's language (podpath's own page).
fn set_page_language(t: &crate::i18n::Texts) {
    let document = gloo::utils::document();
    document.set_title(t.page_title);
    // Only a change: setting `lang` at all, even to the same value, has the browser match
    // `:lang()` again on the whole page and lay out the pre-rendered screen anew (about 20 ms
    // on a slow phone, before the app can answer).
    if let Some(html) = document
        .document_element()
        .filter(|html| html.get_attribute("lang").as_deref() != Some(t.lang.key()))
    {
        let _ = html.set_attribute("lang", t.lang.key());
    }
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", t.page_description);
    }
}
