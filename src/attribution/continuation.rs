//! Claims with no cue of their own: signature lines, bare quotations, and the subject a
//! narration sentence makes likeliest for the next pronoun.

use super::clause::*;
use super::find::{apposed_role, conjuncts, last_conjunct_start};
use super::quoting::*;
use super::speakers::{self, Mention, Resolved};
use super::state::State;
use super::subject::*;
use super::tokens::Token;
use super::Attribution;
use crate::claim::Mode;
use crate::lexicon::Class;
use crate::quotes;
use crate::sentences::Paragraph;
use std::ops::Range;

/// Text above a signature line must be a statement, not a caption or a label.
const MIN_SIGNED_WORDS: usize = 6;

/// Words a meeting verb may have before its "with" ("held talks with").
const MEETING_VERB_WORDS: usize = 3;

/// A quotation of one or two words ("“useful”") is a term, not a statement.
const MIN_BARE_QUOTE_WORDS: usize = 3;

impl State<'_> {
    /// A name line signing the text above it ("... diplomatic means. Volodymyr Zelensky,
    /// President of Ukraine"): the preceding sentences of the paragraph, or the preceding
    /// paragraph when the line stands alone, are that person's direct statement.
    pub(super) fn signature(
        &mut self,
        paras: &[Paragraph],
        pi: usize,
        si: usize,
        s: &Range<usize>,
        toks: &[Token],
    ) -> bool {
        let Some((run, title)) = signature_line(self.text, toks, s) else {
            return false;
        };
        let p = &paras[pi];
        let content = if si > 0 {
            p.range.start..p.sentences[si - 1].end
        } else if pi > 0 && self.out.last().is_none_or(|a| a.paragraph + 1 < pi) {
            paras[pi - 1].range.clone()
        } else {
            return false;
        };
        let content = strip_marks(self.text, content);
        if self.text[content.clone()].split_whitespace().count() < MIN_SIGNED_WORDS {
            return false;
        }
        let mention = Mention::Name {
            name: speakers::join(self.text, &toks[run.clone()]),
            title,
        };
        let Some(speaker) = self.registry.resolve(&mention, s.start, &self.recent) else {
            return false;
        };
        let evidence = content.start..s.end;
        self.recent.push((evidence.start, speaker.clone()));
        self.out.push(Attribution {
            speaker,
            mention: speakers::join(self.text, &toks[run]),
            cue: Some(self.text[s.clone()].trim().to_string()),
            frame: vec![s.clone()],
            content: vec![content],
            mode: Mode::Direct,
            evidence,
            paragraph: pi,
            perfect: false,
            present: false,
        });
        true
    }

    /// A narration sentence that opens with a person makes them the likeliest "he"/"she" next,
    /// and one that opens with an institution or its document the referent of a later "it".
    /// With `known_only`, a one-word name counts only if the article names that person
    /// elsewhere ("Outright victory is vital, he said" has no subject "Outright").
    pub(super) fn note_subject(&mut self, toks: &[Token], known_only: bool, pi: usize) {
        let Some(Subject { np, .. }) = clause_subject(toks, toks.len()) else {
            return;
        };
        // Classified only when a name is apposed: this runs for most sentences.
        let np = apposed_full_name(toks, &np)
            .filter(|_| {
                !matches!(
                    speakers::classify(self.text, &toks[np.clone()], None),
                    Some(Mention::Name { .. })
                )
            })
            .unwrap_or(np);
        // A person, or (in a sentence with no cue) an institution or its document, which a
        // later "it" may refer to ("The ministry issued a statement. It said ...").
        let Some(mention) = speakers::classify(self.text, &toks[np.clone()], None) else {
            // "Protesters gathered outside.": a later "they" is likelier them than a group.
            if let Some(g) = self.group.as_mut() {
                g.pronoun_ok = false;
            }
            return;
        };
        let institutional = matches!(
            mention,
            Mention::Organization(_) | Mention::Document { .. } | Mention::Members(_)
        );
        if !matches!(mention, Mention::Name { .. }) && (known_only || !institutional) {
            return;
        }
        if let Mention::Name { name, .. } = &mention {
            let unknown_word = !name.contains(' ') && !self.registry.knows(name);
            // "Strong words from ...", "Membership talks are for later": a capitalised common
            // word opening the sentence is no person.
            // The name's own word decides, not a title before it ("President Zelensky, who
            // ..., wanted more").
            let common = crate::lexicon::is_common_word(&crate::document::to_lowercase(name));
            // "Start with the minister himself.", "Back in Kyiv, ...": an unknown word that a
            // preposition or question word follows is an imperative or an adverb, no subject.
            let adjunct_next = toks.get(np.end).is_some_and(|t| {
                t.is(crate::lexicon::Class::Preposition)
                    || t.is(crate::lexicon::Class::Interrogative)
            });
            if unknown_word && (known_only || common || adjunct_next) {
                return;
            }
        }
        let pos = toks[np.start].range.start;
        let Some(r) = self.registry.resolve(&mention, pos, &self.recent) else {
            return;
        };
        // "Scholz and Macron met ...": every conjunct is named, and together they are a group.
        let named: Vec<(usize, Resolved)> =
            conjuncts(self.text, toks, last_conjunct_start(toks, np.clone()))
                .into_iter()
                .filter_map(|(start, m, _)| {
                    let at = toks[start].range.start;
                    self.registry.resolve(&m, at, &self.recent).map(|c| (at, c))
                })
                .collect();
        let first: Vec<Resolved> = named.iter().map(|(_, c)| c.clone()).collect();
        self.recent.extend(named);
        self.recent.push((pos, r.clone()));
        // "Scholz met Macron in Paris": the two meet as a group, though only the subject is
        // the likeliest referent of a later "he".
        match self.met_partner(toks, np.end) {
            Some(partner) if first.is_empty() => self.note_group(vec![r], partner, pi),
            _ => self.note_group(first, r, pi),
        }
    }

    /// The named person a meeting verb right after the subject has as its partner ("met
    /// Macron", "held talks with the Polish president, Andrzej Duda"); a place visited or an
    /// institution is none ("visited Kyiv").
    fn met_partner(&self, toks: &[Token], verb: usize) -> Option<Resolved> {
        let verb = after_role(toks, verb);
        let t = toks.get(verb).filter(|t| !t.quoted)?;
        let from = if t.is(Class::TransitiveMeetingVerb) {
            // "met with X" as "met X".
            verb + 1 + usize::from(toks.get(verb + 1).is_some_and(|w| w.lower == "with"))
        } else if t.is(Class::MeetingVerb) {
            // "held talks with", "spoke with": the verb's own words up to "with".
            (verb + 1..toks.len().min(verb + 1 + MEETING_VERB_WORDS))
                .find(|&k| toks[k].lower == "with" && !toks[k].quoted)?
                + 1
        } else {
            return None;
        };
        let (np, title) = np_after(self.text, toks, from)?;
        let mention = speakers::classify(self.text, &toks[np.clone()], title)
            .filter(|m| matches!(m, Mention::Name { .. }))?;
        self.registry
            .resolve(&mention, toks[np.start].range.start, &self.recent)
            .filter(|r| r.kind == crate::claim::SpeakerKind::Person)
    }

    /// A sentence that is only a quotation, after a claim (quoted or reported) in this or the
    /// previous paragraph, is a claim of the same speaker with no cue of its own.
    pub(super) fn bare_quote(&mut self, paras: &[Paragraph], pi: usize, s: Range<usize>) {
        let p = &paras[pi];
        let Some(q) = quotes::starting_at(&p.quotes, s.start)
            .filter(|q| q.closed && q.outer.end + 2 >= s.end)
        else {
            return;
        };
        let Some(last) = self.out.last_mut() else {
            return;
        };
        let taken = last
            .content
            .iter()
            .any(|c| c.start < q.inner.end && q.inner.start < c.end);
        if taken || last.paragraph + 1 < pi || last.evidence.end > s.start {
            return;
        }
        if self.text[q.inner.clone()].split_whitespace().count() < MIN_BARE_QUOTE_WORDS {
            return;
        }
        let runs_on =
            last.paragraph + 1 == pi && ends_in_open_quote(&paras[last.paragraph], &last.content);
        if runs_on {
            // A quotation left open at the end of a paragraph goes on in this one.
            last.content.push(trim_content(self.text, q.inner.clone()));
            last.evidence.end = s.end;
            return;
        }
        let continuation = Attribution {
            cue: None,
            content: vec![trim_content(self.text, q.inner.clone())],
            mode: Mode::Direct,
            evidence: s.clone(),
            paragraph: pi,
            frame: Vec::new(),
            ..last.clone()
        };
        self.out.push(continuation);
    }
}

/// The paragraph's last quotation is left open and the content ends inside it.
fn ends_in_open_quote(p: &Paragraph, content: &[Range<usize>]) -> bool {
    let (Some(q), Some(c)) = (p.quotes.last(), content.last()) else {
        return false;
    };
    !q.closed && q.inner.start <= c.start && c.end <= q.inner.end
}

/// "Finland's president, Alexander Stubb, who ...": a full name set off by commas right after
/// a described subject names it.
fn apposed_full_name(toks: &[Token], np: &Range<usize>) -> Option<Range<usize>> {
    if toks.get(np.end).is_none_or(|t| t.lower != ",") {
        return None;
    }
    let run = speakers::name_run(toks, np.end + 1);
    let closed = toks.get(run.end).is_some_and(|t| t.lower == ",");
    (run.len() >= 2 && closed).then_some(run)
}

/// Most tokens of a role set off by commas after a subject ("the Czech prime minister").
const ROLE_TOKENS: usize = 6;

/// Where the verb after a subject stands: `at`, or past a person's role set off by commas
/// there ("Petr Fiala, the Czech prime minister, hosted ...", as [`apposed_role`] reads one).
fn after_role(toks: &[Token], at: usize) -> usize {
    if toks.get(at).is_none_or(|t| t.lower != ",") {
        return at;
    }
    let close = (at + 1..toks.len().min(at + 2 + ROLE_TOKENS)).find(|&k| toks[k].lower == ",");
    match close {
        Some(c) if apposed_role(toks, at + 1..c) => c + 1,
        _ => at,
    }
}
