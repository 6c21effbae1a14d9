//! `--files-from`: the paths to read, one per line (or NUL-separated with `-0`), from a file or
//! stdin, as `find`, `git ls-files` and nightly scripts write them.

use std::ffi::OsString;
use std::io::Read;
use std::path::PathBuf;

/// How the paths in a list are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    /// One path per line (a trailing `\r` is dropped; blank lines are skipped).
    Newline,
    /// NUL-terminated paths (`find -print0`), taken byte for byte.
    Nul,
}

/// Read a list of paths. Empty entries are skipped, so an empty list is no paths (never `.`).
pub fn read_list(mut reader: impl Read, sep: Separator) -> std::io::Result<Vec<PathBuf>> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    Ok(parse_list(&bytes, sep))
}

/// The paths in a list's bytes.
pub fn parse_list(bytes: &[u8], sep: Separator) -> Vec<PathBuf> {
    let split = match sep {
        Separator::Newline => b'\n',
        Separator::Nul => 0,
    };
    bytes
        .split(|&b| b == split)
        .map(|entry| match sep {
            Separator::Newline => entry.strip_suffix(b"\r").unwrap_or(entry),
            Separator::Nul => entry,
        })
        .filter(|entry| !entry.is_empty())
        .map(path_of)
        .collect()
}

#[cfg(unix)]
fn path_of(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(OsString::from_vec(bytes.to_vec()))
}

#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(OsString::from(String::from_utf8_lossy(bytes).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_nuls() {
        let p = |v: &[&str]| v.iter().map(PathBuf::from).collect::<Vec<_>>();
        assert_eq!(
            parse_list(b"a.txt\r\n\nsub/b c.html\n", Separator::Newline),
            p(&["a.txt", "sub/b c.html"])
        );
        assert_eq!(
            parse_list(b"a\nb.txt\0c.txt\0", Separator::Nul),
            p(&["a\nb.txt", "c.txt"])
        );
        assert!(parse_list(b"\n\n", Separator::Newline).is_empty());
        assert!(read_list(&b""[..], Separator::Nul).unwrap().is_empty());
    }
}
