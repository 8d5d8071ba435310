//! The embedded catalog and its search index, built once per page.

use podpath_engine::search::SearchIndex;
use podpath_engine::Catalog;
use std::sync::OnceLock;

/// The catalog with its search index; both live as long as the page.
#[derive(Debug)]
pub struct Loaded {
    pub catalog: Catalog,
    pub index: SearchIndex,
}

static DATA: OnceLock<Loaded> = OnceLock::new();

/// The embedded data (validated when the bundle was built, so it cannot fail here).
pub fn loaded() -> &'static Loaded {
    DATA.get_or_init(|| {
        let catalog = Catalog::embedded();
        Loaded {
            index: SearchIndex::new(&catalog),
            catalog,
        }
    })
}
