//! WARC archives (`.warc`, `.warc.gz`, or on stdin), as Common Crawl, CC-NEWS and most
//! crawlers write them: every `response` record whose HTTP response is a successful HTML page
//! becomes an article, its HTTP headers stripped. `article.path` is the record's
//! WARC-Target-URI and its WARC-Date the publication day of last resort; `sha256` is of the
//! page's bytes. Other records (requests, metadata, images, redirects) are passed over.
//!
//! Read with the `warc` crate one record at a time: a record larger than `--max-bytes` is
//! skipped without being read into memory. A record whose WARC headers are well-formed but
//! invalid is reported and the stream goes on; damaged framing ends the file, since the next
//! record cannot be found.

use super::{http, Article, Envelope, Hint};
use crate::error::Error;
use crate::meta::Meta;
use ::warc::{RecordType, WarcHeader, WarcReader};
use std::io::{BufRead, Read};
use std::ops::ControlFlow;
use std::path::PathBuf;

/// Bytes of a too-large record read to see whether it is an HTML page worth reporting: the
/// HTTP headers come first and are short.
const HEAD_PEEK: u64 = 64 * 1024;

/// Read every record of a WARC stream and give each HTML page to `sink` (an article, or the
/// error that record had), until the stream ends or `sink` says stop. `label` names the stream
/// in messages (`FILE: record N`).
pub fn for_each_record<R: BufRead>(
    mut reader: R,
    label: &str,
    max_bytes: u64,
    sink: &mut dyn FnMut(Result<Article, Error>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    match reader.fill_buf() {
        Ok(head) if head.is_empty() || head.starts_with(b"WARC/") => {}
        Ok(_) => {
            return sink(Err(corrupt(
                label,
                "not a WARC file (no WARC/ version line)",
            )))
        }
        Err(e) => return sink(Err(corrupt(label, &format!("cannot read: {e}")))),
    }
    let mut warc = WarcReader::new(reader);
    let mut stream = warc.stream_records();
    let mut number = 0;
    while let Some(next) = stream.next_item() {
        number += 1;
        let place = format!("{label}: record {number}");
        match next {
            Ok(record) => {
                if let Some(result) = page(record, &place, max_bytes) {
                    sink(result)?;
                }
            }
            Err(e) if recoverable(&e) => sink(Err(malformed(&place, &e.to_string())))?,
            Err(e) => {
                let why = format!("damaged WARC framing at record {number} ({e}); the rest of the file is not read");
                return sink(Err(corrupt(label, &why)));
            }
        }
    }
    ControlFlow::Continue(())
}

/// A record the crate could frame but not accept (a missing or malformed required header):
/// its body is still skipped exactly, so the next record is found.
fn recoverable(e: &::warc::Error) -> bool {
    matches!(
        e,
        ::warc::Error::MissingHeader(_) | ::warc::Error::MalformedHeader(..)
    )
}

fn corrupt(label: &str, reason: &str) -> Error {
    Error::Corrupt {
        path: PathBuf::from(label),
        reason: reason.to_string(),
    }
}

fn malformed(place: &str, reason: &str) -> Error {
    Error::MalformedRecord {
        path: PathBuf::from(place),
        reason: reason.to_string(),
    }
}

type Streamed<'a, R> = ::warc::Record<::warc::StreamingBody<'a, R>>;

/// The article a record holds, an error, or None for a record that is no HTML page.
fn page<R: Read>(
    record: Streamed<'_, R>,
    place: &str,
    max_bytes: u64,
) -> Option<Result<Article, Error>> {
    if *record.warc_type() != RecordType::Response {
        return None;
    }
    if record.content_length() > max_bytes {
        return too_large(record, place, max_bytes);
    }
    let fetched_on = record.date().date_naive();
    let (headers, bytes) = match record.into_buffered() {
        Ok(r) => r.into_raw_parts(),
        Err(e) => return Some(Err(malformed(place, &format!("cannot read its body: {e}")))),
    };
    let response = match http::parse(&bytes, max_bytes) {
        Ok(r) if r.is_html_page() => r,
        Ok(_) => return None,
        Err(why) => {
            return Some(Err(malformed(
                place,
                &format!("not an HTTP response: {why}"),
            )))
        }
    };
    // Read from the raw header bytes: the crate's `header()` panics on a value that is not
    // UTF-8, and crawlers do write raw bytes into URIs.
    let uri = headers
        .headers
        .get(&WarcHeader::TargetURI)
        .map(|v| String::from_utf8_lossy(v).trim().to_string())
        .filter(|u| !u.is_empty());
    Some(Ok(Article {
        path: uri.unwrap_or_else(|| place.to_string()),
        bytes: response.body,
        hint: Hint::Html,
        envelope: Envelope {
            meta: Meta::default(),
            fetched_on: Some(fetched_on),
        },
    }))
}

/// A record over the limit: reported when its first bytes show an HTML page, passed over
/// otherwise (a video is no article). Its body is never held whole.
fn too_large<R: Read>(
    mut record: Streamed<'_, R>,
    place: &str,
    max_bytes: u64,
) -> Option<Result<Article, Error>> {
    let size = record.content_length();
    let mut head = Vec::new();
    if (&mut record)
        .take(HEAD_PEEK)
        .read_to_end(&mut head)
        .is_err()
    {
        return None;
    }
    let is_page = http::parse(&head, max_bytes).is_ok_and(|r| r.is_html_page());
    is_page.then(|| {
        Err(Error::TooLarge {
            path: PathBuf::from(place),
            size,
            limit: max_bytes,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WARC record by hand: version, headers, blank line, body, two CRLFs.
    fn record(kind: &str, uri: &str, body: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\nWARC-Date: 2023-07-04T09:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            uri.len(),
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn all(data: &[u8], max: u64) -> Vec<Result<Article, Error>> {
        let mut out = Vec::new();
        let _ = for_each_record(data, "a.warc", max, &mut |r| {
            out.push(r);
            ControlFlow::Continue(())
        });
        out
    }

    const PAGE: &[u8] =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Hello</p></body></html>";

    #[test]
    fn html_responses_become_articles() {
        let mut data = record("warcinfo", "", b"software: by hand");
        data.extend(record(
            "request",
            "https://example.org/a",
            b"GET /a HTTP/1.1\r\n\r\n",
        ));
        data.extend(record("response", "https://example.org/a", PAGE));
        data.extend(record(
            "response",
            "https://example.org/i.png",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
        ));
        let got = all(&data, 1 << 20);
        assert_eq!(got.len(), 1, "{got:?}");
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.path, "https://example.org/a");
        assert!(a.bytes.starts_with(b"<html>"));
        assert_eq!(a.hint, Hint::Html);
        assert_eq!(
            a.envelope.fetched_on.map(|d| d.to_string()).as_deref(),
            Some("2023-07-04")
        );
    }

    #[test]
    fn bad_records_are_reported_and_the_stream_goes_on() {
        let mut data = record("response", "https://example.org/a", PAGE);
        let no_date = String::from_utf8(record("response", "https://example.org/b", PAGE))
            .unwrap()
            .replace("WARC-Date: 2023-07-04T09:00:00Z\r\n", "");
        data.extend(no_date.into_bytes());
        data.extend(record("response", "https://example.org/c", PAGE));
        let got = all(&data, 1 << 20);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            matches!(&got[1], Err(Error::MalformedRecord { path, .. }) if path.to_string_lossy() == "a.warc: record 2")
        );
        assert_eq!(got[2].as_ref().unwrap().path, "https://example.org/c");
    }

    #[test]
    fn large_pages_are_reported_and_damage_ends_the_file() {
        let data = record("response", "https://example.org/a", PAGE);
        assert!(matches!(all(&data, 20)[0], Err(Error::TooLarge { .. })));
        let got = all(b"<html>not a warc</html>", 1000);
        assert!(matches!(&got[0], Err(Error::Corrupt { .. })), "{got:?}");
        let mut cut = record("response", "https://example.org/a", PAGE);
        cut.truncate(cut.len() - 30);
        let got = all(&cut, 1000);
        assert!(
            matches!(got.last(), Some(Err(Error::Corrupt { .. }))),
            "{got:?}"
        );
    }
}
