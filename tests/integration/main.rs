//! The integration tests, one binary (one link) for all: the pattern battery, the CLI, hostile inputs, the
//! fixtures, and the property tests, with their shared helpers in `util`.

mod battery;
mod cli;
mod fixtures;
mod hostile;
mod incremental;
mod outputs;
mod prop;
mod util;
