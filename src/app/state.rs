//! `--state FILE`: what earlier runs have processed, so a rerun reads only new or changed
//! inputs.
//!
//! The file is JSON: the tool and rules versions it was written with, each processed input
//! (its key, size and SHA-256) and, when claims went to `-o FILE`, that file's path and the
//! length it had when the state was last written (`committed`). A state of another tool or
//! rules version counts as empty: everything is processed again.
//!
//! It is only ever replaced whole ([`write_atomically`]: a temporary file in the same folder,
//! fsync, rename, fsync of the folder), and only after the claims of every input it lists were
//! written and flushed (fsynced for a file), so a run killed at any moment leaves either the
//! old state or the new one, never a torn one, and never lists an input whose claims were lost.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The value of the `format` field.
const FORMAT: &str = "natoclaims-state/1";

/// One processed input: a file's bytes as stored (a gzip'd file's compressed bytes, a JSON
/// Lines or WARC file whole), or the article read from stdin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Size in bytes.
    pub size: u64,
    /// Hex SHA-256 of the bytes.
    pub sha256: String,
}

/// The fingerprint of bytes in memory.
pub fn fingerprint(bytes: &[u8]) -> Fingerprint {
    Fingerprint {
        size: bytes.len() as u64,
        sha256: hex(&Sha256::digest(bytes)),
    }
}

/// The fingerprint of a file's bytes as stored, read in chunks (a JSON Lines or WARC file may
/// be far larger than memory).
pub fn fingerprint_file(path: &Path) -> io::Result<Fingerprint> {
    let mut file = File::open(path)?;
    let mut hash = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hash.update(&buf[..n]);
        size += n as u64;
    }
    Ok(Fingerprint {
        size,
        sha256: hex(&hash.finalize()),
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The output file the state's inputs were written to, and how long it was then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Committed {
    /// Absolute path of the `-o` file.
    pub path: PathBuf,
    /// Its length in bytes when the state was written: every byte before it belongs to an
    /// input the state lists, every byte after it to none.
    pub length: u64,
}

/// The contents of a state file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Always `natoclaims-state/1`.
    pub format: String,
    /// The crate version that wrote it.
    pub tool: String,
    /// [`natoclaims::RULES_VERSION`] of the binary that wrote it.
    pub rules: String,
    /// The `-o` file and its committed length (absent when claims went to stdout).
    pub output: Option<Committed>,
    /// Processed inputs by key (the path as given, listed or walked; `-` for stdin read as
    /// one article). A JSON Lines or WARC file is one input, its records not tracked.
    pub inputs: BTreeMap<String, Fingerprint>,
}

impl Default for State {
    fn default() -> Self {
        State {
            format: FORMAT.to_string(),
            tool: env!("CARGO_PKG_VERSION").to_string(),
            rules: natoclaims::RULES_VERSION.to_string(),
            output: None,
            inputs: BTreeMap::new(),
        }
    }
}

/// How a state file was found.
#[derive(Debug)]
pub enum Loaded {
    /// No file yet: a first run.
    New(State),
    /// Written by this tool and rules version.
    Current(State),
    /// Written by another version: its inputs are forgotten, its output record kept.
    Outdated {
        /// The state to go on with (no inputs).
        state: State,
        /// "0.1.0 / rules 1a2b..." of the file.
        was: String,
    },
}

impl Loaded {
    /// The state to run with.
    pub fn into_state(self) -> State {
        match self {
            Loaded::New(s) | Loaded::Current(s) | Loaded::Outdated { state: s, .. } => s,
        }
    }
}

/// Read the state file at `path`; a missing file is a new state. A file that is not a state
/// file is an error (never silently replaced).
pub fn load(path: &Path) -> Result<Loaded, String> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::New(State::default())),
        Err(e) => return Err(format!("cannot read the state file: {e}")),
    };
    let state: State = serde_json::from_str(&text)
        .map_err(|e| format!("not a natoclaims state file ({e}); remove it to start afresh"))?;
    if state.format != FORMAT {
        return Err(format!("unknown state format {:?}", state.format));
    }
    let fresh = State::default();
    if state.tool == fresh.tool && state.rules == fresh.rules {
        return Ok(Loaded::Current(state));
    }
    let was = format!("{} (rules {})", state.tool, state.rules);
    let state = State {
        output: state.output,
        ..fresh
    };
    Ok(Loaded::Outdated { state, was })
}

impl State {
    /// Was this input processed before with these exact bytes?
    pub fn is_done(&self, key: &str, print: &Fingerprint) -> bool {
        self.inputs.get(key) == Some(print)
    }

    /// Write the state to `path` atomically.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let mut bytes = serde_json::to_vec_pretty(self).map_err(io::Error::other)?;
        bytes.push(b'\n');
        write_atomically(path, &bytes)
    }
}

/// Replace `path` with `bytes` so that a crash at any moment leaves the old file or the new
/// one: write a temporary file in the same folder, fsync it, rename it over `path`, fsync the
/// folder (so the rename itself survives a power cut).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_dir(path);
    let mut tmp = temp_beside(path, ".natoclaims-state-")?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    super::crash::here();
    tmp.persist(path).map_err(|e| e.error)?;
    super::crash::here();
    sync_dir(&dir)
}

/// A temporary file in `target`'s folder, to be renamed over it: created with the permissions
/// a new file gets (0666 less the umask), or those of `target` when it exists, never the
/// owner-only mode temporary files have by default.
pub fn temp_beside(target: &Path, prefix: &str) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(parent_dir(target))?;
    if let Ok(old) = fs::metadata(target) {
        tmp.as_file().set_permissions(old.permissions())?;
    }
    Ok(tmp)
}

/// The folder a file lives in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Fsync a folder, so a rename inside it is durable. Folders cannot be opened for that on
/// every platform; there it is a no-op.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir) {
        Ok(d) => match d.sync_all() {
            Ok(()) => Ok(()),
            // Some file systems and platforms refuse to fsync a folder: nothing more to do.
            Err(e) if e.kind() == io::ErrorKind::InvalidInput => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Ok(()),
            Err(e) => Err(e),
        },
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(n: u64) -> Fingerprint {
        Fingerprint {
            size: n,
            sha256: format!("{n:064x}"),
        }
    }

    #[test]
    fn a_saved_state_loads_back_as_current() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        assert!(matches!(load(&path), Ok(Loaded::New(_))));
        let mut s = State::default();
        s.inputs.insert("a.txt".into(), print(3));
        s.save(&path).unwrap();
        match load(&path).unwrap() {
            Loaded::Current(back) => {
                assert_eq!(back, s);
                assert!(back.is_done("a.txt", &print(3)));
                assert!(!back.is_done("a.txt", &print(4)));
                assert!(!back.is_done("b.txt", &print(3)));
            }
            other => panic!("{other:?}"),
        }
        // Only the state itself is left in the folder: no temporary file.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn another_rules_version_forgets_the_inputs_but_keeps_the_output_record() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let mut s = State {
            rules: "0000000000000000".into(),
            ..State::default()
        };
        s.inputs.insert("a.txt".into(), print(3));
        s.output = Some(Committed {
            path: "/x/out.jsonl".into(),
            length: 10,
        });
        s.save(&path).unwrap();
        match load(&path).unwrap() {
            Loaded::Outdated { state, was } => {
                assert!(state.inputs.is_empty());
                assert_eq!(state.output, s.output);
                assert!(was.contains("0000000000000000"), "{was}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_file_is_fingerprinted_like_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        let bytes: Vec<u8> = (0..600_000u32).map(|i| (i % 251) as u8).collect();
        fs::write(&path, &bytes).unwrap();
        let print = fingerprint_file(&path).unwrap();
        assert_eq!(print, fingerprint(&bytes));
        assert_eq!(print.size, 600_000);
        assert_eq!(
            fingerprint(b"abc").sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(fingerprint_file(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn a_file_that_is_not_a_state_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        fs::write(&path, "{\"format\": \"natoclaims-state/1\", \"tool\"").unwrap();
        assert!(load(&path)
            .unwrap_err()
            .contains("not a natoclaims state file"));
        fs::write(&path, "[]").unwrap();
        assert!(load(&path).is_err());
    }
}
