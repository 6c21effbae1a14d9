//! Finding the inputs: explicit files always, directories recursively (sorted, hidden entries
//! skipped, symlinks followed with loops reported), filtered by extension.

use crate::error::InputError;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Default extensions for directory walks; "" stands for files without an extension.
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "text", "md", "html", "htm", ""];

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input ("-").
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

/// Which files a directory walk keeps.
#[derive(Debug, Clone)]
pub struct ExtFilter {
    exts: Vec<String>,
}

impl ExtFilter {
    /// A filter from a list of extensions (case-insensitive; "" or "none" = no extension).
    pub fn new<S: AsRef<str>>(exts: &[S]) -> Self {
        let exts = exts
            .iter()
            .map(|e| {
                let e = e.as_ref().trim().trim_start_matches('.').to_lowercase();
                if e == "none" {
                    String::new()
                } else {
                    e
                }
            })
            .collect();
        ExtFilter { exts }
    }

    /// Does a walked file pass?
    pub fn accepts(&self, path: &Path) -> bool {
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        self.exts.contains(&ext)
    }
}

impl Default for ExtFilter {
    fn default() -> Self {
        ExtFilter::new(DEFAULT_EXTENSIONS)
    }
}

/// Expand the command-line paths into inputs, in order: each argument in turn, a directory's
/// files sorted by path. Problems come back as errors beside the inputs, never instead of them.
pub fn collect(paths: &[PathBuf], filter: &ExtFilter) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if p.is_dir() {
            walk_dir(p, filter, &mut inputs, &mut errors);
        } else {
            match std::fs::metadata(p) {
                Ok(_) => inputs.push(Input::File(p.clone())),
                Err(e) => errors.push(InputError::Io { path: p.clone(), source: e }),
            }
        }
    }
    (inputs, errors)
}

fn walk_dir(root: &Path, filter: &ExtFilter, inputs: &mut Vec<Input>, errors: &mut Vec<InputError>) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && filter.accepts(e.path()) => inputs.push(Input::File(e.into_path())),
            Ok(_) => {}
            Err(err) => errors.push(walk_error(root, err)),
        }
    }
}

fn walk_error(root: &Path, err: walkdir::Error) -> InputError {
    let path = err.path().map_or_else(|| root.to_path_buf(), Path::to_path_buf);
    let reason = if let Some(ancestor) = err.loop_ancestor() {
        format!("symlink loop (points back to {})", ancestor.display())
    } else if let Some(io) = err.io_error() {
        if io.kind() == std::io::ErrorKind::NotFound {
            "dangling symlink or vanished file".to_string()
        } else {
            io.to_string()
        }
    } else {
        err.to_string()
    };
    InputError::Walk { path, reason }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_filter() {
        let f = ExtFilter::default();
        assert!(f.accepts(Path::new("a/b.TXT")));
        assert!(f.accepts(Path::new("a/noext")));
        assert!(!f.accepts(Path::new("a/b.png")));
        let only_md = ExtFilter::new(&["md"]);
        assert!(!only_md.accepts(Path::new("a/b.txt")));
        assert!(ExtFilter::new(&["none"]).accepts(Path::new("x")));
    }
}
