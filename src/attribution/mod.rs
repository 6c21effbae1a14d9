//! Attribution: find reporting cues in body sentences, the speaker each belongs to, and the
//! content (quotation or reported clause) it introduces.
//!
//! Patterns, all driven by the cue lexicon:
//! `"Q," X said` · `"Q," said X` · `X said (that) CLAUSE` · `CLAUSE, X said` · `X said: "Q"` ·
//! `According to X, CLAUSE` · `CLAUSE, according to X` · `This was stated by X` ·
//! `..., adding that CLAUSE` · `X told Y that ...` · `X called on Y to ...` · multi-paragraph
//! quotations · a bare quotation continuing the previous speaker's quote.

mod clause;
pub mod cues;
mod quoting;
pub mod speakers;
mod subject;
pub mod tokens;

use crate::claim::Mode;
use crate::quotes;
use crate::sentences::Paragraph;
use clause::*;
use cues::CueMatch;
use quoting::*;
use speakers::{Mention, Registry, Resolved};
use std::ops::Range;
use subject::*;
use tokens::{tokenize, Token};

/// One attribution: who, by which cue, said what, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The resolved speaker.
    pub speaker: Resolved,
    /// The speaker as written at the cue.
    pub mention: String,
    /// The cue as written; `None` for a continuation quotation.
    pub cue: Option<String>,
    /// Content fragments (byte ranges), in order.
    pub content: Vec<Range<usize>>,
    /// Direct, indirect or mixed.
    pub mode: Mode,
    /// The sentence(s) the claim was read from.
    pub evidence: Range<usize>,
    /// Index of the paragraph of the cue.
    pub paragraph: usize,
    /// Where the statement's time may be written: the attribution frame, outside the content.
    pub frame: Vec<Range<usize>>,
    /// "has said", "had said": a statement with no particular occasion.
    pub perfect: bool,
    /// "says", "states": present tense, no particular occasion.
    pub present: bool,
}

/// The attributions of an article, and where it names its people.
#[derive(Debug, Clone, Default)]
pub struct Attributed {
    /// Attributions in text order.
    pub attributions: Vec<Attribution>,
    /// Every mention of a person as (byte offset, full name), in text order.
    pub people: Vec<(usize, String)>,
}

/// Attribute every body sentence of the article. `extra` are headline and caption ranges:
/// they name people (full names, titles) but never yield claims.
pub fn attribute(text: &str, paragraphs: &[Paragraph], extra: &[Range<usize>]) -> Attributed {
    // Every sentence is tokenized once; the registry and the patterns share the tokens.
    let tokens: Vec<Vec<Vec<Token>>> = paragraphs
        .iter()
        .map(|p| {
            p.sentences
                .iter()
                .map(|s| tokenize(text, s.clone(), &p.quotes))
                .collect()
        })
        .collect();
    let registry = Registry::build(text, paragraphs, &tokens, extra);
    let mut state = State {
        text,
        registry: &registry,
        tokens: &tokens,
        recent: Vec::new(),
        out: Vec::new(),
    };
    for (pi, p) in paragraphs.iter().enumerate() {
        for (si, s) in p.sentences.iter().enumerate() {
            state.sentence(paragraphs, pi, si, s.clone());
        }
    }
    Attributed {
        attributions: state.out,
        people: registry.mentions(),
    }
}

struct State<'a> {
    text: &'a str,
    registry: &'a Registry,
    /// Tokens of every sentence, by paragraph then sentence.
    tokens: &'a [Vec<Vec<Token>>],
    recent: Vec<(usize, Resolved)>,
    out: Vec<Attribution>,
}

/// A cue with its speaker, before its content is known.
struct Frame {
    cue: CueMatch,
    mention: Mention,
    mention_text: String,
    /// Token range taken by the speaker phrase and the cue together.
    region: Range<usize>,
    /// Speaker phrase tokens.
    np: Range<usize>,
    /// How the speaker was found.
    shape: Shape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// X said
    Subject,
    /// said X
    Inverted,
    /// according to X
    According,
    /// was stated by X
    Passive,
    /// ..., adding that
    Participle,
    /// X: CLAUSE (a headline-style statement in running text), or Quote: "Q"
    Colon,
}

const PERFECT: &[&str] = &["has", "have", "had", "'s"];

const PARTICIPLE_CUES: &[&str] = &[
    "adding",
    "noting",
    "saying",
    "stressing",
    "stating",
    "emphasizing",
    "emphasising",
    "insisting",
    "warning",
    "explaining",
    "arguing",
    "recalling",
    "underlining",
    "claiming",
    "urging",
    "calling",
];

impl State<'_> {
    fn sentence(&mut self, paras: &[Paragraph], pi: usize, si: usize, s: Range<usize>) {
        let p = &paras[pi];
        let all = self.tokens;
        let toks = &all[pi][si];
        let frames = self.frames(toks);
        if std::env::var_os("NATOCLAIMS_TRACE").is_some() {
            let ws: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
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
            self.note_subject(toks);
            return;
        }
        for (k, f) in frames.iter().enumerate() {
            let next_region = frames.get(k + 1).map(|n| n.region.start);
            let prev_region = if k > 0 {
                Some(frames[k - 1].region.end)
            } else {
                None
            };
            if let Some(a) = self.build(paras, pi, si, &s, toks, f, prev_region, next_region) {
                let others = self.coordinated_speakers(toks, f, &a);
                self.recent.push((a.evidence.start, a.speaker.clone()));
                self.out.extend(others);
                self.out.push(a);
            }
        }
    }

    /// All cues of the sentence that have a speaker.
    fn frames(&self, toks: &[Token]) -> Vec<Frame> {
        let mut frames: Vec<Frame> = Vec::new();
        let title_case = cues::is_title_case(toks);
        if let Some(f) = self.colon_frame(toks) {
            return vec![f];
        }
        let mut i = 0;
        while i < toks.len() {
            if let Some(f) = self.according_to(toks, i) {
                i = f.region.end;
                frames.push(f);
                continue;
            }
            let Some(cue) = cues::match_at(toks, i, title_case) else {
                i += 1;
                continue;
            };
            let cue = called_on_day_for(toks, cue);
            i = cue.end;
            if let Some(f) = self.frame_for(toks, cue, frames.last()) {
                if !embedded(toks, &f, frames.last()) {
                    frames.push(f);
                }
            }
        }
        frames
    }

    /// "Kuleba: allies must decide." or "Quote: «...»" opening a sentence. The name must be a
    /// person the article names, an institution, or a full name; "Quote" takes the last speaker.
    fn colon_frame(&self, toks: &[Token]) -> Option<Frame> {
        let colon = toks
            .iter()
            .take(5)
            .position(|t| t.lower == ":" && !t.quoted)?;
        if colon == 0 || toks.len() < colon + 4 {
            return None;
        }
        let form = cues::CueForm {
            words: vec![":".into()],
            takes_object: false,
            strict: false,
            naming: false,
            np_content: false,
        };
        let cue = CueMatch {
            start: colon,
            end: colon + 1,
            form,
        };
        if colon == 1 && toks[0].lower == "quote" {
            let (_, last) = self.recent.last()?;
            let mention = Mention::Name {
                name: last.name.clone(),
                title: last.title.clone(),
            };
            let mention_text = speakers::join(self.text, &toks[..1]);
            return Some(Frame {
                cue,
                mention,
                mention_text,
                region: 0..colon + 1,
                np: 0..1,
                shape: Shape::Colon,
            });
        }
        let np = &toks[..colon];
        let named = speakers::name_run(self.text, toks, 0) == (0..colon);
        let mention = speakers::classify(self.text, np, None)?;
        let known = match &mention {
            Mention::Name { name, .. } => {
                named && (name.contains(' ') || self.registry.knows(name))
            }
            Mention::Organization(_) => true,
            _ => false,
        };
        known.then(|| Frame {
            cue,
            mention,
            mention_text: speakers::join(self.text, np),
            region: 0..colon + 1,
            np: 0..colon,
            shape: Shape::Colon,
        })
    }

    fn frame_for(&self, toks: &[Token], cue: CueMatch, prev: Option<&Frame>) -> Option<Frame> {
        if let Some(f) = self.participle(toks, &cue, prev) {
            return Some(f);
        }
        if let Some(f) = self.passive(toks, &cue) {
            return Some(f);
        }
        if is_passive(toks, &cue) {
            return None; // "Ukraine had been promised membership": the subject is not the speaker
        }
        if is_bare_participle(toks, &cue) {
            return None; // "..., promising support": a participle has no subject of its own
        }
        if let Some(Subject { np, title, start }) = subject_np(self.text, toks, cue.start) {
            let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
            let mention_text = speakers::join(self.text, &toks[np.clone()]);
            let start = conjuncts(self.text, toks, np.start)
                .first()
                .map_or(start, |c| c.0.min(start));
            return Some(Frame {
                region: start..cue.end,
                np,
                mention,
                mention_text,
                cue,
                shape: Shape::Subject,
            });
        }
        if cue.start > 0 && matches!(toks[cue.start - 1].lower.as_str(), "to" | "let" | "let's") {
            return None; // "expected to say", "let's say"
        }
        const CORE_CUES: &[&str] = &[
            "said",
            "says",
            "told",
            "added",
            "stressed",
            "noted",
            "warned",
            "insisted",
            "argued",
            "claimed",
            "wrote",
            "stated",
            "emphasised",
            "emphasized",
            "declared",
            "announced",
            "urged",
            "called",
            "explained",
            "admitted",
        ];
        if cue.start > 0
            && matches!(toks[cue.start - 1].lower.as_str(), "and" | "but")
            && CORE_CUES.contains(&toks[cue.start].lower.as_str())
        {
            // "Zelensky thanked allies and said ...", "..., but added that ...": the clause's
            // subject speaks.
            let Subject { np, title, .. } = clause_subject(self.text, toks, cue.start - 1)?;
            let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
            let mention_text = speakers::join(self.text, &toks[np.clone()]);
            return Some(Frame {
                region: cue.start..cue.end,
                np,
                mention,
                mention_text,
                cue,
                shape: Shape::Participle,
            });
        }
        let inverted_ok = cue.start == 0
            || matches!(toks[cue.start - 1].lower.as_str(), "," | ":" | "—" | "–")
            || toks[cue.start - 1].is_quote(self.text);
        if !inverted_ok {
            return None;
        }
        let (np, title) = np_after(self.text, toks, cue.end)?;
        if !ends_inverted_np(toks, np.end) {
            return None; // "said the program has sent ...": a clause, not a speaker
        }
        let end = phrase_end(toks, &np, title.is_some());
        let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
        let mention_text = speakers::join(self.text, &toks[np.clone()]);
        Some(Frame {
            region: cue.start..end,
            np,
            mention,
            mention_text,
            cue,
            shape: Shape::Inverted,
        })
    }

    /// "Hungary and Slovakia voiced opposition ...", "Scholz, Macron and Tusk said ...": every
    /// other conjunct of a coordinated subject gets the same claim, in text order.
    fn coordinated_speakers(&self, toks: &[Token], f: &Frame, a: &Attribution) -> Vec<Attribution> {
        if f.shape != Shape::Subject {
            return Vec::new();
        }
        conjuncts(self.text, toks, f.np.start)
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

    /// "..., adding that ...": the speaker of the previous cue in the sentence.
    fn participle(&self, toks: &[Token], cue: &CueMatch, prev: Option<&Frame>) -> Option<Frame> {
        let first = &toks[cue.start];
        if !PARTICIPLE_CUES.contains(&first.lower.as_str())
            || cue.start == 0
            || toks[cue.start - 1].lower != ","
        {
            return None;
        }
        let Some(prev) = prev else {
            // "Clinton spoke out about ..., arguing that ...": the clause's subject speaks.
            let Subject { np, title, .. } = clause_subject(self.text, toks, cue.start - 1)?;
            let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
            let mention_text = speakers::join(self.text, &toks[np.clone()]);
            let region = cue.start..cue.end;
            return Some(Frame {
                cue: cue.clone(),
                mention,
                mention_text,
                region,
                np,
                shape: Shape::Participle,
            });
        };
        Some(Frame {
            cue: cue.clone(),
            mention: prev.mention.clone(),
            mention_text: prev.mention_text.clone(),
            region: cue.start..cue.end,
            np: prev.np.clone(),
            shape: Shape::Participle,
        })
    }

    /// "This was stated by X": speaker after "by", content in the previous sentence.
    fn passive(&self, toks: &[Token], cue: &CueMatch) -> Option<Frame> {
        if cue.start == 0
            || !matches!(
                toks[cue.start - 1].lower.as_str(),
                "was" | "were" | "been" | "is"
            )
        {
            return None;
        }
        if toks.get(cue.end)?.lower != "by" {
            return None;
        }
        let (np, title) = np_after(self.text, toks, cue.end + 1)?;
        let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
        let mention_text = speakers::join(self.text, &toks[np.clone()]);
        Some(Frame {
            region: 0..np.end,
            np,
            mention,
            mention_text,
            cue: cue.clone(),
            shape: Shape::Passive,
        })
    }

    fn according_to(&self, toks: &[Token], i: usize) -> Option<Frame> {
        let t = toks.get(i)?;
        if t.lower != "according" || t.quoted || toks.get(i + 1)?.lower != "to" {
            return None;
        }
        let (np, title) = np_after(self.text, toks, i + 2)?;
        let end = phrase_end(toks, &np, title.is_some());
        let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
        let mention_text = speakers::join(self.text, &toks[np.clone()]);
        let form = cues::CueForm {
            words: vec!["according".into(), "to".into()],
            takes_object: false,
            strict: false,
            naming: false,
            np_content: false,
        };
        Some(Frame {
            region: i..end,
            np,
            mention,
            mention_text,
            cue: CueMatch {
                start: i,
                end: i + 2,
                form,
            },
            shape: Shape::According,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        &mut self,
        paras: &[Paragraph],
        pi: usize,
        si: usize,
        s: &Range<usize>,
        toks: &[Token],
        f: &Frame,
        prev_region: Option<usize>,
        next_region: Option<usize>,
    ) -> Option<Attribution> {
        let p = &paras[pi];
        let speaker =
            self.registry
                .resolve(&f.mention, toks[f.np.start].range.start, &self.recent)?;
        let (content, evidence) = match f.shape {
            Shape::Passive => {
                let prev = p.sentences.get(si.checked_sub(1)?)?.clone();
                (
                    vec![trim_content(self.text, prev.clone())],
                    prev.start..s.end,
                )
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
        let content: Vec<Range<usize>> = content.into_iter().filter(|r| !r.is_empty()).collect();
        if content.is_empty() {
            return None;
        }
        let (content, evidence) = self.extend_open_quote(paras, pi, content, evidence);
        let (content, evidence) = prepend_open_quotes(paras, pi, content, evidence);
        let mode = mode_of(self.text, &content, p);
        let cue_text =
            self.text[toks[f.cue.start].range.start..toks[f.cue.end - 1].range.end].to_string();
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
        let is_perfect = |t: &Token| {
            PERFECT.contains(&t.lower.as_str()) || (t.has_clitic() && !t.lower.ends_with("'d"))
        };
        let perfect = f.cue.start > 0 && is_perfect(&toks[f.cue.start - 1])
            || (f.cue.start > 1
                && is_perfect(&toks[f.cue.start - 2])
                && toks[f.cue.start - 1].lower == "also");
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
            return Some(vec![q]);
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
        let mut after = clause(text, toks, after_start, after_end, true, according);
        if let Some(a) = after.as_mut() {
            // "vowed to form a task force", "urged allies to act": an infinitive right after the cue.
            let verb_next = toks.get(after_start + 1).is_some_and(|t| {
                t.is_word && !t.is_capitalized(text) && !DETERMINERS.contains(&t.lower.as_str())
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
                return Some(vec![a.range.clone()]);
            }
        }
        let after_ok = |a: &Clause| a.strong && !f.cue.form.strict && f.shape != Shape::Inverted;
        // "ADJUNCT, X said CLAUSE": a clause after the cue is the content before any adjunct.
        let after_first = |a: &Clause| after_ok(a) && a.has_verb && f.shape == Shape::Subject;
        match (after, before) {
            // "..., said X, then the agent of ...": after an inverted speaker comes its
            // apposition, not its content.
            (_, Some(b)) if f.shape == Shape::Inverted && b.strong => Some(vec![b.range]),
            (Some(a), _) if a.introduced => Some(vec![a.range]),
            (Some(a), _) if after_first(&a) => Some(vec![a.range]),
            (_, Some(b)) if b.strong => Some(vec![b.range]),
            (Some(a), _) if after_ok(&a) => Some(vec![a.range]),
            _ => None,
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

    /// A name line signing the text above it ("... diplomatic means. Volodymyr Zelensky,
    /// President of Ukraine"): the preceding sentences of the paragraph, or the preceding
    /// paragraph when the line stands alone, are that person's direct statement.
    fn signature(
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
        if self.text[content.clone()].split_whitespace().count() < 6 {
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

    /// A narration sentence that opens with a person makes them the likeliest "he"/"she" next.
    fn note_subject(&mut self, toks: &[Token]) {
        let Some(Subject { np, .. }) = clause_subject(self.text, toks, toks.len()) else {
            return;
        };
        let Some(mention @ Mention::Name { .. }) =
            speakers::classify(self.text, &toks[np.clone()], None)
        else {
            return;
        };
        let pos = toks[np.start].range.start;
        if let Some(r) = self.registry.resolve(&mention, pos, &self.recent) {
            self.recent.push((pos, r));
        }
    }

    /// A sentence that is only a quotation, after a direct claim in this or the previous
    /// paragraph, is a claim of the same speaker with no cue of its own.
    fn bare_quote(&mut self, paras: &[Paragraph], pi: usize, s: Range<usize>) {
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
        if taken
            || last.mode != Mode::Direct
            || last.paragraph + 1 < pi
            || last.evidence.end > s.start
        {
            return;
        }
        if self.text[q.inner.clone()].split_whitespace().count() < 3 {
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

/// The content after an NP-taking cue opens a noun phrase: a determiner, a possessive or a
/// capitalised word ("rejected the bid", "welcomed Ukraine's progress", "criticised Orban").
fn opens_np(text: &str, toks: &[Token], a: &Clause) -> bool {
    let Some(first) = toks.iter().find(|t| t.range.start >= a.range.start) else {
        return false;
    };
    let words = text[a.range.clone()].split_whitespace().count();
    words >= 2
        && (crate::lexicon::is(crate::lexicon::Class::Determiner, &first.lower)
            || first.is_possessive()
            || first.is_capitalized(text))
}

/// The other conjuncts of a coordinated subject whose last conjunct starts at `last_start`
/// ("Hungary and Slovakia", "senators A, B and C"), as (first token, mention, text), in text
/// order; empty when the subject is not coordinated.
fn conjuncts(text: &str, toks: &[Token], last_start: usize) -> Vec<(usize, Mention, String)> {
    let mut found = Vec::new();
    let mut j = last_start;
    // The conjunct nearest the cue is joined by "and"; earlier ones by commas or "and".
    if j < 2 || toks[j - 1].lower != "and" {
        return found;
    }
    while j >= 2 && matches!(toks[j - 1].lower.as_str(), "and" | ",") && !toks[j - 1].quoted {
        let end = j - 1;
        let start = np_start(text, toks, end);
        if start >= end {
            break;
        }
        let np = &toks[start..end];
        let Some(mention) = speakers::classify(text, np, None) else {
            break;
        };
        if !matches!(mention, Mention::Name { .. } | Mention::Organization(_)) {
            break;
        }
        found.push((start, mention, speakers::join(text, np)));
        j = start;
    }
    // "senators A, B and C", "the leaders of A and B": a plural title before the list.
    while j > 0
        && toks[j - 1].is_word
        && crate::lexicon::is_title(toks[j - 1].lower.trim_end_matches('s'))
    {
        j -= 1;
    }
    if found.is_empty() || !subject_starts_clause(toks, j) {
        return Vec::new();
    }
    found.reverse();
    found
}

/// Where a speaker phrase after its cue ends: after its apposition (", a CDU lawmaker on the
/// committee,") when it has one.
fn phrase_end(toks: &[Token], np: &Range<usize>, apposed: bool) -> usize {
    if !apposed || toks.get(np.end).is_none_or(|t| t.lower != ",") {
        return np.end;
    }
    (np.end + 1..toks.len())
        .find(|&j| matches!(toks[j].lower.as_str(), "," | "." | ";" | ")"))
        .unwrap_or(toks.len())
}

/// "NATO said that Mertens had expressed a view": a cue inside the reported clause of the
/// previous cue is part of that content, not a new attribution.
fn embedded(toks: &[Token], f: &Frame, prev: Option<&Frame>) -> bool {
    prev.is_some_and(|p| p.region.end <= f.region.start)
        && f.shape == Shape::Subject
        && f.np.start > 0
        && toks[f.np.start - 1].lower == "that"
}

/// An "-ing" cue after a comma with no form of "be" before it: a participle phrase, whose
/// speaker is the clause's, never a subject written right before it.
fn is_bare_participle(toks: &[Token], cue: &CueMatch) -> bool {
    let first = &toks[cue.start];
    first.lower.ends_with("ing") && cue.start > 0 && toks[cue.start - 1].lower == ","
}

/// A participle cue after a form of "be" with no "by" agent: passive voice.
fn is_passive(toks: &[Token], cue: &CueMatch) -> bool {
    if cue.form.words.len() > 1 {
        return false; // "was quoted as saying" is a cue phrase in its own right
    }
    let first = &toks[cue.start];
    let participle = !first.lower.ends_with("ing") && !first.lower.ends_with('s');
    let be = cue.start > 0
        && matches!(
            toks[cue.start - 1].lower.as_str(),
            "been" | "being" | "was" | "were" | "is" | "are" | "be"
        );
    participle && be && toks.get(cue.end).is_none_or(|t| t.lower != "by")
}

/// "called on Tuesday for ...": "on" opens a time phrase, so the cue is "called ... for".
fn called_on_day_for(toks: &[Token], cue: CueMatch) -> CueMatch {
    let is_call_on = cue.form.words.len() == 2
        && cue.form.words[0].starts_with("call")
        && cue.form.words[1] == "on";
    let day = toks
        .get(cue.end)
        .is_some_and(|t| crate::dates::is_weekday_word(&t.lower));
    if !(is_call_on && day) {
        return cue;
    }
    let mut j = cue.end + 1;
    while toks.get(j).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "morning" | "evening" | "night" | "afternoon"
        )
    }) {
        j += 1;
    }
    let form = cues::CueForm {
        words: vec![cue.form.words[0].clone(), "for".into()],
        takes_object: false,
        strict: false,
        naming: false,
        np_content: false,
    };
    match toks.get(j) {
        Some(t) if t.lower == "for" => CueMatch {
            start: cue.start,
            end: j + 1,
            form,
        },
        _ => CueMatch {
            start: cue.start,
            end: cue.start + 1,
            form: cues::CueForm {
                words: vec![cue.form.words[0].clone()],
                takes_object: false,
                strict: true,
                naming: false,
                np_content: false,
            },
        },
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    /// (speaker, content joined with " ... ", mode) for every attribution of `text`.
    fn attributions(text: &str) -> Vec<(String, String, Mode)> {
        let doc = Document::from_text(text);
        let blocks = crate::strip::classify(&doc);
        let paras = crate::sentences::paragraphs(text, &blocks);
        attribute(text, &paras, &[])
            .attributions
            .into_iter()
            .map(|a| {
                let q: Vec<&str> = a.content.iter().map(|r| &text[r.clone()]).collect();
                (a.speaker.name, q.join(" ... "), a.mode)
            })
            .collect()
    }

    fn one(text: &str) -> (String, String, Mode) {
        let all = attributions(text);
        assert_eq!(all.len(), 1, "{all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn quote_then_speaker_and_speaker_after_cue() {
        let (who, q, mode) = one("“We ask you to start the procedure,” said Igor Zhovkva, the deputy head of the office.\n");
        assert_eq!(
            (who.as_str(), q.as_str(), mode),
            (
                "Igor Zhovkva",
                "We ask you to start the procedure",
                Mode::Direct
            )
        );
        let (who, _, _) =
            one("\"The door is open,\" NATO Secretary General Jens Stoltenberg said on Friday.\n");
        assert_eq!(who, "Jens Stoltenberg");
    }

    #[test]
    fn reported_clause_before_and_after_the_cue() {
        let (who, q, mode) = one("Ukraine would join NATO only after the war, President Volodymyr Zelensky said on April 29 in Kyiv.\n");
        assert_eq!(
            (who.as_str(), q.as_str(), mode),
            (
                "Volodymyr Zelensky",
                "Ukraine would join NATO only after the war",
                Mode::Indirect
            )
        );
        let (_, q, _) = one("Foreign Minister Dmytro Kuleba said last week he expected a clear signal from the allies.\n");
        assert_eq!(q, "he expected a clear signal from the allies");
    }

    #[test]
    fn according_to_passive_and_adding_that() {
        let (who, q, _) =
            one("According to the minister Dmytro Kuleba, the allies will decide in July.\n");
        assert_eq!(
            (who.as_str(), q.as_str()),
            ("Dmytro Kuleba", "the allies will decide in July")
        );
        let all = attributions("Kyiv wants an invitation at the summit. This was stated by Deputy Foreign Minister Oksana Hrytsenko on June 29.\n");
        assert_eq!(all[0].1, "Kyiv wants an invitation at the summit");
        let all = attributions("Jens Stoltenberg said the allies agreed on a package, adding that more work was ahead for everyone.\n");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[1].1, "more work was ahead for everyone");
    }

    #[test]
    fn appositions_pronouns_and_nominals_resolve_to_full_names() {
        let text = "Andriy Yermak, head of the presidential office, said the alliance must act in Vilnius this year.\n\n\
                    He added that the decision should be taken by all allies together.\n\n\
                    NATO Secretary General Jens Stoltenberg arrived in the city on a visit on Monday.\n\n\
                    The secretary-general said that the door remained open for all of them.\n";
        let all = attributions(text);
        let who: Vec<&str> = all.iter().map(|a| a.0.as_str()).collect();
        assert_eq!(
            who,
            vec!["Andriy Yermak", "Andriy Yermak", "Jens Stoltenberg"]
        );
    }

    #[test]
    fn quote_after_a_colon_in_the_next_paragraph() {
        let all = attributions("President Volodymyr Zelensky said on Tuesday:\n\n“We need an invitation to NATO, not another promise.”\n");
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(
            all[0].1,
            "We need an invitation to NATO, not another promise"
        );
        assert_eq!(all[0].2, Mode::Direct);
    }

    #[test]
    fn a_sentence_ending_in_a_comma_after_the_speaker_does_not_panic() {
        let all = attributions(
            "The allies met in Vilnius on Tuesday to discuss the path for Ukraine. \
             Ukraine must be invited to join the alliance this year, said Kuleba,\n",
        );
        assert_eq!(all.len(), 1, "{all:?}");
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        let text = "Joe Biden said the allies would decide together at the summit.\n\n\
                    Hunter Biden said he had not followed the talks at all this year.\n";
        let who: Vec<String> = attributions(text).into_iter().map(|a| a.0).collect();
        assert_eq!(who, vec!["Joe Biden", "Hunter Biden"]);
    }

    #[test]
    fn passive_and_embedded_cues_are_not_speakers() {
        let all = attributions("Ukraine had been promised membership at every summit since the year 2008 by the allies.\n");
        assert!(all.is_empty(), "{all:?}");
        let all = attributions("NATO said on Sunday that Mertens had expressed a personal view on the membership question.\n");
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].0, "NATO");
    }
}
