//! The `natoclaims` binary: parse arguments, run, exit with the run's code.

use clap::Parser;

fn main() {
    let cli = natoclaims::cli::Cli::parse();
    std::process::exit(natoclaims::app::run(cli));
}
