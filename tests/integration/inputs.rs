//! Input kinds beyond single files: stdin (text, HTML, JSON Lines), `--files-from`, JSON Lines
//! records, WARC archives, gzip'd files, and inputs of kinds natoclaims cannot read.

use crate::util::{json_lines, run_in, temp, write, Run};
use flate2::write::GzEncoder;
use serde_json::{json, Value};
use std::io::Write;

/// A plain-text article with one claim (Marken, supports), a dated line and a byline.
const TEXT: &str = "Baltic ministers press for a timetable\n\nBy Hanna Lind\n\nPublished 2024-03-12\n\nEstonian Foreign Minister Ilse Marken said on Monday that Ukraine should be offered a firm timetable for joining NATO before the alliance's next summit.\n";

/// An HTML page with one claim (Velde, supports) and no date of its own.
const PAGE: &str = "<!doctype html><html><head><title>Ministers debate the alliance door</title></head><body><article><h1>Ministers debate the alliance door</h1><p>Dutch Defence Minister Joris Velde said that Ukraine's membership of NATO would make the whole of Europe safer, and that allies should stop delaying the invitation.</p><p>The talks will continue next month in a smaller format, officials in the ministry added on the same afternoon.</p></article></body></html>";

/// The same page with a publication date in its head.
fn dated_page() -> String {
    PAGE.replace(
        "<title>",
        "<meta property=\"article:published_time\" content=\"2024-05-02T08:00:00+02:00\"><title>",
    )
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn speakers(r: &Run) -> Vec<String> {
    json_lines(&r.stdout)
        .iter()
        .map(|c| c["speaker"]["name"].as_str().unwrap().to_string())
        .collect()
}

fn paths(r: &Run) -> Vec<String> {
    json_lines(&r.stdout)
        .iter()
        .map(|c| c["article"]["path"].as_str().unwrap().to_string())
        .collect()
}

fn summary(r: &Run) -> &str {
    r.stderr.lines().last().unwrap_or("")
}

#[test]
fn stdin_without_a_path_is_read_as_text_html_or_records() {
    let dir = temp();
    // A decoy in the working directory: reading stdin must not walk it.
    write(dir.path(), "decoy.txt", PAGE);
    let r = run_in(dir.path(), &["extract"], Some(TEXT.as_bytes()));
    assert_eq!(
        (r.code, speakers(&r)),
        (0, vec!["Ilse Marken".to_string()]),
        "{}",
        r.stderr
    );
    assert_eq!(paths(&r), ["-"]);
    let r = run_in(dir.path(), &["meta"], Some(PAGE.as_bytes()));
    let lines = json_lines(&r.stdout);
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    assert_eq!(lines[0]["title"], "Ministers debate the alliance door");
    let records = format!(
        "\n{}\n{}\n",
        json!({"text": TEXT}),
        json!({"html": PAGE, "url": "https://example.net/velde"})
    );
    let r = run_in(dir.path(), &["extract"], Some(records.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(paths(&r), ["-:2", "https://example.net/velde"]);
    assert_eq!(speakers(&r), ["Ilse Marken", "Joris Velde"]);
}

#[test]
fn empty_stdin_reads_nothing_and_succeeds() {
    let dir = temp();
    write(dir.path(), "decoy.txt", TEXT);
    let r = run_in(dir.path(), &["extract"], Some(b""));
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    assert_eq!(
        summary(&r),
        "natoclaims: 1 files seen, 0 articles read, 0 claims printed, 0 skipped"
    );
}

#[test]
fn xargs_with_no_paths_reads_its_empty_stdin_not_the_working_directory() {
    let dir = temp();
    write(dir.path(), "decoy.txt", TEXT);
    // `find ... | xargs natoclaims extract` with nothing found runs natoclaims once with no
    // argument and stdin at /dev/null.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_natoclaims"))
        .current_dir(dir.path())
        .arg("extract")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("0 articles read"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn gzip_on_stdin_is_unpacked() {
    let dir = temp();
    let r = run_in(
        dir.path(),
        &["extract"],
        Some(gz(TEXT.as_bytes()).as_slice()),
    );
    assert_eq!(speakers(&r), ["Ilse Marken"], "{}", r.stderr);
}

#[test]
fn files_from_reads_exactly_the_listed_paths() {
    let dir = temp();
    write(dir.path(), "in/a.txt", TEXT);
    write(dir.path(), "in/b c.html", PAGE);
    write(dir.path(), "in/not-listed.txt", TEXT);
    write(dir.path(), "list.txt", "in/b c.html\r\n\nin/a.txt\n");
    let r = run_in(dir.path(), &["extract", "--files-from", "list.txt"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(paths(&r), ["in/b c.html", "in/a.txt"]);
    // NUL-separated, from stdin: a newline inside a name is part of the name.
    write(dir.path(), "in/odd\nname.txt", TEXT);
    let r = run_in(
        dir.path(),
        &["extract", "--files-from", "-", "-0"],
        Some(b"in/odd\nname.txt\0in/a.txt\0"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(paths(&r), ["in/odd\nname.txt", "in/a.txt"]);
}

#[test]
fn an_empty_list_reads_nothing_and_never_the_working_directory() {
    let dir = temp();
    write(dir.path(), "decoy.txt", TEXT);
    write(dir.path(), "empty.txt", "");
    let r = run_in(dir.path(), &["extract", "--files-from", "empty.txt"], None);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    assert_eq!(
        summary(&r),
        "natoclaims: 0 files seen, 0 articles read, 0 claims printed, 0 skipped"
    );
    let r = run_in(
        dir.path(),
        &["extract", "--files-from", "-", "-0"],
        Some(b""),
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    let r = run_in(
        dir.path(),
        &["extract", "--files-from", "missing.txt"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("--files-from missing.txt"),
        "{}",
        r.stderr
    );
}

/// Three records: a good one, a broken line, a good one with metadata.
fn records() -> String {
    format!(
        "{}\n{{\"text\": \"a quotation mark never closed}}\n{}\n",
        json!({"maintext": TEXT}),
        json!({
            "url": "https://example.net/marken",
            "title": "Marken sets out a timetable",
            "date_publish": "2024-03-14 09:30:00",
            "authors": ["Tove Aske", "Staff"],
            "maintext": TEXT,
        }),
    )
}

fn check_records_run(r: &Run, name: &str) {
    assert_eq!(r.code, 1, "a malformed record is a bad input: {}", r.stderr);
    assert!(
        r.stderr.lines().any(|l| l.starts_with(&format!(
            "natoclaims: {name}:2: malformed record skipped: not valid JSON"
        ))),
        "{}",
        r.stderr
    );
    assert_eq!(
        paths(r),
        [
            format!("{name}:1"),
            "https://example.net/marken".to_string()
        ]
    );
    assert_eq!(
        summary(r),
        "natoclaims: 1 files seen, 2 articles read, 2 claims printed, 1 skipped (malformed record: 1)"
    );
}

#[test]
fn jsonl_records_plain_and_gzipped_with_a_malformed_line() {
    let dir = temp();
    write(dir.path(), "news.jsonl", records());
    write(dir.path(), "news.ndjson.gz", gz(records().as_bytes()));
    let r = run_in(dir.path(), &["extract", "news.jsonl"], None);
    check_records_run(&r, "news.jsonl");
    let r = run_in(dir.path(), &["extract", "news.ndjson.gz"], None);
    check_records_run(&r, "news.ndjson.gz");
    // Walked folders read records too, and `--input jsonl` reads any name as records.
    write(dir.path(), "feed/records.txt", records());
    let r = run_in(dir.path(), &["extract", "--input", "jsonl", "feed"], None);
    check_records_run(&r, "feed/records.txt");
}

#[test]
fn records_without_an_article_body_are_warnings_even_alone() {
    let dir = temp();
    let empty = "{\"url\": \"https://example.net/e\", \"text\": \"\"}\n{\"maintext\": null}\n";
    write(dir.path(), "empty.jsonl", empty);
    let warned = |r: &Run| {
        assert_eq!(
            r.stderr
                .lines()
                .filter(|l| l.contains("warning") && l.contains("record has no article body"))
                .count(),
            2,
            "{}",
            r.stderr
        );
    };
    // The only input gives nothing but empty records: warnings, not a failed run.
    let r = run_in(dir.path(), &["extract", "empty.jsonl"], None);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    warned(&r);
    assert_eq!(
        summary(&r),
        "natoclaims: 1 files seen, 0 articles read, 0 claims printed, 2 skipped (no article body: 2)"
    );
    let r = run_in(dir.path(), &["extract"], Some(empty.as_bytes()));
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    warned(&r);
    // With an error beside them, nothing read is still exit 2.
    write(dir.path(), "bad.jsonl", "not json\n");
    let r = run_in(dir.path(), &["extract", "empty.jsonl", "bad.jsonl"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn record_metadata_wins_over_what_the_text_suggests() {
    let dir = temp();
    write(dir.path(), "a.txt", TEXT);
    let r = run_in(dir.path(), &["meta", "a.txt"], None);
    let from_text = &json_lines(&r.stdout)[0];
    assert_eq!(from_text["published"], "2024-03-12");
    assert_eq!(from_text["byline"], json!(["Hanna Lind"]));
    assert_eq!(from_text["title"], "Baltic ministers press for a timetable");
    write(dir.path(), "r.jsonl", records());
    let r = run_in(dir.path(), &["meta", "r.jsonl"], None);
    let lines = json_lines(&r.stdout);
    assert_eq!(
        lines[0]["published"], "2024-03-12",
        "no metadata: the text's"
    );
    let m = &lines[1];
    assert_eq!(m["path"], "https://example.net/marken");
    assert_eq!(m["title"], "Marken sets out a timetable");
    assert_eq!(m["published"], "2024-03-14");
    assert_eq!(m["byline"], json!(["Tove Aske"]), "Staff is no author");
    // sha256 is of the body: the same article text hashes alike in a file and a record.
    assert_eq!(m["sha256"], from_text["sha256"]);
}

/// A WARC record by hand: version line, headers, blank line, block, two CRLFs.
fn warc_record(kind: &str, n: usize, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012}>\r\nWARC-Date: 2024-06-18T21:40:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// A small crawl: an info record, a request, two HTML pages (one dated), a stylesheet.
fn crawl() -> Vec<Vec<u8>> {
    vec![
        warc_record("warcinfo", 1, "", b"software: a test written by hand\r\n"),
        warc_record(
            "request",
            2,
            "https://example.net/velde",
            b"GET /velde HTTP/1.1\r\nHost: example.net\r\n\r\n",
        ),
        warc_record(
            "response",
            3,
            "https://example.net/velde",
            &http("text/html; charset=utf-8", PAGE),
        ),
        warc_record(
            "response",
            4,
            "https://example.net/site.css",
            &http("text/css", "p { color: red }"),
        ),
        warc_record(
            "response",
            5,
            "https://example.net/dated",
            &http("application/xhtml+xml", &dated_page()),
        ),
    ]
}

fn check_crawl(r: &Run) {
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines = json_lines(&r.stdout);
    let got: Vec<(&str, &Value)> = lines
        .iter()
        .map(|l| (l["path"].as_str().unwrap(), &l["published"]))
        .collect();
    assert_eq!(
        got,
        [
            ("https://example.net/velde", &json!("2024-06-18")),
            ("https://example.net/dated", &json!("2024-05-02")),
        ],
        "the WARC-Date only where the page gives no day"
    );
    assert_eq!(lines[0]["claims"], 1);
    assert_eq!(lines[0]["title"], "Ministers debate the alliance door");
}

#[test]
fn warc_and_warc_gz_html_responses_are_read() {
    let dir = temp();
    write(dir.path(), "crawl.warc", crawl().concat());
    // One gzip member per record, as crawlers write them.
    let members: Vec<u8> = crawl().iter().flat_map(|r| gz(r)).collect();
    write(dir.path(), "crawl.warc.gz", members);
    check_crawl(&run_in(dir.path(), &["meta", "crawl.warc"], None));
    check_crawl(&run_in(dir.path(), &["meta", "crawl.warc.gz"], None));
    let r = run_in(dir.path(), &["extract", "crawl.warc.gz"], None);
    assert_eq!(speakers(&r), ["Joris Velde", "Joris Velde"], "{}", r.stderr);
}

#[test]
fn a_damaged_warc_is_reported_and_the_records_before_it_kept() {
    let dir = temp();
    let mut data = crawl().concat();
    data.truncate(data.len() - 100);
    write(dir.path(), "cut.warc", data);
    let r = run_in(dir.path(), &["meta", "cut.warc"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("cut.warc: skipped: damaged WARC framing"),
        "{}",
        r.stderr
    );
    assert_eq!(
        json_lines(&r.stdout)[0]["path"],
        "https://example.net/velde"
    );
}

#[test]
fn gzipped_text_and_html_files_are_read() {
    let dir = temp();
    write(dir.path(), "news/a.txt.gz", gz(TEXT.as_bytes()));
    write(dir.path(), "news/b.htm.gz", gz(PAGE.as_bytes()));
    write(dir.path(), "news/c.shtml", PAGE);
    write(dir.path(), "news/d.xhtml", PAGE);
    let r = run_in(dir.path(), &["extract", "news"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        paths(&r),
        [
            "news/a.txt.gz",
            "news/b.htm.gz",
            "news/c.shtml",
            "news/d.xhtml"
        ]
    );
    assert_eq!(speakers(&r)[..2], ["Ilse Marken", "Joris Velde"]);
    // The limit applies to the unpacked bytes.
    let r = run_in(
        dir.path(),
        &["extract", "--max-bytes", "1K", "news/a.txt.gz"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run_in(
        dir.path(),
        &["extract", "--max-bytes", "100", "news/a.txt.gz"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("over the --max-bytes limit of 100"),
        "{}",
        r.stderr
    );
    let r = run_in(dir.path(), &["extract", "--max-bytes", "12Q", "news"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn inputs_of_a_kind_natoclaims_cannot_read_are_reported_and_fail_the_run() {
    let dir = temp();
    write(dir.path(), "docs/a.pdf", b"%PDF-1.7 not really");
    write(dir.path(), "docs/b.docx", b"PK\x03\x04");
    write(dir.path(), "docs/c.pdf.gz", gz(b"%PDF"));
    write(dir.path(), "docs/logo.png", b"\x89PNG");
    let r = run_in(dir.path(), &["extract", "docs"], None);
    assert_eq!(r.code, 2, "nothing readable: {}", r.stderr);
    assert!(
        r.stderr.contains(
            "natoclaims: 3 inputs of a kind natoclaims cannot read (PDF document: 2, Word document: 1), e.g. docs/a.pdf, docs/b.docx, docs/c.pdf.gz"
        ),
        "{}",
        r.stderr
    );
    assert_eq!(
        summary(&r),
        "natoclaims: 3 files seen, 0 articles read, 0 claims printed, 3 skipped (unreadable kind: 3)"
    );
    write(dir.path(), "docs/story.txt", TEXT);
    let r = run_in(dir.path(), &["extract", "--quiet", "docs"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(speakers(&r), ["Ilse Marken"]);
    assert!(
        r.stderr
            .contains("3 inputs of a kind natoclaims cannot read"),
        "quiet keeps it: {}",
        r.stderr
    );
}

#[test]
fn the_output_file_is_never_read_back_as_an_input() {
    let dir = temp();
    write(dir.path(), "news/a.txt", TEXT);
    write(
        dir.path(),
        "news/claims.jsonl",
        "left over from yesterday\n",
    );
    let args = ["extract", "news", "-o", "news/claims.jsonl"];
    let r = run_in(dir.path(), &args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        summary(&r),
        "natoclaims: 1 files seen, 1 articles read, 1 claims printed, 0 skipped"
    );
    // A claims file given as records is named for what it is.
    let r = run_in(dir.path(), &["extract", "news/claims.jsonl"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("news/claims.jsonl:1: malformed record skipped: a natoclaims claim line"),
        "{}",
        r.stderr
    );
}

/// A plain-text article whose header lines are `header`, for the `meta` command.
fn with_header(header: &str) -> String {
    format!(
        "Nordic envoys weigh the alliance door\n\n{header}\n\nFinnish envoy Aarne Salo said on Monday that Ukraine belonged in NATO.\n"
    )
}

#[test]
fn header_layouts_give_day_first_dates_dotted_fields_and_bylines_without_roles() {
    let dir = temp();
    let cases = [
        // A slash date beside a day-first country's zone reads day/month.
        (
            "By Mira Holm\n\n03/07/2024 - 14:22 CET",
            "2024-07-03",
            json!(["Mira Holm"]),
        ),
        // Without one it stays the US month/day.
        (
            "By Mira Holm\n\n03/07/2024 - 14:22 EST",
            "2024-03-07",
            json!(["Mira Holm"]),
        ),
        // A date field beside a label after a middle dot.
        (
            "By Mira Holm\n\nJuly 3, 2024 \u{b7} Analysis",
            "2024-07-03",
            json!(["Mira Holm"]),
        ),
        // A role after the name is no second author.
        (
            "Written by Juho Vaara, Senior Researcher\n\nJuly 3, 2024",
            "2024-07-03",
            json!(["Juho Vaara"]),
        ),
    ];
    for (i, (header, published, byline)) in cases.iter().enumerate() {
        let name = format!("h{i}.txt");
        write(dir.path(), &name, with_header(header));
        let r = run_in(dir.path(), &["meta", &name], None);
        let m = &json_lines(&r.stdout)[0];
        assert_eq!(m["published"], *published, "{header}");
        assert_eq!(m["byline"], *byline, "{header}");
    }
}
