//! The integration tests, one binary (one link) for all: the CLI, hostile inputs, the
//! fixtures, and the property tests, with their shared helpers in `util`.

mod cli;
mod fixtures;
mod hostile;
mod prop;
mod util;
