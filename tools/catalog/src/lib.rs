//! podpath_catalog: the maintainer's tool for `data/catalog.json`.
//!
//! - `refresh` reads every show's feed and updates status, last episode, cadence and length;
//! - `add FEED_URL` drafts a new show entry from its feed;
//! - `discover` finds the feed of each show without one from the Apple id in its `links.apple`
//!   (the iTunes Search API's `feedUrl`), and records it only when the feed is read and calls
//!   itself by the show's title;
//! - `check-links` asks for every URL of the shows (links, start-here episodes, sources),
//!   reports each broken or permanently moved one with its JSON path, and with `--fix-moved`
//!   writes the new URLs of permanent moves (301, 308), so that dead links are found by the
//!   maintainer before a reader meets them.
//!
//! It never touches what people curate (levels, formats, topics, descriptions, start-here
//! episodes; `--fix-moved` changes a URL only for the one its host says replaces it for
//! good), and it writes the catalog only when the engine's validator accepts all of it.
//! Native only: none of this is in the wasm.

pub mod catalog_file;
pub mod check_links;
pub mod cli;
pub mod dates;
pub mod derive;
pub mod discover;
pub mod draft;
pub mod durations;
pub mod feed;
pub mod fetch;
pub mod refresh;
