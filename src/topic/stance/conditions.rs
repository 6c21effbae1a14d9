//! Conditions: the condition a clause sets for joining. A firm link ("until", "once"), a weak
//! link with a condition topic ("after the war"), a lasting-state link under a negative frame
//! ("not while the war goes on"), a deferral ("premature") or a negated near term ("not yet").

use super::clauses::Clause;
use super::tagging::{has, names_entry, negations, Item};
use crate::lexicon::{self, Class};

/// How many items after "until"/"once" a membership word marks an end point, not a condition.
const ENDPOINT_REACH: usize = 7;

/// The reason of a condition set by a firm link ("until", "once", "only after").
pub(super) const FIRM_LINK: &str = "a condition for joining";

/// The reason of a condition on a named topic (war, reforms, consensus).
pub(super) const TOPIC_CONDITION: &str = "a condition on the war, reforms or consensus";

/// The reasons of conditions that only delay: a call to act now outweighs them.
pub(super) const DELAYS: [&str; 2] = ["defers joining", "not yet, not now"];

/// What a clause's polarity says about the conditions in it.
pub(super) struct Frame {
    /// Negation words.
    pub(super) negators: usize,
    /// Negations and opposition words.
    pub(super) negations: usize,
    /// The clause refuses or condemns something (negation, opposition, harm, question).
    pub(super) negative: bool,
    /// Its polarity is negative overall.
    pub(super) refusing: bool,
    /// It holds a harm: a condition in it is judged ("waiting would reward aggression").
    pub(super) judged: bool,
}

/// Whether a condition makes its clause take a position. In a clause about procedure ("would
/// brief ministers on the reforms required before accession") only a firm link ("once",
/// "until") or a deferral ("talks on membership are premature") does; a negated near term ("not
/// yet finalised") or a weak link ("before") describes it.
pub(super) fn positions(items: &[Item], reason: &str) -> bool {
    let procedure = items
        .iter()
        .any(|i| i.is(Class::Procedural) && !i.is(Class::ConditionTopic));
    !procedure || reason == FIRM_LINK || reason == DELAYS[0]
}

/// The condition a clause sets, if any: a link ("until", "after the war"), a deferral
/// ("premature") or a negated near term ("not yet"). A lasting-state link ("while the war goes
/// on") sets one only in a negative frame, and not when only a harm makes it negative.
pub(super) fn condition(c: &Clause, frame: &Frame) -> Option<&'static str> {
    let items = c.items;
    // "I'm against it while the war goes on": a pronoun restates the membership named before.
    // "..., but not while the war goes on", "Not while the war goes on.": a negation opening
    // a clause after "but", or right before a lasting-state link, elides the membership.
    // "..., only not while ...": a focus word may come first.
    let lead = items
        .iter()
        .take_while(|i| i.listed(Class::StanceFocus))
        .count();
    let concurrent = items
        .get(lead + 1)
        .is_some_and(|l| l.is(Class::ConditionConcurrentLink));
    let elided = (c.hedged || concurrent) && items.get(lead).is_some_and(|i| i.is(Class::Negator));
    // "..., but that no decision can be taken during the fighting", "..., but we cannot say
    // yes while ...": a hedge after "but" that opens on a negation, or refuses a decision, is
    // about the membership the clause before it named.
    let opens_negated = items
        .iter()
        .find(|i| i.text != "that")
        .is_some_and(|i| i.is(Class::Negator));
    let decides = has(items, Class::Negator) && items.iter().any(|i| i.listed(Class::DecisionWord));
    let joining = has(items, Class::Membership)
        || elided
        || (c.hedged && (opens_negated || decides))
        || items.iter().any(|i| i.listed(Class::ObjectPronoun));
    // "why must Ukraine wait any longer": impatience rejects the wait it names.
    let impatient = super::tagging::impatient(items);
    for (i, it) in items.iter().enumerate() {
        let cancelled = c.reversed
            || i.checked_sub(1)
                .is_some_and(|p| items[p].is(Class::ConditionCanceller))
            || denied_deferral(c, lead, i);
        if cancelled {
            continue;
        }
        let (before, after) = (&items[..i], phrase(&items[i + 1..]));
        let topic_after = has(after, Class::ConditionTopic);
        let open = !frame.judged;
        let link = it.is(Class::ConditionLink)
            || links_clause(items, i)
            || (it.is(Class::ConditionWeakLink) && only_before(before));
        // A question asks what is still owed ("what more must Ukraine prove before ..."); it
        // sets no task.
        if open && !c.question && task_before_joining(it, before, after, frame.refusing) {
            return Some(FIRM_LINK);
        }
        // "will argue for membership until the last ally is convinced", "will keep knocking on
        // NATO's door until ...": backing or an effort that lasts.
        // A war or a reform after it still sets a condition ("guarantees should protect
        // Ukraine until the war ends"), unless the backing is of the membership itself.
        let lasting = it.listed(Class::EndpointLink)
            && !frame.negative
            && before
                .iter()
                .enumerate()
                .position(|(k, b)| b.is(Class::Approval) || keeps_on(before, k))
                .is_some_and(|a| !topic_after || has(&before[a..], Class::Membership));
        // "there is nothing to wait for": a link with nothing after it links no condition.
        if link
            && open
            && !lasting
            && !after.is_empty()
            && !renounces(after)
            && links_joining(it, after)
        {
            return Some(FIRM_LINK);
        }
        // "the war must end before Ukraine joins" conditions the joining; "the war will end
        // when Ukraine joins" makes the joining the condition.
        let topic_before = endpoint(after)
            && has(before, Class::ConditionTopic)
            && !it.listed(Class::ConsequenceLink);
        // "needs an invitation before any ceasefire talks": joining ahead of the war's end is
        // urgency; only refused ("cannot join before the war ends") does it wait for it.
        let ahead = it.listed(Class::AheadLink) && !frame.refusing;
        let topic_after = topic_after && !ahead;
        // "a pledge that Ukraine would stay out of NATO before any truce talks": a time for
        // the opposite proposition orders it; it sets no condition on joining.
        let timed_exclusion = has(before, Class::Exclusion);
        if it.is(Class::ConditionWeakLink)
            && open
            && (topic_after || topic_before)
            && !elapsed(after)
            && !timed_exclusion
        {
            return Some(TOPIC_CONDITION);
        }
        // "no membership without a peace deal": "without" after a negation names what must
        // come first.
        if it.text == "without" && open && joining && before.iter().any(|b| b.is(Class::Negator)) {
            let waived = super::tagging::waives(items, i);
            let refused = refuses_joining(before);
            // A refused joining also makes a waivable step or a first act ("should not join
            // without a Membership Action Plan", "without first settling its disputes") what
            // must come first.
            let step = refused && (waived || first_act_after(after));
            if (!waived || refused) && (topic_after || step) {
                return Some(TOPIC_CONDITION);
            }
        }
        let topic_here = topic_after || it.is(Class::ConditionTopic);
        // "irresponsible to talk about membership for a country at war": a harm with no
        // negation judges the membership in that state; it does not wait for the state to end.
        let refused = frame.negative && !(frame.judged && frame.negations == 0);
        // "..., but not while shells are still falling": a refusal elided right before the
        // link makes any lasting state a condition, named topic or not.
        let not_while = elided && concurrent;
        if it.is(Class::ConditionConcurrentLink) && (topic_here || not_while) && refused && joining
        {
            return Some("not while the war lasts");
        }
        let lasting_link = it.listed(Class::DurativeLink)
            || (it.is(Class::ConditionConcurrentLink) && no_comma_before(items, i) && lasts(after));
        if lasting_link && refused_until_state_ends(before, after) {
            return Some("refused while a state lasts");
        }
        if it.is(Class::Deferral)
            && frame.negations.is_multiple_of(2)
            && !foreclosed(items)
            && !impatient
        {
            return Some(DELAYS[0]);
        }
        let negated = frame.negators % 2 == 1 && frame.refusing;
        // "not ready for NATO membership": a near term naming the joining itself is
        // readiness for it, whatever noun follows.
        let fact = names_next(after) && !it.is(Class::Membership);
        if it.is(Class::NearTerm) && negated && !fact && !dismisses(before) {
            return Some(DELAYS[1]);
        }
    }
    None
}

/// "will keep knocking", "will continue to press": a verb of keeping on at `k` before a verb
/// of effort ("to" or an "-ing" form), not "keep the bid on hold".
fn keeps_on(items: &[Item], k: usize) -> bool {
    items[k].listed(Class::PersistenceVerb)
        && items.get(k + 1).is_some_and(|n| {
            n.listed(Class::InfinitiveMarker) || lexicon::is_present_participle(&n.text)
        })
}

/// "an invitation today, not after the war": a clause opening on a negation right before a
/// link that puts the joining later rejects that delay; it sets no condition ("..., but not
/// after the war" limits the clause before it and still does).
fn denied_deferral(c: &Clause, lead: usize, i: usize) -> bool {
    let items = c.items;
    i == lead + 1
        && !c.hedged
        && items[lead].is(Class::Negator)
        && items[i].listed(Class::PosteriorLink)
}

/// Words a subject noun phrase may take after its determiner before the verb of a clause.
const SUBJECT_REACH: usize = 3;

/// "could join provided the decision is unanimous": "provided"/"providing" followed by a
/// clause (a subject and its verb) links a condition; followed by an object ("provided
/// weapons") it is a verb.
fn links_clause(items: &[Item], i: usize) -> bool {
    let after = &items[i + 1..];
    let verb = |w: &Item| w.listed(Class::FiniteVerb);
    let subject_then_verb = match after {
        [s, v, ..] if s.listed(Class::Placeholder) => {
            verb(v)
                || v.text.ends_with('s')
                || v.listed(Class::IrregularParticiple)
                || lexicon::is_regular_participle(&v.text)
        }
        [d, rest @ ..] if opens_subject(d) => rest
            .iter()
            .take(SUBJECT_REACH)
            .position(verb)
            .is_some_and(|k| k > 0 && !rest[..k].iter().any(Item::punct)),
        _ => false,
    };
    // "has provided them vehicles": after an auxiliary it is a verb.
    let auxiliary =
        i > 0 && (items[i - 1].listed(Class::BeForm) || items[i - 1].listed(Class::PerfectAux));
    items[i].listed(Class::ClauseConditionLink) && subject_then_verb && !auxiliary
}

/// Words before a weak link within which "only" makes it firm ("can only be debated after").
const ONLY_REACH: usize = 4;

/// "can only join after the war", "will only be discussed when ...": "only" after a modal or
/// an auxiliary, with the joining or its procedure between it and a weak link, restricts the
/// proposition to the link, as "only after" does ("only joining will help when ..." does not).
fn only_before(before: &[Item]) -> bool {
    let from = before.len().saturating_sub(ONLY_REACH);
    (from..before.len()).any(|k| {
        let after_aux =
            k > 0 && (before[k - 1].listed(Class::Modal) || before[k - 1].listed(Class::BeForm));
        before[k].text == "only"
            && after_aux
            && before[k + 1..]
                .iter()
                .any(|v| v.is(Class::Membership) || v.is(Class::Procedural))
    })
}

/// "would not support any step toward membership as long as the rights were not restored":
/// the membership refused before the link (a negation inside the lasting state is that
/// state's own), and not for ever ("will never accept it as long as it exists").
fn refused_until_state_ends(before: &[Item], after: &[Item]) -> bool {
    let opposed = before.iter().filter(|b| b.is(Class::Opposition)).count();
    let refused = (negations(before) + opposed) % 2 == 1;
    let for_ever = before.iter().any(|b| b.listed(Class::PermanentNegator));
    refused && !for_ever && has(before, Class::Membership) && !after.is_empty() && !tenure(after)
}

/// The lasting state is a time in power ("as long as he is in office").
fn tenure(after: &[Item]) -> bool {
    names_entry(after, Class::Tenure)
}

/// "would not come while the shells are still falling": a link with no comma before it
/// (", while Hungary ..." contrasts).
fn no_comma_before(items: &[Item], i: usize) -> bool {
    i > 0 && !items[i - 1].punct()
}

/// The clause after a link names a state that lasts: a lasting word ("still", "goes on") or
/// the progressive ("are falling").
fn lasts(after: &[Item]) -> bool {
    let progressive = after
        .windows(2)
        .any(|w| w[0].listed(Class::BeForm) && w[1].text.len() > 4 && w[1].text.ends_with("ing"));
    progressive || names_entry(after, Class::LastingMarker)
}

/// "Ukraine would need to achieve interoperability before it could be admitted": a task set as
/// an obligation (a modal of necessity, not "the reforms required"), then "before" and the
/// joining, orders the task first, as "only after" does.
fn task_before_joining(link: &Item, before: &[Item], after: &[Item], refusing: bool) -> bool {
    link.listed(Class::AheadLink)
        && !refusing
        && before
            .iter()
            .any(|b| b.is(Class::Approval) && b.listed(Class::Obligation))
        // "parliaments must ratify the protocol before Ukraine can enter": the allies' own
        // procedure, no task of the candidate.
        && !before
            .iter()
            .any(|b| b.listed(Class::ProceduralAct) || b.is(Class::AlliesNoun))
        && has(&after[..after.len().min(JOINING_AFTER_LINK)], Class::Membership)
}

/// Most words from "before" to the joining it orders ("before it could be admitted").
const JOINING_AFTER_LINK: usize = 4;

/// A determiner or quantifier opening a subject noun phrase ("the decision", "all allies").
fn opens_subject(w: &Item) -> bool {
    w.listed(Class::Determiner)
        || w.is(Class::Quantifier)
        || matches!(w.text.as_str(), "all" | "every" | "each")
}

/// "there will be no consensus": a deferral foretold to last ("will be no ...") denies rather
/// than defers.
pub(super) fn foreclosed(items: &[Item]) -> bool {
    (2..items.len()).any(|k| {
        items[k].is(Class::Deferral)
            && items[k].text.starts_with("no ")
            && items[k - 1].text == "be"
            && items[k - 2].text == "will"
    })
}

/// "no one can seriously claim that ...": a denial of the claim by "no one"/"nobody" dismisses
/// what follows as unfounded rather than early.
fn dismisses(before: &[Item]) -> bool {
    before.iter().enumerate().any(|(k, w)| {
        w.listed(Class::Nobody)
            && before[k + 1..]
                .iter()
                .take(3)
                .any(|v| v.listed(Class::ClaimVerb))
    })
}

/// The items up to the next comma: a link's own phrase.
fn phrase(items: &[Item]) -> &[Item] {
    let end = items
        .iter()
        .position(|i| i.text == ",")
        .unwrap_or(items.len());
    &items[..end]
}

/// "after a decade of war", "after years of aggression": a span of a harm elapsed, not the war's
/// end awaited ("after a year of reforms" still waits for the reforms).
fn elapsed(after: &[Item]) -> bool {
    let counted = |i: &Item| {
        i.listed(Class::Determiner)
            || i.listed(Class::Quantifier)
            || i.listed(Class::NumberWord)
            || i.text.chars().all(|c| c.is_ascii_digit())
    };
    let span = |i: &Item| i.listed(Class::TimeWord) || i.listed(Class::Span);
    let rest = match after {
        [c, rest @ ..] if counted(c) => rest,
        rest => rest,
    };
    matches!(rest, [s, of, what, ..] if span(s) && of.text == "of" && what.is(Class::Harm))
}

/// "only if Kyiv renounces NATO": a condition that Ukraine give the goal up is a demand, not a
/// path to joining.
fn renounces(after: &[Item]) -> bool {
    let against = after.iter().position(|i| i.is(Class::Opposition));
    has(after, Class::Exclusion) || against.is_some_and(|a| has(&after[a..], Class::Membership))
}

/// "not yet a member": a near term before a membership noun states a fact, not a delay.
fn names_next(after: &[Item]) -> bool {
    let article = |i: &Item| matches!(i.text.as_str(), "a" | "an" | "the");
    match after {
        [p, ..] if p.is(Class::Membership) => true,
        [a, p, ..] => article(a) && p.is(Class::Membership),
        _ => false,
    }
}

/// A firm link conditions the joining: one ending in a word of sequence ("and only then join")
/// points back to its condition, so the membership must follow it; any other must not be
/// followed by the membership as its end point ("until the day it joins").
fn links_joining(link: &Item, after: &[Item]) -> bool {
    let refers_to_condition = link
        .text
        .rsplit(' ')
        .next()
        .is_some_and(|w| lexicon::is(Class::SequenceLink, w));
    refers_to_condition == endpoint(after)
}

/// "until the day it joins": a membership word right after the link is an end point; one
/// that only qualifies a condition ("once it meets the membership criteria", "once it meets
/// the criteria for membership") is not.
fn endpoint(after: &[Item]) -> bool {
    let n = after
        .iter()
        .take(ENDPOINT_REACH)
        .take_while(|i| !i.punct())
        .count();
    after[..n].iter().enumerate().any(|(k, i)| {
        let qualifies = after
            .get(k + 1)
            .is_some_and(|q| q.is(Class::ConditionTopic));
        let qualified = after[..k]
            .iter()
            .rposition(|c| c.is(Class::ConditionTopic))
            .is_some_and(|c| {
                after[c + 1..k]
                    .first()
                    .is_some_and(|p| p.listed(Class::QualifierPreposition))
            });
        i.is(Class::Membership) && !qualifies && !qualified
    })
}

/// "no future unless it joins", "never safe until Ukraine is in NATO": a firm link whose end
/// point is the membership, after a negation, makes the membership the way out; it reverses
/// that negation ("will not stop until it joins" reverses twice already).
pub(super) fn negated_endpoint(items: &[Item]) -> bool {
    let reverses = |w: &&Item| w.is(Class::Negator) || w.is(Class::Opposition);
    items.iter().enumerate().any(|(i, it)| {
        let before = &items[..i];
        // "will not support membership until Ukraine is ready to join" conditions the
        // membership named before the link; it is no way out.
        let unnamed = !has(before, Class::Membership) && !has(before, Class::Exclusion);
        it.is(Class::ConditionLink)
            && unnamed
            && endpoint(&items[i + 1..])
            && before.iter().filter(reverses).count() % 2 == 1
    })
}

/// "should not join NATO without ...": one reversal before "without" (the caller's negation,
/// with no other negation, opposition or deferral word), and no clause opening between it and
/// the membership ("did not doubt that Ukraine would join" refuses nothing).
fn refuses_joining(before: &[Item]) -> bool {
    let mut reversals = (0..before.len()).filter(|&k| {
        let b = &before[k];
        b.is(Class::Negator) || b.is(Class::Opposition) || b.is(Class::Deferral)
    });
    let (Some(negation), None) = (reversals.next(), reversals.next()) else {
        return false;
    };
    let membership = before[negation..]
        .iter()
        .position(|b| b.is(Class::Membership));
    membership.is_some_and(|m| {
        before[negation..negation + m]
            .iter()
            .all(|b| !b.listed(Class::Complementizer))
    })
}

/// "without first settling its disputes": "first", then a present participle that is no harm.
fn first_act_after(after: &[Item]) -> bool {
    let first = after
        .first()
        .is_some_and(|i| i.listed(Class::SequenceFirst));
    first
        && after.get(1).is_some_and(|i| {
            lexicon::is_present_participle(&i.text)
                && !i.is(Class::Harm)
                && !i.is(Class::Opposition)
        })
}
