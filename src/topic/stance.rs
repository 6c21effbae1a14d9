//! Stance: a small rule engine over a statement's words. It finds the proposition (Ukraine in
//! NATO, or its opposite), reads each clause's polarity (negations and opposition verbs reverse
//! it, evaluations judge it), then conditions and procedure, and names the rule that decided.
//! Every word list is data under `src/lexicon/stance/`.
//!
//! The rules, in the order they decide:
//! 1. **No position by form**: a news outlet's report, a refusal to say ("declined to say
//!    whether"), a count of allies' positions ("20 of 32 allies backed ...") are neutral.
//! 2. **Procedure**: meetings, discussions, drafting, attendance, reforms with no word of
//!    position anywhere (and no demanding cue) are neutral.
//! 3. **Conditions** (only when the proposition is named): a link ("until", "once", "only
//!    after") not followed by the membership itself ("until the day it joins" is an end point)
//!    and not a renunciation demand ("only if Kyiv abandons ..."); a weak link ("after", "when",
//!    "before") with a condition topic (war, reforms, consensus); a lasting-state link ("while",
//!    "during") under a negative frame ("cannot join while the war goes on"); a deferral
//!    ("premature", "no consensus") not itself negated; a negated near term ("not yet ready",
//!    "not at this summit"). "Even"/"or"/"than" before a link deny it ("not even after"), and an
//!    absolute ("under any circumstances") closes them all; a call to act now outweighs a delay.
//! 4. **Polarity**: per clause (split at punctuation, "but", "because", "and that", contrast and
//!    concession words) the sign is the parity of reversals (negations, opposition verbs, the
//!    opposite proposition, a denied deferral, a preceding "rather than") times -1 for a harm
//!    (threat, war, mistake); a rhetorical question reverses it unless it presses ("finally").
//!    Clauses naming the proposition weigh 2, clauses judging without naming it 1; a pronoun
//!    clause ("It is ...") restates the last proposition; concessions and hypotheses ("even if",
//!    "if") weigh nothing; a harm-only clause is background beside a named proposition. The cue
//!    reverses the sum when it rejects ("dismissed X as Y" keeps X only) and adds a harm when it
//!    warns or laments.
//! 5. **Tie-breaks** for a statement with no word of position: a bare mention by the objecting
//!    side opposes; a bare mention of the membership, a demanding cue, or an in-scope statement by
//!    the candidate's side supports; anything else is neutral.
//!
//! Set `NATOCLAIMS_STANCE_DEBUG` to print each decision and its rule on stderr, and
//! `NATOCLAIMS_STANCE_TRACE` for each clause's tagged words.

use std::sync::LazyLock;

use crate::claim::Stance;
use crate::lexicon::{self, Class};

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

/// The word classes the engine tags, longest phrase first.
const TAGGED: &[Class] = &[
    Class::Membership,
    Class::Exclusion,
    Class::Negator,
    Class::Opposition,
    Class::Contrast,
    Class::Harm,
    Class::Benefit,
    Class::Approval,
    Class::ConditionLink,
    Class::ConditionWeakLink,
    Class::ConditionConcurrentLink,
    Class::ConditionTopic,
    Class::Concessive,
    Class::Deferral,
    Class::NearTerm,
    Class::Absolute,
    Class::ConditionCanceller,
    Class::SetPhrase,
    Class::Procedural,
    Class::Refusal,
    Class::Quantifier,
    Class::AlliesNoun,
    Class::Impatience,
];

/// How many items after "until"/"once" a membership word marks an end point, not a condition.
const ENDPOINT_REACH: usize = 7;

/// The longest question opener, in words ("in response to a question").
const QUESTION_OPENER_LEN: usize = 5;

/// A negated clause this short, of auxiliaries only ("but no longer did"), restates the previous
/// proposition.
const ELLIPSIS_LEN: usize = 3;

/// How many items from the start a count of allies must stand to be the statement's subject.
const COUNT_REACH: usize = 8;

/// The reason of a condition set by a firm link ("until", "once", "only after").
const FIRM_LINK: &str = "a condition for joining";

/// The reasons of conditions that only delay: a call to act now outweighs them.
const DELAYS: [&str; 2] = ["defers joining", "not yet, not now"];

/// Decide a statement's stance toward Ukraine joining NATO.
pub fn judge(s: &Statement) -> Decision {
    let decision = decide(s);
    if std::env::var_os("NATOCLAIMS_STANCE_DEBUG").is_some() {
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
    let cue = tag(&words(s.cue));
    let mut content = tag(&words(s.content));
    let cue_sign = sign_of_flips(&cue);
    if cue_sign < 0 {
        cut_at_as(&mut content);
    }
    if let Some(d) = no_position(s, &cue, &content) {
        return d;
    }
    let proposition = names_proposition(&content) || names_proposition(&tag(&words(s.evidence)));
    let clauses = clauses(&content);
    let views = read(&clauses);
    if std::env::var_os("NATOCLAIMS_STANCE_TRACE").is_some() {
        trace(&clauses, &views);
    }
    let demand = has(&cue, Class::Approval);
    if is_procedural(&content, &views) && !demand && cue_sign > 0 {
        return neutral("procedure, no position");
    }
    let laments = has(&cue, Class::Harm);
    if let Some(d) = conditional(&content, &views, laments).filter(|_| proposition) {
        return d;
    }
    let judging_cue = cue_sign < 0 || has(&cue, Class::Harm);
    if judging_cue || views.iter().any(|v| v.weight > 0 && !v.bare) {
        return polarity(&cue, &views, cue_sign);
    }
    tie_break(s.speaker, proposition, demand)
}

/// Statements that take no position by their form: a news outlet's report, a refusal to say,
/// a count of allies' positions.
fn no_position(s: &Statement, cue: &[Item], content: &[Item]) -> Option<Decision> {
    let reporting = lexicon::is(Class::ReportingCue, s.cue.trim().to_lowercase().as_str());
    if is_outlet(s.speaker) || reporting {
        Some(neutral("a news outlet relays events"))
    } else if has(cue, Class::Refusal) || has(content, Class::Refusal) {
        Some(neutral("declines to take a position"))
    } else if counts_allies(content) && sign_of_flips(cue) > 0 && !has(cue, Class::Harm) {
        Some(neutral("reports a count of allies"))
    } else {
        None
    }
}

/// The first condition any clause sets, unless an absolute ("under any circumstances") closes
/// them all, a call to act now ("invite Ukraine this year") outweighs a mere delay, or the cue
/// laments the delay ("regretted that Ukraine had not been invited at the summit").
fn conditional(content: &[Item], views: &[View], laments: bool) -> Option<Decision> {
    if has(content, Class::Absolute) {
        return None;
    }
    let urgent = views.iter().any(|v| v.urgent);
    let delays = |r: &&str| (urgent && DELAYS.contains(r)) || (laments && *r == DELAYS[1]);
    views
        .iter()
        .filter_map(|v| v.condition)
        .find(|r| !delays(r))
        .map(|r| decision(Stance::Conditional, r))
}

/// A statement with no word of position: the speaker's side, the bare proposition or a demand
/// in the cue decide; else it is neutral.
fn tie_break(speaker: &str, proposition: bool, demand: bool) -> Decision {
    if proposition && side(speaker, Class::Adversary) {
        decision(Stance::Opposes, "bare mention by the objecting side")
    } else if proposition {
        decision(Stance::Supports, "asserts the membership")
    } else if demand {
        decision(Stance::Supports, "an in-scope demand")
    } else if side(speaker, Class::CandidateSide) {
        decision(
            Stance::Supports,
            "in-scope statement by the candidate's side",
        )
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

fn neutral(reason: &'static str) -> Decision {
    decision(Stance::Neutral, reason)
}

fn decision(stance: Stance, reason: &'static str) -> Decision {
    Decision { stance, reason }
}

/// Support or opposition from the clauses' signs and the cue's sign.
fn polarity(cue: &[Item], views: &[View], cue_sign: i32) -> Decision {
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
    let warned = has(cue, Class::Harm) && !views.iter().any(|v| v.evaluated);
    let sign = total.signum() * cue_sign * if warned { -1 } else { 1 };
    match (sign > 0, cue_sign < 0) {
        (true, true) => decision(Stance::Supports, "rejects an objection"),
        (true, false) => decision(Stance::Supports, "affirms the membership"),
        (false, true) => decision(Stance::Opposes, "rejects the membership"),
        (false, false) => decision(Stance::Opposes, "negates or condemns the membership"),
    }
}

/// One word or set phrase with the classes its text belongs to; or a punctuation mark.
#[derive(Debug, Clone)]
struct Item {
    text: String,
    classes: Vec<Class>,
}

impl Item {
    fn is(&self, class: Class) -> bool {
        self.classes.contains(&class)
    }

    fn punct(&self) -> bool {
        self.text.chars().all(|c| !c.is_alphanumeric())
    }
}

fn has(items: &[Item], class: Class) -> bool {
    items.iter().any(|i| i.is(class))
}

/// Lowercase words and punctuation marks, contractions expanded ("won't" -> "will not").
fn words(text: &str) -> Vec<String> {
    let text = text
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}', '`'], "'");
    let mut out = Vec::new();
    let mut word = String::new();
    for ch in text.chars() {
        if ch.is_alphanumeric() || ch == '\'' || ch == '_' || (ch == '-' && !word.is_empty()) {
            word.push(ch);
            continue;
        }
        flush(&mut word, &mut out);
        if matches!(
            ch,
            ',' | ';' | ':' | '.' | '?' | '!' | '(' | ')' | '-' | '\u{2013}' | '\u{2014}'
        ) {
            out.push(if ch == '?' || ch == '.' || ch == ';' {
                ch.to_string()
            } else {
                ",".to_string()
            });
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Push a finished word, split into base and "not" or "'s" where it carries them.
fn flush(word: &mut String, out: &mut Vec<String>) {
    let w = std::mem::take(word);
    let w = w.trim_matches(|c| c == '\'' || c == '-');
    if w.is_empty() {
        return;
    }
    let irregular = match w {
        "won't" => Some("will"),
        "can't" | "cannot" => Some("can"),
        "shan't" => Some("shall"),
        _ => None,
    };
    if let Some(base) = irregular {
        out.extend([base.to_string(), "not".to_string()]);
    } else if let Some(base) = w.strip_suffix("n't") {
        out.extend([base.to_string(), "not".to_string()]);
    } else if let Some(base) = w.strip_suffix("'s") {
        out.extend([base.to_string(), "'s".to_string()]);
    } else {
        out.push(w.to_string());
    }
}

/// One element of a list entry: a word, a word stem (`stem*`) or a placeholder (`_`: Ukraine,
/// a pronoun or a number).
#[derive(Debug)]
enum Pat {
    Word(String),
    Stem(String),
    Any,
}

impl Pat {
    fn matches(&self, w: &str) -> bool {
        match self {
            Pat::Word(p) => p == w,
            Pat::Stem(p) => w.starts_with(p.as_str()),
            Pat::Any => lexicon::is(Class::Placeholder, w) || w.chars().all(|c| c.is_ascii_digit()),
        }
    }
}

/// Every entry of the tagged classes, as word patterns.
static PATTERNS: LazyLock<Vec<(Vec<Pat>, Class)>> = LazyLock::new(|| {
    TAGGED
        .iter()
        .flat_map(|&class| {
            lexicon::members(class).iter().map(move |entry| {
                let pats = words(&entry.replace('*', "STEMMARK"))
                    .into_iter()
                    .map(|w| match w.strip_suffix("stemmark") {
                        Some(stem) => Pat::Stem(stem.to_string()),
                        None if w == "_" => Pat::Any,
                        None => Pat::Word(w),
                    })
                    .collect();
                (pats, class)
            })
        })
        .collect()
});

/// Group words into the longest listed phrases, each with every class that lists it.
fn tag(ws: &[String]) -> Vec<Item> {
    let mut items = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let mut best = 0;
        let mut classes = Vec::new();
        for (pats, class) in PATTERNS.iter() {
            let n = pats.len();
            let fits = i + n <= ws.len() && pats.iter().zip(&ws[i..]).all(|(p, w)| p.matches(w));
            if !fits || n < best {
                continue;
            }
            if n > best {
                best = n;
                classes.clear();
            }
            if !classes.contains(class) {
                classes.push(*class);
            }
        }
        let n = best.max(1);
        if ws.get(i + n).is_some_and(|w| w == "'s") {
            // "in the alliance's line": a possessor, not the place Ukraine would be in.
            classes.retain(|&c| c != Class::Membership);
        }
        items.push(Item {
            text: ws[i..i + n].join(" "),
            classes,
        });
        i += n;
    }
    items
}

/// What a clause says: its sign, whether it takes a position, and any condition it sets.
#[derive(Debug, Clone, Copy)]
struct View {
    /// +1 for the membership, -1 against.
    sign: i32,
    /// 2 for a clause naming the proposition, 1 for one judging without naming it, 0 for none.
    weight: i32,
    /// It holds an evaluation (harm or benefit).
    evaluated: bool,
    /// It names a condition for joining, with the rule that found it.
    condition: Option<&'static str>,
    /// It holds a word of position (opposition, evaluation, wish, condition link).
    positioned: bool,
    /// It names the proposition with no word of position or negation at all.
    bare: bool,
    /// It only names a harm, with no proposition and no opposition ("in this war"): background
    /// that counts only when no clause names the proposition.
    background: bool,
    /// It asks for the membership now ("should be invited this year"), which outweighs a
    /// delay conceded elsewhere.
    urgent: bool,
}

/// A clause: a run of items between breaks; `reversed` when it follows "rather than".
struct Clause<'a> {
    items: &'a [Item],
    reversed: bool,
    question: bool,
    /// It ends at a comma (or a word), so a question mark after it still covers it.
    open: bool,
    /// It follows "even if": a concession that takes no part in the stance.
    conceded: bool,
    /// The word that opened it is also a condition link ("if all allies agree, ...").
    linked_opening: bool,
}

/// How an item ends a clause, if it does.
fn breaks_clause(items: &[Item], i: usize) -> bool {
    let it = &items[i];
    if opens_hypothesis(items, i) || asks_at(items, i) {
        return true;
    }
    let next_modal = items
        .get(i + 1)
        .is_some_and(|n| lexicon::is(Class::Modal, &n.text));
    let elaborates = it.text == ","
        && items
            .get(i + 1)
            .is_some_and(|n| lexicon::is(Class::Elaboration, &n.text));
    (it.punct() && it.text != "'s" && !elaborates && !lists(items, i))
        || it.is(Class::Contrast)
        || it.is(Class::Concessive)
        || (it.text == "and" && next_modal)
        || (it.classes.is_empty() && lexicon::is(Class::ClauseBreak, &it.text))
}

/// "a neutral, non-aligned status": a comma between two words of one proposition lists them.
fn lists(items: &[Item], i: usize) -> bool {
    let kind = |it: &Item| {
        [Class::Membership, Class::Exclusion]
            .into_iter()
            .find(|&c| it.is(c))
    };
    let prev = i.checked_sub(1).and_then(|p| kind(&items[p]));
    items[i].text == "," && prev.is_some() && items.get(i + 1).and_then(kind) == prev
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
fn asks(items: &[Item]) -> bool {
    (1..=QUESTION_OPENER_LEN.min(items.len())).any(|n| {
        let words: Vec<&str> = items[..n].iter().map(|i| i.text.as_str()).collect();
        lexicon::is(Class::QuestionOpener, &words.join(" "))
    })
}

/// A question put to the speaker opens at item `i` ("..., X said when asked whether ..."): inside
/// a sentence only a phrase of two or more words counts ("asked allies to" is no question).
fn asks_at(items: &[Item], i: usize) -> bool {
    i > 0
        && (2..=QUESTION_OPENER_LEN.min(items.len() - i)).any(|n| {
            let words: Vec<&str> = items[i..i + n].iter().map(|w| w.text.as_str()).collect();
            lexicon::is(Class::QuestionOpener, &words.join(" "))
        })
}

/// The item starts a sentence.
fn opens_sentence(items: &[Item], i: usize) -> bool {
    i == 0 || matches!(items[i - 1].text.as_str(), "." | "?" | ";")
}

/// "Without membership, ...": a hypothesis opener at the start of a sentence.
fn opens_hypothesis(items: &[Item], i: usize) -> bool {
    opens_sentence(items, i) && lexicon::is(Class::HypothesisOpener, &items[i].text)
}

/// Split into clauses. A concession opening a sentence ("If we are not in NATO, ...") ends at
/// the next comma; one inside a sentence ("guarantees if Ukraine, ..., is not given ...") runs
/// to the sentence's end.
fn clauses(items: &[Item]) -> Vec<Clause<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    // "Asked whether Ukraine would join, X said ...": the question supplies the proposition
    // and takes no part in the stance.
    let (mut reversed, mut conceded, mut trailing) = (false, asks(items), false);
    let mut linked_opening = false;
    for (i, it) in items.iter().enumerate() {
        if matches!(it.text.as_str(), "." | "?" | ";") {
            trailing = false;
        }
        if breaks_clause(items, i) && !closes_opening_link(&items[start..i], it) {
            out.push(Clause {
                items: &items[start..i],
                reversed,
                question: it.text == "?",
                open: it.text == "," || !it.punct(),
                conceded,
                linked_opening,
            });
            linked_opening = it.is(Class::ConditionWeakLink);
            // "will not accept neutrality instead of membership": the head's negation covers both.
            reversed = it.is(Class::Contrast) && negations(&items[start..i]) % 2 == 0;
            start = i + 1;
            trailing |=
                (it.is(Class::Concessive) && !opens_sentence(items, i)) || asks_at(items, i);
            conceded = it.is(Class::Concessive) || opens_hypothesis(items, i) || trailing;
        }
    }
    out.push(Clause {
        items: &items[start..],
        reversed,
        question: false,
        open: false,
        conceded,
        linked_opening,
    });
    out.retain(|c| !c.items.is_empty());
    mark_questions(&mut out);
    out
}

/// A question mark ends a question that may span several comma-separated parts.
fn mark_questions(clauses: &mut [Clause]) {
    for i in (1..clauses.len()).rev() {
        if clauses[i].question && clauses[i - 1].open {
            clauses[i - 1].question = true;
        }
    }
}

/// Read the clauses in order; a clause opening with "it" restates the last named proposition.
fn read(clauses: &[Clause]) -> Vec<View> {
    // An answer before its question ("'Never,' X said when asked whether ...") points to it.
    let mut referent = clauses
        .iter()
        .filter(|c| c.conceded)
        .find_map(|c| proposition_sign(c.items));
    clauses
        .iter()
        .map(|c| {
            let v = view(c, referent);
            referent = proposition_sign(c.items).or(referent);
            v
        })
        .collect()
}

/// +1 for a clause naming the membership, -1 for one naming its opposite, None for neither.
fn proposition_sign(items: &[Item]) -> Option<i32> {
    if has(items, Class::Exclusion) {
        Some(-1)
    } else if has(items, Class::Membership) {
        Some(1)
    } else {
        None
    }
}

/// "It is a guarantee of peace": a pronoun subject followed by its verb.
fn refers_back(items: &[Item]) -> bool {
    matches!(items, [p, v, ..]
        if lexicon::is(Class::Pronoun, &p.text) && lexicon::is(Class::RestatingVerb, &v.text))
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
}

fn marks(c: &Clause) -> Marks {
    let items = c.items;
    let negations = negations(items);
    let opposed = (0..items.len())
        .filter(|&i| items[i].is(Class::Opposition) && !coordinated(items, i))
        .count();
    let deferral_denied = (negations + opposed) % 2 == 1 && has(items, Class::Deferral);
    let against = opposed
        + usize::from(has(items, Class::Exclusion))
        + usize::from(deferral_denied)
        + ceased(items)
        + usize::from(c.reversed);
    Marks {
        negations,
        opposed,
        against,
        flips: negations + against,
        plain_harm: items
            .iter()
            .any(|i| i.is(Class::Harm) && !i.is(Class::ConditionTopic)),
    }
}

/// Negation words, a repeated one ("neither ... nor") counted once.
fn negations(items: &[Item]) -> usize {
    let mut seen = false;
    items
        .iter()
        .filter(|i| i.is(Class::Negator))
        .filter(|i| {
            let counts = !(seen && lexicon::is(Class::Correlative, &i.text));
            seen = true;
            counts
        })
        .count()
}

/// How many harms follow a verb of ending within three words ("to end Russia's war").
fn ceased(items: &[Item]) -> usize {
    (0..items.len())
        .filter(|&i| items[i].is(Class::Harm))
        .filter(|&i| {
            items[i.saturating_sub(3)..i]
                .iter()
                .any(|w| lexicon::is(Class::Cessation, &w.text))
        })
        .count()
}

/// "alternatives or substitutes": the second of two coordinated opposition words adds nothing.
fn coordinated(items: &[Item], i: usize) -> bool {
    i >= 2
        && matches!(items[i - 1].text.as_str(), "or" | "and")
        && items[i - 2].is(Class::Opposition)
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
    let sign = if (flips + usize::from(harm)) % 2 == 0 {
        1
    } else {
        -1
    } * inherited.unwrap_or(1);
    match (c.question, has(c.items, Class::Impatience)) {
        (true, true) => 1,
        (true, false) => -sign,
        _ => sign,
    }
}

/// "We will not allow it": a pronoun object with a reversal points back to the last
/// proposition.
fn points_back(items: &[Item]) -> bool {
    let reverses = has(items, Class::Negator) || has(items, Class::Opposition);
    let auxiliary = |i: &Item| {
        i.is(Class::Negator)
            || lexicon::is(Class::Modal, &i.text)
            || lexicon::is(Class::RestatingVerb, &i.text)
    };
    let elliptical = items.len() <= ELLIPSIS_LEN && items.iter().all(auxiliary);
    reverses && (elliptical || items.iter().any(|i| lexicon::is(Class::Pronoun, &i.text)))
}

fn view(c: &Clause, referent: Option<i32>) -> View {
    let items = c.items;
    let m = marks(c);
    let linked = if c.conceded {
        (c.linked_opening && has(items, Class::ConditionTopic))
            .then_some("a condition on the war, reforms or consensus")
    } else {
        condition(c, &frame(c, &m))
    };
    let harm = items
        .iter()
        .any(|i| i.is(Class::Harm) && !(linked.is_some() && i.is(Class::ConditionTopic)));
    let benefit = has(items, Class::Benefit);
    let named = has(items, Class::Membership) || has(items, Class::Exclusion);
    let inherited = referent.filter(|_| !named && (refers_back(items) || points_back(items)));
    let names = named || inherited.is_some();
    let judges = harm || benefit || has(items, Class::Approval) || has(items, Class::Opposition);
    let objects = m.opposed > 0 || (m.negations > 0 && has(items, Class::Approval));
    let sign = clause_sign(c, m.flips, harm, inherited);
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
            || has(items, Class::Exclusion)
            || (names && m.negations > 0 && !has(items, Class::NearTerm))
            || linked.is_some_and(|r| positions(items, r)),
        bare: named && m.flips == 0 && !judges && !c.question,
        background: !names && !objects && harm,
        urgent: names && sign > 0 && has(items, Class::NearTerm) && linked.is_none(),
    }
}

/// Whether a condition makes its clause take a position. In a clause about procedure ("would
/// brief ministers on the reforms required before accession") only a firm link ("once",
/// "until") does; a delay ("not yet finalised") or a weak link ("before") describes it.
fn positions(items: &[Item], reason: &str) -> bool {
    let procedure = items
        .iter()
        .any(|i| i.is(Class::Procedural) && !i.is(Class::ConditionTopic));
    !procedure || reason == FIRM_LINK
}

/// What a clause's polarity says about the conditions in it.
struct Frame {
    /// Negation words.
    negators: usize,
    /// Negations and opposition words.
    negations: usize,
    /// The clause refuses or condemns something (negation, opposition, harm, question).
    negative: bool,
    /// Its polarity is negative overall.
    refusing: bool,
    /// It holds a harm: a condition in it is judged ("waiting would reward aggression").
    judged: bool,
}

/// The condition a clause sets, if any: a link ("until", "after the war"), a deferral
/// ("premature") or a negated near term ("not yet"). A lasting-state link ("while the war goes
/// on") sets one only in a negative frame.
fn condition(c: &Clause, frame: &Frame) -> Option<&'static str> {
    let items = c.items;
    let joining = has(items, Class::Membership);
    for (i, it) in items.iter().enumerate() {
        let cancelled = c.reversed
            || i.checked_sub(1)
                .is_some_and(|p| items[p].is(Class::ConditionCanceller));
        if cancelled {
            continue;
        }
        let (before, after) = (&items[..i], phrase(&items[i + 1..]));
        let topic_after = has(after, Class::ConditionTopic);
        let open = !frame.judged;
        if it.is(Class::ConditionLink) && open && !endpoint(after) && !renounces(after) {
            return Some(FIRM_LINK);
        }
        let topic_before = endpoint(after) && has(before, Class::ConditionTopic);
        if it.is(Class::ConditionWeakLink) && open && (topic_after || topic_before) {
            return Some("a condition on the war, reforms or consensus");
        }
        let topic_here = topic_after || it.is(Class::ConditionTopic);
        if it.is(Class::ConditionConcurrentLink) && topic_here && frame.negative && joining {
            return Some("not while the war lasts");
        }
        if it.is(Class::Deferral) && frame.negations % 2 == 0 {
            return Some(DELAYS[0]);
        }
        let negated = frame.negators % 2 == 1 && frame.refusing;
        if it.is(Class::NearTerm) && negated && !names_next(after) {
            return Some(DELAYS[1]);
        }
    }
    None
}

/// The items up to the next comma: a link's own phrase.
fn phrase(items: &[Item]) -> &[Item] {
    let end = items
        .iter()
        .position(|i| i.text == ",")
        .unwrap_or(items.len());
    &items[..end]
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

/// "until the day it joins": a membership word right after the link is an end point.
fn endpoint(after: &[Item]) -> bool {
    after
        .iter()
        .take(ENDPOINT_REACH)
        .take_while(|i| !i.punct())
        .any(|i| i.is(Class::Membership))
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

/// "dismissed X as Y": with a rejecting cue, Y restates the rejection; keep only X.
fn cut_at_as(items: &mut Vec<Item>) {
    if let Some(i) = items
        .iter()
        .position(|it| it.text == "as" && it.classes.is_empty())
    {
        items.truncate(i);
    }
}

fn names_proposition(items: &[Item]) -> bool {
    has(items, Class::Membership) || has(items, Class::Exclusion)
}

/// "20 of NATO's 32 members backed ...", "a majority of allies favoured ...".
fn counts_allies(items: &[Item]) -> bool {
    let head: Vec<&Item> = items.iter().take(COUNT_REACH).collect();
    head.iter().enumerate().any(|(i, it)| {
        let total = i > 0 && matches!(head[i - 1].text.as_str(), "the" | "all" | "our" | "its");
        (it.is(Class::Quantifier) || it.text.chars().all(|c| c.is_ascii_digit()))
            && !total
            && head[i + 1..]
                .iter()
                .take(4)
                .any(|n| n.is(Class::AlliesNoun))
    })
}

/// Procedure or fact with no word of position anywhere.
fn is_procedural(items: &[Item], views: &[View]) -> bool {
    has(items, Class::Procedural) && !views.iter().any(|v| v.positioned)
}

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
    words(speaker).iter().any(|w| lexicon::is(class, w))
}

#[cfg(test)]
mod tests;
