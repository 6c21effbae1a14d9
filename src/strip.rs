//! Boilerplate stripping: classify each line (or line segment) of an article as body,
//! headline, caption, dateline, byline, metadata or page furniture.
//!
//! The classifier follows jusText's idea: a block is body text when it reads like prose
//! (length, stop-word density, sentence punctuation) and is not page furniture (a lexicon of UI
//! phrases, repetition within the page, lists of story titles, credits and warnings).
//! No rule names a site.

use crate::dates;
use crate::document::{fold_ws, line_ranges, lowercase, trim_range, Document};
use crate::lexicon::{self, Class};
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A first line of at most this many words followed by a byline, dateline or caption is the
/// headline, even when it ends with a full stop.
const LEAD_HEADLINE_MAX_WORDS: usize = 20;
/// A line this long or longer that stops mid-sentence may be hard-wrapped: a shorter one is a
/// heading or a label, not a broken sentence.
const WRAPPED_LINE_MIN_WORDS: usize = 6;
/// Lines that do not read as prose are headlines up to this many words, furniture beyond.
const HEADLINE_MAX_WORDS: usize = 30;
/// An icon-font run has at least this many "icon" words ...
const MIN_ICON_WORDS: usize = 3;
/// ... making up at least one word in this many.
const ICON_WORD_RATIO: usize = 4;
/// A signature line (a name and title under a quoted block) has at most this many words.
const SIGNATURE_MAX_WORDS: usize = 10;
/// A line ending in a parenthesised credit is a caption below this many words; longer, it is
/// prose that ends with an aside.
const CAPTION_MAX_WORDS: usize = 60;
/// A byline line has at most this many words (names, a date, a reading time).
const BYLINE_MAX_WORDS: usize = 25;
/// A cookie notice is shorter than this many bytes; a longer line mentioning cookies is prose.
const COOKIE_NOTICE_MAX_BYTES: usize = 400;
/// A subscription prompt is shorter than this many bytes.
const NEWSLETTER_MAX_BYTES: usize = 250;
/// Prose has at least this many words.
const PROSE_MIN_WORDS: usize = 4;
/// A line ending like a sentence is prose with this share of function words (jusText's
/// stop-word density, tuned low because news sentences are dense with names).
const PROSE_MIN_STOP_DENSITY: f64 = 0.12;
/// A sentence dense with names is prose from this many words ...
const NAME_DENSE_MIN_WORDS: usize = 8;
/// ... when this many of them are lowercase (a headline in title case has almost none).
const NAME_DENSE_MIN_LOWERCASE: usize = 3;
/// A line with a sentence break inside is prose with this many words ...
const INNER_SENTENCE_MIN_WORDS: usize = 15;
/// ... and this share of function words (higher: no final punctuation vouches for it).
const INNER_SENTENCE_MIN_STOP_DENSITY: f64 = 0.2;

/// What a block of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Article prose: the only kind claims are read from.
    Body,
    /// A headline, sub-headline or section heading.
    Headline,
    /// A photo caption or credit.
    Caption,
    /// A line that only carries the publication date (and time).
    Dateline,
    /// An author line ("by Jane Doe").
    Byline,
    /// A scraper's metadata prefix (" date 2023-06-30").
    DateMeta,
    /// Menus, banners, warnings, related links, footers.
    Boilerplate,
}

/// A classified block: a byte range of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte range into the document text (trimmed).
    pub range: Range<usize>,
    /// Its class.
    pub kind: BlockKind,
}

static DATE_META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?i:date)\s*:?\s+\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]+)?\s*").unwrap()
});
/// A server's error message printed into the page ("Warning: ... on line 12").
static SERVER_WARNING: LazyLock<Regex> = LazyLock::new(|| {
    let labels = alternation(Class::ServerWarningLabel);
    Regex::new(&format!(
        r"^(?:PHP )?(?:{labels})\s*:.*(?:\bon line \d+|\.php\b)"
    ))
    .unwrap()
});
/// A byline line: a label, then a capitalised name ("By Jane Doe", "Author: Jane Doe").
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let openers = alternation(Class::BylineLineOpener);
    let labels = alternation(Class::BylineLineLabel);
    Regex::new(&format!(
        r"^(?i:{openers}|(?:{labels})\s*(?::|[\-\x{{2013}}\x{{2014}}]\s))\s*(?:[\-\x{{2013}}\x{{2014}}]\s*)?\p{{Lu}}[\p{{L}}.'\-]*(?:\s+\p{{Lu}}[\p{{L}}.'\-]*)*",
    ))
    .unwrap()
});
// ASCII word boundaries: every word here is ASCII, and a Unicode boundary keeps this per-line
// regex off the fast engines. Every alternative needs a mark of `caption_marks.txt`
// ([`may_be_caption`]): keep them in step (the tests check each alternative).
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:^|[\s(])©|\(c\)\s+\p{Lu}|FILE\ PHOTO|(?-u:\b)Photo(?:graph)?\s*(?::|by(?-u:\b)|credit)|(?-u:\b)REUTERS/|(?-u:\b)AP\ Photo(?-u:\b)
        |Getty\ Images|/\s*AFP(?-u:\b)|(?-u:\b)AFP\s*/|\(EPA\)|/\s*EPA(?-u:\b)|(?-u:\b)EPA-EFE(?-u:\b)|(?-u:\b)Anadolu(?-u:\b).*(?-u:\b)Agency(?-u:\b)
        |\((?:L|C|left|right|center|centre|\d(?:st|nd|rd|th)\ [LR])\)
        |(?-u:\b)Photo:\s|(?-u:\b)Image:\s|(?-u:\b)Credit:\s|(?-u:\b)Pool\ via(?-u:\b)",
    )
    .unwrap()
});
/// A line ending in a parenthesised credit ("... on Monday. (Reuters/Jane Doe)"); a
/// parenthesis holding a sentence of its own ("(He has since resigned.)") is prose.
static TRAILING_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!?]\s*\((?:[\p{Lu}][^()]{0,59}[^().!?])\)\s*$").unwrap());
/// An interface word after the end of a sentence ("... decision. Share").
static TRAILING_UI: LazyLock<Regex> = LazyLock::new(|| {
    let labels = alternation(Class::TrailingUi);
    Regex::new(&format!(
        r"([.!?\u{{201D}}\u{{2019}}\x22])\s+(?:{labels})\s*$"
    ))
    .unwrap()
});
/// A teaser line: a label and a separator ("Read more: ...", "See also | ..."), or
/// [`READ_MORE_INSIDE`].
static READ_MORE: LazyLock<Regex> = LazyLock::new(|| {
    let labels = alternation(Class::TeaserLabel);
    Regex::new(&format!(r"(?i)^(?:{labels})\s*[:|\-–—]")).unwrap()
});
/// "READ MORE:" anywhere in a line.
static READ_MORE_INSIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bREAD MORE:").unwrap());
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:©|copyright\b|\(c\)\s*\d{4})|all rights reserved").unwrap()
});
static COOKIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcookies?\b.*\b(?:use|accept|consent|policy|settings|continu)|\b(?:use|accept)\b.*\bcookies?\b")
        .unwrap()
});
/// A newsletter or subscription prompt.
static NEWSLETTER: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(Class::SubscriptionWord);
    Regex::new(&format!(r"(?i)\b(?:{words})\b")).unwrap()
});

/// A regex alternation of a word class's entries, escaped, longest first.
fn alternation(class: Class) -> String {
    let mut words: Vec<&str> = lexicon::members(class).iter().copied().collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// Classify the article's text into blocks, in text order.
pub fn classify(doc: &Document) -> Vec<Block> {
    let segments = segments(&doc.text);
    // Each line's normalized form, made once.
    let keys: Vec<String> = segments
        .iter()
        .map(|s| normalize(&doc.text[s.range.clone()]))
        .collect();
    let counts = repetition_counts(&keys);
    let mut blocks = Vec::with_capacity(segments.len());
    let mut in_story_list = false;
    for (seg, key) in segments.into_iter().zip(&keys) {
        let range = trim_trailing_ui(&doc.text, seg.range.clone());
        let s = &doc.text[range.clone()];
        let trimmed;
        let key = if range == seg.range {
            key.as_str()
        } else {
            trimmed = normalize(s);
            trimmed.as_str()
        };
        let kind = match seg.forced {
            Some(k) => k,
            None => classify_line(s, key, counts.get(key).copied().unwrap_or(1)),
        };
        let kind = list_aware(kind, key, &mut in_story_list);
        let after_body = blocks
            .last()
            .is_some_and(|b: &Block| b.kind == BlockKind::Body);
        let kind = if kind == BlockKind::Headline && after_body && is_signature(s) {
            BlockKind::Body
        } else {
            kind
        };
        blocks.push(Block { range, kind });
    }
    mark_leading_headline(&doc.text, &mut blocks);
    blocks
}

/// A short first line followed by a byline, dateline or caption is the headline, even when it
/// ends with a full stop ("Zelensky says Ukraine will join NATO.").
fn mark_leading_headline(text: &str, blocks: &mut [Block]) {
    let mut content = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| !matches!(b.kind, BlockKind::Boilerplate | BlockKind::DateMeta));
    let (Some((first, b)), Some((_, next))) = (content.next(), content.next()) else {
        return;
    };
    let short = text[b.range.clone()].split_whitespace().count() <= LEAD_HEADLINE_MAX_WORDS;
    let introduces = matches!(
        next.kind,
        BlockKind::Byline | BlockKind::Dateline | BlockKind::Caption
    );
    if b.kind == BlockKind::Body && short && introduces {
        blocks[first].kind = BlockKind::Headline;
    }
}

/// The text `strip` prints for a plain-text article: the body blocks, one paragraph each,
/// separated by blank lines.
pub fn body_text(doc: &Document, blocks: &[Block]) -> String {
    let paras: Vec<&str> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .map(|b| &doc.text[b.range.clone()])
        .collect();
    let mut out = paras.join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

struct Segment {
    range: Range<usize>,
    forced: Option<BlockKind>,
}

/// Non-empty trimmed lines; a leading scraper date prefix is split off its line.
fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    // A scraper's " date YYYY-MM-DD" prefix, once, wherever the page furniture put it.
    let mut seen_date = false;
    for line in line_ranges(text) {
        let r = trim_range(text, line.clone());
        if r.is_empty() {
            continue;
        }
        if !seen_date {
            let date_meta = may_open_date_meta(&text[line.clone()])
                .then(|| DATE_META.find(&text[line.clone()]))
                .flatten();
            if let Some(m) = date_meta {
                let meta = trim_range(text, line.start..line.start + m.end());
                out.push(Segment {
                    range: meta,
                    forced: Some(BlockKind::DateMeta),
                });
                let rest = trim_range(text, line.start + m.end()..line.end);
                if !rest.is_empty() {
                    out.push(Segment {
                        range: rest,
                        forced: None,
                    });
                }
                seen_date = true;
                continue;
            }
        }
        match out.last_mut() {
            Some(prev)
                if prev.forced.is_none() && continues(text, prev.range.clone(), r.clone()) =>
            {
                prev.range.end = r.end
            }
            _ => out.push(Segment {
                range: r,
                forced: None,
            }),
        }
    }
    out
}

/// A hard-wrapped paragraph: the previous line stops mid-sentence, right above this one, and
/// this one goes on in lowercase.
fn continues(text: &str, prev: Range<usize>, next: Range<usize>) -> bool {
    let gap = &text[prev.end..next.start];
    let adjacent = gap.matches('\n').count() == 1;
    let open_end = !ends_like_sentence(&text[prev.clone()])
        && text[prev].split_whitespace().count() >= WRAPPED_LINE_MIN_WORDS;
    let lower_start = text[next].chars().next().is_some_and(char::is_lowercase);
    adjacent && open_end && lower_start
}

/// A line as compared with others: whitespace runs folded, lowercase.
fn normalize(s: &str) -> String {
    let mut folded = fold_ws(s);
    if folded.is_ascii() {
        folded.make_ascii_lowercase();
        folded
    } else {
        crate::document::to_lowercase(&folded)
    }
}

fn repetition_counts(keys: &[String]) -> HashMap<&str, usize> {
    let mut counts = HashMap::default();
    for k in keys {
        *counts.entry(k.as_str()).or_insert(0) += 1;
    }
    counts
}

/// Classify one line on its own (`key` is its [`normalize`]d form).
fn classify_line(s: &str, key: &str, repeats: usize) -> BlockKind {
    if is_furniture(s, key) {
        return BlockKind::Boilerplate;
    }
    if is_caption(s) {
        return BlockKind::Caption;
    }
    if dates::is_dateline(s) {
        return BlockKind::Dateline;
    }
    if is_byline(s) {
        return BlockKind::Byline;
    }
    let prose = is_prose(s);
    if prose && repeats == 1 {
        return BlockKind::Body;
    }
    if word_count(s) <= HEADLINE_MAX_WORDS && !prose {
        return BlockKind::Headline;
    }
    BlockKind::Boilerplate
}

/// After a "Top stories"-style heading, title-like lines are links to other stories.
fn list_aware(kind: BlockKind, key: &str, in_list: &mut bool) -> BlockKind {
    if lexicon::is(Class::SectionHeader, ui_key(key)) {
        *in_list = true;
        return BlockKind::Boilerplate;
    }
    match kind {
        BlockKind::Body => {
            *in_list = false;
            kind
        }
        BlockKind::Headline if *in_list => BlockKind::Boilerplate,
        _ => kind,
    }
}

/// A line's normalized form (`key`) without the punctuation around it.
fn ui_key(key: &str) -> &str {
    key.trim_matches(|c: char| !c.is_alphanumeric() && c != '*' && c != '\'' && c != '’')
}

/// `key` is the line's [`normalize`]d form. The regexes with Unicode word boundaries leave
/// their fast engines on any non-ASCII byte, so each runs only when the lowercase line holds
/// what it needs: a letter that case-folds to one of its ASCII letters lowercases to that
/// letter, except the long s (ſ), looked for itself.
fn is_furniture(s: &str, key: &str) -> bool {
    lexicon::is(Class::UiPhrase, ui_key(key))
        || (may_be_server_warning(s) && SERVER_WARNING.is_match(s))
        || is_icon_run(s, key)
        || (may_open_teaser(s) && READ_MORE.is_match(s))
        || (holds(key, &READ_MORE_COLON) && READ_MORE_INSIDE.is_match(s))
        || (might_be_copyright(key) && COPYRIGHT.is_match(s) && !is_caption(s))
        || (s.len() < COOKIE_NOTICE_MAX_BYTES && holds(key, &COOKIE) && COOKIES.is_match(s))
        || is_subscription_prompt(s, key)
        || is_truncated_teaser(s)
}

/// What [`COPYRIGHT`] needs in a line, as the lowercase `key` holds it.
fn might_be_copyright(key: &str) -> bool {
    key.contains('©')
        || holds(key, &COPYRIGHT_WORD)
        || holds(key, &C_IN_PARENTHESES)
        || holds(key, &ALL_RIGHTS_RESERVED)
        || key.contains('ſ')
}

/// A literal searcher built once (`str::contains` builds one on every call).
type Literal = LazyLock<memchr::memmem::Finder<'static>>;

/// What [`READ_MORE_INSIDE`] needs in a line's key.
static READ_MORE_COLON: Literal = LazyLock::new(|| memchr::memmem::Finder::new("read more:"));
/// What [`COOKIES`] needs in a line's key.
static COOKIE: Literal = LazyLock::new(|| memchr::memmem::Finder::new("cookie"));
/// Some of what [`COPYRIGHT`] needs in a line's key.
static COPYRIGHT_WORD: Literal = LazyLock::new(|| memchr::memmem::Finder::new("copyright"));
/// Some of what [`COPYRIGHT`] needs in a line's key.
static C_IN_PARENTHESES: Literal = LazyLock::new(|| memchr::memmem::Finder::new("(c)"));
/// Some of what [`COPYRIGHT`] needs in a line's key.
static ALL_RIGHTS_RESERVED: Literal =
    LazyLock::new(|| memchr::memmem::Finder::new("all rights reserved"));

/// `key.contains(literal)`, by the literal's prebuilt searcher.
fn holds(key: &str, literal: &Literal) -> bool {
    literal.find(key.as_bytes()).is_some()
}

/// A short line inviting the reader to subscribe: it opens with the prompt ("Sign up for ...")
/// or speaks to the reader ("Get our newsletter in your inbox").
fn is_subscription_prompt(s: &str, key: &str) -> bool {
    if s.len() >= NEWSLETTER_MAX_BYTES {
        return false;
    }
    if !may_hold_subscription_word(key) {
        return false;
    }
    let Some(m) = NEWSLETTER.find(s) else {
        return false;
    };
    let opens = s[..m.start()].trim().is_empty();
    opens
        || s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .any(|w| lexicon::is(Class::ReaderAddress, &w.to_lowercase().replace('’', "'")))
}

/// Icon-font class names and similar UI runs ("bookmark-bicon chevron downicon ...").
fn is_icon_run(s: &str, key: &str) -> bool {
    // Each "icon" word holds "icon" in ASCII letters of any case (no other character lowercases
    // to one of them): fewer such places than MIN_ICON_WORDS rule the line out. They are the
    // places "icon" is in the line's lowercase `key`, found by a plain literal search.
    static ICON: LazyLock<aho_corasick::AhoCorasick> =
        LazyLock::new(|| aho_corasick::AhoCorasick::new(["icon"]).expect("one literal"));
    let places = ICON.find_iter(key).take(MIN_ICON_WORDS).count();
    if places < MIN_ICON_WORDS {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let icons = words
        .iter()
        .filter(|w| lowercase(w).contains("icon"))
        .count();
    icons >= MIN_ICON_WORDS && icons * ICON_WORD_RATIO >= words.len()
}

/// A related-story teaser cut off with an ellipsis mid-word.
fn is_truncated_teaser(s: &str) -> bool {
    let t = s.trim_end();
    (t.ends_with('…') || t.ends_with("..."))
        && t.chars().rev().nth(1).is_some_and(|c| c.is_alphabetic())
}

/// A name signing the paragraph above it: "Volodymyr Zelensky, President of Ukraine".
fn is_signature(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let capitalized = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let name = words.len() >= 2
        && words[..2]
            .iter()
            .all(|w| capitalized(w) && w.chars().any(char::is_lowercase));
    let rest_ok = words[2.min(words.len())..]
        .iter()
        .all(|w| capitalized(w) || lexicon::is(Class::SignatureJoiner, w));
    name && rest_ok
        && words.len() <= SIGNATURE_MAX_WORDS
        && !s.ends_with(['.', '!', '?', ':'])
        && !lexicon::is(Class::Stopword, &words[0].to_lowercase())
}

/// What [`SERVER_WARNING`] needs: the line opens with one of its labels (as written, the
/// regex is case-sensitive). Most lines fail this, and the regex is neither built nor run.
fn may_be_server_warning(s: &str) -> bool {
    let s = s.strip_prefix("PHP ").unwrap_or(s);
    lexicon::members(Class::ServerWarningLabel)
        .iter()
        .any(|w| s.starts_with(w))
}

/// What [`BYLINE`] needs: the line opens with one of its labels ([`may_open_with`]). Most lines
/// fail this, and the regex is neither built nor run.
fn may_open_byline(s: &str) -> bool {
    may_open_with(s, Class::BylineLineOpener) || may_open_with(s, Class::BylineLineLabel)
}

/// Whether `s` may open with an entry of `class` as a case-insensitive regex reads it: in any
/// ASCII case, or with a letter that case-folds to an ASCII one (the long s, the Kelvin sign:
/// "wordſ by" is "words by" to the regex) where an entry can stand.
fn may_open_with(s: &str, class: Class) -> bool {
    // How many letters of `s` an entry can cover: it has at most as many letters as bytes.
    let mut reach = 0;
    for e in lexicon::members(class) {
        if opens_with(s, e) {
            return true;
        }
        reach = reach.max(e.len());
    }
    // Where an entry matches, its letters take at most three bytes each; mostly all ASCII.
    let head = &s.as_bytes()[..s.len().min(3 * reach)];
    !head.is_ascii()
        && s.chars()
            .take(reach)
            .any(|c| matches!(c, '\u{17F}' | '\u{212A}'))
}

/// `s` opens with `label` in any ASCII case.
fn opens_with(s: &str, label: &str) -> bool {
    s.len() >= label.len() && s.as_bytes()[..label.len()].eq_ignore_ascii_case(label.as_bytes())
}

fn is_caption(s: &str) -> bool {
    (may_be_caption(s) && CAPTION.is_match(s))
        || (s.trim_end().ends_with(')')
            && TRAILING_CREDIT.is_match(s)
            && word_count(s) < CAPTION_MAX_WORDS)
}

/// What [`DATE_META`] needs: the line opens, after whitespace, with "date" in any case (no
/// other character case-folds to one of its letters). Most lines fail this, and the regex is
/// neither built nor run.
fn may_open_date_meta(s: &str) -> bool {
    let t = s.trim_start().as_bytes();
    t.len() >= 4 && t[..4].eq_ignore_ascii_case(b"date")
}

/// What [`READ_MORE`] needs: the line opens with one of its labels ([`may_open_with`]).
fn may_open_teaser(s: &str) -> bool {
    may_open_with(s, Class::TeaserLabel)
}

/// What [`NEWSLETTER`] needs in a line's lowercase `key`: one of its words (a letter that
/// case-folds to an ASCII one lowercases to it, except the long s, looked for itself).
fn may_hold_subscription_word(key: &str) -> bool {
    static WORDS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
        let words = lexicon::members(Class::SubscriptionWord).iter();
        words.map(memchr::memmem::Finder::new).collect()
    });
    WORDS.iter().any(|w| w.find(key.as_bytes()).is_some()) || key.contains('\u{17F}')
}

/// What [`CAPTION`] needs: one of the marks every match of it holds (`caption_marks.txt`; the
/// regex is case-sensitive). Most lines hold none, and the regex is neither built nor run.
fn may_be_caption(s: &str) -> bool {
    static MARKS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            // In the list's order: in the set's order the scan ran half as slow again.
            .build(lexicon::lines(Class::CaptionMark))
            .expect("caption marks")
    });
    MARKS.is_match(s)
}

fn is_byline(s: &str) -> bool {
    may_open_byline(s)
        && BYLINE.is_match(s)
        && word_count(s) <= BYLINE_MAX_WORDS
        && !s.trim_end().ends_with('.')
}

fn word_count(s: &str) -> usize {
    word_counts(s).0
}

/// How many whitespace-separated words `s` has (as `split_whitespace` counts them), and how
/// many of them start with a lowercase letter: one pass over the bytes, eight ASCII bytes at a
/// time where they are ([`ascii_chunk`]), any other character decoded (an ASCII byte is
/// whitespace when it is a space or `\t` to `\r`).
fn word_counts(s: &str) -> (usize, usize) {
    let bytes = s.as_bytes();
    let (mut words, mut lowercase) = (0usize, 0usize);
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8).and_then(|c| ascii_chunk(c, in_word)) {
            words += chunk.starts;
            lowercase += chunk.lowercase_starts;
            in_word = chunk.ends_in_word;
            i += 8;
            continue;
        }
        let b = bytes[i];
        let (c, space) = if b.is_ascii() {
            (char::from(b), b == b' ' || (b'\t'..=b'\r').contains(&b))
        } else {
            let c = s[i..].chars().next().unwrap_or_default();
            (c, c.is_whitespace())
        };
        if !space && !in_word {
            words += 1;
            lowercase += usize::from(c.is_lowercase());
        }
        in_word = !space;
        i += c.len_utf8();
    }
    (words, lowercase)
}

/// What eight ASCII bytes add to [`word_counts`].
struct Chunk {
    /// Words starting in them.
    starts: usize,
    /// Of those, words starting with a lowercase letter.
    lowercase_starts: usize,
    /// The last byte is no whitespace.
    ends_in_word: bool,
}

/// [`word_counts`] over eight bytes, `None` unless all are ASCII: per-byte tests done on all
/// eight at once in a `u64` (each byte's flag in its high bit; no sum carries into the next
/// byte, as every byte is below 0x80). `in_word`: the byte before them is no whitespace.
fn ascii_chunk(chunk: &[u8], in_word: bool) -> Option<Chunk> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(chunk.try_into().ok()?);
    if x & HIGH != 0 {
        return None;
    }
    // The high bit of each byte at least `lo`, and of each at most `hi`.
    let at_least = |lo: u8| x.wrapping_add(ONES * u64::from(0x80 - lo)) & HIGH;
    let at_most = |hi: u8| !x.wrapping_add(ONES * u64::from(0x7F - hi)) & HIGH;
    let space_byte = {
        let t = x ^ (ONES * u64::from(b' '));
        !((t & !HIGH).wrapping_add(!HIGH) | t) & HIGH
    };
    let space = space_byte | (at_least(b'\t') & at_most(b'\r'));
    let lower = at_least(b'a') & at_most(b'z');
    // A byte after whitespace (the first one: after the byte before the chunk).
    let after_space = (space << 8) | if in_word { 0 } else { 0x80 };
    let starts = !space & HIGH & after_space;
    Some(Chunk {
        starts: starts.count_ones() as usize,
        lowercase_starts: (starts & lower).count_ones() as usize,
        ends_in_word: space >> 63 == 0,
    })
}

/// Reads like a paragraph of prose: enough words, function words, sentence punctuation.
fn is_prose(s: &str) -> bool {
    let (words, lowercase) = word_counts(s);
    if words < PROSE_MIN_WORDS {
        return words >= QUOTED_SENTENCE_MIN_WORDS && is_quoted_sentence(s);
    }
    let ends_sentence = ends_like_sentence(s);
    // A whole sentence of names and titles around one verb ("Hungarian Prime Minister Viktor
    // Orban rejected Ukraine's bid on Tuesday.") is prose too: several lowercase words.
    let name_dense = words >= NAME_DENSE_MIN_WORDS && lowercase >= NAME_DENSE_MIN_LOWERCASE;
    if ends_sentence && name_dense {
        // Prose whatever its share of function words (most paragraphs): not counted.
        return true;
    }
    let inner_sentence = s.contains(". ") || s.contains("? ") || s.contains("! ");
    let density = stopword_count(s) as f64 / words as f64;
    (ends_sentence && density >= PROSE_MIN_STOP_DENSITY)
        || (inner_sentence
            && words >= INNER_SENTENCE_MIN_WORDS
            && density >= INNER_SENTENCE_MIN_STOP_DENSITY)
}

/// How many of the line's words are function words (trimmed of what is not a letter).
fn stopword_count(s: &str) -> usize {
    let mut buf = String::new();
    s.split_whitespace()
        .filter(|w| is_stopword(w.trim_matches(|c: char| !c.is_alphabetic()), &mut buf))
        .count()
}

/// `lowercase(w)` is a stop word; `buf` holds the lowercase form when it has to be made.
fn is_stopword(w: &str, buf: &mut String) -> bool {
    if w.is_ascii() {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return lexicon::is(Class::Stopword, w);
        }
        buf.clear();
        buf.push_str(w);
        buf.make_ascii_lowercase();
        return lexicon::is(Class::Stopword, buf);
    }
    lexicon::is(Class::Stopword, &w.to_lowercase())
}

/// Fewest words of a short line that is prose because it is one whole quoted sentence.
const QUOTED_SENTENCE_MIN_WORDS: usize = 2;

/// `"We want more."`: a line that is one quotation, closed after the sentence's own full stop,
/// question or exclamation mark; someone's words, not a heading.
fn is_quoted_sentence(s: &str) -> bool {
    let t = s.trim();
    let opens = t.starts_with(['"', '\u{201C}', '\u{AB}', '\u{201E}']);
    let inner = t.trim_end_matches(['"', '\u{201D}', '\u{BB}']);
    opens && inner.len() < t.len() && inner.ends_with(['.', '!', '?', '…'])
}

fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end();
    let t = t.trim_end_matches(['"', '\u{201D}', '\u{2019}', '\'', '\u{BB}', ')']);
    t.ends_with(['.', '!', '?', ':', '…'])
}

fn trim_trailing_ui(text: &str, r: Range<usize>) -> Range<usize> {
    // [`TRAILING_UI`] ends with a label and whitespace: a line whose last word is none of the
    // labels (most lines) is not searched.
    let line = text[r.clone()].trim_end();
    if !lexicon::members(Class::TrailingUi)
        .iter()
        .any(|l| line.ends_with(l))
    {
        return r;
    }
    match TRAILING_UI.captures(&text[r.clone()]) {
        Some(c) => r.start..r.start + c.get(1).map_or(0, |m| m.end()),
        None => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, BlockKind)> {
        let doc = Document::from_text(text);
        classify(&doc)
            .into_iter()
            .map(|b| (doc.text[b.range].to_string(), b.kind))
            .collect()
    }

    #[test]
    fn leading_date_prefix_is_split_from_body() {
        let k = kinds(
            " date 2023-06-30 The minister said that talks went well and more would follow.\n",
        );
        assert_eq!(k[0].1, BlockKind::DateMeta);
        assert_eq!(k[1].1, BlockKind::Body);
        assert!(k[1].0.starts_with("The minister"));
    }

    #[test]
    fn date_prefix_after_page_furniture() {
        let k = kinds(
            "Skip to content\n date 2024-06-13 The president said the talks went well today.\n",
        );
        assert_eq!(k[1].1, BlockKind::DateMeta);
        assert_eq!(k[2].1, BlockKind::Body);
    }

    #[test]
    fn date_prefix_variants() {
        for t in [
            " date 2023-06-30 The minister said the talks went well today.",
            "Date: 2023-06-30T10:00:00Z The minister said the talks went well today.",
        ] {
            let k = kinds(t);
            assert_eq!(k[0].1, BlockKind::DateMeta, "{t}");
            assert!(k[1].0.starts_with("The minister"), "{t}");
        }
    }

    #[test]
    fn furniture_and_warnings_are_boilerplate() {
        let text = "Skip to content\nWarning: Undefined index in /var/www/site/wp-content/x.php on line 12\n\
                    icon print-bicon printicon menuicon staricon chevron righticon\n\
                    Our pages use cookies; if you keep browsing, you agree to that.\n\
                    * indicates required\n";
        assert!(kinds(text)
            .iter()
            .all(|(_, k)| *k == BlockKind::Boilerplate));
    }

    #[test]
    fn captions_and_read_more_are_not_body() {
        let k = kinds(
            "© Reuters. FILE PHOTO: A minister speaks in a city hall, June 16, 2023.\n\
             READ MORE: Something happened somewhere today\n\
             Two leaders stand at a podium in a capital on April 29, 2024. (Presidential Office)\n",
        );
        assert_eq!(k[0].1, BlockKind::Caption);
        assert_eq!(k[1].1, BlockKind::Boilerplate);
        assert_eq!(k[2].1, BlockKind::Caption);
    }

    #[test]
    fn asides_and_reported_sign_ups_are_body() {
        let k = kinds(
            "The mayor said the plan had failed in the spring. (She has since left office.)
             More than 2,000 volunteers sign up each month, the organisers said.
             Sign up for our morning newsletter.
             Get the best stories in your inbox every day.
",
        );
        assert_eq!(k[0].1, BlockKind::Body);
        assert_eq!(k[1].1, BlockKind::Body);
        assert_eq!(k[2].1, BlockKind::Boilerplate);
        assert_eq!(k[3].1, BlockKind::Boilerplate);
    }

    #[test]
    fn story_list_after_section_heading_is_boilerplate() {
        let k = kinds("The minister said on Monday that the talks would continue next week.\nTop stories\nA headline about something else\nAnother headline here\n");
        assert_eq!(k[0].1, BlockKind::Body);
        assert!(k[1..].iter().all(|(_, k)| *k == BlockKind::Boilerplate));
    }

    #[test]
    fn headline_and_trailing_share_word() {
        let k = kinds(
            "Minister: talks will go on\n\nThe letter says now is the time for a decision. Share\n",
        );
        assert_eq!(k[0].1, BlockKind::Headline);
        assert_eq!(k[1].1, BlockKind::Body);
        assert!(k[1].0.ends_with("decision."));
    }

    #[test]
    fn hard_wrapped_paragraph_is_one_block() {
        let k = kinds("The minister said the talks in Brussels would go on\nnext week, and that allies agreed.\n");
        assert_eq!(k.len(), 1);
        assert_eq!(k[0].1, BlockKind::Body);
    }

    #[test]
    fn posted_by_and_author_dash_lines_are_bylines() {
        let k = kinds("Allies weigh the timing of an invitation\nPosted by Jane Roe on May 5, 2011\nAuthor - Tom Lee\nThe minister said on Monday that the talks had gone well.\n");
        assert_eq!(k[1].1, BlockKind::Byline);
        assert_eq!(k[2].1, BlockKind::Byline);
    }

    #[test]
    fn first_line_before_a_byline_is_the_headline() {
        let k = kinds("Zelensky says Ukraine will join NATO after the war.\nby Jane Roe\nThe president said on Monday that the talks had gone well.\n");
        assert_eq!(k[0].1, BlockKind::Headline);
        assert_eq!(k[2].1, BlockKind::Body);
    }

    /// A guarded regex: its name, the regex, and its guard on a line and the line's key.
    type Guarded = (&'static str, &'static Regex, fn(&str, &str) -> bool);

    /// Every line regex of this module that runs only when a cheaper test lets it.
    fn guarded() -> [Guarded; 10] {
        [
            ("server warning", &SERVER_WARNING, |s, _| {
                may_be_server_warning(s)
            }),
            ("byline", &BYLINE, |s, _| may_open_byline(s)),
            ("caption", &CAPTION, |s, _| may_be_caption(s)),
            ("date meta", &DATE_META, |s, _| may_open_date_meta(s)),
            ("teaser", &READ_MORE, |s, _| may_open_teaser(s)),
            ("read more inside", &READ_MORE_INSIDE, |_, k| {
                holds(k, &READ_MORE_COLON)
            }),
            ("copyright", &COPYRIGHT, |_, k| might_be_copyright(k)),
            ("cookies", &COOKIES, |_, k| holds(k, &COOKIE)),
            ("newsletter", &NEWSLETTER, |_, k| {
                may_hold_subscription_word(k)
            }),
            ("trailing credit", &TRAILING_CREDIT, |s, _| {
                s.trim_end().ends_with(')')
            }),
        ]
    }

    /// The guarded regex called `name`.
    fn guarded_regex(name: &str) -> &'static Regex {
        guarded().into_iter().find(|g| g.0 == name).unwrap().1
    }

    /// Invented lines, each matching the regex named beside it: every alternative of every
    /// guarded regex at least once, in odd cases and with letters that case-fold to ASCII ones.
    const CRAFTED: &[(&str, &str)] = &[
        (
            "server warning",
            "PHP Warning: Undefined index in /var/www/x.php on line 12",
        ),
        ("server warning", "Notice: x on line 3"),
        ("server warning", "Deprecated : old call in it.php"),
        ("server warning", "Fatal error : boom.php"),
        (
            "server warning",
            "PHP Parse error: unexpected brace on line 7",
        ),
        ("server warning", "Strict Standards: it.php"),
        ("byline", "bY Jane Doe"),
        ("byline", "WORDS BY Jane Doe"),
        ("byline", "Wordſ by Jane Doe"),
        ("byline", "poſted by Jane Doe"),
        ("byline", "ſtory by Jane Doe"),
        ("byline", "AUTHORS : Jane Doe"),
        ("byline", "Authorſ: Jane Doe"),
        ("byline", "Author \u{2014} Jane Doe"),
        ("caption", "© Jane Doe"),
        ("caption", "Leaders meet (c) Jane Doe"),
        ("caption", "FILE PHOTO: a harbour at dusk"),
        ("caption", "Photograph by Jane Doe"),
        ("caption", "Photo credit Jane Doe"),
        ("caption", "A bridge. REUTERS/Jane Doe"),
        ("caption", "A bridge. (AP Photo/Jane Doe)"),
        ("caption", "A bridge. Photo: Jane Doe"),
        ("caption", "Jane Doe/Getty Images"),
        ("caption", "Jane Doe / AFP"),
        ("caption", "AFP/Jane Doe"),
        ("caption", "A bridge (EPA)"),
        ("caption", "Jane Doe/EPA"),
        ("caption", "EPA-EFE/Jane Doe"),
        ("caption", "Jane Doe - Anadolu Agency"),
        ("caption", "An envoy (L)"),
        ("caption", "An envoy (C)"),
        ("caption", "An envoy (left)"),
        ("caption", "An envoy (right)"),
        ("caption", "An envoy (center)"),
        ("caption", "An envoy (centre)"),
        ("caption", "An envoy (1st L)"),
        ("caption", "An envoy (2nd L)"),
        ("caption", "An envoy (3rd L)"),
        ("caption", "An envoy (4th L)"),
        ("caption", "An envoy (1st R)"),
        ("caption", "An envoy (2nd R)"),
        ("caption", "An envoy (3rd R)"),
        ("caption", "An envoy (4th R)"),
        ("caption", "Image: Jane Doe"),
        ("caption", "Credit: Jane Doe"),
        ("caption", "Pool via Jane Doe"),
        ("date meta", " date 2023-06-30 The envoy spoke."),
        ("date meta", "DATE: 2023-06-30T10:00:00Z"),
        ("teaser", "READ ALSO | a story"),
        ("teaser", "Related - a story"),
        ("teaser", "ſee also: a story"),
        ("read more inside", "A story. READ MORE: another"),
        ("copyright", "Copyright 2024 Jane Doe"),
        ("copyright", "(C) 2024 Jane Doe"),
        ("copyright", "© Jane Doe"),
        ("copyright", "A site. All rights reſerved"),
        ("cookies", "We use cookies on this site"),
        ("cookies", "Cookie settings"),
        ("newsletter", "Get our NEWSLETTER"),
        ("newsletter", "Confirmation email ſent"),
        (
            "trailing credit",
            "The envoy spoke on Monday. (Jane Doe/Agency)  \u{a0}",
        ),
        ("trailing credit", "Leaders met.(AP Photo)\t"),
    ];

    /// A line for each label of the lists the guarded regexes are built from.
    fn lines_from_lists() -> Vec<(&'static str, String)> {
        let of = |class| lexicon::members(class).iter().copied();
        let mut out = Vec::new();
        for l in of(Class::ServerWarningLabel) {
            out.push(("server warning", format!("{l}: broken on line 1")));
        }
        for l in of(Class::BylineLineOpener) {
            out.push(("byline", format!("{} Jane Doe", l.to_uppercase())));
            out.push(("byline", format!("{} Jane Doe", l.replace('s', "ſ"))));
        }
        for l in of(Class::BylineLineLabel) {
            out.push(("byline", format!("{l}: Jane Doe")));
        }
        for l in of(Class::TeaserLabel) {
            out.push(("teaser", format!("{}: a story", l.to_uppercase())));
        }
        for w in of(Class::SubscriptionWord) {
            out.push(("newsletter", format!("Our {w} today")));
        }
        out
    }

    /// Every line of every fixture article, as read from the file and as loaded.
    fn fixture_lines() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let html = path.extension().is_some_and(|e| e == "html");
            let doc = crate::input::load("fixture", &bytes, html).document;
            let raw = String::from_utf8_lossy(&bytes).into_owned();
            for text in [raw, doc.text.to_string()] {
                out.extend(text.lines().map(String::from));
            }
        }
        out
    }

    #[test]
    fn crafted_lines_match_their_regexes() {
        let lists = lines_from_lists();
        let crafted = CRAFTED.iter().map(|&(n, l)| (n, l.to_string()));
        for (name, line) in crafted.chain(lists) {
            assert!(guarded_regex(name).is_match(&line), "{name}: {line:?}");
        }
    }

    #[test]
    fn guards_admit_every_line_their_regexes_match() {
        let crafted = CRAFTED.iter().map(|(_, l)| l.to_string());
        let lists = lines_from_lists().into_iter().map(|(_, l)| l);
        let mut lines: Vec<String> = crafted.chain(lists).chain(fixture_lines()).collect();
        lines.extend(
            [
                "Jane Doe said the plan failed.",
                "byline",
                "The end (of it)",
            ]
            .map(String::from),
        );
        let mut admitted = 0;
        for line in &lines {
            let key = normalize(line);
            for (name, re, guard) in guarded() {
                if re.is_match(line) {
                    assert!(guard(line, &key), "the {name} guard rules out {line:?}");
                    admitted += 1;
                }
            }
        }
        assert!(admitted > CRAFTED.len());
        // The guards do rule lines out.
        let plain = "The envoy said the talks went well.";
        assert!(guarded()
            .iter()
            .all(|(_, _, guard)| !guard(plain, &normalize(plain))));
    }

    #[test]
    fn word_counts_split_as_split_whitespace_does() {
        let mut texts: Vec<String> = [
            "",
            "  one two\tthree\x0Bfour\x0Cfive\r\nsix ",
            "non\u{a0}breaking and\u{2003}em\u{85}next\u{3000}ideographic",
            "École élève Ünter ünter 'quoted' \u{201C}Curly\u{201D} ſ 1st",
        ]
        .map(String::from)
        .to_vec();
        // Every ASCII byte and a few others, at every place in and across eight-byte chunks.
        let pieces: Vec<String> = (0..=0x7Fu8)
            .map(|b| char::from(b).to_string())
            .chain(["é".into(), "\u{a0}".into(), "\u{2003}".into()])
            .collect();
        for p in &pieces {
            for at in 0..18 {
                let mut t: String = "ab Cd  e\tfGh ij\nk".chars().take(at).collect();
                t.push_str(p);
                t.push_str(" x zY\r\x0B`{@[ 12 q");
                texts.push(t);
            }
        }
        for s in &texts {
            let s = s.as_str();
            let words: Vec<&str> = s.split_whitespace().collect();
            let lower = words
                .iter()
                .filter(|w| w.starts_with(char::is_lowercase))
                .count();
            assert_eq!(word_counts(s), (words.len(), lower), "{s:?}");
        }
    }

    #[test]
    fn repeated_lines_are_not_body() {
        let k = kinds("A teaser sentence that repeats itself on the page.\nA teaser sentence that repeats itself on the page.\n");
        assert!(k.iter().all(|(_, k)| *k != BlockKind::Body));
    }
}
