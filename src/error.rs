//! The library's error type: why an input could not be read.

use std::path::PathBuf;

/// Why an input produced no article.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be opened or read (missing, permissions, a directory, an I/O error).
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is larger than the limit.
    #[error("{}: skipped: {size} bytes is over the --max-bytes limit of {limit}", path.display())]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// Its size (at least this many bytes).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file holds binary data, not text.
    #[error("{}: skipped: binary file ({what})", path.display())]
    Binary {
        /// The path.
        path: PathBuf,
        /// What it looks like.
        what: &'static str,
    },
    /// A symlink whose target does not exist.
    #[error("{}: dangling symlink (its target does not exist)", path.display())]
    DanglingSymlink {
        /// The symlink.
        path: PathBuf,
    },
    /// A symlink that leads back to itself or to a folder being walked.
    #[error("{}: symlink loop ({detail})", path.display())]
    SymlinkLoop {
        /// The symlink.
        path: PathBuf,
        /// What it loops through.
        detail: String,
    },
    /// Walking a directory failed at this path for another reason.
    #[error("{}: {reason}", path.display())]
    Walk {
        /// The path.
        path: PathBuf,
        /// The reason.
        reason: String,
    },
    /// The extractor failed on this input (a bug: the run goes on without it).
    #[error("{}: internal error, input skipped (please report it with the file): {message}", path.display())]
    Internal {
        /// The path.
        path: PathBuf,
        /// The panic message.
        message: String,
    },
}

impl Error {
    /// A short category for the end-of-run summary.
    pub fn category(&self) -> &'static str {
        match self {
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                "not found"
            }
            Error::Io { .. } => "unreadable",
            Error::TooLarge { .. } => "too large",
            Error::Binary { .. } => "binary",
            Error::DanglingSymlink { .. } => "dangling symlink",
            Error::SymlinkLoop { .. } => "symlink loop",
            Error::Walk { .. } => "walk error",
            Error::Internal { .. } => "internal error",
        }
    }
}
