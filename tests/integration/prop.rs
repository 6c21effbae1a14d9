//! Never-panic evidence: arbitrary bytes and news-like near-text through `input::load` and
//! `analyze` (topic scope and `Scope::Any`). Every claim's span lies on char boundaries inside
//! the text, its evidence is the folded span, and it serialises to a JSON line that parses
//! back with every field. 256 cases by default; `NATOCLAIMS_PROP_CASES=20000` for a long run.

use crate::util;
use natoclaims::{Document, Scope};
use proptest::prelude::*;
use std::sync::LazyLock;

static NATO_UKRAINE: LazyLock<Scope> = LazyLock::new(Scope::nato_ukraine);

fn cases() -> u32 {
    std::env::var("NATOCLAIMS_PROP_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// Run the pipeline and check every invariant; returns a description of the first violation.
fn check(bytes: &[u8], html_hint: bool) -> Result<(), TestCaseError> {
    let loaded = natoclaims::input::load("prop", bytes, html_hint);
    let doc = &loaded.document;
    for scope in [&*NATO_UKRAINE, &Scope::Any] {
        let analysis = natoclaims::analyze(doc, scope);
        for c in &analysis.claims {
            if let Err(e) = c.check(&doc.text) {
                return Err(TestCaseError::fail(e));
            }
            let line = serde_json::to_string(c).expect("claim serialises");
            let value: serde_json::Value = serde_json::from_str(&line).expect("line is JSON");
            for k in util::REQUIRED_FIELDS {
                prop_assert!(value.get(k).is_some(), "missing {}", k);
            }
        }
    }
    Ok(())
}

/// One piece of news-like near-text.
fn piece() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "said",
        "told",
        "says",
        "according to",
        "added",
        "stated",
        "Ukraine",
        "NATO",
        "Kyiv",
        "membership",
        "the alliance",
        "join",
        "invitation",
        "Vilnius",
        "summit",
        "he",
        "she",
        "they",
        "the minister",
        "the Ukrainian leader",
        "Secretary General",
        "Foreign Minister",
        "President",
        "Jens Stoltenberg",
        "Stoltenberg",
        "Dmytro Kuleba",
        "Kuleba",
        "Volodymyr Zelensky",
        "Zelenskyy",
        "Kremlin",
        "Dmitry Peskov",
        "on Monday",
        "on June 29",
        "last week",
        "yesterday",
        "2023-06-30",
        "July 11, 2023",
        "date",
        "By Jane Roe",
        "Reuters",
        "(AP)",
        "KYIV, July 10 -",
        "Mr.",
        "Dr.",
        "U.S.",
        "e.g.",
        "no",
        "will",
        "must",
        "not",
        "when",
        "conditions",
        "are met",
        "Photo:",
        "Advertisement",
        "Read more",
        "Share",
        "©",
        "—",
        "–",
        "...",
        "…",
    ]);
    let marks = prop::sample::select(vec![
        "\"", "“", "”", "‘", "’", "'", "«", "»", "„", "‚", "‹", "›", "「", "」", ".", ",", ":",
        ";", "?", "!", "(", ")", "\n", "\n\n", "\r\n", "\t", " ", "  ",
    ]);
    let tags = prop::sample::select(vec![
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<blockquote>",
        "</blockquote>",
        "<h1>",
        "</h1>",
        "<a href=\"/x\">",
        "</a>",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "<meta charset=\"windows-1251\">",
        "<meta property=\"og:title\" content=\"NATO\">",
        "<title>",
        "</title>",
        "<html>",
        "<body>",
        "&amp;",
        "&quot;",
        "&#8220;",
        "&nbsp;",
        "<",
        ">",
        "</",
    ]);
    let other = "[A-Z][a-z]{1,8}|[a-zé]{1,6}|[0-9]{1,4}|\\PC{1,3}";
    prop_oneof![
        5 => words.prop_map(str::to_string),
        4 => marks.prop_map(str::to_string),
        2 => tags.prop_map(str::to_string),
        2 => other.prop_map(|s: String| s),
    ]
}

fn near_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..400).prop_map(|v| {
        let mut s = String::new();
        for p in v {
            if !s.is_empty() && !p.starts_with(['\n', ' ', '.', ',']) && !s.ends_with(['\n', ' ']) {
                s.push(' ');
            }
            s.push_str(&p);
            if s.len() > 4096 {
                break;
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096), hint: bool) {
        check(&bytes, hint)?;
    }

    #[test]
    fn near_text_never_panics(text in near_text(), hint: bool, encoding in 0u8..4) {
        let bytes = match encoding {
            1 => encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
            2 => {
                let mut v = vec![0xFF, 0xFE];
                v.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                v
            }
            3 => {
                // Damaged UTF-8: a byte cut out somewhere.
                let mut v = text.into_bytes();
                if !v.is_empty() {
                    let at = v.len() / 2;
                    v.remove(at);
                }
                v
            }
            _ => text.into_bytes(),
        };
        check(&bytes, hint)?;
    }
}

#[test]
fn the_checker_catches_a_bad_span() {
    // The invariants checked above are real: the checker passes a good claim and fails one
    // whose span, evidence or text was tampered with.
    let doc = Document::from_text(
        " date 2023-06-30 NATO Secretary General Jens Stoltenberg said on June 29 that Ukraine would be invited to join the alliance.\n",
    );
    let claims = natoclaims::extract(&doc, &NATO_UKRAINE);
    assert_eq!(claims.len(), 1);
    let good = &claims[0];
    assert_eq!(good.check(&doc.text), Ok(()));
    let mut shifted = good.clone();
    shifted.span.start += 1;
    assert!(shifted.check(&doc.text).is_err(), "a shifted span passed");
    let mut outside = good.clone();
    outside.span.end = doc.text.len() + 1;
    assert!(
        outside.check(&doc.text).is_err(),
        "a span past the text passed"
    );
    let mut edited = good.clone();
    edited.evidence.push('!');
    assert!(edited.check(&doc.text).is_err(), "edited evidence passed");
    let split = "«é» said Jens Stoltenberg.";
    let mut mid_char = good.clone();
    (mid_char.span.start, mid_char.span.end) = (0, 1);
    assert!(
        mid_char.check(split).is_err(),
        "a span splitting a char passed"
    );
}
