//! Temporal expressions: finding date phrases in article text, resolving them
//! to calendar days, and parsing publication dates from datelines/metadata.

mod guard;

use crate::quick_regex::{Found, Groups, QuickRegex as Regex};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex_automata::{meta, Anchored, Input, MatchKind};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::LazyLock;

/// A temporal expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range of the expression in the text given to `find_dates`.
    pub range: Range<usize>,
    /// What it denotes.
    pub kind: DateKind,
}

/// What a temporal expression denotes, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A calendar day, with or without its year ("June 29", "29 June 2023", "30.09.2022").
    Day {
        /// The year, when stated.
        year: Option<i32>,
        /// Month, 1..=12.
        month: u32,
        /// Day of month, 1..=31 (not validated against the month).
        day: u32,
    },
    /// A named weekday ("on Saturday", "on Thursday evening", "last Friday").
    Weekday(Weekday),
    /// A day relative to publication: today = 0, yesterday = -1, "two days ago" = -2.
    Relative(i64),
    /// The same day as the previous dated statement ("on the same day", "earlier in the day").
    SameDay,
    /// The day before the previous dated statement ("the day before", "on the eve").
    DayBefore,
    /// The day after the previous dated statement ("the next day", "a day later").
    DayAfter,
    /// "then", "at the time", "back then": the previous dated statement's day.
    Then,
    /// A phrase that places the statement in time without fixing a day ("last week", "in June").
    Vague,
}

// ---------------------------------------------------------------- lexicon

/// Full month names, January first.
pub const MONTHS_FULL: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Month abbreviations (the first three letters identify the month).
const MONTHS_ABBR: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
];
/// Full weekday names, Monday first.
pub const WEEKDAYS_FULL: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Weekday abbreviations, accepted only inside datelines.
const WEEKDAYS_ABBR: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];
/// Prepositions that turn a day into a span ("since June 29") or a future/vague weekday.
const SPAN_PREPS: &str = "since|until|till|by|before|after|from|through";
/// Weekday prefixes that do not denote a past occurrence.
const VAGUE_WEEKDAY_PREFIXES: &[&str] = &[
    "next", "this", "since", "by", "until", "till", "before", "after", "from", "coming",
];
/// Words after "the day before"/"on the eve"/"at the time" that start an event ("of the summit").
const EVENT_STARTERS: &[&str] = &[
    "of",
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "these",
    "those",
    "tomorrow",
    "yesterday",
];
/// Pronouns after "the day before"/"the day after" that start a clause ("the day before he met").
const CLAUSE_PRONOUNS: &[&str] = &["he", "she", "they", "we", "it", "i", "you"];
/// Modal verbs: "then" followed by one of these is consequential, not temporal.
const MODALS: &[&str] = &[
    "can", "will", "would", "could", "should", "might", "must", "may", "shall", "won't", "can't",
];
/// Words before "then" that make it a temporal adverb ("He then said", "and then").
const THEN_SUBJECTS: &[&str] = &["he", "she", "they", "it", "we", "i", "and", "who"];
/// Capitalised words before "then" that are not its subject ("Why then", "Only then").
const NOT_THEN_SUBJECTS: &[&str] = &[
    "why", "what", "how", "so", "but", "even", "only", "just", "right", "well", "since", "until",
    "by", "if", "what's", "and", "or", "now",
];
/// Words before "Today" that make it an outlet name ("USA Today", "Russia Today").
const TODAY_OUTLETS: &[&str] = &["usa", "russia"];
/// Subordinators that make ", then" the consequent of a condition.
const CONDITIONALS: &[&str] = &["if", "when", "once", "unless", "whenever"];
/// Characters that separate dateline fragments.
const DATELINE_SEPARATORS: &[char] = &[
    '|', ',', ';', '/', '•', '·', '(', ')', '[', ']', '–', '—', '-', '"', ':', '.',
];
/// How far back (bytes) to look for a condition before ", then".
const THEN_LOOKBACK: usize = 240;

// ---------------------------------------------------------------- regexes

/// Alternation of `words`, each in Title and UPPER case (or lower when `any_case`), abbreviations with optional dot.
fn word_alternation(full: &[&str], abbr: &[&str], any_case: bool) -> String {
    let forms = |w: &str| -> Vec<String> {
        if any_case {
            return vec![w.to_string()];
        }
        let mut title: String = w[..1].to_uppercase();
        title.push_str(&w[1..]);
        vec![title, w.to_uppercase()]
    };
    let mut alts = Vec::new();
    for w in full {
        alts.extend(forms(w).into_iter().map(|f| format!(r"{f}\b")));
    }
    for w in abbr {
        alts.extend(forms(w).into_iter().map(|f| format!(r"{f}\b\.?")));
    }
    let body = alts.join("|");
    if any_case {
        format!("(?i:{body})")
    } else {
        format!("(?:{body})")
    }
}

/// Compile a pattern known to be valid, with ASCII word boundaries (keeps the fast DFA on non-ASCII text).
fn compile(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("dates: invalid built-in regex")
}

/// Month names as written in running text (Title or UPPER case; "may" the verb excluded).
static MONTH_TEXT: LazyLock<String> =
    LazyLock::new(|| word_alternation(MONTHS_FULL, MONTHS_ABBR, false));

/// Month names in any case (metadata and datelines).
static MONTH_ANY: LazyLock<String> =
    LazyLock::new(|| word_alternation(MONTHS_FULL, MONTHS_ABBR, true));

/// "on Thursday, June 29, 2023", "the 29th of June", "July 11-12", "since June 29".
static DAY_TEXT_RE: LazyLock<Regex> = LazyLock::new(|| {
    let m = MONTH_TEXT.as_str();
    let wd = WEEKDAYS_FULL.join("|");
    let ord = "(?i:st|nd|rd|th)?";
    let md =
        format!(r"(?P<m1>{m})\s*(?P<d1>[0-9]{{1,2}}){ord}\b(?:\s*[-–]\s*[0-9]{{1,2}}{ord}\b)?");
    let dm = format!(
        r"(?:(?i:the)\s+)?(?P<d2>[0-9]{{1,2}}){ord}(?:\s*[-–]\s*[0-9]{{1,2}}{ord})?\s+(?:(?i:of)\s+)?(?P<m2>{m})"
    );
    compile(&format!(
        r"\b(?:(?P<pre>(?i:on|{SPAN_PREPS}))\s+)?(?:(?i:{wd}),?\s+)?(?:{md}|{dm})(?:,?\s+(?P<y>(?:19|20)[0-9]{{2}})\b)?"
    ))
});

/// Numeric dates in text: "2023-06-29", "2023/06/29", "29.06.2023", "6/29/2023".
static NUMERIC_TEXT_RE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:(?i:on)\s+)?(?:(?P<iy>(?:19|20)[0-9]{2})(?P<is>[-/])(?P<im>[0-9]{1,2})[-/](?P<id>[0-9]{1,2})|(?P<nd>[0-9]{1,2})(?P<ns>[./])(?P<nm>[0-9]{1,2})[./](?P<ny>(?:19|20)[0-9]{2}))",
    )
});

/// A full date with a 4-digit year in any common format (for `parse_date`).
static FULL_DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let m = MONTH_ANY.as_str();
    compile(&format!(
        r"(?i)(?:{FULL_NUMERIC}|\b(?P<m1>{m})\s*[-/]?\s*(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?\b,?\s*[-/]?\s*(?P<y1>[0-9]{{4}})|\b(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?\s*[-/]?\s*(?:of\s+)?(?P<m2>{m}),?\s*[-/]?\s*(?P<y2>[0-9]{{4}}))"
    ))
});

/// The numeric forms of [`FULL_DATE_RE`], its first two alternatives.
const FULL_NUMERIC: &str = r"(?P<iy>[0-9]{4})(?P<is>[-/.])(?P<im>[0-9]{1,2})[-/.](?P<id>[0-9]{1,2})|(?P<nd>[0-9]{1,2})(?P<ns>[-/.])(?P<nm>[0-9]{1,2})[-/.](?P<ny>[0-9]{4})";

/// [`FULL_DATE_RE`] without its month-name alternatives: the same matches in a text that names
/// no month (where those alternatives match nowhere).
static FULL_NUMERIC_RE: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!("(?i)(?:{FULL_NUMERIC})")));

/// Weekdays: "on Saturday", "late on Thursday", "last Friday", "Saturday night".
static WEEKDAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    let wd = WEEKDAYS_FULL.join("|");
    compile(&format!(
        r"(?i)\b(?:(?P<pre>on|last|this|next|past|coming|since|by|until|till|before|after|from|late|early|(?:late|early)\s+on)\s+)?(?P<wd>{wd})(?:\s+(?:morning|afternoon|evening|night))?\b"
    ))
});

/// Days relative to publication: "yesterday", "today", "last night", "two days ago", "an hour
/// ago", "a short while ago", "within the past hour" (the day of publication).
static RELATIVE_RE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:on\s+)?(?:the\s+day\s+before\s+yesterday|(?:(?:earlier|later|late|early)\s+(?:on\s+)?)?(?:yesterday|today)(?:\s+(?:morning|afternoon|evening|night))?|tonight|this\s+(?:morning|afternoon|evening)|last\s+night|(?P<n>a|one|two|three|four|five|six|seven|[0-9]{1,2})\s+days?\s+ago|(?:(?:a\s+few|an?|one|two|three|four|five|six|several|[0-9]{1,2})\s+minutes?|(?:a\s+few|an?|one|two|three|four|five|six|several|[1-9])\s+hours?|moments?|a\s+(?:short|little)\s+while)\s+ago|within\s+the\s+(?:past|last)\s+(?:hour|half\s+hour|few\s+minutes|(?:few|two|three)\s+hours))\b",
    )
});

/// Anaphoric days: "on the same day", "earlier in the day", "the day before", "the next day", "at the time".
static ANAPHORIC_RE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:(?:at|during|in|on|of)\s+the\s+same\s+(?:press\s+conference|news\s+conference|conference|briefing|meeting|event|session|summit|talks|interview|call|phone\s+call|appearance|visit|press\s+event|speech)|(?:on\s+)?(?:the\s+(?:very\s+)?same\s+day|that\s+(?:same\s+|very\s+)?day|(?:earlier|later)\s+(?:in\s+the|that|the\s+same)\s+day|(?:earlier|later)\s+that\s+(?:morning|afternoon|evening|night)|(?:hours|minutes|an\s+hour)\s+(?:later|earlier)|the\s+day\s+(?:before|after)|a\s+day\s+(?:before|earlier|after|later)|the\s+(?:previous|prior|preceding)\s+(?:day|evening|night)|the\s+night\s+before|the\s+eve|the\s+(?:next|following)\s+(?:day|morning|evening)|at\s+(?:the|that)\s+time))\b",
    )
});

/// Vague time phrases: "last week", "earlier this month", "recently", "in 2022", "tomorrow".
static VAGUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:(?:earlier|later)\s+this\s+(?:week|month|year)|(?:last|this|next|past|coming)\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter)|(?:over|at|during)\s+the\s+weekend|in\s+(?:recent|the\s+(?:past|last|coming|next))\s+(?:few\s+|several\s+|two\s+|three\s+)?(?:days|weeks|months|years)|(?:a\s+few|several|a\s+couple\s+of|two|three|four|five|six|[0-9]{1,2})\s+(?:weeks|months|years)\s+ago|a\s+(?:week|month|year)\s+ago|(?:in|since|during|throughout|until|by)\s+(?:19|20)[0-9]{2}|the\s+day\s+after\s+tomorrow|recently|earlier|previously|tomorrow)\b",
    )
});

/// Month without a day: "in June", "since May 2023", "early July", "mid-June".
static MONTH_ONLY_RE: LazyLock<Regex> = LazyLock::new(|| {
    let m = MONTH_TEXT.as_str();
    compile(&format!(
        r"\b(?i:(?:in|since|until|till|by|during|from|throughout|last|this|next|(?:in\s+)?(?:early|late|mid))[\s-]+)(?:{m})(?:\s+(?:19|20)[0-9]{{2}}\b)?"
    ))
});

/// "then", optionally with a preposition: "since then", "back then".
static THEN_RE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:(?P<pre>since|by|until|till|from|back)\s+)?then\b"));

/// A dateline token that is a number, time, or UTC offset ("2:53", "18.00", "t14:51:00z", "+03:00").
static DATELINE_TOKEN_RE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:(?:t?[0-9]{1,2}[:.h][0-9]{2}(?:[:.][0-9]{2}(?:\.[0-9]+)?)?|[0-9]{1,3})(?:[ap]\.?m\.?|z|[+\-−][0-9]{2}:?[0-9]{2})?|(?:utc|gmt)?[+\-−][0-9]{1,2}(?::?[0-9]{2})?)$",
    )
});

// ---------------------------------------------------------------- helpers

/// Month number from a name or abbreviation ("Sept." -> 9).
fn month_number(name: &str) -> Option<u32> {
    let key: String = name.chars().take(3).collect::<String>().to_lowercase();
    MONTHS_FULL
        .iter()
        .position(|m| m.starts_with(&key) && key.len() == 3)
        .map(|i| i as u32 + 1)
}

/// Weekday from a full name or abbreviation ("Thurs" -> Thu).
fn weekday_from(name: &str) -> Option<Weekday> {
    let key: String = name.chars().take(3).collect::<String>().to_lowercase();
    let i = WEEKDAYS_FULL
        .iter()
        .position(|w| w.starts_with(&key) && key.len() == 3)?;
    Weekday::try_from(i as u8).ok()
}

/// Parse the named capture group as a number.
fn num(c: &Groups, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

/// Lowercased text of an optional capture.
fn lower(m: Option<Found>) -> Option<String> {
    m.map(|m| m.as_str().to_lowercase())
}

/// True when the match is not glued to further digits on either side ("12023-06-30", "1.30.06.2023").
fn digit_isolated(s: &str, r: &Range<usize>) -> bool {
    let mut before = s[..r.start].chars().rev();
    let glued_before = match before.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('.' | '-' | '/') => before.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    !glued_before && !s[r.end..].starts_with(|c: char| c.is_ascii_digit())
}

/// (year, month, day) from the numeric groups of a date regex.
/// `day_first` when the text names a zone of a day-first country: a slash date then reads
/// day/month too.
fn numeric_ymd(c: &Groups, day_first: bool) -> Option<(i32, u32, u32)> {
    if c.name("iy").is_some() {
        return Some((num(c, "iy")? as i32, num(c, "im")?, num(c, "id")?));
    }
    let (a, b, y) = (num(c, "nd")?, num(c, "nm")?, num(c, "ny")? as i32);
    let us_first = !day_first && c.name("ns").is_some_and(|s| s.as_str() == "/");
    let (month, day) = match (us_first, a > 12, b > 12) {
        (_, true, _) => (b, a),
        (_, _, true) => (a, b),
        (true, _, _) => (a, b),
        (false, _, _) => (b, a),
    };
    Some((y, month, day))
}

/// The text names a time zone of a day-first country, in capitals right after a clock time
/// ("14:22 CET"), and no other zone after a time ("11:00 EST / 17:00 CET" stays US).
fn names_day_first_zone(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let zones: Vec<&str> = words
        .windows(2)
        .filter(|w| is_clock_time(w[0]) && w[1].bytes().all(|b| b.is_ascii_uppercase()))
        .map(|w| w[1])
        .collect();
    !zones.is_empty()
        && zones.iter().all(|z| {
            crate::lexicon::is(crate::lexicon::Class::DayFirstZone, &z.to_ascii_lowercase())
        })
}

/// "14:22", "9:05": hours, a colon, two digits.
pub(crate) fn is_clock_time(w: &str) -> bool {
    w.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    })
}

/// (year, month, day) from the named-month groups of `FULL_DATE_RE`.
fn named_ymd(c: &Groups) -> Option<(i32, u32, u32)> {
    let month = month_number(c.name("m1").or_else(|| c.name("m2"))?.as_str())?;
    let day = num(c, "d1").or_else(|| num(c, "d2"))?;
    let year = num(c, "y1").or_else(|| num(c, "y2"))? as i32;
    Some((year, month, day))
}

/// Valid calendar date with a plausible publication year.
fn plausible_date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1990..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Every full date (with year) in `s`, in order, with its byte range.
fn full_dates(s: &str) -> impl Iterator<Item = (Range<usize>, NaiveDate)> + '_ {
    // Every full date holds a four-digit year: without one the regex is not run (nor built).
    let searched = four_digits(s).then(|| full_date_regex(s).captures_iter(s));
    let day_first = names_day_first_zone(s);
    searched.into_iter().flatten().filter_map(move |c| {
        let r = c.get(0)?.range();
        if !digit_isolated(s, &r) {
            return None;
        }
        let (y, m, d) = numeric_ymd(&c, day_first).or_else(|| named_ymd(&c))?;
        Some((r, plausible_date(y, m, d)?))
    })
}

/// [`FULL_DATE_RE`], or its numeric part when `s` holds no month name: none of the months'
/// first three letters in any ASCII case, nor a long s (ſ, an s to a case-insensitive regex).
fn full_date_regex(s: &str) -> &'static Regex {
    // A month's first letter first: most windows stop there.
    let month = |w: &[u8]| {
        b"jfmasond".contains(&w[0].to_ascii_lowercase())
            && MONTHS_FULL
                .iter()
                .any(|m| w.eq_ignore_ascii_case(&m.as_bytes()[..3]))
    };
    if s.as_bytes().windows(3).any(month) || s.contains('\u{17F}') {
        &FULL_DATE_RE
    } else {
        &FULL_NUMERIC_RE
    }
}

/// Whether `s` holds four ASCII digits in a row.
fn four_digits(s: &str) -> bool {
    let mut run = 0;
    s.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

/// The word (up to 40 chars) that follows `pos` on the same line after spaces, if it starts with a letter.
fn next_word(text: &str, pos: usize) -> Option<&str> {
    let rest = text[pos..].trim_start_matches([' ', '\t', '\u{a0}']);
    let mut end = 0;
    for (i, c) in rest.char_indices().take(40) {
        if !(c.is_alphanumeric() || c == '\'' || c == '’') {
            break;
        }
        end = i + c.len_utf8();
    }
    let word = &rest[..end];
    word.starts_with(char::is_alphabetic).then_some(word)
}

/// The word just before `pos` (within 40 bytes), lowercased.
fn prev_word(text: &str, pos: usize) -> String {
    let before = text[back_boundary(text, pos, 40)..pos].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    word.to_lowercase()
}

/// True when the phrase ending at `end` is followed by an event ("the eve of the summit", "the day before Christmas");
/// with `clauses`, a following pronoun also counts ("the day before he met").
fn followed_by_event(text: &str, end: usize, clauses: bool) -> bool {
    next_word(text, end).is_some_and(|w| {
        let l = w.to_lowercase();
        w.chars().next().is_some_and(char::is_uppercase)
            || EVENT_STARTERS.contains(&l.as_str())
            || (clauses && CLAUSE_PRONOUNS.contains(&l.as_str()))
    })
}

/// Largest char boundary at or after `max(pos - back, 0)`.
fn back_boundary(text: &str, pos: usize, back: usize) -> usize {
    let mut s = pos.saturating_sub(back);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    s
}

// ---------------------------------------------------------------- finders

/// Calendar days written with a month name.
fn day_mentions(text: &str, out: &mut Vec<DateMention>) {
    for c in DAY_TEXT_RE.captures_iter(text) {
        if let (Some(m), Some(kind)) = (c.get(0), text_day_kind(&c)) {
            out.push(DateMention {
                range: m.range(),
                kind,
            });
        }
    }
}

/// Kind of a `DAY_TEXT_RE` match: a Day, or Vague after "since"/"until"/...
fn text_day_kind(c: &Groups) -> Option<DateKind> {
    let month = month_number(c.name("m1").or_else(|| c.name("m2"))?.as_str())?;
    let day = num(c, "d1").or_else(|| num(c, "d2"))?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let year = num(c, "y").map(|y| y as i32);
    match lower(c.name("pre")).as_deref() {
        Some(p) if p != "on" => Some(DateKind::Vague),
        _ => Some(DateKind::Day { year, month, day }),
    }
}

/// Calendar days written with digits only.
fn numeric_mentions(text: &str, out: &mut Vec<DateMention>) {
    for c in NUMERIC_TEXT_RE.captures_iter(text) {
        let Some(r) = c.get(0).map(|m| m.range()) else {
            continue;
        };
        let Some((y, month, day)) = numeric_ymd(&c, false) else {
            continue;
        };
        if digit_isolated(text, &r) && (1..=12).contains(&month) && (1..=31).contains(&day) {
            let kind = DateKind::Day {
                year: Some(y),
                month,
                day,
            };
            out.push(DateMention { range: r, kind });
        }
    }
}

/// Named weekdays ("next Tuesday" is Vague).
fn weekday_mentions(text: &str, out: &mut Vec<DateMention>) {
    for c in WEEKDAY_RE.captures_iter(text) {
        let (Some(m), Some(wd)) = (
            c.get(0),
            c.name("wd").and_then(|w| weekday_from(w.as_str())),
        ) else {
            continue;
        };
        let vague =
            lower(c.name("pre")).is_some_and(|p| VAGUE_WEEKDAY_PREFIXES.contains(&p.as_str()));
        let kind = if vague {
            DateKind::Vague
        } else {
            DateKind::Weekday(wd)
        };
        out.push(DateMention {
            range: m.range(),
            kind,
        });
    }
}

/// Days relative to publication.
/// Fixed-date holidays: "on New Year's Eve", "Christmas Day", "on Independence Day" is not
/// fixed across countries and is left out.
static HOLIDAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:on\s+)?(?:New\s+Year(?:'|\u{2019})?s\s+(?P<ny>Eve|Day)|Christmas\s+(?P<xmas>Eve|Day))\b",
    )
});

fn holiday_mentions(text: &str, out: &mut Vec<DateMention>) {
    for c in HOLIDAY_RE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let (month, day) = match (
            c.name("ny").map(|x| x.as_str().to_lowercase()),
            c.name("xmas").map(|x| x.as_str().to_lowercase()),
        ) {
            (Some(ny), _) if ny == "eve" => (12, 31),
            (Some(_), _) => (1, 1),
            (_, Some(x)) if x == "eve" => (12, 24),
            _ => (12, 25),
        };
        out.push(DateMention {
            range: m.range(),
            kind: DateKind::Day {
                year: None,
                month,
                day,
            },
        });
    }
}

fn relative_mentions(text: &str, out: &mut Vec<DateMention>) {
    for c in RELATIVE_RE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let l = m.as_str().to_lowercase();
        if l.ends_with("today") && TODAY_OUTLETS.contains(&prev_word(text, m.start()).as_str()) {
            continue;
        }
        let offset = if l.contains("before yesterday") {
            -2
        } else if l.contains("yesterday") || l.contains("last night") {
            -1
        } else if let Some(n) = c.name("n") {
            -small_number(n.as_str())
        } else {
            0
        };
        out.push(DateMention {
            range: m.range(),
            kind: DateKind::Relative(offset),
        });
    }
}

/// Value of "a", "two", ..., or a digit string (bounded to two digits by the regex).
fn small_number(w: &str) -> i64 {
    const WORDS: &[&str] = &["a", "one", "two", "three", "four", "five", "six", "seven"];
    let w = w.to_lowercase();
    match WORDS.iter().position(|x| *x == w) {
        Some(0) => 1,
        Some(i) => i as i64,
        None => w.parse().unwrap_or(0),
    }
}

/// Phrases anchored to the previous dated statement.
fn anaphoric_mentions(text: &str, out: &mut Vec<DateMention>) {
    for m in ANAPHORIC_RE.find_iter(text) {
        let l = m.as_str().to_lowercase();
        let event = followed_by_event(text, m.end(), !l.ends_with("time"));
        let span = SPAN_PREPS
            .split('|')
            .any(|p| p == prev_word(text, m.start()));
        let kind = if span {
            DateKind::Vague
        } else {
            anaphoric_kind(&l, event)
        };
        out.push(DateMention {
            range: m.range(),
            kind,
        });
    }
}

/// Kind of an `ANAPHORIC_RE` phrase; `event` when an event noun follows ("the eve of the summit").
fn anaphoric_kind(l: &str, event: bool) -> DateKind {
    let l = l.strip_prefix("on").map_or(l, str::trim_start);
    let eventable = |k: DateKind| if event { DateKind::Vague } else { k };
    if l.contains("same")
        || l.contains("hour")
        || l.contains("minutes")
        || l.starts_with("earlier")
        || l.starts_with("later")
        || l.starts_with("that")
    {
        DateKind::SameDay
    } else if l.ends_with("time") {
        eventable(DateKind::Then)
    } else if l.ends_with("before") || l.ends_with("eve") {
        eventable(DateKind::DayBefore)
    } else if ["earlier", "previous", "prior", "preceding"]
        .iter()
        .any(|w| l.contains(w))
    {
        DateKind::DayBefore
    } else if l.ends_with("after") {
        eventable(DateKind::DayAfter)
    } else {
        DateKind::DayAfter
    }
}

/// Vague phrases from `VAGUE_RE`.
fn vague_mentions(text: &str, out: &mut Vec<DateMention>) {
    for m in VAGUE_RE.find_iter(text) {
        out.push(DateMention {
            range: m.range(),
            kind: DateKind::Vague,
        });
    }
}

/// Month-only phrases ("in June"); skipped when a day number follows ("in June 29").
fn month_only_mentions(text: &str, out: &mut Vec<DateMention>) {
    for m in MONTH_ONLY_RE.find_iter(text) {
        let next = text[m.end()..].trim_start().chars().next();
        if !next.is_some_and(|c| c.is_ascii_digit()) {
            out.push(DateMention {
                range: m.range(),
                kind: DateKind::Vague,
            });
        }
    }
}

/// Temporal "then" ("Then Zelensky said", "He then said", "since then").
fn then_mentions(text: &str, out: &mut Vec<DateMention>) {
    for c in THEN_RE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let kind = match lower(c.name("pre")).as_deref() {
            Some("back") => Some(DateKind::Then),
            Some(_) => Some(DateKind::Vague),
            None => bare_then(text, m.range()).then_some(DateKind::Then),
        };
        if let Some(kind) = kind {
            out.push(DateMention {
                range: m.range(),
                kind,
            });
        }
    }
}

/// Whether a bare "then" at `r` is a temporal adverb rather than "if ..., then" or "the then-minister".
fn bare_then(text: &str, r: Range<usize>) -> bool {
    if text[r.end..].starts_with(['-', '‑']) || modal_follows(text, r.end) {
        return false;
    }
    let before = &text[back_boundary(text, r.start, THEN_LOOKBACK)..r.start];
    let trimmed = before.trim_end();
    let sentence_start = trimmed.is_empty()
        || trimmed.ends_with(['.', '!', '?', ':', ';', '"', '”', '“', '\'', '’', '(', '\n']);
    if sentence_start {
        return true;
    }
    let last_word = trimmed
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let lw = last_word.to_lowercase();
    if trimmed.ends_with(',') || lw == "and" {
        return !in_condition(trimmed);
    }
    THEN_SUBJECTS.contains(&lw.as_str())
        || (last_word.starts_with(char::is_uppercase) && !NOT_THEN_SUBJECTS.contains(&lw.as_str()))
}

/// True when one of the next two words after `pos` is a modal verb ("then Ukraine can return").
fn modal_follows(text: &str, pos: usize) -> bool {
    let mut at = pos;
    for _ in 0..2 {
        let Some(w) = next_word(text, at) else {
            return false;
        };
        if MODALS.contains(&w.to_lowercase().as_str()) {
            return true;
        }
        at = w.as_ptr() as usize - text.as_ptr() as usize + w.len();
    }
    false
}

/// True when the current sentence (text before ", then") opens a condition ("if", "when", ...).
fn in_condition(before: &str) -> bool {
    let sentence = before
        .rsplit(['.', '!', '?', '\n'])
        .next()
        .unwrap_or(before);
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CONDITIONALS.contains(&w.to_lowercase().as_str()))
}

/// Keep the earliest-starting, then longest, non-overlapping mentions.
fn select(mut all: Vec<DateMention>) -> Vec<DateMention> {
    all.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    let mut out: Vec<DateMention> = Vec::new();
    for m in all {
        if out.last().is_none_or(|l| m.range.start >= l.range.end) {
            out.push(m);
        }
    }
    out
}

// ---------------------------------------------------------------- public API

/// A full weekday name, lowercase ("tuesday").
pub fn is_weekday_word(w: &str) -> bool {
    WEEKDAYS_FULL.contains(&w)
}

/// A full month name, lowercase ("june").
pub fn is_month_word(w: &str) -> bool {
    MONTHS_FULL.contains(&w)
}

/// Find every temporal expression in `text`, in order, non-overlapping, preferring the longest.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    type Finder = fn(&str, &mut Vec<DateMention>);
    const FINDERS: [Finder; 9] = [
        day_mentions,
        holiday_mentions,
        numeric_mentions,
        weekday_mentions,
        relative_mentions,
        anaphoric_mentions,
        vague_mentions,
        month_only_mentions,
        then_mentions,
    ];
    let mut all = Vec::new();
    // One scan for the finders' words says which of them can match: only those run (and only
    // their regexes are built).
    let possible = guard::possible(text);
    for (i, find) in FINDERS.iter().enumerate() {
        if possible & (1 << i) != 0 {
            find(text, &mut all);
        }
    }
    select(all)
}

/// Calls of `date_at_start` so far (up to about [`SET_AFTER_CALLS`]).
static START_CALLS: AtomicUsize = AtomicUsize::new(0);

/// Count a call on `calls`; true while fewer than [`SET_AFTER_CALLS`] came before it. Past
/// that the counter is only read: workers that all wrote it would pass its cache line back and
/// forth on every call.
fn below_set_threshold(calls: &AtomicUsize) -> bool {
    calls.load(Ordering::Relaxed) < SET_AFTER_CALLS
        && calls.fetch_add(1, Ordering::Relaxed) < SET_AFTER_CALLS
}

/// Every finder's regex, in `find_dates`' order.
fn finder_regexes() -> [&'static Regex; 9] {
    [
        &DAY_TEXT_RE,
        &HOLIDAY_RE,
        &NUMERIC_TEXT_RE,
        &WEEKDAY_RE,
        &RELATIVE_RE,
        &ANAPHORIC_RE,
        &VAGUE_RE,
        &MONTH_ONLY_RE,
        &THEN_RE,
    ]
}

/// `date_at_start` calls before [`MENTION_SET`] is worth building.
const SET_AFTER_CALLS: usize = 200;

/// The regexes of `find_dates`' finders as one set, searched anchored by [`date_at_start`].
static MENTION_SET: LazyLock<meta::Regex> = LazyLock::new(|| {
    let patterns: Vec<&str> = finder_regexes().iter().map(|r| r.as_str()).collect();
    meta::Regex::builder()
        .configure(meta::Config::new().match_kind(MatchKind::All))
        .build_many(&patterns)
        .expect("dates: the finders' regexes")
});

/// The mention [`find_dates`] would give first, when it starts the text ("the same day that
/// ..."); over many texts, one anchored scan of [`MENTION_SET`] rules out most of them (the
/// set is built only then).
pub fn date_at_start(text: &str) -> Option<DateMention> {
    // A mention can start there only if one of the finders' regexes matches there (every
    // mention is a whole match of its finder's regex): the set, searched anchored.
    if !below_set_threshold(&START_CALLS)
        && !MENTION_SET.is_match(Input::new(text).anchored(Anchored::Yes))
    {
        return None;
    }
    find_dates(text)
        .into_iter()
        .next()
        .filter(|m| m.range.start == 0)
}

/// Resolve a mention to a calendar day given the publication date and the previous dated statement's day.
pub fn resolve(
    kind: DateKind,
    published: Option<NaiveDate>,
    anchor: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match kind {
        DateKind::Day {
            year: Some(y),
            month,
            day,
        } => NaiveDate::from_ymd_opt(y, month, day),
        DateKind::Day {
            year: None,
            month,
            day,
        } => resolve_yearless(month, day, published, anchor),
        DateKind::Weekday(w) => latest_weekday(published?, w),
        DateKind::Relative(n) => shift(published?, n),
        DateKind::SameDay | DateKind::Then => anchor,
        DateKind::DayBefore => anchor?.pred_opt(),
        DateKind::DayAfter => anchor?.succ_opt(),
        DateKind::Vague => None,
    }
}

/// Latest year (up to 8 back, for Feb 29) that keeps month/day on or before publication.
fn resolve_yearless(
    month: u32,
    day: u32,
    published: Option<NaiveDate>,
    anchor: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match (published, anchor) {
        (Some(p), _) => (0..=8)
            .map(|k| p.year() - k)
            .find_map(|y| NaiveDate::from_ymd_opt(y, month, day).filter(|d| *d <= p)),
        (None, Some(a)) => NaiveDate::from_ymd_opt(a.year(), month, day),
        (None, None) => None,
    }
}

/// The latest `w` on or before `p` (`p` itself counts).
fn latest_weekday(p: NaiveDate, w: Weekday) -> Option<NaiveDate> {
    let back = (p.weekday().num_days_from_monday() + 7 - w.num_days_from_monday()) % 7;
    p.checked_sub_days(Days::new(u64::from(back)))
}

/// `p` shifted by `n` days, None on overflow.
fn shift(p: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        p.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        p.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// Parse the first full date with a 4-digit year (1990..=2100) in a dateline or metadata string.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    full_dates(s).next().map(|(_, d)| d)
}

/// True when the whole trimmed line is a dateline: date with year plus labels, weekday, time, zone, separators.
pub fn is_dateline(line: &str) -> bool {
    let t = line.trim();
    is_plain_dateline(t) || without_place(t).is_some_and(is_plain_dateline)
}

/// Most letters of a section label opening a dateline ("World Feb 15, 2022").
const SECTION_LABEL_MAX_CHARS: usize = 16;

/// The line after a leading section label ("World ", "Politics "): one capitalised word of
/// letters.
pub fn without_section(t: &str) -> Option<&str> {
    let (label, rest) = t.split_once(' ')?;
    let labellike = label.starts_with(char::is_uppercase)
        && label.chars().all(char::is_alphabetic)
        && label.chars().count() <= SECTION_LABEL_MAX_CHARS;
    labellike.then(|| rest.trim_start())
}

/// Most words of a place opening a dateline ("Lviv, 14 March 2024, 10:05").
const DATELINE_PLACE_WORDS: usize = 3;

/// The line after a leading place name and its comma ("Lviv, ", "Rio de Janeiro, "): up to
/// three words of letters, the first capitalised.
fn without_place(t: &str) -> Option<&str> {
    let (place, rest) = t.split_once(',')?;
    let mut words = place.split_whitespace();
    let first = words.next()?;
    // Counted only as far as it takes to know there are too many.
    let more = words.take(DATELINE_PLACE_WORDS).count();
    let placelike = more < DATELINE_PLACE_WORDS
        && first.starts_with(char::is_uppercase)
        && place
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.');
    placelike.then(|| rest.trim())
}

/// The line is a date, with labels, weekdays, times and separators only.
fn is_plain_dateline(t: &str) -> bool {
    if t.is_empty() || t.len() > 200 {
        return false;
    }
    let mut rest = String::new();
    let mut last = 0;
    for (r, _) in full_dates(t) {
        rest.push_str(&t[last..r.start]);
        rest.push(' ');
        last = r.end;
    }
    if last == 0 {
        return false;
    }
    rest.push_str(&t[last..]);
    rest.split(|c: char| c.is_whitespace() || "|,;/•·()[]–—\"".contains(c))
        .all(dateline_token_ok)
}

/// Whether a dateline fragment is a label, weekday, time, zone, reading-time part or separator.
pub fn dateline_token_ok(tok: &str) -> bool {
    let t = tok.trim_end_matches([',', ':', '.']).to_lowercase();
    t.chars().all(|c| DATELINE_SEPARATORS.contains(&c))
        || crate::lexicon::is(crate::lexicon::Class::DatelineWord, &t)
        || WEEKDAYS_FULL.contains(&t.as_str())
        || WEEKDAYS_ABBR.contains(&t.as_str())
        || DATELINE_TOKEN_RE.is_match(&t)
}

// ---------------------------------------------------------------- tests

#[cfg(test)]
mod tests;
