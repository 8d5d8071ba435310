//! `data/catalog.json` as a document: edited in place, key order kept, validated with the
//! engine's own validator, written atomically. A refresh therefore changes only the facts it
//! derived, and `git diff` shows nothing else.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use podpath_engine::validate::{check_all, Problem, Sources};
use serde_json::{Map, Value};

/// The order of a show's keys in the file (the engine's `Show`), so a key that was missing
/// lands where a reader expects it.
const SHOW_KEYS: [&str; 20] = [
    "id",
    "title",
    "hosts",
    "publisher",
    "started",
    "status",
    "status_note",
    "last_episode",
    "checked",
    "cadence",
    "length",
    "formats",
    "levels",
    "level_reason",
    "topics",
    "links",
    "description",
    "start_here",
    "sources",
    "",
];

/// The order of a show's links (the engine's `Links`).
const LINK_KEYS: [&str; 5] = ["website", "rss", "apple", "spotify", "youtube"];

/// The order of the source lists (the engine's `SourceField`).
const SOURCE_KEYS: [&str; 11] = [
    "hosts",
    "publisher",
    "started",
    "status",
    "cadence",
    "length",
    "formats",
    "levels",
    "links",
    "feed",
    "start_here",
];

/// A problem with the catalog file itself (exit code 2).
#[derive(Debug)]
pub struct FileError(pub String);

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The catalog and the two files it is validated against (topic ids, episode ids).
pub struct CatalogFile {
    pub path: PathBuf,
    pub doc: Value,
    topics: String,
    episodes: String,
}

impl CatalogFile {
    /// Reads `path` and its neighbours `topics.json` and `episodes.json`.
    pub fn load(path: &Path) -> Result<CatalogFile, FileError> {
        let read = |p: &Path| {
            fs::read_to_string(p)
                .map_err(|e| FileError(format!("{}: cannot read: {e}", p.display())))
        };
        let text = read(path)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let doc: Value = serde_json::from_str(&text).map_err(|e| {
            FileError(format!(
                "{}: not valid JSON at line {}, column {}: {e}",
                path.display(),
                e.line(),
                e.column()
            ))
        })?;
        Ok(CatalogFile {
            path: path.to_path_buf(),
            doc,
            topics: read(&dir.join("topics.json"))?,
            episodes: read(&dir.join("episodes.json"))?,
        })
    }

    /// The file's text for the document as it now stands: two-space JSON and a final newline,
    /// the form the repository keeps.
    pub fn render(&self) -> String {
        render(&self.doc)
    }

    /// Every problem the engine's validator finds in the document as it now stands.
    pub fn problems(&self) -> Vec<Problem> {
        let catalog = self.render();
        check_all(Sources {
            catalog: &catalog,
            topics: &self.topics,
            episodes: &self.episodes,
        })
        .err()
        .unwrap_or_default()
    }

    pub fn shows(&self) -> &[Value] {
        self.doc
            .get("shows")
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    pub fn show_mut(&mut self, index: usize) -> Option<&mut Map<String, Value>> {
        self.doc
            .get_mut("shows")?
            .as_array_mut()?
            .get_mut(index)?
            .as_object_mut()
    }

    /// The validator's problems by the index of the show they stand in, as `path: message` (the
    /// last one of each show): a command undoes the update of each show named here and reports
    /// it as failed, so that one odd feed never blocks the others.
    pub fn problems_by_show(&self) -> BTreeMap<usize, String> {
        self.problems()
            .into_iter()
            .filter_map(|p| show_index(&p.path).map(|i| (i, format!("{}: {}", p.path, p.message))))
            .collect()
    }

    /// Puts the show at `index` back as it stands in `original` (the document before the run).
    pub fn restore_show(&mut self, index: usize, original: &Value) {
        if let (Some(show), Some(old)) = (
            self.show_mut(index),
            original.get("shows").and_then(|s| s.get(index)),
        ) {
            *show = old.as_object().cloned().unwrap_or_default();
        }
    }

    pub fn set_data_as_of(&mut self, day: &str) {
        if let Some(doc) = self.doc.as_object_mut() {
            doc.insert("data_as_of".into(), Value::String(day.into()));
        }
    }

    /// Writes the file through a temporary file in the same directory and a rename, so a
    /// reader (or a crash) never sees half a catalog.
    pub fn write(&self) -> Result<(), FileError> {
        let fail =
            |e: std::io::Error| FileError(format!("{}: cannot write: {e}", self.path.display()));
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "catalog.json".into());
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let result = fs::File::create(&tmp)
            .and_then(|mut f| {
                f.write_all(self.render().as_bytes())?;
                f.sync_all()
            })
            .and_then(|()| fs::rename(&tmp, &self.path));
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result.map_err(fail)
    }
}

/// `shows[12].status` → 12.
fn show_index(path: &str) -> Option<usize> {
    path.strip_prefix("shows[")?.split(']').next()?.parse().ok()
}

/// Two-space JSON with a final newline.
pub fn render(doc: &Value) -> String {
    let mut text = serde_json::to_string_pretty(doc).unwrap_or_default();
    text.push('\n');
    text
}

/// Sets `key` of a show, inserting it at its place in the file's key order when missing.
pub fn set_show_key(show: &mut Map<String, Value>, key: &str, value: Value) {
    set_in_order(show, &SHOW_KEYS, key, value);
}

/// Adds `url` to the show's `sources.<field>` list unless it is there already.
pub fn add_source(show: &mut Map<String, Value>, field: &str, url: &str) {
    if !show.contains_key("sources") {
        set_show_key(show, "sources", Value::Object(Map::new()));
    }
    let Some(sources) = show.get_mut("sources").and_then(Value::as_object_mut) else {
        return;
    };
    if !sources.contains_key(field) {
        set_in_order(sources, &SOURCE_KEYS, field, Value::Array(vec![]));
    }
    if let Some(list) = sources.get_mut(field).and_then(Value::as_array_mut) {
        if !list.iter().any(|v| v.as_str() == Some(url)) {
            list.push(Value::String(url.into()));
        }
    }
}

/// Sets the show's `links.<name>` at its place in the file's link order (discover records a
/// feed in a `links` object that has none).
pub fn set_link(show: &mut Map<String, Value>, name: &str, url: &str) {
    if !show.get("links").is_some_and(Value::is_object) {
        set_show_key(show, "links", Value::Object(Map::new()));
    }
    if let Some(links) = show.get_mut("links").and_then(Value::as_object_mut) {
        set_in_order(links, &LINK_KEYS, name, Value::String(url.into()));
    }
}

fn set_in_order(map: &mut Map<String, Value>, order: &[&str], key: &str, value: Value) {
    if let Some(slot) = map.get_mut(key) {
        *slot = value;
        return;
    }
    let rank = |k: &str| order.iter().position(|o| *o == k).unwrap_or(order.len());
    let at = map
        .keys()
        .position(|k| rank(k) > rank(key))
        .unwrap_or(map.len());
    map.shift_insert(at, key.into(), value);
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn the_repository_catalog_renders_byte_for_byte() -> TestResult {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/catalog.json");
        let file = CatalogFile::load(&path).map_err(|e| e.to_string())?;
        let text = fs::read_to_string(&path)?;
        assert!(
            file.render() == text,
            "data/catalog.json is not in the form the tool writes"
        );
        assert!(file.problems().is_empty());
        Ok(())
    }

    #[test]
    fn missing_keys_are_inserted_in_file_order() -> TestResult {
        let mut show: Map<String, Value> = serde_json::from_str(
            r#"{"id":"x","status":"unknown","checked":"2026-01-01","cadence":"weekly","sources":{"hosts":[],"feed":[]}}"#,
        )?;
        set_show_key(
            &mut show,
            "last_episode",
            Value::String("2026-01-01".into()),
        );
        set_show_key(&mut show, "length", serde_json::json!({"min": 1, "max": 2}));
        add_source(&mut show, "status", "https://a.example/feed");
        add_source(&mut show, "status", "https://a.example/feed");
        let keys: Vec<&str> = show.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "id",
                "status",
                "last_episode",
                "checked",
                "cadence",
                "length",
                "sources"
            ]
        );
        let sources = show["sources"].as_object().ok_or("sources is an object")?;
        assert_eq!(
            sources.keys().collect::<Vec<_>>(),
            ["hosts", "status", "feed"]
        );
        assert_eq!(sources["status"].as_array().map(Vec::len), Some(1));
        Ok(())
    }
}
