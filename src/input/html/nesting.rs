//! A guard in front of the HTML parser. html5ever scans its stack of open elements for every
//! block-level start tag, so a page that nests thousands of unclosed elements costs time
//! quadratic in their number (20,000 nested `<div>` take a second, 80,000 forty). Browsers
//! cap tree depth (Chrome at 512); this does the same before parsing, with a cheap tag scanner
//! that over-estimates the parser's depth: start tags past [`MAX_DEPTH`] are removed
//! (with their end tags), their text kept. Pages within the limit are passed on untouched.

use std::collections::HashMap;

/// Deepest nesting of open elements let through to the parser.
pub const MAX_DEPTH: usize = 512;

const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "image",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements whose end tag is optional and that the parser closes by itself when a sibling
/// starts; never counted (the parser's depth stays within a small factor of the count).
const SELF_CLOSING: &[&str] = &[
    "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
    "colgroup", "caption", "rb", "rp", "rt", "rtc", "html", "head", "body",
];
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];
/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "table",
    "hr",
    "xmp",
];
/// Elements that stop the parser's search for an open element of another name.
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "button",
    "center",
    "details",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hgroup",
    "main",
    "marquee",
    "menu",
    "nav",
    "object",
    "ol",
    "p",
    "pre",
    "section",
    "select",
    "summary",
    "table",
    "template",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "listing",
    "search",
];
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];

/// The page with over-deep start tags (and their end tags) removed, or None when the page
/// stays within [`MAX_DEPTH`].
pub fn cap(html: &str) -> Option<String> {
    let b = html.as_bytes();
    let mut stack = Stack::default();
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let start = i + off;
        let rest = &b[start..];
        if rest.starts_with(b"<!--") {
            i = find(b, start + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let (end_tag, name_at) = match rest.get(1) {
            Some(b'/') => (true, start + 2),
            Some(c) if c.is_ascii_alphabetic() => (false, start + 1),
            Some(b'!' | b'?') => {
                i = memchr(b'>', &b[start..]).map_or(b.len(), |e| start + e + 1);
                continue;
            }
            _ => {
                i = start + 1;
                continue;
            }
        };
        let name_end = b[name_at..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b':'))
            .map_or(b.len(), |n| name_at + n);
        let name = String::from_utf8_lossy(&b[name_at..name_end]).to_ascii_lowercase();
        let tag_end = tag_end(b, name_end);
        i = tag_end;
        if name.is_empty() {
            continue;
        }
        let n = name.as_str();
        if end_tag {
            if let Some(c) = dropped.get_mut(n).filter(|c| **c > 0) {
                *c -= 1;
                cuts.push((start, tag_end));
            } else {
                stack.close(n);
            }
            continue;
        }
        let self_closed = tag_end >= 2 && b[tag_end - 2] == b'/' && stack.foreign();
        if RAW_TEXT.contains(&n) {
            i = skip_raw_text(b, tag_end, n);
            continue;
        }
        if n == "plaintext" {
            break;
        }
        if CLOSES_P.contains(&n) {
            stack.close_p();
        }
        if self_closed || VOID.contains(&n) || SELF_CLOSING.contains(&n) {
            continue;
        }
        if stack.len() >= MAX_DEPTH {
            *dropped.entry(name).or_insert(0) += 1;
            cuts.push((start, tag_end));
        } else {
            stack.push(name);
        }
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (s, e) in cuts {
        out.push_str(&html[at..s]);
        out.push(' ');
        at = e;
    }
    out.push_str(&html[at..]);
    Some(out)
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|c| *c == needle)
}

fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(pat.len())
        .position(|w| w == pat)
        .map(|p| from + p)
}

/// One past the `>` ending a tag whose name ends at `from`, skipping quoted attribute values.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut after_eq = false;
    while i < b.len() {
        match b[i] {
            b'>' => return i + 1,
            q @ (b'"' | b'\'') if after_eq => {
                i = memchr(q, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e + 1);
                after_eq = false;
                continue;
            }
            b'=' => after_eq = true,
            c if c.is_ascii_whitespace() => {}
            _ => after_eq = false,
        }
        i += 1;
    }
    b.len()
}

/// Where scanning resumes after a raw-text element's content (its end tag is left to the
/// scanner, which ignores it: raw-text elements are never on the stack).
fn skip_raw_text(b: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let at = i + off;
        let tail = &b[at..];
        if tail.len() > name.len() + 1
            && tail[1] == b'/'
            && tail[2..2 + name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return at;
        }
        i = at + 1;
    }
    b.len()
}

/// The scanner's stack of open elements, indexed so that every question the scanner asks
/// costs O(1) (amortised): a hostile page cannot make the guard itself quadratic.
#[derive(Default)]
struct Stack {
    names: Vec<String>,
    /// Positions of each name on the stack, innermost last.
    at: HashMap<String, Vec<usize>>,
    /// Positions of special or scope-boundary elements (they stop an end tag's search).
    special: Vec<usize>,
    /// Positions of scope boundaries (they stop a special end tag's search).
    scope: Vec<usize>,
    /// Positions of elements that stop the search for an open `<p>` (button, boundaries).
    p_scope: Vec<usize>,
    foreign: usize,
}

impl Stack {
    fn len(&self) -> usize {
        self.names.len()
    }

    fn foreign(&self) -> bool {
        self.foreign > 0
    }

    fn push(&mut self, name: String) {
        let k = self.names.len();
        let n = name.as_str();
        if SPECIAL.contains(&n) || SCOPE.contains(&n) {
            self.special.push(k);
        }
        if SCOPE.contains(&n) {
            self.scope.push(k);
        }
        if n == "button" || SCOPE.contains(&n) {
            self.p_scope.push(k);
        }
        if n == "svg" || n == "math" {
            self.foreign += 1;
        }
        self.at.entry(name.clone()).or_default().push(k);
        self.names.push(name);
    }

    fn truncate(&mut self, k: usize) {
        while self.names.len() > k {
            let name = self.names.pop().unwrap_or_default();
            let i = self.names.len();
            if let Some(v) = self.at.get_mut(&name) {
                v.pop();
            }
            for v in [&mut self.special, &mut self.scope, &mut self.p_scope] {
                if v.last() == Some(&i) {
                    v.pop();
                }
            }
            if name == "svg" || name == "math" {
                self.foreign -= 1;
            }
        }
    }

    /// The innermost open element called `name`, if no element in `stops` lies inside it.
    fn innermost(&self, name: &str, stops: &[usize]) -> Option<usize> {
        let k = *self.at.get(name)?.last()?;
        match stops.last() {
            Some(&s) if s > k => None,
            _ => Some(k),
        }
    }

    /// An end tag: pop to the nearest open element of that name, as the parser would (a
    /// non-special name is not looked for past a special element; a special one not past a
    /// scope boundary). Unmatched end tags are ignored.
    fn close(&mut self, name: &str) {
        let stops = if SPECIAL.contains(&name) {
            &self.scope
        } else {
            &self.special
        };
        // The element itself may be a stop (a special name): only elements inside it count.
        let k = self.at.get(name).and_then(|v| v.last().copied());
        let found = match (k, stops.iter().rev().find(|&&s| Some(s) != k)) {
            (Some(k), Some(&s)) if s > k => None,
            (k, _) => k,
        };
        if let Some(k) = found {
            self.truncate(k);
        }
    }

    /// A start tag that closes an open `<p>` in button scope.
    fn close_p(&mut self) {
        if let Some(k) = self.innermost("p", &self.p_scope) {
            self.truncate(k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_untouched() {
        let page = "<html><body><div class=\"a>b\"><p>One<p>Two<ul><li>x<li>y</ul><script>if (a<b) {}</script>\
                    <span><b>bold</span></b><br/></div></body></html>";
        assert_eq!(cap(page), None);
        let unclosed_p = "<p>para".repeat(5000);
        assert_eq!(cap(&unclosed_p), None);
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        let page = format!(
            "{}deep text{}",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let out = cap(&page).expect("capped");
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("deep text"));
        // Tricks that keep the parser's stack growing are counted too.
        for unit in ["<span><div></span>", "<div/>", "<p><button>"] {
            let out = cap(&unit.repeat(5_000)).unwrap_or_default();
            assert!(!out.is_empty(), "{unit} not capped");
        }
    }
}
