//! An HTTP response as a WARC `response` record stores it: status line and headers, then the
//! body, de-chunked and gunzipped when the headers say it was sent so.

use super::gzip;
use std::io::Read;

/// A stored response, cut into what the WARC reader needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code (200).
    pub status: u16,
    /// The Content-Type header's value, lowercase, if any.
    pub content_type: Option<String>,
    /// The body as the page's bytes.
    pub body: Vec<u8>,
}

impl Response {
    /// A successful response whose body is an HTML page (`text/html`, `application/xhtml+xml`).
    pub fn is_html_page(&self) -> bool {
        (200..300).contains(&self.status)
            && self
                .content_type
                .as_deref()
                .is_some_and(|t| t.contains("html"))
    }
}

/// Cut a stored response into status, content type and body; `max_bytes` caps a body that
/// was sent gzip'd. An error says why the bytes are not a usable response.
pub fn parse(bytes: &[u8], max_bytes: u64) -> Result<Response, String> {
    let (head, body) = split_head(bytes).ok_or("no end of the HTTP headers")?;
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status = lines
        .next()
        .filter(|l| l.starts_with("HTTP/"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or("no HTTP status line")?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase()))
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let mut body = body.to_vec();
    if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        body = dechunk(&body).ok_or("damaged chunked body")?;
    }
    match header("content-encoding").as_deref() {
        None | Some("identity") | Some("") => {}
        Some("gzip" | "x-gzip") => body = gunzip(&body, max_bytes)?,
        Some(other) => return Err(format!("body sent with content encoding {other}")),
    }
    Ok(Response {
        status,
        content_type: header("content-type"),
        body,
    })
}

/// Headers and body: split at the first empty line (CRLF, or bare LF from lax servers).
fn split_head(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = find(bytes, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = find(bytes, b"\n\n").map(|i| (i, i + 2));
    let (end, body) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some((&bytes[..end], &bytes[body..]))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Join the chunks of a chunked body: `SIZE[;ext]\r\n DATA\r\n ... 0\r\n\r\n`.
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(rest.len());
    loop {
        let line_end = find(rest, b"\r\n")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest.strip_prefix(b"\r\n").unwrap_or(rest);
    }
}

fn gunzip(bytes: &[u8], max_bytes: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    gzip::decoder(bytes)
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("damaged gzip'd body ({e})"))?;
    if out.len() as u64 > max_bytes {
        return Err(format!(
            "body is over the --max-bytes limit of {max_bytes} when unpacked"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_response() {
        let r = parse(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nX-A: b\r\n\r\n<p>hi</p>",
            1000,
        )
        .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.content_type.as_deref(), Some("text/html; charset=utf-8"));
        assert_eq!(r.body, b"<p>hi</p>");
        assert!(r.is_html_page());
    }

    #[test]
    fn chunked_and_gzipped_bodies() {
        let r = parse(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n4\r\n<p>h\r\n5;x=y\r\ni</p>\r\n0\r\n\r\n",
            1000,
        )
        .unwrap();
        assert_eq!(r.body, b"<p>hi</p>");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, b"<p>packed</p>").unwrap();
        let mut raw =
            b"HTTP/1.0 200 OK\nContent-Encoding: gzip\nContent-Type: text/html\n\n".to_vec();
        raw.extend(gz.finish().unwrap());
        assert_eq!(parse(&raw, 1000).unwrap().body, b"<p>packed</p>");
        assert!(parse(&raw, 5).unwrap_err().contains("--max-bytes"));
    }

    #[test]
    fn not_pages() {
        let img = parse(
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
            100,
        )
        .unwrap();
        assert!(!img.is_html_page());
        let moved = parse(
            b"HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n\r\n<a>",
            100,
        )
        .unwrap();
        assert!(!moved.is_html_page());
        assert!(parse(b"<html>no head</html>", 100).is_err());
        assert!(parse(b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx", 100).is_err());
    }
}
