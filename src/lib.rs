//! natoclaims: who said what, and when, about Ukraine's bid to join NATO.
//!
//! Give [`analyze`] (or [`extract`]) a [`Document`] and a [`Scope`]; get back the attributed
//! [`Claim`]s, each with its speaker, quote, mode, cue, date, stance and evidence span. Build a
//! document from plain text with [`Document::from_text`], or from a file's raw bytes (any
//! encoding, plain text or HTML) with [`input::load`]; [`input::walk`] and [`input::read`] find
//! and read files the way the `natoclaims` binary does.
//!
//! ```
//! use natoclaims::{extract, Document, Scope};
//! let doc = Document::from_text(
//!     " date 2023-06-30 Ukraine must be invited to join NATO in Vilnius, Foreign Minister Dmytro Kuleba said on Thursday.\n",
//! );
//! let claims = extract(&doc, &Scope::nato_ukraine());
//! assert_eq!(claims[0].speaker.name, "Dmytro Kuleba");
//! assert_eq!(claims[0].said_on.as_deref(), Some("2023-06-29"));
//! ```
//!
//! Inside, one private module per stage, data flowing one way (see ARCHITECTURE.md):
//! input → document → strip → meta → sentences (with quotes) → attribution → dating (with the
//! dates grammar) → topic (scope and stance) → claim.

#![warn(missing_docs)]

mod attribution;
mod canonical;
mod claim;
mod claim_id;
mod dates;
mod dating;
mod document;
mod error;
pub mod input;
mod lexicon;
mod meta;
mod quick_regex;
mod quotes;
mod sentences;
mod single_quotes;
mod strip;
mod topic;

pub use claim::{ArticleMeta, Claim, Mode, Span, Speaker, SpeakerKind, Stance, SCHEMA};
pub use claim_id::claim_id;

/// The JSON Schema (2020-12) of one output line, as `natoclaims schema` prints it
/// (`schema/claim.schema.json`).
pub const CLAIM_JSON_SCHEMA: &str = include_str!("../schema/claim.schema.json");

/// The rules version: a fingerprint of every word list and topic file built into the extractor
/// (`src/lexicon/**`, computed by `build.rs`). Together with the crate version it tells whether
/// an earlier run's results still hold (`--state`).
pub const RULES_VERSION: &str = env!("NATOCLAIMS_RULES_VERSION");
pub use document::{Document, SourceFormat};
pub use error::Error;
pub use meta::{Meta, Origin};
pub use topic::Scope;

use attribution::Attribution;
use document::fold_ws;
use sentences::Paragraph;
use std::ops::Range;
use topic::{Candidate, Context};

impl Scope {
    /// The scope a topic file defines (the format of `src/lexicon/topics/nato-ukraine.txt`).
    pub fn from_topic(data: &str) -> Result<Scope, String> {
        Ok(Scope::Topic(std::sync::Arc::new(topic::Topic::parse(
            data,
        )?)))
    }

    /// The relevance prefilter, one fast case-insensitive scan: false only when `text` holds
    /// no term the topic file's `[core]` section accepts, in any form, so that no statement
    /// read from it can be in scope. An article can yield an in-scope claim only if its text
    /// or its title is relevant. Always true for [`Scope::Any`].
    pub fn is_relevant(&self, text: &str) -> bool {
        match self {
            Scope::Any => true,
            Scope::Topic(t) => t.is_relevant(text),
        }
    }

    /// [`Scope::is_relevant`] for a document: its text or its page title.
    fn admits(&self, doc: &Document) -> bool {
        self.is_relevant(&doc.text)
            || doc
                .source_meta
                .title
                .as_deref()
                .is_some_and(|t| self.is_relevant(t))
    }
}

/// Everything the pipeline learns about one article.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Article metadata as printed on each claim.
    pub article: ArticleMeta,
    /// The claims, in text order.
    pub claims: Vec<Claim>,
}

/// Extract the claims of one article (nothing past the relevance prefilter if it fails).
pub fn extract(doc: &Document, scope: &Scope) -> Vec<Claim> {
    if !scope.admits(doc) {
        return Vec::new();
    }
    analyze(doc, scope).claims
}

/// Run the whole pipeline on one article (every stage, whatever the relevance prefilter says).
pub fn analyze(doc: &Document, scope: &Scope) -> Analysis {
    // An article quoting in single marks is read with double ones (same offsets); claims
    // print the article's own text.
    let rewritten = single_quotes::as_double(&doc.text).map(|text| Document {
        text,
        ..doc.clone()
    });
    let original = doc;
    let doc = rewritten.as_ref().unwrap_or(doc);
    let blocks = strip::classify(doc);
    let meta = meta::read(original, &blocks);
    let article = ArticleMeta {
        path: doc.path.clone(),
        sha256: doc.sha256.clone(),
        meta: meta.clone(),
    };
    let paragraphs = sentences::paragraphs(&doc.text, &blocks);
    let named_elsewhere: Vec<_> = blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                strip::BlockKind::Headline | strip::BlockKind::Caption
            )
        })
        .map(|b| b.range.clone())
        .collect();
    let attributed = attribution::attribute(&doc.text, &paragraphs, &named_elsewhere);
    let attributions = &attributed.attributions;
    let title = meta.title.as_deref().unwrap_or("");
    // Scope and stance read the quotes as the stages saw them; claims print the article's.
    let quotes: Vec<String> = attributions
        .iter()
        .map(|a| quote_text(&doc.text, a))
        .collect();
    // "Asked whether Ukraine would join, X said: 'Yes'": where the frame asks the question or
    // names the subject, scope and stance read the whole sentence, not the quote alone.
    let framed: Vec<Option<Range<usize>>> = attributions
        .iter()
        .zip(&quotes)
        .map(|(a, q)| framing(&doc.text, &paragraphs, a, q))
        .collect();
    let keep = match scope {
        Scope::Any => vec![true; attributions.len()],
        Scope::Topic(t) => {
            let cands: Vec<Candidate> = attributions
                .iter()
                .zip(&quotes)
                .zip(&framed)
                .map(|((a, q), f)| candidate(&doc.text, &paragraphs, a, q, f.clone(), title))
                .collect();
            t.select(&cands)
        }
    };
    // Only statements up to the last one kept are dated: a date reads nothing after its own.
    let upto = keep.iter().rposition(|k| *k).map_or(0, |last| last + 1);
    let dated = dating::date_statements(&doc.text, &paragraphs, &attributed, meta.published, upto);
    // A quotation with no cue of its own goes on with its speaker's statement before it, so its
    // stance reads the proposition from there too ("... asked whether Ukraine would join. 'It
    // depends,' he said. 'They have work to do.'").
    let stance_context: Vec<Range<usize>> = attributions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let prev = i.checked_sub(1).map(|p| (&attributions[p], &framed[p]));
            match prev {
                Some((p, f)) if a.cue.is_none() && p.speaker.name == a.speaker.name => {
                    let start = f.as_ref().map_or(p.evidence.start, |r| r.start);
                    start.min(a.evidence.start)..a.evidence.end
                }
                _ => a.evidence.clone(),
            }
        })
        .collect();
    // Each speaker's canonical name once per article (a pure function of name and kind, also
    // remembered across the thread's articles).
    let mut canonicals: rustc_hash::FxHashMap<(&str, SpeakerKind), String> = Default::default();
    let claims = attributions
        .iter()
        .zip(stance_context)
        .zip(dated)
        .zip(quotes)
        .zip(framed)
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(((((a, context), d), quote), framed), _)| {
            let stance = match scope {
                Scope::Any => Stance::Neutral,
                Scope::Topic(t) => {
                    let who = format!(
                        "{} {}",
                        a.speaker.name,
                        a.speaker.title.as_deref().unwrap_or("")
                    );
                    // An interviewer's question in the paragraph before frames the answer's
                    // scope and supplies its proposition, but takes no part in its stance.
                    let asked_before = framed
                        .clone()
                        .filter(|r| r.start < paragraphs[a.paragraph].range.start);
                    let content = match (&asked_before, framed) {
                        (None, Some(r)) => &doc.text[r],
                        _ => quote.as_str(),
                    };
                    let context = &doc.text[asked_before.unwrap_or(context)];
                    t.stance(content, context, a.cue.as_deref().unwrap_or(""), &who)
                }
            };
            let span = Span {
                start: a.evidence.start,
                end: a.evidence.end,
            };
            let quote = if rewritten.is_some() {
                quote_text(&original.text, a)
            } else {
                quote
            };
            Claim {
                schema: SCHEMA.to_string(),
                id: claim_id(&doc.sha256, span.start, span.end, &a.speaker.name, &quote),
                article: article.clone(),
                speaker: Speaker {
                    name: a.speaker.name.clone(),
                    canonical: canonicals
                        .entry((&a.speaker.name, a.speaker.kind))
                        .or_insert_with(|| canonical::remembered(&a.speaker.name, a.speaker.kind))
                        .clone(),
                    title: a.speaker.title.clone(),
                    kind: a.speaker.kind,
                    mention: a.mention.clone(),
                },
                quote,
                mode: a.mode,
                cue: a.cue.clone(),
                said_on: d.day.map(|d| d.to_string()),
                date_text: d.text,
                stance,
                span,
                evidence: fold_ws(&original.text[a.evidence.clone()]),
            }
        })
        .collect();
    Analysis { article, claims }
}

/// The text `natoclaims strip` prints: for HTML the extracted article text (the text spans
/// point into), for plain text the body paragraphs.
pub fn stripped_text(doc: &Document) -> String {
    match doc.format {
        SourceFormat::Html => doc.text.clone(),
        SourceFormat::Text => strip::body_text(doc, &strip::classify(doc)),
    }
}

fn quote_text(text: &str, a: &Attribution) -> String {
    a.content
        .iter()
        .map(|r| fold_ws(&text[r.clone()]))
        .collect::<Vec<_>>()
        .join(" ... ")
}

/// The statement's frame asks the question it answers or names its subject ("Asked whether
/// ..., X said", "X said when asked about ...", "X said of Kyiv's bid"): such a phrase
/// outside the quoted content.
fn frame_names_subject(sentence: &str, content: &str) -> bool {
    // Words that open some framing phrase: where a phrase may start.
    static FIRST_WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            lexicon::members(lexicon::Class::QuestionOpener)
                .iter()
                .filter_map(|p| p.split(' ').next())
                .collect()
        });
    // The sentence with the content's first occurrence replaced by a space.
    let (before, after) = match find_first(sentence, content) {
        Some(k) => (&sentence[..k], &sentence[k + content.len()..]),
        None => (sentence, ""),
    };
    // The lengths and first letters of those words: an ASCII word with another length or
    // first letter (in any case) lowercases to none of them, and is not lowercased to be looked
    // up.
    static FIRST_SHAPES: std::sync::LazyLock<(u64, [bool; 128])> = std::sync::LazyLock::new(|| {
        let mut lens = 0u64;
        let mut letters = [false; 128];
        for w in FIRST_WORDS.iter() {
            lens |= 1 << w.len().min(63);
            if let Some(&b) = w.as_bytes().first().filter(|b| b.is_ascii()) {
                letters[usize::from(b)] = true;
            }
        }
        (lens, letters)
    });
    let may_open = |w: &str| {
        let (lens, letters) = &*FIRST_SHAPES;
        !w.is_ascii()
            || (lens >> w.len().min(63) & 1 == 1
                && w.as_bytes()
                    .first()
                    .is_some_and(|&b| letters[usize::from(b.to_ascii_lowercase())]))
    };
    // About one word per five bytes of prose: sized once instead of grown several times.
    let mut words = Vec::with_capacity(sentence.len() / 5 + 1);
    push_bare_words(before, &mut words);
    push_bare_words(after, &mut words);
    // Each phrase of one to QUESTION_WORDS words, built up word by word in one buffer.
    let mut phrase = String::new();
    (0..words.len()).any(|i| {
        if !may_open(words[i]) || !FIRST_WORDS.contains(&*crate::document::lowercase(words[i])) {
            return false;
        }
        phrase.clear();
        (i..words.len().min(i + QUESTION_WORDS)).any(|j| {
            if j > i {
                phrase.push(' ');
            }
            phrase.push_str(&crate::document::lowercase(words[j]));
            lexicon::is(lexicon::Class::QuestionOpener, &phrase)
        })
    })
}

/// The words of `s` split at whitespace, each without the characters other than letters and
/// digits at its ends, pushed onto `out`.
fn push_bare_words<'a>(s: &'a str, out: &mut Vec<&'a str>) {
    // On ASCII text the byte tests agree with the char ones, but for the vertical tab, which
    // `char::is_whitespace` counts and `u8::is_ascii_whitespace` does not.
    if s.is_ascii() && memchr::memchr(b'\x0B', s.as_bytes()).is_none() {
        out.extend(s.split_ascii_whitespace().map(trim_ascii_non_alphanumeric));
    } else {
        out.extend(
            s.split_whitespace()
                .map(|w| w.trim_matches(|c: char| !document::is_alphanumeric(c))),
        );
    }
}

/// An ASCII word without the bytes other than letters and digits at its ends.
fn trim_ascii_non_alphanumeric(w: &str) -> &str {
    let b = w.as_bytes();
    let Some(start) = b.iter().position(u8::is_ascii_alphanumeric) else {
        return "";
    };
    let end = b
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |e| e + 1);
    &w[start..end]
}

/// Where `needle` first occurs in `hay`, as `hay.find(needle)` says: each place its first byte
/// is, tried in turn (a substring searcher costs more to set up for a needle as long as a
/// quotation than the search of one sentence does).
fn find_first(hay: &str, needle: &str) -> Option<usize> {
    let Some(&first) = needle.as_bytes().first() else {
        return Some(0);
    };
    memchr::memchr_iter(first, hay.as_bytes())
        .find(|&k| hay.as_bytes()[k..].starts_with(needle.as_bytes()))
}

/// The text that frames a statement, when its frame asks the question it answers: its own
/// sentence ("Asked whether ..., X said: ..."), or the question sentence right before it in the
/// paragraph ("Asked whether ..., X was brief. 'Not yet,' he said.").
fn framing(text: &str, paras: &[Paragraph], a: &Attribution, quote: &str) -> Option<Range<usize>> {
    if frame_names_subject(&text[a.evidence.clone()], quote) {
        return Some(a.evidence.clone());
    }
    let p = &paras[a.paragraph];
    if let Some(asked) = interview_question(text, paras, a) {
        return Some(asked.start..a.evidence.end);
    }
    if a.cue.as_deref() == Some(":") && colon_frame_names_subject(&text[a.evidence.clone()]) {
        return Some(a.evidence.clone());
    }
    let before = p
        .sentences
        .iter()
        .rev()
        .find(|s| s.end <= a.evidence.start)?;
    let question = &text[before.clone()];
    let opens = question
        .split_whitespace()
        .next()
        .is_some_and(|w| lexicon::is(lexicon::Class::QuestionOpener, &w.to_lowercase()));
    (opens && frame_names_subject(question, "") || puts_question(question))
        .then_some(before.start..a.evidence.end)
}

/// "X on Ukraine's NATO application: ...": a preposition after the speaker, before the colon,
/// names what the statement is about.
fn colon_frame_names_subject(sentence: &str) -> bool {
    let Some(colon) = sentence.find(':') else {
        return false;
    };
    let mut words = Vec::new();
    push_bare_words(&sentence[..colon], &mut words);
    // The first word is the speaker's own ("About:" is a label, not a subject).
    words.iter().skip(1).any(|w| {
        lexicon::is(
            lexicon::Class::ColonTopicPreposition,
            &crate::document::lowercase(w),
        )
    })
}

/// In an interview ("Q: Will Ukraine join before 2030?" / "Landsbergis: Yes."), the question
/// paragraph before an answer that opens its paragraph with the speaker and a colon.
fn interview_question(text: &str, paras: &[Paragraph], a: &Attribution) -> Option<Range<usize>> {
    let p = &paras[a.paragraph];
    let answer = a.cue.as_deref() == Some(":") && a.evidence.start == p.range.start;
    let previous = &paras[a.paragraph.checked_sub(1)?];
    (answer && attribution::asks_question(&text[previous.range.clone()]))
        .then(|| previous.range.clone())
}

/// The question words of the "asked ..." openers ("whether", "if", "about"), read once.
static ASKED_QUESTION_WORDS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| {
        lexicon::members(lexicon::Class::QuestionOpener)
            .iter()
            .filter_map(|opener| opener.strip_prefix("asked "))
            .collect()
    });

/// How many words may stand between "asked" and its question word ("was asked at a rally on
/// Tuesday whether").
const ASKED_REACH: usize = 6;

/// "Mr Biden was asked whether Ukraine would be admitted.", "was asked at a rally whether": a
/// sentence that puts a question with a two-word opener anywhere in it ("asked whether",
/// "asked about"), a few words between the two allowed.
fn puts_question(sentence: &str) -> bool {
    if !may_hold_asked(sentence) {
        return false;
    }
    let words: Vec<std::borrow::Cow<str>> = sentence
        .split_whitespace()
        .map(|w| crate::document::lowercase(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .collect();
    (0..words.len()).filter(|&i| words[i] == "asked").any(|i| {
        // "asked allies to decide whether ...": a request, not a question.
        let before_request = words[i + 1..]
            .iter()
            .take(ASKED_REACH)
            .take_while(|w| !lexicon::is(lexicon::Class::InfinitiveMarker, w));
        before_request
            .into_iter()
            .any(|w| ASKED_QUESTION_WORDS.contains(&w.as_ref()))
    })
}

/// What a word that lowercases to "asked" needs in the sentence: "asked" in any ASCII case, or
/// a Kelvin sign (the one character outside ASCII whose lowercase is one of its letters). Most
/// sentences have neither, and their words are not split and lowercased.
fn may_hold_asked(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    memchr::memchr2_iter(b'a', b'A', bytes)
        .any(|k| bytes[k..].len() >= 5 && bytes[k..k + 5].eq_ignore_ascii_case(b"asked"))
        || sentence.contains('\u{212A}')
}

/// Longest framing phrase, in words ("in response to a question").
const QUESTION_WORDS: usize = 5;

fn candidate<'a>(
    text: &'a str,
    paras: &[Paragraph],
    a: &'a Attribution,
    quote: &'a str,
    framed: Option<Range<usize>>,
    title: &'a str,
) -> Candidate<'a> {
    let previous = a
        .paragraph
        .checked_sub(1)
        .map_or("", |i| &text[paras[i].range.clone()]);
    let sentence = &text[a.evidence.clone()];
    Candidate {
        context: Context {
            content: framed.map_or(quote, |r| &text[r]),
            sentence,
            paragraph: &text[paras[a.paragraph].range.clone()],
            previous,
            lead: paras.first().map_or("", |p| &text[p.range.clone()]),
            title,
            article: text,
        },
        speaker: &a.speaker.name,
        paragraph: a.paragraph,
        sentence: (a.evidence.start, a.evidence.end),
        direct: a.mode == Mode::Direct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asked_in_any_case_puts_a_question() {
        assert!(puts_question(
            "Mr Biden was asked whether Ukraine would join."
        ));
        assert!(puts_question(
            "MR BIDEN WAS \"ASKED\" WHETHER UKRAINE WOULD JOIN."
        ));
        assert!(puts_question("He was As\u{212A}ed about it."));
        assert!(!puts_question("He was asked to decide whether to go."));
        assert!(!puts_question(
            "He was tasked with a review, about which little is known."
        ));
        assert!(!puts_question("Nobody ask"));
    }

    fn split_and_trim(s: &str) -> Vec<&str> {
        s.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect()
    }

    #[test]
    fn bare_words_are_split_and_trimmed_words() {
        for s in [
            "",
            "Asked whether Ukraine would join, he said: \"Not yet.\"",
            "-- a\tb\x0Bc\x0C d\r\n(e) ... f",
            "Kyiv\u{a0}said\u{2009}«non» — Zelens’kyy’s 3.5% \u{212A}elvin",
        ] {
            let mut words = Vec::new();
            push_bare_words(s, &mut words);
            assert_eq!(words, split_and_trim(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn bare_words_on_any_text(s in "[a-zA-Z0-9 .,'\t\n\x0B\x0C\r\u{a0}\u{2019}\u{e9}-]{0,40}") {
            let mut words = Vec::new();
            push_bare_words(&s, &mut words);
            proptest::prop_assert_eq!(words, split_and_trim(&s));
        }
    }
}
