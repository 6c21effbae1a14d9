//! Topic scope and stance: is an attributed statement about the topic, and which way does it
//! lean? The terms live in a data file (`lexicon/topics/*.txt`), so another topic is a new
//! file, not new code.

use regex::Regex;

use crate::claim::Stance;

/// The built-in topic: Ukraine's bid to join NATO.
pub const NATO_UKRAINE: &str = include_str!("lexicon/topics/nato-ukraine.txt");

/// A compiled topic definition.
#[derive(Debug, Clone)]
pub struct Topic {
    core: Option<Regex>,
    weak: Option<Regex>,
    subject: Option<Regex>,
    exclude: Option<Regex>,
    off: Option<Regex>,
    supports: Option<Regex>,
    opposes: Option<Regex>,
    conditional: Option<Regex>,
}

/// Which statements to keep.
#[derive(Debug, Clone)]
pub enum Scope {
    /// Every attributed statement, stance neutral.
    Any,
    /// Only statements on this topic.
    Topic(Box<Topic>),
}

impl Scope {
    /// The default scope: Ukraine's NATO bid.
    pub fn nato_ukraine() -> Scope {
        Scope::Topic(Box::new(Topic::parse(NATO_UKRAINE).expect("built-in topic file is valid")))
    }
}

/// The text around a statement that scope rules may look at.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The quote or reported clause.
    pub content: &'a str,
    /// The sentence(s) it was read from.
    pub sentence: &'a str,
    /// Its paragraph.
    pub paragraph: &'a str,
    /// The article headline, if any.
    pub title: &'a str,
}

impl Topic {
    /// Parse a topic file: `[section]` headers and one term per line.
    pub fn parse(data: &str) -> Result<Topic, String> {
        let mut sections: Vec<(String, Vec<String>)> = Vec::new();
        for line in data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                sections.push((name.to_string(), Vec::new()));
            } else if let Some((_, terms)) = sections.last_mut() {
                terms.push(line.to_lowercase());
            } else {
                return Err(format!("term before any [section]: {line}"));
            }
        }
        let get = |name: &str| -> Result<Option<Regex>, String> {
            match sections.iter().find(|(n, _)| n == name) {
                Some((_, terms)) if !terms.is_empty() => compile(terms).map(Some),
                _ => Ok(None),
            }
        };
        Ok(Topic {
            core: get("core")?,
            weak: get("weak")?,
            subject: get("subject")?,
            exclude: get("exclude")?,
            off: get("off")?,
            supports: get("supports")?,
            opposes: get("opposes")?,
            conditional: get("conditional")?,
        })
    }

    /// Does the statement concern the topic?
    pub fn in_scope(&self, c: &Context) -> bool {
        let content = c.content.to_lowercase();
        let sentence = c.sentence.to_lowercase();
        let paragraph = c.paragraph.to_lowercase();
        let core_here = hit(&self.core, &content);
        let core_near = hit(&self.core, &sentence) || hit(&self.core, &paragraph);
        let on_topic = core_here || (hit(&self.weak, &content) && core_near);
        let subject = self.subject.is_none()
            || [&content, &sentence, &paragraph, &c.title.to_lowercase()].iter().any(|t| hit(&self.subject, t));
        let excluded = hit(&self.exclude, &content) && !hit(&self.subject, &content);
        let off = hit(&self.off, &content) && !content.contains("nato") && !content.contains("alliance");
        on_topic && subject && !excluded && !off
    }

    /// Stance from condition, opposition and support markers, in that order.
    pub fn stance(&self, content: &str) -> Stance {
        let c = content.to_lowercase();
        if hit(&self.conditional, &c) {
            Stance::Conditional
        } else if hit(&self.opposes, &c) {
            Stance::Opposes
        } else if hit(&self.supports, &c) {
            Stance::Supports
        } else {
            Stance::Neutral
        }
    }
}

fn hit(re: &Option<Regex>, text: &str) -> bool {
    re.as_ref().is_some_and(|r| r.is_match(text))
}

/// One regex for a list of terms: word boundaries, `*` matches a word's ending.
fn compile(terms: &[String]) -> Result<Regex, String> {
    let alts: Vec<String> = terms
        .iter()
        .map(|t| {
            let (stem, wild) = t.strip_suffix('*').map_or((t.as_str(), false), |s| (s, true));
            let body = regex::escape(stem).replace("'", "['\u{2019}]");
            let lead = if stem.starts_with(|c: char| c.is_alphanumeric()) { r"\b" } else { "" };
            let tail = if wild { r"\w*" } else if stem.ends_with(|c: char| c.is_alphanumeric()) { r"\b" } else { "" };
            format!("{lead}{body}{tail}")
        })
        .collect();
    Regex::new(&alts.join("|")).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic() -> Topic {
        Topic::parse(NATO_UKRAINE).unwrap()
    }

    fn ctx<'a>(content: &'a str, paragraph: &'a str) -> Context<'a> {
        Context { content, sentence: content, paragraph, title: "" }
    }

    #[test]
    fn membership_statements_are_in_scope() {
        let t = topic();
        assert!(t.in_scope(&ctx("Ukraine should be invited to join NATO at the summit", "")));
        assert!(t.in_scope(&ctx("the invitation must come this year", "Kyiv wants NATO to act on Ukraine.")));
    }

    #[test]
    fn off_topic_statements_are_out() {
        let t = topic();
        assert!(!t.in_scope(&ctx("allies must spend 2% of GDP on defence", "NATO allies met.")));
        assert!(!t.in_scope(&ctx("Finland's accession to NATO is a historic step", "")));
        assert!(!t.in_scope(&ctx("the grain deal must be extended", "Ukraine and Russia")));
        assert!(!t.in_scope(&ctx("Ukraine's EU membership talks should open", "Ukraine")));
    }

    #[test]
    fn stance_markers() {
        let t = topic();
        assert_eq!(t.stance("Ukraine will join NATO only after the war ends"), Stance::Conditional);
        assert_eq!(t.stance("Ukraine in NATO is a red line"), Stance::Opposes);
        assert_eq!(t.stance("Ukraine deserves an invitation"), Stance::Supports);
        assert_eq!(t.stance("the ministers met in Brussels"), Stance::Neutral);
    }

    #[test]
    fn bad_topic_file_is_an_error() {
        assert!(Topic::parse("nato\n").is_err());
    }
}
