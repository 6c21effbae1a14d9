//! HTML input: detect HTML documents and extract the article body and metadata from a page.
//!
//! The extraction is a Readability-style content scorer working on a flat, iteratively built
//! copy of the parsed DOM, so deeply nested or huge pages never recurse and stay linear. The
//! page first passes the nesting guard, so no page reaches the parser deeper than the guard
//! allows.
//!
//! The stages, one file each: [`nesting`] (depth cap before parsing) → [`dom`] (flat copy and
//! text statistics) → [`readability`] (furniture removal, candidate scoring, cleaning) →
//! [`text`] (blocks of text out); beside them [`metadata`] with its sources
//! ([`jsonld`], [`published`], [`authors`]).

mod authors;
mod dom;
mod jsonld;
mod metadata;
#[cfg(test)]
mod metadata_tests;
mod nesting;
mod published;
mod readability;
#[cfg(test)]
mod tests;
mod text;

use crate::meta::Meta;
use scraper::Html;

/// An article read from an HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    /// The article body as plain text, one block per line, blocks separated by a blank line.
    pub text: String,
    /// What the page's head says: headline (JSON-LD headline, og:title, `<h1>`, or `<title>`
    /// without the site suffix), outlet (og:site_name or JSON-LD publisher), publication day,
    /// authors (people only, judged by [`crate::meta::byline`]).
    pub meta: Meta,
}

/// How many characters from the start are sniffed for HTML: a doctype or the first tags sit
/// well within the first 2 KiB of any page.
const SNIFF_CHARS: usize = 2048;
/// Plain text may mention a tag or two; this many common tags near the start make it HTML.
const MIN_SNIFFED_TAGS: usize = 3;

/// True if the text looks like an HTML document (doctype, `<html`, `<head`, `<body`, or several common tags near the start).
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let end = start
        .char_indices()
        .nth(SNIFF_CHARS)
        .map_or(start.len(), |(i, _)| i);
    // Every marker and tag opens with '<'.
    if !start[..end].contains('<') {
        return false;
    }
    let head: String = start[..end]
        .chars()
        .take(SNIFF_CHARS)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|m| head.contains(m))
    {
        return true;
    }
    let tags = [
        "<p>", "<p ", "<div", "<a href", "<span", "<br", "<meta", "<table",
    ];
    tags.iter().map(|t| head.matches(t).count()).sum::<usize>() >= MIN_SNIFFED_TAGS
}

/// Parse an HTML page (already decoded to a String) and extract its article. The page passes
/// the nesting guard first: over-deep start tags are dropped before the parser sees them.
pub fn extract_article(html: &str) -> HtmlArticle {
    let capped = nesting::cap(html);
    let doc = Html::parse_document(capped.as_deref().unwrap_or(html));
    let page = metadata::read_metadata(&doc, html);
    let text = text::extract_body_text(&doc, page.article_body.as_deref());
    HtmlArticle {
        text,
        meta: page.meta,
    }
}
