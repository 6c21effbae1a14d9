//! Finding the inputs: explicit files always, directories recursively (sorted, hidden entries
//! skipped, symlinks followed with loops reported), filtered by extension (`a.txt.gz` by its
//! `txt`). A walked file of a kind natoclaims cannot read (`a.pdf`) is reported, not dropped.

use super::kind;
use crate::error::Error;
use rustc_hash::FxHashSet as HashSet;
use std::io;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Default extensions for directory walks; "" stands for files without an extension. Each is
/// read gzip'd too (`.txt.gz`).
pub const DEFAULT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "html", "htm", "xhtml", "shtml", "jsonl", "ndjson", "warc", "",
];

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input ("-").
    Stdin,
    /// A file named on the command line.
    File(PathBuf),
    /// A file found by walking a folder named on the command line.
    Walked(PathBuf),
}

impl Input {
    /// The path ("-" for stdin).
    pub fn path(&self) -> &Path {
        match self {
            Input::Stdin => Path::new("-"),
            Input::File(p) | Input::Walked(p) => p,
        }
    }
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

    /// Does a walked file pass? A `.gz` file passes by the extension before it.
    pub fn accepts(&self, path: &Path) -> bool {
        self.exts.contains(&kind::extensions(path).0)
    }
}

impl Default for ExtFilter {
    fn default() -> Self {
        ExtFilter::new(DEFAULT_EXTENSIONS)
    }
}

/// Expand the command-line paths into inputs, in order: each argument in turn, a directory's
/// files sorted by path. Problems come back as errors beside the inputs, never instead of them.
/// A file reached twice while walking (through a symlink) is read once.
pub fn collect(paths: &[PathBuf], filter: &ExtFilter) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let mut walked = Reached::default();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk_dir(p, filter, &mut walked, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(p.clone())),
            Err(e) => errors.push(path_error(p.clone(), e)),
        }
    }
    (inputs, errors)
}

/// The files kept so far, by canonical path, so that a file reached twice (through a symlink,
/// or under two folders named) is read once. Under one folder the files reached through no
/// symlink are all different files: while nothing else has been kept, their keys are left
/// unmade, and made only when something comes that could be one of them.
#[derive(Default)]
struct Reached {
    keys: HashSet<PathBuf>,
    /// The folder being walked and its canonical path, for the keys of its files.
    root: Option<(PathBuf, PathBuf)>,
    /// Its files reached through no symlink and kept without their keys: where they are in the
    /// inputs.
    unkeyed: Vec<usize>,
}

impl Reached {
    /// Start walking `root` (`canonical` is its canonical path): the keys left unmade are made
    /// first.
    fn enter(&mut self, root: &Path, canonical: Option<PathBuf>, inputs: &[Input]) {
        self.make_keys(inputs);
        self.root = canonical.map(|c| (root.to_path_buf(), c));
    }

    /// Keep a file reached (`plain`: through no symlink), to be the next input, unless it was
    /// kept before; true if kept.
    fn keep(&mut self, path: &Path, plain: bool, inputs: &[Input]) -> bool {
        if plain && self.root.is_some() && self.keys.is_empty() {
            self.unkeyed.push(inputs.len());
            return true;
        }
        self.make_keys(inputs);
        let key = self.key(path, plain);
        self.keys.insert(key)
    }

    /// A file's canonical path: below the root and reached through no symlink, the root's own
    /// and its path under the root; else the OS's (if canonicalising fails, the read will
    /// report it).
    fn key(&self, path: &Path, plain: bool) -> PathBuf {
        let under_root = self.root.as_ref().filter(|_| plain);
        under_root
            .and_then(|(root, canonical)| Some(canonical.join(path.strip_prefix(root).ok()?)))
            .unwrap_or_else(|| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
    }

    /// Make the keys left unmade (`inputs` holds their files).
    fn make_keys(&mut self, inputs: &[Input]) {
        for at in std::mem::take(&mut self.unkeyed) {
            let key = self.key(inputs[at].path(), true);
            self.keys.insert(key);
        }
    }
}

fn walk_dir(
    root: &Path,
    filter: &ExtFilter,
    walked: &mut Reached,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<Error>,
) {
    // Siblings sorted by name: their paths are one parent path and a name each, so comparing
    // whole paths bytewise gives the names' order without parsing each path for its name.
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    // The root's canonical path, found once: below it, an entry reached through no symlink
    // has that path and its own path under the root as its canonical path.
    walked.enter(root, std::fs::canonicalize(root).ok(), inputs);
    // For each depth walked into, whether a symlink was followed to get there.
    let mut linked: Vec<bool> = Vec::new();
    for entry in walker {
        if let Ok(e) = &entry {
            let depth = e.depth();
            linked.truncate(depth);
            // The root's own symlinks are resolved in its canonical path.
            let above = depth > 0 && linked.get(depth - 1).copied().unwrap_or(true);
            linked.push(above || (depth > 0 && e.path_is_symlink()));
        }
        match entry {
            Ok(e) if e.file_type().is_file() && filter.accepts(e.path()) => {
                // Canonical paths catch a symlink leading out of the root and back into a
                // folder already walked.
                let plain = linked.last() == Some(&false);
                if walked.keep(e.path(), plain, inputs) {
                    inputs.push(Input::Walked(e.into_path()));
                }
            }
            Ok(e) if e.file_type().is_file() => {
                if let Some(kind) = kind::unreadable(e.path()) {
                    errors.push(Error::UnreadableKind {
                        path: e.into_path(),
                        kind,
                    });
                }
            }
            Ok(_) => {}
            Err(err) => errors.push(walk_error(root, err)),
        }
    }
}

fn walk_error(root: &Path, err: walkdir::Error) -> Error {
    let path = err
        .path()
        .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
    if let Some(ancestor) = err.loop_ancestor() {
        let detail = format!("points back to {}", ancestor.display());
        return Error::SymlinkLoop { path, detail };
    }
    match err.into_io_error() {
        Some(io) => path_error(path, io),
        None => Error::Walk {
            path,
            reason: "cannot be walked".to_string(),
        },
    }
}

/// Name what went wrong with a path that could not be followed: a symlink gets a precise
/// reason, anything else the OS error.
fn path_error(path: PathBuf, e: io::Error) -> Error {
    let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && e.kind() == io::ErrorKind::NotFound {
        Error::DanglingSymlink { path }
    } else if is_link && is_loop(&e) {
        Error::SymlinkLoop {
            path,
            detail: "too many levels of symbolic links".to_string(),
        }
    } else {
        Error::Io { path, source: e }
    }
}

/// ELOOP, whatever its number on this OS (`ErrorKind::FilesystemLoop` is not stable yet, but
/// its name shows in the error's debug form).
fn is_loop(e: &io::Error) -> bool {
    format!("{e:?}").contains("FilesystemLoop")
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
        assert!(f.accepts(Path::new("a/b.txt.gz")));
        assert!(f.accepts(Path::new("a/b.jsonl")));
        assert!(f.accepts(Path::new("a/b.warc.gz")));
        assert!(!f.accepts(Path::new("a/b.tar.gz")));
    }

    #[test]
    fn unreadable_kinds_found_while_walking_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.pdf"), b"%PDF-1.4").unwrap();
        std::fs::write(dir.path().join("b.png"), b"\x89PNG").unwrap();
        std::fs::write(dir.path().join("c.txt"), b"text").unwrap();
        let (inputs, errors) = collect(&[dir.path().to_path_buf()], &ExtFilter::default());
        assert_eq!(inputs, [Input::Walked(dir.path().join("c.txt"))]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].unreadable_kind().as_deref(), Some("PDF document"));
    }

    #[test]
    fn a_file_reached_twice_is_read_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("news/deep")).unwrap();
        std::fs::write(d.join("news/deep/a.txt"), b"a").unwrap();
        std::fs::write(d.join("news/b.txt"), b"b").unwrap();
        symlink("news", d.join("link")).unwrap();
        symlink("../news/deep", d.join("news/deep-again")).unwrap();
        // The folder, a symlink to it as a root, a folder inside it, and the symlinks within.
        let roots = [
            d.join("news"),
            d.join("link"),
            d.join("news/deep"),
            d.join("link/."),
        ];
        let (inputs, errors) = collect(&roots, &ExtFilter::default());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            inputs,
            [
                Input::Walked(d.join("news/b.txt")),
                Input::Walked(d.join("news/deep/a.txt")),
            ]
        );
    }
}
