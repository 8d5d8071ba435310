//! The embedded catalog and its search index, set up once per page.

use podpath_engine::search::SearchIndex;
use podpath_engine::Catalog;
use std::sync::OnceLock;

/// The catalog with its (lazily built) search index; both live as long as the page.
#[derive(Debug)]
pub struct Loaded {
    pub catalog: &'static Catalog,
    pub index: SearchIndex<'static>,
}

static CATALOG: OnceLock<Result<Catalog, String>> = OnceLock::new();
static DATA: OnceLock<Loaded> = OnceLock::new();

/// The embedded data, or why it could not be decoded (only a damaged bundle can fail: the
/// build validated the data and the tests decode the same bytes).
pub fn loaded() -> Result<&'static Loaded, &'static str> {
    let catalog = CATALOG
        .get_or_init(Catalog::embedded)
        .as_ref()
        .map_err(String::as_str)?;
    Ok(DATA.get_or_init(|| Loaded {
        catalog,
        index: SearchIndex::new(catalog),
    }))
}
