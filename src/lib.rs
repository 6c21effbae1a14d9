//! natoclaims: who said what, and when, about Ukraine's bid to join NATO.
//!
//! The pipeline, one module per stage, data flowing one way:
//! [`input`] (walk, read, decode, HTML) → [`document`] → [`strip`] → [`meta`] →
//! [`sentences`] (with [`quotes`]) → [`attribution`] → [`dating`] (with the [`dates`] grammar) →
//! [`topic`] (scope and stance) → [`claim`] → [`output`].
//!
//! ```
//! use natoclaims::{extract, document::Document, topic::Scope};
//! let doc = Document::from_text(
//!     " date 2023-06-30 Ukraine must be invited to join NATO in Vilnius, Foreign Minister Dmytro Kuleba said on Thursday.\n",
//! );
//! let claims = extract(&doc, &Scope::nato_ukraine());
//! assert_eq!(claims[0].speaker.name, "Dmytro Kuleba");
//! assert_eq!(claims[0].said_on.as_deref(), Some("2023-06-29"));
//! ```

pub mod app;
pub mod attribution;
pub mod claim;
pub mod cli;
pub mod dates;
pub mod dating;
pub mod document;
pub mod error;
pub mod input;
pub mod lexicon;
pub mod meta;
pub mod output;
pub mod quotes;
pub mod sentences;
pub mod strip;
pub mod topic;

use attribution::Attribution;
use claim::{ArticleMeta, Claim, Span, Stance, SCHEMA};
use document::{fold_ws, Document, SourceFormat};
use sentences::Paragraph;
use topic::{Candidate, Context, Scope};

/// Everything the pipeline learns about one article.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Article metadata as printed on each claim.
    pub article: ArticleMeta,
    /// The claims, in text order.
    pub claims: Vec<Claim>,
}

/// Extract the claims of one article.
pub fn extract(doc: &Document, scope: &Scope) -> Vec<Claim> {
    analyze(doc, scope).claims
}

/// Run the whole pipeline on one article.
pub fn analyze(doc: &Document, scope: &Scope) -> Analysis {
    let blocks = strip::classify(doc);
    let meta = meta::read(doc, &blocks);
    let article = ArticleMeta {
        path: doc.path.clone(),
        sha256: doc.sha256.clone(),
        title: meta.title.clone(),
        outlet: meta.outlet.clone(),
        published: meta.published.map(|d| d.to_string()),
        byline: meta.byline.clone(),
    };
    let paragraphs = sentences::paragraphs(&doc.text, &blocks);
    let named_elsewhere: Vec<_> = blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                strip::BlockKind::Headline | strip::BlockKind::Caption
            )
        })
        .map(|b| b.range.clone())
        .collect();
    let attributed = attribution::attribute(&doc.text, &paragraphs, &named_elsewhere);
    let attributions = &attributed.attributions;
    let dated = dating::date_statements(&doc.text, &paragraphs, &attributed, meta.published);
    let title = meta.title.as_deref().unwrap_or("");
    let quotes: Vec<String> = attributions
        .iter()
        .map(|a| quote_text(&doc.text, a))
        .collect();
    let keep = match scope {
        Scope::Any => vec![true; attributions.len()],
        Scope::Topic(t) => {
            let cands: Vec<Candidate> = attributions
                .iter()
                .zip(&quotes)
                .map(|(a, q)| candidate(&doc.text, &paragraphs, a, q, title))
                .collect();
            t.select(&cands)
        }
    };
    let claims = attributions
        .iter()
        .zip(dated)
        .zip(quotes)
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(((a, d), quote), _)| {
            let stance = match scope {
                Scope::Any => Stance::Neutral,
                Scope::Topic(t) => {
                    let who = format!(
                        "{} {}",
                        a.speaker.name,
                        a.speaker.title.as_deref().unwrap_or("")
                    );
                    t.stance(&quote, &doc.text[a.evidence.clone()], &a.cue, &who)
                }
            };
            Claim {
                schema: SCHEMA.to_string(),
                article: article.clone(),
                speaker: claim::Speaker {
                    name: a.speaker.name.clone(),
                    title: a.speaker.title.clone(),
                    kind: a.speaker.kind,
                    mention: a.mention.clone(),
                },
                quote,
                mode: a.mode,
                cue: a.cue.clone(),
                said_on: d.day.map(|d| d.to_string()),
                date_text: d.text,
                stance,
                span: Span {
                    start: a.evidence.start,
                    end: a.evidence.end,
                },
                evidence: fold_ws(&doc.text[a.evidence.clone()]),
            }
        })
        .collect();
    Analysis { article, claims }
}

/// The text `natoclaims strip` prints: for HTML the extracted article text (the text spans
/// point into), for plain text the body paragraphs.
pub fn stripped_text(doc: &Document) -> String {
    match doc.format {
        SourceFormat::Html => doc.text.clone(),
        SourceFormat::Text => strip::body_text(doc, &strip::classify(doc)),
    }
}

fn quote_text(text: &str, a: &Attribution) -> String {
    a.content
        .iter()
        .map(|r| fold_ws(&text[r.clone()]))
        .collect::<Vec<_>>()
        .join(" ... ")
}

fn candidate<'a>(
    text: &'a str,
    paras: &[Paragraph],
    a: &'a Attribution,
    quote: &'a str,
    title: &'a str,
) -> Candidate<'a> {
    let previous = a
        .paragraph
        .checked_sub(1)
        .map_or("", |i| &text[paras[i].range.clone()]);
    Candidate {
        context: Context {
            content: quote,
            sentence: &text[a.evidence.clone()],
            paragraph: &text[paras[a.paragraph].range.clone()],
            previous,
            lead: paras.first().map_or("", |p| &text[p.range.clone()]),
            title,
        },
        speaker: &a.speaker.name,
        paragraph: a.paragraph,
        sentence: (a.evidence.start, a.evidence.end),
        direct: a.mode == claim::Mode::Direct,
    }
}
