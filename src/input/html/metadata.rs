//! Page metadata: title, publication date and outlet from meta tags, JSON-LD, `<time>` and
//! headings.

use std::collections::HashMap;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::authors::{clean_authors, collect_html_authors};
use super::dom::folded_len;
use super::jsonld::{apply_json_ld, json_ld_objects};
use crate::dates;
use crate::document::fold_ws;
use crate::meta::byline::alnum_lower;
use crate::meta::Meta;

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

/// What the page head and JSON-LD say: the article's metadata, plus what is only read
/// later (the raw date string, parsed once every source has been tried, and the body).
#[derive(Debug, Default)]
pub(super) struct Page {
    /// Title, outlet and authors as found; the day is set from `published` at the end.
    pub(super) meta: Meta,
    /// The publication date string as found.
    pub(super) published: Option<String>,
    /// JSON-LD articleBody.
    pub(super) article_body: Option<String>,
}

/// Parse a CSS selector known to be valid.
fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

pub(super) static SEL_JSONLD: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static SEL_META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static SEL_H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static SEL_TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static SEL_TIME: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"article time[datetime], header time[datetime], time[pubdate][datetime], time[itemprop=datePublished], time[class*="pub"][datetime], time[class*="date"][datetime], time[class*="publish"][datetime]"#,
    )
});
pub(super) static SEL_AUTHOR_LINK: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"a[rel~="author"], [itemprop="author"]"#));
pub(super) static SEL_BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(r#"[class*="byline"], [class*="author-name"], [class~="author"], [id*="byline"]"#)
});

/// Read all metadata from the document.
pub(super) fn read_metadata(doc: &Html) -> Page {
    let mut page = Page::default();
    let metas = meta_tags(doc);
    let mut objects = json_ld_objects(doc);
    // Article objects before generic WebPage objects.
    objects.sort_by_key(|v| matches!(v.get("@type"), Some(Value::String(t)) if t == "WebPage"));
    for v in &objects {
        apply_json_ld(&mut page, v);
    }
    let meta = &mut page.meta;
    let get = |k: &str| metas.get(k).cloned().filter(|s| !s.is_empty());
    meta.outlet = get("og:site_name").or(meta.outlet.take());
    let outlet = meta.outlet.clone().unwrap_or_default();
    meta.title = meta
        .title
        .take()
        .or_else(|| get("og:title"))
        .or_else(|| get("twitter:title"))
        .map(|t| strip_outlet_suffix(&t, &outlet))
        .or_else(|| first_text(doc, &SEL_H1))
        .or_else(|| first_text(doc, &SEL_TITLE).map(|t| strip_site_suffix(&t)));
    let published = page
        .published
        .take()
        .filter(|d| plausible_date(d))
        .or_else(|| meta_published(&metas))
        .or_else(|| header_time(doc));
    meta.published = published.as_deref().and_then(dates::parse_date);
    collect_html_authors(doc, &metas, &mut meta.byline);
    meta.byline = clean_authors(&meta.byline, &outlet);
    meta.title = meta.title.take().map(|t| decode_entities(&t));
    meta.outlet = meta.outlet.take().map(|t| decode_entities(&t));
    page
}

/// Decode HTML entities left in metadata strings (double-escaped by some sites).
pub(super) fn decode_entities(s: &str) -> String {
    if !(s.contains('&') && s.contains(';')) {
        return s.to_string();
    }
    let frag = Html::parse_fragment(s);
    let text: String = frag.root_element().text().collect();
    fold_ws(&text)
}

/// Publication date from `<meta>` tags.
fn meta_published(metas: &HashMap<String, String>) -> Option<String> {
    const KEYS: &[&str] = &[
        "article:published_time",
        "og:article:published_time",
        "date",
        "pubdate",
        "publishdate",
        "dc.date",
        "dc.date.issued",
        "datepublished",
        "sailthru.date",
        "parsely-pub-date",
    ];
    KEYS.iter()
        .filter_map(|k| metas.get(*k))
        .find(|d| plausible_date(d))
        .cloned()
}

/// Map of lower-cased meta name/property -> content (first occurrence wins).
fn meta_tags(doc: &Html) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for m in doc.select(&SEL_META) {
        let key = m
            .attr("property")
            .or_else(|| m.attr("name"))
            .or_else(|| m.attr("itemprop"));
        if let (Some(k), Some(c)) = (key, m.attr("content")) {
            out.entry(k.trim().to_lowercase())
                .or_insert_with(|| fold_ws(c));
        }
    }
    out
}

/// Folded text of the first element matching a selector.
fn first_text(doc: &Html, s: &Selector) -> Option<String> {
    doc.select(s).map(element_text).find(|t| !t.is_empty())
}

/// Folded text content of an element (iterative).
pub(super) fn element_text(e: ElementRef<'_>) -> String {
    fold_ws(&e.text().collect::<Vec<_>>().join(" "))
}

/// `<time datetime>` in the article header.
fn header_time(doc: &Html) -> Option<String> {
    doc.select(&SEL_TIME)
        .filter_map(|t| t.attr("datetime"))
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

/// Does a raw date string look like a real date (has digits, not a 0001-01-01 placeholder)?
fn plausible_date(d: &str) -> bool {
    let d = d.trim();
    d.chars().any(|c| c.is_ascii_digit()) && !d.starts_with("0000") && !d.starts_with("0001")
}

/// Remove a trailing " | Outlet" (or a domain name) from a metadata headline.
pub(super) fn strip_outlet_suffix(title: &str, outlet: &str) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some(pos) = title.rfind(sep) {
            let tail = title[pos + sep.len()..].trim();
            let domain = tail.contains('.') && !tail.contains(' ');
            let same = !outlet.is_empty() && alnum_lower(tail) == alnum_lower(outlet);
            if (domain || same) && pos > 0 {
                return title[..pos].trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

/// A `<title>` suffix after a separator is a site name when it has at most this many characters ...
const MAX_SITE_SUFFIX_CHARS: usize = 40;
/// ... and the headline before it keeps at least this many.
const MIN_HEADLINE_CHARS: usize = 10;

/// Remove a trailing " | Site" / " - Site" from a document title.
pub(super) fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if folded_len(tail) <= MAX_SITE_SUFFIX_CHARS && folded_len(head) >= MIN_HEADLINE_CHARS {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}
