//! Statement dates: which day each attributed statement was made (spec section 2).
//!
//! A time phrase in the attribution's own words (outside the content) dates it; back-references
//! ("on the same day", "then") resolve against the latest past date the text has stated. A
//! statement with no time phrase continues its speaker's occasion: the speaker's last dated
//! statement, or a dated sentence of narration that names the speaker, within two paragraphs
//! or, failing that, while no statement of another date has intervened; unless its cue says it
//! has no occasion ("has said", present-tense "says").

use crate::attribution::{Attributed, Attribution};
use crate::dates::{self, DateKind, DateMention};
use crate::sentences::Paragraph;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::ops::Range;

/// The date of one statement.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatementDate {
    /// The resolved day.
    pub day: Option<NaiveDate>,
    /// The phrase it came from.
    pub text: Option<String>,
}

/// How many paragraphs an occasion carries over to the same speaker's undated statements.
const OCCASION_REACH: usize = 2;

/// A date phrase of the body with its resolution at that point of the text.
struct Dated {
    range: Range<usize>,
    kind: DateKind,
    day: Option<NaiveDate>,
}

/// A speaker's latest occasion.
#[derive(Clone)]
struct Occasion {
    date: StatementDate,
    paragraph: usize,
    /// Length of the statement timeline when the occasion was set.
    since: usize,
}

/// Date every attribution, in text order.
pub fn date_statements(
    text: &str,
    paragraphs: &[Paragraph],
    attributed: &Attributed,
    published: Option<NaiveDate>,
) -> Vec<StatementDate> {
    let attributions = &attributed.attributions;
    let mentions = resolve_all(text, paragraphs, attributions, published);
    let narration = narration_occasions(text, paragraphs, attributed, &mentions);
    let mut occasions: HashMap<&str, Occasion> = HashMap::new();
    let mut timeline: Vec<Option<NaiveDate>> = Vec::new();
    let mut next_narration = narration.iter().peekable();
    attributions
        .iter()
        .map(|a| {
            while let Some((pos, name, occ)) = next_narration.peek() {
                if *pos > a.evidence.start {
                    break;
                }
                occasions.insert(name.as_str(), Occasion { since: timeline.len(), ..occ.clone() });
                next_narration.next();
            }
            if a.perfect || a.present {
                return own_date(text, &mentions, a).unwrap_or_default();
            }
            let name = a.speaker.name.as_str();
            let date = own_date(text, &mentions, a).or_else(|| {
                let o = occasions.get(name)?;
                let near = a.paragraph <= o.paragraph + OCCASION_REACH;
                let unbroken = timeline[o.since..].iter().all(|d| *d == o.date.day);
                (near || unbroken).then(|| o.date.clone())
            });
            let date = date.unwrap_or_default();
            timeline.push(date.day);
            occasions.insert(name, Occasion { date: date.clone(), paragraph: a.paragraph, since: timeline.len() });
            date
        })
        .collect()
}

/// Every date phrase of the body, resolved in order against the latest past date before it.
/// Dates inside reported content, and year-less dates still ahead of publication (a coming
/// summit), do not become anchors.
fn resolve_all(
    text: &str,
    paragraphs: &[Paragraph],
    attributions: &[Attribution],
    published: Option<NaiveDate>,
) -> Vec<Dated> {
    let mut anchor: Option<NaiveDate> = None;
    let mut out = Vec::new();
    for p in paragraphs {
        for DateMention { range, kind } in dates::find_dates(&text[p.range.clone()]) {
            let range = p.range.start + range.start..p.range.start + range.end;
            let day = dates::resolve(kind, published, anchor);
            let in_content = attributions.iter().any(|a| a.content.iter().any(|c| c.start <= range.start && range.end <= c.end));
            if let Some(d) = day {
                if !in_content && !is_future_event(kind, published) && published.is_none_or(|p| d <= p) {
                    anchor = Some(d);
                }
            }
            out.push(Dated { range, kind, day });
        }
    }
    out
}

/// A year-less day that, in the publication year, lies up to half a year ahead: an event to
/// come (a summit next month), not last year's date.
fn is_future_event(kind: DateKind, published: Option<NaiveDate>) -> bool {
    match (kind, published) {
        (DateKind::Day { year: None, month, day }, Some(p)) => NaiveDate::from_ymd_opt(p.year(), month, day)
            .is_some_and(|d| d > p && (d - p).num_days() <= 183),
        _ => false,
    }
}

/// Sentences of narration (no attribution) that carry a fixed date and name people: each
/// named person's occasion, as (offset, name, occasion), in text order.
fn narration_occasions(
    text: &str,
    paragraphs: &[Paragraph],
    attributed: &Attributed,
    mentions: &[Dated],
) -> Vec<(usize, String, Occasion)> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        for s in &p.sentences {
            let attributed_here = attributed.attributions.iter().any(|a| a.evidence.start <= s.start && s.end <= a.evidence.end);
            if attributed_here {
                continue;
            }
            let Some(m) = mentions.iter().find(|m| s.start <= m.range.start && m.range.end <= s.end && m.day.is_some()) else {
                continue;
            };
            let date = StatementDate { day: m.day, text: Some(text[m.range.clone()].to_string()) };
            for (pos, name) in attributed.people.iter().filter(|(pos, _)| s.start <= *pos && *pos < s.end) {
                out.push((*pos, name.clone(), Occasion { date: date.clone(), paragraph: pi, since: 0 }));
            }
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
