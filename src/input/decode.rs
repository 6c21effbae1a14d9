//! Bytes to text: BOMs, the charset an HTML page declares, and undeclared legacy encodings
//! detected from the bytes. Replacement characters are never silent.

use encoding_rs::{Encoding, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8};
use regex::bytes::Regex;
use std::sync::LazyLock;

/// Decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text (BOM removed).
    pub text: String,
    /// The encoding used.
    pub encoding: &'static str,
    /// True when malformed sequences were replaced with U+FFFD.
    pub lossy: bool,
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_\-:.]{2,40})"#).unwrap()
});

/// Decode `bytes`: BOM first, then valid UTF-8, then a declared HTML charset, then UTF-8 with
/// a few broken sequences (replaced, and flagged `lossy`), then detection.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return with(enc, &bytes[bom_len..]);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            lossy: false,
        };
    }
    if let Some(enc) = declared_charset(bytes) {
        return with(enc, bytes);
    }
    if mostly_utf8(bytes) {
        return with(UTF_8, bytes);
    }
    with(detect(bytes), bytes)
}

/// A UTF-8 character is at most four bytes, so a cut final character leaves at most three.
const MAX_CUT_CHAR_BYTES: usize = 3;
/// The smallest byte that starts a multi-byte UTF-8 character (0x80..0xC1 never do).
const MIN_UTF8_LEAD: u8 = 0xC2;

/// UTF-8 with damage: a file cut inside its last character, or no more broken sequences than
/// well-formed multi-byte characters (legacy 8-bit text almost never holds any of those).
/// Detection would read such a file as Windows-1252 and garble every non-ASCII character.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut broken) = (0usize, 0usize);
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            let last = chunks.peek().is_none() && chunk.invalid().len() <= MAX_CUT_CHAR_BYTES;
            if last && broken == 0 && chunk.invalid()[0] >= MIN_UTF8_LEAD {
                // Only a truncated final character.
                return true;
            }
            broken += 1;
        }
    }
    multibyte > 0 && broken <= multibyte
}

fn with(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, lossy) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        lossy,
    }
}

/// How many leading bytes are searched for a `<meta charset>`: the HTML spec requires the
/// declaration within the first 1,024 bytes; pages that break the rule still keep it in the head.
const CHARSET_SNIFF_BYTES: usize = 4096;

/// The charset a page declares in its first few kilobytes. UTF-8 declarations are ignored here
/// (the bytes were already found not to be UTF-8), and so are UTF-16 (meaningless without a
/// BOM) and the labels WHATWG maps to the "replacement" encoding (which would turn the whole
/// page into one U+FFFD): detection does better for all of them.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_SNIFF_BYTES)];
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label).filter(|e| ![UTF_8, UTF_16LE, UTF_16BE, REPLACEMENT].contains(e))
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("héllo".as_bytes()).text, "héllo");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("héllo".as_bytes());
        let d = decode(&b);
        assert_eq!((d.text.as_str(), d.lossy), ("héllo", false));
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Kyiv".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).text, "Kyiv");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Kyiv".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).text, "Kyiv");
    }

    #[test]
    fn legacy_encodings_are_detected() {
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252
            .encode("The minister said “no” to the café’s décor and naïve résumé.");
        let d = decode(&cp1252);
        assert!(d.text.contains("“no”") && d.text.contains("café"), "{d:?}");
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251
            .encode("Министр иностранных дел Украины заявил, что Киев хочет вступить в НАТО.");
        let d = decode(&cp1251);
        assert!(d.text.contains("Киев"), "{d:?}");
    }

    #[test]
    fn damaged_utf8_stays_utf8_and_is_flagged() {
        let mut b = "Ukraine\u{2019}s \u{201c}path\u{201d} to NATO"
            .as_bytes()
            .to_vec();
        b.push(0xFF);
        b.extend_from_slice(" said Kuleba.".as_bytes());
        let d = decode(&b);
        assert_eq!(
            d.text,
            "Ukraine\u{2019}s \u{201c}path\u{201d} to NATO\u{FFFD} said Kuleba."
        );
        assert!(d.lossy);
        let mut cut = b"plain ASCII then a cut character ".to_vec();
        cut.extend_from_slice(&"\u{201c}".as_bytes()[..2]);
        let d = decode(&cut);
        assert_eq!((d.encoding, d.lossy), ("UTF-8", true));
        assert!(d.text.ends_with(" \u{FFFD}"), "{d:?}");
    }

    #[test]
    fn useless_declarations_are_ignored() {
        let mut page = b"<html><head><meta charset=\"iso-2022-kr\"></head><body>caf".to_vec();
        page.push(0xE9);
        page.extend_from_slice(
            b" au lait, na\xefve r\xe9sum\xe9 de la d\xe9l\xe9gation fran\xe7aise",
        );
        let d = decode(&page);
        assert!(d.text.contains("café au lait"), "{d:?}");
    }

    #[test]
    fn declared_charset_wins() {
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf".to_vec();
        page.push(0xE9);
        let d = decode(&page);
        assert!(d.text.ends_with("café"));
    }
}
