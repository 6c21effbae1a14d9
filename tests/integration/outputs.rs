//! Outputs and interfaces: formats, the JSON Schema, ids across thread counts, progress,
//! completions and the man page.

use crate::util::{json_lines, run, run_in, temp, write, ARTICLE};
use serde_json::Value;
use std::collections::BTreeSet;

/// The flat columns `docs/FIELDS.md` documents, in order.
const COLUMNS: [&str; 22] = [
    "id",
    "schema",
    "article.path",
    "article.sha256",
    "article.title",
    "article.outlet",
    "article.published",
    "article.byline",
    "speaker.name",
    "speaker.canonical",
    "speaker.title",
    "speaker.kind",
    "speaker.mention",
    "quote",
    "mode",
    "cue",
    "said_on",
    "date_text",
    "stance",
    "span.start",
    "span.end",
    "evidence",
];

/// A JSON claim's value for a flat column, as CSV and TSV write it.
fn flat(claim: &Value, column: &str) -> String {
    let v = column.split('.').fold(claim, |v, k| &v[k]);
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

fn fixture_claims() -> Vec<Value> {
    let r = run(&["extract", "--quiet", "fixtures/articles"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    json_lines(&r.stdout)
}

#[test]
fn csv_has_a_header_and_every_claim_field_by_field() {
    let claims = fixture_claims();
    let r = run(&["extract", "--quiet", "--format", "csv", "fixtures/articles"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), claims.len());
    for (row, claim) in rows.iter().zip(&claims) {
        for (i, column) in COLUMNS.iter().enumerate() {
            assert_eq!(row[i], flat(claim, column), "{column} of {}", claim["id"]);
        }
    }
    assert!(
        rows.iter().any(|r| r[7].contains("; ")),
        "a byline with two names"
    );
}

/// Undo TSV's backslash escapes.
fn tsv_unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[test]
fn tsv_rows_unescape_to_the_json_fields() {
    let dir = temp();
    let text = " date 2023-06-30 NATO Secretary General Jens Stoltenberg said on June 29 that Ukraine would\tbe invited \\ to join the alliance when conditions are met.\n";
    write(dir.path(), "a.txt", text);
    let json = json_lines(&run_in(dir.path(), &["extract", "a.txt"], None).stdout);
    let r = run_in(dir.path(), &["extract", "--format", "tsv", "a.txt"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].split('\t').collect::<Vec<_>>(), COLUMNS);
    let cells: Vec<String> = lines[1].split('\t').map(tsv_unescape).collect();
    assert_eq!(cells.len(), COLUMNS.len());
    assert!(
        lines[1].contains("\\\\"),
        "a backslash is escaped: {}",
        lines[1]
    );
    for (i, column) in COLUMNS.iter().enumerate() {
        assert_eq!(cells[i], flat(&json[0], column), "{column}");
    }
}

#[test]
fn a_csv_or_tsv_output_without_claims_still_has_its_header() {
    let dir = temp();
    write(dir.path(), "a.txt", "Nothing was said here at all today.\n");
    for (format, sep) in [("csv", ","), ("tsv", "\t")] {
        let r = run_in(dir.path(), &["extract", "--format", format, "a.txt"], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(r.stdout, format!("{}\n", COLUMNS.join(sep)));
    }
}

#[test]
fn an_appended_csv_file_has_one_header() {
    let dir = temp();
    write(dir.path(), "a.txt", ARTICLE);
    for _ in 0..2 {
        let r = run_in(
            dir.path(),
            &[
                "extract", "--format", "csv", "--append", "-o", "out.csv", "a.txt",
            ],
            None,
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let out = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
    assert_eq!(
        out.lines().filter(|l| l.starts_with("id,schema,")).count(),
        1
    );
    assert_eq!(out.lines().count(), 3);
}

#[test]
fn ids_are_the_same_with_any_thread_count_and_format() {
    let one = run(&["extract", "--quiet", "-j", "1", "fixtures/articles"]);
    let two = run(&["extract", "--quiet", "-j", "2", "fixtures/articles"]);
    let ids = |out: &str| -> Vec<String> {
        json_lines(out)
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&one.stdout), ids(&two.stdout));
    assert_eq!(
        one.stdout, two.stdout,
        "the whole output is thread-independent"
    );
    let csv_ids: Vec<String> = csv::Reader::from_reader(
        run(&[
            "extract",
            "--quiet",
            "--format",
            "csv",
            "-j",
            "2",
            "fixtures/articles",
        ])
        .stdout
        .as_bytes(),
    )
    .records()
    .map(|r| r.unwrap()[0].to_string())
    .collect();
    assert_eq!(csv_ids, ids(&one.stdout));
}

#[test]
fn ids_do_not_depend_on_the_path_an_article_was_read_from() {
    let dir = temp();
    write(dir.path(), "a.txt", ARTICLE);
    write(dir.path(), "sub/copy.txt", ARTICLE);
    let r = run_in(dir.path(), &["extract", "a.txt", "sub/copy.txt"], None);
    let lines = json_lines(&r.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], lines[1]["id"]);
    assert_ne!(lines[0]["article"]["path"], lines[1]["article"]["path"]);
}

fn schema_validator() -> jsonschema::Validator {
    let r = run(&["schema"]);
    assert_eq!(r.code, 0);
    let schema: Value = serde_json::from_str(&r.stdout).expect("schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::draft202012::new(&schema).expect("a valid 2020-12 schema")
}

#[test]
fn every_fixture_claim_validates_against_the_schema() {
    let validator = schema_validator();
    let claims = fixture_claims();
    assert!(claims.len() > 200);
    for c in &claims {
        let errors: Vec<String> = validator.iter_errors(c).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}\n{c}");
    }
    // The schema is strict: a missing, an unknown or a mistyped field fails.
    let mut missing = claims[0].clone();
    missing["speaker"]
        .as_object_mut()
        .unwrap()
        .remove("canonical");
    assert!(!validator.is_valid(&missing));
    let mut extra = claims[0].clone();
    extra["colour"] = "red".into();
    assert!(!validator.is_valid(&extra));
    let mut bad_id = claims[0].clone();
    bad_id["id"] = "XYZ".into();
    assert!(!validator.is_valid(&bad_id));
}

#[test]
fn the_schema_names_every_field_the_tool_prints() {
    let schema: Value = serde_json::from_str(&run(&["schema"]).stdout).unwrap();
    let claim = &fixture_claims()[0];
    let keys = |v: &Value| -> BTreeSet<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&schema["properties"]), keys(claim));
    for nested in ["article", "speaker", "span"] {
        assert_eq!(
            keys(&schema["properties"][nested]["properties"]),
            keys(&claim[nested]),
            "{nested}"
        );
    }
}

#[test]
fn progress_shows_only_when_asked_or_on_a_terminal() {
    let dir = temp();
    write(dir.path(), "a.txt", ARTICLE);
    let forced = run_in(dir.path(), &["extract", "--progress", "a.txt"], None);
    assert!(forced.stderr.contains("1/1 files"), "{}", forced.stderr);
    assert!(forced.stderr.contains("claims"), "{}", forced.stderr);
    // stderr is a pipe here: no bar by default.
    let auto = run_in(dir.path(), &["extract", "a.txt"], None);
    assert!(!auto.stderr.contains("1/1 files"), "{}", auto.stderr);
    assert!(auto.stderr.contains("1 articles read"), "{}", auto.stderr);
    let off = run_in(
        dir.path(),
        &["extract", "--progress", "--no-progress", "a.txt"],
        None,
    );
    assert!(!off.stderr.contains("1/1 files"), "{}", off.stderr);
    let quiet = run_in(
        dir.path(),
        &["extract", "--quiet", "--progress", "a.txt"],
        None,
    );
    assert_eq!(quiet.stderr, "", "--quiet silences the bar and the summary");
    assert_eq!(json_lines(&quiet.stdout).len(), 1);
}

#[test]
fn completions_and_man_page_cover_the_commands() {
    for shell in ["bash", "zsh", "fish"] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        for word in ["extract", "state", "format", "csv"] {
            assert!(r.stdout.contains(word), "{shell} completion lacks {word}");
        }
    }
    let man = run(&["man"]);
    assert_eq!(man.code, 0);
    assert!(
        man.stdout.starts_with(".ie") || man.stdout.contains(".TH natoclaims"),
        "{}",
        &man.stdout[..200.min(man.stdout.len())]
    );
    assert!(man.stdout.contains("extract"));
    let bad = run(&["completions", "no-such-shell"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn canonical_speakers_fold_one_person_across_articles() {
    let claims = fixture_claims();
    let names_of = |canonical: &str| -> BTreeSet<String> {
        claims
            .iter()
            .filter(|c| c["speaker"]["canonical"] == canonical)
            .map(|c| c["speaker"]["name"].as_str().unwrap().to_string())
            .collect()
    };
    let zelensky = names_of("Volodymyr Zelensky");
    assert!(
        zelensky.len() >= 2,
        "spellings folded into one: {zelensky:?}"
    );
    assert!(zelensky.iter().all(|n| n.contains("Zelensk")));
}

#[test]
fn the_issues_five_spellings_of_zelensky_count_as_one_speaker() {
    let dir = temp();
    let spellings = [
        "Zelensky",
        "Zelenskiy",
        "Zelenskyy",
        "Zelenskyi",
        "Vladimir Zelensky",
    ];
    for (n, who) in spellings.iter().enumerate() {
        write(
            dir.path(),
            &format!("in/{n}.txt"),
            format!(
                " date 2024-03-0{}\nUkrainian President {who} said on Monday that Ukraine's membership of NATO was the only guarantee of security, in talk number {n}.\n",
                n + 1
            ),
        );
    }
    let r = run_in(dir.path(), &["extract", "in"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let claims = json_lines(&r.stdout);
    let names: BTreeSet<&str> = claims
        .iter()
        .map(|c| c["speaker"]["name"].as_str().unwrap())
        .collect();
    let canonical: BTreeSet<&str> = claims
        .iter()
        .map(|c| c["speaker"]["canonical"].as_str().unwrap())
        .collect();
    assert_eq!(claims.len(), 5, "{}", r.stdout);
    assert_eq!(
        names.len(),
        5,
        "each article keeps its own spelling: {names:?}"
    );
    assert_eq!(canonical, BTreeSet::from(["Volodymyr Zelensky"]));
    // The README's "who spoke most" recipe counts one speaker.
    let r = run_in(dir.path(), &["extract", "--format", "csv", "in"], None);
    let rows: Vec<&str> = r.stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 5);
    assert!(
        rows.iter().all(|row| row.contains(",Volodymyr Zelensky,")),
        "{}",
        r.stdout
    );
}

#[test]
fn the_field_reference_documents_every_column_and_field() {
    let doc = std::fs::read_to_string(crate::util::root().join("docs/FIELDS.md")).unwrap();
    for column in COLUMNS {
        assert!(
            doc.contains(&format!("`{column}`")) || doc.contains(column),
            "{column}"
        );
    }
    let readme = std::fs::read_to_string(crate::util::root().join("README.md")).unwrap();
    assert!(readme.contains("docs/FIELDS.md"));
    assert!(
        !readme.contains("../shared/spec"),
        "the README points at a field reference a clone does not have"
    );
}

#[test]
fn csv_from_records_on_stdin_has_ids_and_canonical_speakers() {
    let dir = temp();
    let records = format!(
        "{}\n{}\n",
        serde_json::json!({"url": "https://example.net/a", "text": ARTICLE}),
        serde_json::json!({"text": ARTICLE.replace("Jens Stoltenberg", "Volodymyr Zelenskiy")}),
    );
    let json = json_lines(&run_in(dir.path(), &["extract"], Some(records.as_bytes())).stdout);
    assert_eq!(json.len(), 2);
    let r = run_in(
        dir.path(),
        &["extract", "--format", "csv"],
        Some(records.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        COLUMNS
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    for (row, claim) in rows.iter().zip(&json) {
        for (i, column) in COLUMNS.iter().enumerate() {
            assert_eq!(row[i], flat(claim, column), "{column}");
        }
    }
    assert_eq!(&rows[0][2], "https://example.net/a");
    assert_eq!(&rows[1][2], "-:2");
    assert_eq!(&rows[1][9], "Volodymyr Zelensky");
    assert_eq!(rows[0][0].len(), 16);
}
