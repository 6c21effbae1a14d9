//! Canonical speakers: one spelling per speaker across a whole run, so that "who spoke most"
//! counts Zelensky, Zelenskiy, Zelenskyy and Vladimir Zelensky as one.
//!
//! [`canonical`] is a pure function of the name and the speaker's kind: it never depends on
//! what else a run has seen, so output is the same in any file order and with any number of
//! threads. Known speakers come from `src/lexicon/speaker_variants.txt`, matched through a
//! spelling key ([`spelling_key`]); any other name is written by the display rules
//! ([`display_person`]): diacritics folded, a given name's -ii/-ij ending written -iy, a
//! surname's -iy/-yy/-yi/-ij/-yj ending written -y.

use crate::claim::SpeakerKind;
use crate::lexicon::{self, Class};
use std::collections::HashMap;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// The speaker's canonical form.
pub fn canonical(name: &str, kind: SpeakerKind) -> String {
    match kind {
        SpeakerKind::Person => person(name),
        SpeakerKind::Organization => institution(name),
    }
}

/// Most names a thread remembers the canonical form of (per speaker kind) before it forgets
/// them all and starts over.
const REMEMBERED: usize = 1 << 14;

/// [`canonical`], remembered per thread: the same speakers come back article after article,
/// and a pure function of the name gives the same answer from memory.
pub fn remembered(name: &str, kind: SpeakerKind) -> String {
    thread_local! {
        static SEEN: std::cell::RefCell<[rustc_hash::FxHashMap<String, String>; 2]> =
            Default::default();
    }
    let slot = match kind {
        SpeakerKind::Person => 0,
        SpeakerKind::Organization => 1,
    };
    SEEN.with_borrow_mut(|seen| {
        let map = &mut seen[slot];
        if let Some(c) = map.get(name) {
            return c.clone();
        }
        if map.len() >= REMEMBERED {
            map.clear();
        }
        let c = canonical(name, kind);
        map.insert(name.to_string(), c.clone());
        c
    })
}

/// A person: the known entry the name matches, else the name by the display rules.
fn person(name: &str) -> String {
    let Some((given, surname)) = split_name(name) else {
        return name.trim().to_string();
    };
    known_person(&given, &surname).unwrap_or_else(|| display_person(&given, &surname))
}

/// An institution: the known entry, else the name without a leading "the".
fn institution(name: &str) -> String {
    let bare = strip_the(name.trim());
    KNOWN
        .institutions
        .get(&institution_key(bare))
        .cloned()
        .unwrap_or_else(|| bare.to_string())
}

fn strip_the(name: &str) -> &str {
    name.strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name)
}

/// The given names (possibly none) and the surname: the last word that is not a suffix
/// ("Jr.", "III"), with the suffixes after it.
fn split_name(name: &str) -> Option<(Vec<&str>, String)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_suffix =
        |w: &&&str| lexicon::is(Class::NameSuffix, &w.trim_end_matches('.').to_lowercase());
    let core = words.len() - words.iter().rev().take_while(is_suffix).count();
    if core == 0 {
        return None;
    }
    Some((words[..core - 1].to_vec(), words[core - 1..].join(" ")))
}

/// Diacritics folded, a given name's ending as -iy, a surname's as -y.
pub fn display_person(given: &[&str], surname: &str) -> String {
    let mut words: Vec<String> = given
        .iter()
        .map(|g| given_ending(&fold_diacritics(g)))
        .collect();
    let mut rest = surname.split_whitespace();
    if let Some(last) = rest.next() {
        words.push(surname_ending(&fold_diacritics(last)));
    }
    words.extend(rest.map(fold_diacritics));
    words.join(" ")
}

/// Given-name endings spelled -ii, -ij or -iy are written -iy ("Andrii" → "Andriy").
fn given_ending(word: &str) -> String {
    replace_ending(word, &["ii", "ij", "iy"], "iy")
}

/// Surname endings spelled -iy, -yy, -yi, -ij or -yj are written -y ("Zelenskyy" → "Zelensky").
fn surname_ending(word: &str) -> String {
    replace_ending(word, &["iy", "yy", "yi", "ij", "yj"], "y")
}

/// Replace the first of `endings` the word ends with (case-insensitively), keeping the case
/// of the first replaced letter. A word no longer than an ending is left alone.
fn replace_ending(word: &str, endings: &[&str], with: &str) -> String {
    let lower = word.to_lowercase();
    for end in endings {
        if lower.len() > end.len() + 1
            && lower.ends_with(end)
            && word.is_char_boundary(word.len() - end.len())
        {
            let stem = &word[..word.len() - end.len()];
            let upper = word[stem.len()..].starts_with(|c: char| c.is_uppercase());
            let with = if upper {
                with.to_uppercase()
            } else {
                with.to_string()
            };
            return format!("{stem}{with}");
        }
    }
    word.to_string()
}

/// Latin letters without their diacritics ("Péter Szijjártó" → "Peter Szijjarto"); letters
/// that do not decompose (ł, ø, đ, ß, æ, œ, ı) are spelled out.
pub fn fold_diacritics(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        match c {
            '\u{300}'..='\u{36f}' => {}
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("OE"),
            'ı' => out.push('i'),
            c => out.push(c),
        }
    }
    out
}

/// The spelling key of one name word: transliteration variants of one spelling share it.
/// Lowercase, diacritics folded, apostrophes and dots dropped; kh → h, ck → k, x → ks,
/// w → v, j → y, ie → ye, ia → ya, iu → yu, then a vowel's y → i (ay → ai); doubled letters
/// single; the run of i and y letters at the end written as one y (-iy, -yy, -yi, -ii, -ij,
/// -i and -y all end in -y).
pub fn spelling_key(word: &str) -> String {
    let mut s: String = fold_diacritics(&word.to_lowercase())
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    for (from, to) in [
        ("kh", "h"),
        ("ck", "k"),
        ("x", "ks"),
        ("w", "v"),
        ("j", "y"),
        ("ie", "ye"),
        ("ia", "ya"),
        ("iu", "yu"),
        ("ay", "ai"),
        ("ey", "ei"),
        ("oy", "oi"),
        ("uy", "ui"),
    ] {
        s = s.replace(from, to);
    }
    let mut last = None;
    s.retain(|c| last.replace(c) != Some(c));
    let stem = s.trim_end_matches(['i', 'y']);
    if stem.len() < s.len() && !stem.is_empty() {
        format!("{stem}y")
    } else {
        s
    }
}

/// An institution's key: lowercase, diacritics folded, no leading "the", no dots, one space.
fn institution_key(name: &str) -> String {
    let folded = fold_diacritics(&strip_the(name.trim()).to_lowercase())
        .replace('.', "")
        .replace('\u{2019}', "'");
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One known person: the spelling keys of their given names and surnames.
#[derive(Debug, Default)]
struct Entry {
    canonical: String,
    given: Vec<String>,
    surnames: Vec<String>,
}

/// The known speakers of `speaker_variants.txt`.
#[derive(Debug, Default)]
struct Known {
    people: Vec<Entry>,
    /// Surname key → the one entry that has it (surnames shared by two entries are absent).
    unique_surnames: HashMap<String, usize>,
    institutions: HashMap<String, String>,
}

static KNOWN: LazyLock<Known> =
    LazyLock::new(|| parse(include_str!("lexicon/speaker_variants.txt")));

/// Read the variants file: `[people]` and `[institutions]` sections of
/// `Canonical = variant | variant` lines.
fn parse(data: &'static str) -> Known {
    let mut known = Known::default();
    let mut people = true;
    for line in lexicon::entries(data) {
        match line {
            "[people]" => people = true,
            "[institutions]" => people = false,
            _ => {
                let (canonical, variants) = line.split_once(" = ").unwrap_or((line, ""));
                let spellings = std::iter::once(canonical).chain(
                    variants
                        .split(" | ")
                        .map(str::trim)
                        .filter(|v| !v.is_empty()),
                );
                if people {
                    known.people.push(person_entry(canonical, spellings));
                } else {
                    for s in spellings {
                        known
                            .institutions
                            .insert(institution_key(s), canonical.trim().to_string());
                    }
                }
            }
        }
    }
    known.unique_surnames = unique_surnames(&known.people);
    known
}

fn person_entry<'a>(canonical: &str, spellings: impl Iterator<Item = &'a str>) -> Entry {
    let mut entry = Entry {
        canonical: canonical.trim().to_string(),
        ..Entry::default()
    };
    for s in spellings {
        if let Some((given, surname)) = split_name(s) {
            if !given.is_empty() {
                push_new(&mut entry.given, given_key(&given));
            }
            push_new(&mut entry.surnames, surname_key(&surname));
        }
    }
    entry
}

fn push_new(keys: &mut Vec<String>, key: String) {
    if !keys.contains(&key) {
        keys.push(key);
    }
}

fn unique_surnames(people: &[Entry]) -> HashMap<String, usize> {
    let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in people.iter().enumerate() {
        for s in &e.surnames {
            owners.entry(s.clone()).or_default().push(i);
        }
    }
    owners
        .into_iter()
        .filter(|(_, v)| v.len() == 1)
        .map(|(k, v)| (k, v[0]))
        .collect()
}

fn given_key(given: &[&str]) -> String {
    given
        .iter()
        .map(|g| spelling_key(g))
        .collect::<Vec<_>>()
        .join(" ")
}

fn surname_key(surname: &str) -> String {
    surname
        .split_whitespace()
        .next()
        .map(spelling_key)
        .unwrap_or_default()
}

/// The canonical form of a known person the name matches.
fn known_person(given: &[&str], surname: &str) -> Option<String> {
    let s = surname_key(surname);
    let found = if given.is_empty() {
        KNOWN.unique_surnames.get(&s).map(|&i| &KNOWN.people[i])
    } else {
        let g = given_key(given);
        KNOWN
            .people
            .iter()
            .find(|e| e.surnames.contains(&s) && e.given.contains(&g))
    };
    found.map(|e| e.canonical.clone())
}

#[cfg(test)]
mod tests;
