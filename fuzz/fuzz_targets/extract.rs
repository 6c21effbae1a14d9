//! Fuzz target: arbitrary bytes through `input::load` and `analyze` (both scopes), checking
//! the invariants of `Claim::check` that the property tests check too: no panic, spans on char
//! boundaries inside the text, evidence equal to the folded span, every claim a JSON line that
//! parses back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use natoclaims::Scope;
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
            if let Err(e) = c.check(&doc.text) {
                panic!("{e}");
            }
        }
    }
});
