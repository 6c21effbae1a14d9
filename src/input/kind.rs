//! What an input holds: decided by its extension (or `--input`), for stdin by its first bytes;
//! and which files are of a kind natoclaims cannot read (`src/lexicon/unreadable_kinds.txt`).

use super::Hint;
use crate::lexicon::{self, Class};
use std::path::Path;
use std::str::FromStr;
use std::sync::LazyLock;

/// How to read the inputs, as `--input` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// By extension; stdin by its first bytes.
    #[default]
    Auto,
    /// Plain text, whatever it looks like.
    Text,
    /// HTML pages.
    Html,
    /// JSON Lines article records.
    Jsonl,
    /// WARC archives.
    Warc,
}

impl Format {
    /// The names `--input` accepts, in order.
    pub const NAMES: [&'static str; 5] = ["auto", "text", "html", "jsonl", "warc"];
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Format::Auto),
            "text" | "txt" => Ok(Format::Text),
            "html" => Ok(Format::Html),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "warc" => Ok(Format::Warc),
            other => Err(format!(
                "unknown input kind '{other}' (expected one of: {})",
                Format::NAMES.join(", ")
            )),
        }
    }
}

/// What one input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One article (plain text or HTML).
    Article(Hint),
    /// JSON Lines: one article record per line.
    Jsonl,
    /// A WARC archive: one article per HTML response record.
    Warc,
}

/// An input's kind and whether it is gzip'd.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    /// What the (decompressed) content holds.
    pub kind: Kind,
    /// The file is gzip'd (`.gz`): read through a decoder.
    pub gzip: bool,
}

/// The kind of a file, by its extension (`.gz` stripped first) or as `--input` forces it.
pub fn of_path(path: &Path, format: Format) -> Detected {
    let (ext, gzip) = extensions(path);
    let kind = match format {
        Format::Auto => by_extension(&ext),
        forced => forced_kind(forced),
    };
    Detected { kind, gzip }
}

/// The kind stdin holds, from its first bytes (gzip already removed): a WARC version line, a
/// JSON object opening the first non-blank line, else one article (HTML when it looks like it).
pub fn of_stream_head(head: &[u8], format: Format) -> Kind {
    if format != Format::Auto {
        return forced_kind(format);
    }
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    if head.starts_with(b"WARC/") {
        Kind::Warc
    } else if first == Some(&b'{') {
        Kind::Jsonl
    } else {
        Kind::Article(Hint::Sniff)
    }
}

fn forced_kind(format: Format) -> Kind {
    match format {
        Format::Auto | Format::Text => Kind::Article(Hint::Text),
        Format::Html => Kind::Article(Hint::Html),
        Format::Jsonl => Kind::Jsonl,
        Format::Warc => Kind::Warc,
    }
}

fn by_extension(ext: &str) -> Kind {
    match ext {
        "html" | "htm" | "xhtml" | "shtml" => Kind::Article(Hint::Html),
        "jsonl" | "ndjson" => Kind::Jsonl,
        "warc" => Kind::Warc,
        _ => Kind::Article(Hint::Sniff),
    }
}

/// The lowercase extension that says what a file holds, and whether a `.gz` came after it
/// (`a.jsonl.gz` → `("jsonl", true)`, `a.gz` → `("", true)`).
pub fn extensions(path: &Path) -> (String, bool) {
    let ext = |p: &Path| {
        p.extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default()
    };
    let outer = ext(path);
    if outer == "gz" {
        (ext(Path::new(path.file_stem().unwrap_or_default())), true)
    } else {
        (outer, false)
    }
}

/// Extension → kind name, from the lexicon.
static UNREADABLE: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    lexicon::lines(Class::UnreadableKind)
        .into_iter()
        .filter_map(|l| l.split_once(' '))
        .map(|(ext, name)| (ext, name.trim()))
        .collect()
});

/// The name of the kind of document a file holds when natoclaims cannot read it (`a.pdf` →
/// "PDF document"), by its extension (`.gz` stripped first); None for every other file.
pub fn unreadable(path: &Path) -> Option<&'static str> {
    let (ext, _) = extensions(path);
    UNREADABLE
        .iter()
        .find(|(e, _)| *e == ext)
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        let k = |p: &str| of_path(Path::new(p), Format::Auto);
        assert_eq!(k("a/b.jsonl.gz").kind, Kind::Jsonl);
        assert!(k("a/b.jsonl.gz").gzip);
        assert_eq!(k("b.NDJSON").kind, Kind::Jsonl);
        assert_eq!(k("b.warc.gz").kind, Kind::Warc);
        assert_eq!(k("b.shtml").kind, Kind::Article(Hint::Html));
        assert_eq!(k("b.xhtml").kind, Kind::Article(Hint::Html));
        assert_eq!(
            k("b.txt.gz"),
            Detected {
                kind: Kind::Article(Hint::Sniff),
                gzip: true
            }
        );
        assert_eq!(k("notes").kind, Kind::Article(Hint::Sniff));
        let forced = of_path(Path::new("b.txt"), Format::Jsonl);
        assert_eq!(forced.kind, Kind::Jsonl);
    }

    #[test]
    fn stdin_is_sniffed() {
        let k = |b: &[u8]| of_stream_head(b, Format::Auto);
        assert_eq!(k(b"\n  {\"text\": \"x\"}"), Kind::Jsonl);
        assert_eq!(k(b"WARC/1.1\r\n"), Kind::Warc);
        assert_eq!(k(b"<html>"), Kind::Article(Hint::Sniff));
        assert_eq!(k(b"Kyiv said"), Kind::Article(Hint::Sniff));
        assert_eq!(
            of_stream_head(b"{", Format::Text),
            Kind::Article(Hint::Text)
        );
    }

    #[test]
    fn unreadable_kinds_come_from_the_lexicon() {
        assert_eq!(unreadable(Path::new("x/report.PDF")), Some("PDF document"));
        assert_eq!(unreadable(Path::new("x/a.docx")), Some("Word document"));
        assert_eq!(unreadable(Path::new("x/a.txt")), None);
        assert_eq!(unreadable(Path::new("x/a.png")), None);
        assert_eq!("JSONL".parse::<Format>(), Ok(Format::Jsonl));
        assert!("pdf".parse::<Format>().is_err());
    }
}
