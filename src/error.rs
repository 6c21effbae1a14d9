//! The library's error type: why an input could not be read.

use std::path::PathBuf;

/// Why an input produced no article.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is larger than the limit.
    #[error("{path}: skipped: {size} bytes is over the --max-bytes limit of {limit}")]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file holds binary data, not text.
    #[error("{path}: skipped: binary file ({what})")]
    Binary {
        /// The path.
        path: PathBuf,
        /// What it looks like.
        what: &'static str,
    },
    /// Walking a directory failed at this path.
    #[error("{path}: {reason}")]
    Walk {
        /// The path.
        path: PathBuf,
        /// The reason.
        reason: String,
    },
}

impl InputError {
    /// A short category for the end-of-run summary.
    pub fn category(&self) -> &'static str {
        match self {
            InputError::Io { .. } => "unreadable",
            InputError::TooLarge { .. } => "too large",
            InputError::Binary { .. } => "binary",
            InputError::Walk { .. } => "walk error",
        }
    }
}
