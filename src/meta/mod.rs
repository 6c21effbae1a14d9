//! Article metadata: publication date, byline, title and outlet, from the classified blocks
//! (and from the input format's own metadata, which wins where present).
//!
//! [`Meta`] is the one metadata type: HTML extraction fills it from the page head, the text
//! rules here fill what is still missing, and every claim carries it. [`byline`] is the one
//! judge of which byline strings are people.

mod bounded;
pub(crate) mod byline;
pub mod pick;
pub mod pubdate;

use crate::dates;
use crate::document::Document;
use crate::lexicon::{self, Class};
use crate::strip::{Block, BlockKind};
use bounded::Bounded;
use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// What an article says about itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The headline, when found.
    pub title: Option<String>,
    /// The outlet, only where the page or the text names it.
    pub outlet: Option<String>,
    /// Publication day (written as an ISO 8601 day).
    #[serde(default, with = "iso_day")]
    pub published: Option<NaiveDate>,
    /// Authors, without photographers or wire credits.
    pub byline: Vec<String>,
    /// Which source gave the day and the byline (`natoclaims meta --explain`); a note about the
    /// record, not part of it.
    #[serde(skip)]
    pub origin: Origin,
}

/// The names of the sources that gave a record's fields.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Origin {
    /// The publication day's source ("json-ld datePublished", "text dateline").
    pub published: Option<&'static str>,
    /// The byline's source ("meta author", "text byline").
    pub byline: Option<&'static str>,
}

impl PartialEq for Origin {
    /// Provenance never makes two records differ: equal fields are equal metadata.
    fn eq(&self, _: &Origin) -> bool {
        true
    }
}

/// Serde for an optional day as `"YYYY-MM-DD"`.
mod iso_day {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Write the day as `"YYYY-MM-DD"`, or null.
    pub fn serialize<S: Serializer>(day: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match day {
            Some(d) => s.serialize_some(&d.to_string()),
            None => s.serialize_none(),
        }
    }

    /// Read `"YYYY-MM-DD"` or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// "KYIV (Reuters) -": group 2 is the agency.
static WIRE_DATELINE: Bounded = Bounded::new(
    r"^\p{Lu}(?<place>[\p{Lu}\p{L} .,'\-]{1,40})\((\p{Lu}(?<agency>[\p{L}. \-]{1,30}))\)\s*[-–—]",
    &[("place", 40), ("agency", 30)],
    &["("],
);
/// "© 2024 Brussels Morning Post.": group 1 is the holder.
static COPYRIGHT_HOLDER: Bounded = Bounded::new(
    r"(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?([\p{L}](?<holder>[\p{L}&'. \-]{1,60}?))\s*(?:[,.]|\d{4}|All rights|$)",
    &[("holder", 60)],
    &["©", "(c)", "Copyright"],
);
/// "... By Reuters" closing a headline.
static TITLE_WIRE_CREDIT: Bounded = Bounded::new(
    r"\s+By\s+\p{Lu}(?<credit>[\p{L} ]{1,30})$",
    &[("credit", 30)],
    &["By"],
);

/// A year-less wire dateline opening the text: "MOSCOW, February 17. /TASS/.".
static YEARLESS_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[^,\n]*),\s+(\p{L}+)\.?\s+(\d{1,2})(?:\D|$)").expect("valid regex")
});

/// A dateline's place name ("MOSCOW") has at most this many characters.
const DATELINE_PLACE_MAX_CHARS: usize = 40;
/// A headline line has at least this many words; shorter lines before the body are labels
/// ("Politics", "World news").
const TITLE_MIN_WORDS: usize = 4;
/// With no longer headline, the file's very first line is its title from this many words
/// ("Ukraine and NATO").
const FIRST_LINE_TITLE_MIN_WORDS: usize = 3;
/// A copyright holder has at most this many words; more is a sentence about rights.
const COPYRIGHT_HOLDER_MAX_WORDS: usize = 6;

/// The source name of a publication day that is only the day the page was fetched.
const FETCHED_ORIGIN: &str = "warc date (fetched)";

/// Gather the article's metadata from its blocks.
pub fn read(doc: &Document, blocks: &[Block]) -> Meta {
    let src = &doc.source_meta;
    let text_of = |b: &Block| &doc.text[b.range.clone()];
    let published = src
        .published
        .or_else(|| published(doc, blocks))
        .or_else(|| yearless_dateline(doc, blocks));
    let fetched = published.is_none().then_some(doc.fetched_on).flatten();
    let published = published.or(fetched);
    let byline = if src.byline.is_empty() {
        byline(doc, blocks)
    } else {
        src.byline.clone()
    };
    let origin = Origin {
        published: match fetched {
            Some(_) => Some(FETCHED_ORIGIN),
            None => src.origin.published.or(published.map(|_| "text dateline")),
        },
        byline: src
            .origin
            .byline
            .or((!byline.is_empty()).then_some("text byline")),
    };
    Meta {
        title: src.title.clone().or_else(|| title(doc, blocks)),
        outlet: src
            .outlet
            .clone()
            .or_else(|| outlet(blocks.iter().map(text_of))),
        published,
        byline,
        origin,
    }
}

/// The first headline-like line before the first body paragraph, wire credit removed.
fn title(doc: &Document, blocks: &[Block]) -> Option<String> {
    match headline_block(doc, blocks) {
        Some(i) => {
            let t = &doc.text[blocks[i].range.clone()];
            Some(TITLE_WIRE_CREDIT.remove_first(t).trim().to_string())
        }
        None => short_first_line_title(doc, blocks),
    }
}

/// The index of the first headline before the first body paragraph: long enough, and no
/// furniture or menu.
fn headline_block(doc: &Document, blocks: &[Block]) -> Option<usize> {
    blocks
        .iter()
        .take_while(|b| b.kind != BlockKind::Body)
        .position(|b| {
            let t = &doc.text[b.range.clone()];
            b.kind == BlockKind::Headline
                && t.split_whitespace().count() >= TITLE_MIN_WORDS
                && !is_furniture(t)
                && !is_menu(t)
        })
}

/// A breadcrumb's mark between fields ("Home › World"), besides [`FIELD_SEPARATORS`].
const BREADCRUMB: char = '\u{203a}';

/// A line divided into fields that are all shorter than a headline: a menu, a breadcrumb or a
/// masthead ("Business | Markets | World", "COAST HERALD | Regional edition"). "Harbour Towns
/// Weigh Levy | Coast Herald" stays a title.
fn is_menu(line: &str) -> bool {
    let mark = |c: char| FIELD_SEPARATORS.contains(&c) || c == BREADCRUMB;
    line.contains(mark)
        && line
            .split(mark)
            .all(|f| f.split_whitespace().count() < TITLE_MIN_WORDS)
}

/// With no longer headline before the body, a first line of three words is the title
/// ("Ukraine and NATO"), unless it is an outlet's name, a time or an unfinished dateline.
fn short_first_line_title(doc: &Document, blocks: &[Block]) -> Option<String> {
    let first = blocks.first().filter(|b| b.kind == BlockKind::Headline)?;
    let t = doc.text[first.range.clone()].trim();
    let titled = t.split_whitespace().count() >= FIRST_LINE_TITLE_MIN_WORDS
        && !t.contains(|c: char| c.is_ascii_digit())
        && !t.ends_with(['-', '\u{2013}', '\u{2014}', ','])
        && !is_furniture(t)
        && !is_menu(t)
        && !crate::attribution::speakers::is_outlet_name(t);
    titled.then(|| t.to_string())
}

/// A line of page furniture addressed to the reader ("please follow us on Telegram")?
fn is_furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    lexicon::members(Class::FurniturePhrase)
        .iter()
        .any(|p| lower.contains(p))
}

/// A year-less wire dateline's day ("MOSCOW, February 17. /TASS/."), its year taken from the
/// first full date in the text; unresolved when the text has none.
fn yearless_dateline(doc: &Document, blocks: &[Block]) -> Option<NaiveDate> {
    let line = blocks
        .iter()
        .take_while(|b| b.kind != BlockKind::Body)
        .chain(blocks.iter().find(|b| b.kind == BlockKind::Body))
        .find_map(|b| YEARLESS_DATELINE.captures(&doc.text[b.range.clone()]))?;
    if line[1].chars().count() > DATELINE_PLACE_MAX_CHARS {
        return None;
    }
    let month = pubdate::month_number(&line[2])?;
    let day: u32 = line[3].parse().ok()?;
    let year = dates::find_dates(&doc.text)
        .into_iter()
        .find_map(|m| match m.kind {
            dates::DateKind::Day { year: Some(y), .. } => Some(y),
            _ => None,
        })?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Publication date: the scraper's date prefix, else the first dateline or dated byline
/// before the body ends, else a masthead field; never a caption.
fn published(doc: &Document, blocks: &[Block]) -> Option<NaiveDate> {
    labelled_date(doc, blocks)
        .or_else(|| masthead_date(doc, blocks))
        .or_else(|| named_month_date(doc, blocks))
}

/// In plain text, a header line (or a field of one) before the body that is a date with its
/// month named in any language ("19 agosto 2025 | 08:12", "3. März 2021, 14:00") or a
/// dateline after a section label ("World Feb 15, 2022").
fn named_month_date(doc: &Document, blocks: &[Block]) -> Option<NaiveDate> {
    if doc.format != crate::document::SourceFormat::Text {
        return None;
    }
    // A headline of two sentences may read as prose; the body starts at a paragraph.
    let words = |b: &Block| doc.text[b.range.clone()].split_whitespace().count();
    blocks
        .iter()
        .take_while(|b| b.kind != BlockKind::Body || words(b) < PARAGRAPH_MIN_WORDS)
        .filter(|b| b.kind != BlockKind::Caption)
        .flat_map(|b| doc.text[b.range.clone()].lines())
        .flat_map(|line| line.split(FIELD_SEPARATORS))
        .find_map(|field| {
            named_month_field(field)
                .or_else(|| section_dated(field))
                .or_else(|| label_led_date(field))
        })
}

/// Most words before a header date in its field: a label, a weekday, a place ("Publié le
/// vendredi 2 juillet 2010", "Enviada especial. Bucarest - 30 NOV 2022").
const DATE_LEAD_WORDS_MAX: usize = 4;
/// Most tokens after the date's year, up to a dash: a time and its label ("à 17h42").
const DATE_TAIL_TOKENS_MAX: usize = 3;

/// The day of a header field where a date with a named month follows a few words of a label
/// in any language, and at most a time follows it ("Publicerad 8 mars 2024 kl. 06.00").
fn label_led_date(field: &str) -> Option<NaiveDate> {
    let toks: Vec<&str> = field
        .split(|c: char| c.is_whitespace() || ",;()".contains(c))
        .filter(|t| !t.is_empty())
        .collect();
    let (start, end) = named_date_span(&toks)?;
    let dash = |t: &&str| t.chars().all(|c| "-\u{2013}\u{2014}".contains(c));
    let lead: Vec<String> = toks[..start]
        .iter()
        .filter(|t| !dash(t))
        .map(|t| t.to_lowercase())
        .collect();
    let tail = toks[end..].iter().take_while(|t| !dash(t)).count();
    let wordy = lead.len() > DATE_LEAD_WORDS_MAX
        || lead
            .iter()
            .any(|t| t.contains(|c: char| c.is_ascii_digit()))
        || tail > DATE_TAIL_TOKENS_MAX;
    // A time after the date marks a stamp; a title or a line of prose ("Ukraine since 24
    // February 2022") has none.
    let stamped = toks[end..]
        .iter()
        .filter(|t| !dash(t))
        .take(DATE_TAIL_TOKENS_MAX)
        .any(|t| is_clock_time(t));
    if wordy || !stamped || names_update_label(&lead) {
        return None;
    }
    pubdate::parse(&toks[start..end].join(" ")).map(|s| s.day)
}

/// A time of day, its hours and minutes parted by a colon, a dot or an "h" ("21:14", "06.00",
/// "17h42").
fn is_clock_time(t: &str) -> bool {
    dates::is_clock_time(&t.replace(['.', 'h'], ":"))
}

/// The words hold a revision label, of one word or several ("updated", "mis à jour").
fn names_update_label(words: &[String]) -> bool {
    let words: Vec<&str> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .collect();
    lexicon::members(Class::UpdateLabel).iter().any(|label| {
        let label: Vec<&str> = label.split_whitespace().collect();
        words.windows(label.len()).any(|w| w == label.as_slice())
    })
}

/// Where a day, a month name and a year stand together, in either order of day and month.
fn named_date_span(toks: &[&str]) -> Option<(usize, usize)> {
    let m = toks
        .iter()
        .position(|t| pubdate::month_number(t).is_some())?;
    let is_day = |t: &str| {
        t.trim_end_matches('.')
            .parse::<u32>()
            .is_ok_and(|d| (1..=31).contains(&d))
    };
    let is_year = |t: &str| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
    let at = |i: usize, f: &dyn Fn(&str) -> bool| toks.get(i).is_some_and(|t| f(t));
    if m >= 1 && at(m - 1, &is_day) && at(m + 1, &is_year) {
        Some((m - 1, m + 2))
    } else if at(m + 1, &is_day) && at(m + 2, &is_year) {
        Some((m, m + 3))
    } else {
        None
    }
}

/// A block of prose this long is the body's first paragraph, not a headline or a dek.
const PARAGRAPH_MIN_WORDS: usize = 20;

/// A header field that is a dateline after a one-word section label ("World Feb 15, 2022
/// 6:40 PM EST"); read only in the header, where such labels stand.
fn section_dated(field: &str) -> Option<NaiveDate> {
    dates::without_section(field.trim())
        .filter(|rest| dates::is_dateline(rest))
        .and_then(dates::parse_date)
}

/// The day of a field made of numbers, a month name (any language) and dateline words only
/// (times, zones, labels).
fn named_month_field(field: &str) -> Option<NaiveDate> {
    let mut named = false;
    for tok in field.split(|c: char| c.is_whitespace() || ",;/()\u{2013}\u{2014}".contains(c)) {
        let number = tok
            .trim_end_matches('.')
            .bytes()
            .all(|b| b.is_ascii_digit());
        if pubdate::month_number(tok).is_some() {
            named = true;
        } else if !number && !dates::dateline_token_ok(tok) {
            return None;
        }
    }
    named
        .then(|| pubdate::parse(field))
        .flatten()
        .map(|s| s.day)
}

/// The first date of a date, dateline or byline block, or of a header line opening with
/// "Published".
fn labelled_date(doc: &Document, blocks: &[Block]) -> Option<NaiveDate> {
    let first_body = blocks.iter().position(|b| b.kind == BlockKind::Body);
    blocks.iter().enumerate().find_map(|(i, b)| {
        let t = &doc.text[b.range.clone()];
        match b.kind {
            BlockKind::DateMeta | BlockKind::Dateline | BlockKind::Byline => dates::parse_date(t),
            BlockKind::Headline
                if first_body.is_none_or(|f| i < f)
                    && t.to_lowercase().starts_with("published") =>
            {
                dates::parse_date(t)
            }
            _ => None,
        }
    })
}

/// Authors from the first byline block; wire credits and photographers dropped. With none, a
/// credit line between the title and the first paragraph ("Interview by Jane Doe", "Jane Doe
/// in Kyiv", "Jane Doe, Diplomatic Editor").
fn byline(doc: &Document, blocks: &[Block]) -> Vec<String> {
    let names_of = |b: &Block| {
        let names =
            (b.kind == BlockKind::Byline).then(|| byline::from_line(&doc.text[b.range.clone()]))?;
        (!names.is_empty()).then_some(names)
    };
    // "By Jane Doe" and "By John Roe" on lines of their own, one after the other, are one
    // byline.
    let from_blocks = blocks
        .iter()
        .position(|b| names_of(b).is_some())
        .map(|first| {
            let mut names: Vec<String> = Vec::new();
            for name in blocks[first..].iter().map_while(names_of).flatten() {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            names
        });
    from_blocks
        .or_else(|| header_credit(doc, blocks))
        .unwrap_or_default()
}

/// Blocks from the top of a text where a credit line may stand (title, dek, credit, dateline).
const HEADER_BLOCKS: usize = 6;

/// The field opens with a word of revision ("Updated June 9, 2022"): not the publication day.
fn opens_with_update_label(field: &str) -> bool {
    field
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .is_some_and(|w| crate::lexicon::is(crate::lexicon::Class::UpdateLabel, &w.to_lowercase()))
}

/// Marks dividing a header line into fields ("Digest | No. 8", "May 12, 2023 · Analysis").
const FIELD_SEPARATORS: [char; 3] = ['|', '\u{b7}', '\u{2022}'];

/// In plain text, a header line divided by pipes or dots with a field that is a dateline alone
/// ("The Harbour Ledger | Tuesday 9 May 2023 17:05 CET", "May 12, 2023 · Analysis").
fn masthead_date(doc: &Document, blocks: &[Block]) -> Option<NaiveDate> {
    if doc.format != crate::document::SourceFormat::Text {
        return None;
    }
    blocks
        .iter()
        .take(HEADER_BLOCKS)
        .take_while(|b| b.kind != BlockKind::Body || is_short_line(&doc.text[b.range.clone()]))
        .filter(|b| b.kind != BlockKind::Caption)
        .map(|b| &doc.text[b.range.clone()])
        .filter(|line| line.contains(FIELD_SEPARATORS))
        .find_map(|line| {
            line.split(FIELD_SEPARATORS)
                .map(str::trim)
                .filter(|field| !opens_with_update_label(field))
                .find(|field| dates::is_dateline(field))
                .and_then(dates::parse_date)
        })
}

/// The names of the first credit line among the lines after the title and before the first
/// paragraph of prose, in plain text only (a web page's header lines are menus and widgets, and
/// its authors come from its markup).
fn header_credit(doc: &Document, blocks: &[Block]) -> Option<Vec<String>> {
    if doc.format != crate::document::SourceFormat::Text {
        return None;
    }
    let title = headline_block(doc, blocks).or_else(|| {
        blocks
            .iter()
            .position(|b| matches!(b.kind, BlockKind::Headline | BlockKind::Body))
    })?;
    blocks
        .iter()
        .skip(title + 1)
        .take(HEADER_BLOCKS)
        .take_while(|b| b.kind != BlockKind::Body || is_short_line(&doc.text[b.range.clone()]))
        .filter(|b| b.kind != BlockKind::Caption)
        .find_map(|b| {
            let line = &doc.text[b.range.clone()];
            credit_in_fields(line).or_else(|| credit_pair(&doc.text, line))
        })
}

/// "Jane Doe, John Roe": names joined by commas alone credit the authors only when the text
/// names none of them anywhere but in credit lines ("Reporting by Jane Doe"); a line of the
/// people the story is about ("Volodymyr Zelensky, Jens Stoltenberg") names them again.
fn credit_pair(text: &str, line: &str) -> Option<Vec<String>> {
    let names = byline::comma_credit_names(line);
    let elsewhere = |name: &String| {
        text.lines()
            .filter(|l| l.trim() != line.trim() && l.contains(name.as_str()))
            .any(|l| !byline::has_label(l))
    };
    (!names.is_empty() && !names.iter().any(elsewhere)).then_some(names)
}

/// The names a header line credits, read field by field when pipes divide it ("Politico
/// Europe | By Jane Doe", "Daily Post | Politics | Jane Doe in Kyiv"): a field with a byline
/// label, or else a field of names alone.
fn credit_in_fields(line: &str) -> Option<Vec<String>> {
    let fields = || line.split('|').map(str::trim);
    let labelled = || fields().map(byline::from_line);
    // The first field of a divided line is the outlet's name, not a credit; a later field of a
    // bare name may be a tag ("Kyiv Post | Joe Biden | Analysis"), so it counts only with a
    // place ("Jane Doe in Kyiv").
    let plain = || {
        fields()
            .skip(1)
            .filter(|f| f.contains(" in "))
            .map(byline::from_credit_line)
    };
    let found = |mut names: Vec<String>| {
        names.dedup();
        (!names.is_empty()).then_some(names)
    };
    let whole = byline::from_credit_line(line);
    if !whole.is_empty() || !line.contains('|') {
        return found(whole);
    }
    // "Jane Doe | Staff Correspondent": a name, then a person's role in the next field ("Jane
    // Doe | World News" tags a story about her).
    let with_role = || {
        let mut f = fields();
        let (name, role) = (f.next()?, f.next()?);
        let person_role = role
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| lexicon::is(Class::CreditRole, w));
        person_role.then(|| byline::from_credit_line(&format!("{name}, {role}")))
    };
    labelled()
        .find(|n| !n.is_empty())
        .or_else(|| plain().find(|n| !n.is_empty()))
        .or_else(|| with_role().filter(|n| !n.is_empty()))
        .and_then(found)
}

/// Most words of a credit line.
const CREDIT_MAX_WORDS: usize = 14;

/// A line short enough to be a credit, not a paragraph.
fn is_short_line(s: &str) -> bool {
    s.split_whitespace().count() <= CREDIT_MAX_WORDS
}

/// Outlet named by a wire dateline ("KYIV (Reuters) –") or a copyright line.
fn outlet<'a>(mut lines: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut copyright = None;
    for l in lines.by_ref() {
        if let Some(c) = WIRE_DATELINE.captures(l) {
            return Some(c[2].trim().to_string());
        }
        if copyright.is_none() {
            copyright = COPYRIGHT_HOLDER
                .captures(l)
                .map(|c| c[1].trim().to_string())
                .filter(|h| {
                    !h.is_empty() && h.split_whitespace().count() <= COPYRIGHT_HOLDER_MAX_WORDS
                });
        }
    }
    copyright
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `head` (title and header lines), then a paragraph of body.
    fn with_body(head: &str) -> String {
        format!(
            "{head}\n\nThe ferry board said on Monday that the levy would be voted on in June, and \
            the mayors of both towns said they would attend the vote.\n"
        )
    }

    fn meta_of(text: &str) -> Meta {
        let doc = Document::from_text(text);
        read(&doc, &crate::strip::classify(&doc))
    }

    #[test]
    fn yearless_wire_dateline_takes_the_year_of_the_text() {
        let text = "Ministers meet again over the grain corridor deal in the capital\n\n\
            OSLO, March 4. /NTB/. The ministry said on Monday that the talks would continue next \
            week, officials told reporters in the capital.\n\n\
            The first round was held on February 28, 2023, officials said, and more are planned.\n";
        assert_eq!(
            meta_of(text).published.map(|d| d.to_string()).as_deref(),
            Some("2023-03-04")
        );
        let no_year = text.replace(", 2023", "");
        assert_eq!(meta_of(&no_year).published, None);
    }

    #[test]
    fn reader_furniture_is_never_the_title() {
        let text =
            "Because our website is blocked in some places, please follow us on our channel\n\n\
            Ministers meet again over the grain corridor deal in the capital\n\n\
            The ministry said on Monday that the talks would continue next week, officials told \
            reporters in the capital on Monday, and more talks are planned.\n";
        let title = meta_of(text).title.unwrap_or_default();
        assert!(!title.contains("follow us"), "{title}");
    }

    #[test]
    fn a_menu_or_masthead_is_never_the_title() {
        let text = "Harbour | Towns | Ferries | Weather | Jobs\n\n\
            COAST HERALD | Regional edition\n\n\
            Harbour towns weigh a new ferry levy\n\n\
            The ferry board said on Monday that the levy would be voted on in June, and the \
            mayors of both towns said they would attend the vote.\n";
        assert_eq!(
            meta_of(text).title.as_deref(),
            Some("Harbour towns weigh a new ferry levy")
        );
        let outlet_after = text.replace(
            "Harbour towns weigh a new ferry levy\n",
            "Harbour Towns Weigh Levy | Coast Herald\n",
        );
        assert_eq!(
            meta_of(&outlet_after).title.as_deref(),
            Some("Harbour Towns Weigh Levy | Coast Herald")
        );
    }

    #[test]
    fn a_labelled_date_in_the_body_is_no_dateline() {
        let text = "Harbour towns weigh a new ferry levy\n\n\
            The ferry board said on Monday that the levy would be voted on in June, and the \
            mayors of both towns said they would attend the vote.\n\n\
            Opening June 3, 2019\n\n\
            The first ferry crossed the fjord that summer, and the fares have risen every year \
            since then, the board said.\n\nUpdated March 3, 2024\n";
        assert_eq!(
            meta_of(text).published.map(|d| d.to_string()).as_deref(),
            Some("2024-03-03")
        );
    }

    #[test]
    fn header_dates_in_other_languages_and_with_a_section_label() {
        let text =
            |header: &str| with_body(&format!("Harbour towns weigh a new ferry levy\n\n{header}"));
        let day = |header: &str| meta_of(&text(header)).published.map(|d| d.to_string());
        assert_eq!(day("7 giugno 2022 | 08:12").as_deref(), Some("2022-06-07"));
        assert_eq!(
            day("7. Juni 2022, 18:42 Uhr").as_deref(),
            Some("2022-06-07")
        );
        assert_eq!(
            day("Regional Jun 7, 2022 6:40 PM EST").as_deref(),
            Some("2022-06-07")
        );
        assert_eq!(
            day("JUNE 7, 2022 / 7:24 PM / UPDATED 2 HOURS AGO").as_deref(),
            Some("2022-06-07")
        );
        // A month name among words of prose is no date line.
        assert_eq!(day("Levy vote in giugno 2022 delayed"), None);
    }

    #[test]
    fn header_dates_after_a_label_in_another_language() {
        let text = |header: &str| {
            with_body(&format!(
                "Harbour towns weigh a new ferry levy\n\nBy Ana Lind\n{header}"
            ))
        };
        let day = |header: &str| meta_of(&text(header)).published.map(|d| d.to_string());
        assert_eq!(
            day("Publié le mardi 7 juin 2022 à 08h12 - Mis à jour à 10h05").as_deref(),
            Some("2022-06-07")
        );
        assert_eq!(
            day("Publicerad 7 juni 2022 kl. 06.00").as_deref(),
            Some("2022-06-07")
        );
        assert_eq!(
            day("Enviado especial. Bergen - 7 JUN 2022 - 21:14 CET").as_deref(),
            Some("2022-06-07")
        );
        // A dek's prose around a date, and a revision label, give no publication day.
        assert_eq!(
            day("Mayors met in Bergen on 7 June 2022 to weigh the levy"),
            None
        );
        assert_eq!(label_led_date("Updated 7 June 2022 at 08:12"), None);
        assert_eq!(label_led_date("Mis à jour le 9 juin 2022 à 10h00"), None);
        // With no time after it, a date in a short line is a title's or a list's.
        assert_eq!(label_led_date("Key dates: 11 July 2023"), None);
        assert_eq!(label_led_date("Bergen since 7 June 2022"), None);
    }

    #[test]
    fn credits_with_a_role_field_or_a_label_of_their_own() {
        let text =
            |header: &str| with_body(&format!("Harbour towns weigh a new ferry levy\n\n{header}"));
        let by = |header: &str| meta_of(&text(header)).byline;
        assert_eq!(by("Ana Lind | Staff Correspondent"), ["Ana Lind"]);
        assert_eq!(
            by("Ana Lind | Senior Fellow, Nordic Programme"),
            ["Ana Lind"]
        );
        assert_eq!(by("Words: Ana Lind | Photos: Per Moe"), ["Ana Lind"]);
        assert_eq!(
            by("Live reporting by Ana Lind, Per Moe and Eva Dahl"),
            ["Ana Lind", "Per Moe", "Eva Dahl"]
        );
        // A name and an office that is no author's role: the story's subject.
        assert!(by("Ana Lind | Harbour Master").is_empty());
        assert!(by("Ana Lind | World News").is_empty());
    }

    #[test]
    fn credits_of_several_forms() {
        let text =
            |header: &str| with_body(&format!("Harbour towns weigh a new ferry levy\n\n{header}"));
        let by = |header: &str| meta_of(&text(header)).byline;
        assert_eq!(
            by("Ana Lind, Per Moe and Eva Dahl\n4 MIN READ"),
            ["Ana Lind", "Per Moe", "Eva Dahl"]
        );
        // Not names the story is about.
        let subjects = meta_of(&text("Ana Lind, Per Moe").replace("The ferry board", "Per Moe"));
        assert!(subjects.byline.is_empty(), "{:?}", subjects.byline);
        assert_eq!(by("Ana Lind, Per Moe"), ["Ana Lind", "Per Moe"]);
        assert_eq!(by("By Ana Lind\nBy Ana Lind"), ["Ana Lind"]);
        assert_eq!(
            by("Ana Lind (now) and Per Moe (earlier)"),
            ["Ana Lind", "Per Moe"]
        );
        assert_eq!(by("BY ANA LIND AND PER MOE"), ["ANA LIND", "PER MOE"]);
        assert_eq!(
            by("By \u{2014} Ana Lind\nBy \u{2014} Per Moe"),
            ["Ana Lind", "Per Moe"]
        );
        assert_eq!(
            by("Dr. Ana Lind, Senior Fellow, Maritime Programme"),
            ["Ana Lind"]
        );
        assert!(by("Ana Lind, Kyiv Post").is_empty());
    }

    #[test]
    fn credit_in_a_header_line_divided_by_pipes() {
        let text = |header: &str| {
            with_body(&format!(
                "date 2021-05-04\nHarbour towns weigh a new ferry levy\n{header}"
            ))
        };
        let by = meta_of(&text("Coast Herald | Regional | By Ana Lind and Per Moe"));
        assert_eq!(by.byline, ["Ana Lind", "Per Moe"]);
        let plain = meta_of(&text("Coast Herald | Ana Lind in Bergen"));
        assert_eq!(plain.byline, ["Ana Lind"]);
        let outlet_only = meta_of(&text("Coast Herald | Regional | Ferries"));
        assert!(outlet_only.byline.is_empty(), "{:?}", outlet_only.byline);
        let tag = meta_of(&text("Coast Herald | Ana Lind | Analysis"));
        assert!(tag.byline.is_empty(), "{:?}", tag.byline);
    }

    #[test]
    fn masthead_field_that_is_a_date_gives_the_day() {
        let text =
            |header: &str| with_body(&format!("Harbour towns weigh a new ferry levy\n{header}"));
        let day = |header: &str| meta_of(&text(header)).published.map(|d| d.to_string());
        assert_eq!(
            day("Coast Herald | June 7, 2022").as_deref(),
            Some("2022-06-07")
        );
        assert_eq!(
            day("COAST HERALD | No. 41 | Tuesday, 7 June 2022 09:10 CET").as_deref(),
            Some("2022-06-07")
        );
        assert_eq!(
            day("Ferry Forum | Events | Posted on 7 June 2022").as_deref(),
            Some("2022-06-07")
        );
        // A field that only mentions a date among other words is no dateline.
        assert_eq!(
            day("Coast Herald | Levy vote set for June 7, 2022 in Bergen"),
            None
        );
    }

    #[test]
    fn outlet_from_wire_dateline() {
        let lines = ["KYIV (Reuters) – President said things."];
        assert_eq!(outlet(lines.into_iter()), Some("Reuters".to_string()));
    }
}
