//! One boxed type for the views' reactive values.
//!
//! Tachys compiles its render, attribute and effect code once per closure type: every
//! `move || ...` in a `view!` is a type of its own, so each one brought its own copy of that
//! code into the wasm. Boxed as a `Dynamic<T>`, all the reactive values of one output type
//! share one copy, and what stays per site is the closure's own body.

/// A reactive value of the views: called again whenever a signal it read changes.
pub type Dynamic<T> = Box<dyn Fn() -> T + Send + Sync>;

/// `f` as a [`Dynamic`].
pub fn dynamic<T>(f: impl Fn() -> T + Send + Sync + 'static) -> Dynamic<T> {
    Box::new(f)
}
