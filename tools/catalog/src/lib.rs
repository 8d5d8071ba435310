//! podpath_catalog: the maintainer's tool for `data/catalog.json`.
//!
//! - `refresh` reads every show's feed and updates status, last episode, cadence and length;
//! - `add FEED_URL` drafts a new show entry from its feed.
//!
//! It never touches what people curate (levels, formats, topics, descriptions, start-here
//! episodes), and it writes the catalog only when the engine's validator accepts all of it.
//! Native only: none of this is in the wasm.

pub mod catalog_file;
pub mod cli;
pub mod dates;
pub mod derive;
pub mod draft;
pub mod durations;
pub mod feed;
pub mod fetch;
pub mod refresh;
