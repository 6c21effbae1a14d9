//! Shared helpers for the integration tests: temporary folders, the binary, its JSON lines.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
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

/// Function words the scorer ignores.
const STOP: &str = "a an the and or but of to in on at by for with from as is are was were be been being it its this that these those there their they them he she his her him we our us i you your not no would will shall should could can may might has have had do does did than then so such into about over also only just which who whom whose what when where while if because";

/// Lowercase with the accents of Latin letters folded.
fn fold(s: &str) -> String {
    // Accent folding for the Latin letters these cases use.
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ő' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ű' | 'ů' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ñ' | 'ń' | 'ň' => 'n',
            'ł' => 'l',
            'ř' => 'r',
            'ý' => 'y',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// Content tokens as `../shared/eval/score.py` reads them: accents folded, "'s" and
/// apostrophes dropped, stop words out.
pub fn scorer_tokens(s: &str) -> Vec<String> {
    let stop: HashSet<&str> = STOP.split_whitespace().collect();
    let s = fold(s).replace('\u{2019}', "'");
    // "'s" at a word end goes (as in the scorer), then every apostrophe.
    let chars: Vec<char> = s.chars().collect();
    let mut kept = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let at_end = |k: usize| k >= chars.len() || !chars[k].is_alphanumeric();
        if chars[i] == '\'' && chars.get(i + 1) == Some(&'s') && at_end(i + 2) {
            i += 2;
            continue;
        }
        if chars[i] != '\'' {
            kept.push(chars[i]);
        }
        i += 1;
    }
    let s = kept;
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty() && !stop.contains(t))
        .map(str::to_string)
        .collect()
}

/// Token F1 between two texts, as the scorers compute it.
pub fn overlap_f1(pred: &str, gold: &str) -> f64 {
    let (p, g) = (scorer_tokens(pred), scorer_tokens(gold));
    if p.is_empty() || g.is_empty() {
        return 0.0;
    }
    let mut pool: BTreeMap<&str, usize> = BTreeMap::new();
    for t in &g {
        *pool.entry(t).or_default() += 1;
    }
    let mut common = 0usize;
    for t in &p {
        if let Some(n) = pool.get_mut(t.as_str()) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
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
