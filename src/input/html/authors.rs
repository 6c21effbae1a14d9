//! Authors: names from meta tags, `rel=author` links and byline elements, cleaned of agencies,
//! staff placeholders, roles and URLs.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use scraper::Html;

use super::dom::folded_len;
use super::metadata::{decode_entities, element_text, SEL_AUTHOR_LINK, SEL_BYLINE};
use crate::document::fold_ws;

/// Author names from meta tags, rel=author links and byline elements.
pub(super) fn collect_html_authors(
    doc: &Html,
    metas: &HashMap<String, String>,
    out: &mut Vec<String>,
) {
    if !out.is_empty() {
        return;
    }
    for k in [
        "author",
        "article:author",
        "dc.creator",
        "sailthru.author",
        "parsely-author",
    ] {
        if let Some(a) = metas.get(k) {
            out.push(a.clone());
        }
    }
    if !out.is_empty() {
        return;
    }
    for e in doc.select(&SEL_AUTHOR_LINK) {
        let t = element_text(e);
        if !t.is_empty() && folded_len(&t) < 60 && out.len() < 4 {
            out.push(t);
        }
    }
    if !out.is_empty() {
        return;
    }
    let bylines = doc.select(&SEL_BYLINE).map(element_text);
    if let Some(t) = bylines
        .into_iter()
        .find(|t| RE_BY.is_match(t) && folded_len(t) < 80)
    {
        out.push(t);
    }
}

static RE_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:[\w-]+\s+){0,2}by[:\s]+").expect("valid regex"));
static RE_AGENCY_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:the\s+)?(?:associated press|reuters|afp|ap)\b.*$").expect("valid regex")
});
static RE_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*(?:,|;|&|\band\b|\|)\s*").expect("valid regex"));
static RE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:https?://|www\.)|\.(?:com|org|net)\b|@").expect("valid regex")
});

/// Names that are agencies or staff placeholders, not people.
const NOT_AUTHORS: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "associated press",
    "the associated press",
    "staff",
    "staff writer",
    "staff reporter",
    "editorial staff",
    "bloomberg",
    "press association",
    "pa",
    "upi",
    "dpa",
    "admin",
    "editorial",
    "guest",
    "anonymous",
];

/// Words that mark a job title or desk rather than a person's name.
const ROLE_WORDS: &[&str] = &[
    "writer",
    "correspondent",
    "editor",
    "reporter",
    "staff",
    "bureau",
    "contributor",
    "desk",
    "team",
    "news",
    "published",
    "updated",
];

/// Clean, split, filter and de-duplicate author names.
pub(super) fn clean_authors(raw: &[String], outlet: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in raw {
        let r = decode_entities(r);
        let r = RE_BY.replace(r.trim(), "");
        for part in RE_SPLIT.split(&r) {
            let name = fold_ws(part.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'));
            let name = RE_AGENCY_TAIL.replace(&name, "").trim().to_string();
            if is_person_name(&name)
                && !same_organisation(&name, outlet)
                && !out.iter().any(|o| o.eq_ignore_ascii_case(&name))
            {
                out.push(name);
            }
        }
    }
    out
}

/// Is the "name" really the outlet (e.g. "CNN Business" for outlet "CNN")?
fn same_organisation(name: &str, outlet: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (n, o) = (norm(name), norm(outlet));
    !n.is_empty() && !o.is_empty() && (n.starts_with(&o) || o.starts_with(&n))
}

/// Does a cleaned string look like a person's name?
fn is_person_name(name: &str) -> bool {
    if name.is_empty() || name.chars().count() > 60 || RE_URL.is_match(name) {
        return false;
    }
    let lower = name.to_lowercase();
    if NOT_AUTHORS.contains(&lower.as_str()) || lower.split_whitespace().count() > 5 {
        return false;
    }
    if name.chars().any(|c| c.is_ascii_digit()) || ROLE_WORDS.iter().any(|w| lower.contains(w)) {
        return false;
    }
    let short_caps = name.len() <= 3 && name.chars().all(|c| c.is_ascii_uppercase());
    !short_caps && name.chars().any(char::is_alphabetic)
}
