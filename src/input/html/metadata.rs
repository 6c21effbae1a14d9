//! Page metadata: one stage, one ordered list of sources per field. The page is read once
//! into a [`Page`] context (meta tags, JSON-LD graph, the parsed document); the date sources
//! live in [`super::published`], the byline sources in [`super::authors`], and
//! [`crate::meta::pick`] picks. Title and outlet come from meta tags, JSON-LD and headings.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};

use super::authors::byline_sources;
use super::dom::folded_len;
use super::jsonld::Graph;
use super::published::{date_sources, date_witnesses, shown_day};
use crate::document::fold_ws;
use crate::meta::byline::alnum_lower;
use crate::meta::pick;
use crate::meta::pubdate::Stamp;
use crate::meta::{Meta, Origin};

/// The date sources trusted to correct a UTC stamp with the local day: structured data, meta
/// tags, microdata, `<time>` and date elements of the article (see
/// [`super::published::date_sources`]); a date from the text is too often another story's.
const TRUSTED_DATE_SOURCES: usize = 5;

/// Everything the metadata sources read: the parsed page, its meta tags and its JSON-LD.
pub(super) struct Page<'a> {
    /// The parsed document.
    pub(super) doc: &'a Html,
    /// The page source as given (for dates written into scripts).
    pub(super) raw: &'a str,
    /// Lower-cased meta name/property/itemprop → contents, in page order.
    pub(super) metas: HashMap<String, Vec<String>>,
    /// The JSON-LD objects.
    pub(super) ld: Graph,
    /// The outlet's name, when the page gives one (never an author).
    pub(super) outlet: String,
    /// The visible text of the body, read once when a text source needs it.
    text: OnceCell<String>,
    /// The elements around the page's first `<h1>`, found once when asked.
    headline_ancestors: OnceCell<Vec<ElementRef<'a>>>,
    /// The date line by the headline, read once when asked.
    pub(super) headline_line: OnceCell<Option<Stamp>>,
}

impl<'a> Page<'a> {
    /// The first non-empty content of a meta tag.
    pub(super) fn meta(&self, key: &str) -> Option<&str> {
        self.metas
            .get(key)?
            .iter()
            .map(String::as_str)
            .find(|s| !s.is_empty())
    }

    /// The body's visible text, scripts and styles left out.
    pub(super) fn text(&self) -> &str {
        self.text.get_or_init(|| visible_text(self.doc))
    }

    /// Does the element hold the page's first `<h1>`: is it the page's own content?
    pub(super) fn holds_headline(&self, e: ElementRef<'a>) -> bool {
        self.headline_ancestors
            .get_or_init(|| {
                self.doc
                    .select(&SEL_H1)
                    .next()
                    .map(|h| h.ancestors().filter_map(ElementRef::wrap).collect())
                    .unwrap_or_default()
            })
            .contains(&e)
    }
}

/// What the page says about itself, and the JSON-LD article body.
#[derive(Debug, Default)]
pub(super) struct PageMeta {
    /// Title, outlet, publication day and authors, with the source of each.
    pub(super) meta: Meta,
    /// JSON-LD articleBody.
    pub(super) article_body: Option<String>,
}

/// Parse a CSS selector known to be valid.
pub(super) fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

pub(super) static SEL_JSONLD: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static SEL_META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static SEL_H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static SEL_TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static SEL_BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));

/// Read all metadata from the document (`raw` is the page source it was parsed from).
pub(super) fn read_metadata(doc: &Html, raw: &str) -> PageMeta {
    let ld = Graph::read(doc);
    let metas = meta_tags(doc);
    let mut page = Page {
        doc,
        raw,
        metas,
        ld,
        outlet: String::new(),
        text: OnceCell::new(),
        headline_ancestors: OnceCell::new(),
        headline_line: OnceCell::new(),
    };
    page.outlet = page
        .meta("og:site_name")
        .map(str::to_string)
        .or_else(|| page.ld.publisher())
        .map(|o| decode_entities(&o))
        .unwrap_or_default();
    let day = pick::first_day(
        &page,
        &date_sources(),
        TRUSTED_DATE_SOURCES,
        &date_witnesses(),
    )
    .map(|d| shown_day(&page, d));
    let authors = pick::first_names(&page, &byline_sources());
    let meta = Meta {
        title: title(&page).map(|t| decode_entities(&t)),
        outlet: Some(page.outlet.clone()).filter(|o| !o.is_empty()),
        published: day.as_ref().map(|d| d.value),
        byline: authors
            .as_ref()
            .map(|a| a.value.clone())
            .unwrap_or_default(),
        origin: Origin {
            published: day.map(|d| d.origin),
            byline: authors.map(|a| a.origin),
        },
    };
    PageMeta {
        meta,
        article_body: page.ld.article_str("articleBody"),
    }
}

/// The headline: JSON-LD, og:title, twitter:title (outlet suffix removed), `<h1>`, `<title>`.
fn title(page: &Page<'_>) -> Option<String> {
    page.ld
        .article_str("headline")
        .or_else(|| page.ld.article_str("name"))
        .or_else(|| page.meta("og:title").map(str::to_string))
        .or_else(|| page.meta("twitter:title").map(str::to_string))
        .map(|t| strip_outlet_suffix(&t, &page.outlet))
        .or_else(|| first_text(page.doc, &SEL_H1))
        .or_else(|| first_text(page.doc, &SEL_TITLE).map(|t| strip_site_suffix(&t)))
}

/// The body's text nodes outside scripts and styles, one space between them.
fn visible_text(doc: &Html) -> String {
    let Some(body) = doc.select(&SEL_BODY).next() else {
        return String::new();
    };
    let mut out = String::new();
    for node in body.descendants() {
        let Some(t) = node.value().as_text() else {
            continue;
        };
        let parent = node
            .parent()
            .and_then(|p| p.value().as_element().map(|e| e.name()));
        if !matches!(parent, Some("script" | "style" | "noscript" | "template")) {
            out.push_str(t);
            out.push(' ');
        }
    }
    out
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

/// Map of lower-cased meta name/property/itemprop -> contents, in page order.
fn meta_tags(doc: &Html) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for m in doc.select(&SEL_META) {
        let key = m
            .attr("property")
            .or_else(|| m.attr("name"))
            .or_else(|| m.attr("itemprop"))
            .or_else(|| m.attr("http-equiv"));
        if let (Some(k), Some(c)) = (key, m.attr("content")) {
            out.entry(k.trim().to_lowercase())
                .or_default()
                .push(fold_ws(c));
        }
    }
    out
}

/// Folded text of the first element matching a selector.
pub(super) fn first_text(doc: &Html, s: &Selector) -> Option<String> {
    doc.select(s).map(element_text).find(|t| !t.is_empty())
}

/// Folded text content of an element (iterative).
pub(super) fn element_text(e: ElementRef<'_>) -> String {
    fold_ws(&e.text().collect::<Vec<_>>().join(" "))
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
