//! The sentence loop: frames, then content, then the claims of the other conjuncts.

use super::find::{according_conjuncts, conjuncts, is_answer_label};
use super::frame::{Frame, Shape};
use super::quoting::*;
use super::speakers::{Mention, Registry, Resolved};
use super::tokens::Token;
use super::Attribution;
use crate::sentences::Paragraph;
use std::ops::Range;

/// `NATOCLAIMS_TRACE` is set: print each sentence's tokens and frames to stderr (read once,
/// not at every sentence).
static TRACE: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var_os("NATOCLAIMS_TRACE").is_some());

/// The article being attributed, and what has been attributed so far.
pub(super) struct State<'a> {
    pub(super) text: &'a str,
    pub(super) registry: &'a Registry,
    /// Tokens of every sentence, by paragraph then sentence.
    pub(super) tokens: &'a [Vec<Vec<Token>>],
    pub(super) recent: Vec<(usize, Resolved)>,
    pub(super) out: Vec<Attribution>,
    /// The speakers last named together, while no one has been named since.
    pub(super) group: Option<Group>,
    /// The speaker of an interview's first labelled answer ("A: ..."), who gives the others.
    pub(super) interviewee: Option<Resolved>,
}

/// Speakers named together ("Scholz and Macron met ...", "A and B said ..."), whom a later
/// "both leaders" or "they" refers back to.
pub(super) struct Group {
    /// The speakers in text order.
    pub(super) members: Vec<Resolved>,
    /// The paragraph that named them.
    pub(super) paragraph: usize,
    /// The length of `recent` right after they were named: the group is still the latest
    /// referent while it is unchanged.
    pub(super) recent_len: usize,
    /// No subject that names no speaker has come since ("Protesters gathered outside. They
    /// said ...": "they" is the protesters), so "they" may still refer to the group.
    pub(super) pronoun_ok: bool,
}

impl State<'_> {
    /// The group a plural anaphor ("both leaders", "they") refers to: named in this paragraph
    /// or the one before, with no one named since.
    pub(super) fn group_for(&self, mention: &Mention, pi: usize) -> Option<&Group> {
        // "the two leaders" after three names refers to someone else.
        let (plural, size) = match mention {
            Mention::Group { size } => (Some(true), *size),
            Mention::Pronoun(p) if p == "they" => (Some(false), None),
            _ => (None, None),
        };
        self.group.as_ref().filter(|g| {
            plural.is_some_and(|phrase| phrase || g.pronoun_ok)
                && size.is_none_or(|n| n == g.members.len())
                && g.recent_len == self.recent.len()
                && g.paragraph + 1 >= pi
        })
    }

    /// A frame's speaker: one of the group a plural anaphor refers to (the last named), or
    /// the registry's reading of the mention.
    pub(super) fn resolve(&self, mention: &Mention, pos: usize, pi: usize) -> Option<Resolved> {
        match self.group_for(mention, pi) {
            Some(g) => g.members.last().cloned(),
            None => self.registry.resolve(mention, pos, &self.recent),
        }
    }

    /// Remember speakers named together (`first` before `last`, in text order) as the latest
    /// group; nothing when there is only one.
    pub(super) fn note_group(&mut self, first: Vec<Resolved>, last: Resolved, pi: usize) {
        if first.is_empty() {
            return;
        }
        let mut members = first;
        members.push(last);
        self.group = Some(Group {
            members,
            paragraph: pi,
            recent_len: self.recent.len(),
            pronoun_ok: true,
        });
    }

    /// "Tsahkna: Sooner than hoped. The allies have promised it ...": a group's report inside
    /// an interview answer already taken as a claim is the interviewee's words.
    fn group_inside_answer(&self, f: &Frame, s: &Range<usize>) -> bool {
        let answer = self.out.last().filter(|a| a.cue.as_deref() == Some(":"));
        // The answer's content ends where the sentence does, less its closing punctuation.
        let covers = |c: &Range<usize>| {
            c.start < s.start
                && self.text[c.end.min(s.end)..s.end]
                    .chars()
                    .all(|ch| !ch.is_alphanumeric())
        };
        matches!(f.mention, Mention::Members(_))
            && answer.is_some_and(|a| a.content.iter().any(covers))
    }

    /// Attribute one sentence: its frames, or a signature or bare quotation when it has none.
    pub(super) fn sentence(&mut self, paras: &[Paragraph], pi: usize, si: usize, s: Range<usize>) {
        let p = &paras[pi];
        let all = self.tokens;
        let toks = &all[pi][si];
        // A frame whose speaker names no one ("it" with no institution before) yields no
        // claim and must not cut the content of the others. Each speaker is kept: `build`
        // takes it while `recent` is as it was then (it only grows).
        let (frames, mut speakers): (Vec<Frame>, Vec<Option<Resolved>>) = self
            .finder()
            .frames(toks)
            .into_iter()
            .filter(|f| !self.group_inside_answer(f, &s))
            .filter_map(|f| {
                let pos = toks[f.np.start].range.start;
                let speaker = self.resolve(&f.mention, pos, pi)?;
                Some((f, Some(speaker)))
            })
            .unzip();
        let resolved_at = self.recent.len();
        if *TRACE {
            let ws: Vec<&str> = toks.iter().map(|t| t.lower.as_ref()).collect();
            eprintln!("S {:?}", ws);
            for f in &frames {
                eprintln!(
                    "  F {:?} {:?} {:?} region {:?}",
                    f.shape, f.mention, f.cue.form.words, f.region
                );
            }
        }
        if frames.is_empty() {
            if self.signature(paras, pi, si, &s, toks) {
                return;
            }
            let next = all[pi].get(si + 1).map(Vec::as_slice);
            if !quote_then_bare_cue(self.text, p, si, next) {
                self.bare_quote(paras, pi, s.clone());
            }
            self.note_subject(toks, false, pi);
            return;
        }
        // "Sanders dismissed the issue, when he told Clinton ...": a pronoun speaker after the
        // sentence's own named subject refers to it.
        let noted = frames
            .first()
            .is_some_and(|f| matches!(f.mention, Mention::Pronoun(_)) && f.np.start > 0);
        if noted {
            self.note_subject(toks, true, pi);
        }
        let mut prev_region = None;
        let mut built_any = false;
        for (k, f) in frames.iter().enumerate() {
            // "X, who ... and said A, later praised B": the next frame's speaker phrase may
            // enclose this frame; then its cue bounds this content.
            let enclosed = frames
                .get(k + 1)
                .is_some_and(|n| n.region.start < f.region.end);
            // A later cue that can introduce nothing does not bound this content.
            let next_region = if enclosed {
                Some(frames[k + 1].cue.start)
            } else {
                frames[k + 1..]
                    .iter()
                    .find(|n| !super::find::cannot_introduce(self.text, toks, n))
                    .map(|n| n.region.start)
            };
            let known = speakers[k]
                .take()
                .filter(|_| self.recent.len() == resolved_at);
            let regions = (prev_region, next_region);
            let group = self.group_for(&f.mention, pi).map(|g| g.members.clone());
            let built = if super::find::unsaid(toks, f) {
                None
            } else {
                self.build(paras, pi, si, &s, toks, f, known, regions)
            };
            // "He may add staff, he said": a word that is a cue only before "that", a colon or
            // a quotation yielded nothing (its speaker resolved, as every frame's here did),
            // so it was no cue; the next frame's content runs over it.
            // An enclosed frame leaves what lies before the enclosing frame to it ("Q," X, who
            // has proposed A, said).
            if (built.is_some() || !f.cue.form.strict) && !enclosed {
                prev_region = Some(f.region.end);
            }
            if let Some(a) = built {
                let label = &toks[f.np.start];
                if f.shape == Shape::Colon && is_answer_label(label) && self.interviewee.is_none() {
                    self.interviewee = Some(a.speaker.clone());
                }
                let others = match group {
                    Some(members) => members
                        .into_iter()
                        .filter(|r| *r != a.speaker)
                        .map(|speaker| Attribution {
                            speaker,
                            ..a.clone()
                        })
                        .collect(),
                    None => self.coordinated_speakers(toks, f, &a),
                };
                self.recent.push((a.evidence.start, a.speaker.clone()));
                let first = others.iter().map(|o| o.speaker.clone()).collect();
                self.note_group(first, a.speaker.clone(), pi);
                self.out.extend(others);
                self.out.push(a);
                built_any = true;
            }
        }
        // "Zelenskyy has posted a blunt message. ... he wrote": a sentence whose cues all came
        // to nothing still names its subject, as one with no cue does.
        if !built_any && !noted {
            self.note_subject(toks, false, pi);
        }
    }
    /// "Hungary and Slovakia voiced opposition ...", "Scholz, Macron and Tusk said ...": every
    /// other conjunct of a coordinated subject gets the same claim, in text order.
    fn coordinated_speakers(&self, toks: &[Token], f: &Frame, a: &Attribution) -> Vec<Attribution> {
        let others = match f.shape {
            Shape::Subject | Shape::Participle => conjuncts(
                self.text,
                toks,
                super::find::last_conjunct_start(toks, f.np.clone()),
            ),
            Shape::According => {
                let mut all = according_conjuncts(self.text, toks, f.cue.end);
                all.pop(); // the frame's own speaker
                all
            }
            _ => return Vec::new(),
        };
        others
            .into_iter()
            .filter_map(|(start, mention, mention_text)| {
                let pos = toks[start].range.start;
                let speaker = self.registry.resolve(&mention, pos, &self.recent)?;
                (speaker != a.speaker).then(|| Attribution {
                    speaker,
                    mention: mention_text,
                    ..a.clone()
                })
            })
            .collect()
    }
}
