//! Word lists as data: each list is a text file in this folder, compiled once.
//!
//! Adding a cue verb, a title word or a UI phrase is a one-line change to a `.txt` file.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Non-empty, non-comment lines of a list file, trimmed.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(data: &'static str) -> HashSet<&'static str> {
    entries(data).collect()
}

/// English function words (lowercase).
pub static STOPWORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("stopwords.txt")));

/// Whole-line page furniture ("skip to content", "subscribe"), lowercase.
pub static UI_PHRASES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("ui_phrases.txt")));

/// Headings that introduce lists of other stories, lowercase.
pub static SECTION_HEADERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("section_headers.txt")));

/// Title and role words ("president", "minister", "spokesman"), lowercase.
pub static TITLE_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("title_words.txt")));

/// Capitalised words that are never part of a person's name: places, nationalities,
/// institutions, months, weekdays (lowercase).
pub static NOT_NAME_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("not_names.txt")));

/// Institutions that speak ("NATO", "the Kremlin"), as `alias = canonical name` lines.
pub static ORGANIZATIONS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    entries(include_str!("organizations.txt"))
        .filter_map(|l| {
            let (alias, name) = l.split_once('=')?;
            Some((alias.trim(), name.trim()))
        })
        .collect()
});

/// Female first names, lowercase, for pronoun agreement.
pub static FEMALE_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("female_names.txt")));

/// News outlets ("Reuters", "Politico"), used for "the publication" and wire datelines.
pub static OUTLETS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("outlets.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_without_comments() {
        assert!(STOPWORDS.contains("the"));
        assert!(!STOPWORDS.iter().any(|w| w.starts_with('#')));
        assert!(UI_PHRASES.contains("skip to content"));
        assert!(TITLE_WORDS.contains("president"));
        assert!(ORGANIZATIONS.iter().any(|(a, _)| *a == "kremlin"));
    }
}
