//! Mention classes: reading a subject noun phrase as a name, pronoun, institution,
//! nominal, team, document or outlet.

use super::names::{
    clean_word, is_function_word, is_name_word, join, name_run, role_head, role_head_token, span,
    title_before,
};
use crate::attribution::tokens::Token;
use crate::lexicon::{self, Class};
use crate::lexicon::{entries, ORGANIZATIONS, OUTLETS, TITLE_WORDS};
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::sync::LazyLock;

/// How a subject noun phrase refers to its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mention {
    /// "he", "she", "it", "they".
    Pronoun(String),
    /// A personal name, with the title written next to it.
    Name { name: String, title: Option<String> },
    /// A team, office or letter of someone ("Zelensky's team", "Sybiga's letter",
    /// "the head of state's team").
    Related { owner: Box<Mention>, noun: String },
    /// An institution, canonical name.
    Organization(String),
    /// "the Ukrainian leader", "the secretary-general": the phrase, lowercase.
    Nominal(String),
    /// "the publication", "the newspaper".
    Media,
    /// "the ministry", "the department": an institution noun alone, lowercase, that refers
    /// back to the institution of that kind the text last names.
    OrgAnaphor(String),
    /// "the allies", "allies": members speaking for their institution (canonical name), when
    /// the text names it.
    Members(String),
    /// A document with no owner written ("the summit declaration", "the communiqué"): its
    /// author is the institution the text last names.
    Document {
        /// Issued by a meeting ("declaration", "communiqué") rather than by one speaker.
        collective: bool,
    },
    /// "both leaders", "the two ministers", "the pair": the speakers just named together,
    /// with their number when the phrase says it.
    Group { size: Option<usize> },
}

/// Nationality nouns and the title words they resolve to ("dane = danish, denmark").
const DEMONYMS: &str = include_str!("../../lexicon/demonyms.txt");

static NOMINALS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    let mut v: Vec<(&str, Vec<&str>)> = entries(include_str!("../../lexicon/nominals.txt"))
        .chain(entries(DEMONYMS))
        .filter_map(|l| {
            let (head, titles) = l.split_once('=')?;
            Some((head.trim(), titles.split(',').map(str::trim).collect()))
        })
        .collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
    v
});

/// The title words a nominal phrase may refer to: from the nominal lexicon, else its own head
/// word when that is a title word ("the mayor" → mayor).
pub(super) fn nominal_titles(phrase: &str) -> Option<Vec<&'static str>> {
    // Every head at once; pattern k is NOMINALS[k].
    static HEADS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(NOMINALS.iter().map(|(head, _)| head))
            .expect("nominal heads")
    });
    let p = phrase.replace(['\u{2019}'], "'");
    // The first entry whose head ends the phrase or stands before a space in it.
    let first = HEADS
        .find_overlapping_iter(&p)
        .filter(|m| p[m.end()..].is_empty() || p[m.end()..].starts_with(' '))
        .map(|m| m.pattern().as_usize())
        .min();
    if let Some((_, titles)) = first.map(|k| &NOMINALS[k]) {
        return Some(titles.clone());
    }
    let head = p.split_whitespace().last()?;
    TITLE_WORDS.get(head).map(|w| vec![*w]).or_else(|| {
        let person = crate::lexicon::members(crate::lexicon::Class::PersonNoun).get(head)?;
        Some(vec![*person])
    })
}

/// "the Dane", "the Finn": a capitalised nationality noun names a person by nationality; it
/// is never a name of its own.
fn demonym(np: &[Token]) -> Option<Mention> {
    let [det, head] = np else {
        return None;
    };
    static HEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        entries(DEMONYMS)
            .filter_map(|l| Some(l.split_once('=')?.0.trim()))
            .collect()
    });
    let listed = HEADS.contains(&head.lower.as_ref());
    (det.lower == "the" && head.capitalized && listed)
        .then(|| Mention::Nominal(format!("the {}", head.lower)))
}

/// Read a subject noun phrase (tokens) as a mention. `apposition` is a title found beside it.
pub fn classify(text: &str, np: &[Token], apposition: Option<String>) -> Option<Mention> {
    let np = trim_leading(np);
    let first = np.first()?;
    if np.len() == 1 && lexicon::is(Class::SubjectPronoun, first.without_clitic()) {
        return Some(Mention::Pronoun(first.without_clitic().to_string()));
    }
    if let Some(m) = possessed(text, np) {
        return Some(m);
    }
    if is_group_anaphor(np) {
        return Some(Mention::Group {
            size: group_size(np),
        });
    }
    if let Some(m) = demonym(np) {
        return Some(m);
    }
    let mut phrase = crate::document::to_lowercase(span(text, np));
    if phrase.contains('\u{2019}') {
        phrase = phrase.replace('\u{2019}', "'");
    }
    let unarticled = phrase.trim_start_matches("the ");
    let bare_group = crate::lexicon::BARE_MEMBER_GROUPS
        .iter()
        .find(|(alias, _)| *alias == unarticled);
    if let Some((_, institution)) = bare_group {
        return Some(Mention::Members(institution.to_string()));
    }
    // "the Office of the President of Ukraine": an institution's own name, before any reading
    // of it as the office of a person.
    if let Some(Some(org)) = organization(unarticled.trim()) {
        return Some(Mention::Organization(org));
    }
    let lowercase_head = role_head_token(np).is_some_and(|t| !t.capitalized);
    let group_or_document = role_head(np)
        .is_some_and(|h| is_plural_role(h) || lexicon::is(Class::MemberGroup, h))
        || is_document_head(np);
    if group_or_document && np.len() >= 2 {
        if let Some(org) = institution_modifier(np) {
            return Some(Mention::Organization(org));
        }
        if let Some(org) = proper_institution_modifier(text, np) {
            return Some(Mention::Organization(org));
        }
    }
    if is_document_head(np) && phrase.starts_with("the ") {
        let head = role_head(np).unwrap_or_default();
        let collective = lexicon::is(Class::CollectiveDocument, head);
        return Some(Mention::Document { collective });
    }
    let plural_role = role_head(np).is_some_and(is_plural_role);
    if plural_role && (np.len() == 1 || (lowercase_head && named(text, np, None).is_none())) {
        return None; // "the foreign ministers of the alliance": an unnamed group
    }
    if role_head(np).is_some_and(|h| lexicon::is(Class::PersonRole, h))
        && named(text, np, None).is_none()
    {
        return Some(Mention::Nominal(phrase));
    }
    if let Some(m) = noun_of(text, np) {
        return Some(m);
    }
    // "Der Spiegel reported", "Russian state news agency TASS reported": an outlet, with or
    // without a description before it, is an organisation, never a person's name.
    let bare = unarticled.trim();
    // The longest name that fits, so the choice never depends on the set's order.
    let outlet = word_suffixes(bare)
        .find_map(|tail| OUTLETS_LOWER.get(tail))
        .or_else(|| OUTLETS_LOWER.get(phrase.as_str()));
    if let Some(o) = outlet {
        return Some(Mention::Organization(o.to_string()));
    }
    // "the European Parliament", "the Russian Embassy": a capitalised institution head names
    // the institution, not a person, though "parliament" may also be a title word.
    let proper_org_head =
        role_head_token(np).is_some_and(|t| t.capitalized && t.is(Class::OrgHead));
    if proper_org_head {
        if let Some(org) = generic_org(text, np) {
            return Some(org);
        }
    }
    if let Some(m) = named(text, np, apposition) {
        return Some(m);
    }
    // "May said": a listed surname that is also a month, a place or a colour, alone as the
    // whole phrase (a phrase finder keeps "in May" and "the West" out of speaker phrases).
    if let [t] = np {
        if t.is(Class::SurnameHomograph) && t.is_capitalized() {
            let name = clean_word(text, t).to_string();
            return Some(Mention::Name { name, title: None });
        }
    }
    if let Some(org) = organization(bare) {
        return Some(Mention::Organization(
            org.unwrap_or_else(|| as_written(text, np)),
        ));
    }
    if lexicon::is(Class::MediaNoun, bare) {
        return Some(Mention::Media);
    }
    if let [det, head] = np {
        if det.lower == "the" && head.is(Class::OrgHead) {
            return Some(Mention::OrgAnaphor(head.lower.to_string()));
        }
    }
    // "the health ministry", "the Polish energy ministry": an institution noun with words of
    // its own before it names that institution, though "ministry" is also a title word.
    if let Some(org) = described_org(text, np) {
        return Some(org);
    }
    if nominal_titles(&phrase).is_some() && phrase.starts_with("the ") {
        return Some(Mention::Nominal(phrase));
    }
    generic_org(text, np)
}

/// "the health ministry", "the state energy company": "the", then modifiers, then an
/// institution head; written as the article writes it.
fn described_org(text: &str, np: &[Token]) -> Option<Mention> {
    let [det, modifiers @ .., head] = np else {
        return None;
    };
    let described = det.lower == "the"
        && !modifiers.is_empty()
        && head.is(Class::OrgHead)
        && modifiers
            .iter()
            .all(|t| t.is_word && !t.is_possessive() && !t.is(Class::Stopword));
    described.then(|| Mention::Organization(as_written(text, np)))
}

/// "ministers", "officials", "diplomats": a role in the plural names no one in particular.
fn is_plural_role(head: &str) -> bool {
    if crate::lexicon::is(crate::lexicon::Class::UnnamedGroup, head) {
        return true;
    }
    head.strip_suffix('s')
        .is_some_and(|one| lexicon::is(Class::PersonRole, one) || crate::lexicon::is_title(one))
        && !head.ends_with("ss")
}

/// Words a group anaphor may have between its opener and head ("both Baltic leaders").
const GROUP_ANAPHOR_MODIFIERS: usize = 2;

/// "both leaders", "the two foreign ministers", "the pair": an opener, at most two modifiers,
/// and a plural head, all plain words.
fn is_group_anaphor(np: &[Token]) -> bool {
    // Most phrases end in no group head: decided before any words are gathered.
    if !np.last().is_some_and(|t| t.is(Class::GroupAnaphorHead)) {
        return false;
    }
    let words: Vec<&str> = np.iter().map(|t| t.lower.as_ref()).collect();
    if np.iter().any(|t| !t.is_word || t.quoted) {
        return false;
    }
    let opener =
        if words.len() >= 2 && lexicon::is(Class::GroupAnaphorOpener, &words[..2].join(" ")) {
            2
        } else if lexicon::is(
            Class::GroupAnaphorOpener,
            words.first().copied().unwrap_or(""),
        ) {
            1
        } else {
            return false;
        };
    let Some((head, modifiers)) = words.split_last() else {
        return false;
    };
    // "the pair" is opener and head at once.
    let head_is_opener = opener == words.len() && lexicon::is(Class::GroupAnaphorHead, head);
    head_is_opener
        || (modifiers.len() >= opener
            && modifiers.len() - opener <= GROUP_ANAPHOR_MODIFIERS
            && lexicon::is(Class::GroupAnaphorHead, head))
}

/// How many speakers a group anaphor counts, by its words ("both", "the three").
fn group_size(np: &[Token]) -> Option<usize> {
    np.iter().find_map(|t| {
        lexicon::GROUP_ANAPHOR_SIZES
            .iter()
            .find(|(word, _)| *word == t.lower.as_ref())
            .and_then(|(_, n)| n.parse().ok())
    })
}

/// Where a group anaphor ending at `end` starts ("the two leaders"), when the phrase found so
/// far (from `start`) is its tail; else `start`.
pub fn group_anaphor_start(toks: &[Token], start: usize, end: usize) -> usize {
    // An opener of two words, the modifiers and the head.
    let longest = GROUP_ANAPHOR_MODIFIERS + 3;
    (end.saturating_sub(longest)..start)
        .find(|&k| is_group_anaphor(&toks[k..end]))
        .unwrap_or(start)
}

fn trim_leading(np: &[Token]) -> &[Token] {
    let skip = np
        .iter()
        .take_while(|t| t.is(Class::LeadingConnective) || !t.is_word)
        .count();
    &np[skip..]
}

/// A person's name (the last name run in the phrase), with the words before it as title.
pub(super) fn named(text: &str, np: &[Token], apposition: Option<String>) -> Option<Mention> {
    let mut best = None;
    let mut i = 0;
    while i < np.len() {
        let run = name_run(np, i);
        if run.is_empty() {
            i += 1;
        } else {
            i = run.end;
            best = Some(run);
        }
    }
    let run = best?;
    if run.end != np.len() {
        return None; // the name is not the head of the phrase ("Zelensky's office")
    }
    let words: Vec<&str> = np[run.clone()]
        .iter()
        .map(|t| clean_word(text, t))
        .collect();
    let name = tabloid_case(&words);
    if run.len() == 1 && is_acronym(&name) {
        return Some(Mention::Organization(name)); // "the IMF", "NBC"
    }
    let title = apposition.or_else(|| title_before(text, np, run.start));
    Some(Mention::Name { name, title })
}

/// Most letters of a capitalised word that is an initialism inside a name ("JFK"), not a
/// shouted name word.
const MAX_INITIALISM_LETTERS: usize = 3;

/// The words of a name joined, a tabloid's capitals ("VOLODYMYR Zelensky") written as the
/// rest of the name is ("Volodymyr Zelensky").
pub(super) fn tabloid_case<S: AsRef<str>>(words: &[S]) -> String {
    let mixed = words
        .iter()
        .any(|w| w.as_ref().chars().any(char::is_lowercase));
    let shouted = |w: &str| {
        !w.chars().any(char::is_lowercase)
            && w.chars().filter(|c| c.is_alphabetic()).count() > MAX_INITIALISM_LETTERS
    };
    // Joined with spaces in one buffer (no string per word).
    let mut out = String::with_capacity(words.iter().map(|w| w.as_ref().len() + 1).sum());
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let w = w.as_ref();
        if mixed && shouted(w) {
            out.push_str(&crate::meta::byline::name_case(w));
        } else {
            out.push_str(w);
        }
    }
    out
}

fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

/// The words as one lowercase phrase, when it is a team or a document noun ("press service",
/// "letter").
fn related_noun<'a>(words: impl Iterator<Item = &'a Token>) -> Option<String> {
    let noun = words
        .map(|t| t.lower.as_ref())
        .collect::<Vec<_>>()
        .join(" ");
    (lexicon::is(Class::TeamNoun, &noun) || lexicon::is(Class::DocumentNoun, &noun)).then_some(noun)
}

/// "Zelensky's team", "the head of state's team", "Sybiga's letter": a possessor and a
/// team or document noun that ends the phrase.
fn possessed(text: &str, np: &[Token]) -> Option<Mention> {
    let p = np.iter().rposition(|t| t.is_possessive())?;
    let noun = related_noun(np[p + 1..].iter())?;
    // "the deputy head of Zelensky's office", "the head of the president's office" are about
    // the head, not the office; "the head of state's team" is the team of a head of state.
    let owner_is_name = is_name_word(&np[p]);
    let of = np[..p].iter().position(|t| t.lower == "of");
    let after_of_names_owner = of.is_some_and(|o| {
        np.get(o + 1)
            .is_some_and(|t| owner_is_name || t.is(Class::OwnerDeterminer))
    });
    if after_of_names_owner
        && role_head(&np[..p]).is_some_and(|h| lexicon::is(Class::PersonRole, h))
    {
        return None;
    }
    let owner = if owner_is_name {
        let start = (0..=p)
            .rev()
            .take_while(|&k| is_name_word(&np[k]))
            .last()
            .unwrap_or(p);
        let name = np[start..=p]
            .iter()
            .map(|t| clean_word(text, t))
            .collect::<Vec<_>>()
            .join(" ");
        // "NATO's press service": the owner is an institution, not a person.
        match organization(&crate::document::to_lowercase(&name)) {
            Some(Some(org)) => Mention::Organization(org),
            _ => Mention::Name { name, title: None },
        }
    } else {
        let phrase = format!("{} {}", join(text, &np[..p]), np[p].base()).to_lowercase();
        let phrase = if phrase.starts_with("the ") {
            phrase
        } else {
            format!("the {phrase}")
        };
        match organization(phrase.trim_start_matches("the ")) {
            Some(org) => Mention::Organization(org.unwrap_or_else(|| {
                as_written(text, &np[..=p])
                    .replace("'s", "")
                    .replace("\u{2019}s", "")
            })),
            None => Mention::Nominal(phrase),
        }
    };
    Some(Mention::Related {
        owner: Box::new(owner),
        noun,
    })
}

/// "the team of Volodymyr Zelensky", "the letter of the head of the ministry".
fn noun_of(text: &str, np: &[Token]) -> Option<Mention> {
    let of = np.iter().position(|t| t.lower == "of")?;
    let noun = related_noun(np[..of].iter().filter(|t| !is_function_word(t)))?;
    let owner = classify(text, &np[of + 1..], None)?;
    Some(Mention::Related {
        owner: Box::new(owner),
        noun,
    })
}

/// Longest institution alias scanned in the body, in words.
pub(super) const INSTITUTION_WORDS: usize = 4;

/// The lowercase words some institution alias begins with: where a scan may start (each
/// token knows whether it is one, [`crate::attribution::tokens::Token::institution_start`]).
pub fn institution_first_words() -> impl Iterator<Item = &'static str> {
    crate::lexicon::INSTITUTIONS
        .iter()
        .filter_map(|(alias, _)| alias.split_whitespace().next())
}

/// "allies" in "NATO allies": a member-group word right after a one-word institution alias,
/// which makes the pair a speaker phrase for that institution.
pub fn names_members(toks: &[Token], k: usize) -> bool {
    k > 0
        && !toks[k].quoted
        && toks[k].is(Class::MemberGroup)
        && institution_alias(toks[k - 1].lower.as_ref()).is_some()
}

/// Whether some institution alias is `phrase` or begins with it and a space: a scan that has
/// read `phrase` may find an alias by reading on.
pub(super) fn may_begin_institution_alias(phrase: &str) -> bool {
    static PREFIXES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
        crate::lexicon::INSTITUTIONS
            .iter()
            .flat_map(|&(alias, _)| {
                let cuts = alias.match_indices(' ').map(|(at, _)| at);
                cuts.chain([alias.len()]).map(move |at| &alias[..at])
            })
            .collect()
    });
    PREFIXES.contains(phrase)
}

/// The canonical institution (not a country) an exact lowercase alias names.
pub(super) fn institution_alias(phrase: &str) -> Option<&'static str> {
    static BY_ALIAS: LazyLock<HashMap<&'static str, &'static str>> =
        LazyLock::new(|| crate::lexicon::INSTITUTIONS.iter().copied().collect());
    BY_ALIAS.get(phrase).copied()
}

/// "NATO leaders", "EU foreign ministers", "the NATO communiqué": a group or a document headed
/// by a plural role or a document noun, modified by an institution, is that institution.
fn institution_modifier(np: &[Token]) -> Option<String> {
    let words: Vec<&str> = np
        .iter()
        .map(|t| t.base())
        .filter(|w| !lexicon::is(Class::InstitutionDeterminer, w))
        .collect();
    (1..words.len())
        .rev()
        .find_map(|n| institution_alias(&words[..n].join(" ")))
        .map(str::to_string)
}

/// "Labor Department officials", "Justice Ministry staff": a capitalised institution name of
/// two words or more, ending in an institution head, before the group or document noun.
fn proper_institution_modifier(text: &str, np: &[Token]) -> Option<String> {
    let head = np.iter().rposition(|t| !t.is(Class::PhraseHeadBreak))?;
    let name: Vec<&Token> = np[..head]
        .iter()
        .skip_while(|t| lexicon::is(Class::InstitutionDeterminer, t.base()))
        .collect();
    let proper = name.len() >= 2
        && name.iter().all(|t| t.is_capitalized())
        && name.last().is_some_and(|t| t.is(Class::OrgHead));
    proper.then(|| {
        let words: Vec<&str> = name.iter().map(|t| clean_word(text, t)).collect();
        format!("the {}", words.join(" "))
    })
}

/// A document noun heading the phrase, with no owner written.
fn is_document_head(np: &[Token]) -> bool {
    role_head(np).is_some_and(|h| lexicon::is(Class::DocumentNoun, h))
        && !np.iter().any(|t| t.is_possessive() || t.lower == "of")
}

/// An institution from the lexicon: the longest alias that ends the (lowercase) phrase.
/// `Some(Some(name))` for an alias, `Some(None)` when the phrase only ends with one
/// ("Ukraine's Foreign Ministry"): the caller keeps the phrase as written.
pub fn organization(bare: &str) -> Option<Option<String>> {
    // Every alias by itself; of one alias listed twice the last counts (as the longest-match
    // choice over the list always took the last of equals).
    static BY_ALIAS: LazyLock<HashMap<&'static str, &'static str>> =
        LazyLock::new(|| ORGANIZATIONS.iter().copied().collect());
    // The alias is the phrase or its last words: "... foreign ministry"; longest first.
    word_suffixes(bare)
        .find_map(|tail| BY_ALIAS.get(tail).map(|name| (tail, *name)))
        .map(|(alias, name)| (bare == alias).then(|| name.to_string()))
}

/// The phrase and each of its ends after a space, longest first: the strings it is, or ends
/// with after a space.
fn word_suffixes(phrase: &str) -> impl Iterator<Item = &str> {
    std::iter::once(phrase).chain(
        phrase
            .match_indices(' ')
            .map(move |(j, _)| &phrase[j + 1..]),
    )
}

/// Outlet names by their lowercase form; of names that lowercase alike, the greatest.
static OUTLETS_LOWER: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut by_lower: HashMap<String, &'static str> = HashMap::default();
    for o in OUTLETS.iter() {
        let e = by_lower.entry(o.to_lowercase()).or_insert(o);
        if *o > *e {
            *e = o;
        }
    }
    by_lower
});

/// The phrase is a listed outlet's name, in any case ("The Kyiv Independent").
pub fn is_outlet_name(phrase: &str) -> bool {
    OUTLETS_LOWER.contains_key(&crate::document::to_lowercase(phrase.trim()))
}

/// Most words of an outlet's name ("The Wall Street Journal").
const OUTLET_WORDS: usize = 5;

/// "The Times said": the first token of a capitalised outlet name from the list ending right
/// before `end`, though its words may be common ones that no name run takes in.
pub fn outlet_start(text: &str, toks: &[Token], end: usize) -> Option<usize> {
    (1..=OUTLET_WORDS.min(end))
        .rev()
        .map(|n| end - n)
        .find(|&start| {
            let words = &toks[start..end];
            let capitalised = words
                .iter()
                .all(|t| t.is_word && !t.quoted && t.is_capitalized());
            capitalised
                && OUTLETS_LOWER.contains_key(&crate::document::to_lowercase(span(text, words)))
        })
}

/// A phrase as the article writes it, with a leading "The" lowercased.
fn as_written(text: &str, np: &[Token]) -> String {
    let s = join(text, np);
    s.strip_prefix("The ")
        .map(|r| format!("the {r}"))
        .unwrap_or(s)
}

/// "the Ukrainian Foreign Ministry", "Ukraine's government": a phrase headed by an
/// institution noun, kept as written.
fn generic_org(text: &str, np: &[Token]) -> Option<Mention> {
    let head = role_head(np)?;
    if !lexicon::is(Class::OrgHead, head) || np.len() < 2 {
        return None;
    }
    let has_proper = np.iter().any(|t| t.is_capitalized() && t.lower != "the");
    has_proper.then(|| Mention::Organization(as_written(text, np)))
}
