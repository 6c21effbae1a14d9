//! The output model: one attributed claim, field for field as `spec/CLAIMS.md` defines it.

use crate::document::fold_ws;
use crate::meta::Meta;
use serde::{Deserialize, Serialize};

/// The schema tag written on every line.
pub const SCHEMA: &str = "natoclaims/1";

/// One attributed statement, as printed on one JSON line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The claim's stable id: 16 hex characters (see [`crate::claim_id`]).
    pub id: String,
    /// The article the claim was read from.
    pub article: ArticleMeta,
    /// Who made the statement.
    pub speaker: Speaker,
    /// The quoted words or the reported clause.
    pub quote: String,
    /// Direct, indirect or mixed speech.
    pub mode: Mode,
    /// The reporting cue as written ("said", "According to", "adding"); null for a quotation
    /// that continues the speaker's previous quotation without a cue of its own.
    pub cue: Option<String>,
    /// The day the statement was made (ISO date), when the text fixes it.
    pub said_on: Option<String>,
    /// The time phrase that fixed (or failed to fix) `said_on`.
    pub date_text: Option<String>,
    /// Stance toward Ukraine joining NATO.
    pub stance: Stance,
    /// Byte offsets of the evidence in the article text.
    pub span: Span,
    /// The evidence sentence(s), whitespace folded.
    pub evidence: String,
}

impl Claim {
    /// Check the claim against the text its span points into: the span lies on char
    /// boundaries inside the text, the evidence is the folded span, and the claim is one JSON
    /// line that parses back to itself. The fuzz target and the property tests run this.
    pub fn check(&self, text: &str) -> Result<(), String> {
        let (s, e) = (self.span.start, self.span.end);
        if s > e || e > text.len() {
            return Err(format!("span {s}..{e} outside text of {}", text.len()));
        }
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            return Err(format!("span {s}..{e} splits a char"));
        }
        let folded = fold_ws(&text[s..e]);
        if self.evidence != folded {
            return Err(format!(
                "evidence {:?} is not the span {folded:?}",
                self.evidence
            ));
        }
        let line = serde_json::to_string(self).map_err(|e| format!("does not serialise: {e}"))?;
        if line.contains('\n') {
            return Err("the JSON line holds a newline".into());
        }
        let back: Claim =
            serde_json::from_str(&line).map_err(|e| format!("line does not parse back: {e}"))?;
        if &back != self {
            return Err(format!("line parses back as another claim: {line}"));
        }
        Ok(())
    }
}

/// Article-level metadata repeated on each claim.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMeta {
    /// The path as given on the command line (or "-" for stdin).
    pub path: String,
    /// Hex SHA-256 of the raw file bytes.
    pub sha256: String,
    /// Title, outlet, publication day and authors (written as fields of the article record).
    #[serde(flatten)]
    pub meta: Meta,
}

/// The speaker of a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// The fullest form of the name used in the article.
    pub name: String,
    /// One spelling of the speaker across a run: transliterations and short forms folded
    /// ("Zelenskiy", "Vladimir Zelensky" → "Volodymyr Zelensky"); see `docs/FIELDS.md`.
    pub canonical: String,
    /// The speaker's title or role, when the article gives one.
    pub title: Option<String>,
    /// Person or organization.
    pub kind: SpeakerKind,
    /// The form used at the cue ("he", "the Ukrainian leader", "Stoltenberg").
    pub mention: String,
}

/// Whether a speaker is a person or an institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named human being.
    Person,
    /// An institution, government, team or outlet.
    Organization,
}

/// How the statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The speaker's words inside quotation marks.
    Direct,
    /// A reported clause without quotation marks.
    Indirect,
    /// A reported clause that contains quoted words.
    Mixed,
}

/// Stance toward Ukraine joining NATO.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// For joining, or for an invitation now or soon.
    Supports,
    /// Against it.
    Opposes,
    /// Yes, but only after a condition.
    Conditional,
    /// Procedural or factual.
    Neutral,
}

/// Byte offsets into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_record_is_flat_and_strict() {
        let doc = crate::Document::from_text(
            " date 2023-06-30 NATO Secretary General Jens Stoltenberg said on June 29 that Ukraine would be invited to join the alliance.\n",
        );
        let claim = crate::extract(&doc, &crate::Scope::nato_ukraine()).remove(0);
        let line = serde_json::to_string(&claim).unwrap();
        assert!(
            line.contains(
                r#""sha256":"","title":null,"outlet":null,"published":"2023-06-30","byline":[]}"#
            ),
            "{line}"
        );
        assert_eq!(serde_json::from_str::<Claim>(&line).unwrap(), claim);
        let extra = line.replace(r#""byline":[]"#, r#""byline":[],"color":"red""#);
        assert!(
            serde_json::from_str::<Claim>(&extra).is_err(),
            "unknown article field accepted"
        );
        let bad_day = line.replace("2023-06-30", "30 June");
        assert!(serde_json::from_str::<Claim>(&bad_day).is_err());
    }
}
