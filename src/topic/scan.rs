//! Which sections of a topic file name a term in a text, in one automaton pass: the topic's
//! term regexes as literals (each term is a literal between optional word boundaries), for a
//! topic whose terms are all ASCII without `_` (`Topic::ascii_terms`).
//!
//! The regexes read a text's [`super::ascii_view`]. The scan reads the text itself, ignoring
//! ASCII case, with a second form of each term for every `'` in it written `’` (the view makes
//! `’` an apostrophe; every other character outside ASCII becomes one no term holds); a
//! neighbour outside ASCII is a word character when its view is. A text holding a character
//! whose lowercase holds an ASCII letter (the Kelvin sign, a dotted capital I) is scanned in
//! its view. A section matches where the regex alternation of its terms does: some term occurs
//! with a word boundary before it (when it starts with a letter or digit) and after it (when it
//! ends with one and has no `*`); every occurrence of every term is tried.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, PatternID};

/// At most this many `'` in a term (each doubles its forms); a term with more leaves the
/// topic to its regexes.
const MAX_APOSTROPHES: u32 = 3;

/// The automaton over every section's terms, and what each pattern needs around it.
#[derive(Debug, Clone)]
pub struct Scan {
    automaton: DFA,
    /// Per pattern: its section's slot, and whether a word boundary must come before and after.
    needs: Vec<Need>,
}

/// A pattern's slot and the word boundaries its regex asks for.
#[derive(Debug, Clone, Copy)]
struct Need {
    slot: usize,
    lead: bool,
    tail: bool,
}

impl Scan {
    /// The scan of `lists` (one list of lowercase terms per slot, as in the file), or `None`
    /// when a term is not ASCII, holds `_`, is empty or has too many apostrophes (the regexes
    /// are used instead).
    pub fn build(lists: &[Vec<String>]) -> Option<Scan> {
        let mut patterns = Vec::new();
        let mut needs = Vec::new();
        for (slot, terms) in lists.iter().enumerate() {
            for t in terms {
                let (stem, wild) = t
                    .strip_suffix('*')
                    .map_or((t.as_str(), false), |s| (s, true));
                if stem.is_empty() || !stem.is_ascii() || stem.contains('_') {
                    return None;
                }
                let alnum = |c: char| c.is_alphanumeric();
                let need = Need {
                    slot,
                    lead: stem.starts_with(alnum),
                    tail: !wild && stem.ends_with(alnum),
                };
                for form in apostrophe_forms(stem)? {
                    patterns.push(form);
                    needs.push(need);
                }
            }
        }
        let automaton = DFA::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(&patterns)
            .ok()?;
        Some(Scan { automaton, needs })
    }

    /// Which slots' regexes match the view of `text`, one flag per slot set in `out`.
    pub fn hits(&self, text: &str, out: &mut [bool]) {
        if !text.is_ascii() && super::prefilter::holds_lowercase_to_ascii(text) {
            self.scan(&super::ascii_view(text), out);
        } else {
            self.scan(text, out);
        }
    }

    /// Every occurrence of every pattern in `text`, as (pattern, end), in order of their ends;
    /// `None` when `text` must be scanned in its view (as [`Scan::hits`] would). The
    /// occurrences inside a piece of `text` are the ones a scan of that piece finds.
    pub fn occurrences(&self, text: &str) -> Option<Vec<(PatternID, usize)>> {
        if !text.is_ascii() && super::prefilter::holds_lowercase_to_ascii(text) {
            return None;
        }
        let dfa = &self.automaton;
        let mut out = Vec::new();
        let Ok(mut sid) = dfa.start_state(Anchored::No) else {
            return Some(out);
        };
        for (i, &b) in text.as_bytes().iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, b);
            if !dfa.is_special(sid) || !dfa.is_match(sid) {
                continue;
            }
            for k in 0..dfa.match_len(sid) {
                let pid = dfa.match_pattern(sid, k);
                out.push((pid, i + 1));
            }
        }
        Some(out)
    }

    /// [`Scan::hits`] of `text[window]`, read from the [`Scan::occurrences`] of `text`.
    pub fn hits_within(
        &self,
        text: &str,
        occurrences: &[(PatternID, usize)],
        window: std::ops::Range<usize>,
        out: &mut [bool],
    ) {
        let piece = &text[window.clone()];
        let first = occurrences.partition_point(|&(_, end)| end <= window.start);
        for &(pid, end) in &occurrences[first..] {
            if end > window.end {
                break;
            }
            let need = self.needs[pid.as_usize()];
            if out[need.slot] {
                continue;
            }
            let Some(start) = end.checked_sub(self.automaton.pattern_len(pid)) else {
                continue;
            };
            if start < window.start {
                continue;
            }
            out[need.slot] = need.fits(piece, start - window.start..end - window.start);
        }
    }

    /// Every occurrence of every pattern in `text`, checked against its word boundaries.
    fn scan(&self, text: &str, out: &mut [bool]) {
        let dfa = &self.automaton;
        let Ok(mut sid) = dfa.start_state(Anchored::No) else {
            return;
        };
        for (i, &b) in text.as_bytes().iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, b);
            if !dfa.is_special(sid) || !dfa.is_match(sid) {
                continue;
            }
            let end = i + 1;
            for k in 0..dfa.match_len(sid) {
                let pid = dfa.match_pattern(sid, k);
                let need = self.needs[pid.as_usize()];
                if out[need.slot] {
                    continue;
                }
                let start = end - dfa.pattern_len(pid);
                out[need.slot] = need.fits(text, start..end);
            }
        }
    }
}

impl Need {
    /// The word boundaries the pattern's regex asks for are there around `text[at]`.
    fn fits(self, text: &str, at: std::ops::Range<usize>) -> bool {
        if self.lead && word_before(text, at.start) {
            return false;
        }
        !(self.tail && word_after(text, at.end))
    }
}

/// `stem` with each `'` written either way, or `None` when it has too many.
fn apostrophe_forms(stem: &str) -> Option<Vec<String>> {
    let n = stem.matches('\'').count() as u32;
    if n > MAX_APOSTROPHES {
        return None;
    }
    let forms = (0..1u32 << n)
        .map(|mask| {
            let mut k = 0;
            let mut form = String::with_capacity(stem.len() + 2 * n as usize);
            for c in stem.chars() {
                if c == '\'' {
                    form.push(if mask >> k & 1 == 1 { '\u{2019}' } else { '\'' });
                    k += 1;
                } else {
                    form.push(c);
                }
            }
            form
        })
        .collect();
    Some(forms)
}

/// The view of a character is a word character (`\w`): an ASCII letter, digit or `_`, or a
/// character outside ASCII whose lowercase is one (`’` becomes an apostrophe).
fn word_char(c: char, last: bool) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let mut lower = c.to_lowercase();
    let l = if last {
        lower.next_back()
    } else {
        lower.next()
    };
    l.is_some_and(|l| l != '\u{2019}' && regex_syntax::is_word_character(l))
}

/// The character before byte `at` reads as a word character.
fn word_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| word_char(c, true))
}

/// The character at byte `at` reads as a word character.
fn word_after(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| word_char(c, false))
}
