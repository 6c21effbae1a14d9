//! The reporting-cue lexicon (`lexicon/cues.txt`) and matching it against tokens.

use super::tokens::Token;
use crate::lexicon::entries;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// One lexicon entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CueForm {
    /// Its words, lowercase.
    pub words: Vec<String>,
    /// Takes an addressee before the content ("told reporters that").
    pub takes_object: bool,
    /// Often not a speech verb: needs "that", a colon or a quotation to count.
    pub strict: bool,
    /// Names something ("called the plan a bridge"): the content must name it as something.
    pub naming: bool,
    /// A speech act whose content may be a noun phrase ("rejected the bid", "welcomed the
    /// decision"), not only a clause.
    pub np_content: bool,
    /// Said of findings ("the poll shows that"): only a document is its subject, and the
    /// document's author speaks.
    pub document_subject: bool,
}

impl CueForm {
    /// The colon of "X: ..." as a cue.
    pub fn colon() -> CueForm {
        CueForm {
            words: vec![":".into()],
            takes_object: false,
            strict: false,
            naming: false,
            np_content: false,
            document_subject: false,
        }
    }
}

/// A cue found in a sentence: token indices `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueMatch {
    /// First token of the cue.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// The lexicon entry (borrowed from the lexicon, or made for a frame's own cue).
    pub form: Cow<'static, CueForm>,
}

static LEXICON: LazyLock<HashMap<String, Vec<CueForm>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<CueForm>> = HashMap::default();
    for line in entries(include_str!("../lexicon/cues.txt")) {
        let form = parse_line(line);
        map.entry(form.words[0].clone()).or_default().push(form);
    }
    for forms in map.values_mut() {
        forms.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        forms.dedup_by(|a, b| a.words == b.words);
    }
    map
});

/// The lowercase words some cue begins with (each token knows whether it is one,
/// [`Token::cue_start`]).
pub fn first_words() -> impl Iterator<Item = &'static str> {
    LEXICON.keys().map(String::as_str)
}

/// The cue as written (any case) is a speech act whose content may be a noun phrase
/// ("welcomed the decision").
pub fn takes_np(cue: &str) -> bool {
    let lower = cue.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    LEXICON
        .get(*first)
        .is_some_and(|forms| forms.iter().any(|f| f.np_content && f.words == words))
}

fn parse_line(line: &str) -> CueForm {
    let mut words = Vec::new();
    let mut form = CueForm::default();
    for w in line.split_whitespace() {
        match w {
            "+obj" => form.takes_object = true,
            "?" => form.strict = true,
            "+naming" => form.naming = true,
            "+np" => form.np_content = true,
            "+doc" => form.document_subject = true,
            _ => words.push(w.to_string()),
        }
    }
    CueForm { words, ..form }
}

/// Number of distinct cue forms in the lexicon.
#[cfg(test)]
pub fn lexicon_size() -> usize {
    LEXICON.values().map(Vec::len).sum()
}

/// True when most words of the sentence are capitalised (a headline written in title case).
pub fn is_title_case(tokens: &[Token]) -> bool {
    let words = tokens.iter().filter(|t| t.is_word).count();
    let caps = tokens.iter().filter(|t| t.is_word && t.capitalized).count();
    words >= 3 && caps * 10 >= words * 7
}

/// The longest cue starting at token `i`, if any (tokens inside quotations never match).
pub fn match_at(tokens: &[Token], i: usize, title_case: bool) -> Option<CueMatch> {
    let first = tokens.get(i)?;
    // "Secretary of State": a capitalised word inside a sentence is part of a name or title,
    // unless the whole sentence is written in title case ("Zelensky Says Ukraine Is Ready").
    let opens_clause = i == 0 || !tokens[i - 1].is_word;
    if first.quoted || !first.is_word || (first.capitalized && !opens_clause && !title_case) {
        return None;
    }
    if !first.cue_start {
        return None;
    }
    let forms = LEXICON.get(first.lower.as_ref())?;
    forms.iter().find_map(|f| {
        let end = i + f.words.len();
        let ok = end <= tokens.len()
            && f.words
                .iter()
                .zip(&tokens[i..end])
                .all(|(w, t)| *w == t.lower && !t.quoted);
        ok.then_some(CueMatch {
            start: i,
            end,
            form: Cow::Borrowed(f),
        })
    })
}

/// Every cue in the token list, left to right, non-overlapping.
pub fn find_all(tokens: &[Token]) -> Vec<CueMatch> {
    let title_case = is_title_case(tokens);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match match_at(tokens, i, title_case) {
            Some(m) => {
                i = m.end;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::tokens::tokenize;

    #[test]
    fn lexicon_is_large_enough() {
        assert!(lexicon_size() >= 80, "{}", lexicon_size());
    }

    #[test]
    fn longest_phrase_wins() {
        let t = "Smith pointed out that Jones made it clear";
        let toks = tokenize(t, 0..t.len(), &[]);
        let cues = find_all(&toks);
        let words: Vec<Vec<String>> = cues
            .into_iter()
            .map(|c| c.form.into_owned().words)
            .collect();
        assert_eq!(
            words,
            vec![vec!["pointed", "out"], vec!["made", "it", "clear"]]
        );
    }

    #[test]
    fn strict_and_object_flags() {
        let t = "states told";
        let toks = tokenize(t, 0..t.len(), &[]);
        assert!(match_at(&toks, 0, false).unwrap().form.strict);
        assert!(match_at(&toks, 1, false).unwrap().form.takes_object);
        let t = "the US Secretary of State said";
        let toks = tokenize(t, 0..t.len(), &[]);
        assert!(
            match_at(&toks, 4, false).is_none(),
            "a capitalised word inside a sentence is no cue"
        );
    }
}
