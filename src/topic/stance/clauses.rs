//! Clauses: a tagged statement split at punctuation, contrast and concession words, question
//! openers and clause breaks, each clause marked as reversed, questioned or conceded.

use super::tagging::{has, negations, Item};
use crate::lexicon::{self, Class};
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// The longest question opener, in words ("in response to a question").
const QUESTION_OPENER_LEN: usize = 5;

/// A clause: a run of items between breaks; `reversed` when it follows "rather than".
pub(super) struct Clause<'a> {
    /// Its items, without the break that ends it.
    pub(super) items: &'a [Item],
    /// It follows "rather than" or another contrast after an unnegated head.
    pub(super) reversed: bool,
    /// It belongs to a question.
    pub(super) question: bool,
    /// It ends at a comma (or a word), so a question mark after it still covers it.
    pub(super) open: bool,
    /// It follows "even if": a concession that takes no part in the stance.
    pub(super) conceded: bool,
    /// The word that opened it is also a condition link ("if all allies agree, ...").
    pub(super) linked_opening: bool,
    /// It opens with "but": it limits the clause before it.
    pub(super) hedged: bool,
    /// It follows a sentence-opening "without" ("Without a ceasefire, ..."): it names what the
    /// rest of the sentence needs.
    pub(super) without: bool,
}

/// How an item ends a clause, if it does.
fn breaks_clause(items: &[Item], i: usize) -> bool {
    let it = &items[i];
    if opens_hypothesis(items, i) || asks_at(items, i) {
        return true;
    }
    // "and" before a modal, or before a new subject ("... and it never kept them safe", "...
    // and nobody there is afraid"), starts a clause with a polarity of its own.
    let opens_clause = items.get(i + 1).is_some_and(|n| {
        n.listed(Class::Modal) || n.listed(Class::SubjectPronoun) || n.listed(Class::Nobody)
    });
    let elaborates = it.text == ","
        && items
            .get(i + 1)
            .is_some_and(|n| n.listed(Class::Elaboration));
    let breaks = (it.punct()
        && it.text != "'s"
        && !elaborates
        && !lists(items, i)
        && !closes_means(items, i))
        || it.is(Class::Contrast)
        || it.is(Class::Concessive)
        || (it.text == "and" && opens_clause)
        || (it.classes.is_empty() && it.listed(Class::ClauseBreak));
    breaks && !corrective_but(items, i)
}

/// Most words of a subject noun phrase before its modal ("the administration would").
const SUBJECT_NP_LEN: usize = 3;

/// "... and the administration would not pursue it": a determiner at `i` opens a short noun
/// phrase followed by a modal, a new subject with its own verb.
fn subject_and_modal(items: &[Item], i: usize) -> bool {
    items
        .get(i)
        .is_some_and(|d| d.classes.is_empty() && d.listed(Class::Determiner))
        && items
            .iter()
            .skip(i + 1)
            .take(SUBJECT_NP_LEN)
            .take_while(|n| !n.punct())
            .position(|n| n.listed(Class::Modal))
            .is_some_and(|p| p > 0)
}

/// The "but" at `i` is the one of a "not A but B" that sets A aside for B: one clause.
fn corrective_but(items: &[Item], i: usize) -> bool {
    (i.saturating_sub(NOT_BUT_SPAN)..i)
        .any(|k| items[k].text == "not" && super::tagging::not_but(items, k) == Some(i))
}

/// Most items from a "not" to its "but" (the reach of [`super::tagging::not_but`]).
const NOT_BUT_SPAN: usize = 10;

/// "was not pushing for it and had no plans to": "and" before an auxiliary, after a negated
/// predicate, starts a second predicate whose negation does not cancel the first one's.
fn coordinates_denial(items: &[Item], start: usize, i: usize) -> bool {
    let auxiliary = items.get(i + 1).is_some_and(|n| {
        n.listed(Class::BeForm)
            || n.listed(Class::PerfectAux)
            || matches!(n.text.as_str(), "did" | "does")
    });
    // "remain non-aligned for good and never enter NATO": a negated second predicate after
    // a first that already excludes or denies.
    let negated_next = items.get(i + 1).is_some_and(|n| n.is(Class::Negator));
    let first = &items[start..i];
    let against = negations(first) > 0 || has(first, Class::Exclusion);
    // "backed membership and had no plans to change course": after a named proposition, a
    // second predicate's negation is its own too.
    let named = has(first, Class::Membership);
    items[i].text == "and" && ((auxiliary && named) || ((auxiliary || negated_next) && against))
}

/// "ought to abandon its NATO ambitions and accept neutrality", "would not push for it and
/// considered it unrealistic": after a predicate over the proposition, "and" before a verb of
/// position (or a verb taking "it"), or before a second proposition, starts a predicate with a
/// polarity of its own; so does a new subject and its modal ("and the administration would").
fn coordinates_act(items: &[Item], start: usize, i: usize) -> bool {
    let head = &items[start..i];
    // Most items are no "and": nothing after them is read.
    if items[i].text != "and" {
        return false;
    }
    if !(has(head, Class::Membership) || has(head, Class::Exclusion)) {
        return ends_opposition(items, start, i);
    }
    // "should invite Kyiv and ignore Moscow's threats": a new predicate after the proposition
    // is judged on its own.
    if new_predicate(items, i) {
        return true;
    }
    let next = items.get(i + 1);
    let act = next.is_some_and(|n| {
        (n.is(Class::Approval) || n.is(Class::Opposition)) && !n.is(Class::Membership)
    });
    let verb_of_it = next.is_some_and(|n| n.classes.is_empty() && n.text.ends_with("ed"))
        && items
            .get(i + 2)
            .is_some_and(|o| o.listed(Class::ObjectPronoun) || o.listed(Class::Demonstrative));
    // "should drop its NATO course and declare neutrality": a second proposition after "and".
    let second = items[i + 1..]
        .iter()
        .take_while(|n| !n.punct())
        .any(|n| n.is(Class::Membership) || n.is(Class::Exclusion));
    // "will not back membership and support the invitation": a negation before "and" covers
    // a second verb without a subject of its own.
    let shared_negation = negations(head) > 0;
    let own_subject = subject_and_modal(items, i + 1);
    own_subject || verb_of_it || if act { !shared_negation } else { second }
}

/// "should stop the hand-wringing and press the allies to admit Kyiv": an act of opposition
/// whose object names nothing of the proposition ends at a new predicate (after the "and" at
/// `i`) whose own words name
/// it; the opposition does not reach the second predicate. One that governs a verb ("would
/// refuse to sign the text and endorse the bid") covers both.
fn ends_opposition(items: &[Item], start: usize, i: usize) -> bool {
    let opposes = (start..i).any(|j| {
        items[j].is(Class::Opposition)
            && !items[j].text.ends_with(" to")
            && !items
                .get(j + 1)
                .is_some_and(|n| n.listed(Class::InfinitiveMarker))
    });
    let second = items[i + 1..]
        .iter()
        .take_while(|n| !n.punct())
        .any(|n| n.is(Class::Membership));
    // "and help Kyiv in", "and back its bid": a verb of approval opens the new predicate too.
    let approving = items
        .get(i + 1)
        .is_some_and(|n| n.is(Class::Approval) && !n.is(Class::Membership));
    opposes && (new_predicate(items, i) || approving) && second
}

/// The "and" at `i` opens a new predicate: a plain verb (no class, no function word) known by
/// its object right after it: a determiner, a pronoun, the candidate or a possessive ("and
/// press the allies", "and bring Kyiv in", "and take Moscow's concerns seriously"; not "and
/// Tbilisi into the alliance").
fn new_predicate(items: &[Item], i: usize) -> bool {
    let plain = |k: usize| items.get(k).is_some_and(Item::plain_content_word);
    let object = items.get(i + 2).is_some_and(|o| {
        o.classes.is_empty()
            && (o.listed(Class::Determiner)
                || o.listed(Class::ObjectPronoun)
                || o.listed(Class::CandidateSide))
    }) || (plain(i + 2) && items.get(i + 3).is_some_and(|p| p.text == "'s"));
    // "and declared the idea reckless", "and called it a mistake": an object that points back
    // to the proposition judges it; that predicate stays with the first.
    let points_back = items.get(i + 2).is_some_and(|o| o.listed(Class::Anaphor))
        || items
            .get(i + 3)
            .is_some_and(|n| n.listed(Class::ReferringNoun));
    plain(i + 1) && object && !points_back
}

/// "By blocking the bid, they hurt the alliance": the comma after an opening "by" and a
/// gerund closes the means the rest of the sentence judges, so both are one clause.
fn closes_means(items: &[Item], i: usize) -> bool {
    let Some(k) = items[..i]
        .iter()
        .rposition(Item::punct)
        .map_or(Some(0), |p| (items[p].text != ",").then_some(p + 1))
    else {
        return false;
    };
    items[i].text == ","
        && items.get(k).is_some_and(|b| b.text == "by")
        && items.get(k + 1).is_some_and(|g| g.text.ends_with("ing"))
}

/// "a neutral, non-aligned status": a comma between two words of one proposition lists them.
fn lists(items: &[Item], i: usize) -> bool {
    let kind = |it: &Item| {
        [Class::Membership, Class::Exclusion]
            .into_iter()
            .find(|&c| it.is(c))
    };
    let prev = i.checked_sub(1).and_then(|p| kind(&items[p]));
    // "deeply, deeply harmful": a word repeated for emphasis.
    let repeated = i > 0
        && items[i - 1].listed(Class::Intensifier)
        && items
            .get(i + 1)
            .is_some_and(|n| n.text == items[i - 1].text);
    items[i].text == ","
        && ((prev.is_some() && items.get(i + 1).and_then(kind) == prev) || repeated)
}

/// "While the fighting goes on, Ukraine cannot join": the comma closing an opening link clause
/// (or a bare time, "this year, no") keeps it with the clause it conditions.
fn closes_opening_link(head: &[Item], it: &Item) -> bool {
    let links = [
        Class::ConditionLink,
        Class::ConditionWeakLink,
        Class::ConditionConcurrentLink,
    ];
    let opening_link = head.first().is_some_and(|f| links.iter().any(|&l| f.is(l)))
        && !head.iter().any(|h| h.text == ",");
    // "this year, no": a time alone before the comma belongs to what follows.
    let time_only = !head.is_empty() && head.iter().all(|h| h.is(Class::NearTerm));
    it.text == "," && (opening_link || time_only)
}

/// The text opens by putting a question to the speaker ("Asked whether ...", "When asked").
pub(super) fn asks(items: &[Item]) -> bool {
    opener_at(items, 0, 1)
}

/// The first word of each question opener.
static OPENER_FIRST_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    lexicon::members(Class::QuestionOpener)
        .iter()
        .filter_map(|e| e.split(' ').next())
        .collect()
});

/// The words of `min` or more items from `items[i]` on (up to [`QUESTION_OPENER_LEN`]) are a
/// question opener; the phrase grows one word at a time in one buffer.
fn opener_at(items: &[Item], i: usize, min: usize) -> bool {
    // Most items start no opener: their first word starts none.
    let first = items.get(i).and_then(|it| it.text.split(' ').next());
    if !first.is_some_and(|w| OPENER_FIRST_WORDS.contains(w)) {
        return false;
    }
    let mut phrase = String::new();
    for (n, it) in items[i..].iter().take(QUESTION_OPENER_LEN).enumerate() {
        if n > 0 {
            phrase.push(' ');
        }
        phrase.push_str(&it.text);
        if n + 1 >= min && lexicon::is(Class::QuestionOpener, &phrase) {
            return true;
        }
    }
    false
}

/// A question put to the speaker opens at item `i` ("..., X said when asked whether ..."): inside
/// a sentence only a phrase of two or more words counts ("asked allies to" is no question).
fn asks_at(items: &[Item], i: usize) -> bool {
    i > 0 && opener_at(items, i, 2)
}

/// The items from `i` open a coordinated "that" clause ("and that ...", "but that ...").
fn new_that_clause(items: &[Item], i: usize) -> bool {
    matches!(items.get(i..i + 2), Some([c, t])
        if c.listed(Class::ClauseCoordinator) && t.text == "that")
}

/// The item starts a sentence.
fn opens_sentence(items: &[Item], i: usize) -> bool {
    i == 0 || matches!(items[i - 1].text.as_str(), "." | "?" | ";")
}

/// "Without membership, ...": a hypothesis opener at the start of a sentence.
fn opens_hypothesis(items: &[Item], i: usize) -> bool {
    opens_sentence(items, i) && items[i].listed(Class::HypothesisOpener)
}

/// "would rather resign than consent to it": the link at `i` completes a preference opened by a
/// modal and its adverb in the clause since `start`; what follows it is the alternative refused.
fn completes_preference(items: &[Item], start: usize, i: usize) -> bool {
    // The adverb right after a modal: "would rather", not the degree "rather more ... than".
    items[i].listed(Class::PreferenceLink)
        && items[start..i]
            .windows(2)
            .any(|p| p[0].listed(Class::Modal) && p[1].listed(Class::PreferenceAdverb))
}

/// Split into clauses. A concession opening a sentence ("If we are not in NATO, ...") ends at
/// the next comma; one inside a sentence ("guarantees if Ukraine, ..., is not given ...") runs
/// to the sentence's end.
pub(super) fn clauses(items: &[Item]) -> Vec<Clause<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    // "Asked whether Ukraine would join, X said ...": the question supplies the proposition
    // and takes no part in the stance.
    let (mut reversed, mut conceded, mut trailing) = (false, asks(items), false);
    let (mut linked_opening, mut hedged, mut without) = (false, false, false);
    for (i, it) in items.iter().enumerate() {
        if matches!(it.text.as_str(), "." | "?" | ";") {
            trailing = false;
        }
        let split = breaks_clause(items, i)
            || coordinates_denial(items, start, i)
            || coordinates_act(items, start, i)
            || completes_preference(items, start, i);
        if split && !closes_opening_link(&items[start..i], it) {
            out.push(Clause {
                items: &items[start..i],
                reversed,
                question: it.text == "?",
                open: it.text == "," || !it.punct(),
                conceded,
                linked_opening,
                hedged,
                without,
            });
            without = opens_hypothesis(items, i);
            linked_opening = it.is(Class::ConditionWeakLink);
            hedged = it.listed(Class::Adversative);
            // "will not accept neutrality instead of membership": the head's negation covers both.
            reversed = (it.is(Class::Contrast) || completes_preference(items, start, i))
                && negations(&items[start..i]).is_multiple_of(2);
            start = i + 1;
            // "..., if he chose to, and that Ukraine won't join": a second reported clause
            // ends the concession the first one trailed.
            if new_that_clause(items, start) {
                trailing = false;
            }
            trailing |=
                (it.is(Class::Concessive) && !opens_sentence(items, i)) || asks_at(items, i);
            conceded = it.is(Class::Concessive)
                || opens_hypothesis(items, i)
                || trailing
                || describes_past_year(items, i);
        }
    }
    out.push(Clause {
        items: &items[start..],
        reversed,
        question: false,
        open: false,
        conceded,
        linked_opening,
        hedged,
        without,
    });
    out.retain(|c| !c.items.is_empty());
    mark_questions(&mut out);
    out
}

/// "the mistakes of 2008, when ...": a "when" clause after a year describes that time; it is
/// background, not the speaker's position. `i` is the comma.
fn describes_past_year(items: &[Item], i: usize) -> bool {
    let year = |t: &str| t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1900..2100).contains(&y));
    items[i].text == ","
        && i > 0
        && year(&items[i - 1].text)
        && items.get(i + 1).is_some_and(|n| n.text == "when")
}

/// A question mark ends a question that may span several comma-separated parts.
fn mark_questions(clauses: &mut [Clause]) {
    for i in (1..clauses.len()).rev() {
        if clauses[i].question && clauses[i - 1].open {
            clauses[i - 1].question = true;
        }
    }
}
