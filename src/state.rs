//! App-wide state handed down through context, wrapped in newtypes so contexts cannot collide.

use crate::browser;
use crate::data::Loaded;
use leptos::prelude::*;
use podpath_engine::url_state::{self, UrlState};

/// The loaded catalog and search index.
#[derive(Clone, Copy)]
pub struct DataCtx(pub &'static Loaded);

/// What the URL says: the open view and its state.
#[derive(Clone, Copy)]
pub struct NavCtx(pub RwSignal<UrlState>);

impl NavCtx {
    pub fn get(&self) -> RwSignal<UrlState> {
        self.0
    }

    /// Moves to `state` and records it in the URL (a history entry when `push`).
    pub fn go(&self, state: UrlState, push: bool) {
        browser::set_query(&url_state::encode(&state), push);
        self.0.set(state);
    }

    /// Changes the current state in place (typing, ticking a filter): no new history entry.
    pub fn update(&self, f: impl FnOnce(&mut UrlState)) {
        let mut state = self.0.get_untracked();
        f(&mut state);
        self.go(state, false);
    }
}

/// Notices about input that was ignored (bad URL parameters, unreadable saved data).
#[derive(Clone, Copy)]
pub struct NoticesCtx(pub RwSignal<Vec<String>>);

pub fn data() -> &'static Loaded {
    expect_context::<DataCtx>().0
}

pub fn nav() -> NavCtx {
    expect_context::<NavCtx>()
}
