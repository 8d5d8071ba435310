use crate::dynamic::dynamic;
use crate::state::{data, nav};
use leptos::prelude::*;
use podpath_engine::opml;
use podpath_engine::subscriptions::{self, ImportError};
use wasm_bindgen::JsCast;

/// "Import from your podcast app": an OPML export chosen, dropped or pasted becomes the shows
/// the visitor follows. The file is read here and matched by the engine; nothing is sent
/// anywhere. Also exports the shows followed back as OPML.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let t = crate::i18n::t();
    let catalog = data().catalog;
    let nav = nav();
    // What the last import found (how many shows podpath knows, and which), or why it failed.
    let status = RwSignal::new(String::new());
    let take = move |bytes: &[u8]| {
        status.set(match subscriptions::import(catalog, bytes) {
            Ok(found) => {
                let shows: Vec<_> = found
                    .matched
                    .iter()
                    .filter_map(|&i| catalog.shows.get(i))
                    .collect();
                nav.set_follows(|f| f.extend(shows.iter().map(|s| s.id.clone())));
                let titles: Vec<&str> = shows.iter().map(|s| s.title.as_str()).collect();
                let text = format!(
                    "{} {}",
                    (t.import_found)(shows.len(), found.podcasts),
                    t.join(&titles)
                );
                match found.lenient {
                    true => format!("{} {}", t.import_lenient, text.trim_end()),
                    false => text.trim_end().to_owned(),
                }
            }
            Err(ImportError::TooLarge(_)) => t.import_too_large.to_owned(),
            Err(ImportError::TooManyOutlines) => t.import_too_many.to_owned(),
            Err(ImportError::NotOpml) => t.import_not_opml.to_owned(),
        });
    };
    // A file is read only when it could be an export: a huge one is refused before reading.
    let read = move |file: Option<web_sys::File>| {
        let Some(file) = file else {
            return;
        };
        if file.size() > subscriptions::MAX_BYTES as f64 {
            return status.set(t.import_too_large.to_owned());
        }
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => take(&web_sys::js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => status.set(t.import_unreadable.to_owned()),
            }
        });
    };
    let export = move |_| {
        let follows = nav.get().with_untracked(|s| s.follows.clone());
        let shows = follows.iter().filter_map(|id| catalog.show(id.as_str()));
        let (doc, skipped) = opml::opml(t.opml_follows, shows);
        crate::download::text_file("podpath-follows.opml", "text/x-opml", &doc);
        status.set(if skipped.is_empty() {
            String::new()
        } else {
            format!("{} {}", t.result_opml_note, skipped.join(", "))
        });
    };
    let file_id = crate::ids::id("import-file");
    let paste_id = crate::ids::id("import-paste");
    view! {
        <details
            class="pp-import"
            data-testid="import"
            on:dragover=|ev| ev.prevent_default()
            on:drop=move |ev| {
                ev.prevent_default();
                read(ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)));
            }
        >
            <summary>{t.import_title}</summary>
            <p class="pp-muted">{t.import_hint}</p>
            <label class="pp-button pp-import__file" for=file_id.clone()>{t.import_file}</label>
            <input
                id=file_id
                class="pp-sr-only"
                type="file"
                data-testid="import-file"
                accept=".opml,.xml,text/x-opml,text/xml,application/xml"
                on:change:target=move |ev| {
                    let input = ev.target();
                    read(input.files().and_then(|f| f.get(0)));
                    // The same file chosen again is read again.
                    input.set_value("");
                }
            />
            <label for=paste_id.clone()>{t.import_paste}</label>
            <textarea id=paste_id class="pp-input" rows="3" spellcheck="false" data-testid="import-paste"></textarea>
            <button type="button" class="pp-button pp-button--quiet" data-testid="import-read" on:click=move |ev| {
                // The text box just before this button.
                let area = ev.target().and_then(|b| b.dyn_into::<web_sys::Element>().ok()).and_then(|b| b.previous_element_sibling()).and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
                if let Some(area) = area {
                    take(area.value().as_bytes());
                }
            }>{t.import_read}</button>
            <p role="status" aria-live="polite" data-testid="import-status">{dynamic(move || status.get())}</p>
            <button type="button" class="pp-button pp-button--quiet" data-testid="export-follows" hidden=dynamic(move || nav.get().with(|s| s.follows.is_empty())) on:click=export>{t.follows_export}</button>
        </details>
    }
}
