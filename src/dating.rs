//! Statement dates: which day each attributed statement was made (spec section 2).
//!
//! A time phrase in the attribution's own words (outside the content) dates it; back-references
//! ("on the same day", "then") resolve against the latest past date the text has stated; a
//! statement with no time phrase continues the previous statement's occasion, unless its cue
//! says it has no occasion ("has said", present-tense "says").

use crate::attribution::Attribution;
use crate::dates::{self, DateKind, DateMention};
use crate::sentences::Paragraph;
use chrono::NaiveDate;
use std::ops::Range;

/// The date of one statement.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatementDate {
    /// The resolved day.
    pub day: Option<NaiveDate>,
    /// The phrase it came from.
    pub text: Option<String>,
}

/// A date phrase of the body with its resolution at that point of the text.
struct Dated {
    range: Range<usize>,
    kind: DateKind,
    day: Option<NaiveDate>,
}

/// Date every attribution, in text order.
pub fn date_statements(
    text: &str,
    paragraphs: &[Paragraph],
    attributions: &[Attribution],
    published: Option<NaiveDate>,
) -> Vec<StatementDate> {
    let mentions = resolve_all(text, paragraphs, published);
    let mut occasion = StatementDate::default();
    attributions
        .iter()
        .map(|a| {
            let own = own_date(text, &mentions, a);
            match own {
                Some(d) => {
                    if !a.perfect && !a.present {
                        occasion = d.clone();
                    }
                    d
                }
                None if a.perfect || a.present => StatementDate::default(),
                None => occasion.clone(),
            }
        })
        .collect()
}

/// Every date phrase of the body, resolved in order against the latest past date before it.
fn resolve_all(text: &str, paragraphs: &[Paragraph], published: Option<NaiveDate>) -> Vec<Dated> {
    let mut anchor: Option<NaiveDate> = None;
    let mut out = Vec::new();
    for p in paragraphs {
        for DateMention { range, kind } in dates::find_dates(&text[p.range.clone()]) {
            let range = p.range.start + range.start..p.range.start + range.end;
            let day = dates::resolve(kind, published, anchor);
            if let Some(d) = day {
                if published.is_none_or(|p| d <= p) {
                    anchor = Some(d);
                }
            }
            out.push(Dated { range, kind, day });
        }
    }
    out
}

/// The date written in the attribution's frame, preferring a calendar day over a reference.
fn own_date(text: &str, mentions: &[Dated], a: &Attribution) -> Option<StatementDate> {
    let in_frame: Vec<&Dated> = mentions
        .iter()
        .filter(|m| a.frame.iter().any(|f| f.start <= m.range.start && m.range.end <= f.end))
        .collect();
    let pick = in_frame
        .iter()
        .find(|m| matches!(m.kind, DateKind::Day { .. }))
        .or_else(|| in_frame.first())?;
    Some(StatementDate { day: pick.day, text: Some(text[pick.range.clone()].to_string()) })
}
