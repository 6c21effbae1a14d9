//! Where output records go: stdout, a file replaced whole when the run ends, or a file
//! appended to. The caller writes each input's records with one `write_all`, so a file only
//! ever holds whole lines, except after a kill or a full disk in the middle of a write, which
//! the next appending run repairs before it writes.

use super::state::{parent_dir, sync_dir, temp_beside};
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// An output destination.
pub enum Sink {
    /// Standard output, buffered.
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// A temporary file beside `path`, renamed over it by [`Sink::finish`]: until then the old
    /// file stays as it was, and a killed run leaves it untouched.
    Replace {
        /// The temporary file.
        tmp: NamedTempFile,
        /// Where it goes at the end.
        path: PathBuf,
    },
    /// An existing (or new) file written at its end.
    Append {
        /// The file, opened for appending.
        file: File,
        /// Its length so far.
        length: u64,
    },
}

/// What opening a file for appending had to cut from its end.
#[derive(Debug, PartialEq, Eq)]
pub enum Repair {
    /// Nothing: the file ended with a whole line (or was empty or new).
    None,
    /// A torn last line (no newline at its end) was cut: this many bytes.
    TornLine(u64),
    /// Records after the length the `--state` file vouches for were cut: this many bytes.
    Uncommitted(u64),
}

impl Sink {
    /// Standard output.
    pub fn stdout() -> Sink {
        Sink::Stdout(BufWriter::new(io::stdout().lock()))
    }

    /// A file replaced whole at the end of the run.
    pub fn replace(path: &Path) -> io::Result<Sink> {
        let tmp = temp_beside(path, ".natoclaims-out-")?;
        Ok(Sink::Replace {
            tmp,
            path: path.to_path_buf(),
        })
    }

    /// A file appended to, created if missing. `committed` is the length a `--state` file
    /// says holds only processed inputs: a longer file is cut back to it. Without it, or when
    /// the file is shorter (another file now), only a torn last line is cut.
    pub fn append(path: &Path, committed: Option<u64>) -> io::Result<(Sink, Repair)> {
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)?;
        let length = file.metadata()?.len();
        let (keep, repair) = match committed {
            Some(c) if c < length => (c, Repair::Uncommitted(length - c)),
            Some(c) if c == length => (c, Repair::None),
            _ => {
                let keep = whole_lines_length(&mut file, length)?;
                let repair = if keep < length {
                    Repair::TornLine(length - keep)
                } else {
                    Repair::None
                };
                (keep, repair)
            }
        };
        if keep < length {
            file.set_len(keep)?;
            file.sync_all()?;
            super::crash::here();
        }
        Ok((Sink::Append { file, length: keep }, repair))
    }

    /// Is this standard output on a terminal?
    pub fn is_terminal(&self) -> bool {
        matches!(self, Sink::Stdout(_)) && std::io::IsTerminal::is_terminal(&io::stdout())
    }

    /// Does the destination start empty (so a CSV header belongs at its top)?
    pub fn starts_empty(&self) -> bool {
        match self {
            Sink::Append { length, .. } => *length == 0,
            _ => true,
        }
    }

    /// Make everything written so far durable: flush, and fsync a file. Returns the length of
    /// an appended file (what a state may now vouch for).
    pub fn commit(&mut self) -> io::Result<Option<u64>> {
        match self {
            Sink::Stdout(w) => w.flush().map(|_| None),
            Sink::Replace { tmp, .. } => tmp.as_file().sync_data().map(|_| None),
            Sink::Append { file, length } => {
                file.sync_data()?;
                Ok(Some(*length))
            }
        }
    }

    /// End the run: flush; put a replaced file in place (fsync, rename, fsync the folder).
    pub fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush(),
            Sink::Replace { tmp, path } => {
                tmp.as_file().sync_all()?;
                tmp.persist(&path).map_err(|e| e.error)?;
                sync_dir(&parent_dir(&path))
            }
            Sink::Append { file, .. } => file.sync_all(),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::Replace { tmp, .. } => tmp.write(buf),
            Sink::Append { file, length } => {
                let n = file.write(buf)?;
                *length += n as u64;
                Ok(n)
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::Replace { tmp, .. } => tmp.flush(),
            Sink::Append { file, .. } => file.flush(),
        }
    }
}

/// The length of the file up to and including its last newline (0 when it has none).
fn whole_lines_length(file: &mut File, length: u64) -> io::Result<u64> {
    const CHUNK: u64 = 64 * 1024;
    let mut end = length;
    let mut buf = vec![0u8; CHUNK as usize];
    while end > 0 {
        let start = end.saturating_sub(CHUNK);
        let n = (end - start) as usize;
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut buf[..n])?;
        if let Some(i) = buf[..n].iter().rposition(|&b| b == b'\n') {
            return Ok(start + i as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn appended(initial: &[u8], committed: Option<u64>) -> (Vec<u8>, Repair) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        fs::write(&path, initial).unwrap();
        let (mut sink, repair) = Sink::append(&path, committed).unwrap();
        sink.write_all(b"{\"new\":1}\n").unwrap();
        assert_eq!(
            sink.commit().unwrap(),
            Some(fs::metadata(&path).unwrap().len())
        );
        sink.finish().unwrap();
        (fs::read(&path).unwrap(), repair)
    }

    #[test]
    fn appending_cuts_a_torn_last_line_first() {
        let (out, repair) = appended(b"{\"a\":1}\n{\"b\":", None);
        assert_eq!(out, b"{\"a\":1}\n{\"new\":1}\n");
        assert_eq!(repair, Repair::TornLine(5));
        let (out, repair) = appended(b"{\"b\":", None);
        assert_eq!(out, b"{\"new\":1}\n");
        assert_eq!(repair, Repair::TornLine(5));
    }

    #[test]
    fn appending_keeps_whole_lines() {
        let (out, repair) = appended(b"{\"a\":1}\n", None);
        assert_eq!(out, b"{\"a\":1}\n{\"new\":1}\n");
        assert_eq!(repair, Repair::None);
    }

    #[test]
    fn appending_cuts_back_to_the_committed_length() {
        let (out, repair) = appended(b"{\"a\":1}\n{\"b\":2}\n", Some(8));
        assert_eq!(out, b"{\"a\":1}\n{\"new\":1}\n");
        assert_eq!(repair, Repair::Uncommitted(8));
        // A file shorter than the committed length is another file: only torn lines go.
        let (out, repair) = appended(b"{\"a\":1}\n", Some(100));
        assert_eq!(out, b"{\"a\":1}\n{\"new\":1}\n");
        assert_eq!(repair, Repair::None);
    }

    #[test]
    fn a_long_last_line_is_found_across_chunks() {
        let mut initial = b"{\"a\":1}\n".to_vec();
        initial.extend(std::iter::repeat_n(b'x', 200_000));
        let (out, repair) = appended(&initial, None);
        assert_eq!(out, b"{\"a\":1}\n{\"new\":1}\n");
        assert_eq!(repair, Repair::TornLine(200_000));
    }

    #[test]
    fn a_replaced_file_keeps_its_old_content_until_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        fs::write(&path, "old\n").unwrap();
        let mut sink = Sink::replace(&path).unwrap();
        sink.write_all(b"new\n").unwrap();
        sink.commit().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old\n");
        sink.finish().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
        // Dropped without finishing (a failed run): the old file stays, the temp file goes.
        let mut sink = Sink::replace(&path).unwrap();
        sink.write_all(b"half").unwrap();
        drop(sink);
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
