//! Attribution: find reporting cues in body sentences, the speaker each belongs to, and the
//! content (quotation or reported clause) it introduces.
//!
//! Patterns, all driven by the cue lexicon:
//! `"Q," X said` · `"Q," said X` · `X said (that) CLAUSE` · `CLAUSE, X said` · `X said: "Q"` ·
//! `According to X, CLAUSE` · `CLAUSE, according to X` · `This was stated by X` ·
//! `..., adding that CLAUSE` · `X told Y that ...` · `X called on Y to ...` · multi-paragraph
//! quotations · a bare quotation continuing the previous speaker's quote.

pub mod cues;
pub mod speakers;
pub mod tokens;

use crate::claim::Mode;
use crate::quotes;
use crate::sentences::Paragraph;
use cues::CueMatch;
use speakers::{Mention, Registry, Resolved};
use std::ops::Range;
use tokens::{tokenize, Token};

/// One attribution: who, by which cue, said what, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The resolved speaker.
    pub speaker: Resolved,
    /// The speaker as written at the cue.
    pub mention: String,
    /// The cue as written.
    pub cue: String,
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

const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "again",
    "once",
    "further",
    "previously",
    "repeatedly",
    "reportedly",
    "recently",
    "already",
    "privately",
    "publicly",
    "openly",
    "firmly",
    "clearly",
    "explicitly",
    "separately",
    "personally",
    "himself",
    "herself",
    "themselves",
    "itself",
    "not",
    "never",
    "did",
    "does",
    "do",
    "still",
    "even",
    "just",
    "then",
    "on",
    "earlier",
    "initially",
    "subsequently",
    "frequently",
    "often",
    "yesterday",
    "today",
    "tonight",
    "will",
    "would",
    "could",
    "may",
    "might",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "flatly",
    "bluntly",
    "strongly",
    "angrily",
    "openly",
    "quickly",
    "immediately",
    "last",
    "this",
    "week",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "morning",
    "evening",
    "night",
    "afternoon",
    "in",
    "turn",
    "private",
    "public",
    "twice",
    "first",
    "finally",
    "directly",
    "however",
];
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
const CLAUSE_BOUNDARY: &[&str] = &[
    ",", ";", ":", "that", "and", "but", "while", "as", "when", "because", "since", "after",
    "before", "if", "where", "—", "–", "-", "(", "so", "although", "though", "whereas", "however",
];

impl State<'_> {
    fn sentence(&mut self, paras: &[Paragraph], pi: usize, si: usize, s: Range<usize>) {
        let p = &paras[pi];
        let all = self.tokens;
        let toks = &all[pi][si];
        let frames = self.frames(toks);
        if frames.is_empty() {
            if self.signature(paras, pi, si, &s, toks) {
                return;
            }
            let next = all[pi].get(si + 1).map(Vec::as_slice);
            if !quote_then_bare_cue(self.text, p, si, next) {
                self.bare_quote(p, pi, s.clone());
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
                self.recent.push((a.evidence.start, a.speaker.clone()));
                self.out.push(a);
            }
        }
    }

    /// All cues of the sentence that have a speaker.
    fn frames(&self, toks: &[Token]) -> Vec<Frame> {
        let mut frames: Vec<Frame> = Vec::new();
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
            let Some(cue) = cues::match_at(toks, i) else {
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
        if let Some(Subject { np, title, start }) = subject_np(self.text, toks, cue.start) {
            let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
            let mention_text = speakers::join(self.text, &toks[np.clone()]);
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
            && toks[cue.start - 1].lower == "and"
            && CORE_CUES.contains(&toks[cue.start].lower.as_str())
        {
            // "Zelensky thanked allies and said ...": the clause's subject speaks.
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
        let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
        let mention_text = speakers::join(self.text, &toks[np.clone()]);
        Some(Frame {
            region: cue.start..np.end,
            np,
            mention,
            mention_text,
            cue,
            shape: Shape::Inverted,
        })
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
        let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
        let mention_text = speakers::join(self.text, &toks[np.clone()]);
        let form = cues::CueForm {
            words: vec!["according".into(), "to".into()],
            takes_object: false,
            strict: false,
            naming: false,
        };
        Some(Frame {
            region: i..np.end,
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
        let frame = frame_ranges(s, &content);
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
            cue: cue_text,
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
        let after_ok = |a: &Clause| a.strong && !f.cue.form.strict && f.shape != Shape::Inverted;
        match (after, before) {
            (Some(a), _) if a.introduced => Some(vec![a.range]),
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
            cue: self.text[s.clone()].trim().to_string(),
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

    /// A sentence that is only a quotation continues the previous speaker's quote when the
    /// previous claim was direct and in this or the previous paragraph.
    fn bare_quote(&mut self, p: &Paragraph, pi: usize, s: Range<usize>) {
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
        last.content.push(q.inner.clone());
        last.evidence.end = s.end;
    }
}

/// The quotation that makes up sentence `si` of the paragraph, if it is nothing else.
fn quote_only(p: &Paragraph, si: usize) -> Option<&crate::quotes::Quotation> {
    let sent = p.sentences.get(si)?;
    quotes::starting_at(&p.quotes, sent.start).filter(|q| q.closed && q.outer.end + 2 >= sent.end)
}

/// Sentence `si` is a quotation and the next sentence is a short cue with no content of its
/// own (`"Q." He said.`): the quotation belongs to that cue.
fn quote_then_bare_cue(text: &str, p: &Paragraph, si: usize, next: Option<&[Token]>) -> bool {
    let (Some(_), Some(toks)) = (quote_only(p, si), next) else {
        return false;
    };
    toks.len() <= 12 && !toks.iter().any(|t| t.is_quote(text)) && !cues::find_all(toks).is_empty()
}

/// For a cue sentence with no content (`He said.`), the quotation sentence right before it.
fn quote_sentence_before(
    text: &str,
    p: &Paragraph,
    si: usize,
    toks: &[Token],
    f: &Frame,
) -> Option<Range<usize>> {
    if si == 0 || toks.len() > 12 || !matches!(f.shape, Shape::Subject | Shape::Inverted) {
        return None;
    }
    let q = quote_only(p, si - 1)?;
    Some(trim_content(text, q.inner.clone()))
}

/// "called the report a hit piece", "called the talks “useful”": an object named as something
/// (an indefinite article after the object, "as", or a quotation), not a phone call.
fn names_something(text: &str, r: &Range<usize>) -> bool {
    let s = &text[r.clone()];
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    let particle = matches!(
        first.as_str(),
        "off" | "in" | "up" | "back" | "out" | "it" | "him" | "her" | "them"
    );
    let rest: Vec<&str> = words.collect();
    let named = rest.iter().any(|w| matches!(*w, "a" | "an" | "as"))
        || s.contains(crate::quotes::is_quote_mark);
    !particle && named
}

/// The end of the sentence holding byte `pos`, in paragraph `pi` or the next one.
fn sentence_end_at(paras: &[Paragraph], pi: usize, pos: usize) -> usize {
    paras[pi..paras.len().min(pi + 2)]
        .iter()
        .flat_map(|p| p.sentences.iter())
        .find(|x| x.start <= pos && pos <= x.end)
        .map_or(pos, |x| x.end)
}

/// `X said:` closing a paragraph, and the next paragraph opening with a quotation: that
/// quotation is the content.
fn quote_paragraph_after(
    text: &str,
    paras: &[Paragraph],
    pi: usize,
    si: usize,
    s: &Range<usize>,
) -> Option<Range<usize>> {
    let last_sentence = si + 1 == paras[pi].sentences.len();
    if !last_sentence || !text[s.clone()].trim_end().ends_with(':') {
        return None;
    }
    let next = paras.get(pi + 1)?;
    let q = next
        .quotes
        .first()
        .filter(|q| q.outer.start == next.range.start)?;
    Some(trim_content(text, q.inner.clone()))
}

/// "NATO said that Mertens had expressed a view": a cue inside the reported clause of the
/// previous cue is part of that content, not a new attribution.
fn embedded(toks: &[Token], f: &Frame, prev: Option<&Frame>) -> bool {
    prev.is_some_and(|p| p.region.end <= f.region.start)
        && f.shape == Shape::Subject
        && f.np.start > 0
        && toks[f.np.start - 1].lower == "that"
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
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let is_call_on = cue.form.words.len() == 2
        && cue.form.words[0].starts_with("call")
        && cue.form.words[1] == "on";
    let day = toks
        .get(cue.end)
        .is_some_and(|t| DAYS.contains(&t.lower.as_str()));
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
            },
        },
    }
}

/// `"Q1 ...` (a paragraph that opens a quotation and never closes it) followed by
/// `"Q2," X said.`: the earlier paragraphs belong to the same quotation.
fn prepend_open_quotes(
    paras: &[Paragraph],
    pi: usize,
    mut content: Vec<Range<usize>>,
    mut evidence: Range<usize>,
) -> (Vec<Range<usize>>, Range<usize>) {
    let p = &paras[pi];
    let starts_para = p.quotes.first().is_some_and(|q| {
        q.outer.start == p.range.start
            && content
                .first()
                .is_some_and(|c| q.inner.start <= c.start && c.start <= q.inner.start + 3)
    });
    if !starts_para {
        return (content, evidence);
    }
    let mut k = pi;
    while k > 0 {
        let prev = &paras[k - 1];
        match prev.quotes.as_slice() {
            [q] if !q.closed && q.outer.start == prev.range.start => {
                content.insert(0, q.inner.clone());
                evidence.start = prev.range.start;
                k -= 1;
            }
            _ => break,
        }
    }
    (content, evidence)
}

/// The speaker phrase right before a cue, with a title from an apposition:
/// "NATO Secretary General Jens Stoltenberg said", "Andriy Yermak, head of the presidential
/// staff, said", "the head of the Defence Ministry, Oleksii Reznikov, said", "he said".
/// A subject phrase: the name tokens, a title written beside them, and where the whole phrase
/// (title included) starts.
struct Subject {
    np: Range<usize>,
    title: Option<String>,
    start: usize,
}

fn subject_np(text: &str, toks: &[Token], cue_start: usize) -> Option<Subject> {
    let mut k = cue_start;
    while k > 0 && AUX.contains(&toks[k - 1].lower.as_str()) && !toks[k - 1].quoted {
        k -= 1;
    }
    k = skip_parenthetical(toks, k);
    k = skip_comma_adjunct(toks, k);
    if k == 0 {
        return None;
    }
    if toks[k - 1].lower == "," {
        return apposed_subject(text, toks, k - 1);
    }
    let end = k;
    if ["he", "she", "it", "they", "we", "i"].contains(&toks[end - 1].without_clitic()) {
        return subject_starts_clause(toks, end - 1).then(|| Subject {
            np: end - 1..end,
            title: None,
            start: end - 1,
        });
    }
    let start = np_start(text, toks, end);
    if start == end || !subject_starts_clause(toks, start) {
        return None;
    }
    // "Andriy Yermak, the head of the president's office, who ..., wrote": the phrase found is
    // an apposition; the name before its comma is the subject.
    let descriptive = matches!(
        toks[start].lower.as_str(),
        "the" | "a" | "an" | "his" | "her" | "its" | "their"
    ) || crate::lexicon::TITLE_WORDS.contains(toks[start].base());
    if start >= 2 && toks[start - 1].lower == "," && descriptive {
        let name_start = np_start(text, toks, start - 1);
        let run = speakers::name_run(text, toks, name_start);
        if !run.is_empty() && run.end == start - 1 && subject_starts_clause(toks, name_start) {
            let title = speakers::join(text, &toks[start..end]);
            return Some(Subject {
                np: run,
                title: Some(title),
                start: name_start,
            });
        }
    }
    Some(Subject {
        np: start..end,
        title: None,
        start,
    })
}

/// A line that is only a name and a title, with no sentence punctuation: the name's tokens
/// and the title.
fn signature_line(
    text: &str,
    toks: &[Token],
    s: &Range<usize>,
) -> Option<(Range<usize>, Option<String>)> {
    if toks.len() > 12
        || text[s.clone()]
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '\u{201D}'])
    {
        return None;
    }
    let run = speakers::name_run(text, toks, 0);
    if run.len() < 2 {
        return None;
    }
    let rest = &toks[run.end..];
    let rest = if rest.first().is_some_and(|t| t.lower == ",") {
        &rest[1..]
    } else {
        rest
    };
    let titled = rest.iter().all(|t| {
        t.is_capitalized(text) || matches!(t.lower.as_str(), "of" | "the" | "for" | "and")
    }) && rest
        .iter()
        .any(|t| crate::lexicon::TITLE_WORDS.contains(t.base()));
    if !(rest.is_empty() || titled) {
        return None;
    }
    Some((run, (!rest.is_empty()).then(|| speakers::join(text, rest))))
}

/// A content range without the quotation marks around it.
fn strip_marks(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len()
        - s.trim_start_matches(|c: char| crate::quotes::is_quote_mark(c) || c.is_whitespace())
            .len();
    let t = s.trim_end_matches(|c: char| {
        crate::quotes::is_quote_mark(c) || c.is_whitespace() || c == '.'
    });
    r.start + lead..r.start + t.len().max(lead)
}

/// The subject of the clause that ends before token `end`: the noun phrase opening the
/// sentence, after an introductory phrase and its comma ("Speaking on Thursday, Zelensky ...").
fn clause_subject(text: &str, toks: &[Token], end: usize) -> Option<Subject> {
    let mut start = 0;
    let intro = toks.first().is_some_and(|t| {
        t.lower.ends_with("ing")
            || matches!(
                t.lower.as_str(),
                "on" | "in"
                    | "at"
                    | "after"
                    | "during"
                    | "earlier"
                    | "later"
                    | "speaking"
                    | "meanwhile"
                    | "however"
            )
    });
    if intro {
        start = (0..end).find(|&j| toks[j].lower == ",")? + 1;
    }
    let mut stop = start;
    while stop < end && is_np_word(text, &toks[stop]) && stop - start < 10 {
        stop += 1;
    }
    let verb_or_apposition = toks
        .get(stop)
        .is_some_and(|t| (t.is_word && !t.is_capitalized(text)) || t.lower == ",");
    (stop > start && verb_or_apposition).then_some(Subject {
        np: start..stop,
        title: None,
        start,
    })
}

/// "Rep. Jim Jordan (R-Ohio) said": a short parenthetical between a name and what follows.
fn skip_parenthetical(toks: &[Token], k: usize) -> usize {
    if k == 0 || toks[k - 1].lower != ")" {
        return k;
    }
    match (k.saturating_sub(8)..k - 1)
        .rev()
        .find(|&j| toks[j].lower == "(")
    {
        Some(open) => open,
        None => k,
    }
}

/// ", in turn," / ", at a meeting with Kallas," between subject and cue.
fn skip_comma_adjunct(toks: &[Token], k: usize) -> usize {
    if k < 2 || toks[k - 1].lower != "," {
        return k;
    }
    let Some(open) = (0..k - 1).rev().find(|&j| toks[j].lower == ",") else {
        return k;
    };
    let seg = &toks[open + 1..k - 1];
    let is_adjunct = seg.first().is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "in" | "at"
                | "on"
                | "during"
                | "after"
                | "before"
                | "for"
                | "speaking"
                | "meanwhile"
                | "however"
                | "too"
                | "also"
                | "though"
                | "while"
                | "when"
                | "addressing"
                | "writing"
                | "asked"
                | "responding"
                | "with"
                | "according"
                | "like"
                | "unlike"
                | "by"
                | "from"
                | "via"
                | "through"
                | "following"
                | "ahead"
                | "which"
                | "who"
                | "whose"
                | "where"
                | "citing"
                | "referring"
        ) || is_participle_opener(t)
    }) && seg.len() <= 20
        && !seg.iter().any(|t| t.quoted);
    if is_adjunct {
        open
    } else {
        k
    }
}

/// "sent on Thursday", "published later the same day": a lowercase participle opening an
/// adjunct between commas.
fn is_participle_opener(t: &Token) -> bool {
    const IRREGULAR: &[&str] = &[
        "sent", "written", "seen", "made", "given", "shown", "held", "taken", "read", "known",
        "quoted",
    ];
    t.is_word
        && t.lower.chars().all(|c| c.is_lowercase())
        && (t.lower.ends_with("ed") || IRREGULAR.contains(&t.lower.as_str()))
}

/// Subject with an apposition; `comma` is the index of the comma right before the cue.
fn apposed_subject(text: &str, toks: &[Token], comma: usize) -> Option<Subject> {
    let open = (0..comma).rev().find(|&j| toks[j].lower == ",")?;
    let seg = open + 1..comma;
    if seg.is_empty() || seg.len() > 24 || toks[seg.clone()].iter().any(|t| t.quoted) {
        return None;
    }
    // TITLE, NAME, said
    let run = speakers::name_run(text, toks, seg.start);
    if run == seg {
        let tstart = np_start(text, toks, open);
        let title = (tstart < open).then(|| speakers::join(text, &toks[tstart..open]));
        let title = title.map(|t| {
            t.trim_start_matches("the ")
                .trim_start_matches("The ")
                .to_string()
        });
        return Some(Subject {
            np: seg,
            title: title.filter(|t| !t.is_empty()),
            start: tstart.min(open),
        });
    }
    // NAME, APPOSITION, said ("Erin Murphy, a former aide who ..., said")
    let start = np_start(text, toks, open);
    let first = &toks[seg.start];
    let opens_np = matches!(
        first.lower.as_str(),
        "a" | "an" | "the" | "his" | "her" | "its" | "their"
    ) || crate::lexicon::TITLE_WORDS.contains(first.base())
        || first.is_capitalized(text);
    if start < open && subject_starts_clause(toks, start) && opens_np {
        let title_end = (seg.start..comma)
            .find(|&j| is_relative(&toks[j]))
            .unwrap_or(comma);
        let title =
            (title_end > seg.start).then(|| speakers::join(text, &toks[seg.start..title_end]));
        let title = speakers::apposition_after(text, toks, open).or(title);
        return Some(Subject {
            np: start..open,
            title,
            start,
        });
    }
    None
}

fn is_relative(t: &Token) -> bool {
    matches!(
        t.lower.as_str(),
        "who" | "which" | "that" | "whose" | "where"
    )
}

fn is_np_word(text: &str, t: &Token) -> bool {
    if !t.is_word || t.quoted {
        return false;
    }
    t.is_capitalized(text)
        || crate::lexicon::TITLE_WORDS.contains(t.base())
        || matches!(t.lower.as_str(), "of" | "the" | "for" | "to")
        || speakers_nouns(t.base())
}

fn speakers_nouns(w: &str) -> bool {
    matches!(
        w,
        "team"
            | "letter"
            | "publication"
            | "newspaper"
            | "outlet"
            | "agency"
            | "broadcaster"
            | "statement"
            | "post"
            | "message"
            | "leader"
            | "diplomat"
            | "government"
            | "ministry"
            | "office"
            | "alliance"
            | "bloc"
            | "kremlin"
            | "administration"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "politician"
            | "embassy"
            | "department"
            | "military"
            | "army"
            | "army's"
            | "paper"
            | "magazine"
            | "state"
            | "tweet"
            | "decree"
            | "ukrainian"
            | "russian"
            | "american"
            | "german"
            | "french"
            | "british"
            | "polish"
    )
}

/// First token of the noun phrase that ends at `end`.
fn np_start(text: &str, toks: &[Token], end: usize) -> usize {
    let mut start = end;
    while start > 0 && is_np_word(text, &toks[start - 1]) {
        start -= 1;
    }
    while start < end && matches!(toks[start].lower.as_str(), "of" | "for" | "to") {
        start += 1;
    }
    if start < end && end - start > 14 {
        return end;
    }
    start
}

/// The phrase starts a clause: sentence start, punctuation, a conjunction or "that".
fn subject_starts_clause(toks: &[Token], start: usize) -> bool {
    start == 0 || {
        let prev = &toks[start - 1];
        CLAUSE_BOUNDARY.contains(&prev.lower.as_str()) || !prev.is_word || prev.quoted
    }
}

/// The speaker phrase after a cue ("said Zhovkva", "according to the president").
fn np_after(text: &str, toks: &[Token], from: usize) -> Option<(Range<usize>, Option<String>)> {
    let mut end = from;
    if toks
        .get(end)
        .is_some_and(|t| ["he", "she", "it", "they", "we"].contains(&t.lower.as_str()))
    {
        return Some((end..end + 1, None));
    }
    while end < toks.len()
        && (is_np_word(text, &toks[end]) || toks[end].lower == "'s")
        && end - from < 16
    {
        end += 1;
    }
    while end > from && matches!(toks[end - 1].lower.as_str(), "of" | "the" | "for" | "to") {
        end -= 1;
    }
    if end == from {
        return None;
    }
    // "according to Umerov's deputy, Ivan Havryliuk": the name after the comma is the speaker.
    if toks.get(end).is_some_and(|t| t.lower == ",") {
        let run = speakers::name_run(text, toks, end + 1);
        let closes = toks
            .get(run.end)
            .is_none_or(|t| matches!(t.lower.as_str(), "," | "." | ";" | ")"));
        if run.len() >= 2 && closes {
            return Some((run, Some(speakers::join(text, &toks[from..end]))));
        }
    }
    let title = speakers::apposition_after(text, toks, end);
    Some((from..end, title))
}

/// After "said X" comes punctuation, the end, or an adjunct; never a verb.
fn ends_inverted_np(toks: &[Token], end: usize) -> bool {
    toks.get(end).is_none_or(|t| {
        !t.is_word
            || matches!(
                t.lower.as_str(),
                "on" | "in"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "adding"
                    | "who"
                    | "according"
                    | "of"
                    | "to"
                    | "last"
                    | "earlier"
                    | "yesterday"
                    | "today"
                    | "this"
                    | "told"
                    | "from"
                    | "with"
                    | "noting"
                    | "saying"
                    | "as"
                    | "via"
                    | "through"
                    | "but"
                    | "and"
                    | "referring"
                    | "speaking"
            )
    })
}

/// Token index where the clause after the cue begins (addressee, adjuncts and "that" skipped).
fn after_cue(text: &str, toks: &[Token], f: &Frame) -> usize {
    let mut i = match f.shape {
        Shape::Inverted | Shape::According => f.region.end,
        _ => f.cue.end,
    };
    if f.shape == Shape::Colon {
        return i;
    }
    if f.shape == Shape::According {
        if toks.get(i).is_some_and(|t| t.lower == ",") {
            i += 1;
        }
        return i;
    }
    if f.cue.form.takes_object {
        i = skip_object(text, toks, i);
    }
    skip_adjuncts(toks, i)
}

fn skip_object(text: &str, toks: &[Token], mut i: usize) -> usize {
    let start = i;
    while i < toks.len() && i - start < 8 {
        let t = &toks[i];
        if matches!(t.lower.as_str(), "that" | ":" | "," | "to") || t.is_quote(text) {
            break;
        }
        i += 1;
    }
    match toks.get(i).map(|t| t.lower.as_str()) {
        Some("that" | ":" | ",") => i,
        Some("to") => start, // "called on allies to act": the addressee belongs to the content
        _ => skip_addressee(text, toks, start),
    }
}

/// "told reporters the talks ...", "told CNN on Sunday ...": skip a short addressee.
fn skip_addressee(text: &str, toks: &[Token], start: usize) -> usize {
    const AUDIENCE: &[&str] = &[
        "me",
        "him",
        "her",
        "us",
        "them",
        "you",
        "reporters",
        "journalists",
        "lawmakers",
        "supporters",
        "parliament",
        "congress",
        "students",
        "voters",
        "delegates",
        "diplomats",
        "officials",
        "ministers",
        "allies",
        "leaders",
    ];
    let Some(t) = toks.get(start) else {
        return start;
    };
    if AUDIENCE.contains(&t.lower.as_str()) {
        return start + 1;
    }
    let mut j = start;
    if t.lower == "the" || t.lower == "a" {
        j += 1;
    }
    let run_start = j;
    while toks
        .get(j)
        .is_some_and(|t| t.is_word && t.is_capitalized(text) && !t.quoted)
        && j - run_start < 5
    {
        j += 1;
    }
    if j > run_start {
        j
    } else {
        start
    }
}

/// Skip "on Telegram", "in a statement", "last week", "on Saturday", ",", "that".
fn skip_adjuncts(toks: &[Token], mut i: usize) -> usize {
    loop {
        let before = i;
        if let Some(t) = toks.get(i) {
            let w = t.lower.as_str();
            if matches!(
                w,
                "that"
                    | ":"
                    | ","
                    | "publicly"
                    | "privately"
                    | "also"
                    | "again"
                    | "repeatedly"
                    | "yesterday"
                    | "today"
                    | "earlier"
                    | "later"
                    | "recently"
                    | "firmly"
                    | "then"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "tonight"
                    | "afterward"
                    | "afterwards"
            ) {
                i += 1;
            } else if matches!(
                w,
                "on" | "in"
                    | "last"
                    | "this"
                    | "at"
                    | "during"
                    | "via"
                    | "over"
                    | "to"
                    | "after"
                    | "before"
                    | "following"
            ) {
                i = skip_pp(toks, i);
            }
        }
        if i == before {
            return i;
        }
    }
}

/// Skip a short prepositional phrase when a "that" or a quotation follows it closely, or when
/// it is a time phrase ("on Saturday", "last week").
fn skip_pp(toks: &[Token], i: usize) -> usize {
    let limit = (i + 10).min(toks.len());
    if let Some(j) = (i + 1..limit).find(|&j| toks[j].lower == "that" || toks[j].lower == ":") {
        if toks[i + 1..j]
            .iter()
            .all(|t| t.is_word || t.lower == "," || t.lower == "-")
        {
            return j;
        }
    }
    if matches!(
        toks[i].lower.as_str(),
        "after" | "before" | "during" | "following" | "at" | "in" | "on"
    ) {
        let pronoun = (i + 1..limit).find(|&j| {
            matches!(
                toks[j].lower.as_str(),
                "he" | "she" | "they" | "it" | "we" | "i"
            )
        });
        if let Some(j) = pronoun {
            if toks[i + 1..j].iter().all(|t| t.is_word) {
                return j; // "said after the convention he would ..."
            }
        }
    }
    let time_words = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "week",
        "month",
        "year",
        "morning",
        "evening",
        "night",
        "afternoon",
        "weekend",
        "day",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "interview",
        "statement",
    ];
    let n = toks[i + 1..limit]
        .iter()
        .take(3)
        .position(|t| time_words.contains(&t.lower.as_str()));
    match n {
        Some(k) => {
            let mut j = i + 1 + k + 1;
            while toks.get(j).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "morning" | "evening" | "night" | "afternoon"
                )
            }) {
                j += 1;
            }
            j
        }
        None => i,
    }
}

/// A candidate content clause.
struct Clause {
    range: Range<usize>,
    /// Introduced by "that", a colon, a comma after "according to X", or a quotation mark.
    introduced: bool,
    /// Reads as a clause of its own: does not open with a preposition or a bare verb.
    strong: bool,
}

const NOT_CLAUSE_START: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "while",
    "with",
    "to",
    "from",
    "as",
    "for",
    "by",
    "of",
    "would",
    "will",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "is",
    "was",
    "are",
    "were",
    "has",
    "had",
    "have",
    "be",
    "been",
    "and",
    "or",
    "but",
    "when",
    "where",
    "which",
    "who",
    "earlier",
    "later",
    "yesterday",
    "today",
    "meanwhile",
    "however",
    "separately",
    "speaking",
    "asked",
    "then",
    "now",
    "also",
    "instead",
    "still",
    "moreover",
    "addressing",
    "writing",
    "responding",
    "whether",
    "if",
];

/// Words that show a clause has a finite verb.
const VERBISH: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "shall",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "don't",
    "doesn't",
    "didn't",
    "won't",
    "can't",
    "cannot",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "wouldn't",
    "couldn't",
    "shouldn't",
    "need",
    "needs",
    "want",
    "wants",
    "remains",
    "remain",
    "seems",
    "means",
    "makes",
    "take",
    "takes",
    "give",
    "gives",
    "go",
    "goes",
    "come",
    "comes",
    "stand",
    "stands",
    "lies",
    "belongs",
    "depends",
    "hopes",
    "expects",
    "knows",
    "sees",
    "wins",
    "says",
    "say",
    "think",
    "thinks",
    "believe",
    "believes",
    "support",
    "supports",
    "oppose",
    "opposes",
    "join",
    "went",
    "came",
    "took",
    "made",
    "gave",
    "saw",
    "got",
    "left",
    "found",
    "became",
    "began",
    "felt",
    "kept",
    "held",
    "brought",
    "thought",
    "knew",
    "ran",
    "won",
    "lost",
    "met",
    "paid",
    "sent",
    "built",
    "spent",
    "stood",
    "wrote",
    "spoke",
    "broke",
    "chose",
    "fell",
    "fought",
    "led",
    "meant",
    "put",
    "rose",
    "set",
    "shot",
    "sold",
    "struck",
    "taught",
    "told",
    "said",
    "hit",
    "cut",
    "let",
    "quit",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "all", "every", "some", "any", "each", "both", "him", "them", "us", "me",
];

const TIME_NOUNS: &[&str] = &[
    "week", "month", "year", "morning", "evening", "night", "weekend", "spring", "summer",
    "autumn", "winter", "time",
];

/// The clause `toks[from..to]`, if it has three words or more.
fn clause(
    text: &str,
    toks: &[Token],
    mut from: usize,
    to: usize,
    after: bool,
    according: bool,
) -> Option<Clause> {
    let to = if after {
        cut_clause(toks, from, to)
    } else {
        to
    };
    if !after {
        from = skip_connective(toks, from, to);
    }
    let words = toks.get(from..to)?.iter().filter(|t| t.is_word).count();
    if words < 3 {
        return None;
    }
    let first = &toks[from];
    let introduced = after
        && (first.is_quote(text)
            || from > 0
                && matches!(toks[from - 1].lower.as_str(), "that" | ":" | ",")
                && !toks[from - 1].quoted);
    let time_phrase = matches!(first.lower.as_str(), "this" | "last" | "next" | "that")
        && toks
            .get(from + 1)
            .is_some_and(|t| TIME_NOUNS.contains(&t.lower.as_str()));
    let date_opener = !after
        && crate::dates::find_dates(&text[first.range.start..toks[to - 1].range.end])
            .first()
            .is_some_and(|m| m.range.start == 0);
    let participle_opener = !after && first.lower.ends_with("ing") && first.lower.len() > 5;
    let weak_start = NOT_CLAUSE_START.contains(&first.lower.as_str())
        || time_phrase
        || date_opener
        || participle_opener;
    let has_verb = toks[from..to].iter().any(|t| {
        t.is_word
            && !t.quoted
            && (VERBISH.contains(&t.lower.as_str())
                || (t.lower.ends_with("ed") && t.lower.len() > 4))
    }) || toks[from..to].iter().any(|t| t.quoted);
    let strong = introduced || (!weak_start && (after || has_verb || according));
    let range = trim_content(text, toks[from].range.start..toks[to - 1].range.end);
    Some(Clause {
        range,
        introduced,
        strong,
    })
}

/// "However, CLAUSE, X said": the connective is not part of the content.
fn skip_connective(toks: &[Token], from: usize, to: usize) -> usize {
    const CONNECTIVES: &[&str] = &[
        "however",
        "but",
        "and",
        "meanwhile",
        "still",
        "also",
        "so",
        "yet",
        "now",
        "moreover",
        "indeed",
        "instead",
    ];
    let mut i = from;
    if i < to && CONNECTIVES.contains(&toks[i].lower.as_str()) {
        i += 1;
        if i < to && toks[i].lower == "," {
            i += 1;
        }
    }
    i
}

/// End the clause at ", but did not ...", ", he added" or similar.
fn cut_clause(toks: &[Token], from: usize, to: usize) -> usize {
    for j in from..to {
        let t = &toks[j];
        if t.quoted {
            continue;
        }
        if t.lower == "but" && toks.get(j + 1).is_some_and(is_bare_predicate) {
            return if j > from && toks[j - 1].lower == "," {
                j - 1
            } else {
                j
            };
        }
    }
    to
}

fn is_bare_predicate(t: &Token) -> bool {
    matches!(
        t.lower.as_str(),
        "did"
            | "didn't"
            | "gave"
            | "declined"
            | "refused"
            | "offered"
            | "provided"
            | "stopped"
            | "noted"
            | "added"
            | "failed"
            | "named"
            | "said"
    )
}

/// The clause before the speaker ends at the comma (or quotation) that precedes it.
fn before_end(toks: &[Token], region_start: usize) -> usize {
    let mut e = region_start;
    while e > 0 && matches!(toks[e - 1].lower.as_str(), "," | "—" | "–" | "-") {
        e -= 1;
    }
    if e == region_start {
        return 0; // no comma: the speaker opens the sentence or follows a verb
    }
    e
}

/// End of the clause after a cue when another cue's speaker follows in the sentence.
fn clause_end_before(toks: &[Token], next_region: usize) -> usize {
    let mut e = next_region;
    while e > 0 && matches!(toks[e - 1].lower.as_str(), "," | "and" | "—" | "–") {
        e -= 1;
    }
    e
}

/// `"Q," X said`: the quotation that closes right before the speaker phrase.
fn quote_before(
    text: &str,
    p: &Paragraph,
    toks: &[Token],
    region_start: usize,
    prev_region: Option<usize>,
) -> Option<Range<usize>> {
    if region_start == 0 {
        return None;
    }
    let mut j = region_start;
    while j > 0
        && matches!(
            toks[j - 1].lower.as_str(),
            "," | "." | "!" | "?" | "—" | "–" | "-" | "…"
        )
    {
        j -= 1;
    }
    if j == 0 || !toks[j - 1].is_quote(text) || prev_region.is_some_and(|r| j <= r) {
        return None;
    }
    let close_at = toks[j - 1].range.start;
    let q =
        quotes::containing(&p.quotes, close_at).filter(|q| q.closed && q.inner.end == close_at)?;
    // The quotation, not a quoted word inside a clause: it must open a sentence or follow a boundary.
    let opener = text[..q.outer.start].trim_end();
    let opens = q.outer.start == p.range.start
        || opener.ends_with(['.', '!', '?', ':', ',', '—', '–'])
        || opener.len() <= p.range.start
        || text[q.inner.clone()].split_whitespace().count() >= 4;
    opens.then(|| trim_content(text, q.inner.clone()))
}

/// The quotation opening right after the speaker phrase (a few adjunct words allowed) and a
/// comma, or a colon when `colon` is set: `"Q1," X said, "Q2"` and `X said: "Q"`.
fn quote_after(
    text: &str,
    p: &Paragraph,
    toks: &[Token],
    region_end: usize,
    colon: bool,
) -> Option<Range<usize>> {
    let mut i = region_end;
    while i < toks.len() && toks[i].is_word && !toks[i].quoted && i - region_end < 6 {
        i += 1; // "..., he said in a statement, "..."
    }
    let punct = toks.get(i)?.lower.as_str();
    if !(punct == "," || (colon && punct == ":")) {
        return None;
    }
    let open = toks.get(i + 1).filter(|t| t.is_quote(text))?;
    let q = quotes::starting_at(&p.quotes, open.range.start)?;
    Some(trim_content(text, q.inner.clone()))
}

/// Trim spaces and trailing punctuation (and a leading "that") from content.
fn trim_content(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim_start();
    let t = t.strip_prefix("that ").unwrap_or(t);
    let lead = lead + (s.trim_start().len() - t.len());
    let trimmed = t.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '—' | '–')
    });
    let start = r.start + lead;
    start..start + trimmed.len()
}

/// Direct when the content is all quotation, mixed when it holds some, else indirect.
fn mode_of(text: &str, content: &[Range<usize>], p: &Paragraph) -> Mode {
    let all_quoted = content.iter().all(|c| {
        quotes::containing(&p.quotes, c.start)
            .is_some_and(|q| q.inner.start <= c.start && c.end <= q.inner.end)
            || !text[c.clone()].contains(crate::quotes::is_quote_mark)
                && is_after_quote_mark(text, c.start)
    });
    if all_quoted {
        return Mode::Direct;
    }
    if content
        .iter()
        .any(|c| text[c.clone()].contains(crate::quotes::is_quote_mark))
    {
        Mode::Mixed
    } else {
        Mode::Indirect
    }
}

fn is_after_quote_mark(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(crate::quotes::is_quote_mark)
}

/// The sentence minus the content: where the attribution's own words (and date) are.
fn frame_ranges(s: &Range<usize>, content: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = s.start;
    for c in content {
        if c.start >= s.start && c.end <= s.end && c.start >= at {
            out.push(at..c.start);
            at = c.end;
        }
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
