//! The integration tests, one binary (one link) for all: the pattern battery, the CLI, hostile
//! inputs, the input kinds (stdin, lists, JSON Lines, WARC, gzip), the output side (formats,
//! safe `-o`, subcommands) and incremental runs (`--state`), the fixtures, and the property
//! tests, with their shared helpers in `util`.

mod battery;
mod cli;
mod fixtures;
mod hostile;
mod incremental;
mod inputs;
mod outputs;
mod prefilter;
mod prop;
mod util;
