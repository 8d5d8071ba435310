//! `cargo run --release -p podpath_catalog -- refresh|add|discover ...`: see `cli::USAGE`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    ExitCode::from(podpath_catalog::cli::main(&args))
}
