//! JSON Lines article records (`.jsonl`, `.ndjson`, gzip'd or not, or on stdin), in the shapes
//! news-please and trafilatura write: one JSON object per line carrying the article as `text`,
//! `maintext`, `html` or `raw_html` (the first present wins, in that order), with optional
//! `url` (or trafilatura's `source`), `title`, `date_publish`/`date`/`published` and
//! `authors`/`author` (a list or one string).
//!
//! Streamed: one line is held at a time, and a line longer than `--max-bytes` is skipped with
//! no more than `--max-bytes` of it ever held. A malformed line is reported with its line number and the stream goes
//! on. A record's `sha256` is of its article body's UTF-8 bytes.

use super::{Article, Envelope, Hint};
use crate::error::Error;
use crate::meta::{byline, pubdate, Meta};
use serde_json::{Map, Value};
use std::io::{self, BufRead};
use std::ops::ControlFlow;
use std::path::PathBuf;

/// The fields that carry the article, in the order they are tried, with how to read each.
const BODY_FIELDS: [(&str, Hint); 4] = [
    ("text", Hint::Sniff),
    ("maintext", Hint::Sniff),
    ("html", Hint::Html),
    ("raw_html", Hint::Html),
];
/// The fields that carry the publication date, in the order they are tried.
const DATE_FIELDS: [(&str, &str); 3] = [
    ("date_publish", "record date_publish"),
    ("date", "record date"),
    ("published", "record published"),
];
/// The fields that carry the authors, in the order they are tried.
const AUTHOR_FIELDS: [(&str, &str); 2] =
    [("authors", "record authors"), ("author", "record author")];

/// Read every record of a JSON Lines stream and give each to `sink` (an article, or the error
/// that line had), until the stream ends or `sink` says stop. `label` names the stream in
/// paths (`FILE` of `FILE:LINE`). A read error ends the stream after it is given to `sink`.
pub fn for_each_record(
    mut reader: impl BufRead,
    label: &str,
    max_bytes: u64,
    sink: &mut dyn FnMut(Result<Article, Error>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let cap = usize::try_from(max_bytes).unwrap_or(usize::MAX);
    let mut line = Vec::new();
    for number in 1.. {
        let place = format!("{label}:{number}");
        match read_line_capped(&mut reader, &mut line, cap) {
            Ok(None) => break,
            Ok(Some(len)) if len > cap => sink(Err(too_large(&place, len, max_bytes)))?,
            Ok(Some(_)) if line.iter().all(u8::is_ascii_whitespace) => {}
            Ok(Some(_)) => sink(record(&line, &place))?,
            Err(e) => {
                return sink(Err(Error::Corrupt {
                    path: PathBuf::from(place),
                    reason: format!("cannot read further: {e}"),
                }))
            }
        }
    }
    ControlFlow::Continue(())
}

fn too_large(place: &str, len: usize, limit: u64) -> Error {
    Error::TooLarge {
        path: PathBuf::from(place),
        size: len as u64,
        limit,
    }
}

/// Read one line into `buf` without its line end, keeping at most `cap` bytes of it; returns
/// the line's whole length, or None at the end of the stream.
fn read_line_capped(
    r: &mut impl BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0;
    let mut any = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok(any.then_some(total));
        }
        any = true;
        let newline = chunk.iter().position(|&b| b == b'\n');
        let content = &chunk[..newline.unwrap_or(chunk.len())];
        let room = cap.saturating_sub(buf.len());
        buf.extend_from_slice(&content[..content.len().min(room)]);
        total += content.len();
        let used = newline.map_or(chunk.len(), |i| i + 1);
        r.consume(used);
        if newline.is_some() {
            if buf.last() == Some(&b'\r') && total <= cap {
                buf.pop();
                total -= 1;
            }
            return Ok(Some(total));
        }
    }
}

/// One line made an article.
fn record(line: &[u8], place: &str) -> Result<Article, Error> {
    let malformed = |reason: String| Error::MalformedRecord {
        path: PathBuf::from(place),
        reason,
    };
    let value: Value = serde_json::from_slice(line).map_err(|e| malformed(json_error(&e)))?;
    let Value::Object(map) = value else {
        return Err(malformed("not a JSON object".to_string()));
    };
    if map.get("schema").and_then(Value::as_str) == Some(crate::SCHEMA) {
        return Err(malformed(
            "a natoclaims claim line, not an article record".to_string(),
        ));
    }
    let path = url(&map).unwrap_or_else(|| place.to_string());
    let (bytes, hint) = body(&map).map_err(|reason| match reason {
        Missing::NoField => {
            malformed("no article field (text, maintext, html or raw_html)".to_string())
        }
        Missing::Empty(field) => Error::NoArticle {
            path: PathBuf::from(&path),
            reason: format!("record has no article body ({field} is empty or null)"),
        },
    })?;
    Ok(Article {
        path,
        bytes,
        hint,
        envelope: Envelope {
            meta: meta(&map),
            fetched_on: None,
        },
    })
}

/// serde_json's message without its "line 1" (the record is one line): the column instead.
fn json_error(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let what = message.split(" at line ").next().unwrap_or(&message);
    format!("not valid JSON: {what} at column {}", e.column())
}

/// Why a record gives no body.
enum Missing {
    /// None of the body fields is there.
    NoField,
    /// The first body field there is null or empty.
    Empty(&'static str),
}

fn body(map: &Map<String, Value>) -> Result<(Vec<u8>, Hint), Missing> {
    let mut first_present = None;
    for (field, hint) in BODY_FIELDS {
        match map.get(field) {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                return Ok((s.as_bytes().to_vec(), hint));
            }
            Some(_) => {
                first_present.get_or_insert(field);
            }
            None => {}
        }
    }
    Err(first_present.map_or(Missing::NoField, Missing::Empty))
}

fn string<'a>(map: &'a Map<String, Value>, field: &str) -> Option<&'a str> {
    map.get(field)?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The record's URL: `url`, or trafilatura's `source` when it holds one.
fn url(map: &Map<String, Value>) -> Option<String> {
    string(map, "url")
        .or_else(|| {
            string(map, "source").filter(|s| s.starts_with("http://") || s.starts_with("https://"))
        })
        .map(str::to_string)
}

/// Title, publication day and byline from the record; each wins where it is set. Authors pass
/// the byline judge, so a record's "Reuters" or "Staff" is no byline.
fn meta(map: &Map<String, Value>) -> Meta {
    let mut meta = Meta {
        title: string(map, "title").map(str::to_string),
        ..Meta::default()
    };
    if let Some((day, origin)) = DATE_FIELDS
        .iter()
        .find_map(|(f, o)| Some((pubdate::parse(string(map, f)?)?.day, *o)))
    {
        meta.published = Some(day);
        meta.origin.published = Some(origin);
    }
    if let Some((names, origin)) = AUTHOR_FIELDS.iter().find_map(|(f, o)| {
        let names = byline::from_metadata(&author_strings(map.get(*f)?), "");
        (!names.is_empty()).then_some((names, *o))
    }) {
        meta.byline = names;
        meta.origin.byline = Some(origin);
    }
    meta
}

/// An authors field as strings: one string, or the strings of a list.
fn author_strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(data: &str, max: u64) -> Vec<Result<Article, Error>> {
        let mut out = Vec::new();
        let _ = for_each_record(data.as_bytes(), "f.jsonl", max, &mut |r| {
            out.push(r);
            ControlFlow::Continue(())
        });
        out
    }

    #[test]
    fn news_please_and_trafilatura_shapes() {
        let data = concat!(
            r#"{"url": "https://example.org/a", "title": "Talks go on", "maintext": "The minister spoke.", "date_publish": "2023-06-30 14:51:00", "authors": ["Nadia Vole", "Reuters"]}"#,
            "\n\n",
            r#"{"source": "https://example.org/b", "text": "Body two.", "date": "2023-07-01", "author": "Ola Brand; Piet Kors"}"#,
            "\r\n",
        );
        let recs: Vec<Article> = all(data, 1 << 20).into_iter().map(Result::unwrap).collect();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].path, "https://example.org/a");
        assert_eq!(recs[0].bytes, b"The minister spoke.");
        let m = &recs[0].envelope.meta;
        assert_eq!(m.title.as_deref(), Some("Talks go on"));
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2023-06-30")
        );
        assert_eq!(m.byline, ["Nadia Vole"]);
        assert_eq!(recs[1].path, "https://example.org/b");
        assert_eq!(recs[1].envelope.meta.byline, ["Ola Brand", "Piet Kors"]);
    }

    #[test]
    fn bad_lines_are_reported_with_their_line_number_and_the_rest_read() {
        let data = "{\"text\": \"one\"}\n{\"text\": oops}\n[1, 2]\n{\"title\": \"x\"}\n{\"maintext\": null}\n{\"html\": \"<p>two</p>\"}\n";
        let got = all(data, 1 << 20);
        assert_eq!(got.len(), 6);
        assert_eq!(got[0].as_ref().unwrap().path, "f.jsonl:1");
        let err = |i: usize| got[i].as_ref().unwrap_err().to_string();
        assert!(
            err(1).starts_with("f.jsonl:2: malformed record skipped: not valid JSON"),
            "{}",
            err(1)
        );
        assert!(err(1).contains("column 10"), "{}", err(1));
        assert_eq!(
            err(2),
            "f.jsonl:3: malformed record skipped: not a JSON object"
        );
        assert!(err(3).contains("f.jsonl:4: malformed record skipped: no article field"));
        assert!(
            matches!(got[4], Err(Error::NoArticle { .. })),
            "{:?}",
            got[4]
        );
        assert_eq!(got[5].as_ref().unwrap().hint, Hint::Html);
        let claim = all(r#"{"schema": "natoclaims/1", "quote": "x"}"#, 1000);
        assert!(claim[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("a natoclaims claim line"));
    }

    #[test]
    fn a_line_over_the_limit_is_skipped() {
        let long = format!(
            "{{\"text\": \"{}\"}}\n{{\"text\": \"short\"}}\n",
            "a".repeat(500)
        );
        let got = all(&long, 100);
        assert!(
            matches!(got[0], Err(Error::TooLarge { size: 512, .. })),
            "{:?}",
            got[0]
        );
        assert_eq!(got[1].as_ref().unwrap().bytes, b"short");
    }

    #[test]
    fn capped_lines() {
        let mut r = io::BufReader::with_capacity(4, &b"abcdefgh\r\nxy"[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line_capped(&mut r, &mut buf, 100).unwrap(), Some(8));
        assert_eq!(buf, b"abcdefgh");
        assert_eq!(read_line_capped(&mut r, &mut buf, 1).unwrap(), Some(2));
        assert_eq!(buf, b"x");
        assert_eq!(read_line_capped(&mut r, &mut buf, 1).unwrap(), None);
    }
}
