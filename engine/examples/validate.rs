//! Checks podpath's data files and prints every problem, for people who edit or fork the
//! catalog.
//!
//! ```sh
//! cargo run -p podpath_engine --example validate                 # the shipped data/
//! cargo run -p podpath_engine --example validate -- my_catalog.json  # another shows file
//! ```

use podpath_engine::catalog::embedded;
use podpath_engine::validate::{check_all, summarize, Sources};
use std::process::ExitCode;

fn main() -> ExitCode {
    let own_catalog = match std::env::args().nth(1).map(std::fs::read_to_string) {
        None => None,
        Some(Ok(text)) => Some(text),
        Some(Err(e)) => {
            eprintln!("cannot read the file: {e}");
            return ExitCode::from(2);
        }
    };
    let src = Sources {
        catalog: own_catalog.as_deref().unwrap_or(embedded::CATALOG),
        ..embedded::sources()
    };
    match check_all(src) {
        Ok(files) => {
            let edges: usize = files.topics.topics.iter().map(|t| t.related.len()).sum();
            println!(
                "ok: {} shows, {} topics, {} related edges, {} episodes",
                files.shows.shows.len(),
                files.topics.topics.len(),
                edges,
                files.episodes.episodes.len()
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems {
                println!("{p}");
            }
            println!("{}", summarize(&problems));
            ExitCode::FAILURE
        }
    }
}
