//! Reading: what each clause says. Its sign is the parity of its reversals and harms, its weight
//! whether it names the proposition; its condition comes from [`super::conditions`].

use super::clauses::Clause;
use super::conditions::{
    condition, foreclosed, negated_endpoint, positions, Frame, DELAYS, FIRM_LINK, TOPIC_CONDITION,
};
use super::tagging::{has, names_entry, negations, Item};
use crate::lexicon::{self, Class};

/// A negated clause this short, of auxiliaries only ("but no longer did"), restates the previous
/// proposition.
const ELLIPSIS_LEN: usize = 3;

/// What a clause says: its sign, whether it takes a position, and any condition it sets.
#[derive(Debug, Clone, Copy)]
pub(super) struct View {
    /// +1 for the membership, -1 against.
    pub(super) sign: i32,
    /// 2 for a clause naming the proposition, 1 for one judging without naming it, 0 for none.
    pub(super) weight: i32,
    /// It holds an evaluation (harm or benefit).
    pub(super) evaluated: bool,
    /// It names a condition for joining, with the rule that found it.
    pub(super) condition: Option<&'static str>,
    /// It holds a word of position (opposition, evaluation, wish, condition link).
    pub(super) positioned: bool,
    /// It names the proposition with no word of position or negation at all.
    pub(super) bare: bool,
    /// It only names a harm, with no proposition and no opposition ("in this war"): background
    /// that counts only when no clause names the proposition.
    pub(super) background: bool,
    /// It asks for the membership now ("should be invited this year"), which outweighs a
    /// delay conceded elsewhere.
    pub(super) urgent: bool,
    /// After "but", it refuses for the near term only ("but not on the agenda right now"): a
    /// hedge on a clause affirming the membership.
    pub(super) not_now: bool,
    /// It names the membership and a negated phrase of opposition rejects it ("membership is
    /// not on the agenda"): the statement's own rejection, whoever says it.
    pub(super) rejects: bool,
}

/// Read the clauses in order; a clause opening with "it" restates the last named proposition.
pub(super) fn read(clauses: &[Clause]) -> Vec<View> {
    // An answer before its question ("'Never,' X said when asked whether ...") points to it.
    let mut referent = clauses
        .iter()
        .filter(|c| c.conceded)
        .find_map(|c| proposition_sign(c.items));
    // "Putin wants a veto. He will not get one": "one" stands for the last noun introduced
    // with "a"/"an".
    let mut indefinite = None;
    let mut statement: Option<i32> = None;
    let mut views: Vec<View> = clauses
        .iter()
        .map(|c| {
            let one = indefinite.filter(|_| ends_in_one(c.items));
            let whole = statement.filter(|_| restates_statement(c.items));
            // "... is understandable but dangerous" judges the statement before, as it stands.
            let judged = statement.filter(|_| bare_judgement(c.items));
            let mut v = view(c, one.or(whole).or(judged).or(referent), one.is_some());
            if whole.is_some() {
                // It vouches for the statement; it adds no weight of its own ("Moscow does not
                // want it. That is clear. But Ukraine will join").
                v.weight = 0;
                v.positioned = false;
            }
            referent = proposition_sign(c.items).or(referent);
            indefinite = indefinite_sign(c.items).or(indefinite);
            // A restating clause passes the statement on ("That was our position, and it
            // will not change").
            if whole.is_none() {
                statement = (v.weight == 2 && !c.question).then_some(v.sign);
            }
            v
        })
        .collect();
    never_met(clauses, &mut views);
    shared_negation(clauses, &mut views);
    sequenced(clauses, &mut views);
    answer_opposed_question(clauses, &mut views);
    // "The invitation is not a gift. It is the cheapest way to ...": the denial sets a
    // description aside for the one that follows; it does not negate the proposition.
    for i in 1..clauses.len() {
        if denies_description(clauses[i - 1].items) && refers_back(clauses[i].items) {
            views[i - 1].weight = 0;
            views[i - 1].positioned = false;
        }
    }
    // "a clear answer on membership rather than more promises of an open door": what is set
    // aside for the membership asked for is a lesser form of it, not its opposite.
    for i in 1..clauses.len() {
        let lesser_form = clauses[i].reversed
            && views[i - 1].sign > 0
            && proposition_sign(clauses[i - 1].items) == Some(1)
            && proposition_sign(clauses[i].items) == Some(1);
        if lesser_form {
            views[i].weight = 0;
            views[i].positioned = false;
        }
    }
    // "a neutral status, not a place in NATO": after a clause for the opposite proposition,
    // the alternative set aside is the membership itself; it is denied, not corrected.
    for i in 1..clauses.len() {
        let set_aside = matches!(clauses[i].items, [n, d, ..]
            if n.text == "not" && d.listed(Class::Determiner));
        let opposite = has(clauses[i - 1].items, Class::Exclusion) && views[i - 1].sign < 0;
        if set_aside && opposite && has(clauses[i].items, Class::Membership) {
            views[i].sign = -1;
            views[i].positioned = true;
            views[i].bare = false;
        }
    }
    // "membership was not on the table and Europe should instead offer guarantees": the
    // alternative offered after a refusal is not the membership.
    for i in 1..clauses.len() {
        let refused = views[i - 1].sign < 0 && views[i - 1].weight == 2;
        let substitute = has(clauses[i].items, Class::Substitute);
        if refused && substitute {
            views[i].weight = 0;
            views[i].positioned = false;
        }
    }
    views
}

/// Most items of a verbless "X first" clause ("a lasting ceasefire first").
const VERBLESS_FIRST_LEN: usize = 4;

/// "Ukraine should not, and would not, join": a clause that ends in a modal and its negation,
/// at a comma, leaves its verb to the next clause that has one; that clause reads negated, and
/// the dangling ones add nothing of their own.
fn shared_negation(clauses: &[Clause], views: &mut [View]) {
    let dangling = |c: &Clause| {
        matches!(c.items, [.., m, n] if m.listed(Class::Modal) && n.is(Class::Negator))
            && c.open
            && !has(c.items, Class::Membership)
    };
    let mut i = 0;
    while i < clauses.len() {
        if !dangling(&clauses[i]) {
            i += 1;
            continue;
        }
        // "must not, however, delay": a lone adverb between commas interrupts nothing.
        let aside = |c: &Clause| c.items.len() == 1 && c.items[0].classes.is_empty();
        let run_end = (i..clauses.len()).find(|&j| !dangling(&clauses[j]) && !aside(&clauses[j]));
        let Some(j) = run_end else { break };
        // The clause opens with the shared verb ("join NATO", "become a member"), not with a
        // coordinator or a subject of its own, and holds no finite verb after it.
        let (first, rest) = clauses[j].items.split_first().unzip();
        let verb_first = first.is_some_and(|w| {
            !w.listed(Class::Modal)
                && !w.listed(Class::SubjectPronoun)
                && !w.listed(Class::Determiner)
                && !w.listed(Class::ClauseCoordinator)
                && !w.is(Class::Negator)
        }) && !rest.is_some_and(|r| r.iter().any(|w| w.listed(Class::FiniteVerb)));
        if verb_first && negations(clauses[j].items) == 0 && views[j].weight == 2 {
            views[j].sign = -views[j].sign;
            views[j].positioned = true;
            views[j].bare = false;
            for v in &mut views[i..j] {
                v.weight = 0;
                v.positioned = false;
            }
        }
        i = j + 1;
    }
}

/// Sequences that make the joining wait: "X first, membership later" inside a clause, a clause
/// closing on "first" after the membership, and a clause opening with a word of sequence.
fn sequenced(clauses: &[Clause], views: &mut [View]) {
    for (c, v) in clauses.iter().zip(views.iter_mut()) {
        if first_within(c.items) && orders(c.items) && v.sign > 0 {
            wait_for_topic(v);
        }
    }
    for i in 1..clauses.len() {
        // "Membership, yes, but the treaty gets signed first": the clause naming the
        // membership may stand a short answer before.
        let named = (0..i)
            .rev()
            .take(NAMED_BEFORE_REACH)
            .find(|&j| has(clauses[j].items, Class::Membership))
            .unwrap_or(i - 1);
        if first_after(clauses[named].items, clauses[i].items) && views[named].sign > 0 {
            wait_for_topic(&mut views[named]);
        } else if follows_in_sequence(clauses[i - 1].items, clauses[i].items) && views[i].sign > 0 {
            wait_for_topic(&mut views[i]);
        }
    }
}

/// How many clauses back a clause closing on "first" looks for the membership it delays.
const NAMED_BEFORE_REACH: usize = 2;

/// The view waits for a war, reform or consensus, unless it already has a condition.
fn wait_for_topic(v: &mut View) {
    if v.condition.is_none() {
        v.condition = Some(TOPIC_CONDITION);
        v.positioned = true;
    }
}

/// "Ukraine will be in NATO, but the fighting has to stop first": a clause closing on "first"
/// after one naming the membership names what must come before it ("because Russia struck
/// first" gives a reason, not a condition).
fn first_after(before: &[Item], items: &[Item]) -> bool {
    let causal = items.iter().take(2).any(|w| w.listed(Class::CausalOpener));
    items.last().is_some_and(is_first)
        && has(items, Class::ConditionTopic)
        && !has(items, Class::Membership)
        && has(before, Class::Membership)
        && orders(items)
        && !causal
}

/// "First a ceasefire, then accession talks", "Peace first, membership later": a clause
/// opening with a word of sequence, or after a short clause closing on "first", that names the
/// membership (or, after "X first", anything: "Reforms first, then the allies' vote") after a
/// clause naming a war, reform or consensus waits for it.
fn follows_in_sequence(before: &[Item], items: &[Item]) -> bool {
    let first_before = before.last().is_some_and(is_first) && before.len() <= VERBLESS_FIRST_LEN;
    // "had to win the war first and could join afterwards": a step named first, then one
    // closing on a word of sequence.
    let first_then_after = before.last().is_some_and(is_first)
        && items.last().is_some_and(|w| w.listed(Class::SequenceLink));
    if !opens_sequence(items) && !first_before && !first_then_after {
        return false;
    }
    // "would discuss the war, then the membership" orders a procedure, not the joining.
    let procedure = before
        .iter()
        .any(|w| w.is(Class::Procedural) && !w.is(Class::ConditionTopic));
    orders(items)
        && (has(items, Class::Membership) || first_before)
        && has(before, Class::ConditionTopic)
        && !procedure
}

/// "..., and then Ukraine applied": a past sequence narrates; a modal or no verb at all
/// ("then membership") orders.
fn orders(items: &[Item]) -> bool {
    let modal = items.iter().any(|w| {
        w.listed(Class::Modal)
            && !w.listed(Class::InfinitiveMarker)
            && !w.listed(Class::RelativePronoun)
    });
    let narrates = items
        .iter()
        .any(|w| w.listed(Class::FiniteVerb) || lexicon::is_regular_participle(&w.text));
    modal || !narrates
}

/// A word that puts a step ahead of what follows ("first").
fn is_first(w: &Item) -> bool {
    w.listed(Class::SequenceFirst)
}

/// "would need peace first and membership later": "first" right after a condition topic and
/// before the membership, inside one clause, orders the clause's own parts ("must be first in
/// line for membership" does not).
fn first_within(items: &[Item]) -> bool {
    items.iter().position(is_first).is_some_and(|k| {
        k > 0 && items[k - 1].is(Class::ConditionTopic) && has(&items[k + 1..], Class::Membership)
    })
}

/// The clause opens with a word of sequence, after a coordinator or a focus adverb ("then",
/// "and only then", "after that").
fn opens_sequence(items: &[Item]) -> bool {
    let lead = items
        .iter()
        .take_while(|w| {
            let lead = w.listed(Class::ClauseCoordinator) || w.listed(Class::FocusAdverb);
            lead && !w.listed(Class::SequenceLink)
        })
        .count();
    let words: Vec<&str> = items[lead..]
        .iter()
        .take(2)
        .map(|w| w.text.as_str())
        .collect();
    (1..=words.len()).any(|n| lexicon::is(Class::SequenceLink, &words[..n].join(" ")))
}

/// "only when Russia agrees, which means never": a condition restated as never met denies
/// the proposition it conditioned; the restatement itself weighs nothing.
fn never_met(clauses: &[Clause], views: &mut [View]) {
    for i in 1..clauses.len() {
        let next = clauses.get(i + 1).map(|c| c.items);
        let Some(span) = restated_never(clauses[i].items, next) else {
            continue;
        };
        if views[i - 1].condition.is_some() {
            views[i - 1].condition = None;
            views[i - 1].sign = -views[i - 1].sign;
            views[i - 1].bare = false;
            for v in &mut views[i..i + span] {
                v.weight = 0;
                v.positioned = false;
            }
        }
    }
}

/// "which means never" in one clause (1), or "in other words" and "never" in two (2).
fn restated_never(items: &[Item], next: Option<&[Item]>) -> Option<usize> {
    let restates = |ws: &[Item]| {
        let text: Vec<&str> = ws.iter().map(|i| i.text.as_str()).collect();
        lexicon::is(Class::Restatement, &text.join(" "))
    };
    let never = |ws: &[Item]| matches!(ws, [n] if n.is(Class::Negator));
    match items {
        [head @ .., last] if last.is(Class::Negator) && !head.is_empty() && restates(head) => {
            Some(1)
        }
        _ if restates(items) && next.is_some_and(never) => Some(2),
        _ => None,
    }
}

/// The clause ends in "one" after its verb, which follows a negation or an auxiliary ("he
/// will not get one", "Kyiv does not have one").
fn ends_in_one(items: &[Item]) -> bool {
    matches!(items, [.., aux, verb, one]
        if one.text == "one"
            && verb.classes.is_empty()
            && !verb.listed(Class::Determiner)
            && (aux.is(Class::Negator)
                || aux.listed(Class::Modal)
                || aux.listed(Class::FiniteVerb)))
}

/// The sign of the last noun the clause introduces with "a"/"an" (an adjective at most
/// between): -1 for an opposition or exclusion word ("a veto"), +1 for a membership word ("an
/// invitation"), None for any other.
fn indefinite_sign(items: &[Item]) -> Option<i32> {
    let k = items
        .iter()
        .rposition(|i| matches!(i.text.as_str(), "a" | "an"))?;
    let noun = items[k + 1..]
        .iter()
        .take(2)
        .find(|i| !i.classes.is_empty())?;
    if noun.is(Class::Opposition) || noun.is(Class::Exclusion) {
        Some(-1)
    } else if noun.is(Class::Membership) {
        Some(1)
    } else {
        None
    }
}

/// "X is not a gift", "is not caution": a form of "be", "not", then a noun phrase to the
/// clause's end, of plain words or words of judgement only (no verb, no proposition).
fn denies_description(items: &[Item]) -> bool {
    let Some(k) = items.iter().position(|i| i.text == "not") else {
        return false;
    };
    let copula = k > 0 && items[k - 1].listed(Class::BeForm);
    let np = &items[k + 1..];
    // "is not caution", "is not a gift": a noun phrase, plain or a word of judgement, that
    // the next clause replaces.
    let judgement = |i: &Item| {
        i.classes
            .iter()
            .all(|&c| matches!(c, Class::Opposition | Class::Harm | Class::Benefit))
    };
    let plain = np
        .iter()
        .all(|i| judgement(i) && !i.punct() && !i.listed(Class::FiniteVerb));
    copula && !np.is_empty() && plain
}

/// "Asked whether Kyiv would give up its bid, X said: 'Never.'": a question put to the speaker
/// that opposes the proposition turns an answer naming no proposition of its own against that
/// opposition.
fn answer_opposed_question(clauses: &[Clause], views: &mut [View]) {
    let Some(question) = clauses.first() else {
        return;
    };
    let opposed = super::clauses::asks(question.items)
        && has(question.items, Class::Opposition)
        && views[0].positioned
        && views[0].condition.is_none()
        && views[0].sign < 0;
    if !opposed {
        return;
    }
    // "Never", "Out of the question", "Absolutely not": a short answer, with no verb of its own
    // that could restate the question's ("Kyiv will never give up").
    let bare_answer = |c: &Clause| {
        !c.conceded && c.items.len() <= BARE_ANSWER_ITEMS && proposition_sign(c.items).is_none()
    };
    for (c, v) in clauses.iter().zip(views.iter_mut()).skip(1) {
        if bare_answer(c) {
            v.sign = -v.sign;
        }
    }
}

/// Most items of an answer that takes its proposition from the question ("absolutely not").
const BARE_ANSWER_ITEMS: usize = 3;

/// The clause names Ukraine kept outside NATO: an exclusion word that does not merely describe
/// another noun ("no capital outside the alliance could stop it", "any state outside NATO").
fn excludes(items: &[Item]) -> bool {
    (0..items.len()).any(|i| items[i].is(Class::Exclusion) && !describes_other(items, i))
}

/// The exclusion at `i` is a prepositional phrase after a quantified noun that is not the
/// candidate ("no capital outside the alliance", "any state outside NATO") or after "nobody",
/// so it says where that noun stands ("keep the country outside NATO" still excludes).
fn describes_other(items: &[Item], i: usize) -> bool {
    // "nobody outside the alliance can block": the place describes the pronoun of nobody.
    if i >= 1 && items[i - 1].listed(Class::Nobody) {
        return true;
    }
    if i < 2 {
        return false;
    }
    let prepositional = items[i]
        .text
        .split(' ')
        .next()
        .is_some_and(|w| lexicon::is(Class::Preposition, w));
    let (quantifier, noun) = (&items[i - 2], &items[i - 1]);
    prepositional
        && quantifier.listed(Class::NounDeterminer)
        && !noun.listed(Class::CandidateSide)
        && !noun.is(Class::Membership)
}

/// +1 for a clause naming the membership, -1 for one naming its opposite, None for neither.
fn proposition_sign(items: &[Item]) -> Option<i32> {
    if excludes(items) {
        Some(-1)
    } else if has(items, Class::Membership) {
        Some(1)
    } else {
        None
    }
}

/// Words after "That is" within which a word of truth vouches for the statement ("That is
/// clear to everyone", "That is the simple reality").
const TRUTH_WINDOW: usize = 3;

/// "Ukraine will not join. That is a fact", "... and it will not change": a demonstrative (or
/// "it") subject, a restating verb and a word of truth stand for the statement just made, its
/// negation included.
fn restates_statement(items: &[Item]) -> bool {
    // "it will not change": "it" restates the statement only in a clause naming nothing else
    // and pointing nowhere ahead ("It is clear that ..." does).
    let restating = |p: &Item, rest: &[Item]| {
        let ahead = rest
            .iter()
            .any(|i| i.text == "that" || i.listed(Class::InfinitiveMarker));
        p.listed(Class::Demonstrative)
            || (p.listed(Class::Pronoun) && !has(rest, Class::Membership) && !ahead)
    };
    matches!(items, [p, v, rest @ ..]
        if restating(p, rest)
            && v.listed(Class::RestatingVerb)
            && rest.iter().take(TRUTH_WINDOW).any(|i| i.listed(Class::Truth)))
}

/// "X, including Y, was unacceptable to Moscow": a clause opening with a form of "be" has its
/// subject in the clause before; it judges the proposition named there.
fn subjectless(items: &[Item]) -> bool {
    items
        .first()
        .is_some_and(|b| b.listed(Class::BeForm) && b.classes.is_empty())
}

/// Most items of a contrasting fragment ("not beside it").
const CONTRAST_FRAGMENT_LEN: usize = 5;

/// "..., inside NATO, not beside it": a short verbless fragment opening on a negation and a
/// preposition of place, and closing on a pronoun for the place named before, sets an
/// alternative aside; it does not deny the proposition before it. A time ("not in this
/// decade") or an owner ("not on my watch") still does.
fn contrast_fragment(items: &[Item]) -> bool {
    items.len() <= CONTRAST_FRAGMENT_LEN
        && items.first().is_some_and(|i| i.is(Class::Negator))
        && items
            .get(1)
            .is_some_and(|i| i.listed(Class::ContrastPreposition))
        && items.last().is_some_and(|i| i.listed(Class::ObjectPronoun))
        && items[1..].iter().all(|i| {
            i.classes.is_empty()
                && !i.listed(Class::Modal)
                && !i.listed(Class::TimeWord)
                && !i.listed(Class::TimeDeterminer)
        })
}

/// "Ukraine will join NATO. Not on my watch.": a short verbless fragment of a negation and a
/// prepositional phrase of someone's own time, office or vote denies the proposition before it.
fn denial_fragment(items: &[Item]) -> bool {
    items.len() <= CONTRAST_FRAGMENT_LEN
        && items.first().is_some_and(|i| i.is(Class::Negator))
        && items
            .get(1)
            .is_some_and(|i| i.listed(Class::ContrastPreposition) || i.listed(Class::Preposition))
        && items[1..]
            .iter()
            .all(|i| i.classes.is_empty() && !i.listed(Class::Modal) && i.text != "but")
        && items.iter().any(|i| i.listed(Class::PersonalDeterminer))
        && !contrast_fragment(items)
}

/// Most items of a verbless judgement ("but very dangerous").
const BARE_JUDGEMENT_LEN: usize = 3;

/// "... is understandable but dangerous": a clause of evaluation words only judges the subject
/// of the clause before it.
fn bare_judgement(items: &[Item]) -> bool {
    let evaluation = |i: &Item| i.is(Class::Harm) || i.is(Class::Benefit);
    items.len() <= BARE_JUDGEMENT_LEN
        && items.iter().any(evaluation)
        && items
            .iter()
            .all(|i| evaluation(i) || i.listed(Class::Intensifier))
}

/// "It is a guarantee of peace": a pronoun subject followed by its verb.
fn refers_back(items: &[Item]) -> bool {
    matches!(items, [p, v, ..]
        if p.listed(Class::Pronoun) && v.listed(Class::RestatingVerb))
}

/// The counts a clause's reading rests on.
struct Marks {
    /// Negation words.
    negations: usize,
    /// Opposition words.
    opposed: usize,
    /// Reversals other than negation: opposition, the opposite proposition, a denied deferral,
    /// an ended harm, a preceding contrast.
    against: usize,
    /// Every reversal: negations, opposition, the opposite proposition, a denied deferral, a
    /// contrast before the clause.
    flips: usize,
    /// A harm that is not also a condition topic ("war" in "after the war" is a topic).
    plain_harm: bool,
    /// A shortfall from what is wanted ("fell short of what Ukraine had earned"): an objection
    /// that reverses nothing.
    lamented: bool,
}

/// The counts of a clause's reversals and harms.
fn marks(c: &Clause) -> Marks {
    let items = c.items;
    let negations = negations(items);
    let opposed = (0..items.len())
        .filter(|&i| items[i].is(Class::Opposition) && !coordinated(items, i))
        .filter(|&i| !(i > 0 && items[i - 1].listed(Class::Remedy))) // "a shield against"
        .filter(|&i| !self_directed(items, i))
        .filter(|&i| !drops_a_step(items, i))
        .filter(|&i| !locates_exclusion(items, i))
        .filter(|&i| !short_of_wanted(items, i))
        .filter(|&i| !ends_time_clause(items, i))
        .filter(|&i| !compared_standard(items, i))
        .filter(|&i| !aims_at_adversary(items, i))
        .count();
    let lamented = (0..items.len()).any(|i| short_of_wanted(items, i));
    // "there is not yet unanimity": a negation of the near term says the requirement is still
    // lacking; it denies no deferral.
    let still_lacking = (0..items.len().saturating_sub(2)).any(|k| {
        items[k].is(Class::Negator)
            && items[k + 1].is(Class::NearTerm)
            && items[k + 2..]
                .iter()
                .take(LACKING_REACH)
                .any(|i| i.is(Class::Deferral))
    });
    let deferral_denied =
        (negations + opposed) % 2 == 1 && has(items, Class::Deferral) && !still_lacking;
    let against = opposed
        + usize::from(foreclosed(items))
        + usize::from(excludes(items))
        + usize::from(deferral_denied)
        + ceased(items)
        + removed(items)
        // "should not have to wait until a ceasefire to be invited": the denied deferral and
        // the end point reverse the same negation once.
        + usize::from(negated_endpoint(items) && !deferral_denied)
        + usize::from(c.reversed);
    Marks {
        negations,
        opposed,
        against,
        flips: negations + against,
        lamented,
        plain_harm: (0..items.len())
            .any(|k| judging_harm(items, k) && !items[k].is(Class::ConditionTopic)),
    }
}

/// "sooner than the sceptics expect": an opposition word right after the link to a
/// comparison's standard (a determiner at most between) names whom the speaker measures
/// against; it does not oppose.
fn compared_standard(items: &[Item], i: usize) -> bool {
    let link = |k: usize| items[k].listed(Class::ComparisonLink);
    (i >= 1 && link(i - 1)) || (i >= 2 && items[i - 1].listed(Class::Determiner) && link(i - 2))
}

/// The harm at `k` judges on its own: it neither repeats a negating predicate ("is unrealistic
/// and dangerous") nor heads an opposition compound ("veto threats").
fn judging_harm(items: &[Item], k: usize) -> bool {
    items[k].is(Class::Harm)
        && !restates_negator(items, k)
        && !heads_opposition_compound(items, k)
        && !in_compared_standard(items, k)
}

/// Most items from "than" to a harm in the noun phrase after it.
const STANDARD_REACH: usize = 4;

/// "would cost far less than another decade of war": a harm in the noun phrase after "than" is
/// what the clause's subject is measured against, not what it does.
fn in_compared_standard(items: &[Item], k: usize) -> bool {
    items[k.saturating_sub(STANDARD_REACH)..k]
        .iter()
        .rev()
        .take_while(|i| !i.punct() && !i.is(Class::Negator) && !i.is(Class::Harm))
        .any(|i| i.listed(Class::ComparisonLink))
}

/// "veto threats", "veto threats against Kyiv": a harm right after an opposition word, ending
/// their noun phrase (the clause ends or a preposition follows), heads their compound; the pair
/// judges the membership once, by the opposition. "any delay endangers the bid" is a verb.
fn heads_opposition_compound(items: &[Item], k: usize) -> bool {
    let ends_phrase = items
        .get(k + 1)
        .is_none_or(|n| n.punct() || n.listed(Class::Preposition));
    k > 0 && items[k - 1].is(Class::Opposition) && ends_phrase
}

/// "the only thing that would stop Vladimir Putin", "to deter Moscow": an opposition verb
/// after a modal (the list holds "to" and "that") whose object is the objecting side itself,
/// alone or after one plain word (a first name), ending its noun phrase, acts against that
/// side, not against the membership. "oppose Moscow's demand" and "veto Russia sanctions"
/// still act on what the side's name modifies.
fn aims_at_adversary(items: &[Item], i: usize) -> bool {
    // A verb after a modal or "to" ("would stop", "to deter"), not a noun ("every delay").
    let verb = i > 0 && items[i - 1].listed(Class::Modal);
    let object = |k: usize| {
        items.get(k).is_some_and(|w| w.listed(Class::Adversary))
            && items
                .get(k + 1)
                .is_none_or(|n| n.punct() || n.listed(Class::Stopword))
    };
    let first_name = items.get(i + 1).is_some_and(Item::plain_content_word);
    verb && (object(i + 1) || (first_name && object(i + 2)))
}

/// Items after "not yet" within which the requirement still lacking is named ("not yet a
/// consensus").
const LACKING_REACH: usize = 2;

/// Most plain words between a time link and the verb ending its clause.
const TIME_CLAUSE_WORDS: usize = 5;

/// "invite Kyiv before the summit closed": a verb of opposition ending a time clause, after
/// its link and a few plain words, is that clause's event, aimed at nothing.
fn ends_time_clause(items: &[Item], i: usize) -> bool {
    // "until Hungary lifts its veto": a noun after its determiner is an object, not the verb.
    let verb = i > 0 && !items[i - 1].listed(Class::Determiner);
    let last = verb && items.get(i + 1).is_none_or(Item::punct);
    let is_link = |j: usize| {
        let w = &items[j].text;
        lexicon::is(Class::AheadLink, w)
            || lexicon::is(Class::PosteriorLink, w)
            || lexicon::is(Class::EndpointLink, w)
    };
    let marked = [
        Class::Membership,
        Class::Negator,
        Class::Removal,
        Class::Cessation,
        Class::Opposition,
    ];
    let plain = |j: usize| !items[j].punct() && !marked.iter().any(|&c| items[j].is(c));
    let link = (i.saturating_sub(TIME_CLAUSE_WORDS + 1)..i)
        .rev()
        .find(|&j| is_link(j) || !plain(j));
    last && link.is_some_and(|j| is_link(j) && j + 1 < i)
}

/// Words a verb of ending may stand before the harm it ends ("to end Russia's war").
const CESSATION_REACH: usize = 3;

/// Words a remedy may stand before the harm it answers ("the only answer that matches the
/// scale of the threat").
const REMEDY_REACH: usize = 7;

/// How many harms stand close to a verb of ending or after a remedy ("to end Russia's war",
/// "the war will end", "the answer to the threat").
fn ceased(items: &[Item]) -> usize {
    // "the bid will end in disaster": a verb of ending before "in" names an outcome.
    let ending = |k: usize| {
        items[k].listed(Class::Cessation)
            && !items
                .get(k + 1)
                .is_some_and(|n| n.listed(Class::ResultLink))
    };
    let ends_before = |i: usize| (i.saturating_sub(CESSATION_REACH)..i).any(ending);
    let remedied = |i: usize| {
        items[i.saturating_sub(REMEDY_REACH)..i]
            .iter()
            .any(|w| w.listed(Class::Remedy))
    };
    // "the war will only end when ...": the verb of ending may also follow its harm.
    let ends_after = |i: usize| {
        items[i + 1..(i + 1 + CESSATION_REACH).min(items.len())]
            .iter()
            .any(|w| w.listed(Class::Cessation))
    };
    (0..items.len())
        .filter(|&i| items[i].is(Class::Harm))
        .filter(|&i| ends_before(i) || remedied(i) || ends_after(i) || ended_subject(items, i))
        .count()
}

/// Most plain words of a complement between a harm and its clause's verb ("the problem of
/// security guarantees would be solved").
const SUBJECT_COMPLEMENT_REACH: usize = 5;

/// "the problem of security guarantees would be solved once ...", "the obstacles will be
/// removed": a harm heading its clause's subject, whose verb (past a complement of plain words
/// and the auxiliaries) is a verb of ending or removing, is what ends; the clause does not
/// judge the membership by it.
fn ended_subject(items: &[Item], i: usize) -> bool {
    let auxiliary = |w: &Item| {
        w.listed(Class::Modal)
            || w.listed(Class::BeForm)
            || w.listed(Class::PerfectAux)
            || w.is(Class::Negator)
    };
    let plain = |w: &Item| {
        w.classes.is_empty() && !w.punct() && !auxiliary(w) && !w.listed(Class::FiniteVerb)
    };
    let verb = items[i + 1..]
        .iter()
        .take(SUBJECT_COMPLEMENT_REACH + 1)
        .position(|w| !plain(w))
        .map(|p| i + 1 + p);
    let Some(mut v) = verb else {
        return false;
    };
    while items.get(v).is_some_and(auxiliary) {
        v += 1;
    }
    items
        .get(v)
        .is_some_and(|w| w.listed(Class::Cessation) || w.listed(Class::Removal))
}

/// Words a verb of removing may stand before the opposition or harm it takes away ("removed
/// one of the last obstacles").
const REMOVAL_REACH: usize = 5;

/// How many verbs of removing take away an opposition or a harm a few words after them, with
/// no punctuation between ("lifted its veto", "removed one of the obstacles"); one reversal
/// each, however many harms their object names ("remove the threat of war").
fn removed(items: &[Item]) -> usize {
    (0..items.len())
        // One already read as an opposition ("withdrawn") reverses once as it is.
        .filter(|&k| items[k].listed(Class::Removal) && !items[k].is(Class::Opposition))
        .filter(|&k| {
            items[k + 1..items.len().min(k + 1 + REMOVAL_REACH)]
                .iter()
                .take_while(|i| !i.punct())
                .any(|i| i.is(Class::Opposition) || i.is(Class::Harm))
        })
        .count()
}

/// Words an opposition verb's object may hold before the step of procedure it drops.
const DROPPED_STEP_REACH: usize = 3;

/// "dropping the action plan", "scrapped the preconditions": a verb of dropping whose object
/// is a step on the way in (what "without" waives) takes the step away; it hastens the
/// joining, it does not work against it ("rejects the conditions", "would block the
/// requirements" still oppose).
fn drops_a_step(items: &[Item], i: usize) -> bool {
    let drops = items[i]
        .text
        .split(' ')
        .next()
        .is_some_and(|w| lexicon::is(Class::StepDropper, w));
    if !drops {
        return false;
    }
    let object = &items[i + 1..items.len().min(i + 1 + DROPPED_STEP_REACH + 1)];
    let object = &object[..object
        .iter()
        .position(|o| o.punct() || o.is(Class::Membership))
        .unwrap_or(object.len())];
    names_entry(object, Class::Waived)
}

/// "negotiating against itself", "working against ourselves": an opposition word before a
/// reflexive pronoun turns on its own subject, not on the proposition.
fn self_directed(items: &[Item], i: usize) -> bool {
    items.get(i + 1).is_some_and(|n| n.listed(Class::Reflexive))
}

/// "still waiting outside NATO": a verb of state right before the opposite proposition names
/// that state with it; the pair reverses once.
fn locates_exclusion(items: &[Item], i: usize) -> bool {
    items[i].listed(Class::LocatedState) && items.get(i + 1).is_some_and(|n| n.is(Class::Exclusion))
        || excludes_object(items, i)
}

/// Words an opposition verb's object may hold before the exclusion that completes it.
const EXCLUDED_OBJECT_WORDS: usize = 2;

/// "shut Ukraine out of NATO", "lock the country out of the alliance": an opposition verb, its
/// object (untagged words) and the exclusion that completes it are one act of exclusion.
fn excludes_object(items: &[Item], i: usize) -> bool {
    if !items[i].is(Class::Opposition) {
        return false;
    }
    let rest = &items[i + 1..];
    let object = rest
        .iter()
        .take(EXCLUDED_OBJECT_WORDS)
        .take_while(|w| w.classes.is_empty() && !w.punct())
        .count();
    // The object is the candidate or a pronoun for it ("rejects forced neutrality" has none).
    let candidate = rest[..object]
        .iter()
        .any(|w| w.listed(Class::CandidateSide) || w.listed(Class::ObjectPronoun));
    candidate && rest.get(object).is_some_and(|w| w.is(Class::Exclusion))
}

/// "fell short of what Ukraine had earned": a shortfall word before a free relative holding a
/// wish or a desert laments the lack of what is wanted; it adds no reversal.
fn short_of_wanted(items: &[Item], i: usize) -> bool {
    items[i].is(Class::Shortfall)
        && items.get(i + 1).is_some_and(|w| w.text == "what")
        && has(&items[i + 2..], Class::Approval)
}

/// "is unrealistic and dangerous": a harm coordinated with a negating predicate ("is
/// unrealistic", "is impossible") repeats its judgement; it does not reverse it again.
fn restates_negator(items: &[Item], k: usize) -> bool {
    k >= 3
        && matches!(items[k - 1].text.as_str(), "and" | "or")
        && items[k - 2].is(Class::Negator)
        && items[k - 3].listed(Class::BeForm)
}

/// "alternatives or substitutes": the second of two coordinated opposition words adds nothing;
/// nor does the verb of an opposition noun that is its subject ("let a Hungarian veto stop").
fn coordinated(items: &[Item], i: usize) -> bool {
    let listed = i >= 2
        && matches!(items[i - 1].text.as_str(), "or" | "and")
        && items[i - 2].is(Class::Opposition);
    // "a veto cannot stop it": a modal or a negation may stand between the noun and its verb.
    let mut j = i;
    while j >= 2
        && i - j < 2
        && (items[j - 1].is(Class::Negator) || items[j - 1].listed(Class::Modal))
    {
        j -= 1;
    }
    listed || (j >= 1 && opposing_subject(items, j - 1)) || links_opposition_object(items, i)
}

/// Words an opposition noun may stand before the preposition that links its object ("veto
/// threats against").
const OBJECT_LINK_REACH: usize = 2;

/// "veto threats against Ukraine's accession": the preposition after an opposition noun links
/// its object; the pair reverses once.
fn links_opposition_object(items: &[Item], i: usize) -> bool {
    items[i].listed(Class::OppositionObjectLink)
        && items[i.saturating_sub(OBJECT_LINK_REACH)..i]
            .iter()
            .any(|b| b.is(Class::Opposition))
}

/// "a Hungarian veto", "Hungary's veto": an opposition word after a determiner or possessive
/// (an adjective at most between) is a noun, the subject of an opposition verb right after it.
fn opposing_subject(items: &[Item], j: usize) -> bool {
    let opens_np = |i: &Item| i.listed(Class::Determiner) || i.text == "'s";
    let np = match j {
        0 => false,
        1 => opens_np(&items[0]),
        _ => {
            opens_np(&items[j - 1]) || (items[j - 1].classes.is_empty() && opens_np(&items[j - 2]))
        }
    };
    items[j].is(Class::Opposition) && np
}

/// The condition frame of a clause from its marks.
fn frame(c: &Clause, m: &Marks) -> Frame {
    let against = m.against;
    Frame {
        negators: m.negations,
        negations: m.negations + m.opposed,
        negative: m.negations % 2 == 1 || against > 0 || m.plain_harm || c.question,
        refusing: (m.flips + usize::from(m.plain_harm)) % 2 == 1,
        judged: m.plain_harm,
    }
}

/// The clause's sign: reversals, a harm, a restated proposition; a question reverses it unless
/// it presses for action ("when will NATO finally ...").
fn clause_sign(c: &Clause, flips: usize, harm: bool, inherited: Option<i32>) -> i32 {
    let sign = if (flips + usize::from(harm)).is_multiple_of(2) {
        1
    } else {
        -1
    } * inherited.unwrap_or(1);
    match (c.question, super::tagging::impatient(c.items)) {
        (true, true) => 1,
        (true, false) => -sign,
        _ => sign,
    }
}

/// "neither during the war nor after it": a condition topic right after a condition link
/// ("the" between at most) names a time, even where the condition is denied; it is no harm.
fn after_link(items: &[Item], k: usize) -> bool {
    let link = |i: &Item| {
        i.is(Class::ConditionLink)
            || i.is(Class::ConditionWeakLink)
            || i.is(Class::ConditionConcurrentLink)
    };
    let before = &items[k.saturating_sub(2)..k];
    match before {
        [l, the] => link(the) || (link(l) && the.text == "the"),
        [l] => link(l),
        _ => false,
    }
}

/// "We will not allow it": a pronoun object with a reversal points back to the last
/// proposition.
fn points_back(items: &[Item]) -> bool {
    let reverses = has(items, Class::Negator) || has(items, Class::Opposition);
    let auxiliary =
        |i: &Item| i.is(Class::Negator) || i.listed(Class::Modal) || i.listed(Class::RestatingVerb);
    let elliptical = items.len() <= ELLIPSIS_LEN && items.iter().all(auxiliary);
    // "Hungary would be the first to say no": an answer to the proposition named before.
    let answers = items
        .windows(2)
        .any(|w| w[0].listed(Class::AnswerVerb) && w[1].text == "no");
    reverses && (elliptical || answers || items.iter().any(|i| i.listed(Class::Pronoun)))
}

/// A word of a bare time phrase: "this", "the next", "decade", "year", and its joiners
/// ("the", "of", "and").
fn is_time_word(w: &str) -> bool {
    lexicon::is(Class::TimeWord, w)
        || lexicon::is(Class::TimeDeterminer, w)
        || lexicon::is(Class::NpJoiner, w)
        || lexicon::is(Class::ClauseCoordinator, w)
}

/// A word of wanting or backing that governs more than a procedure: "must ratify", "should
/// discuss" demand a step of procedure, not the membership.
fn approves(items: &[Item]) -> bool {
    (0..items.len()).any(|k| {
        let procedure_next = items.get(k + 1).is_some_and(|n| n.is(Class::Procedural));
        items[k].is(Class::Approval) && !procedure_next
    })
}

/// The clause's first word of membership follows a preposition: it is another noun's topic
/// or object ("a compromise on membership", "decisions on membership"), not what the clause
/// asserts or rejects.
pub(super) fn membership_governed(items: &[Item]) -> bool {
    let Some(k) = items.iter().position(|i| i.is(Class::Membership)) else {
        return false;
    };
    // Back over the noun phrase's own words ("on Ukraine's NATO membership") to a preposition.
    items[..k]
        .iter()
        .rev()
        .take(GOVERNED_NP_WORDS)
        .take_while(|i| {
            !(lexicon::is(Class::BeForm, &i.text) || i.listed(Class::Modal) || i.is(Class::Negator))
        })
        .any(|i| lexicon::is(Class::Preposition, &i.text))
}

/// Most words between a preposition and the membership noun it governs ("on Ukraine's NATO
/// membership").
const GOVERNED_NP_WORDS: usize = 4;

/// A phrase of opposition that is itself a negation ("not on the agenda", "no place"): it
/// denies the membership a place, where a verb of opposition ("blocking") names someone's act.
fn negated_state(items: &[Item]) -> bool {
    items.iter().any(|i| {
        i.is(Class::Opposition)
            && i.text
                .split_whitespace()
                .next()
                .is_some_and(|w| w != i.text && lexicon::is(Class::Negator, w))
    })
}

/// What one clause says, given the last proposition named before it (or, with `one`, the
/// noun its closing "one" stands for).
fn view(c: &Clause, referent: Option<i32>, one: bool) -> View {
    let items = c.items;
    let m = marks(c);
    // "..., although accession must wait for a peace treaty": a conceded clause sets a
    // condition only with a firm link or a deferral, on the membership it names.
    let linked = if c.conceded {
        let firm = condition(c, &frame(c, &m))
            .filter(|r| [FIRM_LINK, DELAYS[0]].contains(r) && has(items, Class::Membership));
        (c.linked_opening && has(items, Class::ConditionTopic))
            .then_some(TOPIC_CONDITION)
            .or(firm)
    } else {
        condition(c, &frame(c, &m))
    };
    let harm = (0..items.len()).any(|k| {
        let i = &items[k];
        judging_harm(items, k)
            && !((linked.is_some() || after_link(items, k)) && i.is(Class::ConditionTopic))
    });
    let benefit = has(items, Class::Benefit);
    let named = has(items, Class::Membership) || has(items, Class::Exclusion);
    let denies = denial_fragment(items);
    let inherited = referent.filter(|_| {
        let bare_predicate =
            (subjectless(items) && !c.hedged && !c.conceded) || bare_judgement(items);
        !named
            && !contrast_fragment(items)
            && (one || refers_back(items) || points_back(items) || bare_predicate || denies)
    });
    let names = named || inherited.is_some();
    let judges = harm || benefit || approves(items) || has(items, Class::Opposition);
    let objects = m.opposed > 0 || m.lamented || (m.negations > 0 && has(items, Class::Approval));
    // "..., not this decade and not the next": a fragment of negated times denies the
    // proposition before it (again, if it was denied already); its negations do not cancel
    // each other out.
    let repeated_denial = inherited.is_some()
        && !c.question
        && items.first().is_some_and(|i| i.is(Class::Negator))
        && (items
            .iter()
            .all(|i| i.is(Class::Negator) || is_time_word(&i.text))
            || denies);
    let sign = if repeated_denial {
        -1
    } else {
        clause_sign(c, m.flips, harm, inherited)
    };
    // "neutral status was under review": the opposite proposition as the subject of a plain
    // procedure takes no position ("its position on neutrality has not changed" still does).
    let procedure = items
        .iter()
        .position(|i| i.is(Class::Exclusion))
        .is_some_and(|x| has(&items[x..], Class::Procedural));
    let weight = match (c.conceded, names) {
        (true, _) => 0,
        (false, true) => 2,
        (false, false) => i32::from(objects || harm),
    };
    View {
        sign,
        weight,
        evaluated: harm || benefit,
        condition: linked,
        positioned: (judges && (names || objects))
            || (has(items, Class::Exclusion) && !(procedure && m.negations == 0))
            || (names && m.negations > 0 && !has(items, Class::NearTerm))
            || linked.is_some_and(|r| positions(items, r)),
        bare: named && m.flips == 0 && !judges && !c.question,
        background: !names && !objects && harm,
        urgent: names && sign > 0 && has(items, Class::NearTerm) && linked.is_none(),
        not_now: c.hedged && sign < 0 && !c.question && has(items, Class::NearTerm),
        rejects: named
            && sign < 0
            && m.negations == 0
            && !c.question
            && !has(items, Class::NearTerm)
            && !membership_governed(items)
            && negated_state(items),
    }
}
