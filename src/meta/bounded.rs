//! Regexes with bounded repeats of Unicode classes (`[\p{L} ]{1,30}`) without their build cost.
//!
//! Such a repeat compiles to one copy of the class per allowed repetition: a few of them cost
//! tens of milliseconds at start-up. A [`Bounded`] regex runs the same pattern with each
//! `{1,N}` loosened to `+` (fast to build) and checks the named group around each repeat on
//! the match. A leftmost-first match whose repeats are within their bounds is also the bounded
//! pattern's match (the bounded pattern's paths are the loose one's, in the same order, minus
//! those past a bound), so the answer is the same; only when a repeat is past its bound is the
//! bounded pattern itself built and run.

use regex::{Captures, Regex};
use std::sync::OnceLock;

/// A pattern whose `{1,N}` repeats each fill one named group, with the group's bound.
pub struct Bounded {
    pattern: &'static str,
    limits: &'static [(&'static str, usize)],
    /// Strings of which every match holds one: without any, no regex is built or run.
    needles: &'static [&'static str],
    /// The needles as one literal searcher, built when first asked.
    finder: OnceLock<aho_corasick::AhoCorasick>,
    loose: OnceLock<Regex>,
    exact: OnceLock<Regex>,
}

impl Bounded {
    /// `pattern` with every `{1,N}` (greedy or lazy) the whole of a named group listed in
    /// `limits` as `(name, N)`; every match of it holds one of `needles`.
    pub const fn new(
        pattern: &'static str,
        limits: &'static [(&'static str, usize)],
        needles: &'static [&'static str],
    ) -> Self {
        Bounded {
            pattern,
            limits,
            needles,
            finder: OnceLock::new(),
            loose: OnceLock::new(),
            exact: OnceLock::new(),
        }
    }

    /// The bounded pattern's leftmost-first match and its groups.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        // One scan for all the needles (`haystack.contains(n)` for each, in one pass).
        let finder = self.finder.get_or_init(|| {
            aho_corasick::AhoCorasick::new(self.needles).expect("literal needles build")
        });
        if !finder.is_match(haystack) {
            return None;
        }
        let c = self.loose().captures(haystack)?;
        if self.within_bounds(&c) {
            return Some(c);
        }
        self.exact
            .get_or_init(|| Regex::new(self.pattern).expect("valid regex"))
            .captures(haystack)
    }

    /// `haystack` with the first match removed (as `Regex::replace(haystack, "")`).
    pub fn remove_first<'h>(&self, haystack: &'h str) -> std::borrow::Cow<'h, str> {
        match self.captures(haystack).and_then(|c| c.get(0)) {
            Some(m) => format!("{}{}", &haystack[..m.start()], &haystack[m.end()..]).into(),
            None => haystack.into(),
        }
    }

    fn within_bounds(&self, c: &Captures) -> bool {
        self.limits.iter().all(|&(name, max)| {
            c.name(name)
                .is_none_or(|m| m.as_str().chars().count() <= max)
        })
    }

    fn loose(&self) -> &Regex {
        self.loose.get_or_init(|| {
            let (loose, n) = loosen(self.pattern);
            assert_eq!(
                n,
                self.limits.len(),
                "one limit per {{1,N}} in {}",
                self.pattern
            );
            Regex::new(&loose).expect("valid regex")
        })
    }
}

/// The pattern with each `{1,N}` written `+`, and how many there were.
fn loosen(pattern: &str) -> (String, usize) {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    let mut n = 0;
    while let Some(i) = rest.find("{1,") {
        let close = rest[i..].find('}').map(|j| i + j);
        match close.filter(|&j| rest[i + 3..j].bytes().all(|b| b.is_ascii_digit())) {
            Some(j) => {
                out.push_str(&rest[..i]);
                out.push('+');
                n += 1;
                rest = &rest[j + 1..];
            }
            None => {
                out.push_str(&rest[..i + 3]);
                rest = &rest[i + 3..];
            }
        }
    }
    out.push_str(rest);
    (out, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loosened_patterns_give_the_bounded_answers() {
        static RE: Bounded = Bounded::new(
            r"\s+By\s+\p{Lu}(?<name>[\p{L} ]{1,5})$",
            &[("name", 5)],
            &["By"],
        );
        let exact = Regex::new(RE.pattern).unwrap();
        for t in [
            "Title By Reuters",
            "Title By Reut",
            "Title By Abcdefgh By Xy",
            "no credit",
            "Title By Abcdefgh",
        ] {
            let want = exact.captures(t).map(|c| c[0].to_string());
            assert_eq!(RE.captures(t).map(|c| c[0].to_string()), want, "{t}");
            assert_eq!(RE.remove_first(t), exact.replace(t, ""), "{t}");
        }
        assert_eq!(loosen(r"a{1,40}?b{2}c{1,3}"), ("a+?b{2}c+".to_string(), 2));
    }
}
