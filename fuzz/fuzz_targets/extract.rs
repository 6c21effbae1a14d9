//! Fuzz target: arbitrary bytes through `input::load` and `analyze` (both scopes), checking
//! the same invariants as `tests/prop.rs`: no panic, spans on char boundaries inside the text,
//! evidence equal to the folded span, every claim a JSON line that parses back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use natoclaims::claim::Claim;
use natoclaims::document::fold_ws;
use natoclaims::topic::Scope;
use std::sync::LazyLock;

/// Built once: parsing the topic file compiles its patterns.
static NATO_UKRAINE: LazyLock<Scope> = LazyLock::new(Scope::nato_ukraine);

fuzz_target!(|data: &[u8]| {
    // The first byte chooses the HTML hint, so both paths are reached from any input.
    let (hint, bytes) = match data.split_first() {
        Some((b, rest)) => (b & 1 == 1, rest),
        None => (false, data),
    };
    let loaded = natoclaims::input::load("fuzz", bytes, hint);
    let doc = &loaded.document;
    for scope in [&*NATO_UKRAINE, &Scope::Any] {
        let analysis = natoclaims::analyze(doc, scope);
        for c in &analysis.claims {
            let (s, e) = (c.span.start, c.span.end);
            assert!(
                s <= e && e <= doc.text.len(),
                "span {s}..{e} outside text of {}",
                doc.text.len()
            );
            assert!(
                doc.text.is_char_boundary(s) && doc.text.is_char_boundary(e),
                "span {s}..{e} splits a char"
            );
            assert_eq!(c.evidence, fold_ws(&doc.text[s..e]));
            let line = serde_json::to_string(c).expect("claim serialises");
            assert!(!line.contains('\n'));
            let back: Claim = serde_json::from_str(&line).expect("claim parses back");
            assert_eq!(&back, c);
        }
    }
});
