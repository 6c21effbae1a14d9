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
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind, PatternID};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// At most this many `'` in a term (each doubles its forms); a term with more leaves the
/// topic to its regexes.
const MAX_APOSTROPHES: u32 = 3;

/// Bytes a scan reads with the NFA before its DFA is worth building (a topic has one scan, so
/// this counts over the whole run): the DFA builds in about three times the NFA's time and then
/// scans about four times as fast, so a run over one small article never builds it and a run
/// over many builds it early.
const DFA_AFTER_BYTES: usize = 64 * 1024;

/// The automata over every section's terms (an NFA, and a DFA built once enough was scanned),
/// and what each pattern needs around it.
#[derive(Debug)]
pub struct Scan {
    /// The patterns, in the order of their ids in both automata.
    patterns: Vec<String>,
    nfa: NFA,
    /// `None` inside when the DFA could not be built (the NFA then scans on).
    dfa: OnceLock<Option<DFA>>,
    scanned: AtomicUsize,
    /// Per pattern: its section's slot, and whether a word boundary must come before and after.
    needs: Vec<Need>,
}

impl Clone for Scan {
    fn clone(&self) -> Scan {
        Scan {
            patterns: self.patterns.clone(),
            nfa: self.nfa.clone(),
            dfa: self.dfa.clone(),
            scanned: AtomicUsize::new(self.scanned.load(Ordering::Relaxed)),
            needs: self.needs.clone(),
        }
    }
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
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(&patterns)
            .ok()?;
        Some(Scan {
            patterns,
            nfa,
            dfa: OnceLock::new(),
            scanned: AtomicUsize::new(0),
            needs,
        })
    }

    /// The DFA once this scan has read [`DFA_AFTER_BYTES`] (counting `text`), built then;
    /// `None` before (or if it cannot be built), when the NFA scans.
    fn dfa(&self, text: &str) -> Option<&DFA> {
        if let Some(dfa) = self.dfa.get() {
            return dfa.as_ref();
        }
        if self.scanned.fetch_add(text.len(), Ordering::Relaxed) + text.len() < DFA_AFTER_BYTES {
            return None;
        }
        self.dfa
            .get_or_init(|| {
                DFA::builder()
                    .match_kind(MatchKind::Standard)
                    .ascii_case_insensitive(true)
                    .prefilter(false)
                    .build(&self.patterns)
                    .ok()
            })
            .as_ref()
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
        let mut out = Vec::new();
        match self.dfa(text) {
            Some(dfa) => each_match(dfa, text, |pid, end| out.push((pid, end))),
            None => each_match(&self.nfa, text, |pid, end| out.push((pid, end))),
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
            let Some(start) = end.checked_sub(self.nfa.pattern_len(pid)) else {
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
        let mut check = |pid: PatternID, end: usize| {
            let need = self.needs[pid.as_usize()];
            if !out[need.slot] {
                let start = end - self.nfa.pattern_len(pid);
                out[need.slot] = need.fits(text, start..end);
            }
        };
        match self.dfa(text) {
            Some(dfa) => each_match(dfa, text, &mut check),
            None => each_match(&self.nfa, text, &mut check),
        }
    }
}

/// Call `found(pattern, end)` for every occurrence of every pattern of `automaton` in `text`,
/// in order of their ends.
fn each_match<A: Automaton>(automaton: &A, text: &str, mut found: impl FnMut(PatternID, usize)) {
    let Ok(mut sid) = automaton.start_state(Anchored::No) else {
        return;
    };
    for (i, &b) in text.as_bytes().iter().enumerate() {
        sid = automaton.next_state(Anchored::No, sid, b);
        if !automaton.is_special(sid) || !automaton.is_match(sid) {
            continue;
        }
        for k in 0..automaton.match_len(sid) {
            found(automaton.match_pattern(sid, k), i + 1);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lists() -> Vec<Vec<String>> {
        let terms = |t: &[&str]| t.iter().map(|s| s.to_string()).collect();
        vec![
            terms(&["nato", "alliance's"]),
            terms(&["join*", "membership"]),
        ]
    }

    #[test]
    fn the_nfa_and_the_dfa_find_the_same_occurrences() {
        let scan = Scan::build(&lists()).unwrap();
        let text = "The Alliance’s door: Kyiv joined talks on NATO membership, not NATOs.";
        let by_nfa = scan.occurrences(text).unwrap();
        assert!(
            scan.dfa.get().is_none(),
            "a short text is scanned by the NFA"
        );
        let long = "filler ".repeat(DFA_AFTER_BYTES / 7 + 1);
        let mut out = [false; 2];
        scan.hits(&long, &mut out);
        assert!(
            scan.dfa.get().is_some_and(Option::is_some),
            "the DFA is built once enough was scanned"
        );
        assert_eq!(scan.occurrences(text).unwrap(), by_nfa);
        assert_eq!(by_nfa.len(), 5);
        let mut hits = [false; 2];
        scan.hits(text, &mut hits);
        assert_eq!(hits, [true, true]);
    }
}
