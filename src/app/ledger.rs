//! The run's side of `--state`: which inputs to skip, and the commit that records a batch of
//! processed inputs only after their output is durable.
//!
//! Exactly-once with `-o FILE`: each commit fsyncs the output, then writes the state with the
//! output's length. A run killed before a commit leaves output the state does not vouch for;
//! the next run cuts the file back to the committed length and processes those inputs again,
//! so the file ends up holding every claim once. The caller never commits inside a JSON Lines
//! or WARC file (`batch.rs`), so the committed length never ends inside one. With stdout
//! nothing can be cut: the inputs of the batch in flight (at most one batch, or the stream
//! being read) are printed again by the next run.
//!
//! One run at a time per state file: [`Ledger::open`] takes an exclusive advisory lock on a
//! hidden `.NAME.lock` file beside the state (the state itself is replaced by rename, so its
//! inode cannot carry the lock) before reading the state, and holds it until the process ends
//! (the OS drops it even on SIGKILL). A second run on the same state stops at once with an
//! error instead of interleaving commits.

use super::sink::Sink;
use super::state::{self, Committed, Fingerprint, Loaded, State};
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// The state file and what it holds.
pub struct Ledger {
    path: PathBuf,
    state: State,
    /// The absolute path of the `-o` file, if any.
    output: Option<PathBuf>,
    /// The locked `.NAME.lock` file: held (open) for the whole run.
    _lock: File,
}

/// The lock file of the state at `path`: hidden (walks skip it), in the same folder.
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "state".into());
    state::parent_dir(path).join(format!(".{name}.lock"))
}

/// Take the exclusive lock for the state at `path`, or say who holds it.
fn lock(path: &Path) -> Result<File, String> {
    let lock = lock_path(path);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .map_err(|e| format!("cannot open the lock file {}: {e}", lock.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(format!(
            "another natoclaims run is using this state file (it holds the lock on {}); run one at a time per state file",
            lock.display()
        )),
        Err(TryLockError::Error(e)) => {
            Err(format!("cannot lock {}: {e}", lock.display()))
        }
    }
}

impl Ledger {
    /// Read the state at `path` for a run writing to `output` (stdout when `None`). An
    /// outdated state is reported on stderr and starts empty.
    pub fn open(path: &Path, output: Option<&Path>) -> Result<Ledger, String> {
        let lock = lock(path)?;
        let loaded = state::load(path)?;
        if let Loaded::Outdated { was, .. } = &loaded {
            let _ = io::Write::write_all(
                &mut io::stderr().lock(),
                format!(
                    "natoclaims: {}: written by natoclaims {was}; this is {} (rules {}): every input is processed again\n",
                    path.display(),
                    env!("CARGO_PKG_VERSION"),
                    natoclaims::RULES_VERSION
                )
                .as_bytes(),
            );
        }
        let output = output
            .map(|o| std::path::absolute(o).map_err(|e| format!("{}: {e}", o.display())))
            .transpose()?;
        Ok(Ledger {
            path: path.to_path_buf(),
            state: loaded.into_state(),
            output,
            _lock: lock,
        })
    }

    /// The state as loaded or last committed.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The length of the `-o` file the state vouches for, when the state was last committed
    /// with this same file.
    pub fn committed_length(&self) -> Option<u64> {
        match (&self.state.output, &self.output) {
            (Some(c), Some(o)) if &c.path == o => Some(c.length),
            _ => None,
        }
    }

    /// Before the first record is written: vouch for the output file as it is now (after any
    /// repair), so that a run killed before its first commit leaves nothing the next run
    /// would keep twice.
    pub fn begin(&mut self, out: &mut Sink) -> io::Result<()> {
        let (Some(length), Some(path)) = (out.commit()?, &self.output) else {
            return Ok(());
        };
        let now = Some(Committed {
            path: path.clone(),
            length,
        });
        if self.state.output != now {
            super::crash::here();
            self.state.output = now;
            self.save()?;
        }
        Ok(())
    }

    /// Record `finished` inputs: make the output durable first, then replace the state file.
    /// Nothing is written when no input is new or changed.
    pub fn commit(
        &mut self,
        out: &mut Sink,
        finished: Vec<(String, Fingerprint)>,
    ) -> io::Result<()> {
        let fresh: Vec<_> = finished
            .into_iter()
            .filter(|(k, p)| !self.state.is_done(k, p))
            .collect();
        if fresh.is_empty() {
            return Ok(());
        }
        let length = out.commit()?;
        super::crash::here();
        self.state.inputs.extend(fresh);
        if let (Some(length), Some(path)) = (length, &self.output) {
            self.state.output = Some(Committed {
                path: path.clone(),
                length,
            });
        }
        self.save()
    }

    fn save(&self) -> io::Result<()> {
        self.state.save(&self.path).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("{}: cannot write the state file: {e}", self.path.display()),
            )
        })
    }
}
