//! gzip: `.gz` files and gzip'd stdin. Every member of a multi-member file is read
//! ([`MultiGzDecoder`]), as `.warc.gz` files (one member per record) need.

use flate2::read::MultiGzDecoder;
use std::io::{self, Read};

/// The first two bytes of every gzip member.
pub const MAGIC: [u8; 2] = [0x1f, 0x8b];

/// A reader of the decompressed bytes.
pub fn decoder<R: Read>(compressed: R) -> MultiGzDecoder<R> {
    MultiGzDecoder::new(compressed)
}

/// Is this read error the decoder's verdict on bad data (not an OS error)?
pub fn is_corrupt(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput | io::ErrorKind::UnexpectedEof
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn every_member_is_read() {
        let mut two = gz(b"first member, ");
        two.extend(gz(b"second member"));
        assert!(two.starts_with(&MAGIC));
        let mut out = String::new();
        decoder(&two[..]).read_to_string(&mut out).unwrap();
        assert_eq!(out, "first member, second member");
    }

    #[test]
    fn damage_is_reported_as_corrupt() {
        let mut bad = gz(b"some text that will be cut short before its end");
        bad.truncate(bad.len() - 12);
        let err = decoder(&bad[..]).read_to_end(&mut Vec::new()).unwrap_err();
        assert!(is_corrupt(&err), "{err:?}");
    }
}
