//! Reading one input safely: size limit before reading, binary sniffing after.

use crate::error::Error;
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Default `--max-bytes`: 32 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;

/// Read a file whole, refusing files over `max_bytes` without reading them, and binaries.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > max_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: max_bytes,
        });
    }
    // `take` guards against a file that grows while we read it, and against files whose size
    // the OS does not know (/proc, devices): reading stops one byte past the limit.
    read_capped(file, path, max_bytes, usize::try_from(size).unwrap_or(0))
}

/// Read at most `max_bytes` (plus one, to notice a larger input), then check for binary data.
fn read_capped(
    reader: impl Read,
    path: &Path,
    max_bytes: u64,
    capacity: usize,
) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > max_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    check_binary(path, &bytes)?;
    Ok(bytes)
}

/// Read standard input whole, with the same limit and binary check.
pub fn read_stdin(max_bytes: u64) -> Result<Vec<u8>, Error> {
    read_capped(std::io::stdin().lock(), Path::new("-"), max_bytes, 0)
}

fn check_binary(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    match sniff_binary(bytes) {
        Some(what) => Err(Error::Binary {
            path: path.to_path_buf(),
            what,
        }),
        None => Ok(()),
    }
}

/// How many leading bytes are searched for a NUL byte: text never holds one, and binaries
/// show one early (git's heuristic looks at the first 8,000).
const SNIFF_BYTES: usize = 8192;

/// Name the kind of binary data, or None for text. UTF-16 with a BOM is text.
fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x1f\x8b", "gzip"),
        (b"\x89PNG", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF"),
        (b"PK\x03\x04", "zip archive"),
        (b"\x7fELF", "executable"),
        (b"RIFF", "RIFF media"),
        (b"BZh", "bzip2"),
        (b"\xfd7zXZ", "xz"),
        (b"\x28\xb5\x2f\xfd", "zstd"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(what);
    }
    let utf16_bom = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    (!utf16_bom && head.contains(&0)).then_some("NUL bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_common_binaries() {
        assert_eq!(sniff_binary(b"\x1f\x8b\x08\x00"), Some("gzip"));
        assert_eq!(sniff_binary(b"abc\0def"), Some("NUL bytes"));
        assert_eq!(sniff_binary(b"plain text"), None);
        assert_eq!(sniff_binary(&[0xFF, 0xFE, b'a', 0]), None);
    }
}
