//! The embedded catalog and its search index, parsed once per page.

use podpath_engine::search::SearchIndex;
use podpath_engine::Catalog;
use std::sync::OnceLock;

/// The catalog with its search index; both live as long as the page.
#[derive(Debug)]
pub struct Loaded {
    pub catalog: Catalog,
    pub index: SearchIndex,
}

static DATA: OnceLock<Result<Loaded, String>> = OnceLock::new();

/// The embedded data, or why it could not be read.
pub fn loaded() -> Result<&'static Loaded, &'static str> {
    DATA.get_or_init(|| {
        Catalog::embedded().map(|catalog| Loaded {
            index: SearchIndex::new(&catalog),
            catalog,
        })
    })
    .as_ref()
    .map_err(String::as_str)
}
