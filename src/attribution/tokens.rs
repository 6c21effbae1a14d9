//! Word and punctuation tokens with byte offsets, for pattern matching inside a sentence.

use crate::quotes::{is_quote_mark, Quotation};
use std::borrow::Cow;
use std::ops::Range;

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the article text.
    pub range: Range<usize>,
    /// Lowercase form, curly apostrophes made straight (possessive "'s" kept): borrowed from
    /// the lexicon for a word in some list and for one ASCII character, else its own.
    pub lower: Cow<'static, str>,
    /// True for words (letters or digits), false for punctuation.
    pub is_word: bool,
    /// True when the token lies inside a quotation.
    pub quoted: bool,
    /// True when it starts with an uppercase letter.
    pub capitalized: bool,
    /// The word classes its lowercase form is in (`lexicon::classes_of`), looked up once.
    pub classes: crate::lexicon::ClassBits,
    /// A capitalised word that can be part of a person's name (`speakers::is_name_word`, asked
    /// of most tokens many times over, so decided once here).
    pub name_word: bool,
    /// Some cue of the cue lexicon begins with its lowercase form (`cues::first_words`).
    pub cue_start: bool,
    /// Some institution alias begins with its lowercase form
    /// (`speakers::institution_first_words`).
    pub institution_start: bool,
}

/// What one lookup of a token's lowercase form tells: the lexicon's copy of it and its
/// classes, and which token searches may start at it.
#[derive(Debug, Clone, Copy, Default)]
struct Facts {
    /// A copy of the form that lives as long as the program, when some table holds one.
    copy: Option<&'static str>,
    /// The word classes it is in (`lexicon::classes_of`).
    classes: crate::lexicon::ClassBits,
    /// A cue begins with it.
    cue_start: bool,
    /// An institution alias begins with it.
    institution_start: bool,
}

/// Every word a per-token test looks up, with its [`Facts`]: the lexicon's entries, the cues'
/// first words and the institution aliases' first words, so a token is looked up once.
static FACTS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Facts>> =
    std::sync::LazyLock::new(|| {
        let mut map: rustc_hash::FxHashMap<&'static str, Facts> = Default::default();
        for (w, classes) in crate::lexicon::all_entries() {
            let copy = Some(w);
            map.insert(
                w,
                Facts {
                    copy,
                    classes,
                    ..Facts::default()
                },
            );
        }
        for w in super::cues::first_words() {
            map.entry(w).or_insert_with(|| fresh(w)).cue_start = true;
        }
        for w in super::speakers::institution_first_words() {
            map.entry(w).or_insert_with(|| fresh(w)).institution_start = true;
        }
        map
    });

/// The facts of a word in no list, before its searches are marked.
fn fresh(w: &'static str) -> Facts {
    Facts {
        copy: Some(w),
        ..Facts::default()
    }
}

/// The [`Facts`] of a lowercase form (none for a word no table holds).
fn facts_of(lower: &str) -> Facts {
    FACTS.get(lower).copied().unwrap_or_default()
}

impl Token {
    /// Its lowercase form is in the list of `class`: `lexicon::is(class, &self.lower)`.
    #[inline]
    pub fn is(&self, class: crate::lexicon::Class) -> bool {
        crate::lexicon::in_class(&self.classes, class)
    }

    /// Its base is in the list of `class`: `lexicon::is(class, self.base())`, read from its
    /// classes when the base is its whole lowercase form (no possessive).
    pub fn base_is(&self, class: crate::lexicon::Class) -> bool {
        let base = self.base();
        if base.len() == self.lower.len() {
            self.is(class)
        } else {
            crate::lexicon::is(class, base)
        }
    }

    /// Its base is a title or an honorific: `lexicon::is_title(self.base())`, read from its
    /// classes when the base is its whole lowercase form with no "ex-" or final dot (which
    /// that test looks through).
    pub fn base_is_title(&self) -> bool {
        use crate::lexicon::Class;
        let base = self.base();
        if base.len() == self.lower.len() && !base.starts_with("ex-") && !base.ends_with('.') {
            self.is(Class::TitleWord) || self.is(Class::Honorific)
        } else {
            crate::lexicon::is_title(base)
        }
    }

    /// A word that starts with an uppercase letter.
    pub fn is_capitalized_word(&self) -> bool {
        self.is_word && self.capitalized
    }

    /// Starts with an uppercase letter (read from [`Token::capitalized`]).
    pub fn is_capitalized(&self) -> bool {
        self.capitalized
    }

    /// The lowercase form without a possessive ending.
    pub fn base(&self) -> &str {
        self.lower
            .strip_suffix("'s")
            .or_else(|| self.lower.strip_suffix("\u{2019}s"))
            .unwrap_or(&self.lower)
    }

    /// The word without a clitic ("he's" → "he", "they've" → "they").
    pub fn without_clitic(&self) -> &str {
        ["'s", "'ve", "'d", "'ll", "'re"]
            .iter()
            .find_map(|c| self.lower.strip_suffix(c))
            .unwrap_or(&self.lower)
    }

    /// "he's", "they've", "she'd": a pronoun with an auxiliary attached.
    pub fn has_clitic(&self) -> bool {
        self.without_clitic().len() != self.lower.len()
    }

    /// Ends in a possessive "'s".
    pub fn is_possessive(&self) -> bool {
        self.base().len() != self.lower.len()
    }

    /// A dash of any kind (a typed "--" reads as "—").
    pub fn is_dash(&self) -> bool {
        matches!(self.lower.as_ref(), "-" | "—" | "–")
    }

    /// A lowercase "-ly" adverb of manner ("pointedly", "effectively").
    pub fn is_manner_adverb(&self) -> bool {
        self.is_word && !self.capitalized && self.lower.len() > 4 && self.lower.ends_with("ly")
    }

    /// In no listed word class.
    pub fn is_plain(&self) -> bool {
        self.classes.iter().all(|b| *b == 0)
    }

    /// True for a quotation mark (including a doubled apostrophe).
    pub fn is_quote(&self, text: &str) -> bool {
        let s = &text[self.range.clone()];
        s == "''" || s.chars().next().is_some_and(is_quote_mark)
    }
}

fn is_word_char(c: char) -> bool {
    crate::document::is_alphanumeric(c)
}

fn joins_word(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '.' | '&')
}

/// The character at byte `i` of `s` and its length: an ASCII byte read as itself, anything
/// else decoded.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = s[i..]
        .chars()
        .next()
        .expect("a char boundary inside the text");
    (c, c.len_utf8())
}

/// Tokens of `text[range]`.
pub fn tokenize(text: &str, range: Range<usize>, quotes: &[Quotation]) -> Vec<Token> {
    let s = &text[range.clone()];
    let bytes = s.as_bytes();
    // About one token per five bytes of prose: sized once instead of grown (and its tokens
    // moved) several times over.
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    // Byte positions, read one character at a time (ASCII without decoding).
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = char_at(s, i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let mut j = i + len;
        if c == '\''
            && bytes.get(j) == Some(&b'\'')
            && !crate::quotes::closes_single_then_double(s, i, s[..i].chars().next_back())
        {
            j += 1;
        } else if c == '-' && bytes.get(j) == Some(&b'-') {
            // "X -- a co-editor -- said": a typed double hyphen is a dash, one token.
            while bytes.get(j) == Some(&b'-') {
                j += 1;
            }
        } else if is_word_char(c) {
            while j < bytes.len() {
                // ASCII letters and digits (most of a word) are word characters: skipped in a
                // tight loop, the rules below read only what follows them.
                while bytes.get(j).is_some_and(|&b| ASCII_ALNUM[usize::from(b)]) {
                    j += 1;
                }
                if j == bytes.len() {
                    break;
                }
                let (d, dlen) = char_at(s, j);
                let next_is_word =
                    || j + dlen < bytes.len() && is_word_char(char_at(s, j + dlen).0);
                let dot = d == '.';
                if is_word_char(d)
                    || (joins_word(d) && next_is_word())
                    || (dot && is_initialism(&s[i..j]))
                    || (dot && j == i + len && crate::document::is_uppercase(c))
                    || (dot && is_honorific(&s[i..j]))
                {
                    j += dlen;
                } else {
                    break;
                }
            }
        }
        let (start, end) = (range.start + i, range.start + j);
        i = j;
        push_token(&mut out, text, quotes, start..end, c);
    }
    out
}

/// Per byte value: an ASCII letter or digit (`u8::is_ascii_alphanumeric`), one load a byte.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Every ASCII character, each its own one-byte slice (a one-character token's form).
const ASCII: &str = "\0\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\
\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f \
!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f";

/// The token's lowercase form with curly apostrophes made straight, and its [`Facts`]: a
/// table's copy of a listed ASCII word (one with capitals lowercased on the stack), a
/// one-character slice of [`ASCII`], or a new string.
fn lower_form(word: &str) -> (Cow<'static, str>, Facts) {
    let owned = |s: String| {
        let facts = facts_of(&s);
        (Cow::Owned(s), facts)
    };
    if word.starts_with("--") {
        return owned("\u{2014}".to_string());
    }
    if !word.is_ascii() {
        let s = word.to_lowercase();
        return owned(if s.contains('\u{2019}') {
            s.replace('\u{2019}', "'")
        } else {
            s
        });
    }
    if let [b] = word.as_bytes() {
        let at = usize::from(b.to_ascii_lowercase());
        let lower = &ASCII[at..=at];
        return (Cow::Borrowed(lower), facts_of(lower));
    }
    // A word with a capital is lowercased on the stack: borrowed from a table when there
    // ("The", "NATO"), like a lowercase word.
    let mut buf = [0u8; STACK_WORD];
    let lower = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        let Some(b) = buf.get_mut(..word.len()) else {
            return owned(word.to_ascii_lowercase());
        };
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        std::str::from_utf8(b).expect("ASCII")
    } else {
        word
    };
    let facts = facts_of(lower);
    match facts.copy {
        Some(copy) => (Cow::Borrowed(copy), facts),
        None => (Cow::Owned(lower.to_string()), facts),
    }
}

/// Longest ASCII word with a capital that [`lower_form`] lowercases on the stack.
const STACK_WORD: usize = 32;

/// "Mr", "Sen", "Gen" before their dot: the dot belongs to the word.
fn is_honorific(word: &str) -> bool {
    use crate::lexicon::{is, Class};
    if word.len() > 6 {
        return false;
    }
    let mut buf = [0u8; 6];
    let w = if word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        std::str::from_utf8(b).expect("ASCII")
    } else {
        return is_honorific_unicode(word);
    };
    is(Class::Honorific, w) || is(Class::NameSuffix, w)
}

fn is_honorific_unicode(word: &str) -> bool {
    use crate::lexicon::{is, Class};
    let w = word.to_lowercase();
    is(Class::Honorific, &w) || is(Class::NameSuffix, &w)
}

/// "U.S" before its last dot: keep the dot in the token.
fn is_initialism(word: &str) -> bool {
    word.len() <= 6 && word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1)
}

/// Push the token over `text[range]`, whose first character is `first`, onto `out` (built in
/// place: a token is not small).
fn push_token(
    out: &mut Vec<Token>,
    text: &str,
    quotes: &[Quotation],
    range: Range<usize>,
    first: char,
) {
    let quoted = crate::quotes::containing(quotes, range.start)
        .is_some_and(|q| q.inner.start <= range.start && range.end <= q.inner.end);
    let (lower, facts) = lower_form(&text[range.clone()]);
    out.push(Token {
        range,
        classes: facts.classes,
        lower,
        is_word: is_word_char(first),
        quoted,
        capitalized: crate::document::is_uppercase(first),
        name_word: false,
        cue_start: facts.cue_start,
        institution_start: facts.institution_start,
    });
    let token = out.last_mut().expect("just pushed");
    token.name_word = crate::attribution::speakers::names::name_word(token);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_apostrophes_hyphens_and_initialisms() {
        let t = "Zelensky's secretary-general, the U.S. envoy.";
        let toks: Vec<String> = tokenize(t, 0..t.len(), &[])
            .into_iter()
            .map(|t| t.lower.into_owned())
            .collect();
        assert_eq!(
            toks,
            vec![
                "zelensky's",
                "secretary-general",
                ",",
                "the",
                "u.s.",
                "envoy",
                "."
            ]
        );
        let t = "Marc H. Morial said.";
        let toks: Vec<String> = tokenize(t, 0..t.len(), &[])
            .into_iter()
            .map(|t| t.lower.into_owned())
            .collect();
        assert_eq!(toks, vec!["marc", "h.", "morial", "said", "."]);
        let t = "Mr. Ortiz and Sen. Hale said.";
        let toks: Vec<String> = tokenize(t, 0..t.len(), &[])
            .into_iter()
            .map(|t| t.lower.into_owned())
            .collect();
        assert_eq!(
            toks,
            vec!["mr.", "ortiz", "and", "sen.", "hale", "said", "."]
        );
    }

    /// The tokenizer as it was before it read bytes: the new one must give the same tokens.
    fn reference(text: &str, range: Range<usize>, quotes: &[Quotation]) -> Vec<Token> {
        let s = &text[range.clone()];
        let mut out = Vec::new();
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if c.is_whitespace() {
                continue;
            }
            let start = range.start + i;
            let mut end = start + c.len_utf8();
            if c == '\''
                && iter.peek().is_some_and(|&(_, n)| n == '\'')
                && !crate::quotes::closes_single_then_double(s, i, s[..i].chars().next_back())
            {
                iter.next();
                end += 1;
            } else if c == '-' && iter.peek().is_some_and(|&(_, n)| n == '-') {
                while iter.peek().is_some_and(|&(_, n)| n == '-') {
                    iter.next();
                    end += 1;
                }
            } else if is_word_char(c) {
                while let Some(&(j, d)) = iter.peek() {
                    let next_is_word = || {
                        s[j + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(is_word_char)
                    };
                    let dot = d == '.';
                    if is_word_char(d)
                        || (joins_word(d) && next_is_word())
                        || (dot && is_initialism(&s[i..j]))
                        || (dot && j == i + c.len_utf8() && c.is_uppercase())
                        || (dot && is_honorific(&s[i..j]))
                    {
                        end = range.start + j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
            }
            push_token(&mut out, text, quotes, start..end, c);
        }
        out
    }

    #[test]
    fn same_tokens_as_the_char_by_char_reader() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles");
        // The UTF-8 ones (a few fixtures are in other encodings).
        let fixtures = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok());
        let odd = [
            "Mr. O'Neil -- the U.S. envoy's aide -- said ''no'' to Sen. Hale's plan.",
            "Kyiv\u{a0}said\u{2009}«non» — Zelens\u{2019}kyy’s A.B.C. Ph.D. \u{212A}elvin ſtate 3.5%",
            "''''--- -a- 'b' ''c'' «''» \u{201C}x\u{201D} M. É. Ü.S. Gen.. Jr.'s --",
        ];
        for t in fixtures.chain(odd.iter().map(|s| s.to_string())) {
            let quotes = crate::quotes::find(&t, 0..t.len());
            let starts = t.char_indices().map(|(i, _)| i).step_by(7);
            for a in std::iter::once(0).chain(starts) {
                let got = tokenize(&t, a..t.len(), &quotes);
                assert_eq!(got, reference(&t, a..t.len(), &quotes), "{:?}", &t[a..]);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn same_tokens_on_any_text(
            t in "[a-zA-Z0-9 .,'&\\-\u{2019}\u{201C}\u{201D}\u{a0}\u{e9}\u{c9}\u{212A}\u{17F}\u{2014}\n\"]{0,60}"
        ) {
            let quotes = crate::quotes::find(&t, 0..t.len());
            let got = tokenize(&t, 0..t.len(), &quotes);
            proptest::prop_assert_eq!(got, reference(&t, 0..t.len(), &quotes));
        }
    }

    /// The lowercase form as it was built before it could be borrowed: every token's form and
    /// classes must be the same.
    fn owned_lower(word: &str) -> String {
        if word.starts_with("--") {
            return "\u{2014}".to_string();
        }
        if word.is_ascii() {
            return word.to_ascii_lowercase();
        }
        word.to_lowercase().replace('\u{2019}', "'")
    }

    #[test]
    fn borrowed_lower_forms_are_the_owned_ones() {
        assert!(ASCII.bytes().map(usize::from).eq(0..128));
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles");
        let fixtures = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok());
        let odd =
            "Mr. SAID Said ’S O’Neil's -- --- a A 7 \u{212A}elvin ſtate Ü İ x\u{7f} THEREFORE \
            Averyveryveryveryveryveryverylongword";
        for t in fixtures.chain(std::iter::once(odd.to_string())) {
            for tok in tokenize(&t, 0..t.len(), &[]) {
                let old = owned_lower(&t[tok.range.clone()]);
                assert_eq!(tok.lower, old);
                assert_eq!(tok.classes, crate::lexicon::classes_of(&old), "{old}");
            }
        }
    }

    #[test]
    fn possessive_base() {
        let t = "Sybiga’s letter";
        let toks = tokenize(t, 0..t.len(), &[]);
        assert!(toks[0].is_possessive());
        assert_eq!(toks[0].base(), "sybiga");
    }
}
