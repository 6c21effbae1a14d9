//! Byline sources of an HTML page, most trusted first: JSON-LD authors, author meta tags,
//! microdata, `rel=author` links, visible byline elements. Each source hands its strings to
//! the one byline judge, [`crate::meta::byline`]; a source whose strings hold no person (an
//! empty tag, the outlet's name, a URL, a desk code) gives nothing and the next one is tried.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Selector};

use super::dom::folded_len;
use super::metadata::{decode_entities, element_text, sel, Page};
use crate::lexicon::{self, Class};
use crate::meta::byline;
use crate::meta::pick::Source;

/// An author link's text longer than this is a bio or a teaser, not a name.
const MAX_AUTHOR_LINK_CHARS: usize = 60;
/// More author links than this are a list of staff or of related stories, not the byline.
const MAX_AUTHOR_LINKS: usize = 4;
/// A byline element longer than this is a bio box, not a byline.
const MAX_BYLINE_CHARS: usize = 100;
/// A byline box (name, date, a tooltip) longer than this is the article or a section of the
/// page: its first link is any name the text links to, not the author.
const MAX_BYLINE_BOX_CHARS: usize = 500;
/// In unmarked text a byline label opens its element: no word before it.
const LABEL_REACH: usize = 0;
/// Text elements examined at most for a labelled byline.
const MAX_LABELLED_ELEMENTS: usize = 5000;
/// Byline elements examined at most.
const MAX_BYLINE_ELEMENTS: usize = 200;

/// The page's byline sources, in order.
pub(super) fn byline_sources<'a>() -> [Source<Page<'a>, Vec<String>>; 6] {
    [
        Source {
            name: "json-ld author",
            read: json_ld,
        },
        Source {
            name: "meta author",
            read: meta_tags,
        },
        Source {
            name: "microdata author",
            read: microdata,
        },
        Source {
            name: "rel=author link",
            read: author_links,
        },
        Source {
            name: "visible byline element",
            read: visible_byline,
        },
        Source {
            name: "labelled byline in text",
            read: labelled_byline,
        },
    ]
}

/// Clean, split, judge and de-duplicate author names (HTML entities decoded first).
pub(super) fn clean_authors(raw: &[String], outlet: &str) -> Vec<String> {
    let decoded: Vec<String> = raw.iter().map(|r| decode_entities(r)).collect();
    byline::from_metadata(&decoded, outlet)
}

/// The people among a source's strings, or nothing. A name that is the site's domain name
/// ("FinanceScout24" on financescout24.de) is the site.
fn people(raw: &[String], page: &Page<'_>) -> Option<Vec<String>> {
    let mut names = clean_authors(raw, &page.outlet);
    if let Some(site) = site_label(page) {
        names.retain(|n| byline::alnum_lower(n) != site);
    }
    Some(names).filter(|p| !p.is_empty())
}

/// The name of the page's own site, from its canonical URL or og:url: the label before the
/// top-level domain, letters and digits only ("https://www.finance-scout.de/x" →
/// "financescout").
fn site_label(page: &Page<'_>) -> Option<String> {
    static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel(r#"link[rel="canonical"]"#));
    let url = page
        .meta("og:url")
        .or_else(|| page.doc.select(&CANONICAL).find_map(|e| e.attr("href")))?;
    let host = url.split("//").nth(1)?.split(['/', ':', '?', '#']).next()?;
    let labels: Vec<&str> = host.split('.').collect();
    let label = labels.len().checked_sub(2).map(|i| labels[i])?;
    Some(byline::alnum_lower(label)).filter(|l| !l.is_empty())
}

/// JSON-LD authors (references resolved, lists and plain strings read).
fn json_ld(page: &Page<'_>) -> Option<Vec<String>> {
    people(&page.ld.authors(), page)
}

/// Author meta tags, then `twitter:data1` when its label says it is the author. An author tag
/// that repeats the site's owner (its copyright or publisher tag) is the template's, set once
/// for the whole site: not this page's writer.
fn meta_tags(page: &Page<'_>) -> Option<Vec<String>> {
    lexicon::lines(Class::AuthorMetaName)
        .into_iter()
        .filter_map(|k| page.metas.get(k))
        .find_map(|values| {
            let own: Vec<String> = values
                .iter()
                .filter(|v| !is_site_owner(v, page))
                .cloned()
                .collect();
            people(&own, page)
        })
        .or_else(|| twitter_author(page))
}

/// Does a metadata author string name the site's owner: do its words stand, in order, in the
/// page's copyright or publisher tag (`copyright`, `publisher` ..., lexicon
/// `owner_meta_names.txt`)?
fn is_site_owner(author: &str, page: &Page<'_>) -> bool {
    let author = words_of(author);
    !author.is_empty()
        && lexicon::lines(Class::OwnerMetaName)
            .into_iter()
            .filter_map(|k| page.metas.get(k))
            .flatten()
            .any(|owner| {
                words_of(owner)
                    .windows(author.len())
                    .any(|w| w == author.as_slice())
            })
}

/// The lowercase words (letters and digits) of a metadata string, entities decoded.
fn words_of(s: &str) -> Vec<String> {
    decode_entities(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `twitter:data1` labelled "Written by" / "Author" / "Verfasst von" in `twitter:label1`.
fn twitter_author(page: &Page<'_>) -> Option<Vec<String>> {
    let label = page.meta("twitter:label1")?.to_lowercase();
    let is_author = lexicon::members(Class::AuthorLabelWord)
        .iter()
        .any(|w| label.contains(w));
    if !is_author {
        return None;
    }
    people(&[page.meta("twitter:data1")?.to_string()], page)
}

/// `itemprop="author"` elements: their `name` property, `content`, or their own short text.
fn microdata(page: &Page<'_>) -> Option<Vec<String>> {
    static AUTHOR: LazyLock<Selector> = LazyLock::new(|| sel(r#"[itemprop~="author"]"#));
    static NAME: LazyLock<Selector> = LazyLock::new(|| sel(r#"[itemprop="name"]"#));
    let raw: Vec<String> = page
        .doc
        .select(&AUTHOR)
        .filter(|e| !in_comment(*e) && !in_review(*e))
        .filter_map(|e| {
            let named = e.select(&NAME).next().map(|n| {
                n.attr("content")
                    .map_or_else(|| element_text(n), str::to_string)
            });
            named
                .or_else(|| e.attr("content").map(str::to_string))
                .or_else(|| Some(element_text(e)))
        })
        .filter(|t| folded_len(t) < MAX_AUTHOR_LINK_CHARS)
        .take(MAX_AUTHOR_LINKS)
        .collect();
    people(&raw, page)
}

/// `rel=author` links.
fn author_links(page: &Page<'_>) -> Option<Vec<String>> {
    static SEL: LazyLock<Selector> = LazyLock::new(|| sel(r#"a[rel~="author"]"#));
    let raw: Vec<String> = page
        .doc
        .select(&SEL)
        .filter(|e| !in_comment(*e))
        .map(element_text)
        .filter(|t| !t.is_empty() && folded_len(t) < MAX_AUTHOR_LINK_CHARS)
        .take(MAX_AUTHOR_LINKS)
        .collect();
    people(&raw, page)
}

/// Class or id words of a byline element.
static BYLINE_CLASS: LazyLock<Regex> =
    LazyLock::new(|| lexicon::any_inside(Class::BylineClassWord));
/// Class or id words of elements that are not the article's byline.
static NOT_BYLINE_CLASS: LazyLock<Regex> =
    LazyLock::new(|| lexicon::any_inside(Class::NotBylineClassWord));
/// Where a byline's name ends: a date, a time, a separator.
static NAME_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)\d|\||•|·|\s[-–—]\s|\n|\(|/").expect("valid regex"));

/// Is the element inside a comment thread, a site widget (or one itself: "widget
/// widget_pages"), or a teaser or list of other stories ("article-teaser", "related-posts")?
fn in_comment(e: ElementRef<'_>) -> bool {
    // The body's classes describe the page ("comments-open"), not the element.
    let ancestors = || {
        e.ancestors()
            .filter_map(ElementRef::wrap)
            .filter(|a| !matches!(a.value().name(), "body" | "html"))
    };
    let comment = ancestors().any(|a| {
        let v = a.value();
        v.attr("class")
            .or_else(|| v.attr("id"))
            .is_some_and(|c| c.contains("comment"))
    });
    // A teaser class on the element itself may be the article's own header ("teaser-cat").
    comment
        || has_class_token(e, Class::WidgetClassToken)
        || ancestors().any(|a| {
            has_class_token(a, Class::WidgetClassToken)
                || has_class_token(a, Class::OtherStoryClassToken)
        })
}

/// Does one of the element's class names start with one of the class's pieces? A class name
/// is matched from its start or after a dash ("article-teaser", "related-posts"), not inside
/// a word.
fn has_class_token(e: ElementRef<'_>, class: Class) -> bool {
    let Some(classes) = e.value().attr("class") else {
        return false;
    };
    classes.split_whitespace().any(|token| {
        let token = token.to_lowercase();
        std::iter::once(token.as_str())
            .chain(token.match_indices('-').map(|(i, _)| &token[i + 1..]))
            .any(|t| lexicon::members(class).iter().any(|w| t.starts_with(w)))
    })
}

/// Is the element inside a review or comment item (`itemprop="review"`, a Review type)?
fn in_review(e: ElementRef<'_>) -> bool {
    e.ancestors().filter_map(ElementRef::wrap).any(|a| {
        let v = a.value();
        v.attr("itemprop")
            .is_some_and(|p| p.contains("review") || p.contains("comment"))
            || v.attr("itemtype")
                .is_some_and(|t| t.contains("Review") || t.contains("Comment"))
    })
}

/// Short elements whose class or id names a byline or author: their capitalised names.
fn visible_byline(page: &Page<'_>) -> Option<Vec<String>> {
    static SEL: LazyLock<Selector> = LazyLock::new(|| sel("byline, [class], [id]"));
    page.doc
        .select(&SEL)
        .filter(|e| {
            let v = e.value();
            let ci = format!(
                "{} {} {}",
                v.name(),
                v.attr("class").unwrap_or(""),
                v.attr("id").unwrap_or("")
            );
            BYLINE_CLASS.is_match(&ci) && !NOT_BYLINE_CLASS.is_match(&ci)
        })
        .filter(|e| !in_comment(*e) && !matches!(e.value().name(), "body" | "html" | "meta"))
        .take(MAX_BYLINE_ELEMENTS)
        .find_map(|e| {
            let text = element_text(e);
            byline_names(&text, usize::MAX, page).or_else(|| {
                (folded_len(&text) <= MAX_BYLINE_BOX_CHARS)
                    .then(|| first_link_name(e, page))
                    .flatten()
            })
        })
}

/// The first link of a byline element, when it is a full name (the author's profile link in
/// a byline box that also holds a date or a tooltip).
fn first_link_name(e: ElementRef<'_>, page: &Page<'_>) -> Option<Vec<String>> {
    static LINK: LazyLock<Selector> = LazyLock::new(|| sel("a"));
    let text = element_text(e.select(&LINK).next()?);
    let names = people(&[text], page)?;
    names
        .iter()
        .all(|n| byline::looks_like_name(n) && n.split_whitespace().count() > 1)
        .then_some(names)
}

/// The names of a visible byline line: label removed, cut before a date or separator, every
/// word capitalised (or a name particle).
fn byline_names(text: &str, reach: usize, page: &Page<'_>) -> Option<Vec<String>> {
    // Unmarked text is free prose: only full names count there, as in a text byline.
    let full_names_only = reach == LABEL_REACH;
    if text.is_empty() || folded_len(text) > MAX_BYLINE_CHARS {
        return None;
    }
    // A label inside the line counts after a date ("Posted on May 2, 2020 by ..."), never
    // inside a name ("Walter von Aachen").
    let after = byline::after_label(text, 0).or_else(|| {
        let inner = byline::after_label(text, reach)?;
        let before = &text[..text.len() - inner.len()];
        before
            .contains(|c: char| c.is_ascii_digit())
            .then_some(inner)
    });
    let labelled = after.is_some();
    let explicit = after.is_some_and(|a| byline::is_explicit_label(&text[..text.len() - a.len()]));
    let rest = after.unwrap_or(text);
    let cut = NAME_END.find(rest).map_or(rest, |m| &rest[..m.start()]);
    let names = people(&[without_trailing_words(cut).to_string()], page)?;
    let named = names.iter().all(|n| {
        byline::looks_like_name(n)
            && ((labelled && (explicit || !full_names_only)) || n.split_whitespace().count() > 1)
    });
    named.then_some(names)
}

/// A byline cut before its date without the lowercase words left before it ("Jean Morel le",
/// "Lena Brandt am") or date words ("Jane Doe Date February"): a name never ends in them.
fn without_trailing_words(s: &str) -> &str {
    let mut s = s.trim();
    while let Some((head, last)) = s.rsplit_once(char::is_whitespace) {
        // A month may be a surname ("Ann May"): cut it only when a full name stays.
        let date_word = byline::is_date_label(last)
            || (head.contains(char::is_whitespace) && byline::is_date_word(last));
        if !last.starts_with(char::is_lowercase) && !date_word {
            break;
        }
        s = head.trim_end();
    }
    s
}

/// Short text elements that open with a byline label ("Von Jane Doe", "par Jean Dupont",
/// "Text: Jane Doe"), anywhere outside comments.
fn labelled_byline(page: &Page<'_>) -> Option<Vec<String>> {
    static SEL: LazyLock<Selector> =
        LazyLock::new(|| sel("p, em, i, strong, b, span, div, h4, h5, h6, small, address, li"));
    page.doc
        .select(&SEL)
        .take(MAX_LABELLED_ELEMENTS)
        .filter_map(|e| {
            let first = e.text().find(|t| !t.trim().is_empty())?;
            let opens = byline::after_label(first, LABEL_REACH).is_some()
                || byline::is_prefix(first.trim().trim_end_matches(':'));
            opens.then_some(e)
        })
        .filter(|e| !in_comment(*e))
        .find_map(|e| {
            let text = element_text(e);
            if byline::is_prefix(text.trim_end_matches(':').trim()) {
                return byline_names(&format!("{text} {}", text_after(e)), LABEL_REACH, page);
            }
            byline::after_label(&text, LABEL_REACH)
                .and_then(|_| byline_names(&text, LABEL_REACH, page))
        })
}

/// The text that follows an element up to the next element that is not inline
/// ("<b>Text:</b> Jane Doe<br>" → "Jane Doe").
fn text_after(e: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in e.next_siblings() {
        if let Some(t) = node.value().as_text() {
            out.push_str(t);
        } else if let Some(el) = ElementRef::wrap(node) {
            if !matches!(
                el.value().name(),
                "a" | "span" | "b" | "strong" | "em" | "i"
            ) {
                break;
            }
            out.push_str(&element_text(el));
        }
        if out.len() > MAX_BYLINE_CHARS {
            break;
        }
    }
    out
}
