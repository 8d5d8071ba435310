//! Element ids, prefixed per mounted instance so that two podpath widgets on one page never
//! share an id (labels, headings and ARIA references stay correct in each).

use leptos::prelude::*;

/// The id prefix of one mounted widget (`pp` for the first).
#[derive(Clone, Copy)]
pub struct IdScope(pub &'static str);

/// `<prefix>-<name>` for the widget being rendered.
pub fn id(name: &str) -> String {
    let prefix = use_context::<IdScope>().map_or("pp", |s| s.0);
    format!("{prefix}-{name}")
}
