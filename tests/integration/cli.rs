//! Command-line behaviour: inputs, outputs, errors and exit codes.

use crate::util::{self, json_lines, run, run_in, temp, ARTICLE};
use std::fs;

#[test]
fn stdin_article_yields_claims_with_dash_path() {
    let dir = temp();
    let r = run_in(dir.path(), &["extract", "-"], Some(ARTICLE.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let claims = json_lines(&r.stdout);
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["article"]["path"], "-");
    assert_eq!(claims[0]["speaker"]["name"], "Jens Stoltenberg");
    assert_eq!(claims[0]["said_on"], "2023-06-29");
    assert_eq!(claims[0]["stance"], "conditional");
}

#[test]
fn output_file_receives_the_claims_and_stdout_stays_empty() {
    let dir = temp();
    fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let r = run_in(dir.path(), &["extract", "a.txt", "-o", "out.jsonl"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let written = fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    assert_eq!(json_lines(&written).len(), 1);
}

#[test]
fn strip_prints_body_without_boilerplate() {
    let dir = temp();
    let page = "Skip to content\nMinister: talks go on\n© Reuters. FILE PHOTO: A minister at a podium.\nThe minister said the talks would go on next week, and that allies agreed.\nThis website uses cookies. By continuing to use this site, you accept our use of cookies.\n";
    fs::write(dir.path().join("p.txt"), page).unwrap();
    let r = run_in(dir.path(), &["strip", "p.txt"], None);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        "The minister said the talks would go on next week, and that allies agreed.\n"
    );
}

#[test]
fn meta_prints_one_line_per_article() {
    let dir = temp();
    fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    fs::write(
        dir.path().join("b.txt"),
        "by Jane Roe\nNothing was said here at all today.\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["meta", "."], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines = json_lines(&r.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], "./a.txt");
    assert_eq!(lines[0]["published"], "2023-06-30");
    assert_eq!(lines[0]["claims"], 1);
    assert_eq!(lines[1]["byline"][0], "Jane Roe");
    assert_eq!(lines[1]["claims"], 0);
    assert_eq!(lines[0]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn missing_path_is_reported_and_others_still_processed() {
    let dir = temp();
    fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let r = run_in(dir.path(), &["extract", "nope.txt", "a.txt"], None);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("nope.txt") && r.stderr.contains("No such file"),
        "{}",
        r.stderr
    );
    assert_eq!(json_lines(&r.stdout).len(), 1);
}

#[test]
fn nothing_readable_exits_2() {
    let dir = temp();
    let r = run_in(dir.path(), &["extract", "nope.txt"], None);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
}

#[test]
fn stdout_holds_only_json_lines_with_every_field() {
    let r = run(&["extract", "fixtures/articles"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let claims = json_lines(&r.stdout);
    assert!(claims.len() > 50);
    for c in &claims {
        for k in util::REQUIRED_FIELDS {
            assert!(c.get(k).is_some(), "missing {k} in {c}");
        }
        assert_eq!(c["schema"], "natoclaims/1");
    }
    assert!(
        r.stderr.contains("articles read"),
        "summary line on stderr: {}",
        r.stderr
    );
}

#[test]
fn walk_is_sorted_and_filtered_by_extension() {
    let dir = temp();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub/b.txt"), ARTICLE).unwrap();
    fs::write(dir.path().join("a.md"), ARTICLE).unwrap();
    fs::write(dir.path().join("c.csv"), ARTICLE).unwrap();
    let r = run_in(dir.path(), &["extract", "."], None);
    let paths: Vec<String> = json_lines(&r.stdout)
        .iter()
        .map(|c| c["article"]["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths, vec!["./a.md", "./sub/b.txt"]);
    let r = run_in(dir.path(), &["extract", "--ext", "csv", "."], None);
    assert_eq!(json_lines(&r.stdout).len(), 1);
}

#[test]
fn help_and_version() {
    let r = run(&["--version"]);
    assert!(r.stdout.starts_with("natoclaims "));
    for cmd in ["extract", "strip", "meta"] {
        let r = run(&[cmd, "--help"]);
        assert_eq!(r.code, 0);
        assert!(r.stdout.contains("Example"), "{cmd} --help has an example");
    }
}

#[test]
fn span_points_at_evidence() {
    let dir = temp();
    let r = run_in(dir.path(), &["extract", "-"], Some(ARTICLE.as_bytes()));
    let c = &json_lines(&r.stdout)[0];
    let (s, e) = (
        c["span"]["start"].as_u64().unwrap() as usize,
        c["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&ARTICLE[s..e], c["evidence"].as_str().unwrap());
}
