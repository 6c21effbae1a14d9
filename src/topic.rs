//! Topic scope and stance: is an attributed statement about the topic, and which way does it
//! lean? The scope terms live in a data file (`lexicon/topics/*.txt`), so another topic is a new
//! file, not new code; stance is the rule engine in [`stance`].

mod prefilter;
mod scan;
pub mod stance;

use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::claim::Stance;
use crate::lexicon::{self, Class};

/// The built-in topic: Ukraine's bid to join NATO.
pub const NATO_UKRAINE: &str = include_str!("lexicon/topics/nato-ukraine.txt");

/// A compiled topic definition.
#[derive(Debug, Clone)]
pub struct Topic {
    names: Option<Terms>,
    focus: Option<Terms>,
    core: Option<Terms>,
    weak: Option<Terms>,
    subject: Option<Terms>,
    exclude: Option<Terms>,
    off: Option<Terms>,
    rival: Option<Terms>,
    aside: Option<Terms>,
    /// The relevance prefilter for the `[core]` terms; `None` admits every text.
    prefilter: Option<prefilter::Prefilter>,
    /// Every term is ASCII without `_`: the regexes may read [`ascii_view`]s of texts.
    ascii_terms: bool,
    /// The regexes above as one set, to learn in one scan which of them match a text; built
    /// when first asked.
    set: std::sync::OnceLock<(regex::RegexSet, [Option<usize>; SLOTS])>,
    /// Each slot's terms (lowercase, as in the file), for [`scan`].
    lists: [Vec<String>; SLOTS],
    /// The term regexes as one literal scan, for a topic of [`Topic::ascii_terms`] (`None` in
    /// the cell when it cannot be one); built when first asked.
    scan: std::sync::OnceLock<Option<scan::Scan>>,
}

/// One section's terms as a regex pattern, compiled when first asked on its own: most sections
/// are only ever read through the topic's set, and a short run should not build them twice.
#[derive(Debug, Clone)]
struct Terms {
    pattern: String,
    regex: std::sync::OnceLock<Regex>,
}

impl Terms {
    /// The section's terms as a pattern, not compiled yet.
    fn new(terms: &[String], extent: bool) -> Terms {
        Terms {
            pattern: pattern(terms, extent),
            regex: std::sync::OnceLock::new(),
        }
    }

    /// Compile now, reporting a pattern that does not compile.
    fn compiled(self) -> Result<Terms, String> {
        let re = Regex::new(&self.pattern).map_err(|e| e.to_string())?;
        let _ = self.regex.set(re);
        Ok(self)
    }

    fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(&self.pattern).expect("the topic's regexes compiled"))
    }
}

/// The term regexes of a topic, as indices into a set's slots.
const SLOTS: usize = 9;
const NAMES: usize = 0;
const FOCUS: usize = 1;
const CORE: usize = 2;
const WEAK: usize = 3;
const SUBJECT: usize = 4;
const EXCLUDE: usize = 5;
const OFF: usize = 6;
const RIVAL: usize = 7;
const ASIDE: usize = 8;

/// Which of a topic's term regexes match a text.
#[derive(Debug, Clone, Copy)]
struct Hits([bool; SLOTS]);

/// Which statements to keep.
#[derive(Debug, Clone)]
pub enum Scope {
    /// Every attributed statement, stance neutral.
    Any,
    /// Only statements on this topic (shared: its regexes compile once for every copy).
    Topic(std::sync::Arc<Topic>),
}

impl Scope {
    /// The default scope: Ukraine's NATO bid.
    pub fn nato_ukraine() -> Scope {
        static BUILT_IN: LazyLock<std::sync::Arc<Topic>> = LazyLock::new(|| {
            std::sync::Arc::new(
                Topic::parse_lazily(NATO_UKRAINE).expect("built-in topic file is valid"),
            )
        });
        Scope::Topic(BUILT_IN.clone())
    }
}

/// How often an article must name the subject country for it to be the subject of every
/// statement in it.
const ARTICLE_SUBJECT_MENTIONS: usize = 3;

/// The text around a statement that scope rules may look at.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The quote or reported clause.
    pub content: &'a str,
    /// The sentence(s) it was read from.
    pub sentence: &'a str,
    /// Its paragraph.
    pub paragraph: &'a str,
    /// The paragraph before it ("" for the first).
    pub previous: &'a str,
    /// The article's first paragraph, which sets its subject.
    pub lead: &'a str,
    /// The article headline, if any.
    pub title: &'a str,
    /// The article's whole text.
    pub article: &'a str,
}

/// Topic terms found in the text around a statement.
#[derive(Debug, Clone, Copy, Default)]
struct Near {
    core: bool,
    /// A focus term ("membership", "invitation") with no off-topic phrase or rival (the EU)
    /// beside it.
    focus: bool,
    subject: bool,
    excluded: bool,
    /// The statement's own sentence names the subject (the speaker's "Ukrainian adviser").
    sentence_subject: bool,
}

impl Near {
    fn or(self, o: Near) -> Near {
        Near {
            core: self.core || o.core,
            focus: self.focus || o.focus,
            subject: self.subject || o.subject,
            excluded: self.excluded || o.excluded,
            sentence_subject: self.sentence_subject || o.sentence_subject,
        }
    }
}

/// One attributed statement as the scope filter sees it.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    /// Its text context.
    pub context: Context<'a>,
    /// The resolved speaker's name.
    pub speaker: &'a str,
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte range of its evidence (statements read from one sentence share it).
    pub sentence: (usize, usize),
    /// True for a direct quotation.
    pub direct: bool,
}

/// What one text says about the topic, with the literal scan's term occurrences in it (as
/// `scan::Scan::occurrences` gives them) when they were found.
struct TextNear {
    near: Near,
    occurrences: Option<Vec<(aho_corasick::PatternID, usize)>>,
}

/// A text piece's identity: where it starts in memory and its length.
fn text_key(t: &str) -> (usize, usize) {
    (t.as_ptr() as usize, t.len())
}

/// How far back (in paragraphs) a speaker's on-topic statement keeps their next one on topic.
const CONTINUATION_REACH: usize = 2;

impl Topic {
    /// Parse a topic file: `[section]` headers and one term per line.
    pub fn parse(data: &str) -> Result<Topic, String> {
        let t = Topic::parse_lazily(data)?;
        let check = |s: Option<Terms>| s.map(Terms::compiled).transpose();
        Ok(Topic {
            names: check(t.names)?,
            focus: check(t.focus)?,
            core: check(t.core)?,
            weak: check(t.weak)?,
            subject: check(t.subject)?,
            exclude: check(t.exclude)?,
            off: check(t.off)?,
            rival: check(t.rival)?,
            aside: check(t.aside)?,
            ..t
        })
    }

    /// [`Topic::parse`] for a file known to be valid (the built-in one): each section's regex
    /// is compiled only when first used on its own.
    fn parse_lazily(data: &str) -> Result<Topic, String> {
        let mut sections: Vec<(String, Vec<String>)> = Vec::new();
        for line in data
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                sections.push((name.to_string(), Vec::new()));
            } else if let Some((_, terms)) = sections.last_mut() {
                terms.push(line.to_lowercase());
            } else {
                return Err(format!("term before any [section]: {line}"));
            }
        }
        let terms = |name: &str| -> &[String] {
            sections
                .iter()
                .find(|(n, _)| n == name)
                .map_or(&[], |(_, t)| t.as_slice())
        };
        let prefilter = prefilter::Prefilter::build(terms("core"), terms("off"));
        let ascii_terms = sections
            .iter()
            .flat_map(|(_, t)| t)
            .all(|t| t.is_ascii() && !t.contains(['_', NOT_WORD]));
        // Only `off` is used for its matches' extent (`without_off`); the others only ask
        // whether there is a match.
        let get = |name: &str| -> Option<Terms> {
            match sections.iter().find(|(n, _)| n == name) {
                Some((_, terms)) if !terms.is_empty() => Some(Terms::new(terms, name == "off")),
                _ => None,
            }
        };
        let lists = [
            "names", "focus", "core", "weak", "subject", "exclude", "off", "rival", "aside",
        ]
        .map(|name| terms(name).to_vec());
        Ok(Topic {
            names: get("names"),
            focus: get("focus"),
            core: get("core"),
            weak: get("weak"),
            subject: get("subject"),
            exclude: get("exclude"),
            off: get("off"),
            rival: get("rival"),
            aside: get("aside"),
            prefilter,
            ascii_terms,
            set: std::sync::OnceLock::new(),
            lists,
            scan: std::sync::OnceLock::new(),
        })
    }

    /// The relevance prefilter: false only when `text` holds no `[core]` term in any form, so
    /// no statement read from it can be on topic (see [`prefilter`]).
    pub fn is_relevant(&self, text: &str) -> bool {
        self.prefilter.as_ref().is_none_or(|p| p.admits(text))
    }

    /// Which statements concern the topic: each on its own content, or as the continuation
    /// of its speaker's on-topic statement just before it (a second cue in the same sentence;
    /// a quotation or a "this"/"similar" clause right after), or beside it in one sentence.
    pub fn select(&self, cands: &[Candidate]) -> Vec<bool> {
        let mut keep: Vec<bool> = Vec::with_capacity(cands.len());
        // Hits in the surrounding text, computed once per paragraph and once per sentence, so
        // a paragraph with thousands of statements costs linear time.
        let mut per_paragraph: HashMap<usize, Near> = HashMap::default();
        // Each text once: the lead and the title are the same for every paragraph, and a
        // paragraph is the one before the next. A text's term occurrences are kept with it
        // (by the literal scan), so that its sentences are read from them, not scanned again.
        let mut per_text: HashMap<(usize, usize), TextNear> = HashMap::default();
        let near_of = |per_text: &mut HashMap<(usize, usize), TextNear>, t: &str| -> Near {
            per_text
                .entry(text_key(t))
                .or_insert_with(|| self.text_near(t))
                .near
        };
        let mut per_sentence: HashMap<(usize, usize), Near> = HashMap::default();
        let mut last_kept: HashMap<&str, usize> = HashMap::default();
        let article_subject = std::cell::OnceCell::new();
        for (i, c) in cands.iter().enumerate() {
            let ctx = &c.context;
            let para = *per_paragraph.entry(c.paragraph).or_insert_with(|| {
                [ctx.paragraph, ctx.previous, ctx.lead, ctx.title]
                    .iter()
                    .fold(Near::default(), |acc, t| acc.or(near_of(&mut per_text, t)))
            });
            // The paragraph and the one before it, for a statement that points back to them.
            let local =
                near_of(&mut per_text, ctx.paragraph).or(near_of(&mut per_text, ctx.previous));
            let sent = *per_sentence.entry(c.sentence).or_insert_with(|| {
                let paragraph = per_text.get(&text_key(ctx.paragraph));
                self.sentence_near(ctx.sentence, ctx.paragraph, paragraph)
            });
            let mut around = para.or(sent);
            around.sentence_subject = sent.subject;
            around.subject = around.subject
                || *article_subject.get_or_init(|| self.names_subject_often(ctx.article));
            // "He also praised the grain deal, calling it a compromise": a pointer right after
            // the speaker's off-topic statement in the same sentence points to that statement.
            let after_off_topic = i > 0
                && !keep[i - 1]
                && cands[i - 1].sentence == c.sentence
                && cands[i - 1].speaker == c.speaker;
            let own = self.judge(ctx.content, around, sent.excluded)
                || (!after_off_topic
                    && self.refers_to_context(ctx.content, local, para, sent.excluded));
            let cont = i > 0 && keep[i - 1] && self.continues(c, &cands[i - 1], &last_kept);
            if own || cont {
                last_kept.insert(c.speaker, c.paragraph);
            }
            keep.push(own || cont);
        }
        // "X called the vote a mistake and said it ... NATO": the speaker's statements in one
        // sentence share their scope, also backwards.
        for i in (0..cands.len().saturating_sub(1)).rev() {
            let (c, next) = (&cands[i], &cands[i + 1]);
            let shared = c.sentence == next.sentence && c.speaker == next.speaker;
            if !keep[i] && keep[i + 1] && shared && !self.elsewhere(c.context.content) {
                keep[i] = true;
            }
        }
        keep
    }

    /// The article names the subject country at least [`ARTICLE_SUBJECT_MENTIONS`] times, in
    /// more than one paragraph: a feature about it need not repeat its name next to every
    /// statement (a passing mention in one paragraph of a story on another country does not count).
    fn names_subject_often(&self, article: &str) -> bool {
        let Some(terms) = self.subject.as_ref() else {
            return true;
        };
        let text = self.lowercase(article);
        let mut mentions = terms.regex().find_iter(&text);
        let Some(first) = mentions.next() else {
            return false;
        };
        // One pass: how many mentions, and where the last one starts.
        let (count, last) = mentions.fold((1, first.end()), |(n, _), m| (n + 1, m.start()));
        count >= ARTICLE_SUBJECT_MENTIONS && text[first.end()..last].contains('\n')
    }

    /// `last_kept` maps each speaker to the paragraph of their latest on-topic statement.
    fn continues(&self, c: &Candidate, prev: &Candidate, last_kept: &HashMap<&str, usize>) -> bool {
        // "..., adding that Stockholm would send more artillery": a second cue in the sentence
        // shares its scope unless it is about another subject.
        if prev.sentence == c.sentence && prev.speaker == c.speaker {
            return !self.elsewhere(c.context.content);
        }
        let same_speaker_near = last_kept
            .get(c.speaker)
            .is_some_and(|&p| c.paragraph <= p + CONTINUATION_REACH);
        if !same_speaker_near {
            return false;
        }
        let content = c.context.content.to_lowercase();
        let anaphoric = content
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(3)
            .any(|w| lexicon::is(Class::Anaphor, w));
        let first_word = c
            .context
            .sentence
            .split(|ch: char| !ch.is_alphanumeric())
            .find(|w| !w.is_empty());
        let connected =
            first_word.is_some_and(|w| lexicon::is(Class::Connective, &w.to_lowercase()));
        // A continuation on a subject off the topic ("Meanwhile, every ally must spend more")
        // leaves it, unless a pronoun ties it to the statement before ("It will not be
        // bargained away in peace talks").
        let off = hit(&self.off, &content);
        anaphoric || (!off && (connected || (c.direct && !hit(&self.aside, &content))))
    }

    /// The statement names a subject of its own off the topic (weapons, spending).
    fn elsewhere(&self, content: &str) -> bool {
        let h = self.hits_in(content).0;
        h[ASIDE] || h[OFF]
    }

    /// Does the statement concern the topic on its own?
    pub fn in_scope(&self, c: &Context) -> bool {
        let mut near = self.near(&[c.sentence, c.paragraph, c.previous, c.lead, c.title]);
        let sentence = self.near(&[c.sentence]);
        near.sentence_subject = sentence.subject;
        self.judge(c.content, near, sentence.excluded)
    }

    /// What the text around a statement says about the topic.
    fn near(&self, texts: &[&str]) -> Near {
        texts.iter().fold(Near::default(), |acc, t| {
            acc.or(self.near_from(t, self.hits_in(t)))
        })
    }

    /// What `text`, whose term hits are `h`, says about the topic.
    fn near_from(&self, text: &str, h: Hits) -> Near {
        // Off-topic phrases blanked out only where there are some.
        let core = if h.0[OFF] {
            hit(&self.core, &self.without_off(&self.lowercase(text)))
        } else {
            h.0[CORE]
        };
        Near {
            core,
            focus: h.0[FOCUS] && !h.0[OFF] && !h.0[RIVAL],
            subject: h.0[SUBJECT],
            excluded: h.0[EXCLUDE],
            sentence_subject: false,
        }
    }

    /// [`Topic::near`] of one text, with the term occurrences the literal scan found in it
    /// (none when the topic or the text needs the regexes or the text's view).
    fn text_near(&self, text: &str) -> TextNear {
        let Some((scan, occurrences)) = self
            .literal_scan()
            .and_then(|scan| Some((scan, scan.occurrences(text)?)))
        else {
            return TextNear {
                near: self.near(&[text]),
                occurrences: None,
            };
        };
        let mut found = [false; SLOTS];
        scan.hits_within(text, &occurrences, 0..text.len(), &mut found);
        TextNear {
            near: self.near_from(text, Hits(found)),
            occurrences: Some(occurrences),
        }
    }

    /// [`Topic::near`] of a sentence, read from its paragraph's term occurrences when it lies
    /// inside the paragraph and they are known.
    fn sentence_near(&self, sentence: &str, paragraph: &str, known: Option<&TextNear>) -> Near {
        let start = (sentence.as_ptr() as usize).wrapping_sub(paragraph.as_ptr() as usize);
        let inside = start <= paragraph.len() && sentence.len() <= paragraph.len() - start;
        match (
            self.literal_scan(),
            known.and_then(|k| k.occurrences.as_ref()),
        ) {
            (Some(scan), Some(occurrences)) if inside => {
                let mut found = [false; SLOTS];
                let window = start..start + sentence.len();
                scan.hits_within(paragraph, occurrences, window, &mut found);
                self.near_from(sentence, Hits(found))
            }
            _ => self.near(&[sentence]),
        }
    }

    /// The topic's literal scan, when it has one (built when first asked).
    fn literal_scan(&self) -> Option<&scan::Scan> {
        self.scan
            .get_or_init(|| {
                self.ascii_terms
                    .then(|| scan::Scan::build(&self.lists))
                    .flatten()
            })
            .as_ref()
    }

    /// Which term regexes match the [`Topic::lowercase`] of `text`: by the literal [`scan`]
    /// of the text itself when the topic has one, else by [`Topic::hits`].
    fn hits_in(&self, text: &str) -> Hits {
        let Some(scan) = self.literal_scan() else {
            return self.hits(&self.lowercase(text));
        };
        let mut found = [false; SLOTS];
        scan.hits(text, &mut found);
        Hits(found)
    }

    /// Which term regexes match `text` (lowercase), in one scan.
    fn hits(&self, text: &str) -> Hits {
        let (set, slots) = self.set.get_or_init(|| {
            let all = [
                &self.names,
                &self.focus,
                &self.core,
                &self.weak,
                &self.subject,
                &self.exclude,
                &self.off,
                &self.rival,
                &self.aside,
            ];
            let mut slots = [None; SLOTS];
            let mut patterns = Vec::new();
            for (slot, re) in all.iter().enumerate() {
                if let Some(re) = re {
                    slots[slot] = Some(patterns.len());
                    patterns.push(re.pattern.as_str());
                }
            }
            let set = regex::RegexSet::new(patterns).expect("the topic's regexes compiled");
            (set, slots)
        });
        let matched = set.matches(text);
        Hits(slots.map(|s| s.is_some_and(|i| matched.matched(i))))
    }

    /// The text as the term regexes read it: lowercase, as an [`ascii_view`] when the terms
    /// allow.
    fn lowercase<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.ascii_terms {
            ascii_view(text)
        } else {
            crate::document::lowercase(text)
        }
    }

    /// Does `content`, with `near` the topic's terms around it, concern the topic?
    fn judge(&self, content: &str, near: Near, sentence_excluded: bool) -> bool {
        // "deserves a MAP this year": an acronym is read as the phrase it stands for.
        let content = &*stance::spelled_out(content);
        let h = self.hits_in(content).0;
        if h[OFF] {
            // "Ukraine belongs in NATO. And we will keep spending three percent": a statement
            // of several sentences is on the topic when one of them is, though another is off it.
            let parts = crate::sentences::split(content, 0..content.len(), &[]);
            // The saving sentence names the subject or the membership itself: "NATO is stronger
            // than ever" saves no statement about defence spending.
            if parts.len() > 1 {
                return parts.into_iter().any(|r| {
                    let h = self.hits_in(&content[r]).0;
                    (h[FOCUS] || h[SUBJECT]) && self.judge_hits(h, near, sentence_excluded)
                });
            }
        }
        self.judge_hits(h, near, sentence_excluded)
    }

    /// [`Topic::judge`] of one text whose term hits are `h`.
    fn judge_hits(&self, h: [bool; SLOTS], near: Near, sentence_excluded: bool) -> bool {
        let core_here = h[CORE];
        let focus_here = h[FOCUS];
        let weak_here = focus_here || (h[WEAK] && !h[ASIDE]);
        let on_topic = core_here || (weak_here && near.core);
        let subject_here = h[SUBJECT];
        let subject = self.subject.is_none() || subject_here || near.subject;
        let excluded = (h[EXCLUDE] || sentence_excluded) && !subject_here;
        // "Ukrainian adviser X said membership would not be traded away in peace talks": the
        // membership itself, and the subject named in the statement's own sentence.
        let off = h[OFF] && !(h[FOCUS] && (subject_here || near.sentence_subject));
        let rival = h[RIVAL] && !h[NAMES];
        on_topic && subject && !excluded && !off && !rival
    }

    /// A statement that names nothing of the topic but opens by pointing back ("called the vote
    /// long overdue", "it would only deepen the confrontation") concerns what its paragraph or
    /// the one before is about: in scope when those name the topic, and it names nothing off it.
    fn refers_to_context(
        &self,
        content: &str,
        local: Near,
        around: Near,
        sentence_excluded: bool,
    ) -> bool {
        // "Hungary would not back an invitation for Ukraine": the membership and the subject
        // named nearby, the topic itself around (the paragraph, the one before, the lead or
        // the title).
        let topic_near = local.core || (local.focus && local.subject && around.core);
        if !topic_near || !refers_back(content) {
            return false;
        }
        let h = self.hits_in(content).0;
        let subject = self.subject.is_none() || h[SUBJECT] || local.subject;
        let elsewhere = h[ASIDE] || h[OFF] || h[EXCLUDE] || sentence_excluded;
        let rival = h[RIVAL] && !h[NAMES];
        subject && !elsewhere && !rival
    }

    /// The text with off-topic phrases ("EU accession") blanked out.
    fn without_off<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        match &self.off {
            Some(re) => re.regex().replace_all(text, " "),
            None => std::borrow::Cow::Borrowed(text),
        }
    }

    /// Stance toward the membership, by the rule engine in [`stance`]: `content` is the quote or
    /// reported clause, `evidence` the sentence(s) it was read from, `speaker` name and title.
    pub fn stance(&self, content: &str, evidence: &str, cue: &str, speaker: &str) -> Stance {
        stance::judge(&stance::Statement {
            content,
            evidence,
            cue,
            speaker,
        })
        .stance
    }
}

/// How many words from a statement's start a referring determiner may stand.
const REFERENCE_REACH: usize = 3;

/// The statement points back: a referring pronoun first ("That is not happening"), a
/// determiner and a referring noun among its first words ("the vote", "its application"), or
/// [`points_back_anywhere`].
fn refers_back(content: &str) -> bool {
    let words: Vec<std::borrow::Cow<str>> = content
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(crate::document::lowercase)
        .collect();
    let opening = &words[..words.len().min(REFERENCE_REACH + 1)];
    // Only as the first word: a pronoun later on is the statement's own ("he hoped that it").
    let pronoun = opening
        .first()
        .is_some_and(|w| lexicon::is(Class::ReferringPronoun, w));
    let noun_phrase = opening.windows(2).take(REFERENCE_REACH).any(|p| {
        lexicon::is(Class::ReferringDeterminer, &p[0]) && lexicon::is(Class::ReferringNoun, &p[1])
    });
    pronoun || noun_phrase || points_back_anywhere(&words)
}

/// "would never support such a step": a determiner that always points back, then a referring
/// noun ("a"/"an" between), with no coordinator before it in the statement ("would not send
/// troops and ruled out any such step" points inside itself).
fn points_back_anywhere(words: &[std::borrow::Cow<str>]) -> bool {
    let coordinated = |k: usize| {
        words[..k]
            .iter()
            .any(|w| lexicon::is(Class::ClauseCoordinator, w))
    };
    words.iter().enumerate().any(|(k, w)| {
        lexicon::is(Class::AnaphoricDeterminer, w)
            && words[k + 1..]
                .iter()
                .find(|n| !lexicon::is(Class::IndefiniteDeterminer, n))
                .is_some_and(|n| lexicon::is(Class::ReferringNoun, n))
            && !coordinated(k)
    })
}

/// Stands for a character that is not a word character, in an [`ascii_view`].
const NOT_WORD: char = '\u{1}';

/// The lowercase text in ASCII, for regexes of ASCII terms without `_`, which match it where
/// they match the lowercase text (the regexes' fast engines give up on any non-ASCII byte
/// once a Unicode word boundary is asked): a right single quotation mark becomes an
/// apostrophe (terms match either), any other non-ASCII word character `_` and any other
/// non-ASCII character [`NOT_WORD`]; no term holds either, and each stands on the same side of
/// a word boundary as the character it replaces.
fn ascii_view(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return crate::document::lowercase(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // Char by char: only a final sigma lowercases by context, to another word character.
        for l in c.to_lowercase() {
            out.push(if l.is_ascii() {
                l
            } else if l == '\u{2019}' {
                '\''
            } else if regex_syntax::is_word_character(l) {
                '_'
            } else {
                NOT_WORD
            });
        }
    }
    std::borrow::Cow::Owned(out)
}

fn hit(re: &Option<Terms>, text: &str) -> bool {
    re.as_ref().is_some_and(|r| r.regex().is_match(text))
}

/// The regex pattern for a list of terms: word boundaries, `*` matches a word's ending. With `extent`
/// false the regex is only asked whether it matches, so a `*` adds nothing to the pattern (a
/// stem matches wherever the stem and an ending do) and `\w*`, a large Unicode class that is
/// slow to build, is left out.
fn pattern(terms: &[String], extent: bool) -> String {
    let alts: Vec<String> = terms
        .iter()
        .map(|t| {
            let (stem, wild) = t
                .strip_suffix('*')
                .map_or((t.as_str(), false), |s| (s, true));
            let body = regex::escape(stem).replace("'", "['\u{2019}]");
            let lead = if stem.starts_with(|c: char| c.is_alphanumeric()) {
                r"\b"
            } else {
                ""
            };
            let tail = match (wild, extent) {
                (true, true) => r"\w*",
                (true, false) => "",
                _ if stem.ends_with(|c: char| c.is_alphanumeric()) => r"\b",
                _ => "",
            };
            format!("{lead}{body}{tail}")
        })
        .collect();
    alts.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_view_classes_characters_as_the_regexes_do() {
        let word = Regex::new(r"^\w$").unwrap();
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            assert_eq!(
                regex_syntax::is_word_character(c),
                word.is_match(c.encode_utf8(&mut buf)),
                "{c:?}"
            );
        }
        let t = topic();
        assert!(t.ascii_terms);
        for text in [
            "Zelensky’s bid to join NATO — now",
            "ÉNATO joins",
            "«НАТО» and nato’s doors",
            "Ukraine\u{a0}nato membership",
            "KELVIN \u{212A}iev",
        ] {
            let (a, b) = (ascii_view(text), crate::document::lowercase(text));
            for re in [&t.core, &t.subject, &t.exclude, &t.off, &t.focus, &t.weak] {
                assert_eq!(hit(re, &a), hit(re, &b), "{text}");
            }
        }
    }

    #[test]
    fn the_literal_scan_finds_what_the_regexes_find() {
        let t = topic();
        // The section flags of the literal scan, checked against the regexes' own.
        let scanned = |text: &str| {
            let regexes = t.hits(&t.lowercase(text)).0;
            assert_eq!(t.hits_in(text).0, regexes, "{text}");
            regexes
        };
        for text in [
            "Zelensky’s bid to join NATO — now",
            "the Alliance’s door, the alliance's door, the alliance‘s door",
            "ÉNATO joins NATOé and «НАТО» nato_ _nato nato1 membership",
            "Ukraine\u{a0}nato membership, NORTH  ATLANTIC, north atlantic",
            "KELVIN \u{212A}iev İnato nato İ",
            "invitation, re-invited, joining; UKRAINE’S bid (Kyiv) EU accession",
            "members-only summit in Vilnius: article 5 guarantees, a road map",
        ] {
            assert!(scanned(text).iter().any(|&h| h), "{text}");
        }
        // Each boundary case alone, with no plain hit beside it to hide a wrong decision.
        for text in [
            "ÉNATO",
            "NATOé",
            "nato_",
            "_nato",
            "nato1",
            "İnato",
            "\u{212A}iev",
            "Kyiv",
            "NORTH  ATLANTIC",
            "north atlantic",
            "Ukraine\u{a0}nato",
            "the alliance‘s door",
            "the alliance’s door",
            "re-invited",
            "«НАТО»",
        ] {
            scanned(text);
        }
    }

    fn topic() -> Topic {
        Topic::parse(NATO_UKRAINE).unwrap()
    }

    #[test]
    fn a_piece_read_from_its_text_occurrences_has_the_hits_of_its_own_scan() {
        let t = topic();
        let scan = t
            .literal_scan()
            .expect("the built-in topic has a literal scan");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles");
        let fixtures = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok());
        let odd = [
            "xNATO natox NATO’s ÉNATO joins NATOé, Ukraine\u{a0}nato north  atlantic EU accession",
            "re-invited; the alliance’s door: NORTH ATLANTIC alliance membership nato_ _nato",
        ];
        for text in fixtures.chain(odd.iter().map(|s| s.to_string())) {
            let Some(occurrences) = scan.occurrences(&text) else {
                continue;
            };
            // Pieces of up to about 600 characters, at every 37th character.
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(37).collect();
            for (k, &a) in bounds.iter().enumerate() {
                for &z in bounds[k..].iter().take(17).chain([text.len()].iter()) {
                    let mut within = [false; SLOTS];
                    scan.hits_within(&text, &occurrences, a..z, &mut within);
                    let mut own = [false; SLOTS];
                    scan.hits(&text[a..z], &mut own);
                    assert_eq!(within, own, "{:?}", &text[a..z]);
                }
            }
        }
    }

    fn ctx<'a>(content: &'a str, paragraph: &'a str) -> Context<'a> {
        Context {
            content,
            sentence: content,
            paragraph,
            previous: "",
            lead: "",
            title: "",
            article: "",
        }
    }

    fn cand<'a>(
        content: &'a str,
        speaker: &'a str,
        paragraph: usize,
        direct: bool,
    ) -> Candidate<'a> {
        let sentence = (paragraph * 100, paragraph * 100 + content.len());
        Candidate {
            context: ctx(content, "Ukraine"),
            speaker,
            paragraph,
            sentence,
            direct,
        }
    }

    #[test]
    fn continuations_of_an_on_topic_speaker() {
        let t = topic();
        let c = [
            cand("Ukraine must be invited to join NATO", "A", 0, false),
            cand("a similar letter was sent to Paris", "A", 1, false),
            cand("We ask you to start the procedure", "A", 2, true),
            cand("the ceasefire is necessary now", "A", 2, false),
            cand("We need more air defence systems", "A", 3, true),
            cand("We ask you to start the procedure", "B", 3, true),
        ];
        assert_eq!(t.select(&c), vec![true, true, true, false, false, false]);
        // A connective links a continuation, but not one off the topic.
        let c = [
            cand("Ukraine must be invited to join NATO", "A", 0, false),
            cand(
                "Meanwhile, every ally must spend 3 percent on defence",
                "A",
                1,
                true,
            ),
        ];
        assert_eq!(t.select(&c), vec![true, false]);
    }

    #[test]
    fn membership_statements_are_in_scope() {
        let t = topic();
        assert!(t.in_scope(&ctx(
            "Ukraine should be invited to join NATO at the summit",
            ""
        )));
        assert!(t.in_scope(&ctx(
            "the invitation must come this year",
            "Kyiv wants NATO to act on Ukraine."
        )));
        // An off-topic phrase leaves membership in scope when the path to NATO is named, or
        // when another sentence of the statement is on the topic.
        assert!(t.in_scope(&ctx(
            "Ukraine's path to NATO will not be traded away in peace talks",
            ""
        )));
        assert!(t.in_scope(&ctx(
            "Ukraine will be a NATO member. And we will keep our defence spending at three percent.",
            ""
        )));
        assert!(!t.in_scope(&ctx(
            "NATO allies must lift defence spending. Three percent is the floor.",
            "Ukraine"
        )));
        // An acronym of the stance lists is read as its phrase; a lowercase "map" is a map.
        assert!(t.in_scope(&ctx("Kyiv should be granted a MAP this year", "Ukraine")));
        assert!(!t.in_scope(&ctx("Kyiv should be granted a map this year", "Ukraine")));
        // The alliance's treaty clause extended to the country, a place outside the blocs and
        // the country's own name for its course name the topic without the word NATO; the
        // country's parliament names the country.
        assert!(t.in_scope(&ctx("allies may extend Article 5 to Ukraine later", "")));
        assert!(t.in_scope(&ctx("Kyiv must stay outside any military bloc", "")));
        assert!(t.in_scope(&ctx("Kyiv's Euro-Atlantic integration must go on", "")));
        assert!(t.in_scope(&ctx("the Verkhovna Rada will debate the alliance bid", "")));
        assert!(!t.in_scope(&ctx("allies may invite Ukraine later", "")));
        // Another document's article, another country's bloc.
        assert!(!t.in_scope(&ctx(
            "Article 5 of the constitution makes the people the source of power",
            "Kyiv hosted a hearing."
        )));
        assert!(!t.in_scope(&ctx("Serbia would never join any military bloc", "Ukraine")));
    }

    #[test]
    fn off_topic_statements_are_out() {
        let t = topic();
        assert!(!t.in_scope(&ctx(
            "allies must spend 2% of GDP on defence",
            "NATO allies met."
        )));
        assert!(!t.in_scope(&ctx("Finland's accession to NATO is a historic step", "")));
        assert!(!t.in_scope(&ctx(
            "the grain deal must be extended",
            "Ukraine and Russia"
        )));
        assert!(!t.in_scope(&ctx("Ukraine's EU membership talks should open", "Ukraine")));
    }

    #[test]
    fn stance_goes_through_the_engine() {
        let t = topic();
        let st = |c: &str| t.stance(c, c, "said", "A");
        assert_eq!(
            st("Ukraine will join NATO only after the war ends"),
            Stance::Conditional
        );
        assert_eq!(st("Ukraine in NATO is a red line"), Stance::Opposes);
        assert_eq!(st("Ukraine deserves an invitation"), Stance::Supports);
        assert_eq!(st("the ministers met in Brussels"), Stance::Neutral);
    }

    #[test]
    fn bad_topic_file_is_an_error() {
        assert!(Topic::parse("nato\n").is_err());
    }
}
