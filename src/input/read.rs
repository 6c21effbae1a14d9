//! Reading one input safely: size limit before reading (after decompression for `.gz`),
//! binary sniffing after; and `--max-bytes` values as people write them (`32M`).

use super::gzip;
use crate::error::Error;
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Default `--max-bytes`: 32 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;

/// Read a file whole, refusing files over `max_bytes` without reading them, and binaries.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    read_file_into(path, max_bytes, &mut bytes)?;
    Ok(bytes)
}

/// [`read_file`] into `bytes` (cleared first), so a caller reading many files can reuse one
/// buffer.
pub fn read_file_into(path: &Path, max_bytes: u64, bytes: &mut Vec<u8>) -> Result<(), Error> {
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
    read_capped_into(
        file,
        path,
        max_bytes,
        usize::try_from(size).unwrap_or(0),
        bytes,
    )
}

/// Read a gzip'd file whole, decompressing it; `max_bytes` limits the decompressed bytes, so a
/// small file that inflates to gigabytes is refused after `max_bytes + 1` of them.
pub fn read_gz_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    read_gz_file_into(path, max_bytes, &mut bytes)?;
    Ok(bytes)
}

/// [`read_gz_file`] into `bytes` (cleared first).
pub fn read_gz_file_into(path: &Path, max_bytes: u64, bytes: &mut Vec<u8>) -> Result<(), Error> {
    let file = File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_capped_into(gzip::decoder(file), path, max_bytes, 0, bytes)
}

/// Read at most `max_bytes` (plus one, to notice a larger input), then check for binary data.
pub fn read_capped(
    reader: impl Read,
    path: &Path,
    max_bytes: u64,
    capacity: usize,
) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    read_capped_into(reader, path, max_bytes, capacity, &mut bytes)?;
    Ok(bytes)
}

/// [`read_capped`] into `bytes` (cleared first).
fn read_capped_into(
    reader: impl Read,
    path: &Path,
    max_bytes: u64,
    capacity: usize,
    bytes: &mut Vec<u8>,
) -> Result<(), Error> {
    let mut reader = reader.take(max_bytes.saturating_add(1));
    if capacity == 0 {
        bytes.clear();
    } else {
        // The size the OS reported, read in as few calls as it takes (`read_to_end` alone
        // reads 8 KiB at a time at first: three calls for a 10 KiB article), then on to the
        // end as before. A reused buffer's old bytes are read over, not zeroed first: only
        // what it grows by is.
        bytes.resize(capacity, 0);
        let mut filled = 0;
        while filled < capacity {
            match reader.read(&mut bytes[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(read_error(path, e)),
            }
        }
        bytes.truncate(filled);
    }
    reader
        .read_to_end(bytes)
        .map_err(|source| read_error(path, source))?;
    if bytes.len() as u64 > max_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    check_binary(path, bytes)
}

/// A read error: the gzip decoder's verdict on damaged data, or the OS error.
fn read_error(path: &Path, source: std::io::Error) -> Error {
    if gzip::is_corrupt(&source) {
        Error::Corrupt {
            path: path.to_path_buf(),
            reason: format!("damaged gzip data ({source})"),
        }
    } else {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Read standard input whole, with the same limit and binary check.
pub fn read_stdin(max_bytes: u64) -> Result<Vec<u8>, Error> {
    read_capped(std::io::stdin().lock(), Path::new("-"), max_bytes, 0)
}

/// Parse a size as `--max-bytes` takes it: plain bytes (`1048576`) or a number with a binary
/// unit, `K`, `M`, `G` or `T` (`512K`, `32M`, `1.5G`; case-insensitive, an optional `B` or `iB`
/// after it: `32MiB`, `512kb`). `32M` is 32 × 1024 × 1024 bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let unitless = lower
        .strip_suffix("ib")
        .or_else(|| lower.strip_suffix('b'))
        .unwrap_or(&lower);
    let (number, shift) = match unitless.chars().last() {
        Some('k') => (&unitless[..unitless.len() - 1], 10),
        Some('m') => (&unitless[..unitless.len() - 1], 20),
        Some('g') => (&unitless[..unitless.len() - 1], 30),
        Some('t') => (&unitless[..unitless.len() - 1], 40),
        _ => (unitless, 0),
    };
    let bad = || format!("'{s}' is not a size (write bytes, or a number with K, M, G or T: 32M)");
    let number = number.trim();
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(bad());
    }
    if shift == 0 {
        return number.parse::<u64>().map_err(|_| bad());
    }
    let value: f64 = number.parse().map_err(|_| bad())?;
    let bytes = value * (1u64 << shift) as f64;
    // 2^64 is exactly representable; anything at or above it does not fit in a u64.
    if !bytes.is_finite() || bytes >= 18_446_744_073_709_551_616.0 {
        return Err(format!("'{s}' is too large"));
    }
    Ok(bytes.round() as u64)
}

/// Refuse binary data (NUL bytes, or the header of an image, archive or document).
pub fn check_binary(path: &Path, bytes: &[u8]) -> Result<(), Error> {
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
    (!utf16_bom && memchr::memchr(0, head).is_some()).then_some("NUL bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_as_people_write_them() {
        assert_eq!(parse_size("1048576"), Ok(1_048_576));
        assert_eq!(parse_size("512K"), Ok(512 * 1024));
        assert_eq!(parse_size("32M"), Ok(32 * 1024 * 1024));
        assert_eq!(parse_size("32MiB"), Ok(32 * 1024 * 1024));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size("1.5K"), Ok(1536));
        assert_eq!(parse_size(" 2kb "), Ok(2048));
        for bad in ["", "M", "12Q", "-1", "1.5", "3 apples", "99999999999T"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sniffs_common_binaries() {
        assert_eq!(sniff_binary(b"\x1f\x8b\x08\x00"), Some("gzip"));
        assert_eq!(sniff_binary(b"abc\0def"), Some("NUL bytes"));
        assert_eq!(sniff_binary(b"plain text"), None);
        assert_eq!(sniff_binary(&[0xFF, 0xFE, b'a', 0]), None);
    }
}
