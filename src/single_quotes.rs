//! British-style quotation: articles that quote with single marks ('...' or ‘...’) and keep
//! double marks for quotations inside them.
//!
//! Later stages read double marks only, since a single mark is an apostrophe far more often
//! than a quotation mark. For an article that quotes in single marks, [`as_double`] rewrites
//! each paired single mark (and an opening one at a paragraph's start, a quotation that runs
//! on) as the double mark of the same byte length, so every offset still points into the
//! original text, which stays the text claims print.

use crate::lexicon::{self, Class};

/// The text with its single quotation marks written as double ones, when the article quotes
/// in single marks: more paired single quotations outside double marks than double ones.
/// None for any other article.
pub fn as_double(text: &str) -> Option<String> {
    if opener_candidates(text) < MIN_QUOTATIONS {
        return None;
    }
    let mut pairs = Vec::new();
    let mut doubles = 0;
    for para in paragraphs(text) {
        let (p, d) = pair_in(text, para);
        pairs.extend(p);
        doubles += d;
    }
    let quotations = pairs.iter().filter(|p| p.close.is_some()).count();
    if quotations < MIN_QUOTATIONS || quotations <= doubles {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    for p in pairs {
        rewrite(&mut bytes, p.open);
        if let Some(c) = p.close {
            rewrite(&mut bytes, c);
        }
        for d in p.nested {
            to_single(&mut bytes, d);
        }
    }
    String::from_utf8(bytes).ok()
}

/// One single quotation: its marks, and the double marks of a quotation inside it.
struct Paired {
    open: usize,
    /// None when it runs on past its paragraph.
    close: Option<usize>,
    nested: Vec<usize>,
}

/// At least as many marks as could open a single quotation (a `'` or `‘` after a byte that is
/// no letter or digit, before one that is, or before any non-ASCII byte): one byte scan that
/// turns most articles away before the pairing reads them character by character.
fn opener_candidates(text: &str) -> usize {
    let b = text.as_bytes();
    let word = |k: usize| {
        b.get(k)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
    };
    let mut n = 0;
    // Each mark starts with one of two bytes: found by memchr, not read byte by byte.
    for k in memchr::memchr2_iter(b'\'', 0xE2, b) {
        let mark_len = match b[k] {
            b'\'' => 1,
            0xE2 if b[k..].starts_with("\u{2018}".as_bytes()) => 3,
            _ => continue,
        };
        let after_word = k > 0 && b[k - 1].is_ascii_alphanumeric();
        if !after_word && word(k + mark_len) {
            n += 1;
        }
    }
    n
}

/// Fewest single quotations that make an article's style.
const MIN_QUOTATIONS: usize = 2;

/// Byte ranges of the text's paragraphs: lines up to a blank line (a hard-wrapped quotation
/// runs over line breaks).
fn paragraphs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut at) = (0, 0);
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if start < at {
                out.push(start..at);
            }
            start = at + line.len();
        }
        at += line.len();
    }
    if start < at {
        out.push(start..at);
    }
    out
}

/// The single-mark pairs of one paragraph outside double quotations (an opening mark at the
/// paragraph's start may stay open: the quotation runs on), and the number of double
/// quotations in it.
fn pair_in(text: &str, para: std::ops::Range<usize>) -> (Vec<Paired>, usize) {
    let chars: Vec<(usize, char)> = text[para.clone()]
        .char_indices()
        .map(|(i, c)| (para.start + i, c))
        .collect();
    let mut out = Vec::new();
    let mut doubles = 0;
    let mut in_double = false;
    let mut open: Option<usize> = None;
    let mut nested = Vec::new();
    // The first "s'" before a space inside the open quotation: a plural possessive, or its end.
    let mut possessive: Option<usize> = None;
    for k in 0..chars.len() {
        let (at, c) = chars[k];
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        // Two apostrophes are one double mark (the second is skipped).
        let doubled = c == '\'' && next == Some('\'');
        if c == '\'' && prev == Some('\'') {
            continue;
        }
        if crate::quotes::is_quote_mark(c) || doubled {
            if open.is_none() {
                in_double = !in_double;
                doubles += usize::from(in_double);
            } else if matches!(c, '"' | '\u{201C}' | '\u{201D}') && !doubled {
                nested.push(at); // 'He said "no" twice,': a quotation inside the quotation
            }
            continue;
        }
        if in_double {
            continue;
        }
        match open {
            None if opens(text, &chars, k) => open = Some(at),
            Some(o) if closes(c, prev, next) && has_word(&text[o..at]) && !elided(&chars, k) => {
                out.push(Paired {
                    open: o,
                    close: Some(at),
                    nested: std::mem::take(&mut nested),
                });
                open = None;
                possessive = None;
            }
            // "the allies 'heroes' on Tuesday, and X said 'we agree'": a new quotation opening
            // before any closing mark shows the "s'" before it closed the open one.
            Some(o) if opens(text, &chars, k) && possessive.is_some() => {
                out.push(Paired {
                    open: o,
                    close: possessive.take(),
                    nested: std::mem::take(&mut nested),
                });
                open = Some(at);
            }
            Some(_) if c == '\'' || c == '\u{2019}' => {
                let plural = prev == Some('s') && next.is_some_and(char::is_whitespace);
                if plural && possessive.is_none() {
                    possessive = Some(at);
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open.filter(|&o| text[para.start..o].trim().is_empty()) {
        out.push(Paired {
            open: o,
            close: None,
            nested,
        });
    }
    (out, doubles)
}

/// The mark at `chars[k]` opens a quotation: after nothing, space, a bracket or a dash, and
/// before a word that is no elision or year ("'em", "'90s").
fn opens(text: &str, chars: &[(usize, char)], k: usize) -> bool {
    let (at, c) = chars[k];
    if c != '\'' && c != '\u{2018}' {
        return false;
    }
    let after_space = k == 0
        || matches!(
            chars[k - 1].1,
            '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | ':'
        )
        || chars[k - 1].1.is_whitespace();
    let Some(&(_, next)) = chars.get(k + 1) else {
        return false;
    };
    if !after_space || !(next.is_alphanumeric() || next == '\u{2026}') || is_year(text, at + 1) {
        return false;
    }
    let word: String = text[at + c.len_utf8()..]
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    !lexicon::is(Class::Elision, &word)
}

/// "'90s", "'22": two digits after the mark and no third.
fn is_year(text: &str, from: usize) -> bool {
    let b = text.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    digit(from) && digit(from + 1) && !digit(from + 2)
}

/// A closing mark: after a non-space, before nothing, space or punctuation; "s'" before a
/// word is a plural possessive ("the allies' plan").
fn closes(c: char, prev: Option<char>, next: Option<char>) -> bool {
    if c != '\'' && c != '\u{2019}' {
        return false;
    }
    let Some(p) = prev.filter(|p| !p.is_whitespace()) else {
        return false;
    };
    match next {
        None => true,
        Some(n) if n.is_whitespace() => p != 's',
        Some(n) => !n.is_alphanumeric(),
    }
}

/// The mark at `chars[k]` ends an elision written between two apostrophes ("rock 'n' roll").
fn elided(chars: &[(usize, char)], k: usize) -> bool {
    let start = (0..k)
        .rev()
        .find(|&j| !chars[j].1.is_alphanumeric())
        .map_or(0, |j| j + 1);
    let before = start.checked_sub(1).map(|j| chars[j].1);
    let word: String = chars[start..k]
        .iter()
        .map(|x| x.1)
        .collect::<String>()
        .to_lowercase();
    matches!(before, Some('\'' | '\u{2018}' | '\u{2019}')) && lexicon::is(Class::Elision, &word)
}

/// The quotation holds a word.
fn has_word(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// Write the single mark of the same byte length over the double mark at `at`.
fn to_single(bytes: &mut [u8], at: usize) {
    match bytes[at] {
        b'"' => bytes[at] = b'\'',
        // U+201C/U+201D (E2 80 9C/9D) -> U+2018/U+2019 (E2 80 98/99)
        0xE2 => bytes[at + 2] -= 4,
        _ => {}
    }
}

/// Write the double mark of the same byte length over the single mark at `at`.
fn rewrite(bytes: &mut [u8], at: usize) {
    match bytes[at] {
        b'\'' => bytes[at] = b'"',
        // U+2018/U+2019 (E2 80 98/99) -> U+201C/U+201D (E2 80 9C/9D)
        0xE2 => bytes[at + 2] += 4,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_quoting_article_reads_as_double_quoting() {
        let text = "'The bridge will open in May,' the mayor said.\n\
                    She called the delay 'a disgrace' and left. The builders' union agreed.\n";
        let out = as_double(text).expect("single-quote style");
        assert_eq!(
            out,
            "\"The bridge will open in May,\" the mayor said.\n\
             She called the delay \"a disgrace\" and left. The builders' union agreed.\n"
        );
        let curly = "\u{2018}It is over,\u{2019} he said. \u{2018}We lost.\u{2019}\n";
        assert_eq!(
            as_double(curly).unwrap(),
            "\u{201C}It is over,\u{201D} he said. \u{201C}We lost.\u{201D}\n"
        );
    }

    #[test]
    fn double_quoting_articles_and_apostrophes_are_left_alone() {
        let text = "\"It is 'final,' she said,\" he said. \"We agree.\" 'Headline' here.\n";
        assert_eq!(as_double(text), None);
    }

    #[test]
    fn apostrophes_in_a_single_quoting_article_stay_apostrophes() {
        // Two real quotations make the style; contractions, the plural possessive inside a
        // quotation, an elision and a year must keep their apostrophes.
        let text = "'We can't wait for the allies' answer,' she said.\n\n\
                    'It's rock 'n' roll, like the '90s,' he said.\n";
        assert_eq!(
            as_double(text).unwrap(),
            "\"We can't wait for the allies' answer,\" she said.\n\n\
             \"It's rock 'n' roll, like the '90s,\" he said.\n"
        );
    }

    #[test]
    fn a_quotation_ending_in_s_closes_when_another_opens() {
        let text = "He called the talks 'useful' and the crews 'heroes' on Tuesday, and she said \
                    'we agree with the allies' plan'.\n";
        assert_eq!(
            as_double(text).unwrap(),
            "He called the talks \"useful\" and the crews \"heroes\" on Tuesday, and she said \
             \"we agree with the allies' plan\".\n"
        );
    }

    #[test]
    fn double_marks_inside_a_single_quotation_become_single() {
        let text = "'He said \"no\" to me twice,' she said.\n\n'We wait,' he said.\n";
        assert_eq!(
            as_double(text).unwrap(),
            "\"He said 'no' to me twice,\" she said.\n\n\"We wait,\" he said.\n"
        );
    }

    #[test]
    fn a_quotation_runs_over_a_line_break_and_may_open_on_a_digit() {
        let text = "'We will keep making the case until the door\nis walked through,' he said.\n\n\
                    '2024 will be decisive,' she said.\n";
        assert_eq!(
            as_double(text).unwrap(),
            "\"We will keep making the case until the door\nis walked through,\" he said.\n\n\
             \"2024 will be decisive,\" she said.\n"
        );
    }
}
