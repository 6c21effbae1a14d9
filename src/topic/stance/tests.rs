//! The stance battery: sentences written for these tests, one per line in `battery.tsv`.

use super::*;

/// One battery line: expected label, cue, speaker, content (the evidence is the content).
fn case(line: &str) -> Option<(Stance, String, String, String)> {
    let cols: Vec<&str> = line.split('\t').collect();
    let [label, cue, speaker, content] = cols[..] else {
        return None;
    };
    let stance = match label {
        "supports" => Stance::Supports,
        "opposes" => Stance::Opposes,
        "conditional" => Stance::Conditional,
        "neutral" => Stance::Neutral,
        _ => return None,
    };
    Some((stance, cue.into(), speaker.into(), content.into()))
}

#[test]
fn battery() {
    let data = include_str!("battery.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let (want, cue, speaker, content) =
            case(line).unwrap_or_else(|| panic!("bad line: {line}"));
        n += 1;
        let got = judge(&Statement {
            content: &content,
            evidence: &content,
            cue: &cue,
            speaker: &speaker,
        });
        if got.stance != want {
            failures.push(format!(
                "want {want:?} got {:?} ({}): {content}",
                got.stance, got.reason
            ));
        }
    }
    assert!(n >= 150, "battery has {n} sentences");
    assert!(
        failures.is_empty(),
        "{} of {n} wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn contractions_expand() {
    assert_eq!(words("They won't join"), ["they", "will", "not", "join"]);
    assert_eq!(
        words("Kyiv can't, Moscow's"),
        ["kyiv", "can", "not", ",", "moscow", "'s"]
    );
}

#[test]
fn capital_acronyms_expand_and_lowercase_words_stay() {
    assert_eq!(
        words("a MAP, not a map or MAPS"),
        [
            "a",
            "membership",
            "action",
            "plan",
            ",",
            "not",
            "a",
            "map",
            "or",
            "maps"
        ]
    );
}
