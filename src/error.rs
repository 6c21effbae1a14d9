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
    /// A gzip'd file or an archive whose bytes are damaged (the rest of it is not read).
    #[error("{}: skipped: {reason}", path.display())]
    Corrupt {
        /// The path.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// One record of a stream (a JSON Lines line, a WARC record) is malformed; the stream goes
    /// on with the next record.
    #[error("{}: malformed record skipped: {reason}", path.display())]
    MalformedRecord {
        /// Where: `FILE:LINE` for JSON Lines, `FILE: record N` for WARC.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A well-formed record that carries no article (a null or empty body).
    #[error("{}: skipped: {reason}", path.display())]
    NoArticle {
        /// Where: `FILE:LINE` or the record's URL.
        path: PathBuf,
        /// Why there is no article.
        reason: String,
    },
    /// A file of a kind natoclaims cannot read (PDF, Word, archives), found while walking.
    #[error("{}: skipped: natoclaims cannot read a {kind}", path.display())]
    UnreadableKind {
        /// The path.
        path: PathBuf,
        /// The kind's name ("PDF document").
        kind: &'static str,
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
            Error::Corrupt { .. } => "corrupt",
            Error::MalformedRecord { .. } => "malformed record",
            Error::NoArticle { .. } => "no article body",
            Error::UnreadableKind { .. } => "unreadable kind",
            Error::Internal { .. } => "internal error",
        }
    }
}

impl Error {
    /// The kind of input natoclaims cannot read that this error found, if it found one: a
    /// document kind by extension, or binary data ("binary file (PDF)").
    pub fn unreadable_kind(&self) -> Option<String> {
        match self {
            Error::UnreadableKind { kind, .. } => Some((*kind).to_string()),
            Error::Binary { what, .. } => Some(format!("binary file ({what})")),
            _ => None,
        }
    }

    /// The path or record the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Error::Io { path, .. }
            | Error::TooLarge { path, .. }
            | Error::Binary { path, .. }
            | Error::DanglingSymlink { path }
            | Error::SymlinkLoop { path, .. }
            | Error::Walk { path, .. }
            | Error::Corrupt { path, .. }
            | Error::MalformedRecord { path, .. }
            | Error::NoArticle { path, .. }
            | Error::UnreadableKind { path, .. }
            | Error::Internal { path, .. } => path,
        }
    }
}
