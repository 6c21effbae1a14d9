//! Authors: names from meta tags, JSON-LD, `rel=author` links and byline elements. Which of
//! them are people is decided by the one byline judge, [`crate::meta::byline`].

use std::collections::HashMap;

use scraper::Html;

use super::dom::folded_len;
use super::metadata::{decode_entities, element_text, SEL_AUTHOR_LINK, SEL_BYLINE};
use crate::meta::byline;

/// An author link's text longer than this is a bio or a teaser, not a name.
const MAX_AUTHOR_LINK_CHARS: usize = 60;
/// More author links than this are a list of staff or of related stories, not the byline.
const MAX_AUTHOR_LINKS: usize = 4;
/// A byline element longer than this is a bio box, not a byline.
const MAX_BYLINE_CHARS: usize = 80;

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
        if !t.is_empty() && folded_len(&t) < MAX_AUTHOR_LINK_CHARS && out.len() < MAX_AUTHOR_LINKS {
            out.push(t);
        }
    }
    if !out.is_empty() {
        return;
    }
    let bylines = doc.select(&SEL_BYLINE).map(element_text);
    if let Some(t) = bylines
        .into_iter()
        .find(|t| byline::starts_with_by(t) && folded_len(t) < MAX_BYLINE_CHARS)
    {
        out.push(t);
    }
}

/// Clean, split, judge and de-duplicate author names (HTML entities decoded first).
pub(super) fn clean_authors(raw: &[String], outlet: &str) -> Vec<String> {
    let decoded: Vec<String> = raw.iter().map(|r| decode_entities(r)).collect();
    byline::from_metadata(&decoded, outlet)
}
