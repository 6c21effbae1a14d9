//! The one byline judge: which strings of a byline are people's names.
//!
//! Bylines come two ways: a line of article text ("By Jane Doe and John Roe April 30, 2024",
//! [`from_line`]) and the author strings of a page's metadata ([`from_metadata`]). Both are
//! split into candidate names and judged by [`is_person`] against the same lists: outlets and
//! agencies (lexicon `outlets.txt`), other non-authors (`not_authors.txt`) and roles
//! (`byline_roles.txt`, matched inside words, and `byline_role_words.txt`, whole words).

use crate::dates::{MONTHS_FULL, WEEKDAYS_FULL};
use crate::lexicon::{self, Class};
use regex::Regex;
use regex_automata::meta;
use std::sync::LazyLock;

/// A byline name longer than this many characters is a sentence or a bio, not a name.
const MAX_NAME_CHARS: usize = 60;
/// A byline name of more than this many words is a phrase, not a name.
const MAX_NAME_WORDS: usize = 5;
/// Strings of up to this many letters are initials or codes ("S.", "mf"), not names.
const MAX_LOWER_INITIALS: usize = 2;
/// All-capital strings up to this many letters are agency initials ("AP", "AFP"), not names.
const MAX_INITIALS_LEN: usize = 3;

/// "by", "written by", "Author:" and the capitalised names after it, in a line of text.
///
/// Without the lazy DFA: its states over these nested Unicode repeats cost tens of thousands
/// of instructions each and a byline line makes new ones at nearly every byte, where the
/// backtracker reads the short line in a few thousand (same leftmost-first match).
static BY_NAMES: LazyLock<meta::Regex> = LazyLock::new(|| {
    meta::Regex::builder()
        .configure(meta::Config::new().hybrid(false))
        .build(&by_names_pattern())
        .expect("valid regex")
});
/// The pattern of [`BY_NAMES`]: a label, then names of one to four capitalised words, each
/// word after any name particles ("Pieter van Dam", lexicon `name_particles.txt`).
fn by_names_pattern() -> String {
    let mut particles: Vec<&str> = lexicon::members(Class::NameParticle)
        .iter()
        .copied()
        .collect();
    particles.sort_unstable();
    let particles = particles
        .iter()
        .map(|p| regex::escape(p))
        .collect::<Vec<_>>()
        .join("|");
    // A name opens with a capitalised word; particles come only inside it.
    let first = r"\p{Lu}[\p{L}'\-]*\.?\s*";
    let name = format!(r"{first}(?:(?:(?:{particles})\s+)*{first}){{0,3}}");
    format!(
        r"(?i:^|\s)(?i:by|written by|reporting by|authors?\s*(?::|[\-\x{{2013}}\x{{2014}}]\s))\s*(?:[\-\x{{2013}}\x{{2014}}]\s*)?({name}(?:(?:,|and|&)\s*{name})*)"
    )
}

/// A leading "By" (after up to two words: "Story by", "Posted by") in a metadata author string.
static LEADING_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:[\w-]+\s+){0,2}by[:\s]+").expect("valid regex"));
/// Separators between names in a metadata author string.
static NAME_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\|)\s*").expect("valid regex")
});
/// A leading byline label in any language ("By", "von", "par", "Text:"), lexicon
/// `byline_prefixes.txt`.
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    let mut words: Vec<String> = lexicon::members(Class::BylinePrefix)
        .iter()
        .map(|w| regex::escape(w))
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Regex::new(&format!(r"(?i)^\s*(?:{})(?:\s*:\s*|\s+)", words.join("|"))).expect("valid regex")
});
/// A byline label anywhere in a line, after a word boundary ("Posted on May 2 by ...").
static INNER_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    let mut words: Vec<String> = lexicon::members(Class::BylinePrefix)
        .iter()
        .map(|w| regex::escape(w))
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Regex::new(&format!(
        r"(?i)(?:^|[\s|•·,(])(?:{})(?:\s*:\s*|\s+)",
        words.join("|")
    ))
    .expect("valid regex")
});
/// A desk code ("dpa/lno"), a user name ("jane.doe", "jdoe_12") or an e-mail: not a person.
static HANDLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/|\p{Ll}\.\p{Ll}|_|@").expect("valid regex"));
/// A URL, a domain or an e-mail address.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:^(?:https?://|www\.)|\.(?:com|org|net)\b)|\p{L}{2}\.[a-z]{2,4}\b|@")
        .expect("valid regex")
});
/// An agency credit after a name and everything after it ("Tom Krisher AP Auto Writer").
static AGENCY_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    let mut outlets: Vec<String> = lexicon::members(Class::Outlet)
        .iter()
        .map(|o| regex::escape(&o.to_lowercase()))
        .collect();
    outlets.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    Regex::new(&format!(
        r"(?i)\s+(?:the\s+)?(?:{})\b.*$",
        outlets.join("|")
    ))
    .expect("valid regex")
});

/// A byline line without its leading label ("Von Jane Doe" → "Jane Doe").
pub fn strip_prefix(s: &str) -> &str {
    PREFIX.find(s).map_or(s, |m| &s[m.end()..]).trim()
}

/// The text after the first byline label that has at most `reach` words (dashes and bullets
/// are no words) before it
/// ("Blog post by Jane Doe" → "Jane Doe" with a reach of 2 or more).
pub fn after_label(s: &str, reach: usize) -> Option<&str> {
    let m = INNER_PREFIX.find(s)?;
    let words_before = s[..m.start()]
        .split_whitespace()
        .filter(|w| w.contains(char::is_alphabetic))
        .count();
    (words_before <= reach).then(|| s[m.end()..].trim())
}

/// A month, weekday or date label ("February", "Mai", "Monday", "Date", "Published").
pub fn is_date_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    let lower = lower.trim_end_matches([',', '.', ':']);
    super::pubdate::month_number(lower).is_some()
        || crate::dates::is_weekday_word(lower)
        || lexicon::is(Class::DateLabel, lower)
}

/// A date label ("Published", "Publiziert", "Date").
pub fn is_date_label(w: &str) -> bool {
    let lower = w.to_lowercase();
    lexicon::is(Class::DateLabel, lower.trim_end_matches([',', '.', ':']))
}

/// Is this label ("Written by:") one that only ever introduces an author?
pub fn is_explicit_label(label: &str) -> bool {
    let l = label.trim().trim_end_matches(':').trim().to_lowercase();
    lexicon::is(Class::ExplicitBylineLabel, &l)
}

/// Is the whole string a byline label ("Von", "Text")?
pub fn is_prefix(s: &str) -> bool {
    lexicon::is(Class::BylinePrefix, &s.to_lowercase())
}

/// Does a name look written as a name: every word capitalised, or a lowercase particle
/// ("von", "de", "van der")?
pub fn looks_like_name(name: &str) -> bool {
    name.split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()) || lexicon::is(Class::NameParticle, w))
}

/// A name written in capitals ("LORNE COOK") as people write it ("Lorne Cook"); other names
/// as they are.
pub fn name_case(name: &str) -> String {
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    if letters().count() <= MAX_INITIALS_LEN || letters().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            let mut out = String::new();
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = !c.is_alphabetic();
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The people named in a byline line of text ("by Jane Doe and John Roe April 30, 2024").
/// Only full names count: the line is free text, so a single capitalised word is not trusted.
pub fn from_line(s: &str) -> Vec<String> {
    // A label in another language ("di Giulia Ferraresi", "von Jane Doe") reads as "by"; a
    // line in capitals joins its names with a capital "AND".
    let s = match PREFIX.find(s) {
        Some(m) => format!("by {}", &s[m.end()..]),
        None => s.to_string(),
    }
    .replace(" AND ", " and ");
    let s = s.as_str();
    let mut caps = BY_NAMES.create_captures();
    BY_NAMES.captures(s, &mut caps);
    let Some(names) = caps.get_group(1) else {
        return Vec::new();
    };
    s[names.range()]
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(trim_date)
        // "By Jane Doe, Senior Researcher": the role after the name is no second author.
        .filter(|n| n.split_whitespace().count() >= 2 && is_person(n) && !is_author_role(n))
        .collect()
}

/// A full name: two or three capitalised words, after an optional "Dr."/"Prof.".
const FULL_NAME: &str = r"(?:(?:Dr|Prof)\.?\s+)?(\p{Lu}[\p{L}'\-]+(?:\s+\p{Lu}[\p{L}'\-]+){1,2})";

/// One credited name in a credit line: "Jane Doe", "Jane Doe in Kyiv", "Dr. Jane Doe".
///
/// Without the lazy DFA (as [`BY_NAMES`]): it reads a few short segments per article, and its
/// reverse automaton, with the Unicode letter classes, cost more to build than every search.
static CREDIT_NAME: LazyLock<meta::Regex> = LazyLock::new(|| {
    let place = r"(?:\s+in\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)?";
    meta::Regex::builder()
        .configure(meta::Config::new().hybrid(false))
        .build(&format!(r"^\s*{FULL_NAME}{place}\s*$"))
        .expect("valid regex")
});

/// A short parenthesis in a credit line ("Jane Doe (now) and John Roe (earlier)").
static CREDIT_ASIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\([^()]{1,20}\)").expect("valid regex"));

/// Most names a credit line of names alone holds.
const CREDIT_MAX_NAMES: usize = 4;

/// The people credited on a line between a title and the first paragraph: after a short
/// label ending in "by" ("Interview by Jane Doe"), or names alone, joined by commas or "and",
/// each with an optional place ("Jane Doe in Kyiv and John Roe in Moscow", "Jane Doe, John
/// Roe") and the whole with an optional role after a comma ("Jane Doe, Senior Fellow, ..."). A
/// role must read as one (editor, correspondent, fellow ...).
pub fn from_credit_line(s: &str) -> Vec<String> {
    let s = s.trim();
    if let Some((label, rest)) = s.split_once(" by ") {
        let known = lexicon::is(Class::CreditLabel, &label.trim().to_lowercase());
        return if known {
            from_line(&format!("by {rest}"))
        } else {
            Vec::new()
        };
    }
    let s = CREDIT_ASIDE.replace_all(s, "");
    let mut names = Vec::new();
    // How each name after the first was joined: true for " and ", false for a comma.
    let mut joins = Vec::new();
    let mut rest = s.as_ref();
    let mut joined_by_and = false;
    while names.len() < CREDIT_MAX_NAMES {
        let (head, tail, and) = split_credit(rest);
        if is_author_role(head) {
            break;
        }
        let Some(name) = credit_name(head) else { break };
        if !names.is_empty() {
            joins.push(joined_by_and);
        }
        names.push(head[name].to_string());
        rest = tail;
        joined_by_and = and;
        if rest.is_empty() {
            break;
        }
    }
    // What follows the names is a role, or nothing; names are joined by "and", or by commas
    // before a last "and" ("A, B and C"): "Jane Doe, New York" is no list of two.
    let role_ok = rest.is_empty() || is_author_role(rest);
    let listed = joins.last().is_none_or(|&and| and) && joins.iter().rev().skip(1).all(|&a| !a);
    if names.is_empty()
        || !role_ok
        || !listed
        || !names.iter().all(|n| is_person(n) && has_only_name_words(n))
    {
        return Vec::new();
    }
    names
}

/// Where the one credited name of a segment stands in it ("Dr. Jane Doe in Kyiv" -> "Jane Doe").
fn credit_name(segment: &str) -> Option<std::ops::Range<usize>> {
    let mut c = CREDIT_NAME.create_captures();
    CREDIT_NAME.captures(segment, &mut c);
    c.get_group(1).map(|m| m.range())
}

/// "Jane Doe, John Roe": two to four full names joined by commas alone, and nothing else.
pub fn comma_credit_names(s: &str) -> Vec<String> {
    let s = CREDIT_ASIDE.replace_all(s.trim(), "");
    let names: Vec<String> = s.split(',').map(|n| n.trim().to_string()).collect();
    let single = |n: &String| credit_name(n) == Some(0..n.len());
    let ok = (2..=CREDIT_MAX_NAMES).contains(&names.len())
        && names
            .iter()
            .all(|n| single(n) && is_person(n) && has_only_name_words(n));
    if ok {
        names
    } else {
        Vec::new()
    }
}

/// Does a line hold a byline label anywhere ("Reporting by Jane Doe", "Von Jane Doe")?
pub fn has_label(line: &str) -> bool {
    INNER_PREFIX.is_match(line)
}

/// The first segment of a credit line, the rest, and whether " and " (not a comma) split them.
fn split_credit(s: &str) -> (&str, &str, bool) {
    let comma = s.find(',').map(|i| (i, i + 1, false));
    let and = s.find(" and ").map(|i| (i, i + " and ".len(), true));
    match [comma, and].into_iter().flatten().min() {
        Some((end, next, by_and)) => (&s[..end], s[next..].trim_start(), by_and),
        None => (s, "", false),
    }
}

/// No word of the name is a common word that a headline would hold ("Allies Hesitate Again").
fn has_only_name_words(name: &str) -> bool {
    name.split_whitespace()
        .all(|w| !lexicon::is_common_word(&w.to_lowercase()))
}

/// Does a credit's tail name an author's role ("Diplomatic Editor", "Senior Fellow, ...")?
fn is_author_role(tail: &str) -> bool {
    tail.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| lexicon::is(Class::BylineRole, w) || lexicon::is(Class::AuthorRole, w))
}

/// The people named in a page's author strings (already free of HTML entities): "By" removed,
/// split on separators, agency credits cut, non-people and the outlet itself dropped, each
/// name once.
pub fn from_metadata(raw: &[String], outlet: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in raw {
        let r = LEADING_BY.replace(r.trim(), "");
        let r = strip_prefix(&r);
        let parts: Vec<&str> = NAME_SEPARATOR.split(r).collect();
        // In a list, a lone word is a place, a section or half of "Doe, Jane", not an author;
        // a part with a colon is a role label ("Illustration: ...").
        let list = parts.len() > 1;
        for part in parts {
            if part.contains(':') || (list && part.split_whitespace().count() == 1) {
                continue;
            }
            let name = crate::document::fold_ws(
                part.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'),
            );
            let name = name_case(AGENCY_TAIL.replace(&name, "").trim());
            if is_person(&name)
                && !HANDLE.is_match(&name)
                && !same_organisation(&name, outlet)
                && !out.iter().any(|o| o.eq_ignore_ascii_case(&name))
            {
                out.push(name);
            }
        }
    }
    out
}

/// The judge: is this a person's name, not an outlet or agency, a placeholder ("Staff",
/// "Admin"), a role or desk ("Staff Writer", "News Desk"), a URL or a date?
pub fn is_person(name: &str) -> bool {
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS || URL.is_match(name) {
        return false;
    }
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_phrase = |o: &str| {
        let o: Vec<&str> = o.split_whitespace().collect();
        words.windows(o.len()).any(|w| w == o.as_slice())
    };
    let credit = lexicon::members(Class::Outlet)
        .iter()
        .any(|o| has_phrase(&o.to_lowercase()))
        || lexicon::is(Class::NotAuthor, &lower)
        || words.iter().any(|w| lexicon::is(Class::BylineRoleWord, w))
        || lexicon::members(Class::BylineRole)
            .iter()
            .any(|r| lower.contains(r));
    if credit || lower.split_whitespace().count() > MAX_NAME_WORDS {
        return false;
    }
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let label = words.len() == 1
        && (lexicon::is(Class::BylinePrefix, &lower) || lexicon::is(Class::NameParticle, &lower));
    if letters <= MAX_LOWER_INITIALS || label {
        return false;
    }
    let initials = name.len() <= MAX_INITIALS_LEN && name.chars().all(|c| c.is_ascii_uppercase());
    // Digits belong only in a one-word pen name that starts with a letter ("freeman1984").
    let handle = !name.contains(char::is_whitespace) && name.starts_with(char::is_alphabetic);
    let digits = name.chars().any(|c| c.is_ascii_digit());
    !initials && (!digits || handle) && name.chars().any(char::is_alphabetic)
}

/// Is the "name" really the outlet (e.g. "CNN Business" for outlet "CNN")?
fn same_organisation(name: &str, outlet: &str) -> bool {
    let (n, o) = (alnum_lower(name), alnum_lower(outlet));
    !n.is_empty() && !o.is_empty() && (n.starts_with(&o) || o.starts_with(&n))
}

/// Letters and digits only, lowercase: "The Kyiv Independent" → "thekyivindependent".
pub fn alnum_lower(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Trim a byline name of trailing date words ("Kateryna Hodunova April" → "Kateryna Hodunova").
fn trim_date(s: &str) -> String {
    let all: Vec<&str> = s.split_whitespace().collect();
    // A month or weekday ends the name only when a number follows or it is last ("Jan Cienski").
    let date_word = |i: usize| {
        is_month_or_weekday(all[i])
            && all.get(i + 1).is_none_or(|n| {
                n.starts_with(|c: char| c.is_ascii_digit()) || is_month_or_weekday(n)
            })
            && i > 0
    };
    let end = (0..all.len()).find(|&i| date_word(i)).unwrap_or(all.len());
    let words = &all[..end];
    words.join(" ").trim_end_matches('.').to_string()
}

/// A capitalised month or weekday name ("April", "Monday") or its three-letter form ("Apr").
fn is_month_or_weekday(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    let mut chars = w.chars();
    let capitalised = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase());
    let lower = w.to_ascii_lowercase();
    let names = MONTHS_FULL.iter().chain(WEEKDAYS_FULL);
    capitalised
        && (names.clone().any(|n| *n == lower)
            || (w.len() == 3 && names.into_iter().any(|n| n.starts_with(lower.as_str()))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_lines_keep_lowercase_name_particles() {
        assert_eq!(from_line("By Joost van Laar"), vec!["Joost van Laar"]);
        assert_eq!(
            from_line("By Joost van Laar and Greta von der Heide"),
            vec!["Joost van Laar", "Greta von der Heide"]
        );
        // A particle alone before a lowercase word is not a name.
        assert_eq!(from_line("By Joost van the sea"), Vec::<String>::new());
    }

    #[test]
    fn posted_by_and_author_dash_name_their_authors() {
        assert_eq!(
            from_line("Posted by Lena Holt on May 5, 2011"),
            vec!["Lena Holt"]
        );
        assert_eq!(from_line("Author - Lena Holt"), vec!["Lena Holt"]);
    }

    #[test]
    fn credit_lines_without_by() {
        assert_eq!(
            from_credit_line("Interview by Lena Holt"),
            vec!["Lena Holt"]
        );
        assert_eq!(
            from_credit_line("Live coverage by Anna Berg and Tomas Rilke"),
            vec!["Anna Berg", "Tomas Rilke"]
        );
        assert_eq!(
            from_credit_line("Petra Lund in Riga and Ivo Marek in Prague"),
            vec!["Petra Lund", "Ivo Marek"]
        );
        assert_eq!(
            from_credit_line("Dr. Ines Vogel, Senior Fellow, Institute for Baltic Studies"),
            vec!["Ines Vogel"]
        );
        assert_eq!(from_credit_line("Karol Nowicki"), vec!["Karol Nowicki"]);
        // A place or outlet after a comma is no role; a headline is no name.
        assert!(from_credit_line("Karol Nowicki, Warsaw").is_empty());
        assert!(from_credit_line("Allies Hesitate Again").is_empty());
        // "by" after words that are no credit label: a headline, a photo credit.
        assert!(from_credit_line("Allies rattled by Vladimir Putin").is_empty());
        assert!(from_credit_line("Photographs by Anna Berg").is_empty());
        // The subject of a story with a role is no author unless the role is an author's.
        assert!(from_credit_line("William Burns, CIA Director").is_empty());
        assert!(from_credit_line("Ministers meet in Brussels on Tuesday").is_empty());
    }

    #[test]
    fn a_newspaper_after_a_comma_is_no_author() {
        assert_eq!(
            from_line("By Lena Holt, Lakeside Gazette"),
            vec!["Lena Holt"]
        );
    }

    #[test]
    fn names_on_a_line_split_and_drop_dates() {
        assert_eq!(
            from_line("by Kateryna Hodunova April 30, 2024 9:17 PM 4 min read"),
            vec!["Kateryna Hodunova"]
        );
        assert_eq!(
            from_line("By Mark Ellis and Sofia Brandt"),
            vec!["Mark Ellis", "Sofia Brandt"]
        );
        assert!(from_line("By Reuters").is_empty());
        assert_eq!(from_line("By Robert Stafford"), vec!["Robert Stafford"]);
        assert_eq!(from_line("by Jan Cienski"), vec!["Jan Cienski"]);
        assert!(from_line("By AP Staff").is_empty());
        assert_eq!(
            from_line("Author: Olena Kovalenko"),
            vec!["Olena Kovalenko"]
        );
    }

    #[test]
    fn metadata_authors_are_cleaned_split_and_judged() {
        let raw = vec![
            "By Jane Doe and John Roe".to_string(),
            "https://example.com/jane".to_string(),
            "Associated Press".to_string(),
            "STAFF".to_string(),
            "Ann Lee, AP".to_string(),
            "By TOM KRISHER AP Auto Writer".to_string(),
            "Ministry of Examples and Affairs".to_string(),
            "Doe, Jane".to_string(),
            "Kim Park, Photos: Lee Min".to_string(),
        ];
        assert_eq!(
            from_metadata(&raw, "Example News"),
            vec!["Jane Doe", "John Roe", "Ann Lee", "Tom Krisher", "Kim Park"]
        );
    }

    #[test]
    fn the_judge() {
        for no in [
            "Reuters Staff",
            "The Associated Press",
            "Admin",
            "News Desk",
            "AFP",
            "Webteam",
            "Agency Staffers",
        ] {
            assert!(!is_person(no), "{no}");
        }
        for no in [
            "S.",
            "mf",
            "von",
            "TVT-Redaktion",
            "Example Media GmbH",
            "Copyright Example",
        ] {
            assert!(!is_person(no), "{no}");
        }
        assert!(!is_person("Jane Doe 2020"));
        for yes in [
            "Jane Doe",
            "Robert Stafford",
            "Madonna",
            "jdoe",
            "Li Na",
            "quill1984",
        ] {
            assert!(is_person(yes), "{yes}");
        }
    }
}
