//! App-wide state handed down through context, wrapped in newtypes so contexts cannot collide.

use crate::browser;
use crate::data::Loaded;
use leptos::prelude::*;
use podpath_engine::listen::App;
use podpath_engine::sorting;
use podpath_engine::url_state::{self, UrlState};
use podpath_engine::ShowId;

/// The loaded catalog and search index.
#[derive(Clone, Copy)]
pub struct DataCtx(pub &'static Loaded);

/// How a widget keeps its state in the address bar.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UrlSync {
    /// A page of its own: views are history entries, so Back works.
    Full,
    /// Inside an iframe: the URL is kept current but no history entry is added, so the host
    /// page's Back button is not taken over.
    ReplaceOnly,
    /// Mounted into someone else's page: the host's URL is never touched.
    Off,
}

/// A link the reader followed asked for focus to move to the heading of the page it opens
/// (the link itself is gone with the page it was on). Per widget; taken once.
#[derive(Clone, Copy)]
pub struct HeadingFocus(StoredValue<bool>);

impl HeadingFocus {
    pub fn new() -> Self {
        HeadingFocus(StoredValue::new(false))
    }

    pub fn request(&self) {
        self.0.set_value(true);
    }

    /// Whether a request was waiting; clears it.
    pub fn take(&self) -> bool {
        self.0.try_update_value(std::mem::take).unwrap_or(false)
    }
}

/// The app the visitor listens with, remembered on the device where storage allows (else for
/// this visit): every card's and pick's "Listen" opens it. Kept as its key in a string signal
/// (a type the app already has, so no new copy of the reactive code).
#[derive(Clone, Copy)]
pub struct ChosenApp(pub RwSignal<String>);

impl ChosenApp {
    pub fn load() -> Self {
        ChosenApp(RwSignal::new(
            crate::storage::get(crate::storage::APP_KEY).unwrap_or_default(),
        ))
    }

    pub fn get(&self) -> Option<App> {
        self.0.with(|k| App::from_key(k))
    }

    /// Remembers `app`.
    pub fn set(&self, app: App) {
        crate::storage::set(crate::storage::APP_KEY, app.key());
        self.0.set(app.key().to_owned());
    }
}

/// The widget's chosen app; a card rendered on its own (outside `App`) reads the device's.
pub fn chosen_app() -> ChosenApp {
    use_context::<ChosenApp>().unwrap_or_else(ChosenApp::load)
}

/// Whether the Embed panel is open: the footer's button and the header's share it.
#[derive(Clone, Copy)]
pub struct EmbedOpen(pub RwSignal<bool>);

pub fn embed_open() -> EmbedOpen {
    expect_context::<EmbedOpen>()
}

/// What the URL says: the open view and its state.
#[derive(Clone, Copy)]
pub struct NavCtx(pub RwSignal<UrlState>, pub UrlSync);

impl NavCtx {
    pub fn get(&self) -> RwSignal<UrlState> {
        self.0
    }

    /// Moves to `state` and records it in the URL (a history entry when `push`).
    pub fn go(&self, mut state: UrlState, push: bool) {
        // Display settings, the embedding context and the shows followed belong to the
        // widget, not to a view.
        self.0.with_untracked(|cur| {
            state.display = cur.display.clone();
            state.origin = cur.origin.clone();
            state.frame = cur.frame;
            state.follows = cur.follows.clone();
        });
        self.write(state, push);
    }

    fn write(&self, state: UrlState, push: bool) {
        if self.1 != UrlSync::Off {
            let query = url_state::encode(&state);
            if push && self.1 == UrlSync::Full {
                browser::cancel_pending_query();
                browser::set_query(&query, true);
            } else {
                // Typing and ticking replace the URL after a short pause rather than on every
                // keystroke: the list updates at once, the address bar a moment later.
                browser::set_query_soon(query);
            }
        }
        self.0.set(state);
    }

    /// The shareable URL of a state: the page's own address, or the hosted widget's for an
    /// element mounted into another page.
    pub fn share_url(&self, state: &UrlState) -> String {
        let mut state = state.clone();
        state.origin = None;
        state.frame = None;
        let query = url_state::encode(&state);
        match self.1 {
            UrlSync::Off => format!("{}{query}", crate::browser::widget_base()),
            _ => browser::absolute_url(&query),
        }
    }

    /// A link for a reader to pass on: what they found, in their language, without the look an
    /// embedder chose (theme, accent, compact, no header), which is not the recipient's.
    pub fn reader_link(&self, state: &UrlState) -> String {
        let mut state = state.clone();
        state.display = podpath_engine::embed::Display {
            lang: state.display.lang,
            ..Default::default()
        };
        self.share_url(&state)
    }

    /// Whether the visitor follows `id` (tracked: a card's mark follows changes).
    pub fn follows(&self, id: &ShowId) -> bool {
        self.0.with(|s| s.follows.contains(id))
    }

    /// Changes the shows followed (a mark by hand, an import, the quiz's step): kept in the
    /// URL state, sorted and each once, and saved on the device where storage allows.
    pub fn set_follows(&self, f: impl FnOnce(&mut Vec<ShowId>)) {
        self.update(|s| {
            f(&mut s.follows);
            sorting::sort(&mut s.follows);
            s.follows.dedup();
            let ids: Vec<&str> = s.follows.iter().map(ShowId::as_str).collect();
            match ids.is_empty() {
                // None left: nothing kept (first-screen.js reads the key's presence).
                true => crate::storage::remove(crate::storage::FOLLOWS_KEY),
                false => {
                    crate::storage::set(crate::storage::FOLLOWS_KEY, &ids.join(","));
                }
            }
        });
    }

    /// Follows `id`, or stops following it.
    pub fn toggle_follow(&self, id: &ShowId) {
        self.set_follows(|f| match f.iter().position(|x| x == id) {
            Some(i) => {
                f.remove(i);
            }
            None => f.push(id.clone()),
        });
    }

    /// Changes the current state in place (typing, ticking a filter): no new history entry.
    pub fn update(&self, f: impl FnOnce(&mut UrlState)) {
        let mut state = self.0.get_untracked();
        f(&mut state);
        self.write(state, false);
    }
}

/// What a notice is about; the notice bar groups them under a heading per kind.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum NoticeKind {
    /// A podpath setting in the link (or the embedding element) had a value it cannot use.
    Link,
    /// Saved data could not be read and was cleared.
    SavedData,
    /// This browser keeps nothing (shown only on podpath's own page: in an embed the Save
    /// button explains it where it matters).
    Storage,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 3] = [NoticeKind::Link, NoticeKind::SavedData, NoticeKind::Storage];
}

/// One thing the visitor should know about input that was not used.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

/// The notices of one widget.
#[derive(Clone, Copy)]
pub struct NoticesCtx(pub RwSignal<Vec<Notice>>);

impl NoticesCtx {
    /// Adds a notice once: the same text is never listed twice.
    pub fn push(&self, kind: NoticeKind, text: String) {
        self.0.update(|list| {
            // Saved data and storage have one thing to say each: said again (in another
            // language, after a switch), it replaces what was said.
            if kind != NoticeKind::Link {
                list.retain(|n| n.kind != kind);
            }
            if !list.iter().any(|n| n.kind == kind && n.text == text) {
                list.push(Notice { kind, text });
            }
        });
    }

    /// Replaces the link notices (a new URL was decoded), keeping the others.
    pub fn set_link(&self, lines: Vec<String>) {
        self.0.update(|list| {
            list.retain(|n| n.kind != NoticeKind::Link);
            list.extend(lines.into_iter().map(|text| Notice {
                kind: NoticeKind::Link,
                text,
            }));
        });
    }
}

pub fn notices() -> NoticesCtx {
    expect_context::<NoticesCtx>()
}

pub fn data() -> &'static Loaded {
    expect_context::<DataCtx>().0
}

/// The widget's URL state; a card rendered on its own (outside `App`) gets one of its own that
/// touches no URL.
pub fn nav() -> NavCtx {
    use_context::<NavCtx>()
        .unwrap_or_else(|| NavCtx(RwSignal::new(UrlState::default()), UrlSync::Off))
}

pub fn heading_focus() -> HeadingFocus {
    use_context::<HeadingFocus>().unwrap_or_else(HeadingFocus::new)
}
