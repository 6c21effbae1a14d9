//! Statement dates: which day each attributed statement was made (spec section 2).
//!
//! A time phrase in the attribution's own words (outside the content) dates it; back-references
//! ("on the same day", "then") resolve against the latest past date the text has stated. A
//! statement with no time phrase continues its speaker's occasion: the speaker's last dated
//! statement, or a dated sentence of narration that names the speaker, within two paragraphs
//! or, failing that, while no statement of another date has intervened; a speaker with no
//! occasion of their own speaks at the dated event the lead paragraph reports, under the same
//! condition; unless its cue says it
//! has no occasion ("has said", present-tense "says").

use crate::attribution::{Attributed, Attribution};
use crate::dates::{self, DateKind, DateMention};
use crate::lexicon::{self, Class};
use crate::sentences::Paragraph;
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// The date of one statement.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatementDate {
    /// The resolved day.
    pub day: Option<NaiveDate>,
    /// The phrase it came from.
    pub text: Option<String>,
}

/// How many paragraphs an occasion carries over to the same speaker's undated statements:
/// a report returns to a speaker within a paragraph or two; further on it is another day.
const OCCASION_REACH: usize = 2;
/// How many earlier spans (contents, evidences) are searched for one enclosing a position:
/// spans nest only a few deep, and a bounded look-back keeps long articles linear.
const ENCLOSING_LOOKBACK: usize = 8;
/// A narrated event dates the speakers after it only when it fell this many days before
/// publication at most (a news event, not a historical or a coming one).
const NARRATED_EVENT_DAYS: i64 = 7;
/// A year-less day at most this many days after publication is an event to come (half a year):
/// "on June 29" in an April article is this June, not last June.
const FUTURE_EVENT_DAYS: i64 = 183;

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

/// Date the first `upto` attributions, in text order (the later ones yield no claim): each
/// date is the one dating every attribution would give it, since it reads only the text and
/// the statements before it.
pub fn date_statements(
    text: &str,
    paragraphs: &[Paragraph],
    attributed: &Attributed,
    published: Option<NaiveDate>,
    upto: usize,
) -> Vec<StatementDate> {
    let attributions = &attributed.attributions[..upto];
    if attributions.is_empty() {
        return Vec::new();
    }
    let paragraphs = &paragraphs[..paragraphs_read(paragraphs, attributions)];
    let mentions = resolve_all(text, paragraphs, &attributed.attributions, published);
    let narration = narration_occasions(text, paragraphs, attributed, &mentions);
    let lead = lead_event(text, paragraphs, attributed, &mentions);
    let events = narrated_events(text, paragraphs, attributed, &mentions, published);
    let mut next_event = events.iter().peekable();
    let mut event: Option<Occasion> = None;
    let mut occasions: HashMap<&str, Occasion> = HashMap::default();
    let mut timeline = Timeline::default();
    let mut next_narration = narration.iter().peekable();
    attributions
        .iter()
        .map(|a| {
            while let Some((pos, name, occ)) = next_narration.peek() {
                if *pos > a.evidence.start {
                    break;
                }
                occasions.insert(
                    name.as_str(),
                    Occasion {
                        since: timeline.len(),
                        ..occ.clone()
                    },
                );
                next_narration.next();
            }
            while let Some((end, occ)) = next_event.peek() {
                if *end > a.evidence.start {
                    break;
                }
                event = Some(Occasion {
                    since: timeline.len(),
                    ..occ.clone()
                });
                next_event.next();
            }
            if a.perfect || a.present {
                return own_date(text, &mentions, a).unwrap_or_default();
            }
            let name = a.speaker.name.as_str();
            let date = own_date(text, &mentions, a)
                .or_else(|| np_closing_date(text, &mentions, a))
                .or_else(|| {
                    let o = occasions.get(name)?;
                    let near = a.paragraph <= o.paragraph + OCCASION_REACH;
                    let unbroken = timeline.unchanged_since(o.since, o.date.day);
                    (near || unbroken).then(|| o.date.clone())
                })
                .or_else(|| {
                    // "Ministers held a press conference in Tartu on Monday. Saar said ...": a
                    // speaker with no occasion of their own, in that paragraph or the next,
                    // speaks at the event narrated just before, while no other date has come.
                    let ev = event.as_ref().filter(|e| e.date.text.is_some())?;
                    let fresh = !occasions.contains_key(name);
                    let near = a.paragraph <= ev.paragraph + 1;
                    let unbroken = timeline.unchanged_since(ev.since, ev.date.day);
                    (fresh && near && unbroken).then(|| ev.date.clone())
                })
                .or_else(|| {
                    // A speaker with no occasion of their own who speaks at an event ("at the
                    // ceremony", "after signing the agreement") speaks at the one the lead
                    // reports, while no statement of another date has come between.
                    let ev = lead.as_ref()?;
                    let fresh = !occasions.contains_key(name);
                    let at_event = names_event(text, a);
                    (fresh && at_event && timeline.unchanged_since(0, ev.day)).then(|| ev.clone())
                });
            let date = date.unwrap_or_default();
            // A statement with no time at all says nothing about the occasion; a vague one
            // ("last week") does: it is another time.
            if date.text.is_some() {
                timeline.push(date.day);
            }
            occasions.insert(
                name,
                Occasion {
                    date: date.clone(),
                    paragraph: a.paragraph,
                    since: timeline.len(),
                },
            );
            date
        })
        .collect()
}

/// How many paragraphs from the first the dates of `attributions` read: each one that starts
/// before the end of their evidence, content or frame (the lead paragraph always). The date
/// phrases of later ones lie past every range those dates search, and an anchor only reaches
/// forward.
fn paragraphs_read(paragraphs: &[Paragraph], attributions: &[Attribution]) -> usize {
    let reach = attributions
        .iter()
        .flat_map(|a| a.content.iter().chain(&a.frame).chain([&a.evidence]))
        .map(|r| r.end)
        .max()
        .unwrap_or(0);
    let read = paragraphs
        .iter()
        .take_while(|p| p.range.start < reach)
        .count();
    read.max(1).min(paragraphs.len())
}

/// The dates of the statements so far, with where the current run of equal dates began, so
/// "has nothing changed since statement k" is answered in constant time.
#[derive(Default)]
struct Timeline {
    len: usize,
    last: Option<Option<NaiveDate>>,
    run_start: usize,
}

impl Timeline {
    fn push(&mut self, day: Option<NaiveDate>) {
        if self.last != Some(day) {
            self.run_start = self.len;
            self.last = Some(day);
        }
        self.len += 1;
    }

    fn len(&self) -> usize {
        self.len
    }

    /// Every statement from index `since` on is dated `day`.
    fn unchanged_since(&self, since: usize, day: Option<NaiveDate>) -> bool {
        since >= self.len || (self.run_start <= since && self.last == Some(day))
    }
}

/// Every date phrase of the body, resolved in order against the latest past date before it.
/// Dates inside reported content (unless a day opens an unquoted sentence of it), and year-less
/// dates still ahead of publication (a coming summit), do not become anchors.
fn resolve_all(
    text: &str,
    paragraphs: &[Paragraph],
    attributions: &[Attribution],
    published: Option<NaiveDate>,
) -> Vec<Dated> {
    let mut contents: Vec<Range<usize>> = attributions
        .iter()
        .flat_map(|a| a.content.iter().cloned())
        .collect();
    contents.sort_by_key(|r| r.start);
    let in_content = |r: &Range<usize>| {
        let i = contents.partition_point(|c| c.start <= r.start);
        contents[..i]
            .iter()
            .rev()
            .take(ENCLOSING_LOOKBACK)
            .any(|c| r.end <= c.end)
    };
    let mut anchor: Option<NaiveDate> = None;
    let mut out = Vec::new();
    for p in paragraphs {
        for DateMention { range, kind } in dates::find_dates(&text[p.range.clone()]) {
            let range = p.range.start + range.start..p.range.start + range.end;
            let day = dates::resolve(kind, published, anchor);
            if let Some(d) = day {
                let framing = matches!(kind, DateKind::Day { .. })
                    && opens_sentence(text, p.range.start, range.start);
                if (!in_content(&range) || framing)
                    && !is_future_event(kind, published)
                    && published.is_none_or(|p| d <= p)
                {
                    anchor = Some(d);
                }
            }
            out.push(Dated { range, kind, day });
        }
    }
    out
}

/// "On June 12, 2020, the Council decided ... This was stated by X": a day opening an unquoted
/// sentence frames the narration, though an attribution after it takes that sentence as its
/// content; not a day opening a sentence inside a quotation.
fn opens_sentence(text: &str, para_start: usize, at: usize) -> bool {
    let before = text[para_start..at].trim_end();
    // The preposition of the date ("On June 12"), when the mention starts after it.
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let before = if lexicon::is(Class::Preposition, &last.to_lowercase()) {
        before[..before.len() - last.len()].trim_end()
    } else {
        before
    };
    let opens = before.is_empty() || before.ends_with(['.', '!', '?']);
    opens && !inside_quotation(before)
}

/// The paragraph text before a position has opened a quotation it has not closed.
fn inside_quotation(before: &str) -> bool {
    let curly = before.matches('\u{201c}').count() > before.matches('\u{201d}').count();
    curly || before.matches('"').count() % 2 == 1
}

/// A year-less day that, in the publication year, lies up to half a year ahead: an event to
/// come (a summit next month), not last year's date.
fn is_future_event(kind: DateKind, published: Option<NaiveDate>) -> bool {
    match (kind, published) {
        (
            DateKind::Day {
                year: None,
                month,
                day,
            },
            Some(p),
        ) => NaiveDate::from_ymd_opt(p.year(), month, day)
            .is_some_and(|d| d > p && (d - p).num_days() <= FUTURE_EVENT_DAYS),
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
    let evidences = sorted_evidences(attributed);
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        for s in &p.sentences {
            if in_attribution(&evidences, s) {
                continue;
            }
            let Some(m) = within(mentions, s).find(|m| m.day.is_some()) else {
                continue;
            };
            let date = StatementDate {
                day: m.day,
                text: Some(text[m.range.clone()].to_string()),
            };
            let first = attributed.people.partition_point(|(pos, _)| *pos < s.start);
            for (pos, name) in attributed.people[first..]
                .iter()
                .take_while(|(pos, _)| *pos < s.end)
            {
                out.push((
                    *pos,
                    name.clone(),
                    Occasion {
                        date: date.clone(),
                        paragraph: pi,
                        since: 0,
                    },
                ));
            }
        }
    }
    out
}

/// Sentences of narration (no attribution) that fix a day: where each ends, and the date of the
/// event it narrates ("held a joint press conference on Monday"), or no date when it names no
/// event.
fn narrated_events(
    text: &str,
    paragraphs: &[Paragraph],
    attributed: &Attributed,
    mentions: &[Dated],
    published: Option<NaiveDate>,
) -> Vec<(usize, Occasion)> {
    let evidences = sorted_evidences(attributed);
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        for s in p
            .sentences
            .iter()
            .filter(|s| !in_attribution(&evidences, s))
        {
            let dated = within(mentions, s).find(|m| m.day.is_some() && m.kind != DateKind::Vague);
            if let Some(m) = dated {
                // An event of the news, days before publication at most: not a summit of years
                // ago that a statement recalls, nor one still to come. A dated sentence naming
                // no such event ("Russia shelled Kharkiv on Tuesday") ends the one before it.
                let recent = m
                    .day
                    .zip(published)
                    .is_some_and(|(d, p)| d <= p && (p - d).num_days() <= NARRATED_EVENT_DAYS);
                let date = if recent && names_event_word(&text[s.clone()]) {
                    StatementDate {
                        day: m.day,
                        text: Some(text[m.range.clone()].to_string()),
                    }
                } else {
                    StatementDate::default()
                };
                let occasion = Occasion {
                    date,
                    paragraph: pi,
                    since: 0,
                };
                out.push((s.end, occasion));
            }
        }
    }
    out
}

/// "Iliescu, who took office in March, added": the date phrase lies in a relative clause of
/// the frame (from ", who" to the next comma). One that fixes no day dates something else;
/// a day there ("who attended the meeting on Tuesday, told reporters") is the occasion.
fn in_relative_clause(text: &str, frame: &Range<usize>, m: &Range<usize>) -> bool {
    relative_clause_before(text, frame, m).is_some()
}

/// The words of the frame's relative clause before the date phrase at `m` (from the word
/// after ", who"), when the phrase lies in one.
fn relative_clause_before<'t>(
    text: &'t str,
    frame: &Range<usize>,
    m: &Range<usize>,
) -> Option<&'t str> {
    let before = &text[frame.start..m.start];
    let clause = &before[before.rfind(", ")? + 2..];
    let opener = clause
        .split_whitespace()
        .next()
        .is_some_and(|w| lexicon::is(Class::RelativePronoun, &w.to_lowercase()));
    (opener && !clause.contains(',')).then_some(clause)
}

/// "X, who will address the assembly on Monday, has warned": the relative clause holding the
/// date phrase at `m` speaks of what is to come; its day is not the statement's.
fn ahead_in_clause(text: &str, frame: &Range<usize>, m: &Range<usize>) -> bool {
    relative_clause_before(text, frame, m).is_some_and(|clause| {
        clause
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| lexicon::is(Class::FutureMarker, &w.to_lowercase()))
    })
}

/// The attributions' evidence spans, by start.
fn sorted_evidences(attributed: &Attributed) -> Vec<Range<usize>> {
    let mut evidences: Vec<Range<usize>> = attributed
        .attributions
        .iter()
        .map(|a| a.evidence.clone())
        .collect();
    evidences.sort_by_key(|r| r.start);
    evidences
}

/// The sentence is part of an attribution's evidence (`evidences` sorted by start).
fn in_attribution(evidences: &[Range<usize>], s: &Range<usize>) -> bool {
    let i = evidences.partition_point(|e| e.start <= s.start);
    evidences[..i]
        .iter()
        .rev()
        .take(ENCLOSING_LOOKBACK)
        .any(|e| s.end <= e.end)
}

/// Some word of `text` names an event ("conference", "summit"); lowercased only when needed.
fn names_event_word(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        if w.chars().any(char::is_uppercase) {
            lexicon::is(Class::EventWord, &w.to_lowercase())
        } else {
            lexicon::is(Class::EventWord, w)
        }
    })
}

/// The attribution's own words place the statement at an event.
fn names_event(text: &str, a: &Attribution) -> bool {
    a.frame.iter().any(|f| names_event_word(&text[f.clone()]))
}

/// The dated event the lead paragraph reports in narration ("Germany and France signed
/// security agreements with Ukraine on Friday"), if any.
fn lead_event(
    text: &str,
    paragraphs: &[Paragraph],
    attributed: &Attributed,
    mentions: &[Dated],
) -> Option<StatementDate> {
    let lead = paragraphs.first()?;
    // "Rutte took office on Tuesday, promising ...": a participle cue leaves the main clause
    // narration.
    let narrated = |s: &Range<usize>| {
        !attributed
            .attributions
            .iter()
            .take_while(|a| a.paragraph == 0)
            .filter(|a| !a.cue.as_deref().is_some_and(|c| c.ends_with("ing")))
            .any(|a| a.evidence.start <= s.start && s.end <= a.evidence.end)
    };
    lead.sentences.iter().filter(|s| narrated(s)).find_map(|s| {
        let m = within(mentions, s).find(|m| m.day.is_some() && m.kind != DateKind::Vague)?;
        Some(StatementDate {
            day: m.day,
            text: Some(text[m.range.clone()].to_string()),
        })
    })
}

/// The date phrases lying inside `r` (mentions are in text order).
fn within<'a>(mentions: &'a [Dated], r: &Range<usize>) -> impl Iterator<Item = &'a Dated> {
    let first = mentions.partition_point(|m| m.range.start < r.start);
    let end = r.end;
    mentions[first..]
        .iter()
        .take_while(move |m| m.range.start < end)
        .filter(move |m| m.range.end <= end)
}

/// "welcomed the decision on March 4, saying ...": a speech act whose content is a noun phrase
/// takes the day that closes the phrase ("on" and a date or weekday) as its own.
fn np_closing_date(text: &str, mentions: &[Dated], a: &Attribution) -> Option<StatementDate> {
    if !crate::attribution::cues::takes_np(a.cue.as_deref()?) {
        return None;
    }
    let last = a.content.last()?;
    let m = within(mentions, last).last()?;
    let closes = text[m.range.end..last.end]
        .chars()
        .all(|c| !c.is_alphanumeric());
    let day = matches!(m.kind, DateKind::Day { .. } | DateKind::Weekday(_)) && m.day.is_some();
    let on = text[m.range.clone()].to_lowercase().starts_with("on ");
    // "the decision taken at the summit on Tuesday": a participle in the phrase takes the day.
    let dated_noun = text[last.start..m.range.start]
        .split(|c: char| !c.is_alphanumeric())
        .skip(1)
        .any(|w| lexicon::is_past_participle(&w.to_lowercase()));
    (closes && day && on && !dated_noun).then(|| StatementDate {
        day: m.day,
        text: Some(text[m.range.clone()].to_string()),
    })
}

/// The date written in the attribution's frame, preferring a calendar day over a reference.
fn own_date(text: &str, mentions: &[Dated], a: &Attribution) -> Option<StatementDate> {
    // A day in the speaker's relative clause ("who flew in on Tuesday, said on Wednesday")
    // is the occasion only when the frame names no day of its own outside it.
    let kept: Vec<(&Dated, bool)> = a
        .frame
        .iter()
        .flat_map(|f| {
            within(mentions, f).filter_map(move |m| {
                let relative = in_relative_clause(text, f, &m.range);
                let kept = !relative || (m.day.is_some() && !ahead_in_clause(text, f, &m.range));
                kept.then_some((m, relative))
            })
        })
        .collect();
    let in_frame: Vec<&Dated> = kept
        .iter()
        .filter(|(_, relative)| !relative)
        .chain(kept.iter().filter(|(_, relative)| *relative))
        .map(|&(m, _)| m)
        .collect();
    // A wire dateline's day ("KYIV, May 6 (Wire) -") is the dispatch's: a day or weekday the
    // sentence itself names ("as he met envoys on Sunday"), outside a relative clause of the
    // speaker, comes before it.
    let dispatch = in_frame
        .first()
        .is_some_and(|m| opens_wire_dispatch(text, &m.range));
    let named = dispatch.then(|| {
        in_frame[1..].iter().find(|m| {
            matches!(m.kind, DateKind::Day { .. } | DateKind::Weekday(_))
                && !a.frame.iter().any(|f| {
                    f.start <= m.range.start
                        && m.range.end <= f.end
                        && in_relative_clause(text, f, &m.range)
                })
        })
    });
    // A calendar day first, then any phrase that fixes a day ("earlier on Monday" is a
    // vague "earlier" and a fixing "on Monday"), then the vague one.
    let pick = named
        .flatten()
        .or_else(|| {
            in_frame
                .iter()
                .find(|m| matches!(m.kind, DateKind::Day { .. }))
        })
        .or_else(|| in_frame.iter().find(|m| m.kind != DateKind::Vague))
        .or_else(|| in_frame.first())?;
    Some(StatementDate {
        day: pick.day,
        text: Some(text[pick.range.clone()].to_string()),
    })
}

/// Most words of the place opening a wire dateline ("WEST PALM BEACH, Fla.,").
const DATELINE_PLACE_WORDS: usize = 5;

/// The date phrase at `r` is a wire dateline's: its line opens with a place and a comma, and a
/// dash follows the date, after at most an agency in parentheses ("KYIV, May 6 (Wire) - ...").
fn opens_wire_dispatch(text: &str, r: &Range<usize>) -> bool {
    let line_start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
    let place = text[line_start..r.start].trim();
    let mut words = place.split([' ', ',']).filter(|w| !w.is_empty());
    let placelike = place.ends_with(',')
        && words.clone().count() <= DATELINE_PLACE_WORDS
        && words.all(|w| w.starts_with(char::is_uppercase));
    if !placelike {
        return false;
    }
    let rest = text[r.end..].trim_start();
    let rest = match rest.strip_prefix('(') {
        Some(inner) => inner.find(')').map_or("", |e| inner[e + 1..].trim_start()),
        None => rest,
    };
    rest.starts_with(['-', '\u{2014}', '\u{2013}'])
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::topic::Scope;

    /// said_on of every claim of `text` (any topic).
    fn dates(text: &str) -> Vec<Option<String>> {
        crate::extract(&Document::from_text(text), &Scope::Any)
            .into_iter()
            .map(|c| c.said_on)
            .collect()
    }

    #[test]
    fn explicit_weekday_and_back_references() {
        let text = " date 2023-06-11 Igor Zhovkva wrote on Facebook on Saturday that twenty allies had signed.\n\n\
                    On June 8, the minister Dmytro Kuleba said the talks had gone well for everyone.\n\n\
                    On the same day, Jens Stoltenberg said the allies would meet again in July.\n";
        assert_eq!(
            dates(text),
            vec![
                Some("2023-06-10".into()),
                Some("2023-06-08".into()),
                Some("2023-06-08".into())
            ]
        );
    }

    #[test]
    fn a_day_after_the_cue_beats_a_day_in_the_speakers_relative_clause() {
        let text = " date 2024-04-30 Ilse Berg, who flew in from Oslo on Monday, said on Tuesday that the allies were ready.\n\n\
                    Per Moe, who met the envoys on Monday, told reporters that the talks went well.\n";
        assert_eq!(
            dates(text),
            vec![Some("2024-04-30".into()), Some("2024-04-29".into())]
        );
    }

    #[test]
    fn the_same_speaker_continues_the_occasion_and_others_do_not() {
        let text = " date 2024-04-30 Jens Stoltenberg said on April 29 that the allies were working on it.\n\n\
                    He added that the work would take time for all of them.\n\n\
                    Kaja Kallas told reporters that the allies had lost too much time already.\n";
        assert_eq!(
            dates(text),
            vec![Some("2024-04-29".into()), Some("2024-04-29".into()), None]
        );
    }

    #[test]
    fn perfect_tense_vague_phrases_and_missing_publication_give_null() {
        let text = " date 2024-04-30 Jens Stoltenberg has said that the door remains open for everyone.\n\n\
                    Dmytro Kuleba said last week that the allies must decide soon on this.\n";
        assert_eq!(dates(text), vec![None, None]);
        assert_eq!(
            dates("Dmytro Kuleba said on Tuesday that the allies must decide soon.\n"),
            vec![None]
        );
        // The same speaker's next statement in the perfect, adverbs between, is not that day's.
        let text = " date 2024-04-30 Kaja Kallas said on Monday that the talks went well. \
                    She has repeatedly said that the allies must act faster.\n";
        assert_eq!(dates(text), vec![Some("2024-04-29".to_string()), None]);
    }

    #[test]
    fn speakers_at_the_lead_event_take_its_date_and_remote_reactions_do_not() {
        let text = " date 2024-02-17 Germany and France signed security agreements with Ukraine on Friday in Berlin.\n\n\
                    Olaf Scholz said after the signing ceremony that the pact was a bridge to membership.\n\n\
                    Dmitry Peskov said the agreements would change nothing for anyone.\n";
        assert_eq!(dates(text), vec![Some("2024-02-16".into()), None]);
    }

    #[test]
    fn a_narrated_event_dates_the_speakers_after_it_until_another_day_is_named() {
        let text = " date 2024-05-09 The two foreign ministers held a joint news conference in Tartu on Monday. Kadri Saar said the ferry link would reopen in June.\n\n\
                    Storms closed the port on Tuesday. Edgars Ozols said the border crossings would stay open.\n";
        assert_eq!(dates(text), vec![Some("2024-05-06".into()), None]);
    }

    #[test]
    fn the_nearer_narrated_event_outweighs_the_lead_for_a_speaker_at_an_event() {
        // The Tuesday address narrated right before the statement dates it, not the lead's
        // Monday event that its frame ("in the same sitting") would otherwise take.
        let text = " date 2024-05-09 The port authority opened the new ferry terminal on Monday.\n\n\
                    Mayor Ola Vik addressed the city council on Tuesday. Replying in the same sitting, Rasa Vaitkute said the ferry fees would fall.\n";
        assert_eq!(dates(text), vec![Some("2024-05-07".into())]);
    }

    #[test]
    fn a_wire_dateline_gives_way_to_a_day_the_sentence_names_for_the_statement() {
        let scene = " date 2025-09-10\n\nOSLO, Sept 10 (Wire) - Mayor Ola Vik said the ferry fees would fall, as he toured the harbour on Monday.\n";
        assert_eq!(dates(scene), vec![Some("2025-09-08".into())]);
        // A day in a relative clause of the speaker dates another event: the dispatch's day.
        let relative = " date 2025-09-10\n\nOSLO, Sept 10 (Wire) - Mayor Ola Vik, who toured the harbour on Monday, said the ferry fees would fall.\n";
        assert_eq!(dates(relative), vec![Some("2025-09-10".into())]);
        // No place before the date: not a dateline ("On June 29 - ...").
        let aside = " date 2025-09-10\n\nOn Sept 3 - a week before the vote - Mayor Ola Vik said the ferry fees would fall, as he toured the harbour on Monday.\n";
        assert_eq!(dates(aside), vec![Some("2025-09-03".into())]);
    }

    #[test]
    fn a_meeting_narrated_with_met_dates_the_speaker_after_it() {
        let text = " date 2024-05-09 Ferry fees have doubled in two years.\n\n\
                    The harbour masters met in Klaipeda on Monday. Speaking after the meeting, Rasa Vaitkute said the ferry fees would fall.\n";
        assert_eq!(dates(text), vec![Some("2024-05-06".into())]);
    }

    #[test]
    fn a_day_closing_a_noun_phrase_content_dates_the_act_and_its_participle() {
        let text = " date 2024-05-09 The mayor Ola Vik welcomed the new timetable on May 2, saying the buses would finally run on time.\n";
        assert_eq!(
            dates(text),
            vec![Some("2024-05-02".into()), Some("2024-05-02".into())]
        );
    }

    #[test]
    fn a_day_that_a_participle_gives_the_noun_does_not_date_the_act() {
        let text = " date 2024-05-09 The mayor Ola Vik criticised the timetable agreed at the council on May 2.\n";
        assert_eq!(dates(text), vec![None]);
    }

    #[test]
    fn an_event_years_before_publication_dates_no_statement() {
        let text = " date 2024-05-09 Ministers met for a summit in Bergen on April 3, 2008. Ola Vik said the south pier must now reopen.\n";
        assert_eq!(dates(text), vec![None]);
    }

    #[test]
    fn a_date_in_a_relative_clause_of_the_frame_dates_something_else() {
        let text = " date 2024-05-09 Dan Iliescu said on Tuesday that the bridge would reopen in June. Iliescu, who took office in March, added that the tolls would fall.\n";
        assert_eq!(
            dates(text),
            vec![Some("2024-05-07".into()), Some("2024-05-07".into())]
        );
    }

    #[test]
    fn a_day_in_a_relative_clause_of_what_is_to_come_dates_no_statement() {
        // The day the speaker attended is the occasion; the day of a coming speech is not.
        let text = " date 2024-05-09 Ola Vik, who opened the pier on Tuesday, said the tolls would fall.\n\n\
                    Dan Iliescu, who will open the bridge on Monday, has warned that the tolls would rise.\n";
        assert_eq!(dates(text), vec![Some("2024-05-07".into()), None]);
    }

    #[test]
    fn a_dateline_opening_with_its_place_gives_the_publication_day() {
        let text = "Harbour news from the west\n\nLviv, 14 March 2024, 10:05\n\nOla Vik said on Tuesday that the south pier would reopen in May.\n";
        assert_eq!(dates(text), vec![Some("2024-03-12".into())]);
    }

    #[test]
    fn then_refers_to_the_latest_stated_date() {
        let text = " date 2023-06-30 On September 30, 2022, Kyiv filed its request for membership. Then Volodymyr Zelensky said that his country was ready to take part.\n";
        assert_eq!(dates(text), vec![Some("2022-09-30".into())]);
    }
}
