//! Which date finders can match a text at all: one scan for words one of which every match of
//! a finder's regex holds (`src/lexicon/date_guard.txt`, [`crate::lexicon::date_guard_lines`];
//! its `@months` and `@weekdays` are the names the finders' regexes are built from). A finder
//! whose words are all absent is not run, and its regex is not built until some text needs it.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::LazyLock;

/// The finders of [`super::find_dates`], in its order, as the word list names them.
const FINDER_NAMES: [&str; 9] = [
    "day",
    "holiday",
    "numeric",
    "weekday",
    "relative",
    "anaphoric",
    "vague",
    "month_only",
    "then",
];

/// Every finder.
const ALL: u16 = (1 << FINDER_NAMES.len()) - 1;

/// One word of the list: the finders it lets run and where it must stand.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// Bit `i` for finder `i`.
    finders: u16,
    /// No ASCII letter or digit just before it.
    start: bool,
    /// No ASCII letter or digit just after it.
    end: bool,
    /// Title or UPPER case.
    month: bool,
}

/// The words' searcher (any ASCII case, every occurrence) and the words, by pattern id.
struct Guard {
    searcher: AhoCorasick,
    words: Vec<Word>,
}

static GUARD: LazyLock<Guard> = LazyLock::new(|| {
    let lines: Vec<(&str, Word)> = crate::lexicon::date_guard_lines()
        .map(parse_line)
        .flat_map(|(word, w)| expand(word).into_iter().map(move |x| (x, w)))
        .collect();
    let searcher = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(lines.iter().map(|(w, _)| w))
        .expect("dates: the guard's words");
    let words = lines.into_iter().map(|(_, w)| w).collect();
    Guard { searcher, words }
});

/// `finders: word +flags` → the word and what it stands for.
fn parse_line(line: &'static str) -> (&'static str, Word) {
    let (names, rest) = line.split_once(':').expect("date_guard.txt: finders: word");
    let mut parts = rest.split_whitespace();
    let word = parts
        .next()
        .expect("date_guard.txt: a word after the colon");
    let flags: Vec<&str> = parts.collect();
    let finders = names
        .split(',')
        .map(|n| finder_bits(n.trim()))
        .fold(0, |a, b| a | b);
    let flag = |f: &str| flags.contains(&f);
    let w = Word {
        finders,
        start: flag("+start"),
        end: flag("+end"),
        month: flag("+month"),
    };
    (word, w)
}

/// The words a list word stands for: the month names' first three letters for `@months` (every
/// month name or abbreviation the finders match opens with them), the weekday names for
/// `@weekdays`, else the word itself.
fn expand(word: &'static str) -> Vec<&'static str> {
    match word {
        "@months" => super::MONTHS_FULL.iter().map(|m| &m[..3]).collect(),
        "@weekdays" => super::WEEKDAYS_FULL.to_vec(),
        _ if word.starts_with('@') => panic!("date_guard.txt: no list named {word}"),
        _ => vec![word],
    }
}

/// The bit of the finder called `name` ("all": every bit).
fn finder_bits(name: &str) -> u16 {
    if name == "all" {
        return ALL;
    }
    let i = FINDER_NAMES
        .iter()
        .position(|n| *n == name)
        .unwrap_or_else(|| panic!("date_guard.txt: no finder named {name}"));
    1 << i
}

/// The finders (bit `i` for finder `i`) whose regexes may match somewhere in `text`.
pub(super) fn possible(text: &str) -> u16 {
    let guard = &*GUARD;
    let bytes = text.as_bytes();
    let mut bits = 0;
    for m in guard.searcher.find_overlapping_iter(text) {
        let w = &guard.words[m.pattern().as_usize()];
        if w.finders & !bits != 0 && stands(w, bytes, m.start(), m.end()) {
            bits |= w.finders;
            if bits == ALL {
                break;
            }
        }
    }
    bits
}

/// Whether the word found at `start..end` stands where its flags ask.
fn stands(w: &Word, bytes: &[u8], start: usize, end: usize) -> bool {
    let alnum = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let starts = !w.start || start == 0 || !alnum(start - 1);
    let ends = !w.end || !alnum(end);
    let cased = !w.month || month_case(&bytes[start..end]);
    starts && ends && cased
}

/// Title ("Jan") or UPPER ("JAN") case.
fn month_case(word: &[u8]) -> bool {
    let (first, rest) = word.split_first().unwrap_or((&b'a', &[]));
    first.is_ascii_uppercase()
        && (rest.iter().all(u8::is_ascii_lowercase) || rest.iter().all(u8::is_ascii_uppercase))
}
