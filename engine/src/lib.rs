//! podpath's pure core: every rule of the app, with no UI, browser or Leptos dependency, so
//! that all of it runs under plain `cargo test`.
//!
//! ```
//! # fn main() -> Result<(), String> {
//! let catalog = podpath_engine::Catalog::embedded()?;
//! assert!(catalog.show("linear-digressions").is_some());
//! # Ok(())
//! # }
//! ```

pub mod bundle;
pub mod catalog;
pub mod dates;
pub mod embed;
pub mod episodes;
pub mod filter;
pub mod graph;
pub mod lang;
pub mod links;
pub mod listen;
pub mod map;
pub mod model;
pub mod opml;
pub mod picks;
pub mod plan;
pub mod quiz;
pub mod recommend;
pub mod search;
pub mod set;
pub mod similar;
pub mod sorting;
pub mod subscriptions;
pub mod testing;
pub mod text;
pub mod url_state;
pub mod validate;

pub use catalog::Catalog;
pub use model::*;
