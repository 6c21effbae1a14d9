//! Publication-date sources of an HTML page, most trusted first: structured data, meta tags,
//! microdata, `<time>`, visible date elements, labelled dates in the text, dates written into
//! scripts, the URL, and last a modified date (only when nothing says when it was published).
//! Each source validates its own candidates and gives the first one that parses.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Selector};

use super::metadata::{element_text, sel, Page};
use crate::lexicon::{self, Class};
use crate::meta::pick::{Candidate, Source, Witness};
use crate::meta::pubdate::{self, Stamp};
use chrono::NaiveDate;

/// A date element's text longer than this is a paragraph or a list, not a date line.
const MAX_DATE_LINE_CHARS: usize = 160;
/// A labelled date starts within this many characters after its label.
const LABEL_REACH: usize = 40;
/// Visible date elements examined at most (a page is never slower than linear).
const MAX_DATE_ELEMENTS: usize = 400;

/// The page's date sources, in order.
pub(super) fn date_sources<'a>() -> [Source<Page<'a>, Stamp>; 14] {
    [
        Source {
            name: "json-ld datePublished",
            read: json_ld,
        },
        Source {
            name: "meta published",
            read: meta_tags,
        },
        Source {
            name: "microdata datePublished",
            read: microdata,
        },
        Source {
            name: "time element",
            read: time_element,
        },
        Source {
            name: "date element of the article",
            read: visible_element,
        },
        Source {
            name: "date by the headline",
            read: by_headline,
        },
        Source {
            name: "date element",
            read: visible_element_anywhere,
        },
        Source {
            name: "generic date meta",
            read: generic_meta,
        },
        Source {
            name: "labelled date in text",
            read: labelled_text,
        },
        Source {
            name: "date in script",
            read: script,
        },
        Source {
            name: "date in url",
            read: url,
        },
        Source {
            name: "date in the description",
            read: description,
        },
        Source {
            name: "modified date",
            read: modified,
        },
        Source {
            name: "first date in text",
            read: first_in_text,
        },
    ]
}

/// The first string of several that parses as a day.
fn first_stamp<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Option<Stamp> {
    items.into_iter().find_map(|s| pubdate::parse(s.as_ref()))
}

/// JSON-LD `datePublished` (then `dateCreated`) on article-like objects.
pub(super) fn json_ld(page: &Page<'_>) -> Option<Stamp> {
    first_stamp(page.ld.article_strs("datePublished"))
        .or_else(|| first_stamp(page.ld.article_strs("dateCreated")))
}

/// Publication-date meta tags.
pub(super) fn meta_tags(page: &Page<'_>) -> Option<Stamp> {
    first_stamp(
        lexicon::lines(Class::DateMetaName)
            .into_iter()
            .filter_map(|k| page.metas.get(k))
            .flatten(),
    )
}

/// Generic date meta tags (`date`): after the page's visible dates.
pub(super) fn generic_meta(page: &Page<'_>) -> Option<Stamp> {
    first_stamp(
        lexicon::lines(Class::GenericDateMetaName)
            .into_iter()
            .filter_map(|k| page.metas.get(k))
            .flatten(),
    )
}

/// A value of an element: `content`, `datetime`, `title` (abbr) or its text.
fn element_value(e: ElementRef<'_>) -> String {
    e.attr("content")
        .or_else(|| e.attr("datetime"))
        .map_or_else(|| element_text(e), str::to_string)
}

/// Microdata `itemprop="datePublished"` (or `dateCreated`) on any element, as attribute or text.
pub(super) fn microdata(page: &Page<'_>) -> Option<Stamp> {
    static SEL: LazyLock<Selector> = LazyLock::new(|| {
        sel(
            r#"[itemprop="datePublished"], [itemprop="dateCreated"], [property="datePublished"], [property~="dc:date"], [property~="dc:created"], [property~="dcterms:created"]"#,
        )
    });
    first_stamp(page.doc.select(&SEL).map(element_value))
}

/// `<time>` of the article (datetime or text), `abbr.published`, `time[pubdate]`.
pub(super) fn time_element(page: &Page<'_>) -> Option<Stamp> {
    static SEL: LazyLock<Selector> = LazyLock::new(|| {
        sel(
            r#"article time, header time, main time, time[pubdate], time[class*="pub"], time[class*="date"], time[class*="entry"], abbr.published, abbr[class*="date"], time"#,
        )
    });
    page.doc
        .select(&SEL)
        .filter(|e| !in_furniture(*e, page))
        .take(MAX_DATE_ELEMENTS)
        .find_map(|e| {
            labelled_publication(e).or_else(|| {
                let value = e
                    .attr("title")
                    .map_or_else(|| element_value(e), str::to_string);
                pubdate::parse(&value)
            })
        })
}

/// The day an element's own text labels as the publication day ("Publié le 29 juin 2019"):
/// it wins over the element's machine attribute, which may be a revision's stamp.
fn labelled_publication(e: ElementRef<'_>) -> Option<Stamp> {
    let text = short_text(e)?;
    first_label(&text.to_lowercase(), Class::DateLabel)?;
    date_line(&text)
}

/// Class or id words of an element that mark a date line.
static DATE_CLASS: LazyLock<Regex> = LazyLock::new(|| lexicon::any_inside(Class::DateClassWord));
/// Class or id words of an element that is not the article's own date.
static NOT_DATE_CLASS: LazyLock<Regex> =
    LazyLock::new(|| lexicon::any_inside(Class::NotDateClassWord));

/// Class words of containers whose dates belong to other stories or to readers.
static FURNITURE_CLASS: LazyLock<Regex> =
    LazyLock::new(|| lexicon::any_inside(Class::FurnitureClassWord));

/// Is the element inside page furniture (aside, footer, nav, a menu, a comment)? A container
/// that holds the page's headline is the page's own, whatever its class says about the layout
/// ("vw-blog-sidebar-position-right", "has-sidebar").
fn in_furniture<'a>(e: ElementRef<'a>, page: &Page<'a>) -> bool {
    // The body's classes describe the layout ("two-sidebars"), not the element.
    e.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| match a.value().name() {
            "aside" | "footer" | "nav" => true,
            "body" | "html" => false,
            _ => {
                a.value()
                    .attr("class")
                    .is_some_and(|c| FURNITURE_CLASS.is_match(c))
                    && !page.holds_headline(a)
            }
        })
}

/// The element's class and id, one string.
fn class_id(e: ElementRef<'_>) -> String {
    let v = e.value();
    format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    )
}

/// The day of a short visible date line, unless it is a revision date.
fn date_line(text: &str) -> Option<Stamp> {
    if text.chars().count() > MAX_DATE_LINE_CHARS {
        return None;
    }
    let lower = text.to_lowercase();
    let update = first_label(&lower, Class::UpdateLabel);
    let published = first_label(&lower, Class::DateLabel);
    match update {
        Some(u) if published.is_none_or(|p| u < p) => pubdate::parse(&lower[..u]),
        _ => pubdate::parse(text),
    }
}

/// Byte position of the first label of a class in a lowercase text (whole words).
fn first_label(lower: &str, class: Class) -> Option<usize> {
    lexicon::members(class)
        .iter()
        .filter_map(|l| {
            lower.match_indices(l).map(|(i, _)| i).find(|&i| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + l.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .min()
}

/// Elements whose class or id names a date, byline or post-meta line: article ones first.
pub(super) fn visible_element(page: &Page<'_>) -> Option<Stamp> {
    date_elements(page, true)
}

/// Date elements anywhere on the page (after the line under the headline).
pub(super) fn visible_element_anywhere(page: &Page<'_>) -> Option<Stamp> {
    date_elements(page, false)
}

/// The first date element, inside an `<article>` only or anywhere.
fn date_elements(page: &Page<'_>, in_article: bool) -> Option<Stamp> {
    static SEL: LazyLock<Selector> = LazyLock::new(|| sel("[class], [id]"));
    page.doc
        .select(&SEL)
        .take(MAX_DATE_ELEMENTS * 10)
        .filter(|e| {
            let ci = class_id(*e);
            DATE_CLASS.is_match(&ci) && !NOT_DATE_CLASS.is_match(&ci) && !in_furniture(*e, page)
        })
        .filter(|e| {
            !in_article
                || e.ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|a| a.value().name() == "article")
        })
        .find_map(|e| short_text(e).as_deref().and_then(date_line))
}

/// The element's folded text, when it is short (never reads a whole container).
fn short_text(e: ElementRef<'_>) -> Option<String> {
    let mut out = String::new();
    for t in e.text() {
        out.push_str(t);
        out.push(' ');
        if out.len() > MAX_DATE_LINE_CHARS * 4 {
            return None;
        }
    }
    Some(crate::document::fold_ws(&out))
}

/// A date after a publication label in the page text ("Veröffentlicht am 11. März 2020").
pub(super) fn labelled_text(page: &Page<'_>) -> Option<Stamp> {
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        let mut labels: Vec<String> = lexicon::members(Class::DateLabel)
            .iter()
            .filter(|l| **l != "date")
            .map(|l| regex::escape(l))
            .collect();
        labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
        Regex::new(&format!(
            r"(?i)(?:^|[^\w])(?:{})(?:[^\w]|$)\s*:?",
            labels.join("|")
        ))
        .expect("valid regex")
    });
    let text = page.text();
    LABELLED.find_iter(text).find_map(|m| {
        let rest: String = text[m.end()..].chars().take(LABEL_REACH).collect();
        pubdate::parse(&rest)
    })
}

/// How far after the headline the line under it may sit, in characters of text ...
const AFTER_HEADLINE: usize = 400;
/// ... and how far before it a kicker line.
const BEFORE_HEADLINE: usize = 200;
/// A text of at most this many characters by the headline is a line (a date, a byline, a
/// label); a longer one is prose, and a date in it is about something else.
const MAX_HEADLINE_LINE_CHARS: usize = 100;

/// The first date line right after the page's headline (the line under the headline), else
/// the nearest right before it (a kicker line). The headline is the `<h1>` the page's title
/// names (a page may have others: the logo, a section name), else the first one.
pub(super) fn by_headline(page: &Page<'_>) -> Option<Stamp> {
    *page.headline_line.get_or_init(|| headline_line(page))
}

/// The date line by the headline ([`by_headline`]), read.
fn headline_line<'a>(page: &Page<'a>) -> Option<Stamp> {
    let h1 = headline(page)?;
    let skipped = |n: &scraper::Node| {
        n.as_element()
            .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript" | "template"))
    };
    // A short text node read as a date line; `None` once the reach is spent.
    let read = |text: &str, spent: &mut usize, reach: usize| -> Option<Option<Stamp>> {
        let t = text.trim();
        *spent += t.chars().count();
        if *spent > reach {
            return None;
        }
        Some(
            (!t.is_empty() && t.chars().count() <= MAX_HEADLINE_LINE_CHARS)
                .then(|| date_line(t))
                .flatten(),
        )
    };
    // After: the text nodes following the headline's subtree, in document order.
    // A date in a menu or a sidebar by the headline is another page's.
    let furniture = |n: DomRef<'a>| {
        n.parent()
            .and_then(ElementRef::wrap)
            .is_some_and(|e| in_furniture(e, page))
    };
    // A date right after a line that labels a revision ("Updated", "Aktualisiert:") is one.
    let (mut next, mut spent, mut after_update_label) = (past(*h1), 0, false);
    while let Some(n) = next {
        if let Some(t) = n.value().as_text() {
            match read(t, &mut spent, AFTER_HEADLINE) {
                None => break,
                Some(Some(stamp)) if !furniture(n) && !after_update_label => return Some(stamp),
                Some(Some(_)) => after_update_label = false,
                Some(None) if !t.trim().is_empty() => {
                    after_update_label =
                        first_label(&t.to_lowercase(), Class::UpdateLabel).is_some();
                }
                Some(None) => {}
            }
        }
        next = match n.first_child() {
            Some(c) if !skipped(n.value()) => Some(c),
            _ => past(n),
        };
    }
    // Before: the text nodes preceding the headline, nearest first.
    let (mut prev, mut spent) = (Some(*h1), 0);
    while let Some(n) = prev {
        prev = match n.prev_sibling() {
            Some(mut s) => {
                while let Some(c) = s.last_child().filter(|_| !skipped(s.value())) {
                    s = c;
                }
                Some(s)
            }
            None => n.parent(),
        };
        let Some(p) = prev else { break };
        let in_script = p.parent().is_some_and(|q| skipped(q.value()));
        if let Some(t) = p.value().as_text().filter(|_| !in_script) {
            match read(t, &mut spent, BEFORE_HEADLINE) {
                None => break,
                Some(Some(stamp)) if !furniture(p) => return Some(stamp),
                Some(_) => {}
            }
        }
    }
    None
}

/// The sources whose day is the page's structured data (JSON-LD, meta tags, microdata).
const STRUCTURED_ORIGINS: [&str; 3] = [
    "json-ld datePublished",
    "meta published",
    "microdata datePublished",
];

/// The day the page shows its readers under the headline, unlabelled, instead of the day its
/// structured data gives as published, when that data also has the shown day (as a
/// modification or another date field): the page presents itself as of that day (a
/// republished, re-dated article), and the statements in its text are dated from it.
pub(super) fn shown_day(page: &Page<'_>, picked: Candidate<NaiveDate>) -> Candidate<NaiveDate> {
    if !STRUCTURED_ORIGINS.contains(&picked.origin) {
        return picked;
    }
    let fields = ["datePublished", "dateCreated", "dateModified"];
    let ld = fields.into_iter().flat_map(|k| page.ld.article_strs(k));
    let metas = [
        Class::DateMetaName,
        Class::ModifiedMetaName,
        Class::GenericDateMetaName,
    ]
    .into_iter()
    .flat_map(lexicon::lines)
    .filter_map(|k| page.metas.get(k))
    .flatten()
    .cloned();
    // Other days in the page's data; none (the common case) and the line is never read.
    let others: Vec<NaiveDate> = ld
        .chain(metas)
        .filter_map(|v| pubdate::parse(&v))
        .map(|s| s.day)
        .filter(|d| *d != picked.value)
        .collect();
    if others.is_empty() {
        return picked;
    }
    match by_headline(page) {
        Some(shown) if shown.local && others.contains(&shown.day) => Candidate {
            value: shown.day,
            origin: "date by the headline (the page's data agrees)",
        },
        _ => picked,
    }
}

/// A node of the parsed page (what an [`ElementRef`] points at).
type DomRef<'a> = <ElementRef<'a> as std::ops::Deref>::Target;

/// The node right after a node's subtree in document order.
fn past(mut n: DomRef<'_>) -> Option<DomRef<'_>> {
    loop {
        if let Some(s) = n.next_sibling() {
            return Some(s);
        }
        n = n.parent()?;
    }
}

/// The page's headline `<h1>`: the one the title (JSON-LD headline, `og:title`, `<title>`)
/// contains, else the first with text.
fn headline<'a>(page: &Page<'a>) -> Option<ElementRef<'a>> {
    static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
    static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
    let titles: Vec<String> = page
        .ld
        .article_str("headline")
        .into_iter()
        .chain(page.meta("og:title").map(str::to_string))
        .chain(page.doc.select(&TITLE).next().map(element_text))
        .map(|t| t.to_lowercase())
        .collect();
    let h1s: Vec<(ElementRef<'a>, String)> = page
        .doc
        .select(&H1)
        .take(MAX_HEADLINES)
        .map(|e| (e, element_text(e).to_lowercase()))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    h1s.iter()
        .find(|(_, h)| {
            h.chars().count() >= MIN_HEADLINE_CHARS && titles.iter().any(|t| t.contains(h.as_str()))
        })
        .or(h1s.first())
        .map(|(e, _)| *e)
}

/// `<h1>` elements looked at, at most.
const MAX_HEADLINES: usize = 20;
/// An `<h1>` shorter than this is a label ("News"), not matched against the title.
const MIN_HEADLINE_CHARS: usize = 12;

/// A stamp with its own offset in the page source that names the same moment as a UTC stamp
/// (`2020-02-24T21:25:54-05:00` for `2020-02-25T02:25:54Z`): the page's own clock. Only the
/// places that write the stamp's minutes (and seconds) are read, so a page costs one
/// substring search.
pub(super) fn offset_stamp(page: &Page<'_>, utc: &Stamp) -> Option<Stamp> {
    /// Bytes of a stamp before its `:MM` ("2020-02-24T21") and after it (".123456-05:00").
    const BEFORE: usize = 13;
    const AFTER: usize = 16;
    static OFFSET_STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?[+-][0-9]{2}:?[0-9]{2}")
            .expect("valid regex")
    });
    let raw = page.raw;
    let needle = match utc.second {
        Some(s) => format!(":{:02}:{s:02}", utc.minute?),
        None => format!(":{:02}", utc.minute?),
    };
    raw.match_indices(&needle)
        .take(MAX_DATE_ELEMENTS)
        .find_map(|(i, _)| {
            let mut from = i.saturating_sub(BEFORE);
            while !raw.is_char_boundary(from) {
                from += 1;
            }
            let mut to = (i + needle.len() + AFTER).min(raw.len());
            while !raw.is_char_boundary(to) {
                to -= 1;
            }
            let m = OFFSET_STAMP.find(&raw[from..to])?;
            pubdate::parse(m.as_str()).filter(|s| utc.same_moment(s))
        })
}

/// The line under the headline, offered as the same moment as a UTC stamp.
pub(super) fn headline_moment(page: &Page<'_>, _: &Stamp) -> Option<Stamp> {
    by_headline(page)
}

/// The places that may write a UTC stamp's moment on the page's own clock, in order.
pub(super) fn date_witnesses<'a>() -> [Witness<Page<'a>>; 2] {
    [
        Witness {
            name: "stamp with its offset (same moment)",
            find: offset_stamp,
        },
        Witness {
            name: "date by the headline (same moment)",
            find: headline_moment,
        },
    ]
}

/// The first full date in the page text: a last guess, after every marked source.
pub(super) fn first_in_text(page: &Page<'_>) -> Option<Stamp> {
    pubdate::parse_in(page.text())
}

/// A publication date written into a script or data attribute (`"datePublished": "..."`).
pub(super) fn script(page: &Page<'_>) -> Option<Stamp> {
    static KEYED: LazyLock<Regex> = LazyLock::new(|| {
        let keys: Vec<String> = lexicon::members(Class::ScriptDateKey)
            .iter()
            .map(|k| match k.strip_suffix('*') {
                Some(stem) => format!(r"{}\w*", regex::escape(stem)),
                None => regex::escape(k),
            })
            .collect();
        Regex::new(&format!(
            r#"["']?(?:{})["']?\s*[:=]\s*["']([^"'<>]{{6,40}})["']"#,
            keys.join("|")
        ))
        .expect("valid regex")
    });
    KEYED
        .captures_iter(page.raw)
        .take(MAX_DATE_ELEMENTS)
        .find_map(|c| pubdate::parse(&c[1]))
}

/// A `/2019/06/20/` day in the page's own URL (canonical link or og:url).
pub(super) fn url(page: &Page<'_>) -> Option<Stamp> {
    static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel(r#"link[rel="canonical"]"#));
    let canonical = page.doc.select(&CANONICAL).filter_map(|e| e.attr("href"));
    let og = page.meta("og:url");
    og.into_iter()
        .chain(canonical)
        .find_map(pubdate::from_url)
        .map(pubdate::local_day)
}

/// A date in the page's description ("News of 14 January 2020"): a late guess.
pub(super) fn description(page: &Page<'_>) -> Option<Stamp> {
    ["description", "og:description"]
        .into_iter()
        .filter_map(|k| page.meta(k))
        .find_map(pubdate::parse)
}

/// A modified date: only when nothing says when the page was published.
pub(super) fn modified(page: &Page<'_>) -> Option<Stamp> {
    first_stamp(page.ld.article_strs("dateModified")).or_else(|| {
        first_stamp(
            lexicon::lines(Class::ModifiedMetaName)
                .into_iter()
                .filter_map(|k| page.metas.get(k))
                .flatten(),
        )
    })
}
