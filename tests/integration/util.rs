//! Shared helpers for the integration tests: temporary folders, the binary, its JSON lines.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// The fields spec/CLAIMS.md requires on every claim line.
pub const REQUIRED_FIELDS: [&str; 11] = [
    "schema",
    "article",
    "speaker",
    "quote",
    "mode",
    "cue",
    "said_on",
    "date_text",
    "stance",
    "span",
    "evidence",
];

/// A one-claim article (Stoltenberg, conditional, said on 2023-06-29).
pub const ARTICLE: &str = " date 2023-06-30 NATO Secretary General Jens Stoltenberg said on June 29 that Ukraine would be invited to join the alliance when conditions are met.\n";

/// A fresh temporary folder, removed when dropped.
pub fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Write a file below `dir`, creating its folders.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(p, bytes).unwrap();
}

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A command for the built binary.
pub fn natoclaims() -> Command {
    Command::cargo_bin("natoclaims").expect("binary is built")
}

/// Output of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run the binary with these arguments (and optional stdin) in `dir`.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    run_env(dir, args, stdin, &[])
}

/// [`run_in`] with extra environment variables.
pub fn run_env(dir: &Path, args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Run {
    let mut cmd = natoclaims();
    cmd.current_dir(dir).args(args).envs(env.iter().copied());
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_vec());
    }
    let out = cmd.output().expect("binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Run in the project root.
pub fn run(args: &[&str]) -> Run {
    run_in(&root(), args, None)
}

/// Every stdout line parsed as JSON; panics (with the line) on anything else.
pub fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {l}"))
        })
        .collect()
}

/// The scorer's tokens: lowercase words minus stop words, accents folded naively.
pub fn content_tokens(s: &str) -> Vec<String> {
    const STOP: &str = "a an the and or but of to in on at by for with from as is are was were be been being it its this that these those there their they them he she his her him we our us i you your not no would will shall should could can may might has have had do does did than then so such into about over also only just which who whom whose what when where while if because";
    let stop: std::collections::HashSet<&str> = STOP.split_whitespace().collect();
    s.to_lowercase()
        .replace(['\u{2019}', '\''], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty() && !stop.contains(t))
        .map(str::to_string)
        .collect()
}

/// Token F1 between two texts, as the seed scorer computes it.
pub fn overlap_f1(a: &str, b: &str) -> f64 {
    let (p, g) = (content_tokens(a), content_tokens(b));
    if p.is_empty() || g.is_empty() {
        return 0.0;
    }
    let mut pool = g.clone();
    let mut common = 0;
    for t in &p {
        if let Some(i) = pool.iter().position(|x| x == t) {
            pool.swap_remove(i);
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let (pr, rc) = (
        common as f64 / p.len() as f64,
        common as f64 / g.len() as f64,
    );
    2.0 * pr * rc / (pr + rc)
}
