//! JSON-LD as the web writes it: every structured-data object of the page (arrays, `@graph`
//! and `mainEntity` flattened), `{"@id": ...}` references resolved, article-like objects first.

use std::collections::HashMap;

use scraper::Html;
use serde_json::Value;

use super::metadata::SEL_JSONLD;
use crate::document::fold_ws;
use crate::lexicon::{self, Class};

/// The page's structured data: objects in reading order and an index of their `@id`s.
#[derive(Debug, Default)]
pub(super) struct Graph {
    /// Every object, article-like types before generic pages and other objects.
    pub(super) objects: Vec<Value>,
    /// `@id` → position in `objects`.
    ids: HashMap<String, usize>,
}

impl Graph {
    /// Read every JSON-LD script of the page; a script that does not parse is skipped.
    pub(super) fn read(doc: &Html) -> Graph {
        let mut objects = Vec::new();
        for s in doc.select(&SEL_JSONLD) {
            let raw: String = s.text().collect();
            if let Some(v) = parse_lenient(raw.trim()) {
                flatten(v, &mut objects);
            }
        }
        objects.sort_by_key(rank);
        let ids = objects
            .iter()
            .enumerate()
            .filter_map(|(i, o)| Some((o.get("@id")?.as_str()?.to_string(), i)))
            .collect();
        Graph { objects, ids }
    }

    /// Article-like objects (anything that is not the site, a person, a picture ...), in order.
    /// An object typed as an article among other types (`["WebPage", "BreadcrumbList",
    /// "Article"]`) is one.
    pub(super) fn articles(&self) -> impl Iterator<Item = &Value> {
        self.objects.iter().filter(|o| {
            is_article_type(o)
                || !types(o)
                    .iter()
                    .any(|t| lexicon::is(Class::NotArticleType, t))
        })
    }

    /// The first non-empty string of `key` on an article-like object.
    pub(super) fn article_str(&self, key: &str) -> Option<String> {
        self.articles().find_map(|o| string(o.get(key)?))
    }

    /// Every value of `key` on article-like objects, as strings, in order.
    pub(super) fn article_strs<'a>(&'a self, key: &'a str) -> impl Iterator<Item = String> + 'a {
        self.articles().filter_map(move |o| string(o.get(key)?))
    }

    /// An object itself, or the node its `{"@id": ...}` reference points to.
    fn resolve<'a>(&'a self, v: &'a Value) -> &'a Value {
        let Some(o) = v.as_object() else { return v };
        if o.contains_key("name") || o.contains_key("givenName") {
            return v;
        }
        o.get("@id")
            .and_then(Value::as_str)
            .and_then(|id| self.ids.get(id))
            .map_or(v, |&i| &self.objects[i])
    }

    /// Author names of the first article-like object that names people.
    pub(super) fn authors(&self) -> Vec<String> {
        self.articles()
            .filter_map(|o| o.get("author").or_else(|| o.get("creator")))
            .map(|a| {
                let mut out = Vec::new();
                self.author_names(a, &mut out);
                out
            })
            .find(|names| !names.is_empty())
            .unwrap_or_default()
    }

    /// Names from an `author` value: strings, Person objects, references, lists of them.
    fn author_names(&self, a: &Value, out: &mut Vec<String>) {
        match self.resolve(a) {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items
                .iter()
                .filter(|i| !i.is_array())
                .for_each(|i| self.author_names(i, out)),
            v @ Value::Object(_) if !has_type(v, &["Organization", "NewsMediaOrganization"]) => {
                if let Some(n) = person_name(v) {
                    out.push(n);
                }
            }
            _ => {}
        }
    }

    /// The publisher's name.
    pub(super) fn publisher(&self) -> Option<String> {
        self.articles().find_map(|o| {
            let p = self.resolve(o.get("publisher")?);
            let p = p.get(0).map_or(p, |first| self.resolve(first));
            string(p.get("name")?)
        })
    }
}

/// Parse JSON, retrying once without raw control characters (newlines inside strings).
fn parse_lenient(raw: &str) -> Option<Value> {
    serde_json::from_str(raw).ok().or_else(|| {
        let cleaned: String = raw
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// Push every object of a JSON-LD value (arrays, `@graph`, `mainEntity` unnested).
fn flatten(v: Value, out: &mut Vec<Value>) {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a.into_iter().rev()),
            Value::Object(mut o) => {
                for key in ["@graph", "mainEntity"] {
                    if let Some(g) = o.remove(key).filter(|g| g.is_array() || g.is_object()) {
                        stack.push(g);
                    }
                }
                out.push(Value::Object(o));
            }
            _ => {}
        }
    }
}

/// Is one of the object's types an article ("NewsArticle", "BlogPosting")?
fn is_article_type(v: &Value) -> bool {
    types(v)
        .iter()
        .any(|t| t.ends_with("Article") || t.ends_with("Posting"))
}

/// Sort key: article types first, then other creative works, then generic pages.
fn rank(v: &Value) -> u8 {
    let types = types(v);
    if is_article_type(v) {
        0
    } else if types.iter().any(|t| t.ends_with("Page")) {
        2
    } else {
        1
    }
}

/// The `@type` names of an object.
fn types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Does the object have one of these types?
fn has_type(v: &Value, names: &[&str]) -> bool {
    types(v).iter().any(|t| names.contains(t))
}

/// A Person object's name (`name`, or `givenName familyName`). A one-word name is completed
/// by the person's own description when it opens with that name and a surname ("Nils" with
/// "Nils Berger ist freier Autor ..." is "Nils Berger").
fn person_name(v: &Value) -> Option<String> {
    if let Some(n) = v.get("name").and_then(string) {
        let full = v
            .get("description")
            .and_then(string)
            .and_then(|d| completed_name(&n, &d));
        return Some(full.unwrap_or(n));
    }
    let given = v.get("givenName").and_then(string)?;
    let family = v.get("familyName").and_then(string).unwrap_or_default();
    Some(fold_ws(&format!("{given} {family}")))
}

/// Capitalised words after a one-word name at most: more is a phrase of capitalised nouns.
const MAX_SURNAME_WORDS: usize = 2;

/// The full name a text opens with, when it opens with the one-word `name` and then one or two
/// capitalised words that end at a lowercase word, a punctuation mark or the end of the text
/// ("Nils Berger ist ...", "Stefan Moll - Ingenieur ..."); a word ending in punctuation ends
/// the name.
fn completed_name(name: &str, text: &str) -> Option<String> {
    if name.contains(char::is_whitespace) || !name.starts_with(char::is_uppercase) {
        return None;
    }
    let mut words = text.split_whitespace();
    if words.next()? != name {
        return None;
    }
    let mut surname: Vec<&str> = Vec::new();
    for w in words.by_ref() {
        if !w.starts_with(char::is_uppercase) {
            break;
        }
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty()
            || !bare
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            return None;
        }
        surname.push(bare);
        if surname.len() > MAX_SURNAME_WORDS {
            return None;
        }
        if bare.len() < w.len() {
            break;
        }
    }
    (!surname.is_empty()).then(|| format!("{name} {}", surname.join(" ")))
}

/// A non-empty string value, whitespace folded (the first string of a list).
fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(fold_ws(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(string),
        _ => None,
    }
}
