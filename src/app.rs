//! The app shell: loads the data, reads the URL, provides context, and switches views.

use crate::components::{NoticeBar, SiteFooter, SiteHeader};
use crate::pages::{BrowsePage, QuizPage, TopicsPage};
use crate::state::{DataCtx, NavCtx, NoticesCtx};
use crate::{browser, data, strings};
use leptos::prelude::*;
use podpath_engine::url_state::{self, View};

/// The whole podpath widget.
#[component]
pub fn App() -> impl IntoView {
    let loaded = match data::loaded() {
        Ok(loaded) => loaded,
        Err(why) => {
            return view! {
                <div class="podpath">
                    <div class="pp-error" role="alert">
                        <h2>{strings::DATA_ERROR_TITLE}</h2>
                        <p>{why}</p>
                    </div>
                </div>
            }
            .into_any()
        }
    };
    provide_context(DataCtx(loaded));
    let catalog = &loaded.catalog;
    let is_topic = move |id: &str| catalog.topic(id).is_some();
    let decoded = url_state::decode(&browser::location_search(), &is_topic);
    let nav = RwSignal::new(decoded.state);
    let notices = RwSignal::new(decoded.ignored);
    provide_context(NavCtx(nav));
    provide_context(NoticesCtx(notices));

    // Back and forward restore the view the URL describes.
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let decoded = url_state::decode(&browser::location_search(), &is_topic);
        nav.set(decoded.state);
        if !decoded.ignored.is_empty() {
            notices.set(decoded.ignored);
        }
    });
    on_cleanup(move || handle.remove());

    let view = Memo::new(move |_| nav.with(|s| s.view));
    view! {
        <div class="podpath">
            <SiteHeader />
            <NoticeBar />
            <main class="pp-main" id="pp-main">
                {move || match view.get() {
                    View::Browse => view! { <BrowsePage /> }.into_any(),
                    View::Quiz => view! { <QuizPage /> }.into_any(),
                    View::Topics => view! { <TopicsPage /> }.into_any(),
                }}
            </main>
            <SiteFooter />
        </div>
    }
    .into_any()
}
