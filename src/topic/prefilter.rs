//! The relevance prefilter: one case-insensitive scan that tells whether an article can hold an
//! in-scope statement at all, before any stage reads it.
//!
//! A statement is on topic only if its content, or its sentence, paragraph, the paragraph
//! before, the lead or the title, holds a `[core]` term of the topic file (`Topic::judge`:
//! `core_here || (weak_here && near.core)`). All of those are pieces of the article text (or
//! its title), lowercased, some with whitespace runs folded to one space. So an article whose
//! text and title hold no `[core]` term in any of those forms yields no in-scope claim, and the
//! prefilter finds every such form in the unmodified text:
//! - ASCII case is ignored, and any character whose lowercase holds an ASCII letter (the Kelvin
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

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// Characters outside ASCII whose lowercase holds an ASCII letter: KELVIN SIGN → "k", LATIN
/// CAPITAL LETTER I WITH DOT ABOVE → "i̇". A unit test checks that there are no others.
const LOWERCASE_TO_ASCII: [char; 2] = ['\u{212A}', '\u{0130}'];

/// Most apostrophes in one word of a term (each doubles the patterns: `'` and `’`).
const MAX_APOSTROPHES: u32 = 4;

/// A compiled prefilter for one topic's `[core]` terms.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// First words of the terms (each apostrophe spelled both ways) and the special
    /// characters, ASCII case-insensitive.
    automaton: AhoCorasick,
    /// What a match of each pattern still needs, by pattern index.
    heads: Vec<Head>,
}

/// What a match of one pattern means.
#[derive(Debug, Clone)]
enum Head {
    /// A character whose lowercase is ASCII: the text is admitted.
    Special,
    /// The first word of a term.
    Term(Term),
}

/// A `[core]` term as the prefilter checks it.
#[derive(Debug, Clone)]
struct Term {
    /// The words after the first, lowercase.
    rest: Vec<String>,
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
        let mut patterns: Vec<String> = Vec::new();
        let mut heads: Vec<Head> = Vec::new();
        for t in core {
            let (first, term) = parse_term(t)?;
            for p in apostrophe_spellings(&first)? {
                patterns.push(p);
                heads.push(Head::Term(term.clone()));
            }
        }
        for c in LOWERCASE_TO_ASCII {
            patterns.push(c.to_string());
            heads.push(Head::Special);
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("a few short patterns always build");
        Some(Prefilter { automaton, heads })
    }

    /// True if `text` holds a `[core]` term in any form the topic stage could see.
    pub fn admits(&self, text: &str) -> bool {
        self.automaton.find_overlapping_iter(text).any(|m| {
            match &self.heads[m.pattern().as_usize()] {
                Head::Special => true,
                Head::Term(t) => t.matches(text, m.start(), m.end()),
            }
        })
    }
}

impl Term {
    /// The first word matched at `start..end`: check the boundaries and the other words.
    fn matches(&self, text: &str, start: usize, end: usize) -> bool {
        let bytes = text.as_bytes();
        if self.lead && start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            return false;
        }
        let mut at = end;
        for word in &self.rest {
            match skip_whitespace(text, at).and_then(|i| match_word(text, i, word)) {
                Some(next) => at = next,
                None => return false,
            }
        }
        !(self.tail && bytes.get(at).is_some_and(u8::is_ascii_alphanumeric))
    }
}

/// Split a term into its first word and the rest; `None` if the scan cannot cover it.
fn parse_term(t: &str) -> Option<(String, Term)> {
    let (stem, wild) = t.strip_suffix('*').map_or((t, false), |s| (s, true));
    if !stem.is_ascii() || stem.contains("...") {
        return None;
    }
    let mut words = stem.split_whitespace().map(str::to_string);
    let first = words.next()?;
    let term = Term {
        rest: words.collect(),
        lead: stem.starts_with(|c: char| c.is_alphanumeric()),
        tail: !wild && stem.ends_with(|c: char| c.is_alphanumeric()),
    };
    Some((first, term))
}

/// Every spelling of `word` with each `'` straight or curly; `None` past the limit.
fn apostrophe_spellings(word: &str) -> Option<Vec<String>> {
    let n = word.matches('\'').count() as u32;
    if n > MAX_APOSTROPHES {
        return None;
    }
    let spellings = (0..1u32 << n)
        .map(|mask| {
            let mut k = 0;
            word.chars()
                .map(|c| {
                    if c != '\'' {
                        return c.to_string();
                    }
                    k += 1;
                    if mask >> (k - 1) & 1 == 1 {
                        "\u{2019}".to_string()
                    } else {
                        "'".to_string()
                    }
                })
                .collect()
        })
        .collect();
    Some(spellings)
}

/// An `[off]` term that starts and ends with punctuation: blanking it out of "north% of
/// gdpatlantic" would make "north atlantic".
fn joins_words(t: &str) -> bool {
    let stem = t.strip_suffix('*').unwrap_or(t);
    let wild = stem.len() != t.len();
    let punct = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric());
    punct(stem.chars().next()) && !wild && punct(stem.chars().last())
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

/// The end of `word` (lowercase ASCII, `'` straight or curly) at `at`, ignoring ASCII case.
fn match_word(text: &str, mut at: usize, word: &str) -> Option<usize> {
    const CURLY: &[u8] = "\u{2019}".as_bytes();
    let text = text.as_bytes();
    for b in word.bytes() {
        if b == b'\'' && text[at..].starts_with(CURLY) {
            at += CURLY.len();
        } else if text.get(at).is_some_and(|t| t.to_ascii_lowercase() == b) {
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
        let p = filter(&["nato", "alliance's", "join*"], &[]).unwrap();
        assert!(p.admits("Leaders of NATO met."));
        assert!(p.admits("the Alliance’s summit"));
        assert!(p.admits("joining"));
        assert!(!p.admits("The senator spoke; natonal; rejoin"));
        assert!(p.admits("x_nato: an underscore is no letter"));
        assert!(p.admits("énato: a letter outside ASCII may be a boundary"));
        assert!(p.admits("NATO\u{212A}"));
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
    }
}
