//! Sentence splitting that knows abbreviations, initials and quotations.

use crate::lexicon::{self, Class};
use crate::quotes::{self, Quotation};
use crate::strip::{Block, BlockKind};
use std::ops::Range;

/// A body paragraph with its sentences and quotations.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Byte range of the paragraph.
    pub range: Range<usize>,
    /// Byte ranges of its sentences, in order.
    pub sentences: Vec<Range<usize>>,
    /// Quotations in it, in order.
    pub quotes: Vec<Quotation>,
}

/// Split the body blocks into paragraphs of sentences.
pub fn paragraphs(text: &str, blocks: &[Block]) -> Vec<Paragraph> {
    blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .map(|b| {
            let quotes = quotes::find(text, b.range.clone());
            let sentences = split(text, b.range.clone(), &quotes);
            Paragraph {
                range: b.range.clone(),
                sentences,
                quotes,
            }
        })
        .collect()
}

/// Sentence ranges of `text[range]`. No break falls inside a quotation that closes in the
/// paragraph, so `"A. B," he said.` stays one sentence.
pub fn split(text: &str, range: Range<usize>, quotes: &[Quotation]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let bytes = text.as_bytes();
    let mut i = range.start;
    // On to the next byte that may begin a terminator ('…' begins with 0xE2).
    let mut terminators =
        crate::document::NextByte::new(&bytes[..range.end], [b'.', b'!', b'?'], 0xE2);
    while i < range.end {
        match terminators.next(i) {
            Some(k) => i = k,
            None => break,
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if matches!(c, '.' | '!' | '?' | '…') {
            let end = skip_closers(text, i + len, range.end);
            if is_boundary(text, i, end, range.clone(), quotes) {
                out.push(start..end);
                start = next_non_space(bytes, end, range.end);
                i = start;
                continue;
            }
        }
        i += len;
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out.retain(|r| !text[r.clone()].trim().is_empty());
    out
}

fn skip_closers(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let c = text[i..].chars().next().unwrap_or(' ');
        if quotes::is_quote_mark(c) || matches!(c, ')' | ']' | '\u{2019}' | '\'' | '.' | '!' | '?')
        {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn next_non_space(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

fn is_boundary(
    text: &str,
    dot: usize,
    after: usize,
    para: Range<usize>,
    quotes: &[Quotation],
) -> bool {
    if after >= para.end {
        return false;
    }
    let rest = &text[after..para.end];
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    let next = rest.trim_start().chars().next().unwrap_or(' ');
    if !(next.is_uppercase()
        || next.is_numeric()
        || quotes::is_quote_mark(next)
        || matches!(next, '\u{2018}' | '\''))
    {
        return false;
    }
    if inside_closed_quote(dot, after, quotes) {
        return false;
    }
    if !text[dot..].starts_with('.')
        && closes_quote(text, dot, after)
        && speaker_frame_follows(rest)
    {
        return false;
    }
    let number_follows = rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
    // Read only after a dotted abbreviation, the one place it counts.
    let pronoun_follows = || {
        rest.split_whitespace()
            .next()
            .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
            .is_some_and(|w| {
                let bare = w.strip_suffix("'s").unwrap_or(&w);
                lexicon::is(Class::SubjectPronoun, bare)
            })
    };
    !(text[dot..].starts_with('.')
        && is_abbreviation(&text[para.start..dot], number_follows)
        && !(pronoun_follows() && dotted(&text[para.start..dot])))
}

/// The word before the dot is a dotted abbreviation ("U.S", "U.K"): a subject pronoun after it
/// ("... in the U.S. He says ...") opens a new sentence.
fn dotted(before: &str) -> bool {
    before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .is_some_and(|w| w.contains('.'))
}

/// Longest name before a cue that keeps `"...?" NAME said` one sentence, in words.
const FRAME_NAME_WORDS: usize = 4;

/// The characters after a terminator close a quotation (`?"`, `!"`).
fn closes_quote(text: &str, dot: usize, after: usize) -> bool {
    text[dot..after].chars().any(quotes::is_quote_mark)
}

/// `"Why now?" Lichtman said about ...`: capitalised words and then a speech verb right after a
/// quoted question or exclamation are its frame, not a new sentence.
fn speaker_frame_follows(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    for _ in 0..=FRAME_NAME_WORDS {
        let Some(w) = words.next() else { return false };
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        if lexicon::is(Class::CoreCue, bare) {
            return true;
        }
        if !bare.starts_with(char::is_uppercase) || bare.len() != w.len() {
            return false;
        }
    }
    false
}

/// A terminator inside a quotation that closes later in the paragraph (the closing mark itself
/// may be among the characters just skipped, then the sentence may end there).
fn inside_closed_quote(dot: usize, after: usize, quotes: &[Quotation]) -> bool {
    quotes::containing(quotes, dot)
        .is_some_and(|q| q.closed && q.inner.start <= dot && q.outer.end > after)
}

fn is_abbreviation(before: &str, number_follows: bool) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        // An initial ("J. Smith", "on J. D. Vance's remarks"), not the platform X after its
        // preposition ("wrote on X.").
        let previous = before[..before.len() - word.len()]
            .split_whitespace()
            .next_back();
        return !(w == "X" && matches!(previous, Some("on" | "via")));
    }
    if w.contains('.') {
        return true; // "U.S.", "e.g."
    }
    let w = crate::document::lowercase(w);
    let abbreviation = lexicon::is(Class::Abbreviation, &w) || lexicon::is(Class::Honorific, &w);
    abbreviation && (number_follows || !lexicon::is(Class::NumberAbbreviation, &w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        let q = quotes::find(t, 0..t.len());
        split(t, 0..t.len(), &q)
            .into_iter()
            .map(|r| &t[r])
            .collect()
    }

    #[test]
    fn a_platform_letter_after_on_ends_the_sentence() {
        let t =
            "The minister wrote on X. The allies must act. Ask J. Smith. He spoke on J. D. Vance.";
        assert_eq!(
            sents(t),
            vec![
                "The minister wrote on X.",
                "The allies must act.",
                "Ask J. Smith.",
                "He spoke on J. D. Vance."
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sents("Mr. Smith met Gen. Jones in the U.S. Army base. J. K. Doe left."),
            vec![
                "Mr. Smith met Gen. Jones in the U.S. Army base.",
                "J. K. Doe left."
            ]
        );
    }

    #[test]
    fn no_is_an_abbreviation_only_before_a_number() {
        assert_eq!(
            sents("He said no. Ukraine waits. See No. 5 Street."),
            vec!["He said no.", "Ukraine waits.", "See No. 5 Street."]
        );
    }

    #[test]
    fn closed_quotation_stays_in_one_sentence() {
        assert_eq!(
            sents("“We act. We win,” he said. Then he left."),
            vec!["“We act. We win,” he said.", "Then he left."]
        );
    }

    #[test]
    fn sentence_ends_after_closing_mark() {
        assert_eq!(
            sents("He said: “We act.” Then he left."),
            vec!["He said: “We act.”", "Then he left."]
        );
    }

    #[test]
    fn a_quoted_question_keeps_its_named_speaker() {
        assert_eq!(
            sents("\"Why now?\" Maria Lopez said of the vote. Then she left."),
            vec![
                "\"Why now?\" Maria Lopez said of the vote.",
                "Then she left."
            ]
        );
        assert_eq!(
            sents("\"Why now?\" Nobody knew. Then she left."),
            vec!["\"Why now?\"", "Nobody knew.", "Then she left."]
        );
    }

    #[test]
    fn unclosed_quotation_splits_normally() {
        assert_eq!(sents("“We act. We win."), vec!["“We act.", "We win."]);
    }
}
