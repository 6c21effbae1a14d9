//! Finding the reported clause of a cue: what follows it (addressee, adjuncts and "that"
//! skipped) or what precedes the speaker, and whether it reads as a statement of its own.

use super::frame::{Frame, Shape};
use super::tokens::Token;
use crate::lexicon::{self, Class};
use crate::quotes::is_quote_mark;
use std::ops::Range;

/// An object or addressee between a cue and "that" is a short phrase; a longer run is content.
const MAX_OBJECT_TOKENS: usize = 12;

/// A capitalised addressee ("told CNN's Fareed Zakaria") is a name of a few words.
const MAX_ADDRESSEE_CAPS: usize = 5;

/// A phrase between commas may be long ("during his first visit to Kyiv since ...").
const PARENTHETICAL_PP_REACH: usize = 20;

/// A plain phrase before "that" ("on Telegram") is short.
const PLAIN_PP_REACH: usize = 10;

/// A longer plain phrase ("at a joint press conference with his counterpart X that") holds
/// no verb, and its "that" opens a clause with a subject.
const LONG_PP_REACH: usize = 14;

/// What describes an opening "according to" source before its comma ("a survey released by
/// X on Monday") is a short phrase.
const MAX_SOURCE_TAIL: usize = 12;

/// A time phrase ("on Saturday evening", "last week") is short.
const TIME_PHRASE_REACH: usize = 10;

/// ", in a post on Telegram on Sunday": where words were published fits in a short phrase.
const MAX_MEDIUM_ADJUNCT_WORDS: usize = 14;

/// "called the report a hit piece", "called the talks “useful”": an object named as something
/// (an indefinite article after the object, "as", or a quotation), not a phone call.
pub(super) fn names_something(text: &str, r: &Range<usize>) -> bool {
    let s = &text[r.clone()];
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    let rest: Vec<&str> = words.collect();
    // "called him a liar" names him; "called him on Tuesday" and "called off a meeting" do not.
    let pronoun_named = lexicon::is(Class::ObjectPronoun, first.as_str())
        && rest.first().is_some_and(|w| {
            lexicon::is(Class::ComplementOpener, w) || w.starts_with(crate::quotes::is_quote_mark)
        });
    let particle = lexicon::is(Class::VerbParticle, first.as_str()) && !pronoun_named;
    // "called the delay unacceptable": an evaluative adjective ends the object.
    let evaluated = rest.last().is_some_and(|w| {
        let w = w
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        lexicon::is(Class::NamingComplement, &w)
    });
    let named = rest.iter().any(|w| lexicon::is(Class::ComplementOpener, w))
        || s.contains(crate::quotes::is_quote_mark)
        || evaluated;
    !particle && named
}

/// Token index where the clause after the cue begins (addressee, adjuncts and "that" skipped).
pub(super) fn after_cue(text: &str, toks: &[Token], f: &Frame) -> usize {
    let mut i = match f.shape {
        Shape::Inverted | Shape::According => f.region.end,
        _ => f.cue.end,
    };
    if f.shape == Shape::Colon {
        return i;
    }
    if f.shape == Shape::According {
        // "according to the communique issued by the summit, ...": a participle right after
        // the source (no comma between) opens a phrase describing it.
        let participle = toks
            .get(i)
            .is_some_and(|t| !t.quoted && lexicon::is_past_participle(&t.lower));
        let comma_after_source = toks.get(i).is_some_and(|t| t.lower == ",");
        if comma_after_source {
            i += 1;
        }
        // "According to X, who chaired the meeting, allies were ...": past the relative or
        // participle clause.
        // "According to X, speaking on Monday, Moscow ...": past a participle phrase after it.
        let speaking = comma_after_source && toks.get(i).is_some_and(is_participle_word);
        if participle || speaking || toks.get(i).is_some_and(|t| t.is(Class::RelativePronoun)) {
            return (i..toks.len())
                .find(|&j| toks[j].lower == "," && !toks[j].quoted)
                .map_or(toks.len(), |c| c + 1);
        }
        // "According to a survey released by X on Monday, most ...": an opening "according
        // to" phrase runs to its comma, whatever describes the source before it.
        if !comma_after_source && only_connectives(&toks[..f.region.start]) {
            let comma = (i..toks.len().min(i + MAX_SOURCE_TAIL))
                .find(|&j| toks[j].lower == "," && !toks[j].quoted);
            // A verb or a subject before the comma means the content began without one
            // ("According to X the talks were ..., and ...").
            let clause_word = |t: &Token| {
                t.is(Class::FiniteVerb) || t.is(Class::SubjectPronoun) || t.lower == "that"
            };
            if let Some(c) = comma.filter(|&c| !toks[i..c].iter().any(clause_word)) {
                return c + 1;
            }
        }
        return i;
    }
    if f.cue.form.takes_object {
        i = skip_object(text, toks, i);
    }
    let i = skip_adjuncts(toks, i);
    skip_date_phrase(text, toks, i)
}

/// Nothing but connectives ("But", "And, meanwhile,") stands in `toks`.
fn only_connectives(toks: &[Token]) -> bool {
    toks.iter()
        .all(|t| !t.quoted && (t.lower == "," || t.is(Class::LeadingConnective)))
}

/// "said the same day that ...", "said earlier this week that ...": a time phrase right after
/// the cue belongs to the attribution, not to the content.
fn skip_date_phrase(text: &str, toks: &[Token], i: usize) -> usize {
    let Some(first) = toks.get(i) else { return i };
    let rest_end = toks.last().map_or(first.range.end, |t| t.range.end);
    let Some(m) = crate::dates::date_at_start(&text[first.range.start..rest_end]) else {
        return i;
    };
    let end = first.range.start + m.range.end;
    let after = toks[i..]
        .iter()
        .position(|t| t.range.start >= end)
        .map_or(toks.len(), |k| i + k);
    match toks.get(after).map(|t| t.lower.as_ref()) {
        Some("that" | ":" | ",") => skip_adjuncts(toks, after),
        _ => i,
    }
}

/// Skip a short object between a cue and its "that", colon or quotation ("told allies that").
pub(super) fn skip_object(text: &str, toks: &[Token], mut i: usize) -> usize {
    let start = i;
    while i < toks.len() && i - start < MAX_OBJECT_TOKENS {
        let t = &toks[i];
        if matches!(t.lower.as_ref(), "that" | ":" | "," | "to") || t.is_quote(text) {
            break;
        }
        // "told a radio station she doubted that ...": a subject pronoun after the addressee
        // opens the reported clause, whose own verb may take a "that" later.
        if i > start && !t.quoted && t.is(Class::SubjectPronoun) {
            return i;
        }
        i += 1;
    }
    match toks.get(i).map(|t| t.lower.as_ref()) {
        // "voiced concern about X, with Y telling ...": what follows the comma is narration.
        Some(",") if opens_absolute(toks, i + 1, toks.len()) => start,
        Some("that" | ":" | ",") => i,
        Some("to") => start, // "called on allies to act": the addressee belongs to the content
        _ => skip_addressee(toks, start),
    }
}

/// "told reporters the talks ...", "told CNN on Sunday ...": skip a short addressee.
pub(super) fn skip_addressee(toks: &[Token], start: usize) -> usize {
    let Some(t) = toks.get(start) else {
        return start;
    };
    if t.is(Class::Audience) {
        return start + 1;
    }
    let mut j = start;
    if t.lower == "the" || t.lower == "a" {
        j += 1;
    }
    let run_start = j;
    while toks
        .get(j)
        .is_some_and(|t| t.is_word && t.is_capitalized() && !t.quoted)
        && j - run_start < MAX_ADDRESSEE_CAPS
    {
        j += 1;
    }
    if j > run_start {
        j
    } else {
        start
    }
}

/// Skip "on Telegram", "in a statement", "last week", "on Saturday", ",", "that".
pub(super) fn skip_adjuncts(toks: &[Token], mut i: usize) -> usize {
    loop {
        let before = i;
        if let Some(t) = toks.get(i) {
            let w = t.lower.as_ref();
            let after_day = i > 0 && crate::dates::is_weekday_word(&toks[i - 1].lower);
            let day_part = after_day && t.is(Class::DayPart);
            let manner = t.is_manner_adverb();
            if matches!(w, "that" | ":" | ",")
                || crate::lexicon::is(crate::lexicon::Class::PostCueAdverb, w)
                || crate::dates::is_weekday_word(w)
                || day_part
                || manner
            {
                i += 1;
                if matches!(w, "that" | ":") {
                    return i; // the clause begins
                }
            } else if lexicon::is(Class::AdjunctOpener, w) || participle_aside(toks, i) {
                i = skip_pp(toks, i);
            } else if let Some(end) = time_ago(toks, i) {
                i = end;
            }
        }
        if i == before {
            return i;
        }
    }
}

/// Most quantity words before the unit of a time phrase ending in "ago" ("a few").
const AGO_QUANTITY_WORDS: usize = 2;

/// "said a few minutes ago that ...", "said two days ago, ...": the end of a time phrase
/// (quantity words, a short unit of time, "ago") that starts at `i`, when "that" or a comma
/// follows it. "said Russia invaded years ago, and ..." is content.
fn time_ago(toks: &[Token], i: usize) -> Option<usize> {
    let quantity = |t: &Token| {
        t.is(Class::AgoQuantity)
            || t.is(Class::NumberWord)
            || (!t.lower.is_empty() && t.lower.bytes().all(|b| b.is_ascii_digit()))
    };
    let n = toks[i..]
        .iter()
        .take(AGO_QUANTITY_WORDS)
        .take_while(|t| quantity(t))
        .count();
    let unit = toks
        .get(i + n)
        .is_some_and(|t| lexicon::is(Class::AgoUnit, t.lower.trim_end_matches('s')));
    let ago = toks.get(i + n + 1).is_some_and(|t| t.lower == "ago");
    let end = i + n + 2;
    let closes = toks
        .get(end)
        .is_some_and(|t| t.lower == "that" || t.lower == ",");
    (unit && ago && closes).then_some(end)
}

/// "said on Thursday, standing next to X in Brussels, that ...", "said in a draft, published
/// in December, that": a participle phrase set off by a comma between the cue and its "that" (a
/// cue of its own, "adding that", is no aside).
fn participle_aside(toks: &[Token], i: usize) -> bool {
    i > 0
        && toks[i - 1].lower == ","
        && (is_participle_word(&toks[i]) || plain_past(&toks[i]))
        && super::cues::match_at(toks, i, false).is_none()
        && {
            // A dash before the "that" sets off an aside inside the phrase ("repeating a
            // charge - that ... - he made"): the "that" is not the cue's.
            let j = skip_pp(toks, i);
            // A past form is a participle only when a comma closes its phrase ("X, writing
            // in a paper, noted that" has a finite verb).
            let closed = is_participle_word(&toks[i]) || toks[j - 1].lower == ",";
            toks.get(j).is_some_and(|t| t.lower == "that")
                && closed
                && !toks[i..j].iter().any(Token::is_dash)
        }
}

/// Skip a short prepositional phrase when a "that" or a quotation follows it closely, or when
/// it is a time phrase ("on Saturday", "last week").
pub(super) fn skip_pp(toks: &[Token], i: usize) -> usize {
    // A parenthetical phrase (", during his first visit to Kyiv since ..., that") may be long
    // and hold commas; a plain one ("on Telegram that") is short and holds none.
    let parenthetical = i > 0 && toks[i - 1].lower == ",";
    let reach = if parenthetical {
        PARENTHETICAL_PP_REACH
    } else {
        LONG_PP_REACH
    };
    let limit = (i + reach).min(toks.len());
    // "responded with the lawsuit filed that same day": "that" before a time noun is a
    // determiner, not the clause's opener.
    let opener = |j: usize| {
        let determiner = toks
            .get(j + 1)
            .is_some_and(|n| n.lower == "same" || n.is(Class::TimeNoun));
        toks[j].lower == ":" || (toks[j].is(Class::Complementizer) && !determiner)
    };
    // "at a conference on the treaty that was signed in 1997 that ...": a "that" right before
    // a verb or an auxiliary is a relative pronoun inside the phrase; the clause's opener is a
    // later "that" with a subject after it, when there is one.
    let verb_next = |j: usize| {
        toks.get(j + 1)
            .is_some_and(|n| is_verb_word(n) || n.is(Class::ModalVerb))
    };
    let relative = |j: usize| toks[j].is(Class::Complementizer) && verb_next(j);
    let first = (i + 1..limit).find(|&j| opener(j));
    let first_relative = first.filter(|&j| relative(j));
    let later = first_relative.and_then(|r| (r + 1..limit).find(|&j| opener(j) && !relative(j)));
    if let Some(j) = later.or(first) {
        // Inside a plain phrase a comma may only set off a place ("in Toledo, Ohio, that").
        let ok = |k: usize| {
            let t = &toks[k];
            let place_comma = toks.get(k + 1).is_some_and(|n| {
                n.lower == "that"
                    || n.is_capitalized_word()
                    || n.lower.chars().all(|c| c.is_ascii_digit())
            });
            // A quoted title may stand in it ("on ABC's "This Week" that").
            t.is_word
                || t.lower == "-"
                || is_quote_token(t)
                || (t.lower == "," && (parenthetical || place_comma))
        };
        let short = parenthetical || j < i + PLAIN_PP_REACH;
        // The phrase before a relative clause holds no verb of its own.
        let head_end = later.and(first_relative).unwrap_or(j);
        if (i + 1..j).all(ok) && (short || verbless_phrase_then_subject(toks, i + 1, head_end, j)) {
            return j;
        }
    }
    if let Some(c) = comma_before_aside(toks, i, limit) {
        return c;
    }
    let limit = (i + TIME_PHRASE_REACH).min(toks.len());
    let is_time_word = |w: &str| {
        lexicon::is(Class::TimeWord, w)
            || crate::dates::is_weekday_word(w)
            || crate::dates::is_month_word(w)
    };
    if toks[i].is(Class::TimePreposition) {
        let pronoun = (i + 1..limit).find(|&j| {
            toks[j].is(Class::SubjectPronoun)
                || lexicon::is(Class::SubjectPronoun, toks[j].without_clitic())
        });
        if let Some(j) = pronoun {
            // "for weeks he's ...", never "for all she knew": a span of time.
            let span = toks[i].lower != "for"
                || toks[i + 1..j]
                    .iter()
                    .any(|t| is_time_word(t.lower.trim_end_matches('s')));
            if span && toks[i + 1..j].iter().all(|t| t.is_word) {
                return j; // "said after the convention he would ..."
            }
        }
    }
    let n = toks[i + 1..limit]
        .iter()
        .take(3)
        .position(|t| is_time_word(&t.lower));
    match n {
        Some(k) => {
            let mut j = i + 1 + k + 1;
            if crate::dates::is_month_word(&toks[j - 1].lower) {
                j = after_day_of_month(toks, j);
            }
            while toks.get(j).is_some_and(|t| t.is(Class::DayPart)) {
                j += 1;
            }
            j
        }
        None => i,
    }
}

/// Most digits of a day of the month.
const DAY_DIGITS: usize = 2;

/// Digits of a year.
const YEAR_DIGITS: usize = 4;

/// "on March 15, in an interview, that": past the day after a month word at `j`, and a year
/// after it ("March 15, 2022"), when they are there.
fn after_day_of_month(toks: &[Token], mut j: usize) -> usize {
    let digits = |t: &Token, n: usize| {
        t.lower.len() <= n && !t.lower.is_empty() && t.lower.bytes().all(|b| b.is_ascii_digit())
    };
    if !toks.get(j).is_some_and(|t| digits(t, DAY_DIGITS)) {
        return j;
    }
    j += 1;
    let year = toks
        .get(j + 1)
        .is_some_and(|t| t.lower.len() == YEAR_DIGITS && digits(t, YEAR_DIGITS));
    if toks.get(j).is_some_and(|t| t.lower == ",") && year {
        j += 2;
    }
    j
}

/// "wrote on Truth Social in August, in capital letters, that": a short plain phrase whose
/// comma opens another adjunct (a preposition, or a participle that is no cue of its own)
/// runs on to a "that" right after a later comma ("in a sign that ..." is the phrase's own);
/// between them stand only words, numbers and commas. Returns the "that".
fn comma_before_aside(toks: &[Token], i: usize, limit: usize) -> Option<usize> {
    let c = (i + 1..limit.min(i + PLAIN_PP_REACH)).find(|&k| !toks[k].is_word)?;
    let next = toks.get(c + 1)?;
    let opens_adjunct = lexicon::is(Class::AdjunctOpener, &next.lower)
        || ((is_participle_word(next) || plain_past(next))
            && super::cues::match_at(toks, c + 1, false).is_none());
    let plain = !toks[i + 1..c]
        .iter()
        .enumerate()
        .any(|(k, t)| is_verb_word(t) && !after_determiner(toks, i + 1 + k));
    // "pledged to shut down the centres, after ...": an infinitive is no adjunct.
    if toks[c].lower != "," || toks[i].lower == "to" || !opens_adjunct || !plain {
        return None;
    }
    let reach = (c + PARENTHETICAL_PP_REACH).min(toks.len());
    let that = (c + 2..reach).find(|&k| toks[k].lower == "that" && toks[k - 1].lower == ",")?;
    // The asides may hold a clause of their own ("..., after Kyiv dropped its status, that").
    let asides = (c + 2..that).all(|k| {
        let t = &toks[k];
        (t.is_word && !t.quoted) || t.lower == "," || t.lower.bytes().all(|b| b.is_ascii_digit())
    });
    // Not a relative pronoun ("a movement, founded in 1990, that focused on ...").
    let relative = toks
        .get(that + 1)
        .is_some_and(|n| is_verb_word(n) || n.is(Class::ModalVerb));
    (asides && !relative).then_some(that)
}

/// The word at `k` follows a determiner, so it modifies a noun ("a televised address").
fn after_determiner(toks: &[Token], k: usize) -> bool {
    k > 0 && toks[k - 1].is(Class::Determiner)
}

/// No verb or subject pronoun stands in `toks[from..head_end]` (the phrase before any relative
/// clause inside it), and a subject, not a verb, follows the "that" ("with the envoy that Kyiv
/// would ...", not "on goods made by firms that move ...").
fn verbless_phrase_then_subject(toks: &[Token], from: usize, head_end: usize, that: usize) -> bool {
    let clause_word =
        |t: &Token| is_verb_word(t) || t.is(Class::SubjectPronoun) || t.is(Class::ModalVerb);
    // "in a video address posted on Telegram that": a past form before a preposition modifies
    // the noun before it.
    let modifier = |k: usize| {
        after_determiner(toks, k)
            || (plain_past(&toks[k])
                && k > from
                && toks[k - 1].is_word
                && toks.get(k + 1).is_some_and(|n| n.is(Class::Preposition)))
    };
    let verb_in_phrase = (from..head_end).any(|k| clause_word(&toks[k]) && !modifier(k));
    !verb_in_phrase && !toks.get(that + 1).is_some_and(clause_word)
}

/// The phrase opening at `k` is set off inside the clause: its closing comma (before `to`) is
/// followed by a finite verb.
fn inside_clause(toks: &[Token], k: usize, to: usize) -> bool {
    (k..to)
        .find(|&c| toks[c].lower == "," && !toks[c].quoted)
        .and_then(|c| toks.get(c + 1))
        .is_some_and(|n| !n.quoted && n.is(Class::FiniteVerb))
}

/// A quotation mark token (straight, curly or a doubled apostrophe).
fn is_quote_token(t: &Token) -> bool {
    !t.is_word && (t.lower == "''" || t.lower.starts_with(crate::quotes::is_quote_mark))
}

/// A candidate content clause.
pub(super) struct Clause {
    pub(super) range: Range<usize>,
    /// Introduced by "that", a colon, a comma after "according to X", or a quotation mark.
    pub(super) introduced: bool,
    /// Reads as a clause of its own: does not open with a preposition or a bare verb.
    pub(super) strong: bool,
    /// Holds a finite verb (or a quotation).
    pub(super) has_verb: bool,
}

/// The clause `toks[from..to]`, if it has three words or more.
pub(super) fn clause(
    text: &str,
    toks: &[Token],
    from: usize,
    to: usize,
    after: bool,
    according: bool,
) -> Option<Clause> {
    clause_of_at_least(text, toks, from, to, after, according, MIN_CLAUSE_WORDS)
}

/// Fewest words a clause needs to be reported content.
const MIN_CLAUSE_WORDS: usize = 3;

/// Fewest words of a noun-phrase content ("rejected that idea", "called Trump \"unhinged\"").
pub(super) const MIN_NP_CONTENT_WORDS: usize = 2;

/// `clause`, with the fewest words it needs given.
pub(super) fn clause_of_at_least(
    text: &str,
    toks: &[Token],
    mut from: usize,
    to: usize,
    after: bool,
    according: bool,
    min_words: usize,
) -> Option<Clause> {
    let to = if after {
        cut_clause(toks, from, to)
    } else {
        to
    };
    if !after {
        from = skip_connective(toks, from, to);
    }
    // "it's \"disastrous\"": a pronoun with a clitic verb is two words.
    let contracted =
        |t: &Token| t.has_clitic() && lexicon::is(Class::SubjectPronoun, t.without_clitic());
    let words = toks
        .get(from..to)?
        .iter()
        .filter(|t| t.is_word)
        .map(|t| 1 + usize::from(contracted(t)))
        .sum::<usize>();
    if words < min_words {
        return None;
    }
    let first = &toks[from];
    let introduced = after
        && (first.is_quote(text)
            || from > 0
                && matches!(toks[from - 1].lower.as_ref(), "that" | ":" | ",")
                && !toks[from - 1].quoted);
    let time_phrase = first.is(Class::TimeDeterminer)
        && toks.get(from + 1).is_some_and(|t| t.is(Class::TimeNoun));
    let date_opener = !after
        && crate::dates::date_at_start(&text[first.range.start..toks[to - 1].range.end]).is_some();
    // "Inviting Ukraine now would be ..., according to X": a gerund may open the clause.
    let participle_opener =
        !after && !according && first.lower.ends_with("ing") && first.lower.len() > 5;
    let weak_start =
        first.is(Class::NotClauseStart) || time_phrase || date_opener || participle_opener;
    let has_verb = toks[from..to].iter().any(is_verb_word)
        || toks[from..to].iter().any(|t| t.quoted || contracted(t))
        || (!after
            && (from + 1..to.saturating_sub(1)).any(|i| present_tense_verb(toks, i, Some(from))));
    // "said if elected he would cut taxes": after the cue, a subordinate clause may lead the
    // reported sentence.
    // Its verb is lowercase, a clitic or quoted: "before the Senate Armed Forces Panel" names a
    // panel.
    let lowercase_verb = toks[from..to]
        .iter()
        .any(|t| (is_verb_word(t) && !t.is_capitalized()) || t.quoted || contracted(t));
    let subordinate_lead = after
        && lowercase_verb
        && words >= SUBORDINATE_LEAD_WORDS
        && first.is(Class::SubordinateOpener);
    let strong = introduced
        || subordinate_lead
        || (!weak_start && (after || has_verb || according))
        || (!after && weak_start && full_sentence_after_opener(toks, from, to, participle_opener));
    let range = trim_content(text, toks[from].range.start..toks[to - 1].range.end);
    Some(Clause {
        range,
        introduced,
        strong,
        has_verb,
    })
}

/// "The plan includes ...", "it remains ...", "Ukraine deserves ...": a lowercase word in "-s"
/// after a name, a pronoun subject, or a determiner and one noun reads as a present-tense verb.
/// With `clause_start` (a clause read before its speaker, which opens at that token), the
/// determiner may open a longer noun phrase ("every month of delay costs").
fn present_tense_verb(toks: &[Token], i: usize, clause_start: Option<usize>) -> bool {
    let t = &toks[i];
    let w = t.lower.as_ref();
    let shape = t.is_word
        && !t.quoted
        && w.len() > 3
        && w.ends_with('s')
        && !["ss", "us", "is", "'s", "’s"]
            .iter()
            .any(|e| w.ends_with(e))
        && w.chars().all(|c| c.is_ascii_lowercase());
    let prev = &toks[i - 1];
    let after_name = prev.is_capitalized_word() && !prev.quoted;
    let after_pronoun = prev.is(Class::SubjectPronoun);
    let after_noun = toks[i - 1].is_word
        && !toks[i - 1].lower.ends_with('s')
        && !toks[i - 1].is(Class::Preposition)
        && match clause_start {
            // A verb of the longer phrase takes a word after it ("costs lives"): a list of
            // noun phrases ends on a plural ("the timing of membership talks, X said").
            Some(start) => {
                determiner_opens_phrase(toks, start, i - 1)
                    && toks.get(i + 1).is_some_and(|n| n.is_word)
            }
            None => i >= 2 && toks[i - 2].is(Class::Determiner),
        };
    shape && (after_name || after_pronoun || after_noun)
}

/// Most words of a noun phrase between its determiner and a verb ("every month of delay on
/// the bid costs").
const NOUN_PHRASE_REACH: usize = 8;

/// The word at `head` ends a noun phrase that a determiner opens ("this delay", "every month of
/// delay"): a determiner within reach before it, at or after `clause_start`, with only unquoted
/// words between, none a verb.
fn determiner_opens_phrase(toks: &[Token], clause_start: usize, head: usize) -> bool {
    let start = head.saturating_sub(NOUN_PHRASE_REACH).max(clause_start);
    for j in (start..head).rev() {
        let t = &toks[j];
        if !t.is_word || t.quoted || is_verb_word(t) {
            return false;
        }
        if t.is(Class::Determiner) || t.is(Class::ClauseDeterminer) && !t.is(Class::ObjectPronoun) {
            return true;
        }
    }
    false
}

/// A word outside quotation marks that reads as a finite verb: a listed one, or a past tense
/// in "-ed".
pub(super) fn is_verb_word(t: &Token) -> bool {
    t.is_word && !t.quoted && (t.is(Class::FiniteVerb) || plain_past(t))
}

/// An unquoted word in a regular past tense ("bowed", "praised").
fn plain_past(t: &Token) -> bool {
    t.is_word && !t.quoted && lexicon::is_regular_participle(&t.lower)
}

/// Fewest words of a reported clause led by a subordinate clause ("if elected he would win").
const SUBORDINATE_LEAD_WORDS: usize = 5;

/// Fewest tokens of a main clause after an opening adjunct's comma.
const MAIN_CLAUSE_MIN: usize = 4;

/// "After two decades in Congress, Sanders plans to stay, Devine said": before its speaker, a
/// sentence that opens with an adjunct is still a whole clause when a main clause with a verb
/// follows the adjunct's comma; "Seeing his brother suffer led him to ..., he said": a gerund
/// subject with a verb after it and no comma.
fn full_sentence_after_opener(toks: &[Token], from: usize, to: usize, gerund: bool) -> bool {
    let verb = |ts: &[Token]| ts.iter().any(is_verb_word);
    let comma = (from..to).find(|&j| toks[j].lower == "," && !toks[j].quoted);
    match comma {
        Some(c) => to - c > MAIN_CLAUSE_MIN && verb(&toks[c + 1..to]),
        None => gerund && verb(&toks[from + 1..to]),
    }
}

/// "However, CLAUSE, X said": the connective is not part of the content.
pub(super) fn skip_connective(toks: &[Token], from: usize, to: usize) -> usize {
    let mut i = from;
    if i < to && toks[i].is(Class::ClauseConnective) {
        i += 1;
        if i < to && toks[i].lower == "," {
            i += 1;
        }
    }
    i
}

/// End the clause at ", but did not ...", ", he added" or similar.
pub(super) fn cut_clause(toks: &[Token], from: usize, to: usize) -> usize {
    for j in from..to {
        let t = &toks[j];
        if t.quoted {
            continue;
        }
        // "..., but did not ...", "..., but called it ...": the subject's next act, not content.
        let next_act = toks.get(j + 1).is_some_and(|n| {
            is_bare_predicate(n) || super::cues::match_at(toks, j + 1, false).is_some()
        });
        if t.lower == "but" && next_act {
            return if j > from && toks[j - 1].lower == "," {
                j - 1
            } else {
                j
            };
        }
        if t.lower == "but"
            && j > from
            && toks[j - 1].lower == ","
            && modal_then_past(toks, from, j)
        {
            return j - 1; // "... would join NATO, but bowed to pressure": the subject's next act
        }
        if t.lower == "," && j > from && is_medium_adjunct(&toks[j + 1..to]) {
            return j; // "..., in a letter sent to his counterparts on Saturday."
        }
        if j > from && opens_next_report(toks, j) {
            return j;
        }
        if j > from + 1 && toks[j - 1].lower == "," && opens_other_report(toks, j) {
            return j - 1;
        }
        // Not inside a list ("three charges, including fraud, violating the act").
        let listing = || {
            toks[from..j]
                .iter()
                .any(|t| t.lower == ":" || t.is(Class::IngPreposition))
        };
        if t.lower == "," && j > from && opens_absolute(toks, j + 1, to) {
            return j; // "..., with its foreign minister telling reporters that ...": narration
        }
        if t.lower == "," && j > from && trailing_according(toks, j + 1, to) {
            return j; // "..., according to a member of the delegation": the report's source
        }
        // "..., throwing a wrench in the plans": the narrator's comment, unless a verb follows
        // the phrase's own comma ("the plan, effectively ending the route, would cost more").
        let adjunct_ends =
            |k: usize| opens_participle_adjunct(toks, k) && !inside_clause(toks, k, to);
        if t.lower == "," && j > from && adjunct_ends(j + 1) && !listing() {
            return j;
        }
        // The same after a quotation that closes on its comma ("a \"rebuke,\" putting ...").
        let comma_closes_quote =
            j > from && toks[j - 1].lower == "," && toks[j - 1].quoted && is_quote_token(t);
        let quote_adjunct_ends =
            |k: usize| opens_participle_adjunct_after_quote(toks, k) && !inside_clause(toks, k, to);
        if comma_closes_quote && quote_adjunct_ends(j + 1) && !listing() {
            return j + 1;
        }
        if j > from + 1 && toks[j - 1].lower == "," && pronoun_act_follows(toks, j) {
            return j - 1; // "..., and he railed against the moderators": the narrator again
        }
        if j > from + 1 && toks[j - 1].lower == "," && occasion_follows(toks, j) {
            return j - 1; // "..., as he met envoys in Warsaw on Sunday": the narrator's scene
        }
        if j > from + 1 && t.is(Class::OccasionTimeLink) && occasion_of_report(toks, from, j, to) {
            return j; // "ruled out X when he addressed the ministers": the report's occasion
        }
        if t.lower == "," && j > from && summary_apposition(toks, j + 1) {
            return j; // "..., a message that set the tone for the talks": the narrator's comment
        }
        if t.lower == "and"
            && j > from + 1
            && is_quote_token(&toks[j - 1])
            && acts_next(toks, j + 1)
        {
            return j; // '... "a disgrace" and calls her ...': the speaker's next act
        }
        // "... a mock debate - and thinks that ...": the same after a dash, in the present
        // or with a cue ("- and flooded the town" may go on with what was said).
        let present_or_cue = |k: usize| {
            acts_next(toks, k) && !toks[k].lower.ends_with("ed")
                || super::cues::match_at(toks, k, false).is_some()
        };
        if t.lower == "and" && j > from + 1 && toks[j - 1].is_dash() && present_or_cue(j + 1) {
            return j - 1;
        }
        if t.lower == "and" && j > from + 1 && tense_shifts_back(toks, from, j) {
            return if toks[j - 1].lower == "," { j - 1 } else { j };
        }
    }
    to
}

/// A clause in the modal before ", but" and a simple past right after it ("pledged that Ukraine
/// would join, but bowed to pressure"): the past is the subject's next act, not more of what
/// was said.
fn modal_then_past(toks: &[Token], from: usize, but: usize) -> bool {
    let past = toks.get(but + 1).is_some_and(plain_past);
    // A verb with its object or preposition ("bowed to", "kept the"), not an adjective
    // ("increased Russian pressure").
    let governs = toks.get(but + 2).is_some_and(|o| {
        !o.quoted
            && (o.is(Class::ClauseDeterminer)
                || o.is(Class::Preposition)
                || lexicon::is(Class::InfinitiveMarker, &o.lower))
    });
    // A modal verb in lowercase ("May" is a month), before a word.
    let modal = toks[from..but]
        .iter()
        .any(|t| !t.quoted && !t.is_capitalized() && t.is(Class::ModalVerb));
    past && governs && modal
}

/// ", and he railed against ...", ", but she blamed ...": after a comma, a coordinator, then a
/// subject pronoun and a past tense in "-ed": a new sentence of the narrator's about the
/// speaker, not more of what was said ("..., and he would resign" stays).
fn pronoun_act_follows(toks: &[Token], j: usize) -> bool {
    let coordinator = matches!(toks[j].lower.as_ref(), "and" | "but") && !toks[j].quoted;
    let pronoun = toks
        .get(j + 1)
        .is_some_and(|t| !t.quoted && t.is(Class::PersonPronoun));
    let past_at = |k: usize| toks.get(k).is_some_and(plain_past);
    // "..., and he has cancelled his trip": the same in the perfect.
    let perfect = toks
        .get(j + 2)
        .is_some_and(|t| !t.quoted && t.is(Class::PresentPerfectAux));
    coordinator && pronoun && (past_at(j + 2) || (perfect && past_at(j + 3)))
}

/// ", as he met envoys", ", while she toured the port": after a comma, a link of time, then a
/// subject pronoun and a verb narrating an occasion: the narrator sets the scene of the
/// statement (", as they agreed in Vilnius" goes on with what was said).
fn occasion_follows(toks: &[Token], j: usize) -> bool {
    let link = !toks[j].quoted && toks[j].is(Class::OccasionLink);
    link && pronoun_then_scene(toks, j + 1)
}

/// A person pronoun at `i` and a verb narrating an occasion after it ("he met", "she
/// addressed"), both outside quotation marks.
fn pronoun_then_scene(toks: &[Token], i: usize) -> bool {
    let pronoun = toks
        .get(i)
        .is_some_and(|t| !t.quoted && t.is(Class::PersonPronoun));
    let scene = toks
        .get(i + 1)
        .is_some_and(|t| !t.quoted && t.is(Class::EventWord));
    pronoun && scene
}

/// "ruled out membership as part of a deal when he addressed the ministers": "when", a
/// personal pronoun and a verb narrating an occasion, after a noun-phrase content (no verb of
/// its own the "when" could attach to), tell when the words were said ("said Kyiv would join
/// when he met Putin", "said X caused a jam when he addressed voters" stay content). Not when
/// a reported clause with its subject follows the occasion ("recalled the minister's pledge
/// when he visited Riga that Ukraine would join"): the content goes on.
fn occasion_of_report(toks: &[Token], from: usize, when: usize, to: usize) -> bool {
    // "any negotiated settlement": a participle after a determiner is an adjective.
    let adjective = |k: usize| k > 0 && toks[k - 1].is(Class::ClauseDeterminer);
    let verb = || {
        (from..when).any(|k| {
            let t = &toks[k];
            (is_verb_word(t) && !adjective(k)) || (!t.quoted && t.is(Class::ModalVerb))
        })
    };
    // A "that" with a subject after it, not a relative pronoun before its verb.
    let clause_after = || {
        (when + 3..to).any(|k| {
            !toks[k].quoted
                && toks[k].is(Class::Complementizer)
                && toks
                    .get(k + 1)
                    .is_some_and(|n| n.is_word && !is_verb_word(n) && !n.is(Class::ModalVerb))
        })
    };
    !toks[when].quoted && pronoun_then_scene(toks, when + 1) && !verb() && !clause_after()
}

/// ", a message that set the tone", ", a blunt remark which angered ...": an indefinite
/// article, at most one word, a noun summing up a statement, then a relative pronoun and a
/// verb: the narrator's comment (", a signal that Moscow feared ..." states what the signal
/// says: it goes on with what was said).
fn summary_apposition(toks: &[Token], i: usize) -> bool {
    let article = toks
        .get(i)
        .is_some_and(|t| !t.quoted && t.is(Class::IndefiniteDeterminer));
    let relative_after = |k: usize| {
        toks.get(k)
            .is_some_and(|t| !t.quoted && t.is(Class::SummaryNoun))
            && toks
                .get(k + 1)
                .is_some_and(|t| !t.quoted && t.is(Class::RelativePronoun))
            && toks.get(k + 2).is_some_and(is_verb_word)
    };
    article && (relative_after(i + 1) || relative_after(i + 2))
}

/// Token `i` opens the speaker's next act after the reported words: a cue ("tells the crowd"),
/// a verb in the third person ("thinks") or in the past in "-ed" ("praised").
fn acts_next(toks: &[Token], i: usize) -> bool {
    let Some(t) = toks
        .get(i)
        .filter(|t| t.is_word && !t.quoted && !t.capitalized)
    else {
        return false;
    };
    let third_person = t.lower.ends_with('s')
        && t.is(Class::FiniteVerb)
        && !t.is(Class::BeForm)
        && !t.is(Class::PerfectAux);
    third_person || plain_past(t) || super::cues::match_at(toks, i, false).is_some()
}

/// "said she admires his resolve and thanked the troops": a clause reported in the present and
/// then "and" with a past-tense verb: the speaker's own next act, not more of what was said.
fn tense_shifts_back(toks: &[Token], from: usize, and: usize) -> bool {
    let past = toks.get(and + 1).is_some_and(plain_past);
    // The verb takes an object ("highlighted their ...", "questioned how ..."), so it is a
    // finite act, not a participle in a list ("beaten and kicked", "failures and alleged").
    let object = toks
        .get(and + 2)
        .is_some_and(|o| !o.quoted && (o.is(Class::Determiner) || o.is(Class::Interrogative)));
    let first_verb =
        (from + 1..and).find(|&i| is_verb_word(&toks[i]) || present_tense_verb(toks, i, None));
    past && object && first_verb.is_some_and(|i| present_tense_verb(toks, i, None))
}

/// "..., telling reporters that ...", "... and added that ...": the speaker's next report
/// starts at token `j`: a comma before a participle cue, or "and" before a core cue.
fn opens_next_report(toks: &[Token], j: usize) -> bool {
    let Some(next) = toks.get(j + 1).filter(|n| n.is_word && !n.quoted) else {
        return false;
    };
    match toks[j].lower.as_ref() {
        "," => next.is(Class::ParticipleCue),
        "and" => {
            let cue = super::cues::match_at(toks, j + 1, false).is_some();
            // ", and threatened to ...": after a comma any cue is the next act.
            let after_comma = toks[..j]
                .iter()
                .rev()
                .find(|t| t.is_word || t.lower == "," || t.lower == ".")
                .is_some_and(|t| t.lower == ",");
            cue && (next.is(Class::CoreCue) || after_comma)
        }
        _ => false,
    }
}

/// Most words between "with" and the participle of an absolute phrase.
const ABSOLUTE_SUBJECT_WORDS: usize = 8;

/// "with Hungary's minister telling reporters ...": "with", a short noun phrase, then an "-ing"
/// participle, from token `i`: a comment of the narrator's attached to the clause.
fn opens_absolute(toks: &[Token], i: usize, to: usize) -> bool {
    if toks.get(i).is_none_or(|t| t.lower != "with" || t.quoted) {
        return false;
    }
    let end = to.min(i + 2 + ABSOLUTE_SUBJECT_WORDS);
    // The words between are a noun phrase: no preposition or coordinator ("with or without").
    let np_word = |t: &Token| {
        t.is_word
            && !t.quoted
            && !t.is(Class::Preposition)
            && !t.is(Class::ClauseCoordinator)
            && t.lower != "or"
    };
    // A participle goes on with an object or clause ("telling reporters"); a gerund noun ends
    // its phrase or takes a preposition ("with new funding for schools").
    let verbal = |k: usize| {
        toks.get(k + 1).is_some_and(|n| {
            n.is_word && (n.lower == "that" || !crate::lexicon::STOPWORDS.contains(n.base()))
        })
    };
    (i + 2..end)
        .take_while(|&k| np_word(&toks[k - 1]))
        .any(|k| is_participle_word(&toks[k]) && verbal(k))
}

/// "according to X" from token `i` to the end of the clause at `to`, with no comma after it: it
/// names who reported the clause before it, and is no part of it.
fn trailing_according(toks: &[Token], i: usize, to: usize) -> bool {
    let opens = toks
        .get(i)
        .is_some_and(|t| t.lower == "according" && !t.quoted)
        && toks.get(i + 1).is_some_and(|t| t.lower == "to");
    opens && !toks[i..to].iter().any(|t| t.lower == "," && !t.quoted)
}

/// A participle phrase opening at token `i` after a comma: a lowercase "-ing" word that is not
/// a preposition ("including"), with a determiner or object pronoun after it.
pub(super) fn opens_participle_adjunct(toks: &[Token], i: usize) -> bool {
    // "..., implicitly putting his name on the line": an adverb may come first.
    let adverb = toks
        .get(i)
        .is_some_and(|t| !t.quoted && t.is_manner_adverb());
    let i = i + usize::from(adverb);
    toks.get(i).is_some_and(is_participle_word)
        && toks
            .get(i + 1)
            .is_some_and(|o| !o.quoted && o.is(Class::ClauseDeterminer))
}

/// [`opens_participle_adjunct`], or a participle whose object is a name: after a quotation
/// closed on its comma the phrase cannot go on with what was said ('"irreversible," handing
/// Kyiv a new pledge').
fn opens_participle_adjunct_after_quote(toks: &[Token], i: usize) -> bool {
    opens_participle_adjunct(toks, i)
        || (toks.get(i).is_some_and(is_participle_word)
            && toks
                .get(i + 1)
                .is_some_and(|o| !o.quoted && o.is_word && o.is_capitalized()))
}

/// A lowercase "-ing" word that can be a participle: not a short word ("being", "thing") and
/// not a preposition in "-ing" ("including", "regarding").
pub(super) fn is_participle_word(t: &Token) -> bool {
    t.is_word
        && !t.quoted
        && !t.capitalized
        && t.lower.len() > 5
        && t.lower.ends_with("ing")
        && !t.is(Class::IngPreposition)
}

/// Most words of a subject between ", and" and its cue ("..., and other European leaders said").
const OTHER_SUBJECT_WORDS: usize = 6;

/// "Ukraine is ready, and other leaders said ...": after ", and"/", but" a short subject and a
/// core cue begin someone else's report, whether or not that speaker is named.
fn opens_other_report(toks: &[Token], j: usize) -> bool {
    if !matches!(toks[j].lower.as_ref(), "and" | "but") {
        return false;
    }
    let subject_word =
        |t: &Token| t.is_word && !t.quoted && t.lower != "that" && !t.is(Class::FiniteVerb);
    (j + 2..toks.len().min(j + 2 + OTHER_SUBJECT_WORDS))
        .take_while(|&k| subject_word(&toks[k - 1]))
        .any(|k| {
            !toks[k].quoted
                && toks[k].is(Class::CoreCue)
                && super::cues::match_at(toks, k, false).is_some()
        })
}

/// A trailing ", in a letter ...", ", in a post on Telegram", ", in a statement": where the
/// words were published, not what they said.
fn is_medium_adjunct(rest: &[Token]) -> bool {
    let words: Vec<&str> = rest
        .iter()
        .filter(|t| t.is_word)
        .map(|t| t.lower.as_ref())
        .collect();
    matches!(words.as_slice(), [prep, det, noun, ..] if lexicon::is(Class::MediumPreposition, prep) && lexicon::is(Class::MediumDeterminer, det) && lexicon::is(Class::Medium, noun))
        && rest.iter().filter(|t| t.is_word).count() <= MAX_MEDIUM_ADJUNCT_WORDS
        && !rest.iter().any(|t| t.lower == "that" || t.quoted)
}

/// A verb that after "but" starts a new predicate of the subject ("but declined to say").
pub(super) fn is_bare_predicate(t: &Token) -> bool {
    t.is(Class::BarePredicate)
}

/// A verb at `i` with no subject before it in its clause ("which he said *were* split"): the
/// predicate of a relative clause the frame sits in.
pub(super) fn verb_opens_predicate(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.is_word
            && !t.quoted
            && !t.is_capitalized()
            && (t.is(Class::FiniteVerb) || t.lower.ends_with("ed"))
    })
}

/// The clause before the speaker ends at the comma (or quotation) that precedes it.
pub(super) fn before_end(toks: &[Token], region_start: usize) -> usize {
    let mut e = region_start;
    let closing_mark = |t: &Token| {
        !t.is_word && (t.lower == "''" || t.lower.chars().next().is_some_and(is_quote_mark))
    };
    while e > 0
        && (matches!(toks[e - 1].lower.as_ref(), "," | "—" | "–" | "-")
            || closing_mark(&toks[e - 1]))
    {
        e -= 1;
    }
    if e == region_start || !toks[e..region_start].iter().any(|t| !closing_mark(t)) {
        return 0; // no comma: the speaker opens the sentence or follows a verb
    }
    e
}

/// End of the clause after a cue when another cue's speaker follows in the sentence.
pub(super) fn clause_end_before(toks: &[Token], next_region: usize) -> usize {
    let mut e = next_region;
    while e > 0 && (matches!(toks[e - 1].lower.as_ref(), "," | "and") || toks[e - 1].is_dash()) {
        e -= 1;
    }
    e
}

/// Trim spaces and trailing punctuation (and a leading "that") from content.
pub(super) fn trim_content(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim_start();
    let t = ["that ", "the fact that ", "the idea that "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    let lead = lead + (s.trim_start().len() - t.len());
    let trimmed = t.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '—' | '–')
    });
    let start = r.start + lead;
    start..start + trimmed.len()
}
