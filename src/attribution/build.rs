//! Building an attribution from a frame: its content, evidence, mode and frame ranges.

use super::clause::*;
use super::find::{is_answer_label, Finder};
use super::frame::{Frame, Shape};
use super::quoting::*;
use super::speakers::Resolved;
use super::state::State;
use super::tokens::Token;
use super::Attribution;
use crate::lexicon::{self, Class};
use crate::quotes;
use crate::sentences::Paragraph;
use std::ops::Range;

impl State<'_> {
    /// An interviewer's question: the paragraph after `pi` opens with another speaker's colon
    /// frame, and the one before is not another speaker's question, which this one would
    /// answer ("HAVRYLIUK: Why should we wait?" after "BERGQVIST: ...?").
    fn interviewer_asks(&self, pi: usize, asker: &Resolved) -> bool {
        let answers = pi
            .checked_sub(1)
            .is_some_and(|prev| self.turn_asks(prev) && self.opens_with_other_label(prev, asker));
        !answers && self.opens_with_other_label(pi + 1, asker)
    }

    /// Paragraph `pi` ends on a question mark: a turn that asks.
    fn turn_asks(&self, pi: usize) -> bool {
        self.tokens[pi]
            .last()
            .and_then(|s| s.last())
            .is_some_and(|t| t.lower == "?")
    }

    /// A finder of frames over what has been attributed so far.
    pub(super) fn finder(&self) -> Finder<'_> {
        Finder {
            text: self.text,
            registry: self.registry,
            recent: &self.recent,
            interviewee: self.interviewee.as_ref(),
        }
    }

    /// Paragraph `pi` opens with a colon frame of a speaker other than `asker`.
    fn opens_with_other_label(&self, pi: usize, asker: &Resolved) -> bool {
        let Some(first) = self.tokens.get(pi).and_then(|p| p.first()) else {
            return false;
        };
        self.finder().frames(first).iter().any(|g| {
            let pos = first[g.np.start].range.start;
            g.shape == Shape::Colon
                && self
                    .registry
                    .resolve(&g.mention, pos, &self.recent)
                    .is_some_and(|r| r != *asker)
        })
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn build(
        &mut self,
        paras: &[Paragraph],
        pi: usize,
        si: usize,
        s: &Range<usize>,
        toks: &[Token],
        f: &Frame,
        known: Option<Resolved>,
        (prev_region, next_region): (Option<usize>, Option<usize>),
    ) -> Option<Attribution> {
        let p = &paras[pi];
        let interview = if f.shape == Shape::Colon {
            self.interview_answer(paras, pi, si, f)
        } else {
            None
        };
        // "Orban: the holdout.": a short turn is an answer only after a question.
        let short = toks.len() < f.cue.end + super::find::MIN_COLON_CONTENT_TOKENS;
        if f.shape == Shape::Colon && short && interview.is_none() {
            return None;
        }
        // "A: ...", "A. ...": an answer label only under a question ("A. Kovalenko was in the
        // room" opens with an initial).
        let labelled = f.shape == Shape::Colon && is_answer_label(&toks[f.np.start]);
        if labelled && interview.is_none() {
            return None;
        }
        // The speaker as the sentence loop resolved it, when `recent` is unchanged since.
        let speaker = match known {
            Some(speaker) => speaker,
            None => {
                let pos = toks[f.np.start].range.start;
                self.resolve(&f.mention, pos, pi)?
            }
        };
        // A transcript's labels are in capitals ("SMITH:"); "Dana Holt: ..." heads a
        // commentator's statement, whatever his role.
        let transcript_label = !f.mention_text.chars().any(char::is_lowercase);
        if f.shape == Shape::Colon && transcript_label && is_journalist(&speaker) {
            return None;
        }
        // "Nordic Review: Will Ukraine join?" before "Poulsen: Yes. ...": an interviewer's
        // question, answered in the next paragraph under another label, states nothing.
        if f.shape == Shape::Colon && self.turn_asks(pi) && self.interviewer_asks(pi, &speaker) {
            return None;
        }
        let (content, evidence) = match f.shape {
            Shape::Interrupted => {
                let (open, close) = (&toks[f.region.start], &toks[f.region.end - 1]);
                let q = quotes::containing(&p.quotes, open.range.start)?;
                let parts = vec![
                    trim_content(self.text, q.inner.start..open.range.start),
                    trim_content(self.text, close.range.end..q.inner.end),
                ];
                (parts, s.clone())
            }
            Shape::Passive => {
                let prev = p.sentences.get(si.checked_sub(1)?)?.clone();
                (
                    vec![trim_content(self.text, prev.clone())],
                    prev.start..s.end,
                )
            }
            Shape::Colon if interview.is_some() => {
                let answer = interview.clone()?;
                let evidence = p.range.start..answer.end;
                (vec![answer], evidence)
            }
            _ => {
                let content = self
                    .content(p, toks, f, prev_region, next_region)
                    .or_else(|| quote_sentence_before(self.text, p, si, toks, f).map(|q| vec![q]))
                    .or_else(|| {
                        quote_paragraph_after(self.text, paras, pi, si, s).map(|q| vec![q])
                    })?;
                let start = content
                    .iter()
                    .map(|c| c.start)
                    .min()
                    .unwrap_or(s.start)
                    .min(s.start);
                let k = p.sentences.partition_point(|x| x.start <= start);
                let start = p.sentences[..k].last().map_or(start, |x| x.start);
                let last = content.iter().map(|c| c.end).max().unwrap_or(s.end);
                (content, start..sentence_end_at(paras, pi, last).max(s.end))
            }
        };
        let turn = f.shape == Shape::Colon && transcript_label;
        let (content, evidence) = if turn && si == 0 && p.quotes.is_empty() {
            whole_turn(self.text, p, si, content, evidence)
        } else {
            (content, evidence)
        };
        let content: Vec<Range<usize>> = content
            .into_iter()
            .filter(|r| !r.is_empty())
            .map(|r| whole_quotation(self.text, p, r))
            .collect();
        if content.is_empty() {
            return None;
        }
        let (content, evidence) = self.extend_open_quote(paras, pi, content, evidence);
        let (content, evidence) = prepend_open_quotes(paras, pi, content, evidence);
        // An interview's answer, and a transcript's turn under its label in capitals, are the
        // speaker's own words, quotation marks or not.
        let mode = if interview.is_some() || turn {
            crate::claim::Mode::Direct
        } else {
            mode_of(self.text, &content, p)
        };
        // A colon frame's cue is ":", also where an answer label's period stands for it ("A.").
        let cue_text = if f.shape == Shape::Colon {
            ":".to_string()
        } else {
            self.text[toks[f.cue.start].range.start..toks[f.cue.end - 1].range.end].to_string()
        };
        // The attribution's own words: this cue's stretch of the sentence, without its content
        // and without the content of the cues before it.
        let lo = prev_region
            .and_then(|r| toks.get(r))
            .map_or(s.start, |t| t.range.start);
        let hi = next_region
            .and_then(|r| toks.get(r))
            .map_or(s.end, |t| t.range.start);
        let mut taken: Vec<Range<usize>> = self
            .out
            .iter()
            .rev()
            .take_while(|a| a.evidence.end >= s.start)
            .flat_map(|a| a.content.iter().cloned())
            .chain(content.iter().cloned())
            .collect();
        taken.sort_by_key(|r| r.start);
        let frame = frame_ranges(&(lo.min(hi)..hi), &taken);
        let is_perfect =
            |t: &Token| t.is(Class::PerfectAux) || (t.has_clitic() && !t.lower.ends_with("'d"));
        // "has said", "has also said", "has repeatedly said": an auxiliary of the perfect before
        // the cue, adverbs at most between.
        let perfect = (1..=PERFECT_REACH).any(|n| {
            f.cue.start >= n
                && is_perfect(&toks[f.cue.start - n])
                && toks[f.cue.start - n + 1..f.cue.start]
                    .iter()
                    .all(|t| !t.quoted && t.is(Class::CueModifier) && !t.is(Class::PerfectAux))
        });
        let present = toks[f.cue.start].lower.ends_with('s')
            && f.cue.form.words.len() == 1
            && !toks[f.cue.start].lower.ends_with("ss");
        Some(Attribution {
            speaker,
            mention: f.mention_text.clone(),
            cue: Some(cue_text),
            content,
            mode,
            evidence,
            paragraph: pi,
            frame,
            perfect,
            present,
        })
    }

    /// The content of a cue: a quotation next to it, else the clause after or before it.
    fn content(
        &self,
        p: &Paragraph,
        toks: &[Token],
        f: &Frame,
        prev_region: Option<usize>,
        next_region: Option<usize>,
    ) -> Option<Vec<Range<usize>>> {
        let text = self.text;
        if f.cue.form.naming {
            let end = next_region.map_or(toks.len(), |n| clause_end_before(toks, n));
            if let Some(frags) = relative_naming(text, p, toks, f, end) {
                return Some(frags);
            }
        }
        let before = if f.shape == Shape::Participle {
            None
        } else {
            quote_before(text, p, toks, f.region.start, prev_region)
        };
        if let Some(q) = before {
            let mut frags = vec![q];
            frags.extend(quote_after(text, p, toks, f.region.end, false));
            return Some(frags);
        }
        if let Some(q) = quote_after(text, p, toks, f.region.end, true) {
            if let Some(mixed) = clause_then_quote(text, p, toks, f) {
                return Some(vec![mixed]);
            }
            return Some(self.finished_by_quote(p, toks, f, prev_region, q));
        }
        if f.shape == Shape::Colon {
            let open = toks.get(f.region.end).filter(|t| t.is_quote(text));
            if let Some(q) = open.and_then(|t| quotes::starting_at(&p.quotes, t.range.start)) {
                return Some(vec![trim_content(text, q.inner.clone())]);
            }
        }
        let after_start = after_cue(text, toks, f);
        let after_end = next_region.map_or(toks.len(), |n| clause_end_before(toks, n));
        let according = f.shape == Shape::According;
        // "rejected the label", "called Trump \"unhinged\"": a two-word noun phrase is content of
        // a naming cue, or of a cue that takes one when a determiner opens it.
        let short_np = f.cue.form.naming
            || (f.cue.form.np_content
                && toks
                    .get(after_start)
                    .is_some_and(|t| t.is(Class::Determiner)));
        let mut after = clause(text, toks, after_start, after_end, true, according).or_else(|| {
            let min = MIN_NP_CONTENT_WORDS;
            short_np
                .then(|| {
                    clause_of_at_least(text, toks, after_start, after_end, true, according, min)
                })
                .flatten()
        });
        if let Some(a) = after.as_mut() {
            // "vowed to form a task force", "urged allies to act": an infinitive right after the cue.
            let verb_next = toks.get(after_start + 1).is_some_and(|t| {
                t.is_word && !t.is_capitalized() && !t.is(Class::ClauseDeterminer)
            });
            let infinitive = toks[after_start].lower == "to"
                && verb_next
                && (after_start == f.cue.end || f.cue.form.takes_object);
            a.strong |= infinitive;
        }
        let before = if f.shape == Shape::Participle {
            None
        } else {
            let end = before_end(toks, f.region.start);
            clause(text, toks, prev_region.unwrap_or(0), end, false, according)
        };
        if f.cue.form.naming {
            return after
                .filter(|a| names_something(text, &a.range))
                .map(|a| vec![a.range]);
        }
        if f.cue.form.np_content && !f.cue.form.strict && f.shape == Shape::Subject {
            if let Some(a) = after
                .as_ref()
                .filter(|a| a.introduced || opens_np(text, toks, a))
            {
                let np = a.range.start..np_content_end(toks, after_start, a.range.end);
                return Some(without_weekday_adjunct(toks, after_start, np));
            }
        }
        let after_ok = |a: &Clause| a.strong && !f.cue.form.strict && f.shape != Shape::Inverted;
        // "ADJUNCT, X said CLAUSE": a clause after the cue is the content before any adjunct.
        let after_first = |a: &Clause| after_ok(a) && a.has_verb && f.shape == Shape::Subject;
        let comma_after_cue = after_start > 0 && toks[after_start - 1].lower == ",";
        // "CLAUSE, Sanders said, a policy that ...": a noun phrase after the cue's comma is an
        // apposition to the clause before, not the content.
        let apposition_after = comma_after_cue
            && toks
                .get(after_start)
                .is_some_and(|t| t.is(Class::Determiner))
            && !np_then_verb(toks, after_start);
        // "CLAUSE, Hennessey said, and the aides agree": a clause coordinated after the cue's
        // comma goes on with the narration; the clause before is what was said (", and that
        // ..." goes on with what was said).
        let coordinated_after = comma_after_cue
            && toks
                .get(after_start)
                .is_some_and(|t| t.is(Class::ClauseCoordinator))
            && toks.get(after_start + 1).is_none_or(|t| t.lower != "that");
        // ", according to Andrew McCarthy, who prosecuted ...": a relative clause after the
        // speaker describes the speaker.
        // '"...?" Mr. Trump asked, repeating a broadside': a participle phrase after the cue's
        // comma, with no verb of its own, is an adjunct, not what was said ("according to" is
        // no participle).
        let after = after.filter(|_| {
            let first = toks.get(after_start);
            let relative = first.is_some_and(|t| t.is(Class::RelativePronoun));
            let participle = comma_after_cue
                && first.is_some_and(|t| {
                    t.is_word && !t.quoted && !t.is_capitalized() && t.lower.ends_with("ing")
                })
                && toks.get(after_start + 1).is_none_or(|t| t.lower != "to");
            // "said, replacing Clinton would be ...": a gerund with a verb after it, before any
            // punctuation, is a subject.
            !relative && (!participle || gerund_subject(toks, after_start))
        });
        // "CLAUSE, according to X, APPOSITION": a trailing "according to" attributes the
        // clause before it, unless that clause dangles ("because, according to X, ...").
        let trailing_according =
            according && f.region.start > 0 && !before_end_dangles(toks, f.region.start);
        // "a plan which she said would fail": the content is the relative clause the frame
        // sits in, its pronoun and the predicate after the cue.
        if let Some(a) = after.as_ref().filter(|_| f.shape == Shape::Subject) {
            if let Some(pronoun) = relative_before(toks, f, after_start) {
                let end = relative_clause_end(toks, f.np.start - 1, after_start, a.range.end);
                return Some(vec![pronoun, a.range.start..end]);
            }
        }
        let after = after.map(|mut a| {
            if in_dependent_clause(toks, f) {
                a.range.end = end_at_comma(toks, after_start, a.range.end);
            }
            a
        });
        // "The allies, she said, have failed to agree": a frame set off by commas inside the
        // reported sentence interrupts it, and the content is both halves.
        if f.shape == Shape::Subject && !apposition_after {
            if let Some((b, rest)) = interrupted_half(text, toks, f, prev_region, after_start) {
                // "The answer, she said, was simple": after the frame, a predicate alone is
                // enough, however short, since the first half holds its subject.
                let predicate = || {
                    clause_of_at_least(text, toks, after_start, after_end, true, false, 1)
                        .filter(|p| toks[after_start].is(Class::FiniteVerb) && p.has_verb)
                };
                let end = after.as_ref().map(|a| a.range.end);
                if let Some(end) = end.or_else(|| predicate().map(|p| p.range.end)) {
                    return Some(vec![b, toks[rest].range.start..end]);
                }
            }
        }
        match (after, before) {
            // "..., said X, then the agent of ...": after an inverted speaker comes its
            // apposition, not its content.
            (_, Some(b)) if f.shape == Shape::Inverted && b.strong => Some(vec![b.range]),
            (_, Some(b)) if trailing_according && b.strong => Some(vec![b.range]),
            (_, Some(b)) if (apposition_after || coordinated_after) && b.strong => {
                Some(vec![b.range])
            }
            (Some(a), _) if a.introduced => Some(vec![a.range]),
            (Some(a), _) if after_first(&a) => Some(vec![a.range]),
            (_, Some(b)) if b.strong => Some(vec![b.range]),
            (Some(a), _) if after_ok(&a) => Some(vec![a.range]),
            _ => None,
        }
    }

    /// "The plan, she said, \"was dead\" in the Senate": a quotation opening in lowercase after
    /// a frame that interrupts a subject finishes that subject's sentence, so the content is
    /// both halves (mixed); any other quotation after the frame is the content alone.
    fn finished_by_quote(
        &self,
        p: &Paragraph,
        toks: &[Token],
        f: &Frame,
        prev_region: Option<usize>,
        q: Range<usize>,
    ) -> Vec<Range<usize>> {
        let text = self.text;
        let after_start = after_cue(text, toks, f);
        let half = (f.shape == Shape::Subject && opens_lowercase(text, &q))
            .then(|| interrupted_half(text, toks, f, prev_region, after_start))
            .flatten()
            .map(|(b, _)| b)
            .filter(|b| subject_only(toks, b) && !opens_subject(toks, &q));
        let Some(b) = half else { return vec![q] };
        let end = p.range.end.min(toks.last().map_or(q.end, |t| t.range.end));
        match clause(text, toks, after_start, toks.len(), true, false) {
            Some(a) if a.range.end <= end => vec![b, a.range],
            _ => vec![q],
        }
    }

    /// A multi-paragraph quotation: if the content ends in a quotation that does not close,
    /// the following paragraphs that open with a quotation mark continue it.
    fn extend_open_quote(
        &self,
        paras: &[Paragraph],
        pi: usize,
        mut content: Vec<Range<usize>>,
        mut evidence: Range<usize>,
    ) -> (Vec<Range<usize>>, Range<usize>) {
        let last_end = content.last().map_or(0, |r| r.end);
        let open = paras[pi]
            .quotes
            .last()
            .is_some_and(|q| !q.closed && q.inner.end == last_end && q.inner.start < last_end);
        if !open {
            return (content, evidence);
        }
        for p in &paras[pi + 1..] {
            let Some(first) = p.quotes.first() else { break };
            if first.outer.start != p.range.start {
                break;
            }
            content.push(first.inner.clone());
            evidence.end = p.range.end;
            if first.closed {
                break;
            }
        }
        (content, evidence)
    }
}

/// A transcript's turn, under its label in capitals at the head of the paragraph, runs on
/// through the paragraph's next sentences: its sentences are one quotation under one cue. It
/// ends before a sentence with a cue of its own or another label ("JANE ROE: ..."), which is
/// narration or the next turn.
fn whole_turn(
    text: &str,
    p: &Paragraph,
    si: usize,
    content: Vec<Range<usize>>,
    evidence: Range<usize>,
) -> (Vec<Range<usize>>, Range<usize>) {
    let Some(first) = content.first() else {
        return (content, evidence);
    };
    let Some(last) = p.sentences[si + 1..]
        .iter()
        .take_while(|s| !frames_itself(text, s))
        .last()
    else {
        return (content, evidence);
    };
    (
        vec![trim_content(text, first.start..last.end)],
        evidence.start..last.end,
    )
}

/// Most tokens before the colon of a speaker's label ("MARK RUTTE, NATO Secretary General:").
const LABEL_TOKENS: usize = 12;

/// The sentence has a finite cue of its own, or opens with a label in capitals before a colon.
fn frames_itself(text: &str, s: &Range<usize>) -> bool {
    let toks = super::tokens::tokenize(text, s.clone(), &[]);
    // A finite cue ("told", "said"), not an infinitive inside the turn ("ready to admit").
    let cued = toks.iter().any(|t| t.is(Class::CoreCue));
    // The label's name is in capitals; a role after a comma need not be ("MARK RUTTE, NATO
    // Secretary General:").
    let labelled = toks
        .iter()
        .take(LABEL_TOKENS)
        .position(|t| t.lower == ":")
        .is_some_and(|c| {
            let name_end = toks[..c].iter().position(|t| t.lower == ",").unwrap_or(c);
            let name = &text[toks[0].range.start..toks[name_end.max(1) - 1].range.end];
            name_end > 0
                && name.chars().any(char::is_alphabetic)
                && !name.chars().any(char::is_lowercase)
        });
    cued || labelled
}

/// "X said membership remained the goal, \"but first ...\"": the words between a plain cue
/// and the comma before a quotation hold a subject and a verb with words after it; they are a
/// reported clause the quotation goes on with, and the content is both (mixed). An adjunct of
/// the frame ("said on Monday, \"...\"", "said as he arrived, \"...\"", "said weeks after the
/// war began, \"...\"") or a clause ending on its verb ("she was thinking, \"...\"": the
/// quotation is its object) is not.
fn clause_then_quote(text: &str, p: &Paragraph, toks: &[Token], f: &Frame) -> Option<Range<usize>> {
    if f.shape != Shape::Subject || f.cue.form.takes_object {
        return None;
    }
    let from = after_cue(text, toks, f);
    let first = toks.get(from)?;
    let words = toks[from..]
        .iter()
        .take_while(|t| t.is_word && !t.quoted)
        .count();
    let stretch = &toks[from..from + words];
    // "said as he arrived", "said weeks after the war broke out": a subordinator before the
    // first verb opens an adjunct clause.
    let adjunct_word = |t: &Token| {
        t.is(Class::ClauseBoundary) || t.is(Class::AdjunctOpener) || t.is(Class::SubordinateOpener)
    };
    let opens_adjunct = stretch
        .iter()
        .take_while(|t| !is_verb_word(t))
        .any(adjunct_word);
    // A verb with a word after it that is not one too ("remained the goal"; "was thinking" has
    // none), and no second cue or clause joined to the first ("... but said, \"...\"").
    let verbal = |t: &Token| is_verb_word(t) || t.lower.ends_with("ing");
    let verb = (1..stretch.len())
        .any(|k| is_verb_word(&stretch[k]) && stretch[k + 1..].iter().any(|t| !verbal(t)));
    let joined = stretch
        .iter()
        .any(|t| t.is(Class::CoreCue) || t.is(Class::ClauseCoordinator));
    let comma = toks.get(from + words).filter(|t| t.lower == ",")?;
    let open = toks.get(from + words + 1).filter(|t| t.is_quote(text))?;
    let q = quotes::starting_at(&p.quotes, open.range.start)?;
    (!opens_adjunct && verb && !joined && comma.range.end <= q.outer.start)
        .then_some(first.range.start..q.outer.end)
}

/// The content after an NP-taking cue opens a noun phrase or an embedded question: a
/// determiner, an interrogative ("declined to say whether"), a possessive or a
/// capitalised word ("rejected the bid", "welcomed Ukraine's progress", "criticised Orban").
/// "the media would call him ...": the noun phrase at `start` is followed by its own verb
/// before any relative pronoun, so it opens a clause ("a policy that could ..." does not).
fn np_then_verb(toks: &[Token], start: usize) -> bool {
    toks[start..]
        .iter()
        .take_while(|t| t.is_word && !t.quoted)
        .map(|t| t.lower.as_ref())
        .find(|w| lexicon::is(Class::FiniteVerb, w) || lexicon::is(Class::RelativePronoun, w))
        .is_some_and(|w| lexicon::is(Class::FiniteVerb, w))
}

/// The gerund at `i` is the subject of a clause: a verb follows it before any punctuation
/// ("replacing Clinton would be a mistake", not "repeating a broadside - that it was").
fn gerund_subject(toks: &[Token], i: usize) -> bool {
    toks[i + 1..]
        .iter()
        .take_while(|t| t.is_word && !t.quoted)
        .enumerate()
        .any(|(k, _)| verb_opens_predicate(toks, i + 1 + k))
}

/// The relative pronoun right before a speaker whose cue is followed by a bare predicate
/// ("moves that he said improved the economy"): the frame sits inside a relative clause.
fn relative_before(toks: &[Token], f: &Frame, after_start: usize) -> Option<Range<usize>> {
    let pronoun = toks.get(f.np.start.checked_sub(1)?)?;
    (after_start == f.cue.end
        && verb_opens_predicate(toks, after_start)
        && !pronoun.quoted
        && pronoun.is(Class::RelativePronoun))
    .then(|| pronoun.range.clone())
}

/// "a plan which Mr. Trump called \"a disgrace,\"", "what she called hand-to-hand combat": a
/// naming frame in a relative clause names the relative pronoun; the content is the pronoun and
/// the complement after the cue (a quotation, else the words up to a comma).
fn relative_naming(
    text: &str,
    p: &Paragraph,
    toks: &[Token],
    f: &Frame,
    end: usize,
) -> Option<Vec<Range<usize>>> {
    let pronoun = toks.get(f.np.start.checked_sub(1)?)?;
    let relative = pronoun.is(Class::RelativePronoun)
        || (pronoun.lower == "what" && lexicon::is(Class::Interrogative, "what"));
    // "in which he called X Y": after a preposition the pronoun is not what is named.
    let after_preposition = f.np.start >= 2 && toks[f.np.start - 2].is(Class::Preposition);
    if f.shape != Shape::Subject
        || pronoun.quoted
        || !relative
        || after_preposition
        || f.cue.end >= end
    {
        return None;
    }
    let first = &toks[f.cue.end];
    let complement = if first.is_quote(text) {
        trim_content(
            text,
            quotes::starting_at(&p.quotes, first.range.start)?
                .inner
                .clone(),
        )
    } else {
        let run = &toks[f.cue.end..end];
        let words = run.iter().take_while(|t| t.is_word && !t.quoted).count();
        // "that Trump called the winner a cheat": an object and its complement, no gap.
        let object_named = run.get(words).is_some_and(|t| t.quoted || t.is_quote(text))
            || run[1..words.max(1)]
                .iter()
                .any(|t| t.is(Class::ComplementOpener));
        if object_named {
            return None;
        }
        let last = toks.get((f.cue.end + words).checked_sub(1)?)?;
        trim_content(text, first.range.start..last.range.end)
    };
    (!complement.is_empty()).then(|| vec![pronoun.range.clone(), complement])
}

/// Where a relative clause ends: a clause opened after a comma ("Her vote, which she said was
/// a mistake, cost her") closes at the next comma.
fn relative_clause_end(toks: &[Token], pronoun: usize, from: usize, end: usize) -> usize {
    if pronoun == 0 || !is_comma(&toks[pronoun - 1]) {
        return end;
    }
    end_at_comma(toks, from, end)
}

fn is_comma(t: &Token) -> bool {
    t.lower == "," && !t.quoted
}

/// The end of the words from token `from` up to the first comma, within byte `end`.
fn end_at_comma(toks: &[Token], from: usize, end: usize) -> usize {
    toks[from..]
        .iter()
        .take_while(|t| t.range.start < end)
        .position(is_comma)
        .and_then(|i| (from + i).checked_sub(1))
        .map_or(end, |last| toks[last].range.end.min(end))
}

/// "praised the text late on Monday as a step": a weekday adjunct inside a noun-phrase content
/// is the statement's time, not what was said; the content is the words around it.
fn without_weekday_adjunct(toks: &[Token], from: usize, np: Range<usize>) -> Vec<Range<usize>> {
    let found = (from + 1..toks.len())
        .take_while(|&j| toks[j].range.end <= np.end)
        .find_map(|j| {
            let len = super::find::weekday_adjunct_len(toks, j);
            let lead = usize::from(j > 0 && toks[j - 1].is(Class::TimeQualifier));
            (len > 0 && toks[j].lower == "on").then_some((j - lead, j + len))
        });
    let Some((start, end)) = found.filter(|&(start, _)| toks[start].range.start > np.start) else {
        return vec![np];
    };
    let before = np.start..toks[start - 1].range.end;
    // What follows goes on the noun phrase ("as a step"); after a comma it is another clause.
    match toks
        .get(end)
        .filter(|t| t.is_word && t.range.start < np.end)
    {
        Some(next) => vec![before, next.range.start..np.end],
        None => vec![before],
    }
}

/// "endorsed Clinton, citing her record", "endorsed Trump and has appeared at rallies": a
/// noun-phrase content ends before the subject's next predicate, a participle after a comma or
/// a verb after "and"/"but" when no finite verb comes before it (then it is a clause). Returns
/// the end byte, at most `end`.
fn np_content_end(toks: &[Token], from: usize, end: usize) -> usize {
    let finite = |t: &Token| !t.quoted && t.is(Class::FiniteVerb);
    for j in from + 1..toks.len() {
        let t = &toks[j];
        if t.range.start >= end {
            break;
        }
        let Some(next) = toks
            .get(j + 1)
            .filter(|n| n.is_word && !n.quoted && !t.quoted)
        else {
            continue;
        };
        let predicate = match t.lower.as_ref() {
            "," => is_participle_word(next),
            // "the trained and equipped units": a participle list is no new predicate.
            "and" | "but"
                if !toks[j - 1].lower.ends_with("ed") && !toks[from..j].iter().any(finite) =>
            {
                next.is(Class::FiniteVerb)
                    || is_bare_predicate(next)
                    || past_verb_with_object(toks, j + 1)
                    || (toks[j - 1].lower == ","
                        && !toks[from..j - 1].iter().any(|t| t.lower == ",")
                        && subject_then_verb(toks, j + 1))
            }
            _ => false,
        };
        if predicate {
            let last = if toks[j - 1].lower == "," {
                j - 2
            } else {
                j - 1
            };
            return toks[last].range.end.min(end);
        }
    }
    end
}

/// Most words from a perfect auxiliary to its cue ("has also repeatedly said").
const PERFECT_REACH: usize = 3;

/// ", and officials from both countries made no secret of it": after a comma and a
/// coordinator, a phrase of a few words and then a finite verb is a new clause of the
/// narrator's, not more of a noun-phrase content.
fn subject_then_verb(toks: &[Token], at: usize) -> bool {
    toks.iter()
        .enumerate()
        .skip(at + 1)
        .take(SUBJECT_WORDS)
        .take_while(|(_, t)| t.is_word && !t.quoted && !t.is(Class::RelativePronoun))
        .any(|(k, t)| t.is(Class::FiniteVerb) || past_verb_with_object(toks, k))
}

/// Most words of the subject of a clause coordinated after a noun-phrase content.
const SUBJECT_WORDS: usize = 5;

/// "chided him", "embraced his argument": a past-tense word with a determiner or object pronoun
/// after it is a verb, not an adjective ("advanced cellulosic fuels").
fn past_verb_with_object(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    crate::lexicon::is_regular_participle(&t.lower)
        && toks
            .get(i + 1)
            .is_some_and(|o| !o.quoted && o.is(Class::ClauseDeterminer))
}

/// A frame inside a dependent clause that the main clause follows after a comma: "While X said
/// A, B ...", "X, who says A, B ..." or "X, who ... and said A, B ...". The content ends with
/// that clause.
fn in_dependent_clause(toks: &[Token], f: &Frame) -> bool {
    let word = |i: usize| toks.get(i).filter(|t| t.is_word && !t.quoted);
    let opener = |i: usize| word(i).is_some_and(|t| t.is(Class::SubordinateOpener));
    // A capitalised opener at the sentence start may be read into the speaker phrase.
    let at = if opener(f.np.start) {
        Some(f.np.start)
    } else {
        opener_before_adjunct(toks, f.np.start, opener)
    };
    // "When Rubio thanked Miami and said A, B ...": a coordinated cue's subject counts too.
    let subordinate = matches!(f.shape, Shape::Subject | Shape::Participle)
        && at.is_some_and(|i| {
            i == 0
                || is_comma(&toks[i - 1])
                || word(i - 1).is_some_and(|t| t.is(Class::ClauseCoordinator))
        });
    let relative = matches!(f.shape, Shape::Participle | Shape::Subject)
        && toks.get(f.np.end).is_some_and(is_comma)
        && word(f.np.end + 1).is_some_and(|t| t.is(Class::PersonRelative))
        && !toks[f.np.end + 1..f.cue.start].iter().any(is_comma);
    // "Alan Berger, a doctor from Englewood, who said A, organised B": the frame's region
    // opens at the relative clause's comma.
    let apposed_relative = f.shape == Shape::Subject
        && f.region.start > f.np.end
        && toks.get(f.region.start).is_some_and(is_comma)
        && word(f.region.start + 1).is_some_and(|t| t.is(Class::PersonRelative));
    subordinate || relative || apposed_relative
}

/// The subordinate opener right before a subject, or before a prepositional adjunct that opens
/// the subordinate clause ("Although in September she said ...").
fn opener_before_adjunct(
    toks: &[Token],
    np_start: usize,
    opener: impl Fn(usize) -> bool,
) -> Option<usize> {
    let prev = np_start.checked_sub(1)?;
    if opener(prev) {
        return Some(prev);
    }
    let lo = np_start.saturating_sub(super::subject::OPENING_ADJUNCT);
    (lo..prev)
        .rev()
        .take_while(|&i| toks[i].is_word && !toks[i].quoted)
        .find(|&i| opener(i) && toks[i + 1].is(Class::Preposition))
}

/// The words before a frame set off by commas mid-sentence ("The allies, she said, have ...",
/// "In 2008, he said, the alliance ..."): the first half of the sentence the frame interrupts.
/// None when the frame does not sit between two commas or the second half opens a new clause
/// with "and". With it comes the token where the second half begins.
fn interrupted_half(
    text: &str,
    toks: &[Token],
    f: &Frame,
    prev_region: Option<usize>,
    after_start: usize,
) -> Option<(Range<usize>, usize)> {
    let open = f.region.start.checked_sub(1)?;
    let comma = |t: &Token| t.lower == "," && !t.quoted;
    // The frame's closing comma; adverbs the cue skipped after it ("she said, now ...") open
    // the second half.
    let close = (f.region.end..after_start)
        .rev()
        .find(|&k| comma(&toks[k]))?;
    let adverbs_only = toks[close + 1..after_start]
        .iter()
        .all(|t| t.is_word && !t.is_capitalized_word() && t.lower != "that");
    if !comma(&toks[open]) || !adverbs_only || toks.get(after_start)?.lower == "and" {
        return None;
    }
    let from = skip_connective(toks, prev_region.unwrap_or(0), open);
    let half = toks.get(from..open)?;
    let words = half.iter().any(|t| t.is_word);
    (words && !half.iter().any(|t| t.is_quote(text)))
        .then(|| (toks[from].range.start..toks[open - 1].range.end, close + 1))
}

/// The words of `r` can only be a subject: no verb, no comma, and no preposition, adverbial
/// or subordinator opening them ("The club's investment in its facilities", not "In 2008" or
/// "If voters move").
fn subject_only(toks: &[Token], r: &Range<usize>) -> bool {
    let words: Vec<&Token> = toks
        .iter()
        .filter(|t| r.start <= t.range.start && t.range.end <= r.end)
        .collect();
    let opener = |t: &Token| {
        t.is(Class::Preposition)
            || t.is(Class::AdjunctOpener)
            || t.is(Class::IntroOpener)
            || t.is(Class::ClauseBoundary)
    };
    words.first().is_some_and(|t| !opener(t))
        && words
            .iter()
            .all(|t| t.lower != "," && !t.is(Class::FiniteVerb))
}

/// The words of `r` open with a subject of their own (a pronoun or a determiner).
fn opens_subject(toks: &[Token], r: &Range<usize>) -> bool {
    toks.iter()
        .find(|t| t.range.start >= r.start && t.is_word)
        .is_some_and(|t| t.is(Class::SubjectPronoun) || t.is(Class::ClauseDeterminer))
}

/// The content range starts with a lowercase letter.
fn opens_lowercase(text: &str, r: &Range<usize>) -> bool {
    text[r.clone()]
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// "..., because, according to X, ...": the words before the frame end on a connective.
fn before_end_dangles(toks: &[Token], region_start: usize) -> bool {
    toks[..region_start]
        .iter()
        .rev()
        .find(|t| t.lower != ",")
        .is_some_and(|t| t.is_word && t.is(Class::ClauseBoundary))
}

/// `told him that "we tell the truth."`: content that is one quotation, marks and all, is the
/// words inside the marks.
fn whole_quotation(text: &str, p: &Paragraph, r: Range<usize>) -> Range<usize> {
    match crate::quotes::starting_at(&p.quotes, r.start) {
        Some(q)
            if q.closed
                && text
                    .get(q.outer.end..r.end.max(q.outer.end))
                    .is_some_and(|rest| rest.chars().all(|c| !c.is_alphanumeric())) =>
        {
            trim_content(text, q.inner.clone())
        }
        _ => r,
    }
}

fn opens_np(text: &str, toks: &[Token], a: &Clause) -> bool {
    let Some(first) = toks.iter().find(|t| t.range.start >= a.range.start) else {
        return false;
    };
    let words = text[a.range.clone()].split_whitespace().count();
    words >= 2
        && (first.is(Class::Determiner)
            || first.is(Class::Interrogative)
            || first.is_possessive()
            || first.is_capitalized())
}

/// The sentence minus the content: where the attribution's own words (and date) are.
fn frame_ranges(s: &Range<usize>, content: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = s.start;
    for c in content {
        if c.end <= at || c.start >= s.end {
            continue;
        }
        if c.start > at {
            out.push(at..c.start);
        }
        at = at.max(c.end);
    }
    if at < s.end {
        out.push(at..s.end);
    }
    out
}

impl State<'_> {
    /// In an interview, an answer: a paragraph opening with the speaker and a colon ("Kuleba:
    /// We will join."), after a paragraph that asks a question ([`asks_question`]). The answer
    /// runs from the colon to the paragraph's end, or to a sentence naming another speaker
    /// ("... Russia's envoy said ...").
    fn interview_answer(
        &self,
        paras: &[Paragraph],
        pi: usize,
        si: usize,
        f: &Frame,
    ) -> Option<Range<usize>> {
        if si != 0 || f.region.start != 0 {
            return None;
        }
        if !asks_question(&self.text[paras.get(pi.checked_sub(1)?)?.range.clone()]) {
            return None;
        }
        let p = &paras[pi];
        let colon = self.tokens[pi][si].get(f.cue.start)?.range.end;
        let finder = self.finder();
        let end = (si + 1..p.sentences.len())
            .find(|&k| {
                finder
                    .frames(&self.tokens[pi][k])
                    .iter()
                    .any(|g| ends_answer(&g.mention))
            })
            .map_or(p.range.end, |k| p.sentences[k].start);
        Some(trim_content(self.text, colon..end))
    }
}

/// A frame inside an interview answer that starts another speaker's turn: not a pronoun, and not
/// a group's report ("The allies have promised, and we will hold them to it" is the
/// interviewee's words).
pub(super) fn ends_answer(m: &super::speakers::Mention) -> bool {
    !matches!(
        m,
        super::speakers::Mention::Pronoun(_) | super::speakers::Mention::Members(_)
    )
}

/// An interviewer's question: a paragraph that ends with a question mark, or opens with a
/// question label right before a colon or a parenthesis ("Q: ...", "QUESTION (Ann Lee): ...").
pub(crate) fn asks_question(paragraph: &str) -> bool {
    let paragraph = paragraph.trim();
    let labelled = paragraph
        .find([':', '('])
        .map(|end| paragraph[..end].trim_end())
        .is_some_and(|label| lexicon::is(Class::QuestionLabel, &label.to_lowercase()));
    paragraph.ends_with('?') || labelled
}

/// A transcript's host, anchor or correspondent: a word of the name or title is a journalist's
/// role ("HOST", "Jane Doe, correspondent").
fn is_journalist(speaker: &Resolved) -> bool {
    let words = speaker.name.split_whitespace().chain(
        speaker
            .title
            .as_deref()
            .unwrap_or_default()
            .split(|c: char| c.is_whitespace() || c == ','),
    );
    words
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .any(|w| lexicon::is(Class::JournalistRole, &w.to_lowercase()))
}
