//! Speakers: reading a subject noun phrase as a name with a title, an institution, a pronoun
//! or a nominal ("the Ukrainian leader"), and resolving it against an article-level registry
//! of the people the article names.

mod mention;
pub(crate) mod names;
mod registry;
#[cfg(test)]
mod tests;

pub use mention::{
    classify, group_anaphor_start, institution_first_words, is_outlet_name, names_members,
    outlet_start, Mention,
};
pub use names::{
    apposition_after, apposition_span, follows_honorific, is_name_word, is_particle_in_name, join,
    name_run, title_before, MAX_PARTICLES,
};
pub use registry::{Registry, Resolved};
