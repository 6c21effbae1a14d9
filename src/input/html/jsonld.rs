//! JSON-LD: the page's structured-data objects and the article fields they carry.

use scraper::Html;
use serde_json::Value;

use super::metadata::{Page, SEL_JSONLD};
use crate::document::fold_ws;

/// Every JSON-LD object in the page, with `@graph` and arrays flattened.
pub(super) fn json_ld_objects(doc: &Html) -> Vec<Value> {
    let mut out = Vec::new();
    for s in doc.select(&SEL_JSONLD) {
        let raw: String = s.text().collect();
        let Ok(v) = serde_json::from_str::<Value>(raw.trim()) else {
            continue;
        };
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(a) => stack.extend(a.into_iter().rev()),
                Value::Object(mut o) => {
                    if let Some(g) = o.remove("@graph") {
                        stack.push(g);
                    }
                    out.push(Value::Object(o));
                }
                _ => {}
            }
        }
    }
    out
}

/// Does a JSON-LD object's @type name an article-like type?
fn is_article_type(v: &Value) -> bool {
    let is_art = |t: &str| {
        t.ends_with("Article")
            || matches!(
                t,
                "BlogPosting" | "LiveBlogPosting" | "Report" | "WebPage" | "Posting"
            )
    };
    match v.get("@type") {
        Some(Value::String(t)) => is_art(t),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(is_art),
        _ => false,
    }
}

/// Fill metadata fields from one JSON-LD object (first value found wins).
pub(super) fn apply_json_ld(page: &mut Page, v: &Value) {
    if !is_article_type(v) {
        return;
    }
    let s = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(fold_ws)
            .filter(|x| !x.is_empty())
    };
    let meta = &mut page.meta;
    meta.title = meta
        .title
        .take()
        .or_else(|| s("headline"))
        .or_else(|| s("name"));
    page.published = page.published.take().or_else(|| s("datePublished"));
    if page.article_body.is_none() {
        page.article_body = v
            .get("articleBody")
            .and_then(Value::as_str)
            .map(str::to_string);
    }
    meta.outlet = meta.outlet.take().or_else(|| json_publisher(v));
    if let Some(a) = v.get("author") {
        json_authors(a, &mut meta.byline);
    }
}

/// Publisher name of a JSON-LD object.
fn json_publisher(v: &Value) -> Option<String> {
    let p = v.get("publisher")?;
    let name = p
        .get("name")
        .or_else(|| p.get(0).and_then(|x| x.get("name")))?;
    name.as_str().map(fold_ws).filter(|n| !n.is_empty())
}

/// Author names from a JSON-LD `author` value (Person objects or strings).
fn json_authors(a: &Value, out: &mut Vec<String>) {
    match a {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => {
            for item in items {
                if !item.is_array() {
                    json_authors(item, out);
                }
            }
        }
        Value::Object(o) => {
            let ty = o.get("@type").and_then(Value::as_str).unwrap_or("Person");
            if ty.eq_ignore_ascii_case("Person") {
                if let Some(n) = o.get("name").and_then(Value::as_str) {
                    out.push(n.to_string());
                }
            }
        }
        _ => {}
    }
}
