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

/// What [`load_relevant`] gives: the document only when it may matter.
#[derive(Debug)]
pub struct Skimmed {
    /// The document, or `None` when its text and title failed the relevance test.
    pub document: Option<Document>,
    /// A warning for stderr (lossy decoding), if any, whether or not the document is kept.
    pub warning: Option<String>,
}

/// [`load`] behind a relevance test (`Scope::is_relevant`): no document when its text and its
/// title both fail. Plain UTF-8 text (no BOM, not HTML) is the decoded text as it is, so it is
/// tested in place: an irrelevant one is never copied, decoded or hashed. Other inputs are
/// loaded whole and their article text and title tested.
pub fn load_relevant(
    path: &str,
    bytes: &[u8],
    html_hint: bool,
    relevant: impl Fn(&str) -> bool,
) -> Skimmed {
    let plain = plain_utf8(bytes, html_hint);
    if plain.is_some_and(|t| !relevant(t)) {
        return Skimmed {
            document: None,
            warning: None,
        };
    }
    let Loaded { document, warning } = load(path, bytes, html_hint);
    let title = document.source_meta.title.as_deref();
    let keep = plain.is_some() || relevant(&document.text) || title.is_some_and(&relevant);
    Skimmed {
        document: keep.then_some(document),
        warning,
    }
}

/// The text `load` would give `bytes`, when that is the bytes themselves: valid UTF-8 with no
/// byte order mark, not HTML.
fn plain_utf8(bytes: &[u8], html_hint: bool) -> Option<&str> {
    if html_hint || encoding_rs::Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    // Every mark `looks_like_html` looks for opens with '<'.
    (!text.contains('<') || !html::looks_like_html(text)).then_some(text)
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

    #[test]
    fn irrelevant_inputs_are_not_kept_but_still_warn() {
        let nato = |t: &str| t.contains("NATO");
        let s = load_relevant("a.txt", b"NATO allies", false, nato);
        assert_eq!(s.document.unwrap().sha256.len(), 64);
        assert!(load_relevant("b.txt", b"city news", false, nato)
            .document
            .is_none());
        let s = load_relevant("c.txt", b"city \xe2\x80\x93 news \xff", false, nato);
        assert!(s.document.is_none() && s.warning.is_some());
        let page = b"<html><head><title>NATO</title></head><body><p>city news</p></body></html>";
        let s = load_relevant("d.html", page, true, nato);
        assert!(s.document.is_some(), "the title counts");
    }
}
