//! Words and tags: a statement's text as lowercase words and punctuation marks, grouped into the
//! longest phrases the stance lists name, each tagged with every class that lists it.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::lexicon::{self, Class};

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
    Class::Exclusive,
    Class::Refusal,
    Class::Quantifier,
    Class::AlliesNoun,
    Class::Impatience,
    Class::WhyQuestion,
    Class::AdversaryGain,
    Class::Shortfall,
    Class::Damage,
    Class::Substitute,
];

/// One word or set phrase with the classes its text belongs to; or a punctuation mark.
#[derive(Debug, Clone)]
pub(super) struct Item {
    /// The word, phrase or mark as written, lowercased.
    pub(super) text: String,
    /// Every tagged class that lists the text.
    pub(super) classes: Vec<Class>,
    /// Every list the text is an entry of (`lexicon::classes_of`), looked up once.
    lists: lexicon::ClassBits,
    /// The text holds no letter or digit: a punctuation mark.
    punct: bool,
}

impl Item {
    /// The item over `text` with the tagged `classes`, in the lexicon's `lists`
    /// (`lexicon::classes_of(&text)`).
    fn new(text: String, classes: Vec<Class>, lists: lexicon::ClassBits) -> Item {
        let punct = text.chars().all(|c| !c.is_alphanumeric());
        Item {
            text,
            classes,
            lists,
            punct,
        }
    }

    /// The item belongs to `class`.
    pub(super) fn is(&self, class: Class) -> bool {
        self.classes.contains(&class)
    }

    /// Its text is an entry of `class`'s list: `lexicon::is(class, &self.text)`, read from the
    /// lists looked up when the item was made.
    #[inline]
    pub(super) fn listed(&self, class: Class) -> bool {
        lexicon::in_class(&self.lists, class)
    }

    /// The item is a punctuation mark.
    pub(super) fn punct(&self) -> bool {
        self.punct
    }

    /// A word of no tagged class that is no function word ("press", "vladimir").
    pub(super) fn plain_content_word(&self) -> bool {
        self.classes.is_empty() && !self.punct && !self.listed(Class::Stopword)
    }
}

/// Two items in a row, joined by a space, are an entry of `class` ("come up", "in office").
pub(super) fn pair_is(first: &Item, second: &Item, class: Class) -> bool {
    let mut phrase = String::with_capacity(first.text.len() + 1 + second.text.len());
    phrase.push_str(&first.text);
    phrase.push(' ');
    phrase.push_str(&second.text);
    lexicon::is(class, &phrase)
}

/// Some item of `items`, or two in a row, is an entry of `class` ("in office", "still").
pub(super) fn names_entry(items: &[Item], class: Class) -> bool {
    items.iter().any(|a| a.listed(class)) || items.windows(2).any(|w| pair_is(&w[0], &w[1], class))
}

/// Some item belongs to `class`.
pub(super) fn has(items: &[Item], class: Class) -> bool {
    items.iter().any(|i| i.is(class))
}

/// Negation words, a repeated one ("neither ... nor") counted once.
pub(super) fn negations(items: &[Item]) -> usize {
    let mut seen = false;
    items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.is(Class::Negator))
        .filter(|&(k, _)| {
            !is_corrective(items, k)
                && !describes_evaluation(items, k)
                && !additive(items, k)
                && !act_not_done(items, k)
                && !in_condition(items, k)
                && !waives(items, k)
                && !refuses_error(items, k)
                && !refuses_own_harm(items, k)
                && !in_noun_complement(items, k)
                && !in_place_relative(items, k)
        })
        .filter(|(_, i)| {
            let counts = !(seen && i.listed(Class::Correlative));
            seen = true;
            counts
        })
        .count()
}

/// Words from the "that" completing a noun to a negation inside its clause.
const COMPLEMENT_REACH: usize = 4;

/// "would be the surest guarantee that Russia never invades again", "the assurance that it will
/// not be attacked": a negation inside a "that" clause completing a noun of protection, with
/// the membership named before it and no word of position after it, negates that clause's own
/// event, not the membership ("a pledge that the allies will never fulfil" still refuses it).
fn in_noun_complement(items: &[Item], k: usize) -> bool {
    let from = k.saturating_sub(COMPLEMENT_REACH + 1);
    let Some(t) = (from..k)
        .rev()
        .find(|&t| items[t].listed(Class::Complementizer))
    else {
        return false;
    };
    let unbroken = !items[t + 1..k].iter().any(Item::punct);
    // A clause of its own opens on its subject ("that Russia never ..."); a relative clause
    // about the noun opens on its verb or a negative subject ("a promise that was never kept",
    // "an idea that nobody takes seriously") and judges the noun.
    let own_subject = items.get(t + 1).is_some_and(|s| {
        !s.is(Class::Negator)
            && !s.listed(Class::Nobody)
            && !s.listed(Class::BeForm)
            && !s.listed(Class::Modal)
            && !s.listed(Class::FiniteVerb)
    });
    let noun = t > 0 && items[t - 1].listed(Class::ProtectionNoun);
    let named_before = items[..t].iter().any(|i| i.is(Class::Membership));
    let position_after = items[t + 1..]
        .iter()
        .take_while(|i| !i.punct())
        .any(takes_position);
    unbroken && own_subject && noun && named_before && !position_after
}

/// A word that takes a position on what follows: the membership, backing, opposition,
/// exclusion or a benefit.
fn takes_position(i: &Item) -> bool {
    [
        Class::Membership,
        Class::Approval,
        Class::Opposition,
        Class::Exclusion,
        Class::Benefit,
    ]
    .iter()
    .any(|&c| i.is(c))
}

/// "could not be bargained away at a table where Ukraine was not sitting": a negation in a
/// relative clause of place, after the membership is named and with no word of position in
/// that clause, describes the place.
fn in_place_relative(items: &[Item], k: usize) -> bool {
    let Some(r) = (0..k)
        .rev()
        .take_while(|&j| !items[j].punct())
        .find(|&j| items[j].listed(Class::PlaceRelative))
    else {
        return false;
    };
    let named_before = items[..r].iter().any(|i| i.is(Class::Membership));
    let clause_positioned = items[r + 1..]
        .iter()
        .take_while(|i| !i.punct())
        .any(takes_position);
    // "membership is where Ukraine should not go": after a verb the clause is the predicate.
    let noun_before = r > 0
        && !items[r - 1].punct()
        && !items[r - 1].listed(Class::BeForm)
        && !items[r - 1].listed(Class::FiniteVerb);
    noun_before && named_before && !clause_positioned
}

/// "the talks were not about membership": a negation before a preposition naming a subject
/// says what a meeting or a text did not concern; it refuses nothing.
fn denies_topic(items: &[Item], k: usize) -> bool {
    let subject = items.get(k + 2..).unwrap_or_default();
    let names_membership = subject
        .iter()
        .take_while(|i| !i.punct())
        .any(|i| i.is(Class::Membership));
    items[k].is(Class::Negator)
        && items
            .get(k + 1)
            .is_some_and(|i| i.listed(Class::TopicPreposition))
        // "not about to admit Ukraine" is "not going to"; "not about threatening Russia" denies
        // a harm: only the membership named as the subject is denied.
        && items
            .get(k + 2)
            .is_none_or(|i| !i.listed(Class::InfinitiveMarker))
        && names_membership
}

/// "the talks were not about NATO membership": the membership in a subject denied is not
/// asserted, refused or judged; to the next mark it names no proposition, and the negation
/// refuses nothing.
fn unmark_denied_topic(items: &mut [Item]) {
    for k in 0..items.len() {
        if !denies_topic(items, k) {
            continue;
        }
        items[k].classes.retain(|&c| c != Class::Negator);
        for it in items[k + 2..].iter_mut().take_while(|i| !i.punct()) {
            it.classes.retain(|&c| c != Class::Membership);
        }
    }
}

/// Words after "without" within which what it waives may stand ("without the usual drawn-out
/// procedures").
const WAIVED_REACH: usize = 5;

/// "without preconditions", "without the usual procedures": "without" waives a step of
/// procedure; it hastens the joining, it does not deny it.
pub(super) fn waives(items: &[Item], k: usize) -> bool {
    items[k].text == "without"
        && items[k + 1..]
            .iter()
            .take(WAIVED_REACH)
            .take_while(|i| !i.punct())
            // "without delay" is a double negation already: "delay" works against joining.
            .any(|i| i.listed(Class::Waived) && !i.is(Class::Opposition))
}

/// "would not join while the truce is not holding": a negation after a condition link that
/// follows a negated proposition belongs to the condition, not to the main clause ("joining
/// during a war is not possible" keeps it: nothing before the link is negated).
fn in_condition(items: &[Item], k: usize) -> bool {
    let is_link = |i: &Item| {
        i.is(Class::ConditionLink)
            || i.is(Class::ConditionWeakLink)
            || i.is(Class::ConditionConcurrentLink)
    };
    let (mut negated, mut named, mut linked) = (false, false, false);
    for i in &items[..k] {
        if linked && i.punct() {
            linked = false; // the condition ended before the negation
        }
        linked |= is_link(i) && negated && named;
        negated |= i.is(Class::Negator);
        named |= i.is(Class::Membership) || i.is(Class::Exclusion);
    }
    linked
}

/// Words after a verb of committing an error within which its harm stands ("the same mistake").
const ERROR_REACH: usize = 3;

/// "must not repeat the mistake of leaving Ukraine outside": the negation refuses to commit
/// the harm the sentence judges; the harm alone carries the judgement.
fn refuses_error(items: &[Item], k: usize) -> bool {
    let verb = items.get(k + 1).is_some_and(|i| i.listed(Class::ErrorVerb));
    verb && items[k + 2..(k + 2 + ERROR_REACH).min(items.len())]
        .iter()
        .any(|i| i.is(Class::Harm) && i.listed(Class::ErrorNoun))
}

/// "was not raised during the talks", "had not come up": an act of discussing (with its
/// particle) at `j` and no object after it, only a preposition, a mark or the end ("has not
/// raised any objections" has one).
fn discussion_not_held(items: &[Item], j: usize) -> bool {
    let Some(verb) = items.get(j) else {
        return false;
    };
    let with_particle = items
        .get(j + 1)
        .is_some_and(|p| pair_is(verb, p, Class::DiscussionAct));
    let next = if with_particle {
        j + 2
    } else if verb.listed(Class::DiscussionAct) {
        j + 1
    } else {
        return false;
    };
    items
        .get(next)
        .is_none_or(|i| i.punct() || i.listed(Class::Preposition))
}

/// "would not let itself be dragged into a war by admitting Ukraine", "will not allow
/// ourselves to be drawn into a conflict": a negated permission given to oneself refuses to
/// suffer the harm after it; the harm alone carries the judgement.
fn refuses_own_harm(items: &[Item], k: usize) -> bool {
    let permits = items
        .get(k + 1)
        .is_some_and(|i| i.listed(Class::PermissionVerb));
    let reflexive = items.get(k + 2).is_some_and(|i| i.listed(Class::Reflexive));
    let harm = || {
        items[k + 3..]
            .iter()
            .take_while(|i| !i.punct())
            .any(|i| i.is(Class::Harm))
    };
    permits && reflexive && harm()
}

/// "Kyiv has not formally applied": a plain "not" after an auxiliary that reports a fact and
/// before a formal act of the procedure (an adverb in "-ly" at most between) reports an act
/// not done; it takes no position ("will not sign" after a modal still refuses).
pub(super) fn act_not_done(items: &[Item], k: usize) -> bool {
    let is_act = |j: usize| {
        items.get(j).is_some_and(|i| i.listed(Class::ProceduralAct))
            || discussion_not_held(items, j)
    };
    let adverb = items
        .get(k + 1)
        .is_some_and(|i| i.text.ends_with("ly") && i.classes.is_empty());
    let reported = k > 0 && items[k - 1].listed(Class::ReportAuxiliary);
    items[k].text == "not" && reported && (is_act(k + 1) || (adverb && is_act(k + 2)))
}

/// "a legal duty, not just a dream", "not only for Ukraine": a "not" before an additive
/// adverb adds to what it names; it denies nothing.
fn additive(items: &[Item], k: usize) -> bool {
    let adverb = items.get(k + 1).is_some_and(|n| n.listed(Class::Additive));
    // "will not simply admit Ukraine" denies: before a verb the adverb only hedges. Before a
    // noun phrase or a preposition, or with "but"/"also" to follow, it adds.
    let phrase_next = items
        .get(k + 2)
        .is_some_and(|n| n.listed(Class::Determiner) || n.listed(Class::Preposition));
    let completed = items[k + 1..]
        .iter()
        .take(ADDITIVE_REACH)
        .any(|i| matches!(i.text.as_str(), "but" | "also"));
    items[k].text == "not" && adverb && (phrase_next || completed)
}

/// Words after "not only" in which its "but" or "also" may follow.
const ADDITIVE_REACH: usize = 10;

/// Words a relative clause may hold between its evaluation noun and its negation.
const RELATIVE_REACH: usize = 4;

/// "a provocation Moscow could not ignore", "a mistake that cannot be undone": a negation in a
/// relative clause describes the evaluation noun before it (it intensifies the judgement); the
/// clause itself is not negated. The noun follows "a"/"an" or is a bare plural object (a head
/// noun, not a modifier as in "its war aims could not"); the relative clause opens with
/// a relative pronoun, a subject and its auxiliary, or a negative subject ("no government"), and
/// no word of position but approval ("accept") follows the negation.
fn describes_evaluation(items: &[Item], k: usize) -> bool {
    let start = k.saturating_sub(RELATIVE_REACH + 1);
    let Some(h) = (start..k).rev().find(|&h| {
        (items[h].is(Class::Harm) || items[h].is(Class::Benefit)) && h > 0 && heads_np(items, h)
    }) else {
        return false;
    };
    let between = &items[h + 1..k];
    // "a danger Moscow would never accept": the relative clause's subject may be the
    // adversary.
    let plain = between
        .iter()
        .all(|i| i.classes.iter().all(|&c| c == Class::Adversary) && !i.punct());
    let relative = between
        .first()
        .is_some_and(|i| i.listed(Class::RelativePronoun));
    let finite = |i: &Item| i.listed(Class::FiniteVerb);
    let reduced = between.len() >= 2 && !finite(&between[0]) && finite(&between[between.len() - 1]);
    // "a threat no government could accept": the negation is the relative clause's subject.
    let negative_subject = between.is_empty()
        && items[k].text != "not"
        && items[k + 1..].iter().take(RELATIVE_REACH).any(finite);
    // "a mistake that Ukraine was not invited": a clause naming a position after the negation
    // is the evaluation's content, not a description of it.
    let content = items[k + 1..]
        .iter()
        .take_while(|i| !i.punct())
        .any(|i| i.classes.iter().any(|&c| c != Class::Approval));
    plain && (relative || reduced || negative_subject) && !content
}

/// The evaluation noun at `h` heads its noun phrase: it follows "a"/"an", or it is a bare
/// plural right after a finite verb ("has consequences Kyiv has not weighed").
fn heads_np(items: &[Item], h: usize) -> bool {
    let before = items[h - 1].text.as_str();
    let article = |i: &Item| matches!(i.text.as_str(), "a" | "an");
    // "a mortal danger": one plain adjective may stand between the article and the noun.
    let described = h >= 2 && article(&items[h - 2]) && items[h - 1].classes.is_empty();
    article(&items[h - 1])
        || described
        || (items[h].text.ends_with('s') && lexicon::is(Class::FiniteVerb, before))
}

/// "a date, not a door": after a comma, "not" and a plain noun phrase name the alternative
/// set aside; the clause itself is not negated.
fn is_corrective(items: &[Item], k: usize) -> bool {
    // Clauses are split at commas, so "not" may open its own clause.
    let after_comma = k == 0 || items[k - 1].text == ",";
    let opens_np = items
        .get(k + 1)
        .is_some_and(|n| n.listed(Class::Determiner));
    // The alternative set aside must be a plain noun phrase: no verb, only membership or
    // approving words ("not a door" sets a door aside; "not a substitute for it" still negates).
    let plain = items[k + 1..].iter().take_while(|i| !i.punct()).all(|i| {
        !i.listed(Class::FiniteVerb)
            && i.classes
                .iter()
                .all(|c| matches!(c, Class::Membership | Class::Approval | Class::Benefit))
    });
    // "a partner, not a member": setting the standing itself aside denies it ("not a path
    // to membership" sets aside a figure of it).
    let standing = items
        .iter()
        .skip(k + 2)
        .take(STANDING_REACH)
        .take_while(|i| !i.punct())
        .any(|i| i.listed(Class::StatusNoun));
    let set_aside = after_comma && opens_np && plain && !standing;
    items[k].text == "not" && (set_aside || not_but(items, k).is_some())
}

/// Words after "not"'s determiner within which the standing set aside is named ("not a full
/// member", "not a NATO member"; "not a path to membership" names a figure of it).
const STANDING_REACH: usize = 2;

/// Most words between the "not" and the "but" of "not A but B".
const NOT_BUT_REACH: usize = 8;

/// "not a reward but a necessity", "not charity but an investment": "not A but B" sets A aside
/// for B, two noun phrases with no verb between; the clause asserts B ("not join but
/// cooperate" still negates: a verb follows "but"). The index of the "but".
pub(super) fn not_but(items: &[Item], k: usize) -> Option<usize> {
    let finite = |i: &Item| i.listed(Class::FiniteVerb);
    let end = (k + 2 + NOT_BUT_REACH).min(items.len());
    let but = (k + 2..end).find(|&j| items[j].text == "but")?;
    let set_aside = &items[k + 1..but];
    let np_after = items.get(but + 1).is_some_and(|n| {
        n.listed(Class::Determiner) || (n.classes.is_empty() && !finite(n) && !n.punct())
    });
    // A set-aside judged in words of its own ("not a provocation but ...") keeps its negation:
    // the negated judgement is itself the position.
    let plain = set_aside
        .iter()
        .all(|i| !i.punct() && !finite(i) && i.classes.iter().all(|c| *c == Class::Membership));
    let corrective = items[k].text == "not" && np_after && plain;
    corrective.then_some(but)
}

/// Lowercase words and punctuation marks, contractions expanded ("won't" -> "will not").
pub(super) fn words(text: &str) -> Vec<String> {
    let lowered = crate::document::to_lowercase(&expand_acronyms(text));
    let text = if lowered.contains(APOSTROPHES) {
        lowered.replace(APOSTROPHES, "'")
    } else {
        lowered
    };
    let mut out = Vec::new();
    // Where the word being read starts: a word is one run of the characters it may hold.
    let mut start: Option<usize> = None;
    for (i, ch) in text.char_indices() {
        if ch.is_alphanumeric() || ch == '\'' || ch == '_' || (ch == '-' && start.is_some()) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            flush(&text[s..i], &mut out);
        }
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
    if let Some(s) = start {
        flush(&text[s..], &mut out);
    }
    out
}

/// The marks [`words`] reads as an apostrophe.
const APOSTROPHES: [char; 3] = ['\u{2019}', '\u{2018}', '`'];

/// The text with each listed acronym written in capitals as a whole word ("MAP") replaced by
/// the phrase it stands for; borrowed unchanged when it holds none.
pub(crate) fn expand_acronyms(text: &str) -> std::borrow::Cow<'_, str> {
    // Each acronym as written in capitals, with its phrase; made once.
    static UPPER: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
        lexicon::STANCE_ACRONYMS
            .iter()
            .map(|(acronym, phrase)| (acronym.to_uppercase(), *phrase))
            .collect()
    });
    let mut out = std::borrow::Cow::Borrowed(text);
    for (upper, phrase) in UPPER.iter() {
        if !out.contains(upper.as_str()) {
            continue;
        }
        let whole = |s: &str, at: usize| {
            let before = s[..at].chars().next_back();
            let after = s[at + upper.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        };
        let s = out.as_ref();
        let hits: Vec<usize> = s
            .match_indices(upper.as_str())
            .map(|(at, _)| at)
            .filter(|&at| whole(s, at))
            .collect();
        if hits.is_empty() {
            continue;
        }
        let mut rebuilt = String::with_capacity(s.len() + hits.len() * phrase.len());
        let mut last = 0;
        for at in hits {
            rebuilt.push_str(&s[last..at]);
            rebuilt.push_str(phrase);
            last = at + upper.len();
        }
        rebuilt.push_str(&s[last..]);
        out = std::borrow::Cow::Owned(rebuilt);
    }
    out
}

/// Push a finished word, split into base and "not" or "'s" where it carries them.
fn flush(word: &str, out: &mut Vec<String>) {
    let w = word.trim_matches(|c| c == '\'' || c == '-');
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
    /// A whole word.
    Word(String),
    /// Any word starting with the stem.
    Stem(String),
    /// Ukraine, a pronoun or a number (`_`).
    Any,
}

impl Pat {
    /// The word fits this element.
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

/// [`PATTERNS`] by their first element: the entries that start with each whole word, and the
/// others (a stem, a placeholder or nothing first), which are tried at every word: those with
/// a stem only at words with the stem's first letter.
struct FirstWords {
    by_word: FxHashMap<&'static str, Vec<usize>>,
    /// Entries without a whole first word tried at words starting with this letter, ascending.
    others_by_letter: FxHashMap<char, Vec<usize>>,
    /// Entries without a whole first word that no first letter rules out, ascending.
    others: Vec<usize>,
}

impl FirstWords {
    /// The entries without a whole first word that may start at `word`, ascending.
    fn others_at(&self, word: &str) -> &[usize] {
        word.chars()
            .next()
            .and_then(|c| self.others_by_letter.get(&c))
            .map_or(&self.others, Vec::as_slice)
    }
}

static FIRST_WORDS: LazyLock<FirstWords> = LazyLock::new(|| {
    let mut index = FirstWords {
        by_word: FxHashMap::default(),
        others_by_letter: FxHashMap::default(),
        others: Vec::new(),
    };
    let mut stems: FxHashMap<char, Vec<usize>> = FxHashMap::default();
    for (k, (pats, _)) in PATTERNS.iter().enumerate() {
        match pats.first() {
            Some(Pat::Word(w)) => index.by_word.entry(w.as_str()).or_default().push(k),
            Some(Pat::Stem(p)) if !p.is_empty() => {
                let c = p.chars().next().expect("non-empty stem");
                stems.entry(c).or_default().push(k)
            }
            _ => index.others.push(k),
        }
    }
    for (c, ks) in stems {
        let mut merged = Vec::new();
        merge_sorted(&ks, &index.others, &mut merged);
        index.others_by_letter.insert(c, merged);
    }
    index
});

/// `a` and `b` (each ascending) in ascending order, into `out`.
fn merge_sorted(a: &[usize], b: &[usize], out: &mut Vec<usize>) {
    out.clear();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
}

/// Words whose [`first_fits`] a thread remembers before it starts over (a news vocabulary
/// stays far below this).
const FIRST_FITS_WORDS: usize = 1 << 16;

/// What a thread remembers of a word: the entries its first element fits, and the lists the
/// word is in.
struct Remembered {
    /// The entries whose first element it fits, ascending.
    fits: Box<[usize]>,
    /// `lexicon::classes_of(word)`.
    lists: lexicon::ClassBits,
}

thread_local! {
    /// Per word, what [`first_fits`] reads.
    static FIRST_FITS: std::cell::RefCell<FxHashMap<String, Remembered>> =
        std::cell::RefCell::new(FxHashMap::default());
}

/// The entries whose first element fits `word`, ascending (list order), into `out`: looked up
/// by its first word or its stem's first letter, and remembered per word by the thread, with
/// the lists the word is in (returned).
fn first_fits(word: &str, out: &mut Vec<usize>) -> lexicon::ClassBits {
    FIRST_FITS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(known) = cache.get(word) {
            out.clear();
            out.extend_from_slice(&known.fits);
            return known.lists;
        }
        // Both lists are in list order: merged, not sorted.
        let own: &[usize] = FIRST_WORDS.by_word.get(word).map_or(&[], Vec::as_slice);
        merge_sorted(own, FIRST_WORDS.others_at(word), out);
        out.retain(|&k| PATTERNS[k].0.first().is_none_or(|p| p.matches(word)));
        if cache.len() >= FIRST_FITS_WORDS {
            cache.clear();
        }
        let lists = lexicon::classes_of(word);
        let fits = out.as_slice().into();
        cache.insert(word.to_string(), Remembered { fits, lists });
        lists
    })
}

/// Group words into the longest listed phrases, each with every class that lists it.
pub(super) fn tag(mut ws: Vec<String>) -> Vec<Item> {
    let mut items = Vec::new();
    let mut i = 0;
    // The entries that may start at word i, in list order (the order classes are recorded in).
    let mut candidates: Vec<usize> = Vec::new();
    while i < ws.len() {
        let mut best = 0;
        let mut classes = Vec::new();
        let lists = first_fits(&ws[i], &mut candidates);
        for (pats, class) in candidates.iter().map(|&k| &PATTERNS[k]) {
            let n = pats.len();
            // A shorter entry than the best so far is not read; the first element fits (a
            // candidate's does).
            if n < best {
                continue;
            }
            let fits = i + n <= ws.len()
                && pats
                    .iter()
                    .skip(1)
                    .zip(&ws[i + 1..])
                    .all(|(p, w)| p.matches(w));
            if !fits {
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
        // A word alone is moved into its item (it is not read again), a phrase joined.
        let (text, lists) = if n == 1 {
            (std::mem::take(&mut ws[i]), lists)
        } else {
            let phrase = ws[i..i + n].join(" ");
            let lists = lexicon::classes_of(&phrase);
            (phrase, lists)
        };
        items.push(Item::new(text, classes, lists));
        i += n;
    }
    unmark_held_fears(&mut items);
    unmark_movements(&mut items);
    unmark_readiness_for_other(&mut items);
    mark_adversary_gains(&mut items);
    mark_adversary_demands(&mut items);
    unmark_prepositional_harms(&mut items);
    unmark_adversary_targets(&mut items);
    unmark_denied_topic(&mut items);
    mark_spans(&mut items);
    mark_time_spent(&mut items);
    // The order matters: the say and reversal marks look for a harm before them, and the
    // agent harms are unmarked only once every opposition word is in place.
    mark_denied_say(&mut items);
    mark_denied_permission(&mut items);
    mark_reversed_referent(&mut items);
    unmark_persuaded(&mut items);
    unmark_spared_objects(&mut items);
    unmark_denied_agent_harms(&mut items);
    items
}

/// "admitting Ukraine would avoid a repeat of Bucharest": a verb of preventing whose object
/// (to the clause's end) names no position (no membership or its opposite, harm, benefit,
/// opposition, negation, deferral or wish, nor peace or a settlement, whose prevention is a
/// harm) and no pronoun standing for one works against
/// nothing the statement judges; it reverses nothing ("to avoid a war", "avoid admitting
/// Ukraine", "prevent it" still reverse).
fn unmark_spared_objects(items: &mut [Item]) {
    const POSITIONS: [Class; 9] = [
        Class::Membership,
        Class::ConditionTopic,
        Class::Exclusion,
        Class::Harm,
        Class::Benefit,
        Class::Opposition,
        Class::Negator,
        Class::Deferral,
        Class::Approval,
    ];
    for k in 0..items.len() {
        let prevents = items[k]
            .text
            .split(' ')
            .next()
            .is_some_and(|w| lexicon::is(Class::PreventionVerb, w));
        if !prevents || !items[k].is(Class::Opposition) {
            continue;
        }
        let object: Vec<&Item> = items[k + 1..]
            .iter()
            .take_while(|i| {
                !i.punct()
                    && !i.listed(Class::ClauseCoordinator)
                    && !i.listed(Class::SubordinateOpener)
            })
            .collect();
        let positioned = object.iter().any(|i| {
            POSITIONS.iter().any(|&c| i.is(c))
                || i.listed(Class::Pronoun)
                || i.listed(Class::ObjectPronoun)
        });
        if !object.is_empty() && !positioned {
            items[k].classes.retain(|&c| c != Class::Opposition);
        }
    }
}

/// "not ready for NATO troops", "ready for NATO exercises": a readiness phrase naming the
/// joining ("ready for NATO") before a plain noun is readiness for that noun; it names no
/// membership ("ready for NATO membership", "ready for NATO yet" still do).
fn unmark_readiness_for_other(items: &mut [Item]) {
    for k in 0..items.len().saturating_sub(1) {
        let readiness = items[k].is(Class::Membership) && items[k].is(Class::NearTerm);
        let n = &items[k + 1];
        let names_more = [
            Class::Membership,
            Class::NearTerm,
            Class::ConditionLink,
            Class::ConditionWeakLink,
        ]
        .iter()
        .any(|&c| n.is(c));
        let noun = !names_more
            && n.text.chars().all(char::is_alphabetic)
            && !n.listed(Class::Determiner)
            && !n.listed(Class::Stopword);
        if readiness && noun {
            items[k].classes.retain(|&c| c != Class::Membership);
        }
    }
}

/// "walked back to the venue", "turned back toward the border": a phrase of retreat ending in
/// a particle of motion, right before a preposition of direction, is a movement with no object
/// retreated from; it opposes nothing ("walked back his pledge", "walked it back" still do).
fn unmark_movements(items: &mut [Item]) {
    for k in 0..items.len().saturating_sub(1) {
        let particle = items[k]
            .text
            .rsplit(' ')
            .next()
            .is_some_and(|w| lexicon::is(Class::MotionParticle, w));
        let direction = items[k + 1].listed(Class::DirectionPreposition);
        if items[k].is(Class::Opposition) && particle && direction {
            items[k].classes.retain(|&c| c != Class::Opposition);
        }
    }
}

/// "the allies' fear that admitting Ukraine would provoke Russia", "the fears of allies who
/// ...": a noun for a claim held, before its "that" clause or its holders, names what is
/// feared; it is no harm of its own (the clause, and any judgement of it, carry the stance).
fn unmark_held_fears(items: &mut [Item]) {
    for k in 0..items.len().saturating_sub(1) {
        // "the fears of allies who hesitate ...": held by the allies named after "of".
        let holder = |j: usize| items[j..].iter().take(2).any(|i| i.is(Class::AlliesNoun));
        let held = items[k].listed(Class::ClaimNoun)
            && (items[k + 1].text == "that" || (items[k + 1].text == "of" && holder(k + 2)));
        if held {
            items[k].classes.retain(|&c| c != Class::Harm);
        }
    }
}

/// How many words before a harm a negation opening its noun phrase may stand ("no Kremlin
/// ultimatum").
const AGENT_REACH: usize = 3;

/// "Moscow's threats will not stop Ukraine's accession", "no ultimatum will keep Ukraine out":
/// a harm that is the agent of a negated opposition is what fails; the negated opposition
/// alone carries the clause, as the harm alone does when the opposition is not negated.
fn unmark_denied_agent_harms(items: &mut [Item]) {
    for h in 0..items.len() {
        if !items[h].is(Class::Harm) {
            continue;
        }
        let clause = |i: &Item| !i.punct() && !i.is(Class::Membership);
        let Some(o) = items[h + 1..]
            .iter()
            .take_while(|i| clause(i))
            .position(|i| i.is(Class::Opposition) || i.is(Class::Exclusion))
            .map(|p| h + 1 + p)
        else {
            continue;
        };
        // "no Kremlin ultimatum": the negation may open the harm's noun phrase.
        let opener = items[h.saturating_sub(AGENT_REACH)..h]
            .iter()
            .rev()
            .take_while(|i| !i.punct())
            .any(|i| i.is(Class::Negator));
        let denied = opener || items[h + 1..o].iter().any(|i| i.is(Class::Negator));
        if denied && is_agent(items, h, o) {
            items[h].classes.retain(|&c| c != Class::Harm);
        }
    }
}

/// The harm at `h` is the subject of the verb whose opposition stands at `o`: an auxiliary
/// between ("threats will not stop"; "see no danger in delaying" has none), and no "be" before
/// it or "to" after it ("it is not unreasonable to reject ..." judges the act).
fn is_agent(items: &[Item], h: usize, o: usize) -> bool {
    let between = &items[h + 1..o];
    let auxiliary = between.iter().any(|i| i.listed(Class::ModalVerb));
    let after_be = items[..h]
        .iter()
        .rev()
        .find(|i| !i.is(Class::Negator))
        .is_some_and(|i| i.listed(Class::BeForm));
    let infinitive = between.iter().any(|i| i.listed(Class::InfinitiveMarker));
    auxiliary && !after_be && !infinitive
}

/// Most items between a verb of persuading and the "that" of its content.
const PERSUADED_REACH: usize = 6;

/// "persuading the sceptics that Ukraine belongs": the ones persuaded, between the verb and
/// "that", are whom the speaker argues with; their words of position are not the speaker's (a
/// negation stays: "convinced nobody that").
fn unmark_persuaded(items: &mut [Item]) {
    for k in 0..items.len() {
        if !items[k].listed(Class::PersuasionVerb) {
            continue;
        }
        let reach = items.len().min(k + 1 + PERSUADED_REACH);
        let that = (k + 1..reach)
            .take_while(|&j| !items[j].punct())
            .find(|&j| items[j].text == "that");
        if let Some(t) = that {
            for i in &mut items[k + 1..t] {
                i.classes
                    .retain(|c| !matches!(c, Class::Opposition | Class::Harm));
            }
        }
    }
}

/// A harm stands earlier in the clause of item `k` ("no ultimatum from Moscow will change
/// that"): the harm, negated or not, already carries the clause's judgement.
fn harm_before(items: &[Item], k: usize) -> bool {
    items[..k]
        .iter()
        .rev()
        .take_while(|i| !i.punct())
        .any(|i| i.is(Class::Harm))
}

/// "no peace talks could change that": a verb of undoing whose object points back at the
/// proposition, or a negated one whose object names the membership ("nothing will alter our
/// path to NATO"), works against it, as an opposition word does.
fn mark_reversed_referent(items: &mut [Item]) {
    for k in 0..items.len().saturating_sub(1) {
        if !items[k].listed(Class::Reversal) {
            continue;
        }
        // The pronoun ends its clause ("change that.", "change that, and"), so it is no
        // determiner ("undo this damage"); the membership is no subject before the verb
        // ("membership would change that" undoes something else).
        let referent = items[k + 1].listed(Class::Pronoun)
            && items
                .get(k + 2)
                .is_none_or(|n| n.punct() || n.listed(Class::ClauseCoordinator))
            || membership_object(items, k) && negated_before(items, k);
        let subject_named = items[..k]
            .iter()
            .rev()
            .take_while(|i| !i.punct() && i.text != "that" && !i.listed(Class::ClauseCoordinator))
            .any(|i| i.is(Class::Membership));
        if referent && !subject_named && !harm_before(items, k) {
            items[k].classes.push(Class::Opposition);
        }
    }
}

/// Most items between a verb and the membership its object names ("change Ukraine's course
/// toward NATO").
const OBJECT_REACH: usize = 5;

/// The object of the verb at `k` names the membership before its clause or a subordinate
/// clause begins: "alter the country's path to NATO" ("change its laws before membership
/// talks" names no membership as what changes).
fn membership_object(items: &[Item], k: usize) -> bool {
    items[k + 1..]
        .iter()
        .take(OBJECT_REACH)
        .take_while(|i| {
            !i.punct() && !i.listed(Class::ClauseCoordinator) && !i.listed(Class::SubordinateOpener)
        })
        .any(|i| i.is(Class::Membership))
}

/// A negation stands in the clause before the item at `k` ("no election will change ...").
fn negated_before(items: &[Item], k: usize) -> bool {
    items[..k]
        .iter()
        .rev()
        .take_while(|i| !i.punct() && !i.listed(Class::ClauseCoordinator))
        .any(|i| i.is(Class::Negator))
}

/// An adversary named by the item ("the kremlin", "moscow").
fn is_adversary(i: &Item) -> bool {
    i.text.split(' ').any(|w| lexicon::is(Class::Adversary, w))
}

/// The item after `k`, past a definite article ("encouraged the Kremlin").
fn object_after(items: &[Item], k: usize) -> Option<&Item> {
    match items.get(k + 1) {
        Some(n) if n.listed(Class::DefiniteArticle) => items.get(k + 2),
        n => n,
    }
}

/// "only encouraged the Kremlin": a verb that helps whom it names, right before an adversary
/// ("the" at most between), judges as a harm.
fn mark_adversary_gains(items: &mut [Item]) {
    for k in 0..items.len() {
        if items[k].is(Class::AdversaryGain) && object_after(items, k).is_some_and(is_adversary) {
            items[k].classes.push(Class::Harm);
        }
    }
}

/// Classes that state which way a demand goes ("a demand that Ukraine never join").
const DEMAND_POLARITY: [Class; 7] = [
    Class::Negator,
    Class::Exclusion,
    Class::Opposition,
    Class::Cessation,
    Class::Removal,
    Class::Harm,
    Class::Renunciation,
];

/// "rejected the Russian demands on enlargement", "dismissed Moscow's ultimatum": a noun of
/// demand owned by the objecting side (its name right before, "'s" between at most) approves
/// keeping Ukraine out, unless the rest of its clause says which way it goes.
fn mark_adversary_demands(items: &mut [Item]) {
    for k in 1..items.len() {
        if !items[k].listed(Class::DemandNoun) {
            continue;
        }
        let owner = if items[k - 1].text == "'s" {
            k.checked_sub(2)
        } else {
            Some(k - 1)
        };
        let owned = owner.is_some_and(|o| is_adversary(&items[o]));
        let stated = items[k + 1..]
            .iter()
            .take_while(|i| !i.punct())
            .any(|i| DEMAND_POLARITY.iter().any(|&c| i.is(c)));
        if owned && !stated {
            let it = &mut items[k];
            it.classes.retain(|&c| c != Class::Approval);
            it.classes.push(Class::Opposition);
        }
    }
}

/// "provisions concerning the alliance", "any clause concerning Ukraine's bid": a harm word
/// that is also a preposition of topic, before a word, is the preposition; after a
/// determiner, an intensifier or a form of "be" ("a concerning trend", "deeply concerning
/// that") it is still a harm.
fn unmark_prepositional_harms(items: &mut [Item]) {
    for k in 1..items.len().saturating_sub(1) {
        let preposition = items[k].is(Class::Harm) && items[k].listed(Class::TopicPreposition);
        let before = &items[k - 1];
        let adjective = before.listed(Class::Determiner)
            || before.listed(Class::Intensifier)
            || before.listed(Class::BeForm);
        if preposition && !adjective && !items[k + 1].punct() {
            items[k].classes.retain(|&c| c != Class::Harm);
        }
    }
}

/// "would weaken Russia", "to restrict Moscow", "would create problems for the Kremlin": a
/// damage whose object is an adversary ("the" at most between), or a noun of damage linked to
/// one, works against the adversary, not the membership: it reverses nothing.
fn unmark_adversary_targets(items: &mut [Item]) {
    for k in 0..items.len() {
        if !items[k].is(Class::Damage) {
            continue;
        }
        let linked = items
            .get(k + 1)
            .is_some_and(|l| l.listed(Class::DamageLink));
        let object = object_after(items, k + usize::from(linked));
        if object.is_some_and(is_adversary) {
            items[k]
                .classes
                .retain(|c| !matches!(c, Class::Harm | Class::Opposition));
        }
    }
}

/// "it would be years, perhaps decades, before Ukraine could join": a long span after "be" or
/// "take" makes a later "before" in the sentence a deferral.
fn mark_spans(items: &mut [Item]) {
    let mut deferring = false;
    for k in 0..items.len() {
        if matches!(items[k].text.as_str(), "." | "?" | ";") {
            deferring = false;
        } else if items[k].listed(Class::Span) && follows_be_or_take(items, k) {
            deferring = true;
        } else if deferring && items[k].text == "before" {
            items[k].classes.push(Class::Deferral);
        }
    }
}

/// How many words may stand between an adversary and a negation, and between the negation and
/// a say noun ("Moscow does not have the right").
const SAY_REACH: usize = 3;

/// How many words may stand between a negation and a verb of deciding, the adversary among
/// them ("nobody in the Kremlin will decide").
const DECIDER_REACH: usize = 5;

/// "Russia has no right to decide whether Ukraine joins", "Moscow has no say", "nobody in the
/// Kremlin will decide": an adversary's denied say over the decision is a veto denied; the say
/// noun or verb counts as an opposition unless the sentence names one itself ("no right to
/// veto").
fn mark_denied_say(items: &mut [Item]) {
    let adversary = is_adversary;
    for k in 0..items.len() {
        let dictates = items[k]
            .text
            .split(' ')
            .any(|w| lexicon::is(Class::DictateVerb, w));
        let verb = dictates
            || items[k]
                .text
                .split(' ')
                .any(|w| lexicon::is(Class::SayVerb, w));
        // A procedural phrase ("vote on") is read by its noun ("right now" is no say).
        let noun = say_noun(&items[k]);
        if !noun && !verb {
            continue;
        }
        let reach = if verb { DECIDER_REACH } else { SAY_REACH };
        let Some(n) = (k.saturating_sub(reach)..k).rfind(|&n| items[n].is(Class::Negator)) else {
            continue;
        };
        // "Moscow has no say"; with a verb also "nobody in Moscow decides". "Threats from
        // Moscow should never decide": the harm, negated, already denies the veto.
        if verb && harm_before(items, k) {
            continue;
        }
        // "no right to decide": the noun already denies the say its verb names.
        if verb && items[n + 1..k].iter().any(say_noun) {
            continue;
        }
        let before = &items[n.saturating_sub(SAY_REACH)..n];
        // "Moscow's wishes will not decide": the adversary owns the subject.
        let owner = |m: usize| m > 0 && items[m].text == "'s" && adversary(&items[m - 1]);
        let subject = before.iter().any(adversary)
            || (dictates && dictation_denied(items, n, k))
            || (verb && (n.saturating_sub(SAY_REACH)..n).any(owner))
            || (verb
                && items[n + 1..k].iter().any(adversary)
                && !items[n + 1..k].iter().any(Item::punct));
        let sentence = items[k + 1..]
            .iter()
            .take_while(|i| !matches!(i.text.as_str(), "." | "?" | ";"));
        let names_veto = sentence.clone().any(|i| i.is(Class::Opposition));
        if subject && !names_veto {
            items[k].classes.push(Class::Opposition);
        }
    }
}

/// Words between a verb of dictating and the question word of the choice it dictates ("tell
/// Ukrainians which").
const DICTATED_CHOICE_REACH: usize = 3;

/// "Nobody should tell Ukrainians which alliance they may join", "no country can dictate who
/// joins": the negation at `n` is a nobody subject ("nobody", "no one", "no" + noun) and a
/// question word follows the verb of dictating at `k`: an outsider's say over the choice is
/// denied, whoever the outsider is.
fn dictation_denied(items: &[Item], n: usize, k: usize) -> bool {
    let nobody = items[n].listed(Class::Nobody) || items[n].listed(Class::NegativeDeterminer);
    // "tell Ukrainians which ...": "tell" dictates only to someone ("nobody can tell whether"
    // is not knowing); "dictate who joins" needs no one.
    let addressee = items.get(k + 1).is_some_and(|i| {
        i.listed(Class::CandidateSide) || i.is(Class::AlliesNoun) || i.listed(Class::AddresseeLink)
    });
    let tells = items[k]
        .text
        .split(' ')
        .any(|w| lexicon::is(Class::InformingVerb, w));
    let question = items[k + 1..]
        .iter()
        .take(DICTATED_CHOICE_REACH)
        .any(|i| i.listed(Class::ChoiceQuestion));
    nobody && question && (addressee || !tells)
}

/// "Congress will not let Putin write the guest list", "won't allow Moscow to dictate": a
/// negated permission given to the objecting side denies it the act after it, which counts as
/// an opposition denied.
fn mark_denied_permission(items: &mut [Item]) {
    for k in 1..items.len() {
        let permits = items[k].listed(Class::PermissionVerb);
        let negated = items[k - 1].is(Class::Negator);
        let adversary = items.get(k + 1).is_some_and(is_adversary);
        // "let Moscow write", "allow Moscow to dictate": the adversary's act is the next word.
        let act = if items
            .get(k + 2)
            .is_some_and(|i| i.listed(Class::InfinitiveMarker))
        {
            k + 3
        } else {
            k + 2
        };
        let plain_act = items
            .get(act)
            .is_some_and(|i| i.classes.is_empty() && !i.punct());
        // "not let Moscow hold the membership hostage": the act already named as harm or
        // opposition is denied by the negation itself.
        let judged = items
            .get(act..)
            .unwrap_or_default()
            .iter()
            .take_while(|i| !i.punct())
            .any(|i| i.is(Class::Harm) || i.is(Class::Opposition));
        if permits && negated && adversary && plain_act && !judged {
            items[act].classes.push(Class::Opposition);
        }
    }
}

/// A noun of a say: listed whole, or first in a procedural phrase ("vote on").
fn say_noun(i: &Item) -> bool {
    let first = i.text.split(' ').next().unwrap_or_default();
    i.listed(Class::SayNoun) || (i.is(Class::Procedural) && lexicon::is(Class::SayNoun, first))
}

/// How many words a spending verb may stand before its span ("spent fifteen years").
const SPENT_REACH: usize = 2;

/// "allies have spent fifteen years promising and postponing": a long span spent on an
/// opposition later in the sentence is a complaint about it: the span judges as a harm.
fn mark_time_spent(items: &mut [Item]) {
    for k in 0..items.len() {
        if !items[k].listed(Class::TimeSpending) {
            continue;
        }
        let reach = items.len().min(k + 1 + SPENT_REACH);
        let Some(j) = (k + 1..reach).find(|&j| items[j].listed(Class::Span)) else {
            continue;
        };
        let opposes_later = items[j + 1..]
            .iter()
            .take_while(|i| !matches!(i.text.as_str(), "." | "?" | ";"))
            .any(|i| i.is(Class::Opposition));
        if opposes_later {
            items[j].classes.push(Class::Harm);
        }
    }
}

/// The item at `k` follows a form of "be" or "take", one word ("many", "perhaps") at most
/// between.
fn follows_be_or_take(items: &[Item], k: usize) -> bool {
    let verb = |i: &Item| i.listed(Class::BeForm) || i.listed(Class::SpanVerb);
    items[k.saturating_sub(2)..k].iter().any(verb)
}

/// The items press for the joining: a marker of impatience ("finally", "any longer"), or a
/// "why should" question against a wait it names.
pub(super) fn impatient(items: &[Item]) -> bool {
    has(items, Class::Impatience) || (has(items, Class::WhyQuestion) && has(items, Class::Deferral))
}
