//! Input: finding files, reading them safely, decoding bytes to text, and turning HTML pages
//! into article text.

mod decode;
mod html;
pub mod read;
pub mod walk;

use crate::document::{Document, SourceFormat};
use crate::meta::Meta;
use sha2::{Digest, Sha256};

/// A decoded document plus what the decoder wants the user to know.
#[derive(Debug)]
pub struct Loaded {
    /// The document.
    pub document: Document,
    /// A warning for stderr (lossy decoding), if any.
    pub warning: Option<String>,
}

/// Turn raw bytes into a [`Document`]: decode, and extract the article if it is HTML.
pub fn load(path: &str, bytes: &[u8], html_hint: bool) -> Loaded {
    let sha256 = hex(&Sha256::digest(bytes));
    let decoded = decode::decode(bytes);
    let warning = decoded.lossy.then(|| {
        format!(
            "invalid {} byte sequences were replaced with U+FFFD",
            decoded.encoding
        )
    });
    let (text, format, source_meta) = if html_hint || html::looks_like_html(&decoded.text) {
        let a = html::extract_article(&decoded.text);
        (a.text, SourceFormat::Html, a.meta)
    } else {
        (decoded.text, SourceFormat::Text, Meta::default())
    };
    Loaded {
        document: Document {
            path: path.to_string(),
            sha256,
            text,
            format,
            source_meta,
        },
        warning,
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_of_raw_bytes() {
        let l = load("x.txt", b"abc", false);
        assert_eq!(
            l.document.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(l.warning.is_none());
    }
}
