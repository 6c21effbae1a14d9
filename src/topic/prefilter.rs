//! The relevance prefilter: one case-insensitive scan that tells whether an article can hold an
//! in-scope statement at all, before any stage reads it.
//!
//! A statement is on topic only if its content, or its sentence, paragraph, the paragraph
//! before, the lead or the title, holds a `[core]` term of the topic file (`Topic::judge`:
//! `core_here || (weak_here && near.core)`). All of those are pieces of the article text (or
//! its title), lowercased, some with whitespace runs folded to one space. So an article whose
//! text and title hold no `[core]` term in any of those forms yields no in-scope claim, and the
//! prefilter finds every such form in the unmodified text:
//! - ASCII case is ignored (the scan reads an ASCII-lowercased copy), and any character whose lowercase holds an ASCII letter (the Kelvin
//!   sign, dotted capital I) admits the text outright;
//! - a space in a term matches any run of whitespace (`fold_ws` folds runs in quotes);
//! - `'` matches a straight or a curly apostrophe, as in `Topic`'s regexes;
//! - a word boundary is checked only against an ASCII letter or digit next to the match (a
//!   piece of the text never starts or ends between two letters or digits, and any other
//!   neighbour is taken to be a boundary, which can only admit more).
//!
//! Topics the scan cannot cover exactly get no prefilter (everything is admitted): a term
//! with a non-ASCII character or "...", an empty term, or an `[off]` term that starts and ends
//! with punctuation (blanking it out before the core test could join two words of a term).

use aho_corasick::{AhoCorasick, Input, MatchKind};
use std::cell::RefCell;

/// Characters outside ASCII whose lowercase holds an ASCII letter: KELVIN SIGN → "k", LATIN
/// CAPITAL LETTER I WITH DOT ABOVE → "i̇". A unit test checks that there are no others.
const LOWERCASE_TO_ASCII: [char; 2] = ['\u{212A}', '\u{0130}'];

thread_local! {
    /// The scan's case: it runs over an ASCII-lowercased copy of the text (the same byte
    /// offsets), so the automaton can use its fastest (case-sensitive, SIMD) search.
    static LOWERED: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A compiled prefilter for one topic's `[core]` terms.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// Where a term may start: the part of each term's first word before any apostrophe,
    /// lowercase, without those another one starts with (every place a term starts is a
    /// place one of these matches).
    anchors: AhoCorasick,
    /// The terms, each checked whole where an anchor matches.
    terms: Vec<Term>,
    /// For each anchor, the terms that can start where it matches: those whose own anchor
    /// starts with it (no anchor starts with another, so one at most matches at a place).
    by_anchor: Vec<Vec<usize>>,
}

/// A `[core]` term as the prefilter checks it.
#[derive(Debug, Clone)]
struct Term {
    /// Its words, lowercase.
    words: Vec<String>,
    /// The term starts with a letter or digit, so a word boundary must come before it.
    lead: bool,
    /// The term ends with a letter or digit and has no `*`, so a word boundary must follow.
    tail: bool,
}

impl Prefilter {
    /// The prefilter for a topic's `[core]` terms (lowercase, as in the file), or `None` when
    /// the scan could not cover them exactly (see the module documentation) and every text
    /// must be admitted. `off` are the `[off]` terms.
    pub fn build(core: &[String], off: &[String]) -> Option<Prefilter> {
        if off.iter().any(|t| joins_words(t)) {
            return None;
        }
        let terms: Vec<Term> = core.iter().map(|t| parse_term(t)).collect::<Option<_>>()?;
        let mut anchors: Vec<&str> = Vec::new();
        for t in &terms {
            let anchor = t.words[0].split('\'').next().unwrap_or("");
            if anchor.is_empty() {
                return None;
            }
            anchors.push(anchor);
        }
        let all = anchors.clone();
        anchors.retain(|a| !all.iter().any(|b| b.len() < a.len() && a.starts_with(b)));
        anchors.sort_unstable();
        anchors.dedup();
        let by_anchor = anchors
            .iter()
            .map(|a| (0..all.len()).filter(|&t| all[t].starts_with(a)).collect())
            .collect();
        let anchors = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&anchors)
            .expect("a few short patterns always build");
        Some(Prefilter {
            anchors,
            terms,
            by_anchor,
        })
    }

    /// True if `text` holds a `[core]` term in any form the topic stage could see.
    pub fn admits(&self, text: &str) -> bool {
        let found = LOWERED.with_borrow_mut(|lower| {
            lower.clear();
            lower.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
            self.scan(text, lower)
        });
        found || holds_lowercase_to_ascii(text)
    }

    /// Every place an anchor matches (each one, also inside or right after another), until a
    /// whole term is there.
    fn scan(&self, text: &str, lower: &[u8]) -> bool {
        let mut at = 0;
        while let Some(m) = self.anchors.find(Input::new(lower).span(at..lower.len())) {
            let mut terms = self.by_anchor[m.pattern().as_usize()].iter();
            if terms.any(|&t| self.terms[t].matches(text, lower, m.start())) {
                return true;
            }
            at = m.start() + 1;
        }
        false
    }
}

impl Term {
    /// The whole term starts at `start` (`lower` is `text` ASCII-lowercased).
    fn matches(&self, text: &str, lower: &[u8], start: usize) -> bool {
        if self.lead && start > 0 && lower[start - 1].is_ascii_alphanumeric() {
            return false;
        }
        let mut at = start;
        for (i, word) in self.words.iter().enumerate() {
            let begin = if i == 0 {
                Some(at)
            } else {
                skip_whitespace(text, at)
            };
            match begin.and_then(|b| match_word(lower, b, word)) {
                Some(next) => at = next,
                None => return false,
            }
        }
        !(self.tail && lower.get(at).is_some_and(u8::is_ascii_alphanumeric))
    }
}

/// A term as the prefilter checks it; `None` if the scan cannot cover it.
fn parse_term(t: &str) -> Option<Term> {
    let (stem, wild) = t.strip_suffix('*').map_or((t, false), |s| (s, true));
    if !stem.is_ascii() || stem.contains("...") {
        return None;
    }
    let words: Vec<String> = stem.split_whitespace().map(str::to_string).collect();
    if words.is_empty() {
        return None;
    }
    Some(Term {
        words,
        lead: stem.starts_with(|c: char| c.is_alphanumeric()),
        tail: !wild && stem.ends_with(|c: char| c.is_alphanumeric()),
    })
}

/// An `[off]` term that starts and ends with punctuation: blanking it out of "north% of
/// gdpatlantic" would make "north atlantic".
fn joins_words(t: &str) -> bool {
    let stem = t.strip_suffix('*').unwrap_or(t);
    let wild = stem.len() != t.len();
    let punct = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric());
    punct(stem.chars().next()) && !wild && punct(stem.chars().last())
}

/// True if `text` holds a character of [`LOWERCASE_TO_ASCII`]: one scan for the last bytes of
/// their UTF-8 forms (rare bytes), each place found checked whole.
pub(super) fn holds_lowercase_to_ascii(text: &str) -> bool {
    let [kelvin, dotted_i] = LOWERCASE_TO_ASCII.map(|c| {
        let mut utf8 = [0; 4];
        c.encode_utf8(&mut utf8);
        (utf8, c.len_utf8())
    });
    let bytes = text.as_bytes();
    let last = |(utf8, len): ([u8; 4], usize)| utf8[len - 1];
    let ends_at = |end: usize, (utf8, len): ([u8; 4], usize)| bytes[..=end].ends_with(&utf8[..len]);
    memchr::memchr2_iter(last(kelvin), last(dotted_i), bytes)
        .any(|end| ends_at(end, kelvin) || ends_at(end, dotted_i))
}

/// The end of one or more whitespace characters starting at `at`, if there are any.
fn skip_whitespace(text: &str, at: usize) -> Option<usize> {
    let n: usize = text[at..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    (n > 0).then_some(at + n)
}

/// The end of `word` (lowercase ASCII, `'` straight or curly) at `at` in the lowercased text.
fn match_word(lower: &[u8], mut at: usize, word: &str) -> Option<usize> {
    const CURLY: &[u8] = "\u{2019}".as_bytes();
    for b in word.bytes() {
        if b == b'\'' && lower[at..].starts_with(CURLY) {
            at += CURLY.len();
        } else if lower.get(at) == Some(&b) {
            at += 1;
        } else {
            return None;
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(core: &[&str], off: &[&str]) -> Option<Prefilter> {
        let own = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Prefilter::build(&own(core), &own(off))
    }

    #[test]
    fn the_special_characters_are_all_there_are() {
        let found: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(found, {
            let mut v = LOWERCASE_TO_ASCII.to_vec();
            v.sort();
            v
        });
    }

    #[test]
    fn terms_in_any_case_on_word_boundaries() {
        let p = filter(
            &["nato", "alliance's", "join*", "nato-ukraine council"],
            &[],
        )
        .unwrap();
        assert!(p.admits("the NATO-Ukraine\tCouncil"));
        assert!(p.admits("Leaders of NATO met."));
        assert!(p.admits("the Alliance’s summit"));
        assert!(p.admits("joining"));
        assert!(!p.admits("The senator spoke; natonal; rejoin"));
        assert!(p.admits("x_nato: an underscore is no letter"));
        assert!(p.admits("énato: a letter outside ASCII may be a boundary"));
        assert!(p.admits("NATO\u{212A}"));
        assert!(p.admits("a \u{212A}elvin sign"));
        assert!(p.admits("\u{130}"));
        // Other characters whose UTF-8 forms end in the same bytes.
        assert!(!p.admits("\u{AA} \u{20AA} \u{B0} \u{12A} \u{2129} \u{C4}\u{B0}"));
    }

    #[test]
    fn words_of_a_term_across_any_whitespace() {
        let p = filter(&["north atlantic", "security guarantees"], &[]).unwrap();
        assert!(p.admits("the North\n  Atlantic treaty"));
        assert!(p.admits("security\u{a0}guarantees"));
        assert!(!p.admits("north-atlantic; northatlantic; security guaranteed"));
        assert!(!p.admits("north"));
    }

    #[test]
    fn uncoverable_topics_have_no_prefilter() {
        assert!(filter(&["münchen"], &[]).is_none());
        assert!(filter(&["*"], &[]).is_none());
        assert!(filter(&["nato"], &["% of gdp"]).is_some());
        assert!(filter(&["nato"], &["(x)"]).is_none());
        assert!(filter(&["'s"], &[]).is_none());
    }
}
