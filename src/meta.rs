//! Article metadata: publication date, byline, title and outlet, from the classified blocks
//! (and from the input format's own metadata, which wins where present).

use crate::dates;
use crate::document::Document;
use crate::lexicon::OUTLETS;
use crate::strip::{Block, BlockKind};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// What the article says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// Headline.
    pub title: Option<String>,
    /// Outlet, only where the text names it.
    pub outlet: Option<String>,
    /// Publication day.
    pub published: Option<NaiveDate>,
    /// Authors.
    pub byline: Vec<String>,
}

static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu}\p{L} .,'\-]{1,40}\((\p{Lu}[\p{L}. \-]{1,30})\)\s*[-–—]").unwrap()
});
static COPYRIGHT_HOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?([\p{L}][\p{L}&'. \-]{1,60}?)\s*(?:[,.]|\d{4}|All rights|$)")
        .unwrap()
});
static BY_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:^|\s)(?i:by|written by|reporting by|authors?\s*:)\s*((?:\p{Lu}[\p{L}'\-]*\.?\s*){1,4}(?:(?:,|and|&)\s*(?:\p{Lu}[\p{L}'\-]*\.?\s*){1,4})*)")
        .unwrap()
});
static TITLE_WIRE_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+By\s+\p{Lu}[\p{L} ]{1,30}$").unwrap());

/// Gather the article's metadata from its blocks.
pub fn read(doc: &Document, blocks: &[Block]) -> Meta {
    let src = &doc.source_meta;
    let text_of = |b: &Block| &doc.text[b.range.clone()];
    Meta {
        title: src.title.clone().or_else(|| title(doc, blocks)),
        outlet: src
            .outlet
            .clone()
            .or_else(|| outlet(blocks.iter().map(text_of))),
        published: src
            .published
            .as_deref()
            .and_then(dates::parse_date)
            .or_else(|| published(doc, blocks)),
        byline: if src.byline.is_empty() {
            byline(doc, blocks)
        } else {
            src.byline.clone()
        },
    }
}

/// The first headline-like line before the first body paragraph, wire credit removed.
fn title(doc: &Document, blocks: &[Block]) -> Option<String> {
    for b in blocks {
        match b.kind {
            BlockKind::Body => return None,
            BlockKind::Headline => {
                let t = &doc.text[b.range.clone()];
                if t.split_whitespace().count() >= 4 {
                    return Some(TITLE_WIRE_CREDIT.replace(t, "").trim().to_string());
                }
            }
            _ => {}
        }
    }
    None
}

/// Publication date: the scraper's date prefix, else the first dateline or dated byline
/// before the body ends; never a caption.
fn published(doc: &Document, blocks: &[Block]) -> Option<NaiveDate> {
    let first_body = blocks.iter().position(|b| b.kind == BlockKind::Body);
    blocks.iter().enumerate().find_map(|(i, b)| {
        let t = &doc.text[b.range.clone()];
        match b.kind {
            BlockKind::DateMeta | BlockKind::Dateline | BlockKind::Byline => dates::parse_date(t),
            BlockKind::Headline
                if first_body.is_none_or(|f| i < f)
                    && t.to_lowercase().starts_with("published") =>
            {
                dates::parse_date(t)
            }
            _ => None,
        }
    })
}

/// Authors from the first byline block; wire credits and photographers dropped.
fn byline(doc: &Document, blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Byline)
        .find_map(|b| {
            let names = byline_names(&doc.text[b.range.clone()]);
            (!names.is_empty()).then_some(names)
        })
        .unwrap_or_default()
}

/// Names in a byline string ("by Jane Doe and John Roe April 30, 2024").
pub fn byline_names(s: &str) -> Vec<String> {
    let Some(c) = BY_NAMES.captures(s) else {
        return Vec::new();
    };
    c[1].split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(clean_name)
        .filter(|n| n.split_whitespace().count() >= 2 && !is_wire_credit(n))
        .collect()
}

/// Trim a byline name of trailing date words ("Kateryna Hodunova April" → "Kateryna Hodunova").
fn clean_name(s: &str) -> String {
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

fn is_month_or_weekday(w: &str) -> bool {
    const WORDS: [&str; 19] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let w = w.trim_end_matches([',', '.']);
    WORDS.contains(&w) || (w.len() == 3 && WORDS.iter().any(|m| m.starts_with(w)))
}

/// "Reuters", "AP Staff", "News Agency": not a person. Whole words only ("Robert" is a name).
fn is_wire_credit(name: &str) -> bool {
    let n = name.to_lowercase();
    let words: Vec<&str> = n
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_phrase = |o: &str| {
        let o: Vec<&str> = o.split_whitespace().collect();
        words.windows(o.len()).any(|w| w == o.as_slice())
    };
    OUTLETS.iter().any(|o| has_phrase(&o.to_lowercase()))
        || words.iter().any(|w| {
            matches!(
                *w,
                "staff" | "agency" | "agencies" | "correspondent" | "correspondents"
            )
        })
}

/// Outlet named by a wire dateline ("KYIV (Reuters) –") or a copyright line.
fn outlet<'a>(mut lines: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut copyright = None;
    for l in lines.by_ref() {
        if let Some(c) = WIRE_DATELINE.captures(l) {
            return Some(c[1].trim().to_string());
        }
        if copyright.is_none() {
            copyright = COPYRIGHT_HOLDER
                .captures(l)
                .map(|c| c[1].trim().to_string())
                .filter(|h| !h.is_empty() && h.split_whitespace().count() <= 6);
        }
    }
    copyright
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_names_split_and_drop_dates() {
        assert_eq!(
            byline_names("by Kateryna Hodunova April 30, 2024 2:53 PM 2 min read"),
            vec!["Kateryna Hodunova"]
        );
        assert_eq!(
            byline_names("By Mark Ellis and Sofia Brandt"),
            vec!["Mark Ellis", "Sofia Brandt"]
        );
        assert!(byline_names("By Reuters").is_empty());
        assert_eq!(byline_names("By Robert Stafford"), vec!["Robert Stafford"]);
        assert_eq!(byline_names("by Jan Cienski"), vec!["Jan Cienski"]);
        assert!(byline_names("By AP Staff").is_empty());
        assert_eq!(
            byline_names("Author: Olena Kovalenko"),
            vec!["Olena Kovalenko"]
        );
    }

    #[test]
    fn outlet_from_wire_dateline() {
        let lines = ["KYIV (Reuters) – President said things."];
        assert_eq!(outlet(lines.into_iter()), Some("Reuters".to_string()));
    }
}
