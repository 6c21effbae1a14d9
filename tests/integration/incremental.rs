//! Incremental runs: `--state` (whole files, JSON Lines and WARC files as one input each, stdin),
//! `-o` written safely, `--append`, and runs killed with SIGKILL at many points (also inside a
//! JSON Lines file) that a rerun completes with exactly the missing claims.

use crate::util::{self, json_lines, run_in, temp, write, ARTICLE};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// An article of our own with two claims, different for every `n`.
fn article(n: usize) -> String {
    let speakers = [
        "Foreign Minister Dmytro Kuleba",
        "NATO Secretary General Jens Stoltenberg",
        "President Volodymyr Zelenskiy",
        "Kremlin spokesman Dmitry Peskov",
    ];
    let who = speakers[n % speakers.len()];
    let day = 1 + n % 28;
    format!(
        " date 2024-03-{day:02}\n{who} said on Monday that allies had discussed Ukraine's membership of NATO at meeting number {n}.\n\n\"Ukraine's path to NATO is the subject of talk {n},\" {who} told reporters on Monday.\n"
    )
}

/// A folder of `count` generated articles.
fn corpus(dir: &Path, count: usize) {
    for n in 0..count {
        write(dir, &format!("in/a{n:04}.txt"), article(n));
    }
}

fn ids(lines: &[Value]) -> Vec<String> {
    lines
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_rerun_prints_only_new_or_changed_inputs() {
    let dir = temp();
    write(dir.path(), "in/a.txt", article(1));
    write(dir.path(), "in/b.txt", article(2));
    let first = run_in(dir.path(), &["extract", "--state", "s.json", "in"], None);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(json_lines(&first.stdout).len(), 4);
    let again = run_in(dir.path(), &["extract", "--state", "s.json", "in"], None);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(again.stdout, "", "nothing new, nothing printed");
    assert!(again.stderr.contains("2 unchanged"), "{}", again.stderr);
    write(dir.path(), "in/b.txt", article(5));
    write(dir.path(), "in/c.txt", article(3));
    let third = run_in(dir.path(), &["extract", "--state", "s.json", "in"], None);
    let paths: BTreeSet<String> = json_lines(&third.stdout)
        .iter()
        .map(|c| c["article"]["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        paths,
        BTreeSet::from(["in/b.txt".to_string(), "in/c.txt".to_string()])
    );
    let state: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("s.json")).unwrap()).unwrap();
    assert_eq!(state["inputs"]["in/a.txt"]["size"], article(1).len());
    assert_eq!(state["tool"], env!("CARGO_PKG_VERSION"));
    assert_eq!(state["rules"], natoclaims::RULES_VERSION);
}

#[test]
fn another_rules_version_processes_everything_again() {
    let dir = temp();
    write(dir.path(), "in/a.txt", article(1));
    run_in(dir.path(), &["extract", "--state", "s.json", "in"], None);
    let path = dir.path().join("s.json");
    let mut state: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    state["rules"] = "0123456789abcdef".into();
    fs::write(&path, state.to_string()).unwrap();
    let r = run_in(dir.path(), &["extract", "--state", "s.json", "in"], None);
    assert_eq!(json_lines(&r.stdout).len(), 2);
    assert!(
        r.stderr.contains("every input is processed again"),
        "{}",
        r.stderr
    );
    let again = run_in(dir.path(), &["extract", "--state", "s.json", "in"], None);
    assert_eq!(again.stdout, "");
}

#[test]
fn a_file_that_is_not_a_state_stops_the_run_and_stays() {
    let dir = temp();
    write(dir.path(), "in/a.txt", ARTICLE);
    write(dir.path(), "s.json", "my notes");
    let r = run_in(dir.path(), &["extract", "--state", "s.json", "in"], None);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.contains("not a natoclaims state file"),
        "{}",
        r.stderr
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("s.json")).unwrap(),
        "my notes"
    );
}

#[test]
fn a_second_run_on_a_state_in_use_stops_and_changes_nothing() {
    use std::io::Write;
    let dir = temp();
    write(dir.path(), "in/a.txt", ARTICLE);
    // The first run holds the state while it waits for its stdin.
    let mut first = Command::new(env!("CARGO_BIN_EXE_natoclaims"))
        .current_dir(dir.path())
        .args([
            "extract",
            "--quiet",
            "--state",
            "in/s.json",
            "-o",
            "in/out.jsonl",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let lock = dir.path().join("in/.s.json.lock");
    let give_up = Instant::now() + Duration::from_secs(60);
    while !lock.exists() && Instant::now() < give_up {
        std::thread::sleep(Duration::from_millis(5));
    }
    // Once the lock file is there, the lock is taken right after; give it a moment.
    std::thread::sleep(Duration::from_millis(200));
    let second = run_in(
        dir.path(),
        &[
            "extract",
            "--state",
            "in/s.json",
            "-o",
            "in/out.jsonl",
            "in",
        ],
        None,
    );
    assert_eq!(
        (second.code, second.stdout.as_str()),
        (2, ""),
        "{}",
        second.stderr
    );
    assert!(
        second
            .stderr
            .contains("another natoclaims run is using this state file"),
        "{}",
        second.stderr
    );
    assert!(
        !dir.path().join("in/s.json").exists()
            || fs::read_to_string(dir.path().join("in/s.json"))
                .unwrap()
                .contains("natoclaims-state/1")
    );
    // The first run ends normally and keeps its claims.
    first
        .stdin
        .take()
        .unwrap()
        .write_all(ARTICLE.as_bytes())
        .unwrap();
    let done = first.wait_with_output().unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert_eq!(lines_in(&dir.path().join("in/out.jsonl")), 1);
    // Then the state is free again; the lock file in the walked folder is not an input.
    let third = run_in(
        dir.path(),
        &[
            "extract",
            "--state",
            "in/s.json",
            "-o",
            "in/out.jsonl",
            "in",
        ],
        None,
    );
    assert_eq!(third.code, 0, "{}", third.stderr);
    assert!(
        third
            .stderr
            .ends_with("1 files seen, 1 articles read, 1 claims printed, 0 skipped\n"),
        "{}",
        third.stderr
    );
    assert_eq!(lines_in(&dir.path().join("in/out.jsonl")), 2);
}

#[test]
fn output_file_is_replaced_whole_and_keeps_no_temporary_file() {
    let dir = temp();
    write(dir.path(), "in/a.txt", ARTICLE);
    write(dir.path(), "out.jsonl", "old line\n");
    let r = run_in(dir.path(), &["extract", "in", "-o", "out.jsonl"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    assert!(!out.contains("old line"));
    assert_eq!(json_lines(&out).len(), 1);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_run_killed_while_replacing_an_output_file_leaves_the_old_one_whole() {
    use std::os::unix::process::ExitStatusExt;
    let dir = temp();
    corpus(dir.path(), 3);
    write(dir.path(), "out.jsonl", "old line\n");
    let mut points = 0;
    for n in 1.. {
        let r = Command::new(env!("CARGO_BIN_EXE_natoclaims"))
            .current_dir(dir.path())
            .env("NATOCLAIMS_CRASH_AT", n.to_string())
            .args(["extract", "--quiet", "-o", "out.jsonl", "in"])
            .output()
            .unwrap();
        if r.status.signal() != Some(9) {
            assert!(r.status.success(), "{:?}", r.status);
            break;
        }
        points += 1;
        assert_eq!(
            fs::read_to_string(dir.path().join("out.jsonl")).unwrap(),
            "old line\n",
            "killed at point {n}"
        );
    }
    assert!(points >= 6, "{points}");
    assert_eq!(lines_in(&dir.path().join("out.jsonl")), 6);
}

#[test]
fn append_cuts_a_torn_last_line_and_adds_whole_lines() {
    let dir = temp();
    write(dir.path(), "in/a.txt", ARTICLE);
    let r = run_in(dir.path(), &["extract", "in", "-o", "out.jsonl"], None);
    assert_eq!(r.code, 0);
    let path = dir.path().join("out.jsonl");
    let mut bytes = fs::read(&path).unwrap();
    bytes.extend_from_slice(b"{\"schema\":\"natocl");
    fs::write(&path, &bytes).unwrap();
    let r = run_in(
        dir.path(),
        &["extract", "in", "-o", "out.jsonl", "--append"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("torn last line"), "{}", r.stderr);
    let lines = json_lines(&fs::read_to_string(&path).unwrap());
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0]["id"], lines[1]["id"],
        "the same claim twice: ids are stable"
    );
}

#[test]
fn append_needs_an_output_file() {
    let dir = temp();
    let r = run_in(dir.path(), &["extract", "--append", "."], None);
    assert_eq!(r.code, 2);
}

/// Lines in a file that is being written (0 when it does not exist yet).
fn lines_in(path: &Path) -> usize {
    fs::read(path)
        .map(|b| b.iter().filter(|&&c| c == b'\n').count())
        .unwrap_or(0)
}

/// Start an incremental run and SIGKILL it once the output holds `after` lines (or at once
/// for 0). The run may finish first; then there is nothing to kill. Returns the output's
/// line count when the kill landed while the run was still going, `None` when it had ended.
fn run_and_kill(dir: &Path, input: &Path, after: usize) -> Option<usize> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_natoclaims"))
        .current_dir(dir)
        .args([
            "extract",
            "--quiet",
            "-j",
            "2",
            "--state",
            "s.json",
            "-o",
            "out.jsonl",
        ])
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary runs");
    let out = dir.join("out.jsonl");
    let give_up = Instant::now() + Duration::from_secs(120);
    while after > 0 && lines_in(&out) < after && Instant::now() < give_up {
        if child.try_wait().unwrap().is_some() {
            return None;
        }
        std::thread::sleep(Duration::from_micros(300));
    }
    let killed = child.try_wait().unwrap().is_none().then(|| lines_in(&out));
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();
    // Whatever the moment, the state is whole: absent or a valid state file.
    if let Ok(text) = fs::read_to_string(dir.join("s.json")) {
        let state: Value = serde_json::from_str(&text).expect("state is never torn");
        assert_eq!(state["format"], "natoclaims-state/1");
    }
    killed
}

fn finish_run(dir: &Path, input: &Path) -> String {
    let r = util::run_in(
        dir,
        &[
            "extract",
            "--quiet",
            "--state",
            "s.json",
            "-o",
            "out.jsonl",
            input.to_str().unwrap(),
        ],
        None,
    );
    assert!(r.code == 0, "{}", r.stderr);
    fs::read_to_string(dir.join("out.jsonl")).unwrap()
}

#[test]
fn runs_killed_at_many_points_then_resumed_give_every_claim_once() {
    let dir = temp();
    corpus(dir.path(), 100);
    let input = dir.path().join("in");
    let clean = util::run_in(dir.path(), &["extract", "--quiet", "-j", "2", "in"], None);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    // Ids do not depend on the path an input was named by: the clean run's are the reference.
    let clean_ids: BTreeSet<String> = ids(&json_lines(&clean.stdout)).into_iter().collect();
    assert_eq!(clean_ids.len(), 200, "two distinct claims per article");
    // One kill per fresh run, at many points, then a rerun to the end.
    // Batches are 64 inputs (128 lines): points around a batch's end are where commits happen.
    let mut partial = 0;
    for after in [0, 1, 5, 40, 100, 127, 128, 129, 170, 199] {
        let work = temp();
        if run_and_kill(work.path(), &input, after).is_some_and(|n| n > 0 && n < 200) {
            partial += 1;
        }
        let out = finish_run(work.path(), &input);
        let got = ids(&json_lines(&out));
        assert_eq!(
            got.len(),
            clean_ids.len(),
            "killed after {after} lines: duplicates or losses"
        );
        assert_eq!(
            got.iter().cloned().collect::<BTreeSet<_>>(),
            clean_ids,
            "killed after {after} lines"
        );
    }
    assert!(partial > 0, "no kill landed in the middle of a run");
    // Several kills in a row on one state, then the rerun.
    let work = temp();
    for after in [3, 60, 130, 190] {
        run_and_kill(work.path(), &input, after);
    }
    let out = finish_run(work.path(), &input);
    let got = ids(&json_lines(&out));
    assert_eq!(
        got.len(),
        clean_ids.len(),
        "duplicates or losses after chained kills"
    );
    assert_eq!(got.into_iter().collect::<BTreeSet<_>>(), clean_ids);
    // And a run over nothing new adds nothing.
    assert_eq!(finish_run(work.path(), &input), out);
}

/// Run an incremental run into `dir` that kills itself with SIGKILL at its `n`-th crash point
/// (`NATOCLAIMS_CRASH_AT`, see `src/app/crash.rs`: mid-write, after each article's write, after
/// a cut, before and after each state write). True when it was killed there, false when it
/// ended first (it has fewer points).
fn run_crashing_at(dir: &Path, input: &Path, n: usize) -> bool {
    use std::os::unix::process::ExitStatusExt;
    let r = Command::new(env!("CARGO_BIN_EXE_natoclaims"))
        .current_dir(dir)
        .env("NATOCLAIMS_CRASH_AT", n.to_string())
        .env("NATOCLAIMS_BATCH", "8")
        .args(["extract", "--quiet", "--state", "s.json", "-o", "out.jsonl"])
        .arg(input)
        .output()
        .expect("binary runs");
    if let Ok(text) = fs::read_to_string(dir.join("s.json")) {
        let state: Value = serde_json::from_str(&text).expect("state is never torn");
        assert_eq!(state["format"], "natoclaims-state/1");
    }
    match r.status.signal() {
        Some(9) => true,
        None if r.status.success() => false,
        _ => panic!(
            "crash point {n}: {:?} {}",
            r.status,
            String::from_utf8_lossy(&r.stderr)
        ),
    }
}

#[test]
fn runs_killed_at_every_write_and_commit_point_then_resumed_give_every_claim_once() {
    let dir = temp();
    // 12 files, a JSON Lines file of 5 records, 2 files: with batches of 8 (`NATOCLAIMS_BATCH`),
    // a commit after 8 files, none inside the stream, one after it, one at the end.
    corpus(dir.path(), 12);
    write(dir.path(), "in/a0012-feed.jsonl", records(500, 5));
    write(dir.path(), "in/a0013.txt", article(13));
    write(dir.path(), "in/a0014.txt", article(14));
    let input = dir.path().join("in");
    let clean = util::run_in(dir.path(), &["extract", "--quiet", "in"], None);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    let clean_ids: BTreeSet<String> = ids(&json_lines(&clean.stdout)).into_iter().collect();
    assert_eq!(clean_ids.len(), 38, "two distinct claims per article");
    let check = |out: &str, what: &str| {
        let got = ids(&json_lines(out));
        assert_eq!(got.len(), clean_ids.len(), "{what}: duplicates or losses");
        assert_eq!(
            got.into_iter().collect::<BTreeSet<_>>(),
            clean_ids,
            "{what}"
        );
    };
    // Every point of a first run, one fresh run each, then a rerun to the end.
    let mut points = 0;
    for n in 1.. {
        let work = temp();
        if !run_crashing_at(work.path(), &input, n) {
            break;
        }
        points += 1;
        check(
            &finish_run(work.path(), &input),
            &format!("killed at point {n}"),
        );
    }
    // Two points per article written (mid-write and after), one before and two inside each
    // of the state's writes (at least three commits).
    assert!(points >= 2 * 19 + 3 * 3, "only {points} crash points");
    // Kills in a row on one state, each run resuming the last killed one, at points all
    // through the runs (a resumed run also cuts what its killed predecessor left).
    let work = temp();
    let mut killed = 0;
    for n in (1..).step_by(3) {
        if !run_crashing_at(work.path(), &input, n) {
            break;
        }
        killed += 1;
    }
    assert!(killed > 5, "{killed}");
    let out = fs::read_to_string(work.path().join("out.jsonl")).unwrap();
    check(&out, "after chained kills");
    assert_eq!(
        finish_run(work.path(), &input),
        out,
        "nothing new, nothing added"
    );
}

#[test]
fn runs_to_stdout_killed_then_resumed_lose_nothing_and_repeat_at_most_the_last_batch() {
    use std::os::unix::process::ExitStatusExt;
    let dir = temp();
    corpus(dir.path(), 12);
    write(dir.path(), "in/a0012-feed.jsonl", records(500, 5));
    write(dir.path(), "in/a0013.txt", article(13));
    write(dir.path(), "in/a0014.txt", article(14));
    let input = dir.path().join("in");
    let clean = util::run_in(dir.path(), &["extract", "--quiet", "in"], None);
    let clean_ids: BTreeSet<String> = ids(&json_lines(&clean.stdout)).into_iter().collect();
    assert_eq!(clean_ids.len(), 38);
    let run = |work: &Path, crash: Option<usize>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_natoclaims"));
        cmd.current_dir(work)
            .env("NATOCLAIMS_BATCH", "8")
            .args(["extract", "--quiet", "--state", "s.json"])
            .arg(&input);
        if let Some(n) = crash {
            cmd.env("NATOCLAIMS_CRASH_AT", n.to_string());
        }
        let r = cmd.output().expect("binary runs");
        // Whole lines only: a killed run's stdout may end with a cut-off line.
        let text = String::from_utf8(r.stdout).unwrap();
        let whole = &text[..text.rfind('\n').map_or(0, |i| i + 1)];
        (r.status, ids(&json_lines(whole)))
    };
    let mut points = 0;
    for n in (1..).step_by(2) {
        let work = temp();
        let (status, killed) = run(work.path(), Some(n));
        if status.signal() != Some(9) {
            assert!(status.success(), "{status:?}");
            break;
        }
        points += 1;
        let (status, rerun) = run(work.path(), None);
        assert!(status.success(), "{status:?}");
        let all: BTreeSet<String> = killed.iter().chain(&rerun).cloned().collect();
        assert_eq!(all, clean_ids, "killed at point {n}: claims lost");
        let repeated = killed.len() + rerun.len() - clean_ids.len();
        // At most one batch of 8 inputs plus the 5 records of the stream being read, two
        // claims each.
        assert!(
            repeated <= 2 * (8 + 5),
            "killed at point {n}: {repeated} repeated"
        );
    }
    assert!(points > 15, "{points}");
}

/// `count` records, one article each (`article(first)` on), as one JSON Lines file's text.
fn records(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| {
            serde_json::json!({"url": format!("https://example.net/{n}"), "text": article(n)})
                .to_string()
                + "\n"
        })
        .collect()
}

fn summary(r: &util::Run) -> &str {
    r.stderr.lines().last().unwrap_or("")
}

#[test]
fn a_json_lines_or_warc_file_is_one_input_of_the_state() {
    let dir = temp();
    write(dir.path(), "in/a.txt", article(1));
    write(dir.path(), "in/feed.jsonl", records(10, 3));
    let warc_page = format!(
        "<html><body><article><p>{}</p></article></body></html>",
        article(20)
    );
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{warc_page}",
        warc_page.len()
    );
    let warc = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\nWARC-Date: 2024-03-20T10:00:00Z\r\nWARC-Target-URI: https://example.net/w\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    );
    write(dir.path(), "in/crawl.warc", &warc);
    let first = run_in(dir.path(), &["extract", "--state", "s.json", "in"], None);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let claims = json_lines(&first.stdout);
    assert_eq!(claims.len(), 2 + 6 + 2, "{}", first.stdout);
    assert!(claims
        .iter()
        .all(|c| c["id"].is_string() && c["speaker"]["canonical"].is_string()));
    let state: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("s.json")).unwrap()).unwrap();
    let keys: Vec<&String> = state["inputs"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["in/a.txt", "in/crawl.warc", "in/feed.jsonl"]);
    assert_eq!(
        state["inputs"]["in/feed.jsonl"]["size"],
        records(10, 3).len()
    );
    let again = run_in(dir.path(), &["extract", "--state", "s.json", "in"], None);
    assert_eq!(
        (again.code, again.stdout.as_str()),
        (0, ""),
        "{}",
        again.stderr
    );
    assert_eq!(
        summary(&again),
        "natoclaims: 3 files seen, 0 articles read, 3 unchanged since the last run, 0 claims printed, 0 skipped"
    );
    // A feed that grew by one record is read again whole; its old records' claims keep their ids.
    write(dir.path(), "in/feed.jsonl", records(10, 4));
    let grown = run_in(dir.path(), &["extract", "--state", "s.json", "in"], None);
    assert_eq!(grown.code, 0, "{}", grown.stderr);
    let lines = json_lines(&grown.stdout);
    assert_eq!(lines.len(), 8);
    let old: BTreeSet<String> = ids(&claims).into_iter().collect();
    assert_eq!(ids(&lines).iter().filter(|i| old.contains(*i)).count(), 6);
    assert!(
        grown.stderr.contains("4 articles read, 2 unchanged"),
        "{}",
        grown.stderr
    );
}

#[test]
fn a_stream_that_fails_whole_is_tried_again_and_one_with_a_bad_record_is_not() {
    let dir = temp();
    write(dir.path(), "in/bad.warc", "not a WARC file at all\n");
    let mut mixed = records(1, 2);
    mixed.push_str("{\"text\": oops}\n");
    write(dir.path(), "in/mixed.jsonl", &mixed);
    let first = run_in(dir.path(), &["extract", "--state", "s.json", "in"], None);
    assert_eq!(first.code, 1, "{}", first.stderr);
    assert_eq!(json_lines(&first.stdout).len(), 4);
    let again = run_in(dir.path(), &["extract", "--state", "s.json", "in"], None);
    assert_eq!(
        again.code, 1,
        "the broken WARC is reported again: {}",
        again.stderr
    );
    assert!(
        again.stderr.contains("in/bad.warc: skipped"),
        "{}",
        again.stderr
    );
    assert_eq!(
        again.stdout, "",
        "the JSON Lines file's claims are not repeated"
    );
    assert!(again.stderr.contains("1 unchanged"), "{}", again.stderr);
}

#[test]
fn stdin_under_state_one_article_is_tracked_and_records_are_not() {
    let dir = temp();
    let one = article(7);
    for expected in [2, 0] {
        let r = run_in(
            dir.path(),
            &["extract", "--state", "s.json"],
            Some(one.as_bytes()),
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(json_lines(&r.stdout).len(), expected, "{}", r.stderr);
    }
    let state: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("s.json")).unwrap()).unwrap();
    assert_eq!(state["inputs"]["-"]["size"], one.len());
    let feed = records(30, 2);
    for _ in 0..2 {
        let r = run_in(
            dir.path(),
            &["extract", "--state", "s.json"],
            Some(feed.as_bytes()),
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(json_lines(&r.stdout).len(), 4);
        assert!(
            r.stderr
                .contains("--state does not track records read from stdin"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn the_output_and_the_state_in_a_walked_folder_are_not_inputs() {
    let dir = temp();
    write(dir.path(), "a.txt", ARTICLE);
    for _ in 0..2 {
        let r = run_in(
            dir.path(),
            &["extract", "--state", "s.json", "-o", "claims.jsonl", "."],
            None,
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(!r.stderr.contains("cannot read"), "{}", r.stderr);
    }
    let out = fs::read_to_string(dir.path().join("claims.jsonl")).unwrap();
    assert_eq!(json_lines(&out).len(), 1);
}

#[test]
fn runs_killed_inside_a_json_lines_file_then_resumed_give_every_claim_once() {
    let dir = temp();
    // Files, then a feed of 100 records (more than one batch), then files: kills land before,
    // inside and after the stream.
    for n in 0..40 {
        write(dir.path(), &format!("in/a{n:04}.txt"), article(n));
    }
    write(dir.path(), "in/b.jsonl", records(100, 100));
    for n in 200..230 {
        write(dir.path(), &format!("in/c{n:04}.txt"), article(n));
    }
    let input = dir.path().join("in");
    let clean = util::run_in(dir.path(), &["extract", "--quiet", "-j", "2", "in"], None);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    let clean_ids: BTreeSet<String> = ids(&json_lines(&clean.stdout)).into_iter().collect();
    assert_eq!(clean_ids.len(), 340);
    let mut inside = 0;
    for after in [0, 10, 80, 100, 150, 200, 279, 300, 339] {
        let work = temp();
        if run_and_kill(work.path(), &input, after).is_some_and(|n| n > 80 && n < 280) {
            inside += 1;
        }
        let got = ids(&json_lines(&finish_run(work.path(), &input)));
        assert_eq!(got.len(), clean_ids.len(), "killed after {after} lines");
        assert_eq!(
            got.into_iter().collect::<BTreeSet<_>>(),
            clean_ids,
            "killed after {after} lines"
        );
    }
    assert!(inside > 0, "no kill landed inside the feed");
}
