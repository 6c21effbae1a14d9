//! Stance: a small rule engine over a statement's words. It finds the proposition (Ukraine in
//! NATO, or its opposite), reads each clause's polarity (negations and opposition verbs reverse
//! it, evaluations judge it), then conditions and procedure, and names the rule that decided.
//! Every word list is data under `src/lexicon/stance/`.
//!
//! The rules, in the order they decide:
//! 1. **No position by form**: a news outlet's report, a refusal to say ("declined to say
//!    whether"), a count of allies' positions ("20 of 32 allies backed ...") are neutral. A
//!    refusal about timing only ("impossible to predict the date"), in a clause of its own beside
//!    one asserting the membership, is dropped and the assertion speaks.
//! 2. **Procedure**: meetings, discussions, drafting, attendance, reforms with no word of
//!    position anywhere (and no demanding cue) are neutral.
//! 3. **Conditions** (only when the proposition is named): a link ("until", "once", "only after")
//!    not followed by the membership itself ("until the day it joins" is an end point) and not a
//!    renunciation demand ("only if Kyiv abandons ..."); a weak link ("after", "when", "before")
//!    with a condition topic (war, reforms, consensus); a lasting-state link ("while", "during")
//!    under a negative frame ("cannot join while the war goes on"), but not under a harm alone
//!    ("reckless to admit a country at war" opposes); a deferral ("premature", "no consensus") not
//!    itself negated; a negated near term ("not yet ready", "not at this summit").
//!    "Even"/"or"/"than" before a link deny it ("not even after"), and an absolute ("under any
//!    circumstances") closes them all; a call to act now outweighs a delay. "provided" links a
//!    condition only before a clause ("provided it meets ..."); a condition restated as never met
//!    ("which means never") denies; a lack foretold to last ("there will be no consensus") and a
//!    near term in a claim dismissed by "no one" deny rather than defer; a long span before
//!    "before" ("it will be years before ...") defers.
//! 4. **Polarity**: per clause (split at punctuation, "but", "because", "and that", contrast and
//!    concession words) the sign is the parity of reversals (negations, opposition verbs, the
//!    opposite proposition, a denied deferral, a preceding "rather than") times -1 for a harm
//!    (threat, war, mistake; helping an adversary: "only encouraged the Kremlin"; a long time spent
//!    on an opposition: "spent years blocking"); a rhetorical question reverses it unless it
//!    presses ("finally"). A negation in a relative clause after an evaluation noun ("a provocation
//!    Moscow could not ignore", "has consequences Kyiv has not weighed"), the verb of an opposition
//!    noun ("let a veto stop"), a harm coordinated with a negating predicate ("unrealistic and
//!    dangerous"), an opposition word before a reflexive ("against itself"), a shortfall from what
//!    is wanted ("fell short of what Ukraine had earned", an objection), a verb of preventing
//!    whose object names no position ("avoid a repeat of Bucharest"), a retreat phrase before a
//!    direction ("walked back to the venue") add no reversal; a harm the clause ends ("the
//!    problem ... would be solved") or one falling on the adversary ("problems for the Kremlin")
//!    is no harm of the membership; the objecting side's denied say ("Russia has no right to
//!    decide") is a veto denied; "and" before an auxiliary after a denial starts a clause. A closing "one" stands for the last noun
//!    introduced with "a" ("a veto ... not get one"). Clauses naming the proposition weigh 2,
//!    clauses judging without naming it 1; a pronoun clause ("It is ...") restates the last
//!    proposition; concessions and hypotheses ("even if", "if") weigh nothing; a harm-only clause
//!    is background beside a named proposition. The cue reverses the sum when it rejects
//!    ("dismissed X as Y" keeps X only) and adds a harm when it warns or laments.
//!    The sides lean where polarity alone reads weakly: a negation by the candidate's own side
//!    that neither names staying out nor gives the goal up is aimed at an obstacle (supports);
//!    an affirmation by the objecting side is an objection (opposes). A side named after "to"
//!    or "for" in a title, or before "expert"/"opposition", is not the speaker's own.
//! 5. **Tie-breaks** for a statement with no word of position: a bare mention by the objecting
//!    side opposes; a bare mention of the membership, a demanding cue, or an in-scope statement by
//!    the candidate's side supports; any other in-scope statement by the objecting side opposes
//!    ("Moscow needs binding guarantees"); anything else is neutral.
//!
//! Set `NATOCLAIMS_STANCE_DEBUG` to print each decision and its rule on stderr, and
//! `NATOCLAIMS_STANCE_TRACE` for each clause's tagged words.
//!
//! The rules of decision live here; the submodules read the statement for them, each using only
//! the ones after it: [`reading`] (each clause's sign, weight and condition) → [`conditions`] →
//! [`clauses`] (splitting) → [`tagging`] (words and their classes).

/// Splitting a tagged statement into clauses.
mod clauses;
/// The condition a clause sets for joining.
mod conditions;
/// What each clause says: sign, weight, position, condition.
mod reading;
/// Words, phrases and their classes.
mod tagging;

use crate::claim::Stance;
use crate::lexicon::{self, Class};
use clauses::{clauses, Clause};
use conditions::DELAYS;
use reading::{read, View};
use tagging::{act_not_done, has, tag, words, Item};

/// What the engine reads: the statement and where it was found.
#[derive(Debug, Clone, Copy)]
pub struct Statement<'a> {
    /// The quote or reported clause.
    pub content: &'a str,
    /// The sentence(s) it was read from.
    pub evidence: &'a str,
    /// The reporting cue as written ("said", "dismissed", "did not rule out").
    pub cue: &'a str,
    /// The speaker's name and title.
    pub speaker: &'a str,
}

/// A stance and the rule that decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// The label.
    pub stance: Stance,
    /// The rule, in a few words.
    pub reason: &'static str,
}

/// How many items from the start a count of allies must stand to be the statement's subject.
const COUNT_REACH: usize = 8;

/// `NATOCLAIMS_STANCE_DEBUG` is set: print each decision to stderr (read once, not per
/// statement).
static DEBUG: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var_os("NATOCLAIMS_STANCE_DEBUG").is_some());

/// `NATOCLAIMS_STANCE_TRACE` is set: print each statement's clauses and views to stderr.
static TRACE: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var_os("NATOCLAIMS_STANCE_TRACE").is_some());

/// The text with the stance lists' acronyms written out ("a MAP" -> "a membership action
/// plan"), so the scope filter reads them as the phrases they stand for.
pub(crate) fn spelled_out(text: &str) -> std::borrow::Cow<'_, str> {
    tagging::expand_acronyms(text)
}

/// Decide a statement's stance toward Ukraine joining NATO.
pub fn judge(s: &Statement) -> Decision {
    let decision = decide(s);
    if *DEBUG {
        eprintln!(
            "stance {:?} ({}): {}",
            decision.stance, decision.reason, s.content
        );
    }
    decision
}

/// The rules in order: who speaks and how (outlet, refusal), what is said (count, procedure),
/// conditions, then polarity; a statement with no word of position falls to the tie-breakers.
fn decide(s: &Statement) -> Decision {
    let cue = tag(words(s.cue));
    // The content's words, read once: tagged below, and scanned whole by the phrase rules.
    let plain = words(s.content);
    let mut content = tag(plain.clone());
    let cue_sign = sign_of_flips(&cue);
    if cue_sign < 0 {
        cut_at_as(&mut content);
        drop_agreeing_harms(&mut content);
    }
    drop_timing_refusal(&mut content);
    drop_refused_sentence(&mut content);
    if let Some(d) = no_position(s, &cue, &content) {
        return d;
    }
    if owed_membership(&content) && cue_sign > 0 {
        return decision(Stance::Supports, "holds the membership owed");
    }
    let proposition = names_proposition(&content) || names_proposition(&tag(words(s.evidence)));
    if !proposition && cue_sign > 0 && task_first(&plain) {
        return decision(Stance::Conditional, "a task to finish first");
    }
    if !proposition && cue_sign > 0 && keeps_promise(&plain) {
        return decision(Stance::Supports, "keeps to the promise made");
    }
    if cue_sign > 0 && (nobody_else_decides(&plain) || denied_to_adversary(&plain)) {
        return decision(Stance::Supports, "no one else decides");
    }
    if cue_sign > 0 && needs_no_leave(&plain) {
        return decision(Stance::Supports, "needs no leave from the objecting side");
    }
    let clauses = clauses(&content);
    let views = read(&clauses);
    if *TRACE {
        trace(&clauses, &views);
    }
    let demand = has(&cue, Class::Approval);
    if is_procedural(&content, &clauses, &views) && !demand && cue_sign > 0 {
        return neutral("procedure, no position");
    }
    let laments = has(&cue, Class::Harm);
    let conditioned = proposition || names_the_issue(&content);
    if let Some(d) = conditional(&content, &clauses, &views, laments).filter(|_| conditioned) {
        // "dismissed the argument that Ukraine must wait for peace": the condition rejected.
        if cue_sign < 0 && opens_with_claim(&content) && restricts(&content) {
            return decision(Stance::Supports, "rejects a condition on joining");
        }
        return d;
    }
    if cue_sign < 0 && rejected_while(&content) {
        return decision(Stance::Conditional, "not while the war lasts");
    }
    let judging_cue = cue_sign < 0 || has(&cue, Class::Harm);
    if judging_cue || views.iter().any(|v| v.weight > 0 && !v.bare) {
        let renounces = has(&content, Class::Exclusion) || phrase_in(&plain, Class::Renunciation);
        return polarity(
            s.speaker,
            warns(&cue, &content),
            renounces,
            &views,
            cue_sign,
        );
    }
    // "Asked whether Ukraine would join, X said: \"We will see.\"": a membership named only in
    // the question answered is no membership asserted.
    let asserted = match answer_after_question(s.content) {
        Some(answer) => {
            let answer = words(answer);
            answer.iter().any(|w| lexicon::is(Class::Affirmation, w))
                || names_proposition(&tag(answer))
        }
        None => true,
    };
    tie_break(s.speaker, proposition && asserted, demand)
}

/// Most words of a question frame's opening phrase ("in response to a question").
const QUESTION_OPENER_WORDS: usize = 5;

/// The answer in a content that opens with the question put to the speaker ("Asked whether
/// Ukraine would join, X said: ..."): what follows the question's comma.
fn answer_after_question(content: &str) -> Option<&str> {
    let comma = content.find(',')?;
    let frame = words(&content[..comma]);
    let opens = (1..=QUESTION_OPENER_WORDS.min(frame.len()))
        .any(|n| lexicon::is(Class::QuestionOpener, &frame[..n].join(" ")));
    opens.then(|| &content[comma + 1..])
}

/// Most words in a phrase of a stance list read by [`phrase_in`] ("work to do", "stand by").
const TASK_PHRASE_WORDS: usize = 3;

/// "Ukraine must first focus on reforms", "Kyiv still has work to do on its courts": with no
/// membership named, a task of the candidate set as a necessity, and no negation, is what
/// joining waits for.
fn task_first(words: &[String]) -> bool {
    phrase_in(words, Class::CandidateTask)
        && phrase_in(words, Class::Obligation)
        && !words.iter().any(|w| lexicon::is(Class::Negator, w))
}

/// Most words from a verb of deciding to the "nobody else" that closes its deciders.
const DECIDERS_REACH: usize = 6;

/// "It is for Ukraine and the allies to decide, and nobody else": the decision given to the
/// parties named is denied to everyone else, the objecting side with them.
fn nobody_else_decides(words: &[String]) -> bool {
    words.iter().enumerate().any(|(k, w)| {
        let after = &words[k + 1..words.len().min(k + 1 + DECIDERS_REACH)];
        // "nobody else", "no one else": the pronoun of one or two words, then "else".
        let closes = (1..=2).any(|n| {
            after
                .windows(n + 1)
                .any(|t| t[n] == "else" && lexicon::is(Class::Nobody, &t[..n].join(" ")))
        });
        lexicon::is(Class::SayVerb, w) && closes
    })
}

/// Most words from a denial to the name of the objecting side it denies ("not for the
/// Kremlin"), and from that name to the verb of deciding ("Moscow, to decide").
const DENIED_NAME_REACH: usize = 3;

/// "It was for Kyiv and the allies, and not for Moscow, to decide": the objecting side's name
/// denied with only a decider's preposition and determiners between, and a verb of deciding
/// right after it.
fn denied_to_adversary(words: &[String]) -> bool {
    let grammar =
        |w: &String| lexicon::is(Class::DeciderLink, w) || lexicon::is(Class::Determiner, w);
    words.iter().enumerate().any(|(k, w)| {
        if !lexicon::is(Class::Denial, w) {
            return false;
        }
        let Some(name) = words[k + 1..]
            .iter()
            .take(DENIED_NAME_REACH)
            .position(|n| !grammar(n))
            .map(|p| k + 1 + p)
        else {
            return false;
        };
        lexicon::is(Class::Adversary, &words[name])
            && words[name + 1..]
                .iter()
                .take(DENIED_NAME_REACH + 1)
                .any(|n| lexicon::is(Class::SayVerb, n))
    })
}

/// Most words after a leave noun to the objecting side's name ("permission from the Kremlin").
const LEAVE_GIVER_REACH: usize = 3;

/// "Ukraine does not need Moscow's permission to join", "needs no consent from the Kremlin":
/// a denial, perhaps a verb of needing and the objecting side's name, then a noun of leave,
/// the name before it or after "from"/"of" right after it.
fn needs_no_leave(words: &[String]) -> bool {
    let adversary = |w: &String| lexicon::is(Class::Adversary, w);
    words.iter().enumerate().any(|(k, w)| {
        if !lexicon::is(Class::Denial, w) {
            return false;
        }
        let between: Vec<&String> = words[k + 1..]
            .iter()
            .take_while(|n| {
                lexicon::is(Class::NeedVerb, n)
                    || adversary(n)
                    || n.as_str() == "'s"
                    || lexicon::is(Class::Determiner, n)
            })
            .collect();
        let noun = k + 1 + between.len();
        let giver_after = || {
            let after = &words[(noun + 1).min(words.len())..];
            after
                .first()
                .is_some_and(|l| lexicon::is(Class::LeaveGiverLink, l))
                && after.iter().skip(1).take(LEAVE_GIVER_REACH).any(adversary)
        };
        words
            .get(noun)
            .is_some_and(|n| lexicon::is(Class::PermissionNoun, n))
            && (between.iter().any(|n| adversary(n)) || giver_after())
    })
}

/// Most words from a fidelity verb to its promise noun ("stand by the 2008 Bucharest decision").
const PROMISE_REACH: usize = 5;

/// "Allies stand by the Bucharest decision", "the alliance must keep its promise": with no
/// membership named, a verb of keeping to a promise with a promise noun after it, and no
/// negation, holds to the promise made.
fn keeps_promise(words: &[String]) -> bool {
    let mut buf = String::new();
    let mut verb_end = |k: usize| {
        (1..=TASK_PHRASE_WORDS)
            .filter(|&n| k + n <= words.len())
            .find(|&n| is_phrase(Class::FidelityVerb, &words[k..k + n], &mut buf))
            .map(|n| k + n)
    };
    let kept = (0..words.len()).filter_map(&mut verb_end).any(|end| {
        words[end..words.len().min(end + PROMISE_REACH)]
            .iter()
            .any(|w| lexicon::is(Class::PromiseNoun, w))
    });
    kept && !words.iter().any(|w| lexicon::is(Class::Negator, w))
}

/// Words between a membership word and the verb of desert of its relative clause ("the
/// invitation [that] it [has] deserves").
const DESERT_REACH: usize = 3;

/// "the invitation it deserves", "the seat Kyiv has earned": a membership word, then within a
/// few words and no negation a verb of desert.
fn owed_membership(items: &[Item]) -> bool {
    items.iter().enumerate().any(|(k, i)| {
        let after = &items[k + 1..items.len().min(k + 2 + DESERT_REACH)];
        i.is(Class::Membership)
            && after
                .iter()
                .position(|w| w.listed(Class::DesertVerb))
                .is_some_and(|d| {
                    d > 0 && !after[..d].iter().any(|w| w.is(Class::Negator) || w.punct())
                })
    })
}

/// "ruled out any accession while fighting continued": a rejecting cue over the membership
/// named before a lasting-state link and its condition topic rejects it only for that state.
fn rejected_while(content: &[Item]) -> bool {
    content
        .iter()
        .position(|i| i.is(Class::ConditionConcurrentLink))
        .is_some_and(|k| {
            has(&content[..k], Class::Membership)
                && has(&content[k + 1..], Class::ConditionTopic)
                && !has(&content[..k], Class::Negator)
        })
}

/// Items after a refusal within which the time it is about is named ("impossible to predict the
/// exact date").
const TIMING_REACH: usize = 3;

/// "Ukraine will be in NATO, but it is impossible to predict the date", "Kyiv will join one day;
/// it is too early to say when": a refusal about the time of the joining, in a clause of its own
/// (between sentence marks or clause breaks), beside a clause that asserts the membership with a
/// verb and asks nothing, hedges the timing only; it is dropped, and the rest speaks. A refusal
/// whose own clause names the membership ("impossible to predict when the allies would decide on
/// Kyiv's accession") still declines.
fn drop_timing_refusal(content: &mut Vec<Item>) {
    let Some(r) = content.iter().position(|i| i.is(Class::Refusal)) else {
        return;
    };
    let timing = content[r + 1..]
        .iter()
        .take(TIMING_REACH)
        .take_while(|i| !i.punct())
        .any(|i| i.listed(Class::TimingWord));
    if !timing {
        return;
    }
    let ends_sentence = |i: &Item| matches!(i.text.as_str(), "." | "?" | ";");
    let breaks = |i: &Item| {
        i.classes.is_empty() && (i.listed(Class::ClauseBreak) || i.listed(Class::Adversative))
    };
    let comma_before = |k: usize| k > 0 && content[k - 1].text == ",";
    let bounds = |k: &usize| ends_sentence(&content[*k]) || breaks(&content[*k]);
    // The refusal's clause: from after the mark (or from the comma and break word) before it,
    // to its sentence mark, or to the comma before the next break word (which stays).
    let edge = |found: Option<usize>, none: usize| match found {
        Some(k) if ends_sentence(&content[k]) => k + 1,
        Some(k) if comma_before(k) => k - 1,
        Some(k) => k,
        None => none,
    };
    let start = edge((0..r).rev().find(bounds), 0);
    let end = edge((r + 1..content.len()).find(bounds), content.len());
    let rest: Vec<&Item> = content[..start].iter().chain(&content[end..]).collect();
    let asserts = rest
        .iter()
        .any(|i| i.is(Class::Membership) || i.is(Class::Exclusion))
        && rest.iter().any(|i| {
            i.listed(Class::Modal) || i.listed(Class::BeForm) || i.listed(Class::FiniteVerb)
        })
        && !rest.iter().any(|i| i.text == "?" || i.is(Class::Refusal))
        && !has(&content[start..end], Class::Membership);
    if asserts {
        content.drain(start..end);
    }
}

/// "I will not speculate about dates. The invitation will come when ...", "I won't get ahead
/// of the summit, but ...": a refusal in a sentence or clause of its own leaves what follows
/// to speak.
fn drop_refused_sentence(content: &mut Vec<Item>) {
    let Some(r) = content.iter().position(|i| i.is(Class::Refusal)) else {
        return;
    };
    let ends_refusal = |k: usize| {
        let t = content[k].text.as_str();
        t == "." || t == "?" || (t == "but" && k > 0 && content[k - 1].text == ",")
    };
    let end = (r..content.len()).find(|&k| ends_refusal(k));
    if let Some(end) = end.filter(|&e| e + 1 < content.len()) {
        if !has(&content[end + 1..], Class::Refusal) {
            content.drain(..=end);
        }
    }
}

/// Statements that take no position by their form: a news outlet's report, a refusal to say,
/// a count of allies' positions.
fn no_position(s: &Statement, cue: &[Item], content: &[Item]) -> Option<Decision> {
    let reporting = lexicon::is(Class::ReportingCue, s.cue.trim().to_lowercase().as_str());
    if is_outlet(s.speaker) || reporting {
        Some(neutral("a news outlet relays events"))
    } else if has(cue, Class::Refusal)
        || has(content, Class::Refusal)
        || withholds(cue, content)
        || refused_before(s)
    {
        Some(neutral("declines to take a position"))
    } else if counts_allies(content) && sign_of_flips(cue) > 0 && !has(cue, Class::Harm) {
        Some(neutral("reports a count of allies"))
    } else if reports_other_side(s.speaker, content) && sign_of_flips(cue) > 0 {
        Some(neutral("reports the other side's position"))
    } else {
        None
    }
}

/// The ending of a present participle ("saying").
const PARTICIPLE_ENDING: &str = "ing";

/// "declined to weigh in on whether Ukraine should join, saying it was a matter for others":
/// the speaker's own clause refuses a position right before the participle's content.
fn refused_before(s: &Statement) -> bool {
    // Only a participle hangs its content on the refusal ("X, who declined to comment on the
    // report, said ..." says something of its own).
    if !s.cue.trim_end().ends_with(PARTICIPLE_ENDING) {
        return false;
    }
    let Some(at) = s.evidence.find(s.content) else {
        return false;
    };
    let frame = &s.evidence[..at];
    let plain = words(frame);
    let refused = tag(plain.clone()).iter().any(|i| i.is(Class::Refusal));
    // "X, who declined to weigh in, ... saying": a refusal in a relative clause or before a
    // "but" is not the one the participle hangs on.
    let elsewhere = plain
        .iter()
        .any(|w| lexicon::is(Class::Adversative, w) || lexicon::is(Class::RelativePronoun, w));
    refused && !elsewhere
}

/// "would not say whether ...": a negated verb of saying whose content is an embedded question
/// withholds the answer ("will not say no to ..." answers).
fn withholds(cue: &[Item], content: &[Item]) -> bool {
    has(cue, Class::Negator)
        && cue.last().is_some_and(|v| v.listed(Class::AnswerVerb))
        && content
            .first()
            .is_some_and(|w| w.listed(Class::Interrogative))
}

/// "Moscow had once again demanded guarantees that ...", "Russian negotiators insisted ...": a
/// statement whose subject is the objecting side and whose verb is that side's demand or view
/// reports its position, when the speaker is not of that side and judges nothing in it.
fn reports_other_side(speaker: &str, content: &[Item]) -> bool {
    if side(speaker, Class::Adversary) {
        return false;
    }
    let mut k = usize::from(content.first().is_some_and(|i| i.text == "the"));
    let party = |i: &Item| i.listed(Class::Adversary) && i.classes.is_empty();
    if !content.get(k).is_some_and(party) {
        return false;
    }
    k += 1;
    if content.get(k).is_some_and(|i| i.listed(Class::PartyNoun)) {
        k += 1;
    }
    while content
        .get(k)
        .is_some_and(|i| i.listed(Class::ReportAdverb))
    {
        k += 1;
    }
    let judged = |i: &Item| i.is(Class::Harm) || i.is(Class::Benefit) || i.is(Class::Negator);
    content
        .get(k)
        .is_some_and(|v| v.listed(Class::AttitudeVerb))
        && !content[..k].iter().any(judged)
        && !goes_on(&content[k..])
}

/// Some word or mark inside `items` (not the last) goes on to another clause ("...,
/// and it will not get one", "... but").
fn goes_on(items: &[Item]) -> bool {
    let inner = &items[..items.len().saturating_sub(1)];
    // "... and we must never let that happen": "and" before a subject of its own.
    let new_subject = |k: usize| {
        inner[k].text == "and"
            && inner
                .get(k + 1)
                .is_some_and(|n| n.listed(Class::SubjectPronoun))
    };
    inner
        .iter()
        .any(|i| i.punct() || i.listed(Class::Adversative))
        || (0..inner.len()).any(new_subject)
}

/// The first condition any clause sets, unless an absolute ("under any circumstances") closes
/// them all, a call to act now ("invite Ukraine this year") outweighs a mere delay, or the cue
/// laments the delay ("regretted that Ukraine had not been invited at the summit").
fn conditional(
    content: &[Item],
    clauses: &[Clause],
    views: &[View],
    laments: bool,
) -> Option<Decision> {
    if has(content, Class::Absolute) {
        return None;
    }
    if yes_but_not_now(views) {
        return Some(decision(Stance::Conditional, "yes, but not now"));
    }
    if required_first(clauses, views) {
        return Some(decision(Stance::Conditional, "no membership without it"));
    }
    let urgent = views.iter().any(|v| v.urgent);
    let delays = |r: &&str| (urgent && DELAYS.contains(r)) || (laments && *r == DELAYS[1]);
    views
        .iter()
        .filter_map(|v| v.condition)
        .find(|r| !delays(r))
        .map(|r| decision(Stance::Conditional, r))
}

/// "Without a ceasefire, Ukraine cannot join": a sentence-opening "without" naming a condition
/// topic and not the membership, then a clause refusing the membership, makes it wait for that
/// topic (as "no membership without a ceasefire" does).
fn required_first(clauses: &[Clause], views: &[View]) -> bool {
    clauses.windows(2).zip(views.windows(2)).any(|(c, v)| {
        c[0].without
            && c[0].open
            && !counterfactual(c[1].items)
            && has(c[0].items, Class::ConditionTopic)
            && !has(c[0].items, Class::Membership)
            && has(c[1].items, Class::Membership)
            && v[1].sign < 0
    })
}

/// "would never have sought membership": a modal, perhaps a negation, then "have": what did
/// not happen, not a condition still to be met.
fn counterfactual(items: &[Item]) -> bool {
    haves_after_modals(items).next().is_some()
}

/// Where a "have" follows a modal, perhaps past a negation ("would never have").
fn haves_after_modals(items: &[Item]) -> impl Iterator<Item = usize> + '_ {
    items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.listed(Class::Modal))
        .filter_map(|(k, _)| {
            let h = k + 1 + items[k + 1..].iter().position(|n| !n.is(Class::Negator))?;
            (items[h].text == "have").then_some(h)
        })
}

/// "The door is open, but membership is off the table for now": a clause affirming the
/// membership, then one after "but" refusing it for the near term only.
fn yes_but_not_now(views: &[View]) -> bool {
    let affirmed = views
        .iter()
        .position(|v| v.sign > 0 && v.weight > 1 && v.condition.is_none());
    affirmed.is_some_and(|i| views[i + 1..].iter().any(|v| v.not_now))
}

/// A statement with no word of position: the speaker's side, the bare proposition or a demand
/// in the cue decide; else it is neutral. The sides are symmetric: with no proposition named,
/// the candidate's side supports and the objecting side opposes.
fn tie_break(speaker: &str, proposition: bool, demand: bool) -> Decision {
    if proposition && own_side(speaker, Class::Adversary) {
        decision(Stance::Opposes, "bare mention by the objecting side")
    } else if proposition {
        decision(Stance::Supports, "asserts the membership")
    } else if demand {
        decision(Stance::Supports, "an in-scope demand")
    } else if own_side(speaker, Class::CandidateSide) {
        decision(
            Stance::Supports,
            "in-scope statement by the candidate's side",
        )
    } else if own_side(speaker, Class::Adversary) {
        decision(Stance::Opposes, "in-scope statement by the objecting side")
    } else {
        neutral("no membership proposition")
    }
}

/// Each clause's tagged items and what the engine read from it, on stderr.
fn trace(clauses: &[Clause], views: &[View]) {
    for (c, v) in clauses.iter().zip(views) {
        let items: Vec<String> = c
            .items
            .iter()
            .map(|i| match i.classes.is_empty() {
                true => i.text.clone(),
                false => format!("[{} {:?}]", i.text, i.classes),
            })
            .collect();
        eprintln!("  {} => {v:?}", items.join(" "));
    }
}

/// A neutral decision for `reason`.
fn neutral(reason: &'static str) -> Decision {
    decision(Stance::Neutral, reason)
}

/// A decision of `stance` for `reason`.
fn decision(stance: Stance, reason: &'static str) -> Decision {
    Decision { stance, reason }
}

/// The cue warns or laments ("warned", "regretted") of what the content says, not against it:
/// "warned against admitting Ukraine" names its target with its own opposition word, in the
/// cue or opening the content.
fn warns(cue: &[Item], content: &[Item]) -> bool {
    // "warned Budapest against blocking it": the one warned may stand before the "against".
    let aimed = content
        .iter()
        .take(WARNING_TARGET_REACH)
        .any(|i| i.is(Class::Opposition));
    // "complained that the summit should have invited Kyiv": a lament of what did not happen
    // is aimed at its not happening; the content's own sign stands.
    has(cue, Class::Harm) && !has(cue, Class::Opposition) && !aimed && !did_not_happen(content)
}

/// "should have invited", "should never have applied": a modal, perhaps a negation, "have"
/// and a past participle (not "will not have membership", not "would have to wait").
fn did_not_happen(items: &[Item]) -> bool {
    haves_after_modals(items).any(|h| {
        items
            .get(h + 1)
            .is_some_and(|p| lexicon::is_past_participle(&p.text))
    })
}

/// Items of the content within which a warning's own opposition word aims it.
const WARNING_TARGET_REACH: usize = 2;

/// Support or opposition from the clauses' signs and the cue's sign; `warned_of` when the cue
/// warns of what the content says, `renounces` when it names staying out ("non-bloc status")
/// or gives the goal up ("ready to give up its bid").
fn polarity(
    speaker: &str,
    warned_of: bool,
    renounces: bool,
    views: &[View],
    cue_sign: i32,
) -> Decision {
    let named = views.iter().any(|v| v.weight > 1);
    let counted = |v: &&View| !(named && v.background);
    let mut total: i32 = views
        .iter()
        .filter(counted)
        .map(|v| v.weight * v.sign)
        .sum();
    if total == 0 {
        total = views
            .iter()
            .rev()
            .find(|v| v.weight > 1)
            .or_else(|| views.iter().rev().find(|v| v.weight > 0))
            .map_or(1, |v| v.sign);
    }
    // A warning from a speaker of the adversary lexicon that the membership will be blocked is
    // a threat, not a lament ("Moscow warned it would block Kyiv's accession by any means").
    let threat = total < 0 && side(speaker, Class::Adversary);
    let warned = warned_of && !views.iter().any(|v| v.evaluated) && !threat;
    let sign = total.signum() * cue_sign * if warned { -1 } else { 1 };
    match (sign > 0, cue_sign < 0) {
        (true, true) => decision(Stance::Supports, "rejects an objection"),
        (true, false) if own_side(speaker, Class::Adversary) => {
            decision(Stance::Opposes, "the objecting side on the membership")
        }
        (true, false) => decision(Stance::Supports, "affirms the membership"),
        (false, true) => decision(Stance::Opposes, "rejects the membership"),
        // The candidate's own side mostly negates what stands in the way ("no one can cancel
        // our course", "not a question of paper"): unless it names staying out or gives the
        // goal up, its negations are read as aimed at an obstacle, as the objecting side's
        // affirmations as warnings.
        (false, false)
            if !renounces
                && !views.iter().any(|v| v.rejects)
                && own_side(speaker, Class::CandidateSide) =>
        {
            decision(Stance::Supports, "the candidate's side against an obstacle")
        }
        (false, false) => decision(Stance::Opposes, "negates or condemns the membership"),
    }
}

/// The speaker's own side is `class` and not the other: a name of it in the speaker's name or
/// title that is not the one the speaker deals with ("the ambassador to Kyiv").
fn own_side(speaker: &str, class: Class) -> bool {
    let other = match class {
        Class::Adversary => Class::CandidateSide,
        _ => Class::Adversary,
    };
    speaker_words(speaker, |words| owns_side(words, class, other))
}

/// [`own_side`] over the speaker's words.
fn owns_side(words: &[String], class: Class, other: Class) -> bool {
    // The word before the name, past a determiner ("ambassador to the Russian Federation").
    let related = |k: usize| {
        let before = words[..k]
            .iter()
            .rev()
            .find(|w| !lexicon::is(Class::Determiner, w));
        before.is_some_and(|w| lexicon::is(Class::SideRelation, w))
    };
    // "a Russia expert", "Russian opposition leader": the speaker studies or opposes the side.
    let observes = |k: usize| {
        words[k + 1..]
            .iter()
            .take(2)
            .any(|w| lexicon::is(Class::SideObserver, w))
    };
    let owns = |c: Class| {
        (0..words.len()).any(|k| lexicon::is(c, &words[k]) && !related(k) && !observes(k))
    };
    owns(class) && !owns(other)
}

/// A phrase of up to [`TASK_PHRASE_WORDS`] words in `words` is an entry of `class`.
fn phrase_in(words: &[String], class: Class) -> bool {
    let mut buf = String::new();
    (1..=TASK_PHRASE_WORDS).any(|n| words.windows(n).any(|w| is_phrase(class, w, &mut buf)))
}

/// `words` joined by spaces is an entry of `class`: one word looked up as it is, more joined in
/// `buf` (one buffer for all the phrases a rule tries, not a string each).
fn is_phrase(class: Class, words: &[String], buf: &mut String) -> bool {
    if let [w] = words {
        return lexicon::is(class, w);
    }
    buf.clear();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            buf.push(' ');
        }
        buf.push_str(w);
    }
    lexicon::is(class, buf)
}

/// Parity of the reversing words: +1 for an even number, -1 for an odd one.
fn sign_of_flips(items: &[Item]) -> i32 {
    let n = items
        .iter()
        .filter(|i| i.is(Class::Negator) || i.is(Class::Opposition))
        .count();
    if n % 2 == 0 {
        1
    } else {
        -1
    }
}

/// The content holds a restriction on joining: a wait or delay, or "only".
fn restricts(items: &[Item]) -> bool {
    items.iter().any(|i| {
        i.is(Class::Deferral) || i.is(Class::Opposition) || i.text.split(' ').next() == Some("only")
    })
}

/// "the argument that ...", "suggestions that ...": the content opens with a noun for a claim
/// and its "that" clause (a determiner at most before it).
fn opens_with_claim(items: &[Item]) -> bool {
    match items {
        [d, rest @ ..] if d.listed(Class::Determiner) => claim_that(rest),
        _ => claim_that(items),
    }
}

/// The items open with a noun for a claim and "that" ("suggestions that").
fn claim_that(items: &[Item]) -> bool {
    matches!(items, [n, t, ..] if n.listed(Class::ClaimNoun) && t.text == "that")
}

/// "condemned the shameful delay in admitting Ukraine": under a rejecting cue, a harm before
/// the proposition describes what the cue rejects; it restates the rejection, not a reversal.
fn drop_agreeing_harms(items: &mut [Item]) {
    let end = items
        .iter()
        .position(|i| i.is(Class::Membership) || i.is(Class::Exclusion) || i.punct())
        .unwrap_or(0);
    for it in &mut items[..end] {
        it.classes.retain(|&c| c != Class::Harm);
    }
}

/// "dismissed X as Y": with a rejecting cue, Y restates the rejection; keep only X. After a
/// verb that takes its own "as" ("warned against treating X as Y") it stays.
fn cut_at_as(items: &mut Vec<Item>) {
    if items.first().is_some_and(|i| i.listed(Class::AsVerb)) {
        return;
    }
    if let Some(i) = items
        .iter()
        .position(|it| it.text == "as" && it.classes.is_empty())
    {
        items.truncate(i);
    }
}

/// The items name the membership or its opposite.
fn names_proposition(items: &[Item]) -> bool {
    has(items, Class::Membership) || has(items, Class::Exclusion)
}

/// "the issue", "this question": an in-scope statement that refers to what is discussed
/// without naming it ("the issue of air defence" names another issue).
fn names_the_issue(items: &[Item]) -> bool {
    (1..items.len()).any(|k| {
        let of_another = items
            .get(k + 1)
            .is_some_and(|c| c.listed(Class::IssueComplement));
        items[k - 1].listed(Class::Determiner) && items[k].listed(Class::IssueNoun) && !of_another
    })
}

/// A plural noun for people ("Czechs", "voters"): a listed group, or a plural that is no
/// determiner or pronoun.
fn is_people(w: &Item) -> bool {
    w.is(Class::AlliesNoun)
        || (w.text.len() > 3
            && w.text.ends_with('s')
            && w.classes.is_empty()
            && !w.listed(Class::Determiner))
}

/// "20 of NATO's 32 members backed ...", "a majority of allies favoured ...", "58 percent of
/// Czechs favour ...".
fn counts_allies(items: &[Item]) -> bool {
    // "Although several allies hesitate, Ukraine will be invited": a count conceded is no
    // subject of the statement.
    if items.first().is_some_and(|f| f.is(Class::Concessive)) {
        return false;
    }
    let head: Vec<&Item> = items.iter().take(COUNT_REACH).collect();
    head.iter().enumerate().any(|(i, it)| {
        let total = i > 0 && matches!(head[i - 1].text.as_str(), "the" | "all" | "our" | "its");
        // "We will need patience with some allies": allies after the statement's own subject
        // are not what it counts.
        let own_subject = head
            .first()
            .is_some_and(|p| p.listed(Class::SubjectPronoun) && !p.listed(Class::ReferringPronoun));
        // "58 percent of Czechs favour ...": a poll's share of a people counts ("Russia holds
        // 20 percent of our land" does not).
        let share = it.listed(Class::PollUnit)
            && items.get(i + 1).is_some_and(|n| n.text == "of")
            && items.get(i + 2).is_some_and(is_people);
        let counted = head[i + 1..]
            .iter()
            .take(4)
            .any(|n| n.is(Class::AlliesNoun));
        // "it is unacceptable that some allies still block ...": a judgement before the
        // count evaluates what the allies do; the speaker takes a position.
        let judged = head[..i]
            .iter()
            .any(|h| h.is(Class::Harm) || h.is(Class::Benefit));
        (it.is(Class::Quantifier) || it.text.chars().all(|c| c.is_ascii_digit()))
            && !total
            && !judged
            && !own_subject
            && (counted || share)
    })
}

/// Procedure or fact with no word of position anywhere; a decision closed to those named
/// ("taken by the allies and Kyiv alone") denies an outside veto.
fn is_procedural(items: &[Item], clauses: &[Clause], views: &[View]) -> bool {
    // "Ukraine attended the summit and that its path to membership was irreversible": a second
    // reported clause asserting the membership, with no procedure in it, is more than procedure.
    // So is a clause with its own copula ("its path to membership is irreversible"), where a
    // bare noun phrase ("Ukraine's membership bid, which ministers will review") is not.
    let asserted = clauses.iter().zip(views).any(|(c, v)| {
        // "that Ukraine belongs in NATO", also after the verb that reports it ("would keep
        // reminding Washington that ...").
        let first = c.items.iter().position(|i| i.is(Class::Membership));
        let reported = first.is_some_and(|k| c.items[..k].iter().any(|i| i.text == "that"));
        // "Decisions on membership are a separate matter": the membership is the topic of
        // another noun. The copula's complement names the membership itself ("is
        // irreversible", "is in NATO"), not a procedure ("is a decision for all allies").
        let copula = c
            .items
            .iter()
            .position(|i| lexicon::is(Class::BeForm, &i.text));
        let predicated = !reading::membership_governed(c.items)
            && copula.is_some_and(|b| has(&c.items[b + 1..], Class::Membership));
        (reported || predicated)
            && v.bare
            && v.sign > 0
            && v.weight > 1
            && !has(c.items, Class::Procedural)
    });
    // "would join the day after peace is signed", "would be decided when the guns fall
    // silent": a membership named before the link of its clause's condition is conditioned,
    // whatever procedure the clause names; "would brief ministers on the reforms required
    // before accession" names it only in the condition, and is procedure.
    let procedure = clauses.iter().zip(views).any(|(c, v)| {
        let link = c
            .items
            .iter()
            .position(|i| i.is(Class::ConditionLink) || i.is(Class::ConditionWeakLink));
        let conditioned =
            v.condition.is_some() && link.is_some_and(|l| has(&c.items[..l], Class::Membership));
        !conditioned && has(c.items, Class::Procedural)
    });
    (procedure || (0..items.len()).any(|k| act_not_done(items, k)))
        && !has(items, Class::Exclusive)
        && !asserted
        && !views.iter().any(|v| v.positioned)
}

/// The speaker is a news outlet from `outlets.txt` ("Reuters", "The Kyiv Independent").
fn is_outlet(speaker: &str) -> bool {
    let s = speaker.trim();
    let s = s.strip_prefix("The ").unwrap_or(s);
    lexicon::members(Class::Outlet).iter().any(|o| {
        let o = o.strip_prefix("The ").unwrap_or(o);
        s == o || s.strip_prefix(o).is_some_and(|r| r.starts_with(' '))
    })
}

/// Whether the speaker's name or title names a side listed in `class`.
fn side(speaker: &str, class: Class) -> bool {
    speaker_words(speaker, |words| words.iter().any(|w| lexicon::is(class, w)))
}

/// `read` of the [`words`] of a speaker's name and title, remembered for the thread's latest
/// speaker: the rules ask about one speaker several times, and a speaker's claims come together.
fn speaker_words<R>(speaker: &str, read: impl FnOnce(&[String]) -> R) -> R {
    thread_local! {
        static LATEST: std::cell::RefCell<Option<(String, Vec<String>)>> =
            const { std::cell::RefCell::new(None) };
    }
    LATEST.with(|latest| {
        let mut latest = latest.borrow_mut();
        if latest.as_ref().is_none_or(|(s, _)| s != speaker) {
            *latest = Some((speaker.to_string(), words(speaker)));
        }
        let (_, words) = latest.as_ref().expect("just remembered");
        read(words)
    })
}

#[cfg(test)]
mod tests;
