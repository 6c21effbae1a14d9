//! Counting a run: inputs seen, articles read, inputs `--state` has as unchanged, lines
//! printed, what was skipped and why, the inputs of kinds natoclaims cannot read; the
//! end-of-run report and the exit code.

use super::{EXIT_OK, EXIT_PARTIAL, EXIT_USAGE};
use natoclaims::Error;
use std::collections::BTreeMap;
use std::io::Write;

/// Examples named in the report of unreadable inputs.
const UNREADABLE_EXAMPLES: usize = 3;

/// Counts for the end-of-run summary and the exit code.
#[derive(Debug, Default)]
pub struct Tally {
    /// Inputs seen: files, streams, paths that failed.
    pub seen: usize,
    /// Articles read (a file, a record).
    pub read: usize,
    /// Inputs `--state` says were processed before with the same bytes (a whole file, stdin,
    /// or a JSON Lines or WARC file with all its records).
    pub unchanged: usize,
    /// Lines printed.
    pub printed: usize,
    /// Skipped inputs and records by reason (errors and warnings alike).
    skipped: BTreeMap<&'static str, usize>,
    /// How many of the skipped ones count as errors for the exit code.
    errors: usize,
    /// Inputs of kinds natoclaims cannot read, by kind.
    unreadable: BTreeMap<String, usize>,
    /// The first few of them.
    unreadable_examples: Vec<String>,
    /// Some of them had no stderr line of their own (found by extension while walking).
    unreadable_unnamed: bool,
}

impl Tally {
    /// Report an input or record that produced no article. A record without an article body
    /// is a warning (crawls hold empty extractions); anything else is an error. A file of a
    /// kind natoclaims cannot read found while walking is not named one by one: the end of
    /// the run counts them, with examples.
    pub fn fail(&mut self, err: &Error) {
        let warning = matches!(err, Error::NoArticle { .. });
        if warning {
            say(&format!("natoclaims: warning: {err}"));
        } else {
            if matches!(err, Error::UnreadableKind { .. }) {
                self.unreadable_unnamed = true;
            } else {
                say(&format!("natoclaims: {err}"));
            }
            self.errors += 1;
        }
        if let Some(kind) = err.unreadable_kind() {
            *self.unreadable.entry(kind).or_insert(0) += 1;
            if self.unreadable_examples.len() < UNREADABLE_EXAMPLES {
                self.unreadable_examples
                    .push(err.path().to_string_lossy().into_owned());
            }
        }
        *self.skipped.entry(err.category()).or_insert(0) += 1;
    }

    fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    /// The line counting the inputs natoclaims cannot read, with examples, when some of them
    /// were not named one by one (a binary file gets its own line; a walked `.pdf` does not).
    pub fn unreadable_report(&self) -> Option<String> {
        let total: usize = self.unreadable.values().sum();
        self.unreadable_unnamed.then(|| {
            format!(
                "natoclaims: {total} input{} of a kind natoclaims cannot read ({}), e.g. {}",
                if total == 1 { "" } else { "s" },
                counts(&self.unreadable),
                self.unreadable_examples.join(", ")
            )
        })
    }

    /// The end-of-run summary line.
    pub fn summary(&self, what: &str) -> String {
        let reasons = if self.skipped.is_empty() {
            String::new()
        } else {
            format!(" ({})", counts(&self.skipped))
        };
        let unchanged = if self.unchanged > 0 {
            format!(", {} unchanged since the last run", self.unchanged)
        } else {
            String::new()
        };
        format!(
            "natoclaims: {} files seen, {} articles read{unchanged}, {} {what} printed, {} skipped{reasons}",
            self.seen,
            self.read,
            self.printed,
            self.skipped_total()
        )
    }

    /// 2 when something failed and nothing was read (inputs unchanged since the last
    /// `--state` run count as read); 1 when anything failed; else 0. Warnings (records without
    /// an article body) never fail a run, even one that read nothing else.
    pub fn exit_code(&self) -> i32 {
        if self.read + self.unchanged == 0 && self.errors > 0 {
            EXIT_USAGE
        } else if self.errors > 0 {
            EXIT_PARTIAL
        } else {
            EXIT_OK
        }
    }
}

fn counts<K: std::fmt::Display>(m: &BTreeMap<K, usize>) -> String {
    m.iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Write one line to stderr. A closed or broken stderr must not abort the run (`eprintln!`
/// would panic), so write errors are ignored.
pub fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
