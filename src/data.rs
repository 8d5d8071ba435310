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

static CATALOG: OnceLock<Catalog> = OnceLock::new();
static DATA: OnceLock<Loaded> = OnceLock::new();

/// The embedded data (validated when the bundle was built, so it cannot fail here).
pub fn loaded() -> &'static Loaded {
    DATA.get_or_init(|| {
        let catalog = CATALOG.get_or_init(Catalog::embedded);
        Loaded {
            catalog,
            index: SearchIndex::new(catalog),
        }
    })
}
