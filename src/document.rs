//! The decoded article: its text once, and everything else as byte ranges into it.

use crate::meta::Meta;
use chrono::NaiveDate;
use std::ops::Range;

/// Where the article text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// Plain text (spans are offsets into the decoded file).
    Text,
    /// An HTML page (spans are offsets into the text `strip` prints).
    Html,
}

/// A decoded article ready for the pipeline.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path as given by the user ("-" for stdin).
    pub path: String,
    /// Hex SHA-256 of the raw bytes.
    pub sha256: String,
    /// The article text every span points into.
    pub text: String,
    /// Plain text or HTML.
    pub format: SourceFormat,
    /// Metadata the input format supplied before any text rule runs (an HTML page's head, a
    /// JSON Lines record's fields).
    pub source_meta: Meta,
    /// The day the page was fetched (a WARC record's date): the publication day of last
    /// resort, when neither `source_meta` nor the text gives one.
    pub fetched_on: Option<NaiveDate>,
}

impl Document {
    /// A plain-text document with no path or hash (handy for tests and embedding).
    pub fn from_text(text: impl Into<String>) -> Self {
        Document {
            path: String::new(),
            sha256: String::new(),
            text: text.into(),
            format: SourceFormat::Text,
            source_meta: Meta::default(),
            fetched_on: None,
        }
    }

    /// The lines of the text as byte ranges, without their line terminators.
    pub fn lines(&self) -> Vec<Range<usize>> {
        line_ranges(&self.text)
    }
}

/// Split `text` into line ranges (excluding "\n" and a trailing "\r").
pub fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push(start..trim_cr(text, start, i));
        start = i + 1;
    }
    if start < text.len() {
        out.push(start..trim_cr(text, start, text.len()));
    }
    out
}

fn trim_cr(text: &str, start: usize, end: usize) -> usize {
    if end > start && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// Finds, from a place in `bytes`, the next of three bytes or a fourth: the three by one
/// `memchr3` scan, the fourth (a rarer one) by `memchr`, its next place kept for later calls
/// instead of being searched for again each time.
pub struct NextByte<'a> {
    bytes: &'a [u8],
    three: [u8; 3],
    fourth: u8,
    /// Where the fourth byte was last looked for from, and the first place found there.
    fourth_from: Option<(usize, Option<usize>)>,
}

impl<'a> NextByte<'a> {
    /// A finder of `three` and `fourth` in `bytes`.
    pub fn new(bytes: &'a [u8], three: [u8; 3], fourth: u8) -> NextByte<'a> {
        NextByte {
            bytes,
            three,
            fourth,
            fourth_from: None,
        }
    }

    /// The first place at or after `at` holding one of the four bytes.
    pub fn next(&mut self, at: usize) -> Option<usize> {
        let rest = self.bytes.get(at..)?;
        let fourth = match self.fourth_from {
            Some((from, found)) if from <= at && found.is_none_or(|f| f >= at) => found,
            _ => {
                let found = memchr::memchr(self.fourth, rest).map(|k| at + k);
                self.fourth_from = Some((at, found));
                found
            }
        };
        let [a, b, c] = self.three;
        let three = memchr::memchr3(a, b, c, rest).map(|k| at + k);
        match (three, fourth) {
            (Some(t), Some(f)) => Some(t.min(f)),
            (t, f) => t.or(f),
        }
    }
}

/// Shrink a range so it excludes leading and trailing whitespace.
pub fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - trail
}

/// `c.is_alphanumeric()`, without the Unicode tables for the General Punctuation block (curly
/// quotes, dashes, spaces: none a letter or a digit), the marks most common in news text.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (!c.is_ascii() && !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric())
}

/// `c.is_uppercase()`, without the Unicode tables for the General Punctuation block.
#[inline]
pub fn is_uppercase(c: char) -> bool {
    c.is_ascii_uppercase()
        || (!c.is_ascii() && !GENERAL_PUNCTUATION.contains(&c) && c.is_uppercase())
}

/// The General Punctuation block: no letter, digit or capital in it.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// `s.to_lowercase()`, borrowing `s` when that changes nothing (ASCII without capitals).
pub fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(to_lowercase(s))
    }
}

/// `s.to_lowercase()`, faster on mostly ASCII text: ASCII runs are copied whole and lowered in
/// one pass at the end, and only the other characters are lowered one by one.
pub fn to_lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    // A character that is not ASCII starts at the first byte that is not.
    while let Some(at) = first_non_ascii(rest.as_bytes()) {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().unwrap_or_default();
        if c == 'Σ' {
            // Its lowercase depends on its neighbours (final sigma).
            return s.to_lowercase();
        }
        out.extend(c.to_lowercase());
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
    // No character lowers to an ASCII capital: only the copied runs have any.
    out.make_ascii_lowercase();
    out
}

/// Where the first byte that is not ASCII is, if any: eight bytes at a time.
fn first_non_ascii(b: &[u8]) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut at = 0;
    while let Some(word) = b.get(at..at + 8) {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        if word & HIGH_BITS != 0 {
            break;
        }
        at += 8;
    }
    b[at..].iter().position(|c| !c.is_ascii()).map(|i| at + i)
}

/// The eight bytes at `at` hold no whitespace but single ASCII spaces (none right after one
/// when `after_space`): whether the last is a space; `None` when they need a byte-by-byte look
/// (a control byte, a byte outside ASCII, two spaces) or are fewer than eight.
#[inline]
fn plain_chunk(b: &[u8], at: usize, after_space: bool) -> Option<bool> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW_BITS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH_BITS: u64 = !LOW_BITS;
    let w = u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?);
    // A byte below 0x20 borrows into its high bit, where `!w` keeps it (exact for "any").
    if (w | (w.wrapping_sub(0x20 * ONES) & !w)) & HIGH_BITS != 0 {
        return None;
    }
    let x = w ^ (0x20 * ONES);
    // The high bit of each byte that is a space, exactly.
    let spaces = !(((x & LOW_BITS) + LOW_BITS) | x | LOW_BITS);
    if spaces & (spaces >> 8) != 0 || (after_space && spaces & 0x80 != 0) {
        return None;
    }
    Some(spaces >> 63 != 0)
}

/// No whitespace at either end, and none inside but single ASCII spaces: [`fold_ws`] would
/// change nothing. Whitespace is `char::is_whitespace` (Unicode White_Space), checked by bytes.
fn is_folded(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    let mut i = 0;
    while i < b.len() {
        if let Some(ends_in_space) = plain_chunk(b, i, prev_space) {
            prev_space = ends_in_space;
            i += 8;
            continue;
        }
        let c = b[i];
        i += 1;
        // The bytes after `c`.
        let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let ws = match c {
            b' ' => {
                if prev_space {
                    return false;
                }
                prev_space = true;
                continue;
            }
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => true,
            // U+0085, U+00A0
            0xC2 => matches!(at(0), 0x85 | 0xA0),
            // U+1680
            0xE1 => at(0) == 0x9A && at(1) == 0x80,
            // U+2000..=U+200A, U+2028, U+2029, U+202F, U+205F
            0xE2 => {
                (at(0) == 0x80 && matches!(at(1), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
                    || (at(0) == 0x81 && at(1) == 0x9F)
            }
            // U+3000
            0xE3 => at(0) == 0x80 && at(1) == 0x80,
            _ => false,
        };
        if ws {
            return false;
        }
        prev_space = false;
    }
    true
}

/// Fold every whitespace run to one space.
pub fn fold_ws(s: &str) -> String {
    if is_folded(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fast_char_tests_agree_with_the_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(super::is_uppercase(c), c.is_uppercase(), "{c:?}");
        }
    }

    use super::*;

    #[test]
    fn next_byte_finds_what_a_scan_finds() {
        let text = "a.b!c? d\u{2026}e \u{201C}f\u{201D}. g?! h\u{2019}s ...".as_bytes();
        let naive = |at: usize| {
            text.iter()
                .skip(at)
                .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
                .map(|k| at + k)
        };
        let mut finder = NextByte::new(text, [b'.', b'!', b'?'], 0xE2);
        let forward = 0..=text.len() + 1;
        let back_and_forth = [30, 3, 17, 17, 9, 0, 40, 12];
        for at in forward.chain(back_and_forth) {
            assert_eq!(finder.next(at), naive(at), "{at}");
        }
    }

    #[test]
    fn lines_drop_crlf_and_keep_offsets() {
        let t = "ab\r\ncd\n\nef";
        let l = line_ranges(t);
        assert_eq!(l, vec![0..2, 4..6, 7..7, 8..10]);
        assert_eq!(&t[l[3].clone()], "ef");
    }

    #[test]
    fn to_lowercase_is_the_standard_one() {
        for s in [
            "",
            "ABC def",
            "Kyiv’s “NATO” Bid",
            "\u{212A}ELVIN \u{130}STANBUL ẞ ÀÉÎ",
            "ΟΔΥΣΣΕΥΣ Σ ΑΣ",
            "日本 NATO",
        ] {
            assert_eq!(to_lowercase(s), s.to_lowercase(), "{s}");
        }
    }

    #[test]
    fn is_folded_agrees_with_folding() {
        let ws = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace());
        for w in ws.chain(['x', '~', '\u{7f}', 'é', '\u{2009}', '\u{200B}']) {
            for at in 0..20 {
                let mut s: String = "abcdefgh ijklmno qrst".chars().take(at).collect();
                s.push(w);
                s.push_str("uvwxyz 012345 6789");
                let folded: Vec<&str> = s.split_whitespace().collect();
                assert_eq!(is_folded(&s), folded.join(" ") == s, "{s:?}");
            }
        }
    }

    #[test]
    fn trim_range_handles_blank() {
        assert_eq!(trim_range("  a b  ", 0..7), 2..5);
        assert_eq!(trim_range("   ", 0..3), 0..0);
    }
}
