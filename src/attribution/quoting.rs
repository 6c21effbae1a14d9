//! Quotations around a cue: the quote before or after the speaker, quotations running over
//! several paragraphs or sentences, signed block quotations, and the mode they give a claim.

use super::clause::*;
use super::frame::{Frame, Shape};
use super::tokens::Token;
use super::{cues, speakers};
use crate::claim::Mode;
use crate::quotes;
use crate::sentences::Paragraph;
use std::ops::Range;

/// Words between a speaker phrase and the comma before its quotation ("said in a statement").
const ADJUNCT_TOKENS: usize = 6;

/// The same, when they form a prepositional phrase without a verb.
const ADJUNCT_PHRASE_TOKENS: usize = 12;

/// A line that is only a speaker and a cue, or a name and a title, is at most this long.
const SHORT_LINE_TOKENS: usize = 12;

/// A sentence that opens with its speaker and has no content of its own is at most this long.
const BARE_CUE_LINE_TOKENS: usize = 24;

/// The quotation that makes up sentence `si` of the paragraph, if it is nothing else.
pub(super) fn quote_only(p: &Paragraph, si: usize) -> Option<&crate::quotes::Quotation> {
    let sent = p.sentences.get(si)?;
    quotes::starting_at(&p.quotes, sent.start).filter(|q| q.closed && q.outer.end + 2 >= sent.end)
}

/// Sentence `si` is a quotation and the next sentence is a short cue with no content of its
/// own (`"Q." He said.`): the quotation belongs to that cue.
pub(super) fn quote_then_bare_cue(
    text: &str,
    p: &Paragraph,
    si: usize,
    next: Option<&[Token]>,
) -> bool {
    let (Some(_), Some(toks)) = (quote_only(p, si), next) else {
        return false;
    };
    toks.len() <= SHORT_LINE_TOKENS
        && !toks.iter().any(|t| t.is_quote(text))
        && !cues::find_all(toks).is_empty()
}

/// For a cue sentence with no content (`He said.`), the quotation sentence right before it.
pub(super) fn quote_sentence_before(
    text: &str,
    p: &Paragraph,
    si: usize,
    toks: &[Token],
    f: &Frame,
) -> Option<Range<usize>> {
    // "Stubb asked at a joint news conference in Helsinki.": a sentence that opens with its
    // speaker may carry a longer adjunct.
    let limit = if f.region.start == 0 {
        BARE_CUE_LINE_TOKENS
    } else {
        SHORT_LINE_TOKENS
    };
    if si == 0 || toks.len() > limit || !matches!(f.shape, Shape::Subject | Shape::Inverted) {
        return None;
    }
    let q = quote_only(p, si - 1)?;
    Some(trim_content(text, q.inner.clone()))
}

/// The end of the sentence holding byte `pos`, in paragraph `pi` or the next one.
pub(super) fn sentence_end_at(paras: &[Paragraph], pi: usize, pos: usize) -> usize {
    paras[pi..paras.len().min(pi + 2)]
        .iter()
        .flat_map(|p| p.sentences.iter())
        .find(|x| x.start <= pos && pos <= x.end)
        .map_or(pos, |x| x.end)
}

/// `X said:` closing a paragraph, and the next paragraph opening with a quotation: that
/// quotation is the content.
pub(super) fn quote_paragraph_after(
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

/// `"Q1 ...` (a paragraph that opens a quotation and never closes it) followed by
/// `"Q2," X said.`: the earlier paragraphs belong to the same quotation.
pub(super) fn prepend_open_quotes(
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

/// A line that is only a name and a title, with no sentence punctuation: the name's tokens
/// and the title.
pub(super) fn signature_line(
    text: &str,
    toks: &[Token],
    s: &Range<usize>,
) -> Option<(Range<usize>, Option<String>)> {
    if toks.len() > SHORT_LINE_TOKENS
        || text[s.clone()]
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '\u{201D}'])
    {
        return None;
    }
    let run = speakers::name_run(toks, 0);
    if run.len() < 2 {
        return None;
    }
    let rest = &toks[run.end..];
    let rest = if rest.first().is_some_and(|t| t.lower == ",") {
        &rest[1..]
    } else {
        rest
    };
    let titled = rest
        .iter()
        .all(|t| t.is_capitalized() || t.is(crate::lexicon::Class::SignatureJoiner))
        && rest.iter().any(|t| crate::lexicon::is_title(t.base()));
    if !(rest.is_empty() || titled) {
        return None;
    }
    Some((run, (!rest.is_empty()).then(|| speakers::join(text, rest))))
}

/// A content range without the quotation marks around it.
pub(super) fn strip_marks(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len()
        - s.trim_start_matches(|c: char| crate::quotes::is_quote_mark(c) || c.is_whitespace())
            .len();
    let t = s.trim_end_matches(|c: char| {
        crate::quotes::is_quote_mark(c) || c.is_whitespace() || c == '.'
    });
    r.start + lead..r.start + t.len().max(lead)
}

/// `"Q," X said`: the quotation that closes right before the speaker phrase.
pub(super) fn quote_before(
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
            toks[j - 1].lower.as_ref(),
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
    if names_in_phrase(toks, q) {
        return None;
    }
    if let Some(start) = lead_into_quote(text, toks, q, prev_region) {
        return Some(start..q.outer.end);
    }
    // The quotation, not a quoted word inside a clause: it must open a sentence or follow a boundary.
    let opener = text[..q.outer.start].trim_end();
    let opens = q.outer.start == p.range.start
        || opener.ends_with(['.', '!', '?', ':', ',', '—', '–'])
        || opener.len() <= p.range.start
        || text[q.inner.clone()].split_whitespace().count() >= 4;
    opens.then(|| trim_content(text, q.inner.clone()))
}

/// `Ukraine's accession "is a matter of time," X said`: a quotation that opens in lowercase
/// right after the words of its own sentence finishes the clause they begin; that clause, from
/// the sentence start (or the previous frame) past any connective, is the content.
fn lead_into_quote(
    text: &str,
    toks: &[Token],
    q: &quotes::Quotation,
    prev_region: Option<usize>,
) -> Option<usize> {
    let lowercase = text[q.inner.clone()]
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let open = toks.iter().position(|t| t.range.start == q.outer.start)?;
    let from = skip_connective(toks, prev_region.unwrap_or(0), open);
    let lead = &toks[from..open];
    let continues = lead
        .last()
        .is_some_and(|t| t.is_word && !t.quoted && t.lower != "and");
    (lowercase && continues && lead.iter().all(|t| !t.quoted)).then(|| lead[0].range.start)
}

/// 'To a question on the "privatization of jobs," X said ...': a quotation right after a
/// determiner or preposition of a phrase with no verb names a thing inside that phrase; it is
/// not what the speaker said.
fn names_in_phrase(toks: &[Token], q: &quotes::Quotation) -> bool {
    let Some(open) = toks.iter().position(|t| t.range.start == q.outer.start) else {
        return false;
    };
    let lead = &toks[..open];
    let phrase_start = lead
        .iter()
        .rposition(|t| !t.is_word || t.quoted)
        .map_or(0, |k| k + 1);
    let phrase = &lead[phrase_start..];
    let embedded = phrase.last().is_some_and(|t| {
        t.is(crate::lexicon::Class::Determiner) || t.is(crate::lexicon::Class::Preposition)
    });
    // An opening preposition or question participle ("To a question on the", "Asked about
    // the"), then no verb.
    let Some((first, rest)) = phrase.split_first() else {
        return false;
    };
    let opens = first.is(crate::lexicon::Class::AdjunctOpener)
        || first.is(crate::lexicon::Class::QuestionOpener);
    embedded && opens && rest.iter().all(|t| !super::clause::is_verb_word(t))
}

/// The quotation opening right after the speaker phrase (a few adjunct words allowed) and a
/// comma, or a colon when `colon` is set: `"Q1," X said, "Q2"` and `X said: "Q"`.
pub(super) fn quote_after(
    text: &str,
    p: &Paragraph,
    toks: &[Token],
    region_end: usize,
    colon: bool,
) -> Option<Range<usize>> {
    // "..., he said in a statement, "...": a few words; a prepositional phrase with no verb
    // in it may run longer ("said in an op-ed before the Senate hearing, "...").
    let pp = toks
        .get(region_end)
        .is_some_and(|t| t.is(crate::lexicon::Class::AdjunctOpener));
    let reach = if pp {
        ADJUNCT_PHRASE_TOKENS
    } else {
        ADJUNCT_TOKENS
    };
    let mut i = region_end;
    while i < toks.len()
        && toks[i].is_word
        && !toks[i].quoted
        && i - region_end < reach
        && !(pp && toks[i].is(crate::lexicon::Class::FiniteVerb))
    {
        i += 1;
    }
    let punct = toks.get(i)?.lower.as_ref();
    if !(punct == "," || (colon && punct == ":")) {
        return None;
    }
    let open = toks.get(i + 1).filter(|t| t.is_quote(text))?;
    let q = quotes::starting_at(&p.quotes, open.range.start)?;
    Some(trim_content(text, q.inner.clone()))
}

/// Direct when the content is all quotation, mixed when it holds some, else indirect.
pub(super) fn mode_of(text: &str, content: &[Range<usize>], p: &Paragraph) -> Mode {
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

/// The character right before `at` is a quotation mark.
pub(super) fn is_after_quote_mark(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(crate::quotes::is_quote_mark)
}
