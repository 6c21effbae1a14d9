//! The stable claim id: a short hash of what makes a claim itself, never of when, where or how
//! it was extracted.

use sha2::{Digest, Sha256};
use std::fmt::Write;

/// Hex characters in an id (64 bits of SHA-256).
pub const ID_LEN: usize = 16;

/// The id of a claim: the first [`ID_LEN`] hex characters of the SHA-256 of the article's
/// SHA-256, the span's start and end, the speaker's name and the quote, joined by U+001F.
///
/// The quote is part of the key because one sentence can carry two claims of one speaker
/// ("X said A, adding B"): same span, same speaker, two quotes. Nothing else enters it, so the
/// id is equal across runs, machines, input paths, thread counts and output formats.
pub fn claim_id(
    article_sha256: &str,
    start: usize,
    end: usize,
    speaker: &str,
    quote: &str,
) -> String {
    let key = format!("{article_sha256}\u{1f}{start}\u{1f}{end}\u{1f}{speaker}\u{1f}{quote}");
    let digest = Sha256::digest(key.as_bytes());
    let mut id = String::with_capacity(ID_LEN);
    for b in digest.iter().take(ID_LEN / 2) {
        let _ = write!(id, "{b:02x}");
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_sixteen_hex_characters_of_a_known_hash() {
        // sha256("abc\x1f1\x1f2\x1fA B\x1fq") computed independently with sha256sum.
        let id = claim_id("abc", 1, 2, "A B", "q");
        assert_eq!(id.len(), ID_LEN);
        assert!(id
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(id, EXPECTED_ABC);
    }

    const EXPECTED_ABC: &str = "c852a9bec697d4ba";

    #[test]
    fn every_part_of_the_key_changes_the_id() {
        let base = claim_id("abc", 1, 2, "A B", "q");
        assert_ne!(base, claim_id("abd", 1, 2, "A B", "q"));
        assert_ne!(base, claim_id("abc", 0, 2, "A B", "q"));
        assert_ne!(base, claim_id("abc", 1, 3, "A B", "q"));
        assert_ne!(base, claim_id("abc", 1, 2, "A C", "q"));
        assert_ne!(base, claim_id("abc", 1, 2, "A B", "r"));
        // The separator keeps "1","12" and "11","2" apart.
        assert_ne!(
            claim_id("abc", 1, 12, "A", "q"),
            claim_id("abc", 11, 2, "A", "q")
        );
    }
}
