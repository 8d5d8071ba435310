//! Copying to the clipboard with the outcome said in the reader's language (the clipboard
//! itself is `browser::copy_text`, which knows no language).

use crate::browser::copy_text;
use leptos::prelude::{RwSignal, Set};

/// Copies `text` and reports the outcome in `status` (an aria-live region), in the background.
pub fn copy_reporting(text: String, status: RwSignal<String>) {
    copy_reporting_as(text, status, crate::i18n::t().result_copied.to_owned());
}

/// The same, saying `done` (what was copied) once it is on the clipboard.
pub fn copy_reporting_as(text: String, status: RwSignal<String>, done: String) {
    let t = crate::i18n::t();
    leptos::task::spawn_local(async move {
        let ok = copy_text(&text).await;
        status.set(if ok {
            done
        } else {
            t.result_copy_failed.to_owned()
        });
    });
}
