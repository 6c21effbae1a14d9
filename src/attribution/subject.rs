//! Finding the speaker phrase of a cue: the subject before it (with titles, appositions,
//! parentheticals and adjuncts skipped), the clause subject for coordinated and participle
//! cues, or the phrase after an inverted cue (`"Q," said X`).

use super::speakers;
use super::tokens::Token;
use crate::lexicon::{self, Class};
use std::ops::Range;

/// A subject before a cue is a title and a name ("NATO Secretary General Jens Stoltenberg").
const MAX_SUBJECT_WORDS: usize = 10;

/// "(R-Ohio)", "(a Connecticut Democrat so boyish he ...)": a parenthetical between a name and
/// its cue.
const PARENTHETICAL_TOKENS: usize = 24;

/// ", speaking at a press conference in Brussels on Tuesday,": an adjunct between commas.
const MAX_COMMA_ADJUNCT_TOKENS: usize = 20;

/// ", the deputy head of the presidential office in charge of ...,": a long title still fits.
const MAX_APPOSITION_TOKENS: usize = 24;

/// "of the call", "of the talks": a document's topic after its noun.
const DOCUMENT_TOPIC_TOKENS: usize = 3;

/// "of the Council on Foreign Relations": a place or employer after a name.
const MAX_ORIGIN_TOKENS: usize = 8;

/// ", who lost her daughter in Aurora, Colorado, in July 2012,": the longest interruption with
/// commas of its own between a name and its cue.
const MAX_INTERRUPTION_TOKENS: usize = 40;

/// A longer run of noun-phrase words before a cue is a clause, not a speaker.
const MAX_NP_TOKENS: usize = 14;

/// "said X" reads a speaker of at most this many tokens after the cue.
const MAX_INVERTED_NP_TOKENS: usize = 16;

/// A subject phrase: the name tokens, a title written beside them, and where the whole phrase
/// (title included) starts.
pub(super) struct Subject {
    /// Token range of the name (or pronoun, institution, nominal).
    pub(super) np: Range<usize>,
    /// A title written beside it.
    pub(super) title: Option<String>,
    /// First token of the whole phrase, title included.
    pub(super) start: usize,
}

/// The speaker phrase right before a cue, with a title from an apposition:
/// "NATO Secretary General Jens Stoltenberg said", "Andriy Yermak, head of the presidential
/// staff, said", "the head of the Defence Ministry, Oleksii Reznikov, said", "he said".
pub(super) fn subject_np(text: &str, toks: &[Token], cue_start: usize) -> Option<Subject> {
    let mut k = cue_start;
    // A capitalised modifier after a name word is part of the name ("Theresa May said").
    let aux_at = |k: usize| {
        let t = &toks[k];
        // "Mrs. May said", and "May said" after a quotation's comma: a capitalised surname
        // homograph after an honorific or right after a quotation is a surname, not a modal.
        let after_quote =
            k > 1 && toks[k - 2].quoted && (toks[k - 1].is_quote(text) || toks[k - 1].lower == ",");
        let name_part = k > 0
            && t.is_capitalized()
            && (speakers::is_name_word(&toks[k - 1])
                || (t.is(Class::SurnameHomograph)
                    && (speakers::follows_honorific(toks, k) || after_quote)));
        // "Both said" opening a sentence: the floating "both" of "A and B both said" is the
        // whole subject.
        let group_subject = k == 0 && t.is(Class::GroupAnaphorHead);
        (t.is(Class::CueModifier) && !name_part && !group_subject)
            || crate::dates::is_weekday_word(&t.lower)
            || t.is_manner_adverb()
    };
    while k > 0 && aux_at(k - 1) && !toks[k - 1].quoted {
        k -= 1;
    }
    if let Some(subject) = authored_document_subject(text, toks, k) {
        return Some(subject);
    }
    if let Some(subject) = document_from_subject(text, toks, k) {
        return Some(subject);
    }
    if let Some(subject) = relative_subject(text, toks, k) {
        return Some(subject);
    }
    if let Some(subject) = reduced_relative_subject(text, toks, k) {
        return Some(subject);
    }
    if let Some(subject) =
        comma_before(text, toks, k).and_then(|c| long_interruption(text, toks, c))
    {
        return Some(subject);
    }
    k = skip_adjunct_before_cue(toks, k);
    k = skip_dash_parenthetical(toks, k);
    // "Sen. Jack Reed (D-R.I.), said": a stray comma after the parenthetical.
    if k > 2 && toks[k - 1].lower == "," && toks[k - 2].lower == ")" {
        k -= 1;
    }
    if let Some(open) = k.checked_sub(1).and_then(|c| party_tag_before(toks, c)) {
        k = open;
    }
    k = skip_parenthetical(toks, k);
    k = skip_comma_adjunct(toks, k);
    if k == 0 {
        return None;
    }
    if toks[k - 1].lower == "," {
        return apposed_subject(text, toks, k - 1);
    }
    let end = skip_org_seat(toks, skip_document_topic(toks, skip_name_origin(toks, k)));
    if lexicon::is(Class::SubjectPronoun, toks[end - 1].without_clitic()) {
        return subject_starts_clause(toks, end - 1).then(|| Subject {
            np: end - 1..end,
            title: None,
            start: end - 1,
        });
    }
    let phrase_start = speakers::group_anaphor_start(toks, np_start(toks, end), end);
    let mut start =
        speakers::outlet_start(text, toks, end).map_or(phrase_start, |o| o.min(phrase_start));
    // "Only Hungary said": a capitalised focus adverb opening the sentence is not a name.
    if start + 1 < end && toks[start].is(Class::FocusAdverb) {
        start += 1;
    }
    if start == end {
        return long_title_name(text, toks, end, None);
    }
    if let Some(subject) = title_joined_subject(text, toks, start, end) {
        return Some(subject);
    }
    if !subject_starts_clause(toks, start) {
        return described_name(text, toks, start, end)
            .or_else(|| long_title_name(text, toks, end, None));
    }
    // "Andriy Yermak, the head of the president's office, who ..., wrote": the phrase found is
    // an apposition; the name before its comma is the subject.
    let descriptive = toks[start].is(Class::DescriptiveDeterminer)
        || crate::lexicon::is_title(toks[start].base());
    if start >= 2 && toks[start - 1].lower == "," && descriptive {
        let name_start = np_start(toks, start - 1);
        let run = speakers::name_run(toks, name_start);
        if !run.is_empty() && run.end == start - 1 && subject_starts_clause(toks, name_start) {
            let title = speakers::join(text, &toks[start..end]);
            return Some(Subject {
                np: run,
                title: Some(title),
                start: name_start,
            });
        }
    }
    Some(Subject {
        np: start..end,
        title: None,
        start,
    })
}

/// The subject of the clause that ends before token `end`: the noun phrase opening the
/// sentence, after an introductory phrase and its comma ("Speaking on Thursday, Zelensky ...").
pub(super) fn clause_subject(toks: &[Token], end: usize) -> Option<Subject> {
    let mut start = after_dateline(toks, end);
    // "On Thursday, after remaining neutral, Warren endorsed ...": introductory phrases, each
    // closed by a comma, come before the subject.
    for _ in 0..INTRO_PHRASES {
        if !opens_intro_phrase(toks, start) {
            break;
        }
        match (start..end).find(|&j| toks[j].lower == "," && !toks[j].quoted) {
            Some(comma) => start = comma + 1,
            // "When Rubio thanked Miami and said ...": the subordinate clause's own subject.
            None if toks[start].is(Class::SubordinateOpener) => {
                start += 1;
                break;
            }
            None if start == 0 => return None,
            None => break,
        }
    }
    let np_end = |from: usize| {
        let mut stop = from;
        while stop < end && is_np_word(&toks[stop]) && stop - from < MAX_SUBJECT_WORDS {
            stop += 1;
        }
        stop
    };
    let np = last_conjunct(toks, start..np_end(start), end, np_end);
    // "Sen. Bernie Sanders (I-Vt.) defended ...": a parenthetical after the subject.
    let after_np = if toks.get(np.end).is_some_and(|t| t.lower == "(") {
        (np.end..end.min(np.end + PARENTHETICAL_TOKENS))
            .find(|&j| toks[j].lower == ")")
            .map_or(np.end, |close| close + 1)
    } else {
        np.end
    };
    let verb_or_apposition = toks
        .get(after_np)
        .is_some_and(|t| (t.is_word && !t.is_capitalized() && t.lower != "and") || t.lower == ",");
    (!np.is_empty() && verb_or_apposition).then_some(Subject {
        np,
        title: None,
        start,
    })
}

/// "Poland and Lithuania signed ...", "A, B and C signed ...": the last conjunct of a list
/// joined by "and" (after commas, if any) is the subject; the frame's conjuncts give the
/// others. A phrase after a comma with no "and" to follow is an apposition, not a conjunct.
fn last_conjunct(
    toks: &[Token],
    first: Range<usize>,
    end: usize,
    np_end: impl Fn(usize) -> usize,
) -> Range<usize> {
    let mut np = first.clone();
    let (mut joined, mut commas) = (false, false);
    while np.end + 1 < end && !toks[np.end].quoted {
        let sep = toks[np.end].lower.as_ref();
        // ", and": a serial comma before the last conjunct.
        let serial = sep == "," && toks[np.end + 1].lower == "and";
        let from = np.end + 1 + usize::from(serial);
        if !matches!(sep, "," | "and") || from >= end {
            break;
        }
        let next = from..np_end(from);
        // "A, B and C": after a comma only a capitalised name ("A, Ukraine's minister for
        // X and Y, said" lists no one).
        let named = toks[next.clone()].iter().all(Token::is_capitalized);
        if next.is_empty() || (sep == "," && !named) {
            break;
        }
        commas |= sep == ",";
        joined = sep == "and" || serial;
        np = next;
        // A comma after an "and" conjunct closes the list.
        if joined && toks.get(np.end).is_some_and(|t| t.lower == ",") {
            break;
        }
    }
    // "Zelensky, Ukraine's president and commander, said": a comma-led phrase that a comma
    // closes again is an apposition.
    let apposition = commas && toks.get(np.end).is_some_and(|t| t.lower == ",");
    if joined && !apposition {
        np
    } else {
        first
    }
}

/// The comma right before token `i`, also when it sits inside a closing quotation mark
/// ('citing "the unique magic of Trump," said').
pub(super) fn comma_before(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    match i {
        _ if i > 1 && toks[i - 1].lower == "," => Some(i - 1),
        _ if i > 2 && toks[i - 1].is_quote(text) && toks[i - 2].lower == "," => Some(i - 2),
        _ => None,
    }
}

/// Most tokens scanned back from a participle cue for its clause's subject.
const LOCAL_SUBJECT_REACH: usize = 30;

/// The subject of the nearest clause before token `end`, when the sentence's own subject is
/// not it: "..., as Mrs. Clinton echoed the criticism, saying", "And then Trump went on the
/// attack, saying". A name or pronoun right after a clause boundary, followed by a lowercase
/// word (its verb).
pub(super) fn local_clause_subject(toks: &[Token], end: usize) -> Option<Subject> {
    let lo = end.saturating_sub(LOCAL_SUBJECT_REACH);
    (lo..end).rev().find_map(|b| {
        if toks[b].quoted || !(b == 0 || toks[b - 1].is(Class::ClauseBoundary)) {
            return None;
        }
        // "Germany and France signed ..., promising": one conjunct is not the subject.
        if b > 1 && toks[b - 1].lower == "and" && is_np_word(&toks[b - 2]) {
            return None;
        }
        let stop = if toks[b].is(Class::SubjectPronoun) {
            b + 1
        } else {
            (b..end).find(|&j| !is_np_word(&toks[j])).unwrap_or(end)
        };
        let verb_next = toks.get(stop).is_some_and(|t| {
            t.is_word
                && !t.quoted
                && !t.is_capitalized()
                && !t.is(Class::ClauseBoundary)
                && !matches!(t.lower.as_ref(), "or" | "nor")
                && stop < end
        });
        let np = b..stop;
        (!np.is_empty() && np.len() <= MAX_SUBJECT_WORDS && verb_next).then_some(Subject {
            np,
            title: None,
            start: b,
        })
    })
}

/// Most tokens from a document's noun to its cue ("letter, signed by Senators A, B and C,").
const AUTHORED_DOCUMENT_TOKENS: usize = 20;

/// "The letter, signed by Senators A and B, urged ...", "A statement issued by Foreign
/// Minister X said ...": a document opening the clause whose authors a by-phrase names right
/// before the cue. The authors speak: the last is the subject, `conjuncts` gives the others.
fn authored_document_subject(text: &str, toks: &[Token], k: usize) -> Option<Subject> {
    let mut end = if k > 0 && toks[k - 1].lower == "," {
        k - 1
    } else {
        k
    };
    // "issued by the allies on Thursday states": the weekday is skipped already, its
    // preposition here.
    if end > 0 && toks[end - 1].is(Class::TimePreposition) && !toks[end - 1].quoted {
        end -= 1;
    }
    let plain = |t: &Token| !t.quoted && (t.is_word || t.lower == ",");
    let by = (end.saturating_sub(AUTHORED_DOCUMENT_TOKENS)..end)
        .rev()
        .take_while(|&j| plain(&toks[j]))
        .find(|&j| toks[j].lower == "by")?;
    if by < 2 || !lists_authors(toks, by + 1) {
        return None;
    }
    let noun = if toks[by - 2].lower == "," {
        by.checked_sub(3)?
    } else {
        by - 2
    };
    let document = toks.get(noun).is_some_and(|t| {
        plain(t) && lexicon::is(Class::DocumentNoun, &t.lower) && !t.is_capitalized()
    });
    if !document || !subject_starts_clause(toks, np_start(toks, noun + 1)) {
        return None;
    }
    let start = np_start(toks, end);
    let mut first = super::find::conjuncts(text, toks, start)
        .first()
        .map_or(start, |c| c.0);
    while first > by + 1 && is_title_or_plural(&toks[first - 1]) {
        first -= 1;
    }
    let named = matches!(
        speakers::classify(text, &toks[start..end], None),
        Some(
            speakers::Mention::Name { .. }
                | speakers::Mention::Organization(_)
                | speakers::Mention::Members(_)
        )
    );
    (first == by + 1 && start < end && named).then_some(Subject {
        np: start..end,
        title: None,
        start,
    })
}

/// "A statement from the Polish foreign ministry said", "A letter from X to allied leaders
/// argues": a document noun opening the clause, "from" and its author (before any addressee
/// after "to") right before the cue at `k`; the author speaks.
fn document_from_subject(text: &str, toks: &[Token], k: usize) -> Option<Subject> {
    let plain = |t: &Token| !t.quoted && t.is_word;
    let from = (k.saturating_sub(AUTHORED_DOCUMENT_TOKENS)..k)
        .rev()
        .take_while(|&j| plain(&toks[j]))
        .find(|&j| toks[j].lower == "from")?;
    let noun = from.checked_sub(1)?;
    let document =
        lexicon::is(Class::DocumentNoun, &toks[noun].lower) && !toks[noun].is_capitalized();
    if !document || !subject_starts_clause(toks, np_start(toks, noun + 1)) {
        return None;
    }
    let start = from + 1;
    let end = (start..k).find(|&j| toks[j].lower == "to").unwrap_or(k);
    let named = matches!(
        speakers::classify(text, toks.get(start..end)?, None),
        Some(
            speakers::Mention::Name { .. }
                | speakers::Mention::Organization(_)
                | speakers::Mention::Members(_)
        )
    );
    (start < end && named).then_some(Subject {
        np: start..end,
        title: None,
        start,
    })
}

/// "a letter signed by A and B": the list starting at `start` names a document's authors.
pub(super) fn lists_authors(toks: &[Token], start: usize) -> bool {
    start >= 2
        && toks[start - 1].lower == "by"
        && lexicon::is(Class::AuthorshipParticiple, &toks[start - 2].lower)
}

/// "Bernie Sanders, who said he would ...": the relative pronoun's antecedent speaks.
fn relative_subject(text: &str, toks: &[Token], k: usize) -> Option<Subject> {
    if k < 3 || toks[k - 1].lower != "who" || toks[k - 2].lower != "," {
        return None;
    }
    // "Mayor Alan Berger of Englewood, who said": past the origin to the name.
    let comma = k - 2;
    let end = skip_name_origin(toks, comma);
    let start = np_start(toks, end);
    let Some(name_start) = (start..end).find(|&j| speakers::name_run(toks, j).end == end) else {
        return apposed_relative_subject(text, toks, comma).map(|s| Subject { start: comma, ..s });
    };
    // "Karl Brandt, a farmer from Lienz, Tyrol, who said", "Alan Berger, a doctor from
    // Englewood, who said": the name before ", who" may be the place of an apposition.
    let placed = |t: &Token| t.lower == "," || t.is(Class::Preposition);
    if name_start > 0 && placed(&toks[name_start - 1]) {
        if let Some(subject) = apposed_relative_subject(text, toks, comma) {
            return Some(Subject {
                start: comma,
                ..subject
            });
        }
    }
    let title = (start < name_start).then(|| speakers::join(text, &toks[start..name_start]));
    Some(Subject {
        np: name_start..end,
        title,
        // The relative clause opens at its comma: a content the frame interrupts ("she will
        // vote for Senator X of Vermont, who says ...") keeps the whole name.
        start: comma,
    })
}

/// Most tokens of an apposition between a name and ", who" ("the ranking Democrat on the
/// Senate Intelligence Committee").
const RELATIVE_APPOSITION_TOKENS: usize = 16;

/// "Dianne Feinstein, the ranking Democrat on the committee, who said ...", "said Alan Berger,
/// a doctor from Englewood, New Jersey, who said ...": the name before an apposition that ends
/// at `end` (the comma before "who"). The apposition opens with a determiner or a title word
/// and holds at most one comma of its own (a place and its state).
fn apposed_relative_subject(text: &str, toks: &[Token], end: usize) -> Option<Subject> {
    let from = end.saturating_sub(RELATIVE_APPOSITION_TOKENS);
    let plain = |t: &Token| !t.quoted && (t.is_word || t.lower == ",");
    let commas = (from..end)
        .rev()
        .take_while(|&j| plain(&toks[j]))
        .filter(|&j| toks[j].lower == ",");
    for comma in commas.take(2) {
        let Some(first) = toks.get(comma + 1) else {
            continue;
        };
        let apposition = first.is(Class::DescriptiveDeterminer) || lexicon::is_title(first.base());
        if !apposition || comma == 0 {
            continue;
        }
        // "Sen. Dianne Feinstein of California, the ranking Democrat ...": past the origin.
        let name_end = skip_name_origin(toks, comma);
        let np = np_start(toks, name_end);
        let run = (np..name_end)
            .map(|j| speakers::name_run(toks, j))
            .find(|r| !r.is_empty() && r.end == name_end);
        if let Some(run) = run {
            return Some(Subject {
                start: run.start,
                np: run,
                title: Some(speakers::join(text, &toks[comma + 1..end])),
            });
        }
    }
    None
}

/// Most tokens of a participle phrase between a subject and its cue ("issued by the 32 allies
/// on Thursday").
const REDUCED_RELATIVE_TOKENS: usize = 10;

/// "The communique issued by the allies on Thursday states ...", "NATO leaders gathered in the
/// capital agreed ...": a noun phrase opening the clause, then a participle phrase with no
/// comma, quotation, verb or "that" in it, right before the cue. The noun phrase speaks.
fn reduced_relative_subject(text: &str, toks: &[Token], k: usize) -> Option<Subject> {
    let from = k.saturating_sub(REDUCED_RELATIVE_TOKENS).max(1);
    // The participle opens a phrase with a preposition ("issued by", "gathered in"), so a main
    // verb with its object ("Kyiv welcomed the pledge") is not read as one; the phrase holds no
    // verb, relative or question word, and no name right before the cue ("acted on what
    // Zelensky announced": the cue is Zelensky's).
    let last = k.checked_sub(1).map(|j| &toks[j])?;
    // "gathered in New York said": a place after a preposition is no name of a speaker.
    let run_start = (0..k)
        .rev()
        .take_while(|&j| toks[j].is_capitalized() && !toks[j].quoted)
        .last()
        .unwrap_or(k);
    let place = run_start > 0 && toks[run_start - 1].is(Class::Preposition);
    let name_before_cue = last.is_capitalized()
        && !place
        && !crate::dates::is_weekday_word(&last.lower)
        && !last.is(Class::MonthName);
    if name_before_cue {
        return None;
    }
    // "adopted on Wednesday said": the time phrase after the participle may already be
    // skipped, so the participle may stand last.
    // "issued Thursday said": a bare weekday after the participle stands for its phrase.
    let participle = (from..k).find(|&p| {
        (is_past_participle(&toks[p]) || super::clause::is_participle_word(&toks[p]))
            && (toks[p + 1].is(Class::Preposition)
                || toks[p + 1].lower == "by"
                || crate::dates::is_weekday_word(&toks[p + 1].lower))
            && toks[p + 1..k].iter().all(|t| {
                (t.is_word || t.lower.chars().all(|c| c.is_ascii_digit()))
                    && !t.quoted
                    && !t.is(Class::FiniteVerb)
                    && !t.is(Class::RelativePronoun)
                    && !t.is(Class::Interrogative)
            })
            && !toks[p - 1].quoted
            && toks[p - 1].is_word
    })?;
    let start = np_start(toks, participle);
    if start >= participle || !subject_starts_clause(toks, start) {
        return None;
    }
    // An institution, its members or a document: "Depositions released in March quote ..." is
    // no speaker, and a person is set off by commas ("Kuleba, speaking in Kyiv, said").
    let institutional = matches!(
        speakers::classify(text, &toks[start..participle], None),
        Some(
            speakers::Mention::Organization(_)
                | speakers::Mention::Members(_)
                | speakers::Mention::Document { .. }
        )
    );
    institutional.then_some(Subject {
        np: start..participle,
        title: None,
        start,
    })
}

/// A past participle: a lowercase "-ed" word or an irregular one ("issued", "held", "given").
fn is_past_participle(t: &Token) -> bool {
    let regular = lexicon::is_regular_participle(&t.lower);
    t.is_word && !t.quoted && !t.capitalized && (regular || t.is(Class::IrregularParticiple))
}

/// Where the descriptor words before `start` begin, when they reach back to the start of the
/// clause with no verb or quotation among them.
fn descriptor_start(toks: &[Token], start: usize) -> Option<usize> {
    let mut j = start;
    while j > 0 && start - j < DESCRIPTOR_WORDS && !subject_starts_clause(toks, j) {
        let t = &toks[j - 1];
        let plain =
            t.is_word && !t.quoted && !t.is(Class::FiniteVerb) && !t.is(Class::SubjectPronoun);
        if !plain {
            return None;
        }
        j -= 1;
    }
    // "deputy minister for European integration" may hold a preposition, but not open with one.
    let opens_with_preposition = toks[j].is(Class::Preposition);
    (j < start && subject_starts_clause(toks, j) && !opens_with_preposition).then_some(j)
}

/// Most descriptor words read before a full name ("EU foreign policy chief").
const DESCRIPTOR_WORDS: usize = 8;

/// "EU foreign policy chief Kaja Kallas said", "far-right leader Marine Le Pen said": a full
/// name right before the cue, after descriptor words with no verb among them, back to the start
/// of the clause. The descriptor is the title.
fn described_name(text: &str, toks: &[Token], start: usize, end: usize) -> Option<Subject> {
    let name_start = (start..end).find(|&j| speakers::name_run(toks, j).end == end)?;
    if end - name_start < 2 {
        return None; // a lone word could be anything
    }
    let mut j = start;
    while j > 0 && start - j < DESCRIPTOR_WORDS && !subject_starts_clause(toks, j) {
        let t = &toks[j - 1];
        let verbish = t.is(Class::FiniteVerb) || t.is(Class::Preposition) || t.quoted;
        if !t.is_word || verbish {
            return None;
        }
        j -= 1;
    }
    if !subject_starts_clause(toks, j) {
        return None;
    }
    let title = (j < name_start).then(|| speakers::join(text, &toks[j..name_start]));
    Some(Subject {
        np: name_start..end,
        title,
        start: j,
    })
}

/// "Secretary of the National Security and Defense Council X said": the phrase found starts
/// after an "and" between capitalised words that joins the parts of one title (the title
/// before it has its own "of"/"for"); the name after the whole title is the subject. Not after
/// a name ("Prime Minister A B and Prime Minister C D said", "Mr. A and Senator C D urged",
/// "He and Chairman C D said") and not after an institution ("NATO and Foreign Minister X"):
/// two speakers.
fn title_joined_subject(text: &str, toks: &[Token], start: usize, end: usize) -> Option<Subject> {
    let name_before = |and: usize| {
        let end = skip_name_origin(toks, and); // "Sen. A B of New Hampshire and Sen. C D"
        end > 0
            && (speakers::is_name_word(&toks[end - 1])
                || toks[end - 1].is(Class::SubjectPronoun)
                || (end.saturating_sub(4)..end).any(|j| speakers::name_run(toks, j).end == end))
    };
    // "The Ministry of Defence and Foreign Minister X": a person's title after the "and" is a
    // second speaker's.
    let second_title = toks[start..end].iter().any(|t| t.is(Class::PersonRole));
    let title_and = start > 1
        && !second_title
        && toks[start - 1].lower == "and"
        && toks[start - 2].is_capitalized()
        && !toks[start - 2].quoted
        && !name_before(start - 1);
    if !title_and {
        return None;
    }
    let titled_before = |s: &Subject| {
        toks.get(s.start..start - 1)
            .unwrap_or_default()
            .iter()
            .any(|t| t.is(Class::TitleConnector) && !t.is(Class::Determiner) && t.lower != "and")
    };
    long_title_name(text, toks, end, Some(start - 1)).filter(titled_before)
}

/// Most words of a long title before a name ("The official representative of the Ministry of
/// Foreign Affairs of the Russian Federation").
const LONG_TITLE_WORDS: usize = 16;

/// "Chairman of the State Duma Committee on International Affairs Leonid Slutsky said": a full
/// name right before the cue after a long title that runs back to the start of the clause, its
/// words capitalised, title words, or the connectors of a title ("of", "on", "for", "and").
/// The "and" at `joined_at`, known to join two parts of the title, does not end it.
fn long_title_name(
    text: &str,
    toks: &[Token],
    end: usize,
    joined_at: Option<usize>,
) -> Option<Subject> {
    let name_start = (end.saturating_sub(4)..end)
        .find(|&j| speakers::name_run(toks, j).end == end && end - j >= 2)?;
    // A person's name, not an institution's ("the National Education Association").
    let person = matches!(
        speakers::classify(text, &toks[name_start..end], None),
        Some(speakers::Mention::Name { .. })
    );
    if !person {
        return None;
    }
    let fits = |t: &Token| {
        t.is_word
            && !t.quoted
            && !t.is(Class::FiniteVerb)
            && (t.is_capitalized() || t.base_is_title() || t.is(Class::TitleConnector))
    };
    let mut j = name_start;
    while j > 0 && name_start - j < LONG_TITLE_WORDS && fits(&toks[j - 1]) {
        j -= 1;
        if subject_starts_clause(toks, j) && joined_at.is_none_or(|and| j != and + 1) {
            break;
        }
    }
    let title = &toks[j..name_start];
    let titled = title.iter().any(|t| t.base_is_title());
    let opens = !toks[j].is(Class::TitleConnector) || toks[j].is(Class::Determiner);
    (titled && subject_starts_clause(toks, j) && opens).then(|| Subject {
        np: name_start..end,
        title: Some(speakers::join(text, title)),
        start: j,
    })
}

/// Most introductory phrases read before a clause's subject.
const INTRO_PHRASES: usize = 3;

/// A word that opens an introductory phrase: a preposition, a participle, an "-ly" adverb or
/// a sentence adverb.
pub(super) fn opens_intro_phrase(toks: &[Token], i: usize) -> bool {
    use crate::lexicon::Class;
    let Some(t) = toks.get(i) else {
        return false;
    };
    // "Carly Fiorina", "Kelly Ayotte": a first name is not an "-ly" adverb; "Boreing said",
    // "Manning told": a name ending in "-ing" before its verb is no participle.
    let name_follows = toks.get(i + 1).is_some_and(|n| {
        n.is_word
            && !n.quoted
            && (n.is_capitalized()
                || (t.is_capitalized()
                    && (n.is(Class::FiniteVerb)
                        || past_tense_after_name(t, n)
                        || super::cues::match_at(toks, i + 1, false).is_some())))
    });
    t.is_word
        && ((!name_follows && (t.lower.ends_with("ing") || t.lower.ends_with("ly")))
            || is_participle_opener_word(&t.lower)
            || t.is(Class::Preposition)
            || t.is(Class::IntroOpener))
}

/// "Ebeling reminisced": a capitalised "-ing" word before a past-tense verb is a name, unless
/// it is an auxiliary participle ("Having served ...", "Being elected ...").
fn past_tense_after_name(t: &Token, next: &Token) -> bool {
    next.lower.ends_with("ed") && !t.is(Class::AuxiliaryParticiple)
}

/// Longest prepositional phrase between a speaker and a cue ("X in a radio interview said").
const ADJUNCT_BEFORE_CUE: usize = 8;

/// "Jeb Bush in a radio interview said", "she at a rally said", "X in a post on his page
/// wrote": a short prepositional phrase, with no punctuation, between a name or pronoun and
/// the cue is skipped.
fn skip_adjunct_before_cue(toks: &[Token], k: usize) -> usize {
    if k < 3 || !toks[k - 1].is_word || toks[k - 1].is_capitalized() {
        return k;
    }
    let lo = k.saturating_sub(ADJUNCT_BEFORE_CUE);
    for j in (lo.max(1)..k - 1).rev() {
        let t = &toks[j];
        if !t.is_word || t.quoted {
            return k;
        }
        if t.is(Class::Preposition) {
            let before = &toks[j - 1];
            let speaker_ends = before.is_word
                && !before.quoted
                && (is_pronoun(before) || speakers::is_name_word(before));
            // "X in a post on his page wrote": past an inner preposition the phrase may open
            // further back, after a pronoun or a name of its own ("Based on polling in the
            // states" is no speaker and phrase).
            let inner = (j + 1..k).any(|m| toks[m].is(Class::Preposition));
            let own_name = is_pronoun(before) || (j >= 2 && speakers::is_name_word(&toks[j - 2]));
            if speaker_ends && (!inner || own_name) {
                return j;
            }
        }
    }
    k
}

fn is_pronoun(t: &Token) -> bool {
    lexicon::is(Class::SubjectPronoun, t.without_clitic())
}

/// Longest wire dateline before its dash ("KYIV, Ukraine (AP) —"), in tokens.
const DATELINE_TOKENS: usize = 8;

/// The token after a wire dateline that opens the sentence ("WASHINGTON — Sen. X defended
/// ..."): capitalised words, commas and a parenthesised agency, then a dash. 0 when none.
fn after_dateline(toks: &[Token], end: usize) -> usize {
    let dash = toks[..end.min(DATELINE_TOKENS + 1)]
        .iter()
        .position(|t| t.is_dash() && !t.quoted);
    let Some(dash) = dash.filter(|&d| d > 0) else {
        return 0;
    };
    let dateline = toks[..dash].iter().all(|t| {
        !t.quoted && (t.is_capitalized() || matches!(t.lower.as_ref(), "," | "(" | ")" | "/"))
    });
    if dateline {
        dash + 1
    } else {
        0
    }
}

/// "At the rally this week she said": a subject after an opening adjunct with no comma.
pub(super) const OPENING_ADJUNCT: usize = 8;

/// The phrase before `start` is an adjunct opening its clause: a preposition first, only
/// words after it, at most a few of them, at the sentence start or after a clause boundary
/// ("Although in September she said", "but at the rally he said").
fn after_opening_adjunct(toks: &[Token], start: usize) -> bool {
    let lo = start.saturating_sub(OPENING_ADJUNCT);
    for p in (lo..start.saturating_sub(1)).rev() {
        let t = &toks[p];
        if !t.is_word || t.quoted {
            return false;
        }
        let opens_clause = p == 0 || {
            let prev = &toks[p - 1];
            !prev.quoted && prev.is(Class::ClauseBoundary)
        };
        if opens_clause && t.is(Class::Preposition) {
            return true;
        }
    }
    false
}

/// "Asked whether ...", "Pressed on ...": a past participle opening the sentence.
fn is_participle_opener_word(w: &str) -> bool {
    w.ends_with("ed") || crate::lexicon::is(crate::lexicon::Class::QuestionOpener, w)
}

/// Longest dash parenthetical between a speaker and a cue, in tokens.
const DASH_PARENTHETICAL: usize = 24;

/// "Zelensky - who spoke via video link - said": a parenthetical set off by dashes.
fn skip_dash_parenthetical(toks: &[Token], k: usize) -> usize {
    if k < 3 || !toks[k - 1].is_dash() {
        return k;
    }
    let lo = k.saturating_sub(DASH_PARENTHETICAL);
    match (lo..k - 1).rev().find(|&j| toks[j].is_dash()) {
        // "Trump - who previously said he would \"bomb ...\" - said": a relative clause may
        // quote; other asides with quotation marks are quotations interrupted by a speaker.
        Some(open)
            if open > 0
                && (!toks[open..k].iter().any(|t| t.quoted)
                    || toks
                        .get(open + 1)
                        .is_some_and(|t| t.is(Class::PersonRelative))) =>
        {
            open
        }
        _ => k,
    }
}

/// "Graham, R-S.C., said", "Sokol, D-Ohio, said": a party-and-state tag set off by commas
/// (the wire style of "(D-Mo.)") before the comma at `comma`: the index of the comma that
/// opens it.
pub(super) fn party_tag_before(toks: &[Token], comma: usize) -> Option<usize> {
    if toks.get(comma).is_none_or(|t| t.lower != ",") {
        return None;
    }
    let mut j = comma.checked_sub(1)?;
    if toks[j].lower == "." {
        j = j.checked_sub(1)?;
    }
    let open = j.checked_sub(1)?;
    (is_party_tag(&toks[j]) && toks[open].lower == "," && !toks[open].quoted).then_some(open)
}

/// "d-ohio", "r-s.c": a party initial, a hyphen and a state.
fn is_party_tag(t: &Token) -> bool {
    let b = t.lower.as_bytes();
    !t.quoted
        && b.len() >= 4
        && matches!(b[0], b'd' | b'r' | b'i')
        && b[1] == b'-'
        && b[2].is_ascii_alphabetic()
        && b[2..].iter().all(|&c| c.is_ascii_alphabetic() || c == b'.')
}

/// "Rep. Jim Jordan (R-Ohio) said": a short parenthetical between a name and what follows.
pub(super) fn skip_parenthetical(toks: &[Token], k: usize) -> usize {
    if k == 0 || toks[k - 1].lower != ")" {
        return k;
    }
    match (k.saturating_sub(PARENTHETICAL_TOKENS)..k - 1)
        .rev()
        .find(|&j| toks[j].lower == "(")
    {
        Some(open) => open,
        None => k,
    }
}

/// ", in turn," / ", at a meeting with Kallas," between subject and cue.
pub(super) fn skip_comma_adjunct(toks: &[Token], k: usize) -> usize {
    if k < 2 || toks[k - 1].lower != "," {
        return k;
    }
    let Some(open) = (0..k - 1).rev().find(|&j| toks[j].lower == ",") else {
        return k;
    };
    let seg = &toks[open + 1..k - 1];
    let is_adjunct = seg
        .first()
        .is_some_and(|t| t.is(Class::CommaAdjunctOpener) || is_participle_opener(t))
        && seg.len() <= MAX_COMMA_ADJUNCT_TOKENS
        && !seg.iter().any(|t| t.quoted);
    if is_adjunct {
        open
    } else {
        k
    }
}

/// "sent on Thursday", "published later the same day": a lowercase participle opening an
/// adjunct between commas.
pub(super) fn is_participle_opener(t: &Token) -> bool {
    t.is_word
        && t.lower.chars().all(|c| c.is_lowercase())
        && (t.lower.ends_with("ed") || t.is(Class::IrregularParticiple))
}

/// Subject with an apposition; `comma` is the index of the comma right before the cue.
pub(super) fn apposed_subject(text: &str, toks: &[Token], comma: usize) -> Option<Subject> {
    let open = (0..comma).rev().find(|&j| toks[j].lower == ",")?;
    let seg = open + 1..comma;
    if seg.is_empty()
        || seg.len() > MAX_APPOSITION_TOKENS
        || toks[seg.clone()].iter().any(|t| t.quoted)
    {
        return None;
    }
    // ROLES, NAME and NAME, said ("The foreign ministers, A of Estonia and B of Latvia, said",
    // "Three mayors, among them A and B, said"): the last name is the subject; the conjuncts
    // give the others.
    // Only a group opening the clause lists its members ("Several mayors, including"), not a
    // relative clause's object ("X, who feuded with members, including A and B, said").
    let relative = toks[..open].iter().any(|t| t.is(Class::RelativePronoun));
    let members = (1..=2)
        .find(|&n| {
            !relative && seg.len() > n && is_list_introducer(&toks[seg.start..seg.start + n])
        })
        .map_or(seg.clone(), |n| seg.start + n..seg.end);
    if let Some(last) = listed_names(toks, members) {
        return Some(Subject {
            np: last,
            title: None,
            start: seg.start,
        });
    }
    // TITLE, NAME, said ("Another pollster, David Woodard of Clemson University, said"; an
    // honorific may open the name: "Latvia's president, Mr. Rinkevics, said").
    // Not when the honorific is a title that the titled-name reading takes ("Another critic,
    // Sen. Lindsey Graham, said": below).
    let honorific = seg.len() > 1
        && speakers::follows_honorific(toks, seg.start + 1)
        && titled_name(text, toks, seg.clone()).is_none();
    let run = speakers::name_run(toks, seg.start + usize::from(honorific));
    let ends_with_name =
        run.end == seg.end || (run.end == skip_name_origin(toks, comma) && run.end < comma);
    if !run.is_empty() && ends_with_name {
        let mut tstart = np_start(toks, open);
        // "his wife, NAME": a relation noun after a determiner is a description too.
        if tstart == open
            && open >= 2
            && toks[open - 1].is_word
            && !toks[open - 1].quoted
            && !toks[open - 1].is_capitalized()
            && toks[open - 2].is(Class::Determiner)
        {
            tstart = open - 1;
        }
        // '"...," his wife, NAME, wrote': the phrase starts at its determiner.
        let determined = tstart > 0 && tstart < open && toks[tstart - 1].is(Class::Determiner);
        let phrase_start = tstart - usize::from(determined);
        // "Google's chief human resources executive, NAME, told": descriptor words back to
        // the start of the clause belong to the phrase.
        let (tstart, phrase_start) = match descriptor_start(toks, phrase_start) {
            Some(j) => (j, j),
            None => (tstart, phrase_start),
        };
        let title = (tstart < open).then(|| speakers::join(text, &toks[tstart..open]));
        let title = title.map(|t| {
            t.trim_start_matches("the ")
                .trim_start_matches("The ")
                .to_string()
        });
        return Some(Subject {
            np: run,
            title: title.filter(|t| !t.is_empty()),
            start: phrase_start.min(open),
        });
    }
    // DESCRIPTION, TITLE NAME, said ("Another ally, Agriculture Secretary Tom Vilsack, told")
    if let Some((run, title)) = titled_name(text, toks, seg.clone()) {
        return Some(Subject {
            np: run,
            title: Some(title),
            start: np_start(toks, open).min(open),
        });
    }
    // NAME, APPOSITION, said ("Erin Murphy, a former aide who ..., said")
    let start = np_start(toks, open);
    let first = &toks[seg.start];
    let opens_np = first.is(Class::Determiner)
        || crate::lexicon::is_title(first.base())
        || first.is_capitalized();
    if start < open && subject_starts_clause(toks, start) && opens_np {
        let title_end = (seg.start..comma)
            .find(|&j| is_relative(&toks[j]))
            .unwrap_or(comma);
        let title =
            (title_end > seg.start).then(|| speakers::join(text, &toks[seg.start..title_end]));
        let title = speakers::apposition_after(text, toks, open).or(title);
        return Some(Subject {
            np: start..open,
            title,
            start,
        });
    }
    // NAME, ANY PARENTHETICAL, said ("Tester, himself up for reelection, said"): a personal
    // name opening the clause is the subject whatever the parenthetical holds.
    let run_start = np_start(toks, open);
    let run = (run_start..open)
        .map(|j| speakers::name_run(toks, j))
        .find(|r| !r.is_empty() && r.end == open)
        .unwrap_or(open..open);
    if !run.is_empty() && subject_starts_clause(toks, run_start) {
        return Some(Subject {
            np: run.clone(),
            title: None,
            start: honorific_start(toks, run.start),
        });
    }
    None
}

/// Where a name's phrase starts: at an honorific before it, and at "the" before that ("the
/// Rev. Ivan Demko").
fn honorific_start(toks: &[Token], name: usize) -> usize {
    if name == 0 || !speakers::follows_honorific(toks, name) {
        return name;
    }
    let honorific = name - 1;
    if honorific > 0 && toks[honorific - 1].lower == "the" {
        honorific - 1
    } else {
        honorific
    }
}

/// "The Russian Embassy in Washington said": an institution's seat after "in" is not part of
/// the speaker phrase; returns where the institution's name ends.
fn skip_org_seat(toks: &[Token], k: usize) -> usize {
    let mut start = k;
    while start > 0 && toks[start - 1].is_word && toks[start - 1].is_capitalized() {
        start -= 1;
    }
    let seat = start < k && start >= 2 && toks[start - 1].lower == "in";
    let institution = seat && lexicon::is(Class::OrgHead, toks[start - 2].base());
    if institution {
        start - 1
    } else {
        k
    }
}

/// "A Kremlin readout of the call said": the document's topic after "of" (three words at
/// most, lowercase) is not part of the speaker phrase; returns where the document noun ends.
fn skip_document_topic(toks: &[Token], k: usize) -> usize {
    let lo = k.saturating_sub(DOCUMENT_TOPIC_TOKENS + 1);
    let Some(of) = (lo..k).rev().find(|&j| toks[j].lower == "of") else {
        return k;
    };
    let plain = toks[of + 1..k]
        .iter()
        .all(|t| t.is_word && !t.quoted && t.lower.chars().all(|c| !c.is_uppercase()));
    let document = of > 0 && toks[of - 1].is(Class::DocumentNoun);
    if plain && document && of + 1 < k {
        of
    } else {
        k
    }
}

/// "Agriculture Secretary Tom Vilsack": title words and then a full name filling `seg`; the
/// name's tokens and the title.
fn titled_name(text: &str, toks: &[Token], seg: Range<usize>) -> Option<(Range<usize>, String)> {
    let run = (seg.start + 1..seg.end)
        .map(|j| speakers::name_run(toks, j))
        .find(|r| r.len() >= 2 && r.end == seg.end)?;
    let prefix = &toks[seg.start..run.start];
    let titled =
        prefix.iter().any(|t| crate::lexicon::is_title(t.base())) && prefix.iter().all(is_np_word);
    titled.then(|| (run.clone(), speakers::join(text, prefix)))
}

/// "A of Estonia and B of Latvia": two or more names (each with an optional origin) joined by
/// commas and "and", filling `seg`; the last name's tokens.
fn listed_names(toks: &[Token], seg: Range<usize>) -> Option<Range<usize>> {
    let (mut i, mut names, mut last) = (seg.start, 0, None);
    while i < seg.end {
        // "A and Senators B and C": a plural title before the names it covers.
        if i + 1 < seg.end && is_title_or_plural(&toks[i]) {
            i += 1;
        }
        let run = speakers::name_run(toks, i);
        if run.len() < 2 {
            return None;
        }
        let stop = (run.end..seg.end)
            .find(|&j| matches!(toks[j].lower.as_ref(), "and" | ","))
            .unwrap_or(seg.end);
        if run.end != stop && skip_name_origin(toks, stop) != run.end {
            return None;
        }
        names += 1;
        last = Some(run);
        i = stop;
        while i < seg.end && matches!(toks[i].lower.as_ref(), "and" | ",") {
            i += 1;
        }
    }
    last.filter(|_| names >= 2)
}

/// A title word, singular or plural ("senators", "Ministers", "Senator"): one that may head a
/// list of the names after it.
pub(super) fn is_title_or_plural(t: &Token) -> bool {
    t.is_word && crate::lexicon::is_title(t.lower.trim_end_matches('s'))
}

/// The words open a list of a group's named members ("including", "among them").
pub(super) fn is_list_introducer(words: &[Token]) -> bool {
    words.iter().all(|t| t.is_word && !t.quoted)
        && lexicon::is(
            Class::ListIntroducer,
            &words
                .iter()
                .map(|t| t.lower.as_ref())
                .collect::<Vec<_>>()
                .join(" "),
        )
}

/// "Sen. Chris Murphy of Connecticut said", "David Woodard of Clemson University said": where
/// a personal name ends when a place or employer follows it with "of", before token `k`.
/// Returns `k` when there is none. The name needs two words or a title before it, so that
/// "Bank of America" stays one organisation.
pub(super) fn skip_name_origin(toks: &[Token], k: usize) -> usize {
    let lo = k.saturating_sub(MAX_ORIGIN_TOKENS + 1);
    (lo..k)
        .rev()
        .filter(|&j| toks[j].lower == "of" && is_origin(&toks[j + 1..k]))
        .find(|&of| {
            (of.saturating_sub(4)..of)
                .map(|j| speakers::name_run(toks, j))
                .find(|r| !r.is_empty() && r.end == of)
                .is_some_and(|run| {
                    let titled =
                        run.start > 0 && crate::lexicon::is_title(toks[run.start - 1].base());
                    run.len() >= 2 || titled
                })
        })
        .unwrap_or(k)
}

/// Past "of Hawaii", "of the Council on Foreign Relations" after a name ending at `end`.
pub(super) fn skip_origin_forward(toks: &[Token], end: usize) -> usize {
    if toks.get(end).is_none_or(|t| t.lower != "of") {
        return end;
    }
    let limit = (end + 1 + MAX_ORIGIN_TOKENS).min(toks.len());
    (end + 2..=limit)
        .rev()
        .find(|&e| is_origin(&toks[end + 1..e]))
        .unwrap_or(end)
}

/// "New Hampshire", "the Council on Foreign Relations": a proper name, its first and last
/// words capitalised, lowercase function words between; after "the" or a proper possessive, a
/// lowercase institution head may end it ("the New York delegation", "Germany's Left party").
fn is_origin(ts: &[Token]) -> bool {
    let owner = |t: &Token| t.lower == "the" || (t.is_possessive() && t.is_capitalized_word());
    let ts = match ts.first() {
        Some(t) if owner(t) => match &ts[1..] {
            [named @ .., head] if !named.is_empty() && head.is_word && head.is(Class::OrgHead) => {
                named
            }
            rest => rest,
        },
        _ => ts,
    };
    let cap = |t: &Token| t.is_word && !t.quoted && t.is_capitalized();
    match (ts.first(), ts.last()) {
        (Some(a), Some(b)) => {
            cap(a) && cap(b) && ts.iter().all(|t| cap(t) || t.is(Class::TitleConnector))
        }
        _ => false,
    }
}

/// A person's name opening the clause, then an interruption with commas of its own, then the
/// cue: "Sandy Phillips, who lost her daughter in Aurora, Colorado, in 2012, said", "Jeffrey
/// Salkin, a Hollywood, Fla., rabbi ..., said", "Sen. Chuck Grassley, facing a challenge in
/// Iowa, a swing state, said", "Mr. Manafort, citing \"...\", said". `comma` is the comma
/// before the cue.
fn long_interruption(text: &str, toks: &[Token], comma: usize) -> Option<Subject> {
    let lo = comma.saturating_sub(MAX_INTERRUPTION_TOKENS);
    // The first comma that opens an interruption ("Speaking on the show, Sen. X (D-Mo.), who
    // ..., said": not the opener's comma).
    let c = (lo..comma)
        .find(|&c| toks[c].lower == "," && !toks[c].quoted && opens_interruption(&toks[c + 1]))?;
    let inner = &toks[c + 1..comma];
    let listed = inner
        .windows(2)
        .any(|w| w[0].lower == "," && matches!(w[1].lower.as_ref(), "and" | "or"));
    // "Fla., rabbi", "(D-Mo.)": a period before a comma or a closing bracket ends an
    // abbreviation, not a sentence.
    let ends_sentence = (c + 1..comma).any(|j| {
        toks[j].lower == ";"
            || (toks[j].lower == "." && !matches!(toks[j + 1].lower.as_ref(), "," | ")"))
    });
    if listed || ends_sentence {
        return None;
    }
    let tag_start = party_tag_before(toks, c).unwrap_or(c);
    let name_end = skip_name_origin(toks, skip_parenthetical(toks, tag_start));
    let run_start = np_start(toks, name_end);
    let run = (run_start..name_end)
        .map(|j| speakers::name_run(toks, j))
        .find(|r| !r.is_empty() && r.end == name_end)?;
    let titled = run_start < run.start;
    // "Wilcox, whose education ..., said", "Sanders, meanwhile, who ...": a relative clause
    // shows a surname is a person.
    let relative =
        (c + 1..comma).any(|j| toks[j - 1].lower == "," && toks[j].is(Class::PersonRelative));
    // "Hemsley, the co-author of ..., said": an apposition marks a surname as a speaker too.
    let apposed = toks[c + 1].is(Class::Determiner);
    let full = run.len() >= 2 || titled || relative || apposed;
    // "Florida delegate John Archer, wearing ..., said": descriptor words before the name.
    if full && !subject_starts_clause(toks, run_start) {
        return described_name(text, toks, run_start, name_end);
    }
    full.then(|| Subject {
        np: run.clone(),
        title: speakers::apposition_after(text, toks, c)
            .or_else(|| titled.then(|| speakers::join(text, &toks[run_start..run.start]))),
        start: run_start,
    })
}

/// "Cory James, 22, of Flint": an age after a name.
fn is_age(w: &str) -> bool {
    (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
}

/// The first word of an interruption after a name: a relative pronoun, a determiner or title
/// (an apposition), a participle or a preposition (an adjunct), or an age.
fn opens_interruption(t: &Token) -> bool {
    let w = t.lower.as_ref();
    if is_age(w) {
        return !t.quoted;
    }
    t.is_word
        && !t.quoted
        && !t.is_capitalized()
        && (lexicon::is(Class::PersonRelative, w)
            || lexicon::is(Class::Determiner, w)
            || crate::lexicon::is_title(t.base())
            || w.ends_with("ing")
            || w.ends_with("ly")
            || lexicon::is(Class::IntroOpener, w)
            || is_participle_opener(t)
            || lexicon::is(Class::Preposition, w)
            || w == "of")
}

/// A relative pronoun ("who", "which") opening a clause inside a noun phrase.
pub(super) fn is_relative(t: &Token) -> bool {
    t.is(Class::RelativePronoun)
}

/// A word that may stand in a speaker noun phrase: capitalised, a title, a joiner or a speaker noun.
pub(super) fn is_np_word(t: &Token) -> bool {
    if !t.is_word || t.quoted {
        return false;
    }
    t.is_capitalized()
        || t.base_is_title()
        || t.is(Class::NpJoiner)
        || t.base_is(Class::SpeakerNoun)
        || t.base_is(Class::PersonNoun)
}

/// First token of the noun phrase that ends at `end`.
pub(super) fn np_start(toks: &[Token], end: usize) -> usize {
    let mut start = end;
    while start > 0
        && (is_np_word(&toks[start - 1])
            || speakers::is_particle_in_name(toks, start - 1)
            || speakers::names_members(toks, start - 1))
    {
        start -= 1;
    }
    // "von der Leyen said", "Von der Leyen said": a surname led by its particles (the first
    // capitalised at a sentence's start).
    if start < end && speakers::is_name_word(&toks[start]) {
        let particle = |t: &Token| t.is(Class::NameParticle) && !t.quoted;
        let led = (start.saturating_sub(speakers::MAX_PARTICLES)..start).find(|&j| {
            toks[j..start].iter().all(particle) && (j == 0 || !speakers::is_name_word(&toks[j - 1]))
        });
        if let Some(j) = led {
            start = j;
        }
    }
    start = described_start(toks, start, end);
    while start < end && toks[start].is(Class::PhraseHeadBreak) {
        start += 1;
    }
    if start < end && end - start > MAX_NP_TOKENS {
        return end;
    }
    start
}

/// "the longtime senator", "a veteran diplomat": a determiner and one plain lowercase word (no
/// listed word of any class, so no verb, preposition or adverb of time) before a lowercase
/// phrase headed by a person's title or role, or before a personal name ("a defensive Obama"),
/// start the phrase with it.
fn described_start(toks: &[Token], start: usize, end: usize) -> usize {
    let role = toks.get(start..end).is_some_and(|np| {
        np.last().is_some_and(|h| {
            (crate::lexicon::is_title(h.base()) || h.is(Class::PersonRole)) && !h.is(Class::OrgHead)
        }) && np.iter().all(|t| t.is_word && !t.capitalized && !t.quoted)
    });
    // "A defensive Obama said": the same before a personal name.
    let name = toks
        .get(start..end)
        .is_some_and(|np| !np.is_empty() && np.iter().all(|t| t.name_word && !t.quoted));
    let plain =
        |t: &Token| t.is_word && !t.capitalized && !t.quoted && t.classes.iter().all(|b| *b == 0);
    let described = start >= 2
        && plain(&toks[start - 1])
        && toks[start - 2].is(Class::Determiner)
        && !toks[start - 2].quoted;
    if (role || name) && described {
        start - 2
    } else {
        start
    }
}

/// The phrase starts a clause: sentence start, punctuation, a conjunction, "that" or a relative
/// pronoun ("a plan which Lopez said would fail").
pub(super) fn subject_starts_clause(toks: &[Token], start: usize) -> bool {
    // "Still, even Mr. Weber says": a focus adverb before the subject.
    if start > 0 && !toks[start - 1].quoted && toks[start - 1].is(Class::FocusAdverb) {
        return subject_starts_clause(toks, start - 1);
    }
    start == 0 || after_opening_adjunct(toks, start) || {
        let prev = &toks[start - 1];
        prev.is(Class::ClauseBoundary)
            || prev.is(Class::RelativePronoun)
            || !prev.is_word
            || prev.quoted
    }
}

/// The speaker phrase after a cue ("said Zhovkva", "according to the president").
pub(super) fn np_after(
    text: &str,
    toks: &[Token],
    from: usize,
) -> Option<(Range<usize>, Option<String>)> {
    let mut end = from;
    if toks.get(end).is_some_and(|t| t.is(Class::InvertedPronoun)) {
        return Some((end..end + 1, None));
    }
    // "said the union's negotiator", "said employers' negotiator": a possessive before a word
    // of the phrase belongs to it.
    let possessive = |k: usize| {
        let t = &toks[k];
        (t.is_possessive() || (t.is_word && t.lower.ends_with("s'")))
            && toks.get(k + 1).is_some_and(is_np_word)
    };
    while end < toks.len()
        && (is_np_word(&toks[end])
            || toks[end].lower == "'s"
            || possessive(end)
            || speakers::is_particle_in_name(toks, end))
        && end - from < MAX_INVERTED_NP_TOKENS
    {
        end += 1;
    }
    while end > from && toks[end - 1].is(Class::NpJoiner) {
        end -= 1;
    }
    if end == from {
        return None;
    }
    // "said Sen. Brian Schatz of Hawaii": the name ends before its origin.
    let origin = skip_name_origin(toks, end);
    if origin > from && origin < end {
        let title = speakers::apposition_after(text, toks, end);
        return Some((from..origin, title));
    }
    // "according to Umerov's deputy, Ivan Havryliuk": the name after the comma is the speaker.
    if toks.get(end).is_some_and(|t| t.lower == ",") {
        let run = speakers::name_run(toks, end + 1);
        let closes = toks
            .get(run.end)
            .is_none_or(|t| matches!(t.lower.as_ref(), "," | "." | ";" | ")"));
        if run.len() >= 2 && closes {
            return Some((run, Some(speakers::join(text, &toks[from..end]))));
        }
    }
    let title = speakers::apposition_after(text, toks, end);
    Some((from..end, title))
}

/// Most descriptor words before a name after an inverted cue.
const INVERTED_DESCRIPTOR_WORDS: usize = 8;

/// "said retired neurosurgeon Ben Carson", "said Clinton's top foreign policy aide Jake
/// Sullivan", "wrote Post White House bureau chief Juliet Eilperin": descriptor words and then
/// a full name ending the phrase; the name and the descriptor as its title.
pub(super) fn described_name_after(
    text: &str,
    toks: &[Token],
    from: usize,
) -> Option<(Range<usize>, Option<String>)> {
    let first = toks.get(from)?;
    if !first.is_word || first.quoted {
        return None;
    }
    let limit = (from + INVERTED_DESCRIPTOR_WORDS).min(toks.len());
    let start = (from + 1..limit).find(|&j| speakers::name_run(toks, j).len() >= 2)?;
    let descriptor = &toks[from..start];
    let plain = descriptor.iter().enumerate().all(|(k, t)| {
        t.is_word
            && !t.quoted
            && !t.is(Class::FiniteVerb)
            && (!t.is(Class::ClauseBoundary) || joins_titles(descriptor, k))
    });
    let run = speakers::name_run(toks, start);
    (plain && ends_inverted_np(toks, run.end))
        .then(|| (run, Some(speakers::join(text, descriptor))))
}

/// "Deputy Prime Minister and Foreign Minister": "and" after a title, in a descriptor with no
/// determiner, joins two titles of one person, not two speakers.
fn joins_titles(descriptor: &[Token], k: usize) -> bool {
    descriptor[k].lower == "and"
        && k > 0
        && descriptor[k - 1].base_is_title()
        && !descriptor.iter().any(|t| t.is(Class::Determiner))
}

/// After "said X" comes punctuation, the end, or an adjunct; never a verb.
pub(super) fn ends_inverted_np(toks: &[Token], end: usize) -> bool {
    toks.get(end)
        .is_none_or(|t| !t.is_word || t.is(Class::InvertedNpEnd))
}
