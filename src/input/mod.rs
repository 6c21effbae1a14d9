//! Input: finding files, reading them safely (gzip'd or not), cutting streams into articles
//! (JSON Lines records, WARC responses, stdin), decoding bytes to text, and turning HTML pages
//! into article text.
//!
//! The stages, one file each: [`walk`] and [`list`] (which inputs) → [`kind`] (what each holds)
//! → [`source`] (inputs to articles in order: whole files stay paths, [`jsonl`] and [`warc`]
//! streams are read one record at a time) → [`read`] and [`gzip`] (bytes, capped) →
//! `decode` → `html` → [`load`] (a [`Document`]).

mod decode;
pub mod gzip;
mod html;
mod http;
pub mod jsonl;
pub mod kind;
pub mod list;
pub mod read;
pub mod source;
pub mod walk;
pub mod warc;

use crate::document::{Document, SourceFormat};
use crate::meta::Meta;
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::path::Path;

/// A decoded document plus what the decoder wants the user to know.
#[derive(Debug)]
pub struct Loaded {
    /// The document.
    pub document: Document,
    /// A warning for stderr (lossy decoding), if any.
    pub warning: Option<String>,
}

/// How to read an article's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Hint {
    /// Plain text unless the start looks like HTML.
    #[default]
    Sniff,
    /// An HTML page.
    Html,
    /// Plain text, whatever it looks like.
    Text,
}

/// What a container (a JSON Lines record, a WARC record) says about the article beside its
/// body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Envelope {
    /// Title, publication day and byline the container gives; each field set here wins over
    /// the page's head and the text.
    pub meta: Meta,
    /// The day the page was fetched (a WARC record's date): the publication day of last
    /// resort, used only when neither the page nor the text gives one.
    pub fetched_on: Option<NaiveDate>,
}

/// One article cut from a stream: where it came from, its body, how to read it, and what its
/// container says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// `article.path`: a JSON Lines record's URL, else `FILE:LINE` (`-:LINE` on stdin); a WARC
    /// record's target URI; `-` for stdin read whole.
    pub path: String,
    /// The article body's bytes.
    pub bytes: Vec<u8>,
    /// How to read the body.
    pub hint: Hint,
    /// What the record says about the article.
    pub envelope: Envelope,
}

impl Article {
    /// Decode the body and extract the article, the container's metadata winning.
    pub fn load(&self) -> Loaded {
        load_with(&self.path, &self.bytes, self.hint, &self.envelope)
    }
}

/// Turn raw bytes into a [`Document`]: decode, and extract the article if it is HTML.
pub fn load(path: &str, bytes: &[u8], html_hint: bool) -> Loaded {
    let hint = if html_hint { Hint::Html } else { Hint::Sniff };
    load_with(path, bytes, hint, &Envelope::default())
}

/// [`load`] with a [`Hint`] and what the article's container says about it.
pub fn load_with(path: &str, bytes: &[u8], hint: Hint, envelope: &Envelope) -> Loaded {
    let sha256 = hex(&Sha256::digest(bytes));
    let decoded = decode::decode(bytes);
    let warning = decoded.lossy.then(|| {
        format!(
            "invalid {} byte sequences were replaced with U+FFFD",
            decoded.encoding
        )
    });
    let html = match hint {
        Hint::Html => true,
        Hint::Text => false,
        Hint::Sniff => html::looks_like_html(&decoded.text),
    };
    let (text, format, page_meta) = if html {
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
            source_meta: overlay(page_meta, &envelope.meta),
            fetched_on: envelope.fetched_on,
        },
        warning,
    }
}

/// The page's metadata with every field the container sets put over it.
fn overlay(mut page: Meta, container: &Meta) -> Meta {
    if container.title.is_some() {
        page.title.clone_from(&container.title);
    }
    if container.outlet.is_some() {
        page.outlet.clone_from(&container.outlet);
    }
    if container.published.is_some() {
        page.published = container.published;
        page.origin.published = container.origin.published;
    }
    if !container.byline.is_empty() {
        page.byline.clone_from(&container.byline);
        page.origin.byline = container.origin.byline;
    }
    page
}

/// A path as JSON can carry it: UTF-8 as is, any invalid byte written as `\xNN`.
pub fn path_text(p: &Path) -> String {
    let bytes = p.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
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
    let hint = if html_hint { Hint::Html } else { Hint::Sniff };
    load_relevant_with(path, bytes, hint, &Envelope::default(), relevant)
}

/// [`load_relevant`] with a [`Hint`] and what the article's container says about it (a JSON
/// Lines or WARC record): the container's title, which wins over the page's, counts as the
/// title.
pub fn load_relevant_with(
    path: &str,
    bytes: &[u8],
    hint: Hint,
    envelope: &Envelope,
    relevant: impl Fn(&str) -> bool,
) -> Skimmed {
    let plain = plain_utf8(bytes, hint);
    // Plain text has no page title: its only title is the container's.
    let plain_title = || envelope.meta.title.as_deref().is_some_and(&relevant);
    if plain.is_some_and(|t| !relevant(t)) && !plain_title() {
        return Skimmed {
            document: None,
            warning: None,
        };
    }
    let Loaded { document, warning } = load_with(path, bytes, hint, envelope);
    let title = document.source_meta.title.as_deref();
    let keep = plain.is_some() || relevant(&document.text) || title.is_some_and(&relevant);
    Skimmed {
        document: keep.then_some(document),
        warning,
    }
}

/// The text `load_with` would give `bytes`, when that is the bytes themselves: valid UTF-8 with
/// no byte order mark, not HTML.
fn plain_utf8(bytes: &[u8], hint: Hint) -> Option<&str> {
    if hint == Hint::Html || encoding_rs::Encoding::for_bom(bytes).is_some() {
        return None;
    }
    // Most inputs are tested here and nowhere else: a vectorised validation.
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    // Every mark `looks_like_html` looks for opens with '<' (found by a vectorised scan).
    let html =
        hint == Hint::Sniff && memchr::memchr(b'<', bytes).is_some() && html::looks_like_html(text);
    (!html).then_some(text)
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

    #[test]
    fn a_records_title_counts_and_text_is_read_as_its_hint_says() {
        let nato = |t: &str| t.contains("NATO");
        let mut titled = Envelope::default();
        titled.meta.title = Some("NATO".to_string());
        let s = load_relevant_with("r:1", b"city news", Hint::Text, &titled, nato);
        assert!(s.document.is_some(), "the record's title counts");
        let s = load_relevant_with("r:2", b"city news", Hint::Text, &Envelope::default(), nato);
        assert!(s.document.is_none());
        // Text with what looks like markup is still text: tested in place.
        let s = load_relevant_with(
            "r:3",
            b"<p>NATO</p>",
            Hint::Text,
            &Envelope::default(),
            nato,
        );
        assert_eq!(s.document.unwrap().format, SourceFormat::Text);
        // An HTML record's page title is overruled by the record's.
        let page = b"<html><head><title>NATO</title></head><body><p>city news</p></body></html>";
        let mut other = Envelope::default();
        other.meta.title = Some("Weather".to_string());
        assert!(load_relevant_with("r:4", page, Hint::Html, &other, nato)
            .document
            .is_none());
    }
}
