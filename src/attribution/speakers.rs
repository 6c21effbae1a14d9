//! Speakers: reading a subject noun phrase as a name with a title, an institution, a pronoun
//! or a nominal ("the Ukrainian leader"), and resolving it against an article-level registry
//! of the people the article names.

use super::tokens::{tokenize, Token};
use crate::claim::SpeakerKind;
use crate::lexicon::{entries, NOT_NAME_WORDS, ORGANIZATIONS, OUTLETS, TITLE_WORDS};
use crate::sentences::Paragraph;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Fullest name.
    pub name: String,
    /// Title or role.
    pub title: Option<String>,
    /// Person or organization.
    pub kind: SpeakerKind,
}

/// A person the article names.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    /// Every title written beside the name, first first.
    titles: Vec<String>,
    /// Byte offsets of the mentions, ascending.
    mentions: Vec<usize>,
}

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
    /// A document with no owner written ("the summit declaration", "the communiqué"): its
    /// author is the institution the text last names.
    Document,
}

const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "al", "bin", "da", "di", "le", "la", "du", "del", "ter",
];
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];
const TEAM_NOUNS: &[&str] = &[
    "team",
    "office",
    "administration",
    "government",
    "camp",
    "aides",
    "staff",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press service",
    "ministry",
    "party",
    "campaign",
];
const DOCUMENT_NOUNS: &[&str] = &[
    "declaration",
    "communique",
    "communiqué",
    "letter",
    "statement",
    "post",
    "message",
    "tweet",
    "article",
    "op-ed",
    "speech",
    "address",
    "decree",
    "interview",
    "remarks",
    "comments",
    "words",
    "note",
    "memo",
    "appeal",
];
const MEDIA_NOUNS: &[&str] = &[
    "publication",
    "newspaper",
    "outlet",
    "agency",
    "broadcaster",
    "paper",
    "magazine",
    "news agency",
    "channel",
    "website",
];
const GENERIC_ORG_HEADS: &[&str] = &[
    "ministry",
    "government",
    "office",
    "embassy",
    "department",
    "council",
    "commission",
    "parliament",
    "committee",
    "agency",
    "service",
    "army",
    "military",
    "administration",
    "cabinet",
    "kremlin",
    "alliance",
    "bloc",
    "presidency",
    "secretariat",
    "mission",
    "delegation",
    "headquarters",
    "command",
    "staff",
];

/// Every outlet name as one alternation, longest first, on word boundaries.
static OUTLET_RE: LazyLock<regex::Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = OUTLETS.iter().copied().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alts: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
    regex::Regex::new(&format!(r"\b(?:{})\b", alts.join("|"))).expect("outlet names compile")
});

static NOMINALS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    let mut v: Vec<(&str, Vec<&str>)> = entries(include_str!("../lexicon/nominals.txt"))
        .filter_map(|l| {
            let (head, titles) = l.split_once('=')?;
            Some((head.trim(), titles.split(',').map(str::trim).collect()))
        })
        .collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
    v
});

/// A capitalised word that can be part of a person's name.
pub fn is_name_word(text: &str, t: &Token) -> bool {
    !is_number_word(t.base())
        && t.is_word
        && t.is_capitalized(text)
        && !NOT_NAME_WORDS.contains(t.base())
        && !crate::lexicon::is_title(t.base())
        && !crate::lexicon::STOPWORDS.contains(t.base())
        && !t.lower.chars().all(|c| c.is_ascii_digit())
        && t.base().chars().any(char::is_alphabetic)
        && (t.base().chars().filter(|c| c.is_alphabetic()).count() >= 2 || is_initial(t))
}

/// "Sixty-two", "Twenty": numbers written out.
fn is_number_word(w: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
    ];
    w.split('-')
        .next()
        .is_some_and(|head| NUMBERS.contains(&head))
}

/// A middle initial: "H." in "Marc H. Morial".
fn is_initial(t: &Token) -> bool {
    let b = t.lower.as_bytes();
    b.len() == 2 && b[0].is_ascii_alphabetic() && b[1] == b'.'
}

fn is_particle(t: &Token) -> bool {
    PARTICLES.contains(&t.lower.as_str())
}

/// A spelling-insensitive key for a surname: Zelensky, Zelenskiy, Zelenskyy and Zelenskyi
/// share one; so do Sybiga and Sybiha.
pub fn name_key(surname: &str) -> String {
    let mut s: String = surname
        .to_lowercase()
        .chars()
        .map(fold_accent)
        .filter(|c| c.is_alphanumeric())
        .collect();
    for end in ["yy", "iy", "yi", "ij", "ii", "ei"] {
        if let Some(stem) = s.strip_suffix(end) {
            s = format!("{stem}y");
            break;
        }
    }
    s.replace('h', "g")
        .replace("kg", "k")
        .replace("zg", "z")
        .replace("sg", "s")
        .replace("cg", "c")
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' | 'č' | 'ć' => 'c',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ñ' | 'ń' => 'n',
        'ł' => 'l',
        'ř' => 'r',
        'ý' => 'y',
        _ => c,
    }
}

/// The article's people, with their fullest names and titles.
#[derive(Debug, Default)]
pub struct Registry {
    people: Vec<Person>,
    /// People by surname key; several when first names differ ("Joe Biden", "Hunter Biden").
    by_key: HashMap<String, Vec<usize>>,
    outlets: Vec<(usize, String)>,
    /// Institutions named in the body as (offset, canonical name), in text order.
    institutions: Vec<(usize, String)>,
    /// Every person mention as (offset, person index), in text order.
    index: Vec<(usize, usize)>,
    /// Words the article writes in lowercase somewhere.
    lowercase_words: std::collections::HashSet<String>,
}

/// Longest name run registered from a headline or caption.
const HEADLINE_NAME_WORDS: usize = 3;

/// How many of the latest speakers a nominal looks at before the other people named.
const RECENT_SPEAKERS: usize = 2;

/// How many of the latest person mentions a nominal ("the minister") may refer back to.
const NOMINAL_LOOKBACK: usize = 400;

impl Registry {
    /// Scan every body sentence, and the headlines and captions in `extra`, for personal names
    /// with their titles, and for outlet names.
    /// `tokens` holds the tokens of every sentence, by paragraph then sentence.
    pub fn build(
        text: &str,
        paragraphs: &[Paragraph],
        tokens: &[Vec<Vec<Token>>],
        extra: &[Range<usize>],
    ) -> Registry {
        let mut reg = Registry {
            lowercase_words: text
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
                .map(str::to_string)
                .collect(),
            ..Registry::default()
        };
        for r in extra {
            let toks = tokenize(text, r.clone(), &[]);
            reg.scan_sentence(text, &toks, HEADLINE_NAME_WORDS);
        }
        for (p, sentence_tokens) in paragraphs.iter().zip(tokens) {
            for (s, toks) in p.sentences.iter().zip(sentence_tokens) {
                reg.scan_sentence(text, toks, usize::MAX);
                reg.scan_outlets(s.start, &text[s.clone()]);
                reg.scan_institutions(toks);
            }
        }
        reg.index = reg
            .people
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.mentions.iter().map(move |&m| (m, i)))
            .collect();
        reg.index.sort_unstable();
        reg
    }

    /// Register the names of one sentence; runs longer than `max_words` are skipped (a
    /// Title-Case Headline Runs Words Together).
    fn scan_sentence(&mut self, text: &str, toks: &[Token], max_words: usize) {
        let mut i = 0;
        while i < toks.len() {
            let run = name_run(text, toks, i);
            if run.is_empty() {
                i += 1;
                continue;
            }
            if run.len() > max_words {
                i = run.end;
                continue;
            }
            let mut words: Vec<&str> = run.clone().map(|k| clean_word(text, &toks[k])).collect();
            // "Rival Hillary Clinton ..." opening a sentence: a word the article also writes in
            // lowercase is a common word, not a first name.
            if run.start == 0 && words.len() >= 3 && self.lowercase_words.contains(&toks[0].lower) {
                words.remove(0);
            }
            let title = title_before(text, toks, run.start)
                .or_else(|| apposition_after(text, toks, run.end))
                .or_else(|| title_before_comma(text, toks, run.start));
            self.add(&words, title, toks[run.start].range.start);
            i = run.end;
        }
    }

    fn add(&mut self, words: &[&str], title: Option<String>, pos: usize) {
        let Some(last) = words.last() else { return };
        let key = name_key(last);
        let name = words.join(" ");
        match self.same_person(&key, &name) {
            Some(idx) => {
                let p = &mut self.people[idx];
                if words.len() > p.name.split_whitespace().count() {
                    p.name = name;
                }
                if let Some(t) = title {
                    if !p.titles.contains(&t) {
                        p.titles.push(t);
                    }
                }
                p.mentions.push(pos);
            }
            None if words.len() < 2 => {} // a lone capitalised word is not yet known to be a name
            None => {
                self.by_key.entry(key).or_default().push(self.people.len());
                self.people.push(Person {
                    name,
                    titles: title.into_iter().collect(),
                    mentions: vec![pos],
                });
            }
        }
    }

    /// The registered person a name form refers to: one whose name is compatible, the most
    /// mentioned first (a surname alone means the one the article names most).
    fn same_person(&self, key: &str, name: &str) -> Option<usize> {
        self.by_key
            .get(key)?
            .iter()
            .copied()
            .filter(|&i| compatible_first_names(name, &self.people[i].name))
            .max_by_key(|&i| (self.people[i].mentions.len(), std::cmp::Reverse(i)))
    }

    /// Every person mention as (byte offset, full name), in text order.
    pub fn mentions(&self) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = self
            .people
            .iter()
            .flat_map(|p| p.mentions.iter().map(|&m| (m, p.name.clone())))
            .collect();
        out.sort();
        out
    }

    /// Institutions the sentence names by a lexicon alias ("NATO", "the alliance").
    fn scan_institutions(&mut self, toks: &[Token]) {
        for i in 0..toks.len() {
            let found = (1..=INSTITUTION_WORDS).rev().find_map(|n| {
                let words = toks.get(i..i + n)?;
                let phrase: Vec<&str> = words.iter().map(|t| t.lower.as_str()).collect();
                institution_alias(&phrase.join(" "))
            });
            if let Some(name) = found {
                self.institutions
                    .push((toks[i].range.start, name.to_string()));
            }
        }
    }

    fn scan_outlets(&mut self, start: usize, sentence: &str) {
        for m in OUTLET_RE.find_iter(sentence) {
            self.outlets
                .push((start + m.start(), m.as_str().to_string()));
        }
    }

    /// True when the article names a person with this surname.
    pub fn knows(&self, surname: &str) -> bool {
        self.person(surname).is_some()
    }

    /// The person registered under this surname, if any.
    fn person(&self, surname: &str) -> Option<&Person> {
        self.same_person(&name_key(surname), surname)
            .map(|i| &self.people[i])
    }

    /// Resolve a mention written at byte `pos`; `recent` lists earlier speakers, latest last.
    pub fn resolve(
        &self,
        mention: &Mention,
        pos: usize,
        recent: &[(usize, Resolved)],
    ) -> Option<Resolved> {
        match mention {
            Mention::Name { name, title } => Some(self.resolve_name(name, title.clone())),
            Mention::Related { owner, noun } => {
                let owner = self.resolve(owner, pos, recent)?;
                if DOCUMENT_NOUNS.contains(&noun.as_str()) {
                    Some(owner)
                } else {
                    Some(Resolved {
                        name: format!("{}'s {}", owner.name, noun),
                        title: None,
                        kind: SpeakerKind::Organization,
                    })
                }
            }
            Mention::Organization(name) => Some(Resolved {
                name: name.clone(),
                title: None,
                kind: SpeakerKind::Organization,
            }),
            Mention::Pronoun(p) => {
                resolve_pronoun(p, recent).or_else(|| self.latest_person(p, pos))
            }
            Mention::Nominal(phrase) => self.resolve_nominal(phrase, pos, recent),
            Mention::Document => recent
                .iter()
                .rev()
                .find(|(_, r)| r.kind == SpeakerKind::Organization)
                .map(|(_, r)| r.clone())
                .or_else(|| {
                    let (_, name) = self.institutions.iter().rev().find(|(at, _)| *at < pos)?;
                    Some(Resolved {
                        name: name.clone(),
                        title: None,
                        kind: SpeakerKind::Organization,
                    })
                }),
            Mention::Media => self
                .outlets
                .iter()
                .rev()
                .find(|(at, _)| *at < pos)
                .map(|(_, o)| Resolved {
                    name: o.clone(),
                    title: None,
                    kind: SpeakerKind::Organization,
                }),
        }
    }

    fn resolve_name(&self, name: &str, title: Option<String>) -> Resolved {
        let surname = name.split_whitespace().last().unwrap_or(name);
        match self
            .same_person(&name_key(surname), name)
            .map(|i| &self.people[i])
        {
            Some(p) => Resolved {
                name: p.name.clone(),
                title: title
                    .filter(|t| !is_honorific_only(t))
                    .or_else(|| p.titles.first().cloned()),
                kind: SpeakerKind::Person,
            },
            _ => Resolved {
                name: name.to_string(),
                title,
                kind: SpeakerKind::Person,
            },
        }
    }

    /// "he"/"she" with no earlier speaker: the person named last before `pos`, of a fitting
    /// gender. "it", "they", "we" and "i" are left alone.
    fn latest_person(&self, pronoun: &str, pos: usize) -> Option<Resolved> {
        if !matches!(pronoun, "he" | "she") {
            return None;
        }
        let before = self.index.partition_point(|(m, _)| *m < pos);
        self.index[..before].iter().rev().find_map(|&(_, i)| {
            let p = &self.people[i];
            let r = Resolved {
                name: p.name.clone(),
                title: p.titles.first().cloned(),
                kind: SpeakerKind::Person,
            };
            let female = is_female(&r);
            let fits = if pronoun == "she" {
                female != Some(false)
            } else {
                female != Some(true)
            };
            fits.then_some(r)
        })
    }

    /// "the Ukrainian leader" → the person whose titles fit the phrase best (by the nominal
    /// lexicon and by shared words), the most recently mentioned on a tie.
    fn resolve_nominal(
        &self,
        phrase: &str,
        pos: usize,
        recent: &[(usize, Resolved)],
    ) -> Option<Resolved> {
        // The latest speakers come first: "the head of state said" right after the president
        // spoke means him, even if another president was named since.
        let speaker = recent
            .iter()
            .rev()
            .take(RECENT_SPEAKERS)
            .find_map(|(_, r)| {
                let i = self.same_person(&name_key(r.name.split_whitespace().last()?), &r.name)?;
                let p = &self.people[i];
                p.titles
                    .iter()
                    .any(|t| title_fit(phrase, t).is_some())
                    .then(|| Resolved {
                        name: p.name.clone(),
                        title: p.titles.first().cloned(),
                        kind: SpeakerKind::Person,
                    })
            });
        if speaker.is_some() {
            return speaker;
        }
        let before = self.index.partition_point(|(m, _)| *m < pos);
        let mut seen = std::collections::HashSet::new();
        let best = self.index[..before]
            .iter()
            .rev()
            .take(NOMINAL_LOOKBACK)
            .filter(|(_, i)| seen.insert(*i))
            .filter_map(|&(last, i)| {
                let p = &self.people[i];
                let fit = p.titles.iter().filter_map(|t| title_fit(phrase, t)).max()?;
                Some((fit, last, p))
            })
            .max_by_key(|(fit, last, _)| (fit.strong_words(), *last))
            .map(|(_, _, p)| Resolved {
                name: p.name.clone(),
                title: p.titles.first().cloned(),
                kind: SpeakerKind::Person,
            });
        best.or_else(|| {
            recent
                .iter()
                .rev()
                .take(NOMINAL_LOOKBACK)
                .find(|(_, r)| {
                    r.kind == SpeakerKind::Person
                        && r.title
                            .as_deref()
                            .is_some_and(|t| title_fit(phrase, t).is_some())
                })
                .map(|(_, r)| r.clone())
        })
    }
}

/// "Mr.", "Sen.": a title that only says how the person is addressed.
fn is_honorific_only(title: &str) -> bool {
    let t = title.trim().to_lowercase();
    crate::lexicon::is(crate::lexicon::Class::Honorific, t.trim_end_matches('.'))
}

/// How a nominal phrase fits a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Fit {
    /// Content words shared by phrase and title.
    shared: usize,
}

impl Fit {
    /// Shared words count only when there are several: "the head of the Ministry of Foreign
    /// Affairs" against that very title. Otherwise recency decides among fitting titles.
    fn strong_words(self) -> usize {
        if self.shared >= 3 {
            self.shared
        } else {
            0
        }
    }
}

/// Whether a nominal phrase fits a title (by the nominal lexicon, or by two shared words).
fn title_fit(phrase: &str, title: &str) -> Option<Fit> {
    let t = title
        .to_lowercase()
        .replace('-', " ")
        .replace('\u{2019}', "'");
    let lexicon = nominal_titles(phrase)
        .is_some_and(|ws| ws.iter().any(|w| t.contains(&w.replace('-', " "))));
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| w.len() > 2 && !matches!(*w, "the" | "of" | "for" | "and"))
            .map(str::to_string)
            .collect()
    };
    let tw = words(&t);
    let shared = words(&phrase.replace('-', " "))
        .iter()
        .filter(|w| tw.contains(w))
        .count();
    (lexicon || shared >= 2).then_some(Fit { shared })
}

/// Two forms of a name can be one person: a surname alone, a form that ends the other ("De
/// Blasio", "Bill de Blasio"), or first names with the same initial (Oleksii/Oleksiy).
fn compatible_first_names(mention: &str, full: &str) -> bool {
    let m: Vec<String> = mention.split_whitespace().map(str::to_lowercase).collect();
    let f: Vec<String> = full.split_whitespace().map(str::to_lowercase).collect();
    let (short, long) = if m.len() <= f.len() {
        (&m, &f)
    } else {
        (&f, &m)
    };
    m.len() < 2
        || f.len() < 2
        || long.ends_with(short)
        || m[0].chars().next() == f[0].chars().next()
}

fn resolve_pronoun(p: &str, recent: &[(usize, Resolved)]) -> Option<Resolved> {
    if p == "they" || p == "we" || p == "i" {
        return recent.last().map(|(_, r)| r.clone());
    }
    let fits = |r: &Resolved| match p {
        "it" => r.kind == SpeakerKind::Organization,
        "she" => r.kind == SpeakerKind::Person && is_female(r) != Some(false),
        _ => r.kind == SpeakerKind::Person && is_female(r) != Some(true),
    };
    // "she" prefers a person known to be a woman over one of unknown gender.
    let known = (p == "she")
        .then(|| {
            recent
                .iter()
                .rev()
                .find(|(_, r)| is_female(r) == Some(true))
        })
        .flatten();
    let any = recent.iter().rev().find(|(_, r)| fits(r));
    match (known, any) {
        (Some(k), Some(a)) if k.0 + 600 >= a.0 => Some(k.1.clone()),
        (_, a) => a.map(|(_, r)| r.clone()),
    }
}

/// Gender from the first name and the title: Some(true) female, Some(false) male, None unknown.
fn is_female(r: &Resolved) -> Option<bool> {
    if r.kind != SpeakerKind::Person {
        return None;
    }
    let first = r
        .name
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let title = r.title.as_deref().unwrap_or("").to_lowercase();
    let female_title = [
        "mrs",
        "ms.",
        "ms ",
        "madam",
        "woman",
        "chairwoman",
        "spokeswoman",
        "congresswoman",
        "queen",
    ]
    .iter()
    .any(|w| title.contains(w));
    let male_title = [
        "mr.",
        "mr ",
        "sir ",
        "spokesman",
        "chairman",
        "congressman",
        "king ",
    ]
    .iter()
    .any(|w| title.contains(w));
    if female_title || crate::lexicon::FEMALE_NAMES.contains(first.as_str()) {
        Some(true)
    } else if male_title {
        Some(false)
    } else {
        None
    }
}

/// The title words a nominal phrase may refer to: from the nominal lexicon, else its own head
/// word when that is a title word ("the mayor" → mayor).
fn nominal_titles(phrase: &str) -> Option<Vec<&'static str>> {
    let p = phrase.replace(['\u{2019}'], "'");
    if let Some((_, titles)) = NOMINALS
        .iter()
        .find(|(head, _)| p.ends_with(head) || p.contains(&format!("{head} ")))
    {
        return Some(titles.clone());
    }
    let head = p.split_whitespace().last()?;
    TITLE_WORDS.get(head).map(|w| vec![*w])
}

/// Token indices of the personal name starting at `i` (empty when none starts there).
pub fn name_run(text: &str, toks: &[Token], i: usize) -> Range<usize> {
    if toks
        .get(i)
        .is_none_or(|t| !is_name_word(text, t) || t.quoted)
    {
        return i..i;
    }
    let mut end = i + 1;
    while end < toks.len() {
        let t = &toks[end];
        if toks[end - 1].is_possessive() {
            break;
        }
        if (is_name_word(text, t) || continues_name(text, toks, end)) && !t.quoted {
            end += 1;
        } else if is_particle(t) && toks.get(end + 1).is_some_and(|n| is_name_word(text, n)) {
            end += 2;
        } else {
            break;
        }
    }
    i..end
}

/// A word that continues a name begun before it: a suffix ("Jr."), or a capitalised title
/// word used as a surname ("Charlie King", "Mark Chancellor") when no name or "of" follows.
fn continues_name(text: &str, toks: &[Token], k: usize) -> bool {
    use crate::lexicon::{is, Class};
    let t = &toks[k];
    if is(Class::NameSuffix, t.lower.trim_end_matches('.')) {
        return true;
    }
    let surname_like = t.is_word
        && t.is_capitalized(text)
        && is(Class::TitleWord, t.base())
        && !is(Class::Honorific, t.base().trim_end_matches('.'))
        && !NOT_NAME_WORDS.contains(t.base());
    let next_free = toks
        .get(k + 1)
        .is_none_or(|n| !is_name_word(text, n) && n.lower != "of" && !n.is_capitalized(text));
    surname_like && next_free && k > 0 && is_name_word(text, &toks[k - 1])
}

fn clean_word<'a>(text: &'a str, t: &Token) -> &'a str {
    let w = &text[t.range.clone()];
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
}

fn is_title_word(text: &str, t: &Token) -> bool {
    t.is_word
        && (crate::lexicon::is_title(t.base())
            || (t.is_capitalized(text)
                && NOT_NAME_WORDS.contains(t.base())
                && !is_function_word(t)))
}

fn is_function_word(t: &Token) -> bool {
    matches!(
        t.lower.as_str(),
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "it"
            | "its"
            | "his"
            | "her"
            | "their"
            | "in"
            | "on"
            | "at"
            | "after"
            | "before"
            | "but"
            | "and"
            | "or"
            | "however"
            | "meanwhile"
            | "earlier"
            | "later"
            | "also"
            | "then"
            | "now"
            | "today"
            | "yesterday"
            | "when"
            | "while"
            | "if"
            | "as"
            | "according"
    )
}

fn is_connector(t: &Token) -> bool {
    matches!(
        t.lower.as_str(),
        "of" | "the" | "for" | "to" | "on" | "and" | "in"
    ) || t.lower == "-"
}

/// The title written right before a name ("NATO Secretary General" before "Jens Stoltenberg").
pub fn title_before(text: &str, toks: &[Token], name_start: usize) -> Option<String> {
    let mut start = name_start;
    while start > 0 {
        let t = &toks[start - 1];
        let mut back = start - 1;
        while back > 0 && is_connector(&toks[back]) {
            back -= 1;
        }
        if is_title_word(text, t) {
            start -= 1;
        } else if is_connector(t) && back < start - 1 && is_title_word(text, &toks[back]) {
            start = back;
        } else if t.is_word && t.is_possessive() && t.is_capitalized(text) {
            start -= 1; // "Zelensky's chief of staff Andriy Yermak"
        } else {
            break;
        }
    }
    while start < name_start && (is_connector(&toks[start]) || is_function_word(&toks[start])) {
        start += 1;
    }
    let has_title_word = toks[start..name_start]
        .iter()
        .any(|t| crate::lexicon::is_title(t.base()));
    (start < name_start && has_title_word).then(|| join(text, &toks[start..name_start]))
}

/// "the head of the Defence Ministry, Oleksii Reznikov": a title phrase, then a comma, then the name.
fn title_before_comma(text: &str, toks: &[Token], name_start: usize) -> Option<String> {
    if name_start < 2 || toks[name_start - 1].lower != "," {
        return None;
    }
    let comma = name_start - 1;
    let mut start = comma;
    while start > 0 && toks[start - 1].is_word && !toks[start - 1].quoted && start + 14 > comma {
        let t = &toks[start - 1];
        if is_title_word(text, t) || is_connector(t) || t.is_capitalized(text) || t.is_possessive()
        {
            start -= 1;
        } else {
            break;
        }
    }
    while start < comma && (is_connector(&toks[start]) || is_function_word(&toks[start])) {
        start += 1;
    }
    let seg = &toks[start..comma];
    let role = role_head(seg).is_some_and(|h| PERSON_ROLES.contains(&h));
    (role && !seg.is_empty()).then(|| join(text, seg))
}

/// The apposition after a name: ", head of the presidential staff," or ", the deputy head of ...".
pub fn apposition_after(text: &str, toks: &[Token], name_end: usize) -> Option<String> {
    if toks.get(name_end)?.lower != "," {
        return None;
    }
    let start = name_end + 1;
    let mut end = start;
    while end < toks.len() && toks[end].is_word && !is_clause_word(&toks[end]) {
        end += 1;
    }
    let segment = &toks[start..end];
    let first = segment.first()?;
    let opens_title = crate::lexicon::is_title(first.base())
        || (matches!(
            first.lower.as_str(),
            "the" | "a" | "an" | "his" | "her" | "its"
        ) && segment
            .iter()
            .skip(1)
            .take(4)
            .any(|t| crate::lexicon::is_title(t.base())));
    let closes = toks
        .get(end)
        .is_some_and(|t| matches!(t.lower.as_str(), "," | "." | ";" | ")"));
    (opens_title && closes && segment.len() <= 14).then(|| join(text, segment))
}

fn is_clause_word(t: &Token) -> bool {
    matches!(
        t.lower.as_str(),
        "said"
            | "says"
            | "who"
            | "which"
            | "that"
            | "told"
            | "has"
            | "had"
            | "is"
            | "was"
            | "will"
            | "would"
    )
}

/// Source text of a token run.
pub fn join(text: &str, toks: &[Token]) -> String {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => text[a.range.start..b.range.end].to_string(),
        _ => String::new(),
    }
}

/// Read a subject noun phrase (tokens) as a mention. `apposition` is a title found beside it.
pub fn classify(text: &str, np: &[Token], apposition: Option<String>) -> Option<Mention> {
    let np = trim_leading(np);
    let first = np.first()?;
    if np.len() == 1 && PRONOUNS.contains(&first.without_clitic()) {
        return Some(Mention::Pronoun(first.without_clitic().to_string()));
    }
    if let Some(m) = possessed(text, np) {
        return Some(m);
    }
    let phrase = join(text, np).to_lowercase().replace('\u{2019}', "'");
    let lowercase_head = role_head_token(np).is_some_and(|t| !t.capitalized);
    let group_or_document =
        role_head(np).is_some_and(|h| is_plural_role(h) || h == "members") || is_document_head(np);
    if group_or_document && np.len() >= 2 {
        if let Some(org) = institution_modifier(np) {
            return Some(Mention::Organization(org));
        }
    }
    if is_document_head(np) && phrase.starts_with("the ") {
        return Some(Mention::Document);
    }
    let plural_role = role_head(np).is_some_and(is_plural_role);
    if plural_role && (np.len() == 1 || (lowercase_head && named(text, np, None).is_none())) {
        return None; // "the foreign ministers of the alliance": an unnamed group
    }
    if role_head(np).is_some_and(|h| PERSON_ROLES.contains(&h)) && named(text, np, None).is_none() {
        return Some(Mention::Nominal(phrase));
    }
    if let Some(m) = noun_of(text, np) {
        return Some(m);
    }
    if let Some(m) = named(text, np, apposition) {
        return Some(m);
    }
    let bare = phrase.trim_start_matches("the ").trim();
    if let Some(org) = organization(bare) {
        return Some(Mention::Organization(
            org.unwrap_or_else(|| as_written(text, np)),
        ));
    }
    if MEDIA_NOUNS.contains(&bare) {
        return Some(Mention::Media);
    }
    if let Some(o) = OUTLETS.iter().find(|o| o.to_lowercase() == bare) {
        return Some(Mention::Organization(o.to_string()));
    }
    if nominal_titles(&phrase).is_some() && phrase.starts_with("the ") {
        return Some(Mention::Nominal(phrase));
    }
    generic_org(text, np)
}

/// Person-role words that head a nominal mention ("the deputy head of ...").
const PERSON_ROLES: &[&str] = &[
    "head",
    "deputy",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "secretary",
    "secretary-general",
    "ambassador",
    "envoy",
    "leader",
    "director",
    "chairman",
    "chairwoman",
    "adviser",
    "advisor",
    "aide",
    "commander",
    "representative",
    "official",
    "diplomat",
    "chancellor",
    "premier",
];

/// "ministers", "officials", "diplomats": a role in the plural names no one in particular.
fn is_plural_role(head: &str) -> bool {
    if crate::lexicon::is(crate::lexicon::Class::UnnamedGroup, head) {
        return true;
    }
    head.strip_suffix('s')
        .is_some_and(|one| PERSON_ROLES.contains(&one) || crate::lexicon::is_title(one))
        && !head.ends_with("ss")
}

/// The word a phrase is about: the last word before its first "of"/"for"/"to", else its last.
fn role_head(np: &[Token]) -> Option<&str> {
    role_head_token(np).map(Token::base)
}

/// The token `role_head` reads.
fn role_head_token(np: &[Token]) -> Option<&Token> {
    let cut = np
        .iter()
        .position(|t| matches!(t.lower.as_str(), "of" | "for" | "to"))
        .unwrap_or(np.len());
    np[..cut].last()
}

fn trim_leading(np: &[Token]) -> &[Token] {
    let skip = np
        .iter()
        .take_while(|t| {
            matches!(
                t.lower.as_str(),
                "and"
                    | "but"
                    | "then"
                    | "however"
                    | "meanwhile"
                    | "also"
                    | "so"
                    | "yet"
                    | "now"
                    | "later"
                    | "earlier"
                    | "still"
                    | "instead"
            ) || !t.is_word
        })
        .count();
    &np[skip..]
}

/// A person's name (the last name run in the phrase), with the words before it as title.
fn named(text: &str, np: &[Token], apposition: Option<String>) -> Option<Mention> {
    let mut best = None;
    let mut i = 0;
    while i < np.len() {
        let run = name_run(text, np, i);
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
    let name = np[run.clone()]
        .iter()
        .map(|t| clean_word(text, t))
        .collect::<Vec<_>>()
        .join(" ");
    if run.len() == 1 && is_acronym(&name) {
        return Some(Mention::Organization(name)); // "the IMF", "NBC"
    }
    let title = apposition.or_else(|| title_before(text, np, run.start));
    Some(Mention::Name { name, title })
}

fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

/// "Zelensky's team", "the head of state's team", "Sybiga's letter": a possessor and a
/// team or document noun that ends the phrase.
fn possessed(text: &str, np: &[Token]) -> Option<Mention> {
    let p = np.iter().rposition(|t| t.is_possessive())?;
    let noun = np[p + 1..]
        .iter()
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !(TEAM_NOUNS.contains(&noun.as_str()) || DOCUMENT_NOUNS.contains(&noun.as_str())) {
        return None;
    }
    // "the deputy head of Zelensky's office", "the head of the president's office" are about
    // the head, not the office; "the head of state's team" is the team of a head of state.
    let owner_is_name = is_name_word(text, &np[p]);
    let of = np[..p].iter().position(|t| t.lower == "of");
    let after_of_names_owner = of.is_some_and(|o| {
        np.get(o + 1).is_some_and(|t| {
            owner_is_name
                || matches!(
                    t.lower.as_str(),
                    "the" | "a" | "his" | "her" | "its" | "their"
                )
        })
    });
    if after_of_names_owner && role_head(&np[..p]).is_some_and(|h| PERSON_ROLES.contains(&h)) {
        return None;
    }
    let owner = if owner_is_name {
        let start = (0..=p)
            .rev()
            .take_while(|&k| is_name_word(text, &np[k]))
            .last()
            .unwrap_or(p);
        let name = np[start..=p]
            .iter()
            .map(|t| clean_word(text, t))
            .collect::<Vec<_>>()
            .join(" ");
        Mention::Name { name, title: None }
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
    let noun = np[..of]
        .iter()
        .filter(|t| !is_function_word(t))
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !(TEAM_NOUNS.contains(&noun.as_str()) || DOCUMENT_NOUNS.contains(&noun.as_str())) {
        return None;
    }
    let owner = classify(text, &np[of + 1..], None)?;
    Some(Mention::Related {
        owner: Box::new(owner),
        noun,
    })
}

/// Longest institution alias scanned in the body, in words.
const INSTITUTION_WORDS: usize = 4;

/// The canonical institution (not a country) an exact lowercase alias names.
fn institution_alias(phrase: &str) -> Option<&'static str> {
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
        .filter(|w| !matches!(*w, "the" | "a" | "an" | "its" | "their"))
        .collect();
    (1..words.len())
        .rev()
        .find_map(|n| institution_alias(&words[..n].join(" ")))
        .map(str::to_string)
}

/// A document noun heading the phrase, with no owner written.
fn is_document_head(np: &[Token]) -> bool {
    role_head(np).is_some_and(|h| DOCUMENT_NOUNS.contains(&h))
        && !np.iter().any(|t| t.is_possessive() || t.lower == "of")
}

/// An institution from the lexicon: the longest alias that ends the (lowercase) phrase.
/// `Some(Some(name))` for an alias, `Some(None)` when the phrase only ends with one
/// ("Ukraine's Foreign Ministry"): the caller keeps the phrase as written.
pub fn organization(bare: &str) -> Option<Option<String>> {
    ORGANIZATIONS
        .iter()
        .filter(|(alias, _)| bare == *alias || bare.ends_with(&format!(" {alias}")))
        .max_by_key(|(alias, _)| alias.len())
        .map(|(alias, name)| (bare == *alias).then(|| name.to_string()))
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
    if !GENERIC_ORG_HEADS.contains(&head) || np.len() < 2 {
        return None;
    }
    let has_proper = np
        .iter()
        .any(|t| t.is_capitalized(text) && t.lower != "the");
    has_proper.then(|| Mention::Organization(as_written(text, np)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn np(t: &str) -> Option<Mention> {
        let toks = tokenize(t, 0..t.len(), &[]);
        classify(t, &toks, None)
    }

    #[test]
    fn titled_names_split_into_name_and_title() {
        assert_eq!(
            np("NATO Secretary General Jens Stoltenberg"),
            Some(Mention::Name {
                name: "Jens Stoltenberg".into(),
                title: Some("NATO Secretary General".into())
            })
        );
        assert_eq!(
            np("Deputy Head of the Office of the President of Ukraine Igor Zhovkva"),
            Some(Mention::Name {
                name: "Igor Zhovkva".into(),
                title: Some("Deputy Head of the Office of the President of Ukraine".into())
            })
        );
        assert_eq!(
            np("US envoy to NATO Julianne Smith"),
            Some(Mention::Name {
                name: "Julianne Smith".into(),
                title: Some("US envoy to NATO".into())
            })
        );
    }

    #[test]
    fn pronouns_orgs_nominals_and_relations() {
        assert_eq!(np("he"), Some(Mention::Pronoun("he".into())));
        assert_eq!(
            np("the Kremlin"),
            Some(Mention::Organization("the Kremlin".into()))
        );
        assert_eq!(
            np("the Alliance"),
            Some(Mention::Organization("NATO".into()))
        );
        assert_eq!(
            np("The Ukrainian leader"),
            Some(Mention::Nominal("the ukrainian leader".into()))
        );
        let name = |n: &str| {
            Box::new(Mention::Name {
                name: n.into(),
                title: None,
            })
        };
        assert_eq!(
            np("Sybiga's letter"),
            Some(Mention::Related {
                owner: name("Sybiga"),
                noun: "letter".into()
            })
        );
        let zelensky = Box::new(Mention::Name {
            name: "Volodymyr Zelensky".into(),
            title: Some("Ukrainian leader".into()),
        });
        assert_eq!(
            np("The team of Ukrainian leader Volodymyr Zelensky"),
            Some(Mention::Related {
                owner: zelensky,
                noun: "team".into()
            })
        );
        assert_eq!(
            np("The head of state's team"),
            Some(Mention::Related {
                owner: Box::new(Mention::Nominal("the head of state".into())),
                noun: "team".into()
            })
        );
        assert_eq!(
            np("the deputy head of Vladimir Zelensky's office"),
            Some(Mention::Nominal(
                "the deputy head of vladimir zelensky's office".into()
            ))
        );
        assert_eq!(np("The publication"), Some(Mention::Media));
    }

    #[test]
    fn spelling_variants_share_a_key() {
        let k = name_key("Zelensky");
        for v in ["Zelenskiy", "Zelenskyy", "Zelenskyi"] {
            assert_eq!(name_key(v), k);
        }
        assert_eq!(name_key("Sybiga"), name_key("Sybiha"));
    }

    #[test]
    fn registry_resolves_surname_and_nominal() {
        let t = "NATO Secretary General Jens Stoltenberg arrived in the city on a visit. Later that day Stoltenberg spoke to the press.";
        let doc = crate::document::Document::from_text(t);
        let blocks = crate::strip::classify(&doc);
        let paras = crate::sentences::paragraphs(t, &blocks);
        let toks: Vec<Vec<Vec<Token>>> = paras
            .iter()
            .map(|p| {
                p.sentences
                    .iter()
                    .map(|s| tokenize(t, s.clone(), &p.quotes))
                    .collect()
            })
            .collect();
        let reg = Registry::build(t, &paras, &toks, &[]);
        let r = reg
            .resolve(
                &Mention::Name {
                    name: "Stoltenberg".into(),
                    title: None,
                },
                60,
                &[],
            )
            .unwrap();
        assert_eq!(r.name, "Jens Stoltenberg");
        assert_eq!(r.title.as_deref(), Some("NATO Secretary General"));
        let n = reg
            .resolve(&Mention::Nominal("the secretary-general".into()), 60, &[])
            .unwrap();
        assert_eq!(n.name, "Jens Stoltenberg");
    }
}
