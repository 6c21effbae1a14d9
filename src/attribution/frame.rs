//! A cue with its speaker, as found in a sentence, before its content is read.

use super::cues::CueMatch;
use super::speakers::Mention;
use std::ops::Range;

/// A cue with its speaker, before its content is known.
pub(super) struct Frame {
    pub(super) cue: CueMatch,
    pub(super) mention: Mention,
    pub(super) mention_text: String,
    /// Token range taken by the speaker phrase and the cue together.
    pub(super) region: Range<usize>,
    /// Speaker phrase tokens.
    pub(super) np: Range<usize>,
    /// How the speaker was found.
    pub(super) shape: Shape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
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
    /// "Q1 - X said - Q2": the cue inside its own quotation, set off by dashes
    Interrupted,
}
