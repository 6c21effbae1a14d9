//! Frame finding: every cue of a sentence with the speaker it belongs to.

use super::cues::{self, CueMatch};
use super::frame::{Frame, Shape};
use super::speakers::{self, Mention, Registry, Resolved};
use super::subject::*;
use super::tokens::Token;
use crate::lexicon::{self, Class};
use std::borrow::Cow;
use std::ops::Range;

/// "Foreign Minister Dmytro Kuleba:": a speaker before a colon is a few words.
const COLON_SPEAKER_TOKENS: usize = 5;

/// "Hungarian Prime Minister Viktor Orban:": a name after its title words may run longer.
const COLON_TITLED_NAME_TOKENS: usize = 8;

/// Tokens among which the colon of "Name, apposition: ..." is looked for.
const COLON_APPOSITION_TOKENS: usize = 12;

/// Tokens that may name the speaker a verb of relaying quotes ("quoted Deputy Defence Minister
/// X as saying").
const RELAYED_SPEAKER_TOKENS: usize = 8;

/// What follows the colon must be a statement, not a label.
pub(super) const MIN_COLON_CONTENT_TOKENS: usize = 3;

/// What frame finding reads: the text, the article's people and the last speakers.
pub(super) struct Finder<'a> {
    pub(super) text: &'a str,
    pub(super) registry: &'a Registry,
    pub(super) recent: &'a [(usize, Resolved)],
    /// The speaker of an interview's first labelled answer ("A: ..."), who gives the others.
    pub(super) interviewee: Option<&'a Resolved>,
}

impl Finder<'_> {
    /// All cues of the sentence that have a speaker.
    pub(super) fn frames(&self, toks: &[Token]) -> Vec<Frame> {
        let mut frames: Vec<Frame> = Vec::new();
        let title_case = cues::is_title_case(toks);
        if let Some(f) = self.colon_frame(toks, title_case) {
            return vec![f];
        }
        if let Some(f) = self.possessive_colon_frame(toks) {
            return vec![f];
        }
        if let Some(f) = self.interrupted_quote(toks) {
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
            if possessed_noun(toks, &cue) || admits_into(toks, &cue) {
                continue;
            }
            if let Some(f) = self.frame_for(toks, cue, frames.last()) {
                if !embedded(toks, &f, frames.last()) {
                    frames.push(f);
                }
            }
        }
        if frames.is_empty() {
            frames.extend(self.predicate_colon_frame(toks));
        }
        // "A. Yes, ...": an interview's answer label closed by its period stands for "A:",
        // where no cue reads the sentence otherwise ("A. Smith said" names a speaker).
        let dotted_answer = toks
            .first()
            .is_some_and(|t| t.lower.ends_with('.') && is_answer_label(t));
        if frames.is_empty() && dotted_answer && toks.len() > 1 {
            frames.extend(self.answer_frame(toks, 0));
        }
        frames
    }

    /// `His reply was short: "..."`: a possessive pronoun opening the sentence, a lowercase
    /// predicate, and a colon before a quotation that runs to the sentence's end; the pronoun
    /// stands for the speaker.
    fn possessive_colon_frame(&self, toks: &[Token]) -> Option<Frame> {
        let first = toks.first()?;
        let (_, pronoun) = lexicon::POSSESSIVE_PRONOUN_SUBJECTS
            .iter()
            .find(|(possessive, _)| *possessive == first.lower.as_ref())?;
        let colon = toks
            .iter()
            .take(COLON_TITLED_NAME_TOKENS + 1)
            .position(|t| t.lower == ":" && !t.quoted)?;
        // "Her office said:" has a cue of its own (the possessed noun may look like one: "reply").
        let plain_predicate = toks[1..colon].iter().all(|t| t.is_word && !t.capitalized)
            && (2..colon).all(|i| cues::match_at(toks, i, false).is_none());
        if colon < 2 || !plain_predicate || !self.quotation_after(toks, colon) {
            return None;
        }
        Some(self.label_frame(toks, colon, Mention::Pronoun(pronoun.to_string())))
    }

    /// A quotation of a few words opens right after the colon at `colon` and runs to the
    /// sentence's end.
    fn quotation_after(&self, toks: &[Token], colon: usize) -> bool {
        toks.get(colon + 1).is_some_and(|t| t.is_quote(self.text))
            && toks[colon + 1..].iter().filter(|t| t.is_word).count() >= MIN_COLON_CONTENT_TOKENS
            && toks[colon + 1..].iter().all(|t| t.quoted || !t.is_word)
    }

    /// `Chancellor X had a blunt message for Kyiv: "..."`: a full or known name opening the
    /// sentence (after its title), a predicate in lowercase, and a colon among the first
    /// tokens before a quotation that runs to the sentence's end. The caller asks it only of a
    /// sentence with no cue frame. The quotation is what the person said.
    fn predicate_colon_frame(&self, toks: &[Token]) -> Option<Frame> {
        // "16:05 - X, arriving at the summit: ...": a live blog's entry after its time stamp.
        let stamp = time_stamp_len(toks);
        if stamp > 0 && stamp < toks.len() {
            return Some(shifted(self.predicate_colon_frame(&toks[stamp..])?, stamp));
        }
        let colon = toks
            .iter()
            .take(COLON_APPOSITION_TOKENS)
            .position(|t| t.lower == ":" && !t.quoted)?;
        if !self.quotation_after(toks, colon) {
            return None;
        }
        let cue = CueMatch {
            start: colon,
            end: colon + 1,
            form: Cow::Owned(cues::CueForm::colon()),
        };
        (0..colon).find_map(|start| {
            let end = speakers::name_run(toks, start).end;
            // Only capitalised words or titles before the name. A possessive stays ("X's
            // response was:" is X's own words).
            let titled = toks[..start]
                .iter()
                .all(|t| t.is_capitalized() || t.base_is_title());
            if end <= start || end > colon || !titled {
                return None;
            }
            // "X heard a warning from Y: ..." quotes Y, not X.
            let other_source = toks[end..colon]
                .windows(2)
                .any(|w| matches!(w[0].lower.as_ref(), "from" | "by") && w[1].is_capitalized());
            if other_source {
                return None;
            }
            // The predicate begins in lowercase, after an optional comma ("X, for her part, was
            // cautious:"), so a headline ("X Rejects Y:") is not one.
            let first = toks[end..colon].iter().find(|t| t.lower != ",")?;
            if first.capitalized || !first.is_word || toks[end..colon].iter().any(|t| t.quoted) {
                return None;
            }
            let mention = speakers::classify(self.text, &toks[..end], None)?;
            let known = matches!(&mention, Mention::Name { name, .. }
                if name.contains(' ') || self.registry.knows(name));
            known.then(|| Frame {
                cue: cue.clone(),
                mention,
                mention_text: speakers::join(self.text, &toks[..end]),
                region: 0..colon + 1,
                np: 0..end,
                shape: Shape::Colon,
            })
        })
    }

    /// "Interfax quoted Peskov as saying ...", "the agency cited him as telling reporters ...":
    /// the object of a verb of relaying speaks; the outlet only relays.
    fn relayed(&self, toks: &[Token], cue: &CueMatch) -> Option<Frame> {
        let as_at = cue
            .start
            .checked_sub(1)
            .filter(|&a| toks[a].lower == "as" && !toks[a].quoted)?;
        let verb = (as_at.saturating_sub(RELAYED_SPEAKER_TOKENS + 1)..as_at)
            .rev()
            .find(|&v| !toks[v].quoted && lexicon::is(Class::QuotingVerb, &toks[v].lower))?;
        let np = verb + 1..as_at;
        let words = &toks[np.clone()];
        if words.is_empty() || words.iter().any(|t| t.quoted || t.lower == ",") {
            return None;
        }
        // "X was quoted by TASS as saying": a preposition names the outlet; the passive's
        // subject speaks.
        if words[0].is(Class::Preposition) || words[0].lower == "by" {
            let Subject { np, title, start } = subject_np(self.text, toks, verb)?;
            let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
            return Some(Frame {
                cue: cue.clone(),
                mention,
                mention_text: speakers::join(self.text, &toks[np.clone()]),
                region: start..cue.end,
                np,
                shape: Shape::Subject,
            });
        }
        let pronoun = match words {
            [one] => lexicon::OBJECT_PRONOUN_SUBJECTS
                .iter()
                .find(|(object, _)| *object == one.lower.as_ref()),
            _ => None,
        };
        let mention = match pronoun {
            Some((_, subject)) => Mention::Pronoun((*subject).to_string()),
            None => speakers::classify(self.text, words, None)?,
        };
        Some(Frame {
            cue: cue.clone(),
            mention,
            mention_text: speakers::join(self.text, words),
            region: verb..cue.end,
            np,
            shape: Shape::Subject,
        })
    }

    /// "Ukraine is ready - he wrote on social media - and the allies know it": a speaker and
    /// cue set off by dashes inside the quotation they attribute.
    fn interrupted_quote(&self, toks: &[Token]) -> Option<Frame> {
        let open = toks.iter().position(|t| t.quoted && t.is_dash())?;
        let close = (open + 1..toks.len().min(open + INTERRUPTION_TOKENS))
            .find(|&j| toks[j].quoted && toks[j].is_dash())?;
        // Inside the quotation every token is marked quoted; read the aside as plain words.
        let aside: Vec<Token> = toks[open + 1..close]
            .iter()
            .cloned()
            .map(|mut t| {
                t.quoted = false;
                t
            })
            .collect();
        let (np, title, cue) = if aside.first().is_some_and(|t| t.is(Class::SubjectPronoun)) {
            (0..1, None, cues::match_at(&aside, 1, false)?)
        } else {
            // "— Foreign Minister Andrii Sybiha wrote on X —": the name with its title.
            let cue = (1..aside.len()).find_map(|i| cues::match_at(&aside, i, false))?;
            let subject = subject_np(self.text, &aside, cue.start)?;
            (subject.np, subject.title, cue)
        };
        if np.is_empty() {
            return None;
        }
        let mention = speakers::classify(self.text, &aside[np.clone()], title)?;
        let shift = open + 1;
        Some(Frame {
            mention_text: speakers::join(self.text, &aside[np.clone()]),
            mention,
            region: open..close + 1,
            np: np.start + shift..np.end + shift,
            cue: CueMatch {
                start: cue.start + shift,
                end: cue.end + shift,
                form: cue.form,
            },
            shape: Shape::Interrupted,
        })
    }

    /// "A new Gallup poll shows that ...", "the Pew study found that ...": a document states a
    /// finding; its author, a capitalised name inside the phrase, is the speaker.
    fn document_frame(&self, toks: &[Token], cue: CueMatch) -> Option<Frame> {
        let mut k = cue.start;
        while k > 0 && toks[k - 1].is(Class::CueModifier) {
            k -= 1;
        }
        let head = k.checked_sub(1)?;
        if !lexicon::is(Class::EvidenceDocument, toks[head].base()) || toks[head].quoted {
            return None;
        }
        let mut start = head;
        while start > 0
            && head - start < DOCUMENT_PHRASE_TOKENS
            && toks[start - 1].is_word
            && !toks[start - 1].quoted
            && !toks[start - 1].is(Class::Determiner)
            // "said on Wednesday that Kyiv's letter showed": never back past "that" into the
            // frame before the document.
            && toks[start - 1].lower != "that"
        {
            start -= 1;
        }
        let opened = start > 0 && toks[start - 1].is(Class::Determiner);
        let phrase_start = if opened { start - 1 } else { start };
        if !subject_starts_clause(toks, phrase_start) {
            return None;
        }
        // A finding with no author named is an unnamed source.
        let author = (start..head).find(|&j| toks[j].is_capitalized())?;
        let word = &self.text[toks[author].range.clone()];
        let acronym = word.len() > 1 && word.chars().all(|c| !c.is_lowercase());
        if author == 0 && !acronym {
            return None; // "New polls show": a capital that only opens the sentence
        }
        let np = author
            ..(author..head)
                .find(|&j| !toks[j].is_capitalized())
                .unwrap_or(head);
        let mention_text = speakers::join(self.text, &toks[np.clone()]);
        Some(Frame {
            mention: Mention::Organization(mention_text.clone()),
            mention_text,
            region: phrase_start..cue.end,
            np,
            cue,
            shape: Shape::Subject,
        })
    }

    /// "Kuleba: allies must decide." or "Quote: «...»" opening a sentence. The name must be a
    /// person the article names, an institution, or a full name; "Quote" takes the last speaker.
    /// A turn of fewer words ("Sybiha: No.") needs a name the article knows.
    fn colon_frame(&self, toks: &[Token], title_case: bool) -> Option<Frame> {
        // "- Latvian Defence Minister X: ...": an item of a digest, after its bullet.
        let bullet = |t: &Token| t.is(Class::ListBullet) && !t.quoted;
        if toks.first().is_some_and(bullet) {
            // One bullet only: the frame after it starts on a word, and the call goes one deep.
            if toks.get(1).is_none_or(bullet) {
                return None;
            }
            return Some(shifted(self.colon_frame(&toks[1..], title_case)?, 1));
        }
        // "16:05 - Kuleba: ...": a live blog's entry after its time stamp.
        let stamp = time_stamp_len(toks);
        if stamp > 0 && stamp < toks.len() {
            return Some(shifted(
                self.colon_frame(&toks[stamp..], title_case)?,
                stamp,
            ));
        }
        let colon = toks
            .iter()
            .take(COLON_APPOSITION_TOKENS)
            .position(|t| t.lower == ":" && !t.quoted)?;
        // "X said on Telegram: ...": a cue before the colon frames the quotation itself.
        if colon == 0 || (0..colon).any(|i| cues::match_at(toks, i, title_case).is_some()) {
            return None;
        }
        // "Sybiha: No." a short turn only under a name the article knows (building keeps it
        // only as an interview's answer, which goes on in the sentences after it).
        let short = toks.len() < colon + 1 + MIN_COLON_CONTENT_TOKENS;
        let cue = CueMatch {
            start: colon,
            end: colon + 1,
            form: Cow::Owned(cues::CueForm::colon()),
        };
        // An interview's "A: ..." (its answers): the person last named.
        if colon == 1 && is_answer_label(&toks[0]) {
            return self.answer_frame(toks, colon);
        }
        // "Quote: ...": the speaker last named.
        if colon == 1 && toks[0].lower == "quote" {
            if short {
                return None;
            }
            let (_, last) = self.recent.last()?;
            return Some(self.label_frame(toks, colon, named_as(last)));
        }
        if let Some(f) = self
            .apposed_colon_frame(toks, colon, &cue)
            .filter(|_| !short)
        {
            return Some(f);
        }
        if colon >= COLON_TITLED_NAME_TOKENS {
            return None;
        }
        let np = &toks[..colon];
        // "Kuleba:", "Czech President Petr Pavel:": a name ending at the colon, after nothing
        // but its title.
        let name_start = (0..colon).find(|&start| {
            speakers::name_run(toks, start) == (start..colon)
                && toks[..start].iter().all(|t| t.is_word && !t.quoted)
        });
        let named = name_start.is_some_and(|start| {
            start == 0 || speakers::title_before(self.text, toks, start).is_some()
        });
        // Longer only after a title whose every word is capitalised or a title word
        // ("Hungarian Prime Minister X:"), not narration ("The question for Chancellor X:") or
        // a headline ("X Endorses Y:").
        let titled = name_start.is_some_and(|start| {
            start > 0
                && toks[..start]
                    .iter()
                    .all(|t| t.is_capitalized() || t.base_is_title())
        });
        if colon >= COLON_SPEAKER_TOKENS && !(named && titled) {
            return None;
        }
        let mention = match speakers::classify(self.text, np, None)? {
            // A transcript's "RUTTE:" names the speaker as the text does elsewhere ("Rutte"),
            // though in capitals it reads like an acronym.
            Mention::Name { name, .. } | Mention::Organization(name)
                if !name.chars().any(char::is_lowercase)
                    && self.registry.knows(&crate::meta::byline::name_case(&name)) =>
            {
                Mention::Name {
                    name: crate::meta::byline::name_case(&name),
                    title: None,
                }
            }
            Mention::Name { name, title } => Mention::Name {
                name: written_as_name(name),
                title,
            },
            m => m,
        };
        let known = match &mention {
            // The registry knows people by surname ("Baiba Braze: Yes." after "Minister
            // Baiba Braze said").
            Mention::Name { name, .. } if short => {
                named && self.registry.knows(name.rsplit(' ').next().unwrap_or(name))
            }
            Mention::Name { name, .. } => {
                named && (name.contains(' ') || self.registry.knows(name))
            }
            _ if short => false,
            // "NATO:" in an article about it; not a fact-check's "CLAIM:" or "VERDICT:", an
            // acronym-like label the article never writes again.
            Mention::Organization(_) => {
                let label = speakers::join(self.text, np);
                let acronym_like = colon == 1 && !label.chars().any(char::is_lowercase);
                !acronym_like || written_outside_labels(self.text, &label)
            }
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

    /// An interview's answer after its label ("A:" or "A.", the label at `cue`): the person
    /// last named, not an institution named in the answers.
    fn answer_frame(&self, toks: &[Token], cue: usize) -> Option<Frame> {
        let person = || {
            self.recent
                .iter()
                .rev()
                .find(|(_, r)| r.kind == crate::claim::SpeakerKind::Person)
                .map(|(_, r)| r)
        };
        // Not someone the interviewer's question names ("Q: Will Orban's veto hold?").
        let outside_question = |m: usize| {
            let start = self.text[..m].rfind('\n').map_or(0, |i| i + 1);
            let end = self.text[m..].find('\n').map_or(self.text.len(), |i| m + i);
            !super::build::asks_question(&self.text[start..end])
        };
        let named = || {
            self.registry
                .person_before(toks[0].range.start, outside_question)
        };
        // "We asked Taras Melnychenko, ...": the person an interview lead introduces answers,
        // though someone quoted earlier in the introduction spoke last.
        let label = toks[0].range.start;
        let introduced = || {
            let lead = interview_lead_end(self.text, label)?;
            let (m, r) = self.registry.person_from(lead)?;
            // The lead names the person ("We spoke with the deputy minister, X"), and no one
            // named in a later sentence is introduced after them ("Our guest is Y").
            let named_by_lead = self.text[lead..m.max(lead)]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .all(|w| w.starts_with(char::is_uppercase) || describes_person(w));
            let later = self
                .registry
                .person_from(m + 1)
                .filter(|(n, _)| *n < label && ends_sentence_between(self.text, m, *n));
            (m < label && outside_question(m) && named_by_lead && later.is_none()).then_some(r)
        };
        let speaker = match self.interviewee {
            Some(s) => named_as(s),
            None => match introduced() {
                Some(r) => named_as(&r),
                None => match person() {
                    Some(s) => named_as(s),
                    None => named_as(&named()?),
                },
            },
        };
        Some(self.label_frame(toks, cue, speaker))
    }

    /// A colon frame whose label (the first token, up to `cue`) stands for `mention`.
    fn label_frame(&self, toks: &[Token], cue: usize, mention: Mention) -> Frame {
        Frame {
            cue: CueMatch {
                start: cue,
                end: cue + 1,
                form: Cow::Owned(cues::CueForm::colon()),
            },
            mention,
            mention_text: speakers::join(self.text, &toks[..1]),
            region: 0..cue + 1,
            np: 0..1,
            shape: Shape::Colon,
        }
    }

    /// "Kaja Kallas, Estonia's prime minister: ...": a full name, a comma, and an apposition
    /// (a determiner, a possessive or a title word, then words only) up to the colon.
    fn apposed_colon_frame(&self, toks: &[Token], colon: usize, cue: &CueMatch) -> Option<Frame> {
        let comma = toks[..colon].iter().position(|t| t.lower == ",")?;
        // "X, German Chancellor (through translator):": a parenthesis closing the label is a
        // note on the turn, not part of the role.
        let end = aside_before(toks, comma, colon);
        // A role is named ("Estonia's prime minister", "German foreign minister"), not a time
        // ("the day after").
        let apposition = speakers::apposition_span(toks, comma).is_some_and(|r| r.end == end)
            || described_role(&toks[comma + 1..end]);
        let named = speakers::name_run(toks, 0) == (0..comma) && comma >= 2;
        if !(apposition && named) {
            return None;
        }
        let title = speakers::join(self.text, &toks[comma + 1..end]);
        let mention = match speakers::classify(self.text, &toks[..comma], Some(title))? {
            Mention::Name { name, title } => Mention::Name {
                name: written_as_name(name),
                title,
            },
            m => m,
        };
        matches!(mention, Mention::Name { .. }).then(|| Frame {
            cue: cue.clone(),
            mention,
            mention_text: speakers::join(self.text, &toks[..comma]),
            region: 0..colon + 1,
            np: 0..comma,
            shape: Shape::Colon,
        })
    }

    fn frame_for(&self, toks: &[Token], cue: CueMatch, prev: Option<&Frame>) -> Option<Frame> {
        // "State Sen. Robert Dunleavy, ...": a sentence's first word before a title is part of
        // that title, when the word is often no speech verb ("Said President X, ..." stays).
        let title_next = toks
            .get(cue.end)
            .is_some_and(|t| !t.quoted && crate::lexicon::is_title(t.base()));
        if cue.start == 0 && title_next && cue.form.strict {
            return None;
        }
        // "the former secretary of state", "his claims": after "of" or a determiner the cue
        // word is a noun.
        if cue.start > 0 {
            let before = toks[cue.start - 1].lower.as_ref();
            if !toks[cue.start - 1].quoted
                && (before == "of" || lexicon::is(Class::Determiner, before))
            {
                return None;
            }
        }
        if cue.form.document_subject {
            return self.document_frame(toks, cue);
        }
        if let Some(f) = self.relayed(toks, &cue) {
            return Some(f);
        }
        if let Some(f) = self.absolute_participle(toks, &cue) {
            return Some(f);
        }
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
            if bare_group_without_report(toks, &np, &cue) || supposed(toks, start) {
                return None;
            }
            let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
            let mention_text = speakers::join(self.text, &toks[np.clone()]);
            let start = conjuncts(self.text, toks, last_conjunct_start(toks, np.clone()))
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
        if cue.start > 0 && toks[cue.start - 1].is(Class::CueBlocker) {
            return None; // "expected to say", "let's say"
        }
        // "... and now said": adverbs and auxiliaries between the coordinator and the cue.
        let mut k = cue.start;
        while k > 0
            && cue.start - k < COORDINATED_CUE_MODIFIERS
            && !toks[k - 1].quoted
            && toks[k - 1].is(Class::CueModifier)
            && !toks[k - 1].is(Class::ClauseCoordinator)
        {
            k -= 1;
        }
        // Any cue introducing a that-clause or a quotation counts ("..., but complained that"),
        // unless it is often a noun ("... and states that have been ...").
        let introduces = !cue.form.strict
            && toks
                .get(cue.end)
                .is_some_and(|t| t.lower == "that" || t.is_quote(self.text));
        if k > 0
            && toks[k - 1].is(Class::ClauseCoordinator)
            && (toks[cue.start].is(Class::CoreCue) || introduces)
        {
            // "Zelensky thanked allies and said ...", "..., but added that ...": the clause's
            // subject speaks; where an opening phrase hides it ("On Monday he said ..., but
            // insisted that"), the speaker of the cue before.
            // The coordinator and auxiliaries belong to this cue's frame, not to the content
            // before it ("... must stay out of NATO and has accused ...").
            let region = k - 1..cue.end;
            let follow = |p: &Frame| Frame {
                cue: cue.clone(),
                mention: p.mention.clone(),
                mention_text: p.mention_text.clone(),
                region: region.clone(),
                np: p.np.clone(),
                shape: Shape::Participle,
            };
            // "..., and when Rubio thanked Miami and said ...": the nearest clause's subject
            // where the sentence's own is not found.
            let speaks =
                |s: &Subject| speakers::classify(self.text, &toks[s.np.clone()], None).is_some();
            let subject = clause_subject(toks, k - 1)
                .filter(speaks)
                .or_else(|| local_clause_subject(toks, k - 1));
            let Some(Subject { np, title, .. }) = subject else {
                if !opens_intro_phrase(toks, 0) {
                    return None;
                }
                return prev.map(follow);
            };
            // "Back in Kyiv, X dismissed ... and repeated ...": a speaker found before the
            // previous cue's own subject is the opening phrase's word; that subject speaks.
            let nearer = prev
                .filter(|p| p.shape == Shape::Subject && p.np.start > np.start && p.region.end < k);
            if let Some(p) = nearer {
                return Some(follow(p));
            }
            let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
            let mention_text = speakers::join(self.text, &toks[np.clone()]);
            return Some(Frame {
                region,
                np,
                mention,
                mention_text,
                cue,
                shape: Shape::Participle,
            });
        }
        let opens_frame = |at: usize| {
            at == 0
                || matches!(toks[at - 1].lower.as_ref(), "," | ":")
                || toks[at - 1].is_dash()
                || toks[at - 1].is_quote(self.text)
        };
        // "«Q», – has underlined X": translated news may put a perfect auxiliary first, after
        // the quotation's own punctuation ("''superdelegates'' have endorsed X" is a clause).
        let perfect = cue.start > 1
            && toks[cue.start - 1].is(Class::PerfectAux)
            && !toks[cue.start - 1].quoted
            && (toks[cue.start - 2].is_dash()
                || toks[cue.start - 2].lower == ","
                || (cue.start > 2
                    && toks[cue.start - 2].is_quote(self.text)
                    && matches!(toks[cue.start - 3].lower.as_ref(), "," | "?" | "!")));
        let start = if opens_frame(cue.start) {
            cue.start
        } else if perfect && opens_frame(cue.start - 1) {
            cue.start - 1
        } else {
            return None;
        };
        // "..., stressed on Tuesday the foreign minister, X": a weekday may come first.
        let from = cue.end + weekday_adjunct_len(toks, cue.end);
        let (np, title) = described_name_after(self.text, toks, from)
            .or_else(|| np_after(self.text, toks, from))?;
        let np_end = skip_origin_forward(toks, np.end); // "said X of Hawaii"
        if !ends_inverted_np(toks, np_end) {
            return None; // "said the program has sent ...": a clause, not a speaker
        }
        // A title before the name ("said Kyiv's envoy, Ivan Petrenko,") ends at the name.
        let end = phrase_end(toks, &np, title.is_some() && np.start == cue.end).max(np_end);
        let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
        let mention_text = speakers::join(self.text, &toks[np.clone()]);
        Some(Frame {
            region: start..end,
            np,
            mention,
            mention_text,
            cue,
            shape: Shape::Inverted,
        })
    }

    /// "..., with Foreign Minister Peter Szijjarto telling reporters that ...": in an absolute
    /// phrase the noun phrase after "with" is the participle's own speaker.
    fn absolute_participle(&self, toks: &[Token], cue: &CueMatch) -> Option<Frame> {
        if !toks[cue.start].is(Class::ParticipleCue) {
            return None;
        }
        let start = np_start(toks, cue.start);
        let opener = start.checked_sub(1).map(|i| &toks[i])?;
        if start == cue.start || opener.lower != "with" || opener.quoted {
            return None;
        }
        let np = start..cue.start;
        // A named speaker only: "with the economy adding jobs" is no report.
        let mention = speakers::classify(self.text, &toks[np.clone()], None)
            .filter(|m| matches!(m, Mention::Name { .. } | Mention::Organization(_)))?;
        Some(Frame {
            region: start - 1..cue.end,
            mention_text: speakers::join(self.text, &toks[np.clone()]),
            np,
            mention,
            cue: cue.clone(),
            shape: Shape::Subject,
        })
    }

    /// "..., adding that ...": the speaker of the previous cue in the sentence.
    fn participle(&self, toks: &[Token], cue: &CueMatch, prev: Option<&Frame>) -> Option<Frame> {
        let first = &toks[cue.start];
        // 'a defense of "New York values," saying', "issued a statement saying" (the document's
        // issuer speaks), "continued by saying" (a gerund after a preposition).
        let before = cue.start.checked_sub(1).map(|i| &toks[i]);
        let attached = before.is_some_and(|t| {
            !t.quoted && (t.is(Class::DocumentNoun) || t.is(Class::GerundPreposition))
        });
        // "... the refuge - noting that ...": a dash sets the participle off like a comma.
        let dash = cue.start > 1 && toks[cue.start - 1].is_dash() && !toks[cue.start - 1].quoted;
        let comma = comma_before(self.text, toks, cue.start)
            .or_else(|| (attached || dash).then(|| cue.start - 1))?;
        if !first.is(Class::ParticipleCue) {
            return None;
        }
        // "..., while insisting that": the preposition belongs to the frame, not to the
        // content before it.
        let gerund_after_preposition =
            before.is_some_and(|t| !t.quoted && t.is(Class::GerundPreposition));
        let region_start = cue.start - usize::from(gerund_after_preposition);
        let Some(prev) = prev else {
            // "Clinton spoke out about ..., arguing that ...": the clause's subject speaks.
            let Subject { np, title, .. } = clause_subject(toks, comma)
                .filter(|s| {
                    // "It was a potent punch, as Mrs. Clinton echoed ..., saying": a dummy "it"
                    // does not speak.
                    toks[s.np.start].lower != "it"
                        && speakers::classify(self.text, &toks[s.np.clone()], None).is_some()
                })
                .or_else(|| local_clause_subject(toks, comma))?;
            let mention = speakers::classify(self.text, &toks[np.clone()], title)?;
            let mention_text = speakers::join(self.text, &toks[np.clone()]);
            let region = region_start..cue.end;
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
            region: region_start..cue.end,
            np: prev.np.clone(),
            shape: Shape::Participle,
        })
    }

    /// "This was stated by X": speaker after "by", content in the previous sentence.
    fn passive(&self, toks: &[Token], cue: &CueMatch) -> Option<Frame> {
        if cue.start == 0 || !toks[cue.start - 1].is(Class::PassiveAgentAux) {
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
        if let Some(f) = according_to_pronoun(self.text, toks, i) {
            return Some(f);
        }
        // "according to monetary historian David Marsh": a descriptor before a full name.
        let (np, title, mention) = described_name_after(self.text, toks, i + 2)
            .or_else(|| np_after(self.text, toks, i + 2))
            .and_then(|(np, title)| {
                let mention = speakers::classify(self.text, &toks[np.clone()], title.clone())?;
                Some((np, title, mention))
            })
            .or_else(|| document_author(self.text, toks, i + 2))?;
        // "according to Turkey and Hungary": the frame holds the last conjunct; the state
        // gives the others their claims (`according_conjuncts`).
        let (np, title, mention) = match according_conjuncts(self.text, toks, i + 2).pop() {
            Some((start, last_mention, _)) if start > np.start => {
                let (last, last_title) = np_after(self.text, toks, start)?;
                (last, last_title, last_mention)
            }
            _ => (np, title, mention),
        };
        let end = phrase_end(toks, &np, title.is_some() && np.start == i + 2);
        let end = skip_origin_forward(toks, end);
        let mention_text = speakers::join(self.text, &toks[np.clone()]);
        let form = according_form();
        Some(Frame {
            region: i..end,
            np,
            mention,
            mention_text,
            cue: CueMatch {
                start: i,
                end: i + 2,
                form: Cow::Owned(form),
            },
            shape: Shape::According,
        })
    }
}

/// Most words in an interview lead ("we sat down with").
const INTERVIEW_LEAD_WORDS: usize = 4;

/// Bytes before an interview's first answer within which its lead is read.
const INTERVIEW_LEAD_REACH: usize = 1500;

/// Where the last interview lead in the article's own voice ("We asked", "We spoke with")
/// before byte `label` ends, outside any quotation on its line.
fn interview_lead_end(text: &str, label: usize) -> Option<usize> {
    let mut from = label.saturating_sub(INTERVIEW_LEAD_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..label];
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in window.char_indices().chain([(window.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &window[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    let lowered: Vec<String> = words
        .iter()
        .map(|(_, w)| crate::document::to_lowercase(w))
        .collect();
    let quoted = |at: usize| {
        let line = window[..at].rfind('\n').map_or(0, |i| i + 1);
        window[line..at].contains(['"', '\u{201c}', '\u{201d}'])
    };
    (0..words.len())
        .rev()
        .find_map(|k| {
            (2..=INTERVIEW_LEAD_WORDS)
                .filter(|&n| k + n <= words.len())
                .find(|&n| lexicon::is(Class::InterviewLead, &lowered[k..k + n].join(" ")))
                .map(|n| (k, n))
        })
        .filter(|&(k, _)| !quoted(words[k].0))
        .map(|(k, n)| {
            let (at, w) = words[k + n - 1];
            from + at + w.len()
        })
}

/// A lowercase word that may stand in a description of a person before their name ("the
/// deputy prime minister for European integration, X").
fn describes_person(w: &str) -> bool {
    let w = crate::document::to_lowercase(w);
    lexicon::is(Class::TitleWord, &w)
        || lexicon::is(Class::Determiner, &w)
        || lexicon::is(Class::TitleConnector, &w)
        || lexicon::is(Class::PersonRole, &w)
}

/// A sentence ends between bytes `from` and `to`: a full stop, question or exclamation mark
/// after a lowercase letter and before a space ("U.S." and "Dr." end none).
fn ends_sentence_between(text: &str, from: usize, to: usize) -> bool {
    let b = text.as_bytes();
    (from + 1..to.saturating_sub(1)).any(|i| {
        matches!(b[i], b'.' | b'?' | b'!') && b[i - 1].is_ascii_lowercase() && b[i + 1] == b' '
    })
}

/// "According to her, ...": an object pronoun for a person named before, when a comma follows.
fn according_to_pronoun(text: &str, toks: &[Token], i: usize) -> Option<Frame> {
    let p = toks.get(i + 2).filter(|t| !t.quoted)?;
    let (_, subject) = lexicon::OBJECT_PRONOUN_SUBJECTS
        .iter()
        .find(|(object, _)| *object == p.lower.as_ref())?;
    toks.get(i + 3).filter(|t| t.lower == ",")?;
    Some(Frame {
        region: i..i + 3,
        np: i + 2..i + 3,
        mention: Mention::Pronoun(subject.to_string()),
        mention_text: speakers::join(text, &toks[i + 2..i + 3]),
        cue: CueMatch {
            start: i,
            end: i + 2,
            form: Cow::Owned(according_form()),
        },
        shape: Shape::According,
    })
}

/// An interview's answer label, "A" or "Answer" (capitalised), with or without its period.
pub(super) fn is_answer_label(t: &Token) -> bool {
    t.is_capitalized()
        && !t.quoted
        && lexicon::is(Class::AnswerLabel, t.lower.trim_end_matches('.'))
}

/// A resolved speaker as the mention that names them.
fn named_as(speaker: &Resolved) -> Mention {
    Mention::Name {
        name: speaker.name.clone(),
        title: speaker.title.clone(),
    }
}

/// The cue form of "according to".
fn according_form() -> cues::CueForm {
    cues::CueForm {
        words: vec!["according".into(), "to".into()],
        takes_object: false,
        strict: false,
        naming: false,
        np_content: false,
        document_subject: false,
    }
}

/// Most adverbs and auxiliaries between "and"/"but" and a cue ("but has since said").
const COORDINATED_CUE_MODIFIERS: usize = 2;

/// The names listed after "according to" ("according to Turkey and Hungary", "A, B and C"), as
/// (first token, mention, text) in text order; empty unless there are two or more.
pub(super) fn according_conjuncts(
    text: &str,
    toks: &[Token],
    from: usize,
) -> Vec<(usize, Mention, String)> {
    let mut found = Vec::new();
    // How many conjuncts the list holds up to its "and": a comma alone may end the phrase
    // ("according to Sikorski, Poland would ...").
    let mut through_and = 0;
    let mut i = from;
    while let Some((np, _)) = np_after(text, toks, i) {
        let Some(mention) = speakers::classify(text, &toks[np.clone()], None) else {
            break;
        };
        if !matches!(mention, Mention::Name { .. } | Mention::Organization(_)) {
            break;
        }
        if i > from && toks[i - 1].lower == "and" {
            through_and = found.len() + 1;
        }
        found.push((np.start, mention, speakers::join(text, &toks[np.clone()])));
        i = np.end;
        match (toks.get(i).map(|t| t.lower.as_ref()), toks.get(i + 1)) {
            (Some("and"), _) => i += 1,
            (Some(","), Some(n)) if n.lower == "and" => i += 2,
            (Some(","), Some(n)) if n.is_word && n.is_capitalized() => i += 1,
            _ => break,
        }
    }
    found.truncate(through_and);
    if found.len() < 2 {
        found.clear();
    }
    found
}

/// Tokens an apposition before a speaker's name may hold ("his Portuguese counterpart,").
const APPOSITION_TOKENS: usize = 6;

/// Where the last conjunct of a coordinated subject starts, given its name: the name itself,
/// or a role before it that follows "and", either closing on a comma after the name ("A and
/// his Portuguese counterpart, B, said") or right before it with no comma ("A and his Belgian
/// counterpart B said").
pub(super) fn last_conjunct_start(toks: &[Token], name: std::ops::Range<usize>) -> usize {
    let name_start = name.start;
    let closed = toks
        .get(name.end)
        .is_some_and(|t| t.lower == "," && !t.quoted);
    if name_start > 0 && toks[name_start - 1].lower != "," {
        let head = |t: &Token| t.base_is_title() || t.is(Class::RelationalRole);
        return role_after_and(toks, name_start, head).unwrap_or(name_start);
    }
    if name_start == 0 || !closed {
        return name_start;
    }
    let head = |t: &Token| t.is_word && (t.is_plain() || t.is(Class::RelationalRole));
    role_after_and(toks, name_start - 1, head).unwrap_or(name_start)
}

/// The first token of a role ending right before `end` and following "and": an owner's
/// determiner, capitalised or title words, and a head word that `head` accepts ("his
/// Portuguese counterpart").
fn role_after_and(toks: &[Token], end: usize, head: impl Fn(&Token) -> bool) -> Option<usize> {
    let role_word = |t: &Token| t.is_word && !t.quoted && (t.is_capitalized() || t.base_is_title());
    let k = (end.saturating_sub(APPOSITION_TOKENS)..end)
        .rev()
        .take_while(|&k| !toks[k].quoted && !matches!(toks[k].lower.as_ref(), "," | "and"))
        .last()?;
    let role = k >= 2
        && k + 1 < end
        && toks[k - 1].lower == "and"
        && toks[k].is(Class::OwnerDeterminer)
        && toks[k + 1..end - 1].iter().all(role_word)
        && head(&toks[end - 1]);
    role.then_some(k)
}

/// The other conjuncts of a coordinated subject whose last conjunct starts at `last_start`
/// ("Hungary and Slovakia", "senators A, B and C"), as (first token, mention, text), in text
/// order; empty when the subject is not coordinated.
pub(super) fn conjuncts(
    text: &str,
    toks: &[Token],
    last_start: usize,
) -> Vec<(usize, Mention, String)> {
    let mut found = Vec::new();
    let mut j = last_start;
    // Whether the earliest conjunct found closed on a serial comma (", B, and").
    let mut serial_first = false;
    // The conjunct nearest the cue is joined by "and"; earlier ones by commas or "and".
    if j < 2 || toks[j - 1].lower != "and" {
        return found;
    }
    while j >= 2 && matches!(toks[j - 1].lower.as_ref(), "and" | ",") && !toks[j - 1].quoted {
        let mut end = skip_name_origin(toks, j - 1);
        // "A, B, and C", "Finland's president, Alexander Stubb, and ...": a comma before
        // "and" closes a conjunct that a comma also opens.
        let serial = toks[j - 1].lower == "and" && end > 0 && toks[end - 1].lower == ",";
        if serial {
            end -= 1;
        }
        let mut start = np_start(toks, end);
        if start >= end || (serial && (start == 0 || toks[start - 1].lower != ",")) {
            break;
        }
        // "A, the host, and B said": a role set off by commas after a conjunct's name; the
        // name before it is the conjunct.
        if serial && apposed_role(toks, start..end) {
            end = start - 1;
            start = np_start(toks, end);
            if start >= end {
                break;
            }
        }
        let np = &toks[start..end];
        // "In Kyiv, A and B said": an adjunct opening the sentence, not a conjunct.
        if np[0].is(Class::Preposition) {
            break;
        }
        let Some(mention) = speakers::classify(text, np, None) else {
            break;
        };
        // "He and Tsahkna said": a personal pronoun names a person as well as a name does.
        let personal = matches!(&mention, Mention::Pronoun(p) if p == "he" || p == "she");
        if !personal && !matches!(mention, Mention::Name { .. } | Mention::Organization(_)) {
            break;
        }
        found.push((start, mention, speakers::join(text, np)));
        serial_first = serial;
        j = start;
        // "A and Senators B and C": a plural title inside the list covers the names after it.
        if j >= 3
            && is_title_or_plural(&toks[j - 1])
            && matches!(toks[j - 2].lower.as_ref(), "and" | ",")
        {
            j -= 1;
        }
    }
    // "senators A, B and C", "the leaders of A and B": a plural title before the list.
    // "Former German diplomats A and B": capitalised words that are never names (a
    // nationality) among those titles.
    let list_start = j;
    let modifier = |t: &Token| t.is_capitalized() && t.is(Class::NotName);
    while j > 0 && (is_title_or_plural(&toks[j - 1]) || (j < list_start && modifier(&toks[j - 1])))
    {
        j -= 1;
    }
    // "Finland's president, Alexander Stubb, and B": a name set off by commas is an apposition;
    // its head must start the clause ("Rutte met Finland's president, A, and B said" has one
    // speaker).
    let from = if serial_first && j > 0 && toks[j - 1].lower == "," {
        np_start(toks, j - 1)
    } else {
        j
    };
    let listed =
        subject_starts_clause(toks, from) || lists_members(toks, j) || lists_authors(toks, j);
    if found.is_empty() || !listed {
        return Vec::new();
    }
    found.reverse();
    found
}

/// `toks[np]` is a person's role set off by a comma before it ("his Polish counterpart", "the
/// German chancellor"): a determiner or an owner's determiner, lowercase, title or nationality
/// words, and a title word last ("the Netherlands" and "the alliance" are conjuncts).
pub(super) fn apposed_role(toks: &[Token], np: std::ops::Range<usize>) -> bool {
    let words = &toks[np.clone()];
    let modifier = |t: &Token| {
        t.is_word && !t.quoted && (!t.is_capitalized() || t.base_is_title() || t.is(Class::NotName))
    };
    np.start >= 2
        && toks[np.start - 1].lower == ","
        && words.len() >= 2
        && (words[0].lower == "the" || words[0].is(Class::OwnerDeterminer))
        && words[1..].iter().all(modifier)
        && words.last().is_some_and(|t| t.base_is_title())
}

/// How many tokens from `at` make a weekday adjunct ("on Tuesday", "Monday late evening"), or
/// 0.
pub(super) fn weekday_adjunct_len(toks: &[Token], at: usize) -> usize {
    let on = usize::from(toks.get(at).is_some_and(|t| t.lower == "on"));
    let weekday = toks
        .get(at + on)
        .is_some_and(|t| !t.quoted && crate::dates::is_weekday_word(&t.lower));
    if !weekday {
        return 0;
    }
    let parts = toks[(at + on + 1).min(toks.len())..]
        .iter()
        .take_while(|t| !t.quoted && t.is(Class::DayPart))
        .count();
    on + 1 + parts
}

/// "Several ministers, including A, B and C, said": the list starting at `start` follows a
/// comma and a word opening a list of the group's named members.
fn lists_members(toks: &[Token], start: usize) -> bool {
    let relative = toks[..start].iter().any(|t| t.is(Class::RelativePronoun));
    !relative
        && (1..=2).any(|n| {
            start > n
                && toks[start - n - 1].lower == ","
                && is_list_introducer(&toks[start - n..start])
        })
}

/// Most words of a document phrase before its noun ("new Washington Post-ABC News").
const DOCUMENT_PHRASE_TOKENS: usize = 6;

/// Longest aside between the two dashes of an interrupted quotation, in tokens.
const INTERRUPTION_TOKENS: usize = 12;

/// Most words between "according to" and a document's author ("a new study last year by").
const DOCUMENT_REACH: usize = 8;

/// "according to a study by economists at Duke", "according to data from the FBI": the
/// document's author speaks. Returns the author phrase, no title, and its mention.
fn document_author(
    text: &str,
    toks: &[Token],
    from: usize,
) -> Option<(Range<usize>, Option<String>, Mention)> {
    let limit = (from + DOCUMENT_REACH).min(toks.len());
    let doc = (from..limit).find(|&j| is_document(&toks[j]))?;
    // "a Washington Post analysis": the document is the last of the run.
    let doc = (doc..limit)
        .take_while(|&j| is_document(&toks[j]))
        .last()
        .unwrap_or(doc);
    if (from..doc).any(|j| toks[j].quoted || !(toks[j].is_word || joins_names(toks, j))) {
        return None;
    }
    // "a BBC interview with Stoltenberg": the one interviewed speaks, not the outlet.
    if toks
        .get(doc + 1)
        .is_some_and(|t| t.is(Class::ComitativePreposition))
    {
        return None;
    }
    // "a Kremlin readout of Putin's call": "of" names the subject when an author stands
    // before the noun.
    let authored = toks[doc - 1].is_capitalized() && doc > from;
    let by = (doc + 1..limit.min(doc + 4)).find(|&j| {
        matches!(toks[j].lower.as_ref(), "by" | "from") || (toks[j].lower == "of" && !authored)
    });
    // "a Kremlin readout of the call": a phrase after "of" that names no one is the
    // document's subject; the name before the document is its author.
    let after = by.and_then(|by| np_after(text, toks, by + 1));
    let Some((np, title)) = after else {
        return named_before_document(text, toks, from, doc);
    };
    let mention = speakers::classify(text, &toks[np.clone()], title.clone())
        .unwrap_or_else(|| Mention::Organization(speakers::join(text, &toks[np.clone()])));
    Some((np, title, mention))
}

/// "according to a new Forsa poll": the capitalised words right before the document noun name
/// its author (not a nationality or a place alone: "a Ukrainian poll" names no one).
fn named_before_document(
    text: &str,
    toks: &[Token],
    from: usize,
    doc: usize,
) -> Option<(Range<usize>, Option<String>, Mention)> {
    let start = (from..doc)
        .rev()
        .take_while(|&j| toks[j].is_capitalized() || joins_names(toks, j))
        .last()?;
    let start = (start..doc).find(|&j| toks[j].is_capitalized())?;
    let np = start..doc;
    // "a CNN/ORC poll": pollsters in partnership, one author.
    if (start..doc).any(|j| joins_names(toks, j)) {
        let pair = Mention::Organization(speakers::join(text, &toks[np.clone()]));
        return Some((np, None, pair));
    }
    let mention = speakers::classify(text, &toks[np.clone()], None);
    // "a Kremlin readout", "a Reuters report": an institution or outlet, though never a
    // person's name, is an author.
    if let Some(org @ Mention::Organization(_)) = mention {
        return Some((np, None, org));
    }
    if toks[np.clone()].iter().all(|t| t.is(Class::NotName)) {
        return None;
    }
    let mention =
        mention.unwrap_or_else(|| Mention::Organization(speakers::join(text, &toks[np.clone()])));
    Some((np, None, mention))
}

/// A document that speaks for its author: a finding ("study", "poll") or a statement
/// ("readout", "communiqué").
fn is_document(t: &Token) -> bool {
    !t.quoted && (t.is(Class::EvidenceDocument) || t.is(Class::DocumentNoun))
}

/// The slash between two pollsters' names ("a CNN/ORC poll").
fn joins_names(toks: &[Token], j: usize) -> bool {
    let capitalized = |k: usize| toks.get(k).is_some_and(Token::is_capitalized);
    toks[j].lower == "/" && j > 0 && capitalized(j - 1) && capitalized(j + 1)
}

/// Where a speaker phrase after its cue ends: after its apposition (", a CDU lawmaker on the
/// committee,") when it has one.
fn phrase_end(toks: &[Token], np: &Range<usize>, apposed: bool) -> usize {
    if !apposed || toks.get(np.end).is_none_or(|t| t.lower != ",") {
        return np.end;
    }
    (np.end + 1..toks.len())
        .find(|&j| matches!(toks[j].lower.as_ref(), "," | "." | ";" | ")"))
        .unwrap_or(toks.len())
}

/// "NATO said that Mertens had expressed a view": a cue inside the reported clause of the
/// previous cue is part of that content, not a new attribution.
fn embedded(toks: &[Token], f: &Frame, prev: Option<&Frame>) -> bool {
    let Some(p) = prev.filter(|p| p.region.end <= f.region.start) else {
        return false;
    };
    // "According to X, the declaration will describe ...": a statement still to be made,
    // opening another speaker's content (a comma at most between), is that content.
    let future = f.cue.start > 0 && toks[f.cue.start - 1].is(Class::ModalVerb);
    if future && f.np.start <= p.region.end + 1 {
        return true;
    }
    // "X said that Y had agreed", "X said Y had agreed": the second subject opens the first
    // cue's reported clause.
    // "reforms that Stoltenberg said brought ..." is a relative clause, not a reported one.
    let after_that = f.np.start > 0
        && toks[f.np.start - 1].lower == "that"
        && !super::clause::verb_opens_predicate(toks, f.cue.end);
    // "X said Kyiv and the alliance had agreed", "X said both he and Rubio promised": only
    // the clause's (coordinated) subject stands between the first cue and the second.
    // "In 2008, she said, the alliance promised ...": past the comma that closes a frame set
    // off by commas.
    let comma = |i: usize| toks.get(i).is_some_and(|t| t.lower == "," && !t.quoted);
    let set_off = p.region.start > 0 && comma(p.region.start - 1) && comma(p.region.end);
    let clause_start = p.region.end + usize::from(set_off);
    let subject_between = toks[clause_start.min(f.np.start)..f.np.start.max(p.region.end)]
        .iter()
        .all(|t| {
            t.is_word
                && !t.quoted
                && (t.is_capitalized_word()
                    || matches!(t.lower.as_ref(), "and" | "that")
                    || t.is(Class::SubjectPronoun)
                    || t.is(Class::ClauseDeterminer))
        });
    let right_after =
        (p.region.end == f.region.start || subject_between) && p.shape == Shape::Subject;
    f.shape == Shape::Subject && (after_that || right_after)
}

/// Most words of a label's role before its title word ("German foreign minister").
const LABEL_ROLE_REACH: usize = 4;

/// "German foreign minister", "POLISH FOREIGN MINISTER": a label's role of plain words, a
/// capitalised word first and a title word among the next few.
fn described_role(role: &[Token]) -> bool {
    let plain = role.iter().all(|t| t.is_word && !t.quoted);
    plain
        && role.first().is_some_and(Token::is_capitalized)
        && role
            .iter()
            .skip(1)
            .take(LABEL_ROLE_REACH)
            .any(|t| crate::lexicon::is_title(t.base()))
}

/// "ANNALENA BAERBOCK": a transcript label's full name in capitals, written as a name.
fn written_as_name(name: String) -> String {
    if name.contains(' ') && !name.chars().any(char::is_lowercase) {
        crate::meta::byline::name_case(&name)
    } else {
        name
    }
}

/// `word` stands in `text` as a whole word somewhere other than before a colon ("NATO said"
/// in an article with "NATO:" lines), as a name does and a label ("UPDATE:", "CLAIM:") does not.
fn written_outside_labels(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let rest = &text[at + word.len()..];
        let whole = before.is_none_or(|c| !c.is_alphanumeric())
            && rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
        whole && !rest.trim_start().starts_with(':')
    })
}

/// "the ambassador's comments did not reflect ...", "X's comments showed ...": a cue word after
/// a possessive with a finite verb right after it is a noun, the subject of a clause, not a speech act.
fn possessed_noun(toks: &[Token], cue: &CueMatch) -> bool {
    // "Editor's note: ..." is a label; "Stoltenberg's answer: \"...\"" still introduces words.
    let opens_quote = |t: &Token| {
        t.quoted
            || t.lower == "''"
            || t.lower
                .chars()
                .next()
                .is_some_and(crate::quotes::is_quote_mark)
    };
    let label = |i: usize| toks[i].lower == ":" && toks.get(i + 1).is_none_or(|n| !opens_quote(n));
    cue.start > 0
        && toks[cue.start - 1].is_possessive()
        && toks
            .get(cue.end)
            .is_some_and(|t| !t.quoted && (label(cue.end) || super::clause::is_verb_word(t)))
}

/// Most words of the object between "admitted" and its "to"/"into" ("the two Nordic states").
const ADMITTED_OBJECT_WORDS: usize = 4;

/// "admitted Finland into the alliance", "by admitting Ukraine to NATO": a verb of admitting,
/// an object of a few words, then "to" or "into" before a name or a determiner: letting in,
/// not a statement ("admitted to victimizing ...", "admitted the plan failed" stay cues).
fn admits_into(toks: &[Token], cue: &CueMatch) -> bool {
    if cue.end - cue.start != 1 || !toks[cue.start].is(Class::AdmissionVerb) {
        return false;
    }
    let object = toks
        .get(cue.end..)
        .unwrap_or_default()
        .iter()
        .take(ADMITTED_OBJECT_WORDS + 1)
        .position(|t| !t.quoted && matches!(t.lower.as_ref(), "to" | "into"));
    let Some(n) = object.filter(|&n| n > 0) else {
        return false;
    };
    // "admitted in an interview to the BBC that ...": a phrase, not an object, before "to".
    let words = !toks[cue.end].is(Class::Preposition)
        && toks[cue.end..cue.end + n]
            .iter()
            .all(|t| t.is_word && !t.quoted && !super::clause::is_verb_word(t));
    let body = toks
        .get(cue.end + n + 1)
        .is_some_and(|t| t.is_capitalized() || t.is(Class::Determiner));
    words && body
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
    let be = cue.start > 0 && toks[cue.start - 1].is(Class::BeForm);
    participle && be && toks.get(cue.end).is_none_or(|t| t.lower != "by")
}

/// "called on Tuesday for ...": "on" opens a time phrase, so the cue is "called ... for".
fn called_on_day_for(toks: &[Token], cue: CueMatch) -> CueMatch {
    let is_call_on = cue.form.words.len() == 2
        && cue.form.words[0].starts_with("call")
        && cue.form.words[1] == "on";
    let day = weekday_adjunct_len(toks, cue.end);
    if !is_call_on || day == 0 {
        return cue;
    }
    let j = cue.end + day;
    let form = cues::CueForm {
        words: vec![cue.form.words[0].clone(), "for".into()],
        takes_object: false,
        strict: false,
        naming: false,
        np_content: false,
        document_subject: false,
    };
    match toks.get(j) {
        Some(t) if t.lower == "for" => CueMatch {
            start: cue.start,
            end: j + 1,
            form: Cow::Owned(form),
        },
        _ => CueMatch {
            start: cue.start,
            end: cue.start + 1,
            form: Cow::Owned(cues::CueForm {
                words: vec![cue.form.words[0].clone()],
                takes_object: false,
                strict: true,
                naming: false,
                np_content: false,
                document_subject: false,
            }),
        },
    }
}

/// "when allies agree", "the allies would agree on language": a bare member-group word
/// ("allies") speaks for its institution only with a reporting verb ("the allies said") or a
/// cue that introduces a that-clause, and not right after a condition link; with any other act
/// it is part of someone's statement, not an attribution. Someone's allies ("his
/// allies say", "Clinton's allies") are an unnamed group, never the institution.
fn bare_group_without_report(toks: &[Token], np: &Range<usize>, cue: &CueMatch) -> bool {
    let from = np.start.saturating_sub(1);
    let owned = toks[from..np.end]
        .iter()
        .any(|t| t.is_possessive() || (t.is(Class::Determiner) && t.lower != "the"));
    let mut words = toks[np.clone()].iter().filter(|t| !t.is(Class::Determiner));
    let lone_group =
        words.next().is_some_and(|w| w.is(Class::MemberGroup)) && words.next().is_none();
    // "the allies agreed that ...": a that-clause makes any cue a report ("the allies agreed
    // on a package" reports no words).
    // "when allies agreed that ...": a condition about the group, inside someone's statement.
    let linked = after_condition_link(toks, np.start);
    let reports = toks[cue.start].is(Class::CoreCue)
        || (!linked
            && toks
                .get(cue.end)
                .is_some_and(|t| t.lower == "that" && !t.quoted));
    lone_group && (owned || !reports)
}

/// "Markin did not say what steps Moscow would take", "Ilves said nothing about the bid": a
/// cue negated right before it ("did not say", "has never said") ahead of a question word, or
/// a cue whose object is "nothing" about something with no verb of its own to follow, reports
/// a statement that was not made. Such a frame still bounds the content before it.
pub(super) fn unsaid(toks: &[Token], f: &Frame) -> bool {
    let next = toks.get(f.cue.end).filter(|t| !t.quoted);
    let empty = next.is_some_and(|t| t.is(Class::EmptyObject)) && empty_object(toks, f.cue.end + 1);
    // The negation in the auxiliary slot, not in a relative clause between ("X, who has never
    // accepted it, said what ...").
    let from = f.np.end.max(f.cue.start.saturating_sub(NEGATION_SLOT));
    let slot = toks.get(from..f.cue.start).unwrap_or_default();
    let negated = f.shape == Shape::Subject
        && slot.iter().any(|t| t.is(Class::CueNegation))
        && !slot.iter().any(|t| t.lower == ",");
    empty || (negated && next.is_some_and(|t| t.is(Class::Interrogative)))
}

/// Most tokens between a cue and the "that" it introduces ("claims in his new book that").
const INTRODUCER_REACH: usize = 8;

/// "... when allies admit a member": a cue that is often no speech verb, with no addressee,
/// followed by no "that", colon or quotation before its clause's next comma, and preceded by no
/// quotation, can introduce nothing, so it does not bound the content of the frame before it.
pub(super) fn cannot_introduce(text: &str, toks: &[Token], f: &Frame) -> bool {
    let form = &f.cue.form;
    let introduces = toks[f.cue.end..]
        .iter()
        .take(INTRODUCER_REACH)
        .take_while(|t| !matches!(t.lower.as_ref(), "," | "." | ";"))
        .any(|t| t.lower == "that" || t.lower == ":" || t.is_quote(text));
    let after_quote = f.region.start > 0
        && toks[..f.region.start]
            .iter()
            .rev()
            .find(|t| t.lower != ",")
            .is_some_and(|t| t.quoted || t.is_quote(text));
    form.strict && !form.takes_object && !introduces && !after_quote
}

/// Tokens before a cue in which its negation stands ("has not", "did not").
const NEGATION_SLOT: usize = 2;

/// After "said nothing": the clause ends, or a word like "about" opens what nothing was said
/// about and no verb follows before the clause ends ("nothing about the summit had changed"
/// is a clause of its own).
fn empty_object(toks: &[Token], at: usize) -> bool {
    let Some(t) = toks.get(at) else { return true };
    if !t.is_word {
        return true;
    }
    t.is(Class::EmptyObjectLink)
        && !toks[at..]
            .iter()
            .take_while(|t| t.is_word)
            .any(|t| t.is(Class::FiniteVerb))
}

/// "If President Duda agrees, ...": the subject phrase starting at `start` opens with, or
/// follows, a subordinator of a hypothesis (a capitalised one may be read into the phrase).
fn supposed(toks: &[Token], start: usize) -> bool {
    let subordinator =
        |t: &Token| !t.quoted && lexicon::is(Class::HypotheticalSubordinator, &t.lower);
    subordinator(&toks[start]) || start.checked_sub(1).is_some_and(|p| subordinator(&toks[p]))
}

/// A condition link ("when", "once", "if") stands right before `i`, a determiner at most between.
fn after_condition_link(toks: &[Token], i: usize) -> bool {
    let link = |t: &Token| t.is(Class::ConditionLink) || t.is(Class::ConditionWeakLink);
    match i.checked_sub(1).map(|p| &toks[p]) {
        Some(b) if link(b) => true,
        Some(b) if b.is(Class::Determiner) => i >= 2 && link(&toks[i - 2]),
        _ => false,
    }
}

/// A frame found in the tokens after the first `by`, with its indices in the whole sentence.
fn shifted(mut f: Frame, by: usize) -> Frame {
    f.region = f.region.start + by..f.region.end + by;
    f.np = f.np.start + by..f.np.end + by;
    f.cue.start += by;
    f.cue.end += by;
    f
}

/// Tokens of a live blog's time stamp opening a sentence ("16:05", "9:41 am", each with an
/// optional dash or bullet after it); 0 when there is none.
fn time_stamp_len(toks: &[Token]) -> usize {
    let digits = |t: &Token, n: std::ops::RangeInclusive<usize>| {
        n.contains(&t.lower.len()) && t.lower.bytes().all(|b| b.is_ascii_digit())
    };
    let stamp = toks.len() > 3
        && digits(&toks[0], 1..=2)
        && toks[1].lower == ":"
        && digits(&toks[2], 2..=2);
    if !stamp {
        return 0;
    }
    let mut n = 3;
    if matches!(toks[n].lower.as_ref(), "am" | "pm" | "a.m." | "p.m.") {
        n += 1;
    }
    if toks
        .get(n)
        .is_some_and(|t| t.is_dash() || t.is(Class::ListBullet))
    {
        n += 1;
    }
    n
}

/// Most tokens inside a parenthesis closing a transcript label ("(via video link)").
const LABEL_ASIDE_TOKENS: usize = 6;

/// Where a label's role ends before its colon: at the opening of a short parenthesis that
/// closes it ("(through translator)"), else at the colon.
fn aside_before(toks: &[Token], comma: usize, colon: usize) -> usize {
    if colon < 2 || toks[colon - 1].lower != ")" {
        return colon;
    }
    (comma + 1..colon - 1)
        .rev()
        .take(LABEL_ASIDE_TOKENS)
        .find(|&j| toks[j].lower == "(")
        .unwrap_or(colon)
}
