//! The `natoclaims` binary: parse arguments, run, exit with the run's code.

mod app;

use clap::Parser;

fn main() {
    // A panic inside the pipeline is caught per input and reported as one stderr line with
    // the path; the default hook would add a second, noisier message.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = app::cli::Cli::parse();
    std::process::exit(app::run(cli));
}
