//! Regexes that build fast: the `regex` crate's engine without its literal prefilter.
//!
//! `regex::Regex::new` extracts literals from a pattern to build a prefilter. For the long
//! case-insensitive alternations of the date grammar that extraction costs more than the rest
//! of the build, and their searches (whole texts, matches that start with optional words) ran
//! no faster with it. Built here, with the same syntax and match semantics, they cost about
//! half as much, which was most of `natoclaims extract`'s start-up on one small article.
//!
//! Used for the date finders (`dates.rs`) and the outlet-name regex
//! (`attribution/speakers/registry.rs`). A regex searched on every line or sentence needs a
//! prefilter to rule most of them out without running it: either `regex::Regex`'s own (the
//! boilerplate regexes of `strip.rs`) or a cheaper test of the caller's that admits every text
//! the regex can match (the outlet regex runs only on sentences where an Aho-Corasick scan finds
//! an outlet name standing as a whole word).

use regex_automata::meta;
use regex_automata::util::captures::Captures;
use std::ops::Range;

/// A compiled pattern with `regex::Regex`'s syntax and leftmost-first semantics.
#[derive(Debug, Clone)]
pub struct QuickRegex {
    engine: meta::Regex,
    source: String,
}

impl QuickRegex {
    /// Compile `pattern` (the `regex` crate's syntax, Unicode on) without a prefilter.
    pub fn new(pattern: &str) -> Result<QuickRegex, Box<meta::BuildError>> {
        let engine = meta::Builder::new()
            .configure(meta::Config::new().auto_prefilter(false))
            .build(pattern)
            .map_err(Box::new)?;
        Ok(QuickRegex {
            engine,
            source: pattern.to_string(),
        })
    }

    /// The pattern this was compiled from.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the pattern matches somewhere in `hay`.
    pub fn is_match(&self, hay: &str) -> bool {
        self.engine.is_match(hay)
    }

    /// Every non-overlapping match in `hay`, left to right.
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Found<'h>> + 'r
    where
        'h: 'r,
    {
        self.engine
            .find_iter(hay)
            .map(move |m| Found::new(hay, m.range()))
    }

    /// The groups of every non-overlapping match in `hay`, left to right.
    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Groups<'h>> + 'r
    where
        'h: 'r,
    {
        self.engine
            .captures_iter(hay)
            .map(move |caps| Groups { hay, caps })
    }
}

/// A match or group: a range of the searched text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    /// The match at `range` of `hay`.
    fn new(hay: &'h str, range: Range<usize>) -> Found<'h> {
        Found {
            hay,
            start: range.start,
            end: range.end,
        }
    }

    /// Byte offset where the match starts.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset where the match ends.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The match's byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

/// The groups of one match.
#[derive(Debug, Clone)]
pub struct Groups<'h> {
    hay: &'h str,
    caps: Captures,
}

impl<'h> Groups<'h> {
    /// Group `index` (0 is the whole match), if it took part in the match.
    pub fn get(&self, index: usize) -> Option<Found<'h>> {
        self.caps
            .get_group(index)
            .map(|s| Found::new(self.hay, s.range()))
    }

    /// The group called `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Found<'h>> {
        self.caps
            .get_group_by_name(name)
            .map(|s| Found::new(self.hay, s.range()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_and_groups_as_the_regex_crate_does() {
        let pattern = r"(?i)\b(?:(?P<pre>on|last)\s+)?(?P<wd>monday|friday)\b";
        let quick = QuickRegex::new(pattern).unwrap();
        let full = regex::Regex::new(pattern).unwrap();
        let text = "Talks began Last Friday and ended on Monday; mondays are quiet.";
        let ours: Vec<_> = quick
            .captures_iter(text)
            .map(|c| (c.get(0).unwrap().range(), c.name("pre").map(|m| m.as_str())))
            .collect();
        let theirs: Vec<_> = full
            .captures_iter(text)
            .map(|c| (c.get(0).unwrap().range(), c.name("pre").map(|m| m.as_str())))
            .collect();
        assert_eq!(ours, theirs);
        assert_eq!(ours.len(), 2);
        assert_eq!(
            quick.find_iter(text).next().unwrap().as_str(),
            "Last Friday"
        );
        assert!(!quick.is_match("on Sunday"));
    }
}
