//! Name rules: which capitalised words make a personal name, its key, and the title or
//! apposition written beside it.

use crate::attribution::tokens::Token;
use crate::lexicon::NOT_NAME_WORDS;
use crate::lexicon::{self, Class};
use std::ops::Range;

/// A title beside a name ("the deputy head of the presidential office") fits in this many.
const MAX_TITLE_TOKENS: usize = 14;

/// A capitalised word that can be part of a person's name (decided once per token, when it
/// is made: [`Token::name_word`]).
pub fn is_name_word(t: &Token) -> bool {
    debug_assert_eq!(t.name_word, t.is_capitalized() && name_word(t));
    t.name_word
}

/// [`is_name_word`], from the token alone (its `capitalized` is its first character's case).
pub(crate) fn name_word(t: &Token) -> bool {
    // The cheap token tests first: most tokens are lowercase words or punctuation.
    t.is_word
        && t.capitalized
        && !listed_not_name(t)
        && !t.lower.chars().all(|c| c.is_ascii_digit())
        && t.base().chars().any(char::is_alphabetic)
        && (t.base().chars().filter(|c| c.is_alphabetic()).count() >= 2 || is_initial(t))
}

/// The token's base is a number word, a not-name word, a title or a stop word. A base that is
/// the token's whole lowercase form, with no hyphen or final dot (which the number and title
/// tests look through: "sixty-two", "ex-president", "sen."), is read from the classes the token
/// carries, without hashing it again.
fn listed_not_name(t: &Token) -> bool {
    let base = t.base();
    let plain = base.len() == t.lower.len() && !base.contains('-') && !base.ends_with('.');
    if plain {
        return [
            Class::NumberWord,
            Class::NotName,
            Class::TitleWord,
            Class::Honorific,
            Class::Stopword,
        ]
        .iter()
        .any(|&c| t.is(c));
    }
    is_number_word(base)
        || NOT_NAME_WORDS.contains(base)
        || crate::lexicon::is_title(base)
        || crate::lexicon::STOPWORDS.contains(base)
}

/// "Mr.", "Ms.", "Sen." right before token `i`.
pub fn follows_honorific(toks: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    // Without a final dot the word is its own lowercase form, whose classes it carries.
    if prev.lower.ends_with('.') {
        lexicon::is(Class::Honorific, prev.lower.trim_end_matches('.'))
    } else {
        prev.is(Class::Honorific)
    }
}

/// After an honorific any capitalised word is a surname, even one that is also a place or a
/// common word ("Ms. White", "Mr. West", "Mr. King").
fn is_surname_word(t: &Token) -> bool {
    t.is_word
        && t.is_capitalized()
        && (!crate::lexicon::STOPWORDS.contains(t.base()) || t.is(Class::SurnameHomograph))
        && !is_number_word(t.base())
        && t.base().chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// "White" in "Dana White said": a listed not-name word that is also a common surname ends a
/// two-word name when no capitalised word follows ("the Trump White House" stays a building).
fn is_surname_homograph(toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    t.is_word
        && t.is_capitalized()
        && lexicon::is(Class::SurnameHomograph, t.base())
        && toks.get(k + 1).is_none_or(|n| {
            !n.is_capitalized() && !n.lower.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// "Sixty-two", "Twenty": numbers written out.
fn is_number_word(w: &str) -> bool {
    w.split('-')
        .next()
        .is_some_and(|head| lexicon::is(Class::NumberWord, head))
}

/// A middle initial: "H." in "Marc H. Morial".
fn is_initial(t: &Token) -> bool {
    let b = t.lower.as_bytes();
    b.len() == 2 && b[0].is_ascii_alphabetic() && b[1] == b'.'
}

/// "de" in "Sanne de Groot": a name particle between two name words.
pub fn is_particle_in_name(toks: &[Token], k: usize) -> bool {
    if !is_particle(&toks[k]) {
        return false;
    }
    // "von der" in "Ursula von der Leyen": up to MAX_PARTICLES particles in a row.
    let first = (k.saturating_sub(MAX_PARTICLES - 1)..=k)
        .find(|&j| toks[j..=k].iter().all(is_particle))
        .unwrap_or(k);
    let last = (k..toks.len().min(first + MAX_PARTICLES))
        .take_while(|&j| is_particle(&toks[j]))
        .last()
        .unwrap_or(k);
    first > 0 && is_name_word(&toks[first - 1]) && toks.get(last + 1).is_some_and(is_name_word)
}

/// A particle that opens a surname written without its first name ("von der Leyen",
/// "de Gaulle"): particles, then a name word, and no name word or particle before.
pub fn leads_surname(toks: &[Token], k: usize) -> bool {
    // The particle test first: this runs at every token a name may start at.
    if !is_particle(&toks[k]) {
        return false;
    }
    // Not inside a run of particles ("der" in "Von der Leyen" at a sentence's start).
    let opens = k == 0 || !(is_name_word(&toks[k - 1]) || is_particle(&toks[k - 1]));
    let run = (k..toks.len().min(k + MAX_PARTICLES))
        .take_while(|&j| is_particle(&toks[j]))
        .count();
    opens && run > 0 && particles_before_name(toks, k) == run
}

/// Most name particles in a row ("von der", "de la").
pub const MAX_PARTICLES: usize = 2;

/// Tokens of the particles starting at `k` that a name word follows ("von der" before
/// "Leyen"): 0 when none.
fn particles_before_name(toks: &[Token], k: usize) -> usize {
    let n = toks[k..]
        .iter()
        .take(MAX_PARTICLES)
        .take_while(|t| is_particle(t))
        .count();
    let named = n > 0 && toks.get(k + n).is_some_and(is_name_word);
    if named {
        n
    } else {
        0
    }
}

fn is_particle(t: &Token) -> bool {
    t.is(Class::NameParticle)
}

/// A spelling-insensitive key for a surname: Zelensky, Zelenskiy, Zelenskyy and Zelenskyi
/// share one; so do Sybiga and Sybiha.
pub fn name_key(surname: &str) -> String {
    if surname.is_ascii() {
        ascii_name_key(surname)
    } else {
        any_name_key(surname)
    }
}

/// [`name_key`] of any surname, char by char.
pub(super) fn any_name_key(surname: &str) -> String {
    // Lowercase letters and digits, accents folded.
    let mut s: String = surname
        .to_lowercase()
        .chars()
        .map(fold_accent)
        .filter(|c| c.is_alphanumeric())
        .collect();
    if let Some(end) = ["yy", "iy", "yi", "ij", "ii", "ei"]
        .iter()
        .find(|end| s.ends_with(*end))
    {
        s.truncate(s.len() - end.len());
        s.push('y');
    }
    // h → g, then "kg" → "k", "zg" → "z", "sg" → "s", "cg" → "c" in turn: together, every g
    // (h included) right after a k, z, s or c drops out.
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars() {
        let c = if c == 'h' { 'g' } else { c };
        if !(c == 'g' && matches!(prev, Some('k' | 'z' | 's' | 'c'))) {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// [`name_key`] of an ASCII surname, byte by byte: its letters and digits lowered, the same
/// ending rewritten and the same g's dropped.
pub(super) fn ascii_name_key(surname: &str) -> String {
    let mut s: Vec<u8> = Vec::with_capacity(surname.len() + 1);
    s.extend(
        surname
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase()),
    );
    if [b"yy", b"iy", b"yi", b"ij", b"ii", b"ei"]
        .iter()
        .any(|end| s.ends_with(*end))
    {
        s.truncate(s.len() - 2);
        s.push(b'y');
    }
    // h → g, then every g right after a k, z, s or c dropped: in place, one buffer.
    let mut prev = None;
    let mut kept = 0;
    for read in 0..s.len() {
        let b = if s[read] == b'h' { b'g' } else { s[read] };
        if !(b == b'g' && matches!(prev, Some(b'k' | b'z' | b's' | b'c'))) {
            s[kept] = b;
            kept += 1;
        }
        prev = Some(b);
    }
    s.truncate(kept);
    String::from_utf8(s).expect("ASCII letters and digits")
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' | 'č' | 'ć' => 'c',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ñ' | 'ń' => 'n',
        'ł' => 'l',
        'ř' => 'r',
        'ý' => 'y',
        _ => c,
    }
}

/// Token indices of the personal name starting at `i` (empty when none starts there).
pub fn name_run(toks: &[Token], i: usize) -> Range<usize> {
    if i < toks.len() && !toks[i].quoted && leads_surname(toks, i) {
        let name = i + particles_before_name(toks, i);
        return i..name_run(toks, name).end;
    }
    let first_is_name = toks.get(i).is_some_and(|t| {
        !t.quoted && (is_name_word(t) || (follows_honorific(toks, i) && is_surname_word(t)))
    });
    if !first_is_name {
        return i..i;
    }
    let mut end = i + 1;
    while end < toks.len() {
        let t = &toks[end];
        if toks[end - 1].is_possessive() {
            break;
        }
        let homograph = end == i + 1 && is_surname_homograph(toks, end);
        if (is_name_word(t) || homograph || continues_name(toks, end)) && !t.quoted {
            end += 1;
        } else if let n @ 1.. = particles_before_name(toks, end) {
            end += n + 1;
        } else {
            break;
        }
    }
    i..end
}

/// A word that continues a name begun before it: a suffix ("Jr."), or a capitalised title
/// word used as a surname ("Charlie King", "Mark Chancellor") when no name or "of" follows.
fn continues_name(toks: &[Token], k: usize) -> bool {
    use crate::lexicon::{is, Class};
    let t = &toks[k];
    if is(Class::NameSuffix, t.lower.trim_end_matches('.')) {
        return true;
    }
    let surname_like = t.is_word
        && t.is_capitalized()
        && is(Class::TitleWord, t.base())
        && !is(Class::Honorific, t.base().trim_end_matches('.'))
        && !NOT_NAME_WORDS.contains(t.base());
    let next_free = toks
        .get(k + 1)
        .is_none_or(|n| !is_name_word(n) && n.lower != "of" && !n.is_capitalized());
    surname_like && next_free && k > 0 && is_name_word(&toks[k - 1])
}

/// The token as written, without a possessive "'s".
pub(super) fn clean_word<'a>(text: &'a str, t: &Token) -> &'a str {
    let w = &text[t.range.clone()];
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
}

fn is_title_word(t: &Token) -> bool {
    t.is_word
        && (t.base_is_title()
            || (t.is_capitalized() && NOT_NAME_WORDS.contains(t.base()) && !is_function_word(t)))
}

/// A function word that is never a title word, even capitalised ("The", "However").
pub(super) fn is_function_word(t: &Token) -> bool {
    t.is(Class::NameBreaker)
}

fn is_connector(t: &Token) -> bool {
    t.is(Class::TitleConnector) || t.lower == "-"
}

/// The title written right before a name ("NATO Secretary General" before "Jens Stoltenberg").
pub fn title_before(text: &str, toks: &[Token], name_start: usize) -> Option<String> {
    let mut start = name_start;
    while start > 0 {
        let t = &toks[start - 1];
        let mut back = start - 1;
        while back > 0 && is_connector(&toks[back]) {
            back -= 1;
        }
        if is_title_word(t) {
            start -= 1;
        } else if is_connector(t) && back < start - 1 && is_title_word(&toks[back]) {
            start = back;
        } else if t.is_word && t.is_possessive() && t.is_capitalized() {
            start -= 1; // "Zelensky's chief of staff Andriy Yermak"
        } else {
            break;
        }
    }
    while start < name_start && (is_connector(&toks[start]) || is_function_word(&toks[start])) {
        start += 1;
    }
    let has_title_word = toks[start..name_start]
        .iter()
        .any(|t| crate::lexicon::is_title(t.base()));
    (start < name_start && has_title_word).then(|| join(text, &toks[start..name_start]))
}

/// "the head of the Defence Ministry, Oleksii Reznikov": a title phrase, then a comma, then the name.
pub(super) fn title_before_comma(text: &str, toks: &[Token], name_start: usize) -> Option<String> {
    if name_start < 2 || toks[name_start - 1].lower != "," {
        return None;
    }
    let comma = name_start - 1;
    let mut start = comma;
    while start > 0
        && toks[start - 1].is_word
        && !toks[start - 1].quoted
        && start + MAX_TITLE_TOKENS > comma
    {
        let t = &toks[start - 1];
        if is_title_word(t) || is_connector(t) || t.is_capitalized() || t.is_possessive() {
            start -= 1;
        } else {
            break;
        }
    }
    while start < comma && (is_connector(&toks[start]) || is_function_word(&toks[start])) {
        start += 1;
    }
    let seg = &toks[start..comma];
    let role = role_head(seg).is_some_and(|h| lexicon::is(Class::PersonRole, h));
    (role && !seg.is_empty()).then(|| join(text, seg))
}

/// The apposition after a name: ", head of the presidential staff," or ", the deputy head of ...".
pub fn apposition_after(text: &str, toks: &[Token], name_end: usize) -> Option<String> {
    apposition_span(toks, name_end).map(|r| join(text, &toks[r]))
}

/// The tokens of [`apposition_after`]'s apposition, which ends at a comma, a full stop, a
/// semicolon, a closing bracket or a colon ("Kaja Kallas, Estonia's prime minister: ...").
pub fn apposition_span(toks: &[Token], name_end: usize) -> Option<Range<usize>> {
    if toks.get(name_end)?.lower != "," {
        return None;
    }
    let start = name_end + 1;
    let mut end = start;
    while end < toks.len() && toks[end].is_word && !is_clause_word(&toks[end]) {
        end += 1;
    }
    let segment = &toks[start..end];
    let first = segment.first()?;
    let opens_title = crate::lexicon::is_title(first.base())
        || ((first.is(Class::AppositionDeterminer) || first.is_possessive())
            && segment
                .iter()
                .skip(1)
                .take(4)
                .any(|t| crate::lexicon::is_title(t.base())));
    let closes = toks
        .get(end)
        .is_some_and(|t| matches!(t.lower.as_ref(), "," | "." | ";" | ")" | ":"));
    (opens_title && closes && segment.len() <= MAX_TITLE_TOKENS).then_some(start..end)
}

fn is_clause_word(t: &Token) -> bool {
    t.is(Class::ClauseWord)
}

/// Source text of a token run.
pub fn join(text: &str, toks: &[Token]) -> String {
    span(text, toks).to_string()
}

/// The text from the first token to the last, borrowed ([`join`] without the copy).
pub fn span<'a>(text: &'a str, toks: &[Token]) -> &'a str {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => &text[a.range.start..b.range.end],
        _ => "",
    }
}

/// The word a phrase is about: the last word before its first "of"/"for"/"to", else its last.
pub(super) fn role_head(np: &[Token]) -> Option<&str> {
    role_head_token(np).map(Token::base)
}

/// The token `role_head` reads.
pub(super) fn role_head_token(np: &[Token]) -> Option<&Token> {
    let cut = np
        .iter()
        .position(|t| t.is(Class::PhraseHeadBreak))
        .unwrap_or(np.len());
    np[..cut].last()
}
