//! Hostile input: whatever a scraper saved, every file yields its claims or is reported with
//! its path and reason, and the run goes on. Exit codes and the summary line are exact.

use crate::util::{json_lines, run_env, run_in, temp, write, Run, ARTICLE};
use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// An article whose claim carries non-ASCII characters in every encoding test.
const CURLY: &str = "Ukraine’s Foreign Minister Dmytro Kuleba said on Monday that Kyiv expected a “clear invitation” to join NATO at the café summit.\n";

/// The stderr lines except the summary (the last line).
fn problems(r: &Run) -> Vec<&str> {
    let mut lines: Vec<&str> = r.stderr.lines().collect();
    lines.pop();
    lines
}

fn summary(r: &Run) -> &str {
    r.stderr.lines().last().unwrap_or("")
}

/// The run neither crashed (a panic outside the per-input guard prints "panicked" and exits
/// with 101) nor hit a bug inside the guard (an "internal error" line for the input).
fn no_panic(r: &Run) {
    let crashed = r.code == 101 || r.stderr.contains("panicked");
    assert!(!crashed, "crash (exit {}): {}", r.code, r.stderr);
    assert!(
        !r.stderr.contains("internal error"),
        "panic caught: {}",
        r.stderr
    );
}

#[test]
fn empty_blank_and_claimless_files_print_nothing_and_exit_0() {
    let dir = temp();
    write(dir.path(), "empty.txt", "");
    write(dir.path(), "blank.txt", "  \n\t\r\n   \n");
    write(
        dir.path(),
        "none.txt",
        "The weather in Brussels was mild on Tuesday and the trams ran on time.\n",
    );
    let r = run_in(
        dir.path(),
        &["extract", "empty.txt", "blank.txt", "none.txt"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "natoclaims: 3 files seen, 3 articles read, 0 claims printed, 0 skipped\n"
    );
}

#[test]
fn binaries_named_on_the_command_line_are_errors() {
    let dir = temp();
    write(dir.path(), "nul.txt", b"Ukraine said\0 things\0");
    write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, ARTICLE.as_bytes()).unwrap();
    write(dir.path(), "page.html", gz.finish().unwrap());
    write(dir.path(), "a.txt", ARTICLE);
    let r = run_in(
        dir.path(),
        &["extract", "nul.txt", "image.txt", "page.html", "a.txt"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        problems(&r),
        [
            "natoclaims: nul.txt: skipped: binary file (NUL bytes)",
            "natoclaims: image.txt: skipped: binary file (PNG image)",
            "natoclaims: page.html: skipped: binary file (gzip)",
        ]
    );
    assert_eq!(
        summary(&r),
        "natoclaims: 4 files seen, 1 articles read, 1 claims printed, 3 skipped (binary: 3)"
    );
    assert_eq!(json_lines(&r.stdout).len(), 1);
}

#[test]
fn binaries_met_while_walking_are_reported_and_fail_the_run() {
    let dir = temp();
    write(dir.path(), "news/a.txt", ARTICLE);
    write(
        dir.path(),
        "news/b.html",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
    );
    write(dir.path(), "news/c", b"\x89PNG\r\n\x1a\n");
    let r = run_in(dir.path(), &["extract", "news"], None);
    // Inputs of a kind natoclaims cannot read never pass silently: each is named, and the run
    // says it met them.
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        problems(&r),
        [
            "natoclaims: news/b.html: skipped: binary file (gzip)",
            "natoclaims: news/c: skipped: binary file (PNG image)",
        ]
    );
    assert_eq!(
        summary(&r),
        "natoclaims: 3 files seen, 1 articles read, 1 claims printed, 2 skipped (binary: 2)"
    );
    assert_eq!(json_lines(&r.stdout).len(), 1);
    // A folder of nothing but binaries: nothing could be read.
    fs::remove_file(dir.path().join("news/a.txt")).unwrap();
    let r = run_in(dir.path(), &["extract", "news"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(r.stdout, "");
}

#[test]
fn files_over_max_bytes_are_skipped_without_reading() {
    let dir = temp();
    write(dir.path(), "a.txt", ARTICLE);
    write(dir.path(), "big.txt", ARTICLE.repeat(3));
    let limit = ARTICLE.len().to_string();
    let r = run_in(
        dir.path(),
        &["extract", "--max-bytes", &limit, "big.txt", "a.txt"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        problems(&r),
        [format!(
            "natoclaims: big.txt: skipped: {} bytes is over the --max-bytes limit of {limit}",
            ARTICLE.len() * 3
        )]
    );
    assert_eq!(
        summary(&r),
        "natoclaims: 2 files seen, 1 articles read, 1 claims printed, 1 skipped (too large: 1)"
    );
    assert_eq!(json_lines(&r.stdout).len(), 1);
    // A sparse 64 GiB file under the default limit: refused from its size, never read.
    let huge = fs::File::create(dir.path().join("huge.txt")).unwrap();
    huge.set_len(64 << 30).unwrap();
    let r = run_in(dir.path(), &["extract", "huge.txt"], None);
    assert_eq!(r.code, 2);
    assert_eq!(problems(&r), ["natoclaims: huge.txt: skipped: 68719476736 bytes is over the --max-bytes limit of 33554432"]);
    // A file whose size the OS does not know is read only up to the limit.
    let r = run_in(
        dir.path(),
        &["extract", "--max-bytes", "1000", "/dev/zero"],
        None,
    );
    assert_eq!(
        problems(&r),
        ["natoclaims: /dev/zero: skipped: 1001 bytes is over the --max-bytes limit of 1000"]
    );
    // The largest limit does not overflow into "read nothing".
    let r = run_in(
        dir.path(),
        &["extract", "--max-bytes", &u64::MAX.to_string(), "a.txt"],
        None,
    );
    assert_eq!(
        (r.code, json_lines(&r.stdout).len()),
        (0, 1),
        "{}",
        r.stderr
    );
}

#[test]
fn unreadable_inputs_are_reported_and_the_rest_still_printed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    write(dir.path(), "a.txt", ARTICLE);
    write(dir.path(), "locked.txt", ARTICLE);
    fs::set_permissions(
        dir.path().join("locked.txt"),
        fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let root_reads_anything = fs::read(dir.path().join("locked.txt")).is_ok();
    let r = run_in(dir.path(), &["extract", "locked.txt", "a.txt"], None);
    if root_reads_anything {
        // Running as root: permissions do not apply, so the file is simply read.
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(json_lines(&r.stdout).len(), 2);
    } else {
        assert_eq!(r.code, 1);
        assert_eq!(
            problems(&r),
            ["natoclaims: locked.txt: Permission denied (os error 13)"]
        );
        assert_eq!(summary(&r), "natoclaims: 2 files seen, 1 articles read, 1 claims printed, 1 skipped (unreadable: 1)");
        assert_eq!(json_lines(&r.stdout).len(), 1);
    }
    // Unreadable for root too: a file that fails on read, and a folder where a file is read.
    let r = run_in(dir.path(), &["extract", "/proc/self/mem", "a.txt"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        problems(&r),
        ["natoclaims: /proc/self/mem: Input/output error (os error 5)"]
    );
    assert_eq!(
        summary(&r),
        "natoclaims: 2 files seen, 1 articles read, 1 claims printed, 1 skipped (unreadable: 1)"
    );
    assert_eq!(json_lines(&r.stdout).len(), 1);
    fs::create_dir(dir.path().join("folder.txt")).unwrap();
    let r = run_in(dir.path(), &["strip", "folder.txt"], None);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "natoclaims: folder.txt: Is a directory (os error 21)\n"
    );
}

#[test]
fn missing_paths_and_broken_symlinks_are_reported_with_their_reason() {
    use std::os::unix::fs::symlink;
    let dir = temp();
    let d = dir.path();
    write(d, "news/a.txt", ARTICLE);
    symlink("nowhere.txt", d.join("news/dangling.txt")).unwrap();
    symlink("y.txt", d.join("news/x.txt")).unwrap();
    symlink("x.txt", d.join("news/y.txt")).unwrap();
    symlink(".", d.join("news/self")).unwrap();
    let r = run_in(d, &["extract", "missing.txt", "news"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        problems(&r),
        [
            "natoclaims: missing.txt: No such file or directory (os error 2)",
            "natoclaims: news/dangling.txt: dangling symlink (its target does not exist)",
            "natoclaims: news/self: symlink loop (points back to news)",
            "natoclaims: news/x.txt: symlink loop (too many levels of symbolic links)",
            "natoclaims: news/y.txt: symlink loop (too many levels of symbolic links)",
        ]
    );
    assert_eq!(
        summary(&r),
        "natoclaims: 6 files seen, 1 articles read, 1 claims printed, 5 skipped (dangling symlink: 1, not found: 1, symlink loop: 3)"
    );
    assert_eq!(json_lines(&r.stdout).len(), 1);
    // Named on the command line, the same reasons.
    let r = run_in(
        d,
        &["extract", "news/dangling.txt", "news/x.txt", "news/a.txt"],
        None,
    );
    assert_eq!(
        problems(&r),
        [
            "natoclaims: news/dangling.txt: dangling symlink (its target does not exist)",
            "natoclaims: news/x.txt: symlink loop (too many levels of symbolic links)",
        ]
    );
    assert_eq!(r.code, 1);
}

#[test]
fn a_symlink_back_into_the_tree_does_not_read_files_twice() {
    use std::os::unix::fs::symlink;
    let dir = temp();
    write(dir.path(), "news/a.txt", ARTICLE);
    symlink("..", dir.path().join("news/up")).unwrap();
    let r = run_in(dir.path(), &["extract", "news"], None);
    assert_eq!(json_lines(&r.stdout).len(), 1, "{}", r.stderr);
}

#[test]
fn a_folder_of_ten_thousand_files() {
    let dir = temp();
    for i in 0..10_000 {
        let body = if i % 2500 == 0 {
            ARTICLE
        } else {
            "Nothing was said here.\n"
        };
        write(dir.path(), &format!("many/{i:05}.txt"), body);
    }
    let r = run_in(dir.path(), &["extract", "many"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "natoclaims: 10000 files seen, 10000 articles read, 4 claims printed, 0 skipped\n"
    );
    let paths: Vec<_> = json_lines(&r.stdout)
        .iter()
        .map(|c| c["article"]["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        paths,
        [
            "many/00000.txt",
            "many/02500.txt",
            "many/05000.txt",
            "many/07500.txt"
        ]
    );
}

#[test]
fn pathological_text_completes_without_panic() {
    let dir = temp();
    let d = dir.path();
    write(d, "truncated.html", "<html><head><title>NATO</title></head><body><p>“Ukraine will join NATO,” Stoltenberg said. <p>The minist");
    write(d, "unclosed.txt", "“Ukraine will join NATO, Stoltenberg said on Monday. The “door is open” he added.\n\nKuleba said “we wait.\n");
    write(
        d,
        "never-closed.txt",
        format!(
            "Kuleba said: “{}",
            "Ukraine will join the alliance and more words follow ".repeat(4000)
        ),
    );
    write(
        d,
        "long-line.txt",
        "word Ukraine NATO said Stoltenberg ".repeat(6000),
    );
    write(d, "nested.html", format!("<html><body>{}<p>NATO chief Jens Stoltenberg said Ukraine will join the alliance.</p>{}", "<div>".repeat(20_000), "</div>".repeat(20_000)));
    write(
        d,
        "spans.html",
        format!(
            "<body>{}“Ukraine belongs in NATO,” Kuleba said.",
            "<span><b>".repeat(20_000)
        ),
    );
    assert!(fs::read(d.join("long-line.txt")).unwrap().len() >= 200_000);
    let names = [
        "truncated.html",
        "unclosed.txt",
        "never-closed.txt",
        "long-line.txt",
        "nested.html",
        "spans.html",
    ];
    let mut args = vec!["extract", "--topic", "any"];
    args.extend(names);
    let r = run_in(d, &args, None);
    no_panic(&r);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(problems(&r), Vec::<&str>::new());
    assert!(
        summary(&r).starts_with("natoclaims: 6 files seen, 6 articles read, "),
        "{}",
        r.stderr
    );
    let claims = json_lines(&r.stdout);
    let from = |f: &str| claims.iter().filter(|c| c["article"]["path"] == f).count();
    // The claims that survive the damage are still found.
    assert!(
        from("truncated.html") >= 1 && from("nested.html") >= 1 && from("spans.html") >= 1,
        "{}",
        r.stdout
    );
    let nested = claims
        .iter()
        .find(|c| c["article"]["path"] == "nested.html")
        .unwrap();
    assert_eq!(nested["speaker"]["name"], "Jens Stoltenberg");
}

#[test]
fn closed_stdout_ends_the_run_quietly() {
    let dir = temp();
    for i in 0..300 {
        write(dir.path(), &format!("big/{i:03}.txt"), ARTICLE);
    }
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("natoclaims"))
        .current_dir(dir.path())
        .args(["extract", "big"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"schema\""), "{first}");
    // The reader is dropped here: the pipe is closed after one line, like `| head -1`.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr, "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn invalid_utf8_file_names_are_kept() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = temp();
    let news = dir.path().join("news");
    fs::create_dir(&news).unwrap();
    fs::write(news.join(OsStr::from_bytes(b"caf\xe9.txt")), ARTICLE).unwrap();
    fs::write(news.join(OsStr::from_bytes(b"bad\xff.txt")), b"\0\0").unwrap();
    let r = run_in(dir.path(), &["extract", "news"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        json_lines(&r.stdout)[0]["article"]["path"],
        "news/caf\\xE9.txt"
    );
    assert_eq!(
        problems(&r),
        ["natoclaims: news/bad\u{FFFD}.txt: skipped: binary file (NUL bytes)"]
    );
}

#[test]
fn encodings_are_decoded() {
    let dir = temp();
    let d = dir.path();
    let utf16 = |be: bool| -> Vec<u8> {
        let mut v = if be {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        v.extend(
            CURLY
                .encode_utf16()
                .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() }),
        );
        v
    };
    write(d, "utf8.txt", CURLY);
    write(
        d,
        "utf8-bom.txt",
        [b"\xEF\xBB\xBF".as_slice(), CURLY.as_bytes()].concat(),
    );
    write(d, "utf16le.txt", utf16(false));
    write(d, "utf16be.txt", utf16(true));
    write(d, "cp1252.txt", encoding_rs::WINDOWS_1252.encode(CURLY).0);
    // ISO-8859-1 has no curly quotes: the same article with straight ones.
    let latin = CURLY.replace(['“', '”'], "\"").replace('’', "'");
    write(d, "latin1.txt", encoding_rs::WINDOWS_1252.encode(&latin).0);
    let mut args = vec!["extract"];
    let names = [
        "utf8.txt",
        "utf8-bom.txt",
        "utf16le.txt",
        "utf16be.txt",
        "cp1252.txt",
        "latin1.txt",
    ];
    args.extend(names);
    let r = run_in(d, &args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(problems(&r), Vec::<&str>::new(), "no replacement warnings");
    let claims = json_lines(&r.stdout);
    for name in names {
        let c = claims
            .iter()
            .find(|c| c["article"]["path"] == name)
            .unwrap_or_else(|| panic!("no claim from {name}: {}", r.stdout));
        assert_eq!(c["speaker"]["name"], "Dmytro Kuleba", "{name}");
        let quote = c["quote"].as_str().unwrap();
        assert!(quote.contains("café summit"), "{name}: {quote}");
        if name != "latin1.txt" {
            assert!(quote.contains("“clear invitation”"), "{name}: {quote}");
        }
    }
}

#[test]
fn cyrillic_declared_and_detected() {
    let dir = temp();
    let d = dir.path();
    let title = "Кулеба: Україна чекає запрошення до НАТО";
    let page = format!("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><title>{title}</title></head><body><p>{CURLY}</p></body></html>");
    write(d, "page.html", encoding_rs::WINDOWS_1251.encode(&page).0);
    // Undeclared: detected from the bytes (an English report quoting Ukrainian).
    let quote = "Україна чекає чіткого запрошення до НАТО на саміті у Вільнюсі";
    let text = format!("Foreign Minister Dmytro Kuleba said on Monday that Kyiv expected a clear invitation to join NATO, adding in Ukrainian: «{quote}».\n");
    write(d, "cyr.txt", encoding_rs::WINDOWS_1251.encode(&text).0);
    let r = run_in(d, &["meta", "page.html"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json_lines(&r.stdout)[0]["title"], title);
    let r = run_in(d, &["extract", "--topic", "any", "cyr.txt"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(problems(&r), Vec::<&str>::new());
    let claims = json_lines(&r.stdout);
    assert!(claims.iter().any(|c| c["quote"] == quote), "{}", r.stdout);
}

#[test]
fn replaced_bytes_are_reported_on_stderr() {
    let dir = temp();
    let d = dir.path();
    // UTF-8 with one stray byte: still read as UTF-8, the damage reported.
    let mut damaged = CURLY.as_bytes().to_vec();
    damaged.extend_from_slice(b"Stray \xFF byte.\n");
    write(d, "damaged.txt", damaged);
    // UTF-16 cut in the middle of a code unit.
    let mut cut = vec![0xFF, 0xFE];
    cut.extend(CURLY.encode_utf16().flat_map(u16::to_le_bytes));
    cut.push(b'x');
    write(d, "cut16.txt", cut);
    let r = run_in(d, &["extract", "damaged.txt", "cut16.txt"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        problems(&r),
        [
            "natoclaims: damaged.txt: warning: invalid UTF-8 byte sequences were replaced with U+FFFD",
            "natoclaims: cut16.txt: warning: invalid UTF-16LE byte sequences were replaced with U+FFFD",
        ]
    );
    let claims = json_lines(&r.stdout);
    assert_eq!(claims.len(), 2);
    assert!(
        claims[0]["quote"]
            .as_str()
            .unwrap()
            .contains("“clear invitation”"),
        "no mojibake: {}",
        claims[0]
    );
}

#[test]
fn exit_codes_and_the_summary_line() {
    let dir = temp();
    write(dir.path(), "a.txt", ARTICLE);
    write(dir.path(), "b.txt", ARTICLE);
    let r = run_in(dir.path(), &["extract", "a.txt", "b.txt"], None);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            0,
            "natoclaims: 2 files seen, 2 articles read, 2 claims printed, 0 skipped\n"
        )
    );
    let r = run_in(dir.path(), &["extract", "--quiet", "a.txt", "b.txt"], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let r = run_in(dir.path(), &["extract", "a.txt", "nope.txt"], None);
    assert_eq!(r.code, 1);
    assert_eq!(
        summary(&r),
        "natoclaims: 2 files seen, 1 articles read, 1 claims printed, 1 skipped (not found: 1)"
    );
    let r = run_in(
        dir.path(),
        &["extract", "--quiet", "a.txt", "nope.txt"],
        None,
    );
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            1,
            "natoclaims: nope.txt: No such file or directory (os error 2)\n"
        )
    );
    let r = run_in(dir.path(), &["extract", "nope.txt"], None);
    assert_eq!((r.code, r.stdout.as_str()), (2, ""));
    let r = run_in(dir.path(), &["meta", "a.txt"], None);
    assert_eq!(
        r.stderr,
        "natoclaims: 1 files seen, 1 articles read, 1 records printed, 0 skipped\n"
    );
    let r = run_in(dir.path(), &["extract", "--no-such-flag"], None);
    assert_eq!(r.code, 2);
    let r = run_in(dir.path(), &["extract", "-"], Some(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(
        (r.code, problems(&r)),
        (2, vec!["natoclaims: -: skipped: binary file (PNG image)"])
    );
    // An empty folder is not an error: nothing failed.
    fs::create_dir(dir.path().join("empty")).unwrap();
    let r = run_in(dir.path(), &["extract", "empty"], None);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            0,
            "natoclaims: 0 files seen, 0 articles read, 0 claims printed, 0 skipped\n"
        )
    );
}

#[test]
fn a_panic_inside_the_guard_costs_only_that_input() {
    let dir = temp();
    write(dir.path(), "a.txt", ARTICLE);
    write(dir.path(), "b.txt", ARTICLE);
    let force = [("NATOCLAIMS_FORCE_PANIC", "input:b.txt")];
    let r = run_env(dir.path(), &["extract", "a.txt", "b.txt"], None, &force);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(json_lines(&r.stdout).len(), 1);
    let problems = problems(&r);
    assert_eq!(problems.len(), 1, "{}", r.stderr);
    assert!(
        problems[0].starts_with("natoclaims: b.txt: internal error, input skipped")
            && problems[0].contains("forced panic"),
        "{}",
        r.stderr
    );
    assert!(summary(&r).ends_with("1 skipped (internal error: 1)"));
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    // The no-panic check used by the other tests sees the caught panic.
    let caught = std::panic::catch_unwind(|| no_panic(&r));
    assert!(caught.is_err(), "no_panic missed an internal error");
}

#[test]
fn a_panic_outside_the_guard_prints_its_message_and_exits_101() {
    let dir = temp();
    write(dir.path(), "a.txt", ARTICLE);
    let force = [("NATOCLAIMS_FORCE_PANIC", "run")];
    let r = run_env(dir.path(), &["extract", "a.txt"], None, &force);
    assert_eq!(r.code, 101, "{}", r.stderr);
    assert!(
        r.stderr.contains("panicked") && r.stderr.contains("forced panic"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "");
    let caught = std::panic::catch_unwind(|| no_panic(&r));
    assert!(caught.is_err(), "no_panic missed a crash");
}
